/* uops.c: the stencil of every micro-op.
 *
 * One function per stencil, named after the uop it implements (CPython's uop names where one
 * corresponds). build.rs compiles this file once per target with one section per function, and
 * each function's machine code becomes a stencil. A stencil operates on the interpreter's own
 * frame slots and value stack, so at every guard the interpreter's state is exactly what it would
 * be before the bytecode the guard belongs to: guards come before any effect, and an exit needs
 * nothing but "resume at this instruction".
 *
 * Rules for writing a stencil (build.rs enforces the ones a machine can check):
 *   - end every path with CONTINUE(), EXIT(), ERROR() or JUMP_TARGET() (tail calls);
 *   - no calls to other functions in this file (inline them: `static inline`);
 *   - no writable globals, no switch statements compiled to jump tables;
 *   - write a Bool as a whole word (`set_bool`), read it through `u.b`.
 */
#include "stitch.h"

/* Reads a value as two 8-byte loads. Values are often written as two 8-byte stores (a helper or
 * a uop that sets the tag and the payload apart); a single 16-byte load of the slot right after
 * cannot be forwarded from those stores and stalls for a dozen cycles, where two 8-byte loads
 * forward from either kind of store. The volatile accesses keep the compiler from merging them
 * (the interpreter's `runtime::value::load_value` does the same). */
INLINE Value load_value(const Value *p) {
    Value v;
    v.tag = ((const volatile uint64_t *)p)[0];
    v.u.bits = ((const volatile uint64_t *)p)[1];
    return v;
}

INLINE void set_int(Value *v, int64_t i) {
    v->tag = TAG_INT;
    v->u.i = i;
}

INLINE void set_float(Value *v, double f) {
    v->tag = TAG_FLOAT;
    v->u.f = f;
}

INLINE void set_bool(Value *v, int b) {
    v->tag = TAG_BOOL;
    v->u.bits = (uint64_t)(b != 0);
}

/* Python's comparison codes, as the uop's oparg: < <= == != > >= (CPython's Py_LT..Py_GE). */
#define CMP_LT 0
#define CMP_LE 1
#define CMP_EQ 2
#define CMP_NE 3
#define CMP_GT 4
#define CMP_GE 5

/* Integers below 2**53 in magnitude convert to double exactly. */
#define EXACT_DOUBLE_LIMIT (INT64_C(1) << 53)

/* Writes a value as two 8-byte stores. Plain stores, so that the compiler drops one that writes
 * back a word just loaded from the same place (a guard's operand that stays where it was). */
INLINE void store_value(Value *p, Value v) {
    p->tag = v.tag;
    p->u.bits = v.u.bits;
}

/* ---- Top-of-stack caching ------------------------------------------------------------------
 * A uop written as `CACHED(name, inputs, outputs) { body }` gets one stencil per entry depth X
 * (0..NCACHE; see stitch.h), named name_cX, and one that works on memory alone, named name.
 * The body sees its inputs as in[0..inputs), in[inputs-1] the top, writes its outputs to
 * out[0..outputs), out[outputs-1] the new top, and returns 1 to exit (before any effect, as
 * every guard does) or 0 to go on; it never touches the stack. The variant takes each input from
 * a cache register or from memory below sp, and afterwards keeps the top
 * min(X - inputs (at least 0) + outputs, NCACHE) values in registers, storing any deeper ones to
 * memory: that is its exit depth, which the backend computes the same way
 * (jit::backend::stencil::cache). An exit leaves with the registers as they were on entry: the
 * backend aims the exit hole of a variant entered at depth X at an _EXIT_SPILL_cX that stores
 * them and jumps to the exit stub, so exit stubs and the interpreter always find the whole stack
 * in memory, and the stencil's exit path is one conditional branch (no spill code between it and
 * the next stencil). */
#define CHECK(ok) \
    do { \
        if (UNLIKELY(!(ok))) return 1; \
    } while (0)

/* A guard's outputs are its inputs. */
#define PASS(n) \
    for (int k_ = 0; k_ < (n); k_++) out[k_] = in[k_]

#define VARIANT(name, NIN, NOUT, X) \
    STENCIL(name##_c##X) { \
        CACHED_STENCIL(name, NIN, NOUT, X, NCACHE) \
    }

/* The same uop on the stack in memory alone (depth 0 in, 0 out): what runs without caching
 * (`--jit-cache=off`), and what `stitch stencils NAME` shows first. */
#define MEMORY_VARIANT(name, NIN, NOUT) \
    STENCIL(name) { \
        CACHED_STENCIL(name, NIN, NOUT, 0, 0) \
    }

