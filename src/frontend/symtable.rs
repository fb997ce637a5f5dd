//! The symbol table: which scope every name belongs to.
//!
//! Before generating code the compiler must know, for each name in each scope, how to reach it:
//! a fast local (`LOAD_FAST`), a global (`LOAD_GLOBAL`), a cell shared with inner functions or a
//! free variable captured from an outer function (`LOAD_DEREF`), or a name looked up at run time
//! in a namespace dict (`LOAD_NAME`, module and class bodies). That depends on the whole scope —
//! an assignment anywhere in a function makes the name local everywhere in it — so it needs a
//! pass of its own. This is CPython's `symtable.c`, in two phases:
//!
//! 1. **Collect** (`Builder`): walk the AST once, creating a [`Scope`] for the module and for
//!    every class, function, lambda and comprehension (comprehensions are functions here, as in
//!    CPython 3.11), and record per name what the scope does with it ([`flags`]: assigned, used,
//!    parameter, declared `global`/`nonlocal`, ...). The walk also reports the errors that need
//!    context but not the full analysis: `return`/`yield`/`break`/`continue` outside their
//!    construct, duplicate parameters, misplaced `global`, and constructs stitch does not
//!    support.
//! 2. **Analyze** (`analyze`): resolve each name top-down, passing to each child the names
//!    bound by enclosing *function* scopes. A name used but not bound in a function is free if an
//!    enclosing function binds it, else global; a local that some inner scope uses free becomes a
//!    cell. Class scopes are skipped when passing bindings down (methods do not see class
//!    attributes as variables) but pass free variables through. A function nested in a class that
//!    uses `super` or `__class__` gets the free variable `__class__`, which the class body
//!    provides as a cell (`needs_class_closure`).
//!
//! The compiler finds the scope of a function/class/lambda/comprehension node by its source
//! range ([`SymbolTable::scope_for`]).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Comprehension, Expr, ExprContext, InterpolatedStringElement, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::{CompileError, LineIndex};
use super::nesting::operator_chain;

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// What kind of code block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(ComprehensionKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

impl ComprehensionKind {
    /// The code object name CPython gives the comprehension function.
    pub fn code_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        }
    }

    fn description(self) -> &'static str {
        match self {
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
            ComprehensionKind::Generator => "generator expression",
        }
    }
}

impl ScopeKind {
    /// Functions, lambdas and comprehensions: scopes with fast locals and closures.
    pub fn is_function_like(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }
}

/// How a name is reached from a scope (CPython's `LOCAL`, `GLOBAL_EXPLICIT`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    /// Declared `global` in this scope.
    GlobalExplicit,
    /// Not bound in this scope or any enclosing function.
    GlobalImplicit,
    /// Bound in an enclosing function; reached through the closure.
    Free,
    /// Local, but captured by an inner scope, so it lives in a cell.
    Cell,
}

/// What a scope does with a name, as bits (CPython's `DEF_*` flags).
pub mod flags {
    pub const DEF_GLOBAL: u16 = 1;
    pub const DEF_LOCAL: u16 = 1 << 1;
    pub const DEF_PARAM: u16 = 1 << 2;
    pub const DEF_NONLOCAL: u16 = 1 << 3;
    pub const USE: u16 = 1 << 4;
    /// Free in an inner scope and also bound in this class body.
    pub const DEF_FREE_CLASS: u16 = 1 << 5;
    pub const DEF_IMPORT: u16 = 1 << 6;
    pub const DEF_ANNOT: u16 = 1 << 7;
    /// Bound as a comprehension's iteration variable.
    pub const DEF_COMP_ITER: u16 = 1 << 8;
    pub const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

/// One name in one scope.
#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u16,
    pub scope: NameScope,
}

/// A module, class, function, lambda or comprehension body.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The function or class name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// Line of the node that opened the scope (the first decorator for decorated definitions).
    pub firstlineno: u32,
    symbols: HashMap<String, Symbol>,
    /// Parameters in `varnames` order: positional, keyword-only, `*args`, `**kwargs`.
    pub params: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// Contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// Nested in a function-like scope (CPython's `CO_NESTED`).
    pub is_nested: bool,
    /// A class whose methods use `super`/`__class__`: its body creates the `__class__` cell.
    pub needs_class_closure: bool,
    /// The enclosing class name used for private-name mangling, if any.
    pub private: Option<String>,
    /// Cell variables, sorted (CPython order), `__class__` last for classes.
    pub cellvars: Vec<String>,
    /// Free variables, sorted.
    pub freevars: Vec<String>,
    /// Where each name was declared `global`/`nonlocal`, for error locations.
    directives: HashMap<String, TextRange>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, firstlineno: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            firstlineno,
            symbols: HashMap::new(),
            params: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkeywords: false,
            is_generator: false,
            is_nested: false,
            needs_class_closure: false,
            private: None,
            cellvars: Vec::new(),
            freevars: Vec::new(),
            directives: HashMap::new(),
        }
    }

    /// The resolved scope of `name` (already mangled), or None if the scope never mentions it.
    pub fn lookup(&self, name: &str) -> Option<NameScope> {
        self.symbols.get(name).map(|symbol| symbol.scope)
    }

    /// The `DEF_*` flags of `name` (0 when unknown).
    pub fn flags_of(&self, name: &str) -> u16 {
        self.symbols.get(name).map_or(0, |symbol| symbol.flags)
    }

    /// Names in a stable order (sorted), for deterministic analysis and tests.
    fn sorted_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.symbols.keys().cloned().collect();
        names.sort();
        names
    }
}

