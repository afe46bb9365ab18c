//! Accurate sums: `fsum` (Shewchuk's exact partials with a correctly rounded result, as
//! CPython's `math_fsum`), and `hypot`/`dist` (CPython 3.11's `vector_norm`: power-of-two
//! scaling, Veltkamp-Dekker squaring, compensated summation and a differential correction
//! of the square root).

use pyrite_object::protocol;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value};

use super::{libm, no_keywords, one_arg, positional, to_double};

pub(super) fn fsum(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let iterable = one_arg("fsum", args)?;
    let iterator = protocol::get_iter(ctx, iterable)?;
    // Non-overlapping partial sums, increasing in magnitude, exactly equal to the total.
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        let item = to_double(ctx, &item)?;
        let mut x = item;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN among the items, or an overflow of the sum.
                if item.is_finite() {
                    return Err(PyErr::overflow("intermediate overflow in fsum"));
                }
                if item.is_infinite() {
                    inf_sum += item;
                }
                special_sum += item;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if f64::is_nan(inf_sum) {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    Ok(Value::float(round_partials(&partials)))
}

/// Adds the partials from the top until the sum becomes inexact, then fixes the one case
/// where the rest of the partials decide a half-way rounding.
fn round_partials(partials: &[f64]) -> f64 {
    let Some((&top, rest)) = partials.split_last() else { return 0.0 };
    let mut hi = top;
    let mut lo = 0.0;
    let mut n = rest.len();
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = rest[n];
        hi = x + y;
        lo = y - (hi - x);
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && rest[n - 1] < 0.0) || (lo > 0.0 && rest[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

/// Splits `x` into a high half (26 bits) and the exact rest (Veltkamp-Dekker).
fn split(x: f64) -> (f64, f64) {
    const VELTKAMP: f64 = 134_217_729.0; // 2**27 + 1
    let t = x * VELTKAMP;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// `csum += x`, adding the rounding error to `frac` (requires `|csum| >= |x|`).
fn add_compensated(csum: &mut f64, frac: &mut f64, x: f64) {
    let old = *csum;
    *csum += x;
    *frac += (old - *csum) + x;
}

/// The Euclidean norm of `vec` (absolute values), with `max` its largest element.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = super::real::frexp_parts(max).1;
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0, 0.0, 0.0, 0.0);
    if max_e < -1023 {
        // 2**-max_e would overflow: divide by max instead of scaling.
        for &x in vec {
            let x = x / max;
            add_compensated(&mut csum, &mut frac1, x * x);
        }
        return max * libm::sqrt(csum - 1.0 + frac1);
    }
    let scale = libm::ldexp(1.0, -max_e);
    for &x in vec {
        let (hi, lo) = split(x * scale);
        add_compensated(&mut csum, &mut frac1, hi * hi);
        add_compensated(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = libm::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    let (hi, lo) = split(h);
    add_compensated(&mut csum, &mut frac1, -hi * hi);
    add_compensated(&mut csum, &mut frac2, -2.0 * hi * lo);
    add_compensated(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

pub(super) fn hypot(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = no_keywords("hypot", args)?;
    let mut coordinates = Vec::with_capacity(values.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for value in values {
        let x = to_double(ctx, value)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coordinates.push(x);
    }
    Ok(Value::float(vector_norm(&coordinates, max, found_nan)))
}

pub(super) fn dist(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = positional("dist", args, 2, 2)?;
    let p = protocol::collect(ctx, &values[0])?;
    let q = protocol::collect(ctx, &values[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (pv, qv) in p.iter().zip(&q) {
        let px = to_double(ctx, pv)?;
        let qx = to_double(ctx, qv)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::float(vector_norm(&diffs, max, found_nan)))
}
