//! `array.array`: typed, compact sequences of numbers.
//!
//! Items are kept as `f64` (`'f'` and `'d'`; `'f'` rounds through `f32` as a C float would) or
//! as `i64` (the integer typecodes; `'L'` and `'Q'` keep the bit pattern of a `u64`). Storing an
//! item checks the typecode's range with CPython's messages, and reading one converts it back,
//! so a program sees exactly what CPython's C arrays give it. Arrays are sequences for every
//! purpose: indexing and slicing (slices are arrays), slice assignment from arrays of the same
//! kind, `+`, `*`, `+=`, `*=`, comparisons, `in`, iteration and the list-like methods.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::interner::Sym;
use super::object::{ArrayData, NativeFn, ObjKind};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

const TYPECODES: &str = "bBhHiIlLqQfd";

pub fn init(vm: &mut Vm) {
    let class = vm.types.array;
    types::set_constructor(class, new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("tolist", tolist),
        ("fromlist", fromlist),
        ("tobytes", tobytes),
        ("frombytes", frombytes),
        ("__contains__", contains_method),
    ];
    types::add_methods(vm, class, methods);
}

/// The bytes one item takes (`itemsize`).
pub fn itemsize(tc: char) -> i64 {
    match tc {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        _ => 8,
    }
}

fn typecode(a: &ArrayData) -> char {
    match a {
        ArrayData::Float(tc, _) | ArrayData::Int(tc, _) => *tc,
    }
}

pub fn len(a: &ArrayData) -> usize {
    match a {
        ArrayData::Float(_, v) => v.len(),
        ArrayData::Int(_, v) => v.len(),
    }
}

/// Item `i` as a Python value.
pub fn item(vm: &mut Vm, a: &ArrayData, i: usize) -> Option<Value> {
    match a {
        ArrayData::Float(_, v) => v.get(i).map(|x| Value::Float(*x)),
        ArrayData::Int('L' | 'Q', v) => v.get(i).map(|x| {
            let u = *x as u64;
            match i64::try_from(u) {
                Ok(s) => Value::Int(s),
                Err(_) => super::int::from_bigint(vm, BigInt::from(u)),
            }
        }),
        ArrayData::Int(_, v) => v.get(i).map(|x| Value::Int(*x)),
    }
}

fn items(vm: &mut Vm, a: &ArrayData) -> Vec<Value> {
    (0..len(a)).filter_map(|i| item(vm, a, i)).collect()
}

/// Item `v` converted for an array of typecode `tc`, with CPython's errors.
enum Item {
    Float(f64),
    Int(i64),
}

