//! `math`: CPython's math module. Functions of floats call the C library's (Rust's `f64`
//! methods, or libm directly for the ones Rust lacks, like `erf`), so results are the ones
//! CPython gets from the same library; domain and range errors are CPython's `ValueError`s and
//! `OverflowError`s. Integer functions (`gcd`, `factorial`, `isqrt`, `comb`, `perm`, `lcm`)
//! work on big integers. Objects convert with `__float__` and `__index__`, and `floor`,
//! `ceil` and `trunc` ask `__floor__`, `__ceil__` and `__trunc__` first.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::interpreter::{PyResult, Vm};

use super::builtins::arity;
use super::int;
use super::interner::Sym;
use super::modules::{make_module, natives};
use super::ops;
use super::value::Value;

use super::object::NativeFn;

type Kw<'a> = &'a [(Sym, Value)];

pub fn module(vm: &mut Vm) -> Value {
    let mut entries = natives(
        vm,
        &[
            ("sqrt", math_sqrt),
            ("sin", math_sin),
            ("cos", math_cos),
            ("tan", math_tan),
            ("asin", |vm, a, _| unary_math(vm, a, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x))),
            ("acos", |vm, a, _| unary_math(vm, a, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x))),
            ("atan", math_atan),
            ("exp", math_exp),
            ("log10", |vm, a, _| unary_math(vm, a, "log10", f64::log10, |x| x > 0.0)),
            ("log2", |vm, a, _| unary_math(vm, a, "log2", f64::log2, |x| x > 0.0)),
            ("fabs", math_fabs),
            ("degrees", |vm, a, _| unary_math(vm, a, "degrees", f64::to_degrees, |_| true)),
            ("radians", |vm, a, _| unary_math(vm, a, "radians", f64::to_radians, |_| true)),
            ("sinh", |vm, a, _| unary_math(vm, a, "sinh", f64::sinh, |_| true)),
            ("cosh", |vm, a, _| unary_math(vm, a, "cosh", f64::cosh, |_| true)),
            ("tanh", |vm, a, _| unary_math(vm, a, "tanh", f64::tanh, |_| true)),
            ("log", math_log),
            ("atan2", math_atan2),
            ("hypot", math_hypot),
            ("pow", math_pow),
            ("copysign", math_copysign),
            ("fmod", math_fmod),
            ("floor", math_floor),
            ("ceil", math_ceil),
            ("trunc", math_trunc),
            ("isinf", |vm, a, _| float_pred(vm, a, f64::is_infinite)),
            ("isnan", |vm, a, _| float_pred(vm, a, f64::is_nan)),
            ("isfinite", |vm, a, _| float_pred(vm, a, f64::is_finite)),
            ("gcd", math_gcd),
            ("factorial", math_factorial),
            ("isqrt", math_isqrt),
            ("fsum", math_fsum),
            // SAFETY (all of the C library's below): pure functions of a double, in the C math
            // library every Rust program on Linux links; CPython calls the same ones, so the
            // results agree to the last bit (Rust's own versions of some do not).
            ("asinh", |vm, a, _| unary_math(vm, a, "asinh", |x| unsafe { libm::asinh(x) }, |_| true)),
            ("acosh", |vm, a, _| unary_math(vm, a, "acosh", |x| unsafe { libm::acosh(x) }, |x| x >= 1.0)),
            ("atanh", |vm, a, _| unary_math(vm, a, "atanh", |x| unsafe { libm::atanh(x) }, |x| x > -1.0 && x < 1.0)),
            ("expm1", |vm, a, _| overflowing_math(vm, a, "expm1", |x| unsafe { libm::expm1(x) })),
            ("log1p", |vm, a, _| unary_math(vm, a, "log1p", |x| unsafe { libm::log1p(x) }, |x| x > -1.0)),
            ("cbrt", |vm, a, _| unary_math(vm, a, "cbrt", |x| unsafe { libm::cbrt(x) }, |_| true)),
            ("exp2", |vm, a, _| overflowing_math(vm, a, "exp2", |x| unsafe { libm::exp2(x) })),
            ("erf", |vm, a, _| unary_math(vm, a, "erf", |x| unsafe { libm::erf(x) }, |_| true)),
            ("erfc", |vm, a, _| unary_math(vm, a, "erfc", |x| unsafe { libm::erfc(x) }, |_| true)),
            ("ldexp", math_ldexp),
            ("frexp", math_frexp),
            ("modf", math_modf),
            ("prod", math_prod),
            ("isclose", math_isclose),
            ("comb", math_comb),
            ("perm", math_perm),
            ("lcm", math_lcm),
            ("dist", math_dist),
        ],
    );
    entries.push(("pi", Value::Float(std::f64::consts::PI)));
    entries.push(("e", Value::Float(std::f64::consts::E)));
    entries.push(("tau", Value::Float(std::f64::consts::TAU)));
    entries.push(("inf", Value::Float(f64::INFINITY)));
    entries.push(("nan", Value::Float(f64::NAN)));
    make_module(vm, "math", entries)
}

