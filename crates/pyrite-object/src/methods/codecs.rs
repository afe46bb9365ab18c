//! The built-in codecs: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (with byte-order marks and
//! the `-le`/`-be` variants), encoding str to bytes and decoding bytes to str with CPython's
//! error handlers (`strict`, `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace`,
//! `surrogateescape`, `surrogatepass`, and `namereplace` once character names are
//! registered), and the `UnicodeEncodeError`/`UnicodeDecodeError` types whose `encoding`,
//! `object`, `start`, `end` and `reason` fields these fill. Error handlers registered from
//! Python (`codecs.register_error`) run through `codecs_handlers.rs`.

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::set_slots;
use crate::protocol;
use crate::registry::{TypeTable, types};
use crate::types::bytes::PyBytes;
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::value::Value;

#[path = "codecs_handlers.rs"]
mod handlers;
pub use handlers::set_error_handler_lookup;

/// Where the `namereplace` handler finds character names. This crate has no name table:
/// the `unicodedata` module registers its own at start-up.
static CHAR_NAMES: std::sync::OnceLock<fn(u32) -> Option<String>> = std::sync::OnceLock::new();

/// Registers the character-name lookup `namereplace` uses (`unicodedata.name` without a
/// default); later registrations are ignored.
pub fn set_char_name_lookup(lookup: fn(u32) -> Option<String>) {
    let _ = CHAR_NAMES.set(lookup);
}

/// What `namereplace` puts for these code points: `\N{NAME}`, or the backslash escape of
/// a code point without a name.
///
/// # Errors
/// `NotImplementedError` when no character names are registered.
pub fn namereplace_text(cps: &[u32]) -> PyResult<String> {
    let Some(lookup) = CHAR_NAMES.get() else {
        return Err(PyErr::not_implemented(
            "the 'namereplace' error handler needs the character names of the unicodedata module, \
             which this build does not have",
        ));
    };
    let mut out = String::new();
    for &c in cps {
        match lookup(c) {
            Some(name) => {
                out.push_str("\\N{");
                out.push_str(&name);
                out.push('}');
            }
            None => out.push_str(&backslash_escape(c)),
        }
    }
    Ok(out)
}

