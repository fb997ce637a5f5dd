//! Generators: frames that are saved off the VM stack while suspended.
//!
//! A generator function's code starts with `RETURN_GENERATOR`, which copies the new frame's
//! slots (locals and value stack) into a [`Generator`] object and returns it. Resuming pushes
//! a frame at the top of the VM stack, copies the slots back and continues at the saved pc
//! with the sent value pushed; `YIELD_VALUE` copies them out again. A `for` loop in Python
//! resumes generators inline in the run loop (no native recursion: generators consumed by
//! generators cost one frame push each); Rust code (`list(gen)`, `next(gen)`) resumes them
//! with a nested run.

use crate::bytecode::Opcode;
use crate::runtime::attr;
use crate::runtime::iter as pyiter;
use crate::runtime::object::{GenState, Generator, ObjKind};
use crate::runtime::ops;
use crate::runtime::types;
use crate::runtime::value::{ObjRef, Value};

use super::{Exit, Frame, FrameKind, PyErr, PyResult, Sink, Vm};

type Kw<'a> = &'a [(crate::runtime::interner::Sym, Value)];

/// What sending a value into a generator or iterator ended with (`SEND`).
pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

/// The generator type's methods.
pub fn init(vm: &mut Vm) {
    let class = vm.types.generator;
    types::add_methods(
        vm,
        class,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__next__", gen_next),
            ("__iter__", gen_iter),
        ],
    );
}

fn generator_arg(vm: &mut Vm, args: &[Value], what: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(g) if matches!(g.kind, ObjKind::Generator(_)) => Ok(g),
        _ => Err(vm.new_error(vm.types.type_error, &format!("descriptor '{what}' requires a 'generator' object"))),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = generator_arg(vm, args, "send")?;
    if args.len() != 2 {
        return Err(vm.new_error(
            vm.types.type_error,
            &format!("generator.send() takes exactly one argument ({} given)", args.len() - 1),
        ));
    }
    let exit = vm.generator_resume_with(g, args[1], None)?;
    vm.yielded_or_stop(exit)
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = generator_arg(vm, args, "__next__")?;
    let exit = vm.generator_resume_with(g, Value::None, None)?;
    vm.yielded_or_stop(exit)
}

fn gen_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    generator_arg(vm, args, "__iter__").map(Value::Obj)
}

/// `gen.throw(exc)`, `gen.throw(type[, value])`.
fn gen_throw(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = generator_arg(vm, args, "throw")?;
    let err = match args {
        [_, typ] => vm.make_raise(*typ, None),
        [_, typ, value, ..] if typ.obj().and_then(|o| o.as_class()).is_some() && !value.is_none() => {
            if value.obj().and_then(|o| o.as_exception()).is_some() {
                vm.make_raise(*value, None)
            } else {
                let typ = typ.as_obj().unwrap_or(vm.types.type_error);
                let made = vm.new_error_args(typ, vec![*value]);
                vm.make_raise(Value::Obj(made.0), None)
            }
        }
        [_, typ, ..] => vm.make_raise(*typ, None),
        _ => {
            return Err(vm.new_error(vm.types.type_error, "throw expected at least 1 argument, got 0"));
        }
    };
    // (`make_raise` reports a bad argument as the TypeError it returns.)
    if !vm.isinstance(Value::Obj(err.0), vm.types.base_exception) {
        return Err(err);
    }
    vm.generator_throw(g, err)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let g = generator_arg(vm, args, "close")?;
    vm.generator_close(g)?;
    Ok(Value::None)
}

impl Vm {
    /// `RETURN_GENERATOR`: turns the running frame into a generator object.
    pub fn make_generator(&mut self, frame: &Frame, sp: usize, pc: usize) -> Value {
        let saved = self.stack_slice(frame.base, sp).to_vec();
        let func = frame.func.as_obj().unwrap_or(frame.globals);
        let gen = Generator {
            func,
            code: frame.code,
            globals: frame.globals,
            saved,
            pc: pc as u32,
            state: GenState::Created,
        };
        Value::Obj(self.alloc(ObjKind::Generator(Box::new(std::cell::RefCell::new(gen)))))
    }

