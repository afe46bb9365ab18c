//! Expressions, function parameters, call arguments and comprehensions.

use pyrite_object::{PyResult, Value};
use pyrite_parser::{Ranged, TextRange, ast};

use super::{Conv, list};

/// The `_ast` class name of a binary operator.
pub(super) fn operator_name(op: ast::Operator) -> &'static str {
    use ast::Operator as O;
    match op {
        O::Add => "Add",
        O::Sub => "Sub",
        O::Mult => "Mult",
        O::MatMult => "MatMult",
        O::Div => "Div",
        O::Mod => "Mod",
        O::Pow => "Pow",
        O::LShift => "LShift",
        O::RShift => "RShift",
        O::BitOr => "BitOr",
        O::BitXor => "BitXor",
        O::BitAnd => "BitAnd",
        O::FloorDiv => "FloorDiv",
    }
}

fn cmp_name(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp as C;
    match op {
        C::Eq => "Eq",
        C::NotEq => "NotEq",
        C::Lt => "Lt",
        C::LtE => "LtE",
        C::Gt => "Gt",
        C::GtE => "GtE",
        C::Is => "Is",
        C::IsNot => "IsNot",
        C::In => "In",
        C::NotIn => "NotIn",
    }
}

impl Conv<'_> {
    fn expr_ctx(&mut self, ctx: ast::ExprContext) -> PyResult {
        self.singleton(match ctx {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            ast::ExprContext::Load | ast::ExprContext::Invalid => "Load",
        })
    }

    /// Converts one expression (recursing on the native stack with a guard, as deep
    /// expressions are possible).
    pub(super) fn expr(&mut self, e: &ast::Expr) -> PyResult {
        self.ctx.check_native_stack(" during compilation")?;
        self.expr_inner(e)
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> PyResult {
        use ast::Expr as E;
        let range = Some(e.range());
        match e {
            E::BoolOp(b) => {
                let op = self.singleton(match b.op {
                    ast::BoolOp::And => "And",
                    ast::BoolOp::Or => "Or",
                })?;
                let values = self.exprs(&b.values)?;
                self.node("BoolOp", &[("op", op), ("values", values)], range)
            }
            E::Named(n) => {
                let target = self.expr(&n.target)?;
                let value = self.expr(&n.value)?;
                self.node("NamedExpr", &[("target", target), ("value", value)], range)
            }
            E::BinOp(b) => {
                let left = self.expr(&b.left)?;
                let op = self.singleton(operator_name(b.op))?;
                let right = self.expr(&b.right)?;
                self.node("BinOp", &[("left", left), ("op", op), ("right", right)], range)
            }
            E::UnaryOp(u) => {
                let op = self.singleton(match u.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                })?;
                let operand = self.expr(&u.operand)?;
                self.node("UnaryOp", &[("op", op), ("operand", operand)], range)
            }
            E::Lambda(l) => {
                let args = self.parameters(l.parameters.as_deref())?;
                let body = self.expr(&l.body)?;
                self.node("Lambda", &[("args", args), ("body", body)], range)
            }
            E::If(i) => {
                let test = self.expr(&i.test)?;
                let body = self.expr(&i.body)?;
                let orelse = self.expr(&i.orelse)?;
                self.node("IfExp", &[("test", test), ("body", body), ("orelse", orelse)], range)
            }
            E::Dict(d) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for item in &d.items {
                    keys.push(self.opt_expr(item.key.as_ref())?);
                    values.push(self.expr(&item.value)?);
                }
                self.node("Dict", &[("keys", list(keys)), ("values", list(values))], range)
            }
            E::Set(s) => {
                let elts = self.exprs(&s.elts)?;
                self.node("Set", &[("elts", elts)], range)
            }
            E::ListComp(c) => self.comp("ListComp", &c.elt, &c.generators, range),
            E::SetComp(c) => self.comp("SetComp", &c.elt, &c.generators, range),
            E::Generator(c) => self.comp("GeneratorExp", &c.elt, &c.generators, range),
            E::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.syntax_error("dict unpacking cannot be used in dict comprehension", e.range()));
                };
                let key = self.expr(key)?;
                let value = self.expr(&c.value)?;
                let generators = self.comprehensions(&c.generators)?;
                self.node("DictComp", &[("key", key), ("value", value), ("generators", generators)], range)
            }
            E::Await(a) => {
                let value = self.expr(&a.value)?;
                self.node("Await", &[("value", value)], range)
            }
            E::Yield(y) => {
                let value = self.opt_expr(y.value.as_deref())?;
                self.node("Yield", &[("value", value)], range)
            }
            E::YieldFrom(y) => {
                let value = self.expr(&y.value)?;
                self.node("YieldFrom", &[("value", value)], range)
            }
            E::Compare(c) => {
                let left = self.expr(&c.left)?;
                let mut ops = Vec::new();
                for op in &*c.ops {
                    ops.push(self.singleton(cmp_name(*op))?);
                }
                let comparators = self.exprs(c.comparators.iter())?;
                self.node("Compare", &[("left", left), ("ops", list(ops)), ("comparators", comparators)], range)
            }
            E::Call(c) => self.call(c),
            E::FString(f) => self.fstring(f),
            E::TString(t) => Err(self.syntax_error("invalid syntax", t.range())),
            E::StringLiteral(s) => self.string(s),
            E::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                let value = Value::Obj(pyrite_object::types::bytes::PyBytes::new_obj(bytes));
                self.node("Constant", &[("value", value), ("kind", Value::None)], range)
            }
            E::NumberLiteral(n) => {
                let value = self.number(&n.value)?;
                self.node("Constant", &[("value", value), ("kind", Value::None)], range)
            }
            E::BooleanLiteral(b) => {
                self.node("Constant", &[("value", Value::Bool(b.value)), ("kind", Value::None)], range)
            }
            E::NoneLiteral(_) => self.node("Constant", &[("value", Value::None), ("kind", Value::None)], range),
            E::EllipsisLiteral(_) => {
                let value = Value::Obj(pyrite_object::types().ellipsis.clone());
                self.node("Constant", &[("value", value), ("kind", Value::None)], range)
            }
            E::Attribute(a) => {
                let value = self.expr(&a.value)?;
                let ctx = self.expr_ctx(a.ctx)?;
                self.node("Attribute", &[("value", value), ("attr", Value::str(a.attr.as_str())), ("ctx", ctx)], range)
            }
            E::Subscript(s) => {
                let value = self.expr(&s.value)?;
                let slice = self.expr(&s.slice)?;
                let ctx = self.expr_ctx(s.ctx)?;
                self.node("Subscript", &[("value", value), ("slice", slice), ("ctx", ctx)], range)
            }
            E::Starred(s) => {
                let value = self.expr(&s.value)?;
                let ctx = self.expr_ctx(s.ctx)?;
                self.node("Starred", &[("value", value), ("ctx", ctx)], range)
            }
            E::Name(n) => {
                let ctx = self.expr_ctx(n.ctx)?;
                self.node("Name", &[("id", Value::str(n.id.as_str())), ("ctx", ctx)], range)
            }
            E::List(l) => {
                let elts = self.exprs(&l.elts)?;
                let ctx = self.expr_ctx(l.ctx)?;
                self.node("List", &[("elts", elts), ("ctx", ctx)], range)
            }
            E::Tuple(t) => {
                let elts = self.exprs(&t.elts)?;
                let ctx = self.expr_ctx(t.ctx)?;
                self.node("Tuple", &[("elts", elts), ("ctx", ctx)], range)
            }
            E::Slice(s) => {
                let lower = self.opt_expr(s.lower.as_deref())?;
                let upper = self.opt_expr(s.upper.as_deref())?;
                let step = self.opt_expr(s.step.as_deref())?;
                self.node("Slice", &[("lower", lower), ("upper", upper), ("step", step)], range)
            }
            E::IpyEscapeCommand(i) => Err(self.syntax_error("invalid syntax", i.range())),
        }
    }

    fn comp(
        &mut self,
        name: &'static str,
        elt: &ast::Expr,
        generators: &[ast::Comprehension],
        range: Option<TextRange>,
    ) -> PyResult {
        let elt = self.expr(elt)?;
        let generators = self.comprehensions(generators)?;
        self.node(name, &[("elt", elt), ("generators", generators)], range)
    }

    fn comprehensions(&mut self, generators: &[ast::Comprehension]) -> PyResult {
        let mut out = Vec::new();
        for g in generators {
            let target = self.expr(&g.target)?;
            let iter = self.expr(&g.iter)?;
            let ifs = self.exprs(&g.ifs)?;
            let fields =
                [("target", target), ("iter", iter), ("ifs", ifs), ("is_async", Value::Int(i64::from(g.is_async)))];
            out.push(self.node("comprehension", &fields, None)?);
        }
        Ok(list(out))
    }

    fn call(&mut self, c: &ast::ExprCall) -> PyResult {
        let func = self.expr(&c.func)?;
        let mut args = Vec::new();
        for a in &*c.arguments.args {
            match a {
                // A generator expression that is the only argument takes the call's
                // parentheses as its own, as in CPython.
                ast::Expr::Generator(g) if !g.parenthesized => {
                    let node = self.comp("GeneratorExp", &g.elt, &g.generators, Some(c.arguments.range()))?;
                    args.push(node);
                }
                _ => args.push(self.expr(a)?),
            }
        }
        let mut keywords = Vec::new();
        for k in &c.arguments.keywords {
            let arg = k.arg.as_ref().map_or(Value::None, |a| Value::str(a.as_str()));
            let value = self.expr(&k.value)?;
            keywords.push(self.node("keyword", &[("arg", arg), ("value", value)], Some(k.range()))?);
        }
        self.node("Call", &[("func", func), ("args", list(args)), ("keywords", list(keywords))], Some(c.range()))
    }

    /// The bases and keywords of a class statement.
    pub(super) fn class_arguments(&mut self, arguments: Option<&ast::Arguments>) -> PyResult<(Value, Value)> {
        let Some(arguments) = arguments else {
            return Ok((list(Vec::new()), list(Vec::new())));
        };
        let bases = self.exprs(arguments.args.iter())?;
        let mut keywords = Vec::new();
        for k in &arguments.keywords {
            let arg = k.arg.as_ref().map_or(Value::None, |a| Value::str(a.as_str()));
            let value = self.expr(&k.value)?;
            keywords.push(self.node("keyword", &[("arg", arg), ("value", value)], Some(k.range()))?);
        }
        Ok((bases, list(keywords)))
    }

    fn arg(&mut self, p: &ast::Parameter) -> PyResult {
        let annotation = self.opt_expr(p.annotation.as_deref())?;
        let fields = [("arg", Value::str(p.name.as_str())), ("annotation", annotation), ("type_comment", Value::None)];
        // A `*args` or `**kwargs` parameter starts at its name, without the stars.
        self.node("arg", &fields, Some(TextRange::new(p.name.range().start(), p.range().end())))
    }

    /// An `arguments` node (empty for a lambda without parameters).
    pub(super) fn parameters(&mut self, p: Option<&ast::Parameters>) -> PyResult {
        let mut posonly = Vec::new();
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        let (mut vararg, mut kwarg) = (Value::None, Value::None);
        if let Some(p) = p {
            for (out, params) in [(&mut posonly, &p.posonlyargs), (&mut args, &p.args)] {
                for pd in params {
                    out.push(self.arg(&pd.parameter)?);
                    if let Some(d) = &pd.default {
                        defaults.push(self.expr(d)?);
                    }
                }
            }
            if let Some(v) = &p.vararg {
                vararg = self.arg(v)?;
            }
            for pd in &p.kwonlyargs {
                kwonly.push(self.arg(&pd.parameter)?);
                kw_defaults.push(self.opt_expr(pd.default.as_deref())?);
            }
            if let Some(k) = &p.kwarg {
                kwarg = self.arg(k)?;
            }
        }
        let fields = [
            ("posonlyargs", list(posonly)),
            ("args", list(args)),
            ("vararg", vararg),
            ("kwonlyargs", list(kwonly)),
            ("kw_defaults", list(kw_defaults)),
            ("kwarg", kwarg),
            ("defaults", list(defaults)),
        ];
        self.node("arguments", &fields, None)
    }
}
