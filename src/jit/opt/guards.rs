//! Type and guard propagation: drop every guard the trace already implies, and check once on
//! entry what a loop would otherwise check on every iteration.
//!
//! The pass runs the trace on the abstract [`Machine`]. Before each guard it asks whether the
//! machine already knows what the guard checks: a value's tag (from an earlier guard on the same
//! value, or from the uop that made it: an int add makes an int), a slot's nullness, a callee's
//! identity (a method load names its function), an instance's shape, a dict version or the
//! class epoch (checked before, with no call in between). If so the guard goes.
//!
//! A loop trace gets more: what its body knows at the back-edge holds at the next iteration's
//! start, if it held at the first. So the pass looks for facts about the loop's locals and the
//! heap that (1) some guard in the body needs about the values the iteration starts with and
//! (2) still hold when the body jumps back; it assumes them at the loop head, re-runs the body
//! under that assumption, drops those that no longer hold at the back-edge, and repeats until
//! nothing changes (facts only ever go, so this ends). The facts left are checked once, in the
//! preamble, exiting at the loop header before anything ran; the body's guards on them go.
//! Every way into the body passes the preamble: traces enter at their head, side traces link
//! back to it, and `_JUMP_TO_TOP` comes from the body's end, where the facts hold.
//!
//! CPython's `optimizer_analysis.c` does the first half for one pass over a trace; the loop
//! part is what LuaJIT gets from peeling one iteration, without copying the body.

use std::collections::{BTreeMap, BTreeSet};

use super::facts::{guarded_tag, Machine, State, Sym};
use super::rewrite::entry_points;
use super::{Context, Rewrite};
use crate::jit::ir::uops::Uop::*;
use crate::jit::ir::{ExitId, ExitPoint, Trace, TraceKind, TraceOp};
use crate::runtime::value::tag;

/// A fact about the loop's state at its head that the preamble can check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum HeadFact {
    /// Local `k` of the loop's frame has this tag.
    Tag(u32, u64),
    /// Local `k` of the loop's frame is an instance of this shape.
    Shape(u32, u64),
    /// The word at this address holds this value (a dict version, the class epoch).
    Word(u64, u64),
}

type Assumed = BTreeSet<HeadFact>;

/// What one run over the trace found.
struct Run {
    /// Facts about the head that a guard of the body would have needed.
    needed: Assumed,
    /// Facts that hold at the back-edge (about the loop frame's locals and the heap).
    at_end: Assumed,
}

pub fn run(trace: &Trace, cx: &Context) -> Rewrite {
    let mut rewrite = Rewrite::new(trace);
    let header_exit = loop_header(trace);
    if header_exit.is_none() {
        analyze(trace, cx, &Assumed::new(), Some(&mut rewrite));
        return rewrite;
    }
    let first = analyze(trace, cx, &Assumed::new(), None);
    let mut assumed: Assumed = first.needed.intersection(&first.at_end).copied().collect();
    loop {
        let again = analyze(trace, cx, &assumed, None);
        let next: Assumed = assumed.intersection(&again.at_end).copied().collect();
        if next == assumed {
            break;
        }
        assumed = next;
    }
    analyze(trace, cx, &assumed, Some(&mut rewrite));
    if let Some(at) = header_exit {
        check_in_preamble(trace, &assumed, at, &mut rewrite);
    }
    rewrite
}

/// For a loop trace (which jumps back to its body): the exit at the loop header, where checks
/// in the preamble leave. `None` for other traces.
fn loop_header(trace: &Trace) -> Option<ExitPoint> {
    if trace.kind != TraceKind::Loop || !trace.loops() {
        return None;
    }
    Some(ExitPoint::guard(trace.header))
}

/// Runs the trace on the machine, assuming `assumed` at the loop head; with `rewrite`, drops
/// (or narrows) the guards the machine proves.
fn analyze(trace: &Trace, cx: &Context, assumed: &Assumed, mut rewrite: Option<&mut Rewrite>) -> Run {
    let mut m = Machine::new();
    if let Some(entry) = cx.entry {
        m.assume(entry);
    }
    // What is known at each exit (with `rewrite`: the final run), met over the uops that share it.
    let mut exits: Vec<Option<State>> = vec![None; trace.exits.len()];
    let mut run = Run { needed: Assumed::new(), at_end: Assumed::new() };
    let entries = entry_points(trace);
    // The symbols of the loop frame's locals as the body starts, by symbol.
    let mut head: BTreeMap<Sym, u32> = BTreeMap::new();
    let looping = loop_header(trace).is_some();
    for (i, op) in trace.ops.iter().enumerate() {
        if i > 0 && entries.contains(&i) {
            m.reset();
            if i == trace.loop_start && looping {
                head = assume_at_head(&mut m, assumed, trace);
            }
        }
        let edit = decide(&mut m, op, &head, looping, &mut run.needed);
        if let Some(rw) = rewrite.as_deref_mut() {
            let exit = match &edit {
                None => op.exit,
                Some(Edit::Remove) => None,
                Some(Edit::Replace(ops)) => ops.iter().find_map(|o| o.exit),
            };
            if let Some(e) = exit {
                // (A branch uop leaves after its effect, with a stack the machine has not
                // modelled: a side trace from there starts knowing nothing.)
                let now = if op.uop.info().exits == crate::jit::ir::uops::Exits::Branch {
                    super::facts::State::default()
                } else {
                    m.state()
                };
                let slot = &mut exits[e.index()];
                *slot = Some(match slot.take() {
                    Some(before) => before.meet(&now),
                    None => now,
                });
            }
            match edit {
                Some(Edit::Remove) => rw.remove(i),
                Some(Edit::Replace(ops)) => rw.replace(i, ops),
                None => {}
            }
        }
        if op.uop == _JUMP_TO_TOP && looping && m.frames.len() == 1 {
            run.at_end = facts_at_end(&mut m, trace);
        }
        m.step(op, cx);
    }
    if rewrite.is_some() {
        *cx.exit_states.borrow_mut() = exits;
    }
    run
}

