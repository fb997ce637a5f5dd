//! The binary interface between Rust and the stencils.
//!
//! Stencils are C, compiled ahead of time, and read Rust data in place: values on the VM stack,
//! instance slots, the trace's [`JitState`], exit records. `stencils/stitch.h` declares those
//! layouts for C and pins every size and offset with a `LAYOUT_*` line, which the C compiler
//! checks against its own structs. The test below parses the same lines and checks each number
//! against Rust's `size_of`/`offset_of!`, so a change on either side fails the build or the tests
//! instead of corrupting memory.

use crate::interpreter::frames::FrameStack;
use crate::interpreter::Frame;
use crate::runtime::value::Value;

/// What a running trace shares with its helpers and its exits (C: `JitState`).
#[repr(C)]
pub struct JitState {
    /// The VM, for helpers (`*mut Vm`).
    pub vm: *mut crate::interpreter::Vm,
    /// The value stack pointer when the trace left.
    pub exit_sp: *mut Value,
    /// The locals of the frame the trace left in.
    pub exit_locals: *mut Value,
    /// The VM stack (frame positions are indices into it) and its size in slots.
    pub stack: *mut Value,
    pub stack_slots: u64,
    /// The VM's frame records.
    pub frames: *mut FrameStack,
}

impl JitState {
    /// A state not yet attached to a VM (the engine fills it in before each entry).
    pub fn detached() -> JitState {
        JitState {
            vm: std::ptr::null_mut(),
            exit_sp: std::ptr::null_mut(),
            exit_locals: std::ptr::null_mut(),
            stack: std::ptr::null_mut(),
            stack_slots: 0,
            frames: std::ptr::null_mut(),
        }
    }
}

/// What `_PUSH_FRAME` pushes at one call site of a trace (C: `FrameTemplate`): the callee's
/// frame record as the interpreter's `CALL` would make it (code, function, globals, an
/// ordinary call), whose position fields the stencil fills in, and the numbers the push needs.
/// Boxed and kept by the compiled trace; the uop's operand is its address.
#[repr(C)]
pub struct FrameTemplate {
    pub frame: Frame,
    /// The arguments (with self): the callee's first locals, in place.
    pub nargs: u64,
    /// The callee's locals, cells and free variables.
    pub nlocals: u64,
    /// VM stack slots the callee may use above its first local (the interpreter's check).
    pub reserve: u64,
    /// Where the caller resumes: the instruction after the `CALL`.
    pub caller_pc: u64,
}

/// The JitState of a running trace followed by what only Rust needs: the exception a helper
/// raised before the trace left by its error exit. Helpers receive `*mut JitState` and, since
/// it is the first field of this `#[repr(C)]` struct, may cast it to `*mut TraceContext`.
#[repr(C)]
pub struct TraceContext {
    pub state: JitState,
    pub error: Option<crate::interpreter::PyErr>,
}

/// The entry point of a trace (C: `stencil_fn`, called through the `_TRACE_ENTRY` shim). It
/// returns the address of the [`ExitRecord`] it left by.
pub type TraceEntry = unsafe extern "C" fn(locals: *mut Value, sp: *mut Value, st: *mut JitState) -> usize;

/// One exit of a trace (C: `ExitRecord`), in writable memory outside the code: linking a side
/// trace stores its entry in `target`; machine code is never rewritten.
#[repr(C)]
pub struct ExitRecord {
    /// The linked side trace (its first stencil), or null.
    pub target: *const u8,
    /// Times this exit was taken while unlinked.
    pub count: u64,
}

/// Two pointers returned in registers (C: `FramePair`).
#[repr(C)]
pub struct FramePair {
    pub locals: *mut Value,
    pub sp: *mut Value,
}

