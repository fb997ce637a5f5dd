//! The standard streams: `sys.stdin`, `sys.stdout`, `sys.stderr`, `print` and `input`.
//!
//! Programs see three `_io.TextIOWrapper` objects (text streams whose [`Std`] says which
//! descriptor they stand for). Their bytes go through buffers here, with CPython's buffering so
//! that output reaches a terminal, a pipe or a file in the same order as under `python3`:
//! stdout is line-buffered on a terminal and block-buffered (8192 bytes) otherwise, stderr is
//! line-buffered, and both are unbuffered with `-u` or `PYTHONUNBUFFERED`. So what a program
//! writes to stderr comes before what it printed to a pipe, which is flushed at exit (a
//! program from a file is flushed before its traceback, a `-c` command after), as in CPython. stdin is read lazily, a line at a time as
//! the program asks (a terminal is read as the user types), decoded as UTF-8 with line endings
//! as they are (CPython's standard streams on POSIX). `print()` and `input()` use whatever
//! object `sys.stdout` / `sys.stdin` hold, so a program may redirect them to a `StringIO` or any
//! object with `write`.

use std::io::{BufRead, Write};

use crate::interpreter::{PyResult, Vm};

use super::object::ObjKind;
use super::value::Value;

/// Which standard stream a text stream stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Std {
    In,
    Out,
    Err,
}

impl Std {
    pub fn fd(self) -> i32 {
        match self {
            Std::In => 0,
            Std::Out => 1,
            Std::Err => 2,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Std::In => "<stdin>",
            Std::Out => "<stdout>",
            Std::Err => "<stderr>",
        }
    }
}

/// When buffered output reaches the operating system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Buffering {
    /// At every write (`-u`).
    None,
    /// When a write holds a newline (a terminal's stdout; stderr always).
    Line,
    /// When the buffer passes 8192 bytes, on `flush()` and at exit.
    Block,
}

/// CPython's text layer hands its pending bytes on once they pass this many.
const BLOCK: usize = 8192;

/// The buffers of stdout and stderr, and how each is flushed.
pub struct StdStreams {
    out: Vec<u8>,
    err: Vec<u8>,
    out_mode: Buffering,
    err_mode: Buffering,
    /// `sys.stdin`, `sys.stdout`, `sys.stderr` as made at start-up (`sys.__stdout__`, ...):
    /// GC roots.
    pub objects: [Value; 3],
    /// Their binary layers (`sys.stdout.buffer`, ...): GC roots.
    pub buffers: [Value; 3],
    /// The `sys` module's namespace once it exists (print() looks up `sys.stdout` there
    /// without finding the module by name each time); a GC root.
    pub sys_dict: Option<super::value::ObjRef>,
}

impl StdStreams {
    /// Buffering as CPython chooses it for these descriptors, unless `unbuffered`.
    pub fn new(unbuffered: bool) -> StdStreams {
        let (out_mode, err_mode) = if unbuffered {
            (Buffering::None, Buffering::None)
        } else {
            // SAFETY: isatty only inspects the descriptor; any value is safe to pass.
            let tty = unsafe { libc::isatty(1) } == 1;
            (if tty { Buffering::Line } else { Buffering::Block }, Buffering::Line)
        };
        StdStreams {
            out: Vec::new(),
            err: Vec::new(),
            out_mode,
            err_mode,
            objects: [Value::None; 3],
            buffers: [Value::None; 3],
            sys_dict: None,
        }
    }

    /// `line_buffering` of a text stream: whether a newline flushes it.
    pub fn line_buffered(&self, which: Std) -> bool {
        match which {
            Std::In => false,
            Std::Out => self.out_mode == Buffering::Line,
            Std::Err => self.err_mode == Buffering::Line,
        }
    }

    /// `-u`: every write goes out at once.
    pub fn set_unbuffered(&mut self) {
        let _ = self.flush_all();
        self.out_mode = Buffering::None;
        self.err_mode = Buffering::None;
    }

    /// Buffers `text` for stdout or stderr and writes out what the buffering says is due; the
    /// error of that write, if it failed (a closed pipe: `BrokenPipeError` for the program).
    pub fn write(&mut self, which: Std, text: &str) -> std::io::Result<()> {
        self.write_bytes(which, text.as_bytes())
    }

