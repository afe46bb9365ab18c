//! `complex` and text: `complex('1+2j')` with CPython's grammar and errors, and
//! `format(z, spec)` with the format-spec mini-language as complex accepts it.

use crate::error::{PyErr, PyResult};
use crate::methods::complex::Complex;
use crate::methods::format::{Spec, parse_spec};
use crate::num;
use crate::types::str::PyStr;

const MALFORMED: &str = "complex() arg is a malformed string";

/// `complex(text)` (CPython's `complex_subtype_from_string`): Unicode digits and spaces
/// are read as ASCII, underscores are allowed between digits.
///
/// # Errors
/// `ValueError: complex() arg is a malformed string`, or `could not convert string to
/// complex: ...` for a misplaced underscore.
pub(crate) fn parse_complex(text: &PyStr) -> PyResult<Complex> {
    let ascii = to_ascii(text.as_str());
    if !ascii.contains(&b'_') {
        return parse_inner(&ascii).ok_or_else(|| PyErr::value_error(MALFORMED));
    }
    let underscore_error = || PyErr::value_error(format!("could not convert string to complex: {}", text.repr()));
    let mut clean = Vec::with_capacity(ascii.len());
    let mut prev = 0u8;
    let mut consumed = 0;
    for &c in ascii.iter().take_while(|&&c| c != 0) {
        consumed += 1;
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return Err(underscore_error());
            }
        } else {
            clean.push(c);
            if prev == b'_' && !c.is_ascii_digit() {
                return Err(underscore_error());
            }
        }
        prev = c;
    }
    if prev == b'_' || consumed != ascii.len() {
        return Err(underscore_error());
    }
    parse_inner(&clean).ok_or_else(|| PyErr::value_error(MALFORMED))
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: spaces become `' '`, decimal
/// digits their ASCII digit, any other non-ASCII character `'?'`.
fn to_ascii(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if c.is_whitespace() {
                b' '
            } else {
                num::decimal_value(c).map_or(b'?', |d| b'0' + d)
            }
        })
        .collect()
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The byte at `i`, or NUL past the end (the text is read as a C string).
fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// A float at the start of `b[start..]` as CPython's `PyOS_string_to_double` with an end
/// pointer reads one: the value and where it ends, or `None` if nothing was converted.
fn scan_float(b: &[u8], start: usize) -> Option<(f64, usize)> {
    let mut i = start;
    if matches!(at(b, i), b'+' | b'-') {
        i += 1;
    }
    let int_start = i;
    while at(b, i).is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if at(b, i) == b'.' {
        let mut j = i + 1;
        while at(b, j).is_ascii_digit() {
            j += 1;
        }
        frac_digits = j - i - 1;
        if int_digits + frac_digits > 0 {
            i = j;
        }
    }
    if int_digits + frac_digits == 0 {
        return num::parse_inf_nan(&b[start..]).map(|(v, used)| (v, start + used));
    }
    if matches!(at(b, i), b'e' | b'E') {
        let mut j = i + 1;
        if matches!(at(b, j), b'+' | b'-') {
            j += 1;
        }
        let exp_start = j;
        while at(b, j).is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let text = std::str::from_utf8(&b[start..i]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// CPython's `complex_from_string_inner` on ASCII text: `<float>`, `<float>j`,
/// `<float><signed-float>j`, and the old forms `<float><sign>j`, `<sign>j`, `j`, each
/// optionally in parentheses and surrounded by whitespace.
fn parse_inner(b: &[u8]) -> Option<Complex> {
    let mut s = 0;
    while is_c_space(at(b, s)) {
        s += 1;
    }
    let got_bracket = at(b, s) == b'(';
    if got_bracket {
        s += 1;
        while is_c_space(at(b, s)) {
            s += 1;
        }
    }
    let is_j = |c: u8| c == b'j' || c == b'J';
    let (mut x, mut y) = (0.0, 0.0);
    if let Some((z, end)) = scan_float(b, s) {
        s = end;
        if matches!(at(b, s), b'+' | b'-') {
            x = z;
            if let Some((v, end)) = scan_float(b, s) {
                y = v;
                s = end;
            } else {
                y = if at(b, s) == b'+' { 1.0 } else { -1.0 };
                s += 1;
            }
            if !is_j(at(b, s)) {
                return None;
            }
            s += 1;
        } else if is_j(at(b, s)) {
            s += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        if matches!(at(b, s), b'+' | b'-') {
            y = if at(b, s) == b'+' { 1.0 } else { -1.0 };
            s += 1;
        } else {
            y = 1.0;
        }
        if !is_j(at(b, s)) {
            return None;
        }
        s += 1;
    }
    while is_c_space(at(b, s)) {
        s += 1;
    }
    if got_bracket {
        if at(b, s) != b')' {
            return None;
        }
        s += 1;
        while is_c_space(at(b, s)) {
            s += 1;
        }
    }
    (s == b.len()).then_some((x, y))
}

/// `format(z, spec)` for a non-empty spec (CPython's `format_complex_internal`).
///
/// # Errors
/// CPython's `ValueError`s: a bad spec, an unknown type code, zero padding, `=` alignment.
pub(crate) fn format_complex((re, im): Complex, spec_text: &str) -> PyResult<String> {
    let spec = parse_spec(spec_text).map_err(|e| {
        if e.message() == "Invalid format specifier" {
            PyErr::value_error(format!("Invalid format specifier '{spec_text}' for object of type 'complex'"))
        } else {
            e
        }
    })?;
    check_grouping(&spec)?;
    if let Some(k) = spec.kind.filter(|k| !matches!(k, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(PyErr::value_error(format!("Unknown format code '{k}' for object of type 'complex'")));
    }
    if (spec.zero && spec.fill.is_none()) || spec.fill == Some('0') {
        return Err(PyErr::value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some('=') {
        return Err(PyErr::value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let (mut kind, mut skip_re, mut add_parens) = (spec.kind.unwrap_or('r'), false, false);
    if spec.kind.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if kind == 'n' {
        kind = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if kind == 'r' {
                kind = 'g';
            }
            Some(p)
        }
        None if kind == 'r' => None,
        None => Some(6),
    };
    let code = u8::try_from(kind).unwrap_or(b'g');
    let number = |x: f64, sign: Option<char>| -> String {
        let text = num::format_float_opts(x, code, precision, spec.alternate, false);
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) if !(spec.no_neg_zero && is_zero_text(rest)) => (true, rest),
            Some(rest) => (false, rest),
            None => (false, text.as_str()),
        };
        let body = match spec.grouping {
            Some(sep) => {
                let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
                format!("{}{}", group_digits(&body[..split], sep), &body[split..])
            }
            None => body.to_owned(),
        };
        let sign = match (negative, sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        };
        format!("{sign}{body}")
    };
    let mut out = String::new();
    if add_parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&number(re, spec.sign));
    }
    out.push_str(&number(im, if skip_re { spec.sign } else { Some('+') }));
    out.push('j');
    if add_parens {
        out.push(')');
    }
    Ok(pad(&out, &spec))
}

/// Whether formatted digits (after the sign) stand for zero.
fn is_zero_text(text: &str) -> bool {
    let mantissa = text.split(['e', 'E']).next().unwrap_or("");
    mantissa.chars().any(|c| c == '0') && mantissa.chars().all(|c| matches!(c, '0' | '.'))
}

/// CPython's check that a thousands separator suits the presentation type.
fn check_grouping(spec: &Spec) -> PyResult<()> {
    let Some(sep) = spec.grouping else { return Ok(()) };
    match spec.kind {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => Ok(()),
        Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(()),
        Some(k) if (' '..='~').contains(&k) => Err(PyErr::value_error(format!("Cannot specify '{sep}' with '{k}'."))),
        Some(k) => Err(PyErr::value_error(format!("Cannot specify '{sep}' with '\\x{:x}'.", u32::from(k)))),
    }
}

fn group_digits(digits: &str, separator: char) -> String {
    let count = digits.len();
    let mut out = String::with_capacity(count + count / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Pads to the spec's width with its fill; complex aligns right by default.
fn pad(text: &str, spec: &Spec) -> String {
    let width = spec.width.unwrap_or(0);
    let len = text.chars().count();
    if len >= width {
        return text.to_owned();
    }
    let fill_count = width - len;
    let fills = |n: usize| std::iter::repeat_n(spec.fill.unwrap_or(' '), n).collect::<String>();
    match spec.align.unwrap_or('>') {
        '<' => format!("{text}{}", fills(fill_count)),
        '^' => format!("{}{text}{}", fills(fill_count / 2), fills(fill_count - fill_count / 2)),
        _ => format!("{}{text}", fills(fill_count)),
    }
}
