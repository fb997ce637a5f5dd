//! `repr` and `str` of every value, with CPython's texts.
//!
//! Built-in containers are written recursively into one `String`; instances go through their
//! class's `__repr__`/`__str__`. A container that is already being written further up the
//! same repr (a list that contains itself, directly or not) prints as `[...]` or `{...}`, as
//! CPython's `Py_ReprEnter` makes it; nesting deeper than the recursion limit allows is a
//! RecursionError.

use crate::interpreter::{PyResult, Vm};

use super::interner::sym;
use super::object::ObjKind;
use super::ops::{call_method_value, special, type_name};
use super::strings;
use super::value::{ObjRef, Value};

/// `repr(v)`.
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let mut out = String::new();
    repr_into(vm, v, &mut out, 0)?;
    Ok(out)
}

/// `str(v)`.
pub fn str_of(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Class(c) if c.metaclass.get().is_some() && special(vm, v, sym::STR).is_some() => {
                let r = super::ops::call_special(vm, v, sym::STR, &[])?.unwrap_or(Value::None);
                match strings::as_str(r) {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let tn = type_name(vm, r);
                        Err(vm.new_error(vm.types.type_error, &format!("__str__ returned non-string (type {tn})")))
                    }
                }
            }
            ObjKind::Str(s) => Ok(s.s.to_string()),
            ObjKind::Instance(i) => {
                if let Some(f) = i.class.as_class().and_then(|c| c.lookup(sym::STR)) {
                    let r = call_method_value(vm, f, &[v])?;
                    return match strings::as_str(r) {
                        Some(s) => Ok(s.to_string()),
                        None => {
                            let tn = type_name(vm, r);
                            Err(vm.new_error(vm.types.type_error, &format!("__str__ returned non-string (type {tn})")))
                        }
                    };
                }
                if let Some(e) = o.as_exception() {
                    if i.class
                        .as_class()
                        .and_then(|c| c.lookup(sym::REPR))
                        .map(|r| matches!(r, Value::Obj(ro) if matches!(ro.kind, ObjKind::Function(_))))
                        .unwrap_or(false)
                    {
                        return repr(vm, v);
                    }
                    let args = e.borrow().args;
                    let items = args.obj().and_then(|a| a.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
                    let is_key_error = vm.isinstance(v, vm.types.key_error);
                    return match items.len() {
                        0 => Ok(String::new()),
                        1 if is_key_error => repr(vm, items[0]),
                        1 => str_of(vm, items[0]),
                        _ => repr(vm, args),
                    };
                }
                repr(vm, v)
            }
            _ => repr(vm, v),
        },
        Value::Float(x) => Ok(super::format::float_repr(x)),
        _ => repr(vm, v),
    }
}

/// Appends what a `__repr__` returned, or raises CPython's error when it is not a str.
fn push_repr_result(vm: &mut Vm, r: Value, out: &mut String) -> PyResult<()> {
    match strings::as_str(r) {
        Some(s) => {
            out.push_str(s);
            Ok(())
        }
        None => {
            let tn = type_name(vm, r);
            Err(vm.new_error(vm.types.type_error, &format!("__repr__ returned non-string (type {tn})")))
        }
    }
}

