//! A `RefCell` with a pinned layout, for object state that machine code reads and writes.
//!
//! A built-in iterator's state (`for i in range(n)`, `for x in xs`) advances on every iteration
//! of the loops the JIT compiles, and a helper call per step costs more than the step. The C
//! stencils advance it in place instead, which needs to know where the state is and whether
//! Rust code is borrowing it; `RefCell`'s layout is unspecified. [`PinCell`] has `RefCell`'s
//! API and a `#[repr(C)]` layout: the borrow flag at offset 0 (0: not borrowed, n > 0: n shared
//! borrows, -1: borrowed exclusively), the value at 8 (tests pin this; `stencils/stitch.h`
//! mirrors it). Machine code touches the value only while the flag is 0.

use std::cell::{Cell, UnsafeCell};
use std::ops::{Deref, DerefMut};

/// A mutable memory location with dynamically checked borrows (see the module docs).
#[repr(C)]
pub struct PinCell<T> {
    borrow: Cell<isize>,
    value: UnsafeCell<T>,
}

/// A borrow that failed (the cell is borrowed the other way).
#[derive(Debug)]
pub struct BorrowError;

impl<T> PinCell<T> {
    /// Offset of the borrow flag (mirrored by `stencils/stitch.h`).
    pub const BORROW_OFFSET: usize = std::mem::offset_of!(PinCell<T>, borrow);
    /// Offset of the value (mirrored by `stencils/stitch.h`).
    pub const VALUE_OFFSET: usize = std::mem::offset_of!(PinCell<T>, value);

    pub const fn new(value: T) -> PinCell<T> {
        PinCell { borrow: Cell::new(0), value: UnsafeCell::new(value) }
    }

    /// # Panics
    /// If the cell is borrowed exclusively (as `RefCell::borrow`).
    #[inline]
    #[track_caller]
    pub fn borrow(&self) -> PinRef<'_, T> {
        self.try_borrow().expect("already mutably borrowed")
    }

    #[inline]
    pub fn try_borrow(&self) -> Result<PinRef<'_, T>, BorrowError> {
        let b = self.borrow.get();
        if b < 0 {
            return Err(BorrowError);
        }
        self.borrow.set(b + 1);
        Ok(PinRef { cell: self })
    }

    /// # Panics
    /// If the cell is borrowed at all (as `RefCell::borrow_mut`).
    #[inline]
    #[track_caller]
    pub fn borrow_mut(&self) -> PinRefMut<'_, T> {
        self.try_borrow_mut().expect("already borrowed")
    }

    #[inline]
    pub fn try_borrow_mut(&self) -> Result<PinRefMut<'_, T>, BorrowError> {
        if self.borrow.get() != 0 {
            return Err(BorrowError);
        }
        self.borrow.set(-1);
        Ok(PinRefMut { cell: self })
    }

    /// Replaces the value, returning the old one.
    ///
    /// # Panics
    /// If the cell is borrowed.
    pub fn replace(&self, value: T) -> T {
        std::mem::replace(&mut *self.borrow_mut(), value)
    }

    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

/// A shared borrow of a [`PinCell`]'s value.
pub struct PinRef<'a, T> {
    cell: &'a PinCell<T>,
}

impl<T> Deref for PinRef<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag counts this borrow, so no exclusive borrow exists (and machine code
        // does not write while the flag is non-zero).
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> Drop for PinRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(self.cell.borrow.get() - 1);
    }
}

/// An exclusive borrow of a [`PinCell`]'s value.
pub struct PinRefMut<'a, T> {
    cell: &'a PinCell<T>,
}

impl<T> Deref for PinRefMut<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the flag is -1 for this borrow alone: nothing else reads or writes the value.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for PinRefMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for PinRefMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_pinned() {
        assert_eq!(PinCell::<u64>::BORROW_OFFSET, 0);
        assert_eq!(PinCell::<u64>::VALUE_OFFSET, 8);
        assert_eq!(std::mem::size_of::<PinCell<u64>>(), 16);
    }

    fn flag<T>(c: &PinCell<T>) -> isize {
        // SAFETY: the flag is the first word (pinned above).
        unsafe { *(c as *const PinCell<T> as *const isize) }
    }

    #[test]
    fn borrows_are_counted_as_refcell_counts_them() {
        let c = PinCell::new(5u64);
        {
            let a = c.borrow();
            let b = c.borrow();
            assert_eq!(*a + *b, 10);
            assert_eq!(flag(&c), 2);
            assert!(c.try_borrow_mut().is_err());
        }
        {
            let mut m = c.borrow_mut();
            *m = 6;
            assert_eq!(flag(&c), -1);
            assert!(c.try_borrow().is_err());
        }
        assert_eq!(flag(&c), 0);
        assert_eq!(c.replace(7), 6);
        assert_eq!(c.into_inner(), 7);
    }
}
