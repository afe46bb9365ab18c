//! Source decoding and parsing for Pyrite: bytes in, an AST or a CPython-style
//! `SyntaxError` out.
//!
//! The grammar comes from ruff's parser (`ruff_python_parser`), which accepts Python 3.12
//! syntax (a superset of 3.11, Pyrite's target). Ruff's crates call themselves internal and
//! change often, so they stay behind this small API: the compiler sees the AST types
//! re-exported as [`ast`], text positions ([`TextRange`], [`TextSize`]), and [`SyntaxError`],
//! whose messages and locations follow CPython 3.11's for the common mistakes. This crate
//! must never depend on the rest of Pyrite, and parsing must never panic on any input.
//!
//! Errors that need scopes (`'return' outside function`, `nonlocal` at module level, ...)
//! belong to the compiler, which builds them with [`SyntaxError::new`].

mod charmaps;
mod decode;
mod error;
mod lines;
mod messages;
mod numbers;
mod scan;
mod targets;

pub use ruff_python_ast as ast;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

pub use crate::decode::decode_source;
pub use crate::error::{SyntaxError, SyntaxErrorKind};
pub use crate::lines::LineIndex;

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{ParseOptions, parse_unchecked};

use crate::messages::Ctx;

/// What the source is expected to contain, as `compile()`'s `mode` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: any number of statements (`'exec'`).
    Exec,
    /// A single expression (`'eval'`).
    Eval,
    /// One interactive statement, as the REPL reads it (`'single'`).
    Single,
}

/// A parsed source: a module for [`Mode::Exec`] and [`Mode::Single`], an expression for
/// [`Mode::Eval`].
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// The statements of a module or interactive statement.
    Module(ast::ModModule),
    /// The body of an `eval` source.
    Expression(ast::ModExpression),
}

/// The Python version whose syntax the parser accepts: 3.12, a superset of 3.11.
const TARGET_VERSION: PythonVersion = PythonVersion::PY312;

/// Parses decoded source text.
///
/// # Errors
///
/// The `SyntaxError` (or `IndentationError`/`TabError`) CPython 3.11 would raise for the
/// first problem in the source.
pub fn parse(source: &str, mode: Mode, filename: &str) -> Result<Parsed, SyntaxError> {
    let ruff_mode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(TARGET_VERSION);
    let parsed = parse_unchecked(source, options);
    let ctx = Ctx { source, filename, index: LineIndex::new(source) };
    if let Some(err) =
        messages::select(&ctx, parsed.syntax(), parsed.tokens(), parsed.errors(), parsed.unsupported_syntax_errors())
    {
        return Err(err);
    }
    match parsed.into_syntax() {
        Mod::Module(module) => {
            if mode == Mode::Single {
                check_single(&ctx, &module)?;
            }
            Ok(Parsed::Module(module))
        }
        Mod::Expression(expression) => Ok(Parsed::Expression(expression)),
    }
}

/// `'single'` accepts one statement, or several simple ones on one line (`a = 1; b = 2`).
fn check_single(ctx: &Ctx<'_>, module: &ast::ModModule) -> Result<(), SyntaxError> {
    for pair in module.body.windows(2) {
        let between = &ctx.source[usize::from(pair[0].end())..usize::from(pair[1].start())];
        if between.contains(['\n', '\r']) {
            return Err(ctx.error(
                SyntaxErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement".to_owned(),
                pair[1].range(),
            ));
        }
    }
    Ok(())
}

/// Decodes source bytes ([`decode_source`]) and parses them ([`parse`]), returning the
/// decoded text with the tree since locations refer to it.
///
/// # Errors
///
/// A decoding or syntax error, as CPython would raise it.
pub fn parse_bytes(bytes: &[u8], mode: Mode, filename: &str) -> Result<(String, Parsed), SyntaxError> {
    let source = decode_source(bytes, filename)?;
    let parsed = parse(&source, mode, filename)?;
    Ok((source, parsed))
}
