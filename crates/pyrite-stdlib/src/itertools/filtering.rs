//! The iterators that pass some items through: `compress(data, selectors)`,
//! `dropwhile(predicate, iterable)`, `takewhile(predicate, iterable)`,
//! `filterfalse(function, iterable)` and `islice(iterable, [start,] stop[, step])`.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::types::typeobj::StaticType;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::{alloc, bind_clinic, iterator_type, next_item, no_keywords, positional, ssize};

/// An iterator driven by two references: a function and an iterator (`dropwhile`,
/// `takewhile`, `filterfalse`, `starmap`) or two iterators (`compress`), and a flag
/// (`dropwhile`: dropping is over; `takewhile`: stopped).
pub(super) struct Pair {
    pub(super) first: PayloadCell<Value>,
    pub(super) second: PayloadCell<Value>,
    pub(super) flag: Cell<bool>,
}

impl Pair {
    pub(super) fn new(first: Value, second: Value) -> Pair {
        Pair { first: PayloadCell::new(first), second: PayloadCell::new(second), flag: Cell::new(false) }
    }

    /// Both references.
    pub(super) fn get(&self) -> (Value, Value) {
        (self.first.borrow().clone(), self.second.borrow().clone())
    }
}

impl Trace for Pair {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.first.borrow().traverse(visit);
        self.second.borrow().traverse(visit);
    }

    fn clear(&self) {
        drop(self.first.replace(Value::None));
        drop(self.second.replace(Value::None));
    }
}

payload!(Pair, "itertools iterator", tracked);

/// `(function, iterable, /)` of dropwhile, takewhile, filterfalse and starmap: the
/// function and the iterable's iterator.
pub(super) fn function_and_iterator(
    ctx: &mut Ctx,
    ty: &ObjRef,
    base: &ObjRef,
    name: &str,
    args: &Args<'_>,
) -> PyResult<Pair> {
    no_keywords(ty, base, name, args)?;
    let [func, iterable] = positional(name, args, 2, 2)? else { return Err(PyErr::new_system(name)) };
    let iter = protocol::get_iter(ctx, iterable)?;
    Ok(Pair::new(func.clone(), iter))
}

/// The truth of `func(item)`.
fn predicate(ctx: &mut Ctx, func: &Value, item: &Value) -> PyResult<bool> {
    let result = protocol::call_positional(ctx, func, std::slice::from_ref(item))?;
    protocol::truthy(ctx, &result)
}

// ---------------------------------------------------------------------------------------
// compress

pub(super) fn compress_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("compress", true, |s| {
            s.new = Some(compress_new);
            s.next = Some(compress_next);
        })
    })
}

const COMPRESS: Params = Params::new("compress", &["data", "selectors"]).required(2);

fn compress_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [Some(data), Some(selectors)] = bind_clinic(&COMPRESS, args)? else {
        return Err(PyErr::new_system("compress()"));
    };
    let data = protocol::get_iter(ctx, data)?;
    let selectors = protocol::get_iter(ctx, selectors)?;
    Ok(alloc(ty, Pair::new(data, selectors)))
}

fn compress_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Pair>() else { return Ok(None) };
    let (data, selectors) = p.get();
    loop {
        let Some(datum) = next_item(ctx, &data)? else { return Ok(None) };
        let Some(selector) = next_item(ctx, &selectors)? else { return Ok(None) };
        if protocol::truthy(ctx, &selector)? {
            return Ok(Some(datum));
        }
    }
}

// ---------------------------------------------------------------------------------------
// dropwhile, takewhile, filterfalse

pub(super) fn dropwhile_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("dropwhile", true, |s| {
            s.new = Some(|ctx, ty, args| {
                Ok(alloc(ty, function_and_iterator(ctx, ty, dropwhile_type(), "dropwhile", &args)?))
            });
            s.next = Some(dropwhile_next);
        })
    })
}

fn dropwhile_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Pair>() else { return Ok(None) };
    let (func, iter) = p.get();
    loop {
        let Some(item) = next_item(ctx, &iter)? else { return Ok(None) };
        if p.flag.get() {
            return Ok(Some(item));
        }
        if !predicate(ctx, &func, &item)? {
            p.flag.set(true);
            return Ok(Some(item));
        }
    }
}

pub(super) fn takewhile_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("takewhile", true, |s| {
            s.new = Some(|ctx, ty, args| {
                Ok(alloc(ty, function_and_iterator(ctx, ty, takewhile_type(), "takewhile", &args)?))
            });
            s.next = Some(takewhile_next);
        })
    })
}

