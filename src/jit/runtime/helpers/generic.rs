//! Helpers of the generic uops: one bytecode's operation through the runtime, for operands no
//! specialization covers.
//!
//! A trace that meets `x % y` on strs, an f-string, a dict display or a `GET_ITER` of a user
//! class still runs the operation in machine code: the uop calls the interpreter's own function
//! for the bytecode (`Vm::op_binary`, `format_value`, `op_build_map`, ...) with its operands
//! straight from the trace's stack, as CPython's `_BINARY_OP` or `_FORMAT_SIMPLE` call the C API.
//! Nothing is decoded at run time. These operations may run Python code (`__add__`, `__format__`,
//! `__hash__`, `__iter__`) and may raise, so each first leaves the frame as the run loop leaves it
//! while the instruction runs (pc past it, stack depth synced), which roots the operands and
//! places a traceback at the right line; an exception leaves through the trace's error exit.

use super::{context, set_depth, sync_top};
use crate::interpreter::{PyResult, Vm};
use crate::jit::runtime::abi::JitState;
use crate::runtime::object::ObjKind;
use crate::runtime::value::Value;

/// Runs `op` on the running frame `top` at stack depth `depth` (the frame synced as for
/// instruction `pc`): `op` returns the new depth. Returns the new stack pointer, or null with the
/// exception stored in the trace's context.
///
/// # Safety
/// `st` must be the running trace's state and `sp` its stack pointer, inside the top frame's
/// slots of the VM stack.
unsafe fn through_runtime(
    st: *mut JitState,
    sp: *mut Value,
    pc: u64,
    op: impl FnOnce(&mut Vm, usize, usize) -> PyResult<usize>,
) -> *mut Value {
    // SAFETY: per the function contract.
    let (context, vm) = unsafe { context(st) };
    // SAFETY: per the function contract.
    let (top, depth) = unsafe { sync_top(vm, sp, pc) };
    match op(vm, top, depth) {
        Ok(depth) => {
            set_depth(vm, top, depth);
            // SAFETY: the new depth is inside the frame's slots (the operation pushed at most
            // what its bytecode's stack effect allows), and the VM stack never moves.
            unsafe { vm.stack_ptr().add(depth) }
        }
        Err(e) => {
            vm.step_reraise = false;
            context.error = Some(e);
            std::ptr::null_mut()
        }
    }
}

/// The generic uops of two operands and one result: `op` of the two values on top, which the
/// result replaces.
///
/// # Safety
/// As [`through_runtime`].
unsafe fn two_to_one(
    st: *mut JitState,
    sp: *mut Value,
    pc: u64,
    op: impl FnOnce(&mut Vm, Value, Value) -> PyResult<Value>,
) -> *mut Value {
    // SAFETY: per the function contract.
    unsafe {
        through_runtime(st, sp, pc, |vm, _, d| {
            let r = op(vm, vm.slot(d - 2), vm.slot(d - 1))?;
            vm.set_slot(d - 2, r);
            Ok(d - 1)
        })
    }
}

/// `_BINARY_OP`: `a op b` (`op` is BINARY_OP's argument) of the two values on top.
pub extern "C" fn stitch_binary_op(st: *mut JitState, sp: *mut Value, op: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe { two_to_one(st, sp, pc, |vm, a, b| vm.op_binary(op as u32, a, b)) }
}

/// `_COMPARE_OP`: comparison `op` of the two values on top.
pub extern "C" fn stitch_compare_op(st: *mut JitState, sp: *mut Value, op: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe { two_to_one(st, sp, pc, |vm, a, b| vm.op_compare(op as u32, a, b)) }
}

/// `_CONTAINS_OP`: `item in container` (`not in` for `invert` 1) of the item below the container
/// on top.
pub extern "C" fn stitch_contains_op(st: *mut JitState, sp: *mut Value, invert: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe { two_to_one(st, sp, pc, |vm, item, container| vm.op_contains(invert as u32, item, container)) }
}

/// `_BINARY_SUBSCR`: `obj[key]` of the two values on top.
pub extern "C" fn stitch_binary_subscr(st: *mut JitState, sp: *mut Value, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe { two_to_one(st, sp, pc, |vm, obj, key| vm.op_subscr(obj, key)) }
}

/// `_STORE_SUBSCR`: `obj[key] = value` of value, obj and key on top, all three consumed.
pub extern "C" fn stitch_store_subscr(st: *mut JitState, sp: *mut Value, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe {
        through_runtime(st, sp, pc, |vm, _, d| {
            vm.op_store_subscr(vm.slot(d - 2), vm.slot(d - 1), vm.slot(d - 3))?;
            Ok(d - 3)
        })
    }
}

