//! Binary streams: `io.BytesIO` and the binary files `open(..., "rb")` returns.
//!
//! The problem: CPython layers a file as raw I/O under a buffer (`_io.BufferedReader`,
//! `BufferedWriter`, `BufferedRandom`) with a shared position, flushes at exit, and offers the
//! same interface over memory as `BytesIO`. stitch has no finalizers, so nothing may stay in a
//! buffer when a program ends without closing its files.
//!
//! The approach: one [`BinaryStream`] for both, bytes and a position. A BytesIO's bytes are its
//! contents. A file open for reading (`r`, or any `+` mode) is read whole when it is opened and
//! read from memory afterwards; that copy is kept in step with every write, so `+` modes read
//! back what they wrote. Every write also goes through to the operating system at once, at the
//! stream's position ([`RawFile::write_at`]; in append modes at the end), so no data waits in
//! a buffer. A write-only file keeps no copy, only its position and length. [`RawFile`] is the
//! operating-system side, shared with the text files of [`textio`](super::textio), which
//! layer decoding over it the same way.

use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};

use crate::interpreter::{PyErr, PyResult, Vm};

use super::bytes;
use super::interner::Sym;
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

/// The most a write past the end (or a truncate) may grow an in-memory stream by; more is
/// a MemoryError rather than an allocation that aborts the process.
pub const MAX_GROWTH: usize = 1 << 31;

/// An open operating-system file: the handle, the handle's own position and the file's length.
pub struct RawFile {
    file: File,
    /// Where the handle's position is (so a write at the position needs no seek).
    at: u64,
    pub len: u64,
    /// Opened with `a`: every write goes to the end.
    pub append: bool,
}

impl RawFile {
    /// The operating system's descriptor (`fileno()`).
    pub fn fd(&self) -> i32 {
        std::os::fd::AsRawFd::as_raw_fd(&self.file)
    }

    /// Opens `name` for mode `kind` (`r`, `w`, `a` or `x`, with `plus` for `+`), returning the
    /// file and, when it is readable, its contents.
    pub fn open(name: &str, kind: char, plus: bool) -> std::io::Result<(RawFile, Option<Vec<u8>>)> {
        let mut options = std::fs::OpenOptions::new();
        match kind {
            'r' => options.read(true).write(plus),
            'w' => options.write(true).read(plus).create(true).truncate(true),
            'a' => options.append(true).read(plus).create(true),
            _ => options.write(true).read(plus).create_new(true),
        };
        let mut file = options.open(name)?;
        let readable = kind == 'r' || plus;
        let contents = if readable {
            let mut data = Vec::new();
            file.read_to_end(&mut data)?;
            Some(data)
        } else {
            None
        };
        let len = match &contents {
            Some(d) => d.len() as u64,
            None => file.metadata()?.len(),
        };
        let at = file.stream_position()?;
        Ok((RawFile { file, at, len, append: kind == 'a' }, contents))
    }

    /// Writes `b` at offset `off` (in append mode: at the end); returns the offset written at.
    pub fn write_at(&mut self, off: u64, b: &[u8]) -> std::io::Result<u64> {
        let off = if self.append { self.len } else { off };
        if !self.append && self.at != off {
            self.file.seek(SeekFrom::Start(off))?;
        }
        self.at = off;
        self.file.write_all(b)?;
        self.at = off.saturating_add(b.len() as u64);
        self.len = self.len.max(self.at);
        Ok(off)
    }

    /// Cuts (or extends with zeros) the file to `size` bytes.
    pub fn truncate(&mut self, size: u64) -> std::io::Result<()> {
        self.file.set_len(size)?;
        self.len = size;
        Ok(())
    }

    /// The whole file, read again from the operating system.
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        self.file.seek(SeekFrom::Start(0))?;
        let mut data = Vec::new();
        self.file.read_to_end(&mut data)?;
        self.at = data.len() as u64;
        self.len = self.at;
        Ok(data)
    }
}