/* The body of a variant entered with X values in registers, keeping at most MAX. */
#define CACHED_STENCIL(name, NIN, NOUT, X, MAX) \
    Value c_[NCACHE] = CACHE_INIT; \
    REGS_IN; \
    Value in_[(NIN) + 1], out_[(NOUT) + 1]; \
    for (int k_ = 0; k_ < (NIN); k_++) { \
        int d_ = (NIN) - k_; \
        in_[k_] = d_ <= (X) ? c_[d_ <= (X) ? (X) - d_ : 0] : load_value(&sp[(X) - d_]); \
    } \
    if (UNLIKELY(name##_body(locals, st, in_, out_, r_))) { \
        TAIL return _JIT_EXIT(locals, sp, st CACHE_LIVE(c_, X) REG_LIVE(r_)); \
    } \
    sp -= (NIN) > (X) ? (NIN) - (X) : 0; \
    enum { REM_ = (X) > (NIN) ? (X) - (NIN) : 0, TOTAL_ = REM_ + (NOUT), \
           DEPTH_ = TOTAL_ < (MAX) ? TOTAL_ : (MAX), SPILL_ = TOTAL_ - DEPTH_ }; \
    Value v_[TOTAL_ + 1]; \
    for (int k_ = 0; k_ < REM_; k_++) v_[k_] = c_[k_]; \
    for (int k_ = 0; k_ < (NOUT); k_++) v_[REM_ + k_] = out_[k_]; \
    for (int k_ = 0; k_ < SPILL_; k_++) store_value(&sp[k_], v_[k_]); \
    sp += SPILL_; \
    for (int k_ = 0; k_ < DEPTH_; k_++) c_[k_] = v_[SPILL_ + k_]; \
    if (DEPTH_ == 0) CONTINUE_KEEP(); \
    TAIL return _JIT_CONTINUE(locals, sp, st CACHE_LIVE(c_, DEPTH_) REG_LIVE(r_));

#if NCACHE == 3
#define VARIANTS(name, NIN, NOUT) \
    VARIANT(name, NIN, NOUT, 0) VARIANT(name, NIN, NOUT, 1) VARIANT(name, NIN, NOUT, 2) VARIANT(name, NIN, NOUT, 3)
#elif NCACHE == 2
#define VARIANTS(name, NIN, NOUT) VARIANT(name, NIN, NOUT, 0) VARIANT(name, NIN, NOUT, 1) VARIANT(name, NIN, NOUT, 2)
#else
#define VARIANTS(name, NIN, NOUT) VARIANT(name, NIN, NOUT, 0) VARIANT(name, NIN, NOUT, 1)
#endif

#define CACHED(name, NIN, NOUT) \
    INLINE int name##_body(Value *locals, JitState *st, const Value *in, Value *out, uint64_t *reg); \
    MEMORY_VARIANT(name, NIN, NOUT) \
    VARIANTS(name, NIN, NOUT) \
    INLINE int name##_body(Value *locals, JitState *st, const Value *in, Value *out, uint64_t *reg)

/* Stores the top X cached values to memory: before a uop that has no cached variant, before the
 * loop's head and before a continuation (entered at depth 0). */
#define SPILL(X) \
    STENCIL(_SPILL_c##X) { \
        Value c_[NCACHE] = CACHE_INIT; \
        REGS_IN; \
        for (int k_ = 0; k_ < (X); k_++) store_value(&sp[k_], c_[k_]); \
        sp += (X); \
        CONTINUE_KEEP(); \
    }

/* The same on the way from a variant entered at depth X to its exit stub, which this jumps to. */
#define EXIT_SPILL(X) \
    STENCIL(_EXIT_SPILL_c##X) { \
        Value c_[NCACHE] = CACHE_INIT; \
        REGS_IN; \
        for (int k_ = 0; k_ < (X); k_++) store_value(&sp[k_], c_[k_]); \
        sp += (X); \
        EXIT_KEEP(); \
    }

SPILL(1)
EXIT_SPILL(1)
#if NCACHE >= 2
SPILL(2)
EXIT_SPILL(2)
#endif
#if NCACHE >= 3
SPILL(3)
EXIT_SPILL(3)
#endif

/* ---- Entering ----------------------------------------------------------------------------- */

/* The entry shim, called from Rust with the platform's C calling convention: it runs the trace
 * that follows and returns what the trace's exit returns. With gcc it is a tail call, dropped as
 * a trailing jump (the trace simply starts); with clang it is a real call from the C convention
 * into preserve_none code, which saves the callee-saved registers the stencils may clobber. */
uintptr_t _TRACE_ENTRY(Value *locals, Value *sp, JitState *st) {
    return _JIT_CONTINUE(locals, sp, st CACHE_DEAD REG_DEAD);
}

/* ---- Stack and locals --------------------------------------------------------------------- */

/* Push local OPARG. */
CACHED(_LOAD_FAST, 0, 1) {
    out[0] = load_value(LOCAL);
    return 0;
}

/* Push local OPARG, exiting if it is unbound (the interpreter raises UnboundLocalError). */
CACHED(_LOAD_FAST_CHECK, 0, 1) {
    Value v = load_value(LOCAL);
    CHECK(v.tag != TAG_NULL);
    out[0] = v;
    return 0;
}

/* Pop into local OPARG. */
CACHED(_STORE_FAST, 1, 0) {
    store_value(LOCAL, in[0]);
    return 0;
}

/* Store the top into local OPARG and leave it on the stack (the optimizer's store-to-load
 * forwarding of `_STORE_FAST; _LOAD_FAST` of one local). */
CACHED(_STORE_FAST_KEEP, 1, 1) {
    store_value(LOCAL, in[0]);
    out[0] = in[0];
    return 0;
}

/* Unboxed locals (jit::opt::unbox): where the optimizer proved which tag a local holds, a load
 * takes the tag from OPERAND0 and only the payload from memory, and a store of a value with the
 * tag the local already holds writes only the payload: the tag word stays as it was, correct. */
CACHED(_LOAD_FAST_UNBOXED, 0, 1) {
    out[0].tag = OPERAND0;
    out[0].u.bits = LOCAL->u.bits;
    return 0;
}

CACHED(_STORE_FAST_UNBOXED, 1, 0) {
    LOCAL->u.bits = in[0].u.bits;
    return 0;
}

CACHED(_STORE_FAST_KEEP_UNBOXED, 1, 1) {
    LOCAL->u.bits = in[0].u.bits;
    out[0] = in[0];
    return 0;
}

/* Unboxed locals in registers (see stitch.h; jit::backend::stencil::regs): register K holds the
 * payload of a local of the loop's frame. A load pushes it with the tag OPERAND0, a store takes
 * the top's payload; reload and write-back move it between the register and local OPARG. */
#define REG_STENCILS(K) \
    CACHED(_LOAD_REG_##K, 0, 1) { \
        out[0].tag = OPERAND0; \
        out[0].u.bits = reg[K]; \
        return 0; \
    } \
    CACHED(_STORE_REG_##K, 1, 0) { \
        reg[K] = in[0].u.bits; \
        return 0; \
    } \
    CACHED(_STORE_KEEP_REG_##K, 1, 1) { \
        reg[K] = in[0].u.bits; \
        out[0] = in[0]; \
        return 0; \
    } \
    CACHED(_RELOAD_REG_##K, 0, 0) { \
        reg[K] = LOCAL->u.bits; \
        return 0; \
    } \
    CACHED(_WRITEBACK_REG_##K, 0, 0) { \
        LOCAL->u.bits = reg[K]; \
        return 0; \
    }

#if NREG >= 1
REG_STENCILS(0)
#endif
#if NREG >= 2
REG_STENCILS(1)
#endif
#if NREG >= 3
REG_STENCILS(2)
#endif
#if NREG >= 4
REG_STENCILS(3)
#endif

/* Push the constant whose tag is OPERAND0 and payload OPERAND1. */
CACHED(_LOAD_CONST_INLINE, 0, 1) {
    out[0].tag = OPERAND0;
    out[0].u.bits = OPERAND1;
    return 0;
}

/* Push the value stored at address OPERAND0 (a module or builtins dict entry, valid while the
 * dict version guarded before it holds). */
CACHED(_LOAD_VALUE_AT, 0, 1) {
    out[0] = load_value((const Value *)(uintptr_t)OPERAND0);
    return 0;
}

CACHED(_POP_TOP, 1, 0) {
    return 0;
}

CACHED(_PUSH_NULL, 0, 1) {
    out[0].tag = TAG_NULL;
    out[0].u.bits = 0;
    return 0;
}

/* Push a copy of the OPARG-th value from the top (1 = top). */
STENCIL(_COPY) {
    Value v = load_value(&sp[-(int64_t)OPARG]);
    *sp++ = v;
    CONTINUE();
}

/* Swap the top with the OPARG-th value from the top. */
STENCIL(_SWAP) {
    Value top = load_value(&sp[-1]);
    sp[-1] = load_value(&sp[-(int64_t)OPARG]);
    sp[-(int64_t)OPARG] = top;
    CONTINUE();
}

/* The common depths of both, as uops of their own (CPython's _COPY_1.._COPY_3, _SWAP_2 and
 * _SWAP_3), so that they have cached variants: with the values in registers a copy or a swap
 * is register moves, where the general stencils above go through memory with a computed
 * offset. `a[i] += x` copies two values and swaps three. */
CACHED(_COPY_1, 1, 2) {
    out[0] = in[0];
    out[1] = in[0];
    return 0;
}

CACHED(_COPY_2, 2, 3) {
    out[0] = in[0];
    out[1] = in[1];
    out[2] = in[0];
    return 0;
}

CACHED(_COPY_3, 3, 4) {
    out[0] = in[0];
    out[1] = in[1];
    out[2] = in[2];
    out[3] = in[0];
    return 0;
}

CACHED(_SWAP_2, 2, 2) {
    out[0] = in[1];
    out[1] = in[0];
    return 0;
}

CACHED(_SWAP_3, 3, 3) {
    out[0] = in[2];
    out[1] = in[1];
    out[2] = in[0];
    return 0;
}

/* ---- Type guards -------------------------------------------------------------------------- */

CACHED(_GUARD_BOTH_INT, 2, 2) {
    CHECK(in[1].tag == TAG_INT && in[0].tag == TAG_INT);
    PASS(2);
    return 0;
}

CACHED(_GUARD_TOS_INT, 1, 1) {
    CHECK(in[0].tag == TAG_INT);
    PASS(1);
    return 0;
}

CACHED(_GUARD_TOS_BOOL, 1, 1) {
    CHECK(in[0].tag == TAG_BOOL);
    PASS(1);
    return 0;
}

CACHED(_GUARD_NOS_INT, 2, 2) {
    CHECK(in[0].tag == TAG_INT);
    PASS(2);
    return 0;
}

CACHED(_GUARD_BOTH_FLOAT, 2, 2) {
    CHECK(in[1].tag == TAG_FLOAT && in[0].tag == TAG_FLOAT);
    PASS(2);
    return 0;
}

CACHED(_GUARD_TOS_FLOAT, 1, 1) {
    CHECK(in[0].tag == TAG_FLOAT);
    PASS(1);
    return 0;
}

CACHED(_GUARD_NOS_FLOAT, 2, 2) {
    CHECK(in[0].tag == TAG_FLOAT);
    PASS(2);
    return 0;
}

/* ---- Integer arithmetic (both operands known to be ints; results that do not fit in 64 bits
 * exit before any effect, and the interpreter computes the big integer) ---------------------- */

CACHED(_BINARY_OP_ADD_INT, 2, 1) {
    int64_t r;
    CHECK(!__builtin_add_overflow(in[0].u.i, in[1].u.i, &r));
    set_int(&out[0], r);
    return 0;
}

CACHED(_BINARY_OP_SUBTRACT_INT, 2, 1) {
    int64_t r;
    CHECK(!__builtin_sub_overflow(in[0].u.i, in[1].u.i, &r));
    set_int(&out[0], r);
    return 0;
}

CACHED(_BINARY_OP_MULTIPLY_INT, 2, 1) {
    int64_t r;
    CHECK(!__builtin_mul_overflow(in[0].u.i, in[1].u.i, &r));
    set_int(&out[0], r);
    return 0;
}

/* Python's // rounds toward negative infinity. Division by zero and MIN // -1 exit. */
CACHED(_BINARY_OP_FLOOR_DIVIDE_INT, 2, 1) {
    int64_t a = in[0].u.i, b = in[1].u.i;
    CHECK(b != 0 && !(a == INT64_MIN && b == -1));
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q -= 1;
    set_int(&out[0], q);
    return 0;
}

/* Python's % takes the sign of the divisor. */
CACHED(_BINARY_OP_MODULO_INT, 2, 1) {
    int64_t a = in[0].u.i, b = in[1].u.i;
    CHECK(b != 0 && !(a == INT64_MIN && b == -1));
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    set_int(&out[0], r);
    return 0;
}

CACHED(_BINARY_OP_AND_INT, 2, 1) {
    set_int(&out[0], in[0].u.i & in[1].u.i);
    return 0;
}

CACHED(_BINARY_OP_OR_INT, 2, 1) {
    set_int(&out[0], in[0].u.i | in[1].u.i);
    return 0;
}

CACHED(_BINARY_OP_XOR_INT, 2, 1) {
    set_int(&out[0], in[0].u.i ^ in[1].u.i);
    return 0;
}

/* a << n; exits for a negative count (ValueError) and when bits would be lost. */
CACHED(_BINARY_OP_LSHIFT_INT, 2, 1) {
    int64_t a = in[0].u.i, n = in[1].u.i;
    CHECK(n >= 0 && n < 63);
    int64_t r = (int64_t)((uint64_t)a << n);
    CHECK((r >> n) == a);
    set_int(&out[0], r);
    return 0;
}

/* a >> n is arithmetic; counts of 64 and more give 0 or -1. Negative counts exit. */
CACHED(_BINARY_OP_RSHIFT_INT, 2, 1) {
    int64_t a = in[0].u.i, n = in[1].u.i;
    CHECK(n >= 0);
    set_int(&out[0], n > 63 ? (a < 0 ? -1 : 0) : a >> n);
    return 0;
}

CACHED(_UNARY_NEGATIVE_INT, 1, 1) {
    int64_t a = in[0].u.i;
    CHECK(a != INT64_MIN);
    set_int(&out[0], -a);
    return 0;
}

/* int / int gives a float; exact when both are below 2**53 (else the interpreter's correctly
 * rounded division runs). Division by zero exits. */
CACHED(_BINARY_OP_TRUE_DIVIDE_INT, 2, 1) {
    int64_t a = in[0].u.i, b = in[1].u.i;
    CHECK(b != 0 && a > -EXACT_DOUBLE_LIMIT && a < EXACT_DOUBLE_LIMIT && b > -EXACT_DOUBLE_LIMIT &&
          b < EXACT_DOUBLE_LIMIT);
    set_float(&out[0], (double)a / (double)b);
    return 0;
}

/* ---- Float arithmetic --------------------------------------------------------------------- */

CACHED(_BINARY_OP_ADD_FLOAT, 2, 1) {
    set_float(&out[0], in[0].u.f + in[1].u.f);
    return 0;
}

CACHED(_BINARY_OP_SUBTRACT_FLOAT, 2, 1) {
    set_float(&out[0], in[0].u.f - in[1].u.f);
    return 0;
}

CACHED(_BINARY_OP_MULTIPLY_FLOAT, 2, 1) {
    set_float(&out[0], in[0].u.f * in[1].u.f);
    return 0;
}

/* x ** y in the runtime (libm's pow, as the interpreter); where Python raises, exit before any
 * effect. */
CACHED(_BINARY_OP_POWER_FLOAT, 2, 1) {
    double r;
    CHECK(stitch_float_pow(in[0].u.f, in[1].u.f, &r));
    set_float(&out[0], r);
    return 0;
}

/* Division by zero exits (the interpreter raises ZeroDivisionError). */
CACHED(_BINARY_OP_TRUE_DIVIDE_FLOAT, 2, 1) {
    double b = in[1].u.f;
    CHECK(b != 0.0);
    set_float(&out[0], in[0].u.f / b);
    return 0;
}

CACHED(_UNARY_NEGATIVE_FLOAT, 1, 1) {
    set_float(&out[0], -in[0].u.f);
    return 0;
}

/* Mixed arithmetic converts the int operand first, as Python does (float(i) rounds to nearest). */
CACHED(_INT_TO_FLOAT_TOS, 1, 1) {
    set_float(&out[0], (double)in[0].u.i);
    return 0;
}

CACHED(_INT_TO_FLOAT_NOS, 2, 2) {
    set_float(&out[0], (double)in[0].u.i);
    out[1] = in[1];
    return 0;
}

/* ---- Comparisons and truth ---------------------------------------------------------------- */

INLINE int compare_int(int64_t a, int64_t b, uint64_t op) {
    return op == CMP_LT ? a < b : op == CMP_LE ? a <= b : op == CMP_EQ ? a == b
         : op == CMP_NE ? a != b : op == CMP_GT ? a > b : a >= b;
}

INLINE int compare_float(double a, double b, uint64_t op) {
    return op == CMP_LT ? a < b : op == CMP_LE ? a <= b : op == CMP_EQ ? a == b
         : op == CMP_NE ? a != b : op == CMP_GT ? a > b : a >= b;
}

/* Compare two ints with comparison OPARG, leaving a bool. */
CACHED(_COMPARE_OP_INT, 2, 1) {
    set_bool(&out[0], compare_int(in[0].u.i, in[1].u.i, OPARG));
    return 0;
}

CACHED(_COMPARE_OP_FLOAT, 2, 1) {
    set_bool(&out[0], compare_float(in[0].u.f, in[1].u.f, OPARG));
    return 0;
}

/* `is` / `is not` (OPARG 1) between two values whose tags were guarded to be None, Bool or
 * objects: identity is equality of tag and payload. */
CACHED(_IS_OP, 2, 1) {
    Value a = in[0], b = in[1];
    int same = a.tag == b.tag &&
               (a.tag == TAG_NONE || (a.tag == TAG_BOOL ? a.u.b == b.u.b : a.u.bits == b.u.bits));
    set_bool(&out[0], same != (OPARG != 0));
    return 0;
}

CACHED(_TO_BOOL_INT, 1, 1) {
    set_bool(&out[0], in[0].u.i != 0);
    return 0;
}

/* The top must already be a bool (a guard or _TO_BOOL_* made it one). */
CACHED(_UNARY_NOT, 1, 1) {
    set_bool(&out[0], !in[0].u.b);
    return 0;
}

/* ---- Branches become guards on the direction the recording took --------------------------- */

CACHED(_GUARD_IS_TRUE_POP, 1, 0) {
    CHECK(in[0].tag == TAG_BOOL && in[0].u.b);
    PASS(0);
    return 0;
}

CACHED(_GUARD_IS_FALSE_POP, 1, 0) {
    CHECK(in[0].tag == TAG_BOOL && !in[0].u.b);
    PASS(0);
    return 0;
}

/* A comparison and the branch on it, fused (the optimizer's `fuse` pass): exits unless `a OP b`
 * holds (`_NOT_`: unless it fails), before any effect, with both operands still on the stack; the
 * exit's restore uops compute the bool the branch would have seen. One stencil per operator and
 * outcome, so the test is one compare and one branch. (Ints need no `_NOT_` forms: the fuse pass
 * negates the operator. Floats do: `not a < b` is not `a >= b` when either is NaN.) */
#define GUARD_COMPARE(name, field, TEST) \
    CACHED(name, 2, 0) { \
        double a_f = in[0].u.f, b_f = in[1].u.f; \
        int64_t a_i = in[0].u.i, b_i = in[1].u.i; \
        (void)a_f, (void)b_f, (void)a_i, (void)b_i; \
        CHECK(TEST); \
        return 0; \
    }
GUARD_COMPARE(_GUARD_COMPARE_INT_LT, i, a_i < b_i)
GUARD_COMPARE(_GUARD_COMPARE_INT_LE, i, a_i <= b_i)
GUARD_COMPARE(_GUARD_COMPARE_INT_EQ, i, a_i == b_i)
GUARD_COMPARE(_GUARD_COMPARE_INT_NE, i, a_i != b_i)
GUARD_COMPARE(_GUARD_COMPARE_INT_GT, i, a_i > b_i)
GUARD_COMPARE(_GUARD_COMPARE_INT_GE, i, a_i >= b_i)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_LT, f, a_f < b_f)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_LE, f, a_f <= b_f)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_EQ, f, a_f == b_f)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NE, f, a_f != b_f)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_GT, f, a_f > b_f)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_GE, f, a_f >= b_f)
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NOT_LT, f, !(a_f < b_f))
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NOT_LE, f, !(a_f <= b_f))
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NOT_EQ, f, !(a_f == b_f))
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NOT_NE, f, !(a_f != b_f))
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NOT_GT, f, !(a_f > b_f))
GUARD_COMPARE(_GUARD_COMPARE_FLOAT_NOT_GE, f, !(a_f >= b_f))

