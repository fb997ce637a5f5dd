//! Compile errors: where they are and what they say.
//!
//! Every failure of the frontend — a syntax error from the parser, a semantic error found by the
//! symbol table or the code generator, or a construct stitch deliberately does not support — is
//! one [`CompileError`] with a 1-based line and character column. The parser (ruff's) reports
//! byte ranges and its own wording; this file converts ranges to line/column with a
//! [`LineIndex`] and rewords the common parser messages the way CPython 3.12 words them, so that
//! `stitch` and `python3` complain alike about the same mistake.

use std::fmt;

use ruff_python_ast::Expr;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType, UnsupportedSyntaxError};
use ruff_text_size::{TextRange, TextSize};

/// A compile error at a source position.
///
/// `message` starts with the error class: `SyntaxError: ...`, `IndentationError: ...`, or
/// `unsupported: ...` for valid Python that stitch does not compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters (not bytes).
    pub col: u32,
    pub message: String,
}

impl fmt::Display for CompileError {
    /// `LINE:COL: message`; the caller prefixes the file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for CompileError {}

/// Maps byte offsets of a source text to 1-based lines and character columns.
pub(crate) struct LineIndex<'src> {
    source: &'src str,
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl<'src> LineIndex<'src> {
    /// The source text of `range`.
    pub(crate) fn text(&self, range: ruff_text_size::TextRange) -> &'src str {
        self.source.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
    }

    pub(crate) fn new(source: &'src str) -> LineIndex<'src> {
        let mut line_starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                // A lone `\r` (old Mac line ending) also ends a line, as in CPython's tokenizer.
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, line_starts }
    }

    /// The 1-based line containing byte `offset`.
    pub(crate) fn line(&self, offset: TextSize) -> u32 {
        let offset = usize::from(offset);
        let index = match self.line_starts.binary_search(&offset) {
            Ok(exact) => exact,
            Err(next) => next.saturating_sub(1),
        };
        u32::try_from(index + 1).unwrap_or(u32::MAX)
    }

    /// The 1-based `(line, column)` of byte `offset`, the column counted in characters.
    pub(crate) fn position(&self, offset: TextSize) -> (u32, u32) {
        let line = self.line(offset);
        let line_start = self.line_starts.get(line as usize - 1).copied().unwrap_or(0);
        let offset = usize::from(offset).min(self.source.len());
        let text = self.source.get(line_start..offset);
        // A byte-order mark is not part of the first line's text.
        let text = text.map(|text| text.strip_prefix('\u{feff}').unwrap_or(text));
        let chars = match text {
            Some(text) => text.chars().count(),
            None => offset.saturating_sub(line_start),
        };
        (line, u32::try_from(chars + 1).unwrap_or(u32::MAX))
    }

    /// A [`CompileError`] located at the start of `range`.
    pub(crate) fn error(&self, range: TextRange, message: impl Into<String>) -> CompileError {
        let (line, col) = self.position(range.start());
        CompileError { line, col, message: message.into() }
    }

    /// A `SyntaxError: ...` at the start of `range`.
    pub(crate) fn syntax_error(&self, range: TextRange, message: &str) -> CompileError {
        self.error(range, format!("SyntaxError: {message}"))
    }

    /// An `unsupported: ...` error at the start of `range`.
    pub(crate) fn unsupported(&self, range: TextRange, construct: &str) -> CompileError {
        self.error(range, format!("unsupported: {construct}"))
    }

    /// Converts a parser error, rewording it as CPython would where the wording is known.
    pub(crate) fn parse_error(&self, error: &ParseError) -> CompileError {
        let message = match &error.error {
            ParseErrorType::UnexpectedIndentation => "IndentationError: unexpected indent".into(),
            ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
                "IndentationError: unindent does not match any outer indentation level".into()
            }
            ParseErrorType::OtherError(text) if text.starts_with("Expected an indented block") => {
                format!("IndentationError: {}", cpython_style(text))
            }
            other => format!("SyntaxError: {}", self.reword(other, error.location)),
        };
        self.error(error.location, message)
    }

    /// Converts a "syntax too new for Python 3.12" error from the parser.
    pub(crate) fn version_error(&self, error: &UnsupportedSyntaxError) -> CompileError {
        self.syntax_error(error.range, &error.to_string())
    }

    fn reword(&self, error: &ParseErrorType, range: TextRange) -> String {
        let target = || self.describe_target(range);
        match error {
            ParseErrorType::InvalidAssignmentTarget => format!("cannot assign to {}", target()),
            ParseErrorType::InvalidDeleteTarget => format!("cannot delete {}", target()),
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                format!("'{}' is an illegal expression for augmented assignment", target())
            }
            ParseErrorType::InvalidNamedAssignmentTarget => {
                format!("cannot use assignment expressions with {}", target())
            }
            ParseErrorType::InvalidAnnotatedAssignmentTarget => "illegal target for annotation".into(),
            ParseErrorType::ExpectedToken { expected, .. } if *expected == ruff_python_ast::token::TokenKind::Colon => {
                "expected ':'".into()
            }
            ParseErrorType::SimpleStatementsOnSameLine
            | ParseErrorType::SimpleAndCompoundStatementOnSameLine
            | ParseErrorType::ExpectedExpression
            | ParseErrorType::UnexpectedExpressionToken => "invalid syntax".into(),
            ParseErrorType::OtherError(text) if text == "Expected a statement" => "invalid syntax".into(),
            ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
                format!("unterminated string literal (detected at line {})", self.line(range.start()))
            }
            ParseErrorType::Lexical(LexicalErrorType::OtherError(text))
                if &**text == "Invalid decimal integer literal" =>
            {
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers"
                    .into()
            }
            other => cpython_style(&other.to_string()),
        }
    }

    /// CPython's name for the kind of expression at `range` ("function call", "literal", ...),
    /// found by parsing that slice of the source on its own.
    fn describe_target(&self, range: TextRange) -> &'static str {
        let text = self.source.get(usize::from(range.start())..usize::from(range.end()));
        match text.and_then(|text| ruff_python_parser::parse_expression(text).ok()) {
            Some(parsed) => expression_kind_name(parsed.expr()),
            None => "expression",
        }
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
fn expression_kind_name(expr: &Expr) -> &'static str {
    match expr {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// Ruff's messages start with a capital and quote code in backticks; CPython's start in lower
/// case and quote with `'`.
fn cpython_style(message: &str) -> String {
    let quoted = message.replace('`', "'");
    let mut chars = quoted.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => quoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let index = LineIndex::new("ab\nçé = 1\n\nx");
        assert_eq!(index.position(TextSize::new(0)), (1, 1));
        assert_eq!(index.position(TextSize::new(3)), (2, 1));
        // "çé" is four bytes but two characters.
        assert_eq!(index.position(TextSize::new(8)), (2, 4));
        assert_eq!(index.position(TextSize::new(13)), (4, 1));
        assert_eq!(index.position(TextSize::new(999)), (4, 2));
        let bom = LineIndex::new("\u{feff}x = $");
        assert_eq!(bom.position(TextSize::new(7)), (1, 5));
    }

    #[test]
    fn cpython_style_lowercases_and_requotes() {
        assert_eq!(cpython_style("Expected `:`"), "expected ':'");
        assert_eq!(cpython_style(""), "");
    }
}
