//! Recording names: globals through the dict-version guard and the entry's address, instance
//! attributes by shape and slot (with the class epoch), methods found on the class, closure
//! cells.

use super::*;

impl Recorder {
    pub(super) fn record_attr(&mut self, frame: &Frame, at: At) -> Result<Option<Trace>, Abort> {
        let At { pc, code, instr, arg } = at;
        let peek = |n: usize| frame.stack[frame.stack.len() - n];
        match instr.op {
            Opcode::LOAD_CLOSURE => {
                // The cell object itself, which the frame's start put in its slot.
                let slot = code.nlocals + arg as usize;
                self.load_local(slot, frame.locals[slot]).map_err(Abort::Why)?;
                self.set_top(1, Ty::Other);
            }
            Opcode::STORE_DEREF => {
                let slot = code.nlocals + arg as usize;
                let e = self.exit(pc);
                self.emit(TraceOp::new(_STORE_DEREF).oparg(slot as u32).exit(e));
                self.pop(1);
            }
            Opcode::LOAD_DEREF => {
                let slot = code.nlocals + arg as usize;
                let e = self.exit(pc);
                self.emit(TraceOp::new(_LOAD_DEREF).oparg(slot as u32).exit(e));
                self.push(Ty::Unknown);
            }
            Opcode::LOAD_GLOBAL => self.load_global(frame, arg, pc)?,
            Opcode::LOAD_ATTR => match peek(1) {
                Value::Obj(o) if matches!(o.kind, ObjKind::Module(_)) => self.load_module_attr(o, arg, pc)?,
                Value::Obj(o) if arg & 1 != 0 && !matches!(o.kind, ObjKind::Instance(_)) => {
                    self.load_builtin_method(o, frame.tos_class, pc)?
                }
                obj => {
                    let name = code.names[(arg >> 1) as usize];
                    crate::runtime::attr::prime_cache(obj, name, &code.caches[pc], arg & 1 != 0);
                    self.load_attr(obj, arg, pc)?
                }
            },
            Opcode::STORE_ATTR => {
                crate::runtime::attr::prime_store_cache(peek(1), code.names[arg as usize], &code.caches[pc]);
                if let Some((shape, slot)) = self.instance_slot(peek(1), pc, true) {
                    self.guard_shape(peek(1), shape, 1, pc);
                    self.emit(TraceOp::new(_STORE_ATTR_INSTANCE_VALUE).operands(slot, 0));
                } else {
                    // A new attribute: the shape's transition, as the interpreter's cache has it.
                    let (shape, slot, next) = self.instance_transition(peek(1), pc).ok_or(Abort::Generic)?;
                    self.guard_shape(peek(1), shape, 1, pc);
                    let e = self.exit(pc);
                    self.emit(TraceOp::new(_STORE_ATTR_INSTANCE_APPEND).operands(slot, next).exit(e));
                }
                self.pop(2);
            }
            op => return Err(Abort::Opcode(op)),
        }
        Ok(None)
    }

    /// `LOAD_GLOBAL` through its inline cache (filled by the interpreter's earlier runs): a
    /// guard on the dict version(s) and a load from the entry, which stays put while the version
    /// holds.
    fn load_global(&mut self, frame: &Frame, arg: u32, pc: usize) -> Result<(), Abort> {
        let Cache::Global { globals: gv, builtins: bv, index } = frame.code.caches[pc][0].get() else {
            return Err(Abort::Generic);
        };
        let g = frame.globals.as_dict().ok_or(Abort::Generic)?.borrow();
        if g.version != gv {
            return Err(Abort::Generic);
        }
        if bv == 0 {
            let (version, value) = g.jit_addresses(index as usize).ok_or(Abort::Generic)?;
            self.guard_word(_GUARD_GLOBALS_VERSION, version, gv, pc);
            self.emit(TraceOp::new(_LOAD_GLOBAL_MODULE).operands(value, 0));
        } else {
            let b = frame.builtins.as_dict().ok_or(Abort::Generic)?.borrow();
            if b.version != bv {
                return Err(Abort::Generic);
            }
            let (bversion, value) = b.jit_addresses(index as usize).ok_or(Abort::Generic)?;
            // Absent from globals at version gv: adding it there changes that version.
            self.guard_word(_GUARD_GLOBALS_VERSION, &g.version as *const u64 as u64, gv, pc);
            self.guard_word(_GUARD_BUILTINS_VERSION, bversion, bv, pc);
            self.emit(TraceOp::new(_LOAD_GLOBAL_BUILTINS).operands(value, 0));
        }
        // A global's value may be rebound without a version change: its type is unknown.
        self.push(Ty::Unknown);
        if arg & 1 != 0 {
            self.emit(TraceOp::new(_PUSH_NULL));
            self.push(Ty::Null);
        }
        Ok(())
    }

