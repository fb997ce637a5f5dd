//! Heap objects: every non-immediate Python value.
//!
//! An [`Obj`] is an [`ObjKind`], the Rust enum of every object layout stitch knows (str, list,
//! dict, function, class, instance, generator, ...), plus a mark bit. Objects are allocated by
//! the [`Heap`](super::heap::Heap) and reclaimed by its mark-sweep collector; they never move.
//! Mutable objects use `RefCell`/`Cell`; code never holds a borrow across a call back into
//! Python, so a borrow conflict would be a bug in stitch, not in the program.
//!
//! Instances keep their attributes in a slot vector described by a *shape* (hidden class, see
//! [`shape`](super::shape)), so attribute access can be cached per (class, shape) and guarded
//! by the JIT. JIT machine code reads objects directly, so the parts it touches have a defined
//! layout: `Obj` is `#[repr(C)]` with the kind first, `ObjKind` is `#[repr(u8)]` (its first
//! byte is the variant number, e.g. [`KIND_INSTANCE`]), and an instance's fields sit at fixed
//! offsets from the start of the object: class at 8, shape at 16, the [`SlotVec`] at 24 (its
//! buffer pointer at 24, length at 32). Tests pin these numbers; `stencils/stitch.h` mirrors
//! them.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

use super::dict::Dict;
use super::interner::{Sym, SymMap};
use super::listcell::ListCell;
use super::pincell::PinCell;
use super::set::Set;
use super::shape::ShapeRef;
pub use super::slots::SlotVec;
use super::value::{ObjRef, Value};
use crate::interpreter::code::CodeObject;
use crate::interpreter::{PyResult, Vm};

/// A heap object: the object's data, then a mark bit for the collector. The kind comes first
/// so that JIT code finds the variant byte at offset 0.
#[repr(C)]
pub struct Obj {
    pub kind: ObjKind,
    pub(crate) marked: Cell<bool>,
}

/// Signature of a function implemented in Rust: positional arguments (for methods the first is
/// `self`) and keyword arguments as (name, value) pairs.
pub type NativeFn = fn(&mut Vm, &[Value], &[(Sym, Value)]) -> PyResult<Value>;

/// The first byte of an instance object (its `ObjKind` variant number); mirrored by
/// `stencils/stitch.h`.
pub const KIND_INSTANCE: u8 = 13;

/// The kind byte of `o` (its `ObjKind` variant number), as JIT code reads it.
pub fn kind_byte(o: &Obj) -> u8 {
    // SAFETY: `Obj` is `#[repr(C)]` with its `#[repr(u8)]` kind first, so its first byte is the
    // variant number (the test `kind_byte_comes_first` pins this).
    unsafe { *(o as *const Obj as *const u8) }
}

/// The first byte of a cell object (a closure variable); mirrored by `stencils/stitch.h`.
pub const KIND_CELL: u8 = 17;

/// The first byte of a list object; mirrored by `stencils/stitch.h` (machine code indexes
/// lists in place through the [`ListCell`] after it).
pub const KIND_LIST: u8 = 2;

/// The first byte of a tuple object; mirrored by `stencils/stitch.h`.
pub const KIND_TUPLE: u8 = 3;

/// The first byte of a built-in iterator object; mirrored by `stencils/stitch.h` (machine code
/// advances list, tuple, range and enumerate iterators in place through the [`PinCell`] after
/// it).
pub const KIND_ITERATOR: u8 = 19;

/// Variant numbers of [`IterState`] that machine code tests; mirrored by `stencils/stitch.h`.
pub const ITER_SEQ: u64 = 0;
pub const ITER_RANGE: u64 = 1;
pub const ITER_ENUMERATE: u64 = 6;

/// A `&[Value]` (or `Box<[Value]>`) as machine code reads a tuple's items: the pointer, then the
/// length. Rust does not specify the order of a slice pointer's two words, so the assertion
/// below checks it when stitch is compiled: a compiler that ordered them otherwise fails the
/// build instead of the stencils misreading tuples.
#[repr(C)]
pub struct RawSlice {
    pub ptr: *const Value,
    pub len: usize,
}

