//! `types.GenericAlias`: what `list[int]` makes (CPython's `genericaliasobject.c`, the
//! parts that matter without the `typing` module): `__origin__`, `__args__`, the repr,
//! equality, hashing and calling the origin.

use std::sync::OnceLock;

use pyrite_bytecode::CompareOp;
use pyrite_memory::{ObjRef, Trace, payload};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::registry::types;
use crate::types::descriptors::ClassMethod;
use crate::types::dict::PyDict;
use crate::types::function::BuiltinFunction;
use crate::types::list::PyTuple;
use crate::types::typeobj::{Slots, TypeObject, new_type, type_payload};
use crate::value::Value;

/// `origin[args]`.
pub struct GenericAlias {
    origin: Value,
    /// Always a tuple.
    args: Value,
}

impl Trace for GenericAlias {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.origin.traverse(visit);
        self.args.traverse(visit);
    }
}

payload!(GenericAlias, "types.GenericAlias", tracked);

struct Registry(ObjRef);
// SAFETY: an immortal type object, only touched by the GIL holder (as the type registry).
unsafe impl Sync for Registry {}
// SAFETY: as above.
unsafe impl Send for Registry {}

static TYPE: OnceLock<Registry> = OnceLock::new();

/// The `types.GenericAlias` type, made on first use.
pub fn generic_alias_type() -> &'static ObjRef {
    &TYPE
        .get_or_init(|| {
            let slots = Slots {
                repr: Some(alias_repr),
                getattro: Some(alias_getattro),
                call: Some(alias_call),
                richcompare: Some(alias_richcompare),
                hash: Some(alias_hash),
                binary: Some(crate::methods::union::type_or),
                ..Slots::default()
            };
            let ty = new_type(
                Some(&types().type_),
                "GenericAlias",
                vec![types().object.clone()],
                PyDict::new_obj(),
                slots,
                0,
            );
            if let Some(d) = type_payload(&ty).dict.downcast::<PyDict>() {
                d.set_str("__module__", Value::str("types"));
            }
            ty.make_immortal();
            Registry(ty)
        })
        .0
}

/// `GenericAlias(origin, args)`; `args` becomes a tuple when it is not one.
#[must_use]
pub fn new_generic_alias(origin: Value, args: Value) -> Value {
    let args = if args.downcast::<PyTuple>().is_some() { args } else { Value::Obj(PyTuple::new_obj(vec![args])) };
    Value::Obj(ObjRef::new(GenericAlias { origin, args }, Some(generic_alias_type())))
}

fn payload(v: &Value) -> PyResult<&GenericAlias> {
    v.downcast::<GenericAlias>().ok_or_else(|| PyErr::type_error("expected a GenericAlias"))
}

/// `__class_getitem__` of the builtin generic classes: `cls[item]` is `GenericAlias(cls, item)`.
fn class_getitem(_: &mut Ctx, args: Args<'_>) -> PyResult {
    match args.values {
        [cls, item] if args.kwnames.is_empty() => Ok(new_generic_alias(cls.clone(), item.clone())),
        _ => Err(PyErr::type_error("__class_getitem__ expects exactly one argument")),
    }
}

/// Gives `ty` CPython's `__class_getitem__ = classmethod(GenericAlias)`.
pub(crate) fn make_generic(ty: &ObjRef) {
    let func = Value::Obj(BuiltinFunction::new_obj("__class_getitem__", class_getitem));
    let cm = ObjRef::new(ClassMethod { func: pyrite_memory::PayloadCell::new(func) }, Some(&types().classmethod));
    if let Some(d) = type_payload(ty).dict.downcast::<PyDict>() {
        d.set_str("__class_getitem__", Value::Obj(cm));
    }
}

/// CPython's `ga_repr_item`.
fn repr_item(ctx: &mut Ctx, item: &Value) -> PyResult<String> {
    if item.as_obj().is_some_and(|o| o.is_same(&types().ellipsis)) {
        return Ok("...".to_owned());
    }
    if item.downcast::<GenericAlias>().is_some() {
        return protocol::repr_string(ctx, item);
    }
    if let Some(ty) = item.as_obj().filter(|o| o.is::<TypeObject>()) {
        let qualname = type_payload(ty).qualname.borrow().to_string();
        let module = protocol::getattr_str(ctx, item, "__module__")?;
        return Ok(match module.as_str().map(|m| m.as_str().to_owned()) {
            Some(m) if m == "builtins" => qualname,
            Some(m) => format!("{m}.{qualname}"),
            None => protocol::repr_string(ctx, item)?,
        });
    }
    protocol::repr_string(ctx, item)
}

fn alias_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let alias = payload(v)?;
    let (origin, args) = (alias.origin.clone(), alias.args.clone());
    let items = args.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
    let mut out = repr_item(ctx, &origin)?;
    out.push('[');
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(ctx, item)?);
    }
    out.push(']');
    Ok(Value::str(&out))
}

fn alias_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let alias = payload(v)?;
    match name.as_str().map(|s| s.as_str().to_owned()).as_deref() {
        Some("__origin__") => Ok(alias.origin.clone()),
        Some("__args__") => Ok(alias.args.clone()),
        Some("__parameters__") => Ok(Value::Obj(PyTuple::new_obj(Vec::new()))),
        Some("__class__") => Ok(Value::Obj(v.type_ref().clone())),
        // Other names come from the origin, except the special ones (CPython's
        // `attr_exceptions` are all dunders).
        Some(n) if !(n.starts_with("__") && n.ends_with("__")) => {
            let origin = alias.origin.clone();
            protocol::getattr(ctx, &origin, name)
        }
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

fn alias_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let origin = payload(v)?.origin.clone();
    protocol::call(ctx, &origin, args)
}

fn alias_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<GenericAlias>(), b.downcast::<GenericAlias>()) else {
        return Ok(Value::Obj(types().not_implemented.clone()));
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Obj(types().not_implemented.clone()));
    }
    let (xo, xa, yo, ya) = (x.origin.clone(), x.args.clone(), y.origin.clone(), y.args.clone());
    let equal = protocol::eq(ctx, &xo, &yo)? && protocol::eq(ctx, &xa, &ya)?;
    Ok(Value::Bool(equal == matches!(op, CompareOp::Eq)))
}

fn alias_hash(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let alias = payload(v)?;
    let (origin, args) = (alias.origin.clone(), alias.args.clone());
    Ok(protocol::hash(ctx, &origin)? ^ protocol::hash(ctx, &args)?)
}
