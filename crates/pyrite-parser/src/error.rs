//! The `SyntaxError` value handed to the compiler and, through it, to Python code.
//!
//! It carries exactly what CPython's `SyntaxError` exposes: message, file name, 1-based line
//! and character offset (start and end) and the offending line's text. It never refers to
//! ruff's error types, so the parser dependency stays private.

use std::fmt;

use ruff_text_size::{TextRange, TextSize};

use crate::lines::LineIndex;

/// Which built-in exception class a [`SyntaxError`] becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError`, a subclass of `SyntaxError`.
    IndentationError,
    /// `TabError`, a subclass of `IndentationError`.
    TabError,
}

impl SyntaxErrorKind {
    /// The Python class name: `"SyntaxError"`, `"IndentationError"` or `"TabError"`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::SyntaxError => "SyntaxError",
            Self::IndentationError => "IndentationError",
            Self::TabError => "TabError",
        }
    }
}

/// A syntax error located in a source text, with CPython's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Which exception class to raise.
    pub kind: SyntaxErrorKind,
    /// The message, e.g. `"invalid syntax"`.
    pub msg: String,
    /// The file name as given to the parser (`"<string>"` for `compile()` sources).
    pub filename: String,
    /// 1-based line of the start; 0 when the error has no location (encoding problems).
    pub lineno: usize,
    /// 1-based column of the start, counted in characters; 0 when unknown.
    pub offset: usize,
    /// 1-based line of the end.
    pub end_lineno: usize,
    /// 1-based column just past the end, counted in characters.
    pub end_offset: usize,
    /// The offending source line, with its trailing newline when the source has one.
    pub text: Option<String>,
}

impl SyntaxError {
    /// Builds an error located at the byte `range` of `source`: line, character offsets and
    /// the line's text are filled in. Out-of-range offsets are clamped to the source.
    #[must_use]
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, filename: &str, source: &str, range: TextRange) -> Self {
        Self::with_index(kind, msg.into(), filename, source, &LineIndex::new(source), range)
    }

    /// Like [`SyntaxError::new`], reusing a [`LineIndex`] built for `source`.
    #[must_use]
    pub fn with_index(
        kind: SyntaxErrorKind,
        msg: String,
        filename: &str,
        source: &str,
        index: &LineIndex,
        range: TextRange,
    ) -> Self {
        let (lineno, offset) = char_position(source, index, range.start());
        let (end_lineno, end_offset) = char_position(source, index, range.end());
        let text = index.line_text_with_newline(source, lineno);
        Self {
            kind,
            msg,
            filename: filename.to_owned(),
            lineno: lineno as usize,
            offset,
            end_lineno: end_lineno as usize,
            end_offset,
            text: Some(text.to_owned()),
        }
    }

    /// An error with no position, as CPython raises for encoding problems (line 0).
    #[must_use]
    pub fn without_location(kind: SyntaxErrorKind, msg: impl Into<String>, filename: &str) -> Self {
        Self {
            kind,
            msg: msg.into(),
            filename: filename.to_owned(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }
    }
}

/// 1-based line and 1-based character column of a byte offset.
pub(crate) fn char_position(source: &str, index: &LineIndex, offset: TextSize) -> (u32, usize) {
    let (line, col) = index.line_col(offset);
    let line_start = usize::from(index.line_start(line));
    let end = (line_start + col as usize).min(source.len());
    let chars = source.get(line_start..end).map_or(col as usize, |prefix| prefix.chars().count());
    (line, chars + 1)
}

impl fmt::Display for SyntaxError {
    /// Formats as CPython's `str(SyntaxError)`: `"invalid syntax (x.py, line 1)"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = std::path::Path::new(&self.filename)
            .file_name()
            .map_or(self.filename.as_str(), |n| n.to_str().unwrap_or(&self.filename));
        if self.filename.is_empty() {
            write!(f, "{} (line {})", self.msg, self.lineno)
        } else {
            write!(f, "{} ({name}, line {})", self.msg, self.lineno)
        }
    }
}

impl std::error::Error for SyntaxError {}
