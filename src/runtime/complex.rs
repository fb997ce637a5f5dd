//! `complex`: CPython 3.11's complex numbers.
//!
//! A complex number is a heap object ([`ObjKind::Complex`]) holding two doubles. Results must
//! be CPython's to the last bit, so the arithmetic follows `Objects/complexobject.c` step by
//! step rather than textbook formulas: an int or float operand is first widened to a complex
//! with a `+0.0` imaginary part (3.11 has no mixed-mode arithmetic, so `2.0 * complex(inf, 0)`
//! is `(inf+nanj)`); division is Smith's algorithm (`_Py_c_quot`, dividing through by the
//! larger part of the divisor); `**` uses repeated squaring (`c_powi`) when the exponent is an
//! integer of magnitude at most 100 and the polar form (`_Py_c_pow`) otherwise; `abs` is
//! `hypot` with C99's infinity rules. C's `errno` conventions become a small [`Errno`] value
//! that callers turn into CPython's exceptions. The C library functions come from the system
//! libm that CPython uses too ([`m`], through `mathmod`'s loader).
//!
//! Also here: `repr` (shortest float digits without `.0`, the imaginary part always signed),
//! `hash`, the `complex()` constructor with CPython's string grammar and errors, `format()`
//! with a spec (no `=` alignment or zero padding), comparisons, and the `complex` methods.

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interpreter::{PyResult, Vm};

use super::containers::{check_args, clinic_args, Arity, Kw};
use super::format::{self as fmt, DtoaFlags, FormatSpec};
use super::int;
use super::object::ObjKind;
use super::ops;
use super::strings;
use super::types;
use super::value::Value;

/// The parts of a complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

const fn c(re: f64, im: f64) -> Complex {
    Complex { re, im }
}

/// What C's `errno` would say after a complex operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    Ok,
    /// `EDOM`: a division by zero or a domain error.
    Dom,
    /// `ERANGE`: an overflow.
    Range,
}

/// Safe wrappers of the C library's functions (the ones CPython calls).
pub mod m {
    use super::super::mathmod::libm;

    macro_rules! wrap1 {
        ($($name:ident),*) => {$(
            pub fn $name(x: f64) -> f64 {
                // SAFETY: a pure C library function of one double.
                unsafe { libm::$name(x) }
            }
        )*};
    }
    macro_rules! wrap2 {
        ($($name:ident),*) => {$(
            pub fn $name(x: f64, y: f64) -> f64 {
                // SAFETY: a pure C library function of two doubles.
                unsafe { libm::$name(x, y) }
            }
        )*};
    }
    wrap1!(exp, log, sin, cos, tan, sinh, cosh, tanh, asinh, log1p);
    wrap2!(atan2, hypot, pow);

