//! Text streams: `io.StringIO` and the text files `open()` returns.
//!
//! Both are one [`TextStream`]: the text and a position in it. A StringIO's text is its
//! contents. A file opened for reading (`r` or any `+` mode) is read whole and decoded (with its
//! `encoding` and `errors`, universal newlines unless `newline=` says otherwise) when it is
//! opened, then read from memory. Writes are encoded and go through to the operating system at
//! once ([`RawFile::write_at`]), so nothing is lost when a program ends without closing a file
//! (CPython flushes at exit; stitch has no finalizers); a readable file also keeps its text in
//! step, so `+` modes read back what they wrote. Positions of files are CPython's `tell()`
//! cookies, byte offsets into the file: the text's own offsets when the two coincide (UTF-8 or
//! ASCII text with no newline translated, the common case), otherwise through a table of the
//! file offsets where lines start. A write inside the text that does not map byte for byte
//! reloads the file. Bytes that fail to decode raise `UnicodeDecodeError` when a read reaches
//! the 8192-byte chunk that holds them, with the position CPython reports. Both kinds of stream
//! are their own iterators (by line) and their own context managers.

use std::cell::RefCell;

use crate::interpreter::{PyErr, PyResult, Vm};

use super::binaryio::{size_arg, unsupported, RawFile};
use super::bytes;
use super::interner::Sym;
use super::object::{NativeFn, ObjKind};
use super::ops;
use super::strings;
use super::types;
use super::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

/// CPython's TextIOWrapper decodes 8192 bytes at a time.
const CHUNK: usize = 8192;

pub struct TextStream {
    /// The StringIO's contents, or the text of a readable file.
    pub text: String,
    /// The position: a byte offset into `text` at a character boundary. A StringIO may be
    /// positioned past its end: `text.len()` plus the number of characters beyond.
    pub pos: usize,
    pub file: Option<Box<TextFile>>,
    /// The file name (`open`'s first argument); None for a StringIO.
    pub name: Option<String>,
    pub mode: String,
    /// A file's `encoding` as given (CPython's default reads "UTF-8") and `errors`.
    pub encoding: String,
    pub errors: String,
    pub readable: bool,
    pub writable: bool,
    pub closed: bool,
    /// For `sys.stdin`, `sys.stdout` and `sys.stderr`: which one (`runtime::stdio`). stdin's
    /// `text` holds what was read from it and not yet consumed; the others hold nothing.
    pub std: Option<super::stdio::Std>,
}

/// The file side of a text file.
pub struct TextFile {
    raw: RawFile,
    /// A write-only file's position (a byte offset); readable files keep theirs in `pos`.
    wpos: u64,
    /// The canonical name of the encoding's codec.
    codec: &'static str,
    /// `newline=`: None for universal newlines.
    newline: Option<String>,
    /// Whether text offsets are file offsets.
    identity: bool,
    /// Unless `identity`: (text offset, file offset) pairs in increasing order, at line starts
    /// and where writes began; between two, text maps to bytes by its encoded length.
    marks: Vec<(usize, u64)>,
    /// Bytes after the text that do not decode: reading past the text decodes them again to
    /// raise CPython's error.
    pending: Option<Vec<u8>>,
    /// Where the last seek or write left the file (CPython's decoding snapshot), and how far
    /// reading has decoded past it since, in 8192-byte chunks: a write after a read lands
    /// there, as in CPython, not at the position `tell()` reports.
    base: u64,
    ahead: Option<u64>,
}

impl TextStream {
    pub fn memory(text: String) -> TextStream {
        TextStream {
            text,
            pos: 0,
            file: None,
            name: None,
            mode: String::new(),
            encoding: String::new(),
            errors: String::new(),
            readable: true,
            writable: true,
            closed: false,
            std: None,
        }
    }

    /// The text after the position.
    fn rest(&self) -> &str {
        &self.text[self.pos.min(self.text.len())..]
    }

    fn newline(&self) -> Option<&str> {
        match &self.file {
            Some(f) => f.newline.as_deref(),
            None => Some("\n"),
        }
    }

