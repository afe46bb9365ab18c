//! Exception handling and context managers: `try`/`except`/`else`/`finally`, `except*`,
//! `with`, `async with` and `async for`, using the `SETUP_*`/`POP_BLOCK` markers from
//! which the assembler derives the exception table (CPython 3.11's scheme).

use pyrite_bytecode::{Constant, Opcode};
use pyrite_parser::Ranged;
use pyrite_parser::ast::{self, ExprContext};

use super::{CResult, Compiler, FBlockKind, UnitKind};
use crate::error::CompileErr;
use crate::ir::{NO_BLOCK, Op};

impl<'a> Compiler<'a> {
    pub fn visit_try(&mut self, t: &'a ast::StmtTry) -> CResult {
        if !t.finalbody.is_empty() {
            self.try_finally(t)
        } else if t.is_star {
            self.try_star_except(t)
        } else {
            self.try_except(t)
        }
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, end);
        self.use_block(body);
        self.push_fblock(FBlockKind::FinallyTry(&t.finalbody), body, end, t.range)?;
        if t.handlers.is_empty() {
            self.visit_stmts(&t.body)?;
        } else if t.is_star {
            self.try_star_except(t)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().cfg.push(Op::PopBlock, 0, NO_BLOCK, pyrite_bytecode::Location::default());
        self.pop_fblock();
        self.visit_stmts(&t.finalbody)?;
        self.emit_jump_noloc(Op::Jump, exit);
        self.use_block(end);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::FinallyEnd, end, NO_BLOCK, t.range)?;
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_BLOCK, t.range)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.unit().cfg.push(Op::PopBlock, 0, NO_BLOCK, pyrite_bytecode::Location::default());
        self.visit_stmts(&t.orelse)?;
        self.emit_jump_noloc(Op::Jump, end);
        let n = t.handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, NO_BLOCK, NO_BLOCK, t.range)?;
        for (i, handler) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(CompileErr::syntax("default 'except:' must be last", h.range));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.jump_op(Opcode::POP_JUMP_IF_FALSE, except);
            }
            self.handler_body(h, end)?;
            self.use_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(end);
        Ok(())
    }

    /// The body of one `except` clause (with the exception on the stack), ending with a
    /// jump to `end`.
    fn handler_body(&mut self, h: &'a ast::ExceptHandlerExceptHandler, end: usize) -> CResult {
        if let Some(name) = &h.name {
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            self.name_op(name, ExprContext::Store, name.range)?;
            self.emit_jump(Op::SetupCleanup, cleanup_end);
            self.use_block(cleanup_body);
            self.push_fblock(FBlockKind::HandlerCleanup(Some(name.as_str())), cleanup_body, NO_BLOCK, h.range)?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock);
            self.emit_pseudo(Op::PopBlock);
            self.emit(Opcode::POP_EXCEPT, 0);
            self.load_const(Constant::None);
            self.name_op(name, ExprContext::Store, name.range)?;
            self.name_op(name, ExprContext::Del, name.range)?;
            self.emit_jump(Op::Jump, end);
            self.use_block(cleanup_end);
            self.unset_loc();
            self.load_const(Constant::None);
            self.name_op(name, ExprContext::Store, name.range)?;
            self.name_op(name, ExprContext::Del, name.range)?;
            self.emit(Opcode::RERAISE, 1);
        } else {
            let cleanup_body = self.new_block();
            self.emit(Opcode::POP_TOP, 0);
            self.use_block(cleanup_body);
            self.push_fblock(FBlockKind::HandlerCleanup(None), cleanup_body, NO_BLOCK, h.range)?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock);
            self.emit(Opcode::POP_EXCEPT, 0);
            self.emit_jump(Op::Jump, end);
        }
        Ok(())
    }

    /// `try: ... except* T: ...` (CPython 3.11's `compiler_try_star_except`).
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_block();
        let except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.emit_jump(Op::SetupFinally, except);
        self.use_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_BLOCK, t.range)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.unit().cfg.push(Op::PopBlock, 0, NO_BLOCK, pyrite_bytecode::Location::default());
        self.emit_jump_noloc(Op::Jump, orelse);
        let n = t.handlers.len();
        self.use_block(except);
        self.unset_loc();
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, NO_BLOCK, NO_BLOCK, t.range)?;
        for (i, handler) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = handler;
            self.set_loc(h.range);
            let next = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                // [exc] -> [orig, [], exc]: the list collects raised/re-raised exceptions.
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.jump_op(Opcode::POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.name_op(name, ExprContext::Store, name.range)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.emit_jump(Op::SetupCleanup, cleanup_end);
            self.use_block(cleanup_body);
            let name = h.name.as_ref().map(|n| n.as_str());
            self.push_fblock(FBlockKind::HandlerCleanup(name), cleanup_body, NO_BLOCK, h.range)?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.emit_pseudo(Op::PopBlock);
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(n, ExprContext::Store, n.range)?;
                self.name_op(n, ExprContext::Del, n.range)?;
            }
            self.emit_jump(Op::Jump, next);
            self.use_block(cleanup_end);
            self.unset_loc();
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(n, ExprContext::Store, n.range)?;
                self.name_op(n, ExprContext::Del, n.range)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_block(next);
            self.emit(Opcode::NOP, 0);
            self.emit_jump(Op::Jump, except_with_error);
            self.use_block(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.use_block(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::LIST_APPEND, 1);
                self.emit_jump(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.jump_op(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
        self.next_block();
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit_jump(Op::Jump, end);
        self.use_block(reraise);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(orelse);
        self.visit_stmts(&t.orelse)?;
        self.use_block(end);
        Ok(())
    }

    pub fn visit_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        self.with_item(w, pos, false)
    }

    pub fn visit_async_with(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        self.check_async("'async with'", w.range)?;
        self.with_item(w, pos, true)
    }

    /// `await` of the value on top of the stack (`GET_AWAITABLE` + the `SEND` loop).
    fn await_top(&mut self, kind: u32) {
        self.emit(Opcode::GET_AWAITABLE, kind);
        self.load_const(Constant::None);
        self.yield_from(true);
    }

    /// One item of a `with`/`async with` statement (and, recursively, the rest), as
    /// CPython's `compiler_with`/`compiler_async_with`.
    fn with_item(&mut self, w: &'a ast::StmtWith, pos: usize, is_async: bool) -> CResult {
        let item = &w.items[pos];
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        if is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
            self.await_top(1);
        } else {
            self.emit(Opcode::BEFORE_WITH, 0);
        }
        self.emit_jump(Op::SetupWith, final_);
        self.use_block(block);
        let loc = self.location(w.range);
        let kind = if is_async { FBlockKind::AsyncWith(loc) } else { FBlockKind::With(loc) };
        self.push_fblock(kind, block, final_, w.range)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.with_item(w, pos + 1, is_async)?;
        }
        if is_async {
            // CPython 3.11 keeps the body's location on the async form's POP_BLOCK.
            self.pop_fblock();
            self.emit_pseudo(Op::PopBlock);
        } else {
            self.unset_loc();
            self.emit_pseudo(Op::PopBlock);
            self.pop_fblock();
        }
        self.set_loc(w.range);
        self.call_exit_with_nones();
        if is_async {
            self.await_top(2);
        }
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(Op::Jump, exit);
        self.use_block(final_);
        self.emit_jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if is_async {
            self.await_top(2);
        }
        self.with_except_finish(cleanup);
        self.use_block(exit);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: usize) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump_op(Opcode::POP_JUMP_IF_TRUE, exit);
        self.next_block();
        self.emit(Opcode::RERAISE, 2);
        self.use_block(cleanup);
        self.pop_except_and_reraise();
        self.use_block(exit);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_pseudo(Op::PopBlock);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
    }

    fn check_async(&mut self, what: &str, range: pyrite_parser::TextRange) -> CResult {
        let top_level = self.top_level_await && self.unit_ref().kind == UnitKind::Module;
        if top_level {
            let scope = self.unit_ref().scope;
            self.table.scopes[scope].coroutine = true;
            return Ok(());
        }
        if self.unit_ref().kind != UnitKind::AsyncFunction {
            return Err(CompileErr::syntax(format!("{what} outside async function"), range));
        }
        Ok(())
    }

    pub fn visit_async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        self.check_async("'async for'", f.range)?;
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.emit(Opcode::GET_AITER, 0);
        self.use_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end, f.range)?;
        self.emit_jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.yield_from(true);
        self.emit_pseudo(Op::PopBlock);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.emit_jump(Op::Jump, start);
        self.pop_fblock();
        self.use_block(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::END_ASYNC_FOR, 0);
        self.visit_stmts(&f.orelse)?;
        self.use_block(end);
        Ok(())
    }
}
