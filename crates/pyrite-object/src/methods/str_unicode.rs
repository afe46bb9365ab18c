//! Python's character predicates and case mappings over code points.
//!
//! The predicates follow CPython 3.11's definitions through the generated tables in
//! `str_unicode_tables.rs` (Unicode 14.0). Lower/upper mappings and the Lowercase/Uppercase
//! properties come from Rust's `char` (a newer Unicode version: characters added after
//! 14.0 map where CPython would leave them unchanged). Lone surrogates have no properties
//! and map to themselves.

use super::tables;

fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isspace` for one character: bidirectional class WS, B or S, or category Zs.
pub(super) fn is_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

/// Line boundaries of `str.splitlines`.
pub(super) fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

pub(super) fn is_alpha(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_alphabetic();
    }
    in_ranges(tables::ALPHA, c)
}

pub(super) fn is_decimal(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(tables::DECIMAL, c)
}

pub(super) fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(tables::DIGIT, c)
}

pub(super) fn is_numeric(c: u32) -> bool {
    if c < 0x80 {
        return (c as u8).is_ascii_digit();
    }
    in_ranges(tables::NUMERIC, c)
}

pub(super) fn is_alnum(c: u32) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

pub(super) fn is_printable(c: u32) -> bool {
    if c < 0x80 {
        return (0x20..0x7F).contains(&c);
    }
    in_ranges(tables::PRINTABLE, c)
}

pub(super) fn is_id_start(c: u32) -> bool {
    if c < 0x80 {
        return c == u32::from(b'_') || (c as u8).is_ascii_alphabetic();
    }
    in_ranges(tables::ID_START, c)
}

pub(super) fn is_id_continue(c: u32) -> bool {
    if c < 0x80 {
        return c == u32::from(b'_') || (c as u8).is_ascii_alphanumeric();
    }
    in_ranges(tables::ID_CONTINUE, c)
}

pub(super) fn is_lower(c: u32) -> bool {
    char::from_u32(c).is_some_and(char::is_lowercase)
}

pub(super) fn is_upper(c: u32) -> bool {
    char::from_u32(c).is_some_and(char::is_uppercase)
}

pub(super) fn is_title(c: u32) -> bool {
    c >= 0x1C5 && in_ranges(tables::TITLECASE, c)
}

/// The Cased property: lowercase, uppercase or titlecase.
pub(super) fn is_cased(c: u32) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

fn is_case_ignorable(c: u32) -> bool {
    in_ranges(tables::CASE_IGNORABLE, c)
}

fn push_mapped<I: Iterator<Item = char>>(out: &mut Vec<u32>, c: u32, map: impl FnOnce(char) -> I) {
    match char::from_u32(c) {
        Some(ch) => out.extend(map(ch).map(u32::from)),
        None => out.push(c),
    }
}

fn lookup_map(map: &'static [(u32, &'static str)], c: u32) -> Option<&'static str> {
    map.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| map[i].1)
}

/// Whether the capital sigma at `i` is word-final (Unicode's Final_Sigma condition).
fn final_sigma(cps: &[u32], i: usize) -> bool {
    let before = cps[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = cps[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

/// The full lowercase mapping of `cps[i]`, appended to `out`.
fn push_lower(out: &mut Vec<u32>, cps: &[u32], i: usize) {
    let c = cps[i];
    if c == 0x3A3 {
        out.push(if final_sigma(cps, i) { 0x3C2 } else { 0x3C3 });
        return;
    }
    push_mapped(out, c, char::to_lowercase);
}

fn push_upper(out: &mut Vec<u32>, c: u32) {
    push_mapped(out, c, char::to_uppercase);
}

fn push_title(out: &mut Vec<u32>, c: u32) {
    match lookup_map(tables::TITLE_MAP, c) {
        Some(mapped) => out.extend(mapped.chars().map(u32::from)),
        None => push_upper(out, c),
    }
}

pub(super) fn lower(cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    for i in 0..cps.len() {
        push_lower(&mut out, cps, i);
    }
    out
}

pub(super) fn upper(cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        push_upper(&mut out, c);
    }
    out
}

pub(super) fn casefold(cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    for &c in cps {
        match lookup_map(tables::CASEFOLD, c) {
            Some(mapped) => out.extend(mapped.chars().map(u32::from)),
            None => push_mapped(&mut out, c, char::to_lowercase),
        }
    }
    out
}

pub(super) fn swapcase(cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    for (i, &c) in cps.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, cps, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

pub(super) fn title(cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    let mut previous_is_cased = false;
    for (i, &c) in cps.iter().enumerate() {
        if previous_is_cased {
            push_lower(&mut out, cps, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

pub(super) fn capitalize(cps: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(cps.len());
    for (i, &c) in cps.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, cps, i);
        }
    }
    out
}

pub(super) fn istitle(cps: &[u32]) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for &c in cps {
        if is_upper(c) || is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

pub(super) fn islower(cps: &[u32]) -> bool {
    let mut cased = false;
    for &c in cps {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased = cased || is_lower(c);
    }
    cased
}

pub(super) fn isupper(cps: &[u32]) -> bool {
    let mut cased = false;
    for &c in cps {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased = cased || is_upper(c);
    }
    cased
}

pub(super) fn isidentifier(cps: &[u32]) -> bool {
    match cps.split_first() {
        None => false,
        Some((&first, rest)) => is_id_start(first) && rest.iter().all(|&c| is_id_continue(c)),
    }
}

/// Tests and simple (one-to-one) case mappings of single code points, for the regular
/// expression engine (`_sre`): `\w` is [`is_word`], `\d` [`is_decimal_char`], `\s`
/// [`is_space_char`]; case-insensitive matching uses [`to_lower_simple`] and
/// [`to_upper_simple`] as CPython's `_PyUnicode_ToLowercase`/`_PyUnicode_ToUppercase`.
pub mod chars {
    /// `str.isalnum` of one character, or `_`.
    #[must_use]
    pub fn is_word(c: u32) -> bool {
        c == u32::from(b'_') || super::is_alnum(c)
    }

    /// `str.isdecimal` of one character.
    #[must_use]
    pub fn is_decimal_char(c: u32) -> bool {
        super::is_decimal(c)
    }

    /// `str.isspace` of one character.
    #[must_use]
    pub fn is_space_char(c: u32) -> bool {
        super::is_space(c)
    }

    /// A line boundary of `str.splitlines`.
    #[must_use]
    pub fn is_linebreak_char(c: u32) -> bool {
        super::is_linebreak(c)
    }

    /// The simple lowercase mapping (the character itself when the full mapping is not
    /// one character, except U+0130, whose simple mapping is `i`).
    #[must_use]
    pub fn to_lower_simple(c: u32) -> u32 {
        let Some(ch) = char::from_u32(c) else { return c };
        let mut mapped = ch.to_lowercase();
        match (mapped.next(), mapped.next()) {
            (Some(one), None) => u32::from(one),
            _ if c == 0x130 => u32::from(b'i'),
            _ => c,
        }
    }

    /// The simple uppercase mapping (the character itself when the full mapping is not
    /// one character).
    #[must_use]
    pub fn to_upper_simple(c: u32) -> u32 {
        let Some(ch) = char::from_u32(c) else { return c };
        let mut mapped = ch.to_uppercase();
        match (mapped.next(), mapped.next()) {
            (Some(one), None) => u32::from(one),
            _ => c,
        }
    }
}
