//! Reading and writing the items of a memoryview (`m[i]`, `m[i, j]`, `m[a:b]`, `m[()]`),
//! iterating, comparing (item by item, across formats) and hashing, with CPython's
//! `memory_subscript`/`memory_ass_sub` errors.

use pyrite_bytecode::CompareOp;

use super::{check_released, item_at, item_format, view};
use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::memoryview_items::{self as items, parse_native};
use crate::methods::set_slots;
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::bytes::{PyByteArray, PyMemoryView};
use crate::types::list::PyTuple;
use crate::types::misc::SeqIter;
use crate::types::slice::PySlice;
use crate::value::Value;

pub(super) fn setup(t: &TypeTable) {
    set_slots(&t.memoryview, |s| {
        s.hash = Some(memoryview_hash);
        s.richcompare = Some(memoryview_richcompare);
        s.getitem = Some(memoryview_getitem);
        s.setitem = Some(memoryview_setitem);
        s.iter = Some(|_, v| {
            let m = view(v)?;
            one_dimension(m)?;
            item_format(m)?;
            Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().memory_iterator, 0)))
        });
    });
    set_slots(&t.memory_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(memory_iter_next);
    });
}

/// Indexing by one int needs a one-dimensional view.
fn one_dimension(m: &PyMemoryView) -> PyResult<()> {
    match m.ndim() {
        0 => Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        1 => Ok(()),
        _ => Err(PyErr::not_implemented("multi-dimensional sub-views are not implemented")),
    }
}

/// `PyNumber_AsSsize_t(key, PyExc_IndexError)`.
fn index_value(ctx: &mut Ctx, key: &Value) -> PyResult<i64> {
    let i = protocol::index(ctx, key, |_| "memoryview: invalid slice key".to_owned())?;
    crate::methods::int::to_i64(&i)
        .map_err(|_| PyErr::index_error(format!("cannot fit '{}' into an index-sized integer", key.type_name())))
}

/// The byte offset of item `index` along dimension `dim` from `base` (CPython's
/// `lookup_dimension`).
fn lookup_dimension(m: &PyMemoryView, base: isize, dim: usize, index: i64) -> PyResult<isize> {
    let n = m.shape[dim];
    let position = crate::methods::sequence::normalize_index(index, n)
        .ok_or_else(|| PyErr::index_error(format!("index out of bounds on dimension {}", dim + 1)))?;
    Ok(base + isize::try_from(position).unwrap_or(0) * m.strides[dim])
}

fn start_of(m: &PyMemoryView) -> isize {
    isize::try_from(m.start).unwrap_or(0)
}

/// The byte offset of the item `m[key]` for an index of a one-dimensional view.
fn single_offset(ctx: &mut Ctx, m: &PyMemoryView, key: &Value) -> PyResult<usize> {
    let index = index_value(ctx, key)?;
    let offset = lookup_dimension(m, start_of(m), 0, index)?;
    Ok(usize::try_from(offset).unwrap_or(0))
}

/// Whether `key` is a tuple of indices (CPython's `is_multiindex`).
fn multi_index(key: &Value) -> Option<&PyTuple> {
    key.downcast::<PyTuple>().filter(|t| t.items().iter().all(protocol::has_index))
}

fn is_multi_slice(key: &Value) -> bool {
    key.downcast::<PyTuple>().is_some_and(|t| t.items().iter().all(|k| k.downcast::<PySlice>().is_some()))
}

/// The byte offset of the item `m[i, j, ...]` (CPython's `ptr_from_tuple`).
fn tuple_offset(ctx: &mut Ctx, m: &PyMemoryView, tuple: &PyTuple) -> PyResult<usize> {
    let indices = tuple.items();
    if indices.len() < m.ndim() {
        return Err(PyErr::not_implemented("sub-views are not implemented"));
    }
    if indices.len() > m.ndim() {
        return Err(PyErr::type_error(format!(
            "cannot index {}-dimension view with {}-element tuple",
            m.ndim(),
            indices.len()
        )));
    }
    let mut offset = start_of(m);
    for (dim, key) in indices.iter().enumerate() {
        let index = index_value(ctx, key)?;
        offset = lookup_dimension(m, offset, dim, index)?;
    }
    Ok(usize::try_from(offset).unwrap_or(0))
}

