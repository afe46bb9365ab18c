//! `float`: IEEE doubles with CPython's division, modulo, power and repr rules.

use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::int::{compare_numbers, to_f64};
use crate::methods::{add_methods, check_args, method_args, set_slots};
use crate::num::{self, PowResult};
use crate::protocol::not_implemented;
use crate::registry::TypeTable;
use crate::types::typeobj::UnaryOp;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.float, |s| {
        s.repr = Some(|_, v| Ok(Value::str(&num::float_repr(as_float(v)))));
        s.hash = Some(|_, v| Ok(num::hash_f64(as_float(v)).unwrap_or_else(|| crate::protocol::pointer_hash(v.id()))));
        s.richcompare = Some(float_richcompare);
        s.binary = Some(float_binary);
        s.unary = Some(float_unary);
        s.bool = Some(|_, v| Ok(as_float(v) != 0.0));
        s.new = Some(float_new);
    });
    add_methods(
        &t.float,
        "float",
        &[
            ("is_integer", float_is_integer),
            ("conjugate", float_conjugate),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("__trunc__", |_, args| float_to_int(args, "__trunc__", f64::trunc)),
            ("__floor__", |_, args| float_to_int(args, "__floor__", f64::floor)),
            ("__ceil__", |_, args| float_to_int(args, "__ceil__", f64::ceil)),
            ("__getnewargs__", |_, args| {
                let (this, _) = method_args("__getnewargs__", args, 0, 0)?;
                Ok(Value::Obj(crate::types::list::PyTuple::new_obj(vec![Value::float(as_float(this))])))
            }),
        ],
    );
    crate::methods::descriptors::add_class_methods(
        &t.float,
        "float",
        &[("fromhex", float_fromhex), ("__getformat__", float_getformat)],
    );
    crate::methods::add_getters(
        &t.float,
        "float",
        &[
            ("real", |_, args| Ok(Value::float(as_float(args.values.first().unwrap_or(&Value::None))))),
            ("imag", |_, _| Ok(Value::Float(0.0))),
        ],
    );
}

/// `math.trunc`/`floor`/`ceil` of a float: an exact int, with CPython's errors for inf
/// and nan.
fn float_to_int(args: Args<'_>, name: &str, round: fn(f64) -> f64) -> PyResult {
    let (this, _) = method_args(name, args, 0, 0)?;
    let x = round(as_float(this));
    crate::methods::int::int_from_value(&Value::Float(x))
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms.
fn float_as_integer_ratio(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("as_integer_ratio", args, 0, 0)?;
    let x = as_float(this);
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok(Value::Obj(crate::types::list::PyTuple::new_obj(vec![Value::Int(0), Value::Int(1)])));
    }
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (mut mantissa, mut exp) =
        if exponent == 0 { (fraction, -1074) } else { (fraction | (1 << 52), exponent - 1075) };
    while mantissa != 0 && mantissa & 1 == 0 && exp < 0 {
        mantissa >>= 1;
        exp += 1;
    }
    let mut numerator = num_bigint::BigInt::from(mantissa);
    let mut denominator = num_bigint::BigInt::from(1u8);
    if exp >= 0 {
        numerator <<= usize::try_from(exp).unwrap_or(0);
    } else {
        denominator <<= usize::try_from(-exp).unwrap_or(0);
    }
    if negative {
        numerator = -numerator;
    }
    let pair = vec![Value::from_bigint(numerator), Value::from_bigint(denominator)];
    Ok(Value::Obj(crate::types::list::PyTuple::new_obj(pair)))
}

/// `float.__getformat__(typestr)` (a class method): how C doubles and floats are stored.
fn float_getformat(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, rest) = method_args("__getformat__", args, 1, 1)?;
    let Some(kind) = rest[0].as_str() else {
        return Err(PyErr::type_error(format!("__getformat__() argument must be str, not {}", rest[0].type_name())));
    };
    if !matches!(kind.as_str(), "double" | "float") {
        return Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'"));
    }
    let order = if cfg!(target_endian = "little") { "little" } else { "big" };
    Ok(Value::str(&format!("IEEE, {order}-endian")))
}

/// `float.fromhex(text)` (a class method): CPython's hexadecimal float syntax, correctly
/// rounded (half to even), with its errors.
fn float_fromhex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (cls, rest) = method_args("fromhex", args, 1, 1)?;
    let Some(text) = rest[0].as_str() else {
        // CPython's `float_fromhex` reads the str without Argument Clinic's wording.
        return Err(PyErr::type_error("bad argument type for built-in operation"));
    };
    let x = parse_hex_float(text.as_str())?;
    let is_float = cls.as_obj().is_some_and(|c| c.is_same(&crate::registry::types().float));
    if is_float {
        return Ok(Value::float(x));
    }
    crate::protocol::call_positional(ctx, cls, &[Value::float(x)])
}

