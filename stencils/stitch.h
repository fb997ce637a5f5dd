/* stitch.h: what a stencil may know about the Rust side, and the vocabulary of holes.
 *
 * Every stencil is one C function compiled ahead of time by build.rs. The JIT copies its machine
 * code into a trace and patches its holes. A hole is a reference to an `extern` symbol whose
 * *address* is the value the JIT fills in: an operand of the uop, the next stencil, an exit stub,
 * or a runtime helper written in Rust. Stencils chain by tail calls with one signature, so the
 * three pieces of state stay in argument registers from stencil to stencil:
 *
 *     locals  the running frame's fast locals (the interpreter's own VM stack slots)
 *     sp      the top of that frame's value stack (one past the last pushed value)
 *     st      the trace's JitState (the VM, the exit the trace left by)
 *
 * The structs below mirror Rust types slot for slot. `LAYOUT(...)` lines pin every size and offset
 * a stencil relies on: the C compiler checks them here, and the Rust test `jit::abi::tests`
 * parses this file and checks the same numbers against `size_of`/`offset_of!`, so the two sides
 * cannot drift apart.
 */
#ifndef STITCH_H
#define STITCH_H

#include <stddef.h>
#include <stdint.h>

/* ---- Layout assertions (parsed by the Rust test; keep one per line) ---------------------- */

