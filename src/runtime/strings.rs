//! `str`: creation, repr, hashing, indexing, formatting (`format()`, f-strings, `%`).
//!
//! Strings are immutable UTF-8 with a flag for pure ASCII, where character and byte indexes
//! coincide and indexing is O(1); other strings index by walking characters. Hashes are a
//! fast deterministic 64-bit hash cached in the object (CPython randomizes string hashes per
//! process, so no program can depend on their values). The string methods live in
//! [`str_methods`](super::str_methods) and [`str_format`](super::str_format); number
//! formatting in [`format`](super::format).

use std::cell::Cell;

use crate::interpreter::{PyResult, Vm};

use super::format::{self as fmt, FormatSpec};
use super::int;
use super::interner::sym;
use super::object::{ObjKind, Str};
use super::ops;
use super::value::{ObjRef, Value};

pub fn str_kind(s: &str) -> ObjKind {
    ObjKind::Str(Str { s: s.into(), ascii: s.is_ascii(), hash: Cell::new(None) })
}

pub fn string_kind(s: String) -> ObjKind {
    let ascii = s.is_ascii();
    ObjKind::Str(Str { s: s.into_boxed_str(), ascii, hash: Cell::new(None) })
}

/// The text of a str value.
///
/// The reference is valid while the object is alive. Objects never move, and the collector
/// only runs at safepoints reached through a call into Python, so native code may use the text
/// until its next call into Python (and must copy it to keep it longer).
pub fn as_str(v: Value) -> Option<&'static str> {
    match v {
        Value::Obj(o) => match &o.kind {
            // SAFETY: see above: the object outlives the caller's use of the text, because
            // no collection happens before the caller's next call into Python, and heap
            // objects are never moved or mutated in place (str is immutable).
            ObjKind::Str(s) => Some(unsafe { &*(&*s.s as *const str) }),
            _ => None,
        },
        _ => None,
    }
}

/// Number of characters.
pub fn char_len(s: &Str) -> usize {
    if s.ascii {
        s.s.len()
    } else {
        s.s.chars().count()
    }
}

/// The hash of a str value (any other value hashes to 0 here).
pub fn hash_sym_value(v: Value) -> i64 {
    let Value::Obj(o) = v else { return 0 };
    let ObjKind::Str(s) = &o.kind else { return 0 };
    if let Some(h) = s.hash.get() {
        return h;
    }
    let h = hash_text(&s.s);
    s.hash.set(Some(h));
    h
}

/// FNV-1a over the UTF-8 bytes, never -1.
pub fn hash_text(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python's `repr()` of a str.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if !super::unicode::is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `ascii()` of a repr: non-ASCII characters as `\x`, `\u` or `\U` escapes.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// `s[key]` for a str.
pub fn str_getitem(vm: &mut Vm, o: ObjRef, key: Value) -> PyResult<Value> {
    let ObjKind::Str(s) = &o.kind else { unreachable!("str_getitem on non-str") };
    if let Value::Obj(k) = key {
        if matches!(k.kind, ObjKind::Slice(..)) {
            let n = char_len(s);
            let si = ops::slice_indices(vm, k, n)?;
            let out: String = if s.ascii {
                let b = s.s.as_bytes();
                if si.step == 1 {
                    let start = si.start.max(0) as usize;
                    let stop = (si.start.max(0) as usize + si.len).min(b.len());
                    s.s[start..stop].to_string()
                } else {
                    si.indices().map(|i| b[i] as char).collect()
                }
            } else {
                let chars: Vec<char> = s.s.chars().collect();
                si.indices().map(|i| chars[i]).collect()
            };
            return Ok(vm.new_string(out));
        }
    }
    let i = match key {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => {
            if let Some(i) = ops::call_special(vm, key, super::interner::sym::INDEX, &[])? {
                return str_getitem(vm, o, i);
            }
            let tn = ops::type_name(vm, key);
            return Err(vm.new_error(vm.types.type_error, &format!("string indices must be integers, not '{tn}'")));
        }
    };
    let n = char_len(s) as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(vm.new_error(vm.types.index_error, "string index out of range"));
    }
    let c = if s.ascii {
        (s.s.as_bytes()[idx as usize] as char).to_string()
    } else {
        s.s.chars().nth(idx as usize).map(|c| c.to_string()).unwrap_or_default()
    };
    Ok(char_value(vm, &c))
}

