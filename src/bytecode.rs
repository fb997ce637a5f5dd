//! The bytecode: one table of opcodes, the instruction format and the code object.
//!
//! stitch's bytecode is modelled on CPython 3.12/3.13 so that `stitch dis prog.py` can be read
//! side by side with `python3 -m dis prog.py`: same opcode names, same stack effects and the same
//! calling convention where an equivalent exists. The differences are deliberate simplifications:
//!
//! * An instruction is an opcode byte plus a 32-bit argument ([`Instr`]); there is no
//!   `EXTENDED_ARG` and there are no inline `CACHE` entries (the interpreter keeps its inline
//!   caches beside the code). Listings show byte offsets as `2 * index` so they look like
//!   CPython's.
//! * Jump arguments are absolute instruction indices, not relative deltas.
//! * Exception handling uses an exception table as in CPython 3.11+, without the `lasti` bit:
//!   when an instruction in `[start, end)` raises, the value stack is cut back to `depth`
//!   entries, the exception is pushed and execution continues at `target`.
//! * Comprehensions are nested functions (`<listcomp>`, as in CPython 3.11), not inlined.
//!
//! The [`opcodes!`] table below is the single definition of every opcode: its name, the kind of
//! its argument (which the disassembler uses to explain it), its stack effect (which the
//! compiler uses to compute each code object's maximum stack depth) and how many values it
//! consumes (`pops`: the JIT's recorder and optimizer keep what they know of the values below).
//! The compiler, the disassembler, the interpreter and the JIT all use this one table.
//!
//! ## Calls (CPython 3.13 convention)
//! A call site pushes `callable`, then `self_or_null`, then the arguments. `CALL argc` finds the
//! callable at `stack[-argc-2]` and `self_or_null` at `stack[-argc-1]`; when `self_or_null` is
//! not NULL it is passed as an extra first argument, so the arguments of a method call are always
//! contiguous on the stack. `LOAD_GLOBAL` with the low bit of its argument set pushes the global
//! and then NULL; `LOAD_ATTR` with the low bit set (a method load) pushes either
//! `[function, self]` (an unbound method found on the class: no bound-method object is created)
//! or `[attribute, NULL]`. Keyword arguments are the last `len(kwnames)` arguments, named by the
//! tuple constant of the `KW_NAMES` that immediately precedes the `CALL`.

use std::fmt;
use std::rc::Rc;

/// The kind of an instruction's argument: tells the disassembler how to explain it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is unused (always 0).
    None,
    /// A plain number (a count, a depth, flags).
    Count,
    /// Index into `Code::consts`.
    Const,
    /// Index into `Code::varnames` (fast locals).
    Local,
    /// Two locals packed as `first << 4 | second` (superinstructions; both below 16).
    LocalPair,
    /// Index into `Code::names`.
    Name,
    /// `namei << 1 | push_null` (`LOAD_GLOBAL`).
    GlobalName,
    /// `namei << 1 | is_method_load` (`LOAD_ATTR`).
    AttrName,
    /// Index into the cells then free variables (`cellvars ++ freevars`).
    Deref,
    /// Absolute instruction index of a jump target.
    Jump,
    /// A binary operator, [`BinaryOp`] as a number.
    BinaryOp,
    /// A comparison operator, [`CompareOp`] as a number.
    CompareOp,
    /// 0 or 1: whether the test is inverted (`is not`, `not in`).
    Invert,
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident ( $kind:ident ) => $effect:expr, pops $pops:expr ; )*) => {
        /// Every opcode of stitch's bytecode. See the module documentation for conventions.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[$doc])* $name, )*
        }

        impl Opcode {
            /// All opcodes, in numbering order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// The CPython name of the opcode, e.g. `"LOAD_FAST"`.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// How the argument is interpreted.
            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// Net change of the value-stack depth when the instruction executes with argument
            /// `arg`; `jump` selects the effect on the branch-taken edge for conditional jumps.
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                let effect: fn(i32, bool) -> i32 = match self { $( Opcode::$name => $effect, )* };
                effect(arg as i32, jump)
            }

            /// How many values from the top the instruction consumes with argument `arg` (it
            /// pushes `inputs + stack_effect`): what lies below them it leaves alone (it may
            /// read deeper, as `COPY` does, or mutate the object there, as `LIST_APPEND` does,
            /// but never replaces those values).
            pub fn inputs(self, arg: u32) -> u32 {
                let pops: fn(i32) -> i32 = match self { $( Opcode::$name => $pops, )* };
                pops(arg as i32) as u32
            }
        }
    };
}

