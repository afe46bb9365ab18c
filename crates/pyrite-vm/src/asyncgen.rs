//! Async generators (`async def` with `yield`), and the instructions of `async for` and
//! `async with`.
//!
//! An async generator's frame yields two kinds of values: values wrapped by
//! `ASYNC_GEN_WRAP` (the `yield`s of the generator) and plain values (what an `await`
//! inside it passes up to the event loop). `agen.asend(v)` and `agen.athrow(e)` return
//! awaitables that resume the frame: a wrapped value finishes the awaitable
//! (`StopIteration(value)`), a plain one is passed up, and returning ends the iteration
//! with `StopAsyncIteration`.

use std::cell::Cell as StdCell;
use std::sync::OnceLock;

use pyrite_memory::{GilCell, ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BoundMethod;
use pyrite_object::types::typeobj::{Slots, lookup_str, new_type, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use crate::eval::Suspension;
use crate::frame::Frame;
use crate::generator::{Generator, resume};

/// A value yielded by an async generator's `yield` (as opposed to by an `await`).
pub struct Wrapped(pub Value);

impl Trace for Wrapped {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.0.traverse(visit);
    }
}

payload!(Wrapped, "async_generator_wrapped_value", tracked);

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitableState {
    Initial,
    Running,
    Closed,
}

/// The awaitable of `asend(value)`, `athrow(exc)` or `aclose()`.
pub struct AsyncGenAwaitable {
    agen: Value,
    /// The value to send first, for `asend`.
    value: PayloadCell<Value>,
    /// The exception to throw first, for `athrow`/`aclose` (`aclose` throws GeneratorExit).
    throw: PayloadCell<Option<Value>>,
    closing: bool,
    state: StdCell<AwaitableState>,
}

impl Trace for AsyncGenAwaitable {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.agen.traverse(visit);
        self.value.borrow().traverse(visit);
        if let Some(t) = &*self.throw.borrow() {
            t.traverse(visit);
        }
    }
}

payload!(AsyncGenAwaitable, "async_generator_asend", tracked);

struct AsyncTypes {
    wrapped: ObjRef,
    asend: ObjRef,
    athrow: ObjRef,
}

struct Registry(AsyncTypes);
// SAFETY: immortal type objects, only touched by the GIL holder (as pyrite-object's registry).
unsafe impl Sync for Registry {}
// SAFETY: as above.
unsafe impl Send for Registry {}

static TYPES: OnceLock<Registry> = OnceLock::new();

fn async_types() -> &'static AsyncTypes {
    &TYPES
        .get_or_init(|| {
            let make = |name: &str| {
                let ty = new_type(
                    Some(&types().type_),
                    name,
                    vec![types().object.clone()],
                    PyDict::new_obj(),
                    Slots::default(),
                    0,
                );
                ty.make_immortal();
                // Hashing, comparison and attribute lookup are object's (tasks keep
                // these awaitables in dicts).
                pyrite_object::types::typeobj::inherit_slots(&ty);
                ty
            };
            Registry(AsyncTypes {
                wrapped: make("async_generator_wrapped_value"),
                asend: make("async_generator_asend"),
                athrow: make("async_generator_athrow"),
            })
        })
        .0
}

/// `ASYNC_GEN_WRAP`.
pub fn wrap(value: Value) -> Value {
    Value::Obj(ObjRef::new(Wrapped(value), Some(&async_types().wrapped)))
}

