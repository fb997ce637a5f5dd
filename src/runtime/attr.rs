//! Attribute access: `obj.name` loads, stores and deletes, with inline caches.
//!
//! Lookup follows Python's rules: for an instance, a data descriptor on the class (a
//! `property`) wins, then the instance's own attribute (its shape slot), then the class
//! attribute (functions become bound methods, `classmethod`/`staticmethod` unwrap). The
//! cached fast paths key on the instance's shape (which determines its class, since every
//! class has its own root shape) and on the global class epoch, which changes whenever any
//! class is created or modified, so a hit is always a correct answer. Method loads
//! (`LOAD_ATTR` with the method bit) return the function and `self` separately so that
//! `obj.m(...)` allocates no bound-method object.
//!
//! An instance whose `__dict__` was asked for keeps its attributes in that dict from then on
//! (its class's dict shape, see [`shape`](super::shape)): lookups, stores and deletes go to the
//! dict, and no slot cache is filled for it.

use crate::interpreter::code::{remember, Cache, Caches};
use crate::interpreter::{PyResult, Vm};

use super::descriptors::{self, Descriptor};
use super::interner::{sym, Sym};
use super::object::{Instance, ObjKind};
use super::ops;
use super::shape::Shape;
use super::value::{ObjRef, Value};

/// Fast path of a plain attribute load; `None` on a cache miss.
#[inline]
pub fn load_attr_cached(vm: &mut Vm, obj: Value, caches: &Caches) -> Option<Value> {
    let Value::Obj(o) = obj else { return None };
    let ObjKind::Instance(inst) = &o.kind else {
        return module_attr_cached(o, &caches[0]);
    };
    caches.iter().find_map(|way| load_attr_way(vm, obj, inst, way))
}

/// A module's attribute through the cache `ModuleAttr` (way 0).
#[inline]
fn module_attr_cached(o: ObjRef, cache: &std::cell::Cell<Cache>) -> Option<Value> {
    let Cache::ModuleAttr { module, version, index } = cache.get() else { return None };
    let ObjKind::Module(m) = &o.kind else { return None };
    if !std::ptr::eq(o.as_ptr(), module) {
        return None;
    }
    let d = m.dict.as_dict()?.try_borrow().ok()?;
    if d.version != version {
        return None;
    }
    d.entry(index as usize).map(|e| e.value)
}

/// Fills the `ModuleAttr` cache for attribute `name` of module `o` when it exists.
fn fill_module_cache(vm: &mut Vm, o: ObjRef, name: Sym, cache: &Caches) {
    let ObjKind::Module(m) = &o.kind else { return };
    let Some(d) = m.dict.as_dict() else { return };
    let key = vm.sym_value(name);
    let hash = super::strings::hash_sym_value(key);
    let Ok(d) = d.try_borrow() else { return };
    let found = d.find(key, hash, &mut |a, b| {
        Ok(a.is(b) || matches!((super::strings::as_str(a), super::strings::as_str(b)), (Some(x), Some(y)) if x == y))
    });
    if let Ok(Some(i)) = found {
        remember(cache, Cache::ModuleAttr { module: o.as_ptr(), version: d.version, index: i as u32 });
    }
}

#[inline]
fn load_attr_way(vm: &mut Vm, obj: Value, inst: &Instance, cache: &std::cell::Cell<Cache>) -> Option<Value> {
    match cache.get() {
        Cache::Slot { shape, slot, epoch, .. }
            if std::ptr::eq(inst.shape.get(), shape) && epoch == super::types::class_epoch() =>
        {
            inst.slots.get(slot as usize)
        }
        Cache::ClassAttr { shape, epoch, value, method }
            if std::ptr::eq(inst.shape.get(), shape) && epoch == super::types::class_epoch() =>
        {
            if method {
                Some(Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver: obj, func: value })))
            } else {
                Some(value)
            }
        }
        Cache::DictAttr { .. } => dict_attr_load(vm, obj, inst, cache.get()),
        _ => None,
    }
}

/// The `DictAttr` way of a plain load (out of line: the cached paths are inlined into the run
/// loop, and instances whose `__dict__` was read are rare).
#[inline(never)]
fn dict_attr_load(vm: &mut Vm, obj: Value, inst: &Instance, way: Cache) -> Option<Value> {
    let Cache::DictAttr { shape, epoch, value, name, method } = way else { return None };
    if !std::ptr::eq(inst.shape.get(), shape) || epoch != super::types::class_epoch() {
        return None;
    }
    match dict_entry(vm, instance_dict(inst)?, name)? {
        Some(v) => Some(v),
        None if value.is_null() => None,
        None if method => Some(Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver: obj, func: value }))),
        None => Some(value),
    }
}

/// The `DictAttr` way of a method load (out of line, as [`dict_attr_load`]).
#[inline(never)]
fn dict_attr_method(vm: &Vm, obj: Value, way: Cache) -> Option<(Value, Value)> {
    let Cache::DictAttr { shape, epoch, value, name, method } = way else { return None };
    let ObjKind::Instance(inst) = &obj.obj()?.kind else { return None };
    if !std::ptr::eq(inst.shape.get(), shape) || epoch != super::types::class_epoch() {
        return None;
    }
    match dict_entry(vm, instance_dict(inst)?, name)? {
        Some(v) => Some((v, Value::Null)),
        None if value.is_null() => None,
        None if method => Some((value, obj)),
        None => Some((value, Value::Null)),
    }
}