    /// `YIELD_VALUE`: saves the running generator frame (its slots up to `sp`) and pops it.
    pub fn suspend_generator(&mut self, frame: &Frame, sp: usize, pc: usize) -> Frame {
        if let FrameKind::Generator { gen, .. } = frame.kind {
            if let ObjKind::Generator(g) = &gen.kind {
                let mut g = g.borrow_mut();
                g.saved.clear();
                g.saved.extend_from_slice(self.stack_slice(frame.base, sp));
                g.pc = pc as u32;
                g.state = GenState::Suspended;
            }
        }
        let done = self.frames.pop().unwrap_or(*frame);
        if done.entry {
            self.sp = done.base;
        }
        done
    }

    /// Marks a generator finished (returned or raised).
    pub fn finish_generator(&mut self, gen: ObjRef) {
        if let ObjKind::Generator(g) = &gen.kind {
            let mut g = g.borrow_mut();
            g.state = GenState::Done;
            g.saved = Vec::new();
        }
    }

    /// Pushes the generator's frame at `Vm::sp` with `sent` as the value of the paused
    /// expression. Returns false when the generator is already finished.
    fn push_generator_frame(
        &mut self,
        gen: ObjRef,
        exhausted_target: Option<u32>,
        sink: Option<Sink>,
        entry: bool,
        sent: Value,
    ) -> PyResult<bool> {
        let ObjKind::Generator(g) = &gen.kind else {
            return Ok(false);
        };
        let (code, globals, func, pc, saved) = {
            let mut g = g.borrow_mut();
            match g.state {
                GenState::Done => return Ok(false),
                GenState::Running => {
                    drop(g);
                    return Err(self.new_error(self.types.value_error, "generator already executing"));
                }
                GenState::Created if !sent.is_none() => {
                    drop(g);
                    return Err(
                        self.new_error(self.types.type_error, "can't send non-None value to a just-started generator")
                    );
                }
                GenState::Created | GenState::Suspended => {}
            }
            g.state = GenState::Running;
            (g.code, g.globals, g.func, g.pc, std::mem::take(&mut g.saved))
        };
        let base = self.sp;
        let frame = Frame {
            code,
            func: Value::Obj(func),
            globals,
            locals_dict: Value::Null,
            base,
            sp: base + saved.len() + 1,
            pc: pc as usize,
            kind: FrameKind::Generator { gen, exhausted_target, sink },
            entry,
        };
        if let Err(e) = self.push_frame(frame, code.nlocalsplus) {
            self.finish_generator(gen);
            return Err(e);
        }
        for (i, v) in saved.iter().enumerate() {
            self.set_slot(base + i, *v);
        }
        self.set_slot(base + saved.len(), sent);
        self.sp = base + saved.len() + 1;
        // Give the buffer back so suspending again reuses its capacity.
        let mut saved = saved;
        saved.clear();
        if let ObjKind::Generator(g) = &gen.kind {
            g.borrow_mut().saved = saved;
        }
        Ok(true)
    }

    /// `FOR_ITER` over a generator: pushes its frame so the run loop continues inside it.
    /// `None` when the generator is exhausted.
    pub fn resume_generator_inline(&mut self, gen: ObjRef, target: u32) -> PyResult<Option<()>> {
        Ok(if self.push_generator_frame(gen, Some(target), None, false, Value::None)? { Some(()) } else { None })
    }

    /// `next(gen)` from Rust: the next value, or `None` when the generator is exhausted.
    pub fn generator_next(&mut self, gen: ObjRef) -> PyResult<Option<Value>> {
        Ok(match self.generator_resume(gen)? {
            Some(Exit::Yield(v)) => Some(v),
            Some(Exit::Return(_) | Exit::Stepped) | None => None,
        })
    }

    /// Resumes a generator from Rust: what it yielded or returned, or `None` when it had
    /// already finished.
    pub fn generator_resume(&mut self, gen: ObjRef) -> PyResult<Option<Exit>> {
        self.generator_resume_with(gen, Value::None, None)
    }

    /// Resumes a generator from Rust with `sent` as the value of its paused `yield`, or with
    /// `throw` raised there.
    pub fn generator_resume_with(&mut self, gen: ObjRef, sent: Value, throw: Option<PyErr>) -> PyResult<Option<Exit>> {
        self.enter_native()?;
        let pos = self.sp;
        let result = (|| {
            if !self.push_generator_frame(gen, None, None, true, sent)? {
                return Ok(None);
            }
            self.pending_throw = throw;
            self.run().map(Some)
        })();
        self.sp = pos;
        self.leave_native();
        result
    }

