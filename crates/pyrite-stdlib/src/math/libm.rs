//! The C library's math functions, which CPython's `math` module calls directly: declared
//! here so every result comes from the same libm CPython uses, not from Rust's own
//! formulas (`f64::asinh` and friends are not libm's).
//!
//! On glibc the functions are bound through their `_Float64` names (`sinf64`, glibc 2.27+,
//! the same code as `sin`): the plain names can be taken by the weak copies of a few
//! (`cbrt`, `fmod`, `sqrt`) that Rust's `compiler_builtins` links statically, and its
//! `cbrt` rounds differently from glibc's.

mod c {
    unsafe extern "C" {
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "acosf64")]
        pub safe fn acos(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "acoshf64")]
        pub safe fn acosh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "asinf64")]
        pub safe fn asin(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "asinhf64")]
        pub safe fn asinh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "atanf64")]
        pub safe fn atan(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "atan2f64")]
        pub safe fn atan2(y: f64, x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "atanhf64")]
        pub safe fn atanh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
        pub safe fn cbrt(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cosf64")]
        pub safe fn cos(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "coshf64")]
        pub safe fn cosh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "erff64")]
        pub safe fn erf(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "erfcf64")]
        pub safe fn erfc(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "expf64")]
        pub safe fn exp(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "exp2f64")]
        pub safe fn exp2(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "expm1f64")]
        pub safe fn expm1(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "fmodf64")]
        pub safe fn fmod(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "ldexpf64")]
        pub safe fn ldexp(x: f64, exp: i32) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "logf64")]
        pub safe fn log(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "log10f64")]
        pub safe fn log10(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "log1pf64")]
        pub safe fn log1p(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "log2f64")]
        pub safe fn log2(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "nextafterf64")]
        pub safe fn nextafter(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "powf64")]
        pub safe fn pow(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "sinf64")]
        pub safe fn sin(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "sinhf64")]
        pub safe fn sinh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "sqrtf64")]
        pub safe fn sqrt(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "tanf64")]
        pub safe fn tan(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "tanhf64")]
        pub safe fn tanh(x: f64) -> f64;
    }
}

#[inline]
pub fn acos(x: f64) -> f64 {
    c::acos(x)
}

#[inline]
pub fn acosh(x: f64) -> f64 {
    c::acosh(x)
}

#[inline]
pub fn asin(x: f64) -> f64 {
    c::asin(x)
}

#[inline]
pub fn asinh(x: f64) -> f64 {
    c::asinh(x)
}

#[inline]
pub fn atan(x: f64) -> f64 {
    c::atan(x)
}

#[inline]
pub fn atan2(y: f64, x: f64) -> f64 {
    c::atan2(y, x)
}

#[inline]
pub fn atanh(x: f64) -> f64 {
    c::atanh(x)
}

#[inline]
pub fn cbrt(x: f64) -> f64 {
    c::cbrt(x)
}

#[inline]
pub fn cos(x: f64) -> f64 {
    c::cos(x)
}

#[inline]
pub fn cosh(x: f64) -> f64 {
    c::cosh(x)
}

#[inline]
pub fn erf(x: f64) -> f64 {
    c::erf(x)
}

#[inline]
pub fn erfc(x: f64) -> f64 {
    c::erfc(x)
}

#[inline]
pub fn exp(x: f64) -> f64 {
    c::exp(x)
}

#[inline]
pub fn exp2(x: f64) -> f64 {
    c::exp2(x)
}

#[inline]
pub fn expm1(x: f64) -> f64 {
    c::expm1(x)
}

#[inline]
pub fn fmod(x: f64, y: f64) -> f64 {
    c::fmod(x, y)
}

#[inline]
pub fn ldexp(x: f64, exp: i32) -> f64 {
    c::ldexp(x, exp)
}

#[inline]
pub fn log(x: f64) -> f64 {
    c::log(x)
}

#[inline]
pub fn log10(x: f64) -> f64 {
    c::log10(x)
}

#[inline]
pub fn log1p(x: f64) -> f64 {
    c::log1p(x)
}

#[inline]
pub fn log2(x: f64) -> f64 {
    c::log2(x)
}

#[inline]
pub fn nextafter(x: f64, y: f64) -> f64 {
    c::nextafter(x, y)
}

#[inline]
pub fn pow(x: f64, y: f64) -> f64 {
    c::pow(x, y)
}

#[inline]
pub fn sin(x: f64) -> f64 {
    c::sin(x)
}

#[inline]
pub fn sinh(x: f64) -> f64 {
    c::sinh(x)
}

#[inline]
pub fn sqrt(x: f64) -> f64 {
    c::sqrt(x)
}

#[inline]
pub fn tan(x: f64) -> f64 {
    c::tan(x)
}

#[inline]
pub fn tanh(x: f64) -> f64 {
    c::tanh(x)
}