/* `JUMP_IF_TRUE_OR_POP`/`JUMP_IF_FALSE_OR_POP` on a bool: the same guards, keeping the value
 * (the jump keeps it; the fall-through pops it with _POP_TOP). */
CACHED(_GUARD_IS_TRUE, 1, 1) {
    CHECK(in[0].tag == TAG_BOOL && in[0].u.b);
    PASS(1);
    return 0;
}

CACHED(_GUARD_IS_FALSE, 1, 1) {
    CHECK(in[0].tag == TAG_BOOL && !in[0].u.b);
    PASS(1);
    return 0;
}

/* The value OPARG slots below the top is NULL (the self-or-null slot of a call: no self). */
STENCIL(_GUARD_SLOT_NULL) {
    GUARD(sp[-(int64_t)OPARG].tag == TAG_NULL);
    CONTINUE();
}

/* The value OPARG slots below the top is not NULL (the self-or-null slot of a call: a self). */
STENCIL(_GUARD_SLOT_NOT_NULL) {
    GUARD(sp[-(int64_t)OPARG].tag != TAG_NULL);
    CONTINUE();
}

CACHED(_GUARD_IS_NONE_POP, 1, 0) {
    CHECK(in[0].tag == TAG_NONE);
    return 0;
}

CACHED(_GUARD_IS_NOT_NONE_POP, 1, 0) {
    CHECK(in[0].tag != TAG_NONE);
    return 0;
}

