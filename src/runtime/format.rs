//! Python-compatible text formatting of floats, ints and strings.
//!
//! The interpreter must print numbers exactly as CPython 3.11 does: `repr(float)`,
//! `format(x, spec)` / f-string format specs, and the `%` operator on strings.
//! CPython builds all of these on David Gay's `dtoa` (in three modes: shortest
//! round-trip, N significant digits, N digits after the point) followed by a layout
//! step (`format_float_short` in `Python/pystrtod.c`) and a padding/grouping step
//! (`Python/formatter_unicode.c`, `Objects/unicodeobject.c`).
//!
//! Approach: the digit strings come from Rust's float formatting, which is
//! correctly rounded (ties to even on exact binary ties, like `dtoa`): `{:e}` gives
//! the shortest round-trip digits (one fix-up: when the value lies exactly halfway
//! between two shortest candidates Rust rounds up while `dtoa` takes the even one),
//! `{:.Ne}` gives N+1 correctly rounded significant digits and `{:.N}` gives N
//! correctly rounded fractional digits. Those digits are
//! reduced to a `(digits, decimal point position)` pair and then laid out by a
//! faithful port of CPython's layout, sign, padding and thousands-grouping code, so
//! the corner cases (zero padding through separators, `#` forms, `'z'`, the
//! repr/`''` switch to exponent notation) follow the C code line by line.
//! `round(x, n)` rounds the exact binary value half-to-even and parses the decimal
//! result back, as CPython's `double_round` does.
//!
//! Errors are returned as the message text of the exception CPython raises (almost
//! always `ValueError`; see the individual functions for the few `OverflowError`s).

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

// ---------------------------------------------------------------------------
// Digit generation
// ---------------------------------------------------------------------------

/// Decimal digits of a finite non-negative float, in `dtoa` convention:
/// value = 0.d1 d2 d3 ... * 10^decpt. No trailing zeros; zero is `"0"`, decpt 1.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// Split Rust's `{:e}` output ("1.2345e-7") into digits and `dtoa` decpt.
fn digits_from_exp_string(s: &str) -> Digits {
    let (mantissa, exp) = s.split_once('e').expect("exponent form");
    let exp: i64 = exp.parse().expect("exponent");
    let mut digits: Vec<u8> = mantissa.bytes().filter(|b| b.is_ascii_digit()).collect();
    strip_trailing_zeros(&mut digits);
    if digits == b"0" {
        return Digits { digits, decpt: 1 };
    }
    Digits { digits, decpt: exp + 1 }
}

fn strip_trailing_zeros(digits: &mut Vec<u8>) {
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
}

/// dtoa mode 0: shortest digits that round-trip.
///
/// Rust and `dtoa` agree except when `a` lies exactly halfway between two shortest
/// candidates: Rust rounds such a tie up, `dtoa` picks the even last digit.
fn shortest_digits(a: f64) -> Digits {
    let d = digits_from_exp_string(&format!("{:e}", a));
    // A tie needs at least 16 digits (the decimal unit must not exceed the binary
    // ulp), and only an odd last digit can be the wrong choice.
    let n = d.digits.len();
    if n < 16 || d.digits[n - 1].is_multiple_of(2) {
        return d;
    }
    let value: u64 = std::str::from_utf8(&d.digits).unwrap().parse().unwrap();
    // The last digit has weight 10^unit_exp.
    let unit_exp = d.decpt - n as i64;
    for (neighbor, midpoint) in [(value - 1, value * 10 - 5), (value + 1, value * 10 + 5)] {
        if exactly_equals(a, midpoint, unit_exp - 1) {
            let text = format!("{}e{}", neighbor, unit_exp);
            if text.parse::<f64>() == Ok(a) {
                let mut digits = neighbor.to_string().into_bytes();
                let decpt = unit_exp + digits.len() as i64;
                strip_trailing_zeros(&mut digits);
                return Digits { digits, decpt };
            }
        }
    }
    d
}

/// Whether the finite non-negative float `a` equals `coeff * 10^exp10` exactly.
fn exactly_equals(a: f64, coeff: u64, exp10: i64) -> bool {
    let (mantissa, exp2) = decompose(a);
    let ten = BigUint::from(10u32);
    let mut lhs = BigUint::from(mantissa);
    let mut rhs = BigUint::from(coeff);
    if exp2 >= 0 {
        lhs <<= exp2 as usize;
    } else {
        rhs <<= (-exp2) as usize;
    }
    if exp10 >= 0 {
        rhs *= ten.pow(exp10 as u32);
    } else {
        lhs *= ten.pow((-exp10) as u32);
    }
    lhs == rhs
}

/// dtoa mode 2: `n >= 1` correctly rounded significant digits.
fn significant_digits(a: f64, n: usize) -> Digits {
    digits_from_exp_string(&format!("{:.*e}", n - 1, a))
}

/// dtoa mode 3: correctly rounded to `n` digits after the decimal point.
fn fixed_digits(a: f64, n: usize) -> Digits {
    let s = format!("{:.*}", n, a);
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let mut decpt = int_part.len() as i64;
    let leading = digits.iter().take_while(|&&b| b == b'0').count();
    if leading == digits.len() {
        return Digits { digits: b"0".to_vec(), decpt: 1 };
    }
    digits.drain(..leading);
    decpt -= leading as i64;
    strip_trailing_zeros(&mut digits);
    Digits { digits, decpt }
}

// ---------------------------------------------------------------------------
// PyOS_double_to_string
// ---------------------------------------------------------------------------

/// Flags of CPython's `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Always emit a sign (`+` for non-negative values).
    pub sign: bool,
    /// Keep a `.0` on integral values (repr style).
    pub add_dot_0: bool,
    /// Alternate form (`#`): keep the decimal point and, for `g`, trailing zeros.
    pub alt: bool,
    /// Format a negative zero (after rounding) without its sign (`z` option).
    pub no_neg_zero: bool,
}

