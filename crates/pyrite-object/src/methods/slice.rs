//! `slice`: the type, and the index arithmetic the sequences use for `seq[a:b:c]`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_bytecode::CompareOp;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::int::as_int;
use crate::methods::sequence::compare_sequences;
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::TypeTable;
use crate::types::slice::PySlice;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.slice, |s| {
        s.new = Some(slice_new);
        s.repr = Some(slice_repr);
        s.richcompare = Some(slice_richcompare);
        s.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
    });
    add_methods(&t.slice, "slice", &[("indices", slice_indices)]);
    crate::methods::attrdescr::add_computed(
        &t.slice,
        crate::methods::attrdescr::Kind::Member,
        &[
            ("start", |_, args| Ok(this(method_args("start", args, 0, 0)?.0)?.start.clone())),
            ("stop", |_, args| Ok(this(method_args("stop", args, 0, 0)?.0)?.stop.clone())),
            ("step", |_, args| Ok(this(method_args("step", args, 0, 0)?.0)?.step.clone())),
        ],
    );
}

/// The slice payload of a value, if it is a slice.
#[must_use]
pub fn as_slice(v: &Value) -> Option<&PySlice> {
    v.downcast::<PySlice>()
}

/// A slice bound as an integer (`None` for `None`), clamped to the `i64` range as
/// CPython's `_PyEval_SliceIndex` does.
pub fn slice_index(ctx: &mut Ctx, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => return Ok(None),
        Value::Int(i) => return Ok(Some(*i)),
        Value::Bool(b) => return Ok(Some(i64::from(*b))),
        _ => {}
    }
    let as_index = match as_int(v) {
        Some(i) => i.into_owned(),
        None => {
            let converted = if crate::methods::slots::is_python_class(v.type_ref()) {
                crate::methods::slots::call_dunder(ctx, v, "__index__", &[])?
            } else {
                None
            };
            match converted.as_ref().and_then(as_int) {
                Some(i) => i.into_owned(),
                None => {
                    return Err(PyErr::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
            }
        }
    };
    Ok(Some(as_index.to_i64().unwrap_or(if as_index.is_negative() { i64::MIN } else { i64::MAX })))
}

/// CPython's `PySlice_Unpack`: (start, stop, step) with the defaults filled in.
pub fn unpack(ctx: &mut Ctx, s: &PySlice) -> PyResult<(i64, i64, i64)> {
    // Bounds that are small ints or None, the common `s[a:b]`, need no conversion.
    let small = |v: &Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    };
    if let (Some(start), Some(stop), Some(step)) = (small(&s.start), small(&s.stop), small(&s.step))
        && step != Some(0)
    {
        let step = step.map_or(1, |step| step.max(-i64::MAX));
        let start = start.unwrap_or(if step < 0 { i64::MAX } else { 0 });
        let stop = stop.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
        return Ok((start, stop, step));
    }
    let step = match slice_index(ctx, &s.step)? {
        None => 1,
        Some(0) => return Err(PyErr::value_error("slice step cannot be zero")),
        Some(step) => step.max(-i64::MAX),
    };
    let start = slice_index(ctx, &s.start)?.unwrap_or(if step < 0 { i64::MAX } else { 0 });
    let stop = slice_index(ctx, &s.stop)?.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
    Ok((start, stop, step))
}

/// CPython's `PySlice_AdjustIndices`: clamps to `len`, returns (start, stop, slice length).
#[must_use]
pub fn adjust(len: usize, start: i64, stop: i64, step: i64) -> (i64, i64, usize) {
    // `step` is never zero (see `unpack`) and a length fits in an `i64`, so none of this
    // overflows; the counts divide unsigned magnitudes.
    let length = i64::try_from(len).unwrap_or(i64::MAX);
    let clamp = |mut x: i64| {
        if x < 0 {
            x += length;
            if x < 0 {
                x = if step < 0 { -1 } else { 0 };
            }
        } else if x >= length {
            x = if step < 0 { length - 1 } else { length };
        }
        x
    };
    let (start, stop) = (clamp(start), clamp(stop));
    let count = |distance: i64| distance.unsigned_abs() / step.unsigned_abs() + 1;
    let n = if step == 1 {
        (stop - start).max(0).unsigned_abs()
    } else if step < 0 {
        if stop < start { count(start - stop - 1) } else { 0 }
    } else if start < stop {
        count(stop - start - 1)
    } else {
        0
    };
    (start, stop, usize::try_from(n).unwrap_or(0))
}

