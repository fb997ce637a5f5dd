//! Global and name lookups: `LOAD_GLOBAL` with its dict-version cache, and the `*_NAME`
//! family used by module and class bodies.
//!
//! A `LOAD_GLOBAL` cache remembers where the name was found — entry `i` of the globals dict,
//! or of the builtins dict when absent from globals — together with the dicts' versions.
//! Versions change only when keys are added or removed, so while both are unchanged the entry
//! index is still right and rebinding a global's value needs no invalidation.

use std::cell::Cell;

use crate::runtime::dictops;
use crate::runtime::interner::Sym;
use crate::runtime::value::{ObjRef, Value};

use super::code::{Cache, CodeObject};
use super::{Frame, PyResult, Vm};

impl Vm {
    /// `LOAD_GLOBAL`: `names[namei]` from globals, then builtins, through the inline cache.
    #[inline]
    pub fn load_global_cached(
        &mut self,
        code: &'static CodeObject,
        pc: usize,
        globals: ObjRef,
        namei: u32,
    ) -> PyResult<Value> {
        let cache: &Cell<Cache> = &code.caches[pc][0];
        let gdict = globals.as_dict();
        if let (Cache::Global { globals: gv, builtins: bv, index }, Some(g)) = (cache.get(), gdict) {
            let g = g.borrow();
            if g.version == gv {
                if bv == 0 {
                    if let Some(e) = g.entry(index as usize) {
                        return Ok(e.value);
                    }
                } else if let Some(b) = self.builtins.as_dict() {
                    let b = b.borrow();
                    if b.version == bv {
                        if let Some(e) = b.entry(index as usize) {
                            return Ok(e.value);
                        }
                    }
                }
            }
        }
        let name = code.names[namei as usize];
        self.load_global_slow(cache, globals, name)
    }

    /// `STORE_NAME`/`STORE_GLOBAL` of an existing global through the cache `LOAD_NAME` and
    /// the previous store left: replaces the value in place. False on a miss (the caller
    /// takes the general path, which may add the key).
    #[inline]
    pub fn store_global_cached(&mut self, code: &'static CodeObject, pc: usize, globals: ObjRef, v: Value) -> bool {
        let cache: &Cell<Cache> = &code.caches[pc][0];
        let Some(g) = globals.as_dict() else { return false };
        let Ok(mut g) = g.try_borrow_mut() else { return false };
        match cache.get() {
            Cache::Global { globals: gv, builtins: 0, index } if g.version == gv => {
                if g.entry(index as usize).is_some_and(|e| !e.key.is_null()) {
                    g.set_value_at(index as usize, v);
                    return true;
                }
                false
            }
            _ => {
                // Fill the cache when the name already exists (the general path adds it).
                let name = code.names[code.code.instrs[pc].arg as usize];
                let key = self.sym_value(name);
                let hash = crate::runtime::strings::hash_sym_value(key);
                if let Ok(Some(i)) = g.find(key, hash, &mut |a, b| Ok(str_eq(a, b))) {
                    g.set_value_at(i, v);
                    cache.set(Cache::Global { globals: g.version, builtins: 0, index: i as u32 });
                    return true;
                }
                false
            }
        }
    }

    fn load_global_slow(&mut self, cache: &Cell<Cache>, globals: ObjRef, name: Sym) -> PyResult<Value> {
        let key = self.sym_value(name);
        let hash = crate::runtime::strings::hash_sym_value(key);
        if let Some(g) = globals.as_dict() {
            let g = g.borrow();
            if let Some(i) = g.find(key, hash, &mut |a, b| Ok(str_eq(a, b)))? {
                cache.set(Cache::Global { globals: g.version, builtins: 0, index: i as u32 });
                return Ok(g.entry(i).map(|e| e.value).unwrap_or(Value::None));
            }
            if let Some(b) = self.builtins.as_dict() {
                let b = b.borrow();
                if let Some(i) = b.find(key, hash, &mut |a, b| Ok(str_eq(a, b)))? {
                    cache.set(Cache::Global { globals: g.version, builtins: b.version, index: i as u32 });
                    return Ok(b.entry(i).map(|e| e.value).unwrap_or(Value::None));
                }
            }
        }
        Err(self.name_error(name))
    }

    pub fn name_error(&mut self, name: Sym) -> super::PyErr {
        let n = self.sym_str(name).to_string();
        self.new_error(self.types.name_error, &format!("name '{n}' is not defined"))
    }

    pub fn store_global(&mut self, globals: ObjRef, name: Sym, v: Value) -> PyResult<()> {
        let key = self.sym_value(name);
        dictops::set(self, globals, key, v)
    }

    pub fn delete_global(&mut self, globals: ObjRef, name: Sym) -> PyResult<()> {
        let key = self.sym_value(name);
        if dictops::remove(self, globals, key)?.is_none() {
            return Err(self.name_error(name));
        }
        Ok(())
    }

    /// `LOAD_NAME`: the frame's namespace, then globals, then builtins.
    pub fn load_name(&mut self, frame: &Frame, name: Sym) -> PyResult<Value> {
        let key = self.sym_value(name);
        if let Value::Obj(ns) = frame.locals_dict {
            if ns != frame.globals {
                if let Some(v) = dictops::get(self, ns, key)? {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = dictops::get(self, frame.globals, key)? {
            return Ok(v);
        }
        if let Some(v) = dictops::get(self, self.builtins, key)? {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    pub fn store_name(&mut self, frame: &Frame, name: Sym, v: Value) -> PyResult<()> {
        let ns = frame.locals_dict.as_obj().unwrap_or(frame.globals);
        let key = self.sym_value(name);
        dictops::set(self, ns, key, v)
    }

    pub fn delete_name(&mut self, frame: &Frame, name: Sym) -> PyResult<()> {
        let ns = frame.locals_dict.as_obj().unwrap_or(frame.globals);
        let key = self.sym_value(name);
        if dictops::remove(self, ns, key)?.is_none() {
            return Err(self.name_error(name));
        }
        Ok(())
    }
}

fn str_eq(a: Value, b: Value) -> bool {
    a.is(b)
        || match (crate::runtime::strings::as_str(a), crate::runtime::strings::as_str(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
}
