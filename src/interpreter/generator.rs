//! Generators: frames that are saved off the VM stack while suspended.
//!
//! A generator function's code starts with `RETURN_GENERATOR`, which copies the new frame's
//! slots (locals and value stack) into a [`Generator`] object and returns it. Resuming pushes
//! a frame at the top of the VM stack, copies the slots back and continues at the saved pc
//! with the sent value pushed; `YIELD_VALUE` copies them out again. A `for` loop in Python
//! resumes generators inline in the run loop (no native recursion: generators consumed by
//! generators cost one frame push each); Rust code (`list(gen)`, `next(gen)`) resumes them
//! with a nested run.

use crate::runtime::object::{GenState, Generator, ObjKind};
use crate::runtime::value::{ObjRef, Value};

use super::{Exit, Frame, FrameKind, PyResult, Vm};

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
        sink: Option<ObjRef>,
        entry: bool,
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
        self.set_slot(base + saved.len(), Value::None);
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
        Ok(if self.push_generator_frame(gen, Some(target), None, false)? { Some(()) } else { None })
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
        self.enter_native()?;
        let pos = self.sp;
        let result = (|| {
            if !self.push_generator_frame(gen, None, None, true)? {
                return Ok(None);
            }
            self.run().map(Some)
        })();
        self.sp = pos;
        self.leave_native();
        result
    }

    /// Runs a generator to exhaustion, appending everything it yields to the list `sink`
    /// (which the caller keeps rooted). One run of the frame instead of a resume and a
    /// suspend per item.
    pub fn generator_drain(&mut self, gen: ObjRef, sink: ObjRef) -> PyResult<()> {
        self.enter_native()?;
        let pos = self.sp;
        let result = (|| {
            if self.push_generator_frame(gen, None, Some(sink), true)? {
                self.run()?;
            }
            Ok(())
        })();
        self.sp = pos;
        self.leave_native();
        result
    }
}
