//! `int` and `bool`: arithmetic with an `i64` fast path and big integers beyond it.

use std::borrow::Cow;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args, set_slots};
use crate::num::{self, PowResult};
use crate::protocol::{self, not_implemented};
use crate::registry::TypeTable;
use crate::types::int::PyInt;
use crate::types::str::PyStr;
use crate::types::typeobj::UnaryOp;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    crate::methods::add_getters(
        &t.int,
        "int",
        &[
            ("real", int_conjugate),
            ("numerator", int_conjugate),
            ("imag", |_, _| Ok(Value::Int(0))),
            ("denominator", |_, _| Ok(Value::Int(1))),
        ],
    );
    set_slots(&t.int, |s| {
        s.repr = Some(int_repr);
        s.hash = Some(int_hash);
        s.richcompare = Some(int_richcompare);
        s.binary = Some(int_binary);
        s.unary = Some(int_unary);
        s.bool = Some(|_, v| Ok(!is_zero(v)));
        s.new = Some(int_new);
    });
    set_slots(&t.bool, |s| {
        s.repr = Some(int_repr);
        s.hash = Some(int_hash);
        s.richcompare = Some(int_richcompare);
        s.binary = Some(bool_binary);
        s.unary = Some(int_unary);
        s.new = Some(bool_new);
    });
    add_methods(
        &t.int,
        "int",
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("as_integer_ratio", int_as_integer_ratio),
            ("conjugate", int_conjugate),
            ("__index__", int_index),
            ("to_bytes", int_to_bytes),
        ],
    );
    crate::methods::descriptors::add_class_methods(&t.int, "int", &[("from_bytes", int_from_bytes)]);
}

/// The integer value of an int or bool, borrowing a big one.
#[must_use]
pub fn as_int(value: &Value) -> Option<Cow<'_, BigInt>> {
    match value {
        Value::Int(i) => Some(Cow::Owned(BigInt::from(*i))),
        Value::Bool(b) => Some(Cow::Owned(BigInt::from(i64::from(*b)))),
        Value::Obj(o) => o.downcast::<PyInt>().map(|i| Cow::Borrowed(&i.0)),
        _ => None,
    }
}

/// The value as an `i64` if it is an int or bool that fits.
#[inline]
#[must_use]
pub fn as_small(value: &Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

fn is_zero(value: &Value) -> bool {
    as_int(value).is_some_and(|i| i.is_zero())
}

fn int_repr(_: &mut Ctx, v: &Value) -> PyResult {
    match v {
        Value::Bool(b) => Ok(Value::str(if *b { "True" } else { "False" })),
        Value::Int(i) => Ok(Value::Obj(crate::protocol::small_int_str(*i))),
        _ => {
            let i = as_int(v).map(std::borrow::Cow::into_owned).unwrap_or_default();
            let text = num::decimal_string(&i, true).map_err(PyErr::value_error)?;
            Ok(Value::Obj(PyStr::new_unshared_obj(&text)))
        }
    }
}

fn int_hash(_: &mut Ctx, v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Int(i) => num::hash_i64(*i),
        Value::Bool(b) => i64::from(*b),
        _ => as_int(v).map_or(0, |i| num::hash_bigint(&i)),
    })
}

fn ordering_result(ordering: Option<std::cmp::Ordering>, op: CompareOp) -> Value {
    use std::cmp::Ordering::{Equal, Greater, Less};
    Value::Bool(match (ordering, op) {
        (None, CompareOp::Ne) => true,
        (None, _) => false,
        (Some(o), CompareOp::Lt) => o == Less,
        (Some(o), CompareOp::Le) => o != Greater,
        (Some(o), CompareOp::Eq) => o == Equal,
        (Some(o), CompareOp::Ne) => o != Equal,
        (Some(o), CompareOp::Gt) => o == Greater,
        (Some(o), CompareOp::Ge) => o != Less,
    })
}

/// Compares two numbers (int, bool or float) exactly; `None` when either is not a number.
#[must_use]
pub fn compare_numbers(a: &Value, b: &Value, op: CompareOp) -> Option<Value> {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b)) {
        return Some(ordering_result(Some(x.cmp(&y)), op));
    }
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => Some(ordering_result(x.partial_cmp(&y), op)),
        (Some(x), None) => {
            let y = as_int(b)?;
            Some(ordering_result(num::cmp_int_f64(&y, x).map(std::cmp::Ordering::reverse), op))
        }
        (None, Some(y)) => {
            let x = as_int(a)?;
            Some(ordering_result(num::cmp_int_f64(&x, y), op))
        }
        (None, None) => {
            let (x, y) = (as_int(a)?, as_int(b)?);
            Some(ordering_result(Some(x.as_ref().cmp(y.as_ref())), op))
        }
    }
}

