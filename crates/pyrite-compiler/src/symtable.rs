//! Symbol tables: which scope every name belongs to.
//!
//! A first pass over the AST builds one [`Scope`] per module, class, function, lambda and
//! comprehension, recording how each name is used there (assigned, a parameter, declared
//! `global`/`nonlocal`, read, imported, annotated). A second pass resolves every name to
//! local, global (explicit or implicit), free or cell exactly as CPython 3.11's
//! `symtable.c` does, including the implicit `__class__` cell of classes whose methods use
//! `super()` or `__class__`, and walrus targets in comprehensions binding in the enclosing
//! function. Errors are CPython's `SyntaxError` messages at the offending node.
//!
//! This module never generates code.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use pyrite_parser::ast::{self, Expr, Stmt};
use pyrite_parser::{Ranged, TextRange};

use crate::error::CompileErr;

/// Name flags (CPython's `DEF_*`).
pub(crate) mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 64;
    pub const IMPORT: u32 = 128;
    pub const ANNOT: u32 = 256;
    pub const COMP_ITER: u32 = 512;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
    /// Not recorded in the table (the compiler falls back to name lookups).
    Unknown,
}

/// The kind of block a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    /// Functions, lambdas and comprehensions.
    Function,
}

/// Index into [`SymbolTable::scopes`].
pub(crate) type ScopeId = usize;

/// One scope's symbols and properties.
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: IndexMap<String, u32>,
    pub resolved: HashMap<String, NameScope>,
    /// Parameters in CPython's order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub nested: bool,
    pub needs_class_closure: bool,
    /// Class name used for private name mangling.
    pub private: Option<String>,
    directives: HashMap<String, TextRange>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, nested: bool, private: Option<String>) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            symbols: IndexMap::new(),
            resolved: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            generator: false,
            coroutine: false,
            comprehension: false,
            varargs: false,
            varkeywords: false,
            nested,
            needs_class_closure: false,
            private,
            directives: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The resolved scope of `name` (already mangled).
    pub fn scope_of(&self, name: &str) -> NameScope {
        self.resolved.get(name).copied().unwrap_or(NameScope::Unknown)
    }

    /// Cell variables, sorted, with `__class__` for classes that need it.
    pub fn cellvars(&self) -> Vec<String> {
        let mut cells: Vec<String> =
            self.resolved.iter().filter(|(_, s)| **s == NameScope::Cell).map(|(n, _)| n.clone()).collect();
        cells.sort();
        if self.needs_class_closure {
            cells.push("__class__".into());
        }
        cells
    }

    /// Free variables, sorted (including class-level names also free in methods).
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .resolved
            .iter()
            .filter(|(n, s)| **s == NameScope::Free || self.symbols.get(*n).is_some_and(|f| f & def::FREE_CLASS != 0))
            .map(|(n, _)| n.clone())
            .collect();
        free.sort();
        free
    }
}

/// All scopes of a module, and which AST node opened each.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// The scope opened by the node at `key` (see [`node_key`]).
    pub fn scope_for(&self, key: usize) -> Option<ScopeId> {
        self.by_node.get(&key).copied()
    }
}

/// Identity of an AST node for scope lookup: its address (the AST is not moved while
/// compiling).
pub(crate) fn node_key<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

/// Builds and analyzes the symbol table of a module or expression.
pub(crate) fn build(body: &[Stmt], expr: Option<&Expr>, future_annotations: bool) -> Result<SymbolTable, CompileErr> {
    let mut builder = Builder {
        table: SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, "top", false, None)], by_node: HashMap::new() },
        stack: vec![0],
        future_annotations,
    };
    for stmt in body {
        builder.visit_stmt(stmt)?;
    }
    if let Some(e) = expr {
        builder.visit_expr(e)?;
    }
    let mut table = builder.table;
    analyze(&mut table)?;
    Ok(table)
}

struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    future_annotations: bool,
}

