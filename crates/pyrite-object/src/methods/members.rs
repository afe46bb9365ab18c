//! `__slots__`: the `member_descriptor` objects a class with `__slots__` gets, one per
//! name, storing the values in the instance (CPython's `PyMemberDescr`).

use pyrite_memory::{ObjRef, Trace, payload};

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::instance::Instance;
use crate::types::str::PyStr;
use crate::types::typeobj::{Slots, StaticType, new_type, type_name, type_payload};
use crate::value::Value;

/// One `__slots__` name of `owner`.
pub struct Member {
    name: Value,
    owner: ObjRef,
}

impl Trace for Member {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.name.traverse(visit);
        visit(&self.owner);
    }
}

payload!(Member, "member_descriptor", tracked);

/// The `member_descriptor` type: `__slots__` members, and the plain fields of builtin types
/// (`function.__globals__`, see `attrdescr`).
pub(crate) fn member_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let slots = Slots {
            repr: Some(member_repr),
            descr_get: Some(member_get),
            descr_set: Some(member_set),
            ..Slots::default()
        };
        let ty = new_type(
            Some(&types().type_),
            "member_descriptor",
            vec![types().object.clone()],
            PyDict::new_obj(),
            slots,
            0,
        );
        ty.make_immortal();
        crate::methods::slots::install_wrappers(&ty);
        crate::types::typeobj::inherit_slots(&ty);
        crate::methods::attrdescr::add_descriptor_names(&ty, &ty, crate::methods::attrdescr::getset_type());
        ty
    })
}

/// The name and owner class of a `__slots__` member descriptor.
pub(crate) fn member_parts(v: &Value) -> Option<(String, ObjRef)> {
    let m = v.downcast::<Member>()?;
    let name = m.name.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default();
    Some((name, m.owner.clone()))
}

/// A member descriptor for slot `name` of class `owner`.
#[must_use]
pub fn new_member(owner: &ObjRef, name: Value) -> Value {
    Value::Obj(ObjRef::new(Member { name, owner: owner.clone() }, Some(member_type())))
}

fn member(v: &Value) -> PyResult<&Member> {
    v.downcast::<Member>().ok_or_else(|| PyErr::type_error("expected a member_descriptor"))
}

fn member_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    if v.downcast::<crate::methods::attrdescr::AttrDescriptor>().is_some() {
        return crate::methods::attrdescr::descr_repr(ctx, v);
    }
    let m = member(v)?;
    let name = m.name.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default();
    Ok(Value::str(&format!("<member '{name}' of '{}' objects>", type_name(&m.owner))))
}

/// The dict holding the slot values of an instance of a builtin type's subclass: its
/// managed dict. (Instances of plain classes keep them in the object, see
/// [`Instance::slot`].)
fn storage(obj: &ObjRef, create: bool) -> Option<ObjRef> {
    if obj.has_managed_dict() {
        if let Some(d) = obj.managed_dict() {
            return Some(d);
        }
        if create {
            let d = PyDict::new_obj();
            drop(obj.set_managed_dict(Some(d.clone())));
            return Some(d);
        }
    }
    None
}

fn check_owner(m: &Member, obj: &Value) -> PyResult<()> {
    if protocol::isinstance(obj, &m.owner) {
        return Ok(());
    }
    let name = m.name.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default();
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
        type_name(&m.owner),
        obj.type_name()
    )))
}

fn no_attribute(m: &Member, obj: &Value) -> PyErr {
    let name = m.name.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default();
    PyErr::attribute_error(format!("'{}' object has no attribute '{name}'", obj.type_name()))
}

fn member_get(ctx: &mut Ctx, v: &Value, obj: Option<&Value>, owner: &ObjRef) -> PyResult {
    if v.downcast::<crate::methods::attrdescr::AttrDescriptor>().is_some() {
        return crate::methods::attrdescr::descr_get(ctx, v, obj, owner);
    }
    let Some(obj) = obj else { return Ok(v.clone()) };
    let m = member(v)?;
    check_owner(m, obj)?;
    let key = m.name.as_str().ok_or_else(|| PyErr::new_system("member name"))?;
    let found = match obj.as_obj() {
        Some(o) => match o.downcast::<Instance>() {
            Some(instance) => instance.slot(key),
            None => storage(o, false).and_then(|d| d.downcast::<PyDict>().and_then(|d| d.get_str(key))),
        },
        None => None,
    };
    found.ok_or_else(|| no_attribute(m, obj))
}