    pub fn ldexp(x: f64, e: i32) -> f64 {
        // SAFETY: a pure C library function of a double and an int.
        unsafe { libm::ldexp(x, e) }
    }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic (`_Py_c_*`)

pub fn sum(a: Complex, b: Complex) -> Complex {
    c(a.re + b.re, a.im + b.im)
}

pub fn diff(a: Complex, b: Complex) -> Complex {
    c(a.re - b.re, a.im - b.im)
}

pub fn neg(a: Complex) -> Complex {
    c(-a.re, -a.im)
}

pub fn prod(a: Complex, b: Complex) -> Complex {
    c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `_Py_c_quot`: Smith's algorithm; `Errno::Dom` for a zero divisor.
pub fn quot(a: Complex, b: Complex) -> (Complex, Errno) {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return (c(0.0, 0.0), Errno::Dom);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (c((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom), Errno::Ok)
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (c((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom), Errno::Ok)
    } else {
        // At least one part of the divisor is a NaN.
        (c(f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// `_Py_c_pow`: the polar form.
fn pow_polar(a: Complex, b: Complex) -> (Complex, Errno) {
    if b.re == 0.0 && b.im == 0.0 {
        return (c(1.0, 0.0), Errno::Ok);
    }
    if a.re == 0.0 && a.im == 0.0 {
        let e = if b.im != 0.0 || b.re < 0.0 { Errno::Dom } else { Errno::Ok };
        return (c(0.0, 0.0), e);
    }
    let vabs = m::hypot(a.re, a.im);
    let mut len = m::pow(vabs, b.re);
    let at = m::atan2(a.im, a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= m::exp(at * b.im);
        phase += b.im * m::log(vabs);
    }
    (c(len * m::cos(phase), len * m::sin(phase)), Errno::Ok)
}

/// `c_powu`: repeated squaring for a positive integer exponent.
fn powu(x: Complex, n: i64) -> Complex {
    let mut r = c(1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `complex_pow`: `a ** b`, with `Errno::Dom` for zero to a negative or complex power and
/// `Errno::Range` for an infinite result.
pub fn pow(a: Complex, b: Complex) -> (Complex, Errno) {
    let (r, e) = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            (powu(a, n), Errno::Ok)
        } else {
            quot(c(1.0, 0.0), powu(a, -n))
        }
    } else {
        pow_polar(a, b)
    };
    // `_Py_ADJUST_ERANGE2`.
    if e == Errno::Ok && (r.re.is_infinite() || r.im.is_infinite()) {
        return (r, Errno::Range);
    }
    (r, e)
}

/// `_Py_c_abs`: C99's rules (an infinite part wins over a NaN), `Errno::Range` on overflow.
pub fn abs(z: Complex) -> (f64, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = m::hypot(z.re, z.im);
    (r, if r.is_finite() { Errno::Ok } else { Errno::Range })
}

// ---------------------------------------------------------------------------------------------
// Values

pub fn new_complex(vm: &mut Vm, z: Complex) -> Value {
    Value::Obj(vm.alloc(ObjKind::Complex(z)))
}

/// The parts of a complex object.
pub fn as_complex(v: Value) -> Option<Complex> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Complex(z)) => Some(*z),
        _ => None,
    }
}

pub fn is_complex(v: Value) -> bool {
    as_complex(v).is_some()
}

/// `TO_COMPLEX`: an int, bool, float or complex as a complex number; `Ok(None)` for other
/// values (the operator is then not implemented), OverflowError for huge ints.
fn to_complex(vm: &mut Vm, v: Value) -> PyResult<Option<Complex>> {
    if let Some(z) = as_complex(v) {
        return Ok(Some(z));
    }
    Ok(int::num_as_f64(vm, v)?.map(|x| c(x, 0.0)))
}

/// `a op b` when either operand is a complex number; `Ok(None)` when the other operand is not
/// a number or the operator does not apply to complex numbers (`//`, `%`, bitwise).
pub fn binary(vm: &mut Vm, op: BinaryOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_complex(a) && !is_complex(b) {
        return Ok(None);
    }
    if !matches!(op, BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::TrueDivide | BinaryOp::Power) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (to_complex(vm, a)?, to_complex(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinaryOp::Add => sum(x, y),
        BinaryOp::Subtract => diff(x, y),
        BinaryOp::Multiply => prod(x, y),
        BinaryOp::TrueDivide => match quot(x, y) {
            (_, Errno::Dom) => {
                return Err(vm.new_error(vm.types.zero_division_error, "complex division by zero"));
            }
            (r, _) => r,
        },
        _ => match pow(x, y) {
            (_, Errno::Dom) => {
                return Err(vm.new_error(vm.types.zero_division_error, "0.0 to a negative or complex power"));
            }
            (_, Errno::Range) => return Err(vm.new_error(vm.types.overflow_error, "complex exponentiation")),
            (r, Errno::Ok) => r,
        },
    };
    Ok(Some(new_complex(vm, r)))
}

/// `-z`, `+z` and `abs(z)` of a complex number; None for other values.
pub fn unary(vm: &mut Vm, v: Value, what: char) -> PyResult<Option<Value>> {
    let Some(z) = as_complex(v) else { return Ok(None) };
    Ok(Some(match what {
        '-' => new_complex(vm, neg(z)),
        '+' => new_complex(vm, z),
        _ => match abs(z) {
            (_, Errno::Range) => return Err(vm.new_error(vm.types.overflow_error, "absolute value too large")),
            (r, _) => Value::Float(r),
        },
    }))
}

/// `a == b` / `a != b` with a complex operand and a number; None when CPython's
/// `complex_richcompare` returns NotImplemented (ordering, or a non-number).
pub fn compare(op: CompareOp, a: Value, b: Value) -> Option<bool> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return None;
    }
    let (z, other) = match (as_complex(a), as_complex(b)) {
        (Some(z), _) => (z, b),
        (None, Some(z)) => (z, a),
        _ => return None,
    };
    let equal = if let Some(w) = as_complex(other) {
        z.re == w.re && z.im == w.im
    } else if let Value::Float(x) = other {
        z.re == x && z.im == 0.0
    } else if int::is_int(other) {
        // Exactly, as float == int compares.
        z.im == 0.0 && ops::num_equal(Value::Float(z.re), other)
    } else {
        return None;
    };
    Some(equal == (op == CompareOp::Eq))
}

/// CPython's `complex_hash`: equal to the hash of an equal int or float.
pub fn hash(z: Complex) -> i64 {
    const IMAG: u64 = 1000003;
    let hr = int::hash_f64(z.re) as u64;
    let hi = int::hash_f64(z.im) as u64;
    let combined = hr.wrapping_add(IMAG.wrapping_mul(hi)) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

/// `repr(z)`: `2j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
pub fn repr(re: f64, im: f64) -> String {
    let part = |x: f64, sign: bool| fmt::double_to_string(x, 'r', 0, DtoaFlags { sign, ..DtoaFlags::default() });
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im, false))
    } else {
        format!("({}{}j)", part(re, false), part(im, true))
    }
}

// ---------------------------------------------------------------------------------------------
// format()

/// `format(z, spec)` (port of `format_complex_internal`); the message of a `ValueError`.
pub fn format(z: Complex, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(fmt::unknown_code(t, "complex")),
    }
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err("precision too big".to_string());
        }
    }
    if spec.fill == '0' {
        return Err("Zero padding is not allowed in complex format specifier".to_string());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".to_string());
    }
    let flags = DtoaFlags { alt: spec.alternate, no_neg_zero: spec.no_neg_zero, ..DtoaFlags::default() };
    let mut ty = spec.ty.unwrap_or('\0');
    let mut default_precision = 6;
    let (mut skip_re, mut add_parens) = (false, false);
    if ty == '\0' {
        ty = 'r';
        default_precision = 0;
        if z.re == 0.0 && z.re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let grouping = if spec.ty == Some('n') { None } else { spec.grouping.map(|g| (g, 3)) };
    let render = |x: f64, sign: Option<char>| {
        let text = fmt::double_to_string(x, ty, precision, flags);
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (digits, decimal, remainder) = fmt::split_number(body);
        let parts = fmt::NumberParts { negative, prefix: "", digits, decimal, remainder };
        let part_spec = FormatSpec { fill: ' ', align: Some('<'), width: None, sign, ..spec.clone() };
        fmt::render_number(&parts, &part_spec, '<', grouping)
    };
    let re = if skip_re { String::new() } else { render(z.re, spec.sign) };
    let im = render(z.im, if skip_re { spec.sign } else { Some('+') });
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    body.push_str(&re);
    body.push_str(&im);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    let padding = width.saturating_sub(len);
    let (lpad, rpad) = match spec.align.unwrap_or('>') {
        '<' => (0, padding),
        '^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = String::with_capacity(body.len() + padding);
    out.extend(std::iter::repeat_n(spec.fill, lpad));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The constructor

pub fn init(vm: &mut Vm) {
    let class = vm.types.complex;
    types::set_constructor(class, complex_new);
    types::add_methods(vm, class, &[("conjugate", complex_conjugate), ("__complex__", complex_complex)]);
}

fn complex_self(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Complex> {
    match args.first().copied().and_then(as_complex) {
        Some(z) => Ok(z),
        None => Err(vm.new_error(
            vm.types.type_error,
            &format!("descriptor '{name}' for 'complex' objects doesn't apply to this object"),
        )),
    }
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "complex", "conjugate", args, kw, Arity::NoArgs)?;
    let z = complex_self(vm, args, "conjugate")?;
    Ok(new_complex(vm, c(z.re, -z.im)))
}

fn complex_complex(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_args(vm, "complex", "__complex__", args, kw, Arity::NoArgs)?;
    let z = complex_self(vm, args, "__complex__")?;
    Ok(new_complex(vm, z))
}

/// `.real` and `.imag` of a complex number.
pub fn attribute(v: Value, name: &str) -> Option<Value> {
    let z = as_complex(v)?;
    match name {
        "real" => Some(Value::Float(z.re)),
        "imag" => Some(Value::Float(z.im)),
        _ => None,
    }
}

/// Whether `v` can be a part of a complex number: a number, or an object with `__float__`,
/// `__index__` (`nb_float`/`nb_index`).
fn is_number(vm: &Vm, v: Value) -> bool {
    if matches!(v, Value::Float(_)) || int::is_int(v) || is_complex(v) {
        return true;
    }
    ops::special(vm, v, super::interner::sym::FLOAT).is_some()
        || ops::special(vm, v, super::interner::sym::INDEX).is_some()
}

/// `__complex__` of an instance, checked to return a complex; None when it has none.
pub fn complex_special(vm: &mut Vm, v: Value) -> PyResult<Option<Complex>> {
    if !matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Instance(_))) {
        return Ok(None);
    }
    let name = vm.intern("__complex__");
    match ops::call_special(vm, v, name, &[])? {
        None => Ok(None),
        Some(r) => match as_complex(r) {
            Some(z) => Ok(Some(z)),
            None => {
                let tn = ops::type_name(vm, r);
                Err(vm.new_error(vm.types.type_error, &format!("__complex__ returned non-complex (type {tn})")))
            }
        },
    }
}

