//! The JIT as the interpreter sees it: finding hot loops, driving the recorder, compiling traces
//! and running them.
//!
//! The interpreter counts `JUMP_BACKWARD` executions per back-edge; at the threshold it calls
//! [`JitHook::hot_loop`], which starts a [`Recorder`] at the loop header. The interpreter then
//! calls [`JitHook::record`] before every instruction until the recording closes (the loop came
//! back to its header) or aborts. A closed trace is compiled by the copy-and-patch backend and
//! its number stored in the back-edge's inline cache, so the next `JUMP_BACKWARD` enters it
//! ([`JitHook::enter`]) with the frame's locals and stack pointer; when it leaves, the interpreter
//! resumes at the exit's instruction with the stack the trace left. A loop whose recordings keep
//! aborting is retried after exponentially longer waits, then left to the interpreter for good.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use crate::interpreter::code::{Cache, CodeObject};
use crate::interpreter::{JitHook, PyResult, Vm};
use crate::runtime::value::Value;

use super::abi::{JitState, TraceContext};
use super::backend::{self, CompiledTrace};
use super::codemem::CodeArena;
use super::extract::Part;
use super::recorder::{Abort, Frame, Recorded, Recorder};
use super::stencils;
use super::trace::{Resume, Trace};

/// Back-edge count that starts a recording, unless `--jit-threshold` says otherwise.
pub const DEFAULT_THRESHOLD: u32 = 200;

/// How many uops of its own a trace needs per bytecode it runs through the interpreter to be
/// worth compiling (see `closed`).
const STEP_COST: usize = 16;

/// The same for the bytecodes `_EXECUTE_BYTECODE` runs directly (`helpers::executed_simply`).
const SIMPLE_STEP_COST: usize = 4;

/// Recordings of one loop that may end with the loop before they stop being retried at once.
const MAX_EARLY_EXITS: u32 = 16;

/// Recordings of one loop that may abort before it is left to the interpreter.
const MAX_ATTEMPTS: u32 = 4;

/// What the user asked for on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Print statistics when the program ends (`--stats`).
    pub stats: bool,
    /// Print each trace as it is compiled (`--dump=trace`).
    pub dump_trace: bool,
    /// Print each trace's machine code as it is compiled (`--dump=asm`).
    pub dump_asm: bool,
}

/// One compiled trace: a loop, or a side trace grown from one of its exits.
struct LoopTrace {
    compiled: CompiledTrace,
    trace: Trace,
    code: &'static CodeObject,
    /// The code objects the trace's uops and exits refer to (`TraceOp::code`).
    codes: Vec<&'static CodeObject>,
    header: usize,
    entries: u64,
    /// The loop trace this trace belongs to (itself for a loop).
    root: u32,
    /// For a side trace: the trace and exit it grew from.
    parent: Option<(u32, u32)>,
    /// For a loop trace: the back-edges whose inline caches enter it.
    back_edges: Vec<usize>,
    /// Aborted side-trace recordings per exit.
    side_attempts: Vec<u32>,
    /// The frame records the trace's `_PUSH_FRAME` uops copy (by address: never dropped
    /// while the trace exists).
    #[allow(dead_code)]
    #[allow(clippy::vec_box)] // boxed: uops hold their addresses while the Vec grows
    templates: Vec<Box<super::abi::FrameTemplate>>,
}

/// The "header" of a function trace: its function's entry (keys and `LoopTrace::header`).
const ENTRY: usize = usize::MAX;

