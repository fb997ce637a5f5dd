//! Operators whose special method runs in a frame of its own.
//!
//! `a - b` on an instance of a user class calls the class's `__sub__`. Called from Rust
//! (`ops::binary_op`), that is a nested run of the interpreter: a native frame per operator, and
//! code the JIT cannot follow (a trace would call out for every vector addition of a ray tracer).
//! When the method is a plain Python function of two parameters (one, for a unary operator), `BINARY_OP` instead pushes its
//! frame on the VM stack as a call would (`FrameKind::Binary`): the operands become its two
//! locals in place and its return value replaces them. If it returns `NotImplemented`, the
//! return finishes the protocol (`ops::binary_op_reflected`) with the operands, which a method
//! whose parameters are never rebound (`CodeObject::params_kept`) leaves in its first two slots.

use crate::bytecode::BinaryOp;

use super::interner::{sym, Sym};
use crate::interpreter::code::CodeObject;

use super::object::{Class, Layout, ObjKind};
use super::value::{ObjRef, Value};

/// For a unary operator whose special method is `name` (`__neg__`, `__pos__`, `__invert__`):
/// the method to run in a frame of its own (as a call: its result replaces the operand), when
/// the operand is an instance of a plain user class and the method a simple Python function of
/// one parameter (not a generator).
pub fn unary_frame_callee(name: Sym, v: Value) -> Option<ObjRef> {
    let class = plain_class_of(v)?;
    simple_method(class, name, 1).map(|(method, _)| method)
}

/// The class of `v` when it is an instance of a plain user class (no built-in base).
fn plain_class_of(v: Value) -> Option<&'static Class> {
    let ObjKind::Instance(instance) = &v.obj()?.kind else { return None };
    let class = Value::Obj(instance.class).obj()?.as_class()?;
    (class.layout == Layout::Object).then_some(class)
}

/// `class`'s method `name` when it is a simple Python function of `params` parameters (not a
/// generator), with its code.
fn simple_method(class: &Class, name: Sym, params: u32) -> Option<(ObjRef, &'static CodeObject)> {
    let Some(Value::Obj(method)) = class.lookup(name) else { return None };
    let ObjKind::Function(f) = &method.kind else { return None };
    let code = f.code;
    (f.simple && code.code.argcount == params && !code.code.is_generator()).then_some((method, code))
}

/// The special methods of a binary operator: (`__op__`, `__iop__`).
fn dunder_syms(op: BinaryOp) -> (Sym, Sym) {
    match op {
        BinaryOp::Add => (sym::OP_ADD, sym::IOP_ADD),
        BinaryOp::And => (sym::OP_AND, sym::IOP_AND),
        BinaryOp::FloorDivide => (sym::OP_FLOORDIV, sym::IOP_FLOORDIV),
        BinaryOp::Lshift => (sym::OP_LSHIFT, sym::IOP_LSHIFT),
        BinaryOp::MatrixMultiply => (sym::OP_MATMUL, sym::IOP_MATMUL),
        BinaryOp::Multiply => (sym::OP_MUL, sym::IOP_MUL),
        BinaryOp::Remainder => (sym::OP_MOD, sym::IOP_MOD),
        BinaryOp::Or => (sym::OP_OR, sym::IOP_OR),
        BinaryOp::Power => (sym::OP_POW, sym::IOP_POW),
        BinaryOp::Rshift => (sym::OP_RSHIFT, sym::IOP_RSHIFT),
        BinaryOp::Subtract => (sym::OP_SUB, sym::IOP_SUB),
        BinaryOp::TrueDivide => (sym::OP_TRUEDIV, sym::IOP_TRUEDIV),
        BinaryOp::Xor => (sym::OP_XOR, sym::IOP_XOR),
    }
}

/// For `BINARY_OP arg` with left operand `a`: the special method to run in a frame of its own,
/// when `a` is an instance of a plain user class (no built-in base) whose method for the
/// operator is a simple Python function of exactly two parameters that keeps them (not a
/// generator). An in-place operator qualifies only when the class has no in-place method.
/// Whatever the right operand, `ops::binary_op` would call this method first.
pub fn binary_frame_callee(arg: u32, a: Value) -> Option<ObjRef> {
    let class = plain_class_of(a)?;
    let (op, inplace) = BinaryOp::from_arg(arg)?;
    let (forward, in_place) = dunder_syms(op);
    if inplace && class.lookup(in_place).is_some() {
        return None;
    }
    let (method, code) = simple_method(class, forward, 2)?;
    code.params_kept.then_some(method)
}
