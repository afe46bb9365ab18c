//! `types.SimpleNamespace`: the type of `sys.implementation`, from which CPython's
//! `types.py` takes it.

use pyrite_bytecode::CompareOp;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::instance::Instance;
use pyrite_object::types::typeobj::{self, StaticType, TYPE_BASETYPE};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

/// The `types.SimpleNamespace` type.
pub fn namespace_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = typeobj::new_native_type_with("SimpleNamespace", "types", None, TYPE_BASETYPE, |slots| {
            slots.new = Some(namespace_new);
            slots.init = Some(namespace_init);
            slots.repr = Some(namespace_repr);
            slots.richcompare = Some(namespace_compare);
        });
        pyrite_object::methods::attrdescr::add_instance_descriptors(&ty, true, false);
        ty
    })
}

/// A namespace with the given attributes.
pub fn new_namespace(attrs: &[(&str, Value)]) -> ObjRef {
    let obj = ObjRef::new(Instance::default(), Some(namespace_type()));
    if let Some(d) = protocol::instance_dict(&obj, true).as_ref().and_then(|d| d.downcast::<PyDict>()) {
        for (name, value) in attrs {
            d.set_str(name, value.clone());
        }
    }
    obj
}

fn namespace_new(_: &mut Ctx, ty: &ObjRef, _: Args<'_>) -> PyResult {
    Ok(Value::Obj(ObjRef::new(Instance::default(), Some(ty))))
}

fn namespace_init(ctx: &mut Ctx, this: &Value, args: Args<'_>) -> PyResult<()> {
    if !args.pos().is_empty() {
        return Err(PyErr::type_error("no positional arguments expected"));
    }
    for (name, value) in args.keywords() {
        protocol::setattr(ctx, this, name, Some(value.clone()))?;
    }
    Ok(())
}

fn dict_of(value: &Value) -> Option<ObjRef> {
    value.as_obj().and_then(|o| protocol::instance_dict(o, true))
}

fn namespace_repr(ctx: &mut Ctx, this: &Value) -> PyResult {
    let ty = this.type_ref();
    let name = if ty.is_same(namespace_type()) { "namespace".to_owned() } else { typeobj::type_name(ty) };
    let placeholder = format!("{name}(...)");
    protocol::repr_guarded(ctx, this, &placeholder, |ctx| {
        let mut text = format!("{name}(");
        if let Some(dict) = dict_of(this) {
            let items = dict.downcast::<PyDict>().map(PyDict::items).unwrap_or_default();
            let mut first = true;
            for (key, value) in items {
                let Some(key) = key.as_str().map(|k| k.as_str().to_owned()) else { continue };
                if !first {
                    text.push_str(", ");
                }
                first = false;
                text.push_str(&key);
                text.push('=');
                text.push_str(&protocol::repr_string(ctx, &value)?);
            }
        }
        text.push(')');
        Ok(Value::str(&text))
    })
}

fn namespace_compare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let is_namespace = |v: &Value| typeobj::is_subtype(v.type_ref(), namespace_type());
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !is_namespace(a) || !is_namespace(b) {
        return Ok(protocol::not_implemented());
    }
    let (Some(da), Some(db)) = (dict_of(a), dict_of(b)) else { return Ok(protocol::not_implemented()) };
    protocol::rich_compare(ctx, &Value::Obj(da), &Value::Obj(db), op)
}