/// The counter cache of a loop's back-edge, or of a function's entry (`back_edge` = `ENTRY`).
fn counter(code: &'static CodeObject, back_edge: usize) -> &'static std::cell::Cell<Cache> {
    if back_edge == ENTRY {
        &code.entry
    } else {
        &code.caches[back_edge][0]
    }
}

/// The exit number `exit_of` gives a trace's error exit.
const ERROR_EXIT: u32 = u32::MAX;

#[derive(Default)]
struct Stats {
    recordings: u64,
    /// Aborted recordings by reason, and by where they were (function and line).
    aborted: BTreeMap<String, BTreeMap<String, u64>>,
    compile_time: Duration,
    compile_failures: u64,
    /// Loops given back to the interpreter (see `Jit::maybe_retire`).
    retired: u64,
}

/// The tracing JIT.
pub struct Jit {
    options: Options,
    arena: CodeArena,
    traces: Vec<LoopTrace>,
    /// Trace number by (code object address, loop header).
    by_header: HashMap<(usize, usize), u32>,
    recorder: Option<Recorder>,
    /// The back-edge whose heat started the recording.
    recording_back_edge: usize,
    /// Aborted recordings per (code object address, back-edge).
    attempts: HashMap<(usize, usize), u32>,
    /// Recordings per back-edge that ended because the loop ended (see `give_up`).
    early_exits: HashMap<(usize, usize), u32>,
    /// While recording a side trace: the trace and exit it grows from.
    side_of: Option<(u32, u32)>,
    /// The exits (trace, exit) linked to each trace's entry from other loops' traces.
    links_into: HashMap<u32, Vec<(u32, u32)>>,
    /// Loops given back to the interpreter, by (code object address, header).
    retired_loops: std::collections::HashSet<(usize, usize)>,
    /// (address of its first exit record, trace) for every trace, sorted by address: each
    /// trace's records are one array, so the record an exit returns names its trace and exit
    /// without hashing (`exit_of`).
    record_arrays: Vec<(usize, u32)>,
    /// The continuation table of each function with a trace, by code object address: per
    /// instruction, where a return into an activation suspended at that call continues (the
    /// address of a continuation, or 0). `_RETURN_DISPATCH` reads it; boxed, so it never moves.
    continuation_tables: HashMap<usize, Box<[u64]>>,
    /// Boxed: helpers hold a pointer to it while a trace runs.
    context: Box<TraceContext>,
    /// `--stats`: bytecodes completed in traces' own machine code (traces add to it).
    in_traces: Box<u64>,
    stats: Stats,
}

impl Jit {
    pub fn new(options: Options) -> Jit {
        Jit {
            options,
            arena: CodeArena::new(),
            traces: Vec::new(),
            by_header: HashMap::new(),
            recorder: None,
            recording_back_edge: 0,
            attempts: HashMap::new(),
            early_exits: HashMap::new(),
            side_of: None,
            record_arrays: Vec::new(),
            links_into: HashMap::new(),
            retired_loops: Default::default(),
            continuation_tables: HashMap::new(),
            in_traces: Box::new(0),
            context: Box::new(TraceContext { state: JitState::detached(), error: None }),
            stats: Stats::default(),
        }
    }

    /// Installs a JIT in `vm` with back-edge threshold `threshold`.
    pub fn install(vm: &mut Vm, threshold: u32, options: Options) {
        vm.count_instructions = options.stats;
        vm.update_slow_path();
        vm.jit = Some(Box::new(Jit::new(options)));
        vm.jit_threshold = threshold.max(1);
    }

    fn new_recorder(&self, recorder: Recorder) -> Option<Recorder> {
        let mut recorder = recorder;
        if self.options.stats {
            recorder.count_into(&*self.in_traces as *const u64 as u64);
        }
        Some(recorder)
    }

    fn give_up(&mut self, vm: &mut Vm, why: Abort) {
        vm.set_recording(false);
        let Some(recorder) = self.recorder.take() else { return };
        let at = vm
            .frames
            .last()
            .map_or(String::new(), |f| format!("{} line {}", f.code.code.name, f.code.code.line_of(f.pc)));
        *self.stats.aborted.entry(why.to_string()).or_default().entry(at).or_default() += 1;
        if let Some((id, exit)) = self.side_of.take() {
            let attempts = &mut self.traces[id as usize].side_attempts[exit as usize];
            *attempts += 1;
            if *attempts >= MAX_ATTEMPTS {
                self.maybe_retire(id, exit);
            }
            return;
        }
        let (code, _) = recorder.header();
        let key = (code as *const CodeObject as usize, self.recording_back_edge);
        let cache = counter(code, self.recording_back_edge);
        if why == Abort::Why(super::recorder::LOOP_EXIT) {
            // The recording started on the loop's last iteration: nothing wrong with the loop.
            // Try again at its next back-edge (the wait would be a multiple of the threshold and
            // could land on the last iteration every time), a bounded number of times.
            let early = self.early_exits.entry(key).or_default();
            *early += 1;
            if *early <= MAX_EARLY_EXITS {
                cache.set(Cache::Counter(vm.jit_threshold.wrapping_sub(1)));
                return;
            }
        }
        let attempts = self.attempts.entry(key).or_default();
        *attempts += 1;
        if *attempts >= MAX_ATTEMPTS {
            cache.set(Cache::NoTrace);
        } else {
            // Wait threshold * 2**attempts more iterations: the count reaches the threshold
            // again after that many increments (it wraps below zero on the way).
            let wait = vm.jit_threshold.saturating_mul(1 << *attempts);
            cache.set(Cache::Counter(vm.jit_threshold.wrapping_sub(wait)));
        }
    }

    /// The trace and exit (`ERROR_EXIT` for the error exit) whose record is at `address`.
    fn exit_of(&self, address: usize) -> Option<(u32, u32)> {
        let i = self.record_arrays.partition_point(|&(a, _)| a <= address).checked_sub(1)?;
        let id = self.record_arrays[i].1;
        match self.traces.get(id as usize)?.compiled.left_by(address)? {
            backend::Left::Exit(exit) => Some((id, exit)),
            backend::Left::Error => Some((id, ERROR_EXIT)),
        }
    }

    /// Gives a loop back to the interpreter when a trace of it leaves by `exit` on most entries
    /// and no side trace could grow there: entering and leaving on every iteration costs more
    /// than the trace saves.
    fn maybe_retire(&mut self, id: u32, exit: u32) {
        let t = &self.traces[id as usize];
        if t.trace.exits[exit as usize].ends_loop {
            return;
        }
        let root = t.root;
        if t.compiled.exit_count(exit) * 2 < self.traces[root as usize].entries {
            return;
        }
        self.retire(root);
    }

    /// Gives loop trace `root` back to the interpreter: its back-edges stop entering it, no new
    /// recording links to it, and exits of other traces linked to it leave instead.
    fn retire(&mut self, root: u32) {
        let t = &self.traces[root as usize];
        let key = (t.code as *const CodeObject as usize, t.header);
        if self.retired_loops.contains(&key) {
            return;
        }
        for &back_edge in &t.back_edges {
            counter(t.code, back_edge).set(Cache::NoTrace);
        }
        for &(from, exit) in self.links_into.get(&root).map_or(&[][..], |v| v.as_slice()) {
            self.traces[from as usize].compiled.unlink(exit);
        }
        self.by_header.remove(&key);
        self.retired_loops.insert(key);
        self.stats.retired += 1;
    }

    /// Function `code`'s continuation table (made empty on first use).
    fn continuation_table(&mut self, code: &'static CodeObject) -> &mut [u64] {
        self.continuation_tables
            .entry(code as *const CodeObject as usize)
            .or_insert_with(|| vec![0; code.code.instrs.len()].into_boxed_slice())
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
        id: u32,
        root: u32,
    ) {
        let head = if id == root { compiled.head } else { self.traces[root as usize].compiled.head };
        let table = self.continuation_table(code);
        for &(op, resume) in &trace.continuations {
            let slot = &mut table[resume as usize];
            if *slot == 0 {
                *slot = compiled.ops[op].code;
            }
        }
        for (e, exit) in trace.exits.iter().enumerate() {
            if exit.resume == Resume::Entry {
                // SAFETY: the function trace starts at the function's entry in a frame the
                // interpreter's call (or `_PUSH_FRAME`) just pushed, which is what this exit
                // leaves with; it lives as long as the JIT.
                unsafe { compiled.link(e as u32, head) };
                self.links_into.entry(root).or_default().push((id, e as u32));
            }
        }
    }

    /// Starts a side trace from exit `exit` of trace `id` if it became hot. The interpreter is
    /// at the exit's instruction.
    fn maybe_grow_side_trace(&mut self, vm: &mut Vm, id: u32, exit: u32) {
        let t = &self.traces[id as usize];
        if !t.trace.exits[exit as usize].side || self.recorder.is_some() {
            return;
        }
        let attempts = t.side_attempts[exit as usize];
        if attempts >= MAX_ATTEMPTS {
            return;
        }
        let hot = (vm.jit_threshold / 4).max(1) as u64;
        // At the threshold or past it (it may pass while another recording runs).
        if t.compiled.exit_count(exit) < hot << attempts {
            return;
        }
        let level = t.trace.exits[exit as usize].level as usize;
        let root = &self.traces[t.root as usize];
        let (code, header) = (root.code, root.header);
        let (start_code, depth, pc, _, stack) = frame_slices(vm);
        self.stats.recordings += 1;
        let gc_flag = &vm.heap.gc_requested as *const bool as u64;
        let mut side = Recorder::new_side(code, header, start_code, level, depth, pc, stack.len(), gc_flag);
        if header == ENTRY {
            side = side.of_function(self.continuation_table(code).as_ptr() as u64);
        }
        self.recorder = self.new_recorder(side);
        self.side_of = Some((id, exit));
        vm.set_recording(true);
    }

    fn closed(&mut self, vm: &mut Vm, trace: Trace, closing_back_edge: usize) {
        vm.set_recording(false);
        let Some(mut recorder) = self.recorder.take() else { return };
        let side_of = self.side_of.take();
        let (code, header) = recorder.header();
        let header = if recorder.is_function() { ENTRY } else { header };
        // Each bytecode a trace runs through the interpreter costs about as much as sixteen the
        // trace runs itself save (`Vm::step` enters the run loop anew), or four for those the
        // helper executes directly: a trace made mostly of those is slower than the
        // interpreter. Stress mode (threshold 1) compiles it anyway, so that tests run every
        // path of the JIT.
        let codes = recorder.codes();
        let stepped: Vec<&super::trace::TraceOp> =
            trace.ops.iter().filter(|op| op.uop == super::uops::Uop::_EXECUTE_BYTECODE).collect();
        let cost: usize = stepped
            .iter()
            .map(|op| {
                let code = codes.get(op.code as usize).copied().unwrap_or(code);
                let simple = code
                    .code
                    .instrs
                    .get(op.operands[0] as usize)
                    .is_some_and(|i| super::helpers::executed_simply(i.op));
                if simple {
                    SIMPLE_STEP_COST
                } else {
                    STEP_COST
                }
            })
            .sum();
        let own = trace.ops.len() - trace.loop_start - stepped.len();
        if vm.jit_threshold > 1 && cost > own {
            self.recorder = Some(recorder);
            self.side_of = side_of;
            self.give_up(vm, Abort::Why("mostly bytecodes run by the interpreter"));
            return;
        }
        let started = Instant::now();
        let helper = |name: &str| stencils::helper_address(name).map(|a| a as u64);
        let compiled = backend::compile(&trace, stencils::host(), &mut self.arena, &helper);
        self.stats.compile_time += started.elapsed();
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => {
                // A trace the backend refuses is a bug in the recorder; the program still runs.
                if self.options.stats {
                    eprintln!("stitch: JIT: trace not compiled: {e}");
                }
                self.stats.compile_failures += 1;
                match side_of {
                    Some((parent, exit)) => {
                        self.traces[parent as usize].side_attempts[exit as usize] = MAX_ATTEMPTS;
                    }
                    None => counter(code, self.recording_back_edge).set(Cache::NoTrace),
                }
                return;
            }
        };
        let id = self.traces.len() as u32;
        // A trace that ends at another loop continues in that loop's trace (from its entry).
        let link_target = recorder
            .link_target()
            .and_then(|(c, header)| self.by_header.get(&(c as *const CodeObject as usize, header)).copied());
        if self.options.dump_trace {
            let mut what = match side_of {
                Some((parent, exit)) => format!("side trace {id} (from trace {parent} exit {exit})"),
                None => format!("trace {id}"),
            };
            if let Some(target) = link_target {
                what += &format!(", continues in trace {target}");
            }
            let codes = recorder.codes();
            let bytecode = |index: u16, pc: u32| {
                let code = codes.get(index as usize).copied().unwrap_or(code);
                let instr = code.code.instrs[pc as usize];
                let line = code.code.line_of(pc as usize);
                let name = if index == 0 { String::new() } else { format!("{} ", code.code.name) };
                format!("; {name}line {line} pc {pc}: {} {}", instr.op.name(), instr.arg)
            };
            let at = if header == ENTRY {
                format!("line {}, function entry", code.code.line_of(0))
            } else {
                format!("line {}, loop at instruction {header}", code.code.line_of(header))
            };
            eprintln!(
                "---- {what}: {} {at} ({} uops, {} bytes of code) ----\n{}",
                code.code.name,
                trace.ops.len(),
                compiled.code_bytes,
                trace.listing(&bytecode)
            );
        }
        if self.options.dump_asm {
            let set = stencils::host();
            let mut ops = Vec::new();
            let mut cold = Vec::new();
            for (op, placed) in trace.ops.iter().zip(&compiled.ops) {
                let Some(stencil) = set.get(op.uop.info().stencil) else { continue };
                // SAFETY: the op's code lies inside the trace's span, which is mapped read+execute
                // (readable) for as long as the JIT lives.
                let bytes = unsafe { std::slice::from_raw_parts(placed.code as *const u8, placed.code_len) };
                let info = op.uop.info();
                let mut title = info.name.to_string();
                if info.oparg.is_some() {
                    title += &format!(" {}", op.oparg);
                }
                for (k, meaning) in info.operands.iter().enumerate() {
                    if meaning.is_some() {
                        title += &format!(" {:#x}", op.operands[k]);
                    }
                }
                if placed.cold_len > 0 {
                    // SAFETY: as above; the cold part lies in the same span.
                    let bytes = unsafe { std::slice::from_raw_parts(placed.cold as *const u8, placed.cold_len) };
                    cold.push((format!("{title} (cold part)"), placed.cold, bytes, stencil, Part::Cold));
                }
                ops.push((title, placed.code, bytes, stencil, Part::Code));
            }
            ops.extend(cold);
            eprintln!(
                "---- machine code of trace {id} at {:#x} ({} bytes with exit stubs; hot code, then cold parts) ----\n{}",
                compiled.span.address,
                compiled.code_bytes,
                super::listing::render_trace_code(set.arch, &ops)
            );
        }
        if std::env::var_os("STITCH_CHECK_WX").is_some() {
            check_wx("after compiling a trace");
        }
        let first = compiled.record_address(0);
        let at = self.record_arrays.partition_point(|&(a, _)| a < first);
        self.record_arrays.insert(at, (first, id));
        // SAFETY (for the links below): a linked exit leaves with the frame and stack its target
        // starts from: a side trace starts where its parent's exit resumes (recorded from
        // there); a loop's body and a loop's entry start at its header in its own frame, which
        // is where the recording linked to them; all traces live as long as the JIT.
        if let (Some(link), Some(target)) = (trace.link_exit, link_target) {
            unsafe { compiled.link(link, self.traces[target as usize].compiled.head) };
            self.links_into.entry(target).or_default().push((id, link));
        }
        let mut back_edges = vec![self.recording_back_edge];
        let root = match side_of {
            Some((parent, exit)) => {
                let root = self.traces[parent as usize].root;
                // SAFETY: as above.
                unsafe {
                    self.traces[parent as usize].compiled.link(exit, compiled.head);
                    // (Unless it ended at another loop: unlinked, that exit resumes the interpreter.)
                    if let (Some(link), None) = (trace.link_exit, recorder.link_target()) {
                        compiled.link(link, self.traces[root as usize].compiled.loop_head);
                    }
                }
                root
            }
            None if header == ENTRY => {
                back_edges = vec![ENTRY];
                code.entry.set(Cache::Trace(id));
                id
            }
            None => {
                self.by_header.insert((code as *const CodeObject as usize, header), id);
                if recorder.link_target().is_none() {
                    // Closed at a back-edge of its own loop (not at another loop it links to).
                    back_edges.push(closing_back_edge);
                }
                for &back_edge in &back_edges {
                    code.caches[back_edge][0].set(Cache::Trace(id));
                }
                id
            }
        };
        if header == ENTRY {
            self.link_continuations(&trace, &compiled, code, id, root);
        }
        vm.jit_roots.extend(recorder.keep_alive().iter().map(|&o| Value::Obj(o)));
        let codes = recorder.codes().to_vec();
        let side_attempts = vec![0; trace.exits.len()];
        self.traces.push(LoopTrace {
            compiled,
            templates: recorder.take_templates(),
            side_attempts,
            trace,
            code,
            codes,
            header,
            entries: 0,
            root,
            parent: side_of,
            back_edges,
        });
    }
}

