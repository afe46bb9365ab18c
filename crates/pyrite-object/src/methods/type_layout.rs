//! The attributes of `type` that describe a class's C layout in CPython (`__basicsize__`,
//! `__itemsize__`, `__dictoffset__`, `__weakrefoffset__`), `__abstractmethods__` and
//! `__text_signature__`, and the descriptors that put every attribute `type`'s own
//! `getattro` slot answers into `type.__dict__` (so `dir(type)` lists them as CPython's).
//!
//! Pyrite's objects are not laid out as CPython's, but Python code reads these numbers
//! (`sys.getsizeof` arithmetic, `copyreg`, tests of `__slots__`): builtin types report
//! CPython 3.11's values for a 64-bit build, classes defined in Python the values CPython
//! computes from their base, `__slots__` and the `__dict__`/`__weakref__` they add.

use pyrite_memory::ObjRef;

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::attrdescr::{self, Kind};
use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::typeobj::{TYPE_HEAPTYPE, TYPE_NO_DICT, TypeObject, is_subtype, type_payload};
use crate::value::Value;

/// `(name, basicsize, itemsize, dictoffset, weakrefoffset)` of CPython 3.11's builtin
/// types whose layout is not a bare object's (16, 0, 0, 0). Exceptions not listed have
/// `BaseException`'s (72, 0, 16, 0).
const LAYOUTS: &[(&str, i64, i64, i64, i64)] = &[
    ("AttributeError", 88, 0, 16, 0),
    ("BaseExceptionGroup", 88, 0, 16, 0),
    ("BlockingIOError", 112, 0, 16, 0),
    ("BrokenPipeError", 112, 0, 16, 0),
    ("ChildProcessError", 112, 0, 16, 0),
    ("ConnectionAbortedError", 112, 0, 16, 0),
    ("ConnectionError", 112, 0, 16, 0),
    ("ConnectionRefusedError", 112, 0, 16, 0),
    ("ConnectionResetError", 112, 0, 16, 0),
    ("FileExistsError", 112, 0, 16, 0),
    ("FileNotFoundError", 112, 0, 16, 0),
    ("GenericAlias", 64, 0, 0, 40),
    ("ImportError", 96, 0, 16, 0),
    ("IndentationError", 136, 0, 16, 0),
    ("InterruptedError", 112, 0, 16, 0),
    ("IsADirectoryError", 112, 0, 16, 0),
    ("ModuleNotFoundError", 96, 0, 16, 0),
    ("NameError", 80, 0, 16, 0),
    ("NotADirectoryError", 112, 0, 16, 0),
    ("OSError", 112, 0, 16, 0),
    ("PermissionError", 112, 0, 16, 0),
    ("ProcessLookupError", 112, 0, 16, 0),
    ("SimpleNamespace", 24, 0, 16, 0),
    ("StopIteration", 80, 0, 16, 0),
    ("SyntaxError", 136, 0, 16, 0),
    ("SystemExit", 80, 0, 16, 0),
    ("TabError", 136, 0, 16, 0),
    ("TimeoutError", 112, 0, 16, 0),
    ("UnboundLocalError", 80, 0, 16, 0),
    ("UnicodeDecodeError", 112, 0, 16, 0),
    ("UnicodeEncodeError", 112, 0, 16, 0),
    ("UnicodeTranslateError", 112, 0, 16, 0),
    ("UnionType", 32, 0, 0, 0),
    ("async_generator", 152, 8, 0, 24),
    ("bool", 32, 4, 0, 0),
    ("builtin_function_or_method", 56, 0, 0, 40),
    ("bytearray", 56, 0, 0, 0),
    ("bytearray_iterator", 32, 0, 0, 0),
    ("bytes", 33, 1, 0, 0),
    ("bytes_iterator", 32, 0, 0, 0),
    ("callable_iterator", 32, 0, 0, 0),
    ("cell", 24, 0, 0, 0),
    ("classmethod", 32, 0, 24, 0),
    ("classmethod_descriptor", 56, 0, 0, 0),
    ("code", 184, 2, 0, 144),
    ("complex", 32, 0, 0, 0),
    ("coroutine", 152, 8, 0, 24),
    ("coroutine_wrapper", 24, 0, 0, 0),
    ("dict", 48, 0, 0, 0),
    ("dict_itemiterator", 56, 0, 0, 0),
    ("dict_items", 24, 0, 0, 0),
    ("dict_keyiterator", 56, 0, 0, 0),
    ("dict_keys", 24, 0, 0, 0),
    ("dict_reverseitemiterator", 56, 0, 0, 0),
    ("dict_reversekeyiterator", 56, 0, 0, 0),
    ("dict_reversevalueiterator", 56, 0, 0, 0),
    ("dict_valueiterator", 56, 0, 0, 0),
    ("dict_values", 24, 0, 0, 0),
    ("enumerate", 56, 0, 0, 0),
    ("filter", 32, 0, 0, 0),
    ("float", 24, 0, 0, 0),
    ("frame", 120, 8, 0, 0),
    ("frozenset", 200, 0, 0, 192),
    ("function", 136, 0, 88, 96),
    ("generator", 152, 8, 0, 24),
    ("getset_descriptor", 48, 0, 0, 0),
    ("int", 24, 4, 0, 0),
    ("list", 40, 0, 0, 0),
    ("list_iterator", 32, 0, 0, 0),
    ("list_reverseiterator", 32, 0, 0, 0),
    ("longrange_iterator", 48, 0, 0, 0),
    ("map", 32, 0, 0, 0),
    ("mappingproxy", 24, 0, 0, 0),
    ("member_descriptor", 48, 0, 0, 0),
    ("memory_iterator", 48, 0, 0, 0),
    ("memoryview", 144, 8, 0, 136),
    ("method", 48, 0, 0, 32),
    ("method-wrapper", 32, 0, 0, 0),
    ("method_descriptor", 56, 0, 0, 0),
    ("module", 56, 0, 16, 40),
    ("property", 64, 0, 0, 0),
    ("range", 48, 0, 0, 0),
    ("range_iterator", 48, 0, 0, 0),
    ("reversed", 32, 0, 0, 0),
    ("set", 200, 0, 0, 192),
    ("set_iterator", 48, 0, 0, 0),
    ("slice", 40, 0, 0, 0),
    ("staticmethod", 32, 0, 24, 0),
    ("str", 80, 0, 0, 0),
    ("str_ascii_iterator", 32, 0, 0, 0),
    ("super", 40, 0, 0, 0),
    ("traceback", 40, 0, 0, 0),
    ("tuple", 24, 8, 0, 0),
    ("tuple_iterator", 32, 0, 0, 0),
    ("type", 904, 40, 264, 368),
    ("wrapper_descriptor", 56, 0, 0, 0),
    ("zip", 48, 0, 0, 0),
];

