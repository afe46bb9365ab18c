//! Float kernels: floor division, modulo, power, rounding, integer ratios and hex conversion.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Pow, Zero};

use super::int::{f64_to_int, from_mag, round_to_f64};
use super::{ArithError, ArithResult, ERANGE_MESSAGE, PowResult};

/// Splits a finite non-negative double into `(m, e)` with `x == m * 2**e` and `m < 2**53`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits() & !(1u64 << 63);
    let exp = (bits >> 52) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) }
}

/// `floor(|x| * 10**p)` and whether rounding half-even must add one, for finite `x`.
pub(crate) fn scaled_parts(x: f64, p: i64) -> (BigUint, bool) {
    let (m, e) = decompose(x);
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let ten = BigUint::from(10u32);
    if p >= 0 {
        num *= Pow::pow(&ten, p as u64);
    } else {
        den *= Pow::pow(&ten, p.unsigned_abs());
    }
    let (q, r) = num.div_rem(&den);
    let twice: BigUint = r << 1usize;
    let up = twice > den || (twice == den && q.is_odd());
    (q, up)
}

/// `round(|x| * 10**p)` exactly, ties to even, for finite `x` (p may be negative).
pub(crate) fn round_scaled(x: f64, p: i64) -> BigUint {
    let (q, up) = scaled_parts(x, p);
    if up { q + 1u32 } else { q }
}