fn err(msg: impl Into<String>, range: TextRange) -> CompileErr {
    CompileErr::syntax(msg, range)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap_or(&0);
        &mut self.table.scopes[id]
    }

    fn cur_ref(&self) -> &Scope {
        &self.table.scopes[*self.stack.last().unwrap_or(&0)]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize) {
        let parent = self.cur_ref();
        let nested = parent.nested || parent.kind == ScopeKind::Function;
        let private = if kind == ScopeKind::Class { Some(name.to_owned()) } else { parent.private.clone() };
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, nested, private));
        self.cur().children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> Result<(), CompileErr> {
        let id = *self.stack.last().unwrap_or(&0);
        self.add_def_in(id, name, flag, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, mut flag: u32, range: TextRange) -> Result<(), CompileErr> {
        let scope = &mut self.table.scopes[id];
        let name = mangle(scope.private.as_deref(), name);
        let old = scope.symbols.get(&name).copied().unwrap_or(0);
        if flag & def::PARAM != 0 && old & def::PARAM != 0 {
            return Err(err(format!("duplicate argument '{name}' in function definition"), range));
        }
        if flag & def::LOCAL != 0 && scope.comp_iter_target {
            flag |= def::COMP_ITER;
            if old & def::NONLOCAL != 0 || old & def::GLOBAL != 0 {
                // CPython rejects rebinding a walrus target as an iteration variable.
                return Err(err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
        }
        scope.symbols.insert(name.clone(), old | flag);
        if flag & def::PARAM != 0 {
            scope.params.push(name);
        } else if flag & def::GLOBAL != 0 && id != 0 {
            // As CPython's `st_global`: a `global` declaration in any scope also marks the
            // name global in the module, whose code then uses `STORE_GLOBAL`/`LOAD_GLOBAL`.
            *self.table.scopes[0].symbols.entry(name).or_insert(0) |= def::GLOBAL;
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        let scope = self.cur_ref();
        scope.symbols.get(&mangle(scope.private.as_deref(), name)).copied().unwrap_or(0)
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), CompileErr> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>) -> Result<(), CompileErr> {
        exprs.into_iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_annotation(&mut self, annotation: Option<&Expr>) -> Result<(), CompileErr> {
        match annotation {
            Some(a) if !self.future_annotations => self.visit_expr(a),
            _ => Ok(()),
        }
    }

    fn visit_params_defaults(&mut self, params: &ast::Parameters) -> Result<(), CompileErr> {
        for p in params.posonlyargs.iter().chain(&params.args).chain(&params.kwonlyargs) {
            if let Some(d) = &p.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_params_annotations(&mut self, params: &ast::Parameters) -> Result<(), CompileErr> {
        for p in params.posonlyargs.iter().chain(&params.args) {
            self.visit_annotation(p.parameter.annotation.as_deref())?;
        }
        if let Some(v) = &params.vararg {
            self.visit_annotation(v.annotation.as_deref())?;
        }
        for p in &params.kwonlyargs {
            self.visit_annotation(p.parameter.annotation.as_deref())?;
        }
        if let Some(k) = &params.kwarg {
            self.visit_annotation(k.annotation.as_deref())?;
        }
        Ok(())
    }

    fn add_params(&mut self, params: &ast::Parameters) -> Result<(), CompileErr> {
        for p in params.posonlyargs.iter().chain(&params.args).chain(&params.kwonlyargs) {
            self.add_def(&p.parameter.name, def::PARAM, p.parameter.name.range)?;
        }
        if let Some(v) = &params.vararg {
            self.add_def(&v.name, def::PARAM, v.name.range)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &params.kwarg {
            self.add_def(&k.name, def::PARAM, k.name.range)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), CompileErr> {
        match stmt {
            Stmt::FunctionDef(f) => self.visit_function_def(f),
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, def::LOCAL, c.name.range)?;
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if let Some(tp) = &c.type_params {
                    self.enter_type_params(&format!("<generic parameters of {}>", c.name), tp)?;
                    self.add_def(".type_params", def::LOCAL, tp.range)?;
                    self.add_def(".generic_base", def::LOCAL, tp.range)?;
                }
                if let Some(args) = &c.arguments {
                    self.visit_exprs(args.args.iter())?;
                    for k in &args.keywords {
                        self.visit_expr(&k.value)?;
                    }
                }
                self.enter(ScopeKind::Class, &c.name, node_key(c));
                if let Some(tp) = &c.type_params {
                    self.add_def(".type_params", def::USE, tp.range)?;
                }
                self.visit_body(&c.body)?;
                self.exit();
                if c.type_params.is_some() {
                    self.exit();
                }
                Ok(())
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
                Ok(())
            }
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::TypeAlias(t) => {
                let Expr::Name(name) = t.name.as_ref() else { return Err(err("invalid syntax", t.name.range())) };
                self.add_def(&name.id, def::LOCAL, name.range)?;
                if let Some(tp) = &t.type_params {
                    self.enter_type_params(&format!("<generic parameters of {}>", name.id), tp)?;
                }
                self.enter_annotation_scope(&name.id, &t.value)?;
                if t.type_params.is_some() {
                    self.exit();
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.visit_exprs(&a.targets)?;
                self.visit_expr(&a.value)
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.visit_ann_assign(a),
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&clause.body)?;
                }
                Ok(())
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
                Ok(())
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, def::LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
                Ok(())
            }
            Stmt::Import(i) => {
                if i.is_lazy {
                    return Err(err("lazy imports are not supported", i.range));
                }
                self.visit_aliases(&i.names)
            }
            Stmt::ImportFrom(i) => {
                if i.is_lazy {
                    return Err(err("lazy imports are not supported", i.range));
                }
                self.visit_aliases(&i.names)
            }
            Stmt::Global(g) => self.visit_directive(&g.names, g.range, true),
            Stmt::Nonlocal(n) => {
                if self.cur_ref().kind == ScopeKind::Module {
                    return Err(err("nonlocal declaration not allowed at module level", n.range));
                }
                self.visit_directive(&n.names, n.range, false)
            }
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => Ok(()),
            Stmt::IpyEscapeCommand(i) => Err(err("invalid syntax", i.range)),
        }
    }

    /// Opens the annotation scope of a type parameter list (PEP 695) and defines the
    /// parameters in it; the caller exits it.
    fn enter_type_params(&mut self, name: &str, tp: &ast::TypeParams) -> Result<(), CompileErr> {
        self.enter(ScopeKind::Function, name, node_key(tp));
        for param in &tp.type_params {
            let (name, default) = match param {
                ast::TypeParam::TypeVar(t) => (&t.name, t.default.as_deref()),
                ast::TypeParam::ParamSpec(p) => (&p.name, p.default.as_deref()),
                ast::TypeParam::TypeVarTuple(t) => (&t.name, t.default.as_deref()),
            };
            if let Some(default) = default {
                return Err(err("type parameter defaults are not supported (Python 3.12)", default.range()));
            }
            if self.cur_ref().symbols.get(name.as_str()).is_some_and(|f| f & def::LOCAL != 0) {
                return Err(err(format!("duplicate type parameter '{name}'"), name.range));
            }
            self.add_def(name, def::LOCAL, name.range)?;
            if let ast::TypeParam::TypeVar(t) = param
                && let Some(bound) = &t.bound
            {
                self.enter_annotation_scope(name, bound)?;
            }
        }
        Ok(())
    }

    /// A lazily evaluated expression (a type alias's value, a type variable's bound): a
    /// function scope of its own, keyed by the expression.
    fn enter_annotation_scope(&mut self, name: &str, value: &Expr) -> Result<(), CompileErr> {
        self.enter(ScopeKind::Function, name, node_key(value));
        self.visit_expr(value)?;
        self.exit();
        Ok(())
    }

    fn visit_function_def(&mut self, f: &ast::StmtFunctionDef) -> Result<(), CompileErr> {
        self.add_def(&f.name, def::LOCAL, f.name.range)?;
        self.visit_params_defaults(&f.parameters)?;
        for d in &f.decorator_list {
            self.visit_expr(&d.expression)?;
        }
        if let Some(tp) = &f.type_params {
            self.enter_type_params(&format!("<generic parameters of {}>", f.name), tp)?;
            let params = &f.parameters;
            if params.posonlyargs.iter().chain(&params.args).any(|p| p.default.is_some()) {
                self.add_def(".defaults", def::PARAM, tp.range)?;
            }
            if params.kwonlyargs.iter().any(|p| p.default.is_some()) {
                self.add_def(".kwdefaults", def::PARAM, tp.range)?;
            }
        }
        self.visit_params_annotations(&f.parameters)?;
        self.visit_annotation(f.returns.as_deref())?;
        self.enter(ScopeKind::Function, &f.name, node_key(f));
        if f.is_async {
            self.cur().coroutine = true;
        }
        self.add_params(&f.parameters)?;
        self.visit_body(&f.body)?;
        self.exit();
        if f.type_params.is_some() {
            self.exit();
        }
        Ok(())
    }

    fn visit_ann_assign(&mut self, a: &ast::StmtAnnAssign) -> Result<(), CompileErr> {
        if let Expr::Name(n) = a.target.as_ref() {
            let cur = self.lookup(&n.id);
            if cur & (def::GLOBAL | def::NONLOCAL) != 0 && self.cur_ref().kind != ScopeKind::Module && a.simple {
                let which = if cur & def::GLOBAL != 0 { "global" } else { "nonlocal" };
                return Err(err(format!("annotated name '{}' can't be {which}", n.id), n.range));
            }
            if a.simple {
                self.add_def(&n.id, def::ANNOT | def::LOCAL, n.range)?;
            } else if a.value.is_some() {
                self.add_def(&n.id, def::LOCAL, n.range)?;
            }
        } else {
            self.visit_expr(&a.target)?;
        }
        self.visit_annotation(Some(&a.annotation))?;
        if let Some(v) = &a.value {
            self.visit_expr(v)?;
        }
        Ok(())
    }

    fn visit_aliases(&mut self, names: &[ast::Alias]) -> Result<(), CompileErr> {
        for alias in names {
            if alias.name.as_str() == "*" {
                if self.cur_ref().kind != ScopeKind::Module {
                    return Err(err("import * only allowed at module level", alias.range));
                }
                continue;
            }
            let stored = match &alias.asname {
                Some(a) => a.as_str(),
                None => alias.name.as_str().split('.').next().unwrap_or(""),
            };
            self.add_def(stored, def::IMPORT, alias.range)?;
        }
        Ok(())
    }

    fn visit_directive(&mut self, names: &[ast::Identifier], range: TextRange, global: bool) -> Result<(), CompileErr> {
        let word = if global { "global" } else { "nonlocal" };
        for name in names {
            let cur = self.lookup(name);
            if cur & (def::PARAM | def::LOCAL | def::USE | def::ANNOT) != 0 {
                let msg = if cur & def::PARAM != 0 {
                    format!("name '{name}' is parameter and {word}")
                } else if cur & def::USE != 0 {
                    format!("name '{name}' is used prior to {word} declaration")
                } else if cur & def::ANNOT != 0 {
                    format!("annotated name '{name}' can't be {word}")
                } else {
                    format!("name '{name}' is assigned to before {word} declaration")
                };
                return Err(err(msg, range));
            }
            self.add_def(name, if global { def::GLOBAL } else { def::NONLOCAL }, range)?;
            let scope = self.cur();
            let mangled = mangle(scope.private.as_deref(), name);
            scope.directives.entry(mangled).or_insert(range);
        }
        Ok(())
    }

    fn visit_pattern(&mut self, pattern: &ast::Pattern) -> Result<(), CompileErr> {
        use ast::Pattern as P;
        match pattern {
            P::MatchValue(v) => self.visit_expr(&v.value),
            P::MatchSingleton(_) => Ok(()),
            P::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
            P::MatchMapping(m) => {
                self.visit_exprs(m.keys.iter())?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(r) = &m.rest {
                    self.add_def(r, def::LOCAL, r.range)?;
                }
                Ok(())
            }
            P::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.arguments.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                c.arguments.keywords.iter().try_for_each(|k| self.visit_pattern(&k.pattern))
            }
            P::MatchStar(s) => match &s.name {
                Some(n) => self.add_def(n, def::LOCAL, n.range),
                None => Ok(()),
            },
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                match &a.name {
                    Some(n) => self.add_def(n, def::LOCAL, n.range),
                    None => Ok(()),
                }
            }
            P::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p)),
        }
    }

    fn visit_expr(&mut self, expr: &Expr) -> Result<(), CompileErr> {
        match expr {
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::Named(n) => self.visit_named(n),
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_params_defaults(p)?;
                }
                self.enter(ScopeKind::Function, "lambda", node_key(expr));
                if let Some(p) = &l.parameters {
                    self.add_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
                Ok(())
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
                Ok(())
            }
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::ListComp(c) => self.visit_comprehension(expr, "listcomp", &c.generators, &c.elt, None, false),
            Expr::SetComp(c) => self.visit_comprehension(expr, "setcomp", &c.generators, &c.elt, None, false),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.visit_comprehension(expr, "dictcomp", &c.generators, k, Some(&c.value), false),
                None => Err(err("dict unpacking cannot be used in dict comprehension", c.range)),
            },
            Expr::Generator(g) => self.visit_comprehension(expr, "genexpr", &g.generators, &g.elt, None, true),
            Expr::Await(a) => {
                self.visit_expr(&a.value)?;
                self.cur().coroutine = true;
                Ok(())
            }
            Expr::Yield(y) => {
                self.check_yield_in_comprehension(y.range)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                Ok(())
            }
            Expr::YieldFrom(y) => {
                self.check_yield_in_comprehension(y.range)?;
                self.visit_expr(&y.value)?;
                self.cur().generator = true;
                Ok(())
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                self.visit_exprs(c.comparators.iter())
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                self.visit_exprs(c.arguments.args.iter())?;
                c.arguments.keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
            }
            Expr::FString(f) => {
                for element in f.value.elements() {
                    self.visit_fstring_element(element)?;
                }
                Ok(())
            }
            Expr::TString(t) => Err(err("template strings are not supported (Python 3.11)", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => Ok(()),
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)
            }
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Name(n) => self.visit_name(n),
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
                Ok(())
            }
            Expr::IpyEscapeCommand(i) => Err(err("invalid syntax", i.range)),
        }
    }

    fn visit_fstring_element(&mut self, element: &ast::InterpolatedStringElement) -> Result<(), CompileErr> {
        if let ast::InterpolatedStringElement::Interpolation(i) = element {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for e in spec.elements.iter() {
                    self.visit_fstring_element(e)?;
                }
            }
        }
        Ok(())
    }

    fn visit_name(&mut self, n: &ast::ExprName) -> Result<(), CompileErr> {
        match n.ctx {
            ast::ExprContext::Load => {
                self.add_def(&n.id, def::USE, n.range)?;
                if n.id.as_str() == "super" && self.cur_ref().kind == ScopeKind::Function {
                    self.add_def("__class__", def::USE, n.range)?;
                }
                Ok(())
            }
            _ => self.add_def(&n.id, def::LOCAL, n.range),
        }
    }

    fn check_yield_in_comprehension(&self, range: TextRange) -> Result<(), CompileErr> {
        let scope = self.cur_ref();
        if scope.comprehension {
            let what = match scope.name.as_str() {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            return Err(err(format!("'yield' inside {what}"), range));
        }
        Ok(())
    }

    fn visit_named(&mut self, n: &ast::ExprNamed) -> Result<(), CompileErr> {
        if self.cur_ref().comp_iter_expr > 0 {
            return Err(err("assignment expression cannot be used in a comprehension iterable expression", n.range));
        }
        let Expr::Name(target) = n.target.as_ref() else {
            return Err(err("cannot use assignment expressions with this target", n.target.range_of()));
        };
        if self.cur_ref().comprehension {
            self.extend_named_scope(target)?;
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    fn extend_named_scope(&mut self, target: &ast::ExprName) -> Result<(), CompileErr> {
        let name = target.id.as_str();
        for depth in (0..self.stack.len()).rev() {
            let id = self.stack[depth];
            let scope = &self.table.scopes[id];
            if scope.comprehension {
                if scope.symbols.get(name).is_some_and(|f| f & def::COMP_ITER != 0) {
                    return Err(err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        target.range,
                    ));
                }
                continue;
            }
            match scope.kind {
                ScopeKind::Function => {
                    let global = scope.symbols.get(name).is_some_and(|f| f & def::GLOBAL != 0);
                    self.add_def(name, if global { def::GLOBAL } else { def::NONLOCAL }, target.range)?;
                    self.cur().directives.entry(name.to_owned()).or_insert(target.range);
                    return self.add_def_in(id, name, def::LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, def::GLOBAL, target.range)?;
                    self.cur().directives.entry(name.to_owned()).or_insert(target.range);
                    return self.add_def_in(id, name, def::GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    ));
                }
            }
        }
        Ok(())
    }

    fn visit_comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        is_generator: bool,
    ) -> Result<(), CompileErr> {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(ScopeKind::Function, name, node_key(node));
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        self.cur().comprehension = true;
        if is_generator {
            self.cur().generator = true;
        }
        self.add_def(".0", def::PARAM, outermost.range)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for generator in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&generator.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&generator.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.visit_exprs(&generator.ifs)?;
            if generator.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.cur().generator = is_generator;
        let is_async = self.cur_ref().coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}

