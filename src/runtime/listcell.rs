//! A list's storage: a `RefCell<Vec<Value>>` whose layout JIT code can address.
//!
//! `list[i]`, `list[i] = v`, unpacking and `for x in list` are among the hottest operations of
//! everyday code, and a helper call for each costs more than the access itself. So the C
//! stencils read and write list items in place, which needs a fixed, documented layout; a
//! `RefCell<Vec<Value>>`'s is unspecified (the order of `Vec`'s fields may change with the
//! compiler). [`ListCell`] is a `#[repr(C)]` cell with `RefCell`'s API and guards that deref to
//! a `Vec<Value>`: the buffer pointer at offset 0, the length at 8, the capacity at 16 and the
//! borrow flag at 24, 32 bytes in all (tests pin this; the offsets are mirrored by
//! `stencils/stitch.h`).
//!
//! The borrow flag counts shared borrows (positive) or marks the exclusive one (-1), as
//! `RefCell`'s does, and borrowing against it panics the same way. The vector itself lives in
//! the fields: a shared borrow lends a `Vec` rebuilt from them that is never dropped; an
//! exclusive borrow moves the vector out into its guard and leaves the fields empty (length
//! and capacity 0), putting it back when the guard drops. So machine code that checks its index
//! against the length never reads a buffer an exclusive borrow may be reallocating, and code
//! that writes an item checks that the flag is 0 (no Rust code holds a slice of the buffer).

use std::cell::Cell;
use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use super::value::Value;

/// A list's items (see the module docs).
#[repr(C)]
pub struct ListCell {
    /// The vector's buffer: `cap` values, the first `len` initialized (dangling when `cap` is
    /// 0, and while an exclusive borrow holds the vector).
    ptr: Cell<*mut Value>,
    len: Cell<usize>,
    cap: Cell<usize>,
    /// 0: not borrowed; n > 0: n shared borrows; -1: borrowed exclusively.
    borrow: Cell<isize>,
}

impl ListCell {
    /// Offset of the buffer pointer (mirrored by `stencils/stitch.h`).
    pub const PTR_OFFSET: usize = std::mem::offset_of!(ListCell, ptr);
    /// Offset of the length (mirrored by `stencils/stitch.h`).
    pub const LEN_OFFSET: usize = std::mem::offset_of!(ListCell, len);
    /// Offset of the borrow flag (mirrored by `stencils/stitch.h`).
    pub const BORROW_OFFSET: usize = std::mem::offset_of!(ListCell, borrow);

    pub fn new(items: Vec<Value>) -> ListCell {
        let cell = ListCell {
            ptr: Cell::new(NonNull::dangling().as_ptr()),
            len: Cell::new(0),
            cap: Cell::new(0),
            borrow: Cell::new(0),
        };
        cell.put(items);
        cell
    }

    /// Stores `items` in the fields, which hold no vector.
    fn put(&self, items: Vec<Value>) {
        let mut items = ManuallyDrop::new(items);
        self.ptr.set(items.as_mut_ptr());
        self.len.set(items.len());
        self.cap.set(items.capacity());
    }

    /// Moves the vector out of the fields, leaving them empty.
    fn take_out(&self) -> Vec<Value> {
        let (ptr, len, cap) = (self.ptr.get(), self.len.get(), self.cap.get());
        self.ptr.set(NonNull::dangling().as_ptr());
        self.len.set(0);
        self.cap.set(0);
        // SAFETY: the fields hold the parts of a vector `put` stored (allocated by the global
        // allocator with capacity `cap`, `len` values initialized), and emptying them above
        // makes this its only owner.
        unsafe { Vec::from_raw_parts(ptr, len, cap) }
    }

    /// Borrows the items for reading.
    ///
    /// # Panics
    /// If the list is borrowed exclusively (as `RefCell::borrow`).
    #[inline]
    #[track_caller]
    pub fn borrow(&self) -> ListRef<'_> {
        self.try_borrow().expect("list already mutably borrowed")
    }

    #[inline]
    pub fn try_borrow(&self) -> Result<ListRef<'_>, BorrowError> {
        let b = self.borrow.get();
        if b < 0 {
            return Err(BorrowError);
        }
        self.borrow.set(b + 1);
        // SAFETY: the fields hold a vector (no exclusive borrow took it out), which nothing
        // mutates while the shared borrow counted above is alive; the copy is never dropped.
        let items = ManuallyDrop::new(unsafe { Vec::from_raw_parts(self.ptr.get(), self.len.get(), self.cap.get()) });
        Ok(ListRef { cell: self, items })
    }

    /// Borrows the items for writing.
    ///
    /// # Panics
    /// If the list is borrowed at all (as `RefCell::borrow_mut`).
    #[inline]
    #[track_caller]
    pub fn borrow_mut(&self) -> ListRefMut<'_> {
        self.try_borrow_mut().expect("list already borrowed")
    }

    #[inline]
    pub fn try_borrow_mut(&self) -> Result<ListRefMut<'_>, BorrowError> {
        if self.borrow.get() != 0 {
            return Err(BorrowError);
        }
        self.borrow.set(-1);
        Ok(ListRefMut { cell: self, items: self.take_out() })
    }

    /// Replaces the items, returning the old ones.
    ///
    /// # Panics
    /// If the list is borrowed.
    pub fn replace(&self, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(&mut *self.borrow_mut(), items)
    }

    /// Takes the items, leaving the list empty.
    ///
    /// # Panics
    /// If the list is borrowed.
    pub fn take(&self) -> Vec<Value> {
        self.replace(Vec::new())
    }

    pub fn into_inner(self) -> Vec<Value> {
        let this = ManuallyDrop::new(self);
        assert_eq!(this.borrow.get(), 0, "list borrowed while dropped");
        this.take_out()
    }
}