/// All scopes of a module; scope 0 is the module itself.
#[derive(Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<NodeKey, ScopeId>,
}

/// Identifies the node that opened a scope: its source range and the kind of scope.
type NodeKey = (u32, u32, ScopeKind);

impl SymbolTable {
    /// Builds and analyzes the symbol table of a parsed module.
    pub(crate) fn build(body: &[Stmt], lines: &LineIndex<'_>) -> Result<SymbolTable> {
        let mut builder = Builder::new(lines);
        builder.visit_body(body)?;
        let mut table = SymbolTable { scopes: builder.scopes, by_node: builder.by_node };
        analyze(&mut table, lines)?;
        Ok(table)
    }

    /// The scope of `kind` opened by the node (function, class, lambda, comprehension) at
    /// `range`.
    pub fn scope_for(&self, range: TextRange, kind: ScopeKind) -> Option<ScopeId> {
        self.by_node.get(&node_key(range, kind)).copied()
    }

    pub fn scope(&self, id: ScopeId) -> Option<&Scope> {
        self.scopes.get(id)
    }
}

fn node_key(range: TextRange, kind: ScopeKind) -> NodeKey {
    (range.start().to_u32(), range.end().to_u32(), kind)
}

/// CPython's private-name mangling: inside class `C`, `__x` means `_C__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

// ---------------------------------------------------------------------------------------------
// Phase 1: collecting definitions and uses
// ---------------------------------------------------------------------------------------------

/// The AST walk that creates scopes and records name flags.
struct Builder<'a> {
    lines: &'a LineIndex<'a>,
    scopes: Vec<Scope>,
    by_node: HashMap<NodeKey, ScopeId>,
    /// Innermost scope last.
    stack: Vec<ScopeId>,
    /// Number of loops enclosing the current statement within the current scope.
    loop_depth: u32,
    /// Inside a comprehension's iterable expression (where `:=` is not allowed).
    in_comp_iter_expr: u32,
    /// Visiting a comprehension's target (its names get `DEF_COMP_ITER`).
    in_comp_iter_target: bool,
}

type Result<T> = std::result::Result<T, CompileError>;

