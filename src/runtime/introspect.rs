//! The builtins that look at the running program rather than compute: `ascii`, `dir`,
//! `locals`, `exit`/`quit`, and the caller lookups the bundled `warnings` module needs.
//!
//! `locals()` and `dir()` without arguments read the frame that called them (natives push no
//! frame, so it is the top record of the frame stack): a module or class body has a namespace
//! dict and gets it; a function gets a new dict of its bound locals, cell and free variables in
//! CPython's order. `dir(obj)` calls a user `__dir__`, else lists a module's globals, a class's
//! attributes along its MRO, or an object's `__dict__` plus its class's, sorted. `object`'s own
//! entry is CPython's fixed list of `object`'s attribute names, so that user classes list exactly
//! what CPython lists. `exit` and `quit` are instances of a small `Quitter` class as in CPython's
//! `site`. The native module `_stitch_warnings` gives `warnings.warn` the file, line and module
//! globals of a caller and the text of a source line, which the frame records and the VM's copy
//! of every loaded source already hold.

use crate::interpreter::{PyResult, Vm};

use super::builtins::{arity, set_builtin};
use super::interner::{sym, Sym};
use super::object::{Layout, NativeFn, ObjKind};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

/// What CPython 3.11's `dir(object)` lists: every class inherits these names.
const OBJECT_DIR: &[&str] = &[
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// Registers `ascii`, `dir`, `locals`, `exit`, `quit` and the `IOError`/`EnvironmentError`
/// aliases of `OSError`.
pub fn init(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[("ascii", ascii), ("dir", dir), ("locals", locals)];
    for &(name, f) in funcs {
        let v = vm.new_native(name, f);
        set_builtin(vm, name, v);
    }
    let os_error = Value::Obj(vm.types.os_error);
    set_builtin(vm, "IOError", os_error);
    set_builtin(vm, "EnvironmentError", os_error);

    let object = vm.types.object;
    let quitter = types::new_class(vm, "Quitter", "Quitter", Some(object), Layout::Object, "_sitebuiltins");
    types::add_methods(vm, quitter, &[("__call__", quitter_call), ("__repr__", quitter_repr)]);
    vm.temp_roots.push(Value::Obj(quitter));
    for name in ["exit", "quit"] {
        let inst = vm.new_instance(quitter, Layout::Object);
        vm.temp_roots.push(inst);
        let n = vm.new_str(name);
        let key = vm.intern("name");
        let _ = super::attr::setattr(vm, inst, key, n);
        let eof = vm.new_str("Ctrl-D (i.e. EOF)");
        let key = vm.intern("eof");
        let _ = super::attr::setattr(vm, inst, key, eof);
        set_builtin(vm, name, inst);
        vm.temp_roots.pop();
    }
    vm.temp_roots.pop();
}

/// `ascii(obj)`: `repr(obj)` with its non-ASCII characters escaped.
fn ascii(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "ascii", args, 1, 1)?;
    let r = ops::repr(vm, args[0])?;
    Ok(vm.new_string(strings::ascii_escape(&r)))
}

/// `exit(code=None)` / `quit(code=None)`: raises `SystemExit(code)`.
fn quitter_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let code = match (args, kw) {
        ([_], []) => Value::None,
        ([_, c], []) => *c,
        ([_], [(k, c)]) if vm.sym_str(*k) == "code" => *c,
        _ => {
            let n = args.len().saturating_sub(1) + kw.len();
            let msg = format!("Quitter.__call__() takes from 1 to 2 positional arguments but {} were given", n + 1);
            return Err(vm.new_error(vm.types.type_error, &msg));
        }
    };
    Err(vm.new_error_args(vm.types.system_exit, vec![code]))
}

/// `repr(exit)`: "Use exit() or Ctrl-D (i.e. EOF) to exit".
fn quitter_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let this = args.first().copied().unwrap_or(Value::None);
    let text = |vm: &mut Vm, name: &str| -> PyResult<String> {
        let key = vm.intern(name);
        let v = super::attr::getattr(vm, this, key)?;
        super::repr::str_of(vm, v)
    };
    let name = text(vm, "name")?;
    let eof = text(vm, "eof")?;
    Ok(vm.new_string(format!("Use {name}() or {eof} to exit")))
}

// ---------------------------------------------------------------------------------------------
// locals()

