//! Recording calls and returns: a Python callee is followed into a real frame
//! (`_CHECK_FUNCTION`, `_PUSH_FRAME`, its bytecodes, `_POP_FRAME`), a class with a Python
//! `__init__` likewise (`_CREATE_INIT_FRAME`), a function trace's recursive call runs the trace
//! again and continues in a continuation; anything else is `_CALL` through the runtime.

use super::ops::{payload, ty_of};
use super::*;

impl Recorder {
    pub(super) fn record_call(&mut self, frame: &Frame, at: At) -> Result<Option<Trace>, Abort> {
        let At { pc, code, instr, arg } = at;
        match instr.op {
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
                if self.cur_ref().pushed == Pushed::Generator {
                    // The generator a FOR_ITER resumed is finished: the loop ends.
                    if !self.side && !self.function && self.level() == 1 {
                        return Err(LOOP_EXIT.into());
                    }
                    return Ok(Some(self.close_with_exit(pc)));
                }
                if self.cur_ref().origin != Origin::Entered && !frame.returnable && (self.side || self.level() != 0) {
                    // A frame the trace did not push that only the interpreter returns from (a
                    // generator's, one Rust code called): the trace ends.
                    return Ok(Some(self.close_with_exit(pc)));
                }
                if self.level() == 0 && !self.function && !self.side {
                    // Returning from the loop's frame: the loop ended while recording.
                    return Err(LOOP_EXIT.into());
                }
                if self.level() <= 0 && !self.function && self.cur_ref().origin != Origin::Entered {
                    // A side trace returns from its loop's frame (or one below): from a function
                    // that may be called from anywhere. It goes on with what the caller it saw
                    // does, guarded; a return the interpreter must make (from a frame Rust code
                    // called, or a generator's) ends the trace.
                    let Some((caller, resume)) = frame.caller.filter(|_| frame.returnable) else {
                        return Ok(Some(self.close_with_exit(pc)));
                    };
                    let e = self.exit(pc);
                    self.emit(
                        TraceOp::new(_GUARD_CALLER).operands(caller as *const CodeObject as u64, resume as u64).exit(e),
                    );
                    self.returned_to = Some((caller, resume));
                    self.name(caller as *const CodeObject as u64, format!("code of {}", caller.code.name));
                }
                if self.level() == 0 && self.function {
                    // Not from a frame Rust code called (the interpreter returns from that):
                    // leave at the return instead.
                    let e = self.exit_at(pc, false);
                    self.emit(TraceOp::new(_GUARD_NOT_ENTRY).exit(e));
                }
                if instr.op == Opcode::RETURN_CONST {
                    let v = code.consts[arg as usize];
                    self.emit(TraceOp::new(_LOAD_CONST_INLINE).operands(v.tag(), payload(v)));
                    self.push(ty_of(v));
                }
                if self.level() == 0 && self.function {
                    return Ok(Some(self.return_to_caller()));
                }
                // `__init__` returns the instance (the helper checks it returned None). A frame
                // this trace pushed for a function is an ordinary call's; an operator's exits
                // on `NotImplemented` (never a constant); others are checked.
                let entered = self.cur_ref().origin == Origin::Entered;
                let ty = match self.cur_ref().pushed {
                    Pushed::Init => Ty::Other,
                    Pushed::Binary if self.top(1) == Ty::Other => Ty::Unknown,
                    _ => self.top(1),
                };
                match self.cur_ref().pushed {
                    Pushed::Call if entered => self.emit(TraceOp::new(_POP_FRAME)),
                    Pushed::Binary if entered && instr.op == Opcode::RETURN_CONST => {
                        self.emit(TraceOp::new(_POP_FRAME))
                    }
                    Pushed::Binary if entered => {
                        let e = self.exit(pc);
                        let not_implemented = frame.not_implemented.as_ptr() as u64;
                        self.emit(TraceOp::new(_POP_FRAME_BINARY).operands(not_implemented, 0).exit(e));
                        self.name(not_implemented, "NotImplemented".to_string());
                    }
                    _ => self.emit(TraceOp::new(_POP_FRAME_CHECKED)),
                }
                self.frames.pop();
                match self.frames.last_mut() {
                    Some(caller) => caller.stack.push(ty),
                    // A side trace returned below the frame it started in (below the loop's
                    // own, once its function returns): the next instruction shows that frame
                    // (see `in_step`).
                    None => self.base_level -= 1,
                }
            }
            op => return Err(Abort::Opcode(op)),
        }
        Ok(None)
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
        let caller = self.cur_ref().code;
        self.count(caller);
        self.flush_count();
        self.counted = true;
        // The callee's frame, at its first instruction: where a safepoint exit resumes.
        let callee_level = (self.level() + 1) as i16;
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
    pub(super) fn continue_after_recursion(&mut self, frame: &Frame) -> Result<(), Abort> {
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
        let returning = self.cur_ref().code;
        self.count(returning);
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
        if let ObjKind::Native(native) = &callee.kind {
            if argc == 2 && self.top(3) == Ty::Null && crate::runtime::builtins::is_isinstance(native.func) {
                let (x, class) = (values[values.len() - 2], values[values.len() - 1]);
                if self.isinstance_by_subclass(callee, x, class, pc) {
                    return Ok(());
                }
            }
            if argc == 1 && crate::runtime::list_methods::is_append(native.func) {
                let list = values[values.len() - 2];
                if list.obj().is_some_and(|o| matches!(o.kind, ObjKind::List(_))) {
                    return self.call_list_append(callee, pc);
                }
            }
            return self.call_native(callee, native, argc, values[values.len() - 1], pc);
        }
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
        if f.code.code.name.starts_with('<') || !f.closure.is_null() {
            // A comprehension, a lambda or a closure: a new function object each time its
            // definition runs (an identity guard would fail every time): guard its code.
            let code = f.code as *const CodeObject as u64;
            self.emit(TraceOp::new(_CHECK_FUNCTION_CODE).oparg(argc).operands(code, 0).exit(e));
            self.name(code, format!("code of {}", f.code.code.name));
        } else {
            self.emit(TraceOp::new(_CHECK_FUNCTION).oparg(argc).operands(callee.as_ptr() as u64, 0).exit(e));
            self.keep_alive.push(callee);
            self.name(callee.as_ptr() as u64, format!("function {}", f.code.code.name));
        }
        let args = self.cur_ref().stack[self.cur_ref().stack.len() - nargs..].to_vec();
        let template = self.frame_template(callee, f, nargs, pc);
        // Past the recursion limit or the VM stack's end, the exit before the call lets the
        // interpreter's CALL raise RecursionError.
        self.emit(TraceOp::new(_PUSH_FRAME).oparg(argc).operands(&*template as *const FrameTemplate as u64, 0).exit(e));
        self.templates.push(template);
        self.enter_frame(argc, f.code, &args, Pushed::Call);
        Ok(())
    }

