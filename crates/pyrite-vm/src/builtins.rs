//! The `builtins` module.

use pyrite_object::methods::check_args;
use pyrite_object::methods::int::to_i64;
use pyrite_object::protocol;
use pyrite_object::registry::exception_types;
use pyrite_object::types::bytes::{PyByteArray, PyBytes};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, NativeFn};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{TypeObject, is_subtype};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, types};

mod async_iter;
mod introspect;
pub(crate) use introspect::object_dir;
mod iteration;
mod numeric;
mod printing;
mod site;

/// Flushes `sys.stdout` and `sys.stderr` (before writing to the process's stderr, so output
/// interleaves as in CPython).
pub fn flush_stdout(ctx: &mut Ctx) {
    printing::flush_std_streams(ctx);
}

/// Writes text to `sys.stdout`.
pub fn write_stdout(ctx: &mut Ctx, text: &str) -> PyResult<()> {
    printing::write_stdout(ctx, text)
}

/// Makes the `builtins` module's dict.
#[must_use]
pub fn make_builtins() -> ObjRef {
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().expect("a new dict");
    let t = types();
    pyrite_object::types::intern::set_name(d, "__name__", Value::str("builtins"));
    pyrite_object::types::intern::set_name(d, "__doc__", Value::None);
    pyrite_object::types::intern::set_name(d, "__package__", Value::str(""));
    // The constants, which code reads as keywords but `builtins.True` still names.
    pyrite_object::types::intern::set_name(d, "None", Value::None);
    pyrite_object::types::intern::set_name(d, "True", Value::Bool(true));
    pyrite_object::types::intern::set_name(d, "False", Value::Bool(false));
    pyrite_object::types::intern::set_name(d, "__debug__", Value::Bool(true));
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("float", &t.float),
        ("complex", &t.complex),
        ("bool", &t.bool),
        ("str", &t.str),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("range", &t.range),
        ("slice", &t.slice),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("memoryview", &t.memoryview),
    ] {
        pyrite_object::types::intern::set_name(d, name, Value::Obj(ty.clone()));
    }
    for (name, ty) in exception_types() {
        pyrite_object::types::intern::set_name(d, name, Value::Obj(ty.clone()));
    }
    pyrite_object::types::intern::set_name(d, "Ellipsis", Value::Obj(t.ellipsis.clone()));
    crate::classes::install(d);
    pyrite_object::types::intern::set_name(d, "NotImplemented", Value::Obj(t.not_implemented.clone()));
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", printing::builtin_print),
        ("input", printing::builtin_input),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("iter", iteration::builtin_iter),
        ("aiter", async_iter::builtin_aiter),
        ("anext", async_iter::builtin_anext),
        ("sum", iteration::builtin_sum),
        ("sorted", iteration::builtin_sorted),
        ("any", iteration::builtin_any),
        ("all", iteration::builtin_all),
        ("divmod", numeric::builtin_divmod),
        ("pow", numeric::builtin_pow),
        ("round", numeric::builtin_round),
        ("bin", numeric::builtin_bin),
        ("oct", numeric::builtin_oct),
        ("hex", numeric::builtin_hex),
        ("dir", introspect::builtin_dir),
        ("vars", introspect::builtin_vars),
        ("locals", introspect::builtin_locals),
        ("delattr", introspect::builtin_delattr),
        ("next", builtin_next),
        ("hash", builtin_hash),
        ("id", builtin_id),
        ("callable", builtin_callable),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("format", builtin_format),
        ("ascii", builtin_ascii),
        ("breakpoint", crate::syshooks::builtin_breakpoint),
    ];
    for &(name, func) in functions {
        pyrite_object::types::intern::set_name(
            d,
            name,
            Value::Obj(BuiltinFunction::new_in_module("builtins", name, func)),
        );
    }
    site::install(d);
    dict
}

fn keyword<'a>(args: &Args<'a>, name: &str) -> Option<&'a Value> {
    args.keywords().find(|(k, _)| k.as_str().is_some_and(|s| s.as_str() == name)).map(|(_, v)| v)
}

fn check_keywords(args: &Args<'_>, function: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in args.keywords() {
        let name = k.as_str().map_or("?", PyStr::as_str);
        if !allowed.contains(&name) {
            return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for {function}()")));
        }
    }
    Ok(())
}

fn optional_str(value: Option<&Value>, default: &str, what: &str) -> PyResult<String> {
    match value {
        None | Some(Value::None) => Ok(default.to_owned()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.as_str().to_owned()),
            None => Err(PyErr::type_error(format!("{what} must be None or a string, not {}", v.type_name()))),
        },
    }
}

pub(crate) fn builtin_len(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("len", args, 1, 1)?;
    Ok(Value::from(protocol::len(ctx, &values[0])?))
}

fn builtin_repr(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("repr", args, 1, 1)?;
    protocol::repr(ctx, &values[0])
}

