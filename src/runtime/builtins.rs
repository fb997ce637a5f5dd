//! The `builtins` module: `print`, `len`, `range`, `sorted`, `isinstance`, ... and the
//! constructors of the built-in types.
//!
//! Every builtin is a [`NativeFn`](super::object::NativeFn) taking positional arguments and
//! keyword (name, value) pairs. Builtins that call back into Python (`sorted` with a key,
//! `min`/`max`, `sum`, `map`) keep their intermediate values on `Vm::temp_roots` or in heap
//! objects rooted there, because a collection can happen inside the callback.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::CompareOp;
use crate::interpreter::{PyResult, Vm};

use super::attr;
use super::int;
use super::interner::{sym, Sym};
use super::iter as pyiter;
use super::object::{IterState, NativeFn, ObjKind, Range};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

/// Registers the builtins and the constructors of the built-in classes.
pub fn init(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("chr", chr),
        ("ord", ord),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("repr", repr),
        ("hex", hex),
        ("vars", vars),
        ("open", super::textio::open),
        ("input", super::stdio::input),
        ("bin", bin),
        ("oct", oct),
        ("format", format),
        ("callable", callable),
        ("__build_class__", types::build_class),
        ("globals", globals),
        ("eval", crate::interpreter::exec::eval),
        ("exec", crate::interpreter::exec::exec),
        ("compile", crate::interpreter::exec::compile),
    ];
    for &(name, f) in funcs {
        let v = vm.new_native(name, f);
        set_builtin(vm, name, v);
    }
    for (name, class) in vm.types.all() {
        // Iterator classes are reachable through type(); their names stay bound to the
        // builtin functions that create them.
        let io =
            matches!(name, "BytesIO" | "BufferedReader" | "BufferedWriter" | "BufferedRandom" | "UnsupportedOperation");
        if !matches!(name, "enumerate" | "zip" | "map" | "filter") && !name.contains("iterator") && !io {
            set_builtin(vm, name, Value::Obj(class));
        }
    }
    let t = &vm.types;
    let ctors: Vec<(ObjRef, NativeFn)> = vec![
        (t.int, int_new),
        (t.float, float_new),
        (t.bool_, bool_new),
        (t.str_, str_new),
        (t.list, list_new),
        (t.tuple, tuple_new),
        (t.dict, dict_new),
        (t.set, set_new),
        (t.frozenset, frozenset_new),
        (t.range, range_new),
        (t.type_, type_new),
        (t.object, object_new),
        (t.property, property_new),
        (t.staticmethod, staticmethod_new),
        (t.classmethod, classmethod_new),
        (t.super_, super_new),
        (t.slice, slice_new),
    ];
    for (class, f) in ctors {
        types::set_constructor(class, f);
    }
    let object = vm.types.object;
    types::add_methods(vm, object, &[("__init__", types::object_init)]);
    let base_exc = vm.types.base_exception;
    types::add_methods(vm, base_exc, &[("__init__", types::exception_init)]);
    let os_error = vm.types.os_error;
    types::add_methods(vm, os_error, &[("__init__", types::os_error_init), ("__str__", types::os_error_str)]);
    let list = vm.types.list;
    types::add_methods(vm, list, &[("__init__", list_init)]);
    let range = vm.types.range;
    types::add_methods(vm, range, &[("index", range_index), ("count", range_count)]);
    let none = Value::None;
    set_builtin(vm, "None", none);
    // What a class body made by `exec` in a fresh namespace finds as `__name__`.
    let module_name = vm.new_str("builtins");
    set_builtin(vm, "__name__", module_name);
    let ni = vm.not_implemented();
    set_builtin(vm, "NotImplemented", ni);
    let el = Value::Obj(vm.singletons.ellipsis);
    set_builtin(vm, "Ellipsis", el);
    super::dunders::init(vm);
    super::str_methods::init(vm);
    super::bytes_methods::init(vm);
    super::complex::init(vm);
    super::metaclass::init(vm);
    super::containers::init(vm);
    super::modules::init(vm);
    super::introspect::init(vm);
    crate::interpreter::generator::init(vm);
}

pub fn set_builtin(vm: &mut Vm, name: &str, v: Value) {
    let s = vm.intern(name);
    let key = vm.sym_value(s);
    let b = vm.builtins;
    if let Some(d) = b.as_dict() {
        let h = strings::hash_sym_value(key);
        let _ = d.borrow_mut().insert(key, h, v, &mut |a, b| Ok(a.is(b)));
    }
}

/// Finds keyword argument `name`.
pub fn kwarg(kw: Kw, name: Sym) -> Option<Value> {
    kw.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

/// Rejects unknown keyword arguments.
pub fn no_kwargs(vm: &mut Vm, fname: &str, kw: Kw) -> PyResult<()> {
    if let Some((k, _)) = kw.first() {
        let k = vm.sym_str(*k).to_string();
        return Err(vm.new_error(vm.types.type_error, &format!("{fname}() got an unexpected keyword argument '{k}'")));
    }
    Ok(())
}

/// Checks the positional argument count.
pub fn arity(vm: &mut Vm, fname: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            if min == 0 {
                format!("{fname}() takes no arguments ({} given)", args.len())
            } else if min == 1 {
                format!("{fname}() takes exactly one argument ({} given)", args.len())
            } else {
                format!("{fname}() takes exactly {min} arguments ({} given)", args.len())
            }
        } else if args.len() < min {
            format!("{fname} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, args.len())
        } else {
            format!("{fname} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, args.len())
        };
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Output

fn print(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for &(k, v) in kw {
        match k {
            sym::SEP | sym::END if !v.is_none() => {
                let Some(text) = strings::as_str(v) else {
                    let what = if k == sym::SEP { "sep" } else { "end" };
                    let tn = ops::type_name(vm, v);
                    return Err(
                        vm.new_error(vm.types.type_error, &format!("{what} must be None or a string, not {tn}"))
                    );
                };
                if k == sym::SEP {
                    sep = text.to_string();
                } else {
                    end = text.to_string();
                }
            }
            sym::FILE_KW => file = v,
            sym::FLUSH => flush = ops::truthy(vm, v)?,
            sym::SEP | sym::END => {}
            _ => {
                let n = vm.sym_str(k).to_string();
                return Err(
                    vm.new_error(vm.types.type_error, &format!("'{n}' is an invalid keyword argument for print()"))
                );
            }
        }
    }
    if file.is_none() {
        file = super::stdio::current(vm, super::stdio::Std::Out)?;
        if file.is_none() {
            return Ok(Value::None);
        }
    }
    vm.temp_roots.push(file);
    let result = (|| {
        if let Some(ObjKind::TextIO(_)) = file.obj().map(|o| &o.kind) {
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&ops::str_of(vm, *a)?);
            }
            out.push_str(&end);
            super::modules::write_to(vm, file, &out)?;
        } else {
            // Any other object with a `write` method gets each piece in its own call, as in
            // CPython.
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    super::modules::write_to(vm, file, &sep)?;
                }
                let text = ops::str_of(vm, *a)?;
                super::modules::write_to(vm, file, &text)?;
            }
            super::modules::write_to(vm, file, &end)?;
        }
        if flush {
            super::stdio::flush_file(vm, file)?;
        }
        Ok(Value::None)
    })();
    vm.temp_roots.pop();
    result
}