    /// Whether a call of `f` with `nargs` positional arguments can be followed into its frame:
    /// the interpreter's fast path (exactly its parameters), not a generator, not recursive (its
    /// code is not running in a frame of the trace), and not deeper than [`MAX_INLINE_DEPTH`].
    fn can_follow(&self, f: &crate::runtime::object::Function, nargs: usize) -> bool {
        let recursive = std::ptr::eq(f.code, self.code) || self.frames.iter().any(|s| std::ptr::eq(s.code, f.code));
        takes_exactly(f, nargs) && !recursive && self.level() + 1 < MAX_INLINE_DEPTH as isize
    }

    /// After the uop that pushed the frame of a call with `argc` arguments: `code` runs with
    /// parameters of types `params`; the call's slots leave the caller's stack (the result
    /// comes back with the return) and recording goes on in the new frame.
    fn enter_frame(&mut self, argc: u32, code: &'static CodeObject, params: &[Ty], pushed: Pushed) {
        self.pop(argc as usize + 2);
        let index = self.code_index(code);
        let mut state = FrameState::new(code, index, Origin::Entered, 0);
        state.instance = self.new_instance();
        state.pushed = pushed;
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
        let plain = c.native_new.get().is_none()
            && c.metaclass.get().is_none()
            && !c.is_abstract.get()
            && c.layout != crate::runtime::object::Layout::Exception
            && crate::runtime::types::custom_new(class).is_none();
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
        self.enter_frame(argc, f.code, &args, Pushed::Init);
        Ok(())
    }

    /// An operator whose (first) operand's class has a Python method for it that runs in a frame
    /// of its own (`runtime::opframes`): guarded on the operand's shape (so its class) and the
    /// class epoch (so the method), then `_PUSH_FRAME_OPERATOR` enters the method with the
    /// `operands` on top as the interpreter does and the trace follows it. A binary operator's
    /// frame (`binary`: its `BINARY_OP` argument) returns through `_POP_FRAME_BINARY`, which
    /// exits on `NotImplemented`; a unary one's is an ordinary call's.
    pub(super) fn operator_frame(
        &mut self,
        method: ObjRef,
        operands: u32,
        binary: Option<u32>,
        first: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        let ObjKind::Function(f) = &method.kind else { return Err(Abort::Generic) };
        let Some(ObjKind::Instance(instance)) = first.obj().map(|o| &o.kind) else { return Err(Abort::Generic) };
        if !self.can_follow(f, operands as usize) {
            return Err(Abort::Generic);
        }
        let shape = instance.shape.get() as *const crate::runtime::shape::Shape as u64;
        self.guard_shape(first, shape, operands as usize, pc);
        let e = self.exit(pc);
        self.keep_alive.push(method);
        self.name(method.as_ptr() as u64, format!("function {}", f.code.code.name));
        let mut template = self.frame_template(method, f, operands as usize, pc);
        if let Some(arg) = binary {
            template.frame.kind = crate::interpreter::FrameKind::Binary(arg);
        }
        let pushed = TraceOp::new(_PUSH_FRAME_OPERATOR).oparg(operands);
        self.emit(pushed.operands(&*template as *const FrameTemplate as u64, 0).exit(e));
        self.templates.push(template);
        let mut params = vec![Ty::Other];
        if operands == 2 {
            params.push(self.top(1));
        }
        // (`enter_frame` takes the operands off the stack as a call's two extra slots.)
        self.pop(operands as usize);
        self.push(Ty::Unknown);
        self.push(Ty::Unknown);
        self.enter_frame(0, f.code, &params, if binary.is_some() { Pushed::Binary } else { Pushed::Call });
        Ok(())
    }

