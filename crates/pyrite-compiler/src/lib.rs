//! Pyrite's compiler: Python source → [`CodeObject`].
//!
//! [`compile`] parses the source with `pyrite-parser`, builds the symbol tables
//! ([`symtable`]), generates a control-flow graph per code object ([`codegen`]), and lays
//! each graph out as bytecode ([`assemble`]). The generated code follows CPython 3.11's
//! compiler, with the differences imposed by Pyrite's opcode table (no `PRECALL`,
//! `LOAD_ATTR` with the method bit instead of `LOAD_METHOD`, `RETURN_CONST`,
//! `BINARY_SLICE`/`STORE_SLICE`, `CALL_INTRINSIC_1`, forward-only conditional jumps,
//! deref indexes into `cellvars ++ freevars`).
//!
//! This crate never runs code and never panics on any parsed input: invalid programs give
//! [`CompileError::Syntax`], limits and internal bugs [`CompileError::Internal`].

mod assemble;
mod codegen;
mod consts;
mod error;
mod fold;
mod ir;
mod symtable;
mod unparse;

pub use error::CompileError;
pub use pyrite_bytecode::CodeObject;
pub use pyrite_parser::{Mode, SyntaxError, SyntaxErrorKind};

/// `co_flags` bit of code compiled under `from __future__ import annotations`
/// (CPython's `CO_FUTURE_ANNOTATIONS`), so `compile()` can inherit it.
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x0100_0000;

/// Options beyond source, file name and mode.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// Compile as if `from __future__ import annotations` were in effect (inherited by
    /// `compile()` from the calling code unless `dont_inherit`).
    pub future_annotations: bool,
    /// Allow `await`, `async for` and `async with` at the top level
    /// (`PyCF_ALLOW_TOP_LEVEL_AWAIT`); the code object then gets `CO_COROUTINE` if used.
    pub top_level_await: bool,
}

/// Compiles `source` (named `filename` in tracebacks) in the given mode:
/// `Exec` for modules, `Eval` for one expression whose value is returned, `Single` for an
/// interactive statement whose expression values are printed.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    compile_with(source, filename, mode, &CompileOptions::default())
}

/// [`compile`] with [`CompileOptions`].
pub fn compile_with(
    source: &str,
    filename: &str,
    mode: Mode,
    options: &CompileOptions,
) -> Result<CodeObject, CompileError> {
    let parsed = pyrite_parser::parse(source, mode, filename)?;
    codegen::compile_module(&parsed, source, filename, matches!(mode, Mode::Single), options)
}
