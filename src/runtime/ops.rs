//! Generic operations on values: operators, comparisons, truth, hashing, indexing (repr and
//! str are in `runtime::repr`).
//!
//! Each operation first handles the built-in types directly and then falls back to the
//! special methods of user classes with Python's protocol: `a + b` tries `a.__add__(b)`, then
//! `b.__radd__(a)` when that returned `NotImplemented`; `==` falls back to identity;
//! truth tries `__bool__` then `__len__`. Error messages are CPython's.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyErr, PyResult, Vm};

use super::int::{self, to_bigint};
use super::interner::{sym, Sym};
use super::object::{ObjKind, Range};
use super::strings;
use super::value::{ObjRef, Value};

/// The class name of a value, as error messages show it.
pub fn type_name(vm: &Vm, v: Value) -> String {
    vm.type_of(v).as_class().map(|c| c.name.clone()).unwrap_or_default()
}

/// Looks up a special method on the class of `v` (user classes only: built-in behaviour is
/// implemented directly).
pub fn special(vm: &Vm, v: Value, name: Sym) -> Option<Value> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Instance(i) => i.class.as_class().and_then(|c| c.lookup(name)),
            // A class's special methods are its metaclass's.
            ObjKind::Class(c) if c.metaclass.get().is_some() => super::metaclass::meta_lookup(vm, o, name),
            _ => None,
        },
        _ => None,
    }
}

/// Calls special method `name` of `v`'s class with `v` as self, if it exists.
pub fn call_special(vm: &mut Vm, v: Value, name: Sym, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = special(vm, v, name) else {
        return Ok(None);
    };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(v);
    all.extend_from_slice(args);
    call_method_value(vm, f, &all).map(Some)
}

/// Calls a class attribute `f` as a method with `args[0]` as self (honouring staticmethod,
/// classmethod and plain callables).
pub fn call_method_value(vm: &mut Vm, f: Value, args: &[Value]) -> PyResult<Value> {
    if let Value::Obj(o) = f {
        match &o.kind {
            ObjKind::StaticMethod(inner) => return vm.call(*inner, &args[1..], &[]),
            ObjKind::ClassMethod(inner) => {
                let cls = Value::Obj(vm.type_of(args[0]));
                let mut a = vec![cls];
                a.extend_from_slice(&args[1..]);
                return vm.call(*inner, &a, &[]);
            }
            _ => {}
        }
    }
    vm.call(f, args, &[])
}

// ---------------------------------------------------------------------------------------------
// Binary operators

/// `BINARY_OP arg` on `a` and `b` (the general path).
pub fn binary_op_arg(vm: &mut Vm, arg: u32, a: Value, b: Value) -> PyResult<Value> {
    let Some((op, inplace)) = BinaryOp::from_arg(arg) else {
        return Err(vm.new_error(vm.types.system_error, "bad BINARY_OP argument"));
    };
    binary_op(vm, op, inplace, a, b)
}

pub fn binary_op(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = int::numeric_binary(vm, op, a, b)? {
        return Ok(r);
    }
    if let Some(r) = builtin_binary(vm, op, inplace, a, b)? {
        return Ok(r);
    }
    let (fwd, _, inp) = op.dunders();
    let a_user = matches!(a, Value::Obj(o) if matches!(o.kind, ObjKind::Instance(_)));
    if a_user {
        if inplace {
            let s = vm.intern(inp);
            if let Some(r) = call_special(vm, a, s, &[b])? {
                if !vm.is_not_implemented(r) {
                    return Ok(r);
                }
            }
        }
        let s = vm.intern(fwd);
        if let Some(r) = call_special(vm, a, s, &[b])? {
            if !vm.is_not_implemented(r) {
                return Ok(r);
            }
        }
    }
    binary_op_reflected(vm, op, inplace, a, b)
}

/// The rest of `a op b` once `a`'s own method is absent or returned `NotImplemented`:
/// `b`'s reflected method, then list subclasses as lists, then CPython's `TypeError`.
pub fn binary_op_reflected(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyResult<Value> {
    let (_, rev, _) = op.dunders();
    let b_user = matches!(b, Value::Obj(o) if matches!(o.kind, ObjKind::Instance(_)));
    if b_user && !vm.type_of(a).eq(&vm.type_of(b)) {
        let s = vm.intern(rev);
        if let Some(r) = call_special(vm, b, s, &[a])? {
            if !vm.is_not_implemented(r) {
                return Ok(r);
            }
        }
    }
    // `n * seq` with an `n` that has `__index__` (and no `__mul__` of its own).
    if op == BinaryOp::Multiply && special(vm, a, sym::INDEX).is_some() {
        if let Value::Obj(bo) = b {
            if matches!(bo.kind, ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_)) {
                if let Some(r) = builtin_binary(vm, op, false, b, a)? {
                    return Ok(r);
                }
            }
        }
    }
    // Subclasses of list without their own operator behave like lists.
    let as_plain_list = |vm: &mut Vm, v: Value| -> Option<Value> {
        match v.obj() {
            Some(o) if matches!(o.kind, ObjKind::Instance(_)) => {
                let items = o.as_list()?.borrow().clone();
                Some(vm.new_list(items))
            }
            _ => None,
        }
    };
    let (pa, pb) = (as_plain_list(vm, a), as_plain_list(vm, b));
    if pa.is_some() || pb.is_some() {
        let (a2, b2) = (pa.unwrap_or(a), pb.unwrap_or(b));
        if let Some(r) = builtin_binary(vm, op, false, a2, b2)? {
            if inplace {
                if let (Some(l), Some(r_items)) = (a.obj().and_then(|o| o.as_list()), r.obj().and_then(|o| o.as_list()))
                {
                    let items = r_items.borrow().clone();
                    *l.borrow_mut() = items;
                    return Ok(a);
                }
            }
            return Ok(r);
        }
    }
    Err(binary_error(vm, op, inplace, a, b))
}

