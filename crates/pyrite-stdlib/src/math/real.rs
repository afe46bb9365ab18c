//! The float-valued functions of `math`: libm wrappers with CPython's `math_1`/`math_2`
//! error rules, `pow`, `fmod`, `remainder`, `atan2`, the logarithms (exact for huge ints),
//! `frexp`/`ldexp`/`modf`, `isclose`, `nextafter` and `ulp`.

use std::f64::consts::PI;

use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_object::methods::int::as_int;
use pyrite_object::methods::params::Params;
use pyrite_object::num::BigInt;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value};

use super::{Errno, bind, check_errno, domain_error, libm, one_arg, positional, range_error, special, to_double};

/// CPython's `math_1`: a NaN from a non-NaN argument is a domain error; an infinity from
/// a finite argument is a range error if the function `can_overflow`, else a pole (domain).
fn apply_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

fn math_1(ctx: &mut Ctx, name: &str, args: Args<'_>, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = to_double(ctx, one_arg(name, args)?)?;
    Ok(Value::float(apply_1(x, f, can_overflow)?))
}

/// A function CPython trusts to report its own errors (`math_1a`).
fn math_1a(ctx: &mut Ctx, name: &str, args: Args<'_>, f: fn(f64) -> (f64, Option<Errno>)) -> PyResult {
    let x = to_double(ctx, one_arg(name, args)?)?;
    let (r, errno) = f(x);
    Ok(Value::float(check_errno(r, errno)?))
}

/// The two float arguments of a positional-only two-argument function.
fn two_doubles(ctx: &mut Ctx, name: &str, args: Args<'_>) -> PyResult<(f64, f64)> {
    let values = positional(name, args, 2, 2)?;
    let x = to_double(ctx, &values[0])?;
    let y = to_double(ctx, &values[1])?;
    Ok((x, y))
}

/// CPython's `math_2`: NaN from non-NaN arguments is a domain error, an infinity from
/// finite ones a range error.
fn math_2(ctx: &mut Ctx, name: &str, args: Args<'_>, f: fn(f64, f64) -> f64) -> PyResult {
    let (x, y) = two_doubles(ctx, name, args)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

pub(super) fn acos(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "acos", args, libm::acos, false)
}

pub(super) fn acosh(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "acosh", args, libm::acosh, false)
}

pub(super) fn asin(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "asin", args, libm::asin, false)
}

pub(super) fn asinh(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "asinh", args, libm::asinh, false)
}

pub(super) fn atan(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "atan", args, libm::atan, false)
}

pub(super) fn atanh(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "atanh", args, libm::atanh, false)
}

pub(super) fn cbrt(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "cbrt", args, libm::cbrt, false)
}

pub(super) fn cos(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "cos", args, libm::cos, false)
}

pub(super) fn cosh(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "cosh", args, libm::cosh, true)
}

pub(super) fn exp(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "exp", args, libm::exp, true)
}

pub(super) fn exp2(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "exp2", args, libm::exp2, true)
}

pub(super) fn expm1(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "expm1", args, libm::expm1, true)
}

pub(super) fn fabs(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "fabs", args, f64::abs, false)
}

/// `log1p`, keeping the sign of a zero argument (CPython's `_Py_log1p`).
fn log1p_signed(x: f64) -> f64 {
    if x == 0.0 { x } else { libm::log1p(x) }
}

pub(super) fn log1p(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "log1p", args, log1p_signed, false)
}

pub(super) fn sin(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "sin", args, libm::sin, false)
}

pub(super) fn sinh(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "sinh", args, libm::sinh, true)
}

pub(super) fn sqrt(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "sqrt", args, libm::sqrt, false)
}

pub(super) fn tan(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "tan", args, libm::tan, false)
}

pub(super) fn tanh(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1(ctx, "tanh", args, libm::tanh, false)
}

/// `erf` and `erfc` come from libm, which never reports an error for them (an underflow
/// of `erfc` is not one).
pub(super) fn erf(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1a(ctx, "erf", args, |x| (libm::erf(x), None))
}