impl Default for ListCell {
    fn default() -> ListCell {
        ListCell::new(Vec::new())
    }
}

impl Drop for ListCell {
    fn drop(&mut self) {
        // (A guard borrows `self`, so none is alive: the fields hold the vector.)
        drop(self.take_out());
    }
}

impl fmt::Debug for ListCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ListCell(len {}, borrow {})", self.len.get(), self.borrow.get())
    }
}

/// A borrow that failed (the list is borrowed the other way).
#[derive(Debug)]
pub struct BorrowError;

/// A shared borrow of a list's items.
pub struct ListRef<'a> {
    cell: &'a ListCell,
    items: ManuallyDrop<Vec<Value>>,
}

impl Deref for ListRef<'_> {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl Drop for ListRef<'_> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrow.set(self.cell.borrow.get() - 1);
    }
}

/// An exclusive borrow of a list's items: holds the vector until it drops.
pub struct ListRefMut<'a> {
    cell: &'a ListCell,
    items: Vec<Value>,
}

impl Deref for ListRefMut<'_> {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl DerefMut for ListRefMut<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.items
    }
}

impl Drop for ListRefMut<'_> {
    #[inline]
    fn drop(&mut self) {
        self.cell.put(std::mem::take(&mut self.items));
        self.cell.borrow.set(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_pinned() {
        assert_eq!(std::mem::size_of::<ListCell>(), 32);
        assert_eq!(ListCell::PTR_OFFSET, 0);
        assert_eq!(ListCell::LEN_OFFSET, 8);
        assert_eq!(std::mem::offset_of!(ListCell, cap), 16);
        assert_eq!(ListCell::BORROW_OFFSET, 24);
    }

    /// (buffer, length, borrow flag) as machine code reads them.
    fn raw(l: &ListCell) -> (*const Value, usize, isize) {
        let p = l as *const ListCell as *const u8;
        // SAFETY: the offsets are pinned above; the words are plain integers and pointers.
        unsafe { (*(p as *const *const Value), *(p.add(8) as *const usize), *(p.add(24) as *const isize)) }
    }

    #[test]
    fn fields_hold_the_vector_between_borrows() {
        let l = ListCell::new(vec![Value::Int(1), Value::Int(2)]);
        let (ptr, len, flag) = raw(&l);
        assert_eq!((len, flag), (2, 0));
        // SAFETY: the buffer holds `len` initialized values.
        assert!(matches!(unsafe { *ptr.add(1) }, Value::Int(2)));
        {
            let r = l.borrow();
            let r2 = l.borrow();
            assert_eq!(r.len() + r2.len(), 4);
            assert_eq!(raw(&l).2, 2);
            assert!(l.try_borrow_mut().is_err());
        }
        assert_eq!(raw(&l).2, 0);
    }

    #[test]
    fn an_exclusive_borrow_empties_the_fields_until_it_drops() {
        let l = ListCell::new(vec![Value::Int(1)]);
        {
            let mut w = l.borrow_mut();
            assert_eq!(raw(&l).1, 0, "machine code sees no items to read");
            assert_eq!(raw(&l).2, -1);
            assert!(l.try_borrow().is_err());
            for i in 0..100 {
                w.push(Value::Int(i));
            }
        }
        let (ptr, len, flag) = raw(&l);
        assert_eq!((len, flag), (101, 0));
        // SAFETY: as above.
        assert!(matches!(unsafe { *ptr.add(100) }, Value::Int(99)));
        assert_eq!(l.take().len(), 101);
        assert_eq!(l.borrow().len(), 0);
        l.replace(vec![Value::None]);
        assert_eq!(l.into_inner().len(), 1);
    }

    #[test]
    fn a_panic_inside_an_exclusive_borrow_puts_the_vector_back() {
        let l = ListCell::new(vec![Value::Int(7)]);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut w = l.borrow_mut();
            w.push(Value::Int(8));
            panic!("inside");
        }));
        assert!(r.is_err());
        assert_eq!(l.borrow().len(), 2);
    }
}
