//! Creating classes at run time (`type.__new__`): bases, the C3 method resolution order,
//! the namespace, and the slots.

use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::registry::types;
use crate::types::descriptors::StaticMethod;
use crate::types::dict::PyDict;
use crate::types::function::Function;
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::types::typeobj::{Slots, TYPE_BASETYPE, TYPE_HEAPTYPE, TypeObject, new_type, type_name, type_payload};
use crate::value::Value;

/// The C3 linearization of a class with `bases`, or CPython's TypeError.
pub fn c3_mro(ty: &ObjRef, bases: &[ObjRef]) -> PyResult<Vec<ObjRef>> {
    for (i, base) in bases.iter().enumerate() {
        if bases[..i].iter().any(|b| b.is_same(base)) {
            return Err(PyErr::type_error(format!("duplicate base class {}", type_name(base))));
        }
    }
    let mut sequences: Vec<Vec<ObjRef>> = bases.iter().map(|b| type_payload(b).mro.borrow().clone()).collect();
    sequences.push(bases.to_vec());
    let mut result = vec![ty.clone()];
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(result);
        }
        let candidate = sequences
            .iter()
            .map(|s| s[0].clone())
            .find(|head| !sequences.iter().any(|s| s[1..].iter().any(|t| t.is_same(head))));
        let Some(next) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &sequences {
                let name = type_name(&s[0]);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut sequences {
            if s[0].is_same(&next) {
                s.remove(0);
            }
        }
        result.push(next);
    }
}

