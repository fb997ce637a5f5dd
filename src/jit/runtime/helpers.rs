//! Runtime helpers: the Rust functions stencils call.
//!
//! A stencil does in machine code what is short and type-specialized; anything that needs the
//! runtime (allocation, calls, frames, container internals) is a call to one of these `extern "C"`
//! functions. The stencils declare them in `stencils/stitch.h`; build.rs reads the
//! `pub extern "C" fn stitch_*` lines of this file to know which undefined symbols are helpers and
//! generates `helper_address`, which the patcher uses to fill those holes. Keep each signature in
//! step with its C prototype.
//!
//! Helpers that check and act (`stitch_for_iter_*`, subscripts) return 0, having done nothing,
//! when their fast case does not apply, so the stencil can exit and the interpreter redo the
//! bytecode from the same state.

// Helpers take the stencils' raw pointers as C does; they are called only by machine code that
// passes the trace's own pointers, which each `// SAFETY:` comment relies on.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

mod generic;

pub use generic::*;

use std::os::raw::c_int;

use crate::jit::runtime::abi::{FramePair, JitState, TraceContext};
use crate::runtime::object::{IterState, ObjKind};
use crate::runtime::value::Value;

/// Runs bytecode `pc` of the running frame as the interpreter would: the commonest directly
/// (`execute_simple`), any other by a [`Vm::step`] (calls included). Returns the new stack
/// pointer, or null with the exception stored in the trace's context.
pub extern "C" fn stitch_execute(st: *mut JitState, _locals: *mut Value, sp: *mut Value, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own `st`.
    let (context, vm) = unsafe { context(st) };
    let stack = vm.stack_ptr();
    // SAFETY: sp is the trace's stack pointer, inside the top frame's slots of the VM stack.
    let depth = unsafe { sp.offset_from(stack) } as usize;
    let top = vm.frames.len() - 1;
    vm.frames[top].pc = pc as usize;
    vm.frames[top].sp = depth;
    vm.sp = depth;
    if vm.count_instructions {
        let op = vm.frames[top].code.code.instrs[pc as usize].op;
        *vm.stepped.entry(op.name()).or_default() += 1;
    }
    let result = match execute_simple(vm, top, pc as usize, depth) {
        Some(result) => result,
        None => vm.step().map(|()| vm.frames[top].sp),
    };
    match result {
        // SAFETY: the frame's new stack pointer is inside the VM stack.
        Ok(depth) => unsafe { stack.add(depth) },
        Err(e) => {
            context.error = Some(e);
            std::ptr::null_mut()
        }
    }
}

/// Whether `_EXECUTE_BYTECODE` runs `op` directly (see `execute_simple`), at a fraction of the
/// cost of a `Vm::step`.
pub fn executed_simply(op: crate::bytecode::Opcode) -> bool {
    use crate::bytecode::Opcode;
    matches!(op, Opcode::LOAD_ATTR | Opcode::STORE_ATTR)
}

/// Attribute loads and stores the recorder could not specialize (objects other than instances,
/// modules and built-in methods' owners), executed here directly rather than by a `Vm::step`
/// (which enters the run loop for one instruction): through the instruction's inline cache, as
/// the run loop does, with the frame synced as the run loop syncs it (pc past the instruction).
/// Every other bytecode a trace leaves to the runtime has a uop of its own (`_CALL`, the
/// generic uops of `helpers/generic.rs`) or is stepped. Returns the new stack depth, or `None`
/// for any other bytecode.
fn execute_simple(
    vm: &mut crate::interpreter::Vm,
    top: usize,
    pc: usize,
    depth: usize,
) -> Option<crate::interpreter::PyResult<usize>> {
    use crate::bytecode::Opcode;
    let instr = vm.frames[top].code.code.instrs[pc];
    let arg = instr.arg;
    if !executed_simply(instr.op) {
        return None;
    }
    vm.frames[top].pc = pc + 1;
    if vm.count_instructions {
        let code = vm.frames[top].code;
        vm.count_instruction(code);
    }
    let code = vm.frames[top].code;
    let cache = &code.caches[pc];
    let obj = vm.slot(depth - 1);
    let result = if instr.op == Opcode::LOAD_ATTR {
        let name = code.names[(arg >> 1) as usize];
        if arg & 1 == 0 {
            let v = match crate::runtime::attr::load_attr_cached(vm, obj, cache) {
                Some(v) => Ok(v),
                None => crate::runtime::attr::load_attr_slow(vm, obj, name, cache),
            };
            v.map(|v| {
                vm.set_slot(depth - 1, v);
                depth
            })
        } else {
            let pair = match crate::runtime::attr::load_method_cached(vm, obj, cache) {
                Some(pair) => Ok(pair),
                None => crate::runtime::attr::load_method_slow(vm, obj, name, cache),
            };
            pair.map(|(f, s)| {
                vm.set_slot(depth - 1, f);
                vm.set_slot(depth, s);
                depth + 1
            })
        }
    } else {
        let v = vm.slot(depth - 2);
        if crate::runtime::attr::store_attr_cached(obj, v, cache) {
            Ok(depth - 2)
        } else {
            crate::runtime::attr::store_attr_slow(vm, obj, code.names[arg as usize], v, cache).map(|()| depth - 2)
        }
    };
    if let Ok(depth) = result {
        vm.frames[top].sp = depth;
        vm.sp = depth;
    }
    vm.step_reraise = false;
    Some(result)
}

