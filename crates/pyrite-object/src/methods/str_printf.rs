//! `str % args`: printf-style formatting, following CPython 3.11's `PyUnicode_Format`
//! (argument consumption order, flag handling, padding and error messages).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::cps;
use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::format::ascii_escape;
use crate::methods::int::{as_int, int_from_value, to_i64};
use crate::num;
use crate::protocol;
use crate::types::list::PyTuple;
use crate::types::str::{PyStr, StrData};
use crate::types::typeobj::type_payload;
use crate::value::Value;

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

const PERCENT: u32 = b'%' as u32;

/// The arguments being consumed: a tuple's items one by one, or a single value.
struct ArgSource {
    args: Value,
    /// Number of items (-1 for a single value).
    len: i64,
    /// Next item (-2 before a single value is taken).
    next: i64,
    /// The mapping for `%(key)s`.
    dict: Option<Value>,
}

impl ArgSource {
    fn next_arg(&mut self) -> PyResult<Value> {
        if self.next < self.len {
            let i = self.next;
            self.next += 1;
            if self.len < 0 {
                return Ok(self.args.clone());
            }
            let tuple = self.args.downcast::<PyTuple>().ok_or_else(|| PyErr::new_system("tuple expected"))?;
            let index = usize::try_from(i).unwrap_or(usize::MAX);
            return tuple.items().get(index).cloned().ok_or_else(|| PyErr::new_system("argument index"));
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    }
}

/// One parsed conversion specifier.
struct Conversion {
    flags: u8,
    width: Option<usize>,
    precision: Option<usize>,
    kind: u32,
    /// Whether the conversion is numeric (sign and zero padding apply).
    numeric: bool,
}

/// `format % args`.
pub fn printf_format(ctx: &mut Ctx, format: &PyStr, args: &Value) -> PyResult {
    if let Some(result) = plain_ascii(format, args) {
        return Ok(result);
    }
    let fmt = cps(format);
    let is_tuple = args.downcast::<PyTuple>().is_some();
    let is_mapping = !is_tuple
        && args.as_str().is_none()
        && args.as_obj().is_some_and(|o| type_payload(o.type_ref()).slots().getitem.is_some());
    let mut source = ArgSource {
        args: args.clone(),
        len: if is_tuple {
            args.downcast::<PyTuple>().map_or(0, |t| i64::try_from(t.len()).unwrap_or(i64::MAX))
        } else {
            -1
        },
        next: if is_tuple { 0 } else { -2 },
        dict: is_mapping.then(|| args.clone()),
    };
    let mut out: Vec<u32> = Vec::with_capacity(fmt.len());
    let mut pos = 0;
    while pos < fmt.len() {
        let c = fmt[pos];
        pos += 1;
        if c != PERCENT {
            out.push(c);
            continue;
        }
        if fmt.get(pos) == Some(&PERCENT) {
            out.push(PERCENT);
            pos += 1;
            continue;
        }
        let mut conv = parse_conversion(ctx, &fmt, &mut pos, &mut source)?;
        let value = source.next_arg()?;
        if plain_copy(&mut out, &conv, &value) {
            continue;
        }
        let text = convert(ctx, &mut conv, &value, pos - 1)?;
        output(&mut out, &conv, &text);
    }
    if source.next < source.len && source.dict.is_none() {
        return Err(PyErr::type_error("not all arguments converted during string formatting"));
    }
    super::check_size(out.len())?;
    Ok(super::new_str(&out))
}

/// The common case in one pass over bytes: an ASCII format whose conversions are all a
/// bare `%s` of an exact ASCII str or `%d`/`%i`/`%u` of a small int, with exactly as many
/// arguments; `None` (nothing done, nothing run) for anything else, which the general
/// path formats (or reports) as CPython does.
fn plain_ascii(format: &PyStr, args: &Value) -> Option<Value> {
    let fmt = match format.data() {
        StrData::Ascii(fmt) => fmt.as_bytes(),
        _ => return None,
    };
    let exact_str = |v: &Value| matches!(v, Value::Obj(o) if o.type_ref().is_same(&crate::types().str));
    let items: &[Value] = match args {
        Value::Int(_) => std::slice::from_ref(args),
        _ if exact_str(args) => std::slice::from_ref(args),
        _ => args.downcast::<PyTuple>().filter(|_| args.type_ref().is_same(&crate::types().tuple))?.items(),
    };
    // CPython's writer hands back the argument itself for a lone `%s` of an exact str.
    if fmt == b"%s"
        && let [item] = items
        && exact_str(item)
    {
        return Some(item.clone());
    }
    let mut out = String::with_capacity(fmt.len() + 8 * items.len());
    let mut next = items.iter();
    let mut literal = 0;
    let mut pos = 0;
    while let Some(offset) = fmt[pos..].iter().position(|&b| b == b'%') {
        let at = pos + offset;
        out.push_str(std::str::from_utf8(&fmt[literal..at]).ok()?);
        match fmt.get(at + 1)? {
            b'%' => out.push('%'),
            b's' => match next.next()? {
                item if exact_str(item) => match item.as_str()?.data() {
                    StrData::Ascii(text) => out.push_str(text),
                    _ => return None,
                },
                _ => return None,
            },
            b'd' | b'i' | b'u' => match next.next()? {
                Value::Int(i) => {
                    if *i < 0 {
                        out.push('-');
                    }
                    out.push_str(protocol::decimal_digits(i.unsigned_abs(), &mut [0; 20]));
                }
                _ => return None,
            },
            _ => return None,
        }
        pos = at + 2;
        literal = pos;
    }
    if next.next().is_some() {
        return None;
    }
    out.push_str(std::str::from_utf8(&fmt[literal..]).ok()?);
    Some(Value::Obj(PyStr::from_ascii_string_obj(out)))
}

/// The common `%s` of a str and `%d` of an int without flags, width or precision: the
/// text copied straight to `out` (no intermediate vector); `false` for everything else.
fn plain_copy(out: &mut Vec<u32>, conv: &Conversion, value: &Value) -> bool {
    if conv.flags != 0 || conv.width.is_some() || conv.precision.is_some() {
        return false;
    }
    match (u8::try_from(conv.kind).unwrap_or(0), value) {
        (b's', Value::Obj(obj)) if obj.type_ref().is_same(&crate::types().str) => {
            let Some(s) = value.as_str() else { return false };
            out.extend(s.code_points());
            true
        }
        (b'd' | b'i' | b'u', Value::Int(i)) => {
            if *i < 0 {
                out.push(u32::from(b'-'));
            }
            out.extend(protocol::decimal_digits(i.unsigned_abs(), &mut [0; 20]).bytes().map(u32::from));
            true
        }
        _ => false,
    }
}

fn ascii_char(fmt: &[u32], pos: usize) -> Option<u8> {
    fmt.get(pos).and_then(|&c| u8::try_from(c).ok())
}

/// Parses `(key)`, flags, width, precision, length modifier and the conversion character
/// after a `%`; `pos` ends after the conversion character.
fn parse_conversion(ctx: &mut Ctx, fmt: &[u32], pos: &mut usize, source: &mut ArgSource) -> PyResult<Conversion> {
    if ascii_char(fmt, *pos) == Some(b'(') {
        let Some(dict) = source.dict.clone() else {
            return Err(PyErr::type_error("format requires a mapping"));
        };
        *pos += 1;
        let key_start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < fmt.len() {
            match ascii_char(fmt, *pos) {
                Some(b')') => depth -= 1,
                Some(b'(') => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key = super::new_str(&fmt[key_start..*pos - 1]);
        source.args = protocol::getitem(ctx, &dict, &key)?;
        source.len = -1;
        source.next = -2;
    }
    let mut flags = 0;
    while let Some(c) = ascii_char(fmt, *pos) {
        flags |= match c {
            b'-' => F_LJUST,
            b'+' => F_SIGN,
            b' ' => F_BLANK,
            b'#' => F_ALT,
            b'0' => F_ZERO,
            _ => break,
        };
        *pos += 1;
    }
    let mut width = None;
    if ascii_char(fmt, *pos) == Some(b'*') {
        *pos += 1;
        let w = star_arg(source)?;
        if w < 0 {
            flags |= F_LJUST;
        }
        width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
    } else if let Some(w) = parse_digits(fmt, pos, i64::MAX, "width too big")? {
        width = Some(w);
    }
    let mut precision = None;
    if ascii_char(fmt, *pos) == Some(b'.') {
        *pos += 1;
        precision = Some(0);
        if ascii_char(fmt, *pos) == Some(b'*') {
            *pos += 1;
            let p = star_arg(source)?;
            if i32::try_from(p).is_err() {
                return Err(PyErr::overflow(if p > 0 {
                    "Python int too large to convert to C int"
                } else {
                    "Python int too small to convert to C int"
                }));
            }
            precision = Some(usize::try_from(p.max(0)).unwrap_or(0));
        } else if let Some(p) = parse_digits(fmt, pos, i64::from(i32::MAX), "precision too big")? {
            precision = Some(p);
        }
    }
    if matches!(ascii_char(fmt, *pos), Some(b'h' | b'l' | b'L')) {
        *pos += 1;
    }
    let Some(&kind) = fmt.get(*pos) else {
        return Err(PyErr::value_error("incomplete format"));
    };
    *pos += 1;
    Ok(Conversion { flags, width, precision, kind, numeric: false })
}

/// A `*` width or precision: the next argument, which must be an int.
fn star_arg(source: &mut ArgSource) -> PyResult<i64> {
    let v = source.next_arg()?;
    if as_int(&v).is_none() {
        return Err(PyErr::type_error("* wants int"));
    }
    to_i64(&v)
}

fn parse_digits(fmt: &[u32], pos: &mut usize, max: i64, too_big: &str) -> PyResult<Option<usize>> {
    let mut value: Option<i64> = None;
    while let Some(c) = ascii_char(fmt, *pos).filter(u8::is_ascii_digit) {
        let digit = i64::from(c - b'0');
        let v = value.unwrap_or(0);
        if v > (max - digit) / 10 {
            return Err(PyErr::value_error(too_big));
        }
        value = Some(v * 10 + digit);
        *pos += 1;
    }
    Ok(value.map(|v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// Formats one value for its conversion; `index` is the conversion character's position.
fn convert(ctx: &mut Ctx, conv: &mut Conversion, value: &Value, index: usize) -> PyResult<Vec<u32>> {
    let kind = u8::try_from(conv.kind).unwrap_or(0);
    match kind {
        b's' => Ok(cps(protocol::str_(ctx, value)?.as_str().ok_or_else(|| PyErr::new_system("str expected"))?)),
        b'r' => Ok(cps(protocol::repr(ctx, value)?.as_str().ok_or_else(|| PyErr::new_system("str expected"))?)),
        b'a' => Ok(ascii_escape(&protocol::repr_string(ctx, value)?).chars().map(u32::from).collect()),
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
            conv.numeric = true;
            format_integer(value, kind, conv)
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            conv.numeric = true;
            let Some(x) = crate::methods::int::to_f64(value) else {
                return Err(PyErr::type_error(format!("must be real number, not {}", value.type_name())));
            };
            let x = x?;
            let text = num::format_float(x, kind, Some(conv.precision.unwrap_or(6)), conv.flags & F_ALT != 0);
            Ok(text.chars().map(u32::from).collect())
        }
        b'c' => format_char(value).map(|c| vec![c]),
        _ => {
            let shown = if (31..=126).contains(&conv.kind) { char::from(kind) } else { '?' };
            Err(PyErr::value_error(format!(
                "unsupported format character '{shown}' ({:#x}) at index {index}",
                conv.kind
            )))
        }
    }
}

fn format_char(value: &Value) -> PyResult<u32> {
    if let Some(s) = value.as_str() {
        if s.len() == 1 {
            return Ok(s.code_point(0));
        }
        return Err(PyErr::type_error("%c requires int or char"));
    }
    let Some(i) = as_int(value) else {
        return Err(PyErr::type_error("%c requires int or char"));
    };
    i.to_u32().filter(|&c| c < 0x11_0000).ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))
}

/// `%d`, `%o`, `%x`, ...: sign, radix prefix (with `#`) and digits zero-padded to the
/// precision, as `_PyUnicode_FormatLong` produces them.
fn format_integer(value: &Value, kind: u8, conv: &Conversion) -> PyResult<Vec<u32>> {
    let is_number = value.as_f64().is_some() || as_int(value).is_some();
    let wrong_type = || {
        let what =
            if matches!(kind, b'o' | b'x' | b'X') { "an integer is required" } else { "a real number is required" };
        PyErr::type_error(format!("%{} format: {what}, not {}", char::from(kind), value.type_name()))
    };
    if !is_number {
        return Err(wrong_type());
    }
    // A small int in decimal: its digits without a big-int detour.
    if let Value::Int(i) = value
        && matches!(kind, b'd' | b'i' | b'u')
    {
        let mut digits = i.unsigned_abs().to_string();
        if let Some(p) = conv.precision
            && p > digits.len()
        {
            super::check_size(p)?;
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
        let sign = (*i < 0).then_some(u32::from(b'-'));
        return Ok(sign.into_iter().chain(digits.bytes().map(u32::from)).collect());
    }
    let integer: BigInt = match as_int(value) {
        Some(i) => i.into_owned(),
        None if matches!(kind, b'o' | b'x' | b'X') => return Err(wrong_type()),
        None => match value.as_f64() {
            Some(f) => num::f64_to_int(f).map_err(PyErr::from_arith)?,
            None => as_int(&int_from_value(value)?).map(std::borrow::Cow::into_owned).unwrap_or_default(),
        },
    };
    let magnitude = integer.abs();
    let (mut digits, prefix) = match kind {
        b'o' => (magnitude.to_str_radix(8), "0o"),
        b'x' => (magnitude.to_str_radix(16), "0x"),
        b'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        _ => (num::decimal_string(&magnitude, false).map_err(PyErr::value_error)?, ""),
    };
    if let Some(p) = conv.precision
        && p > digits.len()
    {
        super::check_size(p)?;
        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
    }
    let mut text = String::with_capacity(digits.len() + 3);
    if integer.is_negative() {
        text.push('-');
    }
    if conv.flags & F_ALT != 0 {
        text.push_str(prefix);
    }
    text.push_str(&digits);
    Ok(text.chars().map(u32::from).collect())
}

/// Writes a converted value with its sign, prefix and padding
/// (`unicode_format_arg_output`).
fn output(out: &mut Vec<u32>, conv: &Conversion, text: &[u32]) {
    let mut len = text.len();
    let flags = conv.flags;
    let fits = conv.width.is_none_or(|w| w <= len) && conv.precision.is_none_or(|p| p >= len);
    if fits && flags & (F_SIGN | F_BLANK) == 0 {
        out.extend_from_slice(text);
        return;
    }
    let kind = u8::try_from(conv.kind).unwrap_or(0);
    if matches!(kind, b's' | b'r' | b'a')
        && let Some(p) = conv.precision
    {
        len = len.min(p);
    }
    let mut index = 0;
    let mut sign = None;
    if conv.numeric {
        match text.first() {
            Some(&c) if c == u32::from(b'-') || c == u32::from(b'+') => {
                sign = Some(c);
                len -= 1;
                index = 1;
            }
            _ if flags & F_SIGN != 0 => sign = Some(u32::from(b'+')),
            _ if flags & F_BLANK != 0 => sign = Some(u32::from(b' ')),
            _ => {}
        }
    }
    let mut width = conv.width.unwrap_or(0).max(len);
    let fill = if conv.numeric && flags & F_ZERO != 0 { u32::from(b'0') } else { u32::from(b' ') };
    let space = u32::from(b' ');
    let alt_prefix = flags & F_ALT != 0 && matches!(kind, b'x' | b'X' | b'o');
    if let Some(s) = sign {
        if fill != space {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if fill != space {
            out.extend_from_slice(&text[index..index + 2]);
            index += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        out.resize(out.len() + (width - len), fill);
        width = len;
    }
    if fill == space {
        if let Some(s) = sign {
            out.push(s);
        }
        if alt_prefix {
            out.extend_from_slice(&text[index..index + 2]);
            index += 2;
        }
    }
    out.extend_from_slice(&text[index..index + len]);
    if width > len {
        out.resize(out.len() + (width - len), space);
    }
}
