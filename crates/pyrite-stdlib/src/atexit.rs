//! The `atexit` module: functions registered to run when the interpreter exits, last
//! registered first. The VM calls `atexit._run_exitfuncs()` when the main module has
//! finished (normally or by an exception); an exception in a callback is reported as
//! `Exception ignored in atexit callback: ...` with its traceback, and the others still run.

use pyrite_memory::GilCell;
use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

/// One registered call: the function, its positional arguments, and its keyword
/// arguments' names and values.
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

/// The registered calls, in registration order.
static CALLBACKS: GilCell<Vec<Callback>> = GilCell::new(Vec::new());

/// Runs `f` on the list. It must not free objects or run Python code: callers move
/// values in and out and drop them afterwards.
fn with_callbacks<R>(f: impl FnOnce(&mut Vec<Callback>) -> R) -> R {
    // SAFETY: Python code runs only on the thread holding the GIL, which every native
    // function's caller holds; no caller re-enters `with` or drops objects inside it.
    unsafe { CALLBACKS.with(f) }
}

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    Ok(Module::new_native(
        "atexit",
        &[
            ("register", register),
            ("unregister", unregister),
            ("_run_exitfuncs", run_exitfuncs),
            ("_clear", clear),
            ("_ncallbacks", ncallbacks),
        ],
    ))
}

fn register(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(func) = pos.first() else {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    };
    if !is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mut call_args = pos[1..].to_vec();
    call_args.extend(args.keywords().map(|(_, v)| v.clone()));
    let callback = Callback { func: func.clone(), args: call_args, kwnames: args.kwnames.to_vec() };
    with_callbacks(|list| list.push(callback));
    Ok(func.clone())
}

/// `callable(value)`.
fn is_callable(value: &Value) -> bool {
    use pyrite_object::types::function::{BoundMethod, BuiltinFunction, Function, SlotWrapper};
    let ty = value.type_ref();
    value.as_obj().is_some_and(|o| {
        o.is::<Function>() || o.is::<BuiltinFunction>() || o.is::<BoundMethod>() || o.is::<SlotWrapper>()
    }) || pyrite_object::types::typeobj::type_payload(ty).slots().call.is_some()
        || pyrite_object::types::typeobj::lookup_str(ty, "__call__").is_some()
}

fn unregister(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("unregister", args, 1, 1)?;
    let funcs: Vec<Value> = with_callbacks(|list| list.iter().map(|c| c.func.clone()).collect());
    let mut keep = Vec::with_capacity(funcs.len());
    for f in &funcs {
        keep.push(!protocol::eq(ctx, f, &values[0])?);
    }
    let removed: Vec<Callback> = with_callbacks(|list| {
        let all = std::mem::take(list);
        let (kept, removed): (Vec<_>, Vec<_>) =
            all.into_iter().enumerate().partition(|(i, _)| keep.get(*i).copied().unwrap_or(true));
        *list = kept.into_iter().map(|(_, c)| c).collect();
        removed.into_iter().map(|(_, c)| c).collect()
    });
    drop(removed);
    drop(funcs);
    Ok(Value::None)
}

fn run_exitfuncs(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("_run_exitfuncs", args, 0, 0)?;
    run_all(ctx);
    Ok(Value::None)
}

/// Runs and forgets every callback, last registered first.
pub fn run_all(ctx: &mut Ctx) {
    while let Some(callback) = with_callbacks(Vec::pop) {
        let call = Args { values: &callback.args, kwnames: &callback.kwnames };
        if let Err(err) = protocol::call(ctx, &callback.func, call) {
            report(ctx, &callback.func, &err);
        }
        drop(callback);
    }
}

/// Prints `Exception ignored in atexit callback: <func>` and the traceback, as CPython's
/// `PyErr_WriteUnraisable`.
fn report(ctx: &mut Ctx, func: &Value, err: &PyErr) {
    let what = protocol::repr_string(ctx, func).unwrap_or_else(|_| "<object repr() failed>".to_owned());
    let traceback =
        pyrite_vm::traceback::format_exception(ctx, &mut pyrite_vm::traceback::SourceCache::default(), err.value());
    flush_stdout(ctx);
    eprint!("Exception ignored in atexit callback: {what}\n{traceback}");
}

/// Flushes `sys.stdout` (when it is set) and the VM's own stdout buffer, so the report
/// follows what the program printed.
fn flush_stdout(ctx: &mut Ctx) {
    use std::io::Write;
    let sys = pyrite_vm::state::vm(ctx).sys.clone();
    let stdout =
        sys.downcast::<pyrite_object::types::dict::PyDict>().and_then(|d| d.get_str(&PyStr::from_str("stdout")));
    if let Some(stdout) = stdout
        && let Ok(flush) = protocol::getattr_str(ctx, &stdout, "flush")
    {
        let _ = protocol::call_positional(ctx, &flush, &[]);
    }
    let _ = pyrite_vm::state::vm(ctx).streams.stdout.flush();
}

fn clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("_clear", args, 0, 0)?;
    let old = with_callbacks(std::mem::take);
    drop(old);
    Ok(Value::None)
}

fn ncallbacks(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("_ncallbacks", args, 0, 0)?;
    Ok(Value::from(with_callbacks(|list| list.len())))
}
