//! The dict views (`dict_keys`, `dict_values`, `dict_items`) and the dict iterators over
//! values, items, and in reverse.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::set::{
    as_set, difference_update_internal, make_new_set, symmetric_difference_update, update_internal,
};
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::dict::PyDict;
use crate::types::iters::DictView;
use crate::types::list::PyTuple;
use crate::types::misc::SeqIter;
use crate::value::Value;

/// What a view or iterator yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Keys,
    Values,
    Items,
}

pub(crate) fn setup(t: &TypeTable) {
    for ty in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        set_slots(ty, |s| {
            s.repr = Some(view_repr);
            s.len = Some(|_, v| Ok(view_dict(v)?.len()));
            s.iter = Some(view_iter);
        });
        add_methods(ty, "dict_view", &[("__reversed__", view_reversed)]);
        crate::methods::add_getters(
            ty,
            "dict_view",
            &[("mapping", |_, args| {
                let (this, _) = method_args("mapping", args, 0, 0)?;
                Ok(crate::methods::mappingproxy::new_mappingproxy(view_dict_value(this)?.clone()))
            })],
        );
    }
    // `x in d.values()` compares item by item, as CPython (no `__contains__`).
    for ty in [&t.dict_keys, &t.dict_items] {
        set_slots(ty, |s| {
            s.contains = Some(view_contains);
            s.binary = Some(view_binary);
            s.richcompare = Some(view_richcompare);
            s.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
        });
        add_methods(ty, "dict_view", &[("isdisjoint", view_isdisjoint)]);
    }
    for (ty, next) in [
        (&t.dict_valueiterator, dict_values_next as crate::types::typeobj::NextFn),
        (&t.dict_itemiterator, dict_items_next),
    ] {
        set_slots(ty, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(next);
        });
    }
    for ty in [&t.dict_reversekeyiterator, &t.dict_reversevalueiterator, &t.dict_reverseitemiterator] {
        set_slots(ty, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(dict_reverse_next);
        });
    }
}

fn kind_of(v: &Value) -> Kind {
    let t = types();
    let ty = v.type_ref();
    if ty.is_same(&t.dict_values) || ty.is_same(&t.dict_valueiterator) || ty.is_same(&t.dict_reversevalueiterator) {
        Kind::Values
    } else if ty.is_same(&t.dict_items) || ty.is_same(&t.dict_itemiterator) || ty.is_same(&t.dict_reverseitemiterator) {
        Kind::Items
    } else {
        Kind::Keys
    }
}

/// A new view of `dict`.
#[must_use]
pub fn new_view(dict: Value, kind: Kind) -> Value {
    let t = types();
    let ty = match kind {
        Kind::Keys => &t.dict_keys,
        Kind::Values => &t.dict_values,
        Kind::Items => &t.dict_items,
    };
    Value::Obj(ObjRef::new(DictView { dict }, Some(ty)))
}

fn is_view_set(v: &Value) -> bool {
    let t = types();
    v.type_ref().is_same(&t.dict_keys) || v.type_ref().is_same(&t.dict_items)
}

fn view_dict_value(v: &Value) -> PyResult<&Value> {
    v.downcast::<DictView>().map(|d| &d.dict).ok_or_else(|| PyErr::type_error("expected a dict view"))
}

fn view_dict(v: &Value) -> PyResult<&PyDict> {
    view_dict_value(v)?.downcast::<PyDict>().ok_or_else(|| PyErr::type_error("expected a dict view"))
}

fn yielded(kind: Kind, key: Value, value: Value) -> Value {
    match kind {
        Kind::Keys => key,
        Kind::Values => value,
        Kind::Items => Value::Obj(PyTuple::new_obj(vec![key, value])),
    }
}

/// A forward iterator over a dict.
#[must_use]
pub fn dict_iter(dict: &Value, kind: Kind) -> Value {
    let t = types();
    let ty = match kind {
        Kind::Keys => &t.dict_keyiterator,
        Kind::Values => &t.dict_valueiterator,
        Kind::Items => &t.dict_itemiterator,
    };
    let len = dict.downcast::<PyDict>().map_or(0, PyDict::len);
    Value::Obj(SeqIter::new_obj(dict.clone(), ty, len))
}

/// A reverse iterator over a dict.
#[must_use]
pub fn dict_reverse_iter(dict: &Value, kind: Kind) -> Value {
    let t = types();
    let ty = match kind {
        Kind::Keys => &t.dict_reversekeyiterator,
        Kind::Values => &t.dict_reversevalueiterator,
        Kind::Items => &t.dict_reverseitemiterator,
    };
    let (len, positions) = dict.downcast::<PyDict>().map_or((0, 0), |d| (d.len(), d.positions()));
    let it = SeqIter::new_obj(dict.clone(), ty, len);
    if let Some(s) = it.downcast::<SeqIter>() {
        s.index.set(positions);
    }
    Value::Obj(it)
}

