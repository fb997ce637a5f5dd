//! The methods of `set` and `frozenset` (`add`, `discard`, `remove`, `pop`, `clear`, `copy`,
//! `update`, `union`, `intersection`, `difference`, `symmetric_difference`, their `_update`
//! forms, `issubset`, `issuperset`, `isdisjoint`); frozenset gets the non-mutating ones.
//!
//! Sets print in hash-table order, so to print what CPython prints the results must be built
//! by the same steps as CPython's `setobject.c`: which operand is iterated, whether a result
//! starts as a copy of the receiver or empty, and in which order elements are added or
//! discarded. Each function names the CPython function it follows; the table work itself is
//! done by [`setops`](super::setops) and [`Set`]. Results are built as mutable sets (rooted on
//! `temp_roots`, since hashing and comparing elements may run Python code) and turned into
//! frozensets at the end when the receiver is a frozenset.

use crate::bytecode::BinaryOp;
use crate::interpreter::{PyResult, Vm};

use super::containers::{check_args, descriptor_error, no_keywords, rooted, Arity, Kw};
use super::iter as pyiter;
use super::object::{NativeFn, ObjKind};
use super::set::Set;
use super::setops;
use super::types;
use super::value::Value;

pub fn init(vm: &mut Vm) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    let mutating: &[(&'static str, NativeFn)] = &[
        ("add", add),
        ("discard", discard),
        ("remove", remove),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
    ];
    let (set, frozenset) = (vm.types.set, vm.types.frozenset);
    types::add_methods(vm, set, shared);
    types::add_methods(vm, set, mutating);
    if let Some(c) = set.as_class() {
        c.set_attr(super::interner::sym::HASH, Value::None);
    }
    types::add_methods(vm, frozenset, shared);
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn is_anyset(v: Value) -> bool {
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)))
}

fn is_frozen(v: Value) -> bool {
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_)))
}

/// The receiver of a method shared by set and frozenset.
fn this_any(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if is_anyset(v) => Ok(v),
        _ => Err(descriptor_error(vm, args, "set", name)),
    }
}

/// The receiver of a mutating method.
fn this_set(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Set(_))) => Ok(v),
        _ => Err(descriptor_error(vm, args, "set", name)),
    }
}

fn len_of(v: Value) -> usize {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => s.try_borrow().map_or(0, |t| t.len()),
        Some(ObjKind::FrozenSet(s)) => s.len(),
        _ => 0,
    }
}

/// A new empty mutable set.
fn new_set(vm: &mut Vm) -> Value {
    setops::new_set_value(vm, Set::new())
}

/// A mutable copy of a set or frozenset, made as CPython's `set_copy` makes it (merging into
/// a fresh table, which drops deleted slots).
fn copy_of(vm: &mut Vm, so: Value) -> PyResult<Value> {
    let mut t = Set::new();
    t.merge(&setops::table_of(so).unwrap_or_default(), &mut |a, b| Ok(a.is(b)))?;
    Ok(setops::new_set_value(vm, t))
}

/// Gives `result` (a mutable set built by this module) the type of the receiver `so`.
fn like(vm: &mut Vm, so: Value, result: Value) -> Value {
    if !is_frozen(so) || !matches!(result.obj().map(|o| &o.kind), Some(ObjKind::Set(_))) {
        return result;
    }
    let table = setops::table_of(result).unwrap_or_default();
    Value::Obj(vm.alloc(ObjKind::FrozenSet(table)))
}

/// Calls `f` on each item of a (non-set) iterable, with the item rooted.
fn for_each_item(vm: &mut Vm, iterable: Value, f: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>) -> PyResult<()> {
    let it = pyiter::get_iter(vm, iterable)?;
    rooted(vm, &[it], |vm| {
        while let Some(item) = pyiter::next(vm, it)? {
            if !rooted(vm, &[item], |vm| f(vm, item))? {
                break;
            }
        }
        Ok(())
    })
}

/// CPython's `set_update_internal`: adds every element of `other` to the mutable set `so`.
fn update_into(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if is_anyset(other) {
        return setops::update(vm, so, other);
    }
    for_each_item(vm, other, &mut |vm, item| setops::add(vm, so, item).map(|_| true))
}

/// A new mutable set of the elements of `other` (CPython's `make_new_set`).
fn set_from(vm: &mut Vm, other: Value) -> PyResult<Value> {
    let s = new_set(vm);
    rooted(vm, &[s], |vm| update_into(vm, s, other))?;
    Ok(s)
}

/// `other` itself when it is a set or frozenset, else a new set of its elements.
fn as_set(vm: &mut Vm, other: Value) -> PyResult<Value> {
    if is_anyset(other) {
        Ok(other)
    } else {
        set_from(vm, other)
    }
}

