//! The `gc` module, `__del__` finalizers, weak-reference callbacks, and automatic
//! collections.
//!
//! The collector and weak references live in `pyrite-memory`; this module connects them to
//! Python. Finalizers and weak-reference callbacks run Python code, so they need the
//! interpreter context, which the memory crate's hooks do not receive. While the VM itself
//! runs a collection it publishes the context for the hooks (`with_collection_context`),
//! so `__del__` of cyclic garbage and the callbacks of weak references to it run during the
//! collection, as in CPython (callbacks before finalizers, before anything is cleared). A
//! finalizer or callback due at any other moment (an object's last reference went away) is
//! queued, and the eval loop runs the queue, oldest first, before its next instruction.

use std::collections::VecDeque;
use std::ptr::NonNull;

use pyrite_memory::{GilCell, ObjRef, gc, weak};
use pyrite_object::methods::check_args;
use pyrite_object::methods::int::to_i64;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module, NativeFn};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

/// Python code the memory crate's hooks asked for.
enum Job {
    /// `type(obj).__del__(obj)`.
    Finalize(ObjRef),
    /// `callback(weakref)`.
    Callback(ObjRef, ObjRef),
}

struct FinalizerState {
    /// The context of the collection the VM is running, if any.
    collecting: Option<NonNull<Ctx>>,
    /// Finalizers and callbacks that are due, oldest first (each holding its objects).
    pending: VecDeque<Job>,
    /// The list made as `gc.callbacks` (CPython keeps its own reference too, so rebinding
    /// the module attribute changes nothing).
    callbacks: Option<ObjRef>,
    /// A collection with its callbacks is under way: as in CPython, no other collection
    /// starts meanwhile (the callbacks' allocations would otherwise start one each).
    busy: bool,
}

static FINALIZERS: GilCell<FinalizerState> =
    GilCell::new(FinalizerState { collecting: None, pending: VecDeque::new(), callbacks: None, busy: false });

/// The published context, if a collection the VM started is running.
fn collection_context() -> Option<NonNull<Ctx>> {
    // SAFETY: the GIL holder runs the collector and these hooks; the closure does not
    // re-enter.
    unsafe { FINALIZERS.with(|f| f.collecting) }
}

fn queue(job: Job) {
    // SAFETY: as in `collection_context`.
    unsafe { FINALIZERS.with(|f| f.pending.push_back(job)) };
    crate::eval::trace::set_finalizers_pending(true);
}

/// The collector's finalizer hook.
fn finalizer_hook(obj: &ObjRef) {
    match collection_context() {
        // SAFETY: set by `with_collection_context` for exactly the duration of a collection
        // the VM started with that (otherwise unused) context.
        Some(mut ctx) => run_del(unsafe { ctx.as_mut() }, obj),
        None => queue(Job::Finalize(obj.clone())),
    }
}

/// The weak-reference callback hook.
fn callback_hook(weakref: &ObjRef, callback: ObjRef) {
    match collection_context() {
        // SAFETY: as in `finalizer_hook`.
        Some(mut ctx) => run_callback(unsafe { ctx.as_mut() }, weakref, &callback),
        None => queue(Job::Callback(weakref.clone(), callback)),
    }
}

/// Whether finalizers or weak-reference callbacks are waiting to run (checked by the eval
/// loop between instructions).
#[inline]
pub fn finalizers_pending() -> bool {
    // SAFETY: as in `collection_context`.
    unsafe { FINALIZERS.with(|f| !f.pending.is_empty()) }
}

/// Runs the queued finalizers and weak-reference callbacks, oldest first. The queue is
/// taken a batch at a time, so a job queued by one of the batch's own Python code runs at
/// that code's next instruction (nested in it, as CPython would run it synchronously),
/// while the batch's later jobs wait for their turn.
pub fn run_pending(ctx: &mut Ctx) {
    loop {
        // SAFETY: as in `collection_context`.
        let batch = unsafe { FINALIZERS.with(|f| std::mem::take(&mut f.pending)) };
        if batch.is_empty() {
            crate::eval::trace::set_finalizers_pending(false);
            break;
        }
        for job in batch {
            match job {
                Job::Finalize(obj) => run_del(ctx, &obj),
                Job::Callback(weakref, callback) => run_callback(ctx, &weakref, &callback),
            }
        }
    }
}

/// Calls `type(obj).__del__(obj)`; an exception is reported and ignored, as CPython does.
fn run_del(ctx: &mut Ctx, obj: &ObjRef) {
    let value = Value::Obj(obj.clone());
    let Some(del) = pyrite_object::types::typeobj::lookup_str(obj.type_ref(), "__del__") else { return };
    if let Err(err) = protocol::call_positional(ctx, &del, std::slice::from_ref(&value)) {
        report_unraisable(ctx, &del, &err);
    }
}