    /// A call of a built-in function: `len(x)` of a built-in container or str, and `math.sqrt(x)`
    /// and its kind on an int or float, are one uop that computes the result (`_CALL_LEN`,
    /// `_CALL_MATH1`, guarded on the function and the argument); anything else goes through the
    /// runtime.
    fn call_native(
        &mut self,
        callee: ObjRef,
        native: &crate::runtime::object::Native,
        argc: u32,
        last: Value,
        pc: usize,
    ) -> Result<(), Abort> {
        if argc != 1 || self.top(2) != Ty::Null {
            return self.call_generic(argc, pc);
        }
        let (op, result) =
            if crate::runtime::builtins::is_len(native.func) && crate::runtime::builtins::native_len(last).is_some() {
                (TraceOp::new(_CALL_LEN), Ty::Int)
            } else {
                match crate::runtime::mathmod::kernel_of(native.func) {
                    Some(which) if matches!(last, Value::Int(_) | Value::Float(_)) => {
                        (TraceOp::new(_CALL_MATH1).oparg(which), Ty::Float)
                    }
                    _ => return self.call_generic(argc, pc),
                }
            };
        let e = self.exit(pc);
        self.emit(op.operands(callee.as_ptr() as u64, 0).exit(e));
        self.keep_alive.push(callee);
        self.name(callee.as_ptr() as u64, format!("function {}", native.name));
        self.pop(3);
        self.push(result);
        Ok(())
    }

    /// `xs.append(x)` on a list (`list.append` loaded as a method, the list in the self slot): one
    /// uop that appends in place, guarded on the function and the list's kind.
    fn call_list_append(&mut self, callee: ObjRef, pc: usize) -> Result<(), Abort> {
        let e = self.exit(pc);
        self.emit(TraceOp::new(_CALL_LIST_APPEND).operands(callee.as_ptr() as u64, 0).exit(e));
        self.keep_alive.push(callee);
        self.name(callee.as_ptr() as u64, "function list.append".to_string());
        self.pop(3);
        self.push(Ty::Other);
        Ok(())
    }

    /// `isinstance(x, C)` where `x` is an instance whose class is `C` or a subclass of it and `C`
    /// is a plain class (no metaclass, so no `__instancecheck__`): True for as long as the
    /// callee, `C`, `x`'s shape (which fixes its class) and every class stay what they are, so the
    /// call becomes guards and a constant (richards asserts the type of every task it handles).
    /// A false answer could still come out of a `__subclasshook__`, so it goes the generic way.
    fn isinstance_by_subclass(&mut self, callee: ObjRef, x: Value, class: Value, pc: usize) -> bool {
        let Some(ObjKind::Instance(instance)) = x.obj().map(|o| &o.kind) else { return false };
        let Some(c) = class.as_obj().filter(|c| matches!(c.kind, ObjKind::Class(_))) else { return false };
        if crate::runtime::metaclass::metaclass_of(c).is_some()
            || crate::runtime::metaclass::metaclass_of(instance.class).is_some()
            || !crate::runtime::types::is_subclass(instance.class, c)
        {
            return false;
        }
        let e = self.exit(pc);
        self.emit(TraceOp::new(_CHECK_FUNCTION).oparg(2).operands(callee.as_ptr() as u64, 0).exit(e));
        self.name(callee.as_ptr() as u64, "function isinstance".to_string());
        self.emit(TraceOp::new(_GUARD_TOS_IS).operands(c.as_ptr() as u64, 0).exit(e));
        let name = c.as_class().map(|k| k.name.clone()).unwrap_or_default();
        self.name(c.as_ptr() as u64, format!("class {name}"));
        // x is below C.
        self.guard_shape(x, instance.shape.get() as *const crate::runtime::shape::Shape as u64, 2, pc);
        self.keep_alive.push(callee);
        self.keep_alive.push(c);
        for _ in 0..4 {
            self.emit(TraceOp::new(_POP_TOP));
        }
        self.emit(TraceOp::new(_LOAD_CONST_INLINE).operands(crate::runtime::value::tag::BOOL, 1));
        self.pop(4);
        self.push(Ty::Bool);
        true
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
}

/// Whether the interpreter can run `op` for a trace (`_EXECUTE_BYTECODE`): it must neither jump
/// nor leave the frame (return, yield, raise), nor unbind a fast local, nor belong to exception
/// Whether a call of `f` with `nargs` positional arguments is the interpreter's fast path
/// (exactly its parameters; not a generator), the only calls a trace enters directly.
fn takes_exactly(f: &crate::runtime::object::Function, nargs: usize) -> bool {
    f.simple && nargs == f.code.code.argcount as usize && !f.code.code.is_generator()
}
