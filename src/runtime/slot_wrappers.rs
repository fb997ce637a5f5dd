//! The special methods of the built-in types as attributes: `(5).__add__(3)`, `int.__add__`,
//! `'ab'.__len__()`, `super().__lt__(other)`, `hasattr(x, '__len__')`.
//!
//! CPython exposes every type slot as a "slot wrapper" attribute, and programs use them: in
//! `functools.reduce(int.__add__, ...)`, in `map(str.__len__, ...)`, to call a base class's
//! operator from an override, or to test duck types with `hasattr`. stitch's operators do not
//! go through attributes, so these wrappers exist only for attribute access: a lookup that
//! finds nothing in the class dicts of the MRO asks [`lookup`], which makes the wrapper on
//! first use and keeps it (so `getattr(C, '__lt__') is getattr(object, '__lt__')` holds, as
//! `functools.total_ordering` needs). The wrappers are never in a class dict, so the
//! interpreter's and the JIT's operator dispatch, which looks for user overrides there, never
//! sees them and never calls back into them.
//!
//! Each wrapper follows CPython's slot: a binary numeric method answers `NotImplemented` for an
//! operand of a wider type (`(1).__add__(1.5)`), a comparison for another type family, and the
//! base class's method works on the built-in value itself, never on a subclass's override.

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyErr, PyResult, Vm};

use super::builtins::arity;
use super::containers::rooted;
use super::interner::Sym;
use super::object::{IterState, NativeFn, ObjKind};
use super::ops;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];
type Table = Vec<(&'static str, NativeFn)>;

/// The slot wrapper `name` that `class` (or a class of its MRO) has, made on first use.
pub fn lookup(vm: &mut Vm, class: ObjRef, name: Sym) -> Option<Value> {
    if !is_dunder(vm, name) {
        return None;
    }
    let c = class.as_class()?;
    let mro: Vec<ObjRef> = std::iter::once(class).chain(c.ancestors.iter().copied()).collect();
    lookup_in(vm, &mro, name)
}

/// When `found`, the result of a class attribute lookup of `name` on `class`, is `object`'s
/// own entry (`object.__eq__`, `object.__repr__`, ...), a slot wrapper of a class before
/// `object` in the MRO comes first: `[1].__eq__` is `list.__eq__`.
pub fn before_object(vm: &mut Vm, class: ObjRef, name: Sym, found: Value) -> Option<Value> {
    let object = vm.types.object;
    if class == object || !is_dunder(vm, name) {
        return None;
    }
    let own = object.as_class().and_then(|c| c.dict.borrow().get(&name).copied());
    if !own.is_some_and(|v| v.is(found)) {
        return None;
    }
    let c = class.as_class()?;
    let mro: Vec<ObjRef> = std::iter::once(class).chain(c.ancestors.iter().copied()).filter(|k| *k != object).collect();
    lookup_in(vm, &mro, name)
}

/// The slot wrapper `name` of the first class in `classes` that has one.
pub fn lookup_in(vm: &mut Vm, classes: &[ObjRef], name: Sym) -> Option<Value> {
    if !is_dunder(vm, name) {
        return None;
    }
    let text = vm.sym_str(name).to_string();
    for &k in classes {
        let Some(table) = table_of(vm, k) else { continue };
        let Some(&(n, f)) = table.iter().find(|(n, _)| *n == text) else { continue };
        let key = (k.as_ptr() as usize, name);
        if let Some(&w) = vm.slot_wrappers.get(&key) {
            return Some(w);
        }
        let w = vm.new_native(n, f);
        vm.slot_wrappers.insert(key, w);
        return Some(w);
    }
    None
}

fn is_dunder(vm: &Vm, name: Sym) -> bool {
    let text = vm.sym_str(name);
    text.len() > 4 && text.starts_with("__") && text.ends_with("__")
}

fn table_of(vm: &Vm, class: ObjRef) -> Option<Table> {
    let t = &vm.types;
    Some(if class == t.int {
        int_table()
    } else if class == t.float {
        float_table()
    } else if class == t.complex {
        complex_table()
    } else if class == t.str_ {
        str_table()
    } else if class == t.set || class == t.frozenset {
        set_table(class == t.set)
    } else if class == t.list {
        list_table()
    } else if class == t.range {
        range_table()
    } else if class == t.none_type {
        vec![("__bool__", |vm, a, _| unary(vm, a, "NoneType", "__bool__", |_, _| Ok(Value::Bool(false))))]
    } else if class == t.object {
        object_table()
    } else if [t.dict_keys, t.dict_values, t.dict_items].contains(&class) {
        view_table()
    } else if [
        t.list_iterator,
        t.tuple_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.range_iterator,
        t.str_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.list_reverseiterator,
        t.enumerate,
        t.zip,
        t.map,
        t.filter,
        t.iterator,
        t.callable_iterator,
    ]
    .contains(&class)
    {
        iterator_table()
    } else {
        return None;
    })
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/// `(forward, reflected)` entries of a binary operator: `$f(vm, args, class, op, reflected)`.
macro_rules! binary_entries {
    ($table:ident, $class:literal, $f:ident: $($op:ident),*) => {$(
        $table.push((BinaryOp::$op.dunders().0,
            (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, BinaryOp::$op, false)) as NativeFn));
        $table.push((BinaryOp::$op.dunders().1,
            (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, BinaryOp::$op, true)) as NativeFn));
    )*};
}

