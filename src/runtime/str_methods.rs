//! The methods of `str` (`split`, `join`, `strip`, `find`, `replace`, `format`, the case
//! conversions and the `is...` predicates), registered as natives on the `str` class. Each
//! takes the string as its first argument.
//!
//! Python counts positions in characters while stitch stores UTF-8, so the searching methods
//! turn character bounds into byte offsets (directly for ASCII strings, by walking otherwise),
//! search the byte slice, and turn the match back into a character index. Bounds, argument
//! errors and edge cases (empty separators, empty needles past the end, `maxsplit`) follow
//! CPython's `unicodeobject.c` and `stringlib`.
//!
//! Character classes must agree with CPython 3.11, which uses Unicode 14.0, while Rust's
//! standard library follows a newer Unicode and has no notion of Python's categories (`isalpha`
//! is L*, not Rust's `Alphabetic`). So the classes are tables generated from CPython 3.11 at
//! the end of this file (see the banner there for the generator); case mappings use Rust's,
//! which are Unicode's full mappings as CPython's are, plus the titlecase mappings Rust lacks.
//!
//! `str.format` is a port of CPython's `unicode_format.h`: the same markup scanner, field-name
//! parser, automatic numbering rules, nested format specs (two levels) and error messages;
//! each field is rendered by [`strings::format`](super::strings::format).

use std::sync::OnceLock;

use crate::interpreter::{PyErr, PyResult, Vm};

use super::attr;
use super::containers::{
    adjust_bounds, check_args, check_count, descriptor_error, no_keywords, plural, rooted, slice_bound, ssize_arg,
    Arity, Kw,
};
use super::iter as pyiter;
use super::object::{NativeFn, ObjKind, Str};
use super::ops;
use super::strings::{self, as_str};
use super::types;
use super::value::Value;

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("split", |vm, a, kw| split(vm, a, kw, "split", false)),
        ("rsplit", |vm, a, kw| split(vm, a, kw, "rsplit", true)),
        ("splitlines", splitlines),
        ("strip", |vm, a, kw| strip(vm, a, kw, "strip", true, true)),
        ("lstrip", |vm, a, kw| strip(vm, a, kw, "lstrip", true, false)),
        ("rstrip", |vm, a, kw| strip(vm, a, kw, "rstrip", false, true)),
        ("startswith", |vm, a, kw| tailmatch(vm, a, kw, "startswith", false)),
        ("endswith", |vm, a, kw| tailmatch(vm, a, kw, "endswith", true)),
        ("find", |vm, a, kw| find(vm, a, kw, "find", false, false)),
        ("rfind", |vm, a, kw| find(vm, a, kw, "rfind", true, false)),
        ("index", |vm, a, kw| find(vm, a, kw, "index", false, true)),
        ("rindex", |vm, a, kw| find(vm, a, kw, "rindex", true, true)),
        ("count", count),
        ("replace", replace),
        ("partition", |vm, a, kw| partition(vm, a, kw, "partition", false)),
        ("rpartition", |vm, a, kw| partition(vm, a, kw, "rpartition", true)),
        ("ljust", |vm, a, kw| justify(vm, a, kw, "ljust")),
        ("rjust", |vm, a, kw| justify(vm, a, kw, "rjust")),
        ("center", |vm, a, kw| justify(vm, a, kw, "center")),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("format", format),
        ("upper", |vm, a, kw| map_case(vm, a, kw, "upper", |s| s.to_uppercase())),
        ("lower", |vm, a, kw| map_case(vm, a, kw, "lower", |s| s.to_lowercase())),
        ("capitalize", |vm, a, kw| map_case(vm, a, kw, "capitalize", capitalize)),
        ("title", |vm, a, kw| map_case(vm, a, kw, "title", title)),
        ("swapcase", |vm, a, kw| map_case(vm, a, kw, "swapcase", swapcase)),
        ("isdigit", |vm, a, kw| predicate(vm, a, kw, "isdigit", |s| all_chars(s, is_digit))),
        ("isdecimal", |vm, a, kw| predicate(vm, a, kw, "isdecimal", |s| all_chars(s, is_decimal))),
        ("isnumeric", |vm, a, kw| predicate(vm, a, kw, "isnumeric", |s| all_chars(s, is_numeric))),
        ("isalpha", |vm, a, kw| predicate(vm, a, kw, "isalpha", |s| all_chars(s, is_alpha))),
        ("isalnum", |vm, a, kw| predicate(vm, a, kw, "isalnum", |s| all_chars(s, is_alnum))),
        ("isspace", |vm, a, kw| predicate(vm, a, kw, "isspace", |s| all_chars(s, is_space))),
        ("isupper", |vm, a, kw| predicate(vm, a, kw, "isupper", is_upper_str)),
        ("islower", |vm, a, kw| predicate(vm, a, kw, "islower", is_lower_str)),
        ("istitle", |vm, a, kw| predicate(vm, a, kw, "istitle", is_title_str)),
        ("isidentifier", |vm, a, kw| predicate(vm, a, kw, "isidentifier", is_identifier)),
        ("isprintable", |vm, a, kw| predicate(vm, a, kw, "isprintable", |s| s.chars().all(is_printable))),
        ("isascii", |vm, a, kw| predicate(vm, a, kw, "isascii", |s| s.is_ascii())),
    ];
    let class = vm.types.str_;
    types::add_methods(vm, class, methods);
}

// ---------------------------------------------------------------------------------------------
// Receiver and arguments

/// The receiving string. The reference stays valid until the next call into Python (see
/// [`Value::obj`]); code that calls back copies what it needs first.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static Str> {
    match args.first().and_then(|v| v.obj()).map(|o| &o.kind) {
        Some(ObjKind::Str(s)) => Ok(s),
        _ => Err(descriptor_error(vm, args, "str", name)),
    }
}

/// A str argument, or "must be str, not int".
fn str_arg(vm: &mut Vm, v: Value) -> PyResult<&'static str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("must be str, not {tn}")))
        }
    }
}

/// The optional start/end arguments at `args[from..]` as character bounds.
fn bounds(vm: &mut Vm, args: &[Value], from: usize) -> PyResult<(Option<i64>, Option<i64>)> {
    let start = match args.get(from) {
        Some(v) => slice_bound(vm, *v, true)?,
        None => None,
    };
    let end = match args.get(from + 1) {
        Some(v) => slice_bound(vm, *v, true)?,
        None => None,
    };
    Ok((start, end))
}