    /// The length of the next line of `rest()` (with its line ending), if it has an ending.
    fn line_end(&self) -> Option<usize> {
        let rest = self.rest();
        match self.newline() {
            None | Some("\n") => rest.find('\n').map(|i| i + 1),
            Some("") => rest.find(['\r', '\n']).map(|i| if rest[i..].starts_with("\r\n") { i + 2 } else { i + 1 }),
            Some(nl) => rest.find(nl).map(|i| i + nl.len()),
        }
    }

    fn pending(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.pending.is_some())
    }

    /// The character offset of the position (a StringIO's `tell`).
    fn char_pos(&self) -> usize {
        let end = self.pos.min(self.text.len());
        self.text[..end].chars().count() + (self.pos - end)
    }
}

impl TextFile {
    /// The encoded length of `s`.
    fn enc_len(&self, s: &str) -> u64 {
        if self.codec == "utf-8" {
            s.len() as u64
        } else {
            s.chars().count() as u64
        }
    }
}

/// Universal newlines: `\r\n` and `\r` read as `\n`.
fn translate(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// The file offset of text position `p` (a readable file's `tell()`).
fn offset(s: &TextStream, p: usize) -> u64 {
    let Some(f) = &s.file else { return p as u64 };
    let p = p.min(s.text.len());
    if p == s.text.len() && f.pending.is_none() {
        return f.raw.len;
    }
    if f.identity {
        return p as u64;
    }
    let i = f.marks.partition_point(|&(t, _)| t <= p);
    let (t, off) = if i == 0 { (0, 0) } else { f.marks[i - 1] };
    off + f.enc_len(&s.text[t..p])
}

/// The text position of file offset `cookie` (clamped to the text).
fn position_of(s: &TextStream, cookie: u64) -> usize {
    let Some(f) = &s.file else { return 0 };
    let text = &s.text;
    if cookie >= offset(s, text.len()) {
        return text.len();
    }
    if f.identity {
        let mut t = (cookie as usize).min(text.len());
        while !text.is_char_boundary(t) {
            t += 1;
        }
        return t;
    }
    let i = f.marks.partition_point(|&(_, o)| o <= cookie);
    let (mut t, mut off) = if i == 0 { (0, 0) } else { f.marks[i - 1] };
    for c in text[t..].chars() {
        if off >= cookie {
            break;
        }
        off += if f.codec == "utf-8" { c.len_utf8() as u64 } else { 1 };
        t += c.len_utf8();
    }
    t
}

/// Decodes a file's bytes into `s.text`, setting the mapping between text and file offsets.
/// Bytes that do not decode strictly stay pending from the start of their chunk on.
fn load(vm: &mut Vm, s: &mut TextStream, data: Vec<u8>) -> PyResult<()> {
    let Some(f) = s.file.as_mut() else { return Ok(()) };
    let (mut data, mut pending) = (data, None);
    let decoded = match bytes::decode(vm, &data, &s.encoding, &s.errors) {
        Ok(t) => t,
        Err(_) => {
            // Where the first strict failure lies, and the chunk CPython would be decoding.
            let bad = match f.codec {
                "utf-8" => std::str::from_utf8(&data).err().map_or(data.len(), |e| e.valid_up_to()),
                _ => data.iter().position(|&b| b >= 0x80).unwrap_or(data.len()),
            };
            // (A character the chunk boundary cuts belongs to the next chunk.)
            let mut start = bad / CHUNK * CHUNK;
            if let Ok(valid) = std::str::from_utf8(&data[..bad]) {
                while !valid.is_char_boundary(start) {
                    start -= 1;
                }
            }
            pending = Some(data.split_off(start));
            bytes::decode(vm, &data, &s.encoding, "replace")?
        }
    };
    let text = if f.newline.is_none() { translate(decoded) } else { decoded };
    f.identity = f.codec != "latin-1" || data.is_ascii();
    f.identity = f.identity && text.as_bytes() == &data[..];
    f.marks.clear();
    if !f.identity {
        // A mark at each line start: lines end at the same places in bytes and text.
        let universal = f.newline.is_none();
        let (mut t, mut b) = (0usize, 0usize);
        let tb = text.as_bytes();
        while t < tb.len() && b < data.len() {
            f.marks.push((t, b as u64));
            t = tb[t..].iter().position(|&c| c == b'\n').map_or(tb.len(), |i| t + i + 1);
            b = match data[b..].iter().position(|&c| c == b'\n' || (universal && c == b'\r')) {
                None => data.len(),
                Some(i) if data[b + i] == b'\r' && data.get(b + i + 1) == Some(&b'\n') => b + i + 2,
                Some(i) => b + i + 1,
            };
        }
    }
    f.pending = pending;
    s.text = text;
    Ok(())
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
        ("truncate", truncate),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("isatty", isatty),
        ("fileno", fileno),
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

fn stream_any<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a RefCell<TextStream>> {
    match args.first().and_then(|v| v.obj()).map(|o| &o.kind) {
        Some(ObjKind::TextIO(s)) => Ok(s),
        _ => Err(vm.new_error(vm.types.type_error, "descriptor requires a text stream")),
    }
}

/// The stream a method was called on (open: a closed stream is CPython's ValueError).
fn stream<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a RefCell<TextStream>> {
    let s = stream_any(vm, args)?;
    if s.borrow().closed {
        return Err(closed_error(vm, &s.borrow()));
    }
    Ok(s)
}

/// (CPython's two io implementations word it differently.)
fn closed_error(vm: &mut Vm, s: &TextStream) -> PyErr {
    let msg = if s.name.is_some() { "I/O operation on closed file." } else { "I/O operation on closed file" };
    vm.new_error(vm.types.value_error, msg)
}

/// An open stream that can be read.
fn reader<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a RefCell<TextStream>> {
    let s = stream(vm, args)?;
    if !s.borrow().readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(s)
}

/// Reading went past the decoded text of a file with undecodable bytes: decoding them raises
/// CPython's UnicodeDecodeError (its position counted from the chunk's start).
fn pending_error(vm: &mut Vm, s: &RefCell<TextStream>) -> PyResult<()> {
    let (data, enc, errors) = {
        let st = s.borrow();
        let Some(f) = st.file.as_ref() else { return Ok(()) };
        let Some(p) = &f.pending else { return Ok(()) };
        (p.clone(), st.encoding.clone(), st.errors.clone())
    };
    bytes::decode(vm, &data, &enc, &errors)?;
    Err(vm.new_error(vm.types.unicode_decode_error, "undecodable bytes"))
}

fn read(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args)?;
    let limit = size_arg(vm, args.get(1).copied())?;
    let text = {
        let mut st = s.borrow_mut();
        if st.std.is_some() && super::stdio::fill_stdin(&mut st, limit).is_err() {
            drop(st);
            return Err(crate::interpreter::interrupt::keyboard_interrupt(vm));
        }
        let rest = st.rest();
        let end = match limit {
            Some(n) => rest.char_indices().nth(n).map(|(i, _)| i),
            None => None,
        };
        let need_more = end.is_none() && st.pending();
        let end = end.unwrap_or(rest.len());
        let out = rest[..end].to_string();
        if need_more {
            None
        } else {
            if st.pos <= st.text.len() {
                st.pos += end;
            }
            read_ahead(&mut st, limit.is_none());
            Some(out)
        }
    };
    match text {
        Some(t) => Ok(vm.new_string(t)),
        None => pending_error(vm, s).map(|_| Value::None),
    }
}

/// The next line (with its ending), at most `limit` characters; "" at the end.
fn read_line(vm: &mut Vm, s: &RefCell<TextStream>, limit: Option<usize>) -> PyResult<String> {
    let mut st = s.borrow_mut();
    if st.std.is_some() && super::stdio::fill_stdin(&mut st, Some(0)).is_err() {
        drop(st);
        return Err(crate::interpreter::interrupt::keyboard_interrupt(vm));
    }
    let rest_len = st.rest().len();
    let mut end = st.line_end();
    if let Some(n) = limit {
        if let Some((i, _)) = st.rest().char_indices().nth(n) {
            end = Some(end.map_or(i, |e| e.min(i)));
        }
    }
    if end.is_none() && st.pending() {
        drop(st);
        pending_error(vm, s)?;
        return Ok(String::new());
    }
    let end = end.unwrap_or(rest_len);
    let line = st.rest()[..end].to_string();
    if st.pos <= st.text.len() {
        st.pos += end;
    }
    read_ahead(&mut st, false);
    Ok(line)
}

/// The next line of an open, readable stream (`input()` reads `sys.stdin` through this).
pub fn read_line_of(vm: &mut Vm, s: &RefCell<TextStream>, limit: Option<usize>) -> PyResult<String> {
    read_line(vm, s, limit)
}

/// After a read: how far CPython's chunked decoding has read the file (to its end for `all`).
fn read_ahead(st: &mut TextStream, all: bool) {
    let o = offset(st, st.pos);
    let Some(f) = st.file.as_mut() else { return };
    let len = f.raw.len;
    let chunks = (o.saturating_sub(f.base)).div_ceil(CHUNK as u64);
    let end = if all { len } else { (f.base + chunks * CHUNK as u64).min(len) };
    f.ahead = Some(f.ahead.map_or(end, |a| a.max(end)));
}

fn readline(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args)?;
    let limit = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => usize::try_from(ops::expect_int(vm, *v, "")?).ok(),
    };
    let line = read_line(vm, s, limit)?;
    Ok(vm.new_string(line))
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args)?;
    let hint = size_arg(vm, args.get(1).copied())?.filter(|&n| n > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = read_line(vm, s, None)?;
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    let values: Vec<Value> = lines.into_iter().map(|l| vm.new_string(l)).collect();
    Ok(vm.new_list(values))
}

