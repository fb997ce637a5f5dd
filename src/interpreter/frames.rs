//! The stack of frame records, allocated once at its largest size so that it never moves.
//!
//! The interpreter pushes and pops a [`Frame`] record on every Python call and return, and the
//! JIT's `_PUSH_FRAME`/`_POP_FRAME` stencils do the same in machine code, straight into this
//! memory: the records and the length live at fixed addresses that a trace can be given, and
//! the header is `#[repr(C)]` (C: `FrameStack` in `stencils/stitch.h`). Capacity is the hard
//! ceiling of the recursion limit plus one, so a push that the limit allowed always fits;
//! untouched capacity is never committed by the OS (frames are written only as the stack
//! grows).

use super::{Frame, MAX_RECURSION_LIMIT};

/// The frame records of every running frame, oldest first (C: `FrameStack`).
#[repr(C)]
pub struct FrameStack {
    ptr: *mut Frame,
    len: usize,
    /// The recursion limit: pushes beyond this many frames raise RecursionError.
    pub limit: usize,
}

/// Room for the deepest stack any recursion limit allows.
const CAPACITY: usize = MAX_RECURSION_LIMIT + 1;

impl FrameStack {
    /// Field offsets, for the C mirror's layout test (the fields are private).
    pub const RECORDS_OFFSET: usize = std::mem::offset_of!(FrameStack, ptr);
    pub const LEN_OFFSET: usize = std::mem::offset_of!(FrameStack, len);

    pub fn new(limit: usize) -> FrameStack {
        let layout = std::alloc::Layout::array::<Frame>(CAPACITY).expect("frame stack layout");
        // SAFETY: the layout is non-zero-sized; the memory is only read below `len`, where
        // `push` wrote initialized records.
        let ptr = unsafe { std::alloc::alloc(layout) as *mut Frame };
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        FrameStack { ptr, len: 0, limit: limit.min(MAX_RECURSION_LIMIT) }
    }

    /// Whether another frame may be pushed under the recursion limit.
    #[inline]
    pub fn has_room(&self) -> bool {
        self.len < self.limit
    }

    /// Pushes `frame`. The caller checked [`FrameStack::has_room`]; a push past the capacity
    /// would be a bug in that check and stops the process rather than write out of bounds.
    #[inline]
    pub fn push(&mut self, frame: Frame) {
        if self.len >= CAPACITY {
            // Unreachable while `limit` stays below CAPACITY (`set_limit` clamps it).
            std::process::abort();
        }
        // SAFETY: `len < CAPACITY`, so the slot is inside the allocation.
        unsafe { self.ptr.add(self.len).write(frame) };
        self.len += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Option<Frame> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the record at the old top was written by `push` and is `Copy`.
        Some(unsafe { self.ptr.add(self.len).read() })
    }

    pub fn set_limit(&mut self, limit: usize) {
        self.limit = limit.min(MAX_RECURSION_LIMIT);
    }
}

impl std::ops::Deref for FrameStack {
    type Target = [Frame];

    #[inline]
    fn deref(&self) -> &[Frame] {
        // SAFETY: the first `len` records are initialized (see `push`); the pointer is non-null
        // and aligned (a live allocation of `Frame`s).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl std::ops::DerefMut for FrameStack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Frame] {
        // SAFETY: as in `deref`; `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for FrameStack {
    fn drop(&mut self) {
        let layout = std::alloc::Layout::array::<Frame>(CAPACITY).expect("frame stack layout");
        // SAFETY: allocated in `new` with this layout and freed once, here (records are `Copy`
        // and need no drop).
        unsafe { std::alloc::dealloc(self.ptr as *mut u8, layout) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_is_clamped_to_the_capacity() {
        let mut s = FrameStack::new(usize::MAX);
        assert_eq!(s.limit, MAX_RECURSION_LIMIT);
        s.set_limit(50);
        assert_eq!(s.limit, 50);
        s.set_limit(MAX_RECURSION_LIMIT + 10);
        assert!(s.limit < CAPACITY);
        assert!(s.is_empty() && s.has_room());
        assert!(s.pop().is_none());
    }
}
