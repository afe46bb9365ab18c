//! `range` and its iterator.

use pyrite_bytecode::CompareOp;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_memory::PayloadCell;

use crate::methods::int::as_int;
use crate::methods::sequence::index_of;
use crate::methods::{check_args, set_slots};
use crate::protocol::not_implemented;
use crate::registry::{TypeTable, types};
use crate::types::misc::{BigRange, BigRangeIter, PyRange, RangeIter};
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.range, |s| {
        s.new = Some(range_new);
        s.repr = Some(range_repr);
        s.len = Some(|_, v| big_len(this(v)?));
        // Unlike `len()`, truth never overflows: `bool(range(10**20))` is True.
        s.bool = Some(|_, v| {
            let r = this(v)?;
            Ok(r.big.as_ref().map_or(!r.is_empty(), |big| !num_traits::Zero::is_zero(&big.len())))
        });
        s.getitem = Some(range_getitem);
        s.iter = Some(range_iter);
        s.contains = Some(range_contains);
        s.richcompare = Some(range_richcompare);
    });
    crate::methods::add_methods(
        &t.range,
        "range",
        &[("__reversed__", range_reversed), ("count", range_count), ("index", range_index)],
    );
    crate::methods::attrdescr::add_computed(
        &t.range,
        crate::methods::attrdescr::Kind::Member,
        &[
            ("start", |_, args| {
                Ok(Value::from_bigint(bounds(this(crate::methods::method_args("start", args, 0, 0)?.0)?).start))
            }),
            ("stop", |_, args| {
                Ok(Value::from_bigint(bounds(this(crate::methods::method_args("stop", args, 0, 0)?.0)?).stop))
            }),
            ("step", |_, args| {
                Ok(Value::from_bigint(bounds(this(crate::methods::method_args("step", args, 0, 0)?.0)?).step))
            }),
        ],
    );
    set_slots(&t.range_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(range_iter_next);
    });
}

fn this(v: &Value) -> PyResult<&PyRange> {
    v.downcast::<PyRange>().ok_or_else(|| PyErr::type_error("descriptor requires a 'range' object"))
}

/// A new range object.
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    Value::Obj(pyrite_memory::ObjRef::new(PyRange { start, stop, step, big: None }, Some(&types().range)))
}

fn new_big_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let big = Some(Box::new(BigRange { start, stop, step }));
    Value::Obj(pyrite_memory::ObjRef::new(PyRange { start: 0, stop: 0, step: 1, big }, Some(&types().range)))
}

fn range_iter(_: &mut Ctx, v: &Value) -> PyResult {
    let r = this(v)?;
    match &r.big {
        None => Ok(Value::Obj(RangeIter::new_obj(r))),
        Some(big) => Ok(Value::Obj(pyrite_memory::ObjRef::new(
            BigRangeIter {
                start: big.start.clone(),
                len: big.len(),
                next: PayloadCell::new(big.start.clone()),
                remaining: PayloadCell::new(big.len()),
                step: big.step.clone(),
            },
            Some(longrange_iterator_type()),
        ))),
    }
}

/// The type of iterators over ranges whose bounds do not fit a machine word
/// (`longrange_iterator`, as CPython names it).
pub fn longrange_iterator_type() -> &'static pyrite_memory::ObjRef {
    static TYPE: crate::types::typeobj::StaticType = crate::types::typeobj::StaticType::new();
    TYPE.get_or_init(|| {
        crate::types::typeobj::new_native_type_with("longrange_iterator", "builtins", None, 0, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(range_iter_next);
        })
    })
}

fn range_iter_next(_: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    if let Some(it) = v.downcast::<RangeIter>() {
        return Ok(it.next_item().map(Value::Int));
    }
    let Some(it) = v.downcast::<BigRangeIter>() else { return Ok(None) };
    if it.remaining.borrow().is_zero() {
        return Ok(None);
    }
    *it.remaining.borrow_mut() -= 1;
    let value = it.next.borrow().clone();
    *it.next.borrow_mut() += &it.step;
    Ok(Some(Value::from_bigint(value)))
}

fn big_len(r: &PyRange) -> PyResult<usize> {
    match &r.big {
        None => Ok(r.len()),
        Some(big) => {
            big.len().to_usize().ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))
        }
    }
}

fn range_new(ctx: &mut Ctx, _ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let values = check_args("range", args, 1, 3)?;
    let int = |ctx: &mut Ctx, v: &Value| {
        crate::protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))
            .map(|v| as_int(&v).map(std::borrow::Cow::into_owned).unwrap_or_default())
    };
    let (start, stop, step) = match values {
        [stop] => (BigInt::zero(), int(ctx, stop)?, BigInt::from(1)),
        [start, stop] => (int(ctx, start)?, int(ctx, stop)?, BigInt::from(1)),
        [start, stop, step] => (int(ctx, start)?, int(ctx, stop)?, int(ctx, step)?),
        _ => return Err(PyErr::type_error("range expected at most 3 arguments")),
    };
    if step.is_zero() {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    match (start.to_i64(), stop.to_i64(), step.to_i64()) {
        (Some(a), Some(b), Some(c)) => Ok(new_range(a, b, c)),
        _ => Ok(new_big_range(start, stop, step)),
    }
}