/// Writes `text` at the stream's position (a file: through to the file).
pub fn write_text(vm: &mut Vm, s: &RefCell<TextStream>, text: &str) -> PyResult<()> {
    {
        let st = s.borrow();
        if st.closed {
            let e = closed_error(vm, &st);
            drop(st);
            return Err(e);
        }
        if !st.writable {
            drop(st);
            return Err(unsupported(vm, "not writable"));
        }
        if st.file.is_some() {
            drop(st);
            return write_file(vm, s, text);
        }
        if let Some(which) = st.std {
            drop(st);
            return vm.stdio.write(which, text).map_err(|e| super::binaryio::io_error(vm, &e));
        }
    }
    let mut st = s.borrow_mut();
    if st.pos > st.text.len() {
        // A StringIO positioned past its end fills the gap with NULs.
        let gap = st.pos - st.text.len();
        if gap > super::binaryio::MAX_GROWTH {
            drop(st);
            return Err(vm.new_error(vm.types.memory_error, ""));
        }
        st.text.extend(std::iter::repeat_n('\0', gap));
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

/// A file's write: newline translation, encoding, then the file and the text kept in step.
fn write_file(vm: &mut Vm, s: &RefCell<TextStream>, text: &str) -> PyResult<()> {
    let (out, encoding, errors) = {
        let st = s.borrow();
        let out = match st.newline() {
            Some(nl @ ("\r" | "\r\n")) => text.replace('\n', nl),
            _ => text.to_string(),
        };
        (out, st.encoding.clone(), st.errors.clone())
    };
    let enc = bytes::encode(vm, &out, &encoding, &errors)?;
    let mut guard = s.borrow_mut();
    let st: &mut TextStream = &mut guard;
    let (readable, text_len) = (st.readable, st.text.len());
    // The file offset to write at, and the text position it is, when that is exact.
    let ahead = st.file.as_ref().and_then(|f| f.ahead);
    let (at, tpos) = match ahead {
        Some(a) => {
            let p = position_of(st, a);
            (a, Some(p).filter(|&p| offset(st, p) == a))
        }
        None => (offset(st, st.pos), Some(st.pos)),
    };
    let Some(f) = st.file.as_mut() else { return Ok(()) };
    let at = if readable { at } else { f.wpos };
    let written = match f.raw.write_at(at, &enc) {
        Ok(o) => o,
        Err(e) => {
            drop(guard);
            return Err(super::binaryio::io_error(vm, &e));
        }
    };
    let new_off = written.saturating_add(enc.len() as u64);
    if !readable {
        f.wpos = new_off;
        return Ok(());
    }
    f.base = new_off;
    f.ahead = None;
    let mirror = if f.newline.is_none() { translate(out) } else { out };
    let chunk_identity = mirror.as_bytes() == &enc[..];
    if f.pending.is_none() && (tpos == Some(text_len) || f.raw.append) {
        if !(f.identity && chunk_identity) {
            if f.identity {
                f.identity = false;
                f.marks = vec![(0, 0)];
            }
            f.marks.push((text_len, written));
        }
        st.text.push_str(&mirror);
        st.pos = st.text.len();
        return Ok(());
    }
    if let Some(pos) = tpos.filter(|_| f.identity && chunk_identity && f.pending.is_none()) {
        let end = pos + mirror.len();
        if end >= text_len {
            st.text.truncate(pos);
            st.text.push_str(&mirror);
            st.pos = st.text.len();
            return Ok(());
        }
        if st.text.is_char_boundary(end) {
            st.text.replace_range(pos..end, &mirror);
            st.pos = end;
            return Ok(());
        }
    }
    drop(guard);
    reload(vm, s, new_off)
}

/// Reads a file's text again (after a write that did not map onto it), positioned at file
/// offset `at`.
fn reload(vm: &mut Vm, s: &RefCell<TextStream>, at: u64) -> PyResult<()> {
    let mut st = s.borrow_mut();
    let name = st.name.clone().unwrap_or_default();
    let Some(f) = st.file.as_mut() else { return Ok(()) };
    let data = match f.raw.read_all() {
        Ok(d) => d,
        Err(e) => {
            drop(st);
            return Err(os_error(vm, &e, &name));
        }
    };
    load(vm, &mut st, data)?;
    st.pos = position_of(&st, at);
    Ok(())
}

/// The text argument of `write`, with CPython's message for another type.
fn text_arg(vm: &mut Vm, s: &RefCell<TextStream>, v: Value) -> PyResult<String> {
    if let Some(t) = strings::as_str(v) {
        return Ok(t.to_string());
    }
    let tn = ops::type_name(vm, v);
    let msg = if s.borrow().file.is_some() {
        format!("write() argument must be str, not {tn}")
    } else {
        format!("string argument expected, got '{tn}'")
    };
    Err(vm.new_error(vm.types.type_error, &msg))
}

fn write(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let text = text_arg(vm, s, args.get(1).copied().unwrap_or(Value::None))?;
    write_text(vm, s, &text)?;
    Ok(Value::Int(text.chars().count() as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let lines = super::iter::collect(vm, args.get(1).copied().unwrap_or(Value::None))?;
    let mut texts = Vec::with_capacity(lines.len());
    for line in lines {
        texts.push(text_arg(vm, s, line)?);
    }
    for text in texts {
        write_text(vm, s, &text)?;
    }
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    let mut st = s.borrow_mut();
    st.closed = true;
    st.file = None;
    if st.name.is_some() {
        st.text = String::new();
    }
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let std = s.borrow().std;
    if let Some(which) = std {
        vm.stdio.flush(which).map_err(|e| super::binaryio::io_error(vm, &e))?;
    }
    Ok(Value::None)
}

/// `fileno()`: the descriptor of a standard stream or an open file.
fn fileno(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    let st = s.borrow();
    if let Some(which) = st.std {
        return Ok(Value::Int(which.fd() as i64));
    }
    match &st.file {
        Some(f) => Ok(Value::Int(f.raw.fd() as i64)),
        None => {
            drop(st);
            Err(unsupported(vm, "fileno"))
        }
    }
}

/// The standard streams cannot seek: CPython's error for a pipe or a terminal.
fn not_seekable(vm: &mut Vm, s: &RefCell<TextStream>) -> PyResult<()> {
    if s.borrow().std.is_some() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    Ok(())
}

fn int_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    v.map_or(Ok(0), |v| ops::expect_int(vm, v, ""))
}

/// `seek(offset, whence=0)`: a StringIO seeks to a character offset; a file to a `tell()`
/// cookie or its end (CPython's rules for text files).
fn seek(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    not_seekable(vm, s)?;
    let n = int_arg(vm, args.get(1).copied())?;
    let whence = int_arg(vm, args.get(2).copied())?;
    let is_file = s.borrow().file.is_some();
    match whence {
        0 if n < 0 => {
            let msg =
                if is_file { format!("negative seek position {n}") } else { format!("Negative seek position {n}") };
            return Err(vm.new_error(vm.types.value_error, &msg));
        }
        1 | 2 if n != 0 => {
            if !is_file {
                return Err(vm.new_error(vm.types.os_error, "Can't do nonzero cur-relative seeks"));
            }
            let what = if whence == 1 { "cur" } else { "end" };
            return Err(unsupported(vm, &format!("can't do nonzero {what}-relative seeks")));
        }
        0..=2 => {}
        _ => {
            let msg = if is_file {
                format!("invalid whence ({whence}, should be 0, 1 or 2)")
            } else {
                format!("Invalid whence ({whence}, should be 0, 1 or 2)")
            };
            return Err(vm.new_error(vm.types.value_error, &msg));
        }
    }
    let mut st = s.borrow_mut();
    if !is_file {
        match whence {
            0 => {
                let n = n as usize;
                let (len, chars) = (st.text.len(), st.text.chars().count());
                st.pos = st.text.char_indices().nth(n).map_or(len + n.saturating_sub(chars), |(i, _)| i);
            }
            2 => st.pos = st.text.len(),
            _ => {}
        }
        return Ok(Value::Int(st.char_pos() as i64));
    }
    let readable = st.readable;
    let len = st.text.len();
    let cookie = match whence {
        0 => n as u64,
        1 => tell_file(&st),
        _ => st.file.as_ref().map_or(0, |f| f.raw.len),
    };
    if readable {
        st.pos = if whence == 2 { len } else { position_of(&st, cookie) };
    }
    if let Some(f) = st.file.as_mut() {
        f.wpos = cookie;
        f.base = cookie;
        f.ahead = None;
    }
    Ok(Value::Int(cookie as i64))
}

fn tell_file(st: &TextStream) -> u64 {
    match &st.file {
        Some(f) if !st.readable => f.wpos,
        _ => offset(st, st.pos),
    }
}

fn tell(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    not_seekable(vm, s)?;
    let st = s.borrow();
    let n = if st.file.is_some() { tell_file(&st) } else { st.char_pos() as u64 };
    Ok(Value::Int(n as i64))
}

/// `truncate(size=None)`: cuts the stream at `size` (characters for a StringIO, a cookie for
/// a file; the position by default); the position stays.
fn truncate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream(vm, args)?;
    not_seekable(vm, s)?;
    if !s.borrow().writable {
        return Err(unsupported(vm, "truncate"));
    }
    let size = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(ops::expect_int(vm, *v, "")?),
    };
    if s.borrow().file.is_none() {
        let mut st = s.borrow_mut();
        let size = size.unwrap_or(st.char_pos() as i64);
        if size < 0 {
            drop(st);
            return Err(vm.new_error(vm.types.value_error, &format!("Negative size value {size}")));
        }
        if let Some((i, _)) = st.text.char_indices().nth(size as usize) {
            st.text.truncate(i);
        }
        return Ok(Value::Int(size));
    }
    let (size, at) = {
        let st = s.borrow();
        (size.unwrap_or(tell_file(&st) as i64), offset(&st, st.pos))
    };
    if size < 0 {
        return Err(vm.new_error(vm.types.os_error, "[Errno 22] Invalid argument"));
    }
    let (result, readable) = {
        let mut st = s.borrow_mut();
        let readable = st.readable;
        match st.file.as_mut() {
            Some(f) => (f.raw.truncate(size as u64), readable),
            None => (Ok(()), readable),
        }
    };
    if let Err(e) = result {
        return Err(super::binaryio::io_error(vm, &e));
    }
    if readable {
        reload(vm, s, at)?;
    }
    Ok(Value::Int(size))
}

fn readable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    if s.borrow().closed {
        return Err(vm.new_error(vm.types.value_error, "I/O operation on closed file"));
    }
    Ok(Value::Bool(s.borrow().readable))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = stream_any(vm, args)?;
    if s.borrow().name.is_none() {
        stream(vm, args)?;
    }
    Ok(Value::Bool(s.borrow().writable))
}