// ---------------------------------------------------------------------------------------------
// Simple functions

/// Whether `func` is the built-in `len` (a trace computes it directly, `_CALL_LEN`).
pub fn is_isinstance(func: super::object::NativeFn) -> bool {
    std::ptr::fn_addr_eq(func, isinstance as super::object::NativeFn)
}

/// Whether `func` is the built-in `len`.
pub fn is_len(func: super::object::NativeFn) -> bool {
    std::ptr::fn_addr_eq(func, len as super::object::NativeFn)
}

/// `len(v)` of a built-in container or str, which runs no Python code and cannot fail; None
/// for anything else.
pub fn native_len(v: Value) -> Option<usize> {
    Some(match &v.as_obj()?.kind {
        ObjKind::Str(s) => strings::char_len(s),
        ObjKind::List(l) => l.try_borrow().ok()?.len(),
        ObjKind::Tuple(t) => t.len(),
        ObjKind::Dict(d) => d.try_borrow().ok()?.len(),
        ObjKind::Set(s) => s.try_borrow().ok()?.len(),
        ObjKind::FrozenSet(s) => s.len(),
        _ => return None,
    })
}

fn len(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(vm, "len", kw)?;
    arity(vm, "len", args, 1, 1)?;
    Ok(Value::Int(ops::len(vm, args[0])? as i64))
}

pub(crate) fn abs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "abs", args, 1, 1)?;
    match args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => int::from_bigint(vm, BigInt::from(i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(x) => Ok(Value::Float(x.abs())),
        v => {
            if let Some(b) = int::to_bigint(v) {
                return Ok(int::from_bigint(vm, b.abs()));
            }
            if let Some(r) = super::complex::unary(vm, v, 'a')? {
                return Ok(r);
            }
            if let Some(r) = ops::call_special(vm, v, sym::ABS, &[])? {
                return Ok(r);
            }
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CompareOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CompareOp::Gt)
}

fn min_max(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, op: CompareOp) -> PyResult<Value> {
    let key = kwarg(kw, sym::KEY).filter(|k| !k.is_none());
    let default = kwarg(kw, sym::DEFAULT);
    for (k, _) in kw {
        if *k != sym::KEY && *k != sym::DEFAULT {
            let n = vm.sym_str(*k).to_string();
            return Err(
                vm.new_error(vm.types.type_error, &format!("{name}() got an unexpected keyword argument '{n}'"))
            );
        }
    }
    let items = if args.len() == 1 {
        pyiter::collect(vm, args[0])?
    } else if args.is_empty() {
        return Err(vm.new_error(vm.types.type_error, &format!("{name} expected at least 1 argument, got 0")));
    } else {
        if default.is_some() {
            return Err(vm.new_error(
                vm.types.type_error,
                &format!("Cannot specify a default for {name}() with multiple positional arguments"),
            ));
        }
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.new_error(vm.types.value_error, &format!("{name}() arg is an empty sequence"))),
        };
    }
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let result = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call(k, &[best], &[])?,
            None => best,
        };
        vm.temp_roots.push(best_key);
        for &item in &items[1..] {
            let k = match key {
                Some(kf) => vm.call(kf, &[item], &[])?,
                None => item,
            };
            vm.temp_roots.push(k);
            let better = ops::compare(vm, op, k, best_key)?;
            if ops::truthy(vm, better)? {
                best = item;
                best_key = k;
            }
        }
        Ok(best)
    })();
    vm.temp_roots.truncate(mark);
    result
}