/// Port of CPython's `PyOS_double_to_string`.
///
/// `code` is one of `e E f F g G r` (`r` = repr digits; `precision` is then ignored).
/// Upper-case codes give `E`, `INF`, `NAN`. Panics on any other code.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if !x.is_finite() {
        let mut out = String::new();
        // The sign of a NaN is ignored.
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let negative = x.is_sign_negative();
    let a = x.abs();
    let (digits, precision) = match code {
        'e' => (significant_digits(a, precision + 1), precision as i64 + 1),
        'f' => (fixed_digits(a, precision), precision as i64),
        'g' => {
            // Precision 0 makes no sense for 'g'; it means 1.
            let p = precision.max(1);
            (significant_digits(a, p), p as i64)
        }
        'r' => (shortest_digits(a), 0),
        _ => panic!("double_to_string: bad format code {:?}", code),
    };
    layout_digits(negative, &digits, code, precision, flags, upper)
}

/// Port of the layout part of CPython's `format_float_short`.
fn layout_digits(negative: bool, d: &Digits, code: char, precision: i64, flags: DtoaFlags, upper: bool) -> String {
    let digits = &d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        // 'r': switch to exponent notation below 1e-4 and from 1e16 on.
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    // Ensure vdigits_start < decpt <= vdigits_end (strictly below with add_dot_0).
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };

    let mut out = String::with_capacity((vdigits_end - vdigits_start + 8).max(8) as usize);
    let is_zero = digits_len == 0 || digits.as_slice() == b"0";
    if negative && !(flags.no_neg_zero && is_zero) {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let push_zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, ds: &[u8]| {
        out.extend(ds.iter().map(|&b| b as char));
    };
    // Zeros left of the digit string (exactly one of the three parts gets the point).
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    // The digits, possibly containing the point.
    if 0 < decpt && decpt <= digits_len {
        push_digits(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(&mut out, &digits[decpt as usize..]);
    } else {
        push_digits(&mut out, digits);
    }
    // Zeros right of the digit string.
    if digits_len < decpt {
        push_zeros(&mut out, decpt - digits_len);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{:+03}", exp));
    }
    out
}

/// `repr(x)` (and `str(x)`) of a Python float.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DtoaFlags { add_dot_0: true, ..DtoaFlags::default() })
}

/// `'%.{precision}g' % x` style general formatting (no `.0` added), with the `#`
/// alternate form when `alt` is set.
pub fn float_to_string_g(x: f64, precision: usize, alt: bool) -> String {
    double_to_string(x, 'g', precision, DtoaFlags { alt, ..DtoaFlags::default() })
}

// ---------------------------------------------------------------------------
// Rounding
// ---------------------------------------------------------------------------

/// Python's `round(x, ndigits)` for floats; on overflow (CPython raises
/// `OverflowError: rounded value too large to represent`) this returns an infinity.
/// Use [`round_float_checked`] to get the error instead.
pub fn round_half_even(x: f64, ndigits: i32) -> f64 {
    match round_float_checked(x, ndigits as i64) {
        Ok(v) => v,
        Err(_) => f64::INFINITY.copysign(x),
    }
}

/// Python's `round(x, ndigits)` for floats, exactly as CPython's `float.__round__`:
/// the exact binary value is rounded half-to-even to `ndigits` decimal places and the
/// decimal result is converted back with correct rounding.
/// `Err("rounded value too large to represent")` corresponds to an `OverflowError`.
pub fn round_float_checked(x: f64, ndigits: i64) -> Result<f64, String> {
    // NaNs and infinities round to themselves.
    if !x.is_finite() {
        return Ok(x);
    }
    // Beyond these bounds x is unchanged / zero (CPython's NDIGITS_MAX / NDIGITS_MIN).
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        // Rust's fixed formatting is correctly rounded, ties to even.
        format!("{:.*}", ndigits as usize, x)
    } else {
        round_to_power_of_ten(x, (-ndigits) as u32)
    };
    let rounded: f64 = text.parse().expect("rounded decimal parses");
    if rounded.is_infinite() {
        return Err("rounded value too large to represent".to_string());
    }
    Ok(rounded)
}

/// Decimal text of `x` rounded half-to-even to a multiple of `10^k` (k >= 1).
fn round_to_power_of_ten(x: f64, k: u32) -> String {
    let (mantissa, exp) = decompose(x.abs());
    let mut num = BigUint::from(mantissa);
    let mut den = BigUint::from(10u32).pow(k);
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let mut q = &num / &den;
    let r2 = (&num % &den) << 1usize;
    if r2 > den || (r2 == den && (&q % 2u32) == BigUint::from(1u32)) {
        q += 1u32;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    format!("{}{}e{}", sign, q, k)
}

/// Exact decomposition of a finite non-negative float as `mantissa * 2^exp`.
fn decompose(a: f64) -> (u64, i32) {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// Python's one-argument `round(x)` for floats (round half to even, result an int).
/// Errors: `"cannot convert float infinity to integer"` (OverflowError) and
/// `"cannot convert float NaN to integer"` (ValueError).
pub fn round_float_to_int(x: f64) -> Result<BigInt, String> {
    let mut rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        // Halfway case: round to even.
        rounded = 2.0 * (x / 2.0).round();
    }
    float_to_bigint(rounded)
}

/// `int(x)` for a float: truncates toward zero. Errors as [`round_float_to_int`].
pub fn float_to_bigint(x: f64) -> Result<BigInt, String> {
    if x.is_nan() {
        return Err("cannot convert float NaN to integer".to_string());
    }
    if x.is_infinite() {
        return Err("cannot convert float infinity to integer".to_string());
    }
    Ok(BigInt::from_f64(x.trunc()).expect("finite float converts"))
}

// ---------------------------------------------------------------------------
// Format specification mini-language
// ---------------------------------------------------------------------------

/// A parsed `format()` specification:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character (`' '` by default, `'0'` when the `0` flag was used).
    pub fill: char,
    /// Explicit alignment: one of `< > = ^`.
    pub align: Option<char>,
    /// One of `+ - ' '`.
    pub sign: Option<char>,
    /// The `z` option (format negative zero as positive; floats only).
    pub no_neg_zero: bool,
    /// The `#` option.
    pub alternate: bool,
    /// The `0` flag was given (without an explicit fill character).
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

impl FormatSpec {
    /// Parse a format spec. The "Invalid format specifier" message names the type
    /// `object`; use [`FormatSpec::parse_for_type`] for CPython's exact wording.
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        Self::parse_for_type(spec, "object")
    }

    /// Parse a format spec for a value whose Python type is `type_name`
    /// (port of `parse_internal_render_format_spec`).
    pub fn parse_for_type(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec::default();
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');

        let mut fill_specified = false;
        if end >= 2 && is_align(chars[1]) {
            out.fill = chars[0];
            out.align = Some(chars[1]);
            fill_specified = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            out.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            out.no_neg_zero = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            out.alternate = true;
            pos += 1;
        }
        // The '0' flag only applies when no fill character was given.
        if !fill_specified && pos < end && chars[pos] == '0' {
            out.fill = '0';
            out.zero = true;
            pos += 1;
        }
        out.width = parse_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            out.grouping = Some(',');
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if out.grouping.is_some() {
                return Err("Cannot specify both ',' and '_'.".to_string());
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            out.precision = parse_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err("Format specifier missing precision".to_string());
            }
        }
        if end - pos > 1 {
            return Err(format!("Invalid format specifier '{}' for object of type '{}'", spec, type_name));
        }
        if end - pos == 1 {
            out.ty = Some(chars[pos]);
        }
        if let Some(sep) = out.grouping {
            match out.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                // Underscores (every four digits) are allowed for bin/oct/hex.
                Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
                Some(t) => return Err(cannot_specify(sep, t)),
            }
        }
        Ok(out)
    }
}