fn convert(vm: &mut Vm, tc: char, v: Value) -> PyResult<Item> {
    if matches!(tc, 'f' | 'd') {
        let x = match v {
            Value::Float(x) => x,
            _ if super::int::is_int(v) => super::int::num_as_f64(vm, v)?.unwrap_or(0.0),
            _ => {
                let tn = ops::type_name(vm, v);
                return Err(vm.new_error(vm.types.type_error, &format!("must be real number, not {tn}")));
            }
        };
        return Ok(Item::Float(if tc == 'f' { x as f32 as f64 } else { x }));
    }
    let value = match super::int::to_bigint(v) {
        Some(b) => b,
        None => {
            let n = ops::expect_int(vm, v, "")?;
            BigInt::from(n)
        }
    };
    let overflow = |vm: &mut Vm, msg: &str| Err(vm.new_error(vm.types.overflow_error, msg));
    let (lo, hi, low_msg, high_msg): (i128, i128, &str, &str) = match tc {
        'b' => (-128, 127, "signed char is less than minimum", "signed char is greater than maximum"),
        'B' => (0, 255, "unsigned byte integer is less than minimum", "unsigned byte integer is greater than maximum"),
        'h' => {
            (-32768, 32767, "signed short integer is less than minimum", "signed short integer is greater than maximum")
        }
        'H' => (0, 65535, "unsigned short is less than minimum", "unsigned short is greater than maximum"),
        'i' => (
            i32::MIN as i128,
            i32::MAX as i128,
            "signed integer is less than minimum",
            "signed integer is greater than maximum",
        ),
        'I' => (
            0,
            u32::MAX as i128,
            "can't convert negative value to unsigned int",
            "unsigned int is greater than maximum",
        ),
        'l' => (
            i64::MIN as i128,
            i64::MAX as i128,
            "Python int too large to convert to C long",
            "Python int too large to convert to C long",
        ),
        'L' => (
            0,
            u64::MAX as i128,
            "can't convert negative value to unsigned int",
            "Python int too large to convert to C unsigned long",
        ),
        'q' => (i64::MIN as i128, i64::MAX as i128, "int too big to convert", "int too big to convert"),
        _ => (0, u64::MAX as i128, "can't convert negative int to unsigned", "int too big to convert"),
    };
    let Some(x) = value.to_i128() else {
        return overflow(vm, if value.sign() == num_bigint::Sign::Minus { low_msg } else { high_msg });
    };
    if x < lo {
        return overflow(vm, low_msg);
    }
    if x > hi {
        return overflow(vm, high_msg);
    }
    // ('L' and 'Q' keep a u64's bits.)
    Ok(Item::Int(x as u64 as i64))
}

fn store(a: &mut ArrayData, at: Option<usize>, item: Item) {
    match (a, item) {
        (ArrayData::Float(_, v), Item::Float(x)) => match at {
            Some(i) => v[i] = x,
            None => v.push(x),
        },
        (ArrayData::Int(_, v), Item::Int(x)) => match at {
            Some(i) => v[i] = x,
            None => v.push(x),
        },
        _ => {}
    }
}

fn data(o: ObjRef) -> Option<&'static RefCell<ArrayData>> {
    match &Value::Obj(o).obj()?.kind {
        ObjKind::Array(a) => Some(a),
        _ => None,
    }
}

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static RefCell<ArrayData>> {
    match args.first().and_then(|v| v.as_obj()).and_then(data) {
        Some(a) => Ok(a),
        None => Err(vm.new_error(
            vm.types.type_error,
            &format!("descriptor '{name}' for 'array.array' objects doesn't apply to this object"),
        )),
    }
}

fn empty_like(tc: char) -> ArrayData {
    if matches!(tc, 'f' | 'd') {
        ArrayData::Float(tc, Vec::new())
    } else {
        ArrayData::Int(tc, Vec::new())
    }
}

fn alloc(vm: &mut Vm, a: ArrayData) -> Value {
    Value::Obj(vm.alloc(ObjKind::Array(RefCell::new(a))))
}

