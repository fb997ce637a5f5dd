//! The methods of `bytes` and `bytearray`, registered as natives on both classes, and `%`
//! formatting of bytes.
//!
//! The two types share every non-mutating method; each takes the object as `args[0]`, reads
//! its contents once (a copy, so a callback that mutates a bytearray cannot invalidate a
//! borrow) and builds a result of the receiver's own type, as CPython does (`bytearray.upper()`
//! is a bytearray). Character classes are ASCII-only, as in CPython's `bytes_methods.c`:
//! `b"\xe9".isalpha()` is false and `upper()` leaves non-ASCII bytes alone. The mutating list
//! methods (`append`, `extend`, `pop`, `insert`, `remove`, `reverse`, `clear`, `copy`) exist on
//! bytearray only. Searching methods accept a bytes-like needle or an int byte, with the same
//! optional start/end bounds as `str`'s.

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyErr, PyResult, Vm};

use super::bytes::{self, byte_value, data, data_arg, find, new_bytes, new_like};
use super::containers::{adjust_bounds, check_args, clinic_args, descriptor_error, slice_bound, ssize_arg, Arity, Kw};
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

pub fn init(vm: &mut Vm) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("count", count),
        ("find", |vm, a, kw| search(vm, a, kw, "find", false, false)),
        ("rfind", |vm, a, kw| search(vm, a, kw, "rfind", true, false)),
        ("index", |vm, a, kw| search(vm, a, kw, "index", false, true)),
        ("rindex", |vm, a, kw| search(vm, a, kw, "rindex", true, true)),
        ("startswith", |vm, a, kw| tailmatch(vm, a, kw, "startswith", false)),
        ("endswith", |vm, a, kw| tailmatch(vm, a, kw, "endswith", true)),
        ("split", |vm, a, kw| split(vm, a, kw, "split", false)),
        ("rsplit", |vm, a, kw| split(vm, a, kw, "rsplit", true)),
        ("splitlines", splitlines),
        ("join", join),
        ("strip", |vm, a, kw| strip(vm, a, kw, "strip", true, true)),
        ("lstrip", |vm, a, kw| strip(vm, a, kw, "lstrip", true, false)),
        ("rstrip", |vm, a, kw| strip(vm, a, kw, "rstrip", false, true)),
        ("replace", replace),
        ("upper", |vm, a, kw| map_bytes(vm, a, kw, "upper", |b| b.to_ascii_uppercase())),
        ("lower", |vm, a, kw| map_bytes(vm, a, kw, "lower", |b| b.to_ascii_lowercase())),
        ("swapcase", |vm, a, kw| map_bytes(vm, a, kw, "swapcase", swapcase_all)),
        ("capitalize", |vm, a, kw| map_bytes(vm, a, kw, "capitalize", capitalize)),
        ("title", |vm, a, kw| map_bytes(vm, a, kw, "title", title)),
        ("isdigit", |vm, a, kw| predicate(vm, a, kw, "isdigit", |b| all(b, |c| c.is_ascii_digit()))),
        ("isalpha", |vm, a, kw| predicate(vm, a, kw, "isalpha", |b| all(b, |c| c.is_ascii_alphabetic()))),
        ("isalnum", |vm, a, kw| predicate(vm, a, kw, "isalnum", |b| all(b, |c| c.is_ascii_alphanumeric()))),
        ("isspace", |vm, a, kw| predicate(vm, a, kw, "isspace", |b| all(b, is_space))),
        ("isascii", |vm, a, kw| predicate(vm, a, kw, "isascii", |b| b.is_ascii())),
        ("isupper", |vm, a, kw| predicate(vm, a, kw, "isupper", is_upper)),
        ("islower", |vm, a, kw| predicate(vm, a, kw, "islower", |b| is_upper(&swapcase_all(b)))),
        ("istitle", |vm, a, kw| predicate(vm, a, kw, "istitle", is_title)),
        ("partition", |vm, a, kw| partition(vm, a, kw, "partition", false)),
        ("rpartition", |vm, a, kw| partition(vm, a, kw, "rpartition", true)),
        ("ljust", |vm, a, kw| justify(vm, a, kw, "ljust")),
        ("rjust", |vm, a, kw| justify(vm, a, kw, "rjust")),
        ("center", |vm, a, kw| justify(vm, a, kw, "center")),
        ("zfill", zfill),
        ("removeprefix", |vm, a, kw| remove_affix(vm, a, kw, "removeprefix", false)),
        ("removesuffix", |vm, a, kw| remove_affix(vm, a, kw, "removesuffix", true)),
        ("expandtabs", expandtabs),
        ("translate", translate),
    ];
    let mutating: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
    ];
    for class in [vm.types.bytes, vm.types.bytearray] {
        types::set_constructor(class, if class == vm.types.bytes { bytes::bytes_new } else { bytes::bytearray_new });
        types::add_methods(vm, class, shared);
        // `fromhex` is a classmethod and `maketrans` a staticmethod, as in CPython.
        let f = vm.new_native("fromhex", fromhex);
        let m = Value::Obj(vm.alloc(ObjKind::ClassMethod(f)));
        let name = vm.intern("fromhex");
        if let Some(c) = class.as_class() {
            c.set_attr(name, m);
        }
        let f = vm.new_native("maketrans", maketrans);
        let m = Value::Obj(vm.alloc(ObjKind::StaticMethod(f)));
        let name = vm.intern("maketrans");
        if let Some(c) = class.as_class() {
            c.set_attr(name, m);
        }
    }
    // The special methods, for explicit calls (`b.__len__()`, `bytearray.__setitem__(...)`).
    let specials: &[(&'static str, NativeFn)] = &[
        ("__len__", |vm, a, _| unary(vm, a, "__len__", |vm, s| ops::len(vm, s).map(|n| Value::Int(n as i64)))),
        ("__iter__", |vm, a, _| unary(vm, a, "__iter__", super::iter::get_iter)),
        ("__repr__", |vm, a, _| {
            unary(vm, a, "__repr__", |vm, s| {
                let r = ops::repr(vm, s)?;
                Ok(vm.new_string(r))
            })
        }),
        ("__getitem__", |vm, a, _| binary(vm, a, "__getitem__", ops::getitem)),
        ("__contains__", |vm, a, _| binary(vm, a, "__contains__", |vm, s, x| ops::contains(vm, s, x).map(Value::Bool))),
        ("__add__", |vm, a, _| binary(vm, a, "__add__", |vm, s, x| ops::binary_op(vm, BinaryOp::Add, false, s, x))),
        ("__mul__", |vm, a, _| {
            binary(vm, a, "__mul__", |vm, s, x| ops::binary_op(vm, BinaryOp::Multiply, false, s, x))
        }),
        ("__rmul__", |vm, a, _| {
            binary(vm, a, "__rmul__", |vm, s, x| ops::binary_op(vm, BinaryOp::Multiply, false, s, x))
        }),
        ("__mod__", |vm, a, _| {
            binary(vm, a, "__mod__", |vm, s, x| ops::binary_op(vm, BinaryOp::Remainder, false, s, x))
        }),
        ("__eq__", |vm, a, _| compare(vm, a, CompareOp::Eq)),
        ("__ne__", |vm, a, _| compare(vm, a, CompareOp::Ne)),
        ("__lt__", |vm, a, _| compare(vm, a, CompareOp::Lt)),
        ("__le__", |vm, a, _| compare(vm, a, CompareOp::Le)),
        ("__gt__", |vm, a, _| compare(vm, a, CompareOp::Gt)),
        ("__ge__", |vm, a, _| compare(vm, a, CompareOp::Ge)),
    ];
    for class in [vm.types.bytes, vm.types.bytearray] {
        types::add_methods(vm, class, specials);
    }
    let bytes_class = vm.types.bytes;
    types::add_methods(
        vm,
        bytes_class,
        &[("__hash__", |vm, a, _| unary(vm, a, "__hash__", |vm, s| ops::hash(vm, s).map(Value::Int)))],
    );
    let bytearray = vm.types.bytearray;
    types::add_methods(vm, bytearray, mutating);
    let mutating_specials: &[(&'static str, NativeFn)] = &[
        ("__setitem__", |vm, a, _| {
            mutable(vm, a, "__setitem__")?;
            super::builtins::arity(vm, "__setitem__", a, 3, 3)?;
            ops::setitem(vm, a[0], a[1], a[2]).map(|_| Value::None)
        }),
        ("__delitem__", |vm, a, _| {
            binary(vm, a, "__delitem__", |vm, s, k| ops::delitem(vm, s, k).map(|_| Value::None))
        }),
        ("__iadd__", |vm, a, _| binary(vm, a, "__iadd__", |vm, s, x| ops::binary_op(vm, BinaryOp::Add, true, s, x))),
        ("__imul__", |vm, a, _| {
            binary(vm, a, "__imul__", |vm, s, x| ops::binary_op(vm, BinaryOp::Multiply, true, s, x))
        }),
    ];
    types::add_methods(vm, bytearray, mutating_specials);
    // A bytearray is unhashable.
    if let Some(c) = bytearray.as_class() {
        c.set_attr(super::interner::sym::HASH, Value::None);
    }
    let str_class = vm.types.str_;
    types::add_methods(vm, str_class, &[("encode", str_encode)]);
    let int_class = vm.types.int;
    types::add_methods(vm, int_class, &[("to_bytes", int_to_bytes)]);
    let f = vm.new_native("from_bytes", int_from_bytes);
    let m = Value::Obj(vm.alloc(ObjKind::ClassMethod(f)));
    let name = vm.intern("from_bytes");
    if let Some(c) = int_class.as_class() {
        c.set_attr(name, m);
    }
    super::types::bump_class_epoch();
}

fn unary(vm: &mut Vm, args: &[Value], name: &str, f: fn(&mut Vm, Value) -> PyResult<Value>) -> PyResult<Value> {
    let (o, _) = this(vm, args, name)?;
    check_args(vm, type_of_self(o), name, args, &[], Arity::NoArgs)?;
    f(vm, args[0])
}

fn binary(vm: &mut Vm, args: &[Value], name: &str, f: fn(&mut Vm, Value, Value) -> PyResult<Value>) -> PyResult<Value> {
    let (o, _) = this(vm, args, name)?;
    check_args(vm, type_of_self(o), name, args, &[], Arity::One)?;
    f(vm, args[0], args[1])
}

/// `a.__eq__(b)` and friends: NotImplemented unless both are bytes-like.
fn compare(vm: &mut Vm, args: &[Value], op: CompareOp) -> PyResult<Value> {
    let (o, _) = this(vm, args, op.dunders().0)?;
    check_args(vm, type_of_self(o), op.dunders().0, args, &[], Arity::One)?;
    match bytes::compare(op, args[0], args[1]) {
        Some(r) => Ok(Value::Bool(r)),
        None => Ok(vm.not_implemented()),
    }
}

/// `self` of a method of both types, and its contents.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(ObjRef, Vec<u8>)> {
    match args.first().copied() {
        Some(v) if bytes::is_bytes_like(v) => {
            Ok((v.as_obj().expect("bytes-like is an object"), data(v).unwrap_or_default()))
        }
        _ => Err(descriptor_error(vm, args, "bytes", name)),
    }
}