fn sum(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    arity(vm, "sum", args, 1, 2)?;
    let mut acc = args.get(1).copied().or_else(|| kwarg(kw, sym::START)).unwrap_or(Value::Int(0));
    if strings::as_str(acc).is_some() {
        return Err(vm.new_error(vm.types.type_error, "sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = pyiter::get_iter(vm, args[0])?;
    let mark = vm.temp_roots.len();
    // The iterator, the running total and the item stay rooted: the next item may come from a
    // generator and the addition may run Python code, either of which can collect garbage.
    vm.temp_roots.extend_from_slice(&[it, acc, Value::None]);
    let result = (|| {
        // A generator runs on, adding what it yields to the total, while the sum is plain
        // numbers; from the first value that is not, the loop below takes over.
        let mut first = None;
        if let (Some(g), true) = (drainable(it), matches!(acc, Value::Int(_) | Value::Float(_))) {
            let total = vm.alloc(ObjKind::Cell(std::cell::Cell::new(acc)));
            vm.temp_roots.push(Value::Obj(total));
            let stopped = vm.generator_drain(g, crate::interpreter::Sink::Sum(total));
            vm.temp_roots.pop();
            if let ObjKind::Cell(t) = &total.kind {
                acc = t.get();
            }
            vm.temp_roots[mark + 1] = acc;
            match stopped? {
                None => return Ok(acc),
                Some(v) => first = Some(v),
            }
        }
        while let Some(v) = match first.take() {
            Some(v) => Some(v),
            None => pyiter::next(vm, it)?,
        } {
            vm.temp_roots[mark + 2] = v;
            acc = match int::fast_binary(0, acc, v) {
                Some(r) => r,
                None => ops::binary_op(vm, crate::bytecode::BinaryOp::Add, false, acc, v)?,
            };
            vm.temp_roots[mark + 1] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(mark);
    result
}

/// A stable merge sort with a fallible "less than" (Rust's `sort_by` may panic on
/// inconsistent orderings; user `__lt__` can be inconsistent).
pub fn merge_sort<T: Copy>(
    vm: &mut Vm,
    items: &mut Vec<T>,
    lt: &mut dyn FnMut(&mut Vm, T, T) -> PyResult<bool>,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for small runs, then bottom-up merging.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && lt(vm, items[j], items[j - 1])? {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    let mut buf = items.clone();
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if lt(vm, items[j], items[i])? {
                    buf[k] = items[j];
                    j += 1;
                } else {
                    buf[k] = items[i];
                    i += 1;
                }
                k += 1;
            }
            while i < mid {
                buf[k] = items[i];
                i += 1;
                k += 1;
            }
            while j < end {
                buf[k] = items[j];
                j += 1;
                k += 1;
            }
            start = end;
        }
        std::mem::swap(items, &mut buf);
        width *= 2;
    }
    Ok(())
}

/// Sorts values in place like `list.sort(key=..., reverse=...)`.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let result = (|| {
        let keys: Vec<Value> = match key {
            Some(k) => {
                let mut ks = Vec::with_capacity(items.len());
                for &item in items.iter() {
                    let kv = vm.call(k, &[item], &[])?;
                    vm.temp_roots.push(kv);
                    ks.push(kv);
                }
                ks
            }
            None => items.clone(),
        };
        let mut idx: Vec<usize> = (0..items.len()).collect();
        // A stable sort by the reversed comparison keeps equal items in their original order,
        // which is what `reverse=True` promises.
        merge_sort(vm, &mut idx, &mut |vm, a, b| {
            let (ka, kb) = if reverse { (keys[b], keys[a]) } else { (keys[a], keys[b]) };
            if let (Value::Int(x), Value::Int(y)) = (ka, kb) {
                return Ok(x < y);
            }
            let r = ops::compare(vm, CompareOp::Lt, ka, kb)?;
            ops::truthy(vm, r)
        })?;
        let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
        *items = sorted;
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    result
}

fn sorted(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    arity(vm, "sorted", args, 1, 1)?;
    let key = kwarg(kw, sym::KEY).filter(|k| !k.is_none());
    let reverse = match kwarg(kw, sym::REVERSE) {
        Some(r) => ops::truthy(vm, r)?,
        None => false,
    };
    let mut items = pyiter::collect(vm, args[0])?;
    sort_values(vm, &mut items, key, reverse)?;
    Ok(vm.new_list(items))
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "reversed", args, 1, 1)?;
    let v = args[0];
    if let Value::Obj(o) = v {
        match &o.kind {
            ObjKind::List(l) => {
                let n = l.borrow().len();
                return Ok(pyiter::make_iter(vm, IterState::Reversed { seq: o, index: n }));
            }
            ObjKind::Tuple(t) => {
                let n = t.len();
                return Ok(pyiter::make_iter(vm, IterState::Reversed { seq: o, index: n }));
            }
            ObjKind::Range(r) => {
                let n = r.len();
                let (start, step) = (r.start + (n - 1) * r.step, -r.step);
                let stop = r.start - r.step;
                let _ = n;
                return Ok(pyiter::make_iter(vm, IterState::Range { next: start, stop, step }));
            }
            ObjKind::Class(c) if c.metaclass.get().is_some() => {
                let rev = vm.intern("__reversed__");
                if let Some(r) = ops::call_special(vm, v, rev, &[])? {
                    return Ok(r);
                }
            }
            ObjKind::Instance(_) => {
                let rev = vm.intern("__reversed__");
                if let Some(r) = ops::call_special(vm, v, rev, &[])? {
                    return Ok(r);
                }
                if let Some(l) = o.as_list() {
                    let n = l.borrow().len();
                    return Ok(pyiter::make_iter(vm, IterState::Reversed { seq: o, index: n }));
                }
            }
            _ => {}
        }
    }
    let is_sequence = match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Str(_) | ObjKind::Array(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => true,
        Some(ObjKind::Instance(i)) => i.class.as_class().and_then(|c| c.lookup(sym::GETITEM)).is_some(),
        _ => false,
    };
    if !is_sequence {
        let tn = ops::type_name(vm, v);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object is not reversible")));
    }
    let items = pyiter::collect(vm, v)?;
    let n = items.len();
    let l = vm.new_list(items);
    let Some(lo) = l.as_obj() else {
        return Ok(Value::None);
    };
    Ok(pyiter::make_iter(vm, IterState::Reversed { seq: lo, index: n }))
}

fn enumerate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    arity(vm, "enumerate", args, 1, 2)?;
    let start = args.get(1).copied().or_else(|| kwarg(kw, sym::START)).unwrap_or(Value::Int(0));
    let it = pyiter::get_iter(vm, args[0])?;
    Ok(pyiter::make_iter(vm, IterState::Enumerate { it, count: start }))
}

fn zip(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut its = Vec::with_capacity(args.len());
    for &a in args {
        let it = pyiter::get_iter(vm, a)?;
        vm.temp_roots.push(it);
        its.push(it);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - its.len());
    Ok(pyiter::make_iter(vm, IterState::Zip { its }))
}

fn map(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.new_error(vm.types.type_error, "map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        let it = pyiter::get_iter(vm, a)?;
        vm.temp_roots.push(it);
        its.push(it);
    }
    vm.temp_roots.truncate(vm.temp_roots.len() - its.len());
    Ok(pyiter::make_iter(vm, IterState::Map { func: args[0], its }))
}

fn filter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "filter", args, 2, 2)?;
    let it = pyiter::get_iter(vm, args[1])?;
    Ok(pyiter::make_iter(vm, IterState::Filter { func: args[0], it }))
}

