//! Code generation for expressions.
//!
//! An expression compiles to code that pushes exactly one value. The patterns follow CPython
//! 3.12 with the 3.13 call convention (`[callable, self_or_null, args...]`):
//!
//! * calls push the callee and NULL (`LOAD_GLOBAL` with the push-null bit for globals), or for
//!   `obj.m(...)` a method `LOAD_ATTR` that pushes `[function, self]`; keyword arguments are
//!   named by `KW_NAMES`; any `*`/`**` argument switches to `CALL_FUNCTION_EX` with a tuple
//!   and a dict built on the stack;
//! * displays (`[...]`, `(...)`, `{...}`) use `BUILD_*`, or build-then-extend when they unpack
//!   with `*`/`**` or are long;
//! * `and`/`or` and chained comparisons short-circuit with jumps; in a condition
//!   ([`Compiler::jump_if`], CPython's `compiler_jump_if`) they compile straight into
//!   conditional jumps without materializing a bool;
//! * f-strings format each field with `FORMAT_VALUE` and join the pieces with `BUILD_STRING`.

use ruff_python_ast::{
    self as ast, BoolOp, CmpOp, ConversionFlag, DictItem, Expr, ExprContext, FStringPart, InterpolatedStringElement,
    Keyword,
};
use ruff_text_size::Ranged;

use super::assemble::Label;
use super::compiler::{count_u32, Compiler, NameCtx, Result};
use super::constants::{constant_value, truthiness};
use super::nesting::operator_chain;
use super::stmt::binary_op;
use super::symtable::ComprehensionKind;
use crate::bytecode::{CompareOp, Const, Opcode};

/// CPython's `STACK_USE_GUIDELINE`: displays longer than this are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

/// What a display builds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Collection {
    List,
    Set,
    Tuple,
}

impl<'a> Compiler<'a> {
    /// Compiles `expr`, pushing its value.
    pub(super) fn compile_expr(&mut self, expr: &'a Expr) -> Result<()> {
        let saved = self.set_line(expr.range());
        let result = self.compile_expr_kind(expr);
        self.restore_line(saved);
        result
    }

