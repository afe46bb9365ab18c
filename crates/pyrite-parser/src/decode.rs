//! Source decoding as CPython's tokenizer does it (PEP 263, PEP 3120).
//!
//! UTF-8 is the default; a UTF-8 byte order mark is honoured and removed; a coding
//! declaration in a comment on line 1 or 2 selects another encoding. Only the encodings
//! Python programs actually declare are supported: UTF-8, Latin-1 and ASCII (with their
//! common aliases). Anything else is reported as CPython reports an unknown codec.

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lines::LineIndex;
use ruff_text_size::{TextRange, TextSize};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// An encoding the decoder supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

impl Encoding {
    /// The name CPython's tokenizer shows in messages.
    fn display_name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Latin1 => "iso-8859-1",
            Self::Ascii => "ascii",
        }
    }

    /// Looks a declared name up the way `codecs.lookup` normalizes it.
    fn lookup(name: &str) -> Option<Self> {
        let normalized = name.to_ascii_lowercase().replace('_', "-");
        match normalized.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Self::Utf8),
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100"
            | "iso-latin-1" | "iso-8859-1:1987" | "iso8859" => Some(Self::Latin1),
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "ansi-x3.4-1986" | "cp367" | "csascii"
            | "ibm367" | "iso646-us" | "iso-ir-6" => Some(Self::Ascii),
            // CPython's tokenizer maps "utf-8-*" and "latin-1-*" spellings itself.
            n if n.starts_with("utf-8-") => Some(Self::Utf8),
            n if n.starts_with("latin-1-") || n.starts_with("iso-8859-1-") => Some(Self::Latin1),
            _ => None,
        }
    }
}

/// Decodes source bytes as CPython does before tokenizing.
///
/// # Errors
///
/// A `SyntaxError` for an unknown declared encoding (`"unknown encoding: xyz"`), a BOM
/// combined with a non-UTF-8 declaration (`"encoding problem: xyz with BOM"`), or bytes
/// that are invalid in the source's encoding (CPython's `(unicode error) ...` message).
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (has_bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let encoding = match find_declaration(body) {
        None => Encoding::Utf8,
        Some(name) => {
            let Some(encoding) = Encoding::lookup(&name) else {
                let msg = if has_bom {
                    format!("encoding problem: {name} with BOM")
                } else {
                    format!("unknown encoding: {name}")
                };
                return Err(SyntaxError::without_location(SyntaxErrorKind::SyntaxError, msg, filename));
            };
            if has_bom && encoding != Encoding::Utf8 {
                return Err(SyntaxError::without_location(
                    SyntaxErrorKind::SyntaxError,
                    format!("encoding problem: {} with BOM", encoding.display_name()),
                    filename,
                ));
            }
            encoding
        }
    };
    match encoding {
        Encoding::Utf8 => decode_utf8(body, filename),
        Encoding::Latin1 => Ok(body.iter().map(|&b| char::from(b)).collect()),
        Encoding::Ascii => match body.iter().position(|b| !b.is_ascii()) {
            None => Ok(body.iter().map(|&b| char::from(b)).collect()),
            Some(position) => Err(SyntaxError::without_location(
                SyntaxErrorKind::SyntaxError,
                format!(
                    "'ascii' codec can't decode byte {:#04x} in position {position}: \
                     ordinal not in range(128)",
                    body[position]
                ),
                filename,
            )),
        },
    }
}

/// Decodes UTF-8, reporting the first invalid sequence as `compile()` does.
fn decode_utf8(body: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let error = match std::str::from_utf8(body) {
        Ok(text) => return Ok(text.to_owned()),
        Err(error) => error,
    };
    let bad = error.valid_up_to();
    let byte = body[bad];
    let reason = match error.error_len() {
        None => "unexpected end of data",
        Some(_) if (0xC2..=0xF4).contains(&byte) => "invalid continuation byte",
        Some(_) => "invalid start byte",
    };
    // CPython decodes the offending token on its own, so the position it reports is relative
    // to the bad bytes and is 0 in practice.
    let msg = format!("(unicode error) 'utf-8' codec can't decode byte {byte:#04x} in position 0: {reason}");
    // Locate the error on the (lossily decoded) line so tracebacks can show it.
    let lossy = String::from_utf8_lossy(body).into_owned();
    let valid_prefix = std::str::from_utf8(&body[..bad]).unwrap_or_default();
    let at = TextSize::try_from(valid_prefix.len()).unwrap_or_default();
    let index = LineIndex::new(&lossy);
    Err(SyntaxError::with_index(SyntaxErrorKind::SyntaxError, msg, filename, &lossy, &index, TextRange::empty(at)))
}

/// Finds a PEP 263 declaration on line 1, or on line 2 when line 1 is blank or a comment.
fn find_declaration(body: &[u8]) -> Option<String> {
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = declared_name(first) {
        return Some(name);
    }
    let trimmed = first.trim_ascii_start();
    if !(trimmed.is_empty() || trimmed.starts_with(b"#")) {
        return None;
    }
    declared_name(lines.next()?)
}

/// Matches `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn declared_name(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut search = 0;
    while let Some(found) = find(&comment[search..], b"coding") {
        let after = search + found + b"coding".len();
        if matches!(comment.get(after), Some(b':' | b'=')) {
            let rest = &comment[after + 1..];
            let rest = &rest[rest.iter().take_while(|b| matches!(b, b' ' | b'\t')).count()..];
            let len =
                rest.iter().take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')).count();
            if len > 0 {
                return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
            }
        }
        search = after;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
