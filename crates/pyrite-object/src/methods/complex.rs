//! `complex`: the constructor, arithmetic with CPython 3.11's algorithms (scaled division,
//! integer-exponent powers by repeated squaring), comparison, hashing and repr.
//!
//! String parsing and the format-spec mini-language are in `complex_text.rs`.

use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::attrdescr::{self, Kind};
use crate::methods::complex_text;
use crate::methods::int::{compare_numbers, is_int, to_f64};
use crate::methods::params::Params;
use crate::methods::{add_methods, method_args, set_slots};
use crate::num;
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::complex::{PyComplex, complex_parts, complex_value};
use crate::types::int::PyInt;
use crate::types::list::PyTuple;
use crate::types::typeobj::UnaryOp;
use crate::value::Value;

/// A complex number as a pair of doubles (CPython's `Py_complex`).
pub type Complex = (f64, f64);

/// CPython's `_PyHASH_IMAG`: the multiplier of the imaginary part's hash.
const HASH_IMAG: u64 = 1_000_003;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.complex, |s| {
        s.repr = Some(|_, v| Ok(Value::str(&complex_repr(parts(v)))));
        s.hash = Some(complex_hash);
        s.richcompare = Some(complex_richcompare);
        s.binary = Some(complex_binary);
        s.unary = Some(complex_unary);
        s.bool = Some(|_, v| {
            let (re, im) = parts(v);
            Ok(re != 0.0 || im != 0.0)
        });
        s.new = Some(complex_new);
        s.getattro = Some(complex_getattro);
        s.setattro = Some(complex_setattro);
    });
    attrdescr::add(&t.complex, Kind::Member, &["real", "imag"]);
    add_methods(
        &t.complex,
        "complex",
        &[
            ("conjugate", complex_conjugate),
            ("__complex__", complex_complex),
            ("__getnewargs__", complex_getnewargs),
            ("__format__", complex_format_method),
            ("__abs__", complex_abs_method),
        ],
    );
}

fn parts(v: &Value) -> Complex {
    complex_parts(v).unwrap_or((f64::NAN, f64::NAN))
}

/// `repr(complex)`: shortest round-trip digits for each part, without a trailing `.0`; the
/// real part is left out when it is `+0.0`.
#[must_use]
pub fn complex_repr((re, im): Complex) -> String {
    let part = |x: f64| num::format_float_opts(x, b'r', None, false, false);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let im_text = part(im);
    let sign = if im_text.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im_text}j)", part(re))
}

/// The operand of complex arithmetic: a complex, an int or a float (subclasses included),
/// as CPython's `TO_COMPLEX`; `None` for any other type.
fn to_complex(v: &Value) -> Option<PyResult<Complex>> {
    if let Some(c) = complex_parts(v) {
        return Some(Ok(c));
    }
    to_f64(v).map(|r| r.map(|f| (f, 0.0)))
}

fn complex_hash(_: &mut Ctx, v: &Value) -> PyResult<i64> {
    let (re, im) = parts(v);
    let part = |x: f64| num::hash_f64(x).unwrap_or_else(|| protocol::pointer_hash(v.id()));
    #[expect(clippy::cast_sign_loss, clippy::cast_possible_wrap, reason = "CPython combines the hashes as unsigned")]
    let combined = (part(re) as u64).wrapping_add(HASH_IMAG.wrapping_mul(part(im) as u64)) as i64;
    Ok(if combined == -1 { -2 } else { combined })
}

fn complex_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let Some((re, im)) = complex_parts(a) else { return Ok(not_implemented()) };
    let equal = if is_int(b) || b.as_obj().is_some_and(|o| o.is::<PyInt>()) {
        if im == 0.0 {
            // Exact: compare the real part with the int as float == int does.
            return Ok(compare_numbers(&Value::Float(re), b, op).unwrap_or_else(not_implemented));
        }
        false
    } else if let Some(f) = b.as_f64() {
        re == f && im == 0.0
    } else if let Some((bre, bim)) = complex_parts(b) {
        re == bre && im == bim
    } else {
        return Ok(not_implemented());
    };
    Ok(Value::Bool(if op == CompareOp::Eq { equal } else { !equal }))
}

/// `a * b` (CPython's `_Py_c_prod`).
#[must_use]
pub fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` (CPython's `_Py_c_quot`): divides through by the larger part of `b` to avoid
/// needless overflow; `None` when `b` is zero.
#[must_use]
pub fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // At least one part of `b` is a NaN.
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a complex power failed, as CPython's `errno` after `complex_pow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowError {
    /// `EDOM`: zero to a negative or complex power (or a libm domain error).
    Domain,
    /// `ERANGE`: an infinite part in the result.
    Range,
}

