//! The abstract object protocol: what `repr(x)`, `a == b`, `a + b`, `x.attr`, `iter(x)`,
//! `x[k]` and `f(*args)` mean for any value, dispatched through the types' slots (CPython's
//! `Objects/abstract.c` and `object.c`). Inline values take fast paths first.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::ObjRef;

use crate::attrs;
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::num;
use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::function::{BoundMethod, BuiltinFunction, Function, Module, SlotWrapper};
use crate::types::instance::Instance;
use crate::types::int::PyInt;
use crate::types::intern;
use crate::types::list::{PyList, PyTuple};
use crate::types::str::PyStr;
use crate::types::typeobj::{self, TypeObject, UnaryOp, is_subtype, type_name, type_payload};
use crate::value::Value;

/// Whether `value` is an instance of `ty` (exact or subclass), without `__instancecheck__`.
#[inline]
#[must_use]
pub fn isinstance(value: &Value, ty: &ObjRef) -> bool {
    is_subtype(value.type_ref(), ty)
}

/// Whether the value is the `NotImplemented` singleton.
#[inline]
#[must_use]
pub fn is_not_implemented(value: &Value) -> bool {
    value.as_obj().is_some_and(|o| o.is_same(&types().not_implemented))
}

/// `NotImplemented`.
#[must_use]
pub fn not_implemented() -> Value {
    Value::Obj(types().not_implemented.clone())
}

/// Equality decided without running Python code, when possible.
#[must_use]
pub fn eq_fast(a: &Value, b: &Value) -> Option<bool> {
    eq_fast_nested(a, b, 0)
}

/// Tuples inside tuples whose equality [`eq_fast`] decides item by item, at most this deep
/// (deeper ones take the general path, which guards the native stack).
const EQ_FAST_TUPLE_DEPTH: u32 = 4;

fn eq_fast_nested(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Some(x == y),
        (Value::None, Value::None) => return Some(true),
        (Value::Bool(x), Value::Bool(y)) => return Some(x == y),
        _ => {}
    }
    let t = types();
    // Two strs (dict keys, mostly) before the number tests.
    if let (Value::Obj(x), Value::Obj(y)) = (a, b)
        && x.type_ref().is_same(&t.str)
        && y.type_ref().is_same(&t.str)
    {
        return Some(x.downcast::<PyStr>()?.eq_str(y.downcast::<PyStr>()?));
    }
    let is_number = |v: &Value| match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Obj(o) => o.type_ref().is_same(&t.int) || o.type_ref().is_same(&t.float),
        Value::None => false,
    };
    if is_number(a) && is_number(b) {
        return crate::methods::int::compare_numbers(a, b, CompareOp::Eq).map(|v| matches!(v, Value::Bool(true)));
    }
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => {
            if x.type_ref().is_same(&t.str) && y.type_ref().is_same(&t.str) {
                return Some(x.downcast::<PyStr>()?.eq_str(y.downcast::<PyStr>()?));
            }
            if depth < EQ_FAST_TUPLE_DEPTH && x.type_ref().is_same(&t.tuple) && y.type_ref().is_same(&t.tuple) {
                return tuple_eq_fast(x.downcast::<PyTuple>()?.items(), y.downcast::<PyTuple>()?.items(), depth);
            }
            None
        }
        (Value::Obj(x), _) | (_, Value::Obj(x)) => {
            let ty = x.type_ref();
            if ty.is_same(&t.str) || ty.is_same(&t.tuple) || ty.is_same(&t.list) { Some(false) } else { None }
        }
        _ => Some(false),
    }
}

/// Equality of two exact tuples as CPython's `tuplerichcompare` finds it, when every item
/// pair up to the first unequal one is decided without Python code (tuple keys of dicts).
fn tuple_eq_fast(x: &[Value], y: &[Value], depth: u32) -> Option<bool> {
    if x.len() != y.len() {
        return Some(false);
    }
    for (p, q) in x.iter().zip(y) {
        if p.is(q) {
            continue;
        }
        if !eq_fast_nested(p, q, depth + 1)? {
            return Some(false);
        }
    }
    Some(true)
}

/// `a == b` as a bool, with the identity shortcut containers use.
pub fn eq(ctx: &mut Ctx, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if let Some(result) = eq_fast(a, b) {
        return Ok(result);
    }
    let result = rich_compare(ctx, a, b, CompareOp::Eq)?;
    truthy(ctx, &result)
}

/// `a <op> b` (CPython's `PyObject_RichCompare`): tries the reflected operation of a
/// subclass first, then `a`'s, then `b`'s; `==`/`!=` fall back to identity.
pub fn rich_compare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let ta = a.type_ref().clone();
    let tb = b.type_ref().clone();
    let slot_a = type_payload(&ta).slots().richcompare;
    let slot_b = type_payload(&tb).slots().richcompare;
    let mut checked_reflected = false;
    if !ta.is_same(&tb)
        && is_subtype(&tb, &ta)
        && let Some(slot) = slot_b
    {
        checked_reflected = true;
        let result = slot(ctx, b, a, op.swapped())?;
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    if let Some(slot) = slot_a {
        let result = slot(ctx, a, b, op)?;
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    if !checked_reflected && let Some(slot) = slot_b {
        let result = slot(ctx, b, a, op.swapped())?;
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    match op {
        CompareOp::Eq => Ok(Value::Bool(a.is(b))),
        CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(&ta),
            type_name(&tb)
        ))),
    }
}