/// `_CALL`: calls the callable below `argc` arguments (and the self-or-null slot) through the
/// runtime, as the interpreter's `CALL` would, running a Python callee to completion; returns the
/// new stack pointer (the result in place of the callable) or null with the exception stored.
/// `pc` is the call's instruction.
pub extern "C" fn stitch_call(st: *mut JitState, sp: *mut Value, argc: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own `st`.
    let (context, vm) = unsafe { context(st) };
    // SAFETY: `sp` is the trace's stack pointer, inside the top frame's slots.
    let (top, depth) = unsafe { sync_top(vm, sp, pc) };
    let pos = depth - argc as usize - 2;
    let result = match vm.call_builtin_in_place(pos, argc as usize) {
        Some(result) => result,
        None => vm.call_in_place(pos, argc as usize),
    };
    match result {
        Ok(v) => {
            vm.set_slot(pos, v);
            set_depth(vm, top, pos + 1);
            // SAFETY: pos + 1 is a slot of the frame's stack.
            unsafe { vm.stack_ptr().add(pos + 1) }
        }
        Err(e) => {
            vm.step_reraise = false;
            context.error = Some(e);
            std::ptr::null_mut()
        }
    }
}

/// Leaves the top frame as the run loop leaves it while the instruction at `pc` calls out: its
/// pc past the instruction, its stack synced to the trace's `sp`. Returns the frame's index and
/// the stack depth.
///
/// # Safety
/// `sp` must be the running trace's stack pointer, inside the top frame's slots of the VM stack.
unsafe fn sync_top(vm: &mut crate::interpreter::Vm, sp: *mut Value, pc: u64) -> (usize, usize) {
    // SAFETY: per the function contract.
    let depth = unsafe { sp.offset_from(vm.stack_ptr()) } as usize;
    let top = vm.frames.len() - 1;
    vm.frames[top].pc = pc as usize + 1;
    set_depth(vm, top, depth);
    (top, depth)
}

/// Sets the stack depth of frame `top` (the running one) and the VM's.
fn set_depth(vm: &mut crate::interpreter::Vm, top: usize, depth: usize) {
    vm.frames[top].sp = depth;
    vm.sp = depth;
}

/// The VM and the trace's context, from the `st` a stencil passes.
///
/// # Safety
/// `st` must be the JitState of the running trace: the first field of the engine's
/// TraceContext, whose `vm` points to the VM that entered the trace (paused in that call, so
/// nothing else refers to it while the helper runs).
unsafe fn context<'a>(st: *mut JitState) -> (&'a mut TraceContext, &'a mut crate::interpreter::Vm) {
    // SAFETY: per the function contract.
    unsafe {
        let context = &mut *(st as *mut TraceContext);
        let vm = &mut *context.state.vm;
        (context, vm)
    }
}

/// `_CREATE_INIT_FRAME`: calls the class below `argc` arguments (and the null self slot), whose
/// `__init__` `_CHECK_FUNCTION`, the class epoch and the recorder proved to be a Python function
/// taking exactly these arguments: creates the instance and pushes the `__init__` frame, as the
/// interpreter's `CALL` does (the caller's record gets its resume point `pc` and the stack
/// pointer of the call's result slot). Returns the callee's locals, or null with the exception
/// (recursion limit) stored in the trace's context.
pub extern "C" fn stitch_create_init_frame(st: *mut JitState, sp: *mut Value, argc: u64, pc: u64) -> *mut Value {
    // SAFETY: stencils pass their own `st`.
    let (context, vm) = unsafe { context(st) };
    let stack = vm.stack_ptr();
    // SAFETY: sp is the trace's stack pointer, inside the top frame's slots of the VM stack.
    let depth = unsafe { sp.offset_from(stack) } as usize;
    let argc = argc as usize;
    let top = vm.frames.len() - 1;
    vm.frames[top].pc = pc as usize;
    vm.frames[top].sp = depth;
    vm.sp = depth;
    let result_pos = depth - argc - 2;
    let callable = vm.slot(result_pos);
    let frames = vm.frames.len();
    // The recorder saw a plain class (no native constructor, metaclass or `__new__`), and the
    // trace guarded the class and the class epoch: the instance is made at once.
    let class = callable.as_obj().filter(|o| matches!(o.kind, ObjKind::Class(_)));
    let outcome = match class.as_ref().map(|o| (*o, &o.kind)) {
        Some((o, ObjKind::Class(c))) => vm.instantiate(o, c, result_pos, depth - argc, argc, Value::Null, false),
        _ => vm.invoke(callable, result_pos, depth - argc, argc, Value::Null, false),
    };
    let entered = match outcome {
        Ok(crate::interpreter::call::CallOutcome::FramePushed) if vm.frames.len() == frames + 1 => Ok(()),
        Ok(_) => Err(vm.new_error(vm.types.runtime_error, "internal error: a JIT call pushed no frame")),
        Err(e) => Err(e),
    };
    match entered {
        // SAFETY: the new frame's base is inside the VM stack (push_frame checked its size).
        Ok(()) => unsafe { stack.add(vm.frames[top + 1].base) },
        Err(e) => {
            vm.step_reraise = false;
            context.error = Some(e);
            std::ptr::null_mut()
        }
    }
}

