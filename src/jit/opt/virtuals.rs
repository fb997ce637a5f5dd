//! Allocation removal for tuples: a tuple the trace builds only to take apart is never allocated.
//!
//! `return a, b` in a function the trace entered, unpacked by the caller (`x, y = m.apply(x, y)`),
//! and `a, b = f()` in general, allocate a tuple that nothing ever sees: the interpreter must,
//! because it runs one bytecode at a time, but a trace sees both ends. Here `_BUILD_TUPLE n`
//! leaves its items where they are on the stack, a *virtual* tuple (PyPy's virtuals, LuaJIT's
//! sunk allocations), and the uops that would have used the tuple use the items instead:
//!
//! * `_UNPACK_SEQUENCE` of it reorders the items (`_SWAP`s), or costs nothing at all when the
//!   items go straight into distinct locals (the stores then simply run in the other order);
//! * `_SWAP` of it with another value moves the slots of both;
//! * `_POP_FRAME` returns all the items to the caller (`_POP_FRAME_N`), where the tuple stays
//!   virtual; `_POP_TOP` pops them.
//!
//! Anything else that reads the tuple makes it real where it does (`_MATERIALIZE_TUPLE`, or
//! `_BUILD_TUPLE` on top), and so does whatever the pass does not follow: calls and frame pushes,
//! bytecodes run by the interpreter, uops that can raise, the end of the trace and its entry
//! points. A guard that fails while a tuple is virtual leaves through an exit of its own that
//! first allocates it (the exit's *restore* uops, [`Trace::restores`]), so the interpreter
//! resumes with exactly the state it would have had: the same values in the same slots, and a
//! tuple nobody could have seen before, so identity is not in question.
//!
//! A first walk finds which tuples end taken apart; only those stay virtual in the second, so a
//! tuple that escapes anyway costs no more than before.

use std::collections::{BTreeSet, HashMap};

use super::rewrite::{entry_points, Output};
use super::{Context, Rewrite};
use crate::jit::ir::uops::{Effect, Exits, StackEffect, Uop::*};
use crate::jit::ir::{ExitId, Trace, TraceOp};

/// The most items a tuple may have and stay virtual.
const MAX_ITEMS: u32 = 32;
/// The most slots the virtual tuples live at one point may take beyond one each (what the
/// interpreter's stack would hold there): within the slack the VM stack keeps past every frame.
const MAX_EXTRA_SLOTS: usize = crate::interpreter::STACK_SLACK / 2;
/// The most slots a `_SWAP` of virtual tuples may rearrange (it takes up to 1.5 swaps a slot).
const MAX_SWAP_SLOTS: usize = 16;

/// One value of the interpreter's stack as the walk sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    /// A value in its slot, as the interpreter has it.
    Real,
    /// A tuple not allocated: its `items` values occupy as many slots, in order. `origin` is
    /// the `_BUILD_TUPLE` that made it.
    Virtual { items: u32, origin: usize },
}

impl Entry {
    fn slots(self) -> usize {
        match self {
            Entry::Real => 1,
            Entry::Virtual { items, .. } => items as usize,
        }
    }
}

pub fn run(trace: &Trace, cx: &Context) -> Rewrite {
    // First walk: every tuple may stay virtual; see which end taken apart.
    // (Most traces build no tuple, or build one only to hand it on: nothing to walk.)
    let all: BTreeSet<usize> =
        trace.ops.iter().enumerate().filter(|(_, op)| op.uop == _BUILD_TUPLE).map(|(i, _)| i).collect();
    let takes_apart = trace
        .ops
        .iter()
        .any(|op| matches!(op.uop, _UNPACK_SEQUENCE | _UNPACK_SEQUENCE_TWO | _UNPACK_SEQUENCE_THREE | _POP_TOP));
    if all.is_empty() || !takes_apart {
        return Rewrite::new(trace);
    }
    let first = Walk::run(trace, &all, false);
    let keep: BTreeSet<usize> = first.consumed.difference(&first.escaped).copied().collect();
    if keep.is_empty() {
        return Rewrite::new(trace);
    }
    let walk = Walk::run(trace, &keep, true);
    let mut rewrite = walk.out.into_rewrite(trace);
    rewrite.add_restoring_exits(trace, cx, walk.exits);
    rewrite
}

