//! Float to text: `repr()` (shortest round-trip via ryu) and `PyOS_double_to_string` formatting.

use num_traits::Zero;

use super::float::{round_scaled, scaled_parts};

/// Largest precision honoured; CPython rejects larger ones ("precision too big").
const MAX_PRECISION: usize = i32::MAX as usize;

/// More significant digits than any double's exact decimal expansion has (at most 767).
const MAX_SIG_DIGITS: usize = 800;

/// More fractional digits than any double's exact decimal expansion has (at most 1074).
const MAX_FRAC_DIGITS: usize = 1100;

/// Up to this many significant digits, shortest digits that fit are the correctly rounded ones
/// (a normal double's half-ulp is below 1.2e-16 relative; half a unit in the 14th digit is
/// at least 5e-15 relative, with a digit to spare for a carry such as 9.99..e2 -> 1e3).
const FAST_DIGITS: i64 = 14;

/// Decimal digits (no trailing zeros; `""` for a value rounded to zero) and the position of
/// the decimal point: the value is `0.<digits> * 10**decpt`.
struct Digits {
    digits: String,
    decpt: i64,
}

fn strip_trailing_zeros(mut digits: String) -> String {
    while digits.ends_with('0') {
        digits.pop();
    }
    digits
}

/// Shortest digits that round-trip (for finite `x >= 0`), from ryu.
fn shortest_digits(x: f64) -> Digits {
    if x == 0.0 {
        return Digits { digits: "0".into(), decpt: 1 };
    }
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x);
    let (mant, exp) = match s.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    };
    let int_len = mant.find('.').unwrap_or(mant.len()) as i64;
    let all: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = strip_trailing_zeros(all[lead..].to_string());
    Digits { digits, decpt: int_len + exp - lead as i64 }
}

/// `n >= 1` significant digits, correctly rounded half-even (for finite `x >= 0`).
fn significant_digits(x: f64, n: usize) -> Digits {
    if x == 0.0 {
        return Digits { digits: "0".into(), decpt: 1 };
    }
    let n = n.clamp(1, MAX_SIG_DIGITS) as i64;
    if n <= FAST_DIGITS && x.is_normal() {
        // The shortest repr is within half an ulp of x, far below half a unit in the n-th
        // digit, so when it has at most n digits it is also x correctly rounded to n digits.
        let s = shortest_digits(x);
        if s.digits.len() as i64 <= n {
            return s;
        }
    }
    let mut decpt = x.log10().floor() as i64 + 1;
    for _ in 0..4 {
        let (q, up) = scaled_parts(x, n - decpt);
        let len = q.to_string().len() as i64;
        if len > n {
            decpt += 1;
        } else if len < n || q.is_zero() {
            decpt -= 1;
        } else {
            let q = if up { q + 1u32 } else { q };
            let mut s = q.to_string();
            if s.len() as i64 > n {
                // Rounding carried into a new digit: 99.9 -> 100.
                s.truncate(n as usize);
                decpt += 1;
            }
            return Digits { digits: strip_trailing_zeros(s), decpt };
        }
    }
    // Not reached for finite doubles; fall back to the shortest digits.
    shortest_digits(x)
}

/// Digits rounded half-even to `p` places after the decimal point (for finite `x >= 0`).
fn fixed_digits(x: f64, p: usize) -> Digits {
    if x == 0.0 {
        return Digits { digits: "0".into(), decpt: 1 };
    }
    let p = p.min(MAX_FRAC_DIGITS) as i64;
    if p <= FAST_DIGITS && x.is_normal() {
        // As in `significant_digits`: n = decpt + p significant digits are requested.
        let s = shortest_digits(x);
        let n = s.decpt + p;
        if s.digits.len() as i64 <= n && n <= FAST_DIGITS {
            return s;
        }
    }
    let q = round_scaled(x, p);
    if q.is_zero() {
        return Digits { digits: String::new(), decpt: -p };
    }
    let s = q.to_string();
    let decpt = s.len() as i64 - p;
    Digits { digits: strip_trailing_zeros(s), decpt }
}

fn push_zeros(out: &mut String, n: i64) {
    if n > 0 {
        out.extend(std::iter::repeat_n('0', n as usize));
    }
}

/// Lays out digits as CPython's `format_float_short` does.
fn layout(neg: bool, d: Digits, code: u8, precision: i64, alt: bool, add_dot_0: bool, upper: bool) -> String {
    let Digits { digits, mut decpt } = d;
    let dlen = digits.len() as i64;
    let mut vend = dlen;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vend = precision;
        }
        b'f' => vend = decpt + precision,
        b'g' => {
            let limit = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if alt {
                vend = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };
    let mut out = String::new();
    let cap = (vend - vstart).max(0) as usize + 8;
    let _ = out.try_reserve(cap);
    if neg {
        out.push('-');
    }
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vstart);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= dlen {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if dlen < decpt {
        push_zeros(&mut out, decpt - dlen);
        out.push('.');
        push_zeros(&mut out, vend - decpt);
    } else {
        push_zeros(&mut out, vend - dlen);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        let sign = if exp < 0 { '-' } else { '+' };
        out.push(sign);
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// `repr(x)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16 on.
pub fn float_repr(x: f64) -> String {
    format_float_opts(x, b'r', None, false, true)
}

/// `PyOS_double_to_string(x, kind, precision, flags)` for kind `e E f F g G r` and `%`.
///
/// Precision `None` means 6 (as `%`-formatting); `'g'` with 0 means 1. `'r'` ignores the
/// precision and adds `.0` to integral values like `repr`. `'%'` is `'f'` of `x * 100` plus `%`.
/// Unknown kinds format as `'r'`.
pub fn format_float(x: f64, kind: u8, precision: Option<usize>, alternate: bool) -> String {
    format_float_opts(x, kind, precision, alternate, kind == b'r')
}

/// [`format_float`] with control of `Py_DTSF_ADD_DOT_0` (used by `format(x, '.3')`, which is
/// `'g'` with `add_dot_0`: `format(1.0, '.3') == '1.0'`).
pub fn format_float_opts(x: f64, kind: u8, precision: Option<usize>, alternate: bool, add_dot_0: bool) -> String {
    if kind == b'%' {
        let mut s = format_float_opts(x * 100.0, b'f', precision, alternate, false);
        s.push('%');
        return s;
    }
    let upper = matches!(kind, b'E' | b'F' | b'G');
    let code = match kind.to_ascii_lowercase() {
        c @ (b'e' | b'f' | b'g') => c,
        _ => b'r',
    };
    if x.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if x < 0.0 { format!("-{s}") } else { s.into() };
    }
    let precision = precision.unwrap_or(6).min(MAX_PRECISION);
    let neg = x.is_sign_negative();
    let ax = x.abs();
    let (digits, precision) = match code {
        b'e' => (significant_digits(ax, precision + 1), precision + 1),
        b'f' => (fixed_digits(ax, precision), precision),
        b'g' => {
            let p = precision.max(1);
            (significant_digits(ax, p), p)
        }
        _ => (shortest_digits(ax), 0),
    };
    layout(neg, digits, code, precision as i64, alternate, add_dot_0, upper)
}