fn parse_hex_float(text: &str) -> PyResult<f64> {
    let invalid = || PyErr::value_error("invalid hexadecimal floating-point string");
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = s.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN.copysign(sign));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa_text, exponent_text) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    let hex = |part: &str| part.bytes().all(|b| b.is_ascii_hexdigit());
    if (int_part.is_empty() && frac_part.is_empty()) || !hex(int_part) || !hex(frac_part) {
        return Err(invalid());
    }
    let mut exponent: i64 = match exponent_text {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Huge exponents saturate: the value is then certainly 0 or too large.
            let magnitude: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            if e.starts_with('-') { -magnitude } else { magnitude }
        }
    };
    let digits: String = format!("{int_part}{frac_part}");
    exponent -= 4 * i64::try_from(frac_part.len()).unwrap_or(0);
    let mantissa = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    let bits = i64::try_from(mantissa.bits()).unwrap_or(i64::MAX);
    if bits == 0 {
        return Ok(sign * 0.0);
    }
    let top = bits + exponent - 1;
    if top > 1023 {
        return Err(PyErr::overflow("hexadecimal value too large to represent as a float"));
    }
    let precision = (top + 1075).min(53);
    if precision < 0 {
        return Ok(sign * 0.0);
    }
    let shift = bits - precision;
    let (mut q, scale) = if shift <= 0 {
        (&mantissa << usize::try_from(-shift).unwrap_or(0), exponent + shift)
    } else {
        let shift_u = usize::try_from(shift).unwrap_or(0);
        let q = &mantissa >> shift_u;
        let remainder = &mantissa - (&q << shift_u);
        let half = num_bigint::BigUint::from(1u8) << (shift_u - 1);
        let odd = q.bit(0);
        let q = if remainder > half || (remainder == half && odd) { q + 1u8 } else { q };
        (q, exponent + shift)
    };
    let q_f = num_traits::ToPrimitive::to_f64(&std::mem::take(&mut q)).unwrap_or(f64::INFINITY);
    let half_scale = i32::try_from(scale / 2).unwrap_or(0);
    let rest_scale = i32::try_from(scale - scale / 2).unwrap_or(0);
    let value = q_f * 2f64.powi(half_scale) * 2f64.powi(rest_scale);
    if value.is_infinite() {
        return Err(PyErr::overflow("hexadecimal value too large to represent as a float"));
    }
    Ok(sign * value)
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>` as CPython.
fn float_hex(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("hex", args, 0, 0)?;
    let x = as_float(this);
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::str(&num::float_repr(x)));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::str(&format!("{sign}0x0.0p+0")));
    }
    let bits = x.to_bits();
    let exponent = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if exponent == 0 { (0, -1022) } else { (1, exponent - 1023) };
    let digits = format!("{fraction:013x}");
    let exp_sign = if exp >= 0 { "+" } else { "-" };
    Ok(Value::str(&format!("{sign}0x{lead}.{digits}p{exp_sign}{}", exp.abs())))
}

fn as_float(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

fn float_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    Ok(compare_numbers(a, b, op).unwrap_or_else(not_implemented))
}

/// `a <op> b` where at least one operand is a float and the other a number.
pub fn float_arith(x: f64, y: f64, op: BinaryOp) -> PyResult {
    let arith = PyErr::from_arith;
    Ok(Value::float(match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => num::float_truediv(x, y).map_err(arith)?,
        BinaryOp::FloorDivide => num::float_floordiv(x, y).map_err(arith)?,
        BinaryOp::Remainder => num::float_mod(x, y).map_err(arith)?,
        BinaryOp::Power => match num::float_pow(x, y).map_err(arith)? {
            PowResult::Float(f) => f,
            PowResult::Int(i) => num::int_to_f64(&i).unwrap_or(f64::INFINITY),
            PowResult::Complex(re, im) => return Ok(crate::types::complex::complex_value(re, im)),
        },
        _ => return Ok(not_implemented()),
    }))
}

fn float_binary(_: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) else { return Ok(not_implemented()) };
    float_arith(x?, y?, op)
}

fn float_unary(_: &mut Ctx, v: &Value, op: UnaryOp) -> PyResult {
    let x = as_float(v);
    match op {
        UnaryOp::Negative => Ok(Value::float(-x)),
        UnaryOp::Positive => Ok(exact_float(v, x)),
        UnaryOp::Invert => Ok(not_implemented()),
    }
}

fn float_new(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let value = float_new_exact(ctx, args)?;
    if ty.is_same(&crate::registry::types().float) {
        return Ok(value);
    }
    let f = value.as_f64().unwrap_or(f64::NAN);
    Ok(Value::Obj(pyrite_memory::ObjRef::new_with_dict(crate::types::misc::BoxedFloat(f), Some(ty))))
}

fn float_new_exact(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("float", args, 0, 1)?;
    let Some(x) = values.first() else { return Ok(Value::Float(0.0)) };
    if let Some(s) = x.as_str() {
        return num::parse_float(s.as_str())
            .map(Value::float)
            .ok_or_else(|| PyErr::value_error(format!("could not convert string to float: {}", s.repr())));
    }
    if let Some(f) = number_float(ctx, x)? {
        return Ok(Value::float(f));
    }
    if let Some(data) = crate::methods::bytes::buffer_bytes(x) {
        return float_from_bytes(ctx, x, &data);
    }
    match to_f64(x) {
        Some(f) => Ok(Value::float(f?)),
        None => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            x.type_name()
        ))),
    }
}

/// CPython's `PyNumber_Float` for a value that is not text: its `__float__` (a Python
/// class's own, even on an int or float subclass), else its `__index__`, else its value as
/// an int or float; `None` when it is not a number at all.
///
/// # Errors
/// `TypeError` when `__float__` returns a non-float or `__index__` a non-int, or the
/// dunder's own error.
pub fn number_float(ctx: &mut Ctx, x: &Value) -> PyResult<Option<f64>> {
    use crate::methods::slots::{call_dunder, is_python_class};
    if let Value::Obj(o) = x {
        let native_number = o.is::<crate::types::int::PyInt>() || x.as_f64().is_some();
        if is_python_class(o.type_ref()) || !native_number {
            if let Some(result) = call_dunder(ctx, x, "__float__", &[])? {
                // A float subclass result is accepted (CPython warns: DeprecationWarning).
                return match result.as_f64() {
                    Some(f) => Ok(Some(f)),
                    None => Err(PyErr::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        x.type_name(),
                        result.type_name()
                    ))),
                };
            }
            if !native_number && let Some(result) = call_dunder(ctx, x, "__index__", &[])? {
                if crate::methods::int::as_int(&result).is_none() {
                    return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", result.type_name())));
                }
                return to_f64(&result).transpose();
            }
        }
    }
    to_f64(x).transpose()
}

/// `float(b'1.5')`: the bytes of a bytes-like object read as ASCII text.
fn float_from_bytes(ctx: &mut Ctx, x: &Value, data: &[u8]) -> PyResult {
    let parsed = if data.is_ascii() { std::str::from_utf8(data).ok().and_then(num::parse_float) } else { None };
    match parsed {
        Some(f) => Ok(Value::float(f)),
        None => {
            let repr = crate::protocol::repr_string(ctx, x)?;
            Err(PyErr::value_error(format!("could not convert string to float: {repr}")))
        }
    }
}

/// CPython's `PyFloat_AsDouble`: a float, an int, or an object with `__float__` (or
/// `__index__`) as an `f64`; what native functions taking a float argument call.
///
/// # Errors
/// `TypeError: must be real number, not X`, or the error of the dunder.
pub fn as_double(ctx: &mut Ctx, x: &Value) -> PyResult<f64> {
    // CPython consults `nb_float` before the int value: an int subclass's own `__float__`
    // wins (a float subclass's does not: its value is used directly).
    if let Value::Obj(o) = x
        && o.is::<crate::types::int::PyInt>()
        && crate::methods::slots::is_python_class(o.type_ref())
        && let Some(result) = crate::methods::slots::call_dunder(ctx, x, "__float__", &[])?
    {
        // A float subclass result is accepted (CPython also warns: DeprecationWarning).
        return result.as_f64().ok_or_else(|| {
            PyErr::type_error(format!("{}.__float__ returned non-float (type {})", x.type_name(), result.type_name()))
        });
    }
    if let Some(f) = to_f64(x) {
        return f;
    }
    for dunder in ["__float__", "__index__"] {
        if let Some(result) = crate::methods::slots::call_dunder(ctx, x, dunder, &[])? {
            return match to_f64(&result) {
                Some(f) if dunder == "__index__" || result.as_f64().is_some() => f,
                _ => Err(PyErr::type_error(format!(
                    "{}.{dunder} returned non-float (type {})",
                    x.type_name(),
                    result.type_name()
                ))),
            };
        }
    }
    Err(PyErr::type_error(format!("must be real number, not {}", x.type_name())))
}

fn float_is_integer(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("is_integer", args, 0, 0)?;
    let x = as_float(this);
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn float_conjugate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("conjugate", args, 0, 0)?;
    Ok(exact_float(this, as_float(this)))
}

/// The value itself when it is a plain float (a NaN keeps its identity), else a plain
/// float of the same value (`+x` of a float subclass instance is a float).
fn exact_float(v: &Value, x: f64) -> Value {
    if v.type_ref().is_same(&crate::registry::types().float) { v.clone() } else { Value::float(x) }
}
