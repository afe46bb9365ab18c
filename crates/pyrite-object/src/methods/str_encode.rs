//! `str.encode`: the UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 encoders with the
//! `strict`, `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace`,
//! `surrogateescape` and `surrogatepass` error handlers.
//!
//! Pyrite has no `bytes` type yet: `str.encode` runs the codec (so its errors are CPython's)
//! and then raises `NotImplementedError`. [`encode_str`] is ready for `bytes` to use.

use super::keyword_args;
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::registry::types;
use crate::types::str::PyStr;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// CPython's normalized codec name, as its error messages show it.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }

    /// The first code point the codec cannot represent (`None`: all can).
    fn limit(self) -> Option<u32> {
        match self {
            Codec::Ascii => Some(0x80),
            Codec::Latin1 => Some(0x100),
            _ => None,
        }
    }

    fn lookup(encoding: &str) -> PyResult<Codec> {
        let normalized: String =
            encoding.trim().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() }).collect();
        Ok(match normalized.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => Codec::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
                Codec::Latin1
            }
            "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
            "utf-16-le" | "utf-16le" | "utf16le" => Codec::Utf16(Some(false)),
            "utf-16-be" | "utf-16be" | "utf16be" => Codec::Utf16(Some(true)),
            "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
            "utf-32-le" | "utf-32le" | "utf32le" => Codec::Utf32(Some(false)),
            "utf-32-be" | "utf-32be" | "utf32be" => Codec::Utf32(Some(true)),
            _ => {
                return Err(PyErr::new(&types().lookup_error, format!("unknown encoding: {encoding}")));
            }
        })
    }

    fn push(self, out: &mut Vec<u8>, c: u32) {
        match self {
            Codec::Utf8 => {
                if c < 0x80 {
                    out.push(c as u8);
                } else if c < 0x800 {
                    out.extend([0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
                } else if c < 0x10000 {
                    out.extend([0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]);
                } else {
                    out.extend([
                        0xF0 | (c >> 18) as u8,
                        0x80 | ((c >> 12) & 0x3F) as u8,
                        0x80 | ((c >> 6) & 0x3F) as u8,
                        0x80 | (c & 0x3F) as u8,
                    ]);
                }
            }
            Codec::Ascii | Codec::Latin1 => out.push(c as u8),
            Codec::Utf16(big) => {
                let mut unit = |u: u16| out.extend(if big == Some(true) { u.to_be_bytes() } else { u.to_le_bytes() });
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    unit(0xD800 | (v >> 10) as u16);
                    unit(0xDC00 | (v & 0x3FF) as u16);
                } else {
                    unit(c as u16);
                }
            }
            Codec::Utf32(big) => out.extend(if big == Some(true) { c.to_be_bytes() } else { c.to_le_bytes() }),
        }
    }

    fn can_encode(self, c: u32) -> bool {
        match self.limit() {
            Some(limit) => c < limit,
            None => !(0xD800..0xE000).contains(&c),
        }
    }
}

/// The UnicodeEncodeError for `cps[start..end]`.
fn encode_error(codec: Codec, cps: &[u32], start: usize, end: usize) -> PyErr {
    let reason = match codec.limit() {
        Some(limit) => format!("ordinal not in range({limit})"),
        None => "surrogates not allowed".to_owned(),
    };
    let what = if end - start == 1 {
        let c = cps[start];
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("character '{shown}' in position {start}")
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    PyErr::new(&types().unicode_encode_error, format!("'{}' codec can't encode {what}: {reason}", codec.name()))
}

/// Encodes a str, applying the error handler to what the codec cannot represent.
pub fn encode_str(s: &PyStr, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16(None) => codec.push(&mut out, 0xFEFF),
        Codec::Utf32(None) => codec.push(&mut out, 0xFEFF),
        _ => {}
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if codec.can_encode(c) {
            codec.push(&mut out, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && !codec.can_encode(cps[end]) {
            end += 1;
        }
        match errors {
            "strict" => return Err(encode_error(codec, &cps, i, end)),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &cps[i..end] {
                    let escaped = if c < 0x100 {
                        format!("\\x{c:02x}")
                    } else if c < 0x10000 {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    escaped.bytes().for_each(|b| codec.push(&mut out, u32::from(b)));
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cps[i..end] {
                    format!("&#{c};").bytes().for_each(|b| codec.push(&mut out, u32::from(b)));
                }
            }
            "surrogateescape" => {
                for (k, &c) in cps[i..end].iter().enumerate() {
                    if !(0xDC80..0xDD00).contains(&c) {
                        return Err(encode_error(codec, &cps, i + k, i + k + 1));
                    }
                    out.push((c - 0xDC00) as u8);
                }
            }
            "surrogatepass" => {
                for (k, &c) in cps[i..end].iter().enumerate() {
                    if codec.limit().is_some() || !(0xD800..0xE000).contains(&c) {
                        return Err(encode_error(codec, &cps, i + k, i + k + 1));
                    }
                    codec.push(&mut out, c);
                }
            }
            "namereplace" => {
                return Err(PyErr::not_implemented("the 'namereplace' error handler is not supported yet"));
            }
            other => {
                return Err(PyErr::new(&types().lookup_error, format!("unknown error handler name '{other}'")));
            }
        }
        i = end;
    }
    Ok(out)
}

pub(super) fn str_encode(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [encoding, errors]) = keyword_args("encode", args, ["encoding", "errors"])?;
    let text_arg = |v: Option<&Value>, name: &str, default: &'static str| -> PyResult<String> {
        match v {
            None => Ok(default.to_owned()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.as_str().to_owned()),
                None => Err(PyErr::type_error(format!(
                    "encode() argument '{name}' must be str, not {}",
                    super::clinic_type_name(v)
                ))),
            },
        }
    };
    let encoding = text_arg(encoding, "encoding", "utf-8")?;
    let errors = text_arg(errors, "errors", "strict")?;
    let _bytes = encode_str(s, &encoding, &errors)?;
    Err(PyErr::not_implemented("bytes are not supported yet"))
}
