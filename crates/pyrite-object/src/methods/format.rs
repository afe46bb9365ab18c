//! `format(value, spec)`: the format-spec mini-language for str, int and float, used by
//! f-strings, `format()` and (later) `str.format`.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::int::as_int;
use crate::num;
use crate::protocol;
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::value::Value;
use pyrite_memory::ObjRef;

/// A parsed format spec.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

/// Parses a format spec, with CPython's errors.
pub fn parse_spec(spec: &str) -> PyResult<Spec> {
    // Specs are short: their characters stay on the stack.
    let mut small = ['\0'; 16];
    let owned: Vec<char>;
    let chars: &[char] = if spec.len() <= small.len() && spec.is_ascii() {
        for (slot, b) in small.iter_mut().zip(spec.bytes()) {
            *slot = char::from(b);
        }
        &small[..spec.len()]
    } else {
        owned = spec.chars().collect();
        &owned
    };
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let digits = |i: &mut usize| -> PyResult<Option<usize>> {
        let start = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start {
            return Ok(None);
        }
        let mut value: usize = 0;
        for &c in &chars[start..*i] {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(c.to_digit(10).map_or(0, |d| d as usize)))
                .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
        }
        Ok(Some(value))
    };
    s.width = digits(&mut i)?;
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        // `,,` and `__` leave the second as the type, which is then refused.
        if i < chars.len() && matches!(chars[i], ',' | '_') && Some(chars[i]) != s.grouping {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        s.precision = digits(&mut i)?;
        if s.precision.is_none() {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(PyErr::value_error("Invalid format specifier"));
    }
    Ok(s)
}

/// The fill character and alignment the spec asks for; the `0` flag means fill with
/// zeros and, for numbers (right-aligned by default), pad after the sign (CPython's
/// `parse_internal_render_format_spec`).
fn fill_align(spec: &Spec, default_align: char) -> (char, char) {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && default_align == '>' { '=' } else { default_align });
    (fill, align)
}

/// Pads `body` (with its sign/prefix split off as `prefix`) to the spec's width.
fn pad(spec: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = prefix.chars().count() + body.chars().count();
    if len >= width {
        let mut out = String::with_capacity(prefix.len() + body.len());
        out.push_str(prefix);
        out.push_str(body);
        return out;
    }
    let fill_count = width - len;
    let (fill, align) = fill_align(spec, default_align);
    let (before, between, after) = match align {
        '<' => (0, 0, fill_count),
        '^' => (fill_count / 2, 0, fill_count - fill_count / 2),
        '=' => (0, fill_count, 0),
        _ => (fill_count, 0, 0),
    };
    let mut out = String::with_capacity(prefix.len() + body.len() + fill_count * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, before));
    out.push_str(prefix);
    out.extend(std::iter::repeat_n(fill, between));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, after));
    out
}

/// The integer digits with `separator` every `every` digits. When the padding is zeros
/// after the sign, the zeros become digits too, grouped, until the number fills the
/// width: `format(123, '010,')` is `'00,000,123'` (CPython's
/// `_PyUnicode_InsertThousandsGrouping` with a minimum width). `others` counts what the
/// width holds besides the digits (sign, prefix, fraction).
fn group_digits(spec: &Spec, digits: &str, separator: char, every: usize, others: usize) -> String {
    let zero_padded = fill_align(spec, '>') == ('0', '=');
    let width = spec.width.unwrap_or(0);
    let mut min_width =
        if zero_padded { isize::try_from(width).unwrap_or(0) - isize::try_from(others).unwrap_or(0) } else { 0 };
    let chars: Vec<char> = digits.chars().collect();
    let every_i = isize::try_from(every).unwrap_or(3);
    let mut remaining = isize::try_from(chars.len()).unwrap_or(0);
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = every_i.min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0);
        let taken = remaining.min(len).max(0);
        let end = usize::try_from(remaining).unwrap_or(0);
        let start = end - usize::try_from(taken).unwrap_or(0);
        let mut group: String = std::iter::repeat_n('0', usize::try_from(zeros).unwrap_or(0)).collect();
        group.extend(&chars[start..end]);
        groups.push(group);
        remaining -= taken;
        min_width -= every_i;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&separator.to_string())
}