fn repr_into(vm: &mut Vm, v: Value, out: &mut String, depth: usize) -> PyResult<()> {
    if depth > 200 {
        return Err(vm.new_error(
            vm.types.recursion_error,
            "maximum recursion depth exceeded while getting the repr of an object",
        ));
    }
    match v {
        Value::Null => out.push_str("<NULL>"),
        Value::None => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(x) => out.push_str(&super::format::float_repr(x)),
        Value::Obj(o) => match &o.kind {
            ObjKind::Str(s) => out.push_str(&strings::repr_str(&s.s)),
            ObjKind::BigInt(b) => match super::int::bigint_decimal(b) {
                Ok(text) => out.push_str(&text),
                Err(msg) => return Err(vm.new_error(vm.types.value_error, &msg)),
            },
            ObjKind::List(l) => {
                if !repr_enter(vm, o) {
                    out.push_str("[...]");
                    return Ok(());
                }
                let items = l.borrow().clone();
                let result = seq_repr(vm, &items, "[", "]", false, out, depth);
                repr_leave(vm, o);
                result?;
            }
            ObjKind::Tuple(t) => {
                let items = t.to_vec();
                seq_repr(vm, &items, "(", ")", items.len() == 1, out, depth)?;
            }
            ObjKind::Dict(_) => dict_repr_into(vm, o, out, depth)?,
            ObjKind::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().collect();
                if items.is_empty() {
                    out.push_str("set()");
                } else {
                    seq_repr(vm, &items, "{", "}", false, out, depth)?;
                }
            }
            ObjKind::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().collect();
                if items.is_empty() {
                    out.push_str("frozenset()");
                } else {
                    out.push_str("frozenset(");
                    seq_repr(vm, &items, "{", "}", false, out, depth)?;
                    out.push(')');
                }
            }
            ObjKind::BigRange(r) => out.push_str(&super::bigrange::repr(r)),
            ObjKind::Range(r) => {
                if r.step == 1 {
                    out.push_str(&format!("range({}, {})", r.start, r.stop));
                } else {
                    out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
                }
            }
            ObjKind::Slice(a, b, c) => {
                out.push_str("slice(");
                repr_into(vm, *a, out, depth + 1)?;
                out.push_str(", ");
                repr_into(vm, *b, out, depth + 1)?;
                out.push_str(", ");
                repr_into(vm, *c, out, depth + 1)?;
                out.push(')');
            }
            ObjKind::Function(f) => out.push_str(&format!("<function {} at {:#x}>", f.qualname(), o.addr())),
            ObjKind::Native(n) => {
                if n.receiver.is_null() {
                    out.push_str(&format!("<built-in function {}>", n.name));
                } else {
                    let tn = type_name(vm, n.receiver);
                    out.push_str(&format!("<built-in method {} of {} object at {:#x}>", n.name, tn, o.addr()));
                }
            }
            ObjKind::Class(c) if c.metaclass.get().is_some() && special(vm, v, sym::REPR).is_some() => {
                let r = super::ops::call_special(vm, v, sym::REPR, &[])?.unwrap_or(Value::None);
                push_repr_result(vm, r, out)?;
            }
            ObjKind::Class(c) => {
                if c.module == "builtins" {
                    out.push_str(&format!("<class '{}'>", c.qualname));
                } else {
                    out.push_str(&format!("<class '{}.{}'>", c.module, c.qualname));
                }
            }
            ObjKind::Instance(i) => {
                if let Some(f) = i.class.as_class().and_then(|c| c.lookup(sym::REPR)) {
                    let r = call_method_value(vm, f, &[v])?;
                    push_repr_result(vm, r, out)?;
                } else if let Some(e) = o.as_exception() {
                    let name = i.class.as_class().map(|c| c.name.clone()).unwrap_or_default();
                    let args = e.borrow().args;
                    let items = args.obj().and_then(|a| a.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
                    out.push_str(&name);
                    if items.len() == 1 {
                        out.push('(');
                        repr_into(vm, items[0], out, depth + 1)?;
                        out.push(')');
                    } else {
                        seq_repr(vm, &items, "(", ")", false, out, depth)?;
                    }
                } else if let Some(l) = o.as_list() {
                    let items = l.borrow().clone();
                    seq_repr(vm, &items, "[", "]", false, out, depth)?;
                } else {
                    let c = i.class.as_class();
                    let module = c.map(|c| c.module.clone()).unwrap_or_default();
                    let q = c.map(|c| c.qualname.clone()).unwrap_or_default();
                    out.push_str(&format!("<{module}.{q} object at {:#x}>", o.addr()));
                }
            }
            ObjKind::BoundMethod { receiver, func } => {
                let fname = match func.obj().map(|f| &f.kind) {
                    Some(ObjKind::Function(f)) => f.qualname().to_string(),
                    _ => "?".into(),
                };
                let mut r = String::new();
                repr_into(vm, *receiver, &mut r, depth + 1)?;
                out.push_str(&format!("<bound method {fname} of {r}>"));
            }
            ObjKind::Generator(g) => {
                let q = g.borrow().code.code.qualname.clone();
                out.push_str(&format!("<generator object {q} at {:#x}>", o.addr()));
            }
            ObjKind::Module(m) => out.push_str(&format!("<module '{}'>", m.name)),
            ObjKind::Cell(_) => out.push_str(&format!("<cell at {:#x}>", o.addr())),
            ObjKind::Code(c) => out.push_str(&format!("<code object {} at {:#x}>", c.code.name, o.addr())),
            ObjKind::Iterator(_) => {
                let tn = type_name(vm, v);
                out.push_str(&format!("<{tn} object at {:#x}>", o.addr()))
            }
            ObjKind::DictView(d, kind) => {
                let name = match kind {
                    super::object::DictViewKind::Keys => "dict_keys",
                    super::object::DictViewKind::Values => "dict_values",
                    super::object::DictViewKind::Items => "dict_items",
                };
                let items = super::iter::collect(vm, v)?;
                let _ = d;
                out.push_str(name);
                out.push('(');
                seq_repr(vm, &items, "[", "]", false, out, depth)?;
                out.push(')');
            }
            ObjKind::Property { .. } => out.push_str(&format!("<property object at {:#x}>", o.addr())),
            ObjKind::StaticMethod(_) => out.push_str(&format!("<staticmethod object at {:#x}>", o.addr())),
            ObjKind::ClassMethod(_) => out.push_str(&format!("<classmethod object at {:#x}>", o.addr())),
            ObjKind::Super { .. } => out.push_str("<super object>"),
            ObjKind::TextIO(s) => out.push_str(&super::textio::repr(&s.borrow(), o.addr())),
            ObjKind::BinaryIO(s) => out.push_str(&super::binaryio::repr(&s.borrow(), o.addr())),
            ObjKind::Array(a) => out.push_str(&super::array::repr(&a.borrow())),
            ObjKind::Bytes(_) | ObjKind::ByteArray(_) => out.push_str(&super::bytes::repr(o)),
            ObjKind::NotImplemented => out.push_str("NotImplemented"),
            ObjKind::Ellipsis => out.push_str("Ellipsis"),
            ObjKind::Complex(c) => out.push_str(&super::complex::repr(c.re, c.im)),
        },
    }
    Ok(())
}