/// Floor quotient and modulo as CPython's `float_divmod` computes them (b != 0).
fn divmod_raw(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> ArithResult<f64> {
    if b == 0.0 {
        return Err(ArithError::ZeroDivision("float floor division by zero"));
    }
    Ok(divmod_raw(a, b).0)
}

/// `a % b` for floats: the result takes the divisor's sign (zero results too).
pub fn float_mod(a: f64, b: f64) -> ArithResult<f64> {
    if b == 0.0 {
        return Err(ArithError::ZeroDivision("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> ArithResult<(f64, f64)> {
    if b == 0.0 {
        return Err(ArithError::ZeroDivision("float divmod()"));
    }
    Ok(divmod_raw(a, b))
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> ArithResult<f64> {
    if b == 0.0 {
        return Err(ArithError::ZeroDivision("float division by zero"));
    }
    Ok(a / b)
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `a ** b` for floats as CPython's `float_pow` (negative base to a fractional power is complex).
pub fn float_pow(a: f64, b: f64) -> ArithResult<PowResult> {
    let (iv, iw) = (a, b);
    if iw == 0.0 {
        return Ok(PowResult::Float(1.0));
    }
    if iv.is_nan() {
        return Ok(PowResult::Float(iv));
    }
    if iw.is_nan() {
        return Ok(PowResult::Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let v = iv.abs();
        let r = if v == 1.0 {
            1.0
        } else if (iw > 0.0) == (v > 1.0) {
            iw.abs()
        } else {
            0.0
        };
        return Ok(PowResult::Float(r));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        let r = if iw > 0.0 {
            if odd { iv } else { iv.abs() }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        };
        return Ok(PowResult::Float(r));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(ArithError::ZeroDivision("0.0 cannot be raised to a negative power"));
        }
        return Ok(PowResult::Float(if odd { iv } else { 0.0 }));
    }
    let mut negate = false;
    let mut v = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            return complex_pow_real(iv, iw);
        }
        v = -iv;
        negate = is_odd_integer(iw);
    }
    if v == 1.0 {
        return Ok(PowResult::Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = v.powf(iw);
    if r.is_infinite() {
        return Err(ArithError::Overflow(ERANGE_MESSAGE.into()));
    }
    Ok(PowResult::Float(if negate { -r } else { r }))
}

/// CPython's `_Py_c_pow(complex(a), complex(b))` for real `a < 0` and non-integral real `b`.
fn complex_pow_real(a: f64, b: f64) -> ArithResult<PowResult> {
    let vabs = a.hypot(0.0);
    let len = vabs.powf(b);
    let at = 0.0f64.atan2(a);
    let phase = at * b;
    let (re, im) = (len * phase.cos(), len * phase.sin());
    if re.is_infinite() || im.is_infinite() {
        return Err(ArithError::Overflow("complex exponentiation".into()));
    }
    Ok(PowResult::Complex(re, im))
}

/// `round(x, ndigits)`: correctly rounded half-even through the exact decimal value.
///
/// The VM clamps an out-of-range `ndigits` int to `i64`, as `PyNumber_AsSsize_t` does.
/// `None` rounds to an integral float (the VM normally uses `float_round_to_int`).
pub fn float_round(x: f64, ndigits: Option<i64>) -> ArithResult<f64> {
    let Some(nd) = ndigits else {
        return Ok(x.round_ties_even());
    };
    if !x.is_finite() || nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0 * x);
    }
    let q = round_scaled(x, nd);
    let s = format!("{q}e{}", -nd);
    let r: f64 = s.parse().unwrap_or(f64::INFINITY);
    if r.is_infinite() {
        return Err(ArithError::Overflow("rounded value too large to represent".into()));
    }
    Ok(r.copysign(x))
}

/// `round(x)` without ndigits: half-even to an int.
pub fn float_round_to_int(x: f64) -> ArithResult<BigInt> {
    f64_to_int(x.round_ties_even())
}

/// `x.as_integer_ratio()` in lowest terms with a positive denominator.
pub fn float_as_integer_ratio(x: f64) -> ArithResult<(BigInt, BigInt)> {
    if x.is_infinite() {
        return Err(ArithError::Overflow("cannot convert Infinity to integer ratio".into()));
    }
    if x.is_nan() {
        return Err(ArithError::Value("cannot convert NaN to integer ratio".into()));
    }
    let (m, e) = decompose(x);
    if m == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let neg = x < 0.0;
    if e >= 0 {
        let n = BigUint::from(m) << (e as usize);
        return Ok((from_mag(neg, n), BigInt::one()));
    }
    let tz = (m.trailing_zeros() as i64).min(-e);
    let n = m >> tz;
    let d = BigUint::one() << ((-e - tz) as usize);
    Ok((from_mag(neg, BigUint::from(n)), BigInt::from(d)))
}

/// `x.hex()`, e.g. `'0x1.8000000000000p+0'`, `'-0x0.0p+0'`, `'inf'`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 { format!("{sign}0x0.{frac:013x}p-1022") } else { format!("{sign}0x1.{frac:013x}p{:+}", exp - 1023) }
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Parses `[sign](inf|infinity|nan)` case-insensitively at the start of `s`.
pub(crate) fn parse_inf_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (neg, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[start..];
    let lower = |n: usize| -> Option<Vec<u8>> { rest.get(..n).map(|p| p.to_ascii_lowercase()) };
    let (v, used) = if lower(8).as_deref() == Some(b"infinity") {
        (f64::INFINITY, 8)
    } else if lower(3).as_deref() == Some(b"inf") {
        (f64::INFINITY, 3)
    } else if lower(3).as_deref() == Some(b"nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if neg { -v } else { v }, start + used))
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> ArithResult<f64> {
    let invalid = || ArithError::Value("invalid hexadecimal floating-point string".into());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    let end_ok = |mut j: usize| {
        while j < b.len() && is_c_space(b[j]) {
            j += 1;
        }
        j == b.len()
    };
    if let Some((v, used)) = parse_inf_nan(&b[i..]) {
        return if end_ok(i + used) { Ok(v) } else { Err(invalid()) };
    }
    let mut neg = false;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        neg = b[i] == b'-';
        i += 1;
    }
    if i + 1 < b.len() && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X') {
        i += 2;
    }
    let mut hex_digits = Vec::new();
    let mut fdigits = 0i64;
    let mut seen_dot = false;
    while i < b.len() {
        let c = b[i];
        if let Some(d) = (c as char).to_digit(16) {
            hex_digits.push(d as u8);
            if seen_dot {
                fdigits += 1;
            }
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
        } else {
            break;
        }
        i += 1;
    }
    let ndigits = hex_digits.len();
    if ndigits == 0 {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            eneg = b[i] == b'-';
            i += 1;
        }
        if i >= b.len() || !b[i].is_ascii_digit() {
            return Err(invalid());
        }
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if eneg {
            exp = -exp;
        }
    }
    if !end_ok(i) {
        return Err(invalid());
    }
    let mant = BigUint::from_radix_be(&hex_digits, 16).unwrap_or_default();
    let shift = exp.saturating_sub(fdigits.saturating_mul(4));
    let v = round_to_f64(&mant, shift, false)
        .ok_or_else(|| ArithError::Overflow("hexadecimal value too large to represent as a float".into()))?;
    Ok(if neg { -v } else { v })
}