pub fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match int::num_as_f64(vm, v)? {
        Some(x) => Ok(x),
        None if matches!(v.obj().map(|o| &o.kind), Some(super::object::ObjKind::Instance(_))) => {
            // `__float__`, else `__index__`.
            for (name, convert) in [(super::interner::sym::FLOAT, true), (super::interner::sym::INDEX, false)] {
                if let Some(r) = ops::call_special(vm, v, name, &[])? {
                    if let Value::Float(x) = r {
                        return Ok(x);
                    }
                    if !convert || int::is_int(r) {
                        return float_arg(vm, r);
                    }
                }
            }
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("must be real number, not {tn}")))
        }
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("must be real number, not {tn}")))
        }
    }
}

fn domain_error(vm: &mut Vm) -> crate::interpreter::PyErr {
    vm.new_error(vm.types.value_error, "math domain error")
}

fn unary_math(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64, domain: fn(f64) -> bool) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    if !x.is_nan() && !domain(x) {
        return Err(domain_error(vm));
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(r))
}

fn float_pred(vm: &mut Vm, args: &[Value], f: fn(f64) -> bool) -> PyResult<Value> {
    arity(vm, "isinf", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    Ok(Value::Bool(f(x)))
}

fn math_sqrt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    unary_math(vm, args, "sqrt", f64::sqrt, |x| x >= 0.0)
}

fn math_sin(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    unary_math(vm, args, "sin", f64::sin, |_| true)
}

fn math_cos(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    unary_math(vm, args, "cos", f64::cos, |_| true)
}

fn math_tan(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    unary_math(vm, args, "tan", f64::tan, |_| true)
}

fn math_atan(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    unary_math(vm, args, "atan", f64::atan, |_| true)
}

fn math_fabs(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    unary_math(vm, args, "fabs", f64::abs, |_| true)
}

/// The math functions of one float a trace computes directly (`_CALL_MATH1`), by kernel
/// number: each as its native computes it, with its domain.
const KERNELS: [(NativeFn, fn(f64) -> f64, fn(f64) -> bool); 6] = [
    (math_sqrt, f64::sqrt, |x| x >= 0.0),
    (math_sin, f64::sin, |_| true),
    (math_cos, f64::cos, |_| true),
    (math_tan, f64::tan, |_| true),
    (math_atan, f64::atan, |_| true),
    (math_fabs, f64::abs, |_| true),
];

/// The kernel number of the native `func`, if it is one of [`KERNELS`].
pub fn kernel_of(func: NativeFn) -> Option<u32> {
    KERNELS.iter().position(|(f, _, _)| std::ptr::fn_addr_eq(*f, func)).map(|i| i as u32)
}

/// Kernel `which` of `x`, as `unary_math` computes it; None where the call raises (outside the
/// domain, or a NaN made from a number).
pub fn kernel(which: u32, x: f64) -> Option<f64> {
    let (_, f, domain) = KERNELS.get(which as usize)?;
    if !x.is_nan() && !domain(x) {
        return None;
    }
    let r = f(x);
    (!r.is_nan() || x.is_nan()).then_some(r)
}

fn math_exp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "exp", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_error(vm.types.overflow_error, "math range error"));
    }
    Ok(Value::Float(r))
}

fn math_log(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "log", args, 1, 2)?;
    let ln = |vm: &mut Vm, v: Value| -> PyResult<f64> {
        if let Some(b) = int::to_bigint(v) {
            if b.is_positive() {
                // Exact for huge ints: log(m * 2**e) = log(m) + e*log(2).
                let bits = b.bits();
                if bits > 1000 {
                    let shift = bits - 60;
                    let m = (&b >> shift).to_f64().unwrap_or(1.0);
                    return Ok(m.ln() + shift as f64 * std::f64::consts::LN_2);
                }
            }
        }
        let x = float_arg(vm, v)?;
        if x <= 0.0 {
            return Err(domain_error(vm));
        }
        Ok(x.ln())
    };
    let x = ln(vm, args[0])?;
    match args.get(1) {
        Some(b) => {
            let lb = ln(vm, *b)?;
            if lb == 0.0 {
                return Err(vm.new_error(vm.types.zero_division_error, "float division by zero"));
            }
            Ok(Value::Float(x / lb))
        }
        None => Ok(Value::Float(x)),
    }
}

