//! Expressions: operators, displays, subscripts, attributes, calls, f-strings, and the
//! conditional-jump compilation of tests (`jump_if`).

use pyrite_bytecode::{BinaryOp, CompareOp, Constant, Opcode};
use pyrite_parser::ast::{self, CmpOp, Expr, ExprContext, Operator};
use pyrite_parser::{Ranged, TextRange};

use super::{CResult, Compiler, UnitKind};
use crate::error::CompileErr;
use crate::ir::Op;

/// More items than this on the stack switch displays and calls to incremental building.
pub(super) const STACK_USE_GUARDRAIL: usize = 30;

pub(super) fn binary_op(op: Operator) -> BinaryOp {
    match op {
        Operator::Add => BinaryOp::Add,
        Operator::Sub => BinaryOp::Subtract,
        Operator::Mult => BinaryOp::Multiply,
        Operator::MatMult => BinaryOp::MatrixMultiply,
        Operator::Div => BinaryOp::TrueDivide,
        Operator::Mod => BinaryOp::Remainder,
        Operator::Pow => BinaryOp::Power,
        Operator::LShift => BinaryOp::Lshift,
        Operator::RShift => BinaryOp::Rshift,
        Operator::BitOr => BinaryOp::Or,
        Operator::BitXor => BinaryOp::Xor,
        Operator::BitAnd => BinaryOp::And,
        Operator::FloorDiv => BinaryOp::FloorDivide,
    }
}

/// Whether a slice has no step (compiled with `BINARY_SLICE`/`STORE_SLICE`).
pub(super) fn is_two_element_slice(e: &Expr) -> bool {
    matches!(e, Expr::Slice(s) if s.step.is_none())
}

impl<'a> Compiler<'a> {
    pub fn visit_exprs(&mut self, exprs: &'a [Expr]) -> CResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// Compiles `e`, leaving its value on the stack.
    pub fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        self.enter_nested()?;
        let saved = self.unit_ref().loc;
        self.set_loc(e.range());
        let result = self.visit_expr_inner(e);
        self.unit().loc = saved;
        self.leave_nested();
        result
    }

