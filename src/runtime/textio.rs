//! Text streams: `io.StringIO` and the text files `open()` returns.
//!
//! Both are one [`TextStream`]: the text and a position in it. A StringIO's text is its
//! contents. A file opened for reading is read whole and decoded (UTF-8, universal newlines)
//! when it is opened, then read from memory; a file opened for writing or appending writes
//! each `write` through to the operating system at once, so nothing is lost when a program
//! ends without closing it (CPython flushes at exit; stitch has no finalizers). Both are their
//! own iterators (by line) and their own context managers (`with open(...) as f:` closes `f`).
//! Modes with `+` and binary modes are reported as unsupported when a program opens a file
//! with them.

use std::cell::RefCell;
use std::io::Write;

use crate::interpreter::{PyErr, PyResult, Vm};

use super::interner::Sym;
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

pub struct TextStream {
    /// The StringIO's contents, or the text read from a file.
    pub text: String,
    /// The position: a byte offset into `text`, always at a character boundary.
    pub pos: usize,
    /// A file open for writing (written through).
    pub file: Option<std::fs::File>,
    /// The file name (`open`'s first argument); None for a StringIO.
    pub name: Option<String>,
    pub mode: String,
    pub readable: bool,
    pub writable: bool,
    pub closed: bool,
}

impl TextStream {
    pub fn memory(text: String) -> TextStream {
        TextStream {
            text,
            pos: 0,
            file: None,
            name: None,
            mode: String::new(),
            readable: true,
            writable: true,
            closed: false,
        }
    }

    /// The next line (with its newline), or "" at the end.
    fn read_line(&mut self, limit: Option<usize>) -> String {
        let rest = &self.text[self.pos..];
        let mut end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        if let Some(n) = limit {
            end = end.min(rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i));
        }
        let line = rest[..end].to_string();
        self.pos += end;
        line
    }
}

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("write", write),
        ("writelines", writelines),
        ("close", close),
        ("flush", flush),
        ("seek", seek),
        ("tell", tell),
        ("readable", readable),
        ("writable", writable),
        ("__iter__", iter_self),
        ("__next__", next_line),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    for class in [vm.types.string_io, vm.types.text_io] {
        types::add_methods(vm, class, methods);
    }
    let class = vm.types.string_io;
    types::add_methods(vm, class, &[("getvalue", getvalue)]);
    types::set_constructor(class, stringio_new);
}

/// The stream a method was called on (open: a closed stream is CPython's ValueError).
fn stream<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a RefCell<TextStream>> {
    match args.first().and_then(|v| v.obj()).map(|o| &o.kind) {
        Some(ObjKind::TextIO(s)) => {
            if s.borrow().closed {
                return Err(closed_error(vm, &s.borrow()));
            }
            Ok(s)
        }
        _ => Err(vm.new_error(vm.types.type_error, "descriptor requires a text stream")),
    }
}

/// (CPython's two io implementations word it differently.)
fn closed_error(vm: &mut Vm, s: &TextStream) -> PyErr {
    let msg = if s.name.is_some() { "I/O operation on closed file." } else { "I/O operation on closed file" };
    vm.new_error(vm.types.value_error, msg)
}

fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    vm.new_error(vm.types.os_error, what)
}

/// An optional size argument: None or negative means "all".
fn size_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = ops::expect_int(vm, *v, "")?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn read(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let limit = size_arg(vm, args)?;
    if !s.borrow().readable {
        return Err(unsupported(vm, "not readable"));
    }
    let text = {
        let mut st = s.borrow_mut();
        let rest = &st.text[st.pos..];
        let end = match limit {
            Some(n) => rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i),
            None => rest.len(),
        };
        let out = rest[..end].to_string();
        st.pos += end;
        out
    };
    Ok(vm.new_string(text))
}