/// One walk over the trace.
struct Walk<'a> {
    trace: &'a Trace,
    /// The tuples (by their `_BUILD_TUPLE`) that may stay virtual.
    allowed: &'a BTreeSet<usize>,
    /// The stack's top entries (the top last); below them, real values the walk does not track.
    stack: Vec<Entry>,
    /// What the uops become, each with the original uop it stands for, when the walk writes
    /// its output at all (the first only looks).
    out: Output,
    writes: bool,
    /// Tuples taken apart, and tuples made real.
    consumed: BTreeSet<usize>,
    escaped: BTreeSet<usize>,
    /// Exits added, in order: (the exit copied, the uops it restores with).
    exits: Vec<(ExitId, Vec<TraceOp>)>,
    added: HashMap<(ExitId, Vec<(u32, u64)>), ExitId>,
}

impl<'a> Walk<'a> {
    fn run(trace: &'a Trace, allowed: &'a BTreeSet<usize>, writes: bool) -> Walk<'a> {
        let mut walk = Walk {
            trace,
            allowed,
            stack: Vec::new(),
            out: Output::new(),
            writes,
            consumed: BTreeSet::new(),
            escaped: BTreeSet::new(),
            exits: Vec::new(),
            added: HashMap::new(),
        };
        let entries = entry_points(trace);
        let mut i = 0;
        while i < trace.ops.len() {
            if entries.contains(&i) && i > 0 {
                // Jumps land here with every value real: make them so on the way in.
                let at = trace.ops[i - 1];
                let ops = walk.materialize_all(&at);
                walk.emit(i - 1, ops);
                walk.stack.clear();
            }
            i += walk.step(i, &entries);
        }
        walk
    }

    /// Translates uop `i`; returns how many uops it took (more when it took the stores after an
    /// unpacking along).
    fn step(&mut self, i: usize, entries: &[usize]) -> usize {
        let op = self.trace.ops[i];
        let top = self.stack.last().copied();
        match (op.uop, top) {
            (_BUILD_TUPLE, _)
                if self.allowed.contains(&i)
                    && (1..=MAX_ITEMS).contains(&op.oparg)
                    && self.extra_slots() + op.oparg as usize - 1 <= MAX_EXTRA_SLOTS =>
            {
                self.materialize_top(op.oparg as usize, i, &op);
                for _ in 0..op.oparg {
                    self.stack.pop();
                }
                self.stack.push(Entry::Virtual { items: op.oparg, origin: i });
                return 1;
            }
            (
                _UNPACK_SEQUENCE | _UNPACK_SEQUENCE_TWO | _UNPACK_SEQUENCE_THREE,
                Some(Entry::Virtual { items, origin }),
            ) if items == unpack_count(&op) => {
                let n = items as usize;
                let stores = self.stores_after(i, n, entries);
                if stores || n <= MAX_SWAP_SLOTS {
                    self.stack.pop();
                    self.stack.extend(std::iter::repeat_n(Entry::Real, n));
                    self.consumed.insert(origin);
                    if stores {
                        // The items lie in order, the first deepest; the unpacking would have put
                        // the first on top for the first store: store from the top down instead.
                        let mut ops: Vec<TraceOp> = self.trace.ops[i + 1..=i + n].to_vec();
                        ops.reverse();
                        self.emit(i, ops);
                        for _ in 0..n {
                            self.stack.pop();
                        }
                        return 1 + n;
                    }
                    // The items in reverse order: the first on top.
                    let target: Vec<usize> = (0..n).rev().collect();
                    self.emit(i, swaps(n, &target, &op));
                    return 1;
                }
            }
            (_SWAP, _) if self.swaps_virtual(op.oparg as usize) => {
                // Exchange the two entries' slots, however many each takes.
                let k = op.oparg as usize;
                let len = self.stack.len();
                let entries = &self.stack[len - k..];
                let mut start = 0;
                let mut ranges = Vec::new();
                for e in entries {
                    ranges.push(start..start + e.slots());
                    start += e.slots();
                }
                let mut order = ranges.clone();
                order.swap(0, k - 1);
                let target: Vec<usize> = order.into_iter().flatten().collect();
                self.emit(i, swaps(start, &target, &op));
                self.stack.swap(len - k, len - 1);
                return 1;
            }
            (_POP_TOP, Some(Entry::Virtual { items, origin })) => {
                self.stack.pop();
                self.consumed.insert(origin);
                self.emit(i, vec![op; items as usize]);
                return 1;
            }
            (_POP_FRAME, Some(virtual_tuple @ Entry::Virtual { items, .. })) => {
                // The callee's other values go with its frame; the caller's are real.
                self.stack = vec![virtual_tuple];
                self.emit(i, [TraceOp { uop: _POP_FRAME_N, oparg: items, ..op }]);
                return 1;
            }
            (_POP_FRAME, _) => {
                self.stack = vec![Entry::Real];
                self.emit(i, [op]);
                return 1;
            }
            _ => {}
        }
        let info = op.uop.info();
        let counts = info.stack.counts(op.oparg);
        let opaque = counts.is_none()
            || info.effect == Effect::Escapes
            || matches!(info.exits, Exits::Error | Exits::Branch | Exits::Always)
            || op.uop == _JUMP_TO_TOP;
        if opaque {
            let ops = self.materialize_all(&op);
            self.emit(i, ops);
            self.stack.clear();
            self.emit(i, [op]);
            return 1;
        }
        let (pops, pushes) = counts.expect("not opaque");
        let reads = match info.stack {
            StackEffect::Reads(extra) => op.oparg + extra as u32,
            StackEffect::Copy => op.oparg,
            _ => pops,
        };
        self.materialize_top(reads as usize, i, &op);
        let mut op = op;
        if let (Some(e), true) = (op.exit, self.stack.iter().any(|e| matches!(e, Entry::Virtual { .. }))) {
            op.exit = Some(self.restoring_exit(e, &op));
        }
        self.emit(i, [op]);
        for _ in 0..pops {
            self.stack.pop();
        }
        self.stack.extend(std::iter::repeat_n(Entry::Real, pushes as usize));
        1
    }

    /// Writes `ops` as what uop `i` becomes (after what it wrote already).
    fn emit(&mut self, i: usize, ops: impl IntoIterator<Item = TraceOp>) {
        if self.writes {
            for op in ops {
                self.out.push(i, op);
            }
        }
    }

    /// Whether `_SWAP k` exchanges entries of which one at least is virtual, within
    /// [`MAX_SWAP_SLOTS`] slots (otherwise it makes them real).
    fn swaps_virtual(&self, k: usize) -> bool {
        let len = self.stack.len();
        if k < 2 || k > len {
            return false;
        }
        let (a, b) = (self.stack[len - k], self.stack[len - 1]);
        let virtual_end = matches!(a, Entry::Virtual { .. }) || matches!(b, Entry::Virtual { .. });
        let slots: usize = self.stack[len - k..].iter().map(|e| e.slots()).sum();
        virtual_end && slots <= MAX_SWAP_SLOTS
    }

    /// How many slots the live virtual tuples take beyond one each.
    fn extra_slots(&self) -> usize {
        self.stack.iter().map(|e| e.slots() - 1).sum()
    }

    /// Whether the `n` uops after `i` store `n` values into distinct locals of the same frame,
    /// with nothing landing between them.
    fn stores_after(&self, i: usize, n: usize, entries: &[usize]) -> bool {
        let op = &self.trace.ops[i];
        let Some(stores) = self.trace.ops.get(i + 1..=i + n) else { return false };
        let mut slots = BTreeSet::new();
        stores.iter().all(|s| s.uop == _STORE_FAST && s.code == op.code && s.level == op.level && slots.insert(s.oparg))
            && !(i + 1..=i + n).any(|j| entries.contains(&j))
    }

    /// Makes real every virtual tuple among the top `n` entries, with uops emitted into the
    /// group of uop `i`.
    fn materialize_top(&mut self, n: usize, i: usize, at: &TraceOp) {
        let len = self.stack.len();
        for index in (len.saturating_sub(n)..len).rev() {
            if let Entry::Virtual { items, origin } = self.stack[index] {
                let above: usize = self.stack[index + 1..].iter().map(|e| e.slots()).sum();
                self.emit(i, [allocate(items, above, at)]);
                self.stack[index] = Entry::Real;
                self.escaped.insert(origin);
            }
        }
    }

    /// Uops that make every virtual tuple real, the top one first; the stack then has them real.
    fn materialize_all(&mut self, at: &TraceOp) -> Vec<TraceOp> {
        let ops = restore(&self.stack, at);
        for entry in &mut self.stack {
            if let Entry::Virtual { origin, .. } = *entry {
                self.escaped.insert(origin);
                *entry = Entry::Real;
            }
        }
        ops
    }

    /// An exit like `e` that first allocates the virtual tuples on the stack now.
    fn restoring_exit(&mut self, e: ExitId, at: &TraceOp) -> ExitId {
        let ops = restore(&self.stack, at);
        let key = (e, ops.iter().map(|op| (op.oparg, op.operands[0])).collect());
        if let Some(&id) = self.added.get(&key) {
            return id;
        }
        let id = ExitId((self.trace.exits.len() + self.exits.len()) as u32);
        self.exits.push((e, ops));
        self.added.insert(key, id);
        id
    }
}

