//! The builtin iterator types: `enumerate`, `zip`, `map`, `filter`, `reversed` (and the
//! list reverse iterator), and `callable_iterator` (`iter(f, sentinel)`).

use pyrite_bytecode::BinaryOp;
use pyrite_memory::{ObjRef, PayloadCell};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::set_slots;
use crate::protocol;
use crate::registry::{TypeTable, types};
use crate::types::iters::{CallableIter, Enumerate, MultiIter, ReversedIter};
use crate::types::list::{PyList, RecycledTuple};
use crate::types::misc::{RangeIter, SeqIter};
use crate::types::str::PyStr;
use crate::types::typeobj::{lookup_str, type_payload};
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    crate::methods::iter_state::setup(t);
    set_slots(&t.enumerate, |s| {
        s.new = Some(enumerate_new);
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(enumerate_next);
    });
    set_slots(&t.zip, |s| {
        s.new = Some(zip_new);
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(zip_next);
    });
    set_slots(&t.map, |s| {
        s.new = Some(map_new);
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(map_next);
    });
    set_slots(&t.filter, |s| {
        s.new = Some(filter_new);
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(filter_next);
    });
    set_slots(&t.reversed, |s| {
        s.new = Some(reversed_new);
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(reversed_next);
    });
    set_slots(&t.callable_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(callable_next);
    });
}

fn keyword_name(name: &Value) -> &str {
    name.as_str().map_or("?", PyStr::as_str)
}

