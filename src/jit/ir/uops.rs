//! The micro-ops (uops) traces are made of, and the one table of what each means.
//!
//! The recorder translates each executed bytecode into a few uops: guards on what it observed
//! (types, shapes, callee identity, branch direction) followed by unguarded fast operations.
//! Names are CPython's where a CPython uop does the same thing.
//!
//! The table states, per uop, everything a pass or a backend may rely on:
//! * its **stack effect** ([`StackEffect`]): how many values it reads from the top of the value
//!   stack and how many it leaves there (a guard on the top reads one and leaves it);
//! * its **exits** ([`Exits`]): a *guard* leaves for the interpreter at the bytecode it belongs to,
//!   before any effect; an *error* exit leaves with an exception a helper raised;
//! * its **effect** on the rest of the machine ([`Effect`]): whether it only computes, writes
//!   memory that no guard reads, or may run arbitrary code (after which nothing known about the
//!   heap holds);
//! * what its argument and two operands mean ([`Operand`]), so dumps can name them.
//!
//! How a uop becomes machine code is the backends' business (the copy-and-patch backend maps
//! each uop to a stencil of `stencils/uops.c`); nothing here names a stencil.

use std::fmt;

/// How a uop can leave the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exits {
    /// Never (the uop always continues).
    Never,
    /// A guard: leaves through its exit when an assumption fails, before any effect.
    Guard,
    /// A helper may raise: leaves through the trace's error exit with the exception set.
    Error,
    /// A branch decided at run time, after the uop's effect: leaves through its exit with the
    /// stack as the effect left it (the exit resumes past the bytecode), or through the error
    /// exit.
    Branch,
    /// Always leaves (the end of a trace).
    Always,
}

/// What a uop does besides reading and writing the value stack and the running frame's locals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing else: it reads the stack, locals, and memory that only guarded code changes.
    Pure,
    /// Writes memory that no guard depends on (instance slots, list items, iterators, counters,
    /// frame records), or allocates.
    Writes,
    /// May run arbitrary code (a call, a bytecode run by the interpreter): globals, classes,
    /// shapes and cells may all have changed after it.
    Escapes,
}

/// How a uop uses the value stack. Values are counted from the top; `oparg` is the uop's
/// argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StackEffect {
    /// Reads `pops` values (and removes them), then pushes `pushes`.
    Fixed(u8, u8),
    /// Reads the top `oparg + extra` values and leaves them (`_COPY` pushes one more).
    Reads(u8),
    /// `_COPY`: reads the top `oparg`, leaves them and pushes a copy of the deepest.
    Copy,
    /// A call: removes the callable, the self-or-null slot and `oparg` arguments, pushes the result.
    Call,
    /// Removes `oparg` values, pushes one made of them (`_BUILD_SLICE`).
    Build,
    /// `_UNPACK_SEQUENCE`: removes one sequence, pushes `oparg` items.
    Unpack,
    /// Slicing without a slice object: reads the container below `oparg` bounds and, for a
    /// store (`store`: the value below the container too), removes them all; a load pushes the
    /// new sequence.
    Slice { store: bool },
    /// Changes frames: `_PUSH_FRAME` moves the callable, self-or-null and `oparg` arguments
    /// into a new frame; `_POP_FRAME` returns the top to the caller's stack.
    Frame,
    /// Whatever the bytecode it runs does (`_EXECUTE_BYTECODE`; the opcode table knows).
    Bytecode,
    /// `_MATERIALIZE_TUPLE`: removes `oparg` values lying under the top `operand0` values and
    /// puts the tuple of them in their place (the values above move down).
    Materialize,
}

impl StackEffect {
    /// (values read and removed, values pushed), when fixed by the uop and its argument.
    pub fn counts(self, oparg: u32) -> Option<(u32, u32)> {
        Some(match self {
            StackEffect::Fixed(pops, pushes) => (pops as u32, pushes as u32),
            StackEffect::Reads(extra) => (oparg + extra as u32, oparg + extra as u32),
            StackEffect::Copy => (oparg, oparg + 1),
            StackEffect::Call => (oparg + 2, 1),
            StackEffect::Build => (oparg, 1),
            StackEffect::Unpack => (1, oparg),
            StackEffect::Slice { store: false } => (oparg + 1, 1),
            StackEffect::Slice { store: true } => (oparg + 2, 0),
            StackEffect::Frame | StackEffect::Bytecode | StackEffect::Materialize => return None,
        })
    }
}