impl<'a> Builder<'a> {
    fn new(lines: &'a LineIndex<'a>) -> Builder<'a> {
        Builder {
            lines,
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None, 1)],
            by_node: HashMap::new(),
            stack: vec![0],
            loop_depth: 0,
            in_comp_iter_expr: 0,
            in_comp_iter_target: false,
        }
    }

    fn current_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn current(&mut self) -> &mut Scope {
        let id = self.current_id();
        &mut self.scopes[id]
    }

    fn current_kind(&self) -> ScopeKind {
        self.scopes[self.current_id()].kind
    }

    fn syntax_error(&self, range: TextRange, message: &str) -> CompileError {
        self.lines.syntax_error(range, message)
    }

    fn unsupported(&self, range: TextRange, construct: &str) -> CompileError {
        self.lines.unsupported(range, construct)
    }

    /// Opens a new scope for the node at `range` and makes it current.
    fn enter_scope(&mut self, kind: ScopeKind, name: &str, range: TextRange) {
        let parent = self.current_id();
        let firstlineno = self.lines.line(range.start());
        let mut scope = Scope::new(kind, name, Some(parent), firstlineno);
        let parent_scope = &self.scopes[parent];
        scope.is_nested = parent_scope.is_nested || parent_scope.kind.is_function_like();
        scope.private = if kind == ScopeKind::Class { Some(name.to_string()) } else { parent_scope.private.clone() };
        let id = self.scopes.len();
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.by_node.insert(node_key(range, kind), id);
        self.stack.push(id);
    }

    fn exit_scope(&mut self) {
        self.stack.pop();
    }

    /// Runs `f` inside a new scope, with loop context reset (a `break` in a function body does
    /// not belong to a loop around the `def`).
    fn in_scope(
        &mut self,
        kind: ScopeKind,
        name: &str,
        range: TextRange,
        f: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        self.enter_scope(kind, name, range);
        let saved_loops = std::mem::replace(&mut self.loop_depth, 0);
        let saved_iter_expr = std::mem::replace(&mut self.in_comp_iter_expr, 0);
        let result = f(self);
        self.loop_depth = saved_loops;
        self.in_comp_iter_expr = saved_iter_expr;
        self.exit_scope();
        result
    }

    /// Records `flag` for `name` in the current scope.
    /// A `case` pattern: the names it captures are bound; the values and classes it compares
    /// with are loaded.
    fn visit_pattern(&mut self, pattern: &ast::Pattern) -> Result<()> {
        use ast::Pattern;
        match pattern {
            Pattern::MatchValue(p) => self.visit_expr(&p.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(p) => p.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
            Pattern::MatchMapping(p) => {
                for key in &p.keys {
                    self.visit_expr(key)?;
                }
                for p in &p.patterns {
                    self.visit_pattern(p)?;
                }
                match &p.rest {
                    Some(rest) => self.add_def(&rest.id, flags::DEF_LOCAL, rest.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(p) => {
                self.visit_expr(&p.cls)?;
                for p in &p.arguments.patterns {
                    self.visit_pattern(p)?;
                }
                for k in &p.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
                Ok(())
            }
            Pattern::MatchStar(p) => match &p.name {
                Some(name) => self.add_def(&name.id, flags::DEF_LOCAL, name.range),
                None => Ok(()),
            },
            Pattern::MatchAs(p) => {
                if let Some(inner) = &p.pattern {
                    self.visit_pattern(inner)?;
                }
                match &p.name {
                    Some(name) => self.add_def(&name.id, flags::DEF_LOCAL, name.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(p) => p.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
        }
    }

    fn add_def(&mut self, name: &str, flag: u16, range: TextRange) -> Result<()> {
        let id = self.current_id();
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u16, range: TextRange) -> Result<()> {
        let in_comp_target = self.in_comp_iter_target && id == self.current_id();
        let scope = &mut self.scopes[id];
        let mangled = mangle(scope.private.as_deref(), name).into_owned();
        let previous = scope.symbols.get(&mangled).map_or(0, |symbol| symbol.flags);
        if flag & flags::DEF_PARAM != 0 && previous & flags::DEF_PARAM != 0 {
            let message = format!("duplicate argument '{mangled}' in function definition");
            return Err(self.syntax_error(range, &message));
        }
        let mut new_flags = previous | flag;
        if flag & flags::DEF_LOCAL != 0 && in_comp_target {
            new_flags |= flags::DEF_COMP_ITER;
        }
        if flag & flags::DEF_PARAM != 0 {
            scope.params.push(mangled.clone());
        }
        scope.symbols.insert(mangled, Symbol { flags: new_flags, scope: NameScope::Local });
        Ok(())
    }

    fn lookup_flags(&self, name: &str) -> u16 {
        let scope = &self.scopes[self.current_id()];
        scope.flags_of(&mangle(scope.private.as_deref(), name))
    }

    // -- statements ----------------------------------------------------------------------------

    fn visit_body(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|stmt| self.visit_stmt(stmt))
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<()> {
        match stmt {
            Stmt::FunctionDef(def) => self.visit_function_def(def),
            Stmt::ClassDef(class) => self.visit_class_def(class),
            Stmt::Return(ret) => {
                if self.current_kind() != ScopeKind::Function {
                    return Err(self.syntax_error(ret.range, "'return' outside function"));
                }
                self.visit_opt_expr(ret.value.as_deref())
            }
            Stmt::Delete(del) => del.targets.iter().try_for_each(|target| self.visit_expr(target)),
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.check_assign_target(target)?;
                    self.visit_expr(target)?;
                }
                self.visit_expr(&assign.value)
            }
            Stmt::AugAssign(aug) => {
                self.visit_expr(&aug.target)?;
                self.visit_expr(&aug.value)
            }
            Stmt::AnnAssign(ann) => self.visit_ann_assign(ann),
            Stmt::For(for_stmt) => {
                if for_stmt.is_async {
                    return Err(self.unsupported(for_stmt.range, "'async for'"));
                }
                self.check_assign_target(&for_stmt.target)?;
                self.visit_expr(&for_stmt.target)?;
                self.visit_expr(&for_stmt.iter)?;
                self.visit_loop_body(&for_stmt.body)?;
                self.visit_body(&for_stmt.orelse)
            }
            Stmt::While(while_stmt) => {
                self.visit_expr(&while_stmt.test)?;
                self.visit_loop_body(&while_stmt.body)?;
                self.visit_body(&while_stmt.orelse)
            }
            Stmt::If(if_stmt) => {
                self.visit_expr(&if_stmt.test)?;
                self.visit_body(&if_stmt.body)?;
                for clause in &if_stmt.elif_else_clauses {
                    self.visit_opt_expr(clause.test.as_ref())?;
                    self.visit_body(&clause.body)?;
                }
                Ok(())
            }
            Stmt::With(with) if with.is_async => Err(self.unsupported(with.range, "'async with'")),
            Stmt::With(with) => {
                for item in &with.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(target) = &item.optional_vars {
                        self.check_assign_target(target)?;
                        self.visit_expr(target)?;
                    }
                }
                self.visit_body(&with.body)
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt_expr(case.guard.as_deref())?;
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(raise) => {
                self.visit_opt_expr(raise.exc.as_deref())?;
                self.visit_opt_expr(raise.cause.as_deref())
            }
            Stmt::Try(try_stmt) => self.visit_try(try_stmt),
            Stmt::Assert(assert) => {
                self.visit_expr(&assert.test)?;
                self.visit_opt_expr(assert.msg.as_deref())
            }
            Stmt::Import(import) => self.visit_import(import),
            Stmt::ImportFrom(import) => self.visit_import_from(import),
            Stmt::Global(global) => self.visit_global(&global.names, global.range),
            Stmt::Nonlocal(nonlocal) => self.visit_nonlocal(&nonlocal.names, nonlocal.range),
            Stmt::Expr(expr) => self.visit_expr(&expr.value),
            Stmt::Pass(_) => Ok(()),
            Stmt::Break(brk) if self.loop_depth == 0 => Err(self.syntax_error(brk.range, "'break' outside loop")),
            Stmt::Continue(cont) if self.loop_depth == 0 => {
                Err(self.syntax_error(cont.range, "'continue' not properly in loop"))
            }
            Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::TypeAlias(alias) => Err(self.unsupported(alias.range, "'type' statement")),
            Stmt::IpyEscapeCommand(cmd) => Err(self.unsupported(cmd.range, "IPython escapes")),
        }
    }

    fn visit_loop_body(&mut self, body: &[Stmt]) -> Result<()> {
        self.loop_depth += 1;
        let result = self.visit_body(body);
        self.loop_depth -= 1;
        result
    }

    fn visit_opt_expr(&mut self, expr: Option<&Expr>) -> Result<()> {
        expr.map_or(Ok(()), |expr| self.visit_expr(expr))
    }

    fn visit_function_def(&mut self, def: &ast::StmtFunctionDef) -> Result<()> {
        if def.is_async {
            return Err(self.unsupported(def.range, "async functions"));
        }
        if let Some(params) = &def.type_params {
            return Err(self.unsupported(params.range, "type parameters"));
        }
        self.add_def(&def.name.id, flags::DEF_LOCAL, def.name.range)?;
        self.visit_defaults(&def.parameters)?;
        for decorator in &def.decorator_list {
            self.visit_expr(&decorator.expression)?;
        }
        self.in_scope(ScopeKind::Function, &def.name.id, def.range, |this| {
            this.visit_parameters(&def.parameters)?;
            this.visit_body(&def.body)
        })
    }

    fn visit_class_def(&mut self, class: &ast::StmtClassDef) -> Result<()> {
        if let Some(params) = &class.type_params {
            return Err(self.unsupported(params.range, "type parameters"));
        }
        self.add_def(&class.name.id, flags::DEF_LOCAL, class.name.range)?;
        if let Some(arguments) = &class.arguments {
            for keyword in arguments.keywords.iter() {
                if keyword.arg.is_none() {
                    return Err(self.unsupported(keyword.range, "'**' in class keyword arguments"));
                }
                self.visit_expr(&keyword.value)?;
            }
            for base in arguments.args.iter() {
                if let Expr::Starred(starred) = base {
                    return Err(self.unsupported(starred.range, "starred class bases"));
                }
                self.visit_expr(base)?;
            }
        }
        for decorator in &class.decorator_list {
            self.visit_expr(&decorator.expression)?;
        }
        self.in_scope(ScopeKind::Class, &class.name.id, class.range, |this| this.visit_body(&class.body))
    }

    /// Default values are evaluated in the enclosing scope, when the `def`/`lambda` runs.
    fn visit_defaults(&mut self, parameters: &Parameters) -> Result<()> {
        let all = parameters.posonlyargs.iter().chain(&parameters.args).chain(&parameters.kwonlyargs);
        for parameter in all {
            self.visit_opt_expr(parameter.default.as_deref())?;
        }
        Ok(())
    }

    /// Declares the parameters in the (new, current) function scope, in `varnames` order.
    fn visit_parameters(&mut self, parameters: &Parameters) -> Result<()> {
        let positional = parameters.posonlyargs.iter().chain(&parameters.args);
        for parameter in positional.chain(&parameters.kwonlyargs) {
            let name = &parameter.parameter.name;
            self.add_def(&name.id, flags::DEF_PARAM, name.range)?;
        }
        if let Some(vararg) = &parameters.vararg {
            self.add_def(&vararg.name.id, flags::DEF_PARAM, vararg.name.range)?;
        }
        if let Some(kwarg) = &parameters.kwarg {
            self.add_def(&kwarg.name.id, flags::DEF_PARAM, kwarg.name.range)?;
        }
        let scope = self.current();
        scope.posonlyargcount = count(parameters.posonlyargs.len());
        scope.argcount = count(parameters.posonlyargs.len() + parameters.args.len());
        scope.kwonlyargcount = count(parameters.kwonlyargs.len());
        scope.has_varargs = parameters.vararg.is_some();
        scope.has_varkeywords = parameters.kwarg.is_some();
        Ok(())
    }

    /// `x: int = v` binds `x` (annotations themselves are not evaluated by stitch); a bare
    /// `x: int` still makes `x` local, as in CPython.
    fn visit_ann_assign(&mut self, ann: &ast::StmtAnnAssign) -> Result<()> {
        match &*ann.target {
            Expr::Name(name) => {
                let current = self.lookup_flags(&name.id);
                let is_module = self.current_kind() == ScopeKind::Module;
                let declared = current & (flags::DEF_GLOBAL | flags::DEF_NONLOCAL) != 0;
                if declared && ann.simple && !is_module {
                    let kind = if current & flags::DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                    let message = format!("annotated name '{}' can't be {kind}", name.id);
                    return Err(self.syntax_error(ann.range, &message));
                }
                let flag = if ann.simple {
                    flags::DEF_ANNOT | flags::DEF_LOCAL
                } else if ann.value.is_some() {
                    flags::DEF_LOCAL
                } else {
                    0
                };
                if flag != 0 {
                    self.add_def(&name.id, flag, name.range)?;
                }
            }
            target => self.visit_expr(target)?,
        }
        self.visit_opt_expr(ann.value.as_deref())
    }

    fn visit_try(&mut self, try_stmt: &ast::StmtTry) -> Result<()> {
        if try_stmt.is_star {
            return Err(self.unsupported(try_stmt.range, "'except*'"));
        }
        self.visit_body(&try_stmt.body)?;
        let count = try_stmt.handlers.len();
        for (i, handler) in try_stmt.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            if handler.type_.is_none() && i + 1 < count {
                return Err(self.syntax_error(handler.range, "default 'except:' must be last"));
            }
            self.visit_opt_expr(handler.type_.as_deref())?;
            if let Some(name) = &handler.name {
                self.add_def(&name.id, flags::DEF_LOCAL, name.range)?;
            }
            self.visit_body(&handler.body)?;
        }
        self.visit_body(&try_stmt.orelse)?;
        self.visit_body(&try_stmt.finalbody)
    }

    fn visit_import(&mut self, import: &ast::StmtImport) -> Result<()> {
        if import.is_lazy {
            return Err(self.unsupported(import.range, "lazy imports"));
        }
        for alias in &import.names {
            // `import a.b` binds `a`; `import a.b as c` binds `c`.
            let bound = match &alias.asname {
                Some(asname) => asname.id.as_str(),
                None => alias.name.id.split('.').next().unwrap_or_default(),
            };
            self.add_def(bound, flags::DEF_IMPORT | flags::DEF_LOCAL, alias.range)?;
        }
        Ok(())
    }

    fn visit_import_from(&mut self, import: &ast::StmtImportFrom) -> Result<()> {
        if import.is_lazy {
            return Err(self.unsupported(import.range, "lazy imports"));
        }
        if import.level > 0 {
            return Err(self.unsupported(import.range, "relative imports"));
        }
        for alias in &import.names {
            if alias.name.id.as_str() == "*" {
                if self.current_kind() != ScopeKind::Module {
                    return Err(self.syntax_error(alias.range, "import * only allowed at module level"));
                }
                continue;
            }
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.add_def(&bound.id, flags::DEF_IMPORT | flags::DEF_LOCAL, alias.range)?;
        }
        Ok(())
    }

    fn visit_global(&mut self, names: &[ast::Identifier], range: TextRange) -> Result<()> {
        for name in names {
            let current = self.lookup_flags(&name.id);
            let problem = if current & flags::DEF_PARAM != 0 {
                Some("is parameter and global")
            } else if current & flags::USE != 0 {
                Some("is used prior to global declaration")
            } else if current & flags::DEF_ANNOT != 0 {
                let message = format!("annotated name '{}' can't be global", name.id);
                return Err(self.syntax_error(range, &message));
            } else if current & flags::DEF_LOCAL != 0 {
                Some("is assigned to before global declaration")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(self.syntax_error(range, &format!("name '{}' {problem}", name.id)));
            }
            self.add_def(&name.id, flags::DEF_GLOBAL, range)?;
            self.record_directive(&name.id, range);
        }
        Ok(())
    }

    fn visit_nonlocal(&mut self, names: &[ast::Identifier], range: TextRange) -> Result<()> {
        for name in names {
            let current = self.lookup_flags(&name.id);
            let problem = if current & flags::DEF_PARAM != 0 {
                Some("is parameter and nonlocal")
            } else if current & flags::USE != 0 {
                Some("is used prior to nonlocal declaration")
            } else if current & flags::DEF_ANNOT != 0 {
                let message = format!("annotated name '{}' can't be nonlocal", name.id);
                return Err(self.syntax_error(range, &message));
            } else if current & flags::DEF_LOCAL != 0 {
                Some("is assigned to before nonlocal declaration")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(self.syntax_error(range, &format!("name '{}' {problem}", name.id)));
            }
            self.add_def(&name.id, flags::DEF_NONLOCAL, range)?;
            self.record_directive(&name.id, range);
        }
        Ok(())
    }

    /// Remembers the first `global`/`nonlocal` statement naming `name`, for error locations.
    fn record_directive(&mut self, name: &str, range: TextRange) {
        let scope = self.current();
        let mangled = mangle(scope.private.as_deref(), name).into_owned();
        scope.directives.entry(mangled).or_insert(range);
    }

    /// Errors CPython's compiler reports about assignment targets.
    fn check_assign_target(&self, target: &Expr) -> Result<()> {
        match target {
            Expr::Starred(starred) => {
                Err(self.syntax_error(starred.range, "starred assignment target must be in a list or tuple"))
            }
            Expr::Tuple(ast::ExprTuple { elts, range, .. }) | Expr::List(ast::ExprList { elts, range, .. }) => {
                let stars = elts.iter().filter(|elt| elt.is_starred_expr()).count();
                if stars > 1 {
                    return Err(self.syntax_error(*range, "multiple starred expressions in assignment"));
                }
                let star_index = elts.iter().position(|elt| elt.is_starred_expr());
                if star_index.is_some_and(|i| i >= 256) {
                    let message = "too many expressions in star-unpacking assignment";
                    return Err(self.syntax_error(*range, message));
                }
                elts.iter().try_for_each(|elt| match elt {
                    Expr::Starred(starred) => self.check_assign_target(&starred.value),
                    other => self.check_assign_target(other),
                })
            }
            _ => Ok(()),
        }
    }

    // -- expressions ---------------------------------------------------------------------------

    fn visit_exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> Result<()> {
        exprs.into_iter().try_for_each(|expr| self.visit_expr(expr))
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<()> {
        match expr {
            Expr::BoolOp(e) => self.visit_exprs(&e.values),
            Expr::Named(e) => self.visit_named(e),
            Expr::BinOp(_) => {
                // Operator chains can be long: a loop, not recursion (see `nesting.rs`).
                let (leftmost, operations) = operator_chain(expr);
                self.visit_expr(leftmost)?;
                operations.iter().rev().try_for_each(|operation| self.visit_expr(&operation.right))
            }
            Expr::UnaryOp(e) => self.visit_expr(&e.operand),
            Expr::Lambda(e) => self.visit_lambda(e),
            Expr::If(e) => self.visit_exprs([&*e.test, &*e.body, &*e.orelse]),
            Expr::Dict(e) => {
                for item in &e.items {
                    self.visit_opt_expr(item.key.as_ref())?;
                    self.visit_expr(&item.value)?;
                }
                Ok(())
            }
            Expr::Set(e) => self.visit_exprs(&e.elts),
            Expr::ListComp(e) => self.visit_comprehension(expr, ComprehensionKind::List, &e.generators, &[&e.elt]),
            Expr::SetComp(e) => self.visit_comprehension(expr, ComprehensionKind::Set, &e.generators, &[&e.elt]),
            Expr::DictComp(e) => match &e.key {
                Some(key) => self.visit_comprehension(expr, ComprehensionKind::Dict, &e.generators, &[key, &e.value]),
                None => Err(self.unsupported(e.range, "dict comprehension unpacking")),
            },
            Expr::Generator(e) => {
                self.visit_comprehension(expr, ComprehensionKind::Generator, &e.generators, &[&e.elt])
            }
            Expr::Await(e) => Err(self.unsupported(e.range, "'await'")),
            Expr::Yield(e) => {
                self.mark_generator(e.range)?;
                self.visit_opt_expr(e.value.as_deref())
            }
            Expr::YieldFrom(e) => {
                self.mark_generator(e.range)?;
                self.visit_expr(&e.value)
            }
            Expr::Compare(e) => {
                self.visit_expr(&e.left)?;
                self.visit_exprs(e.comparators.iter())
            }
            Expr::Call(e) => self.visit_call(e),
            Expr::FString(e) => self.visit_fstring(e),
            Expr::TString(e) => Err(self.unsupported(e.range, "template strings")),
            Expr::StringLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => Ok(()),
            Expr::EllipsisLiteral(_) => Ok(()),
            Expr::BytesLiteral(_) => Ok(()),
            Expr::NumberLiteral(_) => Ok(()),
            Expr::Attribute(e) => self.visit_expr(&e.value),
            Expr::Subscript(e) => {
                self.visit_expr(&e.value)?;
                self.visit_expr(&e.slice)
            }
            Expr::Starred(e) => self.visit_expr(&e.value),
            Expr::Name(e) => self.visit_name(e),
            Expr::List(e) => self.visit_exprs(&e.elts),
            Expr::Tuple(e) => self.visit_exprs(&e.elts),
            Expr::Slice(e) => {
                self.visit_opt_expr(e.lower.as_deref())?;
                self.visit_opt_expr(e.upper.as_deref())?;
                self.visit_opt_expr(e.step.as_deref())
            }
            Expr::IpyEscapeCommand(e) => Err(self.unsupported(e.range, "IPython escapes")),
        }
    }

    fn visit_name(&mut self, name: &ast::ExprName) -> Result<()> {
        match name.ctx {
            ExprContext::Load => {
                self.add_def(&name.id, flags::USE, name.range)?;
                // `super()` finds the class through the implicit `__class__` closure cell.
                if name.id.as_str() == "super" && self.current_kind().is_function_like() {
                    self.add_def("__class__", flags::USE, name.range)?;
                }
                Ok(())
            }
            ExprContext::Store | ExprContext::Del => self.add_def(&name.id, flags::DEF_LOCAL, name.range),
            ExprContext::Invalid => Err(self.syntax_error(name.range, "invalid syntax")),
        }
    }

    fn visit_call(&mut self, call: &ast::ExprCall) -> Result<()> {
        self.visit_expr(&call.func)?;
        self.visit_exprs(call.arguments.args.iter())?;
        let mut seen = HashSet::new();
        for keyword in &call.arguments.keywords {
            if let Some(arg) = &keyword.arg {
                if !seen.insert(arg.id.as_str()) {
                    let message = format!("keyword argument repeated: {}", arg.id);
                    return Err(self.syntax_error(keyword.range, &message));
                }
            }
            self.visit_expr(&keyword.value)?;
        }
        Ok(())
    }

    fn visit_fstring(&mut self, fstring: &ast::ExprFString) -> Result<()> {
        for part in fstring.value.iter() {
            if let ast::FStringPart::FString(f) = part {
                self.visit_interpolations(&f.elements)?;
            }
        }
        Ok(())
    }

    fn visit_interpolations(&mut self, elements: &ast::InterpolatedStringElements) -> Result<()> {
        for element in elements.iter() {
            if let InterpolatedStringElement::Interpolation(interpolation) = element {
                self.visit_expr(&interpolation.expression)?;
                if let Some(spec) = &interpolation.format_spec {
                    self.visit_interpolations(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    /// A `yield` makes the enclosing function a generator; it is an error anywhere else.
    fn mark_generator(&mut self, range: TextRange) -> Result<()> {
        match self.current_kind() {
            ScopeKind::Function | ScopeKind::Lambda => {
                self.current().is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension(kind) => {
                let message = format!("'yield' inside {}", kind.description());
                Err(self.syntax_error(range, &message))
            }
            ScopeKind::Module | ScopeKind::Class => Err(self.syntax_error(range, "'yield' outside function")),
        }
    }

    fn visit_lambda(&mut self, lambda: &ast::ExprLambda) -> Result<()> {
        if let Some(parameters) = &lambda.parameters {
            self.visit_defaults(parameters)?;
        }
        self.in_scope(ScopeKind::Lambda, "<lambda>", lambda.range, |this| {
            if let Some(parameters) = &lambda.parameters {
                this.visit_parameters(parameters)?;
            }
            this.visit_expr(&lambda.body)
        })
    }

    /// A comprehension is a function of one parameter, `.0`: the iterator of the outermost
    /// iterable, which is evaluated in the enclosing scope.
    fn visit_comprehension(
        &mut self,
        node: &Expr,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> Result<()> {
        let Some((outermost, rest)) = generators.split_first() else {
            return Err(self.syntax_error(node.range(), "invalid syntax"));
        };
        if let Some(async_gen) = generators.iter().find(|generator| generator.is_async) {
            return Err(self.unsupported(async_gen.range, "asynchronous comprehensions"));
        }
        self.in_comp_iter_expr += 1;
        let outer_iter = self.visit_expr(&outermost.iter);
        self.in_comp_iter_expr -= 1;
        outer_iter?;
        let name = kind.code_name();
        self.in_scope(ScopeKind::Comprehension(kind), name, node.range(), |this| {
            this.add_def(".0", flags::DEF_PARAM, outermost.range)?;
            this.current().argcount = 1;
            this.current().is_generator = kind == ComprehensionKind::Generator;
            this.visit_comp_target(&outermost.target)?;
            this.visit_exprs(&outermost.ifs)?;
            for generator in rest {
                this.visit_comp_target(&generator.target)?;
                this.in_comp_iter_expr += 1;
                let iter = this.visit_expr(&generator.iter);
                this.in_comp_iter_expr -= 1;
                iter?;
                this.visit_exprs(&generator.ifs)?;
            }
            elements.iter().try_for_each(|element| this.visit_expr(element))
        })
    }

    fn visit_comp_target(&mut self, target: &Expr) -> Result<()> {
        self.check_assign_target(target)?;
        self.in_comp_iter_target = true;
        let result = self.visit_expr(target);
        self.in_comp_iter_target = false;
        result
    }

    fn visit_named(&mut self, named: &ast::ExprNamed) -> Result<()> {
        if self.in_comp_iter_expr > 0 {
            let message = "assignment expression cannot be used in a comprehension iterable expression";
            return Err(self.syntax_error(named.range, message));
        }
        if let (ScopeKind::Comprehension(_), Expr::Name(target)) = (self.current_kind(), &*named.target) {
            self.extend_named_expr_scope(target)?;
        }
        self.visit_expr(&named.value)?;
        self.visit_expr(&named.target)
    }

    /// PEP 572: `(y := ...)` inside a comprehension binds `y` in the nearest enclosing function
    /// (or module), not in the comprehension.
    fn extend_named_expr_scope(&mut self, target: &ast::ExprName) -> Result<()> {
        let name = target.id.as_str();
        for &id in self.stack.iter().rev() {
            let scope = &self.scopes[id];
            let mangled = mangle(scope.private.as_deref(), name).into_owned();
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if scope.flags_of(&mangled) & flags::DEF_COMP_ITER != 0 {
                        let message =
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'");
                        return Err(self.syntax_error(target.range, &message));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let declared_global = scope.flags_of(&mangled) & flags::DEF_GLOBAL != 0;
                    let flag = if declared_global { flags::DEF_GLOBAL } else { flags::DEF_NONLOCAL };
                    self.add_def(name, flag, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(id, name, flags::DEF_LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, flags::DEF_GLOBAL, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(id, name, flags::DEF_GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    let message = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.syntax_error(target.range, message));
                }
            }
        }
        Ok(())
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------------------------
// Phase 2: analysis
// ---------------------------------------------------------------------------------------------

/// Resolves every name of every scope (CPython's `analyze_block`), then computes each scope's
/// sorted cell and free variable lists.
fn analyze(table: &mut SymbolTable, lines: &LineIndex<'_>) -> Result<()> {
    let mut free = HashSet::new();
    analyze_block(table, 0, None, HashSet::new(), &mut free, lines)?;
    for scope in &mut table.scopes {
        collect_cells_and_frees(scope);
    }
    Ok(())
}

/// Analyzes scope `id` given the names bound by enclosing functions (`bound`, None at module
/// level) and the names declared global in enclosing scopes (`global`); both are this block's
/// own copies. Adds the scope's free variables (including those passed through from its
/// children) to `free`.
fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<HashSet<String>>,
    mut global: HashSet<String>,
    free: &mut HashSet<String>,
    lines: &LineIndex<'_>,
) -> Result<()> {
    let kind = table.scopes[id].kind;
    // A class body's own names are invisible to its children (methods do not see them), so
    // what the children see is fixed before the class's names are analyzed.
    let mut class_view = None;
    if kind == ScopeKind::Class {
        let mut child_bound = bound.clone().unwrap_or_default();
        child_bound.insert("__class__".to_string());
        class_view = Some((child_bound, global.clone()));
    }

    let mut local = HashSet::new();
    let mut scopes: HashMap<String, NameScope> = HashMap::new();
    for name in table.scopes[id].sorted_names() {
        let scope = &table.scopes[id];
        let flags = scope.flags_of(&name);
        let mut sets = NameSets { bound: bound.as_mut(), local: &mut local, global: &mut global, free };
        let resolved = analyze_name(scope, &name, flags, &mut sets, lines)?;
        scopes.insert(name, resolved);
    }

    let (child_bound, child_global) = match class_view {
        Some(view) => view,
        None => {
            let mut child_bound = bound.clone().unwrap_or_default();
            if kind.is_function_like() {
                child_bound.extend(local.iter().cloned());
            }
            (child_bound, global.clone())
        }
    };
    let mut children_free = HashSet::new();
    for child in table.scopes[id].children.clone() {
        let (child_bound, child_global) = (child_bound.clone(), child_global.clone());
        analyze_block(table, child, Some(child_bound), child_global, &mut children_free, lines)?;
    }

    if kind.is_function_like() {
        // Locals used free by a child become cells.
        for (name, scope) in scopes.iter_mut() {
            if *scope == NameScope::Local && children_free.remove(name) {
                *scope = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class && children_free.remove("__class__") {
        table.scopes[id].needs_class_closure = true;
    }
    update_symbols(&mut table.scopes[id], &scopes, bound.as_ref(), &children_free);
    free.extend(children_free);
    Ok(())
}

/// The sets [`analyze_name`] reads and updates.
struct NameSets<'s> {
    /// Names bound in enclosing functions (None at module level).
    bound: Option<&'s mut HashSet<String>>,
    /// Names bound in this scope.
    local: &'s mut HashSet<String>,
    /// Names known to be global.
    global: &'s mut HashSet<String>,
    /// Free variables found so far.
    free: &'s mut HashSet<String>,
}

/// CPython's `analyze_name`: the scope of one name from its flags and the enclosing bindings.
fn analyze_name(
    scope: &Scope,
    name: &str,
    flags: u16,
    sets: &mut NameSets<'_>,
    lines: &LineIndex<'_>,
) -> Result<NameScope> {
    let directive_error = |message: String| {
        let range = scope.directives.get(name).copied().unwrap_or_default();
        lines.syntax_error(range, &message)
    };
    if flags & flags::DEF_GLOBAL != 0 {
        if flags & flags::DEF_NONLOCAL != 0 {
            return Err(directive_error(format!("name '{name}' is nonlocal and global")));
        }
        sets.global.insert(name.to_string());
        if let Some(bound) = sets.bound.as_mut() {
            bound.remove(name);
        }
        return Ok(NameScope::GlobalExplicit);
    }
    if flags & flags::DEF_NONLOCAL != 0 {
        let Some(bound) = sets.bound.as_ref() else {
            return Err(directive_error("nonlocal declaration not allowed at module level".into()));
        };
        if !bound.contains(name) {
            return Err(directive_error(format!("no binding for nonlocal '{name}' found")));
        }
        sets.free.insert(name.to_string());
        sets.global.remove(name);
        return Ok(NameScope::Free);
    }
    if flags & flags::DEF_BOUND != 0 {
        sets.local.insert(name.to_string());
        sets.global.remove(name);
        return Ok(NameScope::Local);
    }
    if sets.bound.as_ref().is_some_and(|bound| bound.contains(name)) {
        sets.free.insert(name.to_string());
        return Ok(NameScope::Free);
    }
    Ok(NameScope::GlobalImplicit)
}

/// Records the resolved scopes, and adds the free variables of children that this scope does
/// not resolve itself (it passes them through: they become its free variables too).
fn update_symbols(
    scope: &mut Scope,
    scopes: &HashMap<String, NameScope>,
    bound: Option<&HashSet<String>>,
    children_free: &HashSet<String>,
) {
    for (name, resolved) in scopes {
        if let Some(symbol) = scope.symbols.get_mut(name) {
            symbol.scope = *resolved;
        }
    }
    let is_class = scope.kind == ScopeKind::Class;
    for name in children_free {
        if let Some(symbol) = scope.symbols.get_mut(name) {
            // A method's free variable that the class body also binds: the class passes the
            // outer variable through while using its own binding by name.
            if is_class {
                symbol.flags |= flags::DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|bound| !bound.contains(name)) {
            continue;
        }
        scope.symbols.insert(name.clone(), Symbol { flags: 0, scope: NameScope::Free });
    }
}

fn collect_cells_and_frees(scope: &mut Scope) {
    let mut cells = Vec::new();
    let mut frees = Vec::new();
    for (name, symbol) in &scope.symbols {
        match symbol.scope {
            NameScope::Cell => cells.push(name.clone()),
            NameScope::Free => frees.push(name.clone()),
            _ if symbol.flags & flags::DEF_FREE_CLASS != 0 => frees.push(name.clone()),
            _ => {}
        }
    }
    cells.sort();
    frees.sort();
    if scope.needs_class_closure {
        cells.push("__class__".to_string());
    }
    scope.cellvars = cells;
    scope.freevars = frees;
}
