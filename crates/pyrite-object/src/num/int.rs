//! Big-integer kernels: floor division, modulo, true division, powers, shifts and int<->float.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use super::float::{decompose, float_pow};
use super::{ArithError, ArithResult, PowResult};

/// Largest result (in bits) that shifts and powers will build before reporting `MemoryError`.
pub const MAX_INT_BITS: u64 = 1 << 34;

/// CPython's `MAX_LONG_DIGITS` on 64-bit builds (30-bit digits): past it, "too many digits".
const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;

fn zero_div_mod() -> ArithError {
    ArithError::ZeroDivision("integer division or modulo by zero")
}

/// `a // b` with floor semantics.
pub fn int_floordiv(a: &BigInt, b: &BigInt) -> ArithResult<BigInt> {
    if b.is_zero() {
        return Err(zero_div_mod());
    }
    Ok(a.div_floor(b))
}

/// `a % b`; the result takes the divisor's sign.
pub fn int_mod(a: &BigInt, b: &BigInt) -> ArithResult<BigInt> {
    if b.is_zero() {
        return Err(ArithError::ZeroDivision("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)`.
pub fn int_divmod(a: &BigInt, b: &BigInt) -> ArithResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(zero_div_mod());
    }
    Ok(a.div_mod_floor(b))
}

/// `2.0 ** e` for `e` in the normal exponent range.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `m * 2**e`, exact when the result is representable (callers guarantee it is).
pub(crate) fn ldexp_exact(m: u64, mut e: i64) -> f64 {
    let mut x = m as f64;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// Rounds `(mag + s) * 2**shift` half-even to a double, where `0 < s < 1` iff `sticky`.
///
/// `sticky` is only honoured when at least two bits of `mag` are dropped (callers ensure it).
/// Returns `None` when the rounded value overflows.
pub(crate) fn round_to_f64(mag: &BigUint, shift: i64, sticky: bool) -> Option<f64> {
    if mag.is_zero() {
        return Some(0.0);
    }
    let nbits = mag.bits() as i64;
    let e = nbits.saturating_add(shift);
    if e > 1025 {
        return None;
    }
    if e < -1200 {
        return Some(0.0);
    }
    let lsb = (e - 53).max(-1074);
    let k = lsb - shift;
    let m = if k <= 0 {
        // Exact: mag has no more bits than the target precision.
        (mag << ((-k) as usize)).to_u64().unwrap_or(u64::MAX)
    } else {
        let k = k as u64;
        let mut m = (mag >> (k as usize)).to_u64().unwrap_or(u64::MAX);
        let half = mag.bit(k - 1);
        if half {
            let below = sticky || mag.trailing_zeros().is_some_and(|tz| tz < k - 1);
            if below || m & 1 == 1 {
                m += 1;
            }
        }
        m
    };
    if m == 0 {
        return Some(0.0);
    }
    let top = 64 - m.leading_zeros() as i64;
    if top + lsb > 1024 {
        return None;
    }
    Some(ldexp_exact(m, lsb))
}

/// `a / b` correctly rounded, as CPython's `long_true_divide`.
pub fn int_truediv(a: &BigInt, b: &BigInt) -> ArithResult<f64> {
    if b.is_zero() {
        return Err(ArithError::ZeroDivision("division by zero"));
    }
    let negate = a.is_negative() != b.is_negative();
    let (ma, mb) = (a.magnitude(), b.magnitude());
    const EXACT: u64 = 1 << 53;
    if let (Some(x), Some(y)) = (ma.to_u64(), mb.to_u64())
        && x <= EXACT
        && y <= EXACT
    {
        let (x, y) = (x as f64, y as f64);
        let (x, y) = if a.is_negative() { (-x, y) } else { (x, y) };
        let y = if b.is_negative() { -y } else { y };
        return Ok(x / y);
    }
    let signed = |v: f64| if negate { -v } else { v };
    if ma.is_zero() {
        return Ok(signed(0.0));
    }
    let diff = ma.bits() as i64 - mb.bits() as i64;
    if diff > 1024 {
        return Err(ArithError::Overflow("integer division result too large for a float".into()));
    }
    if diff < -1021 - 53 - 1 {
        return Ok(signed(0.0));
    }
    let shift = diff.max(-1021) - 55;
    let (x, mut sticky) = if shift < 0 {
        (ma << ((-shift) as usize), false)
    } else {
        let s = shift as u64;
        let lost = ma.trailing_zeros().is_some_and(|tz| tz < s);
        (ma >> (s as usize), lost)
    };
    let (q, r) = x.div_rem(mb);
    sticky |= !r.is_zero();
    match round_to_f64(&q, shift, sticky) {
        Some(v) => Ok(signed(v)),
        None => Err(ArithError::Overflow("integer division result too large for a float".into())),
    }
}

/// `float(a)`: round-half-even; `OverflowError` past the double range.
pub fn int_to_f64(a: &BigInt) -> ArithResult<f64> {
    let v = if let Some(x) = a.magnitude().to_u64() { Some(x as f64) } else { round_to_f64(a.magnitude(), 0, false) };
    match v {
        Some(v) if a.is_negative() => Ok(-v),
        Some(v) => Ok(v),
        None => Err(ArithError::Overflow("int too large to convert to float".into())),
    }
}

/// `int(x)` for a float: truncation toward zero.
pub fn f64_to_int(x: f64) -> ArithResult<BigInt> {
    if x.is_nan() {
        return Err(ArithError::Value("cannot convert float NaN to integer".into()));
    }
    if x.is_infinite() {
        return Err(ArithError::Overflow("cannot convert float infinity to integer".into()));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decompose(t.abs());
    let mag = BigInt::from(m) << (e.max(0) as usize);
    Ok(if t < 0.0 { -mag } else { mag })
}

/// Exact comparison of an int with a float; `None` when `b` is NaN.
pub fn cmp_int_f64(a: &BigInt, b: f64) -> Option<Ordering> {
    if b.is_nan() {
        return None;
    }
    if b.is_infinite() {
        return Some(if b > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = b.floor();
    let fi = f64_to_int(fl).ok()?;
    if fl == b {
        Some(a.cmp(&fi))
    } else if *a <= fi {
        Some(Ordering::Less)
    } else {
        Some(Ordering::Greater)
    }
}

/// `base ** exp`; a negative exponent gives a float as CPython's `long_pow` does.
pub fn int_pow(base: &BigInt, exp: &BigInt) -> ArithResult<PowResult> {
    if exp.is_negative() {
        let b = int_to_f64(base)?;
        let e = int_to_f64(exp)?;
        return float_pow(b, e);
    }
    if exp.is_zero() {
        return Ok(PowResult::Int(BigInt::one()));
    }
    let mag = base.magnitude();
    if mag.is_zero() || mag.is_one() {
        let odd = exp.is_odd();
        let r = if base.is_negative() && !odd { BigInt::one() } else { base.clone() };
        return Ok(PowResult::Int(r));
    }
    let e = exp.to_u64().ok_or(ArithError::Memory)?;
    let min_bits = (mag.bits() - 1).saturating_mul(e);
    if min_bits > MAX_INT_BITS {
        return Err(ArithError::Memory);
    }
    Ok(PowResult::Int(Pow::pow(base, e)))
}

/// Modular inverse of `a` modulo `m > 0`, if `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let a = a.mod_floor(m);
    let eg = a.extended_gcd(m);
    if !eg.gcd.is_one() {
        return None;
    }
    Some(eg.x.mod_floor(m))
}

/// `pow(base, exp, m)`, including negative exponents through the modular inverse.
pub fn int_pow_mod(base: &BigInt, exp: &BigInt, m: &BigInt) -> ArithResult<BigInt> {
    if m.is_zero() {
        return Err(ArithError::Value("pow() 3rd argument cannot be 0".into()));
    }
    let negative_out = m.is_negative();
    let modulus = m.abs();
    if modulus.is_one() {
        return Ok(BigInt::zero());
    }
    let (b, e) = if exp.is_negative() {
        let inv = mod_inverse(base, &modulus)
            .ok_or_else(|| ArithError::Value("base is not invertible for the given modulus".into()))?;
        (inv, -exp)
    } else {
        (base.mod_floor(&modulus), exp.clone())
    };
    let mut r = b.modpow(&e, &modulus);
    if negative_out && !r.is_zero() {
        r -= &modulus;
    }
    Ok(r)
}

/// `a << n`; `ValueError` for a negative count, `OverflowError`/`MemoryError` for huge results.
pub fn int_lshift(a: &BigInt, n: &BigInt) -> ArithResult<BigInt> {
    if n.is_negative() {
        return Err(ArithError::Value("negative shift count".into()));
    }
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    let too_many = || ArithError::Overflow("too many digits in integer".into());
    let n = n.to_u64().ok_or_else(too_many)?;
    let digits = (n / 30).saturating_add(a.bits() / 30 + 2);
    if digits > MAX_LONG_DIGITS {
        return Err(too_many());
    }
    if n.saturating_add(a.bits()) > MAX_INT_BITS {
        return Err(ArithError::Memory);
    }
    Ok(a << (n as usize))
}

/// `a >> n` rounding toward negative infinity.
pub fn int_rshift(a: &BigInt, n: &BigInt) -> ArithResult<BigInt> {
    if n.is_negative() {
        return Err(ArithError::Value("negative shift count".into()));
    }
    match n.to_u64() {
        Some(s) if s < a.bits() => Ok(a >> (s as usize)),
        _ => Ok(if a.is_negative() { BigInt::from(-1) } else { BigInt::zero() }),
    }
}

/// Digits of `a` in `radix` (2..=36, lowercase, leading `-` if negative); other radixes use 10.
pub fn int_to_string_radix(a: &BigInt, radix: u32) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    a.to_str_radix(radix)
}

/// `a.bit_length()`.
pub fn int_bit_length(a: &BigInt) -> u64 {
    a.bits()
}

/// Builds a `BigInt` from a sign and magnitude (helper for other modules).
pub(crate) fn from_mag(neg: bool, mag: BigUint) -> BigInt {
    BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, mag)
}
