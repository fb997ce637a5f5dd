//! The built-in classes: `object`, `int`, `str`, `list`, ..., and the exception hierarchy.
//!
//! Every value has a class, and built-in values have built-in classes, created at start-up
//! from one table ([`builtin_types!`]) that names each class, its base and its instance
//! layout. Their methods are natives registered into the class dicts by the modules that
//! implement them (`strings`, `list`, `dictops`, ...). [`Vm::type_of`] maps any value to its
//! class, and this module also implements class creation (`__build_class__`) and instances.

use std::cell::{Cell, RefCell};

use super::heap::Marker;
use super::interner::{sym, Sym};
use super::object::{Class, ExcData, Instance, InstanceExt, Layout, NativeFn, ObjKind, SlotVec};
use super::shape::Shape;
use super::value::{ObjRef, Value};
use crate::interpreter::{PyResult, Vm};

macro_rules! builtin_types {
    ($($field:ident: $name:literal, $base:ident, $layout:ident;)*) => {
        /// The built-in classes.
        pub struct Types {
            $(pub $field: ObjRef,)*
        }

        impl Types {
            /// A value to fill the struct with before the classes exist.
            pub fn placeholder(any: ObjRef) -> Types {
                Types { $($field: any,)* }
            }

            pub fn mark(&self, m: &mut Marker) {
                $(m.mark(self.$field);)*
            }

            /// All classes with their Python names (for the builtins module).
            pub fn all(&self) -> Vec<(&'static str, ObjRef)> {
                vec![$(($name, self.$field),)*]
            }
        }

        /// Creates the built-in classes.
        pub fn init(vm: &mut Vm) {
            $(
                let base = builtin_types!(@base vm, $base);
                vm.types.$field = new_builtin_class(vm, $name, base, Layout::$layout);
            )*
        }
    };
    (@base $vm:ident, none) => { None };
    (@base $vm:ident, $b:ident) => { Some($vm.types.$b) };
}