opcodes! {
    /// Does nothing (marks a line start or a removed instruction).
    NOP(None) => |_, _| 0, pops |_| 0;
    /// Pops the top of stack.
    POP_TOP(None) => |_, _| -1, pops |_| 1;
    /// Pushes NULL (the "no self" marker of the call convention).
    PUSH_NULL(None) => |_, _| 1, pops |_| 0;
    /// Pushes a copy of `stack[-arg]` (`COPY 1` duplicates the top).
    COPY(Count) => |_, _| 1, pops |_| 0;
    /// Swaps the top of stack with `stack[-arg]`.
    SWAP(Count) => |_, _| 0, pops |a| a;

    /// Pushes `consts[arg]`.
    LOAD_CONST(Const) => |_, _| 1, pops |_| 0;
    /// Pushes local `arg`; raises UnboundLocalError when it has no value.
    LOAD_FAST(Local) => |_, _| 1, pops |_| 0;
    /// Pops into local `arg`.
    STORE_FAST(Local) => |_, _| -1, pops |_| 1;
    /// `LOAD_FAST arg >> 4; LOAD_FAST arg & 15` in one instruction (CPython 3.13).
    LOAD_FAST_LOAD_FAST(LocalPair) => |_, _| 2, pops |_| 0;
    /// `STORE_FAST arg >> 4; LOAD_FAST arg & 15` in one instruction (CPython 3.13).
    STORE_FAST_LOAD_FAST(LocalPair) => |_, _| 0, pops |_| 1;
    /// `STORE_FAST arg >> 4; STORE_FAST arg & 15` in one instruction (CPython 3.13).
    STORE_FAST_STORE_FAST(LocalPair) => |_, _| -2, pops |_| 2;
    /// Unbinds local `arg` (UnboundLocalError when already unbound).
    DELETE_FAST(Local) => |_, _| 0, pops |_| 0;
    /// Pushes global `names[arg >> 1]` (globals, then builtins), then NULL when `arg & 1`.
    LOAD_GLOBAL(GlobalName) => |a, _| 1 + (a & 1), pops |_| 0;
    /// Pops into global `names[arg]`.
    STORE_GLOBAL(Name) => |_, _| -1, pops |_| 1;
    /// Deletes global `names[arg]`.
    DELETE_GLOBAL(Name) => |_, _| 0, pops |_| 0;
    /// Pushes `names[arg]` looked up in the frame's locals dict, then globals, then builtins
    /// (module and class bodies).
    LOAD_NAME(Name) => |_, _| 1, pops |_| 0;
    /// Pops into `names[arg]` of the frame's locals dict (the module dict at module level).
    STORE_NAME(Name) => |_, _| -1, pops |_| 1;
    /// Deletes `names[arg]` from the frame's locals dict.
    DELETE_NAME(Name) => |_, _| 0, pops |_| 0;
    /// Creates the cell for cell variable `arg`; when the cell variable is also a parameter
    /// (`Code::cell2arg`), the cell starts with the parameter's value.
    MAKE_CELL(Deref) => |_, _| 0, pops |_| 0;
    /// Copies the `arg` cells of the running function's closure into the free-variable slots.
    COPY_FREE_VARS(Count) => |_, _| 0, pops |_| 0;
    /// Pushes the value held by cell `arg` (NameError/UnboundLocalError when empty).
    LOAD_DEREF(Deref) => |_, _| 1, pops |_| 0;
    /// Pops into the cell `arg`.
    STORE_DEREF(Deref) => |_, _| -1, pops |_| 1;
    /// Empties the cell `arg`.
    DELETE_DEREF(Deref) => |_, _| 0, pops |_| 0;
    /// Pushes the cell object `arg` itself (to build a closure tuple).
    LOAD_CLOSURE(Deref) => |_, _| 1, pops |_| 0;
    /// `TOS = getattr(TOS, names[arg >> 1])`; with `arg & 1` a method load that pushes
    /// `[function, self]` or `[attribute, NULL]`.
    LOAD_ATTR(AttrName) => |a, _| a & 1, pops |_| 1;
    /// `setattr(TOS, names[arg], TOS1)`; pops both.
    STORE_ATTR(Name) => |_, _| -2, pops |_| 2;
    /// `delattr(TOS, names[arg])`; pops it.
    DELETE_ATTR(Name) => |_, _| -1, pops |_| 1;

    /// Pushes `AssertionError` (the class).
    LOAD_ASSERTION_ERROR(None) => |_, _| 1, pops |_| 0;
    /// Pushes the builtin `__build_class__`.
    LOAD_BUILD_CLASS(None) => |_, _| 1, pops |_| 0;

    /// `TOS = -TOS`
    UNARY_NEGATIVE(None) => |_, _| 0, pops |_| 1;
    /// `TOS = +TOS`
    UNARY_POSITIVE(None) => |_, _| 0, pops |_| 1;
    /// `TOS = not TOS`
    UNARY_NOT(None) => |_, _| 0, pops |_| 1;
    /// `TOS = ~TOS`
    UNARY_INVERT(None) => |_, _| 0, pops |_| 1;
    /// `TOS = TOS1 op TOS` for the operator `arg` ([`BinaryOp`]; in-place variants try
    /// `__iadd__` and friends first).
    BINARY_OP(BinaryOp) => |_, _| -1, pops |_| 2;
    /// `TOS = TOS1 op TOS` for the comparison `arg` ([`CompareOp`]).
    COMPARE_OP(CompareOp) => |_, _| -1, pops |_| 2;
    /// `TOS = TOS1 is TOS` (`is not` when `arg == 1`).
    IS_OP(Invert) => |_, _| -1, pops |_| 2;
    /// `TOS = TOS1 in TOS` (`not in` when `arg == 1`).
    CONTAINS_OP(Invert) => |_, _| -1, pops |_| 2;
    /// `TOS = TOS1[TOS]`
    BINARY_SUBSCR(None) => |_, _| -1, pops |_| 2;
    /// `TOS1[TOS] = TOS2`; pops all three.
    STORE_SUBSCR(None) => |_, _| -3, pops |_| 3;
    /// `del TOS1[TOS]`; pops both.
    DELETE_SUBSCR(None) => |_, _| -2, pops |_| 2;

    /// Pops `arg` items and pushes a tuple of them.
    BUILD_TUPLE(Count) => |a, _| 1 - a, pops |a| a;
    /// Pops `arg` items and pushes a list of them.
    BUILD_LIST(Count) => |a, _| 1 - a, pops |a| a;
    /// Pops `arg` items and pushes a set of them.
    BUILD_SET(Count) => |a, _| 1 - a, pops |a| a;
    /// Pops `arg` key/value pairs (key pushed first) and pushes a dict of them.
    BUILD_MAP(Count) => |a, _| 1 - 2 * a, pops |a| 2 * a;
    /// Pops `arg` strings and pushes their concatenation (f-strings).
    BUILD_STRING(Count) => |a, _| 1 - a, pops |a| a;
    /// Pops `arg` (2 or 3) values and pushes `slice(start, stop[, step])`.
    BUILD_SLICE(Count) => |a, _| 1 - a, pops |a| a;
    /// Pops TOS and appends it to the list at `stack[-arg]` (after the pop).
    LIST_APPEND(Count) => |_, _| -1, pops |_| 1;
    /// Pops TOS and adds it to the set at `stack[-arg]`.
    SET_ADD(Count) => |_, _| -1, pops |_| 1;
    /// Pops value TOS and key TOS1 and stores them in the dict at `stack[-arg]`.
    MAP_ADD(Count) => |_, _| -2, pops |_| 2;
    /// Pops an iterable and extends the list at `stack[-arg]` with it.
    LIST_EXTEND(Count) => |_, _| -1, pops |_| 1;
    /// Pops an iterable and adds its items to the set at `stack[-arg]`.
    SET_UPDATE(Count) => |_, _| -1, pops |_| 1;
    /// Pops a mapping and updates the dict at `stack[-arg]` with it (`{**a}`).
    DICT_UPDATE(Count) => |_, _| -1, pops |_| 1;
    /// Like `DICT_UPDATE` but raises TypeError on duplicate keys (`f(**a, **b)`).
    DICT_MERGE(Count) => |_, _| -1, pops |_| 1;
    /// Replaces the list TOS by a tuple of its items.
    LIST_TO_TUPLE(None) => |_, _| 0, pops |_| 1;
    /// Pops an iterable of exactly `arg` items and pushes them, the first item on top.
    UNPACK_SEQUENCE(Count) => |a, _| a - 1, pops |_| 1;
    /// Starred unpacking: `arg & 0xff` items before the star, `arg >> 8` after; pushes
    /// `before + 1 + after` values (the starred one as a list), the first item on top.
    UNPACK_EX(Count) => |a, _| (a & 0xff) + (a >> 8), pops |_| 1;
    /// f-string conversion and formatting: `arg & 3` is the conversion (0 none, 1 `!s`,
    /// 2 `!r`, 3 `!a`); when `arg & 4` a format spec is on top of the value. Pushes a str.
    FORMAT_VALUE(Count) => |a, _| if a & 4 != 0 { -1 } else { 0 }, pops |a| 1 + ((a >> 2) & 1);

    /// Unconditional forward jump.
    JUMP_FORWARD(Jump) => |_, _| 0, pops |_| 0;
    /// Unconditional backward jump: the loop back-edge, where the interpreter counts
    /// iterations for the JIT and reaches a GC safepoint.
    JUMP_BACKWARD(Jump) => |_, _| 0, pops |_| 0;
    /// Pops TOS and jumps when it is false.
    POP_JUMP_IF_FALSE(Jump) => |_, _| -1, pops |_| 1;
    /// Pops TOS and jumps when it is true.
    POP_JUMP_IF_TRUE(Jump) => |_, _| -1, pops |_| 1;
    /// Pops TOS and jumps when it is None.
    POP_JUMP_IF_NONE(Jump) => |_, _| -1, pops |_| 1;
    /// Pops TOS and jumps when it is not None.
    POP_JUMP_IF_NOT_NONE(Jump) => |_, _| -1, pops |_| 1;
    /// When TOS is false jump and keep it, otherwise pop it (`and`).
    JUMP_IF_FALSE_OR_POP(Jump) => |_, j| if j { 0 } else { -1 }, pops |_| 1;
    /// When TOS is true jump and keep it, otherwise pop it (`or`).
    JUMP_IF_TRUE_OR_POP(Jump) => |_, j| if j { 0 } else { -1 }, pops |_| 1;
    /// `TOS = iter(TOS)`
    GET_ITER(None) => |_, _| 0, pops |_| 1;
    /// Pushes `next(TOS)`; when the iterator is exhausted, pops it and jumps.
    FOR_ITER(Jump) => |_, j| if j { -1 } else { 1 }, pops |_| 1;

    /// Pops the function's code (and, as flagged, its closure tuple, keyword-defaults dict and
    /// defaults tuple, pushed in that reverse order) and pushes a new function. Flags: 0x01
    /// defaults, 0x02 keyword-only defaults, 0x08 closure.
    MAKE_FUNCTION(Count) => |a, _| -((a & 1) as i32) - ((a >> 1) & 1) - ((a >> 3) & 1), pops |a| 1 + (a & 1) + ((a >> 1) & 1) + ((a >> 3) & 1);
    /// Calls with `arg` arguments; see "Calls" in the module documentation.
    CALL(Count) => |a, _| -a - 1, pops |a| a + 2;
    /// Names the keyword arguments of the next `CALL` (a tuple constant).
    KW_NAMES(Const) => |_, _| 0, pops |_| 0;
    /// Calls `stack[-3 - (arg & 1)]` with the positional tuple and (when `arg & 1`) the
    /// keyword dict on top; `self_or_null` is below the tuple.
    CALL_FUNCTION_EX(Count) => |a, _| -2 - (a & 1), pops |a| 3 + (a & 1);
    /// Returns TOS to the caller.
    RETURN_VALUE(None) => |_, _| -1, pops |_| 1;
    /// Returns `consts[arg]` to the caller.
    RETURN_CONST(Const) => |_, _| 0, pops |_| 0;
    /// First instruction of a generator function: turns the new frame into a generator object
    /// and returns it. When the generator is first resumed, execution continues after it with
    /// the sent value (None) pushed.
    RETURN_GENERATOR(None) => |_, _| 1, pops |_| 0;
    /// Suspends the generator, handing TOS to whoever resumed it; on resumption the value sent
    /// in replaces it. `arg` is 1 for the yield of a `yield from` (the delegate is then just
    /// below: `throw` and `close` go to it first), else 0.
    YIELD_VALUE(Count) => |_, _| 0, pops |_| 1;
    /// `yield from`: `TOS = iter(TOS)`, unless it is a generator already.
    GET_YIELD_FROM_ITER(None) => |_, _| 0, pops |_| 1;
    /// `[receiver, value]`: sends `value` into the receiver (`next` when it is None and the
    /// receiver no generator). When the receiver yields, `[receiver, yielded]`; when it returns,
    /// `[result]` and jump.
    SEND(Jump) => |_, j| if j { -1 } else { 0 }, pops |_| 2;
    /// An unconditional backward jump that is no loop back-edge (`yield from`'s send loop): the
    /// interpreter does not count it for the JIT.
    JUMP_BACKWARD_NO_INTERRUPT(Jump) => |_, _| 0, pops |_| 0;
    /// The handler around a `yield from`'s yield: `[receiver, exc]`; a StopIteration (the
    /// delegate returned while `throw` ran it) becomes `[exc.value]`, anything else is raised
    /// again.
    CLEANUP_THROW(None) => |_, _| -1, pops |_| 2;
    /// `with`: `[mgr] -> [bound mgr.__exit__, mgr.__enter__()]`.
    BEFORE_WITH(None) => |_, _| 1, pops |_| 1;
    /// The exception path of `with`, on `[exit, prev_exc, exc]`: pushes `exit(type(exc), exc,
    /// None)`, whose truth says whether the exception is suppressed.
    WITH_EXCEPT_START(None) => |_, _| 1, pops |_| 0;

    /// Entering an exception handler: TOS is the exception; pushes the previously handled
    /// exception below it and makes TOS the handled one (`[exc] -> [prev, exc]`).
    PUSH_EXC_INFO(None) => |_, _| 1, pops |_| 1;
    /// Pops the saved previous exception and makes it the handled one again.
    POP_EXCEPT(None) => |_, _| -1, pops |_| 1;
    /// TOS is a class or tuple of classes, TOS1 an exception: pops TOS and pushes whether the
    /// exception matches.
    CHECK_EXC_MATCH(None) => |_, _| 0, pops |_| 1;
    /// Pops TOS (an exception) and raises it again without touching its traceback.
    RERAISE(None) => |_, _| -1, pops |_| 1;
    /// `raise` (arg 0, re-raise the handled exception), `raise TOS` (1),
    /// `raise TOS1 from TOS` (2).
    RAISE_VARARGS(Count) => |a, _| -a, pops |a| a;

    /// `match`: pushes whether TOS is a mapping (a dict or an instance of a dict subclass).
    MATCH_MAPPING(None) => |_, _| 1, pops |_| 0;
    /// `match`: pushes whether TOS is a sequence (list, tuple, range, array; not str).
    MATCH_SEQUENCE(None) => |_, _| 1, pops |_| 0;
    /// Pops TOS and shows it at the interactive prompt (`sys.displayhook`: its repr, unless
    /// None, which also becomes `_`).
    PRINT_EXPR(None) => |_, _| -1, pops |_| 1;
    /// Pushes `len(TOS)`.
    GET_LEN(None) => |_, _| 1, pops |_| 0;
    /// `match`: `[subject, keys]` -> `[subject, keys, values]`, values a tuple of
    /// `subject.get(key)` for each key, or None when a key is missing.
    MATCH_KEYS(None) => |_, _| 1, pops |_| 0;
    /// `match`: `[subject, cls, kwnames]` -> a tuple of the attributes the class pattern names
    /// (`arg` positional ones through `__match_args__`, then `kwnames`), or None when the
    /// subject is no instance of `cls` or lacks one.
    MATCH_CLASS(Count) => |_, _| -2, pops |_| 3;
    /// `match`: `[subject, keys]` -> `[subject, rest]`, rest a dict of the subject's other items.
    COPY_DICT_WITHOUT_KEYS(None) => |_, _| 0, pops |_| 1;

    /// `import names[arg]`: pops fromlist and level, pushes the module.
    IMPORT_NAME(Name) => |_, _| -1, pops |_| 2;
    /// Pushes attribute `names[arg]` of the module on TOS (which stays).
    IMPORT_FROM(Name) => |_, _| 1, pops |_| 0;
    /// CPython 3.12's intrinsic functions of one argument, replacing TOS by the result; stitch
    /// has `2` (`INTRINSIC_IMPORT_STAR`: binds the public names of the module on TOS in the
    /// current namespace, for `from m import *`; the result is None).
    CALL_INTRINSIC_1(Count) => |_, _| 0, pops |_| 1;
}

