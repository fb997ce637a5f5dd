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
    let Some((bs, be, start)) = char_range(s, ascii, start, end) else {
        return -1;
    };
    let hay = &s[bs..be];
    let found = if from_right { hay.rfind(sub) } else { hay.find(sub) };
    match found {
        Some(p) => start + char_len(&hay[..p], ascii) as i64,
        None => -1,
    }
}

/// Non-overlapping occurrences of `sub` in characters `start..end` of `s`.
fn count_in(s: &str, ascii: bool, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((bs, be, _)) = char_range(s, ascii, start, end) else {
        return 0;
    };
    let hay = &s[bs..be];
    if sub.is_empty() {
        return char_len(hay, ascii) as i64 + 1;
    }
    hay.matches(sub).count() as i64
}

/// Whether characters `start..end` of `s` start (or end) with `sub` (CPython's `tailmatch`).
fn tail_matches(s: &str, ascii: bool, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let Some((bs, be, _)) = char_range(s, ascii, start, end) else {
        return false;
    };
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
    let Some(first) = chars.next() else {
        return String::new();
    };
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
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
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
/// with exclusive ends, decoded on first use. The text holds the difference of each boundary
/// from the previous one as a base-26 number: lowercase letters are leading digits (`a` = 0),
/// an uppercase letter is the last digit, so `C` is 2 and `bA` is 26.
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
            let (mut bounds, mut boundary, mut digits) = (Vec::new(), 0u32, 0u32);
            for b in self.data.bytes() {
                match b {
                    b'a'..=b'z' => digits = digits * 26 + u32::from(b - b'a'),
                    b'A'..=b'Z' => {
                        boundary += digits * 26 + u32::from(b - b'A');
                        bounds.push(boundary);
                        digits = 0;
                    }
                    _ => {}
                }
            }
            bounds
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

// Generated from CPython 3.11 by this script (see `Table` for the encoding):
//
//   def table(pred):
//       bounds, inside = [], False
//       for c in range(0x110001):
//           if c <= 0x10FFFF and pred(c) != inside or c == 0x110000 and inside:
//               bounds.append(c); inside = not inside
//       return "".join(base26(b - a) for a, b in zip([0] + bounds, bounds))
//
//   def base26(v):
//       digits = [v % 26]
//       while v >= 26: v //= 26; digits.append(v % 26)
//       return "".join(chr(97 + d) for d in digits[:0:-1]) + chr(65 + digits[0])
//
//   ALPHA: chr(c).isalpha()            DECIMAL: chr(c).isdecimal()
//   DIGIT: chr(c).isdigit()            NUMERIC: chr(c).isnumeric()
//   PRINTABLE: chr(c).isprintable()
//   ID_START_NOT_ALPHA: chr(c).isidentifier() and not chr(c).isalpha()
//   ALPHA_NOT_ID_START: chr(c).isalpha() and not chr(c).isidentifier()
//   ID_CONTINUE_EXTRA: ("a" + chr(c)).isidentifier() and not chr(c).isidentifier()

/// `str.isalpha`: categories Lu, Ll, Lt, Lm, Lo (648 ranges).
const ALPHA: &str = "\
    cNbAGbAbVBKBEBFXBbFBrQEMOFHBBBeZFBCCEBBGBBDBBBUBdFBfJIgKBbMCBGbPcTbBEEbTbRbJCBdVBBPCHCKDCBQBBbEbDdLLBYbHJCEBFWEB\
    JBDBXZHLFYBGRbQcGcCDBSBHKPQEICCCWBHBBDEDBQBNCBDOCKBIGECCWBHBCBCBCbFEBBTDQJBDBWBHBCBFDBSBPCXBLICCCWBHBCBFDBbECBDP\
    BRBBGDDBEDCBBBCDCDDDMWBcAIBDBXBQDBbADCBCCbEBEIBDBXBKBFDBbFCBCPCRJBDBbPCBQBFDIDYGFSDYBJBBCHcGbWBCMHcGCBBBFBYBBBKB\
    CJBCFBBVEbGBcLIBbKbBFeLbRUBQGEEDBDCHDENMBRbMBBFBCbRBmVBECHBBBECbPBECbHBECHBBBECPBcFBECcPbLQQdICGDxWCRBbAFcXGIHSN\
    TOSONBDPcAbJBEBcPdLHFCbIBBFcSKbFbXbECFLbSEbAcCXJcBdEBdPbVRIcCbENCKbSbAbKbPDKbKCJHbRCDbPEBGBCDBFhKcMkSCGCbMCGCIBB\
    BBBBBbFCcBBHBBDDBHDECGENFDBHeMBNBQNdXBEBCKBBDFGBBBBBBEBLCEFFEBcACdzFiVGEDCMbMBBFBCcEHBQXJHBHBHBHBHBHBHBHdCBsBCbQ\
    FFCEdIGDBdMBEFbRBdQRbGbWQtSjtOcMbguFcPbUCkJDQKCUbVQbFCcSbXJCdZCcMFCBBBFYQBDBEBXbDcAObYcKGDBBCLbCKXZbDHbVbCBQFBKK\
    FBbPXDBIUXDBDbYBBDCCFCBBBYDCLHDMGCGCGJHBHBbRBOGeLbDqnSMXEbXmnCoCCeCbMHMFFBBKBNBFBBBCBCBeEbHnZScMCcCbOMeMFBfFbKbA\
    GbALdLDGCGCGCDbJMBbABTBCBPCObIeToZbDDbXbVbGNUBIGbMKbECbKEIbWgCSbKEbKEbOIcAMLBPBHBCBLBPBHBCcPlZJWKIYGBbQBJcRGCBBb\
    SBCDBCXKXJbFcNTBCKWKbAcScEGCcMBPEBDBbDbQbDDbDbJIBbCbBcCKWKTNSeGcVcDbZNbZNbKnKbQGCdAbDKBIWbQSbUVbBXMcBcFCCBNbTbGZ\
    bAbKbDBCBIbJDBMbWOEVBBBbJSBZdGHBBBEBPBKHbVbMICCCWBHBCBFDBSBMFgCcBSEUDbEbWUCBBhCbVbPEbKbWUBcHbRNBcTbBbLHhDbSeMcMb\
    FICBCIBCBYPBBBdQICbNQBBBbCBKbOHBVBLbUTBScVkDJBbLRBbXbEeIHBCBbMVBZGBCBbGOBmPThHBdBbjMiWhOdxKdTPbpFfzTwLmuBvXHbFRd\
    BRbESbWQEbFVFTbaMcMeYcXFBcONcMCBBbCjcAIbvQbQJnfREBHBCBlFbTDREIpGdkUeDFNDJHKiwKdHBcTBCCBCCCEBMBBBHBcNBECIBHBbCBEB\
    FBBDHBnCCZBZBbFBZBbFBZBbFBZBbFBZBIcsYbFsNbTKHQBmJbESbSbwUHBEBCBPBhPcHcQHBbuIEBbBBCBBCBBKBEBBBBGBEBBBBBBDBCBBCBBB\
    BBBBBBBCBBCEBHBEBEBBBKBRFDBFBRgoAclfCbGgdTHiOCinQOlbLepJuWcfYhhZ";
/// `str.isdecimal`: category Nd (62 ranges).
const DECIMAL: &str = "\
    bWKciOKfEKhQKpWKeOKeOKeOKeOKeOKeOKeOKeOKeOKdSKeOKcSKkSKcSKctQKbMKlOKeYKgKKGKhAKdIKfEKGKcaeOKbaCKbMKhQKWKdIKpQKbf\
    mCKccKKdfYKbfGKeYKcIKfOKkSKnEKeOKoKKdYKdYKqGKdYKbdEKjMKcSKbdbIKdIKfEKbpbWbYdnCKqGKckKKhbAK";
/// `str.isdigit`: Numeric_Type Decimal or Digit (81 ranges).
const DIGIT: &str = "\
    bWKeQCFBcdQKfEKhQKpWKeOKeOKeOKeOKeOKeOKeOKeOKeOKdSKeOKcSKkSKcSKbbRJbrQKbMKlOKeYLgJKGKhAKdIKfEKGKboGBDGGKblUJLJLJ\
    dLBKJBByGJBJBJbvyBKbaCKbMKhQKWKdIKpQKbfmCKccKKcdAEbcUKlIJsVJLKeYKcIKfOKkSKnEKeOKoKKdYKdYKqGKdYKbdEKjMKcSKbdbIKdI\
    KfEKbpbWbYdnCKqGKckKKcxILedHK";
/// `str.isnumeric`: any Numeric_Type (206 ranges).
const NUMERIC: &str = "\
    bWKeQCFBCDcdLKfEKhQKpWKeOKEGeEKeOKeOKCGeGNeLKIHdZKeAHHTeFKdSKeOKcSUkIKcSKbbRUbhXDjFKGKWKlOKeYLgJKGKhAKdIKfEKGKbo\
    GBDGGKhQbZCFbbYcIdAWyGbEcbHBbdXBZJODnFEfIKbEIBPbGKbNPmNBeVBbjYBbeWBhcCBCBDBBBdFBbUBHBBBbOCbEBIBbKBdUBpNBcNBbIBBB\
    BBrZBBDGBeMEbeKBuNBHBccEBfBCMDBBbmRBcZBbsNBcsXBbsXBbcPBduTBbjXBdfTBEBeUBdkABbKBFBbRBeVBftHKhGKmIGfYKbMKhQKWKdIKp\
    QKbdiNBHBEBcFBbEBBBbPBbxYKsZbTMcFRCnDbBbKEbDBIBfEFhUKbkGIZHbNJcXFWGgECCQCbUcMJcACbEDcXFeAIYIbPHmSGbWKlIbFgCKbQEe\
    IHfEbEeYKcIKfOKHUjRKnEKeOKoKKdYKdYMqETdPKbdEbDiTKcSKuOVbpBeHbamRKdIKfEKBHbeSXblzLUeEZbqRbYdnCKqGKcfDJeYKbeLcHBDB\
    EcYbTBPblANedFKbnRBdUBeVBcKBdbCBdKBIBPBmVBSBbBBjgWBchJBgqKBoxDBcewGB";
/// `str.isprintable`: not Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs other than space (700 ranges).
const PRINTABLE: &str = "\
    bGdRbIMBbbMCGEHBBBUBpHBbMCbYCDBcDIbBEGRWBhKBbWCcHCdXOcHCbXCPBbCCBBLFbFJcWBgFBICCCWBHBBDECJCCCEIBECBFCZCDBGECCWBH\
    BCBCBCCBBFECCDDBHEBBHRKDBJBDBWBHBCBFCKBDBDCBPECMHHBDBICCCWBHBCBFCJCCCDHDECBFCSKCBGDDBEDCBBBCDCDDDMEFDDBECBGBOVFN\
    BDBXBQCJBDBEHCBDCBCECKHWBDBXBKBFCJBDBEHCGCBECKBCNNBDBbZBDBGEQCbABDBSDYBJBBCHDBEGBBBIGKCDMcGEbDbLCBBBFBYBBBXCFBBB\
    GCKCEbGcUBbKEbNBbKBPBNbLhQBBFBCoNBECHBBBECbPBECbHBECHBBBECPBcFBECcPCbGDbAGdICGCyQBbCDdLHWJYJUMNBDBCMdQCKGKGOBLGd\
    LHbRFcSKbFBMEMEBDbQCFLbSEbAGLDcKCcNBbDCLGKGOCbFbXcZDbVBeMIcIDPDcIHbRCLIbRFuOCGCbMCGCIBBBBBBBbFCcBBPBOCGBTCDBJRYI\
    bVRCCbBBNDbHPbHPfKEzNZLVcrSCbGBnLFbTBBFBCcEHCOYJHBHBHBHBHBHBHBHBeWbIbABdLMiGbAMFcLBdICdZFbRBdQBdGMbVBbriRDcDJnKU\
    hCIhVFCBBBFYcHDKGcEIcSIMGeMLbEDdABLEbHBcDJOCKCdZYbCKGCGCGJHBHBcIEeWCKGqnSMXEbXmnCoCCeCbMHMFFbABFBBBCBCBeVQrDCcCH\
    BbGbQGbZBTBEEFBfFEhIDGCGCGCDDHBHNCCMBbABTBCBPCObIeTFDEbTDdKBNDBbVbUfAbDDbXPbCEbKJbEFbRFbEBbLEObQgCCKGbKEbKEbOIcA\
    LMBPBHBCBLBPBHBCcPlZJWKIYGBbQBJcRGCBBbSBCDBCXBcUIJbWTBCFbHDbBFBcMcEEUCbYBCFIBDBbDCDEKHJHcMbGbNEMJcCDbDCbBFbAHEMH\
    dCcVcDbZNbZHbUIKlIbFBbQBDCCdAbOIbQWbAbMbCUXJdAEbKJcKBFNZHKGcBBSIbNJdSBULSBbScNHBBBEBPBLGcHFKGEBICCCWBHBCBFBKCCCD\
    CBGBFHCHDFfJdOBFbEcUIKgKcCCbMbIcRLKGNTcGGKcCbBCPEXhDcIdWdFMICBCIBCBbEBCCMJKcSICbUCLbBcUIdFNcVkDJBbTBOKbDDbGCWBOc\
    VHBCBbSDBBCBJIKGGBCBbLBCBGHKlYZhBBPbYNbjNdYeHBFLhOdxKdVNbpFfzTwLmuBvXHbFBKEdDBKGbECGKcSKKBHBVFTbaMdNdXcXEcFHRcMF\
    LCOjcAIbvQbQJnfREBHBCBlFbTDREIpGdkUeDFNDJHKCEgyYbUCXJeMcIjMKbNCcWIeIVcSfYUMdJJZfFdHBcTBCCBCCCEBMBBBHBcNBECIBHBbC\
    BEBFBBDHBnCClGCbbAPFBPbqMbFiRHBRCHBCBFiFbTDOCKECmIbFRcGFBbwAHBEBCBPBhPCQbPcYEKECbeFcQcYcJhMEBbBBCBBCBBKBEBBBBGBE\
    BBBBBBDBCBBCBBBBBBBBBBCBBCEBHBEBEBBBKBRFDBFBRcACkKbSEdWMPCPBPBbLKgScEbDNbSEJHCOGfYblWFQDNDeMMdLHMEBPMEcEIKGbOIbE\
    CCdAnCMOCFDFDHJbDDLFGKKGIIHJfRBcDbLKbnQclfCbGgdTHiOCinQOlbLepJuWcfYhhZbotmRjG";
/// XID_Start (and `_`) characters that are not alphabetic (16 ranges).
const ID_START_NOT_ALPHA: &str = "\
    dRBioCDpOCdgJBVBbXbJCEfmSBZJODbsyLKbifGcBrSBIBfEFmeSeH";
/// Alphabetic characters that are not XID_Start (15 ranges).
const ALPHA_NOT_ID_START: &str = "\
    biGBebOBeXBlxZBdacCGpQCeMBBBBBBBBBBBBBBBlBC";
/// XID_Continue characters that are not XID_Start (362 ranges).
const ID_CONTINUE_EXTRA: &str = "\
    bWKeVBwMeIXBjRFkFbTBBBCBCBBcULbWbFGBdXHCGCCBECKXBbEbBdNLPKbHJJBYEBJBDBFbRDcIIbQYBbHcCDBSBHKCCKRDcEBBHCCCDJBKCCKO\
    BCDcEBBFECCDDBUMDBLDcEBBIBDBDUCCKKGBDcEBBHCCCDHDKCCKSBcHFDDBEJBOKQFcDBBHBDBEHCLCCKRDcEBBHBDBEHCLCCKQEcDCBHBDBEJB\
    KCCKRDcSBEGBBBIGKCCcJBBIMIBKdJBBKLGCKcKCGKLBBBBBECbXUBCFLBbKJBdWUBKMEEDBDCHDENMBPbbBDJJbjSEbCDbDCbECcMbGJBCKbHDB\
    LfNBeOMEMKKeYLcIFcFKBbDCLGKWOBQbXFbVRLKRJMDbENCKbSObWUIKGKeODBVEBGBCDhQcMwDCTBeTNEBDMeoCDfLBdSbGvIGeBCbsnDKcRBEK\
    bGCdCCkMBDBEBXFEBdFCbYSKKGSNLbCIZNbSEbVOPKLBKKbVOMBICCKbHDbYBBDCCFCBBbPFFCjCIBCCKbdzGBbcJQQQDCYDhKKbLBdQCxHBiSBf\
    TFlHKcaPDBCFEbODEBgJCwBEIKoFCfXLbXEeSDcBPbFLCCKEbTLHBbTKGDbKOBKFCbSBMDbWOIEBMdEMGBgEMFKGEcDCBHCCCDJBKCCHDFhKSJKE\
    BdDUMKiFHCJbBCdERPKdDNIKdFPEKjIPgJKcSGBCCEBBBCMKePHCHDBbCKbOHBEIBJLbUQpPIBIQKcEWBOeSGDBBCBHBBIKbWFBCBFIKmREbcoNK\
    dIKbMFcHHZKbmZBBcDHEdDBLCbdaXCgyZbUCXuWFDGIICHbEEfSDccNbYtScDEbYIBOBWFBPcaIHBRCHBCBFkBHJKnSBcJOcfMHeFHFKhbAKbsvg\
    WjG";

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
        let ints = |xs: &[i64]| xs.iter().map(|&i| A::I(i)).collect::<Vec<_>>();
        let run = |template: &str, xs: &[i64]| call("format", template, &ints(xs), &[]);
        let v = |msg: &str| format!("ValueError: {msg}");
        assert_eq!(
            run("{} {{x}} {0}", &[1]),
            v("cannot switch from automatic field numbering to manual field specification")
        );
        assert_eq!(run("{0:>{1}}|{0!r:^5}|{{}}", &[7, 3]), "'  7|  7  |{}'");
        assert_eq!(run("{:{}}{}", &[1, 2, 3]), "' 13'");
        assert_eq!(run("{0:{1:{2}}}", &[1, 2, 3]), v("Max string recursion exceeded"));
        assert_eq!(run("{0!}", &[1]), v("unmatched '{' in format spec"));
        assert_eq!(run("}", &[]), v("Single '}' encountered in format string"));
        assert_eq!(run("{} {}", &[1]), "IndexError: Replacement index 1 out of range for positional args tuple");
        assert_eq!(run("{0[}", &[1]), v("expected '}' before end of string"));
        assert_eq!(run("{0.}", &[1]), v("Empty attribute in format string"));
        assert_eq!(run("{٣}", &[0, 1, 2, 3]), "'3'");
        assert_eq!(call("format", "{x!r:>5}", &[], &[("x", A::S("é"))]), "\"  'é'\"");
    }
}