#define LAYOUT_SIZE(type, size) _Static_assert(sizeof(type) == (size), "size of " #type);
#define LAYOUT_OFFSET(type, field, offset) \
    _Static_assert(offsetof(type, field) == (offset), "offset of " #type "." #field);
#define LAYOUT_CONST(name, value) _Static_assert((name) == (value), "value of " #name);

/* ---- Values (runtime::value::Value, #[repr(C, u64)]) -------------------------------------- */

/* The tag word. A Bool's payload is one byte (the other seven are padding on the Rust side, so
 * a stencil reads `u.b` and writes the whole word); None and Null have no payload. */
#define TAG_NULL 0
#define TAG_NONE 1
#define TAG_BOOL 2
#define TAG_INT 3
#define TAG_FLOAT 4
#define TAG_OBJ 5

typedef struct Obj Obj;

typedef struct Value {
    uint64_t tag;
    union {
        int64_t i;
        double f;
        uint8_t b;
        uint64_t bits;
        Obj *obj;
    } u;
} Value;

LAYOUT_SIZE(Value, 16)
LAYOUT_OFFSET(Value, tag, 0)
LAYOUT_OFFSET(Value, u, 8)

/* ---- Heap objects (runtime::object::Obj, #[repr(C)], kind #[repr(u8)]) -------------------- */

/* Discriminants of ObjKind a stencil tests. */
#define KIND_INSTANCE 13

/* The slot vector of an instance (runtime::object::SlotVec). */
typedef struct SlotVec {
    Value *ptr;
    uint32_t len;
    uint32_t cap;
} SlotVec;

LAYOUT_SIZE(SlotVec, 16)
LAYOUT_OFFSET(SlotVec, ptr, 0)
LAYOUT_OFFSET(SlotVec, len, 8)

/* ObjKind::Instance: the kind byte, then runtime::object::Instance (#[repr(C)]). */
typedef struct Instance {
    uint8_t kind;
    Obj *klass;
    const void *shape;
    SlotVec slots;
} Instance;

LAYOUT_OFFSET(Instance, kind, 0)
LAYOUT_OFFSET(Instance, klass, 8)
LAYOUT_OFFSET(Instance, shape, 16)
LAYOUT_OFFSET(Instance, slots, 24)

/* ObjKind::List: the kind byte, then runtime::listcell::ListCell (#[repr(C)]): the buffer, the
 * length (0 while Rust code borrows the list exclusively), the capacity and the borrow flag (0:
 * not borrowed, so machine code may write an item). */
#define KIND_LIST 2

typedef struct ListObj {
    uint8_t kind;
    Value *items;
    uint64_t len;
    uint64_t cap;
    int64_t borrow;
} ListObj;

LAYOUT_OFFSET(ListObj, items, 8)
LAYOUT_OFFSET(ListObj, len, 16)
LAYOUT_OFFSET(ListObj, borrow, 32)

/* ObjKind::Tuple: the kind byte, then the items' Box<[Value]>: pointer, then length (an order
 * runtime::object checks at compile time). */
#define KIND_TUPLE 3

typedef struct TupleObj {
    uint8_t kind;
    const Value *items;
    uint64_t len;
} TupleObj;

LAYOUT_OFFSET(TupleObj, items, 8)
LAYOUT_OFFSET(TupleObj, len, 16)

/* ObjKind::Iterator: the kind byte, then runtime::pincell::PinCell<IterState>: the borrow flag (0:
 * no Rust code is using the iterator, so machine code may advance it), then the IterState
 * (#[repr(C, u64)]): its variant number, then the variant's fields. */
#define KIND_ITERATOR 19
#define ITER_SEQ 0
#define ITER_RANGE 1
#define ITER_ENUMERATE 6

typedef struct IterObj {
    uint8_t kind;
    int64_t borrow;
    uint64_t state;
    union {
        struct {
            const Obj *seq;
            uint64_t index;
        } seq;
        struct {
            int64_t next;
            int64_t stop;
            int64_t step;
        } range;
        struct {
            Value it;
            Value count;
        } enumerate;
    } u;
} IterObj;

LAYOUT_OFFSET(IterObj, borrow, 8)
LAYOUT_OFFSET(IterObj, state, 16)
LAYOUT_OFFSET(IterObj, u.seq.seq, 24)
LAYOUT_OFFSET(IterObj, u.seq.index, 32)
LAYOUT_OFFSET(IterObj, u.range.next, 24)
LAYOUT_OFFSET(IterObj, u.range.stop, 32)
LAYOUT_OFFSET(IterObj, u.range.step, 40)
LAYOUT_OFFSET(IterObj, u.enumerate.it, 24)
LAYOUT_OFFSET(IterObj, u.enumerate.count, 40)

/* ObjKind::Cell: the kind byte, then the cell's value (a closure variable; Null when unbound). */
#define KIND_CELL 17

typedef struct CellObj {
    uint8_t kind;
    Value value;
} CellObj;

LAYOUT_OFFSET(CellObj, value, 8)

/* ---- Frames (interpreter::Frame and interpreter::frames::FrameStack, #[repr(C)]) ---------- */

/* A frame record. Stencils copy whole records from a FrameTemplate and then set the fields they
 * name; `kind` (a Rust enum) is copied, never read. Positions are indices into the VM stack. */
typedef struct Frame {
    const void *code;
    Value func;
    Obj *globals;
    Value locals_dict;
    uint64_t base;   /* first local */
    uint64_t sp;     /* value stack top, saved while another frame runs */
    uint64_t pc;     /* next instruction, saved while another frame runs */
    uint64_t kind[4];
    uint8_t entry;   /* Rust code called it: only the interpreter returns from it */
    uint8_t pad[7];
} Frame;

LAYOUT_SIZE(Frame, 112)
LAYOUT_OFFSET(Frame, base, 48)
LAYOUT_OFFSET(Frame, sp, 56)
LAYOUT_OFFSET(Frame, pc, 64)
LAYOUT_OFFSET(Frame, entry, 104)

/* The VM's frame records, oldest first: records[len - 1] is the running frame. A push must
 * leave len <= limit (the recursion limit). */
typedef struct FrameStack {
    Frame *records;
    uint64_t len;
    uint64_t limit;
} FrameStack;

LAYOUT_SIZE(FrameStack, 24)
LAYOUT_OFFSET(FrameStack, records, 0)
LAYOUT_OFFSET(FrameStack, len, 8)
LAYOUT_OFFSET(FrameStack, limit, 16)

/* What `_PUSH_FRAME` pushes for one call site (jit::abi::FrameTemplate): the callee's record
 * (code, function, globals, an ordinary call) and the numbers the push needs. */
typedef struct FrameTemplate {
    Frame frame;
    uint64_t nargs;      /* arguments, including self: the callee's first locals */
    uint64_t nlocals;    /* the callee's locals, cells and free variables */
    uint64_t reserve;    /* VM stack slots the callee may use from its first local */
    uint64_t caller_pc;  /* where the caller resumes (the instruction after the CALL) */
} FrameTemplate;

LAYOUT_SIZE(FrameTemplate, 144)
LAYOUT_OFFSET(FrameTemplate, nargs, 112)
LAYOUT_OFFSET(FrameTemplate, nlocals, 120)
LAYOUT_OFFSET(FrameTemplate, reserve, 128)
LAYOUT_OFFSET(FrameTemplate, caller_pc, 136)

/* ---- The trace's state (jit::abi::JitState, #[repr(C)]) ---------------------------------- */

typedef struct JitState {
    void *vm;            /* *mut Vm, for helpers */
    Value *exit_sp;      /* the value stack pointer when the trace left */
    Value *exit_locals;  /* the locals of the frame the trace left in */
    Value *stack;        /* the VM stack: frame positions are indices into it */
    uint64_t stack_slots;
    FrameStack *frames;  /* the VM's frame records */
} JitState;

LAYOUT_SIZE(JitState, 48)
LAYOUT_OFFSET(JitState, vm, 0)
LAYOUT_OFFSET(JitState, exit_sp, 8)
LAYOUT_OFFSET(JitState, exit_locals, 16)
LAYOUT_OFFSET(JitState, stack, 24)
LAYOUT_OFFSET(JitState, stack_slots, 32)
LAYOUT_OFFSET(JitState, frames, 40)

/* The signature every stencil shares. The return value reaches the entry shim only when the
 * trace leaves: the address of the ExitRecord it left by.
 *
 * With clang 19 or newer, stencils use `preserve_none` (no callee-saved registers: a stencil
 * never saves registers it does not itself need across a helper call) and `musttail` (a tail call
 * is guaranteed to be a jump). GCC 12 has neither; at -O2 it turns these tail calls into jumps
 * anyway, and build.rs verifies that no continuation is reached by a call.
 *
 * Top-of-stack caching: after the three pointers come NCACHE cached values, each as two words
 * (tag, payload) in argument registers. At a given point of a trace the top `depth` values of
 * the value stack (depth 0..NCACHE, known when the trace is compiled) live in c0..c(depth-1),
 * c(depth-1) the top, and the rest of the stack in memory below `sp`. A uop with a cached
 * variant has one stencil per entry depth (`_LOAD_FAST_c0` .. `_LOAD_FAST_c3`); every other
 * stencil runs at depth 0, after a `_SPILL_cN` that stores the cached values to memory. How
 * many values fit depends on the registers the calling convention passes arguments in:
 * preserve_none has 12 (x86-64) or more (AArch64), the C convention 6 (x86-64) or 8 (AArch64). */
#if defined(__clang__) && __clang_major__ >= 19
#define STENCIL_CC __attribute__((preserve_none))
#define TAIL __attribute__((musttail))
#define NCACHE 3
#else
#define STENCIL_CC
#define TAIL
#if defined(__aarch64__)
#define NCACHE 2
#else
#define NCACHE 1
#endif
#endif

/* CACHE_LIVE(c, n): the first n cached values of array c, dead words for the rest. */
#define CACHE_WORD(c, k, field, n, d) ((k) < (n) ? (c)[(k) < NCACHE ? (k) : 0].field : dead_word(d))
#define CACHE_PAIR(c, k, n) , CACHE_WORD(c, k, tag, n, 2 * (k)), CACHE_WORD(c, k, u.bits, n, 2 * (k) + 1)

#if NCACHE == 3
#define CACHE_LIVE(c, n) CACHE_PAIR(c, 0, n) CACHE_PAIR(c, 1, n) CACHE_PAIR(c, 2, n)
#elif NCACHE == 2
#define CACHE_LIVE(c, n) CACHE_PAIR(c, 0, n) CACHE_PAIR(c, 1, n)
#else
#define CACHE_LIVE(c, n) CACHE_PAIR(c, 0, n)
#endif

#if NCACHE == 3
#define CACHE_PARAMS , uint64_t c0t, uint64_t c0p, uint64_t c1t, uint64_t c1p, uint64_t c2t, uint64_t c2p
#define CACHE_ARGS(c) , (c)[0].tag, (c)[0].u.bits, (c)[1].tag, (c)[1].u.bits, (c)[2].tag, (c)[2].u.bits
#define CACHE_DEAD , dead_word(0), dead_word(1), dead_word(2), dead_word(3), dead_word(4), dead_word(5)
#define CACHE_INIT {{c0t, {.bits = c0p}}, {c1t, {.bits = c1p}}, {c2t, {.bits = c2p}}}
#elif NCACHE == 2
#define CACHE_PARAMS , uint64_t c0t, uint64_t c0p, uint64_t c1t, uint64_t c1p
#define CACHE_ARGS(c) , (c)[0].tag, (c)[0].u.bits, (c)[1].tag, (c)[1].u.bits
#define CACHE_DEAD , dead_word(0), dead_word(1), dead_word(2), dead_word(3)
#define CACHE_INIT {{c0t, {.bits = c0p}}, {c1t, {.bits = c1p}}}
#else
#define CACHE_PARAMS , uint64_t c0t, uint64_t c0p
#define CACHE_ARGS(c) , (c)[0].tag, (c)[0].u.bits
#define CACHE_DEAD , dead_word(0), dead_word(1)
#define CACHE_INIT {{c0t, {.bits = c0p}}}
#endif

/* What a stencil at depth 0 passes in the cache registers: nothing anyone reads. An empty asm
 * with an output gives the compiler a value it knows nothing about and needs no instruction to
 * make, so it leaves whatever the register holds (where passing the incoming words on would make
 * it keep them alive across a helper call). Each has its own number, or the compiler would take
 * them all for one value and copy it into every register; not volatile, which would keep gcc
 * from moving exit paths out of line. */
#define dead_word(n) \
    ({ \
        uint64_t w_; \
        __asm__("" : "=r"(w_) : "i"(n)); \
        w_; \
    })

/* Unboxed locals in registers: after the cache words come NREG words, each the payload of one
 * local of a loop's frame that the optimizer unboxed (its tag proved for the whole loop, so the
 * payload is the value). The backend (jit::backend::stencil::regs) gives a loop's most used
 * unboxed locals a register each: loads and stores of them become `_LOAD_REG_k` and
 * `_STORE_REG_k`, and memory gets their payloads only where something else may read it
 * (`_WRITEBACK_REG_k` before a plain stencil, and on the way out of every exit). Every cached
 * stencil passes them on untouched; plain stencils pass dead words (the backend writes back what
 * they could need and reloads after them). preserve_none has room for two on x86-64 (r9, r11)
 * and four on AArch64; gcc's convention has none left. */
#if defined(__clang__) && __clang_major__ >= 19
#if defined(__aarch64__)
#define NREG 4
#else
#define NREG 2
#endif
#else
#define NREG 0
#endif

#if NREG == 4
#define REG_PARAMS , uint64_t r0, uint64_t r1, uint64_t r2, uint64_t r3
#define REG_INIT {r0, r1, r2, r3}
#define REG_LIVE(r) , (r)[0], (r)[1], (r)[2], (r)[3]
#define REG_DEAD , dead_word(10), dead_word(11), dead_word(12), dead_word(13)
#elif NREG == 2
#define REG_PARAMS , uint64_t r0, uint64_t r1
#define REG_INIT {r0, r1}
#define REG_LIVE(r) , (r)[0], (r)[1]
#define REG_DEAD , dead_word(10), dead_word(11)
#else
#define REG_PARAMS
#define REG_INIT {0}
#define REG_LIVE(r)
#define REG_DEAD
#endif

#define STENCIL_ARGS Value *locals, Value *sp, JitState *st CACHE_PARAMS REG_PARAMS
typedef STENCIL_CC uintptr_t stencil_fn(STENCIL_ARGS);

/* One exit of a trace (jit::abi::ExitRecord, #[repr(C)]), kept in writable memory outside the
 * code: linking a side trace stores its entry in `target`; machine code is never rewritten. */
typedef struct ExitRecord {
    stencil_fn *target;  /* the linked side trace, or NULL */
    uint64_t count;      /* times taken while unlinked */
} ExitRecord;

LAYOUT_SIZE(ExitRecord, 16)
LAYOUT_OFFSET(ExitRecord, target, 0)
LAYOUT_OFFSET(ExitRecord, count, 8)

/* ---- Holes --------------------------------------------------------------------------------- */

/* Jump targets. `CONTINUE` is the next stencil (a trailing jump to it is dropped so stencils fall
 * through); `EXIT` is this uop's exit stub, marked cold so that compilers move the path that
 * reaches it out of line (gcc: into .text.unlikely.NAME, which the JIT places after the trace);
 * `ERROR` leaves the trace with an exception set; `TARGET` is a jump target inside the trace
 * (the loop head for _JUMP_TO_TOP). */
extern stencil_fn _JIT_CONTINUE;
extern stencil_fn _JIT_EXIT __attribute__((cold));
extern stencil_fn _JIT_ERROR __attribute__((cold));
extern stencil_fn _JIT_TARGET;

/* Operands: values known when the trace is compiled, passed as symbol addresses.
 * `_JIT_OPERAND0/1` are arrays of unknown size, so the compiler cannot assume anything about
 * their addresses: any 64-bit value (x86-64 medium model: a `movabs` immediate, R_X86_64_64;
 * AArch64: MOVZ/MOVK or a GOT load). `_JIT_OPARG` has a known small size, which the x86-64
 * medium model places in the low 2 GiB: a 32-bit immediate (R_X86_64_32), so it must be
 * below 2**32 (the JIT checks). */
extern char _JIT_OPARG[1];
extern char _JIT_OPERAND0[];
extern char _JIT_OPERAND1[];

/* `_JIT_LOCAL` is the byte offset of local OPARG (OPARG * 16), for uops whose argument is a
 * local. Added to `locals` without going through a register, it becomes the displacement of the
 * load or store itself on x86-64 (`mov rax, [r12 + disp32]`, R_X86_64_32S) where OPARG took a
 * `mov` and a shift. Nothing compares it, so the compiler's knowledge that the address of an
 * object is not null cannot fold anything away. */
extern char _JIT_LOCAL[1];
#define LOCAL ((Value *)((char *)locals + (uintptr_t)_JIT_LOCAL))

/* The address of an object is never null in C, so a compiler may fold `OPARG == 0` to false
 * (clang 19 does, turning the comparison stencils' `op == CMP_LT` into dead code). Passing each
 * value through an empty asm makes it opaque: the compiler knows nothing about it but that it
 * is in a register, which is what the hole is. */
static inline __attribute__((always_inline)) uint64_t hole_value(uint64_t value) {
    __asm__("" : "+r"(value));
    return value;
}

#define OPARG hole_value((uint64_t)(uintptr_t)_JIT_OPARG)
#define OPERAND0 hole_value((uint64_t)(uintptr_t)_JIT_OPERAND0)
#define OPERAND1 hole_value((uint64_t)(uintptr_t)_JIT_OPERAND1)

/* Defining and ending stencils. Every path of a stencil ends in exactly one of these tail
 * calls; the build verifies that each continuation is reached by a jump, never a call. */
#define STENCIL(name) STENCIL_CC uintptr_t name(STENCIL_ARGS)
#define CONTINUE() TAIL return _JIT_CONTINUE(locals, sp, st CACHE_DEAD REG_DEAD)
#define EXIT() TAIL return _JIT_EXIT(locals, sp, st CACHE_DEAD REG_DEAD)
#define ERROR() TAIL return _JIT_ERROR(locals, sp, st CACHE_DEAD REG_DEAD)
#define JUMP_TARGET() TAIL return _JIT_TARGET(locals, sp, st CACHE_DEAD REG_DEAD)

/* The same, passing the registers of unboxed locals on (stencils that keep them). */
#define REGS_IN uint64_t r_[NREG + 1] = REG_INIT
#define CONTINUE_KEEP() TAIL return _JIT_CONTINUE(locals, sp, st CACHE_DEAD REG_LIVE(r_))
#define EXIT_KEEP() TAIL return _JIT_EXIT(locals, sp, st CACHE_DEAD REG_LIVE(r_))
#define JUMP_TARGET_KEEP() TAIL return _JIT_TARGET(locals, sp, st CACHE_DEAD REG_LIVE(r_))

/* Local functions must be inlined: a call to another function of uops.c would be a reference
 * to another stencil's section, which the build rejects. */
#define INLINE static inline __attribute__((always_inline))

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define GUARD(ok) \
    do { \
        if (UNLIKELY(!(ok))) EXIT(); \
    } while (0)

/* ---- Runtime helpers (jit::helpers, extern "C" in Rust) ------------------------------------- */

/* Two pointers returned in registers (rax:rdx, x0:x1). */
typedef struct FramePair {
    Value *locals;
    Value *sp;
} FramePair;

Value *stitch_execute(JitState *st, Value *locals, Value *sp, uint64_t pc);
Value *stitch_call(JitState *st, Value *sp, uint64_t argc, uint64_t pc);
Value *stitch_create_init_frame(JitState *st, Value *sp, uint64_t argc, uint64_t pc);
FramePair stitch_pop_frame(JitState *st, Value *sp);
int stitch_guard_caller(JitState *st, uint64_t code, uint64_t pc);
int stitch_guard_consumer(JitState *st, uint64_t code, uint64_t pc);
int stitch_for_iter_exhausted(Value *sp);
int stitch_check_function_code(Value *sp, uint64_t argc, uint64_t code);
int stitch_pure_truth(Value *sp);
int stitch_guard_generator(Value *sp, uint64_t code, uint64_t pc);
FramePair stitch_push_generator_frame(JitState *st, Value *sp, uint64_t pc, uint64_t target);
FramePair stitch_yield_value(JitState *st, Value *sp, uint64_t pc);
void stitch_slots_push(Obj *obj, const Value *v);
void stitch_list_push(Obj *obj, uint64_t tag, uint64_t payload);
int stitch_for_iter_next(JitState *st, Value *sp, uint64_t pc);
int stitch_get_iter_sequence(JitState *st, Value *sp);
int stitch_yield_to_sink(JitState *st, Value *sp);
int stitch_binary_subscr_dict(Value *sp);
int stitch_store_subscr_dict(Value *sp);
int stitch_compare_str(Value *sp, uint64_t op);
int stitch_contains_native(Value *sp, uint64_t invert);
Value *stitch_build_slice(JitState *st, Value *sp, uint64_t n);
Value *stitch_build_sequence(JitState *st, Value *sp, uint64_t n, uint64_t tuple);
Value *stitch_materialize_tuple(JitState *st, Value *sp, uint64_t n, uint64_t above);
void stitch_list_append(Value *sp, uint64_t depth);
int stitch_binary_subscr_list_slice(JitState *st, Value *sp);
int stitch_store_subscr_list_slice(JitState *st, Value *sp);
int stitch_call_len(Value *sp, uint64_t callee);
int stitch_call_math1(Value *sp, uint64_t which, uint64_t callee);
int stitch_float_pow(double x, double y, double *out);
int stitch_binary_slice_list(JitState *st, Value *sp, uint64_t n);
int stitch_store_slice_list(JitState *st, Value *sp, uint64_t n);
Value *stitch_binary_op(JitState *st, Value *sp, uint64_t op, uint64_t pc);
Value *stitch_compare_op(JitState *st, Value *sp, uint64_t op, uint64_t pc);
Value *stitch_contains_op(JitState *st, Value *sp, uint64_t invert, uint64_t pc);
Value *stitch_binary_subscr(JitState *st, Value *sp, uint64_t pc);
Value *stitch_store_subscr(JitState *st, Value *sp, uint64_t pc);
Value *stitch_get_iter(JitState *st, Value *sp, uint64_t pc);
Value *stitch_format_value(JitState *st, Value *sp, uint64_t flags, uint64_t pc);
Value *stitch_build_string(JitState *st, Value *sp, uint64_t n, uint64_t pc);
Value *stitch_build_map(JitState *st, Value *sp, uint64_t n, uint64_t pc);
Value *stitch_make_function(JitState *st, Value *sp, uint64_t flags, uint64_t pc);
void stitch_make_cell(JitState *st, uint64_t index);
void stitch_copy_free_vars(JitState *st, uint64_t n);

#endif