/// Entry `name` of the instance dict `d`, found by string comparison without running any
/// code; `None` when that cannot tell (a key that is not a str collides, or the dict is
/// borrowed), so that the caller takes the slow path.
fn dict_entry(vm: &Vm, d: ObjRef, name: Sym) -> Option<Option<Value>> {
    let key = vm.sym_value(name);
    let hash = super::strings::hash_sym_value(key);
    let dict = d.as_dict()?.try_borrow().ok()?;
    let mut foreign = false;
    let found = dict
        .find(key, hash, &mut |a, b| {
            if a.is(b) {
                return Ok(true);
            }
            match (super::strings::as_str(a), super::strings::as_str(b)) {
                (Some(x), Some(y)) => Ok(x == y),
                _ => {
                    foreign = true;
                    Ok(false)
                }
            }
        })
        .ok()?;
    if foreign {
        return None;
    }
    Some(found.and_then(|i| dict.entry(i).map(|e| e.value)))
}

/// Fast path of a method load; `None` on a cache miss.
#[inline]
pub fn load_method_cached(vm: &Vm, obj: Value, caches: &Caches) -> Option<(Value, Value)> {
    if let Value::Obj(o) = obj {
        if matches!(o.kind, ObjKind::Module(_)) {
            return module_attr_cached(o, &caches[0]).map(|v| (v, Value::Null));
        }
    }
    caches.iter().find_map(|way| load_method_way(vm, obj, way))
}

#[inline]
fn load_method_way(vm: &Vm, obj: Value, cache: &std::cell::Cell<Cache>) -> Option<(Value, Value)> {
    match cache.get() {
        Cache::ClassAttr { shape, epoch, value, method: true } => {
            let Value::Obj(o) = obj else { return None };
            let ObjKind::Instance(inst) = &o.kind else {
                return None;
            };
            if std::ptr::eq(inst.shape.get(), shape) && epoch == super::types::class_epoch() {
                Some((value, obj))
            } else {
                None
            }
        }
        Cache::BuiltinMethod { class, epoch, value } => {
            if epoch == super::types::class_epoch() && std::ptr::eq(vm.type_of(obj).as_ptr(), class) {
                Some((value, obj))
            } else {
                None
            }
        }
        Cache::Slot { shape, slot, epoch, .. } => {
            let Value::Obj(o) = obj else { return None };
            let ObjKind::Instance(inst) = &o.kind else {
                return None;
            };
            if std::ptr::eq(inst.shape.get(), shape) && epoch == super::types::class_epoch() {
                inst.slots.get(slot as usize).map(|v| (v, Value::Null))
            } else {
                None
            }
        }
        Cache::DictAttr { .. } => dict_attr_method(vm, obj, cache.get()),
        _ => None,
    }
}

/// Slow path of a plain attribute load: full lookup, then fill the cache when possible.
pub fn load_attr_slow(vm: &mut Vm, obj: Value, name: Sym, cache: &Caches) -> PyResult<Value> {
    if let Value::Obj(o) = obj {
        match &o.kind {
            ObjKind::Instance(inst) => fill_instance_cache(inst, name, cache),
            ObjKind::Module(_) => fill_module_cache(vm, o, name, cache),
            _ => {}
        }
    }
    getattr(vm, obj, name)
}

/// Slow path of a method load.
pub fn load_method_slow(vm: &mut Vm, obj: Value, name: Sym, cache: &Caches) -> PyResult<(Value, Value)> {
    let Value::Obj(o) = obj else {
        return Ok((getattr(vm, obj, name)?, Value::Null));
    };
    match &o.kind {
        ObjKind::Instance(inst) => match fill_method_cache(inst, name, cache) {
            Some(f) => Ok((f, obj)),
            None => Ok((getattr(vm, obj, name)?, Value::Null)),
        },
        ObjKind::Module(_) => {
            fill_module_cache(vm, o, name, cache);
            Ok((getattr(vm, obj, name)?, Value::Null))
        }
        ObjKind::Class(_) | ObjKind::Super { .. } => Ok((getattr(vm, obj, name)?, Value::Null)),
        _ => {
            let class = vm.type_of(obj);
            let found = class.as_class().and_then(|c| c.lookup(name));
            let found = found.map(|f| super::slot_wrappers::before_object(vm, class, name, f).unwrap_or(f));
            if let Some(f @ Value::Obj(fo)) = found {
                if matches!(fo.kind, ObjKind::Native(_)) {
                    remember(
                        cache,
                        Cache::BuiltinMethod { class: class.as_ptr(), epoch: super::types::class_epoch(), value: f },
                    );
                    return Ok((f, obj));
                }
            }
            Ok((getattr(vm, obj, name)?, Value::Null))
        }
    }
}

/// What a method load of `name` from `inst` puts in `cache`: a Python function found on the
/// class (not shadowed by an instance attribute), returned to be called with the instance;
/// else the instance cache's way, and None (the load is an ordinary attribute load).
fn fill_method_cache(inst: &Instance, name: Sym, cache: &Caches) -> Option<Value> {
    if descriptors::user_hook(inst.class, sym::GETATTRIBUTE).is_some() {
        return None;
    }
    if !inst.shape.get().dict_mode && inst.shape.get().slot_of(name).is_none() {
        let attr = inst.class.as_class().and_then(|c| c.lookup(name));
        if let Some(f @ Value::Obj(fo)) = attr {
            if matches!(fo.kind, ObjKind::Function(_)) {
                let way = Cache::ClassAttr {
                    shape: inst.shape.get(),
                    epoch: super::types::class_epoch(),
                    value: f,
                    method: true,
                };
                remember(cache, way);
                return Some(f);
            }
        }
        return None;
    }
    fill_instance_cache(inst, name, cache);
    None
}

/// Fills `cache` for a load (`method`: a method load) of `name` from the instance `obj` as the
/// slow paths would, without loading anything: no Python code runs. The JIT's recorder asks
/// before it specializes a `LOAD_ATTR` that has not run yet (at `--jit-threshold=1` a loop is
/// recorded on its first iteration).
pub fn prime_cache(obj: Value, name: Sym, cache: &Caches, method: bool) {
    let Some(ObjKind::Instance(inst)) = obj.obj().map(|o| &o.kind) else { return };
    if method {
        fill_method_cache(inst, name, cache);
    } else {
        fill_instance_cache(inst, name, cache);
    }
}