/// Calls a weak reference's callback with the (dead) weak reference; an exception is
/// reported and ignored, as CPython's `handle_callback` does.
fn run_callback(ctx: &mut Ctx, weakref: &ObjRef, callback: &ObjRef) {
    let callback = Value::Obj(callback.clone());
    if let Err(err) = protocol::call_positional(ctx, &callback, &[Value::Obj(weakref.clone())]) {
        report_unraisable(ctx, &callback, &err);
    }
}

/// Reports the exception of a finalizer or callback through `sys.unraisablehook`
/// (`Exception ignored in: <what>` and the traceback, by default).
fn report_unraisable(ctx: &mut Ctx, what: &Value, err: &PyErr) {
    crate::syshooks::write_unraisable(ctx, err, None, what.clone());
}

/// Runs a collection with the context published for finalizers.
fn with_collection_context(
    ctx: &mut Ctx,
    collect: impl FnOnce() -> Option<gc::CollectStats>,
) -> Option<gc::CollectStats> {
    let ptr = NonNull::from(&mut *ctx);
    // SAFETY: as in `finalizer_hook`.
    let previous = unsafe { FINALIZERS.with(|f| f.collecting.replace(ptr)) };
    let stats = collect();
    // SAFETY: as in `finalizer_hook`.
    unsafe { FINALIZERS.with(|f| f.collecting = previous) };
    stats
}

/// Runs an automatic collection if one is due (called at the eval breaker).
#[inline]
pub fn maybe_collect(ctx: &mut Ctx) {
    // The request is served (or stale): the collector sets it again when the count next
    // passes the threshold.
    pyrite_memory::breaker::set(pyrite_memory::breaker::COLLECTION_DUE, false);
    if let Some(generation) = gc::due_generation() {
        collect_with_callbacks(ctx, generation);
    }
}

/// Collects `generation`, calling the `gc.callbacks` before and after (CPython's
/// `collect_with_callback`). Returns what the collection did (nothing when one was
/// already running).
fn collect_with_callbacks(ctx: &mut Ctx, generation: usize) -> Option<gc::CollectStats> {
    // SAFETY: as in `collection_context`.
    if unsafe { FINALIZERS.with(|f| std::mem::replace(&mut f.busy, true)) } || gc::is_collecting() {
        return None;
    }
    invoke_callbacks(ctx, "start", generation, gc::CollectStats::default());
    let stats = with_collection_context(ctx, || Some(gc::collect(generation)));
    invoke_callbacks(ctx, "stop", generation, stats.unwrap_or_default());
    // SAFETY: as in `collection_context`.
    unsafe { FINALIZERS.with(|f| f.busy = false) };
    stats
}

/// Calls each of `gc.callbacks` with `(phase, info)`; an exception is reported as
/// unraisable, and the next callback still runs. The list is read by index as it goes, so
/// a callback that changes it affects the rest of this round, as in CPython.
fn invoke_callbacks(ctx: &mut Ctx, phase: &str, generation: usize, stats: gc::CollectStats) {
    // SAFETY: as in `collection_context`.
    let Some(list) = (unsafe { FINALIZERS.with(|f| f.callbacks.clone()) }) else { return };
    let Some(callbacks) = list.downcast::<PyList>() else { return };
    if callbacks.is_empty() {
        return;
    }
    let info = PyDict::new_obj();
    if let Some(d) = info.downcast::<PyDict>() {
        d.set_str("generation", Value::from(generation));
        d.set_str("collected", Value::from(stats.collected));
        d.set_str("uncollectable", Value::from(stats.uncollectable));
    }
    let (phase, info) = (Value::str(phase), Value::Obj(info));
    let mut i = 0;
    while let Some(callback) = callbacks.get(i) {
        if let Err(e) = protocol::call_positional(ctx, &callback, &[phase.clone(), info.clone()]) {
            crate::syshooks::write_unraisable(ctx, &e, None, callback);
        }
        i += 1;
    }
}