builtin_types! {
    object: "object", none, Object;
    type_: "type", object, Builtin;
    int: "int", object, Builtin;
    bool_: "bool", int, Builtin;
    float: "float", object, Builtin;
    complex: "complex", object, Builtin;
    str_: "str", object, Builtin;
    list: "list", object, List;
    tuple: "tuple", object, Tuple;
    dict: "dict", object, Dict;
    set: "set", object, Builtin;
    frozenset: "frozenset", object, Builtin;
    range: "range", object, Builtin;
    slice: "slice", object, Builtin;
    none_type: "NoneType", object, Builtin;
    not_implemented_type: "NotImplementedType", object, Builtin;
    ellipsis_type: "ellipsis", object, Builtin;
    function: "function", object, Builtin;
    builtin_function: "builtin_function_or_method", object, Builtin;
    method: "method", object, Builtin;
    generator: "generator", object, Builtin;
    module: "module", object, Builtin;
    cell: "cell", object, Builtin;
    code: "code", object, Builtin;
    iterator: "iterator", object, Builtin;
    list_iterator: "list_iterator", object, Builtin;
    list_reverseiterator: "list_reverseiterator", object, Builtin;
    tuple_iterator: "tuple_iterator", object, Builtin;
    range_iterator: "range_iterator", object, Builtin;
    str_iterator: "str_ascii_iterator", object, Builtin;
    dict_keyiterator: "dict_keyiterator", object, Builtin;
    dict_valueiterator: "dict_valueiterator", object, Builtin;
    dict_itemiterator: "dict_itemiterator", object, Builtin;
    set_iterator: "set_iterator", object, Builtin;
    enumerate: "enumerate", object, Builtin;
    zip: "zip", object, Builtin;
    map: "map", object, Builtin;
    filter: "filter", object, Builtin;
    dict_keys: "dict_keys", object, Builtin;
    dict_values: "dict_values", object, Builtin;
    dict_items: "dict_items", object, Builtin;
    property: "property", object, Builtin;
    staticmethod: "staticmethod", object, Builtin;
    classmethod: "classmethod", object, Builtin;
    super_: "super", object, Builtin;
    string_io: "StringIO", object, Builtin;
    callable_iterator: "callable_iterator", object, Builtin;
    generic_alias: "GenericAlias", object, Object;
    random_class: "Random", object, Random;
    text_io: "TextIOWrapper", object, Builtin;
    array: "array", object, Builtin;
    bytes: "bytes", object, Builtin;
    bytearray: "bytearray", object, Builtin;
    bytes_iterator: "bytes_iterator", object, Builtin;
    bytearray_iterator: "bytearray_iterator", object, Builtin;
    bytes_io: "BytesIO", object, Builtin;
    buffered_reader: "BufferedReader", object, Builtin;
    buffered_writer: "BufferedWriter", object, Builtin;
    buffered_random: "BufferedRandom", object, Builtin;
    base_exception: "BaseException", object, Exception;
    system_exit: "SystemExit", base_exception, Exception;
    keyboard_interrupt: "KeyboardInterrupt", base_exception, Exception;
    generator_exit: "GeneratorExit", base_exception, Exception;
    exception: "Exception", base_exception, Exception;
    stop_iteration: "StopIteration", exception, Exception;
    arithmetic_error: "ArithmeticError", exception, Exception;
    zero_division_error: "ZeroDivisionError", arithmetic_error, Exception;
    overflow_error: "OverflowError", arithmetic_error, Exception;
    assertion_error: "AssertionError", exception, Exception;
    attribute_error: "AttributeError", exception, Exception;
    import_error: "ImportError", exception, Exception;
    module_not_found_error: "ModuleNotFoundError", import_error, Exception;
    lookup_error: "LookupError", exception, Exception;
    index_error: "IndexError", lookup_error, Exception;
    key_error: "KeyError", lookup_error, Exception;
    memory_error: "MemoryError", exception, Exception;
    name_error: "NameError", exception, Exception;
    unbound_local_error: "UnboundLocalError", name_error, Exception;
    runtime_error: "RuntimeError", exception, Exception;
    recursion_error: "RecursionError", runtime_error, Exception;
    not_implemented_error: "NotImplementedError", runtime_error, Exception;
    system_error: "SystemError", exception, Exception;
    type_error: "TypeError", exception, Exception;
    value_error: "ValueError", exception, Exception;
    unicode_error: "UnicodeError", value_error, Exception;
    unicode_decode_error: "UnicodeDecodeError", unicode_error, Exception;
    unicode_encode_error: "UnicodeEncodeError", unicode_error, Exception;
    os_error: "OSError", exception, Exception;
    file_not_found_error: "FileNotFoundError", os_error, Exception;
    file_exists_error: "FileExistsError", os_error, Exception;
    permission_error: "PermissionError", os_error, Exception;
    is_a_directory_error: "IsADirectoryError", os_error, Exception;
    blocking_io_error: "BlockingIOError", os_error, Exception;
    child_process_error: "ChildProcessError", os_error, Exception;
    connection_error: "ConnectionError", os_error, Exception;
    broken_pipe_error: "BrokenPipeError", connection_error, Exception;
    connection_aborted_error: "ConnectionAbortedError", connection_error, Exception;
    connection_refused_error: "ConnectionRefusedError", connection_error, Exception;
    connection_reset_error: "ConnectionResetError", connection_error, Exception;
    interrupted_error: "InterruptedError", os_error, Exception;
    not_a_directory_error: "NotADirectoryError", os_error, Exception;
    process_lookup_error: "ProcessLookupError", os_error, Exception;
    timeout_error: "TimeoutError", os_error, Exception;
    unsupported_operation: "UnsupportedOperation", os_error, Exception;
    eof_error: "EOFError", exception, Exception;
    syntax_error: "SyntaxError", exception, Exception;
    indentation_error: "IndentationError", syntax_error, Exception;
    tab_error: "TabError", indentation_error, Exception;
    stop_async_iteration: "StopAsyncIteration", exception, Exception;
    floating_point_error: "FloatingPointError", arithmetic_error, Exception;
    buffer_error: "BufferError", exception, Exception;
    reference_error: "ReferenceError", exception, Exception;
    unicode_translate_error: "UnicodeTranslateError", unicode_error, Exception;
    warning: "Warning", exception, Exception;
    user_warning: "UserWarning", warning, Exception;
    deprecation_warning: "DeprecationWarning", warning, Exception;
    pending_deprecation_warning: "PendingDeprecationWarning", warning, Exception;
    syntax_warning: "SyntaxWarning", warning, Exception;
    runtime_warning: "RuntimeWarning", warning, Exception;
    future_warning: "FutureWarning", warning, Exception;
    import_warning: "ImportWarning", warning, Exception;
    unicode_warning: "UnicodeWarning", warning, Exception;
    bytes_warning: "BytesWarning", warning, Exception;
    resource_warning: "ResourceWarning", warning, Exception;
    encoding_warning: "EncodingWarning", warning, Exception;
}

fn new_builtin_class(vm: &mut Vm, name: &str, base: Option<ObjRef>, layout: Layout) -> ObjRef {
    let module = if name == "StringIO" {
        "io"
    } else if matches!(name, "TextIOWrapper" | "BytesIO" | "BufferedReader" | "BufferedWriter" | "BufferedRandom") {
        "_io"
    } else if name == "array" {
        "array"
    } else if name == "GenericAlias" {
        "types"
    } else if name == "Random" {
        "random"
    } else {
        "builtins"
    };
    new_class(vm, name, name, base, layout, module)
}

thread_local! {
    /// Bumped whenever any class is created or changed; attribute caches remember the epoch they
    /// were filled in, so one comparison tells whether a cached lookup is still valid. One epoch per
    /// thread: a VM and the traces it compiles live on one thread, and two VMs on two threads (the
    /// test harness runs them side by side) must not see each other's class changes as staleness.
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(|e| e.get())
}

