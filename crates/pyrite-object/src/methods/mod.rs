//! The Python-visible behaviour of the builtin types: their slots and methods, one module
//! per type, installed into the type objects once at start-up.

use pyrite_memory::ObjRef;

use crate::ctx::Args;
use crate::error::{PyErr, PyResult};
use crate::registry::TypeTable;
use crate::types::dict::PyDict;
use crate::types::function::{BuiltinFunction, NativeFn};
use crate::types::typeobj::{Slots, type_payload};
use crate::value::Value;

pub mod attrdescr;
pub mod bytes;
mod code;
pub mod codecs;
pub mod complex;
mod complex_text;
pub mod descriptors;
mod exception;
pub(crate) use exception::{exception_getattro, exception_setattro};
pub mod float;
pub mod format;
mod function;
pub mod generic_alias;
pub mod groups;
pub mod int;
pub mod iter_state;
pub mod iters;
pub mod list;
mod mapping;
pub mod mappingproxy;
pub mod members;
pub mod memoryview_items;
pub mod number_dunders;
mod object;
pub mod params;
pub mod range;
pub mod sequence;
pub mod set;
pub mod slice;
pub mod slots;
pub mod sort;
pub mod str;
mod tuple;
pub mod type_layout;
pub mod union;
pub mod views;

/// Installs every builtin type's slots and methods.
pub fn setup_all(t: &TypeTable) {
    object::setup(t);
    int::setup(t);
    float::setup(t);
    str::setup(t);
    list::setup(t);
    tuple::setup(t);
    mapping::setup(t);
    range::setup(t);
    function::setup(t);
    code::setup(t);
    exception::setup(t);
    groups::setup(t);
    descriptors::setup(t);
    slice::setup(t);
    set::setup(t);
    iters::setup(t);
    views::setup(t);
    bytes::setup(t);
    complex::setup(t);
    number_dunders::setup(t);
    set_slots(&t.iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(sequence_iter_next);
    });
    for ty in [&t.list, &t.dict, &t.set, &t.slice] {
        set_slots(ty, |s| s.hash = Some(hash_not_implemented));
    }
    for ty in [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.enumerate] {
        generic_alias::make_generic(ty);
    }
    let all = t.all();
    for ty in &all {
        slots::install_wrappers(ty);
        // Builtin types have no docstrings here: `int.__doc__` is None, not `object`'s.
        if let Some(d) = type_payload(ty).dict.downcast::<PyDict>()
            && d.get_str(&crate::types::str::PyStr::from_str("__doc__")).is_none()
        {
            crate::types::intern::set_name(d, "__doc__", Value::None);
        }
    }
    // CPython's unhashable builtins have `__hash__ = None` in their dict (which is what
    // `collections.abc.Hashable` looks for), while their slot raises the TypeError.
    for ty in [&t.list, &t.dict, &t.set, &t.slice, &t.bytearray] {
        set_type_attr(ty, "__hash__", Value::None);
    }
    for ty in [&t.list, &t.tuple, &t.range, &t.memoryview] {
        let payload = crate::types::typeobj::type_payload(ty);
        payload.flags.set(payload.flags.get() | crate::types::typeobj::TYPE_SEQUENCE);
    }
    let dict = crate::types::typeobj::type_payload(&t.dict);
    dict.flags.set(dict.flags.get() | crate::types::typeobj::TYPE_MAPPING);
    for ty in all {
        crate::types::typeobj::inherit_slots(ty);
    }
}

/// `next()` of the iterator made by `iter()` over an object with only `__getitem__`.
fn sequence_iter_next(ctx: &mut crate::ctx::Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<crate::types::misc::SeqIter>() else { return Ok(None) };
    let Some(seq) = iter.seq.borrow().clone() else { return Ok(None) };
    let index = iter.index.get();
    match crate::protocol::getitem(ctx, &seq, &Value::from(index)) {
        Ok(value) => {
            iter.index.set(index + 1);
            Ok(Some(value))
        }
        Err(e) if e.matches(&crate::types().index_error) || e.matches(&crate::types().stop_iteration) => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The `__hash__` of unhashable types.
fn hash_not_implemented(_: &mut crate::ctx::Ctx, v: &Value) -> PyResult<i64> {
    Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name())))
}

