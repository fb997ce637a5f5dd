//! The methods of `dict` (`get`, `setdefault`, `pop`, `popitem`, `keys`, `values`, `items`,
//! `update`, `copy`, `clear`, `fromkeys`), registered as natives on the `dict` class.
//!
//! Key lookups go through [`dictops`](super::dictops), which hashes and compares keys with
//! Python semantics (and so may run `__hash__`/`__eq__`). `keys()`, `values()` and `items()`
//! return live view objects that the iteration and operator code already understands.
//! `update` accepts what CPython's `dict_update_arg` accepts: a dict, any object with a
//! `keys()` method, or an iterable of pairs, plus keyword arguments. Keys and values that are
//! not yet stored in the dict are kept on `temp_roots` while hashing them may call Python.
//! `fromkeys` is a classmethod, so `args[0]` is the class it was called through.

use crate::interpreter::{PyResult, Vm};

use super::attr;
use super::containers::{check_args, check_count, descriptor_error, rooted, Arity, Kw};
use super::dict::Dict;
use super::dictops;
use super::iter as pyiter;
use super::object::{DictViewKind, NativeFn, ObjKind};
use super::ops;
use super::types;
use super::value::{ObjRef, Value};

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("keys", |vm, a, kw| view(vm, a, kw, "keys", DictViewKind::Keys)),
        ("values", |vm, a, kw| view(vm, a, kw, "values", DictViewKind::Values)),
        ("items", |vm, a, kw| view(vm, a, kw, "items", DictViewKind::Items)),
        ("update", update),
        ("copy", copy),
        ("clear", clear),
        // For subclasses, which reach the storage through the class (CPython's slots).
        ("__init__", init_method),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__len__", len),
        ("__iter__", iter),
        ("__repr__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__or__", or),
        ("__ror__", ror),
        ("__ior__", ior),
    ];
    let class = vm.types.dict;
    types::add_methods(vm, class, methods);
    // Dicts are unhashable, and so are the instances of dict subclasses.
    if let Some(c) = class.as_class() {
        c.set_attr(super::interner::sym::HASH, Value::None);
    }
    // `fromkeys` is a classmethod: `dict.fromkeys(...)` and `d.fromkeys(...)` both receive the
    // class first.
    let f = vm.new_native("fromkeys", fromkeys);
    let method = Value::Obj(vm.alloc(ObjKind::ClassMethod(f)));
    let name = vm.intern("fromkeys");
    if let Some(c) = class.as_class() {
        c.set_attr(name, method);
    }
    super::types::bump_class_epoch();
}

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    match args.first().and_then(|v| v.as_obj()) {
        Some(o) if o.as_dict().is_some() => Ok(o),
        _ => Err(descriptor_error(vm, args, "dict", name)),
    }
}

/// Runs `f` on the table of dict `d`. A dict is borrowed only while one of its lookups runs a
/// user `__eq__`; if that `__eq__` mutates the dict, this raises RuntimeError instead of
/// failing the borrow.
fn with_dict<R>(vm: &mut Vm, d: ObjRef, f: impl FnOnce(&mut Dict) -> R) -> PyResult<Option<R>> {
    let Some(cell) = d.as_dict() else {
        return Ok(None);
    };
    match cell.try_borrow_mut() {
        Ok(mut t) => Ok(Some(f(&mut t))),
        Err(_) => Err(vm.new_error(vm.types.runtime_error, "dictionary changed during lookup")),
    }
}

fn key_error(vm: &mut Vm, key: Value) -> crate::interpreter::PyErr {
    vm.new_error_args(vm.types.key_error, vec![key])
}

fn get(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "get", args, kw, Arity::Range(1, 2))?;
    let d = this(vm, args, "get")?;
    let found = dictops::get(vm, d, args[1])?;
    Ok(found.unwrap_or_else(|| args.get(2).copied().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "setdefault", args, kw, Arity::Range(1, 2))?;
    let d = this(vm, args, "setdefault")?;
    if let Some(v) = dictops::get(vm, d, args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::None);
    dictops::set(vm, d, args[1], default)?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "pop", args, kw, Arity::Range(1, 2))?;
    let d = this(vm, args, "pop")?;
    match dictops::remove(vm, d, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(*default),
            None => Err(key_error(vm, args[1])),
        },
    }
}

