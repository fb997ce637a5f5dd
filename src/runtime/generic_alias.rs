//! `list[int]`, `dict[str, list[int]]`: the generic aliases subscripting a built-in container
//! class makes (CPython's `types.GenericAlias`), so that annotations evaluated at run time
//! (module and class bodies) work as in CPython 3.9+. An alias remembers `__origin__` and
//! `__args__`, prints as it was written, compares by both, and calling it calls the origin.

use crate::interpreter::{PyResult, Vm};

use super::interner::Sym;
use super::object::{NativeFn, ObjKind};
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] =
        &[("__repr__", repr), ("__eq__", eq), ("__hash__", hash), ("__call__", call)];
    let class = vm.types.generic_alias;
    types::add_methods(vm, class, methods);
}

/// The built-in classes that subscript to a generic alias.
pub fn subscriptable(vm: &Vm, class: ObjRef) -> bool {
    let t = &vm.types;
    [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type_, t.dict_keys, t.dict_values, t.dict_items].contains(&class)
}

/// `class[key]`.
pub fn new(vm: &mut Vm, class: ObjRef, key: Value) -> PyResult<Value> {
    let args = match key.obj().map(|o| &o.kind) {
        Some(ObjKind::Tuple(_)) => key,
        _ => vm.new_tuple(vec![key]),
    };
    vm.temp_roots.push(args);
    let alias_class = vm.types.generic_alias;
    let alias = vm.new_instance(alias_class, super::object::Layout::Object);
    vm.temp_roots.push(alias);
    let (origin, args_name) = (vm.intern("__origin__"), vm.intern("__args__"));
    let r = super::attr::setattr(vm, alias, origin, Value::Obj(class))
        .and_then(|_| super::attr::setattr(vm, alias, args_name, args));
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r.map(|_| alias)
}

fn parts(vm: &mut Vm, alias: Value) -> PyResult<(Value, Value)> {
    let (origin, args) = (vm.intern("__origin__"), vm.intern("__args__"));
    let o = super::attr::getattr(vm, alias, origin)?;
    let a = super::attr::getattr(vm, alias, args)?;
    Ok((o, a))
}

/// How an alias argument prints: classes by name (qualified outside builtins), `...`, lists of
/// arguments in brackets, anything else by its repr.
fn arg_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(c) = v.obj().and_then(|o| o.as_class()) {
        return Ok(if c.module == "builtins" { c.qualname.clone() } else { format!("{}.{}", c.module, c.qualname) });
    }
    if v.is(Value::Obj(vm.singletons.ellipsis)) {
        return Ok("...".to_string());
    }
    if let Some(items) = v.obj().filter(|o| matches!(o.kind, ObjKind::List(_))).and_then(|o| o.as_list()) {
        let items = items.borrow().clone();
        let mut parts = Vec::new();
        for i in items {
            parts.push(arg_repr(vm, i)?);
        }
        return Ok(format!("[{}]", parts.join(", ")));
    }
    super::ops::repr(vm, v)
}

fn repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (origin, items) = parts(vm, args[0])?;
    let mut out = arg_repr(vm, origin)?;
    let items = items.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for i in items {
        parts.push(arg_repr(vm, i)?);
    }
    // (`tuple[()]` prints as such.)
    out.push_str(&format!("[{}]", if parts.is_empty() { "()".to_string() } else { parts.join(", ") }));
    Ok(vm.new_string(out))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if vm.type_of(args[1]) != vm.types.generic_alias {
        return Ok(vm.not_implemented());
    }
    let (o1, a1) = parts(vm, args[0])?;
    let (o2, a2) = parts(vm, args[1])?;
    Ok(Value::Bool(o1.is(o2) && super::ops::eq(vm, a1, a2)?))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (origin, items) = parts(vm, args[0])?;
    let h = super::ops::hash(vm, origin)? ^ super::ops::hash(vm, items)?;
    Ok(Value::Int(h))
}

fn call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (origin, _) = parts(vm, args[0])?;
    vm.call(origin, &args[1..], kw)
}
