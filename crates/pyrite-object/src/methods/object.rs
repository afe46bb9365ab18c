//! `object`, `type`, `NoneType`, `NotImplementedType` and `ellipsis`.

use pyrite_bytecode::CompareOp;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, check_args, set_slots, set_type_attr};
use crate::protocol::{self, default_repr, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::list::PyTuple;
use crate::types::misc::Singleton;
use crate::types::typeobj::{TYPE_BASETYPE, TypeObject, type_name, type_payload};
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.object, |s| {
        s.repr = Some(|_, v| Ok(Value::str(&default_repr(v))));
        s.str = Some(protocol::repr);
        s.getattro = Some(protocol::generic_getattr);
        s.setattro = Some(protocol::generic_setattr);
        s.hash = Some(|_, v| Ok(protocol::pointer_hash(v.id())));
        s.richcompare = Some(object_richcompare);
        s.init = Some(object_init);
        s.new = Some(object_new);
    });
    crate::methods::attrdescr::add_class_descriptor(&t.object);
    set_slots(&t.type_, |s| {
        s.call = Some(type_call);
        s.new = Some(type_new);
        // `type.__init__(cls, name, bases, ns)` accepts the class-creation arguments.
        s.init = Some(|_, _, _| Ok(()));
        s.repr = Some(type_repr);
        s.getattro = Some(type_getattro);
        s.setattro = Some(type_setattro);
        s.getitem = Some(type_getitem);
        s.binary = Some(crate::methods::union::type_or);
        s.hash = Some(|_, v| Ok(protocol::pointer_hash(v.id())));
    });
    set_slots(&t.none_type, |s| {
        s.new = Some(|_, _, _| Ok(Value::None));
        s.bool = Some(|_, _| Ok(false));
    });
    for ty in [&t.not_implemented_type, &t.ellipsis_type] {
        set_slots(ty, |s| {
            s.repr = Some(|_, v| Ok(Value::str(v.downcast::<Singleton>().map_or("?", |s| s.0))));
        });
    }
    for ty in [
        &t.none_type,
        &t.bool,
        &t.not_implemented_type,
        &t.ellipsis_type,
        &t.function,
        &t.builtin_function,
        &t.method_descriptor,
        &t.method,
        &t.code,
        &t.cell,
        &t.range,
        &t.range_iterator,
        &t.list_iterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.dict_keyiterator,
        &t.traceback,
        &t.slice,
        &t.generator,
        &t.coroutine,
        &t.async_generator,
        &t.dict_keys,
        &t.dict_values,
        &t.dict_items,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.set_iterator,
        &t.wrapper_descriptor,
        &t.method_wrapper,
        &t.list_reverseiterator,
        &t.callable_iterator,
        &t.bytes_iterator,
        &t.bytearray_iterator,
        &t.memory_iterator,
        &t.iterator,
    ] {
        let payload = type_payload(ty);
        payload.flags.set(payload.flags.get() & !TYPE_BASETYPE);
    }
    add_methods(
        &t.type_,
        "type",
        &[
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
        ],
    );
    crate::methods::descriptors::add_class_methods(
        &t.type_,
        "type",
        &[("__prepare__", |_, _| Ok(Value::Obj(crate::types::dict::PyDict::new_obj())))],
    );
    crate::methods::type_layout::add_descriptors(&t.type_);
    add_methods(&t.object, "object", &[("__format__", object_format)]);
    // `object.__subclasshook__` leaves the decision to the normal rules.
    crate::methods::descriptors::add_class_methods(
        &t.object,
        "object",
        &[
            ("__init_subclass__", object_init_subclass),
            ("__subclasshook__", |_, _| Ok(crate::protocol::not_implemented())),
        ],
    );
    set_type_attr(&t.object, "__doc__", Value::str("The base class of the class hierarchy."));
}

