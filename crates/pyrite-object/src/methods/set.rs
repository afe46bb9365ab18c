//! `set` and `frozenset`: methods, operators and comparisons, following CPython's
//! `setobject.c` step by step so that results come out in the same order.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::dict::PyDict;
use crate::types::misc::SeqIter;
use crate::types::set::PySet;
use crate::types::typeobj::is_subtype;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    for (ty, frozen) in [(&t.set, false), (&t.frozenset, true)] {
        set_slots(ty, |s| {
            s.new = Some(if frozen { frozenset_new } else { set_new });
            s.repr = Some(set_repr);
            s.richcompare = Some(set_richcompare);
            s.len = Some(|_, v| Ok(this(v)?.len()));
            s.contains = Some(set_contains);
            s.iter = Some(|_, v| {
                let len = this(v)?.len();
                Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().set_iterator, len)))
            });
            s.binary = Some(set_binary);
            if frozen {
                s.hash = Some(|_, v| Ok(this(v)?.frozenset_hash()));
            } else {
                s.inplace = Some(set_inplace);
            }
        });
    }
    set_slots(&t.set_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(set_iter_next);
    });
    let shared: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("copy", set_copy_method),
        ("difference", set_difference_method),
        ("intersection", set_intersection_method),
        ("isdisjoint", set_isdisjoint),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("symmetric_difference", set_symmetric_difference_method),
        ("union", set_union),
    ];
    add_methods(&t.set, "set", shared);
    add_methods(&t.frozenset, "frozenset", shared);
    add_methods(
        &t.set,
        "set",
        &[
            ("add", set_add),
            ("clear", set_clear),
            ("discard", set_discard),
            ("pop", set_pop),
            ("remove", set_remove),
            ("update", set_update),
            ("difference_update", set_difference_update),
            ("intersection_update", set_intersection_update),
            ("symmetric_difference_update", set_symmetric_difference_update),
        ],
    );
}

/// The set payload of a set or frozenset (or subclass) value.
#[must_use]
pub fn as_set(v: &Value) -> Option<&PySet> {
    v.downcast::<PySet>()
}

fn this(v: &Value) -> PyResult<&PySet> {
    as_set(v).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'set' object but received a '{}'", v.type_name()))
    })
}

fn is_frozen(v: &Value) -> bool {
    is_subtype(v.type_ref(), &types().frozenset)
}

/// A new set object of type `ty` with the given payload.
#[must_use]
pub fn new_set_obj(ty: &ObjRef, payload: PySet) -> ObjRef {
    let t = types();
    if ty.is_same(&t.set) || ty.is_same(&t.frozenset) {
        return ObjRef::new(payload, Some(ty));
    }
    // An instance of a class derived in Python has a `__dict__`.
    ObjRef::new_with_dict(payload, Some(ty))
}

/// A new `set` holding `items` added in order.
pub fn new_set(ctx: &mut Ctx, items: Vec<Value>) -> PyResult<ObjRef> {
    Ok(new_set_obj(&types().set, PySet::from_values(ctx, items)?))
}

/// A new `frozenset` holding `items` added in order.
pub fn new_frozenset(ctx: &mut Ctx, items: Vec<Value>) -> PyResult<ObjRef> {
    Ok(new_set_obj(&types().frozenset, PySet::from_values(ctx, items)?))
}

/// The base type (`set` or `frozenset`) for results computed from `v`.
fn base_type(v: &Value) -> ObjRef {
    if is_frozen(v) { types().frozenset.clone() } else { types().set.clone() }
}

/// CPython's `set_update_internal`: adds the items of any iterable.
pub fn update_internal(ctx: &mut Ctx, so: &PySet, other: &Value) -> PyResult<()> {
    if let Some(o) = as_set(other) {
        return so.merge(ctx, o);
    }
    if let Some(d) = other.downcast::<PyDict>()
        && other.type_ref().is_same(&types().dict)
    {
        let size = d.len();
        let (fill, used, mask) = {
            let t = so.table.borrow();
            (t.fill, t.used, t.slots.len() - 1)
        };
        if (fill + size) * 5 >= mask * 3 {
            so.resize((used + size) * 2);
        }
        for k in d.keys() {
            so.add(ctx, k)?;
        }
        return Ok(());
    }
    let iterator = protocol::get_iter(ctx, other)?;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        so.add(ctx, item)?;
    }
    Ok(())
}

/// `make_new_set(ty, iterable)`.
pub fn make_new_set(ctx: &mut Ctx, ty: &ObjRef, iterable: Option<&Value>) -> PyResult<ObjRef> {
    let set = PySet::empty();
    if let Some(it) = iterable {
        update_internal(ctx, &set, it)?;
    }
    Ok(new_set_obj(ty, set))
}