fn fill_instance_cache(inst: &Instance, name: Sym, cache: &Caches) {
    let shape = inst.shape.get();
    if descriptors::user_hook(inst.class, sym::GETATTRIBUTE).is_some() {
        return;
    }
    let class_attr = inst.class.as_class().and_then(|c| c.lookup(name));
    let is_descriptor = match class_attr {
        Some(Value::Obj(o)) if matches!(o.kind, ObjKind::Property { .. }) => true,
        Some(a) => descriptors::descriptor_kind(a) != Descriptor::No,
        None => false,
    };
    if is_descriptor {
        return;
    }
    if shape.dict_mode {
        // The dict's entry first, then the class attribute (plain values and functions only).
        let (value, method) = match class_attr {
            None => (Value::Null, false),
            Some(v @ Value::Obj(o)) => match &o.kind {
                ObjKind::Function(_) => (v, true),
                ObjKind::ClassMethod(_) | ObjKind::StaticMethod(_) | ObjKind::Native(_) => return,
                _ => (v, false),
            },
            Some(v) => (v, false),
        };
        if name != sym::DICT {
            let epoch = super::types::class_epoch();
            remember(cache, Cache::DictAttr { shape, epoch, value, name, method });
        }
        return;
    }
    if let Some(slot) = shape.slot_of(name) {
        remember(cache, Cache::Slot { shape, slot: slot as u32, next: shape, epoch: super::types::class_epoch() });
        return;
    }
    match class_attr {
        Some(v @ Value::Obj(o)) => match &o.kind {
            ObjKind::Function(_) => {
                remember(cache, Cache::ClassAttr { shape, epoch: super::types::class_epoch(), value: v, method: true })
            }
            ObjKind::ClassMethod(_) | ObjKind::StaticMethod(_) | ObjKind::Native(_) => {}
            _ => {
                remember(cache, Cache::ClassAttr { shape, epoch: super::types::class_epoch(), value: v, method: false })
            }
        },
        Some(v) => {
            remember(cache, Cache::ClassAttr { shape, epoch: super::types::class_epoch(), value: v, method: false })
        }
        None => {}
    }
}

/// Binds a class attribute found through an instance (or class) `receiver`.
pub fn bind(vm: &mut Vm, attr: Value, receiver: Value, class: ObjRef) -> PyResult<Value> {
    if let Value::Obj(o) = attr {
        match &o.kind {
            ObjKind::Function(_) | ObjKind::Native(_) => {
                return Ok(Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver, func: attr })));
            }
            ObjKind::ClassMethod(f) => {
                return Ok(Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver: Value::Obj(class), func: *f })));
            }
            ObjKind::StaticMethod(f) => return Ok(*f),
            ObjKind::Property { fget, .. } => {
                let fget = *fget;
                if fget.is_none() {
                    return Err(vm.new_error(vm.types.attribute_error, "unreadable attribute"));
                }
                return vm.call(fget, &[receiver], &[]);
            }
            _ => {}
        }
    }
    Ok(attr)
}

/// `getattr(obj, name)`.
pub fn getattr(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<Value> {
    match lookup(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(vm, obj, name)),
    }
}

