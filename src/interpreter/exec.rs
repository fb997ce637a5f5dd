//! `eval`, `exec` and `compile`: source code compiled and run while the program runs.
//!
//! The source goes through the same frontend as a program's (`frontend::compile` for `exec`,
//! `frontend::compile_eval` for one expression) under the file name `<string>`, and the code
//! runs in a new entry frame on the VM stack whose namespaces are the dicts the caller gave:
//! `LOAD_NAME`/`STORE_NAME` look in the locals dict, then the globals, then the builtins, just
//! as module and class bodies do. Without dicts, the code sees the caller's globals and, as
//! locals, the caller's namespace at module or class level or a snapshot of a function's local
//! variables (assigning to it does not change the function's variables, as in CPython).
//! A syntax error in the source is a `SyntaxError` exception the program can catch, with
//! CPython's `(<string>, line N)` suffix; a construct stitch does not support is one too.

use crate::interpreter::code::CodeObject;
use crate::interpreter::{Frame, FrameKind, PyResult, Vm};
use crate::runtime::interner::{sym, Sym};
use crate::runtime::object::ObjKind;
use crate::runtime::ops;
use crate::runtime::strings;
use crate::runtime::value::{ObjRef, Value};

type Kw<'a> = &'a [(Sym, Value)];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
}

/// `eval(source, globals=None, locals=None)`.
pub fn eval(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    run(vm, "eval", Mode::Eval, args, kw)
}

/// `exec(source, globals=None, locals=None)`.
pub fn exec(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    run(vm, "exec", Mode::Exec, args, kw).map(|_| Value::None)
}

fn run(vm: &mut Vm, name: &str, mode: Mode, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = crate::runtime::containers::clinic_args(vm, name, args, kw, &["source", "globals", "locals"])?;
    let Some(source) = p[0] else {
        let msg = format!("{name}() missing required argument 'source' (pos 1)");
        return Err(vm.new_error(vm.types.type_error, &msg));
    };
    let globals = match p[1] {
        None | Some(Value::None) => None,
        Some(g) if g.obj().is_some_and(|o| matches!(o.kind, ObjKind::Dict(_))) => g.as_obj(),
        Some(g) => {
            let msg = if mode == Mode::Eval {
                if g.obj().is_some_and(|o| o.as_dict().is_some()) || ops::special(vm, g, sym::GETITEM).is_some() {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    "globals must be a dict".to_string()
                }
            } else {
                let tn = ops::type_name(vm, g);
                format!("exec() globals must be a dict, not {tn}")
            };
            return Err(vm.new_error(vm.types.type_error, &msg));
        }
    };
    let locals = match p[2] {
        None | Some(Value::None) => None,
        Some(l) if l.obj().is_some_and(|o| o.as_dict().is_some()) => Some(l),
        Some(l) => {
            let tn = ops::type_name(vm, l);
            let msg = if ops::special(vm, l, sym::GETITEM).is_some() {
                format!("stitch: {name}() supports dicts as locals, not '{tn}'")
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.new_error(vm.types.type_error, &msg));
        }
    };
    let code = code_of(vm, name, mode, source)?;
    let (globals, locals) = match (globals, locals) {
        (Some(g), l) => (g, l.unwrap_or(Value::Obj(g))),
        (None, l) => {
            let Some(frame) = vm.frames.last() else {
                return Err(vm.new_error(vm.types.system_error, "no frame to run in"));
            };
            let g = frame.globals;
            let l = match l {
                Some(l) => l,
                None => crate::runtime::introspect::current_locals(vm)?,
            };
            (g, l)
        }
    };
    // CPython gives code run this way its builtins through `__builtins__`.
    let key = vm.new_str("__builtins__");
    if crate::runtime::dictops::get(vm, globals, key)?.is_none() {
        let builtins = Value::Obj(vm.builtins);
        crate::runtime::dictops::set(vm, globals, key, builtins)?;
    }
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&[Value::Obj(globals), locals]);
    let result = vm.run_code(code, globals, locals);
    vm.temp_roots.truncate(mark);
    result
}

/// The code object for `source`: compiled from a str (or bytes, as UTF-8), or a code object
/// from `compile()`.
fn code_of(vm: &mut Vm, name: &str, mode: Mode, source: Value) -> PyResult<&'static CodeObject> {
    if let Some(ObjKind::Code(code)) = source.obj().map(|o| &o.kind) {
        return Ok(code);
    }
    let text = match strings::as_str(source) {
        Some(s) => s.to_string(),
        None => match crate::runtime::bytes::data(source) {
            Some(b) => crate::runtime::bytes::decode(vm, &b, "utf-8", "strict")?,
            None => {
                let msg = format!("{name}() arg 1 must be a string, bytes or code object");
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
        },
    };
    compile_text(vm, &text, "<string>", mode)
}

