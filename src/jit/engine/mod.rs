//! The JIT as the interpreter sees it: finding hot loops, driving the recorder, compiling traces
//! and running them.
//!
//! The interpreter counts `JUMP_BACKWARD` executions per back-edge (and calls per function); at
//! the threshold it calls [`JitHook::hot_loop`] (or [`JitHook::hot_function`]), which starts a
//! [`Recorder`]. The interpreter then calls [`JitHook::record`] before every instruction until
//! the recording closes or aborts. A closed trace goes through the optimizer and a backend
//! ([`compile`]); its number is stored in the counter's inline cache, so the next
//! `JUMP_BACKWARD` (or call) enters it ([`JitHook::enter`]) with the frame's locals and stack
//! pointer; when it leaves, the interpreter resumes at the exit's instruction with the stack the
//! trace left. Hot exits grow side traces, linked to their exits through data. A loop whose
//! recordings keep aborting is retried after exponentially longer waits, then left to the
//! interpreter for good. [`report`] prints what `--dump` and `--stats` ask for.

mod compile;
mod report;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use crate::interpreter::code::{Cache, CodeObject};
use crate::interpreter::{JitHook, PyResult, TraceRun, Vm};
use crate::runtime::value::Value;

use crate::jit::backend::stencil::StencilBackend;
use crate::jit::backend::{Backend, CompiledTrace, Left};
use crate::jit::ir::{ExitId, Resume, Trace, TraceId};
use crate::jit::record::{Abort, Frame, Recorded, Recorder};
use crate::jit::runtime::abi::{FrameTemplate, JitState, TraceContext, TraceEntry};
use crate::jit::runtime::codemem::CodeArena;

/// Back-edge count that starts a recording, unless `--jit-threshold` says otherwise.
pub const DEFAULT_THRESHOLD: u32 = 200;

/// Recordings of one loop that may end with the loop before they stop being retried at once.
const MAX_EARLY_EXITS: u32 = 16;

/// Recordings of one loop that may abort before it is left to the interpreter.
const MAX_ATTEMPTS: u32 = 4;

/// The shortest wait (in back-edges) before a loop whose recordings keep ending with the loop is
/// recorded again.
const RETRY_WAIT: u32 = 64;

/// Side traces one root trace may grow (LuaJIT's `maxside`): past it, its exits stay exits. (A
/// loop through chained generators with data-dependent branches, as in benches/programs'
/// pipeline, needs about 170.)
pub const MAX_SIDE_TRACES: usize = 200;

/// An exit grows a side trace once taken this fraction of the loop threshold (LuaJIT's
/// `hotexit` is about a sixth of its `hotloop`): soon enough that a branchy loop's tree is grown
/// before the program has spent its time leaving it.
const HOT_EXIT_DIVISOR: u32 = 8;

/// Bytes of machine code and data all traces together may use (LuaJIT's `maxmcode`): past it,
/// nothing more is compiled.
pub const MAX_CODE_BYTES: usize = 64 << 20;

/// What the user asked for on the command line.
#[derive(Clone, Debug)]
pub struct Options {
    /// Print statistics when the program ends (`--stats`).
    pub stats: bool,
    /// Print each trace as recorded (`--dump=rec`) and as optimized (`--dump=opt`;
    /// `--dump=trace` is both).
    pub dump_recorded: bool,
    pub dump_optimized: bool,
    /// Print each trace's machine code as it is compiled (`--dump=asm`).
    pub dump_asm: bool,
    /// Run the optimizer between the recorder and the backend (`--jit-opt=on`, the default).
    pub optimize: bool,
    /// Passes the optimizer skips (`--jit-opt=-virtuals`), to measure what each one does.
    pub passes_off: Vec<&'static str>,
    /// Keep the top of the value stack in registers in machine code (`--jit-cache=on`, the
    /// default; the stencil backend's top-of-stack caching).
    pub cache: bool,
    /// Where dumps go: stderr, or (tests, tools) this buffer.
    pub log: Option<std::sync::Arc<std::sync::Mutex<String>>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            stats: false,
            dump_recorded: false,
            dump_optimized: false,
            dump_asm: false,
            optimize: true,
            passes_off: Vec::new(),
            cache: true,
            log: None,
        }
    }
}

/// Where a root trace starts: a loop's header, or a function's entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Anchor {
    Loop(usize),
    Function,
}