/// `_POP_FRAME_CHECKED`: returns from the running frame, which is the `__init__` of a class call
/// or an ordinary call made from the frame below (a frame the trace did not push itself): pops it and leaves the returned value (the
/// top of `sp`) in the caller's result slot, as the interpreter's `RETURN_VALUE` does. Returns
/// the caller's locals and stack pointer, or null locals (internal error stored) if the frame
/// is not such a frame.
pub extern "C" fn stitch_pop_frame(st: *mut JitState, sp: *mut Value) -> FramePair {
    // SAFETY: stencils pass their own `st`.
    let (context, vm) = unsafe { context(st) };
    let stack = vm.stack_ptr();
    let n = vm.frames.len();
    let kind = vm.frames[n - 1].kind;
    let returnable =
        n >= 2 && !vm.frames[n - 1].entry && !matches!(kind, crate::interpreter::FrameKind::Generator { .. });
    let fail = FramePair { locals: std::ptr::null_mut(), sp: std::ptr::null_mut() };
    if !returnable {
        context.error = Some(vm.new_error(vm.types.runtime_error, "internal error: JIT return from an entry frame"));
        return fail;
    }
    // SAFETY: the stencil calls this with the return value on top of the callee's stack.
    let value = unsafe { peek(sp, 1) };
    vm.frames.pop();
    let caller = n - 2;
    let (result_pos, base) = (vm.frames[caller].sp, vm.frames[caller].base);
    let result = match kind {
        crate::interpreter::FrameKind::Init(instance) if value.is_none() => instance,
        crate::interpreter::FrameKind::Init(_) => {
            // As in the interpreter: the error belongs to the caller, at the call.
            vm.sp = result_pos;
            let tn = crate::runtime::ops::type_name(vm, value);
            let message = format!("__init__() should return None, not '{tn}'");
            context.error = Some(vm.new_error(vm.types.type_error, &message));
            vm.step_reraise = false;
            return fail;
        }
        crate::interpreter::FrameKind::Binary(arg) if vm.is_not_implemented(value) => {
            // As in the interpreter: the operands are the method's first two locals; the rest
            // of the protocol runs with them rooted on the stack, an error at the operator.
            let first = result_pos;
            let (a, b) = (vm.slot(first), vm.slot(first + 1));
            vm.sp = first + 2;
            let (op, inplace) =
                crate::bytecode::BinaryOp::from_arg(arg).unwrap_or((crate::bytecode::BinaryOp::Add, false));
            match crate::runtime::ops::binary_op_reflected(vm, op, inplace, a, b) {
                Ok(r) => r,
                Err(e) => {
                    vm.sp = first;
                    context.error = Some(e);
                    vm.step_reraise = false;
                    return fail;
                }
            }
        }
        _ => value,
    };
    vm.frames[caller].sp = result_pos + 1;
    vm.set_slot(result_pos, result);
    vm.sp = result_pos + 1;
    // SAFETY: both are slots of the caller's frame inside the VM stack.
    unsafe { FramePair { locals: stack.add(base), sp: stack.add(result_pos + 1) } }
}

/// `_CHECK_FUNCTION_CODE`: 1 if the callee of a call with `argc` arguments (below them and the
/// self-or-null slot) is a function of code object `code` that the fast path can enter.
pub extern "C" fn stitch_check_function_code(sp: *mut Value, argc: u64, code: u64) -> c_int {
    // SAFETY: the stencil calls this with the callee, the self-or-null slot and `argc`
    // arguments on top of the stack.
    let callee = unsafe { peek(sp, argc as usize + 2) };
    let Value::Obj(o) = callee else { return 0 };
    match &o.kind {
        ObjKind::Function(f) => (f.simple && f.code as *const _ as u64 == code) as c_int,
        _ => 0,
    }
}

/// `_STORE_ATTR_INSTANCE_APPEND` when the instance's slot vector is full: appends the value `v`
/// points to (growing the vector). The shape guard before it proved `obj` an instance.
pub extern "C" fn stitch_slots_push(obj: *const crate::runtime::object::Obj, v: *const Value) {
    // SAFETY: the stencil passes the guarded instance, a live heap object (it is on the stack),
    // and a pointer to a value slot of the VM stack.
    let (obj, v) = unsafe { (&*obj, *v) };
    if let ObjKind::Instance(instance) = &obj.kind {
        instance.slots.push(v);
    }
}

/// `_CALL_LIST_APPEND` when the list's buffer is full: appends the value (tag, payload), growing
/// the buffer. The stencil checked that `obj` is a list no Rust code borrows. (The value comes
/// in two words, not by address: a stencil that passed the address of its own copy could not
/// end in a jump to the next one.)
pub extern "C" fn stitch_list_push(obj: *const crate::runtime::object::Obj, tag: u64, payload: u64) {
    let words = [tag, payload];
    // SAFETY: the stencil passes the list, a live heap object (on the stack or in a register
    // the trace keeps), and the two words of a value it holds, which read together are that
    // value (`Value` is `#[repr(C, u64)]`: the tag, then the payload).
    let (obj, v) = unsafe { (&*obj, crate::runtime::value::load_value(words.as_ptr().cast())) };
    if let ObjKind::List(items) = &obj.kind {
        items.borrow_mut().push(v);
    }
}

/// `_GUARD_GENERATOR`: 1 if the value on top is a generator of code object `code` that a resume
/// would continue at instruction `pc` (created or suspended there, not running or finished).
pub extern "C" fn stitch_guard_generator(sp: *mut Value, code: u64, pc: u64) -> c_int {
    // SAFETY: the stencil calls this with the iterator on top of the stack.
    let it = unsafe { peek(sp, 1) };
    let Value::Obj(o) = it else { return 0 };
    let ObjKind::Generator(g) = &o.kind else { return 0 };
    let Ok(g) = g.try_borrow() else { return 0 };
    let resumable =
        matches!(g.state, crate::runtime::object::GenState::Created | crate::runtime::object::GenState::Suspended);
    (resumable && g.code as *const _ as u64 == code && g.pc as u64 == pc) as c_int
}

