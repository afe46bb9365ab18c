//! Normalization forms NFD, NFKD, NFC and NFKC, following CPython's `nfd_nfkd` and
//! `nfc_nfkc` step by step (Hangul decomposed and composed algorithmically, canonical
//! ordering by the current combining classes, the same blocking rule when composing),
//! including `ucd_3_2_0`'s corrections and unassigned characters.

use super::tables::{Version, ucd};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn combining(cp: u32) -> u8 {
    ucd().record(Version::Current, cp).combining
}

/// NFD (`compat`: NFKD).
pub fn decompose(version: Version, text: &[u32], compat: bool) -> Vec<u32> {
    let u = ucd();
    let mut out = Vec::with_capacity(text.len());
    let mut stack = Vec::new();
    for &c in text {
        stack.push(c);
        while let Some(code) = stack.pop() {
            if (S_BASE..S_BASE + S_COUNT).contains(&code) {
                let s = code - S_BASE;
                out.push(L_BASE + s / N_COUNT);
                out.push(V_BASE + (s % N_COUNT) / T_COUNT);
                let t = T_BASE + s % T_COUNT;
                if t != T_BASE {
                    out.push(t);
                }
                continue;
            }
            if version == Version::V3_2 {
                if let Some(corrected) = u.correction(code) {
                    stack.push(corrected);
                    continue;
                }
                if u.unassigned_in(version, code) {
                    out.push(code);
                    continue;
                }
            }
            match u.decomposition(code) {
                Some((prefix, points)) if !points.is_empty() && (prefix == 0 || compat) => {
                    stack.extend(points.iter().rev());
                }
                _ => out.push(code),
            }
        }
    }
    canonical_order(&mut out);
    out
}

/// Sorts each run of non-starters by combining class (stably), as CPython does in place.
fn canonical_order(text: &mut [u32]) {
    if text.is_empty() {
        return;
    }
    let mut prev = combining(text[0]);
    for i in 1..text.len() {
        let cur = combining(text[i]);
        if prev == 0 || cur == 0 || prev <= cur {
            prev = cur;
            continue;
        }
        let mut o = i - 1;
        loop {
            text.swap(o, o + 1);
            if o == 0 {
                break;
            }
            o -= 1;
            prev = combining(text[o]);
            if prev == 0 || prev <= cur {
                break;
            }
        }
        prev = combining(text[i]);
    }
}

/// NFC (`compat`: NFKC).
pub fn compose(version: Version, text: &[u32], compat: bool) -> Vec<u32> {
    let u = ucd();
    let data = decompose(version, text, compat);
    let len = data.len();
    let mut out = Vec::with_capacity(len);
    let mut skipped: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < len {
        if let Some(pos) = skipped.iter().position(|&s| s == i) {
            skipped.swap_remove(pos);
            i += 1;
            continue;
        }
        let code = data[i];
        if (L_BASE..L_BASE + L_COUNT).contains(&code)
            && i + 1 < len
            && (V_BASE..V_BASE + V_COUNT).contains(&data[i + 1])
        {
            let mut syllable = S_BASE + ((code - L_BASE) * V_COUNT + (data[i + 1] - V_BASE)) * T_COUNT;
            i += 2;
            if i < len && T_BASE < data[i] && data[i] < T_BASE + T_COUNT {
                syllable += data[i] - T_BASE;
                i += 1;
            }
            out.push(syllable);
            continue;
        }
        if !u.is_first(code) {
            out.push(code);
            i += 1;
            continue;
        }
        let mut current = code;
        let mut comb = 0u8;
        let mut i1 = i + 1;
        while i1 < len {
            let code1 = data[i1];
            let comb1 = combining(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    i1 += 1;
                    continue;
                }
            }
            let composed = if u.is_last(code1) { u.compose(current, code1) } else { None };
            let Some(composed) = composed else {
                if comb1 == 0 {
                    break;
                }
                comb = comb1;
                i1 += 1;
                continue;
            };
            current = composed;
            skipped.push(i1);
            i1 += 1;
            if !u.is_first(current) {
                break;
            }
        }
        out.push(current);
        i += 1;
    }
    out
}
