//! Recording stack, local and arithmetic bytecodes: loads and stores, constants, binary and
//! unary operators and comparisons on ints and floats, each as type guards on what was seen and
//! one specialized uop.

use super::*;
use crate::runtime::interner::sym;

impl Recorder {
    pub(super) fn record_op(&mut self, frame: &Frame, at: At) -> Result<Option<Trace>, Abort> {
        let At { pc, code, instr, arg } = at;
        let peek = |n: usize| frame.stack[frame.stack.len() - n];
        match instr.op {
            Opcode::NOP => {}
            Opcode::POP_TOP => {
                self.emit(TraceOp::new(_POP_TOP));
                self.pop(1);
            }
            Opcode::PUSH_NULL => {
                self.emit(TraceOp::new(_PUSH_NULL));
                self.push(Ty::Null);
            }
            Opcode::COPY => {
                self.emit(TraceOp::new(_COPY).oparg(arg));
                self.push(self.top(arg as usize));
            }
            Opcode::SWAP => {
                self.emit(TraceOp::new(_SWAP).oparg(arg));
                let stack = &mut self.cur().stack;
                let len = stack.len();
                stack.swap(len - 1, len - arg as usize);
            }
            Opcode::LOAD_CONST => {
                let v = code.consts[arg as usize];
                self.emit(TraceOp::new(_LOAD_CONST_INLINE).operands(v.tag(), payload(v)));
                self.push(ty_of(v));
            }
            Opcode::LOAD_FAST => self.load_local(arg as usize, frame.locals[arg as usize]).map_err(Abort::Why)?,
            Opcode::STORE_FAST => self.store_local(arg as usize),
            Opcode::LOAD_FAST_LOAD_FAST => {
                let (a, b) = ((arg >> 4) as usize, (arg & 15) as usize);
                self.load_local(a, frame.locals[a]).map_err(Abort::Why)?;
                self.load_local(b, frame.locals[b]).map_err(Abort::Why)?;
            }
            Opcode::STORE_FAST_LOAD_FAST => {
                let (a, b) = ((arg >> 4) as usize, (arg & 15) as usize);
                self.store_local(a);
                // The value just stored is what b holds when a == b.
                let vb = if a == b { peek(1) } else { frame.locals[b] };
                self.load_local(b, vb).map_err(Abort::Why)?;
            }
            Opcode::STORE_FAST_STORE_FAST => {
                self.store_local((arg >> 4) as usize);
                self.store_local((arg & 15) as usize);
            }
            Opcode::BINARY_OP => match crate::runtime::opframes::binary_frame_callee(arg, peek(2)) {
                Some(method) => self.operator_frame(method, 2, Some(arg), peek(2), pc)?,
                None => self.binary_op(arg, peek(2), peek(1), pc).map_err(|_| Abort::Generic)?,
            },
            Opcode::COMPARE_OP => {
                let (ty, uop) = match (peek(2), peek(1)) {
                    (Value::Int(_), Value::Int(_)) => (Ty::Int, _COMPARE_OP_INT),
                    (Value::Float(_), Value::Float(_)) => (Ty::Float, _COMPARE_OP_FLOAT),
                    (a, b)
                        if crate::runtime::strings::as_str(a).is_some()
                            && crate::runtime::strings::as_str(b).is_some() =>
                    {
                        // Two strs (the uop checks both, and exits before any effect otherwise).
                        let e = self.exit(pc);
                        self.emit(TraceOp::new(_COMPARE_OP_STR).oparg(arg).exit(e));
                        self.pop(1);
                        self.set_top(1, Ty::Bool);
                        return Ok(None);
                    }
                    _ => return Err(Abort::Generic),
                };
                self.guard_type(2, ty, pc);
                self.guard_type(1, ty, pc);
                self.emit(TraceOp::new(uop).oparg(arg));
                self.pop(1);
                self.set_top(1, Ty::Bool);
            }
            Opcode::CONTAINS_OP => {
                // A str or int in a set or dict, a str in a str (the uop checks, and exits
                // before any effect otherwise).
                let native = matches!(peek(1), Value::Obj(c) if match &c.kind {
                    ObjKind::Set(_) | ObjKind::FrozenSet(_) | ObjKind::Dict(_) => {
                        matches!(peek(2), Value::Int(_)) || crate::runtime::strings::as_str(peek(2)).is_some()
                    }
                    ObjKind::Str(_) => crate::runtime::strings::as_str(peek(2)).is_some(),
                    _ => false,
                });
                if !native {
                    return Err(Abort::Generic);
                }
                let e = self.exit(pc);
                self.emit(TraceOp::new(_CONTAINS_OP_NATIVE).oparg(arg).exit(e));
                self.pop(1);
                self.set_top(1, Ty::Bool);
            }
            Opcode::BUILD_SLICE => {
                if self.slice_without_object(code, pc, arg, &peek) {
                    return Ok(None);
                }
                self.emit(TraceOp::new(_BUILD_SLICE).oparg(arg));
                self.pop(arg as usize);
                self.push(Ty::Other);
            }
            Opcode::BUILD_LIST | Opcode::BUILD_TUPLE => {
                let uop = if instr.op == Opcode::BUILD_LIST { _BUILD_LIST } else { _BUILD_TUPLE };
                self.emit(TraceOp::new(uop).oparg(arg));
                self.pop(arg as usize);
                self.push(Ty::Other);
            }
            Opcode::LIST_APPEND => {
                self.emit(TraceOp::new(_LIST_APPEND).oparg(arg));
                self.pop(1);
            }
            Opcode::IS_OP => {
                self.emit(TraceOp::new(_IS_OP).oparg(arg));
                self.pop(1);
                self.set_top(1, Ty::Bool);
            }
            Opcode::UNARY_NEGATIVE => match peek(1) {
                Value::Int(i) if i != i64::MIN => {
                    self.guard_type(1, Ty::Int, pc);
                    self.guard(_UNARY_NEGATIVE_INT, pc);
                }
                Value::Float(_) => {
                    self.guard_type(1, Ty::Float, pc);
                    self.emit(TraceOp::new(_UNARY_NEGATIVE_FLOAT));
                }
                v => self.unary_frame(sym::NEG, v, pc)?,
            },
            Opcode::UNARY_POSITIVE => self.unary_frame(sym::POS, peek(1), pc)?,
            Opcode::UNARY_INVERT => self.unary_frame(sym::INVERT, peek(1), pc)?,
            Opcode::UNARY_NOT => {
                if !matches!(peek(1), Value::Bool(_)) {
                    return Err(Abort::Generic);
                }
                if self.top(1) != Ty::Bool {
                    self.guard(_GUARD_TOS_BOOL, pc);
                    self.set_top(1, Ty::Bool);
                }
                self.emit(TraceOp::new(_UNARY_NOT));
            }
            op => return Err(Abort::Opcode(op)),
        }
        Ok(None)
    }

