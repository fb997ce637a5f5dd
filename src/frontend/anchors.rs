//! Where a traceback's `^^^^` line puts its emphasis (CPython 3.11's "anchors").
//!
//! A traceback underlines the part of the source line an instruction came from. When that part
//! is a binary operation or a subscript on one line, CPython re-parses it and marks the
//! operator (`a / b` gives `~~^~~`) or the brackets (`d[k]` gives `~^^^`) with `^` and the
//! operands with `~`. This module answers, for a source segment, where the `^` run starts and
//! ends (character offsets into the segment), or None when the segment is something else.

use ruff_python_ast::Expr;
use ruff_python_parser::parse_expression;
use ruff_text_size::Ranged;

/// The `[left, right)` character range of a segment that gets `^` (the rest gets `~`).
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = parse_expression(segment).ok()?;
    let chars: Vec<char> = segment.chars().collect();
    // Byte offsets from the parser, character offsets out.
    let char_at = |byte: usize| segment.get(..byte).map_or(chars.len(), |s| s.chars().count());
    match parsed.expr() {
        Expr::BinOp(op) => {
            let left_end = char_at(usize::from(op.left.range().end()));
            let right_start = char_at(usize::from(op.right.range().start()));
            let between: String = chars.get(left_end..right_start)?.iter().collect();
            let skipped = between.chars().take_while(|c| c.is_whitespace()).count();
            let mut left = left_end + skipped;
            let mut right = left + 1;
            // Two-character operators (`//`, `**`, `<<`, ...).
            if between.chars().nth(skipped + 1).is_some_and(|c| !c.is_whitespace()) {
                right += 1;
            }
            // Past closing parentheses and comments of the left operand.
            while chars.get(left).is_some_and(|c| c.is_whitespace() || *c == ')' || *c == '#') {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Expr::Subscript(sub) => {
            let mut left = char_at(usize::from(sub.value.range().end()));
            let mut right = char_at(usize::from(sub.slice.range().end())) + 1;
            while chars.get(left).is_some_and(|c| *c != '[') {
                left += 1;
            }
            while chars.get(right).is_some_and(|c| *c != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operators_and_subscripts_get_anchors() {
        assert_eq!(caret_anchors("a / b"), Some((2, 3)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        // (CPython marks one character too many here; so does stitch.)
        assert_eq!(caret_anchors("(a)+b"), Some((3, 5)));
        assert_eq!(caret_anchors("d[k]"), Some((1, 4)));
        assert_eq!(caret_anchors("x[1:2]"), Some((1, 6)));
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("a b"), None);
    }
}
