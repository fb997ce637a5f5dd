//! From a closed recording to a running trace: whether it is worth compiling, the optimizer, the
//! backend, and linking the new trace with the traces and counters around it.

use std::collections::BTreeMap;
use std::time::Instant;

use super::{Anchor, CompiledLoop, Counter, Jit, MAX_ATTEMPTS};
use crate::interpreter::code::{Cache, CodeObject};
use crate::interpreter::Vm;
use crate::jit::backend::CompiledTrace;
use crate::jit::ir::uops::Uop;
use crate::jit::ir::{Resume, Trace, TraceId, TraceOp};
use crate::jit::opt;
use crate::jit::record::{Abort, Recorder};
use crate::runtime::value::Value;

/// How many uops of its own a trace needs per bytecode it runs through the interpreter to be
/// worth compiling (see `profitable`).
const STEP_COST: usize = 16;

/// The same for the bytecodes `_EXECUTE_BYTECODE` runs directly (`helpers::executed_simply`).
const SIMPLE_STEP_COST: usize = 4;

impl Jit {
    /// A recording closed with `trace` (at instruction `pc`, where a loop trace's closing
    /// back-edge is): optimize, compile and link it, unless it is not worth it.
    pub(super) fn closed(&mut self, vm: &mut Vm, recorded: Trace, pc: usize) {
        vm.set_recording(false);
        let Some(mut recorder) = self.recorder.take() else { return };
        let side_of = self.side_of.take();
        if vm.jit_threshold > 1 && !profitable(&recorded, &recorder, &mut self.stats.refused_for) {
            // Stress mode (threshold 1) compiles it anyway, so that tests run every path.
            self.recorder = Some(recorder);
            self.side_of = side_of;
            self.give_up(vm, Abort::Why("mostly bytecodes run by the interpreter"));
            return;
        }
        // `STITCH_MAX_TRACES=N` (debugging): compile only the first N traces, to find by bisection
        // the trace that makes a program go wrong.
        if let Some(max) = std::env::var("STITCH_MAX_TRACES").ok().and_then(|v| v.parse::<usize>().ok()) {
            if self.traces.len() >= max {
                self.recorder = Some(recorder);
                self.side_of = side_of;
                self.give_up(vm, Abort::Why("STITCH_MAX_TRACES"));
                return;
            }
        }
        if self.code_bytes >= super::MAX_CODE_BYTES {
            // Code memory is spent: what runs in the interpreter now stays there.
            self.stats.over_budget += 1;
            match side_of {
                Some((parent, exit)) => self.traces[parent.index()].side_attempts[exit.index()] = MAX_ATTEMPTS,
                None => self.recording_counter.cache(recorder.header().0).set(Cache::NoTrace),
            }
            return;
        }
        let (code, header) = recorder.header();
        let anchor = if recorder.is_function() { Anchor::Function } else { Anchor::Loop(header) };
        let id = TraceId(self.traces.len() as u32);
        let started = Instant::now();
        // A side trace starts with what its parent knew at the exit it grew from.
        let entry =
            side_of.and_then(|(parent, exit)| self.trace(parent).exit_states.get(exit.index()).cloned().flatten());
        let cx = opt::Context::new(recorder.codes(), entry.as_ref());
        let (mut trace, reports) = if self.options.optimize {
            opt::optimize_without(&recorded, &cx, &self.options.passes_off)
        } else {
            (recorded.clone(), Vec::new())
        };
        // Kept for side traces, at the exits they may grow from.
        let mut exit_states = cx.exit_states.take();
        exit_states.resize(trace.exits.len(), None);
        for (state, exit) in exit_states.iter_mut().zip(&trace.exits) {
            if !exit.side {
                *state = None;
            }
        }
        // `--stats`: a loop trace counts the iterations that reach its back-edge.
        let iterations = Box::new(0u64);
        if self.options.stats && trace.loops() {
            let count = TraceOp::new(Uop::_ADD_TO_COUNTER).operands(&*iterations as *const u64 as u64, 1);
            let at = trace.ops.len() - 1;
            trace.ops.insert(at, count);
        }
        let compiled = self.backend.compile(&trace, &mut self.arena);
        self.stats.compile_time += started.elapsed();
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => {
                // A trace the backend refuses is a bug in the recorder or optimizer; the program
                // still runs.
                if self.options.stats {
                    eprintln!("stitch: JIT: trace not compiled: {e}");
                }
                self.stats.compile_failures += 1;
                match side_of {
                    Some((parent, exit)) => self.traces[parent.index()].side_attempts[exit.index()] = MAX_ATTEMPTS,
                    None => self.recording_counter.cache(code).set(Cache::NoTrace),
                }
                return;
            }
        };
        self.stats.recorded_uops += recorded.ops.len();
        for r in &reports {
            match self.stats.passes.iter_mut().find(|p| p.0 == r.pass) {
                Some(p) => {
                    p.1 += r.removed;
                    p.2 += r.added;
                    p.3 += r.rewritten;
                }
                None => self.stats.passes.push((r.pass, r.removed, r.added, r.rewritten)),
            }
        }
        // A trace that ends at another loop continues in that loop's trace (from its entry).
        let link_target = recorder
            .link_target()
            .and_then(|(c, header)| self.by_anchor.get(&super::loop_key(c, Anchor::Loop(header))).copied());
        self.dump(id, &recorder, anchor, side_of, link_target, &recorded, &trace, &reports, &compiled);
        if std::env::var_os("STITCH_CHECK_WX").is_some() {
            super::check_wx("after compiling a trace");
        }
        let first = compiled.record_address(0);
        let at = self.record_arrays.partition_point(|&(a, _)| a < first);
        self.record_arrays.insert(at, (first, id));
        let (root, counters) = self.link(id, &trace, &compiled, &recorder, anchor, side_of, link_target, pc);
        self.code_bytes += compiled.code_bytes + compiled.data_bytes;
        if root != id {
            self.traces[root.index()].side_traces += 1;
            if self.traces[root.index()].side_traces == super::MAX_SIDE_TRACES {
                self.stats.full_trees += 1;
            }
        }
        vm.jit_roots.extend(recorder.keep_alive().iter().map(|&o| Value::Obj(o)));
        if self.options.stats {
            for &code in recorder.codes() {
                vm.count_code(code);
            }
        }
        self.traces.push(CompiledLoop {
            compiled,
            templates: recorder.take_templates(),
            side_attempts: vec![0; trace.exits.len()],
            side_traces: 0,
            trace,
            code,
            codes: recorder.codes().to_vec(),
            anchor,
            entries: 0,
            root,
            parent: side_of,
            counters,
            iterations,
            exit_states,
        });
    }

    /// Links new trace `id` with the others: its parent's exit (a side trace), the trace it ends
    /// in, its counters' caches (a root trace) and, for function traces, its continuations.
    /// Returns its root and counters.
    #[allow(clippy::too_many_arguments)]
    fn link(
        &mut self,
        id: TraceId,
        trace: &Trace,
        compiled: &CompiledTrace,
        recorder: &Recorder,
        anchor: Anchor,
        side_of: Option<(TraceId, crate::jit::ir::ExitId)>,
        link_target: Option<TraceId>,
        pc: usize,
    ) -> (TraceId, Vec<Counter>) {
        let (code, _) = recorder.header();
        // SAFETY (for the links below): a linked exit leaves with the frame and stack its target
        // starts from: a side trace starts where its parent's exit resumes (recorded from
        // there); a loop's entry starts at its header in its own frame, which is where the
        // recording linked to it; all traces live as long as the JIT.
        if let (Some(link), Some(target)) = (trace.link_exit, link_target) {
            unsafe { compiled.link(link, self.trace(target).compiled.head) };
            self.links_into.entry(target).or_default().push((id, link));
        }
        let mut counters = vec![self.recording_counter];
        let root = match side_of {
            Some((parent, exit)) => {
                let root = self.trace(parent).root;
                // SAFETY: as above. A side trace that ends at its own loop's header links to the
                // loop trace's entry, not its body: the optimizer may have moved checks the body
                // relies on into the preamble before it.
                unsafe {
                    self.trace(parent).compiled.link(exit, compiled.head);
                    // (Unless it ended at another loop: unlinked, that exit resumes the interpreter.)
                    if let (Some(link), None) = (trace.link_exit, recorder.link_target()) {
                        compiled.link(link, self.trace(root).compiled.head);
                    }
                }
                root
            }
            None if anchor == Anchor::Function => {
                counters = vec![Counter::Entry];
                code.entry.set(Cache::Trace(id.0));
                id
            }
            None => {
                self.by_anchor.insert(super::loop_key(code, anchor), id);
                if trace.ops.last().is_some_and(|op| op.uop == Uop::_JUMP_TO_TOP) {
                    // Closed at a back-edge of its own loop (not at another loop it links to,
                    // nor at a yield it leaves by).
                    counters.push(Counter::BackEdge(pc));
                    if let Anchor::Loop(header) = anchor {
                        if code.code.instrs[header].op == crate::bytecode::Opcode::FOR_ITER {
                            counters.push(Counter::Header(header));
                        }
                    }
                }
                for &counter in &counters {
                    counter.cache(code).set(Cache::Trace(id.0));
                }
                id
            }
        };
        if anchor == Anchor::Function {
            self.link_continuations(trace, compiled, code, id, root);
        }
        (root, counters)
    }

    /// For a trace of function `code` (its function trace `root`, or one of its side traces):
    /// enters the trace's continuations in the function's table (the first for a call site
    /// stays), and links the exits of recursive calls made by a side trace to the start of the
    /// function trace.
    fn link_continuations(
        &mut self,
        trace: &Trace,
        compiled: &CompiledTrace,
        code: &'static CodeObject,
        id: TraceId,
        root: TraceId,
    ) {
        let head = if id == root { compiled.head } else { self.trace(root).compiled.head };
        let table = self.continuation_table(code);
        for &(op, resume) in &trace.continuations {
            let slot = &mut table[resume as usize];
            if *slot == 0 {
                *slot = compiled.ops[op].code;
            }
        }
        for (e, exit) in trace.exits.iter().enumerate() {
            if exit.resume == Resume::Entry {
                let e = crate::jit::ir::ExitId(e as u32);
                // SAFETY: the function trace starts at the function's entry in a frame the
                // interpreter's call (or `_PUSH_FRAME`) just pushed, which is what this exit
                // leaves with; it lives as long as the JIT.
                unsafe { compiled.link(e, head) };
                self.links_into.entry(root).or_default().push((id, e));
            }
        }
    }
}