fn no_keywords(args: &Args<'_>, name: &str) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// A new object of `ty`, one of the iterator types or a class derived from it in Python
/// (whose instances get a `__dict__`).
fn instance<P: pyrite_memory::Payload>(payload: P, ty: &ObjRef, base: &ObjRef) -> ObjRef {
    if ty.is_same(base) { ObjRef::new(payload, Some(ty)) } else { ObjRef::new_with_dict(payload, Some(ty)) }
}

fn enumerate_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let mut iterable = pos.first().cloned();
    let mut start = pos.get(1).cloned();
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("enumerate() takes at most 2 arguments ({} given)", args.values.len())));
    }
    for (name, value) in args.keywords() {
        match keyword_name(name) {
            "iterable" if iterable.is_none() => iterable = Some(value.clone()),
            "start" if start.is_none() => start = Some(value.clone()),
            "iterable" | "start" => {
                return Err(PyErr::type_error(format!(
                    "argument for enumerate() given by name ('{}') and position ({})",
                    keyword_name(name),
                    if keyword_name(name) == "iterable" { 1 } else { 2 }
                )));
            }
            other => {
                return Err(PyErr::type_error(format!("'{other}' is an invalid keyword argument for enumerate()")));
            }
        }
    }
    let Some(iterable) = iterable else {
        // `enumerate` itself is called through CPython's vectorcall, which words this
        // differently from the argument parser that classes derived from it go through.
        if !ty.is_same(&types().enumerate) {
            return Err(PyErr::type_error("enumerate() missing required argument 'iterable' (pos 1)"));
        }
        if let Some((name, _)) = args.keywords().next() {
            let name = keyword_name(name);
            return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for enumerate()")));
        }
        return Err(PyErr::type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match start {
        None => Value::Int(0),
        Some(s) => {
            protocol::index(ctx, &s, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?
        }
    };
    let iter = protocol::get_iter(ctx, &iterable)?;
    let payload = Enumerate {
        iter: PayloadCell::new(Some(iter)),
        count: PayloadCell::new(count),
        result: RecycledTuple::default(),
    };
    Ok(Value::Obj(instance(payload, ty, &types().enumerate)))
}

/// One step of a range iterator or an exact list iterator, which runs no Python code:
/// `Some(Some(item))`, `Some(None)` when exhausted (a list iterator then releases its
/// list, as CPython does); `None`, nothing changed, for any other iterator.
#[inline(always)]
#[must_use]
pub fn simple_step(iterator: &ObjRef) -> Option<Option<Value>> {
    if let Some(range) = iterator.downcast::<RangeIter>() {
        return Some(range.next_item().map(Value::Int));
    }
    let seq = iterator.downcast::<SeqIter>()?;
    if !iterator.type_ref().is_same(&types().list_iterator) {
        return None;
    }
    let item = {
        let current = seq.seq.borrow();
        let list = current.as_ref()?.downcast::<PyList>()?;
        let index = seq.index.get();
        let item = list.get(index);
        if item.is_some() {
            seq.index.set(index + 1);
        }
        item
    };
    if item.is_none() {
        // Exhausted: release the list now.
        drop(seq.seq.replace(None));
    }
    Some(item)
}

/// One step of an exact `enumerate` over a range or exact list iterator with an int
/// count, without making its tuple: `Some(Some((count, item)))`, or `Some(None)` when
/// exhausted; `None`, nothing changed, when the general `__next__` must run it.
#[must_use]
pub fn enumerate_step_fast(iterator: &ObjRef) -> Option<Option<(Value, Value)>> {
    let e = iterator.downcast::<Enumerate>()?;
    if !iterator.type_ref().is_same(&types().enumerate) {
        return None;
    }
    let count = match *e.count.borrow() {
        Value::Int(count) if count < i64::MAX => count,
        _ => return None,
    };
    let item = {
        let inner = e.iter.borrow();
        let Some(Value::Obj(inner)) = &*inner else { return None };
        simple_step(inner)?
    };
    let Some(item) = item else { return Some(None) };
    *e.count.borrow_mut() = Value::Int(count + 1);
    Some(Some((Value::Int(count), item)))
}

/// The `(count, item)` tuple an `enumerate` (`iterator`) yields, refilling the last one
/// when nobody else holds it.
#[must_use]
pub fn enumerate_tuple(iterator: &ObjRef, count: Value, item: Value) -> Value {
    match iterator.downcast::<Enumerate>() {
        Some(e) => Value::Obj(e.result.make([count, item])),
        None => Value::Obj(crate::types::list::PyTuple::new_obj(vec![count, item])),
    }
}

fn enumerate_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(e) = v.downcast::<Enumerate>() else {
        return Ok(None);
    };
    let Some(iter) = e.iter.borrow().clone() else {
        return Ok(None);
    };
    let Some(item) = protocol::next(ctx, &iter)? else {
        return Ok(None);
    };
    let count = e.count.borrow().clone();
    let next = match count {
        Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
        ref other => protocol::binary_op(ctx, other, &Value::Int(1), BinaryOp::Add)?,
    };
    *e.count.borrow_mut() = next;
    Ok(Some(Value::Obj(e.result.make([count, item]))))
}

fn new_multi(ty: &ObjRef, base: &ObjRef, func: Value, iters: Vec<Value>, strict: bool) -> Value {
    let payload = MultiIter {
        func: PayloadCell::new(func),
        iters: PayloadCell::new(iters),
        strict: std::cell::Cell::new(strict),
        result: RecycledTuple::default(),
    };
    Value::Obj(instance(payload, ty, base))
}

fn get_iters(ctx: &mut Ctx, iterables: &[Value]) -> PyResult<Vec<Value>> {
    iterables.iter().map(|i| protocol::get_iter(ctx, i)).collect()
}

fn zip_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let mut strict = false;
    for (name, value) in args.keywords() {
        if keyword_name(name) == "strict" {
            strict = protocol::truthy(ctx, value)?;
        } else {
            return Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for zip()",
                keyword_name(name)
            )));
        }
    }
    let iters = get_iters(ctx, args.pos())?;
    Ok(new_multi(ty, &types().zip, Value::None, iters, strict))
}

fn plural(i: usize) -> String {
    if i == 1 { " 1".to_owned() } else { format!("s 1-{i}") }
}