fn math_atan2(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "atan2", args, 2, 2)?;
    let (y, x) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    Ok(Value::Float(y.atan2(x)))
}

fn math_hypot(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for &a in args {
        let x = float_arg(vm, a)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn math_pow(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "pow", args, 2, 2)?;
    let (x, y) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    if x == 0.0 && y < 0.0 || (x < 0.0 && y.fract() != 0.0 && y.is_finite()) {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_error(vm.types.overflow_error, "math range error"));
    }
    Ok(Value::Float(r))
}

fn math_copysign(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "copysign", args, 2, 2)?;
    let (x, y) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "fmod", args, 2, 2)?;
    let (x, y) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    if y == 0.0 {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(x % y))
}

fn float_to_int_checked(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.new_error(vm.types.value_error, "cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.new_error(vm.types.overflow_error, "cannot convert float infinity to integer"));
    }
    Ok(super::builtins::float_to_int(vm, x))
}

/// `__floor__`, `__ceil__` or `__trunc__` of an object that has it.
fn rounding_hook(vm: &mut Vm, v: Value, name: &str) -> PyResult<Option<Value>> {
    if !matches!(v.obj().map(|o| &o.kind), Some(super::object::ObjKind::Instance(_))) {
        return Ok(None);
    }
    let s = vm.intern(name);
    ops::call_special(vm, v, s, &[])
}

fn math_floor(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "floor", args, 1, 1)?;
    if int::is_int(args[0]) {
        return ops::positive(vm, args[0]);
    }
    if let Some(r) = rounding_hook(vm, args[0], "__floor__")? {
        return Ok(r);
    }
    let x = float_arg(vm, args[0])?;
    float_to_int_checked(vm, x.floor())
}

fn math_ceil(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "ceil", args, 1, 1)?;
    if int::is_int(args[0]) {
        return ops::positive(vm, args[0]);
    }
    if let Some(r) = rounding_hook(vm, args[0], "__ceil__")? {
        return Ok(r);
    }
    let x = float_arg(vm, args[0])?;
    float_to_int_checked(vm, x.ceil())
}

fn math_trunc(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "trunc", args, 1, 1)?;
    if int::is_int(args[0]) {
        return ops::positive(vm, args[0]);
    }
    if let Some(r) = rounding_hook(vm, args[0], "__trunc__")? {
        return Ok(r);
    }
    let x = float_arg(vm, args[0])?;
    float_to_int_checked(vm, x.trunc())
}

