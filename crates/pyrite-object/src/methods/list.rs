//! `list`: a mutable sequence.

use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::sequence::{checked_total, compare_sequences, index_of, normalize_index, repeat_count, repr_items};
use crate::methods::slice;
use crate::methods::{add_methods, check_args, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::list::PyList;
use crate::types::misc::SeqIter;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.list, |s| {
        s.repr = Some(list_repr);
        s.richcompare = Some(list_richcompare);
        s.binary = Some(list_binary);
        s.inplace = Some(list_inplace);
        s.len = Some(|_, v| Ok(this(v)?.len()));
        s.getitem = Some(list_getitem);
        s.setitem = Some(list_setitem);
        s.contains = Some(list_contains);
        s.iter = Some(|_, v| Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().list_iterator, 0))));
        s.new = Some(list_new);
        s.init = Some(list_init);
    });
    set_slots(&t.list_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(list_iter_next);
    });
    add_methods(
        &t.list,
        "list",
        &[
            ("append", list_append),
            ("pop", list_pop),
            ("extend", list_extend),
            ("insert", list_insert),
            ("index", list_index),
            ("count", list_count),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
            ("remove", list_remove),
            ("sort", list_sort),
            ("__reversed__", list_reversed),
        ],
    );
    for iterator in [&t.list_iterator, &t.tuple_iterator] {
        add_methods(iterator, "iterator", &[("__length_hint__", seq_iter_length_hint)]);
    }
    set_slots(&t.list_reverseiterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(crate::methods::iters::reversed_next);
    });
}

fn this(v: &Value) -> PyResult<&PyList> {
    v.downcast::<PyList>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'list' object but received a '{}'", v.type_name()))
    })
}

fn list_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let items = this(v)?.to_vec();
    if items.is_empty() {
        return Ok(Value::str("[]"));
    }
    protocol::repr_guarded(ctx, v, "[...]", |ctx| Ok(Value::str(&repr_items(ctx, &items, "[", "]")?)))
}

fn list_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<PyList>(), b.downcast::<PyList>()) else { return Ok(not_implemented()) };
    // Two compact lists of one kind compare without calls.
    let compact = x.items.storage().compare_compact(&y.items.storage());
    if let Some(ordering) = compact {
        return Ok(Value::Bool(ordering_holds(op, ordering)));
    }
    let (x, y) = (x.to_vec(), y.to_vec());
    Ok(Value::Bool(compare_sequences(ctx, &x, &y, op)?))
}

/// Whether `op` holds between two operands that order as `ordering`.
fn ordering_holds(op: CompareOp, ordering: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    match op {
        CompareOp::Lt => ordering == Less,
        CompareOp::Le => ordering != Greater,
        CompareOp::Eq => ordering == Equal,
        CompareOp::Ne => ordering != Equal,
        CompareOp::Gt => ordering == Greater,
        CompareOp::Ge => ordering != Less,
    }
}

fn list_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => {
            let (Some(x), Some(y)) = (a.downcast::<PyList>(), b.downcast::<PyList>()) else {
                return Ok(not_implemented());
            };
            let mut items = x.to_vec();
            items.extend(y.to_vec());
            Ok(Value::Obj(PyList::new_obj(items)))
        }
        BinaryOp::Multiply => {
            let (list, n) = match (a.downcast::<PyList>(), b.downcast::<PyList>()) {
                (Some(l), None) => (l, b),
                (None, Some(l)) => (l, a),
                _ => return Ok(not_implemented()),
            };
            let Some(count) = repeat_count(ctx, n) else { return Ok(not_implemented()) };
            let count = count?;
            checked_total(list.len(), count)?;
            let repeated = list.items.storage().repeat(count);
            Ok(Value::Obj(PyList::from_storage(repeated)))
        }
        _ => Ok(not_implemented()),
    }
}

fn list_inplace(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => {
            extend(ctx, this(a)?, b)?;
            Ok(a.clone())
        }
        BinaryOp::Multiply => {
            let Some(count) = repeat_count(ctx, b) else { return Ok(not_implemented()) };
            let count = count?;
            let list = this(a)?;
            let len = list.len();
            if count == 0 || len == 0 {
                list.clear();
                return Ok(a.clone());
            }
            let total = checked_total(len, count)?;
            list.items.storage_mut().repeat_in_place(count, total);
            Ok(a.clone())
        }
        _ => Ok(not_implemented()),
    }
}

