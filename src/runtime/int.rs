//! Numbers: 64-bit fast paths, promotion to big integers, and CPython's arithmetic rules.
//!
//! Ints are unboxed `i64`s; every operation checks for overflow and redoes the work with
//! `num_bigint::BigInt` when it overflows, and big results that fit 64 bits are narrowed
//! again, so Python programs see unbounded integers and the common case never allocates.
//! Division and modulo round toward negative infinity as in Python; mixed int/float
//! arithmetic converts the int; error messages are CPython's.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::BinaryOp;
use crate::interpreter::{PyResult, Vm};

use super::object::ObjKind;
use super::value::Value;

thread_local! {
    /// `sys.get_int_max_str_digits()`: the most decimal digits an int/str conversion accepts
    /// (0: no limit). CPython 3.11's guard against quadratic-time conversions of huge inputs.
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(4300) };
}

pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|m| m.get())
}

pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|m| m.set(n));
}

/// `str(b)` for a big int, or the text of CPython's ValueError past the digit limit.
pub fn bigint_decimal(b: &BigInt) -> Result<String, String> {
    let limit = max_str_digits();
    // (Below `limit` digits for sure when the bit length says so: no need to look.)
    let surely_short = (b.bits() as f64) * std::f64::consts::LOG10_2 < limit.saturating_sub(1) as f64;
    let text = b.to_string();
    if limit != 0 && !surely_short && text.trim_start_matches('-').len() > limit {
        return Err(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ));
    }
    Ok(text)
}

/// The ValueError text for parsing `digits` decimal digits past the limit, if they are.
pub fn parse_limit_error(digits: usize) -> Option<String> {
    let limit = max_str_digits();
    (limit != 0 && digits > limit).then(|| {
        format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )
    })
}

/// A BigInt as a value: an unboxed int when it fits in 64 bits.
pub fn from_bigint(vm: &mut Vm, b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Obj(vm.alloc(ObjKind::BigInt(b))),
    }
}

/// The integer value of an int, bool or big int.
pub fn to_bigint(v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is an int (including bool and big ints).
pub fn is_int(v: Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(o.kind, ObjKind::BigInt(_)),
        _ => false,
    }
}

/// An int or float as f64 (big ints may overflow to infinity: callers check).
pub fn to_f64(v: Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(i as f64),
        Value::Bool(b) => Some(b as i64 as f64),
        Value::Float(x) => Some(x),
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => b.to_f64(),
            _ => None,
        },
        _ => None,
    }
}

/// Python's floor division and modulo of i64 (`b != 0`, no overflow).
#[inline]
pub fn floor_divmod(a: i64, b: i64) -> (i64, i64) {
    let q = a / b;
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// The inline fast path of `BINARY_OP` for two ints or two floats (or int/float mixes).
/// `None` means: take the general path (overflow, other types, errors).
#[inline]
pub fn fast_binary(arg: u32, a: Value, b: Value) -> Option<Value> {
    let op = if arg >= crate::bytecode::INPLACE { arg - crate::bytecode::INPLACE } else { arg };
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            0 => x.checked_add(y).map(Value::Int),
            10 => x.checked_sub(y).map(Value::Int),
            5 => x.checked_mul(y).map(Value::Int),
            2 if y != 0 && !(x == i64::MIN && y == -1) => Some(Value::Int(floor_divmod(x, y).0)),
            6 if y != 0 && !(x == i64::MIN && y == -1) => Some(Value::Int(floor_divmod(x, y).1)),
            1 => Some(Value::Int(x & y)),
            7 => Some(Value::Int(x | y)),
            12 => Some(Value::Int(x ^ y)),
            9 if y >= 0 => Some(Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })),
            3 if (0..63).contains(&y) => {
                let r = x << y;
                if r >> y == x {
                    Some(Value::Int(r))
                } else {
                    None
                }
            }
            11 if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) => {
                Some(Value::Float(x as f64 / y as f64))
            }
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => float_fast(op, x, y),
        (Value::Float(x), Value::Int(y)) => float_fast(op, x, y as f64),
        (Value::Int(x), Value::Float(y)) => float_fast(op, x as f64, y),
        _ => None,
    }
}

