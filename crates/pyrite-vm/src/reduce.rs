//! `object.__reduce_ex__`, `object.__reduce__` and `object.__getstate__`: how `copy` and
//! `pickle` take apart instances (CPython's `typeobject.c` `_common_reduce`), leaning on
//! the pure-Python `copyreg` module as CPython does; and the `__reduce__` of the builtin
//! types whose instances `__reduce_ex__` cannot rebuild from `__new__` alone (`set`,
//! `range`, `slice`, `bytearray`, builtin functions, the `Ellipsis` and `NotImplemented`
//! singletons).

use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::instance::Instance;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::typeobj::{lookup_str, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, attrs, protocol, types};

/// Adds the methods to `object`.
pub fn install() {
    add_methods(
        &types().object,
        "object",
        &[("__reduce_ex__", object_reduce_ex), ("__reduce__", object_reduce), ("__getstate__", object_getstate)],
    );
    let t = types();
    for (ty, owner) in [(&t.set, "set"), (&t.frozenset, "frozenset")] {
        add_methods(ty, owner, &[("__reduce__", set_reduce)]);
    }
    add_methods(&t.range, "range", &[("__reduce__", start_stop_step)]);
    add_methods(&t.slice, "slice", &[("__reduce__", start_stop_step)]);
    add_methods(
        &t.bytearray,
        "bytearray",
        &[
            ("__reduce__", |ctx, args| bytearray_reduce(ctx, args, "__reduce__", 0)),
            ("__reduce_ex__", |ctx, args| bytearray_reduce(ctx, args, "__reduce_ex__", 1)),
        ],
    );
    add_methods(&t.ellipsis_type, "ellipsis", &[("__reduce__", |_, _| Ok(Value::str("Ellipsis")))]);
    add_methods(
        &t.not_implemented_type,
        "NotImplementedType",
        &[("__reduce__", |_, _| Ok(Value::str("NotImplemented")))],
    );
    add_methods(&t.builtin_function, "builtin_function_or_method", &[("__reduce__", builtin_reduce)]);
}

fn triple(a: Value, b: Vec<Value>, c: Value) -> Value {
    Value::Obj(PyTuple::new_obj(vec![a, Value::Obj(PyTuple::new_obj(b)), c]))
}

/// The instance `__dict__` of an object of a builtin type's subclass, or None.
fn instance_state(this: &Value) -> Value {
    this.as_obj().filter(|o| !attrs::is_empty(o)).and_then(attrs::dict).map_or(Value::None, Value::Obj)
}

/// `set.__reduce__()`: `(type, (list(self),), state)`.
fn set_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let items = protocol::collect(ctx, this)?;
    let ty = Value::Obj(this.type_ref().clone());
    Ok(triple(ty, vec![Value::Obj(PyList::new_obj(items))], instance_state(this)))
}

/// `range.__reduce__()` and `slice.__reduce__()`: the class and its three fields.
fn start_stop_step(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let mut fields = Vec::with_capacity(3);
    for name in ["start", "stop", "step"] {
        fields.push(protocol::getattr(ctx, this, &Value::str(name))?);
    }
    let ty = Value::Obj(this.type_ref().clone());
    Ok(Value::Obj(PyTuple::new_obj(vec![ty, Value::Obj(PyTuple::new_obj(fields))])))
}

/// `bytearray.__reduce__()`/`__reduce_ex__(proto)`: before protocol 3 the bytes travel as
/// a latin-1 str (CPython's `_common_reduce`), from 3 on as bytes.
fn bytearray_reduce(ctx: &mut Ctx, args: Args<'_>, name: &str, n: usize) -> PyResult {
    let (this, rest) = method_args(name, args, 0, n)?;
    let proto = match rest.first() {
        Some(p) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            pyrite_object::methods::int::to_i64(&protocol::index(ctx, p, what)?)?
        }
        None => 0,
    };
    let data = pyrite_object::methods::bytes::buffer_bytes(this).unwrap_or_default();
    let ty = Value::Obj(this.type_ref().clone());
    let args = if data.is_empty() {
        Vec::new()
    } else if proto < 3 {
        let text: String = data.iter().map(|&b| char::from(b)).collect();
        vec![Value::str(&text), Value::str("latin-1")]
    } else {
        vec![Value::Obj(pyrite_object::types::bytes::PyBytes::new_obj(data))]
    };
    Ok(triple(ty, args, instance_state(this)))
}

