//! Code generation: AST → one control-flow graph per code object.
//!
//! The [`Compiler`] keeps a stack of [`Unit`]s (one per code object being compiled: module,
//! class body, function, lambda, comprehension). Statements ([`stmt`]), expressions
//! ([`expr`]), functions/classes/comprehensions ([`function`]), exception handling and
//! loops ([`control`]) and `match` patterns ([`pattern`]) append instructions to the
//! current unit; [`Compiler::finish_unit`] hands the graph to the assembler and builds the
//! [`CodeObject`]. Name resolution comes from the symbol table built beforehand; this
//! module decides only which opcode each access uses, as CPython's `compiler_nameop`.

mod control;
mod expr;
mod function;
mod pattern;
mod stmt;
mod typeparams;

use std::collections::HashMap;

use indexmap::IndexSet;
use pyrite_bytecode::{CodeObject, Constant, Location, Opcode, flags};
use pyrite_parser::ast::{self, Expr, Stmt};
use pyrite_parser::{LineIndex, Parsed, TextRange};

use crate::CompileOptions;
use crate::consts::ConstTable;
use crate::error::{CompileErr, CompileError};
use crate::ir::{BlockId, Cfg, NO_BLOCK, Op};
use crate::symtable::{self, NameScope, ScopeId, ScopeKind, SymbolTable};

type CResult<T = ()> = Result<T, CompileErr>;

/// Deepest expression/statement nesting compiled before giving up (keeps the native stack
/// safe).
const MAX_NESTING: usize = 1500;
/// CPython's limit on statically nested blocks.
const MAX_FBLOCKS: usize = 20;

/// What kind of code object a unit produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    /// The annotation scope of a type parameter list (`<generic parameters of f>`).
    TypeParams,
    /// A lazily evaluated expression: a type alias's value, a type variable's bound.
    Annotation,
}

/// A frame block: what `break`, `continue` and `return` must unwind.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With(Location),
    AsyncWith(Location),
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Loop start (continue target).
    pub block: BlockId,
    /// Loop exit (break target).
    pub exit: BlockId,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: UnitKind,
    pub name: String,
    pub qualname: String,
    pub cfg: Cfg,
    pub consts: ConstTable,
    pub names: IndexSet<String>,
    pub varnames: IndexSet<String>,
    pub cellvars: IndexSet<String>,
    pub freevars: IndexSet<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub first_line: u32,
    pub loc: Location,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
}

/// The compiler state for one source text.
pub(crate) struct Compiler<'a> {
    /// The source text (kept for error reporting).
    #[expect(dead_code, reason = "kept for diagnostics that quote the source")]
    pub source: &'a str,
    pub filename: &'a str,
    pub lines: LineIndex,
    pub table: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    pub interactive: bool,
    pub top_level_await: bool,
    fold_cache: HashMap<usize, Option<Constant>>,
    depth: usize,
}

/// Compiles a parsed module or expression into the top-level code object.
pub(crate) fn compile_module(
    parsed: &Parsed,
    source: &str,
    filename: &str,
    interactive: bool,
    options: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    let (body, expr): (&[Stmt], Option<&Expr>) = match parsed {
        Parsed::Module(m) => (&m.body, None),
        Parsed::Expression(e) => (&[], Some(&e.body)),
    };
    let run = || -> CResult<CodeObject> {
        let future_annotations = options.future_annotations || stmt::check_future(body)?;
        let table = symtable::build(body, expr, future_annotations)?;
        let mut c = Compiler {
            source,
            filename,
            lines: LineIndex::new(source),
            table,
            units: Vec::new(),
            future_annotations,
            interactive,
            top_level_await: options.top_level_await,
            fold_cache: HashMap::new(),
            depth: 0,
        };
        c.enter_unit(0, UnitKind::Module, "<module>", 1, None);
        if let Some(e) = expr {
            c.visit_expr(e)?;
            c.set_loc(pyrite_parser::Ranged::range(e));
            c.emit(Opcode::RETURN_VALUE, 0);
        } else if interactive {
            if stmt::find_annotations(body) {
                c.emit(Opcode::SETUP_ANNOTATIONS, 0);
            }
            c.visit_stmts(body)?;
        } else {
            c.compile_body(body)?;
        }
        c.finish_unit()
    };
    run().map_err(|e| e.into_public(filename, source))
}

