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
    add_methods(&t.float, "float", &[("is_integer", float_is_integer), ("conjugate", float_conjugate)]);
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
            PowResult::Complex(..) => return Err(PyErr::not_implemented("complex numbers are not supported yet")),
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
        UnaryOp::Positive => Ok(v.clone()),
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
    if x.as_obj().is_some_and(|o| !o.is::<crate::types::int::PyInt>()) && x.as_f64().is_none() {
        for dunder in ["__float__", "__index__"] {
            if let Some(result) = crate::methods::slots::call_dunder(ctx, x, dunder, &[])? {
                return match to_f64(&result) {
                    Some(f) => Ok(Value::float(f?)),
                    None => {
                        Err(PyErr::type_error(format!("{dunder} returned non-float (type {})", result.type_name())))
                    }
                };
            }
        }
    }
    match to_f64(x) {
        Some(f) => Ok(Value::float(f?)),
        None => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            x.type_name()
        ))),
    }
}

/// CPython's `PyFloat_AsDouble`: a float, an int, or an object with `__float__` (or
/// `__index__`) as an `f64`; what native functions taking a float argument call.
///
/// # Errors
/// `TypeError: must be real number, not X`, or the error of the dunder.
pub fn as_double(ctx: &mut Ctx, x: &Value) -> PyResult<f64> {
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
    Ok(this.clone())
}
