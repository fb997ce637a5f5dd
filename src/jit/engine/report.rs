//! What the JIT tells people: `--dump=rec|opt|trace|asm` as each trace is compiled, and
//! `--stats` when the program ends.

use std::fmt::Write as _;

use super::{Anchor, Jit};
use crate::interpreter::code::CodeObject;
use crate::interpreter::Vm;
use crate::jit::backend::CompiledTrace;
use crate::jit::ir::print::{self, Describe};
use crate::jit::ir::{ExitId, Trace, TraceId, TraceKind};
use crate::jit::opt::PassReport;
use crate::jit::record::Recorder;

/// `1 time`, `2 times`.
fn times(n: u64) -> String {
    if n == 1 {
        "1 time".to_string()
    } else {
        format!("{n} times")
    }
}

/// What the dumps know about a trace's program: its code objects and the addresses its
/// recorder named.
struct Program<'a> {
    codes: &'a [&'static CodeObject],
    names: &'a [(u64, String)],
}

impl Describe for Program<'_> {
    fn bytecode(&self, code: u16, pc: u32) -> String {
        let Some(c) = self.codes.get(code as usize) else { return format!("code {code} @{}", 2 * pc) };
        let Some(&instr) = c.code.instrs.get(pc as usize) else { return format!("@{}", 2 * pc) };
        let line = c.code.line_of(pc as usize);
        let name = if code == 0 { String::new() } else { format!("{} ", c.code.name) };
        let arg = crate::dis::argument_repr(&c.code, instr);
        let arg = if arg.is_empty() { String::new() } else { format!(" ({arg})") };
        format!("{name}line {line} @{} {}{arg}", 2 * pc, instr.op.name())
    }

    fn local(&self, code: u16, index: u32) -> Option<String> {
        let c = self.codes.get(code as usize)?;
        let index = index as usize;
        let names = &c.code.varnames;
        names.get(index).cloned().or_else(|| Some(c.code.deref_name(index - names.len()).to_string()))
    }

    fn address(&self, address: u64) -> Option<String> {
        self.names.iter().find(|(a, _)| *a == address).map(|(_, n)| n.clone())
    }
}