pub fn int_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match int::to_bigint(v) {
        Some(b) => Ok(b),
        None => {
            let tn = ops::type_name(vm, v);
            Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

fn math_gcd(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut g = BigInt::from(0);
    for &a in args {
        let b = int_arg(vm, a)?;
        g = num_integer::Integer::gcd(&g, &b);
    }
    Ok(int::from_bigint(vm, g))
}

fn math_factorial(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "factorial", args, 1, 1)?;
    if matches!(args[0], Value::Float(_)) {
        return Err(vm.new_error(vm.types.type_error, "'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.new_error(vm.types.value_error, "factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX).min(100_000);
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(int::from_bigint(vm, acc))
}

fn math_isqrt(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "isqrt", args, 1, 1)?;
    let n = int_arg(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.new_error(vm.types.value_error, "isqrt() argument must be nonnegative"));
    }
    Ok(int::from_bigint(vm, n.sqrt()))
}

fn math_fsum(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "fsum", args, 1, 1)?;
    let items = super::iter::collect(vm, args[0])?;
    // Shewchuk's exact summation (as CPython's math.fsum).
    let mut partials: Vec<f64> = Vec::new();
    for v in items {
        let mut x = float_arg(vm, v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

/// The C math library's functions that Rust lacks or computes differently, taken from the
/// system's `libm.so.6` itself: the program also contains Rust's own ports of some of them under
/// the same C names (compiler-builtins), whose last bit can differ from glibc's, which CPython
/// uses. (When the library cannot be opened, the linked symbols serve.)
pub(crate) mod libm {
    use std::ffi::{c_char, c_int, c_void};
    use std::sync::OnceLock;

    extern "C" {
        fn dlopen(filename: *const c_char, flags: c_int) -> *mut c_void;
        fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    }

    mod linked {
        #[link(name = "m")]
        extern "C" {
            pub fn erf(x: f64) -> f64;
            pub fn erfc(x: f64) -> f64;
            pub fn asinh(x: f64) -> f64;
            pub fn acosh(x: f64) -> f64;
            pub fn atanh(x: f64) -> f64;
            pub fn expm1(x: f64) -> f64;
            pub fn log1p(x: f64) -> f64;
            pub fn cbrt(x: f64) -> f64;
            pub fn exp2(x: f64) -> f64;
            pub fn exp(x: f64) -> f64;
            pub fn log(x: f64) -> f64;
            pub fn sin(x: f64) -> f64;
            pub fn cos(x: f64) -> f64;
            pub fn tan(x: f64) -> f64;
            pub fn sinh(x: f64) -> f64;
            pub fn cosh(x: f64) -> f64;
            pub fn tanh(x: f64) -> f64;
            pub fn atan2(y: f64, x: f64) -> f64;
            pub fn hypot(x: f64, y: f64) -> f64;
            pub fn pow(x: f64, y: f64) -> f64;
            pub fn frexp(x: f64, exp: *mut i32) -> f64;
            pub fn ldexp(x: f64, exp: i32) -> f64;
            pub fn modf(x: f64, whole: *mut f64) -> f64;
        }
    }

    /// A function of `libm.so.6` by name (a NUL-terminated byte string), if it can be found.
    fn find(name: &[u8]) -> Option<*mut c_void> {
        static HANDLE: OnceLock<usize> = OnceLock::new();
        // SAFETY: dlopen with a NUL-terminated name and RTLD_NOW (2); the handle is never
        // closed, so pointers found through it stay valid for the process's lifetime.
        let handle = *HANDLE.get_or_init(|| unsafe { dlopen(c"libm.so.6".as_ptr(), 2) } as usize);
        if handle == 0 {
            return None;
        }
        // SAFETY: a live handle and a NUL-terminated symbol name.
        let f = unsafe { dlsym(handle as *mut c_void, name.as_ptr().cast()) };
        (!f.is_null()).then_some(f)
    }

    macro_rules! unary {
        ($($name:ident),*) => {$(
            pub unsafe fn $name(x: f64) -> f64 {
                static F: OnceLock<usize> = OnceLock::new();
                let f = *F.get_or_init(|| find(concat!(stringify!($name), "\0").as_bytes()).map_or(0, |f| f as usize));
                if f == 0 {
                    return linked::$name(x);
                }
                // SAFETY: `f` is the C library's function of that name, of type double(double).
                let f: extern "C" fn(f64) -> f64 = std::mem::transmute(f);
                f(x)
            }
        )*};
    }
    unary!(erf, erfc, asinh, acosh, atanh, expm1, log1p, cbrt, exp2, exp, log, sin, cos, tan, sinh, cosh, tanh);

    macro_rules! binary {
        ($($name:ident),*) => {$(
            pub unsafe fn $name(x: f64, y: f64) -> f64 {
                static F: OnceLock<usize> = OnceLock::new();
                let f = *F.get_or_init(|| find(concat!(stringify!($name), "\0").as_bytes()).map_or(0, |f| f as usize));
                if f == 0 {
                    return linked::$name(x, y);
                }
                // SAFETY: `f` is the C library's function of that name, of type
                // double(double, double).
                let f: extern "C" fn(f64, f64) -> f64 = std::mem::transmute(f);
                f(x, y)
            }
        )*};
    }
    binary!(atan2, hypot, pow);

    pub unsafe fn frexp(x: f64, exp: *mut i32) -> f64 {
        linked::frexp(x, exp)
    }

    pub unsafe fn ldexp(x: f64, exp: i32) -> f64 {
        linked::ldexp(x, exp)
    }

    pub unsafe fn modf(x: f64, whole: *mut f64) -> f64 {
        linked::modf(x, whole)
    }
}

/// A function whose finite argument may give an infinite result: "math range error".
fn overflowing_math(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    let r = f(x);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_error(vm.types.overflow_error, "math range error"));
    }
    Ok(Value::Float(r))
}

fn math_ldexp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "ldexp", args, 2, 2)?;
    let x = float_arg(vm, args[0])?;
    if !int::is_int(args[1]) {
        return Err(vm.new_error(vm.types.type_error, "Expected an int as second argument to ldexp."));
    }
    let e = int_arg(vm, args[1])?;
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX }).clamp(-100_000, 100_000) as i32;
    // SAFETY: `ldexp` is a pure C library function of a double and an int.
    let r = unsafe { libm::ldexp(x, e) };
    if r.is_infinite() && x.is_finite() {
        return Err(vm.new_error(vm.types.overflow_error, "math range error"));
    }
    Ok(Value::Float(r))
}

