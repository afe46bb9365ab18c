//! `property`, `classmethod`, `staticmethod`, `super`, and slot wrappers as descriptors.

use pyrite_memory::{ObjRef, PayloadCell};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol;
use crate::registry::{TypeTable, types};
use crate::types::descriptors::{ClassMethod, Property, StaticMethod, Super};
use crate::types::function::{BoundMethod, SlotWrapper};
use crate::types::str::PyStr;
use crate::types::typeobj::{TypeObject, type_name, type_payload};
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.property, |s| {
        s.new = Some(property_new);
        s.descr_get = Some(property_get);
        s.descr_set = Some(property_set);
        s.getattro = Some(property_getattro);
        s.setattro = Some(property_setattro);
    });
    add_methods(
        &t.property,
        "property",
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    );
    use crate::methods::attrdescr::{self, Kind};
    attrdescr::add(&t.property, Kind::Member, &["fget", "fset", "fdel"]);
    attrdescr::add(&t.property, Kind::GetSet, &["__isabstractmethod__"]);
    for ty in [&t.classmethod, &t.staticmethod] {
        attrdescr::add(ty, Kind::Member, &["__func__", "__wrapped__"]);
        attrdescr::add(ty, Kind::GetSet, &["__isabstractmethod__"]);
        attrdescr::add_instance_descriptors(ty, true, false);
    }
    attrdescr::add(&t.super_, Kind::Member, &["__thisclass__", "__self__", "__self_class__"]);
    set_slots(&t.classmethod, |s| {
        s.new = Some(|ctx, ty, args| {
            let [func] = args.pos() else { return Err(PyErr::type_error("classmethod expected 1 argument")) };
            let cm = ObjRef::new_with_dict(ClassMethod { func: PayloadCell::new(func.clone()) }, Some(ty));
            copy_wrapped_attributes(ctx, &cm, func)?;
            Ok(Value::Obj(cm))
        });
        s.descr_get = Some(|_, descr, _, owner| {
            let cm = descr.downcast::<ClassMethod>().ok_or_else(|| PyErr::type_error("not a classmethod"))?;
            Ok(Value::Obj(BoundMethod::new_obj(cm.func.borrow().clone(), Value::Obj(owner.clone()))))
        });
        s.getattro = Some(|ctx, v, name| {
            wrapped_getattr(ctx, v, name, |v| v.downcast::<ClassMethod>().map(|c| c.func.borrow().clone()))
        });
    });
    set_slots(&t.staticmethod, |s| {
        s.new = Some(|ctx, ty, args| {
            let [func] = args.pos() else { return Err(PyErr::type_error("staticmethod expected 1 argument")) };
            let sm = ObjRef::new_with_dict(StaticMethod { func: PayloadCell::new(func.clone()) }, Some(ty));
            copy_wrapped_attributes(ctx, &sm, func)?;
            Ok(Value::Obj(sm))
        });
        s.descr_get = Some(|_, descr, _, _| {
            Ok(descr
                .downcast::<StaticMethod>()
                .ok_or_else(|| PyErr::type_error("not a staticmethod"))?
                .func
                .borrow()
                .clone())
        });
        s.call = Some(|ctx, v, args| {
            let func = v
                .downcast::<StaticMethod>()
                .ok_or_else(|| PyErr::type_error("not a staticmethod"))?
                .func
                .borrow()
                .clone();
            protocol::call(ctx, &func, args)
        });
        s.getattro = Some(|ctx, v, name| {
            wrapped_getattr(ctx, v, name, |v| v.downcast::<StaticMethod>().map(|c| c.func.borrow().clone()))
        });
    });
    set_slots(&t.super_, |s| {
        s.getattro = Some(super_getattro);
        // A super object is already bound (Pyrite has no unbound `super(C)`): binding it
        // again gives itself, as CPython's `super_descr_get` for a bound one.
        s.descr_get = Some(|_, v, _, _| Ok(v.clone()));
        s.repr = Some(|_, v| {
            let sup = v.downcast::<Super>().ok_or_else(|| PyErr::type_error("not a super object"))?;
            let name = type_name(&sup.this_type);
            Ok(Value::str(&format!("<super: <class '{name}'>, <{} object>>", type_name(&sup.obj_type))))
        });
    });
    set_slots(&t.wrapper_descriptor, |s| {
        s.repr = Some(|_, v| {
            let w = v.downcast::<SlotWrapper>().ok_or_else(|| PyErr::type_error("not a slot wrapper"))?;
            Ok(Value::str(&match &w.bound {
                None => format!("<slot wrapper '{}' of '{}' objects>", w.name, type_name(&w.owner)),
                Some(b) => format!("<method-wrapper '{}' of {} object at {:#x}>", w.name, b.type_name(), b.id()),
            }))
        });
    });
    set_slots(&t.method_wrapper, |s| {
        s.repr = type_payload(&t.wrapper_descriptor).slots().repr;
    });
    for ty in [&t.wrapper_descriptor, &t.method_wrapper] {
        set_slots(ty, |s| s.getattro = Some(slot_wrapper_getattro));
    }
    attrdescr::add(&t.wrapper_descriptor, Kind::Member, &["__name__", "__objclass__"]);
    attrdescr::add(&t.wrapper_descriptor, Kind::GetSet, &["__qualname__", "__text_signature__"]);
    add_methods(
        &t.wrapper_descriptor,
        "wrapper_descriptor",
        &[
            ("__get__", slot_wrapper_bind),
            ("__call__", |ctx, args| {
                let Some((this, rest)) = args.values.split_first() else {
                    return Err(PyErr::type_error("descriptor '__call__' needs an argument"));
                };
                protocol::call(ctx, this, Args { values: rest, kwnames: args.kwnames })
            }),
        ],
    );
    attrdescr::add(&t.method_wrapper, Kind::Member, &["__self__"]);
    attrdescr::add(
        &t.method_wrapper,
        Kind::GetSet,
        &["__name__", "__qualname__", "__objclass__", "__text_signature__"],
    );
    add_methods(
        &t.method_wrapper,
        "method-wrapper",
        &[("__call__", |ctx, args| {
            let Some((this, rest)) = args.values.split_first() else {
                return Err(PyErr::type_error("descriptor '__call__' needs an argument"));
            };
            protocol::call(ctx, this, Args { values: rest, kwnames: args.kwnames })
        })],
    );
    let cm_descr = classmethod_descriptor_type();
    attrdescr::add(cm_descr, Kind::Member, &["__name__", "__objclass__"]);
    attrdescr::add(cm_descr, Kind::GetSet, &["__qualname__", "__text_signature__"]);
}

