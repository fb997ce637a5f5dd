//! The nesting limit: how deep a program's syntax tree may be.
//!
//! The symbol table and the code generator are recursive walks of the AST, so their stack use
//! grows with the nesting of the source: `((((x))))`, `- - - x`, a chain `a + b + c + ...`
//! (nested to the left), or blocks inside blocks. A pathological input could overflow the
//! native stack, which aborts the process — worse than a panic. CPython has the same problem
//! and answers `RecursionError: maximum recursion depth exceeded during compilation`; stitch
//! does too, checking the depth once, right after parsing, with a walk that itself stops
//! descending at the limit.
//!
//! Dropping the syntax tree is recursive as well (in the parser's crate), so a tree that is
//! too deep is leaked rather than dropped: a bounded cost paid only for rejected input.
//!
//! [`MAX_NESTING`] leaves the compiler's deepest recursion well inside a 2 MiB thread stack
//! even in debug builds (measured at about 4 KiB per level), far above what real programs
//! use.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, InterpolatedStringElement, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// Maximum nesting of statements, expressions and patterns.
pub(crate) const MAX_NESTING: u32 = 200;

/// The first node nested deeper than [`MAX_NESTING`], if any.
pub(crate) fn too_deep(body: &[Stmt]) -> Option<TextRange> {
    let mut check = DepthCheck { depth: 0, too_deep: None };
    check.visit_body(body);
    check.too_deep
}

struct DepthCheck {
    depth: u32,
    too_deep: Option<TextRange>,
}

impl DepthCheck {
    /// Visits the children of the node at `range` one level deeper, unless the limit is hit.
    fn nested(&mut self, range: TextRange, walk: impl FnOnce(&mut Self)) {
        if self.too_deep.is_some() {
            return;
        }
        if self.depth >= MAX_NESTING {
            self.too_deep = Some(range);
            return;
        }
        self.depth += 1;
        walk(self);
        self.depth -= 1;
    }
}

impl<'a> Visitor<'a> for DepthCheck {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.nested(stmt.range(), |this| visitor::walk_stmt(this, stmt));
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.nested(expr.range(), |this| visitor::walk_expr(this, expr));
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.nested(pattern.range(), |this| visitor::walk_pattern(this, pattern));
    }

    fn visit_interpolated_string_element(&mut self, element: &'a InterpolatedStringElement) {
        self.nested(element.range(), |this| visitor::walk_interpolated_string_element(this, element));
    }
}