/// A set key as `set.remove`/`discard` look it up: a set (unhashable) stands for the equal
/// frozenset.
fn lookup_key(vm: &mut Vm, key: Value) -> Value {
    match key.obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => {
            let table = s.borrow().clone();
            Value::Obj(vm.alloc(ObjKind::FrozenSet(table)))
        }
        _ => key,
    }
}

/// Runs `f` on the table of the mutable set `so`. A set is borrowed only while one of its
/// lookups runs a user `__eq__`; if that `__eq__` mutates the set, this raises RuntimeError
/// instead of failing the borrow.
fn with_table<R>(vm: &mut Vm, so: Value, f: impl FnOnce(&mut Set) -> R) -> PyResult<Option<R>> {
    let Some(ObjKind::Set(s)) = so.obj().map(|o| &o.kind) else {
        return Ok(None);
    };
    match s.try_borrow_mut() {
        Ok(mut t) => Ok(Some(f(&mut t))),
        Err(_) => Err(vm.new_error(vm.types.runtime_error, "set changed size during iteration")),
    }
}

/// Keys of a set value in table order.
fn keys_of(v: Value) -> Vec<Value> {
    setops::table_of(v).map(|t| t.iter().collect()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Single-element methods

fn add(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "add", args, kw, Arity::One)?;
    let so = this_set(vm, args, "add")?;
    setops::add(vm, so, args[1])?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "discard", args, kw, Arity::One)?;
    let so = this_set(vm, args, "discard")?;
    let key = lookup_key(vm, args[1]);
    rooted(vm, &[key], |vm| setops::discard(vm, so, key))?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "remove", args, kw, Arity::One)?;
    let so = this_set(vm, args, "remove")?;
    let key = lookup_key(vm, args[1]);
    if rooted(vm, &[key], |vm| setops::discard(vm, so, key))? {
        return Ok(Value::None);
    }
    Err(vm.new_error_args(vm.types.key_error, vec![args[1]]))
}

fn pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "pop", args, kw, Arity::NoArgs)?;
    let so = this_set(vm, args, "pop")?;
    match with_table(vm, so, Set::pop_first)?.flatten() {
        Some(v) => Ok(v),
        None => Err(vm.new_error(vm.types.key_error, "pop from an empty set")),
    }
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "clear", args, kw, Arity::NoArgs)?;
    let so = this_set(vm, args, "clear")?;
    with_table(vm, so, Set::clear)?;
    Ok(Value::None)
}

/// `copy()`: a frozenset's copy is the frozenset itself.
fn copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "copy", args, kw, Arity::NoArgs)?;
    let so = this_any(vm, args, "copy")?;
    if is_frozen(so) {
        return Ok(so);
    }
    copy_of(vm, so)
}

// ---------------------------------------------------------------------------------------------
// Set algebra

/// Checks a `*others` method: any number of positional arguments, no keywords.
fn varargs(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    no_keywords(vm, "set", name, kw)?;
    this_any(vm, args, name)
}

fn update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "set", "update", kw)?;
    let so = this_set(vm, args, "update")?;
    for &other in &args[1..] {
        update_into(vm, so, other)?;
    }
    Ok(Value::None)
}

/// `union(*others)` (CPython's `set_union`): a copy of the receiver updated with each other.
fn union(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let so = varargs(vm, args, kw, "union")?;
    let result = copy_of(vm, so)?;
    rooted(vm, &[result], |vm| {
        for &other in &args[1..] {
            update_into(vm, result, other)?;
        }
        Ok(())
    })?;
    Ok(like(vm, so, result))
}

/// CPython's `set_intersection`: for a set operand, iterate the smaller set and keep what the
/// larger contains; for another iterable, keep its items that the receiver contains.
fn intersect(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    if is_anyset(other) {
        return setops::set_binary(vm, BinaryOp::And, false, so, other);
    }
    let result = new_set(vm);
    rooted(vm, &[result], |vm| {
        for_each_item(vm, other, &mut |vm, item| {
            if setops::contains(vm, so, item)? {
                setops::add(vm, result, item)?;
            }
            Ok(true)
        })
    })?;
    Ok(like(vm, so, result))
}

/// CPython's `set_intersection_multi`.
fn intersection_of(vm: &mut Vm, so: Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        let c = copy_of(vm, so)?;
        return Ok(like(vm, so, c));
    }
    let mut result = so;
    for &other in others {
        result = rooted(vm, &[result], |vm| intersect(vm, result, other))?;
    }
    Ok(result)
}

fn intersection(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let so = varargs(vm, args, kw, "intersection")?;
    intersection_of(vm, so, &args[1..])
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "set", "intersection_update", kw)?;
    let so = this_set(vm, args, "intersection_update")?;
    let result = intersection_of(vm, so, &args[1..])?;
    let table = setops::table_of(result).unwrap_or_default();
    with_table(vm, so, |t| *t = table)?;
    Ok(Value::None)
}

