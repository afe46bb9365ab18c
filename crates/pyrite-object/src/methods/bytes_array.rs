//! The mutating side of `bytearray`: construction in place (`__init__`), item and slice
//! assignment and deletion, `+=`/`*=`, and append, clear, copy, extend, insert, pop,
//! remove and reverse. A bytearray with live memoryviews refuses to change size.

use pyrite_bytecode::BinaryOp;
use pyrite_memory::ObjRef;

use super::{Kind, byte_value, bytes_from_iterable, bytes_like, count_source, is_buffer, no_args, wrap};
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::sequence::{checked_total, index_of, normalize_index, repeat_count};
use crate::protocol::{self, not_implemented};
use crate::registry::types;
use crate::types::bytes::PyByteArray;
use crate::types::function::NativeFn;
use crate::value::Value;

/// The methods only bytearray has.
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("append", append),
    ("clear", clear),
    ("copy", copy),
    ("extend", extend),
    ("insert", insert),
    ("pop", pop),
    ("remove", remove),
    ("reverse", reverse),
    ("__alloc__", alloc),
];

const RANGE: &str = "byte must be in range(0, 256)";

fn this(v: &Value) -> PyResult<&PyByteArray> {
    v.downcast::<PyByteArray>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'bytearray' object but received a '{}'", v.type_name()))
    })
}

/// The receiver of a bytearray-only method.
fn receiver<'a>(name: &str, args: &Args<'a>) -> PyResult<(&'a PyByteArray, &'a [Value])> {
    let Some((first, rest)) = args.pos().split_first() else {
        return Err(PyErr::type_error(format!("unbound method bytearray.{name}() needs an argument")));
    };
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("bytearray.{name}() takes no keyword arguments")));
    }
    Ok((this(first)?, rest))
}

/// BufferError when memoryviews look at the contents.
fn check_resizable(array: &PyByteArray) -> PyResult<()> {
    if array.exports.get() > 0 {
        return Err(PyErr::new(&types().buffer_error, "Existing exports of data: object cannot be re-sized"));
    }
    Ok(())
}

/// Replaces the contents (a resize when the length changes).
fn set_data(array: &PyByteArray, data: Vec<u8>) -> PyResult<()> {
    let (old, new) = (array.len(), data.len());
    if old != new {
        check_resizable(array)?;
    }
    *array.data.borrow_mut() = data;
    array.note_resize(old, new);
    Ok(())
}

pub(super) fn bytearray_new(_: &mut Ctx, ty: &ObjRef, _args: Args<'_>) -> PyResult {
    if ty.is_same(&types().bytearray) {
        return Ok(Value::Obj(PyByteArray::new_obj(Vec::new())));
    }
    Ok(Value::Obj(ObjRef::new_with_dict(PyByteArray::default(), Some(ty))))
}

/// `bytearray.__init__(source=b'', encoding=None, errors=None)`.
pub(super) fn bytearray_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let array = this(v)?;
    let [source, encoding, errors] = super::constructor_args("bytearray", args)?;
    // Lists and tuples are sized at once; other iterables are appended a byte at a time.
    let mut one_by_one = false;
    let data = match source {
        None if encoding.is_some() || errors.is_some() => {
            super::encode_source(ctx, "bytearray", &Value::None, encoding, errors)?
        }
        None => Vec::new(),
        Some(s) if s.as_str().is_some() || encoding.is_some() || errors.is_some() => {
            super::encode_source(ctx, "bytearray", s, encoding, errors)?
        }
        Some(s) => match count_source(ctx, s)? {
            Some(n) => vec![0; n],
            None if is_buffer(s) => bytes_like(s)?,
            None => {
                let slots = crate::types::typeobj::type_payload(s.type_ref()).slots();
                if slots.iter.is_none() && slots.getitem.is_none() {
                    return Err(PyErr::type_error(format!("cannot convert '{}' object to bytearray", s.type_name())));
                }
                one_by_one = s.downcast::<crate::types::list::PyList>().is_none()
                    && s.downcast::<crate::types::list::PyTuple>().is_none();
                bytes_from_iterable(ctx, s, RANGE)?
            }
        },
    };
    if one_by_one {
        let n = data.len();
        set_data(array, Vec::new())?;
        check_resizable(array)?;
        *array.data.borrow_mut() = data;
        array.note_appends(0, n);
        return Ok(());
    }
    set_data(array, Vec::new())?;
    set_data(array, data)
}

