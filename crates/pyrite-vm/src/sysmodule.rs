//! The `sys` module (the part the core needs now; the rest comes with the import system).

use pyrite_object::methods::int::to_i64;
use pyrite_object::methods::method_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module, NativeFn};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, types};

/// Makes the `sys` module.
#[must_use]
pub fn make_sys(modules: &ObjRef, argv: &[String]) -> ObjRef {
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().expect("a new dict");
    d.set_str("__name__", Value::str("sys"));
    d.set_str("__doc__", Value::None);
    d.set_str("modules", Value::Obj(modules.clone()));
    d.set_str("argv", Value::Obj(PyList::new_obj(argv.iter().map(|a| Value::str(a)).collect())));
    d.set_str("path", Value::Obj(PyList::new_obj(Vec::new())));
    // Not consulted yet: the import system is native (see ARCHITECTURE.md, "Imports").
    d.set_str("meta_path", Value::Obj(PyList::new_obj(Vec::new())));
    d.set_str("path_hooks", Value::Obj(PyList::new_obj(Vec::new())));
    d.set_str("path_importer_cache", Value::Obj(PyDict::new_obj()));
    let no_cache = std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    d.set_str("dont_write_bytecode", Value::Bool(no_cache));
    d.set_str("version", Value::str("3.11.7 (Pyrite 0.1.0)"));
    let version_info = [Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)];
    d.set_str("version_info", Value::Obj(PyTuple::new_obj(version_info.to_vec())));
    d.set_str("hexversion", Value::Int(0x030B_07F0));
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str("byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    d.set_str("platform", Value::str(std::env::consts::OS));
    let executable = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    d.set_str("executable", Value::str(&executable));
    let functions: &[(&'static str, NativeFn)] = &[
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("exit", sys_exit),
        ("intern", sys_intern),
        ("getrefcount", sys_getrefcount),
        ("getdefaultencoding", |_, _| Ok(Value::str("utf-8"))),
        ("getfilesystemencoding", |_, _| Ok(Value::str("utf-8"))),
    ];
    let module = Module::new_builtin(dict.clone());
    for &(name, func) in functions {
        let f = BuiltinFunction::new_obj(name, func);
        let bound = f.downcast::<BuiltinFunction>().map(|b| b.bind(Value::Obj(module.clone()))).unwrap_or(f);
        d.set_str(name, Value::Obj(bound));
    }
    module
}

fn sys_getrecursionlimit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    method_args("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(i64::from(ctx.recursion_limit)))
}

fn sys_setrecursionlimit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("setrecursionlimit", args, 1, 1)?.1;
    if matches!(values[0], Value::Float(_)) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let limit = to_i64(&values[0])?;
    if limit < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    let limit = u32::try_from(limit).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    if limit <= ctx.recursion_depth {
        return Err(PyErr::new(
            &types().recursion_error,
            format!(
                "cannot set the recursion limit to {limit} at the recursion depth {}: the limit is too low",
                ctx.recursion_depth
            ),
        ));
    }
    ctx.recursion_limit = limit;
    Ok(Value::None)
}

fn sys_exc_info(ctx: &mut Ctx, _: Args<'_>) -> PyResult {
    let items = match &ctx.exc_info {
        Some(exc) => {
            let tb = exc
                .downcast::<pyrite_object::types::exception::PyException>()
                .and_then(|e| e.traceback.borrow().clone())
                .map_or(Value::None, Value::Obj);
            vec![Value::Obj(exc.type_ref().clone()), Value::Obj(exc.clone()), tb]
        }
        None => vec![Value::None, Value::None, Value::None],
    };
    Ok(Value::Obj(PyTuple::new_obj(items)))
}

fn sys_exception(ctx: &mut Ctx, _: Args<'_>) -> PyResult {
    Ok(ctx.exc_info.clone().map_or(Value::None, Value::Obj))
}

fn sys_exit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("exit", args, 0, 1)?.1;
    // `sys.exit()` and `sys.exit(None)` raise SystemExit with no arguments, as CPython does.
    let args = match values.first() {
        None | Some(Value::None) => Vec::new(),
        Some(code) => vec![code.clone()],
    };
    Err(PyErr::with_args(&types().system_exit, args))
}

/// `sys.getrefcount(obj)`: the object's reference count, including the argument's own
/// reference, as CPython counts it. Inline values (small ints, floats, None, bools) are not
/// counted objects in Pyrite; they report a large constant, like CPython's immortal objects.
fn sys_getrefcount(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("getrefcount", args, 1, 1)?.1;
    Ok(match &values[0] {
        Value::Obj(obj) => Value::from(obj.refcount()),
        _ => Value::Int(i64::from(u32::MAX >> 1)),
    })
}

fn sys_intern(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("intern", args, 1, 1)?.1;
    if values[0].as_str().is_none() {
        return Err(PyErr::type_error(format!("intern() argument 1 must be str, not {}", values[0].type_name())));
    }
    Ok(values[0].clone())
}