fn zip_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(z) = v.downcast::<MultiIter>() else {
        return Ok(None);
    };
    let n = z.iters.borrow().len();
    if n == 0 {
        return Ok(None);
    }
    if n > ZIP_STACK {
        let iters = z.iters.borrow().clone();
        let mut items = vec![Value::None; n];
        if !zip_fill(ctx, z, &iters, &mut items)? {
            return Ok(None);
        }
        return Ok(Some(Value::Obj(z.result.make_vec(items))));
    }
    // The iterators are copied (a `__next__` may re-enter the zip and exhaust it, which
    // empties its list) into stack storage: no allocation per item.
    let mut iters: [Value; ZIP_STACK] = std::array::from_fn(|_| Value::None);
    iters[..n].clone_from_slice(&z.iters.borrow());
    let mut items: [Value; ZIP_STACK] = std::array::from_fn(|_| Value::None);
    if !zip_fill(ctx, z, &iters[..n], &mut items[..n])? {
        return Ok(None);
    }
    Ok(Some(Value::Obj(z.result.make_slice(&mut items[..n]))))
}

/// zips of up to this many iterables keep their per-item state on the stack.
const ZIP_STACK: usize = 4;

/// Fills `items` with the next item of each of `iters`; `false` when one is exhausted
/// (after the checks of `strict=True`).
fn zip_fill(ctx: &mut Ctx, z: &MultiIter, iters: &[Value], items: &mut [Value]) -> PyResult<bool> {
    for (i, it) in iters.iter().enumerate() {
        match protocol::next(ctx, it)? {
            Some(item) => items[i] = item,
            None => {
                drop(z.iters.replace(Vec::new()));
                if z.strict.get() {
                    if i > 0 {
                        return Err(PyErr::value_error(format!(
                            "zip() argument {} is shorter than argument{}",
                            i + 1,
                            plural(i)
                        )));
                    }
                    for (j, other) in iters.iter().enumerate().skip(1) {
                        if protocol::next(ctx, other)?.is_some() {
                            return Err(PyErr::value_error(format!(
                                "zip() argument {} is longer than argument{}",
                                j + 1,
                                plural(j)
                            )));
                        }
                    }
                }
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn map_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(&args, "map")?;
    let Some((func, iterables)) = args.values.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    };
    let iters = get_iters(ctx, iterables)?;
    Ok(new_multi(ty, &types().map, func.clone(), iters, false))
}

fn map_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(m) = v.downcast::<MultiIter>() else {
        return Ok(None);
    };
    // One iterable (the common `map(f, xs)`): no vectors of iterators or arguments.
    let single = {
        let iters = m.iters.borrow();
        if iters.len() == 1 { iters.first().cloned() } else { None }
    };
    if let Some(it) = single {
        let Some(item) = protocol::next(ctx, &it)? else { return Ok(None) };
        let func = m.func.borrow().clone();
        return protocol::call_positional(ctx, &func, std::slice::from_ref(&item)).map(Some);
    }
    let iters = m.iters.borrow().clone();
    let mut items = Vec::with_capacity(iters.len());
    for it in &iters {
        match protocol::next(ctx, it)? {
            Some(item) => items.push(item),
            None => return Ok(None),
        }
    }
    let func = m.func.borrow().clone();
    protocol::call_positional(ctx, &func, &items).map(Some)
}

fn filter_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(&args, "filter")?;
    let values = crate::methods::check_args("filter", args, 2, 2)?;
    let iter = protocol::get_iter(ctx, &values[1])?;
    Ok(new_multi(ty, &types().filter, values[0].clone(), vec![iter], false))
}

