//! The code generator's core: compilation units, emission, names and constants.
//!
//! Code generation is a recursive walk of the AST that appends instructions to the current
//! [`Unit`] — one unit per code object being built (module, class body, function, lambda,
//! comprehension); nested definitions push a unit, compile into it, and pop it back as a
//! finished [`Code`] constant of the enclosing unit. Instructions are emitted into an
//! intermediate form ([`IrInstr`], see `assemble.rs`) whose jumps name [`Label`]s, and each
//! instruction remembers the innermost active exception handler; `assemble.rs` later resolves
//! labels, computes the stack depth, drops unreachable code and builds the exception table.
//!
//! This file holds what every part of code generation shares: emitting, labels, the stacks of
//! exception handlers and of "frame blocks" (CPython's `fblock`: the loops and `try`s that
//! `break`, `continue` and `return` must unwind), constant and name tables, and the choice of
//! load/store opcode for a name from the symbol table. Statements are in `stmt.rs`, expressions
//! in `expr.rs`, functions/classes/comprehensions in `functions.rs`.

use std::collections::HashMap;
use std::rc::Rc;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::TextRange;

use super::assemble::{self, HandlerId, IrInstr, IrOp, Label};
use super::error::{CompileError, LineIndex};
use super::symtable::{mangle, NameScope, ScopeId, ScopeKind, SymbolTable};
use crate::bytecode::{Code, Const, Opcode};

pub(super) type Result<T> = std::result::Result<T, CompileError>;

/// CPython's `CO_MAXBLOCKS`: the deepest nesting of loops and `try` blocks in one function.
const MAX_BLOCKS: usize = 20;

/// Whether a name is read, assigned or deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameCtx {
    Load,
    Store,
    Del,
}

/// A control-flow construct that `break`, `continue` and `return` may have to unwind
/// (CPython's `fblockinfo`). The stack of these mirrors the nesting of the source.
#[derive(Clone, Copy, Debug)]
pub(super) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        exit: Label,
    },
    /// The iterator is on the stack for the whole loop.
    ForLoop {
        start: Label,
        exit: Label,
    },
    /// The body of a `try` with `except` clauses: its handler is active.
    TryExcept,
    /// The body of a `try` with a `finally`: leaving it early runs the finally body.
    FinallyTry {
        finalbody: &'a [Stmt],
    },
    /// The finally body on the exception path: `[prev_exc, exc]` are on the stack.
    FinallyEnd,
    /// Between `PUSH_EXC_INFO` and the end of the except clauses: `prev_exc` is on the stack.
    ExceptionHandler,
    /// The body of one except clause, with the name bound by `as` (cleared on exit).
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A value (the return value) kept on the stack while a finally body is inlined.
    PopValue,
    /// The body of a `with`: the bound `__exit__` is on the stack; leaving early calls it with
    /// three Nones (at the `with` statement's line).
    With {
        range: TextRange,
    },
}

/// A saved source location (line and range) of the instructions emitted next.
#[derive(Clone, Copy)]
pub(super) struct Loc(u32, TextRange);

/// One code object under construction.
pub(super) struct Unit<'a> {
    pub scope_id: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    /// Class name for private-name mangling.
    pub private: Option<String>,
    pub instrs: Vec<IrInstr>,
    /// Position in `instrs` of each label, once bound.
    pub labels: Vec<Option<usize>>,
    /// The target label of each exception handler.
    pub handlers: Vec<Label>,
    /// Handlers covering newly emitted instructions, innermost last.
    pub active_handlers: Vec<HandlerId>,
    pub fblocks: Vec<FBlock<'a>>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// The docstring of the function being compiled.
    pub doc: Option<String>,
    /// Source line given to newly emitted instructions.
    pub line: u32,
    /// The source range (AST node) given to newly emitted instructions, for the positions
    /// tracebacks underline.
    pub range: TextRange,
    /// The statement being compiled, for errors found deep inside it.
    pub statement: TextRange,
    /// Indexes into `consts`, `names` and `varnames`, so that lookups stay O(1).
    const_index: HashMap<ConstKey, u32>,
    name_index: HashMap<String, u32>,
    varname_index: HashMap<String, u32>,
}

/// The compiler: the symbol table, the unit being compiled and its enclosing units.
pub(super) struct Compiler<'a> {
    pub table: &'a SymbolTable,
    pub lines: &'a LineIndex<'a>,
    pub filename: Rc<str>,
    pub unit: Unit<'a>,
    /// Enclosing units, outermost first.
    pub outer: Vec<Unit<'a>>,
    /// `from __future__ import annotations`: annotations are stored as their source text.
    pub future_annotations: bool,
    /// Compiling what was typed at the prompt: expression statements outside functions and
    /// classes show their value (`PRINT_EXPR`), as CPython's `single` mode does.
    pub interactive: bool,
}

