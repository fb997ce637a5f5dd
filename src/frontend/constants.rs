//! Constant folding: which expressions compile to a single `LOAD_CONST`.
//!
//! CPython folds constants in an AST optimizer before code generation; stitch folds the cases
//! that matter for reading `dis` output and for the JIT's view of literals: literals
//! themselves, implicitly concatenated strings (and f-strings without fields), unary `-`/`+`
//! applied to numbers (`-1` is the constant -1, not `UNARY_NEGATIVE` of 1), and tuples whose
//! items are all constants (`(1, (2, 'a'))` is one constant).
//!
//! Integer literals that do not fit in an `i64` become [`Const::BigInt`] in decimal. The
//! parser keeps such literals as their source text (possibly `0x`/`0o`/`0b`-prefixed, with
//! `_` separators), so this file converts them with a small base-10⁹ bignum; the runtime owns
//! real big-integer arithmetic.

use ruff_python_ast::{self as ast, Expr, ExprContext, FStringPart, InterpolatedStringElement, Number};

use super::compiler::Compiler;
use crate::bytecode::Const;

impl<'a> Compiler<'a> {
    /// The value of `expr` if it is a compile-time constant.
    pub(super) fn constant_value(&self, expr: &Expr) -> Option<Const> {
        constant_value(expr)
    }
}

/// The value of `expr` if it is a compile-time constant.
pub(super) fn constant_value(expr: &Expr) -> Option<Const> {
    match expr {
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        Expr::StringLiteral(s) => Some(Const::Str(s.value.to_str().to_string())),
        Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect())),
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(int) => int_const(int),
            Number::Float(x) => Some(Const::Float(*x)),
            Number::Complex { real, imag } => Some(Const::Complex(*real, *imag)),
        },
        Expr::FString(f) => fstring_without_fields(&f.value),
        Expr::UnaryOp(unary) => fold_unary(unary),
        Expr::Tuple(tuple) if tuple.ctx == ExprContext::Load => {
            let items = tuple.elts.iter().map(constant_value).collect::<Option<Vec<_>>>()?;
            Some(Const::Tuple(items))
        }
        _ => None,
    }
}

/// Truthiness of a constant, for folding conditions (`while True:`).
pub(super) fn truthiness(value: &Const) -> bool {
    match value {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) | Const::Ellipsis | Const::Code(_) => true,
        Const::Float(x) => *x != 0.0,
        Const::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(items) | Const::FrozenSet(items) => !items.is_empty(),
    }
}

/// `-x` and `+x` of a numeric constant (not of `True`/`False`, which CPython also leaves alone
/// in `dis` output for clarity).
fn fold_unary(unary: &ast::ExprUnaryOp) -> Option<Const> {
    let operand = match &*unary.operand {
        operand @ (Expr::NumberLiteral(_) | Expr::UnaryOp(_)) => constant_value(operand)?,
        _ => return None,
    };
    match unary.op {
        ast::UnaryOp::UAdd => match operand {
            number @ (Const::Int(_) | Const::BigInt(_) | Const::Float(_) | Const::Complex(..)) => Some(number),
            _ => None,
        },
        ast::UnaryOp::USub => match operand {
            Const::Int(i) => Some(match i.checked_neg() {
                Some(negated) => Const::Int(negated),
                None => Const::BigInt(format!("{}", -i128::from(i))),
            }),
            Const::BigInt(digits) => Some(normalize_big(negate_decimal(&digits))),
            Const::Float(x) => Some(Const::Float(-x)),
            Const::Complex(re, im) => Some(Const::Complex(-re, -im)),
            _ => None,
        },
        ast::UnaryOp::Not | ast::UnaryOp::Invert => None,
    }
}

/// A string built from literal parts only (`f"abc"`, `"a" f"b"`).
fn fstring_without_fields(value: &ast::FStringValue) -> Option<Const> {
    let mut text = String::new();
    for part in value.iter() {
        match part {
            FStringPart::Literal(literal) => text.push_str(&literal.value),
            FStringPart::FString(fstring) => {
                for element in fstring.elements.iter() {
                    match element {
                        InterpolatedStringElement::Literal(literal) => text.push_str(&literal.value),
                        InterpolatedStringElement::Interpolation(_) => return None,
                    }
                }
            }
        }
    }
    Some(Const::Str(text))
}

/// An integer literal: `Int` when it fits 64 bits, else `BigInt` in decimal.
fn int_const(int: &ast::Int) -> Option<Const> {
    if let Some(small) = int.as_i64() {
        return Some(Const::Int(small));
    }
    // Either a decimal beyond i64 or the literal's source text (with prefix and `_`).
    let decimal = literal_to_decimal(&int.to_string())?;
    Some(normalize_big(decimal))
}

/// `BigInt` unless the decimal text fits an `i64`.
fn normalize_big(decimal: String) -> Const {
    match decimal.parse::<i64>() {
        Ok(small) => Const::Int(small),
        Err(_) => Const::BigInt(decimal),
    }
}

fn negate_decimal(digits: &str) -> String {
    match digits.strip_prefix('-') {
        Some(positive) => positive.to_string(),
        None if digits == "0" => digits.to_string(),
        None => format!("-{digits}"),
    }
}

/// Converts an integer literal's text (`123`, `0xFF_FF`, `0o17`, `0b1010`) to decimal digits.
pub(super) fn literal_to_decimal(literal: &str) -> Option<String> {
    let cleaned: String = literal.chars().filter(|&c| c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let (radix, digits) = if let Some(hex) = lower.strip_prefix("0x") {
        (16, hex)
    } else if let Some(octal) = lower.strip_prefix("0o") {
        (8, octal)
    } else if let Some(binary) = lower.strip_prefix("0b") {
        (2, binary)
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty() {
        return None;
    }
    // Little-endian limbs in base 10^9.
    const LIMB: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let digit = u64::from(c.to_digit(radix)?);
        let mut carry = digit;
        for limb in limbs.iter_mut() {
            let value = *limb * u64::from(radix) + carry;
            *limb = value % LIMB;
            carry = value / LIMB;
        }
        while carry > 0 {
            limbs.push(carry % LIMB);
            carry /= LIMB;
        }
    }
    let mut text = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            text.push_str(&limb.to_string());
        } else {
            text.push_str(&format!("{limb:09}"));
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_convert_to_decimal() {
        assert_eq!(literal_to_decimal("0").as_deref(), Some("0"));
        assert_eq!(literal_to_decimal("1_000").as_deref(), Some("1000"));
        assert_eq!(literal_to_decimal("0xFF").as_deref(), Some("255"));
        assert_eq!(literal_to_decimal("0o17").as_deref(), Some("15"));
        assert_eq!(literal_to_decimal("0B1010").as_deref(), Some("10"));
        assert_eq!(literal_to_decimal("0x1_0000_0000_0000_0000").as_deref(), Some("18446744073709551616"));
        assert_eq!(
            literal_to_decimal("123456789012345678901234567890").as_deref(),
            Some("123456789012345678901234567890")
        );
        assert_eq!(literal_to_decimal("0x"), None);
        assert_eq!(literal_to_decimal("12a"), None);
    }

    #[test]
    fn negation_crosses_the_i64_boundary() {
        assert!(matches!(normalize_big(negate_decimal("9223372036854775808")), Const::Int(i64::MIN)));
        assert_eq!(negate_decimal("-5"), "5");
        assert_eq!(negate_decimal("0"), "0");
    }
}