    fn visit_expr_inner(&mut self, e: &'a Expr) -> CResult {
        if !matches!(e, Expr::Name(n) if n.ctx != ExprContext::Load)
            && let Some(c) = self.fold(e)
        {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => self.visit_boolop(b),
            Expr::Named(n) => {
                self.visit_expr(&n.value)?;
                self.emit(Opcode::COPY, 1);
                self.visit_expr(&n.target)
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
                self.emit(Opcode::BINARY_OP, binary_op(b.op) as u32);
                Ok(())
            }
            Expr::UnaryOp(u) => self.visit_unary(u),
            Expr::Lambda(l) => self.visit_lambda(e, l),
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false)?;
                self.visit_expr(&i.body)?;
                self.emit_jump_noloc(Op::Jump, end);
                self.use_block(next);
                self.visit_expr(&i.orelse)?;
                self.use_block(end);
                Ok(())
            }
            Expr::Dict(d) => self.visit_dict(d),
            Expr::Set(s) => self.starunpack(&s.elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false),
            Expr::List(l) => match l.ctx {
                ExprContext::Load => {
                    self.starunpack(&l.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)
                }
                ExprContext::Store => self.assign_sequence(&l.elts, l.range),
                _ => l.elts.iter().try_for_each(|x| self.visit_expr(x)),
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Load => {
                    self.starunpack(&t.elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)
                }
                ExprContext::Store => self.assign_sequence(&t.elts, t.range),
                _ => t.elts.iter().try_for_each(|x| self.visit_expr(x)),
            },
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.visit_comprehension(e)
            }
            Expr::Await(a) => self.visit_await(a),
            Expr::Yield(y) => {
                self.check_in_function("'yield' outside function", y.range)?;
                match &y.value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit_yield();
                Ok(())
            }
            Expr::YieldFrom(y) => {
                self.check_in_function("'yield' outside function", y.range)?;
                if self.unit_ref().kind == UnitKind::AsyncFunction {
                    return Err(CompileErr::syntax("'yield from' inside async function", y.range));
                }
                self.visit_expr(&y.value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.yield_from(false);
                Ok(())
            }
            Expr::Compare(c) => self.visit_compare(c),
            Expr::Call(c) => self.visit_call(c),
            Expr::FString(f) => self.visit_fstring(f),
            Expr::Attribute(a) => self.visit_attribute(a),
            Expr::Subscript(s) => self.visit_subscript(s),
            Expr::Starred(s) => match s.ctx {
                ExprContext::Store => {
                    Err(CompileErr::syntax("starred assignment target must be in a list or tuple", s.range))
                }
                _ => Err(CompileErr::syntax("can't use starred expression here", s.range)),
            },
            Expr::Name(n) => self.name_op(&n.id, n.ctx, n.range),
            Expr::Slice(s) => {
                let n = self.slice_parts(s)?;
                self.emit(Opcode::BUILD_SLICE, n);
                Ok(())
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => Err(CompileErr::internal("literal did not fold")),
            Expr::TString(t) => Err(CompileErr::syntax("template strings are not supported (Python 3.11)", t.range)),
            Expr::IpyEscapeCommand(i) => Err(CompileErr::syntax("invalid syntax", i.range)),
        }
    }

    pub fn check_in_function(&self, msg: &str, range: pyrite_parser::TextRange) -> CResult {
        if self.scope_kind() != crate::symtable::ScopeKind::Function {
            return Err(CompileErr::syntax(msg, range));
        }
        Ok(())
    }

    pub fn emit_yield(&mut self) {
        let scope = &self.table.scopes[self.unit_ref().scope];
        if scope.generator && scope.coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    fn visit_await(&mut self, a: &'a ast::ExprAwait) -> CResult {
        let top_level = self.top_level_await && self.unit_ref().kind == UnitKind::Module;
        if !top_level {
            self.check_in_function("'await' outside function", a.range)?;
            if !matches!(self.unit_ref().kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
                return Err(CompileErr::syntax("'await' outside async function", a.range));
            }
        }
        self.visit_expr(&a.value)?;
        self.emit(Opcode::GET_AWAITABLE, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        Ok(())
    }

    fn visit_boolop(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let end = self.new_block();
        let op = if b.op == ast::BoolOp::And { Opcode::JUMP_IF_FALSE_OR_POP } else { Opcode::JUMP_IF_TRUE_OR_POP };
        let n = b.values.len().saturating_sub(1);
        for v in &b.values[..n] {
            self.visit_expr(v)?;
            self.jump_op(op, end);
            self.next_block();
        }
        if let Some(last) = b.values.last() {
            self.visit_expr(last)?;
        }
        self.use_block(end);
        Ok(())
    }

    fn visit_unary(&mut self, u: &'a ast::ExprUnaryOp) -> CResult {
        if u.op == ast::UnaryOp::Not
            && let Expr::Compare(c) = u.operand.as_ref()
            && c.ops.len() == 1
            && let Some(inverted) = invert_cmp(c.ops[0])
        {
            self.visit_expr(&c.left)?;
            self.visit_expr(&c.comparators[0])?;
            self.compare_op(inverted);
            return Ok(());
        }
        self.visit_expr(&u.operand)?;
        let op = match u.op {
            ast::UnaryOp::Invert => Opcode::UNARY_INVERT,
            ast::UnaryOp::Not => Opcode::UNARY_NOT,
            ast::UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
            ast::UnaryOp::USub => Opcode::UNARY_NEGATIVE,
        };
        self.emit(op, 0);
        Ok(())
    }

    pub fn compare_op(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Eq => (Opcode::COMPARE_OP, CompareOp::Eq as u32),
            CmpOp::NotEq => (Opcode::COMPARE_OP, CompareOp::Ne as u32),
            CmpOp::Lt => (Opcode::COMPARE_OP, CompareOp::Lt as u32),
            CmpOp::LtE => (Opcode::COMPARE_OP, CompareOp::Le as u32),
            CmpOp::Gt => (Opcode::COMPARE_OP, CompareOp::Gt as u32),
            CmpOp::GtE => (Opcode::COMPARE_OP, CompareOp::Ge as u32),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    /// A comparator, with `in [consts]`/`in {consts}` folded to a tuple/frozenset.
    fn visit_comparator(&mut self, op: CmpOp, e: &'a Expr) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn)
            && let Some(c) = self.fold_container(e)
        {
            self.load_const(c);
            return Ok(());
        }
        self.visit_expr(e)
    }

    /// A list display of constants as a tuple, a set display as a frozenset (CPython's
    /// `fold_iter`).
    pub fn fold_container(&mut self, e: &Expr) -> Option<Constant> {
        let (elts, set) = match e {
            Expr::List(l) => (&l.elts, false),
            Expr::Set(s) => (&s.elts, true),
            _ => return None,
        };
        let mut items = Vec::with_capacity(elts.len());
        for x in elts {
            if matches!(x, Expr::Starred(_)) {
                return None;
            }
            items.push(self.fold(x)?);
        }
        let items = items.into_boxed_slice();
        Some(if set { Constant::FrozenSet(items) } else { Constant::Tuple(items) })
    }

    fn visit_compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.visit_expr(&c.left)?;
        let n = c.ops.len() - 1;
        if n == 0 {
            self.visit_comparator(c.ops[0], &c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n {
            self.visit_expr(&c.comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.compare_op(c.ops[i]);
            self.jump_op(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
            self.next_block();
        }
        self.visit_comparator(c.ops[n], &c.comparators[n])?;
        self.compare_op(c.ops[n]);
        let end = self.new_block();
        self.emit_jump_noloc(Op::Jump, end);
        self.use_block(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.use_block(end);
        Ok(())
    }

    /// Compiles a test that jumps to `next` when its truth equals `cond`.
    pub fn jump_if(&mut self, e: &'a Expr, next: crate::ir::BlockId, cond: bool) -> CResult {
        self.enter_nested()?;
        let saved = self.unit_ref().loc;
        self.set_loc(e.range());
        let r = self.jump_if_inner(e, next, cond);
        self.unit().loc = saved;
        self.leave_nested();
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, next: crate::ir::BlockId, cond: bool) -> CResult {
        match e {
            // `not a in b` is `a not in b` (CPython's AST optimizer rewrites it first).
            Expr::UnaryOp(u)
                if u.op == ast::UnaryOp::Not
                    && self.fold(e).is_none()
                    && !matches!(u.operand.as_ref(), Expr::Compare(c) if c.ops.len() == 1 && invert_cmp(c.ops[0]).is_some()) =>
            {
                return self.jump_if(&u.operand, next, !cond);
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond { self.new_block() } else { next };
                let n = b.values.len() - 1;
                for v in &b.values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n], next, cond)?;
                if next2 != next {
                    self.use_block(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.emit_jump_noloc(Op::Jump, end);
                self.use_block(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.use_block(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let n = c.ops.len() - 1;
                let cleanup = self.new_block();
                self.visit_expr(&c.left)?;
                for i in 0..n {
                    self.visit_expr(&c.comparators[i])?;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.compare_op(c.ops[i]);
                    self.jump_op(Opcode::POP_JUMP_IF_FALSE, cleanup);
                    self.next_block();
                }
                self.visit_comparator(c.ops[n], &c.comparators[n])?;
                self.compare_op(c.ops[n]);
                let op = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
                self.jump_op(op, next);
                self.next_block();
                let end = self.new_block();
                self.emit_jump_noloc(Op::Jump, end);
                self.use_block(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump_noloc(Op::Jump, next);
                }
                self.use_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let op = if cond { Opcode::POP_JUMP_IF_TRUE } else { Opcode::POP_JUMP_IF_FALSE };
        self.jump_op(op, next);
        self.next_block();
        Ok(())
    }

    /// List, tuple and set displays (CPython's `starunpack_helper`); `pushed` items are
    /// already on the stack.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 && elts.iter().all(|x| !matches!(x, Expr::Starred(_))) {
            let folded: Option<Vec<Constant>> = elts.iter().map(|x| self.fold(x)).collect();
            if let Some(items) = folded {
                let items = items.into_boxed_slice();
                if tuple && pushed == 0 {
                    self.load_const(Constant::Tuple(items));
                } else {
                    let c = if add == Opcode::SET_ADD { Constant::FrozenSet(items) } else { Constant::Tuple(items) };
                    self.emit(build, pushed);
                    self.load_const(c);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::LIST_TO_TUPLE, 0);
                    }
                }
                return Ok(());
            }
        }
        let count = u32::try_from(n).map_err(|_| CompileErr::internal("display too large"))?;
        let big = n + pushed as usize > STACK_USE_GUARDRAIL;
        let seen_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !seen_star && !big {
            self.visit_exprs(elts)?;
            self.emit(if tuple { Opcode::BUILD_TUPLE } else { build }, count + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let Expr::Starred(s) = elt {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(elt)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    fn visit_dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let items = &d.items;
        let n = items.len();
        let mut elements = 0usize;
        let mut have_dict = false;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i])?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&items[i].value)?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUARDRAIL {
                self.subdict(&items[i - elements..=i])?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[n - elements..])?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> CResult {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUARDRAIL;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> =
                items.iter().map(|it| it.key.as_ref().and_then(|k| self.fold(k))).collect();
            if let Some(keys) = keys {
                for it in items {
                    self.visit_expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys.into_boxed_slice()));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.visit_expr(k)?;
            }
            self.visit_expr(&it.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn visit_attribute(&mut self, a: &'a ast::ExprAttribute) -> CResult {
        self.visit_expr(&a.value)?;
        self.set_loc(a.range);
        match a.ctx {
            ExprContext::Load => {
                let i = self.name_index(&a.attr);
                self.emit(Opcode::LOAD_ATTR, i << 1);
            }
            ExprContext::Store => self.emit_name(Opcode::STORE_ATTR, &a.attr),
            _ => self.emit_name(Opcode::DELETE_ATTR, &a.attr),
        }
        Ok(())
    }

    /// Pushes the bounds of a slice (None for missing ones); returns how many were pushed.
    pub fn slice_parts(&mut self, s: &'a ast::ExprSlice) -> CResult<u32> {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(x) => self.visit_expr(x)?,
                None => self.load_const(Constant::None),
            }
        }
        if let Some(step) = &s.step {
            self.visit_expr(step)?;
            return Ok(3);
        }
        Ok(2)
    }

    fn visit_subscript(&mut self, s: &'a ast::ExprSubscript) -> CResult {
        self.visit_expr(&s.value)?;
        if s.ctx != ExprContext::Del
            && let Expr::Slice(slice) = s.slice.as_ref()
            && slice.step.is_none()
        {
            self.slice_parts(slice)?;
            self.emit(if s.ctx == ExprContext::Load { Opcode::BINARY_SLICE } else { Opcode::STORE_SLICE }, 0);
            return Ok(());
        }
        self.visit_expr(&s.slice)?;
        let op = match s.ctx {
            ExprContext::Load => Opcode::BINARY_SUBSCR,
            ExprContext::Store => Opcode::STORE_SUBSCR,
            _ => Opcode::DELETE_SUBSCR,
        };
        self.emit(op, 0);
        Ok(())
    }

    // ----- calls -----

    fn visit_call(&mut self, call: &'a ast::ExprCall) -> CResult {
        if self.try_method_call(call)? {
            return Ok(());
        }
        match call.func.as_ref() {
            Expr::Name(n) if self.is_global_load(&n.id) => {
                self.set_loc(n.range);
                let i = self.name_index(&n.id);
                self.emit(Opcode::LOAD_GLOBAL, (i << 1) | 1);
                self.set_loc(call.range());
            }
            func => {
                self.set_loc(func.range());
                self.emit(Opcode::PUSH_NULL, 0);
                self.set_loc(call.range());
                self.visit_expr(func)?;
            }
        }
        self.call_helper(0, &call.arguments.args, &call.arguments.keywords)
    }

    fn try_method_call(&mut self, call: &'a ast::ExprCall) -> CResult<bool> {
        let Expr::Attribute(attr) = call.func.as_ref() else {
            return Ok(false);
        };
        let args = &call.arguments.args;
        let kws = &call.arguments.keywords;
        if attr.ctx != ExprContext::Load
            || args.len() + kws.len() + usize::from(!kws.is_empty()) >= STACK_USE_GUARDRAIL
            || args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.validate_keywords(kws)?;
        self.visit_expr(&attr.value)?;
        let saved = self.unit_ref().loc;
        self.set_loc(attr.range);
        let i = self.name_index(&attr.attr);
        self.emit(Opcode::LOAD_ATTR, (i << 1) | 1);
        self.visit_exprs(args)?;
        if !kws.is_empty() {
            for k in kws.iter() {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(kws);
        }
        self.unit().loc = saved;
        self.emit(Opcode::CALL, (args.len() + kws.len()) as u32);
        Ok(true)
    }

    fn validate_keywords(&self, kws: &[ast::Keyword]) -> CResult {
        for (i, k) in kws.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if kws[i + 1..].iter().any(|o| o.arg.as_ref().is_some_and(|n| n.as_str() == name.as_str())) {
                let dup = kws[i + 1..].iter().find(|o| o.arg.as_ref().is_some_and(|n| n.as_str() == name.as_str()));
                let range = dup.map_or(k.range, |d| d.range);
                return Err(CompileErr::syntax(format!("keyword argument repeated: {}", name.as_str()), range));
            }
        }
        Ok(())
    }

    fn kw_names(&mut self, kws: &[ast::Keyword]) {
        let names: Vec<Constant> =
            kws.iter().map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into())).collect();
        let i = self.add_const(Constant::Tuple(names.into_boxed_slice()));
        self.emit(Opcode::KW_NAMES, i);
    }

    /// Arguments and the call itself; `pushed` positional arguments are already on the
    /// stack (CPython's `compiler_call_helper`).
    pub fn call_helper(&mut self, pushed: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) -> CResult {
        self.call_helper_with(pushed, args, None, kws)
    }

    /// [`Compiler::call_helper`] with one more positional argument after `args`: the
    /// variable `extra` (a generic class's implicit `Generic[...]` base).
    pub fn call_helper_with(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        extra: Option<&str>,
        kws: &'a [ast::Keyword],
    ) -> CResult {
        self.validate_keywords(kws)?;
        let simple = args.len() + kws.len() * 2 <= STACK_USE_GUARDRAIL
            && !args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !kws.iter().any(|k| k.arg.is_none());
        let extra_count = u32::from(extra.is_some());
        if simple {
            self.visit_exprs(args)?;
            if let Some(name) = extra {
                self.name_op(name, ExprContext::Load, TextRange::default())?;
            }
            if !kws.is_empty() {
                for k in kws {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(kws);
            }
            self.emit(Opcode::CALL, pushed + extra_count + (args.len() + kws.len()) as u32);
            return Ok(());
        }
        if let Some(name) = extra {
            self.starunpack(args, pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false)?;
            self.name_op(name, ExprContext::Load, TextRange::default())?;
            self.emit(Opcode::LIST_APPEND, 1);
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        } else if pushed == 0 && args.len() == 1 && matches!(args[0], Expr::Starred(_)) {
            if let Expr::Starred(s) = &args[0] {
                self.visit_expr(&s.value)?;
            }
        } else {
            self.starunpack(args, pushed, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?;
        }
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut seen = 0usize;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if seen > 0 {
                        self.subkwargs(&kws[i - seen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&k.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.subkwargs(&kws[kws.len() - seen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(!kws.is_empty()));
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> CResult {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUARDRAIL;
        if n > 1 && !big {
            for k in kws {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<Constant> =
                kws.iter().map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into())).collect();
            self.load_const(Constant::Tuple(keys.into_boxed_slice()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            self.load_const(Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()));
            self.visit_expr(&k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // ----- f-strings -----

    fn visit_fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut parts: Vec<Part<'a>> = Vec::new();
        for part in &f.value {
            match part {
                ast::FStringPart::Literal(s) => push_text(&mut parts, s.as_str()),
                ast::FStringPart::FString(fs) => collect_elements(&mut parts, &fs.elements),
            }
        }
        self.joined(&parts)
    }

    fn joined(&mut self, parts: &[Part<'a>]) -> CResult {
        let parts: Vec<&Part<'a>> = parts.iter().filter(|p| !matches!(p, Part::Text(t) if t.is_empty())).collect();
        if parts.len() > STACK_USE_GUARDRAIL {
            self.load_const(Constant::Str("".into()));
            let i = self.name_index("join");
            self.emit(Opcode::LOAD_ATTR, (i << 1) | 1);
            self.emit(Opcode::BUILD_LIST, 0);
            for p in &parts {
                self.visit_part(p)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::CALL, 1);
            return Ok(());
        }
        for p in &parts {
            self.visit_part(p)?;
        }
        if parts.len() != 1 {
            self.emit(Opcode::BUILD_STRING, parts.len() as u32);
        }
        Ok(())
    }

    fn visit_part(&mut self, p: &Part<'a>) -> CResult {
        match p {
            Part::Text(t) => {
                self.load_const(Constant::Str(t.as_str().into()));
                Ok(())
            }
            Part::Value(v) => {
                self.visit_expr(&v.expression)?;
                let mut conversion = match v.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if v.debug_text.is_some() && conversion == 0 && v.format_spec.is_none() {
                    conversion = 2;
                }
                if let Some(spec) = &v.format_spec {
                    let mut spec_parts = Vec::new();
                    collect_elements(&mut spec_parts, &spec.elements);
                    self.joined(&spec_parts)?;
                    conversion |= 4;
                }
                self.emit(Opcode::FORMAT_VALUE, conversion);
                Ok(())
            }
        }
    }
}

fn invert_cmp(op: CmpOp) -> Option<CmpOp> {
    Some(match op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    })
}

/// One piece of an f-string after merging adjacent literal text.
enum Part<'a> {
    Text(String),
    Value(&'a ast::InterpolatedElement),
}

fn push_text(parts: &mut Vec<Part<'_>>, text: &str) {
    if let Some(Part::Text(t)) = parts.last_mut() {
        t.push_str(text);
    } else {
        parts.push(Part::Text(text.to_owned()));
    }
}

fn collect_elements<'a>(parts: &mut Vec<Part<'a>>, elements: &'a ast::InterpolatedStringElements) {
    for element in elements.iter() {
        match element {
            ast::InterpolatedStringElement::Literal(l) => push_text(parts, &l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    push_text(parts, debug.leading());
                    push_text(parts, debug.expression());
                    push_text(parts, debug.trailing());
                }
                parts.push(Part::Value(i));
            }
        }
    }
}