/// `backslashreplace`'s escape of one code point (`\xe9`, `\u20ac`, `\U0001f600`).
#[must_use]
pub fn backslash_escape(c: u32) -> String {
    if c < 0x100 {
        format!("\\x{c:02x}")
    } else if c < 0x10000 {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

/// Runs a codec this crate does not have (`cp1252`, `idna`, ...) through the codec
/// registry: `(object, encoding, errors, encode)` gives the encoder's bytes or the
/// decoder's str. The `_codecs` module registers it; without it such encodings are unknown.
pub type CodecFallback = fn(&mut Ctx, &Value, &str, &str, bool) -> PyResult;

static CODEC_FALLBACK: std::sync::OnceLock<CodecFallback> = std::sync::OnceLock::new();

/// Registers how codecs outside the built-in ones are run (later registrations are ignored).
pub fn set_codec_fallback(fallback: CodecFallback) {
    let _ = CODEC_FALLBACK.set(fallback);
}

/// The registered fallback, when `encoding` is not one of the built-in codecs.
fn fallback_for(encoding: &str) -> Option<CodecFallback> {
    if Codec::lookup(encoding).is_ok() { None } else { CODEC_FALLBACK.get().copied() }
}

/// `str.encode(encoding, errors)`: a built-in codec, else the codec registry.
pub fn encode_text(ctx: &mut Ctx, s: &PyStr, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(fallback) = fallback_for(encoding) else {
        if let Some(handler) = handlers::registered(errors) {
            return handlers::encode(ctx, s, Codec::lookup(encoding)?, &handler);
        }
        return encode_str(s, encoding, errors);
    };
    let result = fallback(ctx, &Value::Obj(PyStr::new_obj(s.as_str())), encoding, errors, true)?;
    Ok(crate::methods::bytes::buffer_bytes(&result).unwrap_or_default())
}

/// `bytes.decode(encoding, errors)`: a built-in codec, else the codec registry.
pub fn decode_text(ctx: &mut Ctx, data: &[u8], encoding: &str, errors: &str) -> PyResult<Vec<u32>> {
    let Some(fallback) = fallback_for(encoding) else {
        if let Some(handler) = handlers::registered(errors) {
            return handlers::decode(ctx, data, Codec::lookup(encoding)?, &handler);
        }
        return decode_bytes(data, encoding, errors);
    };
    let result = fallback(ctx, &Value::Obj(PyBytes::new_obj(data.to_vec())), encoding, errors, false)?;
    Ok(result.as_str().map(|s| s.code_points().collect()).unwrap_or_default())
}

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// CPython's normalized codec name, as its error messages show it.
    pub(crate) fn name(self) -> &'static str {
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

    pub(crate) fn lookup(encoding: &str) -> PyResult<Codec> {
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

/// Sets up the UnicodeEncodeError and UnicodeDecodeError types.
pub(crate) fn setup(t: &TypeTable) {
    for ty in [&t.unicode_encode_error, &t.unicode_decode_error] {
        set_slots(ty, |s| {
            s.init = Some(unicode_error_init);
            s.str = Some(unicode_error_str);
        });
    }
}

/// A UnicodeEncodeError or UnicodeDecodeError with its fields set.
fn unicode_error(
    ty: &pyrite_memory::ObjRef,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let args = vec![Value::str(encoding), object, Value::from(start), Value::from(end), Value::str(reason)];
    let err = PyErr::with_args(ty, args.clone());
    set_fields(err.value(), &args);
    err
}

fn set_fields(exc: &pyrite_memory::ObjRef, args: &[Value]) {
    let Some(dict) = protocol::instance_dict(exc, true) else { return };
    let Some(d) = dict.downcast::<crate::types::dict::PyDict>() else { return };
    for (name, value) in ["encoding", "object", "start", "end", "reason"].into_iter().zip(args) {
        d.set_str(name, value.clone());
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` and its decode twin.
fn unicode_error_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let pos = args.pos();
    let decode = protocol::isinstance(v, &types().unicode_decode_error);
    if pos.len() != 5 {
        return Err(PyErr::type_error(format!("function takes exactly 5 arguments ({} given)", pos.len())));
    }
    let mut fields = pos.to_vec();
    let object_ok = if decode { super::bytes::buffer_bytes(&pos[1]).is_some() } else { pos[1].as_str().is_some() };
    if pos[0].as_str().is_none() || !object_ok || pos[4].as_str().is_none() {
        let wanted = if decode { "bytes-like object" } else { "str" };
        return Err(PyErr::type_error(format!("argument 2 must be {wanted}, not {}", pos[1].type_name())));
    }
    if decode && let Some(data) = super::bytes::buffer_bytes(&pos[1]) {
        fields[1] = Value::Obj(PyBytes::new_obj(data));
    }
    for i in [2, 3] {
        fields[i] = Value::Int(crate::methods::int::to_i64(&pos[i])?);
    }
    if let Some(exc) = v.downcast::<crate::types::exception::PyException>() {
        drop(exc.args.replace(Value::Obj(PyTuple::new_obj(pos.to_vec()))));
    }
    if let Some(obj) = v.as_obj() {
        set_fields(obj, &fields);
    }
    Ok(())
}

/// CPython's `UnicodeEncodeError_str` and `UnicodeDecodeError_str`.
fn unicode_error_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    let field = |name: &str| {
        v.as_obj()
            .and_then(|o| protocol::instance_dict(o, false))
            .and_then(|d| d.downcast::<crate::types::dict::PyDict>().and_then(|d| d.get_str(&PyStr::from_str(name))))
    };
    let (Some(encoding), Some(object), Some(start), Some(end), Some(reason)) =
        (field("encoding"), field("object"), field("start"), field("end"), field("reason"))
    else {
        return Ok(Value::str(""));
    };
    let encoding = protocol::str_string(ctx, &encoding)?;
    let reason = protocol::str_string(ctx, &reason)?;
    let start = crate::methods::int::as_small(&start).unwrap_or(0);
    let end = crate::methods::int::as_small(&end).unwrap_or(0);
    let index = usize::try_from(start).ok();
    let single = end == start + 1;
    if protocol::isinstance(v, &types().unicode_decode_error) {
        let data = super::bytes::buffer_bytes(&object).unwrap_or_default();
        if single && let Some(byte) = index.and_then(|i| data.get(i)) {
            return Ok(Value::str(&format!(
                "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
            )));
        }
        return Ok(Value::str(&format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )));
    }
    let text = object.as_str();
    if single && let (Some(s), Some(i)) = (text, index.filter(|&i| text.is_some_and(|s| i < s.len()))) {
        let c = s.code_point(i);
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        return Ok(Value::str(&format!(
            "'{encoding}' codec can't encode character '{shown}' in position {start}: {reason}"
        )));
    }
    Ok(Value::str(&format!("'{encoding}' codec can't encode characters in position {start}-{}: {reason}", end - 1)))
}

/// The UnicodeEncodeError for `cps[start..end]` of `s`.
fn encode_error(codec: Codec, s: &PyStr, start: usize, end: usize) -> PyErr {
    let reason = match codec.limit() {
        Some(limit) => format!("ordinal not in range({limit})"),
        None => "surrogates not allowed".to_owned(),
    };
    let object = Value::Obj(s.slice(0, s.len(), 1));
    unicode_error(&types().unicode_encode_error, codec.name(), object, start, end, &reason)
}

/// The LookupError for an unknown error handler.
fn unknown_handler(name: &str) -> PyErr {
    PyErr::new(&types().lookup_error, format!("unknown error handler name '{name}'"))
}

/// Encodes a str, applying the error handler to what the codec cannot represent.
pub fn encode_str(s: &PyStr, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    let cps: Vec<u32> = s.code_points().collect();
    encode_with(codec, &cps, &mut |out, i, end| {
        builtin_encode_fix(codec, s, &cps, errors, out, i, end)?;
        Ok(end)
    })
}

/// Replaces an unencodable run `start..end` in the output; gives the position to go on at.
type EncodeFix<'a> = dyn FnMut(&mut Vec<u8>, usize, usize) -> PyResult<usize> + 'a;

/// Replaces an undecodable range in the output; gives the position to go on at.
type DecodeFix<'a> = dyn FnMut(Codec, &DecodeFailure, &mut Vec<u32>) -> PyResult<usize> + 'a;

/// The encoding loop: `fix(out, start, end)` handles each run of code points the codec
/// cannot encode, appending what replaces them, and says where to go on.
fn encode_with(codec: Codec, cps: &[u32], fix: &mut EncodeFix<'_>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16(None) | Codec::Utf32(None) => codec.push(&mut out, 0xFEFF),
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
        i = fix(&mut out, i, end)?;
    }
    Ok(out)
}

/// The built-in error handlers for `cps[i..end]`, which `codec` cannot encode.
fn builtin_encode_fix(
    codec: Codec,
    s: &PyStr,
    cps: &[u32],
    errors: &str,
    out: &mut Vec<u8>,
    i: usize,
    end: usize,
) -> PyResult<()> {
    match errors {
        "strict" => return Err(encode_error(codec, s, i, end)),
        "ignore" => {}
        "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
        "backslashreplace" => {
            for &c in &cps[i..end] {
                backslash_escape(c).bytes().for_each(|b| codec.push(out, u32::from(b)));
            }
        }
        "xmlcharrefreplace" => {
            for &c in &cps[i..end] {
                format!("&#{c};").bytes().for_each(|b| codec.push(out, u32::from(b)));
            }
        }
        "surrogateescape" => {
            for (k, &c) in cps[i..end].iter().enumerate() {
                if !(0xDC80..0xDD00).contains(&c) {
                    return Err(encode_error(codec, s, i + k, i + k + 1));
                }
                out.push((c - 0xDC00) as u8);
            }
        }
        "surrogatepass" => {
            for (k, &c) in cps[i..end].iter().enumerate() {
                if codec.limit().is_some() || !(0xD800..0xE000).contains(&c) {
                    return Err(encode_error(codec, s, i + k, i + k + 1));
                }
                codec.push(out, c);
            }
        }
        "namereplace" => {
            namereplace_text(&cps[i..end])?.bytes().for_each(|b| codec.push(out, u32::from(b)));
        }
        other => return Err(unknown_handler(other)),
    }
    Ok(())
}

/// One undecodable range found by a decoder.
struct DecodeFailure {
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Decodes bytes to code points, applying the error handler to what is undecodable.
pub fn decode_bytes(data: &[u8], encoding: &str, errors: &str) -> PyResult<Vec<u32>> {
    let codec = Codec::lookup(encoding)?;
    let pass = errors == "surrogatepass";
    decode_with(codec, data, pass, &mut |codec, failure, out| {
        handle_decode_error(codec, data, failure, errors, out)?;
        Ok(failure.end)
    })
}

/// The decoding loop: `fix(codec, failure, out)` handles each undecodable range, appending
/// what replaces it, and says where to go on. `pass` lets UTF codecs decode surrogates.
fn decode_with(codec: Codec, data: &[u8], pass: bool, fix: &mut DecodeFix<'_>) -> PyResult<Vec<u32>> {
    let mut out = Vec::with_capacity(data.len());
    let (codec, mut pos) = with_bom(codec, data);
    while pos < data.len() {
        let step = match codec {
            Codec::Utf8 => utf8_step(data, pos, pass),
            Codec::Ascii => {
                if data[pos] < 0x80 {
                    Ok((u32::from(data[pos]), 1))
                } else {
                    Err(DecodeFailure { start: pos, end: pos + 1, reason: "ordinal not in range(128)" })
                }
            }
            Codec::Latin1 => Ok((u32::from(data[pos]), 1)),
            Codec::Utf16(big) => utf16_step(data, pos, big == Some(true), pass),
            Codec::Utf32(big) => utf32_step(data, pos, big == Some(true), pass),
        };
        match step {
            Ok((c, n)) => {
                out.push(c);
                pos += n;
            }
            Err(failure) => pos = fix(codec, &failure, &mut out)?,
        }
    }
    Ok(out)
}

/// The codec to use after a byte-order mark, and how many bytes the mark takes.
fn with_bom(codec: Codec, data: &[u8]) -> (Codec, usize) {
    match codec {
        Codec::Utf16(None) => match data {
            [0xFF, 0xFE, ..] => (Codec::Utf16(Some(false)), 2),
            [0xFE, 0xFF, ..] => (Codec::Utf16(Some(true)), 2),
            _ => (Codec::Utf16(Some(false)), 0),
        },
        Codec::Utf32(None) => match data {
            [0xFF, 0xFE, 0, 0, ..] => (Codec::Utf32(Some(false)), 4),
            [0, 0, 0xFE, 0xFF, ..] => (Codec::Utf32(Some(true)), 4),
            _ => (Codec::Utf32(Some(false)), 0),
        },
        other => (other, 0),
    }
}

/// Applies the error handler to one undecodable range.
fn handle_decode_error(codec: Codec, data: &[u8], f: &DecodeFailure, errors: &str, out: &mut Vec<u32>) -> PyResult<()> {
    let bad = &data[f.start..f.end];
    let strict = || {
        let object = Value::Obj(PyBytes::new_obj(data.to_vec()));
        unicode_error(&types().unicode_decode_error, codec.name(), object, f.start, f.end, f.reason)
    };
    match errors {
        "strict" | "surrogatepass" => return Err(strict()),
        "ignore" => {}
        "replace" => out.push(0xFFFD),
        "backslashreplace" => {
            for b in bad {
                out.extend(format!("\\x{b:02x}").chars().map(u32::from));
            }
        }
        "surrogateescape" => {
            if bad.iter().any(|&b| b < 0x80) {
                return Err(strict());
            }
            out.extend(bad.iter().map(|&b| 0xDC00 + u32::from(b)));
        }
        "xmlcharrefreplace" | "namereplace" => {
            return Err(PyErr::type_error("don't know how to handle UnicodeDecodeError in error callback"));
        }
        other => return Err(unknown_handler(other)),
    }
    Ok(())
}

fn is_cont(b: Option<&u8>, lo: u8, hi: u8) -> bool {
    b.is_some_and(|&b| (lo..=hi).contains(&b))
}

/// Decodes one UTF-8 sequence at `pos`: (code point, length) or the failure, with the
/// ranges and reasons of CPython's decoder.
fn utf8_step(data: &[u8], pos: usize, pass: bool) -> Result<(u32, usize), DecodeFailure> {
    let lead = data[pos];
    let fail = |len: usize, reason| Err(DecodeFailure { start: pos, end: pos + len, reason });
    let (need, lo, hi) = match lead {
        0..=0x7F => return Ok((u32::from(lead), 1)),
        0xC2..=0xDF => (1, 0x80, 0xBF),
        0xE0 => (2, 0xA0, 0xBF),
        0xED if pass => (2, 0x80, 0xBF),
        0xED => (2, 0x80, 0x9F),
        0xE1..=0xEF => (2, 0x80, 0xBF),
        0xF0 => (3, 0x90, 0xBF),
        0xF1..=0xF3 => (3, 0x80, 0xBF),
        0xF4 => (3, 0x80, 0x8F),
        _ => return fail(1, "invalid start byte"),
    };
    let mut value = u32::from(lead) & (0x3F >> need);
    for k in 1..=need {
        let b = data.get(pos + k);
        let ok = if k == 1 { is_cont(b, lo, hi) } else { is_cont(b, 0x80, 0xBF) };
        if !ok {
            if b.is_none() {
                return fail(data.len() - pos, "unexpected end of data");
            }
            return fail(k, "invalid continuation byte");
        }
        value = (value << 6) | (u32::from(*b.unwrap_or(&0)) & 0x3F);
    }
    Ok((value, need + 1))
}

fn unit16(data: &[u8], pos: usize, big: bool) -> Option<u32> {
    let pair = [*data.get(pos)?, *data.get(pos + 1)?];
    Some(u32::from(if big { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }))
}

fn utf16_step(data: &[u8], pos: usize, big: bool, pass: bool) -> Result<(u32, usize), DecodeFailure> {
    let fail = |end: usize, reason| Err(DecodeFailure { start: pos, end, reason });
    let Some(u) = unit16(data, pos, big) else {
        return fail(data.len(), "truncated data");
    };
    if !(0xD800..0xE000).contains(&u) {
        return Ok((u, 2));
    }
    if u >= 0xDC00 {
        return if pass { Ok((u, 2)) } else { fail(pos + 2, "illegal encoding") };
    }
    match unit16(data, pos + 2, big) {
        Some(low) if (0xDC00..0xE000).contains(&low) => Ok((0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), 4)),
        _ if pass => Ok((u, 2)),
        Some(_) => fail(pos + 2, "illegal UTF-16 surrogate"),
        None => fail(data.len(), "unexpected end of data"),
    }
}

fn utf32_step(data: &[u8], pos: usize, big: bool, pass: bool) -> Result<(u32, usize), DecodeFailure> {
    let fail = |end: usize, reason| Err(DecodeFailure { start: pos, end, reason });
    let Some(quad) = data.get(pos..pos + 4) else {
        return fail(data.len(), "truncated data");
    };
    let quad = [quad[0], quad[1], quad[2], quad[3]];
    let c = if big { u32::from_be_bytes(quad) } else { u32::from_le_bytes(quad) };
    if c >= 0x11_0000 {
        return fail(pos + 4, "code point not in range(0x110000)");
    }
    if (0xD800..0xE000).contains(&c) && !pass {
        return fail(pos + 4, "code point in surrogate code point range(0xd800, 0xe000)");
    }
    Ok((c, 4))
}

/// The `encoding` and `errors` arguments of `encode`/`decode` (defaults `utf-8`, `strict`).
pub(crate) fn codec_args(name: &str, encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<(String, String)> {
    let text_arg = |v: Option<&Value>, arg: &str, default: &'static str| -> PyResult<String> {
        match v {
            None => Ok(default.to_owned()),
            Some(v) => match v.as_str() {
                Some(s) => Ok(s.as_str().to_owned()),
                None => Err(PyErr::type_error(format!(
                    "{name}() argument '{arg}' must be str, not {}",
                    if v.is_none() { "None".to_owned() } else { v.type_name() }
                ))),
            },
        }
    };
    Ok((text_arg(encoding, "encoding", "utf-8")?, text_arg(errors, "errors", "strict")?))
}
