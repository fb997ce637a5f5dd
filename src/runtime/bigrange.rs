//! `range` objects whose bounds do not fit 64 bits (`range(10**20)`).
//!
//! Ordinary ranges keep `i64` bounds so iteration is a register increment; a range built from
//! bigger ints becomes a [`BigRange`] with `BigInt` bounds, supporting what programs do with
//! such ranges: `len()` (when it fits), indexing and slicing, `in`, iteration, `repr` and the
//! `start`/`stop`/`step` attributes.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::interpreter::{PyResult, Vm};

use super::int;
use super::object::ObjKind;
use super::value::Value;

#[derive(Clone, Debug)]
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

impl BigRange {
    /// Number of elements.
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - BigInt::one()) / step + BigInt::one()
    }

    pub fn get(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    pub fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        inside && (x - &self.start).mod_floor(&self.step.abs()).is_zero()
    }
}

/// A range value from big bounds (a small range when everything fits).
pub fn make(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return Value::Obj(vm.alloc(ObjKind::Range(super::object::Range { start: a, stop: b, step: c })));
    }
    Value::Obj(vm.alloc(ObjKind::BigRange(Box::new(BigRange { start, stop, step }))))
}

/// `len(r)`.
pub fn len(vm: &mut Vm, r: &BigRange) -> PyResult<usize> {
    match r.len().to_usize().filter(|n| *n <= i64::MAX as usize) {
        Some(n) => Ok(n),
        None => Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C ssize_t")),
    }
}

/// `r[key]` for an int or slice key.
pub fn getitem(vm: &mut Vm, r: &BigRange, key: Value) -> PyResult<Value> {
    let n = r.len();
    if let Some(k) = key.obj().filter(|o| matches!(o.kind, ObjKind::Slice(..))) {
        let ObjKind::Slice(a, b, c) = &k.kind else { unreachable!("checked above") };
        let step = if c.is_none() { BigInt::one() } else { int::to_bigint(*c).unwrap_or_else(BigInt::one) };
        if step.is_zero() {
            return Err(vm.new_error(vm.types.value_error, "slice step cannot be zero"));
        }
        let clamp = |v: Value, default: BigInt| -> BigInt {
            match int::to_bigint(v) {
                None => default,
                Some(mut x) => {
                    if x.is_negative() {
                        x += &n;
                    }
                    let (lo, hi) =
                        if step.is_negative() { (BigInt::from(-1), &n - 1) } else { (BigInt::zero(), n.clone()) };
                    x.clamp(lo, hi)
                }
            }
        };
        let (d_start, d_stop) =
            if step.is_negative() { (&n - 1, BigInt::from(-1)) } else { (BigInt::zero(), n.clone()) };
        let s = clamp(*a, d_start);
        let e = clamp(*b, d_stop);
        let start = r.get(&s);
        let stop = r.get(&e);
        return Ok(make(vm, start, stop, &r.step * step));
    }
    let Some(mut i) = int::to_bigint(key) else {
        let tn = super::ops::type_name(vm, key);
        return Err(vm.new_error(vm.types.type_error, &format!("range indices must be integers or slices, not {tn}")));
    };
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(vm.new_error(vm.types.index_error, "range object index out of range"));
    }
    Ok(int::from_bigint(vm, r.get(&i)))
}

pub fn repr(r: &BigRange) -> String {
    if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}