/// Installs the async generator type's and its awaitables' slots and methods.
pub fn install() {
    let t = types();
    let a = async_types();
    {
        let mut slots = type_payload(&t.async_generator).slots.borrow_mut();
        slots.repr = Some(crate::generator::gen_repr);
        slots.getattro = Some(crate::generator::gen_getattro);
    }
    add_methods(
        &t.async_generator,
        "async_generator",
        &[
            ("__aiter__", agen_aiter),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    crate::generator::add_attribute_descriptors(&t.async_generator, "ag_");
    pyrite_object::methods::generic_alias::make_generic(&t.async_generator);
    for ty in [&a.asend, &a.athrow] {
        {
            let mut slots = type_payload(ty).slots.borrow_mut();
            slots.iter = Some(|_, v| Ok(v.clone()));
            slots.next = Some(|ctx, v| awaitable_send(ctx, v, Value::None).map(Some));
        }
        add_methods(
            ty,
            "async_generator_asend",
            &[("send", aw_send), ("throw", aw_throw), ("close", aw_close), ("__await__", aw_await)],
        );
    }
}

fn agen_aiter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (agen, _) = method_args("__aiter__", args, 0, 0)?;
    Ok(agen.clone())
}

fn awaitable(agen: &Value, value: Value, throw: Option<Value>, closing: bool) -> Value {
    let a = async_types();
    let ty = if throw.is_some() { &a.athrow } else { &a.asend };
    let payload = AsyncGenAwaitable {
        agen: agen.clone(),
        value: PayloadCell::new(value),
        throw: PayloadCell::new(throw),
        closing,
        state: StdCell::new(AwaitableState::Initial),
    };
    Value::Obj(ObjRef::new(payload, Some(ty)))
}

fn agen_anext(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (agen, _) = method_args("__anext__", args, 0, 0)?;
    init_hooks(ctx, agen)?;
    Ok(awaitable(agen, Value::None, None, false))
}

fn agen_asend(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (agen, rest) = method_args("asend", args, 1, 1)?;
    init_hooks(ctx, agen)?;
    Ok(awaitable(agen, rest[0].clone(), None, false))
}

fn agen_athrow(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (agen, rest) = method_args("athrow", args, 1, 3)?;
    init_hooks(ctx, agen)?;
    let error = crate::generator::throw_error(ctx, rest);
    Ok(awaitable(agen, Value::None, Some(Value::Obj(error.0)), false))
}

fn agen_aclose(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (agen, _) = method_args("aclose", args, 0, 0)?;
    init_hooks(ctx, agen)?;
    let exit = PyErr::with_args(&types().generator_exit, Vec::new());
    Ok(awaitable(agen, Value::None, Some(Value::Obj(exit.0)), true))
}

fn this(v: &Value) -> PyResult<&AsyncGenAwaitable> {
    v.downcast::<AsyncGenAwaitable>().ok_or_else(|| PyErr::type_error("not an async generator awaitable"))
}

/// Turns what the generator frame did into what the awaitable does.
fn finish(aw: &AsyncGenAwaitable, outcome: PyResult<Suspension>) -> PyResult {
    let t = types();
    match outcome {
        Ok(Suspension::Yielded(value)) => match value.downcast::<Wrapped>() {
            Some(wrapped) => {
                aw.state.set(AwaitableState::Closed);
                if aw.closing {
                    return Err(PyErr::runtime_error("async generator ignored GeneratorExit"));
                }
                Err(PyErr::stop_iteration(Some(wrapped.0.clone())))
            }
            None => Ok(value),
        },
        Ok(Suspension::Returned(_)) => {
            aw.state.set(AwaitableState::Closed);
            if aw.closing {
                return Err(PyErr::stop_iteration(None));
            }
            Err(PyErr::with_args(&t.stop_async_iteration, Vec::new()))
        }
        Err(e) => {
            aw.state.set(AwaitableState::Closed);
            if aw.closing && (e.matches(&t.generator_exit) || e.matches(&t.stop_async_iteration)) {
                return Err(PyErr::stop_iteration(None));
            }
            Err(e)
        }
    }
}

fn awaitable_send(ctx: &mut Ctx, v: &Value, sent: Value) -> PyResult {
    let aw = this(v)?;
    match aw.state.get() {
        AwaitableState::Closed => Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()")),
        AwaitableState::Initial => {
            aw.state.set(AwaitableState::Running);
            let throw = aw.throw.replace(None);
            let outcome = match throw {
                Some(Value::Obj(exc)) => resume(ctx, &aw.agen, Value::None, Some(PyErr(exc))),
                _ => {
                    let first = aw.value.replace(Value::None);
                    let value = if sent.is_none() { first } else { sent };
                    resume(ctx, &aw.agen, value, None)
                }
            };
            finish(aw, outcome)
        }
        AwaitableState::Running => {
            let outcome = resume(ctx, &aw.agen, sent, None);
            finish(aw, outcome)
        }
    }
}

fn aw_send(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (aw, rest) = method_args("send", args, 1, 1)?;
    awaitable_send(ctx, aw, rest[0].clone())
}

fn aw_throw(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("throw", args, 1, 3)?;
    let aw = this(v)?;
    if aw.state.get() == AwaitableState::Closed {
        return Err(PyErr::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    aw.state.set(AwaitableState::Running);
    let error = crate::generator::throw_error(ctx, rest);
    let outcome = resume(ctx, &aw.agen, Value::None, Some(error));
    finish(aw, outcome)
}

fn aw_close(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("close", args, 0, 0)?;
    this(v)?.state.set(AwaitableState::Closed);
    Ok(Value::None)
}

fn aw_await(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__await__", args, 0, 0)?;
    Ok(v.clone())
}

/// `GET_AITER`.
pub fn get_aiter(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let iterable = frame.pop();
    let Some(aiter) = lookup_str(iterable.type_ref(), "__aiter__") else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            iterable.type_name()
        )));
    };
    let iterator = call_bound(ctx, &aiter, &iterable)?;
    if lookup_str(iterator.type_ref(), "__anext__").is_none() {
        return Err(PyErr::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            iterator.type_name()
        )));
    }
    frame.push(iterator);
    Ok(())
}