/* ---- Assumptions: versions, identities, shapes -------------------------------------------- */

/* The 64-bit word at address OPERAND0 still holds OPERAND1: a dict's version (globals,
 * builtins) or the class epoch. */
CACHED(_GUARD_WORD_EQ, 0, 0) {
    CHECK(*(const volatile uint64_t *)(uintptr_t)OPERAND0 == OPERAND1);
    return 0;
}

/* The callee of a call with OPARG arguments is the function object OPERAND0. (Whether a self
 * precedes the arguments the recorder knows: it saw what pushed that slot.) */
STENCIL(_CHECK_FUNCTION) {
    Value callee = load_value(&sp[-(int64_t)OPARG - 2]);
    GUARD(callee.tag == TAG_OBJ && (uint64_t)(uintptr_t)callee.u.obj == OPERAND0);
    CONTINUE();
}

/* The callee of a call with OPARG arguments is a function of code object OPERAND0 that takes
 * its arguments by the fast path: any function made from that code (a comprehension or a
 * closure is a new function object each time its definition runs). */
STENCIL(_CHECK_FUNCTION_CODE) {
    GUARD(stitch_check_function_code(sp, OPARG, OPERAND0));
    CONTINUE();
}

/* The top is an instance whose shape is OPERAND0 (a shape belongs to one class, so this also
 * fixes the class). */
CACHED(_GUARD_TYPE_VERSION, 1, 1) {
    Value v = in[0];
    CHECK(v.tag == TAG_OBJ);
    const Instance *o = (const Instance *)v.u.obj;
    CHECK(o->kind == KIND_INSTANCE && (uint64_t)(uintptr_t)o->shape == OPERAND0);
    PASS(1);
    return 0;
}

/* The same for the value below the top (the left operand of an operator). */
CACHED(_GUARD_NOS_TYPE_VERSION, 2, 2) {
    Value v = in[0];
    CHECK(v.tag == TAG_OBJ);
    const Instance *o = (const Instance *)v.u.obj;
    CHECK(o->kind == KIND_INSTANCE && (uint64_t)(uintptr_t)o->shape == OPERAND0);
    PASS(2);
    return 0;
}

/* The top is a heap object of kind OPERAND0 (an ObjKind variant number: a built-in list, dict,
 * str, ... whose kind fixes its class). */
CACHED(_GUARD_TOS_KIND, 1, 1) {
    Value v = in[0];
    CHECK(v.tag == TAG_OBJ && *(const uint8_t *)v.u.obj == OPERAND0);
    PASS(1);
    return 0;
}

/* The top is object OPERAND0 itself (a module). */
CACHED(_GUARD_TOS_IS, 1, 1) {
    Value v = in[0];
    CHECK(v.tag == TAG_OBJ && (uint64_t)(uintptr_t)v.u.obj == OPERAND0);
    PASS(1);
    return 0;
}

/* Local OPARG has tag OPERAND0: a check the optimizer moved from a loop's body to its preamble,
 * where nothing is on the stack that an exit at the loop header would not expect. */
CACHED(_GUARD_FAST_TAG, 0, 0) {
    CHECK(LOCAL->tag == OPERAND0);
    return 0;
}

/* Local OPARG is an instance whose shape is OPERAND0 (a preamble check, as above). */
CACHED(_GUARD_FAST_TYPE_VERSION, 0, 0) {
    Value v = load_value(LOCAL);
    CHECK(v.tag == TAG_OBJ);
    const Instance *o = (const Instance *)v.u.obj;
    CHECK(o->kind == KIND_INSTANCE && (uint64_t)(uintptr_t)o->shape == OPERAND0);
    return 0;
}

/* ---- Attributes (the shape was guarded, so slot OPERAND0 exists) -------------------------- */

/* Replace the instance on top with its attribute in slot OPERAND0. */
CACHED(_LOAD_ATTR_INSTANCE_VALUE, 1, 1) {
    const Instance *o = (const Instance *)in[0].u.obj;
    Value v = load_value(&o->slots.ptr[OPERAND0]);
    CHECK(v.tag != TAG_NULL);
    out[0] = v;
    return 0;
}

/* Stack: value, instance. Store value into slot OPERAND0 of the instance. */
CACHED(_STORE_ATTR_INSTANCE_VALUE, 2, 0) {
    const Instance *o = (const Instance *)in[1].u.obj;
    store_value(&o->slots.ptr[OPERAND0], in[0]);
    return 0;
}

