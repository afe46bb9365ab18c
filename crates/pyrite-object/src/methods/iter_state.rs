//! `__length_hint__` and `__setstate__` of the builtin iterators (CPython's
//! `listiter_len`, `listiter_setstate` and kin): how many items are left, and moving an
//! iterator to a position (what unpickling an iterator does after `__reduce__`, which the
//! VM provides since it names the builtin `iter`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args};
use crate::registry::TypeTable;
use crate::types::bytes::{PyByteArray, PyBytes};
use crate::types::dict::PyDict;
use crate::types::iters::{MultiIter, ReversedIter};
use crate::types::list::{PyList, PyTuple};
use crate::types::misc::{BigRangeIter, RangeIter, SeqIter};
use crate::types::set::PySet;
use crate::types::str::PyStr;
use crate::value::Value;

/// The builtin iterators that walk a sequence by index, each with the name CPython gives
/// its type (the owner named in method errors).
#[must_use]
pub fn sequence_iterators(t: &TypeTable) -> [(&ObjRef, &'static str); 5] {
    [
        (&t.list_iterator, "list_iterator"),
        (&t.tuple_iterator, "tuple_iterator"),
        (&t.str_iterator, "str_ascii_iterator"),
        (&t.bytes_iterator, "bytes_iterator"),
        (&t.bytearray_iterator, "bytearray_iterator"),
    ]
}

/// The builtin iterators over a dict (or its views) or a set, with their type names.
#[must_use]
pub fn hashed_iterators(t: &TypeTable) -> [(&ObjRef, &'static str); 7] {
    [
        (&t.dict_keyiterator, "dict_keyiterator"),
        (&t.dict_valueiterator, "dict_valueiterator"),
        (&t.dict_itemiterator, "dict_itemiterator"),
        (&t.dict_reversekeyiterator, "dict_reversekeyiterator"),
        (&t.dict_reversevalueiterator, "dict_reversevalueiterator"),
        (&t.dict_reverseitemiterator, "dict_reverseitemiterator"),
        (&t.set_iterator, "set_iterator"),
    ]
}

pub(crate) fn setup(t: &TypeTable) {
    let longrange = crate::methods::range::longrange_iterator_type();
    let by_index = sequence_iterators(t)
        .into_iter()
        .chain([(&t.range_iterator, "range_iterator"), (longrange, "longrange_iterator")]);
    for (ty, owner) in by_index {
        add_methods(ty, owner, &[("__length_hint__", length_hint), ("__setstate__", seq_setstate)]);
    }
    for (ty, owner) in [(&t.list_reverseiterator, "list_reverseiterator"), (&t.reversed, "reversed")] {
        add_methods(ty, owner, &[("__length_hint__", reversed_length_hint), ("__setstate__", reversed_setstate)]);
    }
    for (ty, owner) in hashed_iterators(t) {
        add_methods(ty, owner, &[("__length_hint__", length_hint)]);
    }
    add_methods(&t.zip, "zip", &[("__setstate__", zip_setstate)]);
}

/// The length of the sequence a forward iterator walks by index.
fn seq_len(seq: &Value) -> usize {
    if let Some(l) = seq.downcast::<PyList>() {
        l.len()
    } else if let Some(t) = seq.downcast::<PyTuple>() {
        t.len()
    } else if let Some(s) = seq.downcast::<PyStr>() {
        s.len()
    } else if let Some(b) = seq.downcast::<PyBytes>() {
        b.as_bytes().len()
    } else if let Some(b) = seq.downcast::<PyByteArray>() {
        b.len()
    } else {
        0
    }
}

/// `__length_hint__` of the forward iterators: the items left (0 once exhausted, and for
/// a dict or set iterator once its container changed size).
fn length_hint(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__length_hint__", args, 0, 0)?;
    if let Some(r) = v.downcast::<RangeIter>() {
        return Ok(Value::from(r.remaining.get()));
    }
    if let Some(r) = v.downcast::<BigRangeIter>() {
        return Ok(Value::from_bigint(r.remaining.borrow().clone()));
    }
    let Some(it) = v.downcast::<SeqIter>() else { return Ok(Value::Int(0)) };
    let Some(seq) = it.seq.borrow().clone() else { return Ok(Value::Int(0)) };
    let hashed_len = seq.downcast::<PyDict>().map(PyDict::len).or_else(|| seq.downcast::<PySet>().map(PySet::len));
    let left = match hashed_len {
        Some(len) if len == it.expected_len.get() => it.remaining.get(),
        Some(_) => 0,
        None => seq_len(&seq).saturating_sub(it.index.get()),
    };
    Ok(Value::from(left))
}

/// The position `__setstate__` was given, as CPython's `PyLong_AsSsize_t` reads it.
fn position(state: &Value) -> PyResult<i64> {
    if !crate::methods::int::is_int(state) {
        return Err(PyErr::type_error("an integer is required"));
    }
    crate::methods::int::to_i64(state)
}

/// `__setstate__(index)` of the forward iterators: the next item is `seq[index]`,
/// clamped to the sequence.
fn seq_setstate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("__setstate__", args, 1, 1)?;
    let state = &rest[0];
    if let Some(r) = v.downcast::<RangeIter>() {
        let index = usize::try_from(position(state)?.max(0)).unwrap_or(0).min(r.len);
        r.remaining.set(r.len - index);
        let offset = i64::try_from(index).unwrap_or(i64::MAX);
        r.next.set(r.start.wrapping_add(r.step.wrapping_mul(offset)));
        return Ok(Value::None);
    }
    if let Some(r) = v.downcast::<BigRangeIter>() {
        let index =
            crate::methods::int::as_int(state).ok_or_else(|| PyErr::type_error("an integer is required"))?.into_owned();
        let index = if index.is_negative() { BigInt::zero() } else { index.min(r.len.clone()) };
        *r.next.borrow_mut() = &r.start + &index * &r.step;
        *r.remaining.borrow_mut() = &r.len - &index;
        return Ok(Value::None);
    }
    let index = position(state)?;
    if let Some(it) = v.downcast::<SeqIter>() {
        let seq = it.seq.borrow().clone();
        if let Some(seq) = seq {
            let clamped = usize::try_from(index.max(0)).unwrap_or(0).min(seq_len(&seq));
            it.index.set(clamped);
        }
    }
    Ok(Value::None)
}

/// `__length_hint__` of `reversed` and `list_reverseiterator`: the items left before the
/// start (0 if the sequence shrank below the position).
fn reversed_length_hint(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__length_hint__", args, 0, 0)?;
    let Some(r) = v.downcast::<ReversedIter>() else { return Ok(Value::Int(0)) };
    let Some(seq) = r.seq.borrow().clone() else { return Ok(Value::Int(0)) };
    let left = r.remaining.get();
    if let Some(list) = seq.downcast::<PyList>() {
        return Ok(Value::from(if left > list.len() { 0 } else { left }));
    }
    let len = crate::protocol::len(ctx, &seq)?;
    Ok(Value::from(if left > len { 0 } else { left }))
}

/// `__setstate__(index)` of the reverse iterators: the next item is `seq[index]`
/// (-1: exhausted), clamped to the sequence.
fn reversed_setstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("__setstate__", args, 1, 1)?;
    let index = position(&rest[0])?;
    let Some(r) = v.downcast::<ReversedIter>() else { return Ok(Value::None) };
    let Some(seq) = r.seq.borrow().clone() else { return Ok(Value::None) };
    let len = match seq.downcast::<PyList>() {
        Some(list) => list.len(),
        None => crate::protocol::len(ctx, &seq)?,
    };
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let index = index.clamp(-1, len - 1);
    r.remaining.set(usize::try_from(index + 1).unwrap_or(0));
    Ok(Value::None)
}