/// The address of this thread's class epoch, which traces compare with the epoch they were
/// recorded in (`_GUARD_CLASS_EPOCH`). Stable for the thread's lifetime, which outlives its VM.
pub fn class_epoch_address() -> u64 {
    CLASS_EPOCH.with(|e| e.as_ptr() as u64)
}

pub fn bump_class_epoch() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

/// Creates a class object.
pub fn new_class(
    vm: &mut Vm,
    name: &str,
    qualname: &str,
    base: Option<ObjRef>,
    layout: Layout,
    module: &str,
) -> ObjRef {
    let mut ancestors = Vec::new();
    if let Some(b) = base {
        ancestors.push(b);
        if let Some(bc) = b.as_class() {
            ancestors.extend(bc.ancestors.iter().copied());
        }
    }
    new_class_with_mro(vm, name, qualname, base.into_iter().collect(), ancestors, layout, module)
}

/// Creates a class object with the given bases and method resolution order (without itself).
pub fn new_class_with_mro(
    vm: &mut Vm,
    name: &str,
    qualname: &str,
    bases: Vec<ObjRef>,
    ancestors: Vec<ObjRef>,
    layout: Layout,
    module: &str,
) -> ObjRef {
    let class = Class {
        name: name.to_string(),
        qualname: qualname.to_string(),
        base: bases.first().copied(),
        bases,
        ancestors,
        dict: RefCell::new(Default::default()),
        resolved: RefCell::new(Default::default()),
        resolved_epoch: Cell::new(0),
        order: RefCell::new(Vec::new()),
        layout,
        root_shape: Shape::new_root(),
        native_new: Cell::new(None),
        module: module.to_string(),
        slots: RefCell::new(None),
        metaclass: Cell::new(None),
        is_abstract: Cell::new(false),
    };
    bump_class_epoch();
    vm.alloc(ObjKind::Class(Box::new(class)))
}

