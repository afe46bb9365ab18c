//! Statements: assignments, `if`/`while`/`for`, `return`/`break`/`continue`, imports,
//! `assert`, `raise`, `del`, annotations, expression statements, module and class bodies.

use pyrite_bytecode::{Constant, Intrinsic1, Opcode};
use pyrite_parser::ast::{self, Expr, ExprContext, Stmt};
use pyrite_parser::{Ranged, TextRange};

use super::expr::binary_op;
use super::{CResult, Compiler, FBlockKind, UnitKind};
use crate::error::CompileErr;
use crate::ir::Op;
use crate::symtable::ScopeKind;

/// Features `from __future__ import` accepts (all mandatory in 3.11 except annotations).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Validates `from __future__` imports; returns whether `annotations` is enabled.
pub(super) fn check_future(body: &[Stmt]) -> CResult<bool> {
    let mut annotations = false;
    let mut allowed = true;
    for (i, stmt) in body.iter().enumerate() {
        match stmt {
            Stmt::Expr(e) if i == 0 && matches!(e.value.as_ref(), Expr::StringLiteral(_)) => {}
            Stmt::ImportFrom(f) if f.module.as_ref().is_some_and(|m| m.as_str() == "__future__") && f.level == 0 => {
                if !allowed {
                    return Err(CompileErr::syntax(
                        "from __future__ imports must occur at the beginning of the file",
                        f.range,
                    ));
                }
                for alias in &f.names {
                    let name = alias.name.as_str();
                    if name == "braces" {
                        return Err(CompileErr::syntax("not a chance", f.range));
                    }
                    if !FUTURE_FEATURES.contains(&name) {
                        return Err(CompileErr::syntax(format!("future feature {name} is not defined"), f.range));
                    }
                    annotations |= name == "annotations";
                }
            }
            _ => allowed = false,
        }
    }
    Ok(annotations)
}

/// Whether a body contains annotated assignments (outside nested functions and classes).
pub(super) fn find_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_annotations(&f.body) || find_annotations(&f.orelse),
        Stmt::While(w) => find_annotations(&w.body) || find_annotations(&w.orelse),
        Stmt::If(i) => find_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| find_annotations(&c.body)),
        Stmt::With(w) => find_annotations(&w.body),
        Stmt::Try(t) => {
            find_annotations(&t.body)
                || find_annotations(&t.orelse)
                || find_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_annotations(&c.body)),
        _ => false,
    })
}

