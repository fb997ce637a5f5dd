//! What the commonest opcodes do to values, written once.
//!
//! The run loop keeps each opcode's fastest case inline (two small ints, a list indexed by an
//! int) and calls these functions when it misses; the JIT's stepping helper
//! (`jit::runtime::helpers::stitch_execute`) calls the same functions for the bytecodes a trace
//! runs without entering the run loop. Both then agree by construction on every case the fast
//! paths do not cover: operator overloading, big ints, `__getitem__`, `__contains__`, the
//! errors CPython raises. Each function takes the operands as values and returns the result;
//! moving values on and off the stack is the caller's business.
//!
//! `BINARY_OP` and `COMPARE_OP` are the exception in the run loop: it spells out the same two
//! steps (the fast path, then `ops::binary_op_arg` or `ops::compare`) itself, because calling
//! [`Vm::op_binary`] there made nbody's float arithmetic 1.5x slower in the interpreter
//! (measured; the run loop's code is sensitive to what gets inlined into it).

use crate::bytecode::CompareOp;
use crate::runtime::object::ObjKind;
use crate::runtime::value::Value;
use crate::runtime::{int, ops};

use super::{PyResult, Vm};

impl Vm {
    /// `BUILD_MAP n`: a dict of the `n` key-value pairs in the stack slots from `first` (keys
    /// first in each pair).
    pub fn op_build_map(&mut self, first: usize, n: usize) -> PyResult<Value> {
        let d = self.new_dict();
        self.temp_roots.push(Value::Obj(d));
        let mut result = Ok(Value::Obj(d));
        for i in 0..n {
            let (k, v) = (self.slot(first + 2 * i), self.slot(first + 2 * i + 1));
            if let Err(e) = crate::runtime::dictops::set(self, d, k, v) {
                result = Err(e);
                break;
            }
        }
        self.temp_roots.pop();
        result
    }

    /// `BUILD_STRING n`: the concatenation of the `n` strs in the stack slots from `first`.
    pub fn op_build_string(&mut self, first: usize, n: usize) -> Value {
        let mut s = String::new();
        for i in 0..n {
            if let Value::Obj(o) = self.slot(first + i) {
                s.push_str(o.as_str().unwrap_or(""));
            }
        }
        self.new_string(s)
    }

    /// `BINARY_OP arg`: `a op b` (in-place forms try `__iadd__` and friends first).
    #[inline]
    pub fn op_binary(&mut self, arg: u32, a: Value, b: Value) -> PyResult<Value> {
        match int::fast_binary(arg, a, b) {
            Some(r) => Ok(r),
            None => ops::binary_op_arg(self, arg, a, b),
        }
    }

    /// `COMPARE_OP arg`: `a op b` for the comparison `arg`.
    #[inline]
    pub fn op_compare(&mut self, arg: u32, a: Value, b: Value) -> PyResult<Value> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(Value::Bool(compare_primitive(arg, x, y))),
            (Value::Float(x), Value::Float(y)) => Ok(Value::Bool(compare_primitive(arg, x, y))),
            _ => ops::compare(self, CompareOp::from_arg(arg).unwrap_or(CompareOp::Eq), a, b),
        }
    }

    /// `CONTAINS_OP arg`: `item in container` (`not in` when `arg` is 1).
    #[inline]
    pub fn op_contains(&mut self, arg: u32, item: Value, container: Value) -> PyResult<Value> {
        ops::contains(self, container, item).map(|r| Value::Bool(r != (arg == 1)))
    }

    /// `BINARY_SUBSCR`: `obj[key]`.
    #[inline]
    pub fn op_subscr(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        match ops::fast_getitem(obj, key) {
            Some(v) => Ok(v),
            None => ops::getitem(self, obj, key),
        }
    }

    /// `STORE_SUBSCR`: `obj[key] = v`.
    #[inline]
    pub fn op_store_subscr(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        if ops::fast_setitem(obj, key, v) {
            Ok(())
        } else {
            ops::setitem(self, obj, key, v)
        }
    }

    /// `BUILD_SLICE`: `slice(a, b, c)`.
    #[inline]
    pub fn op_build_slice(&mut self, a: Value, b: Value, c: Value) -> Value {
        Value::Obj(self.alloc(ObjKind::Slice(a, b, c)))
    }

    /// `LIST_APPEND`: appends `v` to `list` (a comprehension's own list, so always a list).
    #[inline]
    pub fn op_list_append(list: Value, v: Value) {
        if let Some(l) = list.obj().and_then(|o| o.as_list()) {
            l.borrow_mut().push(v);
        }
    }
}

/// `COMPARE_OP arg` on two numbers of the same primitive type.
#[inline]
pub(crate) fn compare_primitive<T: PartialOrd>(arg: u32, x: T, y: T) -> bool {
    match arg {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

/// `LOAD_DEREF`: the value in a cell (`Null` when the cell is empty, or when the slot holds no
/// cell, which the caller reports as an unbound variable).
#[inline]
pub fn cell_get(cell: Value) -> Value {
    match cell {
        Value::Obj(o) => match &o.kind {
            ObjKind::Cell(c) => c.get(),
            _ => Value::Null,
        },
        _ => Value::Null,
    }
}

/// `STORE_DEREF`: sets the value in a cell (nothing when the slot holds no cell).
#[inline]
pub fn cell_set(cell: Value, v: Value) {
    if let Value::Obj(o) = cell {
        if let ObjKind::Cell(c) = &o.kind {
            c.set(v);
        }
    }
}
