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
                        }
                    }
                }
            }
            repeated(&mut out, count);
        }
        out.push_str(&self.exception_line(exc));
        out.push('\n');
        out
    }
}
