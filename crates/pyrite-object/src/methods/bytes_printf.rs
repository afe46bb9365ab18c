//! `bytes % args`: printf-style formatting of bytes (PEP 461), following CPython 3.11's
//! `_PyBytes_FormatEx`: `%s`/`%b` take bytes-like objects or `__bytes__`, `%r`/`%a` give
//! `ascii()`, `%c` takes an int or one byte, and the numeric conversions are str's.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::format::ascii_escape;
use crate::methods::int::{as_int, to_i64};
use crate::num;
use crate::protocol;
use crate::types::list::PyTuple;
use crate::types::typeobj::type_payload;
use crate::value::Value;

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// The arguments being consumed: a tuple's items one by one, or one value.
struct Source {
    args: Value,
    items: Option<Vec<Value>>,
    next: usize,
    single_used: bool,
    dict: Option<Value>,
}

impl Source {
    fn next_arg(&mut self) -> PyResult<Value> {
        match &self.items {
            Some(items) => {
                let item = items.get(self.next).cloned();
                self.next += 1;
                item.ok_or_else(|| PyErr::type_error("not enough arguments for format string"))
            }
            None if !self.single_used => {
                self.single_used = true;
                Ok(self.args.clone())
            }
            None => Err(PyErr::type_error("not enough arguments for format string")),
        }
    }

    fn all_used(&self) -> bool {
        match &self.items {
            Some(items) => self.next >= items.len(),
            None => self.single_used,
        }
    }
}

/// One parsed conversion.
struct Spec {
    flags: u8,
    width: Option<usize>,
    precision: Option<usize>,
    kind: u8,
    numeric: bool,
}

/// `format % args` for the bytes of a bytes or bytearray.
pub(super) fn format(ctx: &mut Ctx, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let tuple = args.downcast::<PyTuple>().map(|t| t.items().to_vec());
    let is_mapping = tuple.is_none()
        && super::kind_of(args).is_none()
        && args.as_str().is_none()
        && args.as_obj().is_some_and(|o| type_payload(o.type_ref()).slots().getitem.is_some());
    let mut source = Source {
        args: args.clone(),
        items: tuple,
        next: 0,
        single_used: false,
        dict: is_mapping.then(|| args.clone()),
    };
    let mut out = Vec::with_capacity(fmt.len());
    let mut pos = 0;
    while pos < fmt.len() {
        let c = fmt[pos];
        pos += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        if fmt.get(pos) == Some(&b'%') {
            out.push(b'%');
            pos += 1;
            continue;
        }
        let mut spec = parse_spec(ctx, fmt, &mut pos, &mut source)?;
        let value = source.next_arg()?;
        let text = convert(ctx, &mut spec, &value, pos - 1)?;
        output(&mut out, &spec, &text);
    }
    if !source.all_used() && source.dict.is_none() {
        return Err(PyErr::type_error("not all arguments converted during bytes formatting"));
    }
    crate::methods::sequence::checked_total(out.len(), 1)?;
    Ok(out)
}