fn binary_error(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyErr {
    if op == BinaryOp::Add {
        let ta = type_name(vm, a);
        let tb = type_name(vm, b);
        if strings::as_str(a).is_some() {
            return vm.new_error(vm.types.type_error, &format!("can only concatenate str (not \"{tb}\") to str"));
        }
        if matches!(a, Value::Obj(o) if matches!(o.kind, ObjKind::List(_) | ObjKind::Tuple(_)))
            && (ta == "list" || ta == "tuple")
        {
            return vm.new_error(vm.types.type_error, &format!("can only concatenate {ta} (not \"{tb}\") to {ta}"));
        }
    }
    if op == BinaryOp::Multiply {
        let is_seq = |v: Value| {
            matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Str(_)
                | ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::Array(_)))
        };
        if (is_seq(a) && matches!(b, Value::Float(_) | Value::Obj(_)))
            || (is_seq(b) && matches!(a, Value::Float(_) | Value::Obj(_)))
        {
            let other = if is_seq(a) { b } else { a };
            let tn = type_name(vm, other);
            return vm.new_error(vm.types.type_error, &format!("can't multiply sequence by non-int of type '{tn}'"));
        }
    }
    int::unsupported(vm, op, a, b, inplace)
}

/// Operators on built-in containers and strings; `Ok(None)` if they do not apply.
fn builtin_binary(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyResult<Option<Value>> {
    let kind = |v: Value| v.obj().map(|o| &o.kind);
    match (kind(a), kind(b)) {
        (Some(ObjKind::Complex(_)), _) | (_, Some(ObjKind::Complex(_))) => {
            if let Some(r) = super::complex::binary(vm, op, a, b)? {
                return Ok(Some(r));
            }
        }
        (Some(ObjKind::Array(_)), _) | (_, Some(ObjKind::Array(_))) => {
            if let Some(r) = super::array::binary(vm, op, inplace, a, b)? {
                return Ok(Some(r));
            }
        }
        (Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)), _) | (_, Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_))) => {
            if let Some(r) = super::bytes::binary(vm, op, inplace, a, b)? {
                return Ok(Some(r));
            }
        }
        _ => {}
    }
    let (Value::Obj(ao), bv) = (a, b) else {
        // int * sequence
        if op == BinaryOp::Multiply && int::is_int(a) {
            if let Value::Obj(bo) = b {
                if matches!(bo.kind, ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_)) {
                    return builtin_binary(vm, op, false, b, a);
                }
            }
        }
        return Ok(None);
    };
    match (&ao.kind, op) {
        (ObjKind::Str(x), BinaryOp::Add) => {
            if let Some(y) = strings::as_str(bv) {
                let mut s = String::with_capacity(x.s.len() + y.len());
                s.push_str(&x.s);
                s.push_str(y);
                return Ok(Some(vm.new_string(s)));
            }
        }
        (ObjKind::Str(x), BinaryOp::Multiply) => {
            if let Some(n) = repeat_count(vm, bv)? {
                let s = super::memory::repeat_str(vm, &x.s, n)?;
                return Ok(Some(vm.new_string(s)));
            }
        }
        (ObjKind::Str(_), BinaryOp::Remainder) => {
            return strings::percent_format(vm, a, bv).map(Some);
        }
        (ObjKind::List(x), BinaryOp::Add) => {
            if inplace {
                let items = super::iter::collect(vm, bv)?;
                x.borrow_mut().extend(items);
                return Ok(Some(a));
            }
            if let Some(y) = bv.as_obj().and_then(|o| match &o.kind {
                ObjKind::List(l) => Some(l.borrow().clone()),
                _ => None,
            }) {
                let mut v = x.borrow().clone();
                v.extend(y);
                return Ok(Some(vm.new_list(v)));
            }
        }
        (ObjKind::List(x), BinaryOp::Multiply) => {
            if let Some(n) = repeat_count(vm, bv)? {
                let items = x.borrow().clone();
                let v = super::memory::repeat(vm, &items, n)?;
                if inplace {
                    *x.borrow_mut() = v;
                    return Ok(Some(a));
                }
                return Ok(Some(vm.new_list(v)));
            }
        }
        (ObjKind::Tuple(x), BinaryOp::Add) => {
            if let Some(y) = bv.obj().and_then(|o| o.as_tuple()) {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                return Ok(Some(vm.new_tuple(v)));
            }
        }
        (ObjKind::Tuple(x), BinaryOp::Multiply) => {
            if let Some(n) = repeat_count(vm, bv)? {
                let v = super::memory::repeat(vm, x, n)?;
                return Ok(Some(vm.new_tuple(v)));
            }
        }
        (
            ObjKind::Set(_) | ObjKind::FrozenSet(_),
            BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor,
        ) => {
            if matches!(bv, Value::Obj(o) if matches!(o.kind, ObjKind::Set(_) | ObjKind::FrozenSet(_))) {
                return super::setops::set_binary(vm, op, inplace, a, bv).map(Some);
            }
        }
        (ObjKind::Dict(_), BinaryOp::Or) => {
            if matches!(bv, Value::Obj(o) if matches!(o.kind, ObjKind::Dict(_))) {
                let target = if inplace { a } else { super::dictops::copy(vm, a)? };
                super::dictops::update_from(vm, target, bv, None)?;
                return Ok(Some(target));
            }
        }
        _ => {}
    }
    Ok(None)
}

/// The repeat count of `seq * n` (negative counts repeat zero times).
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    match n {
        Value::Int(i) => Ok(Some(i.max(0) as usize)),
        Value::Bool(b) => Ok(Some(b as usize)),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => {
                if b.is_negative() {
                    Ok(Some(0))
                } else {
                    Err(vm.new_error(vm.types.overflow_error, "cannot fit 'int' into an index-sized integer"))
                }
            }
            ObjKind::Instance(_) => match call_special(vm, n, sym::INDEX, &[])? {
                Some(i) if int::is_int(i) => repeat_count(vm, i),
                _ => Ok(None),
            },
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------------------------
// Unary operators

pub fn negative(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => int::from_bigint(vm, -BigInt::from(i)),
        }),
        Value::Bool(b) => Ok(Value::Int(-(b as i64))),
        Value::Float(x) => Ok(Value::Float(-x)),
        _ => {
            if let Some(b) = to_bigint(v) {
                return Ok(int::from_bigint(vm, -b));
            }
            if let Some(r) = super::complex::unary(vm, v, '-')? {
                return Ok(r);
            }
            unary_special(vm, v, sym::NEG, "-")
        }
    }
}

