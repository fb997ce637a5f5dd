//! Store-to-load forwarding: a local stored and read back at once stays on the stack.
//!
//! Python writes `x = f(); g(x)` and the bytecode stores `x` only to load it again
//! (`STORE_FAST x; LOAD_FAST x`, or 3.13's `STORE_FAST_LOAD_FAST`). In a trace that is a 16-byte
//! store and a 16-byte load through memory; `_STORE_FAST_KEEP` stores a copy and leaves the
//! value where it is. The local must still be written: any exit may resume the interpreter,
//! which reads it. The same peephole drops `x = x` and two swaps that undo each other.

use super::rewrite::peephole;
use super::{Context, Rewrite};
use crate::jit::ir::uops::Uop::*;
use crate::jit::ir::{Trace, TraceOp};

pub fn run(trace: &Trace, _cx: &Context) -> Rewrite {
    peephole(trace, |out, i, op| {
        let last = out.last_value_op();
        let previous = last.map(|j| *out.op(j));
        match (previous, op.uop) {
            (Some(p), _LOAD_FAST) if p.uop == _STORE_FAST && p.oparg == op.oparg && same_frame(&p, op) => {
                let j = last.expect("a previous uop");
                let origin = out.origin(j);
                out.take(j);
                out.push(origin, TraceOp { uop: _STORE_FAST_KEEP, ..p });
            }
            (Some(p), _STORE_FAST) if p.uop == _LOAD_FAST && p.oparg == op.oparg && same_frame(&p, op) => {
                out.take(last.expect("a previous uop"));
            }
            (Some(p), _SWAP) if p.uop == _SWAP && p.oparg == op.oparg => {
                out.take(last.expect("a previous uop"));
            }
            _ => out.push(i, *op),
        }
    })
}

/// Whether two uops run in the same frame (a call between them would change what "local k"
/// means; the uops between a store and a load are then frame uops, so this is a safety net).
fn same_frame(a: &TraceOp, b: &TraceOp) -> bool {
    a.level == b.level && a.code == b.code
}