/// `list.extend(iterable)` (also `+=` and `[*a]`), sized as CPython's `list_extend`.
pub fn extend(ctx: &mut Ctx, list: &PyList, iterable: &Value) -> PyResult<()> {
    let exact =
        iterable.as_obj().is_some_and(|o| o.type_ref().is_same(&types().list) || o.type_ref().is_same(&types().tuple))
            || iterable.downcast::<PyList>().is_some_and(|l| std::ptr::eq(l, list));
    let hint = if exact { None } else { Some(length_hint(ctx, iterable, 8)?) };
    let values = protocol::collect(ctx, iterable)?;
    list.extend_values(values, hint);
    Ok(())
}

/// CPython's `PyObject_LengthHint`: `len()` when the object has one, else its
/// `__length_hint__`, else `default`.
fn length_hint(ctx: &mut Ctx, value: &Value, default: usize) -> PyResult<usize> {
    if crate::types::typeobj::type_payload(value.type_ref()).slots().len.is_some() {
        match protocol::len(ctx, value) {
            Ok(n) => return Ok(n),
            Err(e) if e.matches(&types().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    match crate::methods::slots::call_dunder(ctx, value, "__length_hint__", &[])? {
        Some(Value::Int(n)) if n >= 0 => Ok(usize::try_from(n).unwrap_or(default)),
        Some(Value::Bool(b)) => Ok(usize::from(b)),
        Some(other) if protocol::is_not_implemented(&other) => Ok(default),
        Some(Value::Int(_)) => Err(PyErr::value_error("__length_hint__() should return >= 0")),
        Some(other) => {
            Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name())))
        }
        None => Ok(default),
    }
}

fn list_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let list = this(v)?;
    if let Some(s) = slice::as_slice(key) {
        // The bounds' `__index__` may run Python code, so they are read before the items
        // are borrowed; only the selected items are copied (slicing is O(k), not O(n)).
        let (start, stop, step) = slice::unpack(ctx, s)?;
        let selected = {
            let items = list.items.storage();
            let (start, _, n) = slice::adjust(items.len(), start, stop, step);
            items.slice(usize::try_from(start).unwrap_or(0), step, n)
        };
        return Ok(Value::Obj(PyList::from_storage(selected)));
    }
    let Some(index) = index_of(ctx, key, "list")? else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    list.get_signed(index).ok_or_else(|| PyErr::index_error("list index out of range"))
}

fn list_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let list = this(v)?;
    if let Some(s) = slice::as_slice(key) {
        return list_set_slice(ctx, v, list, s, value);
    }
    let Some(index) = index_of(ctx, key, "list")? else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    let old = {
        let mut items = list.items.storage_mut();
        let Some(position) = normalize_index(index, items.len()) else {
            return Err(PyErr::index_error("list assignment index out of range"));
        };
        match value {
            Some(value) => items.set(position, value),
            None => items.remove(position),
        }
    };
    drop(old);
    Ok(())
}

/// `__length_hint__` of list and tuple iterators: the items left.
fn seq_iter_length_hint(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (it, _) = method_args("__length_hint__", args, 0, 0)?;
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(Value::Int(0)) };
    let seq = iter.seq.borrow().clone();
    let len = match &seq {
        Some(s) => protocol::len(ctx, s)?,
        None => 0,
    };
    Ok(Value::from(len.saturating_sub(iter.index.get())))
}