pub fn positive(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Float(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        _ if int::is_int(v) => Ok(v),
        _ => match super::complex::unary(vm, v, '+')? {
            Some(r) => Ok(r),
            None => unary_special(vm, v, sym::POS, "+"),
        },
    }
}

pub fn invert(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(Value::Int(!i)),
        Value::Bool(b) => Ok(Value::Int(!(b as i64))),
        _ => {
            if let Some(b) = to_bigint(v) {
                return Ok(int::from_bigint(vm, -b - 1));
            }
            unary_special(vm, v, sym::INVERT, "~")
        }
    }
}

fn unary_special(vm: &mut Vm, v: Value, name: Sym, symbol: &str) -> PyResult<Value> {
    if let Some(r) = call_special(vm, v, name, &[])? {
        return Ok(r);
    }
    let tn = type_name(vm, v);
    Err(vm.new_error(vm.types.type_error, &format!("bad operand type for unary {symbol}: '{tn}'")))
}

// ---------------------------------------------------------------------------------------------
// Truth

/// The truth of `v` when it needs no Python code (no `__bool__` or `__len__` of a class to
/// call), else None. Reads the value and its class only.
pub fn pure_truth(v: Value) -> Option<bool> {
    Some(match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Instance(inst) => {
                let class = inst.class.as_class()?;
                if class.lookup(sym::BOOL).is_some() || class.lookup(sym::LEN).is_some() {
                    return None;
                }
                match o.as_list() {
                    Some(l) => !l.borrow().is_empty(),
                    None => true,
                }
            }
            ObjKind::Class(c) if c.metaclass.get().is_some() => return None,
            ObjKind::Str(s) => !s.s.is_empty(),
            ObjKind::Bytes(b) => !b.b.is_empty(),
            ObjKind::ByteArray(b) => !b.borrow().is_empty(),
            ObjKind::Array(a) => super::array::len(&a.borrow()) != 0,
            ObjKind::BigInt(b) => !b.is_zero(),
            ObjKind::Complex(z) => z.re != 0.0 || z.im != 0.0,
            ObjKind::List(l) => !l.borrow().is_empty(),
            ObjKind::Tuple(t) => !t.is_empty(),
            ObjKind::Dict(d) => !d.borrow().is_empty(),
            ObjKind::Set(s) => !s.borrow().is_empty(),
            ObjKind::FrozenSet(s) => !s.is_empty(),
            ObjKind::Range(r) => r.len() != 0,
            ObjKind::BigRange(r) => !r.len().is_zero(),
            ObjKind::DictView(d, _) => d.as_dict().map(|d| !d.borrow().is_empty()).unwrap_or(false),
            _ => true,
        },
        Value::Null | Value::None => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::Float(x) => x != 0.0,
    })
}

pub fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if let Some(truth) = pure_truth(v) {
        return Ok(truth);
    }
    // An instance whose class defines __bool__ or __len__.
    if let Some(r) = call_special(vm, v, sym::BOOL, &[])? {
        return match r {
            Value::Bool(b) => Ok(b),
            _ => {
                let tn = type_name(vm, r);
                Err(vm.new_error(vm.types.type_error, &format!("__bool__ should return bool, returned {tn}")))
            }
        };
    }
    if let Some(r) = call_special(vm, v, sym::LEN, &[])? {
        return Ok(index_value(vm, r)? != 0);
    }
    Ok(match v {
        Value::Obj(o) => o.as_list().is_none_or(|l| !l.borrow().is_empty()),
        _ => true,
    })
}

// ---------------------------------------------------------------------------------------------
// Comparison

/// `a op b` for a comparison operator.
pub fn compare(vm: &mut Vm, op: CompareOp, a: Value, b: Value) -> PyResult<Value> {
    if let Some(r) = builtin_compare(vm, op, a, b)? {
        return Ok(Value::Bool(r));
    }
    let (fwd, rev) = op.dunders();
    let a_user = matches!(a, Value::Obj(o) if matches!(o.kind, ObjKind::Instance(_)));
    let b_user = matches!(b, Value::Obj(o) if matches!(o.kind, ObjKind::Instance(_)));
    if a_user {
        let s = vm.intern(fwd);
        if let Some(r) = call_special(vm, a, s, &[b])? {
            if !vm.is_not_implemented(r) {
                return Ok(r);
            }
        }
    }
    if b_user {
        let s = vm.intern(rev);
        if let Some(r) = call_special(vm, b, s, &[a])? {
            if !vm.is_not_implemented(r) {
                return Ok(r);
            }
        }
    }
    // Subclasses of list without their own comparison compare like lists.
    let plain = |vm: &mut Vm, v: Value| -> Value {
        match v.obj() {
            Some(o) if matches!(o.kind, ObjKind::Instance(_)) => match o.as_list() {
                Some(l) => {
                    let items = l.borrow().clone();
                    vm.new_list(items)
                }
                None => v,
            },
            _ => v,
        }
    };
    let (pa, pb) = (plain(vm, a), plain(vm, b));
    if !pa.is(a) || !pb.is(b) {
        if let Some(r) = builtin_compare(vm, op, pa, pb)? {
            return Ok(Value::Bool(r));
        }
    }
    match op {
        CompareOp::Eq => Ok(Value::Bool(a.is(b))),
        CompareOp::Ne => {
            if a_user {
                // Default __ne__ inverts __eq__.
                if let Some(r) = call_special(vm, a, sym::EQ, &[b])? {
                    if !vm.is_not_implemented(r) {
                        return Ok(Value::Bool(!truthy(vm, r)?));
                    }
                }
            }
            Ok(Value::Bool(!a.is(b)))
        }
        _ => {
            let ta = type_name(vm, a);
            let tb = type_name(vm, b);
            Err(vm.new_error(
                vm.types.type_error,
                &format!("'{}' not supported between instances of '{ta}' and '{tb}'", op.symbol()),
            ))
        }
    }
}

