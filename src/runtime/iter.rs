//! Iteration: `iter()`, `next()`, and the built-in iterator objects.
//!
//! Built-in iterables get an `Iterator` object whose state ([`IterState`]) the run loop can
//! advance without calling anything ([`next_builtin_fast`]) — `for` over a range, list, tuple
//! or str never leaves the loop. Generators are resumed; user iterators go through
//! `__iter__`/`__next__` with `StopIteration` ending the iteration.

use crate::interpreter::{PyResult, Vm};

use super::interner::sym;
use super::object::{DictViewKind, IterState, ObjKind};
use super::ops;
use super::value::{ObjRef, Value};

pub fn new_iter(vm: &mut Vm, state: IterState) -> Value {
    Value::Obj(vm.alloc(ObjKind::Iterator(crate::runtime::pincell::PinCell::new(state))))
}

/// `iter(v)`.
pub fn get_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    get_iter_or(vm, v, not_iterable)
}

/// `iter(v)`, with the error `v` gets when it is not iterable.
fn get_iter_or(
    vm: &mut Vm,
    v: Value,
    not_iterable: fn(&mut Vm, Value) -> crate::interpreter::PyErr,
) -> PyResult<Value> {
    let Value::Obj(o) = v else {
        return Err(not_iterable(vm, v));
    };
    let state = match &o.kind {
        ObjKind::List(_) | ObjKind::Tuple(_) => IterState::Seq { seq: o, index: 0 },
        ObjKind::Range(r) => IterState::Range { next: r.start, stop: r.stop, step: r.step },
        ObjKind::BigRange(r) => IterState::BigRange(Box::new((r.start.clone(), r.stop.clone(), r.step.clone()))),
        ObjKind::Str(_) => IterState::Str { s: o, byte: 0 },
        ObjKind::Dict(d) => IterState::Dict { dict: o, index: 0, kind: DictViewKind::Keys, len: d.borrow().len() },
        ObjKind::DictView(d, kind) => {
            let len = d.as_dict().map(|x| x.borrow().len()).unwrap_or(0);
            IterState::Dict { dict: *d, index: 0, kind: *kind, len }
        }
        ObjKind::Set(s) => IterState::Set { set: o, index: 0, len: s.borrow().len() },
        ObjKind::FrozenSet(s) => IterState::Set { set: o, index: 0, len: s.len() },
        ObjKind::Array(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_) => IterState::Seq { seq: o, index: 0 },
        ObjKind::Iterator(_) | ObjKind::Generator(_) => return Ok(v),
        ObjKind::TextIO(_) => return super::textio::iter_self(vm, &[v], &[]),
        ObjKind::BinaryIO(_) => return super::binaryio::iter_self(vm, &[v], &[]),
        ObjKind::Instance(inst) => {
            if let Some(f) = inst.class.as_class().and_then(|c| c.lookup(sym::ITER)) {
                let it = ops::call_method_value(vm, f, &[v])?;
                let has_next = match it {
                    Value::Obj(io) => match &io.kind {
                        ObjKind::Instance(ii) => ii.class.as_class().and_then(|c| c.lookup(sym::NEXT)).is_some(),
                        ObjKind::Iterator(_) | ObjKind::Generator(_) => true,
                        _ => false,
                    },
                    _ => false,
                };
                if !has_next {
                    let tn = ops::type_name(vm, it);
                    return Err(
                        vm.new_error(vm.types.type_error, &format!("iter() returned non-iterator of type '{tn}'"))
                    );
                }
                return Ok(it);
            }
            if o.as_list().is_some() {
                IterState::Seq { seq: o, index: 0 }
            } else if inst.class.as_class().and_then(|c| c.lookup(sym::GETITEM)).is_some() {
                IterState::GetItem { obj: v, index: 0 }
            } else {
                return Err(not_iterable(vm, v));
            }
        }
        ObjKind::Class(c) if c.metaclass.get().is_some() => {
            if let Some(it) = ops::call_special(vm, v, sym::ITER, &[])? {
                return Ok(it);
            }
            if ops::special(vm, v, sym::GETITEM).is_some() {
                IterState::GetItem { obj: v, index: 0 }
            } else {
                return Err(not_iterable(vm, v));
            }
        }
        _ => return Err(not_iterable(vm, v)),
    };
    Ok(new_iter(vm, state))
}

fn not_iterable(vm: &mut Vm, v: Value) -> crate::interpreter::PyErr {
    let tn = ops::type_name(vm, v);
    vm.new_error(vm.types.type_error, &format!("'{tn}' object is not iterable"))
}

