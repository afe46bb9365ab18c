//! The hooks of `sys` that Python code may replace: `displayhook` (what the interactive
//! prompt and `doctest` call with each expression's value), `excepthook` (prints an
//! uncaught exception), `breakpointhook` (what `breakpoint()` calls), `unraisablehook`
//! (reports an exception that cannot propagate, from `__del__` or a weak reference
//! callback), and their `__displayhook__`-style originals.

use pyrite_object::methods::check_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::exception::PyException;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::instance::Instance;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{self, StaticType};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use crate::state::vm;

/// Adds the hooks to the `sys` module's dict.
pub fn install(sys: &PyDict) {
    let displayhook = Value::Obj(BuiltinFunction::new_in_module("sys", "displayhook", displayhook));
    let excepthook = Value::Obj(BuiltinFunction::new_in_module("sys", "excepthook", excepthook));
    sys.set_str("displayhook", displayhook.clone());
    sys.set_str("__displayhook__", displayhook);
    sys.set_str("excepthook", excepthook.clone());
    sys.set_str("__excepthook__", excepthook);
    let breakpointhook = Value::Obj(BuiltinFunction::new_in_module("sys", "breakpointhook", breakpointhook));
    sys.set_str("breakpointhook", breakpointhook.clone());
    sys.set_str("__breakpointhook__", breakpointhook);
    let unraisablehook = Value::Obj(BuiltinFunction::new_in_module("sys", "unraisablehook", unraisablehook));
    sys.set_str("unraisablehook", unraisablehook.clone());
    sys.set_str("__unraisablehook__", unraisablehook);
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with the same arguments.
pub fn builtin_breakpoint(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let hook = match sys_stream(ctx, "breakpointhook") {
        Ok(hook) => hook,
        Err(_) => return Err(PyErr::runtime_error("lost sys.breakpointhook")),
    };
    protocol::call(ctx, &hook, args)
}

/// `sys.breakpointhook(*args, **kws)`: calls the function `$PYTHONBREAKPOINT` names
/// (`pdb.set_trace` when unset or empty; nothing for `0`); an unimportable name only warns.
fn breakpointhook(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let setting = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    let name = match setting.as_str() {
        "0" => return Ok(Value::None),
        "" => "pdb.set_trace",
        other => other,
    };
    let (module, attr) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let hook = crate::import_module(ctx, module).and_then(|m| protocol::getattr_str(ctx, &m, attr));
    match hook {
        Ok(hook) => protocol::call(ctx, &hook, args),
        Err(e)
            if e.matches(&pyrite_object::types().import_error)
                || e.matches(&pyrite_object::types().attribute_error) =>
        {
            let warnings = crate::import_module(ctx, "warnings")?;
            let warn = protocol::getattr_str(ctx, &warnings, "warn")?;
            let message = Value::str(&format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{name}\""));
            let category = Value::Obj(pyrite_object::types().runtime_warning.clone());
            protocol::call_positional(ctx, &warn, &[message, category])?;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn sys_stream(ctx: &mut Ctx, name: &str) -> PyResult {
    let sys = vm(ctx).sys.clone();
    let stream = sys.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(name)));
    match stream {
        Some(stream) if !stream.is_none() => Ok(stream),
        _ => Err(PyErr::runtime_error(format!("lost sys.{name}"))),
    }
}

fn write(ctx: &mut Ctx, stream: &Value, text: &str) -> PyResult<()> {
    let write = protocol::getattr_str(ctx, stream, "write")?;
    protocol::call_positional(ctx, &write, &[Value::str(text)]).map(drop)
}

fn set_underscore(ctx: &mut Ctx, value: Value) {
    if let Some(d) = vm(ctx).builtins.downcast::<PyDict>() {
        d.set_str("_", value);
    }
}

/// `sys.displayhook(value)`: prints `repr(value)` to `sys.stdout` and keeps the value in
/// `builtins._`; None is not printed.
fn displayhook(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [value] = check_args("displayhook", args, 1, 1)? else { unreachable!("one argument") };
    if value.is_none() {
        return Ok(Value::None);
    }
    set_underscore(ctx, Value::None);
    let stdout = sys_stream(ctx, "stdout")?;
    let text = protocol::repr_string(ctx, value)?;
    write(ctx, &stdout, &text)?;
    write(ctx, &stdout, "\n")?;
    set_underscore(ctx, value.clone());
    Ok(Value::None)
}

/// `sys.excepthook(type, value, traceback)`: prints the exception and its traceback to
/// `sys.stderr` as the interpreter does for an uncaught one.
fn excepthook(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [_, value, _] = check_args("excepthook", args, 3, 3)? else { unreachable!("three arguments") };
    let stderr = sys_stream(ctx, "stderr")?;
    let text = match value {
        Value::Obj(exc) if exc.is::<pyrite_object::types::exception::PyException>() => {
            let mut sources = crate::traceback::SourceCache::default();
            crate::traceback::format_exception(ctx, &mut sources, exc)
        }
        other => {
            format!("TypeError: print_exception(): Exception expected for value, {} found\n", other.type_name())
        }
    };
    write(ctx, &stderr, &text)?;
    Ok(Value::None)
}

/// `sys.UnraisableHookArgs`: what `sys.unraisablehook` receives.
fn hook_args_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| typeobj::new_native_type_with("UnraisableHookArgs", "sys", None, 0, |_| {}))
}