/// Width/precision digits (`get_integer`); `None` when no digit is present.
fn parse_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut acc: u64 = 0;
    let mut count = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        let d = d as u64;
        if acc > (i64::MAX as u64 - d) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d;
        *pos += 1;
        count += 1;
    }
    Ok(if count == 0 { None } else { Some(acc as usize) })
}

/// A type character as CPython prints it in error messages.
fn code_for_message(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", v)
    }
}

fn cannot_specify(sep: char, ty: char) -> String {
    format!("Cannot specify '{}' with '{}'.", sep, code_for_message(ty))
}

pub(crate) fn unknown_code(ty: char, type_name: &str) -> String {
    format!("Unknown format code '{}' for object of type '{}'", code_for_message(ty), type_name)
}

// ---------------------------------------------------------------------------
// Number layout: sign, prefix, padding, grouping (formatter_unicode.c)
// ---------------------------------------------------------------------------

/// The pieces of a formatted number, before padding.
pub(crate) struct NumberParts<'a> {
    pub(crate) negative: bool,
    /// `0x` etc. (already in the right case).
    pub(crate) prefix: &'a str,
    /// The leading digit run that gets grouped.
    pub(crate) digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub(crate) decimal: bool,
    /// Everything after the point (fraction, exponent, `%`, or `inf`/`nan`).
    pub(crate) remainder: &'a str,
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: group `digits` (ASCII) with
/// `sep` every `group` digits, left-padding with zeros up to `min_width`.
fn group_digits(digits: &str, min_width: i64, grouping: Option<(char, usize)>) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width.max(0);
    let mut end = digits.len();
    // Groups are produced right to left.
    let mut groups: Vec<String> = Vec::new();
    let mut take = |n_zeros: i64, n_chars: i64, groups: &mut Vec<String>| {
        let start = end - n_chars as usize;
        let mut g = "0".repeat(n_zeros as usize);
        g.extend(digits[start..end].iter().map(|&b| b as char));
        end = start;
        groups.push(g);
    };
    let mut broke = false;
    if let Some((_, size)) = grouping {
        let size = size as i64;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            take(n_zeros, n_chars, &mut groups);
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= 1; // the separator
        }
    }
    if !broke {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        take(n_zeros, n_chars, &mut groups);
    }
    groups.reverse();
    let sep = grouping.map(|(c, _)| c.to_string()).unwrap_or_default();
    groups.join(&sep)
}

/// Port of `calc_number_widths` + `fill_number`.
pub(crate) fn render_number(
    parts: &NumberParts,
    spec: &FormatSpec,
    align: char,
    grouping: Option<(char, usize)>,
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => {
            if parts.negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let width = spec.width.map(|w| w as i64).unwrap_or(-1);
    let n_non_digit = sign.is_some() as i64
        + parts.prefix.chars().count() as i64
        + parts.decimal as i64
        + parts.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && align == '=' { width - n_non_digit } else { 0 };
    let grouped = if parts.digits.is_empty() { String::new() } else { group_digits(parts.digits, min_width, grouping) };
    let padding = width - (n_non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
    }
    let fill = |n: i64| std::iter::repeat_n(spec.fill, n as usize);
    let mut out = String::new();
    out.extend(fill(lpad));
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(parts.prefix);
    out.extend(fill(spad));
    out.push_str(&grouped);
    if parts.decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(fill(rpad));
    out
}

/// Split an unsigned number text into leading digits / decimal point / remainder
/// (`parse_number`).
pub(crate) fn split_number(body: &str) -> (&str, bool, &str) {
    let n = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(n);
    match rest.strip_prefix('.') {
        Some(rem) => (digits, true, rem),
        None => (digits, false, rest),
    }
}

fn thousands(spec: &FormatSpec, group_size: usize) -> Option<(char, usize)> {
    spec.grouping.map(|c| (c, group_size))
}

// ---------------------------------------------------------------------------
// format() for floats
// ---------------------------------------------------------------------------

/// `format(x, spec)` for a Python float.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(x, spec),
        Some(t) => Err(unknown_code(t, "float")),
    }
}

/// `format(x, spec)` for a float, parsing `spec` first (`''` gives `str(x)`).
pub fn format_float_spec(x: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    format_float(x, &FormatSpec::parse_for_type(spec, "float")?)
}

