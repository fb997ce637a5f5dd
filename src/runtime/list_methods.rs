//! The methods of `list` (`append`, `extend`, `insert`, `pop`, `remove`, `index`, `count`,
//! `sort`, `reverse`, `copy`, `clear`), registered as natives on the `list` class.
//!
//! Every method works on plain lists and on instances of user subclasses of `list` (both
//! reached through [`Obj::as_list`](super::object::Obj::as_list)). Comparing items may run a
//! user `__eq__`, which may mutate the list being searched, so the searching methods re-read
//! the length and the current item on every step (as CPython does) and never hold the list's
//! `RefCell` borrow across a comparison; the item being compared is kept on `temp_roots`, in
//! case the comparison removes it from the list and then collects garbage.

use super::listcell::ListCell;

use crate::bytecode::CompareOp;
use crate::interpreter::{PyResult, Vm};

use super::builtins::merge_sort;
use super::containers::{check_args, descriptor_error, index_bounds, ssize_arg, Arity, Kw};
use super::interner::sym;
use super::iter as pyiter;
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::types;
use super::value::Value;

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
    ];
    let class = vm.types.list;
    types::add_methods(vm, class, methods);
    // Lists are unhashable: `list.__hash__` is None, as in CPython.
    if let Some(c) = class.as_class() {
        c.set_attr(super::interner::sym::HASH, Value::None);
    }
}

/// The storage of the receiving list (or list-subclass instance).
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static ListCell> {
    match args.first().and_then(|v| v.obj()).and_then(|o| o.as_list()) {
        Some(l) => Ok(l),
        None => Err(descriptor_error(vm, args, "list", name)),
    }
}

/// `ops::eq(item, value)` with `item` rooted for the duration of the comparison.
fn item_eq(vm: &mut Vm, item: Value, value: Value) -> PyResult<bool> {
    vm.temp_roots.push(item);
    let r = ops::eq(vm, item, value);
    vm.temp_roots.pop();
    r
}

/// Whether `func` is `list.append` (the JIT appends to a list in place).
pub fn is_append(func: super::object::NativeFn) -> bool {
    std::ptr::fn_addr_eq(func, append as super::object::NativeFn)
}

fn append(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "append", args, kw, Arity::One)?;
    let l = this(vm, args, "append")?;
    l.borrow_mut().push(args[1]);
    Ok(Value::None)
}

/// `list.extend(iterable)`. Lists and tuples are copied first (so `a.extend(a)` doubles `a`);
/// other iterables are appended item by item as they are produced, so the items are always
/// reachable from the list and an exception midway leaves the items before it appended.
fn extend(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "extend", args, kw, Arity::One)?;
    let l = this(vm, args, "extend")?;
    let src = args[1];
    let direct = match src.obj().map(|o| &o.kind) {
        Some(ObjKind::List(other)) => Some(other.borrow().clone()),
        Some(ObjKind::Tuple(t)) => Some(t.to_vec()),
        _ if src.is(args[0]) => Some(l.borrow().clone()),
        _ => None,
    };
    if let Some(items) = direct {
        l.borrow_mut().extend(items);
        return Ok(Value::None);
    }
    let it = pyiter::get_iter(vm, src)?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(v) = pyiter::next(vm, it)? {
            l.borrow_mut().push(v);
        }
        Ok(Value::None)
    })();
    vm.temp_roots.pop();
    r
}

/// `list.insert(index, object)`: the index is clamped into `0..=len` after counting negative
/// indexes from the end.
fn insert(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "insert", args, kw, Arity::Range(2, 2))?;
    let l = this(vm, args, "insert")?;
    let i = ssize_arg(vm, args[1])?;
    let mut items = l.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, args[2]);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "pop", args, kw, Arity::Range(0, 1))?;
    let l = this(vm, args, "pop")?;
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let mut items = l.borrow_mut();
    if items.is_empty() {
        drop(items);
        return Err(vm.new_error(vm.types.index_error, "pop from empty list"));
    }
    let n = items.len() as i64;
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        drop(items);
        return Err(vm.new_error(vm.types.index_error, "pop index out of range"));
    }
    Ok(items.remove(at as usize))
}