/// `object.__init_subclass__()`: a class method taking no arguments.
fn object_init_subclass(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let owner = match args.values.first() {
        Some(Value::Obj(o)) if o.is::<TypeObject>() => type_payload(o).qualname.borrow().to_string(),
        _ => "object".to_owned(),
    };
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{owner}.__init_subclass__() takes no keyword arguments")));
    }
    if args.values.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{owner}.__init_subclass__() takes no arguments ({} given)",
            args.values.len() - 1
        )));
    }
    Ok(Value::None)
}

/// CPython's `object_richcompare`: `==` is identity; `!=` asks the type's `==` and inverts
/// it unless that is NotImplemented.
fn object_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq if a.is(b) => Ok(Value::Bool(true)),
        CompareOp::Ne => {
            let Some(slot) = type_payload(a.type_ref()).slots().richcompare else { return Ok(not_implemented()) };
            let result = slot(ctx, a, b, CompareOp::Eq)?;
            if protocol::is_not_implemented(&result) {
                return Ok(result);
            }
            Ok(Value::Bool(!protocol::truthy(ctx, &result)?))
        }
        _ => Ok(not_implemented()),
    }
}

fn excess_args(args: &Args<'_>) -> bool {
    !args.values.is_empty()
}

fn slot_is(
    ty: &pyrite_memory::ObjRef,
    pick: fn(&crate::types::typeobj::Slots) -> usize,
    of: &pyrite_memory::ObjRef,
) -> bool {
    pick(&type_payload(ty).slots()) == pick(&type_payload(of).slots())
}

fn init_addr(s: &crate::types::typeobj::Slots) -> usize {
    s.init.map_or(0, |f| f as usize)
}

fn new_addr(s: &crate::types::typeobj::Slots) -> usize {
    s.new.map_or(0, |f| f as usize)
}

/// `object.__new__`: an instance with an (empty) `__dict__`; extra arguments are an error
/// unless `__init__` is overridden (CPython's rule).
fn object_new(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    check_abstract(ctx, ty)?;
    let object = &types().object;
    if excess_args(&args) {
        if !slot_is(ty, new_addr, object) {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if slot_is(ty, init_addr, object) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", type_name(ty))));
        }
    }
    if type_payload(ty).flags.get() & crate::types::typeobj::TYPE_HEAPTYPE == 0 && !ty.is_same(object) {
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            type_name(ty),
            type_name(ty)
        )));
    }
    // Instances of classes with a `__dict__` keep their attributes inline against the
    // class's shared keys (CPython 3.11's `_PyObject_InitializeDict`).
    let payload = if type_payload(ty).flags.get() & crate::types::typeobj::TYPE_NO_DICT == 0 {
        crate::types::instance::Instance::with_shared_keys(ty)
    } else {
        crate::types::instance::Instance::default()
    };
    let instance = pyrite_memory::ObjRef::new(payload, Some(ty));
    // A bare `object()` refers to nothing: CPython's `object` is not a container type.
    if ty.is_same(&types().object) {
        pyrite_memory::gc::untrack(&instance);
    }
    if crate::types::typeobj::has_finalizer(ty) {
        instance.set_flags(pyrite_memory::FLAG_HAS_FINALIZER);
    }
    Ok(Value::Obj(instance))
}

/// CPython's `Py_TPFLAGS_IS_ABSTRACT` check: a class whose own `__abstractmethods__` is
/// non-empty (as `abc` sets it) cannot be instantiated.
fn check_abstract(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef) -> PyResult<()> {
    if crate::types::typeobj::known_not_abstract(ty) {
        return Ok(());
    }
    let own = type_payload(ty).dict.downcast::<crate::types::dict::PyDict>().and_then(|d| {
        let name = crate::types::str::PyStr::cached_name("__abstractmethods__");
        d.get_str(name.downcast::<crate::types::str::PyStr>()?)
    });
    let Some(methods) = own else {
        crate::types::typeobj::note_not_abstract(ty);
        return Ok(());
    };
    if !protocol::truthy(ctx, &methods)? {
        return Ok(());
    }
    let names = protocol::collect(ctx, &methods)?;
    let mut order: Vec<usize> = (0..names.len()).collect();
    crate::methods::sort::timsort(ctx, &names, &mut order)?;
    let mut joined = Vec::with_capacity(names.len());
    for i in order {
        joined.push(protocol::str_string(ctx, &names[i])?);
    }
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        type_name(ty),
        if joined.len() > 1 { "s" } else { "" },
        joined.join(", ")
    )))
}