/// Port of `format_float_internal`.
fn format_float_internal(x: f64, spec: &FormatSpec) -> Result<String, String> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err("precision too big".to_string());
        }
    }
    let mut ty = spec.ty.unwrap_or('\0');
    let mut flags = DtoaFlags { alt: spec.alternate, no_neg_zero: spec.no_neg_zero, ..DtoaFlags::default() };
    let mut default_precision = 6;
    if ty == '\0' {
        // Like repr without a precision, else like 'g' keeping at least one
        // digit after the point.
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut value = x;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        value *= 100.0;
        add_pct = true;
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
    let mut text = double_to_string(value, ty, precision, flags);
    if add_pct {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (digits, decimal, remainder) = split_number(body);
    let parts = NumberParts { negative, prefix: "", digits, decimal, remainder };
    // 'n' uses the C locale: no grouping.
    let grouping = if spec.ty == Some('n') { None } else { thousands(spec, 3) };
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    Ok(render_number(&parts, spec, align, grouping))
}

// ---------------------------------------------------------------------------
// format() for ints
// ---------------------------------------------------------------------------

/// `format(x, spec)` for a Python int (float presentation types convert to float).
/// Errors for `'c'` outside `range(0x110000)` and for ints too large for float
/// conversion are `OverflowError`s in CPython; the rest are `ValueError`s.
/// Surrogate code points with `'c'` cannot be represented and give an error.
pub fn format_int(x: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    let to_float = || match x.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err("int too large to convert to float".to_string()),
    };
    if matches!(spec.ty, None | Some('d' | 'n')) {
        super::int::bigint_decimal(x)?;
    }
    let magnitude = |base: u32| x.magnitude().to_str_radix(base);
    format_int_generic(x.sign() == Sign::Minus, &magnitude, &to_float, x.to_i64(), spec)
}

/// Fast path of [`format_int`] for machine integers.
pub fn format_int_i64(x: i64, spec: &FormatSpec) -> Result<String, String> {
    let to_float = || Ok(x as f64);
    let m = x.unsigned_abs();
    let magnitude = |base: u32| match base {
        2 => format!("{:b}", m),
        8 => format!("{:o}", m),
        16 => format!("{:x}", m),
        _ => m.to_string(),
    };
    format_int_generic(x < 0, &magnitude, &to_float, Some(x), spec)
}

/// `format(x, spec)` for an int, parsing `spec` first (`''` gives `str(x)`).
pub fn format_int_spec(x: &BigInt, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return super::int::bigint_decimal(x);
    }
    format_int(x, &FormatSpec::parse_for_type(spec, "int")?)
}

fn format_int_generic(
    negative: bool,
    magnitude: &dyn Fn(u32) -> String,
    to_float: &dyn Fn() -> Result<f64, String>,
    as_i64: Option<i64>,
    spec: &FormatSpec,
) -> Result<String, String> {
    match spec.ty {
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_internal(to_float()?, spec);
        }
        Some(t) => return Err(unknown_code(t, "int")),
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".to_string());
    }
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".to_string());
        }
        let code = match as_i64 {
            Some(v) => v,
            None => return Err("Python int too large to convert to C long".to_string()),
        };
        if !(0..=0x10ffff).contains(&code) {
            return Err("%c arg not in range(0x110000)".to_string());
        }
        let ch = match char::from_u32(code as u32) {
            Some(c) => c.to_string(),
            None => return Err("surrogate code points are not supported".to_string()),
        };
        // The character is laid out as a "remainder": it is never grouped.
        let parts = NumberParts { negative: false, prefix: "", digits: "", decimal: false, remainder: &ch };
        return Ok(render_number(&parts, spec, align, None));
    }
    let (base, prefix, group) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = magnitude(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let grouping = match spec.grouping {
        _ if ty == 'n' => None,
        Some(',') => Some((',', 3)),
        Some(c) => Some((c, group)),
        None => None,
    };
    let parts = NumberParts {
        negative,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    Ok(render_number(&parts, spec, align, grouping))
}

// ---------------------------------------------------------------------------
// format() for strings
// ---------------------------------------------------------------------------

/// `format(s, spec)` for a Python str (widths and precision count chars).
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None => {
            // The default type 's' does not allow thousands separators.
            if let Some(sep) = spec.grouping {
                return Err(cannot_specify(sep, 's'));
            }
        }
        Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let mut len = s.chars().count();
    let text: &str = match spec.precision {
        Some(p) if p < len => {
            len = p;
            let cut = s.char_indices().nth(p).map(|(i, _)| i).unwrap_or(s.len());
            &s[..cut]
        }
        _ => s,
    };
    let total = spec.width.map_or(len, |w| w.max(len));
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(text.len() + lpad + rpad);
    out.extend(std::iter::repeat_n(spec.fill, lpad));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    Ok(out)
}

/// `format(s, spec)` for a str, parsing `spec` first.
pub fn format_str_spec(s: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str(s, &FormatSpec::parse_for_type(spec, "str")?)
}

// ---------------------------------------------------------------------------
// printf-style (%) formatting building blocks
// ---------------------------------------------------------------------------