fn builtin_ascii(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("ascii", args, 1, 1)?;
    let text = protocol::repr_string(ctx, &values[0])?;
    Ok(Value::str(&pyrite_object::methods::format::ascii_escape(&text)))
}

fn builtin_abs(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("abs", args, 1, 1)?;
    let v = &values[0];
    // A Python subclass of int or float may define its own `__abs__`.
    if !pyrite_object::methods::slots::is_python_class(v.type_ref()) {
        if let Some(f) = v.as_f64() {
            return Ok(Value::float(f.abs()));
        }
        if let Some(i) = pyrite_object::methods::int::as_int(v) {
            return Ok(Value::from_bigint(num_traits::Signed::abs(i.as_ref())));
        }
    }
    match pyrite_object::methods::slots::call_dunder(ctx, v, "__abs__", &[])? {
        Some(result) => Ok(result),
        None => Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", v.type_name()))),
    }
}

fn min_max(ctx: &mut Ctx, args: Args<'_>, name: &str, op: pyrite_bytecode::CompareOp) -> PyResult {
    check_keywords(&args, name, &["key", "default"])?;
    let key = keyword(&args, "key").filter(|k| !k.is_none()).cloned();
    let default = keyword(&args, "default").cloned();
    let pos = args.pos();
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |ctx: &mut Ctx, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => protocol::call_positional(ctx, f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        best = match best.take() {
            None => Some((k, item)),
            Some((bk, bv)) => {
                // `k > bk` is `bk < k` for the keys the fast comparison takes.
                let fast = match op {
                    pyrite_bytecode::CompareOp::Gt => pyrite_object::methods::sort::lt_fast(&bk, &k),
                    _ => pyrite_object::methods::sort::lt_fast(&k, &bk),
                };
                let better = match fast {
                    Some(b) => b,
                    None => protocol::compare_bool(ctx, &k, &bk, op)?,
                };
                if better { Some((k, item)) } else { Some((bk, bv)) }
            }
        };
        Ok(())
    };
    match pos.len() {
        0 => return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0"))),
        // The items are taken one at a time, as CPython does (no copy of a large iterable).
        1 => {
            let iterator = protocol::get_iter(ctx, &pos[0])?;
            while let Some(item) = protocol::next(ctx, &iterator)? {
                consider(ctx, item)?;
            }
        }
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            for item in pos {
                consider(ctx, item.clone())?;
            }
        }
    }
    match (best, default) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn builtin_min(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    min_max(ctx, args, "min", pyrite_bytecode::CompareOp::Lt)
}

fn builtin_max(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    min_max(ctx, args, "max", pyrite_bytecode::CompareOp::Gt)
}

