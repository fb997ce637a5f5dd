//! Code objects as the interpreter runs them: compiled [`Code`] plus runtime-ready tables.
//!
//! The compiler produces pure data ([`Code`] with [`Const`]s and name strings). Loading turns it
//! into a [`CodeObject`]: constants become heap values, names become interned [`Sym`]s, and
//! every instruction gets an inline-cache cell. Code objects live for the whole run (they are
//! program text): they are leaked as `&'static CodeObject`, and their constants are permanent
//! GC roots.

use std::cell::Cell;

use crate::bytecode::Code;
use crate::runtime::interner::Sym;
use crate::runtime::shape::Shape;
use crate::runtime::value::Value;

/// Per-instruction inline cache. Which variant an instruction uses depends on its opcode.
#[derive(Clone, Copy, Default)]
pub enum Cache {
    #[default]
    Empty,
    /// `LOAD_ATTR`/`STORE_ATTR` on an instance whose shape is `shape`: the attribute is in
    /// `slot`. For stores that add the attribute, `next` is the shape after the transition.
    Slot { shape: *const Shape, slot: u32, next: *const Shape, epoch: u64 },
    /// `LOAD_ATTR` of a class attribute through an instance of shape `shape` (which
    /// determines the class): `value`, which is a plain function when `method` is set.
    ClassAttr { shape: *const Shape, epoch: u64, value: Value, method: bool },
    /// `LOAD_ATTR` of `name` through an instance in the dict shape `shape` (see
    /// `runtime::shape`) whose class has no data descriptor for it: the instance dict's entry
    /// when there is one, else the class attribute `value` (a plain function when `method`;
    /// Null when the class has none).
    DictAttr { shape: *const Shape, epoch: u64, value: Value, name: crate::runtime::interner::Sym, method: bool },
    /// Method load on a value of built-in class `class` (e.g. `list.append`).
    BuiltinMethod { class: *const crate::runtime::object::Obj, epoch: u64, value: Value },
    /// `LOAD_ATTR` on module `module` (e.g. `math.sqrt`): entry `index` of its dict, while the
    /// dict's version is `version`.
    ModuleAttr { module: *const crate::runtime::object::Obj, version: u64, index: u32 },
    /// `LOAD_GLOBAL`/`LOAD_NAME`: entry `index` of the globals dict (version `globals`), or of
    /// the builtins dict when `builtins != 0` (and the global is absent at version `globals`).
    Global { globals: u64, builtins: u64, index: u32 },
    /// `JUMP_BACKWARD` (or a function's entry): how often this back-edge was taken (the JIT is
    /// called when the count reaches `Vm::jit_threshold`; it may set the count back to delay the
    /// next call).
    Counter(u32),
    /// `JUMP_BACKWARD` into a loop the JIT compiled (or a call of a function it compiled): enter
    /// trace number `0`.
    Trace(u32),
    /// A loop (or function) the JIT gave up on: never call it again for this back-edge.
    NoTrace,
}

/// Ways per instruction cache.
pub const CACHE_WAYS: usize = 4;

/// The inline caches of one instruction: a few ways, so that attribute sites that see several
/// shapes (polymorphic method calls, as in richards' task classes) still hit. Way 0 is the
/// most recent.
pub type Caches = [Cell<Cache>; CACHE_WAYS];

/// Remembers `entry` as the most recent way, shifting the older ones down (the oldest is
/// forgotten).
#[inline]
pub fn remember(caches: &Caches, entry: Cache) {
    for i in (1..CACHE_WAYS).rev() {
        caches[i].set(caches[i - 1].get());
    }
    caches[0].set(entry);
}

/// A loaded code object.
pub struct CodeObject {
    pub code: Code,
    /// `code.consts` as values.
    pub consts: Box<[Value]>,
    /// `code.names` interned.
    pub names: Box<[Sym]>,
    /// `code.varnames` interned (for keyword-argument binding).
    pub varnames: Box<[Sym]>,
    /// One cache per instruction.
    pub caches: Box<[Caches]>,
    pub nlocals: usize,
    pub nlocalsplus: usize,
    /// The JIT's entry counter (like a back-edge's): calls of this function the interpreter
    /// made, or the function trace to enter on a call.
    pub entry: Cell<Cache>,
    /// `--stats`: bytecodes of this code the interpreter ran, and those traces completed in
    /// machine code (a trace's `_ADD_TO_COUNTER` adds to the latter by its address).
    pub interpreted: Cell<u64>,
    pub in_traces: Cell<u64>,
    /// `--stats`: whether it is in `Vm::counted_codes`.
    pub counted: Cell<bool>,
    /// Whether the parameters' slots hold the arguments until the frame returns (no parameter
    /// is stored to, deleted or made a cell): an operator's special method run in a frame of
    /// its own leaves its operands there for the reflected method.
    pub params_kept: bool,
}

impl CodeObject {
    pub fn new(code: Code, consts: Vec<Value>, names: Vec<Sym>, varnames: Vec<Sym>) -> &'static CodeObject {
        let caches = (0..code.instrs.len()).map(|_| Caches::default()).collect();
        let nlocals = code.varnames.len();
        let nlocalsplus = code.nlocalsplus();
        let params_kept = params_kept(&code, nlocals, nlocalsplus);
        Box::leak(Box::new(CodeObject {
            code,
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            varnames: varnames.into_boxed_slice(),
            caches,
            nlocals,
            nlocalsplus,
            entry: Cell::new(Cache::Empty),
            interpreted: Cell::new(0),
            in_traces: Cell::new(0),
            counted: Cell::new(false),
            params_kept,
        }))
    }

    /// Slots a frame needs: locals, cells, free variables and the value stack.
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus + self.code.stacksize as usize
    }
}

/// See [`CodeObject::params_kept`].
fn params_kept(code: &Code, nlocals: usize, nlocalsplus: usize) -> bool {
    use crate::bytecode::{flags, Opcode};
    let params = code.argcount as usize
        + code.kwonlyargcount as usize
        + (code.flags & flags::VARARGS != 0) as usize
        + (code.flags & flags::VARKEYWORDS != 0) as usize;
    let param = |slot: u32| (slot as usize) < params;
    nlocals == nlocalsplus
        && !code.instrs.iter().any(|i| match i.op {
            Opcode::STORE_FAST | Opcode::DELETE_FAST => param(i.arg),
            Opcode::STORE_FAST_LOAD_FAST => param(i.arg >> 4),
            Opcode::STORE_FAST_STORE_FAST => param(i.arg >> 4) || param(i.arg & 15),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::Cache;

    #[test]
    fn a_cache_way_stays_at_forty_bytes() {
        // Four ways per instruction: a larger variant would grow every instruction's caches.
        assert!(std::mem::size_of::<Cache>() <= 40, "{}", std::mem::size_of::<Cache>());
    }
}