/// CPython's `set_difference_update_internal`: discards the elements of `other` from the
/// mutable set `so`.
fn difference_update_into(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so.is(other) {
        with_table(vm, so, Set::clear)?;
        return Ok(());
    }
    if is_anyset(other) {
        for key in keys_of(other) {
            setops::discard(vm, so, key)?;
        }
    } else {
        for_each_item(vm, other, &mut |vm, item| setops::discard(vm, so, item).map(|_| true))?;
    }
    with_table(vm, so, Set::shrink_after_removals)?;
    Ok(())
}

/// CPython's `set_difference_multi`: the first difference by `set_difference` (which picks
/// between copying and discarding, or collecting what the other lacks), the rest in place.
fn difference(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let so = varargs(vm, args, kw, "difference")?;
    let Some((&first, rest)) = args[1..].split_first() else {
        let c = copy_of(vm, so)?;
        return Ok(like(vm, so, c));
    };
    let is_dict = matches!(first.obj().map(|o| &o.kind), Some(ObjKind::Dict(_)));
    let result = if is_anyset(first) || is_dict {
        let other = if is_dict { set_from(vm, first)? } else { first };
        rooted(vm, &[other], |vm| setops::set_binary(vm, BinaryOp::Subtract, false, so, other))?
    } else {
        let r = copy_of(vm, so)?;
        rooted(vm, &[r], |vm| difference_update_into(vm, r, first))?;
        like(vm, so, r)
    };
    if rest.is_empty() {
        return Ok(result);
    }
    // The remaining operands update the result in place, which needs a mutable set.
    let frozen = is_frozen(result);
    let work = if frozen { copy_of(vm, result)? } else { result };
    rooted(vm, &[work], |vm| {
        for &other in rest {
            difference_update_into(vm, work, other)?;
        }
        Ok(())
    })?;
    Ok(like(vm, so, work))
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "set", "difference_update", kw)?;
    let so = this_set(vm, args, "difference_update")?;
    for &other in &args[1..] {
        difference_update_into(vm, so, other)?;
    }
    Ok(Value::None)
}

/// Discards from the mutable set `so` each of `keys` it holds and adds the others (the loop of
/// CPython's `set_symmetric_difference_update`).
fn toggle_keys(vm: &mut Vm, so: Value, keys: &[Value]) -> PyResult<()> {
    rooted(vm, keys, |vm| {
        for &key in keys {
            if !setops::discard(vm, so, key)? {
                setops::add(vm, so, key)?;
            }
        }
        Ok(())
    })
}

/// CPython's `set_symmetric_difference`: a new set of `other`'s elements, then toggled by the
/// receiver's elements.
fn symmetric_difference(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "symmetric_difference", args, kw, Arity::One)?;
    let so = this_any(vm, args, "symmetric_difference")?;
    let result = set_from(vm, args[1])?;
    rooted(vm, &[result], |vm| toggle_keys(vm, result, &keys_of(so)))?;
    Ok(like(vm, so, result))
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "symmetric_difference_update", args, kw, Arity::One)?;
    let so = this_set(vm, args, "symmetric_difference_update")?;
    symmetric_difference_update_into(vm, so, args[1])?;
    Ok(Value::None)
}

/// CPython's `set_symmetric_difference_update` on the mutable set `so`.
fn symmetric_difference_update_into(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    if so.is(other) {
        with_table(vm, so, Set::clear)?;
        return Ok(());
    }
    // A dict is walked in insertion order, a set in table order, anything else is first
    // collected into a new set (whose table order then counts).
    let keys = match other.obj().and_then(|o| o.as_dict()) {
        Some(d) => d.borrow().iter().map(|(k, _)| k).collect(),
        None => {
            let os = as_set(vm, other)?;
            keys_of(os)
        }
    };
    toggle_keys(vm, so, &keys)
}

/// The augmented operators `|=`, `&=`, `-=` and `^=` on a mutable set, done in place as
/// CPython's `set_ior`, `set_iand`, `set_isub` and `set_ixor` do them (so that the table, and
/// with it the printing order, ends up as CPython's). Returns `so`.
pub fn inplace_op(vm: &mut Vm, op: BinaryOp, so: Value, other: Value) -> PyResult<Value> {
    match op {
        BinaryOp::Or => update_into(vm, so, other)?,
        BinaryOp::And => {
            let result = intersect(vm, so, other)?;
            let table = setops::table_of(result).unwrap_or_default();
            with_table(vm, so, |t| *t = table)?;
        }
        BinaryOp::Subtract => difference_update_into(vm, so, other)?,
        BinaryOp::Xor => symmetric_difference_update_into(vm, so, other)?,
        _ => return Err(vm.new_error(vm.types.type_error, "unsupported set operation")),
    }
    Ok(so)
}

// ---------------------------------------------------------------------------------------------
// Comparisons