impl Opcode {
    /// Whether the instruction can transfer control to its argument.
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }

    /// Whether control never continues to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::RETURN_VALUE
                | Opcode::RETURN_CONST
                | Opcode::RERAISE
                | Opcode::RAISE_VARARGS
        )
    }

    /// Decodes an opcode number (as stored in [`Instr::op`]).
    pub fn from_u8(n: u8) -> Option<Opcode> {
        Opcode::ALL.get(n as usize).copied()
    }
}

/// Where an instruction came from in the source: 1-based lines, 0-based character columns
/// (`line == 0`: unknown), like CPython's `co_positions()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// One instruction: an opcode and its 32-bit argument (0 when unused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

/// Binary operators, numbered like CPython's `NB_*` constants (`BINARY_OP`'s argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

/// Offset added to a [`BinaryOp`] for its augmented-assignment form (`+=` is 13).
pub const INPLACE: u32 = 13;

impl BinaryOp {
    pub const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
    ];

    /// Splits a `BINARY_OP` argument into the operator and whether it is in-place.
    pub fn from_arg(arg: u32) -> Option<(BinaryOp, bool)> {
        let inplace = arg >= INPLACE;
        let base = if inplace { arg - INPLACE } else { arg };
        BinaryOp::ALL.get(base as usize).map(|&op| (op, inplace))
    }

    /// The operator as written in Python (`"+"`, `"//"`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::And => "&",
            BinaryOp::FloorDivide => "//",
            BinaryOp::Lshift => "<<",
            BinaryOp::MatrixMultiply => "@",
            BinaryOp::Multiply => "*",
            BinaryOp::Remainder => "%",
            BinaryOp::Or => "|",
            BinaryOp::Power => "**",
            BinaryOp::Rshift => ">>",
            BinaryOp::Subtract => "-",
            BinaryOp::TrueDivide => "/",
            BinaryOp::Xor => "^",
        }
    }

    /// The special method names `(forward, reflected, in-place)`.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinaryOp::And => ("__and__", "__rand__", "__iand__"),
            BinaryOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinaryOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinaryOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinaryOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
            BinaryOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
            BinaryOp::Or => ("__or__", "__ror__", "__ior__"),
            BinaryOp::Power => ("__pow__", "__rpow__", "__ipow__"),
            BinaryOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinaryOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
            BinaryOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinaryOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Comparison operators (`COMPARE_OP`'s argument), in CPython's `Py_LT..Py_GE` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub const ALL: [CompareOp; 6] =
        [CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge];

    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        CompareOp::ALL.get(arg as usize).copied()
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The special method and its reflection (`__lt__` reflects to `__gt__`).
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CompareOp::Lt => ("__lt__", "__gt__"),
            CompareOp::Le => ("__le__", "__ge__"),
            CompareOp::Eq => ("__eq__", "__eq__"),
            CompareOp::Ne => ("__ne__", "__ne__"),
            CompareOp::Gt => ("__gt__", "__lt__"),
            CompareOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// Code flags, with CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x01;
    pub const NEWLOCALS: u32 = 0x02;
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
}