    /// [`write`](Self::write) for bytes (`sys.stdout.buffer.write`).
    pub fn write_bytes(&mut self, which: Std, bytes: &[u8]) -> std::io::Result<()> {
        let (buf, mode) = match which {
            Std::Out => (&mut self.out, self.out_mode),
            _ => (&mut self.err, self.err_mode),
        };
        buf.extend_from_slice(bytes);
        let due = match mode {
            Buffering::None => true,
            Buffering::Line => bytes.iter().any(|&b| b == b'\n' || b == b'\r'),
            Buffering::Block => buf.len() > BLOCK,
        };
        if due {
            return self.flush(which);
        }
        Ok(())
    }

    /// Writes out what stdout or stderr holds. What could not be written is dropped, as
    /// CPython drops it: only output buffered after a failure fails again (at exit).
    pub fn flush(&mut self, which: Std) -> std::io::Result<()> {
        let buf = match which {
            Std::Out => &mut self.out,
            _ => &mut self.err,
        };
        if buf.is_empty() {
            return Ok(());
        }
        let written = match which {
            Std::Out => std::io::stdout().lock().write_all(buf).and_then(|()| std::io::stdout().flush()),
            _ => std::io::stderr().lock().write_all(buf),
        };
        buf.clear();
        written
    }

    /// stderr, then stdout; stdout's error, if its flush failed.
    pub fn flush_all(&mut self) -> std::io::Result<()> {
        let _ = self.flush(Std::Err);
        self.flush(Std::Out)
    }
}

/// Reads from stdin up to a newline (`line`) or to the end, undecoded; `Err` with what was read
/// so far when Ctrl-C interrupted the wait. At the end of input, nothing.
pub fn read_stdin(line: bool) -> Result<Vec<u8>, Vec<u8>> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = Vec::new();
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                if crate::interpreter::interrupt::take() {
                    return Err(out);
                }
                continue;
            }
            Err(_) => return Ok(out),
        };
        if available.is_empty() {
            return Ok(out);
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) if line => (i + 1, true),
            _ => (available.len(), false),
        };
        out.extend_from_slice(&available[..take]);
        input.consume(take);
        if done {
            return Ok(out);
        }
    }
}

/// Decodes what was read from stdin: UTF-8, invalid bytes replaced. Line endings stay as they
/// are: CPython opens the standard streams with `newline="\n"` on POSIX.
fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Makes the text held by the stdin stream `s` reach at least `want` (None: the end of input;
/// `Some(0)`: the end of the next line) past its position; `Err` if Ctrl-C interrupted.
pub fn fill_stdin(s: &mut super::textio::TextStream, want: Option<usize>) -> Result<(), ()> {
    // What was read and consumed is dropped now and then, so a long input never piles up.
    if s.pos > 1 << 16 && s.pos <= s.text.len() {
        s.text.drain(..s.pos);
        s.pos = 0;
    }
    // Characters held past the position (counted once, then kept up to date).
    let mut held = match want {
        Some(n) if n > 0 => s.text[s.pos.min(s.text.len())..].chars().count(),
        _ => 0,
    };
    loop {
        let enough = match want {
            Some(0) => s.text[s.pos.min(s.text.len())..].contains('\n'),
            Some(n) => held >= n,
            None => false,
        };
        if enough {
            return Ok(());
        }
        let chunk = match read_stdin(want.is_some()) {
            Ok(chunk) => decode(chunk),
            Err(partial) => {
                // (What was read stays for the next read, as in CPython's buffer.)
                s.text.push_str(&decode(partial));
                return Err(());
            }
        };
        if chunk.is_empty() {
            return Ok(());
        }
        held += chunk.chars().count();
        s.text.push_str(&chunk);
    }
}

/// Makes the three stream objects (at start-up).
pub fn init(vm: &mut Vm) {
    for (i, which) in [Std::In, Std::Out, Std::Err].into_iter().enumerate() {
        let mut s = super::textio::TextStream::memory(String::new());
        s.name = Some(which.name().to_string());
        s.mode = if which == Std::In { "r" } else { "w" }.to_string();
        s.encoding = "utf-8".to_string();
        s.errors = if which == Std::Err { "backslashreplace" } else { "strict" }.to_string();
        s.readable = which == Std::In;
        s.writable = which != Std::In;
        s.std = Some(which);
        let obj = vm.alloc(ObjKind::TextIO(Box::new(std::cell::RefCell::new(s))));
        vm.stdio.objects[i] = Value::Obj(obj);
        let mut b = super::binaryio::BinaryStream::memory(Vec::new());
        b.name = Some(which.name().to_string());
        b.mode = if which == Std::In { "rb" } else { "wb" }.to_string();
        b.readable = which == Std::In;
        b.writable = which != Std::In;
        b.std = Some(which);
        let obj = vm.alloc(ObjKind::BinaryIO(Box::new(std::cell::RefCell::new(b))));
        vm.stdio.buffers[i] = Value::Obj(obj);
    }
}

/// The current value of `sys.NAME` (`stdin`, `stdout`, `stderr`): the object a program put
/// there, or the standard stream itself while `sys` was never imported.
pub fn current(vm: &mut Vm, which: Std) -> PyResult<Value> {
    let original = vm.stdio.objects[which.fd() as usize];
    let Some(dict) = vm.stdio.sys_dict else { return Ok(original) };
    let name = &which.name()[1..which.name().len() - 1];
    // (An interned name: print() allocates nothing to find sys.stdout.)
    let sym = vm.intern(name);
    let key = vm.sym_value(sym);
    match super::dictops::get(vm, dict, key)? {
        Some(v) => Ok(v),
        None => Err(vm.new_error(vm.types.runtime_error, &format!("lost sys.{name}"))),
    }
}

/// The standard stream a value is, if it is one.
pub fn std_of(v: Value) -> Option<Std> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::TextIO(s)) => s.borrow().std,
        _ => None,
    }
}