/// Changes a type's slots.
pub(crate) fn set_slots(ty: &ObjRef, f: impl FnOnce(&mut Slots)) {
    f(&mut type_payload(ty).slots.borrow_mut());
}

/// Adds native methods to a type's dict.
pub fn add_methods(ty: &ObjRef, owner: &'static str, methods: &[(&'static str, NativeFn)]) {
    let dict = type_payload(ty).dict.clone();
    let Some(d) = dict.downcast::<PyDict>() else { return };
    for &(name, func) in methods {
        crate::types::intern::set_name(d, name, Value::Obj(BuiltinFunction::new_method_of(ty, owner, name, func)));
    }
}

/// Stores a plain attribute in a type's dict.
pub(crate) fn set_type_attr(ty: &ObjRef, name: &str, value: Value) {
    if let Some(d) = type_payload(ty).dict.downcast::<PyDict>() {
        crate::types::intern::set_name(d, name, value);
    }
}

/// Checks a native function's positional argument count and that no keywords were given;
/// returns the positional arguments.
pub fn check_args<'a>(name: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.values.len();
    if n < min || n > max {
        return Err(arg_count_error(name, n, min, max));
    }
    Ok(args.values)
}

/// The TypeError for a wrong number of arguments, worded as CPython's argument clinic.
#[must_use]
pub fn arg_count_error(name: &str, given: usize, min: usize, max: usize) -> PyErr {
    if min == max {
        return match min {
            0 => PyErr::type_error(format!("{name}() takes no arguments ({given} given)")),
            1 => PyErr::type_error(format!("{name}() takes exactly one argument ({given} given)")),
            _ => PyErr::type_error(format!("{name} expected {min} arguments, got {given}")),
        };
    }
    if given < min {
        PyErr::type_error(format!(
            "{name} expected at least {min} argument{}, got {given}",
            if min == 1 { "" } else { "s" }
        ))
    } else {
        PyErr::type_error(format!(
            "{name} expected at most {max} argument{}, got {given}",
            if max == 1 { "" } else { "s" }
        ))
    }
}

/// An int argument CPython reads as a C `int` (`tabsize`, `keepends`): any int converts,
/// but one outside 32 bits is an OverflowError saying so.
pub fn c_int_arg(ctx: &mut crate::ctx::Ctx, v: &Value) -> PyResult<i64> {
    let i =
        crate::protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
    match crate::methods::int::as_small(&i) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(PyErr::overflow("Python int too large to convert to C int")),
    }
}

/// How CPython's `_PyArg_BadArgument` names an argument of the wrong type: `None` as
/// itself, anything else by its type's name.
#[must_use]
pub fn bad_argument_name(v: &Value) -> String {
    if v.is_none() { "None".to_owned() } else { v.type_name().to_string() }
}

/// For methods: `self` and the other positional arguments, checked for count (not
/// counting `self`).
pub fn method_args<'a>(name: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<(&'a Value, &'a [Value])> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error(format!("descriptor '{name}' needs an argument")));
    };
    if rest.len() < min || rest.len() > max {
        return Err(arg_count_error(name, rest.len(), min, max));
    }
    Ok((this, rest))
}

/// Adds read-only attributes computed by native getters (`getset_descriptor`s, as CPython's
/// computed attributes of builtin types) to a type's dict.
pub(crate) fn add_getters(ty: &ObjRef, _owner: &'static str, getters: &[(&'static str, NativeFn)]) {
    attrdescr::add_computed(ty, attrdescr::Kind::GetSet, getters);
}