impl Jit {
    /// `--dump`: the trace as recorded and as optimized, with what each pass did, and its
    /// machine code.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn dump(
        &self,
        id: TraceId,
        recorder: &Recorder,
        anchor: Anchor,
        side_of: Option<(TraceId, ExitId)>,
        link_target: Option<TraceId>,
        recorded: &Trace,
        optimized: &Trace,
        reports: &[PassReport],
        compiled: &CompiledTrace,
    ) {
        let o = &self.options;
        if !(o.dump_recorded || o.dump_optimized || o.dump_asm) {
            return;
        }
        let (code, _) = recorder.header();
        let mut what = match side_of {
            Some((parent, exit)) => format!("side {id} (from {parent} {exit})"),
            None => id.to_string(),
        };
        if let Some(target) = link_target {
            what += &format!(", continues in {target}");
        }
        let at = match anchor {
            Anchor::Function => format!("line {}, function entry", code.code.line_of(0)),
            Anchor::Loop(header) => format!("line {}, loop at @{}", code.code.line_of(header), 2 * header),
        };
        let program = Program { codes: recorder.codes(), names: recorder.names() };
        let mut out = String::new();
        if o.dump_recorded {
            let _ = writeln!(out, "---- {what}: {} {at}: recorded ({} uops) ----", code.code.name, recorded.ops.len());
            out += &print::listing(recorded, &program);
        }
        if o.dump_optimized {
            let said = if self.options.optimize { "optimized" } else { "not optimized (--jit-opt=off)" };
            let _ = writeln!(
                out,
                "---- {what}: {} {at}: {said} ({} uops, {} bytes of code) ----",
                code.code.name,
                optimized.ops.len(),
                compiled.code_bytes
            );
            for r in reports.iter().filter(|r| r.removed + r.added + r.rewritten > 0) {
                let _ = writeln!(out, "      ; {r}");
            }
            out += &print::listing(optimized, &program);
        }
        if o.dump_asm {
            let _ = writeln!(
                out,
                "---- machine code of {id} at {:#x} ({} bytes of code, {} of data; {} backend) ----",
                compiled.span.address,
                compiled.code_bytes,
                compiled.data_bytes,
                self.backend.name()
            );
            out += &self.backend.disassemble(optimized, compiled);
        }
        // A blank line between traces.
        out.push('\n');
        match &self.options.log {
            Some(log) => log.lock().map(|mut l| l.push_str(&out)).unwrap_or(()),
            None => eprint!("{out}"),
        }
    }

    /// `--stats`: the report printed when the program ends.
    pub(super) fn statistics(&self, vm: &Vm) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "---- JIT statistics ----");
        let jitted: u64 = vm.counted_codes.iter().map(|c| c.in_traces.get()).sum();
        let total = jitted + vm.instructions;
        let share = if total == 0 { 0.0 } else { 100.0 * jitted as f64 / total as f64 };
        let _ = writeln!(out, "bytecodes executed:  {total}");
        let _ = writeln!(out, "  in machine code:   {jitted} ({share:.1}%)");
        let _ = writeln!(out, "  by the interpreter: {} (including those traces ran through it)", vm.instructions);
        if !vm.stepped.is_empty() {
            let mut stepped: Vec<(&&str, &u64)> = vm.stepped.iter().collect();
            stepped.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let top: Vec<String> = stepped.iter().take(6).map(|(op, n)| format!("{op} {n}")).collect();
            let _ = writeln!(out, "  traces ran through the interpreter, most first: {}", top.join(", "));
        }
        // Where the bytecodes ran: the code objects that ran most, and their share in traces.
        let mut codes: Vec<&'static CodeObject> = vm.counted_codes.clone();
        let executed = |c: &CodeObject| c.interpreted.get() + c.in_traces.get();
        codes.sort_by(|a, b| executed(b).cmp(&executed(a)).then(a.code.firstlineno.cmp(&b.code.firstlineno)));
        let _ = writeln!(out, "  by code object, most first (bytecodes, share in machine code):");
        for c in codes.iter().take(10).filter(|c| executed(c) > 0) {
            let n = executed(c);
            let share = 100.0 * c.in_traces.get() as f64 / n as f64;
            let _ = writeln!(out, "    {n:>12} {share:5.1}%  {} line {}", c.code.name, c.code.firstlineno);
        }
        let _ = writeln!(out, "recordings started:  {}", self.stats.recordings);
        let _ = writeln!(out, "traces compiled:     {}", self.traces.len());
        let aborted: u64 = self.stats.aborted.values().flat_map(|at| at.values()).sum();
        let _ = writeln!(out, "recordings aborted:  {aborted}");
        for (why, at) in &self.stats.aborted {
            let n: u64 = at.values().sum();
            // The places it happened most, most first.
            let mut places: Vec<(&String, &u64)> = at.iter().collect();
            places.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let shown: Vec<String> = places.iter().take(3).map(|(at, k)| format!("{at} ({k})")).collect();
            let more = if places.len() > 3 { ", ..." } else { "" };
            let _ = writeln!(out, "  {n:6}  {why}: {}{more}", shown.join(", "));
        }
        if !self.stats.refused_for.is_empty() {
            let mut by_cost: Vec<(&&str, &usize)> = self.stats.refused_for.iter().collect();
            by_cost.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let top: Vec<String> = by_cost.iter().take(5).map(|(op, cost)| format!("{op} {cost}")).collect();
            let _ = writeln!(out, "          (what the interpreter ran for them, by cost: {})", top.join(", "));
        }
        if self.stats.retired > 0 {
            let _ = writeln!(out, "loops given back:    {} (left their trace on most entries)", self.stats.retired);
        }
        if self.stats.full_trees > 0 {
            let _ = writeln!(
                out,
                "trace trees full:    {} (grew {} side traces; their other exits stay exits)",
                self.stats.full_trees,
                super::MAX_SIDE_TRACES
            );
        }
        if self.stats.over_budget > 0 {
            let _ = writeln!(
                out,
                "code memory full:    {} traces not compiled (past {} MiB)",
                self.stats.over_budget,
                super::MAX_CODE_BYTES >> 20
            );
        }
        if self.stats.compile_failures > 0 {
            let _ = writeln!(out, "compile failures:    {}", self.stats.compile_failures);
        }
        let uops: usize = self.traces.iter().map(|t| t.trace.ops.len()).sum();
        if self.options.optimize {
            let _ = writeln!(
                out,
                "optimizer:           {} uops recorded, {uops} after the passes",
                self.stats.recorded_uops
            );
            for (pass, removed, added, rewritten) in &self.stats.passes {
                let added = if *added > 0 { format!(", added {added}") } else { String::new() };
                let rewritten = if *rewritten > 0 { format!(", rewrote {rewritten}") } else { String::new() };
                let _ = writeln!(out, "  {pass:<10} removed {removed}{added}{rewritten}");
            }
            for pass in &self.options.passes_off {
                let _ = writeln!(out, "  {pass:<10} off (--jit-opt=-{pass})");
            }
        } else {
            let _ = writeln!(out, "optimizer:           off (--jit-opt=off)");
        }
        let compile_ms = self.stats.compile_time.as_secs_f64() * 1e3;
        let per_uop = if uops == 0 { 0.0 } else { compile_ms * 1e3 / uops as f64 };
        let _ = writeln!(out, "compile time:        {compile_ms:.3} ms for {uops} uops ({per_uop:.2} µs per uop)");
        let code: usize = self.traces.iter().map(|t| t.compiled.code_bytes).sum();
        let data: usize = self.traces.iter().map(|t| t.compiled.data_bytes).sum();
        let _ = writeln!(out, "machine code:        {code} bytes code, {data} bytes data");
        if self.options.cache {
            let cached: usize = self.traces.iter().map(|t| t.compiled.cached_entries).sum();
            let spills: usize = self.traces.iter().map(|t| t.compiled.spills.len()).sum();
            let _ = writeln!(
                out,
                "stack in registers:  {cached} of {uops} uops start with values in registers, {spills} spills"
            );
        } else {
            let _ = writeln!(out, "stack in registers:  off (--jit-cache=off)");
        }
        let held: usize = self.traces.iter().map(|t| t.compiled.reg_slots.len()).sum();
        let loops = self.traces.iter().filter(|t| !t.compiled.reg_slots.is_empty()).count();
        let moves: usize = self.traces.iter().map(|t| t.compiled.reg_moves.iter().filter(|m| !m.at_head).count()).sum();
        let _ = writeln!(
            out,
            "locals in registers: {held} in {loops} loop{}, {moves} moves to or from memory inside loops",
            if loops == 1 { "" } else { "s" }
        );
        for (i, t) in self.traces.iter().enumerate() {
            let id = TraceId(i as u32);
            match t.parent {
                None => {
                    let kind = match t.trace.kind {
                        TraceKind::Function => "function entry",
                        _ => "loop",
                    };
                    let line = match t.anchor {
                        Anchor::Loop(header) => t.code.code.line_of(header),
                        Anchor::Function => t.code.code.line_of(0),
                    };
                    let _ = writeln!(
                        out,
                        "{id}: {} line {line}, {kind} ({} uops): entered {}",
                        t.code.code.name,
                        t.trace.ops.len(),
                        times(t.entries)
                    );
                    if t.trace.loops() {
                        let (uops, checks) = t.trace.body_counts();
                        let guards = if checks == 1 { "guard" } else { "guards" };
                        let _ = writeln!(
                            out,
                            "    {} iterations to the back-edge, {uops} uops and {checks} {guards} per iteration",
                            *t.iterations
                        );
                    }
                }
                Some((parent, exit)) => {
                    let from = self.trace(parent).trace.exit(exit);
                    let code = self.trace(parent).codes[from.code as usize];
                    let _ = writeln!(
                        out,
                        "side {id}: from {parent} {exit} ({} line {}, {} uops)",
                        code.code.name,
                        code.code.line_of(from.pc as usize),
                        t.trace.ops.len()
                    );
                }
            }
            for e in 0..t.trace.exits.len() {
                let e = ExitId(e as u32);
                let n = t.compiled.exit_count(e);
                if n > 0 {
                    // Where, as the dump says it, and in which function and line.
                    let exit = t.trace.exit(e);
                    let code = t.codes.get(exit.code as usize).copied().unwrap_or(t.code);
                    let place = match exit.resume {
                        crate::jit::ir::Resume::At => {
                            format!(" {} line {}", code.code.name, code.code.line_of(exit.pc as usize))
                        }
                        _ => String::new(),
                    };
                    let _ = writeln!(out, "    {}{place}: taken {}", print::exit_label(&t.trace, e), times(n));
                }
            }
        }
        out
    }
}