fn seekable(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    readable(vm, args, &[])?;
    let std = stream_any(vm, args)?.borrow().std;
    Ok(Value::Bool(std.is_none()))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    readable(vm, args, &[])?;
    let std = stream_any(vm, args)?.borrow().std;
    // SAFETY: isatty only inspects the descriptor; any value is safe to pass.
    Ok(Value::Bool(std.is_some_and(|w| unsafe { libc::isatty(w.fd()) } == 1)))
}

/// `iter(stream)`: the stream itself, if it is open.
pub fn iter_self(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    stream(vm, args)?;
    Ok(args[0])
}

fn next_line(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let s = reader(vm, args)?;
    let line = read_line(vm, s, None)?;
    if line.is_empty() {
        return Err(vm.new_error_args(vm.types.stop_iteration, vec![]));
    }
    Ok(vm.new_string(line))
}

/// `next(stream)` for the iteration protocol: the next line, None at the end.
pub fn next(vm: &mut Vm, o: ObjRef) -> PyResult<Option<Value>> {
    let args = [Value::Obj(o)];
    let s = reader(vm, &args)?;
    let line = read_line(vm, s, None)?;
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

/// An optional str argument of `open` (`encoding`, `errors`, `newline`).
fn opt_str(vm: &mut Vm, v: Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match strings::as_str(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = ops::type_name(vm, v);
                let msg = format!("open() argument '{what}' must be str or None, not {tn}");
                Err(vm.new_error(vm.types.type_error, &msg))
            }
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
pub fn open(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    const NAMES: [&str; 6] = ["file", "mode", "buffering", "encoding", "errors", "newline"];
    let mut params: [Option<Value>; 6] = [None; 6];
    if args.len() > 8 {
        let msg = format!("open() takes at most 8 arguments ({} given)", args.len());
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    for (i, v) in args.iter().enumerate().take(6) {
        params[i] = Some(*v);
    }
    for (k, v) in kw {
        let key = vm.sym_str(*k).to_string();
        match NAMES.iter().position(|n| *n == key) {
            Some(i) => params[i] = Some(*v),
            None if key == "closefd" || key == "opener" => {}
            None => {
                let msg = format!("'{key}' is an invalid keyword argument for open()");
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
        }
    }
    let Some(name) = params[0].and_then(strings::as_str).map(|s| s.to_string()) else {
        return Err(vm.new_error(vm.types.type_error, "expected str, bytes or os.PathLike object"));
    };
    let mode = match params[1] {
        None => "r".to_string(),
        Some(m) => match strings::as_str(m) {
            Some(m) => m.to_string(),
            None => {
                let tn = ops::type_name(vm, m);
                return Err(vm.new_error(vm.types.type_error, &format!("open() argument 'mode' must be str, not {tn}")));
            }
        },
    };
    let encoding = opt_str(vm, params[3], "encoding")?;
    let errors = opt_str(vm, params[4], "errors")?;
    let newline = opt_str(vm, params[5], "newline")?;
    // CPython's checks, in its order.
    let invalid = mode.chars().enumerate().any(|(i, c)| !"rwaxtb+".contains(c) || mode[i + 1..].contains(c));
    if invalid {
        return Err(vm.new_error(vm.types.value_error, &format!("invalid mode: '{mode}'")));
    }
    let kinds: Vec<char> = mode.chars().filter(|c| "rwax".contains(*c)).collect();
    let (binary, plus) = (mode.contains('b'), mode.contains('+'));
    let msg = if binary && mode.contains('t') {
        Some("can't have text and binary mode at once")
    } else if kinds.len() > 1 {
        Some("must have exactly one of create/read/write/append mode")
    } else if kinds.is_empty() {
        Some("Must have exactly one of create/read/write/append mode and at most one plus")
    } else if binary && encoding.is_some() {
        Some("binary mode doesn't take an encoding argument")
    } else if binary && errors.is_some() {
        Some("binary mode doesn't take an errors argument")
    } else if binary && newline.is_some() {
        Some("binary mode doesn't take a newline argument")
    } else {
        None
    };
    if let Some(msg) = msg {
        return Err(vm.new_error(vm.types.value_error, msg));
    }
    let kind = kinds[0];
    if !binary && matches!(params[2], Some(Value::Int(0)) | Some(Value::Bool(false))) {
        return Err(vm.new_error(vm.types.value_error, "can't have unbuffered text I/O"));
    }
    if binary {
        return super::binaryio::open(vm, &name, kind, plus);
    }
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            let msg = format!("illegal newline value: {nl}");
            return Err(vm.new_error(vm.types.value_error, &msg));
        }
    }
    let codec = bytes::codec_name(vm, encoding.as_deref().unwrap_or("utf-8"))?;
    let (raw, contents) = match RawFile::open(&name, kind, plus) {
        Ok(r) => r,
        Err(e) => return Err(os_error(vm, &e, &name)),
    };
    let wpos = raw.len;
    let mut stream = TextStream::memory(String::new());
    stream.name = Some(name);
    stream.mode = mode;
    stream.readable = kind == 'r' || plus;
    stream.writable = kind != 'r' || plus;
    stream.encoding = encoding.unwrap_or_else(|| "UTF-8".to_string());
    stream.errors = errors.unwrap_or_else(|| "strict".to_string());
    stream.file = Some(Box::new(TextFile {
        raw,
        wpos: if kind == 'a' { wpos } else { 0 },
        codec,
        newline,
        identity: true,
        marks: Vec::new(),
        pending: None,
        base: if kind == 'a' { wpos } else { 0 },
        ahead: None,
    }));
    if let Some(data) = contents {
        load(vm, &mut stream, data)?;
    }
    if kind == 'a' {
        stream.pos = stream.text.len();
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
        _ => (vm.types.os_error, ""),
    };
    let errno = e.raw_os_error().unwrap_or(0);
    let full = e.to_string();
    let text = if text.is_empty() { full.split(" (os error").next().unwrap_or_default() } else { text };
    super::types::new_os_error(vm, class, errno, text, Some(name))
}

/// `repr` of a stream.
pub fn repr(s: &TextStream, addr: usize) -> String {
    match &s.name {
        Some(name) => format!(
            "<_io.TextIOWrapper name={} mode={} encoding={}>",
            strings::repr_str(name),
            strings::repr_str(&s.mode),
            strings::repr_str(&s.encoding)
        ),
        None => format!("<_io.StringIO object at {addr:#x}>"),
    }
}

/// The data attributes of a text stream: `closed`, and a file's `name`, `mode`, `encoding`
/// and `errors`.
pub fn attr(vm: &mut Vm, s: &RefCell<TextStream>, name: &str) -> Option<Value> {
    let st = s.borrow();
    if name == "closed" {
        return Some(Value::Bool(st.closed));
    }
    if let Some(which) = st.std {
        match name {
            "buffer" => return Some(vm.stdio.buffers[which.fd() as usize]),
            "line_buffering" => return Some(Value::Bool(vm.stdio.line_buffered(which))),
            _ => {}
        }
    }
    st.name.as_ref()?;
    let v = match name {
        "name" => st.name.clone().unwrap_or_default(),
        "mode" => st.mode.clone(),
        "encoding" => st.encoding.clone(),
        "errors" => st.errors.clone(),
        _ => return None,
    };
    drop(st);
    Some(vm.new_string(v))
}