/// `zip.__setstate__(strict)`.
fn zip_setstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("__setstate__", args, 1, 1)?;
    let strict = crate::protocol::truthy(ctx, &rest[0])?;
    if let Some(z) = v.downcast::<MultiIter>() {
        z.strict.set(strict);
    }
    Ok(Value::None)
}

/// The position of a range iterator (items produced so far) and its range's bounds, for
/// `__reduce__`: `(start, stop, step, index)`.
#[must_use]
pub fn range_iter_state(v: &Value) -> Option<(Value, Value, Value, Value)> {
    if let Some(r) = v.downcast::<RangeIter>() {
        let len = i128::try_from(r.len).unwrap_or(i128::MAX);
        let stop = i128::from(r.start) + len * i128::from(r.step);
        let stop = i64::try_from(stop).map_or_else(|_| Value::from_bigint(BigInt::from(stop)), Value::Int);
        let index = r.len - r.remaining.get();
        return Some((Value::Int(r.start), stop, Value::Int(r.step), Value::from(index)));
    }
    let r = v.downcast::<BigRangeIter>()?;
    let stop = &r.start + &r.len * &r.step;
    let index = &r.len - &*r.remaining.borrow();
    let small = |b: BigInt| b.to_i64().map_or_else(|| Value::from_bigint(b.clone()), Value::Int);
    Some((small(r.start.clone()), small(stop), small(r.step.clone()), small(index)))
}