fn object_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    if excess_args(&args) {
        let ty = v.type_ref();
        let object = &types().object;
        if !slot_is(ty, init_addr, object) {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if slot_is(ty, new_addr, object) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", type_name(ty))));
        }
    }
    Ok(())
}

/// `type(name, bases, dict)`.
fn type_new(ctx: &mut Ctx, metatype: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() != 3 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let name = pos[0].as_str().ok_or_else(|| {
        PyErr::type_error(format!("type.__new__() argument 1 must be str, not {}", pos[0].type_name()))
    })?;
    let bases = crate::types::heaptype::bases_from(&pos[1])?;
    let winner = crate::types::heaptype::calculate_metaclass(metatype, &bases)?;
    // A more derived metaclass of the bases with its own `__new__` makes the class, as in
    // CPython's `type_new` (`type(name, (EnumSubclass,), ns, **kw)` runs `EnumType.__new__`).
    if !winner.is_same(metatype)
        && let Some(new) = type_payload(&winner).slots().new
        && !std::ptr::fn_addr_eq(new, type_new as crate::types::typeobj::NewFn)
    {
        return new(ctx, &winner, args);
    }
    let metatype = winner;
    let kwargs = Args { values: &args.values[3..], kwnames: args.kwnames };
    Ok(Value::Obj(crate::types::heaptype::new_class(ctx, &metatype, name.as_str(), bases, &pos[2], kwargs)?))
}

fn type_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let ty = v.as_obj().ok_or_else(|| PyErr::type_error("not a type"))?;
    Ok(Value::str(&format!("<class '{}'>", protocol::qualified_type_name(ty))))
}

/// `type(x)` and `Class(args)`: `__new__` then `__init__` when the result is an instance.
fn type_call(ctx: &mut Ctx, callable: &Value, args: Args<'_>) -> PyResult {
    let ty = callable.as_obj().ok_or_else(|| PyErr::type_error("not a type"))?.clone();
    if ty.is_same(&types().type_) && args.values.len() == 1 && args.kwnames.is_empty() {
        return Ok(Value::Obj(args.values[0].type_ref().clone()));
    }
    let slots = type_payload(&ty).slots();
    let Some(new) = slots.new else {
        return Err(PyErr::type_error(format!("cannot create '{}' instances", type_name(&ty))));
    };
    let instance = new(ctx, &ty, args)?;
    if protocol::isinstance(&instance, &ty)
        && let Some(init) = type_payload(instance.type_ref()).slots().init
    {
        init(ctx, &instance, args)?;
    }
    Ok(instance)
}

/// `cls.__annotations__` (3.10+): the class's own, made empty on first use for classes
/// defined in Python; never inherited.
fn type_annotations(ty: &pyrite_memory::ObjRef) -> PyResult {
    let payload = type_payload(ty);
    let dict = payload.dict.downcast::<crate::types::dict::PyDict>().ok_or_else(|| PyErr::new_system("type dict"))?;
    if let Some(found) = dict.get_str(&crate::types::str::PyStr::from_str("__annotations__")) {
        return Ok(found);
    }
    if payload.flags.get() & crate::types::typeobj::TYPE_HEAPTYPE == 0 {
        return Err(PyErr::attribute_error(format!(
            "type object '{}' has no attribute '__annotations__'",
            crate::types::typeobj::type_name(ty)
        )));
    }
    let fresh = Value::Obj(crate::types::dict::PyDict::new_obj());
    dict.set_str("__annotations__", fresh.clone());
    crate::types::typeobj::bump_version(ty);
    Ok(fresh)
}

