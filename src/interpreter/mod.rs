//! The virtual machine: interpreter state, the VM stack of frames, and the run loop's helpers.
//!
//! All frames of a run live on one contiguous VM stack allocated once (so it never moves and
//! its slots can be addressed by pointer, as the JIT will): a frame's fast locals start at
//! `Frame::base`, its value stack follows them, and a call's arguments become the callee's
//! first locals in place. Frame records (code, pc, stack pointer, ...) sit beside it in
//! `frames`. Calls from Python to Python push a frame and continue in the same loop
//! ([`eval`]); Rust code calls back into Python with [`Vm::call`], which runs a nested loop on
//! the same stack. Depth is bounded by the recursion limit, never by the native stack.
//!
//! Errors are `Result`s carrying the exception object ([`PyErr`]); the loop unwinds them
//! through each code object's exception table and records traceback entries on the way.

pub mod call;
pub mod code;
pub mod eval;
pub mod exec;
pub mod frames;
pub mod gc;
pub mod generator;
pub mod globals;
pub mod interrupt;
pub mod opcodes;
pub mod traceback;
pub mod with;

use std::collections::HashMap;

use crate::bytecode::{Code, Const};
use crate::runtime::heap::Heap;
use crate::runtime::interner::{Interner, Sym, WELL_KNOWN};
use crate::runtime::object::ObjKind;
use crate::runtime::random::Mt19937;
use crate::runtime::types::Types;
use crate::runtime::value::{ObjRef, Value};
use code::CodeObject;

/// A raised Python exception (the exception instance).
#[derive(Clone, Copy, Debug)]
pub struct PyErr(pub ObjRef);

pub type PyResult<T> = Result<T, PyErr>;

/// What happens when a frame returns.
#[derive(Clone, Copy, Debug)]
pub enum FrameKind {
    /// An ordinary call: the return value replaces the callable on the caller's stack.
    Call,
    /// `__init__` run by a class call: the instance, not the return value, is the result.
    Init(Value),
    /// An operator's special method run by `BINARY_OP arg` (`runtime::opframes`): the return
    /// value replaces the two operands, and `NotImplemented` finishes the protocol.
    Binary(u32),
    /// A generator's frame. When resumed by `FOR_ITER` in the interpreter, exhaustion pops the
    /// iterator in the caller and jumps to `exhausted_target`. With `sink`, the generator is
    /// being drained by Rust code (`list(gen)`, `sum(genexpr)`, `any(...)`): each yielded value
    /// the sink takes ([`Vm::sink_take`]) is consumed there and the generator runs on without
    /// suspending; one it does not take suspends the generator as usual.
    Generator { gen: ObjRef, exhausted_target: Option<u32>, sink: Option<Sink> },
}

/// What a built-in that drains a generator does with each value it yields, without the
/// generator suspending ([`Vm::generator_drain`]).
#[derive(Clone, Copy, Debug)]
pub enum Sink {
    /// Append it to this list (`list(gen)`, `sorted(gen)`, `max(gen)`, ...).
    List(ObjRef),
    /// Add it to the total this cell holds (`sum(gen)`), while both are ints or floats.
    Sum(ObjRef),
    /// Go on while its truth is known without Python code and is not this one (`any(gen)`
    /// stops at a true value, `all(gen)` at a false one).
    Until(bool),
}

/// A frame record. Its slots are `stack[base .. base + nlocalsplus]` (locals, cells, free
/// variables) followed by its value stack up to `sp`. `#[repr(C)]`: the JIT's stencils write
/// records (C: `Frame`).
#[derive(Clone, Copy)]
#[repr(C)]
pub struct Frame {
    pub code: &'static CodeObject,
    /// The running function, or `Null` for module and class-body code.
    pub func: Value,
    /// The module dict globals resolve in.
    pub globals: ObjRef,
    /// Namespace of `LOAD_NAME`/`STORE_NAME` (module dict or class namespace), else `Null`.
    pub locals_dict: Value,
    pub base: usize,
    /// Stack pointer, saved while another frame runs.
    pub sp: usize,
    /// Next instruction, saved while another frame runs.
    pub pc: usize,
    pub kind: FrameKind,
    /// Whether returning from this frame leaves the current `run` (it was entered from Rust).
    pub entry: bool,
}