/// Whether a recorded trace is worth compiling. Each bytecode a trace runs through the
/// interpreter costs about as much as sixteen the trace runs itself save (`Vm::step` enters the
/// run loop anew), or four for those the helper executes directly: a trace made mostly of those
/// is slower than the interpreter.
///
/// A refused trace adds the cost of each opcode it stepped to `refused_for` (`--stats` names
/// the bytecodes that most often keep loops out of machine code).
fn profitable(trace: &Trace, recorder: &Recorder, refused_for: &mut BTreeMap<&'static str, usize>) -> bool {
    let (code, _) = recorder.header();
    let codes = recorder.codes();
    let stepped: Vec<(&'static str, usize)> = trace
        .ops
        .iter()
        .filter(|op| op.uop == Uop::_EXECUTE_BYTECODE)
        .filter_map(|op| {
            let code = codes.get(op.code as usize).copied().unwrap_or(code);
            let instr = code.code.instrs.get(op.operands[0] as usize)?;
            let simple = crate::jit::runtime::helpers::executed_simply(instr.op);
            Some((instr.op.name(), if simple { SIMPLE_STEP_COST } else { STEP_COST }))
        })
        .collect();
    let cost: usize = stepped.iter().map(|s| s.1).sum();
    let own = trace.ops.len() - trace.loop_start - stepped.len();
    if cost <= own {
        return true;
    }
    for (name, cost) in stepped {
        *refused_for.entry(name).or_default() += cost;
    }
    false
}
