//! Modules: `import` of the built-in modules (`math`, `time`, `sys`, `random`, `io`,
//! `array`) and of sibling `.py` files, plus output streams. (`random` itself is in
//! `randmod.rs`, `math` in `mathmod.rs`.)
//!
//! Built-in modules are module objects whose dicts hold natives, created on first import.
//! A sibling module is compiled, registered in `Vm::modules` before its body runs (so cyclic
//! imports see the partially initialized module, as in CPython) and executed with its own
//! dict as globals.

use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::int;
use super::interner::Sym;
use super::object::{Module, NativeFn, ObjKind};
use super::ops;
use super::types;
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];

/// Registers the classes of the native modules (`array.array`, `io.StringIO`).
pub fn init(vm: &mut Vm) {
    super::array::init(vm);
    super::textio::init(vm);
    super::binaryio::init(vm);
    super::randmod::init_class(vm);
}

/// Creates a module object with the given entries.
pub fn make_module(vm: &mut Vm, name: &str, entries: Vec<(&str, Value)>) -> Value {
    let dict = vm.new_dict();
    let m = vm.alloc(ObjKind::Module(Module { name: name.to_string(), dict }));
    vm.temp_roots.push(Value::Obj(m));
    let name_v = vm.new_str(name);
    let name_key = vm.sym_value(super::interner::sym::NAME);
    let _ = super::dictops::set(vm, dict, name_key, name_v);
    for (k, v) in entries {
        let s = vm.intern(k);
        let key = vm.sym_value(s);
        let _ = super::dictops::set(vm, dict, key, v);
    }
    vm.temp_roots.pop();
    Value::Obj(m)
}

pub fn natives(vm: &mut Vm, list: &[(&'static str, NativeFn)]) -> Vec<(&'static str, Value)> {
    list.iter().map(|&(n, f)| (n, vm.new_native(n, f))).collect()
}

/// `IMPORT_NAME`: `import a.b.c` imports `a`, then `a.b` and `a.b.c` (a submodule is an
/// attribute of its parent, or a bundled module of that dotted name) and gives `a`; with a
/// `from` list it gives `a.b.c` itself.
pub fn import_dotted(vm: &mut Vm, name: Sym, from: bool) -> PyResult<Value> {
    let text = vm.sym_str(name).to_string();
    if !text.contains('.') {
        return import(vm, name);
    }
    let mut parts = text.split('.');
    let head = vm.intern(parts.next().unwrap_or_default());
    let top = import(vm, head)?;
    let mut module = top;
    let mut path = vm.sym_str(head).to_string();
    for part in parts {
        path = format!("{path}.{part}");
        let attr = vm.intern(part);
        module = match super::attr::lookup(vm, module, attr)? {
            Some(m) if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Module(_))) => m,
            _ => {
                let full = vm.intern(&path);
                let sub = import(vm, full)?;
                super::attr::setattr(vm, module, attr, sub)?;
                sub
            }
        };
    }
    Ok(if from { module } else { top })
}