/// A builtin function's `__reduce__`: its name when it belongs to a module (pickled by
/// reference), else `getattr(self, name)`.
fn builtin_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    let Some(f) = this.downcast::<pyrite_object::types::function::BuiltinFunction>() else {
        return Err(PyErr::type_error("descriptor '__reduce__' requires a 'builtin_function_or_method' object"));
    };
    match &f.bound {
        Some(owner) if owner.downcast::<pyrite_object::types::function::Module>().is_none() => {
            let builtins = crate::state::vm(ctx).builtins.clone();
            let getattr = builtins
                .downcast::<PyDict>()
                .and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str("getattr")))
                .ok_or_else(|| PyErr::runtime_error("lost builtins.getattr"))?;
            Ok(Value::Obj(PyTuple::new_obj(vec![
                getattr,
                Value::Obj(PyTuple::new_obj(vec![owner.clone(), Value::str(f.name)])),
            ])))
        }
        _ => Ok(Value::str(f.name)),
    }
}

fn copyreg(ctx: &mut Ctx) -> PyResult {
    crate::imports::import_module_level(ctx, "copyreg", None, &Value::None, 0)
}

fn object_reduce_ex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("__reduce_ex__", args, 1, 1)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let protocol_number = pyrite_object::methods::int::to_i64(&protocol::index(ctx, &rest[0], what)?)?;
    // A class that overrides `__reduce__` decides by itself.
    let reduce = lookup_str(this.type_ref(), "__reduce__");
    let object_reduce = lookup_str(&types().object, "__reduce__");
    if let (Some(reduce), Some(object_reduce)) = (&reduce, &object_reduce)
        && !reduce.is(object_reduce)
    {
        let bound = protocol::getattr(ctx, this, &Value::str("__reduce__"))?;
        return protocol::call_positional(ctx, &bound, &[]);
    }
    common_reduce(ctx, this, protocol_number)
}

fn object_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__reduce__", args, 0, 0)?;
    common_reduce(ctx, this, 0)
}

fn common_reduce(ctx: &mut Ctx, this: &Value, protocol_number: i64) -> PyResult {
    if protocol_number >= 2 {
        return reduce_newobj(ctx, this);
    }
    let copyreg = copyreg(ctx)?;
    let reduce_ex = protocol::getattr(ctx, &copyreg, &Value::str("_reduce_ex"))?;
    protocol::call_positional(ctx, &reduce_ex, &[this.clone(), Value::Int(protocol_number)])
}

/// Whether instances of the type carry data beyond a `__dict__` (a builtin base other
/// than `object`), which the default reduction cannot save.
fn has_native_state(this: &Value) -> bool {
    !this.as_obj().is_some_and(|o| o.is::<Instance>())
}

fn reduce_newobj(ctx: &mut Ctx, this: &Value) -> PyResult {
    let ty = this.type_ref().clone();
    if type_payload(&ty).slots().new.is_none() {
        return Err(PyErr::type_error(format!("cannot pickle '{}' object", this.type_name())));
    }
    let (args, kwargs) = new_args(ctx, this)?;
    let has_args = args.is_some();
    let args = args.unwrap_or_default();
    let copyreg = copyreg(ctx)?;
    let kwargs_empty = match &kwargs {
        None => true,
        Some(k) => protocol::len(ctx, k)? == 0,
    };
    let (newobj, newargs) = if kwargs_empty {
        let newobj = protocol::getattr(ctx, &copyreg, &Value::str("__newobj__"))?;
        let mut items = vec![Value::Obj(ty.clone())];
        items.extend(args);
        (newobj, Value::Obj(PyTuple::new_obj(items)))
    } else {
        let newobj = protocol::getattr(ctx, &copyreg, &Value::str("__newobj_ex__"))?;
        let items = vec![Value::Obj(ty.clone()), Value::Obj(PyTuple::new_obj(args)), kwargs.unwrap_or(Value::None)];
        (newobj, Value::Obj(PyTuple::new_obj(items)))
    };
    let is_list = this.downcast::<PyList>().is_some();
    let is_dict = this.downcast::<PyDict>().is_some();
    let required = !has_args && !is_list && !is_dict;
    let state = get_state(ctx, this, required)?;
    let list_items = if is_list { protocol::get_iter(ctx, this)? } else { Value::None };
    let dict_items = if is_dict {
        let items = protocol::getattr(ctx, this, &Value::str("items"))?;
        let items = protocol::call_positional(ctx, &items, &[])?;
        protocol::get_iter(ctx, &items)?
    } else {
        Value::None
    };
    Ok(Value::Obj(PyTuple::new_obj(vec![newobj, newargs, state, list_items, dict_items])))
}