/// `locals()`: the namespace of a module or class body; in a function, a new dict of the bound
/// local, cell and free variables.
fn locals(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "locals", args, 0, 0)?;
    current_locals(vm)
}

/// The locals the innermost Python frame sees: its namespace at module or class level, else a
/// new dict of its bound local, cell and free variables (what `locals()`, `eval` and `exec` use).
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(frame) = vm.frames.last().copied() else {
        return Ok(Value::Obj(vm.new_dict()));
    };
    if let Value::Obj(ns) = frame.locals_dict {
        return Ok(Value::Obj(ns));
    }
    let code = frame.code;
    let c = &code.code;
    let nlocals = code.nlocals;
    let cell_value = |v: Value| match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Cell(cell)) => cell.get(),
        _ => v,
    };
    // CPython's order: the arguments and locals (an argument moved into a cell in its place),
    // then the other cell variables, then the free variables.
    let mut pairs: Vec<(Sym, Value)> = Vec::new();
    for (i, name) in code.varnames.iter().enumerate() {
        let v = match c.cell2arg.iter().position(|a| *a == Some(i as u32)) {
            Some(ci) => cell_value(vm.slot(frame.base + nlocals + ci)),
            None => vm.slot(frame.base + i),
        };
        pairs.push((*name, v));
    }
    for (ci, name) in c.cellvars.iter().enumerate() {
        if c.cell2arg.get(ci).copied().flatten().is_some() {
            continue;
        }
        let s = vm.intern(name);
        pairs.push((s, cell_value(vm.slot(frame.base + nlocals + ci))));
    }
    for (fi, name) in c.freevars.iter().enumerate() {
        let s = vm.intern(name);
        pairs.push((s, cell_value(vm.slot(frame.base + nlocals + c.cellvars.len() + fi))));
    }
    let d = vm.new_dict();
    vm.temp_roots.push(Value::Obj(d));
    let mut result = Ok(());
    for (name, v) in pairs {
        if v.is_null() {
            continue;
        }
        let key = vm.sym_value(name);
        result = super::dictops::set(vm, d, key, v);
        if result.is_err() {
            break;
        }
    }
    vm.temp_roots.pop();
    result.map(|()| Value::Obj(d))
}

// ---------------------------------------------------------------------------------------------
// dir()

/// `dir([obj])`: the sorted names of the current scope, or of `obj`'s attributes.
fn dir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "dir", args, 0, 1)?;
    let Some(&obj) = args.first() else {
        let ns = current_locals(vm)?;
        vm.temp_roots.push(ns);
        let names = dict_keys(ns);
        vm.temp_roots.pop();
        return Ok(names_list(vm, names));
    };
    let class = vm.type_of(obj);
    let dunder_dir = vm.intern("__dir__");
    if let Some(custom) = class.as_class().and_then(|c| c.lookup(dunder_dir)) {
        let bound = super::attr::bind(vm, custom, obj, class)?;
        let result = vm.call(bound, &[], &[])?;
        vm.temp_roots.push(result);
        let items = super::iter::collect(vm, result);
        vm.temp_roots.pop();
        let list = vm.new_list(items?);
        vm.temp_roots.push(list);
        let sorted = sort_list(vm, list);
        vm.temp_roots.pop();
        return sorted.map(|()| list);
    }
    let mut names = Vec::new();
    match obj.obj().map(|o| &o.kind) {
        Some(ObjKind::Module(m)) => names = dict_keys(Value::Obj(m.dict)),
        Some(ObjKind::Class(_)) => {
            if let Some(o) = obj.as_obj() {
                class_names(vm, o, &mut names);
            }
        }
        Some(ObjKind::Instance(inst)) => {
            // The instance's own names, without materializing its `__dict__`.
            names = match super::attr::instance_dict(inst) {
                Some(d) => dict_keys(Value::Obj(d)),
                None => inst.shape.get().names.iter().map(|n| vm.sym_str(*n).to_string()).collect(),
            };
            class_names(vm, class, &mut names);
        }
        _ => {
            if let Some(d) = super::attr::lookup(vm, obj, sym::DICT)? {
                names = dict_keys(d);
            }
            class_names(vm, class, &mut names);
        }
    }
    Ok(names_list(vm, names))
}