/// Attribute lookup on a class: the metatype's data descriptors, then the class's own MRO,
/// then the metatype's other attributes.
fn type_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let Some(ty) = v.as_obj().filter(|o| o.is::<TypeObject>()) else {
        return protocol::generic_getattr(ctx, v, name);
    };
    let Some(name_str) = name.as_str() else {
        return Err(PyErr::type_error("attribute name must be string"));
    };
    let payload = type_payload(ty);
    match name_str.as_str() {
        "__name__" => {
            // A native type's name is dotted with its module (`itertools.count`), as
            // CPython's `tp_name`; `__name__` is the last part.
            let name = payload.name.borrow();
            let heap = payload.flags.get() & crate::types::typeobj::TYPE_HEAPTYPE != 0;
            let short = if heap { &name[..] } else { name.rsplit('.').next().unwrap_or(&name) };
            return Ok(Value::str(short));
        }
        "__qualname__" => return Ok(Value::str(&payload.qualname.borrow())),
        "__annotations__" => return type_annotations(ty),
        "__mro__" => {
            return Ok(Value::Obj(PyTuple::new_obj(payload.mro.borrow().iter().cloned().map(Value::Obj).collect())));
        }
        "__bases__" => {
            return Ok(Value::Obj(PyTuple::new_obj(payload.bases.borrow().iter().cloned().map(Value::Obj).collect())));
        }
        "__base__" => return Ok(payload.bases.borrow().first().cloned().map_or(Value::None, Value::Obj)),
        "__flags__" => return Ok(Value::from_bigint(type_flags(ty).into())),
        "__dict__" => return Ok(crate::methods::mappingproxy::new_mappingproxy(Value::Obj(payload.dict.clone()))),
        // CPython's `type_module`: a class's own `__module__`, else the part of a builtin
        // type's name before the dot, else `builtins`.
        "__module__" => {
            // (A builtin type's dict entry is not its module: `type.__dict__['__module__']` is
            // the descriptor that answers this.)
            let own = payload
                .dict
                .downcast::<crate::types::dict::PyDict>()
                .and_then(|d| d.get_str(name_str))
                .filter(|m| !crate::methods::attrdescr::answered_by_slots(m));
            match own {
                Some(m) => return Ok(m),
                None if payload.flags.get() & crate::types::typeobj::TYPE_HEAPTYPE == 0 => {
                    let full = payload.name.borrow().to_string();
                    return Ok(Value::str(full.rsplit_once('.').map_or("builtins", |(m, _)| m)));
                }
                None => return Err(PyErr::attribute_error("__module__")),
            }
        }
        _ => {}
    }
    // The metatype's data descriptors come before the class's own attributes. Only a
    // metaclass can find `type`'s own descriptors along its MRO (`type.__basicsize__`), so
    // ordinary classes skip the extra lookup (a property on a metaclass is still found
    // below when the class has no attribute of that name).
    if crate::types::typeobj::is_subtype(ty, &types().type_)
        && let Some(meta_attr) = crate::types::typeobj::lookup_obj(v.type_ref(), name, name_str)
        && let Value::Obj(a) = &meta_attr
        && let (Some(get), Some(_)) = {
            let slots = type_payload(a.type_ref()).slots();
            (slots.descr_get, slots.descr_set)
        }
        && !crate::methods::attrdescr::answered_by_slots(&meta_attr)
    {
        return get(ctx, &meta_attr, Some(v), v.type_ref());
    }
    if let Some(attr) = crate::types::typeobj::lookup_obj(ty, name, name_str) {
        if let Value::Obj(a) = &attr
            && let Some(get) = type_payload(a.type_ref()).slots().descr_get
        {
            return get(ctx, &attr, None, ty);
        }
        return Ok(attr);
    }
    protocol::generic_getattr(ctx, v, name)
}