    pub(super) fn guard_word(&mut self, uop: Uop, address: u64, expected: u64, pc: usize) {
        let what = match uop {
            _GUARD_CLASS_EPOCH => "the class epoch",
            _GUARD_BUILTINS_VERSION => "the builtins' version",
            _ => "the globals' version",
        };
        self.name(address, what.to_string());
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).operands(address, expected).exit(e));
    }

    /// Guards that the value `depth` from the top (1: the top, 2: the one below) is an instance
    /// of `shape` (which fixes its class) and that no class changed since recording.
    pub(super) fn guard_shape(&mut self, obj: Value, shape: u64, depth: usize, pc: usize) {
        if let Some(ObjKind::Instance(inst)) = obj.obj().map(|o| &o.kind) {
            let class = match &inst.class.kind {
                ObjKind::Class(c) => c.name.clone(),
                _ => String::new(),
            };
            self.name(shape, format!("shape {} of {class}", inst.shape.get().id));
        }
        let guard = if depth == 2 { _GUARD_NOS_TYPE_VERSION } else { _GUARD_TYPE_VERSION };
        debug_assert!(depth == 1 || depth == 2, "shape guards read the top or the one below");
        let e = self.exit(pc);
        self.emit(TraceOp::new(guard).operands(shape, 0).exit(e));
        let epoch = crate::runtime::types::class_epoch();
        self.guard_word(_GUARD_CLASS_EPOCH, crate::runtime::types::class_epoch_address(), epoch, pc);
    }

    /// The shape and slot of the attribute instruction `pc` reaches on `obj`, from the
    /// instruction's inline cache, when it is an instance attribute (`store`: an existing one).
    fn instance_slot(&self, obj: Value, pc: usize, store: bool) -> Option<(u64, u64)> {
        self.slot_way(obj, pc, |transition| !store || !transition).map(|(shape, slot, _)| (shape, slot))
    }

    /// For a `STORE_ATTR` that adds an attribute to `obj`: its shape, the new slot and the
    /// shape after the store, from the instruction's inline cache.
    fn instance_transition(&self, obj: Value, pc: usize) -> Option<(u64, u64, u64)> {
        self.slot_way(obj, pc, |transition| transition)
    }

    /// The inline cache's `Slot` way for `obj`'s shape at the current class epoch, if `accept`
    /// takes it (told whether it is a transition to another shape): (shape, slot, next shape).
    fn slot_way(&self, obj: Value, pc: usize, accept: impl Fn(bool) -> bool) -> Option<(u64, u64, u64)> {
        let Value::Obj(o) = obj else { return None };
        let ObjKind::Instance(inst) = &o.kind else { return None };
        let shape = inst.shape.get() as *const _ as *const u8;
        let epoch = crate::runtime::types::class_epoch();
        self.cur_ref().code.caches[pc].iter().find_map(|way| match way.get() {
            Cache::Slot { shape: s, slot, next, epoch: e }
                if s as *const u8 == shape && e == epoch && accept(!std::ptr::eq(s, next)) =>
            {
                Some((shape as u64, slot as u64, next as *const u8 as u64))
            }
            _ => None,
        })
    }

    /// `LOAD_ATTR` of a module's attribute (`math.sqrt`, `random.random`) through the
    /// interpreter's `ModuleAttr` cache: guarded on the module and its dict's version, a load
    /// from the entry (as for globals).
    fn load_module_attr(&mut self, module: ObjRef, arg: u32, pc: usize) -> Result<(), Abort> {
        let ObjKind::Module(m) = &module.kind else { return Err(Abort::Generic) };
        let Cache::ModuleAttr { module: cached, version, index } = self.cur_ref().code.caches[pc][0].get() else {
            return Err(Abort::Generic);
        };
        if !std::ptr::eq(module.as_ptr(), cached) {
            return Err(Abort::Generic);
        }
        let d = m.dict.as_dict().ok_or(Abort::Generic)?.try_borrow().map_err(|_| Abort::Generic)?;
        if d.version != version {
            return Err(Abort::Generic);
        }
        let (version_address, value_address) = d.jit_addresses(index as usize).ok_or(Abort::Generic)?;
        drop(d);
        let e = self.exit(pc);
        self.emit(TraceOp::new(_GUARD_TOS_IS).operands(module.as_ptr() as u64, 0).exit(e));
        self.name(module.as_ptr() as u64, format!("module {}", m.name));
        self.emit(TraceOp::new(_GUARD_GLOBALS_VERSION).operands(version_address, version).exit(e));
        self.name(version_address, format!("module {}'s dict version", m.name));
        self.keep_alive.push(module);
        self.emit(TraceOp::new(_POP_TOP));
        self.emit(TraceOp::new(_LOAD_GLOBAL_MODULE).operands(value_address, 0));
        self.set_top(1, Ty::Unknown);
        if arg & 1 != 0 {
            self.emit(TraceOp::new(_PUSH_NULL));
            self.push(Ty::Null);
        }
        Ok(())
    }

    /// `LOAD_ATTR` of a method of a built-in list, tuple, dict, set or str (`items.append`)
    /// through the interpreter's `BuiltinMethod` cache: guarded on the object's kind (which fixes
    /// its class) and the class epoch, then the method and the object, as for instances.
    fn load_builtin_method(&mut self, obj: ObjRef, class: Option<ObjRef>, pc: usize) -> Result<(), Abort> {
        if !matches!(
            obj.kind,
            ObjKind::List(_)
                | ObjKind::Tuple(_)
                | ObjKind::Dict(_)
                | ObjKind::Set(_)
                | ObjKind::FrozenSet(_)
                | ObjKind::Str(_)
        ) {
            return Err(Abort::Generic);
        }
        let class = class.ok_or(Abort::Generic)?;
        let epoch = crate::runtime::types::class_epoch();
        let method = self.cur_ref().code.caches[pc].iter().find_map(|way| match way.get() {
            Cache::BuiltinMethod { class: c, epoch: e, value: Value::Obj(f) } if c == class.as_ptr() && e == epoch => {
                Some(f)
            }
            _ => None,
        });
        let method = method.ok_or(Abort::Generic)?;
        let kind = crate::runtime::object::kind_byte(&obj);
        let e = self.exit(pc);
        self.emit(TraceOp::new(_GUARD_TOS_KIND).operands(kind as u64, 0).exit(e));
        self.guard_word(_GUARD_CLASS_EPOCH, crate::runtime::types::class_epoch_address(), epoch, pc);
        self.emit(TraceOp::new(_LOAD_ATTR_METHOD_WITH_VALUES).operands(method.as_ptr() as u64, 0));
        let name = class.as_class().map(|c| c.name.clone()).unwrap_or_default();
        self.name(method.as_ptr() as u64, format!("a method of {name}"));
        self.set_top(1, Ty::Other);
        self.push(Ty::Other);
        Ok(())
    }

    /// `LOAD_ATTR` of an instance attribute by shape and slot, or of a method found on the
    /// class of a shape that does not shadow it.
    fn load_attr(&mut self, obj: Value, arg: u32, pc: usize) -> Result<(), Abort> {
        let method = arg & 1 != 0;
        if let Some((shape, slot)) = self.instance_slot(obj, pc, false) {
            self.guard_shape(obj, shape, 1, pc);
            let e = self.exit(pc);
            self.emit(TraceOp::new(_LOAD_ATTR_INSTANCE_VALUE).operands(slot, 0).exit(e));
            self.set_top(1, Ty::Unknown);
            if method {
                self.emit(TraceOp::new(_PUSH_NULL));
                self.push(Ty::Null);
            }
            return Ok(());
        }
        if !method {
            return Err(Abort::Generic);
        }
        let Value::Obj(o) = obj else { return Err(Abort::Generic) };
        let ObjKind::Instance(inst) = &o.kind else { return Err(Abort::Generic) };
        let shape = inst.shape.get() as *const _ as *const u8;
        let epoch = crate::runtime::types::class_epoch();
        let function = self.cur_ref().code.caches[pc].iter().find_map(|way| match way.get() {
            Cache::ClassAttr { shape: s, epoch: e, value: Value::Obj(f), method: true }
                if s as *const u8 == shape && e == epoch =>
            {
                Some(f.as_ptr() as u64)
            }
            _ => None,
        });
        let function = function.ok_or(Abort::Generic)?;
        self.guard_shape(obj, shape as u64, 1, pc);
        self.emit(TraceOp::new(_LOAD_ATTR_METHOD_WITH_VALUES).operands(function, 0));
        self.set_top(1, Ty::Other);
        self.push(Ty::Other);
        Ok(())
    }
}