/// With `STITCH_CHECK_WX` set (tests), verifies that no mapping of the process is writable and
/// executable at once; exits with status 70 naming the mapping otherwise.
fn check_wx(when: &str) {
    match super::codemem::writable_and_executable_mappings() {
        Ok(maps) if maps.is_empty() => {}
        Ok(maps) => {
            eprintln!("stitch: W^X violated {when}: {maps:?}");
            std::process::exit(70);
        }
        Err(e) => {
            eprintln!("stitch: cannot read /proc/self/maps: {e}");
            std::process::exit(70);
        }
    }
}

/// The top frame's locals and value stack.
fn frame_slices(vm: &mut Vm) -> (&'static CodeObject, usize, usize, &'static [Value], &'static [Value]) {
    let depth = vm.frames.len() - 1;
    let frame = vm.frames[depth];
    let code = frame.code;
    let stack = vm.stack_ptr();
    let stack_bottom = frame.base + code.nlocalsplus;
    // SAFETY: the frame's slots `base .. sp` are initialized values of the VM stack, which never
    // moves; the slices are used only during this call, while the interpreter is paused.
    unsafe {
        let locals = std::slice::from_raw_parts(stack.add(frame.base), code.nlocalsplus);
        let values = std::slice::from_raw_parts(stack.add(stack_bottom), frame.sp - stack_bottom);
        (code, depth, frame.pc, locals, values)
    }
}