pub struct BinaryStream {
    /// The BytesIO's contents, or the contents of a readable file.
    pub data: Vec<u8>,
    /// The position (may lie past the end).
    pub pos: usize,
    pub file: Option<RawFile>,
    /// The file name; None for a BytesIO.
    pub name: Option<String>,
    /// The mode as CPython's FileIO spells it (`rb`, `wb`, `ab`, `xb`, `rb+`, ...).
    pub mode: String,
    pub readable: bool,
    pub writable: bool,
    pub closed: bool,
    /// For `sys.stdin.buffer` and friends: which standard stream (`runtime::stdio`). stdin's
    /// `data` holds what was read from it and not yet consumed.
    pub std: Option<super::stdio::Std>,
}

impl BinaryStream {
    pub fn memory(data: Vec<u8>) -> BinaryStream {
        BinaryStream {
            data,
            pos: 0,
            file: None,
            name: None,
            mode: String::new(),
            readable: true,
            writable: true,
            closed: false,
            std: None,
        }
    }

    /// The length of the stream (of the file, for a write-only file, which keeps no copy).
    fn len(&self) -> usize {
        match &self.file {
            Some(f) if !self.readable => f.len as usize,
            _ => self.data.len(),
        }
    }

    /// Up to `limit` bytes from the position (all that remain for None).
    fn read(&mut self, limit: Option<usize>) -> Vec<u8> {
        let start = self.pos.min(self.data.len());
        let end = limit.map_or(self.data.len(), |n| start.saturating_add(n).min(self.data.len()));
        self.pos = self.pos.max(end);
        self.data[start..end].to_vec()
    }

    /// The next line (with its `\n`), at most `limit` bytes; empty at the end.
    fn read_line(&mut self, limit: Option<usize>) -> Vec<u8> {
        let start = self.pos.min(self.data.len());
        let rest = &self.data[start..];
        let mut end = rest.iter().position(|&c| c == b'\n').map_or(rest.len(), |i| i + 1);
        if let Some(n) = limit {
            end = end.min(n);
        }
        let line = rest[..end].to_vec();
        self.pos = self.pos.max(start + end);
        line
    }

    /// Writes `b` at the position (a file: also through to the file at once).
    fn write(&mut self, b: &[u8]) -> std::io::Result<()> {
        let mut off = self.pos;
        if let Some(f) = self.file.as_mut() {
            off = f.write_at(off as u64, b)? as usize;
            if !self.readable {
                self.pos = off + b.len();
                return Ok(());
            }
        }
        if off > self.data.len() {
            self.data.resize(off, 0);
        }
        let overlap = (self.data.len() - off).min(b.len());
        self.data[off..off + overlap].copy_from_slice(&b[..overlap]);
        self.data.extend_from_slice(&b[overlap..]);
        self.pos = off + b.len();
        Ok(())
    }
}

pub fn init(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", read),
        ("read1", read),
        ("readline", readline),
        ("readlines", readlines),
        ("readinto", readinto),
        ("write", write),
        ("writelines", writelines),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("close", close),
        ("flush", flush),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("isatty", isatty),
        ("__iter__", iter_self),
        ("__next__", next_line),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    let t = &vm.types;
    for class in [t.bytes_io, t.buffered_reader, t.buffered_writer, t.buffered_random] {
        types::add_methods(vm, class, methods);
    }
    let class = vm.types.bytes_io;
    types::add_methods(vm, class, &[("getvalue", getvalue)]);
    types::set_constructor(class, bytesio_new);
    // io.UnsupportedOperation derives from both OSError and ValueError.
    let (os, value) = (vm.types.os_error, vm.types.value_error);
    let mut mro = vec![os, value];
    if let Some(c) = value.as_class() {
        mro.extend(c.ancestors.iter().copied());
    }
    let layout = super::object::Layout::Exception;
    vm.types.unsupported_operation = types::new_class_with_mro(
        vm,
        "UnsupportedOperation",
        "UnsupportedOperation",
        vec![os, value],
        mro,
        layout,
        "io",
    );
}

