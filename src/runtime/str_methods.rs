//! The methods of `str` (`split`, `join`, `strip`, `find`, `replace`, the case conversions,
//! `translate` and the `is...` predicates), registered as natives on the `str` class. Each
//! takes the string as its first argument, except the staticmethod `maketrans`. `str.format`
//! and `format_map` are in [`str_format`](super::str_format), the character classes in
//! [`unicode`](super::unicode).
//!
//! Python counts positions in characters while stitch stores UTF-8, so the searching methods
//! turn character bounds into byte offsets (directly for ASCII strings, by walking otherwise),
//! search the byte slice, and turn the match back into a character index. Bounds, argument
//! errors and edge cases (empty separators, empty needles past the end, `maxsplit`) follow
//! CPython's `unicodeobject.c` and `stringlib`.
//!
//! Case mappings use Rust's, which are Unicode's full mappings as CPython's are, plus the
//! titlecase mappings Rust lacks. `translate` looks characters up in the order CPython does
//! (ASCII strings through a per-character cache, runs of deletions looked past), since a
//! table with a `__getitem__` of its own can observe it.

use crate::interpreter::{PyResult, Vm};

use super::containers::{
    adjust_bounds, check_args, check_count, descriptor_error, no_keywords, rooted, slice_bound, ssize_arg, Arity, Kw,
};
use super::dictops;
use super::int;
use super::iter as pyiter;
use super::object::{NativeFn, ObjKind, Str};
use super::ops;
use super::str_format;
use super::strings::as_str;
use super::types;
use super::unicode::{
    is_alnum, is_alpha, is_cased, is_decimal, is_digit, is_identifier, is_linebreak, is_numeric, is_printable,
    is_space, is_titlecase, push_casefold,
};
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
        ("format", str_format::format),
        ("format_map", str_format::format_map),
        ("upper", |vm, a, kw| map_case(vm, a, kw, "upper", |s| s.to_uppercase())),
        ("lower", |vm, a, kw| map_case(vm, a, kw, "lower", |s| s.to_lowercase())),
        ("capitalize", |vm, a, kw| map_case(vm, a, kw, "capitalize", capitalize)),
        ("title", |vm, a, kw| map_case(vm, a, kw, "title", title)),
        ("swapcase", |vm, a, kw| map_case(vm, a, kw, "swapcase", swapcase)),
        ("casefold", |vm, a, kw| map_case(vm, a, kw, "casefold", casefold)),
        ("removeprefix", |vm, a, kw| remove_affix(vm, a, kw, "removeprefix", false)),
        ("removesuffix", |vm, a, kw| remove_affix(vm, a, kw, "removesuffix", true)),
        ("translate", translate),
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
    // `maketrans` is a staticmethod: `str.maketrans(...)` and `s.maketrans(...)` alike receive
    // only the arguments.
    let f = vm.new_native("maketrans", maketrans);
    let method = rooted(vm, &[f], |vm| Ok(Value::Obj(vm.alloc(ObjKind::StaticMethod(f)))));
    let name = vm.intern("maketrans");
    if let (Ok(method), Some(c)) = (method, class.as_class()) {
        c.set_attr(name, method);
    }
    types::bump_class_epoch();
}

// ---------------------------------------------------------------------------------------------
// Receiver and arguments