    /// `BUILD_SLICE` right before the `BINARY_SUBSCR` or `STORE_SUBSCR` of a list that uses it,
    /// with bounds that are ints or None: one uop slices with the bounds, and no slice object
    /// is made (CPython 3.12's BINARY_SLICE and STORE_SLICE). Its guard exits at the
    /// BUILD_SLICE, before any effect; the subscript that follows is then recorded as done.
    fn slice_without_object(
        &mut self,
        code: &'static CodeObject,
        pc: usize,
        arg: u32,
        peek: &dyn Fn(usize) -> Value,
    ) -> bool {
        let n = arg as usize;
        let plain = |v: Value| matches!(v, Value::Int(_) | Value::None);
        if !(1..=n).all(|k| plain(peek(k))) || matches!(peek(1), Value::Int(0)) && n == 3 {
            return false;
        }
        let is_list = |v: Value| matches!(v.obj().map(|o| &o.kind), Some(ObjKind::List(_)));
        let uop = match code.code.instrs.get(pc + 1).map(|i| i.op) {
            Some(Opcode::BINARY_SUBSCR) if is_list(peek(n + 1)) => _BINARY_SLICE_LIST,
            Some(Opcode::STORE_SUBSCR)
                if is_list(peek(n + 1))
                    && (n == 2 || matches!(peek(1), Value::None | Value::Int(1)))
                    && matches!(peek(n + 2).obj().map(|o| &o.kind), Some(ObjKind::List(_) | ObjKind::Tuple(_))) =>
            {
                _STORE_SLICE_LIST
            }
            _ => return false,
        };
        let e = self.exit(pc);
        self.emit(TraceOp::new(uop).oparg(arg).exit(e));
        // (What the recording knows follows the interpreter's stack, which holds the slice
        // until the subscript.)
        self.pop(n);
        self.push(Ty::Other);
        self.fused_slice = Some((self.cur_ref().code_index, pc + 1));
        true
    }