/// Registers native methods on a built-in class.
pub fn add_methods(vm: &mut Vm, class: ObjRef, methods: &[(&'static str, NativeFn)]) {
    for &(name, func) in methods {
        let f = vm.new_native(name, func);
        let s = vm.intern(name);
        if let Some(c) = class.as_class() {
            c.set_attr(s, f);
        }
    }
    bump_class_epoch();
}

/// Sets the constructor (`native_new`) of a built-in class.
pub fn set_constructor(class: ObjRef, f: NativeFn) {
    if let Some(c) = class.as_class() {
        c.native_new.set(Some(f));
    }
}

impl Vm {
    /// A native function object.
    pub fn new_native(&mut self, name: &'static str, func: NativeFn) -> Value {
        Value::Obj(self.alloc(ObjKind::Native(super::object::Native { name, func, receiver: Value::Null })))
    }

    /// The class of any value.
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::Null | Value::None => t.none_type,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(o) => match &o.kind {
                ObjKind::Str(_) => t.str_,
                ObjKind::BigInt(_) => t.int,
                ObjKind::List(_) => t.list,
                ObjKind::Tuple(_) => t.tuple,
                ObjKind::Dict(_) => t.dict,
                ObjKind::Set(_) => t.set,
                ObjKind::FrozenSet(_) => t.frozenset,
                ObjKind::Range(_) | ObjKind::BigRange(_) => t.range,
                ObjKind::Slice(..) => t.slice,
                ObjKind::Function(_) => t.function,
                ObjKind::Native(_) => t.builtin_function,
                ObjKind::Class(c) => c.metaclass.get().unwrap_or(t.type_),
                ObjKind::Instance(i) => i.class,
                ObjKind::BoundMethod { .. } => t.method,
                ObjKind::Generator(_) => t.generator,
                ObjKind::Module(_) => t.module,
                ObjKind::Cell(_) => t.cell,
                ObjKind::Code(_) => t.code,
                ObjKind::Iterator(state) => match &*state.borrow() {
                    super::object::IterState::Seq { seq, .. } => match &seq.kind {
                        ObjKind::Tuple(_) => t.tuple_iterator,
                        ObjKind::Bytes(_) => t.bytes_iterator,
                        ObjKind::ByteArray(_) => t.bytearray_iterator,
                        _ => t.list_iterator,
                    },
                    super::object::IterState::Range { .. } | super::object::IterState::BigRange(_) => t.range_iterator,
                    super::object::IterState::Str { .. } => t.str_iterator,
                    super::object::IterState::Dict { kind, .. } => match kind {
                        super::object::DictViewKind::Keys => t.dict_keyiterator,
                        super::object::DictViewKind::Values => t.dict_valueiterator,
                        super::object::DictViewKind::Items => t.dict_itemiterator,
                    },
                    super::object::IterState::Set { .. } => t.set_iterator,
                    super::object::IterState::Reversed { .. } => t.list_reverseiterator,
                    super::object::IterState::Enumerate { .. } => t.enumerate,
                    super::object::IterState::Zip { .. } => t.zip,
                    super::object::IterState::Map { .. } => t.map,
                    super::object::IterState::Filter { .. } => t.filter,
                    super::object::IterState::GetItem { .. } | super::object::IterState::Exhausted => t.iterator,
                    super::object::IterState::Callable { .. } => t.callable_iterator,
                },
                ObjKind::DictView(_, k) => match k {
                    super::object::DictViewKind::Keys => t.dict_keys,
                    super::object::DictViewKind::Values => t.dict_values,
                    super::object::DictViewKind::Items => t.dict_items,
                },
                ObjKind::Property { .. } => t.property,
                ObjKind::StaticMethod(_) => t.staticmethod,
                ObjKind::ClassMethod(_) => t.classmethod,
                ObjKind::Super { .. } => t.super_,
                ObjKind::TextIO(s) if s.borrow().name.is_some() => t.text_io,
                ObjKind::TextIO(_) => t.string_io,
                ObjKind::BinaryIO(s) => super::binaryio::class_of(self, &s.borrow()),
                ObjKind::Array(_) => t.array,
                ObjKind::Bytes(_) => t.bytes,
                ObjKind::ByteArray(_) => t.bytearray,
                ObjKind::NotImplemented => t.not_implemented_type,
                ObjKind::Ellipsis => t.ellipsis_type,
                ObjKind::Complex(_) => t.complex,
            },
        }
    }

    /// Whether `v` is an instance of `class` (or a subclass).
    pub fn isinstance(&self, v: Value, class: ObjRef) -> bool {
        is_subclass(self.type_of(v), class)
    }

    /// A new, attribute-less instance of `class`.
    pub fn new_instance(&mut self, class: ObjRef, layout: Layout) -> Value {
        let root = class.as_class().map(|c| c.root_shape).unwrap_or_else(Shape::new_root);
        let ext = match layout {
            Layout::List => InstanceExt::List(Box::default()),
            Layout::Dict => InstanceExt::Dict(Box::default()),
            Layout::Tuple => InstanceExt::Tuple(Box::new([])),
            Layout::Random => InstanceExt::Random(Box::default()),
            Layout::Exception => InstanceExt::Exception(Box::new(RefCell::new(ExcData {
                args: Value::Obj(self.singletons.empty_tuple),
                cause: Value::None,
                context: Value::None,
                ..Default::default()
            }))),
            Layout::Object | Layout::Builtin => InstanceExt::None,
        };
        Value::Obj(self.alloc(ObjKind::Instance(Instance {
            class,
            shape: Cell::new(root),
            slots: SlotVec::new(),
            ext,
        })))
    }

    /// An instance of tuple subclass `class` holding `items`.
    pub fn new_tuple_instance(&mut self, class: ObjRef, items: Vec<Value>) -> Value {
        let root = class.as_class().map(|c| c.root_shape).unwrap_or_else(Shape::new_root);
        Value::Obj(self.alloc(ObjKind::Instance(Instance {
            class,
            shape: Cell::new(root),
            slots: SlotVec::new(),
            ext: InstanceExt::Tuple(items.into_boxed_slice()),
        })))
    }

    /// The `__build_class__` builtin as a value.
    pub fn build_class_fn(&mut self) -> Value {
        let s = self.intern("__build_class__");
        let b = self.builtins;
        b.as_dict()
            .and_then(|d| {
                let key = self.sym_value(s);
                d.borrow().get(key, super::strings::hash_sym_value(key), &mut |a, b| Ok(a.is(b))).ok().flatten()
            })
            .unwrap_or(Value::None)
    }
}

/// Whether `class` is `other` or derives from it.
pub fn is_subclass(class: ObjRef, other: ObjRef) -> bool {
    class == other || class.as_class().map(|c| c.derives_from(other)).unwrap_or(false)
}

/// The method resolution order a class with `bases` gets (without the class itself: C3
/// linearization, as CPython computes it) and the instance layout it inherits, or CPython's
/// TypeError for duplicate bases, an inconsistent order or built-in layouts that conflict.
fn resolve_bases(vm: &mut Vm, bases: &[ObjRef]) -> PyResult<(Vec<ObjRef>, Layout)> {
    let name_of = |c: ObjRef| c.as_class().map(|c| c.name.clone()).unwrap_or_default();
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].contains(b) {
            return Err(vm.new_error(vm.types.type_error, &format!("duplicate base class {}", name_of(*b))));
        }
    }
    let mut layout = Layout::Object;
    for b in bases {
        let Some(c) = b.as_class() else { continue };
        match (c.layout, layout) {
            // Metaclasses derive from `type`; their instances are classes.
            (Layout::Builtin, _) if *b == vm.types.type_ => {}
            (Layout::Builtin, _) => {
                return Err(vm
                    .new_error(vm.types.type_error, &format!("stitch cannot subclass built-in type '{}' yet", c.name)))
            }
            (Layout::Object, _) => {}
            (l, Layout::Object) => layout = l,
            (l, current) if l == current => {}
            _ => return Err(vm.new_error(vm.types.type_error, "multiple bases have instance lay-out conflict")),
        }
    }
    // C3: merge the bases' own orders and the list of bases, always taking the first head that
    // is in no other sequence's tail.
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| {
            let mut seq = vec![*b];
            if let Some(c) = b.as_class() {
                seq.extend(c.ancestors.iter().copied());
            }
            seq
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut order = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok((order, layout));
        }
        let candidate = seqs.iter().map(|s| s[0]).find(|head| seqs.iter().all(|s| !s[1..].contains(head)));
        let Some(next) = candidate else {
            // CPython names the heads left (once each) and breaks the line where it does.
            let mut heads: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            let names: Vec<String> = heads.iter().map(|b| name_of(*b)).collect();
            return Err(vm.new_error(
                vm.types.type_error,
                &format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", ")),
            ));
        };
        order.push(next);
        for s in &mut seqs {
            if s[0] == next {
                s.remove(0);
            }
        }
    }
}

