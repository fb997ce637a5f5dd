//! Code generation for statements.
//!
//! Each statement compiles to the instruction pattern CPython 3.12's `compile.c` uses, adapted
//! to stitch's bytecode (see `bytecode.rs`): loops (`FOR_ITER` pops the exhausted iterator
//! itself, so there is no `END_FOR`), assignments and unpacking, `try`/`except`/`finally` with
//! an exception table and no `lasti`, and imports.
//!
//! The delicate part is leaving a block early. `break`, `continue` and `return` walk the stack
//! of frame blocks ([`FBlock`]) from the inside out and emit what each one needs to be left
//! cleanly — pop a `for` loop's iterator, end a protected region, restore the previously
//! handled exception, clear an `except ... as name` variable, or run a `finally` body inline —
//! exactly as CPython's `compiler_unwind_fblock` does. While a `finally` body is inlined, the
//! blocks already unwound are removed from the stack, so a `return` inside that body unwinds
//! only what is still around it.

use ruff_python_ast::{self as ast, ElifElseClause, ExceptHandler, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::assemble::Label;
use super::compiler::{count_u32, Compiler, FBlock, NameCtx, Result};
use super::symtable::{mangle, ScopeKind};
use crate::bytecode::{BinaryOp, Const, Opcode, INPLACE};

/// `CALL_INTRINSIC_1`'s argument for `from m import *` (CPython 3.12's numbering).
const INTRINSIC_IMPORT_STAR: u32 = 2;

impl<'a> Compiler<'a> {
    pub(super) fn compile_body(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|stmt| self.compile_stmt(stmt))
    }

    fn compile_stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
        let saved = self.set_line(stmt.range());
        let saved_statement = std::mem::replace(&mut self.unit.statement, stmt.range());
        let result = self.compile_stmt_kind(stmt);
        self.unit.statement = saved_statement;
        self.restore_line(saved);
        result
    }

    fn compile_stmt_kind(&mut self, stmt: &'a Stmt) -> Result<()> {
        match stmt {
            Stmt::FunctionDef(def) => self.compile_function_def(def),
            Stmt::ClassDef(class) => self.compile_class_def(class),
            Stmt::Return(ret) => self.compile_return(ret),
            Stmt::Delete(del) => del.targets.iter().try_for_each(|target| self.compile_delete(target)),
            Stmt::Assign(assign) => self.compile_assign(assign),
            Stmt::AugAssign(aug) => self.compile_aug_assign(aug),
            Stmt::AnnAssign(ann) => self.compile_ann_assign(ann),
            Stmt::For(for_stmt) => self.compile_for(for_stmt),
            Stmt::While(while_stmt) => self.compile_while(while_stmt),
            Stmt::If(if_stmt) => self.compile_if(&if_stmt.test, &if_stmt.body, &if_stmt.elif_else_clauses),
            Stmt::Raise(raise) => self.compile_raise(raise),
            Stmt::Try(try_stmt) => self.compile_try(try_stmt),
            Stmt::Assert(assert) => self.compile_assert(assert),
            Stmt::Import(import) => self.compile_import(import),
            Stmt::ImportFrom(import) => self.compile_import_from(import),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(expr) => self.compile_expr_stmt(&expr.value),
            Stmt::Break(brk) => self.compile_break(brk.range),
            Stmt::Continue(cont) => self.compile_continue(cont.range),
            Stmt::With(with) if with.is_async => Err(self.unsupported(with.range, "'async with'")),
            Stmt::With(with) => self.compile_with(with, 0),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::TypeAlias(alias) => Err(self.unsupported(alias.range, "'type' statement")),
            Stmt::IpyEscapeCommand(cmd) => Err(self.unsupported(cmd.range, "IPython escapes")),
        }
    }

    /// An expression statement; constant ones (docstrings, `...`) compile to nothing.
    fn compile_expr_stmt(&mut self, value: &'a Expr) -> Result<()> {
        if self.interactive && self.outer.is_empty() {
            self.compile_expr(value)?;
            self.emit(Opcode::PRINT_EXPR, 0);
            return Ok(());
        }
        if self.constant_value(value).is_some() {
            return Ok(());
        }
        self.compile_expr(value)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    // -- assignment ----------------------------------------------------------------------------

    /// `a = b = value`: the value is computed once and `COPY`ed for all but the last target.
    fn compile_assign(&mut self, assign: &'a ast::StmtAssign) -> Result<()> {
        if let [target] = assign.targets.as_slice() {
            if self.compile_swap_assign(target, &assign.value)? {
                return Ok(());
            }
        }
        self.compile_expr(&assign.value)?;
        let count = assign.targets.len();
        for (i, target) in assign.targets.iter().enumerate() {
            if i + 1 < count {
                self.emit(Opcode::COPY, 1);
            }
            self.compile_store(target)?;
        }
        Ok(())
    }

    /// `a, b = b, a` without building a tuple: CPython's peephole turns
    /// `BUILD_TUPLE n; UNPACK_SEQUENCE n` into `SWAP n` for two or three items (reversing the
    /// top of the stack is all the pair does). Returns false when the pattern does not apply.
    fn compile_swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> Result<bool> {
        let (Some(targets), Expr::Tuple(values)) = (sequence_elements(target), value) else {
            return Ok(false);
        };
        let n = values.elts.len();
        let plain = |elts: &[Expr]| !elts.iter().any(Expr::is_starred_expr);
        if n != targets.len() || !(2..=3).contains(&n) || !plain(targets) || !plain(&values.elts) {
            return Ok(false);
        }
        if self.constant_value(value).is_some() {
            return Ok(false);
        }
        for element in &values.elts {
            self.compile_expr(element)?;
        }
        self.emit(Opcode::SWAP, count_u32(n));
        for target in targets {
            self.compile_store(target)?;
        }
        Ok(true)
    }

    /// Stores TOS into an assignment target (popping it).
    pub(super) fn compile_store(&mut self, target: &'a Expr) -> Result<()> {
        let saved = self.set_line(target.range());
        let result = self.compile_store_kind(target);
        self.restore_line(saved);
        result
    }

    fn compile_store_kind(&mut self, target: &'a Expr) -> Result<()> {
        match target {
            Expr::Name(name) => self.name_op(&name.id, NameCtx::Store),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let index = self.name_index(&attr.attr.id);
                self.emit(Opcode::STORE_ATTR, index);
                Ok(())
            }
            Expr::Subscript(subscript) => {
                self.compile_expr(&subscript.value)?;
                self.compile_expr(&subscript.slice)?;
                self.emit(Opcode::STORE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.compile_unpack(elts)
            }
            Expr::Starred(starred) => {
                Err(self.syntax_error(starred.range, "starred assignment target must be in a list or tuple"))
            }
            other => Err(self.syntax_error(other.range(), "cannot assign to expression")),
        }
    }

    /// `UNPACK_SEQUENCE n`, or `UNPACK_EX before | after << 8` with a starred target, then
    /// the stores, first target first.
    fn compile_unpack(&mut self, elts: &'a [Expr]) -> Result<()> {
        let star = elts.iter().position(Expr::is_starred_expr);
        let stars = elts.iter().filter(|elt| elt.is_starred_expr()).count();
        let count = count_u32(elts.len());
        match star {
            _ if stars > 1 => {
                let range = elts.first().map(Ranged::range).unwrap_or_default();
                return Err(self.syntax_error(range, "multiple starred expressions in assignment"));
            }
            Some(before) if before < 256 => {
                let after = count - count_u32(before) - 1;
                self.emit(Opcode::UNPACK_EX, count_u32(before) | after << 8);
            }
            Some(_) => {
                let range = elts.first().map(Ranged::range).unwrap_or_default();
                let message = "too many expressions in star-unpacking assignment";
                return Err(self.syntax_error(range, message));
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, count),
        }
        for element in elts {
            match element {
                Expr::Starred(starred) => self.compile_store(&starred.value)?,
                other => self.compile_store(other)?,
            }
        }
        Ok(())
    }

    fn compile_delete(&mut self, target: &'a Expr) -> Result<()> {
        let saved = self.set_line(target.range());
        let result = match target {
            Expr::Name(name) => self.name_op(&name.id, NameCtx::Del),
            Expr::Attribute(attr) => {
                self.compile_expr(&attr.value)?;
                let index = self.name_index(&attr.attr.id);
                self.emit(Opcode::DELETE_ATTR, index);
                Ok(())
            }
            Expr::Subscript(subscript) => {
                self.compile_expr(&subscript.value)?;
                self.compile_expr(&subscript.slice)?;
                self.emit(Opcode::DELETE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|element| self.compile_delete(element))
            }
            other => Err(self.syntax_error(other.range(), "cannot delete expression")),
        };
        self.restore_line(saved);
        result
    }

    /// `x op= v`: load the target (keeping what the store needs), apply the in-place operator,
    /// store back.
    fn compile_aug_assign(&mut self, aug: &'a ast::StmtAugAssign) -> Result<()> {
        let op = INPLACE + binary_op(aug.op) as u32;
        match &*aug.target {
            Expr::Name(name) => {
                self.name_op(&name.id, NameCtx::Load)?;
                self.compile_expr(&aug.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.name_op(&name.id, NameCtx::Store)
            }
            Expr::Attribute(attr) => {
                let index = self.name_index(&attr.attr.id);
                self.compile_expr(&attr.value)?;
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::LOAD_ATTR, index << 1);
                self.compile_expr(&aug.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_ATTR, index);
                Ok(())
            }
            Expr::Subscript(subscript) => {
                self.compile_expr(&subscript.value)?;
                self.compile_expr(&subscript.slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.compile_expr(&aug.value)?;
                self.emit(Opcode::BINARY_OP, op);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
                Ok(())
            }
            other => {
                Err(self.syntax_error(other.range(), "'expression' is an illegal expression for augmented assignment"))
            }
        }
    }

    // -- control flow --------------------------------------------------------------------------

    /// `if`/`elif`/`else`: each test jumps to the next clause when false; each clause body
    /// but the last jumps to the end. (A loop, not recursion: `elif` chains can be long.)
    fn compile_if(&mut self, test: &'a Expr, body: &'a [Stmt], clauses: &'a [ElifElseClause]) -> Result<()> {
        let end = self.new_label();
        let mut next = if clauses.is_empty() { end } else { self.new_label() };
        self.jump_if(test, next, false)?;
        self.compile_body(body)?;
        for (i, clause) in clauses.iter().enumerate() {
            self.jump_to(end);
            self.bind(next);
            next = if i + 1 == clauses.len() { end } else { self.new_label() };
            let saved = self.set_line(clause.range);
            let result = match &clause.test {
                Some(test) => self.jump_if(test, next, false).and_then(|()| self.compile_body(&clause.body)),
                None => self.compile_body(&clause.body),
            };
            self.restore_line(saved);
            result?;
        }
        self.bind(end);
        Ok(())
    }

    /// `L: <test>; POP_JUMP_IF_FALSE else; body; JUMP_BACKWARD L; else: orelse` (a constant
    /// true test compiles to nothing).
    fn compile_while(&mut self, while_stmt: &'a ast::StmtWhile) -> Result<()> {
        let start = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.push_fblock(FBlock::WhileLoop { start, exit })?;
        self.jump_if(&while_stmt.test, orelse, false)?;
        self.compile_body(&while_stmt.body)?;
        self.jump_to(start);
        self.pop_fblock();
        self.bind(orelse);
        self.compile_body(&while_stmt.orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// `<iter>; GET_ITER; L: FOR_ITER else; <target>; body; JUMP_BACKWARD L; else: orelse`.
    /// The iterator stays on the stack during the loop; `FOR_ITER` pops it when exhausted.
    fn compile_for(&mut self, for_stmt: &'a ast::StmtFor) -> Result<()> {
        let start = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        self.compile_iterable(&for_stmt.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.bind(start);
        self.emit_jump(Opcode::FOR_ITER, orelse);
        self.push_fblock(FBlock::ForLoop { start, exit })?;
        self.compile_store(&for_stmt.target)?;
        self.compile_body(&for_stmt.body)?;
        self.jump_to(start);
        self.pop_fblock();
        self.bind(orelse);
        self.compile_body(&for_stmt.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn compile_break(&mut self, range: TextRange) -> Result<()> {
        let saved_handlers = self.unit.active_handlers.clone();
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.syntax_error(range, "'break' outside loop"));
        };
        let exit = match loop_block {
            FBlock::ForLoop { exit, .. } | FBlock::WhileLoop { exit, .. } => exit,
            _ => return Err(self.internal_error("break target is not a loop")),
        };
        self.unwind_fblock(loop_block, false)?;
        self.emit_jump(Opcode::JUMP_FORWARD, exit);
        self.unit.active_handlers = saved_handlers;
        Ok(())
    }

    fn compile_continue(&mut self, range: TextRange) -> Result<()> {
        let saved_handlers = self.unit.active_handlers.clone();
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.syntax_error(range, "'continue' not properly in loop"));
        };
        let start = match loop_block {
            FBlock::ForLoop { start, .. } | FBlock::WhileLoop { start, .. } => start,
            _ => return Err(self.internal_error("continue target is not a loop")),
        };
        self.emit_jump(Opcode::JUMP_FORWARD, start);
        self.unit.active_handlers = saved_handlers;
        Ok(())
    }

    /// `return v`: a non-constant value is computed first and kept on the stack while the
    /// enclosing blocks are unwound; a constant is loaded after unwinding (`RETURN_CONST`).
    fn compile_return(&mut self, ret: &'a ast::StmtReturn) -> Result<()> {
        if self.unit.kind != ScopeKind::Function {
            return Err(self.syntax_error(ret.range, "'return' outside function"));
        }
        let saved_handlers = self.unit.active_handlers.clone();
        let constant = match ret.value.as_deref() {
            None => Some(Const::None),
            Some(value) => self.constant_value(value),
        };
        match (constant, ret.value.as_deref()) {
            (Some(constant), _) => {
                self.unwind_fblock_stack(false, false)?;
                let index = self.const_index(constant);
                self.emit(Opcode::RETURN_CONST, index);
            }
            (None, Some(value)) => {
                self.compile_expr(value)?;
                self.unwind_fblock_stack(true, false)?;
                self.emit(Opcode::RETURN_VALUE, 0);
            }
            (None, None) => return Err(self.internal_error("return without value or constant")),
        }
        self.unit.active_handlers = saved_handlers;
        Ok(())
    }

    /// Unwinds frame blocks from the innermost outwards, stopping at the innermost loop when
    /// `stop_at_loop` (returned, not unwound). The stack of blocks is restored afterwards; the
    /// caller restores the active handlers once it has emitted its jump or return.
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, stop_at_loop: bool) -> Result<Option<FBlock<'a>>> {
        let Some(&top) = self.unit.fblocks.last() else {
            return Ok(None);
        };
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.unit.fblocks.pop();
        let result =
            self.unwind_fblock(top, preserve_tos).and_then(|()| self.unwind_fblock_stack(preserve_tos, stop_at_loop));
        self.unit.fblocks.push(top);
        result
    }

    /// The code that leaves one frame block early (CPython's `compiler_unwind_fblock`).
    /// `preserve_tos`: a return value on top of the stack must survive.
    fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> Result<()> {
        match block {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlock::TryExcept => self.pop_handler(),
            FBlock::FinallyTry { finalbody } => {
                self.pop_handler();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.compile_body(finalbody)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlock::With { range } => {
                self.pop_handler();
                let saved = self.set_line(range);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_exit_call_with_nones();
                self.restore_line(saved);
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_handler();
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.pop_handler();
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = name {
                    self.clear_name(name)?;
                }
            }
        }
        Ok(())
    }

    /// `name = None; del name`: how an `except ... as name` clause forgets the exception.
    fn clear_name(&mut self, name: &str) -> Result<()> {
        self.load_const(Const::None);
        self.name_op(name, NameCtx::Store)?;
        self.name_op(name, NameCtx::Del)
    }

    fn compile_raise(&mut self, raise: &'a ast::StmtRaise) -> Result<()> {
        let mut count = 0;
        if let Some(exc) = &raise.exc {
            self.compile_expr(exc)?;
            count += 1;
            if let Some(cause) = &raise.cause {
                self.compile_expr(cause)?;
                count += 1;
            }
        }
        self.emit(Opcode::RAISE_VARARGS, count);
        Ok(())
    }

    /// `<test>; POP_JUMP_IF_TRUE ok; LOAD_ASSERTION_ERROR; [PUSH_NULL; <msg>; CALL 1];
    /// RAISE_VARARGS 1`.
    fn compile_assert(&mut self, assert: &'a ast::StmtAssert) -> Result<()> {
        let end = self.new_label();
        self.jump_if(&assert.test, end, true)?;
        // (The failure points at the test, as in CPython.)
        let saved = self.set_line(assert.test.range());
        self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
        if let Some(msg) = &assert.msg {
            self.emit(Opcode::PUSH_NULL, 0);
            self.compile_expr(msg)?;
            self.emit(Opcode::CALL, 1);
        }
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.restore_line(saved);
        self.bind(end);
        Ok(())
    }

    // -- exceptions ----------------------------------------------------------------------------

    fn compile_try(&mut self, try_stmt: &'a ast::StmtTry) -> Result<()> {
        if try_stmt.is_star {
            return Err(self.unsupported(try_stmt.range, "'except*'"));
        }
        if try_stmt.finalbody.is_empty() {
            self.compile_try_except(try_stmt)
        } else {
            self.compile_try_finally(try_stmt)
        }
    }

    /// ```text
    ///        <body, protected by F>            (with its except clauses, if any)
    ///        <finally body>
    ///        JUMP_FORWARD exit
    ///   F:   PUSH_EXC_INFO                     (protected by C at depth + 1)
    ///        <finally body>
    ///        RERAISE
    ///   C:   SWAP 2; POP_EXCEPT; RERAISE       (restore the handled exception, propagate)
    ///   exit:
    /// ```
    fn compile_try_finally(&mut self, try_stmt: &'a ast::StmtTry) -> Result<()> {
        let finally_handler = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.push_handler(finally_handler);
        self.push_fblock(FBlock::FinallyTry { finalbody: &try_stmt.finalbody })?;
        if try_stmt.handlers.is_empty() {
            self.compile_body(&try_stmt.body)?;
        } else {
            self.compile_try_except(try_stmt)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.compile_body(&try_stmt.finalbody)?;
        self.jump_to(exit);

        self.bind(finally_handler);
        self.push_handler(cleanup);
        self.emit_artificial(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.compile_body(&try_stmt.finalbody)?;
        self.pop_fblock();
        self.emit_artificial(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.emit_pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// ```text
    ///        <body, protected by H>
    ///        JUMP_FORWARD else
    ///   H:   PUSH_EXC_INFO                     (from here on protected by C at depth + 1)
    ///        <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
    ///        STORE name | POP_TOP
    ///        <handler body>                    (named: protected by a cleanup clearing name)
    ///        POP_EXCEPT; [name = None; del name]; JUMP_FORWARD end
    ///   next: ... more clauses ...
    ///        RERAISE                           (no clause matched)
    ///   C:   SWAP 2; POP_EXCEPT; RERAISE
    ///   else: <else body>
    ///   end:
    /// ```
    fn compile_try_except(&mut self, try_stmt: &'a ast::StmtTry) -> Result<()> {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.push_handler(handler);
        self.push_fblock(FBlock::TryExcept)?;
        self.compile_body(&try_stmt.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.jump_to(orelse);

        self.bind(handler);
        self.push_handler(cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::ExceptionHandler)?;
        for clause in &try_stmt.handlers {
            let ExceptHandler::ExceptHandler(clause) = clause;
            let saved = self.set_line(clause.range);
            let result = self.compile_except_clause(clause, end);
            self.restore_line(saved);
            result?;
        }
        self.pop_fblock();
        self.emit_artificial(Opcode::RERAISE, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.emit_pop_except_and_reraise();

        self.bind(orelse);
        self.compile_body(&try_stmt.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// One `except [type [as name]]:` clause; the exception is on top of the stack.
    /// Leaves the handler stack as it found it (the clause-wide cleanup `C` on top).
    fn compile_except_clause(&mut self, clause: &'a ast::ExceptHandlerExceptHandler, end: Label) -> Result<()> {
        let clause_region = self.unit.active_handlers.clone();
        let next = self.new_label();
        if let Some(exc_type) = &clause.type_ {
            self.compile_expr(exc_type)?;
            self.emit(Opcode::CHECK_EXC_MATCH, 0);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
        }
        match &clause.name {
            Some(name) => {
                let name = name.id.as_str();
                let cleanup_body = self.new_label();
                self.name_op(name, NameCtx::Store)?;
                self.push_handler(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: Some(name) })?;
                self.compile_body(&clause.body)?;
                self.pop_fblock();
                self.pop_handler();
                self.pop_handler();
                let clause_line = self.inherit_line();
                self.emit(Opcode::POP_EXCEPT, 0);
                self.clear_name(name)?;
                self.emit(Opcode::JUMP_FORWARD, end.0);
                // The cleanup runs when the handler body raises: forget the name, propagate.
                self.unit.active_handlers.clone_from(&clause_region);
                self.bind(cleanup_body);
                self.clear_name(name)?;
                self.emit(Opcode::RERAISE, 0);
                self.restore_line(clause_line);
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                self.compile_body(&clause.body)?;
                self.pop_fblock();
                self.pop_handler();
                self.emit_artificial(Opcode::POP_EXCEPT, 0);
                self.jump_to(end);
            }
        }
        self.unit.active_handlers = clause_region;
        self.bind(next);
        Ok(())
    }

    /// `SWAP 2; POP_EXCEPT; RERAISE`: entered with `[prev_exc, exc]`, restores the previously
    /// handled exception and propagates `exc`.
    fn emit_pop_except_and_reraise(&mut self) {
        self.emit_artificial(Opcode::SWAP, 2);
        self.emit_artificial(Opcode::POP_EXCEPT, 0);
        self.emit_artificial(Opcode::RERAISE, 0);
    }

    // -- annotations ---------------------------------------------------------------------------

    /// `x: T = v`. In a module or class body the annotation of a simple name goes into
    /// `__annotations__` (evaluated, or its source text under `from __future__ import
    /// annotations`), as in CPython; in a function it is not evaluated.
    fn compile_ann_assign(&mut self, ann: &'a ast::StmtAnnAssign) -> Result<()> {
        if let Some(value) = &ann.value {
            self.compile_expr(value)?;
            self.compile_store(&ann.target)?;
        }
        let Expr::Name(target) = &*ann.target else { return Ok(()) };
        if !ann.simple || !matches!(self.unit.kind, ScopeKind::Module | ScopeKind::Class) {
            return Ok(());
        }
        if self.future_annotations {
            self.load_const(Const::Str(self.lines.text(ann.annotation.range()).to_string()));
        } else {
            self.compile_expr(&ann.annotation)?;
        }
        let annotations = self.plain_name_index("__annotations__");
        self.emit(Opcode::LOAD_NAME, annotations);
        self.load_const(Const::Str(mangle(self.unit.private.as_deref(), &target.id).into_owned()));
        self.emit(Opcode::STORE_SUBSCR, 0);
        Ok(())
    }

    /// CPython's `SETUP_ANNOTATIONS`: a module or class body that annotates names starts with
    /// `__annotations__ = {}`.
    pub(super) fn setup_annotations(&mut self, body: &'a [Stmt]) {
        if body_annotates(body) {
            self.emit(Opcode::BUILD_MAP, 0);
            let annotations = self.plain_name_index("__annotations__");
            self.emit(Opcode::STORE_NAME, annotations);
        }
    }

    // -- with ----------------------------------------------------------------------------------

    /// `with a as x, b: body` is `with a as x: with b: body`; one item:
    /// ```text
    ///        <a>; BEFORE_WITH                  [exit, a.__enter__()]
    ///        STORE x | POP_TOP                 (protected by H at depth [exit])
    ///        <body>
    ///        LOAD_CONST None (x3); CALL 2; POP_TOP; JUMP_FORWARD end
    ///   H:   PUSH_EXC_INFO                     [exit, prev, exc] (protected by C)
    ///        WITH_EXCEPT_START; POP_JUMP_IF_TRUE suppress
    ///        RERAISE
    ///   suppress: POP_TOP; POP_EXCEPT; POP_TOP; JUMP_FORWARD end  (C ends at POP_EXCEPT)
    ///   C:   SWAP 2; POP_EXCEPT; RERAISE
    ///   end:
    /// ```
    fn compile_with(&mut self, with: &'a ast::StmtWith, item: usize) -> Result<()> {
        let Some(with_item) = with.items.get(item) else {
            return self.compile_body(&with.body);
        };
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.compile_expr(&with_item.context_expr)?;
        let saved = self.set_line(with.range);
        self.emit(Opcode::BEFORE_WITH, 0);
        self.restore_line(saved);
        self.push_handler_below(handler, 1);
        self.push_fblock(FBlock::With { range: with.range })?;
        match &with_item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        self.compile_with(with, item + 1)?;
        self.pop_fblock();
        self.pop_handler();
        let saved = self.set_line(with.range);
        self.emit_exit_call_with_nones();
        self.restore_line(saved);
        self.jump_to(end);

        self.bind(handler);
        self.push_handler(cleanup);
        let saved = self.set_line(with.range);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
        self.emit(Opcode::RERAISE, 0);
        self.bind(suppress);
        self.emit(Opcode::POP_TOP, 0);
        self.pop_handler();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to(end);
        self.bind(cleanup);
        self.emit_pop_except_and_reraise();
        self.restore_line(saved);
        self.bind(end);
        Ok(())
    }

    /// `exit(None, None, None)` for the bound `__exit__` on top, its result dropped.
    fn emit_exit_call_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(Opcode::CALL, 2);
        self.emit(Opcode::POP_TOP, 0);
    }

    // -- imports -------------------------------------------------------------------------------

    /// `import m [as n]`: `LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME m; STORE n`.
    /// `import a.b` stores the top-level package `a` (which `IMPORT_NAME 'a.b'` returns);
    /// `import a.b as n` walks down to `a.b` with `IMPORT_FROM b` and stores that.
    fn compile_import(&mut self, import: &'a ast::StmtImport) -> Result<()> {
        for alias in &import.names {
            let dotted = alias.name.id.as_str();
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            let index = self.name_index(dotted);
            self.emit(Opcode::IMPORT_NAME, index);
            let Some(asname) = &alias.asname else {
                let top = dotted.split('.').next().unwrap_or_default();
                self.name_op(top, NameCtx::Store)?;
                continue;
            };
            let mut attributes = dotted.split('.').skip(1).peekable();
            if attributes.peek().is_none() {
                self.name_op(&asname.id, NameCtx::Store)?;
                continue;
            }
            while let Some(attribute) = attributes.next() {
                let index = self.name_index(attribute);
                self.emit(Opcode::IMPORT_FROM, index);
                if attributes.peek().is_some() {
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            self.name_op(&asname.id, NameCtx::Store)?;
            self.emit(Opcode::POP_TOP, 0);
        }
        Ok(())
    }

    /// `from m import a as b, c`: `LOAD_CONST 0; LOAD_CONST ('a', 'c'); IMPORT_NAME m;
    /// IMPORT_FROM a; STORE b; IMPORT_FROM c; STORE c; POP_TOP`. `from __future__ import ...`
    /// compiles to nothing (stitch has no future features to enable).
    fn compile_import_from(&mut self, import: &'a ast::StmtImportFrom) -> Result<()> {
        if import.level > 0 {
            return Err(self.unsupported(import.range, "relative imports"));
        }
        let Some(module) = &import.module else {
            return Err(self.unsupported(import.range, "relative imports"));
        };
        if module.id.as_str() == "__future__" {
            if import.names.iter().any(|alias| alias.name.id.as_str() == "annotations") {
                self.future_annotations = true;
            }
            return Ok(());
        }
        if import.names.iter().any(|alias| alias.name.id.as_str() == "*") {
            // `from m import *`: the module's public names bound by an intrinsic, as CPython 3.12
            // compiles it.
            self.load_const(Const::Int(0));
            self.load_const(Const::Tuple(vec![Const::Str("*".to_string())]));
            let index = self.name_index(&module.id);
            self.emit(Opcode::IMPORT_NAME, index);
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        let fromlist = import.names.iter().map(|alias| Const::Str(alias.name.id.to_string())).collect();
        self.load_const(Const::Int(0));
        self.load_const(Const::Tuple(fromlist));
        let index = self.name_index(&module.id);
        self.emit(Opcode::IMPORT_NAME, index);
        for alias in &import.names {
            let index = self.name_index(&alias.name.id);
            self.emit(Opcode::IMPORT_FROM, index);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(&bound.id, NameCtx::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}

/// The targets of a tuple or list assignment target.
/// Whether a body has an annotated simple name at its own level (not in nested functions or
/// classes).
fn body_annotates(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::AnnAssign(ann) => ann.simple && matches!(&*ann.target, Expr::Name(_)),
        Stmt::If(s) => body_annotates(&s.body) || s.elif_else_clauses.iter().any(|c| body_annotates(&c.body)),
        Stmt::For(s) => body_annotates(&s.body) || body_annotates(&s.orelse),
        Stmt::While(s) => body_annotates(&s.body) || body_annotates(&s.orelse),
        Stmt::With(s) => body_annotates(&s.body),
        Stmt::Try(s) => {
            body_annotates(&s.body)
                || body_annotates(&s.orelse)
                || body_annotates(&s.finalbody)
                || s.handlers.iter().any(|h| {
                    let ExceptHandler::ExceptHandler(h) = h;
                    body_annotates(&h.body)
                })
        }
        _ => false,
    })
}

fn sequence_elements(target: &Expr) -> Option<&[Expr]> {
    match target {
        Expr::Tuple(tuple) => Some(&tuple.elts),
        Expr::List(list) => Some(&list.elts),
        _ => None,
    }
}

/// The bytecode operator of an AST binary operator.
pub(super) fn binary_op(op: ast::Operator) -> BinaryOp {
    match op {
        ast::Operator::Add => BinaryOp::Add,
        ast::Operator::Sub => BinaryOp::Subtract,
        ast::Operator::Mult => BinaryOp::Multiply,
        ast::Operator::MatMult => BinaryOp::MatrixMultiply,
        ast::Operator::Div => BinaryOp::TrueDivide,
        ast::Operator::Mod => BinaryOp::Remainder,
        ast::Operator::Pow => BinaryOp::Power,
        ast::Operator::LShift => BinaryOp::Lshift,
        ast::Operator::RShift => BinaryOp::Rshift,
        ast::Operator::BitOr => BinaryOp::Or,
        ast::Operator::BitXor => BinaryOp::Xor,
        ast::Operator::BitAnd => BinaryOp::And,
        ast::Operator::FloorDiv => BinaryOp::FloorDivide,
    }
}