/// `complex(real=0, imag=0)` (port of `complex_new_impl`).
fn complex_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let p = clinic_args(vm, "complex", args.get(1..).unwrap_or(&[]), kw, &["real", "imag"])?;
    let (r, i) = (p[0].unwrap_or(Value::Int(0)), p[1]);
    if is_complex(r) && i.is_none() {
        return Ok(r);
    }
    if let Some(s) = strings::as_str(r) {
        if i.is_some() {
            return Err(vm.new_error(vm.types.type_error, "complex() can't take second arg if first is a string"));
        }
        let s = s.to_string();
        return match parse(&s) {
            Some(z) => Ok(new_complex(vm, z)),
            None if s.contains('_') && !underscores_ok(&s) => {
                let rs = strings::repr_str(&s);
                Err(vm.new_error(vm.types.value_error, &format!("could not convert string to complex: {rs}")))
            }
            None => Err(vm.new_error(vm.types.value_error, "complex() arg is a malformed string")),
        };
    }
    if let Some(iv) = i {
        if strings::as_str(iv).is_some() {
            return Err(vm.new_error(vm.types.type_error, "complex() second arg can't be a string"));
        }
    }
    let special = complex_special(vm, r)?;
    if special.is_none() && !is_number(vm, r) {
        let tn = ops::type_name(vm, r);
        return Err(vm.new_error(
            vm.types.type_error,
            &format!("complex() first argument must be a string or a number, not '{tn}'"),
        ));
    }
    if let Some(iv) = i {
        if !is_number(vm, iv) {
            let tn = ops::type_name(vm, iv);
            return Err(
                vm.new_error(vm.types.type_error, &format!("complex() second argument must be a number, not '{tn}'"))
            );
        }
    }
    let (cr, cr_is_complex) = match special.or_else(|| as_complex(r)) {
        Some(z) => (z, true),
        None => (c(super::mathmod::float_arg(vm, r)?, 0.0), false),
    };
    let (ci, ci_is_complex) = match i {
        None => (c(cr.im, 0.0), false),
        Some(iv) => match as_complex(iv) {
            Some(z) => (z, true),
            None => (c(super::mathmod::float_arg(vm, iv)?, 0.0), false),
        },
    };
    let mut re = cr.re;
    let mut im = ci.re;
    if ci_is_complex {
        re -= ci.im;
    }
    if cr_is_complex && i.is_some() {
        im += cr.im;
    }
    Ok(new_complex(vm, c(re, im)))
}