/// `array(typecode[, initializer])`.
fn new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let Some(tc) = args.get(1).and_then(|v| strings::as_str(*v)).filter(|s| s.chars().count() == 1) else {
        return Err(vm.new_error(vm.types.type_error, "array() argument 1 must be a unicode character, not str"));
    };
    let tc = tc.chars().next().unwrap_or('?');
    if !TYPECODES.contains(tc) {
        return Err(
            vm.new_error(vm.types.value_error, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let mut a = empty_like(tc);
    if let Some(b) = args.get(2).and_then(|v| super::bytes::data(*v)) {
        // Bytes are the items' machine representation, as `frombytes` reads them.
        extend_from_bytes(vm, &mut a, &b)?;
    } else if let Some(init) = args.get(2) {
        for v in super::iter::collect(vm, *init)? {
            let it = convert(vm, tc, v)?;
            store(&mut a, None, it);
        }
    }
    Ok(alloc(vm, a))
}

/// The items' machine representation (little-endian, as on every machine stitch runs on).
fn to_bytes(a: &ArrayData) -> Vec<u8> {
    let size = itemsize(typecode(a)) as usize;
    let mut out = Vec::with_capacity(len(a) * size);
    match a {
        ArrayData::Float('f', v) => v.iter().for_each(|x| out.extend_from_slice(&(*x as f32).to_le_bytes())),
        ArrayData::Float(_, v) => v.iter().for_each(|x| out.extend_from_slice(&x.to_le_bytes())),
        ArrayData::Int(_, v) => v.iter().for_each(|x| out.extend_from_slice(&x.to_le_bytes()[..size])),
    }
    out
}

/// Appends the items whose machine representation is `b`.
fn extend_from_bytes(vm: &mut Vm, a: &mut ArrayData, b: &[u8]) -> PyResult<()> {
    let tc = typecode(a);
    let size = itemsize(tc) as usize;
    if b.len() % size != 0 {
        return Err(vm.new_error(vm.types.value_error, "bytes length not a multiple of item size"));
    }
    for chunk in b.chunks(size) {
        match a {
            ArrayData::Float('f', v) => v.push(f32::from_le_bytes(chunk.try_into().unwrap_or([0; 4])) as f64),
            ArrayData::Float(_, v) => v.push(f64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]))),
            ArrayData::Int(_, v) => {
                let mut word = [0u8; 8];
                word[..size].copy_from_slice(chunk);
                let raw = u64::from_le_bytes(word);
                // Signed typecodes sign-extend from their width; unsigned ones keep the bits.
                let value = if matches!(tc, 'b' | 'h' | 'i' | 'l' | 'q') && size < 8 {
                    let shift = 64 - 8 * size as u32;
                    ((raw << shift) as i64) >> shift
                } else {
                    raw as i64
                };
                v.push(value);
            }
        }
    }
    Ok(())
}

fn tobytes(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let a = this(vm, args, "tobytes")?;
    arity(vm, "tobytes", &args[1..], 0, 0)?;
    let b = to_bytes(&a.borrow());
    Ok(super::bytes::new_bytes(vm, b))
}

fn frombytes(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let a = this(vm, args, "frombytes")?;
    arity(vm, "frombytes", &args[1..], 1, 1)?;
    let b = super::bytes::data_arg(vm, args[1])?;
    extend_from_bytes(vm, &mut a.borrow_mut(), &b)?;
    Ok(Value::None)
}

pub fn repr(a: &ArrayData) -> String {
    let tc = typecode(a);
    if len(a) == 0 {
        return format!("array('{tc}')");
    }
    let items: Vec<String> = match a {
        ArrayData::Float(_, v) => v.iter().map(|x| super::format::float_repr(*x)).collect(),
        ArrayData::Int('L' | 'Q', v) => v.iter().map(|x| (*x as u64).to_string()).collect(),
        ArrayData::Int(_, v) => v.iter().map(|x| x.to_string()).collect(),
    };
    format!("array('{tc}', [{}])", items.join(", "))
}

/// The attributes `typecode` and `itemsize`.
pub fn attribute(vm: &mut Vm, o: ObjRef, name: &str) -> Option<Value> {
    let tc = typecode(&data(o)?.borrow());
    match name {
        "typecode" => Some(vm.new_string(tc.to_string())),
        "itemsize" => Some(Value::Int(itemsize(tc))),
        _ => None,
    }
}

fn position(vm: &mut Vm, n: usize, key: Value) -> PyResult<usize> {
    let i = ops::expect_int(vm, key, "")?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.new_error(vm.types.index_error, "array index out of range"));
    }
    Ok(j as usize)
}