/// The generator a built-in may drain ([`Vm::generator_drain`]): `it` itself, when it is one.
fn drainable(it: Value) -> Option<crate::runtime::value::ObjRef> {
    it.as_obj().filter(|o| matches!(o.kind, ObjKind::Generator(_)))
}

fn any(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "any", args, 1, 1)?;
    truth_search(vm, args[0], true).map(Value::Bool)
}

fn all(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "all", args, 1, 1)?;
    truth_search(vm, args[0], false).map(|found| Value::Bool(!found))
}

/// Whether `iterable` has an item whose truth is `wanted` (`any`; `all` asks for a false one),
/// asking for no item past it. A generator runs on past the items whose truth is plain and not
/// the one wanted, without suspending.
fn truth_search(vm: &mut Vm, iterable: Value, wanted: bool) -> PyResult<bool> {
    let it = pyiter::get_iter(vm, iterable)?;
    vm.temp_roots.push(it);
    let r = (|| {
        let mut first = match drainable(it) {
            Some(g) => match vm.generator_drain(g, crate::interpreter::Sink::Until(wanted))? {
                None => return Ok(false),
                Some(v) => Some(v),
            },
            None => None,
        };
        while let Some(v) = match first.take() {
            Some(v) => Some(v),
            None => pyiter::next(vm, it)?,
        } {
            if ops::truthy(vm, v)? == wanted {
                return Ok(true);
            }
        }
        Ok(false)
    })();
    vm.temp_roots.pop();
    r
}

/// Whether class `sub` is a subclass of `spec` (a class or a tuple of them) for `isinstance` and
/// `issubclass`: by the method resolution order, or by the class's `__subclasshook__` (the
/// abstract base classes of `collections.abc` decide with it, since stitch has no
/// metaclasses to put `__subclasscheck__` on).
pub fn class_check(vm: &mut Vm, spec: Value, sub: ObjRef, fname: &str) -> PyResult<bool> {
    match spec {
        Value::Obj(o) => match &o.kind {
            ObjKind::Class(c) => {
                if types::is_subclass(sub, o) {
                    return Ok(true);
                }
                let hook_name = vm.intern("__subclasshook__");
                if let Some(Value::Obj(h)) = c.lookup(hook_name) {
                    if let ObjKind::ClassMethod(f) = &h.kind {
                        if matches!(f.obj().map(|f| &f.kind), Some(ObjKind::Function(_))) {
                            let r = vm.call(*f, &[spec, Value::Obj(sub)], &[])?;
                            return Ok(matches!(r, Value::Bool(true)));
                        }
                    }
                }
                Ok(false)
            }
            ObjKind::Tuple(t) => {
                for &c in t.iter() {
                    if class_check(vm, c, sub, fname)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(vm.new_error(
                vm.types.type_error,
                &format!("{fname}() arg 2 must be a type, a tuple of types, or a union"),
            )),
        },
        _ => Err(
            vm.new_error(vm.types.type_error, &format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))
        ),
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "isinstance", args, 2, 2)?;
    let t = vm.type_of(args[0]);
    if let Some(r) = meta_check(vm, args[1], t, args[0], "__instancecheck__")? {
        return Ok(Value::Bool(r));
    }
    let r = class_check(vm, args[1], t, "isinstance")?;
    Ok(Value::Bool(r))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "issubclass", args, 2, 2)?;
    let Some(c) = args[0].as_obj().filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "issubclass() arg 1 must be a class"));
    };
    if let Some(r) = meta_check(vm, args[1], c, args[0], "__subclasscheck__")? {
        return Ok(Value::Bool(r));
    }
    let r = class_check(vm, args[1], c, "issubclass")?;
    Ok(Value::Bool(r))
}

/// `isinstance`/`issubclass` against a class whose metaclass defines the hook `hook`
/// (`abc.ABCMeta`): the hook decides, after the exact-type shortcut CPython takes. Tuples of
/// classes are checked one by one.
fn meta_check(vm: &mut Vm, spec: Value, sub: ObjRef, arg: Value, hook: &str) -> PyResult<Option<bool>> {
    if let Some(items) = spec.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) {
        if !items.iter().any(|c| c.as_obj().is_some_and(|o| super::metaclass::metaclass_of(o).is_some())) {
            return Ok(None);
        }
        for c in items {
            let hit = match meta_check(vm, c, sub, arg, hook)? {
                Some(r) => r,
                None => class_check(vm, c, sub, if hook == "__instancecheck__" { "isinstance" } else { "issubclass" })?,
            };
            if hit {
                return Ok(Some(true));
            }
        }
        return Ok(Some(false));
    }
    let Some(class) = spec.as_obj().filter(|o| super::metaclass::metaclass_of(*o).is_some()) else {
        return Ok(None);
    };
    if hook == "__instancecheck__" && sub == class {
        return Ok(Some(true));
    }
    let name = vm.intern(hook);
    match super::metaclass::call_meta_special(vm, class, name, &[arg])? {
        Some(r) => ops::truthy(vm, r).map(Some),
        None => Ok(None),
    }
}

fn attr_name(vm: &mut Vm, v: Value, fname: &str) -> PyResult<Sym> {
    match strings::as_str(v) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("{fname}(): attribute name must be string, not '{tn}'")))
        }
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1], "hasattr")?;
    match attr::lookup(vm, args[0], name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.attribute_error) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1], "getattr")?;
    match attr::lookup(vm, args[0], name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(2) {
            Some(d) => Ok(*d),
            None => Err(attr::attribute_error(vm, args[0], name)),
        },
        Err(e) if args.len() == 3 && vm.isinstance(Value::Obj(e.0), vm.types.attribute_error) => Ok(args[2]),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1], "setattr")?;
    attr::setattr(vm, args[0], name, args[2])?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1], "delattr")?;
    attr::delattr(vm, args[0], name)?;
    Ok(Value::None)
}