/// The six rich comparisons: `$f(vm, args, class, op)`.
macro_rules! compare_entries {
    ($table:ident, $class:literal, $f:ident) => {
        $table.push(("__eq__", (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, CompareOp::Eq)) as NativeFn));
        $table.push(("__ne__", (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, CompareOp::Ne)) as NativeFn));
        $table.push(("__lt__", (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, CompareOp::Lt)) as NativeFn));
        $table.push(("__le__", (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, CompareOp::Le)) as NativeFn));
        $table.push(("__gt__", (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, CompareOp::Gt)) as NativeFn));
        $table.push(("__ge__", (|vm: &mut Vm, a: &[Value], _: Kw| $f(vm, a, $class, CompareOp::Ge)) as NativeFn));
    };
}

/// The container protocol, each on the built-in value: `__len__`, `__contains__`, `__iter__`,
/// then `__getitem__` and `__hash__` when the type has them.
macro_rules! container_entries {
    ($table:ident, $class:literal, getitem: $getitem:literal, hash: $hash:literal) => {
        $table.push((
            "__len__",
            (|vm: &mut Vm, a: &[Value], _: Kw| {
                unary(vm, a, $class, "__len__", |vm, s| ops::len(vm, s).map(|n| Value::Int(n as i64)))
            }) as NativeFn,
        ));
        $table.push((
            "__contains__",
            (|vm: &mut Vm, a: &[Value], _: Kw| {
                binary(vm, a, $class, "__contains__", |vm, s, x| ops::contains(vm, s, x).map(Value::Bool))
            }) as NativeFn,
        ));
        $table.push((
            "__iter__",
            (|vm: &mut Vm, a: &[Value], _: Kw| unary(vm, a, $class, "__iter__", super::iter::get_iter)) as NativeFn,
        ));
        if $getitem {
            $table.push((
                "__getitem__",
                (|vm: &mut Vm, a: &[Value], _: Kw| binary(vm, a, $class, "__getitem__", ops::getitem)) as NativeFn,
            ));
        }
        if $hash {
            $table.push((
                "__hash__",
                (|vm: &mut Vm, a: &[Value], _: Kw| {
                    unary(vm, a, $class, "__hash__", |vm, s| ops::hash(vm, s).map(Value::Int))
                }) as NativeFn,
            ));
        }
    };
}