/// The stream a method was called on, and whether it is open.
fn stream_any<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a RefCell<BinaryStream>> {
    match args.first().and_then(|v| v.obj()).map(|o| &o.kind) {
        Some(ObjKind::BinaryIO(s)) => Ok(s),
        _ => Err(vm.new_error(vm.types.type_error, "descriptor requires a binary stream")),
    }
}

/// The stream a method was called on, which must be open; `what` is the wording of CPython's
/// buffered files for that method ("read of closed file"), None for the generic one.
fn stream<'a>(vm: &mut Vm, args: &'a [Value], what: Option<&str>) -> PyResult<&'a RefCell<BinaryStream>> {
    let s = stream_any(vm, args)?;
    if s.borrow().closed {
        let msg = match (what, s.borrow().name.is_some()) {
            (Some(w), true) => w.to_string(),
            _ => "I/O operation on closed file.".to_string(),
        };
        return Err(vm.new_error(vm.types.value_error, &msg));
    }
    Ok(s)
}

/// `io.UnsupportedOperation: what`.
pub fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    vm.new_error(vm.types.unsupported_operation, what)
}

/// A stream open for reading (a write-only file raises `UnsupportedOperation: read`).
fn reader<'a>(vm: &mut Vm, args: &'a [Value], what: &str) -> PyResult<&'a RefCell<BinaryStream>> {
    let s = stream_any(vm, args)?;
    if !s.borrow().readable {
        return Err(unsupported(vm, "read"));
    }
    stream(vm, args, Some(what))
}

/// CPython's OSError for a failed operation on an open file (no file name in the message).
pub fn io_error(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or_default();
    let class = match e.kind() {
        std::io::ErrorKind::BrokenPipe => vm.types.broken_pipe_error,
        _ => vm.types.os_error,
    };
    super::types::new_os_error(vm, class, errno, text, None)
}

/// An optional size argument of the read methods: None or negative means "all".
pub fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(usize::try_from(n).ok()),
        Some(Value::Bool(b)) => Ok(Some(b as usize)),
        Some(v) => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("argument should be integer or None, not '{tn}'")))
        }
    }
}

/// For `sys.stdin.buffer`: reads from the process's stdin until the stream holds `want` bytes
/// past its position (None: to the end of input; `Some(0)`: to the end of the next line).
fn fill_std(vm: &mut Vm, s: &RefCell<BinaryStream>, want: Option<usize>) -> PyResult<()> {
    let mut st = s.borrow_mut();
    if st.std.is_none() {
        return Ok(());
    }
    if st.pos > 1 << 16 && st.pos <= st.data.len() {
        let pos = st.pos;
        st.data.drain(..pos);
        st.pos = 0;
    }
    loop {
        let rest = &st.data[st.pos.min(st.data.len())..];
        let enough = match want {
            Some(0) => rest.contains(&b'\n'),
            Some(n) => rest.len() >= n,
            None => false,
        };
        if enough {
            return Ok(());
        }
        match super::stdio::read_stdin(want.is_some()) {
            Ok(chunk) if chunk.is_empty() => return Ok(()),
            Ok(chunk) => st.data.extend_from_slice(&chunk),
            Err(partial) => {
                st.data.extend_from_slice(&partial);
                drop(st);
                return Err(crate::interpreter::interrupt::keyboard_interrupt(vm));
            }
        }
    }
}

fn read(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args, "read of closed file")?;
    let limit = size_arg(vm, args.get(1).copied())?;
    fill_std(vm, s, limit)?;
    let b = s.borrow_mut().read(limit);
    Ok(bytes::new_bytes(vm, b))
}

fn readline(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args, "readline of closed file")?;
    let limit = size_arg(vm, args.get(1).copied())?;
    fill_std(vm, s, Some(0))?;
    let line = s.borrow_mut().read_line(limit);
    Ok(bytes::new_bytes(vm, line))
}

