//! Parts of the core types' behaviour that need the VM: the `__reduce__` of the builtin
//! iterators (which names the builtin `iter`, as CPython's `_PyEval_GetBuiltin`), and
//! `bool(NotImplemented)`, which warns through the `warnings` module.

use pyrite_object::methods::{add_methods, iter_state, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::iters::{MultiIter, ReversedIter};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::misc::SeqIter;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::type_payload;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Adds the methods and slots.
pub fn install() {
    let t = types();
    for (ty, owner) in iter_state::sequence_iterators(t) {
        add_methods(ty, owner, &[("__reduce__", seq_iter_reduce)]);
    }
    add_methods(&t.range_iterator, "range_iterator", &[("__reduce__", range_iter_reduce)]);
    let longrange = pyrite_object::methods::range::longrange_iterator_type();
    add_methods(longrange, "longrange_iterator", &[("__reduce__", range_iter_reduce)]);
    for (ty, owner) in [(&t.list_reverseiterator, "list_reverseiterator"), (&t.reversed, "reversed")] {
        add_methods(ty, owner, &[("__reduce__", reversed_reduce)]);
    }
    add_methods(&t.zip, "zip", &[("__reduce__", zip_reduce)]);
    for (ty, owner) in iter_state::hashed_iterators(t) {
        add_methods(ty, owner, &[("__reduce__", hashed_iter_reduce)]);
    }
    type_payload(&t.not_implemented_type).slots.borrow_mut().bool = Some(not_implemented_bool);
    pyrite_object::methods::slots::install_wrappers(&t.not_implemented_type);
}

/// The builtin function `name` (`iter`).
fn builtin(ctx: &mut Ctx, name: &str) -> PyResult {
    crate::state::vm(ctx)
        .builtins
        .downcast::<PyDict>()
        .and_then(|d| d.get_str(&PyStr::from_str(name)))
        .ok_or_else(|| PyErr::runtime_error(format!("lost builtins.{name}")))
}

fn tuple(items: Vec<Value>) -> Value {
    Value::Obj(PyTuple::new_obj(items))
}

/// `__reduce__` of the iterators over lists, tuples, strs, bytes and bytearrays:
/// `(iter, (seq,), index)`, or `(iter, (empty,))` once exhausted.
fn seq_iter_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let iter = builtin(ctx, "iter")?;
    let it = this.downcast::<SeqIter>().ok_or_else(|| PyErr::type_error("expected a sequence iterator"))?;
    let seq = it.seq.borrow().clone();
    match seq {
        Some(seq) => Ok(tuple(vec![iter, tuple(vec![seq]), Value::from(it.index.get())])),
        None => {
            let t = types();
            let empty = if this.type_ref().is_same(&t.list_iterator) {
                Value::Obj(PyList::new_obj(Vec::new()))
            } else if this.type_ref().is_same(&t.str_iterator) {
                Value::str("")
            } else {
                tuple(Vec::new())
            };
            Ok(tuple(vec![iter, tuple(vec![empty])]))
        }
    }
}

/// `range_iterator.__reduce__()`: `(iter, (range(start, stop, step),), index)`.
fn range_iter_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let (start, stop, step, index) = pyrite_object::methods::iter_state::range_iter_state(this)
        .ok_or_else(|| PyErr::type_error("expected a range iterator"))?;
    let range = protocol::call_positional(ctx, &Value::Obj(types().range.clone()), &[start, stop, step])?;
    let iter = builtin(ctx, "iter")?;
    Ok(tuple(vec![iter, tuple(vec![range]), index]))
}

/// `__reduce__` of `reversed` and `list_reverseiterator`: `(reversed, (seq,), index)`;
/// once exhausted `(iter, ([],))` for a list and `(reversed, ((),))` otherwise.
fn reversed_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let r = this.downcast::<ReversedIter>().ok_or_else(|| PyErr::type_error("expected a reverse iterator"))?;
    let reversed = Value::Obj(types().reversed.clone());
    let seq = r.seq.borrow().clone();
    let list_iter = this.type_ref().is_same(&types().list_reverseiterator);
    match seq {
        Some(seq) => {
            let index = i64::try_from(r.remaining.get()).unwrap_or(i64::MAX) - 1;
            Ok(tuple(vec![reversed, tuple(vec![seq]), Value::Int(index)]))
        }
        None if list_iter => {
            let iter = builtin(ctx, "iter")?;
            Ok(tuple(vec![iter, tuple(vec![Value::Obj(PyList::new_obj(Vec::new()))])]))
        }
        None => Ok(tuple(vec![reversed, tuple(vec![tuple(Vec::new())])])),
    }
}

/// `__reduce__` of the dict and set iterators: `(iter, (remaining items as a list,))`,
/// read from a copy so the iterator itself does not move (CPython's `dictiter_reduce`).
fn hashed_iter_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let it = this.downcast::<SeqIter>().ok_or_else(|| PyErr::type_error("expected a dict or set iterator"))?;
    let seq = it.seq.borrow().clone();
    let remaining = match seq {
        Some(seq) => {
            let copy = SeqIter::new_obj(seq, this.type_ref(), it.expected_len.get());
            if let Some(c) = copy.downcast::<SeqIter>() {
                c.index.set(it.index.get());
                c.remaining.set(it.remaining.get());
            }
            protocol::collect(ctx, &Value::Obj(copy))?
        }
        None => Vec::new(),
    };
    let iter = builtin(ctx, "iter")?;
    Ok(tuple(vec![iter, tuple(vec![Value::Obj(PyList::new_obj(remaining))])]))
}

/// `zip.__reduce__()`: `(zip, iterators)`, with `True` as the state of a strict one.
fn zip_reduce(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let z = this.downcast::<MultiIter>().ok_or_else(|| PyErr::type_error("expected a zip object"))?;
    let iters = tuple(z.iters.borrow().clone());
    let ty = Value::Obj(this.type_ref().clone());
    if z.strict.get() {
        return Ok(tuple(vec![ty, iters, Value::Bool(true)]));
    }
    Ok(tuple(vec![ty, iters]))
}

/// `bool(NotImplemented)`: true, with CPython 3.9+'s DeprecationWarning.
fn not_implemented_bool(ctx: &mut Ctx, _: &Value) -> PyResult<bool> {
    let warnings = crate::import_module(ctx, "warnings")?;
    let warn = protocol::getattr_str(ctx, &warnings, "warn")?;
    let message = Value::str("NotImplemented should not be used in a boolean context");
    let category = Value::Obj(types().deprecation_warning.clone());
    protocol::call_positional(ctx, &warn, &[message, category])?;
    Ok(true)
}
