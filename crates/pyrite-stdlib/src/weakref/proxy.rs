//! Weak proxies (`weakref.ProxyType`, `weakref.CallableProxyType`): objects that forward
//! attribute access, operators, item access, iteration and calls to their referent, and
//! raise `ReferenceError` once it is dead.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::weak::{self, WeakRef};
use pyrite_object::methods::{add_methods, arg_count_error};
use pyrite_object::types::function::NativeFn;
use pyrite_object::types::typeobj::{Slots, StaticType, UnaryOp, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use super::{basic_refs, callback_of, reference_error, referent_of};

/// `weakref.ProxyType`: proxies to objects that are not callable.
pub fn proxy_type() -> &'static ObjRef {
    static PROXY: StaticType = StaticType::new();
    PROXY.get_or_init(|| make_type("ProxyType", false))
}

/// `weakref.CallableProxyType`: proxies to callable objects.
pub fn callable_proxy_type() -> &'static ObjRef {
    static CALLABLE: StaticType = StaticType::new();
    CALLABLE.get_or_init(|| make_type("CallableProxyType", true))
}

fn make_type(name: &'static str, callable: bool) -> ObjRef {
    let ty = new_native_type_with(name, "weakref", None, 0, |slots| {
        *slots = Slots {
            new: Some(|_, ty, _| {
                Err(PyErr::type_error(format!(
                    "cannot create '{}' instances",
                    pyrite_object::types::typeobj::type_name(ty)
                )))
            }),
            init: None,
            call: if callable { Some(proxy_call) } else { None },
            repr: Some(proxy_repr),
            str: Some(|ctx, this| protocol::str_(ctx, &unwrap(this)?)),
            hash: Some(|_, this| Err(PyErr::type_error(format!("unhashable type: '{}'", this.type_name())))),
            richcompare: Some(proxy_richcompare),
            getattro: Some(|ctx, this, name| protocol::getattr(ctx, &unwrap(this)?, &unwrap(name)?)),
            setattro: Some(|ctx, this, name, value| protocol::setattr(ctx, &unwrap(this)?, &unwrap(name)?, value)),
            iter: Some(|ctx, this| protocol::get_iter(ctx, &unwrap(this)?)),
            next: Some(proxy_next),
            len: Some(|ctx, this| protocol::len(ctx, &unwrap(this)?)),
            bool: Some(|ctx, this| protocol::truthy(ctx, &unwrap(this)?)),
            getitem: Some(|ctx, this, key| protocol::getitem(ctx, &unwrap(this)?, &unwrap(key)?)),
            setitem: Some(|ctx, this, key, value| protocol::setitem(ctx, &unwrap(this)?, &unwrap(key)?, value)),
            contains: Some(|ctx, this, item| protocol::contains(ctx, &unwrap(this)?, &unwrap(item)?)),
            binary: Some(proxy_binary),
            inplace: Some(proxy_inplace),
            unary: Some(proxy_unary),
            descr_get: None,
            descr_set: None,
        };
    });
    let owner = if callable { "weakref.CallableProxyType" } else { "weakref.ProxyType" };
    let mut methods: Vec<(&'static str, NativeFn)> = vec![
        ("__bytes__", |ctx, args| forward(ctx, args, "__bytes__")),
        ("__int__", |ctx, args| forward(ctx, args, "__int__")),
        ("__float__", |ctx, args| forward(ctx, args, "__float__")),
        ("__index__", |ctx, args| forward(ctx, args, "__index__")),
        ("__abs__", |ctx, args| forward(ctx, args, "__abs__")),
    ];
    if !callable {
        methods.push(("__reversed__", |ctx, args| forward(ctx, args, "__reversed__")));
    }
    add_methods(&ty, owner, &methods);
    ty
}

/// Whether `obj` is a proxy.
pub fn is_proxy(obj: &ObjRef) -> bool {
    let ty = obj.type_ref();
    ty.is_same(proxy_type()) || ty.is_same(callable_proxy_type())
}

