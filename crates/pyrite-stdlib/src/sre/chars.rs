//! Character classes of the regular expression engine: the `AT` position tests, the
//! `CATEGORY` codes (`\d`, `\s`, `\w` in their ASCII, locale and Unicode variants), case
//! folding for the `*_IGNORE` opcodes, and the set language inside `IN` (`LITERAL`,
//! `RANGE`, `CHARSET` bitmaps, `BIGCHARSET` block tables, `NEGATE`).
//!
//! The locale variants use the C locale (ASCII), which is what CPython does in a program
//! that never calls `setlocale`.

use pyrite_object::methods::str::unicode_chars as uni;

use super::opcodes::{at, category, op};

/// `\s` in ASCII: space, tab, newline, return, vertical tab, form feed.
fn is_ascii_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0D | 0x20)
}

fn is_ascii_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}

/// `\w` in ASCII.
pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == u32::from(b'_'))
}

/// `\w` in Unicode.
pub fn is_uni_word(c: u32) -> bool {
    uni::is_word(c)
}

/// `sre_lower_ascii`.
pub fn lower_ascii(c: u32) -> u32 {
    if c < 128 { u32::from((c as u8).to_ascii_lowercase()) } else { c }
}

/// `sre_upper_ascii`.
pub fn upper_ascii(c: u32) -> u32 {
    if c < 128 { u32::from((c as u8).to_ascii_uppercase()) } else { c }
}

/// `sre_lower_unicode`.
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 { lower_ascii(c) } else { uni::to_lower_simple(c) }
}

/// `sre_upper_unicode`.
pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 { upper_ascii(c) } else { uni::to_upper_simple(c) }
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased`.
pub fn unicode_iscased(c: u32) -> bool {
    c != lower_unicode(c) || c != upper_unicode(c)
}

/// A `CATEGORY` code applied to `c`; `None` for an unknown code.
pub fn category(code: u32, c: u32) -> Option<bool> {
    Some(match code {
        category::DIGIT => is_ascii_digit(c),
        category::NOT_DIGIT => !is_ascii_digit(c),
        category::SPACE => is_ascii_space(c),
        category::NOT_SPACE => !is_ascii_space(c),
        category::WORD | category::LOC_WORD => is_ascii_word(c),
        category::NOT_WORD | category::LOC_NOT_WORD => !is_ascii_word(c),
        category::LINEBREAK => c == 10,
        category::NOT_LINEBREAK => c != 10,
        category::UNI_DIGIT => uni::is_decimal_char(c),
        category::UNI_NOT_DIGIT => !uni::is_decimal_char(c),
        category::UNI_SPACE => uni::is_space_char(c),
        category::UNI_NOT_SPACE => !uni::is_space_char(c),
        category::UNI_WORD => is_uni_word(c),
        category::UNI_NOT_WORD => !is_uni_word(c),
        category::UNI_LINEBREAK => uni::is_linebreak_char(c),
        category::UNI_NOT_LINEBREAK => !uni::is_linebreak_char(c),
        _ => return None,
    })
}

/// An `AT` code at `pos` of a text ending at `end`, where `before` is the character before
/// `pos` (none at the beginning) and `here` the one at `pos` (none at `end`); `None` for
/// an unknown code.
pub fn at_position(code: u32, pos: usize, end: usize, before: Option<u32>, here: Option<u32>) -> Option<bool> {
    let newline = Some(10);
    let boundary = |word: fn(u32) -> bool| {
        if end == 0 {
            return None;
        }
        Some(before.is_some_and(word) != here.is_some_and(word))
    };
    Some(match code {
        at::BEGINNING | at::BEGINNING_STRING => pos == 0,
        at::BEGINNING_LINE => pos == 0 || before == newline,
        at::END => pos == end || (pos + 1 == end && here == newline),
        at::END_LINE => pos == end || here == newline,
        at::END_STRING => pos == end,
        at::BOUNDARY | at::LOC_BOUNDARY => boundary(is_ascii_word).unwrap_or(false),
        at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => boundary(is_ascii_word).is_some_and(|b| !b),
        at::UNI_BOUNDARY => boundary(is_uni_word).unwrap_or(false),
        at::UNI_NON_BOUNDARY => boundary(is_uni_word).is_some_and(|b| !b),
        _ => return None,
    })
}

/// Reads code word `i`, FAILURE (0) past the end.
fn word(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(op::FAILURE)
}

/// Whether `c` is in the set starting at `code[set]` (terminated by FAILURE).
pub fn in_charset(code: &[u32], mut set: usize, c: u32) -> bool {
    let mut ok = true;
    loop {
        let opcode = word(code, set);
        set += 1;
        match opcode {
            op::FAILURE => return !ok,
            op::LITERAL => {
                if c == word(code, set) {
                    return ok;
                }
                set += 1;
            }
            op::CATEGORY => {
                if category(word(code, set), c) == Some(true) {
                    return ok;
                }
                set += 1;
            }
            op::CHARSET => {
                if c < 256 && word(code, set + (c as usize >> 5)) & (1 << (c & 31)) != 0 {
                    return ok;
                }
                set += 8;
            }
            op::RANGE => {
                if word(code, set) <= c && c <= word(code, set + 1) {
                    return ok;
                }
                set += 2;
            }
            op::RANGE_UNI_IGNORE => {
                let (lo, hi) = (word(code, set), word(code, set + 1));
                if lo <= c && c <= hi {
                    return ok;
                }
                let upper = upper_unicode(c);
                if lo <= upper && upper <= hi {
                    return ok;
                }
                set += 2;
            }
            op::NEGATE => ok = !ok,
            op::BIGCHARSET => {
                let count = word(code, set) as usize;
                set += 1;
                if c < 0x10000 {
                    let index = (c >> 8) as usize;
                    let block_word = word(code, set + index / 4).to_ne_bytes();
                    let block = block_word[index % 4] as usize;
                    let bit = block * 256 + (c as usize & 255);
                    if word(code, set + 64 + bit / 32) & (1 << (bit & 31)) != 0 {
                        return ok;
                    }
                }
                set += 64 + count * 8;
            }
            // Invalid code: no match (CPython reports an internal error).
            _ => return false,
        }
    }
}

/// `IN_LOC_IGNORE`'s test: the character, its lowercase or its uppercase in the set.
pub fn in_charset_loc_ignore(code: &[u32], set: usize, c: u32) -> bool {
    let lo = lower_ascii(c);
    if in_charset(code, set, c) {
        return true;
    }
    let up = upper_ascii(c);
    up != lo && in_charset(code, set, up) || lo != c && in_charset(code, set, lo)
}

/// `LITERAL_LOC_IGNORE`'s test.
pub fn char_loc_ignore(pattern: u32, c: u32) -> bool {
    c == pattern || lower_ascii(c) == pattern || upper_ascii(c) == pattern
}
