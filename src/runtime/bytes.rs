//! `bytes` and `bytearray`: sequences of small integers, and the codecs between them and `str`.
//!
//! A `bytes` object is an immutable boxed slice with a cached hash (hashing the same way a str
//! does, so `hash(b"abc") == hash("abc")` as in CPython); a `bytearray` is a `Vec<u8>` in a
//! `RefCell`. Both are sequences of ints for indexing and iteration, and slices, `+` and `*` give
//! the type of the left operand. Every operation that takes "a bytes-like object" reads the other
//! operand with [`data`], which copies it out first, so a bytearray mutated by a callback never
//! aliases a borrow. The methods live in [`bytes_methods`](super::bytes_methods).
//!
//! The codecs are the three every small program meets, UTF-8, ASCII and Latin-1 (under all of
//! CPython's aliases), with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace` and (for encoding) `xmlcharrefreplace`. A strict failure raises
//! `UnicodeDecodeError`/`UnicodeEncodeError` with CPython's message: the position (or range),
//! and the reason, which for UTF-8 follows CPython's reading of a bad sequence (`invalid start
//! byte`, `invalid continuation byte`, `unexpected end of data`). Rust's `from_utf8` reports the
//! same maximal invalid prefixes that CPython's decoder replaces, so `errors="replace"` gives the
//! same number of U+FFFD characters.

use std::cell::{Cell, RefCell};

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyErr, PyResult, Vm};

use super::containers::{clinic_args, Kw};
use super::interner::sym;
use super::object::{Bytes, ObjKind};
use super::ops;
use super::strings;
use super::value::{ObjRef, Value};

/// A new `bytes` object.
pub fn new_bytes(vm: &mut Vm, b: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(ObjKind::Bytes(Bytes { b: b.into_boxed_slice(), hash: Cell::new(None) })))
}

/// A new `bytearray`.
pub fn new_bytearray(vm: &mut Vm, b: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(ObjKind::ByteArray(RefCell::new(b))))
}

/// A new object of the same type as `like` (bytes or bytearray) holding `b`.
pub fn new_like(vm: &mut Vm, like: ObjRef, b: Vec<u8>) -> Value {
    match like.kind {
        ObjKind::ByteArray(_) => new_bytearray(vm, b),
        _ => new_bytes(vm, b),
    }
}

/// Whether `v` is a bytes or a bytearray.
pub fn is_bytes_like(v: Value) -> bool {
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)))
}