/// `ba += other` and `ba *= n`, in place.
pub(super) fn bytearray_inplace(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let Some(array) = a.downcast::<PyByteArray>() else { return Ok(not_implemented()) };
    match op {
        BinaryOp::Add => {
            if !is_buffer(b) {
                return Err(PyErr::type_error(format!("can't concat {} to {}", b.type_name(), a.type_name())));
            }
            let extra = bytes_like(b)?;
            if !extra.is_empty() {
                check_resizable(array)?;
                let old = array.len();
                array.data.borrow_mut().extend_from_slice(&extra);
                array.note_resize(old, old + extra.len());
            }
            Ok(a.clone())
        }
        BinaryOp::Multiply => match repeat_count(ctx, b) {
            Some(count) => {
                let count = count?;
                let data = array.to_vec();
                checked_total(data.len(), count)?;
                set_data(array, data.repeat(count))?;
                Ok(a.clone())
            }
            None => Ok(not_implemented()),
        },
        _ => Ok(not_implemented()),
    }
}

/// `ba[key] = value` and `del ba[key]`.
pub(super) fn bytearray_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let array = this(v)?;
    if let Some(sl) = crate::methods::slice::as_slice(key) {
        return set_slice(ctx, array, sl, value);
    }
    let Some(index) = index_of(ctx, key, "bytearray")? else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    let byte = match &value {
        Some(value) => Some(byte_value(ctx, value, RANGE)?),
        None => None,
    };
    let Some(position) = normalize_index(index, array.len()) else {
        return Err(PyErr::index_error("bytearray index out of range"));
    };
    match byte {
        Some(b) => array.data.borrow_mut()[position] = b,
        None => {
            check_resizable(array)?;
            let old = array.len();
            array.data.borrow_mut().remove(position);
            if position == 0 {
                array.note_front_removal(1, old, old - 1);
            } else {
                array.note_resize(old, old - 1);
            }
        }
    }
    Ok(())
}

/// The bytes a slice assignment stores.
fn assigned_bytes(ctx: &mut Ctx, value: &Value) -> PyResult<Vec<u8>> {
    if is_buffer(value) {
        return bytes_like(value);
    }
    let wrong = || PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    if value.as_str().is_some() || protocol::has_index(value) {
        return Err(wrong());
    }
    let slots = crate::types::typeobj::type_payload(value.type_ref()).slots();
    if slots.iter.is_none() && slots.getitem.is_none() {
        return Err(wrong());
    }
    bytes_from_iterable(ctx, value, RANGE)
}

fn set_slice(
    ctx: &mut Ctx,
    array: &PyByteArray,
    sl: &crate::types::slice::PySlice,
    value: Option<Value>,
) -> PyResult<()> {
    let new = match &value {
        Some(v) => Some(assigned_bytes(ctx, v)?),
        None => None,
    };
    let (start, stop, step) = crate::methods::slice::unpack(ctx, sl)?;
    let mut data = array.to_vec();
    let (start, stop, n) = crate::methods::slice::adjust(data.len(), start, stop, step);
    let positions: Vec<usize> =
        (0..n).map(|i| usize::try_from(start + i64::try_from(i).unwrap_or(0) * step).unwrap_or(0)).collect();
    match new {
        Some(new) if step == 1 => {
            let start = usize::try_from(start).unwrap_or(0);
            let stop = usize::try_from(stop).unwrap_or(0).max(start);
            // Removing bytes at the front moves CPython's logical start.
            if start == 0 && new.len() < stop {
                let old = data.len();
                data.splice(start..stop, new);
                check_resizable(array)?;
                let shrink = old - data.len();
                *array.data.borrow_mut() = data;
                array.note_front_removal(shrink, old, old - shrink);
                return Ok(());
            }
            data.splice(start..stop, new);
        }
        Some(new) => {
            if new.len() != n {
                return Err(PyErr::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {n}",
                    new.len()
                )));
            }
            for (&p, b) in positions.iter().zip(new) {
                data[p] = b;
            }
        }
        None => {
            let mut keep = vec![true; data.len()];
            for &p in &positions {
                keep[p] = false;
            }
            let mut flags = keep.into_iter();
            data.retain(|_| flags.next().unwrap_or(true));
        }
    }
    set_data(array, data)
}