/// A compile-time constant (`Code::consts`).
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    /// An integer literal that does not fit 64 bits, in decimal.
    BigInt(String),
    Float(f64),
    /// An imaginary literal (`2j`) or a folded complex constant: real and imaginary parts.
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A set display of constants, built at load time (as CPython folds `{1, 2, 3}`).
    FrozenSet(Vec<Const>),
    Code(Rc<Code>),
}

impl PartialEq for Const {
    /// Structural equality used by the compiler to share constants; floats compare by bits so
    /// that `0.0` and `-0.0` stay distinct, and bools never equal ints.
    fn eq(&self, other: &Const) -> bool {
        match (self, other) {
            (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
            (Const::Bool(a), Const::Bool(b)) => a == b,
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::BigInt(a), Const::BigInt(b)) => a == b,
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Complex(a, b), Const::Complex(c, d)) => a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits(),
            (Const::Str(a), Const::Str(b)) => a == b,
            (Const::Bytes(a), Const::Bytes(b)) => a == b,
            (Const::Tuple(a), Const::Tuple(b)) | (Const::FrozenSet(a), Const::FrozenSet(b)) => a == b,
            (Const::Code(a), Const::Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl fmt::Display for Const {
    /// The constant as `dis` shows it (the Python repr).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Const::None => f.write_str("None"),
            Const::Bool(true) => f.write_str("True"),
            Const::Bool(false) => f.write_str("False"),
            Const::Int(i) => write!(f, "{i}"),
            Const::BigInt(s) => f.write_str(s),
            Const::Float(x) => f.write_str(&crate::runtime::format::float_repr(*x)),
            Const::Complex(re, im) => f.write_str(&crate::runtime::complex::repr(*re, *im)),
            Const::Str(s) => f.write_str(&crate::runtime::strings::repr_str(s)),
            Const::Bytes(b) => f.write_str(&crate::runtime::bytes::repr_bytes(b)),
            Const::Ellipsis => f.write_str("Ellipsis"),
            Const::Tuple(items) => {
                f.write_str("(")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Const::FrozenSet(items) => {
                f.write_str("frozenset({")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("})")
            }
            Const::Code(code) => {
                write!(f, "<code object {}, line {}>", code.name, code.firstlineno)
            }
        }
    }
}

/// One entry of a code object's exception table: an exception raised by an instruction in
/// `start..end` cuts the value stack back to `depth` items, pushes the exception and jumps to
/// `target`. The innermost (most specific) entry comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// A compiled function, class body or module: the unit the interpreter executes.
///
/// A frame's fast-locals area holds `varnames.len()` locals followed by the cells of
/// `cellvars` and then those of `freevars` (the "deref" slots, indexed by `LOAD_DEREF`'s
/// argument from 0).
#[derive(Clone, Debug)]
pub struct Code {
    /// The function name (`<module>`, `<listcomp>`, `<lambda>`, ...).
    pub name: String,
    /// Dotted name used in reprs (`Outer.method.<locals>.inner`).
    pub qualname: String,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    /// Positional parameters (including positional-only ones).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Combination of [`flags`].
    pub flags: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (`lines.len() == instrs.len()`).
    pub lines: Vec<u32>,
    /// Each instruction's source position (its AST node), for the `^^^^` under a traceback's
    /// source line.
    pub positions: Vec<Position>,
    /// A function's docstring (`__doc__`), when its body starts with a string.
    pub doc: Option<String>,
    pub consts: Vec<Const>,
    /// Global, attribute and imported names used by the code.
    pub names: Vec<String>,
    /// Local variable names: parameters first (positional, keyword-only, `*args`, `**kwargs`).
    pub varnames: Vec<String>,
    /// Variables of this code that inner functions capture.
    pub cellvars: Vec<String>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<String>,
    /// For each cell variable, the parameter (index into `varnames`) it starts from, if any.
    pub cell2arg: Vec<Option<u32>>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum depth of the value stack.
    pub stacksize: u32,
}

impl Code {
    /// Number of fast-local slots a frame of this code needs (locals, cells, free variables).
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    /// Name of deref slot `i` (cells first, then free variables).
    pub fn deref_name(&self, i: usize) -> &str {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            self.freevars.get(i - self.cellvars.len()).map(|s| s.as_str()).unwrap_or("?")
        }
    }

    /// The innermost exception-table entry covering instruction `pc`.
    pub fn handler_for(&self, pc: u32) -> Option<&ExceptionEntry> {
        self.exception_table.iter().find(|e| e.start <= pc && pc < e.end)
    }

    /// Source line of instruction `pc`.
    pub fn position_of(&self, pc: usize) -> Position {
        self.positions.get(pc).copied().unwrap_or_default()
    }

    pub fn line_of(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcode_numbers_round_trip() {
        for (i, op) in Opcode::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(Opcode::from_u8(i as u8), Some(*op));
        }
        assert_eq!(Opcode::from_u8(255), None);
    }

    #[test]
    fn every_opcode_pushes_what_it_consumes_plus_its_effect() {
        // inputs + effect is what the instruction pushes: never negative, for any argument and
        // either edge of a jump.
        for &op in Opcode::ALL {
            for arg in [0, 1, 2, 3, 5, 9, 0x0f, 0x203] {
                for jump in [false, true] {
                    let pushes = op.inputs(arg) as i32 + op.stack_effect(arg, jump);
                    assert!(pushes >= 0, "{} {arg} (jump {jump}): pushes {pushes}", op.name());
                }
            }
        }
        assert_eq!(Opcode::CALL.inputs(2), 4);
        assert_eq!(Opcode::BUILD_MAP.inputs(2), 4);
        assert_eq!(Opcode::COPY.inputs(3), 0);
        assert_eq!(Opcode::FORMAT_VALUE.inputs(4), 2);
    }

    #[test]
    fn stack_effects_match_cpython() {
        assert_eq!(Opcode::BUILD_LIST.stack_effect(3, false), -2);
        assert_eq!(Opcode::BUILD_MAP.stack_effect(2, false), -3);
        assert_eq!(Opcode::CALL.stack_effect(2, false), -3);
        assert_eq!(Opcode::LOAD_GLOBAL.stack_effect(5, false), 2);
        assert_eq!(Opcode::LOAD_GLOBAL.stack_effect(4, false), 1);
        assert_eq!(Opcode::LOAD_ATTR.stack_effect(3, false), 1);
        assert_eq!(Opcode::LOAD_ATTR.stack_effect(2, false), 0);
        assert_eq!(Opcode::FOR_ITER.stack_effect(0, false), 1);
        assert_eq!(Opcode::FOR_ITER.stack_effect(0, true), -1);
        assert_eq!(Opcode::UNPACK_EX.stack_effect(1 | (2 << 8), false), 3);
        assert_eq!(Opcode::MAKE_FUNCTION.stack_effect(0x09, false), -2);
    }

    #[test]
    fn binary_op_args() {
        assert_eq!(BinaryOp::from_arg(0), Some((BinaryOp::Add, false)));
        assert_eq!(BinaryOp::from_arg(13), Some((BinaryOp::Add, true)));
        assert_eq!(BinaryOp::from_arg(23), Some((BinaryOp::Subtract, true)));
        assert_eq!(BinaryOp::from_arg(26), None);
    }
}
