//! How passes change a trace: by saying, per uop, what becomes of it, and letting one function
//! rebuild the trace and every index into it.
//!
//! A trace has *entry points* besides its first uop: the loop body's start (`_JUMP_TO_TOP` goes
//! there) and a function trace's continuations. A pass that replaces or drops uops must not
//! move them, so a [`Rewrite`] records edits per original uop, and [`Rewrite::apply`] maps each
//! entry point to the first uop that now stands at or after its old place. Uops added to the
//! preamble go just before the loop body.

use crate::jit::ir::{ExitId, ExitPoint, Trace, TraceOp};

/// The edits of one pass over one trace.
#[derive(Clone, Debug, Default)]
pub struct Rewrite {
    /// Per original uop: `None` keeps it, `Some(ops)` replaces it by `ops` (empty: drops it).
    edits: Vec<Option<Vec<TraceOp>>>,
    /// Uops appended to the preamble (they run once on entry, before the loop body).
    preamble: Vec<TraceOp>,
    /// Exits added (appended to the trace's).
    exits: Vec<crate::jit::ir::ExitPoint>,
    /// Restore lists added (appended to the trace's).
    restores: Vec<Vec<TraceOp>>,
}

impl Rewrite {
    pub fn new(trace: &Trace) -> Rewrite {
        Rewrite { edits: vec![None; trace.ops.len()], preamble: Vec::new(), exits: Vec::new(), restores: Vec::new() }
    }

    /// Drops uop `i`.
    pub fn remove(&mut self, i: usize) {
        self.edits[i] = Some(Vec::new());
    }

    /// Replaces uop `i` by `ops`.
    pub fn replace(&mut self, i: usize, ops: Vec<TraceOp>) {
        self.edits[i] = Some(ops);
    }

    /// Whether uop `i` was edited already.
    pub fn edited(&self, i: usize) -> bool {
        self.edits[i].is_some()
    }

    /// Appends `ops` to the preamble.
    pub fn add_to_preamble(&mut self, ops: impl IntoIterator<Item = TraceOp>) {
        self.preamble.extend(ops);
    }

    /// Adds an exit; `trace` is the trace being rewritten.
    pub fn add_exit(&mut self, trace: &Trace, exit: crate::jit::ir::ExitPoint) -> crate::jit::ir::ExitId {
        self.exits.push(exit);
        crate::jit::ir::ExitId((trace.exits.len() + self.exits.len() - 1) as u32)
    }

    /// Adds a list of restore uops for an exit ([`crate::jit::ir::ExitPoint::restore`]) and
    /// returns its index; `trace` is the trace being rewritten.
    pub fn add_restore(&mut self, trace: &Trace, ops: Vec<TraceOp>) -> u32 {
        self.restores.push(ops);
        (trace.restores.len() + self.restores.len() - 1) as u32
    }

    /// Adds, for each (exit, uops), a copy of the exit that runs the uops before it leaves
    /// (their ids follow the trace's and any added before, in order), and gives each the state
    /// the optimizer knew at the exit it copies: once restored, the state is that exit's.
    pub fn add_restoring_exits(&mut self, trace: &Trace, cx: &super::Context, exits: Vec<(ExitId, Vec<TraceOp>)>) {
        let mut states = cx.exit_states.borrow_mut();
        states.resize(trace.exits.len() + self.exits.len(), None);
        for (from, ops) in exits {
            let r = self.add_restore(trace, ops);
            self.add_exit(trace, ExitPoint { restore: Some(r), ..*trace.exit(from) });
            let state = states.get(from.index()).cloned().flatten();
            states.push(state);
        }
    }

    /// (uops removed, uops added, uops rewritten): a replacement by `k` uops counts as one
    /// removed and `k` added, less what they have in common; a replacement by one other uop
    /// (a load that became an unboxed load) counts as rewritten.
    pub fn counts(&self, trace: &Trace) -> (usize, usize, usize) {
        let mut removed = 0;
        let mut added = self.preamble.len();
        let mut rewritten = 0;
        for (op, ops) in trace.ops.iter().zip(&self.edits) {
            match ops.as_deref() {
                None => {}
                Some([]) => removed += 1,
                Some([one]) => rewritten += (one.uop != op.uop) as usize,
                Some(ops) => added += ops.len() - 1,
            }
        }
        (removed, added, rewritten)
    }

