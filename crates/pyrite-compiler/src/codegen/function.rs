//! Code objects inside code objects: `def`, `lambda`, `class` and comprehensions, with
//! their defaults, annotations, closures and decorators.

use pyrite_bytecode::{CodeObject, Constant, Opcode};
use pyrite_parser::Ranged;
use pyrite_parser::ast::{self, Expr, ExprContext};

use super::{CResult, Compiler, FBlockKind, UnitKind};
use crate::error::CompileErr;
use crate::ir::{NO_BLOCK, Op};
use crate::symtable::{NameScope, node_key};

/// Comprehension kinds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl<'a> Compiler<'a> {
    pub(super) fn scope_for<T>(&self, node: &T) -> CResult<usize> {
        self.table.scope_for(node_key(node)).ok_or_else(|| CompileErr::internal("scope missing for node"))
    }

    pub(super) fn line_of(&self, range: pyrite_parser::TextRange) -> u32 {
        self.lines.line_col(range.start()).0
    }

    /// Pushes the defaults tuple and kw-defaults dict; returns the MAKE_FUNCTION flags.
    pub(super) fn default_arguments(&mut self, params: Option<&'a ast::Parameters>) -> CResult<u32> {
        let Some(params) = params else { return Ok(0) };
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            params.posonlyargs.iter().chain(&params.args).filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                keys.push(Constant::Str(self.mangle(&p.parameter.name).into()));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys.into_boxed_slice()));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    fn arg_annotation(&mut self, name: &str, annotation: Option<&'a Expr>, count: &mut u32) -> CResult {
        let Some(a) = annotation else { return Ok(()) };
        let mangled = self.mangle(name);
        self.load_const(Constant::Str(mangled.into()));
        if !self.future_annotations
            && let Expr::Starred(s) = a
        {
            self.visit_expr(&s.value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_annotation(a)?;
        }
        *count += 2;
        Ok(())
    }

    /// Pushes the annotations as a flat tuple of name/value pairs (as CPython 3.11).
    pub(super) fn annotations(&mut self, params: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut count = 0;
        for p in &params.args {
            self.arg_annotation(&p.parameter.name, p.parameter.annotation.as_deref(), &mut count)?;
        }
        for p in &params.posonlyargs {
            self.arg_annotation(&p.parameter.name, p.parameter.annotation.as_deref(), &mut count)?;
        }
        if let Some(v) = &params.vararg {
            self.arg_annotation(&v.name, v.annotation.as_deref(), &mut count)?;
        }
        for p in &params.kwonlyargs {
            self.arg_annotation(&p.parameter.name, p.parameter.annotation.as_deref(), &mut count)?;
        }
        if let Some(k) = &params.kwarg {
            self.arg_annotation(&k.name, k.annotation.as_deref(), &mut count)?;
        }
        self.arg_annotation("return", returns, &mut count)?;
        if count > 0 {
            self.emit(Opcode::BUILD_TUPLE, count);
            return Ok(0x04);
        }
        Ok(0)
    }

    fn set_arg_counts(&mut self, params: Option<&ast::Parameters>) {
        if let Some(p) = params {
            let unit = self.unit();
            unit.posonlyargcount = p.posonlyargs.len() as u32;
            unit.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            unit.kwonlyargcount = p.kwonlyargs.len() as u32;
        }
    }

    /// Builds a function object from `code` (with its closure) on the stack.
    pub fn make_closure(&mut self, code: CodeObject, mut flags: u32) -> CResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let is_class_cell = self.unit_ref().kind == UnitKind::Class && name.as_ref() == "__class__";
                let scope = self.table.scopes[self.unit_ref().scope].scope_of(name);
                let scope = if is_class_cell { NameScope::Cell } else { scope };
                let i = self.deref_index(name, scope);
                self.emit(Opcode::LOAD_CLOSURE, i);
            }
            flags |= 0x08;
            self.emit(Opcode::BUILD_TUPLE, code.freevars.len() as u32);
        }
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    pub fn visit_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let first_line = f.decorator_list.first().map_or_else(|| self.line_of(f.range), |d| self.line_of(d.range));
        self.set_loc(f.range);
        if let Some(tp) = &f.type_params {
            self.generic_function(f, tp, first_line)?;
        } else {
            let mut flags = self.default_arguments(Some(&f.parameters))?;
            flags |= self.annotations(&f.parameters, f.returns.as_deref())?;
            let code = self.function_body(f, first_line)?;
            self.make_closure(code, flags)?;
        }
        for _ in &f.decorator_list {
            self.emit(Opcode::CALL, 0);
        }
        self.name_op(&f.name, ExprContext::Store, f.name.range)
    }

    /// Compiles the body of `def f` into its code object.
    pub(super) fn function_body(&mut self, f: &'a ast::StmtFunctionDef, first_line: u32) -> CResult<CodeObject> {
        let scope = self.scope_for(f)?;
        let kind = if f.is_async { UnitKind::AsyncFunction } else { UnitKind::Function };
        self.enter_unit(scope, kind, &f.name, first_line, None);
        let doc = super::stmt::docstring(&f.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(d.into())));
        self.set_arg_counts(Some(&f.parameters));
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.visit_stmts(body)?;
        let code = self.finish_unit()?;
        self.set_loc(f.range);
        Ok(code)
    }

    pub fn visit_lambda(&mut self, e: &'a Expr, l: &'a ast::ExprLambda) -> CResult {
        let flags = self.default_arguments(l.parameters.as_deref())?;
        let scope = self.scope_for(e)?;
        let first_line = self.line_of(l.range);
        self.enter_unit(scope, UnitKind::Lambda, "<lambda>", first_line, None);
        self.add_const(Constant::None);
        self.set_arg_counts(l.parameters.as_deref());
        self.visit_expr(&l.body)?;
        self.set_loc(l.body.range());
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish_unit()?;
        self.make_closure(code, flags)
    }

    pub fn visit_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        let first_line = c.decorator_list.first().map_or_else(|| self.line_of(c.range), |d| self.line_of(d.range));
        if let Some(tp) = &c.type_params {
            self.generic_class(c, tp, first_line)?;
        } else {
            self.build_class(c, first_line, None)?;
        }
        for _ in &c.decorator_list {
            self.emit(Opcode::CALL, 0);
        }
        self.name_op(&c.name, ExprContext::Store, c.name.range)
    }

    /// Compiles the class body and calls `__build_class__` with it, the name and the bases
    /// (then the variable `generic_base`, for a generic class).
    pub(super) fn build_class(
        &mut self,
        c: &'a ast::StmtClassDef,
        first_line: u32,
        generic_base: Option<&str>,
    ) -> CResult {
        let scope = self.scope_for(c)?;
        self.enter_unit(scope, UnitKind::Class, &c.name, first_line, Some(c.name.to_string()));
        self.name_op("__name__", ExprContext::Load, c.range)?;
        self.name_op("__module__", ExprContext::Store, c.range)?;
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(qualname.into()));
        self.name_op("__qualname__", ExprContext::Store, c.range)?;
        if generic_base.is_some() {
            self.name_op(".type_params", ExprContext::Load, c.range)?;
            self.name_op("__type_params__", ExprContext::Store, c.range)?;
        }
        self.compile_body(&c.body)?;
        self.unset_loc();
        if self.table.scopes[scope].needs_class_closure {
            let i = self.deref_index("__class__", NameScope::Cell);
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            self.name_op("__classcell__", ExprContext::Store, c.range)?;
            self.emit(Opcode::RETURN_VALUE, 0);
        } else {
            self.return_const(Constant::None);
        }
        let code = self.finish_unit()?;
        self.set_loc(c.range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(c.name.as_str().into()));
        let (args, kws): (&'a [Expr], &'a [ast::Keyword]) =
            c.arguments.as_ref().map_or((&[], &[]), |a| (&a.args[..], &a.keywords[..]));
        self.call_helper_with(2, args, generic_base, kws)
    }

    // ----- comprehensions -----

    pub fn visit_comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, value) = match e {
            Expr::ListComp(c) => (CompKind::List, "<listcomp>", &c.generators, &*c.elt, None),
            Expr::SetComp(c) => (CompKind::Set, "<setcomp>", &c.generators, &*c.elt, None),
            Expr::DictComp(c) => match &c.key {
                Some(k) => (CompKind::Dict, "<dictcomp>", &c.generators, &**k, Some(&*c.value)),
                None => {
                    return Err(CompileErr::syntax("dict unpacking cannot be used in dict comprehension", c.range));
                }
            },
            Expr::Generator(g) => (CompKind::Generator, "<genexpr>", &g.generators, &*g.elt, None),
            _ => return Err(CompileErr::internal("not a comprehension")),
        };
        let Some(outermost) = generators.first() else {
            return Err(CompileErr::internal("comprehension without generators"));
        };
        let outer_kind = self.unit_ref().kind;
        let top_level_await = self.top_level_await && outer_kind == UnitKind::Module;
        let scope = self.scope_for(e)?;
        let is_async = self.table.scopes[scope].coroutine;
        if is_async
            && kind != CompKind::Generator
            && !matches!(outer_kind, UnitKind::AsyncFunction | UnitKind::Comprehension)
            && !top_level_await
        {
            return Err(CompileErr::syntax(
                "asynchronous comprehension outside of an asynchronous function",
                e.range(),
            ));
        }
        let first_line = self.line_of(e.range());
        self.enter_unit(scope, UnitKind::Comprehension, name, first_line, None);
        self.set_loc(e.range());
        match kind {
            CompKind::List => self.emit(Opcode::BUILD_LIST, 0),
            CompKind::Set => self.emit(Opcode::BUILD_SET, 0),
            CompKind::Dict => self.emit(Opcode::BUILD_MAP, 0),
            CompKind::Generator => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != CompKind::Generator {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        self.unit().argcount = 1;
        let code = self.finish_unit()?;
        self.make_closure(code, 0)?;
        self.visit_iterable(&outermost.iter)?;
        self.set_loc(e.range());
        self.emit(if outermost.is_async { Opcode::GET_AITER } else { Opcode::GET_ITER }, 0);
        self.emit(Opcode::CALL, 0);
        if is_async && kind != CompKind::Generator {
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.yield_from(true);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        if generators[index].is_async {
            self.async_comprehension_generator(generators, index, depth, elt, value, kind)
        } else {
            self.sync_comprehension_generator(generators, index, depth, elt, value, kind)
        }
    }

    fn comprehension_element(&mut self, depth: u32, elt: &'a Expr, value: Option<&'a Expr>, kind: CompKind) -> CResult {
        match kind {
            CompKind::Generator => {
                self.visit_expr(elt)?;
                self.emit_yield();
                self.emit(Opcode::POP_TOP, 0);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.emit(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let gen_ = &generators[index];
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            let single = match &gen_.iter {
                Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                _ => None,
            };
            match single {
                Some(x) if !matches!(x, Expr::Starred(_)) => {
                    self.visit_expr(x)?;
                    start = None;
                }
                _ => {
                    self.visit_iterable(&gen_.iter)?;
                    self.emit(Opcode::GET_ITER, 0);
                }
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_block(s);
            self.jump_op(Opcode::FOR_ITER, anchor);
        }
        self.next_block();
        self.visit_expr(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        if let Some(s) = start {
            self.emit_jump(Op::Jump, s);
            self.use_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let gen_ = &generators[index];
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen_.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.use_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, NO_BLOCK, gen_.range)?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.visit_expr(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        depth += 1;
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comprehension_element(depth, elt, value, kind)?;
        }
        self.use_block(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.pop_fblock();
        self.use_block(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }
}