fn copy_of(ctx: &mut Ctx, v: &Value) -> PyResult<ObjRef> {
    make_new_set(ctx, &base_type(v), Some(v))
}

/// A key and its hash for lookups; an unhashable set key is looked up as a frozenset.
fn key_hash(ctx: &mut Ctx, key: &Value) -> PyResult<(Value, i64)> {
    match protocol::hash(ctx, key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) if e.matches(&types().type_error) && key.downcast::<PySet>().is_some() => {
            let frozen = Value::Obj(make_new_set(ctx, &types().frozenset, Some(key))?);
            let h = protocol::hash(ctx, &frozen)?;
            Ok((frozen, h))
        }
        Err(e) => Err(e),
    }
}

fn set_contains(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult<bool> {
    let (key, hash) = key_hash(ctx, key)?;
    this(v)?.contains_hashed(ctx, &key, hash)
}

fn set_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    construct(ctx, ty, args, "set")
}

fn frozenset_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    if let [single] = args.values
        && args.kwnames.is_empty()
        && ty.is_same(&types().frozenset)
        && single.as_obj().is_some_and(|o| o.type_ref().is_same(&types().frozenset))
    {
        return Ok(single.clone());
    }
    construct(ctx, ty, args, "frozenset")
}

fn construct(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>, name: &str) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.values.len() > 1 {
        return Err(PyErr::type_error(format!("{name} expected at most 1 argument, got {}", args.values.len())));
    }
    Ok(Value::Obj(make_new_set(ctx, ty, args.values.first())?))
}

fn set_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let keys = this(v)?.keys();
    let name = v.type_name();
    if keys.is_empty() {
        return Ok(Value::str(&format!("{name}()")));
    }
    let placeholder = format!("{name}(...)");
    protocol::repr_guarded(ctx, v, &placeholder, |ctx| {
        let body = crate::methods::sequence::repr_items(ctx, &keys, "{", "}")?;
        if v.type_ref().is_same(&types().set) {
            Ok(Value::str(&body))
        } else {
            Ok(Value::str(&format!("{name}({body})")))
        }
    })
}