/// `a <op> b` as a bool.
pub fn compare_bool(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult<bool> {
    if op == CompareOp::Eq {
        return eq(ctx, a, b);
    }
    let result = rich_compare(ctx, a, b, op)?;
    truthy(ctx, &result)
}

/// `hash(v)`.
pub fn hash(ctx: &mut Ctx, value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(i) => Ok(num::hash_i64(*i)),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::Float(f) => Ok(num::hash_f64(*f).unwrap_or(0)),
        Value::None => Ok(pointer_hash(value.id())),
        Value::Obj(obj) => {
            // A str subclass may define its own `__hash__`: its slot says.
            if let Some(s) = obj.downcast::<PyStr>()
                && obj.type_ref().is_same(&types().str)
            {
                return Ok(s.hash());
            }
            let slots = type_payload(obj.type_ref()).slots();
            match slots.hash {
                Some(slot) => slot(ctx, value),
                None => Err(PyErr::type_error(format!("unhashable type: '{}'", value.type_name()))),
            }
        }
    }
}

/// `hash(v)` when computing it runs no Python code and cannot fail: inline values, exact
/// `str`, `int` and `float` objects, and exact tuples of these (nested at most
/// [`EQ_FAST_TUPLE_DEPTH`] deep); `None` for anything else (subclasses, which may override
/// `__hash__`, and unhashable values), which takes [`hash`].
#[inline]
#[must_use]
pub fn hash_fast(value: &Value) -> Option<i64> {
    match value {
        Value::Int(i) => Some(num::hash_i64(*i)),
        Value::Obj(obj) => hash_obj_fast(obj, 0),
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Float(f) => Some(num::hash_f64(*f).unwrap_or(0)),
        Value::None => Some(pointer_hash(value.id())),
    }
}

fn hash_obj_fast(obj: &ObjRef, depth: u32) -> Option<i64> {
    let t = types();
    let ty = obj.type_ref();
    if ty.is_same(&t.str) {
        return obj.downcast::<PyStr>().map(PyStr::hash);
    }
    if ty.is_same(&t.tuple) && depth < EQ_FAST_TUPLE_DEPTH {
        let items = obj.downcast::<PyTuple>()?.items();
        let item_hash = |item: &Value| match item {
            Value::Obj(inner) => hash_obj_fast(inner, depth + 1),
            other => hash_fast(other),
        };
        let mut small = [0i64; 8];
        if items.len() <= small.len() {
            for (slot, item) in small.iter_mut().zip(items) {
                *slot = item_hash(item)?;
            }
            return Some(combine_tuple_hash(small[..items.len()].iter().copied()));
        }
        let hashes = items.iter().map(item_hash).collect::<Option<Vec<i64>>>()?;
        return Some(combine_tuple_hash(hashes.into_iter()));
    }
    if ty.is_same(&t.int) {
        return obj.downcast::<PyInt>().map(|i| num::hash_bigint(&i.0));
    }
    if ty.is_same(&t.float) {
        // A boxed float is a NaN: hashed by identity, as CPython 3.10+ hashes NaNs.
        let f = obj.downcast::<crate::types::misc::BoxedFloat>()?.0;
        return Some(num::hash_f64(f).unwrap_or_else(|| pointer_hash(obj.addr())));
    }
    None
}

/// CPython's `_Py_HashPointer`: the address rotated by 4 bits.
#[must_use]
pub fn pointer_hash(address: usize) -> i64 {
    #[expect(clippy::cast_possible_wrap, reason = "a hash is the bits of the address")]
    let h = address.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython's tuple hash (an xxHash variant) over item hashes.
#[must_use]
pub fn combine_tuple_hash(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let len = hashes.len() as u64;
    let mut acc = P5;
    for h in hashes {
        #[expect(clippy::cast_sign_loss, reason = "hash bits")]
        let lane = h as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3_527_539));
    #[expect(clippy::cast_possible_wrap, reason = "hash bits")]
    let result = acc as i64;
    if result == -1 { 1_546_275_796 } else { result }
}

/// `bool(v)`.
pub fn truthy(ctx: &mut Ctx, value: &Value) -> PyResult<bool> {
    match value {
        Value::None => Ok(false),
        Value::Bool(b) => Ok(*b),
        Value::Int(i) => Ok(*i != 0),
        Value::Float(f) => Ok(*f != 0.0),
        Value::Obj(obj) => {
            if let Some(s) = obj.downcast::<PyStr>() {
                return Ok(!s.is_empty());
            }
            if let Some(l) = obj.downcast::<PyList>() {
                return Ok(!l.is_empty());
            }
            if let Some(t) = obj.downcast::<PyTuple>() {
                return Ok(!t.is_empty());
            }
            if let Some(d) = obj.downcast::<PyDict>() {
                return Ok(!d.is_empty());
            }
            let slots = type_payload(obj.type_ref()).slots();
            if let Some(slot) = slots.bool {
                return slot(ctx, value);
            }
            if let Some(slot) = slots.len {
                return Ok(slot(ctx, value)? != 0);
            }
            Ok(true)
        }
    }
}

/// `repr(v)` as a str value.
pub fn repr(ctx: &mut Ctx, value: &Value) -> PyResult {
    match value {
        Value::None => Ok(Value::str("None")),
        Value::Bool(true) => Ok(Value::str("True")),
        Value::Bool(false) => Ok(Value::str("False")),
        // Built in place as CPython does: never the shared one-character str.
        Value::Int(i) => Ok(Value::Obj(small_int_str(*i))),
        Value::Float(f) => Ok(Value::str(&num::float_repr(*f))),
        Value::Obj(obj) => {
            let slot = type_payload(obj.type_ref()).slots().repr;
            ctx.enter_native_call(" while getting the repr of an object")?;
            let result = match slot {
                Some(slot) => slot(ctx, value),
                None => Ok(Value::str(&default_repr(value))),
            };
            ctx.leave_call();
            let result = result?;
            if result.as_str().is_none() {
                return Err(PyErr::type_error(format!("__repr__ returned non-string (type {})", result.type_name())));
            }
            Ok(result)
        }
    }
}

