//! Set operations with Python semantics on top of the CPython-compatible
//! [`Set`](super::set::Set) table: hashing and comparing elements (which may run Python code)
//! and the set algebra of `|`, `&`, `-`, `^` and comparisons, following CPython's algorithms
//! so that results iterate in CPython's order.

use std::cell::RefCell;

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyResult, Vm};

use super::object::ObjKind;
use super::ops;
use super::set::Set;
use super::value::Value;

/// A copy of the table of a set or frozenset value.
pub fn table_of(v: Value) -> Option<Set> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => Some(s.borrow().clone()),
        Some(ObjKind::FrozenSet(s)) => Some(s.clone()),
        _ => None,
    }
}

pub fn new_set_value(vm: &mut Vm, s: Set) -> Value {
    Value::Obj(vm.alloc(ObjKind::Set(RefCell::new(s))))
}

/// A new set of `items` (added in order, as `BUILD_SET` does).
pub fn new_set_from(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let set = new_set_value(vm, Set::new());
    vm.temp_roots.push(set);
    let mut r = Ok(());
    for &item in items {
        if let Err(e) = add(vm, set, item) {
            r = Err(e);
            break;
        }
    }
    vm.temp_roots.pop();
    r.map(|_| set)
}

/// `set.add(item)`.
pub fn add(vm: &mut Vm, set: Value, item: Value) -> PyResult<()> {
    let h = ops::hash(vm, item)?;
    let Some(ObjKind::Set(s)) = set.obj().map(|o| &o.kind) else {
        return Err(vm.new_error(vm.types.type_error, "expected a set"));
    };
    // Compare under a shared borrow (a user __eq__ may read this set), then insert under a
    // mutable one with no Python code running.
    let slot = match s.try_borrow() {
        Ok(guard) => guard.probe_add(item, h, &mut |a, b| ops::eq(vm, a, b))?,
        Err(_) => return Err(vm.new_error(vm.types.runtime_error, "set changed size during iteration")),
    };
    if let Some(slot) = slot {
        match s.try_borrow_mut() {
            Ok(mut guard) => guard.commit_add(slot, item, h),
            Err(_) => return Err(vm.new_error(vm.types.runtime_error, "set changed size during iteration")),
        }
    }
    Ok(())
}

/// `item in set`.
pub fn contains(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let h = match ops::hash(vm, item) {
        Ok(h) => h,
        Err(e) => return Err(e),
    };
    match set.obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => {
            let guard = s.borrow();
            guard.contains(item, h, &mut |a, b| ops::eq(vm, a, b))
        }
        Some(ObjKind::FrozenSet(s)) => s.contains(item, h, &mut |a, b| ops::eq(vm, a, b)),
        _ => Ok(false),
    }
}

/// `set.discard(item)`: whether it was present.
pub fn discard(vm: &mut Vm, set: Value, item: Value) -> PyResult<bool> {
    let h = ops::hash(vm, item)?;
    let Some(ObjKind::Set(s)) = set.obj().map(|o| &o.kind) else {
        return Ok(false);
    };
    let found = match s.try_borrow() {
        Ok(guard) => guard.probe_discard(item, h, &mut |a, b| ops::eq(vm, a, b))?,
        Err(_) => return Err(vm.new_error(vm.types.runtime_error, "set changed size during iteration")),
    };
    let Some(index) = found else { return Ok(false) };
    match s.try_borrow_mut() {
        Ok(mut guard) => guard.commit_discard(index),
        Err(_) => return Err(vm.new_error(vm.types.runtime_error, "set changed size during iteration")),
    }
    Ok(true)
}