/// The header the layouts are declared in.
pub const HEADER: &str = include_str!("../../../stencils/stitch.h");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::listcell::ListCell;
    use crate::runtime::object::IterState;
    use crate::runtime::object::{Instance, Obj, RawSlice, SlotVec, KIND_INSTANCE};
    use crate::runtime::pincell::PinCell;
    use std::mem::{offset_of, size_of};

    /// Rust's figure for one `LAYOUT_*` line of stitch.h.
    fn rust_layout(kind: &str, args: &[&str]) -> Option<usize> {
        Some(match (kind, args) {
            ("LAYOUT_SIZE", ["Value", _]) => size_of::<Value>(),
            ("LAYOUT_OFFSET", ["Value", "tag", _]) => 0,
            ("LAYOUT_OFFSET", ["Value", "u", _]) => value_payload_offset(),
            ("LAYOUT_SIZE", ["SlotVec", _]) => size_of::<SlotVec>(),
            ("LAYOUT_OFFSET", ["SlotVec", "ptr", _]) => SlotVec::PTR_OFFSET,
            ("LAYOUT_OFFSET", ["SlotVec", "len", _]) => SlotVec::LEN_OFFSET,
            ("LAYOUT_OFFSET", ["Instance", "kind", _]) => offset_of!(Obj, kind),
            ("LAYOUT_OFFSET", ["Instance", "klass", _]) => instance_field_offset(|i| &i.class as *const _ as usize),
            ("LAYOUT_OFFSET", ["Instance", "shape", _]) => instance_field_offset(|i| &i.shape as *const _ as usize),
            ("LAYOUT_OFFSET", ["Instance", "slots", _]) => instance_field_offset(|i| &i.slots as *const _ as usize),
            ("LAYOUT_OFFSET", ["CellObj", "value", _]) => cell_value_offset(),
            ("LAYOUT_OFFSET", ["ListObj", "items", _]) => list_cell_offset() + ListCell::PTR_OFFSET,
            ("LAYOUT_OFFSET", ["ListObj", "len", _]) => list_cell_offset() + ListCell::LEN_OFFSET,
            ("LAYOUT_OFFSET", ["ListObj", "borrow", _]) => list_cell_offset() + ListCell::BORROW_OFFSET,
            ("LAYOUT_OFFSET", ["TupleObj", "items", _]) => tuple_items_offset() + offset_of!(RawSlice, ptr),
            ("LAYOUT_OFFSET", ["TupleObj", "len", _]) => tuple_items_offset() + offset_of!(RawSlice, len),
            ("LAYOUT_OFFSET", ["IterObj", "borrow", _]) => iter_offset(IterState::Exhausted, |_| None, true),
            ("LAYOUT_OFFSET", ["IterObj", "state", _]) => iter_offset(IterState::Exhausted, |s| Some(addr(s)), false),
            ("LAYOUT_OFFSET", ["IterObj", field, _]) => iter_field_offset(field),
            ("LAYOUT_SIZE", ["JitState", _]) => size_of::<JitState>(),
            ("LAYOUT_OFFSET", ["JitState", "vm", _]) => offset_of!(JitState, vm),
            ("LAYOUT_OFFSET", ["JitState", "exit_sp", _]) => offset_of!(JitState, exit_sp),
            ("LAYOUT_OFFSET", ["JitState", "exit_locals", _]) => offset_of!(JitState, exit_locals),
            ("LAYOUT_OFFSET", ["JitState", "stack", _]) => offset_of!(JitState, stack),
            ("LAYOUT_OFFSET", ["JitState", "stack_slots", _]) => offset_of!(JitState, stack_slots),
            ("LAYOUT_OFFSET", ["JitState", "frames", _]) => offset_of!(JitState, frames),
            ("LAYOUT_SIZE", ["Frame", _]) => size_of::<Frame>(),
            ("LAYOUT_OFFSET", ["Frame", "base", _]) => offset_of!(Frame, base),
            ("LAYOUT_OFFSET", ["Frame", "sp", _]) => offset_of!(Frame, sp),
            ("LAYOUT_OFFSET", ["Frame", "pc", _]) => offset_of!(Frame, pc),
            ("LAYOUT_OFFSET", ["Frame", "entry", _]) => offset_of!(Frame, entry),
            ("LAYOUT_SIZE", ["FrameStack", _]) => size_of::<FrameStack>(),
            ("LAYOUT_OFFSET", ["FrameStack", "records", _]) => FrameStack::RECORDS_OFFSET,
            ("LAYOUT_OFFSET", ["FrameStack", "len", _]) => FrameStack::LEN_OFFSET,
            ("LAYOUT_OFFSET", ["FrameStack", "limit", _]) => offset_of!(FrameStack, limit),
            ("LAYOUT_SIZE", ["FrameTemplate", _]) => size_of::<FrameTemplate>(),
            ("LAYOUT_OFFSET", ["FrameTemplate", "nargs", _]) => offset_of!(FrameTemplate, nargs),
            ("LAYOUT_OFFSET", ["FrameTemplate", "nlocals", _]) => offset_of!(FrameTemplate, nlocals),
            ("LAYOUT_OFFSET", ["FrameTemplate", "reserve", _]) => offset_of!(FrameTemplate, reserve),
            ("LAYOUT_OFFSET", ["FrameTemplate", "caller_pc", _]) => offset_of!(FrameTemplate, caller_pc),
            ("LAYOUT_SIZE", ["ExitRecord", _]) => size_of::<ExitRecord>(),
            ("LAYOUT_OFFSET", ["ExitRecord", "target", _]) => offset_of!(ExitRecord, target),
            ("LAYOUT_OFFSET", ["ExitRecord", "count", _]) => offset_of!(ExitRecord, count),
            _ => return None,
        })
    }

    /// Where a Value's payload starts, measured on a real value.
    fn value_payload_offset() -> usize {
        let v = Value::Int(0x1122_3344_5566_7788);
        let p = &v as *const Value as *const u64;
        // SAFETY: a Value is 16 initialized bytes when it holds an Int (tag word, payload word).
        let words = unsafe { [p.read(), p.add(1).read()] };
        assert_eq!(words[0], 3, "Int's tag word");
        words.iter().position(|w| *w == 0x1122_3344_5566_7788).expect("payload word") * 8
    }

    /// Offset of an Instance field from the start of its Obj, measured on a real instance.
    fn instance_field_offset(field: impl Fn(&Instance) -> usize) -> usize {
        let mut vm = crate::interpreter::Vm::new();
        let class = vm.types.object;
        let Value::Obj(obj) = vm.new_instance(class, crate::runtime::object::Layout::Object) else { panic!() };
        let ObjKind::Instance(inst) = &obj.kind else { panic!("not an instance") };
        field(inst) - (&*obj as *const Obj as usize)
    }

    /// Offset of a cell's value from the start of its Obj, measured on a real cell.
    fn cell_value_offset() -> usize {
        let mut heap = crate::runtime::heap::Heap::new();
        let obj = heap.alloc(ObjKind::Cell(std::cell::Cell::new(Value::None)));
        let ObjKind::Cell(c) = &obj.kind else { panic!("not a cell") };
        c as *const _ as usize - (&*obj as *const Obj as usize)
    }

    /// Offset of a list's `ListCell` from the start of its Obj, measured on a real list.
    fn list_cell_offset() -> usize {
        let mut heap = crate::runtime::heap::Heap::new();
        let obj = heap.alloc(ObjKind::List(ListCell::new(vec![Value::None])));
        let ObjKind::List(l) = &obj.kind else { panic!("not a list") };
        l as *const _ as usize - (&*obj as *const Obj as usize)
    }

    /// Offset of a tuple's `Box<[Value]>` from the start of its Obj, measured on a real tuple;
    /// the box's words are a [`RawSlice`] (pointer, length), checked here too.
    fn tuple_items_offset() -> usize {
        let mut heap = crate::runtime::heap::Heap::new();
        let obj = heap.alloc(ObjKind::Tuple(vec![Value::None, Value::Int(5)].into_boxed_slice()));
        let ObjKind::Tuple(items) = &obj.kind else { panic!("not a tuple") };
        let at = items as *const Box<[Value]> as usize;
        // SAFETY: `at` is the box, two words (a slice pointer), read as machine code reads them.
        let raw = unsafe { (at as *const RawSlice).read() };
        assert_eq!((raw.ptr, raw.len), (items.as_ptr(), 2));
        at - (&*obj as *const Obj as usize)
    }

    fn addr<T>(r: &T) -> usize {
        r as *const T as usize
    }

    /// Offset from the start of an iterator object in `state` of the borrow flag (`flag`) or of
    /// what `field` points at in the state, measured on a real iterator.
    fn iter_offset(state: IterState, field: impl Fn(&IterState) -> Option<usize>, flag: bool) -> usize {
        let mut heap = crate::runtime::heap::Heap::new();
        let obj = heap.alloc(ObjKind::Iterator(PinCell::new(state)));
        let ObjKind::Iterator(cell) = &obj.kind else { panic!("not an iterator") };
        let at = if flag { addr(cell) + PinCell::<IterState>::BORROW_OFFSET } else { field(&cell.borrow()).unwrap() };
        at - addr::<Obj>(&obj)
    }

    /// Offset of `u.VARIANT.FIELD` of stitch.h's `IterObj`.
    fn iter_field_offset(field: &str) -> usize {
        let mut heap = crate::runtime::heap::Heap::new();
        let list = Value::Obj(heap.alloc(ObjKind::List(ListCell::default())));
        let seq = list.as_obj().unwrap();
        let (state, pick): (IterState, fn(&IterState) -> Option<usize>) = match field {
            "u.seq.seq" => (IterState::Seq { seq, index: 0 }, |s| match s {
                IterState::Seq { seq, .. } => Some(addr(seq)),
                _ => None,
            }),
            "u.seq.index" => (IterState::Seq { seq, index: 0 }, |s| match s {
                IterState::Seq { index, .. } => Some(addr(index)),
                _ => None,
            }),
            "u.range.next" => (IterState::Range { next: 0, stop: 1, step: 1 }, |s| match s {
                IterState::Range { next, .. } => Some(addr(next)),
                _ => None,
            }),
            "u.range.stop" => (IterState::Range { next: 0, stop: 1, step: 1 }, |s| match s {
                IterState::Range { stop, .. } => Some(addr(stop)),
                _ => None,
            }),
            "u.range.step" => (IterState::Range { next: 0, stop: 1, step: 1 }, |s| match s {
                IterState::Range { step, .. } => Some(addr(step)),
                _ => None,
            }),
            "u.enumerate.it" => (IterState::Enumerate { it: list, count: Value::Int(0) }, |s| match s {
                IterState::Enumerate { it, .. } => Some(addr(it)),
                _ => None,
            }),
            "u.enumerate.count" => (IterState::Enumerate { it: list, count: Value::Int(0) }, |s| match s {
                IterState::Enumerate { count, .. } => Some(addr(count)),
                _ => None,
            }),
            _ => panic!("no Rust counterpart for IterObj.{field}"),
        };
        iter_offset(state, pick, false)
    }

    use crate::runtime::object::ObjKind;

    #[test]
    fn header_layouts_match_rust() {
        let mut checked = 0;
        for line in HEADER.lines() {
            let line = line.trim();
            let Some((kind, rest)) = line.split_once('(') else { continue };
            if !matches!(kind, "LAYOUT_SIZE" | "LAYOUT_OFFSET" | "LAYOUT_CONST") || line.starts_with("#define") {
                continue;
            }
            let args: Vec<&str> = rest.trim_end_matches(')').split(',').map(str::trim).collect();
            let expected: usize = args.last().unwrap().parse().expect("a number");
            if kind == "LAYOUT_CONST" {
                continue;
            }
            let actual = rust_layout(kind, &args).unwrap_or_else(|| panic!("no Rust counterpart for `{line}`"));
            assert_eq!(actual, expected, "stitch.h says `{line}`, Rust says {actual}");
            checked += 1;
        }
        assert!(checked >= 15, "only {checked} layout lines found in stitch.h");
    }

    #[test]
    fn kind_constants_match() {
        let tag = |name: &str| -> u64 {
            let line = HEADER.lines().find(|l| l.starts_with(&format!("#define {name} "))).expect(name);
            line.split_whitespace().nth(2).unwrap().parse().unwrap()
        };
        assert_eq!(tag("KIND_INSTANCE"), KIND_INSTANCE as u64);
        assert_eq!(tag("KIND_CELL"), crate::runtime::object::KIND_CELL as u64);
        assert_eq!(tag("KIND_LIST"), crate::runtime::object::KIND_LIST as u64);
        assert_eq!(tag("KIND_TUPLE"), crate::runtime::object::KIND_TUPLE as u64);
        assert_eq!(tag("KIND_ITERATOR"), crate::runtime::object::KIND_ITERATOR as u64);
        use crate::runtime::object::{ITER_ENUMERATE, ITER_RANGE, ITER_SEQ};
        assert_eq!((tag("ITER_SEQ"), tag("ITER_RANGE"), tag("ITER_ENUMERATE")), (ITER_SEQ, ITER_RANGE, ITER_ENUMERATE));
        // The variant number is the state's first word, as machine code reads it.
        let number = |state: IterState| {
            let cell = PinCell::new(state);
            // SAFETY: the value of a PinCell is at VALUE_OFFSET; a #[repr(C, u64)] enum starts
            // with its variant number.
            unsafe {
                *((&cell as *const PinCell<IterState> as *const u8).add(PinCell::<IterState>::VALUE_OFFSET)
                    as *const u64)
            }
        };
        assert_eq!(number(IterState::Range { next: 0, stop: 0, step: 1 }), ITER_RANGE);
        assert_eq!(number(IterState::Enumerate { it: Value::None, count: Value::Int(0) }), ITER_ENUMERATE);
        let mut heap = crate::runtime::heap::Heap::new();
        let list = heap.alloc(ObjKind::List(ListCell::default()));
        let tuple = heap.alloc(ObjKind::Tuple(Box::new([])));
        assert_eq!(crate::runtime::object::kind_byte(&list), crate::runtime::object::KIND_LIST);
        assert_eq!(crate::runtime::object::kind_byte(&tuple), crate::runtime::object::KIND_TUPLE);
        let iterator = heap.alloc(ObjKind::Iterator(PinCell::new(IterState::Exhausted)));
        assert_eq!(crate::runtime::object::kind_byte(&iterator), crate::runtime::object::KIND_ITERATOR);
        let tag_of = |v: Value| {
            // SAFETY: reading the tag word of a Value is always allowed.
            unsafe { (&v as *const Value as *const u64).read() }
        };
        assert_eq!(tag("TAG_NULL"), tag_of(Value::Null));
        assert_eq!(tag("TAG_NONE"), tag_of(Value::None));
        assert_eq!(tag("TAG_BOOL"), tag_of(Value::Bool(true)));
        assert_eq!(tag("TAG_INT"), tag_of(Value::Int(1)));
        assert_eq!(tag("TAG_FLOAT"), tag_of(Value::Float(1.0)));
    }
}