impl<'a> Compiler<'a> {
    /// The unit being compiled.
    pub fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    /// The location of a source range.
    pub fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.lines.line_col(range.start());
        let (end_line, end_col) = self.lines.line_col(range.end());
        Location::new(line, col, end_line, end_col)
    }

    /// Sets the location of following instructions to `range`.
    pub fn set_loc(&mut self, range: TextRange) {
        let loc = self.location(range);
        self.unit().loc = loc;
    }

    /// Following instructions get no location of their own (they inherit one later).
    pub fn unset_loc(&mut self) {
        self.unit().loc = Location::default();
    }

    /// Guards native recursion.
    pub fn enter_nested(&mut self) -> CResult {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(CompileErr::internal("maximum recursion depth exceeded during compilation"));
        }
        Ok(())
    }

    pub fn leave_nested(&mut self) {
        self.depth -= 1;
    }

    // ----- emitting -----

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.unit_ref().loc;
        self.unit().cfg.push(Op::Real(op), arg, NO_BLOCK, loc);
    }

    pub fn emit_noloc(&mut self, op: Opcode, arg: u32) {
        self.unit().cfg.push(Op::Real(op), arg, NO_BLOCK, Location::default());
    }

    /// Emits a jump-like instruction (real conditional jumps, FOR_ITER, SEND, pseudo-ops).
    pub fn emit_jump(&mut self, op: Op, target: BlockId) {
        let loc = self.unit_ref().loc;
        self.unit().cfg.push(op, 0, target, loc);
    }

    pub fn emit_jump_noloc(&mut self, op: Op, target: BlockId) {
        self.unit().cfg.push(op, 0, target, Location::default());
    }

    pub fn jump_op(&mut self, op: Opcode, target: BlockId) {
        self.emit_jump(Op::Real(op), target);
    }

    /// A pseudo-instruction without a target (`POP_BLOCK`).
    pub fn emit_pseudo(&mut self, op: Op) {
        let loc = self.unit_ref().loc;
        self.unit().cfg.push(op, 0, NO_BLOCK, loc);
    }

    pub fn new_block(&mut self) -> BlockId {
        self.unit().cfg.new_block()
    }

    pub fn use_block(&mut self, b: BlockId) {
        self.unit().cfg.use_block(b);
    }

    pub fn next_block(&mut self) {
        self.unit().cfg.next_block();
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        self.unit().consts.add(c)
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    pub fn return_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::RETURN_CONST, i);
    }

    /// Index of `name` in `co_names` (mangled).
    pub fn name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.raw_name_index(&mangled)
    }

    pub fn raw_name_index(&mut self, name: &str) -> u32 {
        let (i, _) = self.unit().names.insert_full(name.to_owned());
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let i = self.name_index(name);
        self.emit(op, i);
    }

    pub fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.unit_ref().private.as_deref(), name)
    }

    pub fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.unit_ref().scope].kind
    }

    // ----- folding -----

    /// The constant value of `e` if it folds (memoized per node).
    pub fn fold(&mut self, e: &Expr) -> Option<Constant> {
        let key = symtable::node_key(e);
        if let Some(v) = self.fold_cache.get(&key) {
            return v.clone();
        }
        let value = if self.depth > MAX_NESTING {
            None
        } else {
            self.depth += 1;
            let mut sub = |x: &Expr| self.fold(x);
            let v = crate::fold::fold_node(e, &mut sub);
            self.depth -= 1;
            v
        };
        self.fold_cache.insert(key, value.clone());
        value
    }

    // ----- names -----

    /// Emits the load, store or delete of a name, choosing the opcode from its scope.
    pub fn name_op(&mut self, name: &str, ctx: ast::ExprContext, range: TextRange) -> CResult {
        if name == "__debug__" {
            match ctx {
                ast::ExprContext::Store => {
                    return Err(CompileErr::syntax("cannot assign to __debug__", range));
                }
                ast::ExprContext::Del => {
                    return Err(CompileErr::syntax("cannot delete __debug__", range));
                }
                _ => {}
            }
        }
        let mangled = self.mangle(name);
        let scope_id = self.unit_ref().scope;
        let scope_kind = self.table.scopes[scope_id].kind;
        let scope = self.table.scopes[scope_id].scope_of(&mangled);
        let function = scope_kind == ScopeKind::Function;
        let load = ctx == ast::ExprContext::Load;
        let store = ctx == ast::ExprContext::Store;
        let pick = |l: Opcode, s: Opcode, d: Opcode| {
            if load {
                l
            } else if store {
                s
            } else {
                d
            }
        };
        match scope {
            NameScope::Free | NameScope::Cell => {
                let i = self.deref_index(&mangled, scope);
                let load_op = if scope_kind == ScopeKind::Class { Opcode::LOAD_CLASSDEREF } else { Opcode::LOAD_DEREF };
                self.emit(pick(load_op, Opcode::STORE_DEREF, Opcode::DELETE_DEREF), i);
            }
            NameScope::Local if function => {
                let (i, _) = self.unit().varnames.insert_full(mangled);
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                self.emit(pick(Opcode::LOAD_FAST, Opcode::STORE_FAST, Opcode::DELETE_FAST), i);
            }
            NameScope::GlobalImplicit if function => self.global_op(&mangled, ctx),
            NameScope::GlobalExplicit => self.global_op(&mangled, ctx),
            _ => {
                let i = self.raw_name_index(&mangled);
                self.emit(pick(Opcode::LOAD_NAME, Opcode::STORE_NAME, Opcode::DELETE_NAME), i);
            }
        }
        Ok(())
    }

    fn global_op(&mut self, mangled: &str, ctx: ast::ExprContext) {
        let i = self.raw_name_index(mangled);
        match ctx {
            ast::ExprContext::Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
            ast::ExprContext::Store => self.emit(Opcode::STORE_GLOBAL, i),
            _ => self.emit(Opcode::DELETE_GLOBAL, i),
        }
    }

    /// Whether loading `name` here would be a `LOAD_GLOBAL` (so a call can use its NULL bit).
    pub fn is_global_load(&self, name: &str) -> bool {
        let mangled = self.mangle(name);
        let scope = &self.table.scopes[self.unit_ref().scope];
        match scope.scope_of(&mangled) {
            NameScope::GlobalExplicit => true,
            NameScope::GlobalImplicit => scope.kind == ScopeKind::Function,
            _ => false,
        }
    }

    /// Index for `LOAD_DEREF` and friends: into `cellvars ++ freevars`.
    pub fn deref_index(&mut self, name: &str, scope: NameScope) -> u32 {
        let unit = self.unit();
        let index = if scope == NameScope::Cell || (unit.kind == UnitKind::Class && name == "__class__") {
            unit.cellvars.get_index_of(name)
        } else {
            unit.freevars.get_index_of(name).map(|i| i + unit.cellvars.len())
        };
        let index = index.unwrap_or_else(|| {
            let (i, _) = unit.freevars.insert_full(name.to_owned());
            i + unit.cellvars.len()
        });
        u32::try_from(index).unwrap_or(u32::MAX)
    }

    // ----- units -----

    /// Starts compiling a new code object for `scope`.
    pub fn enter_unit(&mut self, scope: ScopeId, kind: UnitKind, name: &str, first_line: u32, private: Option<String>) {
        let sym = &self.table.scopes[scope];
        let mut varnames = IndexSet::new();
        for p in &sym.params {
            varnames.insert(p.clone());
        }
        let cellvars: IndexSet<String> = sym.cellvars().into_iter().collect();
        let freevars: IndexSet<String> = sym.freevars().into_iter().collect();
        let qualname = self.qualname_for(name, kind);
        let private = private.or_else(|| self.units.last().and_then(|u| u.private.clone()));
        self.units.push(Unit {
            scope,
            kind,
            name: name.to_owned(),
            qualname,
            cfg: Cfg::new(),
            consts: ConstTable::default(),
            names: IndexSet::new(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            first_line,
            loc: Location { line: Some(first_line), end_line: Some(first_line), column: None, end_column: None },
            fblocks: Vec::new(),
            private,
        });
        if kind == UnitKind::Module {
            self.unit().loc = Location { line: Some(0), end_line: Some(0), column: None, end_column: None };
        }
        self.emit(Opcode::RESUME, 0);
    }

    fn qualname_for(&self, name: &str, kind: UnitKind) -> String {
        // As CPython 3.12, a type parameter scope does not show in qualified names.
        let Some(parent) = self.units.iter().rev().find(|u| u.kind != UnitKind::TypeParams) else {
            return name.to_owned();
        };
        if parent.kind == UnitKind::Module {
            return name.to_owned();
        }
        if matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class) {
            let mangled = symtable::mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == NameScope::GlobalExplicit {
                return name.to_owned();
            }
        }
        if matches!(parent.kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda | UnitKind::Annotation)
        {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    fn code_flags(&self, unit: &Unit<'_>) -> u32 {
        let scope = &self.table.scopes[unit.scope];
        let mut f = 0;
        if scope.kind == ScopeKind::Function {
            f |= flags::OPTIMIZED | flags::NEWLOCALS;
            if scope.nested {
                f |= flags::NESTED;
            }
            f |= match (scope.generator, scope.coroutine) {
                (true, false) => flags::GENERATOR,
                (false, true) => flags::COROUTINE,
                (true, true) => flags::ASYNC_GENERATOR,
                _ => 0,
            };
            if scope.varargs {
                f |= flags::VARARGS;
            }
            if scope.varkeywords {
                f |= flags::VARKEYWORDS;
            }
        } else if unit.kind == UnitKind::Module && self.top_level_await && scope.coroutine && !scope.generator {
            f |= flags::COROUTINE;
        }
        if self.future_annotations {
            f |= crate::CO_FUTURE_ANNOTATIONS;
        }
        f
    }

    /// Ends the current unit: adds the implicit `return None`, the prologue, assembles.
    pub fn finish_unit(&mut self) -> CResult<CodeObject> {
        if !self.unit_ref().cfg.current_terminated() && self.unit_ref().kind != UnitKind::Lambda {
            self.unset_loc();
            self.return_const(Constant::None);
        }
        let code_flags = self.code_flags(self.unit_ref());
        let Some(mut unit) = self.units.pop() else {
            return Err(CompileErr::internal("no unit to finish"));
        };
        insert_prologue(&mut unit, code_flags);
        let assembled = crate::assemble::assemble(unit.cfg, &mut unit.consts, unit.first_line)
            .map_err(|m| CompileErr::internal(format!("{m} in {}", unit.qualname)))?;
        let mut constants = unit.consts.items;
        trim_constants(&mut constants, &assembled.code, unit.kind);
        let cell2arg = unit
            .cellvars
            .iter()
            .map(|c| unit.varnames.get_index_of(c).filter(|&i| i < self.table.scopes[unit.scope].params.len()))
            .map(|i| i.and_then(|i| u32::try_from(i).ok()))
            .collect();
        let boxed = |set: IndexSet<String>| set.into_iter().map(String::into_boxed_str).collect::<Vec<_>>();
        if constants.len() > u32::MAX as usize / 2 || unit.names.len() > u32::MAX as usize / 2 {
            return Err(CompileErr::internal("too many constants or names"));
        }
        Ok(CodeObject {
            name: unit.name.into_boxed_str(),
            qualname: unit.qualname.into_boxed_str(),
            filename: self.filename.into(),
            first_line: unit.first_line,
            flags: code_flags,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            stacksize: assembled.stacksize,
            code: assembled.code,
            constants,
            names: boxed(unit.names),
            varnames: boxed(unit.varnames),
            cellvars: boxed(unit.cellvars),
            freevars: boxed(unit.freevars),
            cell2arg,
            linetable: assembled.linetable,
            exceptiontable: assembled.exceptiontable,
        })
    }

    // ----- frame blocks -----

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, block: BlockId, exit: BlockId, range: TextRange) -> CResult {
        if self.unit_ref().fblocks.len() >= MAX_FBLOCKS {
            return Err(CompileErr::syntax("too many statically nested blocks", range));
        }
        self.unit().fblocks.push(FBlock { kind, block, exit });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// Emits the code that leaves one frame block early (CPython's `compiler_unwind_fblock`).
    pub fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock),
            FBlockKind::FinallyTry(body) => {
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, NO_BLOCK, NO_BLOCK, TextRange::default())?;
                }
                self.visit_stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FBlockKind::With(loc) | FBlockKind::AsyncWith(loc) => {
                self.unit().loc = loc;
                self.emit_pseudo(Op::PopBlock);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if matches!(info.kind, FBlockKind::AsyncWith(_)) {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.yield_from(true);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_pseudo(Op::PopBlock);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.name_op(n, ast::ExprContext::Store, TextRange::default())?;
                    self.name_op(n, ast::ExprContext::Del, TextRange::default())?;
                }
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks up to (not including) the innermost loop, which is returned when
    /// `stop_at_loop` is set.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.unit_ref().fblocks.last().copied() else {
            return Ok(None);
        };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(CompileErr::syntax(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.unit().fblocks.pop();
        self.unwind_fblock(top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, stop_at_loop, range)?;
        self.unit().fblocks.push(top);
        Ok(found)
    }

    /// `__exit__(None, None, None)` with the exit method on the stack.
    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::CALL, 2);
    }

    /// The `SEND` loop of `yield from` and `await` (the value to send is on the stack).
    pub fn yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_block(start);
        self.jump_op(Opcode::SEND, exit);
        self.use_block(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(Op::JumpNoInterrupt, start);
        self.use_block(exit);
    }

    /// Pops the exception and re-raises (`COPY 3; POP_EXCEPT; RERAISE 1`).
    pub fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }
}

