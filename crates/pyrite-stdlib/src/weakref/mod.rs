//! The `_weakref` module: weak references (`ref`, also `ReferenceType`), proxies
//! (`proxy`, `ProxyType`, `CallableProxyType`), `getweakrefcount`, `getweakrefs` and
//! `_remove_dead_weakref`, as CPython's `Modules/_weakref.c` and `Objects/weakrefobject.c`.
//!
//! The heap side (the lists of weak references per object, clearing them when it dies,
//! scheduling callbacks) is `pyrite_memory::weak`; this module is the Python side: the
//! types, which objects can be weakly referenced, CPython's "basic reference" reuse and
//! list order, hashing, comparison and reprs.

mod proxy;

use pyrite_bytecode::CompareOp;
use pyrite_memory::weak::{self, WeakRef};
use pyrite_object::methods::{arg_count_error, check_args};
use pyrite_object::types::descriptors::Property;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module, NativeFn};
use pyrite_object::types::list::PyList;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_weakref",
        &[
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("proxy", proxy::proxy),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    Module::set(&module, "ref", Value::Obj(ref_type().clone()));
    Module::set(&module, "ReferenceType", Value::Obj(ref_type().clone()));
    Module::set(&module, "ProxyType", Value::Obj(proxy::proxy_type().clone()));
    Module::set(&module, "CallableProxyType", Value::Obj(proxy::callable_proxy_type().clone()));
    Ok(module)
}

/// `weakref.ReferenceType` (`_weakref.ref`).
pub fn ref_type() -> &'static ObjRef {
    static REF: StaticType = StaticType::new();
    REF.get_or_init(|| {
        let ty = new_native_type_with("ReferenceType", "weakref", None, TYPE_BASETYPE, |slots| {
            slots.new = Some(ref_new);
            slots.init = Some(ref_init);
            slots.call = Some(ref_call);
            slots.hash = Some(ref_hash);
            slots.richcompare = Some(ref_richcompare);
            slots.repr = Some(ref_repr);
        });
        add_getter(&ty, "weakref.ReferenceType", "__callback__", ref_callback);
        pyrite_object::methods::generic_alias::make_generic(&ty);
        ty
    })
}

/// Adds a read-only attribute computed by `getter(self)`.
fn add_getter(ty: &ObjRef, owner: &'static str, name: &'static str, getter: NativeFn) {
    let property = Property {
        fget: pyrite_memory::PayloadCell::new(Value::Obj(BuiltinFunction::new_method(owner, name, getter))),
        fset: pyrite_memory::PayloadCell::new(Value::None),
        fdel: pyrite_memory::PayloadCell::new(Value::None),
        doc: pyrite_memory::PayloadCell::new(Value::None),
        name: pyrite_memory::PayloadCell::new(Value::None),
    };
    let value = Value::Obj(ObjRef::new(property, Some(&types().property)));
    if let Some(d) = type_payload(ty).dict.downcast::<PyDict>() {
        d.set_str(name, value);
    }
}

/// The `ReferenceError` raised by a dead proxy.
fn reference_error() -> PyErr {
    PyErr::new(&types().reference_error, "weakly-referenced object no longer exists")
}

/// Whether `obj` can be weakly referenced: its type keeps a weak-reference list, as
/// CPython's functions, types, sets, generators, code, modules, bound methods, builtin
/// functions and memoryviews do, and classes defined in Python add.
fn weakrefable(obj: &ObjRef) -> bool {
    // CPython's rule: the type keeps a weak-reference list (`__weakrefoffset__` != 0),
    // which classes defined in Python add unless `__slots__` leaves it out or their base
    // is variable-sized (int, tuple, bytes).
    pyrite_object::methods::type_layout::weakref_offset(obj.type_ref()) != 0
}

/// The object to refer to, or CPython's `TypeError`.
fn referent_of(value: &Value) -> PyResult<&ObjRef> {
    value
        .as_obj()
        .filter(|o| weakrefable(o))
        .ok_or_else(|| PyErr::type_error(format!("cannot create weak reference to '{}' object", value.type_name())))
}

/// A callback argument: `None` means no callback.
fn callback_of(value: Option<&Value>) -> PyResult<Option<ObjRef>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(Value::Obj(obj)) => Ok(Some(obj.clone())),
        Some(other) => {
            Err(PyErr::not_implemented(format!("a weakref callback of type '{}' is not supported", other.type_name())))
        }
    }
}

/// CPython's `get_basic_refs`: the referent's reference without callback of exactly type
/// `ref` (at the head of its list), and its proxy without callback (right after).
fn basic_refs(list: &[ObjRef]) -> (Option<ObjRef>, Option<ObjRef>) {
    let no_callback = |w: &ObjRef| w.downcast::<WeakRef>().is_some_and(|p| !p.has_callback());
    let mut rest = list.iter();
    let mut first = rest.next();
    let mut basic_ref = None;
    if let Some(w) = first
        && no_callback(w)
        && w.type_ref().is_same(ref_type())
    {
        basic_ref = Some(w.clone());
        first = rest.next();
    }
    let basic_proxy = first.filter(|w| no_callback(w) && proxy::is_proxy(w)).cloned();
    (basic_ref, basic_proxy)
}