/// A one-character string (ASCII ones are interned).
pub fn char_value(vm: &mut Vm, c: &str) -> Value {
    if c.len() == 1 {
        let s = vm.intern(c);
        vm.sym_value(s)
    } else {
        vm.new_str(c)
    }
}

/// `FORMAT_VALUE`: conversion (0 none, 1 str, 2 repr, 3 ascii) then `format(v, spec)`.
pub fn format_value(vm: &mut Vm, v: Value, conversion: u32, spec: Value) -> PyResult<Value> {
    let v = match conversion {
        1 => {
            let s = ops::str_of(vm, v)?;
            vm.new_string(s)
        }
        2 => {
            let s = ops::repr(vm, v)?;
            vm.new_string(s)
        }
        3 => {
            let s = ops::repr(vm, v)?;
            vm.new_string(ascii_escape(&s))
        }
        _ => v,
    };
    let spec = if spec.is_null() { "" } else { as_str(spec).unwrap_or("") };
    // (An instance's own `__format__` sees even an empty spec.)
    if spec.is_empty() && !matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Instance(_))) {
        if as_str(v).is_some() {
            return Ok(v);
        }
        let s = ops::str_of(vm, v)?;
        return Ok(vm.new_string(s));
    }
    let spec = spec.to_string();
    let s = format(vm, v, &spec)?;
    Ok(vm.new_string(s))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: Value, spec: &str) -> PyResult<String> {
    if let Value::Obj(o) = v {
        if let ObjKind::Instance(i) = &o.kind {
            if let Some(f) = i.class.as_class().and_then(|c| c.lookup(sym::FORMAT)) {
                let sv = vm.new_str(spec);
                let r = ops::call_method_value(vm, f, &[v, sv])?;
                return match as_str(r) {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let tn = ops::type_name(vm, r);
                        Err(vm.new_error(vm.types.type_error, &format!("__format__ must return a str, not {tn}")))
                    }
                };
            }
            if spec.is_empty() {
                return ops::str_of(vm, v);
            }
            let tn = ops::type_name(vm, v);
            return Err(
                vm.new_error(vm.types.type_error, &format!("unsupported format string passed to {tn}.__format__"))
            );
        }
    }
    let type_name = ops::type_name(vm, v);
    let parsed = match FormatSpec::parse_for_type(spec, &type_name) {
        Ok(p) => p,
        Err(msg) => return Err(vm.new_error(vm.types.value_error, &msg)),
    };
    let float_like = matches!(v, Value::Float(_)) || super::complex::is_complex(v);
    if float_like && parsed.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.new_error(vm.types.value_error, "precision too big"));
    }
    super::memory::check(vm, parsed.width.unwrap_or(0))?;
    let result = match v {
        Value::Float(x) => fmt::format_float(x, &parsed),
        Value::Obj(o) if matches!(o.kind, ObjKind::Complex(_)) => match super::complex::as_complex(v) {
            Some(z) => super::complex::format(z, &parsed),
            None => Ok(String::new()),
        },
        Value::Bool(b) if spec.is_empty() => Ok(if b { "True".into() } else { "False".into() }),
        _ if int::is_int(v) => {
            let b = int::to_bigint(v).unwrap_or_default();
            fmt::format_int(&b, &parsed)
        }
        _ => match as_str(v) {
            Some(s) => fmt::format_str(s, &parsed),
            None => {
                if spec.is_empty() {
                    return ops::str_of(vm, v);
                }
                let tn = ops::type_name(vm, v);
                return Err(
                    vm.new_error(vm.types.type_error, &format!("unsupported format string passed to {tn}.__format__"))
                );
            }
        },
    };
    result.map_err(|msg| vm.new_error(vm.types.value_error, &msg))
}