/// `set.update(iterable)` (CPython's `set_update_internal`).
pub fn update(vm: &mut Vm, set: Value, other: Value) -> PyResult<()> {
    if let Some(t) = table_of(other) {
        let Some(ObjKind::Set(s)) = set.obj().map(|o| &o.kind) else {
            return Ok(());
        };
        let Ok(mut guard) = s.try_borrow_mut() else {
            return Err(vm.new_error(vm.types.runtime_error, "set changed size during iteration"));
        };
        return guard.merge(&t, &mut |a, b| ops::eq(vm, a, b));
    }
    // Keep the items alive (through a list on the temp roots) while hashing them may run
    // Python code.
    let items = super::iter::collect(vm, other)?;
    let holder = vm.new_list(items.clone());
    vm.temp_roots.push(holder);
    let result = items.into_iter().try_for_each(|item| add(vm, set, item));
    vm.temp_roots.pop();
    result
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets (in place for the augmented forms).
pub fn set_binary(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyResult<Value> {
    if inplace && matches!(a.obj().map(|o| &o.kind), Some(ObjKind::Set(_))) {
        return super::set_methods::inplace_op(vm, op, a, b);
    }
    let ta = table_of(a).unwrap_or_default();
    let tb = table_of(b).unwrap_or_default();
    let mut eq = |x: Value, y: Value| -> PyResult<bool> { Ok(x.is(y)) };
    let result = match op {
        BinaryOp::Or => {
            let mut r = Set::new();
            r.merge(&ta, &mut eq)?;
            r.merge(&tb, &mut |x, y| ops::eq(vm, x, y))?;
            r
        }
        BinaryOp::And => {
            let (small, big) = if tb.len() > ta.len() { (&ta, &tb) } else { (&tb, &ta) };
            // CPython iterates the smaller... it swaps so that `other` is the smaller one.
            let mut r = Set::new();
            for (k, h) in small.iter_hashed() {
                if big.contains(k, h, &mut |x, y| ops::eq(vm, x, y))? {
                    r.add(k, h, &mut |x, y| ops::eq(vm, x, y))?;
                }
            }
            r
        }
        BinaryOp::Subtract => {
            if (ta.len() >> 2) > tb.len() {
                let mut r = Set::new();
                r.merge(&ta, &mut eq)?;
                for (k, h) in tb.iter_hashed() {
                    r.discard(k, h, &mut |x, y| ops::eq(vm, x, y))?;
                }
                r.shrink_after_removals();
                r
            } else {
                let mut r = Set::new();
                for (k, h) in ta.iter_hashed() {
                    if !tb.contains(k, h, &mut |x, y| ops::eq(vm, x, y))? {
                        r.add(k, h, &mut |x, y| ops::eq(vm, x, y))?;
                    }
                }
                r
            }
        }
        BinaryOp::Xor => {
            let mut r = Set::new();
            r.merge(&tb, &mut eq)?;
            for (k, h) in ta.iter_hashed() {
                if !r.discard(k, h, &mut |x, y| ops::eq(vm, x, y))? {
                    r.add(k, h, &mut |x, y| ops::eq(vm, x, y))?;
                }
            }
            r
        }
        _ => return Err(vm.new_error(vm.types.type_error, "unsupported set operation")),
    };
    if inplace {
        if let Some(ObjKind::Set(s)) = a.obj().map(|o| &o.kind) {
            *s.borrow_mut() = result;
            return Ok(a);
        }
    }
    if matches!(a.obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_))) {
        return Ok(Value::Obj(vm.alloc(ObjKind::FrozenSet(result))));
    }
    Ok(new_set_value(vm, result))
}

/// Whether every element of `a` is in `b`.
pub fn is_subset(vm: &mut Vm, a: &Set, b: &Set) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (k, h) in a.iter_hashed() {
        if !b.contains(k, h, &mut |x, y| ops::eq(vm, x, y))? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparisons: equality and the subset/superset orderings.
pub fn set_compare(vm: &mut Vm, op: CompareOp, a: Value, b: Value) -> PyResult<bool> {
    let ta = table_of(a).unwrap_or_default();
    let tb = table_of(b).unwrap_or_default();
    Ok(match op {
        CompareOp::Eq => ta.len() == tb.len() && is_subset(vm, &ta, &tb)?,
        CompareOp::Ne => !(ta.len() == tb.len() && is_subset(vm, &ta, &tb)?),
        CompareOp::Le => is_subset(vm, &ta, &tb)?,
        CompareOp::Lt => ta.len() < tb.len() && is_subset(vm, &ta, &tb)?,
        CompareOp::Ge => is_subset(vm, &tb, &ta)?,
        CompareOp::Gt => ta.len() > tb.len() && is_subset(vm, &tb, &ta)?,
    })
}

/// A set table of constant values (no user code can run: constants hash natively).
pub fn frozen_from(vm: &mut Vm, items: &[Value]) -> Set {
    let mut set = Set::new();
    for &item in items {
        if let Ok(h) = ops::hash(vm, item) {
            let _ = set.add(item, h, &mut |a, b| ops::eq(vm, a, b));
        }
    }
    set
}
