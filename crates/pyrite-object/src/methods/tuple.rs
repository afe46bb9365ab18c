//! `tuple`: an immutable sequence.

use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::sequence::{checked_total, compare_sequences, index_of, normalize_index, repeat_count, repr_items};
use crate::methods::{add_methods, check_args, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::list::PyTuple;
use crate::types::misc::SeqIter;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.tuple, |s| {
        s.repr = Some(tuple_repr);
        s.hash = Some(tuple_hash);
        s.richcompare = Some(tuple_richcompare);
        s.binary = Some(tuple_binary);
        s.contains = Some(|ctx, v, item| {
            for candidate in this(v)?.items() {
                if protocol::eq(ctx, candidate, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        });
        s.len = Some(|_, v| Ok(this(v)?.len()));
        s.getitem = Some(tuple_getitem);
        s.iter = Some(|_, v| Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().tuple_iterator, 0))));
        s.new = Some(tuple_new);
    });
    set_slots(&t.tuple_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(tuple_iter_next);
    });
    add_methods(
        &t.tuple,
        "tuple",
        &[
            ("index", tuple_index),
            ("count", tuple_count),
            ("__getnewargs__", |_, args| {
                let (tuple, _) = method_args("__getnewargs__", args, 0, 0)?;
                let copy = Value::Obj(PyTuple::new_obj(this(tuple)?.items().to_vec()));
                Ok(Value::Obj(PyTuple::new_obj(vec![copy])))
            }),
        ],
    );
}

fn this(v: &Value) -> PyResult<&PyTuple> {
    v.downcast::<PyTuple>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'tuple' object but received a '{}'", v.type_name()))
    })
}

fn tuple_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let items = this(v)?.items().to_vec();
    if items.is_empty() {
        return Ok(Value::str("()"));
    }
    protocol::repr_guarded(ctx, v, "(...)", |ctx| {
        if items.len() == 1 {
            return Ok(Value::str(&format!("({},)", protocol::repr_string(ctx, &items[0])?)));
        }
        Ok(Value::str(&repr_items(ctx, &items, "(", ")")?))
    })
}

fn tuple_hash(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let items = this(v)?.items();
    // Most tuples used as keys are short: their item hashes stay on the stack.
    let mut small = [0i64; 8];
    if items.len() <= small.len() {
        for (slot, item) in small.iter_mut().zip(items) {
            *slot = protocol::hash(ctx, item)?;
        }
        return Ok(protocol::combine_tuple_hash(small[..items.len()].iter().copied()));
    }
    let mut hashes = Vec::with_capacity(items.len());
    for item in items {
        hashes.push(protocol::hash(ctx, item)?);
    }
    Ok(protocol::combine_tuple_hash(hashes.into_iter()))
}

fn tuple_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<PyTuple>(), b.downcast::<PyTuple>()) else { return Ok(not_implemented()) };
    Ok(Value::Bool(compare_sequences(ctx, x.items(), y.items(), op)?))
}

fn tuple_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => {
            let (Some(x), Some(y)) = (a.downcast::<PyTuple>(), b.downcast::<PyTuple>()) else {
                return Ok(not_implemented());
            };
            let mut items = x.items().to_vec();
            items.extend_from_slice(y.items());
            Ok(Value::Obj(PyTuple::new_obj(items)))
        }
        BinaryOp::Multiply => {
            let (tuple, n) = match (a.downcast::<PyTuple>(), b.downcast::<PyTuple>()) {
                (Some(t), None) => (t, b),
                (None, Some(t)) => (t, a),
                _ => return Ok(not_implemented()),
            };
            let Some(count) = repeat_count(ctx, n) else { return Ok(not_implemented()) };
            let count = count?;
            checked_total(tuple.len(), count)?;
            Ok(Value::Obj(PyTuple::new_obj(crate::methods::sequence::repeat_values(tuple.items(), count))))
        }
        _ => Ok(not_implemented()),
    }
}

fn tuple_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let tuple = this(v)?;
    if let Some(s) = crate::methods::slice::as_slice(key) {
        let (_, step, n) = crate::methods::slice::indices(ctx, s, tuple.len())?;
        if step == 1 && n == tuple.len() && v.type_ref().is_same(&types().tuple) {
            return Ok(v.clone());
        }
        let items = crate::methods::slice::select(ctx, s, tuple.items())?;
        return Ok(Value::Obj(PyTuple::new_obj(items)));
    }
    let Some(index) = index_of(ctx, key, "tuple")? else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    normalize_index(index, tuple.len())
        .map(|i| tuple.items()[i].clone())
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn tuple_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(tuple) = seq.as_ref().and_then(|s| s.downcast::<PyTuple>()) else { return Ok(None) };
    let i = iter.index.get();
    match tuple.items().get(i) {
        Some(item) => {
            iter.index.set(i + 1);
            Ok(Some(item.clone()))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}

fn tuple_new(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    if !ty.is_same(&types().tuple) {
        let values = check_args("tuple", args, 0, 1)?;
        let items = match values.first() {
            None => Vec::new(),
            Some(iterable) => protocol::collect(ctx, iterable)?,
        };
        return Ok(Value::Obj(PyTuple::new_subclass_obj(items, ty)));
    }
    let values = check_args("tuple", args, 0, 1)?;
    match values.first() {
        None => Ok(Value::Obj(types().empty_tuple.clone())),
        Some(v) if v.as_obj().is_some_and(|o| o.type_ref().is_same(&types().tuple)) => Ok(v.clone()),
        Some(iterable) => Ok(Value::Obj(PyTuple::new_obj(protocol::collect(ctx, iterable)?))),
    }
}

fn tuple_index(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (tuple, rest) = method_args("index", args, 1, 3)?;
    let items = this(tuple)?.items();
    let (start, stop) = crate::methods::sequence::search_bounds(ctx, rest.get(1), rest.get(2), items.len())?;
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if protocol::eq(ctx, item, &rest[0])? {
            return Ok(Value::from(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (tuple, rest) = method_args("count", args, 1, 1)?;
    let mut n = 0usize;
    for item in this(tuple)?.items() {
        if protocol::eq(ctx, item, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::from(n))
}
