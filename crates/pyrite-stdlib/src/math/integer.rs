//! The integer functions of `math` over big ints (`factorial`, `isqrt`, `gcd`, `lcm`,
//! `comb`, `perm`, `prod`) and the float-to-int roundings `floor`, `ceil` and `trunc`,
//! which defer to `__floor__`/`__ceil__`/`__trunc__` as CPython does.

use std::borrow::Cow;

use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pyrite_bytecode::BinaryOp;
use pyrite_object::methods::float::as_double;
use pyrite_object::methods::int::as_int;
use pyrite_object::methods::params::Params;
use pyrite_object::methods::slots::call_dunder;
use pyrite_object::num::{self, BigInt};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::{bind, index, no_keywords, one_arg, positional};

/// The value of an int (the result of [`index`]).
fn big(value: &Value) -> Cow<'_, BigInt> {
    as_int(value).unwrap_or(Cow::Owned(BigInt::zero()))
}

/// An int value for a float that is already integral; CPython's `PyLong_FromDouble`.
fn float_to_int(x: f64) -> PyResult {
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    num::f64_to_int(x).map(Value::from_bigint).map_err(PyErr::from_arith)
}

fn is_exact_float(x: &Value) -> bool {
    x.as_f64().is_some() && x.type_ref().is_same(&types().float)
}

/// `floor`/`ceil`: an exact float directly; otherwise the type's dunder, else an int's
/// own value (`int.__floor__`), else the float value of the object rounded.
fn round_to_int(ctx: &mut Ctx, x: &Value, dunder: &str, round: fn(f64) -> f64) -> PyResult {
    if let Value::Int(_) = x {
        return Ok(x.clone());
    }
    if let Some(f) = x.as_f64().filter(|_| is_exact_float(x)) {
        return float_to_int(round(f));
    }
    if let Some(result) = call_dunder(ctx, x, dunder, &[])? {
        return Ok(result);
    }
    if let Some(n) = as_int(x) {
        return Ok(Value::from_bigint(n.into_owned()));
    }
    float_to_int(round(as_double(ctx, x)?))
}

pub(super) fn floor(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    round_to_int(ctx, one_arg("floor", args)?, "__floor__", f64::floor)
}

pub(super) fn ceil(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    round_to_int(ctx, one_arg("ceil", args)?, "__ceil__", f64::ceil)
}

pub(super) fn trunc(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let x = one_arg("trunc", args)?;
    if let Value::Int(_) = x {
        return Ok(x.clone());
    }
    if let Some(f) = x.as_f64().filter(|_| is_exact_float(x)) {
        return float_to_int(f.trunc());
    }
    if let Some(result) = call_dunder(ctx, x, "__trunc__", &[])? {
        return Ok(result);
    }
    if let Some(n) = as_int(x) {
        return Ok(Value::from_bigint(n.into_owned()));
    }
    if let Some(f) = x.as_f64() {
        return float_to_int(f.trunc());
    }
    Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", x.type_name())))
}

/// `i64::MAX` as CPython prints `LONG_MAX` / `LLONG_MAX` in its messages.
const LONG_MAX: i64 = i64::MAX;

pub(super) fn factorial(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let n = index(ctx, one_arg("factorial", args)?)?;
    factorial_of(&big(&n))
}

fn factorial_of(n: &BigInt) -> PyResult {
    if n.is_negative() {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| i64::try_from(n).is_ok()) else {
        return Err(PyErr::overflow(format!("factorial() argument should not exceed {LONG_MAX}")));
    };
    if n < 2 {
        return Ok(Value::Int(1));
    }
    Ok(Value::from_bigint(range_product(2, n + 1)))
}