/// `dict.popitem()`: the most recently inserted pair.
fn popitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "popitem", args, kw, Arity::NoArgs)?;
    let d = this(vm, args, "popitem")?;
    match with_dict(vm, d, Dict::pop_last)?.flatten() {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.new_error(vm.types.key_error, "popitem(): dictionary is empty")),
    }
}

fn view(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, kind: DictViewKind) -> PyResult<Value> {
    check_args(vm, "dict", name, args, kw, Arity::NoArgs)?;
    let d = this(vm, args, name)?;
    Ok(Value::Obj(vm.alloc(ObjKind::DictView(d, kind))))
}

/// `dict.update([other], **kwargs)`.
fn update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_count(vm, "dict", "update", args.len().saturating_sub(1), Arity::Range(0, 1))?;
    let d = this(vm, args, "update")?;
    if let Some(&src) = args.get(1) {
        update_from(vm, d, src)?;
    }
    for &(k, v) in kw {
        let key = vm.sym_value(k);
        dictops::set(vm, d, key, v)?;
    }
    Ok(Value::None)
}

/// Adds the items of `src` to `d` (CPython's `dict_update_arg`).
pub fn update_from(vm: &mut Vm, d: ObjRef, src: Value) -> PyResult<()> {
    if let Some(other) = src.obj().and_then(|o| o.as_dict()) {
        let pairs: Vec<Value> = other.borrow().iter().flat_map(|(k, v)| [k, v]).collect();
        return rooted(vm, &pairs, |vm| {
            for kv in pairs.chunks_exact(2) {
                dictops::set(vm, d, kv[0], kv[1])?;
            }
            Ok(())
        });
    }
    let keys_name = vm.intern("keys");
    match attr::lookup(vm, src, keys_name)? {
        Some(keys) => update_from_mapping(vm, d, src, keys),
        None => update_from_pairs(vm, d, src),
    }
}

/// `update` from an object with `keys()` and `__getitem__`.
fn update_from_mapping(vm: &mut Vm, d: ObjRef, src: Value, keys: Value) -> PyResult<()> {
    let ks = rooted(vm, &[keys], |vm| vm.call(keys, &[], &[]))?;
    rooted(vm, &[ks], |vm| {
        let it = pyiter::get_iter(vm, ks)?;
        rooted(vm, &[it], |vm| {
            while let Some(k) = pyiter::next(vm, it)? {
                rooted(vm, &[k], |vm| {
                    let v = ops::getitem(vm, src, k)?;
                    rooted(vm, &[v], |vm| dictops::set(vm, d, k, v))
                })?;
            }
            Ok(())
        })
    })
}

/// `update` from an iterable of key/value pairs.
fn update_from_pairs(vm: &mut Vm, d: ObjRef, src: Value) -> PyResult<()> {
    let it = pyiter::get_iter(vm, src)?;
    rooted(vm, &[it], |vm| {
        let mut index = 0usize;
        while let Some(item) = pyiter::next(vm, it)? {
            rooted(vm, &[item], |vm| {
                let pair = pair_items(vm, item, index)?;
                rooted(vm, &pair, |vm| {
                    if pair.len() != 2 {
                        let n = pair.len();
                        return Err(vm.new_error(
                            vm.types.value_error,
                            &format!("dictionary update sequence element #{index} has length {n}; 2 is required"),
                        ));
                    }
                    dictops::set(vm, d, pair[0], pair[1])
                })
            })?;
            index += 1;
        }
        Ok(())
    })
}