/// How a `run` ended: the entry frame returned or (a generator) yielded, or (only for
/// [`Vm::step`]) the one instruction asked for was executed.
#[derive(Clone, Copy, Debug)]
pub enum Exit {
    Return(Value),
    Yield(Value),
    Stepped,
}

/// Number of value slots in the VM stack (16 bytes each; untouched pages cost nothing).
const STACK_SLOTS: usize = 4 << 20;
/// Slots at the end of the VM stack that no frame reserves: machine code may hold up to this many
/// values more than the interpreter would at the same point (the items of a tuple the optimizer
/// kept virtual stand where the tuple would be one value), even in the last frame that fits.
pub const STACK_SLACK: usize = 64;
/// Hard ceiling for `sys.setrecursionlimit`.
pub const MAX_RECURSION_LIMIT: usize = 100_000;

/// What the interpreter calls the JIT for: the only way it knows the JIT. All calls happen with
/// the top frame synced (its `pc` and `sp` are current).
pub trait JitHook {
    /// The back-edge `JUMP_BACKWARD` at instruction `back_edge` of the top frame became hot; the
    /// frame's `pc` is the loop header it jumps to.
    fn hot_loop(&mut self, vm: &mut Vm, back_edge: usize);
    /// The function whose frame was just pushed on top (by the interpreter's `CALL`, at `pc` 0)
    /// became hot (it was called twice `Vm::jit_threshold` times).
    fn hot_function(&mut self, vm: &mut Vm);
    /// Called before each instruction while `Vm::recording` is set (`pc` is that instruction).
    fn record(&mut self, vm: &mut Vm);
    /// An exception interrupted the recording.
    fn abort_recording(&mut self, vm: &mut Vm);
    /// Makes compiled trace `id` (of a loop or a function) ready to run from the top frame's
    /// state; `None` if there is no such trace.
    fn prepare(&mut self, vm: &mut Vm, id: u32) -> Option<TraceRun>;
    /// The trace `run` returned `left` (see [`TraceRun::entry`]). On return the top frame's
    /// `pc` and `sp` are where the interpreter resumes (also on error, with the exception
    /// returned).
    fn leave(&mut self, vm: &mut Vm, run: TraceRun, left: usize) -> PyResult<()>;
    /// The program ended (statistics are printed here).
    fn finish(&mut self, vm: &mut Vm);
    /// The statistics `--stats` prints at the end, so far (the prompt's `:stats`).
    fn statistics(&mut self, vm: &mut Vm) -> String;
    /// From now on: each trace compiled is dumped (as optimized and as machine code) into
    /// `log` instead of stderr, and statistics are counted, printed at the end only if the
    /// options asked (the prompt's `:trace`, `:asm` and `:stats`).
    fn keep_dumps(&mut self, vm: &mut Vm, log: std::sync::Arc<std::sync::Mutex<String>>);
}

/// A trace the JIT made ready to run ([`JitHook::prepare`]). The interpreter runs it with the JIT
/// back in place, so that Python code the trace calls back into (through the runtime) can enter
/// traces of its own, at any depth.
#[derive(Clone, Copy, Debug)]
pub struct TraceRun {
    /// The trace's machine code: called with the top frame's first local, its stack pointer
    /// and `state`; returns what the JIT's [`JitHook::leave`] needs to know how it left.
    pub entry: unsafe extern "C" fn(*mut Value, *mut Value, *mut std::ffi::c_void) -> usize,
    /// The state the trace and its helpers share (one per trace running, nested or not).
    pub state: *mut std::ffi::c_void,
}