impl<'a> Compiler<'a> {
    /// A compiler at the top level of a module (or of `eval`'s expression).
    fn for_module(table: &'a SymbolTable, lines: &'a LineIndex<'a>, filename: &str, interactive: bool) -> Self {
        let unit = Unit::new(table, 0, "<module>".to_string(), "<module>".to_string(), 1);
        Compiler {
            table,
            lines,
            filename: Rc::from(filename),
            unit,
            outer: Vec::new(),
            future_annotations: false,
            interactive,
        }
    }

    /// Compiles a module body to its code object.
    pub(super) fn compile_module(
        table: &'a SymbolTable,
        lines: &'a LineIndex<'a>,
        filename: &str,
        body: &'a [Stmt],
        interactive: bool,
    ) -> Result<Code> {
        let mut compiler = Compiler::for_module(table, lines, filename, interactive);
        if !interactive {
            compiler.store_docstring(body);
        }
        compiler.setup_annotations(body);
        compiler.compile_body(body)?;
        if compiler.falls_through() {
            let none = compiler.const_index(Const::None);
            compiler.emit_artificial(Opcode::RETURN_CONST, none);
        }
        compiler.finish_unit()
    }

    /// The code of `eval()`'s expression: the expression, then `RETURN_VALUE`.
    pub(super) fn compile_expression(
        table: &'a SymbolTable,
        lines: &'a LineIndex<'a>,
        filename: &str,
        expr: &'a Expr,
    ) -> Result<Code> {
        let mut compiler = Compiler::for_module(table, lines, filename, false);
        compiler.move_to(ruff_text_size::Ranged::range(expr));
        compiler.compile_expr(expr)?;
        compiler.emit(Opcode::RETURN_VALUE, 0);
        compiler.finish_unit()
    }

    // -- errors and locations ------------------------------------------------------------------

    pub(super) fn syntax_error(&self, range: TextRange, message: &str) -> CompileError {
        self.lines.syntax_error(range, message)
    }

    pub(super) fn unsupported(&self, range: TextRange, construct: &str) -> CompileError {
        self.lines.unsupported(range, construct)
    }

    /// An error for a state the compiler should never reach (a bug, not a user error).
    pub(super) fn internal_error(&self, what: &str) -> CompileError {
        CompileError { line: self.unit.line, col: 1, message: format!("internal compiler error: {what}") }
    }

    /// Makes `range`'s line the line of the instructions emitted next; returns the previous
    /// line for [`Compiler::restore_line`].
    pub(super) fn set_line(&mut self, range: TextRange) -> Loc {
        let line = self.lines.line(range.start());
        Loc(std::mem::replace(&mut self.unit.line, line), std::mem::replace(&mut self.unit.range, range))
    }

    /// Makes `range`'s line current for the rest of the statement being compiled (which
    /// restores its own line when done).
    pub(super) fn move_to(&mut self, range: TextRange) {
        self.unit.line = self.lines.line(range.start());
        self.unit.range = range;
    }

    pub(super) fn restore_line(&mut self, loc: Loc) {
        self.unit.line = loc.0;
        self.unit.range = loc.1;
    }

    // -- emitting ------------------------------------------------------------------------------

    /// Appends an instruction (for jumps, use [`Compiler::emit_jump`]).
    pub(super) fn emit(&mut self, op: Opcode, arg: u32) {
        let handler = self.unit.active_handlers.last().copied();
        let (line, range) = (self.unit.line, self.unit.range);
        self.unit.instrs.push(IrInstr { op: IrOp::Op(op), arg, line, range, handler });
    }

    /// Appends an instruction that has no source position of its own (a loop's back edge, an
    /// implicit return, exception cleanup): it takes the line of the instruction before it,
    /// as CPython's artificial instructions do.
    pub(super) fn emit_artificial(&mut self, op: Opcode, arg: u32) {
        let saved = self.inherit_line();
        self.emit(op, arg);
        self.restore_line(saved);
    }

    /// Gives the following instructions the line of the last one emitted, for a run of
    /// artificial instructions; returns the line to restore.
    pub(super) fn inherit_line(&mut self) -> Loc {
        let (line, range) =
            self.unit.instrs.last().map_or((self.unit.line, self.unit.range), |last| (last.line, last.range));
        Loc(std::mem::replace(&mut self.unit.line, line), std::mem::replace(&mut self.unit.range, range))
    }

