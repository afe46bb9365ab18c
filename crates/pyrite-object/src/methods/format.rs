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
use crate::value::Value;

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
    let chars: Vec<char> = spec.chars().collect();
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
        let text: String = chars[start..*i].iter().collect();
        text.parse::<usize>().map(Some).map_err(|_| PyErr::value_error("Too many decimal digits in format string"))
    };
    s.width = digits(&mut i)?;
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
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

/// Pads `body` (with its sign/prefix split off as `prefix`) to the spec's width.
fn pad(spec: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    let len = prefix.chars().count() + body.chars().count();
    if len >= width {
        return format!("{prefix}{body}");
    }
    let fill_count = width - len;
    let (fill, align) = if spec.zero && spec.align.is_none() && spec.fill.is_none() {
        ('0', '=')
    } else {
        (spec.fill.unwrap_or(' '), spec.align.unwrap_or(default_align))
    };
    let fills = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{prefix}{body}{}", fills(fill_count)),
        '^' => format!("{}{prefix}{body}{}", fills(fill_count / 2), fills(fill_count - fill_count / 2)),
        '=' => format!("{prefix}{}{body}", fills(fill_count)),
        _ => format!("{}{prefix}{body}", fills(fill_count)),
    }
}

fn group_digits(digits: &str, separator: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(separator);
        }
        out.push(*c);
    }
    out
}

fn sign_prefix(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

fn format_str(text: &str, spec: &Spec) -> PyResult<String> {
    if let Some(k) = spec.kind.filter(|k| *k != 's') {
        return Err(PyErr::value_error(format!("Unknown format code '{k}' for object of type 'str'")));
    }
    if spec.sign.is_some() {
        return Err(PyErr::value_error("Sign not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error("'=' alignment not allowed in string format specifier"));
    }
    if let Some(sep) = spec.grouping {
        return Err(PyErr::value_error(format!("Cannot specify '{sep}' with 's'.")));
    }
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_owned(),
    };
    Ok(pad(spec, "", &body, '<'))
}

fn format_int(value: &BigInt, spec: &Spec) -> PyResult<String> {
    let kind = spec.kind.unwrap_or('d');
    if matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = num::int_to_f64(value).map_err(PyErr::from_arith)?;
        return format_float(f, spec);
    }
    if spec.precision.is_some() {
        return Err(PyErr::value_error("Precision not allowed in integer format specifier"));
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
        other => return Err(PyErr::value_error(format!("Unknown format code '{other}' for object of type 'int'"))),
    };
    let grouped = match spec.grouping {
        Some(sep) => group_digits(&digits, sep, if matches!(kind, 'd' | 'n') { 3 } else { 4 }),
        None => digits,
    };
    let mut prefix = sign_prefix(value.is_negative(), spec.sign).to_owned();
    if spec.alternate {
        prefix.push_str(radix_prefix);
    }
    Ok(pad(spec, &prefix, &grouped, '>'))
}

fn format_float(x: f64, spec: &Spec) -> PyResult<String> {
    let kind = spec.kind;
    if let Some(k) = kind.filter(|k| !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) {
        return Err(PyErr::value_error(format!("Unknown format code '{k}' for object of type 'float'")));
    }
    let mut x = x;
    if spec.no_neg_zero && x == 0.0 {
        x = 0.0;
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    let magnitude = x.abs();
    let body = match kind {
        None => match spec.precision {
            None => num::float_repr(magnitude),
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
    let body = match spec.grouping {
        Some(sep) => {
            let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
            format!("{}{}", group_digits(&body[..split], sep, 3), &body[split..])
        }
        None => body,
    };
    Ok(pad(spec, sign_prefix(negative, spec.sign), &body, '>'))
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
    let text = match value {
        v if v.as_f64().is_some() => format_float(v.as_f64().unwrap_or(f64::NAN), &parsed)?,
        Value::Int(_) | Value::Bool(_) => {
            format_int(&as_int(value).map(std::borrow::Cow::into_owned).unwrap_or_default(), &parsed)?
        }
        Value::Obj(o) if o.is::<PyInt>() => {
            format_int(&as_int(value).map(std::borrow::Cow::into_owned).unwrap_or_default(), &parsed)?
        }
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
