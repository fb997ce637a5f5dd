//! The data model's attribute hooks: descriptors (`__get__`/`__set__`/`__delete__`) and the
//! per-class overrides `__getattribute__`, `__getattr__`, `__setattr__` and `__delattr__`.
//!
//! Attribute access stays fast for the common case by never caching a lookup these hooks take
//! part in: a class that overrides `__getattribute__` or `__setattr__`, or a class attribute
//! that is a descriptor, leaves the inline caches empty, so the interpreter takes the slow path
//! (which asks this module) and the JIT's recorder, finding no cache, runs the instruction in
//! the interpreter. Any change to a class bumps the class epoch, which invalidates every cache
//! filled before a hook appeared. `object.__getattribute__`, `object.__setattr__` and
//! `object.__delattr__` are the generic algorithms without the overrides, so that an override
//! can delegate to them as in CPython.

use crate::interpreter::{PyErr, PyResult, Vm};

use super::interner::{sym, Sym};
use super::object::ObjKind;
use super::ops;
use super::value::{ObjRef, Value};

/// An override of `name` (`__getattribute__`, `__setattr__`, ...) that `class` or a base
/// defines in Python; `object`'s own native versions do not count.
pub fn user_hook(class: ObjRef, name: Sym) -> Option<Value> {
    let v = class.as_class()?.lookup(name)?;
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Native(_)) | None => None,
        Some(_) => Some(v),
    }
}

/// What kind of descriptor a class attribute is: instances of user classes with `__get__`
/// (non-data) or with `__set__`/`__delete__` (data descriptors, which take precedence over the
/// instance's own attributes).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Descriptor {
    No,
    NonData,
    Data,
}

pub fn descriptor_kind(attr: Value) -> Descriptor {
    let Some(ObjKind::Instance(inst)) = attr.obj().map(|o| &o.kind) else {
        return Descriptor::No;
    };
    let Some(c) = inst.class.as_class() else {
        return Descriptor::No;
    };
    if c.lookup(sym::SET).is_some() || c.lookup(sym::DELETE).is_some() {
        Descriptor::Data
    } else if c.lookup(sym::GET).is_some() {
        Descriptor::NonData
    } else {
        Descriptor::No
    }
}

/// `descr.__get__(obj, owner)`; a descriptor without `__get__` is the attribute itself.
pub fn get(vm: &mut Vm, descr: Value, obj: Value, owner: ObjRef) -> PyResult<Value> {
    match ops::special(vm, descr, sym::GET) {
        Some(f) => ops::call_method_value(vm, f, &[descr, obj, Value::Obj(owner)]),
        None => Ok(descr),
    }
}

/// `descr.__set__(obj, value)`, or the AttributeError of a data descriptor without it.
pub fn set(vm: &mut Vm, descr: Value, obj: Value, value: Value) -> PyResult<()> {
    match ops::special(vm, descr, sym::SET) {
        Some(f) => ops::call_method_value(vm, f, &[descr, obj, value]).map(|_| ()),
        None => Err(vm.new_error(vm.types.attribute_error, "__set__")),
    }
}

/// `descr.__delete__(obj)`, or the AttributeError of a data descriptor without it.
pub fn delete(vm: &mut Vm, descr: Value, obj: Value) -> PyResult<()> {
    match ops::special(vm, descr, sym::DELETE) {
        Some(f) => ops::call_method_value(vm, f, &[descr, obj]).map(|_| ()),
        None => Err(vm.new_error(vm.types.attribute_error, "__delete__")),
    }
}

/// Calls an attribute hook with the name as a str: `hook(obj, name, *rest)`.
pub fn call_hook(vm: &mut Vm, hook: Value, obj: Value, name: Sym, rest: &[Value]) -> PyResult<Value> {
    let mut args = vec![obj, vm.sym_value(name)];
    args.extend_from_slice(rest);
    ops::call_method_value(vm, hook, &args)
}

/// After the lookup of `name` on an instance of `class` failed (with `err`, or found
/// nothing): the class's `__getattr__`, if it has one.
pub fn getattr_fallback(
    vm: &mut Vm,
    obj: Value,
    class: ObjRef,
    name: Sym,
    err: Option<PyErr>,
) -> PyResult<Option<Value>> {
    match user_hook(class, sym::GETATTR) {
        Some(hook) => call_hook(vm, hook, obj, name, &[]).map(Some),
        None => match err {
            Some(e) => Err(e),
            None => Ok(None),
        },
    }
}

/// Whether `err` is an AttributeError (which `__getattr__` gets a chance to answer).
pub fn is_attribute_error(vm: &Vm, err: PyErr) -> bool {
    vm.isinstance(Value::Obj(err.0), vm.types.attribute_error)
}