/// The receiving string. The reference stays valid until the next call into Python (see
/// [`Value::obj`]); code that calls back copies what it needs first.
pub(super) fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static Str> {
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

/// How Argument Clinic names the type of a bad argument (`_PyArg_BadArgument`): "None" for
/// None, else the type's name.
fn clinic_type_name(vm: &mut Vm, v: Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        ops::type_name(vm, v)
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
    super::containers::clinic_args(vm, name, args.get(1..).unwrap_or(&[]), kw, names)
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
                let tn = clinic_type_name(vm, args[i + 1]);
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

/// `removeprefix`/`removesuffix`: the string itself when it does not start (end) with the
/// argument.
fn remove_affix(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, suffix: bool) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::One)?;
    let s = &this(vm, args, name)?.s;
    let Some(affix) = as_str(args[1]) else {
        let tn = clinic_type_name(vm, args[1]);
        return Err(vm.new_error(vm.types.type_error, &format!("{name}() argument must be str, not {tn}")));
    };
    match if suffix { s.strip_suffix(affix) } else { s.strip_prefix(affix) } {
        Some(rest) => Ok(vm.new_str(rest)),
        None => Ok(args[0]),
    }
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
    super::memory::check(vm, (marg as usize).saturating_mul(fill.len_utf8()))?;
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
    super::memory::check(vm, fill)?;
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
    if tabsize > i32::MAX as i64 {
        return Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C int"));
    }
    let s = &this(vm, args, "expandtabs")?.s;
    let tabs = s.matches('\t').count();
    super::memory::check(vm, tabs.saturating_mul(tabsize.max(0) as usize))?;
    Ok(vm.new_string(expand_tabs(s, tabsize)))
}

// ---------------------------------------------------------------------------------------------
// Case

fn map_case(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    check_args(vm, "str", name, args, kw, Arity::NoArgs)?;
    let s = &this(vm, args, name)?.s;
    Ok(vm.new_string(f(s)))
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

/// `str.casefold`: the full case folding of each character, without context.
fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(&mut out, c);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Translation

/// What `table[ord(c)]` says about a character of `str.translate`.
enum Mapped {
    /// A LookupError: the character stays.
    Unmapped,
    /// None.
    Delete,
    /// An int, or a str of one character.
    Char(char),
    Str(String),
}

/// Looks `c` up in a translation table (CPython's `charmaptranslate_lookup`). An exact dict
/// is searched directly; anything else through `__getitem__`.
fn translate_lookup(vm: &mut Vm, table: Value, c: char) -> PyResult<Mapped> {
    let key = Value::Int(c as i64);
    let found = match table.as_obj() {
        Some(d) if matches!(d.kind, ObjKind::Dict(_)) => dictops::get(vm, d, key)?,
        _ => match ops::getitem(vm, table, key) {
            Ok(v) => Some(v),
            Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.lookup_error) => None,
            Err(e) => return Err(e),
        },
    };
    let Some(v) = found else {
        return Ok(Mapped::Unmapped);
    };
    if v.is_none() {
        return Ok(Mapped::Delete);
    }
    if int::is_int(v) {
        let n = match v {
            Value::Int(i) => i,
            Value::Bool(b) => i64::from(b),
            _ => -1,
        };
        if !(0..=0x10ffff).contains(&n) {
            return Err(vm.new_error(vm.types.value_error, "character mapping must be in range(0x110000)"));
        }
        return match char::from_u32(n as u32) {
            Some(c) => Ok(Mapped::Char(c)),
            None => Err(vm.new_error(vm.types.value_error, "surrogate code points are not supported")),
        };
    }
    match as_str(v) {
        Some(t) => {
            let mut cs = t.chars();
            Ok(match (cs.next(), cs.next()) {
                (Some(c), None) => Mapped::Char(c),
                _ => Mapped::Str(t.to_string()),
            })
        }
        None => Err(vm.new_error(vm.types.type_error, "character mapping must return integer, None or str")),
    }
}

/// CPython's `unicode_fast_translate` for an ASCII string: each distinct character is looked
/// up once, as long as the results are ASCII characters or deletions. Returns where it gave
/// up (a character mapped to something else, which the general loop looks up again) or the
/// length.
fn translate_ascii(vm: &mut Vm, chars: &[char], table: Value, out: &mut String) -> PyResult<usize> {
    const UNKNOWN: u8 = 0xff;
    const DELETE: u8 = 0xfe;
    let mut cache = [UNKNOWN; 128];
    for (i, &c) in chars.iter().enumerate() {
        let b = c as usize;
        if cache[b] == UNKNOWN {
            cache[b] = match translate_lookup(vm, table, c)? {
                Mapped::Unmapped => b as u8,
                Mapped::Delete => DELETE,
                Mapped::Char(m) if m.is_ascii() => m as u8,
                _ => return Ok(i),
            };
        }
        if cache[b] != DELETE {
            out.push(char::from(cache[b]));
        }
    }
    Ok(chars.len())
}

