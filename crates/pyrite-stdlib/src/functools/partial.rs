//! `functools.partial`: a callable with some arguments fixed. Partials of partials are
//! flattened (unless the inner one has instance attributes), `func`, `args` and
//! `keywords` are read-only, instances have a `__dict__`, and `__reduce__`/`__setstate__`
//! pickle them, as CPython 3.11's C type.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// A partial object.
pub(super) struct Partial {
    func: PayloadCell<Value>,
    /// The fixed positional arguments (an exact tuple).
    args: PayloadCell<Value>,
    /// The fixed keyword arguments (an exact dict, shared with `.keywords`).
    keywords: PayloadCell<ObjRef>,
}

impl Trace for Partial {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.func.borrow().traverse(visit);
        self.args.borrow().traverse(visit);
        visit(&self.keywords.borrow());
    }

    fn clear(&self) {
        drop(self.func.replace(Value::None));
        drop(self.args.replace(Value::None));
        drop(self.keywords.replace(PyDict::new_obj()));
    }
}

payload!(Partial, "functools.partial", tracked);

pub(super) fn partial_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("partial", "functools", None, TYPE_BASETYPE, |s| {
            s.new = Some(partial_new);
            s.call = Some(partial_call);
            s.repr = Some(partial_repr);
            s.getattro = Some(partial_getattro);
            s.setattro = Some(partial_setattro);
        });
        add_methods(&ty, "partial", &[("__reduce__", partial_reduce), ("__setstate__", partial_setstate)]);
        attrdescr::add(&ty, Kind::Member, &["func", "args", "keywords"]);
        attrdescr::add(&ty, Kind::GetSet, &["__dict__"]);
        pyrite_object::methods::generic_alias::make_generic(&ty);
        if let Some(d) = type_payload(&ty).dict.downcast::<PyDict>() {
            d.set_str(
                "__doc__",
                Value::str(
                    "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n",
                ),
            );
        }
        ty
    })
}

fn this(v: &Value) -> PyResult<&Partial> {
    v.downcast::<Partial>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'functools.partial' object but received '{}'", v.type_name()))
    })
}

fn tuple_items(v: &Value) -> Vec<Value> {
    v.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default()
}

fn dict_items(d: &ObjRef) -> Vec<(Value, Value)> {
    d.downcast::<PyDict>().map(PyDict::items).unwrap_or_default()
}

/// Whether an object's instance `__dict__` exists (CPython's `pto->dict != NULL`).
fn has_dict(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| protocol::instance_dict(o, false).is_some())
}

fn partial_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let positional = args.pos();
    let Some(first) = positional.first() else {
        return Err(PyErr::type_error("type 'partial' takes at least one argument"));
    };
    let mut func = first.clone();
    let mut fixed = Vec::new();
    let keywords = PyDict::new_obj();
    let kw = keywords.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("partial keywords"))?;
    // A partial of a partial (called through this type's call) is flattened.
    let calls_partial = type_payload(func.type_ref())
        .slots()
        .call
        .is_some_and(|c| std::ptr::fn_addr_eq(c, partial_call as pyrite_object::types::typeobj::CallFn));
    if calls_partial
        && !has_dict(&func)
        && let Some(inner) = func.downcast::<Partial>()
    {
        fixed = tuple_items(&inner.args.borrow());
        let inner_keywords = inner.keywords.borrow().clone();
        let inner_func = inner.func.borrow().clone();
        for (k, v) in dict_items(&inner_keywords) {
            kw.set_item(ctx, k, v)?;
        }
        func = inner_func;
    }
    if !protocol::callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    fixed.extend_from_slice(&positional[1..]);
    for (k, v) in args.keywords() {
        kw.set_item(ctx, k.clone(), v.clone())?;
    }
    let payload = Partial {
        func: PayloadCell::new(func),
        args: PayloadCell::new(Value::Obj(PyTuple::new_obj(fixed))),
        keywords: PayloadCell::new(keywords.clone()),
    };
    Ok(Value::Obj(ObjRef::new_with_dict(payload, Some(ty))))
}

