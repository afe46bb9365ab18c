//! Statements, exception handlers, `with` items, import aliases and match patterns.

use pyrite_object::{PyResult, Value};
use pyrite_parser::{Ranged, TextRange, TextSize, ast};

use super::expr::operator_name;
use super::{Conv, list};

fn ident(i: &ast::Identifier) -> Value {
    Value::str(i.as_str())
}

/// The one-character range CPython 3.11 reports for the `[` of a type parameter list.
fn first_token(range: TextRange) -> TextRange {
    TextRange::at(range.start(), TextSize::new(1))
}

fn opt_ident(i: Option<&ast::Identifier>) -> Value {
    i.map_or(Value::None, ident)
}

impl Conv<'_> {
    pub(super) fn stmts(&mut self, body: &[ast::Stmt]) -> PyResult {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            out.push(self.stmt(s)?);
        }
        Ok(list(out))
    }

    /// The range of a decorated definition starts at `def`/`async`/`class`, not at the
    /// first decorator (CPython 3.8+).
    fn def_range(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        match decorators.last() {
            Some(d) => TextRange::new(self.next_token(d.range().end()), range.end()),
            None => range,
        }
    }

    fn decorators(&mut self, decorators: &[ast::Decorator]) -> PyResult {
        self.exprs(decorators.iter().map(|d| &d.expression))
    }

    /// A compound statement ends after its last token, which is the `;` of a last simple
    /// statement written `x;` (CPython), not where that statement ends (the parser).
    fn block_end(&self, range: TextRange) -> TextRange {
        let bytes = self.source.as_bytes();
        let mut i = usize::from(range.end());
        while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\x0c')) {
            i += 1;
        }
        if bytes.get(i) == Some(&b';') {
            return TextRange::new(range.start(), TextSize::new(u32::try_from(i + 1).unwrap_or(u32::MAX)));
        }
        range
    }

    fn stmt(&mut self, s: &ast::Stmt) -> PyResult {
        self.ctx.check_native_stack(" during compilation")?;
        use ast::Stmt as S;
        let range = match s {
            S::FunctionDef(_)
            | S::ClassDef(_)
            | S::For(_)
            | S::While(_)
            | S::If(_)
            | S::With(_)
            | S::Match(_)
            | S::Try(_) => Some(self.block_end(s.range())),
            _ => Some(s.range()),
        };
        match s {
            S::FunctionDef(f) => {
                if let Some(tp) = &f.type_params {
                    return Err(self.syntax_error("expected '('", first_token(tp.range())));
                }
                let args = self.parameters(Some(&f.parameters))?;
                let body = self.stmts(&f.body)?;
                let decorator_list = self.decorators(&f.decorator_list)?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let name = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
                let fields = [
                    ("name", ident(&f.name)),
                    ("args", args),
                    ("body", body),
                    ("decorator_list", decorator_list),
                    ("returns", returns),
                    ("type_comment", Value::None),
                ];
                self.node(name, &fields, Some(self.def_range(self.block_end(f.range()), &f.decorator_list)))
            }
            S::ClassDef(c) => {
                if let Some(tp) = &c.type_params {
                    return Err(self.syntax_error("invalid syntax", first_token(tp.range())));
                }
                let (bases, keywords) = self.class_arguments(c.arguments.as_deref())?;
                let body = self.stmts(&c.body)?;
                let decorator_list = self.decorators(&c.decorator_list)?;
                let fields = [
                    ("name", ident(&c.name)),
                    ("bases", bases),
                    ("keywords", keywords),
                    ("body", body),
                    ("decorator_list", decorator_list),
                ];
                self.node("ClassDef", &fields, Some(self.def_range(self.block_end(c.range()), &c.decorator_list)))
            }
            S::Return(r) => {
                let value = self.opt_expr(r.value.as_deref())?;
                self.node("Return", &[("value", value)], range)
            }
            S::Delete(d) => {
                let targets = self.exprs(&d.targets)?;
                self.node("Delete", &[("targets", targets)], range)
            }
            S::TypeAlias(t) => Err(self.syntax_error("invalid syntax", t.name.range())),
            S::Assign(a) => {
                let targets = self.exprs(&a.targets)?;
                let value = self.expr(&a.value)?;
                self.node("Assign", &[("targets", targets), ("value", value), ("type_comment", Value::None)], range)
            }
            S::AugAssign(a) => {
                let target = self.expr(&a.target)?;
                let op = self.singleton(operator_name(a.op))?;
                let value = self.expr(&a.value)?;
                self.node("AugAssign", &[("target", target), ("op", op), ("value", value)], range)
            }
            S::AnnAssign(a) => {
                let target = self.expr(&a.target)?;
                let annotation = self.expr(&a.annotation)?;
                let value = self.opt_expr(a.value.as_deref())?;
                let fields = [
                    ("target", target),
                    ("annotation", annotation),
                    ("value", value),
                    ("simple", Value::Int(i64::from(a.simple))),
                ];
                self.node("AnnAssign", &fields, range)
            }
            S::For(f) => {
                let target = self.expr(&f.target)?;
                let iter = self.expr(&f.iter)?;
                let body = self.stmts(&f.body)?;
                let orelse = self.stmts(&f.orelse)?;
                let name = if f.is_async { "AsyncFor" } else { "For" };
                let fields = [
                    ("target", target),
                    ("iter", iter),
                    ("body", body),
                    ("orelse", orelse),
                    ("type_comment", Value::None),
                ];
                self.node(name, &fields, range)
            }
            S::While(w) => {
                let test = self.expr(&w.test)?;
                let body = self.stmts(&w.body)?;
                let orelse = self.stmts(&w.orelse)?;
                self.node("While", &[("test", test), ("body", body), ("orelse", orelse)], range)
            }
            S::If(i) => {
                let test = self.expr(&i.test)?;
                let body = self.stmts(&i.body)?;
                let orelse = self.elif_chain(&i.elif_else_clauses, i.range())?;
                self.node("If", &[("test", test), ("body", body), ("orelse", orelse)], range)
            }
            S::With(w) => {
                let mut items = Vec::new();
                for item in &w.items {
                    let context_expr = self.expr(&item.context_expr)?;
                    let optional_vars = self.opt_expr(item.optional_vars.as_deref())?;
                    let fields = [("context_expr", context_expr), ("optional_vars", optional_vars)];
                    items.push(self.node("withitem", &fields, None)?);
                }
                let body = self.stmts(&w.body)?;
                let name = if w.is_async { "AsyncWith" } else { "With" };
                self.node(name, &[("items", list(items)), ("body", body), ("type_comment", Value::None)], range)
            }
            S::Match(m) => {
                let subject = self.expr(&m.subject)?;
                let mut cases = Vec::new();
                for case in &m.cases {
                    let pattern = self.pattern(&case.pattern)?;
                    let guard = self.opt_expr(case.guard.as_deref())?;
                    let body = self.stmts(&case.body)?;
                    let fields = [("pattern", pattern), ("guard", guard), ("body", body)];
                    cases.push(self.node("match_case", &fields, None)?);
                }
                self.node("Match", &[("subject", subject), ("cases", list(cases))], range)
            }
            S::Raise(r) => {
                let exc = self.opt_expr(r.exc.as_deref())?;
                let cause = self.opt_expr(r.cause.as_deref())?;
                self.node("Raise", &[("exc", exc), ("cause", cause)], range)
            }
            S::Try(t) => {
                let body = self.stmts(&t.body)?;
                let mut handlers = Vec::new();
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let ty = self.opt_expr(h.type_.as_deref())?;
                    let hbody = self.stmts(&h.body)?;
                    let fields = [("type", ty), ("name", opt_ident(h.name.as_ref())), ("body", hbody)];
                    handlers.push(self.node("ExceptHandler", &fields, Some(self.block_end(h.range())))?);
                }
                let orelse = self.stmts(&t.orelse)?;
                let finalbody = self.stmts(&t.finalbody)?;
                let name = if t.is_star { "TryStar" } else { "Try" };
                let fields =
                    [("body", body), ("handlers", list(handlers)), ("orelse", orelse), ("finalbody", finalbody)];
                self.node(name, &fields, range)
            }
            S::Assert(a) => {
                let test = self.expr(&a.test)?;
                let msg = self.opt_expr(a.msg.as_deref())?;
                self.node("Assert", &[("test", test), ("msg", msg)], range)
            }
            S::Import(i) => {
                let names = self.aliases(&i.names)?;
                self.node("Import", &[("names", names)], range)
            }
            S::ImportFrom(i) => {
                let names = self.aliases(&i.names)?;
                let fields = [
                    ("module", opt_ident(i.module.as_ref())),
                    ("names", names),
                    ("level", Value::Int(i64::from(i.level))),
                ];
                self.node("ImportFrom", &fields, range)
            }
            S::Global(g) => {
                let names = list(g.names.iter().map(ident).collect());
                self.node("Global", &[("names", names)], range)
            }
            S::Nonlocal(n) => {
                let names = list(n.names.iter().map(ident).collect());
                self.node("Nonlocal", &[("names", names)], range)
            }
            S::Expr(e) => {
                let value = self.expr(&e.value)?;
                self.node("Expr", &[("value", value)], range)
            }
            S::Pass(_) => self.node("Pass", &[], range),
            S::Break(_) => self.node("Break", &[], range),
            S::Continue(_) => self.node("Continue", &[], range),
            S::IpyEscapeCommand(i) => Err(self.syntax_error("invalid syntax", i.range())),
        }
    }

    /// The `orelse` of an `if`: `elif` clauses become nested `If` nodes that start at their
    /// `elif` and end where the whole statement ends.
    fn elif_chain(&mut self, clauses: &[ast::ElifElseClause], whole: TextRange) -> PyResult {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(list(Vec::new()));
        };
        match &first.test {
            None => self.stmts(&first.body),
            Some(test) => {
                let test = self.expr(test)?;
                let body = self.stmts(&first.body)?;
                let orelse = self.elif_chain(rest, whole)?;
                let range = TextRange::new(first.range().start(), self.block_end(whole).end());
                let node = self.node("If", &[("test", test), ("body", body), ("orelse", orelse)], Some(range))?;
                Ok(list(vec![node]))
            }
        }
    }

    fn aliases(&mut self, names: &[ast::Alias]) -> PyResult {
        let mut out = Vec::new();
        for a in names {
            let fields = [("name", ident(&a.name)), ("asname", opt_ident(a.asname.as_ref()))];
            out.push(self.node("alias", &fields, Some(a.range()))?);
        }
        Ok(list(out))
    }

    fn patterns(&mut self, patterns: &[ast::Pattern]) -> PyResult {
        let mut out = Vec::new();
        for p in patterns {
            out.push(self.pattern(p)?);
        }
        Ok(list(out))
    }

    fn pattern(&mut self, p: &ast::Pattern) -> PyResult {
        self.ctx.check_native_stack(" during compilation")?;
        use ast::Pattern as P;
        let range = Some(p.range());
        match p {
            P::MatchValue(v) => {
                let value = self.expr(&v.value)?;
                self.node("MatchValue", &[("value", value)], range)
            }
            P::MatchSingleton(s) => {
                let value = match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                self.node("MatchSingleton", &[("value", value)], range)
            }
            P::MatchSequence(s) => {
                let patterns = self.patterns(&s.patterns)?;
                self.node("MatchSequence", &[("patterns", patterns)], range)
            }
            P::MatchMapping(m) => {
                let keys = self.exprs(m.keys.iter())?;
                let patterns = self.patterns(&m.patterns)?;
                let fields = [("keys", keys), ("patterns", patterns), ("rest", opt_ident(m.rest.as_ref()))];
                self.node("MatchMapping", &fields, range)
            }
            P::MatchClass(c) => {
                let cls = self.expr(&c.cls)?;
                let patterns = self.patterns(&c.arguments.patterns)?;
                let kwd_attrs = list(c.arguments.keywords.iter().map(|k| ident(&k.attr)).collect());
                let mut kwd_patterns = Vec::new();
                for k in &c.arguments.keywords {
                    kwd_patterns.push(self.pattern(&k.pattern)?);
                }
                let fields = [
                    ("cls", cls),
                    ("patterns", patterns),
                    ("kwd_attrs", kwd_attrs),
                    ("kwd_patterns", list(kwd_patterns)),
                ];
                self.node("MatchClass", &fields, range)
            }
            P::MatchStar(s) => self.node("MatchStar", &[("name", opt_ident(s.name.as_ref()))], range),
            P::MatchAs(a) => {
                let pattern = match &a.pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::None,
                };
                self.node("MatchAs", &[("pattern", pattern), ("name", opt_ident(a.name.as_ref()))], range)
            }
            P::MatchOr(o) => {
                let patterns = self.patterns(&o.patterns)?;
                self.node("MatchOr", &[("patterns", patterns)], range)
            }
        }
    }
}