#[inline]
fn float_fast(op: u32, x: f64, y: f64) -> Option<Value> {
    match op {
        0 => Some(Value::Float(x + y)),
        10 => Some(Value::Float(x - y)),
        5 => Some(Value::Float(x * y)),
        11 if y != 0.0 => Some(Value::Float(x / y)),
        // x ** y for a positive base is never an error unless it overflows.
        8 if x > 0.0 => {
            let r = x.powf(y);
            if r.is_finite() || !x.is_finite() || !y.is_finite() {
                Some(Value::Float(r))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Arithmetic on two ints (any size). `Ok(None)` when the operator does not apply.
pub fn int_binary(vm: &mut Vm, op: BinaryOp, a: &BigInt, b: &BigInt) -> PyResult<Option<Value>> {
    let r = match op {
        BinaryOp::Add => a + b,
        BinaryOp::Subtract => a - b,
        BinaryOp::Multiply => a * b,
        BinaryOp::And => a & b,
        BinaryOp::Or => a | b,
        BinaryOp::Xor => a ^ b,
        BinaryOp::FloorDivide | BinaryOp::Remainder => {
            if b.is_zero() {
                let msg = if op == BinaryOp::Remainder {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(vm.new_error(vm.types.zero_division_error, msg));
            }
            let (q, r) = a.div_mod_floor(b);
            if op == BinaryOp::FloorDivide {
                q
            } else {
                r
            }
        }
        BinaryOp::TrueDivide => {
            if b.is_zero() {
                return Err(vm.new_error(vm.types.zero_division_error, "division by zero"));
            }
            return Ok(Some(Value::Float(int_true_divide(vm, a, b)?)));
        }
        BinaryOp::Lshift => {
            if b.is_negative() {
                return Err(vm.new_error(vm.types.value_error, "negative shift count"));
            }
            let Some(n) = b.to_usize().filter(|n| *n < (1 << 32)) else {
                return Err(vm.new_error(vm.types.overflow_error, "too many digits in integer"));
            };
            a << n
        }
        BinaryOp::Rshift => {
            if b.is_negative() {
                return Err(vm.new_error(vm.types.value_error, "negative shift count"));
            }
            match b.to_usize() {
                Some(n) => a >> n,
                None => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinaryOp::Power => {
            if b.is_negative() {
                let (Some(x), Some(y)) = (a.to_f64(), b.to_f64()) else {
                    return Ok(None);
                };
                return float_binary(vm, BinaryOp::Power, x, y).map(Some);
            }
            let Some(e) = b.to_u32() else {
                if a.is_zero() || a.is_one() {
                    return Ok(Some(from_bigint(vm, a.clone())));
                }
                return Err(vm.new_error(vm.types.overflow_error, "exponent too large"));
            };
            num_traits::pow::Pow::pow(a, e)
        }
        BinaryOp::MatrixMultiply => return Ok(None),
    };
    Ok(Some(from_bigint(vm, r)))
}

/// `a / b` for ints, correctly rounded (one rounding, subnormal results included), as CPython
/// computes it; OverflowError when the quotient is too large for a float.
fn int_true_divide(vm: &mut Vm, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    let negative = (a.sign() == num_bigint::Sign::Minus) != (b.sign() == num_bigint::Sign::Minus);
    let (n, d) = (a.magnitude(), b.magnitude());
    if n.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // q = n * 2^shift / d with 55 or 56 significant bits, its last bit made sticky when the
    // division is inexact, so that rounding q once is rounding the exact quotient.
    let shift = 55 - (n.bits() as i64 - d.bits() as i64);
    let (q, r) = if shift >= 0 { (n << shift as usize).div_rem(d) } else { n.div_rem(&(d << (-shift) as usize)) };
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    // The quotient is q * 2^-shift; its binary exponent:
    let bits = 64 - q.leading_zeros() as i64;
    let exponent = bits - 1 - shift;
    if exponent > 1023 {
        return Err(vm.new_error(vm.types.overflow_error, "integer division result too large for a float"));
    }
    // Below the normal range fewer bits fit: round to those bits here, half to even.
    let keep = if exponent >= -1022 { 53 } else { 53 - (-1022 - exponent) };
    let mut scale = -shift;
    if keep < bits {
        let drop = (bits - keep.max(0)) as u32;
        let (kept, rest) = if drop >= 64 { (0, q) } else { (q >> drop, q & ((1u64 << drop) - 1)) };
        let half = if drop >= 65 { 0 } else { 1u64 << (drop - 1) };
        let round_up = rest > half || (rest == half && half != 0 && kept & 1 == 1);
        q = kept + u64::from(round_up);
        scale += drop as i64;
    }
    // Exact from here: q has at most 54 bits and the scale keeps it in range.
    let mut value = q as f64;
    let mut scale = scale;
    while scale > 0 {
        let step = scale.min(1000);
        value *= 2f64.powi(step as i32);
        scale -= step;
    }
    while scale < 0 {
        let step = (-scale).min(1000);
        value /= 2f64.powi(step as i32);
        scale += step;
    }
    if value.is_infinite() {
        return Err(vm.new_error(vm.types.overflow_error, "integer division result too large for a float"));
    }
    Ok(if negative { -value } else { value })
}

/// Arithmetic on two floats with Python's semantics and errors.
pub fn float_binary(vm: &mut Vm, op: BinaryOp, x: f64, y: f64) -> PyResult<Value> {
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => {
            if y == 0.0 {
                return Err(vm.new_error(vm.types.zero_division_error, "float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDivide => {
            if y == 0.0 {
                return Err(vm.new_error(vm.types.zero_division_error, "float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinaryOp::Remainder => {
            if y == 0.0 {
                return Err(vm.new_error(vm.types.zero_division_error, "float modulo"));
            }
            float_divmod(x, y).1
        }
        BinaryOp::Power => return float_pow(vm, x, y),
        _ => {
            return Err(unsupported(vm, op, Value::Float(x), Value::Float(y), false));
        }
    };
    Ok(Value::Float(r))
}

/// Python's `divmod` for floats (CPython's `float_divmod`).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(vm.new_error(vm.types.zero_division_error, "0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(vm.new_error(
            vm.types.value_error,
            "stitch does not support complex numbers (negative number raised to a fractional power)",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_error(vm.types.overflow_error, "(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

/// The TypeError for an operator that does not apply to its operands.
pub fn unsupported(vm: &mut Vm, op: BinaryOp, a: Value, b: Value, inplace: bool) -> crate::interpreter::PyErr {
    let ta = super::ops::type_name(vm, a);
    let tb = super::ops::type_name(vm, b);
    let sym = op.symbol();
    let eq = if inplace { "=" } else { "" };
    if op == BinaryOp::Power && !inplace {
        return vm.new_error(
            vm.types.type_error,
            &format!("unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"),
        );
    }
    vm.new_error(vm.types.type_error, &format!("unsupported operand type(s) for {sym}{eq}: '{ta}' and '{tb}'"))
}

/// Numeric binary operation on ints/floats/bools of any size; `Ok(None)` if not numeric.
pub fn numeric_binary(vm: &mut Vm, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let a_float = matches!(a, Value::Float(_));
    let b_float = matches!(b, Value::Float(_));
    if a_float || b_float {
        let (Some(x), Some(y)) = (num_as_f64(vm, a)?, num_as_f64(vm, b)?) else {
            return Ok(None);
        };
        if matches!(
            op,
            BinaryOp::And
                | BinaryOp::Or
                | BinaryOp::Xor
                | BinaryOp::Lshift
                | BinaryOp::Rshift
                | BinaryOp::MatrixMultiply
        ) {
            return Ok(None);
        }
        return float_binary(vm, op, x, y).map(Some);
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) if matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor) => {
            Ok(Some(Value::Bool(match op {
                BinaryOp::And => x & y,
                BinaryOp::Or => x | y,
                _ => x ^ y,
            })))
        }
        (Value::Int(x), Value::Int(y)) if op != BinaryOp::Power && op != BinaryOp::TrueDivide => {
            if let Some(r) = fast_binary(op as u32, a, b) {
                return Ok(Some(r));
            }
            int_binary(vm, op, &BigInt::from(x), &BigInt::from(y))
        }
        (Value::Int(x), Value::Int(y)) if op == BinaryOp::TrueDivide => {
            if y == 0 {
                return Err(vm.new_error(vm.types.zero_division_error, "division by zero"));
            }
            int_binary(vm, op, &BigInt::from(x), &BigInt::from(y))
        }
        (Value::Int(x), Value::Int(y)) if op == BinaryOp::Power && (0..64).contains(&y) => {
            if let Some(r) = x.checked_pow(y as u32) {
                return Ok(Some(Value::Int(r)));
            }
            int_binary(vm, op, &BigInt::from(x), &BigInt::from(y))
        }
        _ => match (to_bigint(a), to_bigint(b)) {
            (Some(x), Some(y)) => int_binary(vm, op, &x, &y),
            _ => Ok(None),
        },
    }
}

/// An int/float/bool as f64, with OverflowError for huge ints.
pub fn num_as_f64(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::BigInt(b) => match b.to_f64() {
                Some(x) if x.is_finite() => Ok(Some(x)),
                _ => Err(vm.new_error(vm.types.overflow_error, "int too large to convert to float")),
            },
            _ => Ok(None),
        },
        _ => Ok(to_f64(v)),
    }
}

/// CPython's hash of an integer: reduction modulo the Mersenne prime 2**61 - 1.
pub fn hash_bigint(b: &BigInt) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let m = BigInt::from(MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of a small int.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let r = if i >= 0 { i % MODULUS } else { -((-(i as i128) % MODULUS as i128) as i64) };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// CPython's hash of a float (`_Py_HashDouble`): equal to the hash of an equal int.
pub fn hash_f64(x: f64) -> i64 {
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x.abs());
    let sign: i64 = if x < 0.0 { -1 } else { 1 };
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let r = (h as i64) * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `int ** int % m` (three-argument pow).
pub fn pow_mod(vm: &mut Vm, a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.new_error(vm.types.value_error, "pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    let (base, exp) = if b.is_negative() {
        // A negative exponent raises the modular inverse of the base (Python 3.8+).
        let ext = num_integer::Integer::extended_gcd(&a.mod_floor(&modulus), &modulus);
        if !ext.gcd.is_one() {
            return Err(vm.new_error(vm.types.value_error, "base is not invertible for the given modulus"));
        }
        (ext.x.mod_floor(&modulus), -b)
    } else {
        (a.clone(), b.clone())
    };
    let r = base.modpow(&exp, &modulus);
    // The result takes the sign of the modulus, like Python's %.
    let r = if m.is_negative() && !r.is_zero() { r - &modulus } else { r };
    Ok(from_bigint(vm, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_rounds_down() {
        assert_eq!(floor_divmod(7, 2), (3, 1));
        assert_eq!(floor_divmod(-7, 2), (-4, 1));
        assert_eq!(floor_divmod(7, -2), (-4, -1));
        assert_eq!(floor_divmod(-7, -2), (3, -1));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(2.0), 2);
        assert_eq!(hash_f64(-0.5), -1152921504606846976);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100)), 549755813888);
    }

    #[test]
    fn fast_paths_detect_overflow() {
        assert!(fast_binary(0, Value::Int(i64::MAX), Value::Int(1)).is_none());
        assert!(fast_binary(5, Value::Int(1 << 40), Value::Int(1 << 40)).is_none());
        assert!(matches!(fast_binary(2, Value::Int(-7), Value::Int(2)), Some(Value::Int(-4))));
        assert!(matches!(fast_binary(3, Value::Int(1), Value::Int(62)), Some(Value::Int(x)) if x == 1 << 62));
        assert!(fast_binary(3, Value::Int(3), Value::Int(62)).is_none());
    }
}
