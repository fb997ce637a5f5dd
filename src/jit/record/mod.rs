//! The recorder: turns the bytecodes a hot loop actually executes into a trace of uops.
//!
//! Recording starts at a loop header (the target of a hot `JUMP_BACKWARD`) and follows the
//! interpreter one instruction at a time, *before* each executes, looking at the values it is
//! about to work on. Each instruction becomes guards on what was seen (the types of its operands,
//! the direction of a branch, the kind of iterator) followed by uops specialized for it; every
//! guard exits at the instruction it belongs to, so the interpreter simply re-executes it. The
//! recording closes when control returns to the header through a back-edge in the same frame,
//! and aborts, with a reason, on anything it cannot translate.
//!
//! The recorder tracks what it knows about each stack slot and local along the iteration
//! ([`Ty`]), so a value guarded once (or produced by a typed uop) is not guarded again. At the
//! start of each iteration nothing is known: types may change from one iteration to the next.
//! Locals read before they are written in the loop get one boundness check in a *preamble* that
//! runs once on entry, before the loop head: nothing inside a trace can unbind a local.
//!
//! Calls to Python functions are followed into the callee (*inlined*): a guard on the callee's
//! identity and argument layout, then `_PUSH_FRAME`, which pushes a real frame exactly as the
//! interpreter's `CALL` does; the callee's bytecodes are recorded in that frame, and its return
//! is `_POP_FRAME`. Because the frames are real, every exit inside a callee resumes the
//! interpreter in the callee with nothing to rebuild. The recorder keeps one [`FrameState`] per
//! frame *level* (0 is the loop's frame); a side trace that starts inside a callee learns about
//! the frames below it when it returns into them.

use crate::bytecode::{BinaryOp, Opcode};
use crate::interpreter::code::Cache;
use crate::interpreter::code::CodeObject;
use crate::runtime::object::{IterState, ObjKind};
use crate::runtime::value::{ObjRef, Value};

use crate::jit::runtime::abi::FrameTemplate;
use crate::jit::ir::{ExitId, ExitPoint, Trace, TraceKind, TraceOp};
use crate::jit::ir::uops::Uop::{self, *};

/// The abort reason of a recording that reached the end of its loop.
pub const LOOP_EXIT: &str = "loop exit while recording";

/// The longest trace recorded (in uops); longer loops abort.
pub const MAX_TRACE_LENGTH: usize = 800;

/// How many frames deep a trace follows calls; deeper calls run in the interpreter.
pub const MAX_INLINE_DEPTH: usize = 8;

/// What the recorder knows about a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Unknown,
    Int,
    Float,
    Bool,
    /// The NULL of a call's self-or-null slot.
    Null,
    /// Any other (non-null) value.
    Other,
}

fn ty_of(v: Value) -> Ty {
    match v {
        Value::Null => Ty::Null,
        Value::Int(_) => Ty::Int,
        Value::Float(_) => Ty::Float,
        Value::Bool(_) => Ty::Bool,
        _ => Ty::Other,
    }
}

/// Why a recording was abandoned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abort {
    /// An instruction the recorder does not translate (yet).
    Opcode(Opcode),
    /// Anything else, said in words.
    Why(&'static str),
    /// (Internal) no specialization for the values seen: run the bytecode in the interpreter.
    Generic,
}

impl std::fmt::Display for Abort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Abort::Opcode(op) => write!(f, "unsupported opcode {}", op.name()),
            Abort::Why(why) => f.write_str(why),
            Abort::Generic => f.write_str("no specialization"),
        }
    }
}

impl From<&'static str> for Abort {
    fn from(why: &'static str) -> Abort {
        Abort::Why(why)
    }
}

/// How recording one instruction went.
#[derive(Debug)]
pub enum Recorded {
    /// Keep recording.
    Continue,
    /// The loop closed: here is the trace.
    Closed(Trace),
    /// Recording failed, for this reason.
    Aborted(Abort),
}

/// What the interpreter shows the recorder before an instruction runs.
pub struct Frame<'a> {
    pub code: &'static CodeObject,
    /// Index of the frame on the VM's frame stack.
    pub depth: usize,
    pub pc: usize,
    /// The frame's value stack (bottom first).
    pub stack: &'a [Value],
    /// The frame's fast locals.
    pub locals: &'a [Value],
    /// The module dict its globals resolve in, and the builtins dict.
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// Whether the frame is a generator that Rust code drains into a list (yields do not
    /// suspend it).
    pub draining: bool,
    /// Whether instruction `pc` of `code` is the header of a loop with a compiled trace.
    pub has_trace: &'a dyn Fn(&'static CodeObject, usize) -> bool,
}

/// How much the recorder knows about the locals of a frame it records in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// Recording started in it: locals read before written get checked once, in the preamble.
    Start,
    /// The trace entered it with `_PUSH_FRAME` (or `_CREATE_INIT_FRAME`): every local is bound exactly when written
    /// (parameters from the start).
    Entered,
    /// A side trace returned into it: nothing known; locals are checked where read.
    Returned,
}

/// What the recorder knows about one frame along the trace.
struct FrameState {
    code: &'static CodeObject,
    /// Index of `code` in [`Recorder::codes`].
    code_index: u16,
    origin: Origin,
    /// An `__init__` entered by a class call: its caller receives the instance.
    init: bool,
    /// Locals known bound along this iteration.
    bound: Vec<bool>,
    /// What is known about locals and the value stack.
    locals: Vec<Ty>,
    stack: Vec<Ty>,
}

/// The recording of one loop.
pub struct Recorder {
    /// The loop: its code object and header.
    code: &'static CodeObject,
    header: usize,
    /// The loop's last back-edge: a loop trace that gets past it (or before the header) in the
    /// loop's frame has left the loop.
    loop_end: usize,
    /// Index of the loop's frame on the VM's frame stack.
    loop_depth: usize,
    /// Address of the collector's "collection due" flag, checked at the back-edge.
    gc_flag: u64,
    trace: Trace,
    /// Boundness checks of locals read before written (run once, before the loop).
    preamble: Vec<TraceOp>,
    /// The frames the trace runs in, from `base_level` (the loop's frame is level 0) up to the
    /// running one, last. Empty between a return past the lowest known frame and the next
    /// instruction, which shows the frame returned to.
    frames: Vec<FrameState>,
    base_level: usize,
    /// The code objects uops and exits refer to by index (`TraceOp::code`); the loop's first.
    codes: Vec<&'static CodeObject>,
    /// Objects the trace's guards compare against by address (callees): the trace must keep
    /// them alive, or another object could reuse the address.
    keep_alive: Vec<ObjRef>,
    /// The frame records `_PUSH_FRAME` uops copy (their operand is the address).
    #[allow(clippy::vec_box)] // boxed: uops hold their addresses while the Vec grows
    templates: Vec<Box<FrameTemplate>>,
    /// A side trace (recorded from a hot exit, ends by jumping back to its loop) rather than a
    /// loop trace.
    side: bool,
    /// Where recording started (the header, or the exit's instruction) and in which frame level.
    start_pc: usize,
    start_code: u16,
    start_level: usize,
    /// `--stats`: the counter of bytecodes completed in machine code, and how many completed
    /// since the last `_ADD_TO_COUNTER`.
    counter: Option<u64>,
    pending: u64,
    /// The instruction being recorded (uops emitted now come from it).
    current_pc: usize,
    /// The `UNPACK_SEQUENCE` (code index, pc) a fused `_FOR_ITER_ENUMERATE_LIST` already did.
    unpacked: Option<(u16, usize)>,
    /// Whether an instruction was recorded yet (a side trace never links at its first).
    started: bool,
    /// The loop (code, header) whose trace this one ends by linking to, if another's.
    link_to: Option<(&'static CodeObject, usize)>,
    /// A function trace (from the function's entry to its return) or one of its side traces,
    /// rather than a loop's.
    function: bool,
    /// The address of the function's continuation table (see `_RETURN_DISPATCH`).
    continuation_table: u64,
    /// Inside a recursive call the trace made (`_PUSH_FRAME`, `_JUMP_TO_TOP`): the callee's
    /// instructions are not recorded; its return is the next continuation.
    recursing: bool,
    /// `--stats`: the instruction being recorded was counted already.
    counted: bool,
    /// What lives at the addresses uops name (functions, shapes, versions), for dumps.
    names: Vec<(u64, String)>,
}

impl FrameState {
    fn new(code: &'static CodeObject, code_index: u16, origin: Origin, stack_depth: usize) -> FrameState {
        FrameState {
            code,
            code_index,
            origin,
            init: false,
            bound: vec![false; code.nlocalsplus],
            locals: vec![Ty::Unknown; code.nlocalsplus],
            stack: vec![Ty::Unknown; stack_depth],
        }
    }
}

impl Recorder {
    /// Starts recording the loop whose header is instruction `header` of `code`, running in
    /// frame `depth` with `stack_depth` values on its stack.
    pub fn new(code: &'static CodeObject, depth: usize, header: usize, stack_depth: usize, gc_flag: u64) -> Recorder {
        // The loop's extent: from the header to its last back-edge.
        let instrs = &code.code.instrs;
        let loop_end = (header..instrs.len())
            .filter(|&i| instrs[i].op == Opcode::JUMP_BACKWARD && instrs[i].arg as usize == header)
            .max()
            .unwrap_or(instrs.len());
        Recorder {
            code,
            header,
            loop_end,
            loop_depth: depth,
            gc_flag,
            trace: Trace::default(),
            preamble: Vec::new(),
            frames: vec![FrameState::new(code, 0, Origin::Start, stack_depth)],
            base_level: 0,
            codes: vec![code],
            keep_alive: Vec::new(),
            templates: Vec::new(),
            side: false,
            start_pc: header,
            start_code: 0,
            start_level: 0,
            counter: None,
            pending: 0,
            current_pc: header,
            unpacked: None,
            started: false,
            link_to: None,
            function: false,
            continuation_table: 0,
            recursing: false,
            counted: false,
            names: vec![(gc_flag, "the collector's flag".to_string())],
        }
    }

