//! `tee(iterable, n=2)` and its `_tee` iterators. The items read from the underlying
//! iterator are kept in a linked list of fixed-size blocks (`_tee_dataobject`, as
//! CPython's): every `_tee` copy holds the block it is reading and its position in it, so
//! blocks all copies have passed are freed by reference counting.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::typeobj::{StaticType, is_subtype};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::{iterator_type, next_item, positional, ssize};

/// Items per block (CPython's `LINKCELLS`).
const BLOCK: usize = 57;

/// A block of items read from the shared iterator, and the next block once this one is
/// full.
struct TeeData {
    iter: PayloadCell<Value>,
    values: PayloadCell<Vec<Value>>,
    next: PayloadCell<Option<ObjRef>>,
    /// Set while the iterator is being advanced, to refuse re-entry.
    running: Cell<bool>,
}

impl Trace for TeeData {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.iter.borrow().traverse(visit);
        for value in self.values.borrow().iter() {
            value.traverse(visit);
        }
        if let Some(next) = &*self.next.borrow() {
            visit(next);
        }
    }

    fn clear(&self) {
        drop(self.iter.replace(Value::None));
        drop(self.values.replace(Vec::new()));
        drop(self.next.replace(None));
    }
}

payload!(TeeData, "itertools._tee_dataobject", tracked);

/// A `_tee` iterator: the block it reads and the index of its next item there.
struct Tee {
    data: PayloadCell<Option<ObjRef>>,
    index: Cell<usize>,
}

impl Trace for Tee {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(data) = &*self.data.borrow() {
            visit(data);
        }
    }

    fn clear(&self) {
        drop(self.data.replace(None));
    }
}

payload!(Tee, "itertools._tee", tracked);

pub(super) fn tee_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = iterator_type("_tee", false, |s| {
            s.new = Some(tee_new);
            s.next = Some(tee_next);
        });
        add_methods(&ty, "_tee", &[("__copy__", tee_copy_method)]);
        ty
    })
}

pub(super) fn tee_data_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        pyrite_object::types::typeobj::new_native_type_with("_tee_dataobject", "itertools", None, 0, |s| {
            s.new = Some(tee_data_new);
        })
    })
}

fn new_block(iter: Value) -> ObjRef {
    let data = TeeData {
        iter: PayloadCell::new(iter),
        values: PayloadCell::new(Vec::new()),
        next: PayloadCell::new(None),
        running: Cell::new(false),
    };
    ObjRef::new(data, Some(tee_data_type()))
}

fn new_tee(data: ObjRef, index: usize) -> Value {
    Value::Obj(ObjRef::new(Tee { data: PayloadCell::new(Some(data)), index: Cell::new(index) }, Some(tee_type())))
}

/// A `_tee` over an iterator (a copy of it if it is a `_tee` already).
fn tee_from_iterable(ctx: &mut Ctx, iterable: &Value) -> PyResult {
    let iter = protocol::get_iter(ctx, iterable)?;
    if let Some(copy) = copy_of(&iter) {
        return Ok(copy);
    }
    Ok(new_tee(new_block(iter), 0))
}

/// A new `_tee` at the same position as `v`, if it is one.
fn copy_of(v: &Value) -> Option<Value> {
    let tee = v.downcast::<Tee>().filter(|_| is_subtype(v.type_ref(), tee_type()))?;
    let data = tee.data.borrow().clone()?;
    Some(new_tee(data, tee.index.get()))
}

fn tee_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    super::no_keywords(ty, tee_type(), "_tee", &args)?;
    let [iterable] = positional("_tee", &args, 1, 1)? else { return Err(PyErr::new_system("_tee()")) };
    tee_from_iterable(ctx, iterable)
}

fn tee_copy_method(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__copy__", args, 0, 0)?;
    copy_of(this).ok_or_else(|| PyErr::type_error("descriptor '__copy__' requires a 'itertools._tee' object"))
}

