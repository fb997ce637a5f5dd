//! Interned names: attribute, global and keyword names as small integers.
//!
//! Every identifier the program uses is interned once into a [`Sym`]; shapes, class dicts and
//! inline caches compare `Sym`s instead of strings. Each symbol also owns a str object (kept
//! alive as a GC root) so turning a name back into a Python value never allocates. The
//! special names the runtime itself looks up (`__init__`, `__add__`, ...) are interned first,
//! in a fixed order, so they are compile-time constants in [`sym`].

use std::collections::HashMap;

use super::value::ObjRef;

/// A hasher for `Sym` keys: one multiplication (SipHash's DoS resistance is not needed for
/// names the program itself contains).
#[derive(Default, Clone, Copy)]
pub struct SymHasher(u64);

impl std::hash::Hasher for SymHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed by interned names.
pub type SymMap<V> = HashMap<Sym, V, std::hash::BuildHasherDefault<SymHasher>>;

/// An interned name.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Sym(pub u32);

macro_rules! well_known {
    ($($name:ident = $text:literal,)*) => {
        /// Names the runtime looks up itself, interned at start-up in this order.
        pub mod sym {
            use super::Sym;
            well_known!(@consts 0u32, $($name,)*);
        }
        /// The texts of [`sym`], in order.
        pub const WELL_KNOWN: &[&str] = &[$($text,)*];
    };
    (@consts $n:expr, $name:ident, $($rest:ident,)*) => {
        #[allow(dead_code)]
        pub const $name: Sym = Sym($n);
        well_known!(@consts $n + 1u32, $($rest,)*);
    };
    (@consts $n:expr,) => {};
}

well_known! {
    INIT = "__init__",
    NEW = "__new__",
    REPR = "__repr__",
    STR = "__str__",
    HASH = "__hash__",
    EQ = "__eq__",
    NE = "__ne__",
    LT = "__lt__",
    LE = "__le__",
    GT = "__gt__",
    GE = "__ge__",
    LEN = "__len__",
    GETITEM = "__getitem__",
    SETITEM = "__setitem__",
    DELITEM = "__delitem__",
    CONTAINS = "__contains__",
    ITER = "__iter__",
    NEXT = "__next__",
    CALL = "__call__",
    BOOL = "__bool__",
    NEG = "__neg__",
    POS = "__pos__",
    INVERT = "__invert__",
    ABS = "__abs__",
    INDEX = "__index__",
    INT = "__int__",
    FLOAT = "__float__",
    NAME = "__name__",
    QUALNAME = "__qualname__",
    MODULE = "__module__",
    CLASS = "__class__",
    CLASSCELL = "__classcell__",
    DICT = "__dict__",
    ANNOTATIONS = "__annotations__",
    DOC = "__doc__",
    SLOTS = "__slots__",
    MAIN = "__main__",
    BUILTINS = "__builtins__",
    FILE = "__file__",
    ARGS = "args",
    SELF = "self",
    KEY = "key",
    REVERSE = "reverse",
    DEFAULT = "default",
    SEP = "sep",
    END = "end",
    FILE_KW = "file",
    FLUSH = "flush",
    START = "start",
    ENTER = "__enter__",
    EXIT = "__exit__",
    FORMAT = "__format__",
    ROUND = "__round__",
    BASES = "__bases__",
    MRO = "__mro__",
    CAUSE = "__cause__",
    CONTEXT = "__context__",
    SUPPRESS = "__suppress_context__",
    TRACEBACK = "__traceback__",
    VALUE = "value",
    OP_ADD = "__add__",
    IOP_ADD = "__iadd__",
    OP_AND = "__and__",
    IOP_AND = "__iand__",
    OP_FLOORDIV = "__floordiv__",
    IOP_FLOORDIV = "__ifloordiv__",
    OP_LSHIFT = "__lshift__",
    IOP_LSHIFT = "__ilshift__",
    OP_MATMUL = "__matmul__",
    IOP_MATMUL = "__imatmul__",
    OP_MUL = "__mul__",
    IOP_MUL = "__imul__",
    OP_MOD = "__mod__",
    IOP_MOD = "__imod__",
    OP_OR = "__or__",
    IOP_OR = "__ior__",
    OP_POW = "__pow__",
    IOP_POW = "__ipow__",
    OP_RSHIFT = "__rshift__",
    IOP_RSHIFT = "__irshift__",
    OP_SUB = "__sub__",
    IOP_SUB = "__isub__",
    OP_TRUEDIV = "__truediv__",
    IOP_TRUEDIV = "__itruediv__",
    OP_XOR = "__xor__",
    IOP_XOR = "__ixor__",
    GETATTR = "__getattr__",
    GETATTRIBUTE = "__getattribute__",
    SETATTR = "__setattr__",
    DELATTR = "__delattr__",
    GET = "__get__",
    SET = "__set__",
    DELETE = "__delete__",
    SET_NAME = "__set_name__",
    INIT_SUBCLASS = "__init_subclass__",
    CLASS_GETITEM = "__class_getitem__",
    MISSING = "__missing__",
}

/// The symbol table: text ↔ [`Sym`] ↔ str object.
#[derive(Default)]
pub struct Interner {
    map: HashMap<Box<str>, Sym>,
    texts: Vec<Box<str>>,
    strs: Vec<ObjRef>,
}

impl Interner {
    /// The symbol for `text`, if it was interned.
    pub fn get(&self, text: &str) -> Option<Sym> {
        self.map.get(text).copied()
    }

    /// Registers a new symbol whose str object is `obj` (which must hold `text`).
    pub fn insert(&mut self, text: &str, obj: ObjRef) -> Sym {
        let sym = Sym(self.strs.len() as u32);
        self.map.insert(text.into(), sym);
        self.texts.push(text.into());
        self.strs.push(obj);
        sym
    }

    /// The str object of a symbol.
    #[inline]
    pub fn str_obj(&self, sym: Sym) -> ObjRef {
        self.strs[sym.0 as usize]
    }

    /// The text of a symbol.
    #[inline]
    pub fn text(&self, sym: Sym) -> &str {
        &self.texts[sym.0 as usize]
    }

    /// All str objects (GC roots).
    pub fn objects(&self) -> &[ObjRef] {
        &self.strs
    }
}
