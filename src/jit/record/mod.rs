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

mod attrs;
mod branches;
mod calls;
mod iter;
mod ops;
#[cfg(test)]
mod tests;

use crate::bytecode::{BinaryOp, Opcode};
use crate::interpreter::code::Cache;
use crate::interpreter::code::CodeObject;
use crate::runtime::object::{IterState, ObjKind};
use crate::runtime::ops::pure_truth;
use crate::runtime::value::{ObjRef, Value};

use crate::jit::ir::uops::Uop::{self, *};
use crate::jit::ir::{ExitId, ExitPoint, Trace, TraceKind, TraceOp};
use crate::jit::runtime::abi::FrameTemplate;

/// The abort reason of a recording that reached the end of its loop.
pub const LOOP_EXIT: &str = "loop exit while recording";

/// The abort reason of a loop's recording at a yield of its own generator, or at a generator
/// resumed deeper than [`MAX_INLINE_DEPTH`] frames.
pub const GENERATOR: &str = "a yield of the loop's own generator, or generators nested too deep";

/// The abort reason of a recording that reached a `yield from`: the delegation runs in the
/// interpreter (`SEND` resumes the delegate in a nested run).
pub const YIELD_FROM: &str = "a 'yield from' (delegation runs in the interpreter)";

/// The abort reason of a loop's recording that reached a `raise`: an iteration that raises, not
/// the loop's usual path.
pub const RAISED: &str = "raise while recording";

/// The abort reason of a recording that reached the back-edge of another loop with no trace.
pub const INNER_LOOP: &str = "inner loop";

/// The abort reason of a recording whose trace calls code that runs too long in the interpreter
/// while it records (see `Recorder::in_step`).
pub const LONG_CALL: &str = "a call runs too long to record through";

/// The longest trace recorded (in uops): a longer recording ends with an exit where its
/// continuation grows (see `Recorder::close_continued`).
pub const MAX_TRACE_LENGTH: usize = 800;

/// How many frames deep a trace follows calls; deeper calls run in the interpreter.
pub const MAX_INLINE_DEPTH: usize = 8;

/// Instructions a recording lets the interpreter run in calls it steps over before it gives up
/// ([`LONG_CALL`]).
const MAX_SKIPPED: u32 = 20_000;

/// Back-edges of its own loop a generator frame may take in a trace between a resume and its
/// yield (a filter that skips items).
const MAX_GENERATOR_LOOPS: u8 = 3;

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
    /// At a `LOAD_ATTR`: the class of the object on top of the stack.
    pub tos_class: Option<ObjRef>,
    /// The `NotImplemented` singleton (an operator's method that returns it needs the rest of
    /// the protocol).
    pub not_implemented: ObjRef,
    /// Whether a trace may return from the frame (`_POP_FRAME_CHECKED`): not from a frame Rust
    /// code called (the program's, a callback's) nor a generator's.
    pub returnable: bool,
    /// Whether the frame is a generator a `FOR_ITER` of the frame below resumed (a yield goes
    /// back there).
    pub inline_generator: bool,
    /// The frame below (code object and the instruction it resumes at), when there is one.
    pub caller: Option<(&'static CodeObject, usize)>,
    /// Whether the frame is a generator that Rust code drains into a list (yields do not
    /// suspend it).
    pub draining: bool,
    /// Whether instruction `pc` of `code` is the header of a loop with a compiled trace.
    pub has_trace: &'a dyn Fn(&'static CodeObject, usize) -> bool,
}

/// What `Recorder::rewind` restores.
struct Checkpoint {
    ops: usize,
    exits: usize,
    preamble: usize,
    pending: u64,
    pending_code: &'static CodeObject,
    keep_alive: usize,
    frames: usize,
    stack: Vec<Ty>,
    locals: Vec<Ty>,
    bound: Vec<bool>,
}

/// The instruction being recorded: where it is and what it says.
#[derive(Clone, Copy)]
struct At {
    pc: usize,
    code: &'static CodeObject,
    instr: crate::bytecode::Instr,
    arg: u32,
}