/// Gives `range()` to any node via ruff's `Ranged`.
trait RangeOf {
    fn range_of(&self) -> TextRange;
}

impl<T: pyrite_parser::Ranged> RangeOf for T {
    fn range_of(&self) -> TextRange {
        self.range()
    }
}

fn analyze(table: &mut SymbolTable) -> Result<(), CompileErr> {
    let mut free = HashSet::new();
    analyze_block(table, 0, None, &HashSet::new(), &mut free)
}

struct Sets {
    local: HashSet<String>,
    global: HashSet<String>,
}

fn analyze_name(
    scope: &mut Scope,
    name: &str,
    flags: u32,
    bound: Option<&HashSet<String>>,
    sets: &mut Sets,
    free: &mut HashSet<String>,
) -> Result<NameScope, CompileErr> {
    let range = scope.directives.get(name).copied().unwrap_or_default();
    if flags & def::GLOBAL != 0 {
        if flags & def::NONLOCAL != 0 {
            return Err(err(format!("name '{name}' is nonlocal and global"), range));
        }
        sets.global.insert(name.to_owned());
        return Ok(NameScope::GlobalExplicit);
    }
    if flags & def::NONLOCAL != 0 {
        let Some(bound) = bound else {
            return Err(err("nonlocal declaration not allowed at module level", range));
        };
        if !bound.contains(name) {
            return Err(err(format!("no binding for nonlocal '{name}' found"), range));
        }
        free.insert(name.to_owned());
        return Ok(NameScope::Free);
    }
    if flags & def::BOUND != 0 {
        sets.local.insert(name.to_owned());
        sets.global.remove(name);
        return Ok(NameScope::Local);
    }
    if bound.is_some_and(|b| b.contains(name)) {
        free.insert(name.to_owned());
        return Ok(NameScope::Free);
    }
    Ok(NameScope::GlobalImplicit)
}

