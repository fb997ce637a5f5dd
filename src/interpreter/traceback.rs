//! Raising exceptions and printing CPython-style tracebacks.
//!
//! An exception is an instance of a class derived from `BaseException`; its [`ExcData`]
//! records the constructor arguments, the cause/context chain and, as it unwinds, one
//! (code, instruction) entry per frame it leaves. An uncaught exception is printed the way
//! CPython prints it: `Traceback (most recent call last):`, a `File "...", line N, in name`
//! line per frame with the source line under it, then `Type: message`, with chained
//! exceptions (`raise ... from ...`, or raised while handling another) printed first.

use crate::runtime::value::{ObjRef, Value};

use super::code::CodeObject;
use super::{PyErr, Vm};

impl Vm {
    /// A new exception of class `class` with a single message argument.
    pub fn new_error(&mut self, class: ObjRef, msg: &str) -> PyErr {
        let arg = self.new_str(msg);
        self.new_error_args(class, vec![arg])
    }

    /// A new exception of class `class` with the given arguments.
    pub fn new_error_args(&mut self, class: ObjRef, args: Vec<Value>) -> PyErr {
        let inst = self.new_instance(class, crate::runtime::object::Layout::Exception);
        let args = self.new_tuple(args);
        if let Some(e) = inst.obj().and_then(|o| o.as_exception()) {
            e.borrow_mut().args = args;
        }
        PyErr(inst.as_obj().unwrap_or(class))
    }

    /// Records that `err` passes through instruction `pc` of `code`.
    pub fn add_traceback(&mut self, err: PyErr, code: &'static CodeObject, pc: usize) {
        if let Some(e) = err.0.as_exception() {
            e.borrow_mut().traceback.push((code, pc as u32));
        }
    }

    /// `raise exc [from cause]`: instantiates classes, checks types, sets the chain.
    pub fn make_raise(&mut self, exc: Value, cause: Option<Value>) -> PyErr {
        let exc = match self.to_exception(exc) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(data) = exc.as_exception() {
            let handled = self.handled_exc;
            let mut d = data.borrow_mut();
            if !handled.is_none() && !handled.is(Value::Obj(exc)) {
                d.context = handled;
            }
            if let Some(c) = cause {
                d.cause = c;
                d.suppress_context = true;
            }
        }
        if let Some(Value::Obj(c)) = cause {
            if c.as_class().is_some() {
                // `from SomeClass`: instantiate it.
                if let Ok(ci) = self.to_exception(Value::Obj(c)) {
                    if let Some(d) = exc.as_exception() {
                        d.borrow_mut().cause = Value::Obj(ci);
                    }
                }
            }
        }
        PyErr(exc)
    }

    /// Makes the exception being handled the `__context__` of `err` (raised while handling
    /// it), unless `err` has one or is that exception; a link that would close a cycle is cut,
    /// as CPython cuts it.
    pub fn chain_context(&mut self, err: PyErr) {
        let handled = self.handled_exc;
        let Some(data) = err.0.as_exception() else { return };
        if handled.is(Value::Obj(err.0)) || !data.borrow().context.is_none() {
            return;
        }
        // Walk the handled exception's chain: if `err` is on it, drop the link to `err`.
        let mut at = handled;
        // (Bounded: a chain a program built by hand may already be a cycle.)
        for _ in 0..10_000 {
            let Some(d) = at.obj().and_then(|o| o.as_exception()) else { break };
            let next = d.borrow().context;
            if next.is(Value::Obj(err.0)) {
                d.borrow_mut().context = Value::None;
                break;
            }
            at = next;
        }
        data.borrow_mut().context = handled;
    }