/// One step of a dict iterator: checks the dict did not change size, then takes what
/// `advance` finds from the iterator's position (with the position after it), or finishes.
#[inline]
pub(crate) fn dict_iter_step<T>(
    it: &Value,
    advance: impl FnOnce(&PyDict, usize) -> Option<(usize, T)>,
) -> PyResult<Option<T>> {
    let Some(iter) = it.downcast::<SeqIter>() else {
        return Ok(None);
    };
    // Finding and copying out the entry runs no Python code, so the dict is used borrowed.
    let step = {
        let seq = iter.seq.borrow();
        let Some(dict) = seq.as_ref().and_then(|s| s.downcast::<PyDict>()) else {
            return Ok(None);
        };
        (dict.len() == iter.expected_len.get()).then(|| advance(dict, iter.index.get()))
    };
    let Some(step) = step else {
        iter.expected_len.set(usize::MAX);
        return Err(PyErr::runtime_error("dictionary changed size during iteration"));
    };
    match step {
        Some((position, found)) => {
            if iter.remaining.get() == 0 {
                drop(iter.seq.replace(None));
                return Err(PyErr::runtime_error("dictionary keys changed during iteration"));
            }
            iter.remaining.set(iter.remaining.get() - 1);
            iter.index.set(position);
            Ok(Some(found))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}

/// One step of a forward dict key, value or item iterator (`iterator`'s payload), for the
/// eval loop's `FOR_ITER`: `Some(Some(item))`, or `Some(None)` when exhausted (the dict
/// released); `None`, with nothing changed, when the step raises or `iterator` is not
/// one of these, for the general `__next__` to run it.
#[must_use]
pub fn dict_iter_next_fast(iterator: &ObjRef) -> Option<Option<Value>> {
    Some(dict_iter_step_fast(iterator)?.map(|(first, value)| match value {
        Some(value) => item_tuple(iterator, first, value),
        None => first,
    }))
}

/// [`dict_iter_next_fast`] without making an item iterator's tuple: `Some(Some((key,
/// Some(value))))` for an item, `Some(Some((key_or_value, None)))` for the others (the
/// caller that takes the pair apart, `for k, v in d.items()`, needs no tuple; one that
/// keeps it makes it with [`item_tuple`]).
#[must_use]
pub fn dict_iter_step_fast(iterator: &ObjRef) -> Option<Option<(Value, Option<Value>)>> {
    let t = types();
    let ty = iterator.type_ref();
    let kind = if ty.is_same(&t.dict_keyiterator) {
        Kind::Keys
    } else if ty.is_same(&t.dict_itemiterator) {
        Kind::Items
    } else if ty.is_same(&t.dict_valueiterator) {
        Kind::Values
    } else {
        return None;
    };
    let iter = iterator.downcast::<SeqIter>()?;
    let step = {
        let seq = iter.seq.borrow();
        let dict = seq.as_ref()?.downcast::<PyDict>()?;
        if dict.len() != iter.expected_len.get() {
            return None;
        }
        match kind {
            Kind::Keys => dict.key_from(iter.index.get()).map(|(p, k)| (p, k, None)),
            Kind::Values => dict.value_from(iter.index.get()).map(|(p, v)| (p, v, None)),
            Kind::Items => dict.entry_from(iter.index.get()).map(|(p, k, v)| (p, k, Some(v))),
        }
    };
    let Some((position, first, second)) = step else {
        drop(iter.seq.replace(None));
        return Some(None);
    };
    // Keys swapped during iteration raise: the general step says so.
    let remaining = iter.remaining.get().checked_sub(1)?;
    iter.remaining.set(remaining);
    iter.index.set(position);
    Some(Some((first, second)))
}

/// The `(key, value)` tuple a dict item iterator (`iterator`) yields, refilling the last
/// one when nobody else holds it.
#[must_use]
pub fn item_tuple(iterator: &ObjRef, key: Value, value: Value) -> Value {
    match iterator.downcast::<SeqIter>() {
        Some(iter) => Value::Obj(iter.result.make([key, value])),
        None => yielded(Kind::Items, key, value),
    }
}

fn dict_values_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    dict_iter_step(it, PyDict::value_from)
}

fn dict_items_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some((key, value)) = dict_iter_step(it, |d, i| d.entry_from(i).map(|(p, k, v)| (p, (k, v))))? else {
        return Ok(None);
    };
    Ok(Some(match it.downcast::<SeqIter>() {
        Some(iter) => Value::Obj(iter.result.make([key, value])),
        None => yielded(Kind::Items, key, value),
    }))
}

