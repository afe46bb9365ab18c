//! ASCII case mappings and predicates, padding, tabs, hex conversion, translation and
//! decoding for bytes and bytearray.

use super::search::is_space;
use super::{Kind, bytes_like, keyword_args, no_args, positional, wrap};
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::int::to_i64;
use crate::methods::sequence::checked_total;
use crate::protocol;
use crate::registry::types;
use crate::types::str::PyStr;
use crate::value::Value;

fn map_bytes(name: &str, args: Args<'_>, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult {
    let (kind, data) = no_args(name, args)?;
    Ok(wrap(kind, f(&data)))
}

pub(super) fn upper(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_bytes("upper", args, <[u8]>::to_ascii_uppercase)
}

pub(super) fn lower(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_bytes("lower", args, <[u8]>::to_ascii_lowercase)
}

pub(super) fn swapcase(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_bytes("swapcase", args, |d| {
        d.iter().map(|b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }).collect()
    })
}

pub(super) fn capitalize(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_bytes("capitalize", args, |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}

pub(super) fn title(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_bytes("title", args, |d| {
        let mut previous_cased = false;
        d.iter()
            .map(|&b| {
                let out = if previous_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                previous_cased = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn all_bytes(name: &str, args: Args<'_>, test: fn(&u8) -> bool) -> PyResult {
    let (_, data) = no_args(name, args)?;
    Ok(Value::Bool(!data.is_empty() && data.iter().all(test)))
}

pub(super) fn isalnum(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_bytes("isalnum", args, u8::is_ascii_alphanumeric)
}

pub(super) fn isalpha(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_bytes("isalpha", args, u8::is_ascii_alphabetic)
}

pub(super) fn isdigit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_bytes("isdigit", args, u8::is_ascii_digit)
}

pub(super) fn isspace(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_bytes("isspace", args, |b| is_space(*b))
}

pub(super) fn isascii(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("isascii", args)?;
    Ok(Value::Bool(data.is_ascii()))
}

pub(super) fn islower(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("islower", args)?;
    Ok(Value::Bool(data.iter().any(u8::is_ascii_lowercase) && !data.iter().any(u8::is_ascii_uppercase)))
}

pub(super) fn isupper(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("isupper", args)?;
    Ok(Value::Bool(data.iter().any(u8::is_ascii_uppercase) && !data.iter().any(u8::is_ascii_lowercase)))
}

pub(super) fn istitle(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("istitle", args)?;
    let mut cased = false;
    let mut previous_cased = false;
    for b in data.iter() {
        if b.is_ascii_uppercase() {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// The width argument and the margin to add.
fn margin(ctx: &mut Ctx, len: usize, width: &Value) -> PyResult<Option<usize>> {
    let width =
        protocol::index(ctx, width, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
    let width = to_i64(&width)?;
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    Ok(if width <= len { None } else { usize::try_from(width - len).ok() })
}

/// The fill byte argument of center/ljust/rjust.
fn fill_byte(name: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match super::kind_of(v).and_then(|_| super::buffer_bytes(v)) {
        Some(b) if b.len() == 1 => Ok(b[0]),
        _ => Err(PyErr::type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            crate::methods::bad_argument_name(v)
        ))),
    }
}

fn pad(kind: Kind, data: &[u8], left: usize, right: usize, fill: u8) -> PyResult {
    checked_total(data.len().saturating_add(left).saturating_add(right), 1)?;
    let mut out = vec![fill; left];
    out.extend_from_slice(data);
    out.resize(out.len() + right, fill);
    Ok(wrap(kind, out))
}

pub(super) fn center(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("center", args, 1, 2)?;
    // The width is read before the fill byte, as CPython parses them.
    let marg = margin(ctx, data.len(), &rest[0])?;
    let fill = fill_byte("center", rest.get(1))?;
    let Some(marg) = marg else { return Ok(wrap(kind, data.into_owned())) };
    let width = data.len() + marg;
    let left = marg / 2 + (marg & width & 1);
    pad(kind, &data, left, marg - left, fill)
}

pub(super) fn ljust(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("ljust", args, 1, 2)?;
    // The width is read before the fill byte, as CPython parses them.
    let marg = margin(ctx, data.len(), &rest[0])?;
    let fill = fill_byte("ljust", rest.get(1))?;
    match marg {
        None => Ok(wrap(kind, data.into_owned())),
        Some(marg) => pad(kind, &data, 0, marg, fill),
    }
}

pub(super) fn rjust(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("rjust", args, 1, 2)?;
    // The width is read before the fill byte, as CPython parses them.
    let marg = margin(ctx, data.len(), &rest[0])?;
    let fill = fill_byte("rjust", rest.get(1))?;
    match marg {
        None => Ok(wrap(kind, data.into_owned())),
        Some(marg) => pad(kind, &data, marg, 0, fill),
    }
}

pub(super) fn zfill(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("zfill", args, 1, 1)?;
    let Some(fill) = margin(ctx, data.len(), &rest[0])? else { return Ok(wrap(kind, data.into_owned())) };
    checked_total(data.len().saturating_add(fill), 1)?;
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&data);
    if matches!(out.get(fill), Some(b'+' | b'-')) {
        out[0] = out[fill];
        out[fill] = b'0';
    }
    Ok(wrap(kind, out))
}

pub(super) fn expandtabs(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, [tabsize]) = keyword_args("expandtabs", args, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => crate::methods::c_int_arg(ctx, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut column: i64 = 0;
    for &b in data.iter() {
        if b == b'\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                let incr = usize::try_from(incr).unwrap_or(usize::MAX);
                checked_total(out.len().saturating_add(incr), 1)?;
                out.resize(out.len() + incr, b' ');
            }
        } else {
            column += 1;
            out.push(b);
            if b == b'\n' || b == b'\r' {
                column = 0;
            }
        }
    }
    Ok(wrap(kind, out))
}

// ---------------------------------------------------------------------------------------
// hex and fromhex.

/// `data.hex(sep, bytes_per_sep)` as a Rust string (shared with memoryview).
pub(crate) fn hex_string(ctx: &mut Ctx, data: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<String> {
    let digits = |b: &u8| format!("{b:02x}");
    // `bytes_per_sep` is converted while parsing, before the separator is looked at.
    let per = match per {
        None => 1,
        Some(v) => {
            let i =
                protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
            to_i64(&i)?
        }
    };
    let Some(sep) = sep else {
        return Ok(data.iter().map(digits).collect());
    };
    let sep_char = if let Some(s) = sep.as_str() {
        if s.len() != 1 {
            return Err(PyErr::value_error("sep must be length 1."));
        }
        s.code_point(0)
    } else if let Some(b) = super::buffer_bytes(sep) {
        if b.len() != 1 {
            return Err(PyErr::value_error("sep must be length 1."));
        }
        u32::from(b[0])
    } else {
        // CPython checks the length of any sized separator before its type.
        if protocol::len(ctx, sep)? != 1 {
            return Err(PyErr::value_error("sep must be length 1."));
        }
        return Err(PyErr::type_error("sep must be str or bytes."));
    };
    let Some(sep_char) = char::from_u32(sep_char).filter(char::is_ascii) else {
        return Err(PyErr::value_error("sep must be ASCII."));
    };
    if per == 0 {
        return Ok(data.iter().map(digits).collect());
    }
    let group = usize::try_from(per.unsigned_abs()).unwrap_or(usize::MAX);
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        let boundary = if per > 0 { (data.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
        if i > 0 && boundary {
            out.push(sep_char);
        }
        out.push_str(&digits(b));
    }
    Ok(out)
}

pub(super) fn hex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data, [sep, per]) = keyword_args("hex", args, ["sep", "bytes_per_sep"])?;
    Ok(Value::str(&hex_string(ctx, &data, sep, per)?))
}

fn hex_digit(c: u32) -> Option<u8> {
    char::from_u32(c).and_then(|c| c.to_digit(16)).and_then(|d| u8::try_from(d).ok())
}

/// Parses the argument of `fromhex`.
fn parse_hex(s: &PyStr) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len() / 2);
    let mut i = 0;
    let bad =
        |pos: usize| PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {pos}"));
    while i < cps.len() {
        if u8::try_from(cps[i]).is_ok_and(is_space) {
            i += 1;
            continue;
        }
        let high = hex_digit(cps[i]).ok_or_else(|| bad(i))?;
        let low = cps.get(i + 1).and_then(|&c| hex_digit(c)).ok_or_else(|| bad(i + 1))?;
        out.push(high * 16 + low);
        i += 2;
    }
    Ok(out)
}

/// `bytes.fromhex(string)` and `bytearray.fromhex(string)` (a class method).
pub(super) fn fromhex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (cls, rest) = crate::methods::method_args("fromhex", args, 1, 1)?;
    let Some(s) = rest[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            crate::methods::bad_argument_name(&rest[0])
        )));
    };
    let data = parse_hex(s)?;
    let t = types();
    let is_subtype = |base| cls.as_obj().is_some_and(|c| crate::types::typeobj::is_subtype(c, base));
    let kind = if is_subtype(&t.bytearray) { Kind::ByteArray } else { Kind::Bytes };
    let value = wrap(kind, data);
    let exact = cls.as_obj().is_some_and(|c| c.is_same(&t.bytes) || c.is_same(&t.bytearray));
    if exact {
        return Ok(value);
    }
    protocol::call_positional(ctx, cls, &[value])
}