/// Whether `a == b`.
pub fn eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a.is(b) && !matches!(a, Value::Float(x) if x.is_nan()) {
        return Ok(true);
    }
    if let Some(r) = builtin_compare(vm, CompareOp::Eq, a, b)? {
        return Ok(r);
    }
    let r = compare(vm, CompareOp::Eq, a, b)?;
    truthy(vm, r)
}

fn ordering_result(op: CompareOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    }
}

/// Whether two ints or floats are equal, compared exactly.
pub fn num_equal(a: Value, b: Value) -> bool {
    matches!(num_cmp(a, b), Some(Some(std::cmp::Ordering::Equal)))
}

/// Compares two numbers exactly (ints of any size against floats included).
fn num_cmp(a: Value, b: Value) -> Option<Option<std::cmp::Ordering>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(Some(x.cmp(&y))),
        (Value::Float(x), Value::Float(y)) => Some(x.partial_cmp(&y)),
        _ => {
            let af = matches!(a, Value::Float(_));
            let bf = matches!(b, Value::Float(_));
            if af || bf {
                let x = int::to_f64(a)?;
                let y = int::to_f64(b)?;
                if af && bf {
                    return Some(x.partial_cmp(&y));
                }
                // Exact int/float comparison: compare as big rationals when the float is finite.
                let (fv, iv, flip) = if af { (x, b, false) } else { (y, a, true) };
                let i = to_bigint(iv)?;
                if fv.is_nan() {
                    return Some(None);
                }
                let ord = if fv.is_infinite() {
                    Some(if fv > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less })
                } else {
                    let fl = fv.floor();
                    let fb = BigInt::from(fl as i128);
                    let fb = if fl.abs() < 1e38 { fb } else { num_bigint::BigInt::from(0) };
                    if fl.abs() >= 1e38 {
                        // Huge float: compare via f64 (ints that large are rare here).
                        i.to_f64().and_then(|ifl| fv.partial_cmp(&ifl))
                    } else {
                        match fb.cmp(&i) {
                            std::cmp::Ordering::Equal => {
                                Some(if fv > fl { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal })
                            }
                            o => Some(o),
                        }
                    }
                };
                let ord = ord?;
                // ord compares float to int; flip to get a vs b.
                Some(Some(if flip { ord.reverse() } else { ord }))
            } else {
                let x = to_bigint(a)?;
                let y = to_bigint(b)?;
                Some(Some(x.cmp(&y)))
            }
        }
    }
}

/// Comparisons among built-in types; `Ok(None)` to fall back to special methods.
fn builtin_compare(vm: &mut Vm, op: CompareOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    if super::complex::is_complex(a) || super::complex::is_complex(b) {
        if let Some(r) = super::complex::compare(op, a, b) {
            return Ok(Some(r));
        }
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(None);
        }
    }
    if let Some(ord) = num_cmp(a, b) {
        return Ok(Some(match ord {
            Some(o) => ordering_result(op, o),
            None => op == CompareOp::Ne,
        }));
    }
    let (Value::Obj(ao), Value::Obj(bo)) = (a, b) else {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let is_user = |v: Value| matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Instance(_)));
            if !is_user(a) && !is_user(b) {
                return Ok(Some((op == CompareOp::Eq) == a.is(b)));
            }
        }
        return Ok(None);
    };
    match (&ao.kind, &bo.kind) {
        (ObjKind::Str(x), ObjKind::Str(y)) => Ok(Some(ordering_result(op, x.s.cmp(&y.s)))),
        (ObjKind::Array(_), ObjKind::Array(_)) => super::array::compare(vm, op, ao, bo),
        (ObjKind::Bytes(_) | ObjKind::ByteArray(_), ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => {
            Ok(super::bytes::compare(op, a, b))
        }
        // Key and item views compare as the sets they are (with each other and with sets).
        (ObjKind::DictView(_, x), ObjKind::DictView(_, y))
            if *x != super::object::DictViewKind::Values && *y != super::object::DictViewKind::Values =>
        {
            view_compare(vm, op, a, b).map(Some)
        }
        (ObjKind::DictView(_, x), ObjKind::Set(_) | ObjKind::FrozenSet(_))
        | (ObjKind::Set(_) | ObjKind::FrozenSet(_), ObjKind::DictView(_, x))
            if *x != super::object::DictViewKind::Values =>
        {
            view_compare(vm, op, a, b).map(Some)
        }
        (ObjKind::List(x), ObjKind::List(y)) => {
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_compare(vm, op, &x, &y).map(Some)
        }
        (ObjKind::Tuple(x), ObjKind::Tuple(y)) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            seq_compare(vm, op, &x, &y).map(Some)
        }
        (ObjKind::Set(_) | ObjKind::FrozenSet(_), ObjKind::Set(_) | ObjKind::FrozenSet(_)) => {
            super::setops::set_compare(vm, op, a, b).map(Some)
        }
        (ObjKind::Dict(_), ObjKind::Dict(_)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            let r = super::dictops::dict_eq(vm, a, b)?;
            Ok(Some(r == (op == CompareOp::Eq)))
        }
        (ObjKind::Range(x), ObjKind::Range(y)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            let same = range_eq(x, y);
            Ok(Some(same == (op == CompareOp::Eq)))
        }
        (ObjKind::Instance(_), _) | (_, ObjKind::Instance(_)) => Ok(None),
        _ => {
            if matches!(op, CompareOp::Eq | CompareOp::Ne) {
                Ok(Some((op == CompareOp::Eq) == a.is(b)))
            } else {
                Ok(None)
            }
        }
    }
}