/// `wrapper_descriptor.__get__(obj, type=None)`: a method-wrapper bound to `obj`.
fn slot_wrapper_bind(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (descr, rest) = method_args("__get__", args, 1, 2)?;
    let w = descr.downcast::<SlotWrapper>().ok_or_else(|| PyErr::type_error("expected a slot wrapper"))?;
    let obj = &rest[0];
    if obj.is_none() {
        if rest.get(1).is_none_or(Value::is_none) {
            return Err(PyErr::type_error("__get__(None, None) is invalid"));
        }
        return Ok(descr.clone());
    }
    if !protocol::isinstance(obj, &w.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            w.name,
            type_name(&w.owner),
            obj.type_name()
        )));
    }
    let bound = SlotWrapper { name: w.name, owner: w.owner.clone(), kind: w.kind, bound: Some(obj.clone()) };
    Ok(Value::Obj(ObjRef::new(bound, Some(&types().method_wrapper))))
}

/// The builtin type whose dict holds this `classmethod_descriptor` (`__objclass__`).
fn classmethod_descriptor_owner(descr: &Value) -> PyResult {
    let func = class_method_func(descr)?;
    let name = func.downcast::<crate::types::function::BuiltinFunction>().map(|f| f.name).unwrap_or_default();
    for ty in types().all() {
        let held = type_payload(ty)
            .dict
            .downcast::<crate::types::dict::PyDict>()
            .and_then(|d| d.get_str(&PyStr::from_str(name)));
        if held.is_some_and(|h| h.is(descr)) {
            return Ok(Value::Obj(ty.clone()));
        }
    }
    Err(PyErr::attribute_error("'classmethod_descriptor' object has no attribute '__objclass__'"))
}

