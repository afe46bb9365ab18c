//! CPython's tokenizer checks on numeric literals.
//!
//! Ruff splits `1_` into `1` and `_`, or `0b12` into two numbers, and lets the parser
//! complain later; CPython's tokenizer rejects the literal itself ("invalid decimal
//! literal", "invalid digit '2' in binary literal", leading zeros). This module re-reads
//! the characters of a literal and reports CPython's message.

/// A problem in a numeric literal: the message and the 1-based character offset of the
/// error relative to the literal's first character (CPython's `offset` minus the column).
pub(crate) struct NumberError {
    pub msg: String,
    pub offset: usize,
}

/// Keywords CPython accepts glued to a number (`1if x else y`), with a deprecation warning.
const GLUED_KEYWORDS: [&str; 8] = ["and", "else", "for", "if", "in", "is", "or", "not"];

/// Checks the literal starting at the beginning of `rest` (which continues to the end of
/// the source). Returns `None` when CPython's tokenizer would accept it.
pub(crate) fn check_number(rest: &str) -> Option<NumberError> {
    let b = rest.as_bytes();
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1] | 0x20, b'x' | b'o' | b'b') {
        check_radix(b)
    } else {
        check_decimal(b)
    }
}

fn err(msg: impl Into<String>, offset: usize) -> Option<NumberError> {
    Some(NumberError { msg: msg.into(), offset: offset.max(1) })
}

fn is_ident(b: Option<&u8>) -> bool {
    b.is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80)
}

fn glued_keyword(b: &[u8], i: usize) -> bool {
    GLUED_KEYWORDS.iter().any(|k| b[i..].starts_with(k.as_bytes()))
}

fn check_radix(b: &[u8]) -> Option<NumberError> {
    let (kind, valid): (&str, fn(u8) -> bool) = match b[1] | 0x20 {
        b'x' => ("hexadecimal", |c| c.is_ascii_hexdigit()),
        b'o' => ("octal", |c| (b'0'..=b'7').contains(&c)),
        _ => ("binary", |c| c == b'0' || c == b'1'),
    };
    let mut i = 2;
    let mut digits = 0;
    loop {
        let underscore = b.get(i) == Some(&b'_');
        if underscore {
            i += 1;
        }
        match b.get(i) {
            Some(&c) if valid(c) => {
                i += 1;
                digits += 1;
            }
            Some(&c) if c.is_ascii_digit() => {
                return err(format!("invalid digit '{}' in {kind} literal", char::from(c)), i + 1);
            }
            _ if underscore || digits == 0 => return err(format!("invalid {kind} literal"), i),
            _ => break,
        }
    }
    if is_ident(b.get(i)) && !glued_keyword(b, i) {
        return err(format!("invalid {kind} literal"), i);
    }
    None
}

/// Consumes `digit (_? digit)*` from `i`; on a `_` not followed by a digit, returns the
/// index after the underscore as the error position.
fn digits(b: &[u8], mut i: usize) -> Result<usize, usize> {
    while i < b.len() {
        if b[i].is_ascii_digit() {
            i += 1;
        } else if b[i] == b'_' {
            if b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
            } else {
                return Err(i + 1);
            }
        } else {
            break;
        }
    }
    Ok(i)
}

fn check_decimal(b: &[u8]) -> Option<NumberError> {
    const INVALID: &str = "invalid decimal literal";
    let mut i = match digits(b, 0) {
        Ok(i) => i,
        Err(at) => return err(INVALID, at),
    };
    let int_end = i;
    let mut is_float = false;
    if b.get(i) == Some(&b'.') {
        is_float = true;
        i += 1;
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            match digits(b, i) {
                Ok(end) => i = end,
                Err(at) => return err(INVALID, at),
            }
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            is_float = true;
            match digits(b, j) {
                Ok(end) => i = end,
                Err(at) => return err(INVALID, at),
            }
        } else if glued_keyword(b, i) {
            return None;
        } else {
            return err(INVALID, i);
        }
    }
    let mut kind = "decimal";
    if matches!(b.get(i), Some(b'j' | b'J')) {
        is_float = true;
        kind = "imaginary";
        i += 1;
    }
    let int_part = &b[..int_end];
    if !is_float && int_part.first() == Some(&b'0') && int_part.iter().any(|c| matches!(c, b'1'..=b'9')) {
        return err(
            "leading zeros in decimal integer literals are not permitted; \
             use an 0o prefix for octal integers",
            1,
        );
    }
    if is_ident(b.get(i)) && !glued_keyword(b, i) {
        return err(format!("invalid {kind} literal"), i);
    }
    None
}