fn type_of_self(o: ObjRef) -> &'static str {
    if matches!(o.kind, ObjKind::ByteArray(_)) {
        "bytearray"
    } else {
        "bytes"
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn all(b: &[u8], f: impl Fn(u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(|&c| f(c))
}

fn swapcase(b: u8) -> u8 {
    if b.is_ascii_lowercase() {
        b.to_ascii_uppercase()
    } else {
        b.to_ascii_lowercase()
    }
}

fn swapcase_all(b: &[u8]) -> Vec<u8> {
    b.iter().map(|&c| swapcase(c)).collect()
}

fn is_upper(b: &[u8]) -> bool {
    b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())
}

fn is_title(b: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
}

fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn map_bytes(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    check_args(vm, type_of_self(o), name, args, kw, Arity::NoArgs)?;
    let out = f(&b);
    Ok(new_like(vm, o, out))
}

fn predicate(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    check_args(vm, type_of_self(o), name, args, kw, Arity::NoArgs)?;
    Ok(Value::Bool(f(&b)))
}

// ---------------------------------------------------------------------------------------------
// Codecs and hex

fn decode(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (_, b) = this(vm, args, "decode")?;
    let p = clinic_args(vm, "decode", &args[1..], kw, &["encoding", "errors"])?;
    let encoding = match p[0] {
        Some(v) => bytes::text_arg(vm, "decode", "encoding", v)?,
        None => "utf-8".to_string(),
    };
    let errors = match p[1] {
        Some(v) => bytes::text_arg(vm, "decode", "errors", v)?,
        None => "strict".to_string(),
    };
    let s = bytes::decode(vm, &b, &encoding, &errors)?;
    Ok(vm.new_string(s))
}

/// `str.encode(encoding="utf-8", errors="strict")`.
fn str_encode(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(s) = args.first().and_then(|v| strings::as_str(*v)) else {
        return Err(descriptor_error(vm, args, "str", "encode"));
    };
    let p = clinic_args(vm, "encode", &args[1..], kw, &["encoding", "errors"])?;
    let encoding = match p[0] {
        Some(v) => bytes::text_arg(vm, "encode", "encoding", v)?,
        None => "utf-8".to_string(),
    };
    let errors = match p[1] {
        Some(v) => bytes::text_arg(vm, "encode", "errors", v)?,
        None => "strict".to_string(),
    };
    let b = bytes::encode(vm, s, &encoding, &errors)?;
    Ok(new_bytes(vm, b))
}

/// `b.hex(sep=..., bytes_per_sep=1)`: groups of `bytes_per_sep` bytes counted from the right
/// (from the left when negative).
fn hex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (_, b) = this(vm, args, "hex")?;
    let p = clinic_args(vm, "hex", &args[1..], kw, &["sep", "bytes_per_sep"])?;
    let digits: Vec<String> = b.iter().map(|c| format!("{c:02x}")).collect();
    let Some(sep_v) = p[0] else {
        return Ok(vm.new_string(digits.concat()));
    };
    let sep: String = if let Some(s) = strings::as_str(sep_v) {
        s.to_string()
    } else if let Some(s) = data(sep_v) {
        s.iter().map(|&c| c as char).collect()
    } else {
        return Err(vm.new_error(vm.types.type_error, "sep must be str or bytes."));
    };
    if sep.chars().count() != 1 {
        return Err(vm.new_error(vm.types.value_error, "sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(vm.new_error(vm.types.value_error, "sep must be ASCII."));
    }
    let per = match p[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    if per == 0 || digits.is_empty() {
        return Ok(vm.new_string(digits.concat()));
    }
    let n = per.unsigned_abs() as usize;
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        let boundary = if per > 0 { (digits.len() - i) % n == 0 } else { i % n == 0 };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(d);
    }
    Ok(vm.new_string(out))
}

/// `bytes.fromhex(string)` (a classmethod: `args[0]` is the class).
fn fromhex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    super::containers::no_keywords(vm, "bytes", "fromhex", kw)?;
    let Some(&arg) = args.get(1) else {
        return Err(vm.new_error(vm.types.type_error, "fromhex() takes exactly one argument (0 given)"));
    };
    let Some(s) = strings::as_str(arg) else {
        let tn = ops::type_name(vm, arg);
        return Err(vm.new_error(vm.types.type_error, &format!("fromhex() argument must be str, not {tn}")));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                let msg = format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1);
                return Err(vm.new_error(vm.types.value_error, &msg));
            }
            _ => {
                let msg = format!("non-hexadecimal number found in fromhex() arg at position {i}");
                return Err(vm.new_error(vm.types.value_error, &msg));
            }
        }
        i += 2;
    }
    let is_bytearray = args.first().is_some_and(|c| c.as_obj() == Some(vm.types.bytearray));
    Ok(if is_bytearray { bytes::new_bytearray(vm, out) } else { new_bytes(vm, out) })
}

