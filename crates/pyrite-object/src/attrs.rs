//! An object's own attributes (its `__dict__`), behind one small API for every kind of
//! object that has them: instances of plain classes (attributes inline against the class's
//! shared keys until a dict is asked for, see `types::instance`), instances of classes
//! derived from builtin types (a managed dict slot in front of the object), functions,
//! exceptions and modules (a dict field).
//!
//! Reading and writing attributes never makes a dict where CPython 3.11 would not: only
//! [`dict`] (`obj.__dict__`, `vars()`, `dir()`, pickling) materializes one, and a store
//! that cannot stay inline. What exists is observable (`gc.collect()` counts dicts).

use pyrite_memory::{ObjRef, PayloadCell};

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::exception::PyException;
use crate::types::function::{Function, Module};
use crate::types::instance::Instance;
use crate::types::str::PyStr;
use crate::types::typeobj::{self, type_payload};
use crate::value::Value;

/// What [`store`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// The value was stored, or the attribute deleted.
    Done,
    /// A deletion found no such attribute.
    Missing,
    /// The object has no `__dict__` (nothing was done).
    NoDict,
}

/// Where an object keeps its own attributes.
enum Holder<'a> {
    Instance(&'a Instance),
    /// The managed dict slot of an instance of a builtin type's subclass.
    Managed,
    /// A dict field created on first use (functions, exceptions).
    Field(&'a PayloadCell<Option<ObjRef>>),
    /// A dict that always exists (modules).
    Fixed(&'a ObjRef),
    None,
}

fn holder(obj: &ObjRef) -> Holder<'_> {
    if type_payload(obj.type_ref()).flags.get() & typeobj::TYPE_NO_DICT != 0 {
        return Holder::None;
    }
    if obj.has_managed_dict() {
        return Holder::Managed;
    }
    if let Some(i) = obj.downcast::<Instance>() {
        Holder::Instance(i)
    } else if let Some(f) = obj.downcast::<Function>() {
        Holder::Field(&f.dict)
    } else if let Some(e) = obj.downcast::<PyException>() {
        Holder::Field(&e.dict)
    } else if let Some(m) = obj.downcast::<Module>() {
        Holder::Fixed(&m.dict)
    } else {
        Holder::None
    }
}

/// Whether the object can have a `__dict__`.
#[must_use]
pub fn has_dict(obj: &ObjRef) -> bool {
    !matches!(holder(obj), Holder::None)
}

/// The value of `name` among the object's own attributes (no Python code runs, no dict
/// is made).
#[must_use]
pub fn lookup(obj: &ObjRef, name: &PyStr) -> Option<Value> {
    if let Holder::Instance(i) = holder(obj) {
        return i.lookup(obj.type_ref(), name);
    }
    existing_dict(obj)?.downcast::<PyDict>()?.get_str(name)
}

/// The `__dict__` if it exists as a dict object (never makes one: `None` for an instance
/// whose attributes are inline).
#[must_use]
pub fn existing_dict(obj: &ObjRef) -> Option<ObjRef> {
    match holder(obj) {
        Holder::Instance(i) => i.existing_dict(),
        Holder::Managed => obj.managed_dict(),
        Holder::Field(field) => field.borrow().clone(),
        Holder::Fixed(dict) => Some(dict.clone()),
        Holder::None => None,
    }
}

/// The `__dict__`, made if needed (an instance's inline values move into it and it holds
/// the attributes from then on); `None` when the object cannot have one.
#[must_use]
pub fn dict(obj: &ObjRef) -> Option<ObjRef> {
    match holder(obj) {
        Holder::Instance(i) => Some(i.materialize(obj.type_ref())),
        Holder::Managed => Some(match obj.managed_dict() {
            Some(dict) => dict,
            None => {
                let dict = PyDict::new_obj();
                drop(obj.set_managed_dict(Some(dict.clone())));
                dict
            }
        }),
        Holder::Field(field) => {
            let existing = field.borrow().clone();
            Some(match existing {
                Some(dict) => dict,
                None => {
                    let dict = PyDict::new_obj();
                    let old = field.replace(Some(dict.clone()));
                    drop(old);
                    dict
                }
            })
        }
        Holder::Fixed(dict) => Some(dict.clone()),
        Holder::None => None,
    }
}

/// Whether the object has no attribute of its own (CPython's `_PyObject_IsInstanceDictEmpty`).
#[must_use]
pub fn is_empty(obj: &ObjRef) -> bool {
    if let Holder::Instance(i) = holder(obj) {
        return i.is_empty();
    }
    existing_dict(obj).is_none_or(|d| d.downcast::<PyDict>().is_none_or(PyDict::is_empty))
}

/// Stores (`Some`) or deletes (`None`) the attribute `name` (a str value) among the
/// object's own attributes, as `object.__setattr__` does once no data descriptor claimed
/// the name. A name that is not an exact `str` cannot stay inline.
pub fn store(ctx: &mut Ctx, obj: &ObjRef, name: &Value, value: Option<Value>) -> PyResult<Stored> {
    let holder = holder(obj);
    if matches!(holder, Holder::None) {
        return Ok(Stored::NoDict);
    }
    let mut value = value;
    if let Holder::Instance(i) = holder {
        if let Value::Obj(key) = name
            && key.type_ref().is_same(&types().str)
        {
            match i.store_shared(obj.type_ref(), key, value) {
                Ok(true) => return Ok(Stored::Done),
                Ok(false) => return Ok(Stored::Missing),
                Err(back) => value = back,
            }
        }
        // Not inline, or it cannot stay so: the attributes move into a dict (a deletion
        // from an instance without any dict finds nothing).
        if value.is_none() && !i.has_inline_values() && i.existing_dict().is_none() {
            return Ok(Stored::Missing);
        }
    }
    let dict = match (value.is_some(), &holder) {
        (true, _) | (false, Holder::Instance(_)) => dict(obj),
        (false, _) => existing_dict(obj),
    };
    let Some(dict) = dict else { return Ok(Stored::Missing) };
    let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("__dict__ is not a dict"))?;
    match value {
        Some(v) => {
            d.set_item(ctx, name.clone(), v)?;
            Ok(Stored::Done)
        }
        None => Ok(if d.remove(ctx, name)?.is_some() { Stored::Done } else { Stored::Missing }),
    }
}

