//! The micro-ops (uops) traces are made of.
//!
//! The recorder translates each executed bytecode into a few uops: guards on what it observed
//! (types, shapes, callee identity, branch direction) followed by unguarded fast operations.
//! Every uop is implemented by one stencil of `stencils/uops.c`; several uops may share one
//! (all "this word still holds that value" guards are `_GUARD_WORD_EQ`). Names are CPython's
//! where a CPython uop does the same thing.
//!
//! One table says, per uop: its stencil, what its argument and operands mean (the holes
//! `_JIT_OPARG`, `_JIT_OPERAND0`, `_JIT_OPERAND1` of the stencil), and how it can leave the
//! trace: a *guard* exits to the interpreter at the bytecode it belongs to before any effect; an
//! *error* exit leaves with an exception raised by a helper. Tests check the table against the
//! stencils: every stencil used, every operand declared, every exit declared.

use super::extract::{HoleValue, StencilSet};

/// How a uop can leave the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exits {
    /// Never (the uop always continues).
    Never,
    /// A guard: leaves through its exit stub when an assumption fails, before any effect.
    Guard,
    /// A helper may raise: leaves through the error stub with the exception set.
    Error,
    /// Always leaves (exit stubs, the end of a trace).
    Always,
}

/// What a uop is: its stencil, the meaning of its argument and operands, and its exits.
#[derive(Clone, Copy, Debug)]
pub struct UopInfo {
    pub name: &'static str,
    pub stencil: &'static str,
    /// Meaning of `_JIT_OPARG`, if used.
    pub oparg: Option<&'static str>,
    /// Meanings of `_JIT_OPERAND0` and `_JIT_OPERAND1`, if used.
    pub operands: [Option<&'static str>; 2],
    pub exits: Exits,
}

macro_rules! uops {
    ($( $name:ident => $stencil:ident, $exits:ident, oparg: $oparg:expr, op0: $op0:expr, op1: $op1:expr; )*) => {
        /// A micro-op.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Uop { $($name,)* }

        /// Every uop, in table order.
        pub const ALL: &[Uop] = &[$(Uop::$name,)*];

        impl Uop {
            pub fn info(self) -> UopInfo {
                match self {
                    $(Uop::$name => UopInfo {
                        name: stringify!($name),
                        stencil: stringify!($stencil),
                        oparg: $oparg,
                        operands: [$op0, $op1],
                        exits: Exits::$exits,
                    },)*
                }
            }
        }
    };
}

const N: Option<&str> = None;

uops! {
    // Entering and leaving.
    _TRACE_ENTRY => _TRACE_ENTRY, Never, oparg: N, op0: N, op1: N;
    _EXIT_TRACE => _EXIT_TRACE, Always, oparg: N, op0: Some("the exit's ExitRecord"), op1: N;
    _DEOPT => _DEOPT, Always, oparg: N, op0: N, op1: N;
    _ADD_TO_COUNTER => _ADD_TO_COUNTER, Never, oparg: N, op0: Some("address of a u64 counter"), op1: Some("amount");
    _CHECK_SAFEPOINT => _CHECK_SAFEPOINT, Guard, oparg: N, op0: Some("address of the collector's pending flag"), op1: N;
    _JUMP_TO_TOP => _JUMP_TO_TOP, Guard, oparg: N, op0: Some("address of the collector's pending flag"), op1: N;

    // Locals, constants and the stack.
    _LOAD_FAST => _LOAD_FAST, Never, oparg: Some("local index"), op0: N, op1: N;
    _LOAD_FAST_CHECK => _LOAD_FAST_CHECK, Guard, oparg: Some("local index"), op0: N, op1: N;
    _STORE_FAST => _STORE_FAST, Never, oparg: Some("local index"), op0: N, op1: N;
    _LOAD_CONST_INLINE => _LOAD_CONST_INLINE, Never, oparg: N, op0: Some("value tag"), op1: Some("value payload");
    _POP_TOP => _POP_TOP, Never, oparg: N, op0: N, op1: N;
    _PUSH_NULL => _PUSH_NULL, Never, oparg: N, op0: N, op1: N;
    _COPY => _COPY, Never, oparg: Some("depth (1 = top)"), op0: N, op1: N;
    _SWAP => _SWAP, Never, oparg: Some("depth (2 = second)"), op0: N, op1: N;

    // Type guards.
    _GUARD_BOTH_INT => _GUARD_BOTH_INT, Guard, oparg: N, op0: N, op1: N;
    _GUARD_TOS_INT => _GUARD_TOS_INT, Guard, oparg: N, op0: N, op1: N;
    _GUARD_NOS_INT => _GUARD_NOS_INT, Guard, oparg: N, op0: N, op1: N;
    _GUARD_TOS_BOOL => _GUARD_TOS_BOOL, Guard, oparg: N, op0: N, op1: N;
    _GUARD_BOTH_FLOAT => _GUARD_BOTH_FLOAT, Guard, oparg: N, op0: N, op1: N;
    _GUARD_TOS_FLOAT => _GUARD_TOS_FLOAT, Guard, oparg: N, op0: N, op1: N;
    _GUARD_NOS_FLOAT => _GUARD_NOS_FLOAT, Guard, oparg: N, op0: N, op1: N;

    // Integer arithmetic (exits where the result leaves 64 bits or Python raises).
    _BINARY_OP_ADD_INT => _BINARY_OP_ADD_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_SUBTRACT_INT => _BINARY_OP_SUBTRACT_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_MULTIPLY_INT => _BINARY_OP_MULTIPLY_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_FLOOR_DIVIDE_INT => _BINARY_OP_FLOOR_DIVIDE_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_MODULO_INT => _BINARY_OP_MODULO_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_AND_INT => _BINARY_OP_AND_INT, Never, oparg: N, op0: N, op1: N;
    _BINARY_OP_OR_INT => _BINARY_OP_OR_INT, Never, oparg: N, op0: N, op1: N;
    _BINARY_OP_XOR_INT => _BINARY_OP_XOR_INT, Never, oparg: N, op0: N, op1: N;
    _BINARY_OP_LSHIFT_INT => _BINARY_OP_LSHIFT_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_RSHIFT_INT => _BINARY_OP_RSHIFT_INT, Guard, oparg: N, op0: N, op1: N;
    _UNARY_NEGATIVE_INT => _UNARY_NEGATIVE_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_OP_TRUE_DIVIDE_INT => _BINARY_OP_TRUE_DIVIDE_INT, Guard, oparg: N, op0: N, op1: N;

    // Float arithmetic.
    _BINARY_OP_ADD_FLOAT => _BINARY_OP_ADD_FLOAT, Never, oparg: N, op0: N, op1: N;
    _BINARY_OP_SUBTRACT_FLOAT => _BINARY_OP_SUBTRACT_FLOAT, Never, oparg: N, op0: N, op1: N;
    _BINARY_OP_MULTIPLY_FLOAT => _BINARY_OP_MULTIPLY_FLOAT, Never, oparg: N, op0: N, op1: N;
    _BINARY_OP_TRUE_DIVIDE_FLOAT => _BINARY_OP_TRUE_DIVIDE_FLOAT, Guard, oparg: N, op0: N, op1: N;
    _UNARY_NEGATIVE_FLOAT => _UNARY_NEGATIVE_FLOAT, Never, oparg: N, op0: N, op1: N;
    _INT_TO_FLOAT_TOS => _INT_TO_FLOAT_TOS, Never, oparg: N, op0: N, op1: N;
    _INT_TO_FLOAT_NOS => _INT_TO_FLOAT_NOS, Never, oparg: N, op0: N, op1: N;

    // Comparisons and truth.
    _COMPARE_OP_INT => _COMPARE_OP_INT, Never, oparg: Some("comparison (< <= == != > >=)"), op0: N, op1: N;
    _COMPARE_OP_FLOAT => _COMPARE_OP_FLOAT, Never, oparg: Some("comparison (< <= == != > >=)"), op0: N, op1: N;
    _IS_OP => _IS_OP, Never, oparg: Some("1 for `is not`"), op0: N, op1: N;
    _TO_BOOL_INT => _TO_BOOL_INT, Never, oparg: N, op0: N, op1: N;
    _UNARY_NOT => _UNARY_NOT, Never, oparg: N, op0: N, op1: N;

    // Branches, as guards on the recorded direction.
    _GUARD_IS_TRUE_POP => _GUARD_IS_TRUE_POP, Guard, oparg: N, op0: N, op1: N;
    _GUARD_IS_FALSE_POP => _GUARD_IS_FALSE_POP, Guard, oparg: N, op0: N, op1: N;
    _GUARD_IS_TRUE => _GUARD_IS_TRUE, Guard, oparg: N, op0: N, op1: N;
    _GUARD_IS_FALSE => _GUARD_IS_FALSE, Guard, oparg: N, op0: N, op1: N;
    _GUARD_SLOT_NULL => _GUARD_SLOT_NULL, Guard, oparg: Some("depth below the top"), op0: N, op1: N;
    _GUARD_SLOT_NOT_NULL => _GUARD_SLOT_NOT_NULL, Guard, oparg: Some("depth below the top"), op0: N, op1: N;
    _GUARD_IS_NONE_POP => _GUARD_IS_NONE_POP, Guard, oparg: N, op0: N, op1: N;
    _GUARD_IS_NOT_NONE_POP => _GUARD_IS_NOT_NONE_POP, Guard, oparg: N, op0: N, op1: N;

    // Assumptions about globals, classes and callees.
    _GUARD_GLOBALS_VERSION => _GUARD_WORD_EQ, Guard, oparg: N,
        op0: Some("address of the module dict's version"), op1: Some("expected version");
    _GUARD_BUILTINS_VERSION => _GUARD_WORD_EQ, Guard, oparg: N,
        op0: Some("address of the builtins dict's version"), op1: Some("expected version");
    _GUARD_CLASS_EPOCH => _GUARD_WORD_EQ, Guard, oparg: N,
        op0: Some("address of the class epoch"), op1: Some("expected epoch");
    _LOAD_GLOBAL_MODULE => _LOAD_VALUE_AT, Never, oparg: N, op0: Some("address of the dict entry's value"), op1: N;
    _LOAD_GLOBAL_BUILTINS => _LOAD_VALUE_AT, Never, oparg: N, op0: Some("address of the dict entry's value"), op1: N;
    _LOAD_DEREF => _LOAD_DEREF, Guard, oparg: Some("the cell's local slot"), op0: N, op1: N;
    _CHECK_FUNCTION => _CHECK_FUNCTION, Guard, oparg: Some("argument count"), op0: Some("the function object"), op1: N;

    // Attributes by shape and slot.
    _GUARD_TYPE_VERSION => _GUARD_TYPE_VERSION, Guard, oparg: N, op0: Some("the instance's shape"), op1: N;
    _LOAD_ATTR_INSTANCE_VALUE => _LOAD_ATTR_INSTANCE_VALUE, Guard, oparg: N, op0: Some("slot index"), op1: N;
    _STORE_ATTR_INSTANCE_VALUE => _STORE_ATTR_INSTANCE_VALUE, Never, oparg: N, op0: Some("slot index"), op1: N;
    _LOAD_ATTR_METHOD_WITH_VALUES => _LOAD_ATTR_METHOD_WITH_VALUES, Never, oparg: N,
        op0: Some("the method's function object"), op1: N;

    // Calls and frames.
    _PUSH_FRAME => _PUSH_FRAME, Guard, oparg: Some("argument count"), op0: Some("the call site's frame template"), op1: N;
    _CREATE_INIT_FRAME => _CREATE_INIT_FRAME, Error, oparg: Some("argument count"),
        op0: Some("the caller's resume instruction"), op1: Some("the callee's local slot count");
    _POP_FRAME => _POP_FRAME, Never, oparg: N, op0: N, op1: N;
    _POP_FRAME_CHECKED => _POP_FRAME_CHECKED, Error, oparg: N, op0: N, op1: N;
    _RETURN_DISPATCH => _RETURN_DISPATCH, Always, oparg: N, op0: Some("the function's code object"),
        op1: Some("the function's continuation table");
    _CALL => _CALL, Error, oparg: Some("argument count"), op0: Some("the call's instruction"), op1: N;
    _EXECUTE_BYTECODE => _EXECUTE_BYTECODE, Error, oparg: N, op0: Some("instruction index"), op1: N;

    // Iteration and indexing.
    _FOR_ITER_RANGE => _FOR_ITER_RANGE, Guard, oparg: N, op0: N, op1: N;
    _FOR_ITER_LIST => _FOR_ITER_LIST, Guard, oparg: N, op0: N, op1: N;
    _FOR_ITER_TUPLE => _FOR_ITER_TUPLE, Guard, oparg: N, op0: N, op1: N;
    _FOR_ITER_ENUMERATE_LIST => _FOR_ITER_ENUMERATE_LIST, Guard, oparg: N, op0: N, op1: N;
    _FOR_ITER_EXHAUSTED => _FOR_ITER_EXHAUSTED, Guard, oparg: N, op0: N, op1: N;
    _GET_ITER_SEQUENCE => _GET_ITER_SEQUENCE, Guard, oparg: N, op0: N, op1: N;
    _YIELD_VALUE_SINK => _YIELD_VALUE_SINK, Guard, oparg: N, op0: N, op1: N;
    _UNPACK_SEQUENCE => _UNPACK_SEQUENCE, Guard, oparg: Some("item count"), op0: N, op1: N;
    _BINARY_SUBSCR_LIST_INT => _BINARY_SUBSCR_LIST_INT, Guard, oparg: N, op0: N, op1: N;
    _BINARY_SUBSCR_TUPLE_INT => _BINARY_SUBSCR_TUPLE_INT, Guard, oparg: N, op0: N, op1: N;
    _STORE_SUBSCR_LIST_INT => _STORE_SUBSCR_LIST_INT, Guard, oparg: N, op0: N, op1: N;
}

/// Checks the table against a stencil set (of any target or compiler): every uop has its
/// stencil, every hole is one the table declares, every guard can exit, and every stencil
/// implements some uop. Returns the problems found.
pub fn check_against(set: &StencilSet) -> Vec<String> {
    let mut problems = Vec::new();
    for &uop in ALL {
        let info = uop.info();
        let Some(stencil) = set.get(info.stencil) else {
            problems.push(format!("{}: no stencil {}", info.name, info.stencil));
            continue;
        };
        for hole in stencil.holes.iter() {
            let declared = match hole.value {
                HoleValue::Oparg => info.oparg.is_some(),
                HoleValue::Operand0 => info.operands[0].is_some(),
                HoleValue::Operand1 => info.operands[1].is_some(),
                HoleValue::Exit => matches!(info.exits, Exits::Guard | Exits::Always),
                HoleValue::Error => info.exits == Exits::Error,
                _ => true,
            };
            if !declared {
                problems.push(format!("{}: stencil {} has an undeclared {} hole", info.name, info.stencil, hole.value));
            }
        }
        if info.exits == Exits::Guard && !stencil.holes.iter().any(|h| h.value == HoleValue::Exit) {
            problems.push(format!("{} is declared a guard but never exits", info.name));
        }
    }
    for stencil in set.stencils.iter() {
        if !ALL.iter().any(|u| u.info().stencil == stencil.name) {
            problems.push(format!("stencil {} implements no uop", stencil.name));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::stencils;

    #[test]
    fn table_matches_host_stencils() {
        assert_eq!(check_against(stencils::host()), Vec::<String>::new());
        assert!(stencils::host().stencils.len() >= 40);
    }

    #[test]
    fn table_matches_other_stencils_when_built() {
        for arch in [stencils::Arch::X86_64, stencils::Arch::Aarch64] {
            if let Some(set) = stencils::for_arch(arch) {
                assert_eq!(check_against(set), Vec::<String>::new(), "{}", set.compiler);
            }
        }
    }
}