const _: () = {
    let items: &[Value] = &[Value::None, Value::None, Value::None];
    // SAFETY: a slice reference is two words, as is `RawSlice`; the assertion only reads the
    // word `RawSlice` calls the length.
    let raw: RawSlice = unsafe { std::mem::transmute(items) };
    assert!(raw.len == 3, "a slice pointer is not (pointer, length)");
};

/// The layout of every kind of heap object.
///
/// `#[repr(u8)]` defines the layout: a union of `#[repr(C)]` structs that each start with the
/// `u8` variant number (0 for `Str`, in declaration order), the fields following at their
/// alignment. JIT code relies on the numbers (see [`KIND_INSTANCE`]): only add variants at the
/// end.
#[repr(u8)]
pub enum ObjKind {
    Str(Str),
    BigInt(BigInt),
    List(ListCell),
    Tuple(Box<[Value]>),
    Dict(RefCell<Dict>),
    Set(RefCell<Set>),
    FrozenSet(Set),
    Range(Range),
    BigRange(Box<super::bigrange::BigRange>),
    Slice(Value, Value, Value),
    Function(Box<Function>),
    Native(Native),
    Class(Box<Class>),
    Instance(Instance),
    BoundMethod {
        receiver: Value,
        func: Value,
    },
    Generator(Box<RefCell<Generator>>),
    Module(Module),
    Cell(Cell<Value>),
    Code(&'static CodeObject),
    Iterator(PinCell<IterState>),
    DictView(ObjRef, DictViewKind),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        class: ObjRef,
        receiver: Value,
    },
    /// `io.StringIO` and text files (`runtime::textio`).
    TextIO(Box<RefCell<super::textio::TextStream>>),
    Array(RefCell<ArrayData>),
    NotImplemented,
    Ellipsis,
    /// `bytes` (`runtime::bytes`).
    Bytes(Bytes),
    /// `bytearray`: mutable bytes.
    ByteArray(RefCell<Vec<u8>>),
    /// `io.BytesIO` and binary files (`runtime::binaryio`).
    BinaryIO(Box<RefCell<super::binaryio::BinaryStream>>),
    /// `complex` (`runtime::complex`): real and imaginary parts.
    Complex(super::complex::Complex),
}

/// A bytes object: immutable bytes with a cached hash.
pub struct Bytes {
    pub b: Box<[u8]>,
    pub hash: Cell<Option<i64>>,
}

/// A str: UTF-8 text with a cached hash. `ascii` says whether byte and character indexes
/// coincide (the common case, where indexing is O(1)).
pub struct Str {
    pub s: Box<str>,
    pub ascii: bool,
    pub hash: Cell<Option<i64>>,
}

#[derive(Clone, Copy, Debug)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start + step - 1) / step
        } else if step < 0 && start > stop {
            (start - stop - step - 1) / (-step)
        } else {
            0
        };
        n as i64
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// A Python function: code plus the environment it closes over.
pub struct Function {
    pub code: &'static CodeObject,
    /// The module dict the function's globals live in.
    pub globals: ObjRef,
    /// A name assigned to `__name__` (the code's name otherwise).
    pub renamed: RefCell<Option<String>>,
    /// The tuple of positional defaults, or `Null` (kept as the tuple `MAKE_FUNCTION` got,
    /// so creating a function copies nothing).
    pub defaults: Value,
    pub kwdefaults: Vec<(Sym, Value)>,
    /// Cells for the code's free variables.
    /// The tuple of cells for the code's free variables, or `Null`.
    pub closure: Value,
    /// Whether the function can be entered by the fast path: only positional parameters, no
    /// cells, not a generator.
    pub simple: bool,
    /// Attributes set on the function object (`f.attr = ...`).
    pub attrs: RefCell<Vec<(Sym, Value)>>,
}

/// A function or method implemented in Rust.
pub struct Native {
    pub name: &'static str,
    pub func: NativeFn,
    /// For bound natives (e.g. `sys.stdout.write`): prepended to the arguments.
    pub receiver: Value,
}

/// Which built-in layout instances of a class have (classes that subclass `list` get list
/// storage, exception classes get exception data).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    List,
    Dict,
    Tuple,
    Random,
    Exception,
    /// A built-in type whose instances are not `Instance` objects (int, str, dict, ...):
    /// such a class cannot be subclassed by stitch yet.
    Builtin,
}

