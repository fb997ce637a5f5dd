//! The slot vector of an instance: its attribute values, in a layout JIT code can address.
//!
//! An instance keeps its attributes in slot `i` per its [shape](super::shape). Attribute access
//! is among the hottest operations, and the C stencils of the JIT read and write slots directly,
//! so the vector needs a fixed, documented layout and must not pay for a `RefCell` borrow flag.
//! [`SlotVec`] is a `#[repr(C)]` growable array of [`Value`]s: a buffer pointer at offset 0, the
//! length (`u32`) at 8 and the capacity (`u32`) at 12, 16 bytes in all (tests pin this; the
//! offsets are mirrored by `stencils/stitch.h`). The fields are `Cell`s, so the vector is
//! mutated through `&self` like the rest of an object, and it is `!Sync` (the runtime is
//! single-threaded). The buffer comes from the global allocator and is freed on drop.
//!
//! Aliasing rule: only this module's methods touch the buffer, and no reference into it
//! outlives a method call, except the slice that [`SlotVec::with_slice`] lends to its closure.
//! While that slice is lent the vector reads as empty with no spare capacity, so the closure
//! cannot write behind the slice's back: `set` and `remove` fail their bounds check and `push`
//! panics instead of reallocating. Hot paths pay nothing for that check.

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::ptr::NonNull;

use super::value::{load_value, Value};

/// A growable array of values with a pinned layout (see the module docs).
#[repr(C)]
pub struct SlotVec {
    /// The buffer: `cap` values, the first `len` initialized. Dangling while `cap` is 0 (and
    /// the real buffer, with `len` and `cap` both 0, while `with_slice` lends it).
    ptr: Cell<*mut Value>,
    len: Cell<u32>,
    cap: Cell<u32>,
}

/// Capacity of the first allocation (what `Vec` picks for 16-byte elements).
const MIN_CAP: u32 = 4;

impl SlotVec {
    /// Offset of the buffer pointer (mirrored by `stencils/stitch.h`).
    pub const PTR_OFFSET: usize = std::mem::offset_of!(SlotVec, ptr);
    /// Offset of the length (mirrored by `stencils/stitch.h`).
    pub const LEN_OFFSET: usize = std::mem::offset_of!(SlotVec, len);

    /// An empty vector (allocates nothing).
    #[inline]
    pub fn new() -> SlotVec {
        SlotVec { ptr: Cell::new(dangling()), len: Cell::new(0), cap: Cell::new(0) }
    }

    /// An empty vector with room for `cap` values.
    pub fn with_capacity(cap: usize) -> SlotVec {
        let v = SlotVec::new();
        if cap > 0 {
            let cap = u32::try_from(cap).expect("too many instance slots");
            let layout = buffer_layout(cap);
            // SAFETY: `layout` has a non-zero size (cap > 0 and values are 16 bytes).
            let p = unsafe { alloc::alloc(layout) };
            if p.is_null() {
                alloc::handle_alloc_error(layout);
            }
            v.ptr.set(p.cast());
            v.cap.set(cap);
        }
        v
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len.get() as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// Value `i`, read as two 8-byte loads (see [`load_value`]).
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        if i < self.len() {
            // SAFETY: `i < len`, and the first `len` values of the buffer are initialized.
            Some(unsafe { load_value(self.ptr.get().add(i)) })
        } else {
            None
        }
    }

    /// Overwrites value `i`; false (and nothing written) if `i` is out of range.
    #[inline(always)]
    pub fn try_set(&self, i: usize, v: Value) -> bool {
        if i < self.len() {
            // SAFETY: `i < len`, so the element is inside the buffer; no reference into the
            // buffer is alive (the only lent slice, `with_slice`'s, makes `len` read 0).
            unsafe { self.ptr.get().add(i).write(v) };
            true
        } else {
            false
        }
    }

    /// Overwrites value `i`.
    ///
    /// # Panics
    /// If `i` is out of range.
    #[inline]
    pub fn set(&self, i: usize, v: Value) {
        assert!(self.try_set(i, v), "slot {i} out of range (len {})", self.len());
    }