/// `PyArg_UnpackTuple(args, name, 1, 2, ...)`.
fn unpack<'a>(name: &str, args: &'a [Value]) -> PyResult<(&'a Value, Option<&'a Value>)> {
    match args {
        [ob] => Ok((ob, None)),
        [ob, callback] => Ok((ob, Some(callback))),
        _ => Err(arg_count_error(name, args.len(), 1, 2)),
    }
}

/// `ref.__new__(type, ob, callback=None)`.
fn ref_new(_ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let exact = ty.is_same(ref_type());
    if exact && !args.kwnames.is_empty() {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    let (ob, callback) = unpack("__new__", args.pos())?;
    let referent = referent_of(ob)?;
    let callback = callback_of(callback)?;
    let (basic_ref, basic_proxy) = basic_refs(&weak::weakrefs_of(referent));
    if callback.is_none() && exact {
        if let Some(existing) = basic_ref {
            return Ok(Value::Obj(existing));
        }
        return Ok(Value::Obj(weak::new_weakref(referent, None, ty, false, 0)));
    }
    let position = usize::from(basic_ref.is_some()) + usize::from(basic_proxy.is_some());
    Ok(Value::Obj(weak::new_weakref(referent, callback, ty, !exact, position)))
}

/// `ref.__init__`: the arguments were used by `__new__`; only their number is checked.
fn ref_init(_ctx: &mut Ctx, _this: &Value, args: Args<'_>) -> PyResult<()> {
    unpack("__init__", args.pos()).map(drop)
}

fn payload(this: &Value) -> PyResult<&WeakRef> {
    this.downcast::<WeakRef>().ok_or_else(|| PyErr::type_error("a weakref object is required"))
}

/// `r()`: the referent, or None once it is dead.
fn ref_call(_ctx: &mut Ctx, this: &Value, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("weakref() takes no keyword arguments"));
    }
    if !args.values.is_empty() {
        return Err(PyErr::type_error(format!("weakref expected 0 arguments, got {}", args.values.len())));
    }
    Ok(payload(this)?.referent().map_or(Value::None, Value::Obj))
}

fn ref_callback(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = args.values.first().ok_or_else(|| PyErr::type_error("__callback__ needs an argument"))?;
    Ok(payload(this)?.callback().map_or(Value::None, Value::Obj))
}

/// `hash(r)`: the referent's hash, computed once and kept (so it survives the referent).
fn ref_hash(ctx: &mut Ctx, this: &Value) -> PyResult<i64> {
    let weak = payload(this)?;
    if let Some(hash) = weak.hash.get() {
        return Ok(hash);
    }
    let referent = weak.referent().ok_or_else(|| PyErr::type_error("weak object has gone away"))?;
    let hash = protocol::hash(ctx, &Value::Obj(referent))?;
    weak.hash.set(Some(hash));
    Ok(hash)
}

/// `==` and `!=` between weak references (refs or proxies): the referents' comparison while
/// both are alive, identity otherwise.
fn ref_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(wa), Some(wb)) = (a.downcast::<WeakRef>(), b.downcast::<WeakRef>()) else {
        return Ok(protocol::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(protocol::not_implemented());
    }
    match (wa.referent(), wb.referent()) {
        (Some(ra), Some(rb)) => protocol::rich_compare(ctx, &Value::Obj(ra), &Value::Obj(rb), op),
        _ => Ok(Value::Bool(a.is(b) == (op == CompareOp::Eq))),
    }
}

/// `<weakref at 0x...; to 'type' at 0x... (name)>` or `<weakref at 0x...; dead>`.
fn ref_repr(ctx: &mut Ctx, this: &Value) -> PyResult {
    let Some(referent) = payload(this)?.referent() else {
        return Ok(Value::str(&format!("<weakref at {:#x}; dead>", this.id())));
    };
    let value = Value::Obj(referent);
    let name = match protocol::getattr_str(ctx, &value, "__name__") {
        Ok(name) => name.as_str().map(|s| s.as_str().to_owned()),
        Err(e) if e.matches(&types().attribute_error) => None,
        Err(e) => return Err(e),
    };
    let head = format!("<weakref at {:#x}; to '{}' at {:#x}", this.id(), value.type_name(), value.id());
    Ok(Value::str(&match name {
        Some(name) => format!("{head} ({name})>"),
        None => format!("{head}>"),
    }))
}

/// `getweakrefcount(object)`.
fn getweakrefcount(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("_weakref.getweakrefcount", args, 1, 1)?;
    Ok(Value::from(values[0].as_obj().map_or(0, weak::weakref_count)))
}

/// `getweakrefs(object)`: its weak references and proxies, in CPython's list order.
fn getweakrefs(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getweakrefs", args, 1, 1)?;
    let refs = values[0].as_obj().map(weak::weakrefs_of).unwrap_or_default();
    Ok(Value::Obj(PyList::new_obj(refs.into_iter().map(Value::Obj).collect())))
}

/// `_remove_dead_weakref(dct, key)`: deletes `dct[key]` if it is a dead weak reference.
fn remove_dead_weakref(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("_remove_dead_weakref", args, 2, 2)?;
    let Some(dict) = values[0].downcast::<PyDict>() else {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            values[0].type_name()
        )));
    };
    let Some(value) = dict.get_item(ctx, &values[1])? else { return Ok(Value::None) };
    let Some(weak) = value.downcast::<WeakRef>() else {
        return Err(PyErr::type_error("not a weakref"));
    };
    if !weak.is_alive() {
        dict.remove(ctx, &values[1])?;
    }
    Ok(Value::None)
}