/// `_PUSH_GENERATOR_FRAME` for `FOR_ITER` at `pc` jumping to `target` when exhausted: resumes
/// the generator on top (guarded) in a frame of its own, as the interpreter's `FOR_ITER` does.
/// Returns the generator frame's locals and stack pointer, or null locals with the exception set
/// (a recursion error).
pub extern "C" fn stitch_push_generator_frame(st: *mut JitState, sp: *mut Value, pc: u64, target: u64) -> FramePair {
    // SAFETY: stencils pass their own `st`.
    let (context, vm) = unsafe { context(st) };
    // SAFETY: `sp` is the trace's stack pointer, inside the top frame's slots.
    unsafe { sync_top(vm, sp, pc) };
    // SAFETY: the generator is on top of the stack.
    let it = unsafe { peek(sp, 1) };
    let fail = FramePair { locals: std::ptr::null_mut(), sp: std::ptr::null_mut() };
    let Value::Obj(gen) = it else { return fail };
    match vm.resume_generator_inline(gen, target as u32) {
        Ok(Some(())) => {
            let frame = vm.frames[vm.frames.len() - 1];
            let stack = vm.stack_ptr();
            // SAFETY: the new frame's slots are inside the VM stack.
            unsafe { FramePair { locals: stack.add(frame.base), sp: stack.add(frame.sp) } }
        }
        Ok(None) => {
            context.error =
                Some(vm.new_error(vm.types.runtime_error, "internal error: JIT resumed a finished generator"));
            fail
        }
        Err(e) => {
            vm.step_reraise = false;
            context.error = Some(e);
            fail
        }
    }
}

/// `_YIELD_VALUE` at instruction `pc` of a generator frame the trace resumed: suspends it
/// (saving its slots below the yielded value, to resume after `pc`), pops it, and pushes the
/// value on the consumer's stack, as the interpreter's `YIELD_VALUE` does. Returns the
/// consumer's locals and stack pointer.
pub extern "C" fn stitch_yield_value(st: *mut JitState, sp: *mut Value, pc: u64) -> FramePair {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with the yielded value on top of the generator's stack.
    let (v, depth) = unsafe { (peek(sp, 1), sp.offset_from(vm.stack_ptr()) as usize - 1) };
    let frame = vm.frames[vm.frames.len() - 1];
    vm.suspend_generator(&frame, depth, pc as usize + 1);
    let top = vm.frames.len() - 1;
    let at = vm.frames[top].sp;
    vm.set_slot(at, v);
    set_depth(vm, top, at + 1);
    let (base, stack) = (vm.frames[top].base, vm.stack_ptr());
    // SAFETY: both are slots of the consumer's frame inside the VM stack.
    unsafe { FramePair { locals: stack.add(base), sp: stack.add(at + 1) } }
}

/// Key equality for dicts and sets keyed by strs and ints, decided without Python code: any
/// other pair (an instance whose `__eq__` would run, an int against a float) sets `undecided`.
fn native_key_eq(undecided: &mut bool) -> impl FnMut(Value, Value) -> crate::interpreter::PyResult<bool> + '_ {
    move |a, b| {
        Ok(match (a, b) {
            (Value::Int(x), Value::Int(y)) => x == y,
            _ if a.is(b) => true,
            _ => match (crate::runtime::strings::as_str(a), crate::runtime::strings::as_str(b)) {
                (Some(x), Some(y)) => x == y,
                _ => {
                    *undecided = true;
                    false
                }
            },
        })
    }
}

/// The hash of a str or small-int key, or `None` for any other value.
fn native_key_hash(key: Value) -> Option<i64> {
    match key {
        Value::Int(i) => Some(crate::runtime::int::hash_i64(i)),
        Value::Obj(o) if matches!(o.kind, ObjKind::Str(_)) => Some(crate::runtime::strings::hash_sym_value(key)),
        _ => None,
    }
}

/// `_BINARY_SUBSCR_DICT`: `dict[key]` for a dict (the kind was guarded) and a str or int key,
/// the item replacing the two operands (1); 0, before any effect, for another key or a missing
/// one (the interpreter raises `KeyError` or calls `__missing__`-free Python code).
pub extern "C" fn stitch_binary_subscr_dict(sp: *mut Value) -> c_int {
    // SAFETY: the stencil calls this with the dict below the key on top of the stack.
    let (d, key) = unsafe { (peek(sp, 2), peek(sp, 1)) };
    let (Some(ObjKind::Dict(dict)), Some(hash)) = (d.obj().map(|o| &o.kind), native_key_hash(key)) else { return 0 };
    let Ok(dict) = dict.try_borrow() else { return 0 };
    let mut undecided = false;
    let found = dict.get(key, hash, &mut native_key_eq(&mut undecided));
    match found {
        Ok(Some(v)) if !undecided => {
            // SAFETY: sp[-2] is the dict's slot; the item replaces it.
            unsafe { sp.sub(2).write(v) };
            1
        }
        _ => 0,
    }
}