impl At {
    fn of(frame: &Frame) -> At {
        let instr = frame.code.code.instrs[frame.pc];
        At { pc: frame.pc, code: frame.code, instr, arg: instr.arg }
    }
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

/// What pushed a frame the trace entered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pushed {
    /// A call: the return value replaces the callable.
    Call,
    /// A class call's `__init__`: its caller receives the instance.
    Init,
    /// An operator's special method (`_PUSH_FRAME_OPERATOR`): the result replaces the operands,
    /// unless it is `NotImplemented`.
    Binary,
    /// A generator resumed by `FOR_ITER` (`_PUSH_GENERATOR_FRAME`): its yield gives the item.
    Generator,
}

/// What the recorder knows about one frame along the trace.
struct FrameState {
    code: &'static CodeObject,
    /// Index of `code` in [`Recorder::codes`].
    code_index: u16,
    origin: Origin,
    /// How this trace pushed the frame (for an entered one): how its return goes.
    pushed: Pushed,
    /// How often a generator frame went round its own loop since the trace resumed it.
    looped: u8,
    /// Locals known bound along this iteration.
    bound: Vec<bool>,
    /// What is known about locals and the value stack.
    locals: Vec<Ty>,
    stack: Vec<Ty>,
    /// Which activation this is (see `Recorder::exit_at`).
    instance: u32,
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
    loop_depth: isize,
    /// Address of the collector's "collection due" flag, checked at the back-edge.
    gc_flag: u64,
    trace: Trace,
    /// Boundness checks of locals read before written (run once, before the loop).
    preamble: Vec<TraceOp>,
    /// The frames the trace runs in, from `base_level` (the loop's frame is level 0) up to the
    /// running one, last. Empty between a return past the lowest known frame and the next
    /// instruction, which shows the frame returned to.
    frames: Vec<FrameState>,
    base_level: isize,
    /// After a return past the lowest known frame that `_GUARD_CALLER` guarded: the caller's code
    /// and the instruction it resumes at, which the next recorded instruction must be (else the
    /// interpreter is somewhere the trace cannot follow, e.g. in code a trace below called).
    returned_to: Option<(&'static CodeObject, usize)>,
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
    start_level: isize,
    /// `--stats`: whether the trace counts the bytecodes it completes, and how many of code
    /// `pending_code` completed since the last `_ADD_TO_COUNTER`.
    counting: bool,
    pending: u64,
    pending_code: &'static CodeObject,
    /// The instruction being recorded (uops emitted now come from it).
    current_pc: usize,
    /// The `UNPACK_SEQUENCE` (code index, pc) a fused `_FOR_ITER_ENUMERATE_LIST` already did.
    unpacked: Option<(u16, usize)>,
    /// A subscript (code index, instruction) a slice uop did with the BUILD_SLICE before it
    /// (see `slice_without_object`): recorded as done.
    fused_slice: Option<(u16, usize)>,
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
    /// The frame activation each exit made by `exit_at` belongs to, and the last activation
    /// number given out.
    exit_instances: std::collections::HashMap<u32, u32>,
    instances: u32,
    /// A `FOR_ITER` (instruction, jump target) in the running frame that ran without a uop yet
    /// (see `defer_for_iter`).
    deferred_for_iter: Option<(usize, usize)>,
    /// The recording grew past [`MAX_TRACE_LENGTH`]: it ends at the next instruction.
    overlong: bool,
    /// After an [`INNER_LOOP`] abort: that loop's back-edge (code object, instruction).
    blocked_by: Option<(&'static CodeObject, usize)>,
    /// Instructions run in calls the recording steps over (see [`MAX_SKIPPED`]).
    skipped: u32,
}

impl FrameState {
    fn new(code: &'static CodeObject, code_index: u16, origin: Origin, stack_depth: usize) -> FrameState {
        FrameState {
            code,
            code_index,
            origin,
            pushed: Pushed::Call,
            looped: 0,
            bound: vec![false; code.nlocalsplus],
            locals: vec![Ty::Unknown; code.nlocalsplus],
            stack: vec![Ty::Unknown; stack_depth],
            instance: 0,
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
            loop_depth: depth as isize,
            gc_flag,
            trace: Trace::default(),
            preamble: Vec::new(),
            frames: vec![FrameState::new(code, 0, Origin::Start, stack_depth)],
            base_level: 0,
            returned_to: None,
            codes: vec![code],
            keep_alive: Vec::new(),
            templates: Vec::new(),
            side: false,
            start_pc: header,
            start_code: 0,
            start_level: 0,
            counting: false,
            pending: 0,
            pending_code: code,
            current_pc: header,
            unpacked: None,
            fused_slice: None,
            started: false,
            link_to: None,
            function: false,
            continuation_table: 0,
            recursing: false,
            counted: false,
            names: vec![(gc_flag, "the collector's flag".to_string())],
            exit_instances: Default::default(),
            instances: 0,
            blocked_by: None,
            skipped: 0,
            deferred_for_iter: None,
            overlong: false,
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
        level: isize,
        depth: usize,
        start_pc: usize,
        stack_depth: usize,
        gc_flag: u64,
    ) -> Recorder {
        let mut r = Recorder::new(loop_code, depth, header, stack_depth, gc_flag);
        // (Negative levels: the loop's frame has returned; its depth is only a reference.)
        r.loop_depth = depth as isize - level;
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

    /// Counts the bytecodes the trace completes in machine code into their code objects'
    /// `in_traces` (`--stats`): an `_ADD_TO_COUNTER` before every uop that can exit, at the end
    /// and where the code object changes, so a bytecode counts only once it is done (an exit
    /// re-runs it in the interpreter).
    pub fn count_bytecodes(&mut self) {
        self.counting = true;
    }

    /// One more bytecode of `code` done (`--stats`).
    fn count(&mut self, code: &'static CodeObject) {
        if self.pending > 0 && !std::ptr::eq(self.pending_code, code) {
            self.flush_count();
        }
        self.pending_code = code;
        self.pending += 1;
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
        if let (true, n @ 1..) = (self.counting, self.pending) {
            let counter = self.pending_code.in_traces.as_ptr() as u64;
            self.name(counter, format!("the bytecode counter of {}", self.pending_code.code.name));
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
    fn level(&self) -> isize {
        self.base_level + self.frames.len() as isize - 1
    }

    /// Whether the running frame is at the loop's level and runs the loop's code: the loop's own
    /// frame, or (a side trace that went on past a return) another activation of it, which a
    /// trace of the loop serves as well.
    fn in_loop_frame(&self) -> bool {
        self.level() == 0 && std::ptr::eq(self.cur_ref().code, self.code)
    }

    /// The exit at instruction `pc` of the running frame (one per instruction and kind: `side`
    /// for a guard's, where side traces may grow).
    ///
    /// Exits are shared only within one activation: a function inlined at two call sites has
    /// two frames at the same level running the same code, and a side trace grown from an exit
    /// in one of them goes on, after the return, with what that call site's caller does.
    fn exit_at(&mut self, pc: usize, side: bool) -> ExitId {
        let (code, level, instance) = (self.cur_ref().code_index, self.level() as i16, self.cur_ref().instance);
        let pc = pc as u32;
        let same = |(i, e): &(usize, &ExitPoint)| {
            e.pc == pc
                && e.code == code
                && e.level == level
                && e.side == side
                && self.exit_instances.get(&(*i as u32)) == Some(&instance)
        };
        match self.trace.exits.iter().enumerate().find(same) {
            Some((i, _)) => ExitId(i as u32),
            None => {
                let point = if side { ExitPoint::guard(pc) } else { ExitPoint::plain(pc) };
                let e = self.trace.add_exit(point.in_frame(code, level));
                self.exit_instances.insert(e.0, instance);
                e
            }
        }
    }

    /// A number for a frame the recording enters (see `exit_at`).
    fn new_instance(&mut self) -> u32 {
        self.instances += 1;
        self.instances
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
        op.level = self.level() as i16;
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
            if let Some((code, pc)) = self.returned_to.take() {
                if !std::ptr::eq(frame.code, code) || frame.pc != pc {
                    return Err("left the loop's frame".into());
                }
            }
            let index = self.code_index(frame.code);
            let mut state = FrameState::new(frame.code, index, Origin::Returned, frame.stack.len());
            state.instance = self.new_instance();
            self.frames.push(state);
        }
        let expected = self.loop_depth + self.level();
        if frame.depth as isize > expected {
            // Inside code the trace runs through the interpreter (a call, a generator a FOR_ITER
            // resumed): not part of the trace. While the recording lasts no trace can be entered
            // and every instruction takes the interpreter's slow path, so a call that runs long
            // (a whole simulation step from a loop in `main`) ends the recording.
            self.skipped += 1;
            if self.skipped > MAX_SKIPPED {
                return Err(LONG_CALL.into());
            }
        }
        if let Some(deferred) = self.deferred_for_iter {
            if frame.depth as isize > expected {
                // Inside the generator that FOR_ITER resumed: not part of the trace.
                return Ok(false);
            }
            self.deferred_for_iter = None;
            if frame.depth as isize != expected || !std::ptr::eq(frame.code, self.cur_ref().code) {
                return Err("FOR_ITER left its frame (internal)".into());
            }
            self.resolve_for_iter(deferred, frame.pc)?;
        }
        if self.recursing && frame.depth as isize == expected {
            self.continue_after_recursion(frame)?;
        }
        let depth = frame.depth as isize;
        if depth > expected {
            if self.recursing || self.trace.ops.last().is_some_and(|op| runs_python_through_runtime(op.uop)) {
                // Inside a call the trace makes through the interpreter: not part of the trace.
                return Ok(false);
            }
            return Err("entered a frame unexpectedly (internal)".into());
        }
        if depth < expected || !std::ptr::eq(frame.code, self.cur_ref().code) {
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
        if self.overlong {
            return Ok(Some(self.close_continued(frame.pc)));
        }
        let own_header = frame.pc == self.header && self.in_loop_frame();
        if !self.side && self.in_loop_frame() && (frame.pc < self.header || frame.pc > self.loop_end) {
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
        let checkpoint = self.checkpoint();
        match self.record_specialized(frame) {
            Err(Abort::Generic) | Err(Abort::Opcode(_)) => {}
            Ok(None) => {
                if !std::mem::take(&mut self.counted) {
                    self.count(frame.code);
                }
                return Ok(None);
            }
            other => return other,
        }
        // Undo what the specialized attempt may have emitted or assumed.
        self.rewind(checkpoint);
        let instr = frame.code.code.instrs[frame.pc];
        if !steppable(instr.op) {
            return match instr.op {
                // A raise: the interpreter raises and unwinds. A loop's recording that gets
                // here saw an iteration that raises, not the loop: it is tried again.
                Opcode::RAISE_VARARGS | Opcode::RERAISE if !self.side && !self.function => Err(RAISED.into()),
                // A loop in a generator: a trace would end at every yield.
                Opcode::YIELD_VALUE if !self.side && !self.function => Err(GENERATOR.into()),
                Opcode::SEND | Opcode::JUMP_BACKWARD_NO_INTERRUPT => Err(YIELD_FROM.into()),
                // A yield suspends the generator: the trace ends, the interpreter yields.
                Opcode::RAISE_VARARGS | Opcode::RERAISE | Opcode::YIELD_VALUE => {
                    Ok(Some(self.close_with_exit(frame.pc)))
                }
                op => Err(Abort::Opcode(op)),
            };
        }
        match generic_uop(instr.op, instr.arg, frame.pc) {
            Some(op) => {
                // In machine code, through the runtime: counted as the trace's own.
                self.emit(op);
                if !std::mem::take(&mut self.counted) {
                    self.count(frame.code);
                }
            }
            None => self.emit(TraceOp::new(_EXECUTE_BYTECODE).operands(frame.pc as u64, 0)),
        }
        // The stack effect is known, not what was pushed; what lies below the values the
        // instruction consumes (the opcode table says how many) keeps its type.
        // Fast locals are untouched but for the cells made at a function's start.
        let new_depth = depth as i64 + instr.op.stack_effect(instr.arg, false) as i64;
        if new_depth < 0 {
            return Err(Abort::Why("stack underflow (internal)"));
        }
        let kept = depth.saturating_sub(instr.op.inputs(instr.arg) as usize).min(new_depth as usize);
        let f = self.cur();
        f.stack.truncate(kept);
        f.stack.resize(new_depth as usize, Ty::Unknown);
        if instr.op == Opcode::MAKE_CELL {
            // (The cell's slot follows the fast locals, as the run loop's MAKE_CELL puts it.)
            let slot = frame.code.nlocals + instr.arg as usize;
            if slot < f.locals.len() {
                f.locals[slot] = Ty::Other;
                f.bound[slot] = true;
            }
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

    /// Where the recording is, to come back to if an instruction's specialized translation
    /// gives up halfway (it then runs in the interpreter, `_EXECUTE_BYTECODE`).
    fn checkpoint(&self) -> Checkpoint {
        let f = self.cur_ref();
        Checkpoint {
            ops: self.trace.ops.len(),
            exits: self.trace.exits.len(),
            preamble: self.preamble.len(),
            pending: self.pending,
            pending_code: self.pending_code,
            keep_alive: self.keep_alive.len(),
            frames: self.frames.len(),
            stack: f.stack.clone(),
            locals: f.locals.clone(),
            bound: f.bound.clone(),
        }
    }

    /// Back to `c`: what was emitted since goes, and what was assumed about the running frame.
    fn rewind(&mut self, c: Checkpoint) {
        self.trace.ops.truncate(c.ops);
        self.trace.exits.truncate(c.exits);
        self.exit_instances.retain(|&e, _| (e as usize) < c.exits);
        self.preamble.truncate(c.preamble);
        self.pending = c.pending;
        self.pending_code = c.pending_code;
        self.keep_alive.truncate(c.keep_alive);
        self.frames.truncate(c.frames);
        let f = self.cur();
        f.stack = c.stack;
        f.locals = c.locals;
        f.bound = c.bound;
    }

    /// Records the instruction the interpreter is about to execute.
    pub fn record(&mut self, frame: &Frame) -> Recorded {
        match self.record_one(frame) {
            // (Not between two bytecodes one uop does: the trace cannot end in the middle.)
            Ok(None)
                if self.trace.ops.len() + self.preamble.len() > MAX_TRACE_LENGTH
                    && self.unpacked.is_none()
                    && self.fused_slice.is_none() =>
            {
                self.overlong = true;
                Recorded::Continue
            }
            Ok(None) => Recorded::Continue,
            Ok(Some(trace)) => Recorded::Closed(trace),
            Err(reason) => Recorded::Aborted(reason),
        }
    }

    /// Records the instruction by the family it belongs to (one file each: [`ops`],
    /// [`branches`], [`calls`], [`attrs`], [`iter`]); `Err(Abort::Generic)` asks for
    /// `_EXECUTE_BYTECODE`.
    fn record_specialized(&mut self, frame: &Frame) -> Result<Option<Trace>, Abort> {
        use Opcode::*;
        let at = At::of(frame);
        match at.instr.op {
            NOP
            | POP_TOP
            | PUSH_NULL
            | COPY
            | SWAP
            | LOAD_CONST
            | LOAD_FAST
            | STORE_FAST
            | LOAD_FAST_LOAD_FAST
            | STORE_FAST_LOAD_FAST
            | STORE_FAST_STORE_FAST
            | BINARY_OP
            | COMPARE_OP
            | IS_OP
            | CONTAINS_OP
            | BUILD_SLICE
            | BUILD_LIST
            | BUILD_TUPLE
            | LIST_APPEND
            | UNARY_NEGATIVE
            | UNARY_POSITIVE
            | UNARY_INVERT
            | UNARY_NOT => self.record_op(frame, at),
            JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE
            | POP_JUMP_IF_NOT_NONE | JUMP_FORWARD | JUMP_BACKWARD => self.record_branch(frame, at),
            CALL | RETURN_VALUE | RETURN_CONST => self.record_call(frame, at),
            LOAD_DEREF | LOAD_CLOSURE | STORE_DEREF | LOAD_GLOBAL | LOAD_ATTR | STORE_ATTR => {
                self.record_attr(frame, at)
            }
            FOR_ITER | YIELD_VALUE | GET_ITER | UNPACK_SEQUENCE | BINARY_SUBSCR | STORE_SUBSCR => {
                self.record_iteration(frame, at)
            }
            op => Err(Abort::Opcode(op)),
        }
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
            let at = ExitPoint::plain(start as u32).in_frame(self.start_code, self.start_level as i16);
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

    /// The index on the VM's frame stack of the frame being recorded in (deeper frames run calls
    /// the recording steps over).
    pub fn frame_depth(&self) -> usize {
        (self.loop_depth + self.base_level + self.frames.len().max(1) as isize - 1).max(0) as usize
    }

    /// After an [`INNER_LOOP`] abort: the back-edge (code object, instruction) of the loop that
    /// needs a trace first.
    pub fn blocked_by(&self) -> Option<(&'static CodeObject, usize)> {
        self.blocked_by
    }

    /// For a trace that ends by linking to another loop's trace: that loop (code, header).
    pub fn link_target(&self) -> Option<(&'static CodeObject, usize)> {
        self.link_to
    }
}

/// The generic uop that runs instruction `pc` (`op` with argument `arg`) through the runtime,
/// for the bytecodes that have one: the instruction's own operation on its operands, without
/// the interpreter's decoding and dispatch.
fn generic_uop(op: Opcode, arg: u32, pc: usize) -> Option<TraceOp> {
    use Opcode::*;
    let uop = match op {
        BINARY_OP => _BINARY_OP,
        COMPARE_OP => _COMPARE_OP,
        CONTAINS_OP => _CONTAINS_OP,
        BINARY_SUBSCR => _BINARY_SUBSCR,
        STORE_SUBSCR => _STORE_SUBSCR,
        GET_ITER => _GET_ITER,
        FORMAT_VALUE if arg & 4 == 0 => _FORMAT_SIMPLE,
        FORMAT_VALUE => _FORMAT_WITH_SPEC,
        BUILD_STRING => _BUILD_STRING,
        BUILD_MAP => return Some(TraceOp::new(_BUILD_MAP).oparg(2 * arg).operands(pc as u64, 0)),
        MAKE_FUNCTION => {
            let consumed = op.inputs(arg);
            return Some(TraceOp::new(_MAKE_FUNCTION).oparg(consumed).operands(pc as u64, arg as u64));
        }
        MAKE_CELL => return Some(TraceOp::new(_MAKE_CELL).oparg(arg)),
        COPY_FREE_VARS => return Some(TraceOp::new(_COPY_FREE_VARS).oparg(arg)),
        _ => return None,
    };
    Some(TraceOp::new(uop).oparg(arg).operands(pc as u64, 0))
}

/// Whether `uop` may run Python code in frames of its own (the recording steps over them).
fn runs_python_through_runtime(uop: Uop) -> bool {
    matches!(
        uop,
        _EXECUTE_BYTECODE
            | _CALL
            | _BINARY_OP
            | _COMPARE_OP
            | _CONTAINS_OP
            | _BINARY_SUBSCR
            | _STORE_SUBSCR
            | _GET_ITER
            | _FORMAT_SIMPLE
            | _FORMAT_WITH_SPEC
            | _BUILD_MAP
    )
}

/// Whether `_EXECUTE_BYTECODE` may run an instruction inside a trace: not a jump, a return, a
/// yield, a raise (they leave the frame or the trace's straight line), nor `DELETE_FAST` (the
/// recorder assumes nothing in a loop unbinds a local).
fn steppable(op: Opcode) -> bool {
    use Opcode::*;
    !op.is_jump()
        && !matches!(
            op,
            RETURN_VALUE | RETURN_CONST | RETURN_GENERATOR | YIELD_VALUE | RAISE_VARARGS | RERAISE | DELETE_FAST
        )
}
