//! The `match` statement: each `case` pattern compiled to tests and jumps over the subject.
//!
//! A case works on a copy of the subject (`COPY 1`), so the subject stays for the next case.
//! A pattern consumes the value on top of the stack when it matches, binding the names it
//! captures as it goes (PEP 634 lets bindings of a failed match persist); where it fails it
//! jumps to a *fail label* for the number of values it has pushed meanwhile, which pops them
//! and goes on with the next case (or, inside an `|` pattern, with the next alternative). The
//! structural tests are CPython's instructions: `MATCH_SEQUENCE`, `MATCH_MAPPING`,
//! `MATCH_KEYS`, `MATCH_CLASS`, `GET_LEN`, `COPY_DICT_WITHOUT_KEYS`; sub-patterns then run on
//! the items `UNPACK_SEQUENCE`/`UNPACK_EX` spread on the stack, first item on top.

use ruff_python_ast::{self as ast, Pattern, Singleton};
use ruff_text_size::Ranged;

use super::assemble::Label;
use super::compiler::{Compiler, NameCtx, Result};
use crate::bytecode::{CompareOp, Const, Opcode};

/// Where a failing pattern goes: `pops[i]` is entered with `floor + i` values above the case's
/// base, pops `i` of them and continues at `target`.
struct Fail {
    floor: usize,
    pops: Vec<Label>,
    target: Label,
}