/// A method without arguments: `f(self)`, once `self` is checked to be of `class`.
fn unary(
    vm: &mut Vm,
    args: &[Value],
    class: &str,
    name: &str,
    f: fn(&mut Vm, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    check_self(vm, args[0], class, name)?;
    f(vm, args[0])
}

/// A method of one argument: `f(self, other)`.
fn binary(
    vm: &mut Vm,
    args: &[Value],
    class: &str,
    name: &str,
    f: fn(&mut Vm, Value, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    arity(vm, name, args, 2, 2)?;
    check_self(vm, args[0], class, name)?;
    f(vm, args[0], args[1])
}

/// CPython's error for a slot wrapper called on a value of another type.
fn check_self(vm: &mut Vm, v: Value, class: &str, name: &str) -> PyResult<()> {
    let ok = match class {
        "int" => matches!(rank(v), Some(0)),
        "float" => matches!(v, Value::Float(_)),
        "complex" => super::complex::is_complex(v),
        "str" => super::strings::as_str(v).is_some(),
        "set" | "frozenset" => is_set(v),
        "list" => v.obj().and_then(|o| o.as_list()).is_some(),
        "range" => matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Range(_) | ObjKind::BigRange(_))),
        "NoneType" => v.is_none(),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    let tn = ops::type_name(vm, v);
    Err(vm.new_error(
        vm.types.type_error,
        &format!("descriptor '{name}' requires a '{class}' object but received a '{tn}'"),
    ))
}

fn not_implemented(vm: &mut Vm) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// Position in the numeric tower: an operation of a type handles operands up to its own rank.
fn rank(v: Value) -> Option<u8> {
    match v {
        Value::Int(_) | Value::Bool(_) => Some(0),
        Value::Float(_) => Some(1),
        Value::Obj(o) if matches!(o.kind, ObjKind::BigInt(_)) => Some(0),
        v if super::complex::is_complex(v) => Some(2),
        _ => None,
    }
}

fn num_binary(vm: &mut Vm, args: &[Value], class: &str, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let name = if reflected { op.dunders().1 } else { op.dunders().0 };
    let max = if op == BinaryOp::Power { 3 } else { 2 };
    arity(vm, name, args, 2, max)?;
    check_self(vm, args[0], class, name)?;
    let (s, o) = (args[0], args[1]);
    if !matches!((rank(s), rank(o)), (Some(a), Some(b)) if b <= a) {
        return not_implemented(vm);
    }
    let (x, y) = if reflected { (o, s) } else { (s, o) };
    if let Some(&m) = args.get(2) {
        return super::builtins::pow(vm, &[x, y, m], &[]);
    }
    ops::binary_op(vm, op, false, x, y)
}

fn num_divmod(vm: &mut Vm, args: &[Value], class: &str, reflected: bool) -> PyResult<Value> {
    let name = if reflected { "__rdivmod__" } else { "__divmod__" };
    arity(vm, name, args, 2, 2)?;
    check_self(vm, args[0], class, name)?;
    let (s, o) = (args[0], args[1]);
    if !matches!((rank(s), rank(o)), (Some(a), Some(b)) if b <= a) {
        return not_implemented(vm);
    }
    let pair = if reflected { [o, s] } else { [s, o] };
    super::builtins::divmod(vm, &pair, &[])
}

fn num_compare(vm: &mut Vm, args: &[Value], class: &str, op: CompareOp) -> PyResult<Value> {
    let name = op.dunders().0;
    arity(vm, name, args, 2, 2)?;
    check_self(vm, args[0], class, name)?;
    let (s, o) = (args[0], args[1]);
    let ordered = !matches!(op, CompareOp::Eq | CompareOp::Ne);
    let complex = super::complex::is_complex(s) || super::complex::is_complex(o);
    if !matches!((rank(s), rank(o)), (Some(a), Some(b)) if b <= a) || (ordered && complex) {
        return not_implemented(vm);
    }
    ops::compare(vm, op, s, o)
}

/// The methods every number has.
fn number_common(t: &mut Table) {
    t.push(("__neg__", |vm, a, _| unary(vm, a, "", "__neg__", ops::negative)));
    t.push(("__pos__", |vm, a, _| unary(vm, a, "", "__pos__", ops::positive)));
    t.push(("__abs__", |vm, a, _| unary(vm, a, "", "__abs__", |vm, s| super::builtins::abs(vm, &[s], &[]))));
    t.push(("__bool__", |vm, a, _| unary(vm, a, "", "__bool__", |vm, s| ops::truthy(vm, s).map(Value::Bool))));
    t.push(("__hash__", |vm, a, _| unary(vm, a, "", "__hash__", |vm, s| ops::hash(vm, s).map(Value::Int))));
    t.push(("__repr__", |vm, a, _| unary(vm, a, "", "__repr__", repr_value)));
    t.push(("__str__", |vm, a, _| unary(vm, a, "", "__str__", str_value)));
    t.push(("__format__", |vm, a, _| binary(vm, a, "", "__format__", format_value)));
}

/// The methods of int and float beyond the shared ones.
fn real_common(t: &mut Table) {
    t.push(("__int__", |vm, a, _| unary(vm, a, "", "__int__", |vm, s| to_int(vm, s, f64::trunc))));
    t.push(("__trunc__", |vm, a, _| unary(vm, a, "", "__trunc__", |vm, s| to_int(vm, s, f64::trunc))));
    t.push(("__floor__", |vm, a, _| unary(vm, a, "", "__floor__", |vm, s| to_int(vm, s, f64::floor))));
    t.push(("__ceil__", |vm, a, _| unary(vm, a, "", "__ceil__", |vm, s| to_int(vm, s, f64::ceil))));
    t.push(("__float__", |vm, a, _| {
        unary(vm, a, "", "__float__", |vm, s| {
            let float = Value::Obj(vm.types.float);
            vm.call(float, &[s], &[])
        })
    }));
    t.push(("__round__", |vm, a, _| {
        arity(vm, "__round__", a, 1, 2)?;
        super::builtins::round(vm, a, &[])
    }));
}

fn int_table() -> Table {
    let mut t = Table::new();
    binary_entries!(t, "int", num_binary: Add, Subtract, Multiply, TrueDivide, FloorDivide, Remainder, Power,
        Lshift, Rshift, And, Or, Xor);
    t.push(("__divmod__", |vm, a, _| num_divmod(vm, a, "int", false)));
    t.push(("__rdivmod__", |vm, a, _| num_divmod(vm, a, "int", true)));
    compare_entries!(t, "int", num_compare);
    number_common(&mut t);
    real_common(&mut t);
    t.push(("__invert__", |vm, a, _| unary(vm, a, "int", "__invert__", ops::invert)));
    t
}

fn float_table() -> Table {
    let mut t = Table::new();
    binary_entries!(t, "float", num_binary: Add, Subtract, Multiply, TrueDivide, FloorDivide, Remainder, Power);
    t.push(("__divmod__", |vm, a, _| num_divmod(vm, a, "float", false)));
    t.push(("__rdivmod__", |vm, a, _| num_divmod(vm, a, "float", true)));
    compare_entries!(t, "float", num_compare);
    number_common(&mut t);
    real_common(&mut t);
    t
}

fn complex_table() -> Table {
    let mut t = Table::new();
    binary_entries!(t, "complex", num_binary: Add, Subtract, Multiply, TrueDivide, Power);
    compare_entries!(t, "complex", num_compare);
    number_common(&mut t);
    t
}

/// An int from an int (itself) or a float (rounded by `round`, then converted as `int()`).
fn to_int(vm: &mut Vm, v: Value, round: fn(f64) -> f64) -> PyResult<Value> {
    let v = match v {
        Value::Float(x) => Value::Float(round(x)),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        v => v,
    };
    let int = Value::Obj(vm.types.int);
    vm.call(int, &[v], &[])
}

fn repr_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = ops::repr(vm, v)?;
    Ok(vm.new_string(s))
}