/// `str(i)` (and `repr(i)`, `f"{i}"`) of a small int: a new str of its decimal text, built
/// in place as CPython does (never the shared one-character str).
#[must_use]
pub fn small_int_str(i: i64) -> ObjRef {
    let mut buf = [0; 20];
    let text = small_int_text(i, &mut buf);
    PyStr::from_ascii_parts_obj(text.len(), [text])
}

/// The decimal text of `i`, written into `buf` (20 bytes hold `i64::MIN`): `str(i)` without
/// the formatting machinery and a temporary `String`.
fn small_int_text(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut start = write_digits(i.unsigned_abs(), buf);
    if i < 0 {
        start -= 1;
        buf[start] = b'-';
    }
    // SAFETY: `buf[start..]` holds only ASCII digits and a sign, written just above.
    unsafe { std::str::from_utf8_unchecked(&buf[start..]) }
}

/// The decimal digits of `n`, written at the end of `buf` (20 bytes hold `u64::MAX`).
pub fn decimal_digits(n: u64, buf: &mut [u8; 20]) -> &str {
    let start = write_digits(n, buf);
    std::str::from_utf8(&buf[start..]).unwrap_or("0")
}

/// Writes the digits of `n` at the end of `buf`; returns where they start (at least 1
/// when `n` fits an `i64` magnitude, leaving room for a sign).
fn write_digits(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = b"0123456789"[(n % 10) as usize];
        n /= 10;
        if n == 0 {
            return start;
        }
    }
}

/// Runs a container's `repr` body unless the container's `repr` is already in progress
/// further up (CPython's `Py_ReprEnter`/`Py_ReprLeave`); then the result is `placeholder`.
pub fn repr_guarded(
    ctx: &mut Ctx,
    value: &Value,
    placeholder: &str,
    body: impl FnOnce(&mut Ctx) -> PyResult,
) -> PyResult {
    let Some(obj) = value.as_obj() else { return body(ctx) };
    if ctx.repr_active.iter().any(|o| o.is_same(obj)) {
        return Ok(Value::str(placeholder));
    }
    ctx.repr_active.push(obj.clone());
    let result = body(ctx);
    if let Some(pos) = ctx.repr_active.iter().rposition(|o| o.is_same(obj)) {
        drop(ctx.repr_active.remove(pos));
    }
    result
}

/// `<module.Name object at 0x...>`.
#[must_use]
pub fn default_repr(value: &Value) -> String {
    format!("<{} object at {:#x}>", qualified_type_name(value.type_ref()), value.id())
}

/// `module.qualname` of a type, without `builtins.`.
#[must_use]
pub fn qualified_type_name(ty: &ObjRef) -> String {
    let payload = type_payload(ty);
    let qualname = payload.qualname.borrow().to_string();
    let module = payload.dict.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__module__")));
    match module.as_ref().and_then(Value::as_str) {
        Some(m) if m.as_str() != "builtins" => format!("{}.{qualname}", m.as_str()),
        Some(_) => qualname,
        // A native type's module is the part of its dotted name before the last dot.
        None if payload.flags.get() & typeobj::TYPE_HEAPTYPE == 0 => match payload.name.borrow().rsplit_once('.') {
            Some((m, _)) => format!("{m}.{qualname}"),
            None => qualname,
        },
        None => qualname,
    }
}

/// `repr(v)` as Rust text.
pub fn repr_string(ctx: &mut Ctx, value: &Value) -> PyResult<String> {
    let r = repr(ctx, value)?;
    Ok(r.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default())
}

/// `str(v)` as a str value.
pub fn str_(ctx: &mut Ctx, value: &Value) -> PyResult {
    if let Value::Obj(obj) = value {
        if obj.type_ref().is_same(&types().str) {
            return Ok(value.clone());
        }
        if let Some(slot) = type_payload(obj.type_ref()).slots().str {
            let result = slot(ctx, value)?;
            if result.as_str().is_none() {
                return Err(PyErr::type_error(format!("__str__ returned non-string (type {})", result.type_name())));
            }
            return Ok(result);
        }
    }
    repr(ctx, value)
}

/// `str(v)` as Rust text.
pub fn str_string(ctx: &mut Ctx, value: &Value) -> PyResult<String> {
    let s = str_(ctx, value)?;
    Ok(s.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default())
}

/// The `__dict__` of an object that has one: made if needed when `create` (see
/// [`attrs::dict`]), else only if it already exists as a dict object (an instance whose
/// attributes are inline has none; read them with [`attrs::lookup`]).
#[must_use]
pub fn instance_dict(obj: &ObjRef, create: bool) -> Option<ObjRef> {
    if create { attrs::dict(obj) } else { attrs::existing_dict(obj) }
}

/// `getattr(v, name)`; `name` is a str value. Raises AttributeError when missing.
pub fn getattr(ctx: &mut Ctx, value: &Value, name: &Value) -> PyResult {
    let slot = type_payload(value.type_ref()).slots().getattro;
    match slot {
        Some(slot) => slot(ctx, value, name),
        None => generic_getattr(ctx, value, name),
    }
}