    /// Starts recording the function whose frame the interpreter just pushed (frame `depth`,
    /// at its first instruction), from its entry to its return.
    /// `continuation_table` is the function's (see `_RETURN_DISPATCH`).
    pub fn new_function(code: &'static CodeObject, depth: usize, gc_flag: u64, continuation_table: u64) -> Recorder {
        let mut r = Recorder::new(code, depth, 0, 0, gc_flag);
        r.function = true;
        r.continuation_table = continuation_table;
        r.loop_end = usize::MAX;
        // The call bound the parameters (the interpreter's fast path: exactly those); the
        // other locals are unbound.
        let f = &mut r.frames[0];
        f.origin = Origin::Entered;
        let params = (code.code.argcount as usize).min(f.bound.len());
        f.bound[..params].fill(true);
        r
    }

    /// Makes a side trace one of a function trace's (see `new_side`), with the function's
    /// continuation table.
    pub fn of_function(mut self, continuation_table: u64) -> Recorder {
        self.function = true;
        self.header = 0;
        self.loop_end = usize::MAX;
        self.continuation_table = continuation_table;
        self
    }

    /// Whether this records a function trace (or a side trace of one).
    pub fn is_function(&self) -> bool {
        self.function
    }

    /// Starts recording a side trace from a hot exit of the loop at `header` of `loop_code`:
    /// from the exit's instruction `start_pc` of `start_code`, running in frame `depth`, which is
    /// `level` frames above the loop's, until control is back at the header in the loop's frame.
    /// The trace ends with a safepoint check and an exit ([`Trace::link_exit`]) that the engine
    /// links to the loop.
    #[allow(clippy::too_many_arguments)]
    pub fn new_side(
        loop_code: &'static CodeObject,
        header: usize,
        start_code: &'static CodeObject,
        level: usize,
        depth: usize,
        start_pc: usize,
        stack_depth: usize,
        gc_flag: u64,
    ) -> Recorder {
        let mut r = Recorder::new(loop_code, depth.saturating_sub(level), header, stack_depth, gc_flag);
        let index = r.code_index(start_code);
        r.frames = vec![FrameState::new(start_code, index, Origin::Start, stack_depth)];
        r.base_level = level;
        r.start_level = level;
        r.start_code = index;
        r.side = true;
        r.start_pc = start_pc;
        r.current_pc = start_pc;
        r
    }

    /// Counts the bytecodes the trace completes in machine code into the u64 at `counter`
    /// (`--stats`): an `_ADD_TO_COUNTER` before every uop that can exit and at the end, so a
    /// bytecode counts only once it is done (an exit re-runs it in the interpreter).
    pub fn count_into(&mut self, counter: u64) {
        self.counter = Some(counter);
        self.name(counter, "the bytecode counter".to_string());
    }

    /// Says what lives at `address` (for dumps).
    fn name(&mut self, address: u64, what: String) {
        if !self.names.iter().any(|(a, _)| *a == address) {
            self.names.push((address, what));
        }
    }

    /// What the recorder knows lives at the addresses its uops name.
    pub fn names(&self) -> &[(u64, String)] {
        &self.names
    }

    fn flush_count(&mut self) {
        if let (Some(counter), n @ 1..) = (self.counter, self.pending) {
            self.trace.ops.push(TraceOp::new(_ADD_TO_COUNTER).operands(counter, n));
            self.pending = 0;
        }
    }

    /// The loop being recorded: its code object and header.
    pub fn header(&self) -> (&'static CodeObject, usize) {
        (self.code, self.header)
    }

    /// The code objects the trace's uops and exits refer to (`TraceOp::code`).
    pub fn codes(&self) -> &[&'static CodeObject] {
        &self.codes
    }

    /// The objects the trace must keep alive (see `keep_alive`).
    pub fn keep_alive(&self) -> &[ObjRef] {
        &self.keep_alive
    }

    /// The frame templates the trace's `_PUSH_FRAME` uops point to: the compiled trace must
    /// keep them.
    pub fn take_templates(&mut self) -> Vec<Box<FrameTemplate>> {
        std::mem::take(&mut self.templates)
    }

    fn code_index(&mut self, code: &'static CodeObject) -> u16 {
        match self.codes.iter().position(|c| std::ptr::eq(*c, code)) {
            Some(i) => i as u16,
            None => {
                self.codes.push(code);
                (self.codes.len() - 1) as u16
            }
        }
    }

    /// The frame being recorded in (there is one whenever an instruction is recorded).
    fn cur(&mut self) -> &mut FrameState {
        let n = self.frames.len();
        &mut self.frames[n - 1]
    }

    fn cur_ref(&self) -> &FrameState {
        &self.frames[self.frames.len() - 1]
    }

    /// The level of the running frame (0: the loop's).
    fn level(&self) -> usize {
        self.base_level + self.frames.len() - 1
    }

    /// The exit at instruction `pc` of the running frame (one per instruction and kind: `side`
    /// for a guard's, where side traces may grow).
    fn exit_at(&mut self, pc: usize, side: bool) -> ExitId {
        let (code, level) = (self.cur_ref().code_index, self.level() as u16);
        let pc = pc as u32;
        let same = |e: &ExitPoint| e.pc == pc && e.code == code && e.level == level && e.side == side;
        match self.trace.exits.iter().position(same) {
            Some(i) => ExitId(i as u32),
            None => {
                let point = if side { ExitPoint::guard(pc) } else { ExitPoint::plain(pc) };
                self.trace.add_exit(point.in_frame(code, level))
            }
        }
    }

    fn exit(&mut self, pc: usize) -> ExitId {
        self.exit_at(pc, true)
    }

    fn emit(&mut self, mut op: TraceOp) {
        if op.exit.is_some() {
            self.flush_count();
        }
        op.pc = Some(self.current_pc as u32);
        op.code = self.cur_ref().code_index;
        op.level = self.level() as u16;
        self.trace.ops.push(op);
    }

