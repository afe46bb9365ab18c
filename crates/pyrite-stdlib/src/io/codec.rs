//! Text encodings for `TextIOWrapper`: the built-in codecs of `pyrite-object`
//! (`str.encode`/`bytes.decode`'s), driven incrementally: a sequence cut by a buffer
//! boundary waits for its next bytes, and a UTF-16/32 byte-order mark is read (and
//! written) only at the start of the stream.

use pyrite_object::methods::codecs::{decode_bytes, encode_str};
use pyrite_object::types::str::PyStr;
use pyrite_object::{PyErr, PyResult, types};

/// The codec families, with the byte order when fixed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Family {
    Utf8,
    Ascii,
    Latin1,
    /// `Some(true)`: big-endian; `None`: from the byte-order mark.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Family {
    /// The codec for an encoding name, or CPython's `LookupError`.
    pub fn lookup(encoding: &str) -> PyResult<Family> {
        let normalized: String =
            encoding.trim().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
        Ok(match normalized.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Family::Utf8,
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => Family::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
                Family::Latin1
            }
            "utf-16" | "utf16" | "u16" => Family::Utf16(None),
            "utf-16-le" | "utf-16le" | "utf16le" => Family::Utf16(Some(false)),
            "utf-16-be" | "utf-16be" | "utf16be" => Family::Utf16(Some(true)),
            "utf-32" | "utf32" | "u32" => Family::Utf32(None),
            "utf-32-le" | "utf-32le" | "utf32le" => Family::Utf32(Some(false)),
            "utf-32-be" | "utf-32be" | "utf32be" => Family::Utf32(Some(true)),
            _ => return Err(PyErr::new(&types().lookup_error, format!("unknown encoding: {encoding}"))),
        })
    }

    /// The codec name `pyrite-object`'s codecs take; a fixed byte order never writes or
    /// expects a mark.
    fn name(self) -> &'static str {
        match self {
            Family::Utf8 => "utf-8",
            Family::Ascii => "ascii",
            Family::Latin1 => "latin-1",
            Family::Utf16(None) => "utf-16",
            Family::Utf16(Some(false)) => "utf-16-le",
            Family::Utf16(Some(true)) => "utf-16-be",
            Family::Utf32(None) => "utf-32",
            Family::Utf32(Some(false)) => "utf-32-le",
            Family::Utf32(Some(true)) => "utf-32-be",
        }
    }

    /// The same family with the byte order settled (little-endian unless a mark said).
    pub fn settled(self) -> Family {
        match self {
            Family::Utf16(None) => Family::Utf16(Some(false)),
            Family::Utf32(None) => Family::Utf32(Some(false)),
            other => other,
        }
    }
}

/// An incremental decoder.
#[derive(Clone, Debug)]
pub struct Decoder {
    pub family: Family,
    pub errors: String,
    /// Bytes of an unfinished sequence, waiting for the rest.
    pub pending: Vec<u8>,
}

impl Decoder {
    pub fn new(family: Family, errors: &str) -> Decoder {
        Decoder { family, errors: errors.to_owned(), pending: Vec::new() }
    }

    /// Decodes `input` after the pending bytes; with `last`, nothing may stay pending.
    pub fn decode(&mut self, input: &[u8], last: bool) -> PyResult<Vec<u32>> {
        let mut data = std::mem::take(&mut self.pending);
        data.extend_from_slice(input);
        let mut start = 0;
        match self.family {
            Family::Utf16(None) | Family::Utf32(None) => {
                let width = if matches!(self.family, Family::Utf16(_)) { 2 } else { 4 };
                if data.len() < width && !last {
                    self.pending = data;
                    return Ok(Vec::new());
                }
                let (family, skip) = match (self.family, data.as_slice()) {
                    (Family::Utf16(_), [0xFF, 0xFE, ..]) => (Family::Utf16(Some(false)), 2),
                    (Family::Utf16(_), [0xFE, 0xFF, ..]) => (Family::Utf16(Some(true)), 2),
                    (Family::Utf32(_), [0xFF, 0xFE, 0, 0, ..]) => (Family::Utf32(Some(false)), 4),
                    (Family::Utf32(_), [0, 0, 0xFE, 0xFF, ..]) => (Family::Utf32(Some(true)), 4),
                    (f, _) => (f.settled(), 0),
                };
                self.family = family;
                start = skip;
            }
            _ => {}
        }
        let end = if last { data.len() } else { start + complete_prefix(self.family, &data[start..]) };
        self.pending = data[end..].to_vec();
        if start == end {
            return Ok(Vec::new());
        }
        if self.family == Family::Utf8
            && let Ok(text) = std::str::from_utf8(&data[start..end])
        {
            return Ok(text.chars().map(u32::from).collect());
        }
        decode_bytes(&data[start..end], self.family.name(), &self.errors)
    }

    /// Forgets pending bytes (and, for `reset`, a settled byte order).
    pub fn reset(&mut self, family: Family) {
        self.pending.clear();
        self.family = family;
    }
}

/// How many leading bytes of `data` end on a sequence boundary.
fn complete_prefix(family: Family, data: &[u8]) -> usize {
    let len = data.len();
    match family {
        Family::Utf8 => {
            // Look back over at most three bytes for the lead byte of an unfinished sequence.
            for back in 1..=3.min(len) {
                let i = len - back;
                let b = data[i];
                if b & 0xC0 == 0x80 {
                    continue;
                }
                let need = match b {
                    0xC2..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    _ => return len,
                };
                if back >= need {
                    return len;
                }
                // The continuation bytes so far must be valid for the sequence to wait.
                let valid = data[i + 1..].iter().enumerate().all(|(k, &c)| {
                    let (lo, hi) = match (k, b) {
                        (0, 0xE0) => (0xA0, 0xBF),
                        (0, 0xED) => (0x80, 0x9F),
                        (0, 0xF0) => (0x90, 0xBF),
                        (0, 0xF4) => (0x80, 0x8F),
                        _ => (0x80, 0xBF),
                    };
                    (lo..=hi).contains(&c)
                });
                return if valid { i } else { len };
            }
            len
        }
        Family::Ascii | Family::Latin1 => len,
        Family::Utf16(order) => {
            let even = len - len % 2;
            if even >= 2 {
                let unit = [data[even - 2], data[even - 1]];
                let unit = if order == Some(true) { u16::from_be_bytes(unit) } else { u16::from_le_bytes(unit) };
                if (0xD800..0xDC00).contains(&unit) {
                    return even - 2;
                }
            }
            even
        }
        Family::Utf32(_) => len - len % 4,
    }
}

/// Encodes text; `bom` writes the UTF-16/32 byte-order mark first.
pub fn encode(family: Family, s: &PyStr, errors: &str, bom: bool) -> PyResult<Vec<u8>> {
    if s.is_ascii() && matches!(family, Family::Utf8 | Family::Ascii | Family::Latin1) {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    let family = if bom { family } else { family.settled() };
    let family = if bom { family_with_mark(family) } else { family };
    encode_str(s, family.name(), errors)
}

/// UTF-16/32 written with a mark: the codec that adds one (native order).
fn family_with_mark(family: Family) -> Family {
    match family {
        Family::Utf16(_) => Family::Utf16(None),
        Family::Utf32(_) => Family::Utf32(None),
        other => other,
    }
}

/// Whether the family writes a byte-order mark at the start of a stream.
pub fn writes_mark(family: Family) -> bool {
    matches!(family, Family::Utf16(None) | Family::Utf32(None))
}
