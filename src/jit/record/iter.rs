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
}