    /// Appends a value, growing the buffer when it is full.
    #[inline]
    pub fn push(&self, v: Value) {
        let len = self.len.get();
        if len == self.cap.get() {
            self.grow();
        }
        // SAFETY: `len < cap` now, so the element is inside the buffer (and uninitialized or
        // stale, so overwriting it drops nothing; values are `Copy` anyway); no reference into
        // the buffer is alive (see `try_set`).
        unsafe { self.ptr.get().add(len as usize).write(v) };
        self.len.set(len + 1);
    }

    /// Removes value `i`, shifting the following values down.
    ///
    /// # Panics
    /// If `i` is out of range.
    pub fn remove(&self, i: usize) -> Value {
        let len = self.len();
        assert!(i < len, "slot {i} out of range (len {len})");
        let p = self.ptr.get();
        // SAFETY: `i < len`: the element and the `len - i - 1` values after it are initialized
        // values inside the buffer (`ptr::copy` allows the overlap); no reference into the
        // buffer is alive (see `try_set`).
        let v = unsafe {
            let v = p.add(i).read();
            std::ptr::copy(p.add(i + 1), p.add(i), len - i - 1);
            v
        };
        self.len.set(len as u32 - 1);
        v
    }

    /// Drops every value after the first `n` (nothing when there are no more than `n`).
    pub fn truncate(&self, n: usize) {
        if n < self.len() {
            // Values are `Copy`: the dropped tail needs no destructor, and the buffer keeps its
            // capacity.
            self.len.set(n as u32);
        }
    }

    /// A copy of the values.
    pub fn to_vec(&self) -> Vec<Value> {
        self.with_slice(|s| s.to_vec())
    }

    /// Calls `f` with the values as a slice (for the collector's marker and for copies).
    ///
    /// While `f` runs the vector is lent out: it reads as empty, `set`/`try_set`/`remove`
    /// find nothing in range and `push` panics, so `f` cannot invalidate the slice.
    pub fn with_slice<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        let (ptr, len, cap) = (self.ptr.get(), self.len.get(), self.cap.get());
        if len == 0 {
            // An empty slice aliases nothing: `f` may even push.
            return f(&[]);
        }

        /// Gives the buffer back when `f` returns or unwinds.
        struct Restore<'a>(&'a SlotVec, u32, u32);
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                self.0.len.set(self.1);
                self.0.cap.set(self.2);
            }
        }

        self.len.set(0);
        self.cap.set(0);
        let _restore = Restore(self, len, cap);
        // SAFETY: the first `len` values of the buffer are initialized, and nothing writes to
        // or frees the buffer while the slice lives: every mutator sees `len == cap == 0` and
        // writes nothing (`grow` refuses a lent buffer), and `self` cannot be dropped while it
        // is borrowed.
        let items = unsafe { std::slice::from_raw_parts(ptr, len as usize) };
        f(items)
    }

    /// Makes room for at least one more value.
    #[cold]
    #[inline(never)]
    fn grow(&self) {
        let (ptr, cap) = (self.ptr.get(), self.cap.get());
        assert!(cap != 0 || ptr == dangling(), "instance slots mutated while lent to with_slice");
        let new_cap = match cap {
            0 => MIN_CAP,
            u32::MAX => panic!("too many instance slots"),
            c => c.saturating_mul(2),
        };
        let new_layout = buffer_layout(new_cap);
        let p = if cap == 0 {
            // SAFETY: `new_layout` has a non-zero size.
            unsafe { alloc::alloc(new_layout) }
        } else {
            // SAFETY: `ptr` was allocated by the global allocator with `buffer_layout(cap)`
            // (cap != 0 and the buffer is not lent, so it is the vector's own allocation), and
            // the new size is non-zero and fits `isize` (checked by `buffer_layout`).
            unsafe { alloc::realloc(ptr.cast(), buffer_layout(cap), new_layout.size()) }
        };
        if p.is_null() {
            alloc::handle_alloc_error(new_layout);
        }
        self.ptr.set(p.cast());
        self.cap.set(new_cap);
    }
}

impl Default for SlotVec {
    fn default() -> SlotVec {
        SlotVec::new()
    }
}

impl Drop for SlotVec {
    fn drop(&mut self) {
        let cap = self.cap.get();
        if cap != 0 {
            // SAFETY: a non-zero capacity means the buffer was allocated with
            // `buffer_layout(cap)` (it cannot be lent: lending borrows `self`, and dropping
            // needs it exclusively). Values need no drop.
            unsafe { alloc::dealloc(self.ptr.get().cast(), buffer_layout(cap)) };
        }
    }
}