impl JitHook for Jit {
    fn hot_loop(&mut self, vm: &mut Vm, back_edge: usize) {
        let (code, depth, header, _, stack) = frame_slices(vm);
        let key = (code as *const CodeObject as usize, header);
        if let Some(&id) = self.by_header.get(&key) {
            // Another back-edge of a loop already compiled (`continue`): share the trace.
            code.caches[back_edge][0].set(Cache::Trace(id));
            self.traces[id as usize].back_edges.push(back_edge);
            return;
        }
        if self.retired_loops.contains(&key) {
            code.caches[back_edge][0].set(Cache::NoTrace);
            return;
        }
        self.stats.recordings += 1;
        let gc_flag = &vm.heap.gc_requested as *const bool as u64;
        self.recorder = self.new_recorder(Recorder::new(code, depth, header, stack.len(), gc_flag));
        self.recording_back_edge = back_edge;
        vm.set_recording(true);
    }

    fn hot_function(&mut self, vm: &mut Vm) {
        let (code, depth, pc, _, _) = frame_slices(vm);
        if pc != 0 || code.code.is_generator() || self.recorder.is_some() {
            return;
        }
        if self.retired_loops.contains(&(code as *const CodeObject as usize, ENTRY)) {
            code.entry.set(Cache::NoTrace);
            return;
        }
        self.stats.recordings += 1;
        let gc_flag = &vm.heap.gc_requested as *const bool as u64;
        let table = self.continuation_table(code).as_ptr() as u64;
        self.recorder = self.new_recorder(Recorder::new_function(code, depth, gc_flag, table));
        self.recording_back_edge = ENTRY;
        vm.set_recording(true);
    }

