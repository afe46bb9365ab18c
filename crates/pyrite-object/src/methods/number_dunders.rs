//! The conversion, rounding and `divmod` dunders of `int` and `float` (`__abs__`,
//! `__int__`, `__float__`, `__round__`, `__divmod__`, ...): CPython exposes them on the
//! types, so `x.__float__()` works and `typing.SupportsFloat` recognises numbers.
//! The builtins (`abs`, `round`, `divmod`) keep their own fast paths for exact types.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::int::{as_int, is_int};
use crate::methods::{add_methods, method_args};
use crate::num;
use crate::protocol::{self, not_implemented};
use crate::registry::TypeTable;
use crate::types::list::PyTuple;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    // Slot wrappers in CPython, with their own receiver check and wording.
    add_slot_methods(
        &t.int,
        "int",
        &[
            ("__abs__", |_, a| Ok(Value::from_bigint(int_this("__abs__", a, true)?.abs()))),
            ("__int__", |_, a| Ok(Value::from_bigint(int_this("__int__", a, true)?))),
            ("__float__", |_, a| {
                let i = int_this("__float__", a, true)?;
                num::int_to_f64(&i).map(Value::float).map_err(PyErr::from_arith)
            }),
            ("__divmod__", |_, a| int_divmod_method(a, "__divmod__", false)),
            ("__rdivmod__", |_, a| int_divmod_method(a, "__rdivmod__", true)),
        ],
    );
    add_methods(
        &t.int,
        "int",
        &[
            ("__trunc__", |_, a| Ok(Value::from_bigint(int_this("__trunc__", a, false)?))),
            ("__floor__", |_, a| Ok(Value::from_bigint(int_this("__floor__", a, false)?))),
            ("__ceil__", |_, a| Ok(Value::from_bigint(int_this("__ceil__", a, false)?))),
            ("__getnewargs__", |_, a| {
                let i = int_this("__getnewargs__", a, false)?;
                Ok(Value::Obj(PyTuple::new_obj(vec![Value::from_bigint(i)])))
            }),
            ("__round__", int_round_method),
        ],
    );
    add_slot_methods(
        &t.float,
        "float",
        &[
            ("__abs__", |_, a| Ok(Value::float(float_this("__abs__", a, true)?.abs()))),
            ("__float__", |_, a| Ok(Value::float(float_this("__float__", a, true)?))),
            ("__int__", |_, a| {
                let x = float_this("__int__", a, true)?;
                num::f64_to_int(x.trunc()).map(Value::from_bigint).map_err(PyErr::from_arith)
            }),
            ("__divmod__", |_, a| float_divmod_method(a, "__divmod__", false)),
            ("__rdivmod__", |_, a| float_divmod_method(a, "__rdivmod__", true)),
        ],
    );
    add_methods(&t.float, "float", &[("__round__", float_round_method)]);
}

/// Stores methods that are slot wrappers in CPython: they check their receiver themselves
/// (`descriptor '__abs__' requires a 'int' object ...`).
fn add_slot_methods(
    ty: &pyrite_memory::ObjRef,
    owner: &'static str,
    methods: &[(&'static str, crate::types::function::NativeFn)],
) {
    for &(name, func) in methods {
        let method = crate::types::function::BuiltinFunction::new_method(owner, name, func);
        crate::methods::set_type_attr(ty, name, Value::Obj(method));
    }
}

/// The error for a method of `owner` called on something else: slot wrappers (`slot`) and
/// method descriptors word it differently in CPython.
fn wrong_receiver(name: &str, owner: &str, this: &Value, slot: bool) -> PyErr {
    if slot {
        PyErr::type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{}'",
            this.type_name()
        ))
    } else {
        PyErr::type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            this.type_name()
        ))
    }
}

/// The receiver and the other arguments of a method that is a slot wrapper in CPython
/// (`__abs__`, `__divmod__`), or a method descriptor (`__round__`), checked with the
/// matching wording: exactly `n` arguments after the receiver.
fn receiver<'a>(name: &str, args: Args<'a>, n: usize, slot: bool) -> PyResult<(&'a Value, &'a [Value])> {
    if !slot {
        return method_args(name, args, n, n);
    }
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let (this, rest) = method_args(name, args, 0, usize::MAX)?;
    if rest.len() != n {
        return Err(crate::methods::slots::wrapper_count_error(n, rest.len()));
    }
    Ok((this, rest))
}