pub struct Vm {
    /// The JIT, if enabled (see [`JitHook`]); taken out while it is called (not while its
    /// traces run).
    pub jit: Option<Box<dyn JitHook>>,
    /// Back-edge count at which the JIT is called for a loop.
    pub jit_threshold: u32,
    /// While recording: the index of the frame the recorder records in (see `JitHook::record`).
    pub recording_frame: usize,
    /// Whether the JIT is recording: the run loop then calls [`JitHook::record`] before every
    /// instruction.
    pub recording: bool,
    /// Whether the run loop must look at `recording` or `step_frame` before each instruction
    /// (one test on the fast path for both).
    pub slow_path: bool,
    /// [`Vm::step`]: the frame (index) whose one instruction is being executed, else `usize::MAX`.
    pub step_frame: usize,
    step_started: bool,
    /// Whether the exception a step returned was a re-raise (no traceback entry to add).
    pub step_reraise: bool,
    /// An exception `generator.throw` raises in the frame it resumes: the run loop raises it
    /// before the frame's next instruction.
    pub pending_throw: Option<PyErr>,
    /// The containers whose repr is being written (`runtime::repr`: a list inside itself
    /// prints as `[...]`); they are reachable from the values being written, so not roots.
    pub repr_active: Vec<ObjRef>,
    /// `--stats`: count the instructions the run loop executes into `instructions`.
    pub count_instructions: bool,
    pub instructions: u64,
    /// With `count_instructions`: bytecodes traces ran through the interpreter
    /// (`_EXECUTE_BYTECODE`), by opcode.
    pub stepped: std::collections::BTreeMap<&'static str, u64>,
    /// `--stats`: every code object that ran, in the order each first did.
    pub counted_codes: Vec<&'static CodeObject>,
    pub heap: Heap,
    pub interner: Interner,
    /// The VM stack (see the module docs): `stack_slots` values, accessed only through this
    /// raw pointer so that argument slices can be handed to natives while the VM runs on.
    stack: *mut Value,
    stack_slots: usize,
    /// Top of the running frame's value stack (authoritative whenever the run loop is not
    /// executing, e.g. inside a runtime helper).
    pub sp: usize,
    pub frames: frames::FrameStack,
    pub types: Types,
    /// The builtins module dict.
    pub builtins: ObjRef,
    /// Imported modules by name.
    pub modules: HashMap<String, Value>,
    /// Values Rust code keeps alive across calls back into Python.
    pub temp_roots: Vec<Value>,
    /// The built-in types' special methods made as attributes so far (`runtime::slot_wrappers`),
    /// by (defining class, name); GC roots.
    pub slot_wrappers: std::collections::HashMap<(usize, crate::runtime::interner::Sym), Value>,
    /// Objects compiled traces refer to by address (the JIT's guards compare against them),
    /// kept alive for as long as the traces exist.
    pub jit_roots: Vec<Value>,
    /// The exception being handled (`sys.exc_info()`), or `None`.
    pub handled_exc: Value,
    pub codes: Vec<&'static CodeObject>,
    /// Nesting of Rust→Python calls (bounded separately to protect the native stack).
    pub native_depth: usize,
    pub singletons: Singletons,
    /// The buffers of stdout and stderr and the `sys.std*` objects (`runtime::stdio`).
    pub stdio: crate::runtime::stdio::StdStreams,
    pub random: Mt19937,
    pub argv: Vec<String>,
    /// Directory of the main program (for importing sibling modules).
    pub script_dir: std::path::PathBuf,
    /// Source text by file name (for tracebacks).
    pub sources: HashMap<String, String>,
}

/// Objects that exist once.
pub struct Singletons {
    pub not_implemented: ObjRef,
    pub ellipsis: ObjRef,
    pub empty_tuple: ObjRef,
}

/// Depth of Rust→Python nesting allowed (each level uses some native stack).
const MAX_NATIVE_DEPTH: usize = 3000;

impl Drop for Vm {
    fn drop(&mut self) {
        let layout = std::alloc::Layout::array::<Value>(STACK_SLOTS).expect("stack layout");
        // SAFETY: `stack` was allocated in `alloc_stack` with this same layout and is freed
        // once, here.
        unsafe { std::alloc::dealloc(self.stack as *mut u8, layout) };
    }
}