/// Installs the finalizer and weak-reference callback hooks and makes the `gc` module.
#[must_use]
pub fn make_gc() -> ObjRef {
    gc::set_finalizer_hook(Some(finalizer_hook));
    weak::set_callback_hook(Some(callback_hook));
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().expect("a new dict");
    d.set_str("__name__", Value::str("gc"));
    d.set_str("garbage", Value::Obj(PyList::new_obj(Vec::new())));
    let callbacks = PyList::new_obj(Vec::new());
    // SAFETY: as in `collection_context`.
    unsafe { FINALIZERS.with(|f| f.callbacks = Some(callbacks.clone())) };
    d.set_str("callbacks", Value::Obj(callbacks));
    let functions: &[(&'static str, NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", |_, _| {
            gc::enable();
            Ok(Value::None)
        }),
        ("disable", |_, _| {
            gc::disable();
            Ok(Value::None)
        }),
        ("isenabled", |_, _| Ok(Value::Bool(gc::is_enabled()))),
        ("get_count", |_, _| Ok(usize_tuple(&gc::get_count()))),
        ("get_threshold", |_, _| Ok(usize_tuple(&gc::get_threshold()))),
        ("set_threshold", gc_set_threshold),
        ("get_objects", gc_get_objects),
        ("is_tracked", gc_is_tracked),
        ("get_stats", gc_get_stats),
        ("get_referents", gc_get_referents),
        ("get_referrers", gc_get_referrers),
        ("freeze", |_, _| {
            gc::freeze();
            Ok(Value::None)
        }),
        ("unfreeze", |_, _| {
            gc::unfreeze();
            Ok(Value::None)
        }),
        ("get_freeze_count", |_, _| Ok(Value::from(gc::get_freeze_count()))),
    ];
    for &(name, func) in functions {
        d.set_str(name, Value::Obj(BuiltinFunction::new_in_module("gc", name, func)));
    }
    Module::new_builtin(dict)
}

fn usize_tuple(values: &[usize]) -> Value {
    Value::Obj(PyTuple::new_obj(values.iter().map(|&v| Value::from(v)).collect()))
}

fn gc_collect(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let mut generation = 2;
    if let Some(g) = args.pos().first() {
        generation = to_i64(g)?;
    }
    for (k, v) in args.keywords() {
        if k.as_str().is_some_and(|s| s.as_str() == "generation") {
            generation = to_i64(v)?;
        }
    }
    let generation =
        usize::try_from(generation).ok().filter(|g| *g <= 2).ok_or_else(|| PyErr::value_error("invalid generation"))?;
    run_pending(ctx);
    let stats = collect_with_callbacks(ctx, generation);
    run_pending(ctx);
    Ok(Value::from(stats.map_or(0, |s| s.collected)))
}

fn gc_set_threshold(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("set_threshold", args, 1, 3)?;
    let mut thresholds = Vec::with_capacity(values.len());
    for v in values {
        thresholds.push(usize::try_from(to_i64(v)?).unwrap_or(0));
    }
    gc::set_threshold(&thresholds);
    Ok(Value::None)
}

fn gc_get_objects(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let generation = match args.pos().first() {
        None | Some(Value::None) => None,
        Some(g) => Some(usize::try_from(to_i64(g)?).ok().filter(|g| *g <= 2).ok_or_else(|| {
            PyErr::value_error("generation parameter must be less than the number of available generations (3)")
        })?),
    };
    Ok(Value::Obj(PyList::new_obj(gc::get_objects(generation).into_iter().map(Value::Obj).collect())))
}

/// `gc.get_stats()`: a dict per generation of its cumulative `collections`, `collected`
/// and `uncollectable` counts.
fn gc_get_stats(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("get_stats", args, 0, 0)?;
    let stats = gc::get_stats()
        .iter()
        .map(|g| {
            let d = PyDict::new_obj();
            if let Some(dict) = d.downcast::<PyDict>() {
                dict.set_str("collections", Value::from(g.collections));
                dict.set_str("collected", Value::from(g.collected));
                dict.set_str("uncollectable", Value::from(g.uncollectable));
            }
            Value::Obj(d)
        })
        .collect();
    Ok(Value::Obj(PyList::new_obj(stats)))
}

fn gc_is_tracked(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("is_tracked", args, 1, 1)?;
    Ok(Value::Bool(values[0].as_obj().is_some_and(gc::is_tracked)))
}

fn gc_get_referents(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let mut out = Vec::new();
    for v in args.pos() {
        if let Some(obj) = v.as_obj() {
            out.extend(gc::get_referents(obj).into_iter().map(Value::Obj));
        }
    }
    Ok(Value::Obj(PyList::new_obj(out)))
}

fn gc_get_referrers(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let targets: Vec<ObjRef> = args.pos().iter().filter_map(Value::as_obj).cloned().collect();
    Ok(Value::Obj(PyList::new_obj(gc::get_referrers(&targets).into_iter().map(Value::Obj).collect())))
}