pub(super) fn erfc(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1a(ctx, "erfc", args, |x| (libm::erfc(x), None))
}

pub(super) fn gamma(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1a(ctx, "gamma", args, special::gamma)
}

pub(super) fn lgamma(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_1a(ctx, "lgamma", args, special::lgamma)
}

/// `atan2` with C99's special values handled here, as CPython's `m_atan2` does.
fn atan2_special(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let angle = if x.is_sign_positive() { 0.25 * PI } else { 0.75 * PI };
            return angle.copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    libm::atan2(y, x)
}

pub(super) fn atan2(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_2(ctx, "atan2", args, atan2_special)
}

pub(super) fn copysign(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_2(ctx, "copysign", args, f64::copysign)
}

/// IEEE 754 remainder: `x - n*y` for the multiple `n*y` nearest `x`, ties to even `n`.
/// Always exact. Compares the remainder `m` with `|y| - m` rather than with `|y|/2`,
/// which might not be representable.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = libm::fmod(absx, absy);
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: m or -m, whichever makes the quotient even.
            m - 2.0 * libm::fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

pub(super) fn remainder(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    math_2(ctx, "remainder", args, ieee_remainder)
}

pub(super) fn fmod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (x, y) = two_doubles(ctx, "fmod", args)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::float(r))
}

/// `x ** y` on floats with C99's special values, as CPython's `math.pow`: an infinite
/// result from finite arguments is a pole when `x` is zero, else an overflow.
fn pow_checked(x: f64, y: f64) -> PyResult<f64> {
    if x.is_finite() && y.is_finite() {
        let r = libm::pow(x, y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain_error() } else { range_error() });
        }
        return Ok(r);
    }
    Ok(if x.is_nan() {
        if y == 0.0 { 1.0 } else { x }
    } else if y.is_nan() {
        if x == 1.0 { 1.0 } else { y }
    } else if x.is_infinite() {
        let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
        if y > 0.0 {
            if odd_y { x } else { x.abs() }
        } else if y == 0.0 {
            1.0
        } else if odd_y {
            0.0f64.copysign(x)
        } else {
            0.0
        }
    } else if x.abs() == 1.0 {
        1.0
    } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
        f64::INFINITY
    } else {
        0.0
    })
}

pub(super) fn pow(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (x, y) = two_doubles(ctx, "pow", args)?;
    Ok(Value::float(pow_checked(x, y)?))
}

pub(super) fn degrees(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = to_double(ctx, one_arg("degrees", args)?)?;
    Ok(Value::float(x * (180.0 / PI)))
}

pub(super) fn radians(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = to_double(ctx, one_arg("radians", args)?)?;
    Ok(Value::float(x * (PI / 180.0)))
}

pub(super) fn isfinite(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(to_double(ctx, one_arg("isfinite", args)?)?.is_finite()))
}

pub(super) fn isinf(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(to_double(ctx, one_arg("isinf", args)?)?.is_infinite()))
}

pub(super) fn isnan(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(to_double(ctx, one_arg("isnan", args)?)?.is_nan()))
}

const ISCLOSE: Params = Params::new("isclose", &["a", "b", "rel_tol", "abs_tol"]).required(2).keyword_only(2);