/// `__build_class__(func, name, *bases)`: runs the class body and creates the class.
pub fn build_class(vm: &mut Vm, args: &[Value], kw: &[(Sym, Value)]) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.new_error(vm.types.type_error, "__build_class__: not enough arguments"));
    }
    let func = args[0];
    let name = super::strings::as_str(args[1]).unwrap_or("?").to_string();
    let mut bases = Vec::new();
    for b in &args[2..] {
        match b {
            Value::Obj(o) if o.as_class().is_some() => bases.push(*o),
            _ => return Err(vm.new_error(vm.types.type_error, "bases must be types")),
        }
    }
    // `metaclass=` chooses the metaclass; the other keywords go to it (and to
    // `__init_subclass__`).
    let metaclass_sym = vm.intern("metaclass");
    let explicit = kw.iter().find(|(k, _)| *k == metaclass_sym).map(|(_, v)| *v);
    let class_kw: Vec<(Sym, Value)> = kw.iter().filter(|(k, _)| *k != metaclass_sym).copied().collect();
    let meta = match explicit {
        Some(m) => m,
        None => Value::Obj(match bases.first() {
            Some(b) => vm.type_of(Value::Obj(*b)),
            None => vm.types.type_,
        }),
    };
    let meta = match meta.as_obj().filter(|o| o.as_class().is_some()) {
        Some(m) => Value::Obj(super::metaclass::calculate_metaclass(vm, m, &bases)?),
        None => meta,
    };
    if !meta.is(Value::Obj(vm.types.type_)) {
        return super::metaclass::build_with_metaclass(vm, func, args[1], &bases, meta, &class_kw);
    }
    if bases.is_empty() {
        bases.push(vm.types.object);
    }
    let (ancestors, layout) = resolve_bases(vm, &bases)?;
    let ns = vm.new_dict();
    vm.temp_roots.push(Value::Obj(ns));
    let body = vm.run_class_body(func, ns);
    vm.temp_roots.pop();
    body?;
    let qualname = match func.obj().map(|o| &o.kind) {
        Some(ObjKind::Function(f)) => f.code.code.qualname.clone(),
        _ => name.clone(),
    };
    // The body's `__module__` (the defining module's name unless the body rebinds it).
    let module_key = vm.sym_value(sym::MODULE);
    let stored =
        super::dictops::get(vm, ns, module_key)?.and_then(|v| super::strings::as_str(v).map(|s| s.to_string()));
    let module = match func.obj().map(|o| &o.kind) {
        _ if stored.is_some() => stored,
        Some(ObjKind::Function(f)) => {
            let g = f.globals;
            let key = vm.sym_value(sym::NAME);
            super::dictops::get(vm, g, key)?.and_then(|v| super::strings::as_str(v).map(|s| s.to_string()))
        }
        _ => None,
    }
    .unwrap_or_else(|| "__main__".to_string());
    vm.temp_roots.push(Value::Obj(ns));
    let class = make_class(vm, &name, &qualname, &module, bases, ancestors, layout, ns, None, &class_kw);
    vm.temp_roots.pop();
    class
}

/// `type(name, bases, dict)`: a class made from a namespace, as a class statement makes it.
///
/// As CPython's `type.__call__`: when a base's metaclass wins, its `__new__` makes the class
/// (see [`type_new_full`]) and its `__init__` runs on it.
pub fn type_new3(vm: &mut Vm, name: Value, bases: Value, ns: Value) -> PyResult<Value> {
    let class = type_new_full(vm, None, name, bases, ns, &[])?;
    let meta = vm.type_of(class);
    if meta == vm.types.type_ || !is_subclass(meta, vm.types.type_) {
        return Ok(class);
    }
    if let Some(init) = meta.as_class().and_then(|c| c.lookup(sym::INIT)) {
        if matches!(init.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
            vm.temp_roots.push(class);
            let r = vm.call(init, &[class, name, bases, ns], &[]);
            vm.temp_roots.pop();
            r?;
        }
    }
    Ok(class)
}