/// `readlines(hint)`: the lines, stopping once `hint` bytes have been read.
fn readlines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args, "I/O operation on closed file.")?;
    let hint = size_arg(vm, args.get(1).copied())?.filter(|&n| n > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        fill_std(vm, s, Some(0))?;
        let line = s.borrow_mut().read_line(None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    let mut values = Vec::with_capacity(lines.len());
    for l in lines {
        let v = bytes::new_bytes(vm, l);
        vm.temp_roots.push(v);
        values.push(v);
    }
    let list = vm.new_list(values.clone());
    let n = vm.temp_roots.len() - values.len();
    vm.temp_roots.truncate(n);
    Ok(list)
}

/// `readinto(b)`: fills the bytearray `b` from the stream; returns the count.
fn readinto(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args, "readinto of closed file")?;
    let target = args.get(1).copied().unwrap_or(Value::None);
    let Some(buf) = target.as_obj().and_then(bytes::bytearray_of) else {
        let tn = ops::type_name(vm, target);
        let msg = format!("readinto() argument must be read-write bytes-like object, not {tn}");
        return Err(vm.new_error(vm.types.type_error, &msg));
    };
    let n = buf.borrow().len();
    fill_std(vm, s, Some(n))?;
    let got = s.borrow_mut().read(Some(n));
    buf.borrow_mut()[..got.len()].copy_from_slice(&got);
    Ok(Value::Int(got.len() as i64))
}

/// The stream to write to: open for writing and not closed.
fn writer<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a RefCell<BinaryStream>> {
    let s = stream_any(vm, args)?;
    if !s.borrow().writable {
        return Err(unsupported(vm, "write"));
    }
    stream(vm, args, Some("write to closed file"))
}

fn write_bytes(vm: &mut Vm, s: &RefCell<BinaryStream>, b: &[u8]) -> PyResult<()> {
    let grows = {
        let st = s.borrow();
        st.readable && st.pos.saturating_sub(st.data.len()) > MAX_GROWTH
    };
    if grows {
        return Err(vm.new_error(vm.types.memory_error, ""));
    }
    if let Some(which) = s.borrow().std {
        return vm.stdio.write_bytes(which, b).map_err(|e| io_error(vm, &e));
    }
    let r = s.borrow_mut().write(b);
    r.map_err(|e| io_error(vm, &e))
}

fn write(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = writer(vm, args)?;
    let b = bytes::data_arg(vm, args.get(1).copied().unwrap_or(Value::None))?;
    write_bytes(vm, s, &b)?;
    Ok(Value::Int(b.len() as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = writer(vm, args)?;
    let items = super::iter::collect(vm, args.get(1).copied().unwrap_or(Value::None))?;
    let mut chunks = Vec::with_capacity(items.len());
    for item in items {
        chunks.push(bytes::data_arg(vm, item)?);
    }
    for b in chunks {
        write_bytes(vm, s, &b)?;
    }
    Ok(Value::None)
}

/// An integer argument (`seek`'s offset and whence, `truncate`'s size).
fn int_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => ops::expect_int(vm, v, ""),
    }
}

fn seek(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args, Some("seek of closed file"))?;
    if s.borrow().std.is_some() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let offset = int_arg(vm, args.get(1).copied(), 0)?;
    let whence = int_arg(vm, args.get(2).copied(), 0)?;
    let is_file = s.borrow().file.is_some();
    let (pos, len) = {
        let st = s.borrow();
        (st.pos as i64, st.len() as i64)
    };
    let base = match whence {
        0 => 0,
        1 => pos,
        2 => len,
        _ if is_file => {
            return Err(vm.new_error(vm.types.value_error, &format!("whence value {whence} unsupported")));
        }
        _ => {
            let msg = format!("invalid whence ({whence}, should be 0, 1 or 2)");
            return Err(vm.new_error(vm.types.value_error, &msg));
        }
    };
    if whence == 0 && offset < 0 && !is_file {
        return Err(vm.new_error(vm.types.value_error, &format!("negative seek value {offset}")));
    }
    let mut target = base.saturating_add(offset);
    if target < 0 {
        if is_file {
            return Err(vm.new_error(vm.types.os_error, "[Errno 22] Invalid argument"));
        }
        target = 0;
    }
    s.borrow_mut().pos = target as usize;
    Ok(Value::Int(target))
}