fn id(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "id", args, 1, 1)?;
    Ok(Value::Int(match args[0] {
        Value::Obj(o) => o.addr() as i64,
        Value::Int(i) => i.wrapping_mul(2654435761) & i64::MAX,
        Value::Float(x) => (x.to_bits() >> 1) as i64,
        Value::Bool(b) => 0x1000 + b as i64,
        _ => 0x2000,
    }))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(ops::hash(vm, args[0])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "iter", args, 1, 2)?;
    if let [callable, sentinel] = args {
        if !is_callable(*callable) {
            return Err(vm.new_error(vm.types.type_error, "iter(v, w): v must be callable"));
        }
        return Ok(Value::Obj(vm.alloc(ObjKind::Iterator(super::pincell::PinCell::new(
            super::object::IterState::Callable { func: *callable, sentinel: *sentinel },
        )))));
    }
    pyiter::get_iter(vm, args[0])
}

/// `vars(obj)`: the instance's attributes (a module's or class's namespace) as a dict.
fn vars(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "vars", args, 1, 1)?;
    match attr::lookup(vm, args[0], sym::DICT)? {
        Some(d) => Ok(d),
        None => Err(vm.new_error(vm.types.type_error, "vars() argument must have __dict__ attribute")),
    }
}

fn next(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "next", args, 1, 2)?;
    let default = args.get(1).copied();
    let it = args[0];
    // Generators and user iterators: keep the StopIteration they end with (and its value).
    let stop = match it.obj().map(|o| &o.kind) {
        Some(ObjKind::Generator(_)) => {
            let Some(g) = it.as_obj() else {
                return Ok(Value::None);
            };
            match vm.generator_resume(g)? {
                Some(crate::interpreter::Exit::Yield(v)) => return Ok(v),
                Some(crate::interpreter::Exit::Return(v)) if !v.is_none() => {
                    vm.new_error_args(vm.types.stop_iteration, vec![v])
                }
                _ => vm.new_error_args(vm.types.stop_iteration, vec![]),
            }
        }
        Some(ObjKind::Instance(_)) => match ops::call_special(vm, it, sym::NEXT, &[]) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {
                let tn = ops::type_name(vm, it);
                return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object is not an iterator")));
            }
            Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.stop_iteration) => e,
            Err(e) => return Err(e),
        },
        _ => match pyiter::next(vm, it)? {
            Some(v) => return Ok(v),
            None => vm.new_error_args(vm.types.stop_iteration, vec![]),
        },
    };
    match default {
        Some(d) => Ok(d),
        None => Err(stop),
    }
}

fn chr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "chr", args, 1, 1)?;
    let n = ops::expect_int(vm, args[0], "")?;
    match u32::try_from(n).ok().and_then(char::from_u32) {
        Some(c) => {
            let s = c.to_string();
            Ok(strings::char_value(vm, &s))
        }
        None => Err(vm.new_error(vm.types.value_error, "chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "ord", args, 1, 1)?;
    match strings::as_str(args[0]) {
        Some(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => {
                    let n = s.chars().count();
                    Err(vm.new_error(
                        vm.types.type_error,
                        &format!("ord() expected a character, but string of length {n} found"),
                    ))
                }
            }
        }
        None if super::bytes::is_bytes_like(args[0]) => {
            let b = super::bytes::data(args[0]).unwrap_or_default();
            match b.as_slice() {
                [c] => Ok(Value::Int(*c as i64)),
                _ => Err(vm.new_error(
                    vm.types.type_error,
                    &format!("ord() expected a character, but string of length {} found", b.len()),
                )),
            }
        }
        None => {
            let tn = ops::type_name(vm, args[0]);
            Err(vm.new_error(vm.types.type_error, &format!("ord() expected string of length 1, but {tn} found")))
        }
    }
}

pub(crate) fn round(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    arity(vm, "round", args, 1, 2)?;
    let ndigits_kw = vm.intern("ndigits");
    let nd = args.get(1).copied().or_else(|| kwarg(kw, ndigits_kw)).filter(|v| !v.is_none());
    match args[0] {
        Value::Float(x) => match nd {
            None => {
                if x.is_nan() {
                    return Err(vm.new_error(vm.types.value_error, "cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(vm.new_error(vm.types.overflow_error, "cannot convert float infinity to integer"));
                }
                let r = x.round_ties_even();
                Ok(float_to_int(vm, r))
            }
            Some(n) => {
                let n = ops::expect_int(vm, n, "")?;
                match super::format::round_float_checked(x, n) {
                    Ok(r) => Ok(Value::Float(r)),
                    Err(msg) => Err(vm.new_error(vm.types.overflow_error, &msg)),
                }
            }
        },
        v if int::is_int(v) => match nd {
            None => Ok(match v {
                Value::Bool(b) => Value::Int(b as i64),
                _ => v,
            }),
            Some(n) => {
                let n = ops::expect_int(vm, n, "")?;
                if n >= 0 {
                    return Ok(v);
                }
                let b = int::to_bigint(v).unwrap_or_default();
                let p = num_traits::pow(BigInt::from(10), (-n).min(4000) as usize);
                let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
                Ok(int::from_bigint(vm, q * p))
            }
        },
        v => {
            if let Some(r) = ops::call_special(vm, v, sym::ROUND, nd.as_slice())? {
                return Ok(r);
            }
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("type {tn} doesn't define __round__ method")))
        }
    }
}

/// An integral float as an int value.
pub fn float_to_int(vm: &mut Vm, x: f64) -> Value {
    if x.abs() < 9.2e18 {
        Value::Int(x as i64)
    } else {
        let b: BigInt = num_traits::FromPrimitive::from_f64(x).unwrap_or_default();
        int::from_bigint(vm, b)
    }
}

pub(crate) fn divmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if super::complex::is_complex(a) || super::complex::is_complex(b) {
        let number = |v: Value| super::complex::is_complex(v) || int::is_int(v) || matches!(v, Value::Float(_));
        if number(a) && number(b) {
            let (ta, tb) = (ops::type_name(vm, a), ops::type_name(vm, b));
            return Err(vm.new_error(
                vm.types.type_error,
                &format!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"),
            ));
        }
    }
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if y == 0 {
            return Err(vm.new_error(vm.types.zero_division_error, "integer division or modulo by zero"));
        }
        if !(x == i64::MIN && y == -1) {
            let (q, r) = int::floor_divmod(x, y);
            return Ok(vm.new_tuple(vec![Value::Int(q), Value::Int(r)]));
        }
    }
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        if let (Some(x), Some(y)) = (int::num_as_f64(vm, a)?, int::num_as_f64(vm, b)?) {
            if y == 0.0 {
                return Err(vm.new_error(vm.types.zero_division_error, "float divmod()"));
            }
            let (q, r) = int::float_divmod(x, y);
            return Ok(vm.new_tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    let q = ops::binary_op(vm, crate::bytecode::BinaryOp::FloorDivide, false, a, b)?;
    vm.temp_roots.push(q);
    let r = ops::binary_op(vm, crate::bytecode::BinaryOp::Remainder, false, a, b);
    vm.temp_roots.pop();
    let r = r?;
    Ok(vm.new_tuple(vec![q, r]))
}

pub(crate) fn pow(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "pow", args, 2, 3)?;
    if let Some(m) = args.get(2).filter(|m| !m.is_none()) {
        if args.iter().any(|v| super::complex::is_complex(*v)) {
            return Err(vm.new_error(vm.types.value_error, "complex modulo"));
        }
        let (Some(a), Some(b), Some(m)) = (int::to_bigint(args[0]), int::to_bigint(args[1]), int::to_bigint(*m)) else {
            return Err(
                vm.new_error(vm.types.type_error, "pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        return int::pow_mod(vm, &a, &b, &m);
    }
    ops::binary_op(vm, crate::bytecode::BinaryOp::Power, false, args[0], args[1])
}

fn repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "repr", args, 1, 1)?;
    let s = ops::repr(vm, args[0])?;
    Ok(vm.new_string(s))
}

fn int_radix(vm: &mut Vm, args: &[Value], fname: &str, prefix: &str, radix: u32) -> PyResult<Value> {
    arity(vm, fname, args, 1, 1)?;
    let v = match ops::call_special(vm, args[0], sym::INDEX, &[])? {
        Some(r) => r,
        None => args[0],
    };
    let Some(b) = int::to_bigint(v) else {
        let tn = ops::type_name(vm, args[0]);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let digits = b.abs().to_str_radix(radix);
    let s = if b.is_negative() { format!("-{prefix}{digits}") } else { format!("{prefix}{digits}") };
    Ok(vm.new_string(s))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    int_radix(vm, args, "hex", "0x", 16)
}

fn bin(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    int_radix(vm, args, "bin", "0b", 2)
}

fn oct(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    int_radix(vm, args, "oct", "0o", 8)
}

pub(crate) fn format(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "format", args, 1, 2)?;
    let spec = args.get(1).and_then(|s| strings::as_str(*s)).unwrap_or("").to_string();
    let s = strings::format(vm, args[0], &spec)?;
    Ok(vm.new_string(s))
}

fn callable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(args[0])))
}