/// Installs the descriptors into the dict of `type`.
pub(crate) fn add_descriptors(ty: &ObjRef) {
    // Answered by `type`'s `getattro`, before any lookup.
    attrdescr::add(
        ty,
        Kind::GetSet,
        &["__name__", "__qualname__", "__annotations__", "__bases__", "__dict__", "__module__"],
    );
    attrdescr::add(ty, Kind::Member, &["__mro__", "__base__", "__flags__"]);
    attrdescr::add_getset(
        ty,
        Kind::GetSet,
        &[
            ("__abstractmethods__", abstractmethods_get, Some(abstractmethods_set)),
            ("__text_signature__", |_, _| Ok(Value::None), None),
        ],
    );
    attrdescr::add_getset(
        ty,
        Kind::Member,
        &[
            ("__basicsize__", |_, v| Ok(Value::Int(layout(class(v)?).0)), None),
            ("__itemsize__", |_, v| Ok(Value::Int(layout(class(v)?).1)), None),
            ("__dictoffset__", |_, v| Ok(Value::Int(layout(class(v)?).2)), None),
            ("__weakrefoffset__", |_, v| Ok(Value::Int(layout(class(v)?).3)), None),
        ],
    );
}

/// Where instances of `ty` keep their weak-reference list (CPython's
/// `tp_weakrefoffset`): 0 when they cannot be weakly referenced.
#[must_use]
pub fn weakref_offset(ty: &ObjRef) -> i64 {
    layout(ty).3
}

fn class(v: &Value) -> PyResult<&ObjRef> {
    v.as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| PyErr::type_error("descriptor requires a 'type' object"))
}

fn own_dict(ty: &ObjRef) -> PyResult<&PyDict> {
    type_payload(ty).dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("type dict"))
}