/// `getattr(obj, name)` returning `None` instead of raising AttributeError.
pub fn lookup(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<Option<Value>> {
    let Value::Obj(o) = obj else {
        return builtin_value_attr(vm, obj, name);
    };
    match &o.kind {
        ObjKind::Instance(inst) => {
            let class = inst.class;
            if let Some(hook) = descriptors::user_hook(class, sym::GETATTRIBUTE) {
                return match descriptors::call_hook(vm, hook, obj, name, &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if descriptors::is_attribute_error(vm, e) => {
                        descriptors::getattr_fallback(vm, obj, class, name, Some(e))
                    }
                    Err(e) => Err(e),
                };
            }
            match generic_instance_lookup(vm, obj, name) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => descriptors::getattr_fallback(vm, obj, class, name, None),
                Err(e) if descriptors::is_attribute_error(vm, e) => {
                    descriptors::getattr_fallback(vm, obj, class, name, Some(e))
                }
                Err(e) => Err(e),
            }
        }
        ObjKind::Class(c) => {
            if let Some(a) = c.lookup(name) {
                let a = super::slot_wrappers::before_object(vm, o, name, a).unwrap_or(a);
                if let Value::Obj(ao) = a {
                    match &ao.kind {
                        ObjKind::ClassMethod(f) => {
                            return Ok(Some(Value::Obj(vm.alloc(ObjKind::BoundMethod { receiver: obj, func: *f }))))
                        }
                        ObjKind::StaticMethod(f) => return Ok(Some(*f)),
                        ObjKind::Instance(_) if descriptors::descriptor_kind(a) != Descriptor::No => {
                            return descriptors::get(vm, a, Value::None, o).map(Some);
                        }
                        _ => {}
                    }
                }
                return Ok(Some(a));
            }
            if c.metaclass.get().is_some() {
                if let Some(v) = super::metaclass::meta_attribute(vm, o, name)? {
                    return Ok(Some(v));
                }
            }
            match class_special(vm, o, name)? {
                Some(v) => Ok(Some(v)),
                None => Ok(super::slot_wrappers::lookup(vm, o, name)),
            }
        }
        ObjKind::Module(m) => {
            let key = vm.sym_value(name);
            match super::dictops::get(vm, m.dict, key)? {
                None if name == sym::DICT => Ok(Some(Value::Obj(m.dict))),
                found => Ok(found),
            }
        }
        ObjKind::Super { class, receiver } => super_lookup(vm, *class, *receiver, name),
        ObjKind::StaticMethod(f) | ObjKind::ClassMethod(f) if vm.sym_str(name) == "__func__" => Ok(Some(*f)),
        ObjKind::Function(f) => Ok(match vm.sym_str(name) {
            "__name__" => {
                let n = f.name();
                Some(vm.new_string(n))
            }
            "__qualname__" => Some(vm.new_str(f.qualname())),
            "__doc__" => match f.attrs.borrow().iter().find(|(k, _)| *k == name).map(|(_, v)| *v) {
                Some(v) => Some(v),
                None => match &f.code.code.doc {
                    Some(doc) => Some(vm.new_str(doc)),
                    None => Some(Value::None),
                },
            },
            "__module__" => Some(vm.new_str("__main__")),
            "__defaults__" => Some(if f.defaults.is_null() { Value::None } else { f.defaults }),
            "__annotations__" => {
                let found = f.attrs.borrow().iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
                match found {
                    Some(v) => Some(v),
                    None => {
                        // A function without annotations gets an empty dict on first access.
                        let d = Value::Obj(vm.new_dict());
                        f.attrs.borrow_mut().push((name, d));
                        Some(d)
                    }
                }
            }
            _ => f.attrs.borrow().iter().find(|(k, _)| *k == name).map(|(_, v)| *v),
        }),
        ObjKind::BoundMethod { receiver, func } => Ok(match vm.sym_str(name) {
            "__self__" => Some(*receiver),
            "__func__" => Some(*func),
            _ => lookup(vm, *func, name)?,
        }),
        ObjKind::Native(n) => Ok(match vm.sym_str(name) {
            "__name__" => Some(vm.new_str(n.name)),
            "__self__" => Some(n.receiver),
            _ => None,
        }),
        ObjKind::Slice(a, b, c) => Ok(match vm.sym_str(name) {
            "start" => Some(*a),
            "stop" => Some(*b),
            "step" => Some(*c),
            _ => None,
        }),
        ObjKind::BigRange(r) => Ok(match vm.sym_str(name) {
            "start" => Some(super::int::from_bigint(vm, r.start.clone())),
            "stop" => Some(super::int::from_bigint(vm, r.stop.clone())),
            "step" => Some(super::int::from_bigint(vm, r.step.clone())),
            _ => builtin_method(vm, obj, name)?,
        }),
        ObjKind::Array(_) => {
            let n = vm.sym_str(name).to_string();
            match super::array::attribute(vm, o, &n) {
                Some(v) => Ok(Some(v)),
                None => builtin_method(vm, obj, name),
            }
        }
        ObjKind::Range(r) => Ok(match vm.sym_str(name) {
            "start" => Some(Value::Int(r.start)),
            "stop" => Some(Value::Int(r.stop)),
            "step" => Some(Value::Int(r.step)),
            _ => builtin_method(vm, obj, name)?,
        }),
        ObjKind::Property { fget, fset, fdel } => {
            let (fget, fset, fdel) = (*fget, *fset, *fdel);
            match vm.sym_str(name) {
                "fget" => Ok(Some(fget)),
                "fset" => Ok(Some(fset)),
                "fdel" => Ok(Some(fdel)),
                "setter" | "getter" | "deleter" => {
                    let n = vm.sym_str(name).to_string();
                    super::builtins::property_method(vm, obj, &n).map(Some)
                }
                _ => Ok(None),
            }
        }
        ObjKind::TextIO(s) => {
            let n = vm.sym_str(name).to_string();
            match super::textio::attr(vm, s, &n) {
                Some(v) => Ok(Some(v)),
                None => builtin_method(vm, obj, name),
            }
        }
        ObjKind::BinaryIO(s) => {
            let n = vm.sym_str(name).to_string();
            match super::binaryio::attr(vm, s, &n) {
                Some(v) => Ok(Some(v)),
                None => builtin_method(vm, obj, name),
            }
        }
        ObjKind::Generator(g) => Ok(match vm.sym_str(name) {
            "__name__" => {
                let n = g.borrow().code.code.name.clone();
                Some(vm.new_string(n))
            }
            _ => builtin_method(vm, obj, name)?,
        }),
        _ => builtin_value_attr(vm, obj, name),
    }
}

