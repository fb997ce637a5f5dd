//! The run-time side of `match` (see `frontend::matching`): what counts as a sequence or a
//! mapping for a pattern, looking keys up for a mapping pattern and attributes up for a class
//! pattern, with CPython's rules and errors.

use crate::interpreter::{PyResult, Vm};

use super::attr;
use super::interner::Sym;
use super::object::ObjKind;
use super::ops;
use super::strings;
use super::types;
use super::value::Value;

/// `MATCH_SEQUENCE`: lists, tuples, ranges and arrays (and their subclasses), never strings.
pub fn is_sequence(v: Value) -> bool {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range(_) | ObjKind::BigRange(_) | ObjKind::Array(_)) => {
            true
        }
        Some(ObjKind::Instance(_)) => v.obj().is_some_and(|o| o.as_list().is_some() || o.as_tuple().is_some()),
        _ => false,
    }
}

/// `MATCH_MAPPING`: dicts and instances of dict subclasses.
pub fn is_mapping(v: Value) -> bool {
    v.obj().is_some_and(|o| o.as_dict().is_some())
}

/// `MATCH_KEYS`: the values of `keys` in `subject` (through its `get`, as CPython does, so a
/// subclass's `__missing__` is not asked), or None when one is missing.
pub fn match_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let keys = keys.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    for (i, k) in keys.iter().enumerate() {
        let mut duplicate = false;
        for other in &keys[..i] {
            duplicate = duplicate || ops::eq(vm, *other, *k)?;
        }
        if duplicate {
            let r = ops::repr(vm, *k)?;
            return Err(vm.new_error(vm.types.value_error, &format!("mapping pattern checks duplicate key ({r})")));
        }
    }
    let Some(d) = subject.as_obj() else { return Ok(Value::None) };
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        match super::dictops::get(vm, d, k)? {
            Some(v) => values.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(vm.new_tuple(values))
}

/// `COPY_DICT_WITHOUT_KEYS`: a new dict of the subject's items but `keys`.
pub fn dict_without_keys(vm: &mut Vm, subject: Value, keys: Value) -> PyResult<Value> {
    let rest = super::dictops::copy(vm, subject)?;
    vm.temp_roots.push(rest);
    let result = (|| {
        let keys = keys.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
        if let Some(r) = rest.as_obj() {
            for k in keys {
                super::dictops::remove(vm, r, k)?;
            }
        }
        Ok(rest)
    })();
    vm.temp_roots.pop();
    result
}

/// Built-in classes whose one positional sub-pattern matches the subject itself.
fn matches_self(vm: &Vm, class: super::value::ObjRef) -> bool {
    let t = &vm.types;
    [t.bool_, t.int, t.float, t.str_, t.list, t.tuple, t.dict, t.set, t.frozenset].contains(&class)
}

/// `MATCH_CLASS nargs`: the attributes a class pattern looks at, or None for no match.
pub fn match_class(vm: &mut Vm, subject: Value, cls: Value, nargs: usize, kwnames: Value) -> PyResult<Value> {
    let Some(class) = cls.as_obj().filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "called match pattern must be a type"));
    };
    if !types::is_subclass(vm.type_of(subject), class) {
        return Ok(Value::None);
    }
    let class_name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
    let mut names: Vec<Option<Sym>> = Vec::new();
    let mut values = Vec::new();
    if nargs > 0 {
        let match_args_name = vm.intern("__match_args__");
        match attr::lookup(vm, cls, match_args_name)? {
            Some(m) => {
                let Some(items) = m.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) else {
                    let tn = ops::type_name(vm, m);
                    return Err(vm.new_error(
                        vm.types.type_error,
                        &format!("{class_name}.__match_args__ must be a tuple (got {tn})"),
                    ));
                };
                if nargs > items.len() {
                    let plural = if items.len() == 1 { "" } else { "s" };
                    return Err(vm.new_error(
                        vm.types.type_error,
                        &format!(
                            "{class_name}() accepts {} positional sub-pattern{plural} ({nargs} given)",
                            items.len()
                        ),
                    ));
                }
                for item in &items[..nargs] {
                    let Some(text) = strings::as_str(*item).map(|s| s.to_string()) else {
                        let tn = ops::type_name(vm, *item);
                        return Err(vm.new_error(
                            vm.types.type_error,
                            &format!("__match_args__ elements must be strings (got {tn})"),
                        ));
                    };
                    names.push(Some(vm.intern(&text)));
                }
            }
            None if matches_self(vm, class) => {
                if nargs > 1 {
                    return Err(vm.new_error(
                        vm.types.type_error,
                        &format!("{class_name}() accepts 1 positional sub-pattern ({nargs} given)"),
                    ));
                }
                names.push(None);
            }
            None => {
                return Err(vm.new_error(
                    vm.types.type_error,
                    &format!("{class_name}() accepts 0 positional sub-patterns ({nargs} given)"),
                ));
            }
        }
    }
    let keywords = kwnames.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    for k in keywords {
        let text = strings::as_str(k).unwrap_or("").to_string();
        names.push(Some(vm.intern(&text)));
    }
    for (i, name) in names.iter().enumerate() {
        if let Some(n) = name {
            if names[..i].contains(&Some(*n)) {
                let attr_name = vm.sym_str(*n).to_string();
                return Err(vm.new_error(
                    vm.types.type_error,
                    &format!("{class_name}() got multiple sub-patterns for attribute '{attr_name}'"),
                ));
            }
        }
    }
    // The attributes found so far stay rooted while the next lookup runs Python code; the
    // roots go on every way out.
    let mark = vm.temp_roots.len();
    let found = (|| {
        for name in names {
            let value = match name {
                None => subject,
                Some(n) => match attr::lookup(vm, subject, n) {
                    Ok(Some(v)) => v,
                    Ok(None) => return Ok(false),
                    Err(e) if vm.isinstance(Value::Obj(e.0), vm.types.attribute_error) => return Ok(false),
                    Err(e) => return Err(e),
                },
            };
            vm.temp_roots.push(value);
            values.push(value);
        }
        Ok(true)
    })();
    vm.temp_roots.truncate(mark);
    Ok(if found? { vm.new_tuple(values) } else { Value::None })
}