/// `_Py_string_to_number_with_underscores`'s rule: an underscore only between digits.
fn underscores_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(k, &ch)| {
        ch != b'_' || (k > 0 && b[k - 1].is_ascii_digit() && b.get(k + 1).is_some_and(|n| n.is_ascii_digit()))
    })
}

/// The longest prefix of `s` that `PyOS_string_to_double` reads as a float (sign, digits with
/// an optional point and exponent, or `inf`/`infinity`/`nan`), with its value.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut k = 0;
    let negative = match s.first() {
        Some(b'-') => {
            k = 1;
            true
        }
        Some(b'+') => {
            k = 1;
            false
        }
        _ => false,
    };
    let rest = &s[k..];
    let lower: Vec<u8> = rest.iter().take(8).map(|b| b.to_ascii_lowercase()).collect();
    let special = if lower.starts_with(b"infinity") {
        Some((f64::INFINITY, 8))
    } else if lower.starts_with(b"inf") {
        Some((f64::INFINITY, 3))
    } else if lower.starts_with(b"nan") {
        Some((f64::NAN, 3))
    } else {
        None
    };
    if let Some((x, n)) = special {
        return Some((if negative { -x } else { x }, k + n));
    }
    let start = k;
    let digits = |k: &mut usize| {
        let from = *k;
        while s.get(*k).is_some_and(|b| b.is_ascii_digit()) {
            *k += 1;
        }
        *k - from
    };
    let mut n = digits(&mut k);
    if s.get(k) == Some(&b'.') {
        k += 1;
        n += digits(&mut k);
    }
    if n == 0 {
        return None;
    }
    if matches!(s.get(k), Some(b'e' | b'E')) {
        let mut e = k + 1;
        if matches!(s.get(e), Some(b'+' | b'-')) {
            e += 1;
        }
        if digits(&mut e) > 0 {
            k = e;
        }
    }
    let text = std::str::from_utf8(&s[start..k]).ok()?;
    let x: f64 = text.parse().ok()?;
    Some((if negative { -x } else { x }, k))
}