/// A class (user-defined or built-in).
pub struct Class {
    pub name: String,
    pub qualname: String,
    /// `__base__`: the first base (None for `object`).
    pub base: Option<ObjRef>,
    /// `__bases__`, in the order the class statement lists them.
    pub bases: Vec<ObjRef>,
    /// Method resolution order without the class itself (C3 linearization of the bases).
    pub ancestors: Vec<ObjRef>,
    pub dict: RefCell<SymMap<Value>>,
    /// Results of `lookup` along the MRO, valid while `resolved_epoch` is the class epoch.
    pub resolved: RefCell<SymMap<Option<Value>>>,
    pub resolved_epoch: Cell<u64>,
    /// Insertion order of `dict` keys (for `__dict__` listings and deterministic iteration).
    pub order: RefCell<Vec<Sym>>,
    pub layout: Layout,
    /// The empty shape instances of this class start from.
    pub root_shape: ShapeRef,
    /// Constructor for built-in types (`int(x)`, `list(it)`, ...).
    pub native_new: Cell<Option<NativeFn>>,
    /// The module name the class was defined in.
    pub module: String,
    /// The names declared in `__slots__`, if the class declares it.
    pub slots: RefCell<Option<Vec<Sym>>>,
    /// The metaclass, when it is not `type` (`runtime::metaclass`).
    pub metaclass: Cell<Option<ObjRef>>,
    /// Whether the class has abstract methods left (`__abstractmethods__` is non-empty), so
    /// instantiating it is an error.
    pub is_abstract: Cell<bool>,
}

/// An instance of a user-defined class (or of a user subclass of `list`/`Exception`).
///
/// `#[repr(C)]`: JIT code reads `class`, `shape` and `slots` at fixed offsets (see the module
/// docs).
#[repr(C)]
pub struct Instance {
    pub class: ObjRef,
    pub shape: Cell<ShapeRef>,
    /// Attribute values: slot `i` holds `shape.names[i]`.
    pub slots: SlotVec,
    pub ext: InstanceExt,
}

/// Built-in storage an instance carries when its class derives from a built-in layout.
pub enum InstanceExt {
    None,
    List(Box<ListCell>),
    Dict(Box<RefCell<Dict>>),
    /// A tuple subclass's items, fixed when `tuple.__new__` made the instance.
    Tuple(Box<[Value]>),
    /// The generator state of a `random.Random` (or of a subclass's instance).
    Random(Box<RefCell<super::random::Mt19937>>),
    Exception(Box<RefCell<ExcData>>),
}

