//! Calls: binding arguments to parameters and entering functions, natives and classes.
//!
//! A call site leaves `[callable, self_or_null, args..., kwargs values...]` on the stack.
//! For a Python function the arguments become the callee's first locals *in place*: when the
//! call matches the parameters exactly (the common case) nothing is copied at all; otherwise
//! [`Vm::bind_arguments`] computes the locals (defaults, `*args`, `**kwargs`, keywords) and
//! writes them back at the same position. Calls made by the run loop push the frame and let
//! the loop continue in it ([`CallOutcome::FramePushed`]); calls made from Rust
//! ([`Vm::call`]) run the new frame in a nested loop. Class calls create the instance and
//! enter `__init__` as a frame whose result is replaced by the instance.

use crate::runtime::interner::{sym, Sym};
use crate::runtime::object::{Function, Layout, ObjKind};
use crate::runtime::value::{ObjRef, Value};

use super::{Exit, Frame, FrameKind, PyResult, Vm};

/// What a call made from the run loop produced.
pub enum CallOutcome {
    /// The call completed; `Vm::sp` is back at the callable's slot.
    Value(Value),
    /// A Python frame was pushed; the loop continues in it.
    FramePushed,
}

impl Vm {
    /// `CALL`: the callable is at `pos`, `self_or_null` at `pos + 1`, then `argc` arguments
    /// (the last `len(kwnames)` of them keyword arguments).
    pub fn call_from_stack(&mut self, pos: usize, argc: usize, kwnames: Value) -> PyResult<CallOutcome> {
        let callable = self.slot(pos);
        let (start, nargs) = if self.slot(pos + 1).is_null() { (pos + 2, argc) } else { (pos + 1, argc + 1) };
        self.invoke(callable, pos, start, nargs, kwnames, false)
    }

    /// `CALL_FUNCTION_EX`: `[callable, self_or_null, args_tuple, kwargs_dict?]` ending at `sp`.
    pub fn call_function_ex(&mut self, sp: usize, has_kwargs: bool) -> PyResult<CallOutcome> {
        let pos = if has_kwargs { sp - 4 } else { sp - 3 };
        let callable = self.slot(pos);
        let receiver = self.slot(pos + 1);
        let star = self.slot(pos + 2);
        let mut args = Vec::new();
        if !receiver.is_null() {
            args.push(receiver);
        }
        args.extend(crate::runtime::iter::collect(self, star)?);
        let mut kw: Vec<(Sym, Value)> = Vec::new();
        if has_kwargs {
            let d = self.slot(pos + 3);
            kw = crate::runtime::dictops::kwargs_pairs(self, d)?;
        }
        // Lay the call out again as an ordinary CALL with keyword names.
        self.sp = pos;
        self.push(callable)?;
        self.push(Value::Null)?;
        for a in &args {
            self.push(*a)?;
        }
        let kwnames = if kw.is_empty() {
            Value::Null
        } else {
            for (_, v) in &kw {
                self.push(*v)?;
            }
            let names = kw.iter().map(|(k, _)| self.sym_value(*k)).collect();
            self.new_tuple(names)
        };
        self.invoke(callable, pos, pos + 2, args.len() + kw.len(), kwnames, false)
    }

