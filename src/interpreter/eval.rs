//! The run loop: fetch, decode and execute instructions of the frames on the VM stack.
//!
//! `run` executes from the top frame until the frame it was entered with (the *entry* frame)
//! returns or yields. Python-to-Python calls push a frame and keep looping here; only Rust code
//! calling into Python starts a nested `run`. The hot state (code, pc, stack pointer, frame
//! base) lives in locals and is written back to the frame record and `Vm::sp` ("synced") before
//! anything that may run other code or collect garbage. Operands stay on the stack while such
//! helpers run, so the collector sees them.
//!
//! Ints, floats and bools get inline fast paths for arithmetic, comparisons and branches;
//! attribute access and global loads go through per-instruction inline caches keyed by shape,
//! class epoch and dict version. Safepoints (garbage collection) are the loop back-edge
//! (`JUMP_BACKWARD`) and function entry. Errors unwind through each code object's exception
//! table; frames without a handler get a traceback entry and are popped.

use crate::bytecode::{BinaryOp, CompareOp, Opcode};
use crate::runtime::attr;
use crate::runtime::int;
use crate::runtime::interner::sym;
use crate::runtime::iter as pyiter;
use crate::runtime::object::ObjKind;
use crate::runtime::opframes;
use crate::runtime::ops;
use crate::runtime::value::Value;

use super::code::{Cache, CodeObject};
use super::{Exit, Frame, FrameKind, PyErr, PyResult, Vm};