fn member_set(ctx: &mut Ctx, v: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    if v.downcast::<crate::methods::attrdescr::AttrDescriptor>().is_some() {
        return crate::methods::attrdescr::descr_set(ctx, v, obj, value);
    }
    let m = member(v)?;
    check_owner(m, obj)?;
    // Deleting a member that is not set raises AttributeError(name), as CPython's
    // `PyMember_SetOne`.
    let unset = || PyErr::attribute_error(m.name.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default());
    if let Some(instance) = obj.downcast::<Instance>() {
        let Value::Obj(name) = &m.name else { return Err(PyErr::new_system("member name")) };
        let deleting = value.is_none();
        let old = instance.replace_slot(name, value);
        let found = old.is_some();
        drop(old);
        return if deleting && !found { Err(unset()) } else { Ok(()) };
    }
    let dict = obj.as_obj().and_then(|o| storage(o, true)).ok_or_else(|| no_attribute(m, obj))?;
    let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("slot storage"))?;
    let name = m.name.clone();
    match value {
        Some(value) => d.set_item(ctx, name, value),
        None => match d.remove(ctx, &name)? {
            Some(_) => Ok(()),
            None => Err(unset()),
        },
    }
}

/// What a class's `__slots__` asked for.
#[derive(Clone, Copy)]
pub struct SlotsDecl {
    /// Whether the class defines `__slots__` at all.
    pub present: bool,
    /// Whether `"__dict__"` is listed.
    pub dict: bool,
    /// Whether `"__weakref__"` is listed.
    pub weakref: bool,
}

/// Reads a class's `__slots__` (a string or an iterable of strings): adds a member for each
/// name (but `__dict__` and `__weakref__`) and marks instances as having no `__dict__` unless
/// a base has one or `"__dict__"` is listed.
pub fn install_slots(ctx: &mut Ctx, ty: &ObjRef, bases: &[ObjRef]) -> PyResult<SlotsDecl> {
    let mut decl = SlotsDecl { present: false, dict: false, weakref: false };
    let dict = type_payload(ty).dict.clone();
    let Some(d) = dict.downcast::<PyDict>() else { return Ok(decl) };
    let Some(slots) = d.get_str(&PyStr::from_str("__slots__")) else { return Ok(decl) };
    decl.present = true;
    let names = if slots.as_str().is_some() { vec![slots] } else { protocol::collect(ctx, &slots)? };
    let mut wants_dict = false;
    let mut members = Vec::new();
    // Conflicts are judged against the class body's names only: a name listed twice (as
    // `datetime.__slots__ = date.__slots__ + time.__slots__` does) is one member.
    for name in names {
        let Some(s) = name.as_str() else {
            return Err(PyErr::type_error(format!("__slots__ items must be strings, not '{}'", name.type_name())));
        };
        match s.as_str() {
            "__dict__" => wants_dict = true,
            "__weakref__" => decl.weakref = true,
            text => {
                if d.get_str(s).is_some() {
                    return Err(PyErr::value_error(format!("'{text}' in __slots__ conflicts with class variable")));
                }
                members.push(name.clone());
            }
        }
    }
    for name in members {
        d.set_item(ctx, name.clone(), new_member(ty, name))?;
    }
    let object = &types().object;
    let bases_without_dict = bases
        .iter()
        .all(|b| b.is_same(object) || type_payload(b).flags.get() & crate::types::typeobj::TYPE_NO_DICT != 0);
    if !wants_dict && bases_without_dict {
        let payload = type_payload(ty);
        payload.flags.set(payload.flags.get() | crate::types::typeobj::TYPE_NO_DICT);
    }
    decl.dict = wants_dict;
    Ok(decl)
}