fn str_value(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = super::repr::str_of(vm, v)?;
    Ok(vm.new_string(s))
}

fn format_value(vm: &mut Vm, v: Value, spec: Value) -> PyResult<Value> {
    if super::strings::as_str(spec).is_none() {
        let tn = ops::type_name(vm, spec);
        return Err(vm.new_error(vm.types.type_error, &format!("format() argument 2 must be str, not {tn}")));
    }
    super::builtins::format(vm, &[v, spec], &[])
}

// ---------------------------------------------------------------------------------------------
// str

fn str_table() -> Table {
    let mut t = Table::new();
    t.push(("__add__", |vm, a, _| {
        binary(vm, a, "str", "__add__", |vm, s, o| ops::binary_op(vm, BinaryOp::Add, false, s, o))
    }));
    t.push(("__mul__", |vm, a, _| binary(vm, a, "str", "__mul__", repeat)));
    t.push(("__rmul__", |vm, a, _| binary(vm, a, "str", "__rmul__", repeat)));
    t.push(("__mod__", |vm, a, _| {
        binary(vm, a, "str", "__mod__", |vm, s, o| ops::binary_op(vm, BinaryOp::Remainder, false, s, o))
    }));
    t.push(("__rmod__", |vm, a, _| binary(vm, a, "str", "__rmod__", |vm, _, _| not_implemented(vm))));
    compare_entries!(t, "str", family_compare);
    container_entries!(t, "str", getitem: true, hash: true);
    t.push(("__repr__", |vm, a, _| unary(vm, a, "str", "__repr__", repr_value)));
    t.push(("__str__", |vm, a, _| unary(vm, a, "str", "__str__", str_value)));
    t.push(("__format__", |vm, a, _| binary(vm, a, "str", "__format__", format_value)));
    t
}