    fn record(&mut self, vm: &mut Vm) {
        if self.recorder.is_none() {
            vm.set_recording(false);
            return;
        }
        let (code, depth, pc, locals, stack) = frame_slices(vm);
        let globals = vm.frames[depth].globals;
        let by_header = &self.by_header;
        let has_trace = |code: &'static CodeObject, pc: usize| by_header.contains_key(&(code as *const _ as usize, pc));
        let draining = matches!(vm.frames[depth].kind, crate::interpreter::FrameKind::Generator { sink: Some(_), .. });
        let frame =
            Frame { code, depth, pc, stack, locals, globals, builtins: vm.builtins, draining, has_trace: &has_trace };
        let outcome = self.recorder.as_mut().map(|r| r.record(&frame));
        match outcome {
            Some(Recorded::Continue) | None => {}
            Some(Recorded::Closed(trace)) => self.closed(vm, trace, pc),
            Some(Recorded::Aborted(why)) => self.give_up(vm, why),
        }
    }

    fn abort_recording(&mut self, vm: &mut Vm) {
        self.give_up(vm, Abort::Why("exception while recording"));
    }

    fn enter(&mut self, vm: &mut Vm, id: u32) -> PyResult<()> {
        let Some(lt) = self.traces.get_mut(id as usize) else { return Ok(()) };
        lt.entries += 1;
        if lt.entries == 1 && std::env::var_os("STITCH_CHECK_WX").is_some() {
            check_wx("entering a trace");
        }
        let frame = *vm.frames.last().expect("a running frame");
        let stack = vm.stack_ptr();
        self.context.state.vm = vm as *mut Vm;
        self.context.state.stack = stack;
        self.context.state.stack_slots = vm.stack_len() as u64;
        self.context.state.frames = &mut vm.frames;
        self.context.error = None;
        // SAFETY: the trace was compiled for this loop header (the cache that named it belongs
        // to a back-edge of this code object) and works on this frame's slots exactly as the
        // interpreter would; its stack use is bounded by the code's stack size, like the
        // interpreter's. `base` and `sp` are in bounds of the VM stack.
        let returned =
            unsafe { (lt.compiled.entry)(stack.add(frame.base), stack.add(frame.sp), &mut self.context.state) };
        let Some((left_trace, exit)) = self.exit_of(returned) else {
            return Err(vm.new_error(vm.types.runtime_error, "internal error: unknown JIT exit"));
        };
        if exit == ERROR_EXIT {
            // A helper raised; it left the frame as the interpreter would (pc past the
            // instruction). The interpreter unwinds from there.
            return match self.context.error.take() {
                Some(e) => Err(e),
                None => Err(vm.new_error(vm.types.runtime_error, "internal error: JIT error exit without exception")),
            };
        }
        let resume = self.traces[left_trace as usize].trace.exits[exit as usize].pc as usize;
        // SAFETY: exit_sp was set by the exit stub to a slot of this frame's stack.
        let sp = unsafe { self.context.state.exit_sp.offset_from(stack) } as usize;
        let top = vm.frames.last_mut().expect("a running frame");
        if self.traces[left_trace as usize].trace.exits[exit as usize].resume != Resume::Caller {
            top.pc = resume;
        }
        top.sp = sp;
        vm.sp = sp;
        self.maybe_grow_side_trace(vm, left_trace, exit);
        Ok(())
    }