fn tell(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args, Some("I/O operation on closed file"))?;
    let pos = s.borrow().pos;
    Ok(Value::Int(pos as i64))
}

/// `truncate(size=None)`: cuts the stream to `size` bytes (the position by default); the
/// position stays where it is.
fn truncate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    if !s.borrow().writable {
        return Err(unsupported(vm, "truncate"));
    }
    let s = stream(vm, args, Some("truncate of closed file"))?;
    let size = match args.get(1) {
        None | Some(Value::None) => s.borrow().pos as i64,
        Some(v) => ops::expect_int(vm, *v, "")?,
    };
    if size < 0 {
        let is_file = s.borrow().file.is_some();
        if is_file {
            return Err(vm.new_error(vm.types.os_error, "[Errno 22] Invalid argument"));
        }
        return Err(vm.new_error(vm.types.value_error, &format!("negative size value {size}")));
    }
    let size = size as usize;
    let grows = {
        let st = s.borrow();
        st.readable && size.saturating_sub(st.data.len()) > MAX_GROWTH && st.file.is_some()
    };
    if grows {
        return Err(vm.new_error(vm.types.memory_error, ""));
    }
    let result = {
        let mut st = s.borrow_mut();
        let readable = st.readable;
        match st.file.as_mut() {
            Some(f) => {
                let r = f.truncate(size as u64);
                if readable {
                    st.data.resize(size, 0);
                }
                r
            }
            None => {
                st.data.truncate(size);
                Ok(())
            }
        }
    };
    result.map_err(|e| io_error(vm, &e))?;
    Ok(Value::Int(size as i64))
}

fn close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    let mut st = s.borrow_mut();
    st.closed = true;
    st.file = None;
    st.data = Vec::new();
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    let what = if s.borrow().writable { "flush of closed file" } else { "I/O operation on closed file." };
    stream(vm, args, Some(what))?;
    let std = s.borrow().std;
    if let Some(which) = std {
        vm.stdio.flush(which).map_err(|e| io_error(vm, &e))?;
    }
    Ok(Value::None)
}

fn readable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    let (r, file) = (s.borrow().readable, s.borrow().file.is_some() || s.borrow().name.is_some());
    if file && r {
        stream(vm, args, Some("I/O operation on closed file"))?;
    } else if !file {
        stream(vm, args, None)?;
    }
    Ok(Value::Bool(r))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    let (w, file) = (s.borrow().writable, s.borrow().name.is_some());
    if file && w {
        stream(vm, args, Some("I/O operation on closed file"))?;
    } else if !file {
        stream(vm, args, None)?;
    }
    Ok(Value::Bool(w))
}

fn seekable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args, Some("I/O operation on closed file"))?;
    let std = s.borrow().std;
    Ok(Value::Bool(std.is_none()))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args, Some("I/O operation on closed file"))?;
    let std = s.borrow().std;
    // SAFETY: isatty only inspects the descriptor.
    Ok(Value::Bool(std.is_some_and(|w| unsafe { libc::isatty(w.fd()) } == 1)))
}

/// `iter(stream)`: the stream itself, if it is open.
pub fn iter_self(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    if s.borrow().file.is_some() || s.borrow().name.is_some() {
        stream(vm, args, None)?;
    }
    Ok(args[0])
}

fn next_line(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    match next(vm, args.first().and_then(|v| v.as_obj()))? {
        Some(v) => Ok(v),
        None => Err(vm.new_error_args(vm.types.stop_iteration, vec![])),
    }
}

/// `next(stream)` for the iteration protocol: the next line, None at the end.
pub fn next(vm: &mut Vm, o: Option<ObjRef>) -> PyResult<Option<Value>> {
    let args = [o.map_or(Value::None, Value::Obj)];
    let s = reader(vm, &args, "readline of closed file")?;
    fill_std(vm, s, Some(0))?;
    let line = s.borrow_mut().read_line(None);
    Ok(if line.is_empty() { None } else { Some(bytes::new_bytes(vm, line)) })
}