/// Sorts the items of `list` in place, as `list.sort()` would.
fn sort_list(vm: &mut Vm, list: Value) -> PyResult<()> {
    let Some(items) = list.obj().and_then(|o| o.as_list()) else { return Ok(()) };
    let mut v = items.borrow().clone();
    super::builtins::sort_values(vm, &mut v, None, false)?;
    *items.borrow_mut() = v;
    Ok(())
}

/// The str keys of a dict (other keys are skipped).
fn dict_keys(d: Value) -> Vec<String> {
    let Some(dict) = d.obj().and_then(|o| o.as_dict()) else { return Vec::new() };
    let keys: Vec<Value> = dict.borrow().iter().map(|(k, _)| k).collect();
    keys.into_iter().filter_map(|k| strings::as_str(k).map(|s| s.to_string())).collect()
}

/// Adds the attribute names of `class` and its MRO to `names`.
fn class_names(vm: &mut Vm, class: ObjRef, names: &mut Vec<String>) {
    let Some(c) = class.as_class() else { return };
    let mro: Vec<ObjRef> = std::iter::once(class).chain(c.ancestors.iter().copied()).collect();
    for k in mro {
        if k == vm.types.object {
            names.extend(OBJECT_DIR.iter().map(|s| s.to_string()));
            continue;
        }
        let Some(kc) = k.as_class() else { continue };
        let order: Vec<Sym> = kc.order.borrow().clone();
        let dict_names: Vec<Sym> =
            order.into_iter().filter(|s| kc.dict.borrow().get(s).is_some() && *s != sym::QUALNAME).collect();
        let user = dict_names.contains(&sym::MODULE);
        names.extend(dict_names.iter().map(|s| vm.sym_str(*s).to_string()));
        if user {
            // What CPython keeps in a class's dict besides what the class statement stored.
            names.push("__doc__".to_string());
            match &*kc.slots.borrow() {
                Some(slots) => names.extend(slots.iter().map(|s| vm.sym_str(*s).to_string())),
                None => {
                    names.push("__dict__".to_string());
                    names.push("__weakref__".to_string());
                }
            }
        }
    }
}

/// A new sorted list of the distinct `names`.
fn names_list(vm: &mut Vm, mut names: Vec<String>) -> Value {
    names.sort();
    names.dedup();
    let list = vm.new_list(Vec::new());
    vm.temp_roots.push(list);
    for n in names {
        let s = vm.new_string(n);
        if let Some(items) = list.obj().and_then(|o| o.as_list()) {
            items.borrow_mut().push(s);
        }
    }
    vm.temp_roots.pop();
    list
}

// ---------------------------------------------------------------------------------------------
// _stitch_warnings

/// The native helpers of the bundled `warnings` module.
pub fn warnings_module(vm: &mut Vm) -> Value {
    let entries = super::modules::natives(vm, &[("caller", warn_caller), ("source_line", warn_source_line)]);
    super::modules::make_module(vm, "_stitch_warnings", entries)
}

/// `caller(depth)`: `(filename, lineno, globals)` of the frame `depth` levels below the one
/// that called `caller` (0: that frame itself), or None past the outermost frame.
fn warn_caller(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "caller", args, 1, 1)?;
    let depth = ops::expect_int(vm, args[0], "")?;
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        return Ok(Value::None);
    }
    let frame = vm.frames[(n - 1 - depth) as usize];
    let c = &frame.code.code;
    // A frame below the top was left at its resume point, after the call it is in; the top
    // frame is in the call of this native, which its pc has not passed yet either way.
    let line = c.line_of(frame.pc.saturating_sub(1));
    let filename = vm.new_str(&c.filename);
    vm.temp_roots.push(filename);
    let t = vm.new_tuple(vec![filename, Value::Int(line as i64), Value::Obj(frame.globals)]);
    vm.temp_roots.pop();
    Ok(t)
}

/// `source_line(filename, lineno)`: the text of that line of a loaded source, or None.
fn warn_source_line(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "source_line", args, 2, 2)?;
    let Some(file) = strings::as_str(args[0]) else { return Ok(Value::None) };
    let line = ops::expect_int(vm, args[1], "")?;
    if line < 1 {
        return Ok(Value::None);
    }
    let text = vm.sources.get(file).and_then(|s| s.lines().nth(line as usize - 1)).map(|s| s.to_string());
    Ok(match text {
        Some(t) => vm.new_string(t),
        None => Value::None,
    })
}