impl<'a> Compiler<'a> {
    /// ```text
    ///        <subject>
    ///   for each case: COPY 1; <pattern>; [<guard> or jump next]; POP_TOP; <body>; JUMP end
    ///                  next: ...
    ///        POP_TOP                           (no case matched)
    ///   end:
    /// ```
    pub(super) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> Result<()> {
        self.compile_expr(&m.subject)?;
        let end = self.new_label();
        for (i, case) in m.cases.iter().enumerate() {
            if case.guard.is_none() && case.pattern.is_irrefutable() && i + 1 < m.cases.len() {
                let what = match &case.pattern {
                    Pattern::MatchAs(ast::PatternMatchAs { name: Some(name), .. }) => {
                        format!("name capture '{}' makes remaining patterns unreachable", name.id)
                    }
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.syntax_error(case.pattern.range(), &what));
            }
            let next = self.new_label();
            let saved = self.set_line(case.pattern.range());
            self.emit(Opcode::COPY, 1);
            let mut fail = Fail { floor: 1, pops: Vec::new(), target: next };
            self.compile_pattern(&case.pattern, 2, &mut fail)?;
            if let Some(guard) = &case.guard {
                self.jump_if(guard, next, false)?;
            }
            self.emit(Opcode::POP_TOP, 0);
            self.restore_line(saved);
            self.compile_body(&case.body)?;
            self.jump_to(end);
            self.emit_fail_pops(fail);
            self.bind(next);
        }
        self.emit_artificial(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// The label that pops down to `fail.floor` from `depth` values and gives up.
    fn fail_at(&mut self, fail: &mut Fail, depth: usize) -> Label {
        let i = depth - fail.floor;
        while fail.pops.len() <= i {
            let label = self.new_label();
            fail.pops.push(label);
        }
        fail.pops[i]
    }

    /// `pops[n]: POP_TOP; ... pops[1]: POP_TOP; pops[0]: JUMP target` (each falls into the next).
    fn emit_fail_pops(&mut self, fail: Fail) {
        for (i, label) in fail.pops.iter().enumerate().rev() {
            self.bind(*label);
            if i > 0 {
                self.emit_artificial(Opcode::POP_TOP, 0);
            }
        }
        if !fail.pops.is_empty() {
            self.jump_to(fail.target);
        }
    }

    /// Matches the value on top of the stack (`depth` values above the case's base, counting
    /// it) against `pattern`, which consumes it on success.
    fn compile_pattern(&mut self, pattern: &'a Pattern, depth: usize, fail: &mut Fail) -> Result<()> {
        let saved = self.set_line(pattern.range());
        let result = self.compile_pattern_kind(pattern, depth, fail);
        self.restore_line(saved);
        result
    }

    fn compile_pattern_kind(&mut self, pattern: &'a Pattern, depth: usize, fail: &mut Fail) -> Result<()> {
        match pattern {
            Pattern::MatchValue(p) => {
                self.compile_expr(&p.value)?;
                self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
                let label = self.fail_at(fail, depth - 1);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, label);
            }
            Pattern::MatchSingleton(p) => {
                self.load_const(match p.value {
                    Singleton::None => Const::None,
                    Singleton::True => Const::Bool(true),
                    Singleton::False => Const::Bool(false),
                });
                self.emit(Opcode::IS_OP, 0);
                let label = self.fail_at(fail, depth - 1);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, label);
            }
            Pattern::MatchAs(p) => match (&p.pattern, &p.name) {
                (None, None) => self.emit(Opcode::POP_TOP, 0),
                (None, Some(name)) => self.name_op(&name.id, NameCtx::Store)?,
                (Some(inner), name) => {
                    self.emit(Opcode::COPY, 1);
                    self.compile_pattern(inner, depth + 1, fail)?;
                    match name {
                        Some(name) => self.name_op(&name.id, NameCtx::Store)?,
                        None => self.emit(Opcode::POP_TOP, 0),
                    }
                }
            },
            Pattern::MatchStar(p) => match &p.name {
                Some(name) => self.name_op(&name.id, NameCtx::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            },
            Pattern::MatchOr(p) => self.compile_or_pattern(&p.patterns, depth, fail)?,
            Pattern::MatchSequence(p) => self.compile_sequence_pattern(&p.patterns, depth, fail)?,
            Pattern::MatchMapping(p) => self.compile_mapping_pattern(p, depth, fail)?,
            Pattern::MatchClass(p) => self.compile_class_pattern(p, depth, fail)?,
        }
        Ok(())
    }

    /// `p1 | p2 | p3`: each alternative but the last on a copy, failing into the next.
    fn compile_or_pattern(&mut self, alternatives: &'a [Pattern], depth: usize, fail: &mut Fail) -> Result<()> {
        let end = self.new_label();
        let Some((last, rest)) = alternatives.split_last() else { return Ok(()) };
        for alternative in rest {
            let next = self.new_label();
            self.emit(Opcode::COPY, 1);
            let mut alt_fail = Fail { floor: depth, pops: Vec::new(), target: next };
            self.compile_pattern(alternative, depth + 1, &mut alt_fail)?;
            self.emit(Opcode::POP_TOP, 0);
            self.jump_to(end);
            self.emit_fail_pops(alt_fail);
            self.bind(next);
        }
        self.compile_pattern(last, depth, fail)?;
        self.bind(end);
        Ok(())
    }

    /// `[a, *rest, b]`: a sequence of the right length, its items matched in order.
    fn compile_sequence_pattern(&mut self, patterns: &'a [Pattern], depth: usize, fail: &mut Fail) -> Result<()> {
        let star = patterns.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
        if patterns.iter().filter(|p| matches!(p, Pattern::MatchStar(_))).count() > 1 {
            return Err(self.syntax_error(patterns[0].range(), "multiple starred names in sequence pattern"));
        }
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        let label = self.fail_at(fail, depth);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, label);
        let fixed = patterns.len() - usize::from(star.is_some());
        self.emit(Opcode::GET_LEN, 0);
        self.load_const(Const::Int(fixed as i64));
        let op = if star.is_some() { CompareOp::Ge } else { CompareOp::Eq };
        self.emit(Opcode::COMPARE_OP, op as u32);
        let label = self.fail_at(fail, depth);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, label);
        match star {
            Some(at) => {
                let after = patterns.len() - at - 1;
                if at > 0xff || after > 0xff {
                    return Err(self
                        .syntax_error(patterns[0].range(), "too many expressions in star-unpacking sequence pattern"));
                }
                self.emit(Opcode::UNPACK_EX, (at | (after << 8)) as u32);
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, patterns.len() as u32),
        }
        let mut depth = depth - 1 + patterns.len();
        for p in patterns {
            self.compile_pattern(p, depth, fail)?;
            depth -= 1;
        }
        Ok(())
    }

    /// `{"k": p, **rest}`: a mapping with the keys, their values matched in order.
    fn compile_mapping_pattern(
        &mut self,
        p: &'a ast::PatternMatchMapping,
        depth: usize,
        fail: &mut Fail,
    ) -> Result<()> {
        self.emit(Opcode::MATCH_MAPPING, 0);
        let label = self.fail_at(fail, depth);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, label);
        if p.keys.is_empty() && p.rest.is_none() {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if !p.keys.is_empty() {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Const::Int(p.keys.len() as i64));
            self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            let label = self.fail_at(fail, depth);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, label);
        }
        for key in &p.keys {
            self.compile_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, p.keys.len() as u32);
        if !p.keys.is_empty() {
            // [subject, keys, values|None]
            self.emit(Opcode::MATCH_KEYS, 0);
            self.emit(Opcode::COPY, 1);
            let label = self.fail_at(fail, depth + 2);
            self.emit_jump(Opcode::POP_JUMP_IF_NONE, label);
            self.emit(Opcode::UNPACK_SEQUENCE, p.keys.len() as u32);
            let mut at = depth + 1 + p.keys.len();
            for value in &p.patterns {
                self.compile_pattern(value, at, fail)?;
                at -= 1;
            }
        }
        match &p.rest {
            Some(rest) => {
                self.emit(Opcode::COPY_DICT_WITHOUT_KEYS, 0);
                self.name_op(&rest.id, NameCtx::Store)?;
            }
            None => self.emit(Opcode::POP_TOP, 0),
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `Point(x, y=0)`: an instance of the class whose attributes (positional ones named by
    /// `__match_args__`) match.
    fn compile_class_pattern(&mut self, p: &'a ast::PatternMatchClass, depth: usize, fail: &mut Fail) -> Result<()> {
        let args = &p.arguments;
        let mut names: Vec<&str> = Vec::new();
        for k in &args.keywords {
            if names.contains(&k.attr.id.as_str()) {
                let message = format!("attribute name repeated in class pattern: {}", k.attr.id);
                return Err(self.syntax_error(k.attr.range, &message));
            }
            names.push(k.attr.id.as_str());
        }
        self.compile_expr(&p.cls)?;
        self.load_const(Const::Tuple(names.iter().map(|n| Const::Str((*n).to_string())).collect()));
        self.emit(Opcode::MATCH_CLASS, args.patterns.len() as u32);
        // [attributes|None]
        self.emit(Opcode::COPY, 1);
        let label = self.fail_at(fail, depth);
        self.emit_jump(Opcode::POP_JUMP_IF_NONE, label);
        let n = args.patterns.len() + args.keywords.len();
        if n == 0 {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        let mut at = depth - 1 + n;
        for sub in args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern)) {
            self.compile_pattern(sub, at, fail)?;
            at -= 1;
        }
        Ok(())
    }
}
