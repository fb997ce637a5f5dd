//! Dict operations with Python semantics on top of the [`Dict`](super::dict::Dict) table:
//! hashing keys (which may call `__hash__`), comparing them (which may call `__eq__`), and the
//! bulk operations the bytecode needs (`{**d}`, `f(**d)`).

use crate::interpreter::{PyResult, Vm};

use super::dict::Dict;
use super::interner::Sym;
use super::object::ObjKind;
use super::ops;
use super::value::{ObjRef, Value};

fn dict_of(vm: &mut Vm, d: ObjRef) -> PyResult<&'static std::cell::RefCell<Dict>> {
    match Value::Obj(d).obj().and_then(|o| o.as_dict()) {
        Some(x) => Ok(x),
        _ => Err(vm.new_error(vm.types.type_error, "expected a dict")),
    }
}

/// `d.get(key)` without default: `None` when missing.
pub fn get(vm: &mut Vm, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
    let h = ops::hash(vm, key)?;
    let dict = dict_of(vm, d)?;
    let guard = dict.borrow();
    guard.get(key, h, &mut |a, b| ops::eq(vm, a, b))
}

/// `d[key] = value`.
pub fn set(vm: &mut Vm, d: ObjRef, key: Value, value: Value) -> PyResult<()> {
    let h = ops::hash(vm, key)?;
    let dict = dict_of(vm, d)?;
    let found = {
        let guard = dict.borrow();
        guard.find(key, h, &mut |a, b| ops::eq(vm, a, b))?
    };
    let Ok(mut guard) = dict.try_borrow_mut() else {
        return Err(vm.new_error(vm.types.runtime_error, "dictionary changed during lookup"));
    };
    match found {
        Some(i) => guard.set_value_at(i, value),
        None => guard.insert_new(key, h, value),
    }
    Ok(())
}

/// `d.pop(key)`: the removed value, if present.
pub fn remove(vm: &mut Vm, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
    let h = ops::hash(vm, key)?;
    let dict = dict_of(vm, d)?;
    let found = {
        let guard = dict.borrow();
        guard.find(key, h, &mut |a, b| ops::eq(vm, a, b))?
    };
    let Ok(mut guard) = dict.try_borrow_mut() else {
        return Err(vm.new_error(vm.types.runtime_error, "dictionary changed during lookup"));
    };
    Ok(found.map(|i| guard.remove_at(i).value))
}

/// The (key, value) pairs of a mapping value.
pub fn items_of(vm: &mut Vm, src: Value) -> PyResult<Vec<(Value, Value)>> {
    if let Value::Obj(o) = src {
        if let ObjKind::Dict(d) = &o.kind {
            return Ok(d.borrow().iter().collect());
        }
        // Mappings with keys() and __getitem__.
        let keys_sym = vm.intern("keys");
        if let Some(keys) = super::attr::lookup(vm, src, keys_sym)? {
            let ks = vm.call(keys, &[], &[])?;
            let ks = super::iter::collect(vm, ks)?;
            // The keys and the values fetched so far stay reachable from a rooted list while
            // __getitem__ runs Python code.
            let holder = vm.new_list(ks.clone());
            vm.temp_roots.push(holder);
            let result = (|| {
                let mut out = Vec::new();
                for k in ks {
                    let v = ops::getitem(vm, src, k)?;
                    if let Some(l) = holder.obj().and_then(|o| o.as_list()) {
                        l.borrow_mut().push(v);
                    }
                    out.push((k, v));
                }
                Ok(out)
            })();
            vm.temp_roots.pop();
            return result;
        }
    }
    let tn = ops::type_name(vm, src);
    Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object is not a mapping")))
}

/// `DICT_UPDATE`/`DICT_MERGE`: adds the items of `src` to dict `d`. For `DICT_MERGE`, `merge`
/// is the function being called (duplicate keys are errors that name it).
pub fn update_from(vm: &mut Vm, d: Value, src: Value, merge: Option<Value>) -> PyResult<()> {
    let Some(dobj) = d.as_obj() else {
        return Ok(());
    };
    let items = items_of(vm, src)?;
    for (k, v) in items {
        if let Some(func) = merge {
            if get(vm, dobj, k)?.is_some() {
                let ks = ops::str_of(vm, k)?;
                let fname = function_str(vm, func);
                return Err(vm.new_error(
                    vm.types.type_error,
                    &format!("{fname} got multiple values for keyword argument '{ks}'"),
                ));
            }
        }
        set(vm, dobj, k, v)?;
    }
    Ok(())
}

/// The items of a `**kwargs` dict as interned names (keys must be str).
pub fn kwargs_pairs(vm: &mut Vm, src: Value) -> PyResult<Vec<(Sym, Value)>> {
    let items = items_of(vm, src)?;
    let mut out = Vec::with_capacity(items.len());
    for (k, v) in items {
        let Some(name) = super::strings::as_str(k).map(|s| s.to_string()) else {
            return Err(vm.new_error(vm.types.type_error, "keywords must be strings"));
        };
        out.push((vm.intern(&name), v));
    }
    Ok(out)
}

/// A shallow copy of a dict value.
pub fn copy(vm: &mut Vm, d: Value) -> PyResult<Value> {
    let Some(o) = d.as_obj() else { return Ok(d) };
    let dict = dict_of(vm, o)?.borrow().clone();
    Ok(Value::Obj(vm.alloc(ObjKind::Dict(std::cell::RefCell::new(dict)))))
}

/// `a == b` for two dicts.
pub fn dict_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else {
        return Ok(false);
    };
    let items = items_of(vm, a)?;
    let blen = dict_of(vm, bo)?.borrow().len();
    let _ = ao;
    if items.len() != blen {
        return Ok(false);
    }
    for (k, v) in items {
        match get(vm, bo, k)? {
            Some(bv) => {
                if !ops::eq(vm, v, bv)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// How CPython names a callable in call errors: `module.qualname()`.
pub fn function_str(vm: &mut Vm, f: Value) -> String {
    match f.obj().map(|o| &o.kind) {
        Some(ObjKind::Function(func)) => {
            let module = func.globals.as_dict().and_then(|d| {
                let key = vm.sym_value(super::interner::sym::NAME);
                let h = super::strings::hash_sym_value(key);
                d.borrow().get(key, h, &mut |a, b| Ok(a.is(b))).ok().flatten()
            });
            let module = module.and_then(|m| super::strings::as_str(m).map(|s| s.to_string())).unwrap_or_default();
            format!("{module}.{}()", func.qualname())
        }
        Some(ObjKind::Native(n)) => format!("{}()", n.name),
        _ => {
            let tn = ops::type_name(vm, f);
            format!("{tn} object")
        }
    }
}