    /// Runs a generator, giving everything it yields to `sink` (whose objects the caller keeps
    /// rooted): one run of the frame instead of a resume and a suspend per item. Returns None
    /// once the generator is exhausted, or the first value the sink did not take, with the
    /// generator suspended at that yield as `next()` would leave it.
    pub fn generator_drain(&mut self, gen: ObjRef, sink: Sink) -> PyResult<Option<Value>> {
        self.enter_native()?;
        let pos = self.sp;
        let result = (|| {
            if self.push_generator_frame(gen, None, Some(sink), true, Value::None)? {
                if let Exit::Yield(v) = self.run()? {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        })();
        self.sp = pos;
        self.leave_native();
        result
    }

    /// Whether `sink` takes the value a draining generator yields (and consumes it): a list
    /// always; a running total while it and the value are ints, floats or bools (the sum runs
    /// no Python code and cannot raise); a truth test while the value's truth is plain and not
    /// the one it waits for. A value it does not take is left untouched.
    pub fn sink_take(&mut self, sink: Sink, v: Value) -> bool {
        let plain_number = |v: Value| matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_));
        match sink {
            Sink::List(list) => match list.as_list() {
                Some(items) => {
                    items.borrow_mut().push(v);
                    true
                }
                None => false,
            },
            Sink::Sum(cell) => {
                let ObjKind::Cell(total) = &cell.kind else { return false };
                let acc = total.get();
                if !plain_number(acc) || !plain_number(v) {
                    return false;
                }
                match ops::binary_op(self, crate::bytecode::BinaryOp::Add, false, acc, v) {
                    Ok(r) => {
                        total.set(r);
                        true
                    }
                    Err(_) => false,
                }
            }
            Sink::Until(stop) => {
                let truth = match v {
                    Value::Bool(b) => b,
                    Value::Int(i) => i != 0,
                    Value::Float(f) => f != 0.0,
                    Value::None => false,
                    _ => match crate::runtime::strings::as_str(v) {
                        Some(s) => !s.is_empty(),
                        None => return false,
                    },
                };
                truth != stop
            }
        }
    }
}

impl Vm {
    /// A generator method's result: what it yielded, or StopIteration with what it returned.
    fn yielded_or_stop(&mut self, exit: Option<Exit>) -> PyResult<Value> {
        match exit {
            Some(Exit::Yield(v)) => Ok(v),
            Some(Exit::Return(v)) if !v.is_none() => Err(self.new_error_args(self.types.stop_iteration, vec![v])),
            _ => Err(self.new_error_args(self.types.stop_iteration, vec![])),
        }
    }

    /// The `value` of a StopIteration (its first argument, or None).
    pub fn stop_iteration_value(&self, exc: ObjRef) -> Value {
        exc.as_exception()
            .and_then(|e| e.borrow().args.obj().and_then(|t| t.as_tuple()).and_then(|t| t.first().copied()))
            .unwrap_or(Value::None)
    }

    /// The delegate of a generator suspended in a `yield from` (the value below the yielded
    /// one, kept in its saved slots).
    fn yield_from_delegate(&self, gen: ObjRef) -> Option<Value> {
        let ObjKind::Generator(g) = &gen.kind else {
            return None;
        };
        let g = g.borrow();
        if g.state != GenState::Suspended {
            return None;
        }
        let at = g.code.code.instrs.get((g.pc as usize).checked_sub(1)?)?;
        (at.op == Opcode::YIELD_VALUE && at.arg == 1).then(|| g.saved.last().copied()).flatten()
    }

    /// `SEND`: sends `value` into `receiver` (a generator, or any iterator: `next` for None,
    /// else its `send` method).
    pub fn send_into(&mut self, receiver: Value, value: Value) -> PyResult<Sent> {
        if let Some(g) = receiver.as_obj().filter(|o| matches!(o.kind, ObjKind::Generator(_))) {
            return Ok(match self.generator_resume_with(g, value, None)? {
                Some(Exit::Yield(y)) => Sent::Yielded(y),
                Some(Exit::Return(r)) => Sent::Returned(r),
                Some(Exit::Stepped) | None => Sent::Returned(Value::None),
            });
        }
        let result = if value.is_none() {
            if let Some(ObjKind::Instance(_)) = receiver.obj().map(|o| &o.kind) {
                match ops::call_special(self, receiver, crate::runtime::interner::sym::NEXT, &[]) {
                    Ok(Some(y)) => Ok(y),
                    Ok(None) => {
                        let tn = ops::type_name(self, receiver);
                        return Err(self.new_error(self.types.type_error, &format!("'{tn}' object is not an iterator")));
                    }
                    Err(e) => Err(e),
                }
            } else {
                return Ok(match pyiter::next(self, receiver)? {
                    Some(y) => Sent::Yielded(y),
                    None => Sent::Returned(Value::None),
                });
            }
        } else {
            let name = self.intern("send");
            let send = attr::getattr(self, receiver, name)?;
            self.call(send, &[value], &[])
        };
        match result {
            Ok(y) => Ok(Sent::Yielded(y)),
            Err(e) if self.isinstance(Value::Obj(e.0), self.types.stop_iteration) => {
                Ok(Sent::Returned(self.stop_iteration_value(e.0)))
            }
            Err(e) => Err(e),
        }
    }