// ---------------------------------------------------------------------------------------------
// Searching

/// A search needle: a bytes-like object or an int byte.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = data(v) {
        return Ok(b);
    }
    if super::int::is_int(v) || ops::special(vm, v, super::interner::sym::INDEX).is_some() {
        return Ok(vec![byte_value(vm, v, "byte must be in range(0, 256)")?]);
    }
    let tn = ops::type_name(vm, v);
    Err(vm.new_error(vm.types.type_error, &format!("argument should be integer or bytes-like object, not '{tn}'")))
}

/// The needle and the resolved `start`/`end` of a search method.
fn search_args(vm: &mut Vm, args: &[Value], name: &str, len: usize) -> PyResult<(Vec<u8>, i64, i64)> {
    super::containers::check_count(vm, "bytes", name, args.len() - 1, Arity::Range(1, 3))?;
    let sub = needle(vm, args[1])?;
    let start = match args.get(2) {
        Some(v) => slice_bound(vm, *v, true)?,
        None => None,
    };
    let end = match args.get(3) {
        Some(v) => slice_bound(vm, *v, true)?,
        None => None,
    };
    let (s, e) = adjust_bounds(start, end, len);
    Ok((sub, s, e))
}

fn search(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, from_right: bool, raise: bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    super::containers::no_keywords(vm, type_of_self(o), name, kw)?;
    let (sub, start, end) = search_args(vm, args, name, b.len())?;
    let mut found = None;
    if end - start >= sub.len() as i64 {
        let (start, end) = (start as usize, end as usize);
        let hay = &b[start..end];
        found = if from_right {
            if sub.is_empty() {
                Some(hay.len())
            } else {
                hay.windows(sub.len()).rposition(|w| w == sub.as_slice())
            }
        } else {
            find(hay, &sub, 0)
        }
        .map(|i| i + start);
    }
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.new_error(vm.types.value_error, "subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, b) = this(vm, args, "count")?;
    super::containers::no_keywords(vm, type_of_self(o), "count", kw)?;
    let (sub, start, end) = search_args(vm, args, "count", b.len())?;
    if end - start < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    let hay = &b[start as usize..end as usize];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while let Some(at) = find(hay, &sub, i) {
        n += 1;
        i = at + sub.len();
    }
    Ok(Value::Int(n))
}

fn tailmatch(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, at_end: bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    super::containers::no_keywords(vm, type_of_self(o), name, kw)?;
    super::containers::check_count(vm, "bytes", name, args.len() - 1, Arity::Range(1, 3))?;
    let start = match args.get(2) {
        Some(v) => slice_bound(vm, *v, true)?,
        None => None,
    };
    let end = match args.get(3) {
        Some(v) => slice_bound(vm, *v, true)?,
        None => None,
    };
    let (s, e) = adjust_bounds(start, end, b.len());
    let candidates: Vec<Value> = match args[1].obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => vec![args[1]],
    };
    for c in candidates {
        let Some(sub) = data(c) else {
            let tn = ops::type_name(vm, c);
            let msg = if args[1].obj().and_then(|o| o.as_tuple()).is_some() {
                format!("a bytes-like object is required, not '{tn}'")
            } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")
            };
            return Err(vm.new_error(vm.types.type_error, &msg));
        };
        if e - s < sub.len() as i64 || s > b.len() as i64 {
            continue;
        }
        let hay = &b[s as usize..e as usize];
        let hit = if at_end { hay.ends_with(&sub) } else { hay.starts_with(&sub) };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

// ---------------------------------------------------------------------------------------------
// Splitting, joining, stripping

fn split(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, from_right: bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    let p = clinic_args(vm, name, &args[1..], kw, &["sep", "maxsplit"])?;
    let sep = match p[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(data_arg(vm, v)?),
    };
    let maxsplit = match p[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(vm.new_error(vm.types.value_error, "empty separator"));
            }
            if from_right {
                let mut end = b.len();
                let mut splits = 0;
                while splits < maxsplit {
                    let hay = &b[..end];
                    let Some(at) = hay.windows(sep.len()).rposition(|w| w == sep.as_slice()) else { break };
                    parts.push(b[at + sep.len()..end].to_vec());
                    end = at;
                    splits += 1;
                }
                parts.push(b[..end].to_vec());
                parts.reverse();
            } else {
                let mut start = 0;
                let mut splits = 0;
                while splits < maxsplit {
                    let Some(at) = find(&b, &sep, start) else { break };
                    parts.push(b[start..at].to_vec());
                    start = at + sep.len();
                    splits += 1;
                }
                parts.push(b[start..].to_vec());
            }
        }
        None => {
            let words: Vec<(usize, usize)> = {
                let mut v = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    while i < b.len() && is_space(b[i]) {
                        i += 1;
                    }
                    if i == b.len() {
                        break;
                    }
                    let s = i;
                    while i < b.len() && !is_space(b[i]) {
                        i += 1;
                    }
                    v.push((s, i));
                }
                v
            };
            if words.len() > maxsplit {
                if from_right {
                    // The unsplit rest keeps its leading whitespace, as in CPython.
                    let keep = words.len() - maxsplit;
                    parts.push(b[..words[keep - 1].1].to_vec());
                    parts.extend(words[keep..].iter().map(|&(s, e)| b[s..e].to_vec()));
                } else {
                    parts.extend(words[..maxsplit].iter().map(|&(s, e)| b[s..e].to_vec()));
                    parts.push(b[words[maxsplit].0..].to_vec());
                }
            } else {
                parts.extend(words.iter().map(|&(s, e)| b[s..e].to_vec()));
            }
        }
    }
    let items: Vec<Value> = parts.into_iter().map(|p| new_like(vm, o, p)).collect();
    Ok(vm.new_list(items))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, b) = this(vm, args, "splitlines")?;
    let p = clinic_args(vm, "splitlines", &args[1..], kw, &["keepends"])?;
    let keepends = match p[0] {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < b.len() {
            eol = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        }
        out.push(b[start..if keepends { eol } else { i }].to_vec());
        i = eol;
    }
    let items: Vec<Value> = out.into_iter().map(|p| new_like(vm, o, p)).collect();
    Ok(vm.new_list(items))
}