fn dict_reverse_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let kind = kind_of(it);
    Ok(dict_iter_step(it, |d, i| d.entry_before(i).map(|(p, k, v)| (p, (k, v))))?
        .map(|(key, value)| yielded(kind, key, value)))
}

fn view_iter(_: &mut Ctx, v: &Value) -> PyResult {
    Ok(dict_iter(view_dict_value(v)?, kind_of(v)))
}

fn view_reversed(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reversed__", args, 0, 0)?;
    Ok(dict_reverse_iter(view_dict_value(v)?, kind_of(v)))
}

fn view_items(v: &Value) -> PyResult<Vec<Value>> {
    let kind = kind_of(v);
    Ok(view_dict(v)?.items().into_iter().map(|(k, val)| yielded(kind, k, val)).collect())
}

fn view_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let items = view_items(v)?;
    let body = crate::methods::sequence::repr_items(ctx, &items, "[", "]")?;
    Ok(Value::str(&format!("{}({body})", v.type_name())))
}

fn view_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let dict = view_dict(v)?;
    if !matches!(kind_of(v), Kind::Items) {
        return Ok(dict.get_item(ctx, item)?.is_some());
    }
    let Some(pair) = item.downcast::<PyTuple>().filter(|t| t.len() == 2) else {
        return Ok(false);
    };
    let (k, val) = (pair.items()[0].clone(), pair.items()[1].clone());
    match dict.get_item(ctx, &k)? {
        Some(found) => protocol::eq(ctx, &found, &val),
        None => Ok(false),
    }
}

/// CPython's `dictviews_to_set`.
fn to_set(ctx: &mut Ctx, v: &Value) -> PyResult<Value> {
    let source = if v.type_ref().is_same(&types().dict_keys) { view_dict_value(v)?.clone() } else { v.clone() };
    Ok(Value::Obj(make_new_set(ctx, &types().set, Some(&source))?))
}

fn intersect(ctx: &mut Ctx, a: &Value, b: &Value) -> PyResult {
    let (mut this, mut other) = if is_view_set(a) { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    let len_self = protocol::len(ctx, &this)?;
    if other.as_obj().is_some_and(|o| o.type_ref().is_same(&types().set)) && len_self <= protocol::len(ctx, &other)? {
        return Ok(Value::Obj(crate::methods::set::intersection(ctx, &other, &this)?));
    }
    if is_view_set(&other) && protocol::len(ctx, &other)? > len_self {
        std::mem::swap(&mut this, &mut other);
    }
    let result = make_new_set(ctx, &types().set, None)?;
    let iterator = protocol::get_iter(ctx, &other)?;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        if view_contains(ctx, &this, &item)?
            && let Some(r) = as_set(&Value::Obj(result.clone()))
        {
            r.add(ctx, item)?;
        }
    }
    Ok(Value::Obj(result))
}

fn view_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::And => intersect(ctx, a, b),
        BinaryOp::Or | BinaryOp::Subtract | BinaryOp::Xor => {
            let result = to_set(ctx, a)?;
            match op {
                BinaryOp::Or => {
                    if let Some(r) = as_set(&result) {
                        update_internal(ctx, r, b)?;
                    }
                }
                BinaryOp::Subtract => difference_update_internal(ctx, &result, b)?,
                _ => symmetric_difference_update(ctx, &result, b)?,
            }
            Ok(result)
        }
        _ => Ok(not_implemented()),
    }
}

fn all_contained_in(ctx: &mut Ctx, a: &Value, b: &Value) -> PyResult<bool> {
    let iterator = protocol::get_iter(ctx, a)?;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        if !protocol::contains(ctx, b, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !is_view_set(a) || (as_set(b).is_none() && !is_view_set(b)) {
        return Ok(not_implemented());
    }
    let (la, lb) = (protocol::len(ctx, a)?, protocol::len(ctx, b)?);
    let result = match op {
        CompareOp::Eq => la == lb && all_contained_in(ctx, a, b)?,
        CompareOp::Ne => !(la == lb && all_contained_in(ctx, a, b)?),
        CompareOp::Lt => la < lb && all_contained_in(ctx, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(ctx, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(ctx, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(ctx, b, a)?,
    };
    Ok(Value::Bool(result))
}

fn view_isdisjoint(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("isdisjoint", args, 1, 1)?;
    let other = &rest[0];
    if v.is(other) {
        return Ok(Value::Bool(protocol::len(ctx, v)? == 0));
    }
    let (container, iterable) =
        if (as_set(other).is_some() || is_view_set(other)) && protocol::len(ctx, v)? > protocol::len(ctx, other)? {
            (v, other)
        } else if as_set(other).is_some() || is_view_set(other) {
            (other, v)
        } else {
            (v, other)
        };
    let iterator = protocol::get_iter(ctx, iterable)?;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        if protocol::contains(ctx, container, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