/// `import name`.
pub fn import(vm: &mut Vm, name: Sym) -> PyResult<Value> {
    let text = vm.sym_str(name).to_string();
    if let Some(m) = vm.modules.get(&text) {
        return Ok(*m);
    }
    let module = match text.as_str() {
        "math" => super::mathmod::module(vm),
        "cmath" => super::cmathmod::module(vm),
        "time" => time_module(vm),
        "sys" => sys_module(vm)?,
        "random" => super::randmod::module(vm),
        "io" => {
            let t = &vm.types;
            let names = vec![
                ("StringIO", Value::Obj(t.string_io)),
                ("BytesIO", Value::Obj(t.bytes_io)),
                ("TextIOWrapper", Value::Obj(t.text_io)),
                ("BufferedReader", Value::Obj(t.buffered_reader)),
                ("BufferedWriter", Value::Obj(t.buffered_writer)),
                ("BufferedRandom", Value::Obj(t.buffered_random)),
                ("UnsupportedOperation", Value::Obj(t.unsupported_operation)),
                ("SEEK_SET", Value::Int(0)),
                ("SEEK_CUR", Value::Int(1)),
                ("SEEK_END", Value::Int(2)),
            ];
            let key = vm.intern("open");
            let key = vm.sym_value(key);
            let builtins = vm.builtins;
            let open = super::dictops::get(vm, builtins, key)?.unwrap_or(Value::None);
            let mut names = names;
            names.push(("open", open));
            make_module(vm, "io", names)
        }
        "array" => {
            let a = Value::Obj(vm.types.array);
            make_module(vm, "array", vec![("array", a)])
        }
        "_os" => super::osmod::module(vm)?,
        "gc" => crate::interpreter::gc::gc_module(vm),
        "_stitch_warnings" => super::introspect::warnings_module(vm),
        "builtins" => {
            // The module whose dict is the builtins namespace itself.
            let dict = vm.builtins;
            let m = Value::Obj(vm.alloc(ObjKind::Module(Module { name: "builtins".to_string(), dict })));
            vm.temp_roots.push(m);
            let name_v = vm.new_str("builtins");
            let name_key = vm.sym_value(super::interner::sym::NAME);
            let _ = super::dictops::set(vm, dict, name_key, name_v);
            vm.temp_roots.pop();
            m
        }
        _ => return import_file(vm, &text),
    };
    vm.modules.insert(text, module);
    Ok(module)
}

/// `import name` of a Python module: a `.py` file beside the script, else a bundled one.
fn import_file(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let path = vm.script_dir.join(format!("{name}.py"));
    let (source, filename) = match std::fs::read_to_string(&path) {
        Ok(source) => (source, path.to_string_lossy().to_string()),
        Err(_) => match super::stdlib::source(name) {
            Some(source) => (source.to_string(), super::stdlib::filename(name)),
            None => {
                return Err(vm.new_error(vm.types.module_not_found_error, &format!("No module named '{name}'")));
            }
        },
    };
    let code = match crate::frontend::compile(&source, &filename) {
        Ok(c) => c,
        Err(e) => {
            return Err(vm.new_error(vm.types.syntax_error, &format!("{}:{}", filename, e)));
        }
    };
    vm.sources.insert(filename, source);
    let code = vm.load_code(&code);
    let module = make_module(vm, name, vec![]);
    vm.modules.insert(name.to_string(), module);
    let dict = match module.obj().map(|o| &o.kind) {
        Some(ObjKind::Module(m)) => m.dict,
        _ => return Ok(module),
    };
    if let Err(e) = vm.run_module(code, dict) {
        vm.modules.remove(name);
        return Err(e);
    }
    Ok(module)
}

/// `from module import name`.
pub fn import_from(vm: &mut Vm, module: Value, name: Sym) -> PyResult<Value> {
    match super::attr::lookup(vm, module, name)? {
        Some(v) => Ok(v),
        None => {
            let n = vm.sym_str(name).to_string();
            let m = match module.obj().map(|o| &o.kind) {
                Some(ObjKind::Module(m)) => m.name.clone(),
                _ => "?".into(),
            };
            Err(vm.new_error(vm.types.import_error, &format!("cannot import name '{n}' from '{m}' (unknown location)")))
        }
    }
}