fn join(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, sep) = this(vm, args, "join")?;
    check_args(vm, type_of_self(o), "join", args, kw, Arity::One)?;
    let items = super::iter::collect(vm, args[1])?;
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let Some(b) = data(*v) else {
            let tn = ops::type_name(vm, *v);
            let msg = format!("sequence item {i}: expected a bytes-like object, {tn} found");
            return Err(vm.new_error(vm.types.type_error, &msg));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(new_like(vm, o, out))
}

fn strip(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    super::containers::no_keywords(vm, type_of_self(o), name, kw)?;
    super::containers::check_count(vm, "bytes", name, args.len() - 1, Arity::Range(0, 1))?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(data_arg(vm, *v)?),
    };
    let strip_it = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => is_space(*c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip_it(&b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip_it(&b[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_like(vm, o, b[s..e].to_vec()))
}

fn replace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, b) = this(vm, args, "replace")?;
    super::containers::no_keywords(vm, type_of_self(o), "replace", kw)?;
    super::containers::check_count(vm, "bytes", "replace", args.len() - 1, Arity::Range(2, 3))?;
    let old = data_arg(vm, args[1])?;
    let new = data_arg(vm, args[2])?;
    let count = match args.get(3) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let mut left = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // Inserts `new` before every byte and at the end, `count` times at most.
        for &c in &b {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(vm, o, out));
    }
    let mut i = 0;
    while left > 0 {
        let Some(at) = find(&b, &old, i) else { break };
        out.extend_from_slice(&b[i..at]);
        out.extend_from_slice(&new);
        i = at + old.len();
        left -= 1;
    }
    out.extend_from_slice(&b[i..]);
    Ok(new_like(vm, o, out))
}