/// What an exception carries besides its attributes.
#[derive(Default)]
pub struct ExcData {
    /// The constructor arguments (a tuple).
    pub args: Value,
    /// Frames the exception passed through, innermost last: (code, instruction index).
    pub traceback: Vec<(&'static CodeObject, u32)>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

impl Default for Value {
    fn default() -> Value {
        Value::Null
    }
}

/// A suspended (or running, or finished) generator.
pub struct Generator {
    pub func: ObjRef,
    pub code: &'static CodeObject,
    pub globals: ObjRef,
    /// Locals then value stack, saved while suspended.
    pub saved: Vec<Value>,
    /// Where to resume.
    pub pc: u32,
    pub state: GenState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Done,
}

pub struct Module {
    pub name: String,
    /// The module namespace: a Dict object.
    pub dict: ObjRef,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// The state of a built-in iterator.
///
/// `#[repr(C, u64)]` defines the layout machine code reads: the variant number as a `u64` at
/// offset 0, then the variant's fields as a `#[repr(C)]` struct at 8 (see [`ITER_SEQ`]).
#[repr(C, u64)]
pub enum IterState {
    Seq {
        seq: ObjRef,
        index: usize,
    } = ITER_SEQ,
    Range {
        next: i64,
        stop: i64,
        step: i64,
    } = ITER_RANGE,
    Str {
        s: ObjRef,
        byte: usize,
    },
    Dict {
        dict: ObjRef,
        index: usize,
        kind: DictViewKind,
        len: usize,
    },
    Set {
        set: ObjRef,
        index: usize,
        /// The size at the start: a set that changes size while iterated is an error.
        len: usize,
    },
    Reversed {
        seq: ObjRef,
        index: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    } = ITER_ENUMERATE,
    Zip {
        its: Vec<Value>,
    },
    Map {
        func: Value,
        its: Vec<Value>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    /// `iter(func, sentinel)`: calls `func()` until it returns `sentinel`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// Iteration through `__getitem__` with 0, 1, 2, ... until IndexError.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// Iteration over a `range` with big bounds.
    BigRange(Box<(num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt)>),
    Exhausted,
}

/// `array.array` storage for the typecodes stitch supports.
pub enum ArrayData {
    Float(char, Vec<f64>),
    Int(char, Vec<i64>),
}

impl Obj {
    /// Name of the layout, for debugging output.
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            ObjKind::Str(_) => "str",
            ObjKind::BigInt(_) => "int",
            ObjKind::List(_) => "list",
            ObjKind::Tuple(_) => "tuple",
            ObjKind::Dict(_) => "dict",
            ObjKind::Set(_) => "set",
            ObjKind::FrozenSet(_) => "frozenset",
            ObjKind::Range(_) | ObjKind::BigRange(_) => "range",
            ObjKind::Slice(..) => "slice",
            ObjKind::Function(_) => "function",
            ObjKind::Native(_) => "builtin_function_or_method",
            ObjKind::Class(_) => "type",
            ObjKind::Instance(_) => "instance",
            ObjKind::BoundMethod { .. } => "method",
            ObjKind::Generator(_) => "generator",
            ObjKind::Module(_) => "module",
            ObjKind::Cell(_) => "cell",
            ObjKind::Code(_) => "code",
            ObjKind::Iterator(_) => "iterator",
            ObjKind::DictView(..) => "dict_view",
            ObjKind::Property { .. } => "property",
            ObjKind::StaticMethod(_) => "staticmethod",
            ObjKind::ClassMethod(_) => "classmethod",
            ObjKind::Super { .. } => "super",
            ObjKind::TextIO(s) if s.borrow().name.is_some() => "TextIOWrapper",
            ObjKind::TextIO(_) => "StringIO",
            ObjKind::BinaryIO(s) => super::binaryio::type_name(&s.borrow()),
            ObjKind::Array(_) => "array",
            ObjKind::Bytes(_) => "bytes",
            ObjKind::ByteArray(_) => "bytearray",
            ObjKind::NotImplemented => "NotImplementedType",
            ObjKind::Ellipsis => "ellipsis",
            ObjKind::Complex(_) => "complex",
        }
    }

    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ObjKind::Str(s) => Some(&s.s),
            _ => None,
        }
    }

    #[inline]
    pub fn as_class(&self) -> Option<&Class> {
        match &self.kind {
            ObjKind::Class(c) => Some(c),
            _ => None,
        }
    }

    #[inline]
    pub fn as_instance(&self) -> Option<&Instance> {
        match &self.kind {
            ObjKind::Instance(i) => Some(i),
            _ => None,
        }
    }

    #[inline]
    /// Dict storage of a dict or of an instance of a dict subclass.
    pub fn as_dict(&self) -> Option<&RefCell<Dict>> {
        match &self.kind {
            ObjKind::Dict(d) => Some(d),
            ObjKind::Instance(Instance { ext: InstanceExt::Dict(d), .. }) => Some(&**d),
            _ => None,
        }
    }

    /// List storage of a list or of an instance of a list subclass.
    #[inline]
    pub fn as_list(&self) -> Option<&ListCell> {
        match &self.kind {
            ObjKind::List(l) => Some(l),
            ObjKind::Instance(Instance { ext: InstanceExt::List(l), .. }) => Some(&**l),
            _ => None,
        }
    }

    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match &self.kind {
            ObjKind::Tuple(t) => Some(t),
            ObjKind::Instance(Instance { ext: InstanceExt::Tuple(t), .. }) => Some(t),
            _ => None,
        }
    }

    /// Exception data of an exception instance.
    pub fn as_exception(&self) -> Option<&RefCell<ExcData>> {
        match &self.kind {
            ObjKind::Instance(Instance { ext: InstanceExt::Exception(e), .. }) => Some(&**e),
            _ => None,
        }
    }
}

impl Function {
    /// The positional defaults.
    pub fn defaults(&self) -> &[Value] {
        self.defaults.obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
    }

    /// The closure cells.
    pub fn closure(&self) -> &[Value] {
        self.closure.obj().and_then(|o| o.as_tuple()).unwrap_or(&[])
    }