fn analyze_block(
    table: &mut SymbolTable,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    global: &HashSet<String>,
    free: &mut HashSet<String>,
) -> Result<(), CompileErr> {
    let kind = table.scopes[id].kind;
    let mut sets = Sets { local: HashSet::new(), global: global.clone() };
    let mut new_bound: HashSet<String> = HashSet::new();
    let mut new_global: HashSet<String> = HashSet::new();
    let mut new_free: HashSet<String> = HashSet::new();
    if kind == ScopeKind::Class {
        new_global.extend(global.iter().cloned());
        if let Some(b) = bound {
            new_bound.extend(b.iter().cloned());
        }
    }
    // Names explicitly bound in an enclosing block are removed when declared global here.
    let mut bound_copy = bound.cloned();
    let symbols: Vec<(String, u32)> = table.scopes[id].symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
    for (name, flags) in &symbols {
        let scope = &mut table.scopes[id];
        let s = analyze_name(scope, name, *flags, bound_copy.as_ref(), &mut sets, &mut new_free)?;
        if s == NameScope::GlobalExplicit
            && let Some(b) = bound_copy.as_mut()
        {
            b.remove(name);
        }
        scope.resolved.insert(name.clone(), s);
    }
    if kind == ScopeKind::Class {
        new_bound.insert("__class__".into());
    } else {
        if kind == ScopeKind::Function {
            new_bound.extend(sets.local.iter().cloned());
        }
        if let Some(b) = &bound_copy {
            new_bound.extend(b.iter().cloned());
        }
        new_global.extend(sets.global.iter().cloned());
    }
    let mut all_free = HashSet::new();
    for child in table.scopes[id].children.clone() {
        let mut child_free = HashSet::new();
        analyze_block(table, child, Some(&new_bound), &new_global, &mut child_free)?;
        all_free.extend(child_free);
    }
    new_free.extend(all_free);
    let scope = &mut table.scopes[id];
    if kind == ScopeKind::Function {
        for (name, s) in &mut scope.resolved {
            if *s == NameScope::Local && new_free.contains(name) {
                *s = NameScope::Cell;
                new_free.remove(name);
            }
        }
    } else if kind == ScopeKind::Class && new_free.remove("__class__") {
        scope.needs_class_closure = true;
    }
    for name in &new_free {
        if let Some(flags) = scope.symbols.get_mut(name) {
            if kind == ScopeKind::Class && *flags & (def::BOUND | def::GLOBAL) != 0 {
                *flags |= def::FREE_CLASS;
            }
            continue;
        }
        if bound_copy.as_ref().is_some_and(|b| !b.contains(name)) {
            continue;
        }
        if bound_copy.is_none() {
            continue;
        }
        scope.symbols.insert(name.clone(), 0);
        scope.resolved.insert(name.clone(), NameScope::Free);
    }
    free.extend(new_free);
    Ok(())
}