impl Vm {
    /// Runs from the top frame (which must be marked `entry`) until it returns or yields.
    pub fn run(&mut self) -> PyResult<Exit> {
        let st: *mut Value = self.stack_ptr();
        let mut fi;
        let mut frame: Frame;
        let mut code: &'static CodeObject;
        let mut pc;
        let mut sp;
        let mut base;

        // SAFETY (for every stack access below): `st` points to the VM stack, which is
        // allocated once and never moves or shrinks. Frames are only pushed after checking
        // that `base + frame_size` fits in the stack, and the compiler's `stacksize` bounds
        // how far `sp` rises above a frame's locals, so every index used is in bounds and
        // refers to an initialized `Value` (the stack is zero-initialized = `Null`).
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                unsafe { *st.add(sp) = v };
                sp += 1;
            }};
        }
        macro_rules! pop {
            () => {{
                sp -= 1;
                unsafe { load_value(st.add(sp)) }
            }};
        }
        macro_rules! peek {
            ($n:expr) => {
                unsafe { load_value(st.add(sp - $n)) }
            };
        }
        macro_rules! poke {
            ($n:expr, $v:expr) => {{
                let v = $v;
                unsafe { *st.add(sp - $n) = v };
            }};
        }
        macro_rules! local {
            ($i:expr) => {
                unsafe { load_value(st.add(base + $i as usize)) }
            };
        }
        macro_rules! set_local {
            ($i:expr, $v:expr) => {{
                let v = $v;
                unsafe { *st.add(base + $i as usize) = v };
            }};
        }
        // Writes the hot state back so helpers (and nested runs, and the collector) see it.
        macro_rules! sync {
            () => {{
                self.sp = sp;
                self.frames[fi].pc = pc;
                self.frames[fi].sp = sp;
            }};
        }
        // Reloads the hot state from the top frame record (all but the stack pointer, which
        // unwinding recomputes from the exception table).
        macro_rules! load_frame_for_unwind {
            () => {{
                fi = self.frames.len() - 1;
                frame = self.frames[fi];
                code = frame.code;
                pc = frame.pc;
                base = frame.base;
            }};
        }
        // Runs an operator's special method (a simple Python function, see `runtime::opframes`)
        // in a frame of its own: the `n` operands on top become its first locals in place and
        // its return replaces them. (After `sync!`.)
        macro_rules! operator_frame {
            ($method:expr, $n:expr, $kind:expr) => {{
                let method = $method;
                let ObjKind::Function(f) = &method.kind else { unreachable!() };
                let first = sp - $n;
                tri!(self.enter_function(method, f, first, first, $n, Value::Null, $kind, false));
                load_frame!();
                if self.heap.safepoint_due() {
                    sync!();
                    tri!(self.safepoint());
                }
                continue;
            }};
        }
        // Reloads the hot state from the top frame record.
        macro_rules! load_frame {
            () => {{
                load_frame_for_unwind!();
                sp = frame.sp;
            }};
        }

        load_frame!();
        // (Not when `step` runs one instruction of the frame for a trace.)
        // Where the last loop trace entered at a back-edge left (frame, instruction).
        let mut left_at = (usize::MAX, 0);
        // (Whether traces may be entered at all: a test the run loop's hot paths make first.)
        let jit_on = self.jit.is_some();
        let mut at_function_entry = self.jit.is_some()
            && frame.entry
            && pc == 0
            && matches!(frame.kind, FrameKind::Call)
            && !frame.func.is_null()
            && self.step_frame != fi;
        // A re-raise (`RERAISE`, bare `raise`) does not add a traceback entry for the frame
        // that re-raises, as in CPython.
        let mut reraise;
        'unwind: loop {
            reraise = false;
            let mut err: PyErr = 'op: {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op e,
                        }
                    };
                }
                // At a function's first instruction, in the frame just pushed for it: enter its
                // trace, or count the call toward recording one.
                macro_rules! function_entry {
                    () => {
                        if self.jit.is_some() {
                            match code.entry.get() {
                                Cache::NoTrace => {}
                                // (A recording follows the call itself.)
                                Cache::Trace(_) if self.recording => {}
                                Cache::Trace(id) => {
                                    sync!();
                                    let outcome = self.run_trace(id);
                                    load_frame!();
                                    if let Some(Err(e)) = outcome {
                                        reraise = std::mem::take(&mut self.step_reraise);
                                        break 'op e;
                                    }
                                }
                                other => {
                                    let n = match other {
                                        Cache::Counter(n) => n.wrapping_add(1),
                                        _ => 1,
                                    };
                                    // Twice the loops' threshold: a loop that
                                    // calls a function gets hot first, and its
                                    // trace follows the calls.
                                    let hot = self.jit_threshold.saturating_mul(2);
                                    if self.count_hit(&code.entry, n, hot) {
                                        sync!();
                                        self.with_jit(|jit, vm| jit.hot_function(vm));
                                    }
                                }
                            }
                        }
                    };
                }
                // A call that may have pushed a frame: continue in it, or push its result.
                macro_rules! after_call {
                    ($outcome:expr) => {
                        match tri!($outcome) {
                            super::call::CallOutcome::Value(v) => {
                                sp = self.sp;
                                push!(v);
                            }
                            super::call::CallOutcome::FramePushed => {
                                load_frame!();
                                if self.heap.safepoint_due() {
                                    sync!();
                                    tri!(self.safepoint());
                                }
                                if pc == 0 && matches!(frame.kind, FrameKind::Call) {
                                    function_entry!();
                                }
                            }
                        }
                    };
                }
                if let Some(e) = self.pending_throw.take() {
                    // `generator.throw`: raised at the `yield` the generator resumes from.
                    break 'op e;
                }
                if std::mem::take(&mut at_function_entry) {
                    // A function Rust code called (a callback of a built-in, a call a trace
                    // made through the runtime) enters its trace too.
                    function_entry!();
                }
                loop {
                    if self.slow_path {
                        if self.step_frame == fi {
                            if self.step_started {
                                sync!();
                                return Ok(Exit::Stepped);
                            }
                            self.step_started = true;
                        }
                        if self.recording {
                            sync!();
                            self.with_jit(|jit, vm| jit.record(vm));
                        }
                        if self.count_instructions {
                            self.count_instruction(code);
                        }
                    }
                    let instr = unsafe { *code.code.instrs.get_unchecked(pc) };
                    let arg = instr.arg;
                    pc += 1;
                    match instr.op {
                        Opcode::NOP => {}
                        Opcode::POP_TOP => {
                            sp -= 1;
                        }
                        Opcode::PUSH_NULL => push!(Value::Null),
                        Opcode::COPY => {
                            let v = peek!(arg as usize);
                            push!(v);
                        }
                        Opcode::SWAP => {
                            let n = arg as usize;
                            let a = peek!(1);
                            let b = peek!(n);
                            poke!(1, b);
                            poke!(n, a);
                        }
                        Opcode::LOAD_CONST => {
                            push!(unsafe { *code.consts.get_unchecked(arg as usize) })
                        }
                        Opcode::LOAD_FAST => {
                            let v = local!(arg);
                            if v.is_null() {
                                sync!();
                                break 'op self.unbound_local(code, arg as usize);
                            }
                            push!(v);
                        }
                        Opcode::STORE_FAST => {
                            let v = pop!();
                            set_local!(arg, v);
                        }
                        Opcode::LOAD_FAST_LOAD_FAST => {
                            let (a, b) = (arg >> 4, arg & 15);
                            let (va, vb) = (local!(a), local!(b));
                            if va.is_null() || vb.is_null() {
                                sync!();
                                break 'op self.unbound_local(code, if va.is_null() { a } else { b } as usize);
                            }
                            push!(va);
                            push!(vb);
                        }
                        Opcode::STORE_FAST_LOAD_FAST => {
                            let v = pop!();
                            set_local!(arg >> 4, v);
                            let vb = local!(arg & 15);
                            if vb.is_null() {
                                sync!();
                                break 'op self.unbound_local(code, (arg & 15) as usize);
                            }
                            push!(vb);
                        }
                        Opcode::STORE_FAST_STORE_FAST => {
                            let v = pop!();
                            set_local!(arg >> 4, v);
                            let w = pop!();
                            set_local!(arg & 15, w);
                        }
                        Opcode::DELETE_FAST => {
                            if local!(arg).is_null() {
                                sync!();
                                break 'op self.unbound_local(code, arg as usize);
                            }
                            set_local!(arg, Value::Null);
                        }
                        Opcode::LOAD_GLOBAL => {
                            let v = tri!(self.load_global_cached(code, pc - 1, frame.globals, arg >> 1));
                            push!(v);
                            if arg & 1 != 0 {
                                push!(Value::Null);
                            }
                        }
                        Opcode::STORE_GLOBAL => {
                            let v = peek!(1);
                            if !self.store_global_cached(code, pc - 1, frame.globals, v) {
                                let name = code.names[arg as usize];
                                sync!();
                                tri!(self.store_global(frame.globals, name, v));
                            }
                            sp -= 1;
                        }
                        Opcode::DELETE_GLOBAL => {
                            let name = code.names[arg as usize];
                            sync!();
                            tri!(self.delete_global(frame.globals, name));
                        }
                        Opcode::LOAD_NAME => {
                            // At module level the namespace is the globals: use their cache.
                            let v = if frame.locals_dict.is(Value::Obj(frame.globals)) {
                                tri!(self.load_global_cached(code, pc - 1, frame.globals, arg))
                            } else {
                                sync!();
                                tri!(self.load_name(&frame, code.names[arg as usize]))
                            };
                            push!(v);
                        }
                        Opcode::STORE_NAME => {
                            let v = peek!(1);
                            if !(frame.locals_dict.is(Value::Obj(frame.globals))
                                && self.store_global_cached(code, pc - 1, frame.globals, v))
                            {
                                let name = code.names[arg as usize];
                                sync!();
                                tri!(self.store_name(&frame, name, v));
                            }
                            sp -= 1;
                        }
                        Opcode::DELETE_NAME => {
                            let name = code.names[arg as usize];
                            sync!();
                            tri!(self.delete_name(&frame, name));
                        }
                        Opcode::MAKE_CELL => {
                            let slot = code.nlocals + arg as usize;
                            let init = match code.code.cell2arg.get(arg as usize) {
                                Some(Some(a)) => local!(*a),
                                _ => Value::Null,
                            };
                            let cell = self.alloc(ObjKind::Cell(std::cell::Cell::new(init)));
                            set_local!(slot, Value::Obj(cell));
                        }
                        Opcode::COPY_FREE_VARS => {
                            if let Value::Obj(f) = frame.func {
                                if let ObjKind::Function(func) = &f.kind {
                                    let first = code.nlocals + code.code.cellvars.len();
                                    for (i, c) in func.closure().iter().enumerate().take(arg as usize) {
                                        set_local!(first + i, *c);
                                    }
                                }
                            }
                        }
                        Opcode::LOAD_DEREF => {
                            let cell = local!(code.nlocals + arg as usize);
                            let v = cell_get(cell);
                            if v.is_null() {
                                sync!();
                                break 'op self.unbound_deref(code, arg as usize);
                            }
                            push!(v);
                        }
                        Opcode::STORE_DEREF => {
                            let v = pop!();
                            cell_set(local!(code.nlocals + arg as usize), v);
                        }
                        Opcode::DELETE_DEREF => {
                            cell_set(local!(code.nlocals + arg as usize), Value::Null);
                        }
                        Opcode::LOAD_CLOSURE => {
                            push!(local!(code.nlocals + arg as usize));
                        }
                        Opcode::LOAD_ATTR => {
                            let obj = peek!(1);
                            let cache = &code.caches[pc - 1];
                            if arg & 1 == 0 {
                                if let Some(v) = attr::load_attr_cached(self, obj, cache) {
                                    poke!(1, v);
                                    continue;
                                }
                                sync!();
                                let name = code.names[(arg >> 1) as usize];
                                let v = tri!(attr::load_attr_slow(self, obj, name, cache));
                                poke!(1, v);
                            } else {
                                if let Some((f, s)) = attr::load_method_cached(self, obj, cache) {
                                    poke!(1, f);
                                    push!(s);
                                    continue;
                                }
                                sync!();
                                let name = code.names[(arg >> 1) as usize];
                                let (f, s) = tri!(attr::load_method_slow(self, obj, name, cache));
                                poke!(1, f);
                                push!(s);
                            }
                        }
                        Opcode::STORE_ATTR => {
                            let obj = peek!(1);
                            let v = peek!(2);
                            let cache = &code.caches[pc - 1];
                            if !attr::store_attr_cached(obj, v, cache) {
                                sync!();
                                let name = code.names[arg as usize];
                                tri!(attr::store_attr_slow(self, obj, name, v, cache));
                            }
                            sp -= 2;
                        }
                        Opcode::DELETE_ATTR => {
                            let obj = peek!(1);
                            sync!();
                            tri!(attr::delattr(self, obj, code.names[arg as usize]));
                            sp -= 1;
                        }
                        Opcode::LOAD_ASSERTION_ERROR => {
                            push!(Value::Obj(self.types.assertion_error));
                        }
                        Opcode::LOAD_BUILD_CLASS => {
                            push!(self.build_class_fn());
                        }
                        Opcode::UNARY_NEGATIVE => {
                            let v = peek!(1);
                            let r = match v {
                                Value::Int(i) if i != i64::MIN => Value::Int(-i),
                                Value::Float(x) => Value::Float(-x),
                                _ => {
                                    sync!();
                                    if let Some(method) = opframes::unary_frame_callee(sym::NEG, v) {
                                        operator_frame!(method, 1, FrameKind::Call);
                                    }
                                    tri!(ops::negative(self, v))
                                }
                            };
                            poke!(1, r);
                        }
                        Opcode::UNARY_POSITIVE => {
                            let v = peek!(1);
                            sync!();
                            if let Some(method) = opframes::unary_frame_callee(sym::POS, v) {
                                operator_frame!(method, 1, FrameKind::Call);
                            }
                            let r = tri!(ops::positive(self, v));
                            poke!(1, r);
                        }
                        Opcode::UNARY_INVERT => {
                            let v = peek!(1);
                            sync!();
                            if let Some(method) = opframes::unary_frame_callee(sym::INVERT, v) {
                                operator_frame!(method, 1, FrameKind::Call);
                            }
                            let r = tri!(ops::invert(self, v));
                            poke!(1, r);
                        }
                        Opcode::UNARY_NOT => {
                            let v = peek!(1);
                            let b = match v {
                                Value::Bool(b) => b,
                                _ => {
                                    sync!();
                                    tri!(ops::truthy(self, v))
                                }
                            };
                            poke!(1, Value::Bool(!b));
                        }
                        Opcode::BINARY_OP => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match int::fast_binary(arg, a, b) {
                                Some(r) => r,
                                None => {
                                    sync!();
                                    if let Some(method) = opframes::binary_frame_callee(arg, a) {
                                        operator_frame!(method, 2, FrameKind::Binary(arg));
                                    }
                                    tri!(ops::binary_op_arg(self, arg, a, b))
                                }
                            };
                            sp -= 1;
                            poke!(1, r);
                        }
                        Opcode::COMPARE_OP => {
                            let b = peek!(1);
                            let a = peek!(2);
                            let r = match (a, b) {
                                (Value::Int(x), Value::Int(y)) => Value::Bool(compare_primitive(arg, x, y)),
                                (Value::Float(x), Value::Float(y)) => Value::Bool(compare_primitive(arg, x, y)),
                                _ => {
                                    sync!();
                                    let op = CompareOp::from_arg(arg).unwrap_or(CompareOp::Eq);
                                    tri!(ops::compare(self, op, a, b))
                                }
                            };
                            sp -= 1;
                            poke!(1, r);
                        }
                        Opcode::IS_OP => {
                            let b = pop!();
                            let a = peek!(1);
                            poke!(1, Value::Bool(a.is(b) != (arg == 1)));
                        }
                        Opcode::CONTAINS_OP => {
                            let container = peek!(1);
                            let item = peek!(2);
                            sync!();
                            let r = tri!(self.op_contains(arg, item, container));
                            sp -= 1;
                            poke!(1, r);
                        }
                        Opcode::BINARY_SUBSCR => {
                            let key = peek!(1);
                            let obj = peek!(2);
                            let r = match ops::fast_getitem(obj, key) {
                                Some(v) => v,
                                None => {
                                    sync!();
                                    tri!(self.op_subscr(obj, key))
                                }
                            };
                            sp -= 1;
                            poke!(1, r);
                        }
                        Opcode::STORE_SUBSCR => {
                            let key = peek!(1);
                            let obj = peek!(2);
                            let v = peek!(3);
                            if !ops::fast_setitem(obj, key, v) {
                                sync!();
                                tri!(self.op_store_subscr(obj, key, v));
                            }
                            sp -= 3;
                        }
                        Opcode::DELETE_SUBSCR => {
                            let key = peek!(1);
                            let obj = peek!(2);
                            sync!();
                            tri!(ops::delitem(self, obj, key));
                            sp -= 2;
                        }
                        Opcode::BUILD_TUPLE => {
                            let n = arg as usize;
                            let items = unsafe { std::slice::from_raw_parts(st.add(sp - n), n) };
                            let t = self.new_tuple(items.to_vec());
                            sp -= n;
                            push!(t);
                        }
                        Opcode::BUILD_LIST => {
                            let n = arg as usize;
                            let items = unsafe { std::slice::from_raw_parts(st.add(sp - n), n) };
                            let l = self.new_list(items.to_vec());
                            sp -= n;
                            push!(l);
                        }
                        Opcode::BUILD_SET => {
                            let n = arg as usize;
                            sync!();
                            let items = self.stack_slice(sp - n, sp).to_vec();
                            let s = tri!(crate::runtime::setops::new_set_from(self, &items));
                            sp -= n;
                            push!(s);
                        }
                        Opcode::BUILD_MAP => {
                            let n = arg as usize;
                            sync!();
                            let d = tri!(self.op_build_map(sp - 2 * n, n));
                            sp -= 2 * n;
                            push!(d);
                        }
                        Opcode::BUILD_STRING => {
                            let n = arg as usize;
                            let v = self.op_build_string(sp - n, n);
                            sp -= n;
                            push!(v);
                        }
                        Opcode::BUILD_SLICE => {
                            let (a, b, c) = if arg == 3 {
                                (peek!(3), peek!(2), peek!(1))
                            } else {
                                (peek!(2), peek!(1), Value::None)
                            };
                            let s = self.op_build_slice(a, b, c);
                            sp -= arg as usize;
                            push!(s);
                        }
                        Opcode::LIST_APPEND => {
                            let v = peek!(1);
                            Vm::op_list_append(peek!(1 + arg as usize), v);
                            sp -= 1;
                        }
                        Opcode::SET_ADD => {
                            let v = peek!(1);
                            let set = peek!(1 + arg as usize);
                            sync!();
                            tri!(crate::runtime::setops::add(self, set, v));
                            sp -= 1;
                        }
                        Opcode::MAP_ADD => {
                            let v = peek!(1);
                            let k = peek!(2);
                            let d = peek!(2 + arg as usize);
                            sync!();
                            if let Some(d) = d.as_obj() {
                                tri!(crate::runtime::dictops::set(self, d, k, v));
                            }
                            sp -= 2;
                        }
                        Opcode::LIST_EXTEND => {
                            let it = peek!(1);
                            let list = peek!(1 + arg as usize);
                            sync!();
                            let items = tri!(pyiter::collect(self, it));
                            if let Some(l) = list.obj().and_then(|o| o.as_list()) {
                                l.borrow_mut().extend(items);
                            }
                            sp -= 1;
                        }
                        Opcode::SET_UPDATE => {
                            let it = peek!(1);
                            let set = peek!(1 + arg as usize);
                            sync!();
                            tri!(crate::runtime::setops::update(self, set, it));
                            sp -= 1;
                        }
                        Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                            let src = peek!(1);
                            let d = peek!(1 + arg as usize);
                            sync!();
                            // DICT_MERGE builds the keywords of CALL_FUNCTION_EX, whose
                            // callable sits below [self_or_null, args, kwargs].
                            let merge = (instr.op == Opcode::DICT_MERGE && sp >= arg as usize + 4)
                                .then(|| peek!(arg as usize + 4));
                            tri!(crate::runtime::dictops::update_from(self, d, src, merge));
                            sp -= 1;
                        }
                        Opcode::LIST_TO_TUPLE => {
                            let l = peek!(1);
                            let items = match l.obj().and_then(|o| o.as_list()) {
                                Some(l) => l.borrow().clone(),
                                None => Vec::new(),
                            };
                            let t = self.new_tuple(items);
                            poke!(1, t);
                        }
                        Opcode::UNPACK_SEQUENCE => {
                            let v = peek!(1);
                            let n = arg as usize;
                            // Tuples and lists of the right length unpack without allocating.
                            if let Value::Obj(o) = v {
                                let done = match &o.kind {
                                    ObjKind::Tuple(t) if t.len() == n => {
                                        sp -= 1;
                                        for item in t.iter().rev() {
                                            push!(*item);
                                        }
                                        true
                                    }
                                    ObjKind::List(l) if l.borrow().len() == n => {
                                        sp -= 1;
                                        for item in l.borrow().iter().rev() {
                                            push!(*item);
                                        }
                                        true
                                    }
                                    _ => false,
                                };
                                if done {
                                    continue;
                                }
                            }
                            sync!();
                            let items = tri!(pyiter::unpack(self, v, arg as usize));
                            sp -= 1;
                            for item in items.into_iter().rev() {
                                push!(item);
                            }
                        }
                        Opcode::UNPACK_EX => {
                            let v = peek!(1);
                            sync!();
                            let before = (arg & 0xff) as usize;
                            let after = (arg >> 8) as usize;
                            let items = tri!(pyiter::unpack_ex(self, v, before, after));
                            sp -= 1;
                            for item in items.into_iter().rev() {
                                push!(item);
                            }
                        }
                        Opcode::FORMAT_VALUE => {
                            let (v, spec) = if arg & 4 != 0 { (peek!(2), peek!(1)) } else { (peek!(1), Value::Null) };
                            sync!();
                            let s = tri!(crate::runtime::strings::format_value(self, v, arg & 3, spec));
                            if arg & 4 != 0 {
                                sp -= 1;
                            }
                            poke!(1, s);
                        }
                        Opcode::JUMP_FORWARD => {
                            pc = arg as usize;
                        }
                        Opcode::JUMP_BACKWARD => {
                            let back_edge = pc - 1;
                            let cache = &code.caches[back_edge][0];
                            // (Before jumping: a KeyboardInterrupt raised here is at the
                            // back-edge, the loop's line, as in CPython.)
                            if self.heap.safepoint_due() {
                                sync!();
                                tri!(self.safepoint());
                            }
                            pc = arg as usize;
                            match cache.get() {
                                Cache::Trace(id) => {
                                    // (Not while recording: a trace run from a call the
                                    // recording steps over could return into the recorded
                                    // frame behind the recorder's back.)
                                    if self.jit.is_some() && !self.recording {
                                        sync!();
                                        let outcome = self.run_trace(id);
                                        load_frame!();
                                        left_at = (fi, pc);
                                        if let Some(Err(e)) = outcome {
                                            // Raised by a bytecode the trace ran through the
                                            // interpreter; the frame's pc is past it.
                                            reraise = std::mem::take(&mut self.step_reraise);
                                            break 'op e;
                                        }
                                    }
                                }
                                Cache::NoTrace => {}
                                other => {
                                    let n = match other {
                                        Cache::Counter(n) => n.wrapping_add(1),
                                        _ => 1,
                                    };
                                    if self.count_hit(cache, n, self.jit_threshold) {
                                        sync!();
                                        self.with_jit(|jit, vm| jit.hot_loop(vm, back_edge));
                                    }
                                }
                            }
                        }
                        Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                            let v = peek!(1);
                            let b = match v {
                                Value::Bool(b) => b,
                                Value::Int(i) => i != 0,
                                Value::None => false,
                                _ => {
                                    sync!();
                                    tri!(ops::truthy(self, v))
                                }
                            };
                            sp -= 1;
                            if b == (instr.op == Opcode::POP_JUMP_IF_TRUE) {
                                pc = arg as usize;
                            }
                        }
                        Opcode::POP_JUMP_IF_NONE => {
                            if pop!().is_none() {
                                pc = arg as usize;
                            }
                        }
                        Opcode::POP_JUMP_IF_NOT_NONE => {
                            if !pop!().is_none() {
                                pc = arg as usize;
                            }
                        }
                        Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                            let v = peek!(1);
                            let b = match v {
                                Value::Bool(b) => b,
                                _ => {
                                    sync!();
                                    tri!(ops::truthy(self, v))
                                }
                            };
                            if b == (instr.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                                pc = arg as usize;
                            } else {
                                sp -= 1;
                            }
                        }
                        Opcode::GET_ITER => {
                            let v = peek!(1);
                            sync!();
                            let it = tri!(pyiter::get_iter(self, v));
                            poke!(1, it);
                        }
                        Opcode::FOR_ITER => {
                            // A loop with a trace is entered at its header on arrival too, not
                            // only at the back-edge (its first iteration in machine code) — but
                            // not again where a trace just left.
                            if let (true, Cache::Trace(id)) = (jit_on, code.caches[pc - 1][0].get()) {
                                let header = (fi, pc - 1);
                                if self.jit.is_some() && !self.recording && left_at != header {
                                    pc -= 1;
                                    sync!();
                                    if self.count_instructions {
                                        self.uncount_instruction(code);
                                    }
                                    let outcome = self.run_trace(id);
                                    load_frame!();
                                    if let Some(Err(e)) = outcome {
                                        reraise = std::mem::take(&mut self.step_reraise);
                                        break 'op e;
                                    }
                                    // Left where it started: the FOR_ITER runs again, in the
                                    // interpreter (a recording that started must see it).
                                    left_at = (fi, pc);
                                    continue;
                                }
                                left_at = (usize::MAX, 0);
                            }
                            let it = peek!(1);
                            if let Value::Obj(o) = it {
                                match &o.kind {
                                    ObjKind::Iterator(state) => {
                                        let next = pyiter::next_builtin_fast(&mut state.borrow_mut());
                                        match next {
                                            Some(Some(v)) => {
                                                push!(v);
                                                continue;
                                            }
                                            Some(None) => {
                                                sp -= 1;
                                                pc = arg as usize;
                                                continue;
                                            }
                                            None => {}
                                        }
                                    }
                                    ObjKind::Generator(_) => {
                                        sync!();
                                        match tri!(self.resume_generator_inline(o, arg)) {
                                            Some(()) => {
                                                load_frame!();
                                            }
                                            None => {
                                                sp -= 1;
                                                pc = arg as usize;
                                            }
                                        }
                                        continue;
                                    }
                                    _ => {}
                                }
                            }
                            sync!();
                            match tri!(pyiter::next(self, it)) {
                                Some(v) => push!(v),
                                None => {
                                    sp -= 1;
                                    pc = arg as usize;
                                }
                            }
                        }
                        Opcode::MAKE_FUNCTION => {
                            sync!();
                            let f = tri!(self.make_function(arg, sp, frame.globals));
                            sp = self.sp;
                            push!(f);
                        }
                        Opcode::KW_NAMES => {
                            // Consumed by the CALL that follows.
                        }
                        Opcode::CALL => {
                            let argc = arg as usize;
                            // Fast path: a plain Python function called with exactly its
                            // positional parameters enters without the generic call dispatch;
                            // the arguments become its locals in place.
                            if let Value::Obj(callee) = peek!(argc + 2) {
                                if let ObjKind::Function(f) = &callee.kind {
                                    let has_self = !peek!(argc + 1).is_null();
                                    let nargs = argc + has_self as usize;
                                    let no_kwnames = pc < 2 || code.code.instrs[pc - 2].op != Opcode::KW_NAMES;
                                    if f.simple && no_kwnames && nargs == f.code.code.argcount as usize {
                                        sync!();
                                        let (result_pos, start) = (sp - argc - 2, sp - nargs);
                                        tri!(self.enter_function(
                                            callee,
                                            f,
                                            result_pos,
                                            start,
                                            nargs,
                                            Value::Null,
                                            FrameKind::Call,
                                            false
                                        ));
                                        load_frame!();
                                        if self.heap.safepoint_due() {
                                            sync!();
                                            tri!(self.safepoint());
                                        }
                                        function_entry!();
                                        continue;
                                    }
                                }
                            }
                            let kwnames = if pc >= 2 && code.code.instrs[pc - 2].op == Opcode::KW_NAMES {
                                code.consts[code.code.instrs[pc - 2].arg as usize]
                            } else {
                                Value::Null
                            };
                            sync!();
                            after_call!(self.call_from_stack(sp - argc - 2, argc, kwnames));
                        }
                        Opcode::CALL_FUNCTION_EX => {
                            sync!();
                            after_call!(self.call_function_ex(sp, arg & 1 != 0));
                        }
                        Opcode::RETURN_VALUE | Opcode::RETURN_CONST => {
                            let v = if instr.op == Opcode::RETURN_VALUE { pop!() } else { code.consts[arg as usize] };
                            let done = self.frames.pop().unwrap_or(frame);
                            let result = match done.kind {
                                FrameKind::Call => v,
                                FrameKind::Init(instance) => {
                                    if !v.is_none() {
                                        self.sp = done.base;
                                        let tn = ops::type_name(self, v);
                                        let e = self.new_error(
                                            self.types.type_error,
                                            &format!("__init__() should return None, not '{tn}'"),
                                        );
                                        // The error belongs to the caller's frame.
                                        if done.entry {
                                            return Err(e);
                                        }
                                        load_frame_for_unwind!();
                                        break 'op e;
                                    }
                                    instance
                                }
                                FrameKind::Binary(arg) if self.is_not_implemented(v) => {
                                    // The operands are still the method's first two locals
                                    // (and stay on the stack, rooted, while the rest runs).
                                    let (a, b) = (self.slot(done.base), self.slot(done.base + 1));
                                    self.sp = done.base + 2;
                                    load_frame_for_unwind!();
                                    let (op, inplace) = BinaryOp::from_arg(arg).unwrap_or((BinaryOp::Add, false));
                                    match ops::binary_op_reflected(self, op, inplace, a, b) {
                                        Ok(r) => r,
                                        // The error belongs to the caller's frame.
                                        Err(e) => {
                                            self.sp = done.base;
                                            break 'op e;
                                        }
                                    }
                                }
                                FrameKind::Binary(_) => v,
                                FrameKind::Generator { gen, exhausted_target, .. } => {
                                    self.finish_generator(gen);
                                    if done.entry {
                                        return Ok(Exit::Return(v));
                                    }
                                    load_frame!();
                                    match exhausted_target {
                                        Some(target) => {
                                            sp -= 1;
                                            pc = target as usize;
                                        }
                                        None => push!(v),
                                    }
                                    continue;
                                }
                            };
                            if done.entry {
                                self.sp = done.base;
                                return Ok(Exit::Return(result));
                            }
                            load_frame!();
                            push!(result);
                        }
                        Opcode::RETURN_GENERATOR => {
                            sync!();
                            let g = self.make_generator(&frame, sp, pc);
                            let done = self.frames.pop().unwrap_or(frame);
                            if done.entry {
                                self.sp = done.base;
                                return Ok(Exit::Return(g));
                            }
                            load_frame!();
                            push!(g);
                        }
                        Opcode::YIELD_VALUE => {
                            let v = pop!();
                            if let FrameKind::Generator { sink: Some(sink), .. } = frame.kind {
                                // Drained by Rust code: the sink takes the value, the generator
                                // keeps running.
                                if self.sink_take(sink, v) {
                                    push!(Value::None);
                                    continue;
                                }
                            }
                            sync!();
                            let done = self.suspend_generator(&frame, sp, pc);
                            if done.entry {
                                return Ok(Exit::Yield(v));
                            }
                            load_frame!();
                            push!(v);
                        }
                        Opcode::GET_YIELD_FROM_ITER => {
                            let v = peek!(1);
                            if !matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Generator(_))) {
                                sync!();
                                let it = tri!(pyiter::get_iter(self, v));
                                poke!(1, it);
                            }
                        }
                        Opcode::SEND => {
                            let (receiver, v) = (peek!(2), peek!(1));
                            sync!();
                            match tri!(self.send_into(receiver, v)) {
                                super::generator::Sent::Yielded(y) => poke!(1, y),
                                super::generator::Sent::Returned(r) => {
                                    sp -= 1;
                                    poke!(1, r);
                                    pc = arg as usize;
                                }
                            }
                        }
                        Opcode::JUMP_BACKWARD_NO_INTERRUPT => pc = arg as usize,
                        Opcode::CLEANUP_THROW => {
                            let exc = pop!();
                            let Some(e) = exc.as_obj() else {
                                break 'op self.new_error(self.types.system_error, "bad CLEANUP_THROW");
                            };
                            if !self.isinstance(exc, self.types.stop_iteration) {
                                sync!();
                                reraise = true;
                                break 'op PyErr(e);
                            }
                            poke!(1, self.stop_iteration_value(e));
                        }
                        Opcode::BEFORE_WITH => {
                            let mgr = peek!(1);
                            sync!();
                            let exit = tri!(self.with_exit(mgr));
                            // (The bound `__exit__` keeps the manager alive.)
                            poke!(1, exit);
                            push!(mgr);
                            sync!();
                            let entered = tri!(self.with_enter(mgr));
                            poke!(1, entered);
                        }
                        Opcode::WITH_EXCEPT_START => {
                            let (exit, exc) = (peek!(3), peek!(1));
                            sync!();
                            let r = tri!(self.with_except_start(exit, exc));
                            push!(r);
                        }
                        Opcode::MATCH_MAPPING => {
                            let v = peek!(1);
                            push!(Value::Bool(crate::runtime::matching::is_mapping(v)));
                        }
                        Opcode::MATCH_SEQUENCE => {
                            let v = peek!(1);
                            push!(Value::Bool(crate::runtime::matching::is_sequence(v)));
                        }
                        Opcode::PRINT_EXPR => {
                            let v = peek!(1);
                            sync!();
                            tri!(crate::runtime::stdio::display(self, v));
                            let _ = pop!();
                        }
                        Opcode::GET_LEN => {
                            let v = peek!(1);
                            sync!();
                            let n = tri!(ops::len(self, v));
                            push!(Value::Int(n as i64));
                        }
                        Opcode::MATCH_KEYS => {
                            let (subject, keys) = (peek!(2), peek!(1));
                            sync!();
                            let values = tri!(crate::runtime::matching::match_keys(self, subject, keys));
                            push!(values);
                        }
                        Opcode::MATCH_CLASS => {
                            let (subject, cls, kwnames) = (peek!(3), peek!(2), peek!(1));
                            sync!();
                            let r =
                                tri!(crate::runtime::matching::match_class(self, subject, cls, arg as usize, kwnames));
                            sp -= 2;
                            poke!(1, r);
                        }
                        Opcode::COPY_DICT_WITHOUT_KEYS => {
                            let (subject, keys) = (peek!(2), peek!(1));
                            sync!();
                            let rest = tri!(crate::runtime::matching::dict_without_keys(self, subject, keys));
                            poke!(1, rest);
                        }
                        Opcode::PUSH_EXC_INFO => {
                            let exc = peek!(1);
                            let prev = self.handled_exc;
                            poke!(1, prev);
                            push!(exc);
                            self.handled_exc = exc;
                        }
                        Opcode::POP_EXCEPT => {
                            self.handled_exc = pop!();
                        }
                        Opcode::CHECK_EXC_MATCH => {
                            let ty = peek!(1);
                            let exc = peek!(2);
                            sync!();
                            let m = tri!(ops::exception_matches(self, exc, ty));
                            poke!(1, Value::Bool(m));
                        }
                        Opcode::RERAISE => {
                            let exc = pop!();
                            sync!();
                            reraise = true;
                            match exc.as_obj() {
                                Some(e) => break 'op PyErr(e),
                                None => break 'op self.new_error(self.types.runtime_error, "bad RERAISE"),
                            }
                        }
                        Opcode::RAISE_VARARGS => {
                            sync!();
                            reraise = arg == 0;
                            let e = match arg {
                                0 => self.reraise_handled(),
                                1 => self.make_raise(peek!(1), None),
                                _ => self.make_raise(peek!(2), Some(peek!(1))),
                            };
                            break 'op e;
                        }
                        Opcode::IMPORT_NAME => {
                            let name = code.names[arg as usize];
                            let from = !peek!(1).is_none();
                            sync!();
                            let m = tri!(crate::runtime::modules::import_dotted(self, name, from));
                            sp -= 2;
                            push!(m);
                        }
                        Opcode::CALL_INTRINSIC_1 => {
                            let v = peek!(1);
                            sync!();
                            tri!(crate::runtime::modules::import_star(self, &frame, v));
                            sp -= 1;
                            push!(Value::None);
                        }
                        Opcode::IMPORT_FROM => {
                            let m = peek!(1);
                            let name = code.names[arg as usize];
                            sync!();
                            let v = tri!(crate::runtime::modules::import_from(self, m, name));
                            push!(v);
                        }
                    }
                }
            };
            if !reraise && !self.handled_exc.is_none() {
                // Raised while another is handled: that one is its context.
                self.chain_context(err);
            }

            // An exception stops a recording once it reaches the frame recorded in (one raised
            // and handled inside a call the recording steps over does not concern it).
            if self.recording && fi <= self.recording_frame {
                self.with_jit(|jit, vm| jit.abort_recording(vm));
            }
            // Unwinding: find a handler in the current frame, or pop it and try the caller.
            loop {
                if fi == self.step_frame {
                    // A stepped instruction raised: its caller (a trace) decides what follows.
                    self.frames[fi].pc = pc;
                    self.step_reraise = reraise;
                    return Err(err);
                }
                let failed_pc = pc.saturating_sub(1);
                if !reraise {
                    self.add_traceback(err, code, failed_pc);
                }
                reraise = false;
                if let Some(entry) = code.code.handler_for(failed_pc as u32) {
                    sp = base + code.nlocalsplus + entry.depth as usize;
                    push!(Value::Obj(err.0));
                    pc = entry.target as usize;
                    continue 'unwind;
                }
                let done = self.frames.pop().unwrap_or(frame);
                if let FrameKind::Generator { gen, .. } = done.kind {
                    self.finish_generator(gen);
                    err = self.stop_iteration_escaped(err);
                }
                if done.entry {
                    self.sp = done.base;
                    return Err(err);
                }
                load_frame_for_unwind!();
                if self.recording && fi <= self.recording_frame {
                    self.with_jit(|jit, vm| jit.abort_recording(vm));
                }
            }
        }
    }

    /// Stores count `n` in a JIT counter cache (a back-edge's or a function entry's) and says
    /// whether the JIT should be called now: at `threshold`, unless a recording or a trace is
    /// running; then the count stays one short, to ask again at the next hit.
    #[inline]
    fn count_hit(&self, cache: &std::cell::Cell<Cache>, n: u32, threshold: u32) -> bool {
        let deferred = n == threshold && (self.recording || self.jit.is_none());
        cache.set(Cache::Counter(if deferred { n - 1 } else { n }));
        n == threshold && !deferred
    }

    /// Pushes a frame for `code` whose locals start at `base` (arguments already in place up to
    /// `filled`); the rest of the locals are cleared.
    pub fn push_frame(&mut self, frame: Frame, filled: usize) -> PyResult<()> {
        if !self.frames.has_room() {
            return Err(self.new_error(self.types.recursion_error, "maximum recursion depth exceeded"));
        }
        let code = frame.code;
        if frame.base + code.frame_size() + 8 >= self.stack_len() {
            return Err(self.new_error(self.types.recursion_error, "maximum recursion depth exceeded"));
        }
        for i in filled..code.nlocalsplus {
            self.set_slot(frame.base + i, Value::Null);
        }
        self.frames.push(frame);
        Ok(())
    }
}

use crate::runtime::value::load_value;

use super::opcodes::{cell_get, cell_set, compare_primitive};
