//! Numeric kernels: CPython 3.11-exact int and float arithmetic, formatting, parsing and hashing.
//!
//! Everything here is a pure function over `BigInt` / `f64`; the VM keeps its own i64 fast
//! paths and calls these for the general case. Error messages are CPython's text verbatim.

mod float;
mod hash;
mod int;
mod parse;
mod repr;
mod str_digits;
#[cfg(test)]
mod tests;

pub use num_bigint::BigInt;

pub(crate) use float::parse_inf_nan;
pub use float::{
    float_as_integer_ratio, float_divmod, float_floordiv, float_fromhex, float_hex, float_mod, float_pow, float_round,
    float_round_to_int, float_truediv,
};
pub use hash::{HASH_INF, HASH_MODULUS, hash_bigint, hash_f64, hash_i64};
pub use int::{
    MAX_INT_BITS, cmp_int_f64, f64_to_int, int_bit_length, int_divmod, int_floordiv, int_lshift, int_mod, int_pow,
    int_pow_mod, int_rshift, int_to_f64, int_to_string_radix, int_truediv,
};
pub(crate) use parse::decimal_value;
pub use parse::{IntParseError, parse_float, parse_int, parse_int_limited};
pub use repr::{float_repr, format_float, format_float_opts};
pub use str_digits::{
    DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD, decimal_string, max_str_digits, parse_int_checked,
    set_max_str_digits, to_int_message, to_str_message,
};

/// An arithmetic failure; the payload is CPython's exception message (`Memory` has none).
#[derive(Debug, Clone, PartialEq)]
pub enum ArithError {
    /// `ZeroDivisionError` with its message.
    ZeroDivision(&'static str),
    /// `OverflowError` with its message.
    Overflow(String),
    /// `ValueError` with its message.
    Value(String),
    /// `MemoryError` (the result would be absurdly large).
    Memory,
}

/// Result of a numeric kernel.
pub type ArithResult<T> = Result<T, ArithError>;

/// Result of `**`, whose type depends on the operands' values.
#[derive(Debug, Clone, PartialEq)]
pub enum PowResult {
    /// An `int` result.
    Int(BigInt),
    /// A `float` result.
    Float(f64),
    /// A `complex` result (real, imaginary), e.g. `(-2.0) ** 0.5`.
    Complex(f64, f64),
}

/// The message of the `OverflowError` that CPython raises when a libm result overflows.
pub const ERANGE_MESSAGE: &str = "(34, 'Numerical result out of range')";
