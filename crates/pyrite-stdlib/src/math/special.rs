//! `gamma` and `lgamma` as CPython computes them (its own Lanczos approximation with a
//! reflection formula for negative arguments, not libm's `tgamma`/`lgamma`), so results
//! agree with CPython to the last bit; plus the `sin(pi * x)` helper the reflection needs.

use std::f64::consts::PI;

use super::Errno;
use super::libm;

/// `log(pi)`.
const LOG_PI: f64 = 1.144_729_885_849_400_2;

/// Lanczos parameter g (the Boost choice for N = 13) and g - 0.5, both exact doubles.
const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;

/// Numerator coefficients of the Lanczos sum written as a rational function (the
/// doubles nearest the MPFR-computed values).
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_76,
    42_919_803_642.649_1,
    35_711_959_237.355_67,
    17_921_034_426.037_21,
    6_039_542_586.352_028,
    1_439_720_407.311_721_6,
    248_874_557.862_054_17,
    31_426_415.585_400_194,
    2_876_370.628_935_372_5,
    186_056.265_395_223_48,
    8_071.672_002_365_816,
    210.824_277_751_579_36,
    2.506_628_274_631_000_2,
];

/// Denominator coefficients: the expansion of x(x+1)...(x+11).
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// Gamma of the integers 1 through 23, exactly representable.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5_040.0,
    40_320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
    6_227_020_800.0,
    87_178_291_200.0,
    1_307_674_368_000.0,
    20_922_789_888_000.0,
    355_687_428_096_000.0,
    6_402_373_705_728_000.0,
    121_645_100_408_832_000.0,
    2_432_902_008_176_640_000.0,
    51_090_942_171_709_440_000.0,
    1_124_000_727_777_607_680_000.0,
];

/// `sin(pi * x)` for finite `x`, exact at integers and accurate near them: the argument is
/// reduced modulo 2 and the quadrant chosen so `sin`/`cos` only ever see `pi * t` with
/// `|t| <= 0.5`.
fn sin_pi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let quadrant = (2.0 * y).round() as i32;
    let r = match quadrant {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        // sin(pi * (1 - y)), not -sin(pi * (y - 1)), so y == 1 gives +0.0.
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// The Lanczos sum for `x > 0`, as a rational function; in `1/x` past 5 to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for (n, d) in LANCZOS_NUM.iter().zip(LANCZOS_DEN.iter()).rev() {
            num = num * x + n;
            den = den * x + d;
        }
    } else {
        for (n, d) in LANCZOS_NUM.iter().zip(LANCZOS_DEN.iter()) {
            num = num / x + n;
            den = den / x + d;
        }
    }
    num / den
}

/// The gamma function, with the error CPython's `m_tgamma` would signal through `errno`.
pub(super) fn gamma(x: f64) -> (f64, Option<Errno>) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, None);
        }
        return (f64::NAN, Some(Errno::Domain));
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Some(Errno::Domain));
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Some(Errno::Domain));
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, r.is_infinite().then_some(Errno::Range));
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sin_pi(x), None);
        }
        return (f64::INFINITY, Some(Errno::Range));
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, for the correction factor (1 + e*g/y).
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (r, r.is_infinite().then_some(Errno::Range))
}

/// `log(|gamma(x)|)`, with the error CPython's `m_lgamma` would signal through `errno`.
pub(super) fn lgamma(x: f64) -> (f64, Option<Errno>) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Some(Errno::Domain));
        }
        return (0.0, None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-libm::log(absx), None);
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sin_pi(absx).abs()) - libm::log(absx) - r;
    }
    (r, r.is_infinite().then_some(Errno::Range))
}