/// `_STORE_SUBSCR_DICT`: `dict[key] = value` for a dict (the kind was guarded) and a str or int
/// key (1, the three operands consumed); 0, before any effect, for another key.
pub extern "C" fn stitch_store_subscr_dict(sp: *mut Value) -> c_int {
    // SAFETY: the stencil calls this with value, dict and key on top of the stack.
    let (v, d, key) = unsafe { (peek(sp, 3), peek(sp, 2), peek(sp, 1)) };
    let (Some(ObjKind::Dict(dict)), Some(hash)) = (d.obj().map(|o| &o.kind), native_key_hash(key)) else { return 0 };
    let Ok(mut dict) = dict.try_borrow_mut() else { return 0 };
    let mut undecided = false;
    let found = dict.find(key, hash, &mut native_key_eq(&mut undecided));
    match found {
        Ok(_) if undecided => 0,
        Ok(Some(i)) => {
            dict.set_value_at(i, v);
            1
        }
        Ok(None) => {
            dict.insert_new(key, hash, v);
            1
        }
        Err(_) => 0,
    }
}

/// `_CONTAINS_OP_NATIVE` (`invert`: `not in`): 1 or 0 for a str or int key in a set, frozenset
/// or dict, or a str in a str; 2 for anything else, or when deciding would take Python code (the
/// guard fails).
pub extern "C" fn stitch_contains_native(sp: *mut Value, invert: u64) -> c_int {
    // SAFETY: the stencil calls this with the item below the container on top of the stack.
    let (item, container) = unsafe { (peek(sp, 2), peek(sp, 1)) };
    let Value::Obj(c) = container else { return 2 };
    let mut undecided = false;
    let found = match (&c.kind, native_key_hash(item)) {
        (ObjKind::Set(set), Some(hash)) => match set.try_borrow() {
            Ok(set) => set.contains(item, hash, &mut native_key_eq(&mut undecided)),
            Err(_) => return 2,
        },
        (ObjKind::FrozenSet(set), Some(hash)) => set.contains(item, hash, &mut native_key_eq(&mut undecided)),
        (ObjKind::Dict(dict), Some(hash)) => match dict.try_borrow() {
            Ok(dict) => dict.find(item, hash, &mut native_key_eq(&mut undecided)).map(|i| i.is_some()),
            Err(_) => return 2,
        },
        (ObjKind::Str(text), _) => match crate::runtime::strings::as_str(item) {
            Some(sub) => Ok(text.s.contains(sub)),
            None => return 2,
        },
        _ => return 2,
    };
    match found {
        Ok(found) if !undecided => (found != (invert != 0)) as c_int,
        _ => 2,
    }
}

/// Whether `v` is a slice whose bounds are ints or None (list slicing with them runs no Python
/// code).
fn plain_slice(v: Value) -> bool {
    let plain = |b: Value| matches!(b, Value::Int(_) | Value::None);
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Slice(a, b, c)) if plain(*a) && plain(*b) && plain(*c))
}

/// `_BUILD_LIST`/`_BUILD_TUPLE` (`tuple` != 0) of the `n` values on top: replaces them by the
/// new sequence; returns the new stack pointer.
pub extern "C" fn stitch_build_sequence(st: *mut JitState, sp: *mut Value, n: u64, tuple: u64) -> *mut Value {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    let n = n as usize;
    // SAFETY: the stencil calls this with `n` values on top of the stack, which stay there
    // (rooted) while the sequence is allocated.
    let items: Vec<Value> = (0..n).map(|i| unsafe { peek(sp, n - i) }).collect();
    let seq = if tuple != 0 { vm.new_tuple(items) } else { vm.new_list(items) };
    // SAFETY: the `n` values occupy the slots below `sp`; the first of them takes the sequence
    // and the new top is just above it.
    unsafe {
        let base = sp.sub(n);
        base.write(seq);
        base.add(1)
    }
}

/// `_MATERIALIZE_TUPLE`: the tuple of the `n` values lying under the top `above` values takes
/// the first one's slot, and the values above move down; returns the new stack pointer.
pub extern "C" fn stitch_materialize_tuple(st: *mut JitState, sp: *mut Value, n: u64, above: u64) -> *mut Value {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    let (n, above) = (n as usize, above as usize);
    // SAFETY: the stencil calls this with `n + above` values on top of the stack, which stay
    // there (rooted) while the tuple is allocated.
    let items: Vec<Value> = (0..n).map(|i| unsafe { peek(sp, above + n - i) }).collect();
    let tuple = vm.new_tuple(items);
    // SAFETY: the items occupy the `n` slots under the top `above`; the first takes the tuple,
    // the `above` values move down to just after it (a forward copy within the same slots), and
    // the new top is above them.
    unsafe {
        let base = sp.sub(above + n);
        base.write(tuple);
        std::ptr::copy(sp.sub(above), base.add(1), above);
        base.add(1 + above)
    }
}

/// `_LIST_APPEND`: appends the top value to the list `depth` values below it (a
/// comprehension's own list); the stencil pops the value.
pub extern "C" fn stitch_list_append(sp: *mut Value, depth: u64) {
    // SAFETY: the stencil calls this with the item on top and the list `depth` slots below it.
    let (list, v) = unsafe { (peek(sp, 1 + depth as usize), peek(sp, 1)) };
    crate::interpreter::Vm::op_list_append(list, v);
}