// ---------------------------------------------------------------------------------------
// translate, maketrans, decode.

pub(super) fn translate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    // `table` is positional-only: missing, it is refused before any keyword is looked at.
    let positional = args.values.len().saturating_sub(args.kwnames.len() + 1);
    if positional == 0 && args.kwnames.len() <= 2 {
        return Err(PyErr::type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    let (kind, data, [table, delete]) = keyword_args("translate", args, ["table", "delete"])?;
    if args.kwnames.iter().any(|k| k.as_str().is_some_and(|k| k.as_str() == "table")) {
        return Err(PyErr::type_error(
            "translate() got some positional-only arguments passed as keyword arguments: 'table'",
        ));
    }
    let Some(table) = table else {
        return Err(PyErr::type_error("translate() takes at least 1 positional argument (0 given)"));
    };
    let table = match table {
        Value::None => None,
        v => {
            let t = bytes_like(v)?;
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        None => Vec::new(),
        Some(v) => bytes_like(v)?,
    };
    let out =
        data.iter().filter(|b| !delete.contains(b)).map(|&b| table.as_ref().map_or(b, |t| t[usize::from(b)])).collect();
    Ok(wrap(kind, out))
}

/// `bytes.maketrans(frm, to)` (a static method).
pub(super) fn maketrans(_: &mut Ctx, args: Args<'_>, owner: &str) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{owner}.maketrans() takes no keyword arguments")));
    }
    let values = crate::methods::check_args("maketrans", args, 2, 2)?;
    let from = bytes_like(&values[0])?;
    let to = bytes_like(&values[1])?;
    if from.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[usize::from(*f)] = *t;
    }
    Ok(wrap(Kind::Bytes, table))
}

pub(super) fn decode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data, [encoding, errors]) = keyword_args("decode", args, ["encoding", "errors"])?;
    let (encoding, errors) = crate::methods::codecs::codec_args("decode", encoding, errors)?;
    let cps = crate::methods::codecs::decode_text(ctx, &data, &encoding, &errors)?;
    Ok(Value::Obj(PyStr::from_code_points_obj(&cps)))
}
