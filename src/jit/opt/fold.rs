//! Constant folding: arithmetic, comparisons and branches whose inputs the trace loads as
//! constants are done once, at compile time.
//!
//! A peephole over the trace: when a uop's inputs were all pushed by the `_LOAD_CONST_INLINE`s
//! just before it, the loads and the uop become one load of the result. The result must be what
//! the uop computes at run time, bit for bit: integer arithmetic folds only where it cannot
//! overflow (the uop would exit to make a big int), floats fold with the same IEEE operations the
//! stencils do (no fused multiply-add), and a branch on a constant either always passes (the
//! guard goes) or always fails (it stays, and the interpreter takes the other way). Uops that may
//! raise (division by zero, negative shifts) are left alone.
//!
//! Constants reach the trace from `LOAD_CONST` and from the recorder's own knowledge; a value read
//! from a global stays a load, because a dict's version changes when keys come and go, not when a
//! value is replaced.

use super::rewrite::{peephole, Output};
use super::{Context, Rewrite};
use crate::jit::ir::uops::Uop::{self, *};
use crate::jit::ir::{Trace, TraceOp};
use crate::runtime::value::tag;

pub fn run(trace: &Trace, _cx: &Context) -> Rewrite {
    peephole(trace, |out, i, op| {
        let arity = match op.uop {
            _UNARY_NEGATIVE_INT
            | _UNARY_NEGATIVE_FLOAT
            | _TO_BOOL_INT
            | _UNARY_NOT
            | _INT_TO_FLOAT_TOS
            | _GUARD_IS_TRUE_POP
            | _GUARD_IS_FALSE_POP => 1,
            _BINARY_OP_ADD_INT
            | _BINARY_OP_SUBTRACT_INT
            | _BINARY_OP_MULTIPLY_INT
            | _BINARY_OP_AND_INT
            | _BINARY_OP_OR_INT
            | _BINARY_OP_XOR_INT
            | _BINARY_OP_ADD_FLOAT
            | _BINARY_OP_SUBTRACT_FLOAT
            | _BINARY_OP_MULTIPLY_FLOAT
            | _COMPARE_OP_INT
            | _COMPARE_OP_FLOAT => 2,
            _ => 0,
        };
        let Some(inputs) = (arity > 0).then(|| constant_inputs(out, arity)).flatten() else {
            out.push(i, *op);
            return;
        };
        let values: Vec<(u64, u64)> = inputs.iter().map(|&j| (out.op(j).operands[0], out.op(j).operands[1])).collect();
        let folded = match arity {
            1 => unary(op.uop, values[0]),
            _ => binary(op.uop, values[0], values[1], op.oparg),
        };
        match folded {
            Some(Folded::Value(t, payload)) => {
                for &j in inputs.iter().rev() {
                    out.take(j);
                }
                out.push(i, TraceOp { uop: _LOAD_CONST_INLINE, oparg: 0, operands: [t, payload], exit: None, ..*op });
            }
            Some(Folded::Nothing) => {
                for &j in inputs.iter().rev() {
                    out.take(j);
                }
            }
            None => out.push(i, *op),
        }
    })
}

/// What a uop on constants comes to.
#[derive(Debug, PartialEq)]
enum Folded {
    /// This constant.
    Value(u64, u64),
    /// Nothing at all (a branch guard that always passes, having popped its input).
    Nothing,
}

/// The output indices of the `_LOAD_CONST_INLINE`s that pushed the top `n` values, deepest
/// first, if the last `n` value uops of the output are such loads.
fn constant_inputs(out: &Output, n: usize) -> Option<Vec<usize>> {
    let mut found = Vec::new();
    let mut end = usize::MAX;
    for _ in 0..n {
        let j = if end == usize::MAX { out.last_value_op()? } else { out.value_op_before(end)? };
        if out.op(j).uop != _LOAD_CONST_INLINE {
            return None;
        }
        found.push(j);
        end = j;
    }
    found.reverse();
    Some(found)
}

fn int(v: (u64, u64)) -> Option<i64> {
    (v.0 == tag::INT).then_some(v.1 as i64)
}

fn float(v: (u64, u64)) -> Option<f64> {
    (v.0 == tag::FLOAT).then(|| f64::from_bits(v.1))
}

fn boolean(b: bool) -> Folded {
    Folded::Value(tag::BOOL, b as u64)
}

fn unary(uop: Uop, a: (u64, u64)) -> Option<Folded> {
    Some(match uop {
        _UNARY_NEGATIVE_INT => Folded::Value(tag::INT, int(a)?.checked_neg()? as u64),
        _UNARY_NEGATIVE_FLOAT => Folded::Value(tag::FLOAT, (-float(a)?).to_bits()),
        _INT_TO_FLOAT_TOS => Folded::Value(tag::FLOAT, (int(a)? as f64).to_bits()),
        _TO_BOOL_INT => boolean(int(a)? != 0),
        _UNARY_NOT if a.0 == tag::BOOL => boolean(a.1 == 0),
        _GUARD_IS_TRUE_POP if a == (tag::BOOL, 1) => Folded::Nothing,
        _GUARD_IS_FALSE_POP if a == (tag::BOOL, 0) => Folded::Nothing,
        _ => return None,
    })
}

/// `a op b` for a binary uop (`oparg` is a comparison's), when it cannot fail.
fn binary(uop: Uop, a: (u64, u64), b: (u64, u64), oparg: u32) -> Option<Folded> {
    let compare = |ord: Option<std::cmp::Ordering>| -> Option<Folded> {
        use std::cmp::Ordering::*;
        // Unordered (NaN) compares false except `!=`, as in C.
        let r = match (oparg, ord) {
            (3, None) => true,
            (_, None) => false,
            (0, Some(o)) => o == Less,
            (1, Some(o)) => o != Greater,
            (2, Some(o)) => o == Equal,
            (3, Some(o)) => o != Equal,
            (4, Some(o)) => o == Greater,
            (5, Some(o)) => o != Less,
            _ => return None,
        };
        Some(boolean(r))
    };
    match uop {
        _BINARY_OP_ADD_INT => Some(Folded::Value(tag::INT, int(a)?.checked_add(int(b)?)? as u64)),
        _BINARY_OP_SUBTRACT_INT => Some(Folded::Value(tag::INT, int(a)?.checked_sub(int(b)?)? as u64)),
        _BINARY_OP_MULTIPLY_INT => Some(Folded::Value(tag::INT, int(a)?.checked_mul(int(b)?)? as u64)),
        _BINARY_OP_AND_INT => Some(Folded::Value(tag::INT, (int(a)? & int(b)?) as u64)),
        _BINARY_OP_OR_INT => Some(Folded::Value(tag::INT, (int(a)? | int(b)?) as u64)),
        _BINARY_OP_XOR_INT => Some(Folded::Value(tag::INT, (int(a)? ^ int(b)?) as u64)),
        _BINARY_OP_ADD_FLOAT => Some(Folded::Value(tag::FLOAT, (float(a)? + float(b)?).to_bits())),
        _BINARY_OP_SUBTRACT_FLOAT => Some(Folded::Value(tag::FLOAT, (float(a)? - float(b)?).to_bits())),
        _BINARY_OP_MULTIPLY_FLOAT => Some(Folded::Value(tag::FLOAT, (float(a)? * float(b)?).to_bits())),
        _COMPARE_OP_INT => compare(Some(int(a)?.cmp(&int(b)?))),
        _COMPARE_OP_FLOAT => compare(float(a)?.partial_cmp(&float(b)?)),
        _ => None,
    }
}
