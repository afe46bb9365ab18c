//! Source decoding as CPython's tokenizer does it (PEP 263, PEP 3120).
//!
//! UTF-8 is the default; a UTF-8 byte order mark is honoured and removed; a coding
//! declaration in a comment on line 1 or 2 selects another encoding. Only the encodings
//! Python programs actually declare are supported: UTF-8, Latin-1 and ASCII (with their
//! common aliases) and the single-byte code pages of [`crate::charmaps`]. Anything else is
//! reported as CPython reports an unknown codec.

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
    /// A single-byte code page: the characters of bytes `0x80..=0xFF`.
    Charmap(&'static [u16; 128]),
}

impl Encoding {
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
            n => crate::charmaps::lookup(n).map(Self::Charmap),
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
            // With a BOM, CPython's tokenizer accepts only a declaration that its
            // `get_normal_name` spells "utf-8" (so not "utf8"), before any codec lookup.
            let normal = normal_name(&name);
            if has_bom && normal != "utf-8" {
                return Err(SyntaxError::without_location(
                    SyntaxErrorKind::SyntaxError,
                    format!("encoding problem: {normal} with BOM"),
                    filename,
                ));
            }
            let Some(encoding) = Encoding::lookup(&name) else {
                return Err(SyntaxError::without_location(
                    SyntaxErrorKind::SyntaxError,
                    format!("unknown encoding: {name}"),
                    filename,
                ));
            };
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
        Encoding::Charmap(table) => decode_charmap(body, table, filename),
    }
}

/// Decodes a single-byte code page, reporting an undefined byte as the `charmap` codec does.
fn decode_charmap(body: &[u8], table: &[u16; 128], filename: &str) -> Result<String, SyntaxError> {
    let mut text = String::with_capacity(body.len());
    for (position, &byte) in body.iter().enumerate() {
        let c = if byte < 0x80 {
            Some(char::from(byte))
        } else {
            char::from_u32(u32::from(table[usize::from(byte - 0x80)]))
                .filter(|_| table[usize::from(byte - 0x80)] != crate::charmaps::UNDEFINED)
        };
        let Some(c) = c else {
            return Err(SyntaxError::without_location(
                SyntaxErrorKind::SyntaxError,
                format!(
                    "(unicode error) 'charmap' codec can't decode byte {byte:#04x} in position {position}: \
                     character maps to <undefined>"
                ),
                filename,
            ));
        };
        text.push(c);
    }
    Ok(text)
}

/// CPython's `get_normal_name`: UTF-8 and Latin-1 spellings (first 12 characters,
/// lowercased, `_` as `-`) become "utf-8" and "iso-8859-1"; other names are kept as declared.
fn normal_name(name: &str) -> &str {
    let head: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if head == "utf-8" || head.starts_with("utf-8-") {
        "utf-8"
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].iter().any(|p| head == *p || head.starts_with(&format!("{p}-")))
    {
        "iso-8859-1"
    } else {
        name
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