    fn finish(&mut self, vm: &mut Vm) {
        if !self.options.stats {
            return;
        }
        let mut out = String::new();
        use std::fmt::Write;
        let _ = writeln!(out, "---- JIT statistics ----");
        let jitted = *self.in_traces;
        let total = jitted + vm.instructions;
        let share = if total == 0 { 0.0 } else { 100.0 * jitted as f64 / total as f64 };
        let _ = writeln!(out, "bytecodes executed:  {total}");
        let _ = writeln!(out, "  in machine code:   {jitted} ({share:.1}%)");
        let _ = writeln!(out, "  by the interpreter: {} (including those traces ran through it)", vm.instructions);
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
        if self.stats.retired > 0 {
            let _ = writeln!(out, "loops given back:    {} (left their trace on most entries)", self.stats.retired);
        }
        if self.stats.compile_failures > 0 {
            let _ = writeln!(out, "compile failures:    {}", self.stats.compile_failures);
        }
        let uops: usize = self.traces.iter().map(|t| t.trace.ops.len()).sum();
        let compile_ms = self.stats.compile_time.as_secs_f64() * 1e3;
        let per_uop = if uops == 0 { 0.0 } else { compile_ms * 1e3 / uops as f64 };
        let _ = writeln!(out, "compile time:        {compile_ms:.3} ms for {uops} uops ({per_uop:.2} µs per uop)");
        let code: usize = self.traces.iter().map(|t| t.compiled.code_bytes).sum();
        let data: usize = self.traces.iter().map(|t| t.compiled.data_bytes).sum();
        let _ = writeln!(out, "machine code:        {code} bytes code, {data} bytes data");
        for (id, t) in self.traces.iter().enumerate() {
            match t.parent {
                None => {
                    let _ = writeln!(
                        out,
                        "trace {id}: {} line {} ({} uops): entered {} times",
                        t.code.code.name,
                        t.code.code.line_of(t.header),
                        t.trace.ops.len(),
                        t.entries
                    );
                }
                Some((parent, exit)) => {
                    let from = self.traces[parent as usize].trace.exits[exit as usize];
                    let code = self.traces[parent as usize].codes[from.code as usize];
                    let _ = writeln!(
                        out,
                        "side trace {id}: from trace {parent} exit {exit} ({} line {}, {} uops)",
                        code.code.name,
                        code.code.line_of(from.pc as usize),
                        t.trace.ops.len()
                    );
                }
            }
            for (i, exit) in t.trace.exits.iter().enumerate() {
                let n = t.compiled.exit_count(i as u32);
                if n > 0 {
                    let _ = writeln!(out, "    exit {i} (instruction {}): taken {n} times", exit.pc);
                }
            }
        }
        eprint!("{out}");
    }
}