fn compile_text(vm: &mut Vm, text: &str, filename: &str, mode: Mode) -> PyResult<&'static CodeObject> {
    if text.contains('\0') {
        return Err(vm.new_error(vm.types.syntax_error, "source code string cannot contain null bytes"));
    }
    let compiled = match mode {
        Mode::Exec => crate::frontend::compile(text, filename),
        Mode::Eval => crate::frontend::compile_eval(text, filename),
    };
    match compiled {
        Ok(code) => Ok(vm.load_code(&code)),
        Err(e) => {
            let message = e.message.strip_prefix("SyntaxError: ").unwrap_or(&e.message);
            if let Some(m) = message.strip_prefix("RecursionError: ") {
                return Err(vm.new_error(vm.types.recursion_error, m));
            }
            let full = format!("{message} ({filename}, line {})", e.line);
            let err = vm.new_error(vm.types.syntax_error, &full);
            // The attributes CPython's SyntaxError carries, which its traceback display uses.
            let line_text = text.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("").to_string();
            let attrs: [(&str, Value); 5] = [
                ("msg", vm.new_str(message)),
                ("filename", vm.new_str(filename)),
                ("lineno", Value::Int(e.line as i64)),
                ("offset", Value::Int(e.col as i64)),
                ("text", vm.new_string(line_text)),
            ];
            for (name, v) in attrs {
                let s = vm.intern(name);
                crate::runtime::attr::setattr(vm, Value::Obj(err.0), s, v)?;
            }
            Err(err)
        }
    }
}

/// `compile(source, filename, mode)`: a code object for `exec` (`"exec"`) or `eval`
/// (`"eval"`).
pub fn compile(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let names = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let p = crate::runtime::containers::clinic_args(vm, "compile", args, kw, &names)?;
    let (Some(source), Some(filename), Some(mode)) = (p[0], p[1], p[2]) else {
        let missing = if p[0].is_none() {
            "'source' (pos 1)"
        } else if p[1].is_none() {
            "'filename' (pos 2)"
        } else {
            "'mode' (pos 3)"
        };
        return Err(vm.new_error(vm.types.type_error, &format!("compile() missing required argument {missing}")));
    };
    let filename = match strings::as_str(filename) {
        Some(f) => f.to_string(),
        None => {
            let tn = ops::type_name(vm, filename);
            let msg = format!("compile() argument 'filename' must be str, not {tn}");
            return Err(vm.new_error(vm.types.type_error, &msg));
        }
    };
    let mode = match strings::as_str(mode) {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => {
            return Err(vm.new_error(vm.types.value_error, "stitch: compile() supports the modes 'exec' and 'eval'"));
        }
        _ => {
            return Err(vm.new_error(vm.types.value_error, "compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    let text = match strings::as_str(source) {
        Some(s) => s.to_string(),
        None => match crate::runtime::bytes::data(source) {
            Some(b) => crate::runtime::bytes::decode(vm, &b, "utf-8", "strict")?,
            None => {
                let msg = "compile() arg 1 must be a string, bytes or AST object";
                return Err(vm.new_error(vm.types.type_error, msg));
            }
        },
    };
    let code = compile_text(vm, &text, &filename, mode)?;
    Ok(Value::Obj(vm.alloc(ObjKind::Code(code))))
}

impl Vm {
    /// Runs `code` in a new entry frame with the given namespaces and returns its value.
    pub fn run_code(&mut self, code: &'static CodeObject, globals: ObjRef, locals: Value) -> PyResult<Value> {
        self.enter_native()?;
        let base = self.sp;
        let frame = Frame {
            code,
            func: Value::Null,
            globals,
            locals_dict: locals,
            base,
            sp: base + code.nlocalsplus,
            pc: 0,
            kind: FrameKind::Call,
            entry: true,
        };
        let result = match self.push_frame(frame, 0) {
            Ok(()) => {
                self.sp = base + code.nlocalsplus;
                self.run().map(|exit| match exit {
                    crate::interpreter::Exit::Return(v) | crate::interpreter::Exit::Yield(v) => v,
                    crate::interpreter::Exit::Stepped => Value::None,
                })
            }
            Err(e) => Err(e),
        };
        self.sp = base;
        self.leave_native();
        result
    }
}
