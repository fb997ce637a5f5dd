//! Methods of the built-in containers, and the argument checking every built-in method shares.
//!
//! CPython reports a bad call of a built-in method in one of a handful of fixed phrasings,
//! depending on how the method's C function receives its arguments (`METH_NOARGS`, `METH_O`,
//! a `PyArg_UnpackTuple` range or an Argument Clinic signature); programs print these
//! messages, so [`check_args`] reproduces them from an [`Arity`]. The same goes for integer
//! arguments ([`ssize_arg`]: `PyNumber_AsSsize_t`) and for the optional start/end bounds of
//! searches ([`slice_bound`]: `_PyEval_SliceIndex`, which clamps huge ints instead of failing).
//!
//! The methods themselves live by type: `list` in [`list_methods`](super::list_methods),
//! `dict` in [`dict_methods`](super::dict_methods), `set`/`frozenset` in
//! [`set_methods`](super::set_methods), and `tuple` here. Methods receive the container as
//! `args[0]`; the other arguments stay on the VM stack for the whole call, so they are GC roots.

use num_traits::Signed;

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyErr, PyResult, Vm};

use super::interner::{sym, Sym};
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::types;
use super::value::Value;

pub(super) type Kw<'a> = &'a [(Sym, Value)];

pub fn init(vm: &mut Vm) {
    let tuple_methods: &[(&'static str, NativeFn)] = &[("index", tuple_index), ("count", tuple_count)];
    let class = vm.types.tuple;
    types::add_methods(vm, class, tuple_methods);
    // For subclasses, which reach the items through the class (CPython's slots).
    let specials: &[(&'static str, NativeFn)] = &[
        ("__getitem__", |vm, a, _| tuple_op(vm, a, |vm, t, o| ops::getitem(vm, t, o))),
        ("__contains__", |vm, a, _| tuple_op(vm, a, |vm, t, o| ops::contains(vm, t, o).map(Value::Bool))),
        ("__add__", |vm, a, _| tuple_op(vm, a, |vm, t, o| ops::binary_op(vm, BinaryOp::Add, false, t, o))),
        ("__mul__", |vm, a, _| tuple_op(vm, a, |vm, t, o| ops::binary_op(vm, BinaryOp::Multiply, false, t, o))),
        ("__rmul__", |vm, a, _| tuple_op(vm, a, |vm, t, o| ops::binary_op(vm, BinaryOp::Multiply, false, t, o))),
        ("__eq__", |vm, a, _| tuple_compare(vm, a, CompareOp::Eq)),
        ("__ne__", |vm, a, _| tuple_compare(vm, a, CompareOp::Ne)),
        ("__lt__", |vm, a, _| tuple_compare(vm, a, CompareOp::Lt)),
        ("__le__", |vm, a, _| tuple_compare(vm, a, CompareOp::Le)),
        ("__gt__", |vm, a, _| tuple_compare(vm, a, CompareOp::Gt)),
        ("__ge__", |vm, a, _| tuple_compare(vm, a, CompareOp::Ge)),
        ("__len__", |vm, a, _| tuple_unary(vm, a, |vm, t| ops::len(vm, t).map(|n| Value::Int(n as i64)))),
        ("__iter__", |vm, a, _| tuple_unary(vm, a, super::iter::get_iter)),
        ("__hash__", |vm, a, _| tuple_unary(vm, a, |vm, t| ops::hash(vm, t).map(Value::Int))),
        ("__repr__", |vm, a, _| {
            tuple_unary(vm, a, |vm, t| {
                let s = ops::repr(vm, t)?;
                Ok(vm.new_string(s))
            })
        }),
    ];
    types::add_methods(vm, class, specials);
    let new = vm.new_native("__new__", tuple_new);
    let new = Value::Obj(vm.alloc(ObjKind::StaticMethod(new)));
    if let Some(c) = class.as_class() {
        c.set_attr(sym::NEW, new);
    }
    super::list_methods::init(vm);
    super::dict_methods::init(vm);
    super::set_methods::init(vm);
    super::num_methods::init(vm);
    super::generic_alias::init(vm);
}

// ---------------------------------------------------------------------------------------------
// Argument checking

/// How a built-in method takes its positional arguments (not counting `self`), which decides
/// the wording of CPython's error for a wrong count.
#[derive(Clone, Copy, Debug)]
pub(super) enum Arity {
    /// `METH_NOARGS`: "list.clear() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "str.join() takes exactly one argument (0 given)".
    One,
    /// `PyArg_UnpackTuple`: "pop expected at most 1 argument, got 2".
    Range(usize, usize),
    /// Argument Clinic: "find() takes at least 1 argument (0 given)".
    Clinic(usize, usize),
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks the number of positional arguments after `self` (`n`) against `arity`.
pub(super) fn check_count(vm: &mut Vm, ty: &str, name: &str, n: usize, arity: Arity) -> PyResult<()> {
    let msg = match arity {
        Arity::NoArgs if n != 0 => format!("{ty}.{name}() takes no arguments ({n} given)"),
        Arity::One if n != 1 => format!("{ty}.{name}() takes exactly one argument ({n} given)"),
        Arity::Range(min, max) if n < min || n > max => {
            if min == max {
                format!("{name} expected {min} argument{}, got {n}", plural(min))
            } else if n < min {
                format!("{name} expected at least {min} argument{}, got {n}", plural(min))
            } else {
                format!("{name} expected at most {max} argument{}, got {n}", plural(max))
            }
        }
        Arity::Clinic(min, max) if n < min || n > max => {
            if min == max {
                format!("{name}() takes exactly {min} argument{} ({n} given)", plural(min))
            } else if n < min {
                format!("{name}() takes at least {min} argument{} ({n} given)", plural(min))
            } else {
                format!("{name}() takes at most {max} argument{} ({n} given)", plural(max))
            }
        }
        _ => return Ok(()),
    };
    Err(vm.new_error(vm.types.type_error, &msg))
}

/// Rejects keyword arguments: "list.pop() takes no keyword arguments".
pub(super) fn no_keywords(vm: &mut Vm, ty: &str, name: &str, kw: Kw) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    Err(vm.new_error(vm.types.type_error, &format!("{ty}.{name}() takes no keyword arguments")))
}

/// Checks a call of a method that takes no keyword arguments. `args[0]` is `self`.
pub(super) fn check_args(vm: &mut Vm, ty: &str, name: &str, args: &[Value], kw: Kw, arity: Arity) -> PyResult<()> {
    no_keywords(vm, ty, name, kw)?;
    check_count(vm, ty, name, args.len().saturating_sub(1), arity)
}

/// Argument Clinic parsing of positional-or-keyword parameters `names` (`args` without
/// `self`): the values in parameter order, `None` where not given, and CPython's errors for too
/// many arguments, a duplicate and an unknown keyword.
pub(crate) fn clinic_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: Kw,
    names: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let npos = args.len();
    let max = names.len();
    if npos + kw.len() > max {
        let msg = if npos == 0 {
            format!("{name}() takes at most {max} keyword argument{} ({} given)", plural(max), kw.len())
        } else {
            format!("{name}() takes at most {max} argument{} ({} given)", plural(max), npos + kw.len())
        };
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    let mut out: Vec<Option<Value>> = args.iter().map(|v| Some(*v)).collect();
    out.resize(max, None);
    for &(k, v) in kw {
        let key = vm.sym_str(k).to_string();
        let msg = match names.iter().position(|n| *n == key) {
            Some(i) if out[i].is_none() => {
                out[i] = Some(v);
                continue;
            }
            Some(i) => format!("argument for {name}() given by name ('{key}') and position ({})", i + 1),
            None => format!("'{key}' is an invalid keyword argument for {name}()"),
        };
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    Ok(out)
}

/// The error for a method of `ty` called with a missing or wrong `self` (`list.append(1, 2)`).
pub(super) fn descriptor_error(vm: &mut Vm, args: &[Value], ty: &str, name: &str) -> PyErr {
    let msg = match args.first() {
        None => format!("unbound method {ty}.{name}() needs an argument"),
        Some(v) => {
            let tn = ops::type_name(vm, *v);
            format!("descriptor '{name}' for '{ty}' objects doesn't apply to a '{tn}' object")
        }
    };
    vm.new_error(vm.types.type_error, &msg)
}

/// Runs `f` with `roots` pushed on `vm.temp_roots` (values `f` needs kept alive while it calls
/// back into Python), and pops them again afterwards, also when `f` fails.
pub(super) fn rooted<T>(vm: &mut Vm, roots: &[Value], f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(roots);
    let r = f(vm);
    vm.temp_roots.truncate(mark);
    r
}

/// An integer argument as `PyNumber_AsSsize_t` reads it: ints, bools and `__index__`;
/// OverflowError beyond 64 bits.
pub(super) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(_) => {
                Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C ssize_t"))
            }
            ObjKind::Instance(_) => match ops::call_special(vm, v, sym::INDEX, &[])? {
                Some(r @ (Value::Int(_) | Value::Bool(_))) => ssize_arg(vm, r),
                Some(r) if super::int::is_int(r) => ssize_arg(vm, r),
                Some(r) => {
                    let tn = ops::type_name(vm, r);
                    Err(vm.new_error(vm.types.type_error, &format!("__index__ returned non-int (type {tn})")))
                }
                None => Err(not_an_integer(vm, v)),
            },
            _ => Err(not_an_integer(vm, v)),
        },
        _ => Err(not_an_integer(vm, v)),
    }
}

fn not_an_integer(vm: &mut Vm, v: Value) -> PyErr {
    let tn = ops::type_name(vm, v);
    vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer"))
}

/// A start/end bound of a search (`_PyEval_SliceIndex`): ints of any size (clamped to 64
/// bits), `__index__`, and `None` (= absent) when `none_ok`. The error names the accepted
/// types the way the calling method does.
pub(super) fn slice_bound(vm: &mut Vm, v: Value, none_ok: bool) -> PyResult<Option<i64>> {
    let bad = |vm: &mut Vm| {
        let msg = if none_ok {
            "slice indices must be integers or None or have an __index__ method"
        } else {
            "slice indices must be integers or have an __index__ method"
        };
        vm.new_error(vm.types.type_error, msg)
    };
    match v {
        Value::None if none_ok => Ok(None),
        Value::Int(i) => Ok(Some(i)),
        Value::Bool(b) => Ok(Some(b as i64)),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
            ObjKind::Instance(_) => match ops::call_special(vm, v, sym::INDEX, &[])? {
                Some(r) if super::int::is_int(r) => slice_bound(vm, r, false),
                Some(r) => {
                    let tn = ops::type_name(vm, r);
                    Err(vm.new_error(vm.types.type_error, &format!("__index__ returned non-int (type {tn})")))
                }
                None => Err(bad(vm)),
            },
            _ => Err(bad(vm)),
        },
        _ => Err(bad(vm)),
    }
}