/// The most derived metaclass of `metatype` and the bases' types.
pub fn calculate_metaclass(metatype: &ObjRef, bases: &[ObjRef]) -> PyResult<ObjRef> {
    let mut winner = metatype.clone();
    for base in bases {
        let base_meta = base.type_ref();
        if crate::types::typeobj::is_subtype(&winner, base_meta) {
            continue;
        }
        if crate::types::typeobj::is_subtype(base_meta, &winner) {
            winner = base_meta.clone();
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(metatype, name, bases, namespace)`.
pub fn new_class(
    ctx: &mut Ctx,
    metatype: &ObjRef,
    name: &str,
    bases: Vec<ObjRef>,
    namespace: &Value,
    kwargs: Args<'_>,
) -> PyResult<ObjRef> {
    let t = types();
    for base in &bases {
        let Some(payload) = base.downcast::<TypeObject>() else {
            return Err(PyErr::type_error("bases must be types"));
        };
        if payload.flags.get() & TYPE_BASETYPE == 0 {
            return Err(PyErr::type_error(format!("type '{}' is not an acceptable base type", type_name(base))));
        }
    }
    let bases = if bases.is_empty() { vec![t.object.clone()] } else { bases };
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict"))?;
    let items = match namespace.downcast::<PyDict>() {
        Some(ns) => ns.items(),
        None => return Err(PyErr::type_error("type.__new__() argument 3 must be dict")),
    };
    let mut qualname = name.to_owned();
    for (key, value) in items {
        if key.as_str().is_some_and(|k| k.as_str() == "__qualname__") {
            qualname = value.as_str().map(|s| s.as_str().to_owned()).ok_or_else(|| {
                PyErr::type_error(format!("type __qualname__ must be a str, not {}", value.type_name()))
            })?;
            continue;
        }
        // `__new__` is a static method even without the decorator; `__init_subclass__`
        // and `__class_getitem__` are class methods.
        let value = match key.as_str().map(PyStr::as_str) {
            Some("__new__") if value.downcast::<Function>().is_some() => wrap(t.staticmethod.clone(), value, true),
            Some("__init_subclass__" | "__class_getitem__") if value.downcast::<Function>().is_some() => {
                wrap(t.classmethod.clone(), value, false)
            }
            _ => value,
        };
        d.set_item(ctx, key, value)?;
    }
    // Without `__module__` in the namespace (`type(name, bases, ns)`), the class belongs to
    // the module whose code is running, as CPython's `type_new` decides.
    if d.get_str(&PyStr::from_str("__module__")).is_none()
        && let Some(globals) = (ctx.hooks.current_globals)(ctx)
        && let Some(module) = globals.downcast::<PyDict>().and_then(|g| g.get_str(&PyStr::from_str("__name__")))
    {
        crate::types::intern::set_name(d, "__module__", module);
    }
    let ty =
        new_type(Some(metatype), name, bases.clone(), dict.clone(), Slots::default(), TYPE_HEAPTYPE | TYPE_BASETYPE);
    *type_payload(&ty).qualname.borrow_mut() = qualname.into();
    let mro = c3_mro(&ty, &bases)?;
    *type_payload(&ty).mro.borrow_mut() = mro;
    let slots = crate::methods::members::install_slots(ctx, &ty, &bases)?;
    add_instance_descriptors(&ty, slots);
    // After the slots, so that `__slots__ = ('__doc__',)` makes a member (as in typing.py).
    if d.get_str(&PyStr::from_str("__doc__")).is_none() {
        crate::types::intern::set_name(d, "__doc__", Value::None);
    }
    crate::methods::slots::assign_heap_slots(&ty);
    crate::types::typeobj::inherit_collection_flags(&ty);
    for base in &bases {
        crate::types::typeobj::note_subclass(base, &ty);
    }
    if let Some(cell) = d.get_str(&PyStr::from_str("__classcell__")) {
        if let Some(c) = cell.downcast::<crate::types::function::Cell>() {
            drop(c.value.replace(Some(Value::Obj(ty.clone()))));
        }
        d.remove(ctx, &Value::str("__classcell__"))?;
    }
    // The dict and MRO were filled in place above, after lookups on the class may have
    // been cached (`__dict__` in `add_instance_descriptors`): a fresh version forgets them.
    crate::types::typeobj::bump_version(&ty);
    set_names(ctx, &ty)?;
    init_subclass(ctx, &ty, kwargs)?;
    Ok(ty)
}

/// Gives a class whose instances gain a `__dict__` or weak references with it the
/// `__dict__` and `__weakref__` descriptors (CPython's `type_new_slots`): not when a base
/// already provides them, and with `__slots__` only for the names listed. Builtin bases
/// whose instances cannot be weakly referenced (int, tuple, bytes: variable-sized) or that
/// keep their own list (set, frozenset, type, module) give no `__weakref__`.
fn add_instance_descriptors(ty: &ObjRef, slots: crate::methods::members::SlotsDecl) {
    let t = types();
    let no_dict = type_payload(ty).flags.get() & crate::types::typeobj::TYPE_NO_DICT != 0;
    let provided = |name: &str| crate::types::typeobj::lookup_str(ty, name).is_some();
    let dict = !no_dict && (!slots.present || slots.dict) && !provided("__dict__");
    let solid = protocol::solid_base(ty);
    let weakrefable = [
        &t.object,
        &t.list,
        &t.dict,
        &t.float,
        &t.str,
        &t.complex,
        &t.bytearray,
        &t.property,
        &t.classmethod,
        &t.staticmethod,
        &t.super_,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ]
    .iter()
    .any(|b| b.is_same(&solid))
        || crate::types::typeobj::is_subtype(&solid, &t.base_exception);
    let weakref = weakrefable && (!slots.present || slots.weakref) && !provided("__weakref__");
    crate::methods::attrdescr::add_instance_descriptors(ty, dict, weakref);
}

fn wrap(kind: ObjRef, func: Value, is_static: bool) -> Value {
    use pyrite_memory::PayloadCell;
    if is_static {
        Value::Obj(ObjRef::new(StaticMethod { func: PayloadCell::new(func) }, Some(&kind)))
    } else {
        Value::Obj(ObjRef::new(crate::types::descriptors::ClassMethod { func: PayloadCell::new(func) }, Some(&kind)))
    }
}

/// Calls `__set_name__(owner, name)` on every attribute that has one.
fn set_names(ctx: &mut Ctx, ty: &ObjRef) -> PyResult<()> {
    let items = type_payload(ty).dict.downcast::<PyDict>().map(PyDict::items).unwrap_or_default();
    for (key, value) in items {
        if value.as_obj().is_some_and(|o| o.is::<TypeObject>()) {
            continue;
        }
        crate::methods::slots::call_dunder(ctx, &value, "__set_name__", &[Value::Obj(ty.clone()), key])?;
    }
    Ok(())
}

/// Calls `super(ty, ty).__init_subclass__(**kwargs)`.
fn init_subclass(ctx: &mut Ctx, ty: &ObjRef, kwargs: Args<'_>) -> PyResult<()> {
    let sup = crate::methods::descriptors::new_super(ty, Value::Obj(ty.clone()))?;
    let func = protocol::getattr_str(ctx, &sup, "__init_subclass__")?;
    protocol::call(ctx, &func, kwargs)?;
    Ok(())
}

/// Converts a bases tuple value into type objects.
pub fn bases_from(value: &Value) -> PyResult<Vec<ObjRef>> {
    let items = value.downcast::<PyTuple>().map(|t| t.items().to_vec()).ok_or_else(|| {
        PyErr::type_error(format!("type.__new__() argument 2 must be tuple, not {}", value.type_name()))
    })?;
    items
        .into_iter()
        .map(|b| {
            b.as_obj().filter(|o| o.is::<TypeObject>()).cloned().ok_or_else(|| PyErr::type_error("bases must be types"))
        })
        .collect()
}

/// `cls.__bases__ = value` (CPython's `type_set_bases`): new bases laid out as the old
/// ones, no inheritance cycle; the MROs of the class and of every class deriving from it
/// are recomputed (all or nothing), the subclass lists follow, and the versions change.
pub fn set_bases(ty: &ObjRef, value: Option<&Value>) -> PyResult<()> {
    let name = type_name(ty);
    let Some(value) = value else {
        // (CPython's wording, though the type is mutable.)
        return Err(PyErr::type_error(format!("cannot delete '__bases__' attribute of immutable type '{name}'")));
    };
    let Some(tuple) = value.downcast::<PyTuple>() else {
        return Err(PyErr::type_error(format!("can only assign tuple to {name}.__bases__, not {}", value.type_name())));
    };
    if tuple.items().is_empty() {
        return Err(PyErr::type_error(format!("can only assign non-empty tuple to {name}.__bases__, not ()")));
    }
    let mut new_bases = Vec::with_capacity(tuple.items().len());
    for item in tuple.items() {
        let Some(base) = item.as_obj().filter(|o| o.is::<TypeObject>()) else {
            return Err(PyErr::type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                item.type_name()
            )));
        };
        if crate::types::typeobj::is_subtype(base, ty) {
            return Err(PyErr::type_error("a __bases__ item causes an inheritance cycle"));
        }
        new_bases.push(base.clone());
    }
    check_layout(ty, &new_bases)?;
    let old_bases = type_payload(ty).bases.replace(new_bases.clone());
    let mut changed = Vec::new();
    if let Err(e) = recompute_mros(ty, &mut changed) {
        // Put back every MRO already replaced, then the bases.
        for (class, mro) in changed.into_iter().rev() {
            drop(type_payload(&class).mro.replace(mro));
        }
        drop(type_payload(ty).bases.replace(old_bases));
        return Err(e);
    }
    for base in &old_bases {
        type_payload(base).subclasses.borrow_mut().retain(|s| !s.is_same(ty));
    }
    for base in &new_bases {
        crate::types::typeobj::note_subclass(base, ty);
    }
    drop((old_bases, changed));
    // What the class and its subclasses inherit changed: their slots and cached lookups.
    reassign_slots(ty);
    crate::types::typeobj::bump_version(ty);
    Ok(())
}

/// Recomputes the MRO of `ty` from its bases, then those of the classes deriving from it;
/// `changed` records each class's old MRO (for putting them back on failure).
fn recompute_mros(ty: &ObjRef, changed: &mut Vec<(ObjRef, Vec<ObjRef>)>) -> PyResult<()> {
    let bases = type_payload(ty).bases.borrow().clone();
    let mro = c3_mro(ty, &bases)?;
    let old = type_payload(ty).mro.replace(mro);
    changed.push((ty.clone(), old));
    for sub in crate::types::typeobj::subclasses(ty) {
        recompute_mros(&sub, changed)?;
    }
    Ok(())
}

fn reassign_slots(ty: &ObjRef) {
    if type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0 {
        crate::methods::slots::assign_heap_slots(ty);
    }
    for sub in crate::types::typeobj::subclasses(ty) {
        reassign_slots(&sub);
    }
}

/// CPython's `compatible_for_assignment` between the class's old base and the new base
/// that decides the layout: both Python classes or neither (the "deallocator"), then the
/// same builtin layout underneath and the same `__dict__`-ness.
fn check_layout(ty: &ObjRef, new_bases: &[ObjRef]) -> PyResult<()> {
    let object = &types().object;
    let flag = |t: &ObjRef, f: u32| type_payload(t).flags.get() & f != 0;
    let new_base = new_bases.iter().find(|b| !protocol::solid_base(b).is_same(object)).unwrap_or(&new_bases[0]);
    let new_solid = protocol::solid_base(new_base);
    if new_bases.iter().any(|b| !crate::types::typeobj::is_subtype(&new_solid, &protocol::solid_base(b))) {
        return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
    }
    let old_base = type_payload(ty).bases.borrow().first().cloned().unwrap_or_else(|| object.clone());
    let what = if flag(new_base, TYPE_HEAPTYPE) != flag(&old_base, TYPE_HEAPTYPE) {
        "deallocator"
    } else if !new_solid.is_same(&protocol::solid_base(&old_base))
        || flag(new_base, crate::types::typeobj::TYPE_NO_DICT) != flag(&old_base, crate::types::typeobj::TYPE_NO_DICT)
    {
        "object layout"
    } else {
        return Ok(());
    };
    Err(PyErr::type_error(format!(
        "__bases__ assignment: '{}' {what} differs from '{}'",
        type_name(new_base),
        type_name(&old_base)
    )))
}