/// `type.__new__(meta, name, bases, dict, **kw)`: a class with metaclass `meta` (None for
/// `type`), its keywords passed to `__init_subclass__`.
pub fn type_new_full(
    vm: &mut Vm,
    meta: Option<ObjRef>,
    name: Value,
    bases: Value,
    ns: Value,
    kw: &[(Sym, Value)],
) -> PyResult<Value> {
    let (name_value, ns_value) = (name, ns);
    let Some(name) = super::strings::as_str(name).map(|s| s.to_string()) else {
        let tn = super::ops::type_name(vm, name);
        return Err(vm.new_error(vm.types.type_error, &format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let Some(items) = bases.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) else {
        let tn = super::ops::type_name(vm, bases);
        return Err(vm.new_error(vm.types.type_error, &format!("type.__new__() argument 2 must be tuple, not {tn}")));
    };
    let Some(ns) = ns.as_obj().filter(|o| o.as_dict().is_some()) else {
        let tn = super::ops::type_name(vm, ns);
        return Err(vm.new_error(vm.types.type_error, &format!("type.__new__() argument 3 must be dict, not {tn}")));
    };
    let mut classes = Vec::new();
    for b in items {
        match b.as_obj().filter(|o| o.as_class().is_some()) {
            Some(c) => classes.push(c),
            None => return Err(vm.new_error(vm.types.type_error, "bases must be types")),
        }
    }
    let metatype = meta.unwrap_or(vm.types.type_);
    let winner = super::metaclass::calculate_metaclass(vm, metatype, &classes)?;
    if winner != metatype {
        // A base's metaclass is more derived: its own `__new__` makes the class.
        if let Some(new) = custom_new(winner).filter(|f| matches!(f.obj().map(|o| &o.kind), Some(ObjKind::Function(_))))
        {
            return vm.call(new, &[Value::Obj(winner), name_value, bases, ns_value], kw);
        }
    }
    let meta = if winner == vm.types.type_ { None } else { Some(winner) };
    if classes.is_empty() {
        classes.push(vm.types.object);
    }
    let (ancestors, layout) = resolve_bases(vm, &classes)?;
    let qualname_key = vm.sym_value(sym::QUALNAME);
    let qualname = super::dictops::get(vm, ns, qualname_key)?
        .and_then(|q| super::strings::as_str(q).map(str::to_string))
        .unwrap_or_else(|| name.clone());
    let key = vm.sym_value(sym::MODULE);
    let module = match super::dictops::get(vm, ns, key)? {
        Some(m) => super::strings::as_str(m).map(|s| s.to_string()),
        None => match vm.frames.last().map(|f| f.globals) {
            Some(g) => {
                let key = vm.sym_value(sym::NAME);
                super::dictops::get(vm, g, key)?.and_then(|v| super::strings::as_str(v).map(|s| s.to_string()))
            }
            None => None,
        },
    }
    .unwrap_or_else(|| "__main__".to_string());
    make_class(vm, &name, &qualname, &module, classes, ancestors, layout, ns, meta, kw)
}

/// Creates a class from its namespace `ns` (rooted by the caller): the attributes (with
/// `__init_subclass__`, `__class_getitem__` and `__new__` made the implicit class- and
/// staticmethods they are), `__slots__`, the `__eq__`-without-`__hash__` rule, then the
/// `__set_name__` and `__init_subclass__` hooks.
#[allow(clippy::too_many_arguments)]
fn make_class(
    vm: &mut Vm,
    name: &str,
    qualname: &str,
    module: &str,
    bases: Vec<ObjRef>,
    ancestors: Vec<ObjRef>,
    layout: Layout,
    ns: ObjRef,
    meta: Option<ObjRef>,
    kw: &[(Sym, Value)],
) -> PyResult<Value> {
    let class = new_class_with_mro(vm, name, qualname, bases, ancestors, layout, module);
    if let Some(c) = class.as_class() {
        c.metaclass.set(meta);
    }
    let items: Vec<(Value, Value)> = ns.as_dict().map(|d| d.borrow().iter().collect()).unwrap_or_default();
    let mut attrs = Vec::new();
    for (k, v) in items {
        let Some(key) = super::strings::as_str(k).map(|s| s.to_string()) else {
            continue;
        };
        let s = vm.intern(&key);
        if s == sym::CLASSCELL {
            if let Value::Obj(cell) = v {
                if let ObjKind::Cell(c) = &cell.kind {
                    c.set(Value::Obj(class));
                }
            }
            continue;
        }
        // `__init_subclass__` and `__class_getitem__` are implicit classmethods.
        let v = match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(_)) if s == sym::INIT_SUBCLASS || s == sym::CLASS_GETITEM => {
                Value::Obj(vm.alloc(ObjKind::ClassMethod(v)))
            }
            // `__new__` is an implicit staticmethod.
            Some(ObjKind::Function(_)) if s == sym::NEW => Value::Obj(vm.alloc(ObjKind::StaticMethod(v))),
            _ => v,
        };
        if let Some(c) = class.as_class() {
            c.set_attr(s, v);
        }
        attrs.push((s, v));
    }
    // __slots__ restricts the attributes instances may have.
    let slots_key = vm.sym_value(sym::SLOTS);
    if let Some(decl) = super::dictops::get(vm, ns, slots_key)? {
        let names = match super::strings::as_str(decl) {
            Some(s) => vec![s.to_string()],
            None => super::iter::collect(vm, decl)?
                .into_iter()
                .filter_map(|v| super::strings::as_str(v).map(|s| s.to_string()))
                .collect(),
        };
        let syms: Vec<Sym> = names.iter().map(|n| vm.intern(n)).collect();
        if let Some(c) = class.as_class() {
            *c.slots.borrow_mut() = Some(syms);
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable, as in CPython.
    if let Some(c) = class.as_class() {
        let defines_eq = c.dict.borrow().contains_key(&sym::EQ);
        let defines_hash = c.dict.borrow().contains_key(&sym::HASH);
        if defines_eq && !defines_hash {
            c.set_attr(sym::HASH, Value::None);
        }
    }
    bump_class_epoch();
    vm.temp_roots.push(Value::Obj(class));
    let hooks = class_creation_hooks(vm, class, &attrs, kw);
    vm.temp_roots.pop();
    hooks?;
    Ok(Value::Obj(class))
}

/// What a new class tells its attributes and its bases: `attr.__set_name__(class, name)` for
/// every attribute whose type defines it, then the nearest base's `__init_subclass__()`.
fn class_creation_hooks(vm: &mut Vm, class: ObjRef, attrs: &[(Sym, Value)], kw: &[(Sym, Value)]) -> PyResult<()> {
    for &(name, v) in attrs {
        if let Some(f) = super::ops::special(vm, v, sym::SET_NAME) {
            let n = vm.sym_value(name);
            super::ops::call_method_value(vm, f, &[v, Value::Obj(class), n])?;
        }
    }
    let ancestors = class.as_class().map(|c| c.ancestors.clone()).unwrap_or_default();
    for a in ancestors {
        let found = a.as_class().and_then(|c| c.dict.borrow().get(&sym::INIT_SUBCLASS).copied());
        match found.as_ref().and_then(|v| v.obj()).map(|o| &o.kind) {
            Some(ObjKind::ClassMethod(f)) => {
                let f = *f;
                vm.call(f, &[Value::Obj(class)], kw)?;
                return Ok(());
            }
            Some(_) if !kw.is_empty() => {
                let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
                let msg = format!("{name}.__init_subclass__() takes no keyword arguments");
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
            Some(_) => return Ok(()),
            None => {}
        }
    }
    Ok(())
}

/// The `__new__` a call of `class` must run: one `class` or a base defines in Python, or a
/// built-in base's (`tuple.__new__`); `object.__new__` does not count.
pub fn custom_new(class: ObjRef) -> Option<Value> {
    let c = class.as_class()?;
    // (The class that defines it: `object` is the one class without a base.)
    let owner = std::iter::once(class)
        .chain(c.ancestors.iter().copied())
        .find(|k| k.as_class().is_some_and(|k| k.dict.borrow().contains_key(&sym::NEW)))?;
    if owner.as_class().is_some_and(|k| k.base.is_none()) {
        return None;
    }
    let v = c.lookup(sym::NEW)?;
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::StaticMethod(f)) => Some(*f),
        Some(ObjKind::Function(_)) => Some(v),
        _ => None,
    }
}

/// `cls(*args, **kw)` for a class with a Python `__new__`: `obj = __new__(cls, *args, **kw)`,
/// then, when `obj` is an instance of `cls`, `obj.__init__(*args, **kw)`.
pub fn construct_with_new(
    vm: &mut Vm,
    class: ObjRef,
    new: Value,
    args: &[Value],
    kw: &[(Sym, Value)],
) -> PyResult<Value> {
    let mut all = vec![Value::Obj(class)];
    all.extend_from_slice(args);
    let obj = vm.call(new, &all, kw)?;
    if !is_subclass(vm.type_of(obj), class) {
        return Ok(obj);
    }
    let init = vm.type_of(obj).as_class().and_then(|c| c.lookup(sym::INIT));
    let object_init = vm.types.object.as_class().and_then(|c| c.dict.borrow().get(&sym::INIT).copied());
    match init {
        // (`object.__init__` ignores the arguments when `__new__` is overridden, as in CPython.)
        Some(init) if object_init.is_some_and(|o| o.is(init)) => {}
        Some(init) => {
            vm.temp_roots.push(obj);
            let mut all = vec![obj];
            all.extend_from_slice(args);
            let r = vm.call(init, &all, kw);
            vm.temp_roots.pop();
            r?;
        }
        None => {}
    }
    Ok(obj)
}

/// `object.__new__(cls, ...)`: a new instance of `cls` with the storage its layout needs.
pub fn object_new(vm: &mut Vm, args: &[Value], _kw: &[(Sym, Value)]) -> PyResult<Value> {
    let Some(class) = args.first().and_then(|v| v.as_obj()).filter(|o| o.as_class().is_some()) else {
        return Err(vm.new_error(vm.types.type_error, "object.__new__(X): X is not a type object"));
    };
    let c = class.as_class().expect("checked above");
    if let Some(native) = c.native_new.get() {
        return native(vm, args, &[]);
    }
    if c.layout == Layout::Builtin {
        let name = c.name.clone();
        return Err(vm.new_error(vm.types.type_error, &format!("object.__new__({name}) is not safe")));
    }
    if c.is_abstract.get() {
        return Err(super::metaclass::abstract_error(vm, class));
    }
    let layout = c.layout;
    Ok(vm.new_instance(class, layout))
}

/// Native `__init__` of `object`: accepts no arguments unless the class defines `__init__`.
pub fn object_init(vm: &mut Vm, args: &[Value], kw: &[(Sym, Value)]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let class = vm.type_of(args[0]);
        let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
        return Err(vm.new_error(vm.types.type_error, &format!("{name}() takes no arguments")));
    }
    Ok(Value::None)
}

