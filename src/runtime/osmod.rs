//! `_os`: the few operating-system calls the bundled `os` and `posixpath` modules (written in
//! Python, `runtime/stdlib`) are built on: the working directory, directory listings, removing
//! and making files and directories, renaming, what a path names, the process id, and the
//! environment.

use crate::interpreter::{PyResult, Vm};

use super::interner::Sym;
use super::object::NativeFn;
use super::ops;
use super::strings;
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];

pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("listdir", listdir),
        ("remove", remove),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("path_kind", path_kind),
        ("getsize", getsize),
        ("cpu_count", cpu_count),
        ("getpid", getpid),
        ("rename", rename),
        ("chdir", chdir),
        ("is_link", is_link),
    ];
    let mut entries: Vec<(&str, Value)> = functions.iter().map(|&(n, f)| (n, vm.new_native(n, f))).collect();
    let environ = vm.new_dict();
    for (k, v) in std::env::vars() {
        let (k, v) = (vm.new_string(k), vm.new_string(v));
        // (Str keys: setting never runs Python code, so nothing here can collect.)
        super::dictops::set(vm, environ, k, v)?;
    }
    vm.temp_roots.push(Value::Obj(environ));
    entries.push(("environ", Value::Obj(environ)));
    let m = super::modules::make_module(vm, "_os", entries);
    vm.temp_roots.pop();
    Ok(m)
}

fn path_arg(vm: &mut Vm, args: &[Value], what: &str) -> PyResult<String> {
    match args.first().and_then(|v| strings::as_str(*v)) {
        Some(p) => Ok(p.to_string()),
        None => {
            let tn = args.first().map(|v| ops::type_name(vm, *v)).unwrap_or_else(|| "nothing".into());
            Err(vm.new_error(
                vm.types.type_error,
                &format!("{what}: path should be string, bytes or os.PathLike, not {tn}"),
            ))
        }
    }
}

fn getcwd(vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_string(p.to_string_lossy().into_owned())),
        Err(e) => Err(super::textio::os_error(vm, &e, ".")),
    }
}

fn listdir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = if args.is_empty() { ".".to_string() } else { path_arg(vm, args, "listdir")? };
    let entries = match std::fs::read_dir(&path) {
        Ok(e) => e,
        Err(e) => return Err(super::textio::os_error(vm, &e, &path)),
    };
    let mut names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    // (The operating system's order is arbitrary; a sorted listing at least is reproducible.)
    names.sort();
    let values: Vec<Value> = names.into_iter().map(|n| vm.new_string(n)).collect();
    Ok(vm.new_list(values))
}

fn remove(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "remove")?;
    std::fs::remove_file(&path).map_err(|e| super::textio::os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "mkdir")?;
    std::fs::create_dir(&path).map_err(|e| super::textio::os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "rmdir")?;
    std::fs::remove_dir(&path).map_err(|e| super::textio::os_error(vm, &e, &path))?;
    Ok(Value::None)
}

/// 0: nothing there, 1: a file, 2: a directory, 3: something else.
fn path_kind(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "stat")?;
    Ok(Value::Int(match std::fs::metadata(&path) {
        Err(_) => 0,
        Ok(m) if m.is_file() => 1,
        Ok(m) if m.is_dir() => 2,
        Ok(_) => 3,
    }))
}

fn getsize(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "stat")?;
    match std::fs::metadata(&path) {
        Ok(m) => Ok(Value::Int(m.len() as i64)),
        Err(e) => Err(super::textio::os_error(vm, &e, &path)),
    }
}

fn cpu_count(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}

fn getpid(_vm: &mut Vm, _args: &[Value], _kw: Kw) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

/// `rename(src, dst)` (also `os.replace`: on POSIX both replace an existing file).
fn rename(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let src = path_arg(vm, args, "rename")?;
    let dst = path_arg(vm, &args[1.min(args.len())..], "rename")?;
    std::fs::rename(&src, &dst).map_err(|e| super::textio::os_error(vm, &e, &src))?;
    Ok(Value::None)
}

fn chdir(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "chdir")?;
    std::env::set_current_dir(&path).map_err(|e| super::textio::os_error(vm, &e, &path))?;
    Ok(Value::None)
}

fn is_link(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let path = path_arg(vm, args, "lstat")?;
    Ok(Value::Bool(std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())))
}