    /// The rewritten trace.
    pub fn apply(&self, trace: &Trace) -> Trace {
        let mut out = Trace { ops: Vec::with_capacity(trace.ops.len()), ..trace.clone() };
        out.exits.extend(self.exits.iter().copied());
        out.restores.extend(self.restores.iter().cloned());
        // new_index[i]: where original uop i's replacement starts (for entry points).
        let mut new_index = vec![0; trace.ops.len() + 1];
        for (i, op) in trace.ops.iter().enumerate() {
            if i == trace.loop_start {
                out.ops.extend(self.preamble.iter().copied());
            }
            new_index[i] = out.ops.len();
            match &self.edits[i] {
                None => out.ops.push(*op),
                Some(ops) => out.ops.extend(ops.iter().copied()),
            }
        }
        new_index[trace.ops.len()] = out.ops.len();
        out.loop_start = new_index[trace.loop_start];
        for c in &mut out.continuations {
            c.0 = new_index[c.0];
        }
        out
    }
}

/// The uop indices of `trace` where execution can begin besides its first: the loop body's
/// start (for a trace that jumps back to it) and the continuations. A pass must not merge uops
/// across them.
pub fn entry_points(trace: &Trace) -> Vec<usize> {
    let mut points: Vec<usize> = trace.continuations.iter().map(|c| c.0).collect();
    if trace.loops() {
        points.push(trace.loop_start);
    }
    points.sort_unstable();
    points.dedup();
    points
}

/// The uops a peephole pass has produced so far, each with the original uop it stands for, so
/// that a pass can look back at what it just emitted (and take it back) without looking past
/// an entry point.
pub struct Output {
    ops: Vec<(usize, TraceOp)>,
    /// Uops before this index are behind an entry point: never looked at again.
    barrier: usize,
}

impl Output {
    pub fn new() -> Output {
        Output { ops: Vec::new(), barrier: 0 }
    }

    /// Marks an entry point: what came before may not be merged with what follows.
    pub fn entry_point(&mut self) {
        self.barrier = self.ops.len();
    }

    pub fn push(&mut self, origin: usize, op: TraceOp) {
        self.ops.push((origin, op));
    }

    /// The index in the output of the last uop that touches the stack or can exit, skipping
    /// uops that neither do anything with the stack nor leave (counters), if past the barrier.
    pub fn last_value_op(&self) -> Option<usize> {
        self.value_op_before(self.ops.len())
    }

    /// The same, before output index `end`.
    pub fn value_op_before(&self, end: usize) -> Option<usize> {
        (self.barrier..end).rev().find(|&j| self.ops[j].1.uop != crate::jit::ir::uops::Uop::_ADD_TO_COUNTER)
    }

    /// The original uop output uop `j` stands for.
    pub fn origin(&self, j: usize) -> usize {
        self.ops[j].0
    }

    pub fn op(&self, j: usize) -> &TraceOp {
        &self.ops[j].1
    }

    /// Takes back output uop `j`.
    pub fn take(&mut self, j: usize) -> TraceOp {
        self.ops.remove(j).1
    }

    /// The edits that turn `trace` into this output.
    pub fn into_rewrite(mut self, trace: &Trace) -> Rewrite {
        let mut rewrite = Rewrite::new(trace);
        let unchanged = self.ops.len() == trace.ops.len()
            && self.ops.iter().enumerate().all(|(i, (origin, op))| *origin == i && *op == trace.ops[i]);
        if unchanged {
            return rewrite;
        }
        // A uop taken back and pushed again keeps its origin, so origins may be out of order.
        self.ops.sort_by_key(|e| e.0);
        let mut k = 0;
        for (i, original) in trace.ops.iter().enumerate() {
            let start = k;
            while k < self.ops.len() && self.ops[k].0 == i {
                k += 1;
            }
            let group = &self.ops[start..k];
            if !(group.len() == 1 && group[0].1 == *original) {
                rewrite.replace(i, group.iter().map(|e| e.1).collect());
            }
        }
        rewrite
    }
}

impl Default for Output {
    fn default() -> Output {
        Output::new()
    }
}

/// Runs a peephole over `trace`: `step` sees each uop with the output so far and pushes what
/// it becomes. Entry points are barriers.
pub fn peephole(trace: &Trace, mut step: impl FnMut(&mut Output, usize, &TraceOp)) -> Rewrite {
    let entries = entry_points(trace);
    let mut out = Output::new();
    for (i, op) in trace.ops.iter().enumerate() {
        if entries.contains(&i) {
            out.entry_point();
        }
        step(&mut out, i, op);
    }
    out.into_rewrite(trace)
}
