//! Symbol-table classification: which scope each name resolves to.

use super::{compile_ok, find_code};
use crate::frontend::error::LineIndex;
use crate::frontend::symtable::{mangle, NameScope, Scope, ScopeKind, SymbolTable};

fn table(source: &str) -> SymbolTable {
    let parsed = ruff_python_parser::parse_module(source).expect("test source parses");
    let lines = LineIndex::new(source);
    SymbolTable::build(&parsed.syntax().body, &lines).expect("test source analyzes")
}

fn scope<'t>(table: &'t SymbolTable, name: &str) -> &'t Scope {
    table.scopes.iter().find(|scope| scope.name == name).unwrap_or_else(|| panic!("no scope {name}"))
}

#[track_caller]
fn assert_scopes(scope: &Scope, expected: &[(&str, NameScope)]) {
    for &(name, resolved) in expected {
        assert_eq!(scope.lookup(name), Some(resolved), "{name} in {}", scope.name);
    }
}

#[test]
fn module_and_function_names() {
    let table = table("import m\nx = 1\nprint(x)\ndef f(a, *args, **kw):\n    b = a\n    global g\n    g = len(b)\n");
    assert_scopes(
        scope(&table, "<module>"),
        &[
            ("m", NameScope::Local),
            ("x", NameScope::Local),
            ("f", NameScope::Local),
            ("print", NameScope::GlobalImplicit),
        ],
    );
    let f = scope(&table, "f");
    assert_scopes(
        f,
        &[
            ("a", NameScope::Local),
            ("args", NameScope::Local),
            ("kw", NameScope::Local),
            ("b", NameScope::Local),
            ("g", NameScope::GlobalExplicit),
            ("len", NameScope::GlobalImplicit),
        ],
    );
    assert_eq!(f.params, ["a", "args", "kw"]);
    assert!(f.has_varargs && f.has_varkeywords && !f.is_nested && !f.is_generator);
}

#[test]
fn closures_make_cells_and_free_variables() {
    let source = "def outer(p):\n    x = 1\n    def middle():\n        def inner():\n            nonlocal x\n            x = p\n        return inner\n    return middle\n";
    let table = table(source);
    let outer = scope(&table, "outer");
    assert_scopes(outer, &[("p", NameScope::Cell), ("x", NameScope::Cell), ("middle", NameScope::Local)]);
    assert_eq!(outer.cellvars, ["p", "x"]);
    // `middle` uses neither name itself but passes both through to `inner`.
    let middle = scope(&table, "middle");
    assert_scopes(middle, &[("p", NameScope::Free), ("x", NameScope::Free)]);
    assert_eq!(middle.freevars, ["p", "x"]);
    assert!(middle.is_nested);
    assert_scopes(scope(&table, "inner"), &[("p", NameScope::Free), ("x", NameScope::Free)]);

    let code = compile_ok(source);
    assert_eq!(find_code(&code, "outer").cell2arg, [Some(0), None]);
}

#[test]
fn methods_do_not_see_class_names() {
    let table = table("y = 0\nclass C:\n    y = 1\n    z = y\n    def m(self):\n        return y\n");
    assert_scopes(scope(&table, "C"), &[("y", NameScope::Local), ("z", NameScope::Local)]);
    assert_scopes(scope(&table, "m"), &[("y", NameScope::GlobalImplicit), ("self", NameScope::Local)]);
    assert_eq!(scope(&table, "m").freevars, Vec::<String>::new());
}

#[test]
fn free_variables_pass_through_class_bodies() {
    let source = "def f():\n    x = 1\n    w = 2\n    class C:\n        w = 3\n        def m(self):\n            return x + w\n    return C\n";
    let table = table(source);
    assert_scopes(scope(&table, "f"), &[("x", NameScope::Cell), ("w", NameScope::Cell)]);
    let class = scope(&table, "C");
    // `w` is bound in the class too: the class uses its own by name and passes the outer one
    // through to the method.
    assert_scopes(class, &[("x", NameScope::Free), ("w", NameScope::Local)]);
    assert_eq!(class.freevars, ["w", "x"]);
    assert_scopes(scope(&table, "m"), &[("x", NameScope::Free), ("w", NameScope::Free)]);
    compile_ok(source);
}

#[test]
fn super_creates_the_class_cell() {
    let source = "class C(B):\n    def m(self):\n        def helper():\n            return super()\n        return helper\n    def n(self):\n        return __class__\n";
    let table = table(source);
    let class = scope(&table, "C");
    assert!(class.needs_class_closure);
    assert_eq!(class.cellvars, ["__class__"]);
    assert_eq!(scope(&table, "m").freevars, ["__class__"]);
    assert_eq!(scope(&table, "helper").freevars, ["__class__"]);
    assert_eq!(scope(&table, "n").freevars, ["__class__"]);
    let plain = super::scopes::table("class D:\n    def m(self):\n        return 1\n");
    assert!(!scope(&plain, "D").needs_class_closure);
}

#[test]
fn comprehensions_are_scopes() {
    let source = "def f(xs, k):\n    ys = [x + k for x in xs if (last := x)]\n    return last\n";
    let table = table(source);
    let comp = scope(&table, "<listcomp>");
    assert_eq!(comp.kind, ScopeKind::Comprehension(crate::frontend::symtable::ComprehensionKind::List));
    assert_eq!(comp.params, [".0"]);
    assert_scopes(comp, &[("x", NameScope::Local), ("k", NameScope::Free), ("last", NameScope::Free)]);
    // The walrus target belongs to the enclosing function.
    assert_scopes(scope(&table, "f"), &[("k", NameScope::Cell), ("last", NameScope::Cell), ("xs", NameScope::Local)]);
    let generator = table_generator();
    assert!(scope(&generator, "<genexpr>").is_generator);
    assert!(scope(&generator, "g").is_generator);
    assert!(!scope(&generator, "<module>").is_generator);
}

fn table_generator() -> SymbolTable {
    table("def g():\n    yield 1\nsquares = (x * x for x in range(3))\n")
}

#[test]
fn lambdas_and_nested_flags() {
    let table = table("f = lambda a, b=1: a + b + c\ndef outer():\n    return lambda: 0\n");
    let lambdas: Vec<&Scope> = table.scopes.iter().filter(|scope| scope.kind == ScopeKind::Lambda).collect();
    assert_eq!(lambdas.len(), 2);
    assert_scopes(lambdas[0], &[("a", NameScope::Local), ("c", NameScope::GlobalImplicit)]);
    assert!(!lambdas[0].is_nested);
    assert!(lambdas[1].is_nested);
}

#[test]
fn private_names_are_mangled_in_classes() {
    assert_eq!(mangle(Some("C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("C"), "__init__"), "__init__");
    assert_eq!(mangle(Some("___"), "__x"), "__x");
    assert_eq!(mangle(None, "__x"), "__x");
    let code = compile_ok("class C:\n    __count = 0\n    def m(self, __p):\n        return self.__count + __p\n");
    let class = find_code(&code, "C");
    assert!(class.names.iter().any(|name| name == "_C__count"));
    let method = find_code(&code, "m");
    assert_eq!(method.varnames, ["self", "_C__p"]);
    assert!(method.names.iter().any(|name| name == "_C__count"));
}