/// `_GET_ITER`: `iter(top)`, replacing it.
pub extern "C" fn stitch_get_iter(st: *mut JitState, sp: *mut Value, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe {
        through_runtime(st, sp, pc, |vm, _, d| {
            let it = crate::runtime::iter::get_iter(vm, vm.slot(d - 1))?;
            vm.set_slot(d - 1, it);
            Ok(d)
        })
    }
}

/// `_FORMAT_SIMPLE` / `_FORMAT_WITH_SPEC`: FORMAT_VALUE with argument `flags` (the conversion in
/// the low two bits, 4 when a format spec is on top of the value), the str replacing them.
pub extern "C" fn stitch_format_value(st: *mut JitState, sp: *mut Value, flags: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe {
        through_runtime(st, sp, pc, |vm, _, d| {
            let (n, spec) = if flags & 4 != 0 { (2, vm.slot(d - 1)) } else { (1, Value::Null) };
            let s = crate::runtime::strings::format_value(vm, vm.slot(d - n), flags as u32 & 3, spec)?;
            vm.set_slot(d - n, s);
            Ok(d - n + 1)
        })
    }
}

/// `_BUILD_STRING`: the concatenation of the `n` strs on top, replacing them.
pub extern "C" fn stitch_build_string(st: *mut JitState, sp: *mut Value, n: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe {
        through_runtime(st, sp, pc, |vm, _, d| {
            let first = d - n as usize;
            let s = vm.op_build_string(first, n as usize);
            vm.set_slot(first, s);
            Ok(first + 1)
        })
    }
}

/// `_BUILD_MAP`: a dict of the `n` values on top (keys and values alternating, `n` even),
/// replacing them.
pub extern "C" fn stitch_build_map(st: *mut JitState, sp: *mut Value, n: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe {
        through_runtime(st, sp, pc, |vm, _, d| {
            let first = d - n as usize;
            let dict = vm.op_build_map(first, n as usize / 2)?;
            vm.set_slot(first, dict);
            Ok(first + 1)
        })
    }
}

/// `_MAKE_FUNCTION`: a function of the code object on top and what MAKE_FUNCTION's `flags` say
/// lies below it (defaults, keyword defaults, annotations, closure), replacing them.
pub extern "C" fn stitch_make_function(st: *mut JitState, sp: *mut Value, flags: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own state and stack pointer.
    unsafe {
        through_runtime(st, sp, pc, |vm, top, d| {
            let globals = vm.frames[top].globals;
            // (make_function leaves the VM's depth at the first value it consumed.)
            let f = vm.make_function(flags as u32, d, globals)?;
            let at = vm.sp;
            vm.set_slot(at, f);
            Ok(at + 1)
        })
    }
}

/// `_MAKE_CELL`: a new cell in the running frame's cell slot `index` (after its fast locals),
/// holding the argument it shadows if any, as the run loop's MAKE_CELL does.
pub extern "C" fn stitch_make_cell(st: *mut JitState, index: u64) {
    // SAFETY: stencils pass their own state.
    let (_, vm) = unsafe { context(st) };
    let frame = *vm.frames.last().expect("a trace runs in a frame");
    let init = match frame.code.code.cell2arg.get(index as usize) {
        Some(Some(a)) => vm.slot(frame.base + *a as usize),
        _ => Value::Null,
    };
    let cell = vm.alloc(ObjKind::Cell(std::cell::Cell::new(init)));
    vm.set_slot(frame.base + frame.code.nlocals + index as usize, Value::Obj(cell));
}

/// `_COPY_FREE_VARS`: the running function's first `n` closure cells into the frame's slots
/// after its fast locals and cells, as the run loop's COPY_FREE_VARS does.
pub extern "C" fn stitch_copy_free_vars(st: *mut JitState, n: u64) {
    // SAFETY: stencils pass their own state.
    let (_, vm) = unsafe { context(st) };
    let frame = *vm.frames.last().expect("a trace runs in a frame");
    if let Some(ObjKind::Function(func)) = frame.func.obj().map(|o| &o.kind) {
        let first = frame.base + frame.code.nlocals + frame.code.code.cellvars.len();
        for (i, c) in func.closure().iter().take(n as usize).enumerate() {
            vm.set_slot(first + i, *c);
        }
    }
}