/// What a uop's argument or operand is, so that dumps can say it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// Not used.
    None,
    /// A count or depth, said as a number with this meaning.
    Count(&'static str),
    /// A fast local's index (dumps name it: `slot 1 (step)`).
    Local,
    /// A comparison (`<`, `<=`, ...).
    Compare,
    /// A value's tag (operand 0) and payload (operand 1) (`int 1`, `float 0.5`).
    Tag,
    /// A tag alone, naming a type (`int`).
    TypeTag,
    Payload,
    /// An instruction index of the code the uop came from (dumps show its byte offset).
    Instruction,
    /// An address of something, said in words.
    Address(&'static str),
    /// A `BINARY_OP` argument: the operator (`+`, `+=`).
    Operator,
    /// The flags argument of this bytecode, said as `stitch dis` says them (`repr, with format`).
    Flags(crate::bytecode::Opcode),
    /// A plain number with this meaning.
    Number(&'static str),
}

impl Operand {
    pub fn is_some(self) -> bool {
        self != Operand::None
    }

    /// The meaning, in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Operand::None => "",
            Operand::Count(m) | Operand::Address(m) | Operand::Number(m) => m,
            Operand::Local => "local index",
            Operand::Compare => "comparison (< <= == != > >=)",
            Operand::Tag => "value tag",
            Operand::TypeTag => "the tag of a type",
            Operand::Payload => "value payload",
            Operand::Instruction => "instruction index",
            Operand::Operator => "the operator (BINARY_OP's argument)",
            Operand::Flags(_) => "the bytecode's flags",
        }
    }
}

/// What a uop is.
#[derive(Clone, Copy, Debug)]
pub struct UopInfo {
    pub name: &'static str,
    pub stack: StackEffect,
    pub exits: Exits,
    pub effect: Effect,
    /// Meaning of the argument, of operand 0 and of operand 1.
    pub oparg: Operand,
    pub operands: [Operand; 2],
}

macro_rules! uops {
    ($( $name:ident: $stack:expr, $exits:ident, $effect:ident, $oparg:expr, $op0:expr, $op1:expr; )*) => {
        /// A micro-op.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Uop { $($name,)* }

        /// Every uop, in table order.
        pub const ALL: &[Uop] = &[$(Uop::$name,)*];

        impl Uop {
            pub fn info(self) -> UopInfo {
                match self {
                    $(Uop::$name => UopInfo {
                        name: stringify!($name),
                        stack: $stack,
                        exits: Exits::$exits,
                        effect: Effect::$effect,
                        oparg: $oparg,
                        operands: [$op0, $op1],
                    },)*
                }
            }
        }
    };
}