/// The product of the integers in `lo..hi` (`lo < hi`), split in halves so the big
/// multiplications are balanced; runs that fit in a `u64` are multiplied directly.
fn range_product(lo: u64, hi: u64) -> BigInt {
    let width = u64::from(64 - (hi - 1).leading_zeros());
    if (hi - lo).saturating_mul(width) <= 64 {
        return BigInt::from((lo..hi).fold(1u64, u64::wrapping_mul));
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

pub(super) fn isqrt(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let n = index(ctx, one_arg("isqrt", args)?)?;
    let n = big(&n);
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

pub(super) fn gcd(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = no_keywords("gcd", args)?;
    let Some((first, rest)) = values.split_first() else { return Ok(Value::Int(0)) };
    let mut result = big(&index(ctx, first)?).abs();
    for value in rest {
        let x = index(ctx, value)?;
        if !result.is_one() {
            result = result.gcd(&big(&x));
        }
    }
    Ok(Value::from_bigint(result))
}

pub(super) fn lcm(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = no_keywords("lcm", args)?;
    let Some((first, rest)) = values.split_first() else { return Ok(Value::Int(1)) };
    let mut result = big(&index(ctx, first)?).abs();
    for value in rest {
        let x = index(ctx, value)?;
        let x = big(&x);
        if result.is_zero() {
            continue;
        }
        if x.is_zero() {
            result = BigInt::zero();
            continue;
        }
        let g = result.gcd(&x);
        result = (&result / &g * x.as_ref()).abs();
    }
    Ok(Value::from_bigint(result))
}

/// `P(n, k)` (or `C(n, k)` when `comb`) for `0 <= k <= n`, by CPython's splitting:
/// `P(n, k) = P(n, j) * P(n-j, k-j)` and `C(n, k) = C(n, j) * C(n-j, k-j) // C(k, j)`
/// with `j = k // 2`, which keeps the multiplications balanced; small cases directly.
fn perm_comb(n: &BigInt, k: u64, comb: bool) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k == 1 {
        return n.clone();
    }
    if let Some(small) = n.to_u64().and_then(|n| perm_comb_small(n, k, comb)) {
        return BigInt::from(small);
    }
    let j = k / 2;
    let mut result = perm_comb(n, j, comb) * perm_comb(&(n - j), k - j, comb);
    if comb {
        result /= perm_comb(&BigInt::from(k), j, true);
    }
    result
}

/// `P(n, k)` or `C(n, k)` when the falling product `n * (n-1) * ... * (n-k+1)` fits
/// in a `u128`.
fn perm_comb_small(n: u64, k: u64, comb: bool) -> Option<u128> {
    let width = u64::from(64 - n.leading_zeros());
    if width.saturating_mul(k) > 128 {
        return None;
    }
    let mut product: u128 = 1;
    let mut divisor: u128 = 1;
    for i in 0..k {
        product *= u128::from(n - i);
        divisor *= u128::from(i + 1);
    }
    Some(if comb { product / divisor } else { product })
}

/// The two int arguments of `comb`/`perm`, checked non-negative.
fn n_and_k(ctx: &mut Ctx, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = big(&index(ctx, n)?).into_owned();
    let k = big(&index(ctx, k)?).into_owned();
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

pub(super) fn perm(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = positional("perm", args, 1, 2)?;
    let k = match values {
        [n] | [n, Value::None] => {
            let n = index(ctx, n)?;
            return factorial_of(&big(&n));
        }
        [_, k] => k,
        _ => return Ok(Value::None),
    };
    let (n, k) = n_and_k(ctx, &values[0], k)?;
    if n < k {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| i64::try_from(k).is_ok()) else {
        return Err(PyErr::overflow(format!("k must not exceed {LONG_MAX}")));
    };
    Ok(Value::from_bigint(perm_comb(&n, k, false)))
}

pub(super) fn comb(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = positional("comb", args, 2, 2)?;
    let (n, k) = n_and_k(ctx, &values[0], &values[1])?;
    let rest = &n - &k;
    if rest.is_negative() {
        return Ok(Value::Int(0));
    }
    let k = k.min(rest);
    let Some(k) = k.to_u64().filter(|&k| i64::try_from(k).is_ok()) else {
        return Err(PyErr::overflow(format!("min(n - k, k) must not exceed {LONG_MAX}")));
    };
    Ok(Value::from_bigint(perm_comb(&n, k, true)))
}

const PROD: Params = Params::new("prod", &["iterable", "start"]).required(1).positional_only(1).keyword_only(1);

pub(super) fn prod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [iterable, start] = bind(&PROD, args)?;
    let iterator = protocol::get_iter(ctx, iterable.unwrap_or(&Value::None))?;
    let mut result = start.cloned().unwrap_or(Value::Int(1));
    while let Some(item) = protocol::next(ctx, &iterator)? {
        if let (Value::Int(a), Value::Int(b)) = (&result, &item)
            && let Some(product) = a.checked_mul(*b)
        {
            result = Value::Int(product);
            continue;
        }
        result = protocol::binary_op(ctx, &result, &item, BinaryOp::Multiply)?;
    }
    Ok(result)
}
