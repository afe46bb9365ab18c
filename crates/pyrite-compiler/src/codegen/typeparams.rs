//! PEP 695 (Python 3.12): type parameter lists of generic functions and classes, and
//! `type` statements, compiled as CPython 3.12 does.
//!
//! A type parameter list opens an annotation scope, a hidden function
//! (`<generic parameters of f>`) called at once, in which each parameter is a local made by
//! an intrinsic (`TypeVar`, `ParamSpec`, `TypeVarTuple`). The function or class is built
//! inside it, so its annotations, bases and body see the parameters as closure variables.
//! A type variable's bound and a type alias's value are evaluated lazily: each is a small
//! function of its own that the runtime calls when the value is first asked for.

use pyrite_bytecode::{Constant, Intrinsic1, Intrinsic2, Opcode};
use pyrite_parser::Ranged;
use pyrite_parser::ast::{self, Expr, ExprContext};

use super::{CResult, Compiler, UnitKind};
use crate::error::CompileErr;

impl<'a> Compiler<'a> {
    /// Pushes a function object that evaluates `value` when called (an annotation scope).
    fn lazy_value(&mut self, name: &str, value: &'a Expr) -> CResult {
        let scope = self.scope_for(value)?;
        let line = self.line_of(value.range());
        self.enter_unit(scope, UnitKind::Annotation, name, line, None);
        self.visit_expr(value)?;
        self.set_loc(value.range());
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish_unit()?;
        self.make_closure(code, 0)
    }