fn issubset(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "issubset", args, kw, Arity::One)?;
    let so = this_any(vm, args, "issubset")?;
    let other = as_set(vm, args[1])?;
    rooted(vm, &[other], |vm| {
        let (a, b) = (setops::table_of(so).unwrap_or_default(), setops::table_of(other).unwrap_or_default());
        setops::is_subset(vm, &a, &b).map(Value::Bool)
    })
}

fn issuperset(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "issuperset", args, kw, Arity::One)?;
    let so = this_any(vm, args, "issuperset")?;
    let other = args[1];
    if is_anyset(other) {
        let (a, b) = (setops::table_of(other).unwrap_or_default(), setops::table_of(so).unwrap_or_default());
        return setops::is_subset(vm, &a, &b).map(Value::Bool);
    }
    let mut all = true;
    for_each_item(vm, other, &mut |vm, item| {
        all = setops::contains(vm, so, item)?;
        Ok(all)
    })?;
    Ok(Value::Bool(all))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "set", "isdisjoint", args, kw, Arity::One)?;
    let so = this_any(vm, args, "isdisjoint")?;
    let other = args[1];
    if so.is(other) {
        return Ok(Value::Bool(len_of(so) == 0));
    }
    let mut disjoint = true;
    if is_anyset(other) {
        let (big, small) = if len_of(other) > len_of(so) { (other, so) } else { (so, other) };
        for key in keys_of(small) {
            if setops::contains(vm, big, key)? {
                disjoint = false;
                break;
            }
        }
    } else {
        for_each_item(vm, other, &mut |vm, item| {
            disjoint = !setops::contains(vm, so, item)?;
            Ok(disjoint)
        })?;
    }
    Ok(Value::Bool(disjoint))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_of(vm: &mut Vm, xs: &[i64]) -> Value {
        let items: Vec<Value> = xs.iter().map(|&x| Value::Int(x)).collect();
        setops::new_set_from(vm, &items).unwrap_or(Value::None)
    }

    fn repr(vm: &mut Vm, v: PyResult<Value>) -> String {
        match v {
            Ok(v) => super::super::ops::repr(vm, v).unwrap_or_default(),
            Err(e) => format!("error: {}", super::super::ops::str_of(vm, Value::Obj(e.0)).unwrap_or_default()),
        }
    }

    #[test]
    fn algebra_matches_cpython_order() {
        let mut vm = Vm::new();
        let a = set_of(&mut vm, &[1, 2, 3, 4, 5]);
        let b = set_of(&mut vm, &[4, 5, 6, 7]);
        let r = union(&mut vm, &[a, b], &[]);
        assert_eq!(repr(&mut vm, r), "{1, 2, 3, 4, 5, 6, 7}");
        let r = intersection(&mut vm, &[a, b], &[]);
        assert_eq!(repr(&mut vm, r), "{4, 5}");
        let r = difference(&mut vm, &[a, b], &[]);
        assert_eq!(repr(&mut vm, r), "{1, 2, 3}");
        let r = symmetric_difference(&mut vm, &[a, b], &[]);
        assert_eq!(repr(&mut vm, r), "{1, 2, 3, 6, 7}");
        let r = issubset(&mut vm, &[a, b], &[]);
        assert_eq!(repr(&mut vm, r), "False");
        let r = isdisjoint(&mut vm, &[a, b], &[]);
        assert_eq!(repr(&mut vm, r), "False");
        let l = vm.new_list(vec![Value::Int(10), Value::Int(1)]);
        let r = union(&mut vm, &[a, l], &[]);
        assert_eq!(repr(&mut vm, r), "{1, 2, 3, 4, 5, 10}");
    }

    #[test]
    fn inplace_operators_work_in_place() {
        let mut vm = Vm::new();
        let a = set_of(&mut vm, &(0..100).collect::<Vec<_>>());
        let b = set_of(&mut vm, &(0..95).collect::<Vec<_>>());
        let r = inplace_op(&mut vm, BinaryOp::Subtract, a, b);
        assert_eq!(repr(&mut vm, r), "{95, 96, 97, 98, 99}");
        let c = set_of(&mut vm, &[1, 2, 3]);
        let d = set_of(&mut vm, &[3, 4]);
        let r = inplace_op(&mut vm, BinaryOp::Xor, c, d);
        assert_eq!(repr(&mut vm, r), "{1, 2, 4}");
    }

    #[test]
    fn remove_and_pop_errors() {
        let mut vm = Vm::new();
        let a = set_of(&mut vm, &[]);
        let r = remove(&mut vm, &[a, Value::Int(42)], &[]);
        assert_eq!(repr(&mut vm, r), "error: 42");
        let r = pop(&mut vm, &[a], &[]);
        assert_eq!(repr(&mut vm, r), "error: 'pop from an empty set'");
    }
}
