//! The limit on decimal digits in int/str conversions (`sys.set_int_max_str_digits`): the
//! process-wide setting and the checks that `int(s)`, `str(i)` and formatting make.
//!
//! Converting between decimal text and a binary integer is quadratic in CPython, so 3.11
//! refuses more than 4,300 digits by default; programs rely on the exact errors.

use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::BigInt;

use super::parse::{IntParseError, parse_int_limited};

/// `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// `sys.int_info.str_digits_check_threshold`: the smallest non-zero limit allowed.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()` (0: no limit).
#[must_use]
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`; `Err` with CPython's message for `0 < n < 640`.
pub fn set_max_str_digits(n: usize) -> Result<(), &'static str> {
    if n != 0 && n < MAX_STR_DIGITS_THRESHOLD {
        return Err("maxdigits must be 0 or larger than 640");
    }
    MAX_STR_DIGITS.store(n, Ordering::Relaxed);
    Ok(())
}

/// The message of the `ValueError` for text with too many digits to become an int.
#[must_use]
pub fn to_int_message(digits: usize) -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion: value has {digits} digits; \
         use sys.set_int_max_str_digits() to increase the limit",
        max_str_digits()
    )
}

/// The message of the `ValueError` for an int with too many digits to become text.
#[must_use]
pub fn to_str_message() -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to \
         increase the limit",
        max_str_digits()
    )
}

/// `int(s, base)` under the current limit: `Ok(None)` for an invalid literal, `Err` with the
/// limit's message for too many digits.
pub fn parse_int_checked(s: &str, base: u32) -> Result<Option<BigInt>, String> {
    match parse_int_limited(s, base, max_str_digits()) {
        Ok(value) => Ok(Some(value)),
        Err(IntParseError::Invalid) => Ok(None),
        Err(IntParseError::TooManyDigits(n)) => Err(to_int_message(n)),
    }
}

/// The decimal digits of `|value|` (with a leading `-` when `signed` and negative), or the
/// limit's message when there are more digits than allowed. Huge values are refused from
/// their bit length alone, before any quadratic conversion.
pub fn decimal_string(value: &BigInt, signed: bool) -> Result<String, String> {
    let limit = max_str_digits();
    if limit > 0 {
        // A value of `bits` bits has at least floor((bits - 1) * log10(2)) + 1 digits.
        let bits = value.bits();
        let min_digits = bits.saturating_sub(1).saturating_mul(30_102) / 100_000 + 1;
        if usize::try_from(min_digits).unwrap_or(usize::MAX) > limit {
            return Err(to_str_message());
        }
    }
    let text = if signed { value.to_string() } else { value.magnitude().to_string() };
    let digits = text.len() - usize::from(text.starts_with('-'));
    if limit > 0 && digits > limit {
        return Err(to_str_message());
    }
    Ok(text)
}