/// `COPY_FREE_VARS`, `MAKE_CELL`s and `RETURN_GENERATOR; POP_TOP` before the body.
fn insert_prologue(unit: &mut Unit<'_>, code_flags: u32) {
    let entry = unit.cfg.order[0];
    let mut prefix = Vec::new();
    let none = Location::default();
    let instr = |op: Opcode, arg: u32, loc: Location| crate::ir::Instr {
        op: Op::Real(op),
        arg,
        target: NO_BLOCK,
        loc,
        handler: None,
    };
    if !unit.freevars.is_empty() {
        prefix.push(instr(Opcode::COPY_FREE_VARS, u32::try_from(unit.freevars.len()).unwrap_or(0), none));
    }
    for i in 0..unit.cellvars.len() {
        prefix.push(instr(Opcode::MAKE_CELL, u32::try_from(i).unwrap_or(0), none));
    }
    if code_flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        let line = Some(unit.first_line);
        let loc = Location { line, end_line: line, column: None, end_column: None };
        prefix.push(instr(Opcode::RETURN_GENERATOR, 0, loc));
        prefix.push(instr(Opcode::POP_TOP, 0, none));
    }
    let block = &mut unit.cfg.blocks[entry];
    block.instrs.splice(0..0, prefix);
}

/// Drops unused constants at the end of the table (keeping a function's first constant,
/// its docstring slot), as CPython 3.11 does.
fn trim_constants(constants: &mut Vec<Constant>, code: &[pyrite_bytecode::CodeUnit], kind: UnitKind) {
    let probe = CodeObject {
        name: "".into(),
        qualname: "".into(),
        filename: "".into(),
        first_line: 0,
        flags: 0,
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 0,
        code: code.to_vec(),
        constants: Vec::new(),
        names: Vec::new(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        cell2arg: Vec::new(),
        linetable: Vec::new(),
        exceptiontable: Vec::new(),
    };
    let mut max_used: Option<usize> = None;
    for instr in probe.instructions() {
        if instr.op.arg_kind() == pyrite_bytecode::ArgKind::Const {
            max_used = Some(max_used.map_or(instr.arg as usize, |m: usize| m.max(instr.arg as usize)));
        }
    }
    let keep_first = matches!(kind, UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda);
    let keep = match (max_used, keep_first) {
        (Some(m), _) => m + 1,
        (None, true) => 1,
        (None, false) => 0,
    };
    constants.truncate(keep.max(usize::from(keep_first)).min(constants.len()));
}
