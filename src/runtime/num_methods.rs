//! Methods of `int` and `float` (`(5).bit_length()`, `x.is_integer()`, `as_integer_ratio`, ...).
//!
//! Ints are tagged small integers or big integers and floats are unboxed, so `self` arrives as
//! a plain value; each method accepts both int representations (and bools, which are ints).

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::interpreter::{PyResult, Vm};

use super::containers::{check_args, Arity, Kw};
use super::int;
use super::object::NativeFn;
use super::types;
use super::value::Value;

pub fn init(vm: &mut Vm) {
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio),
        ("is_integer", int_is_integer),
        ("__index__", int_conjugate),
    ];
    let class = vm.types.int;
    types::add_methods(vm, class, int_methods);
    let float_methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", float_conjugate),
    ];
    let class = vm.types.float;
    types::add_methods(vm, class, float_methods);
}

fn int_self(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<BigInt> {
    match args.first().copied().and_then(int::to_bigint) {
        Some(b) => Ok(b),
        None => Err(vm.new_error(
            vm.types.type_error,
            &format!("descriptor '{name}' for 'int' objects doesn't apply to this object"),
        )),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "int", "bit_length", args, kw, Arity::NoArgs)?;
    let b = int_self(vm, args, "bit_length")?;
    Ok(Value::Int(b.abs().bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "int", "bit_count", args, kw, Arity::NoArgs)?;
    let b = int_self(vm, args, "bit_count")?;
    let ones: u64 = b.abs().to_u64_digits().1.iter().map(|d| d.count_ones() as u64).sum();
    Ok(Value::Int(ones as i64))
}

/// `int.conjugate()` and `int.__index__()`: the int itself (a bool becomes an int).
fn int_conjugate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "int", "conjugate", args, kw, Arity::NoArgs)?;
    let b = int_self(vm, args, "conjugate")?;
    Ok(int::from_bigint(vm, b))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "int", "as_integer_ratio", args, kw, Arity::NoArgs)?;
    let b = int_self(vm, args, "as_integer_ratio")?;
    let n = int::from_bigint(vm, b);
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

fn int_is_integer(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "int", "is_integer", args, kw, Arity::NoArgs)?;
    int_self(vm, args, "is_integer")?;
    Ok(Value::Bool(true))
}

fn float_self(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    match args.first() {
        Some(Value::Float(x)) => Ok(*x),
        _ => Err(vm.new_error(vm.types.type_error, &format!("descriptor '{name}' requires a 'float' object"))),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "float", "is_integer", args, kw, Arity::NoArgs)?;
    let x = float_self(vm, args, "is_integer")?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "float", "conjugate", args, kw, Arity::NoArgs)?;
    Ok(Value::Float(float_self(vm, args, "conjugate")?))
}

/// The exact fraction a float holds, in lowest terms (the denominator a power of two).
fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "float", "as_integer_ratio", args, kw, Arity::NoArgs)?;
    let x = float_self(vm, args, "as_integer_ratio")?;
    if x.is_nan() {
        return Err(vm.new_error(vm.types.value_error, "cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.new_error(vm.types.overflow_error, "cannot convert Infinity to integer ratio"));
    }
    let (mut numerator, mut denominator) = (BigInt::zero(), BigInt::from(1));
    if x != 0.0 {
        // x = mantissa * 2^exponent with an integer mantissa of 53 bits.
        let bits = x.to_bits();
        let raw_exponent = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1u64 << 52) - 1);
        let (mut mantissa, mut exponent) =
            if raw_exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), raw_exponent - 1075) };
        while mantissa & 1 == 0 && exponent < 0 {
            mantissa >>= 1;
            exponent += 1;
        }
        numerator = BigInt::from(mantissa);
        if exponent >= 0 {
            numerator <<= exponent as usize;
        } else {
            denominator <<= (-exponent) as usize;
        }
        if x < 0.0 {
            numerator = -numerator;
        }
    }
    let n = int::from_bigint(vm, numerator);
    let d = int::from_bigint(vm, denominator);
    Ok(vm.new_tuple(vec![n, d]))
}