fn list_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(list) = seq.as_ref().and_then(|s| s.downcast::<PyList>()) else { return Ok(None) };
    let i = iter.index.get();
    match list.get(i) {
        Some(item) => {
            iter.index.set(i + 1);
            Ok(Some(item))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}

/// `list.__new__`: an empty list (of a subclass, with a `__dict__`); `__init__` fills it.
fn list_new(_: &mut Ctx, ty: &pyrite_memory::ObjRef, _args: Args<'_>) -> PyResult {
    if ty.is_same(&types().list) {
        return Ok(Value::Obj(PyList::new_obj(Vec::new())));
    }
    Ok(Value::Obj(pyrite_memory::ObjRef::new_with_dict(PyList::default(), Some(ty))))
}

/// `list.__init__(iterable=())`.
fn list_init(ctx: &mut Ctx, this_value: &Value, args: Args<'_>) -> PyResult<()> {
    let values = check_args("list", args, 0, 1)?;
    let list = this(this_value)?;
    list.clear();
    let Some(iterable) = values.first() else { return Ok(()) };
    // As CPython's `list___init__`: room for `len(iterable)` first, then `extend`.
    if crate::types::typeobj::type_payload(iterable.type_ref()).slots().len.is_some() {
        match protocol::len(ctx, iterable) {
            Ok(n) => list.items.storage_mut().preallocate_exact(n),
            Err(e) if e.matches(&types().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    extend(ctx, list, iterable)
}

fn list_append(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("append", args, 1, 1)?;
    this(list)?.push(rest[0].clone());
    Ok(Value::None)
}

fn list_pop(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("pop", args, 0, 1)?;
    let list = this(list)?;
    if list.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let index = match rest.first() {
        None => -1,
        Some(i) => crate::methods::int::to_i64(i)?,
    };
    let mut items = list.items.storage_mut();
    let position = normalize_index(index, items.len()).ok_or_else(|| PyErr::index_error("pop index out of range"))?;
    Ok(items.remove(position))
}

fn list_extend(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("extend", args, 1, 1)?;
    extend(ctx, this(list)?, &rest[0])?;
    Ok(Value::None)
}

fn list_insert(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("insert", args, 2, 2)?;
    let list = this(list)?;
    let index = crate::methods::int::to_i64(&rest[0])?;
    let mut items = list.items.storage_mut();
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let position = if index < 0 { (index + len).max(0) } else { index.min(len) };
    items.insert(usize::try_from(position).unwrap_or(0), rest[1].clone());
    Ok(Value::None)
}

fn list_index(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("index", args, 1, 3)?;
    let list = this(list)?;
    let (start, stop) = crate::methods::sequence::search_bounds(ctx, rest.get(1), rest.get(2), list.len())?;
    // The length is re-read at each step: a comparison may shrink the list.
    let mut i = start;
    while i < stop
        && let Some(item) = list.get(i)
    {
        if protocol::eq(ctx, &item, &rest[0])? {
            return Ok(Value::from(i));
        }
        i += 1;
    }
    let r = protocol::repr_string(ctx, &rest[0])?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn list_count(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("count", args, 1, 1)?;
    let items = this(list)?.to_vec();
    let mut n = 0usize;
    for item in &items {
        if protocol::eq(ctx, item, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}

/// `item in list`: compares item by item, re-reading the length, so a comparison that
/// shrinks the list ends the search (CPython's `list_contains`).
fn list_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let list = this(v)?;
    let compact = list.items.storage().contains_compact(item);
    if let Some(found) = compact {
        return Ok(found);
    }
    let mut i = 0;
    while let Some(candidate) = list.get(i) {
        if protocol::eq(ctx, &candidate, item)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_reverse(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, _) = method_args("reverse", args, 0, 0)?;
    this(list)?.items.storage_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, _) = method_args("copy", args, 0, 0)?;
    let copy = this(list)?.items.storage().copy();
    Ok(Value::Obj(PyList::from_storage(copy)))
}

fn list_clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, _) = method_args("clear", args, 0, 0)?;
    this(list)?.clear();
    Ok(Value::None)
}

/// `list[a:b:c] = value` / `del list[a:b:c]` (CPython's `list_ass_subscript`).
fn list_set_slice(
    ctx: &mut Ctx,
    v: &Value,
    list: &PyList,
    s: &crate::types::slice::PySlice,
    value: Option<Value>,
) -> PyResult<()> {
    let (start, stop, step) = slice::unpack(ctx, s)?;
    let len = list.len();
    let (start, stop, n) = slice::adjust(len, start, stop, step);
    if step == 1 {
        let new_items = match &value {
            None => Vec::new(),
            Some(value) if value.is(v) => list.to_vec(),
            Some(value) => collect_or(ctx, value, "can only assign an iterable")?,
        };
        let len = i64::try_from(list.len()).unwrap_or(i64::MAX);
        let low = start.clamp(0, len);
        let high = stop.clamp(low, len);
        let (low, high) = (usize::try_from(low).unwrap_or(0), usize::try_from(high).unwrap_or(0));
        let removed = list.items.storage_mut().splice(low, high, new_items);
        drop(removed);
        return Ok(());
    }
    let positions: Vec<usize> =
        (0..n).map(|i| usize::try_from(start + i64::try_from(i).unwrap_or(0) * step).unwrap_or(0)).collect();
    match value {
        None => {
            let mut sorted = positions;
            sorted.sort_unstable();
            let removed = {
                let mut items = list.items.borrow_mut();
                let mut removed = Vec::with_capacity(sorted.len());
                for &p in sorted.iter().rev() {
                    if p < items.len() {
                        removed.push(items.remove(p));
                    }
                }
                let len = items.len();
                crate::types::list::resize(&mut items, len);
                removed
            };
            drop(removed);
            Ok(())
        }
        Some(value) => {
            let new_items = if value.is(v) {
                list.to_vec()
            } else {
                collect_or(ctx, &value, "must assign iterable to extended slice")?
            };
            if new_items.len() != n {
                return Err(PyErr::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {n}",
                    new_items.len()
                )));
            }
            let old: Vec<Value> = {
                let mut items = list.items.borrow_mut();
                let len = items.len();
                positions
                    .iter()
                    .zip(new_items)
                    .filter(|(p, _)| **p < len)
                    .map(|(&p, item)| std::mem::replace(&mut items[p], item))
                    .collect()
            };
            drop(old);
            Ok(())
        }
    }
}

/// `PySequence_Fast`: the items of an iterable, or TypeError(message) if not iterable.
fn collect_or(ctx: &mut Ctx, value: &Value, message: &str) -> PyResult<Vec<Value>> {
    let iterator = match protocol::get_iter(ctx, value) {
        Ok(it) => it,
        Err(e) if e.matches(&types().type_error) => return Err(PyErr::type_error(message)),
        Err(e) => return Err(e),
    };
    let mut items = Vec::new();
    while let Some(item) = protocol::next(ctx, &iterator)? {
        items.push(item);
    }
    Ok(items)
}

fn list_remove(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, rest) = method_args("list.remove", args, 1, 1)?;
    let l = this(list)?;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if protocol::eq(ctx, &item, &rest[0])? {
            let removed = {
                let mut items = l.items.storage_mut();
                if i < items.len() { Some(items.remove(i)) } else { None }
            };
            drop(removed);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_reversed(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (list, _) = method_args("__reversed__", args, 0, 0)?;
    let len = this(list)?.len();
    Ok(Value::Obj(crate::methods::iters::new_reversed(list.clone(), len, &types().list_reverseiterator)))
}

fn list_sort(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some((list, rest)) = pos.split_first() else {
        return Err(PyErr::type_error("descriptor 'sort' of 'list' object needs an argument"));
    };
    let given = rest.len() + args.kwnames.len();
    if given > 2 {
        return Err(PyErr::type_error(format!("sort() takes at most 2 arguments ({given} given)")));
    }
    if !rest.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    for (name, value) in args.keywords() {
        match name.as_str().map(crate::types::str::PyStr::as_str) {
            Some("key") => key = Some(value.clone()).filter(|k| !k.is_none()),
            Some("reverse") => {
                reverse = crate::methods::int::to_i64(value).map_err(|_| {
                    PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", value.type_name()))
                })? != 0
            }
            Some(other) => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for sort()")));
            }
            None => return Err(PyErr::type_error("keywords must be strings")),
        }
    }
    sort_list(ctx, this(list)?, key.as_ref(), reverse)?;
    Ok(Value::None)
}

/// `list.sort(key=key, reverse=reverse)`: a stable sort whose comparisons may raise.
pub fn sort_list(ctx: &mut Ctx, list: &PyList, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    // Bools, ints and floats compare without calls: sorted in place, nothing can see the
    // list meanwhile.
    if key.is_none() && list.items.storage_mut().sort_compact(reverse) {
        return Ok(());
    }
    let mut items = list.items.replace(Vec::new());
    let capacity = items.capacity();
    if reverse {
        items.reverse();
    }
    let result = (|| {
        let keys = match key {
            None => None,
            Some(f) => {
                let mut keys = Vec::with_capacity(items.len());
                for item in &items {
                    keys.push(protocol::call_positional(ctx, f, std::slice::from_ref(item))?);
                }
                Some(keys)
            }
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        let sort_keys = keys.as_ref().unwrap_or(&items);
        crate::methods::sort::timsort(ctx, sort_keys, &mut order)?;
        Ok::<Vec<usize>, PyErr>(order)
    })();
    let mut sorted = match &result {
        Ok(order) => {
            let mut taken: Vec<Option<Value>> = items.into_iter().map(Some).collect();
            order.iter().map(|&i| taken[i].take().unwrap_or(Value::None)).collect()
        }
        Err(_) => items,
    };
    if reverse {
        sorted.reverse();
    }
    // The list keeps its allocation, as in CPython (`sys.getsizeof` is unchanged).
    if sorted.capacity() < capacity {
        sorted.reserve_exact(capacity - sorted.len());
    }
    let modified = list.items.replace(sorted);
    let was_modified = !modified.is_empty();
    drop(modified);
    result?;
    if was_modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(())
}