impl Uop {
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether the uop only checks an assumption (a type, a branch direction, a version, a
    /// callee, a shape): the guards an optimizer tries to remove. Uops that act and may exit on
    /// the way (an int add that overflows, a `FOR_ITER` that ends) are not checks.
    pub fn is_check(self) -> bool {
        let info = self.info();
        info.exits == Exits::Guard && (info.name.starts_with("_GUARD_") || self == Uop::_CHECK_FUNCTION)
    }
}

impl fmt::Display for Uop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

use crate::bytecode::Opcode::{FORMAT_VALUE, MAKE_FUNCTION};
use Operand::{
    Address as Addr, Compare, Count, Flags, Instruction, Local, None as N, Number as Num, Operator, Payload, Tag,
    TypeTag,
};
use StackEffect::{Fixed as F, *};

uops! {
    // Entering and leaving.
    _TRACE_ENTRY: F(0, 0), Never, Pure, N, N, N;
    _EXIT_TRACE: F(0, 0), Always, Pure, N, Addr("the exit's record"), N;
    _DEOPT: F(0, 0), Always, Pure, N, N, N;
    _ADD_TO_COUNTER: F(0, 0), Never, Writes, N, Addr("a u64 counter"), Num("amount");
    _CHECK_SAFEPOINT: F(0, 0), Guard, Pure, N, Addr("the collector's pending flag"), N;
    _JUMP_TO_TOP: F(0, 0), Guard, Pure, N, Addr("the collector's pending flag"), N;

    // Locals, constants and the stack.
    _LOAD_FAST: F(0, 1), Never, Pure, Local, N, N;
    _LOAD_FAST_CHECK: F(0, 1), Guard, Pure, Local, N, N;
    _STORE_FAST: F(1, 0), Never, Pure, Local, N, N;
    _STORE_FAST_KEEP: F(1, 1), Never, Pure, Local, N, N;
    _LOAD_FAST_UNBOXED: F(0, 1), Never, Pure, Local, TypeTag, N;
    _STORE_FAST_UNBOXED: F(1, 0), Never, Pure, Local, N, N;
    _STORE_FAST_KEEP_UNBOXED: F(1, 1), Never, Pure, Local, N, N;
    _LOAD_CONST_INLINE: F(0, 1), Never, Pure, N, Tag, Payload;
    _POP_TOP: F(1, 0), Never, Pure, N, N, N;
    _PUSH_NULL: F(0, 1), Never, Pure, N, N, N;
    _COPY: Copy, Never, Pure, Count("depth (1 = top)"), N, N;
    _SWAP: Reads(0), Never, Pure, Count("depth (2 = second)"), N, N;

    // Type guards.
    _GUARD_BOTH_INT: F(2, 2), Guard, Pure, N, N, N;
    _GUARD_TOS_INT: F(1, 1), Guard, Pure, N, N, N;
    _GUARD_NOS_INT: F(2, 2), Guard, Pure, N, N, N;
    _GUARD_TOS_BOOL: F(1, 1), Guard, Pure, N, N, N;
    _GUARD_BOTH_FLOAT: F(2, 2), Guard, Pure, N, N, N;
    _GUARD_TOS_FLOAT: F(1, 1), Guard, Pure, N, N, N;
    _GUARD_NOS_FLOAT: F(2, 2), Guard, Pure, N, N, N;
    _GUARD_FAST_TAG: F(0, 0), Guard, Pure, Local, TypeTag, N;
    _GUARD_FAST_TYPE_VERSION: F(0, 0), Guard, Pure, Local, Addr("the instance's shape"), N;

    // Integer arithmetic (exits where the result leaves 64 bits or Python raises).
    _BINARY_OP_ADD_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_SUBTRACT_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_MULTIPLY_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_FLOOR_DIVIDE_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_MODULO_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_AND_INT: F(2, 1), Never, Pure, N, N, N;
    _BINARY_OP_OR_INT: F(2, 1), Never, Pure, N, N, N;
    _BINARY_OP_XOR_INT: F(2, 1), Never, Pure, N, N, N;
    _BINARY_OP_LSHIFT_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_RSHIFT_INT: F(2, 1), Guard, Pure, N, N, N;
    _UNARY_NEGATIVE_INT: F(1, 1), Guard, Pure, N, N, N;
    _BINARY_OP_TRUE_DIVIDE_INT: F(2, 1), Guard, Pure, N, N, N;

    // Float arithmetic.
    _BINARY_OP_ADD_FLOAT: F(2, 1), Never, Pure, N, N, N;
    _BINARY_OP_SUBTRACT_FLOAT: F(2, 1), Never, Pure, N, N, N;
    _BINARY_OP_MULTIPLY_FLOAT: F(2, 1), Never, Pure, N, N, N;
    _BINARY_OP_TRUE_DIVIDE_FLOAT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_OP_POWER_FLOAT: F(2, 1), Guard, Pure, N, N, N;
    _UNARY_NEGATIVE_FLOAT: F(1, 1), Never, Pure, N, N, N;
    _INT_TO_FLOAT_TOS: F(1, 1), Never, Pure, N, N, N;
    _INT_TO_FLOAT_NOS: F(2, 2), Never, Pure, N, N, N;

    // Comparisons and truth.
    _COMPARE_OP_INT: F(2, 1), Never, Pure, Compare, N, N;
    _COMPARE_OP_FLOAT: F(2, 1), Never, Pure, Compare, N, N;
    _IS_OP: F(2, 1), Never, Pure, Count("1 for `is not`"), N, N;
    _TO_BOOL_INT: F(1, 1), Never, Pure, N, N, N;
    _UNARY_NOT: F(1, 1), Never, Pure, N, N, N;

    // Branches, as guards on the recorded direction.
    _GUARD_IS_TRUE_POP: F(1, 0), Guard, Pure, N, N, N;
    _GUARD_IS_FALSE_POP: F(1, 0), Guard, Pure, N, N, N;
    // A comparison and the branch on its result in one (the optimizer's `fuse`): exits unless
    // the comparison holds (`_NOT_`: unless it fails), before any effect.
    _GUARD_COMPARE_INT_LT: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_INT_LE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_INT_EQ: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_INT_NE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_INT_GT: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_INT_GE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_LT: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_LE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_EQ: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_GT: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_GE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NOT_LT: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NOT_LE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NOT_EQ: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NOT_NE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NOT_GT: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_COMPARE_FLOAT_NOT_GE: F(2, 0), Guard, Pure, N, N, N;
    _GUARD_IS_TRUE: F(1, 1), Guard, Pure, N, N, N;
    _GUARD_IS_FALSE: F(1, 1), Guard, Pure, N, N, N;
    _GUARD_SLOT_NULL: Reads(0), Guard, Pure, Count("depth below the top"), N, N;
    _GUARD_SLOT_NOT_NULL: Reads(0), Guard, Pure, Count("depth below the top"), N, N;
    _GUARD_IS_NONE_POP: F(1, 0), Guard, Pure, N, N, N;
    _GUARD_TRUTH: F(1, 1), Guard, Pure, Count("the truth expected (1: true)"), N, N;
    _GUARD_TRUTH_POP: F(1, 0), Guard, Pure, Count("the truth expected (1: true)"), N, N;
    _GUARD_IS_NOT_NONE_POP: F(1, 0), Guard, Pure, N, N, N;

    // Assumptions about globals, classes and callees.
    _GUARD_GLOBALS_VERSION: F(0, 0), Guard, Pure, N, Addr("the module dict's version"), Num("expected version");
    _GUARD_BUILTINS_VERSION: F(0, 0), Guard, Pure, N, Addr("the builtins dict's version"), Num("expected version");
    _GUARD_CLASS_EPOCH: F(0, 0), Guard, Pure, N, Addr("the class epoch"), Num("expected epoch");
    _LOAD_GLOBAL_MODULE: F(0, 1), Never, Pure, N, Addr("the dict entry's value"), N;
    _LOAD_GLOBAL_BUILTINS: F(0, 1), Never, Pure, N, Addr("the dict entry's value"), N;
    _LOAD_DEREF: F(0, 1), Guard, Pure, Local, N, N;
    _STORE_DEREF: F(1, 0), Guard, Writes, Local, N, N;
    _CHECK_FUNCTION: Reads(2), Guard, Pure, Count("argument count"), Addr("the function object"), N;
    _CHECK_FUNCTION_CODE: Reads(2), Guard, Pure, Count("argument count"), Addr("the function's code object"), N;

    // Attributes by shape and slot.
    _GUARD_TYPE_VERSION: F(1, 1), Guard, Pure, N, Addr("the instance's shape"), N;
    _GUARD_NOS_TYPE_VERSION: F(2, 2), Guard, Pure, N, Addr("the instance's shape"), N;
    _GUARD_TOS_KIND: F(1, 1), Guard, Pure, N, Num("the object's kind (ObjKind variant)"), N;
    _GUARD_TOS_IS: F(1, 1), Guard, Pure, N, Addr("the object expected"), N;
    _LOAD_ATTR_INSTANCE_VALUE: F(1, 1), Guard, Pure, N, Num("slot index"), N;
    _STORE_ATTR_INSTANCE_VALUE: F(2, 0), Never, Writes, N, Num("slot index"), N;
    _STORE_ATTR_INSTANCE_APPEND: F(2, 0), Guard, Writes, N, Num("slot index"), Addr("the instance's new shape");
    _LOAD_ATTR_METHOD_WITH_VALUES: F(1, 2), Never, Pure, N, Addr("the method's function object"), N;

    // Calls and frames.
    _PUSH_FRAME: Frame, Guard, Writes, Count("argument count"), Addr("the call site's frame template"), N;
    _CREATE_INIT_FRAME: Frame, Error, Writes, Count("argument count"),
        Instruction, Num("the callee's local slot count");
    _POP_FRAME: Frame, Never, Writes, N, N, N;
    _POP_FRAME_N: Frame, Never, Writes, Count("values returned"), N, N;
    _POP_FRAME_CHECKED: Frame, Error, Writes, N, N, N;
    _PUSH_FRAME_OPERATOR: Frame, Guard, Writes, Count("operands"), Addr("the operator's frame template"), N;
    _POP_FRAME_BINARY: Frame, Guard, Writes, N, Addr("NotImplemented"), N;
    _GUARD_NOT_ENTRY: F(0, 0), Guard, Pure, N, N, N;
    _GUARD_CALLER: F(0, 0), Guard, Pure, N, Addr("the caller's code object"), Num("the caller's next instruction");
    _RETURN_DISPATCH: Frame, Always, Pure, N, Addr("the function's code object"),
        Addr("the function's continuation table");
    _CALL: Call, Error, Escapes, Count("argument count"), Instruction, N;
    _CALL_LEN: F(3, 1), Guard, Pure, N, Addr("the function"), N;
    _CALL_LIST_APPEND: F(3, 1), Guard, Writes, N, Addr("the function"), N;
    _CALL_MATH1: F(3, 1), Guard, Pure, Num("the math kernel (sqrt sin cos tan atan fabs)"), Addr("the function"), N;
    _EXECUTE_BYTECODE: Bytecode, Error, Escapes, N, Instruction, N;

    // Iteration and indexing.
    _FOR_ITER_RANGE: F(1, 2), Guard, Writes, N, N, N;
    _FOR_ITER_LIST: F(1, 2), Guard, Writes, N, N, N;
    _FOR_ITER_TUPLE: F(1, 2), Guard, Writes, N, N, N;
    _FOR_ITER_ENUMERATE_LIST: F(1, 3), Guard, Writes, N, N, N;
    _FOR_ITER_EXHAUSTED: F(1, 0), Guard, Pure, N, N, N;
    _FOR_ITER_NEXT: F(1, 2), Branch, Escapes, N, Instruction, N;
    _GUARD_GENERATOR: F(1, 1), Guard, Pure, N, Addr("the generator's code object"),
        Num("the instruction it resumes at");
    _PUSH_GENERATOR_FRAME: Frame, Error, Writes, N, Instruction, Num("the loop's end (instruction)");
    _YIELD_VALUE: Frame, Never, Writes, N, Num("the yield's instruction"), N;
    _GUARD_CONSUMER: F(0, 0), Guard, Pure, N, Addr("the consumer's code object"),
        Num("the consumer's next instruction");
    _FOR_ITER_NEXT_EXHAUSTED: F(1, 0), Branch, Escapes, N, Instruction, N;
    _GET_ITER_SEQUENCE: F(1, 1), Guard, Writes, N, N, N;
    _YIELD_VALUE_SINK: F(1, 1), Guard, Writes, N, N, N;
    _UNPACK_SEQUENCE: Unpack, Guard, Pure, Count("item count"), N, N;
    _UNPACK_SEQUENCE_TWO: F(1, 2), Guard, Pure, N, N, N;
    _UNPACK_SEQUENCE_THREE: F(1, 3), Guard, Pure, N, N, N;
    _BINARY_SUBSCR_LIST_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_SUBSCR_TUPLE_INT: F(2, 1), Guard, Pure, N, N, N;
    _BINARY_SUBSCR_DICT: F(2, 1), Guard, Pure, N, N, N;
    _STORE_SUBSCR_DICT: F(3, 0), Guard, Writes, N, N, N;
    _COMPARE_OP_STR: F(2, 1), Guard, Pure, Compare, N, N;
    _CONTAINS_OP_NATIVE: F(2, 1), Guard, Pure, Count("1 for `not in`"), N, N;
    _BUILD_SLICE: Build, Never, Writes, Count("bounds"), N, N;
    _BUILD_LIST: Build, Never, Writes, Count("items"), N, N;
    _BUILD_TUPLE: Build, Never, Writes, Count("items"), N, N;
    _MATERIALIZE_TUPLE: Materialize, Never, Writes, Count("items"), Count("values above them"), N;
    _LIST_APPEND: F(1, 0), Never, Writes, Count("the list's depth below the item"), N, N;
    _BINARY_SUBSCR_LIST_SLICE: F(2, 1), Guard, Writes, N, N, N;
    _BINARY_SLICE_LIST: Slice { store: false }, Guard, Writes, Count("bounds"), N, N;
    _STORE_SLICE_LIST: Slice { store: true }, Guard, Writes, Count("bounds"), N, N;
    _STORE_SUBSCR_LIST_SLICE: F(3, 0), Guard, Writes, N, N, N;
    _STORE_SUBSCR_LIST_INT: F(3, 0), Guard, Writes, N, N, N;

    // Generic operations through the runtime, for operands no specialization covers (each runs
    // the interpreter's function for its bytecode, which may run Python code and raise).
    _BINARY_OP: F(2, 1), Error, Escapes, Operator, Instruction, N;
    _COMPARE_OP: F(2, 1), Error, Escapes, Compare, Instruction, N;
    _CONTAINS_OP: F(2, 1), Error, Escapes, Count("1 for `not in`"), Instruction, N;
    _BINARY_SUBSCR: F(2, 1), Error, Escapes, N, Instruction, N;
    _STORE_SUBSCR: F(3, 0), Error, Escapes, N, Instruction, N;
    _GET_ITER: F(1, 1), Error, Escapes, N, Instruction, N;
    _FORMAT_SIMPLE: F(1, 1), Error, Escapes, Flags(FORMAT_VALUE), Instruction, N;
    _FORMAT_WITH_SPEC: F(2, 1), Error, Escapes, Flags(FORMAT_VALUE), Instruction, N;
    _BUILD_STRING: Build, Error, Writes, Count("strs"), Instruction, N;
    _BUILD_MAP: Build, Error, Escapes, Count("keys and values"), Instruction, N;
    _MAKE_FUNCTION: Build, Error, Writes, Count("values consumed"), Instruction, Flags(MAKE_FUNCTION);
    _MAKE_CELL: F(0, 0), Never, Writes, Count("cell index"), N, N;
    _COPY_FREE_VARS: F(0, 0), Never, Writes, Count("free variables"), N, N;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guard_reads_what_it_leaves() {
        // A guard exits before any effect, so it must leave the stack as it found it, except for
        // the branch guards that pop what they test (the fused comparisons too) and the uops that
        // act only once checked.
        for &uop in ALL {
            let info = uop.info();
            let pops = info.name.ends_with("_POP") || info.name.starts_with("_GUARD_COMPARE_");
            if info.exits == Exits::Guard && info.name.starts_with("_GUARD_") && !pops {
                let (pops, pushes) = info.stack.counts(3).expect("guards have fixed effects");
                assert_eq!(pops, pushes, "{uop}");
            }
        }
    }

    #[test]
    fn fixed_effects_are_what_the_stack_effect_says() {
        assert_eq!(Uop::_COPY.info().stack.counts(1), Some((1, 2)));
        assert_eq!(Uop::_CALL.info().stack.counts(2), Some((4, 1)));
        assert_eq!(Uop::_CHECK_FUNCTION.info().stack.counts(1), Some((3, 3)));
        assert_eq!(Uop::_UNPACK_SEQUENCE.info().stack.counts(3), Some((1, 3)));
        assert_eq!(Uop::_PUSH_FRAME.info().stack.counts(1), None);
    }
}