/* Add attribute slot OPERAND0 to the instance below the value, as its shape OPERAND1 (the
 * transition from the guarded shape) says: append the value to its slots (in the runtime when
 * the vector is full). The slot must be the next one (else exit before any effect). */
STENCIL(_STORE_ATTR_INSTANCE_APPEND) {
    Instance *o = (Instance *)sp[-1].u.obj;
    GUARD(o->slots.len == OPERAND0);
    if (LIKELY(o->slots.len < o->slots.cap)) {
        o->slots.ptr[OPERAND0] = load_value(&sp[-2]);
        o->slots.len += 1;
    } else {
        stitch_slots_push((Obj *)o, &sp[-2]);
    }
    o->shape = (const void *)(uintptr_t)OPERAND1;
    sp -= 2;
    CONTINUE();
}

/* A method found on the class (the shape guard proved the instance does not shadow it): replace
 * the instance with [function OPERAND0, instance], the 3.13 method-call layout. */
CACHED(_LOAD_ATTR_METHOD_WITH_VALUES, 1, 2) {
    out[0].tag = TAG_OBJ;
    out[0].u.bits = OPERAND0;
    out[1] = in[0];
    return 0;
}

/* Push the value of the cell in local slot OPARG (a closure variable); an empty cell (or a slot
 * that is not a cell) exits, and the interpreter raises. */
CACHED(_LOAD_DEREF, 0, 1) {
    Value cell = load_value(LOCAL);
    CHECK(cell.tag == TAG_OBJ);
    const CellObj *c = (const CellObj *)cell.u.obj;
    CHECK(c->kind == KIND_CELL && c->value.tag != TAG_NULL);
    out[0] = load_value(&c->value);
    return 0;
}

/* Store the top into the closure cell in local slot OPARG (exit before any effect if the slot
 * holds no cell). */
CACHED(_STORE_DEREF, 1, 0) {
    Value cell = load_value(LOCAL);
    CHECK(cell.tag == TAG_OBJ);
    CellObj *c = (CellObj *)cell.u.obj;
    CHECK(c->kind == KIND_CELL);
    store_value(&c->value, in[0]);
    return 0;
}

/* ---- Calls and frames ----------------------------------------------------------------------- */

/* Push the frame of the Python function guarded to be the callee of a call with OPARG arguments,
 * as the interpreter's CALL does: the caller's record gets its resume point and the stack
 * position of the call's result; the callee's record is copied from the call site's template
 * (OPERAND0), its arguments become its first locals in place and its other locals are cleared.
 * Execution continues in the callee. Past the recursion limit or the VM stack's end, exits
 * before the call, where the interpreter raises RecursionError. */
STENCIL(_PUSH_FRAME) {
    const FrameTemplate *t = (const FrameTemplate *)OPERAND0;
    FrameStack *frames = st->frames;
    Value *base = sp - t->nargs;
    uint64_t first = (uint64_t)(base - st->stack);
    GUARD(frames->len < frames->limit && first + t->reserve < st->stack_slots);
    Frame *caller = &frames->records[frames->len - 1];
    caller->pc = t->caller_pc;
    caller->sp = (uint64_t)(sp - st->stack) - OPARG - 2;
    Frame *callee = &frames->records[frames->len];
    *callee = t->frame;
    callee->func = load_value(&sp[-(int64_t)OPARG - 2]);
    callee->base = first;
    callee->sp = first + t->nlocals;
    frames->len += 1;
    for (uint64_t i = t->nargs; i < t->nlocals; i++) base[i].tag = TAG_NULL;
    locals = base;
    sp = base + t->nlocals;
    CONTINUE();
}

/* A class call: create the instance and push its `__init__` frame with the OPARG arguments, in
 * the runtime (the class and its epoch were guarded). The caller resumes at OPERAND0; OPERAND1 is
 * the callee's number of local slots. */
STENCIL(_CREATE_INIT_FRAME) {
    Value *callee_locals = stitch_create_init_frame(st, sp, OPARG, OPERAND0);
    if (UNLIKELY(callee_locals == NULL)) ERROR();
    locals = callee_locals;
    sp = callee_locals + OPERAND1;
    CONTINUE();
}

/* Return the top value from a frame this trace pushed with _PUSH_FRAME (an ordinary call) to the
 * result slot of the caller, and continue in the caller. */
STENCIL(_POP_FRAME) {
    FrameStack *frames = st->frames;
    Value result = load_value(&sp[-1]);
    frames->len -= 1;
    const Frame *caller = &frames->records[frames->len - 1];
    sp = st->stack + caller->sp;
    *sp++ = result;
    locals = st->stack + caller->base;
    CONTINUE();
}

/* Return the OPARG values on top from a frame this trace pushed to the caller's stack, in order,
 * where the callable was: the items of a tuple the optimizer kept virtual (`return a, b` unpacked
 * by the caller). The caller's slots lie below the callee's, so copying upwards is safe. */
STENCIL(_POP_FRAME_N) {
    FrameStack *frames = st->frames;
    Value *from = sp - OPARG;
    frames->len -= 1;
    const Frame *caller = &frames->records[frames->len - 1];
    sp = st->stack + caller->sp;
    for (uint64_t i = 0; i < OPARG; i++) *sp++ = load_value(&from[i]);
    locals = st->stack + caller->base;
    CONTINUE();
}

/* Return from any other frame (an `__init__`, or one the trace did not push) through the runtime,
 * which checks the frame's kind. (It fails only if the frame is not one a trace may return from,
 * which the recorder rules out.) */
STENCIL(_POP_FRAME_CHECKED) {
    FramePair caller = stitch_pop_frame(st, sp);
    if (UNLIKELY(caller.locals == NULL)) ERROR();
    locals = caller.locals;
    sp = caller.sp;
    CONTINUE();
}

/* An operator's special method, guarded by the operand's shape and the class epoch, in a frame
 * of its own (template OPERAND0; kind FrameKind::Binary for a binary operator): the OPARG operands
 * on top become its first locals in place and the caller's result slot is the first operand's.
 * Past the recursion limit or the VM stack's end, exits before the operator. */
STENCIL(_PUSH_FRAME_OPERATOR) {
    const FrameTemplate *t = (const FrameTemplate *)OPERAND0;
    FrameStack *frames = st->frames;
    Value *base = sp - OPARG;
    uint64_t first = (uint64_t)(base - st->stack);
    GUARD(frames->len < frames->limit && first + t->reserve < st->stack_slots);
    Frame *caller = &frames->records[frames->len - 1];
    caller->pc = t->caller_pc;
    caller->sp = first;
    Frame *callee = &frames->records[frames->len];
    *callee = t->frame;
    callee->base = first;
    callee->sp = first + t->nlocals;
    frames->len += 1;
    for (uint64_t i = OPARG; i < t->nlocals; i++) base[i].tag = TAG_NULL;
    locals = base;
    sp = base + t->nlocals;
    CONTINUE();
}

/* Return from such a frame: its result replaces the operands, as _POP_FRAME does. A result that
 * is NotImplemented (OPERAND0) exits at the return instead: the interpreter's return finishes the
 * operator's protocol (the reflected method). */
STENCIL(_POP_FRAME_BINARY) {
    Value result = load_value(&sp[-1]);
    GUARD(!(result.tag == TAG_OBJ && (uint64_t)(uintptr_t)result.u.obj == OPERAND0));
    FrameStack *frames = st->frames;
    frames->len -= 1;
    const Frame *caller = &frames->records[frames->len - 1];
    sp = st->stack + caller->sp;
    *sp++ = result;
    locals = st->stack + caller->base;
    CONTINUE();
}

/* Before a function trace returns: the running frame is not one Rust code called (a callback, a
 * call made through the runtime), which only the interpreter returns from. */
STENCIL(_GUARD_NOT_ENTRY) {
    GUARD(!st->frames->records[st->frames->len - 1].entry);
    CONTINUE();
}

/* Before a side trace returns from a frame below the one its loop runs in: the frame may be
 * returned from in a trace and the caller is code OPERAND0 suspended before instruction OPERAND1,
 * the call site the recording returned to (the function may be called from anywhere). */
