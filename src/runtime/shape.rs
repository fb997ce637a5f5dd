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
//!
//! An instance whose `__dict__` a program asked for moves to its class's *dict shape*: it has
//! no names, and slot 0 holds a real `dict` that is the instance's attribute storage from then
//! on (as CPython materializes an instance's dict), so `obj.__dict__` is a live view that
//! `obj.__dict__.update(...)` or `vars(obj)[k] = v` writes through. No slot cache or JIT guard
//! ever names a dict shape with a slot, so the fast paths simply miss on such instances.

use std::cell::{OnceCell, RefCell};
use std::sync::atomic::{AtomicU32, Ordering};

use super::interner::Sym;

pub type ShapeRef = &'static Shape;

pub struct Shape {
    /// A unique number, for dumps and caches.
    pub id: u32,
    /// Slot `i` holds attribute `names[i]`.
    pub names: Vec<Sym>,
    transitions: RefCell<Vec<(Sym, ShapeRef)>>,
    /// Whether this is a dict shape (slot 0 holds the instance's `__dict__`).
    pub dict_mode: bool,
    /// The dict shape of this (root) shape's class, created on first use.
    dict_child: OnceCell<ShapeRef>,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

impl Shape {
    /// A new empty root shape.
    pub fn new_root() -> ShapeRef {
        Shape::leak(Vec::new(), false)
    }

    fn leak(names: Vec<Sym>, dict_mode: bool) -> ShapeRef {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Box::leak(Box::new(Shape {
            id,
            names,
            transitions: RefCell::new(Vec::new()),
            dict_mode,
            dict_child: OnceCell::new(),
        }))
    }

    /// The dict shape for instances of this root shape's class (see the module docs).
    pub fn dict_shape(&'static self) -> ShapeRef {
        self.dict_child.get_or_init(|| Shape::leak(Vec::new(), true))
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
        let next = Shape::leak(names, false);
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

    #[test]
    fn a_class_has_one_dict_shape_without_slots() {
        let root = Shape::new_root();
        let d = root.dict_shape();
        assert!(d.dict_mode && !root.dict_mode);
        assert!(std::ptr::eq(d, root.dict_shape()));
        assert_eq!(d.slot_of(Sym(1)), None);
        assert!(!std::ptr::eq(d, Shape::new_root().dict_shape()));
    }
}