/// Argument Clinic parsing of positional-or-keyword parameters `names` (after `self`).
fn clinic_params(vm: &mut Vm, name: &str, args: &[Value], kw: Kw, names: &[&str]) -> PyResult<Vec<Option<Value>>> {
    let npos = args.len().saturating_sub(1);
    let max = names.len();
    if npos + kw.len() > max {
        let msg = if npos == 0 {
            format!("{name}() takes at most {max} keyword argument{} ({} given)", plural(max), kw.len())
        } else {
            format!("{name}() takes at most {max} argument{} ({} given)", plural(max), npos + kw.len())
        };
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    let mut out: Vec<Option<Value>> = args[1..].iter().map(|v| Some(*v)).collect();
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

/// Byte offset of character index `ci`, or `None` when `ci` is past the end of `s`.
///
/// Non-ASCII text is scanned eight bytes at a time, counting the bytes that start a character
/// (all but the `10xxxxxx` continuation bytes), so a search from a late start position costs a
/// fast pass over the text before it rather than a character-by-character walk.
fn byte_at(s: &str, ascii: bool, ci: i64) -> Option<usize> {
    let mut remaining = ci.max(0) as usize;
    if ascii {
        return (remaining <= s.len()).then_some(remaining);
    }
    let bytes = s.as_bytes();
    let mut i = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let starts = 8 - (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        if starts > remaining {
            break;
        }
        remaining -= starts;
        i += 8;
    }
    for (j, &b) in bytes.iter().enumerate().skip(i) {
        if b & 0xc0 != 0x80 {
            if remaining == 0 {
                return Some(j);
            }
            remaining -= 1;
        }
    }
    (remaining == 0).then_some(s.len())
}

fn char_len(s: &str, ascii: bool) -> usize {
    if ascii {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The list of `parts` as new strings.
fn str_list(vm: &mut Vm, parts: &[&str]) -> Value {
    let items = parts.iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(items)
}

// ---------------------------------------------------------------------------------------------
// Joining and splitting

fn join(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "join", args, kw, Arity::One)?;
    this(vm, args, "join")?;
    let it = match pyiter::get_iter(vm, args[1]) {
        Ok(it) => it,
        Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.type_error) => {
            return Err(vm.new_error(vm.types.type_error, "can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let items = rooted(vm, &[it], |vm| pyiter::collect(vm, it))?;
    let sep = this(vm, args, "join")?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep.s);
        }
        match as_str(*item) {
            Some(s) => out.push_str(s),
            None => {
                let tn = ops::type_name(vm, *item);
                return Err(
                    vm.new_error(vm.types.type_error, &format!("sequence item {i}: expected str instance, {tn} found"))
                );
            }
        }
    }
    Ok(vm.new_string(out))
}

/// Python's whitespace (`Py_UNICODE_ISSPACE`): bidirectional classes WS, B, S and Zs.
pub fn is_space(c: char) -> bool {
    matches!(c as u32, 0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}

/// Line boundaries of `splitlines` (`\r\n` counts as one).
fn is_linebreak(c: char) -> bool {
    matches!(c as u32, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

/// `s.split(None, maxsplit)`: runs of whitespace separate, and none are kept at the ends;
/// once `maxsplit` splits are done the rest (without leading whitespace) is the last part.
fn split_whitespace(s: &str, mut maxsplit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let t = rest.trim_start_matches(is_space);
        if t.is_empty() {
            break;
        }
        if maxsplit == 0 {
            out.push(t);
            break;
        }
        let end = t.find(is_space).unwrap_or(t.len());
        out.push(&t[..end]);
        rest = &t[end..];
        maxsplit -= 1;
    }
    out
}

/// `s.rsplit(None, maxsplit)`, the mirror image of [`split_whitespace`].
fn rsplit_whitespace(s: &str, mut maxsplit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let t = rest.trim_end_matches(is_space);
        if t.is_empty() {
            break;
        }
        if maxsplit == 0 {
            out.push(t);
            break;
        }
        let start = t.char_indices().rev().find(|(_, c)| is_space(*c)).map_or(0, |(i, c)| i + c.len_utf8());
        out.push(&t[start..]);
        rest = &t[..start];
        maxsplit -= 1;
    }
    out.reverse();
    out
}

/// `split(sep=None, maxsplit=-1)` and `rsplit`.
fn split(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, from_right: bool) -> PyResult<Value> {
    this(vm, args, name)?;
    let params = clinic_params(vm, name, args, kw, &["sep", "maxsplit"])?;
    let sep = match params[0] {
        None | Some(Value::None) => None,
        Some(v) => match as_str(v) {
            Some(s) => Some(s),
            None => {
                let tn = ops::type_name(vm, v);
                return Err(vm.new_error(vm.types.type_error, &format!("must be str or None, not {tn}")));
            }
        },
    };
    let maxsplit = match params[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let s = &this(vm, args, name)?.s;
    let parts: Vec<&str> = match sep {
        None if from_right => rsplit_whitespace(s, maxsplit),
        None => split_whitespace(s, maxsplit),
        Some("") => return Err(vm.new_error(vm.types.value_error, "empty separator")),
        Some(sep) if from_right => {
            let mut v: Vec<&str> = s.rsplitn(maxsplit.saturating_add(1), sep).collect();
            v.reverse();
            v
        }
        Some(sep) => s.splitn(maxsplit.saturating_add(1), sep).collect(),
    };
    Ok(str_list(vm, &parts))
}

/// The lines of `s`, with their line boundaries when `keepends`.
fn lines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
            it.next();
            end += 1;
        }
        out.push(if keepends { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this(vm, args, "splitlines")?;
    let params = clinic_params(vm, "splitlines", args, kw, &["keepends"])?;
    let keepends = match params[0] {
        Some(v) => ssize_arg(vm, v)? != 0,
        None => false,
    };
    let s = &this(vm, args, "splitlines")?.s;
    let parts = lines(s, keepends);
    Ok(str_list(vm, &parts))
}

/// `s` without leading (`left`) and trailing (`right`) characters from `chars` (whitespace
/// when `None`).
fn strip_str<'a>(s: &'a str, chars: Option<&str>, left: bool, right: bool) -> &'a str {
    let strip_char = |c: char| match chars {
        Some(set) => set.contains(c),
        None => is_space(c),
    };
    let mut t = s;
    if left {
        t = t.trim_start_matches(strip_char);
    }
    if right {
        t = t.trim_end_matches(strip_char);
    }
    t
}

fn strip(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, left: bool, right: bool) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::Range(0, 1))?;
    let s = &this(vm, args, name)?.s;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => match as_str(*v) {
            Some(c) => Some(c),
            None => return Err(vm.new_error(vm.types.type_error, &format!("{name} arg must be None or str"))),
        },
    };
    let t = strip_str(s, chars, left, right);
    if t.len() == s.len() {
        return Ok(args[0]);
    }
    Ok(vm.new_str(t))
}

fn partition(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, from_right: bool) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::One)?;
    let s = &this(vm, args, name)?.s;
    let sep = str_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.new_error(vm.types.value_error, "empty separator"));
    }
    let found = if from_right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => vec![vm.new_str(&s[..i]), args[1], vm.new_str(&s[i + sep.len()..])],
        None => {
            let empty = vm.new_str("");
            if from_right {
                vec![empty, empty, args[0]]
            } else {
                vec![args[0], empty, empty]
            }
        }
    };
    Ok(vm.new_tuple(parts))
}

// ---------------------------------------------------------------------------------------------
// Searching

/// The byte range of characters `start..end` of `s` and the character index of its start,
/// after CPython's `ADJUST_INDICES`; `None` when the start lies beyond the end. Without an end
/// bound and with a non-negative start, the string's length in characters is not needed.
fn char_range(s: &str, ascii: bool, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize, i64)> {
    if end.is_none() && start.unwrap_or(0) >= 0 {
        let start = start.unwrap_or(0);
        return byte_at(s, ascii, start).map(|b| (b, s.len(), start));
    }
    let (start, end) = adjust_bounds(start, end, char_len(s, ascii));
    let (bs, be) = (byte_at(s, ascii, start)?, byte_at(s, ascii, end)?);
    (start <= end).then_some((bs, be, start))
}

/// `find`/`rfind` of `sub` in the characters `start..end` of `s` (CPython's
/// `any_find_slice`): the character index of the match, or -1.
fn find_in(s: &str, ascii: bool, sub: &str, start: Option<i64>, end: Option<i64>, from_right: bool) -> i64 {
    let Some((bs, be, start)) = char_range(s, ascii, start, end) else { return -1 };
    let hay = &s[bs..be];
    let found = if from_right { hay.rfind(sub) } else { hay.find(sub) };
    match found {
        Some(p) => start + char_len(&hay[..p], ascii) as i64,
        None => -1,
    }
}

/// Non-overlapping occurrences of `sub` in characters `start..end` of `s`.
fn count_in(s: &str, ascii: bool, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((bs, be, _)) = char_range(s, ascii, start, end) else { return 0 };
    let hay = &s[bs..be];
    if sub.is_empty() {
        return char_len(hay, ascii) as i64 + 1;
    }
    hay.matches(sub).count() as i64
}