/// CPython's `complex_from_string_inner` on a string (underscores between digits allowed):
/// `1`, `2j`, `1+2j`, `1-j`, `-j`, `j`, `(1+2j)`, surrounded by whitespace.
pub fn parse(text: &str) -> Option<Complex> {
    if text.contains('_') && !underscores_ok(text) {
        return None;
    }
    // Unicode whitespace counts as spaces and Unicode digits as ASCII ones
    // (`_PyUnicode_TransformDecimalAndSpaceToASCII`); other non-ASCII characters cannot match.
    let cleaned: String = text
        .chars()
        .filter(|&ch| ch != '_')
        .map(|ch| {
            if super::unicode::is_space(ch) {
                ' '
            } else if !ch.is_ascii() {
                match super::unicode::decimal_value(ch) {
                    Some(d) => char::from_digit(d, 10).unwrap_or('?'),
                    None => '?',
                }
            } else {
                ch
            }
        })
        .collect();
    let s = cleaned.as_bytes();
    let mut k = 0;
    let skip_space = |k: &mut usize| {
        while s.get(*k).is_some_and(|b| b.is_ascii_whitespace() || *b == 0x0b) {
            *k += 1;
        }
    };
    skip_space(&mut k);
    let bracket = s.get(k) == Some(&b'(');
    if bracket {
        k += 1;
        skip_space(&mut k);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let (mut x, mut y) = (0.0, 0.0);
    match float_prefix(&s[k..]) {
        Some((z, n)) => {
            k += n;
            if matches!(s.get(k), Some(b'+' | b'-')) {
                x = z;
                match float_prefix(&s[k..]) {
                    Some((w, n)) => {
                        y = w;
                        k += n;
                    }
                    None => {
                        y = if s[k] == b'+' { 1.0 } else { -1.0 };
                        k += 1;
                    }
                }
                if !is_j(s.get(k)) {
                    return None;
                }
                k += 1;
            } else if is_j(s.get(k)) {
                k += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if matches!(s.get(k), Some(b'+' | b'-')) {
                y = if s[k] == b'+' { 1.0 } else { -1.0 };
                k += 1;
            } else {
                y = 1.0;
            }
            if !is_j(s.get(k)) {
                return None;
            }
            k += 1;
        }
    }
    skip_space(&mut k);
    if bracket {
        if s.get(k) != Some(&b')') {
            return None;
        }
        k += 1;
        skip_space(&mut k);
    }
    (k == s.len()).then_some(c(x, y))
}

/// A value as a complex number the way C functions taking `Py_complex` see it
/// (`PyComplex_AsCComplex`): a complex, `__complex__`, else a real number.
pub fn complex_arg(vm: &mut Vm, v: Value) -> PyResult<Complex> {
    if let Some(z) = as_complex(v) {
        return Ok(z);
    }
    if let Some(z) = complex_special(vm, v)? {
        return Ok(z);
    }
    Ok(c(super::mathmod::float_arg(vm, v)?, 0.0))
}