/// `_BUILD_SLICE` with `n` (2 or 3) bounds on top: replaces them by the slice; returns the new
/// stack pointer.
pub extern "C" fn stitch_build_slice(st: *mut JitState, sp: *mut Value, n: u64) -> *mut Value {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with `n` bounds on top of the stack.
    let (a, b, c) = unsafe {
        if n == 3 {
            (peek(sp, 3), peek(sp, 2), peek(sp, 1))
        } else {
            (peek(sp, 2), peek(sp, 1), Value::None)
        }
    };
    // (The bounds stay on the stack, rooted, while the slice is allocated.)
    let slice = vm.op_build_slice(a, b, c);
    // SAFETY: the first bound's slot is on the stack; the slice replaces the bounds.
    unsafe {
        let first = sp.sub(n as usize);
        first.write(slice);
        first.add(1)
    }
}

/// `_BINARY_SUBSCR_LIST_SLICE`: `list[slice]` for a list and a slice of int or None bounds, the
/// new list replacing the operands (1); 0, before any effect, for other operands.
pub extern "C" fn stitch_binary_subscr_list_slice(st: *mut JitState, sp: *mut Value) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with the list below the slice on top of the stack.
    let (list, key) = unsafe { (peek(sp, 2), peek(sp, 1)) };
    if !matches!(list.obj().map(|o| &o.kind), Some(ObjKind::List(_))) || !plain_slice(key) {
        return 0;
    }
    match vm.op_subscr(list, key) {
        Ok(v) => {
            // SAFETY: sp[-2] is the list's slot; the result replaces it.
            unsafe { sp.sub(2).write(v) };
            1
        }
        Err(_) => 0,
    }
}

/// `_STORE_SUBSCR_LIST_SLICE`: `list[a:b] = items` for a list, a slice of int or None bounds
/// and step None or 1 (which never raises) and a list or tuple of items (1, the operands
/// consumed); 0, before any effect, for other operands.
pub extern "C" fn stitch_store_subscr_list_slice(st: *mut JitState, sp: *mut Value) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with items, list and slice on top of the stack.
    let (items, list, key) = unsafe { (peek(sp, 3), peek(sp, 2), peek(sp, 1)) };
    let is = |v: Value| v.obj().map(|o| &o.kind);
    let items_plain = matches!(is(items), Some(ObjKind::List(_) | ObjKind::Tuple(_)));
    let unit_step = matches!(is(key), Some(ObjKind::Slice(_, _, Value::None | Value::Int(1))));
    if !matches!(is(list), Some(ObjKind::List(_))) || !plain_slice(key) || !unit_step || !items_plain {
        return 0;
    }
    vm.op_store_subscr(list, key, items).is_ok() as c_int
}

/// Whether `n` (2 or 3) slice bounds on top of the stack are plain (ints or None, a step that
/// is not 0 and, for `unit_step`, None or 1): slicing with them runs no Python code. Returns
/// them (the step None for two).
///
/// # Safety
/// `sp` must be the trace's stack pointer with `n` values on top.
unsafe fn plain_bounds(sp: *mut Value, n: u64, unit_step: bool) -> Option<(Value, Value, Value)> {
    // SAFETY: per the function contract.
    let (a, b, c) = unsafe {
        if n == 3 {
            (peek(sp, 3), peek(sp, 2), peek(sp, 1))
        } else {
            (peek(sp, 2), peek(sp, 1), Value::None)
        }
    };
    let plain = |v: Value| matches!(v, Value::Int(_) | Value::None);
    let step_ok = match c {
        Value::None => true,
        Value::Int(s) => s == 1 || (!unit_step && s != 0),
        _ => false,
    };
    (plain(a) && plain(b) && step_ok).then_some((a, b, c))
}

/// `_BINARY_SLICE_LIST`: `list[a:b]` or `list[a:b:c]` (`n` bounds on top of the list), the new
/// list replacing list and bounds, without a slice object (1); 0, before any effect, when the
/// container is not a list or a bound not plain.
pub extern "C" fn stitch_binary_slice_list(st: *mut JitState, sp: *mut Value, n: u64) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with the list below `n` bounds on top of the stack.
    let (list, bounds) = unsafe { (peek(sp, n as usize + 1), plain_bounds(sp, n, false)) };
    let (Some(ObjKind::List(items)), Some((a, b, c))) = (list.obj().map(|o| &o.kind), bounds) else { return 0 };
    // (Plain bounds: no error, no Python code; the operands stay on the stack while the new
    // list is allocated.)
    match crate::runtime::ops::list_slice(vm, items, a, b, c) {
        Ok(v) => {
            // SAFETY: the list's slot is on the stack; the result replaces it.
            unsafe { sp.sub(n as usize + 1).write(v) };
            1
        }
        Err(_) => 0,
    }
}

/// `_STORE_SLICE_LIST`: `list[a:b] = items` (`n` bounds on top of the list, the items below it)
/// for a list, plain bounds with step None or 1, and a list or tuple of items (1, all consumed);
/// 0, before any effect, for anything else.
pub extern "C" fn stitch_store_slice_list(st: *mut JitState, sp: *mut Value, n: u64) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with items, list and `n` bounds on top of the stack.
    let (items, list, bounds) =
        unsafe { (peek(sp, n as usize + 2), peek(sp, n as usize + 1), plain_bounds(sp, n, true)) };
    let items_plain = matches!(items.obj().map(|o| &o.kind), Some(ObjKind::List(_) | ObjKind::Tuple(_)));
    let (Some(ObjKind::List(l)), Some((a, b, c)), true) = (list.obj().map(|o| &o.kind), bounds, items_plain) else {
        return 0;
    };
    crate::runtime::ops::list_assign_slice(vm, l, a, b, c, items).is_ok() as c_int
}