fn is_callable(v: Value) -> bool {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Function(_) | ObjKind::Native(_) | ObjKind::Class(_) | ObjKind::BoundMethod { .. } => true,
            ObjKind::Instance(i) => i.class.as_class().and_then(|c| c.lookup(sym::CALL)).is_some(),
            _ => false,
        },
        _ => false,
    }
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(vm.frames.last().map(|f| Value::Obj(f.globals)).unwrap_or(Value::None))
}

// ---------------------------------------------------------------------------------------------
// Constructors (the first argument is the class)

fn int_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    let base_kw = vm.intern("base");
    let base = args.get(1).copied().or_else(|| kwarg(kw, base_kw));
    let Some(&v) = args.first() else {
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let base = ops::expect_int(vm, base, "")?;
        let Some(s) = strings::as_str(v) else {
            return Err(vm.new_error(vm.types.type_error, "int() can't convert non-string with explicit base"));
        };
        let s = s.to_string();
        return parse_int(vm, &s, base as u32);
    }
    match v {
        Value::Int(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        Value::Float(x) => {
            if x.is_nan() {
                return Err(vm.new_error(vm.types.value_error, "cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(vm.new_error(vm.types.overflow_error, "cannot convert float infinity to integer"));
            }
            Ok(float_to_int(vm, x.trunc()))
        }
        _ if int::is_int(v) => Ok(v),
        _ => {
            if let Some(s) = strings::as_str(v) {
                let s = s.to_string();
                return parse_int(vm, &s, 10);
            }
            if let Some(r) = ops::call_special(vm, v, sym::INT, &[])? {
                return Ok(r);
            }
            if let Some(r) = ops::call_special(vm, v, sym::INDEX, &[])? {
                return Ok(r);
            }
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(
                vm.types.type_error,
                &format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'"),
            ))
        }
    }
}

/// `int(s, base)` with Python's literal rules (underscores, prefixes, whitespace).
pub fn parse_int(vm: &mut Vm, text: &str, base: u32) -> PyResult<Value> {
    let bad = |vm: &mut Vm| {
        let r = strings::repr_str(text);
        vm.new_error(vm.types.value_error, &format!("invalid literal for int() with base {base}: {r}"))
    };
    if base != 0 && !(2..=36).contains(&base) {
        return Err(vm.new_error(vm.types.value_error, "int() base must be >= 2 and <= 36, or 0"));
    }
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (mut base, mut digits) = (base, lower.as_str());
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == 0 || base == b) && digits.starts_with(p) {
            digits = &digits[2..];
            digits = digits.strip_prefix('_').unwrap_or(digits);
            base = b;
        }
    }
    if base == 0 {
        // Base 0 reads a literal: no leading zeros except for zero itself.
        if digits.len() > 1 && digits.starts_with('0') && !digits.trim_start_matches(['0', '_']).is_empty() {
            return Err(bad(vm));
        }
        base = 10;
    }
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(bad(vm));
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !base.is_power_of_two() {
        if let Some(msg) = int::parse_limit_error(clean.len()) {
            return Err(vm.new_error(vm.types.value_error, &msg));
        }
    }
    match BigInt::parse_bytes(clean.as_bytes(), base) {
        Some(b) => Ok(int::from_bigint(vm, if neg { -b } else { b })),
        None => Err(bad(vm)),
    }
}