/// `object.__getattribute__` on an instance: a data descriptor on the class (a property or a
/// user descriptor), then the instance's own attribute, then the class attribute (a
/// descriptor's `__get__`, a function bound). No `__getattr__`.
pub fn generic_instance_lookup(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<Option<Value>> {
    let Some(o) = obj.as_obj() else { return Ok(None) };
    let ObjKind::Instance(inst) = &o.kind else {
        return lookup(vm, obj, name);
    };
    let class = inst.class;
    let class_attr = class.as_class().and_then(|c| c.lookup(name));
    let descriptor = class_attr.map_or(Descriptor::No, descriptors::descriptor_kind);
    if let Some(a @ Value::Obj(ao)) = class_attr {
        if matches!(ao.kind, ObjKind::Property { .. }) {
            return bind(vm, a, obj, class).map(Some);
        }
        if descriptor == Descriptor::Data {
            return descriptors::get(vm, a, obj, class).map(Some);
        }
    }
    if let Some(d) = instance_dict(inst) {
        if name == sym::DICT {
            return Ok(Some(Value::Obj(d)));
        }
        let key = vm.sym_value(name);
        if let Some(v) = super::dictops::get(vm, d, key)? {
            return Ok(Some(v));
        }
    } else if let Some(slot) = inst.shape.get().slot_of(name) {
        return Ok(inst.slots.get(slot));
    }
    if let Some(a) = class_attr {
        if descriptor == Descriptor::NonData {
            return descriptors::get(vm, a, obj, class).map(Some);
        }
        let a = super::slot_wrappers::before_object(vm, class, name, a).unwrap_or(a);
        return bind(vm, a, obj, class).map(Some);
    }
    if let Some(special) = instance_special(vm, obj, o, name)? {
        return Ok(Some(special));
    }
    match super::slot_wrappers::lookup(vm, class, name) {
        Some(w) => bind(vm, w, obj, class).map(Some),
        None => Ok(None),
    }
}

/// Attributes of values of built-in types: their class's native methods, bound.
fn builtin_value_attr(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<Option<Value>> {
    match (obj, vm.sym_str(name)) {
        (Value::Bool(b), "real" | "numerator") => return Ok(Some(Value::Int(b as i64))),
        (Value::Int(_), "real" | "numerator") => return Ok(Some(obj)),
        (Value::Int(_) | Value::Bool(_), "imag") => return Ok(Some(Value::Int(0))),
        (Value::Int(_) | Value::Bool(_), "denominator") => return Ok(Some(Value::Int(1))),
        (Value::Float(_), "real") => return Ok(Some(obj)),
        (Value::Float(_), "imag") => return Ok(Some(Value::Float(0.0))),
        (Value::Obj(_), "real" | "imag") if super::complex::is_complex(obj) => {
            return Ok(super::complex::attribute(obj, vm.sym_str(name)));
        }
        (_, "__class__") => return Ok(Some(Value::Obj(vm.type_of(obj)))),
        _ => {}
    }
    builtin_method(vm, obj, name)
}

fn builtin_method(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<Option<Value>> {
    let class = vm.type_of(obj);
    match class.as_class().and_then(|c| c.lookup(name)) {
        Some(a) => {
            let a = super::slot_wrappers::before_object(vm, class, name, a).unwrap_or(a);
            bind(vm, a, obj, class).map(Some)
        }
        None => {
            if name == sym::CLASS {
                return Ok(Some(Value::Obj(class)));
            }
            match super::slot_wrappers::lookup(vm, class, name) {
                Some(w) => bind(vm, w, obj, class).map(Some),
                None => Ok(None),
            }
        }
    }
}

/// `__class__`, `__dict__` and exception attributes of instances.
fn instance_special(vm: &mut Vm, obj: Value, o: ObjRef, name: Sym) -> PyResult<Option<Value>> {
    if name == sym::CLASS {
        return Ok(Some(Value::Obj(vm.type_of(obj))));
    }
    if name == sym::DICT {
        let ObjKind::Instance(inst) = &o.kind else {
            return Ok(None);
        };
        if slots_of(inst.class).is_some() {
            return Ok(None);
        }
        return materialize_dict(vm, inst).map(|d| Some(Value::Obj(d)));
    }
    if let Some(e) = o.as_exception() {
        let e = e.borrow();
        let is_stop = vm.isinstance(obj, vm.types.stop_iteration);
        return Ok(match vm.sym_str(name) {
            "args" => Some(e.args),
            "value" if is_stop => {
                Some(e.args.obj().and_then(|t| t.as_tuple()).and_then(|t| t.first().copied()).unwrap_or(Value::None))
            }
            // SystemExit.code: no argument is None, one is itself, several are the tuple.
            "code" if vm.isinstance(obj, vm.types.system_exit) => match e.args.obj().and_then(|t| t.as_tuple()) {
                Some([]) => Some(Value::None),
                Some([one]) => Some(*one),
                _ => Some(e.args),
            },
            "__cause__" => Some(e.cause),
            "__context__" => Some(e.context),
            "__suppress_context__" => Some(Value::Bool(e.suppress_context)),
            "__traceback__" => Some(Value::None),
            _ => None,
        });
    }
    Ok(None)
}

/// The dict holding the attributes of an instance in its class's dict shape.
#[inline]
pub fn instance_dict(inst: &Instance) -> Option<ObjRef> {
    if inst.shape.get().dict_mode {
        inst.slots.get(0).and_then(|d| d.as_obj())
    } else {
        None
    }
}

/// `obj.__dict__` of an instance: its attributes move from the slots into a new dict, which is
/// their storage from then on (the instance takes its class's dict shape).
fn materialize_dict(vm: &mut Vm, inst: &Instance) -> PyResult<ObjRef> {
    if let Some(d) = instance_dict(inst) {
        return Ok(d);
    }
    let d = vm.new_dict();
    vm.temp_roots.push(Value::Obj(d));
    let names = &inst.shape.get().names;
    let mut filled = Ok(());
    for (i, n) in names.iter().enumerate() {
        let k = vm.sym_value(*n);
        let v = inst.slots.get(i).unwrap_or(Value::None);
        filled = super::dictops::set(vm, d, k, v);
        if filled.is_err() {
            break;
        }
    }
    vm.temp_roots.pop();
    filled?;
    adopt_dict(inst, d);
    Ok(d)
}

/// Makes `d` the attribute storage of `inst` (dropping its slots).
fn adopt_dict(inst: &Instance, d: ObjRef) {
    let root = inst.class.as_class().map(|c| c.root_shape).unwrap_or_else(Shape::new_root);
    inst.slots.truncate(0);
    inst.slots.push(Value::Obj(d));
    inst.shape.set(root.dict_shape());
}

/// `obj.__dict__ = d`: `d` (a dict) becomes the instance's attribute storage.
fn replace_dict(vm: &mut Vm, inst: &Instance, v: Value) -> PyResult<()> {
    match v.as_obj() {
        Some(d) if d.as_dict().is_some() => {
            adopt_dict(inst, d);
            Ok(())
        }
        _ => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("__dict__ must be set to a dictionary, not a '{tn}'")))
        }
    }
}

