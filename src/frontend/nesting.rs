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
//! use. One shape is common in real (often generated) code and gets a separate allowance:
//! long left-nested operator chains like `a*b + c*d - e*f + ...`. Every pass walks such a
//! chain with a loop, so it counts as one level of nesting; only its length counts toward
//! [`MAX_PATH`], the bound on the tree's depth that keeps dropping it safe (the parser's own
//! drop handles about 10,000 levels on a 2 MiB debug stack).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ExprBinOp, InterpolatedStringElement, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// Maximum nesting of statements, expressions and patterns (an operator chain counts once).
pub(crate) const MAX_NESTING: u32 = 200;

/// Maximum depth of the tree itself, operator chains counted node by node.
pub(crate) const MAX_PATH: u32 = 5000;

/// The first node nested deeper than [`MAX_NESTING`], if any.
pub(crate) fn too_deep(body: &[Stmt]) -> Option<TextRange> {
    let mut check = DepthCheck { depth: 0, path: 0, too_deep: None };
    check.visit_body(body);
    check.too_deep
}

struct DepthCheck {
    /// Nesting of the node being visited.
    depth: u32,
    /// Depth of the node being visited in the tree (nesting plus operator-chain lengths).
    path: u32,
    too_deep: Option<TextRange>,
}

impl DepthCheck {
    /// Visits the children of the node at `range` one level deeper, unless the limit is hit.
    fn nested(&mut self, range: TextRange, walk: impl FnOnce(&mut Self)) {
        if self.too_deep.is_some() {
            return;
        }
        if self.depth >= MAX_NESTING || self.path >= MAX_PATH {
            self.too_deep = Some(range);
            return;
        }
        self.depth += 1;
        self.path += 1;
        walk(self);
        self.depth -= 1;
        self.path -= 1;
    }

    /// A chain `x op a op b ...`: the leftmost operand and the right operands, one level down.
    fn operator_chain(&mut self, chain: &Expr) {
        let (leftmost, operations) = operator_chain(chain);
        let length = u32::try_from(operations.len()).unwrap_or(u32::MAX);
        if self.path.saturating_add(length) >= MAX_PATH {
            self.too_deep = Some(chain.range());
            return;
        }
        self.path += length;
        self.nested(chain.range(), |this| {
            this.visit_expr(leftmost);
            operations.iter().rev().for_each(|operation| this.visit_expr(&operation.right));
        });
        self.path -= length;
    }
}

/// Splits a left-nested chain of binary operations into its leftmost operand and its binary
/// operations, outermost first.
pub(crate) fn operator_chain(expr: &Expr) -> (&Expr, Vec<&ExprBinOp>) {
    let mut operations = Vec::new();
    let mut node = expr;
    while let Expr::BinOp(operation) = node {
        operations.push(operation);
        node = &operation.left;
    }
    (node, operations)
}

impl<'a> Visitor<'a> for DepthCheck {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.nested(stmt.range(), |this| visitor::walk_stmt(this, stmt));
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::BinOp(_) => self.operator_chain(expr),
            _ => self.nested(expr.range(), |this| visitor::walk_expr(this, expr)),
        }
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.nested(pattern.range(), |this| visitor::walk_pattern(this, pattern));
    }

    fn visit_interpolated_string_element(&mut self, element: &'a InterpolatedStringElement) {
        self.nested(element.range(), |this| visitor::walk_interpolated_string_element(this, element));
    }
}