pub fn getitem(vm: &mut Vm, o: ObjRef, key: Value) -> PyResult<Value> {
    let Some(a) = data(o) else { return Ok(Value::None) };
    let n = len(&a.borrow());
    if let Some(s) = ops::is_slice(key) {
        let si = ops::slice_indices(vm, s, n)?;
        let mut out = empty_like(typecode(&a.borrow()));
        {
            let src = a.borrow();
            for i in si.indices() {
                match (&src as &ArrayData, &mut out) {
                    (ArrayData::Float(_, v), ArrayData::Float(_, w)) => w.push(v[i]),
                    (ArrayData::Int(_, v), ArrayData::Int(_, w)) => w.push(v[i]),
                    _ => {}
                }
            }
        }
        return Ok(alloc(vm, out));
    }
    let i = position(vm, n, key)?;
    let src = a.borrow();
    Ok(item(vm, &src, i).unwrap_or(Value::None))
}

pub fn setitem(vm: &mut Vm, o: ObjRef, key: Value, v: Value) -> PyResult<()> {
    let Some(a) = data(o) else { return Ok(()) };
    let (n, tc) = (len(&a.borrow()), typecode(&a.borrow()));
    if let Some(s) = ops::is_slice(key) {
        let Some(src) = v.as_obj().and_then(data) else {
            let tn = ops::type_name(vm, v);
            return Err(
                vm.new_error(vm.types.type_error, &format!("can only assign array (not \"{tn}\") to array slice"))
            );
        };
        if typecode(&src.borrow()) != tc {
            return Err(vm.new_error(vm.types.type_error, "bad argument type for built-in operation"));
        }
        let values = {
            let s = src.borrow();
            items(vm, &s)
        };
        let si = ops::slice_indices(vm, s, n)?;
        let mut converted = Vec::with_capacity(values.len());
        for x in values {
            converted.push(convert(vm, tc, x)?);
        }
        let mut dst = a.borrow_mut();
        if si.step == 1 {
            let start = si.start as usize;
            let mut fresh = empty_like(tc);
            for x in converted {
                store(&mut fresh, None, x);
            }
            match (&mut *dst, fresh) {
                (ArrayData::Float(_, v), ArrayData::Float(_, w)) => {
                    v.splice(start..start + si.len, w);
                }
                (ArrayData::Int(_, v), ArrayData::Int(_, w)) => {
                    v.splice(start..start + si.len, w);
                }
                _ => {}
            }
            return Ok(());
        }
        if converted.len() != si.len {
            drop(dst);
            return Err(vm.new_error(
                vm.types.value_error,
                &format!("attempt to assign array of size {} to extended slice of size {}", converted.len(), si.len),
            ));
        }
        for (i, x) in si.indices().zip(converted) {
            store(&mut dst, Some(i), x);
        }
        return Ok(());
    }
    let i = position(vm, n, key)?;
    let x = convert(vm, tc, v)?;
    store(&mut a.borrow_mut(), Some(i), x);
    Ok(())
}

pub fn delitem(vm: &mut Vm, o: ObjRef, key: Value) -> PyResult<()> {
    let Some(a) = data(o) else { return Ok(()) };
    let n = len(&a.borrow());
    let doomed: Vec<usize> = match ops::is_slice(key) {
        Some(s) => ops::slice_indices(vm, s, n)?.indices().collect(),
        None => vec![position(vm, n, key)?],
    };
    let mut keep = vec![true; n];
    for i in doomed {
        keep[i] = false;
    }
    let mut k = keep.iter();
    match &mut *a.borrow_mut() {
        ArrayData::Float(_, v) => v.retain(|_| *k.next().unwrap_or(&true)),
        ArrayData::Int(_, v) => v.retain(|_| *k.next().unwrap_or(&true)),
    }
    Ok(())
}