    /// Emits a guard that exits at `pc`.
    fn guard(&mut self, uop: Uop, pc: usize) {
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).exit(e));
    }

    fn top(&self, n: usize) -> Ty {
        let stack = &self.cur_ref().stack;
        stack[stack.len() - n]
    }

    fn set_top(&mut self, n: usize, ty: Ty) {
        let stack = &mut self.cur().stack;
        let len = stack.len();
        stack[len - n] = ty;
    }

    fn push(&mut self, ty: Ty) {
        self.cur().stack.push(ty);
    }

    fn pop(&mut self, n: usize) {
        let stack = &mut self.cur().stack;
        let len = stack.len();
        stack.truncate(len - n);
    }

    fn load_local(&mut self, index: usize, value: Value) -> Result<(), &'static str> {
        if value.is_null() {
            return Err("unbound local");
        }
        let f = self.cur();
        let (bound, origin) = (f.bound[index], f.origin);
        f.bound[index] = true;
        match (bound, origin) {
            (true, _) => self.emit(TraceOp::new(_LOAD_FAST).oparg(index as u32)),
            (false, Origin::Start) => {
                // Read before written in this iteration: check once, on entry.
                self.preamble.push(TraceOp::new(_LOAD_FAST_CHECK).oparg(index as u32));
                self.preamble.push(TraceOp::new(_POP_TOP));
                self.emit(TraceOp::new(_LOAD_FAST).oparg(index as u32));
            }
            (false, _) => {
                // Not known bound (a frame a side trace returned into): check where read, then it
                // stays bound.
                let e = self.exit(self.current_pc);
                self.emit(TraceOp::new(_LOAD_FAST_CHECK).oparg(index as u32).exit(e));
            }
        }
        let ty = self.cur_ref().locals[index];
        self.push(ty);
        Ok(())
    }

    fn store_local(&mut self, index: usize) {
        self.emit(TraceOp::new(_STORE_FAST).oparg(index as u32));
        let ty = self.top(1);
        let f = self.cur();
        f.locals[index] = ty;
        f.bound[index] = true;
        self.pop(1);
    }

    /// Guards that the value `n` from the top has type `ty` (as seen), unless already known.
    fn guard_type(&mut self, n: usize, ty: Ty, pc: usize) {
        if self.top(n) == ty {
            return;
        }
        let uop = match (ty, n) {
            (Ty::Int, 1) => _GUARD_TOS_INT,
            (Ty::Int, 2) => _GUARD_NOS_INT,
            (Ty::Float, 1) => _GUARD_TOS_FLOAT,
            (Ty::Float, 2) => _GUARD_NOS_FLOAT,
            _ => unreachable!("only ints and floats are guarded by type"),
        };
        self.guard(uop, pc);
        self.set_top(n, ty);
    }

    /// Checks that the interpreter is where the recording expects it: in the running frame, or
    /// (`Ok(false)`: not to be recorded) inside a call that a stepped bytecode makes. After a
    /// return past the lowest known frame, the frame returned to becomes known here.
    fn in_step(&mut self, frame: &Frame) -> Result<bool, Abort> {
        if self.frames.is_empty() {
            if self.base_level == 0 && !std::ptr::eq(frame.code, self.code) {
                return Err("left the loop's frame".into());
            }
            let index = self.code_index(frame.code);
            self.frames.push(FrameState::new(frame.code, index, Origin::Returned, frame.stack.len()));
        }
        let expected = self.loop_depth + self.level();
        if self.recursing && frame.depth == expected {
            self.continue_after_recursion(frame)?;
        }
        if frame.depth > expected {
            if self.recursing || self.trace.ops.last().is_some_and(|op| matches!(op.uop, _EXECUTE_BYTECODE | _CALL)) {
                // Inside a call the trace makes through the interpreter: not part of the trace.
                return Ok(false);
            }
            return Err("entered a frame unexpectedly (internal)".into());
        }
        if frame.depth < expected || !std::ptr::eq(frame.code, self.cur_ref().code) {
            return Err("left the loop's frame".into());
        }
        if frame.stack.len() != self.cur_ref().stack.len() {
            return Err("stack depth out of step (internal)".into());
        }
        Ok(true)
    }

    /// Records one instruction: specialized when the recorder knows how, else (for the many
    /// bytecodes that neither jump nor leave the frame) as `_EXECUTE_BYTECODE`, which runs it in
    /// the interpreter from inside the trace.
    fn record_one(&mut self, frame: &Frame) -> Result<Option<Trace>, Abort> {
        if !self.in_step(frame)? {
            return Ok(None);
        }
        self.current_pc = frame.pc;
        let own_header = frame.pc == self.header && self.level() == 0;
        if !self.side && self.level() == 0 && (frame.pc < self.header || frame.pc > self.loop_end) {
            // The recording started on the loop's last iteration (a `while` loop's test at its
            // header failed): what follows is not the loop.
            return Err(LOOP_EXIT.into());
        }
        if self.started && !own_header && (frame.has_trace)(frame.code, frame.pc) {
            // Arrived (not by a back-edge) at a loop that has a trace: continue in it.
            self.link_to = Some((frame.code, frame.pc));
            return Ok(Some(self.close_linked(frame.pc)));
        }
        self.started = true;
        let depth = self.cur_ref().stack.len();
        let preamble = self.preamble.len();
        let ops = self.trace.ops.len();
        let exits = self.trace.exits.len();
        let pending = self.pending;
        let keep = self.keep_alive.len();
        match self.record_specialized(frame) {
            Err(Abort::Generic) | Err(Abort::Opcode(_)) => {}
            Ok(None) => {
                if !std::mem::take(&mut self.counted) {
                    self.pending += 1;
                }
                return Ok(None);
            }
            other => return other,
        }
        self.pending = pending;
        // Undo what the specialized attempt may have emitted or assumed.
        self.trace.ops.truncate(ops);
        self.trace.exits.truncate(exits);
        self.preamble.truncate(preamble);
        self.keep_alive.truncate(keep);
        self.cur().stack.resize(depth, Ty::Unknown);
        let instr = frame.code.code.instrs[frame.pc];
        if !steppable(instr.op) {
            return Err(Abort::Opcode(instr.op));
        }
        self.emit(TraceOp::new(_EXECUTE_BYTECODE).operands(frame.pc as u64, 0));
        // The stack effect is known, not what was pushed; what lies below the values the
        // instruction consumes keeps its type (when the recorder knows how many it consumes).
        // Fast locals are untouched but for the cells made at a function's start.
        let new_depth = depth as i64 + instr.op.stack_effect(instr.arg, false) as i64;
        if new_depth < 0 {
            return Err(Abort::Why("stack underflow (internal)"));
        }
        let kept = stack_inputs(instr.op, instr.arg).map_or(0, |n| depth.saturating_sub(n)).min(new_depth as usize);
        let f = self.cur();
        f.stack.truncate(kept);
        f.stack.resize(new_depth as usize, Ty::Unknown);
        if instr.op == Opcode::MAKE_CELL {
            f.locals[instr.arg as usize] = Ty::Other;
            f.bound[instr.arg as usize] = true;
        }
        if instr.op == Opcode::COPY_FREE_VARS {
            let n = f.locals.len();
            for i in n.saturating_sub(instr.arg as usize)..n {
                f.locals[i] = Ty::Other;
                f.bound[i] = true;
            }
        }
        Ok(None)
    }

    /// Records the instruction the interpreter is about to execute.
    pub fn record(&mut self, frame: &Frame) -> Recorded {
        match self.record_one(frame) {
            Ok(None) if self.trace.ops.len() + self.preamble.len() > MAX_TRACE_LENGTH => {
                Recorded::Aborted(Abort::Why("trace too long"))
            }
            Ok(None) => Recorded::Continue,
            Ok(Some(trace)) => Recorded::Closed(trace),
            Err(reason) => Recorded::Aborted(reason),
        }
    }

    fn record_specialized(&mut self, frame: &Frame) -> Result<Option<Trace>, Abort> {
        let pc = frame.pc;
        let code = frame.code;
        let instr = code.code.instrs[pc];
        let arg = instr.arg;
        let peek = |n: usize| frame.stack[frame.stack.len() - n];
        match instr.op {
            Opcode::NOP => {}
            Opcode::POP_TOP => {
                self.emit(TraceOp::new(_POP_TOP));
                self.pop(1);
            }
            Opcode::PUSH_NULL => {
                self.emit(TraceOp::new(_PUSH_NULL));
                self.push(Ty::Null);
            }
            Opcode::COPY => {
                self.emit(TraceOp::new(_COPY).oparg(arg));
                self.push(self.top(arg as usize));
            }
            Opcode::SWAP => {
                self.emit(TraceOp::new(_SWAP).oparg(arg));
                let stack = &mut self.cur().stack;
                let len = stack.len();
                stack.swap(len - 1, len - arg as usize);
            }
            Opcode::LOAD_CONST => {
                let v = code.consts[arg as usize];
                self.emit(TraceOp::new(_LOAD_CONST_INLINE).operands(v.tag(), payload(v)));
                self.push(ty_of(v));
            }
            Opcode::LOAD_FAST => self.load_local(arg as usize, frame.locals[arg as usize]).map_err(Abort::Why)?,
            Opcode::STORE_FAST => self.store_local(arg as usize),
            Opcode::LOAD_FAST_LOAD_FAST => {
                let (a, b) = ((arg >> 4) as usize, (arg & 15) as usize);
                self.load_local(a, frame.locals[a]).map_err(Abort::Why)?;
                self.load_local(b, frame.locals[b]).map_err(Abort::Why)?;
            }
            Opcode::STORE_FAST_LOAD_FAST => {
                let (a, b) = ((arg >> 4) as usize, (arg & 15) as usize);
                self.store_local(a);
                // The value just stored is what b holds when a == b.
                let vb = if a == b { peek(1) } else { frame.locals[b] };
                self.load_local(b, vb).map_err(Abort::Why)?;
            }
            Opcode::STORE_FAST_STORE_FAST => {
                self.store_local((arg >> 4) as usize);
                self.store_local((arg & 15) as usize);
            }
            Opcode::BINARY_OP => self.binary_op(arg, peek(2), peek(1), pc).map_err(|_| Abort::Generic)?,
            Opcode::COMPARE_OP => {
                let (ty, uop) = match (peek(2), peek(1)) {
                    (Value::Int(_), Value::Int(_)) => (Ty::Int, _COMPARE_OP_INT),
                    (Value::Float(_), Value::Float(_)) => (Ty::Float, _COMPARE_OP_FLOAT),
                    _ => return Err(Abort::Generic),
                };
                self.guard_type(2, ty, pc);
                self.guard_type(1, ty, pc);
                self.emit(TraceOp::new(uop).oparg(arg));
                self.pop(1);
                self.set_top(1, Ty::Bool);
            }
            Opcode::IS_OP => {
                self.emit(TraceOp::new(_IS_OP).oparg(arg));
                self.pop(1);
                self.set_top(1, Ty::Bool);
            }
            Opcode::UNARY_NEGATIVE => match peek(1) {
                Value::Int(i) if i != i64::MIN => {
                    self.guard_type(1, Ty::Int, pc);
                    self.guard(_UNARY_NEGATIVE_INT, pc);
                }
                Value::Float(_) => {
                    self.guard_type(1, Ty::Float, pc);
                    self.emit(TraceOp::new(_UNARY_NEGATIVE_FLOAT));
                }
                _ => return Err(Abort::Generic),
            },
            Opcode::UNARY_NOT => {
                if !matches!(peek(1), Value::Bool(_)) {
                    return Err(Abort::Generic);
                }
                if self.top(1) != Ty::Bool {
                    self.guard(_GUARD_TOS_BOOL, pc);
                    self.set_top(1, Ty::Bool);
                }
                self.emit(TraceOp::new(_UNARY_NOT));
            }
            Opcode::JUMP_IF_TRUE_OR_POP | Opcode::JUMP_IF_FALSE_OR_POP => {
                // On a bool only: the value is the expression's result when the jump is taken.
                let Value::Bool(truth) = peek(1) else { return Err("short-circuit on another type".into()) };
                self.guard(if truth { _GUARD_IS_TRUE } else { _GUARD_IS_FALSE }, pc);
                self.set_top(1, Ty::Bool);
                if truth != (instr.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                    self.emit(TraceOp::new(_POP_TOP));
                    self.pop(1);
                }
            }
            Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                let v = peek(1);
                let truth = match v {
                    // The guards check the tag themselves.
                    Value::Bool(b) => b,
                    Value::Int(i) => {
                        self.guard_type(1, Ty::Int, pc);
                        self.emit(TraceOp::new(_TO_BOOL_INT));
                        self.set_top(1, Ty::Bool);
                        i != 0
                    }
                    _ => return Err("branch on another type".into()),
                };
                let jumped = truth == (instr.op == Opcode::POP_JUMP_IF_TRUE);
                self.branch_guard(if truth { _GUARD_IS_TRUE_POP } else { _GUARD_IS_FALSE_POP }, pc, jumped, arg);
                self.pop(1);
            }
            Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                let none = peek(1).is_none();
                let jumped = none == (instr.op == Opcode::POP_JUMP_IF_NONE);
                self.branch_guard(if none { _GUARD_IS_NONE_POP } else { _GUARD_IS_NOT_NONE_POP }, pc, jumped, arg);
                self.pop(1);
            }
            Opcode::JUMP_FORWARD => {}
            Opcode::JUMP_BACKWARD => {
                let own = arg as usize == self.header && self.level() == 0 && !self.function;
                if !own && !(frame.has_trace)(code, arg as usize) {
                    return Err("inner loop".into());
                }
                let safepoint = self.exit_at(pc, false);
                if self.counter.is_some() {
                    // `--stats`: the back-edge is done once the safepoint check passed (if it
                    // leaves, the interpreter runs the back-edge and counts it).
                    self.flush_count();
                    self.emit(TraceOp::new(_CHECK_SAFEPOINT).operands(self.gc_flag, 0).exit(safepoint));
                    self.pending = 1;
                    self.flush_count();
                }
                if own && !self.side {
                    self.emit(TraceOp::new(_JUMP_TO_TOP).operands(self.gc_flag, 0).exit(safepoint));
                    return Ok(Some(self.finish()));
                }
                // A side trace back at its loop, or any trace at another loop that has a trace:
                // check the safepoint, then continue in that loop's trace through a link.
                if self.counter.is_none() {
                    self.emit(TraceOp::new(_CHECK_SAFEPOINT).operands(self.gc_flag, 0).exit(safepoint));
                }
                if !own {
                    self.link_to = Some((code, arg as usize));
                }
                return Ok(Some(self.close_linked(pc)));
            }
            Opcode::CALL => {
                let n = arg as usize;
                let callee = frame.stack.len().checked_sub(n + 2).map(|i| frame.stack[i]);
                let recursive = match callee {
                    Some(Value::Obj(o)) => match &o.kind {
                        ObjKind::Function(f) => {
                            self.function
                                && self.level() == 0
                                && std::ptr::eq(f.code, self.code)
                                && self.top(n + 1) == Ty::Null
                                && !(pc >= 1 && code.code.instrs[pc - 1].op == Opcode::KW_NAMES)
                        }
                        _ => false,
                    },
                    _ => false,
                };
                match callee {
                    Some(Value::Obj(o)) if recursive => {
                        let ObjKind::Function(f) = &o.kind else { unreachable!() };
                        if let Some(trace) = self.recursive_call(o, f, arg, pc)? {
                            return Ok(Some(trace));
                        }
                    }
                    _ => self.call(frame, arg, pc)?,
                }
            }
            Opcode::RETURN_VALUE | Opcode::RETURN_CONST => {
                if self.level() == 0 && !self.function {
                    // Returning from the loop's frame: the loop ended while recording.
                    return Err(LOOP_EXIT.into());
                }
                if instr.op == Opcode::RETURN_CONST {
                    let v = code.consts[arg as usize];
                    self.emit(TraceOp::new(_LOAD_CONST_INLINE).operands(v.tag(), payload(v)));
                    self.push(ty_of(v));
                }
                if self.level() == 0 {
                    return Ok(Some(self.return_to_caller()));
                }
                // `__init__` returns the instance (the helper checks it returned None). A frame
                // this trace pushed for a function is an ordinary call's; others are checked.
                let ty = if self.cur_ref().init { Ty::Other } else { self.top(1) };
                let ordinary = self.cur_ref().origin == Origin::Entered && !self.cur_ref().init;
                self.emit(TraceOp::new(if ordinary { _POP_FRAME } else { _POP_FRAME_CHECKED }));
                self.frames.pop();
                match self.frames.last_mut() {
                    Some(caller) => caller.stack.push(ty),
                    // A side trace returned below the frame it started in: the next instruction
                    // shows that frame (see `in_step`).
                    None => self.base_level -= 1,
                }
            }
            Opcode::LOAD_DEREF => {
                let slot = code.nlocals + arg as usize;
                let e = self.exit(pc);
                self.emit(TraceOp::new(_LOAD_DEREF).oparg(slot as u32).exit(e));
                self.push(Ty::Unknown);
            }
            Opcode::LOAD_GLOBAL => self.load_global(frame, arg, pc)?,
            Opcode::LOAD_ATTR => self.load_attr(peek(1), arg, pc)?,
            Opcode::STORE_ATTR => {
                let (shape, slot) = self.instance_slot(peek(1), pc, true).ok_or(Abort::Generic)?;
                self.guard_shape(peek(1), shape, pc);
                self.emit(TraceOp::new(_STORE_ATTR_INSTANCE_VALUE).operands(slot, 0));
                self.pop(2);
            }
            Opcode::FOR_ITER => {
                let (uop, more) = match peek(1) {
                    Value::Obj(o) => match &o.kind {
                        ObjKind::Iterator(state) => match &*state.borrow() {
                            IterState::Range { next, stop, step } => {
                                (_FOR_ITER_RANGE, if *step > 0 { next < stop } else { next > stop })
                            }
                            IterState::Seq { seq, index } => match &seq.kind {
                                ObjKind::List(items) => (_FOR_ITER_LIST, *index < items.borrow().len()),
                                ObjKind::Tuple(items) => (_FOR_ITER_TUPLE, *index < items.len()),
                                _ => return Err("iteration over another sequence".into()),
                            },
                            IterState::Exhausted => (_FOR_ITER_LIST, false),
                            IterState::Enumerate { it, count } => {
                                let unpacks = code
                                    .code
                                    .instrs
                                    .get(pc + 1)
                                    .is_some_and(|next| next.op == Opcode::UNPACK_SEQUENCE && next.arg == 2);
                                let Value::Obj(inner) = it else { return Err("enumerate over a non-object".into()) };
                                let ObjKind::Iterator(inner) = &inner.kind else {
                                    return Err("enumerate over another iterator".into());
                                };
                                let more = match &*inner.borrow() {
                                    IterState::Seq { seq, index } => match &seq.kind {
                                        ObjKind::List(items) => *index < items.borrow().len(),
                                        _ => return Err("enumerate over another iterator".into()),
                                    },
                                    IterState::Exhausted => false,
                                    _ => return Err("enumerate over another iterator".into()),
                                };
                                if !unpacks || !matches!(count, Value::Int(_)) {
                                    return Err("enumerate not unpacked into two names".into());
                                }
                                (_FOR_ITER_ENUMERATE_LIST, more)
                            }
                            _ => return Err("iteration over another iterator".into()),
                        },
                        _ => return Err("iteration over a generator or other object".into()),
                    },
                    _ => return Err("iteration over a non-object".into()),
                };
                if !more {
                    if !self.side && !self.function && self.level() == 0 && pc == self.header {
                        return Err(LOOP_EXIT.into());
                    }
                    // The loop ends here (a side trace grown from a loop's end, or a loop in a
                    // callee that has nothing to do): the interpreter pops the iterator and
                    // jumps past the loop, and so does the trace, if still exhausted.
                    let e = self.exit(pc);
                    self.emit(TraceOp::new(_FOR_ITER_EXHAUSTED).exit(e));
                    self.pop(1);
                    return Ok(None);
                }
                // Exhaustion is the loop's natural end: a side trace may grow there to carry on
                // into what follows the loop (an outer loop's trace), but leaving there is no
                // reason to give the loop back.
                let e = self.exit_at(pc, true);
                self.trace.exits[e.index()].ends_loop = true;
                self.emit(TraceOp::new(uop).exit(e));
                self.push(if uop == _FOR_ITER_RANGE { Ty::Int } else { Ty::Unknown });
                if uop == _FOR_ITER_ENUMERATE_LIST {
                    // The pair stands in for the tuple the interpreter builds and unpacks next.
                    self.unpacked = Some((self.cur_ref().code_index, pc + 1));
                }
            }
            Opcode::YIELD_VALUE if frame.draining => {
                self.guard(_YIELD_VALUE_SINK, pc);
                self.set_top(1, Ty::Other);
            }
            Opcode::GET_ITER => match peek(1) {
                Value::Obj(o) if matches!(o.kind, ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range(_)) => {
                    self.guard(_GET_ITER_SEQUENCE, pc);
                    self.set_top(1, Ty::Other);
                }
                _ => return Err(Abort::Generic),
            },
            Opcode::UNPACK_SEQUENCE => {
                if self.unpacked.take() == Some((self.cur_ref().code_index, pc)) {
                    // Done by the _FOR_ITER_ENUMERATE_LIST before: the item, then the count.
                    self.pop(1);
                    self.push(Ty::Unknown);
                    self.push(Ty::Int);
                } else {
                    let Value::Obj(o) = peek(1) else { return Err(Abort::Generic) };
                    let n = arg as usize;
                    let fits = match &o.kind {
                        ObjKind::Tuple(items) => items.len() == n,
                        ObjKind::List(items) => items.borrow().len() == n,
                        _ => false,
                    };
                    if !fits {
                        return Err(Abort::Generic);
                    }
                    let e = self.exit(pc);
                    self.emit(TraceOp::new(_UNPACK_SEQUENCE).oparg(arg).exit(e));
                    self.pop(1);
                    for _ in 0..n {
                        self.push(Ty::Unknown);
                    }
                }
            }
            Opcode::BINARY_SUBSCR => {
                let uop = match (peek(2), peek(1)) {
                    (Value::Obj(o), Value::Int(_)) => match &o.kind {
                        ObjKind::List(_) => _BINARY_SUBSCR_LIST_INT,
                        ObjKind::Tuple(_) => _BINARY_SUBSCR_TUPLE_INT,
                        _ => return Err(Abort::Generic),
                    },
                    _ => return Err(Abort::Generic),
                };
                self.guard(uop, pc);
                self.pop(1);
                self.set_top(1, Ty::Unknown);
            }
            Opcode::STORE_SUBSCR => match (peek(2), peek(1)) {
                (Value::Obj(o), Value::Int(_)) if matches!(o.kind, ObjKind::List(_)) => {
                    self.guard(_STORE_SUBSCR_LIST_INT, pc);
                    self.pop(3);
                }
                _ => return Err(Abort::Generic),
            },
            op => return Err(Abort::Opcode(op)),
        }
        Ok(None)
    }

    /// A branch as a guard on the direction taken (`jumped` to `target`, or not). When the other
    /// direction leaves the loop (a `while` loop's test, a `break`), its exit is where the loop
    /// ends ([`ExitPoint::ends_loop`]).
    fn branch_guard(&mut self, uop: Uop, pc: usize, jumped: bool, target: u32) {
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).exit(e));
        let other = if jumped { pc + 1 } else { target as usize };
        if self.level() == 0 && (other < self.header || other > self.loop_end) {
            self.trace.exits[e.index()].ends_loop = true;
        }
    }

    /// Ends the trace with an exit at `pc` that the engine links to another trace (`link_to`,
    /// else the side trace's own loop); unlinked, it would resume the interpreter at `pc`.
    fn close_linked(&mut self, pc: usize) -> Trace {
        self.flush_count();
        let (code, level) = (self.cur_ref().code_index, self.level() as u16);
        // Distinct from any other exit at `pc`: this one gets linked.
        let link = self.trace.add_exit(ExitPoint::plain(pc as u32).in_frame(code, level));
        self.emit(TraceOp::new(_DEOPT).exit(link));
        self.trace.link_exit = Some(link);
        self.finish()
    }

    /// The recorded trace, with the preamble in front.
    fn finish(&mut self) -> Trace {
        let mut trace = std::mem::take(&mut self.trace);
        trace.kind = if self.side {
            TraceKind::Side
        } else if self.function {
            TraceKind::Function
        } else {
            TraceKind::Loop
        };
        trace.header = if self.side { self.start_pc } else { self.header } as u32;
        trace.loop_start = self.preamble.len();
        if !self.preamble.is_empty() {
            // The preamble's checks exit where the trace starts, before anything ran.
            let start = if self.side { self.start_pc } else { self.header };
            let at = ExitPoint::plain(start as u32).in_frame(self.start_code, self.start_level as u16);
            let e = trace.add_exit(at);
            let mut ops: Vec<TraceOp> = self.preamble.drain(..).collect();
            for op in ops.iter_mut().filter(|op| op.uop == _LOAD_FAST_CHECK) {
                op.exit = Some(e);
            }
            ops.extend(trace.ops);
            trace.ops = ops;
            for c in &mut trace.continuations {
                c.0 += trace.loop_start;
            }
        }
        trace
    }

    /// A function trace's `CALL` of its own function from the function's frame: the callee's
    /// frame is pushed as for any call, and the callee runs this trace from its start (a
    /// function trace), or the function trace from its start (a side trace: an exit the engine
    /// links there). The callee's return continues after the call, in the caller's frame: a
    /// *continuation*, an entry point where nothing is known about the frame (it may be any
    /// activation of the function suspended at this call, run by the interpreter or by a
    /// trace).
    fn recursive_call(
        &mut self,
        callee: ObjRef,
        f: &crate::runtime::object::Function,
        argc: u32,
        pc: usize,
    ) -> Result<Option<Trace>, Abort> {
        let n = argc as usize;
        if !takes_exactly(f, n) {
            self.call_generic(argc, pc)?;
            return Ok(None);
        }
        let e = self.exit(pc);
        self.emit(TraceOp::new(_CHECK_FUNCTION).oparg(argc).operands(callee.as_ptr() as u64, 0).exit(e));
        self.keep_alive.push(callee);
        self.name(callee.as_ptr() as u64, format!("function {}", f.code.code.name));
        let template = self.frame_template(callee, f, n, pc);
        self.emit(TraceOp::new(_PUSH_FRAME).oparg(argc).operands(&*template as *const FrameTemplate as u64, 0).exit(e));
        self.templates.push(template);
        // The CALL is done once the frame is pushed.
        self.pending += 1;
        self.flush_count();
        self.counted = true;
        // The callee's frame, at its first instruction: where a safepoint exit resumes.
        let callee_level = (self.level() + 1) as u16;
        let at_entry = self.trace.add_exit(ExitPoint::plain(0).in_frame(0, callee_level));
        if self.side {
            self.emit(TraceOp::new(_CHECK_SAFEPOINT).operands(self.gc_flag, 0).exit(at_entry));
            let entry = ExitPoint::plain(0).in_frame(0, callee_level).resuming(crate::jit::ir::Resume::Entry);
            let link = self.trace.add_exit(entry);
            self.emit(TraceOp::new(_DEOPT).exit(link));
        } else {
            self.emit(TraceOp::new(_JUMP_TO_TOP).operands(self.gc_flag, 0).exit(at_entry));
        }
        self.pop(n + 2);
        self.push(Ty::Unknown);
        self.recursing = true;
        Ok(None)
    }

    /// Back in the function's frame after a recursive call: the continuation starts here.
    fn continue_after_recursion(&mut self, frame: &Frame) -> Result<(), Abort> {
        self.recursing = false;
        if !std::ptr::eq(frame.code, self.code) || frame.stack.len() != self.cur_ref().stack.len() {
            return Err("left the function's frame".into());
        }
        self.trace.continuations.push((self.trace.ops.len(), frame.pc as u32));
        let f = self.cur();
        f.origin = Origin::Returned;
        f.locals.fill(Ty::Unknown);
        f.bound.fill(false);
        f.stack.fill(Ty::Unknown);
        Ok(())
    }

    /// A function trace's return from the function's frame: pop it, then continue where the
    /// caller resumes: in a continuation of the function's traces if the caller is an activation
    /// of the function suspended at a recursive call that has one (`_RETURN_DISPATCH`), else in
    /// the interpreter, at the instruction the caller's frame record names.
    fn return_to_caller(&mut self) -> Trace {
        self.emit(TraceOp::new(_POP_FRAME));
        self.pending += 1;
        self.flush_count();
        let e = self.trace.add_exit(ExitPoint::plain(0).resuming(crate::jit::ir::Resume::Caller));
        let code = self.code as *const CodeObject as u64;
        self.emit(TraceOp::new(_RETURN_DISPATCH).operands(code, self.continuation_table).exit(e));
        self.finish()
    }

    /// The frame record `_PUSH_FRAME` copies for a call at `pc` of function object `func`
    /// (`f`) with `nargs` arguments.
    fn frame_template(
        &self,
        func: ObjRef,
        f: &crate::runtime::object::Function,
        nargs: usize,
        pc: usize,
    ) -> Box<FrameTemplate> {
        Box::new(FrameTemplate {
            frame: crate::interpreter::Frame {
                code: f.code,
                func: Value::Obj(func),
                globals: f.globals,
                locals_dict: Value::Null,
                base: 0,
                sp: 0,
                pc: 0,
                kind: crate::interpreter::FrameKind::Call,
                entry: false,
            },
            nargs: nargs as u64,
            nlocals: f.code.nlocalsplus as u64,
            reserve: (f.code.frame_size() + 8) as u64,
            caller_pc: pc as u64 + 1,
        })
    }

    /// For a trace that ends by linking to another loop's trace: that loop (code, header).
    pub fn link_target(&self) -> Option<(&'static CodeObject, usize)> {
        self.link_to
    }

    /// `CALL` of a Python function that takes exactly the arguments given (the interpreter's
    /// fast path): guarded on the callee, then followed into the
    /// callee's frame. Other calls, keyword arguments, generators, recursion and calls deeper
    /// than [`MAX_INLINE_DEPTH`] are made through the runtime (`_CALL`).
    fn call(&mut self, frame: &Frame, argc: u32, pc: usize) -> Result<(), Abort> {
        let n = argc as usize;
        let values = frame.stack;
        if values.len() < n + 2 {
            return Err("stack depth out of step (internal)".into());
        }
        // (KW_NAMES, when present, is the instruction just before the CALL.)
        let keywords = pc >= 1 && frame.code.code.instrs[pc - 1].op == Opcode::KW_NAMES;
        if keywords {
            return Err(Abort::Generic);
        }
        if let Value::Obj(class) = values[values.len() - n - 2] {
            if let ObjKind::Class(_) = &class.kind {
                return self.call_class(class, argc, pc);
            }
        }
        let Value::Obj(callee) = values[values.len() - n - 2] else { return self.call_generic(argc, pc) };
        let ObjKind::Function(f) = &callee.kind else { return self.call_generic(argc, pc) };
        let has_self = match self.top(n + 1) {
            Ty::Null => false,
            Ty::Unknown => {
                // Pushed before the trace started (a side trace from a guard of this call):
                // guard what the slot holds now.
                let is_null = values[values.len() - n - 1].is_null();
                let uop = if is_null { _GUARD_SLOT_NULL } else { _GUARD_SLOT_NOT_NULL };
                let e = self.exit(pc);
                self.emit(TraceOp::new(uop).oparg(argc + 1).exit(e));
                self.set_top(n + 1, if is_null { Ty::Null } else { Ty::Other });
                !is_null
            }
            _ => true,
        };
        if has_self == values[values.len() - n - 1].is_null() {
            return Err("self-or-null slot out of step (internal)".into());
        }
        if !self.can_follow(f, n + has_self as usize) {
            return self.call_generic(argc, pc);
        }
        let nargs = n + has_self as usize;
        let e = self.exit(pc);
        // The self-or-null slot needs no guard: what pushed it was recorded (`Ty::Null` only for
        // a NULL the trace pushed, any other known type only for a value).
        self.emit(TraceOp::new(_CHECK_FUNCTION).oparg(argc).operands(callee.as_ptr() as u64, 0).exit(e));
        self.keep_alive.push(callee);
        self.name(callee.as_ptr() as u64, format!("function {}", f.code.code.name));
        let args = self.cur_ref().stack[self.cur_ref().stack.len() - nargs..].to_vec();
        let template = self.frame_template(callee, f, nargs, pc);
        // Past the recursion limit or the VM stack's end, the exit before the call lets the
        // interpreter's CALL raise RecursionError.
        self.emit(TraceOp::new(_PUSH_FRAME).oparg(argc).operands(&*template as *const FrameTemplate as u64, 0).exit(e));
        self.templates.push(template);
        self.enter_frame(argc, f.code, &args, false);
        Ok(())
    }

    /// Whether a call of `f` with `nargs` positional arguments can be followed into its frame:
    /// the interpreter's fast path (exactly its parameters), not a generator, not recursive (its
    /// code is not running in a frame of the trace), and not deeper than [`MAX_INLINE_DEPTH`].
    fn can_follow(&self, f: &crate::runtime::object::Function, nargs: usize) -> bool {
        let recursive = std::ptr::eq(f.code, self.code) || self.frames.iter().any(|s| std::ptr::eq(s.code, f.code));
        takes_exactly(f, nargs) && !recursive && self.level() + 1 < MAX_INLINE_DEPTH
    }

    /// After the uop that pushed the frame of a call with `argc` arguments: `code` runs with
    /// parameters of types `params`; the call's slots leave the caller's stack (the result
    /// comes back with the return) and recording goes on in the new frame.
    fn enter_frame(&mut self, argc: u32, code: &'static CodeObject, params: &[Ty], init: bool) {
        self.pop(argc as usize + 2);
        let index = self.code_index(code);
        let mut state = FrameState::new(code, index, Origin::Entered, 0);
        state.init = init;
        state.locals[..params.len()].copy_from_slice(params);
        state.bound[..params.len()].fill(true);
        self.frames.push(state);
    }

    /// A call of a class whose `__init__` is a Python function taking exactly the arguments
    /// given: guarded on the class and the class epoch (so `__init__` is the same), then
    /// `_PUSH_FRAME` creates the instance and enters `__init__` as the interpreter does, and the
    /// trace follows it; its return leaves the instance. Other classes go through `_CALL`.
    fn call_class(&mut self, class: ObjRef, argc: u32, pc: usize) -> Result<(), Abort> {
        let ObjKind::Class(c) = &class.kind else { return self.call_generic(argc, pc) };
        let Some(Value::Obj(init)) = c.lookup(crate::runtime::interner::sym::INIT) else {
            return self.call_generic(argc, pc);
        };
        let function = match &init.kind {
            ObjKind::Function(f) => Some(f),
            _ => None,
        };
        let plain = c.native_new.get().is_none() && c.layout != crate::runtime::object::Layout::Exception;
        let n = argc as usize;
        let Some(f) = function.filter(|f| plain && self.top(n + 1) == Ty::Null && self.can_follow(f, n + 1)) else {
            return self.call_generic(argc, pc);
        };
        let e = self.exit(pc);
        self.emit(TraceOp::new(_CHECK_FUNCTION).oparg(argc).operands(class.as_ptr() as u64, 0).exit(e));
        let epoch = crate::runtime::types::class_epoch();
        self.guard_word(_GUARD_CLASS_EPOCH, crate::runtime::types::class_epoch_address(), epoch, pc);
        self.keep_alive.push(class);
        self.name(class.as_ptr() as u64, format!("class {}", c.name));
        // `__init__`'s locals: the new instance, then the arguments.
        let mut args = vec![Ty::Other];
        args.extend_from_slice(&self.cur_ref().stack[self.cur_ref().stack.len() - n..]);
        let pushed = TraceOp::new(_CREATE_INIT_FRAME).oparg(argc).operands(pc as u64 + 1, f.code.nlocalsplus as u64);
        self.emit(pushed);
        self.enter_frame(argc, f.code, &args, true);
        Ok(())
    }

    /// Any other call (built-in functions and classes, methods of built-in types, Python
    /// callees not followed): `_CALL` makes it through the runtime, running a Python callee to
    /// completion in a nested loop.
    fn call_generic(&mut self, argc: u32, pc: usize) -> Result<(), Abort> {
        self.flush_count();
        self.emit(TraceOp::new(_CALL).oparg(argc).operands(pc as u64, 0));
        self.pop(argc as usize + 2);
        self.push(Ty::Unknown);
        Ok(())
    }

    /// `LOAD_GLOBAL` through its inline cache (filled by the interpreter's earlier runs): a
    /// guard on the dict version(s) and a load from the entry, which stays put while the version
    /// holds.
    fn load_global(&mut self, frame: &Frame, arg: u32, pc: usize) -> Result<(), Abort> {
        let Cache::Global { globals: gv, builtins: bv, index } = frame.code.caches[pc][0].get() else {
            return Err(Abort::Generic);
        };
        let g = frame.globals.as_dict().ok_or(Abort::Generic)?.borrow();
        if g.version != gv {
            return Err(Abort::Generic);
        }
        if bv == 0 {
            let (version, value) = g.jit_addresses(index as usize).ok_or(Abort::Generic)?;
            self.guard_word(_GUARD_GLOBALS_VERSION, version, gv, pc);
            self.emit(TraceOp::new(_LOAD_GLOBAL_MODULE).operands(value, 0));
        } else {
            let b = frame.builtins.as_dict().ok_or(Abort::Generic)?.borrow();
            if b.version != bv {
                return Err(Abort::Generic);
            }
            let (bversion, value) = b.jit_addresses(index as usize).ok_or(Abort::Generic)?;
            // Absent from globals at version gv: adding it there changes that version.
            self.guard_word(_GUARD_GLOBALS_VERSION, &g.version as *const u64 as u64, gv, pc);
            self.guard_word(_GUARD_BUILTINS_VERSION, bversion, bv, pc);
            self.emit(TraceOp::new(_LOAD_GLOBAL_BUILTINS).operands(value, 0));
        }
        // A global's value may be rebound without a version change: its type is unknown.
        self.push(Ty::Unknown);
        if arg & 1 != 0 {
            self.emit(TraceOp::new(_PUSH_NULL));
            self.push(Ty::Null);
        }
        Ok(())
    }

    fn guard_word(&mut self, uop: Uop, address: u64, expected: u64, pc: usize) {
        let what = match uop {
            _GUARD_CLASS_EPOCH => "the class epoch",
            _GUARD_BUILTINS_VERSION => "the builtins' version",
            _ => "the globals' version",
        };
        self.name(address, what.to_string());
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).operands(address, expected).exit(e));
    }

    /// Guards that the top is an instance of `shape` and that no class changed since recording.
    fn guard_shape(&mut self, obj: Value, shape: u64, pc: usize) {
        if let Some(ObjKind::Instance(inst)) = obj.obj().map(|o| &o.kind) {
            let class = match &inst.class.kind {
                ObjKind::Class(c) => c.name.clone(),
                _ => String::new(),
            };
            self.name(shape, format!("shape {} of {class}", inst.shape.get().id));
        }
        let e = self.exit(pc);
        self.emit(TraceOp::new(_GUARD_TYPE_VERSION).operands(shape, 0).exit(e));
        let epoch = crate::runtime::types::class_epoch();
        self.guard_word(_GUARD_CLASS_EPOCH, crate::runtime::types::class_epoch_address(), epoch, pc);
    }

    /// The shape and slot of the attribute instruction `pc` reaches on `obj`, from the
    /// instruction's inline cache, when it is an instance attribute (`store`: an existing one).
    fn instance_slot(&self, obj: Value, pc: usize, store: bool) -> Option<(u64, u64)> {
        let Value::Obj(o) = obj else { return None };
        let ObjKind::Instance(inst) = &o.kind else { return None };
        let shape = inst.shape.get() as *const _ as *const u8;
        let epoch = crate::runtime::types::class_epoch();
        self.cur_ref().code.caches[pc].iter().find_map(|way| match way.get() {
            Cache::Slot { shape: s, slot, next, epoch: e }
                if s as *const u8 == shape && e == epoch && (!store || std::ptr::eq(s, next)) =>
            {
                Some((shape as u64, slot as u64))
            }
            _ => None,
        })
    }

    /// `LOAD_ATTR` of an instance attribute by shape and slot, or of a method found on the
    /// class of a shape that does not shadow it.
    fn load_attr(&mut self, obj: Value, arg: u32, pc: usize) -> Result<(), Abort> {
        let method = arg & 1 != 0;
        if let Some((shape, slot)) = self.instance_slot(obj, pc, false) {
            self.guard_shape(obj, shape, pc);
            let e = self.exit(pc);
            self.emit(TraceOp::new(_LOAD_ATTR_INSTANCE_VALUE).operands(slot, 0).exit(e));
            self.set_top(1, Ty::Unknown);
            if method {
                self.emit(TraceOp::new(_PUSH_NULL));
                self.push(Ty::Null);
            }
            return Ok(());
        }
        if !method {
            return Err(Abort::Generic);
        }
        let Value::Obj(o) = obj else { return Err(Abort::Generic) };
        let ObjKind::Instance(inst) = &o.kind else { return Err(Abort::Generic) };
        let shape = inst.shape.get() as *const _ as *const u8;
        let epoch = crate::runtime::types::class_epoch();
        let function = self.cur_ref().code.caches[pc].iter().find_map(|way| match way.get() {
            Cache::ClassAttr { shape: s, epoch: e, value: Value::Obj(f), method: true }
                if s as *const u8 == shape && e == epoch =>
            {
                Some(f.as_ptr() as u64)
            }
            _ => None,
        });
        let function = function.ok_or(Abort::Generic)?;
        self.guard_shape(obj, shape as u64, pc);
        self.emit(TraceOp::new(_LOAD_ATTR_METHOD_WITH_VALUES).operands(function, 0));
        self.set_top(1, Ty::Other);
        self.push(Ty::Other);
        Ok(())
    }

    fn binary_op(&mut self, arg: u32, a: Value, b: Value, pc: usize) -> Result<(), &'static str> {
        let Some((op, _inplace)) = BinaryOp::from_arg(arg) else { return Err("bad binary operator") };
        match (a, b) {
            (Value::Int(_), Value::Int(_)) => {
                let (uop, result) = match op {
                    BinaryOp::Add => (_BINARY_OP_ADD_INT, Ty::Int),
                    BinaryOp::Subtract => (_BINARY_OP_SUBTRACT_INT, Ty::Int),
                    BinaryOp::Multiply => (_BINARY_OP_MULTIPLY_INT, Ty::Int),
                    BinaryOp::FloorDivide => (_BINARY_OP_FLOOR_DIVIDE_INT, Ty::Int),
                    BinaryOp::Remainder => (_BINARY_OP_MODULO_INT, Ty::Int),
                    BinaryOp::And => (_BINARY_OP_AND_INT, Ty::Int),
                    BinaryOp::Or => (_BINARY_OP_OR_INT, Ty::Int),
                    BinaryOp::Xor => (_BINARY_OP_XOR_INT, Ty::Int),
                    BinaryOp::Lshift => (_BINARY_OP_LSHIFT_INT, Ty::Int),
                    BinaryOp::Rshift => (_BINARY_OP_RSHIFT_INT, Ty::Int),
                    BinaryOp::TrueDivide => (_BINARY_OP_TRUE_DIVIDE_INT, Ty::Float),
                    _ => return Err("no specialization"),
                };
                self.guard_type(2, Ty::Int, pc);
                self.guard_type(1, Ty::Int, pc);
                if uop.info().exits == crate::jit::ir::uops::Exits::Never {
                    self.emit(TraceOp::new(uop));
                } else {
                    self.guard(uop, pc);
                }
                self.pop(1);
                self.set_top(1, result);
            }
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                let uop = match op {
                    BinaryOp::Add => _BINARY_OP_ADD_FLOAT,
                    BinaryOp::Subtract => _BINARY_OP_SUBTRACT_FLOAT,
                    BinaryOp::Multiply => _BINARY_OP_MULTIPLY_FLOAT,
                    BinaryOp::TrueDivide => _BINARY_OP_TRUE_DIVIDE_FLOAT,
                    _ => return Err("no specialization"),
                };
                // Every guard before any conversion: a guard that fails must find the operands
                // untouched (an int converted to float would change the interpreter's result).
                for (n, v) in [(2, a), (1, b)] {
                    self.guard_type(n, if matches!(v, Value::Float(_)) { Ty::Float } else { Ty::Int }, pc);
                }
                for (n, v) in [(2, a), (1, b)] {
                    if !matches!(v, Value::Float(_)) {
                        self.emit(TraceOp::new(if n == 2 { _INT_TO_FLOAT_NOS } else { _INT_TO_FLOAT_TOS }));
                        self.set_top(n, Ty::Float);
                    }
                }
                if uop.info().exits == crate::jit::ir::uops::Exits::Never {
                    self.emit(TraceOp::new(uop));
                } else {
                    self.guard(uop, pc);
                }
                self.pop(1);
                self.set_top(1, Ty::Float);
            }
            _ => return Err("no specialization"),
        }
        Ok(())
    }
}