fn set_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else {
        return Ok(None);
    };
    let seq = iter.seq.borrow().clone();
    let Some(set) = seq.as_ref().and_then(|s| s.downcast::<PySet>()) else {
        return Ok(None);
    };
    if set.len() != iter.expected_len.get() {
        iter.expected_len.set(usize::MAX);
        return Err(PyErr::runtime_error("Set changed size during iteration"));
    }
    match set.entry_from(iter.index.get()) {
        Some((next, key)) => {
            iter.index.set(next);
            iter.remaining.set(iter.remaining.get().saturating_sub(1));
            Ok(Some(key))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}

/// A temporary set of any iterable (for the methods that need membership tests).
fn as_set_value(ctx: &mut Ctx, other: &Value) -> PyResult<Value> {
    if as_set(other).is_some() {
        return Ok(other.clone());
    }
    Ok(Value::Obj(make_new_set(ctx, &types().set, Some(other))?))
}

fn is_subset(ctx: &mut Ctx, a: &PySet, b: &PySet) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.entries() {
        if !b.contains_hashed(ctx, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's `set_intersection(so, other)`.
pub(crate) fn intersection(ctx: &mut Ctx, so_v: &Value, other: &Value) -> PyResult<ObjRef> {
    if so_v.is(other) {
        return copy_of(ctx, so_v);
    }
    let result = PySet::empty();
    let so = this(so_v)?;
    if let Some(o) = as_set(other) {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (h, k) in small.entries() {
            if big.contains_hashed(ctx, &k, h)? {
                result.add_hashed(ctx, k, h)?;
            }
        }
    } else {
        let iterator = protocol::get_iter(ctx, other)?;
        while let Some(k) = protocol::next(ctx, &iterator)? {
            let h = protocol::hash(ctx, &k)?;
            if so.contains_hashed(ctx, &k, h)? {
                result.add_hashed(ctx, k, h)?;
            }
        }
    }
    Ok(new_set_obj(&base_type(so_v), result))
}

/// CPython's `set_difference_update_internal`.
pub(crate) fn difference_update_internal(ctx: &mut Ctx, so_v: &Value, other: &Value) -> PyResult<()> {
    let so = this(so_v)?;
    if so_v.is(other) {
        so.clear_items();
        return Ok(());
    }
    if let Some(o) = as_set(other) {
        for (h, k) in o.entries() {
            so.discard_hashed(ctx, &k, h)?;
        }
    } else {
        let iterator = protocol::get_iter(ctx, other)?;
        while let Some(k) = protocol::next(ctx, &iterator)? {
            let (k, h) = key_hash(ctx, &k)?;
            so.discard_hashed(ctx, &k, h)?;
        }
    }
    so.shrink_dummies();
    Ok(())
}

/// CPython's `set_difference(so, other)`.
fn difference(ctx: &mut Ctx, so_v: &Value, other: &Value) -> PyResult<ObjRef> {
    let so = this(so_v)?;
    let other_size = if let Some(o) = as_set(other) {
        o.len()
    } else if let Some(d) = other.downcast::<PyDict>().filter(|_| other.type_ref().is_same(&types().dict)) {
        d.len()
    } else {
        let result = Value::Obj(copy_of(ctx, so_v)?);
        difference_update_internal(ctx, &result, other)?;
        return Ok(result.as_obj().cloned().unwrap_or_else(|| types().empty_tuple.clone()));
    };
    if (so.len() >> 2) > other_size {
        let result = Value::Obj(copy_of(ctx, so_v)?);
        difference_update_internal(ctx, &result, other)?;
        return Ok(result.as_obj().cloned().unwrap_or_else(|| types().empty_tuple.clone()));
    }
    let result = PySet::empty();
    for (h, k) in so.entries() {
        let present = match (as_set(other), other.downcast::<PyDict>()) {
            (Some(o), _) => o.contains_hashed(ctx, &k, h)?,
            (None, Some(d)) => d.get_item_hashed(ctx, &k, h)?.is_some(),
            _ => false,
        };
        if !present {
            result.add_hashed(ctx, k, h)?;
        }
    }
    Ok(new_set_obj(&base_type(so_v), result))
}

/// CPython's `set_symmetric_difference_update(so, other)`.
pub(crate) fn symmetric_difference_update(ctx: &mut Ctx, so_v: &Value, other: &Value) -> PyResult<()> {
    let so = this(so_v)?;
    if so_v.is(other) {
        so.clear_items();
        return Ok(());
    }
    let entries = if let Some(d) = other.downcast::<PyDict>().filter(|_| other.type_ref().is_same(&types().dict)) {
        let mut entries = Vec::new();
        for k in d.keys() {
            let h = protocol::hash(ctx, &k)?;
            entries.push((h, k));
        }
        entries
    } else if let Some(o) = as_set(other) {
        o.entries()
    } else {
        let tmp = make_new_set(ctx, &base_type(so_v), Some(other))?;
        tmp.downcast::<PySet>().map(PySet::entries).unwrap_or_default()
    };
    for (h, k) in entries {
        if !so.discard_hashed(ctx, &k, h)? {
            so.add_hashed(ctx, k, h)?;
        }
    }
    Ok(())
}

fn symmetric_difference(ctx: &mut Ctx, so_v: &Value, other: &Value) -> PyResult<ObjRef> {
    let result = make_new_set(ctx, &base_type(so_v), Some(other))?;
    symmetric_difference_update(ctx, &Value::Obj(result.clone()), so_v)?;
    Ok(result)
}

fn swap_bodies(a: &PySet, b: &PySet) {
    a.swap_table(b);
}

fn set_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(not_implemented());
    }
    let result = match op {
        BinaryOp::Or => {
            let result = copy_of(ctx, a)?;
            if let Some(r) = result.downcast::<PySet>() {
                update_internal(ctx, r, b)?;
            }
            result
        }
        BinaryOp::And => intersection(ctx, a, b)?,
        BinaryOp::Subtract => difference(ctx, a, b)?,
        BinaryOp::Xor => symmetric_difference(ctx, a, b)?,
        _ => return Ok(not_implemented()),
    };
    Ok(Value::Obj(result))
}

fn set_inplace(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let (Some(so), Some(_)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    match op {
        BinaryOp::Or => update_internal(ctx, so, b)?,
        BinaryOp::And => {
            let tmp = intersection(ctx, a, b)?;
            if let Some(t) = tmp.downcast::<PySet>() {
                swap_bodies(so, t);
            }
        }
        BinaryOp::Subtract => difference_update_internal(ctx, a, b)?,
        BinaryOp::Xor => symmetric_difference_update(ctx, a, b)?,
        _ => return Ok(not_implemented()),
    }
    Ok(a.clone())
}

pub(crate) fn set_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let result = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let mut equal = x.len() == y.len();
            if equal
                && is_frozen(a)
                && is_frozen(b)
                && x.hash.get() != -1
                && y.hash.get() != -1
                && x.hash.get() != y.hash.get()
            {
                equal = false;
            }
            if equal {
                equal = is_subset(ctx, x, y)?;
            }
            equal == (op == CompareOp::Eq)
        }
        CompareOp::Le => is_subset(ctx, x, y)?,
        CompareOp::Ge => is_subset(ctx, y, x)?,
        CompareOp::Lt => x.len() < y.len() && is_subset(ctx, x, y)?,
        CompareOp::Gt => x.len() > y.len() && is_subset(ctx, y, x)?,
    };
    Ok(Value::Bool(result))
}

