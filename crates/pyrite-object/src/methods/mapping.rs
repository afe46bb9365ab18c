//! `dict`: item access, membership, iteration over keys, and the common methods.

use pyrite_bytecode::CompareOp;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::dict::PyDict;
use crate::types::misc::SeqIter;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.dict, |s| {
        s.repr = Some(dict_repr);
        s.richcompare = Some(dict_richcompare);
        s.len = Some(|_, v| Ok(this(v)?.len()));
        s.getitem = Some(dict_getitem);
        s.setitem = Some(dict_setitem);
        s.contains = Some(|ctx, v, key| Ok(this(v)?.get_item(ctx, key)?.is_some()));
        s.iter = Some(|_, v| {
            let len = this(v)?.len();
            Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().dict_keyiterator, len)))
        });
        s.new = Some(dict_new);
    });
    set_slots(&t.dict_keyiterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(dict_iter_next);
    });
    add_methods(&t.dict, "dict", &[("get", dict_get), ("pop", dict_pop), ("setdefault", dict_setdefault), ("copy", dict_copy), ("clear", dict_clear)]);
}

fn this(v: &Value) -> PyResult<&PyDict> {
    v.downcast::<PyDict>().ok_or_else(|| PyErr::type_error(format!("descriptor requires a 'dict' object but received a '{}'", v.type_name())))
}

fn dict_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let items = this(v)?.items();
    let mut out = String::from("{");
    for (i, (k, value)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&protocol::repr_string(ctx, k)?);
        out.push_str(": ");
        out.push_str(&protocol::repr_string(ctx, value)?);
    }
    out.push('}');
    Ok(Value::str(&out))
}

fn dict_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<PyDict>(), b.downcast::<PyDict>()) else { return Ok(not_implemented()) };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let mut equal = x.len() == y.len();
    if equal {
        for (k, v) in x.items() {
            match y.get_item(ctx, &k)? {
                Some(other) if protocol::eq(ctx, &v, &other)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    Ok(Value::Bool(equal == (op == CompareOp::Eq)))
}

fn dict_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    match this(v)?.get_item(ctx, key)? {
        Some(value) => Ok(value),
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn dict_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let dict = this(v)?;
    match value {
        Some(value) => dict.set_item(ctx, key.clone(), value),
        None => match dict.remove(ctx, key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        },
    }
}

fn dict_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(dict) = seq.as_ref().and_then(|s| s.downcast::<PyDict>()) else { return Ok(None) };
    if dict.len() != iter.expected_len.get() {
        iter.expected_len.set(usize::MAX);
        return Err(PyErr::runtime_error("dictionary changed size during iteration"));
    }
    match dict.entry_from(iter.index.get()) {
        Some((next, key, _)) => {
            iter.index.set(next);
            Ok(Some(key))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}

fn dict_new(ctx: &mut Ctx, _ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict payload"))?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(source) = pos.first() {
        if let Some(other) = source.downcast::<PyDict>() {
            for (k, v) in other.items() {
                d.set_item(ctx, k, v)?;
            }
        } else {
            for (i, item) in protocol::collect(ctx, source)?.into_iter().enumerate() {
                let pair = protocol::collect(ctx, &item).map_err(|_| {
                    PyErr::type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence"))
                })?;
                if pair.len() != 2 {
                    return Err(PyErr::value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let mut pair = pair.into_iter();
                let (Some(k), Some(v)) = (pair.next(), pair.next()) else { continue };
                d.set_item(ctx, k, v)?;
            }
        }
    }
    for (k, v) in args.keywords() {
        d.set_item(ctx, k.clone(), v.clone())?;
    }
    Ok(Value::Obj(dict))
}

fn dict_get(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, rest) = method_args("get", args, 1, 2)?;
    Ok(this(dict)?.get_item(ctx, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_pop(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, rest) = method_args("pop", args, 1, 2)?;
    match (this(dict)?.remove(ctx, &rest[0])?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(PyErr::key_error(rest[0].clone())),
    }
}

fn dict_setdefault(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, rest) = method_args("setdefault", args, 1, 2)?;
    let d = this(dict)?;
    if let Some(v) = d.get_item(ctx, &rest[0])? {
        return Ok(v);
    }
    let default = rest.get(1).cloned().unwrap_or(Value::None);
    d.set_item(ctx, rest[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_copy(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, _) = method_args("copy", args, 0, 0)?;
    let copy = PyDict::new_obj();
    if let Some(c) = copy.downcast::<PyDict>() {
        for (k, v) in this(dict)?.items() {
            c.set_item(ctx, k, v)?;
        }
    }
    Ok(Value::Obj(copy))
}

fn dict_clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, _) = method_args("clear", args, 0, 0)?;
    this(dict)?.clear_items();
    Ok(Value::None)
}
