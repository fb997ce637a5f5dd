//! Context managers: the two instructions of the `with` statement that call into the object.
//!
//! `BEFORE_WITH` looks `__enter__` and `__exit__` up on the manager's class (special methods are
//! found on the type, never on the instance, as in CPython), keeps `__exit__` bound on the
//! stack and calls `__enter__`. Leaving the block normally, or by `return`/`break`/`continue`,
//! calls the bound `__exit__` with three Nones (plain bytecode: `CALL 2`); leaving it by an
//! exception runs `WITH_EXCEPT_START`, which passes the exception's type and value (stitch has
//! no traceback objects: the third argument is None), and the block's handler suppresses the
//! exception when the result is true.

use crate::runtime::attr;
use crate::runtime::interner::{sym, Sym};
use crate::runtime::ops;
use crate::runtime::value::Value;

use super::{PyResult, Vm};

impl Vm {
    /// `mgr.__exit__` bound, for `BEFORE_WITH` (which then calls [`Vm::with_enter`]).
    pub fn with_exit(&mut self, mgr: Value) -> PyResult<Value> {
        // (`__enter__` first: CPython reports a missing `__enter__` before a missing `__exit__`.)
        self.context_method(mgr, sym::ENTER)?;
        let exit = self.context_method(mgr, sym::EXIT)?;
        let class = self.type_of(mgr);
        attr::bind(self, exit, mgr, class)
    }

    /// `mgr.__enter__()`.
    pub fn with_enter(&mut self, mgr: Value) -> PyResult<Value> {
        let enter = self.context_method(mgr, sym::ENTER)?;
        ops::call_method_value(self, enter, &[mgr])
    }

    /// `WITH_EXCEPT_START`: `exit(type(exc), exc, None)`.
    pub fn with_except_start(&mut self, exit: Value, exc: Value) -> PyResult<Value> {
        let class = Value::Obj(self.type_of(exc));
        self.call(exit, &[class, exc, Value::None], &[])
    }

    /// A context-manager method of `mgr`'s class, or CPython's TypeError.
    fn context_method(&mut self, mgr: Value, name: Sym) -> PyResult<Value> {
        let class = self.type_of(mgr);
        match class.as_class().and_then(|c| c.lookup(name)) {
            Some(method) => Ok(method),
            None => {
                let tn = ops::type_name(self, mgr);
                let what = if name == sym::ENTER { "" } else { " (missed __exit__ method)" };
                Err(self.new_error(
                    self.types.type_error,
                    &format!("'{tn}' object does not support the context manager protocol{what}"),
                ))
            }
        }
    }
}