impl Vm {
    pub fn new() -> Box<Vm> {
        let mut heap = Heap::new();
        let stack = alloc_stack(STACK_SLOTS);
        let not_implemented = heap.alloc(ObjKind::NotImplemented);
        let ellipsis = heap.alloc(ObjKind::Ellipsis);
        let empty_tuple = heap.alloc(ObjKind::Tuple(Box::new([])));
        let mut interner = Interner::default();
        for text in WELL_KNOWN {
            let obj = heap.alloc(crate::runtime::strings::str_kind(text));
            interner.insert(text, obj);
        }
        let builtins = heap.alloc(ObjKind::Dict(Default::default()));
        let types = Types::placeholder(builtins);
        let mut vm = Box::new(Vm {
            jit: None,
            jit_threshold: u32::MAX,
            recording_frame: 0,
            recording: false,
            slow_path: false,
            step_frame: usize::MAX,
            step_started: false,
            step_reraise: false,
            pending_throw: None,
            repr_active: Vec::new(),
            count_instructions: false,
            instructions: 0,
            stepped: std::collections::BTreeMap::new(),
            counted_codes: Vec::new(),
            heap,
            interner,
            stack,
            stack_slots: STACK_SLOTS - STACK_SLACK,
            sp: 0,
            frames: frames::FrameStack::new(1000),
            types,
            builtins,
            modules: HashMap::new(),
            temp_roots: Vec::new(),
            slot_wrappers: std::collections::HashMap::new(),
            jit_roots: Vec::new(),
            handled_exc: Value::None,
            codes: Vec::new(),
            native_depth: 0,
            singletons: Singletons { not_implemented, ellipsis, empty_tuple },
            stdio: crate::runtime::stdio::StdStreams::new(
                std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()),
            ),
            random: Mt19937::new_unseeded(),
            argv: Vec::new(),
            script_dir: std::path::PathBuf::from("."),
            sources: HashMap::new(),
        });
        crate::runtime::types::init(&mut vm);
        crate::runtime::builtins::init(&mut vm);
        crate::runtime::stdio::init(&mut vm);
        vm
    }

    // ---------------------------------------------------------------------------------------
    // Names and allocation

    /// Interns `text`.
    pub fn intern(&mut self, text: &str) -> Sym {
        if let Some(s) = self.interner.get(text) {
            return s;
        }
        let obj = self.heap.alloc(crate::runtime::strings::str_kind(text));
        self.interner.insert(text, obj)
    }

    /// The text of a symbol.
    pub fn sym_str(&self, sym: Sym) -> &str {
        self.interner.text(sym)
    }

    /// The (shared) str value of a symbol.
    pub fn sym_value(&self, sym: Sym) -> Value {
        Value::Obj(self.interner.str_obj(sym))
    }

    #[inline]
    pub fn alloc(&mut self, kind: ObjKind) -> ObjRef {
        self.heap.alloc(kind)
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        Value::Obj(self.heap.alloc(crate::runtime::strings::str_kind(s)))
    }

    pub fn new_string(&mut self, s: String) -> Value {
        Value::Obj(self.heap.alloc(crate::runtime::strings::string_kind(s)))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(ObjKind::List(crate::runtime::listcell::ListCell::new(items))))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Obj(self.singletons.empty_tuple);
        }
        Value::Obj(self.heap.alloc(ObjKind::Tuple(items.into_boxed_slice())))
    }

    pub fn new_dict(&mut self) -> ObjRef {
        self.heap.alloc(ObjKind::Dict(Default::default()))
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.singletons.not_implemented)
    }

    pub fn is_not_implemented(&self, v: Value) -> bool {
        matches!(v, Value::Obj(o) if o == self.singletons.not_implemented)
    }

    // ---------------------------------------------------------------------------------------
    // Loading code

    /// Turns compiled code into a runnable code object (recursively for nested code).
    pub fn load_code(&mut self, code: &Code) -> &'static CodeObject {
        let consts = code.consts.iter().map(|c| self.const_value(c)).collect();
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let varnames = code.varnames.iter().map(|n| self.intern(n)).collect();
        let obj = CodeObject::new(code.clone(), consts, names, varnames);
        self.codes.push(obj);
        obj
    }

    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(s) => match s.parse::<num_bigint::BigInt>() {
                Ok(b) => crate::runtime::int::from_bigint(self, b),
                Err(_) => Value::Int(0),
            },
            Const::Float(x) => Value::Float(*x),
            Const::Complex(re, im) => {
                crate::runtime::complex::new_complex(self, crate::runtime::complex::Complex { re: *re, im: *im })
            }
            Const::Str(s) => {
                // Identifier-like string constants share the interned object, as in CPython.
                if s.len() < 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    let sym = self.intern(s);
                    self.sym_value(sym)
                } else {
                    self.new_str(s)
                }
            }
            Const::Bytes(b) => crate::runtime::bytes::new_bytes(self, b.clone()),
            Const::Ellipsis => Value::Obj(self.singletons.ellipsis),
            Const::Tuple(items) => {
                let vals = items.iter().map(|c| self.const_value(c)).collect();
                self.new_tuple(vals)
            }
            Const::FrozenSet(items) => {
                let vals: Vec<Value> = items.iter().map(|c| self.const_value(c)).collect();
                // CPython builds the constant from the display, then rebuilds it from its own
                // iteration order when it merges constants; the second build fixes the order
                // a set made from it iterates in.
                let first = crate::runtime::setops::frozen_from(self, &vals);
                let order: Vec<Value> = first.iter().collect();
                let set = crate::runtime::setops::frozen_from(self, &order);
                Value::Obj(self.heap.alloc(ObjKind::FrozenSet(set)))
            }
            Const::Code(code) => {
                let obj = self.load_code(code);
                Value::Obj(self.heap.alloc(ObjKind::Code(obj)))
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // The stack

    #[inline]
    /// Sets whether the JIT records, keeping `slow_path` in step.
    pub fn set_recording(&mut self, on: bool) {
        self.recording = on;
        self.update_slow_path();
    }

    /// Keeps `slow_path` true exactly while something needs the per-instruction hook.
    pub fn update_slow_path(&mut self) {
        self.slow_path = self.recording || self.step_frame != usize::MAX || self.count_instructions;
    }

    /// Executes the one instruction at the top frame's `pc` (with any calls it makes) and
    /// returns when control is back in that frame at the next instruction. An exception that
    /// the instruction raises is returned before this frame's handlers or traceback see it: the
    /// frame's `pc` is then just past the instruction, as the run loop leaves it, and
    /// `step_reraise` says whether it was a re-raise. Traces run bytecodes they do not compile
    /// this way (`_EXECUTE_BYTECODE`). The instruction must not be a jump, return or yield of
    /// this frame.
    pub fn step(&mut self) -> PyResult<()> {
        let saved = (self.step_frame, self.step_started);
        self.step_frame = self.frames.len() - 1;
        self.step_started = false;
        self.slow_path = true;
        let result = self.run();
        (self.step_frame, self.step_started) = saved;
        self.update_slow_path();
        match result? {
            Exit::Stepped => Ok(()),
            // The recorder never steps a return or yield of its own frame.
            Exit::Return(_) | Exit::Yield(_) => {
                Err(self.new_error(self.types.runtime_error, "internal error: a stepped instruction left its frame"))
            }
        }
    }

    /// `--stats`: one more instruction of `code` run by the interpreter.
    pub fn count_instruction(&mut self, code: &'static CodeObject) {
        self.instructions += 1;
        self.count_code(code);
        code.interpreted.set(code.interpreted.get() + 1);
    }

    /// `--stats`: takes back the count of an instruction of `code` that a trace runs after all
    /// (a loop's `FOR_ITER` where the interpreter enters its trace).
    pub fn uncount_instruction(&mut self, code: &'static CodeObject) {
        self.instructions -= 1;
        code.interpreted.set(code.interpreted.get() - 1);
    }

    /// `--stats`: lists `code` among the code objects that ran (once).
    pub fn count_code(&mut self, code: &'static CodeObject) {
        if !code.counted.replace(true) {
            self.counted_codes.push(code);
        }
    }

    /// Runs compiled trace `id` from the top frame: `None` without a JIT or such a trace.
    pub fn run_trace(&mut self, id: u32) -> Option<PyResult<()>> {
        let run = self.with_jit(|jit, vm| jit.prepare(vm, id))??;
        let frame = *self.frames.last()?;
        let stack = self.stack_ptr();
        // SAFETY: the JIT compiled the trace for the code object and instruction whose counter
        // named it and prepared `state` for this VM; the trace works on this frame's slots (the
        // first local and stack pointer are in bounds of the VM stack) exactly as the
        // interpreter would, and returns.
        let left = unsafe { (run.entry)(stack.add(frame.base), stack.add(frame.sp), run.state) };
        self.with_jit(|jit, vm| jit.leave(vm, run, left))
    }

    /// Runs `f` with the JIT taken out of the VM (so that it can be given the VM); `None` when
    /// there is no JIT, or it is being called already (from a helper, while it compiles).
    pub fn with_jit<R>(&mut self, f: impl FnOnce(&mut dyn JitHook, &mut Vm) -> R) -> Option<R> {
        let mut jit = self.jit.take()?;
        let r = f(&mut *jit, self);
        self.jit = Some(jit);
        Some(r)
    }

    pub fn stack_ptr(&mut self) -> *mut Value {
        self.stack
    }

    #[inline]
    pub fn stack_len(&self) -> usize {
        self.stack_slots
    }

    #[inline]
    pub fn slot(&self, i: usize) -> Value {
        assert!(i < self.stack_slots);
        // SAFETY: `i` is in bounds (checked) of the live, initialized stack allocation.
        unsafe { *self.stack.add(i) }
    }

    #[inline]
    pub fn set_slot(&mut self, i: usize, v: Value) {
        assert!(i < self.stack_slots);
        // SAFETY: as in `slot`; no reference into the stack is held across this write except
        // argument slices of natives, which lie below `sp` and are never written.
        unsafe { *self.stack.add(i) = v }
    }

    /// Pushes onto the stack top (`sp`), checking capacity.
    pub fn push(&mut self, v: Value) -> PyResult<()> {
        if self.sp + 1 >= self.stack_slots {
            return Err(self.new_error(self.types.recursion_error, "maximum recursion depth exceeded"));
        }
        self.set_slot(self.sp, v);
        self.sp += 1;
        Ok(())
    }

    /// The slots `from..to` (arguments of a call that live on the stack).
    ///
    /// The slice stays valid while the VM runs on: the stack never moves, and the slots of a
    /// pending call lie below `sp`, which nested calls never write.
    pub fn stack_slice<'a>(&self, from: usize, to: usize) -> &'a [Value] {
        assert!(from <= to && to <= self.stack_slots);
        // SAFETY: the range is in bounds (checked) of the stack allocation, which lives as
        // long as the VM and is never moved or freed while the VM exists; see above for why
        // the slots are not written while the slice is in use.
        unsafe { std::slice::from_raw_parts(self.stack.add(from), to - from) }
    }

    /// Checks native nesting depth before a Rust→Python call.
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.new_error(self.types.recursion_error, "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        Ok(())
    }

    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    /// Writes out what stdout and stderr hold (before the JIT's dumps, the prompt's output and
    /// a traceback; a failure shows again at exit, see `cli`).
    pub fn flush_stdout(&mut self) {
        let _ = self.stdio.flush_all();
    }
}

/// Allocates a zeroed stack: `Value::Null` is all-zero bits, so pages are committed lazily by
/// the OS as the stack grows. The allocation lives as long as the process (one VM per run).
fn alloc_stack(slots: usize) -> *mut Value {
    let layout = std::alloc::Layout::array::<Value>(slots).expect("stack layout");
    // SAFETY: the layout is non-zero-sized; an all-zero bit pattern is a valid `Value::Null`
    // (tag 0, payload ignored), so the zeroed memory is `slots` initialized Values.
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) as *mut Value };
    if ptr.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    ptr
}

impl Vm {
    /// Runs module-level code with `dict` as its globals and namespace.
    pub fn run_module(&mut self, code: &'static CodeObject, dict: ObjRef) -> PyResult<()> {
        self.run_code(code, dict, Value::Obj(dict)).map(|_| ())
    }
}
