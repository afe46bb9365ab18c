//! `range` and its iterator.

use pyrite_bytecode::CompareOp;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::int::to_i64;
use crate::methods::sequence::{index_of, normalize_index};
use crate::methods::{check_args, set_slots};
use crate::protocol::not_implemented;
use crate::registry::{TypeTable, types};
use crate::types::misc::{PyRange, RangeIter};
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.range, |s| {
        s.new = Some(range_new);
        s.repr = Some(range_repr);
        s.len = Some(|_, v| Ok(this(v)?.len()));
        s.getitem = Some(range_getitem);
        s.iter = Some(|_, v| Ok(Value::Obj(RangeIter::new_obj(this(v)?))));
        s.contains = Some(range_contains);
        s.richcompare = Some(range_richcompare);
    });
    set_slots(&t.range_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(|_, v| Ok(v.downcast::<RangeIter>().and_then(RangeIter::next_item).map(Value::Int)));
    });
}

fn this(v: &Value) -> PyResult<&PyRange> {
    v.downcast::<PyRange>().ok_or_else(|| PyErr::type_error("descriptor requires a 'range' object"))
}

/// A new range object.
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    Value::Obj(pyrite_memory::ObjRef::new(PyRange { start, stop, step }, Some(&types().range)))
}

fn range_new(_: &mut Ctx, _ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let values = check_args("range", args, 1, 3)?;
    let int = |v: &Value| {
        crate::protocol::index(v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name())).and_then(|v| to_i64(&v))
    };
    let (start, stop, step) = match values {
        [stop] => (0, int(stop)?, 1),
        [start, stop] => (int(start)?, int(stop)?, 1),
        [start, stop, step] => (int(start)?, int(stop)?, int(step)?),
        _ => unreachable!("check_args bounds the count"),
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(start, stop, step))
}

fn range_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let r = this(v)?;
    Ok(Value::str(&if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn range_getitem(_: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let r = this(v)?;
    let Some(index) = index_of(key, "range")? else { return Err(PyErr::index_error("range object index out of range")) };
    normalize_index(index, r.len()).map(|i| Value::Int(r.item(i))).ok_or_else(|| PyErr::index_error("range object index out of range"))
}

fn range_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let r = this(v)?;
    if let Value::Int(x) = item {
        let (x, start, stop, step) = (i128::from(*x), i128::from(r.start), i128::from(r.stop), i128::from(r.step));
        let in_bounds = if step > 0 { start <= x && x < stop } else { stop < x && x <= start };
        return Ok(in_bounds && (x - start) % step == 0);
    }
    for i in 0..r.len() {
        if crate::protocol::eq(ctx, &Value::Int(r.item(i)), item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<PyRange>(), b.downcast::<PyRange>()) else { return Ok(not_implemented()) };
    let same = x.len() == y.len() && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
    match op {
        CompareOp::Eq => Ok(Value::Bool(same)),
        CompareOp::Ne => Ok(Value::Bool(!same)),
        _ => Ok(not_implemented()),
    }
}