    /// Makes each type parameter, binds it to its name, and pushes the tuple of them all.
    fn type_params(&mut self, tp: &'a ast::TypeParams) -> CResult {
        for param in &tp.type_params {
            let name = match param {
                ast::TypeParam::TypeVar(t) => {
                    self.set_loc(t.range);
                    self.load_const(Constant::Str(t.name.as_str().into()));
                    match t.bound.as_deref() {
                        Some(bound) => {
                            let intrinsic = match bound {
                                Expr::Tuple(items) if items.elts.len() < 2 => {
                                    return Err(CompileErr::syntax(
                                        "Type parameter constraints must have at least two types",
                                        items.range,
                                    ));
                                }
                                Expr::Tuple(_) => Intrinsic2::TypeVarWithConstraints,
                                _ => Intrinsic2::TypeVarWithBound,
                            };
                            self.lazy_value(&t.name, bound)?;
                            self.set_loc(t.range);
                            self.emit(Opcode::CALL_INTRINSIC_2, intrinsic as u32);
                        }
                        None => self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::TypeVar as u32),
                    }
                    &t.name
                }
                ast::TypeParam::ParamSpec(p) => {
                    self.set_loc(p.range);
                    self.load_const(Constant::Str(p.name.as_str().into()));
                    self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::ParamSpec as u32);
                    &p.name
                }
                ast::TypeParam::TypeVarTuple(t) => {
                    self.set_loc(t.range);
                    self.load_const(Constant::Str(t.name.as_str().into()));
                    self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::TypeVarTuple as u32);
                    &t.name
                }
            };
            self.emit(Opcode::COPY, 1);
            self.name_op(name, ExprContext::Store, name.range)?;
        }
        self.emit(Opcode::BUILD_TUPLE, tp.type_params.len() as u32);
        Ok(())
    }

    /// Enters the annotation scope of `tp`; the caller builds the generic object in it.
    fn enter_type_params(&mut self, tp: &'a ast::TypeParams, name: &str, first_line: u32) -> CResult {
        let scope = self.scope_for(tp)?;
        self.enter_unit(scope, UnitKind::TypeParams, &format!("<generic parameters of {name}>"), first_line, None);
        Ok(())
    }

    /// Leaves the annotation scope (whose code returns the generic object) and calls it
    /// with the `argc` values the caller pushes with `push_args`.
    fn call_type_params(&mut self, argc: u32, push_args: impl FnOnce(&mut Self) -> CResult) -> CResult {
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.finish_unit()?;
        self.emit(Opcode::PUSH_NULL, 0);
        self.make_closure(code, 0)?;
        push_args(self)?;
        self.emit(Opcode::CALL, argc);
        Ok(())
    }

    /// `def f[T, ...](...)`: pushes the function, its `__type_params__` set. Defaults are
    /// evaluated outside the annotation scope and passed in as `.defaults`/`.kwdefaults`.
    pub(super) fn generic_function(
        &mut self,
        f: &'a ast::StmtFunctionDef,
        tp: &'a ast::TypeParams,
        first_line: u32,
    ) -> CResult {
        let params = &f.parameters;
        let defaults = params.posonlyargs.iter().chain(&params.args).any(|p| p.default.is_some());
        let kwdefaults = params.kwonlyargs.iter().any(|p| p.default.is_some());
        self.enter_type_params(tp, &f.name, first_line)?;
        let argc = u32::from(defaults) + u32::from(kwdefaults);
        self.unit().argcount = argc;
        self.type_params(tp)?;
        self.set_loc(f.range);
        let mut flags = 0;
        if defaults {
            self.name_op(".defaults", ExprContext::Load, f.range)?;
            flags |= 0x01;
        }
        if kwdefaults {
            self.name_op(".kwdefaults", ExprContext::Load, f.range)?;
            flags |= 0x02;
        }
        flags |= self.annotations(params, f.returns.as_deref())?;
        let code = self.function_body(f, first_line)?;
        self.make_closure(code, flags)?;
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::CALL_INTRINSIC_2, Intrinsic2::SetFunctionTypeParams as u32);
        self.call_type_params(argc, |c| c.default_arguments(Some(params)).map(drop))
    }

    /// `class C[T, ...](...)`: pushes the class; `Generic[T, ...]` is its last base and its
    /// body sets `__type_params__`.
    pub(super) fn generic_class(
        &mut self,
        c: &'a ast::StmtClassDef,
        tp: &'a ast::TypeParams,
        first_line: u32,
    ) -> CResult {
        self.enter_type_params(tp, &c.name, first_line)?;
        self.type_params(tp)?;
        self.set_loc(c.range);
        self.name_op(".type_params", ExprContext::Store, c.range)?;
        self.name_op(".type_params", ExprContext::Load, c.range)?;
        self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::SubscriptGeneric as u32);
        self.name_op(".generic_base", ExprContext::Store, c.range)?;
        self.build_class(c, first_line, Some(".generic_base"))?;
        self.call_type_params(0, |_| Ok(()))
    }

    /// `type X[T, ...] = value`: binds `X` to a `TypeAliasType` whose value is computed
    /// when first asked for.
    pub(super) fn visit_type_alias(&mut self, t: &'a ast::StmtTypeAlias) -> CResult {
        let Expr::Name(name) = t.name.as_ref() else {
            return Err(CompileErr::syntax("invalid syntax", t.name.range()));
        };
        self.set_loc(t.range);
        match &t.type_params {
            Some(tp) => {
                let first_line = self.line_of(t.range);
                self.enter_type_params(tp, &name.id, first_line)?;
                self.load_const(Constant::Str(name.id.as_str().into()));
                self.type_params(tp)?;
                self.lazy_value(&name.id, &t.value)?;
                self.set_loc(t.range);
                self.emit(Opcode::BUILD_TUPLE, 3);
                self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::TypeAlias as u32);
                self.call_type_params(0, |_| Ok(()))?;
            }
            None => {
                self.load_const(Constant::Str(name.id.as_str().into()));
                self.load_const(Constant::None);
                self.lazy_value(&name.id, &t.value)?;
                self.set_loc(t.range);
                self.emit(Opcode::BUILD_TUPLE, 3);
                self.emit(Opcode::CALL_INTRINSIC_1, Intrinsic1::TypeAlias as u32);
            }
        }
        self.name_op(&name.id, ExprContext::Store, name.range)
    }
}
