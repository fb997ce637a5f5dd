//! Special methods of the built-in classes as attributes (`object.__repr__`, `list.__init__`,
//! `list.__getitem__`, `Exception.__str__`, ...), so that user subclasses can call the base
//! implementation explicitly. Each works on the built-in storage directly and never dispatches
//! back to the subclass's override.

use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::interner::Sym;
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::types;
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];

pub fn init(vm: &mut Vm) {
    let object: &[(&'static str, NativeFn)] = &[
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__getattribute__", object_getattribute),
        ("__delattr__", object_delattr),
        ("__init_subclass__", object_init_subclass),
    ];
    let c = vm.types.object;
    types::add_methods(vm, c, object);
    // `object.__new__` is a staticmethod taking the class first.
    let new = vm.new_native("__new__", types::object_new);
    let new = Value::Obj(vm.alloc(ObjKind::StaticMethod(new)));
    if let Some(class) = c.as_class() {
        class.set_attr(super::interner::sym::NEW, new);
    }
    let list: &[(&'static str, NativeFn)] = &[
        ("__repr__", list_repr),
        ("__len__", list_len),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__iter__", seq_iter),
        ("__contains__", seq_contains),
    ];
    let c = vm.types.list;
    types::add_methods(vm, c, list);
    let exc: &[(&'static str, NativeFn)] = &[("__str__", exception_str), ("__repr__", exception_repr)];
    let c = vm.types.base_exception;
    types::add_methods(vm, c, exc);
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let v = args[0];
    let s = match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Instance(i)) => {
            let c = i.class.as_class();
            let module = c.map(|c| c.module.clone()).unwrap_or_default();
            let q = c.map(|c| c.qualname.clone()).unwrap_or_default();
            format!("<{module}.{q} object at {:#x}>", v.as_obj().map(|o| o.addr()).unwrap_or(0))
        }
        _ => ops::repr(vm, v)?,
    };
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__str__", args, 1, 1)?;
    let s = ops::repr(vm, args[0])?;
    Ok(vm.new_string(s))
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__eq__", args, 2, 2)?;
    Ok(if args[0].is(args[1]) { Value::Bool(true) } else { vm.not_implemented() })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__ne__", args, 2, 2)?;
    // `self.__eq__(other)` inverted, NotImplemented passed on (as CPython's `object.__ne__`).
    let r = match ops::call_special(vm, args[0], super::interner::sym::EQ, &[args[1]])? {
        Some(r) => r,
        None => ops::compare(vm, crate::bytecode::CompareOp::Eq, args[0], args[1])?,
    };
    if vm.is_not_implemented(r) {
        return Ok(r);
    }
    Ok(Value::Bool(!ops::truthy(vm, r)?))
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__hash__", args, 1, 1)?;
    let h = match args[0].as_obj() {
        Some(o) => ((o.addr() >> 4) as i64) & i64::MAX,
        None => ops::hash(vm, args[0])?,
    };
    Ok(Value::Int(h))
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__setattr__", args, 3, 3)?;
    let Some(name) = super::strings::as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.new_error(vm.types.type_error, "attribute name must be string"));
    };
    let s = vm.intern(&name);
    match args[0].obj().map(|o| &o.kind) {
        Some(ObjKind::Instance(_)) => {
            let scratch: crate::interpreter::code::Caches = Default::default();
            super::attr::store_attr_generic(vm, args[0], s, args[2], &scratch)?
        }
        _ => super::attr::setattr(vm, args[0], s, args[2])?,
    }
    Ok(Value::None)
}

/// `object.__init_subclass__()`: nothing to do (reached by `super().__init_subclass__()`).
fn object_init_subclass(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__delattr__", args, 2, 2)?;
    let Some(name) = super::strings::as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.new_error(vm.types.type_error, "attribute name must be string"));
    };
    let s = vm.intern(&name);
    super::attr::delattr_generic(vm, args[0], s)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__getattribute__", args, 2, 2)?;
    let Some(name) = super::strings::as_str(args[1]).map(|s| s.to_string()) else {
        return Err(vm.new_error(vm.types.type_error, "attribute name must be string"));
    };
    let s = vm.intern(&name);
    match super::attr::generic_instance_lookup(vm, args[0], s)? {
        Some(v) => Ok(v),
        None => Err(super::attr::attribute_error(vm, args[0], s)),
    }
}

fn storage(vm: &mut Vm, v: Value) -> PyResult<&'static crate::runtime::listcell::ListCell> {
    match v.obj().and_then(|o| o.as_list()) {
        Some(l) => Ok(l),
        None => Err(vm.new_error(vm.types.type_error, "descriptor requires a 'list' object")),
    }
}

fn list_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let items = storage(vm, args[0])?.borrow().clone();
    let tmp = vm.new_list(items);
    let s = ops::repr(vm, tmp)?;
    Ok(vm.new_string(s))
}

fn list_len(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__len__", args, 1, 1)?;
    Ok(Value::Int(storage(vm, args[0])?.borrow().len() as i64))
}

fn list_getitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let l = storage(vm, args[0])?;
    ops::list_getitem(vm, l, args[1])
}

fn list_setitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let l = storage(vm, args[0])?;
    ops::list_setitem(vm, l, args[1], args[2])?;
    Ok(Value::None)
}

fn seq_iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    let Some(seq) = args[0].as_obj() else {
        return Ok(Value::None);
    };
    Ok(super::iter::make_iter(vm, super::object::IterState::Seq { seq, index: 0 }))
}

fn seq_contains(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let items = storage(vm, args[0])?.borrow().clone();
    let tmp = vm.new_list(items);
    Ok(Value::Bool(ops::contains(vm, tmp, args[1])?))
}

fn exception_str(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__str__", args, 1, 1)?;
    let a = args[0].obj().and_then(|o| o.as_exception()).map(|e| e.borrow().args).unwrap_or(Value::None);
    let items = a.obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    let is_key_error = vm.isinstance(args[0], vm.types.key_error);
    let s = match items.len() {
        0 => String::new(),
        1 if is_key_error => ops::repr(vm, items[0])?,
        1 => ops::str_of(vm, items[0])?,
        _ => ops::repr(vm, a)?,
    };
    Ok(vm.new_string(s))
}

fn exception_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let name = ops::type_name(vm, args[0]);
    let a = args[0].obj().and_then(|o| o.as_exception()).map(|e| e.borrow().args).unwrap_or(Value::None);
    let items = a.obj().and_then(|t| t.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    let inner = if items.len() == 1 {
        ops::repr(vm, items[0])?
    } else {
        let r = ops::repr(vm, a)?;
        r.trim_start_matches('(').trim_end_matches(')').trim_end_matches(',').to_string()
    };
    Ok(vm.new_string(format!("{name}({inner})")))
}