/// Resets the loop frame to fresh symbols for its locals that carry the assumed facts; returns
/// them.
fn assume_at_head(m: &mut Machine, assumed: &Assumed, trace: &Trace) -> BTreeMap<Sym, u32> {
    let mut head = BTreeMap::new();
    for k in locals_of(trace) {
        let s = m.local(k);
        head.insert(s, k);
    }
    for fact in assumed {
        match *fact {
            HeadFact::Tag(k, t) => {
                let s = m.local(k);
                let f = m.facts_mut(s);
                f.tag = Some(t);
                f.not_null = true;
            }
            HeadFact::Shape(k, shape) => {
                let s = m.local(k);
                m.learn_shape(s, shape);
            }
            HeadFact::Word(address, value) => {
                m.words.insert(address, value);
            }
        }
    }
    head
}

/// The locals of the loop's frame that the trace touches.
fn locals_of(trace: &Trace) -> BTreeSet<u32> {
    trace
        .ops
        .iter()
        .filter(|op| op.level == 0 && matches!(op.uop, _LOAD_FAST | _LOAD_FAST_CHECK | _STORE_FAST | _STORE_FAST_KEEP))
        .map(|op| op.oparg)
        .collect()
}

/// What holds of the loop frame's locals and the heap at the back-edge.
fn facts_at_end(m: &mut Machine, trace: &Trace) -> Assumed {
    let mut at_end = Assumed::new();
    for k in locals_of(trace) {
        let s = m.local(k);
        let f = m.facts(s);
        if let Some(t) = f.tag.filter(|&t| matches!(t, tag::INT | tag::FLOAT | tag::BOOL)) {
            at_end.insert(HeadFact::Tag(k, t));
        }
        if let Some(shape) = f.shape {
            at_end.insert(HeadFact::Shape(k, shape));
        }
    }
    for (&address, &value) in &m.words {
        at_end.insert(HeadFact::Word(address, value));
    }
    at_end
}

enum Edit {
    Remove,
    Replace(Vec<TraceOp>),
}

