//! `cmath`: CPython's complex math module, ported from `Modules/cmathmodule.c`.
//!
//! Every function must give CPython's result to the last bit, so each follows CPython's
//! algorithm step by step (the same formulas, rescalings and overflow guards, calling the same
//! C library functions through [`complex::m`]): `sqrt` scales to avoid overflow and subnormal
//! loss, `log` uses `log1p` near the unit circle, `exp`/`cosh`/`sinh`/`tanh` guard against
//! overflow of the real exponential, the inverse functions work through square roots of
//! shifted arguments, and `sin`/`cos`/`tan`/`asin`/`atan` are the hyperbolic ones turned by
//! a quarter. Non-finite arguments use C99 Annex G's special values, looked up in CPython's
//! 7×7 tables indexed by the kind of each part (−inf, negative, −0, +0, positive, +inf, nan).
//! Errors are CPython's: `math domain error` where C would raise divide-by-zero or invalid
//! (`log(0)`, `atanh(1)`), `math range error` on overflow.

use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::complex::{self, complex_arg, m, new_complex, Complex, Errno};
use super::interner::Sym;
use super::mathmod::float_arg;
use super::modules::{make_module, natives};
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];
type Table = [[Complex; 7]; 7];

const fn c(re: f64, im: f64) -> Complex {
    Complex { re, im }
}

const P: f64 = std::f64::consts::PI;
const P14: f64 = 0.25 * P;
const P12: f64 = 0.5 * P;
const P34: f64 = 0.75 * P;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// An unlikely value for the table cells no input reaches (both parts finite).
const U: f64 = -9.5426319407711027e33;

const LN2: f64 = 0.6931471805599453094;
const LN10: f64 = 2.302585092994045684;
/// `CM_LARGE_DOUBLE`: larger parts risk overflow in the usual formulas.
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const MANT_DIG: i32 = 53;
/// `CM_SCALE_UP` and `CM_SCALE_DOWN`: scalings that make subnormals normal for `sqrt`.
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}