/// `getattr(v, "name")` for a Rust string name.
pub fn getattr_str(ctx: &mut Ctx, value: &Value, name: &str) -> PyResult {
    getattr(ctx, value, &Value::str(name))
}

/// Whether an attribute found on a class is a plain method: called with `self` prepended
/// rather than bound first (functions, builtin method descriptors, slot wrappers).
#[must_use]
pub fn is_plain_method(attr: &Value) -> bool {
    let Value::Obj(a) = attr else { return false };
    a.is::<Function>()
        || (a.type_ref().is_same(&types().method_descriptor)
            && a.downcast::<BuiltinFunction>().is_some_and(|f| f.bound.is_none()))
        || a.downcast::<SlotWrapper>().is_some_and(|w| w.bound.is_none())
}

/// For calling a class attribute on `obj`: `None` when it is a plain method (prepend
/// `obj`), otherwise the attribute bound through its descriptor (or itself).
pub fn bind_attribute(ctx: &mut Ctx, attr: &Value, obj: &Value) -> PyResult<Option<Value>> {
    if is_plain_method(attr) {
        return Ok(None);
    }
    let owner = obj.type_ref().clone();
    Ok(Some(descriptor_get(ctx, attr, Some(obj), &owner)?.unwrap_or_else(|| attr.clone())))
}

/// Applies an attribute's `__get__`; `None` when it is not a descriptor.
pub fn descriptor_get(ctx: &mut Ctx, attr: &Value, obj: Option<&Value>, owner: &ObjRef) -> PyResult<Option<Value>> {
    let Value::Obj(a) = attr else { return Ok(None) };
    if let Some(w) = a.downcast::<SlotWrapper>() {
        if w.bound.is_some() {
            return Ok(None);
        }
        return Ok(Some(match obj {
            Some(o) => Value::Obj(ObjRef::new(
                SlotWrapper { name: w.name, owner: w.owner.clone(), kind: w.kind, bound: Some(o.clone()) },
                Some(&types().method_wrapper),
            )),
            None => attr.clone(),
        }));
    }
    if let Some(f) = a.downcast::<BuiltinFunction>() {
        if f.bound.is_none() && a.type_ref().is_same(&types().method_descriptor) {
            return Ok(Some(match obj {
                Some(o) => Value::Obj(f.bind(o.clone())),
                None => attr.clone(),
            }));
        }
        return Ok(None);
    }
    if a.is::<Function>() {
        return Ok(Some(match obj {
            Some(o) => Value::Obj(BoundMethod::new_obj(attr.clone(), o.clone())),
            None => attr.clone(),
        }));
    }
    match type_payload(a.type_ref()).slots().descr_get {
        Some(get) => get(ctx, attr, obj, owner).map(Some),
        None => Ok(None),
    }
}

fn is_data_descriptor(attr: &Value) -> bool {
    attr.as_obj().is_some_and(|a| type_payload(a.type_ref()).slots().descr_set.is_some())
}

/// `object.__getattribute__`: data descriptors on the type, then the instance dict, then
/// other class attributes.
pub fn generic_getattr(ctx: &mut Ctx, value: &Value, name: &Value) -> PyResult {
    let Some(name_str) = name.as_str() else {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", name.type_name())));
    };
    let ty = value.type_ref();
    if let Some(special) = special_attribute(value, ty, name_str) {
        return Ok(special);
    }
    let class_attr = typeobj::lookup_obj(ty, name, name_str);
    generic_getattr_found(ctx, value, ty, name_str, class_attr)
}

/// `__class__` and a `__dict__` that exists, which `object.__getattribute__` answers
/// before anything else.
#[inline]
fn special_attribute(value: &Value, ty: &ObjRef, name: &PyStr) -> Option<Value> {
    if name.is_text("__class__") {
        Some(Value::Obj(ty.clone()))
    } else if name.is_text("__dict__") {
        value.as_obj().and_then(|o| instance_dict(o, true)).map(Value::Obj)
    } else {
        None
    }
}

/// The rest of `object.__getattribute__`, once the name's class attribute (`class_attr`,
/// found along the MRO of `ty`) is known: a data descriptor, else the instance's own
/// attribute, else the class attribute through its descriptor.
fn generic_getattr_found(
    ctx: &mut Ctx,
    value: &Value,
    ty: &ObjRef,
    name_str: &PyStr,
    class_attr: Option<Value>,
) -> PyResult {
    if let Some(attr) = &class_attr
        && is_data_descriptor(attr)
        && let Some(result) = descriptor_get(ctx, attr, Some(value), ty)?
    {
        return Ok(result);
    }
    if let Value::Obj(obj) = value
        && let Some(found) = attrs::lookup(obj, name_str)
    {
        return Ok(found);
    }
    if let Some(attr) = class_attr {
        return Ok(descriptor_get(ctx, &attr, Some(value), ty)?.unwrap_or(attr));
    }
    Err(no_attribute(value, name_str))
}

/// The AttributeError for a missing attribute, worded as CPython words it.
#[must_use]
pub fn no_attribute(value: &Value, name: &PyStr) -> PyErr {
    if let Some(module) = value.downcast::<Module>() {
        let module_name = module.dict.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__name__")));
        if let Some(n) = module_name.as_ref().and_then(Value::as_str) {
            return PyErr::attribute_error(format!("module '{}' has no attribute '{}'", n.as_str(), name.as_str()));
        }
    }
    if let Some(ty) = value.as_obj().filter(|o| o.is::<TypeObject>()) {
        return PyErr::attribute_error(format!("type object '{}' has no attribute '{}'", type_name(ty), name.as_str()));
    }
    PyErr::attribute_error(format!("'{}' object has no attribute '{}'", value.type_name(), name.as_str()))
}