STENCIL(_GUARD_CALLER) {
    GUARD(stitch_guard_caller(st, OPERAND0, OPERAND1));
    CONTINUE();
}

/* A function trace's return dispatch, after _POP_FRAME: when the running frame (the caller) is an
 * activation of function OPERAND0 suspended at one of its recursive calls, continue in the
 * continuation after that call, found in the function's continuation table (OPERAND1: one entry
 * per instruction, the continuation's address or null; written by the JIT as it compiles them,
 * never this code) and it is not a frame Rust code called. Otherwise leave: the interpreter resumes
 * the caller where its record says. */
STENCIL(_RETURN_DISPATCH) {
    const Frame *caller = &st->frames->records[st->frames->len - 1];
    /* (Not in a frame Rust code called: the interpreter returns from it.) */
    if ((uint64_t)(uintptr_t)caller->code == OPERAND0 && !caller->entry) {
        stencil_fn *const *table = (stencil_fn *const *)(uintptr_t)OPERAND1;
        stencil_fn *next = table[caller->pc];
        if (next != NULL) TAIL return next(locals, sp, st CACHE_DEAD REG_DEAD);
    }
    EXIT();
}

/* len() (object OPERAND0) of a built-in container or str: the callee, the empty self slot and
 * the argument are replaced by the int (else exit before any effect). */
STENCIL(_CALL_LEN) {
    GUARD(stitch_call_len(sp, OPERAND0));
    sp -= 2;
    CONTINUE();
}

/* list.append (the function OPERAND0) of one argument on an exact list no Rust code borrows: the
 * callee, the list and the item are replaced by None. The item goes in place while the buffer
 * has room; a full one grows through the runtime. Anything else exits before any effect. */
CACHED(_CALL_LIST_APPEND, 3, 1) {
    CHECK(in[0].tag == TAG_OBJ && (uint64_t)(uintptr_t)in[0].u.obj == OPERAND0 && in[1].tag == TAG_OBJ);
    ListObj *l = (ListObj *)in[1].u.obj;
    CHECK(l->kind == KIND_LIST && l->borrow == 0);
    uint64_t len = l->len;
    if (LIKELY(len < l->cap)) {
        store_value(&l->items[len], in[2]);
        l->len = len + 1;
    } else {
        stitch_list_push(in[1].u.obj, in[2].tag, in[2].u.bits);
    }
    out[0].tag = TAG_NONE;
    out[0].u.bits = 0;
    return 0;
}

/* math function OPARG (sqrt, sin, cos, tan, atan, fabs: mathmod's kernels) of an int or float:
 * the callee (object OPERAND0), the empty self slot and the argument are replaced by the float
 * (else exit before any effect; the interpreter's CALL raises a domain error). */
STENCIL(_CALL_MATH1) {
    GUARD(stitch_call_math1(sp, OPARG, OPERAND0));
    sp -= 2;
    CONTINUE();
}

/* Call whatever is below the OPARG arguments (built-in functions, classes, ...) through the
 * runtime; OPERAND0 is the call's instruction, for tracebacks. */
STENCIL(_CALL) {
    sp = stitch_call(st, sp, OPARG, OPERAND0);
    if (UNLIKELY(sp == NULL)) ERROR();
    CONTINUE();
}

/* Run bytecode instruction OPERAND0 of the current frame in the interpreter: any bytecode can
 * run inside a trace. */
STENCIL(_EXECUTE_BYTECODE) {
    sp = stitch_execute(st, locals, sp, OPERAND0);
    if (UNLIKELY(sp == NULL)) ERROR();
    CONTINUE();
}

/* ---- Iteration and indexing (in place; each exits before any effect when it cannot act) -- */

/* Whether `v` is a tuple or a list, and then its items and their count: a list's as they are
 * now (none while Rust code borrows it exclusively). */
INLINE int sequence_items(Value v, const Value **items, uint64_t *len) {
    if (v.tag != TAG_OBJ) return 0;
    const Obj *o = v.u.obj;
    uint8_t kind = *(const uint8_t *)o;
    if (kind == KIND_TUPLE) {
        *items = ((const TupleObj *)o)->items;
        *len = ((const TupleObj *)o)->len;
        return 1;
    }
    if (kind == KIND_LIST) {
        *items = ((const ListObj *)o)->items;
        *len = ((const ListObj *)o)->len;
        return 1;
    }
    return 0;
}

/* Python's index normalization: a negative index counts from the end; the result is below `len`
 * when the index is in range (a negative one is huge as unsigned). */
INLINE uint64_t normalize_index(int64_t i, uint64_t len) {
    return (uint64_t)(i < 0 ? i + (int64_t)len : i);
}

/* The iterator `v` if it is a built-in one in state `state` that no Rust code is using (else
 * NULL): machine code may advance it in place. */
INLINE IterObj *free_iterator(Value v, uint64_t state) {
    if (v.tag != TAG_OBJ) return NULL;
    IterObj *it = (IterObj *)v.u.obj;
    if (it->kind != KIND_ITERATOR || it->borrow != 0 || it->state != state) return NULL;
    return it;
}

/* The next item of the sequence iterator `it` over a list (KIND_LIST) or a tuple (KIND_TUPLE),
 * which it steps past; 0 when it is over another kind or exhausted (and left as it was). */
INLINE int next_item(IterObj *it, uint8_t kind, Value *item) {
    const Obj *seq = it->u.seq.seq;
    if (*(const uint8_t *)seq != kind) return 0;
    uint64_t i = it->u.seq.index, len;
    const Value *items;
    if (!sequence_items((Value){.tag = TAG_OBJ, .u.obj = (Obj *)seq}, &items, &len) || i >= len) return 0;
    *item = load_value(&items[i]);
    it->u.seq.index = i + 1;
    return 1;
}

/* The top is a range iterator with a next value: push it, the iterator advanced in place.
 * Exhausted or not a range iterator: exit before any effect, and the interpreter's FOR_ITER
 * ends the loop. */
CACHED(_FOR_ITER_RANGE, 1, 2) {
    IterObj *it = free_iterator(in[0], ITER_RANGE);
    CHECK(it != NULL);
    int64_t next = it->u.range.next, step = it->u.range.step;
    CHECK(step > 0 ? next < it->u.range.stop : next > it->u.range.stop);
    int64_t after;
    /* Past the last value `next` may leave 64 bits (range(0, 2**63 - 1, 7)): saturate, the
     * iterator is exhausted either way. */
    if (__builtin_add_overflow(next, step, &after)) after = step > 0 ? INT64_MAX : INT64_MIN;
    it->u.range.next = after;
    out[0] = in[0];
    set_int(&out[1], next);
    return 0;
}

CACHED(_FOR_ITER_LIST, 1, 2) {
    IterObj *it = free_iterator(in[0], ITER_SEQ);
    CHECK(it != NULL && next_item(it, KIND_LIST, &out[1]));
    out[0] = in[0];
    return 0;
}

CACHED(_FOR_ITER_TUPLE, 1, 2) {
    IterObj *it = free_iterator(in[0], ITER_SEQ);
    CHECK(it != NULL && next_item(it, KIND_TUPLE, &out[1]));
    out[0] = in[0];
    return 0;
}

/* enumerate() over a list iterator, fused with the UNPACK_SEQUENCE 2 after it: push the item,
 * then the count (else exit before any effect: another iterator, exhausted, a count at the
 * end of 64 bits). */
CACHED(_FOR_ITER_ENUMERATE_LIST, 1, 3) {
    IterObj *e = free_iterator(in[0], ITER_ENUMERATE);
    CHECK(e != NULL && e->u.enumerate.count.tag == TAG_INT && e->u.enumerate.count.u.i != INT64_MAX);
    IterObj *it = free_iterator(e->u.enumerate.it, ITER_SEQ);
    CHECK(it != NULL && next_item(it, KIND_LIST, &out[1]));
    int64_t n = e->u.enumerate.count.u.i;
    e->u.enumerate.count.u.i = n + 1;
    out[0] = in[0];
    set_int(&out[2], n);
    return 0;
}

