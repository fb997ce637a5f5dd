//! Metaclasses: classes whose instances are classes, and the class keywords that choose them.
//!
//! A class statement calls `__build_class__(body, name, *bases, **keywords)`. Without a
//! `metaclass=` keyword the metaclass is the most derived type of the bases (CPython's
//! `_PyType_CalculateMetaclass`, with its "metaclass conflict" error); when that is `type`
//! the class is made directly and the other keywords go to `__init_subclass__`. Otherwise the
//! namespace comes from the metaclass's `__prepare__` if it has one, the body runs in it, and the
//! metaclass is called with `(name, bases, namespace, **keywords)`, like any class: its
//! `__new__` (usually `type.__new__` through `super()`) makes the class object and records the
//! metaclass in it ([`Class::metaclass`](super::object::Class)), then its `__init__` runs.
//!
//! A class then behaves as an instance of its metaclass: `type(C)` is the metaclass, attributes
//! missing from the class's own MRO are looked up on the metaclass (functions bind to the
//! class), and the operators a class takes part in (`C()`, `len(C)`, `iter(C)`, `C[k]`,
//! `x in C`, `repr(C)`, `isinstance(x, C)`, ...) consult the metaclass's special methods. Only
//! methods a metaclass itself defines count ([`meta_lookup`] stops at `type`), so classes
//! without a metaclass pay one null check. `type.__new__`, `type.__init__` and `type.__call__`
//! exist as attributes so that metaclasses can delegate to them.
//!
//! `__abstractmethods__` (set by `abc.ABCMeta`) marks a class abstract; instantiating it raises
//! CPython's TypeError (the flag is checked where instances are made).

use crate::interpreter::{PyErr, PyResult, Vm};

use super::interner::{sym, Sym};
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

pub fn init(vm: &mut Vm) {
    let type_class = vm.types.type_;
    let methods: &[(&'static str, NativeFn)] = &[("__init__", type_init), ("__call__", type_call)];
    types::add_methods(vm, type_class, methods);
    let new = vm.new_native("__new__", type_dunder_new);
    let new = Value::Obj(vm.alloc(ObjKind::StaticMethod(new)));
    if let Some(c) = type_class.as_class() {
        c.set_attr(sym::NEW, new);
    }
}

/// The metaclass of class `class`, when it is not `type`.
pub fn metaclass_of(class: ObjRef) -> Option<ObjRef> {
    class.as_class().and_then(|c| c.metaclass.get())
}

/// Attribute `name` as a metaclass of `class` defines it (in the metaclass or a base of it
/// that derives from `type`; `type`'s own attributes are not included).
pub fn meta_lookup(vm: &Vm, class: ObjRef, name: Sym) -> Option<Value> {
    let meta = metaclass_of(class)?;
    let m = meta.as_class()?;
    for k in std::iter::once(meta).chain(m.ancestors.iter().copied()) {
        if k == vm.types.type_ || k == vm.types.object {
            return None;
        }
        if let Some(v) = k.as_class().and_then(|c| c.dict.borrow().get(&name).copied()) {
            return Some(v);
        }
    }
    None
}

/// `C.name` found on C's metaclass: functions and properties bind to the class.
pub fn meta_attribute(vm: &mut Vm, class: ObjRef, name: Sym) -> PyResult<Option<Value>> {
    let Some(a) = meta_lookup(vm, class, name) else { return Ok(None) };
    let receiver = Value::Obj(class);
    let Value::Obj(ao) = a else { return Ok(Some(a)) };
    Ok(Some(match &ao.kind {
        ObjKind::Function(_) => Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver, func: a })),
        ObjKind::Property { fget, .. } => {
            let fget = *fget;
            if fget.is_none() {
                let n = vm.sym_str(name).to_string();
                return Err(vm.new_error(vm.types.attribute_error, &format!("property '{n}' has no getter")));
            }
            vm.call(fget, &[receiver], &[])?
        }
        ObjKind::ClassMethod(f) => {
            let meta = Value::Obj(metaclass_of(class).unwrap_or(vm.types.type_));
            Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver: meta, func: *f }))
        }
        ObjKind::StaticMethod(f) => *f,
        _ => a,
    }))
}

/// Calls the special method `name` a metaclass of `class` defines, with the class as self.
pub fn call_meta_special(vm: &mut Vm, class: ObjRef, name: Sym, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = meta_lookup(vm, class, name) else { return Ok(None) };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(Value::Obj(class));
    all.extend_from_slice(args);
    ops::call_method_value(vm, f, &all).map(Some)
}

/// CPython's TypeError for instantiating an abstract class.
pub fn abstract_error(vm: &mut Vm, class: ObjRef) -> PyErr {
    let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
    let key = vm.intern("__abstractmethods__");
    let names = class.as_class().and_then(|c| c.lookup(key));
    let mut methods: Vec<String> = match names {
        Some(v) => super::iter::collect(vm, v)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|m| super::strings::as_str(m).map(str::to_string))
            .collect(),
        None => Vec::new(),
    };
    methods.sort();
    let s = if methods.len() == 1 { "" } else { "s" };
    let msg = format!("Can't instantiate abstract class {name} with abstract method{s} {}", methods.join(", "));
    vm.new_error(vm.types.type_error, &msg)
}

// ---------------------------------------------------------------------------------------------
// Class statements