/// Looks up a method for a call without making a bound method: returns `(callable, self)`
/// where `self` is `Some` when the callable is an unbound function to be passed `value`.
pub fn get_method(ctx: &mut Ctx, value: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
    let ty = value.type_ref();
    let custom_getattr = type_payload(ty)
        .slots()
        .getattro
        .is_some_and(|slot| !std::ptr::fn_addr_eq(slot, generic_getattr as typeobj::GetAttrFn));
    if !custom_getattr && let Some(name_str) = name.as_str() {
        if let Some(special) = special_attribute(value, ty, name_str) {
            return Ok((special, None));
        }
        let class_attr = typeobj::lookup_obj(ty, name, name_str);
        if let Some(attr) = &class_attr
            && is_plain_method(attr)
        {
            let shadowed = value.as_obj().is_some_and(|o| attrs::lookup(o, name_str).is_some());
            if !shadowed {
                return Ok((attr.clone(), Some(value.clone())));
            }
        }
        // What `object.__getattribute__` does, without looking the class attribute up again.
        return Ok((generic_getattr_found(ctx, value, ty, name_str, class_attr)?, None));
    }
    Ok((getattr(ctx, value, name)?, None))
}

/// `setattr(v, name, value)` (or `delattr` when `new_value` is `None`).
pub fn setattr(ctx: &mut Ctx, target: &Value, name: &Value, new_value: Option<Value>) -> PyResult<()> {
    // Attribute names are interned as they are stored (CPython's `PyObject_SetAttr`), so a
    // name built at run time becomes the key later lookups find by identity.
    if let Value::Obj(obj) = name
        && !intern::is_interned(obj)
    {
        let name = intern::intern_value(name.clone());
        return setattr_interned(ctx, target, &name, new_value);
    }
    setattr_interned(ctx, target, name, new_value)
}

/// [`setattr`] once the name is interned (or is not an exact str).
fn setattr_interned(ctx: &mut Ctx, target: &Value, name: &Value, new_value: Option<Value>) -> PyResult<()> {
    if let Some(slot) = type_payload(target.type_ref()).slots().setattro {
        return slot(ctx, target, name, new_value);
    }
    generic_setattr(ctx, target, name, new_value)
}

/// The first base along the MRO that is not a class defined in Python: what decides the
/// layout of the instances.
pub(crate) fn solid_base(ty: &ObjRef) -> ObjRef {
    let mro = type_payload(ty).mro.borrow().clone();
    mro.into_iter()
        .find(|t| type_payload(t).flags.get() & typeobj::TYPE_HEAPTYPE == 0)
        .unwrap_or_else(|| types().object.clone())
}

/// `obj.__class__ = cls` (CPython's `object_set_class`): both classes must be defined in
/// Python and lay their instances out alike.
pub(crate) fn set_class(target: &Value, new_value: Option<Value>) -> PyResult<()> {
    let Some(new_value) = new_value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new_ty) = new_value.as_obj().filter(|o| o.is::<TypeObject>()) else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            new_value.type_name()
        )));
    };
    let (Some(obj), old_ty) = (target.as_obj(), target.type_ref().clone()) else {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    let heap = |t: &ObjRef| type_payload(t).flags.get() & typeobj::TYPE_HEAPTYPE != 0;
    if !heap(new_ty) || !heap(&old_ty) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let no_dict = |t: &ObjRef| type_payload(t).flags.get() & typeobj::TYPE_NO_DICT != 0;
    if !solid_base(new_ty).is_same(&solid_base(&old_ty)) || no_dict(new_ty) != no_dict(&old_ty) {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            type_name(new_ty),
            type_name(&old_ty)
        )));
    }
    // The values of an instance whose attributes are inline are laid out against its
    // class's shared keys: they move into a dict first (as CPython's `object_set_class`).
    if obj.downcast::<Instance>().is_some_and(Instance::has_inline_values) {
        drop(attrs::dict(obj));
    }
    obj.set_type(new_ty);
    Ok(())
}

/// `object.__setattr__`: data descriptors on the type, else the instance dict.
pub fn generic_setattr(ctx: &mut Ctx, target: &Value, name: &Value, new_value: Option<Value>) -> PyResult<()> {
    let Some(name_str) = name.as_str() else {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", name.type_name())));
    };
    let ty = target.type_ref().clone();
    if name_str.as_str() == "__class__" {
        return set_class(target, new_value);
    }
    if let Some(attr) = typeobj::lookup_obj(&ty, name, name_str)
        && let Some(set) = attr.as_obj().and_then(|a| type_payload(a.type_ref()).slots().descr_set)
    {
        return set(ctx, &attr, target, new_value);
    }
    let stored = match target {
        Value::Obj(obj) => attrs::store(ctx, obj, name, new_value)?,
        _ => attrs::Stored::NoDict,
    };
    match stored {
        attrs::Stored::Done => Ok(()),
        attrs::Stored::Missing => Err(no_attribute(target, name_str)),
        attrs::Stored::NoDict if typeobj::lookup(&ty, name_str).is_some() => Err(PyErr::attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            target.type_name(),
            name_str.as_str()
        ))),
        attrs::Stored::NoDict => Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '{}'",
            target.type_name(),
            name_str.as_str()
        ))),
    }
}