fn enter(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    stream(vm, args, None)?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    close(vm, &args[..1.min(args.len())], kw)
}

fn getvalue(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args, None)?;
    let b = s.borrow().data.clone();
    Ok(bytes::new_bytes(vm, b))
}

fn bytesio_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut init = args.get(1).copied();
    for (k, v) in kw {
        match vm.sym_str(*k) {
            "initial_bytes" => init = Some(*v),
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for BytesIO()");
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
        }
    }
    if args.len() > 2 {
        let msg = format!("BytesIO() takes at most 1 argument ({} given)", args.len() - 1);
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    let data = match init {
        None | Some(Value::None) => Vec::new(),
        Some(v) => bytes::data_arg(vm, v)?,
    };
    Ok(Value::Obj(vm.alloc(ObjKind::BinaryIO(Box::new(RefCell::new(BinaryStream::memory(data)))))))
}

/// `open(name, mode)` in a binary mode: `kind` is `r`, `w`, `a` or `x`.
pub fn open(vm: &mut Vm, name: &str, kind: char, plus: bool) -> PyResult<Value> {
    let (raw, contents) = match RawFile::open(name, kind, plus) {
        Ok(r) => r,
        Err(e) => return Err(super::textio::os_error(vm, &e, name)),
    };
    let mode = match kind {
        'x' => "xb",
        'a' => "ab",
        'r' if plus => "rb",
        'w' if plus => "rb",
        'r' => "rb",
        _ => "wb",
    };
    let pos = if kind == 'a' { raw.len as usize } else { 0 };
    let stream = BinaryStream {
        data: contents.unwrap_or_default(),
        pos,
        file: Some(raw),
        name: Some(name.to_string()),
        mode: if plus { format!("{mode}+") } else { mode.to_string() },
        readable: kind == 'r' || plus,
        writable: kind != 'r' || plus,
        closed: false,
        std: None,
    };
    Ok(Value::Obj(vm.alloc(ObjKind::BinaryIO(Box::new(RefCell::new(stream))))))
}

/// The class of a binary stream: BytesIO, or the buffered class of a file's mode.
pub fn class_of(vm: &Vm, s: &BinaryStream) -> ObjRef {
    let t = &vm.types;
    match (&s.name, s.readable, s.writable) {
        (None, ..) => t.bytes_io,
        (Some(_), true, true) => t.buffered_random,
        (Some(_), true, false) => t.buffered_reader,
        (Some(_), false, _) => t.buffered_writer,
    }
}

/// The type name `type(x).__name__` reports.
pub fn type_name(s: &BinaryStream) -> &'static str {
    match (&s.name, s.readable, s.writable) {
        (None, ..) => "BytesIO",
        (Some(_), true, true) => "BufferedRandom",
        (Some(_), true, false) => "BufferedReader",
        (Some(_), false, _) => "BufferedWriter",
    }
}

/// `repr` of a binary stream.
pub fn repr(s: &BinaryStream, addr: usize) -> String {
    match &s.name {
        Some(name) => format!("<_io.{} name={}>", type_name(s), strings::repr_str(name)),
        None => format!("<_io.BytesIO object at {addr:#x}>"),
    }
}

/// The data attributes of a binary stream: `closed`, and a file's `name` and `mode`.
pub fn attr(vm: &mut Vm, s: &RefCell<BinaryStream>, name: &str) -> Option<Value> {
    let (closed, file_name, mode) = {
        let s = s.borrow();
        (s.closed, s.name.clone(), s.mode.clone())
    };
    match (name, file_name) {
        ("closed", _) => Some(Value::Bool(closed)),
        ("name", Some(n)) => Some(vm.new_string(n)),
        ("mode", Some(_)) => Some(vm.new_string(mode)),
        _ => None,
    }
}