fn parse_spec(ctx: &mut Ctx, fmt: &[u8], pos: &mut usize, source: &mut Source) -> PyResult<Spec> {
    if fmt.get(*pos) == Some(&b'(') {
        let Some(dict) = source.dict.clone() else {
            return Err(PyErr::type_error("format requires a mapping"));
        };
        *pos += 1;
        let key_start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < fmt.len() {
            match fmt[*pos] {
                b')' => depth -= 1,
                b'(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key = Value::Obj(crate::types::bytes::PyBytes::new_obj(fmt[key_start..*pos - 1].to_vec()));
        source.args = protocol::getitem(ctx, &dict, &key)?;
        source.items = None;
        source.single_used = false;
    }
    let mut flags = 0;
    while let Some(&c) = fmt.get(*pos) {
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
    if fmt.get(*pos) == Some(&b'*') {
        *pos += 1;
        let w = star_arg(source)?;
        if w < 0 {
            flags |= F_LJUST;
        }
        width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
    } else if let Some(w) = digits(fmt, pos, "width too big")? {
        width = Some(w);
    }
    let mut precision = None;
    if fmt.get(*pos) == Some(&b'.') {
        *pos += 1;
        precision = Some(0);
        if fmt.get(*pos) == Some(&b'*') {
            *pos += 1;
            precision = Some(usize::try_from(star_arg(source)?.max(0)).unwrap_or(0));
        } else if let Some(p) = digits(fmt, pos, "precision too big")? {
            precision = Some(p);
        }
    }
    if matches!(fmt.get(*pos), Some(b'h' | b'l' | b'L')) {
        *pos += 1;
    }
    let Some(&kind) = fmt.get(*pos) else {
        return Err(PyErr::value_error("incomplete format"));
    };
    *pos += 1;
    Ok(Spec { flags, width, precision, kind, numeric: false })
}

fn star_arg(source: &mut Source) -> PyResult<i64> {
    let v = source.next_arg()?;
    if as_int(&v).is_none() {
        return Err(PyErr::type_error("* wants int"));
    }
    to_i64(&v)
}

fn digits(fmt: &[u8], pos: &mut usize, too_big: &str) -> PyResult<Option<usize>> {
    let mut value: Option<usize> = None;
    while let Some(&c) = fmt.get(*pos).filter(|c| c.is_ascii_digit()) {
        let v = value.unwrap_or(0);
        value = Some(
            v.checked_mul(10)
                .and_then(|v| v.checked_add(usize::from(c - b'0')))
                .filter(|&v| i32::try_from(v).is_ok())
                .ok_or_else(|| PyErr::value_error(too_big))?,
        );
        *pos += 1;
    }
    Ok(value)
}

fn convert(ctx: &mut Ctx, spec: &mut Spec, value: &Value, index: usize) -> PyResult<Vec<u8>> {
    match spec.kind {
        b's' | b'b' => {
            if let Some(data) = super::buffer_bytes(value) {
                return Ok(data);
            }
            if let Some(result) = crate::methods::slots::call_dunder(ctx, value, "__bytes__", &[])? {
                return super::buffer_bytes(&result).ok_or_else(|| {
                    PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", result.type_name()))
                });
            }
            Err(PyErr::type_error(format!(
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                value.type_name()
            )))
        }
        b'r' | b'a' => Ok(ascii_escape(&protocol::repr_string(ctx, value)?).into_bytes()),
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => {
            spec.numeric = true;
            format_integer(ctx, value, spec)
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            spec.numeric = true;
            let x = crate::methods::float::as_double(ctx, value).map_err(|e| {
                if e.matches(&crate::types().type_error) {
                    PyErr::type_error(format!("float argument required, not {}", value.type_name()))
                } else {
                    e
                }
            })?;
            Ok(num::format_float(x, spec.kind, Some(spec.precision.unwrap_or(6)), spec.flags & F_ALT != 0).into_bytes())
        }
        b'c' => {
            if let Some(data) = super::kind_of(value).and_then(|_| super::buffer_bytes(value)) {
                if data.len() == 1 {
                    return Ok(data);
                }
            } else if let Some(i) = as_int(value) {
                return u8::try_from(i.as_ref())
                    .map(|b| vec![b])
                    .map_err(|_| PyErr::overflow("%c arg not in range(256)"));
            }
            Err(PyErr::type_error("%c requires an integer in range(256) or a single byte"))
        }
        other => {
            let shown = if (32..127).contains(&other) { char::from(other) } else { '?' };
            Err(PyErr::value_error(format!("unsupported format character '{shown}' ({other:#x}) at index {index}")))
        }
    }
}

fn format_integer(ctx: &mut Ctx, value: &Value, spec: &Spec) -> PyResult<Vec<u8>> {
    let kind = spec.kind;
    let wrong_type = || {
        let what =
            if matches!(kind, b'o' | b'x' | b'X') { "an integer is required" } else { "a real number is required" };
        // bytes' `%i` reports itself as `%d` (CPython converts the code first).
        let shown = if kind == b'i' { 'd' } else { char::from(kind) };
        PyErr::type_error(format!("%{shown} format: {what}, not {}", value.type_name()))
    };
    let integer: BigInt = if let Some(i) = as_int(value) {
        i.into_owned()
    } else if let Some(f) = value.as_f64() {
        if matches!(kind, b'o' | b'x' | b'X') {
            return Err(wrong_type());
        }
        num::f64_to_int(f).map_err(PyErr::from_arith)?
    } else if protocol::has_index(value) {
        let i = protocol::index(ctx, value, |_| String::new())?;
        as_int(&i).map(std::borrow::Cow::into_owned).unwrap_or_default()
    } else {
        return Err(wrong_type());
    };
    let magnitude = integer.abs();
    let (mut text, prefix) = match kind {
        b'o' => (magnitude.to_str_radix(8), "0o"),
        b'x' => (magnitude.to_str_radix(16), "0x"),
        b'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        _ => (num::decimal_string(&magnitude, false).map_err(PyErr::value_error)?, ""),
    };
    if let Some(p) = spec.precision
        && p > text.len()
    {
        text = format!("{}{text}", "0".repeat(p - text.len()));
    }
    let mut out = String::with_capacity(text.len() + 3);
    if integer.is_negative() {
        out.push('-');
    }
    if spec.flags & F_ALT != 0 {
        out.push_str(prefix);
    }
    out.push_str(&text);
    Ok(out.into_bytes())
}

/// Writes a converted value with its sign, prefix and padding.
fn output(out: &mut Vec<u8>, spec: &Spec, text: &[u8]) {
    let flags = spec.flags;
    let mut len = text.len();
    if matches!(spec.kind, b's' | b'b' | b'r' | b'a')
        && let Some(p) = spec.precision
    {
        len = len.min(p);
    }
    let mut index = 0;
    let mut sign = None;
    if spec.numeric {
        match text.first() {
            Some(&c) if c == b'-' || c == b'+' => {
                sign = Some(c);
                len -= 1;
                index = 1;
            }
            _ if flags & F_SIGN != 0 => sign = Some(b'+'),
            _ if flags & F_BLANK != 0 => sign = Some(b' '),
            _ => {}
        }
    }
    let mut width = spec.width.unwrap_or(0).max(len);
    let zero = spec.numeric && flags & F_ZERO != 0;
    let fill = if zero { b'0' } else { b' ' };
    let alt_prefix = flags & F_ALT != 0 && matches!(spec.kind, b'x' | b'X' | b'o');
    if let Some(s) = sign {
        if zero {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if zero {
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
    if !zero {
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
        out.resize(out.len() + (width - len), b' ');
    }
}