/// `_SWAP` uops that rearrange the top `n` slots (numbered from the deepest, 0) so that slot `j`
/// of the result holds what slot `target[j]` holds now. Each swap exchanges the top with a
/// deeper slot: one that puts the top's value in its place, or, when the top is already right,
/// one that brings a misplaced value up.
pub(super) fn swaps(n: usize, target: &[usize], at: &TraceOp) -> Vec<TraceOp> {
    // holds[j]: what slot j holds now, as a slot number of the original arrangement.
    let mut holds: Vec<usize> = (0..n).collect();
    let mut ops = Vec::new();
    let top = n - 1;
    let swap = |holds: &mut Vec<usize>, ops: &mut Vec<TraceOp>, p: usize| {
        holds.swap(top, p);
        let depth = (n - p) as u32;
        ops.push(TraceOp { uop: _SWAP, oparg: depth, operands: [0, 0], exit: None, ..*at });
    };
    loop {
        if holds[top] != target[top] {
            let p = target.iter().position(|&t| t == holds[top]).expect("a permutation");
            swap(&mut holds, &mut ops, p);
        } else if let Some(p) = (0..top).find(|&p| holds[p] != target[p]) {
            swap(&mut holds, &mut ops, p);
        } else {
            return ops;
        }
    }
}

/// How many items an unpacking uop expects.
fn unpack_count(op: &TraceOp) -> u32 {
    match op.uop {
        _UNPACK_SEQUENCE_TWO => 2,
        _UNPACK_SEQUENCE_THREE => 3,
        _ => op.oparg,
    }
}

/// The uop that allocates a tuple of `items` values lying under `above` others.
fn allocate(items: u32, above: usize, at: &TraceOp) -> TraceOp {
    let op = TraceOp { oparg: items, operands: [0, 0], exit: None, ..*at };
    match above {
        0 => TraceOp { uop: _BUILD_TUPLE, ..op },
        _ => TraceOp { uop: _MATERIALIZE_TUPLE, operands: [above as u64, 0], ..op },
    }
}

/// Uops that make every virtual tuple of `stack` real, the top one first (so those above each
/// are real, one slot each, by the time it is made).
fn restore(stack: &[Entry], at: &TraceOp) -> Vec<TraceOp> {
    let mut ops = Vec::new();
    for (depth, entry) in stack.iter().rev().enumerate() {
        if let Entry::Virtual { items, .. } = *entry {
            ops.push(allocate(items, depth, at));
        }
    }
    ops
}
