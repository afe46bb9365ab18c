//! Builtins over iterables: `sum`, `sorted`, `any`, `all`, and `iter(callable, sentinel)`.

use pyrite_bytecode::BinaryOp;
use pyrite_object::methods::check_args;
use pyrite_object::protocol;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value};

use crate::eval::Suspension;
use crate::frame::Frame;

pub(super) fn builtin_sum(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let mut start = None;
    for (name, value) in args.keywords() {
        match name.as_str().map(PyStr::as_str) {
            Some("start") if pos.len() < 2 => start = Some(value.clone()),
            Some("start") => {
                return Err(PyErr::type_error("argument for sum() given by name ('start') and position (2)"));
            }
            Some(other) => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for sum()")));
            }
            None => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    match pos.len() {
        0 => {
            return Err(PyErr::type_error("sum() takes at least 1 positional argument (0 given)"));
        }
        1 => {}
        2 => start = Some(pos[1].clone()),
        n => {
            return Err(PyErr::type_error(format!("sum() takes at most 2 arguments ({n} given)")));
        }
    }
    let mut total = start.unwrap_or(Value::Int(0));
    if total.as_str().is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    match total.type_name().as_str() {
        "bytes" => {
            return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
        }
        "bytearray" => {
            return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
        }
        _ => {}
    }
    // An exact list of bools, ints or floats sums without the iterator protocol.
    if let Some(list) = pos[0].downcast::<PyList>()
        && pos[0].type_ref().is_same(&pyrite_object::types().list)
    {
        let compact = list.items.storage().sum_compact(&total);
        match compact {
            Some(Value::Float(f)) => return Ok(Value::float(f)),
            Some(sum) => return Ok(sum),
            None => {}
        }
    }
    if let Some(sum) = sum_dict_values(&pos[0], &total) {
        return Ok(sum);
    }
    let t = pyrite_object::types();
    let iterable = &pos[0];
    // Exact lists and tuples are walked by index, as their iterators walk them (a list that
    // an `__add__` changes meanwhile is seen changed, as by `list_iterator`).
    if iterable.type_ref().is_same(&t.list)
        && let Some(list) = iterable.downcast::<PyList>()
    {
        let mut index = 0;
        while let Some(item) = list.get(index) {
            index += 1;
            total = sum_add(ctx, total, item)?;
        }
        return Ok(total);
    }
    if iterable.type_ref().is_same(&t.tuple)
        && let Some(tuple) = iterable.downcast::<PyTuple>()
    {
        for item in tuple.items() {
            total = sum_add(ctx, total, item.clone())?;
        }
        return Ok(total);
    }
    let iterator = protocol::get_iter(ctx, iterable)?;
    // A generator (its type has no subclasses) is resumed directly, not through the
    // `next` slot and `gen_next`; as `protocol::next`, a StopIteration ends the sum.
    if iterator.type_ref().is_same(&t.generator) {
        // One frame list for every resumption (given back however the sum ends).
        let mut frames = crate::eval::take_frame_list();
        let sum = sum_generator(ctx, &mut frames, &iterator, total);
        crate::eval::give_frame_list(frames);
        return sum;
    }
    while let Some(item) = protocol::next(ctx, &iterator)? {
        total = sum_add(ctx, total, item)?;
    }
    Ok(total)
}

/// `sum` of the items a generator yields, added to `total`, its frame resumed in `frames`.
fn sum_generator(ctx: &mut Ctx, frames: &mut Vec<Frame>, generator: &Value, mut total: Value) -> PyResult {
    loop {
        match crate::generator::resume_next_in(ctx, frames, generator) {
            Ok(Suspension::Yielded(item)) => total = sum_add(ctx, total, item)?,
            Ok(Suspension::Returned(_)) => return Ok(total),
            Err(e) if e.matches(&pyrite_object::types().stop_iteration) => return Ok(total),
            Err(e) => return Err(e),
        }
    }
}

/// `sum(d.values())` of numbers, read from the dict's entries without an iterator (the
/// view's dict may be a dict subclass: a view walks the dict's own storage, whatever its
/// class overrides). `None` when a value or the total needs the general path.
fn sum_dict_values(iterable: &Value, start: &Value) -> Option<Value> {
    if !iterable.type_ref().is_same(&pyrite_object::types().dict_values) {
        return None;
    }
    let view = iterable.downcast::<pyrite_object::types::iters::DictView>()?;
    view.dict.downcast::<pyrite_object::types::dict::PyDict>()?.sum_numeric_values(start)
}

/// One step of `sum`: small ints and floats inline, anything else by `+`.
#[inline(always)]
fn sum_add(ctx: &mut Ctx, total: Value, item: Value) -> PyResult {
    match (&total, &item) {
        (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
            Some(sum) => Ok(Value::Int(sum)),
            None => protocol::binary_op(ctx, &total, &item, BinaryOp::Add),
        },
        (Value::Float(a), Value::Float(b)) => Ok(Value::float(a + b)),
        _ => protocol::binary_op(ctx, &total, &item, BinaryOp::Add),
    }
}

pub(super) fn builtin_sorted(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let mut key = None;
    let mut reverse = false;
    for (name, value) in args.keywords() {
        match name.as_str().map(PyStr::as_str) {
            Some("key") => key = Some(value.clone()).filter(|k| !k.is_none()),
            Some("reverse") => {
                reverse = pyrite_object::methods::int::to_i64(value).map_err(|_| {
                    PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", value.type_name()))
                })? != 0;
            }
            Some(other) => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for sort()")));
            }
            None => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    // CPython's `PySequence_List`: an empty list extended by the iterable (which sizes it).
    let list = PyList::new_obj(Vec::new());
    if let Some(l) = list.downcast::<PyList>() {
        pyrite_object::methods::list::extend(ctx, l, &pos[0])?;
        pyrite_object::methods::list::sort_list(ctx, l, key.as_ref(), reverse)?;
    }
    Ok(Value::Obj(list))
}

fn any_all(ctx: &mut Ctx, args: Args<'_>, name: &str, want: bool) -> PyResult {
    let values = check_args(name, args, 1, 1)?;
    let iterator = protocol::get_iter(ctx, &values[0])?;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        if protocol::truthy(ctx, &item)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

pub(super) fn builtin_any(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    any_all(ctx, args, "any", true)
}

pub(super) fn builtin_all(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    any_all(ctx, args, "all", false)
}

pub(super) fn builtin_iter(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("iter", args, 1, 2)?;
    match values {
        [iterable] => protocol::get_iter(ctx, iterable),
        [func, sentinel] => {
            if !pyrite_object::protocol::callable(func) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(pyrite_object::methods::iters::new_callable_iter(func.clone(), sentinel.clone()))
        }
        _ => Err(PyErr::type_error("iter expected at most 2 arguments")),
    }
}
