//! Code generation for the constructs that create code objects: `def`, `lambda`, `class` and
//! comprehensions.
//!
//! Each compiles its body into a nested unit, then emits, in the enclosing unit, the code that
//! turns the finished [`Code`] into a function object: default values, the keyword-only
//! defaults dict and the closure tuple (one `LOAD_CLOSURE` per free variable of the inner code,
//! taken from the enclosing unit's cell or free slot of the same name), then
//! `LOAD_CONST <code>; MAKE_FUNCTION flags`.
//!
//! * A `def` then applies its decorators (each pushed with a NULL before the `def`, applied
//!   innermost first with `CALL 1`) and stores the name.
//! * A `class` calls `__build_class__(body_function, 'Name', *bases)`; the body code stores
//!   `__module__` and `__qualname__`, and when methods use `super()` it creates the `__class__`
//!   cell and returns it so the new class can fill it.
//! * A comprehension is a function of the outermost iterator (`.0`), called immediately; its
//!   body loops with `FOR_ITER` and appends to the list/set/dict it returns, or yields (a
//!   generator expression).

use std::rc::Rc;

use ruff_python_ast::{self as ast, Comprehension, Decorator, Expr, Parameters};
use ruff_text_size::{Ranged, TextRange};

use super::compiler::{count_u32, Compiler, NameCtx, Result};
use super::constants::constant_value;
use super::symtable::{ComprehensionKind, ScopeId, ScopeKind};
use crate::bytecode::{Code, Const, Opcode};

/// `MAKE_FUNCTION` flags.
const MAKE_DEFAULTS: u32 = 0x01;
const MAKE_KWDEFAULTS: u32 = 0x02;
const MAKE_ANNOTATIONS: u32 = 0x04;
const MAKE_CLOSURE: u32 = 0x08;

impl<'a> Compiler<'a> {
    pub(super) fn compile_function_def(&mut self, def: &'a ast::StmtFunctionDef) -> Result<()> {
        if def.is_async {
            return Err(self.unsupported(def.range, "async functions"));
        }
        self.push_decorators(&def.decorator_list)?;
        self.move_to(def.name.range);
        let flags = self.compile_defaults(&def.parameters)? | self.compile_annotations(def)?;
        let scope = self.scope_of(def.range, ScopeKind::Function)?;
        let firstlineno = self.lines.line(def.range.start());
        self.enter_unit(scope, def.name.id.to_string(), firstlineno);
        self.unit.doc = docstring(&def.body);
        self.compile_body(&def.body)?;
        let code = self.finish_function_unit()?;
        self.make_closure(code, flags)?;
        self.apply_decorators(&def.decorator_list);
        self.move_to(def.name.range);
        self.name_op(&def.name.id, NameCtx::Store)
    }

    pub(super) fn compile_lambda(&mut self, lambda: &'a ast::ExprLambda) -> Result<()> {
        let flags = match &lambda.parameters {
            Some(parameters) => self.compile_defaults(parameters)?,
            None => 0,
        };
        let scope = self.scope_of(lambda.range, ScopeKind::Lambda)?;
        let firstlineno = self.lines.line(lambda.range.start());
        self.enter_unit(scope, "<lambda>".to_string(), firstlineno);
        self.compile_expr(&lambda.body)?;
        // A lambda containing `yield` is a generator: its body's value is discarded.
        let is_generator = self.table.scope(scope).is_some_and(|s| s.is_generator);
        self.emit(if is_generator { Opcode::POP_TOP } else { Opcode::RETURN_VALUE }, 0);
        let code = self.finish_function_unit()?;
        self.make_closure(code, flags)
    }

    /// `LOAD_BUILD_CLASS; PUSH_NULL; <body function>; LOAD_CONST 'Name'; <bases>;
    /// CALL 2 + len(bases)`, then decorators and the store.
    /// A module's or class's docstring becomes its `__doc__`, as in CPython.
    pub(super) fn store_docstring(&mut self, body: &'a [ast::Stmt]) {
        if let Some(doc) = docstring(body) {
            self.load_const(Const::Str(doc));
            let name = self.plain_name_index("__doc__");
            self.emit(Opcode::STORE_NAME, name);
        }
    }

    /// Whether `name`, read in the unit being compiled, is the built-in of that name: bound
    /// neither here, nor in an enclosing function, nor at module level.
    fn is_builtin_name(&self, name: &str) -> bool {
        use super::symtable::NameScope;
        let here = self.table.scope(self.unit.scope_id).and_then(|s| s.lookup(name));
        if matches!(here, Some(NameScope::Local | NameScope::Cell | NameScope::Free)) {
            return false;
        }
        let module = self.table.scope(0);
        module.is_none_or(|m| m.flags_of(name) & super::symtable::flags::DEF_BOUND == 0)
    }