/// The metaclass a class with explicit metaclass `meta` (or `type`) and `bases` gets: the most
/// derived of `meta` and the bases' metaclasses, or CPython's conflict error.
pub fn calculate_metaclass(vm: &mut Vm, meta: ObjRef, bases: &[ObjRef]) -> PyResult<ObjRef> {
    let mut winner = meta;
    for b in bases {
        let t = vm.type_of(Value::Obj(*b));
        if types::is_subclass(winner, t) {
            continue;
        }
        if types::is_subclass(t, winner) {
            winner = t;
            continue;
        }
        return Err(vm.new_error(
            vm.types.type_error,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `__build_class__` for a class whose metaclass is not `type` (or is not a class at all):
/// `__prepare__`, the body, then the call of the metaclass.
pub fn build_with_metaclass(
    vm: &mut Vm,
    func: Value,
    name: Value,
    bases: &[ObjRef],
    meta: Value,
    kw: Kw,
) -> PyResult<Value> {
    let bases_tuple = vm.new_tuple(bases.iter().map(|b| Value::Obj(*b)).collect());
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(bases_tuple);
    let result = (|| {
        let meta_class = meta.as_obj().filter(|o| o.as_class().is_some());
        let prep = vm.intern("__prepare__");
        let (type_, object) = (vm.types.type_, vm.types.object);
        let prepare = match meta_class {
            Some(m) => std::iter::once(m)
                .chain(m.as_class().map(|c| c.ancestors.clone()).unwrap_or_default())
                .take_while(|k| *k != type_ && *k != object)
                .find_map(|k| k.as_class().and_then(|c| c.dict.borrow().get(&prep).copied())),
            None => None,
        };
        let ns = match prepare {
            Some(p) => {
                let f = match p.obj().map(|o| &o.kind) {
                    Some(ObjKind::ClassMethod(f)) => {
                        let f = *f;
                        let r = vm.call(f, &[meta, name, bases_tuple], kw)?;
                        return_ns(vm, r)?
                    }
                    Some(ObjKind::StaticMethod(f)) => {
                        let f = *f;
                        let r = vm.call(f, &[name, bases_tuple], kw)?;
                        return_ns(vm, r)?
                    }
                    _ => {
                        let r = vm.call(p, &[name, bases_tuple], kw)?;
                        return_ns(vm, r)?
                    }
                };
                f
            }
            None => vm.new_dict(),
        };
        vm.temp_roots.push(Value::Obj(ns));
        vm.run_class_body(func, ns)?;
        vm.call(meta, &[name, bases_tuple, Value::Obj(ns)], kw)
    })();
    vm.temp_roots.truncate(mark);
    result
}

fn return_ns(vm: &mut Vm, r: Value) -> PyResult<ObjRef> {
    match r.as_obj() {
        Some(o) if matches!(o.kind, ObjKind::Dict(_)) => Ok(o),
        _ => {
            let tn = ops::type_name(vm, r);
            Err(vm.new_error(vm.types.type_error, &format!("stitch: __prepare__() must return a dict, not {tn}")))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// type.__new__, type.__init__, type.__call__

/// `type.__new__(mcs, name, bases, ns, **kw)`: a class whose metaclass is `mcs`.
fn type_dunder_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(mcs) = args.first().and_then(|v| v.as_obj()).filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "type.__new__(X): X is not a type object"));
    };
    if !types::is_subclass(mcs, vm.types.type_) {
        let n = mcs.as_class().map(|c| c.name.clone()).unwrap_or_default();
        let msg = format!("type.__new__({n}): {n} is not a subtype of type");
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    match args.len() {
        2 if mcs == vm.types.type_ => Ok(Value::Obj(vm.type_of(args[1]))),
        4 => {
            let meta = if mcs == vm.types.type_ { None } else { Some(mcs) };
            types::type_new_full(vm, meta, args[1], args[2], args[3], kw)
        }
        _ => Err(vm.new_error(vm.types.type_error, "type.__new__() takes exactly 3 arguments")),
    }
}

/// `type.__init__(cls, ...)`: nothing to do (the class is complete when `__new__` returns).
fn type_init(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kw)`: what calling a class does without its metaclass's
/// `__call__`: `__new__`, then `__init__` on an instance of the class.
fn type_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(class) = args.first().and_then(|v| v.as_obj()).filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "descriptor '__call__' requires a 'type' object"));
    };
    construct_plain(vm, class, &args[1..], kw)
}

/// `class(*args, **kw)` by the rules of `type.__call__`.
pub fn construct_plain(vm: &mut Vm, class: ObjRef, args: &[Value], kw: Kw) -> PyResult<Value> {
    let c = class.as_class().expect("a class");
    if let Some(native) = c.native_new.get() {
        let mut all = vec![Value::Obj(class)];
        all.extend_from_slice(args);
        return native(vm, &all, kw);
    }
    if let Some(new) = types::custom_new(class) {
        return types::construct_with_new(vm, class, new, args, kw);
    }
    let obj = types::object_new(vm, &[Value::Obj(class)], &[])?;
    if let Some(init) = c.lookup(sym::INIT) {
        vm.temp_roots.push(obj);
        let mut all = vec![obj];
        all.extend_from_slice(args);
        let r = vm.call(init, &all, kw);
        vm.temp_roots.pop();
        r?;
    }
    Ok(obj)
}