fn takewhile_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Pair>() else { return Ok(None) };
    if p.flag.get() {
        return Ok(None);
    }
    let (func, iter) = p.get();
    let Some(item) = next_item(ctx, &iter)? else { return Ok(None) };
    if predicate(ctx, &func, &item)? {
        return Ok(Some(item));
    }
    p.flag.set(true);
    Ok(None)
}

pub(super) fn filterfalse_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("filterfalse", true, |s| {
            s.new = Some(|ctx, ty, args| {
                Ok(alloc(ty, function_and_iterator(ctx, ty, filterfalse_type(), "filterfalse", &args)?))
            });
            s.next = Some(filterfalse_next);
        })
    })
}

fn filterfalse_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Pair>() else { return Ok(None) };
    let (func, iter) = p.get();
    let plain = func.is_none() || func.is(&Value::Obj(types().bool.clone()));
    loop {
        let Some(item) = next_item(ctx, &iter)? else { return Ok(None) };
        let keep = if plain { protocol::truthy(ctx, &item)? } else { predicate(ctx, &func, &item)? };
        if !keep {
            return Ok(Some(item));
        }
    }
}

// ---------------------------------------------------------------------------------------
// islice

/// `islice(iterable, start, stop, step)`: the iterator (`None` once exhausted), the index
/// of the next item to return, the stop (-1: none), the step, and how many items have
/// been read.
struct Islice {
    iter: PayloadCell<Option<Value>>,
    next: Cell<i64>,
    stop: i64,
    step: i64,
    count: Cell<i64>,
}

impl Trace for Islice {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        super::visit_opt(self.iter.borrow().as_ref(), visit);
    }

    fn clear(&self) {
        drop(self.iter.replace(None));
    }
}

payload!(Islice, "itertools.islice", tracked);

pub(super) fn islice_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("islice", true, |s| {
            s.new = Some(islice_new);
            s.next = Some(islice_next);
        })
    })
}

const STOP_MESSAGE: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDICES_MESSAGE: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An index argument as CPython reads it: -1 for anything that is not an integer in the
/// machine range (the error is dropped, and the caller reports its own).
fn islice_index(ctx: &mut Ctx, value: &Value) -> i64 {
    ssize(ctx, value).unwrap_or(-1)
}

fn islice_stop(ctx: &mut Ctx, value: &Value) -> PyResult<i64> {
    if value.is_none() {
        return Ok(-1);
    }
    match islice_index(ctx, value) {
        -1 => Err(PyErr::value_error(STOP_MESSAGE)),
        stop => Ok(stop),
    }
}

fn islice_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(ty, islice_type(), "islice", &args)?;
    let values = positional("islice", &args, 2, 4)?;
    let (start, stop) = if let [_, stop] = values {
        (0, islice_stop(ctx, stop)?)
    } else {
        let start = if values[1].is_none() { 0 } else { islice_index(ctx, &values[1]) };
        (start, islice_stop(ctx, &values[2])?)
    };
    if start < 0 || stop < -1 {
        return Err(PyErr::value_error(INDICES_MESSAGE));
    }
    let step = match values.get(3) {
        Some(step) if !step.is_none() => islice_index(ctx, step),
        _ => 1,
    };
    if step < 1 {
        return Err(PyErr::value_error("Step for islice() must be a positive integer or None."));
    }
    let iter = protocol::get_iter(ctx, &values[0])?;
    Ok(alloc(
        ty,
        Islice { iter: PayloadCell::new(Some(iter)), next: Cell::new(start), stop, step, count: Cell::new(0) },
    ))
}

fn islice_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(s) = v.downcast::<Islice>() else { return Ok(None) };
    let result = islice_advance(ctx, s);
    // As CPython: running out, or an error from the iterator, ends the slice for good.
    if !matches!(result, Ok(Some(_))) {
        drop(s.iter.replace(None));
    }
    result
}

fn islice_advance(ctx: &mut Ctx, s: &Islice) -> PyResult<Option<Value>> {
    let Some(iter) = s.iter.borrow().clone() else { return Ok(None) };
    while s.count.get() < s.next.get() {
        if next_item(ctx, &iter)?.is_none() {
            return Ok(None);
        }
        s.count.set(s.count.get() + 1);
    }
    if s.stop != -1 && s.count.get() >= s.stop {
        return Ok(None);
    }
    let Some(item) = next_item(ctx, &iter)? else { return Ok(None) };
    s.count.set(s.count.get() + 1);
    let next = s.next.get().checked_add(s.step);
    s.next.set(match next {
        Some(n) if s.stop == -1 || n <= s.stop => n,
        _ => s.stop,
    });
    Ok(Some(item))
}
