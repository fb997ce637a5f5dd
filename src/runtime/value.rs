//! The value representation every stage shares: a 16-byte tagged union.
//!
//! Interpreter stack slots, locals, object fields and (later) JIT stencils all hold a
//! [`Value`]: a `#[repr(C, u64)]` enum, i.e. a 64-bit tag followed by a 64-bit payload. Ints
//! and floats live in the payload (arithmetic on them never allocates); everything else is a
//! pointer to a garbage-collected [`Obj`](super::object::Obj). `Null` is not a Python value: it
//! marks unbound locals, empty cells and the "no self" slot of the call convention.
//!
//! The layout is part of the contract with the C stencils (`stencils/`), which read tags and
//! payloads directly; tests pin it.

use std::fmt;
use std::ptr::NonNull;

use super::object::Obj;

/// A Python value (or the internal `Null` marker).
#[derive(Clone, Copy)]
#[repr(C, u64)]
pub enum Value {
    /// Not a Python value: unbound local, empty cell, NULL of the call convention.
    Null = 0,
    None = 1,
    Bool(bool) = 2,
    /// A small int; results that overflow 64 bits become a heap `BigInt`.
    Int(i64) = 3,
    Float(f64) = 4,
    /// Any heap object.
    Obj(ObjRef) = 5,
}

/// Tag numbers as the C stencils see them.
pub mod tag {
    pub const NULL: u64 = 0;
    pub const NONE: u64 = 1;
    pub const BOOL: u64 = 2;
    pub const INT: u64 = 3;
    pub const FLOAT: u64 = 4;
    pub const OBJ: u64 = 5;
}

impl Value {
    #[inline]
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The heap object, as a reference that callers may keep until their next call into
    /// Python.
    ///
    /// Objects never move, and the collector only runs at safepoints, which native code
    /// reaches only by calling into Python; until then every object a native can see stays
    /// alive (it is reachable from the arguments or roots the native was given).
    #[inline]
    pub fn obj(self) -> Option<&'static Obj> {
        match self {
            // SAFETY: see above. The pointer is valid (an ObjRef always points to a live
            // object) and the reference is not used across a safepoint by contract.
            Value::Obj(o) => Some(unsafe { &*o.0.as_ptr() }),
            _ => None,
        }
    }

    /// Identity, as Python's `is` sees it: same small value or same object.
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }

    /// The tag number (see [`tag`]).
    pub fn tag(self) -> u64 {
        match self {
            Value::Null => tag::NULL,
            Value::None => tag::NONE,
            Value::Bool(_) => tag::BOOL,
            Value::Int(_) => tag::INT,
            Value::Float(_) => tag::FLOAT,
            Value::Obj(_) => tag::OBJ,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("NULL"),
            Value::None => f.write_str("None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Obj(o) => write!(f, "<{} at {:p}>", o.kind_name(), o.0.as_ptr()),
        }
    }
}

/// Reads a `Value` from memory as two 8-byte loads.
///
/// Values are usually written as two 8-byte stores (tag, payload); reading one back with a
/// single 16-byte load right after defeats the CPU's store-to-load forwarding and stalls for a
/// dozen cycles (it was the hottest spot of the run loop). Two 8-byte loads forward from
/// either kind of store. Used for the VM stack and for hot heap slots (list items, instance
/// attributes).
///
/// # Safety
/// `p` must point to an initialized `Value`.
#[inline(always)]
pub unsafe fn load_value(p: *const Value) -> Value {
    let w = p as *const std::mem::MaybeUninit<u64>;
    // SAFETY: `p` points to an initialized, aligned Value (16 bytes); reading its two words
    // as MaybeUninit is always allowed, and transmuting them back yields the same Value: the
    // tag word is initialized, and the payload word is initialized for every variant that has
    // a payload (it is padding, which may hold anything, for the others). The volatile reads
    // keep the compiler from merging them into one 16-byte load.
    unsafe {
        let words = [std::ptr::read_volatile(w), std::ptr::read_volatile(w.add(1))];
        std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>(words)
    }
}

/// Reads element `i` of a slice of values with [`load_value`].
#[inline(always)]
pub fn get_value(items: &[Value], i: usize) -> Option<Value> {
    // SAFETY: the element exists (bounds checked by `get`) and is an initialized Value.
    items.get(i).map(|v| unsafe { load_value(v) })
}

/// A pointer to a live heap object.
///
/// The collector never moves objects, so the pointer is stable; it stays valid as long as the
/// object is reachable from a root (the VM stack, globals, interned names, code constants or
/// the temporary root stack natives use while they call back into Python).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct ObjRef(pub(crate) NonNull<Obj>);

impl ObjRef {
    #[inline]
    pub fn as_ptr(self) -> *const Obj {
        self.0.as_ptr()
    }

    /// Address as an integer (used by `id()` and identity hashing).
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }
}

impl std::ops::Deref for ObjRef {
    type Target = Obj;

    #[inline]
    fn deref(&self) -> &Obj {
        // SAFETY: an ObjRef is only created by the heap for a live allocation, and the
        // collector frees an object only when no root reaches it, so a reference reachable by
        // running code still points to a live `Obj`. Objects are never moved.
        unsafe { self.0.as_ref() }
    }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} at {:p}>", self.kind_name(), self.0.as_ptr())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_tag_then_payload() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::align_of::<Value>(), 8);
        let v = Value::Int(-7);
        // SAFETY: Value is repr(C, u64): two u64 words, tag first.
        let words: [u64; 2] = unsafe { std::mem::transmute(v) };
        assert_eq!(words[0], tag::INT);
        assert_eq!(words[1] as i64, -7);
        let f = Value::Float(1.5);
        // SAFETY: as above.
        let words: [u64; 2] = unsafe { std::mem::transmute(f) };
        assert_eq!(words[0], tag::FLOAT);
        assert_eq!(f64::from_bits(words[1]), 1.5);
        let n = Value::Null;
        // SAFETY: as above; the Null variant has no payload, only the tag is defined.
        let tag_word: u64 = unsafe { *(&n as *const Value as *const u64) };
        assert_eq!(tag_word, tag::NULL);
    }
}