fn call_bound(ctx: &mut Ctx, attr: &Value, obj: &Value) -> PyResult {
    match protocol::bind_attribute(ctx, attr, obj)? {
        Some(bound) => protocol::call_positional(ctx, &bound, &[]),
        None => protocol::call_positional(ctx, attr, std::slice::from_ref(obj)),
    }
}

/// Turns the result of `__anext__`/`__aenter__`/`__aexit__` into what `await` iterates.
fn awaitable_of(ctx: &mut Ctx, value: Value, what: &str) -> PyResult {
    if value.downcast::<Generator>().is_some() || value.downcast::<AsyncGenAwaitable>().is_some() {
        return Ok(value);
    }
    let Some(await_method) = lookup_str(value.type_ref(), "__await__") else {
        return Err(PyErr::type_error(format!("{what}{}", value.type_name())));
    };
    call_bound(ctx, &await_method, &value)
}

/// `GET_ANEXT`: pushes the awaitable of `aiter.__anext__()`, keeping `aiter`.
pub fn get_anext(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let aiter = frame.peek(1).clone().unwrap_or(Value::None);
    if aiter.type_ref().is_same(&types().async_generator) {
        init_hooks(ctx, &aiter)?;
        frame.push(awaitable(&aiter, Value::None, None, false));
        return Ok(());
    }
    let Some(anext) = lookup_str(aiter.type_ref(), "__anext__") else {
        return Err(PyErr::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            aiter.type_name()
        )));
    };
    let result = call_bound(ctx, &anext, &aiter)?;
    let awaitable = awaitable_of(ctx, result, "'async for' received an invalid object from __anext__: ")?;
    frame.push(awaitable);
    Ok(())
}

/// `END_ASYNC_FOR`: `[aiter, exc]`; ends the loop on StopAsyncIteration, else re-raises.
pub fn end_async_for(frame: &mut Frame) -> PyResult<()> {
    let exc = frame.pop();
    if protocol::isinstance(&exc, &types().stop_async_iteration) {
        drop(frame.pop_slot());
        return Ok(());
    }
    match exc {
        Value::Obj(obj) => Err(PyErr(obj)),
        _ => Err(PyErr::new_system("END_ASYNC_FOR without an exception")),
    }
}

/// `BEFORE_ASYNC_WITH`: pushes the bound `__aexit__` and the awaitable of `__aenter__()`.
pub fn before_async_with(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let manager = frame.pop();
    let ty = manager.type_ref().clone();
    let (Some(enter), Some(exit)) = (lookup_str(&ty, "__aenter__"), lookup_str(&ty, "__aexit__")) else {
        let missing = if lookup_str(&ty, "__aenter__").is_none() { "" } else { " (missed __aexit__ method)" };
        return Err(PyErr::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol{missing}",
            manager.type_name()
        )));
    };
    let bound_exit = match protocol::bind_attribute(ctx, &exit, &manager)? {
        Some(bound) => bound,
        None => Value::Obj(BoundMethod::new_obj(exit, manager.clone())),
    };
    frame.push(bound_exit);
    let result = call_bound(ctx, &enter, &manager)?;
    let awaitable = awaitable_of(
        ctx,
        result,
        "'async with' received an object from __aenter__ that does not implement __await__: ",
    )?;
    frame.push(awaitable);
    Ok(())
}