/// `type.__flags__`: CPython's `tp_flags` bits that Python code reads (`copyreg` tests
/// `Py_TPFLAGS_HEAPTYPE`, `inspect.isabstract` `Py_TPFLAGS_IS_ABSTRACT`), with the
/// subclass bits of the builtin types a class derives from.
fn type_flags(ty: &pyrite_memory::ObjRef) -> u64 {
    use crate::types::typeobj::{TYPE_BASETYPE, TYPE_HEAPTYPE, is_subtype};
    let payload = type_payload(ty);
    let own = payload.flags.get();
    let mut flags: u64 = 1 << 12; // Py_TPFLAGS_READY
    if own & TYPE_HEAPTYPE != 0 {
        flags |= (1 << 9) | (1 << 14); // HEAPTYPE, HAVE_GC
    } else {
        flags |= 1 << 8; // IMMUTABLETYPE
    }
    if own & TYPE_BASETYPE != 0 {
        flags |= 1 << 10;
    }
    let abstract_methods = payload.dict.downcast::<crate::types::dict::PyDict>().and_then(|d| {
        let name = crate::types::str::PyStr::cached_name("__abstractmethods__");
        d.get_str(name.downcast::<crate::types::str::PyStr>()?)
    });
    if abstract_methods.is_some_and(|m| m.downcast::<crate::types::set::PySet>().is_some_and(|s| !s.is_empty())) {
        flags |= 1 << 20; // IS_ABSTRACT
    }
    let t = types();
    let subclass_bits = [
        (&t.int, 24),
        (&t.list, 25),
        (&t.tuple, 26),
        (&t.bytes, 27),
        (&t.str, 28),
        (&t.dict, 29),
        (&t.base_exception, 30),
        (&t.type_, 31),
    ];
    for (base, bit) in subclass_bits {
        if is_subtype(ty, base) {
            flags |= 1 << bit;
        }
    }
    flags
}

/// Setting an attribute on a class stores it in the class dict and invalidates caches.
pub(crate) fn type_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(ty) = v.as_obj().filter(|o| o.is::<TypeObject>()) else {
        return protocol::generic_setattr(ctx, v, name, value);
    };
    let payload = type_payload(ty);
    if payload.flags.get() & crate::types::typeobj::TYPE_HEAPTYPE == 0 {
        let attr = name.as_str().map_or("?", |s| s.as_str());
        return Err(PyErr::type_error(format!("cannot set '{attr}' attribute of immutable type '{}'", type_name(ty))));
    }
    // Data descriptors on the metatype (e.g. a property on a metaclass) come first; those
    // of `type` itself that this slot answers (`__name__`) are handled below.
    if let Some(name_str) = name.as_str()
        && let Some(attr) = crate::types::typeobj::lookup_obj(v.type_ref(), name, name_str)
        && let Some(set) = attr.as_obj().and_then(|a| type_payload(a.type_ref()).slots().descr_set)
        && !crate::methods::attrdescr::answered_by_slots(&attr)
    {
        return set(ctx, &attr, v, value);
    }
    match name.as_str().map(|s| s.as_str()) {
        Some("__name__") => {
            if let Some(s) = value.as_ref().and_then(Value::as_str) {
                *payload.name.borrow_mut() = s.as_str().into();
                return Ok(());
            }
        }
        Some("__qualname__") => {
            if let Some(s) = value.as_ref().and_then(Value::as_str) {
                *payload.qualname.borrow_mut() = s.as_str().into();
                return Ok(());
            }
        }
        Some("__bases__") => return crate::types::heaptype::set_bases(ty, value.as_ref()),
        _ => {}
    }
    let dict = payload.dict.clone();
    let d = dict.downcast::<crate::types::dict::PyDict>().ok_or_else(|| PyErr::new_system("type dict"))?;
    match value {
        Some(value) => d.set_item(ctx, name.clone(), value)?,
        None => {
            if d.remove(ctx, name)?.is_none() {
                let attr = name.as_str().map_or("?", |s| s.as_str());
                return Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '{attr}'",
                    type_name(ty)
                )));
            }
        }
    }
    // A new dunder changes the slots of the class (and its subclasses, once tracked).
    if name.as_str().is_some_and(|s| s.as_str().starts_with("__") && s.as_str().ends_with("__")) {
        crate::methods::slots::assign_heap_slots(ty);
    }
    // Last: assigning the slots may have stored `__hash__ = None` in the dict too.
    crate::types::typeobj::bump_version(ty);
    Ok(())
}