    /// `__name__`.
    pub fn name(&self) -> String {
        self.renamed.borrow().clone().unwrap_or_else(|| self.code.code.name.clone())
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> &str {
        &self.code.code.qualname
    }
}

impl Class {
    /// Looks `name` up along the MRO (cached per class until any class changes).
    pub fn lookup(&self, name: Sym) -> Option<Value> {
        let epoch = super::types::class_epoch();
        if self.resolved_epoch.get() != epoch {
            self.resolved.borrow_mut().clear();
            self.resolved_epoch.set(epoch);
        }
        if let Some(v) = self.resolved.borrow().get(&name) {
            return *v;
        }
        let v = self.lookup_uncached(name);
        self.resolved.borrow_mut().insert(name, v);
        v
    }

    fn lookup_uncached(&self, name: Sym) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(&name) {
            return Some(*v);
        }
        for class in &self.ancestors {
            if let Some(c) = class.as_class() {
                if let Some(v) = c.dict.borrow().get(&name) {
                    return Some(*v);
                }
            }
        }
        None
    }

    /// Whether `other` is one of this class's bases (direct or not).
    pub fn derives_from(&self, other: ObjRef) -> bool {
        self.ancestors.iter().any(|c| *c == other)
    }

    pub fn set_attr(&self, name: Sym, value: Value) {
        if self.dict.borrow_mut().insert(name, value).is_none() {
            self.order.borrow_mut().push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_stay_small() {
        // Every heap object pays for the largest variant: keep big layouts boxed.
        assert!(std::mem::size_of::<Obj>() <= 88);
    }

    /// Allocates an instance (of a stand-in class object) with two slots.
    fn instance(heap: &mut super::super::heap::Heap) -> ObjRef {
        let class = heap.alloc(ObjKind::Ellipsis);
        let slots = SlotVec::new();
        slots.push(Value::Int(41));
        slots.push(Value::Int(42));
        let shape = super::super::shape::Shape::new_root();
        heap.alloc(ObjKind::Instance(Instance { class, shape: Cell::new(shape), slots, ext: InstanceExt::None }))
    }

    #[test]
    fn kind_byte_comes_first() {
        let mut heap = super::super::heap::Heap::new();
        let o = instance(&mut heap);
        // SAFETY: `o` points to a live object; `Obj` is repr(C) with the repr(u8) kind first.
        let first = unsafe { *(o.as_ptr() as *const u8) };
        assert_eq!(first, KIND_INSTANCE);
        let e = heap.alloc(ObjKind::Ellipsis);
        // SAFETY: as above.
        assert_ne!(unsafe { *(e.as_ptr() as *const u8) }, KIND_INSTANCE);
        assert_eq!(std::mem::offset_of!(Obj, kind), 0);
        let c = heap.alloc(ObjKind::Cell(Cell::new(Value::None)));
        // SAFETY: as above.
        assert_eq!(unsafe { *(c.as_ptr() as *const u8) }, KIND_CELL);
    }

    #[test]
    fn instance_fields_are_pinned() {
        let mut heap = super::super::heap::Heap::new();
        let o = instance(&mut heap);
        let inst = o.as_instance().unwrap();
        let base = o.as_ptr() as usize;
        assert_eq!(std::ptr::addr_of!(inst.class) as usize - base, 8);
        assert_eq!(std::ptr::addr_of!(inst.shape) as usize - base, 16);
        assert_eq!(std::ptr::addr_of!(inst.slots) as usize - base, 24);
        // Read the slot vector the way machine code does: buffer pointer at 24, length at 32.
        // SAFETY: the offsets are those just checked plus SlotVec's pinned layout (ptr at 0,
        // len at 8); the buffer holds `len` initialized values.
        unsafe {
            let p = o.as_ptr() as *const u8;
            let len = *(p.add(32) as *const u32);
            let items = *(p.add(24) as *const *const Value);
            assert_eq!(len, 2);
            assert!(matches!(*items.add(1), Value::Int(42)));
            assert_eq!(*(p.add(8) as *const usize), inst.class.addr());
            assert_eq!(*(p.add(16) as *const *const super::super::shape::Shape), inst.shape.get() as *const _);
        }
    }
}
