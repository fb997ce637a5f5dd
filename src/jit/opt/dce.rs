//! Dead uop elimination: a value pushed and then popped unused, and the uops that made it.
//!
//! The recorder's preambles (`_LOAD_FAST_CHECK x; _POP_TOP` keeps only the check), results
//! nobody reads (`f(x)` as a statement when `f`'s body folded to a constant), and what the other
//! passes leave behind end in `_POP_TOP`. When the value on top was pushed by a uop that cannot
//! exit and has no effect but its result, both go, and that uop's own inputs become values to
//! pop in turn, so whole dead expressions disappear. A uop that can exit is never removed: its
//! check is the point.

use super::rewrite::{peephole, Output};
use super::{Context, Rewrite};
use crate::jit::ir::uops::{Effect, Exits, StackEffect, Uop::*};
use crate::jit::ir::{Trace, TraceOp};

pub fn run(trace: &Trace, _cx: &Context) -> Rewrite {
    peephole(trace, |out, i, op| {
        if op.uop != _POP_TOP {
            out.push(i, *op);
            return;
        }
        let mut pops = 1;
        while pops > 0 {
            let Some(j) = out.last_value_op() else { break };
            let producer = *out.op(j);
            if producer.uop == _STORE_FAST_KEEP {
                // The copy on the stack is the one popped: keep the store.
                let origin = out.origin(j);
                out.take(j);
                out.push(origin, TraceOp { uop: _STORE_FAST, ..producer });
                pops -= 1;
                continue;
            }
            let Some(inputs) = removable(&producer) else { break };
            out.take(j);
            pops = pops - 1 + inputs;
        }
        pop(out, i, op, pops);
    })
}

fn pop(out: &mut Output, i: usize, op: &TraceOp, n: u32) {
    for _ in 0..n {
        out.push(i, TraceOp { uop: _POP_TOP, oparg: 0, operands: [0, 0], exit: None, ..*op });
    }
}

/// For a uop whose only effect is to push one value (from `inputs` values it pops, or a copy):
/// how many values it popped.
fn removable(op: &TraceOp) -> Option<u32> {
    let info = op.uop.info();
    if info.exits != Exits::Never || info.effect != Effect::Pure {
        return None;
    }
    match info.stack {
        StackEffect::Fixed(pops, 1) => Some(pops as u32),
        StackEffect::Copy => Some(0),
        _ => None,
    }
}