/// A counter of the interpreter's that enters a trace once the trace exists: a loop's back-edge
/// (an instruction index) or a function's entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Counter {
    BackEdge(usize),
    /// A `FOR_ITER` loop's header: the interpreter enters the trace there on arrival.
    Header(usize),
    Entry,
}

impl Counter {
    /// The inline cache the interpreter counts in (and finds the trace in).
    fn cache(self, code: &'static CodeObject) -> &'static std::cell::Cell<Cache> {
        match self {
            Counter::Entry => &code.entry,
            Counter::BackEdge(pc) | Counter::Header(pc) => &code.caches[pc][0],
        }
    }
}

/// A code object by address, with an anchor in it: how loops are keyed.
type LoopKey = (usize, Anchor);

fn loop_key(code: &'static CodeObject, anchor: Anchor) -> LoopKey {
    (code as *const CodeObject as usize, anchor)
}

/// One compiled trace: a loop's, a function's, or a side trace grown from one of their exits.
struct CompiledLoop {
    compiled: CompiledTrace,
    trace: Trace,
    code: &'static CodeObject,
    /// The code objects the trace's uops and exits refer to (`TraceOp::code`).
    codes: Vec<&'static CodeObject>,
    anchor: Anchor,
    entries: u64,
    /// The root trace this trace belongs to (itself for a root).
    root: TraceId,
    /// For a side trace: the trace and exit it grew from.
    parent: Option<(TraceId, ExitId)>,
    /// For a root trace: the counters whose inline caches enter it.
    counters: Vec<Counter>,
    /// Aborted side-trace recordings per exit.
    side_attempts: Vec<u32>,
    /// For a root trace: the side traces its tree grew.
    side_traces: usize,
    /// `--stats`: how many iterations of a loop trace reached its back-edge (the trace adds to
    /// it; boxed, so its address stays put).
    iterations: Box<u64>,
    /// What the optimizer knew at each exit where a side trace may grow (see `opt::Context`).
    exit_states: Vec<Option<crate::jit::opt::facts::State>>,
    /// The frame records the trace's `_PUSH_FRAME` uops copy (by address: never dropped
    /// while the trace exists).
    #[allow(dead_code)]
    #[allow(clippy::vec_box)] // boxed: uops hold their addresses while the Vec grows
    templates: Vec<Box<FrameTemplate>>,
}

#[derive(Default)]
struct Stats {
    recordings: u64,
    /// Aborted recordings by reason, and by where they were (function and line).
    aborted: BTreeMap<String, BTreeMap<String, u64>>,
    compile_time: Duration,
    compile_failures: u64,
    /// Loops given back to the interpreter (see `Jit::maybe_retire`).
    retired: u64,
    /// Uops the optimizer's passes removed and added, by pass (in pipeline order), over all
    /// traces.
    passes: Vec<(&'static str, usize, usize, usize)>,
    /// Uops recorded over all traces (before the optimizer).
    recorded_uops: usize,
    /// Trace trees that reached [`MAX_SIDE_TRACES`], and recordings refused because machine
    /// code reached [`MAX_CODE_BYTES`].
    full_trees: u64,
    over_budget: u64,
    /// The bytecodes traces refused as "mostly bytecodes run by the interpreter" ran through
    /// it, with their cost (see `compile::profitable`).
    refused_for: BTreeMap<&'static str, usize>,
}

/// The tracing JIT.
pub struct Jit {
    options: Options,
    backend: Box<dyn Backend>,
    arena: CodeArena,
    traces: Vec<CompiledLoop>,
    /// Root trace by loop (code object address, anchor).
    by_anchor: HashMap<LoopKey, TraceId>,
    recorder: Option<Recorder>,
    /// The counter whose heat started the recording.
    recording_counter: Counter,
    /// Aborted recordings per (code object address, counter).
    attempts: HashMap<(usize, Counter), u32>,
    /// Recordings per back-edge that ended because the loop ended (see `give_up`).
    early_exits: HashMap<(usize, Counter), u32>,
    /// While recording a side trace: the trace and exit it grows from.
    side_of: Option<(TraceId, ExitId)>,
    /// The exits (trace, exit) linked to each trace's entry from other traces.
    links_into: HashMap<TraceId, Vec<(TraceId, ExitId)>>,
    /// Loops given back to the interpreter.
    retired_loops: HashSet<LoopKey>,
    /// (address of its first exit record, trace) for every trace, sorted by address: each
    /// trace's records are one array, so the record an exit returns names its trace and exit
    /// without hashing (`exit_of`).
    record_arrays: Vec<(usize, TraceId)>,
    /// The continuation table of each function with a trace, by code object address: per
    /// instruction, where a return into an activation suspended at that call continues (the
    /// address of a continuation, or 0). `_RETURN_DISPATCH` reads it; boxed, so it never moves.
    continuation_tables: HashMap<usize, Box<[u64]>>,
    /// The state of each trace running, innermost last (boxed: helpers hold a pointer to it
    /// while its trace runs), and how many run: traces nest when Python code a trace calls
    /// back into enters another.
    #[allow(clippy::vec_box)] // boxed: the Vec grows while traces hold their context's address
    contexts: Vec<Box<TraceContext>>,
    running: usize,
    /// Machine code and data bytes of all traces (see [`MAX_CODE_BYTES`]).
    code_bytes: usize,
    stats: Stats,
    /// Statistics are counted for the prompt's `:stats`, not printed at the end.
    quiet_stats: bool,
}

impl Jit {
    pub fn new(options: Options) -> Jit {
        Jit {
            backend: Box::new(StencilBackend::host(options.cache)),
            options,
            arena: CodeArena::new(),
            traces: Vec::new(),
            by_anchor: HashMap::new(),
            recorder: None,
            recording_counter: Counter::Entry,
            attempts: HashMap::new(),
            early_exits: HashMap::new(),
            side_of: None,
            record_arrays: Vec::new(),
            links_into: HashMap::new(),
            retired_loops: HashSet::new(),
            continuation_tables: HashMap::new(),
            contexts: Vec::new(),
            running: 0,
            code_bytes: 0,
            stats: Stats::default(),
            quiet_stats: false,
        }
    }