/// Whether characters `start..end` of `s` start (or end) with `sub` (CPython's `tailmatch`).
fn tail_matches(s: &str, ascii: bool, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let Some((bs, be, _)) = char_range(s, ascii, start, end) else { return false };
    let hay = &s[bs..be];
    if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

/// The arguments shared by the searching methods: `sub[, start[, end]]`, positional only.
/// The bounds are converted before `sub` is checked, as in CPython.
fn search_args(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<(&'static Str, Option<i64>, Option<i64>)> {
    no_keywords(vm, "str", name, kw)?;
    check_count(vm, "str", name, args.len().saturating_sub(1), Arity::Clinic(1, 3))?;
    this(vm, args, name)?;
    let (start, end) = bounds(vm, args, 2)?;
    Ok((this(vm, args, name)?, start, end))
}

fn find(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, from_right: bool, raise: bool) -> PyResult<Value> {
    let (s, start, end) = search_args(vm, args, kw, name)?;
    let i = find_in(&s.s, s.ascii, str_arg(vm, args[1])?, start, end, from_right);
    if i < 0 && raise {
        return Err(vm.new_error(vm.types.value_error, "substring not found"));
    }
    Ok(Value::Int(i))
}

fn count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (s, start, end) = search_args(vm, args, kw, "count")?;
    Ok(Value::Int(count_in(&s.s, s.ascii, str_arg(vm, args[1])?, start, end)))
}

/// `startswith`/`endswith`: the prefix may be a tuple of str, tried in order.
fn tailmatch(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, at_end: bool) -> PyResult<Value> {
    let (s, start, end) = search_args(vm, args, kw, name)?;
    if let Some(sub) = as_str(args[1]) {
        return Ok(Value::Bool(tail_matches(&s.s, s.ascii, sub, start, end, at_end)));
    }
    let Some(options) = args[1].obj().and_then(|o| o.as_tuple()) else {
        let tn = ops::type_name(vm, args[1]);
        return Err(
            vm.new_error(vm.types.type_error, &format!("{name} first arg must be str or a tuple of str, not {tn}"))
        );
    };
    for &option in options {
        let Some(sub) = as_str(option) else {
            let tn = ops::type_name(vm, option);
            return Err(vm.new_error(vm.types.type_error, &format!("tuple for {name} must only contain str, not {tn}")));
        };
        if tail_matches(&s.s, s.ascii, sub, start, end, at_end) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn replace(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "replace", args, kw, Arity::Range(2, 3))?;
    this(vm, args, "replace")?;
    let mut strs = [""; 2];
    for (i, slot) in strs.iter_mut().enumerate() {
        match as_str(args[i + 1]) {
            Some(t) => *slot = t,
            None => {
                let tn = ops::type_name(vm, args[i + 1]);
                let msg = format!("replace() argument {} must be str, not {tn}", i + 1);
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
        }
    }
    let count = match args.get(3) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    let s = &this(vm, args, "replace")?.s;
    let [old, new] = strs;
    let out = if count < 0 { s.replace(old, new) } else { s.replacen(old, new, count as usize) };
    Ok(vm.new_string(out))
}

// ---------------------------------------------------------------------------------------------
// Padding

/// The `fillchar` argument of `ljust`/`rjust`/`center`.
fn fill_char(vm: &mut Vm, v: Option<&Value>) -> PyResult<char> {
    let Some(&v) = v else { return Ok(' ') };
    let Some(s) = as_str(v) else {
        let tn = ops::type_name(vm, v);
        return Err(
            vm.new_error(vm.types.type_error, &format!("The fill character must be a unicode character, not {tn}"))
        );
    };
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(vm.new_error(vm.types.type_error, "The fill character must be exactly one character long")),
    }
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `ljust`, `rjust` and `center` (whose odd margin goes left only when the width is odd, as
/// in CPython).
fn justify(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::Range(1, 2))?;
    this(vm, args, name)?;
    let width = ssize_arg(vm, args[1])?;
    let fill = fill_char(vm, args.get(2))?;
    let s = this(vm, args, name)?;
    let len = char_len(&s.s, s.ascii) as i64;
    if len >= width {
        return Ok(args[0]);
    }
    let marg = width - len;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    };
    Ok(vm.new_string(pad(&s.s, left as usize, right as usize, fill)))
}

fn zfill(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "zfill", args, kw, Arity::One)?;
    this(vm, args, "zfill")?;
    let width = ssize_arg(vm, args[1])?;
    let s = this(vm, args, "zfill")?;
    let len = char_len(&s.s, s.ascii) as i64;
    if len >= width {
        return Ok(args[0]);
    }
    let fill = (width - len) as usize;
    let out = match s.s.strip_prefix(['+', '-']) {
        Some(rest) => format!("{}{}{rest}", &s.s[..1], "0".repeat(fill)),
        None => pad(&s.s, fill, 0, '0'),
    };
    Ok(vm.new_string(out))
}

fn expand_tabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - column % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    column += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    this(vm, args, "expandtabs")?;
    let params = clinic_params(vm, "expandtabs", args, kw, &["tabsize"])?;
    let tabsize = match params[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let s = &this(vm, args, "expandtabs")?.s;
    Ok(vm.new_string(expand_tabs(s, tabsize)))
}

// ---------------------------------------------------------------------------------------------
// Case

fn map_case(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::NoArgs)?;
    let s = &this(vm, args, name)?.s;
    Ok(vm.new_string(f(s)))
}

