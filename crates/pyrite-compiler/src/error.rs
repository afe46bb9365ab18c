//! Errors: [`CompileError`] is public; [`CompileErr`] is the internal form that carries a
//! source range until the file name and text are at hand.

use std::fmt;

use pyrite_parser::{SyntaxError, SyntaxErrorKind, TextRange};

/// Why compiling failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// The program is invalid: a `SyntaxError` (or subclass) for the user.
    Syntax(SyntaxError),
    /// A limit was exceeded or Pyrite has a bug. Never caused by a panic.
    Internal(String),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax(e) => write!(f, "{}: {e}", e.kind.name()),
            CompileError::Internal(msg) => write!(f, "internal compiler error: {msg}"),
        }
    }
}

impl std::error::Error for CompileError {}

impl From<SyntaxError> for CompileError {
    fn from(e: SyntaxError) -> Self {
        CompileError::Syntax(e)
    }
}

/// An error before it is tied to a file: message and byte range.
#[derive(Clone, Debug)]
pub(crate) struct CompileErr {
    pub internal: bool,
    pub msg: String,
    pub range: TextRange,
}

impl CompileErr {
    /// A `SyntaxError` at `range`.
    pub fn syntax(msg: impl Into<String>, range: TextRange) -> CompileErr {
        CompileErr { internal: false, msg: msg.into(), range }
    }

    /// A limit or a compiler bug.
    pub fn internal(msg: impl Into<String>) -> CompileErr {
        CompileErr { internal: true, msg: msg.into(), range: TextRange::default() }
    }

    /// Attaches the file name and source text.
    pub fn into_public(self, filename: &str, source: &str) -> CompileError {
        if self.internal {
            CompileError::Internal(self.msg)
        } else {
            CompileError::Syntax(SyntaxError::new(SyntaxErrorKind::SyntaxError, self.msg, filename, source, self.range))
        }
    }
}