    /// `gen.throw(err)`: a generator suspended in `yield from` passes it to its delegate first
    /// (a GeneratorExit closes the delegate); whatever the delegate ends with is raised in the
    /// generator at its `yield`.
    pub fn generator_throw(&mut self, gen: ObjRef, err: PyErr) -> PyResult<Value> {
        let mut err = err;
        if let Some(delegate) = self.yield_from_delegate(gen) {
            // The delegate stays rooted in the generator's saved slots meanwhile.
            if self.isinstance(Value::Obj(err.0), self.types.generator_exit) {
                if let Err(e) = self.close_iterator(delegate) {
                    err = e;
                }
            } else {
                let thrown = match delegate.as_obj() {
                    Some(d) if matches!(d.kind, ObjKind::Generator(_)) => Some(self.generator_throw(d, err)),
                    _ => {
                        let name = self.intern("throw");
                        match attr::lookup(self, delegate, name)? {
                            Some(throw) => Some(self.call(throw, &[Value::Obj(err.0)], &[])),
                            None => None,
                        }
                    }
                };
                match thrown {
                    Some(Ok(y)) => return Ok(y),
                    Some(Err(e)) => err = e,
                    None => {}
                }
            }
        }
        let state = match &gen.kind {
            ObjKind::Generator(g) => g.borrow().state,
            _ => GenState::Done,
        };
        if state == GenState::Done {
            return Err(err);
        }
        let exit = self.generator_resume_with(gen, Value::None, Some(err))?;
        self.yielded_or_stop(exit)
    }

    /// `gen.close()`: GeneratorExit raised at the paused `yield`; a generator that yields
    /// instead is a RuntimeError. A generator that never started just finishes.
    pub fn generator_close(&mut self, gen: ObjRef) -> PyResult<()> {
        let state = match &gen.kind {
            ObjKind::Generator(g) => g.borrow().state,
            _ => return Ok(()),
        };
        match state {
            GenState::Done => return Ok(()),
            GenState::Created => {
                self.finish_generator(gen);
                return Ok(());
            }
            GenState::Running => {
                return Err(self.new_error(self.types.value_error, "generator already executing"));
            }
            GenState::Suspended => {}
        }
        let exit = self.new_error_args(self.types.generator_exit, vec![]);
        match self.generator_throw(gen, exit) {
            Ok(_) => Err(self.new_error(self.types.runtime_error, "generator ignored GeneratorExit")),
            Err(e)
                if self.isinstance(Value::Obj(e.0), self.types.generator_exit)
                    || self.isinstance(Value::Obj(e.0), self.types.stop_iteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Closes a `yield from` delegate: a generator, or any object with a `close` method.
    fn close_iterator(&mut self, it: Value) -> PyResult<()> {
        if let Some(g) = it.as_obj().filter(|o| matches!(o.kind, ObjKind::Generator(_))) {
            return self.generator_close(g);
        }
        let name = self.intern("close");
        if let Some(close) = attr::lookup(self, it, name)? {
            self.call(close, &[], &[])?;
        }
        Ok(())
    }

    /// PEP 479: a StopIteration that escapes a generator's frame becomes a RuntimeError.
    pub fn stop_iteration_escaped(&mut self, err: PyErr) -> PyErr {
        if !self.isinstance(Value::Obj(err.0), self.types.stop_iteration) {
            return err;
        }
        let new = self.new_error(self.types.runtime_error, "generator raised StopIteration");
        if let Some(d) = new.0.as_exception() {
            let mut d = d.borrow_mut();
            d.cause = Value::Obj(err.0);
            d.context = Value::Obj(err.0);
            d.suppress_context = true;
        }
        new
    }
}