fn log_large_double() -> f64 {
    m::log(LARGE_DOUBLE)
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// `special_type`: the row or column of a part in the special-value tables.
fn special_type(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d.is_sign_positive() {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

/// `SPECIAL_VALUE`: the table's value when a part is not finite.
fn special(z: Complex, table: &Table) -> Option<Complex> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    Some(table[special_type(z.re)][special_type(z.im)])
}

fn is_finite(z: Complex) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

// ---------------------------------------------------------------------------------------------
// The functions (`cmath_*_impl`), each with the errno CPython's version leaves.

fn c_acos(z: Complex) -> (Complex, Errno) {
    if let Some(r) = special(z, &ACOS_SV) {
        return (r, Errno::Ok);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(m::atan2(z.im.abs(), z.re), -(m::log(m::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0).copysign(z.im))
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(2.0 * m::atan2(s1.re, s2.re), m::asinh(s2.re * s1.im - s2.im * s1.re))
    };
    (r, Errno::Ok)
}

fn c_acosh(z: Complex) -> (Complex, Errno) {
    if let Some(r) = special(z, &ACOSH_SV) {
        return (r, Errno::Ok);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(m::log(m::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0, m::atan2(z.im, z.re))
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(m::asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * m::atan2(s1.im, s2.re))
    };
    (r, Errno::Ok)
}

fn c_asin(z: Complex) -> (Complex, Errno) {
    let (s, e) = c_asinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_asinh(z: Complex) -> (Complex, Errno) {
    if let Some(r) = special(z, &ASINH_SV) {
        return (r, Errno::Ok);
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = m::log(m::hypot(z.re / 2.0, z.im / 2.0)) + LN2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        c(re, m::atan2(z.im, z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(m::asinh(s1.re * s2.im - s2.re * s1.im), m::atan2(z.im, s1.re * s2.re - s1.im * s2.im))
    };
    (r, Errno::Ok)
}

fn c_atan(z: Complex) -> (Complex, Errno) {
    let (s, e) = c_atanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

/// `_Py_log1p`: `log1p` keeping the sign of a zero.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        m::log1p(x)
    }
}

fn c_atanh(z: Complex) -> (Complex, Errno) {
    if let Some(r) = special(z, &ATANH_SV) {
        return (r, Errno::Ok);
    }
    // atanh(z) = -atanh(-z): work with a non-negative real part.
    if z.re < 0.0 {
        let (r, e) = c_atanh(complex::neg(z));
        return (complex::neg(r), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        // atanh(z) is close to 1/z +/- i*pi/2 for large z.
        let h = m::hypot(z.re / 2.0, z.im / 2.0);
        (c(z.re / 4.0 / h / h, (P / 2.0).copysign(z.im)), Errno::Ok)
    } else if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            (c(INF, z.im), Errno::Dom)
        } else {
            let re = -m::log(ay.sqrt() / m::hypot(ay, 2.0).sqrt());
            (c(re, (m::atan2(2.0, -ay) / 2.0).copysign(z.im)), Errno::Ok)
        }
    } else {
        let re = log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
        let im = -m::atan2(-2.0 * z.im, (1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
        (c(re, im), Errno::Ok)
    }
}

fn c_cos(z: Complex) -> (Complex, Errno) {
    c_cosh(c(-z.im, z.re))
}

fn c_cosh(z: Complex) -> (Complex, Errno) {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cs, sn) = (m::cos(z.im), m::sin(z.im));
            if z.re > 0.0 {
                c(INF.copysign(cs), INF.copysign(sn))
            } else {
                c(INF.copysign(cs), -INF.copysign(sn))
            }
        } else {
            COSH_SV[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(
            m::cos(z.im) * m::cosh(x_minus_one) * std::f64::consts::E,
            m::sin(z.im) * m::sinh(x_minus_one) * std::f64::consts::E,
        )
    } else {
        c(m::cos(z.im) * m::cosh(z.re), m::sin(z.im) * m::sinh(z.re))
    };
    (r, overflow(r))
}

/// `ERANGE` when a finite argument gave an infinite part.
fn overflow(r: Complex) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    }
}

fn c_exp(z: Complex) -> (Complex, Errno) {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cs, sn) = (m::cos(z.im), m::sin(z.im));
            if z.re > 0.0 {
                c(INF.copysign(cs), INF.copysign(sn))
            } else {
                c(0.0f64.copysign(cs), 0.0f64.copysign(sn))
            }
        } else {
            EXP_SV[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re > log_large_double() {
        let l = m::exp(z.re - 1.0);
        c(l * m::cos(z.im) * std::f64::consts::E, l * m::sin(z.im) * std::f64::consts::E)
    } else {
        let l = m::exp(z.re);
        c(l * m::cos(z.im), l * m::sin(z.im))
    };
    (r, overflow(r))
}

fn c_log(z: Complex) -> (Complex, Errno) {
    if let Some(r) = special(z, &LOG_SV) {
        return (r, Errno::Ok);
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        m::log(m::hypot(ax / 2.0, ay / 2.0)) + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal: scale up first.
            m::log(m::hypot(m::ldexp(ax, MANT_DIG), m::ldexp(ay, MANT_DIG))) - MANT_DIG as f64 * LN2
        } else {
            return (c(-INF, m::atan2(z.im, z.re)), Errno::Dom);
        }
    } else {
        let h = m::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            m::log(h)
        }
    };
    (c(re, m::atan2(z.im, z.re)), Errno::Ok)
}

fn c_log10(z: Complex) -> (Complex, Errno) {
    let (r, e) = c_log(z);
    (c(r.re / LN10, r.im / LN10), e)
}

fn c_sin(z: Complex) -> (Complex, Errno) {
    let (s, e) = c_sinh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_sinh(z: Complex) -> (Complex, Errno) {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (cs, sn) = (m::cos(z.im), m::sin(z.im));
            if z.re > 0.0 {
                c(INF.copysign(cs), INF.copysign(sn))
            } else {
                c(-INF.copysign(cs), INF.copysign(sn))
            }
        } else {
            SINH_SV[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x_minus_one = z.re - 1.0f64.copysign(z.re);
        c(
            m::cos(z.im) * m::sinh(x_minus_one) * std::f64::consts::E,
            m::sin(z.im) * m::cosh(x_minus_one) * std::f64::consts::E,
        )
    } else {
        c(m::cos(z.im) * m::sinh(z.re), m::sin(z.im) * m::cosh(z.re))
    };
    (r, overflow(r))
}

fn c_sqrt(z: Complex) -> (Complex, Errno) {
    if let Some(r) = special(z, &SQRT_SV) {
        return (r, Errno::Ok);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up first.
        ax = m::ldexp(ax, SCALE_UP);
        m::ldexp((ax + m::hypot(ax, m::ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + m::hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 { c(s, d.copysign(z.im)) } else { c(d, s.copysign(z.im)) };
    (r, Errno::Ok)
}

fn c_tan(z: Complex) -> (Complex, Errno) {
    let (s, e) = c_tanh(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn c_tanh(z: Complex) -> (Complex, Errno) {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * m::sin(z.im) * m::cos(z.im));
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            TANH_SV[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && z.re.is_finite() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        c(1.0f64.copysign(z.re), 4.0 * m::sin(z.im) * m::cos(z.im) * m::exp(-2.0 * z.re.abs()))
    } else {
        let tx = m::tanh(z.re);
        let ty = m::tan(z.im);
        let cx = 1.0 / m::cosh(z.re);
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

// ---------------------------------------------------------------------------------------------
// The module

pub fn module(vm: &mut Vm) -> Value {
    let mut entries = natives(
        vm,
        &[
            ("sqrt", |vm, a, _| unary(vm, a, "cmath.sqrt", c_sqrt)),
            ("exp", |vm, a, _| unary(vm, a, "cmath.exp", c_exp)),
            ("log10", |vm, a, _| unary(vm, a, "cmath.log10", c_log10)),
            ("sin", |vm, a, _| unary(vm, a, "cmath.sin", c_sin)),
            ("cos", |vm, a, _| unary(vm, a, "cmath.cos", c_cos)),
            ("tan", |vm, a, _| unary(vm, a, "cmath.tan", c_tan)),
            ("asin", |vm, a, _| unary(vm, a, "cmath.asin", c_asin)),
            ("acos", |vm, a, _| unary(vm, a, "cmath.acos", c_acos)),
            ("atan", |vm, a, _| unary(vm, a, "cmath.atan", c_atan)),
            ("sinh", |vm, a, _| unary(vm, a, "cmath.sinh", c_sinh)),
            ("cosh", |vm, a, _| unary(vm, a, "cmath.cosh", c_cosh)),
            ("tanh", |vm, a, _| unary(vm, a, "cmath.tanh", c_tanh)),
            ("asinh", |vm, a, _| unary(vm, a, "cmath.asinh", c_asinh)),
            ("acosh", |vm, a, _| unary(vm, a, "cmath.acosh", c_acosh)),
            ("atanh", |vm, a, _| unary(vm, a, "cmath.atanh", c_atanh)),
            ("log", cmath_log),
            ("phase", cmath_phase),
            ("polar", cmath_polar),
            ("rect", cmath_rect),
            ("isfinite", |vm, a, _| predicate(vm, a, "cmath.isfinite", |z| z.re.is_finite() && z.im.is_finite())),
            ("isinf", |vm, a, _| predicate(vm, a, "cmath.isinf", |z| z.re.is_infinite() || z.im.is_infinite())),
            ("isnan", |vm, a, _| predicate(vm, a, "cmath.isnan", |z| z.re.is_nan() || z.im.is_nan())),
            ("isclose", cmath_isclose),
        ],
    );
    entries.push(("pi", Value::Float(P)));
    entries.push(("e", Value::Float(std::f64::consts::E)));
    entries.push(("tau", Value::Float(std::f64::consts::TAU)));
    entries.push(("inf", Value::Float(INF)));
    entries.push(("nan", Value::Float(N)));
    let infj = new_complex(vm, c(0.0, INF));
    entries.push(("infj", infj));
    let nanj = new_complex(vm, c(0.0, N));
    entries.push(("nanj", nanj));
    make_module(vm, "cmath", entries)
}

/// CPython's `math_error`: `ValueError` for `EDOM`, `OverflowError` for `ERANGE`.
fn result(vm: &mut Vm, r: Complex, e: Errno) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(new_complex(vm, r)),
        Errno::Dom => Err(vm.new_error(vm.types.value_error, "math domain error")),
        Errno::Range => Err(vm.new_error(vm.types.overflow_error, "math range error")),
    }
}

fn unary(vm: &mut Vm, args: &[Value], name: &str, f: fn(Complex) -> (Complex, Errno)) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let z = complex_arg(vm, args[0])?;
    let (r, e) = f(z);
    result(vm, r, e)
}

fn predicate(vm: &mut Vm, args: &[Value], name: &str, f: fn(Complex) -> bool) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let z = complex_arg(vm, args[0])?;
    Ok(Value::Bool(f(z)))
}

/// `log(z[, base])`: the quotient of the logarithms; the base's `c_log` resets `errno`.
fn cmath_log(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "log", args, 1, 2)?;
    let z = complex_arg(vm, args[0])?;
    let (mut r, mut e) = c_log(z);
    if let Some(&b) = args.get(1) {
        let base = complex_arg(vm, b)?;
        let (lb, eb) = c_log(base);
        e = eb;
        let (q, eq) = complex::quot(r, lb);
        r = q;
        if eq != Errno::Ok {
            e = eq;
        }
    }
    result(vm, r, e)
}

fn cmath_phase(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "cmath.phase", args, 1, 1)?;
    let z = complex_arg(vm, args[0])?;
    Ok(Value::Float(m::atan2(z.im, z.re)))
}

fn cmath_polar(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "cmath.polar", args, 1, 1)?;
    let z = complex_arg(vm, args[0])?;
    let phi = m::atan2(z.im, z.re);
    let (r, e) = complex::abs(z);
    if e != Errno::Ok {
        return Err(vm.new_error(vm.types.overflow_error, "math range error"));
    }
    Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn cmath_rect(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "rect", args, 2, 2)?;
    let r = float_arg(vm, args[0])?;
    let phi = float_arg(vm, args[1])?;
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (cs, sn) = (m::cos(phi), m::sin(phi));
            if r > 0.0 {
                c(INF.copysign(cs), INF.copysign(sn))
            } else {
                c(-INF.copysign(cs), -INF.copysign(sn))
            }
        } else {
            RECT_SV[special_type(r)][special_type(phi)]
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Dom } else { Errno::Ok };
        return result(vm, z, e);
    }
    let z = if phi == 0.0 { c(r, r * phi) } else { c(r * m::cos(phi), r * m::sin(phi)) };
    result(vm, z, Errno::Ok)
}

fn cmath_isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = super::containers::clinic_args(vm, "isclose", args, kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(vm.new_error(
            vm.types.type_error,
            &format!("isclose() takes exactly 2 positional arguments ({} given)", args.len()),
        ));
    }
    let (Some(a), Some(b)) = (p[0], p[1]) else {
        let missing = if p[0].is_none() { "a" } else { "b" };
        return Err(vm.new_error(
            vm.types.type_error,
            &format!("isclose() missing required argument '{missing}' (pos {})", if missing == "a" { 1 } else { 2 }),
        ));
    };
    let a = complex_arg(vm, a)?;
    let b = complex_arg(vm, b)?;
    let rel_tol = match p[2] {
        Some(v) => float_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match p[3] {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_error(vm.types.value_error, "tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = complex::abs(complex::diff(a, b)).0;
    let close = diff <= rel_tol * complex::abs(b).0 || diff <= rel_tol * complex::abs(a).0 || diff <= abs_tol;
    Ok(Value::Bool(close))
}

// ---------------------------------------------------------------------------------------------
// Special values (C99 Annex G), CPython 3.11's tables: rows by the real part's kind, columns by
// the imaginary part's. (Later CPythons changed a few NaN cells of `acosh` and `tanh`.)

/// `acos_special_values`.
const ACOS_SV: Table = [
    [c(P34, INF), c(P, INF), c(P, INF), c(P, -INF), c(P, -INF), c(P34, -INF), c(N, INF)],
    [c(P12, INF), c(U, U), c(U, U), c(U, U), c(U, U), c(P12, -INF), c(N, N)],
    [c(P12, INF), c(U, U), c(P12, 0.0), c(P12, -0.0), c(U, U), c(P12, -INF), c(P12, N)],
    [c(P12, INF), c(U, U), c(P12, 0.0), c(P12, -0.0), c(U, U), c(P12, -INF), c(P12, N)],
    [c(P12, INF), c(U, U), c(U, U), c(U, U), c(U, U), c(P12, -INF), c(N, N)],
    [c(P14, INF), c(0.0, INF), c(0.0, INF), c(0.0, -INF), c(0.0, -INF), c(P14, -INF), c(N, INF)],
    [c(N, INF), c(N, N), c(N, N), c(N, N), c(N, N), c(N, -INF), c(N, N)],
];

/// `acosh_special_values`.
const ACOSH_SV: Table = [
    [c(INF, -P34), c(INF, -P), c(INF, -P), c(INF, P), c(INF, P), c(INF, P34), c(INF, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(0.0, -P12), c(0.0, P12), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(0.0, -P12), c(0.0, P12), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P14), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, P14), c(INF, N)],
    [c(INF, N), c(N, N), c(N, N), c(N, N), c(N, N), c(INF, N), c(N, N)],
];

/// `asinh_special_values`.
const ASINH_SV: Table = [
    [c(-INF, -P14), c(-INF, -0.0), c(-INF, -0.0), c(-INF, 0.0), c(-INF, 0.0), c(-INF, P14), c(-INF, N)],
    [c(-INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(-INF, P12), c(N, N)],
    [c(-INF, -P12), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(-INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P14), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, P14), c(INF, N)],
    [c(INF, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(INF, N), c(N, N)],
];

/// `atanh_special_values`.
const ATANH_SV: Table = [
    [c(-0.0, -P12), c(-0.0, -P12), c(-0.0, -P12), c(-0.0, P12), c(-0.0, P12), c(-0.0, P12), c(-0.0, N)],
    [c(-0.0, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(-0.0, P12), c(N, N)],
    [c(-0.0, -P12), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(-0.0, P12), c(-0.0, N)],
    [c(0.0, -P12), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, P12), c(0.0, N)],
    [c(0.0, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(0.0, P12), c(N, N)],
    [c(0.0, -P12), c(0.0, -P12), c(0.0, -P12), c(0.0, P12), c(0.0, P12), c(0.0, P12), c(0.0, N)],
    [c(0.0, -P12), c(N, N), c(N, N), c(N, N), c(N, N), c(0.0, P12), c(N, N)],
];

/// `cosh_special_values`.
const COSH_SV: Table = [
    [c(INF, N), c(U, U), c(INF, 0.0), c(INF, -0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(N, 0.0), c(U, U), c(1.0, 0.0), c(1.0, -0.0), c(U, U), c(N, 0.0), c(N, 0.0)],
    [c(N, 0.0), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(N, 0.0), c(N, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, 0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

/// `exp_special_values`.
const EXP_SV: Table = [
    [c(0.0, 0.0), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, 0.0), c(0.0, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

/// `log_special_values`.
const LOG_SV: Table = [
    [c(INF, -P34), c(INF, -P), c(INF, -P), c(INF, P), c(INF, P), c(INF, P34), c(INF, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(-INF, -P), c(-INF, P), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(-INF, -0.0), c(-INF, 0.0), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P12), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, P12), c(N, N)],
    [c(INF, -P14), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, P14), c(INF, N)],
    [c(INF, N), c(N, N), c(N, N), c(N, N), c(N, N), c(INF, N), c(N, N)],
];

/// `sinh_special_values`.
const SINH_SV: Table = [
    [c(INF, N), c(U, U), c(-INF, -0.0), c(-INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(0.0, N), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(0.0, N), c(0.0, N)],
    [c(0.0, N), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, N), c(0.0, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

/// `sqrt_special_values`.
const SQRT_SV: Table = [
    [c(INF, -INF), c(0.0, -INF), c(0.0, -INF), c(0.0, INF), c(0.0, INF), c(INF, INF), c(N, INF)],
    [c(INF, -INF), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(U, U), c(U, U), c(U, U), c(U, U), c(INF, INF), c(N, N)],
    [c(INF, -INF), c(INF, -0.0), c(INF, -0.0), c(INF, 0.0), c(INF, 0.0), c(INF, INF), c(INF, N)],
    [c(INF, -INF), c(N, N), c(N, N), c(N, N), c(N, N), c(INF, INF), c(N, N)],
];

/// `tanh_special_values`.
const TANH_SV: Table = [
    [c(-1.0, 0.0), c(U, U), c(-1.0, -0.0), c(-1.0, 0.0), c(U, U), c(-1.0, 0.0), c(-1.0, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(-0.0, -0.0), c(-0.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(N, N), c(N, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(1.0, 0.0), c(U, U), c(1.0, -0.0), c(1.0, 0.0), c(U, U), c(1.0, 0.0), c(1.0, 0.0)],
    [c(N, N), c(N, N), c(N, -0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];

/// `rect_special_values`.
const RECT_SV: Table = [
    [c(INF, N), c(U, U), c(-INF, 0.0), c(-INF, -0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(0.0, 0.0), c(U, U), c(-0.0, 0.0), c(-0.0, -0.0), c(U, U), c(0.0, 0.0), c(0.0, 0.0)],
    [c(0.0, 0.0), c(U, U), c(0.0, -0.0), c(0.0, 0.0), c(U, U), c(0.0, 0.0), c(0.0, 0.0)],
    [c(N, N), c(U, U), c(U, U), c(U, U), c(U, U), c(N, N), c(N, N)],
    [c(INF, N), c(U, U), c(INF, -0.0), c(INF, 0.0), c(U, U), c(INF, N), c(INF, N)],
    [c(N, N), c(N, N), c(N, 0.0), c(N, 0.0), c(N, N), c(N, N), c(N, N)],
];
