//! `aiter()` and `anext()`, and the awaitable `anext(it, default)` returns, which turns the
//! iterator's `StopAsyncIteration` into the default (CPython's `anext_awaitable`).

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::slots::call_dunder;
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// `aiter(async_iterable)`.
pub(super) fn builtin_aiter(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("aiter() takes no keyword arguments"));
    }
    let [obj] = args.values else {
        return Err(PyErr::type_error(format!("aiter() takes exactly one argument ({} given)", args.values.len())));
    };
    let Some(it) = call_dunder(ctx, obj, "__aiter__", &[])? else {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterable", obj.type_name())));
    };
    if !has_anext(&it) {
        return Err(PyErr::type_error(format!("aiter() returned not an async iterator of type '{}'", it.type_name())));
    }
    Ok(it)
}

fn has_anext(v: &Value) -> bool {
    pyrite_object::types::typeobj::lookup_str(v.type_ref(), "__anext__").is_some()
}

/// `anext(async_iterator[, default])`.
pub(super) fn builtin_anext(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("anext() takes no keyword arguments"));
    }
    let (iterator, default) = match args.values {
        [it] => (it, None),
        [it, default] => (it, Some(default)),
        [] => return Err(PyErr::type_error("anext expected at least 1 argument, got 0")),
        more => return Err(PyErr::type_error(format!("anext expected at most 2 arguments, got {}", more.len()))),
    };
    if !has_anext(iterator) {
        return Err(PyErr::type_error(format!("'{}' object is not an async iterator", iterator.type_name())));
    }
    let awaitable = call_dunder(ctx, iterator, "__anext__", &[])?.unwrap_or(Value::None);
    let Some(default) = default else { return Ok(awaitable) };
    let payload = AnextAwaitable { wrapped: awaitable, default: default.clone() };
    Ok(Value::Obj(ObjRef::new(payload, Some(anext_awaitable_type()))))
}

/// What `anext(it, default)` returns: awaiting it awaits `it.__anext__()`, with the
/// default as the result if that raises `StopAsyncIteration`.
struct AnextAwaitable {
    wrapped: Value,
    default: Value,
}

impl Trace for AnextAwaitable {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.wrapped.traverse(visit);
        self.default.traverse(visit);
    }
}

payload!(AnextAwaitable, "anext_awaitable", tracked);

fn anext_awaitable_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("anext_awaitable", "builtins", None, 0, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(|ctx, v| proxy(ctx, v, "send", &[Value::None]).map(Some));
        });
        add_methods(
            &ty,
            "anext_awaitable",
            &[
                ("__await__", |_, args| Ok(method_args("__await__", args, 0, 0)?.0.clone())),
                ("send", |ctx, args| {
                    let (this, rest) = method_args("send", args, 1, 1)?;
                    proxy(ctx, this, "send", rest)
                }),
                ("throw", |ctx, args| {
                    let (this, rest) = method_args("throw", args, 1, 3)?;
                    proxy(ctx, this, "throw", rest)
                }),
                ("close", |ctx, args| {
                    let (this, _) = method_args("close", args, 0, 0)?;
                    proxy(ctx, this, "close", &[])
                }),
            ],
        );
        ty
    })
}

/// The iterator that drives the wrapped awaitable: a coroutine itself, else what its
/// `__await__` returns.
fn awaitable_iter(ctx: &mut Ctx, wrapped: &Value) -> PyResult {
    if wrapped.type_ref().is_same(&types().coroutine) {
        return Ok(wrapped.clone());
    }
    match call_dunder(ctx, wrapped, "__await__", &[])? {
        Some(it) => Ok(it),
        None => Err(PyErr::type_error(format!("'{}' object can't be awaited", wrapped.type_name()))),
    }
}

/// Forwards `send`/`throw`/`close` to the awaitable's iterator (a `send(None)` to one
/// without `send` is `next()`), turning `StopAsyncIteration` into `StopIteration(default)`.
fn proxy(ctx: &mut Ctx, this: &Value, method: &str, args: &[Value]) -> PyResult {
    let aw = this.downcast::<AnextAwaitable>().ok_or_else(|| PyErr::type_error("expected an anext_awaitable"))?;
    let (wrapped, default) = (aw.wrapped.clone(), aw.default.clone());
    let it = awaitable_iter(ctx, &wrapped)?;
    let plain_next = method == "send"
        && args.first().is_none_or(Value::is_none)
        && pyrite_object::types::typeobj::lookup_str(it.type_ref(), "send").is_none();
    let result = if plain_next {
        match protocol::next_raw(ctx, &it)? {
            Some(value) => Ok(value),
            None => Err(PyErr::stop_iteration(None)),
        }
    } else {
        let bound = protocol::getattr_str(ctx, &it, method)?;
        protocol::call_positional(ctx, &bound, args)
    };
    match result {
        Err(e) if e.matches(&types().stop_async_iteration) => Err(PyErr::stop_iteration(Some(default))),
        other => other,
    }
}