fn set_add(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("add", args, 1, 1)?;
    this(s)?.add(ctx, rest[0].clone())?;
    Ok(Value::None)
}

fn set_clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, _) = method_args("clear", args, 0, 0)?;
    this(s)?.clear_items();
    Ok(Value::None)
}

fn set_discard(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("discard", args, 1, 1)?;
    let (k, h) = key_hash(ctx, &rest[0])?;
    this(s)?.discard_hashed(ctx, &k, h)?;
    Ok(Value::None)
}

fn set_remove(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("remove", args, 1, 1)?;
    let (k, h) = key_hash(ctx, &rest[0])?;
    if this(s)?.discard_hashed(ctx, &k, h)? { Ok(Value::None) } else { Err(PyErr::key_error(rest[0].clone())) }
}

fn set_pop(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, _) = method_args("pop", args, 0, 0)?;
    this(s)?.pop().ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn set_copy_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, _) = method_args("copy", args, 0, 0)?;
    if s.as_obj().is_some_and(|o| o.type_ref().is_same(&types().frozenset)) {
        return Ok(s.clone());
    }
    Ok(Value::Obj(copy_of(ctx, s)?))
}

fn star_args<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, &'a [Value])> {
    method_args(name, args, 0, usize::MAX)
}

fn set_union(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, others) = star_args("union", args)?;
    let result = copy_of(ctx, s)?;
    if let Some(r) = result.downcast::<PySet>() {
        for other in others {
            if other.is(s) {
                continue;
            }
            update_internal(ctx, r, other)?;
        }
    }
    Ok(Value::Obj(result))
}

fn set_update(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, others) = star_args("update", args)?;
    for other in others {
        update_internal(ctx, this(s)?, other)?;
    }
    Ok(Value::None)
}

fn intersection_multi(ctx: &mut Ctx, s: &Value, others: &[Value]) -> PyResult<ObjRef> {
    let mut result = match others.first() {
        None => return copy_of(ctx, s),
        Some(_) => s.clone(),
    };
    for other in others {
        result = Value::Obj(intersection(ctx, &result, other)?);
    }
    Ok(result.as_obj().cloned().unwrap_or_else(|| types().empty_tuple.clone()))
}

fn set_intersection_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, others) = star_args("intersection", args)?;
    Ok(Value::Obj(intersection_multi(ctx, s, others)?))
}

fn set_intersection_update(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, others) = star_args("intersection_update", args)?;
    let tmp = intersection_multi(ctx, s, others)?;
    if let Some(t) = tmp.downcast::<PySet>()
        && !tmp.is_same(s.as_obj().unwrap_or(&tmp))
    {
        swap_bodies(this(s)?, t);
    }
    Ok(Value::None)
}

fn set_difference_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, others) = star_args("difference", args)?;
    let Some((first, rest)) = others.split_first() else {
        return Ok(Value::Obj(copy_of(ctx, s)?));
    };
    let result = Value::Obj(difference(ctx, s, first)?);
    for other in rest {
        difference_update_internal(ctx, &result, other)?;
    }
    Ok(result)
}

fn set_difference_update(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, others) = star_args("difference_update", args)?;
    for other in others {
        difference_update_internal(ctx, s, other)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("symmetric_difference", args, 1, 1)?;
    Ok(Value::Obj(symmetric_difference(ctx, s, &rest[0])?))
}

fn set_symmetric_difference_update(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("symmetric_difference_update", args, 1, 1)?;
    symmetric_difference_update(ctx, s, &rest[0])?;
    Ok(Value::None)
}

fn set_issubset(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("issubset", args, 1, 1)?;
    let other = as_set_value(ctx, &rest[0])?;
    let (Some(x), Some(y)) = (as_set(s), as_set(&other)) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(is_subset(ctx, x, y)?))
}

fn set_issuperset(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("issuperset", args, 1, 1)?;
    let so = this(s)?;
    if let Some(o) = as_set(&rest[0]) {
        return Ok(Value::Bool(is_subset(ctx, o, so)?));
    }
    let iterator = protocol::get_iter(ctx, &rest[0])?;
    while let Some(k) = protocol::next(ctx, &iterator)? {
        if !so.contains(ctx, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_isdisjoint(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("isdisjoint", args, 1, 1)?;
    let so = this(s)?;
    let other = &rest[0];
    if s.is(other) {
        return Ok(Value::Bool(so.is_empty()));
    }
    if let Some(o) = as_set(other) {
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for (h, k) in small.entries() {
            if big.contains_hashed(ctx, &k, h)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let iterator = protocol::get_iter(ctx, other)?;
    while let Some(k) = protocol::next(ctx, &iterator)? {
        if so.contains(ctx, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
