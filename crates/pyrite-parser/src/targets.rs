//! Finding and naming expressions for CPython's "cannot assign to ..." family of messages.
//!
//! Ruff reports an invalid target by its range; CPython names the first invalid
//! sub-expression (`_PyPegen_get_invalid_target`) with `_PyPegen_get_expr_name`'s words.

use ruff_python_ast::visitor::{Visitor, walk_expr, walk_stmt};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Where an expression was found: the expression and its innermost enclosing statement.
pub(crate) struct Found<'a> {
    pub expr: &'a Expr,
    pub stmt: Option<&'a Stmt>,
}

/// The outermost expression of `module` whose range is exactly `range`.
pub(crate) fn find_expr(module: &Mod, range: TextRange) -> Option<Found<'_>> {
    find_by(module, |e| e.range() == range)
}

/// The outermost expression that ends at `end` and starts at or after `not_before`, choosing
/// the one that starts first.
pub(crate) fn find_expr_ending_at(module: &Mod, end: TextSize, not_before: TextSize) -> Option<&Expr> {
    let mut best: Option<&Expr> = None;
    let mut finder = Finder {
        pred: |e: &Expr| e.end() == end && e.start() >= not_before,
        stmts: Vec::new(),
        found: None,
        all: Some(Vec::new()),
    };
    walk_mod(&mut finder, module);
    for expr in finder.all.unwrap_or_default() {
        if best.is_none_or(|b| expr.start() < b.start()) {
            best = Some(expr);
        }
    }
    best
}

fn find_by<'a>(module: &'a Mod, pred: impl Fn(&Expr) -> bool) -> Option<Found<'a>> {
    let mut finder = Finder { pred, stmts: Vec::new(), found: None, all: None };
    walk_mod(&mut finder, module);
    finder.found
}

fn walk_mod<'a, V: Visitor<'a>>(visitor: &mut V, module: &'a Mod) {
    match module {
        Mod::Module(m) => {
            for stmt in &m.body {
                visitor.visit_stmt(stmt);
            }
        }
        Mod::Expression(e) => visitor.visit_expr(&e.body),
    }
}

struct Finder<'a, P> {
    pred: P,
    stmts: Vec<&'a Stmt>,
    found: Option<Found<'a>>,
    all: Option<Vec<&'a Expr>>,
}

impl<'a, P: Fn(&Expr) -> bool> Visitor<'a> for Finder<'a, P> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        self.stmts.push(stmt);
        walk_stmt(self, stmt);
        self.stmts.pop();
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        if (self.pred)(expr) {
            if let Some(all) = &mut self.all {
                all.push(expr);
            } else {
                self.found = Some(Found { expr, stmt: self.stmts.last().copied() });
                return;
            }
        }
        walk_expr(self, expr);
    }
}

/// Which statement a target belongs to, as CPython's `TARGETS_TYPE`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

/// The first sub-expression of `expr` that cannot be a target (`_PyPegen_get_invalid_target`).
pub(crate) fn invalid_target(expr: &Expr, kind: TargetsType) -> Option<&Expr> {
    match expr {
        Expr::List(list) => list.elts.iter().find_map(|e| invalid_target(e, kind)),
        Expr::Tuple(tuple) => tuple.elts.iter().find_map(|e| invalid_target(e, kind)),
        Expr::Starred(starred) => {
            if kind == TargetsType::Del {
                Some(expr)
            } else {
                invalid_target(&starred.value, kind)
            }
        }
        Expr::Compare(compare) if kind == TargetsType::For => {
            if compare.ops.first() == Some(&ruff_python_ast::CmpOp::In) {
                invalid_target(&compare.left, kind)
            } else {
                Some(expr)
            }
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(expr),
    }
}

/// CPython's name for an expression kind in error messages (`_PyPegen_get_expr_name`).
pub(crate) fn expr_name(expr: &Expr) -> &'static str {
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
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// The outermost expression that starts at `start`.
pub(crate) fn find_expr_starting(module: &Mod, start: TextSize) -> Option<&Expr> {
    find_by(module, |e| e.start() == start).map(|f| f.expr)
}
