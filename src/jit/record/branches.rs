//! Recording control flow: a conditional branch becomes a guard on the direction taken; a
//! back-edge closes the loop (`_JUMP_TO_TOP`) or ends the trace with an exit linked to another
//! trace.

use super::*;

impl Recorder {
    pub(super) fn record_branch(&mut self, frame: &Frame, at: At) -> Result<Option<Trace>, Abort> {
        let At { pc, code, instr, arg } = at;
        let peek = |n: usize| frame.stack[frame.stack.len() - n];
        match instr.op {
            Opcode::JUMP_IF_TRUE_OR_POP | Opcode::JUMP_IF_FALSE_OR_POP => {
                // On a bool only: the value is the expression's result when the jump is taken.
                let truth = match peek(1) {
                    Value::Bool(truth) => {
                        self.guard(if truth { _GUARD_IS_TRUE } else { _GUARD_IS_FALSE }, pc);
                        self.set_top(1, Ty::Bool);
                        truth
                    }
                    v => {
                        // Any other value whose truth needs no Python code: the value stays.
                        let truth = pure_truth(v).ok_or("short-circuit on an object with __bool__ or __len__")?;
                        let e = self.exit(pc);
                        self.emit(TraceOp::new(_GUARD_TRUTH).oparg(truth as u32).exit(e));
                        truth
                    }
                };
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
                    v => {
                        // Any other value whose truth needs no Python code (None, a float, a
                        // container, an instance without __bool__ or __len__).
                        let truth = pure_truth(v).ok_or("branch on an object with __bool__ or __len__")?;
                        let jumped = truth == (instr.op == Opcode::POP_JUMP_IF_TRUE);
                        let e = self.exit(pc);
                        self.emit(TraceOp::new(_GUARD_TRUTH_POP).oparg(truth as u32).exit(e));
                        self.mark_loop_end(e, pc, jumped, arg);
                        self.pop(1);
                        return Ok(None);
                    }
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
                let own = arg as usize == self.header && self.in_loop_frame() && !self.function;
                // (A generator frame a FOR_ITER resumed, whether this trace resumed it or started
                // in it.)
                let generator = self.cur_ref().pushed == Pushed::Generator
                    || (frame.inline_generator && self.frames.len() == 1 && self.cur_ref().origin != Origin::Entered);
                if !own && generator && self.cur_ref().looped < MAX_GENERATOR_LOOPS {
                    // A generator goes round its own loop to its next yield (a filter skips a few
                    // items): part of the straight line, a few times per resume (more, and it
                    // is an inner loop).
                    self.cur().looped += 1;
                    return Ok(None);
                }
                if !own && !(frame.has_trace)(code, arg as usize) {
                    // Another loop without a trace yet: the engine has it recorded first.
                    self.blocked_by = Some((code, pc));
                    return Err(INNER_LOOP.into());
                }
                let safepoint = self.exit_at(pc, false);
                if self.counting {
                    // `--stats`: the back-edge is done once the safepoint check passed (if it
                    // leaves, the interpreter runs the back-edge and counts it).
                    self.flush_count();
                    self.emit(TraceOp::new(_CHECK_SAFEPOINT).operands(self.gc_flag, 0).exit(safepoint));
                    self.count(code);
                    self.flush_count();
                }
                if own && !self.side {
                    self.emit(TraceOp::new(_JUMP_TO_TOP).operands(self.gc_flag, 0).exit(safepoint));
                    return Ok(Some(self.finish()));
                }
                // A side trace back at its loop, or any trace at another loop that has a trace:
                // check the safepoint, then continue in that loop's trace through a link.
                if !self.counting {
                    self.emit(TraceOp::new(_CHECK_SAFEPOINT).operands(self.gc_flag, 0).exit(safepoint));
                }
                if !own {
                    self.link_to = Some((code, arg as usize));
                }
                return Ok(Some(self.close_linked(pc)));
            }
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
        self.mark_loop_end(e, pc, jumped, target);
    }

    /// Marks a branch's exit `e` as where the loop ends when the other direction leaves it.
    fn mark_loop_end(&mut self, e: ExitId, pc: usize, jumped: bool, target: u32) {
        let other = if jumped { pc + 1 } else { target as usize };
        if self.in_loop_frame() && (other < self.header || other > self.loop_end) {
            self.trace.exits[e.index()].ends_loop = true;
        }
    }

    /// Ends the trace with an exit at `pc` that resumes the interpreter there (never linked).
    pub(super) fn close_with_exit(&mut self, pc: usize) -> Trace {
        self.close_at(ExitPoint::plain(pc as u32))
    }

    /// Ends the trace of a recording grown past [`MAX_TRACE_LENGTH`] with an exit at `pc` from
    /// which a side trace grows when it gets hot: the continuation of this one.
    pub(super) fn close_continued(&mut self, pc: usize) -> Trace {
        self.close_at(ExitPoint { continues: true, ..ExitPoint::guard(pc as u32) })
    }

    fn close_at(&mut self, point: ExitPoint) -> Trace {
        self.flush_count();
        let (code, level) = (self.cur_ref().code_index, self.level() as i16);
        let exit = self.trace.add_exit(point.in_frame(code, level));
        self.emit(TraceOp::new(_DEOPT).exit(exit));
        self.finish()
    }

    /// Ends the trace with an exit at `pc` that the engine links to another trace (`link_to`,
    /// else the side trace's own loop); unlinked, it would resume the interpreter at `pc`.
    pub(super) fn close_linked(&mut self, pc: usize) -> Trace {
        self.flush_count();
        let (code, level) = (self.cur_ref().code_index, self.level() as i16);
        // Distinct from any other exit at `pc`: this one gets linked.
        let link = self.trace.add_exit(ExitPoint::plain(pc as u32).in_frame(code, level));
        self.emit(TraceOp::new(_DEOPT).exit(link));
        self.trace.link_exit = Some(link);
        self.finish()
    }
}