/// `input([prompt])`: the prompt to `sys.stdout` (flushed), a line from `sys.stdin` without its
/// newline; `EOFError` at the end of input.
pub fn input(vm: &mut Vm, args: &[Value], kw: &[(super::interner::Sym, Value)]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.new_error(vm.types.type_error, "input() takes no keyword arguments"));
    }
    if args.len() > 1 {
        let msg = format!("input expected at most 1 argument, got {}", args.len());
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    let stdin = current(vm, Std::In)?;
    vm.temp_roots.push(stdin);
    let result = (|| {
        let stdout = current(vm, Std::Out)?;
        vm.temp_roots.push(stdout);
        let shown = (|| {
            let _ = vm.stdio.flush(Std::Err);
            if let Some(&prompt) = args.first() {
                let text = super::ops::str_of(vm, prompt)?;
                super::modules::write_to(vm, stdout, &text)?;
            }
            flush_file(vm, stdout)
        })();
        vm.temp_roots.pop();
        shown?;
        let line = match stdin.obj().map(|o| &o.kind) {
            Some(ObjKind::TextIO(s)) if s.borrow().std == Some(Std::In) => {
                if s.borrow().closed {
                    return Err(vm.new_error(vm.types.value_error, "I/O operation on closed file."));
                }
                super::textio::read_line_of(vm, s, None)?
            }
            _ => {
                let readline = vm.intern("readline");
                let f = super::attr::getattr(vm, stdin, readline)?;
                let v = vm.call(f, &[], &[])?;
                match super::strings::as_str(v) {
                    Some(s) => s.to_string(),
                    None => return Err(vm.new_error(vm.types.type_error, "object.readline() returned non-string")),
                }
            }
        };
        if line.is_empty() {
            return Err(vm.new_error(vm.types.eof_error, "EOF when reading a line"));
        }
        let line = line.strip_suffix('\n').unwrap_or(&line);
        Ok(vm.new_str(line))
    })();
    vm.temp_roots.pop();
    result
}

/// `file.flush()`: the standard streams directly, anything else through its `flush` method.
pub fn flush_file(vm: &mut Vm, file: Value) -> PyResult<()> {
    match std_of(file) {
        Some(which @ (Std::Out | Std::Err)) => vm.stdio.flush(which).map_err(|e| super::binaryio::io_error(vm, &e)),
        Some(Std::In) => Ok(()),
        None => {
            if let Some(ObjKind::TextIO(_)) = file.obj().map(|o| &o.kind) {
                return Ok(());
            }
            let flush = vm.intern("flush");
            let f = super::attr::getattr(vm, file, flush)?;
            vm.call(f, &[], &[])?;
            Ok(())
        }
    }
}

/// `sys.displayhook(value)` (the prompt's `PRINT_EXPR`): nothing for None; otherwise the repr
/// to `sys.stdout` and the value bound to `_` in builtins.
pub fn display(vm: &mut Vm, value: Value) -> PyResult<()> {
    if value.is_none() {
        return Ok(());
    }
    let underscore = vm.intern("_");
    let key = vm.sym_value(underscore);
    let builtins = vm.builtins;
    super::dictops::set(vm, builtins, key, Value::None)?;
    let text = super::repr::repr(vm, value)?;
    super::modules::write_to(vm, Value::None, &format!("{text}\n"))?;
    super::dictops::set(vm, builtins, key, value)
}
