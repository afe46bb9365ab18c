//! Text to numbers: `int(s, base)` and `float(s)` grammars, including Unicode digits and spaces.

use num_bigint::{BigInt, BigUint, Sign};

use super::float::parse_inf_nan;

/// First code point of every run of ten Unicode decimal digits (category Nd, Unicode 14.0).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
    0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a Unicode decimal digit (`str.isdecimal()` characters), if `c` is one.
pub(crate) fn decimal_value(c: char) -> Option<u8> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (cp - zero < 10).then_some((cp - zero) as u8)
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII spaces become `' '`,
/// non-ASCII decimal digits their ASCII digit; any other non-ASCII character becomes `'?'`,
/// which no grammar accepts.
fn to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if c.is_whitespace() {
            out.push(b' ');
        } else {
            out.push(decimal_value(c).map_or(b'?', |d| b'0' + d));
        }
    }
    out
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn trim_c_space(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b
        && is_c_space(*first)
    {
        b = rest;
    }
    while let [rest @ .., last] = b
        && is_c_space(*last)
    {
        b = rest;
    }
    b
}

/// Why `int(s, base)` failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a literal of that base (CPython's "invalid literal for int()").
    Invalid,
    /// More digits than `sys.get_int_max_str_digits()` allows in a base that is not a power
    /// of two; the payload is the number of digits.
    TooManyDigits(usize),
}

/// `int(s, base)`: `None` when CPython would raise `ValueError` (or for a base outside 0, 2..=36).
/// No limit on the number of digits.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_limited(s, base, 0).ok()
}

/// `int(s, base)` refusing more than `max_digits` digits (0: no limit) in bases that are not
/// powers of two, as CPython's `PyLong_FromString` does: the digits are counted (underscores
/// excluded, leading zeros included) before anything after them is looked at.
pub fn parse_int_limited(s: &str, base: u32, max_digits: usize) -> Result<BigInt, IntParseError> {
    use IntParseError::Invalid;
    if base == 1 || base > 36 {
        return Err(Invalid);
    }
    let bytes = to_ascii(s);
    let mut b = trim_c_space(&bytes);
    let mut neg = false;
    if let [sign @ (b'+' | b'-'), rest @ ..] = b {
        neg = *sign == b'-';
        b = rest;
    }
    let mut base = base;
    let mut zero_only = false;
    let lower1 = b.get(1).map(|c| c.to_ascii_lowercase());
    if base == 0 {
        base = match (b.first(), lower1) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            (Some(b'0'), _) => {
                zero_only = true;
                10
            }
            _ => 10,
        };
    }
    if b.first() == Some(&b'0') && matches!((base, lower1), (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))) {
        b = &b[2..];
        if b.first() == Some(&b'_') {
            b = &b[1..];
        }
    }
    let mut digits = Vec::with_capacity(b.len());
    let mut prev_underscore = false;
    let mut used = 0;
    for &c in b {
        if c == b'_' {
            if prev_underscore || digits.is_empty() {
                return Err(Invalid);
            }
            prev_underscore = true;
        } else if let Some(d) = (c as char).to_digit(base) {
            digits.push(d as u8);
            prev_underscore = false;
        } else {
            break;
        }
        used += 1;
    }
    if digits.is_empty() || prev_underscore {
        return Err(Invalid);
    }
    if max_digits > 0 && !base.is_power_of_two() && digits.len() > max_digits {
        return Err(IntParseError::TooManyDigits(digits.len()));
    }
    if used != b.len() || (zero_only && digits.iter().any(|&d| d != 0)) {
        return Err(Invalid);
    }
    let mag = BigUint::from_radix_be(&digits, base).ok_or(Invalid)?;
    Ok(BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, mag))
}

/// Consumes `digit (_? digit)*` from `b[i..]`, pushing digits to `out`; returns the new index
/// and whether at least one digit was read, or `None` on a misplaced underscore.
fn scan_digits(b: &[u8], mut i: usize, out: &mut String) -> Option<(usize, bool)> {
    let start = i;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            out.push(c as char);
        } else if c == b'_' {
            let next_digit = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if i == start || !next_digit {
                return None;
            }
        } else {
            break;
        }
        i += 1;
    }
    Some((i, i > start))
}

/// `float(s)`: `None` when CPython would raise `ValueError`; correctly rounded.
pub fn parse_float(s: &str) -> Option<f64> {
    let bytes = to_ascii(s);
    let b = trim_c_space(&bytes);
    if let Some((v, used)) = parse_inf_nan(b) {
        return (used == b.len()).then_some(v);
    }
    let mut clean = String::with_capacity(b.len());
    let mut i = 0;
    if let Some(&c @ (b'+' | b'-')) = b.first() {
        clean.push(c as char);
        i = 1;
    }
    let (j, int_digits) = scan_digits(b, i, &mut clean)?;
    i = j;
    let mut frac_digits = false;
    if b.get(i) == Some(&b'.') {
        clean.push('.');
        let (j, any) = scan_digits(b, i + 1, &mut clean)?;
        i = j;
        frac_digits = any;
    }
    if !int_digits && !frac_digits {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        clean.push('e');
        i += 1;
        if let Some(&c @ (b'+' | b'-')) = b.get(i) {
            clean.push(c as char);
            i += 1;
        }
        let (j, any) = scan_digits(b, i, &mut clean)?;
        if !any {
            return None;
        }
        i = j;
    }
    if i != b.len() {
        return None;
    }
    clean.parse::<f64>().ok()
}