fn filter_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(f) = v.downcast::<MultiIter>() else {
        return Ok(None);
    };
    let Some(iter) = f.iters.borrow().first().cloned() else {
        return Ok(None);
    };
    let func = f.func.borrow().clone();
    let truth_only = func.is_none() || func.as_obj().is_some_and(|f| f.is_same(&types().bool));
    while let Some(item) = protocol::next(ctx, &iter)? {
        let keep = if truth_only {
            protocol::truthy(ctx, &item)?
        } else {
            let result = protocol::call_positional(ctx, &func, std::slice::from_ref(&item))?;
            protocol::truthy(ctx, &result)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
    Ok(None)
}

/// A reverse iterator of type `ty` over the first `len` items of `seq`.
#[must_use]
pub fn new_reversed(seq: Value, len: usize, ty: &ObjRef) -> ObjRef {
    ObjRef::new(ReversedIter { seq: PayloadCell::new(Some(seq)), remaining: std::cell::Cell::new(len) }, Some(ty))
}

/// `reversed(seq)`.
pub fn reversed(ctx: &mut Ctx, seq: &Value) -> PyResult {
    reversed_of(ctx, seq, &types().reversed)
}

/// `reversed(seq)` made as an instance of `cls` (`reversed` or a class derived from it),
/// unless `seq` has its own `__reversed__`.
fn reversed_of(ctx: &mut Ctx, seq: &Value, cls: &ObjRef) -> PyResult {
    let ty = seq.type_ref().clone();
    match lookup_str(&ty, "__reversed__") {
        Some(Value::None) => Err(PyErr::type_error(format!("'{}' object is not reversible", seq.type_name()))),
        Some(_) => crate::methods::slots::call_dunder(ctx, seq, "__reversed__", &[])?
            .ok_or_else(|| PyErr::type_error(format!("'{}' object is not reversible", seq.type_name()))),
        None => {
            let slots = type_payload(&ty).slots();
            if slots.getitem.is_none() || seq.downcast::<crate::types::dict::PyDict>().is_some() {
                return Err(PyErr::type_error(format!("'{}' object is not reversible", seq.type_name())));
            }
            let len = protocol::len(ctx, seq)?;
            let payload =
                ReversedIter { seq: PayloadCell::new(Some(seq.clone())), remaining: std::cell::Cell::new(len) };
            Ok(Value::Obj(instance(payload, cls, &types().reversed)))
        }
    }
}

fn reversed_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(&args, "reversed")?;
    let [seq] = args.values else {
        return Err(PyErr::type_error(format!("reversed expected 1 argument, got {}", args.values.len())));
    };
    reversed_of(ctx, seq, ty)
}

/// `next()` of `reversed` and `list_reverseiterator`.
pub fn reversed_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(r) = v.downcast::<ReversedIter>() else {
        return Ok(None);
    };
    let Some(seq) = r.seq.borrow().clone() else {
        return Ok(None);
    };
    let remaining = r.remaining.get();
    if remaining > 0 {
        let index = remaining - 1;
        if let Some(list) = seq.downcast::<PyList>() {
            if let Some(item) = list.get(index) {
                r.remaining.set(index);
                return Ok(Some(item));
            }
        } else {
            match protocol::getitem(ctx, &seq, &Value::from(index)) {
                Ok(item) => {
                    r.remaining.set(index);
                    return Ok(Some(item));
                }
                Err(e) if e.matches(&types().index_error) || e.matches(&types().stop_iteration) => {}
                Err(e) => return Err(e),
            }
        }
    }
    r.remaining.set(0);
    drop(r.seq.replace(None));
    Ok(None)
}

/// `iter(callable, sentinel)`.
#[must_use]
pub fn new_callable_iter(func: Value, sentinel: Value) -> Value {
    Value::Obj(ObjRef::new(
        CallableIter { func: PayloadCell::new(Some(func)), sentinel },
        Some(&types().callable_iterator),
    ))
}

fn callable_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(c) = v.downcast::<CallableIter>() else {
        return Ok(None);
    };
    let Some(func) = c.func.borrow().clone() else {
        return Ok(None);
    };
    match protocol::call_positional(ctx, &func, &[]) {
        Ok(result) => {
            if protocol::eq(ctx, &result, &c.sentinel)? {
                drop(c.func.replace(None));
                return Ok(None);
            }
            Ok(Some(result))
        }
        Err(e) if e.matches(&types().stop_iteration) => {
            drop(c.func.replace(None));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}