fn class_special(vm: &mut Vm, o: ObjRef, name: Sym) -> PyResult<Option<Value>> {
    let Some(c) = o.as_class() else {
        return Ok(None);
    };
    Ok(match vm.sym_str(name) {
        "__name__" => Some(vm.new_str(&c.name.clone())),
        "__qualname__" => Some(vm.new_str(&c.qualname.clone())),
        "__module__" => Some(vm.new_str(&c.module.clone())),
        "__doc__" => Some(Value::None),
        "__base__" => Some(c.base.map(Value::Obj).unwrap_or(Value::None)),
        "__bases__" => {
            let b: Vec<Value> = c.bases.iter().map(|b| Value::Obj(*b)).collect();
            Some(vm.new_tuple(b))
        }
        "__mro__" => {
            let mut m = vec![Value::Obj(o)];
            m.extend(c.ancestors.iter().map(|a| Value::Obj(*a)));
            Some(vm.new_tuple(m))
        }
        "__dict__" => {
            let d = vm.new_dict();
            let order = c.order.borrow().clone();
            for k in order {
                let v = c.dict.borrow().get(&k).copied();
                if let Some(v) = v {
                    let key = vm.sym_value(k);
                    super::dictops::set(vm, d, key, v)?;
                }
            }
            Some(Value::Obj(d))
        }
        "__class__" => Some(Value::Obj(vm.types.type_)),
        "mro" => Some(Value::Obj(vm.alloc(ObjKind::Native(super::object::Native {
            name: "mro",
            func: class_mro,
            receiver: Value::Obj(o),
        })))),
        _ => None,
    })
}

/// `cls.mro()`: the method resolution order as a list.
fn class_mro(vm: &mut Vm, args: &[Value], _kw: &[(Sym, Value)]) -> PyResult<Value> {
    let Some(class) = args.first().and_then(|v| v.as_obj()).filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "descriptor 'mro' of 'type' object needs an argument"));
    };
    let mut m = vec![Value::Obj(class)];
    if let Some(c) = class.as_class() {
        m.extend(c.ancestors.iter().map(|a| Value::Obj(*a)));
    }
    Ok(vm.new_list(m))
}

/// `super(class, receiver).name`.
fn super_lookup(vm: &mut Vm, class: ObjRef, receiver: Value, name: Sym) -> PyResult<Option<Value>> {
    // A class receiver searches its own MRO (`super()` in a classmethod or `__new__`), unless
    // `class` is not in it: then the receiver is an instance of a metaclass (`super()` in a
    // metaclass method), as CPython's `supercheck` decides.
    let class_receiver =
        matches!(receiver, Value::Obj(r) if r.as_class().is_some() && super::types::is_subclass(r, class));
    let start = match receiver {
        Value::Obj(r) if class_receiver => r,
        _ => vm.type_of(receiver),
    };
    let mut mro = vec![start];
    if let Some(c) = start.as_class() {
        mro.extend(c.ancestors.iter().copied());
    }
    let Some(pos) = mro.iter().position(|c| *c == class) else {
        return Err(vm.new_error(vm.types.type_error, "super(type, obj): obj must be an instance or subtype of type"));
    };
    for c in &mro[pos + 1..] {
        let found = c.as_class().and_then(|cc| cc.dict.borrow().get(&name).copied());
        if let Some(a) = found {
            if let Value::Obj(ao) = a {
                if let ObjKind::ClassMethod(f) = &ao.kind {
                    return Ok(Some(Value::Obj(
                        vm.alloc(ObjKind::BoundMethod { receiver: Value::Obj(start), func: *f }),
                    )));
                }
            }
            if class_receiver {
                return Ok(Some(a));
            }
            return bind(vm, a, receiver, start).map(Some);
        }
    }
    match super::slot_wrappers::lookup_in(vm, &mro[pos + 1..], name) {
        Some(w) if class_receiver => Ok(Some(w)),
        Some(w) => bind(vm, w, receiver, start).map(Some),
        None => Ok(None),
    }
}

pub fn attribute_error(vm: &mut Vm, obj: Value, name: Sym) -> crate::interpreter::PyErr {
    let attr = vm.sym_str(name).to_string();
    let msg = match obj {
        Value::Obj(o) => match &o.kind {
            ObjKind::Class(c) => format!("type object '{}' has no attribute '{attr}'", c.name),
            ObjKind::Module(m) => format!("module '{}' has no attribute '{attr}'", m.name),
            ObjKind::Super { .. } => format!("'super' object has no attribute '{attr}'"),
            _ => format!("'{}' object has no attribute '{attr}'", ops::type_name(vm, obj)),
        },
        _ => format!("'{}' object has no attribute '{attr}'", ops::type_name(vm, obj)),
    };
    vm.new_error(vm.types.attribute_error, &msg)
}

/// Fast path of an attribute store; false on a cache miss.
#[inline]
pub fn store_attr_cached(obj: Value, v: Value, caches: &Caches) -> bool {
    let Value::Obj(o) = obj else { return false };
    let ObjKind::Instance(inst) = &o.kind else {
        return false;
    };
    caches.iter().any(|way| store_attr_way(inst, v, way))
}

#[inline]
fn store_attr_way(inst: &Instance, v: Value, cache: &std::cell::Cell<Cache>) -> bool {
    if let Cache::Slot { shape, slot, next, epoch } = cache.get() {
        if std::ptr::eq(inst.shape.get(), shape) && epoch == super::types::class_epoch() {
            if std::ptr::eq(shape, next) {
                return inst.slots.try_set(slot as usize, v);
            } else if inst.slots.len() == slot as usize {
                inst.slots.push(v);
                // SAFETY: `next` came from `Shape::with` (a leaked, never-freed shape).
                inst.shape.set(unsafe { &*next });
                return true;
            }
        }
    }
    false
}