    pub(super) fn compile_class_def(&mut self, class: &'a ast::StmtClassDef) -> Result<()> {
        // A finalizer runs when CPython's reference count drops to zero; stitch's tracing
        // collector has no such moment, so `__del__` would be silently ignored.
        for stmt in &class.body {
            if let ast::Stmt::FunctionDef(def) = stmt {
                if def.name.id.as_str() == "__del__" {
                    return Err(self.unsupported(def.name.range, "'__del__' finalizers"));
                }
            }
        }
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &class.arguments {
            Some(arguments) => {
                if let Some(keyword) = arguments.keywords.iter().find(|k| k.arg.is_none()) {
                    return Err(self.unsupported(keyword.range, "'**' in class keyword arguments"));
                }
                (&arguments.args, &arguments.keywords)
            }
            None => (&[], &[]),
        };
        self.push_decorators(&class.decorator_list)?;
        self.move_to(class.name.range);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.emit(Opcode::PUSH_NULL, 0);
        let scope = self.scope_of(class.range, ScopeKind::Class)?;
        let firstlineno = self.lines.line(class.range.start());
        self.enter_unit(scope, class.name.id.to_string(), firstlineno);
        self.compile_class_body(scope, &class.body)?;
        let code = self.exit_unit()?;
        self.make_closure(code, 0)?;
        self.load_const(Const::Str(class.name.id.to_string()));
        for base in bases {
            if let Expr::Starred(starred) = base {
                return Err(self.unsupported(starred.range, "starred class bases"));
            }
            if let Expr::Name(name) = base {
                if UNSUBCLASSABLE.contains(&name.id.as_str()) && self.is_builtin_name(&name.id) {
                    let what = format!("subclasses of the built-in type '{}'", name.id);
                    return Err(self.unsupported(name.range, &what));
                }
            }
            self.compile_expr(base)?;
        }
        // Class keywords (`metaclass=M`, arguments of `__init_subclass__`) are keyword arguments
        // of `__build_class__`, as in CPython.
        for keyword in keywords {
            self.compile_expr(&keyword.value)?;
        }
        self.emit_kw_names(keywords);
        self.emit(Opcode::CALL, 2 + count_u32(bases.len() + keywords.len()));
        self.apply_decorators(&class.decorator_list);
        self.move_to(class.name.range);
        self.name_op(&class.name.id, NameCtx::Store)
    }

    /// The class body: `__module__ = __name__; __qualname__ = '<qualname>'`, the statements,
    /// and the return of the `__class__` cell (or None).
    fn compile_class_body(&mut self, scope: ScopeId, body: &'a [ast::Stmt]) -> Result<()> {
        let name = self.plain_name_index("__name__");
        self.emit(Opcode::LOAD_NAME, name);
        let module = self.plain_name_index("__module__");
        self.emit(Opcode::STORE_NAME, module);
        self.load_const(Const::Str(self.unit.qualname.clone()));
        let qualname = self.plain_name_index("__qualname__");
        self.emit(Opcode::STORE_NAME, qualname);
        self.store_docstring(body);
        self.setup_annotations(body);
        self.compile_body(body)?;
        if !self.falls_through() {
            return Ok(());
        }
        let needs_class_cell = self.table.scope(scope).is_some_and(|s| s.needs_class_closure);
        if needs_class_cell {
            let cell = self.closure_index("__class__")?;
            self.emit_artificial(Opcode::LOAD_CLOSURE, cell);
            self.emit_artificial(Opcode::COPY, 1);
            let classcell = self.plain_name_index("__classcell__");
            self.emit_artificial(Opcode::STORE_NAME, classcell);
            self.emit_artificial(Opcode::RETURN_VALUE, 0);
        } else {
            let none = self.const_index(Const::None);
            self.emit_artificial(Opcode::RETURN_CONST, none);
        }
        Ok(())
    }

