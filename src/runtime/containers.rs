//! The methods of `list`, `tuple`, `dict` and `set`, registered as natives on their classes.
//! Each takes the container as its first argument.

use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::interner::Sym;
use super::object::NativeFn;
use super::types;
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];

pub fn init(vm: &mut Vm) {
    let list_methods: &[(&'static str, NativeFn)] = &[("append", list_append)];
    let class = vm.types.list;
    types::add_methods(vm, class, list_methods);
}

fn list_append(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "append", args, 2, 2)?;
    match args[0].obj().and_then(|o| o.as_list()) {
        Some(l) => {
            l.borrow_mut().push(args[1]);
            Ok(Value::None)
        }
        None => Err(vm.new_error(vm.types.type_error, "descriptor 'append' requires a 'list' object")),
    }
}
