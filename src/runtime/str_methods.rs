//! The methods of `str` (`split`, `join`, `strip`, `format`, ...), registered as natives on
//! the `str` class. Each takes the string as its first argument.

use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::interner::Sym;
use super::object::NativeFn;
use super::ops;
use super::strings::as_str;
use super::types;
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("upper", |vm, a, _| map_str(vm, a, "upper", |s| s.to_uppercase())),
        ("lower", |vm, a, _| map_str(vm, a, "lower", |s| s.to_lowercase())),
    ];
    let class = vm.types.str_;
    types::add_methods(vm, class, methods);
}

/// The receiver string (copied, since natives may call back into Python).
pub fn receiver(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<String> {
    match args.first().and_then(|v| as_str(*v)) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.new_error(vm.types.type_error, &format!("descriptor '{name}' requires a 'str' object"))),
    }
}

fn map_str(vm: &mut Vm, args: &[Value], name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let s = receiver(vm, args, name)?;
    Ok(vm.new_string(f(&s)))
}

fn join(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "join", args, 2, 2)?;
    let sep = receiver(vm, args, "join")?;
    let items = super::iter::collect(vm, args[1])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match as_str(*item) {
            Some(s) => out.push_str(s),
            None => {
                let tn = ops::type_name(vm, *item);
                return Err(vm.new_error(
                    vm.types.type_error,
                    &format!("sequence item {i}: expected str instance, {tn} found"),
                ));
            }
        }
    }
    Ok(vm.new_string(out))
}