/// `seq * n` for `__mul__` and `__rmul__`: the count must be an integer.
fn repeat(vm: &mut Vm, s: Value, n: Value) -> PyResult<Value> {
    let s = plain(vm, s);
    rooted(vm, &[s], |vm| {
        if rank(n) != Some(0) && ops::special(vm, n, super::interner::sym::INDEX).is_none() {
            let tn = ops::type_name(vm, n);
            return Err(
                vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer"))
            );
        }
        ops::binary_op(vm, BinaryOp::Multiply, false, s, n)
    })
}

/// Which comparison family a value belongs to: only members of one family compare.
fn family(v: Value) -> Option<u8> {
    if super::strings::as_str(v).is_some() {
        return Some(1);
    }
    if is_set(v) {
        return Some(2);
    }
    let o = v.obj()?;
    if o.as_list().is_some() {
        return Some(3);
    }
    matches!(o.kind, ObjKind::Range(_) | ObjKind::BigRange(_)).then_some(4)
}

fn family_compare(vm: &mut Vm, args: &[Value], class: &str, op: CompareOp) -> PyResult<Value> {
    let name = op.dunders().0;
    arity(vm, name, args, 2, 2)?;
    check_self(vm, args[0], class, name)?;
    let (s, o) = (args[0], args[1]);
    if family(s).is_none() || family(s) != family(o) {
        return not_implemented(vm);
    }
    if family(s) == Some(4) && !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return not_implemented(vm);
    }
    let (s, o) = (plain(vm, s), plain(vm, o));
    rooted(vm, &[s, o], |vm| ops::compare(vm, op, s, o))
}

/// A list subclass's instance as a plain list (a copy), so that the base class's method
/// works on the built-in value and never reaches the subclass's overrides; other values as
/// they are.
fn plain(vm: &mut Vm, v: Value) -> Value {
    match v.obj().map(|o| (&o.kind, o.as_list())) {
        Some((ObjKind::Instance(_), Some(l))) => {
            let items = l.borrow().clone();
            vm.new_list(items)
        }
        _ => v,
    }
}