fn append(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("append", &args)?;
    let [item] = rest else { return Err(crate::methods::arg_count_error("append", rest.len(), 1, 1)) };
    let b = byte_value(ctx, item, RANGE)?;
    check_resizable(array)?;
    let old = array.len();
    array.data.borrow_mut().push(b);
    array.note_resize(old, old + 1);
    Ok(Value::None)
}

fn clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("clear", &args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!("bytearray.clear() takes no arguments ({} given)", rest.len())));
    }
    set_data(array, Vec::new())?;
    Ok(Value::None)
}

fn copy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("copy", args)?;
    Ok(wrap(Kind::ByteArray, data.into_owned()))
}

fn extend(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("extend", &args)?;
    let [source] = rest else { return Err(crate::methods::arg_count_error("extend", rest.len(), 1, 1)) };
    let extra = if is_buffer(source) {
        bytes_like(source)?
    } else {
        let slots = crate::types::typeobj::type_payload(source.type_ref()).slots();
        if slots.iter.is_none() && slots.getitem.is_none() {
            return Err(PyErr::type_error(format!("can't extend bytearray with {}", source.type_name())));
        }
        bytes_from_iterable(ctx, source, RANGE)?
    };
    if !extra.is_empty() {
        check_resizable(array)?;
        let old = array.len();
        array.data.borrow_mut().extend_from_slice(&extra);
        array.note_resize(old, old + extra.len());
    }
    Ok(Value::None)
}

fn insert(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("insert", &args)?;
    let [index, item] = rest else { return Err(crate::methods::arg_count_error("insert", rest.len(), 2, 2)) };
    let index =
        protocol::index(ctx, index, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
    let index = crate::methods::int::to_i64(&index)?;
    let b = byte_value(ctx, item, RANGE)?;
    check_resizable(array)?;
    let len = i64::try_from(array.len()).unwrap_or(i64::MAX);
    let position = if index < 0 { (index + len).max(0) } else { index.min(len) };
    let old = array.len();
    array.data.borrow_mut().insert(usize::try_from(position).unwrap_or(0), b);
    array.note_resize(old, old + 1);
    Ok(Value::None)
}

fn pop(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("pop", &args)?;
    if rest.len() > 1 {
        return Err(crate::methods::arg_count_error("pop", rest.len(), 0, 1));
    }
    let index = match rest.first() {
        None => -1,
        Some(v) => {
            let i =
                protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
            crate::methods::int::to_i64(&i)?
        }
    };
    if array.is_empty() {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let Some(position) = normalize_index(index, array.len()) else {
        return Err(PyErr::index_error("pop index out of range"));
    };
    check_resizable(array)?;
    let old = array.len();
    let b = array.data.borrow_mut().remove(position);
    array.note_resize(old, old - 1);
    Ok(Value::Int(i64::from(b)))
}

fn remove(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("remove", &args)?;
    let [item] = rest else { return Err(crate::methods::arg_count_error("remove", rest.len(), 1, 1)) };
    let b = byte_value(ctx, item, RANGE)?;
    let Some(position) = array.data.borrow().iter().position(|&x| x == b) else {
        return Err(PyErr::value_error("value not found in bytearray"));
    };
    check_resizable(array)?;
    let old = array.len();
    array.data.borrow_mut().remove(position);
    array.note_resize(old, old - 1);
    Ok(Value::None)
}

fn reverse(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("reverse", &args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!("bytearray.reverse() takes no arguments ({} given)", rest.len())));
    }
    array.data.borrow_mut().reverse();
    Ok(Value::None)
}

/// `bytearray.__alloc__()`: the buffer size CPython would have allocated.
fn alloc(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (array, rest) = receiver("__alloc__", &args)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!("bytearray.__alloc__() takes no arguments ({} given)", rest.len())));
    }
    Ok(Value::from(array.allocated()))
}
