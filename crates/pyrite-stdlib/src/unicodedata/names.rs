//! Character names: `name(chr)` reads the compressed name stream (words numbered by
//! frequency, grouped in pages of 256 code points); the CJK ideograph, Khitan and Nushu
//! names are their prefix and code point, and Hangul syllables are composed from their
//! jamo, as in CPython. `lookup(name)` builds a map of every name, alias and named
//! sequence the first time it is called (case-insensitive, as CPython compares names),
//! with CPython's case-sensitive rules for Hangul syllables and CJK unified ideographs.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::tables::{Ucd, Version, u32_at, ucd};

const S_BASE: u32 = 0xAC00;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

const JAMO_L: [&str; 19] =
    ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU",
    "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
    "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// CPython's `is_unified_ideograph` for Unicode 14.0.
fn is_unified_ideograph(cp: u32) -> bool {
    matches!(cp, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x20000..=0x2A6DF | 0x2A700..=0x2B738 | 0x2B740..=0x2B81D
        | 0x2B820..=0x2CEA1 | 0x2CEB0..=0x2EBE0 | 0x30000..=0x3134A)
}

fn word_tokens<'a>(u: &'a Ucd, mut bytes: &'a [u8], count: usize) -> Vec<&'static str> {
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let (index, rest) = if bytes[0] < 0x80 {
            (usize::from(bytes[0]), &bytes[1..])
        } else {
            ((usize::from(bytes[0] & 0x7f) << 8) | usize::from(bytes[1]), &bytes[2..])
        };
        out.push(u.words[index]);
        bytes = rest;
    }
    out
}

/// Visits the names stored in the stream for one page of 256 code points.
fn page_names(u: &Ucd, page: usize, mut visit: impl FnMut(u32, Vec<&'static str>) -> bool) {
    let start = u32_at(u.pages, page * 4) as usize;
    let end = u32_at(u.pages, page * 4 + 4) as usize;
    let mut pos = start;
    while pos < end {
        let low = u32::from(u.stream[pos]);
        let count = usize::from(u.stream[pos + 1]);
        pos += 2;
        let begin = pos;
        for _ in 0..count {
            pos += if u.stream[pos] < 0x80 { 1 } else { 2 };
        }
        let cp = ((page as u32) << 8) | low;
        if !visit(cp, word_tokens(u, &u.stream[begin..pos], count)) {
            return;
        }
    }
}

/// The name of `cp` (`None`: it has none in that database).
pub fn name(version: Version, cp: u32) -> Option<String> {
    let u = ucd();
    if u.unassigned_in(version, cp) {
        return None;
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let (l, v, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
        return Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]));
    }
    if let Some((_, _, prefix)) = u.ranges.iter().find(|(first, last, _)| (*first..=*last).contains(&cp)) {
        return Some(format!("{prefix}{cp:04X}"));
    }
    if cp >= 0x11_0000 {
        return None;
    }
    let mut found = None;
    page_names(u, (cp >> 8) as usize, |c, words| {
        if c == cp {
            found = Some(words.join(" "));
            return false;
        }
        c < cp
    });
    found
}

/// What a name stands for.
#[derive(Clone, Copy)]
enum Target {
    Char(u32),
    Alias(u32),
    Sequence(usize),
}

fn name_map() -> &'static HashMap<String, Target> {
    static MAP: OnceLock<HashMap<String, Target>> = OnceLock::new();
    MAP.get_or_init(|| {
        let u = ucd();
        let mut map = HashMap::with_capacity(40_000);
        for page in 0..0x1100 {
            page_names(u, page, |cp, words| {
                map.insert(words.join(" "), Target::Char(cp));
                true
            });
        }
        // Khitan, Nushu and the compatibility ideographs are ordinary names in CPython.
        for &(first, last, prefix) in &u.ranges {
            if prefix != "CJK UNIFIED IDEOGRAPH-" {
                for cp in first..=last {
                    map.insert(format!("{prefix}{cp:04X}"), Target::Char(cp));
                }
            }
        }
        for &(cp, alias) in &u.aliases {
            map.entry(alias.to_owned()).or_insert(Target::Alias(cp));
        }
        for (i, (name, _)) in u.sequences.iter().enumerate() {
            map.entry((*name).to_owned()).or_insert(Target::Sequence(i));
        }
        map
    })
}

/// The longest jamo name of `table` that `text` starts with, and its index.
fn find_jamo(text: &str, table: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, jamo) in table.iter().enumerate() {
        if text.starts_with(jamo) && best.is_none_or(|(len, _)| jamo.len() > len) {
            best = Some((jamo.len(), i));
        }
    }
    best
}

/// CPython's algorithmic names: Hangul syllables and CJK unified ideographs
/// (case-sensitive).
fn algorithmic(name: &str) -> Option<u32> {
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        let (l_len, l) = find_jamo(rest, &JAMO_L)?;
        let rest = &rest[l_len..];
        let (v_len, v) = find_jamo(rest, &JAMO_V)?;
        let rest = &rest[v_len..];
        let (t_len, t) = find_jamo(rest, &JAMO_T)?;
        if t_len != rest.len() {
            return None;
        }
        return Some(S_BASE + ((l as u32) * V_COUNT + v as u32) * T_COUNT + t as u32);
    }
    if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        if (hex.len() != 4 && hex.len() != 5) || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        return is_unified_ideograph(cp).then_some(cp);
    }
    None
}

/// `lookup(name)`: the character or named sequence, `None` when there is none.
pub fn lookup(version: Version, name: &str) -> Option<Vec<u32>> {
    let u = ucd();
    let found = match algorithmic(name) {
        Some(cp) => Target::Char(cp),
        None => *name_map().get(&name.to_ascii_uppercase())?,
    };
    match (found, version) {
        (Target::Char(cp), _) if !u.unassigned_in(version, cp) => Some(vec![cp]),
        (Target::Alias(cp), Version::Current) => Some(vec![cp]),
        (Target::Sequence(i), Version::Current) => Some(u.sequences[i].1.clone()),
        _ => None,
    }
}