fn math_frexp(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "frexp", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    let mut e: i32 = 0;
    // SAFETY: `frexp` writes the exponent through the pointer, which points to a live i32.
    let m = if x.is_finite() { unsafe { libm::frexp(x, &mut e) } } else { x };
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn math_modf(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "modf", args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    let mut whole = 0.0;
    // SAFETY: `modf` writes the integral part through the pointer, which points to a live f64.
    let frac = if x.is_infinite() { 0.0f64.copysign(x) } else { unsafe { libm::modf(x, &mut whole) } };
    if x.is_infinite() {
        whole = x;
    }
    Ok(vm.new_tuple(vec![Value::Float(frac), Value::Float(whole)]))
}

/// `prod(iterable, *, start=1)`.
fn math_prod(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    arity(vm, "prod", args, 1, 1)?;
    let mut acc = Value::Int(1);
    for (k, v) in kw {
        if vm.sym_str(*k) == "start" {
            acc = *v;
        }
    }
    let items = super::iter::collect(vm, args[0])?;
    let holder = vm.new_list(items.clone());
    vm.temp_roots.push(holder);
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(acc);
    let result = (|| {
        for v in items {
            acc = ops::binary_op(vm, crate::bytecode::BinaryOp::Multiply, false, acc, v)?;
            vm.temp_roots[mark] = acc;
        }
        Ok(acc)
    })();
    vm.temp_roots.truncate(mark - 1);
    result
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn math_isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    arity(vm, "isclose", args, 2, 2)?;
    let (a, b) = (float_arg(vm, args[0])?, float_arg(vm, args[1])?);
    let (mut rel, mut abs) = (1e-9, 0.0);
    for (k, v) in kw {
        match vm.sym_str(*k) {
            "rel_tol" => rel = float_arg(vm, *v)?,
            "abs_tol" => abs = float_arg(vm, *v)?,
            _ => {}
        }
    }
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.new_error(vm.types.value_error, "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

fn nonnegative(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    if !int::is_int(v) {
        let tn = ops::type_name(vm, v);
        return Err(vm.new_error(vm.types.type_error, &format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let n = int_arg(vm, v)?;
    if n.is_negative() {
        return Err(vm.new_error(vm.types.value_error, &format!("{what} must be a non-negative integer")));
    }
    Ok(n)
}

/// `perm(n, k)`: n! / (n - k)! (0 when k > n); `perm(n)` is `n!`.
fn math_perm(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "perm", args, 1, 2)?;
    let n = nonnegative(vm, args[0], "n")?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => nonnegative(vm, *v, "k")?,
        _ => n.clone(),
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut r = BigInt::from(1);
    let mut i = n.clone() - &k + 1;
    while i <= n {
        r *= &i;
        i += 1;
    }
    Ok(int::from_bigint(vm, r))
}

/// `comb(n, k)`: the binomial coefficient (0 when k > n).
fn math_comb(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "comb", args, 2, 2)?;
    let n = nonnegative(vm, args[0], "n")?;
    let mut k = nonnegative(vm, args[1], "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    if k.clone() * 2 > n {
        k = n.clone() - k;
    }
    let mut r = BigInt::from(1);
    let mut i = BigInt::from(1);
    while i <= k {
        r = r * (n.clone() - &k + &i) / &i;
        i += 1;
    }
    Ok(int::from_bigint(vm, r))
}

fn math_lcm(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    let mut acc = BigInt::from(1);
    for v in args {
        let x = int_arg(vm, *v)?.abs();
        if x.is_zero() || acc.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        let g = num_integer::Integer::gcd(&acc, &x);
        acc = acc / g * x;
    }
    Ok(int::from_bigint(vm, acc))
}

/// `dist(p, q)`: the Euclidean distance of two points given as sequences of coordinates.
fn math_dist(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    arity(vm, "dist", args, 2, 2)?;
    let p = super::iter::collect(vm, args[0])?;
    let q = super::iter::collect(vm, args[1])?;
    if p.len() != q.len() {
        return Err(vm.new_error(vm.types.value_error, "both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.into_iter().zip(q) {
        diffs.push(Value::Float(float_arg(vm, a)? - float_arg(vm, b)?));
    }
    math_hypot(vm, &diffs, &[])
}