/// `_CALL_MATH1`: `f(x)` for the math function `callee` (kernel `which`, see
/// `mathmod::kernel`) called with an int or float `x` and no self (the three call slots on
/// top): the float replaces them (1); 0, before any effect, for another callee or argument, or
/// where the call raises (the interpreter's CALL then raises it).
pub extern "C" fn stitch_call_math1(sp: *mut Value, which: u64, callee: u64) -> c_int {
    // SAFETY: the stencil calls this with a call of one argument on top of the stack.
    unsafe {
        call_one(sp, callee, |arg| {
            let x = match arg {
                Value::Float(x) => x,
                Value::Int(i) => i as f64,
                _ => return None,
            };
            crate::runtime::mathmod::kernel(which as u32, x).map(Value::Float)
        })
    }
}

/// `_BINARY_OP_POWER_FLOAT`: `x ** y` of two floats into `out` (1), or 0 having done nothing
/// where Python raises (`0.0` to a negative power, a negative base to a fractional power, a
/// finite result too large): the interpreter's BINARY_OP then raises. The same `powf` as the
/// interpreter's `float_pow`, so the same bits.
pub extern "C" fn stitch_float_pow(x: f64, y: f64, out: *mut f64) -> c_int {
    if (x == 0.0 && y < 0.0) || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return 0;
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return 0;
    }
    // SAFETY: the stencil passes the address of a local double.
    unsafe { out.write(r) };
    1
}

/// A built-in call of one argument a uop computes: when the callee (below the self-or-null slot
/// and the argument on top of the stack) is the object at `callee`, the self slot is empty and
/// `f` gives a result for the argument, the result replaces the three slots (1); else nothing
/// changes (0).
///
/// # Safety
/// `sp` must be the trace's stack pointer with a call's three slots on top.
unsafe fn call_one(sp: *mut Value, callee: u64, f: impl FnOnce(Value) -> Option<Value>) -> c_int {
    // SAFETY: per the function contract.
    let (func, null, arg) = unsafe { (peek(sp, 3), peek(sp, 2), peek(sp, 1)) };
    if !matches!(func, Value::Obj(o) if o.as_ptr() as u64 == callee) || !null.is_null() {
        return 0;
    }
    match f(arg) {
        Some(r) => {
            // SAFETY: the callee's slot is on the stack; the result replaces the call's slots.
            unsafe { sp.sub(3).write(r) };
            1
        }
        None => 0,
    }
}

/// `_CALL_LEN`: `len(x)` for the built-in `len` (`callee`) of a built-in container or str and no
/// self (the three call slots on top): the int replaces them (1); 0, before any effect, for
/// anything else.
pub extern "C" fn stitch_call_len(sp: *mut Value, callee: u64) -> c_int {
    // SAFETY: the stencil calls this with a call of one argument on top of the stack.
    unsafe { call_one(sp, callee, |arg| crate::runtime::builtins::native_len(arg).map(|n| Value::Int(n as i64))) }
}

/// `_COMPARE_OP_STR` with comparison `op`: 1 or 0 for two strs, 2 for anything else (the guard
/// fails).
pub extern "C" fn stitch_compare_str(sp: *mut Value, op: u64) -> c_int {
    // SAFETY: the stencil calls this with the two operands on top of the stack.
    let (a, b) = unsafe { (peek(sp, 2), peek(sp, 1)) };
    let (Some(x), Some(y)) = (crate::runtime::strings::as_str(a), crate::runtime::strings::as_str(b)) else {
        return 2;
    };
    // (Byte order of UTF-8 is code point order, as Python compares strs.)
    crate::interpreter::opcodes::compare_primitive(op as u32, x, y) as c_int
}

/// `_GUARD_TRUTH`: the truth of the value on top (0 or 1), or 2 when finding it would run Python
/// code (a class's `__bool__` or `__len__`).
pub extern "C" fn stitch_pure_truth(sp: *mut Value) -> c_int {
    // SAFETY: the stencil calls this with a value on top of the stack.
    let v = unsafe { peek(sp, 1) };
    crate::runtime::ops::pure_truth(v).map_or(2, c_int::from)
}

/// `_FOR_ITER_NEXT` at instruction `pc`: the next item of the iterator on top of the stack,
/// written above it (1); 0 when it is exhausted; -1 with the exception set when it raised. Any
/// iterator: built-in ones, generators and classes with `__next__` (which run in the
/// interpreter, called from here).
pub extern "C" fn stitch_for_iter_next(st: *mut JitState, sp: *mut Value, pc: u64) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (context, vm) = unsafe { context(st) };
    // SAFETY: `sp` is the trace's stack pointer, inside the top frame's slots.
    let (top, depth) = unsafe { sync_top(vm, sp, pc) };
    // SAFETY: the stencil calls this with the iterator on top of the stack.
    let it = unsafe { peek(sp, 1) };
    match crate::runtime::iter::next(vm, it) {
        Ok(Some(v)) => {
            vm.set_slot(depth, v);
            set_depth(vm, top, depth + 1);
            1
        }
        Ok(None) => 0,
        Err(e) => {
            vm.step_reraise = false;
            context.error = Some(e);
            -1
        }
    }
}