/// Port of `unicode_format_arg_output`: pads an already converted argument.
/// `numeric` enables sign handling and `0` padding; `alt_prefix` says the text
/// carries a `0x`/`0X`/`0o` prefix (after any sign) that zero padding goes after.
fn percent_pad(text: &str, flags: &str, width: Option<usize>, numeric: bool, alt_prefix: bool) -> String {
    let ljust = flags.contains('-');
    let chars: Vec<char> = text.chars().collect();
    let fill = if numeric && flags.contains('0') { '0' } else { ' ' };
    let mut len = chars.len() as i64;
    let mut pindex = 0usize;
    let mut sign: Option<char> = None;
    if numeric {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                sign = Some(c);
                len -= 1;
                pindex += 1;
            }
            _ if flags.contains('+') => sign = Some('+'),
            _ if flags.contains(' ') => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = width.map(|w| w as i64).unwrap_or(-1).max(len);
    let mut out = String::with_capacity(width as usize + 2);
    if let Some(c) = sign {
        if fill != ' ' {
            out.push(c);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !ljust {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if let Some(c) = sign {
            out.push(c);
        }
        if alt_prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        out.extend(std::iter::repeat_n(' ', (width - len) as usize));
    }
    out
}

/// `'%<flags><width>.<precision><ty>' % x` for `ty` in `e E f F g G` (panics on
/// other types; default precision 6; flags from `- + space 0 #`).
pub fn percent_format_float(x: f64, flags: &str, width: Option<usize>, precision: Option<usize>, ty: char) -> String {
    let dflags = DtoaFlags { alt: flags.contains('#'), ..DtoaFlags::default() };
    let text = double_to_string(x, ty, precision.unwrap_or(6), dflags);
    percent_pad(&text, flags, width, true, false)
}

/// `'%<flags><width>.<precision><ty>' % x` for `ty` in `d i u o x X`
/// (precision = minimum number of digits; `#` adds `0o`/`0x`/`0X`).
pub fn percent_format_int(x: &BigInt, flags: &str, width: Option<usize>, precision: Option<usize>, ty: char) -> String {
    let (base, prefix) = match ty {
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let alt = flags.contains('#') && !prefix.is_empty();
    let digits = x.magnitude().to_str_radix(base);
    let mut text = String::with_capacity(digits.len() + 4);
    if x.sign() == Sign::Minus {
        text.push('-');
    }
    if alt {
        text.push_str(prefix);
    }
    if let Some(p) = precision {
        text.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    text.push_str(&digits);
    if ty == 'X' {
        text.make_ascii_uppercase();
    }
    percent_pad(&text, flags, width, true, alt)
}

/// Padding for `%s` / `%r` / `%a` (and `%c`): right-justified unless the `-` flag is
/// given, always with spaces. Precision truncation is the caller's job.
pub fn pad_str(s: &str, flags: &str, width: Option<usize>) -> String {
    percent_pad(s, flags, width, false, false)
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision, clippy::type_complexity)]
mod tests {
    //! Expected values were produced by CPython 3.11 (`repr`, `format`, `%`, `round`).
    use super::*;

    const REPR_CASES: &[(f64, &str)] = &[
        (0.1, "0.1"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1.0 / 3.0, "0.3333333333333333"),
        (1152921504606846976.0, "1.152921504606847e+18"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (-1.5e-07, "-1.5e-07"),
        (1e-4, "0.0001"),
        (0.0001234, "0.0001234"),
        (1e-5, "1e-05"),
        (100.0, "100.0"),
        (123456789.0, "123456789.0"),
        (1234567890123456.0, "1234567890123456.0"),
        (9999999999999998.0, "9999999999999998.0"),
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (2e16 + 8.0, "2.000000000000001e+16"),
        (1.5, "1.5"),
        (-2.5, "-2.5"),
        (1e22, "1e+22"),
        (1e-7, "1e-07"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (1174045224693587.25, "1174045224693587.2"),
        (0.3, "0.3"),
        (100000000000000000000.0, "1e+20"),
    ];
    const FLOAT_FORMAT_CASES: &[(f64, &str, Result<&str, &str>)] = &[
        (1234567.891, ",.2f", Ok("1,234,567.89")),
        (0.5, "%", Ok("50.000000%")),
        (3.14159, "^12.3e", Ok(" 3.142e+00  ")),
        (1e20, "g", Ok("1e+20")),
        (1.5, "", Ok("1.5")),
        (1e16, "", Ok("1e+16")),
        (123.0, ".3", Ok("1.23e+02")),
        (1.0, "", Ok("1.0")),
        (1.0, "10", Ok("       1.0")),
        (-1.5, "+", Ok("-1.5")),
        (1.5, " ", Ok(" 1.5")),
        (1.5, "+010.3f", Ok("+00001.500")),
        (-1.5, "010.3f", Ok("-00001.500")),
        (1234.5, "010,.1f", Ok("0,001,234.5")),
        (1234.5, "0=12,.1f", Ok("00,001,234.5")),
        (1234.5, "*^15,.2f", Ok("***1,234.50****")),
        (1234.5, "_", Ok("1_234.5")),
        (1234567.0, ",", Ok("1,234,567.0")),
        (1e16, ",", Ok("1e+16")),
        (0.1, ".20f", Ok("0.10000000000000000555")),
        (0.1, ".17g", Ok("0.10000000000000001")),
        (0.125, ".2f", Ok("0.12")),
        (0.375, ".2f", Ok("0.38")),
        (2.675, ".2f", Ok("2.67")),
        (2.5, ".0f", Ok("2")),
        (3.5, ".0f", Ok("4")),
        (0.5, ".0f", Ok("0")),
        (0.5, ".0e", Ok("5e-01")),
        (12345.678, "e", Ok("1.234568e+04")),
        (12345.678, "E", Ok("1.234568E+04")),
        (12345.678, ".3g", Ok("1.23e+04")),
        (12345.678, ".10g", Ok("12345.678")),
        (12345.678, "#.3g", Ok("1.23e+04")),
        (1.0, "#g", Ok("1.00000")),
        (1.0, "#.0f", Ok("1.")),
        (1.0, "#.0e", Ok("1.e+00")),
        (1e-5, "g", Ok("1e-05")),
        (1e-4, "g", Ok("0.0001")),
        (123456.0, "g", Ok("123456")),
        (1234567.0, "g", Ok("1.23457e+06")),
        (1234567.0, "G", Ok("1.23457E+06")),
        (f64::INFINITY, "010", Ok("0000000inf")),
        (f64::NEG_INFINITY, "+f", Ok("-inf")),
        (f64::NAN, "F", Ok("NAN")),
        (f64::NAN, "+.3e", Ok("+nan")),
        (f64::INFINITY, "%", Ok("inf%")),
        (-0.0, "z", Ok("0.0")),
        (-0.0, "zf", Ok("0.000000")),
        (-0.001, "z.1f", Ok("0.0")),
        (-1e-10, "z.2e", Ok("-1.00e-10")),
        (-0.0, "+", Ok("-0.0")),
        (0.0, "e", Ok("0.000000e+00")),
        (123.456, "n", Ok("123.456")),
        (1e100, ".3", Ok("1e+100")),
        (1e-100, ".3", Ok("1e-100")),
        (0.00001, ".5", Ok("1e-05")),
        (0.0001, ".3", Ok("0.0001")),
        (123456789.0, ".9", Ok("1.23456789e+08")),
        (123456789.0, ".8", Ok("1.2345679e+08")),
        (1.5, "x<10", Ok("1.5xxxxxxx")),
        (1.5, "x>10", Ok("xxxxxxx1.5")),
        (1.5, "x=+10", Ok("+xxxxxx1.5")),
        (1.5, "x^11", Ok("xxxx1.5xxxx")),
        (2.0, "<010", Ok("2.00000000")),
        (12.0, "%", Ok("1200.000000%")),
        (0.125, ".1%", Ok("12.5%")),
        (1e300, "f", Ok("1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000")),
        (-12345.6789, "_.2f", Ok("-12_345.68")),
        (12345.6789, "012.2f", Ok("000012345.68")),
        (1e200, ",.0f", Ok("99,999,999,999,999,996,973,312,221,251,036,165,947,450,327,545,502,362,648,241,750,950,346,848,435,554,075,534,196,338,404,706,251,868,027,512,415,973,882,408,182,135,734,368,278,484,639,385,041,047,239,877,871,023,591,066,789,981,811,181,813,306,167,128,854,888,448")),
        (5e-324, "e", Ok("4.940656e-324")),
        (5e-324, ".3g", Ok("4.94e-324")),
        (1.0, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (1.0, "abc", Err("Invalid format specifier 'abc' for object of type 'float'")),
        (1.0, ".", Err("Format specifier missing precision")),
        (1.0, ",_", Err("Cannot specify both ',' and '_'.")),
        (1.0, ",x", Err("Cannot specify ',' with 'x'.")),
        (1.0, "_n", Err("Cannot specify '_' with 'n'.")),
    ];
    const INT_FORMAT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("12345", "_x", Ok("3039")),
        ("255", "#010b", Ok("0b11111111")),
        ("-42", "=+8d", Ok("-     42")),
        ("1234567", ",", Ok("1,234,567")),
        ("1234567", "_", Ok("1_234_567")),
        ("-1234567", "010,", Ok("-1,234,567")),
        ("1234", "08,", Ok("0,001,234")),
        ("1234", "09,", Ok("0,001,234")),
        ("255", "x", Ok("ff")),
        ("255", "X", Ok("FF")),
        ("255", "#X", Ok("0XFF")),
        ("-255", "#x", Ok("-0xff")),
        ("-255", "#o", Ok("-0o377")),
        ("255", "#b", Ok("0b11111111")),
        ("65535", "_b", Ok("1111_1111_1111_1111")),
        ("65535", "#_x", Ok("0xffff")),
        ("65535", "#012_x", Ok("0x0_0000_ffff")),
        ("0", "#x", Ok("0x0")),
        ("5", "0", Ok("5")),
        ("5", "00", Ok("5")),
        ("5", "<05", Ok("50000")),
        ("5", "x<05", Ok("5xxxx")),
        ("5", "^7", Ok("   5   ")),
        ("-5", "^7", Ok("  -5   ")),
        ("5", " d", Ok(" 5")),
        ("-5", " d", Ok("-5")),
        ("65", "c", Ok("A")),
        ("65", "05c", Ok("0000A")),
        ("65", "^5c", Ok("  A  ")),
        ("9731", "c", Ok("\u{2603}")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("1114112", "c", Err("%c arg not in range(0x110000)")),
        ("65", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("65", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("42", "n", Ok("42")),
        ("1234567", "n", Ok("1234567")),
        ("12", "e", Ok("1.200000e+01")),
        ("12", "%", Ok("1200.000000%")),
        ("123456789", ".2f", Ok("123456789.00")),
        ("123456789", ",.2f", Ok("123,456,789.00")),
        ("123456789", "g", Ok("1.23457e+08")),
        ("12", ".3", Err("Precision not allowed in integer format specifier")),
        ("12", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("12", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("12", ",b", Err("Cannot specify ',' with 'b'.")),
        ("12", ",c", Err("Cannot specify ',' with 'c'.")),
        ("12", "abc", Err("Invalid format specifier 'abc' for object of type 'int'")),
        ("123456789012345678901234567890", ",", Ok("123,456,789,012,345,678,901,234,567,890")),
        ("-123456789012345678901234567890", "_x", Ok("-1_8ee9_0ff6_c373_e0ee_4e3f_0ad2")),
        ("123456789012345678901234567890", "e", Ok("1.234568e+29")),
        ("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "e", Err("int too large to convert to float")),
        ("0", "+d", Ok("+0")),
        ("-0", "d", Ok("0")),
        ("18446744073709551616", "#x", Ok("0x10000000000000000")),
        ("-9223372036854775808", "d", Ok("-9223372036854775808")),
    ];
    const STR_FORMAT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("abc", "10", Ok("abc       ")),
        ("abc", ">10", Ok("       abc")),
        ("abc", "^10", Ok("   abc    ")),
        ("abc", "*^8", Ok("**abc***")),
        ("abc", ".2", Ok("ab")),
        ("abc", "5.2", Ok("ab   ")),
        ("h\u{e9}llo", "^9", Ok("  h\u{e9}llo  ")),
        ("\u{65e5}\u{672c}\u{8a9e}", ">6", Ok("   \u{65e5}\u{672c}\u{8a9e}")),
        ("\u{65e5}\u{672c}\u{8a9e}", ".1", Ok("\u{65e5}")),
        ("ab", "05", Ok("ab000")),
        ("ab", ">05", Ok("000ab")),
        ("abc", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("abc", "+", Err("Sign not allowed in string format specifier")),
        ("abc", " ", Err("Space not allowed in string format specifier")),
        ("abc", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("abc", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("abc", ",", Err("Cannot specify ',' with 's'.")),
        ("abc", "_", Err("Cannot specify '_' with 's'.")),
        ("abc", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("abc", "s", Ok("abc")),
        ("abc", "1", Ok("abc")),
        ("abc", "\u{1}", Err("Unknown format code '\\x1' for object of type 'str'")),
        ("abc", "^", Ok("abc")),
    ];
    const PERCENT_FLOAT_CASES: &[(f64, &str, Option<usize>, Option<usize>, char, &str)] = &[
        (2.25, "", Some(5), Some(1), 'f', "  2.2"),
        (0.0, "", None, None, 'e', "0.000000e+00"),
        (1e-5, "", None, None, 'g', "1e-05"),
        (0.5, "", None, Some(0), 'f', "0"),
        (1.5, "", None, Some(0), 'f', "2"),
        (3.14159, "+", None, Some(2), 'f', "+3.14"),
        (3.14159, " ", None, Some(2), 'f', " 3.14"),
        (-3.14159, "0", Some(10), Some(3), 'f', "-00003.142"),
        (3.14159, "-", Some(10), Some(3), 'f', "3.142     "),
        (3.14159, "-+", Some(10), Some(3), 'f', "+3.142    "),
        (3.14159, "#", None, Some(0), 'f', "3."),
        (3.14159, "#", None, Some(0), 'e', "3.e+00"),
        (100.0, "#", None, None, 'g', "100.000"),
        (100.0, "", None, None, 'g', "100"),
        (1e20, "", None, None, 'g', "1e+20"),
        (1e20, "", None, None, 'G', "1E+20"),
        (123456.789, "", None, None, 'E', "1.234568E+05"),
        (f64::INFINITY, "0", Some(5), None, 'f', "00inf"),
        (f64::NEG_INFINITY, "", Some(8), None, 'f', "    -inf"),
        (f64::NAN, "+", None, None, 'F', "+NAN"),
        (f64::INFINITY, "", None, None, 'F', "INF"),
        (0.1, "", None, Some(30), 'f', "0.100000000000000005551115123126"),
        (1e300, "", None, Some(2), 'g', "1e+300"),
        (-0.0, "", None, None, 'f', "-0.000000"),
        (-0.0, "+", None, None, 'g', "-0"),
        (2.5, "", None, Some(0), 'e', "2e+00"),
        (12.0, "0", Some(8), Some(2), 'e', "1.20e+01"),
    ];
    const PERCENT_INT_CASES: &[(&str, &str, Option<usize>, Option<usize>, char, &str)] = &[
        ("42", "+", None, None, 'd', "+42"),
        ("-255", "", None, None, 'x', "-ff"),
        ("-255", "#", None, None, 'x', "-0xff"),
        ("255", "#", None, None, 'X', "0XFF"),
        ("8", "#0", Some(8), None, 'o', "0o000010"),
        ("-255", "#0", Some(8), None, 'x', "-0x000ff"),
        ("255", "#-", Some(8), None, 'x', "0xff    "),
        ("255", "+#0", Some(8), None, 'x', "+0x000ff"),
        ("42", "", None, Some(5), 'd', "00042"),
        ("-42", "", Some(8), Some(5), 'd', "  -00042"),
        ("255", "#", None, Some(5), 'x', "0x000ff"),
        ("42", "-0", Some(5), None, 'd', "42   "),
        ("42", " ", None, None, 'i', " 42"),
        ("42", "0", Some(6), None, 'u', "000042"),
        ("-42", "0", Some(6), None, 'd', "-00042"),
        ("0", "#", None, None, 'o', "0o0"),
        ("123456789012345678901234567890", "", Some(40), None, 'd', "          123456789012345678901234567890"),
        ("-123456789012345678901234567890", "#", None, None, 'X', "-0X18EE90FF6C373E0EE4E3F0AD2"),
        ("7", "+0", Some(5), Some(3), 'd', "+0007"),
    ];
    const PAD_STR_CASES: &[(&str, &str, Option<usize>, &str)] = &[
        ("abc", "", Some(8), "     abc"),
        ("abc", "-", Some(8), "abc     "),
        ("abc", "0", Some(8), "     abc"),
        ("abc", "", Some(2), "abc"),
        ("h\u{e9}llo", "-", Some(7), "h\u{e9}llo  "),
        ("abc", "+", Some(5), "  abc"),
        ("abc", "-", None, "abc"),
    ];
    const ROUND_CASES: &[(f64, i64, Result<&str, &str>)] = &[
        (2.675, 2, Ok("2.67")),
        (0.5, 0, Ok("0.0")),
        (1.5, 0, Ok("2.0")),
        (2.5, 0, Ok("2.0")),
        (-0.5, 0, Ok("-0.0")),
        (1234.5678, -2, Ok("1200.0")),
        (1234.5678, 2, Ok("1234.57")),
        (0.125, 2, Ok("0.12")),
        (0.375, 2, Ok("0.38")),
        (-0.001, 2, Ok("-0.0")),
        (5e-324, 323, Ok("0.0")),
        (5e-324, 300, Ok("0.0")),
        (1e300, -300, Ok("1e+300")),
        (1.7976931348623157e308, -308, Err("rounded value too large to represent")),
        (123.456, -5, Ok("0.0")),
        (-123.456, -5, Ok("-0.0")),
        (f64::INFINITY, 2, Ok("inf")),
        (1.0 / 3.0, 17, Ok("0.3333333333333333")),
        (0.1 + 0.2, 15, Ok("0.3")),
        (2.5, -1, Ok("0.0")),
        (25.0, -1, Ok("20.0")),
        (35.0, -1, Ok("40.0")),
        (1e22, -21, Ok("1e+22")),
        (1.23456789e-300, 305, Ok("1.23457e-300")),
        (-7.5, 0, Ok("-8.0")),
        (1e16 + 2.0, -1, Ok("1e+16")),
        (0.285, 2, Ok("0.28")),
        (1.005, 2, Ok("1.0")),
    ];
    const ROUND_INT_CASES: &[(f64, Result<&str, &str>)] = &[
        (0.5, Ok("0")),
        (1.5, Ok("2")),
        (2.5, Ok("2")),
        (-0.5, Ok("0")),
        (-1.5, Ok("-2")),
        (3.7, Ok("4")),
        (-3.7, Ok("-4")),
        (1e20, Ok("100000000000000000000")),
        (4503599627370497.0, Ok("4503599627370497")),
        (f64::INFINITY, Err("cannot convert float infinity to integer")),
        (f64::NAN, Err("cannot convert float NaN to integer")),
    ];

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn same<'a>(got: Result<String, String>, want: Result<&'a str, &'a str>) -> bool {
        match (got, want) {
            (Ok(g), Ok(w)) => g == w,
            (Err(g), Err(w)) => g == w,
            _ => false,
        }
    }

    #[test]
    fn repr_matches_cpython() {
        for &(x, want) in REPR_CASES {
            assert_eq!(float_repr(x), want, "repr of {:e}", x);
        }
    }

    #[test]
    fn float_format_matches_cpython() {
        for &(x, spec, want) in FLOAT_FORMAT_CASES {
            let got = format_float_spec(x, spec);
            assert!(same(got.clone(), want), "format({:e}, {:?}): got {:?}, want {:?}", x, spec, got, want);
        }
    }

    #[test]
    fn int_format_matches_cpython() {
        for &(x, spec, want) in INT_FORMAT_CASES {
            let got = format_int_spec(&big(x), spec);
            assert!(same(got.clone(), want), "format({}, {:?}): got {:?}, want {:?}", x, spec, got, want);
            // The i64 fast path must agree wherever it applies.
            if let (Ok(v), Ok(parsed)) = (x.parse::<i64>(), FormatSpec::parse_for_type(spec, "int")) {
                if !spec.is_empty() {
                    assert_eq!(format_int_i64(v, &parsed), got, "i64 path for {} {:?}", x, spec);
                }
            }
        }
    }

    #[test]
    fn str_format_matches_cpython() {
        for &(s, spec, want) in STR_FORMAT_CASES {
            let got = format_str_spec(s, spec);
            assert!(same(got.clone(), want), "format({:?}, {:?}): got {:?}, want {:?}", s, spec, got, want);
        }
    }

    #[test]
    fn percent_float_matches_cpython() {
        for &(x, flags, width, prec, ty, want) in PERCENT_FLOAT_CASES {
            assert_eq!(
                percent_format_float(x, flags, width, prec, ty),
                want,
                "{:e} {:?} {:?} {:?} {}",
                x,
                flags,
                width,
                prec,
                ty
            );
        }
    }

    #[test]
    fn percent_int_matches_cpython() {
        for &(x, flags, width, prec, ty, want) in PERCENT_INT_CASES {
            assert_eq!(
                percent_format_int(&big(x), flags, width, prec, ty),
                want,
                "{} {:?} {:?} {:?} {}",
                x,
                flags,
                width,
                prec,
                ty
            );
        }
    }

    #[test]
    fn pad_str_matches_cpython() {
        for &(s, flags, width, want) in PAD_STR_CASES {
            assert_eq!(pad_str(s, flags, width), want);
        }
    }

    #[test]
    fn round_matches_cpython() {
        for &(x, n, want) in ROUND_CASES {
            let got = round_float_checked(x, n).map(float_repr);
            assert!(same(got.clone(), want), "round({:e}, {}): got {:?}, want {:?}", x, n, got, want);
        }
        for &(x, want) in ROUND_INT_CASES {
            let got = round_float_to_int(x).map(|v| v.to_string());
            assert!(same(got.clone(), want), "round({:e}): got {:?}, want {:?}", x, got, want);
        }
    }

    #[test]
    fn round_half_even_examples() {
        assert_eq!(round_half_even(2.675, 2), 2.67);
        assert_eq!(round_half_even(0.5, 0), 0.0);
        assert_eq!(round_half_even(1.5, 0), 2.0);
        assert_eq!(round_half_even(2.5, 0), 2.0);
        let neg_zero = round_half_even(-0.5, 0);
        assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
        assert_eq!(round_half_even(1234.5678, -2), 1200.0);
        assert_eq!(round_half_even(1.7976931348623157e308, -308), f64::INFINITY);
    }

    #[test]
    fn parse_fields() {
        let s = FormatSpec::parse("*^+#012,.3f").unwrap();
        assert_eq!(s.fill, '*');
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.sign, Some('+'));
        assert!(s.alternate);
        // With an explicit fill the '0' is part of the width.
        assert!(!s.zero);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));

        let z = FormatSpec::parse("z08_").unwrap();
        assert!(z.no_neg_zero && z.zero);
        assert_eq!((z.fill, z.align, z.width, z.grouping, z.ty), ('0', None, Some(8), Some('_'), None));

        assert_eq!(FormatSpec::parse("").unwrap(), FormatSpec::default());
        assert_eq!(FormatSpec::parse("\u{1F600}>3").unwrap().fill, '\u{1F600}');
        assert_eq!(
            FormatSpec::parse("abc"),
            Err("Invalid format specifier 'abc' for object of type 'object'".to_string())
        );
        assert_eq!(
            FormatSpec::parse("99999999999999999999"),
            Err("Too many decimal digits in format string".to_string())
        );
        assert_eq!(FormatSpec::parse("_x").unwrap().grouping, Some('_'));
        assert_eq!(FormatSpec::parse(",x"), Err("Cannot specify ',' with 'x'.".to_string()));
    }

    #[test]
    fn unicode_fill_is_counted_in_chars() {
        assert_eq!(format_float_spec(1.5, "\u{e9}^7").unwrap(), "\u{e9}\u{e9}1.5\u{e9}\u{e9}");
        assert_eq!(format_int_spec(&big("7"), "\u{2603}>3").unwrap(), "\u{2603}\u{2603}7");
    }

    #[test]
    fn double_to_string_flags() {
        let plus = DtoaFlags { sign: true, ..DtoaFlags::default() };
        assert_eq!(double_to_string(1.0, 'f', 2, plus), "+1.00");
        assert_eq!(double_to_string(f64::NAN, 'e', 2, plus), "+nan");
        assert_eq!(double_to_string(1e-10, 'G', 3, DtoaFlags::default()), "1E-10");
        assert_eq!(float_to_string_g(0.0001, 6, false), "0.0001");
        assert_eq!(float_to_string_g(123456789.0, 6, true), "1.23457e+08");
        // Exact expansion of 0.1 (CPython: format(0.1, '.55f')).
        assert_eq!(
            double_to_string(0.1, 'f', 55, DtoaFlags::default()),
            "0.1000000000000000055511151231257827021181583404541015625"
        );
    }
}