/// `cls.__abstractmethods__`: only a class's own, and never `type`'s.
fn abstractmethods_get(_: &mut Ctx, v: &Value) -> PyResult {
    let ty = class(v)?;
    let found =
        if ty.is_same(&types().type_) { None } else { own_dict(ty)?.get_str(&PyStr::from_str("__abstractmethods__")) };
    found.ok_or_else(|| PyErr::attribute_error("__abstractmethods__"))
}

fn abstractmethods_set(ctx: &mut Ctx, v: &Value, value: Option<Value>) -> PyResult<()> {
    let ty = class(v)?;
    if type_payload(ty).flags.get() & TYPE_HEAPTYPE == 0 {
        return Err(PyErr::type_error(format!(
            "cannot set '__abstractmethods__' attribute of immutable type '{}'",
            crate::types::typeobj::type_name(ty)
        )));
    }
    let d = own_dict(ty)?;
    let key = Value::str("__abstractmethods__");
    match value {
        Some(value) => d.set_item(ctx, key, value)?,
        None => {
            if d.remove(ctx, &key)?.is_none() {
                return Err(PyErr::attribute_error("__abstractmethods__"));
            }
        }
    }
    crate::types::typeobj::bump_version(ty);
    Ok(())
}

/// `(basicsize, itemsize, dictoffset, weakrefoffset)` of a class.
fn layout(ty: &ObjRef) -> (i64, i64, i64, i64) {
    let payload = type_payload(ty);
    if payload.flags.get() & TYPE_HEAPTYPE == 0 {
        let name = payload.name.borrow();
        let short = name.rsplit('.').next().unwrap_or(&name);
        if let Some(&(_, basic, item, dict, weak)) = LAYOUTS.iter().find(|row| row.0 == short) {
            return (basic, item, dict, weak);
        }
        if is_subtype(ty, &types().base_exception) {
            return (72, 0, 16, 0);
        }
        return (16, 0, 0, 0);
    }
    // A class defined in Python: its first base's layout, one pointer per `__slots__`
    // member, then the weak-reference list it adds; its `__dict__` lives before the object
    // (3.11's managed dicts), which CPython records as a negative offset.
    let base = payload.bases.borrow().first().cloned().unwrap_or_else(|| types().object.clone());
    let (mut basic, item, base_dict, mut weak) = layout(&base);
    let slots = own_dict(ty).ok().and_then(|d| d.get_str(&PyStr::from_str("__slots__")));
    let mut adds_weakref = slots.is_none() && weak == 0;
    for name in slots.iter().flat_map(slot_names) {
        match name.as_str() {
            "__weakref__" => adds_weakref = weak == 0,
            "__dict__" => {}
            _ => basic += 8,
        }
    }
    if adds_weakref && is_weakrefable_base(ty) {
        weak = basic;
        basic += 8;
    }
    let has_dict = payload.flags.get() & TYPE_NO_DICT == 0;
    // Variable-sized objects (int, bytes, tuple subclasses) keep the dict pointer at their
    // end instead, counted from there.
    let dict = match (has_dict, base_dict) {
        (false, _) => 0,
        (true, 0) if item == 0 => -basic - 24,
        (true, 0) => {
            basic += 8;
            -8
        }
        (true, d) => d,
    };
    (basic, item, dict, weak)
}

/// Whether instances of the builtin base of `ty` may be weakly referenced (not `int`,
/// `tuple`, `bytes`: variable-sized objects get no weak-reference list).
fn is_weakrefable_base(ty: &ObjRef) -> bool {
    let solid = crate::protocol::solid_base(ty);
    let t = types();
    ![&t.int, &t.tuple, &t.bytes, &t.bool].iter().any(|b| is_subtype(&solid, b))
}

/// The names a `__slots__` value lists (a string, or an iterable of strings held in a
/// tuple or list).
fn slot_names(slots: &Value) -> Vec<String> {
    if let Some(s) = slots.as_str() {
        return vec![s.as_str().to_owned()];
    }
    let items = if let Some(t) = slots.downcast::<crate::types::list::PyTuple>() {
        t.items().to_vec()
    } else if let Some(l) = slots.downcast::<crate::types::list::PyList>() {
        l.to_vec()
    } else {
        Vec::new()
    };
    items.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_owned())).collect()
}