fn sys_attr(ctx: &mut Ctx, name: &str) -> Option<Value> {
    let sys = vm(ctx).sys.clone();
    sys.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(name)))
}

/// Reports an exception that cannot propagate, as CPython's `PyErr_WriteUnraisable`:
/// `sys.unraisablehook` gets the exception, `err_msg` (None: "Exception ignored in") and
/// the object concerned. If the hook fails, the report is printed as the default does.
pub fn write_unraisable(ctx: &mut Ctx, err: &PyErr, err_msg: Option<&str>, object: Value) {
    let exc = err.value().clone();
    let traceback = exc.downcast::<PyException>().and_then(|e| e.traceback.borrow().clone());
    let args = ObjRef::new(Instance::default(), Some(hook_args_type()));
    if let Some(d) = protocol::instance_dict(&args, true).as_ref().and_then(|d| d.downcast::<PyDict>()) {
        d.set_str("exc_type", Value::Obj(exc.type_ref().clone()));
        d.set_str("exc_value", Value::Obj(exc.clone()));
        d.set_str("exc_traceback", traceback.map_or(Value::None, Value::Obj));
        d.set_str("err_msg", err_msg.map_or(Value::None, Value::str));
        d.set_str("object", object);
    }
    let args = Value::Obj(args);
    let hook = sys_attr(ctx, "unraisablehook").filter(|h| !h.is_none());
    let reported = match hook {
        Some(hook) => protocol::call_positional(ctx, &hook, std::slice::from_ref(&args)).is_ok(),
        None => false,
    };
    if !reported {
        let _ = default_unraisable(ctx, &args);
    }
}

/// `sys.unraisablehook(unraisable)`: prints `Exception ignored in: <object>` and the
/// traceback to `sys.stderr`.
fn unraisablehook(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [unraisable] = check_args("unraisablehook", args, 1, 1)? else { unreachable!("one argument") };
    default_unraisable(ctx, unraisable)?;
    Ok(Value::None)
}

fn default_unraisable(ctx: &mut Ctx, unraisable: &Value) -> PyResult<()> {
    let err_msg = protocol::getattr_str(ctx, unraisable, "err_msg")?;
    let object = protocol::getattr_str(ctx, unraisable, "object")?;
    let exc_value = protocol::getattr_str(ctx, unraisable, "exc_value")?;
    let mut text = String::new();
    let err_msg = if err_msg.is_none() { None } else { Some(protocol::str_string(ctx, &err_msg)?) };
    if !object.is_none() {
        let what = protocol::repr_string(ctx, &object).unwrap_or_else(|_| "<object repr() failed>".to_owned());
        text.push_str(&format!("{}: {what}\n", err_msg.as_deref().unwrap_or("Exception ignored in")));
    } else if let Some(message) = &err_msg {
        text.push_str(&format!("{message}:\n"));
    }
    if let Value::Obj(exc) = &exc_value
        && exc.is::<PyException>()
    {
        let mut sources = crate::traceback::SourceCache::default();
        text.push_str(&crate::traceback::format_exception(ctx, &mut sources, exc));
    }
    match sys_stream(ctx, "stderr") {
        Ok(stderr) => write(ctx, &stderr, &text)?,
        Err(_) => {
            crate::builtins::flush_stdout(ctx);
            eprint!("{text}");
        }
    }
    Ok(())
}