fn partition(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, from_right: bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    check_args(vm, type_of_self(o), name, args, kw, Arity::One)?;
    let sep = data_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.new_error(vm.types.value_error, "empty separator"));
    }
    let at = if from_right { b.windows(sep.len()).rposition(|w| w == sep.as_slice()) } else { find(&b, &sep, 0) };
    let (x, y, z) = match at {
        Some(at) => (b[..at].to_vec(), sep.clone(), b[at + sep.len()..].to_vec()),
        None if from_right => (Vec::new(), Vec::new(), b.clone()),
        None => (b.clone(), Vec::new(), Vec::new()),
    };
    let items = vec![new_like(vm, o, x), new_like(vm, o, y), new_like(vm, o, z)];
    Ok(vm.new_tuple(items))
}

fn justify(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    super::containers::no_keywords(vm, type_of_self(o), name, kw)?;
    super::containers::check_count(vm, "bytes", name, args.len() - 1, Arity::Range(1, 2))?;
    let width = ssize_arg(vm, args[1])?;
    let fill = match args.get(2) {
        Some(v) => match data(*v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let tn = ops::type_name(vm, *v);
                let msg = format!("{name}() argument 2 must be a byte string of length 1, not {tn}");
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
        },
        None => b' ',
    };
    let total = (width.max(0) as usize).saturating_sub(b.len());
    super::memory::check(vm, total)?;
    let (l, r) = match name {
        "ljust" => (0, total),
        "rjust" => (total, 0),
        // CPython's centering puts the odd byte on the left when the width is odd.
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(new_like(vm, o, out))
}

fn zfill(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, b) = this(vm, args, "zfill")?;
    check_args(vm, type_of_self(o), "zfill", args, kw, Arity::One)?;
    let width = ssize_arg(vm, args[1])?;
    let pad = (width.max(0) as usize).saturating_sub(b.len());
    super::memory::check(vm, pad)?;
    let mut out = Vec::with_capacity(b.len() + pad);
    let signed = matches!(b.first(), Some(b'+' | b'-'));
    if signed {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat_n(b'0', pad));
    out.extend_from_slice(&b[signed as usize..]);
    Ok(new_like(vm, o, out))
}

