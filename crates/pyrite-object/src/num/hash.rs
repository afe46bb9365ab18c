//! CPython's numeric hash: values reduced modulo the Mersenne prime 2**61 - 1.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float::decompose;

/// The modulus of numeric hashing, `sys.hash_info.modulus`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `hash(float('inf'))`, `sys.hash_info.inf`.
pub const HASH_INF: i64 = 314159;

fn finish(neg: bool, h: u64) -> i64 {
    let h = h as i64;
    let h = if neg { -h } else { h };
    if h == -1 { -2 } else { h }
}

/// `hash(v)` for a small int.
#[inline]
pub fn hash_i64(v: i64) -> i64 {
    // Most ints are their own hash: non-negative and below the modulus.
    #[expect(clippy::cast_sign_loss, reason = "a negative int wraps past the modulus")]
    if (v as u64) < HASH_MODULUS {
        return v;
    }
    finish(v < 0, v.unsigned_abs() % HASH_MODULUS)
}

/// `hash(v)` for any int.
pub fn hash_bigint(v: &BigInt) -> i64 {
    let r = (v.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
    finish(v.is_negative(), r)
}

/// `hash(v)` for a float; `None` for NaN (hashed by object identity since CPython 3.10).
pub fn hash_f64(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (m, e) = decompose(v);
    // m < 2**53 < modulus; multiplying by 2**e mod (2**61 - 1) rotates within 61 bits.
    let r = e.rem_euclid(61) as u32;
    let x = if r == 0 { m } else { ((m << r) & HASH_MODULUS) | (m >> (61 - r)) };
    Some(finish(v < 0.0, x))
}