fn int_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if b.as_f64().is_some() {
        return Ok(not_implemented());
    }
    Ok(compare_numbers(a, b, op).unwrap_or_else(not_implemented))
}

/// `a <op> b` for two ints that fit in an `i64`, without allocating; `None` when the
/// result needs the general path (overflow, float result, error). The commonest
/// operators are worked out where it is inlined (the register loop's `BINARY_OP`), the
/// others by a call.
#[inline(always)]
#[must_use]
pub fn small_binary(x: i64, y: i64, op: BinaryOp) -> Option<Value> {
    match op {
        BinaryOp::Add => x.checked_add(y).map(Value::Int),
        BinaryOp::Subtract => x.checked_sub(y).map(Value::Int),
        BinaryOp::Multiply => x.checked_mul(y).map(Value::Int),
        BinaryOp::And => Some(Value::Int(x & y)),
        // Both signs known: no rounding to correct, no zero or overflow to check.
        BinaryOp::Remainder if x >= 0 && y > 0 => Some(Value::Int(x % y)),
        BinaryOp::FloorDivide if x >= 0 && y > 0 => Some(Value::Int(x / y)),
        _ => small_binary_call(x, y, op),
    }
}

/// [`small_binary`] out of line.
#[inline(never)]
#[must_use]
fn small_binary_call(x: i64, y: i64, op: BinaryOp) -> Option<Value> {
    Some(Value::Int(match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Subtract => x.checked_sub(y)?,
        BinaryOp::Multiply => x.checked_mul(y)?,
        BinaryOp::FloorDivide => {
            if y == 0 {
                return None;
            }
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q }
        }
        BinaryOp::Remainder => {
            if y == 0 {
                return None;
            }
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r }
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::Lshift => {
            if !(0..63).contains(&y) {
                return None;
            }
            let shifted = x.checked_shl(u32::try_from(y).ok()?)?;
            if shifted >> y != x {
                return None;
            }
            shifted
        }
        BinaryOp::Rshift => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
        BinaryOp::Power => {
            if y < 0 {
                return None;
            }
            x.checked_pow(u32::try_from(y).ok()?)?
        }
        BinaryOp::TrueDivide => {
            const EXACT: i64 = 1 << 53;
            if y == 0 || !(-EXACT..=EXACT).contains(&x) || !(-EXACT..=EXACT).contains(&y) {
                return None;
            }
            #[expect(clippy::cast_precision_loss, reason = "both are within 2**53, so exact")]
            return Some(Value::Float(x as f64 / y as f64));
        }
        BinaryOp::MatrixMultiply => return None,
    }))
}

fn int_binary(_: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    if let (Some(x), Some(y)) = (as_small(a), as_small(b))
        && let Some(result) = small_binary(x, y, op)
    {
        return Ok(result);
    }
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else { return Ok(not_implemented()) };
    big_binary(&x, &y, op)
}

fn big_binary(x: &BigInt, y: &BigInt, op: BinaryOp) -> PyResult {
    let arith = PyErr::from_arith;
    Ok(match op {
        BinaryOp::Add => Value::from_bigint(x + y),
        BinaryOp::Subtract => Value::from_bigint(x - y),
        BinaryOp::Multiply => Value::from_bigint(x * y),
        BinaryOp::FloorDivide => Value::from_bigint(num::int_floordiv(x, y).map_err(arith)?),
        BinaryOp::Remainder => Value::from_bigint(num::int_mod(x, y).map_err(arith)?),
        BinaryOp::TrueDivide => Value::Float(num::int_truediv(x, y).map_err(arith)?),
        BinaryOp::Power => match num::int_pow(x, y).map_err(arith)? {
            PowResult::Int(i) => Value::from_bigint(i),
            PowResult::Float(f) => Value::Float(f),
            PowResult::Complex(..) => return Err(PyErr::not_implemented("complex numbers are not supported yet")),
        },
        BinaryOp::Lshift => Value::from_bigint(num::int_lshift(x, y).map_err(arith)?),
        BinaryOp::Rshift => Value::from_bigint(num::int_rshift(x, y).map_err(arith)?),
        BinaryOp::And => Value::from_bigint(x & y),
        BinaryOp::Or => Value::from_bigint(x | y),
        BinaryOp::Xor => Value::from_bigint(x ^ y),
        BinaryOp::MatrixMultiply => return Ok(not_implemented()),
    })
}

