//! `getset_descriptor` and `member_descriptor` objects for the attributes builtin types
//! compute in their `getattro` slot (`function.__code__`, `function.__globals__`, ...).
//!
//! Pyrite's builtin types answer such attributes in their slot; these descriptors make the
//! names visible in the type's `__dict__` as CPython's are (`FunctionType.__code__` is a
//! `getset_descriptor`, which `types.GetSetDescriptorType` is taken from). Reading one
//! through an instance asks the owner type's `getattro` slot for the name. Member-like
//! fields share `__slots__`' `member_descriptor` type (`members.rs` dispatches to here).
//!
//! Classes defined in Python that add a `__dict__` (or weak references) to their instances
//! get `__dict__` and `__weakref__` getset descriptors too, as CPython's `subtype_getsets`:
//! reading `__dict__` makes the dict (see [`crate::attrs`]); assigning or deleting it
//! replaces the attribute storage.

use pyrite_memory::{ObjRef, Trace, payload};

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::types::function::NativeFn;
use crate::types::typeobj::{GetAttrFn, SetAttrFn, StaticType, new_native_type_with, type_name, type_payload};
use crate::value::Value;

/// Whether a descriptor shows as a `getset_descriptor` or a `member_descriptor`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A computed attribute (`__code__`, `__dict__`, `__name__`).
    GetSet,
    /// A plain field (`__globals__`, `__closure__`, `__doc__`).
    Member,
}

/// How a descriptor reaches the attribute.
#[derive(Clone, Copy)]
enum Access {
    /// Through the owner type's `getattro`/`setattro` slots.
    Slots,
    /// The instance's `__dict__` itself.
    InstanceDict,
    /// The instance's first weak reference (`__weakref__`).
    WeakrefList,
    /// A native getter of the descriptor's own, called with the instance (read-only).
    Getter(NativeFn),
    /// `object.__class__`.
    Class,
    /// A getter and (when writable) a setter of the descriptor's own.
    GetSet(Getter, Option<Setter>),
}

/// Reads a computed attribute of `obj`.
pub type Getter = fn(&mut Ctx, &Value) -> PyResult;
/// Writes (`Some`) or deletes (`None`) a computed attribute of `obj`.
pub type Setter = fn(&mut Ctx, &Value, Option<Value>) -> PyResult<()>;

/// An attribute of a builtin type answered by its `getattro`/`setattro` slots, a native
/// getter, or an instance's `__dict__` or `__weakref__`.
pub struct AttrDescriptor {
    name: &'static str,
    owner: ObjRef,
    access: Access,
}

impl Trace for AttrDescriptor {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.owner);
    }
}

payload!(AttrDescriptor, "getset_descriptor", tracked);

pub(crate) fn getset_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = make_type("getset_descriptor");
        add_descriptor_names(&ty, &ty, &ty);
        ty
    })
}