/// The docstring of a body: a first statement that is a plain string literal.
pub(super) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(e) => match e.value.as_ref() {
            Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub fn visit_stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    /// A module or class body: annotations set-up, docstring into `__doc__`, statements.
    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        if let Some(first) = body.first() {
            self.set_loc(first.range());
        }
        if find_annotations(body) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            self.load_const(Constant::Str(doc.into()));
            self.unset_loc();
            self.name_op("__doc__", ExprContext::Store, TextRange::default())?;
            rest = &body[1..];
        }
        self.visit_stmts(rest)
    }

    pub fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nested()?;
        self.set_loc(s.range());
        let r = self.visit_stmt_inner(s);
        self.leave_nested();
        r
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.visit_function_def(f),
            Stmt::ClassDef(c) => self.visit_class_def(c),
            Stmt::Return(r) => self.visit_return(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.visit_delete(t)),
            Stmt::TypeAlias(t) => self.visit_type_alias(t),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.visit_augassign(a),
            Stmt::AnnAssign(a) => self.visit_annassign(a),
            Stmt::For(f) if f.is_async => self.visit_async_for(f),
            Stmt::For(f) => self.visit_for(f),
            Stmt::While(w) => self.visit_while(w),
            Stmt::If(i) => self.visit_if(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => {
                if w.is_async {
                    self.visit_async_with(w, 0)
                } else {
                    self.visit_with(w, 0)
                }
            }
            Stmt::Match(m) => self.visit_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                self.next_block();
                Ok(())
            }
            Stmt::Try(t) => self.visit_try(t),
            Stmt::Assert(a) => self.visit_assert(a),
            Stmt::Import(i) => self.visit_import(i),
            Stmt::ImportFrom(i) => self.visit_import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Expr(e) => self.visit_expr_stmt(&e.value),
            Stmt::Pass(_) => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            Stmt::Break(b) => {
                self.emit(Opcode::NOP, 0);
                let Some(lp) = self.unwind_fblock_stack(false, true, b.range)? else {
                    return Err(CompileErr::syntax("'break' outside loop", b.range));
                };
                self.unwind_fblock(lp, false)?;
                self.emit_jump(Op::Jump, lp.exit);
                self.next_block();
                Ok(())
            }
            Stmt::Continue(c) => {
                self.emit(Opcode::NOP, 0);
                let Some(lp) = self.unwind_fblock_stack(false, true, c.range)? else {
                    return Err(CompileErr::syntax("'continue' not properly in loop", c.range));
                };
                self.emit_jump(Op::Jump, lp.block);
                self.next_block();
                Ok(())
            }
            Stmt::IpyEscapeCommand(i) => Err(CompileErr::syntax("invalid syntax", i.range)),
        }
    }

    fn visit_expr_stmt(&mut self, value: &'a Expr) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::Print as u32);
            self.emit_noloc(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if self.fold(value).is_some() {
            self.emit(Opcode::NOP, 0);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.emit_noloc(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn visit_return(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if self.scope_kind() != ScopeKind::Function {
            return Err(CompileErr::syntax("'return' outside function", r.range));
        }
        let scope = &self.table.scopes[self.unit_ref().scope];
        if r.value.is_some() && scope.coroutine && scope.generator {
            return Err(CompileErr::syntax("'return' with value in async generator", r.range));
        }
        let constant = r.value.as_deref().and_then(|v| self.fold(v));
        let preserve_tos = r.value.is_some() && constant.is_none();
        if let Some(v) = &r.value {
            if preserve_tos {
                self.visit_expr(v)?;
            } else {
                self.set_loc(v.range());
                self.emit(Opcode::NOP, 0);
            }
        }
        let stmt_line = self.lines.line_col(r.range.start()).0;
        let value_line = r.value.as_ref().map(|v| self.lines.line_col(v.range().start()).0);
        if value_line != Some(stmt_line) {
            self.set_loc(r.range);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false, r.range)?;
        if preserve_tos {
            self.emit(Opcode::RETURN_VALUE, 0);
        } else {
            self.return_const(constant.unwrap_or(Constant::None));
        }
        self.next_block();
        Ok(())
    }

    fn visit_if(&mut self, test: &'a Expr, body: &'a [Stmt], clauses: &'a [ast::ElifElseClause]) -> CResult {
        let end = self.new_block();
        let next = if clauses.is_empty() { end } else { self.new_block() };
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.emit_jump_noloc(Op::Jump, end);
            self.use_block(next);
            match &first.test {
                Some(t) => {
                    self.set_loc(first.range);
                    self.visit_if(t, &first.body, rest)?;
                }
                None => self.visit_stmts(&first.body)?,
            }
        }
        self.use_block(end);
        Ok(())
    }

    fn visit_while(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let exit = self.new_block();
        self.use_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, exit, w.range)?;
        self.jump_if(&w.test, anchor, false)?;
        self.use_block(body);
        self.visit_stmts(&w.body)?;
        self.set_loc(w.range);
        self.jump_if(&w.test, body, true)?;
        self.pop_fblock();
        self.use_block(anchor);
        self.visit_stmts(&w.orelse)?;
        self.use_block(exit);
        Ok(())
    }

    fn visit_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, start, end, f.range)?;
        self.visit_iterable(&f.iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_block(start);
        self.jump_op(Opcode::FOR_ITER, cleanup);
        self.use_block(body);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.use_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }

    /// An iterable, with a constant list/set display folded to a tuple/frozenset.
    pub fn visit_iterable(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.fold_container(e) {
            self.set_loc(e.range());
            self.load_const(c);
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_augassign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let stmt_loc = self.unit_ref().loc;
        self.set_loc(a.target.range());
        match a.target.as_ref() {
            Expr::Attribute(attr) => {
                self.visit_expr(&attr.value)?;
                self.emit(Opcode::COPY, 1);
                let i = self.name_index(&attr.attr);
                self.emit(Opcode::LOAD_ATTR, i << 1);
            }
            Expr::Subscript(sub) => {
                self.visit_expr(&sub.value)?;
                if let Expr::Slice(slice) = sub.slice.as_ref()
                    && slice.step.is_none()
                {
                    self.slice_parts(slice)?;
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::COPY, 3);
                    self.emit(Opcode::BINARY_SLICE, 0);
                } else {
                    self.visit_expr(&sub.slice)?;
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::BINARY_SUBSCR, 0);
                }
            }
            Expr::Name(n) => self.name_op(&n.id, ExprContext::Load, n.range)?,
            other => {
                return Err(CompileErr::syntax("illegal expression for augmented assignment", other.range()));
            }
        }
        self.unit().loc = stmt_loc;
        self.visit_expr(&a.value)?;
        self.emit(Opcode::BINARY_OP, binary_op(a.op) as u32 + pyrite_bytecode::opcodes::INPLACE_OFFSET);
        self.set_loc(a.target.range());
        match a.target.as_ref() {
            Expr::Attribute(attr) => {
                self.emit(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, &attr.attr);
            }
            Expr::Subscript(sub) if super::expr::is_two_element_slice(&sub.slice) => {
                self.emit(Opcode::SWAP, 4);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SLICE, 0);
            }
            Expr::Subscript(_) => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            Expr::Name(n) => self.name_op(&n.id, ExprContext::Store, n.range)?,
            _ => {}
        }
        Ok(())
    }

    /// Unpacks the value on the stack into a tuple/list target.
    pub fn assign_sequence(&mut self, elts: &'a [Expr], range: TextRange) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt, Expr::Starred(_)) {
                if seen_star {
                    return Err(CompileErr::syntax("multiple starred expressions in assignment", range));
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return Err(CompileErr::syntax("too many expressions in star-unpacking assignment", range));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for elt in elts {
            match elt {
                Expr::Starred(s) => self.visit_expr(&s.value)?,
                other => self.visit_expr(other)?,
            }
        }
        Ok(())
    }

    fn visit_delete(&mut self, target: &'a Expr) -> CResult {
        self.set_loc(target.range());
        match target {
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.visit_delete(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.visit_delete(e)),
            _ => self.visit_expr(target),
        }
    }

    fn visit_annassign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
            self.visit_expr(&a.target)?;
        }
        let module_or_class = matches!(self.unit_ref().kind, UnitKind::Module | UnitKind::Class);
        match a.target.as_ref() {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(CompileErr::syntax("cannot assign to __debug__", n.range));
                }
                if a.simple && module_or_class {
                    self.visit_annotation(&a.annotation)?;
                    self.emit_name(Opcode::LOAD_NAME, "__annotations__");
                    let mangled = self.mangle(&n.id);
                    self.load_const(Constant::Str(mangled.into()));
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
            }
            Expr::Attribute(attr) => {
                if a.value.is_none() {
                    self.check_ann_expr(&attr.value)?;
                }
            }
            Expr::Subscript(sub) => {
                if a.value.is_none() {
                    self.check_ann_expr(&sub.value)?;
                    self.check_ann_subscript(&sub.slice)?;
                }
            }
            other => {
                return Err(CompileErr::syntax("invalid node type for annotated assignment", other.range()));
            }
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.check_ann_expr(&a.annotation)?;
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.visit_expr(e)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn check_ann_subscript(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|x| self.check_ann_subscript(x)),
            other => self.check_ann_expr(other),
        }
    }

    /// An annotation value: evaluated, or a string under `from __future__ import annotations`.
    pub fn visit_annotation(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = crate::unparse::unparse(e);
            self.set_loc(e.range());
            self.load_const(Constant::Str(text.into()));
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_assert(&mut self, a: &'a ast::StmtAssert) -> CResult {
        let end = self.new_block();
        self.jump_if(&a.test, end, true)?;
        self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
        if let Some(m) = &a.msg {
            self.visit_expr(m)?;
            self.emit(Opcode::CALL, 0);
        }
        self.emit(Opcode::RAISE_VARARGS, 1);
        self.use_block(end);
        Ok(())
    }

    fn visit_import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            self.set_loc(i.range);
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, alias.name.as_str());
            let name = alias.name.as_str();
            match &alias.asname {
                Some(asname) => {
                    let mut parts = name.split('.');
                    parts.next();
                    let attrs: Vec<&str> = parts.collect();
                    for (k, attr) in attrs.iter().enumerate() {
                        self.emit_name(Opcode::IMPORT_FROM, attr);
                        if k + 1 < attrs.len() {
                            self.emit(Opcode::SWAP, 2);
                            self.emit(Opcode::POP_TOP, 0);
                        }
                    }
                    self.name_op(asname, ExprContext::Store, asname.range)?;
                    if !attrs.is_empty() {
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.name_op(first, ExprContext::Store, alias.range)?;
                }
            }
        }
        Ok(())
    }

    fn visit_import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        self.load_const(Constant::Int(i64::from(i.level)));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.as_str().into())).collect();
        self.load_const(Constant::Tuple(names.into_boxed_slice()));
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        let idx = self.raw_name_index(module);
        self.emit(Opcode::IMPORT_NAME, idx);
        for alias in &i.names {
            if alias.name.as_str() == "*" {
                self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ImportStar as u32);
                self.emit_noloc(Opcode::POP_TOP, 0);
                return Ok(());
            }
            let idx = self.raw_name_index(alias.name.as_str());
            self.emit(Opcode::IMPORT_FROM, idx);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store, ExprContext::Store, alias.range)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