fn float_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    let Some(&v) = args.first() else {
        return Ok(Value::Float(0.0));
    };
    match v {
        Value::Float(_) => Ok(v),
        _ if int::is_int(v) => Ok(Value::Float(int::num_as_f64(vm, v)?.unwrap_or(0.0))),
        _ => {
            if let Some(s) = strings::as_str(v) {
                let t = s.trim().to_ascii_lowercase().replace('_', "");
                let parsed = match t.as_str() {
                    "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                    "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                    "nan" | "+nan" | "-nan" => Some(f64::NAN),
                    _ => t.parse::<f64>().ok().filter(|_| !t.is_empty() && !t.contains("inf") && !t.contains("nan")),
                };
                return match parsed {
                    Some(x) => Ok(Value::Float(x)),
                    None => {
                        let r = strings::repr_str(s);
                        Err(vm.new_error(vm.types.value_error, &format!("could not convert string to float: {r}")))
                    }
                };
            }
            if let Some(r) = ops::call_special(vm, v, sym::FLOAT, &[])? {
                return Ok(r);
            }
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(
                vm.types.type_error,
                &format!("float() argument must be a string or a real number, not '{tn}'"),
            ))
        }
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match args.get(1) {
        Some(v) => Ok(Value::Bool(ops::truthy(vm, *v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() > 2 || !kw.is_empty() {
        // `str(b, encoding, errors)`: decoding.
        let p = super::containers::clinic_args(vm, "str", &args[1..], kw, &["object", "encoding", "errors"])?;
        let obj = p[0].unwrap_or(Value::None);
        let Some(b) = super::bytes::data(obj) else {
            if let Some(s) = strings::as_str(obj) {
                let _ = s;
                return Err(vm.new_error(vm.types.type_error, "decoding str is not supported"));
            }
            let tn = ops::type_name(vm, obj);
            return Err(
                vm.new_error(vm.types.type_error, &format!("decoding to str: need a bytes-like object, {tn} found"))
            );
        };
        let encoding = match p[1] {
            Some(v) => super::bytes::text_arg(vm, "str", "encoding", v)?,
            None => "utf-8".to_string(),
        };
        let errors = match p[2] {
            Some(v) => super::bytes::text_arg(vm, "str", "errors", v)?,
            None => "strict".to_string(),
        };
        let s = super::bytes::decode(vm, &b, &encoding, &errors)?;
        return Ok(vm.new_string(s));
    }
    match args.get(1) {
        Some(v) => {
            if strings::as_str(*v).is_some() {
                return Ok(*v);
            }
            let s = ops::str_of(vm, *v)?;
            Ok(vm.new_string(s))
        }
        None => Ok(vm.new_str("")),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let items = match args.get(1) {
        Some(v) => pyiter::collect(vm, *v)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn list_init(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if let (Some(me), Some(src)) = (args.first(), args.get(1)) {
        let items = pyiter::collect(vm, *src)?;
        if let Some(l) = me.obj().and_then(|o| o.as_list()) {
            *l.borrow_mut() = items;
        }
    }
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match args.get(1) {
        Some(v) => {
            if matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Tuple(_))) {
                return Ok(*v);
            }
            let items = pyiter::collect(vm, *v)?;
            Ok(vm.new_tuple(items))
        }
        None => Ok(vm.new_tuple(Vec::new())),
    }
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let d = vm.new_dict();
    vm.temp_roots.push(Value::Obj(d));
    let r = (|| {
        if let Some(&src) = args.get(1) {
            let is_mapping = src.obj().and_then(|o| o.as_dict()).is_some();
            if is_mapping {
                super::dictops::update_from(vm, Value::Obj(d), src, None)?;
            } else {
                let items = pyiter::collect(vm, src)?;
                for (i, item) in items.into_iter().enumerate() {
                    let kv = match pyiter::collect(vm, item) {
                        Ok(kv) => kv,
                        Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.type_error) => {
                            return Err(vm.new_error(
                                vm.types.type_error,
                                &format!("cannot convert dictionary update sequence element #{i} to a sequence"),
                            ))
                        }
                        Err(e) => return Err(e),
                    };
                    if kv.len() != 2 {
                        return Err(vm.new_error(
                            vm.types.value_error,
                            &format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len()),
                        ));
                    }
                    super::dictops::set(vm, d, kv[0], kv[1])?;
                }
            }
        }
        for &(k, v) in kw {
            let key = vm.sym_value(k);
            super::dictops::set(vm, d, key, v)?;
        }
        Ok(Value::Obj(d))
    })();
    vm.temp_roots.pop();
    r
}

fn set_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = super::setops::new_set_value(vm, super::set::Set::new());
    if let Some(&src) = args.get(1) {
        vm.temp_roots.push(s);
        let r = super::setops::update(vm, s, src);
        vm.temp_roots.pop();
        r?;
    }
    Ok(s)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let s = set_new(vm, args, kw)?;
    let table = super::setops::table_of(s).unwrap_or_default();
    Ok(Value::Obj(vm.alloc(ObjKind::FrozenSet(table))))
}

fn range_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let args = &args[1..];
    let mut nums = Vec::with_capacity(3);
    for a in args.iter().take(3) {
        let a = &match ops::call_special(vm, *a, sym::INDEX, &[])? {
            Some(i) => i,
            None => *a,
        };
        match int::to_bigint(*a) {
            Some(b) => nums.push(b),
            None => {
                let tn = ops::type_name(vm, *a);
                return Err(
                    vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    let (start, stop, step) = match args.len() {
        1 => (BigInt::zero(), nums[0].clone(), BigInt::from(1)),
        2 => (nums[0].clone(), nums[1].clone(), BigInt::from(1)),
        3 => {
            if nums[2].is_zero() {
                return Err(vm.new_error(vm.types.value_error, "range() arg 3 must not be zero"));
            }
            (nums[0].clone(), nums[1].clone(), nums[2].clone())
        }
        0 => return Err(vm.new_error(vm.types.type_error, "range expected at least 1 argument, got 0")),
        n => return Err(vm.new_error(vm.types.type_error, &format!("range expected at most 3 arguments, got {n}"))),
    };
    // Bounds whose length might overflow i64 arithmetic stay big.
    let fits = |b: &BigInt| b.to_i64().map(|x| x.unsigned_abs() < (1 << 62)).unwrap_or(false);
    if fits(&start) && fits(&stop) && fits(&step) {
        let r = Range {
            start: start.to_i64().unwrap_or(0),
            stop: stop.to_i64().unwrap_or(0),
            step: step.to_i64().unwrap_or(1),
        };
        return Ok(Value::Obj(vm.alloc(ObjKind::Range(r))));
    }
    Ok(Value::Obj(vm.alloc(ObjKind::BigRange(Box::new(super::bigrange::BigRange { start, stop, step })))))
}

/// `range.index(x)`.
fn range_index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "index", args, 2, 2)?;
    let Some(ObjKind::Range(r)) = args[0].obj().map(|o| &o.kind) else {
        return Ok(Value::None);
    };
    let r = *r;
    if let Value::Int(x) = args[1] {
        let inside = if r.step > 0 { r.start <= x && x < r.stop } else { r.stop < x && x <= r.start };
        if inside && (x - r.start) % r.step == 0 {
            return Ok(Value::Int((x - r.start) / r.step));
        }
    }
    let s = ops::repr(vm, args[1])?;
    Err(vm.new_error(vm.types.value_error, &format!("{s} is not in range")))
}

/// `range.count(x)`.
fn range_count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "count", args, 2, 2)?;
    let found = ops::contains(vm, args[0], args[1])?;
    Ok(Value::Int(found as i64))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let a = &args[1..];
    let (s, e, st) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        _ => return Err(vm.new_error(vm.types.type_error, "slice expected 1 to 3 arguments")),
    };
    Ok(Value::Obj(vm.alloc(ObjKind::Slice(s, e, st))))
}

