//! Hashing as CPython does it: SipHash-1-3 for str and bytes, keyed from `PYTHONHASHSEED`.
//!
//! With `PYTHONHASHSEED=0` (how the tests run) the key is all zeros, so `hash('a')`
//! and the iteration order of sets of strings equal CPython's. A nonzero seed derives the
//! key with CPython's linear congruential generator; without one, the key is random.

use std::hash::Hasher as _;
use std::sync::OnceLock;

use siphasher::sip::SipHasher13;

use crate::types::str::StrData;

static KEY: OnceLock<(u64, u64)> = OnceLock::new();

fn key() -> (u64, u64) {
    *KEY.get_or_init(|| {
        let seed = std::env::var("PYTHONHASHSEED").ok().and_then(|s| s.parse::<u32>().ok());
        let mut bytes = [0u8; 16];
        match seed {
            Some(0) => {}
            Some(seed) => {
                let mut x = seed;
                for byte in &mut bytes {
                    x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
                    *byte = ((x >> 16) & 0xff) as u8;
                }
            }
            None => {
                let state = std::collections::hash_map::RandomState::new();
                let mut hasher = std::hash::BuildHasher::build_hasher(&state);
                hasher.write_u64(0x5079_7269_7465);
                let a = hasher.finish();
                hasher.write_u64(a);
                let b = hasher.finish();
                bytes[..8].copy_from_slice(&a.to_le_bytes());
                bytes[8..].copy_from_slice(&b.to_le_bytes());
            }
        }
        let k0 = u64::from_le_bytes(bytes[..8].try_into().unwrap_or_default());
        let k1 = u64::from_le_bytes(bytes[8..].try_into().unwrap_or_default());
        (k0, k1)
    })
}

/// SipHash-1-3 of raw bytes with the process key, mapped to a Python hash.
#[must_use]
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let (k0, k1) = key();
    let mut hasher = SipHasher13::new_with_keys(k0, k1);
    hasher.write(bytes);
    #[expect(clippy::cast_possible_wrap, reason = "Python hashes are the bits of the u64")]
    let h = hasher.finish() as i64;
    if h == -1 { -2 } else { h }
}

/// The hash of a str's storage, over CPython's per-width bytes.
#[must_use]
pub fn hash_str_data(data: StrData<'_>) -> i64 {
    match data {
        StrData::Ascii(s) => hash_bytes(s.as_bytes()),
        StrData::Latin1(b) => hash_bytes(b),
        StrData::Ucs2(units) => {
            let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_ne_bytes()).collect();
            hash_bytes(&bytes)
        }
        StrData::Ucs4(units) => {
            let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_ne_bytes()).collect();
            hash_bytes(&bytes)
        }
    }
}