/* A generator drained by Rust code yields the top: collect it, leave None (else exit: the
 * interpreter suspends the generator). */
STENCIL(_YIELD_VALUE_SINK) {
    GUARD(stitch_yield_to_sink(st, sp));
    CONTINUE();
}

/* iter() of the list, tuple or range on top (else exit before any effect). */
STENCIL(_GET_ITER_SEQUENCE) {
    GUARD(stitch_get_iter_sequence(st, sp));
    CONTINUE();
}

/* The loop ends: the iterator on top is exhausted (else exit: the loop goes on in the
 * interpreter); pop it. The trace continues past the loop, where FOR_ITER jumps. */
STENCIL(_FOR_ITER_EXHAUSTED) {
    GUARD(stitch_for_iter_exhausted(sp));
    sp--;
    CONTINUE();
}

/* The top value's truth is OPARG (1: true), found without running Python code (else exit: the
 * interpreter calls the class's __bool__ or __len__). _GUARD_TRUTH_POP then pops the value. */
STENCIL(_GUARD_TRUTH) {
    GUARD(stitch_pure_truth(sp) == (int)OPARG);
    CONTINUE();
}

STENCIL(_GUARD_TRUTH_POP) {
    GUARD(stitch_pure_truth(sp) == (int)OPARG);
    sp--;
    CONTINUE();
}

/* FOR_ITER (instruction OPERAND0) over any iterator, through the runtime, which may run Python
 * code (a generator, a __next__): push the next item. An exhausted iterator is popped and the
 * trace leaves, past the loop (where FOR_ITER jumps): the iterator is never asked twice. */
STENCIL(_FOR_ITER_NEXT) {
    int r = stitch_for_iter_next(st, sp, OPERAND0);
    if (UNLIKELY(r < 0)) ERROR();
    if (UNLIKELY(r == 0)) {
        sp--;
        EXIT();
    }
    sp++;
    CONTINUE();
}

/* The same where the recording saw the iterator end: pop it and go on past the loop; an item
 * instead is pushed and the trace leaves, into the loop's body. */
STENCIL(_FOR_ITER_NEXT_EXHAUSTED) {
    int r = stitch_for_iter_next(st, sp, OPERAND0);
    if (UNLIKELY(r < 0)) ERROR();
    if (UNLIKELY(r == 1)) {
        sp++;
        EXIT();
    }
    sp--;
    CONTINUE();
}

/* The iterator on top is a generator of code object OPERAND0 that resumes at instruction
 * OPERAND1 (created or suspended there). */
STENCIL(_GUARD_GENERATOR) {
    GUARD(stitch_guard_generator(sp, OPERAND0, OPERAND1));
    CONTINUE();
}

/* FOR_ITER (instruction OPERAND0, ending at OPERAND1) resumes the guarded generator on top in a
 * frame of its own, as the interpreter does; execution continues in the generator. */
STENCIL(_PUSH_GENERATOR_FRAME) {
    FramePair gen = stitch_push_generator_frame(st, sp, OPERAND0, OPERAND1);
    if (UNLIKELY(gen.locals == NULL)) ERROR();
    locals = gen.locals;
    sp = gen.sp;
    CONTINUE();
}

/* Before a side trace yields from the generator it started in: it is one a FOR_ITER resumed and
 * the consumer is code OPERAND0 suspended before instruction OPERAND1, the loop the recording
 * yielded to (the generator may be consumed anywhere). */
STENCIL(_GUARD_CONSUMER) {
    GUARD(stitch_guard_consumer(st, OPERAND0, OPERAND1));
    CONTINUE();
}

/* The generator (resumed by a FOR_ITER) yields the top (at instruction OPERAND0): it is suspended and
 * the value pushed on the consumer's stack, where execution continues. */
STENCIL(_YIELD_VALUE) {
    FramePair consumer = stitch_yield_value(st, sp, OPERAND0);
    locals = consumer.locals;
    sp = consumer.sp;
    CONTINUE();
}

/* A tuple or list of exactly OPARG items: replace it by its items, the first on top. Anything
 * else exits before any effect. */
STENCIL(_UNPACK_SEQUENCE) {
    uint64_t len;
    const Value *items;
    GUARD(sequence_items(load_value(&sp[-1]), &items, &len) && len == OPARG);
    for (uint64_t k = 0; k < OPARG; k++) store_value(&sp[(int64_t)k - 1], items[OPARG - 1 - k]);
    sp += (int64_t)OPARG - 1;
    CONTINUE();
}

/* The same for two and three items, the common counts, in registers. */
CACHED(_UNPACK_SEQUENCE_TWO, 1, 2) {
    uint64_t len;
    const Value *items;
    CHECK(sequence_items(in[0], &items, &len) && len == 2);
    out[0] = load_value(&items[1]);
    out[1] = load_value(&items[0]);
    return 0;
}

CACHED(_UNPACK_SEQUENCE_THREE, 1, 3) {
    uint64_t len;
    const Value *items;
    CHECK(sequence_items(in[0], &items, &len) && len == 3);
    out[0] = load_value(&items[2]);
    out[1] = load_value(&items[1]);
    out[2] = load_value(&items[0]);
    return 0;
}

/* list[int], in range: replace the two operands by the item, read in place (else exit). */
CACHED(_BINARY_SUBSCR_LIST_INT, 2, 1) {
    CHECK(in[0].tag == TAG_OBJ && in[1].tag == TAG_INT);
    const ListObj *l = (const ListObj *)in[0].u.obj;
    CHECK(l->kind == KIND_LIST);
    uint64_t i = normalize_index(in[1].u.i, l->len);
    CHECK(i < l->len);
    out[0] = load_value(&l->items[i]);
    return 0;
}

CACHED(_BINARY_SUBSCR_TUPLE_INT, 2, 1) {
    CHECK(in[0].tag == TAG_OBJ && in[1].tag == TAG_INT);
    const TupleObj *t = (const TupleObj *)in[0].u.obj;
    CHECK(t->kind == KIND_TUPLE);
    uint64_t i = normalize_index(in[1].u.i, t->len);
    CHECK(i < t->len);
    out[0] = load_value(&t->items[i]);
    return 0;
}

/* dict[key] for a str or int key present in the dict: replace the two operands by the value.
 * Another key, a missing one (KeyError) or not a dict: exit before any effect. */
STENCIL(_BINARY_SUBSCR_DICT) {
    GUARD(stitch_binary_subscr_dict(sp));
    sp--;
    CONTINUE();
}

/* dict[key] = value for a str or int key (else exit before any effect). */
STENCIL(_STORE_SUBSCR_DICT) {
    GUARD(stitch_store_subscr_dict(sp));
    sp -= 3;
    CONTINUE();
}

/* slice() of the OPARG (2 or 3) bounds on top, replacing them. */
STENCIL(_BUILD_SLICE) {
    sp = stitch_build_slice(st, sp, OPARG);
    CONTINUE();
}

/* A list of the OPARG values on top, replacing them. */
STENCIL(_BUILD_LIST) {
    sp = stitch_build_sequence(st, sp, OPARG, 0);
    CONTINUE();
}

/* A tuple of the OPARG values on top, replacing them. */
STENCIL(_BUILD_TUPLE) {
    sp = stitch_build_sequence(st, sp, OPARG, 1);
    CONTINUE();
}

/* A tuple the optimizer kept virtual, allocated where it is needed (at an exit, or where it
 * escapes): its OPARG items lie under the top OPERAND0 values; the tuple takes the first item's
 * slot and the values above move down. */
STENCIL(_MATERIALIZE_TUPLE) {
    sp = stitch_materialize_tuple(st, sp, OPARG, OPERAND0);
    CONTINUE();
}