/// `str.translate(table)`, looking characters up in the order CPython does (which a table
/// with a `__getitem__` of its own can observe).
fn translate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "translate", args, kw, Arity::One)?;
    let recv = this(vm, args, "translate")?;
    let chars: Vec<char> = recv.s.chars().collect();
    let table = args[1];
    let mut out = String::with_capacity(recv.s.len());
    let mut i = 0;
    if recv.s.is_ascii() {
        i = translate_ascii(vm, &chars, table, &mut out)?;
    }
    while i < chars.len() {
        match translate_lookup(vm, table, chars[i])? {
            Mapped::Unmapped => out.push(chars[i]),
            Mapped::Char(c) => out.push(c),
            Mapped::Str(t) => out.push_str(&t),
            Mapped::Delete => {
                // CPython skips the run of deleted characters, then looks up the character
                // after it again.
                i += 1;
                while i < chars.len() && matches!(translate_lookup(vm, table, chars[i])?, Mapped::Delete) {
                    i += 1;
                }
                continue;
            }
        }
        i += 1;
    }
    Ok(vm.new_string(out))
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points, strings or None,
/// out of a dict (whose str keys of one character become code points) or two strings of
/// equal length (and a third of characters to delete).
fn maketrans(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_keywords(vm, "str", "maketrans", kw)?;
    check_count(vm, "str", "maketrans", args.len(), Arity::Range(1, 3))?;
    let mut strs: Vec<Vec<char>> = Vec::new();
    for (i, v) in args.iter().enumerate().skip(1) {
        match as_str(*v) {
            Some(t) => strs.push(t.chars().collect()),
            None => {
                let tn = clinic_type_name(vm, *v);
                let msg = format!("maketrans() argument {} must be str, not {tn}", i + 1);
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
        }
    }
    let d = vm.new_dict();
    rooted(vm, &[Value::Obj(d)], |vm| {
        if !strs.is_empty() {
            let Some(x) = as_str(args[0]).map(|x| x.chars().collect::<Vec<_>>()) else {
                let msg = "first maketrans argument must be a string if there is a second argument";
                return Err(vm.new_error(vm.types.type_error, msg));
            };
            if x.len() != strs[0].len() {
                let msg = "the first two maketrans arguments must have equal length";
                return Err(vm.new_error(vm.types.value_error, msg));
            }
            for (a, b) in x.iter().zip(&strs[0]) {
                dictops::set(vm, d, Value::Int(*a as i64), Value::Int(*b as i64))?;
            }
            for c in strs.get(1).into_iter().flatten() {
                dictops::set(vm, d, Value::Int(*c as i64), Value::None)?;
            }
            return Ok(Value::Obj(d));
        }
        if !args[0].obj().is_some_and(|o| matches!(o.kind, ObjKind::Dict(_))) {
            let msg = "if you give only one argument to maketrans it must be a dict";
            return Err(vm.new_error(vm.types.type_error, msg));
        }
        for (k, v) in dictops::items_of(vm, args[0])? {
            let key = match as_str(k) {
                Some(t) => {
                    let mut cs = t.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            let msg = "string keys in translate table must be of length 1";
                            return Err(vm.new_error(vm.types.value_error, msg));
                        }
                    }
                }
                None if int::is_int(k) => k,
                None => {
                    let msg = "keys in translate table must be strings or integers";
                    return Err(vm.new_error(vm.types.type_error, msg));
                }
            };
            dictops::set(vm, d, key, v)?;
        }
        Ok(Value::Obj(d))
    })
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An argument for [`call`]: a str, an int or None.
    #[derive(Clone, Copy)]
    pub(crate) enum A<'a> {
        S(&'a str),
        I(i64),
        N,
    }

    /// Calls `str.<name>` on `recv` with the given arguments: the repr of the result, or
    /// "Type: message" of the error.
    pub(crate) fn call(name: &str, recv: &str, args: &[A], kw: &[(&str, A)]) -> String {
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
    }
}