/// `Class[item]`: `__class_getitem__`.
fn type_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let ty = v.as_obj().ok_or_else(|| PyErr::type_error("not a type"))?;
    match crate::types::typeobj::lookup_str(ty, "__class_getitem__") {
        Some(attr) => {
            let bound = protocol::descriptor_get(ctx, &attr, None, ty)?.unwrap_or(attr);
            protocol::call_positional(ctx, &bound, std::slice::from_ref(key))
        }
        // `type[int]` is special-cased in CPython's `PyObject_GetItem` (no `__class_getitem__`).
        None if ty.is_same(&types().type_) => {
            Ok(crate::methods::generic_alias::new_generic_alias(v.clone(), key.clone()))
        }
        None => Err(PyErr::type_error(format!("type '{}' is not subscriptable", type_name(ty)))),
    }
}

fn object_format(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("__format__", args, 2, 2)?;
    let spec = values[1].as_str().map_or("", |s| s.as_str());
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            values[0].type_name()
        )));
    }
    protocol::str_(ctx, &values[0])
}

fn type_subclasses(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("__subclasses__", args, 1, 1)?;
    let ty = values[0].as_obj().ok_or_else(|| PyErr::type_error("not a type"))?;
    let subclasses = crate::types::typeobj::subclasses(ty).into_iter().map(Value::Obj).collect();
    Ok(Value::Obj(crate::types::list::PyList::new_obj(subclasses)))
}

/// `type.__instancecheck__(cls, obj)`: the check without hooks (CPython's
/// `_PyObject_RealIsInstance`), which also believes a different `obj.__class__`.
fn type_instancecheck(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("__instancecheck__", args, 2, 2)?;
    let cls = values[0].as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '__instancecheck__' requires a 'type' object but received a '{}'",
            values[0].type_name()
        ))
    })?;
    if crate::types::typeobj::is_subtype(values[1].type_ref(), cls) {
        return Ok(Value::Bool(true));
    }
    match protocol::getattr_str(ctx, &values[1], "__class__") {
        Ok(Value::Obj(c)) if c.is::<TypeObject>() && !c.is_same(values[1].type_ref()) => {
            Ok(Value::Bool(crate::types::typeobj::is_subtype(&c, cls)))
        }
        Ok(_) => Ok(Value::Bool(false)),
        Err(e) if e.matches(&types().attribute_error) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

/// `type.__subclasscheck__(cls, sub)`: `issubclass` without hooks.
fn type_subclasscheck(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("__subclasscheck__", args, 2, 2)?;
    let cls = values[0].as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '__subclasscheck__' requires a 'type' object but received a '{}'",
            values[0].type_name()
        ))
    })?;
    let sub = values[1]
        .as_obj()
        .filter(|o| o.is::<TypeObject>())
        .ok_or_else(|| PyErr::type_error("issubclass() arg 1 must be a class"))?;
    Ok(Value::Bool(crate::types::typeobj::is_subtype(sub, cls)))
}

fn type_mro(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("mro", args, 1, 1)?;
    let ty =
        values[0].as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| PyErr::type_error("mro() needs a type"))?;
    let mro = type_payload(ty).mro.borrow().iter().cloned().map(Value::Obj).collect();
    Ok(Value::Obj(crate::types::list::PyList::new_obj(mro)))
}