/// Native `OSError.__init__(self, *args)`: with 2 to 5 arguments they are `errno`, `strerror`,
/// `filename`, `winerror` and `filename2`, and `args` keeps the first two, as in CPython.
pub fn os_error_init(vm: &mut Vm, args: &[Value], _kw: &[(Sym, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else { return Ok(Value::None) };
    let given = &args[1..];
    let (kept, fields) = if (2..=5).contains(&given.len()) {
        let at = |i: usize| given.get(i).copied().unwrap_or(Value::None);
        (&given[..2], [given[0], given[1], at(2), at(4)])
    } else {
        (given, [Value::None; 4])
    };
    if let Some(e) = this.obj().and_then(|o| o.as_exception()) {
        let t = vm.new_tuple(kept.to_vec());
        e.borrow_mut().args = t;
    }
    for (name, v) in ["errno", "strerror", "filename", "filename2"].into_iter().zip(fields) {
        let sym = vm.intern(name);
        super::attr::setattr(vm, this, sym, v)?;
    }
    Ok(Value::None)
}

/// `OSError.__str__`: `[Errno N] text: 'filename'` when it has them.
pub fn os_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Sym, Value)]) -> PyResult<Value> {
    let Some(&this) = args.first() else { return Ok(Value::None) };
    let field = |vm: &mut Vm, name: &str| {
        let sym = vm.intern(name);
        super::attr::getattr(vm, this, sym).unwrap_or(Value::None)
    };
    let (errno, strerror, filename, filename2) =
        (field(vm, "errno"), field(vm, "strerror"), field(vm, "filename"), field(vm, "filename2"));
    if !errno.is_none() || !strerror.is_none() {
        let (errno, strerror) = (super::ops::str_of(vm, errno)?, super::ops::str_of(vm, strerror)?);
        let mut text = format!("[Errno {errno}] {strerror}");
        if !filename.is_none() {
            text += &format!(": {}", super::ops::repr(vm, filename)?);
            if !filename2.is_none() {
                text += &format!(" -> {}", super::ops::repr(vm, filename2)?);
            }
        }
        return Ok(vm.new_string(text));
    }
    let base = vm.types.base_exception;
    let str_sym = vm.intern("__str__");
    match base.as_class().and_then(|c| c.lookup(str_sym)) {
        Some(f) => vm.call(f, &[this], &[]),
        None => Ok(vm.new_str("")),
    }
}

/// A new OSError (of `class`, a subclass) as the operating system reported it: `errno`,
/// `strerror` and, when the call named one, `filename`.
pub fn new_os_error(
    vm: &mut Vm,
    class: ObjRef,
    errno: i32,
    strerror: &str,
    filename: Option<&str>,
) -> crate::interpreter::PyErr {
    let mut args = vec![Value::Int(errno as i64), vm.new_str(strerror)];
    if let Some(f) = filename {
        args.push(vm.new_str(f));
    }
    vm.temp_roots.extend_from_slice(&args);
    let made = vm.call(Value::Obj(class), &args, &[]);
    vm.temp_roots.truncate(vm.temp_roots.len() - args.len());
    match made {
        Ok(e) => crate::interpreter::PyErr(e.as_obj().unwrap_or(class)),
        Err(e) => e,
    }
}

/// Native `BaseException.__init__(self, *args)`.
pub fn exception_init(vm: &mut Vm, args: &[Value], _kw: &[(Sym, Value)]) -> PyResult<Value> {
    if let Some(e) = args.first().and_then(|v| v.obj()).and_then(|o| o.as_exception()) {
        let t = vm.new_tuple(args[1..].to_vec());
        e.borrow_mut().args = t;
    }
    Ok(Value::None)
}
