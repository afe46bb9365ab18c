//! Numeric builtins: `divmod`, `pow`, `round`, `bin`, `oct`, `hex`.

use num_traits::Signed;
use pyrite_bytecode::BinaryOp;
use pyrite_object::methods::check_args;
use pyrite_object::methods::int::{as_int, is_int};
use pyrite_object::methods::slots::call_dunder;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, num, protocol};

fn is_float(v: &Value) -> bool {
    v.as_f64().is_some() && !is_int(v)
}

fn pair(a: Value, b: Value) -> Value {
    Value::Obj(PyTuple::new_obj(vec![a, b]))
}

/// `divmod(a, b)`.
pub(super) fn builtin_divmod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("divmod", args, 2, 2)?;
    let (a, b) = (&values[0], &values[1]);
    let exact_int = |v: &Value| is_int(v) && !pyrite_object::methods::slots::is_python_class(v.type_ref());
    if exact_int(a) && exact_int(b) {
        let (x, y) = (as_int(a).unwrap_or_default(), as_int(b).unwrap_or_default());
        let (q, r) = num::int_divmod(&x, &y).map_err(PyErr::from_arith)?;
        return Ok(pair(Value::from_bigint(q), Value::from_bigint(r)));
    }
    let number = |v: &Value| exact_int(v) || is_float(v);
    if number(a) && number(b) {
        let to_f = |v: &Value| pyrite_object::methods::int::to_f64(v).unwrap_or(Ok(0.0));
        let (x, y) = (to_f(a)?, to_f(b)?);
        let (q, r) = num::float_divmod(x, y).map_err(PyErr::from_arith)?;
        return Ok(pair(Value::float(q), Value::float(r)));
    }
    if let Some(result) = call_dunder(ctx, a, "__divmod__", std::slice::from_ref(b))?
        && !protocol::is_not_implemented(&result)
    {
        return Ok(result);
    }
    if !a.type_ref().is_same(b.type_ref())
        && let Some(result) = call_dunder(ctx, b, "__rdivmod__", std::slice::from_ref(a))?
        && !protocol::is_not_implemented(&result)
    {
        return Ok(result);
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

/// `pow(base, exp, mod=None)`.
pub(super) fn builtin_pow(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let mut slots: [Option<Value>; 3] = [None, None, None];
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!("pow() takes at most 3 arguments ({} given)", args.values.len())));
    }
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (name, value) in args.keywords() {
        let index = match name.as_str().map(PyStr::as_str) {
            Some("base") => 0,
            Some("exp") => 1,
            Some("mod") => 2,
            Some(other) => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for pow()")));
            }
            None => return Err(PyErr::type_error("keywords must be strings")),
        };
        if slots[index].is_some() {
            let names = ["base", "exp", "mod"];
            return Err(PyErr::type_error(format!(
                "argument for pow() given by name ('{}') and position ({})",
                names[index],
                index + 1
            )));
        }
        slots[index] = Some(value.clone());
    }
    let [base, exp, modulus] = slots;
    let Some(base) = base else {
        return Err(PyErr::type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = exp else {
        return Err(PyErr::type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    match modulus {
        None | Some(Value::None) => protocol::binary_op(ctx, &base, &exp, BinaryOp::Power),
        Some(m) => {
            if is_int(&base) && is_int(&exp) && is_int(&m) {
                let (b, e, m) = (
                    as_int(&base).unwrap_or_default(),
                    as_int(&exp).unwrap_or_default(),
                    as_int(&m).unwrap_or_default(),
                );
                return num::int_pow_mod(&b, &e, &m).map(Value::from_bigint).map_err(PyErr::from_arith);
            }
            if pyrite_object::methods::slots::is_python_class(base.type_ref())
                && let Some(result) = call_dunder(ctx, &base, "__pow__", &[exp.clone(), m.clone()])?
                && !protocol::is_not_implemented(&result)
            {
                return Ok(result);
            }
            // complex's `__pow__` takes any number for the other operand, then refuses a modulus.
            let is_complex = |v: &Value| v.downcast::<pyrite_object::types::complex::PyComplex>().is_some();
            let number = |v: &Value| is_int(v) || is_float(v) || is_complex(v);
            if number(&base) && number(&exp) && (is_complex(&base) || is_complex(&exp) || is_complex(&m)) {
                return Err(PyErr::value_error("complex modulo"));
            }
            if [&base, &exp, &m].iter().all(|v| is_int(v) || is_float(v)) {
                return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                base.type_name(),
                exp.type_name(),
                m.type_name()
            )))
        }
    }
}

/// `round(number, ndigits=None)`.
pub(super) fn builtin_round(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let mut number = pos.first().cloned();
    let mut ndigits = pos.get(1).cloned();
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("round() takes at most 2 arguments ({} given)", args.values.len())));
    }
    for (name, value) in args.keywords() {
        match name.as_str().map(PyStr::as_str) {
            Some("number") if number.is_none() => number = Some(value.clone()),
            Some("ndigits") if ndigits.is_none() => ndigits = Some(value.clone()),
            Some(other @ ("number" | "ndigits")) => {
                return Err(PyErr::type_error(format!(
                    "argument for round() given by name ('{other}') and position ({})",
                    if other == "number" { 1 } else { 2 }
                )));
            }
            Some(other) => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for round()")));
            }
            None => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    let Some(number) = number else {
        return Err(PyErr::type_error("round() missing required argument 'number' (pos 1)"));
    };
    let ndigits = ndigits.filter(|n| !n.is_none());
    let python_class = pyrite_object::methods::slots::is_python_class(number.type_ref());
    if !python_class && is_int(&number) {
        let x = as_int(&number).unwrap_or_default().into_owned();
        return match &ndigits {
            None => Ok(Value::from_bigint(x)),
            Some(n) => {
                let n = protocol::index(ctx, n, |v| {
                    format!("'{}' object cannot be interpreted as an integer", v.type_name())
                })?;
                pyrite_object::methods::number_dunders::int_round(&x, &as_int(&n).unwrap_or_default())
            }
        };
    }
    if !python_class && is_float(&number) {
        let x = number.as_f64().unwrap_or(0.0);
        return match &ndigits {
            None => num::float_round_to_int(x).map(Value::from_bigint).map_err(PyErr::from_arith),
            Some(n) => {
                let n = protocol::index(ctx, n, |v| {
                    format!("'{}' object cannot be interpreted as an integer", v.type_name())
                })?;
                let n = as_int(&n).unwrap_or_default();
                let n = i64::try_from(&*n).unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                num::float_round(x, Some(n)).map(Value::float).map_err(PyErr::from_arith)
            }
        };
    }
    let extra: Vec<Value> = ndigits.into_iter().collect();
    match call_dunder(ctx, &number, "__round__", &extra)? {
        Some(result) => Ok(result),
        None => Err(PyErr::type_error(format!("type {} doesn't define __round__ method", number.type_name()))),
    }
}