/// Slow path of an attribute store.
pub fn store_attr_slow(vm: &mut Vm, obj: Value, name: Sym, v: Value, cache: &Caches) -> PyResult<()> {
    if let Some(ObjKind::Instance(inst)) = obj.obj().map(|o| &o.kind) {
        if let Some(hook) = descriptors::user_hook(inst.class, sym::SETATTR) {
            return descriptors::call_hook(vm, hook, obj, name, &[v]).map(|_| ());
        }
    }
    store_attr_generic(vm, obj, name, v, cache)
}

/// `object.__setattr__`: a data descriptor's `__set__` (a property's setter), else the
/// instance's own attribute.
pub fn store_attr_generic(vm: &mut Vm, obj: Value, name: Sym, v: Value, cache: &Caches) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        if let ObjKind::Instance(inst) = &o.kind {
            let class_attr = inst.class.as_class().and_then(|c| c.lookup(name));
            if let Some(a) = class_attr.filter(|a| descriptors::descriptor_kind(*a) == Descriptor::Data) {
                return descriptors::set(vm, a, obj, v);
            }
            if let Some(Value::Obj(p)) = class_attr {
                if let ObjKind::Property { fset, .. } = &p.kind {
                    let fset = *fset;
                    if fset.is_none() {
                        let attr = vm.sym_str(name).to_string();
                        let cn = ops::type_name(vm, obj);
                        return Err(vm.new_error(
                            vm.types.attribute_error,
                            &format!("property '{attr}' of '{cn}' object has no setter"),
                        ));
                    }
                    vm.call(fset, &[obj, v], &[])?;
                    return Ok(());
                }
            }
            if let Some(done) = store_exception_attr(vm, o, name, v)? {
                return Ok(done);
            }
            if name == sym::DICT && slots_of(inst.class).is_none() {
                return replace_dict(vm, inst, v);
            }
            if let Some(d) = instance_dict(inst) {
                let key = vm.sym_value(name);
                return super::dictops::set(vm, d, key, v);
            }
            let Some(way) = slot_store_way(inst, name) else {
                let attr = vm.sym_str(name).to_string();
                let cn = ops::type_name(vm, obj);
                return Err(vm.new_error(vm.types.attribute_error, &format!("'{cn}' object has no attribute '{attr}'")));
            };
            if let Cache::Slot { slot, next, .. } = way {
                if std::ptr::eq(inst.shape.get(), next) {
                    inst.slots.set(slot as usize, v);
                } else {
                    inst.slots.push(v);
                    // SAFETY: `next` came from `Shape::with` (a leaked, never-freed shape).
                    inst.shape.set(unsafe { &*next });
                }
            }
            remember(cache, way);
            return Ok(());
        }
    }
    setattr(vm, obj, name, v)
}

/// The inline-cache way of a store of `name` into `inst`'s own (slot) attributes: the slot it
/// has, or the shape transition that appends it; None where the class's `__slots__` do not
/// allow it.
fn slot_store_way(inst: &Instance, name: Sym) -> Option<Cache> {
    let shape = inst.shape.get();
    let epoch = super::types::class_epoch();
    if let Some(slot) = shape.slot_of(name) {
        return Some(Cache::Slot { shape, slot: slot as u32, next: shape, epoch });
    }
    if slots_of(inst.class).is_some_and(|allowed| !allowed.contains(&name)) {
        return None;
    }
    Some(Cache::Slot { shape, slot: inst.slots.len() as u32, next: shape.with(name), epoch })
}

/// Fills `cache` for a store of `name` into the instance `obj` as [`store_attr_generic`] would,
/// without storing: only for a plain attribute (no `__setattr__`, no data descriptor or
/// property on the class, not an exception's or a dict-backed instance's). The JIT's recorder
/// asks before it specializes a `STORE_ATTR` that has not run yet.
pub fn prime_store_cache(obj: Value, name: Sym, cache: &Caches) {
    let Some(o) = obj.as_obj() else { return };
    let ObjKind::Instance(inst) = &o.kind else { return };
    if descriptors::user_hook(inst.class, sym::SETATTR).is_some()
        || o.as_exception().is_some()
        || name == sym::DICT
        || inst.shape.get().dict_mode
    {
        return;
    }
    let class_attr = inst.class.as_class().and_then(|c| c.lookup(name));
    let plain = match class_attr {
        Some(a @ Value::Obj(p)) => {
            descriptors::descriptor_kind(a) != Descriptor::Data && !matches!(p.kind, ObjKind::Property { .. })
        }
        _ => true,
    };
    if plain {
        if let Some(way) = slot_store_way(inst, name) {
            remember(cache, way);
        }
    }
}

/// `BaseException`'s data descriptors: `args`, `__cause__`, `__context__`,
/// `__suppress_context__` and `__traceback__` of an exception are stored in its exception data,
/// where `raise` and tracebacks read them. `None` when `name` is not one of them.
fn store_exception_attr(vm: &mut Vm, o: ObjRef, name: Sym, v: Value) -> PyResult<Option<()>> {
    let Some(data) = o.as_exception() else { return Ok(None) };
    let is_exception = |v: Value| v.is_none() || v.obj().is_some_and(|e| e.as_exception().is_some());
    match vm.sym_str(name) {
        "args" => {
            let items = super::iter::collect(vm, v)?;
            let args = vm.new_tuple(items);
            data.borrow_mut().args = args;
        }
        "__cause__" if is_exception(v) => {
            let mut d = data.borrow_mut();
            d.cause = v;
            d.suppress_context = true;
        }
        "__cause__" => {
            return Err(vm.new_error(vm.types.type_error, "exception cause must be None or derive from BaseException"))
        }
        "__context__" if is_exception(v) => data.borrow_mut().context = v,
        "__context__" => {
            return Err(vm.new_error(vm.types.type_error, "exception context must be None or derive from BaseException"))
        }
        "__suppress_context__" => {
            let flag = ops::truthy(vm, v)?;
            data.borrow_mut().suppress_context = flag;
        }
        "__traceback__" if v.is_none() => data.borrow_mut().traceback.clear(),
        "__traceback__" => return Err(vm.new_error(vm.types.type_error, "__traceback__ must be a traceback or None")),
        _ => return Ok(None),
    }
    Ok(Some(()))
}