fn remove_affix(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, suffix: bool) -> PyResult<Value> {
    let (o, b) = this(vm, args, name)?;
    check_args(vm, type_of_self(o), name, args, kw, Arity::One)?;
    let affix = data_arg(vm, args[1])?;
    let out = if suffix {
        b.strip_suffix(affix.as_slice()).unwrap_or(&b).to_vec()
    } else {
        b.strip_prefix(affix.as_slice()).unwrap_or(&b).to_vec()
    };
    Ok(new_like(vm, o, out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, b) = this(vm, args, "expandtabs")?;
    let p = clinic_args(vm, "expandtabs", &args[1..], kw, &["tabsize"])?;
    let tabsize = match p[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    if tabsize > i32::MAX as i64 {
        return Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C int"));
    }
    let tabs = b.iter().filter(|&&c| c == b'\t').count();
    super::memory::check(vm, tabs.saturating_mul(tabsize.max(0) as usize))?;
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_like(vm, o, out))
}

/// `b.translate(table, /, delete=b"")`: `table` is None or 256 bytes.
fn translate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (o, b) = this(vm, args, "translate")?;
    let p = clinic_args(vm, "translate", &args[1..], kw, &["table", "delete"])?;
    let table = match p[0] {
        None => return Err(vm.new_error(vm.types.type_error, "translate() takes at least 1 argument (0 given)")),
        Some(Value::None) => None,
        Some(v) => {
            let t = data_arg(vm, v)?;
            if t.len() != 256 {
                return Err(vm.new_error(vm.types.value_error, "translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match p[1] {
        Some(v) => data_arg(vm, v)?,
        None => Vec::new(),
    };
    let out: Vec<u8> =
        b.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map_or(c, |t| t[c as usize])).collect();
    Ok(new_like(vm, o, out))
}

/// `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of `frm` to `to`'s.
fn maketrans(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    super::containers::no_keywords(vm, "bytes", "maketrans", kw)?;
    if args.len() != 2 {
        let msg = format!("maketrans expected 2 arguments, got {}", args.len());
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    let frm = data_arg(vm, args[0])?;
    let to = data_arg(vm, args[1])?;
    if frm.len() != to.len() {
        return Err(vm.new_error(vm.types.value_error, "maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(vm, table))
}

// ---------------------------------------------------------------------------------------------
// bytearray's mutating methods

fn mutable(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static std::cell::RefCell<Vec<u8>>> {
    match args.first().and_then(|v| v.as_obj()).and_then(bytes::bytearray_of) {
        Some(b) => Ok(b),
        None => Err(descriptor_error(vm, args, "bytearray", name)),
    }
}

fn append(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "append")?;
    check_args(vm, "bytearray", "append", args, kw, Arity::One)?;
    let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
    ba.borrow_mut().push(x);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "extend")?;
    check_args(vm, "bytearray", "extend", args, kw, Arity::One)?;
    let new = match data(args[1]) {
        Some(b) => b,
        None => {
            let items = super::iter::collect(vm, args[1]).map_err(|e| {
                let tn = ops::type_name(vm, args[1]);
                if vm.isinstance(Value::Obj(e.0), vm.types.type_error) {
                    vm.new_error(vm.types.type_error, &format!("can't extend bytearray with {tn}"))
                } else {
                    e
                }
            })?;
            let mut out = Vec::with_capacity(items.len());
            for v in items {
                out.push(byte_value(vm, v, "byte must be in range(0, 256)")?);
            }
            out
        }
    };
    ba.borrow_mut().extend_from_slice(&new);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "pop")?;
    check_args(vm, "bytearray", "pop", args, kw, Arity::Clinic(0, 1))?;
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let len = ba.borrow().len();
    if len == 0 {
        return Err(vm.new_error(vm.types.index_error, "pop from empty bytearray"));
    }
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(vm.new_error(vm.types.index_error, "pop index out of range"));
    }
    let x = ba.borrow_mut().remove(j as usize);
    Ok(Value::Int(x as i64))
}

fn insert(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "insert")?;
    check_args(vm, "bytearray", "insert", args, kw, Arity::Clinic(2, 2))?;
    let i = ssize_arg(vm, args[1])?;
    let x = byte_value(vm, args[2], "byte must be in range(0, 256)")?;
    let len = ba.borrow().len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    ba.borrow_mut().insert(at as usize, x);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "remove")?;
    check_args(vm, "bytearray", "remove", args, kw, Arity::One)?;
    let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
    let at = ba.borrow().iter().position(|&c| c == x);
    match at {
        Some(i) => {
            ba.borrow_mut().remove(i);
            Ok(Value::None)
        }
        None => Err(vm.new_error(vm.types.value_error, "value not found in bytearray")),
    }
}

fn reverse(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "reverse")?;
    check_args(vm, "bytearray", "reverse", args, kw, Arity::NoArgs)?;
    ba.borrow_mut().reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "clear")?;
    check_args(vm, "bytearray", "clear", args, kw, Arity::NoArgs)?;
    ba.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let ba = mutable(vm, args, "copy")?;
    check_args(vm, "bytearray", "copy", args, kw, Arity::NoArgs)?;
    let b = ba.borrow().clone();
    Ok(bytes::new_bytearray(vm, b))
}

