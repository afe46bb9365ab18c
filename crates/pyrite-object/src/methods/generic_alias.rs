//! `types.GenericAlias`: what `list[int]` makes (CPython's `genericaliasobject.c`, the
//! parts that matter without the `typing` module): `__origin__`, `__args__`, the repr,
//! equality, hashing and calling the origin.

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
use crate::types::typeobj::{StaticType, TYPE_BASETYPE, TypeObject, new_native_type_with, type_payload};
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

/// The `types.GenericAlias` type, made on first use.
pub fn generic_alias_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("GenericAlias", "types", None, TYPE_BASETYPE, |s| {
            s.new = Some(alias_new);
            s.repr = Some(alias_repr);
            s.getattro = Some(alias_getattro);
            s.call = Some(alias_call);
            s.richcompare = Some(alias_richcompare);
            s.hash = Some(alias_hash);
            s.getitem = Some(alias_getitem);
            s.binary = Some(crate::methods::union::type_or);
        });
        crate::methods::add_methods(&ty, "GenericAlias", &[("__mro_entries__", alias_mro_entries)]);
        ty
    })
}

/// `GenericAlias(origin, args)`, also for subclasses (`_CallableGenericAlias`).
fn alias_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    if ty.is_same(generic_alias_type()) && !args.kwnames.is_empty() {
        return Err(PyErr::type_error("GenericAlias() takes no keyword arguments"));
    }
    let [origin, items] = args.pos() else {
        return Err(PyErr::type_error(format!("GenericAlias expected 2 arguments, got {}", args.pos().len())));
    };
    let items = tuple_of(items.clone());
    let alias = GenericAlias { origin: origin.clone(), args: items };
    let heap = type_payload(ty).flags.get() & crate::types::typeobj::TYPE_HEAPTYPE != 0;
    Ok(Value::Obj(if heap { ObjRef::new_with_dict(alias, Some(ty)) } else { ObjRef::new(alias, Some(ty)) }))
}

fn tuple_of(args: Value) -> Value {
    if args.downcast::<PyTuple>().is_some() { args } else { Value::Obj(PyTuple::new_obj(vec![args])) }
}

/// Whether `v` is a type parameter (a `TypeVar`, `ParamSpec`, ...: it has
/// `__typing_subst__`).
fn is_parameter(ctx: &mut Ctx, v: &Value) -> bool {
    !v.as_obj().is_some_and(|o| o.is::<TypeObject>())
        && protocol::getattr(ctx, v, &Value::str("__typing_subst__")).is_ok()
}

/// The type parameters among `args`, in order of first appearance (CPython's
/// `_Py_make_parameters`).
fn make_parameters(ctx: &mut Ctx, args: &[Value]) -> PyResult<Vec<Value>> {
    let mut params: Vec<Value> = Vec::new();
    for arg in args {
        if arg.as_obj().is_some_and(|o| o.is::<TypeObject>()) {
            continue;
        }
        let found = if is_parameter(ctx, arg) {
            vec![arg.clone()]
        } else {
            match protocol::getattr(ctx, arg, &Value::str("__parameters__")) {
                Ok(p) if p.downcast::<PyTuple>().is_some() => protocol::collect(ctx, &p)?,
                _ => Vec::new(),
            }
        };
        for p in found {
            if !params.iter().any(|x| x.is(&p)) {
                params.push(p);
            }
        }
    }
    Ok(params)
}

fn alias_items(v: &Value) -> PyResult<Vec<Value>> {
    Ok(payload(v)?.args.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default())
}

/// `list[T][int]`: substitutes the parameters.
fn alias_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let items = alias_items(v)?;
    let params = make_parameters(ctx, &items)?;
    if params.is_empty() {
        let text = protocol::repr_string(ctx, v)?;
        return Err(PyErr::type_error(format!("{text} is not a generic class")));
    }
    let given = key.downcast::<PyTuple>().map_or_else(|| vec![key.clone()], |t| t.items().to_vec());
    if given.len() != params.len() {
        let text = protocol::repr_string(ctx, v)?;
        let many = if given.len() > params.len() { "many" } else { "few" };
        return Err(PyErr::type_error(format!(
            "Too {many} arguments for {text}; actual {}, expected {}",
            given.len(),
            params.len()
        )));
    }
    let mut substituted = Vec::with_capacity(items.len());
    for arg in &items {
        if let Some(i) = params.iter().position(|p| p.is(arg)) {
            substituted.push(given[i].clone());
            continue;
        }
        let inner = if arg.as_obj().is_some_and(|o| o.is::<TypeObject>()) {
            Vec::new()
        } else {
            match protocol::getattr(ctx, arg, &Value::str("__parameters__")) {
                Ok(p) if p.downcast::<PyTuple>().is_some() => protocol::collect(ctx, &p)?,
                _ => Vec::new(),
            }
        };
        if inner.is_empty() {
            substituted.push(arg.clone());
            continue;
        }
        let sub: Vec<Value> = inner
            .iter()
            .map(|p| params.iter().position(|q| q.is(p)).map_or_else(|| p.clone(), |i| given[i].clone()))
            .collect();
        let sub = if sub.len() == 1 { sub[0].clone() } else { Value::Obj(PyTuple::new_obj(sub)) };
        substituted.push(protocol::getitem(ctx, arg, &sub)?);
    }
    let origin = payload(v)?.origin.clone();
    let ty = v.type_ref().clone();
    let new_args = [origin, Value::Obj(PyTuple::new_obj(substituted))];
    protocol::call(ctx, &Value::Obj(ty), Args::positional(&new_args))
}

fn alias_mro_entries(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = crate::methods::method_args("__mro_entries__", args, 1, 1)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![payload(this)?.origin.clone()])))
}

/// `GenericAlias(origin, args)`; `args` becomes a tuple when it is not one.
#[must_use]
pub fn new_generic_alias(origin: Value, args: Value) -> Value {
    Value::Obj(ObjRef::new(GenericAlias { origin, args: tuple_of(args) }, Some(generic_alias_type())))
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
pub fn make_generic(ty: &ObjRef) {
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
        Some("__parameters__") => {
            let items = alias_items(v)?;
            Ok(Value::Obj(PyTuple::new_obj(make_parameters(ctx, &items)?)))
        }
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