// ---------------------------------------------------------------------------------------------
// set and frozenset

fn is_set(v: Value) -> bool {
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)))
}

fn set_binary(vm: &mut Vm, args: &[Value], class: &str, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let name = if reflected { op.dunders().1 } else { op.dunders().0 };
    arity(vm, name, args, 2, 2)?;
    check_self(vm, args[0], class, name)?;
    let (s, o) = (args[0], args[1]);
    if !is_set(o) {
        return not_implemented(vm);
    }
    if reflected {
        ops::binary_op(vm, op, false, o, s)
    } else {
        ops::binary_op(vm, op, false, s, o)
    }
}

/// `s |= t` and friends on a set: in place, `self` returned.
fn set_inplace(vm: &mut Vm, args: &[Value], op: BinaryOp) -> PyResult<Value> {
    let name = op.dunders().2;
    arity(vm, name, args, 2, 2)?;
    check_self(vm, args[0], "set", name)?;
    if !is_set(args[1]) {
        return not_implemented(vm);
    }
    ops::binary_op(vm, op, true, args[0], args[1])
}

fn set_table(mutable: bool) -> Table {
    let mut t = Table::new();
    if mutable {
        binary_entries!(t, "set", set_binary: Or, And, Xor, Subtract);
        compare_entries!(t, "set", family_compare);
        t.push(("__ior__", |vm, a, _| set_inplace(vm, a, BinaryOp::Or)));
        t.push(("__iand__", |vm, a, _| set_inplace(vm, a, BinaryOp::And)));
        t.push(("__ixor__", |vm, a, _| set_inplace(vm, a, BinaryOp::Xor)));
        t.push(("__isub__", |vm, a, _| set_inplace(vm, a, BinaryOp::Subtract)));
    } else {
        binary_entries!(t, "frozenset", set_binary: Or, And, Xor, Subtract);
        compare_entries!(t, "frozenset", family_compare);
        t.push(("__hash__", |vm, a, _| {
            unary(vm, a, "frozenset", "__hash__", |vm, s| ops::hash(vm, s).map(Value::Int))
        }));
    }
    container_entries!(t, "set", getitem: false, hash: false);
    t.push(("__repr__", |vm, a, _| unary(vm, a, "set", "__repr__", repr_value)));
    t
}

// ---------------------------------------------------------------------------------------------
// list (beyond the methods `dunders.rs` puts in its class dict) and range

fn list_table() -> Table {
    let mut t = Table::new();
    t.push(("__add__", |vm, a, _| binary(vm, a, "list", "__add__", list_concat)));
    t.push(("__mul__", |vm, a, _| binary(vm, a, "list", "__mul__", repeat)));
    t.push(("__rmul__", |vm, a, _| binary(vm, a, "list", "__rmul__", repeat)));
    t.push(("__iadd__", |vm, a, _| binary(vm, a, "list", "__iadd__", list_extend)));
    t.push(("__imul__", |vm, a, _| binary(vm, a, "list", "__imul__", list_repeat_in_place)));
    t.push(("__delitem__", |vm, a, _| binary(vm, a, "list", "__delitem__", list_delitem)));
    t.push(("__reversed__", |vm, a, _| unary(vm, a, "list", "__reversed__", list_reversed)));
    compare_entries!(t, "list", family_compare);
    t
}

fn list_concat(vm: &mut Vm, s: Value, o: Value) -> PyResult<Value> {
    if o.obj().and_then(|x| x.as_list()).is_none() {
        let tn = ops::type_name(vm, o);
        return Err(vm.new_error(vm.types.type_error, &format!("can only concatenate list (not \"{tn}\") to list")));
    }
    let (s, o) = (plain(vm, s), plain(vm, o));
    rooted(vm, &[s, o], |vm| ops::binary_op(vm, BinaryOp::Add, false, s, o))
}