    /// A unary operator on an instance whose class's method for it runs in a frame of its own.
    fn unary_frame(&mut self, name: crate::runtime::interner::Sym, v: Value, pc: usize) -> Result<(), Abort> {
        let method = crate::runtime::opframes::unary_frame_callee(name, v).ok_or(Abort::Generic)?;
        self.operator_frame(method, 1, None, v, pc)
    }

    pub(super) fn load_local(&mut self, index: usize, value: Value) -> Result<(), &'static str> {
        if value.is_null() {
            return Err("unbound local");
        }
        let f = self.cur();
        let (bound, origin) = (f.bound[index], f.origin);
        f.bound[index] = true;
        match (bound, origin) {
            (true, _) => self.emit(TraceOp::new(_LOAD_FAST).oparg(index as u32)),
            (false, Origin::Start) => {
                // Read before written in this iteration: check once, on entry.
                self.preamble.push(TraceOp::new(_LOAD_FAST_CHECK).oparg(index as u32));
                self.preamble.push(TraceOp::new(_POP_TOP));
                self.emit(TraceOp::new(_LOAD_FAST).oparg(index as u32));
            }
            (false, _) => {
                // Not known bound (a frame a side trace returned into): check where read, then it
                // stays bound.
                let e = self.exit(self.current_pc);
                self.emit(TraceOp::new(_LOAD_FAST_CHECK).oparg(index as u32).exit(e));
            }
        }
        let ty = self.cur_ref().locals[index];
        self.push(ty);
        Ok(())
    }

    fn store_local(&mut self, index: usize) {
        self.emit(TraceOp::new(_STORE_FAST).oparg(index as u32));
        let ty = self.top(1);
        let f = self.cur();
        f.locals[index] = ty;
        f.bound[index] = true;
        self.pop(1);
    }

    fn binary_op(&mut self, arg: u32, a: Value, b: Value, pc: usize) -> Result<(), &'static str> {
        let Some((op, _inplace)) = BinaryOp::from_arg(arg) else { return Err("bad binary operator") };
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                if !fits_fast_path(op, x, y) {
                    // The fast uop would leave here (an overflow, a division by zero): a side
                    // trace grown from that exit would record the same uop and leave again.
                    return Err("no specialization");
                }
                let (uop, result) = match op {
                    BinaryOp::Add => (_BINARY_OP_ADD_INT, Ty::Int),
                    BinaryOp::Subtract => (_BINARY_OP_SUBTRACT_INT, Ty::Int),
                    BinaryOp::Multiply => (_BINARY_OP_MULTIPLY_INT, Ty::Int),
                    BinaryOp::FloorDivide => (_BINARY_OP_FLOOR_DIVIDE_INT, Ty::Int),
                    BinaryOp::Remainder => (_BINARY_OP_MODULO_INT, Ty::Int),
                    BinaryOp::And => (_BINARY_OP_AND_INT, Ty::Int),
                    BinaryOp::Or => (_BINARY_OP_OR_INT, Ty::Int),
                    BinaryOp::Xor => (_BINARY_OP_XOR_INT, Ty::Int),
                    BinaryOp::Lshift => (_BINARY_OP_LSHIFT_INT, Ty::Int),
                    BinaryOp::Rshift => (_BINARY_OP_RSHIFT_INT, Ty::Int),
                    BinaryOp::TrueDivide => (_BINARY_OP_TRUE_DIVIDE_INT, Ty::Float),
                    _ => return Err("no specialization"),
                };
                self.guard_type(2, Ty::Int, pc);
                self.guard_type(1, Ty::Int, pc);
                if uop.info().exits == crate::jit::ir::uops::Exits::Never {
                    self.emit(TraceOp::new(uop));
                } else {
                    self.guard(uop, pc);
                }
                self.pop(1);
                self.set_top(1, result);
            }
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                let uop = match op {
                    BinaryOp::Add => _BINARY_OP_ADD_FLOAT,
                    BinaryOp::Subtract => _BINARY_OP_SUBTRACT_FLOAT,
                    BinaryOp::Multiply => _BINARY_OP_MULTIPLY_FLOAT,
                    BinaryOp::TrueDivide => _BINARY_OP_TRUE_DIVIDE_FLOAT,
                    BinaryOp::Power => {
                        let float = |v: Value| match v {
                            Value::Float(f) => f,
                            Value::Int(i) => i as f64,
                            _ => unreachable!("matched above"),
                        };
                        let mut r = 0.0;
                        // The uop would leave here (Python raises): no use recording it.
                        if crate::jit::runtime::helpers::stitch_float_pow(float(a), float(b), &mut r) == 0 {
                            return Err("no specialization");
                        }
                        _BINARY_OP_POWER_FLOAT
                    }
                    _ => return Err("no specialization"),
                };
                // Every guard before any conversion: a guard that fails must find the operands
                // untouched (an int converted to float would change the interpreter's result).
                for (n, v) in [(2, a), (1, b)] {
                    self.guard_type(n, if matches!(v, Value::Float(_)) { Ty::Float } else { Ty::Int }, pc);
                }
                for (n, v) in [(2, a), (1, b)] {
                    if !matches!(v, Value::Float(_)) {
                        self.emit(TraceOp::new(if n == 2 { _INT_TO_FLOAT_NOS } else { _INT_TO_FLOAT_TOS }));
                        self.set_top(n, Ty::Float);
                    }
                }
                if uop.info().exits == crate::jit::ir::uops::Exits::Never {
                    self.emit(TraceOp::new(uop));
                } else {
                    self.guard(uop, pc);
                }
                self.pop(1);
                self.set_top(1, Ty::Float);
            }
            _ => return Err("no specialization"),
        }
        Ok(())
    }
}