/// Resolves optional `start`/`end` bounds against a sequence of `len` items the way CPython's
/// `ADJUST_INDICES` does: negative bounds count from the end, then both are clamped at 0 and
/// `end` at `len`. `start` may exceed `len` (callers check `end - start`).
pub(super) fn adjust_bounds(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// The optional `start, stop` arguments of `list.index`/`tuple.index` (`args[from..]`).
pub(super) fn index_bounds(vm: &mut Vm, args: &[Value], from: usize, len: usize) -> PyResult<(usize, usize)> {
    let start = match args.get(from) {
        Some(v) => slice_bound(vm, *v, false)?,
        None => None,
    };
    let stop = match args.get(from + 1) {
        Some(v) => slice_bound(vm, *v, false)?,
        None => None,
    };
    let (start, stop) = adjust_bounds(start, stop, len);
    Ok((start as usize, stop.max(0) as usize))
}

// ---------------------------------------------------------------------------------------------
// tuple

fn this_tuple(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Vec<Value>> {
    match args.first().and_then(|v| v.obj()).and_then(|o| o.as_tuple()) {
        Some(t) => Ok(t.to_vec()),
        None => Err(descriptor_error(vm, args, "tuple", name)),
    }
}

/// `tuple.index(value[, start[, stop]])`.
fn tuple_index(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "tuple", "index", args, kw, Arity::Range(1, 3))?;
    let items = this_tuple(vm, args, "index")?;
    let (start, stop) = index_bounds(vm, args, 2, items.len())?;
    for (i, &item) in items.iter().enumerate().take(stop).skip(start) {
        if ops::eq(vm, item, args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.new_error(vm.types.value_error, "tuple.index(x): x not in tuple"))
}

/// `tuple.count(value)`.
fn tuple_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "tuple", "count", args, kw, Arity::One)?;
    let items = this_tuple(vm, args, "count")?;
    let mut n = 0;
    for &item in &items {
        if ops::eq(vm, item, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

// ---------------------------------------------------------------------------------------------
// tuple's special methods, for instances of tuple subclasses

/// `tuple.__new__(cls, iterable=())`: a tuple, or an instance of a tuple subclass.
fn tuple_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "tuple", "__new__", kw)?;
    let Some(class) = args.first().and_then(|v| v.as_obj()).filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "tuple.__new__(X): X is not a type object"));
    };
    if !types::is_subclass(class, vm.types.tuple) {
        let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
        return Err(
            vm.new_error(vm.types.type_error, &format!("tuple.__new__({name}): {name} is not a subtype of tuple"))
        );
    }
    if args.len() > 2 {
        return Err(
            vm.new_error(vm.types.type_error, &format!("tuple expected at most 1 argument, got {}", args.len() - 1))
        );
    }
    let items = match args.get(1) {
        Some(v) => super::iter::collect(vm, *v)?,
        None => Vec::new(),
    };
    if class == vm.types.tuple {
        return Ok(vm.new_tuple(items));
    }
    Ok(vm.new_tuple_instance(class, items))
}