fn range_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let r = this(v)?;
    if let Some(big) = &r.big {
        return Ok(Value::str(&if big.step == BigInt::from(1) {
            format!("range({}, {})", big.start, big.stop)
        } else {
            format!("range({}, {}, {})", big.start, big.stop, big.step)
        }));
    }
    Ok(Value::str(&if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn bounds(r: &PyRange) -> BigRange {
    match &r.big {
        Some(big) => BigRange { start: big.start.clone(), stop: big.stop.clone(), step: big.step.clone() },
        None => BigRange { start: r.start.into(), stop: r.stop.into(), step: r.step.into() },
    }
}

fn range_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let r = this(v)?;
    if let Some(s) = crate::methods::slice::as_slice(key) {
        return range_slice(ctx, r, s);
    }
    index_of(ctx, key, "range")?;
    let index = as_int(key).map(std::borrow::Cow::into_owned).unwrap_or_default();
    let b = bounds(r);
    let len = b.len();
    let position = if index.is_negative() { &index + &len } else { index };
    if position.is_negative() || position >= len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(&b.start + &b.step * position))
}

fn range_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let r = this(v)?;
    if matches!(item, Value::Int(_) | Value::Bool(_))
        || item.as_obj().is_some_and(|o| o.is::<crate::types::int::PyInt>())
    {
        let x = as_int(item).map(std::borrow::Cow::into_owned).unwrap_or_default();
        let b = bounds(r);
        let in_bounds = if b.step.is_positive() { b.start <= x && x < b.stop } else { b.stop < x && x <= b.start };
        return Ok(in_bounds && ((x - &b.start) % &b.step).is_zero());
    }
    let iterator = crate::protocol::get_iter(ctx, v)?;
    while let Some(candidate) = crate::protocol::next(ctx, &iterator)? {
        if crate::protocol::eq(ctx, &candidate, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<PyRange>(), b.downcast::<PyRange>()) else { return Ok(not_implemented()) };
    let (x, y) = (bounds(x), bounds(y));
    let (lx, ly) = (x.len(), y.len());
    let one = BigInt::from(1);
    let same = lx == ly && (lx.is_zero() || (x.start == y.start && (lx == one || x.step == y.step)));
    match op {
        CompareOp::Eq => Ok(Value::Bool(same)),
        CompareOp::Ne => Ok(Value::Bool(!same)),
        _ => Ok(not_implemented()),
    }
}

fn range_slice(ctx: &mut Ctx, r: &PyRange, s: &crate::types::slice::PySlice) -> PyResult {
    let b = bounds(r);
    let len = b.len();
    let indices = crate::types::slice::PySlice::new_obj(s.start.clone(), s.stop.clone(), s.step.clone());
    let method = crate::protocol::getattr_str(ctx, &Value::Obj(indices), "indices")?;
    let t = crate::protocol::call_positional(ctx, &method, &[Value::from_bigint(len)])?;
    let Some(t) = t.downcast::<crate::types::list::PyTuple>() else { return Err(PyErr::new_system("slice.indices")) };
    let big = |v: &Value| as_int(v).map(std::borrow::Cow::into_owned).unwrap_or_default();
    let (start, stop, step) = (big(&t.items()[0]), big(&t.items()[1]), big(&t.items()[2]));
    let substart = &b.start + &start * &b.step;
    let substop = &b.start + &stop * &b.step;
    let substep = &step * &b.step;
    match (substart.to_i64(), substop.to_i64(), substep.to_i64()) {
        (Some(a), Some(b), Some(c)) => Ok(new_range(a, b, c)),
        _ => Ok(new_big_range(substart, substop, substep)),
    }
}

fn range_reversed(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = crate::methods::method_args("__reversed__", args, 0, 0)?;
    let b = bounds(this(v)?);
    let len = b.len();
    let last: BigInt = &b.start + (&len - BigInt::from(1)) * &b.step;
    let step = -&b.step;
    if let (Some(start), Some(step), Some(n)) = (last.to_i64(), step.to_i64(), len.to_usize())
        && step.checked_mul(i64::try_from(n).unwrap_or(i64::MAX)).is_some()
    {
        let it =
            RangeIter { start, len: n, next: std::cell::Cell::new(start), remaining: std::cell::Cell::new(n), step };
        return Ok(Value::Obj(pyrite_memory::ObjRef::new(it, Some(&types().range_iterator))));
    }
    Ok(Value::Obj(pyrite_memory::ObjRef::new(
        BigRangeIter {
            start: last.clone(),
            len: len.clone(),
            next: PayloadCell::new(last),
            remaining: PayloadCell::new(len),
            step,
        },
        Some(longrange_iterator_type()),
    )))
}

fn range_count(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = crate::methods::method_args("count", args, 1, 1)?;
    if crate::methods::int::is_int(&rest[0]) {
        return Ok(Value::Int(i64::from(range_contains(ctx, v, &rest[0])?)));
    }
    let iterator = crate::protocol::get_iter(ctx, v)?;
    let mut n = 0usize;
    while let Some(item) = crate::protocol::next(ctx, &iterator)? {
        if crate::protocol::eq(ctx, &item, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}

fn range_index(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = crate::methods::method_args("index", args, 1, 1)?;
    if crate::methods::int::is_int(&rest[0]) {
        if !range_contains(ctx, v, &rest[0])? {
            let r = crate::protocol::repr_string(ctx, &rest[0])?;
            return Err(PyErr::value_error(format!("{r} is not in range")));
        }
        let b = bounds(this(v)?);
        let x = as_int(&rest[0]).map(std::borrow::Cow::into_owned).unwrap_or_default();
        return Ok(Value::from_bigint((x - &b.start) / &b.step));
    }
    let iterator = crate::protocol::get_iter(ctx, v)?;
    let mut i = 0usize;
    while let Some(item) = crate::protocol::next(ctx, &iterator)? {
        if crate::protocol::eq(ctx, &item, &rest[0])? {
            return Ok(Value::from(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}