/// `a + b`, `a * n` (and `n * a`), in place for `+=` and `*=`; None when neither is an array.
pub fn binary(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (left, right) = (a.as_obj().and_then(data), b.as_obj().and_then(data));
    match (op, left, right) {
        (BinaryOp::Add, Some(x), right) => {
            let Some(y) = right else {
                let tn = ops::type_name(vm, b);
                return Err(
                    vm.new_error(vm.types.type_error, &format!("can only append array (not \"{tn}\") to array"))
                );
            };
            if typecode(&x.borrow()) != typecode(&y.borrow()) {
                return Err(vm.new_error(vm.types.type_error, "bad argument type for built-in operation"));
            }
            let tail = y.borrow().clone_data();
            if inplace {
                x.borrow_mut().append_data(tail);
                return Ok(Some(a));
            }
            let mut joined = x.borrow().clone_data();
            joined.append_data(tail);
            Ok(Some(alloc(vm, joined)))
        }
        (BinaryOp::Multiply, Some(x), None) | (BinaryOp::Multiply, None, Some(x)) => {
            let count = if left.is_some() { b } else { a };
            if !super::int::is_int(count) {
                return Ok(None);
            }
            let n = ops::expect_int(vm, count, "")?.max(0) as usize;
            let one = x.borrow().clone_data();
            let mut out = empty_like(typecode(&one));
            for _ in 0..n {
                out.append_data(one.clone_data());
            }
            if inplace && left.is_some() {
                *x.borrow_mut() = out;
                return Ok(Some(a));
            }
            Ok(Some(alloc(vm, out)))
        }
        _ => Ok(None),
    }
}

/// Comparisons of two arrays, item by item as sequences compare.
pub fn compare(vm: &mut Vm, op: CompareOp, a: ObjRef, b: ObjRef) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (data(a), data(b)) else { return Ok(None) };
    let xs = {
        let x = x.borrow();
        items(vm, &x)
    };
    let ys = {
        let y = y.borrow();
        items(vm, &y)
    };
    let (l, r) = (vm.new_tuple(xs), vm.new_tuple(ys));
    vm.temp_roots.push(l);
    vm.temp_roots.push(r);
    let result = ops::compare(vm, op, l, r).and_then(|v| ops::truthy(vm, v));
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    result.map(Some)
}

pub fn contains(vm: &mut Vm, o: ObjRef, x: Value) -> PyResult<bool> {
    let Some(a) = data(o) else { return Ok(false) };
    let values = {
        let a = a.borrow();
        items(vm, &a)
    };
    for v in values {
        if ops::eq(vm, v, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

impl ArrayData {
    fn clone_data(&self) -> ArrayData {
        match self {
            ArrayData::Float(tc, v) => ArrayData::Float(*tc, v.clone()),
            ArrayData::Int(tc, v) => ArrayData::Int(*tc, v.clone()),
        }
    }

    fn append_data(&mut self, other: ArrayData) {
        match (self, other) {
            (ArrayData::Float(_, v), ArrayData::Float(_, w)) => v.extend(w),
            (ArrayData::Int(_, v), ArrayData::Int(_, w)) => v.extend(w),
            _ => {}
        }
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "append", args, 2, 2)?;
    let a = this(vm, args, "append")?;
    let tc = typecode(&a.borrow());
    let x = convert(vm, tc, args[1])?;
    store(&mut a.borrow_mut(), None, x);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "extend", args, 2, 2)?;
    let a = this(vm, args, "extend")?;
    let tc = typecode(&a.borrow());
    if let Some(other) = args[1].as_obj().and_then(data) {
        if typecode(&other.borrow()) != tc {
            return Err(vm.new_error(vm.types.type_error, "can only extend with array of same kind"));
        }
        let tail = other.borrow().clone_data();
        a.borrow_mut().append_data(tail);
        return Ok(Value::None);
    }
    for v in super::iter::collect(vm, args[1])? {
        let x = convert(vm, tc, v)?;
        store(&mut a.borrow_mut(), None, x);
    }
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "insert", args, 3, 3)?;
    let a = this(vm, args, "insert")?;
    let (n, tc) = (len(&a.borrow()), typecode(&a.borrow()));
    let i = ops::expect_int(vm, args[1], "")?;
    let at = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
    let x = convert(vm, tc, args[2])?;
    match (&mut *a.borrow_mut(), x) {
        (ArrayData::Float(_, v), Item::Float(x)) => v.insert(at, x),
        (ArrayData::Int(_, v), Item::Int(x)) => v.insert(at, x),
        _ => {}
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "pop", args, 1, 2)?;
    let a = this(vm, args, "pop")?;
    let n = len(&a.borrow());
    if n == 0 {
        return Err(vm.new_error(vm.types.index_error, "pop from empty array"));
    }
    let i = match args.get(1) {
        Some(k) => {
            let i = ops::expect_int(vm, *k, "")?;
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(vm.new_error(vm.types.index_error, "pop index out of range"));
            }
            j as usize
        }
        None => n - 1,
    };
    let v = {
        let d = a.borrow();
        item(vm, &d, i).unwrap_or(Value::None)
    };
    match &mut *a.borrow_mut() {
        ArrayData::Float(_, d) => {
            d.remove(i);
        }
        ArrayData::Int(_, d) => {
            d.remove(i);
        }
    }
    Ok(v)
}