// ---------------------------------------------------------------------------------------------
// int.to_bytes / int.from_bytes

/// `n.to_bytes(length=1, byteorder="big", *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let Some(n) = args.first().copied().and_then(super::int::to_bigint) else {
        return Err(descriptor_error(vm, args, "int", "to_bytes"));
    };
    let (pos, signed) = split_signed(vm, "to_bytes", kw)?;
    let p = clinic_args(vm, "to_bytes", &args[1..], &pos, &["length", "byteorder"])?;
    let length = match p[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.new_error(vm.types.value_error, "length argument must be non-negative"));
    }
    let little = byteorder(vm, "to_bytes", p[1])?;
    if !signed && n.sign() == num_bigint::Sign::Minus {
        return Err(vm.new_error(vm.types.overflow_error, "can't convert negative int to unsigned"));
    }
    let mut raw = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.sign() == num_bigint::Sign::NoSign {
        raw.clear();
    }
    if raw.len() > length as usize {
        return Err(vm.new_error(vm.types.overflow_error, "int too big to convert"));
    }
    let fill = if signed && n.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
    raw.resize(length as usize, fill);
    if !little {
        raw.reverse();
    }
    Ok(new_bytes(vm, raw))
}

/// `int.from_bytes(bytes, byteorder="big", *, signed=False)` (a classmethod).
fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (pos, signed) = split_signed(vm, "from_bytes", kw)?;
    let p = clinic_args(vm, "from_bytes", args.get(1..).unwrap_or(&[]), &pos, &["bytes", "byteorder"])?;
    let Some(src) = p[0] else {
        return Err(vm.new_error(vm.types.type_error, "from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder(vm, "from_bytes", p[1])?;
    let mut raw = match data(src) {
        Some(b) => b,
        None if strings::as_str(src).is_some() => {
            return Err(vm.new_error(vm.types.type_error, "cannot convert 'str' object to bytes"));
        }
        None => {
            let b = bytes::bytes_new(vm, &[Value::Obj(vm.types.bytes), src], &[])?;
            data(b).unwrap_or_default()
        }
    };
    if !little {
        raw.reverse();
    }
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&raw)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &raw)
    };
    let n = super::int::from_bigint(vm, n);
    // A subclass gets its own instance (`bool.from_bytes(b"\x01")` is True), as in CPython.
    match args.first() {
        Some(&cls) if cls.as_obj() != Some(vm.types.int) => vm.call(cls, &[n], &[]),
        _ => Ok(n),
    }
}

/// The keyword-only `signed` argument taken out of `kw`, and the other keywords.
fn split_signed(vm: &mut Vm, name: &str, kw: Kw) -> PyResult<(Vec<(super::interner::Sym, Value)>, bool)> {
    let signed_sym = vm.intern("signed");
    let mut rest = Vec::new();
    let mut signed = false;
    for &(k, v) in kw {
        if k == signed_sym {
            signed = ops::truthy(vm, v)?;
        } else {
            rest.push((k, v));
        }
    }
    let _ = name;
    Ok((rest, signed))
}

/// `byteorder`: "little" (true) or "big" (false, the default).
fn byteorder(vm: &mut Vm, name: &str, v: Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    match strings::as_str(v) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.new_error(vm.types.value_error, "byteorder must be either 'little' or 'big'")),
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("{name}() argument 'byteorder' must be str, not {tn}")))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// %-formatting

fn format_error(vm: &mut Vm, msg: &str) -> PyErr {
    vm.new_error(vm.types.type_error, msg)
}