/// `fmt % args` for a str `fmt`.
pub fn percent_format(vm: &mut Vm, fmt_v: Value, args: Value) -> PyResult<Value> {
    let template = as_str(fmt_v).unwrap_or("").to_string();
    let items: Vec<Value> = match args.obj().and_then(|o| o.as_tuple()) {
        Some(t) => t.to_vec(),
        None => vec![args],
    };
    let is_mapping = args.obj().and_then(|o| o.as_dict()).is_some();
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0usize;
    let chars: Vec<char> = template.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(vm.new_error(vm.types.value_error, "incomplete format"));
        }
        // %(name)s
        let mut mapping_key: Option<String> = None;
        if chars[i] == '(' {
            let end = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
            let Some(end) = end else {
                return Err(vm.new_error(vm.types.value_error, "incomplete format key"));
            };
            mapping_key = Some(chars[i + 1..end].iter().collect());
            i = end + 1;
        }
        let mut flags = String::new();
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut take_arg = |vm: &mut Vm| -> PyResult<Value> {
            if let Some(k) = &mapping_key {
                let kv = vm.new_str(k);
                return ops::getitem(vm, args, kv);
            }
            if next >= items.len() {
                return Err(vm.new_error(vm.types.type_error, "not enough arguments for format string"));
            }
            next += 1;
            Ok(items[next - 1])
        };
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = take_arg(vm)?;
            let w = ops::expect_int(vm, w, "")?;
            if w < 0 {
                flags.push('-');
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                width = chars[start..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut precision: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take_arg(vm)?;
                let p = ops::expect_int(vm, p, "")?;
                if p > i32::MAX as i64 {
                    return Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C int"));
                }
                precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                precision = Some(chars[start..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while i < chars.len() && "hlL".contains(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.new_error(vm.types.value_error, "incomplete format"));
        }
        let ty = chars[i];
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        if precision.is_some_and(|p| p > i32::MAX as usize) {
            return Err(vm.new_error(vm.types.value_error, "precision too big"));
        }
        super::memory::check(vm, width.unwrap_or(0))?;
        let arg = take_arg(vm)?;
        let piece = match ty {
            's' | 'r' | 'a' => {
                let mut s = if ty == 's' { ops::str_of(vm, arg)? } else { ops::repr(vm, arg)? };
                if let Some(p) = precision {
                    s = s.chars().take(p).collect();
                }
                fmt::pad_str(&s, &flags, width)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                // Objects convert through `__index__` (and, for `%d`, `__int__`).
                let mut arg = arg;
                if let Some(ObjKind::Instance(_)) = arg.obj().map(|o| &o.kind) {
                    if let Some(i) = ops::call_special(vm, arg, super::interner::sym::INDEX, &[])? {
                        arg = i;
                    } else if matches!(ty, 'd' | 'i' | 'u') {
                        if let Some(i) = ops::call_special(vm, arg, super::interner::sym::INT, &[])? {
                            arg = i;
                        }
                    }
                }
                let b = match arg {
                    Value::Float(x) if matches!(ty, 'd' | 'i' | 'u') => {
                        if !x.is_finite() {
                            return Err(
                                vm.new_error(vm.types.overflow_error, "cannot convert float infinity to integer")
                            );
                        }
                        num_traits::FromPrimitive::from_f64(x.trunc()).unwrap_or_default()
                    }
                    _ => match int::to_bigint(arg) {
                        Some(b) => b,
                        None => {
                            let tn = ops::type_name(vm, arg);
                            let msg = if matches!(ty, 'x' | 'X' | 'o') {
                                format!("%{ty} format: an integer is required, not {tn}")
                            } else {
                                format!("%{ty} format: a real number is required, not {tn}")
                            };
                            return Err(vm.new_error(vm.types.type_error, &msg));
                        }
                    },
                };
                let t = if ty == 'i' || ty == 'u' { 'd' } else { ty };
                fmt::percent_format_int(&b, &flags, width, precision, t)
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let Some(x) = int::num_as_f64(vm, arg)? else {
                    let tn = ops::type_name(vm, arg);
                    return Err(vm.new_error(vm.types.type_error, &format!("must be real number, not {tn}")));
                };
                fmt::percent_format_float(x, &flags, width, precision, ty)
            }
            'c' => {
                let s = match arg {
                    Value::Int(n) => char::from_u32(n as u32).map(|c| c.to_string()).unwrap_or_default(),
                    _ => as_str(arg).unwrap_or("").to_string(),
                };
                fmt::pad_str(&s, &flags, width)
            }
            _ => {
                return Err(vm.new_error(
                    vm.types.value_error,
                    &format!("unsupported format character '{ty}' (0x{:x}) at index {}", ty as u32, i - 1),
                ))
            }
        };
        out.push_str(&piece);
    }
    if next < items.len() && !is_mapping {
        return Err(vm.new_error(vm.types.type_error, "not all arguments converted during string formatting"));
    }
    Ok(vm.new_string(out))
}