/// `sys.set_asyncgen_hooks`' `(firstiter, finalizer)`.
static HOOKS: GilCell<(Value, Value)> = GilCell::new((Value::None, Value::None));

fn hooks() -> (Value, Value) {
    // SAFETY: called with the GIL held; the closure only clones.
    unsafe { HOOKS.with(|h| h.clone()) }
}

/// The first iteration of an async generator (CPython's `async_gen_init_hooks`): it keeps
/// the finalizer hook in force now, and the firstiter hook is called with it.
fn init_hooks(ctx: &mut Ctx, agen: &Value) -> PyResult<()> {
    let Some(g) = agen.downcast::<Generator>() else { return Ok(()) };
    if g.agen_finalizer.borrow().is_some() {
        return Ok(());
    }
    let (firstiter, finalizer) = hooks();
    *g.agen_finalizer.borrow_mut() = Some(finalizer);
    if !firstiter.is_none() {
        protocol::call_positional(ctx, &firstiter, std::slice::from_ref(agen))?;
    }
    Ok(())
}

/// Finalizing an unfinished async generator whose finalizer hook was set at its first
/// iteration: the hook gets it (asyncio schedules its `aclose()`); false when there is none.
pub(crate) fn run_finalizer_hook(ctx: &mut Ctx, agen: &Value, g: &Generator) -> bool {
    if !agen.type_ref().is_same(&types().async_generator) {
        return false;
    }
    let finalizer = g.agen_finalizer.borrow().clone();
    let Some(finalizer) = finalizer.filter(|f| !f.is_none()) else { return false };
    if let Err(err) = protocol::call_positional(ctx, &finalizer, std::slice::from_ref(agen)) {
        crate::syshooks::write_unraisable(ctx, &err, None, agen.clone());
    }
    true
}

fn asyncgen_hooks_value(firstiter: Value, finalizer: Value) -> Value {
    use pyrite_object::types::structseq::{self, StructSeqSpec};
    static TYPE: pyrite_object::types::typeobj::StaticType = pyrite_object::types::typeobj::StaticType::new();
    const SPEC: StructSeqSpec =
        StructSeqSpec { name: "asyncgen_hooks", fields: &["firstiter", "finalizer"], visible: 2 };
    let ty = TYPE.get_or_init(|| structseq::new_type(&SPEC));
    structseq::new_instance(ty, vec![firstiter, finalizer]).map_or(Value::None, Value::Obj)
}

/// `sys.get_asyncgen_hooks()`.
pub(crate) fn get_asyncgen_hooks(_: &mut Ctx, args: Args<'_>) -> PyResult {
    pyrite_object::methods::check_args("get_asyncgen_hooks", args, 0, 0)?;
    let (firstiter, finalizer) = hooks();
    Ok(asyncgen_hooks_value(firstiter, finalizer))
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: an omitted hook stays, None
/// clears one; the finalizer is checked and set first, as CPython does.
pub(crate) fn set_asyncgen_hooks(_: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: pyrite_object::methods::params::Params =
        pyrite_object::methods::params::Params::new("set_asyncgen_hooks", &["firstiter", "finalizer"]);
    let [firstiter, finalizer] = PARAMS.bind(args)?;
    for (value, what) in [(finalizer, "finalizer"), (firstiter, "firstiter")] {
        if let Some(v) = value
            && !v.is_none()
            && !protocol::callable(v)
        {
            return Err(PyErr::type_error(format!("callable {what} expected, got {}", v.type_name())));
        }
    }
    // SAFETY: called with the GIL held; the old hooks are dropped after the closure.
    let old = unsafe {
        HOOKS.with(|h| {
            let old = h.clone();
            if let Some(f) = finalizer {
                h.1 = f.clone();
            }
            if let Some(f) = firstiter {
                h.0 = f.clone();
            }
            old
        })
    };
    drop(old);
    Ok(Value::None)
}