    /// Calls the callable at `pos` with the `argc` positional arguments above it (and the
    /// self-or-null slot), all on the stack at the running frame's top, to completion: a Python
    /// callee runs in a nested loop. Returns the result; `Vm::sp` is back at `pos`. (A trace's
    /// `_CALL`: the caller's frame record must be synced.)
    pub fn call_in_place(&mut self, pos: usize, argc: usize) -> PyResult<Value> {
        let callable = self.slot(pos);
        let (start, nargs) = if self.slot(pos + 1).is_null() { (pos + 2, argc) } else { (pos + 1, argc + 1) };
        self.enter_native()?;
        let result = match self.invoke(callable, pos, start, nargs, Value::Null, true) {
            Ok(CallOutcome::Value(v)) => Ok(v),
            Ok(CallOutcome::FramePushed) => match self.run() {
                Ok(Exit::Return(v) | Exit::Yield(v)) => Ok(v),
                Ok(Exit::Stepped) => Ok(Value::None),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        self.sp = pos;
        self.leave_native();
        result
    }

    /// [`Vm::call_in_place`] for the commonest callees of compiled traces, without the general
    /// dispatch: a built-in function (no bound receiver) gets the arguments where they lie, and
    /// a built-in class with a native constructor (no metaclass, not abstract) gets itself and
    /// them (written over the empty self slot). None for any other callee (nothing was done).
    /// No keyword arguments.
    pub fn call_builtin_in_place(&mut self, pos: usize, argc: usize) -> Option<PyResult<Value>> {
        let Value::Obj(callee) = self.slot(pos) else { return None };
        let self_null = self.slot(pos + 1).is_null();
        let (func, start, nargs) = match &callee.kind {
            ObjKind::Native(n) if n.receiver.is_null() => {
                if self_null {
                    (n.func, pos + 2, argc)
                } else {
                    (n.func, pos + 1, argc + 1)
                }
            }
            ObjKind::Class(class) if self_null && class.metaclass.get().is_none() && !class.is_abstract.get() => {
                let new = class.native_new.get()?;
                self.set_slot(pos + 1, Value::Obj(callee));
                (new, pos + 1, argc + 1)
            }
            _ => return None,
        };
        self.sp = start + nargs;
        let args = self.stack_slice(start, start + nargs);
        let result = func(self, args, &[]);
        self.sp = pos;
        Some(result)
    }

    /// A call of the class `obj` (whose `class` data this is) that creates a plain instance:
    /// no native constructor, metaclass or Python `__new__` (the callers checked). Creates the
    /// instance and runs `__init__`: a Python `__init__`'s frame is pushed (with `entry`, as an
    /// entry frame; its return leaves the instance), a native one is called at once.
    #[allow(clippy::too_many_arguments)]
    pub fn instantiate(
        &mut self,
        obj: ObjRef,
        class: &crate::runtime::object::Class,
        result_pos: usize,
        start: usize,
        nargs: usize,
        kwnames: Value,
        entry: bool,
    ) -> PyResult<CallOutcome> {
        let layout = class.layout;
        let instance = self.new_instance(obj, layout);
        if layout == Layout::Exception {
            let nkw = tuple_len(kwnames);
            let args = self.stack_slice(start, start + nargs - nkw).to_vec();
            let t = self.new_tuple(args);
            if let Some(e) = instance.obj().and_then(|o| o.as_exception()) {
                e.borrow_mut().args = t;
            }
        }
        let init = class.lookup(sym::INIT);
        match init.and_then(|i| i.as_obj()) {
            Some(init_obj) if matches!(init_obj.kind, ObjKind::Function(_)) => {
                let ObjKind::Function(f) = &init_obj.kind else { unreachable!() };
                if start == result_pos + 2 {
                    self.set_slot(result_pos + 1, instance);
                    self.set_slot(result_pos, Value::Obj(init_obj));
                    self.enter_function(
                        init_obj,
                        f,
                        result_pos,
                        start - 1,
                        nargs + 1,
                        kwnames,
                        FrameKind::Init(instance),
                        entry,
                    )?;
                } else {
                    let mut args = vec![instance];
                    args.extend_from_slice(self.stack_slice(start, start + nargs));
                    self.sp = result_pos;
                    self.push(Value::Obj(init_obj))?;
                    self.push(Value::Null)?;
                    for a in &args {
                        self.push(*a)?;
                    }
                    self.enter_function(
                        init_obj,
                        f,
                        result_pos,
                        result_pos + 2,
                        args.len(),
                        kwnames,
                        FrameKind::Init(instance),
                        entry,
                    )?;
                }
                Ok(CallOutcome::FramePushed)
            }
            Some(init_obj) => {
                // A native __init__ (object, list, Exception): call it with the instance.
                let nkw = tuple_len(kwnames);
                let kw = self.kw_pairs(kwnames, start + nargs - nkw);
                let mut args = vec![instance];
                args.extend_from_slice(self.stack_slice(start, start + nargs - nkw));
                self.sp = start + nargs;
                self.temp_roots.push(instance);
                let r = self.call(Value::Obj(init_obj), &args, &kw);
                self.temp_roots.pop();
                r?;
                self.sp = result_pos;
                Ok(CallOutcome::Value(instance))
            }
            None => {
                self.sp = result_pos;
                Ok(CallOutcome::Value(instance))
            }
        }
    }

    /// Calls `callable` from Rust code.
    pub fn call(&mut self, callable: Value, args: &[Value], kw: &[(Sym, Value)]) -> PyResult<Value> {
        self.enter_native()?;
        let pos = self.sp;
        let result = self.call_at(pos, callable, args, kw);
        self.sp = pos;
        self.leave_native();
        result
    }

    fn call_at(&mut self, pos: usize, callable: Value, args: &[Value], kw: &[(Sym, Value)]) -> PyResult<Value> {
        self.push(callable)?;
        self.push(Value::Null)?;
        for a in args {
            self.push(*a)?;
        }
        for (_, v) in kw {
            self.push(*v)?;
        }
        let kwnames = if kw.is_empty() {
            Value::Null
        } else {
            let names = kw.iter().map(|(k, _)| self.sym_value(*k)).collect();
            self.new_tuple(names)
        };
        match self.invoke(callable, pos, pos + 2, args.len() + kw.len(), kwnames, true)? {
            CallOutcome::Value(v) => Ok(v),
            CallOutcome::FramePushed => match self.run()? {
                Exit::Return(v) | Exit::Yield(v) => Ok(v),
                // Only `Vm::step` stops a run after one instruction, never on a new entry frame.
                Exit::Stepped => Ok(Value::None),
            },
        }
    }

    /// Calls `callable` with the `nargs` values at `start..` (keyword values last, named by
    /// `kwnames`); the result belongs at `result_pos`. With `entry`, a pushed frame is marked as
    /// an entry frame for the caller to run.
    pub fn invoke(
        &mut self,
        callable: Value,
        result_pos: usize,
        start: usize,
        nargs: usize,
        kwnames: Value,
        entry: bool,
    ) -> PyResult<CallOutcome> {
        let Value::Obj(obj) = callable else {
            return Err(self.not_callable(callable));
        };
        match &obj.kind {
            ObjKind::Function(f) => {
                self.enter_function(obj, f, result_pos, start, nargs, kwnames, FrameKind::Call, entry)?;
                Ok(CallOutcome::FramePushed)
            }
            ObjKind::Native(n) => {
                let func = n.func;
                let receiver = n.receiver;
                let nkw = tuple_len(kwnames);
                self.sp = start + nargs;
                let kw = self.kw_pairs(kwnames, start + nargs - nkw);
                let v = if receiver.is_null() {
                    let args = self.stack_slice(start, start + nargs - nkw);
                    func(self, args, &kw)?
                } else {
                    let mut args = vec![receiver];
                    args.extend_from_slice(self.stack_slice(start, start + nargs - nkw));
                    func(self, &args, &kw)?
                };
                self.sp = result_pos;
                Ok(CallOutcome::Value(v))
            }
            ObjKind::BoundMethod { receiver, func } => {
                let (receiver, func) = (*receiver, *func);
                if start == result_pos + 2 {
                    // The self slot is free: put the receiver there and call the function.
                    self.set_slot(result_pos + 1, receiver);
                    self.set_slot(result_pos, func);
                    self.invoke(func, result_pos, start - 1, nargs + 1, kwnames, entry)
                } else {
                    let mut args = vec![receiver];
                    args.extend_from_slice(self.stack_slice(start, start + nargs));
                    self.relayout(func, result_pos, &args, kwnames, entry)
                }
            }
            ObjKind::Class(class) => {
                if class.metaclass.get().is_some() || class.is_abstract.get() {
                    // A metaclass's `__call__`, or the checks of `type.__call__`.
                    let nkw = tuple_len(kwnames);
                    self.sp = start + nargs;
                    let kw = self.kw_pairs(kwnames, start + nargs - nkw);
                    let args = self.stack_slice(start, start + nargs - nkw).to_vec();
                    let v = match crate::runtime::metaclass::meta_lookup(self, obj, sym::CALL) {
                        Some(f) => {
                            let mut all = vec![callable];
                            all.extend_from_slice(&args);
                            self.call(f, &all, &kw)?
                        }
                        None => crate::runtime::metaclass::construct_plain(self, obj, &args, &kw)?,
                    };
                    self.sp = result_pos;
                    return Ok(CallOutcome::Value(v));
                }
                if let Some(new) = class.native_new.get() {
                    let nkw = tuple_len(kwnames);
                    self.sp = start + nargs;
                    let kw = self.kw_pairs(kwnames, start + nargs - nkw);
                    let mut args = vec![callable];
                    args.extend_from_slice(self.stack_slice(start, start + nargs - nkw));
                    let v = new(self, &args, &kw)?;
                    self.sp = result_pos;
                    return Ok(CallOutcome::Value(v));
                }
                if let Some(new) = crate::runtime::types::custom_new(obj) {
                    let nkw = tuple_len(kwnames);
                    self.sp = start + nargs;
                    let kw = self.kw_pairs(kwnames, start + nargs - nkw);
                    let args = self.stack_slice(start, start + nargs - nkw).to_vec();
                    let v = crate::runtime::types::construct_with_new(self, obj, new, &args, &kw)?;
                    self.sp = result_pos;
                    return Ok(CallOutcome::Value(v));
                }
                self.instantiate(obj, class, result_pos, start, nargs, kwnames, entry)
            }
            ObjKind::StaticMethod(f) => {
                let f = *f;
                let args = self.stack_slice(start, start + nargs).to_vec();
                self.relayout(f, result_pos, &args, kwnames, entry)
            }
            _ => {
                // Instances with __call__.
                let class = self.type_of(callable);
                let call = class.as_class().and_then(|c| c.lookup(sym::CALL));
                match call {
                    Some(f) => {
                        let mut args = vec![callable];
                        args.extend_from_slice(self.stack_slice(start, start + nargs));
                        self.relayout(f, result_pos, &args, kwnames, entry)
                    }
                    None => Err(self.not_callable(callable)),
                }
            }
        }
    }

    /// Rewrites the call area at `result_pos` as `[func, NULL, args...]` and invokes `func`.
    fn relayout(
        &mut self,
        func: Value,
        result_pos: usize,
        args: &[Value],
        kwnames: Value,
        entry: bool,
    ) -> PyResult<CallOutcome> {
        self.sp = result_pos;
        self.push(func)?;
        self.push(Value::Null)?;
        for a in args {
            self.push(*a)?;
        }
        self.invoke(func, result_pos, result_pos + 2, args.len(), kwnames, entry)
    }

    /// Binds the arguments at `start..start + nargs` to `f`'s parameters and pushes its frame.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn enter_function(
        &mut self,
        func_obj: ObjRef,
        f: &Function,
        result_pos: usize,
        start: usize,
        nargs: usize,
        kwnames: Value,
        kind: FrameKind,
        entry: bool,
    ) -> PyResult<()> {
        let code = f.code;
        let filled = if f.simple && kwnames.is_null() && nargs == code.code.argcount as usize {
            nargs
        } else {
            let locals = self.bind_arguments(f, start, nargs, kwnames)?;
            for (i, v) in locals.iter().enumerate() {
                self.set_slot(start + i, *v);
            }
            locals.len()
        };
        if !entry {
            if let Some(caller) = self.frames.last_mut() {
                caller.sp = result_pos;
            }
        }
        let frame = Frame {
            code,
            func: Value::Obj(func_obj),
            globals: f.globals,
            locals_dict: Value::Null,
            base: start,
            sp: start + code.nlocalsplus,
            pc: 0,
            kind,
            entry,
        };
        self.push_frame(frame, filled)?;
        self.sp = start + code.nlocalsplus;
        Ok(())
    }

    /// Computes the initial locals of a call to `f` (parameters only) from the arguments on the
    /// stack, with CPython's error messages.
    fn bind_arguments(&mut self, f: &Function, start: usize, nargs: usize, kwnames: Value) -> PyResult<Vec<Value>> {
        let code = &f.code.code;
        let nkw = tuple_len(kwnames);
        let npos = nargs - nkw;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & crate::bytecode::flags::VARARGS != 0;
        let has_varkw = code.flags & crate::bytecode::flags::VARKEYWORDS != 0;
        let nparams = argcount + kwonly + has_varargs as usize + has_varkw as usize;
        let mut locals = vec![Value::Null; nparams];
        let args: Vec<Value> = self.stack_slice(start, start + nargs).to_vec();
        let fname = f.qualname().to_string();

        for i in 0..npos.min(argcount) {
            locals[i] = args[i];
        }
        // (Too many positional arguments is reported after the keywords, as CPython does.)
        let too_many = npos > argcount && !has_varargs;
        if npos > argcount {
            if has_varargs {
                locals[argcount + kwonly] = self.new_tuple(args[argcount..npos].to_vec());
            }
        } else if has_varargs {
            locals[argcount + kwonly] = self.new_tuple(Vec::new());
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            locals[nparams - 1] = Value::Obj(d);
            Some(d)
        } else {
            None
        };
        if let Some(names) = kwnames.obj().and_then(|o| o.as_tuple()) {
            let names = names.to_vec();
            for (j, name) in names.iter().enumerate() {
                let value = args[npos + j];
                let name_str = crate::runtime::strings::as_str(*name).unwrap_or("").to_string();
                let sym = self.intern(&name_str);
                let posonly = code.posonlyargcount as usize;
                let found = f.code.varnames[..argcount + kwonly]
                    .iter()
                    .enumerate()
                    .skip(posonly)
                    .find(|(_, s)| **s == sym)
                    .map(|(i, _)| i);
                match found {
                    Some(i) => {
                        if !locals[i].is_null() {
                            return Err(self.new_error(
                                self.types.type_error,
                                &format!("{fname}() got multiple values for argument '{name_str}'"),
                            ));
                        }
                        locals[i] = value;
                    }
                    None => match kwdict {
                        Some(d) => crate::runtime::dictops::set(self, d, *name, value)?,
                        None => {
                            return Err(self.new_error(
                                self.types.type_error,
                                &format!("{fname}() got an unexpected keyword argument '{name_str}'"),
                            ))
                        }
                    },
                }
            }
        }
        if too_many {
            let ndefaults = f.defaults().len();
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            let kwonly_given = locals[argcount..argcount + kwonly].iter().filter(|v| !v.is_null()).count();
            let given = if kwonly_given > 0 {
                format!(
                    "{npos} positional argument{} (and {kwonly_given} keyword-only argument{}) were given",
                    plural(npos),
                    plural(kwonly_given)
                )
            } else {
                format!("{npos} {} given", if npos == 1 { "was" } else { "were" })
            };
            let msg = if ndefaults > 0 {
                format!("{fname}() takes from {} to {argcount} positional arguments but {given}", argcount - ndefaults)
            } else {
                format!("{fname}() takes {argcount} positional argument{} but {given}", plural(argcount))
            };
            return Err(self.new_error(self.types.type_error, &msg));
        }
        // Defaults for missing positional parameters.
        let ndefaults = f.defaults().len();
        let first_default = argcount.saturating_sub(ndefaults);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_null() {
                if i >= first_default {
                    locals[i] = f.defaults()[i - first_default];
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            let msg = format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            );
            return Err(self.new_error(self.types.type_error, &msg));
        }
        for i in argcount..argcount + kwonly {
            if locals[i].is_null() {
                let sym = f.code.varnames[i];
                match f.kwdefaults.iter().find(|(s, _)| *s == sym) {
                    Some((_, v)) => locals[i] = *v,
                    None => missing.push(code.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            let msg = format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            );
            return Err(self.new_error(self.types.type_error, &msg));
        }
        Ok(locals)
    }

    /// Keyword (name, value) pairs for a native call: values at `at..`, names in `kwnames`.
    fn kw_pairs(&mut self, kwnames: Value, at: usize) -> Vec<(Sym, Value)> {
        let Some(names) = kwnames.obj().and_then(|o| o.as_tuple()) else {
            return Vec::new();
        };
        let names = names.to_vec();
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let text = crate::runtime::strings::as_str(*n).unwrap_or("").to_string();
                (self.intern(&text), self.slot(at + i))
            })
            .collect()
    }

    /// `MAKE_FUNCTION`: pops the code and the flagged extras ending at `sp`.
    pub fn make_function(&mut self, flags: u32, sp: usize, globals: ObjRef) -> PyResult<Value> {
        let mut sp = sp;
        let code_val = self.slot(sp - 1);
        sp -= 1;
        let Some(ObjKind::Code(code)) = code_val.obj().map(|o| &o.kind) else {
            return Err(self.new_error(self.types.system_error, "MAKE_FUNCTION without code"));
        };
        let code = *code;
        let mut closure = Value::Null;
        if flags & 0x08 != 0 {
            closure = self.slot(sp - 1);
            sp -= 1;
        }
        let mut annotations = Value::Null;
        if flags & 0x04 != 0 {
            annotations = self.slot(sp - 1);
            sp -= 1;
        }
        let mut kwdefaults = Vec::new();
        if flags & 0x02 != 0 {
            let d = self.slot(sp - 1);
            for (k, v) in crate::runtime::dictops::kwargs_pairs(self, d)? {
                kwdefaults.push((k, v));
            }
            sp -= 1;
        }
        let mut defaults = Value::Null;
        if flags & 0x01 != 0 {
            defaults = self.slot(sp - 1);
            sp -= 1;
        }
        let c = &code.code;
        let simple = c.flags & (crate::bytecode::flags::VARARGS | crate::bytecode::flags::VARKEYWORDS) == 0
            && c.kwonlyargcount == 0;
        let f = Function {
            code,
            globals,
            renamed: std::cell::RefCell::new(None),
            defaults,
            kwdefaults,
            closure,
            simple,
            attrs: Default::default(),
        };
        if let Some(pairs) = annotations.obj().and_then(|o| o.as_tuple()).map(|t| t.to_vec()) {
            // `__annotations__`: the (name, value) pairs as a dict.
            let d = self.new_dict();
            for pair in pairs.chunks(2) {
                if let [k, v] = pair {
                    crate::runtime::dictops::set(self, d, *k, *v)?;
                }
            }
            f.attrs.borrow_mut().push((crate::runtime::interner::sym::ANNOTATIONS, Value::Obj(d)));
        }
        let v = Value::Obj(self.alloc(ObjKind::Function(Box::new(f))));
        self.sp = sp;
        Ok(v)
    }

    /// Runs a class body function with `ns` as its namespace (`__build_class__`).
    pub fn run_class_body(&mut self, func: Value, ns: ObjRef) -> PyResult<Value> {
        let Some(fobj) = func.as_obj() else {
            return Err(self.new_error(self.types.type_error, "__build_class__: func must be a function"));
        };
        let ObjKind::Function(f) = &fobj.kind else {
            return Err(self.new_error(self.types.type_error, "__build_class__: func must be a function"));
        };
        self.enter_native()?;
        let pos = self.sp;
        let result = (|| {
            self.push(func)?;
            self.push(Value::Null)?;
            self.enter_function(fobj, f, pos, pos + 2, 0, Value::Null, FrameKind::Call, true)?;
            if let Some(top) = self.frames.last_mut() {
                top.locals_dict = Value::Obj(ns);
            }
            match self.run()? {
                Exit::Return(v) | Exit::Yield(v) => Ok(v),
                // Only `Vm::step` stops a run after one instruction, never on a new entry frame.
                Exit::Stepped => Ok(Value::None),
            }
        })();
        self.sp = pos;
        self.leave_native();
        result
    }

    fn not_callable(&mut self, v: Value) -> super::PyErr {
        let tn = crate::runtime::ops::type_name(self, v);
        self.new_error(self.types.type_error, &format!("'{tn}' object is not callable"))
    }
}

fn tuple_len(v: Value) -> usize {
    v.obj().and_then(|o| o.as_tuple()).map(|t| t.len()).unwrap_or(0)
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as in CPython's argument errors.
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}