fn bool_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinaryOp::And => return Ok(Value::Bool(x & y)),
            BinaryOp::Or => return Ok(Value::Bool(x | y)),
            BinaryOp::Xor => return Ok(Value::Bool(x ^ y)),
            _ => {}
        }
    }
    int_binary(ctx, a, b, op)
}

fn int_unary(_: &mut Ctx, v: &Value, op: UnaryOp) -> PyResult {
    if let Some(x) = as_small(v) {
        match op {
            UnaryOp::Negative => {
                if let Some(n) = x.checked_neg() {
                    return Ok(Value::Int(n));
                }
            }
            UnaryOp::Positive => return Ok(Value::Int(x)),
            UnaryOp::Invert => return Ok(Value::Int(!x)),
        }
    }
    let Some(x) = as_int(v) else { return Ok(not_implemented()) };
    Ok(Value::from_bigint(match op {
        UnaryOp::Negative => -x.into_owned(),
        UnaryOp::Positive => x.into_owned(),
        UnaryOp::Invert => -(x.into_owned()) - 1,
    }))
}

/// `int(x)` conversion of one value (not a str).
pub fn int_from_value(v: &Value) -> PyResult {
    match v {
        Value::Int(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Float(f) => {
            if f.is_finite() && f.abs() < 9.0e18 {
                #[expect(clippy::cast_possible_truncation, reason = "int() truncates; range checked")]
                return Ok(Value::Int(f.trunc() as i64));
            }
            Ok(Value::from_bigint(num::f64_to_int(*f).map_err(PyErr::from_arith)?))
        }
        // An instance of an int subclass becomes an exact int.
        Value::Obj(o) if o.is::<PyInt>() && !o.type_ref().is_same(&crate::registry::types().int) => {
            Ok(Value::from_bigint(o.downcast::<PyInt>().map(|i| i.0.clone()).unwrap_or_default()))
        }
        Value::Obj(o) if o.is::<PyInt>() => Ok(v.clone()),
        // A NaN (boxed, so each has its own identity) or a float subclass's value.
        _ if v.as_f64().is_some() => int_from_value(&Value::Float(v.as_f64().unwrap_or(f64::NAN))),
        _ => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ))),
    }
}

/// Parses `text` as `int(text, base)` would, with CPython's error message.
pub fn int_from_str(text: &PyStr, base: u32) -> PyResult {
    if base == 10
        && let Some(value) = small_decimal(text.as_str())
    {
        return Ok(Value::Int(value));
    }
    match num::parse_int_checked(text.as_str(), base).map_err(PyErr::value_error)? {
        Some(value) => Ok(Value::from_bigint(value)),
        None => Err(invalid_literal(base, &text.repr())),
    }
}

/// The value of a plain decimal literal (an optional sign, then 1 to 18 ASCII digits),
/// which fits in an `i64`; anything else (spaces, underscores, more digits) is `None` and
/// takes the general parser.
fn small_decimal(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        all => (false, all),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut value: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        value = value * 10 + i64::from(d - b'0');
    }
    Some(if negative { -value } else { value })
}

/// CPython's `ValueError` for text that is not an int literal, showing at most 200
/// characters of its repr (`%.200R`).
fn invalid_literal(base: u32, repr: &str) -> PyErr {
    let shown = repr.char_indices().nth(200).map_or(repr, |(i, _)| &repr[..i]);
    PyErr::value_error(format!("invalid literal for int() with base {base}: {shown}"))
}

fn int_new(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let value = int_new_exact(ctx, args)?;
    if ty.is_same(&crate::registry::types().int) {
        return Ok(value);
    }
    // An instance of a class derived from int: a heap int of that class, with a `__dict__`.
    let big = as_int(&value).map(std::borrow::Cow::into_owned).unwrap_or_default();
    Ok(Value::Obj(pyrite_memory::ObjRef::new_with_dict(PyInt(big), Some(ty))))
}