/// `__name__`, `__qualname__`, `__objclass__` and (bound) `__self__` of slot wrappers.
fn slot_wrapper_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let w = v.downcast::<SlotWrapper>().ok_or_else(|| PyErr::type_error("not a slot wrapper"))?;
    match name.as_str().map(PyStr::as_str) {
        Some("__name__") => Ok(Value::str(w.name)),
        Some("__qualname__") => Ok(Value::str(&format!("{}.{}", type_name(&w.owner), w.name))),
        Some("__objclass__") => Ok(Value::Obj(w.owner.clone())),
        Some("__text_signature__") => Ok(Value::None),
        Some("__self__") if w.bound.is_some() => Ok(w.bound.clone().unwrap_or(Value::None)),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// What `staticmethod(f)` and `classmethod(f)` copy from `f` into their own `__dict__`
/// (CPython 3.10's `functools_wraps`): the attributes `f` has of `__module__`,
/// `__name__`, `__qualname__`, `__doc__` and `__annotations__`.
fn copy_wrapped_attributes(ctx: &mut Ctx, wrapper: &ObjRef, wrapped: &Value) -> PyResult<()> {
    let wrapper = Value::Obj(wrapper.clone());
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        match protocol::getattr_str(ctx, wrapped, name) {
            Ok(value) => protocol::generic_setattr(ctx, &wrapper, &Value::str(name), Some(value))?,
            Err(e) if e.matches(&types().attribute_error) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// CPython's `_PyObject_IsAbstract`: a true `__isabstractmethod__` attribute.
fn is_abstract(ctx: &mut Ctx, v: &Value) -> PyResult<bool> {
    if v.is_none() {
        return Ok(false);
    }
    match protocol::getattr_str(ctx, v, "__isabstractmethod__") {
        Ok(flag) => protocol::truthy(ctx, &flag),
        Err(e) if e.matches(&crate::registry::types().attribute_error) => Ok(false),
        Err(e) => Err(e),
    }
}

fn wrapped_getattr(ctx: &mut Ctx, v: &Value, name: &Value, func: impl Fn(&Value) -> Option<Value>) -> PyResult {
    match name.as_str().map(PyStr::as_str) {
        Some("__func__" | "__wrapped__") => func(v).ok_or_else(|| PyErr::type_error("bad descriptor")),
        Some("__isabstractmethod__") => {
            let inner = func(v).unwrap_or(Value::None);
            is_abstract(ctx, &inner).map(Value::Bool)
        }
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

fn this(v: &Value) -> PyResult<&Property> {
    v.downcast::<Property>().ok_or_else(|| PyErr::type_error("descriptor requires a 'property' object"))
}

fn property_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let mut slots = [Value::None, Value::None, Value::None, Value::None];
    for (i, v) in args.pos().iter().enumerate() {
        if i >= 4 {
            return Err(PyErr::type_error("property expected at most 4 arguments"));
        }
        slots[i] = v.clone();
    }
    for (k, v) in args.keywords() {
        let index = match k.as_str().map(PyStr::as_str) {
            Some("fget") => 0,
            Some("fset") => 1,
            Some("fdel") => 2,
            Some("doc") => 3,
            _ => return Err(PyErr::type_error("property() got an unexpected keyword argument")),
        };
        slots[index] = v.clone();
    }
    let [fget, fset, fdel, doc] = slots;
    let p = Property::new(fget, fset, fdel, doc);
    if ty.is_same(&types().property) {
        return Ok(Value::Obj(ObjRef::new(p, Some(ty))));
    }
    Ok(Value::Obj(ObjRef::new_with_dict(p, Some(ty))))
}

fn property_get(ctx: &mut Ctx, descr: &Value, obj: Option<&Value>, _: &ObjRef) -> PyResult {
    let Some(obj) = obj else { return Ok(descr.clone()) };
    let fget = this(descr)?.fget.borrow().clone();
    if fget.is_none() {
        return Err(missing_accessor(ctx, descr, obj, "getter"));
    }
    protocol::call_positional(ctx, &fget, std::slice::from_ref(obj))
}

fn property_set(ctx: &mut Ctx, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let p = this(descr)?;
    match value {
        Some(value) => {
            let fset = p.fset.borrow().clone();
            if fset.is_none() {
                return Err(missing_accessor(ctx, descr, obj, "setter"));
            }
            protocol::call_positional(ctx, &fset, &[obj.clone(), value]).map(drop)
        }
        None => {
            let fdel = p.fdel.borrow().clone();
            if fdel.is_none() {
                return Err(missing_accessor(ctx, descr, obj, "deleter"));
            }
            protocol::call_positional(ctx, &fdel, std::slice::from_ref(obj)).map(drop)
        }
    }
}

/// CPython 3.11's error for a property without the accessor needed:
/// `property 'x' of 'C' object has no setter` (without the name when it has none).
fn missing_accessor(ctx: &mut Ctx, descr: &Value, obj: &Value, what: &str) -> PyErr {
    let qualname = type_payload(obj.type_ref()).qualname.borrow().to_string();
    let owner = match protocol::repr_string(ctx, &Value::str(&qualname)) {
        Ok(r) => r,
        Err(e) => return e,
    };
    let name = this(descr).map(|p| p.name.borrow().clone()).unwrap_or(Value::None);
    if name.is_none() {
        return PyErr::attribute_error(format!("property of {owner} object has no {what}"));
    }
    match protocol::repr_string(ctx, &name) {
        Ok(name) => PyErr::attribute_error(format!("property {name} of {owner} object has no {what}")),
        Err(e) => e,
    }
}

/// `property.__set_name__(owner, name)`: remembers the name for error messages.
fn property_set_name(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (p, rest) = method_args("__set_name__", args, 2, 2)?;
    drop(this(p)?.name.replace(rest[1].clone()));
    Ok(Value::None)
}

fn property_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let p = this(v)?;
    match name.as_str().map(PyStr::as_str) {
        Some("fget") => Ok(p.fget.borrow().clone()),
        Some("fset") => Ok(p.fset.borrow().clone()),
        Some("fdel") => Ok(p.fdel.borrow().clone()),
        Some("__isabstractmethod__") => {
            let accessors = [p.fget.borrow().clone(), p.fset.borrow().clone(), p.fdel.borrow().clone()];
            for accessor in &accessors {
                if is_abstract(ctx, accessor)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        Some("__doc__") => {
            let doc = p.doc.borrow().clone();
            if !doc.is_none() {
                return Ok(doc);
            }
            let fget = p.fget.borrow().clone();
            if fget.is_none() { Ok(Value::None) } else { protocol::getattr_str(ctx, &fget, "__doc__") }
        }
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// `prop.__doc__ = text` (as `namedtuple` does for its field properties); the accessors
/// are read-only.
fn property_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let p = this(v)?;
    match name.as_str().map(PyStr::as_str) {
        Some("__doc__") => {
            drop(p.doc.replace(value.unwrap_or(Value::None)));
            Ok(())
        }
        Some("fget" | "fset" | "fdel") => Err(PyErr::attribute_error("readonly attribute")),
        _ => protocol::generic_setattr(ctx, v, name, value),
    }
}

fn property_copy(args: Args<'_>, name: &str, index: usize) -> PyResult {
    let (p, rest) = method_args(name, args, 1, 1)?;
    let old = this(p)?;
    let mut parts =
        [old.fget.borrow().clone(), old.fset.borrow().clone(), old.fdel.borrow().clone(), old.doc.borrow().clone()];
    parts[index] = rest[0].clone();
    let [fget, fset, fdel, doc] = parts;
    let copy = Property::new(fget, fset, fdel, doc);
    drop(copy.name.replace(old.name.borrow().clone()));
    Ok(Value::Obj(ObjRef::new(copy, Some(p.type_ref()))))
}

fn property_getter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    property_copy(args, "getter", 0)
}

fn property_setter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    property_copy(args, "setter", 1)
}

fn property_deleter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    property_copy(args, "deleter", 2)
}

/// Makes a `super(this_type, obj)` object, checking `obj` as CPython does.
pub fn new_super(this_type: &ObjRef, obj: Value) -> PyResult<Value> {
    let obj_type =
        if obj.as_obj().is_some_and(|o| o.is::<TypeObject>() && crate::types::typeobj::is_subtype(o, this_type)) {
            obj.as_obj().cloned().ok_or_else(|| PyErr::new_system("super"))?
        } else if crate::types::typeobj::is_subtype(obj.type_ref(), this_type) {
            obj.type_ref().clone()
        } else {
            return Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type"));
        };
    let payload = Super { this_type: this_type.clone(), obj, obj_type };
    Ok(Value::Obj(ObjRef::new(payload, Some(&types().super_))))
}

fn super_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let sup = v.downcast::<Super>().ok_or_else(|| PyErr::type_error("not a super object"))?;
    let Some(name_str) = name.as_str() else { return Err(PyErr::type_error("attribute name must be string")) };
    if name_str.as_str() != "__class__" {
        // The search only reads class dicts by str key (no Python code runs), so the MRO
        // stays borrowed, not copied; it is released before `__get__` runs.
        let found = {
            let mro = type_payload(&sup.obj_type).mro.borrow();
            let start = mro.iter().position(|t| t.is_same(&sup.this_type)).map_or(mro.len(), |i| i + 1);
            mro[start..].iter().find_map(|class| {
                type_payload(class).dict.downcast::<crate::types::dict::PyDict>().and_then(|d| d.get_str(name_str))
            })
        };
        if let Some(attr) = found {
            let obj = sup.obj.clone();
            let is_class = obj.as_obj().is_some_and(|o| o.is_same(&sup.obj_type));
            let instance = if is_class { None } else { Some(&obj) };
            let owner = sup.obj_type.clone();
            return Ok(protocol::descriptor_get(ctx, &attr, instance, &owner)?.unwrap_or(attr));
        }
    }
    match name_str.as_str() {
        "__thisclass__" => Ok(Value::Obj(sup.this_type.clone())),
        "__self__" => Ok(sup.obj.clone()),
        "__self_class__" => Ok(Value::Obj(sup.obj_type.clone())),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// The `classmethod_descriptor` type: class methods of builtin types (`dict.fromkeys`,
/// `int.from_bytes`). Like `classmethod`, but binding gives a builtin method of the class
/// and the repr names the owner (`<method 'fromkeys' of 'dict' objects>`).
pub fn classmethod_descriptor_type() -> &'static ObjRef {
    static TYPE: crate::types::typeobj::StaticType = crate::types::typeobj::StaticType::new();
    TYPE.get_or_init(|| {
        crate::types::typeobj::new_native_type_with("classmethod_descriptor", "builtins", None, 0, |s| {
            s.descr_get =
                Some(|_, descr, _, owner| Ok(bind_builtin(&class_method_func(descr)?, Value::Obj(owner.clone()))));
            s.call = Some(|ctx, descr, args| {
                let func = class_method_func(descr)?;
                protocol::call(ctx, &func, args)
            });
            s.repr = Some(|ctx, descr| protocol::repr(ctx, &class_method_func(descr)?));
            s.getattro = Some(|ctx, v, name| match name.as_str().map(PyStr::as_str) {
                Some("__name__" | "__qualname__" | "__doc__" | "__text_signature__") => {
                    protocol::getattr(ctx, &class_method_func(v)?, name)
                }
                Some("__objclass__") => classmethod_descriptor_owner(v),
                _ => protocol::generic_getattr(ctx, v, name),
            });
        })
    })
}

fn class_method_func(descr: &Value) -> PyResult<Value> {
    descr
        .downcast::<ClassMethod>()
        .map(|c| c.func.borrow().clone())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'classmethod_descriptor' object"))
}

/// A native function bound to `this` (a builtin method), or a bound method for others.
fn bind_builtin(func: &Value, this: Value) -> Value {
    match func.downcast::<crate::types::function::BuiltinFunction>() {
        Some(f) => Value::Obj(f.bind(this)),
        None => Value::Obj(BoundMethod::new_obj(func.clone(), this)),
    }
}

/// Stores native class methods in a builtin type's dict, as `classmethod_descriptor`s.
pub fn add_class_methods(
    ty: &ObjRef,
    owner: &'static str,
    methods: &[(&'static str, crate::types::function::NativeFn)],
) {
    for &(name, func) in methods {
        let func = Value::Obj(crate::types::function::BuiltinFunction::new_method(owner, name, func));
        let descr = ObjRef::new(ClassMethod { func: PayloadCell::new(func) }, Some(classmethod_descriptor_type()));
        crate::methods::set_type_attr(ty, name, Value::Obj(descr));
    }
}