/// The contents of a bytes-like object (bytes, bytearray, an `array('B')`-free subset of
/// CPython's buffer protocol), copied.
pub fn data(v: Value) -> Option<Vec<u8>> {
    match &v.obj()?.kind {
        ObjKind::Bytes(b) => Some(b.b.to_vec()),
        ObjKind::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The contents of a bytes-like argument, or CPython's "a bytes-like object is required, not
/// 'str'".
pub fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match data(v) {
        Some(b) => Ok(b),
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// The hash of a bytes object: the same as a str with the same characters would have when all
/// are ASCII (the hash runs over the same bytes).
pub fn hash(b: &Bytes) -> i64 {
    if let Some(h) = b.hash.get() {
        return h;
    }
    let mut h: u64 = 0xcbf29ce484222325;
    for &c in b.b.iter() {
        h ^= c as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    let h = if h == -1 { -2 } else { h };
    b.hash.set(Some(h));
    h
}

// ---------------------------------------------------------------------------------------------
// repr

/// `repr()` of bytes contents: `b'...'`, with the quote CPython picks.
pub fn repr_bytes(b: &[u8]) -> String {
    repr_with(b, false)
}

/// The `b'...'` part of a repr; a bytearray's escapes `'` even inside double quotes, as
/// CPython's `bytearray_repr` does.
fn repr_with(b: &[u8], always_escape_apostrophe: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote || (always_escape_apostrophe && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            c if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{c:02x}")),
            c => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}

/// `repr()` of a bytes or bytearray object.
pub fn repr(o: ObjRef) -> String {
    match &o.kind {
        ObjKind::Bytes(b) => repr_bytes(&b.b),
        ObjKind::ByteArray(b) => format!("bytearray({})", repr_with(&b.borrow(), true)),
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Constructors

/// `bytes(...)` (`args[0]` is the class).
pub fn bytes_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let b = construct(vm, "bytes", args, kw)?;
    Ok(new_bytes(vm, b))
}

/// `bytearray(...)` (`args[0]` is the class).
pub fn bytearray_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let b = construct(vm, "bytearray", args, kw)?;
    Ok(new_bytearray(vm, b))
}

/// The contents `bytes(source, encoding, errors)` builds: from a str with an encoding, an int
/// (that many zeros), a bytes-like object, an object with `__bytes__`, or an iterable of ints.
fn construct(vm: &mut Vm, ty: &str, args: &[Value], kw: Kw) -> PyResult<Vec<u8>> {
    let p = clinic_args(vm, ty, args.get(1..).unwrap_or(&[]), kw, &["source", "encoding", "errors"])?;
    let (source, encoding, errors) = (p[0], p[1], p[2]);
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            let what = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(vm.new_error(vm.types.type_error, &format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = strings::as_str(source) {
        let Some(enc) = encoding else {
            return Err(vm.new_error(vm.types.type_error, "string argument without an encoding"));
        };
        let enc = text_arg(vm, ty, "encoding", enc)?;
        let errors = match errors {
            Some(e) => text_arg(vm, ty, "errors", e)?,
            None => "strict".to_string(),
        };
        return encode(vm, s, &enc, &errors);
    }
    if encoding.is_some() || errors.is_some() {
        let what = if encoding.is_some() { "encoding" } else { "errors" };
        return Err(vm.new_error(vm.types.type_error, &format!("{what} without a string argument")));
    }
    if let Some(b) = data(source) {
        return Ok(b);
    }
    if super::int::is_int(source) {
        let n = super::containers::ssize_arg(vm, source)?;
        if n < 0 {
            return Err(vm.new_error(vm.types.value_error, "negative count"));
        }
        return super::memory::zeroed(vm, n as usize);
    }
    let dunder_bytes = vm.intern("__bytes__");
    if let Some(f) = ops::special(vm, source, dunder_bytes) {
        let r = ops::call_method_value(vm, f, &[source])?;
        return match &r.obj().map(|o| &o.kind) {
            Some(ObjKind::Bytes(b)) => Ok(b.b.to_vec()),
            _ => {
                let tn = ops::type_name(vm, r);
                Err(vm.new_error(vm.types.type_error, &format!("__bytes__ returned non-bytes (type {tn})")))
            }
        };
    }
    if let Some(f) = ops::special(vm, source, sym::INDEX) {
        let r = ops::call_method_value(vm, f, &[source])?;
        let n = super::containers::ssize_arg(vm, r)?;
        if n < 0 {
            return Err(vm.new_error(vm.types.value_error, "negative count"));
        }
        return super::memory::zeroed(vm, n as usize);
    }
    let iterable = match source {
        Value::Obj(o) => !matches!(o.kind, ObjKind::BigInt(_)) && super::iter::get_iter(vm, source).is_ok(),
        _ => false,
    };
    if !iterable {
        let tn = ops::type_name(vm, source);
        let msg = if ty == "bytes" {
            format!("cannot convert '{tn}' object to bytes")
        } else {
            format!("cannot convert '{tn}' object to bytearray")
        };
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    let items = super::iter::collect(vm, source)?;
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(byte_value(vm, v, "bytes must be in range(0, 256)")?);
    }
    Ok(out)
}

/// An int argument that must be a byte (0..=255), with `msg` as the ValueError otherwise.
pub fn byte_value(vm: &mut Vm, v: Value, msg: &str) -> PyResult<u8> {
    let n = match v {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ if super::int::is_int(v) => i64::MAX,
        _ => match ops::special(vm, v, sym::INDEX) {
            Some(f) => {
                let r = ops::call_method_value(vm, f, &[v])?;
                return byte_value(vm, r, msg);
            }
            None => {
                let tn = ops::type_name(vm, v);
                return Err(
                    vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    match u8::try_from(n) {
        Ok(b) => Ok(b),
        Err(_) => Err(vm.new_error(vm.types.value_error, msg)),
    }
}

/// A str argument of a constructor or codec method: `bytes() argument 'encoding' must be str,
/// not int`.
pub fn text_arg(vm: &mut Vm, func: &str, name: &str, v: Value) -> PyResult<String> {
    match strings::as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("{func}() argument '{name}' must be str, not {tn}")))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Codecs

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// The codec an encoding name means (CPython's normalization: case, `-` and spaces ignored), or
/// `LookupError: unknown encoding: X`.
fn codec(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    let norm: String =
        encoding.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
            Ok(Codec::Latin1)
        }
        _ => Err(vm.new_error(vm.types.lookup_error, &format!("unknown encoding: {encoding}"))),
    }
}

/// The canonical name (`utf-8`, `ascii` or `latin-1`) of an encoding stitch supports, or
/// CPython's `LookupError: unknown encoding: X`.
pub fn codec_name(vm: &mut Vm, encoding: &str) -> PyResult<&'static str> {
    codec(vm, encoding).map(Codec::name)
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_error(vm.types.lookup_error, &format!("unknown error handler name '{errors}'"))
}

/// `str.encode(encoding, errors)`'s bytes.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = codec(vm, encoding)?;
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match errors {
            "strict" => {
                let reason = format!("ordinal not in range({limit})");
                let what = if end - start == 1 {
                    let n = c as u32;
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    format!("character '{esc}' in position {start}")
                } else {
                    format!("characters in position {start}-{}", end - 1)
                };
                let msg = format!("'{}' codec can't encode {what}: {reason}", codec.name());
                return Err(vm.new_error(vm.types.unicode_encode_error, &msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - start)),
            "backslashreplace" => {
                for &c in &chars[start..end] {
                    let n = c as u32;
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[start..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// Whether `b` can never start a UTF-8 sequence (CPython's "invalid start byte").
fn invalid_start(b: u8) -> bool {
    matches!(b, 0x80..=0xc1 | 0xf5..=0xff)
}

/// `bytes.decode(encoding, errors)`'s text.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = codec(vm, encoding)?;
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    let err = DecodeError { start: i, end: i + 1, reason: "ordinal not in range(128)" };
                    handle_decode_error(vm, codec, b, &err, errors, &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or_default());
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (b.len(), "unexpected end of data"),
                            Some(n) if n == 1 && invalid_start(b[start]) => (start + 1, "invalid start byte"),
                            Some(n) => (start + n, "invalid continuation byte"),
                        };
                        let err = DecodeError { start, end, reason };
                        handle_decode_error(vm, codec, b, &err, errors, &mut out)?;
                        pos = end;
                    }
                }
            }
        }
    }
}

struct DecodeError {
    start: usize,
    end: usize,
    reason: &'static str,
}

fn handle_decode_error(
    vm: &mut Vm,
    codec: Codec,
    b: &[u8],
    err: &DecodeError,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => {
            let what = if err.end - err.start == 1 {
                format!("byte 0x{:02x} in position {}", b[err.start], err.start)
            } else {
                format!("bytes in position {}-{}", err.start, err.end - 1)
            };
            let msg = format!("'{}' codec can't decode {what}: {}", codec.name(), err.reason);
            Err(vm.new_error(vm.types.unicode_decode_error, &msg))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &c in &b[err.start..err.end] {
                out.push_str(&format!("\\x{c:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

// ---------------------------------------------------------------------------------------------
// Sequence protocol

/// `o[key]`: an int for an index, an object of `o`'s type for a slice.
pub fn getitem(vm: &mut Vm, o: ObjRef, key: Value) -> PyResult<Value> {
    let b = data(Value::Obj(o)).unwrap_or_default();
    let ty = if matches!(o.kind, ObjKind::ByteArray(_)) { "bytearray" } else { "byte" };
    if let Some(s) = ops::is_slice(key) {
        let si = ops::slice_indices(vm, s, b.len())?;
        let out: Vec<u8> = si.indices().map(|i| b[i]).collect();
        return Ok(new_like(vm, o, out));
    }
    let i = index_key(vm, key, if ty == "byte" { "byte" } else { "bytearray" })?;
    match norm_index(i, b.len()) {
        Some(i) => Ok(Value::Int(b[i] as i64)),
        None => {
            let msg = if ty == "byte" { "index out of range" } else { "bytearray index out of range" };
            Err(vm.new_error(vm.types.index_error, msg))
        }
    }
}

fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// An index of a bytes/bytearray subscript, or "byte indices must be integers or slices, not
/// str".
fn index_key(vm: &mut Vm, key: Value, what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        _ if super::int::is_int(key) => {
            let tn = ops::type_name(vm, key);
            Err(vm.new_error(vm.types.index_error, &format!("cannot fit '{tn}' into an index-sized integer")))
        }
        _ => match ops::special(vm, key, sym::INDEX) {
            Some(f) => {
                let r = ops::call_method_value(vm, f, &[key])?;
                index_key(vm, r, what)
            }
            None => {
                let tn = ops::type_name(vm, key);
                Err(vm.new_error(vm.types.type_error, &format!("{what} indices must be integers or slices, not {tn}")))
            }
        },
    }
}

/// The storage of bytearray `o` (the heap's `'static` view, valid until the next safepoint).
pub fn bytearray_of(o: ObjRef) -> Option<&'static RefCell<Vec<u8>>> {
    match &Value::Obj(o).obj()?.kind {
        ObjKind::ByteArray(b) => Some(b),
        _ => None,
    }
}

/// `ba[key] = v` for a bytearray: an int in range for an index, any bytes-like object or
/// iterable of ints for a slice.
pub fn setitem(vm: &mut Vm, o: ObjRef, key: Value, v: Value) -> PyResult<()> {
    let Some(ba) = bytearray_of(o) else {
        return Err(vm.new_error(vm.types.type_error, "'bytes' object does not support item assignment"));
    };
    if let Some(s) = ops::is_slice(key) {
        let new: Vec<u8> = match data(v) {
            Some(b) => b,
            None if super::int::is_int(v) => {
                return Err(vm.new_error(
                    vm.types.type_error,
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            None => {
                let items = super::iter::collect(vm, v).map_err(|_| {
                    vm.new_error(
                        vm.types.type_error,
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    )
                })?;
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    out.push(byte_value(vm, x, "byte must be in range(0, 256)")?);
                }
                out
            }
        };
        let len = ba.borrow().len();
        let si = ops::slice_indices(vm, s, len)?;
        if si.step == 1 {
            let start = si.start.clamp(0, len as i64) as usize;
            let stop = (si.start + si.len as i64).clamp(start as i64, len as i64) as usize;
            ba.borrow_mut().splice(start..stop, new);
            return Ok(());
        }
        if new.len() != si.len {
            let msg = format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), si.len);
            return Err(vm.new_error(vm.types.value_error, &msg));
        }
        let idx: Vec<usize> = si.indices().collect();
        let mut b = ba.borrow_mut();
        for (i, x) in idx.into_iter().zip(new) {
            b[i] = x;
        }
        return Ok(());
    }
    let i = index_key(vm, key, "bytearray")?;
    let x = byte_value(vm, v, "byte must be in range(0, 256)")?;
    let len = ba.borrow().len();
    match norm_index(i, len) {
        Some(i) => {
            ba.borrow_mut()[i] = x;
            Ok(())
        }
        None => Err(vm.new_error(vm.types.index_error, "bytearray index out of range")),
    }
}

/// `del ba[key]`.
pub fn delitem(vm: &mut Vm, o: ObjRef, key: Value) -> PyResult<()> {
    let Some(ba) = bytearray_of(o) else {
        return Err(vm.new_error(vm.types.type_error, "'bytes' object doesn't support item deletion"));
    };
    let len = ba.borrow().len();
    if let Some(s) = ops::is_slice(key) {
        let si = ops::slice_indices(vm, s, len)?;
        let mut idx: Vec<usize> = si.indices().collect();
        idx.sort_unstable();
        let mut b = ba.borrow_mut();
        for i in idx.into_iter().rev() {
            b.remove(i);
        }
        return Ok(());
    }
    let i = index_key(vm, key, "bytearray")?;
    match norm_index(i, len) {
        Some(i) => {
            ba.borrow_mut().remove(i);
            Ok(())
        }
        None => Err(vm.new_error(vm.types.index_error, "bytearray index out of range")),
    }
}

/// `x in o`: a byte value, or a bytes-like subsequence.
pub fn contains(vm: &mut Vm, o: ObjRef, x: Value) -> PyResult<bool> {
    let hay = data(Value::Obj(o)).unwrap_or_default();
    if let Some(needle) = data(x) {
        return Ok(find(&hay, &needle, 0).is_some());
    }
    if super::int::is_int(x) || ops::special(vm, x, sym::INDEX).is_some() {
        let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
        return Ok(hay.contains(&b));
    }
    let tn = ops::type_name(vm, x);
    Err(vm.new_error(vm.types.type_error, &format!("a bytes-like object is required, not '{tn}'")))
}

/// The first index at or after `from` where `needle` occurs in `hay`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if from >= hay.len() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// The item `i` of a bytes/bytearray as an int, for iteration.
pub fn item(o: ObjRef, i: usize) -> Option<Value> {
    match &o.kind {
        ObjKind::Bytes(b) => b.b.get(i).map(|&c| Value::Int(c as i64)),
        ObjKind::ByteArray(b) => b.borrow().get(i).map(|&c| Value::Int(c as i64)),
        _ => None,
    }
}

/// The length of a bytes/bytearray.
pub fn len(o: ObjRef) -> usize {
    match &o.kind {
        ObjKind::Bytes(b) => b.b.len(),
        ObjKind::ByteArray(b) => b.borrow().len(),
        _ => 0,
    }
}

/// `a op b` with a bytes or bytearray on the left: concatenation with any bytes-like object,
/// repetition, `%` formatting; in place (`+=`, `*=`) for a bytearray. `Ok(None)` when the
/// operation does not apply.
pub fn binary(vm: &mut Vm, op: BinaryOp, inplace: bool, a: Value, b: Value) -> PyResult<Option<Value>> {
    let Some(ao) = a.as_obj() else {
        // int * bytes
        if op == BinaryOp::Multiply && is_bytes_like(b) && super::int::is_int(a) {
            return binary(vm, op, false, b, a);
        }
        return Ok(None);
    };
    if !is_bytes_like(a) {
        if op == BinaryOp::Multiply && is_bytes_like(b) && ops::special(vm, a, sym::INDEX).is_some() {
            return binary(vm, op, false, b, a);
        }
        return Ok(None);
    }
    let x = data(a).unwrap_or_default();
    match op {
        BinaryOp::Add => {
            let Some(y) = data(b) else {
                return Err(vm.new_error(
                    vm.types.type_error,
                    &format!("can't concat {} to {}", ops::type_name(vm, b), ops::type_name(vm, a)),
                ));
            };
            if inplace {
                if let ObjKind::ByteArray(ba) = &ao.kind {
                    ba.borrow_mut().extend_from_slice(&y);
                    return Ok(Some(a));
                }
            }
            let mut out = x;
            out.extend_from_slice(&y);
            Ok(Some(new_like(vm, ao, out)))
        }
        BinaryOp::Multiply => {
            if !super::int::is_int(b) && ops::special(vm, b, sym::INDEX).is_none() {
                return Ok(None);
            }
            let n = super::containers::ssize_arg(vm, b)?.max(0) as usize;
            let out = super::memory::repeat(vm, &x, n)?;
            if inplace {
                if let ObjKind::ByteArray(ba) = &ao.kind {
                    *ba.borrow_mut() = out;
                    return Ok(Some(a));
                }
            }
            Ok(Some(new_like(vm, ao, out)))
        }
        BinaryOp::Remainder => super::bytes_methods::percent_format(vm, ao, b).map(Some),
        _ => Ok(None),
    }
}

/// Comparisons between two bytes-like objects (lexicographic by byte); `None` for other pairs.
pub fn compare(op: CompareOp, a: Value, b: Value) -> Option<bool> {
    let (x, y) = (data(a)?, data(b)?);
    let ord = x.cmp(&y);
    Some(match op {
        CompareOp::Lt => ord.is_lt(),
        CompareOp::Le => ord.is_le(),
        CompareOp::Eq => ord.is_eq(),
        CompareOp::Ne => ord.is_ne(),
        CompareOp::Gt => ord.is_gt(),
        CompareOp::Ge => ord.is_ge(),
    })
}