/// The int value of a no-argument int method's receiver.
fn int_this(name: &str, args: Args<'_>, slot: bool) -> PyResult<BigInt> {
    let (this, _) = receiver(name, args, 0, slot)?;
    as_int(this).map(std::borrow::Cow::into_owned).ok_or_else(|| wrong_receiver(name, "int", this, slot))
}

/// The float value of a no-argument float method's receiver.
fn float_this(name: &str, args: Args<'_>, slot: bool) -> PyResult<f64> {
    let (this, _) = receiver(name, args, 0, slot)?;
    this.as_f64().ok_or_else(|| wrong_receiver(name, "float", this, slot))
}

fn index_error(v: &Value) -> String {
    format!("'{}' object cannot be interpreted as an integer", v.type_name())
}

/// `int.__round__(ndigits)`: the int itself, or rounded half to even at `10**-ndigits`.
fn int_round_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("__round__", args, 0, 1)?;
    let x = as_int(this)
        .map(std::borrow::Cow::into_owned)
        .ok_or_else(|| wrong_receiver("__round__", "int", this, false))?;
    let Some(ndigits) = rest.first() else {
        return Ok(Value::from_bigint(x));
    };
    let ndigits = protocol::index(ctx, ndigits, index_error)?;
    int_round(&x, &as_int(&ndigits).unwrap_or_default())
}

/// `round(x, ndigits)` for an int: unchanged for `ndigits >= 0`, else rounded half to even
/// at a power of ten.
pub fn int_round(x: &BigInt, ndigits: &BigInt) -> PyResult {
    if !ndigits.is_negative() {
        return Ok(Value::from_bigint(x.clone()));
    }
    // 10**digits > 2*|x| rounds to 0: decided from the bit length, without the power.
    let digits = ndigits.magnitude().to_u64().unwrap_or(u64::MAX);
    #[expect(clippy::cast_precision_loss, reason = "a bound with a wide margin")]
    if digits as f64 * std::f64::consts::LOG2_10 > (x.bits() + 2) as f64 {
        return Ok(Value::Int(0));
    }
    let pow = BigInt::from(10).pow(u32::try_from(digits).unwrap_or(u32::MAX));
    let (mut q, r) = num::int_divmod(x, &pow).map_err(PyErr::from_arith)?;
    let twice = &r * 2;
    if twice > pow || (twice == pow && !(&q % 2u8).is_zero()) {
        q += 1;
    }
    Ok(Value::from_bigint(q * pow))
}

fn int_divmod_method(args: Args<'_>, name: &str, reflected: bool) -> PyResult {
    let (this, rest) = receiver(name, args, 1, true)?;
    let Some(a) = as_int(this) else { return Err(wrong_receiver(name, "int", this, true)) };
    let Some(b) = as_int(&rest[0]) else { return Ok(not_implemented()) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let (q, r) = num::int_divmod(&x, &y).map_err(PyErr::from_arith)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::from_bigint(q), Value::from_bigint(r)])))
}

/// `float.__round__(ndigits=None)`.
fn float_round_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("__round__", args, 0, 1)?;
    let x = this.as_f64().ok_or_else(|| wrong_receiver("__round__", "float", this, false))?;
    match rest.first().filter(|n| !n.is_none()) {
        None => num::float_round_to_int(x).map(Value::from_bigint).map_err(PyErr::from_arith),
        Some(n) => {
            let n = protocol::index(ctx, n, index_error)?;
            let n = as_int(&n).unwrap_or_default();
            let n = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
            num::float_round(x, Some(n)).map(Value::float).map_err(PyErr::from_arith)
        }
    }
}

fn float_divmod_method(args: Args<'_>, name: &str, reflected: bool) -> PyResult {
    let (this, rest) = receiver(name, args, 1, true)?;
    let a = this.as_f64().ok_or_else(|| wrong_receiver(name, "float", this, true))?;
    let other = &rest[0];
    let b = match other.as_f64() {
        Some(b) => b,
        None if is_int(other) => match crate::methods::int::to_f64(other) {
            Some(b) => b?,
            None => return Ok(not_implemented()),
        },
        None => return Ok(not_implemented()),
    };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let (q, r) = num::float_divmod(x, y).map_err(PyErr::from_arith)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::float(q), Value::float(r)])))
}