fn int_new_exact(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let mut x = None;
    let mut base = None;
    for (i, v) in args.pos().iter().enumerate() {
        match i {
            0 => x = Some(v.clone()),
            1 => base = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "int() takes at most 2 arguments ({} given)",
                    args.values.len()
                )));
            }
        }
    }
    for (name, v) in args.keywords() {
        match name.as_str().map(PyStr::as_str) {
            Some("base") => base = Some(v.clone()),
            Some(other) => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for int()")));
            }
            None => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    let Some(x) = x else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if x.as_str().is_none()
        && let Some(data) = crate::methods::bytes::buffer_bytes(&x)
    {
        let base = match &base {
            None => 10,
            Some(b) => int_base(b)?,
        };
        return int_from_ascii(&data, base);
    }
    match base {
        None => match x.as_str() {
            Some(s) => int_from_str(s, 10),
            None if x.as_obj().is_some_and(|o| !o.is::<PyInt>() && x.as_f64().is_none()) => {
                for dunder in ["__int__", "__index__", "__trunc__"] {
                    if let Some(result) = crate::methods::slots::call_dunder(ctx, &x, dunder, &[])? {
                        if as_int(&result).is_none() {
                            return Err(PyErr::type_error(format!(
                                "{dunder} returned non-int (type {})",
                                result.type_name()
                            )));
                        }
                        return int_from_value(&result);
                    }
                }
                int_from_value(&x)
            }
            None => int_from_value(&x),
        },
        Some(base) => {
            let base_u32 = int_base(&base)?;
            match x.as_str() {
                Some(s) => int_from_str(s, base_u32),
                None => Err(PyErr::type_error("int() can't convert non-string with explicit base")),
            }
        }
    }
}

/// The `base` argument of `int(x, base)`.
fn int_base(base: &Value) -> PyResult<u32> {
    let base_value = as_small(base).ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", base.type_name()))
    })?;
    let valid = base_value == 0 || (2..=36).contains(&base_value);
    u32::try_from(base_value)
        .ok()
        .filter(|_| valid)
        .ok_or_else(|| PyErr::value_error("int() base must be >= 2 and <= 36, or 0"))
}

/// `int(b'...', base)`: the bytes parsed as ASCII text.
fn int_from_ascii(data: &[u8], base: u32) -> PyResult {
    let parsed = match std::str::from_utf8(data).ok().filter(|s| s.is_ascii()) {
        Some(s) => num::parse_int_checked(s, base).map_err(PyErr::value_error)?,
        None => None,
    };
    match parsed {
        Some(value) => Ok(Value::from_bigint(value)),
        None => Err(invalid_literal(base, &pyrite_bytecode::repr::bytes_repr(data))),
    }
}

const TO_BYTES: crate::methods::params::Params =
    crate::methods::params::Params::new("to_bytes", &["length", "byteorder", "signed"]).keyword_only(2);

/// The `byteorder` argument: whether it is `'little'`.
fn little_endian(name: &str, v: Option<&Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!(
            "{name}() argument 'byteorder' must be str, not {}",
            crate::methods::bad_argument_name(v)
        )));
    };
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'to_bytes' of 'int' object needs an argument"));
    };
    let value = as_int(this).ok_or_else(|| PyErr::type_error("to_bytes() needs an int"))?.into_owned();
    let [length, byteorder, signed] = TO_BYTES.bind(Args { values: rest, kwnames: args.kwnames })?;
    let length = match length {
        None => 1,
        Some(v) => {
            let n =
                protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
            to_i64(&n)?
        }
    };
    // The byte order is parsed with the arguments, before the length is judged.
    let little = little_endian("to_bytes", byteorder)?;
    let Ok(length) = usize::try_from(length) else {
        return Err(PyErr::value_error("length argument must be non-negative"));
    };
    let signed = match signed {
        None => false,
        Some(v) => protocol::truthy(ctx, v)?,
    };
    if !signed && value.is_negative() {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    let mut data = if signed { value.to_signed_bytes_le() } else { value.to_bytes_le().1 };
    if value.is_zero() {
        data.clear();
    }
    if data.len() > length {
        return Err(PyErr::overflow("int too big to convert"));
    }
    crate::methods::sequence::checked_total(length, 1)?;
    data.resize(length, if value.is_negative() { 0xFF } else { 0 });
    if !little {
        data.reverse();
    }
    Ok(Value::Obj(crate::types::bytes::PyBytes::new_obj(data)))
}