/// `x ** n` for `n >= 0` by repeated squaring (CPython's `c_powu`).
fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask = mask.wrapping_shl(1);
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` in general (CPython's `_Py_c_pow`); the flag says whether a libm call would
/// have reported a domain error (`sin`/`cos` of an infinity).
fn c_pow(a: Complex, b: Complex) -> Result<(Complex, bool), PowError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok(((1.0, 0.0), false));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok(((0.0, 0.0), false));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    let domain = phase.is_infinite();
    Ok(((len * phase.cos(), len * phase.sin()), domain))
}

/// `a ** b` as CPython's `complex_pow`: small integral real exponents by repeated
/// squaring, others through polar form; an infinite part is an overflow.
///
/// # Errors
/// [`PowError::Domain`] for zero to a negative or complex power, [`PowError::Range`] when
/// a part of the result is infinite.
pub fn complex_pow(a: Complex, b: Complex) -> Result<Complex, PowError> {
    let (p, domain) = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        #[expect(clippy::cast_possible_truncation, reason = "integral and at most 100 in magnitude")]
        let n = b.0 as i64;
        if n > 0 { (c_powu(a, n), false) } else { (c_quot((1.0, 0.0), c_powu(a, -n)).ok_or(PowError::Domain)?, false) }
    } else {
        c_pow(a, b)?
    };
    if domain {
        return Err(PowError::Domain);
    }
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(PowError::Range);
    }
    Ok(p)
}

/// `a ** b` with CPython's exceptions.
///
/// # Errors
/// `ZeroDivisionError` or `OverflowError` as [`complex_pow`] fails.
pub fn complex_pow_value(a: Complex, b: Complex) -> PyResult {
    match complex_pow(a, b) {
        Ok((re, im)) => Ok(complex_value(re, im)),
        Err(PowError::Domain) => Err(PyErr::zero_division("0.0 to a negative or complex power")),
        Err(PowError::Range) => Err(PyErr::overflow("complex exponentiation")),
    }
}

/// `abs(z)` (CPython's `_Py_c_abs`): an infinite part gives infinity even beside a NaN.
///
/// # Errors
/// `OverflowError: absolute value too large` when the finite parts' hypotenuse overflows.
pub fn complex_abs((re, im): Complex) -> PyResult<f64> {
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() {
            return Ok(re.abs());
        }
        if im.is_infinite() {
            return Ok(im.abs());
        }
        return Ok(f64::NAN);
    }
    let result = re.hypot(im);
    if result.is_finite() { Ok(result) } else { Err(PyErr::overflow("absolute value too large")) }
}

fn complex_binary(_: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let (Some(x), Some(y)) = (to_complex(a), to_complex(b)) else { return Ok(not_implemented()) };
    let (x, y) = (x?, y?);
    let (re, im) = match op {
        BinaryOp::Add => (x.0 + y.0, x.1 + y.1),
        BinaryOp::Subtract => (x.0 - y.0, x.1 - y.1),
        BinaryOp::Multiply => c_prod(x, y),
        BinaryOp::TrueDivide => c_quot(x, y).ok_or_else(|| PyErr::zero_division("complex division by zero"))?,
        BinaryOp::Power => return complex_pow_value(x, y),
        _ => return Ok(not_implemented()),
    };
    Ok(complex_value(re, im))
}

fn complex_unary(_: &mut Ctx, v: &Value, op: UnaryOp) -> PyResult {
    let (re, im) = parts(v);
    match op {
        UnaryOp::Negative => Ok(complex_value(-re, -im)),
        UnaryOp::Positive => Ok(exact(v)),
        UnaryOp::Invert => Ok(not_implemented()),
    }
}

/// The value itself if it is an exact complex, else a new exact complex with its parts.
fn exact(v: &Value) -> Value {
    if v.type_ref().is_same(&types().complex) {
        return v.clone();
    }
    let (re, im) = parts(v);
    complex_value(re, im)
}

fn complex_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(c) = v.downcast::<PyComplex>() {
        match name.as_str().map(crate::types::str::PyStr::as_str) {
            Some("real") => return Ok(Value::float(c.re)),
            Some("imag") => return Ok(Value::float(c.im)),
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

fn complex_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    if matches!(name.as_str().map(crate::types::str::PyStr::as_str), Some("real" | "imag")) {
        return Err(PyErr::attribute_error("readonly attribute"));
    }
    protocol::generic_setattr(ctx, v, name, value)
}

fn this<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, Complex)> {
    let (this, _) = method_args(name, args, 0, 0)?;
    let c = complex_parts(this).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{name}' requires a 'complex' object but received a '{}'",
            this.type_name()
        ))
    })?;
    Ok((this, c))
}

fn complex_conjugate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, (re, im)) = this("conjugate", args)?;
    Ok(complex_value(re, -im))
}

fn complex_complex(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = this("__complex__", args)?;
    Ok(exact(v))
}

fn complex_getnewargs(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, (re, im)) = this("__getnewargs__", args)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::float(re), Value::float(im)])))
}

fn complex_abs_method(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, c) = this("__abs__", args)?;
    complex_abs(c).map(Value::float)
}

fn complex_format_method(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("__format__", args, 1, 1)?;
    let c = complex_parts(this).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '__format__' requires a 'complex' object but received a '{}'",
            this.type_name()
        ))
    })?;
    let Some(spec) = rest[0].as_str() else {
        return Err(PyErr::type_error(format!("__format__() argument must be str, not {}", rest[0].type_name())));
    };
    if spec.as_str().is_empty() {
        return Ok(Value::str(&complex_repr(c)));
    }
    complex_text::format_complex(c, spec.as_str()).map(|s| Value::str(&s))
}

/// `format(z, spec)` for a complex value `z` and a non-empty spec.
///
/// # Errors
/// CPython's `ValueError`s for specs complex does not accept.
pub fn format_value(z: &Value, spec: &str) -> PyResult<String> {
    complex_text::format_complex(parts(z), spec)
}

const NEW_PARAMS: Params = Params::new("complex", &["real", "imag"]);

fn complex_new(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let [real, imag] = NEW_PARAMS.bind(args)?;
    let is_exact_type = ty.is_same(&types().complex);
    if let Some(r) = real
        && imag.is_none()
        && is_exact_type
        && r.type_ref().is_same(&types().complex)
    {
        return Ok(r.clone());
    }
    let (re, im) = complex_new_parts(ctx, real, imag)?;
    if is_exact_type {
        return Ok(complex_value(re, im));
    }
    Ok(Value::Obj(pyrite_memory::ObjRef::new_with_dict(PyComplex { re, im }, Some(ty))))
}

/// The parts of `complex(real, imag)` (CPython's `complex_new_impl`).
fn complex_new_parts(ctx: &mut Ctx, real: Option<&Value>, imag: Option<&Value>) -> PyResult<Complex> {
    let zero = Value::Int(0);
    let r = real.unwrap_or(&zero);
    if let Some(text) = r.as_str() {
        if imag.is_some() {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
        }
        return complex_text::parse_complex(text);
    }
    if imag.is_some_and(|i| i.as_str().is_some()) {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    let special = try_complex_special(ctx, r)?;
    let r = special.as_ref().unwrap_or(r);
    if !is_number(r) {
        return Err(PyErr::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.type_name()
        )));
    }
    if let Some(i) = imag
        && !is_number(i)
    {
        return Err(PyErr::type_error(format!("complex() second argument must be a number, not '{}'", i.type_name())));
    }
    let (cr, cr_is_complex) = match complex_parts(r) {
        Some(c) => (c, true),
        None => ((number_float(ctx, r)?, 0.0), false),
    };
    let Some(i) = imag else { return Ok(cr) };
    let (re, mut im) = match complex_parts(i) {
        Some(ci) => (cr.0 - ci.1, ci.0),
        None => (cr.0, number_float(ctx, i)?),
    };
    if cr_is_complex {
        im += cr.1;
    }
    Ok((re, im))
}

/// `type(v).__complex__(v)` if the type defines it (CPython's `try_complex_special_method`).
fn try_complex_special(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    if complex_parts(v).is_some() && v.type_ref().is_same(&types().complex) {
        return Ok(None);
    }
    let Some(result) = crate::methods::slots::call_dunder(ctx, v, "__complex__", &[])? else { return Ok(None) };
    if complex_parts(&result).is_none() {
        return Err(PyErr::type_error(format!("__complex__ returned non-complex (type {})", result.type_name())));
    }
    // CPython warns (DeprecationWarning) when the result is of a complex subclass.
    Ok(Some(result))
}

/// Whether `v` is a number for the constructor: a complex, or something with `nb_float`
/// or `nb_index` (an int, a float, or a class defining `__float__` or `__index__`).
fn is_number(v: &Value) -> bool {
    if complex_parts(v).is_some() || to_f64(v).is_some() {
        return true;
    }
    ["__float__", "__index__"]
        .iter()
        .any(|name| crate::types::typeobj::lookup_str(v.type_ref(), name).is_some_and(|attr| !attr.is_none()))
}

/// CPython's `PyNumber_Float` for a number (checked by [`is_number`]).
fn number_float(ctx: &mut Ctx, v: &Value) -> PyResult<f64> {
    crate::methods::float::number_float(ctx, v)?
        .ok_or_else(|| PyErr::type_error(format!("must be real number, not {}", v.type_name())))
}