fn sign_prefix(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// CPython's check of a thousands separator against the presentation type (`kind`, or
/// the type's default): `,` and `_` go with decimal and float types, `_` also with binary,
/// octal and hex.
fn check_grouping(spec: &Spec, default_kind: Option<char>) -> PyResult<()> {
    let Some(sep) = spec.grouping else { return Ok(()) };
    match spec.kind.or(default_kind) {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(()),
        Some(k) if (' '..'\x7f').contains(&k) && k != ' ' => {
            Err(PyErr::value_error(format!("Cannot specify '{sep}' with '{k}'.")))
        }
        Some(k) => Err(PyErr::value_error(format!("Cannot specify '{sep}' with '\\x{:x}'.", u32::from(k)))),
    }
}

fn format_str(text: &str, spec: &Spec) -> PyResult<String> {
    check_grouping(spec, Some('s'))?;
    if let Some(k) = spec.kind.filter(|k| *k != 's') {
        return Err(PyErr::value_error(format!("Unknown format code '{k}' for object of type 'str'")));
    }
    if spec.sign == Some(' ') {
        return Err(PyErr::value_error("Space not allowed in string format specifier"));
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_zero {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(PyErr::value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_owned(),
    };
    Ok(pad(spec, "", &body, '<'))
}

fn format_int(value: &BigInt, spec: &Spec, type_name: &str) -> PyResult<String> {
    check_grouping(spec, Some('d'))?;
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = num::int_to_f64(value).map_err(PyErr::from_arith)?;
        return format_float(f, spec, type_name);
    }
    if !matches!(kind, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return Err(PyErr::value_error(format!("Unknown format code '{kind}' for object of type '{type_name}'")));
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(PyErr::value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if kind == 'c' {
        if spec.sign.is_some() {
            return Err(PyErr::value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(PyErr::value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        if value.bits() > 63 {
            return Err(PyErr::overflow("Python int too large to convert to C long"));
        }
    }
    let magnitude = value.abs();
    let (digits, radix_prefix) = match kind {
        'd' | 'n' => (num::decimal_string(&magnitude, false).map_err(PyErr::value_error)?, ""),
        'b' => (magnitude.to_str_radix(2), "0b"),
        'o' => (magnitude.to_str_radix(8), "0o"),
        'x' => (magnitude.to_str_radix(16), "0x"),
        'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            let cp = u32::try_from(value)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
            return Ok(pad(spec, "", &cp.to_string(), '>'));
        }
        other => {
            return Err(PyErr::value_error(format!("Unknown format code '{other}' for object of type '{type_name}'")));
        }
    };
    let mut prefix = sign_prefix(value.is_negative(), spec.sign).to_owned();
    if spec.alternate {
        prefix.push_str(radix_prefix);
    }
    let grouped = match spec.grouping {
        Some(sep) => {
            let every = if matches!(kind, 'd' | 'n') { 3 } else { 4 };
            group_digits(spec, &digits, sep, every, prefix.chars().count())
        }
        None => digits,
    };
    Ok(pad(spec, &prefix, &grouped, '>'))
}

fn format_float(x: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    check_grouping(spec, None)?;
    let kind = spec.kind;
    if let Some(k) = kind.filter(|k| !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) {
        return Err(PyErr::value_error(format!("Unknown format code '{k}' for object of type '{type_name}'")));
    }
    let mut x = x;
    if spec.no_neg_zero && x == 0.0 {
        x = 0.0;
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    let magnitude = x.abs();
    let body = match kind {
        None => match spec.precision {
            None => num::format_float_opts(magnitude, b'r', None, spec.alternate, true),
            Some(p) => num::format_float_opts(magnitude, b'g', Some(p.max(1)), spec.alternate, true),
        },
        Some('n') => num::format_float(magnitude, b'g', Some(spec.precision.unwrap_or(6)), spec.alternate),
        Some(k) => {
            let k = u8::try_from(k).unwrap_or(b'g');
            num::format_float(magnitude, k, Some(spec.precision.unwrap_or(6)), spec.alternate)
        }
    };
    let body = if spec.no_neg_zero && negative && body.chars().all(|c| matches!(c, '0' | '.' | 'e' | '+' | '-' | '%')) {
        return Ok(pad(spec, sign_prefix(false, spec.sign), &body, '>'));
    } else {
        body
    };
    let prefix = sign_prefix(negative, spec.sign);
    let body = match spec.grouping {
        Some(sep) if body.starts_with(|c: char| c.is_ascii_digit()) => {
            let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
            let rest = &body[split..];
            let others = prefix.len() + rest.chars().count();
            format!("{}{rest}", group_digits(spec, &body[..split], sep, 3, others))
        }
        _ => body,
    };
    Ok(pad(spec, prefix, &body, '>'))
}

/// `type(value).__format__(value, spec)` when a Python class defines it.
fn user_format(ctx: &mut Ctx, value: &Value, spec: &str) -> PyResult<Option<Value>> {
    let ty = value.type_ref();
    if !crate::methods::slots::is_python_class(ty) {
        return Ok(None);
    }
    let defined = crate::types::typeobj::lookup_str(ty, "__format__")
        .is_some_and(|attr| attr.downcast::<crate::types::function::BuiltinFunction>().is_none());
    if !defined {
        return Ok(None);
    }
    let Some(result) = crate::methods::slots::call_dunder(ctx, value, "__format__", &[Value::str(spec)])? else {
        return Ok(None);
    };
    if result.as_str().is_none() {
        return Err(PyErr::type_error(format!("__format__ must return a str, not {}", result.type_name())));
    }
    Ok(Some(result))
}

/// `format(i, spec)` of a small int with a plain decimal spec and an ASCII fill (the
/// common `{i:5d}`, `{i:05}`, `{i:<8}`), written straight into the new str; `None` for
/// anything else.
fn format_small_int(i: i64, spec: &Spec) -> Option<ObjRef> {
    if !matches!(spec.kind, None | Some('d')) || spec.grouping.is_some() || spec.precision.is_some() || spec.no_neg_zero
    {
        return None;
    }
    let sign = sign_prefix(i < 0, spec.sign);
    let mut buf = [0; 20];
    let digits = protocol::decimal_digits(i.unsigned_abs(), &mut buf);
    let len = sign.len() + digits.len();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return Some(PyStr::from_ascii_parts_obj(len, [sign, digits]));
    }
    let (fill, align) = fill_align(spec, '>');
    const MAX_FILL: usize = 64;
    let fill_count = width - len;
    if !fill.is_ascii() || fill_count > MAX_FILL {
        return None;
    }
    let fills = [fill as u8; MAX_FILL];
    let fills = std::str::from_utf8(&fills[..fill_count]).ok()?;
    let (before, between, after) = match align {
        '<' => (0, 0, fill_count),
        '^' => (fill_count / 2, 0, fill_count - fill_count / 2),
        '=' => (0, fill_count, 0),
        _ => (fill_count, 0, 0),
    };
    Some(PyStr::from_ascii_parts_obj(width, [&fills[..before], sign, &fills[..between], digits, &fills[..after]]))
}

/// `format(value, spec)` as a str value.
pub fn format(ctx: &mut Ctx, value: &Value, spec: &str) -> PyResult {
    if let Some(result) = user_format(ctx, value, spec)? {
        return Ok(result);
    }
    if spec.is_empty() {
        return protocol::str_(ctx, value);
    }
    if value.downcast::<crate::types::complex::PyComplex>().is_some() {
        return crate::methods::complex::format_value(value, spec).map(|text| Value::str(&text));
    }
    let parsed = parse_spec(spec)?;
    if let Value::Int(i) = value
        && let Some(obj) = format_small_int(*i, &parsed)
    {
        return Ok(Value::Obj(obj));
    }
    let text = match value {
        // The common `{i:5d}` / `{i:05}`: decimal digits of a small int, no big-int detour.
        Value::Int(i)
            if matches!(parsed.kind, None | Some('d'))
                && parsed.grouping.is_none()
                && parsed.precision.is_none()
                && !parsed.no_neg_zero =>
        {
            pad(
                &parsed,
                sign_prefix(*i < 0, parsed.sign),
                protocol::decimal_digits(i.unsigned_abs(), &mut [0; 20]),
                '>',
            )
        }
        v if v.as_f64().is_some() => format_float(v.as_f64().unwrap_or(f64::NAN), &parsed, &v.type_name())?,
        Value::Int(_) | Value::Bool(_) => format_int(
            &as_int(value).map(std::borrow::Cow::into_owned).unwrap_or_default(),
            &parsed,
            &value.type_name(),
        )?,
        Value::Obj(o) if o.is::<PyInt>() => format_int(
            &as_int(value).map(std::borrow::Cow::into_owned).unwrap_or_default(),
            &parsed,
            &value.type_name(),
        )?,
        Value::Obj(_) if value.as_str().is_some() => format_str(value.as_str().map_or("", |s| s.as_str()), &parsed)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                value.type_name()
            )));
        }
    };
    Ok(Value::str(&text))
}

/// `ascii()`: escapes every non-ASCII character of a repr.
#[must_use]
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let cp = u32::from(c);
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}