/// The items of one element of an `update` sequence.
fn pair_items(vm: &mut Vm, item: Value, index: usize) -> PyResult<Vec<Value>> {
    let it = match pyiter::get_iter(vm, item) {
        Ok(it) => it,
        Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.type_error) => {
            return Err(vm.new_error(
                vm.types.type_error,
                &format!("cannot convert dictionary update sequence element #{index} to a sequence"),
            ))
        }
        Err(e) => return Err(e),
    };
    pyiter::collect(vm, it)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "copy", args, kw, Arity::NoArgs)?;
    let d = this(vm, args, "copy")?;
    dictops::copy(vm, Value::Obj(d))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "clear", args, kw, Arity::NoArgs)?;
    let d = this(vm, args, "clear")?;
    with_dict(vm, d, Dict::clear)?;
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`, called with the class (or, when called directly, a
/// dict) as `args[0]`; the result is always a new plain dict.
fn fromkeys(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "fromkeys", args, kw, Arity::Range(1, 2))?;
    let value = args.get(2).copied().unwrap_or(Value::None);
    if args[0].as_obj() != Some(vm.types.dict) {
        // A subclass: `cls()`, then its `__setitem__` for each key, as CPython does.
        let d = vm.call(args[0], &[], &[])?;
        let it = rooted(vm, &[d], |vm| pyiter::get_iter(vm, args[1]))?;
        return rooted(vm, &[d, it], |vm| {
            while let Some(k) = pyiter::next(vm, it)? {
                rooted(vm, &[k], |vm| ops::setitem(vm, d, k, value))?;
            }
            Ok(d)
        });
    }
    let d = vm.new_dict();
    let it = rooted(vm, &[Value::Obj(d)], |vm| pyiter::get_iter(vm, args[1]))?;
    rooted(vm, &[Value::Obj(d), it], |vm| {
        while let Some(k) = pyiter::next(vm, it)? {
            rooted(vm, &[k], |vm| dictops::set(vm, d, k, value))?;
        }
        Ok(Value::Obj(d))
    })
}

/// `d | other` for a dict subclass: a plain dict of both (CPython's `dict.__or__`).
fn or(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_count(vm, "dict", "__or__", args.len().saturating_sub(1), Arity::Range(1, 1))?;
    let d = this(vm, args, "__or__")?;
    if args[1].obj().and_then(|o| o.as_dict()).is_none() {
        return Ok(vm.not_implemented());
    }
    let new = dictops::copy(vm, Value::Obj(d))?;
    let Some(n) = new.as_obj() else { return Ok(new) };
    rooted(vm, &[new], |vm| update_from(vm, n, args[1]))?;
    Ok(new)
}

/// `other | d` for a dict subclass `d`.
fn ror(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_count(vm, "dict", "__ror__", args.len().saturating_sub(1), Arity::Range(1, 1))?;
    let d = this(vm, args, "__ror__")?;
    if args[1].obj().and_then(|o| o.as_dict()).is_none() {
        return Ok(vm.not_implemented());
    }
    let new = dictops::copy(vm, args[1])?;
    let Some(n) = new.as_obj() else { return Ok(new) };
    rooted(vm, &[new], |vm| update_from(vm, n, Value::Obj(d)))?;
    Ok(new)
}

/// `d |= other`: `d.update(other)`, giving `d`.
fn ior(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_count(vm, "dict", "__ior__", args.len().saturating_sub(1), Arity::Range(1, 1))?;
    let d = this(vm, args, "__ior__")?;
    update_from(vm, d, args[1])?;
    Ok(args[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(vm: &mut Vm, e: crate::interpreter::PyErr) -> String {
        ops::str_of(vm, Value::Obj(e.0)).unwrap_or_default()
    }

    fn repr(vm: &mut Vm, v: Value) -> String {
        ops::repr(vm, v).unwrap_or_default()
    }

    #[test]
    fn get_setdefault_pop_popitem() {
        let mut vm = Vm::new();
        let d = Value::Obj(vm.new_dict());
        let a = vm.new_str("a");
        assert!(matches!(setdefault(&mut vm, &[d, a, Value::Int(1)], &[]).ok(), Some(Value::Int(1))));
        assert!(matches!(setdefault(&mut vm, &[d, a, Value::Int(2)], &[]).ok(), Some(Value::Int(1))));
        assert!(matches!(get(&mut vm, &[d, Value::Int(5)], &[]).ok(), Some(Value::None)));
        assert!(matches!(pop(&mut vm, &[d, Value::Int(5), Value::Int(7)], &[]).ok(), Some(Value::Int(7))));
        let e = pop(&mut vm, &[d, Value::Int(5)], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "5");
        let item = popitem(&mut vm, &[d], &[]).unwrap_or(Value::None);
        assert_eq!(repr(&mut vm, item), "('a', 1)");
        let e = popitem(&mut vm, &[d], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "'popitem(): dictionary is empty'");
    }

    #[test]
    fn update_accepts_pairs_and_keywords() {
        let mut vm = Vm::new();
        let d = Value::Obj(vm.new_dict());
        let p1 = vm.new_tuple(vec![Value::Int(1), Value::Int(2)]);
        let p2 = vm.new_list(vec![Value::Int(3), Value::Int(4)]);
        let pairs = vm.new_list(vec![p1, p2]);
        let x = vm.intern("x");
        update(&mut vm, &[d, pairs], &[(x, Value::None)]).ok();
        assert_eq!(repr(&mut vm, d), "{1: 2, 3: 4, 'x': None}");
        let bad = vm.new_list(vec![Value::Int(1)]);
        let e = update(&mut vm, &[d, bad], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "cannot convert dictionary update sequence element #0 to a sequence");
        let t3 = vm.new_tuple(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        let bad = vm.new_list(vec![t3]);
        let e = update(&mut vm, &[d, bad], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "dictionary update sequence element #0 has length 3; 2 is required");
    }

    #[test]
    fn fromkeys_builds_a_dict() {
        let mut vm = Vm::new();
        let class = Value::Obj(vm.types.dict);
        let keys = vm.new_str("ab");
        let d = fromkeys(&mut vm, &[class, keys, Value::Int(0)], &[]).unwrap_or(Value::None);
        assert_eq!(repr(&mut vm, d), "{'a': 0, 'b': 0}");
    }
}

// ---------------------------------------------------------------------------------------------
// The special methods, for instances of dict subclasses

/// `dict.__init__(self, [mapping or pairs], **kw)`: fills the storage.
fn init_method(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_count(vm, "dict", "__init__", args.len().saturating_sub(1), Arity::Range(0, 1))?;
    update(vm, args, kw)
}

/// `d[key]`; a subclass's `__missing__` answers for a missing key.
fn getitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__getitem__", args, kw, Arity::One)?;
    let d = this(vm, args, "__getitem__")?;
    if let Some(v) = dictops::get(vm, d, args[1])? {
        return Ok(v);
    }
    if let Some(missing) = ops::special(vm, args[0], super::interner::sym::MISSING) {
        return ops::call_method_value(vm, missing, &[args[0], args[1]]);
    }
    Err(key_error(vm, args[1]))
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_count(vm, "dict", "__setitem__", args.len().saturating_sub(1), Arity::Range(2, 2))?;
    let d = this(vm, args, "__setitem__")?;
    dictops::set(vm, d, args[1], args[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__delitem__", args, kw, Arity::One)?;
    let d = this(vm, args, "__delitem__")?;
    match dictops::remove(vm, d, args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(key_error(vm, args[1])),
    }
}

fn contains(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__contains__", args, kw, Arity::One)?;
    let d = this(vm, args, "__contains__")?;
    Ok(Value::Bool(dictops::get(vm, d, args[1])?.is_some()))
}

fn len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__len__", args, kw, Arity::NoArgs)?;
    let d = this(vm, args, "__len__")?;
    Ok(Value::Int(d.as_dict().map_or(0, |t| t.borrow().len()) as i64))
}

fn iter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__iter__", args, kw, Arity::NoArgs)?;
    let d = this(vm, args, "__iter__")?;
    let view = Value::Obj(vm.alloc(ObjKind::DictView(d, DictViewKind::Keys)));
    rooted(vm, &[view], |vm| pyiter::get_iter(vm, view))
}

fn repr(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__repr__", args, kw, Arity::NoArgs)?;
    let d = this(vm, args, "__repr__")?;
    let text = super::repr::dict_repr(vm, d)?;
    Ok(vm.new_string(text))
}

fn eq(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "dict", "__eq__", args, kw, Arity::One)?;
    let d = this(vm, args, "__eq__")?;
    if args[1].obj().and_then(|o| o.as_dict()).is_none() {
        return Ok(vm.not_implemented());
    }
    dictops::dict_eq(vm, Value::Obj(d), args[1]).map(Value::Bool)
}

fn ne(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let r = eq(vm, args, kw)?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}