    /// Installs a JIT in `vm` with back-edge threshold `threshold`.
    pub fn install(vm: &mut Vm, threshold: u32, options: Options) {
        vm.count_instructions = options.stats;
        vm.update_slow_path();
        vm.jit = Some(Box::new(Jit::new(options)));
        vm.jit_threshold = threshold.max(1);
    }

    fn trace(&self, id: TraceId) -> &CompiledLoop {
        &self.traces[id.index()]
    }

    fn start_recording(&mut self, vm: &mut Vm, mut recorder: Recorder) {
        if self.options.stats {
            recorder.count_bytecodes();
        }
        self.stats.recordings += 1;
        vm.recording_frame = recorder.frame_depth();
        self.recorder = Some(recorder);
        vm.set_recording(true);
    }

    fn give_up(&mut self, vm: &mut Vm, why: Abort) {
        vm.set_recording(false);
        let Some(recorder) = self.recorder.take() else { return };
        let at = vm
            .frames
            .last()
            .map_or(String::new(), |f| format!("{} line {}", f.code.code.name, f.code.code.line_of(f.pc)));
        *self.stats.aborted.entry(why.to_string()).or_default().entry(at).or_default() += 1;
        // A recording that reached the back-edge of another loop with no trace yet (an inner
        // loop, or for a side trace the loop around its own): that loop is recorded now (its
        // back-edge runs next), and this recording is retried without penalty once it has a
        // trace to link to, as LuaJIT does with inner loops. Not an inner loop whose own
        // recordings keep ending with the loop (it runs an iteration or none each time): it waits
        // out its backoff, and this recording counts as an attempt (else the two would take
        // turns recording forever).
        let early_exits = &self.early_exits;
        let primed = recorder.blocked_by().is_some_and(|(code, back_edge)| {
            let key = (code as *const CodeObject as usize, Counter::BackEdge(back_edge));
            if early_exits.get(&key).is_some_and(|&n| n > MAX_EARLY_EXITS) {
                return false;
            }
            let cache = &code.caches[back_edge][0];
            match cache.get() {
                Cache::NoTrace | Cache::Trace(_) => false,
                _ => {
                    cache.set(Cache::Counter(vm.jit_threshold.wrapping_sub(1)));
                    true
                }
            }
        });
        if let Some((id, exit)) = self.side_of.take() {
            if primed {
                return;
            }
            let attempts = &mut self.traces[id.index()].side_attempts[exit.index()];
            *attempts += 1;
            if why == Abort::Why(crate::jit::record::LOOP_EXIT) || why == Abort::Why(crate::jit::record::INNER_LOOP) {
                // The path from this exit leaves the loop (a `return` inside it, as in an
                // escape-time loop) or meets another loop that has no trace yet: no reason to
                // give this loop back (the attempts still back off).
                return;
            }
            if *attempts >= MAX_ATTEMPTS {
                self.maybe_retire(id, exit);
            }
            return;
        }
        let (code, _) = recorder.header();
        let key = (code as *const CodeObject as usize, self.recording_counter);
        let cache = self.recording_counter.cache(code);
        if primed {
            let early = self.early_exits.entry(key).or_default();
            *early += 1;
            if *early <= MAX_EARLY_EXITS {
                // Back after a full wait, by when the inner loop has its trace.
                cache.set(Cache::Counter(0));
                return;
            }
        }
        if why == Abort::Why(crate::jit::record::LOOP_EXIT) || why == Abort::Why(crate::jit::record::RAISED) {
            // The recording started on the loop's last iteration: nothing wrong with the loop.
            // Try again at its next back-edge (the wait would be a multiple of the threshold and
            // could land on the last iteration every time), a bounded number of times.
            let early = self.early_exits.entry(key).or_default();
            *early += 1;
            if *early <= MAX_EARLY_EXITS {
                cache.set(Cache::Counter(vm.jit_threshold.wrapping_sub(1)));
                return;
            }
            // Then after exponentially longer waits, never giving up: a loop whose first
            // iterations all leave early (the corners of a Mandelbrot grid escape at once) may
            // run long later. The wait is at least RETRY_WAIT back-edges even at a threshold
            // of 1, where a wait of a few iterations would spend every attempt on the same
            // short runs.
            let shift = (*early - MAX_EARLY_EXITS).min(16);
            let wait = vm.jit_threshold.max(RETRY_WAIT).saturating_mul(1 << shift);
            cache.set(Cache::Counter(vm.jit_threshold.wrapping_sub(wait)));
            return;
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

    /// The trace whose exit record is at `address`, and how it left.
    fn exit_of(&self, address: usize) -> Option<(TraceId, Left)> {
        let i = self.record_arrays.partition_point(|&(a, _)| a <= address).checked_sub(1)?;
        let id = self.record_arrays[i].1;
        Some((id, self.traces.get(id.index())?.compiled.left_by(address)?))
    }

    /// Gives a loop back to the interpreter when a trace of it leaves by `exit` on most entries
    /// and no side trace could grow there: entering and leaving on every iteration costs more
    /// than the trace saves.
    fn maybe_retire(&mut self, id: TraceId, exit: ExitId) {
        let t = self.trace(id);
        if t.trace.exit(exit).ends_loop {
            return;
        }
        let root = t.root;
        if t.compiled.exit_count(exit) * 2 < self.trace(root).entries {
            return;
        }
        self.retire(root);
    }

    /// Gives root trace `root` back to the interpreter: its counters stop entering it, no new
    /// recording links to it, and exits of other traces linked to it leave instead.
    fn retire(&mut self, root: TraceId) {
        let t = self.trace(root);
        let key = loop_key(t.code, t.anchor);
        if self.retired_loops.contains(&key) {
            return;
        }
        for &counter in &t.counters {
            counter.cache(t.code).set(Cache::NoTrace);
        }
        for &(from, exit) in self.links_into.get(&root).map_or(&[][..], |v| v.as_slice()) {
            self.traces[from.index()].compiled.unlink(exit);
        }
        self.by_anchor.remove(&key);
        self.retired_loops.insert(key);
        self.stats.retired += 1;
    }

    /// Function `code`'s continuation table (made empty on first use).
    fn continuation_table(&mut self, code: &'static CodeObject) -> &mut [u64] {
        self.continuation_tables
            .entry(code as *const CodeObject as usize)
            .or_insert_with(|| vec![0; code.code.instrs.len()].into_boxed_slice())
    }

    /// Starts a side trace from exit `exit` of trace `id` if it became hot. The interpreter is
    /// at the exit's instruction.
    fn maybe_grow_side_trace(&mut self, vm: &mut Vm, id: TraceId, exit: ExitId) {
        let t = self.trace(id);
        if !t.trace.exit(exit).side || self.recorder.is_some() {
            return;
        }
        let attempts = t.side_attempts[exit.index()];
        if attempts >= MAX_ATTEMPTS {
            return;
        }
        let root = t.root;
        if self.trace(root).side_traces >= MAX_SIDE_TRACES {
            // The tree is full: this exit stays an exit (and is not tried again).
            self.traces[id.index()].side_attempts[exit.index()] = MAX_ATTEMPTS;
            return;
        }
        let t = self.trace(id);
        let hot = if t.trace.exit(exit).continues { 1 } else { (vm.jit_threshold / HOT_EXIT_DIVISOR).max(1) as u64 };
        // At the threshold or past it (it may pass while another recording runs).
        if t.compiled.exit_count(exit) < hot << attempts {
            return;
        }
        let level = t.trace.exit(exit).level as isize;
        let root = self.trace(t.root);
        let (code, anchor) = (root.code, root.anchor);
        let (start_code, depth, pc, _, stack) = frame_slices(vm);
        let gc_flag = vm.heap.gc_requested.as_ptr() as u64;
        let header = match anchor {
            Anchor::Loop(header) => header,
            Anchor::Function => 0,
        };
        let mut side = Recorder::new_side(code, header, start_code, level, depth, pc, stack.len(), gc_flag);
        if anchor == Anchor::Function {
            side = side.of_function(self.continuation_table(code).as_ptr() as u64);
        }
        self.start_recording(vm, side);
        self.side_of = Some((id, exit));
    }
}

/// With `STITCH_CHECK_WX` set (tests), verifies that no mapping of the process is writable and
/// executable at once; exits with status 70 naming the mapping otherwise.
fn check_wx(when: &str) {
    match crate::jit::runtime::codemem::writable_and_executable_mappings() {
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
        let key = loop_key(code, Anchor::Loop(header));
        if let Some(&id) = self.by_anchor.get(&key) {
            // Another back-edge of a loop already compiled (`continue`): share the trace.
            code.caches[back_edge][0].set(Cache::Trace(id.0));
            self.traces[id.index()].counters.push(Counter::BackEdge(back_edge));
            return;
        }
        if self.retired_loops.contains(&key) {
            code.caches[back_edge][0].set(Cache::NoTrace);
            return;
        }
        let gc_flag = vm.heap.gc_requested.as_ptr() as u64;
        self.start_recording(vm, Recorder::new(code, depth, header, stack.len(), gc_flag));
        self.recording_counter = Counter::BackEdge(back_edge);
    }

    fn hot_function(&mut self, vm: &mut Vm) {
        let (code, depth, pc, _, _) = frame_slices(vm);
        if pc != 0 || code.code.is_generator() || self.recorder.is_some() {
            return;
        }
        if self.retired_loops.contains(&loop_key(code, Anchor::Function)) {
            code.entry.set(Cache::NoTrace);
            return;
        }
        let gc_flag = vm.heap.gc_requested.as_ptr() as u64;
        let table = self.continuation_table(code).as_ptr() as u64;
        self.start_recording(vm, Recorder::new_function(code, depth, gc_flag, table));
        self.recording_counter = Counter::Entry;
    }

    fn record(&mut self, vm: &mut Vm) {
        if self.recorder.is_none() {
            vm.set_recording(false);
            return;
        }
        let (code, depth, pc, locals, stack) = frame_slices(vm);
        let globals = vm.frames[depth].globals;
        let by_anchor = &self.by_anchor;
        let has_trace =
            |code: &'static CodeObject, pc: usize| by_anchor.contains_key(&loop_key(code, Anchor::Loop(pc)));
        let draining = matches!(vm.frames[depth].kind, crate::interpreter::FrameKind::Generator { sink: Some(_), .. });
        let top = &vm.frames[depth];
        // (Nor into a frame `Vm::step` runs one instruction of for a trace: that step ends with
        // the return, and the trace that made it goes on, not the interpreter.)
        let returnable = depth >= 1
            && !top.entry
            && !matches!(top.kind, crate::interpreter::FrameKind::Generator { .. })
            && depth - 1 != vm.step_frame;
        let frame = Frame {
            code,
            depth,
            pc,
            stack,
            locals,
            globals,
            builtins: vm.builtins,
            not_implemented: vm.singletons.not_implemented,
            tos_class: match (code.code.instrs[pc].op, stack.last()) {
                (crate::bytecode::Opcode::LOAD_ATTR, Some(&v)) => Some(vm.type_of(v)),
                _ => None,
            },
            inline_generator: !top.entry
                && matches!(
                    top.kind,
                    crate::interpreter::FrameKind::Generator { exhausted_target: Some(_), sink: None, .. }
                ),
            draining,
            returnable,
            caller: depth.checked_sub(1).map(|d| (vm.frames[d].code, vm.frames[d].pc)),
            has_trace: &has_trace,
        };
        let outcome = self.recorder.as_mut().map(|r| r.record(&frame));
        if let Some(r) = &self.recorder {
            vm.recording_frame = r.frame_depth();
        }
        match outcome {
            Some(Recorded::Continue) | None => {}
            Some(Recorded::Closed(trace)) => self.closed(vm, trace, pc),
            Some(Recorded::Aborted(why)) => self.give_up(vm, why),
        }
    }

    fn abort_recording(&mut self, vm: &mut Vm) {
        self.give_up(vm, Abort::Why("exception while recording"));
    }

    fn prepare(&mut self, vm: &mut Vm, id: u32) -> Option<TraceRun> {
        let lt = self.traces.get_mut(id as usize)?;
        lt.entries += 1;
        if lt.entries == 1 && std::env::var_os("STITCH_CHECK_WX").is_some() {
            check_wx("entering a trace");
        }
        let entry = lt.compiled.entry;
        // One context per trace running: a trace's helpers may run Python code that enters
        // another trace before the first returns.
        if self.running == self.contexts.len() {
            self.contexts.push(Box::new(TraceContext { state: JitState::detached(), error: None }));
        }
        let context = &mut self.contexts[self.running];
        self.running += 1;
        context.state.vm = vm as *mut Vm;
        context.state.stack = vm.stack_ptr();
        context.state.stack_slots = vm.stack_len() as u64;
        context.state.frames = &mut vm.frames;
        context.error = None;
        let state = &mut context.state as *mut JitState as *mut std::ffi::c_void;
        // SAFETY: the two function pointer types differ only in the type of the third
        // pointer, which `state` is (a JitState, the first field of its TraceContext).
        let entry = unsafe {
            std::mem::transmute::<
                TraceEntry,
                unsafe extern "C" fn(*mut Value, *mut Value, *mut std::ffi::c_void) -> usize,
            >(entry)
        };
        Some(TraceRun { entry, state })
    }

    fn leave(&mut self, vm: &mut Vm, _run: TraceRun, returned: usize) -> PyResult<()> {
        // Traces return in the order they were entered: this one used the last context.
        self.running -= 1;
        let (error, exit_sp) = {
            let context = &mut self.contexts[self.running];
            (context.error.take(), context.state.exit_sp)
        };
        let (left_trace, exit) = match self.exit_of(returned) {
            Some((id, Left::Exit(exit))) => (id, exit),
            Some((_, Left::Error)) => {
                // A helper raised; it left the frame as the interpreter would (pc past the
                // instruction). The interpreter unwinds from there.
                return match error {
                    Some(e) => Err(e),
                    None => {
                        Err(vm.new_error(vm.types.runtime_error, "internal error: JIT error exit without exception"))
                    }
                };
            }
            None => return Err(vm.new_error(vm.types.runtime_error, "internal error: unknown JIT exit")),
        };
        let point = *self.trace(left_trace).trace.exit(exit);
        let stack = vm.stack_ptr();
        // SAFETY: exit_sp was set by the exit stub to a slot of this frame's stack.
        let sp = unsafe { exit_sp.offset_from(stack) } as usize;
        let top = vm.frames.last_mut().expect("a running frame");
        if point.resume != Resume::Caller {
            top.pc = point.pc as usize;
        }
        top.sp = sp;
        vm.sp = sp;
        self.maybe_grow_side_trace(vm, left_trace, exit);
        Ok(())
    }

    fn finish(&mut self, vm: &mut Vm) {
        if self.options.stats && !self.quiet_stats {
            eprint!("{}", Jit::statistics(self, vm));
        }
    }

    fn statistics(&mut self, vm: &mut Vm) -> String {
        Jit::statistics(self, vm)
    }

    fn keep_dumps(&mut self, vm: &mut Vm, log: std::sync::Arc<std::sync::Mutex<String>>) {
        self.options.log = Some(log);
        self.options.dump_optimized = true;
        self.options.dump_asm = true;
        self.quiet_stats = !self.options.stats;
        self.options.stats = true;
        vm.count_instructions = true;
        vm.update_slow_path();
    }
}