const FROM_BYTES: crate::methods::params::Params =
    crate::methods::params::Params::new("from_bytes", &["bytes", "byteorder", "signed"]).required(1).keyword_only(2);

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((cls, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'from_bytes' of 'int' object needs an argument"));
    };
    let [source, byteorder, signed] = FROM_BYTES.bind(Args { values: rest, kwnames: args.kwnames })?;
    let source = source.ok_or_else(|| PyErr::new_system("from_bytes() argument"))?;
    let little = little_endian("from_bytes", byteorder)?;
    let signed = match signed {
        None => false,
        Some(v) => protocol::truthy(ctx, v)?,
    };
    let data = match crate::methods::bytes::buffer_bytes(source) {
        Some(data) => data,
        None if source.as_str().is_some() => {
            return Err(PyErr::type_error("cannot convert 'str' object to bytes"));
        }
        // CPython's `PyObject_Bytes`: an int is not a count of zero bytes here.
        None if protocol::has_index(source)
            && crate::types::typeobj::lookup_str(source.type_ref(), "__bytes__").is_none() =>
        {
            return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", source.type_name())));
        }
        None => {
            let bytes_type = Value::Obj(crate::registry::types().bytes.clone());
            let converted = protocol::call_positional(ctx, &bytes_type, std::slice::from_ref(source))?;
            crate::methods::bytes::buffer_bytes(&converted).unwrap_or_default()
        }
    };
    let value = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
    };
    let result = Value::from_bigint(value);
    if cls.as_obj().is_some_and(|c| c.is_same(&crate::registry::types().int)) {
        return Ok(result);
    }
    protocol::call_positional(ctx, cls, &[result])
}

fn bool_new(ctx: &mut Ctx, _ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let values = crate::methods::check_args("bool", args, 0, 1)?;
    match values.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(protocol::truthy(ctx, v)?)),
    }
}

fn int_bit_length(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("bit_length", args, 0, 0)?;
    let x = as_int(this).ok_or_else(|| PyErr::type_error("bit_length needs an int"))?;
    Ok(Value::from(usize::try_from(num::int_bit_length(&x.abs())).unwrap_or(usize::MAX)))
}

fn int_bit_count(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("bit_count", args, 0, 0)?;
    let x = as_int(this).ok_or_else(|| PyErr::type_error("bit_count needs an int"))?;
    let ones: u64 = x.magnitude().iter_u64_digits().map(|d| u64::from(d.count_ones())).sum();
    Ok(Value::Int(i64::try_from(ones).unwrap_or(i64::MAX)))
}

fn int_as_integer_ratio(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("as_integer_ratio", args, 0, 0)?;
    let pair = vec![int_from_value(this)?, Value::Int(1)];
    Ok(Value::Obj(crate::types::list::PyTuple::new_obj(pair)))
}

fn int_index(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__index__", args, 0, 0)?;
    int_from_value(this)
}

fn int_conjugate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("conjugate", args, 0, 0)?;
    int_from_value(this)
}

/// The value as an `f64` for float arithmetic, or `None` if it is not a number.
pub fn to_f64(value: &Value) -> Option<PyResult<f64>> {
    match value {
        Value::Float(f) => Some(Ok(*f)),
        #[expect(clippy::cast_precision_loss, reason = "int to float conversion rounds, as in CPython")]
        Value::Int(i) => Some(Ok(*i as f64)),
        Value::Bool(b) => Some(Ok(f64::from(u8::from(*b)))),
        Value::Obj(o) => {
            if let Some(f) = value.as_f64() {
                return Some(Ok(f));
            }
            let big = &o.downcast::<PyInt>()?.0;
            Some(num::int_to_f64(big).map_err(PyErr::from_arith))
        }
        Value::None => None,
    }
}

/// Whether the value is an exact int (or bool) object or inline int.
#[must_use]
pub fn is_int(value: &Value) -> bool {
    match value {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => o.is::<PyInt>(),
        _ => false,
    }
}

/// Converts an int value to `i64` with CPython's OverflowError text.
pub fn to_i64(value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i64::from(*b)),
        _ => match as_int(value) {
            Some(big) => big.to_i64().ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t")),
            None => {
                Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", value.type_name())))
            }
        },
    }
}
