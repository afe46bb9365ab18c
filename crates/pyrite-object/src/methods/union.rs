//! `types.UnionType`: what `int | str` makes (CPython's `unionobject.c`): the flattened,
//! de-duplicated `__args__`, the repr, equality and hashing as a set of types,
//! `isinstance`/`issubclass` against each member, and `|` chaining.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::{ObjRef, Trace, payload};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::method_args;
use crate::protocol;
use crate::registry::types;
use crate::types::list::PyTuple;
use crate::types::set::PySet;
use crate::types::str::PyStr;
use crate::types::typeobj::{StaticType, TypeObject, new_native_type_with, type_payload};
use crate::value::Value;

/// `a | b | ...` of types.
pub struct Union {
    /// A tuple of the member types, at least two.
    args: Value,
}

impl Trace for Union {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.args.traverse(visit);
    }
}

payload!(Union, "types.UnionType", tracked);

/// The `types.UnionType` type.
pub fn union_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("UnionType", "types", None, 0, |s| {
            s.repr = Some(union_repr);
            s.getattro = Some(union_getattro);
            s.richcompare = Some(union_compare);
            s.hash = Some(union_hash);
            s.binary = Some(type_or);
        });
        crate::methods::add_methods(
            &ty,
            "UnionType",
            &[("__instancecheck__", union_instancecheck), ("__subclasscheck__", union_subclasscheck)],
        );
        ty
    })
}

fn this(v: &Value) -> PyResult<&Union> {
    v.downcast::<Union>().ok_or_else(|| PyErr::type_error("expected a types.UnionType"))
}

fn members(v: &Value) -> Vec<Value> {
    v.downcast::<Union>().and_then(|u| u.args.downcast::<PyTuple>().map(|t| t.items().to_vec())).unwrap_or_default()
}

/// Whether `v` may be a member of a union: a type, None, a generic alias or a union.
fn unionable(v: &Value) -> bool {
    v.is_none()
        || v.as_obj().is_some_and(|o| o.is::<TypeObject>())
        || v.downcast::<crate::methods::generic_alias::GenericAlias>().is_some()
        || v.downcast::<Union>().is_some()
}

/// The binary slot of `type`, `GenericAlias` and `UnionType`: `a | b` makes a union when
/// both sides may be members (else `NotImplemented`, so a class's `__ror__` can answer).
pub fn type_or(_: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    if op != BinaryOp::Or || !unionable(a) || !unionable(b) {
        return Ok(protocol::not_implemented());
    }
    let none_type = Value::Obj(types().none_type.clone());
    let mut args: Vec<Value> = Vec::new();
    for side in [a, b] {
        let flat = if side.downcast::<Union>().is_some() { members(side) } else { vec![side.clone()] };
        for arg in flat {
            let arg = if arg.is_none() { none_type.clone() } else { arg };
            // Members are de-duplicated by identity (as CPython does for types).
            if !args.iter().any(|x| x.is(&arg)) {
                args.push(arg);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or(Value::None));
    }
    Ok(Value::Obj(ObjRef::new(Union { args: Value::Obj(PyTuple::new_obj(args)) }, Some(union_type()))))
}

fn member_repr(ctx: &mut Ctx, v: &Value) -> PyResult<String> {
    if let Some(ty) = v.as_obj().filter(|o| o.is::<TypeObject>()) {
        if ty.is_same(&types().none_type) {
            return Ok("None".to_owned());
        }
        let payload = type_payload(ty);
        let qualname = payload.qualname.borrow().to_string();
        let module = crate::types::typeobj::lookup_str(ty, "__module__");
        return Ok(match module.as_ref().and_then(Value::as_str).map(PyStr::as_str) {
            Some("builtins") | None => qualname,
            Some(module) => format!("{module}.{qualname}"),
        });
    }
    protocol::repr_string(ctx, v)
}

fn union_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let mut parts = Vec::new();
    for arg in members(v) {
        parts.push(member_repr(ctx, &arg)?);
    }
    Ok(Value::str(&parts.join(" | ")))
}

fn parameters(ctx: &mut Ctx, v: &Value) -> PyResult {
    let mut params: Vec<Value> = Vec::new();
    for arg in members(v) {
        if arg.as_obj().is_some_and(|o| o.is::<TypeObject>()) {
            continue;
        }
        // A type variable (anything with `__typing_subst__`) is a parameter itself.
        let found = if protocol::getattr(ctx, &arg, &Value::str("__typing_subst__")).is_ok() {
            vec![arg.clone()]
        } else {
            match protocol::getattr(ctx, &arg, &Value::str("__parameters__")) {
                Ok(p) => protocol::collect(ctx, &p)?,
                Err(_) => Vec::new(),
            }
        };
        for p in found {
            if !params.iter().any(|x| x.is(&p)) {
                params.push(p);
            }
        }
    }
    Ok(Value::Obj(PyTuple::new_obj(params)))
}

fn union_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    match name.as_str().map(PyStr::as_str) {
        Some("__args__") => Ok(this(v)?.args.clone()),
        Some("__parameters__") => parameters(ctx, v),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

fn as_set(ctx: &mut Ctx, v: &Value) -> PyResult<Value> {
    let set = PySet::from_values(ctx, members(v))?;
    Ok(Value::Obj(ObjRef::new(set, Some(&types().frozenset))))
}

fn union_compare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || b.downcast::<Union>().is_none() {
        return Ok(protocol::not_implemented());
    }
    let (sa, sb) = (as_set(ctx, a)?, as_set(ctx, b)?);
    protocol::rich_compare(ctx, &sa, &sb, op)
}

fn union_hash(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let set = as_set(ctx, v)?;
    protocol::hash(ctx, &set)
}

/// Checks `test` against each member in order, as `isinstance` checks a tuple; a member
/// that is not a class raises when it is reached.
fn any_member(union: &Value, function: &str, test: impl Fn(&ObjRef) -> bool) -> PyResult {
    for member in members(union) {
        let Some(ty) = member.as_obj().filter(|o| o.is::<TypeObject>()) else {
            return Err(PyErr::type_error(format!("{function} argument 2 cannot be a parameterized generic")));
        };
        if test(ty) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn union_instancecheck(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (union, rest) = method_args("__instancecheck__", args, 1, 1)?;
    let ty = rest[0].type_ref().clone();
    any_member(union, "isinstance()", |t| crate::types::typeobj::is_subtype(&ty, t))
}

fn union_subclasscheck(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (union, rest) = method_args("__subclasscheck__", args, 1, 1)?;
    let Some(sub) = rest[0].as_obj().filter(|o| o.is::<TypeObject>()) else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    any_member(union, "issubclass()", |t| crate::types::typeobj::is_subtype(sub, t))
}