/// Whether the int fast path of `x op y` (the `_BINARY_OP_*_INT` stencils) gives the result
/// rather than leaving the trace (an overflow past 64 bits, a division by zero, a shift out of
/// range).
fn fits_fast_path(op: BinaryOp, x: i64, y: i64) -> bool {
    const EXACT_DOUBLE_LIMIT: i64 = 1 << 53;
    match op {
        BinaryOp::Add => x.checked_add(y).is_some(),
        BinaryOp::Subtract => x.checked_sub(y).is_some(),
        BinaryOp::Multiply => x.checked_mul(y).is_some(),
        BinaryOp::FloorDivide | BinaryOp::Remainder => y != 0 && !(x == i64::MIN && y == -1),
        BinaryOp::Lshift => (0..63).contains(&y) && (x << y) >> y == x,
        BinaryOp::Rshift => y >= 0,
        BinaryOp::TrueDivide => {
            y != 0
                && (-EXACT_DOUBLE_LIMIT + 1..EXACT_DOUBLE_LIMIT).contains(&x)
                && (-EXACT_DOUBLE_LIMIT + 1..EXACT_DOUBLE_LIMIT).contains(&y)
        }
        _ => true,
    }
}

/// The payload word of a value, as `_LOAD_CONST_INLINE` stores it.
pub(super) fn payload(v: Value) -> u64 {
    match v {
        Value::Null | Value::None => 0,
        Value::Bool(b) => b as u64,
        Value::Int(i) => i as u64,
        Value::Float(f) => f.to_bits(),
        Value::Obj(o) => o.as_ptr() as u64,
    }
}

pub(super) fn ty_of(v: Value) -> Ty {
    match v {
        Value::Null => Ty::Null,
        Value::Int(_) => Ty::Int,
        Value::Float(_) => Ty::Float,
        Value::Bool(_) => Ty::Bool,
        _ => Ty::Other,
    }
}