/// The buffer pointer of a vector that owns no allocation.
#[inline]
fn dangling() -> *mut Value {
    NonNull::<Value>::dangling().as_ptr()
}

/// The allocation layout of a buffer of `cap` values.
fn buffer_layout(cap: u32) -> Layout {
    Layout::array::<Value>(cap as usize).expect("instance slots too large")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: Option<Value>) -> i64 {
        match v {
            Some(Value::Int(i)) => i,
            other => panic!("not an int: {other:?}"),
        }
    }

    #[test]
    fn layout_is_pinned() {
        assert_eq!(std::mem::offset_of!(SlotVec, ptr), 0);
        assert_eq!(std::mem::offset_of!(SlotVec, len), 8);
        assert_eq!(std::mem::offset_of!(SlotVec, cap), 12);
        assert_eq!(std::mem::size_of::<SlotVec>(), 16);
        assert_eq!(std::mem::align_of::<SlotVec>(), 8);
    }

    #[test]
    fn push_grow_get_set() {
        let s = SlotVec::new();
        assert!(s.is_empty());
        assert_eq!(s.get(0).map(|_| ()), None);
        for i in 0..1000 {
            s.push(Value::Int(i));
            assert_eq!(s.len(), i as usize + 1);
        }
        assert!(s.cap.get() >= 1000);
        for i in 0..1000 {
            assert_eq!(int(s.get(i as usize)), i);
        }
        assert!(s.get(1000).is_none());
        s.set(7, Value::Float(2.5));
        assert!(matches!(s.get(7), Some(Value::Float(x)) if x == 2.5));
        assert!(s.try_set(999, Value::None));
        assert!(!s.try_set(1000, Value::None));
        assert!(matches!(s.get(999), Some(Value::None)));
        let v = s.to_vec();
        assert_eq!(v.len(), 1000);
        assert!(v[..7].iter().zip(0..).all(|(v, i)| matches!(v, Value::Int(n) if *n == i)));
        assert_eq!(s.with_slice(|items| items.len()), 1000);
    }

    #[test]
    #[should_panic(expected = "out of range")]
    fn set_out_of_range_panics() {
        let s = SlotVec::with_capacity(8);
        s.push(Value::Int(1));
        s.set(1, Value::Int(2));
    }

    #[test]
    fn with_capacity_and_remove() {
        let s = SlotVec::with_capacity(3);
        assert_eq!(s.cap.get(), 3);
        for i in 0..5 {
            s.push(Value::Int(i));
        }
        assert_eq!(int(Some(s.remove(1))), 1);
        assert_eq!(int(Some(s.remove(3))), 4);
        let rest: Vec<i64> = s.to_vec().into_iter().map(|v| int(Some(v))).collect();
        assert_eq!(rest, [0, 2, 3]);
        assert_eq!(SlotVec::with_capacity(0).cap.get(), 0);
    }

    #[test]
    fn many_vectors_are_freed() {
        // Allocates and drops a few hundred megabytes in all: a leak would show in the RSS of
        // the test binary, a double free or bad layout would crash.
        for n in 0..2000 {
            let s = SlotVec::new();
            for i in 0..n {
                s.push(Value::Int(i));
            }
            assert_eq!(s.len(), n as usize);
            drop(s);
        }
    }

    #[test]
    fn lent_slots_cannot_be_mutated() {
        let s = SlotVec::new();
        s.push(Value::Int(1));
        s.push(Value::Int(2));
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            s.with_slice(|items| {
                assert!(s.get(0).is_none());
                assert!(!s.try_set(0, Value::None));
                s.push(Value::Int(3)); // panics
                items.len()
            })
        }));
        assert!(r.is_err());
        // The buffer was given back intact.
        assert_eq!(s.len(), 2);
        assert_eq!(int(s.get(1)), 2);
        s.push(Value::Int(3));
        assert_eq!(s.to_vec().len(), 3);
        // An empty vector lends nothing: pushing inside is fine.
        let e = SlotVec::new();
        e.with_slice(|_| e.push(Value::Int(9)));
        assert_eq!(int(e.get(0)), 9);
    }
}
