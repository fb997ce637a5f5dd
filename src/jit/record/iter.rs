//! Recording iteration and indexing: `FOR_ITER` over ranges, lists, tuples and enumerated
//! lists (its exhaustion is the loop's end), `GET_ITER`, unpacking, list and tuple subscripts,
//! and the yields of a generator a built-in drains.

use super::*;

impl Recorder {
    pub(super) fn record_iteration(&mut self, frame: &Frame, at: At) -> Result<Option<Trace>, Abort> {
        let At { pc, code, instr, arg } = at;
        let peek = |n: usize| frame.stack[frame.stack.len() - n];
        match instr.op {
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
                                let Value::Obj(inner) = it else { return self.defer_for_iter(pc, arg) };
                                let ObjKind::Iterator(inner) = &inner.kind else {
                                    return self.defer_for_iter(pc, arg);
                                };
                                let more = match &*inner.borrow() {
                                    IterState::Seq { seq, index } => match &seq.kind {
                                        ObjKind::List(items) => *index < items.borrow().len(),
                                        _ => return self.defer_for_iter(pc, arg),
                                    },
                                    IterState::Exhausted => false,
                                    _ => return self.defer_for_iter(pc, arg),
                                };
                                if !unpacks || !matches!(count, Value::Int(_)) {
                                    return self.defer_for_iter(pc, arg);
                                }
                                (_FOR_ITER_ENUMERATE_LIST, more)
                            }
                            _ => return self.defer_for_iter(pc, arg),
                        },
                        ObjKind::Generator(g) => return self.resume_generator(g, pc, arg),
                        _ => return self.defer_for_iter(pc, arg),
                    },
                    _ => return Err("iteration over a non-object".into()),
                };
                if !more {
                    if !self.side && !self.function && self.in_loop_frame() && pc == self.header {
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
            Opcode::YIELD_VALUE if self.cur_ref().pushed == Pushed::Generator => {
                // Back to the consumer, with the item on its stack after the iterator.
                self.emit(TraceOp::new(_YIELD_VALUE).operands(pc as u64, 0));
                let item = self.top(1);
                self.frames.pop();
                self.cur().stack.push(item);
            }
            Opcode::YIELD_VALUE
                if self.side
                    && frame.inline_generator
                    && self.frames.len() == 1
                    && self.cur_ref().origin != Origin::Entered =>
            {
                // A side trace in a generator a FOR_ITER resumed: the yield goes back to the
                // consumer the recording saw, guarded (the generator may be consumed anywhere),
                // and the trace goes on there.
                let Some((consumer, resume)) = frame.caller else { return Err(Abort::Generic) };
                let address = consumer as *const CodeObject as u64;
                let e = self.exit(pc);
                self.emit(TraceOp::new(_GUARD_CONSUMER).operands(address, resume as u64).exit(e));
                self.name(address, format!("code of {}", consumer.code.name));
                self.emit(TraceOp::new(_YIELD_VALUE).operands(pc as u64, 0));
                self.frames.pop();
                // The next instruction shows the consumer's frame (see `in_step`).
                self.base_level -= 1;
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
                    // (Two and three items, the common counts, have uops of their own that keep
                    // the items in registers.)
                    let op = match n {
                        2 => TraceOp::new(_UNPACK_SEQUENCE_TWO),
                        3 => TraceOp::new(_UNPACK_SEQUENCE_THREE),
                        _ => TraceOp::new(_UNPACK_SEQUENCE).oparg(arg),
                    };
                    self.emit(op.exit(e));
                    self.pop(1);
                    for _ in 0..n {
                        self.push(Ty::Unknown);
                    }
                }
            }
            Opcode::BINARY_SUBSCR | Opcode::STORE_SUBSCR
                if self.fused_slice.take() == Some((self.cur_ref().code_index, pc)) =>
            {
                // Done by the slice uop the BUILD_SLICE before became.
                if instr.op == Opcode::BINARY_SUBSCR {
                    self.pop(1);
                    self.set_top(1, Ty::Other);
                } else {
                    self.pop(3);
                }
            }
            Opcode::BINARY_SUBSCR => {
                let uop = match (peek(2), peek(1)) {
                    (Value::Obj(o), Value::Int(_)) if !matches!(o.kind, ObjKind::Dict(_)) => match &o.kind {
                        ObjKind::List(_) => _BINARY_SUBSCR_LIST_INT,
                        ObjKind::Tuple(_) => _BINARY_SUBSCR_TUPLE_INT,
                        _ => return Err(Abort::Generic),
                    },
                    (Value::Obj(o), Value::Obj(k))
                        if matches!(o.kind, ObjKind::List(_)) && matches!(k.kind, ObjKind::Slice(..)) =>
                    {
                        _BINARY_SUBSCR_LIST_SLICE
                    }
                    (Value::Obj(o), key) if native_key(key) => match &o.kind {
                        ObjKind::Dict(d) if d.try_borrow().is_ok_and(|d| !d.is_empty()) => _BINARY_SUBSCR_DICT,
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
                (Value::Obj(o), Value::Obj(k))
                    if matches!(o.kind, ObjKind::List(_)) && matches!(k.kind, ObjKind::Slice(..)) =>
                {
                    self.guard(_STORE_SUBSCR_LIST_SLICE, pc);
                    self.pop(3);
                }
                (Value::Obj(o), key) if matches!(o.kind, ObjKind::Dict(_)) && native_key(key) => {
                    self.guard(_STORE_SUBSCR_DICT, pc);
                    self.pop(3);
                }
                _ => return Err(Abort::Generic),
            },

            op => return Err(Abort::Opcode(op)),
        }
        Ok(None)
    }

    /// `FOR_ITER` over a generator: guarded on its code and where it resumes, its frame is
    /// pushed as the interpreter's `FOR_ITER` pushes it (`_PUSH_GENERATOR_FRAME`) and the trace
    /// follows it to its `YIELD_VALUE`, which returns to the consumer with the item. Beyond
    /// [`MAX_INLINE_DEPTH`] the loop is left to the interpreter, which resumes generators
    /// inline (a trace would resume each in a nested run, slower than no trace).
    fn resume_generator(
        &mut self,
        gen: &std::cell::RefCell<crate::runtime::object::Generator>,
        pc: usize,
        target: u32,
    ) -> Result<Option<Trace>, Abort> {
        let Ok(g) = gen.try_borrow() else { return self.defer_for_iter(pc, target) };
        use crate::runtime::object::GenState;
        if !matches!(g.state, GenState::Created | GenState::Suspended) {
            // Finished (the loop ends) or running (the interpreter raises).
            return self.defer_for_iter(pc, target);
        }
        if self.level() + 1 >= MAX_INLINE_DEPTH as isize {
            return Err(GENERATOR.into());
        }
        let (code, resume) = (g.code, g.pc as usize);
        let stack_depth = (g.saved.len() + 1).checked_sub(code.nlocalsplus).ok_or(Abort::Generic)?;
        drop(g);
        let address = code as *const CodeObject as u64;
        self.name(address, format!("code of {}", code.code.name));
        let e = self.exit(pc);
        self.emit(TraceOp::new(_GUARD_GENERATOR).operands(address, resume as u64).exit(e));
        self.emit(TraceOp::new(_PUSH_GENERATOR_FRAME).operands(pc as u64, target as u64));
        let index = self.code_index(code);
        let mut state = FrameState::new(code, index, Origin::Returned, stack_depth);
        state.instance = self.new_instance();
        state.pushed = Pushed::Generator;
        self.frames.push(state);
        Ok(None)
    }

    /// `FOR_ITER` over an iterator the recorder cannot see into without running it (a generator,
    /// a class with `__next__`, `zip`, a dict's keys, ...): which way it goes is known only once
    /// it ran, so the uop is emitted at the next instruction ([`Recorder::resolve_for_iter`]).
    fn defer_for_iter(&mut self, pc: usize, target: u32) -> Result<Option<Trace>, Abort> {
        self.deferred_for_iter = Some((pc, target as usize));
        Ok(None)
    }

    /// Emits the `FOR_ITER` at `pc` deferred by `defer_for_iter` now that the interpreter ran it
    /// and is at `now` in the same frame: at the loop's body (an item was pushed) or past the
    /// loop (`target`: the iterator was exhausted and popped). Either uop asks the iterator
    /// exactly once, and leaves by its exit after doing so when it goes the other way.
    pub(super) fn resolve_for_iter(&mut self, (pc, target): (usize, usize), now: usize) -> Result<(), Abort> {
        let recorded_at = std::mem::replace(&mut self.current_pc, pc);
        let result = if now == pc + 1 {
            // The exit resumes past the loop with the iterator popped, where the loop ends.
            let e = self.exit_at(target, true);
            self.trace.exits[e.index()].ends_loop = true;
            self.emit(TraceOp::new(_FOR_ITER_NEXT).operands(pc as u64, 0).exit(e));
            self.push(Ty::Unknown);
            Ok(())
        } else if now == target {
            if !self.side && !self.function && self.in_loop_frame() && pc == self.header {
                Err(LOOP_EXIT.into())
            } else {
                // The exit resumes in the loop's body with the item pushed.
                let e = self.exit_at(pc + 1, true);
                self.emit(TraceOp::new(_FOR_ITER_NEXT_EXHAUSTED).operands(pc as u64, 0).exit(e));
                self.pop(1);
                Ok(())
            }
        } else {
            Err("FOR_ITER went elsewhere (internal)".into())
        };
        self.current_pc = recorded_at;
        result
    }
}

/// A dict key the dict uops hash and compare without Python code: a str or an int.
fn native_key(key: Value) -> bool {
    matches!(key, Value::Int(_)) || crate::runtime::strings::as_str(key).is_some()
}