    /// A comprehension: build the function, then call it on `iter(<outermost iterable>)`.
    pub(super) fn compile_comprehension(
        &mut self,
        node: &'a Expr,
        kind: ComprehensionKind,
        generators: &'a [Comprehension],
        element: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else {
            return Err(self.internal_error("comprehension without generators"));
        };
        if let Some(generator) = generators.iter().find(|generator| generator.is_async) {
            return Err(self.unsupported(generator.range, "asynchronous comprehensions"));
        }
        let scope = self.scope_of(node.range(), ScopeKind::Comprehension(kind))?;
        let firstlineno = self.lines.line(node.range().start());
        self.enter_unit(scope, kind.code_name().to_string(), firstlineno);
        let build = match kind {
            ComprehensionKind::List => Some(Opcode::BUILD_LIST),
            ComprehensionKind::Set => Some(Opcode::BUILD_SET),
            ComprehensionKind::Dict => Some(Opcode::BUILD_MAP),
            ComprehensionKind::Generator => None,
        };
        if let Some(build) = build {
            self.emit(build, 0);
        }
        let body = ComprehensionBody { kind, generators, element, value };
        self.compile_comprehension_loops(&body)?;
        if build.is_some() {
            self.emit_artificial(Opcode::RETURN_VALUE, 0);
        }
        let code = self.finish_function_unit()?;
        self.make_closure(code, 0)?;
        self.emit(Opcode::PUSH_NULL, 0);
        self.compile_iterable(&outermost.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.emit(Opcode::CALL, 1);
        Ok(())
    }

    /// The nested loops, one per generator (a loop, not recursion: there may be many):
    /// `L: FOR_ITER end; <target>; [<if> POP_JUMP_IF_FALSE skip]; ... <element> ...;
    /// skip: JUMP_BACKWARD L; end:`, the first iterating over the `.0` argument.
    fn compile_comprehension_loops(&mut self, body: &ComprehensionBody<'a>) -> Result<()> {
        let mut loops = Vec::with_capacity(body.generators.len());
        for (index, generator) in body.generators.iter().enumerate() {
            let (start, skip, end) = (self.new_label(), self.new_label(), self.new_label());
            if index == 0 {
                self.name_op(".0", NameCtx::Load)?;
            } else {
                self.compile_iterable(&generator.iter)?;
                self.emit(Opcode::GET_ITER, 0);
            }
            self.bind(start);
            self.emit_jump(Opcode::FOR_ITER, end);
            self.compile_store(&generator.target)?;
            for condition in &generator.ifs {
                self.jump_if(condition, skip, false)?;
            }
            loops.push((start, skip, end));
        }
        self.compile_comprehension_element(body, loops.len())?;
        for (start, skip, end) in loops.into_iter().rev() {
            self.bind(skip);
            self.jump_to(start);
            self.bind(end);
        }
        Ok(())
    }

    /// The innermost step: yield the element, or add it to the result below the `depth`
    /// iterators.
    fn compile_comprehension_element(&mut self, body: &ComprehensionBody<'a>, depth: usize) -> Result<()> {
        let below_iterators = count_u32(depth) + 1;
        self.compile_expr(body.element)?;
        match body.kind {
            ComprehensionKind::Generator => {
                self.emit(Opcode::YIELD_VALUE, 0);
                self.emit(Opcode::POP_TOP, 0);
            }
            ComprehensionKind::List => self.emit(Opcode::LIST_APPEND, below_iterators),
            ComprehensionKind::Set => self.emit(Opcode::SET_ADD, below_iterators),
            ComprehensionKind::Dict => {
                let Some(value) = body.value else {
                    return Err(self.internal_error("dict comprehension without value"));
                };
                self.compile_expr(value)?;
                self.emit(Opcode::MAP_ADD, below_iterators);
            }
        }
        Ok(())
    }

    // -- shared pieces -------------------------------------------------------------------------

    fn scope_of(&self, range: TextRange, kind: ScopeKind) -> Result<ScopeId> {
        self.table.scope_for(range, kind).ok_or_else(|| self.internal_error("no scope for definition"))
    }

    /// Ends a function-like unit, adding the implicit `return None`.
    fn finish_function_unit(&mut self) -> Result<Rc<Code>> {
        if self.falls_through() {
            let none = self.const_index(Const::None);
            self.emit_artificial(Opcode::RETURN_CONST, none);
        }
        self.exit_unit()
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns the `MAKE_FUNCTION`
    /// flags for them.
    fn compile_defaults(&mut self, parameters: &'a Parameters) -> Result<u32> {
        let mut flags = 0;
        let positional: Vec<&'a Expr> = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .filter_map(|parameter| parameter.default.as_deref())
            .collect();
        if !positional.is_empty() {
            match positional.iter().map(|default| constant_value(default)).collect::<Option<Vec<_>>>() {
                Some(values) => self.load_const(Const::Tuple(values)),
                None => {
                    for default in &positional {
                        self.compile_expr(default)?;
                    }
                    self.emit(Opcode::BUILD_TUPLE, count_u32(positional.len()));
                }
            }
            flags |= MAKE_DEFAULTS;
        }
        let mut keyword_count = 0;
        for parameter in &parameters.kwonlyargs {
            if let Some(default) = &parameter.default {
                let name = super::symtable::mangle(self.unit.private.as_deref(), &parameter.parameter.name.id);
                self.load_const(Const::Str(name.into_owned()));
                self.compile_expr(default)?;
                keyword_count += 1;
            }
        }
        if keyword_count > 0 {
            self.emit(Opcode::BUILD_MAP, keyword_count);
            flags |= MAKE_KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the tuple of (name, annotation) pairs of a `def` (parameters in order, then
    /// `'return'`), evaluated at definition time as in CPython 3.11, or their source text under
    /// `from __future__ import annotations`; returns the `MAKE_FUNCTION` flag for it.
    fn compile_annotations(&mut self, def: &'a ast::StmtFunctionDef) -> Result<u32> {
        let p = &*def.parameters;
        let plain = p.posonlyargs.iter().chain(&p.args).map(|a| &a.parameter);
        let parameters =
            plain.chain(p.vararg.as_deref()).chain(p.kwonlyargs.iter().map(|a| &a.parameter)).chain(p.kwarg.as_deref());
        let mut annotated: Vec<(String, &'a Expr)> = Vec::new();
        for parameter in parameters {
            if let Some(annotation) = parameter.annotation.as_deref() {
                let name = super::symtable::mangle(self.unit.private.as_deref(), &parameter.name.id);
                annotated.push((name.into_owned(), annotation));
            }
        }
        if let Some(returns) = def.returns.as_deref() {
            annotated.push(("return".to_string(), returns));
        }
        if annotated.is_empty() {
            return Ok(0);
        }
        if self.future_annotations {
            let mut items = Vec::new();
            for (name, annotation) in &annotated {
                items.push(Const::Str(name.clone()));
                items.push(Const::Str(self.lines.text(annotation.range()).to_string()));
            }
            self.load_const(Const::Tuple(items));
        } else {
            for (name, annotation) in &annotated {
                self.load_const(Const::Str(name.clone()));
                self.compile_expr(annotation)?;
            }
            self.emit(Opcode::BUILD_TUPLE, count_u32(2 * annotated.len()));
        }
        Ok(MAKE_ANNOTATIONS)
    }

    /// Builds the closure tuple (when `code` has free variables) and the function object.
    fn make_closure(&mut self, code: Rc<Code>, mut flags: u32) -> Result<()> {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let slot = self.closure_index(name)?;
                self.emit(Opcode::LOAD_CLOSURE, slot);
            }
            self.emit(Opcode::BUILD_TUPLE, count_u32(code.freevars.len()));
            flags |= MAKE_CLOSURE;
        }
        self.load_const(Const::Code(code));
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// Evaluates each decorator, with the NULL of its eventual `CALL 1`.
    fn push_decorators(&mut self, decorators: &'a [Decorator]) -> Result<()> {
        for decorator in decorators {
            self.compile_expr(&decorator.expression)?;
            self.emit(Opcode::PUSH_NULL, 0);
        }
        Ok(())
    }

    /// Calls the decorators on the new function or class, innermost first.
    fn apply_decorators(&mut self, decorators: &'a [Decorator]) {
        for decorator in decorators.iter().rev() {
            self.move_to(decorator.range);
            self.emit(Opcode::CALL, 1);
        }
    }
}

/// What the innermost step of a comprehension produces.
struct ComprehensionBody<'a> {
    kind: ComprehensionKind,
    generators: &'a [Comprehension],
    /// The element (the key for a dict comprehension).
    element: &'a Expr,
    /// The value of a dict comprehension.
    value: Option<&'a Expr>,
}

/// Built-in types stitch cannot subclass yet (a class statement naming one is reported at
/// compile time; `list`, `dict`, `tuple` and the exceptions can be subclassed).
const UNSUBCLASSABLE: &[&str] =
    &["str", "int", "float", "set", "frozenset", "bytes", "bytearray", "complex", "range", "memoryview"];

/// The docstring of a body: its first statement, when that is a string literal (CPython
/// cleans its indentation only from 3.13 on; 3.11 keeps it as written).
pub(super) fn docstring(body: &[ast::Stmt]) -> Option<String> {
    match body.first()? {
        ast::Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
            _ => None,
        },
        _ => None,
    }
}
