//! The garbage-collected heap: allocation and a precise, non-moving mark-sweep collector.
//!
//! Every heap object is a `Box<Obj>` whose pointer the heap records. Allocation only counts;
//! when enough objects were allocated since the last collection the heap sets
//! [`Heap::gc_requested`], and the interpreter collects at its next *safepoint* (a loop
//! back-edge or a call), where every live value is in a known place: the VM stack, the frames,
//! the module dicts, the interned names, code constants and the temporary roots that Rust code
//! pushes while it calls back into Python. Collection marks from those roots with an explicit
//! gray stack (no native recursion, so long linked structures are fine) and frees the rest.
//! The next threshold is proportional to what survived, so a loop that allocates millions of
//! short-lived objects runs in bounded memory while a growing heap is not scanned too often.
//!
//! All objects have the same size, so the heap carves them out of large chunks and recycles
//! the slots of dead objects through a free list instead of calling `malloc`/`free` for each
//! one (allocation-heavy loops spent half their time in the system allocator otherwise).

use std::mem::MaybeUninit;
use std::ptr::NonNull;

use super::object::{ArrayData, InstanceExt, IterState, Obj, ObjKind};
use super::value::{ObjRef, Value};

/// Fewest allocations between two collections.
const MIN_THRESHOLD: usize = 25_000;

/// Objects per chunk of object memory.
const CHUNK: usize = 4096;

