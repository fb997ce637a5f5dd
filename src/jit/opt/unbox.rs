//! Unboxed locals: a loop's int and float locals keep their tag out of the loop.
//!
//! stitch never boxes an int or a float: a value is a tag word and a payload word, and the
//! payload of a float is its bits. What a numeric loop still pays for is the tag: every load
//! of a local reads both words and every store writes both, although the loop proved, once in
//! its preamble, that `i` is an int and `x` a float, and every store of the body keeps them so.
//! This pass finds those locals with the abstract [`Machine`] and rewrites their accesses:
//!
//! * `_LOAD_FAST k` of a local whose tag is known becomes `_LOAD_FAST_UNBOXED k, tag`: the tag
//!   is an operand, only the payload comes from memory;
//! * `_STORE_FAST k` (and `_STORE_FAST_KEEP`) of a value whose tag is the one the local holds
//!   becomes `_STORE_FAST_UNBOXED k`: only the payload is written; the tag word in memory is
//!   already right.
//!
//! Memory always holds the local's whole value, so every exit leaves the interpreter exactly the
//! state it would have had, and nothing is written back. What a loop knows at its head is what
//! held at the preamble's end and still holds at the back-edge: the pass assumes the tags the
//! preamble established, runs the body, keeps those that hold at `_JUMP_TO_TOP`, and repeats
//! until nothing changes (tags only ever go, so this ends), as the guards pass does for its
//! facts. Every way into the body passes the preamble or comes from the back-edge.

use std::collections::BTreeMap;

use super::facts::Machine;
use super::rewrite::entry_points;
use super::{Context, Rewrite};
use crate::jit::ir::uops::Uop::*;
use crate::jit::ir::{Trace, TraceKind, TraceOp};
use crate::runtime::value::tag;

/// Tags by local of the loop's frame.
type Tags = BTreeMap<u32, u64>;

/// Whether a local of tag `t` is unboxed: the value kinds whose payload is the whole value.
fn unboxable(t: u64) -> bool {
    matches!(t, tag::INT | tag::FLOAT | tag::BOOL)
}

pub fn run(trace: &Trace, cx: &Context) -> Rewrite {
    let mut rewrite = Rewrite::new(trace);
    let mut head = Tags::new();
    if trace.kind == TraceKind::Loop && trace.loops() && trace.loop_start > 0 {
        let first = walk(trace, cx, &Tags::new(), None);
        head = first.preamble;
        loop {
            let again = walk(trace, cx, &head, None);
            let next: Tags =
                head.iter().filter(|&(k, t)| again.at_end.get(k) == Some(t)).map(|(&k, &t)| (k, t)).collect();
            if next == head {
                break;
            }
            head = next;
        }
    }
    walk(trace, cx, &head, Some(&mut rewrite));
    rewrite
}

/// What one walk over the trace found about the loop frame's locals.
struct Walk {
    /// The tags known at the end of the preamble.
    preamble: Tags,
    /// The tags known at the back-edge (empty when the trace does not reach it in its frame).
    at_end: Tags,
}

/// The unboxable tags the machine knows of the running frame's locals.
fn known_tags(m: &Machine) -> Tags {
    let frame = m.frames.last().expect("the machine always has a frame");
    frame.locals.iter().filter_map(|(&k, &s)| Some((k, m.facts(s).tag.filter(|&t| unboxable(t))?))).collect()
}

/// Runs the trace on the machine, assuming `head` at the loop's head; with `rewrite`, unboxes
/// the loads and stores whose tags the machine knows.
fn walk(trace: &Trace, cx: &Context, head: &Tags, mut rewrite: Option<&mut Rewrite>) -> Walk {
    let mut m = Machine::new();
    if let Some(entry) = cx.entry {
        m.assume(entry);
    }
    let entries = entry_points(trace);
    let looping = trace.kind == TraceKind::Loop && trace.loops();
    let mut walk = Walk { preamble: Tags::new(), at_end: Tags::new() };
    for (i, op) in trace.ops.iter().enumerate() {
        if i > 0 && entries.contains(&i) {
            if i == trace.loop_start && looping && m.frames.len() == 1 {
                walk.preamble = known_tags(&m);
            }
            m.reset();
            if i == trace.loop_start && looping {
                for (&k, &t) in head {
                    let s = m.local(k);
                    m.learn_tag(s, t);
                }
            }
        }
        if let Some(rw) = rewrite.as_deref_mut() {
            if let Some(unboxed) = unbox(&mut m, op) {
                rw.replace(i, vec![unboxed]);
            }
        }
        if op.uop == _JUMP_TO_TOP && looping && op.level == 0 && m.frames.len() == 1 {
            walk.at_end = known_tags(&m);
        }
        m.step(op, cx);
    }
    walk
}

/// The unboxed form of `op`, when the machine (before `op` runs) proves it right.
fn unbox(m: &mut Machine, op: &TraceOp) -> Option<TraceOp> {
    let local_tag = |m: &mut Machine| {
        let s = m.local(op.oparg);
        m.facts(s).tag.filter(|&t| unboxable(t))
    };
    match op.uop {
        _LOAD_FAST => {
            let t = local_tag(m)?;
            Some(TraceOp { uop: _LOAD_FAST_UNBOXED, operands: [t, 0], ..*op })
        }
        _STORE_FAST | _STORE_FAST_KEEP => {
            let t = local_tag(m)?;
            let value = m.peek(1);
            if m.facts(value).tag != Some(t) {
                return None;
            }
            let uop = if op.uop == _STORE_FAST { _STORE_FAST_UNBOXED } else { _STORE_FAST_KEEP_UNBOXED };
            Some(TraceOp { uop, ..*op })
        }
        _ => None,
    }
}