/// CPython's `object_isinstance`/`object_issubclass` for one class (no hooks).
fn class_check(cls: &Value, test: &dyn Fn(&ObjRef) -> bool, what: &str) -> PyResult<bool> {
    match cls.as_obj().filter(|o| o.is::<TypeObject>()) {
        Some(ty) => Ok(test(ty)),
        None if what == "issubclass()" => {
            Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
        None => Err(PyErr::type_error(format!("{what} arg 2 must be a type, a tuple of types, or a union"))),
    }
}

/// CPython's `PyObject_IsInstance` and `PyObject_IsSubclass`: an exact `type` is checked
/// directly; a tuple is checked item by item; otherwise the metaclass's `hook`
/// (`__instancecheck__`/`__subclasscheck__`) decides when it has one.
fn hooked_check(
    ctx: &mut Ctx,
    value: &Value,
    cls: &Value,
    hook: &str,
    plain: &dyn Fn(&mut Ctx, &Value) -> PyResult<bool>,
) -> PyResult<bool> {
    if cls.as_obj().is_some_and(|o| o.type_ref().is_same(&pyrite_object::types().type_)) {
        return plain(ctx, cls);
    }
    if let Some(t) = cls.downcast::<PyTuple>() {
        let items = t.items().to_vec();
        ctx.enter_native_call(&format!(" in {hook}"))?;
        let mut result = Ok(false);
        for item in &items {
            match hooked_check(ctx, value, item, hook, plain) {
                Ok(false) => {}
                other => {
                    result = other;
                    break;
                }
            }
        }
        ctx.leave_call();
        return result;
    }
    // `type.__instancecheck__`/`__subclasscheck__` are the plain check itself: unless a
    // metaclass before `type` in the MRO overrides the hook, check directly.
    if !overrides_type_hook(cls.type_ref(), hook) {
        return plain(ctx, cls);
    }
    match pyrite_object::methods::slots::call_dunder(ctx, cls, hook, std::slice::from_ref(value))? {
        Some(result) => protocol::truthy(ctx, &result),
        None => plain(ctx, cls),
    }
}

/// Whether a class of `meta`'s MRO that comes before `type` defines `hook`.
fn overrides_type_hook(meta: &ObjRef, hook: &str) -> bool {
    let key = PyStr::from_str(hook);
    let mro = pyrite_object::types::typeobj::type_payload(meta).mro.borrow().clone();
    for class in &mro {
        if class.is_same(&pyrite_object::types().type_) {
            return false;
        }
        let dict = pyrite_object::types::typeobj::type_payload(class).dict.clone();
        if dict.downcast::<PyDict>().is_some_and(|d| d.get_str(&key).is_some()) {
            return true;
        }
    }
    true
}

fn builtin_isinstance(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("isinstance", args, 2, 2)?;
    let ty = values[0].type_ref().clone();
    if values[1].as_obj().is_some_and(|o| o.is_same(&ty)) {
        return Ok(Value::Bool(true));
    }
    let plain = |_: &mut Ctx, cls: &Value| class_check(cls, &|t| is_subtype(&ty, t), "isinstance()");
    Ok(Value::Bool(hooked_check(ctx, &values[0], &values[1], "__instancecheck__", &plain)?))
}

fn builtin_issubclass(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("issubclass", args, 2, 2)?;
    let sub = values[0].clone();
    let plain = |_: &mut Ctx, cls: &Value| {
        let Some(sub) = sub.as_obj().filter(|o| o.is::<TypeObject>()) else {
            return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
        };
        class_check(cls, &|t| is_subtype(sub, t), "issubclass()")
    };
    Ok(Value::Bool(hooked_check(ctx, &values[0], &values[1], "__subclasscheck__", &plain)?))
}

fn builtin_next(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("next", args, 1, 2)?;
    match (protocol::next_raw(ctx, &values[0]), values.get(1)) {
        (Ok(Some(v)), _) => Ok(v),
        (Ok(None), Some(default)) => Ok(default.clone()),
        (Err(e), Some(default)) if e.matches(&pyrite_object::types().stop_iteration) => Ok(default.clone()),
        (Ok(None), None) => Err(PyErr::stop_iteration(None)),
        (Err(e), _) => Err(e),
    }
}

fn builtin_hash(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("hash", args, 1, 1)?;
    Ok(Value::Int(protocol::hash(ctx, &values[0])?))
}

fn builtin_id(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("id", args, 1, 1)?;
    Ok(Value::from(values[0].id()))
}

fn builtin_callable(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("callable", args, 1, 1)?;
    Ok(Value::Bool(protocol::callable(&values[0])))
}

fn builtin_chr(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("chr", args, 1, 1)?;
    let i = to_i64(&values[0])?;
    match u32::try_from(i).ok().filter(|&c| c < 0x11_0000) {
        Some(cp) => Ok(Value::Obj(PyStr::from_code_points_obj(&[cp]))),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("ord", args, 1, 1)?;
    let bytes = match values[0].as_obj() {
        Some(o) if o.is::<PyBytes>() || o.is::<PyByteArray>() => {
            pyrite_object::methods::bytes::buffer_bytes(&values[0])
        }
        _ => None,
    };
    if let Some(bytes) = bytes {
        return match bytes.as_slice() {
            [b] => Ok(Value::Int(i64::from(*b))),
            _ => Err(PyErr::type_error(format!(
                "ord() expected a character, but string of length {} found",
                bytes.len()
            ))),
        };
    }
    match values[0].as_str() {
        Some(s) if s.len() == 1 => Ok(Value::Int(i64::from(s.code_point(0)))),
        Some(s) => {
            Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", s.len())))
        }
        None => {
            Err(PyErr::type_error(format!("ord() expected string of length 1, but {} found", values[0].type_name())))
        }
    }
}

fn attr_name(value: &Value) -> PyResult<&Value> {
    if value.as_str().is_some() {
        Ok(value)
    } else {
        Err(PyErr::type_error(format!("attribute name must be string, not '{}'", value.type_name())))
    }
}

fn builtin_getattr(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getattr", args, 2, 3)?;
    let name = attr_name(&values[1])?;
    match (protocol::getattr(ctx, &values[0], name), values.get(2)) {
        (Ok(v), _) => Ok(v),
        (Err(e), Some(default)) if e.matches(&types().attribute_error) => Ok(default.clone()),
        (Err(e), _) => Err(e),
    }
}

fn builtin_setattr(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("setattr", args, 3, 3)?;
    let name = attr_name(&values[1])?;
    protocol::setattr(ctx, &values[0], name, Some(values[2].clone()))?;
    Ok(Value::None)
}

fn builtin_hasattr(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("hasattr", args, 2, 2)?;
    let name = attr_name(&values[1])?;
    match protocol::getattr(ctx, &values[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.matches(&types().attribute_error) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn builtin_format(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("format", args, 1, 2)?;
    let spec = match values.get(1) {
        None => String::new(),
        Some(s) => s
            .as_str()
            .map(|s| s.as_str().to_owned())
            .ok_or_else(|| PyErr::type_error(format!("format() argument 2 must be str, not {}", s.type_name())))?,
    };
    pyrite_object::methods::format::format(ctx, &values[0], &spec)
}