fn type_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match args.len() {
        2 => Ok(Value::Obj(vm.type_of(args[1]))),
        4 => types::type_new3(vm, args[1], args[2], args[3]),
        _ => Err(vm.new_error(vm.types.type_error, "type() takes 1 or 3 arguments")),
    }
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.new_error(vm.types.type_error, "object() takes no arguments"));
    }
    let object = vm.types.object;
    Ok(vm.new_instance(object, super::object::Layout::Object))
}

fn property_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let fget_s = vm.intern("fget");
    let fset_s = vm.intern("fset");
    let fget = args.get(1).copied().or_else(|| kwarg(kw, fget_s)).unwrap_or(Value::None);
    let fset = args.get(2).copied().or_else(|| kwarg(kw, fset_s)).unwrap_or(Value::None);
    let fdel_s = vm.intern("fdel");
    let fdel = args.get(3).copied().or_else(|| kwarg(kw, fdel_s)).unwrap_or(Value::None);
    Ok(Value::Obj(vm.alloc(ObjKind::Property { fget, fset, fdel })))
}

/// `prop.setter` / `prop.getter` / `prop.deleter`: a native that makes a copy of the property
/// with one accessor replaced.
pub fn property_method(vm: &mut Vm, prop: Value, which: &str) -> PyResult<Value> {
    fn replaced(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
        let (Some(p), Some(f)) = (args.first(), args.get(1)) else {
            return Ok(Value::None);
        };
        let mut accessors = match p.obj().map(|o| &o.kind) {
            Some(ObjKind::Property { fget, fset, fdel }) => [*fget, *fset, *fdel],
            _ => [Value::None; 3],
        };
        accessors[which] = *f;
        let [fget, fset, fdel] = accessors;
        Ok(Value::Obj(vm.alloc(ObjKind::Property { fget, fset, fdel })))
    }
    let (name, f): (&'static str, NativeFn) = match which {
        "setter" => ("setter", |vm, args, _| replaced(vm, args, 1)),
        "deleter" => ("deleter", |vm, args, _| replaced(vm, args, 2)),
        _ => ("getter", |vm, args, _| replaced(vm, args, 0)),
    };
    Ok(Value::Obj(vm.alloc(ObjKind::Native(super::object::Native { name, func: f, receiver: prop }))))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let f = args.get(1).copied().unwrap_or(Value::None);
    Ok(Value::Obj(vm.alloc(ObjKind::StaticMethod(f))))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let f = args.get(1).copied().unwrap_or(Value::None);
    Ok(Value::Obj(vm.alloc(ObjKind::ClassMethod(f))))
}

/// `super()` and `super(C, obj)`. The zero-argument form reads the caller's `__class__` cell
/// and first argument, as CPython does.
fn super_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let (class, receiver) = if args.len() >= 3 {
        (args[1], args[2])
    } else {
        let Some(frame) = vm.frames.last().copied() else {
            return Err(vm.new_error(vm.types.runtime_error, "super(): no arguments"));
        };
        let code = frame.code;
        let Some(free_idx) = code.code.freevars.iter().position(|n| n == "__class__") else {
            return Err(vm.new_error(vm.types.runtime_error, "super(): __class__ cell not found"));
        };
        let slot = code.nlocals + code.code.cellvars.len() + free_idx;
        let cell = vm.slot(frame.base + slot);
        let class = match cell.obj().map(|o| &o.kind) {
            Some(ObjKind::Cell(c)) => c.get(),
            _ => Value::Null,
        };
        if code.code.argcount == 0 {
            return Err(vm.new_error(vm.types.runtime_error, "super(): no arguments"));
        }
        let mut receiver = vm.slot(frame.base);
        // The first argument may have been moved into a cell.
        if let Some(ci) = code.code.cell2arg.iter().position(|a| *a == Some(0)) {
            if let Some(ObjKind::Cell(c)) = vm.slot(frame.base + code.nlocals + ci).obj().map(|o| &o.kind) {
                receiver = c.get();
            }
        }
        (class, receiver)
    };
    let Some(class) = class.as_obj().filter(|c| c.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.runtime_error, "super(): __class__ cell not found"));
    };
    Ok(Value::Obj(vm.alloc(ObjKind::Super { class, receiver })))
}