/// (start, step, slice length) of `slice` applied to a sequence of length `len`.
pub fn indices(ctx: &mut Ctx, s: &PySlice, len: usize) -> PyResult<(i64, i64, usize)> {
    let (start, stop, step) = unpack(ctx, s)?;
    let (start, _, n) = adjust(len, start, stop, step);
    Ok((start, step, n))
}

/// The positions a slice selects in a sequence of length `len`.
pub fn positions(ctx: &mut Ctx, s: &PySlice, len: usize) -> PyResult<Vec<usize>> {
    let (start, step, n) = indices(ctx, s, len)?;
    Ok((0..n)
        .map(|i| {
            let i = i64::try_from(i).unwrap_or(0);
            usize::try_from(start + i * step).unwrap_or(0)
        })
        .collect())
}

/// Items of `items` selected by a slice.
pub fn select(ctx: &mut Ctx, s: &PySlice, items: &[Value]) -> PyResult<Vec<Value>> {
    Ok(positions(ctx, s, items.len())?.into_iter().map(|i| items[i].clone()).collect())
}

fn slice_new(_: &mut Ctx, _ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("slice() takes no keyword arguments"));
    }
    let v = args.values;
    let (start, stop, step) = match v.len() {
        0 => {
            return Err(PyErr::type_error("slice expected at least 1 argument, got 0"));
        }
        1 => (Value::None, v[0].clone(), Value::None),
        2 => (v[0].clone(), v[1].clone(), Value::None),
        3 => (v[0].clone(), v[1].clone(), v[2].clone()),
        n => {
            return Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {n}")));
        }
    };
    Ok(Value::Obj(PySlice::new_obj(start, stop, step)))
}

fn this(v: &Value) -> PyResult<&PySlice> {
    as_slice(v).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'slice' object but received a '{}'", v.type_name()))
    })
}

fn slice_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let s = this(v)?;
    let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
    let text = format!(
        "slice({}, {}, {})",
        protocol::repr_string(ctx, &a)?,
        protocol::repr_string(ctx, &b)?,
        protocol::repr_string(ctx, &c)?
    );
    Ok(Value::str(&text))
}

fn slice_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_slice(a), as_slice(b)) else {
        return Ok(not_implemented());
    };
    let xs = [x.start.clone(), x.stop.clone(), x.step.clone()];
    let ys = [y.start.clone(), y.stop.clone(), y.step.clone()];
    Ok(Value::Bool(compare_sequences(ctx, &xs, &ys, op)?))
}

fn big_bound(ctx: &mut Ctx, v: &Value) -> PyResult<Option<BigInt>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = as_int(v) {
        return Ok(Some(i.into_owned()));
    }
    slice_index(ctx, v).map(|i| i.map(BigInt::from))
}

fn slice_indices(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this_v, rest) = method_args("indices", args, 1, 1)?;
    let s = this(this_v)?;
    let length = match as_int(&rest[0]) {
        Some(l) => l.into_owned(),
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                rest[0].type_name()
            )));
        }
    };
    if length.is_negative() {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let step = big_bound(ctx, &s.step)?.unwrap_or_else(|| BigInt::from(1));
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let negative = step.is_negative();
    let (lower, upper) = if negative { (BigInt::from(-1), &length - 1) } else { (BigInt::zero(), length.clone()) };
    let clamp = |x: Option<BigInt>, default: &BigInt| match x {
        None => default.clone(),
        Some(mut x) => {
            if x.is_negative() {
                x += &length;
                if x < lower { lower.clone() } else { x }
            } else if x > upper {
                upper.clone()
            } else {
                x
            }
        }
    };
    let start = clamp(big_bound(ctx, &s.start)?, if negative { &upper } else { &lower });
    let stop = clamp(big_bound(ctx, &s.stop)?, if negative { &lower } else { &upper });
    Ok(Value::Obj(crate::types::list::PyTuple::new_obj(vec![
        Value::from_bigint(start),
        Value::from_bigint(stop),
        Value::from_bigint(step),
    ])))
}