fn radix(ctx: &mut Ctx, args: Args<'_>, name: &str, base: u32, prefix: &str) -> PyResult {
    let values = check_args(name, args, 1, 1)?;
    // A small int is written by the standard formatter, without a big integer.
    if let Value::Int(i) = values[0] {
        let sign = if i < 0 { "-" } else { "" };
        let (shift, mask) = match base {
            16 => (4, 15),
            8 => (3, 7),
            _ => (1, 1),
        };
        let mut magnitude = i.unsigned_abs();
        let mut buf = [0u8; 64];
        let mut start = buf.len();
        loop {
            start -= 1;
            buf[start] = b"0123456789abcdef"[usize::try_from(magnitude & mask).unwrap_or(0)];
            magnitude >>= shift;
            if magnitude == 0 {
                break;
            }
        }
        let digits = std::str::from_utf8(&buf[start..]).unwrap_or("0");
        let total = sign.len() + prefix.len() + digits.len();
        return Ok(Value::Obj(PyStr::from_ascii_parts_obj(total, [sign, prefix, digits])));
    }
    let mut v = values[0].clone();
    if !is_int(&v) {
        match call_dunder(ctx, &v, "__index__", &[])? {
            Some(i) if is_int(&i) => v = i,
            Some(i) => {
                return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", i.type_name())));
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                )));
            }
        }
    }
    let x = as_int(&v).unwrap_or_default();
    let digits = num::int_to_string_radix(&x.abs(), base);
    let sign = if x.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{}", digits.trim_start_matches('-'))))
}

pub(super) fn builtin_bin(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    radix(ctx, args, "bin", 2, "0b")
}

pub(super) fn builtin_oct(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    radix(ctx, args, "oct", 8, "0o")
}

pub(super) fn builtin_hex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    radix(ctx, args, "hex", 16, "0x")
}