/// What unpacking a value that is not iterable raises (CPython words it apart from `iter`'s).
fn cannot_unpack(vm: &mut Vm, v: Value) -> crate::interpreter::PyErr {
    let tn = ops::type_name(vm, v);
    vm.new_error(vm.types.type_error, &format!("cannot unpack non-iterable {tn} object"))
}

/// Advances a built-in iterator without running Python code. `Some(None)` means exhausted;
/// `None` means this state needs the general path.
#[inline]
pub fn next_builtin_fast(state: &mut IterState) -> Option<Option<Value>> {
    match state {
        IterState::Range { next, stop, step } => {
            let n = *next;
            if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                *next = n.wrapping_add(*step);
                Some(Some(Value::Int(n)))
            } else {
                Some(None)
            }
        }
        IterState::Seq { seq, index } => {
            let item = match &seq.kind {
                ObjKind::Tuple(t) => super::value::get_value(t, *index),
                _ => match seq.as_list() {
                    Some(l) => super::value::get_value(&l.borrow(), *index),
                    None => return None,
                },
            };
            match item {
                Some(v) => {
                    *index += 1;
                    Some(Some(v))
                }
                None => {
                    *state = IterState::Exhausted;
                    Some(None)
                }
            }
        }
        IterState::Exhausted => Some(None),
        _ => None,
    }
}

/// `next(it)`: `None` when exhausted.
pub fn next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = it else {
        let tn = ops::type_name(vm, it);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object is not an iterator")));
    };
    match &o.kind {
        ObjKind::Iterator(state) => {
            if let Some(r) = next_builtin_fast(&mut state.borrow_mut()) {
                return Ok(r);
            }
            next_slow(vm, o)
        }
        ObjKind::Generator(_) => vm.generator_next(o),
        ObjKind::TextIO(_) => super::textio::next(vm, o),
        ObjKind::BinaryIO(_) => super::binaryio::next(vm, Some(o)),
        ObjKind::Instance(inst) => {
            let Some(f) = inst.class.as_class().and_then(|c| c.lookup(sym::NEXT)) else {
                let tn = ops::type_name(vm, it);
                return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object is not an iterator")));
            };
            match ops::call_method_value(vm, f, &[it]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            }
        }
        _ => {
            let tn = ops::type_name(vm, it);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object is not an iterator")))
        }
    }
}

