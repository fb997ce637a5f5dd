//! Shapes (hidden classes): how instances store attributes in slots.
//!
//! An instance does not own a dict. It points to a [`Shape`], an immutable list of attribute
//! names where name `i` lives in slot `i` of the instance's slot vector. Adding an attribute
//! follows (or creates) a *transition* from the current shape to a child shape with the name
//! appended, so instances that acquire the same attributes in the same order share a shape,
//! wherever the assignments happen (in `__init__` or later). Each class has its own root shape,
//! so a shape also identifies the class: a (shape → slot) inline cache, or a JIT guard on the
//! shape, is enough to load an attribute. Shapes live for the whole run (they are few: one per
//! distinct attribute sequence), so they are leaked `&'static` references.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};

use super::interner::Sym;

pub type ShapeRef = &'static Shape;

pub struct Shape {
    /// A unique number, for dumps and caches.
    pub id: u32,
    /// Slot `i` holds attribute `names[i]`.
    pub names: Vec<Sym>,
    transitions: RefCell<Vec<(Sym, ShapeRef)>>,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

impl Shape {
    /// A new empty root shape.
    pub fn new_root() -> ShapeRef {
        Shape::leak(Vec::new())
    }

    fn leak(names: Vec<Sym>) -> ShapeRef {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Box::leak(Box::new(Shape { id, names, transitions: RefCell::new(Vec::new()) }))
    }

    /// The slot holding `name`, if this shape has it.
    #[inline]
    pub fn slot_of(&self, name: Sym) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }

    /// The shape with `name` appended (slot `self.names.len()`), created on first use.
    pub fn with(&'static self, name: Sym) -> ShapeRef {
        if let Some(&(_, next)) = self.transitions.borrow().iter().find(|(n, _)| *n == name) {
            return next;
        }
        let mut names = self.names.clone();
        names.push(name);
        let next = Shape::leak(names);
        self.transitions.borrow_mut().push((name, next));
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_are_shared() {
        let root = Shape::new_root();
        let a = root.with(Sym(1)).with(Sym(2));
        let b = root.with(Sym(1)).with(Sym(2));
        assert!(std::ptr::eq(a, b));
        assert_eq!(a.slot_of(Sym(2)), Some(1));
        assert_eq!(a.slot_of(Sym(3)), None);
        let c = root.with(Sym(2)).with(Sym(1));
        assert!(!std::ptr::eq(a, c));
        assert_eq!(c.slot_of(Sym(2)), Some(0));
    }
}
