//! The infinite iterators: `count(start, step)`, `cycle(iterable)` and
//! `repeat(object, times)`.

use std::cell::Cell;

use pyrite_bytecode::BinaryOp;
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::typeobj::{StaticType, lookup_str};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{
    alloc, bind_clinic, int_equals, iterator_type, next_item, no_keywords, positional, short_type_name, ssize,
};

// ---------------------------------------------------------------------------------------
// count

/// `count(start, step)`: the next value and the step. Ints that fit a machine word and a
/// step of exactly 1 are CPython's "fast mode" (the start becomes a plain int); anything
/// else is added with `+` as given.
struct Count {
    state: PayloadCell<(Value, Value)>,
}

impl Trace for Count {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        state.0.traverse(visit);
        state.1.traverse(visit);
    }

    fn clear(&self) {
        drop(self.state.replace((Value::None, Value::None)));
    }
}

payload!(Count, "itertools.count", tracked);

pub(super) fn count_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("count", true, |s| {
            s.new = Some(count_new);
            s.next = Some(count_next);
            s.repr = Some(count_repr);
        })
    })
}

/// CPython's `PyNumber_Check`: ints, floats, and anything with `__index__`, `__int__`,
/// `__float__` or `__complex__`.
fn is_number(value: &Value) -> bool {
    match value {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::None => false,
        Value::Obj(o) => {
            let ty = o.type_ref();
            ["__index__", "__int__", "__float__", "__complex__"].iter().any(|name| lookup_str(ty, name).is_some())
        }
    }
}

const COUNT: Params = Params::new("count", &["start", "step"]);

fn count_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [start, step] = bind_clinic(&COUNT, args)?;
    let start = start.cloned().unwrap_or(Value::Int(0));
    let step = step.cloned().unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    let fast =
        if int_equals(&step, 1) && is_int(&start) { pyrite_object::methods::int::to_i64(&start).ok() } else { None };
    let state = match fast {
        Some(n) => (Value::Int(n), Value::Int(1)),
        None => (start, step),
    };
    Ok(alloc(ty, Count { state: PayloadCell::new(state) }))
}

/// Whether the value is an int (including bools and instances of int subclasses).
fn is_int(value: &Value) -> bool {
    pyrite_object::methods::int::as_int(value).is_some()
}

fn count_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(c) = v.downcast::<Count>() else { return Ok(None) };
    let (current, step) = c.state.borrow().clone();
    let stepped = match (&current, &step) {
        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
        _ => protocol::binary_op(ctx, &current, &step, BinaryOp::Add)?,
    };
    let old = std::mem::replace(&mut c.state.borrow_mut().0, stepped);
    drop(old);
    Ok(Some(current))
}

fn count_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let Some(c) = v.downcast::<Count>() else { return Ok(Value::str("count(?)")) };
    let (current, step) = c.state.borrow().clone();
    let name = short_type_name(v);
    let current = protocol::repr_string(ctx, &current)?;
    if int_equals(&step, 1) {
        return Ok(Value::str(&format!("{name}({current})")));
    }
    let step = protocol::repr_string(ctx, &step)?;
    Ok(Value::str(&format!("{name}({current}, {step})")))
}

// ---------------------------------------------------------------------------------------
// cycle

/// `cycle(iterable)`: the iterator until it is exhausted, the items seen, and the
/// position in them once replaying.
#[derive(Default)]
struct CycleState {
    iter: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}

struct Cycle {
    state: PayloadCell<CycleState>,
}

impl Trace for Cycle {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        super::visit_opt(state.iter.as_ref(), visit);
        for item in &state.saved {
            item.traverse(visit);
        }
    }

    fn clear(&self) {
        drop(self.state.replace(CycleState::default()));
    }
}

payload!(Cycle, "itertools.cycle", tracked);

pub(super) fn cycle_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("cycle", true, |s| {
            s.new = Some(cycle_new);
            s.next = Some(cycle_next);
        })
    })
}

fn cycle_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(ty, cycle_type(), "cycle", &args)?;
    let [iterable] = positional("cycle", &args, 1, 1)? else { return Err(PyErr::new_system("cycle()")) };
    let iter = protocol::get_iter(ctx, iterable)?;
    let state = CycleState { iter: Some(iter), saved: Vec::new(), index: 0 };
    Ok(alloc(ty, Cycle { state: PayloadCell::new(state) }))
}

fn cycle_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(c) = v.downcast::<Cycle>() else { return Ok(None) };
    let iter = c.state.borrow().iter.clone();
    if let Some(iter) = iter {
        if let Some(item) = next_item(ctx, &iter)? {
            c.state.borrow_mut().saved.push(item.clone());
            return Ok(Some(item));
        }
        let old = c.state.borrow_mut().iter.take();
        drop(old);
    }
    let mut state = c.state.borrow_mut();
    let len = state.saved.len();
    if len == 0 {
        return Ok(None);
    }
    let index = state.index.min(len - 1);
    let item = state.saved[index].clone();
    state.index = if index + 1 >= len { 0 } else { index + 1 };
    Ok(Some(item))
}

// ---------------------------------------------------------------------------------------
// repeat

/// `repeat(object, times)`: the object and how many times are left (-1: forever).
struct Repeat {
    element: PayloadCell<Value>,
    remaining: Cell<i64>,
}

impl Trace for Repeat {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.element.borrow().traverse(visit);
    }

    fn clear(&self) {
        drop(self.element.replace(Value::None));
    }
}

payload!(Repeat, "itertools.repeat", tracked);

pub(super) fn repeat_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = iterator_type("repeat", true, |s| {
            s.new = Some(repeat_new);
            s.next = Some(repeat_next);
            s.repr = Some(repeat_repr);
        });
        add_methods(&ty, "repeat", &[("__length_hint__", repeat_length_hint)]);
        ty
    })
}

const REPEAT: Params = Params::new("repeat", &["object", "times"]).required(1);

fn repeat_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [element, times] = bind_clinic(&REPEAT, args)?;
    let Some(element) = element else { return Err(PyErr::new_system("repeat()")) };
    // As CPython: a given negative count means zero times; an absent one, forever.
    let remaining = match times {
        Some(times) => ssize(ctx, times)?.max(0),
        None => -1,
    };
    Ok(alloc(ty, Repeat { element: PayloadCell::new(element.clone()), remaining: Cell::new(remaining) }))
}

fn repeat_next(_: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(r) = v.downcast::<Repeat>() else { return Ok(None) };
    match r.remaining.get() {
        0 => Ok(None),
        n => {
            if n > 0 {
                r.remaining.set(n - 1);
            }
            Ok(Some(r.element.borrow().clone()))
        }
    }
}

fn repeat_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let Some(r) = v.downcast::<Repeat>() else { return Ok(Value::str("repeat(?)")) };
    let element = r.element.borrow().clone();
    let name = short_type_name(v);
    let element = protocol::repr_string(ctx, &element)?;
    Ok(Value::str(&match r.remaining.get() {
        -1 => format!("{name}({element})"),
        n => format!("{name}({element}, {n})"),
    }))
}

fn repeat_length_hint(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("__length_hint__", args, 0, 0)?;
    let Some(r) = this.downcast::<Repeat>() else {
        return Err(PyErr::type_error("descriptor '__length_hint__' requires a 'itertools.repeat' object"));
    };
    match r.remaining.get() {
        -1 => Err(PyErr::type_error("len() of unsized object")),
        n => Ok(Value::Int(n)),
    }
}