pub struct Heap {
    /// Every live object.
    objects: Vec<NonNull<Obj>>,
    /// Memory the objects live in; chunks are kept until the heap is dropped.
    chunks: Vec<Box<[MaybeUninit<Obj>]>>,
    /// Unused slots of the last chunk start at this index.
    next_in_chunk: usize,
    /// Slots of collected objects, ready for reuse.
    free: Vec<NonNull<Obj>>,
    allocated_since_gc: usize,
    threshold: usize,
    /// `gc.disable()`: no collection is requested automatically (`gc.collect()` still runs one).
    pub disabled: bool,
    /// Set when a collection is due (or Ctrl-C was pressed, `interpreter::interrupt`); the
    /// interpreter collects at its next safepoint, and traces leave at theirs. Atomic because
    /// the SIGINT handler sets it; every access is a relaxed load or store, a plain one in the
    /// machine code.
    pub gc_requested: std::sync::atomic::AtomicBool,
    /// Stress mode (`STITCH_GC_STRESS=1`): collect at every safepoint, to flush out values
    /// that Rust code forgot to root.
    pub stress: bool,
    /// Unreachable objects `gc.collect()` already counted and that wait for the next sweep
    /// (so that a second call before it does not count them again, as CPython's would not).
    pub reported: std::collections::HashSet<NonNull<Obj>>,
    /// Set once a program imports `gc`: every sweep then counts the garbage CPython's cycle
    /// collector would have found (see `runtime::cycles`) into `cyclic_found`, so that
    /// `gc.collect()` reports the same number whenever stitch's own collections ran.
    pub count_cycles: bool,
    /// Objects on (or kept alive by) garbage cycles that sweeps freed since `gc.collect()`.
    pub cyclic_found: usize,
    /// Tuples of atomic values found alive by a count or a sweep (CPython untracks those).
    pub untracked: std::collections::HashSet<NonNull<Obj>>,
    /// Statistics.
    pub collections: u64,
    pub freed_total: u64,
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        // Sized for the first collection cycle up front: growing these while the program
        // allocates makes the allocator hand out (and zero) fresh pages again and again.
        Heap {
            objects: Vec::with_capacity(2 * MIN_THRESHOLD),
            chunks: Vec::new(),
            next_in_chunk: CHUNK,
            free: Vec::with_capacity(2 * MIN_THRESHOLD),
            allocated_since_gc: 0,
            threshold: MIN_THRESHOLD,
            disabled: false,
            gc_requested: std::sync::atomic::AtomicBool::new(false),
            stress: std::env::var_os("STITCH_GC_STRESS").is_some_and(|v| v == "1"),
            reported: std::collections::HashSet::new(),
            count_cycles: false,
            cyclic_found: 0,
            untracked: std::collections::HashSet::new(),
            collections: 0,
            freed_total: 0,
        }
    }

    /// Allocates a new object.
    #[inline]
    pub fn alloc(&mut self, kind: ObjKind) -> ObjRef {
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => self.fresh_slot(),
        };
        // SAFETY: `slot` is an unused, properly aligned slot of a live chunk (fresh, or freed
        // by the collector after dropping its previous object), so writing an Obj there
        // initializes it without overwriting a live value.
        unsafe { slot.as_ptr().write(Obj { kind, marked: std::cell::Cell::new(false) }) };
        let ptr = slot;
        self.objects.push(ptr);
        self.allocated_since_gc += 1;
        if (self.allocated_since_gc >= self.threshold && !self.disabled) || self.stress {
            self.gc_requested.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        ObjRef(ptr)
    }

    /// Whether the next safepoint has work: a collection, or Ctrl-C.
    #[inline(always)]
    pub fn safepoint_due(&self) -> bool {
        self.gc_requested.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn fresh_slot(&mut self) -> NonNull<Obj> {
        if self.next_in_chunk == CHUNK {
            let chunk: Box<[MaybeUninit<Obj>]> = (0..CHUNK).map(|_| MaybeUninit::uninit()).collect();
            self.chunks.push(chunk);
            self.next_in_chunk = 0;
        }
        let i = self.next_in_chunk;
        self.next_in_chunk += 1;
        let chunk = self.chunks.last_mut().expect("a chunk was just ensured");
        NonNull::from(&mut chunk[i]).cast()
    }

    /// Number of live (not yet collected) objects.
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Marks every object reachable from the roots `mark_roots` marks (it must mark every root
    /// through the given [`Marker`]): the first half of a collection. [`Heap::sweep`] or [`Heap::take_unmarked`] must follow before anything else
    /// allocates or marks.
    pub fn mark(&self, mark_roots: impl FnOnce(&mut Marker)) {
        let mut marker = Marker { gray: Vec::with_capacity(1024) };
        mark_roots(&mut marker);
        marker.drain();
    }

    /// After [`Heap::mark`]: the objects it did not reach, without freeing anything; every
    /// mark is cleared again. The tuples of atomic values it reached join `untracked`.
    pub fn take_unmarked(&mut self) -> Vec<ObjRef> {
        let mut unreachable = Vec::new();
        let mut alive = Vec::new();
        for &ptr in &self.objects {
            // SAFETY: every pointer in `objects` is an initialized, live object in a chunk.
            let obj = unsafe { ptr.as_ref() };
            if obj.marked.replace(false) {
                if matches!(obj.kind, ObjKind::Tuple(_)) {
                    alive.push(ObjRef(ptr));
                }
            } else {
                unreachable.push(ObjRef(ptr));
            }
        }
        super::cycles::untrack_tuples(alive.into_iter(), &mut self.untracked);
        unreachable
    }

    /// After [`Heap::mark`]: frees every object it did not reach.
    pub fn sweep(&mut self) {
        if self.count_cycles {
            let unreachable: Vec<ObjRef> = self
                .objects
                .iter()
                // SAFETY: every pointer in `objects` is an initialized, live object in a chunk.
                .filter(|&&ptr| !unsafe { ptr.as_ref() }.marked.get() && !self.reported.contains(&ptr))
                .map(|&ptr| ObjRef(ptr))
                .collect();
            self.cyclic_found += super::cycles::cpython_collectable(&unreachable, &self.untracked);
            // SAFETY (both closures): every pointer in `objects` is a live object in a chunk,
            // and a pointer in `untracked` is one until this sweep frees it.
            self.untracked.retain(|&ptr| unsafe { ptr.as_ref() }.marked.get());
            let alive =
                self.objects.iter().filter(|&&ptr| unsafe { ptr.as_ref() }.marked.get()).map(|&ptr| ObjRef(ptr));
            super::cycles::untrack_tuples(alive, &mut self.untracked);
        }
        self.reported.clear();
        let before = self.objects.len();
        let free = &mut self.free;
        self.objects.retain(|&ptr| {
            // SAFETY: every pointer in `objects` is an initialized object in a chunk; it is
            // dropped only here, when it is removed from the list.
            let obj = unsafe { ptr.as_ref() };
            if obj.marked.get() {
                obj.marked.set(false);
                true
            } else {
                // SAFETY: the object is unreachable from every root, so no live value points
                // to it; it is removed from `objects` and its slot goes to the free list, so it
                // is dropped exactly once and the slot is not read again until reallocated.
                unsafe { std::ptr::drop_in_place(ptr.as_ptr()) };
                free.push(ptr);
                false
            }
        });
        let live = self.objects.len();
        self.freed_total += (before - live) as u64;
        self.collections += 1;
        self.allocated_since_gc = 0;
        self.threshold = MIN_THRESHOLD.max(live);
        self.gc_requested.store(false, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &ptr in &self.objects {
            // SAFETY: each live object is dropped once, here, when the heap (and with it every
            // value that could point into it) goes away; the chunks are freed afterwards
            // without dropping their (MaybeUninit) contents again.
            unsafe { std::ptr::drop_in_place(ptr.as_ptr()) };
        }
    }
}

/// Marks objects reachable from the roots it is given.
pub struct Marker {
    gray: Vec<ObjRef>,
}

impl Marker {
    #[inline]
    pub fn mark_value(&mut self, v: Value) {
        if let Value::Obj(o) = v {
            self.mark(o);
        }
    }

    #[inline]
    pub fn mark(&mut self, o: ObjRef) {
        if !o.marked.get() {
            o.marked.set(true);
            self.gray.push(o);
        }
    }

    pub fn mark_values(&mut self, vs: &[Value]) {
        for &v in vs {
            self.mark_value(v);
        }
    }

    fn drain(&mut self) {
        while let Some(o) = self.gray.pop() {
            self.trace(o);
        }
    }

    /// Marks the direct children of `o`.
    #[inline]
    fn trace(&mut self, o: ObjRef) {
        children(o, &mut |v| self.mark_value(v));
    }
}

/// Calls `f` with every value object `o` refers to directly: the collector's tracing, and the
/// cycle analysis behind `gc.collect()`'s count.
#[inline]
pub fn children(o: ObjRef, f: &mut impl FnMut(Value)) {
    fn all(vs: &[Value], f: &mut impl FnMut(Value)) {
        for &v in vs {
            f(v);
        }
    }
    fn dict(d: &std::cell::RefCell<super::dict::Dict>, f: &mut impl FnMut(Value)) {
        for (k, v) in d.borrow().iter() {
            f(k);
            f(v);
        }
    }
    let obj = Value::Obj;
    match &o.kind {
        ObjKind::Str(_)
        | ObjKind::BigInt(_)
        | ObjKind::Range(_)
        | ObjKind::BigRange(_)
        | ObjKind::Code(_)
        | ObjKind::TextIO(_)
        | ObjKind::BinaryIO(_)
        | ObjKind::NotImplemented
        | ObjKind::Bytes(_)
        | ObjKind::ByteArray(_)
        | ObjKind::Complex(_)
        | ObjKind::Ellipsis => {}
        ObjKind::Array(a) => match &*a.borrow() {
            ArrayData::Float(..) | ArrayData::Int(..) => {}
        },
        ObjKind::List(l) => all(&l.borrow(), f),
        ObjKind::Tuple(t) => all(t, f),
        ObjKind::Dict(d) => dict(d, f),
        ObjKind::Set(s) => {
            for k in s.borrow().iter() {
                f(k);
            }
        }
        ObjKind::FrozenSet(s) => {
            for k in s.iter() {
                f(k);
            }
        }
        ObjKind::Slice(a, b, c) => all(&[*a, *b, *c], f),
        ObjKind::Function(func) => {
            f(obj(func.globals));
            f(func.defaults);
            for (_, v) in &func.kwdefaults {
                f(*v);
            }
            f(func.closure);
            for (_, v) in func.attrs.borrow().iter() {
                f(*v);
            }
        }
        ObjKind::Native(n) => f(n.receiver),
        ObjKind::Class(c) => {
            for b in &c.bases {
                f(obj(*b));
            }
            if let Some(m) = c.metaclass.get() {
                f(obj(m));
            }
            for v in c.dict.borrow().values() {
                f(*v);
            }
        }
        ObjKind::Instance(i) => {
            f(obj(i.class));
            i.slots.with_slice(|s| all(s, f));
            match &i.ext {
                InstanceExt::None | InstanceExt::Random(_) => {}
                InstanceExt::List(l) => all(&l.borrow(), f),
                InstanceExt::Tuple(t) => all(t, f),
                InstanceExt::Dict(d) => dict(d, f),
                InstanceExt::Exception(e) => {
                    let e = e.borrow();
                    all(&[e.args, e.cause, e.context], f);
                }
            }
        }
        ObjKind::BoundMethod { receiver, func } => all(&[*receiver, *func], f),
        ObjKind::Generator(g) => {
            let g = g.borrow();
            f(obj(g.func));
            f(obj(g.globals));
            all(&g.saved, f);
        }
        ObjKind::Module(m) => f(obj(m.dict)),
        ObjKind::Cell(c) => f(c.get()),
        ObjKind::Iterator(it) => match &*it.borrow() {
            IterState::Seq { seq, .. }
            | IterState::Str { s: seq, .. }
            | IterState::Dict { dict: seq, .. }
            | IterState::Set { set: seq, .. }
            | IterState::Reversed { seq, .. } => f(obj(*seq)),
            IterState::Range { .. } | IterState::BigRange(_) | IterState::Exhausted => {}
            IterState::Enumerate { it, count } => all(&[*it, *count], f),
            IterState::Zip { its } => all(its, f),
            IterState::Map { func, its } => {
                f(*func);
                all(its, f);
            }
            IterState::Filter { func, it } => all(&[*func, *it], f),
            IterState::GetItem { obj, .. } => f(*obj),
            IterState::Callable { func, sentinel } => all(&[*func, *sentinel], f),
        },
        ObjKind::DictView(d, _) => f(obj(*d)),
        ObjKind::Property { fget, fset, fdel } => all(&[*fget, *fset, *fdel], f),
        ObjKind::StaticMethod(func) | ObjKind::ClassMethod(func) => f(*func),
        ObjKind::Super { class, receiver } => all(&[obj(*class), *receiver], f),
    }
}