    /// An unconditional jump with no source position of its own (see `emit_artificial`).
    pub(super) fn jump_to(&mut self, target: Label) {
        self.emit_artificial(Opcode::JUMP_FORWARD, target.0);
    }

    /// Appends a jump to `target`. Unconditional jumps are emitted as `JUMP_FORWARD`; the
    /// assembler turns those that go backward into `JUMP_BACKWARD`.
    pub(super) fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.emit(op, target.0);
    }

    pub(super) fn new_label(&mut self) -> Label {
        let label = Label(count_u32(self.unit.labels.len()));
        self.unit.labels.push(None);
        label
    }

    /// Places `label` at the next instruction.
    pub(super) fn bind(&mut self, label: Label) {
        let position = self.unit.instrs.len();
        if let Some(slot) = self.unit.labels.get_mut(label.0 as usize) {
            *slot = Some(position);
        }
    }

    /// Starts a region protected by the handler at `target` (CPython's `SETUP_FINALLY` /
    /// `SETUP_CLEANUP`): instructions emitted until [`Compiler::pop_handler`] are covered.
    pub(super) fn push_handler(&mut self, target: Label) {
        self.push_handler_below(target, 0);
    }

    /// Like [`Compiler::push_handler`], but the handler cuts the stack `above` values lower
    /// than its depth where the region starts (CPython's `SETUP_WITH`).
    pub(super) fn push_handler_below(&mut self, target: Label, above: u32) {
        let id = HandlerId(count_u32(self.unit.handlers.len()));
        self.unit.handlers.push(target);
        self.unit.instrs.push(IrInstr {
            op: IrOp::SetupHandler(id),
            arg: above,
            line: self.unit.line,
            range: self.unit.range,
            handler: self.unit.active_handlers.last().copied(),
        });
        self.unit.active_handlers.push(id);
    }

    /// Ends the innermost protected region (CPython's `POP_BLOCK`).
    pub(super) fn pop_handler(&mut self) {
        self.unit.active_handlers.pop();
    }

    /// Whether control can reach the end of the code emitted so far: the last instruction is
    /// not a terminator, or some label points past it.
    pub(super) fn falls_through(&self) -> bool {
        let end = self.unit.instrs.len();
        if self.unit.labels.contains(&Some(end)) {
            return true;
        }
        let last_real = self.unit.instrs.iter().rev().find_map(|instr| match instr.op {
            IrOp::Op(op) => Some(op),
            IrOp::SetupHandler(_) => None,
        });
        !last_real.is_some_and(Opcode::is_terminator)
    }

    // -- constants and names -------------------------------------------------------------------

    /// Index of `value` in the constant table, adding it if no equal constant exists.
    pub(super) fn const_index(&mut self, value: Const) -> u32 {
        let unit = &mut self.unit;
        let Some(key) = ConstKey::of(&value) else {
            // Code objects are never shared.
            unit.consts.push(value);
            return count_u32(unit.consts.len() - 1);
        };
        *unit.const_index.entry(key).or_insert_with(|| {
            unit.consts.push(value);
            count_u32(unit.consts.len() - 1)
        })
    }

    pub(super) fn load_const(&mut self, value: Const) {
        let index = self.const_index(value);
        self.emit(Opcode::LOAD_CONST, index);
    }

    /// Index of `name` (mangled) in `co_names`, for attributes, globals and imports.
    pub(super) fn name_index(&mut self, name: &str) -> u32 {
        let mangled = mangle(self.unit.private.as_deref(), name).into_owned();
        self.plain_name_index(&mangled)
    }

    /// Index in `co_names` without mangling (`__name__`, `__module__`, ...).
    pub(super) fn plain_name_index(&mut self, name: &str) -> u32 {
        let unit = &mut self.unit;
        index_or_push(&mut unit.names, &mut unit.name_index, name)
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let unit = &mut self.unit;
        index_or_push(&mut unit.varnames, &mut unit.varname_index, name)
    }

    /// Deref slot of a cell (`cellvars` first) or free variable (after the cells).
    fn deref_index(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.unit.cellvars.iter().position(|cell| cell == name) {
            return u32::try_from(i).ok();
        }
        let i = self.unit.freevars.iter().position(|free| free == name)?;
        u32::try_from(self.unit.cellvars.len() + i).ok()
    }

    /// The deref slot to pass to `LOAD_CLOSURE` when an inner code object captures `name`.
    pub(super) fn closure_index(&self, name: &str) -> Result<u32> {
        self.deref_index(name).ok_or_else(|| self.internal_error(&format!("no cell for '{name}'")))
    }

    /// How the current scope reaches `name` (already mangled).
    fn resolve(&self, name: &str) -> Option<NameScope> {
        self.table.scope(self.unit.scope_id).and_then(|scope| scope.lookup(name))
    }

    /// Emits the load, store or delete of a variable (CPython's `compiler_nameop`).
    pub(super) fn name_op(&mut self, name: &str, ctx: NameCtx) -> Result<()> {
        let mangled = mangle(self.unit.private.as_deref(), name).into_owned();
        let function_like = self.unit.kind.is_function_like();
        match self.resolve(&mangled) {
            Some(NameScope::Free | NameScope::Cell) => {
                let slot = self.closure_index(&mangled)?;
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_DEREF,
                    NameCtx::Store => Opcode::STORE_DEREF,
                    NameCtx::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, slot);
            }
            Some(NameScope::Local) if function_like => {
                let slot = self.varname_index(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_FAST,
                    NameCtx::Store => Opcode::STORE_FAST,
                    NameCtx::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, slot);
            }
            Some(NameScope::GlobalExplicit) => self.global_op(&mangled, ctx, false),
            Some(NameScope::GlobalImplicit) | None if function_like => self.global_op(&mangled, ctx, false),
            _ => {
                let index = self.plain_name_index(&mangled);
                let op = match ctx {
                    NameCtx::Load => Opcode::LOAD_NAME,
                    NameCtx::Store => Opcode::STORE_NAME,
                    NameCtx::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, index);
            }
        }
        Ok(())
    }

    fn global_op(&mut self, mangled: &str, ctx: NameCtx, push_null: bool) {
        let index = self.plain_name_index(mangled);
        match ctx {
            NameCtx::Load => self.emit(Opcode::LOAD_GLOBAL, index << 1 | u32::from(push_null)),
            NameCtx::Store => self.emit(Opcode::STORE_GLOBAL, index),
            NameCtx::Del => self.emit(Opcode::DELETE_GLOBAL, index),
        }
    }

    /// Loads `callee` followed by the NULL of the call convention: a single `LOAD_GLOBAL` with
    /// the push-null bit when the callee is a global name, else the value then `PUSH_NULL`.
    pub(super) fn load_callee(&mut self, callee: &'a Expr) -> Result<()> {
        if let Expr::Name(name) = callee {
            let mangled = mangle(self.unit.private.as_deref(), &name.id).into_owned();
            let scope = self.resolve(&mangled);
            let function_like = self.unit.kind.is_function_like();
            let is_global = matches!(scope, Some(NameScope::GlobalExplicit))
                || (function_like && matches!(scope, Some(NameScope::GlobalImplicit) | None));
            if is_global {
                let saved = self.set_line(name.range);
                self.global_op(&mangled, NameCtx::Load, true);
                self.restore_line(saved);
                return Ok(());
            }
        }
        self.compile_expr(callee)?;
        self.emit(Opcode::PUSH_NULL, 0);
        Ok(())
    }

    // -- units ---------------------------------------------------------------------------------

    /// Starts compiling a nested code object for `scope_id`, emitting its prologue.
    pub(super) fn enter_unit(&mut self, scope_id: ScopeId, name: String, firstlineno: u32) {
        let qualname = self.qualname_for(scope_id, &name);
        let unit = Unit::new(self.table, scope_id, name, qualname, firstlineno);
        let parent = std::mem::replace(&mut self.unit, unit);
        self.outer.push(parent);
        self.emit_prologue();
    }

    /// `MAKE_CELL` for each cell, `COPY_FREE_VARS`, and the generator preamble.
    fn emit_prologue(&mut self) {
        for i in 0..self.unit.cellvars.len() {
            self.emit(Opcode::MAKE_CELL, count_u32(i));
        }
        if !self.unit.freevars.is_empty() {
            let count = count_u32(self.unit.freevars.len());
            self.emit(Opcode::COPY_FREE_VARS, count);
        }
        let is_generator = self.table.scope(self.unit.scope_id).is_some_and(|s| s.is_generator);
        if is_generator {
            self.emit(Opcode::RETURN_GENERATOR, 0);
            self.emit(Opcode::POP_TOP, 0);
        }
    }

    /// Finishes the current nested unit and returns its code, making the parent current.
    pub(super) fn exit_unit(&mut self) -> Result<Rc<Code>> {
        let Some(parent) = self.outer.pop() else {
            return Err(self.internal_error("unit stack underflow"));
        };
        let unit = std::mem::replace(&mut self.unit, parent);
        let line = unit.line;
        assemble::assemble(unit, self.table, &self.filename, self.lines).map(Rc::new).map_err(|what| CompileError {
            line,
            col: 1,
            message: format!("internal compiler error: {what}"),
        })
    }

    fn finish_unit(self) -> Result<Code> {
        let line = self.unit.line;
        assemble::assemble(self.unit, self.table, &self.filename, self.lines).map_err(|what| CompileError {
            line,
            col: 1,
            message: format!("internal compiler error: {what}"),
        })
    }

    /// CPython's `compiler_set_qualname`: `C.m`, `f.<locals>.g`; a function declared `global`
    /// in its enclosing scope gets its plain name.
    fn qualname_for(&self, scope_id: ScopeId, name: &str) -> String {
        let parent = &self.unit;
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        let kind = self.table.scope(scope_id).map(|scope| scope.kind);
        if matches!(kind, Some(ScopeKind::Function | ScopeKind::Class)) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.resolve(&mangled) == Some(NameScope::GlobalExplicit) {
                return name.to_string();
            }
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    // -- frame blocks --------------------------------------------------------------------------

    /// Enters a frame block; like CPython, at most [`MAX_BLOCKS`] may be nested (this also
    /// bounds how many copies of nested `finally` bodies inlining can make).
    pub(super) fn push_fblock(&mut self, block: FBlock<'a>) -> Result<()> {
        if self.unit.fblocks.len() >= MAX_BLOCKS {
            return Err(self.syntax_error(self.unit.statement, "too many statically nested blocks"));
        }
        self.unit.fblocks.push(block);
        Ok(())
    }

    pub(super) fn pop_fblock(&mut self) {
        self.unit.fblocks.pop();
    }
}