/// `from m import *`: binds the names in `m.__all__`, or else every name of `m` that does not
/// start with an underscore, in the namespace of `frame`.
pub fn import_star(vm: &mut Vm, frame: &crate::interpreter::Frame, module: Value) -> PyResult<()> {
    let Some(ObjKind::Module(m)) = module.obj().map(|o| &o.kind) else {
        return Err(vm.new_error(vm.types.type_error, "import * needs a module"));
    };
    let dict = m.dict;
    let all_key = vm.new_str("__all__");
    let names: Vec<Value> = match super::dictops::get(vm, dict, all_key)? {
        Some(all) => super::iter::collect(vm, all)?,
        None => {
            let keys: Vec<Value> =
                dict.as_dict().map(|d| d.borrow().iter().map(|(k, _)| k).collect()).unwrap_or_default();
            keys.into_iter().filter(|k| super::strings::as_str(*k).is_some_and(|s| !s.starts_with('_'))).collect()
        }
    };
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&names);
    let result = (|| {
        for key in names {
            let Some(text) = super::strings::as_str(key).map(str::to_string) else {
                let tn = super::ops::type_name(vm, key);
                let msg = format!("Item in {}.__all__ must be str, not {tn}", m.name);
                return Err(vm.new_error(vm.types.type_error, &msg));
            };
            let name = vm.intern(&text);
            let value = match super::dictops::get(vm, dict, key)? {
                Some(v) => v,
                None => super::attr::getattr(vm, module, name)?,
            };
            vm.store_name(frame, name, value)?;
        }
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    result
}

// ---------------------------------------------------------------------------------------------
// Output streams

/// Writes `text` to `file`: None means `sys.stdout`; the standard streams and StringIO are
/// written directly, any other object through its `write` method.
pub fn write_to(vm: &mut Vm, file: Value, text: &str) -> PyResult<()> {
    let file = if file.is_none() || file.is_null() { super::stdio::current(vm, super::stdio::Std::Out)? } else { file };
    if let Some(ObjKind::TextIO(s)) = file.obj().map(|o| &o.kind) {
        return super::textio::write_text(vm, s, text);
    }
    if file.is_none() {
        // `sys.stdout = None` silences print(), as in CPython.
        return Ok(());
    }
    vm.temp_roots.push(file);
    let result = (|| {
        let write = vm.intern("write");
        let f = super::attr::getattr(vm, file, write)?;
        let t = vm.new_str(text);
        vm.call(f, &[t], &[])
    })();
    vm.temp_roots.pop();
    result.map(|_| ())
}

// ---------------------------------------------------------------------------------------------
// sys

fn sys_module(vm: &mut Vm) -> PyResult<Value> {
    let argv: Vec<Value> = vm.argv.clone().iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    vm.temp_roots.push(argv);
    let mut entries = natives(
        vm,
        &[
            ("exit", sys_exit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ],
    );
    entries.push(("argv", argv));
    let [stdin, stdout, stderr] = vm.stdio.objects;
    for (name, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        entries.push((name, v));
    }
    for (name, v) in [("__stdin__", stdin), ("__stdout__", stdout), ("__stderr__", stderr)] {
        entries.push((name, v));
    }
    entries.push(("maxsize", Value::Int(i64::MAX)));
    let version = vm.new_str("3.11.0 (stitch)");
    entries.push(("version", version));
    let platform = vm.new_str("linux");
    entries.push(("platform", platform));
    let version_info = version_info(vm);
    let Ok(version_info) = version_info else {
        vm.temp_roots.pop();
        return version_info;
    };
    entries.push(("version_info", version_info));
    let m = make_module(vm, "sys", entries);
    if let Some(ObjKind::Module(module)) = m.obj().map(|o| &o.kind) {
        vm.stdio.sys_dict = Some(module.dict);
    }
    vm.temp_roots.pop();
    Ok(m)
}

/// `sys.version_info`: CPython's struct sequence, a tuple subclass whose fields are also
/// attributes (`sys.version_info >= (3, 8)`, `sys.version_info.major`).
fn version_info(vm: &mut Vm) -> PyResult<Value> {
    const FIELDS: [&str; 5] = ["major", "minor", "micro", "releaselevel", "serial"];
    let tuple = vm.types.tuple;
    let class = types::new_class(vm, "version_info", "version_info", Some(tuple), super::object::Layout::Tuple, "sys");
    vm.temp_roots.push(Value::Obj(class));
    let getters: [NativeFn; 5] = [
        |vm, a, _| version_field(vm, a, 0),
        |vm, a, _| version_field(vm, a, 1),
        |vm, a, _| version_field(vm, a, 2),
        |vm, a, _| version_field(vm, a, 3),
        |vm, a, _| version_field(vm, a, 4),
    ];
    for (name, getter) in FIELDS.iter().zip(getters) {
        let fget = vm.new_native(name, getter);
        let property = Value::Obj(vm.alloc(ObjKind::Property { fget, fset: Value::None, fdel: Value::None }));
        let sym = vm.intern(name);
        if let Some(c) = class.as_class() {
            c.set_attr(sym, property);
        }
    }
    types::add_methods(vm, class, &[("__repr__", version_info_repr)]);
    let level = vm.new_str("final");
    let items = vm.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(0), level, Value::Int(0)]);
    let made = vm.call(Value::Obj(class), &[items], &[]);
    vm.temp_roots.pop();
    made
}