fn tee_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(tee) = v.downcast::<Tee>() else { return Ok(None) };
    let Some(mut data) = tee.data.borrow().clone() else { return Ok(None) };
    if tee.index.get() >= BLOCK {
        data = next_block(&data);
        let old = tee.data.replace(Some(data.clone()));
        drop(old);
        tee.index.set(0);
    }
    let Some(block) = data.downcast::<TeeData>() else { return Ok(None) };
    let index = tee.index.get();
    if let Some(value) = block.values.borrow().get(index).cloned() {
        tee.index.set(index + 1);
        return Ok(Some(value));
    }
    // This copy leads: read from the shared iterator.
    if block.running.get() {
        return Err(PyErr::runtime_error("cannot re-enter the tee iterator"));
    }
    let iter = block.iter.borrow().clone();
    block.running.set(true);
    let value = next_item(ctx, &iter);
    block.running.set(false);
    let Some(value) = value? else { return Ok(None) };
    let mut values = block.values.borrow_mut();
    if values.len() == index {
        values.push(value.clone());
    }
    drop(values);
    tee.index.set(index + 1);
    Ok(Some(value))
}

/// The block after a full one, made on first use.
fn next_block(data: &ObjRef) -> ObjRef {
    let Some(block) = data.downcast::<TeeData>() else { return data.clone() };
    if let Some(next) = block.next.borrow().clone() {
        return next;
    }
    let next = new_block(block.iter.borrow().clone());
    *block.next.borrow_mut() = Some(next.clone());
    next
}

/// `_tee_dataobject(iterable, values, next)`, as pickles rebuild it.
fn tee_data_new(_: &mut Ctx, _: &ObjRef, args: Args<'_>) -> PyResult {
    super::no_keywords(tee_data_type(), tee_data_type(), "_tee_dataobject", &args)?;
    let [iter, values, next] = positional("_tee_dataobject", &args, 3, 3)? else {
        return Err(PyErr::new_system("_tee_dataobject()"));
    };
    let Some(list) = values.downcast::<PyList>() else {
        return Err(PyErr::type_error(format!("teedataobject() argument 2 must be list, not {}", values.type_name())));
    };
    let values = list.to_vec();
    let invalid = || PyErr::value_error("Invalid arguments");
    if values.len() > BLOCK {
        return Err(invalid());
    }
    let next = match next {
        Value::None => None,
        Value::Obj(o) if values.len() == BLOCK && o.type_ref().is_same(tee_data_type()) => Some(o.clone()),
        _ => return Err(invalid()),
    };
    let data = new_block(iter.clone());
    if let Some(block) = data.downcast::<TeeData>() {
        *block.values.borrow_mut() = values;
        *block.next.borrow_mut() = next;
    }
    Ok(Value::Obj(data))
}

/// `tee(iterable, n=2, /)`: `n` independent iterators over one.
pub(super) fn tee(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("itertools.tee() takes no keyword arguments"));
    }
    let values = positional("tee", &args, 1, 2)?;
    let n = match values.get(1) {
        Some(n) => ssize(ctx, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(Value::Obj(PyTuple::new_obj(Vec::new())));
    }
    let iter = protocol::get_iter(ctx, &values[0])?;
    let (first, copy) = match protocol::getattr_str(ctx, &iter, "__copy__") {
        Ok(copy) => (iter, copy),
        Err(e) if e.matches(&types().attribute_error) => {
            let first = tee_from_iterable(ctx, &iter)?;
            let copy = protocol::getattr_str(ctx, &first, "__copy__")?;
            (first, copy)
        }
        Err(e) => return Err(e),
    };
    let count = usize::try_from(n).unwrap_or(usize::MAX);
    let mut items = Vec::with_capacity(count.min(1 << 16));
    items.push(first);
    for _ in 1..count {
        items.push(protocol::call_positional(ctx, &copy, &[])?);
    }
    Ok(Value::Obj(PyTuple::new_obj(items)))
}