/// A comparison with a key or item view on either side: both as sets.
fn view_compare(vm: &mut Vm, op: CompareOp, a: Value, b: Value) -> PyResult<bool> {
    let as_set = |vm: &mut Vm, v: Value| -> PyResult<Value> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::DictView(..)) => {
                let items = super::iter::collect(vm, v)?;
                super::setops::new_set_from(vm, &items)
            }
            _ => Ok(v),
        }
    };
    let sa = as_set(vm, a)?;
    vm.temp_roots.push(sa);
    let sb = as_set(vm, b);
    let result = sb.and_then(|sb| {
        vm.temp_roots.push(sb);
        let r = super::setops::set_compare(vm, op, sa, sb);
        vm.temp_roots.pop();
        r
    });
    vm.temp_roots.pop();
    result
}

fn range_eq(x: &Range, y: &Range) -> bool {
    let (lx, ly) = (x.len(), y.len());
    lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
}

/// Lexicographic comparison of sequences.
fn seq_compare(vm: &mut Vm, op: CompareOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    vm.temp_roots.extend_from_slice(x);
    vm.temp_roots.extend_from_slice(y);
    let mark = vm.temp_roots.len() - x.len() - y.len();
    let result = (|| {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
            return Ok(op == CompareOp::Ne);
        }
        for (a, b) in x.iter().zip(y.iter()) {
            if !eq(vm, *a, *b)? {
                if op == CompareOp::Eq {
                    return Ok(false);
                }
                if op == CompareOp::Ne {
                    return Ok(true);
                }
                let r = compare(vm, op, *a, *b)?;
                return truthy(vm, r);
            }
        }
        Ok(ordering_result(op, x.len().cmp(&y.len())))
    })();
    vm.temp_roots.truncate(mark);
    result
}