fn storage(vm: &mut Vm, v: Value) -> PyResult<&'static crate::runtime::listcell::ListCell> {
    v.obj().and_then(|o| o.as_list()).ok_or_else(|| wrong_self(vm, v))
}

fn wrong_self(vm: &mut Vm, v: Value) -> PyErr {
    let tn = ops::type_name(vm, v);
    vm.new_error(vm.types.type_error, &format!("descriptor requires a 'list' object but received a '{tn}'"))
}

fn list_extend(vm: &mut Vm, s: Value, o: Value) -> PyResult<Value> {
    let items = super::iter::collect(vm, o)?;
    storage(vm, s)?.borrow_mut().extend(items);
    Ok(s)
}

fn list_repeat_in_place(vm: &mut Vm, s: Value, n: Value) -> PyResult<Value> {
    if rank(n) != Some(0) && ops::special(vm, n, super::interner::sym::INDEX).is_none() {
        let tn = ops::type_name(vm, n);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let n = ops::index_value(vm, n)?.max(0) as usize;
    let l = storage(vm, s)?;
    let items = l.borrow().clone();
    let mut out = Vec::new();
    if out.try_reserve(items.len().saturating_mul(n)).is_err() {
        return Err(vm.new_error(vm.types.memory_error, ""));
    }
    for _ in 0..n {
        out.extend_from_slice(&items);
    }
    *l.borrow_mut() = out;
    Ok(s)
}

fn list_delitem(vm: &mut Vm, s: Value, key: Value) -> PyResult<Value> {
    let l = storage(vm, s)?;
    ops::list_delitem(vm, l, key)?;
    Ok(Value::None)
}

fn list_reversed(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let Some(o) = s.as_obj() else { return Err(wrong_self(vm, s)) };
    let n = storage(vm, s)?.borrow().len();
    Ok(super::iter::make_iter(vm, IterState::Reversed { seq: o, index: n }))
}

fn range_table() -> Table {
    let mut t = Table::new();
    container_entries!(t, "range", getitem: true, hash: true);
    t.push(("__eq__", |vm, a, _| family_compare(vm, a, "range", CompareOp::Eq)));
    t.push(("__ne__", |vm, a, _| family_compare(vm, a, "range", CompareOp::Ne)));
    t
}

// ---------------------------------------------------------------------------------------------
// Iterators and dict views

fn iterator_table() -> Table {
    vec![
        ("__iter__", |vm, a, _| unary(vm, a, "", "__iter__", |_, s| Ok(s))),
        ("__next__", |vm, a, _| {
            unary(vm, a, "", "__next__", |vm, s| match super::iter::next(vm, s)? {
                Some(v) => Ok(v),
                None => Err(vm.new_error_args(vm.types.stop_iteration, vec![])),
            })
        }),
    ]
}

fn view_table() -> Table {
    let mut t: Table = vec![("__repr__", |vm, a, _| unary(vm, a, "", "__repr__", repr_value))];
    container_entries!(t, "", getitem: false, hash: false);
    t
}

// ---------------------------------------------------------------------------------------------
// object

fn object_table() -> Table {
    let mut t = Table::new();
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        t.push((name, |vm, a, _| {
            arity(vm, "comparison", a, 2, 2)?;
            not_implemented(vm)
        }));
    }
    t.push(("__format__", |vm, a, _| {
        arity(vm, "__format__", a, 2, 2)?;
        let spec = super::strings::as_str(a[1]).map(|s| s.to_string());
        match spec {
            Some(s) if s.is_empty() => str_value(vm, a[0]),
            Some(_) => {
                let tn = ops::type_name(vm, a[0]);
                Err(vm.new_error(vm.types.type_error, &format!("unsupported format string passed to {tn}.__format__")))
            }
            None => {
                let tn = ops::type_name(vm, a[1]);
                Err(vm.new_error(vm.types.type_error, &format!("__format__() argument must be str, not {tn}")))
            }
        }
    }));
    t
}