/// The index of the first item equal to `x` in `[start, stop)`.
fn find(vm: &mut Vm, a: &'static RefCell<ArrayData>, x: Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let values = {
        let d = a.borrow();
        items(vm, &d)
    };
    for (i, v) in values.into_iter().enumerate().take(stop).skip(start) {
        if ops::eq(vm, v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "remove", args, 2, 2)?;
    let a = this(vm, args, "remove")?;
    let n = len(&a.borrow());
    match find(vm, a, args[1], 0, n)? {
        Some(i) => {
            match &mut *a.borrow_mut() {
                ArrayData::Float(_, d) => {
                    d.remove(i);
                }
                ArrayData::Int(_, d) => {
                    d.remove(i);
                }
            }
            Ok(Value::None)
        }
        None => Err(vm.new_error(vm.types.value_error, "array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "index", args, 2, 4)?;
    let a = this(vm, args, "index")?;
    let n = len(&a.borrow()) as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => ops::expect_int(vm, *v, "")?,
            None => default,
        };
        Ok((if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize)
    };
    let start = bound(vm, args.get(2), 0)?;
    let stop = bound(vm, args.get(3), n)?;
    match find(vm, a, args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_error(vm.types.value_error, "array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "count", args, 2, 2)?;
    let a = this(vm, args, "count")?;
    let values = {
        let d = a.borrow();
        items(vm, &d)
    };
    let mut n = 0;
    for v in values {
        if ops::eq(vm, v, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "reverse", args, 1, 1)?;
    let a = this(vm, args, "reverse")?;
    match &mut *a.borrow_mut() {
        ArrayData::Float(_, d) => d.reverse(),
        ArrayData::Int(_, d) => d.reverse(),
    }
    Ok(Value::None)
}

fn tolist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "tolist", args, 1, 1)?;
    let a = this(vm, args, "tolist")?;
    let values = {
        let d = a.borrow();
        items(vm, &d)
    };
    Ok(vm.new_list(values))
}

fn fromlist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "fromlist", args, 2, 2)?;
    let a = this(vm, args, "fromlist")?;
    let Some(list) = args[1].obj().filter(|o| matches!(o.kind, ObjKind::List(_))).and_then(|o| o.as_list()) else {
        return Err(vm.new_error(vm.types.type_error, "arg must be list"));
    };
    let values = list.borrow().clone();
    let tc = typecode(&a.borrow());
    // All or nothing, as in CPython.
    let mut converted = Vec::with_capacity(values.len());
    for v in values {
        converted.push(convert(vm, tc, v)?);
    }
    for x in converted {
        store(&mut a.borrow_mut(), None, x);
    }
    Ok(Value::None)
}

fn contains_method(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let Some(o) = args[0].as_obj() else { return Ok(Value::Bool(false)) };
    contains(vm, o, args[1]).map(Value::Bool)
}