    fn compile_expr_kind(&mut self, expr: &'a Expr) -> Result<()> {
        if let Some(value) = constant_value(expr) {
            self.load_const(value);
            return Ok(());
        }
        match expr {
            Expr::BoolOp(e) => self.compile_bool_op(e),
            Expr::Named(e) => {
                self.compile_expr(&e.value)?;
                self.emit(Opcode::COPY, 1);
                self.compile_store(&e.target)
            }
            Expr::BinOp(_) => self.compile_operator_chain(expr),
            Expr::UnaryOp(e) => {
                self.compile_expr(&e.operand)?;
                let op = match e.op {
                    ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
                    ast::UnaryOp::Not => Opcode::UNARY_NOT,
                    ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
                Ok(())
            }
            Expr::Lambda(e) => self.compile_lambda(e),
            Expr::If(e) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&e.test, orelse, false)?;
                self.compile_expr(&e.body)?;
                self.jump_to(end);
                self.bind(orelse);
                self.compile_expr(&e.orelse)?;
                self.bind(end);
                Ok(())
            }
            Expr::Dict(e) => self.compile_dict(&e.items),
            Expr::Set(e) => self.compile_collection(&e.elts, Collection::Set),
            Expr::List(e) => self.compile_collection(&e.elts, Collection::List),
            Expr::Tuple(e) => self.compile_collection(&e.elts, Collection::Tuple),
            Expr::ListComp(e) => self.compile_comprehension(expr, ComprehensionKind::List, &e.generators, &e.elt, None),
            Expr::SetComp(e) => self.compile_comprehension(expr, ComprehensionKind::Set, &e.generators, &e.elt, None),
            Expr::DictComp(e) => match &e.key {
                Some(key) => {
                    self.compile_comprehension(expr, ComprehensionKind::Dict, &e.generators, key, Some(&e.value))
                }
                None => Err(self.unsupported(e.range, "dict comprehension unpacking")),
            },
            Expr::Generator(e) => {
                self.compile_comprehension(expr, ComprehensionKind::Generator, &e.generators, &e.elt, None)
            }
            Expr::Yield(e) => {
                match &e.value {
                    Some(value) => self.compile_expr(value)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Opcode::YIELD_VALUE, 0);
                Ok(())
            }
            Expr::Compare(e) => self.compile_compare(e),
            Expr::Call(e) => self.compile_call(e),
            Expr::FString(e) => self.compile_fstring(&e.value),
            Expr::Attribute(e) => {
                self.compile_expr(&e.value)?;
                let index = self.name_index(&e.attr.id);
                self.emit(Opcode::LOAD_ATTR, index << 1);
                Ok(())
            }
            Expr::Subscript(e) => {
                self.compile_expr(&e.value)?;
                self.compile_expr(&e.slice)?;
                self.emit(Opcode::BINARY_SUBSCR, 0);
                Ok(())
            }
            Expr::Slice(e) => {
                let parts = [&e.lower, &e.upper, &e.step];
                for part in parts.iter().take(if e.step.is_some() { 3 } else { 2 }) {
                    match part {
                        Some(value) => self.compile_expr(value)?,
                        None => self.load_const(Const::None),
                    }
                }
                self.emit(Opcode::BUILD_SLICE, if e.step.is_some() { 3 } else { 2 });
                Ok(())
            }
            Expr::Name(e) => self.name_op(&e.id, NameCtx::Load),
            Expr::Starred(e) => Err(self.syntax_error(e.range, "can't use starred expression here")),
            Expr::Await(e) => Err(self.unsupported(e.range, "'await'")),
            Expr::YieldFrom(e) => self.compile_yield_from(&e.value),
            Expr::TString(e) => Err(self.unsupported(e.range, "template strings")),
            Expr::IpyEscapeCommand(e) => Err(self.unsupported(e.range, "IPython escapes")),
            other => Err(self.internal_error(&format!("unexpected constant-like {:?}", other.range()))),
        }
    }

    /// `a + b * c - d`: the operands and `BINARY_OP`s, walking a left-nested chain with a
    /// loop rather than recursion (generated code has chains of thousands of terms).
    /// `yield from value` (the value of the expression is the delegate's return value):
    /// ```text
    ///        <value>; GET_YIELD_FROM_ITER; LOAD_CONST None
    ///   L:   SEND end                          [it, v] -> [it, yielded] | [result]
    ///        YIELD_VALUE 1                     (protected by T at depth [it])
    ///        JUMP_BACKWARD_NO_INTERRUPT L
    ///   T:   CLEANUP_THROW                     [it, exc] -> [exc.value] (StopIteration)
    ///   end:
    /// ```
    fn compile_yield_from(&mut self, value: &'a Expr) -> Result<()> {
        let send = self.new_label();
        let throw_handler = self.new_label();
        let end = self.new_label();
        self.compile_expr(value)?;
        self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
        self.load_const(Const::None);
        self.bind(send);
        self.emit_jump(Opcode::SEND, end);
        self.push_handler_below(throw_handler, 1);
        self.emit(Opcode::YIELD_VALUE, 1);
        self.pop_handler();
        self.emit_jump(Opcode::JUMP_BACKWARD_NO_INTERRUPT, send);
        self.bind(throw_handler);
        self.emit(Opcode::CLEANUP_THROW, 0);
        self.bind(end);
        Ok(())
    }

    fn compile_operator_chain(&mut self, chain: &'a Expr) -> Result<()> {
        let (leftmost, operations) = operator_chain(chain);
        self.compile_expr(leftmost)?;
        for operation in operations.iter().rev() {
            self.compile_expr(&operation.right)?;
            let saved = self.set_line(operation.range);
            self.emit(Opcode::BINARY_OP, binary_op(operation.op) as u32);
            self.restore_line(saved);
        }
        Ok(())
    }

    /// Compiles the iterable of a `for` loop or comprehension: a list display of constants is
    /// loaded as a tuple constant (CPython's optimizer does the same; iterating cannot tell).
    pub(super) fn compile_iterable(&mut self, iterable: &'a Expr) -> Result<()> {
        if let Some(items) = constant_list_items(iterable) {
            let saved = self.set_line(iterable.range());
            self.load_const(Const::Tuple(items));
            self.restore_line(saved);
            return Ok(());
        }
        self.compile_expr(iterable)
    }

    // -- conditions ----------------------------------------------------------------------------

    /// Jumps to `target` when the truth of `expr` equals `cond`; falls through otherwise.
    pub(super) fn jump_if(&mut self, expr: &'a Expr, target: Label, cond: bool) -> Result<()> {
        let saved = self.set_line(expr.range());
        let result = self.jump_if_kind(expr, target, cond);
        self.restore_line(saved);
        result
    }

    fn jump_if_kind(&mut self, expr: &'a Expr, target: Label, cond: bool) -> Result<()> {
        if let Some(value) = constant_value(expr) {
            if truthiness(&value) == cond {
                self.emit_jump(Opcode::JUMP_FORWARD, target);
            }
            return Ok(());
        }
        match expr {
            Expr::UnaryOp(unary) if unary.op == ast::UnaryOp::Not => self.jump_if(&unary.operand, target, !cond),
            Expr::BoolOp(bool_op) => self.jump_if_bool_op(bool_op, target, cond),
            Expr::If(if_expr) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&if_expr.test, orelse, false)?;
                self.jump_if(&if_expr.body, target, cond)?;
                self.jump_to(end);
                self.bind(orelse);
                self.jump_if(&if_expr.orelse, target, cond)?;
                self.bind(end);
                Ok(())
            }
            Expr::Compare(compare) if compare.ops.len() > 1 => self.jump_if_chained_compare(compare, target, cond),
            Expr::Compare(compare) if is_none_test(compare) => {
                self.compile_expr(&compare.left)?;
                let is = compare.ops.first() == Some(&CmpOp::Is);
                let op = if is == cond { Opcode::POP_JUMP_IF_NONE } else { Opcode::POP_JUMP_IF_NOT_NONE };
                self.emit_jump(op, target);
                Ok(())
            }
            _ => {
                self.compile_expr(expr)?;
                let op = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
                self.emit_jump(op, target);
                Ok(())
            }
        }
    }

    /// `a and b` as a condition: for `cond == false` every operand jumps to `target` when
    /// false; for `cond == true` all but the last skip ahead when false and the last decides.
    fn jump_if_bool_op(&mut self, bool_op: &'a ast::ExprBoolOp, target: Label, cond: bool) -> Result<()> {
        let Some((last, rest)) = bool_op.values.split_last() else {
            return Err(self.internal_error("empty boolean operation"));
        };
        let is_or = bool_op.op == BoolOp::Or;
        let skip = if is_or == cond { target } else { self.new_label() };
        for value in rest {
            self.jump_if(value, skip, is_or)?;
        }
        self.jump_if(last, target, cond)?;
        if skip != target {
            self.bind(skip);
        }
        Ok(())
    }

    fn jump_if_chained_compare(&mut self, compare: &'a ast::ExprCompare, target: Label, cond: bool) -> Result<()> {
        let (Some((last_op, ops)), Some((last, comparators))) =
            (compare.ops.split_last(), compare.comparators.split_last())
        else {
            return Err(self.internal_error("empty comparison"));
        };
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_expr(&compare.left)?;
        for (op, comparator) in ops.iter().zip(comparators) {
            self.compile_expr(comparator)?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(*op);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
        }
        self.compile_expr(last)?;
        self.emit_compare(*last_op);
        let op = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
        self.emit_jump(op, target);
        self.jump_to(end);
        self.bind(cleanup);
        self.emit(Opcode::POP_TOP, 0);
        if !cond {
            self.jump_to(target);
        }
        self.bind(end);
        Ok(())
    }

    /// `a and b` / `a or b` as a value: `JUMP_IF_FALSE_OR_POP` / `JUMP_IF_TRUE_OR_POP` keep the
    /// deciding operand as the result.
    fn compile_bool_op(&mut self, bool_op: &'a ast::ExprBoolOp) -> Result<()> {
        let Some((last, rest)) = bool_op.values.split_last() else {
            return Err(self.internal_error("empty boolean operation"));
        };
        let jump = match bool_op.op {
            BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_label();
        for value in rest {
            self.compile_expr(value)?;
            self.emit_jump(jump, end);
        }
        self.compile_expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// `a < b` or the chain `a < b < c`:
    /// `a; b; SWAP 2; COPY 2; COMPARE_OP <; JUMP_IF_FALSE_OR_POP cleanup; c; COMPARE_OP <;
    /// JUMP_FORWARD end; cleanup: SWAP 2; POP_TOP; end:`.
    fn compile_compare(&mut self, compare: &'a ast::ExprCompare) -> Result<()> {
        let (Some((last_op, ops)), Some((last, comparators))) =
            (compare.ops.split_last(), compare.comparators.split_last())
        else {
            return Err(self.internal_error("empty comparison"));
        };
        self.compile_expr(&compare.left)?;
        if ops.is_empty() {
            self.compile_comparand(last, *last_op)?;
            self.emit_compare(*last_op);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (op, comparator) in ops.iter().zip(comparators) {
            self.compile_comparand(comparator, *op)?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(*op);
            self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.compile_comparand(last, *last_op)?;
        self.emit_compare(*last_op);
        self.jump_to(end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// The right operand of a comparison; `x in [1, 2, 3]` tests against a tuple constant.
    fn compile_comparand(&mut self, comparand: &'a Expr, op: CmpOp) -> Result<()> {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            return self.compile_iterable(comparand);
        }
        self.compile_expr(comparand)
    }

    fn emit_compare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, CompareOp::Eq as u32),
            CmpOp::NotEq => (Opcode::COMPARE_OP, CompareOp::Ne as u32),
            CmpOp::Lt => (Opcode::COMPARE_OP, CompareOp::Lt as u32),
            CmpOp::LtE => (Opcode::COMPARE_OP, CompareOp::Le as u32),
            CmpOp::Gt => (Opcode::COMPARE_OP, CompareOp::Gt as u32),
            CmpOp::GtE => (Opcode::COMPARE_OP, CompareOp::Ge as u32),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    // -- calls ---------------------------------------------------------------------------------

    fn compile_call(&mut self, call: &'a ast::ExprCall) -> Result<()> {
        let arguments = &call.arguments;
        // Like CPython, calls with very many arguments build a tuple and a dict instead of
        // using that much stack.
        let many = arguments.args.len() + 2 * arguments.keywords.len() > STACK_USE_GUIDELINE;
        let unpacks = many
            || arguments.args.iter().any(Expr::is_starred_expr)
            || arguments.keywords.iter().any(|keyword| keyword.arg.is_none());
        match &*call.func {
            Expr::Attribute(method) if method.ctx == ExprContext::Load && !unpacks => {
                self.compile_expr(&method.value)?;
                // The attribute node, from its name on when it spans lines (CPython 3.11's
                // `update_start_location_to_match_attr`).
                let one_line = self.lines.line(method.range.start()) == self.lines.line(method.attr.range.end());
                let saved = self.set_line(if one_line { method.range } else { method.attr.range });
                let index = self.name_index(&method.attr.id);
                self.emit(Opcode::LOAD_ATTR, index << 1 | 1);
                self.restore_line(saved);
                self.compile_simple_call(&arguments.args, &arguments.keywords)
            }
            callee => {
                self.load_callee(callee)?;
                if unpacks {
                    self.compile_unpacking_call(&arguments.args, &arguments.keywords)
                } else {
                    self.compile_simple_call(&arguments.args, &arguments.keywords)
                }
            }
        }
    }

    /// `KW_NAMES` with the names of `keywords`, when there are any (before a `CALL`).
    pub(super) fn emit_kw_names(&mut self, keywords: &[Keyword]) {
        if !keywords.is_empty() {
            let names = keywords
                .iter()
                .map(|keyword| Const::Str(keyword.arg.as_ref().map_or_else(String::new, |arg| arg.id.to_string())))
                .collect();
            let index = self.const_index(Const::Tuple(names));
            self.emit(Opcode::KW_NAMES, index);
        }
    }

    /// Arguments on the stack, keyword names in `KW_NAMES`, then `CALL n`.
    fn compile_simple_call(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<()> {
        for arg in args {
            self.compile_expr(arg)?;
        }
        for keyword in keywords {
            self.compile_expr(&keyword.value)?;
        }
        self.emit_kw_names(keywords);
        let count = count_u32(args.len() + keywords.len());
        self.emit(Opcode::CALL, count);
        Ok(())
    }

    /// `f(*a, k=v, **m)`: a tuple of positional arguments, a dict of keyword arguments when
    /// there are any, then `CALL_FUNCTION_EX`.
    fn compile_unpacking_call(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<()> {
        self.compile_collection(args, Collection::Tuple)?;
        if !keywords.is_empty() {
            self.compile_keyword_dict(keywords)?;
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    /// The keyword-argument dict of an unpacking call. Runs of `name=value` become one
    /// `BUILD_MAP`, merged with `**mapping`s by `DICT_MERGE` (which rejects duplicate keys, so
    /// `f(a=1, **{'a': 2})` raises as in CPython).
    fn compile_keyword_dict(&mut self, keywords: &'a [Keyword]) -> Result<()> {
        let mut have_dict = false;
        let mut run_start = 0;
        for (i, keyword) in keywords.iter().enumerate() {
            if keyword.arg.is_some() {
                continue;
            }
            if run_start < i {
                self.compile_keyword_run(&keywords[run_start..i])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
                have_dict = true;
            }
            if !have_dict {
                self.emit(Opcode::BUILD_MAP, 0);
                have_dict = true;
            }
            self.compile_expr(&keyword.value)?;
            self.emit(Opcode::DICT_MERGE, 1);
            run_start = i + 1;
        }
        if run_start < keywords.len() {
            self.compile_keyword_run(&keywords[run_start..])?;
            if have_dict {
                self.emit(Opcode::DICT_MERGE, 1);
            }
        }
        Ok(())
    }

    fn compile_keyword_run(&mut self, run: &'a [Keyword]) -> Result<()> {
        for (n, chunk) in run.chunks(STACK_USE_GUIDELINE / 2).enumerate() {
            for keyword in chunk {
                let name = keyword.arg.as_ref().map_or_else(String::new, |arg| arg.id.to_string());
                self.load_const(Const::Str(name));
                self.compile_expr(&keyword.value)?;
            }
            self.emit(Opcode::BUILD_MAP, count_u32(chunk.len()));
            if n > 0 {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
        }
        Ok(())
    }

    // -- displays ------------------------------------------------------------------------------

    /// A list, set or tuple display (CPython's `starunpack_helper`).
    fn compile_collection(&mut self, elts: &'a [Expr], kind: Collection) -> Result<()> {
        let (build, add, extend) = match kind {
            Collection::List | Collection::Tuple => (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
            Collection::Set => (Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE),
        };
        let count = elts.len();
        if let Some(items) = elts.iter().map(constant_value).collect::<Option<Vec<_>>>() {
            if kind == Collection::Tuple {
                self.load_const(Const::Tuple(items));
                return Ok(());
            }
            if count > 2 {
                self.emit(build, 0);
                if kind == Collection::Set {
                    self.load_const(Const::FrozenSet(items));
                } else {
                    self.load_const(Const::Tuple(items));
                }
                self.emit(extend, 1);
                return Ok(());
            }
        }
        let has_star = elts.iter().any(Expr::is_starred_expr);
        let big = count > STACK_USE_GUIDELINE;
        if !has_star && !big {
            for element in elts {
                self.compile_expr(element)?;
            }
            let build = if kind == Collection::Tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(build, count_u32(count));
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, 0);
            built = true;
        }
        for (i, element) in elts.iter().enumerate() {
            if let Expr::Starred(starred) = element {
                if !built {
                    self.emit(build, count_u32(i));
                    built = true;
                }
                self.compile_expr(&starred.value)?;
                self.emit(extend, 1);
            } else {
                self.compile_expr(element)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if kind == Collection::Tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// A dict display: runs of `key: value` pairs become `BUILD_MAP n` (at most 16 pairs at a
    /// time), merged with `**mapping`s and with each other by `DICT_UPDATE`.
    fn compile_dict(&mut self, items: &'a [DictItem]) -> Result<()> {
        let mut have_dict = false;
        let mut run: Vec<&'a DictItem> = Vec::new();
        for item in items {
            if item.key.is_some() {
                run.push(item);
                if run.len() * 2 > STACK_USE_GUIDELINE {
                    self.compile_dict_run(&run, &mut have_dict)?;
                    run.clear();
                }
                continue;
            }
            if !run.is_empty() {
                self.compile_dict_run(&run, &mut have_dict)?;
                run.clear();
            }
            if !have_dict {
                self.emit(Opcode::BUILD_MAP, 0);
                have_dict = true;
            }
            self.compile_expr(&item.value)?;
            self.emit(Opcode::DICT_UPDATE, 1);
        }
        if !run.is_empty() {
            self.compile_dict_run(&run, &mut have_dict)?;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn compile_dict_run(&mut self, run: &[&'a DictItem], have_dict: &mut bool) -> Result<()> {
        for item in run {
            if let Some(key) = &item.key {
                self.compile_expr(key)?;
            }
            self.compile_expr(&item.value)?;
        }
        self.emit(Opcode::BUILD_MAP, count_u32(run.len()));
        if *have_dict {
            self.emit(Opcode::DICT_UPDATE, 1);
        }
        *have_dict = true;
        Ok(())
    }

    // -- f-strings -----------------------------------------------------------------------------

    /// Literal pieces as constants, each field as `<value>; [<spec>]; FORMAT_VALUE flags`,
    /// joined by `BUILD_STRING n` (not needed for a single piece).
    fn compile_fstring(&mut self, value: &'a ast::FStringValue) -> Result<()> {
        let mut pieces = Vec::new();
        for part in value.iter() {
            match part {
                FStringPart::Literal(literal) => push_literal(&mut pieces, &literal.value),
                FStringPart::FString(fstring) => collect_pieces(&fstring.elements, &mut pieces),
            }
        }
        self.compile_pieces(&pieces)
    }

    fn compile_pieces(&mut self, pieces: &[Piece<'a>]) -> Result<()> {
        if pieces.len() > STACK_USE_GUIDELINE {
            return self.compile_joined_pieces(pieces);
        }
        for piece in pieces {
            match piece {
                Piece::Literal(text) => self.load_const(Const::Str(text.clone())),
                Piece::Field(field) => self.compile_field(field)?,
            }
        }
        match pieces.len() {
            0 => self.load_const(Const::Str(String::new())),
            1 => {}
            count => self.emit(Opcode::BUILD_STRING, count_u32(count)),
        }
        Ok(())
    }

    /// A long f-string as `''.join([pieces...])`, as CPython compiles it.
    fn compile_joined_pieces(&mut self, pieces: &[Piece<'a>]) -> Result<()> {
        self.load_const(Const::Str(String::new()));
        let join = self.plain_name_index("join");
        self.emit(Opcode::LOAD_ATTR, join << 1 | 1);
        self.emit(Opcode::BUILD_LIST, 0);
        for piece in pieces {
            match piece {
                Piece::Literal(text) => self.load_const(Const::Str(text.clone())),
                Piece::Field(field) => self.compile_field(field)?,
            }
            self.emit(Opcode::LIST_APPEND, 1);
        }
        self.emit(Opcode::CALL, 1);
        Ok(())
    }

    /// One `{value!conversion:spec}` field. `{x=}` defaults to `!r` unless a conversion or
    /// spec is given (the `x=` text is a literal piece before it).
    fn compile_field(&mut self, field: &'a ast::InterpolatedElement) -> Result<()> {
        self.compile_expr(&field.expression)?;
        let mut flags = match field.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        if field.debug_text.is_some() && flags == 0 && field.format_spec.is_none() {
            flags = 2;
        }
        if let Some(spec) = &field.format_spec {
            let mut pieces = Vec::new();
            collect_pieces(&spec.elements, &mut pieces);
            self.compile_pieces(&pieces)?;
            flags |= 4;
        }
        self.emit(Opcode::FORMAT_VALUE, flags);
        Ok(())
    }
}

/// A piece of an f-string: literal text (adjacent literals merged) or a formatted field.
enum Piece<'a> {
    Literal(String),
    Field(&'a ast::InterpolatedElement),
}

fn push_literal(pieces: &mut Vec<Piece<'_>>, text: &str) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(Piece::Literal(previous)) => previous.push_str(text),
        _ => pieces.push(Piece::Literal(text.to_string())),
    }
}

fn collect_pieces<'a>(elements: &'a ast::InterpolatedStringElements, pieces: &mut Vec<Piece<'a>>) {
    for element in elements.iter() {
        match element {
            InterpolatedStringElement::Literal(literal) => push_literal(pieces, &literal.value),
            InterpolatedStringElement::Interpolation(field) => {
                if let Some(debug) = &field.debug_text {
                    push_literal(pieces, debug.as_str());
                }
                pieces.push(Piece::Field(field));
            }
        }
    }
}

/// `x is None` / `x is not None`, which compile to `POP_JUMP_IF_[NOT_]NONE` in conditions.
fn is_none_test(compare: &ast::ExprCompare) -> bool {
    matches!(compare.ops.first(), Some(CmpOp::Is | CmpOp::IsNot))
        && compare.ops.len() == 1
        && matches!(compare.comparators.first(), Some(Expr::NoneLiteral(_)))
}

/// The items of a list display whose items are all constants.
fn constant_list_items(expr: &Expr) -> Option<Vec<Const>> {
    match expr {
        Expr::List(list) => list.elts.iter().map(constant_value).collect(),
        _ => None,
    }
}