/// Titlecase (`Lt`) letters: cased, but neither upper- nor lowercase.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Appends the full titlecase mapping of `c` (Unicode's SpecialCasing and UnicodeData
/// titlecase fields, where they differ from the uppercase mapping).
fn push_title(out: &mut String, c: char) {
    let n = c as u32;
    let single = match n {
        0x1c4..=0x1c6 => Some(0x1c5),
        0x1c7..=0x1c9 => Some(0x1c8),
        0x1ca..=0x1cc => Some(0x1cb),
        0x1f1..=0x1f3 => Some(0x1f2),
        // Georgian Mkhedruli letters are their own titlecase (their uppercase is Mtavruli).
        0x10d0..=0x10fa | 0x10fd..=0x10ff => Some(n),
        0x1f80..=0x1faf => Some(n | 8),
        0x1fb3 | 0x1fbc => Some(0x1fbc),
        0x1fc3 | 0x1fcc => Some(0x1fcc),
        0x1ff3 | 0x1ffc => Some(0x1ffc),
        _ => None,
    };
    if let Some(t) = single.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    let multi = match n {
        0xdf => "Ss",
        0x587 => "\u{535}\u{582}",
        0x1fb2 => "\u{1fba}\u{345}",
        0x1fb4 => "\u{386}\u{345}",
        0x1fb7 => "\u{391}\u{342}\u{345}",
        0x1fc2 => "\u{1fca}\u{345}",
        0x1fc4 => "\u{389}\u{345}",
        0x1fc7 => "\u{397}\u{342}\u{345}",
        0x1ff2 => "\u{1ffa}\u{345}",
        0x1ff4 => "\u{38f}\u{345}",
        0x1ff7 => "\u{3a9}\u{342}\u{345}",
        0xfb00 => "Ff",
        0xfb01 => "Fi",
        0xfb02 => "Fl",
        0xfb03 => "Ffi",
        0xfb04 => "Ffl",
        0xfb05 | 0xfb06 => "St",
        0xfb13 => "\u{544}\u{576}",
        0xfb14 => "\u{544}\u{565}",
        0xfb15 => "\u{544}\u{56b}",
        0xfb16 => "\u{54e}\u{576}",
        0xfb17 => "\u{544}\u{56d}",
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push_str(multi);
}

/// For each capital sigma of `s`, in order, whether it lowercases to final sigma in its
/// context. Rust's `str::to_lowercase` applies the same Final_Sigma rule as CPython, so this
/// reads the answer off its output.
fn final_sigmas(s: &str) -> Vec<bool> {
    if !s.contains('Σ') {
        return Vec::new();
    }
    let lowered = s.to_lowercase();
    let mut lc = lowered.chars();
    let mut out = Vec::new();
    for c in s.chars() {
        if c == 'Σ' {
            out.push(lc.next() == Some('ς'));
        } else {
            for _ in c.to_lowercase() {
                lc.next();
            }
        }
    }
    out
}

/// Appends the lowercase of `c`, taking a capital sigma's context from `finals`.
fn push_lower(out: &mut String, c: char, finals: &mut std::slice::Iter<bool>) {
    if c == 'Σ' {
        out.push(if finals.next().copied().unwrap_or(false) { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `str.capitalize`: the first character in titlecase, the rest in lowercase.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut out = String::with_capacity(s.len());
    push_title(&mut out, first);
    let finals = final_sigmas(s);
    let mut finals = finals.iter();
    if first == 'Σ' {
        finals.next();
    }
    for c in chars {
        push_lower(&mut out, c, &mut finals);
    }
    out
}

/// `str.title`: titlecase after an uncased character, lowercase after a cased one.
fn title(s: &str) -> String {
    let finals = final_sigmas(s);
    let mut finals = finals.iter();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for c in s.chars() {
        if previous_is_cased {
            push_lower(&mut out, c, &mut finals);
        } else {
            if c == 'Σ' {
                finals.next();
            }
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

fn swapcase(s: &str) -> String {
    let finals = final_sigmas(s);
    let mut finals = finals.iter();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            push_lower(&mut out, c, &mut finals);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Predicates

fn predicate(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::NoArgs)?;
    let s = &this(vm, args, name)?.s;
    Ok(Value::Bool(f(s)))
}

/// True for a non-empty string whose characters all satisfy `f`.
fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn is_upper_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

fn is_lower_str(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// Upper- and titlecase characters only after uncased ones, lowercase only after cased ones.
fn is_title_str(s: &str) -> bool {
    let (mut cased, mut previous_is_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if is_xid_start(c) => cs.all(is_xid_continue),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// str.format

#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumber {
    Unset,
    Auto,
    Manual,
}

/// The arguments of one `str.format` call and its automatic field numbering state.
struct FormatCall<'a> {
    args: &'a [Value],
    kw: Kw<'a>,
    auto: AutoNumber,
    next_index: usize,
}

/// A parsed replacement field: character ranges of the field name and format spec.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

fn value_error(vm: &mut Vm, msg: &str) -> PyErr {
    vm.new_error(vm.types.value_error, msg)
}

fn format(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let template: Vec<char> = this(vm, args, "format")?.s.chars().collect();
    let mut call = FormatCall { args: &args[1..], kw, auto: AutoNumber::Unset, next_index: 0 };
    let mark = vm.temp_roots.len();
    let r = build_string(vm, &template, &mut call, 2);
    vm.temp_roots.truncate(mark);
    let out = r?;
    Ok(vm.new_string(out))
}

/// Expands the markup in `text` (CPython's `build_string` + `do_markup`). `depth` limits the
/// nesting of format specs. Objects made on the way are left on `temp_roots` for the caller
/// to drop.
fn build_string(vm: &mut Vm, text: &[char], call: &mut FormatCall, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(value_error(vm, "Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(text.len() + 16);
    let n = text.len();
    let mut i = 0;
    while i < n {
        // Literal text up to a brace.
        let start = i;
        let mut c = '\0';
        let mut markup_follows = false;
        while i < n {
            c = text[i];
            i += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = i >= n;
        let mut len = i - start;
        if markup_follows && c == '}' && (at_end || text[i] != '}') {
            return Err(value_error(vm, "Single '}' encountered in format string"));
        }
        if markup_follows && at_end && c == '{' {
            return Err(value_error(vm, "Single '{' encountered in format string"));
        }
        if !at_end {
            if text[i] == c {
                // An escaped brace: keep one, no field follows.
                i += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&text[start..start + len]);
        if !markup_follows {
            continue;
        }
        let field = parse_field(vm, text, &mut i)?;
        render_field(vm, text, &field, call, depth, &mut out)?;
    }
    Ok(out)
}

/// Parses `name[!conversion][:spec]}` after a `{` (CPython's `parse_field`), leaving `*i`
/// after the closing brace.
fn parse_field(vm: &mut Vm, text: &[char], i: &mut usize) -> PyResult<Field> {
    let n = text.len();
    let name_start = *i;
    let mut c = '\0';
    while *i < n {
        c = text[*i];
        *i += 1;
        match c {
            '{' => return Err(value_error(vm, "unexpected '{' in field name")),
            '[' => {
                while *i < n && text[*i] != ']' {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let mut field = Field { name: (name_start, *i - 1), conversion: None, spec: (*i, *i), spec_needs_expanding: false };
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(value_error(vm, "expected '}' before end of string"));
        }
        return Ok(field);
    }
    if c == '!' {
        if *i >= n {
            return Err(value_error(vm, "end of string while looking for conversion specifier"));
        }
        field.conversion = Some(text[*i]);
        *i += 1;
        if *i < n {
            let next = text[*i];
            *i += 1;
            if next == '}' {
                field.spec = (*i, *i);
                return Ok(field);
            }
            if next != ':' {
                return Err(value_error(vm, "expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut depth = 1;
    while *i < n {
        let c = text[*i];
        *i += 1;
        match c {
            '{' => {
                field.spec_needs_expanding = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = (spec_start, *i - 1);
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(value_error(vm, "unmatched '{' in format spec"))
}

/// The value of a field name made of decimal digits (`None` if it is not one; Unicode decimal
/// digits count, as in CPython).
fn field_index(vm: &mut Vm, name: &[char]) -> PyResult<Option<usize>> {
    if name.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in name {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d as usize)).filter(|a| *a <= i64::MAX as usize) {
            Some(a) => a,
            None => return Err(value_error(vm, "Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

/// Looks up the object a field name designates (CPython's `get_field_object`), rooting
/// intermediate objects on `temp_roots`.
fn field_object(vm: &mut Vm, name: &[char], call: &mut FormatCall) -> PyResult<Value> {
    let first_len = name.iter().position(|c| *c == '.' || *c == '[').unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_len);
    let mut index = field_index(vm, first)?;
    let is_empty = first.is_empty();
    if is_empty || index.is_some() {
        if call.auto == AutoNumber::Unset {
            call.auto = if is_empty { AutoNumber::Auto } else { AutoNumber::Manual };
        }
        if call.auto == AutoNumber::Manual && is_empty {
            return Err(value_error(vm, "cannot switch from manual field specification to automatic field numbering"));
        }
        if call.auto == AutoNumber::Auto && !is_empty {
            return Err(value_error(vm, "cannot switch from automatic field numbering to manual field specification"));
        }
        if is_empty {
            index = Some(call.next_index);
            call.next_index += 1;
        }
    }
    let mut obj = match index {
        Some(i) => match call.args.get(i) {
            Some(v) => *v,
            None => {
                let msg = format!("Replacement index {i} out of range for positional args tuple");
                return Err(vm.new_error(vm.types.index_error, &msg));
            }
        },
        None => {
            let key: String = first.iter().collect();
            match call.kw.iter().find(|(k, _)| vm.sym_str(*k) == key) {
                Some((_, v)) => *v,
                None => {
                    let k = vm.new_string(key);
                    return Err(vm.new_error_args(vm.types.key_error, vec![k]));
                }
            }
        }
    };
    while let Some((&c, tail)) = rest.split_first() {
        let (part, next, is_attr) = match c {
            '.' => {
                let end = tail.iter().position(|c| *c == '.' || *c == '[').unwrap_or(tail.len());
                (&tail[..end], &tail[end..], true)
            }
            '[' => match tail.iter().position(|c| *c == ']') {
                Some(end) => (&tail[..end], &tail[end + 1..], false),
                None => return Err(value_error(vm, "Missing ']' in format string")),
            },
            _ => return Err(value_error(vm, "Only '.' or '[' may follow ']' in format field specifier")),
        };
        if part.is_empty() {
            return Err(value_error(vm, "Empty attribute in format string"));
        }
        let text: String = part.iter().collect();
        obj = if is_attr {
            let name = vm.intern(&text);
            attr::getattr(vm, obj, name)?
        } else {
            let key = match field_index(vm, part)? {
                Some(i) => Value::Int(i as i64),
                None => vm.new_string(text),
            };
            vm.temp_roots.push(key);
            ops::getitem(vm, obj, key)?
        };
        vm.temp_roots.push(obj);
        rest = next;
    }
    Ok(obj)
}

/// `ascii()` of a repr: non-ASCII characters as `\x`, `\u` or `\U` escapes.
fn ascii_escape(repr: &str) -> String {
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

/// Converts and formats one field into `out` (CPython's `output_markup`).
fn render_field(
    vm: &mut Vm,
    text: &[char],
    field: &Field,
    call: &mut FormatCall,
    depth: i32,
    out: &mut String,
) -> PyResult<()> {
    let mut obj = field_object(vm, &text[field.name.0..field.name.1], call)?;
    if let Some(conv) = field.conversion {
        let s = match conv {
            'r' => ops::repr(vm, obj)?,
            's' => ops::str_of(vm, obj)?,
            'a' => ascii_escape(&ops::repr(vm, obj)?),
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return Err(value_error(vm, &format!("Unknown conversion specifier {c}")))
            }
            c => return Err(value_error(vm, &format!("Unknown conversion specifier \\x{:x}", c as u32))),
        };
        obj = vm.new_string(s);
        vm.temp_roots.push(obj);
    }
    let spec_chars = &text[field.spec.0..field.spec.1];
    let spec = if field.spec_needs_expanding {
        build_string(vm, spec_chars, call, depth - 1)?
    } else {
        spec_chars.iter().collect()
    };
    out.push_str(&strings::format(vm, obj, &spec)?);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Character classes (tables from CPython 3.11 / Unicode 14.0)

/// A set of code points stored as the boundaries of its ranges: `[start0, end0, start1, ...]`
/// with exclusive ends, written as hexadecimal deltas from the previous boundary and decoded
/// on first use.
struct Table {
    data: &'static str,
    bounds: OnceLock<Vec<u32>>,
}

impl Table {
    const fn new(data: &'static str) -> Table {
        Table { data, bounds: OnceLock::new() }
    }

    fn bounds(&self) -> &[u32] {
        self.bounds.get_or_init(|| {
            let mut acc = 0u32;
            self.data
                .split_ascii_whitespace()
                .map(|t| {
                    acc += u32::from_str_radix(t, 16).unwrap_or(0);
                    acc
                })
                .collect()
        })
    }

    fn contains(&self, c: char) -> bool {
        self.bounds().partition_point(|&b| b <= c as u32) % 2 == 1
    }

    /// The first code point of the range holding `c`.
    fn range_start(&self, c: char) -> Option<u32> {
        let b = self.bounds();
        let n = b.partition_point(|&x| x <= c as u32);
        if n % 2 == 1 {
            b.get(n - 1).copied()
        } else {
            None
        }
    }
}

static ALPHA_TABLE: Table = Table::new(ALPHA);
static DECIMAL_TABLE: Table = Table::new(DECIMAL);
static DIGIT_TABLE: Table = Table::new(DIGIT);
static NUMERIC_TABLE: Table = Table::new(NUMERIC);
static PRINTABLE_TABLE: Table = Table::new(PRINTABLE);
static ID_START_NOT_ALPHA_TABLE: Table = Table::new(ID_START_NOT_ALPHA);
static ALPHA_NOT_ID_START_TABLE: Table = Table::new(ALPHA_NOT_ID_START);
static ID_CONTINUE_EXTRA_TABLE: Table = Table::new(ID_CONTINUE_EXTRA);

/// Membership of `c` in a class: the ASCII rule for ASCII characters, else the table.
fn in_class(c: char, ascii: fn(&char) -> bool, table: &Table) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        table.contains(c)
    }
}

pub fn is_alpha(c: char) -> bool {
    in_class(c, char::is_ascii_alphabetic, &ALPHA_TABLE)
}

pub fn is_decimal(c: char) -> bool {
    in_class(c, char::is_ascii_digit, &DECIMAL_TABLE)
}

pub fn is_digit(c: char) -> bool {
    in_class(c, char::is_ascii_digit, &DIGIT_TABLE)
}

pub fn is_numeric(c: char) -> bool {
    in_class(c, char::is_ascii_digit, &NUMERIC_TABLE)
}

/// `str.isalnum` per character: alphabetic or numeric (numeric includes digits and decimals).
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isprintable` per character (also what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    in_class(c, |c| (' '..='~').contains(c), &PRINTABLE_TABLE)
}

/// The value of a decimal digit character (any script).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    // Decimal digits come in runs of ten starting at a zero.
    DECIMAL_TABLE.range_start(c).filter(|_| !c.is_ascii()).map(|start| (c as u32 - start) % 10)
}

fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    (is_alpha(c) && !ALPHA_NOT_ID_START_TABLE.contains(c)) || ID_START_NOT_ALPHA_TABLE.contains(c)
}

fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_xid_start(c) || ID_CONTINUE_EXTRA_TABLE.contains(c)
}

// Generated from CPython 3.11 by this script: `table` lists the boundaries where `pred` turns
// on and off (range starts and exclusive ends) as hex deltas from the previous boundary:
//
//   def table(pred):
//       bounds, inside = [], False
//       for c in range(0x110001):
//           if c <= 0x10FFFF and pred(c) != inside or c == 0x110000 and inside:
//               bounds.append(c); inside = not inside
//       return " ".join(format(b - a, "x") for a, b in zip([0] + bounds, bounds))
//
//   ALPHA: chr(c).isalpha()            DECIMAL: chr(c).isdecimal()
//   DIGIT: chr(c).isdigit()            NUMERIC: chr(c).isnumeric()
//   PRINTABLE: chr(c).isprintable()
//   ID_START_NOT_ALPHA: chr(c).isidentifier() and not chr(c).isalpha()
//   ALPHA_NOT_ID_START: chr(c).isalpha() and not chr(c).isidentifier()
//   ID_CONTINUE_EXTRA: ("a" + chr(c)).isidentifier() and not chr(c).isidentifier()

/// `str.isalpha`: categories Lu, Ll, Lt, Lm, Lo (648 ranges).
const ALPHA: &str = "\
    41 1a 6 1a 2f 1 a 1 4 1 5 17 1 1f 1 1ca 4 c e 5 7 1 1 1 81 5 1 2 2 4 1 1 6 1 1 3 1 1 1 14 1 53 1 8b 8 a6 1 26 2 \
    1 6 29 47 1b 4 4 2d 2b 23 2 1 63 1 1 f 2 7 2 a 3 2 1 10 1 1 1e 1d 59 b 1 18 21 9 2 4 1 5 16 4 1 9 1 3 1 17 19 7 \
    b 5 18 1 6 11 2a 3a 36 3 1 12 1 7 a f 10 4 8 2 2 2 16 1 7 1 1 3 4 3 1 10 1 d 2 1 3 e 2 a 1 8 6 4 2 2 16 1 7 1 2 \
    1 2 1 2 1f 4 1 1 13 3 10 9 1 3 1 16 1 7 1 2 1 5 3 1 12 1 f 2 17 1 b 8 2 2 2 16 1 7 1 2 1 5 3 1 1e 2 1 3 f 1 11 1 \
    1 6 3 3 1 4 3 2 1 1 1 2 3 2 3 3 3 c 16 1 34 8 1 3 1 17 1 10 3 1 1a 3 2 1 2 2 1e 1 4 8 1 3 1 17 1 a 1 5 3 1 1f 2 \
    1 2 f 2 11 9 1 3 1 29 2 1 10 1 5 3 8 3 18 6 5 12 3 18 1 9 1 1 2 7 3a 30 1 2 c 7 3a 2 1 1 1 5 1 18 1 1 1 a 1 2 9 \
    1 2 5 1 1 15 4 20 1 3f 8 1 24 1b 5 73 2b 14 1 10 6 4 4 3 1 3 2 7 3 4 d c 1 11 26 1 1 5 1 2 2b 1 14d 1 4 2 7 1 1 \
    1 4 2 29 1 4 2 21 1 4 2 7 1 1 1 4 2 f 1 39 1 4 2 43 25 10 10 56 2 6 3 26c 2 11 1 1a 5 4b 6 8 7 12 d 13 e 12 e d \
    1 3 f 34 23 1 4 1 43 59 7 5 2 22 1 1 5 46 a 1f 31 1e 2 5 b 2c 4 1a 36 17 9 35 52 1 5d 2f 11 8 36 1e d 2 a 2c 1a \
    24 29 3 a 24 2 9 7 2b 2 3 29 4 1 6 1 2 3 1 5 c0 40 116 2 6 2 26 2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 7 1 1 3 3 1 7 3 \
    4 2 6 4 d 5 3 1 7 74 1 d 1 10 d 65 1 4 1 2 a 1 1 3 5 6 1 1 1 1 1 1 4 1 b 2 4 5 5 4 1 34 2 a7b e5 6 4 3 2 c 26 1 \
    1 5 1 2 38 7 1 10 17 9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 50 1 1d5 2 2a 5 5 2 4 56 6 3 1 5a 1 4 5 2b 1 5e 11 20 30 10 \
    200 19c0 40 568d 43 2e 2 10d 3 10 a 2 14 2f 10 1f 2 46 31 9 2 67 2 40 5 2 1 1 1 5 18 10 1 3 1 4 1 17 1d 34 e 32 \
    3e 6 3 1 1 2 b 1c a 17 19 1d 7 2f 1c 1 10 5 1 a a 5 1 29 17 3 1 8 14 17 3 1 3 32 1 1 3 2 2 5 2 1 1 1 18 3 2 b 7 \
    3 c 6 2 6 2 6 9 7 1 7 1 2b 1 e 6 73 1d 2ba4 c 17 4 31 2104 16e 2 6a 26 7 c 5 5 1 1 a 1 d 1 5 1 1 1 2 1 2 1 6c 21 \
    16b 12 40 2 36 28 c 74 5 1 87 24 1a 6 1a b 59 3 6 2 6 2 6 2 3 23 c 1 1a 1 13 1 2 1 f 2 e 22 7b 185 1d 3 31 2f 20 \
    d 14 1 8 6 26 a 1e 2 24 4 8 30 9e 12 24 4 24 4 28 8 34 c b 1 f 1 7 1 2 1 b 1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a \
    1 9 45 6 2 1 1 2c 1 2 3 1 2 17 a 17 9 1f 41 13 1 2 a 16 a 1a 46 38 6 2 40 1 f 4 1 3 1 1d 2a 1d 3 1d 23 8 1 1c 1b \
    36 a 16 a 13 d 12 6e 49 37 33 d 33 d 24 15c 2a 6 2 4e 1d a 1 8 16 2a 12 2e 15 1b 17 c 35 39 2 2 1 d 2d 20 19 1a \
    24 1d 1 2 1 8 23 3 1 c 30 e 4 15 1 1 1 23 12 1 19 54 7 1 1 1 4 1 f 1 a 7 2f 26 8 2 2 2 16 1 7 1 2 1 5 3 1 12 1 c \
    5 9e 35 12 4 14 3 1e 30 14 2 1 1 b8 2f 29 4 24 30 14 1 3b 2b d 1 47 1b 25 7 b9 2c 74 40 1f 8 2 1 2 8 1 2 1 18 f \
    1 1 1 5e 8 2 27 10 1 1 1 1c 1 a 28 7 1 15 1 b 2e 13 1 12 49 107 9 1 25 11 1 31 1e 70 7 1 2 1 26 15 1 19 6 1 2 1 \
    20 e 1 147 13 bd 1 4f 39a e6 c4 a4c 61 f 42f fd1 247 21b9 239 7 1f 11 4f 11 1e 12 30 10 4 1f 15 5 13 2b0 40 80 \
    4b 5 1 42 d 40 2 1 1 1c 17f8 8 4d6 2a 9 22e7 4 1 7 1 2 1 123 2d 3 11 4 8 18c 904 6b 5 d 3 9 7 a 1766 55 1 47 1 2 \
    2 1 2 2 2 4 1 c 1 1 1 7 1 41 1 4 2 8 1 7 1 1c 1 4 1 5 1 1 3 7 1 154 2 19 1 19 1 1f 1 19 1 1f 1 19 1 1f 1 19 1 1f \
    1 19 1 8 734 1f 1e1 2d a 7 10 1 141 1e 12 2c 4f4 7 1 4 1 2 1 f 1 c5 3b 44 7 1 4b4 4 1 1b 1 2 1 1 2 1 1 a 1 4 1 1 \
    1 1 6 1 4 1 1 1 1 1 1 3 1 2 1 1 2 1 1 1 1 1 1 1 1 1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 1 a 1 11 5 3 1 5 1 11 1144 a6e0 \
    20 1039 7 de 2 1682 e 1d31 c1f 21e 5e2 134b";
/// `str.isdecimal`: category Nd (62 ranges).
const DECIMAL: &str = "\
    30 a 626 a 86 a c6 a 19c a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 60 a 76 a 46 a 116 a 46 a 746 a 26 a 12c \
    a 80 a a6 a 6 a b6 a 56 a 86 a 6 a 89c6 a 2a6 a 26 a c6 a 16 a 56 a 196 a 5316 a 586 a 886 a 32c a 80 a 3c a 90 \
    a 116 a 156 a 76 a 176 a 66 a 66 a 1a6 a 66 a 2f6 a f6 a 46 a 4cb6 a 56 a 86 a 6c74 32 940 a 1a6 a 656 a 1296 a";
/// `str.isdigit`: Numeric_Type Decimal or Digit (81 ranges).
const DIGIT: &str = "\
    30 a 78 2 5 1 5a6 a 86 a c6 a 19c a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 76 a 60 a 76 a 46 a 116 a 46 a 2cf 9 \
    46e a 26 a 12c a 80 b a5 a 6 a b6 a 56 a 86 a 6 a 416 1 3 6 6 a 3d6 9 b 9 b 9 59 1 a 9 1 1 276 9 1 9 1 9 7e8d a \
    2a6 a 26 a c6 a 16 a 56 a 196 a 5316 a 586 a 596 4 2ec a 126 9 1e9 9 b a 80 a 3c a 90 a 116 a 156 a 76 a 176 a \
    66 a 66 a 1a6 a 66 a 2f6 a f6 a 46 a 4cb6 a 56 a 86 a 6c74 32 940 a 1a6 a 656 a 7a6 b ae5 a";
/// `str.isnumeric`: any Numeric_Type (206 ranges).
const NUMERIC: &str = "\
    30 a 78 2 5 1 2 3 5a1 a 86 a c6 a 19c a 76 a 4 6 6c a 76 a 76 a 2 6 6e d 73 a 8 7 67 a 68 7 7 13 6d a 60 a 76 a \
    46 14 10c a 46 a 2cf 14 371 3 ef a 6 a 16 a 12c a 80 b a5 a 6 a b6 a 56 a 86 a 6 a 416 1 3 6 6 a c6 33 2 5 2d6 \
    3c 4e 16 276 1e 569 1 309 1 19 9 e 3 157 4 8a a 1e 8 1 f 20 a 27 f 145 1 7d 1 3a6 1 322 1 12b2 1 2 1 3 1 1 1 53 \
    1 2e 1 7 1 1 1 28 2 1e 1 8 1 24 1 62 1 193 1 41 1 22 1 1 1 1 1 1d3 1 1 3 6 1 74 4 316 1 215 1 7 1 580 1 83 2 c 3 \
    1 1 3ed 1 4d 1 485 1 733 1 48f 1 2e7 1 a07 1 3a5 1 881 1 4 1 7c 1 8f0 1 24 1 5 1 2b 1 7d 1 f29 a bc a 140 6 9a a \
    26 a c6 a 16 a 56 a 196 a 4d71 1 7 1 4 1 39 1 1e 1 1 1 29 1 512 a 1ed 2d c 39 11 2 155 1b 24 4 1d 1 8 1 86 5 ca \
    a 3ae 8 19 7 27 9 4b 5 16 6 a0 2 2 10 2 2e 40 9 34 2 1e 3 4b 5 68 8 18 8 29 7 14a 6 30 a 126 1f 9e a 2a 4 70 7 \
    86 1e 80 a 3c a 90 a 7 14 fb a 156 a 76 a 176 a 66 a 66 c 1a4 13 5d a 2f6 1d e3 a 46 a 216 15 42b 6f 45f1 a 56 a \
    86 a 1 7 31e 17 6449 14 6c 19 455 32 940 a 1a6 a 5cd 9 80 a 317 3b 1 3 1 4 4c 2d 1 f 3c2 d ae3 a 407 1 62 1 7d 1 \
    3e 1 808 1 58 1 8 1 f 1 14d 1 12 1 1b 1 1876 1 607 1 1182 1 2751 1 9622 1";
/// `str.isprintable`: not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs other than space (700 ranges).
const PRINTABLE: &str = "\
    20 5f 22 c 1 2ca 2 6 4 7 1 1 1 14 1 18d 1 26 2 32 2 3 1 37 8 1b 4 6 11 16 1 c0 1 30 2 3b 2 65 e 3b 2 31 2 f 1 1c \
    2 1 1 b 5 1f 9 4a 1 a1 1 8 2 2 2 16 1 7 1 1 3 4 2 9 2 2 2 4 8 1 4 2 1 5 2 19 2 3 1 6 4 2 2 16 1 7 1 2 1 2 1 2 2 \
    1 1 5 4 2 2 3 3 1 7 4 1 1 7 11 a 3 1 9 1 3 1 16 1 7 1 2 1 5 2 a 1 3 1 3 2 1 f 4 2 c 7 7 1 3 1 8 2 2 2 16 1 7 1 2 \
    1 5 2 9 2 2 2 3 7 3 4 2 1 5 2 12 a 2 1 6 3 3 1 4 3 2 1 1 1 2 3 2 3 3 3 c 4 5 3 3 1 4 2 1 6 1 e 15 5 d 1 3 1 17 1 \
    10 2 9 1 3 1 4 7 2 1 3 2 1 2 4 2 a 7 16 1 3 1 17 1 a 1 5 2 9 1 3 1 4 7 2 6 2 1 4 2 a 1 2 d d 1 3 1 33 1 3 1 6 4 \
    10 2 1a 1 3 1 12 3 18 1 9 1 1 2 7 3 1 4 6 1 1 1 8 6 a 2 3 c 3a 4 1d 25 2 1 1 1 5 1 18 1 1 1 17 2 5 1 1 1 6 2 a 2 \
    4 20 48 1 24 4 27 1 24 1 f 1 d 25 c6 1 1 5 1 2 179 1 4 2 7 1 1 1 4 2 29 1 4 2 21 1 4 2 7 1 1 1 4 2 f 1 39 1 4 2 \
    43 2 20 3 1a 6 56 2 6 2 280 1 1c 3 59 7 16 9 18 9 14 c d 1 3 1 2 c 5e 2 a 6 a 6 e 1 b 6 59 7 2b 5 46 a 1f 1 c 4 \
    c 4 1 3 2a 2 5 b 2c 4 1a 6 b 3 3e 2 41 1 1d 2 b 6 a 6 e 2 1f 31 4d 3 2f 1 74 8 3c 3 f 3 3c 7 2b 2 b 8 2b 5 216 2 \
    6 2 26 2 6 2 8 1 1 1 1 1 1 1 1f 2 35 1 f 1 e 2 6 1 13 2 3 1 9 11 18 8 2f 11 2 2 1b 1 d 3 21 f 21 f 8c 4 297 19 b \
    15 714 2 20 1 15d 5 2d 1 1 5 1 2 38 7 2 e 18 9 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7 1 7e 22 1a 1 59 c d6 1a c 5 3f 1 56 \
    2 67 5 2b 1 5e 1 54 c 2f 1 726d 3 37 9 15c 14 b8 8 cb 5 2 1 1 1 5 18 3b 3 a 6 38 8 46 8 c 6 74 b 1e 3 4e 1 b 4 \
    21 1 37 9 e 2 a 2 67 18 1c a 6 2 6 2 6 9 7 1 7 1 3c 4 7e 2 a 6 2ba4 c 17 4 31 2104 16e 2 6a 26 7 c 5 5 1a 1 5 1 \
    1 1 2 1 2 1 7d 10 1bd 2 36 7 1 20 2a 6 33 1 13 1 4 4 5 1 87 4 be 3 6 2 6 2 6 2 3 3 7 1 7 d 2 2 c 1 1a 1 13 1 2 1 \
    f 2 e 22 7b 5 3 4 2d 3 58 1 d 3 1 2f 2e 82 1d 3 31 f 1c 4 24 9 1e 5 2b 5 1e 1 25 4 e 2a 9e 2 a 6 24 4 24 4 28 8 \
    34 b c 1 f 1 7 1 2 1 b 1 f 1 7 1 2 43 137 9 16 a 8 18 6 1 2a 1 9 45 6 2 1 1 2c 1 2 3 1 2 17 1 48 8 9 30 13 1 2 5 \
    21 3 1b 5 1 40 38 4 14 2 32 1 2 5 8 1 3 1 1d 2 3 4 a 7 9 7 40 20 27 4 c 9 36 3 1d 2 1b 5 1a 7 4 c 7 50 49 37 33 \
    d 33 7 2e 8 a 126 1f 1 2a 1 3 2 2 4e 28 8 2a 16 1a 26 1c 14 17 9 4e 4 24 9 3e 1 5 d 19 7 a 6 35 1 12 8 27 9 60 1 \
    14 b 12 1 2c 41 7 1 1 1 4 1 f 1 b 6 3b 5 a 6 4 1 8 2 2 2 16 1 7 1 2 1 5 1 a 2 2 2 3 2 1 6 1 5 7 2 7 3 5 8b 5c 1 \
    5 1e 48 8 a a6 36 2 26 22 45 b a 6 d 13 3a 6 a 36 1b 2 f 4 17 b9 3c 64 53 c 8 2 1 2 8 1 2 1 1e 1 2 2 c 9 a 46 8 \
    2 2e 2 b 1b 48 8 53 d 49 107 9 1 2d 1 e a 1d 3 20 2 16 1 e 49 7 1 2 1 2c 3 1 1 2 1 9 8 a 6 6 1 2 1 25 1 2 1 6 7 \
    a 136 19 b7 1 f 32 d 39b 66 6f 1 5 b c4 a4c 63 d 42f fd1 247 21b9 239 7 1f 1 a 4 51 1 a 6 1e 2 6 a 46 a a 1 7 1 \
    15 5 13 2b0 5b 65 4b 4 39 7 11 40 5 b 2 e 17f8 8 4d6 2a 9 22e7 4 1 7 1 2 1 123 2d 3 11 4 8 18c 904 6b 5 d 3 9 7 \
    a 2 4 1260 2e 2 17 9 74 3c f6 a 27 2 4a 8 70 15 46 9a 14 c 57 9 19 87 55 1 47 1 2 2 1 2 2 2 4 1 c 1 1 1 7 1 41 1 \
    4 2 8 1 7 1 1c 1 4 1 5 1 1 3 7 1 154 2 124 2 2be f 5 1 f 450 1f e1 7 1 11 2 7 1 2 1 5 d5 2d 3 e 2 a 4 2 140 1f \
    11 3a 5 1 4e0 7 1 4 1 2 1 f 1 c5 2 10 29 4c 4 a 4 2 311 44 4c 3d c2 4 1 1b 1 2 1 1 2 1 1 a 1 4 1 1 1 1 6 1 4 1 1 \
    1 1 1 1 3 1 2 1 1 2 1 1 1 1 1 1 1 1 1 1 2 1 1 2 4 1 7 1 4 1 4 1 1 1 a 1 11 5 3 1 5 1 11 34 2 10e 2c 4 64 c f 2 f \
    1 f 1 25 a ae 38 1d d 2c 4 9 7 2 e 6 9a 3d8 5 10 3 d 3 74 c 59 7 c 4 1 f c 4 38 8 a 6 28 8 1e 2 2 4e 154 c e 2 5 \
    3 5 3 7 9 1d 3 b 5 6 a a 6 8 8 7 9 93 1 37 25 a 406 a6e0 20 1039 7 de 2 1682 e 1d31 c1f 21e 5e2 134b aedb5 f0";
/// XID_Start (and `_`) characters that are not alphabetic (16 ranges).
const ID_START_NOT_ALPHA: &str = "\
    5f 1 168e 3 194 2 891 1 15 1 31 23 2 4 e7e 1 19 9 e 3 76ab a 5a50 35 1cc 1 8 1 86 5 202a 6f";
/// Alphabetic characters that are not XID_Start (15 ranges).
const ALPHA_NOT_ID_START: &str = "\
    37a 1 ab8 1 7f 1 1f7b 1 ce2e 6 196 2 74 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 11f 2";
/// XID_Continue characters that are not XID_Start (362 ranges).
const ID_CONTINUE_EXTRA: &str = "\
    30 a 7d 1 248 70 17 1 fb 5 109 2d 1 1 1 2 1 2 1 1 48 b 30 1f 6 1 65 7 2 6 2 2 1 4 2 a 17 1 1e 1b 5b b f a 21 9 9 \
    1 18 4 1 9 1 3 1 5 2b 3 3c 8 2a 18 1 21 36 3 1 12 1 7 a 2 2 a 11 3 38 1 1 7 2 2 2 3 9 1 a 2 2 a e 1 2 3 38 1 1 5 \
    4 2 2 3 3 1 14 c 3 1 b 3 38 1 1 8 1 3 1 3 14 2 2 a a 6 1 3 38 1 1 7 2 2 2 3 7 3 a 2 2 a 12 1 3b 5 3 3 1 4 9 1 e \
    a 10 5 37 1 1 7 1 3 1 4 7 2 b 2 2 a 11 3 38 1 1 7 1 3 1 4 7 2 b 2 2 a 10 4 37 2 1 7 1 3 1 4 9 1 a 2 2 a 11 3 46 \
    1 4 6 1 1 1 8 6 a 2 2 3d 1 1 8 c 8 1 a 57 1 1 a b 6 2 a 3e 2 6 a b 1 1 1 1 1 4 2 31 14 1 2 5 b 1 24 9 1 64 14 1 \
    a c 4 4 3 1 3 2 7 3 4 d c 1 f 2bf 3 9 9 3a0 4 1c 3 1d 2 1e 2 40 20 9 1 2 a 21 3 1 b 8f 1 76 c 4 c a a 80 b 3c 5 \
    39 a 1 1d 2 b 6 a 16 e 1 10 31 5 2f 11 b a 11 9 c 3 1e d 2 a 2c e 30 14 8 a 6 a 76 3 1 15 4 1 6 1 2 3 c6 40 23f \
    2 13 1 7b d 4 1 3 c bfe 3 8d 1 60 20 22a 6 69 2 7585 a 45 1 4 a 20 2 50 2 110 1 3 1 4 1 17 5 4 1 53 2 32 12 a a \
    6 12 d b 1c 8 19 d 2c 4 2f e f a b 1 a a 2f e c 1 8 2 2 a 21 3 32 1 1 3 2 2 5 2 1 1 29 5 5 2 ec 8 1 2 2 a 4f24 1 \
    2e1 10 10 10 3 2 18 3 c0 a 25 1 5e 2 25d 1 e2 1 95 5 125 a 557 3 1 2 5 4 28 3 4 1 a5 2 23d 4 8 a 171 2 99 b 31 4 \
    7a 3 35 f 1f b 2 2 a 4 2d b 7 1 2d a 6 3 24 e 1 a 5 2 2c 1 c 3 30 e 8 4 1 c 52 c 6 1 a0 c 5 a 6 4 37 2 1 7 2 2 2 \
    3 9 1 a 2 2 7 3 5 c0 12 9 a 4 1 51 14 c a d5 7 2 9 1b 2 52 11 f a 51 d 8 a 53 f 4 a f2 f a5 a 46 6 1 2 2 4 1 1 1 \
    2 c a 77 7 2 7 3 1 1c a 28 7 1 4 8 1 9 b 2e 10 195 8 1 8 10 a 38 16 1 e 7a 6 3 1 1 2 1 7 1 1 8 a 30 5 1 2 1 5 8 \
    a 149 4 4b69 a 56 a 26 5 3b 7 19 a 3f5 1 1 37 7 4 51 1 b 2 4cab 2 1261 2e 2 17 21e 5 3 6 8 8 2 7 1e 4 94 3 589 \
    32 200 37 4 32 8 1 e 1 16 5 1 f 550 7 1 11 2 7 1 2 1 5 105 7 9 a 164 1 3d e 5d6 7 6d 7 5 a 1296 a c0506 f0";

#[cfg(test)]
mod tests {
    use super::*;

    /// An argument for [`call`]: a str, an int or None.
    #[derive(Clone, Copy)]
    enum A<'a> {
        S(&'a str),
        I(i64),
        N,
    }

    /// Calls `str.<name>` on `recv` with the given arguments: the repr of the result, or
    /// "Type: message" of the error.
    fn call(name: &str, recv: &str, args: &[A], kw: &[(&str, A)]) -> String {
        let mut vm = Vm::new();
        let value = |vm: &mut Vm, a: A| match a {
            A::S(t) => vm.new_str(t),
            A::I(i) => Value::Int(i),
            A::N => Value::None,
        };
        let mut all = vec![vm.new_str(recv)];
        for &a in args {
            all.push(value(&mut vm, a));
        }
        let kw: Vec<_> = kw.iter().map(|&(k, a)| (vm.intern(k), value(&mut vm, a))).collect();
        let f = vm.intern(name);
        let f = match vm.types.str_.as_class().and_then(|c| c.lookup(f)).and_then(|f| f.obj()).map(|o| &o.kind) {
            Some(ObjKind::Native(n)) => n.func,
            _ => panic!("no str.{name}"),
        };
        match f(&mut vm, &all, &kw) {
            Ok(v) => ops::repr(&mut vm, v).unwrap_or_default(),
            Err(e) => {
                let tn = ops::type_name(&vm, Value::Obj(e.0));
                format!("{tn}: {}", ops::str_of(&mut vm, Value::Obj(e.0)).unwrap_or_default())
            }
        }
    }

    #[test]
    fn split_follows_cpython() {
        assert_eq!(split_whitespace("  a  b  c  ", 1), vec!["a", "b  c  "]);
        assert_eq!(rsplit_whitespace("  a  b  c  ", 1), vec!["  a  b", "c"]);
        assert_eq!(split_whitespace(" a b ", 0), vec!["a b "]);
        assert_eq!(rsplit_whitespace(" a b ", 0), vec![" a b"]);
        assert_eq!(split_whitespace("a\u{1c}b\u{3000}c", usize::MAX), vec!["a", "b", "c"]);
        assert!(split_whitespace("   ", usize::MAX).is_empty());
        assert_eq!(call("split", "a,b,,c,", &[A::S(",")], &[]), "['a', 'b', '', 'c', '']");
        assert_eq!(call("rsplit", "aaa", &[A::S("aa")], &[]), "['a', '']");
        assert_eq!(call("split", "abc", &[A::S("")], &[]), "ValueError: empty separator");
        assert_eq!(call("split", "a b c", &[A::N, A::I(1)], &[]), "['a', 'b c']");
        assert_eq!(call("rsplit", "a b c", &[], &[("maxsplit", A::I(1))]), "['a b', 'c']");
        assert_eq!(
            call("split", "a", &[A::N], &[("sep", A::N)]),
            "TypeError: argument for split() given by name ('sep') and position (1)"
        );
        assert_eq!(call("split", "a", &[A::I(1)], &[]), "TypeError: must be str or None, not int");
    }

    #[test]
    fn lines_strip_and_padding() {
        let text = "a\u{b}b\u{c}c\rd\r\ne\u{85}f\u{2028}g";
        assert_eq!(lines(text, true), vec!["a\u{b}", "b\u{c}", "c\r", "d\r\n", "e\u{85}", "f\u{2028}", "g"]);
        assert_eq!(lines("x\n\ny\n", false), vec!["x", "", "y"]);
        assert_eq!(strip_str("xxhixx", Some("x"), true, false), "hixx");
        assert_eq!(strip_str(" \t hi \n", None, true, true), "hi");
        assert_eq!(call("strip", "abcHELLOcba", &[A::S("cb")], &[]), "'abcHELLOcba'");
        assert_eq!(call("strip", "a", &[A::I(1)], &[]), "TypeError: strip arg must be None or str");
    }

    #[test]
    fn searching_counts_characters() {
        let text = "aé€😀bcdefghijklmnopé€😀";
        for ci in 0..=text.chars().count() as i64 + 2 {
            let want = text.char_indices().map(|(b, _)| b).chain([text.len()]).nth(ci as usize);
            assert_eq!(byte_at(text, false, ci), want, "char {ci}");
        }
        assert_eq!(find_in("héllo wörld", false, "w", None, None, false), 6);
        assert_eq!(find_in("héllo wörld", false, "ö", Some(2), Some(-1), true), 7);
        assert_eq!(find_in("abc", true, "", Some(3), None, false), 3);
        assert_eq!(find_in("abc", true, "", Some(4), None, false), -1);
        assert_eq!(find_in("abc", true, "", Some(1), Some(2), true), 2);
        assert_eq!(count_in("abc", true, "", Some(-10), Some(2)), 3);
        assert_eq!(count_in("abc", true, "", Some(4), None), 0);
        assert!(tail_matches("abc", true, "", Some(3), None, false));
        assert!(!tail_matches("abc", true, "", Some(4), None, true));
        assert!(tail_matches("héllo", false, "llo", Some(2), None, false));
        assert_eq!(call("index", "abc", &[A::S("z")], &[]), "ValueError: substring not found");
        assert_eq!(call("find", "a", &[], &[]), "TypeError: find() takes at least 1 argument (0 given)");
        assert_eq!(call("center", "abc", &[A::I(6)], &[]), "' abc  '");
        assert_eq!(call("center", "a", &[A::I(4)], &[]), "' a  '");
        assert_eq!(call("zfill", "-42", &[A::I(5)], &[]), "'-0042'");
        assert_eq!(call("zfill", "+", &[A::I(3)], &[]), "'+00'");
        assert_eq!(expand_tabs("a\tbc\td\n\tx", 8), "a       bc      d\n        x");
        assert_eq!(expand_tabs("a\tb", 0), "ab");
    }

    #[test]
    fn case_mappings_and_classes() {
        assert_eq!(title("they're bill's ǆ ßa"), "They'Re Bill'S ǅ Ssa");
        assert_eq!(title("ΑΣ Σ"), "Ας Σ");
        assert_eq!(capitalize("ΑΣ"), "Ας");
        assert_eq!(capitalize("ß"), "Ss");
        assert_eq!(swapcase("aΣb"), "AσB");
        assert_eq!(swapcase("ǈ"), "ǈ");
        assert!(is_title_str("ǅungla") && is_title_str("1A") && !is_title_str("HEllo"));
        assert!(is_upper_str("ABC1") && !is_upper_str("ǅ") && !is_lower_str("1"));
        assert!(is_alpha('é') && !is_alpha('Ⅻ') && !is_alpha('\u{345}'));
        assert!(is_numeric('Ⅻ') && is_numeric('一') && !is_digit('½') && is_digit('²') && !is_decimal('²'));
        assert!(is_decimal('٣') && decimal_value('٣') == Some(3) && decimal_value('𝟗') == Some(9));
        assert!(is_identifier("x\u{301}") && !is_identifier("1a") && is_identifier("_") && !is_identifier(""));
        assert!(!is_printable('\u{a0}') && is_printable('é') && !is_printable('\n'));
    }

    #[test]
    fn format_fields() {
        let mut vm = Vm::new();
        let f = {
            let name = vm.intern("format");
            match vm.types.str_.as_class().and_then(|c| c.lookup(name)).and_then(|f| f.obj()).map(|o| &o.kind) {
                Some(ObjKind::Native(n)) => n.func,
                _ => panic!("no str.format"),
            }
        };
        let mut run = |template: &str, args: &[Value]| -> String {
            let mut all = vec![vm.new_str(template)];
            all.extend_from_slice(args);
            match f(&mut vm, &all, &[]) {
                Ok(v) => as_str(v).unwrap_or("?").to_string(),
                Err(e) => ops::str_of(&mut vm, Value::Obj(e.0)).unwrap_or_default(),
            }
        };
        assert_eq!(
            run("{} {{x}} {0}", &[Value::Int(1)]),
            "cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(run("{0:>{1}}|{0!r:^5}", &[Value::Int(7), Value::Int(3)]), "  7|  7  ");
        assert_eq!(run("{:{}}{}", &[Value::Int(1), Value::Int(2), Value::Int(3)]), " 13");
        assert_eq!(run("{0:{1:{2}}}", &[Value::Int(1), Value::Int(2), Value::Int(3)]), "Max string recursion exceeded");
        assert_eq!(run("{0!}", &[Value::Int(1)]), "unmatched '{' in format spec");
        assert_eq!(run("}", &[]), "Single '}' encountered in format string");
        assert_eq!(run("{} {}", &[Value::Int(1)]), "Replacement index 1 out of range for positional args tuple");
        assert_eq!(run("{0[}", &[Value::Int(1)]), "expected '}' before end of string");
        assert_eq!(run("{0.}", &[Value::Int(1)]), "Empty attribute in format string");
        assert_eq!(run("{٣}", &[Value::Int(0), Value::Int(1), Value::Int(2), Value::Int(3)]), "3");
    }
}