/// Whether the machine proves guard `op` (before it runs); notes in `needed` what a fact about
/// the loop head would have proved.
fn decide(
    m: &mut Machine,
    op: &TraceOp,
    head: &BTreeMap<Sym, u32>,
    looping: bool,
    needed: &mut Assumed,
) -> Option<Edit> {
    let n = op.oparg as usize;
    let mut need = |fact: HeadFact| {
        if looping {
            needed.insert(fact);
        }
    };
    let has_tag = |m: &mut Machine, depth: usize, t: u64, need: &mut dyn FnMut(HeadFact)| {
        let s = m.peek(depth);
        if m.facts(s).tag == Some(t) {
            return true;
        }
        if let (Some(&k), 0) = (head.get(&s), op.level) {
            need(HeadFact::Tag(k, t));
        }
        false
    };
    match op.uop {
        _GUARD_TOS_INT | _GUARD_TOS_FLOAT | _GUARD_TOS_BOOL => {
            has_tag(m, 1, guarded_tag(op.uop), &mut need).then_some(Edit::Remove)
        }
        _GUARD_NOS_INT | _GUARD_NOS_FLOAT => has_tag(m, 2, guarded_tag(op.uop), &mut need).then_some(Edit::Remove),
        _GUARD_BOTH_INT | _GUARD_BOTH_FLOAT => {
            let t = guarded_tag(op.uop);
            let tos = has_tag(m, 1, t, &mut need);
            let nos = has_tag(m, 2, t, &mut need);
            let (single_tos, single_nos) =
                if t == tag::INT { (_GUARD_TOS_INT, _GUARD_NOS_INT) } else { (_GUARD_TOS_FLOAT, _GUARD_NOS_FLOAT) };
            match (tos, nos) {
                (true, true) => Some(Edit::Remove),
                (true, false) => Some(Edit::Replace(vec![TraceOp { uop: single_nos, ..*op }])),
                (false, true) => Some(Edit::Replace(vec![TraceOp { uop: single_tos, ..*op }])),
                (false, false) => None,
            }
        }
        _GUARD_SLOT_NULL => {
            let s = m.peek(n);
            (m.facts(s).tag == Some(tag::NULL)).then_some(Edit::Remove)
        }
        _GUARD_SLOT_NOT_NULL => {
            let s = m.peek(n);
            m.facts(s).not_null.then_some(Edit::Remove)
        }
        _GUARD_IS_NONE_POP | _GUARD_IS_NOT_NONE_POP => {
            let s = m.peek(1);
            let t = m.facts(s).tag?;
            let holds = (t == tag::NONE) == (op.uop == _GUARD_IS_NONE_POP);
            holds.then(|| Edit::Replace(vec![TraceOp { uop: _POP_TOP, exit: None, ..*op }]))
        }
        _GUARD_GLOBALS_VERSION | _GUARD_BUILTINS_VERSION | _GUARD_CLASS_EPOCH => {
            let [address, value] = op.operands;
            if m.words.get(&address) == Some(&value) {
                return Some(Edit::Remove);
            }
            need(HeadFact::Word(address, value));
            None
        }
        _CHECK_FUNCTION => {
            let s = m.peek(n + 2);
            (m.facts(s).konst == Some((tag::OBJ, op.operands[0]))).then_some(Edit::Remove)
        }
        _GUARD_TYPE_VERSION => {
            let s = m.peek(1);
            if m.facts(s).shape == Some(op.operands[0]) {
                return Some(Edit::Remove);
            }
            if let (Some(&k), 0) = (head.get(&s), op.level) {
                need(HeadFact::Shape(k, op.operands[0]));
            }
            None
        }
        _GUARD_NOS_TYPE_VERSION => {
            let s = m.peek(2);
            (m.facts(s).shape == Some(op.operands[0])).then_some(Edit::Remove)
        }
        _LOAD_FAST_CHECK if op.exit.is_some() => {
            let s = m.local(op.oparg);
            m.facts(s).not_null.then(|| Edit::Replace(vec![TraceOp { uop: _LOAD_FAST, exit: None, ..*op }]))
        }
        _ => None,
    }
}

/// Puts the checks of the assumed facts in the preamble, leaving at the loop header. A check
/// there must not push anything (an exit at the header resumes with the stack as it was), so
/// locals are checked in place (`_GUARD_FAST_TAG`, `_GUARD_FAST_TYPE_VERSION`); a check of a
/// local's type also proves it bound, so it replaces the preamble's boundness check of that
/// local.
fn check_in_preamble(trace: &Trace, assumed: &Assumed, at: ExitPoint, rewrite: &mut Rewrite) {
    if assumed.is_empty() {
        return;
    }
    // An exit of their own, where side traces may grow: a loop whose receivers take turns
    // between classes (richards' task list) fails its shape check on entry whenever the next
    // object is of another class, and a side trace from here runs those iterations in machine
    // code, as a side trace from the body's shape guard did before the check moved.
    let exit: ExitId = rewrite.add_exit(trace, at);
    let mut checks: BTreeMap<u32, Vec<TraceOp>> = BTreeMap::new();
    let mut words: Vec<(usize, TraceOp)> = Vec::new();
    for fact in assumed {
        match *fact {
            HeadFact::Tag(k, t) => {
                checks.entry(k).or_default().push(TraceOp::new(_GUARD_FAST_TAG).oparg(k).operands(t, 0).exit(exit));
            }
            HeadFact::Shape(k, shape) => {
                let check = TraceOp::new(_GUARD_FAST_TYPE_VERSION).oparg(k).operands(shape, 0).exit(exit);
                checks.entry(k).or_default().push(check);
            }
            HeadFact::Word(address, value) => {
                // Checked by the guard the body used for it, in the order the body first checks
                // them (addresses differ from run to run and machine to machine; dumps must not).
                let word_guard = |op: &TraceOp| {
                    matches!(op.uop, _GUARD_GLOBALS_VERSION | _GUARD_BUILTINS_VERSION | _GUARD_CLASS_EPOCH)
                        && op.operands == [address, value]
                };
                let Some(first) = trace.ops.iter().position(word_guard) else { continue };
                words.push((first, TraceOp::new(trace.ops[first].uop).operands(address, value).exit(exit)));
            }
        }
    }
    words.sort_by_key(|w| w.0);
    rewrite.add_to_preamble(words.into_iter().map(|w| w.1));
    for (k, ops) in checks {
        // `_LOAD_FAST_CHECK k; _POP_TOP` in the preamble: the checks take its place.
        let bound_check = trace.ops[..trace.loop_start]
            .windows(2)
            .position(|w| w[0].uop == _LOAD_FAST_CHECK && w[0].oparg == k && w[1].uop == _POP_TOP);
        match bound_check {
            Some(j) => {
                rewrite.replace(j, ops);
                rewrite.remove(j + 1);
            }
            None => rewrite.add_to_preamble(ops),
        }
    }
}