/// `m[a:b:c]`: a view of the selected items along the first dimension.
fn sub_view(ctx: &mut Ctx, m: &PyMemoryView, sl: &PySlice) -> PyResult<pyrite_memory::ObjRef> {
    let (start, step, n) = crate::methods::slice::indices(ctx, sl, m.shape[0])?;
    let stride = m.strides[0];
    let first = start_of(m) + isize::try_from(start).unwrap_or(0) * stride;
    let mut shape = m.shape.to_vec();
    let mut strides = m.strides.to_vec();
    shape[0] = n;
    strides[0] = stride * isize::try_from(step).unwrap_or(1);
    let first = if n == 0 { m.start } else { usize::try_from(first).unwrap_or(0) };
    Ok(PyMemoryView::new_view(m.obj.clone(), first, &m.format, m.itemsize, shape, strides, m.readonly))
}

fn memoryview_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let m = view(v)?;
    if m.ndim() == 0 {
        if key.downcast::<PyTuple>().is_some_and(|t| t.is_empty()) {
            return Ok(item_at(m, item_format(m)?, m.start));
        }
        if key.is(&Value::Obj(types().ellipsis.clone())) {
            return Ok(v.clone());
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if protocol::has_index(key) {
        let code = item_format(m)?;
        let index = index_value(ctx, key)?;
        one_dimension(m)?;
        let offset = lookup_dimension(m, start_of(m), 0, index)?;
        return Ok(item_at(m, code, usize::try_from(offset).unwrap_or(0)));
    }
    if let Some(sl) = crate::methods::slice::as_slice(key) {
        return Ok(Value::Obj(sub_view(ctx, m, sl)?));
    }
    if let Some(tuple) = multi_index(key) {
        let code = item_format(m)?;
        let offset = tuple_offset(ctx, m, tuple)?;
        return Ok(item_at(m, code, offset));
    }
    if is_multi_slice(key) {
        return Err(PyErr::not_implemented("multi-dimensional slicing is not implemented"));
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

/// Writes one packed item at `offset`, unless the view was released meanwhile (packing may
/// run Python code, which may release it: gh-92888).
fn store(m: &PyMemoryView, offset: usize, packed: &[u8]) -> PyResult<()> {
    check_released(m)?;
    let Some(array) = m.obj.downcast::<PyByteArray>() else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    if let Some(slot) = array.data.borrow_mut().get_mut(offset..offset + packed.len()) {
        slot.copy_from_slice(packed);
    }
    Ok(())
}

fn memoryview_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = view(v)?;
    let code = item_format(m)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    if m.ndim() == 0 {
        let whole =
            key.is(&Value::Obj(types().ellipsis.clone())) || key.downcast::<PyTuple>().is_some_and(|t| t.is_empty());
        if !whole {
            return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
        }
        let packed = items::pack(ctx, code, &value)?;
        return store(m, m.start, &packed);
    }
    if protocol::has_index(key) {
        if m.ndim() > 1 {
            return Err(PyErr::not_implemented("sub-views are not implemented"));
        }
        let offset = single_offset(ctx, m, key)?;
        let packed = items::pack(ctx, code, &value)?;
        return store(m, offset, &packed);
    }
    if let Some(sl) = crate::methods::slice::as_slice(key)
        && m.ndim() == 1
    {
        return assign_slice(ctx, m, sl, &value);
    }
    if let Some(tuple) = multi_index(key) {
        let offset = tuple_offset(ctx, m, tuple)?;
        let packed = items::pack(ctx, code, &value)?;
        return store(m, offset, &packed);
    }
    if crate::methods::slice::as_slice(key).is_some() || is_multi_slice(key) {
        return Err(PyErr::not_implemented("memoryview slice assignments are currently restricted to ndim = 1"));
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

/// The format and layout of the right-hand side of a slice assignment.
struct Source {
    format: String,
    itemsize: usize,
    shape: Vec<usize>,
    bytes: Vec<u8>,
}

fn source_of(value: &Value) -> PyResult<Source> {
    if let Some(src) = value.downcast::<PyMemoryView>() {
        check_released(src)?;
        return Ok(Source {
            format: src.format.to_string(),
            itemsize: src.itemsize,
            shape: src.shape.to_vec(),
            bytes: src.to_vec(),
        });
    }
    let bytes = super::super::bytes_like(value)?;
    Ok(Source { format: "B".to_owned(), itemsize: 1, shape: vec![bytes.len()], bytes })
}

/// `m[a:b:c] = buffer`: the buffer must have the same format and shape as the slice
/// (CPython's `copy_single`); overlapping memory is copied first.
fn assign_slice(ctx: &mut Ctx, m: &PyMemoryView, sl: &PySlice, value: &Value) -> PyResult<()> {
    let src = source_of(value)?;
    let (start, step, n) = crate::methods::slice::indices(ctx, sl, m.shape[0])?;
    let strip = |f: &str| f.strip_prefix('@').unwrap_or(f).to_owned();
    if strip(&src.format) != strip(&m.format) || src.itemsize != m.itemsize || src.shape != [n] {
        return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    check_released(m)?;
    let Some(array) = m.obj.downcast::<PyByteArray>() else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    let mut data = array.data.borrow_mut();
    let size = m.itemsize;
    for (k, item) in src.bytes.chunks(size.max(1)).enumerate() {
        let index = start + i64::try_from(k).unwrap_or(0) * step;
        let offset = start_of(m) + isize::try_from(index).unwrap_or(0) * m.strides[0];
        let offset = usize::try_from(offset).unwrap_or(0);
        if let Some(slot) = data.get_mut(offset..offset + size) {
            slot.copy_from_slice(item);
        }
    }
    Ok(())
}

fn memory_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(seq) = seq else { return Ok(None) };
    let m = view(&seq)?;
    let i = iter.index.get();
    if i >= m.shape.first().copied().unwrap_or(0) {
        drop(iter.seq.replace(None));
        return Ok(None);
    }
    iter.index.set(i + 1);
    let offset = start_of(m) + isize::try_from(i).unwrap_or(0) * m.strides[0];
    Ok(Some(item_at(m, item_format(m)?, usize::try_from(offset).unwrap_or(0))))
}

/// `hash(m)`: the hash of the bytes, for read-only views of a byte format.
fn memoryview_hash(_: &mut Ctx, v: &Value) -> PyResult<i64> {
    let m = view(v)?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !parse_native(&m.format).is_some_and(|(c, _)| items::is_byte_format(c)) {
        return Err(PyErr::value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    Ok(crate::hash::hash_bytes(&m.to_vec()))
}

/// The items of a buffer compared by `==`: its shape and unpacked values in C order.
fn comparable(v: &Value) -> Option<(Vec<usize>, Vec<items::Item>)> {
    if let Some(m) = v.downcast::<PyMemoryView>() {
        let (code, _) = parse_native(&m.format)?;
        let values = m.with_memory(|data| {
            (0..m.item_count())
                .map(|i| {
                    let offset = m.item_offset(i);
                    items::unpack(code, data.get(offset..offset + m.itemsize).unwrap_or_default())
                })
                .collect()
        });
        return Some((m.shape.to_vec(), values));
    }
    super::super::kind_of(v)?;
    let bytes = super::super::buffer_bytes(v)?;
    Some((vec![bytes.len()], bytes.iter().map(|&b| items::Item::Int(i128::from(b))).collect()))
}

/// `==` and `!=`: equal shapes and equal items (by value across formats).
fn memoryview_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let released = |v: &Value| v.downcast::<PyMemoryView>().is_some_and(|m| m.released.get());
    // A released view equals only itself; otherwise even a view is unequal to itself when
    // it holds a NaN.
    let equal = if released(a) || released(b) {
        a.is(b)
    } else {
        match (comparable(a), comparable(b)) {
            (Some((shape_a, items_a)), Some((shape_b, items_b))) => {
                same_shape(&shape_a, &shape_b) && items_a.iter().zip(&items_b).all(|(x, y)| x.equals(*y))
            }
            _ => return Ok(not_implemented()),
        }
    };
    Ok(Value::Bool(equal == (op == CompareOp::Eq)))
}

/// CPython's `equiv_shape`: same dimensions, equal up to the first empty one.
fn same_shape(a: &[usize], b: &[usize]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    for (&x, &y) in a.iter().zip(b) {
        if x != y {
            return false;
        }
        if x == 0 {
            break;
        }
    }
    true
}