fn version_field(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Value> {
    match args.first().and_then(|v| v.obj()).and_then(|o| o.as_tuple()).and_then(|t| t.get(i)) {
        Some(v) => Ok(*v),
        None => Err(vm.new_error(vm.types.type_error, "descriptor needs a sys.version_info object")),
    }
}

fn version_info_repr(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let items: Vec<Value> =
        args.first().and_then(|v| v.obj()).and_then(|o| o.as_tuple()).map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for (name, v) in ["major", "minor", "micro", "releaselevel", "serial"].iter().zip(items) {
        parts.push(format!("{name}={}", ops::repr(vm, v)?));
    }
    Ok(vm.new_string(format!("sys.version_info({})", parts.join(", "))))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let v = match (args, kw) {
        ([v], []) => *v,
        ([], [(k, v)]) if vm.sym_str(*k) == "maxdigits" => *v,
        _ => {
            return Err(
                vm.new_error(vm.types.type_error, "set_int_max_str_digits() takes exactly one argument (maxdigits)")
            )
        }
    };
    let n = ops::expect_int(vm, v, "")?;
    if n != 0 && n < 640 || n < 0 {
        return Err(vm.new_error(vm.types.value_error, "maxdigits must be 0 or larger than 640"));
    }
    int::set_max_str_digits(n as usize);
    Ok(Value::None)
}

fn sys_get_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(int::max_str_digits() as i64))
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let code = args.first().copied().unwrap_or(Value::None);
    Err(vm.new_error_args(vm.types.system_exit, if code.is_none() { vec![] } else { vec![code] }))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "setrecursionlimit", args, 1, 1)?;
    let n = ops::expect_int(vm, args[0], "")?;
    if n < 1 {
        return Err(vm.new_error(vm.types.value_error, "recursion limit must be greater or equal than 1"));
    }
    vm.frames.set_limit(n as usize);
    Ok(Value::None)
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(vm.frames.limit as i64))
}

// ---------------------------------------------------------------------------------------------
// time

fn time_module(vm: &mut Vm) -> Value {
    let entries = natives(
        vm,
        &[
            ("perf_counter", time_perf_counter),
            ("time", time_time),
            ("process_time", time_perf_counter),
            ("monotonic", time_perf_counter),
            ("sleep", time_sleep),
        ],
    );
    make_module(vm, "time", entries)
}

fn time_perf_counter(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

/// `time.sleep(secs)`: Ctrl-C ends the wait with `KeyboardInterrupt`.
fn time_sleep(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "sleep", args, 1, 1)?;
    let secs = match args[0] {
        Value::Int(n) => n as f64,
        Value::Float(f) => f,
        Value::Bool(b) => b as i64 as f64,
        v => {
            let tn = ops::type_name(vm, v);
            return Err(
                vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer"))
            );
        }
    };
    if secs.is_nan() {
        return Err(vm.new_error(vm.types.value_error, "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.new_error(vm.types.value_error, "sleep length must be non-negative"));
    }
    if secs > 1e15 {
        return Err(vm.new_error(vm.types.overflow_error, "sleep length is too large"));
    }
    let total = std::time::Duration::from_secs_f64(secs);
    let mut wait = libc::timespec { tv_sec: total.as_secs() as libc::time_t, tv_nsec: total.subsec_nanos() as _ };
    loop {
        let mut left = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: both pointers are to live timespecs on this stack frame.
        let rc = unsafe { libc::nanosleep(&wait, &mut left) };
        if rc == 0 {
            return Ok(Value::None);
        }
        // Interrupted by a signal: Ctrl-C raises, anything else sleeps on for what is left.
        crate::interpreter::interrupt::check(vm)?;
        wait = left;
    }
}

fn time_time(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0);
    Ok(Value::Float(t))
}