fn binary_slot(value: &Value, inplace: bool) -> Option<typeobj::BinaryOpFn> {
    let slots = type_payload(value.type_ref()).slots();
    if inplace { slots.inplace } else { slots.binary }
}

/// `a <op> b` (CPython's `binary_op1`): a subclass's reflected method first, then `a`'s
/// slot, then `b`'s; sequence concatenation and repetition errors as CPython words them.
pub fn binary_op(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let result = binary_op1(ctx, a, b, op)?;
    if !is_not_implemented(&result) {
        return Ok(result);
    }
    Err(binary_type_error(a, b, op, op.symbol()))
}

fn binary_op1(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let ta = a.type_ref().clone();
    let tb = b.type_ref().clone();
    let slot_a = binary_slot(a, false);
    let slot_b = if ta.is_same(&tb) { None } else { binary_slot(b, false) };
    let slot_b = match (slot_a, slot_b) {
        (Some(sa), Some(sb)) if std::ptr::fn_addr_eq(sa, sb) => None,
        (_, sb) => sb,
    };
    if let Some(sa) = slot_a {
        if let Some(sb) = slot_b
            && is_subtype(&tb, &ta)
        {
            let result = sb(ctx, a, b, op)?;
            if !is_not_implemented(&result) {
                return Ok(result);
            }
            return sa(ctx, a, b, op);
        }
        let result = sa(ctx, a, b, op)?;
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    if let Some(sb) = slot_b {
        return sb(ctx, a, b, op);
    }
    Ok(not_implemented())
}

fn binary_type_error(a: &Value, b: &Value, op: BinaryOp, symbol: &str) -> PyErr {
    let t = types();
    let is_seq = |v: &Value| {
        let ty = v.type_ref();
        is_subtype(ty, &t.str) || is_subtype(ty, &t.list) || is_subtype(ty, &t.tuple)
    };
    let is_bytes = |v: &Value| is_subtype(v.type_ref(), &t.bytes) || is_subtype(v.type_ref(), &t.bytearray);
    match op {
        BinaryOp::Add if is_bytes(a) => {
            return PyErr::type_error(format!("can't concat {} to {}", b.type_name(), a.type_name()));
        }
        BinaryOp::Add if is_seq(a) => {
            let a_name = a.type_name();
            let b_name = b.type_name();
            if a_name == "str" {
                return PyErr::type_error(format!("can only concatenate str (not \"{b_name}\") to str"));
            }
            return PyErr::type_error(format!("can only concatenate {a_name} (not \"{b_name}\") to {a_name}"));
        }
        BinaryOp::Multiply if is_seq(a) || is_seq(b) || is_bytes(a) || is_bytes(b) => {
            let other = if is_seq(a) || is_bytes(a) { b } else { a };
            return PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", other.type_name()));
        }
        _ => {}
    }
    let symbol = if op == BinaryOp::Power && !symbol.ends_with('=') { "** or pow()" } else { symbol };
    PyErr::type_error(format!("unsupported operand type(s) for {symbol}: '{}' and '{}'", a.type_name(), b.type_name()))
}

/// `a <op>= b`: the in-place slot of `a`, falling back to the binary operation.
pub fn inplace_op(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    if let Some(slot) = binary_slot(a, true) {
        let result = slot(ctx, a, b, op)?;
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    let result = binary_op1(ctx, a, b, op)?;
    if !is_not_implemented(&result) {
        return Ok(result);
    }
    Err(binary_type_error(a, b, op, op.inplace_symbol()))
}

/// `-v`, `+v`, `~v`.
pub fn unary_op(ctx: &mut Ctx, value: &Value, op: UnaryOp) -> PyResult {
    if let Some(slot) = type_payload(value.type_ref()).slots().unary {
        let result = slot(ctx, value, op)?;
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    let symbol = match op {
        UnaryOp::Negative => "unary -",
        UnaryOp::Positive => "unary +",
        UnaryOp::Invert => "unary ~",
    };
    Err(PyErr::type_error(format!("bad operand type for {symbol}: '{}'", value.type_name())))
}

/// `iter(v)`.
pub fn get_iter(ctx: &mut Ctx, value: &Value) -> PyResult {
    let slots = type_payload(value.type_ref()).slots();
    if let Some(slot) = slots.iter {
        return slot(ctx, value);
    }
    if slots.getitem.is_some() && !value.as_obj().is_some_and(|o| o.is::<crate::types::dict::PyDict>()) {
        return Ok(Value::Obj(crate::types::misc::SeqIter::new_obj(value.clone(), &types().iterator, 0)));
    }
    Err(PyErr::type_error(format!("'{}' object is not iterable", value.type_name())))
}

/// `next(it)`: `None` when exhausted. A `StopIteration` the iterator raised (with a value,
/// as generators do when they return one) also counts as exhaustion.
pub fn next(ctx: &mut Ctx, iterator: &Value) -> PyResult<Option<Value>> {
    match next_raw(ctx, iterator) {
        Err(e) if e.matches(&types().stop_iteration) => Ok(None),
        other => other,
    }
}

/// `next(it)` keeping a `StopIteration` the iterator raised (the `next()` builtin).
pub fn next_raw(ctx: &mut Ctx, iterator: &Value) -> PyResult<Option<Value>> {
    match type_payload(iterator.type_ref()).slots().next {
        Some(slot) => slot(ctx, iterator),
        None => Err(PyErr::type_error(format!("'{}' object is not an iterator", iterator.type_name()))),
    }
}

/// Collects an iterable into a vector. Exact lists and tuples are copied directly (as
/// CPython's `PySequence_Fast`); their subclasses iterate, as they may override `__iter__`.
pub fn collect(ctx: &mut Ctx, iterable: &Value) -> PyResult<Vec<Value>> {
    let t = types();
    if let Some(l) = iterable.downcast::<PyList>()
        && iterable.type_ref().is_same(&t.list)
    {
        return Ok(l.to_vec());
    }
    if let Some(tuple) = iterable.downcast::<PyTuple>()
        && iterable.type_ref().is_same(&t.tuple)
    {
        return Ok(tuple.items().to_vec());
    }
    let iterator = get_iter(ctx, iterable)?;
    let mut items = Vec::new();
    while let Some(item) = next(ctx, &iterator)? {
        items.push(item);
    }
    Ok(items)
}

/// `len(v)`.
pub fn len(ctx: &mut Ctx, value: &Value) -> PyResult<usize> {
    match type_payload(value.type_ref()).slots().len {
        Some(slot) => slot(ctx, value),
        None => Err(PyErr::type_error(format!("object of type '{}' has no len()", value.type_name()))),
    }
}

/// `obj[key]`.
pub fn getitem(ctx: &mut Ctx, obj: &Value, key: &Value) -> PyResult {
    match type_payload(obj.type_ref()).slots().getitem {
        Some(slot) => slot(ctx, obj, key),
        None => {
            if let Some(ty) = obj.as_obj().filter(|o| o.is::<TypeObject>()) {
                return Err(PyErr::type_error(format!("type '{}' is not subscriptable", type_name(ty))));
            }
            Err(PyErr::type_error(format!("'{}' object is not subscriptable", obj.type_name())))
        }
    }
}

/// `obj[key] = value` (or `del obj[key]` when `value` is `None`).
pub fn setitem(ctx: &mut Ctx, obj: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    match type_payload(obj.type_ref()).slots().setitem {
        Some(slot) => slot(ctx, obj, key, value),
        None if value.is_some() => {
            Err(PyErr::type_error(format!("'{}' object does not support item assignment", obj.type_name())))
        }
        None => {
            // CPython words it differently when the sequence protocol is the one that refused.
            let slots = type_payload(obj.type_ref()).slots();
            let sequence = (slots.len.is_some() || slots.contains.is_some()) && has_index(key);
            let verb = if sequence { "doesn't" } else { "does not" };
            Err(PyErr::type_error(format!("'{}' object {verb} support item deletion", obj.type_name())))
        }
    }
}

/// `item in container`.
pub fn contains(ctx: &mut Ctx, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(slot) = type_payload(container.type_ref()).slots().contains {
        return slot(ctx, container, item);
    }
    let slots = type_payload(container.type_ref()).slots();
    if slots.iter.is_none() && slots.getitem.is_none() {
        return Err(PyErr::type_error(format!("argument of type '{}' is not iterable", container.type_name())));
    }
    let iterator = get_iter(ctx, container)?;
    while let Some(candidate) = next(ctx, &iterator)? {
        if eq(ctx, &candidate, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `callable(*args)`.
pub fn call(ctx: &mut Ctx, callable: &Value, args: Args<'_>) -> PyResult {
    if let Value::Obj(obj) = callable {
        if obj.is::<Function>() {
            let hook = ctx.hooks.call_function;
            return hook(ctx, obj, args);
        }
        if let Some(f) = obj.downcast::<BuiltinFunction>() {
            return call_builtin(ctx, f, args);
        }
        if let Some(w) = obj.downcast::<SlotWrapper>() {
            return match &w.bound {
                None => crate::methods::slots::call_wrapper(ctx, w, args),
                Some(this) => {
                    let mut values = Vec::with_capacity(args.values.len() + 1);
                    values.push(this.clone());
                    values.extend_from_slice(args.values);
                    crate::methods::slots::call_wrapper(ctx, w, Args { values: &values, kwnames: args.kwnames })
                }
            };
        }
        if let Some(m) = obj.downcast::<BoundMethod>() {
            let mut values = Vec::with_capacity(args.values.len() + 1);
            values.push(m.this.clone());
            values.extend_from_slice(args.values);
            return call(ctx, &m.func, Args { values: &values, kwnames: args.kwnames });
        }
    }
    match type_payload(callable.type_ref()).slots().call {
        Some(slot) => slot(ctx, callable, args),
        None => Err(PyErr::type_error(format!("'{}' object is not callable", callable.type_name()))),
    }
}

/// Calls a native function, passing its bound object first.
#[inline]
pub fn call_builtin(ctx: &mut Ctx, f: &BuiltinFunction, args: Args<'_>) -> PyResult {
    if f.bound.is_some() {
        return call_bound_builtin(ctx, f, args);
    }
    // The usual receiver of a method descriptor is an instance of exactly its type.
    if let Some(owner) = &f.owner_type
        && !args
            .values
            .first()
            .is_some_and(|this| this.type_ref().is_same(owner) && args.values.len() > args.kwnames.len())
    {
        check_method_receiver(f, owner, args)?;
    }
    ctx.enter_native_call(" while calling a Python object")?;
    let result = (f.func)(ctx, args);
    ctx.leave_call();
    match result {
        Ok(value) => Ok(value),
        Err(e) => Err(qualify_builtin_error(f, e)),
    }
}

/// [`call_builtin`] of a native function bound to an object (`"".join` taken as a value).
#[inline(never)]
fn call_bound_builtin(ctx: &mut Ctx, f: &BuiltinFunction, args: Args<'_>) -> PyResult {
    ctx.enter_native_call(" while calling a Python object")?;
    let mut values = Vec::with_capacity(args.values.len() + 1);
    values.extend(f.bound.clone());
    values.extend_from_slice(args.values);
    let result = (f.func)(ctx, Args { values: &values, kwnames: args.kwnames });
    ctx.leave_call();
    result.map_err(|e| qualify_builtin_error(f, e))
}

/// The error a native function of a class raised, worded as CPython's method machinery
/// words it (see [`qualify_argument_error`]).
#[cold]
#[inline(never)]
fn qualify_builtin_error(f: &BuiltinFunction, e: PyErr) -> PyErr {
    let Some(owner) = f.owner else { return e };
    // A bound method is named after its object's class (`bool.bit_count`, as its
    // `__qualname__`), an unbound one after the class defining it.
    let owner = match &f.bound {
        Some(Value::Obj(o)) if o.is::<crate::types::typeobj::TypeObject>() => {
            type_payload(o).qualname.borrow().to_string()
        }
        Some(this) => type_payload(this.type_ref()).qualname.borrow().to_string(),
        None => owner.to_owned(),
    };
    if f.bound.is_some() && takes_varargs(&owner, f.name) {
        return unqualify_keyword_error(e, f.name);
    }
    qualify_argument_error(e, &owner, f.name)
}

/// CPython's `method_descriptor` checks of an unbound call: `list.append(x)` needs the
/// first argument to be a list.
#[inline(never)]
fn check_method_receiver(f: &BuiltinFunction, owner: &ObjRef, args: Args<'_>) -> PyResult<()> {
    let positional = args.values.len() - args.kwnames.len();
    let Some(this) = args.values.first().filter(|_| positional > 0) else {
        return Err(PyErr::type_error(format!("unbound method {}.{}() needs an argument", type_name(owner), f.name)));
    };
    if this.type_ref().is_same(owner) || is_subtype(this.type_ref(), owner) {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        f.name,
        type_name(owner),
        this.type_name()
    )))
}

/// CPython names a method by its qualified name when the method-descriptor machinery
/// refuses its arguments (`list.append() takes exactly one argument (0 given)`); the
/// native methods say `append() ...`, and the owner is added here, on the error path only.
fn qualify_argument_error(e: PyErr, owner: &str, name: &str) -> PyErr {
    if !e.value().type_ref().is_same(&types().type_error) {
        return e;
    }
    let message = e.message();
    let Some(rest) = message.strip_prefix(name).and_then(|r| r.strip_prefix("() takes ")) else { return e };
    let refused = ["no arguments (", "exactly one argument (", "no keyword arguments"];
    if !refused.iter().any(|r| rest.starts_with(r)) {
        return e;
    }
    PyErr::type_error(format!("{owner}.{message}"))
}

/// The methods CPython implements with `METH_VARARGS`: called as bound method objects,
/// they refuse keywords under their bare name (`find() takes no keyword arguments`), while
/// the method-descriptor call of `s.find(x=1)` names the class.
fn takes_varargs(owner: &str, name: &str) -> bool {
    match owner {
        "str" | "bytes" | "bytearray" => {
            matches!(name, "count" | "find" | "index" | "rfind" | "rindex" | "startswith" | "endswith")
        }
        "set" | "frozenset" => matches!(
            name,
            "union" | "intersection" | "difference" | "update" | "intersection_update" | "difference_update"
        ),
        _ => false,
    }
}

/// `X.name() takes no keyword arguments` as a bound `METH_VARARGS` method says it.
fn unqualify_keyword_error(e: PyErr, name: &str) -> PyErr {
    let message = e.message();
    if e.value().type_ref().is_same(&types().type_error) && message.ends_with("() takes no keyword arguments") {
        return PyErr::type_error(format!("{name}() takes no keyword arguments"));
    }
    e
}

/// `callable(v)`: functions, native functions, bound methods, slot wrappers, and objects
/// whose type has a call slot.
#[must_use]
pub fn callable(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| {
        o.is::<Function>() || o.is::<BuiltinFunction>() || o.is::<BoundMethod>() || o.is::<SlotWrapper>()
    }) || type_payload(v.type_ref()).slots().call.is_some()
}

/// Calls with positional arguments only.
pub fn call_positional(ctx: &mut Ctx, callable: &Value, args: &[Value]) -> PyResult {
    call(ctx, callable, Args::positional(args))
}

/// `operator.index(v)`: the value as an int (an int's own value, or what its type's
/// `__index__` returns), or TypeError with the message `what` makes.
pub fn index(ctx: &mut Ctx, value: &Value, what: impl FnOnce(&Value) -> String) -> PyResult<Value> {
    match value {
        Value::Int(_) => Ok(value.clone()),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Obj(o) if o.is::<PyInt>() => Ok(value.clone()),
        _ => {
            let Some(result) = crate::methods::slots::call_dunder(ctx, value, "__index__", &[])? else {
                return Err(PyErr::type_error(what(value)));
            };
            match &result {
                Value::Int(_) | Value::Bool(_) => Ok(result),
                Value::Obj(o) if o.is::<PyInt>() => Ok(result),
                _ => Err(PyErr::type_error(format!("__index__ returned non-int (type {})", result.type_name()))),
            }
        }
    }
}

/// Whether the value can be an index: an int, or its type has `__index__`.
#[must_use]
pub fn has_index(value: &Value) -> bool {
    match value {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) if o.is::<PyInt>() => true,
        Value::Float(_) => false,
        Value::Obj(o) => crate::types::typeobj::lookup_str(o.type_ref(), "__index__").is_some(),
        Value::None => false,
    }
}
