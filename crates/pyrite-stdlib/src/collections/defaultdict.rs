//! `collections.defaultdict`: a dict whose `__missing__` calls `default_factory`.
//!
//! Instances are dicts (the `dict` payload, so every dict operation applies) with a
//! managed `__dict__`; `default_factory` is kept in that dict, under its own name, as
//! CPython keeps it in a member slot. (So `vars(dd)` shows it, where CPython's
//! defaultdict has no `__dict__`.)

use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

const FACTORY: &str = "default_factory";

/// The `defaultdict` type.
pub fn defaultdict_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let dict = &types().dict;
        let ty = new_native_type_with("defaultdict", "collections", Some(dict), TYPE_BASETYPE, |s| {
            s.new = Some(dd_new);
            s.init = Some(dd_init);
            s.repr = Some(dd_repr);
        });
        add_methods(
            &ty,
            "defaultdict",
            &[("__missing__", dd_missing), ("copy", dd_copy), ("__copy__", dd_copy), ("__reduce__", dd_reduce)],
        );
        {
            let mut slots = type_payload(&ty).slots.borrow_mut();
            slots.getattro = Some(dd_getattro);
            slots.setattro = Some(dd_setattro);
            let dict_binary = type_payload(dict).slots().binary;
            slots.binary = dict_binary.map(|_| dd_or as pyrite_object::types::typeobj::BinaryOpFn);
        }
        pyrite_object::methods::attrdescr::add(&ty, pyrite_object::methods::attrdescr::Kind::Member, &[FACTORY]);
        ty
    })
}

/// The `default_factory` of a defaultdict (None when unset).
fn factory(v: &Value) -> Value {
    let Some(dict) = v.as_obj().and_then(|o| o.managed_dict()) else { return Value::None };
    dict.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(FACTORY))).unwrap_or(Value::None)
}

fn set_factory(v: &Value, value: Value) -> PyResult<()> {
    let obj = v.as_obj().ok_or_else(|| PyErr::type_error("expected a defaultdict"))?;
    let dict = pyrite_object::protocol::instance_dict(obj, true)
        .ok_or_else(|| PyErr::new_system("defaultdict without a managed dict"))?;
    if let Some(d) = dict.downcast::<PyDict>() {
        d.set_str(FACTORY, value);
    }
    Ok(())
}

fn dd_new(_: &mut Ctx, ty: &ObjRef, _: Args<'_>) -> PyResult {
    Ok(Value::Obj(ObjRef::new_with_dict(PyDict::default(), Some(ty))))
}

fn dd_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let pos = args.pos();
    let (factory_arg, rest) = match pos.split_first() {
        Some((first, rest)) => (first.clone(), rest),
        None => (Value::None, pos),
    };
    if !factory_arg.is_none() && !protocol::callable(&factory_arg) {
        return Err(PyErr::type_error("first argument must be callable or None"));
    }
    set_factory(v, factory_arg)?;
    let dict_init = type_payload(&types().dict).slots().init.ok_or_else(|| PyErr::new_system("dict.__init__"))?;
    let keywords_start = args.values.len() - args.kwnames.len();
    let mut values: Vec<Value> = rest.to_vec();
    values.extend_from_slice(&args.values[keywords_start..]);
    dict_init(ctx, v, Args { values: &values, kwnames: args.kwnames })
}

fn dd_missing(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("__missing__", args, 1, 1)?;
    let f = factory(v);
    if f.is_none() {
        return Err(PyErr::key_error(rest[0].clone()));
    }
    let value = protocol::call_positional(ctx, &f, &[])?;
    protocol::setitem(ctx, v, &rest[0], Some(value.clone()))?;
    Ok(value)
}

fn items_of(v: &Value) -> Vec<(Value, Value)> {
    v.downcast::<PyDict>().map(PyDict::items).unwrap_or_default()
}

fn dd_copy(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("copy", args, 0, 0)?;
    let pairs = Value::Obj(pyrite_object::types::list::PyList::new_obj(
        items_of(v).into_iter().map(|(k, val)| Value::Obj(PyTuple::new_obj(vec![k, val]))).collect(),
    ));
    protocol::call_positional(ctx, &Value::Obj(v.type_ref().clone()), &[factory(v), pairs])
}

fn dd_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    let f = factory(v);
    let ctor_args = if f.is_none() { PyTuple::new_obj(Vec::new()) } else { PyTuple::new_obj(vec![f]) };
    let items = call_method(ctx, v, "items", &[])?;
    let iterator = protocol::get_iter(ctx, &items)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![
        Value::Obj(v.type_ref().clone()),
        Value::Obj(ctor_args),
        Value::None,
        Value::None,
        iterator,
    ])))
}

fn dd_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let f = factory(v);
    let name = protocol::qualified_type_name(v.type_ref());
    let name = name.rsplit('.').next().unwrap_or(&name).to_owned();
    let factory_text = protocol::repr_guarded(ctx, &f, "...", |ctx| protocol::repr(ctx, &f))?;
    let factory_text = factory_text.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default();
    let dict_repr = type_payload(&types().dict).slots().repr.ok_or_else(|| PyErr::new_system("dict repr"))?;
    let body = dict_repr(ctx, v)?;
    let body = body.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default();
    Ok(Value::str(&format!("{name}({factory_text}, {body})")))
}

fn dd_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if name.as_str().is_some_and(|n| n.as_str() == FACTORY) {
        return Ok(factory(v));
    }
    protocol::generic_getattr(ctx, v, name)
}

fn dd_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    if name.as_str().is_some_and(|n| n.as_str() == FACTORY) {
        return set_factory(v, value.unwrap_or(Value::None));
    }
    protocol::generic_setattr(ctx, v, name, value)
}

/// `dd | other` (a copy updated by `other`) and `other | dd` (`type(dd)(factory, other)`
/// updated by `dd`).
fn dd_or(ctx: &mut Ctx, a: &Value, b: &Value, op: pyrite_bytecode::BinaryOp) -> PyResult {
    let is_dd = |v: &Value| pyrite_object::types::typeobj::is_subtype(v.type_ref(), defaultdict_type());
    if op != pyrite_bytecode::BinaryOp::Or || a.downcast::<PyDict>().is_none() || b.downcast::<PyDict>().is_none() {
        let dict_binary = type_payload(&types().dict).slots().binary.ok_or_else(|| PyErr::new_system("dict |"))?;
        return dict_binary(ctx, a, b, op);
    }
    let result = if is_dd(a) {
        call_method(ctx, a, "copy", &[])?
    } else {
        protocol::call_positional(ctx, &Value::Obj(b.type_ref().clone()), &[factory(b), a.clone()])?
    };
    call_method(ctx, &result, "update", std::slice::from_ref(b))?;
    Ok(result)
}

fn call_method(ctx: &mut Ctx, v: &Value, name: &str, args: &[Value]) -> PyResult {
    let method = protocol::getattr(ctx, v, &Value::str(name))?;
    protocol::call_positional(ctx, &method, args)
}