/// `obj.__dict__ = value` (`None`: `del obj.__dict__`) with CPython's checks;
/// `Ok(false)` when the object keeps its dict some other way (the caller decides).
///
/// # Errors
/// TypeError when `value` is not a dict (or an exception's dict is deleted).
pub fn set_dict(obj: &ObjRef, value: Option<Value>) -> PyResult<bool> {
    let as_dict = |v: Value| match v {
        Value::Obj(d) if d.is::<PyDict>() => Ok(d),
        other => Err(other),
    };
    match holder(obj) {
        Holder::Instance(_) | Holder::Managed => {
            let dict = match value.map(as_dict) {
                Some(Ok(d)) => Some(d),
                Some(Err(other)) => {
                    return Err(PyErr::type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        other.type_name()
                    )));
                }
                None => None,
            };
            let old = match holder(obj) {
                Holder::Instance(i) => i.replace_dict(dict),
                _ => obj.set_managed_dict(dict),
            };
            drop(old);
            Ok(true)
        }
        Holder::Field(field) if obj.is::<PyException>() => {
            let dict = match value.map(as_dict) {
                Some(Ok(d)) => d,
                Some(Err(_)) => return Err(PyErr::type_error("__dict__ must be a dictionary")),
                None => return Err(PyErr::type_error("__dict__ may not be deleted")),
            };
            let old = field.replace(Some(dict));
            drop(old);
            Ok(true)
        }
        _ => Ok(false),
    }
}