/// `__getnewargs_ex__()` or `__getnewargs__()`, checked as CPython checks them.
fn new_args(ctx: &mut Ctx, this: &Value) -> PyResult<(Option<Vec<Value>>, Option<Value>)> {
    if let Ok(getnewargs_ex) = protocol::getattr(ctx, this, &Value::str("__getnewargs_ex__")) {
        let result = protocol::call_positional(ctx, &getnewargs_ex, &[])?;
        let Some(pair) = result.downcast::<PyTuple>().map(|t| t.items().to_vec()) else {
            return Err(PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                result.type_name()
            )));
        };
        let [args, kwargs] = pair.as_slice() else {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                pair.len()
            )));
        };
        let Some(args) = args.downcast::<PyTuple>().map(|t| t.items().to_vec()) else {
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                args.type_name()
            )));
        };
        if kwargs.downcast::<PyDict>().is_none() {
            return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                kwargs.type_name()
            )));
        }
        return Ok((Some(args), Some(kwargs.clone())));
    }
    if let Ok(getnewargs) = protocol::getattr(ctx, this, &Value::str("__getnewargs__")) {
        let result = protocol::call_positional(ctx, &getnewargs, &[])?;
        let Some(args) = result.downcast::<PyTuple>().map(|t| t.items().to_vec()) else {
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                result.type_name()
            )));
        };
        return Ok((Some(args), None));
    }
    Ok((None, None))
}

/// `obj.__getstate__()`, with CPython's check that an object with native state can be
/// reduced only when it says how.
fn get_state(ctx: &mut Ctx, this: &Value, required: bool) -> PyResult {
    let getstate = protocol::getattr(ctx, this, &Value::str("__getstate__"))?;
    let overridden = lookup_str(this.type_ref(), "__getstate__")
        .zip(lookup_str(&types().object, "__getstate__"))
        .is_some_and(|(a, b)| !a.is(&b));
    if !overridden {
        return default_state(ctx, this, required);
    }
    protocol::call_positional(ctx, &getstate, &[])
}

fn object_getstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__getstate__", args, 0, 0)?;
    default_state(ctx, this, false)
}

/// CPython 3.11's `object_getstate_default`: the `__dict__` (None when empty), paired with
/// a dict of the `__slots__` values when the class has slots.
fn default_state(ctx: &mut Ctx, this: &Value, required: bool) -> PyResult {
    let copyreg = copyreg(ctx)?;
    let slotnames_fn = protocol::getattr(ctx, &copyreg, &Value::str("_slotnames"))?;
    let slotnames = protocol::call_positional(ctx, &slotnames_fn, &[Value::Obj(this.type_ref().clone())])?;
    let slotnames = protocol::collect(ctx, &slotnames)?;
    if required && slotnames.is_empty() && has_native_state(this) {
        return Err(PyErr::type_error(format!("cannot pickle '{}' object", this.type_name())));
    }
    // An instance with attributes gets its `__dict__` made (CPython's
    // `_PyObject_IsInstanceDictEmpty`, then `PyObject_GenericGetDict`).
    let dict = this.as_obj().filter(|o| !attrs::is_empty(o)).and_then(attrs::dict);
    let mut state = dict.map_or(Value::None, Value::Obj);
    if !slotnames.is_empty() {
        let slots = PyDict::new_obj();
        if let Some(s) = slots.downcast::<PyDict>() {
            for name in slotnames {
                if let Ok(value) = protocol::getattr(ctx, this, &name) {
                    s.set_item(ctx, name, value)?;
                }
            }
        }
        if slots.downcast::<PyDict>().is_some_and(|s| !s.items().is_empty()) {
            state = Value::Obj(PyTuple::new_obj(vec![state, Value::Obj(slots)]));
        }
    }
    Ok(state)
}