fn next_slow(vm: &mut Vm, o: ObjRef) -> PyResult<Option<Value>> {
    let ObjKind::Iterator(cell) = &o.kind else {
        return Ok(None);
    };
    // Copy what we need out of the state so no borrow is held across calls into Python.
    enum Step {
        Done(Option<Value>),
        Exhausted,
        Enumerate(Value, Value),
        Zip(Vec<Value>),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        GetItem(Value, i64),
        Callable(Value, Value),
    }
    let step = {
        let mut state = cell.borrow_mut();
        match &mut *state {
            IterState::Str { s, byte } => {
                let text = s.as_str().unwrap_or("");
                match text[*byte..].chars().next() {
                    Some(c) => {
                        *byte += c.len_utf8();
                        let mut buf = [0u8; 4];
                        let cs: &str = c.encode_utf8(&mut buf);
                        let cs = cs.to_string();
                        drop(state);
                        return Ok(Some(super::strings::char_value(vm, &cs)));
                    }
                    None => Step::Done(None),
                }
            }
            IterState::Dict { dict, index, kind, len } => {
                let Some(d) = dict.as_dict() else {
                    return Ok(None);
                };
                let d = d.borrow();
                if d.len() != *len {
                    drop(d);
                    drop(state);
                    return Err(vm.new_error(vm.types.runtime_error, "dictionary changed size during iteration"));
                }
                let mut found = None;
                while *index < d.capacity_used() {
                    let e = d.entry(*index).copied();
                    *index += 1;
                    if let Some(e) = e {
                        if !e.key.is_null() {
                            found = Some(e);
                            break;
                        }
                    }
                }
                match (found, *kind) {
                    (None, _) => Step::Done(None),
                    (Some(e), DictViewKind::Keys) => Step::Done(Some(e.key)),
                    (Some(e), DictViewKind::Values) => Step::Done(Some(e.value)),
                    (Some(e), DictViewKind::Items) => {
                        drop(d);
                        drop(state);
                        return Ok(Some(vm.new_tuple(vec![e.key, e.value])));
                    }
                }
            }
            IterState::Set { set, index, len } => {
                let set = *set;
                if let ObjKind::Set(s) = &set.kind {
                    if s.borrow().len() != *len {
                        // (Sticky, as in CPython: every later step raises too.)
                        *len = usize::MAX;
                        drop(state);
                        return Err(vm.new_error(vm.types.runtime_error, "Set changed size during iteration"));
                    }
                }
                let mut result = None;
                let mut scan = |t: &super::set::Set| {
                    while *index < t.table_len() {
                        let slot = t.slot(*index);
                        *index += 1;
                        if let Some(Some(k)) = slot {
                            result = Some(k);
                            break;
                        }
                    }
                };
                match &set.kind {
                    ObjKind::Set(s) => scan(&s.borrow()),
                    ObjKind::FrozenSet(s) => scan(s),
                    _ => {}
                }
                Step::Done(result)
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    Step::Done(None)
                } else {
                    *index -= 1;
                    let item = match &seq.kind {
                        ObjKind::Tuple(t) => t.get(*index).copied(),
                        _ => seq.as_list().and_then(|l| l.borrow().get(*index).copied()),
                    };
                    Step::Done(item)
                }
            }
            IterState::Enumerate { it, count } => Step::Enumerate(*it, *count),
            IterState::Zip { its } => Step::Zip(its.clone()),
            IterState::Map { func, its } => Step::Map(*func, its.clone()),
            IterState::Filter { func, it } => Step::Filter(*func, *it),
            IterState::GetItem { obj, index } => Step::GetItem(*obj, *index),
            IterState::Callable { func, sentinel } => Step::Callable(*func, *sentinel),
            IterState::Seq { seq, index } => {
                // Arrays.
                match &seq.kind {
                    ObjKind::Array(a) => {
                        let v = super::array::item(vm, &a.borrow(), *index);
                        *index += 1;
                        Step::Done(v)
                    }
                    ObjKind::Bytes(_) | ObjKind::ByteArray(_) => {
                        let v = super::bytes::item(*seq, *index);
                        *index += 1;
                        Step::Done(v)
                    }
                    _ => Step::Done(None),
                }
            }
            IterState::BigRange(b) => {
                let (next, stop, step) = &mut **b;
                let more = if step.sign() == num_bigint::Sign::Plus { *next < *stop } else { *next > *stop };
                if !more {
                    Step::Done(None)
                } else {
                    let v = next.clone();
                    *next += &*step;
                    drop(state);
                    return Ok(Some(super::int::from_bigint(vm, v)));
                }
            }
            IterState::Range { .. } | IterState::Exhausted => Step::Exhausted,
        }
    };
    match step {
        Step::Done(v) => Ok(v),
        Step::Exhausted => Ok(None),
        Step::Enumerate(it, count) => {
            let Some(v) = next(vm, it)? else {
                return Ok(None);
            };
            let next_count = super::ops::binary_op(vm, crate::bytecode::BinaryOp::Add, false, count, Value::Int(1))?;
            if let IterState::Enumerate { count: c, .. } = &mut *cell.borrow_mut() {
                *c = next_count;
            }
            Ok(Some(vm.new_tuple(vec![count, v])))
        }
        Step::Zip(its) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(its.len());
            let mark = vm.temp_roots.len();
            for it in its {
                match next(vm, it) {
                    Ok(Some(v)) => {
                        vm.temp_roots.push(v);
                        items.push(v);
                    }
                    Ok(None) => {
                        vm.temp_roots.truncate(mark);
                        return Ok(None);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(mark);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(mark);
            Ok(Some(vm.new_tuple(items)))
        }
        Step::Map(func, its) => {
            let mut args = Vec::with_capacity(its.len());
            let mark = vm.temp_roots.len();
            for it in its {
                match next(vm, it) {
                    Ok(Some(v)) => {
                        vm.temp_roots.push(v);
                        args.push(v);
                    }
                    Ok(None) => {
                        vm.temp_roots.truncate(mark);
                        return Ok(None);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(mark);
                        return Err(e);
                    }
                }
            }
            let r = vm.call(func, &args, &[]);
            vm.temp_roots.truncate(mark);
            r.map(Some)
        }
        Step::Filter(func, it) => loop {
            let Some(v) = next(vm, it)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                ops::truthy(vm, v)?
            } else {
                vm.temp_roots.push(v);
                let r = vm.call(func, &[v], &[]);
                vm.temp_roots.pop();
                let r = r?;
                ops::truthy(vm, r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Step::Callable(func, sentinel) => {
            let v = vm.call(func, &[], &[])?;
            if ops::eq(vm, v, sentinel)? {
                *cell.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        Step::GetItem(obj, index) => match ops::getitem(vm, obj, Value::Int(index)) {
            Ok(v) => {
                if let IterState::GetItem { index: i, .. } = &mut *cell.borrow_mut() {
                    *i += 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if vm.isinstance(Value::Obj(e.0), vm.types.index_error)
                    || vm.isinstance(Value::Obj(e.0), vm.types.stop_iteration) =>
            {
                *cell.borrow_mut() = IterState::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

/// All items of an iterable, in order.
pub fn collect(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    collect_or(vm, v, not_iterable)
}

/// All items of an iterable, with the error `v` gets when it is not iterable.
fn collect_or(
    vm: &mut Vm,
    v: Value,
    not_iterable: fn(&mut Vm, Value) -> crate::interpreter::PyErr,
) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        match &o.kind {
            ObjKind::List(l) => return Ok(l.borrow().clone()),
            ObjKind::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
    }
    let it = get_iter_or(vm, v, not_iterable)?;
    // The partial result lives in a list object on the temp roots, so a collection triggered
    // by the iterator's Python code keeps the items alive.
    let acc = vm.new_list(Vec::new());
    vm.temp_roots.push(acc);
    vm.temp_roots.push(it);
    let result = (|| {
        if let (Some(ObjKind::Generator(_)), Some(sink)) = (it.obj().map(|o| &o.kind), acc.as_obj()) {
            if let Some(g) = it.as_obj() {
                return vm.generator_drain(g, crate::interpreter::Sink::List(sink)).map(|_| ());
            }
        }
        // A range says how long it is: the whole list is asked for at once, as CPython's
        // length hint does (`list(range(10 ** 11))` is a MemoryError at once).
        let hint = match it.obj().map(|o| &o.kind) {
            Some(ObjKind::Iterator(state)) => match &*state.borrow() {
                IterState::Range { next, stop, step } if *step != 0 => {
                    let span = (*stop as i128 - *next as i128) / *step as i128;
                    usize::try_from(span.max(0) + 1).unwrap_or(usize::MAX)
                }
                IterState::BigRange(r) => {
                    // (next, stop, step): what is left, by the same arithmetic.
                    let (next, stop, step) = &**r;
                    let left =
                        super::bigrange::BigRange { start: next.clone(), stop: stop.clone(), step: step.clone() }.len();
                    usize::try_from(left).unwrap_or(usize::MAX)
                }
                _ => 0,
            },
            _ => 0,
        };
        if hint > 0 {
            let room: Vec<Value> = super::memory::vec_with_capacity(vm, hint)?;
            if let Some(l) = acc.obj().and_then(|o| o.as_list()) {
                *l.borrow_mut() = room;
            }
        }
        while let Some(x) = next(vm, it)? {
            if let Some(l) = acc.obj().and_then(|o| o.as_list()) {
                let mut l = l.borrow_mut();
                if l.len() == l.capacity() && !super::memory::grow(&mut l) {
                    drop(l);
                    return Err(super::memory::memory_error(vm));
                }
                l.push(x);
            }
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    vm.temp_roots.pop();
    result?;
    Ok(acc.obj().and_then(|o| o.as_list()).map(|l| std::mem::take(&mut *l.borrow_mut())).unwrap_or_default())
}

/// `a, b, c = v`.
pub fn unpack(vm: &mut Vm, v: Value, n: usize) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        let direct = match &o.kind {
            ObjKind::Tuple(t) => Some(t.to_vec()),
            ObjKind::List(l) => Some(l.borrow().clone()),
            _ => None,
        };
        if let Some(items) = direct {
            return check_count(vm, items, n);
        }
    }
    let items = collect_or(vm, v, cannot_unpack)?;
    check_count(vm, items, n)
}

fn check_count(vm: &mut Vm, items: Vec<Value>, n: usize) -> PyResult<Vec<Value>> {
    if items.len() == n {
        return Ok(items);
    }
    if items.len() > n {
        return Err(vm.new_error(vm.types.value_error, &format!("too many values to unpack (expected {n})")));
    }
    Err(vm.new_error(vm.types.value_error, &format!("not enough values to unpack (expected {n}, got {})", items.len())))
}

/// `a, *b, c = v`: returns `before` items, a list, then `after` items.
pub fn unpack_ex(vm: &mut Vm, v: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let items = collect_or(vm, v, cannot_unpack)?;
    if items.len() < before + after {
        return Err(vm.new_error(
            vm.types.value_error,
            &format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len()),
        ));
    }
    let mut out = items[..before].to_vec();
    let mid = items[before..items.len() - after].to_vec();
    out.push(vm.new_list(mid));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(out)
}

/// Creates a built-in iterator object with the given state (for builtins like `zip`).
pub fn make_iter(vm: &mut Vm, state: IterState) -> Value {
    new_iter(vm, state)
}