/// A plain tuple with the items of `v` (a tuple or a tuple subclass instance), if it is one.
fn plain_tuple(vm: &mut Vm, v: Value) -> Option<Value> {
    let items = v.obj()?.as_tuple()?.to_vec();
    Some(vm.new_tuple(items))
}

fn tuple_unary(vm: &mut Vm, args: &[Value], f: fn(&mut Vm, Value) -> PyResult<Value>) -> PyResult<Value> {
    let Some(t) = args.first().and_then(|v| plain_tuple(vm, *v)) else {
        return Err(descriptor_error(vm, args, "tuple", "__len__"));
    };
    rooted(vm, &[t], |vm| f(vm, t))
}

fn tuple_op(vm: &mut Vm, args: &[Value], f: fn(&mut Vm, Value, Value) -> PyResult<Value>) -> PyResult<Value> {
    let (Some(t), Some(&other)) = (args.first().and_then(|v| plain_tuple(vm, *v)), args.get(1)) else {
        return Err(descriptor_error(vm, args, "tuple", "__getitem__"));
    };
    let other = plain_tuple(vm, other).unwrap_or(other);
    rooted(vm, &[t, other], |vm| f(vm, t, other))
}

fn tuple_compare(vm: &mut Vm, args: &[Value], op: CompareOp) -> PyResult<Value> {
    let (Some(t), Some(&other)) = (args.first().and_then(|v| plain_tuple(vm, *v)), args.get(1)) else {
        return Err(descriptor_error(vm, args, "tuple", "__eq__"));
    };
    let Some(other) = plain_tuple(vm, other) else {
        return Ok(vm.not_implemented());
    };
    rooted(vm, &[t, other], |vm| ops::compare(vm, op, t, other))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_adjust_indices() {
        assert_eq!(adjust_bounds(None, None, 5), (0, 5));
        assert_eq!(adjust_bounds(Some(-2), None, 5), (3, 5));
        assert_eq!(adjust_bounds(Some(-10), Some(-1), 5), (0, 4));
        assert_eq!(adjust_bounds(Some(7), Some(100), 5), (7, 5));
        assert_eq!(adjust_bounds(Some(i64::MIN), Some(i64::MIN), 5), (0, 0));
        assert_eq!(adjust_bounds(Some(i64::MAX), Some(i64::MAX), 5), (i64::MAX, 5));
    }

    fn message(vm: &mut Vm, e: PyErr) -> String {
        ops::str_of(vm, Value::Obj(e.0)).unwrap_or_default()
    }

    #[test]
    fn arity_messages_match_cpython() {
        let mut vm = Vm::new();
        let cases: &[(Arity, usize, &str)] = &[
            (Arity::NoArgs, 1, "list.clear() takes no arguments (1 given)"),
            (Arity::One, 0, "list.clear() takes exactly one argument (0 given)"),
            (Arity::Range(1, 2), 0, "clear expected at least 1 argument, got 0"),
            (Arity::Range(0, 1), 2, "clear expected at most 1 argument, got 2"),
            (Arity::Range(2, 2), 1, "clear expected 2 arguments, got 1"),
            (Arity::Clinic(1, 3), 0, "clear() takes at least 1 argument (0 given)"),
            (Arity::Clinic(0, 2), 3, "clear() takes at most 2 arguments (3 given)"),
        ];
        for &(arity, n, want) in cases {
            let e = check_count(&mut vm, "list", "clear", n, arity).unwrap_err();
            assert_eq!(message(&mut vm, e), want);
        }
        assert!(check_count(&mut vm, "list", "clear", 2, Arity::Range(1, 3)).is_ok());
    }

    #[test]
    fn tuple_index_and_count() {
        let mut vm = Vm::new();
        let t = vm.new_tuple(vec![Value::Int(3), Value::Int(1), Value::Int(3)]);
        let r = tuple_count(&mut vm, &[t, Value::Int(3)], &[]).ok();
        assert!(matches!(r, Some(Value::Int(2))));
        let r = tuple_index(&mut vm, &[t, Value::Int(3), Value::Int(1)], &[]).ok();
        assert!(matches!(r, Some(Value::Int(2))));
        let e = tuple_index(&mut vm, &[t, Value::Int(9)], &[]).unwrap_err();
        assert_eq!(message(&mut vm, e), "tuple.index(x): x not in tuple");
    }
}