impl<'a> Unit<'a> {
    fn new(table: &SymbolTable, scope_id: ScopeId, name: String, qualname: String, firstlineno: u32) -> Unit<'a> {
        let scope = table.scope(scope_id);
        let varnames: Vec<String> = scope.map(|s| s.params.clone()).unwrap_or_default();
        let varname_index = varnames.iter().enumerate().map(|(i, name)| (name.clone(), count_u32(i))).collect();
        Unit {
            scope_id,
            kind: scope.map_or(ScopeKind::Module, |s| s.kind),
            name,
            qualname,
            firstlineno,
            private: scope.and_then(|s| s.private.clone()),
            instrs: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            active_handlers: Vec::new(),
            fblocks: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars: scope.map(|s| s.cellvars.clone()).unwrap_or_default(),
            freevars: scope.map(|s| s.freevars.clone()).unwrap_or_default(),
            line: firstlineno,
            range: TextRange::default(),
            doc: None,
            statement: TextRange::default(),
            const_index: HashMap::new(),
            name_index: HashMap::new(),
            varname_index,
        }
    }
}

/// Position of `name` in `table` (found through `index`), appending it when absent.
fn index_or_push(table: &mut Vec<String>, index: &mut HashMap<String, u32>, name: &str) -> u32 {
    if let Some(&i) = index.get(name) {
        return i;
    }
    table.push(name.to_string());
    let i = count_u32(table.len() - 1);
    index.insert(name.to_string(), i);
    i
}

/// A count or index as an instruction argument. Everything counted comes from a source text
/// shorter than 4 GiB (ruff's offsets are `u32`), so this saturates only in theory.
pub(super) fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A hashable stand-in for a constant, equal exactly when the constants are equal under
/// `Const`'s `PartialEq` (floats by bits, bools distinct from ints).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

impl ConstKey {
    /// None for code objects (and tuples containing them), which are compared by identity.
    fn of(value: &Const) -> Option<ConstKey> {
        Some(match value {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(i) => ConstKey::Int(*i),
            Const::BigInt(digits) => ConstKey::BigInt(digits.clone()),
            Const::Float(x) => ConstKey::Float(x.to_bits()),
            Const::Complex(re, im) => ConstKey::Complex(re.to_bits(), im.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Tuple(items) => ConstKey::Tuple(items.iter().map(ConstKey::of).collect::<Option<_>>()?),
            Const::FrozenSet(items) => ConstKey::FrozenSet(items.iter().map(ConstKey::of).collect::<Option<_>>()?),
            Const::Code(_) => return None,
        })
    }
}