pub(super) fn isclose(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [a, b, rel_tol, abs_tol] = bind(&ISCLOSE, args)?;
    let mut double = |v: Option<&Value>, default: f64| v.map_or(Ok(default), |v| to_double(ctx, v));
    let a = double(a, 0.0)?;
    let b = double(b, 0.0)?;
    let rel_tol = double(rel_tol, 1e-9)?;
    let abs_tol = double(abs_tol, 0.0)?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`, for finite nonzero `x`.
pub(super) fn frexp_parts(x: f64) -> (f64, i32) {
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(54), -54) } else { (x, 0) };
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exponent - 1022 + bias)
}

pub(super) fn frexp(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = to_double(ctx, one_arg("frexp", args)?)?;
    let (m, e) = if x.is_finite() && x != 0.0 { frexp_parts(x) } else { (x, 0) };
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::float(m), Value::Int(i64::from(e))])))
}

pub(super) fn ldexp(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = positional("ldexp", args, 2, 2)?;
    let x = to_double(ctx, &values[0])?;
    let Some(i) = as_int(&values[1]) else {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = match i32::try_from(i.as_ref()) {
        Ok(exp) => libm::ldexp(x, exp),
        Err(_) if i.is_negative() => 0.0f64.copysign(x),
        Err(_) => f64::INFINITY.copysign(x),
    };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

pub(super) fn modf(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = to_double(ctx, one_arg("modf", args)?)?;
    let (fraction, integral) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let integral = x.trunc();
        ((x - integral).copysign(x), integral)
    };
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::float(fraction), Value::float(integral)])))
}

pub(super) fn nextafter(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (x, y) = two_doubles(ctx, "nextafter", args)?;
    Ok(Value::float(libm::nextafter(x, y)))
}

pub(super) fn ulp(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = to_double(ctx, one_arg("ulp", args)?)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::float(x - libm::nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::float(up - x))
}

/// CPython's `m_log`: -inf at zero and NaN below, both domain errors through `math_1`.
fn log_e(x: f64) -> f64 {
    log_with(x, libm::log)
}

fn log_2(x: f64) -> f64 {
    log_with(x, libm::log2)
}

fn log_10(x: f64) -> f64 {
    log_with(x, libm::log10)
}

fn log_with(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        x
    } else if x > 0.0 {
        f(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// `(m, e)` with `n ≈ m * 2**e`, `0.5 <= m < 1`, `m` correctly rounded: `_PyLong_Frexp`
/// for a positive int.
fn int_frexp(n: &BigInt) -> (f64, u64) {
    let bits = n.bits();
    let magnitude = n.magnitude();
    // The top 64 bits, with every bit below them folded into the lowest (sticky) bit, so
    // converting to a double rounds exactly as rounding the whole int would.
    let shift = bits.saturating_sub(64);
    let mut top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
    if shift > 0 && magnitude.trailing_zeros().is_some_and(|zeros| zeros < shift) {
        top |= 1;
    }
    let rounded = top as f64;
    let bit_count = 64 - u64::from(top.leading_zeros());
    let m = rounded / 2f64.powi(i32::try_from(bit_count).unwrap_or(64));
    if m == 1.0 { (0.5, bits + 1) } else { (m, bits) }
}

/// CPython's `loghelper`: an int is handled exactly whatever its size (`ValueError` when
/// not positive); anything else goes through `math_1` as a float.
fn log_helper(ctx: &mut Ctx, x: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(n) = as_int(x) {
        if !n.is_positive() {
            return Err(domain_error());
        }
        if let Ok(value) = pyrite_object::num::int_to_f64(&n) {
            return Ok(f(value));
        }
        let (m, e) = int_frexp(&n);
        let e = e as f64;
        return Ok(f(m) + f(2.0) * e);
    }
    let value = to_double(ctx, x)?;
    apply_1(value, f, false)
}

pub(super) fn log(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("log() takes no keyword arguments"));
    }
    let (x, base) = match args.values {
        [x] => (x, None),
        [x, base] => (x, Some(base)),
        _ => return Err(PyErr::type_error("math.log requires 1 to 2 arguments")),
    };
    let num = log_helper(ctx, x, log_e)?;
    let Some(base) = base else { return Ok(Value::float(num)) };
    let den = log_helper(ctx, base, log_e)?;
    if den.is_zero() {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(Value::float(num / den))
}

pub(super) fn log2(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = one_arg("log2", args)?;
    Ok(Value::float(log_helper(ctx, x, log_2)?))
}

pub(super) fn log10(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = one_arg("log10", args)?;
    Ok(Value::float(log_helper(ctx, x, log_10)?))
}