fn seq_repr(
    vm: &mut Vm,
    items: &[Value],
    open: &str,
    close: &str,
    trailing_comma: bool,
    out: &mut String,
    depth: usize,
) -> PyResult<()> {
    out.push_str(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        repr_into(vm, *item, out, depth + 1)?;
    }
    if trailing_comma {
        out.push(',');
    }
    out.push_str(close);
    Ok(())
}

/// Marks container `o` as being written (false when it already is: print `[...]`).
fn repr_enter(vm: &mut Vm, o: ObjRef) -> bool {
    if vm.repr_active.contains(&o) {
        return false;
    }
    vm.repr_active.push(o);
    true
}

fn repr_leave(vm: &mut Vm, o: ObjRef) {
    if let Some(i) = vm.repr_active.iter().rposition(|a| *a == o) {
        vm.repr_active.remove(i);
    }
}

/// The repr of a dict's storage (a dict, or an instance of a dict subclass).
pub fn dict_repr(vm: &mut Vm, o: ObjRef) -> PyResult<String> {
    let mut out = String::new();
    dict_repr_into(vm, o, &mut out, 0)?;
    Ok(out)
}

fn dict_repr_into(vm: &mut Vm, o: ObjRef, out: &mut String, depth: usize) -> PyResult<()> {
    if !repr_enter(vm, o) {
        out.push_str("{...}");
        return Ok(());
    }
    let items: Vec<(Value, Value)> = o.as_dict().map(|d| d.borrow().iter().collect()).unwrap_or_default();
    let result = (|| {
        out.push('{');
        for (i, (k, val)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            repr_into(vm, *k, out, depth + 1)?;
            out.push_str(": ");
            repr_into(vm, *val, out, depth + 1)?;
        }
        out.push('}');
        Ok(())
    })();
    repr_leave(vm, o);
    result
}
