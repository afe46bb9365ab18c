//! The hooks of `sys` that Python code may replace: `displayhook` (what the interactive
//! prompt and `doctest` call with each expression's value), `excepthook` (prints an
//! uncaught exception), and their `__displayhook__`/`__excepthook__` originals.

use pyrite_object::methods::check_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use crate::state::vm;

/// Adds the hooks to the `sys` module's dict.
pub fn install(sys: &PyDict) {
    let displayhook = Value::Obj(BuiltinFunction::new_obj("displayhook", displayhook));
    let excepthook = Value::Obj(BuiltinFunction::new_obj("excepthook", excepthook));
    sys.set_str("displayhook", displayhook.clone());
    sys.set_str("__displayhook__", displayhook);
    sys.set_str("excepthook", excepthook.clone());
    sys.set_str("__excepthook__", excepthook);
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
