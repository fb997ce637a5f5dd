//! The frontend: Python source text to a [`Code`] object.
//!
//! stitch compiles a subset of Python to the CPython-style bytecode of
//! [`crate::bytecode`]. The frontend is a four-stage pipeline:
//!
//! ```text
//!   source ──parse──▶ AST ──symtable──▶ scopes ──codegen──▶ IR ──assemble──▶ Code
//!           (ruff)        (symtable.rs)       (compiler.rs,       (assemble.rs)
//!                                              stmt.rs, expr.rs,
//!                                              functions.rs)
//! ```
//!
//! 1. **Parse** with ruff's parser (`ruff_python_parser`), which reports syntax errors with
//!    byte ranges; `error.rs` turns those into line/column and CPython-like wording.
//! 2. **Symbol table** ([`symtable`]): decide for every name in every scope whether it is a
//!    local, a global, a cell or a free variable, and report scope errors (`global` misuse,
//!    `return` outside a function, ...) and unsupported constructs.
//! 3. **Code generation**: walk the AST emitting instructions with symbolic jump labels and
//!    per-instruction exception handlers, one unit per code object.
//! 4. **Assembly** (`assemble.rs`): compute the maximum stack depth by flow analysis, remove
//!    unreachable code, resolve jumps and build the exception table.
//!
//! [`compile`] is the entry point; it never panics, whatever the input. A syntax tree nested
//! deeper than 200 levels (operator chains like `a + b + ...` count once, up to 5,000 terms)
//! is rejected up front (`nesting.rs`) so that no recursive pass can overflow the native stack.
//!
//! ## Errors
//! A [`CompileError`] has a 1-based line and character column and a message starting with its
//! class: `SyntaxError:` (or CPython's `IndentationError:`/`RecursionError:` where CPython uses
//! those) followed by CPython's wording where practical, or `unsupported: <construct>` for
//! valid Python outside stitch's subset: `async`/`await`, `**` in class keyword arguments and
//! starred class bases, relative imports, `except*`, type parameters and `type` statements,
//! template strings, `__del__` methods.
//!
//! ## Simplifications
//! Annotations of module and class variables and of function parameters and returns are
//! evaluated when CPython evaluates them, into `__annotations__` (kept as their source text
//! under `from __future__ import annotations`); those of local variables never are (`x: int =
//! 1` in a function is `x = 1`; a bare `x: int` only makes `x` local). Docstrings become `__doc__`. `from __future__ import ...` compiles to
//! nothing.

pub mod anchors;
mod assemble;
mod compiler;
mod constants;
mod error;
mod expr;
mod functions;
mod matching;
mod nesting;
mod stmt;
pub mod symtable;

#[cfg(test)]
mod tests;

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{parse_unchecked, Mode, ParseOptions};

use crate::bytecode::Code;

pub use error::CompileError;

/// Compiles the source of `eval()`: one expression, whose code returns its value. Leading
/// spaces and tabs are ignored, as CPython's `eval` strips them.
pub fn compile_eval(source: &str, filename: &str) -> Result<Code, CompileError> {
    let source = source.trim_start_matches([' ', '\t']);
    let lines = error::LineIndex::new(source);
    let options = ParseOptions::from(Mode::Expression).with_target_version(PythonVersion::PY312);
    let parsed = parse_unchecked(source, options);
    if let Some(first) = parsed.errors().iter().min_by_key(|error| error.location.start()) {
        return Err(lines.parse_error(first));
    }
    if let Some(first) = parsed.unsupported_syntax_errors().first() {
        return Err(lines.version_error(first));
    }
    let Mod::Expression(expression) = parsed.into_syntax() else {
        return Err(CompileError { line: 1, col: 1, message: "SyntaxError: expected an expression".into() });
    };
    let body = vec![ruff_python_ast::Stmt::Expr(ruff_python_ast::StmtExpr {
        node_index: Default::default(),
        range: expression.range,
        value: expression.body,
    })];
    if let Some(range) = nesting::too_deep(&body) {
        let message = "RecursionError: maximum recursion depth exceeded during compilation";
        let error = lines.error(range, message);
        std::mem::forget(body);
        return Err(error);
    }
    let table = symtable::SymbolTable::build(&body, &lines)?;
    let ruff_python_ast::Stmt::Expr(statement) = &body[0] else {
        return Err(CompileError { line: 1, col: 1, message: "SyntaxError: expected an expression".into() });
    };
    compiler::Compiler::compile_expression(&table, &lines, filename, &statement.value)
}

/// Compiles a module's source to its code object. `filename` is recorded in every code
/// object (for tracebacks and `dis` headers); errors carry line and column only.
pub fn compile(source: &str, filename: &str) -> Result<Code, CompileError> {
    compile_mode(source, filename, false)
}

/// Whether `source`, typed at the prompt, fails only because it ends too early (an open
/// bracket or triple-quoted string, a block with no body yet): the prompt then asks for more.
pub fn is_incomplete(source: &str) -> bool {
    use ruff_python_parser::{LexicalErrorType, ParseErrorType};
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY312);
    let parsed = parse_unchecked(source, options);
    let end = source.trim_end().len();
    parsed.errors().iter().any(|e| {
        usize::from(e.location.start()) >= end
            || matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError | LexicalErrorType::Eof))
            || matches!(&e.error, ParseErrorType::Lexical(LexicalErrorType::OtherError(t))
                if t.contains("triple-quoted"))
    })
}

/// Compiles what was typed at the interactive prompt: like a module, but every expression
/// statement outside functions and classes shows its value (`PRINT_EXPR`).
pub fn compile_interactive(source: &str, filename: &str) -> Result<Code, CompileError> {
    compile_mode(source, filename, true)
}

fn compile_mode(source: &str, filename: &str, interactive: bool) -> Result<Code, CompileError> {
    let lines = error::LineIndex::new(source);
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY312);
    let parsed = parse_unchecked(source, options);
    let body = match parsed.syntax() {
        Mod::Module(module) => module.body.as_slice(),
        Mod::Expression(_) => &[],
    };
    if let Some(range) = nesting::too_deep(body) {
        let message = "RecursionError: maximum recursion depth exceeded during compilation";
        let error = lines.error(range, message);
        // Dropping the tree would recurse as deep as it is nested; leak it instead.
        std::mem::forget(parsed);
        return Err(error);
    }
    if let Some(first) = parsed.errors().iter().min_by_key(|error| error.location.start()) {
        return Err(lines.parse_error(first));
    }
    if let Some(first) = parsed.unsupported_syntax_errors().first() {
        return Err(lines.version_error(first));
    }
    let Some(module) = parsed.try_into_module() else {
        return Err(CompileError { line: 1, col: 1, message: "SyntaxError: expected a module".into() });
    };
    let module = module.into_syntax();
    let table = symtable::SymbolTable::build(&module.body, &lines)?;
    compiler::Compiler::compile_module(&table, &lines, filename, &module.body, interactive)
}