/// Whether the interpreter can run `op` for a trace (`_EXECUTE_BYTECODE`): it must neither jump
/// nor leave the frame (return, yield, raise), nor unbind a fast local, nor belong to exception
/// Whether a call of `f` with `nargs` positional arguments is the interpreter's fast path
/// (exactly its parameters; not a generator), the only calls a trace enters directly.
fn takes_exactly(f: &crate::runtime::object::Function, nargs: usize) -> bool {
    f.simple && nargs == f.code.code.argcount as usize && !f.code.code.is_generator()
}

/// How many values from the top of the stack a stepped instruction consumes (it reads nothing
/// deeper and writes only its results), for the instructions stepped often; `None`: unknown (the
/// recorder then forgets the types of the whole stack).
fn stack_inputs(op: Opcode, arg: u32) -> Option<usize> {
    Some(match op {
        Opcode::LOAD_DEREF | Opcode::LOAD_CLOSURE | Opcode::LOAD_NAME | Opcode::LOAD_CONST => 0,
        Opcode::UNARY_NEGATIVE | Opcode::UNARY_INVERT | Opcode::UNARY_NOT | Opcode::GET_ITER => 1,
        Opcode::STORE_DEREF | Opcode::STORE_NAME | Opcode::STORE_GLOBAL => 1,
        Opcode::BINARY_OP | Opcode::COMPARE_OP | Opcode::CONTAINS_OP | Opcode::IS_OP => 2,
        Opcode::BINARY_SUBSCR => 2,
        Opcode::STORE_SUBSCR => 3,
        Opcode::LIST_APPEND | Opcode::SET_ADD => 1,
        Opcode::MAP_ADD => 2,
        Opcode::BUILD_TUPLE | Opcode::BUILD_LIST | Opcode::BUILD_SET | Opcode::BUILD_SLICE => arg as usize,
        Opcode::BUILD_STRING => arg as usize,
        Opcode::BUILD_MAP => 2 * arg as usize,
        _ => return None,
    })
}

/// handling (handlers are entered by unwinding, which leaves the trace).
fn steppable(op: Opcode) -> bool {
    use Opcode::*;
    !op.is_jump()
        && !matches!(
            op,
            RETURN_VALUE
                | RETURN_CONST
                | RETURN_GENERATOR
                | YIELD_VALUE
                | RAISE_VARARGS
                | RERAISE
                | DELETE_FAST
                | MAKE_CELL
                | COPY_FREE_VARS
                | PUSH_EXC_INFO
                | POP_EXCEPT
                | CHECK_EXC_MATCH
        )
}

/// The payload word of a value, as `_LOAD_CONST_INLINE` stores it.
fn payload(v: Value) -> u64 {
    match v {
        Value::Null | Value::None => 0,
        Value::Bool(b) => b as u64,
        Value::Int(i) => i as u64,
        Value::Float(f) => f.to_bits(),
        Value::Obj(o) => o.as_ptr() as u64,
    }
}