/// `_GUARD_CALLER`: 1 if the running frame may be returned from in a trace (`stitch_pop_frame`)
/// and the frame below it is code object `code` suspended before instruction `pc`; else 0.
pub extern "C" fn stitch_guard_caller(st: *mut JitState, code: u64, pc: u64) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    let n = vm.frames.len();
    if n < 2
        || vm.frames[n - 1].entry
        || matches!(vm.frames[n - 1].kind, crate::interpreter::FrameKind::Generator { .. })
    {
        return 0;
    }
    // (Nor into a frame `Vm::step` runs one instruction of for a trace: the step ends with that
    // instruction, which only the interpreter can tell.)
    let caller = &vm.frames[n - 2];
    let stepped = n - 2 == vm.step_frame;
    (!stepped && caller.code as *const crate::interpreter::code::CodeObject as u64 == code && caller.pc as u64 == pc)
        as c_int
}

/// `_GUARD_CONSUMER`: 1 if the running frame is a generator that a `FOR_ITER` of the frame below
/// resumed (its yield goes back there, `stitch_yield_value`) and that frame is code object
/// `code` suspended before instruction `pc`; else 0.
pub extern "C" fn stitch_guard_consumer(st: *mut JitState, code: u64, pc: u64) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    let n = vm.frames.len();
    let top = &vm.frames[n - 1];
    let inline = n >= 2
        && !top.entry
        && matches!(top.kind, crate::interpreter::FrameKind::Generator { exhausted_target: Some(_), sink: None, .. });
    if !inline {
        return 0;
    }
    let consumer = &vm.frames[n - 2];
    // (Not a frame `Vm::step` runs one instruction of, see `stitch_guard_caller`.)
    (n - 2 != vm.step_frame
        && consumer.code as *const crate::interpreter::code::CodeObject as u64 == code
        && consumer.pc as u64 == pc) as c_int
}

/// Reads the value at `sp[-back]`.
///
/// # Safety
/// `sp` must point just above at least `back` initialized values of the VM stack.
unsafe fn peek(sp: *mut Value, back: usize) -> Value {
    // SAFETY: per the function contract.
    unsafe { crate::runtime::value::load_value(sp.sub(back)) }
}

/// `YIELD_VALUE` in a generator that Rust code drains (`list(gen)`, `sum(genexpr)`, `any(...)`):
/// the sink takes the value and None is left as `send`'s result, as the interpreter does, and
/// returns 1; or returns 0 having done nothing when the generator is not being drained or the
/// sink does not take this value (the interpreter then suspends the generator).
pub extern "C" fn stitch_yield_to_sink(st: *mut JitState, sp: *mut Value) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    let Some(frame) = vm.frames.last() else { return 0 };
    let crate::interpreter::FrameKind::Generator { sink: Some(sink), .. } = frame.kind else { return 0 };
    // SAFETY: the stencil calls this with the yielded value on top of the stack.
    if !vm.sink_take(sink, unsafe { peek(sp, 1) }) {
        return 0;
    }
    // SAFETY: as above; the value was consumed and the yield's result (None) replaces it.
    unsafe { sp.sub(1).write(Value::None) };
    1
}

/// `GET_ITER` of a list, tuple or range: replaces it with a new iterator and returns 1; or
/// returns 0 having done nothing (anything else, which may run Python code).
pub extern "C" fn stitch_get_iter_sequence(st: *mut JitState, sp: *mut Value) -> c_int {
    // SAFETY: stencils pass their own `st`.
    let (_, vm) = unsafe { context(st) };
    // SAFETY: the stencil calls this with the iterable on top of the stack.
    let Value::Obj(o) = (unsafe { peek(sp, 1) }) else { return 0 };
    let state = match &o.kind {
        ObjKind::List(_) | ObjKind::Tuple(_) => IterState::Seq { seq: o, index: 0 },
        ObjKind::Range(r) => IterState::Range { next: r.start, stop: r.stop, step: r.step },
        _ => return 0,
    };
    // (No collection can happen before the interpreter next syncs the stack, which holds it.)
    let it = crate::runtime::iter::new_iter(vm, state);
    // SAFETY: sp[-1] is the iterable's slot.
    unsafe { sp.sub(1).write(it) };
    1
}

/// `FOR_ITER` at the end of a loop: returns 1 if the iterator on top (range, list, tuple, or
/// enumerate over a list) is exhausted, marking it so as the interpreter does; else 0, having
/// done nothing.
pub extern "C" fn stitch_for_iter_exhausted(sp: *mut Value) -> c_int {
    fn exhausted(state: &mut IterState) -> bool {
        let done = match state {
            IterState::Range { next, stop, step } => !(if *step > 0 { next < stop } else { next > stop }),
            IterState::Seq { seq, index } => match &seq.kind {
                ObjKind::List(items) => *index >= items.borrow().len(),
                ObjKind::Tuple(items) => *index >= items.len(),
                _ => false,
            },
            IterState::Exhausted => true,
            IterState::Enumerate { it: Value::Obj(inner), .. } => match &inner.kind {
                ObjKind::Iterator(inner) => match &mut *inner.borrow_mut() {
                    s @ IterState::Seq { .. } => exhausted(s),
                    IterState::Exhausted => true,
                    _ => false,
                },
                _ => false,
            },
            _ => false,
        };
        if done && matches!(state, IterState::Seq { .. }) {
            *state = IterState::Exhausted;
        }
        done
    }
    // SAFETY: the stencil calls this with the iterator on top of the stack.
    let Value::Obj(o) = (unsafe { peek(sp, 1) }) else { return 0 };
    let ObjKind::Iterator(state) = &o.kind else { return 0 };
    let done = exhausted(&mut state.borrow_mut());
    done as c_int
}