/// Gives `owner` (`getset_descriptor` or `member_descriptor`) the `__name__`,
/// `__objclass__` (made as `member_ty` descriptors) and `__qualname__` (a `getset_ty`
/// one) that describe its instances. The types are passed in because they are still being
/// made.
pub(crate) fn add_descriptor_names(owner: &ObjRef, member_ty: &ObjRef, getset_ty: &ObjRef) {
    let entries: [(&'static str, Getter, &ObjRef); 3] = [
        ("__name__", |_, v| Ok(Value::str(descriptor_parts(v)?.0.as_str())), member_ty),
        ("__objclass__", |_, v| Ok(Value::Obj(descriptor_parts(v)?.1)), member_ty),
        (
            "__qualname__",
            |_, v| {
                let (name, owner) = descriptor_parts(v)?;
                let owner_name = type_payload(&owner).qualname.borrow().to_string();
                Ok(Value::str(&format!("{owner_name}.{name}")))
            },
            getset_ty,
        ),
    ];
    for (name, get, ty) in entries {
        let access = Access::GetSet(get, None);
        let descr = ObjRef::new(AttrDescriptor { name, owner: owner.clone(), access }, Some(ty));
        crate::methods::set_type_attr(owner, name, Value::Obj(descr));
    }
}

/// The name and owner class of a getset or member descriptor.
fn descriptor_parts(v: &Value) -> PyResult<(String, ObjRef)> {
    if let Some(d) = v.downcast::<AttrDescriptor>() {
        return Ok((d.name.to_owned(), d.owner.clone()));
    }
    crate::methods::members::member_parts(v).ok_or_else(|| PyErr::type_error("expected a descriptor"))
}

fn make_type(name: &str) -> ObjRef {
    new_native_type_with(name, "builtins", None, 0, |slots| {
        slots.repr = Some(descr_repr);
        slots.descr_get = Some(descr_get);
        slots.descr_set = Some(descr_set);
    })
}

/// Puts descriptors for `names` into the dict of the builtin type `owner`.
pub fn add(owner: &ObjRef, kind: Kind, names: &[&'static str]) {
    let ty = match kind {
        Kind::GetSet => getset_type(),
        Kind::Member => crate::methods::members::member_type(),
    };
    for &name in names {
        let descr = ObjRef::new(AttrDescriptor { name, owner: owner.clone(), access: Access::Slots }, Some(ty));
        crate::methods::set_type_attr(owner, name, Value::Obj(descr));
    }
}

/// Puts read-only descriptors computed by native getters (called with the instance as the
/// only argument) into the dict of the builtin type `owner`.
pub fn add_computed(owner: &ObjRef, kind: Kind, getters: &[(&'static str, NativeFn)]) {
    let ty = match kind {
        Kind::GetSet => getset_type(),
        Kind::Member => crate::methods::members::member_type(),
    };
    for &(name, getter) in getters {
        let access = Access::Getter(getter);
        let descr = ObjRef::new(AttrDescriptor { name, owner: owner.clone(), access }, Some(ty));
        crate::methods::set_type_attr(owner, name, Value::Obj(descr));
    }
}

/// Puts descriptors with their own getter and optional setter into the dict of the
/// builtin type `owner` (a missing setter makes the attribute read-only).
pub fn add_getset(owner: &ObjRef, kind: Kind, entries: &[(&'static str, Getter, Option<Setter>)]) {
    let ty = match kind {
        Kind::GetSet => getset_type(),
        Kind::Member => crate::methods::members::member_type(),
    };
    for &(name, get, set) in entries {
        let access = Access::GetSet(get, set);
        let descr = ObjRef::new(AttrDescriptor { name, owner: owner.clone(), access }, Some(ty));
        crate::methods::set_type_attr(owner, name, Value::Obj(descr));
    }
}

/// Whether `v` is a descriptor that asks its owner's `getattro`/`setattro` slots (which
/// must then answer the name themselves rather than look the descriptor up again).
#[must_use]
pub fn answered_by_slots(v: &Value) -> bool {
    v.downcast::<AttrDescriptor>().is_some_and(|d| matches!(d.access, Access::Slots))
}

/// Puts the `__class__` getset descriptor into the dict of `object`.
pub fn add_class_descriptor(object: &ObjRef) {
    let descr = ObjRef::new(
        AttrDescriptor { name: "__class__", owner: object.clone(), access: Access::Class },
        Some(getset_type()),
    );
    crate::methods::set_type_attr(object, "__class__", Value::Obj(descr));
}

/// Puts `__dict__` (when `dict`) and `__weakref__` (when `weakref`) getset descriptors into
/// the dict of `owner`, a type whose instances gain a `__dict__` or weak references there.
pub fn add_instance_descriptors(owner: &ObjRef, dict: bool, weakref: bool) {
    let wanted = [(dict, "__dict__", Access::InstanceDict), (weakref, "__weakref__", Access::WeakrefList)];
    for (_, name, access) in wanted.into_iter().filter(|(want, _, _)| *want) {
        let descr = ObjRef::new(AttrDescriptor { name, owner: owner.clone(), access }, Some(getset_type()));
        crate::methods::set_type_attr(owner, name, Value::Obj(descr));
    }
}

fn this(v: &Value) -> PyResult<&AttrDescriptor> {
    v.downcast::<AttrDescriptor>().ok_or_else(|| PyErr::type_error("expected an attribute descriptor"))
}

pub(crate) fn descr_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let d = this(v)?;
    let what = if v.type_ref().is_same(crate::methods::members::member_type()) { "member" } else { "attribute" };
    Ok(Value::str(&format!("<{what} '{}' of '{}' objects>", d.name, type_name(&d.owner))))
}

fn check_owner(d: &AttrDescriptor, obj: &Value) -> PyResult<()> {
    if protocol::isinstance(obj, &d.owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        d.name,
        type_name(&d.owner),
        obj.type_name()
    )))
}

pub(crate) fn descr_get(ctx: &mut Ctx, v: &Value, obj: Option<&Value>, _owner: &ObjRef) -> PyResult {
    let d = this(v)?;
    let Some(obj) = obj.filter(|o| !o.is_none()) else { return Ok(v.clone()) };
    check_owner(d, obj)?;
    match d.access {
        Access::InstanceDict => {
            return obj
                .as_obj()
                .and_then(crate::attrs::dict)
                .map(Value::Obj)
                .ok_or_else(|| PyErr::attribute_error("This object has no __dict__"));
        }
        Access::WeakrefList => {
            let first = obj.as_obj().and_then(|o| pyrite_memory::weak::weakrefs_of(o).into_iter().next());
            return Ok(first.map_or(Value::None, Value::Obj));
        }
        Access::Getter(getter) => return getter(ctx, crate::ctx::Args::positional(std::slice::from_ref(obj))),
        Access::Class => return Ok(Value::Obj(obj.type_ref().clone())),
        Access::GetSet(get, _) => return get(ctx, obj),
        Access::Slots => {}
    }
    // The owner's own slot answers the name; the generic one would find this descriptor.
    match type_payload(&d.owner).slots().getattro {
        Some(get) if !std::ptr::fn_addr_eq(get, protocol::generic_getattr as GetAttrFn) => {
            get(ctx, obj, &Value::str(d.name))
        }
        _ => Err(PyErr::attribute_error(format!("'{}' object has no attribute '{}'", obj.type_name(), d.name))),
    }
}

pub(crate) fn descr_set(ctx: &mut Ctx, v: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let d = this(v)?;
    check_owner(d, obj)?;
    match d.access {
        Access::Class => return protocol::set_class(obj, value),
        Access::GetSet(_, Some(set)) => return set(ctx, obj, value),
        _ => {}
    }
    if matches!(d.access, Access::InstanceDict)
        && let Some(o) = obj.as_obj()
        && crate::attrs::set_dict(o, value.clone())?
    {
        return Ok(());
    }
    match type_payload(&d.owner).slots().setattro {
        Some(set)
            if !matches!(d.access, Access::Getter(_) | Access::GetSet(..))
                && !std::ptr::fn_addr_eq(set, protocol::generic_setattr as SetAttrFn) =>
        {
            set(ctx, obj, &Value::str(d.name), value)
        }
        _ if v.type_ref().is_same(crate::methods::members::member_type()) => {
            Err(PyErr::attribute_error("readonly attribute"))
        }
        _ => Err(PyErr::attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.name,
            type_name(&d.owner)
        ))),
    }
}