/// The attribute names instances of `class` may have, when every class of its MRO declares
/// `__slots__` (otherwise instances have a `__dict__` and any name is allowed).
fn slots_of(class: ObjRef) -> Option<Vec<Sym>> {
    let c = class.as_class()?;
    let mut allowed = c.slots.borrow().clone()?;
    for a in &c.ancestors {
        let ac = a.as_class()?;
        if ac.ancestors.is_empty() {
            break; // object
        }
        allowed.extend(ac.slots.borrow().clone()?);
    }
    // `'__dict__'` among the slots gives the instances a dict after all.
    (!allowed.contains(&sym::DICT)).then_some(allowed)
}

/// `setattr(obj, name, v)`.
pub fn setattr(vm: &mut Vm, obj: Value, name: Sym, v: Value) -> PyResult<()> {
    let Value::Obj(o) = obj else {
        return Err(readonly_error(vm, obj, name));
    };
    match &o.kind {
        ObjKind::Instance(_) => {
            let scratch: Caches = Default::default();
            store_attr_slow(vm, obj, name, v, &scratch)
        }
        ObjKind::Class(c) => {
            if vm.sym_str(name) == "__abstractmethods__" {
                let abstract_now = super::ops::truthy(vm, v)?;
                c.is_abstract.set(abstract_now);
            }
            c.set_attr(name, v);
            super::types::bump_class_epoch();
            Ok(())
        }
        ObjKind::Module(m) => {
            let key = vm.sym_value(name);
            super::dictops::set(vm, m.dict, key, v)
        }
        ObjKind::Function(f) => {
            if vm.sym_str(name) == "__name__" {
                *f.renamed.borrow_mut() = Some(super::strings::as_str(v).unwrap_or("").to_string());
                return Ok(());
            }
            let mut attrs = f.attrs.borrow_mut();
            match attrs.iter_mut().find(|(k, _)| *k == name) {
                Some(slot) => slot.1 = v,
                None => attrs.push((name, v)),
            }
            Ok(())
        }
        _ => Err(readonly_error(vm, obj, name)),
    }
}

fn readonly_error(vm: &mut Vm, obj: Value, name: Sym) -> crate::interpreter::PyErr {
    let attr = vm.sym_str(name).to_string();
    let tn = ops::type_name(vm, obj);
    vm.new_error(vm.types.attribute_error, &format!("'{tn}' object has no attribute '{attr}'"))
}

/// `delattr(obj, name)`.
pub fn delattr(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<()> {
    if let Some(ObjKind::Instance(inst)) = obj.obj().map(|o| &o.kind) {
        if let Some(hook) = descriptors::user_hook(inst.class, sym::DELATTR) {
            return descriptors::call_hook(vm, hook, obj, name, &[]).map(|_| ());
        }
    }
    delattr_generic(vm, obj, name)
}

/// `object.__delattr__`: a data descriptor's `__delete__` (a property's deleter), else the
/// instance's own attribute.
pub fn delattr_generic(vm: &mut Vm, obj: Value, name: Sym) -> PyResult<()> {
    if let Value::Obj(o) = obj {
        match &o.kind {
            ObjKind::Instance(inst) => {
                let class_attr = inst.class.as_class().and_then(|c| c.lookup(name));
                if let Some(a) = class_attr.filter(|a| descriptors::descriptor_kind(*a) == Descriptor::Data) {
                    return descriptors::delete(vm, a, obj);
                }
                if let Some(Value::Obj(p)) = class_attr {
                    if let ObjKind::Property { fdel, .. } = &p.kind {
                        let fdel = *fdel;
                        if fdel.is_none() {
                            let attr = vm.sym_str(name).to_string();
                            let cn = ops::type_name(vm, obj);
                            return Err(vm.new_error(
                                vm.types.attribute_error,
                                &format!("property '{attr}' of '{cn}' object has no deleter"),
                            ));
                        }
                        return vm.call(fdel, &[obj], &[]).map(|_| ());
                    }
                }
                if let Some(d) = instance_dict(inst) {
                    let key = vm.sym_value(name);
                    if super::dictops::remove(vm, d, key)?.is_none() {
                        return Err(attribute_error(vm, obj, name));
                    }
                    return Ok(());
                }
                let shape = inst.shape.get();
                let Some(slot) = shape.slot_of(name) else {
                    return Err(attribute_error(vm, obj, name));
                };
                let root = inst.class.as_class().map(|c| c.root_shape).unwrap_or_else(Shape::new_root);
                let mut new_shape = root;
                for (i, n) in shape.names.iter().enumerate() {
                    if i != slot {
                        new_shape = new_shape.with(*n);
                    }
                }
                inst.slots.remove(slot);
                inst.shape.set(new_shape);
                return Ok(());
            }
            ObjKind::Class(c) => {
                if c.dict.borrow_mut().remove(&name).is_none() {
                    return Err(attribute_error(vm, obj, name));
                }
                c.order.borrow_mut().retain(|n| *n != name);
                super::types::bump_class_epoch();
                return Ok(());
            }
            ObjKind::Module(m) => {
                let key = vm.sym_value(name);
                if super::dictops::remove(vm, m.dict, key)?.is_none() {
                    return Err(attribute_error(vm, obj, name));
                }
                return Ok(());
            }
            _ => {}
        }
    }
    Err(attribute_error(vm, obj, name))
}