/// Index of the first item equal to `value` in `start..stop`, re-reading the list each step.
fn find(vm: &mut Vm, l: &ListCell, value: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = l.borrow().get(i).copied() else {
            break;
        };
        if item_eq(vm, item, value)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "remove", args, kw, Arity::One)?;
    let l = this(vm, args, "remove")?;
    if let Some(i) = find(vm, l, args[1], 0, usize::MAX)? {
        let mut items = l.borrow_mut();
        if i < items.len() {
            items.remove(i);
        }
        return Ok(Value::None);
    }
    Err(vm.new_error(vm.types.value_error, "list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "index", args, kw, Arity::Range(1, 3))?;
    let l = this(vm, args, "index")?;
    let len = l.borrow().len();
    let (start, stop) = index_bounds(vm, args, 2, len)?;
    match find(vm, l, args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = ops::repr(vm, args[1])?;
            Err(vm.new_error(vm.types.value_error, &format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "count", args, kw, Arity::One)?;
    let l = this(vm, args, "count")?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let Some(item) = l.borrow().get(i).copied() else {
            break;
        };
        if item_eq(vm, item, args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

/// `list.sort(*, key=None, reverse=False)`.
///
/// As in CPython, the items are taken out of the list while it is sorted (so a key function
/// or `__lt__` that looks at the list sees it empty) and put back afterwards; if the list was
/// filled in the meantime, those items are dropped and ValueError reports the modification.
fn sort(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.new_error(vm.types.type_error, "sort() takes no positional arguments"));
    }
    let l = this(vm, args, "sort")?;
    let mut key = None;
    let mut reverse = false;
    for &(k, v) in kw {
        match k {
            sym::KEY => key = Some(v).filter(|v| !v.is_none()),
            sym::REVERSE => reverse = ssize_arg(vm, v)? != 0,
            _ => {
                let name = vm.sym_str(k).to_string();
                return Err(
                    vm.new_error(vm.types.type_error, &format!("'{name}' is an invalid keyword argument for sort()"))
                );
            }
        }
    }
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let result = sort_items(vm, &mut items, key, reverse);
    let modified = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    result?;
    if modified {
        return Err(vm.new_error(vm.types.value_error, "list modified during sort"));
    }
    Ok(Value::None)
}

/// Sorts `items` as CPython's `list_sort_impl` does: keys are computed first, in list order;
/// for `reverse` the keys are reversed, sorted stably with `<`, and reversed back (which keeps
/// equal items in their original order). On error `items` is left unchanged.
fn sort_items(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let result = (|| {
        let keys: Vec<Value> = match key {
            Some(f) => {
                let mut keys = Vec::with_capacity(items.len());
                for &item in items.iter() {
                    let k = vm.call(f, &[item], &[])?;
                    vm.temp_roots.push(k);
                    keys.push(k);
                }
                keys
            }
            None => items.clone(),
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        if reverse {
            order.reverse();
        }
        merge_sort(vm, &mut order, &mut |vm, a, b| match (keys[a], keys[b]) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (ka, kb) => {
                let r = ops::compare(vm, CompareOp::Lt, ka, kb)?;
                ops::truthy(vm, r)
            }
        })?;
        if reverse {
            order.reverse();
        }
        *items = order.iter().map(|&i| items[i]).collect();
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    result
}

fn reverse(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "reverse", args, kw, Arity::NoArgs)?;
    this(vm, args, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

/// `list.copy()`: a plain list, also for subclass instances.
fn copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "copy", args, kw, Arity::NoArgs)?;
    let items = this(vm, args, "copy")?.borrow().clone();
    Ok(vm.new_list(items))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "list", "clear", args, kw, Arity::NoArgs)?;
    let old = std::mem::take(&mut *this(vm, args, "clear")?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(vm: &mut Vm, xs: &[i64]) -> Value {
        let items = xs.iter().map(|&x| Value::Int(x)).collect();
        vm.new_list(items)
    }

    fn contents(v: Value) -> Vec<i64> {
        let l = v.obj().and_then(|o| o.as_list()).map(|l| l.borrow().clone()).unwrap_or_default();
        l.iter().map(|v| if let Value::Int(i) = v { *i } else { -999 }).collect()
    }

    fn message(vm: &mut Vm, e: crate::interpreter::PyErr) -> String {
        ops::str_of(vm, Value::Obj(e.0)).unwrap_or_default()
    }

    #[test]
    fn insert_pop_remove() {
        let mut vm = Vm::new();
        let l = ints(&mut vm, &[1, 2, 3]);
        insert(&mut vm, &[l, Value::Int(-100), Value::Int(0)], &[]).ok();
        insert(&mut vm, &[l, Value::Int(100), Value::Int(9)], &[]).ok();
        insert(&mut vm, &[l, Value::Int(-1), Value::Int(8)], &[]).ok();
        assert_eq!(contents(l), vec![0, 1, 2, 3, 8, 9]);
        assert!(matches!(pop(&mut vm, &[l], &[]).ok(), Some(Value::Int(9))));
        assert!(matches!(pop(&mut vm, &[l, Value::Int(0)], &[]).ok(), Some(Value::Int(0))));
        let e = pop(&mut vm, &[l, Value::Int(7)], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "pop index out of range");
        remove(&mut vm, &[l, Value::Int(2)], &[]).ok();
        assert_eq!(contents(l), vec![1, 3, 8]);
        let e = remove(&mut vm, &[l, Value::Int(2)], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "list.remove(x): x not in list");
        let empty = ints(&mut vm, &[]);
        let e = pop(&mut vm, &[empty], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "pop from empty list");
    }

    #[test]
    fn index_count_extend_sort() {
        let mut vm = Vm::new();
        let l = ints(&mut vm, &[3, 1, 4, 1, 5]);
        assert!(matches!(index(&mut vm, &[l, Value::Int(1), Value::Int(2)], &[]).ok(), Some(Value::Int(3))));
        assert!(matches!(count(&mut vm, &[l, Value::Int(1)], &[]).ok(), Some(Value::Int(2))));
        let e = index(&mut vm, &[l, Value::Int(7)], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "7 is not in list");
        extend(&mut vm, &[l, l], &[]).ok();
        assert_eq!(contents(l), vec![3, 1, 4, 1, 5, 3, 1, 4, 1, 5]);
        sort(&mut vm, &[l], &[(sym::REVERSE, Value::Bool(true))]).ok();
        assert_eq!(contents(l), vec![5, 5, 4, 4, 3, 3, 1, 1, 1, 1]);
        let e = sort(&mut vm, &[l, Value::Int(1)], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "sort() takes no positional arguments");
    }
}