/// `fmt % args` for a bytes or bytearray `fmt` (PEP 461): `%s`/`%b` insert bytes-like objects
/// (or `__bytes__`), `%a`/`%r` the ASCII repr, `%c` one byte; the numeric conversions format as
/// str's do.
pub fn percent_format(vm: &mut Vm, fmt: ObjRef, args: Value) -> PyResult<Value> {
    let f = data(Value::Obj(fmt)).unwrap_or_default();
    let mapping = matches!(args.obj().map(|o| &o.kind), Some(ObjKind::Dict(_)))
        || (matches!(args.obj().map(|o| &o.kind), Some(ObjKind::Instance(_)))
            && ops::special(vm, args, super::interner::sym::GETITEM).is_some()
            && args.obj().and_then(|o| o.as_tuple()).is_none());
    let items: Vec<Value> = match args.obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => vec![args],
    };
    let mut next = 0usize;
    let mut out = Vec::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        if f[i] != b'%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut arg: Option<Value> = None;
        if f.get(i) == Some(&b'(') {
            let close = f[i..].iter().position(|&c| c == b')').map(|p| p + i);
            let Some(close) = close else {
                return Err(vm.new_error(vm.types.value_error, "incomplete format key"));
            };
            let key = new_bytes(vm, f[i + 1..close].to_vec());
            arg = Some(ops::getitem(vm, args, key)?);
            i = close + 1;
        }
        let spec_start = i;
        while i < f.len() && b"-+ #0".contains(&f[i]) {
            i += 1;
        }
        let mut take_star = |vm: &mut Vm, i: &mut usize, out: &mut Vec<u8>| -> PyResult<()> {
            if f.get(*i) == Some(&b'*') {
                let Some(v) = items.get(next).copied() else {
                    return Err(format_error(vm, "not enough arguments for format string"));
                };
                next += 1;
                out.extend_from_slice(ops::str_of(vm, v)?.as_bytes());
                *i += 1;
            } else {
                while *i < f.len() && f[*i].is_ascii_digit() {
                    out.push(f[*i]);
                    *i += 1;
                }
            }
            Ok(())
        };
        let mut spec: Vec<u8> = f[spec_start..i].to_vec();
        take_star(vm, &mut i, &mut spec)?;
        if f.get(i) == Some(&b'.') {
            spec.push(b'.');
            i += 1;
            take_star(vm, &mut i, &mut spec)?;
        }
        while i < f.len() && matches!(f[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        let Some(&conv) = f.get(i) else {
            return Err(vm.new_error(vm.types.value_error, "incomplete format"));
        };
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        let v = match arg {
            Some(v) => v,
            None if mapping => args,
            None => {
                let Some(v) = items.get(next).copied() else {
                    return Err(format_error(vm, "not enough arguments for format string"));
                };
                next += 1;
                v
            }
        };
        let spec_text = String::from_utf8_lossy(&spec).to_string();
        let piece: Vec<u8> = match conv {
            b's' | b'b' => {
                let raw = match data(v) {
                    Some(b) => b,
                    None => {
                        let dunder = vm.intern("__bytes__");
                        match ops::special(vm, v, dunder) {
                            Some(m) => {
                                let r = ops::call_method_value(vm, m, &[v])?;
                                data_arg(vm, r)?
                            }
                            None => {
                                let tn = ops::type_name(vm, v);
                                let msg = format!(
                                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
                                );
                                return Err(format_error(vm, &msg));
                            }
                        }
                    }
                };
                pad_bytes(raw, &spec_text)
            }
            b'r' | b'a' => {
                let r = ops::repr(vm, v)?;
                let ascii = strings::ascii_escape(&r);
                pad_bytes(ascii.into_bytes(), &spec_text)
            }
            b'c' => {
                let byte = match data(v) {
                    Some(b) if b.len() == 1 => b[0],
                    Some(_) => return Err(format_error(vm, "%c requires an integer in range(256) or a single byte")),
                    None => match v {
                        Value::Int(n) if (0..256).contains(&n) => n as u8,
                        _ if super::int::is_int(v) => {
                            return Err(vm.new_error(vm.types.overflow_error, "%c arg not in range(256)"));
                        }
                        _ => return Err(format_error(vm, "%c requires an integer in range(256) or a single byte")),
                    },
                };
                pad_bytes(vec![byte], &spec_text)
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let fmt_s = vm.new_string(format!("%{spec_text}{}", conv as char));
                let one = vm.new_tuple(vec![v]);
                let r = strings::percent_format(vm, fmt_s, one)?;
                strings::as_str(r).unwrap_or("").as_bytes().to_vec()
            }
            c => {
                let msg = format!("unsupported format character '{}' (0x{:x}) at index {}", c as char, c, i - 1);
                return Err(vm.new_error(vm.types.value_error, &msg));
            }
        };
        out.extend_from_slice(&piece);
    }
    if !mapping && next < items.len() && args.obj().and_then(|o| o.as_tuple()).is_some() {
        return Err(format_error(vm, "not all arguments converted during bytes formatting"));
    }
    if !mapping
        && next == 0
        && args.obj().and_then(|o| o.as_tuple()).is_none()
        && !items.is_empty()
        && f.iter().all(|&c| c != b'%')
    {
        return Err(format_error(vm, "not all arguments converted during bytes formatting"));
    }
    Ok(new_like(vm, fmt, out))
}

/// Applies the `-`, width and precision of a `%s`-style spec to raw bytes.
fn pad_bytes(mut raw: Vec<u8>, spec: &str) -> Vec<u8> {
    let left = spec.contains('-');
    let body = spec.trim_start_matches(['-', '+', ' ', '#', '0']);
    let (w, p) = match body.split_once('.') {
        Some((w, p)) => (w, Some(p)),
        None => (body, None),
    };
    if let Some(p) = p.and_then(|p| p.parse::<usize>().ok()) {
        raw.truncate(p);
    }
    let width = w.parse::<usize>().unwrap_or(0);
    if raw.len() < width {
        let pad = vec![b' '; width - raw.len()];
        if left {
            raw.extend(pad);
        } else {
            let mut v = pad;
            v.extend(raw);
            raw = v;
        }
    }
    raw
}