pub(super) fn partial_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let p = this(v)?;
    let func = p.func.borrow().clone();
    let mut values = tuple_items(&p.args.borrow());
    values.extend_from_slice(args.pos());
    let keywords = p.keywords.borrow().clone();
    let fixed = dict_items(&keywords);
    if fixed.is_empty() {
        values.extend(args.keywords().map(|(_, v)| v.clone()));
        return protocol::call(ctx, &func, Args { values: &values, kwnames: args.kwnames });
    }
    // The fixed keywords, overridden by (or followed by) the call's.
    let merged = PyDict::new_obj();
    let d = merged.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("partial call"))?;
    for (k, value) in fixed {
        d.set_item(ctx, k, value)?;
    }
    for (k, value) in args.keywords() {
        d.set_item(ctx, k.clone(), value.clone())?;
    }
    let mut names = Vec::new();
    for (k, value) in d.items() {
        names.push(k);
        values.push(value);
    }
    protocol::call(ctx, &func, Args { values: &values, kwnames: &names })
}

fn partial_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    protocol::repr_guarded(ctx, v, "...", |ctx| {
        let p = this(v)?;
        let func = p.func.borrow().clone();
        let fixed = tuple_items(&p.args.borrow());
        let keywords = p.keywords.borrow().clone();
        let mut text = format!("{}({}", v.type_name(), protocol::repr_string(ctx, &func)?);
        for arg in &fixed {
            text.push_str(", ");
            text.push_str(&protocol::repr_string(ctx, arg)?);
        }
        for (k, value) in dict_items(&keywords) {
            let key = protocol::str_string(ctx, &k)?;
            text.push_str(&format!(", {key}={}", protocol::repr_string(ctx, &value)?));
        }
        text.push(')');
        Ok(Value::str(&text))
    })
}

fn partial_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(p) = v.downcast::<Partial>() {
        match name.as_str().map(|n| n.as_str()) {
            Some("func") => return Ok(p.func.borrow().clone()),
            Some("args") => return Ok(p.args.borrow().clone()),
            Some("keywords") => return Ok(Value::Obj(p.keywords.borrow().clone())),
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

fn partial_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    match name.as_str().map(|n| n.as_str()) {
        Some("func" | "args" | "keywords") => Err(PyErr::attribute_error("readonly attribute")),
        Some("__dict__") => {
            let Some(value) = value else { return Err(PyErr::type_error("cannot delete __dict__")) };
            if !protocol::isinstance(&value, &types().dict) {
                return Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    value.type_name()
                )));
            }
            if let (Some(obj), Value::Obj(dict)) = (v.as_obj(), value) {
                drop(obj.set_managed_dict(Some(dict)));
            }
            Ok(())
        }
        _ => protocol::generic_setattr(ctx, v, name, value),
    }
}

fn tuple(items: Vec<Value>) -> Value {
    Value::Obj(PyTuple::new_obj(items))
}

/// `(type(self), (func,), (func, args, keywords, __dict__ or None))`.
fn partial_reduce(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    let p = this(v)?;
    let func = p.func.borrow().clone();
    let dict = v.as_obj().and_then(|o| protocol::instance_dict(o, false)).map_or(Value::None, Value::Obj);
    let state = tuple(vec![func.clone(), p.args.borrow().clone(), Value::Obj(p.keywords.borrow().clone()), dict]);
    Ok(tuple(vec![Value::Obj(v.type_ref().clone()), tuple(vec![func]), state]))
}

fn partial_setstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("__setstate__", args, 1, 1)?;
    let invalid = || PyErr::type_error("invalid partial state");
    let Some(state) = rest[0].downcast::<PyTuple>().map(|t| t.items().to_vec()) else { return Err(invalid()) };
    let [func, fixed, keywords, dict] = state.as_slice() else { return Err(invalid()) };
    let t = types();
    if !protocol::callable(func)
        || !protocol::isinstance(fixed, &t.tuple)
        || (!keywords.is_none() && !protocol::isinstance(keywords, &t.dict))
    {
        return Err(invalid());
    }
    let fixed = if fixed.type_ref().is_same(&t.tuple) { fixed.clone() } else { tuple(tuple_items(fixed)) };
    let keywords = match keywords {
        Value::Obj(d) if d.type_ref().is_same(&t.dict) => d.clone(),
        Value::Obj(d) => {
            let copy = PyDict::new_obj();
            if let Some(c) = copy.downcast::<PyDict>() {
                for (k, value) in dict_items(d) {
                    c.set_item(ctx, k, value)?;
                }
            }
            copy
        }
        _ => PyDict::new_obj(),
    };
    let p = this(v)?;
    drop(p.func.replace(func.clone()));
    drop(p.args.replace(fixed));
    drop(p.keywords.replace(keywords));
    if let Some(obj) = v.as_obj() {
        let new_dict = match dict {
            Value::Obj(d) if d.is::<PyDict>() => Some(d.clone()),
            _ => None,
        };
        drop(obj.set_managed_dict(new_dict));
    }
    Ok(Value::None)
}