    /// Turns a raised value (an exception instance or class) into an exception instance.
    fn to_exception(&mut self, v: Value) -> Result<ObjRef, PyErr> {
        if let Value::Obj(o) = v {
            if o.as_exception().is_some() {
                return Ok(o);
            }
            if let Some(c) = o.as_class() {
                if c.layout == crate::runtime::object::Layout::Exception {
                    let inst = self.call(v, &[], &[])?;
                    if let Some(i) = inst.as_obj().filter(|i| i.as_exception().is_some()) {
                        return Ok(i);
                    }
                }
            }
        }
        Err(self.new_error(self.types.type_error, "exceptions must derive from BaseException"))
    }

    /// Bare `raise`: re-raises the exception being handled.
    pub fn reraise_handled(&mut self) -> PyErr {
        match self.handled_exc {
            Value::Obj(o) if o.as_exception().is_some() => PyErr(o),
            _ => self.new_error(self.types.runtime_error, "No active exception to reraise"),
        }
    }

    pub fn unbound_local(&mut self, code: &CodeObject, index: usize) -> PyErr {
        let name = code.code.varnames.get(index).cloned().unwrap_or_default();
        self.new_error(
            self.types.unbound_local_error,
            &format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    pub fn unbound_deref(&mut self, code: &CodeObject, index: usize) -> PyErr {
        let name = code.code.deref_name(index).to_string();
        if index < code.code.cellvars.len() {
            self.new_error(
                self.types.unbound_local_error,
                &format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        } else {
            self.new_error(
                self.types.name_error,
                &format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        }
    }

    /// The `Type: message` line of an exception (what `traceback` prints last).
    pub fn exception_line(&mut self, exc: ObjRef) -> String {
        let class = self.type_of(Value::Obj(exc));
        let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
        let module = class.as_class().map(|c| c.module.clone()).unwrap_or_default();
        let qualified = if module.is_empty() || module == "builtins" || module == "__main__" {
            name
        } else {
            format!("{module}.{name}")
        };
        let msg = match crate::runtime::ops::str_of(self, Value::Obj(exc)) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            qualified
        } else {
            format!("{qualified}: {msg}")
        }
    }

    /// Formats an uncaught exception like CPython, chain included.
    pub fn format_exception(&mut self, exc: ObjRef) -> String {
        let mut out = String::new();
        let mut chain = vec![exc];
        let mut seen = vec![exc];
        let mut cur = exc;
        loop {
            let Some(d) = cur.as_exception() else { break };
            let (cause, context, suppress) = {
                let d = d.borrow();
                (d.cause, d.context, d.suppress_context)
            };
            let next = match (cause, context) {
                (Value::Obj(c), _) if c.as_exception().is_some() => Some((c, true)),
                (_, Value::Obj(c)) if !suppress && c.as_exception().is_some() => Some((c, false)),
                _ => None,
            };
            match next {
                Some((n, _)) if !seen.contains(&n) => {
                    seen.push(n);
                    chain.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        for (i, e) in chain.iter().enumerate().rev() {
            out.push_str(&self.format_one(*e));
            if i > 0 {
                let newer = chain[i - 1];
                let by_cause =
                    newer.as_exception().map(|d| matches!(d.borrow().cause, Value::Obj(c) if c == *e)).unwrap_or(false);
                out.push_str(if by_cause {
                    "\nThe above exception was the direct cause of the following exception:\n\n"
                } else {
                    "\nDuring handling of the above exception, another exception occurred:\n\n"
                });
            }
        }
        out
    }

    fn format_one(&mut self, exc: ObjRef) -> String {
        let mut out = String::new();
        let tb: Vec<(&'static CodeObject, u32)> =
            exc.as_exception().map(|d| d.borrow().traceback.clone()).unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // A run of more than three identical entries (recursion) prints three and a count,
            // as CPython does.
            const CUTOFF: usize = 3;
            let repeated = |out: &mut String, count: usize| {
                if count > CUTOFF {
                    let n = count - CUTOFF;
                    out.push_str(&format!(
                        "  [Previous line repeated {n} more time{}]\n",
                        if n > 1 { "s" } else { "" }
                    ));
                }
            };
            let mut last: Option<(&str, u32, &str)> = None;
            let mut count = 0;
            for (code, pc) in tb.iter().rev() {
                let line = code.code.line_of(*pc as usize);
                let here = (&*code.code.filename, line, &*code.code.name);
                if last != Some(here) {
                    repeated(&mut out, count);
                    last = Some(here);
                    count = 0;
                }
                count += 1;
                if count > CUTOFF {
                    continue;
                }
                let file = code.code.filename.to_string();
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", file, line, code.code.name));
                if let Some(src) = self.sources.get(&file) {
                    if let Some(text) = src.lines().nth(line.saturating_sub(1) as usize) {
                        let t = text.trim();
                        if !t.is_empty() {
                            out.push_str(&format!("    {t}\n"));
                            out.push_str(&carets(text, code.code.position_of(*pc as usize), line));
                        }
                    }
                }
            }
            repeated(&mut out, count);
        }
        if let Some(detail) = self.syntax_error_detail(exc) {
            out.push_str(&detail);
            return out;
        }
        out.push_str(&self.exception_line(exc));
        out.push('\n');
        out
    }

    /// A SyntaxError raised at run time (by `eval`, `exec` or `compile`) shows where in its
    /// source it is, as CPython prints it: the file and line, the line's text and a caret at
    /// the offset, then `SyntaxError: msg` without the location suffix.
    fn syntax_error_detail(&mut self, exc: ObjRef) -> Option<String> {
        if !self.isinstance(Value::Obj(exc), self.types.syntax_error) {
            return None;
        }
        let get = |vm: &mut Vm, name: &str| {
            let s = vm.intern(name);
            crate::runtime::attr::lookup(vm, Value::Obj(exc), s).ok().flatten()
        };
        let filename = get(self, "filename")?;
        let lineno = get(self, "lineno")?;
        let text = get(self, "text")?;
        let offset = get(self, "offset")?;
        let msg = get(self, "msg")?;
        let (Some(filename), Value::Int(lineno), Some(text), Value::Int(offset), Some(msg)) = (
            crate::runtime::strings::as_str(filename).map(str::to_string),
            lineno,
            crate::runtime::strings::as_str(text).map(str::to_string),
            offset,
            crate::runtime::strings::as_str(msg).map(str::to_string),
        ) else {
            return None;
        };
        let mut out = format!("  File \"{filename}\", line {lineno}\n");
        let trimmed = text.trim_start();
        let skipped = text.chars().count() - trimmed.chars().count();
        let shown = trimmed.trim_end_matches(['\n', '\r']);
        out.push_str(&format!("    {shown}\n"));
        let col = offset - 1 - skipped as i64;
        if col >= 0 {
            out.push_str(&format!("    {}^\n", " ".repeat(col as usize)));
        }
        let class = self.type_of(Value::Obj(exc));
        let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
        out.push_str(&format!("{name}: {msg}\n"));
        Some(out)
    }
}

/// The line of `^` (and `~`) under source line `text` (line number `line`) that marks where the
/// instruction at `pos` came from, as CPython 3.11 prints it; empty when the position is unknown
/// or covers the whole line without anchors.
fn carets(text: &str, pos: crate::bytecode::Position, line: u32) -> String {
    if pos.line != line || pos.line == 0 {
        return String::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let stripped = text.trim().chars().count();
    let start = pos.col as usize;
    let single = pos.end_line == pos.line;
    let end = if single { pos.end_col as usize } else { text.trim_end().chars().count() };
    if start < indent || end <= start || end > chars.len() {
        return String::new();
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = if single { crate::frontend::anchors::caret_anchors(&segment) } else { None };
    let anchored = anchors.is_some_and(|(left, right)| right > left);
    if end - start >= stripped && !anchored {
        return String::new();
    }
    let mut out = format!("    {}", " ".repeat(start - indent));
    match anchors {
        Some((left, right)) => {
            let (left, right) = (left.min(end - start), right.min(end - start));
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right.saturating_sub(left)));
            out.push_str(&"~".repeat(end - start - right.max(left)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
    out
}