/* A comprehension's append: the item on top goes to the list OPARG values below it. */
STENCIL(_LIST_APPEND) {
    stitch_list_append(sp, OPARG);
    sp--;
    CONTINUE();
}

/* list[a:b] or list[a:b:c] with OPARG bounds (int or None) on top of the list, no slice object
 * made: replace list and bounds by the new list (else exit before any effect, at the
 * BUILD_SLICE). */
STENCIL(_BINARY_SLICE_LIST) {
    GUARD(stitch_binary_slice_list(st, sp, OPARG));
    sp -= OPARG;
    CONTINUE();
}

/* Stack: items, list, OPARG bounds; list[a:b] = items for plain bounds, step None or 1, and a
 * list or tuple of items (else exit before any effect, at the BUILD_SLICE). */
STENCIL(_STORE_SLICE_LIST) {
    GUARD(stitch_store_slice_list(st, sp, OPARG));
    sp -= OPARG + 2;
    CONTINUE();
}

/* list[slice] with int or None bounds: replace the two operands by the new list (else exit
 * before any effect). */
STENCIL(_BINARY_SUBSCR_LIST_SLICE) {
    GUARD(stitch_binary_subscr_list_slice(st, sp));
    sp--;
    CONTINUE();
}

/* list[a:b] = a list or tuple, with int or None bounds and step (else exit before any effect). */
STENCIL(_STORE_SUBSCR_LIST_SLICE) {
    GUARD(stitch_store_subscr_list_slice(st, sp));
    sp -= 3;
    CONTINUE();
}

/* `in` (OPARG 1: `not in`) for a str or int in a set or dict, or a str in a str: replace the two
 * operands by the bool (else exit before any effect). */
STENCIL(_CONTAINS_OP_NATIVE) {
    int r = stitch_contains_native(sp, OPARG);
    GUARD(r != 2);
    sp--;
    sp[-1].tag = TAG_BOOL;
    sp[-1].u.bits = (uint64_t)r;
    CONTINUE();
}

/* Comparison OPARG of two strs: replace them by the bool (else exit before any effect). */
STENCIL(_COMPARE_OP_STR) {
    int r = stitch_compare_str(sp, OPARG);
    GUARD(r != 2);
    sp--;
    sp[-1].tag = TAG_BOOL;
    sp[-1].u.bits = (uint64_t)r;
    CONTINUE();
}

/* Stack: value, list, index. list[int] = value in place, when the index is in range and no Rust
 * code holds a borrow of the list (else exit before any effect). */
CACHED(_STORE_SUBSCR_LIST_INT, 3, 0) {
    CHECK(in[1].tag == TAG_OBJ && in[2].tag == TAG_INT);
    ListObj *l = (ListObj *)in[1].u.obj;
    CHECK(l->kind == KIND_LIST && l->borrow == 0);
    uint64_t i = normalize_index(in[2].u.i, l->len);
    CHECK(i < l->len);
    store_value(&l->items[i], in[0]);
    return 0;
}

/* ---- Leaving and looping ------------------------------------------------------------------ */

/* Back to the top of the loop, unless the byte at OPERAND0 (the collector's "a collection is
 * due" flag, a Rust bool) asks the interpreter to reach a safepoint first. */
STENCIL(_JUMP_TO_TOP) {
    REGS_IN;
    if (UNLIKELY(*(const volatile uint8_t *)(uintptr_t)OPERAND0 != 0)) EXIT_KEEP();
    JUMP_TARGET_KEEP();
}

/* Leave if the byte at OPERAND0 (the collector's flag) asks for a safepoint: the end of a side
 * trace, before it jumps back to its loop, checks what _JUMP_TO_TOP checks. */
CACHED(_CHECK_SAFEPOINT, 0, 0) {
    CHECK(*(const volatile uint8_t *)(uintptr_t)OPERAND0 == 0);
    return 0;
}

/* Add OPERAND1 to the counter at OPERAND0 (`--stats`: bytecodes completed in machine code). */
CACHED(_ADD_TO_COUNTER, 0, 0) {
    *(uint64_t *)(uintptr_t)OPERAND0 += OPERAND1;
    return 0;
}

/* Leave the trace unconditionally (the end of a side trace: its exit is linked back to the
 * loop, or it resumes the interpreter). */
STENCIL(_DEOPT) {
    EXIT();
}

/* An exit stub, placed after the trace's code: every guard of a uop jumps to its own. OPERAND0
 * is the exit's ExitRecord. A linked side trace takes over with the same frame and stack;
 * otherwise the trace returns the record to the entry shim, which resumes the interpreter. */
STENCIL(_EXIT_TRACE) {
    ExitRecord *exit = (ExitRecord *)(uintptr_t)OPERAND0;
    stencil_fn *target = exit->target;
    if (target != NULL) TAIL return target(locals, sp, st CACHE_DEAD REG_DEAD);
    exit->count++;
    st->exit_sp = sp;
    st->exit_locals = locals;
    return (uintptr_t)exit;
}

/* ---- Generic operations through the runtime --------------------------------------------------
 * For operands no specialization covers, each calls the interpreter's own function for its
 * bytecode (instruction OPERAND0, for tracebacks); they may run Python code and raise. */

#define THROUGH_RUNTIME(call) \
    do { \
        sp = (call); \
        if (UNLIKELY(sp == NULL)) ERROR(); \
        CONTINUE(); \
    } while (0)

/* a OPARG b (BINARY_OP's argument) of the two values on top. */
STENCIL(_BINARY_OP) {
    THROUGH_RUNTIME(stitch_binary_op(st, sp, OPARG, OPERAND0));
}

/* Comparison OPARG of the two values on top. */
STENCIL(_COMPARE_OP) {
    THROUGH_RUNTIME(stitch_compare_op(st, sp, OPARG, OPERAND0));
}

/* item in container (not in for OPARG 1). */
STENCIL(_CONTAINS_OP) {
    THROUGH_RUNTIME(stitch_contains_op(st, sp, OPARG, OPERAND0));
}

/* obj[key]. */
STENCIL(_BINARY_SUBSCR) {
    THROUGH_RUNTIME(stitch_binary_subscr(st, sp, OPERAND0));
}

/* Stack: value, obj, key; obj[key] = value. */
STENCIL(_STORE_SUBSCR) {
    THROUGH_RUNTIME(stitch_store_subscr(st, sp, OPERAND0));
}

/* iter(top). */
STENCIL(_GET_ITER) {
    THROUGH_RUNTIME(stitch_get_iter(st, sp, OPERAND0));
}

/* format(top) after conversion OPARG (FORMAT_VALUE's argument, no spec). */
STENCIL(_FORMAT_SIMPLE) {
    THROUGH_RUNTIME(stitch_format_value(st, sp, OPARG, OPERAND0));
}

/* format(value, spec) after conversion OPARG & 3; the spec is on top. */
STENCIL(_FORMAT_WITH_SPEC) {
    THROUGH_RUNTIME(stitch_format_value(st, sp, OPARG, OPERAND0));
}

/* The concatenation of the OPARG strs on top (an f-string). */
STENCIL(_BUILD_STRING) {
    THROUGH_RUNTIME(stitch_build_string(st, sp, OPARG, OPERAND0));
}

/* A dict of the OPARG values on top, keys and values alternating. */
STENCIL(_BUILD_MAP) {
    THROUGH_RUNTIME(stitch_build_map(st, sp, OPARG, OPERAND0));
}

/* A function of the code object on top and what flags OPERAND1 say lies below it. */
STENCIL(_MAKE_FUNCTION) {
    THROUGH_RUNTIME(stitch_make_function(st, sp, OPERAND1, OPERAND0));
}

/* A new cell in cell slot OPARG of the running frame. */
STENCIL(_MAKE_CELL) {
    stitch_make_cell(st, OPARG);
    CONTINUE();
}

/* The running function's first OPARG closure cells into the frame. */
STENCIL(_COPY_FREE_VARS) {
    stitch_copy_free_vars(st, OPARG);
    CONTINUE();
}