/// The referent of a proxy (`ReferenceError` once dead); any other value as it is.
fn unwrap(value: &Value) -> PyResult<Value> {
    match value.as_obj() {
        Some(obj) if is_proxy(obj) => {
            obj.downcast::<WeakRef>().and_then(WeakRef::referent).map(Value::Obj).ok_or_else(reference_error)
        }
        _ => Ok(value.clone()),
    }
}

/// `proxy(object, callback=None, /)`.
pub fn proxy(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("_weakref.proxy() takes no keyword arguments"));
    }
    let (ob, callback) = match args.values {
        [ob] => (ob, None),
        [ob, callback] => (ob, Some(callback)),
        _ => return Err(arg_count_error("proxy", args.values.len(), 1, 2)),
    };
    let referent = referent_of(ob)?;
    let callback = callback_of(callback)?;
    let (basic_ref, basic_proxy) = basic_refs(&weak::weakrefs_of(referent));
    let position = if callback.is_none() {
        if let Some(existing) = basic_proxy {
            return Ok(Value::Obj(existing));
        }
        usize::from(basic_ref.is_some())
    } else {
        usize::from(basic_ref.is_some()) + usize::from(basic_proxy.is_some())
    };
    let callable = is_callable(referent);
    let ty = if callable { callable_proxy_type() } else { proxy_type() };
    Ok(Value::Obj(weak::new_weakref(referent, callback, ty, false, position)))
}

/// `callable(obj)` (functions and methods are called without a slot in Pyrite).
fn is_callable(obj: &ObjRef) -> bool {
    use pyrite_object::types::function::{BoundMethod, BuiltinFunction, Function, SlotWrapper};
    obj.is::<Function>()
        || obj.is::<BuiltinFunction>()
        || obj.is::<BoundMethod>()
        || obj.is::<SlotWrapper>()
        || type_payload(obj.type_ref()).slots().call.is_some()
}

fn proxy_call(ctx: &mut Ctx, this: &Value, args: Args<'_>) -> PyResult {
    protocol::call(ctx, &unwrap(this)?, args)
}

/// `<weakproxy at 0x... to type at 0x...>` (CPython names `NoneType` once it is dead).
fn proxy_repr(_ctx: &mut Ctx, this: &Value) -> PyResult {
    let referent = this.downcast::<WeakRef>().and_then(WeakRef::referent).map_or(Value::None, Value::Obj);
    Ok(Value::str(&format!("<weakproxy at {:#x} to {} at {:#x}>", this.id(), referent.type_name(), referent.id())))
}

fn proxy_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    protocol::rich_compare(ctx, &unwrap(a)?, &unwrap(b)?, op)
}

fn proxy_next(ctx: &mut Ctx, this: &Value) -> PyResult<Option<Value>> {
    let target = unwrap(this)?;
    if type_payload(target.type_ref()).slots().next.is_none() {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            target.type_name()
        )));
    }
    protocol::next(ctx, &target)
}

fn proxy_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    protocol::binary_op(ctx, &unwrap(a)?, &unwrap(b)?, op)
}

fn proxy_inplace(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    protocol::inplace_op(ctx, &unwrap(a)?, &unwrap(b)?, op)
}

fn proxy_unary(ctx: &mut Ctx, this: &Value, op: UnaryOp) -> PyResult {
    protocol::unary_op(ctx, &unwrap(this)?, op)
}

/// Calls the referent's `name` method with no arguments (the dunders without a slot).
fn forward(ctx: &mut Ctx, args: Args<'_>, name: &str) -> PyResult {
    let [this] = args.values else {
        return Err(arg_count_error(name, args.values.len().saturating_sub(1), 0, 0));
    };
    let method = protocol::getattr_str(ctx, &unwrap(this)?, name)?;
    protocol::call_positional(ctx, &method, &[])
}