fn readline(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let limit = size_arg(vm, args)?;
    if !s.borrow().readable {
        return Err(unsupported(vm, "not readable"));
    }
    let line = s.borrow_mut().read_line(limit);
    Ok(vm.new_string(line))
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    if !s.borrow().readable {
        return Err(unsupported(vm, "not readable"));
    }
    let mut lines = Vec::new();
    loop {
        let line = s.borrow_mut().read_line(None);
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let values: Vec<Value> = lines.into_iter().map(|l| vm.new_string(l)).collect();
    Ok(vm.new_list(values))
}

/// Writes `text` at the stream's position (a file: through to the file).
pub fn write_text(vm: &mut Vm, s: &RefCell<TextStream>, text: &str) -> PyResult<()> {
    let mut st = s.borrow_mut();
    if st.closed {
        let e = closed_error(vm, &st);
        drop(st);
        return Err(e);
    }
    if !st.writable {
        drop(st);
        return Err(unsupported(vm, "not writable"));
    }
    if let Some(f) = st.file.as_mut() {
        if let Err(e) = f.write_all(text.as_bytes()) {
            drop(st);
            return Err(vm.new_error(vm.types.os_error, &format!("[Errno {}] {e}", e.raw_os_error().unwrap_or(0))));
        }
        return Ok(());
    }
    let pos = st.pos;
    if pos == st.text.len() {
        st.text.push_str(text);
    } else {
        // Overwrite what lies after the position, character by character, as StringIO does.
        let n = text.chars().count();
        let end = st.text[pos..].char_indices().nth(n).map_or(st.text.len(), |(i, _)| pos + i);
        st.text.replace_range(pos..end, text);
    }
    st.pos = pos + text.len();
    Ok(())
}

fn write(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let Some(text) = args.get(1).and_then(|v| strings::as_str(*v)).map(|t| t.to_string()) else {
        let tn = args.get(1).map(|v| ops::type_name(vm, *v)).unwrap_or_else(|| "nothing".into());
        return Err(vm.new_error(vm.types.type_error, &format!("write() argument must be str, not {tn}")));
    };
    write_text(vm, s, &text)?;
    Ok(Value::Int(text.chars().count() as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let lines = super::iter::collect(vm, args.get(1).copied().unwrap_or(Value::None))?;
    for line in lines {
        let Some(text) = strings::as_str(line).map(|t| t.to_string()) else {
            let tn = ops::type_name(vm, line);
            return Err(vm.new_error(vm.types.type_error, &format!("write() argument must be str, not {tn}")));
        };
        write_text(vm, s, &text)?;
    }
    Ok(Value::None)
}

fn close(_vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    if let Some(ObjKind::TextIO(s)) = args.first().and_then(|v| v.obj()).map(|o| &o.kind) {
        let mut st = s.borrow_mut();
        st.closed = true;
        st.file = None;
    }
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(Value::None)
}

/// `seek(offset)`: to a character offset from the start (what `tell` returns).
fn seek(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let n = ops::expect_int(vm, args.get(1).copied().unwrap_or(Value::Int(0)), "")?;
    if n < 0 {
        return Err(vm.new_error(vm.types.value_error, &format!("Negative seek position {n}")));
    }
    let mut st = s.borrow_mut();
    let len = st.text.len();
    st.pos = st.text.char_indices().nth(n as usize).map_or(len, |(i, _)| i);
    Ok(Value::Int(n))
}

fn tell(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let st = s.borrow();
    let chars = if st.file.is_some() { st.text.len() } else { st.text[..st.pos].chars().count() };
    Ok(Value::Int(chars as i64))
}

fn readable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    Ok(Value::Bool(s.borrow().readable))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    Ok(Value::Bool(s.borrow().writable))
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(args[0])
}

fn next_line(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let line = s.borrow_mut().read_line(None);
    if line.is_empty() {
        return Err(vm.new_error_args(vm.types.stop_iteration, vec![]));
    }
    Ok(vm.new_string(line))
}

/// `next(stream)` for the iteration protocol: the next line, None at the end.
pub fn next(vm: &mut Vm, o: ObjRef) -> PyResult<Option<Value>> {
    let args = [Value::Obj(o)];
    let s = stream(vm, &args)?;
    let line = s.borrow_mut().read_line(None);
    Ok(if line.is_empty() { None } else { Some(vm.new_string(line)) })
}

fn enter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    close(vm, &args[..1.min(args.len())], kw)
}

fn getvalue(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let text = s.borrow().text.clone();
    Ok(vm.new_string(text))
}

fn stringio_new(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let init = match args.get(1) {
        None | Some(Value::None) => String::new(),
        Some(v) => match strings::as_str(*v) {
            Some(s) => s.to_string(),
            None => {
                let tn = ops::type_name(vm, *v);
                return Err(vm.new_error(vm.types.type_error, &format!("initial_value must be str or None, not {tn}")));
            }
        },
    };
    Ok(Value::Obj(vm.alloc(ObjKind::TextIO(Box::new(RefCell::new(TextStream::memory(init)))))))
}

/// `open(file, mode='r', encoding=None, ...)` for text files.
pub fn open(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut file = args.first().copied();
    let mut mode = args.get(1).copied();
    let mut encoding = args.get(3).copied();
    for (k, v) in kw {
        match vm.sym_str(*k) {
            "file" => file = Some(*v),
            "mode" => mode = Some(*v),
            "encoding" => encoding = Some(*v),
            "newline" | "errors" | "buffering" => {}
            other => {
                let other = other.to_string();
                return Err(
                    vm.new_error(vm.types.type_error, &format!("'{other}' is an invalid keyword argument for open()"))
                );
            }
        }
    }
    let Some(name) = file.and_then(strings::as_str).map(|s| s.to_string()) else {
        return Err(vm.new_error(vm.types.type_error, "expected str, bytes or os.PathLike object"));
    };
    let mode = match mode {
        None => "r".to_string(),
        Some(m) => match strings::as_str(m) {
            Some(m) => m.to_string(),
            None => {
                let tn = ops::type_name(vm, m);
                return Err(vm.new_error(vm.types.type_error, &format!("open() argument 'mode' must be str, not {tn}")));
            }
        },
    };
    if let Some(e) = encoding.and_then(strings::as_str) {
        let e = e.to_ascii_lowercase().replace(['-', '_'], "");
        if !matches!(e.as_str(), "utf8" | "ascii" | "usascii") {
            return Err(unsupported(vm, &format!("stitch reads and writes UTF-8 only, not '{e}'")));
        }
    }
    let kind = mode.chars().find(|c| matches!(c, 'r' | 'w' | 'a' | 'x'));
    let valid = mode.chars().all(|c| "rwaxtb+".contains(c))
        && mode.chars().filter(|c| matches!(c, 'r' | 'w' | 'a' | 'x')).count() == 1;
    let Some(kind) = kind.filter(|_| valid) else {
        return Err(vm.new_error(vm.types.value_error, &format!("invalid mode: '{mode}'")));
    };
    if mode.contains('b') || mode.contains('+') {
        return Err(unsupported(vm, &format!("stitch supports the text modes 'r', 'w', 'a' and 'x', not '{mode}'")));
    }
    let mut stream = TextStream::memory(String::new());
    stream.name = Some(name.clone());
    stream.mode = mode.clone();
    let result = match kind {
        'r' => std::fs::read(&name).map(|bytes| {
            stream.writable = false;
            let text = String::from_utf8_lossy(&bytes);
            stream.text =
                if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.into() };
        }),
        _ => {
            let mut options = std::fs::OpenOptions::new();
            match kind {
                'w' => options.write(true).create(true).truncate(true),
                'a' => options.append(true).create(true),
                _ => options.write(true).create_new(true),
            };
            options.open(&name).map(|f| {
                stream.readable = false;
                stream.file = Some(f);
            })
        }
    };
    if let Err(e) = result {
        return Err(os_error(vm, &e, &name));
    }
    Ok(Value::Obj(vm.alloc(ObjKind::TextIO(Box::new(RefCell::new(stream))))))
}

/// CPython's OSError subclass and message for an operation on file `name` that failed.
pub fn os_error(vm: &mut Vm, e: &std::io::Error, name: &str) -> PyErr {
    use std::io::ErrorKind;
    let (class, text) = match e.kind() {
        ErrorKind::NotFound => (vm.types.file_not_found_error, "No such file or directory"),
        ErrorKind::PermissionDenied => (vm.types.permission_error, "Permission denied"),
        ErrorKind::AlreadyExists => (vm.types.file_exists_error, "File exists"),
        ErrorKind::IsADirectory => (vm.types.is_a_directory_error, "Is a directory"),
        _ => (vm.types.os_error, "I/O error"),
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = format!("[Errno {errno}] {text}: {}", strings::repr_str(name));
    vm.new_error(class, &msg)
}

/// `repr` of a stream.
pub fn repr(s: &TextStream, addr: usize) -> String {
    match &s.name {
        Some(name) => format!(
            "<_io.TextIOWrapper name={} mode={} encoding='UTF-8'>",
            strings::repr_str(name),
            strings::repr_str(&s.mode)
        ),
        None => format!("<_io.StringIO object at {addr:#x}>"),
    }
}