/// `isinstance(exc, ty)` for `except ty:` (ty a class or tuple of classes).
pub fn exception_matches(vm: &mut Vm, exc: Value, ty: Value) -> PyResult<bool> {
    match ty {
        Value::Obj(o) => match &o.kind {
            ObjKind::Class(_) => Ok(vm.isinstance(exc, o)),
            ObjKind::Tuple(items) => {
                for t in items.iter() {
                    if exception_matches(vm, exc, *t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(vm.new_error(
                vm.types.type_error,
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        },
        _ => Err(
            vm.new_error(vm.types.type_error, "catching classes that do not inherit from BaseException is not allowed")
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Hashing

/// `hash(v)` with CPython's values for numbers and tuples.
pub fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(int::hash_i64(i)),
        Value::Bool(b) => Ok(b as i64),
        Value::Float(x) => Ok(int::hash_f64(x)),
        Value::None | Value::Null => Ok(0xFCA86420),
        Value::Obj(o) => match &o.kind {
            ObjKind::Str(_) => Ok(strings::hash_sym_value(v)),
            ObjKind::BigInt(b) => Ok(int::hash_bigint(b)),
            ObjKind::Bytes(b) => Ok(super::bytes::hash(b)),
            ObjKind::Complex(z) => Ok(super::complex::hash(*z)),
            ObjKind::Tuple(items) => {
                let items = items.to_vec();
                let mut hashes = Vec::with_capacity(items.len());
                for item in items {
                    hashes.push(hash(vm, item)?);
                }
                Ok(tuple_hash(&hashes))
            }
            ObjKind::FrozenSet(s) => {
                let mut h: u64 = 0;
                for (_, kh) in s.iter_hashed() {
                    let kh = kh as u64;
                    h ^= (kh ^ (kh << 16) ^ 89869747).wrapping_mul(3644798167);
                }
                h ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
                h ^= (h >> 11) ^ (h >> 25);
                h = h.wrapping_mul(69069).wrapping_add(907133923);
                Ok(if h as i64 == -1 { 590923713 } else { h as i64 })
            }
            ObjKind::List(_) | ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::ByteArray(_) | ObjKind::Array(_) => {
                let tn = type_name(vm, v);
                Err(vm.new_error(vm.types.type_error, &format!("unhashable type: '{tn}'")))
            }
            ObjKind::Instance(i) => {
                let h = i.class.as_class().and_then(|c| c.lookup(sym::HASH));
                match h {
                    Some(Value::None) => {
                        let tn = type_name(vm, v);
                        Err(vm.new_error(vm.types.type_error, &format!("unhashable type: '{tn}'")))
                    }
                    Some(f) => {
                        let r = call_method_value(vm, f, &[v])?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            _ => match to_bigint(r) {
                                Some(b) => Ok(int::hash_bigint(&b)),
                                None => {
                                    Err(vm.new_error(vm.types.type_error, "__hash__ method should return an integer"))
                                }
                            },
                        }
                    }
                    None => Ok(identity_hash(o)),
                }
            }
            _ => Ok(identity_hash(o)),
        },
    }
}

fn identity_hash(o: ObjRef) -> i64 {
    let a = o.addr() as u64;
    ((a >> 4) | (a << 60)) as i64 & i64::MAX
}

/// CPython's tuple hash (xxHash-based, 3.8+).
pub fn tuple_hash(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

pub use super::repr::{repr, str_of};

// ---------------------------------------------------------------------------------------------
// Indexing

/// An integer usable as an index (`__index__` semantics for ints and bools).
pub fn index_value(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) if matches!(o.kind, ObjKind::BigInt(_)) => {
            Err(vm.new_error(vm.types.index_error, "cannot fit 'int' into an index-sized integer"))
        }
        _ => {
            if let Some(r) = call_special(vm, v, sym::INDEX, &[])? {
                return index_value(vm, r);
            }
            let tn = type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// Normalizes a possibly negative index into `0..len`.
#[inline]
fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 && (i as usize) < len {
        Some(i as usize)
    } else {
        None
    }
}

/// The inline fast path of `BINARY_SUBSCR`: list/tuple indexed by an int in range.
#[inline]
pub fn fast_getitem(obj: Value, key: Value) -> Option<Value> {
    let (Value::Obj(o), Value::Int(i)) = (obj, key) else {
        return None;
    };
    match &o.kind {
        ObjKind::List(l) => {
            let l = l.borrow();
            norm_index(i, l.len()).and_then(|i| super::value::get_value(&l, i))
        }
        ObjKind::Tuple(t) => norm_index(i, t.len()).and_then(|i| super::value::get_value(t, i)),
        _ => None,
    }
}

/// The inline fast path of `STORE_SUBSCR`: list indexed by an int in range.
#[inline]
pub fn fast_setitem(obj: Value, key: Value, v: Value) -> bool {
    let (Value::Obj(o), Value::Int(i)) = (obj, key) else {
        return false;
    };
    if let ObjKind::List(l) = &o.kind {
        let mut l = l.borrow_mut();
        if let Some(i) = norm_index(i, l.len()) {
            l[i] = v;
            return true;
        }
    }
    false
}

/// Resolved slice bounds for a sequence of `len` items (CPython's `PySlice_AdjustIndices`).
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

pub fn slice_indices(vm: &mut Vm, slice: ObjRef, len: usize) -> PyResult<SliceIndices> {
    let ObjKind::Slice(a, b, c) = &slice.kind else {
        return Err(vm.new_error(vm.types.type_error, "expected a slice"));
    };
    bounds_indices(vm, *a, *b, *c, len)
}

/// [`slice_indices`] of the slice `a:b:c`, without a slice object.
pub fn bounds_indices(vm: &mut Vm, a: Value, b: Value, c: Value, len: usize) -> PyResult<SliceIndices> {
    let step = if c.is_none() { 1 } else { slice_int(vm, c)? };
    if step == 0 {
        return Err(vm.new_error(vm.types.value_error, "slice step cannot be zero"));
    }
    let len_i = len as i64;
    let (lower, upper) = if step < 0 { (-1, len_i - 1) } else { (0, len_i) };
    let clamp = |v: i64| -> i64 {
        if v < 0 {
            (v + len_i).max(lower)
        } else {
            v.min(upper)
        }
    };
    let start = if a.is_none() {
        if step < 0 {
            upper
        } else {
            lower
        }
    } else {
        clamp(slice_int(vm, a)?)
    };
    let stop = if b.is_none() {
        if step < 0 {
            lower
        } else {
            upper
        }
    } else {
        clamp(slice_int(vm, b)?)
    };
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok(SliceIndices { start, stop, step, len: n as usize })
}

fn slice_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => Ok(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 }),
            _ => match call_special(vm, v, sym::INDEX, &[])? {
                Some(r) => slice_int(vm, r),
                None => Err(vm.new_error(
                    vm.types.type_error,
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        },
        _ => {
            Err(vm.new_error(vm.types.type_error, "slice indices must be integers or None or have an __index__ method"))
        }
    }
}

pub fn is_slice(v: Value) -> Option<ObjRef> {
    match v {
        Value::Obj(o) if matches!(o.kind, ObjKind::Slice(..)) => Some(o),
        _ => None,
    }
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<Value> {
    let Value::Obj(o) = obj else {
        return Err(not_subscriptable(vm, obj));
    };
    match &o.kind {
        ObjKind::List(l) => list_getitem(vm, l, key),
        ObjKind::Tuple(t) => {
            if let Some(s) = is_slice(key) {
                let si = slice_indices(vm, s, t.len())?;
                let v = si.indices().map(|i| t[i]).collect();
                return Ok(vm.new_tuple(v));
            }
            let i = seq_index(vm, key, "tuple")?;
            match norm_index(i, t.len()) {
                Some(i) => Ok(t[i]),
                None => Err(vm.new_error(vm.types.index_error, "tuple index out of range")),
            }
        }
        ObjKind::Str(_) => strings::str_getitem(vm, o, key),
        ObjKind::Dict(_) => match super::dictops::get(vm, o, key)? {
            Some(v) => Ok(v),
            None => Err(vm.new_error_args(vm.types.key_error, vec![key])),
        },
        ObjKind::Range(r) => {
            let r = *r;
            if let Some(s) = is_slice(key) {
                let si = slice_indices(vm, s, r.len() as usize)?;
                let start = r.start + si.start * r.step;
                let step = r.step * si.step;
                let stop = r.start + si.stop * r.step;
                return Ok(Value::Obj(vm.alloc(ObjKind::Range(Range { start, stop, step }))));
            }
            let i = seq_index(vm, key, "range")?;
            match norm_index(i, r.len() as usize) {
                Some(i) => Ok(Value::Int(r.get(i as i64))),
                None => Err(vm.new_error(vm.types.index_error, "range object index out of range")),
            }
        }
        ObjKind::BigRange(r) => super::bigrange::getitem(vm, r, key),
        ObjKind::Array(_) => super::array::getitem(vm, o, key),
        ObjKind::Bytes(_) | ObjKind::ByteArray(_) => super::bytes::getitem(vm, o, key),
        ObjKind::Instance(i) => {
            if let Some(f) = i.class.as_class().and_then(|c| c.lookup(sym::GETITEM)) {
                return call_method_value(vm, f, &[obj, key]);
            }
            if let Some(l) = o.as_list() {
                return list_getitem(vm, l, key);
            }
            Err(not_subscriptable(vm, obj))
        }
        ObjKind::Class(c) if c.metaclass.get().is_some() && special(vm, obj, sym::GETITEM).is_some() => {
            call_special(vm, obj, sym::GETITEM, &[key]).map(|r| r.unwrap_or(Value::None))
        }
        ObjKind::Class(c) => match c.lookup(sym::CLASS_GETITEM) {
            // (An implicit classmethod, as CPython makes it.)
            Some(Value::Obj(f)) if matches!(f.kind, ObjKind::ClassMethod(_)) => {
                let ObjKind::ClassMethod(inner) = &f.kind else { unreachable!() };
                vm.call(*inner, &[obj, key], &[])
            }
            Some(f) => vm.call(f, &[obj, key], &[]),
            None if super::generic_alias::subscriptable(vm, o) => super::generic_alias::new(vm, o, key),
            None => Err(not_subscriptable(vm, obj)),
        },
        _ => Err(not_subscriptable(vm, obj)),
    }
}

/// `l[key]` on list storage (a list or a list subclass instance, without its overrides).
pub fn list_getitem(vm: &mut Vm, l: &crate::runtime::listcell::ListCell, key: Value) -> PyResult<Value> {
    if let Some(ObjKind::Slice(a, b, c)) = key.obj().map(|o| &o.kind) {
        return list_slice(vm, l, *a, *b, *c);
    }
    let i = seq_index(vm, key, "list")?;
    let found = {
        let l = l.borrow();
        norm_index(i, l.len()).map(|i| l[i])
    };
    match found {
        Some(v) => Ok(v),
        None => Err(vm.new_error(vm.types.index_error, "list index out of range")),
    }
}

fn seq_index(vm: &mut Vm, key: Value, what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) if matches!(o.kind, ObjKind::BigInt(_)) => {
            Err(vm.new_error(vm.types.index_error, &format!("cannot fit 'int' into an index-sized integer")))
        }
        _ => {
            if let Some(r) = call_special(vm, key, sym::INDEX, &[])? {
                return seq_index(vm, r, what);
            }
            let tn = type_name(vm, key);
            let kind = if what == "range" { "range" } else { what };
            Err(vm.new_error(vm.types.type_error, &format!("{kind} indices must be integers or slices, not {tn}")))
        }
    }
}

fn not_subscriptable(vm: &mut Vm, v: Value) -> PyErr {
    let tn = type_name(vm, v);
    vm.new_error(vm.types.type_error, &format!("'{tn}' object is not subscriptable"))
}

/// `obj[key] = v`.
pub fn setitem(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    let Value::Obj(o) = obj else {
        let tn = type_name(vm, obj);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object does not support item assignment")));
    };
    match &o.kind {
        ObjKind::List(l) => list_setitem(vm, l, key, v),
        ObjKind::Dict(_) => super::dictops::set(vm, o, key, v),
        ObjKind::Array(_) => super::array::setitem(vm, o, key, v),
        ObjKind::ByteArray(_) => super::bytes::setitem(vm, o, key, v),
        ObjKind::Instance(i) => {
            if let Some(f) = i.class.as_class().and_then(|c| c.lookup(sym::SETITEM)) {
                call_method_value(vm, f, &[obj, key, v])?;
                return Ok(());
            }
            if let Some(l) = o.as_list() {
                return list_setitem(vm, l, key, v);
            }
            let tn = type_name(vm, obj);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object does not support item assignment")))
        }
        _ => {
            let tn = type_name(vm, obj);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object does not support item assignment")))
        }
    }
}

/// `l[a:b:c]`: a new list.
pub fn list_slice(
    vm: &mut Vm,
    l: &crate::runtime::listcell::ListCell,
    a: Value,
    b: Value,
    c: Value,
) -> PyResult<Value> {
    let len = l.borrow().len();
    let si = bounds_indices(vm, a, b, c, len)?;
    let v = {
        let items = l.borrow();
        if si.step == 1 {
            items[si.start as usize..si.start as usize + si.len].to_vec()
        } else {
            si.indices().map(|i| items[i]).collect()
        }
    };
    Ok(vm.new_list(v))
}

pub fn list_setitem(vm: &mut Vm, l: &crate::runtime::listcell::ListCell, key: Value, v: Value) -> PyResult<()> {
    if let Some(ObjKind::Slice(a, b, c)) = key.obj().map(|o| &o.kind) {
        return list_assign_slice(vm, l, *a, *b, *c, v);
    }
    let i = seq_index(vm, key, "list")?;
    let mut list = l.borrow_mut();
    match norm_index(i, list.len()) {
        Some(i) => {
            list[i] = v;
            Ok(())
        }
        None => {
            drop(list);
            Err(vm.new_error(vm.types.index_error, "list assignment index out of range"))
        }
    }
}

/// `l[a:b:c] = v`.
pub fn list_assign_slice(
    vm: &mut Vm,
    l: &crate::runtime::listcell::ListCell,
    a: Value,
    b: Value,
    c: Value,
    v: Value,
) -> PyResult<()> {
    let len = l.borrow().len();
    let si = bounds_indices(vm, a, b, c, len)?;
    // `a[i:j] = other_list`: splice straight from the other list (no temporary copy).
    if si.step == 1 {
        if let Some(src) = v.obj().and_then(|o| o.as_list()).filter(|src| !std::ptr::eq(*src, l)) {
            let (start, stop) = (si.start as usize, si.stop.max(si.start) as usize);
            let src = src.borrow();
            l.borrow_mut().splice(start..stop, src.iter().copied());
            return Ok(());
        }
    }
    let new_items = super::iter::collect(vm, v)?;
    let mut list = l.borrow_mut();
    if si.step == 1 {
        let start = si.start as usize;
        let stop = (si.stop.max(si.start)) as usize;
        list.splice(start..stop, new_items);
        return Ok(());
    }
    if new_items.len() != si.len {
        drop(list);
        return Err(vm.new_error(
            vm.types.value_error,
            &format!("attempt to assign sequence of size {} to extended slice of size {}", new_items.len(), si.len),
        ));
    }
    let idx: Vec<usize> = si.indices().collect();
    for (i, item) in idx.into_iter().zip(new_items) {
        list[i] = item;
    }
    Ok(())
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let Value::Obj(o) = obj else {
        let tn = type_name(vm, obj);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object doesn't support item deletion")));
    };
    match &o.kind {
        ObjKind::Array(_) => return super::array::delitem(vm, o, key),
        ObjKind::ByteArray(_) => return super::bytes::delitem(vm, o, key),
        _ => {}
    }
    if let Some(l) = o.as_list() {
        if !matches!(o.kind, ObjKind::Instance(_)) || special(vm, obj, sym::DELITEM).is_none() {
            return list_delitem(vm, l, key);
        }
    }
    match &o.kind {
        ObjKind::Dict(_) => {
            if super::dictops::remove(vm, o, key)?.is_none() {
                return Err(vm.new_error_args(vm.types.key_error, vec![key]));
            }
            Ok(())
        }
        ObjKind::Instance(_) => {
            if call_special(vm, obj, sym::DELITEM, &[key])?.is_some() {
                return Ok(());
            }
            let tn = type_name(vm, obj);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object doesn't support item deletion")))
        }
        _ => {
            let tn = type_name(vm, obj);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object doesn't support item deletion")))
        }
    }
}

/// `del l[key]` on list storage (an index or a slice).
pub fn list_delitem(vm: &mut Vm, l: &crate::runtime::listcell::ListCell, key: Value) -> PyResult<()> {
    if let Some(s) = is_slice(key) {
        let len = l.borrow().len();
        let si = slice_indices(vm, s, len)?;
        let mut idx: Vec<usize> = si.indices().collect();
        idx.sort_unstable();
        let mut list = l.borrow_mut();
        for i in idx.into_iter().rev() {
            list.remove(i);
        }
        return Ok(());
    }
    let i = seq_index(vm, key, "list")?;
    let mut list = l.borrow_mut();
    match norm_index(i, list.len()) {
        Some(i) => {
            list.remove(i);
            Ok(())
        }
        None => {
            drop(list);
            Err(vm.new_error(vm.types.index_error, "list assignment index out of range"))
        }
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let Value::Obj(o) = container else {
        let tn = type_name(vm, container);
        return Err(vm.new_error(vm.types.type_error, &format!("argument of type '{tn}' is not iterable")));
    };
    match &o.kind {
        ObjKind::Array(_) => super::array::contains(vm, o, item),
        ObjKind::Bytes(_) | ObjKind::ByteArray(_) => super::bytes::contains(vm, o, item),
        ObjKind::List(l) => {
            let items = l.borrow().clone();
            seq_contains(vm, &items, item)
        }
        ObjKind::Tuple(t) => {
            let items = t.to_vec();
            seq_contains(vm, &items, item)
        }
        ObjKind::Str(s) => match strings::as_str(item) {
            Some(sub) => Ok(s.s.contains(sub)),
            None => {
                let tn = type_name(vm, item);
                Err(vm.new_error(
                    vm.types.type_error,
                    &format!("'in <string>' requires string as left operand, not {tn}"),
                ))
            }
        },
        ObjKind::Dict(_) => Ok(super::dictops::get(vm, o, item)?.is_some()),
        ObjKind::DictView(d, super::object::DictViewKind::Keys) => Ok(super::dictops::get(vm, *d, item)?.is_some()),
        ObjKind::Set(_) | ObjKind::FrozenSet(_) => super::setops::contains(vm, container, item),
        ObjKind::BigRange(r) => Ok(match int::to_bigint(item) {
            Some(x) => r.contains(&x),
            None => false,
        }),
        ObjKind::Range(r) => {
            let r = *r;
            match item {
                Value::Int(i) => {
                    let inside = if r.step > 0 { r.start <= i && i < r.stop } else { r.stop < i && i <= r.start };
                    Ok(inside && (i - r.start) % r.step == 0)
                }
                _ => {
                    let items = super::iter::collect(vm, container)?;
                    seq_contains(vm, &items, item)
                }
            }
        }
        ObjKind::Class(c) if c.metaclass.get().is_some() => {
            if let Some(r) = call_special(vm, container, sym::CONTAINS, &[item])? {
                return truthy(vm, r);
            }
            let items = super::iter::collect(vm, container)?;
            seq_contains(vm, &items, item)
        }
        ObjKind::Instance(_) => {
            if let Some(r) = call_special(vm, container, sym::CONTAINS, &[item])? {
                return truthy(vm, r);
            }
            let items = super::iter::collect(vm, container)?;
            seq_contains(vm, &items, item)
        }
        _ => {
            let items = super::iter::collect(vm, container)?;
            seq_contains(vm, &items, item)
        }
    }
}

fn seq_contains(vm: &mut Vm, items: &[Value], item: Value) -> PyResult<bool> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(items);
    let mut found = Ok(false);
    for v in items {
        match eq(vm, *v, item) {
            Ok(true) => {
                found = Ok(true);
                break;
            }
            Ok(false) => {}
            Err(e) => {
                found = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(mark);
    found
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    if let Value::Obj(o) = v {
        match &o.kind {
            ObjKind::Str(s) => return Ok(strings::char_len(s)),
            ObjKind::List(l) => return Ok(l.borrow().len()),
            ObjKind::Tuple(t) => return Ok(t.len()),
            ObjKind::Dict(d) => return Ok(d.borrow().len()),
            ObjKind::Set(s) => return Ok(s.borrow().len()),
            ObjKind::FrozenSet(s) => return Ok(s.len()),
            ObjKind::Range(r) => return Ok(r.len() as usize),
            ObjKind::BigRange(r) => return super::bigrange::len(vm, r),
            ObjKind::DictView(d, _) => return Ok(d.as_dict().map(|d| d.borrow().len()).unwrap_or(0)),
            ObjKind::Array(a) => return Ok(super::array::len(&a.borrow())),
            ObjKind::Bytes(_) | ObjKind::ByteArray(_) => return Ok(super::bytes::len(o)),
            ObjKind::Instance(_) | ObjKind::Class(_) => {
                if let Some(r) = call_special(vm, v, sym::LEN, &[])? {
                    let n = index_value(vm, r)?;
                    if n < 0 {
                        return Err(vm.new_error(vm.types.value_error, "__len__() should return >= 0"));
                    }
                    return Ok(n as usize);
                }
                if let Some(l) = o.as_list() {
                    return Ok(l.borrow().len());
                }
            }
            _ => {}
        }
    }
    let tn = type_name(vm, v);
    Err(vm.new_error(vm.types.type_error, &format!("object of type '{tn}' has no len()")))
}

/// An int value as i64 for natives (`TypeError` otherwise).
pub fn expect_int(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => b
                .to_i64()
                .ok_or_else(|| vm.new_error(vm.types.overflow_error, "Python int too large to convert to C long")),
            _ => {
                if let Some(r) = call_special(vm, v, sym::INDEX, &[])? {
                    return expect_int(vm, r, what);
                }
                let tn = type_name(vm, v);
                Err(vm.new_error(
                    vm.types.type_error,
                    &format!("'{tn}' object cannot be interpreted as an integer{what}"),
                ))
            }
        },
        _ => {
            let tn = type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer{what}")))
        }
    }
}
