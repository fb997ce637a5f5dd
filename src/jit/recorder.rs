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

use crate::bytecode::{BinaryOp, Opcode};
use crate::interpreter::code::Cache;
use crate::interpreter::code::CodeObject;
use crate::runtime::object::{IterState, ObjKind};
use crate::runtime::value::{ObjRef, Value};

use super::trace::{ExitPoint, Trace, TraceOp};
use super::uops::Uop::{self, *};

/// The abort reason of a recording that reached the end of its loop.
pub const LOOP_EXIT: &str = "loop exit while recording";

/// The longest trace recorded (in uops); longer loops abort.
pub const MAX_TRACE_LENGTH: usize = 800;

/// What the recorder knows about a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Unknown,
    Int,
    Float,
    Bool,
    Other,
}

fn ty_of(v: Value) -> Ty {
    match v {
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
}

/// The recording of one loop.
pub struct Recorder {
    code: &'static CodeObject,
    depth: usize,
    header: usize,
    /// Address of the collector's "collection due" flag, checked at the back-edge.
    gc_flag: u64,
    trace: Trace,
    /// Boundness checks of locals read before written (run once, before the loop).
    preamble: Vec<TraceOp>,
    /// Locals known bound along this iteration (written, or checked in the preamble).
    bound: Vec<bool>,
    /// What is known about locals and the value stack along this iteration.
    locals: Vec<Ty>,
    stack: Vec<Ty>,
    /// A side trace (recorded from a hot exit, ends by jumping back to its loop) rather than a
    /// loop trace.
    side: bool,
    /// Where recording started (the header, or the exit's instruction).
    start_pc: usize,
    /// `--stats`: the counter of bytecodes completed in machine code, and how many completed
    /// since the last `_ADD_TO_COUNTER`.
    counter: Option<u64>,
    pending: u64,
    /// The instruction being recorded (uops emitted now come from it).
    current_pc: usize,
}

impl Recorder {
    /// Starts recording the loop whose header is instruction `header` of `code`, running in
    /// frame `depth` with `stack_depth` values on its stack.
    pub fn new(code: &'static CodeObject, depth: usize, header: usize, stack_depth: usize, gc_flag: u64) -> Recorder {
        Recorder {
            code,
            depth,
            header,
            gc_flag,
            trace: Trace::default(),
            preamble: Vec::new(),
            bound: vec![false; code.nlocalsplus],
            locals: vec![Ty::Unknown; code.nlocalsplus],
            stack: vec![Ty::Unknown; stack_depth],
            side: false,
            start_pc: header,
            counter: None,
            pending: 0,
            current_pc: header,
        }
    }

    /// Starts recording a side trace from a hot exit: from the exit's instruction (the frame's
    /// current `pc`) until control is back at the loop `header`. The trace ends with a
    /// safepoint check and an exit ([`Trace::link_exit`]) that the engine links to the loop.
    pub fn new_side(
        code: &'static CodeObject,
        depth: usize,
        header: usize,
        start_pc: usize,
        stack_depth: usize,
        gc_flag: u64,
    ) -> Recorder {
        Recorder { side: true, start_pc, ..Recorder::new(code, depth, header, stack_depth, gc_flag) }
    }

    /// Counts the bytecodes the trace completes in machine code into the u64 at `counter`
    /// (`--stats`): an `_ADD_TO_COUNTER` before every uop that can exit and at the end, so a
    /// bytecode counts only once it is done (an exit re-runs it in the interpreter).
    pub fn count_into(&mut self, counter: u64) {
        self.counter = Some(counter);
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

    fn exit(&mut self, pc: usize) -> u32 {
        let pc = pc as u32;
        match self.trace.exits.iter().position(|e| e.pc == pc) {
            Some(i) => i as u32,
            None => self.trace.add_exit(ExitPoint::guard(pc)),
        }
    }

    fn emit(&mut self, mut op: TraceOp) {
        if op.exit.is_some() {
            self.flush_count();
        }
        op.pc = Some(self.current_pc as u32);
        self.trace.ops.push(op);
    }

    /// Emits a guard that exits at `pc`.
    fn guard(&mut self, uop: Uop, pc: usize) {
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).exit(e));
    }

    fn top(&self, n: usize) -> Ty {
        self.stack[self.stack.len() - n]
    }

    fn set_top(&mut self, n: usize, ty: Ty) {
        let len = self.stack.len();
        self.stack[len - n] = ty;
    }

    fn pop(&mut self, n: usize) {
        let len = self.stack.len();
        self.stack.truncate(len - n);
    }

    fn load_local(&mut self, index: usize, value: Value) -> Result<(), &'static str> {
        if value.is_null() {
            return Err("unbound local");
        }
        if !self.bound[index] {
            // Read before written in this iteration: check once, on entry.
            self.preamble.push(TraceOp::new(_LOAD_FAST_CHECK).oparg(index as u32));
            self.preamble.push(TraceOp::new(_POP_TOP));
            self.bound[index] = true;
        }
        self.emit(TraceOp::new(_LOAD_FAST).oparg(index as u32));
        self.stack.push(self.locals[index]);
        Ok(())
    }

    fn store_local(&mut self, index: usize) {
        self.emit(TraceOp::new(_STORE_FAST).oparg(index as u32));
        self.locals[index] = self.top(1);
        self.bound[index] = true;
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

    /// Records one instruction: specialized when the recorder knows how, else (for the many
    /// bytecodes that neither jump nor leave the frame) as `_EXECUTE_BYTECODE`, which runs it in
    /// the interpreter from inside the trace.
    fn record_one(&mut self, frame: &Frame) -> Result<Option<Trace>, Abort> {
        self.current_pc = frame.pc;
        let depth = self.stack.len();
        let preamble = self.preamble.len();
        let ops = self.trace.ops.len();
        let pending = self.pending;
        match self.record_specialized(frame) {
            Err(Abort::Generic) | Err(Abort::Opcode(_)) => {}
            Ok(None) => {
                self.pending += 1;
                return Ok(None);
            }
            other => return other,
        }
        self.pending = pending;
        // Undo what the specialized attempt may have emitted or assumed.
        self.trace.ops.truncate(ops);
        self.preamble.truncate(preamble);
        self.stack.resize(depth, Ty::Unknown);
        let instr = self.code.code.instrs[frame.pc];
        if !steppable(instr.op) {
            return Err(Abort::Opcode(instr.op));
        }
        self.emit(TraceOp::new(_EXECUTE_BYTECODE).operands(frame.pc as u64, 0));
        // The stack effect is known, not what was pushed; fast locals are untouched.
        let new_depth = depth as i64 + instr.op.stack_effect(instr.arg, false) as i64;
        if new_depth < 0 {
            return Err(Abort::Why("stack underflow (internal)"));
        }
        self.stack.clear();
        self.stack.resize(new_depth as usize, Ty::Unknown);
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
        if frame.depth > self.depth && self.trace.ops.last().is_some_and(|op| op.uop == _EXECUTE_BYTECODE) {
            // Inside a call the trace makes through the interpreter: not part of the trace.
            return Ok(None);
        }
        if frame.depth != self.depth || !std::ptr::eq(frame.code, self.code) {
            return Err(Abort::Why(if frame.depth > self.depth {
                "call to a Python function"
            } else {
                "left the loop's frame"
            }));
        }
        if frame.stack.len() != self.stack.len() {
            return Err("stack depth out of step (internal)".into());
        }
        let pc = frame.pc;
        let instr = self.code.code.instrs[pc];
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
                self.stack.push(Ty::Other);
            }
            Opcode::COPY => {
                self.emit(TraceOp::new(_COPY).oparg(arg));
                self.stack.push(self.top(arg as usize));
            }
            Opcode::SWAP => {
                self.emit(TraceOp::new(_SWAP).oparg(arg));
                let len = self.stack.len();
                self.stack.swap(len - 1, len - arg as usize);
            }
            Opcode::LOAD_CONST => {
                let v = self.code.consts[arg as usize];
                self.emit(TraceOp::new(_LOAD_CONST_INLINE).operands(v.tag(), payload(v)));
                self.stack.push(ty_of(v));
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
                if self.top(1) != Ty::Bool {
                    return Err(Abort::Generic);
                }
                self.emit(TraceOp::new(_UNARY_NOT));
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
                self.guard(if truth { _GUARD_IS_TRUE_POP } else { _GUARD_IS_FALSE_POP }, pc);
                self.pop(1);
            }
            Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                self.guard(if peek(1).is_none() { _GUARD_IS_NONE_POP } else { _GUARD_IS_NOT_NONE_POP }, pc);
                self.pop(1);
            }
            Opcode::JUMP_FORWARD => {}
            Opcode::JUMP_BACKWARD => {
                if arg as usize != self.header {
                    return Err("inner loop".into());
                }
                // The back-edge itself counts as done (if the safepoint check then leaves, the
                // interpreter runs it again: one bytecode counted twice per collection).
                self.pending += 1;
                self.flush_count();
                let safepoint = self.trace.add_exit(ExitPoint::plain(pc as u32));
                if self.side {
                    self.emit(TraceOp::new(_CHECK_SAFEPOINT).operands(self.gc_flag, 0).exit(safepoint));
                    // Resuming at the back-edge is right when unlinked; linked, the loop's
                    // trace continues.
                    let link = self.trace.add_exit(ExitPoint::plain(pc as u32));
                    self.emit(TraceOp::new(_DEOPT).exit(link));
                    self.trace.link_exit = Some(link);
                } else {
                    self.emit(TraceOp::new(_JUMP_TO_TOP).operands(self.gc_flag, 0).exit(safepoint));
                }
                let mut trace = std::mem::take(&mut self.trace);
                trace.loop_start = self.preamble.len();
                if !self.preamble.is_empty() {
                    // The preamble's checks exit where the trace starts, before anything ran.
                    let start = if self.side { self.start_pc } else { self.header };
                    let e = trace.add_exit(ExitPoint::plain(start as u32));
                    let mut ops: Vec<TraceOp> = self.preamble.drain(..).collect();
                    for op in ops.iter_mut().filter(|op| op.uop == _LOAD_FAST_CHECK) {
                        op.exit = Some(e);
                    }
                    ops.extend(trace.ops);
                    trace.ops = ops;
                }
                return Ok(Some(trace));
            }
            Opcode::LOAD_GLOBAL => self.load_global(frame, arg, pc)?,
            Opcode::LOAD_ATTR => self.load_attr(peek(1), arg, pc)?,
            Opcode::STORE_ATTR => {
                let (shape, slot) = self.instance_slot(peek(1), pc, true).ok_or(Abort::Generic)?;
                self.guard_shape(shape, pc);
                self.emit(TraceOp::new(_STORE_ATTR_INSTANCE_VALUE).operands(slot, 0));
                self.pop(2);
            }
            Opcode::FOR_ITER => {
                let uop = match peek(1) {
                    Value::Obj(o) => match &o.kind {
                        ObjKind::Iterator(state) => match &*state.borrow() {
                            IterState::Range { next, stop, step } => {
                                let more = if *step > 0 { next < stop } else { next > stop };
                                if !more {
                                    return Err(LOOP_EXIT.into());
                                }
                                _FOR_ITER_RANGE
                            }
                            IterState::Seq { seq, index } => match &seq.kind {
                                ObjKind::List(items) if *index < items.borrow().len() => _FOR_ITER_LIST,
                                ObjKind::Tuple(items) if *index < items.len() => _FOR_ITER_TUPLE,
                                ObjKind::List(_) | ObjKind::Tuple(_) => return Err(LOOP_EXIT.into()),
                                _ => return Err("iteration over another sequence".into()),
                            },
                            _ => return Err("iteration over another iterator".into()),
                        },
                        _ => return Err("iteration over a generator or other object".into()),
                    },
                    _ => return Err("iteration over a non-object".into()),
                };
                // Exhaustion is the loop's natural end, not a path to grow a side trace on.
                let e = match self.trace.exits.iter().position(|x| x.pc == pc as u32) {
                    Some(i) => i as u32,
                    None => self.trace.add_exit(ExitPoint::plain(pc as u32)),
                };
                self.emit(TraceOp::new(uop).exit(e));
                self.stack.push(if uop == _FOR_ITER_RANGE { Ty::Int } else { Ty::Unknown });
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

    /// `LOAD_GLOBAL` through its inline cache (filled by the interpreter's earlier runs): a
    /// guard on the dict version(s) and a load from the entry, which stays put while the version
    /// holds.
    fn load_global(&mut self, frame: &Frame, arg: u32, pc: usize) -> Result<(), Abort> {
        let Cache::Global { globals: gv, builtins: bv, index } = self.code.caches[pc][0].get() else {
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
        self.stack.push(Ty::Unknown);
        if arg & 1 != 0 {
            self.emit(TraceOp::new(_PUSH_NULL));
            self.stack.push(Ty::Other);
        }
        Ok(())
    }

    fn guard_word(&mut self, uop: Uop, address: u64, expected: u64, pc: usize) {
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).operands(address, expected).exit(e));
    }

    /// Guards that the top is an instance of `shape` and that no class changed since recording.
    fn guard_shape(&mut self, shape: u64, pc: usize) {
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
        self.code.caches[pc].iter().find_map(|way| match way.get() {
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
            self.guard_shape(shape, pc);
            let e = self.exit(pc);
            self.emit(TraceOp::new(_LOAD_ATTR_INSTANCE_VALUE).operands(slot, 0).exit(e));
            self.set_top(1, Ty::Unknown);
            if method {
                self.emit(TraceOp::new(_PUSH_NULL));
                self.stack.push(Ty::Other);
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
        let function = self.code.caches[pc].iter().find_map(|way| match way.get() {
            Cache::ClassAttr { shape: s, epoch: e, value: Value::Obj(f), method: true }
                if s as *const u8 == shape && e == epoch =>
            {
                Some(f.as_ptr() as u64)
            }
            _ => None,
        });
        let function = function.ok_or(Abort::Generic)?;
        self.guard_shape(shape as u64, pc);
        self.emit(TraceOp::new(_LOAD_ATTR_METHOD_WITH_VALUES).operands(function, 0));
        self.set_top(1, Ty::Other);
        self.stack.push(Ty::Other);
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
                if uop.info().exits == super::uops::Exits::Never {
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
                if uop.info().exits == super::uops::Exits::Never {
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
