//! `str.format` and `str.format_map`: a port of CPython's `unicode_format.h`, with the same
//! markup scanner, field-name parser, automatic numbering rules, nested format specs (two
//! levels) and error messages. The template is scanned as characters; each replacement
//! field's object is looked up (positional index, keyword or `mapping[name]`, then `.attr`
//! and `[key]` steps), converted (`!r`, `!s`, `!a`) and rendered by
//! [`strings::format`](super::strings::format) with its (possibly expanded) format spec.

use crate::interpreter::{PyErr, PyResult, Vm};

use super::attr;
use super::containers::{check_args, Arity, Kw};
use super::ops;
use super::str_methods::this;
use super::strings;
use super::unicode::decimal_value;
use super::value::Value;

#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumber {
    Unset,
    Auto,
    Manual,
}

/// The arguments of one `str.format` (or `format_map`) call and its automatic field numbering
/// state.
struct FormatCall<'a> {
    /// The positional arguments; `None` for `format_map`, which has none.
    args: Option<&'a [Value]>,
    kw: Kw<'a>,
    /// `format_map`'s mapping, where named fields are looked up with `mapping[name]`.
    mapping: Option<Value>,
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

pub(super) fn format(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let template: Vec<char> = this(vm, args, "format")?.s.chars().collect();
    let call = FormatCall { args: Some(&args[1..]), kw, mapping: None, auto: AutoNumber::Unset, next_index: 0 };
    expand(vm, &template, call)
}

/// `str.format_map(mapping)`: named fields are `mapping[name]`, so a dict subclass's
/// `__missing__` applies; positional fields are errors.
pub(super) fn format_map(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "str", "format_map", args, kw, Arity::One)?;
    let template: Vec<char> = this(vm, args, "format_map")?.s.chars().collect();
    let call = FormatCall { args: None, kw: &[], mapping: Some(args[1]), auto: AutoNumber::Unset, next_index: 0 };
    expand(vm, &template, call)
}

/// The result of `format`/`format_map` on `template`.
fn expand(vm: &mut Vm, template: &[char], mut call: FormatCall) -> PyResult<Value> {
    let mark = vm.temp_roots.len();
    let r = build_string(vm, template, &mut call, 2);
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
        Some(i) => match call.args.map(|args| args.get(i)) {
            Some(Some(v)) => *v,
            Some(None) => {
                let msg = format!("Replacement index {i} out of range for positional args tuple");
                return Err(vm.new_error(vm.types.index_error, &msg));
            }
            None => return Err(value_error(vm, "Format string contains positional fields")),
        },
        None => {
            let key: String = first.iter().collect();
            if let Some(mapping) = call.mapping {
                let k = vm.new_string(key);
                vm.temp_roots.push(k);
                let v = ops::getitem(vm, mapping, k)?;
                vm.temp_roots.push(v);
                v
            } else {
                match call.kw.iter().find(|(k, _)| vm.sym_str(*k) == key) {
                    Some((_, v)) => *v,
                    None => {
                        let k = vm.new_string(key);
                        return Err(vm.new_error_args(vm.types.key_error, vec![k]));
                    }
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
            'a' => super::strings::ascii_escape(&ops::repr(vm, obj)?),
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

#[cfg(test)]
mod tests {
    use crate::runtime::str_methods::tests::{call, A};

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
