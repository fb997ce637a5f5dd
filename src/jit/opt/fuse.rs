//! Compare-and-branch fusion: `if a < b:` as one guard.
//!
//! The recorder translates `COMPARE_OP` and the `POP_JUMP_IF_*` after it one bytecode at a time:
//! `_COMPARE_OP_INT <` makes a bool (a test of the operator, since the operator is a hole, and a
//! tagged value on the stack) and `_GUARD_IS_TRUE_POP` tests it again. Here the pair becomes one
//! uop per operator and outcome, `_GUARD_COMPARE_INT_LT`: compare, branch to the exit unless the
//! result is the one recorded (for ints the other outcome is the negated operator). The fused
//! guard leaves before the comparison's effect, with both operands on the stack, where the
//! interpreter expects the bool at the branch: so its exit (a copy of the branch's) first runs
//! the comparison as a restore uop, and side traces from it start where they did. Float comparisons keep both outcomes apart (`not a < b` is not `a >= b` when either
//! is NaN): `_GUARD_COMPARE_FLOAT_NOT_LT` exits when `a < b` holds.

use std::collections::HashMap;

use super::rewrite::peephole;
use super::{Context, Rewrite};
use crate::jit::ir::uops::Uop::{self, *};
use crate::jit::ir::{ExitId, Trace, TraceOp};

pub fn run(trace: &Trace, cx: &Context) -> Rewrite {
    let mut added: Vec<(ExitId, TraceOp)> = Vec::new();
    let mut reuse: HashMap<(ExitId, Uop, u32), ExitId> = HashMap::new();
    let mut rewrite = peephole(trace, |out, i, op| {
        let truth = match op.uop {
            _GUARD_IS_TRUE_POP => true,
            _GUARD_IS_FALSE_POP => false,
            _ => return out.push(i, *op),
        };
        let last = out.last_value_op();
        let compare = last.map(|j| *out.op(j));
        let (Some(j), Some(c), Some(e)) = (last, compare, op.exit) else { return out.push(i, *op) };
        let Some(fused) = fused(c.uop, c.oparg, truth) else { return out.push(i, *op) };
        // In the branch's place: after any `_ADD_TO_COUNTER` between the two (`--stats`), which
        // counts the comparison done before anything can exit, as the exit's restore does it.
        out.take(j);
        let exit = *reuse.entry((e, c.uop, c.oparg)).or_insert_with(|| {
            added.push((e, c));
            ExitId((trace.exits.len() + added.len() - 1) as u32)
        });
        out.push(i, TraceOp { uop: fused, oparg: 0, operands: [0, 0], exit: Some(exit), ..*op });
    });
    // The comparison's bool first, then whatever the branch's exit restored already (which
    // counted the bool among the values above).
    let exits = added.into_iter().map(|(from, compare)| {
        let mut ops = vec![TraceOp { exit: None, ..compare }];
        ops.extend_from_slice(trace.restore_ops(from));
        (from, ops)
    });
    rewrite.add_restoring_exits(trace, cx, exits.collect());
    rewrite
}

/// The fused guard for comparison `oparg` (`<`, `<=`, `==`, `!=`, `>`, `>=`) of uop `compare`
/// whose result must be `truth`, if there is one.
fn fused(compare: Uop, oparg: u32, truth: bool) -> Option<Uop> {
    const INT: [Uop; 6] = [
        _GUARD_COMPARE_INT_LT,
        _GUARD_COMPARE_INT_LE,
        _GUARD_COMPARE_INT_EQ,
        _GUARD_COMPARE_INT_NE,
        _GUARD_COMPARE_INT_GT,
        _GUARD_COMPARE_INT_GE,
    ];
    const FLOAT: [Uop; 6] = [
        _GUARD_COMPARE_FLOAT_LT,
        _GUARD_COMPARE_FLOAT_LE,
        _GUARD_COMPARE_FLOAT_EQ,
        _GUARD_COMPARE_FLOAT_NE,
        _GUARD_COMPARE_FLOAT_GT,
        _GUARD_COMPARE_FLOAT_GE,
    ];
    const FLOAT_NOT: [Uop; 6] = [
        _GUARD_COMPARE_FLOAT_NOT_LT,
        _GUARD_COMPARE_FLOAT_NOT_LE,
        _GUARD_COMPARE_FLOAT_NOT_EQ,
        _GUARD_COMPARE_FLOAT_NOT_NE,
        _GUARD_COMPARE_FLOAT_NOT_GT,
        _GUARD_COMPARE_FLOAT_NOT_GE,
    ];
    // Between ints, "not <" is ">=": the operator's negation (< <= == != > >= -> >= > != == <= <).
    const NEGATED: [usize; 6] = [5, 4, 3, 2, 1, 0];
    let k = oparg as usize;
    if k >= 6 {
        return None;
    }
    match (compare, truth) {
        (_COMPARE_OP_INT, true) => Some(INT[k]),
        (_COMPARE_OP_INT, false) => Some(INT[NEGATED[k]]),
        (_COMPARE_OP_FLOAT, true) => Some(FLOAT[k]),
        (_COMPARE_OP_FLOAT, false) => Some(FLOAT_NOT[k]),
        _ => None,
    }
}
