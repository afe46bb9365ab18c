//! `dict`: item access, membership, iteration over keys, and the common methods.

use pyrite_bytecode::CompareOp;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::views::{self, Kind};
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
        s.init = Some(dict_init);
    });
    set_slots(&t.dict_keyiterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(dict_iter_next);
    });
    add_methods(
        &t.dict,
        "dict",
        &[
            ("get", dict_get),
            ("pop", dict_pop),
            ("setdefault", dict_setdefault),
            ("copy", dict_copy),
            ("clear", dict_clear),
            ("keys", |_, args| Ok(views::new_view(method_args("keys", args, 0, 0)?.0.clone(), Kind::Keys))),
            ("values", |_, args| Ok(views::new_view(method_args("values", args, 0, 0)?.0.clone(), Kind::Values))),
            ("items", |_, args| Ok(views::new_view(method_args("items", args, 0, 0)?.0.clone(), Kind::Items))),
            ("update", dict_update),
            ("popitem", dict_popitem),
            ("__reversed__", |_, args| {
                Ok(views::dict_reverse_iter(method_args("__reversed__", args, 0, 0)?.0, Kind::Keys))
            }),
        ],
    );
    crate::methods::descriptors::add_class_methods(&t.dict, "dict", &[("fromkeys", dict_fromkeys)]);
    set_slots(&t.dict, |s| {
        s.binary = Some(dict_or);
        s.inplace = Some(dict_ior);
    });
}

fn this(v: &Value) -> PyResult<&PyDict> {
    v.downcast::<PyDict>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'dict' object but received a '{}'", v.type_name()))
    })
}

fn dict_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let items = this(v)?.items();
    if items.is_empty() {
        return Ok(Value::str("{}"));
    }
    protocol::repr_guarded(ctx, v, "{...}", |ctx| {
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
    })
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
        None => {
            // A dict subclass may supply missing keys.
            if !v.type_ref().is_same(&types().dict)
                && let Some(value) =
                    crate::methods::slots::call_dunder(ctx, v, "__missing__", std::slice::from_ref(key))?
            {
                return Ok(value);
            }
            Err(PyErr::key_error(key.clone()))
        }
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
    crate::methods::views::dict_iter_step(it, PyDict::key_from)
}

/// `dict.__new__`: an empty dict (of a subclass, with a `__dict__`); `__init__` fills it.
fn dict_new(_: &mut Ctx, ty: &pyrite_memory::ObjRef, _args: Args<'_>) -> PyResult {
    if ty.is_same(&types().dict) {
        return Ok(Value::Obj(PyDict::new_obj()));
    }
    Ok(Value::Obj(pyrite_memory::ObjRef::new_with_dict(PyDict::default(), Some(ty))))
}

/// `dict.__init__(mapping_or_pairs=(), **kwargs)`.
fn dict_init(ctx: &mut Ctx, this_value: &Value, args: Args<'_>) -> PyResult<()> {
    let d = this(this_value)?;
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    if let Some(source) = pos.first() {
        update_from(ctx, d, source)?;
    }
    for (k, v) in args.keywords() {
        d.set_item(ctx, k.clone(), v.clone())?;
    }
    Ok(())
}

fn dict_get(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, rest) = method_args("get", args, 1, 2)?;
    let dict = this(dict)?;
    let found = match dict.get_fast(&rest[0]) {
        Some(found) => found,
        None => dict.get_item(ctx, &rest[0])?,
    };
    Ok(found.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)))
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
    let source = this(dict)?;
    if let Some(c) = copy.downcast::<PyDict>() {
        // A copy of a non-empty dict sharing class keys shares them too (CPython's
        // `PyDict_Copy` of a split dict).
        if let Some(keys) = source.shared_keys().filter(|_| !source.is_empty()) {
            c.share_keys(keys);
        }
        for (k, v) in source.items() {
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

/// CPython's `dict_update_arg`: merges a dict, a mapping with `keys()`, or key/value pairs.
pub fn update_from(ctx: &mut Ctx, d: &PyDict, source: &Value) -> PyResult<()> {
    if let Some(other) = source.downcast::<PyDict>() {
        for (k, v) in other.items() {
            d.set_item(ctx, k, v)?;
        }
        return Ok(());
    }
    let keys_attr = match protocol::getattr_str(ctx, source, "keys") {
        Ok(attr) => Some(attr),
        Err(e) if e.matches(&types().attribute_error) => None,
        Err(e) => return Err(e),
    };
    if let Some(keys) = keys_attr {
        let keys = protocol::call_positional(ctx, &keys, &[])?;
        for k in protocol::collect(ctx, &keys)? {
            let v = protocol::getitem(ctx, source, &k)?;
            d.set_item(ctx, k, v)?;
        }
        return Ok(());
    }
    let iterator = protocol::get_iter(ctx, source)?;
    let mut i = 0usize;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        let pair = match protocol::get_iter(ctx, &item) {
            Ok(_) => protocol::collect(ctx, &item)?,
            Err(e) if e.matches(&types().type_error) => {
                return Err(PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
            d.set_item(ctx, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_update(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some((dict, rest)) = pos.split_first() else {
        return Err(PyErr::type_error("descriptor 'update' of 'dict' object needs an argument"));
    };
    if rest.len() > 1 {
        return Err(PyErr::type_error(format!("update expected at most 1 argument, got {}", rest.len())));
    }
    let d = this(dict)?;
    if let Some(source) = rest.first() {
        update_from(ctx, d, source)?;
    }
    for (k, v) in args.keywords() {
        d.set_item(ctx, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_popitem(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (dict, _) = method_args("popitem", args, 0, 0)?;
    match this(dict)?.pop_last() {
        Some((k, v)) => Ok(Value::Obj(crate::types::list::PyTuple::new_obj(vec![k, v]))),
        None => Err(PyErr::key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_fromkeys(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (cls, rest) = method_args("fromkeys", args, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let is_dict = cls.as_obj().is_some_and(|c| c.is_same(&types().dict));
    let result = if is_dict { Value::Obj(PyDict::new_obj()) } else { protocol::call_positional(ctx, cls, &[])? };
    let iterator = protocol::get_iter(ctx, &rest[0])?;
    while let Some(k) = protocol::next(ctx, &iterator)? {
        match result.downcast::<PyDict>() {
            Some(d) if is_dict => d.set_item(ctx, k, value.clone())?,
            _ => protocol::setitem(ctx, &result, &k, Some(value.clone()))?,
        }
    }
    Ok(result)
}

fn dict_or(ctx: &mut Ctx, a: &Value, b: &Value, op: pyrite_bytecode::BinaryOp) -> PyResult {
    if op != pyrite_bytecode::BinaryOp::Or {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (a.downcast::<PyDict>(), b.downcast::<PyDict>()) else { return Ok(not_implemented()) };
    let result = PyDict::new_obj();
    if let Some(r) = result.downcast::<PyDict>() {
        for (k, v) in x.items().into_iter().chain(y.items()) {
            r.set_item(ctx, k, v)?;
        }
    }
    Ok(Value::Obj(result))
}

fn dict_ior(ctx: &mut Ctx, a: &Value, b: &Value, op: pyrite_bytecode::BinaryOp) -> PyResult {
    if op != pyrite_bytecode::BinaryOp::Or {
        return Ok(not_implemented());
    }
    update_from(ctx, this(a)?, b)?;
    Ok(a.clone())
}
