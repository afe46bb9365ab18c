//! The `_imp` module: what CPython's `importlib._bootstrap` asks of the interpreter
//! (built-in modules, the import lock, frozen modules, source hashes), so that CPython's
//! `importlib` package runs on top of Pyrite's native import system.
//!
//! Pyrite has no frozen modules and loads no extension modules: `is_frozen` is always
//! false, `extension_suffixes()` is empty, and `create_dynamic` raises `ImportError`.

use pyrite_object::methods::bytes::with_buffer;
use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyList;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};
use siphasher::sip::SipHasher13;

use super::{modules_get, text};
use crate::state::vm;

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_imp",
        &[
            ("lock_held", lock_held),
            ("acquire_lock", acquire_lock),
            ("release_lock", release_lock),
            ("is_builtin", is_builtin),
            ("create_builtin", create_builtin),
            ("exec_builtin", exec_module),
            ("exec_dynamic", exec_module),
            ("create_dynamic", create_dynamic),
            ("is_frozen", is_frozen),
            ("is_frozen_package", frozen_object),
            ("get_frozen_object", frozen_object),
            ("find_frozen", find_frozen),
            ("init_frozen", init_frozen),
            ("_frozen_module_names", frozen_module_names),
            ("_override_frozen_modules_for_tests", override_for_tests),
            ("_override_multi_interp_extensions_check", override_for_tests),
            ("_fix_co_filename", fix_co_filename),
            ("extension_suffixes", extension_suffixes),
            ("source_hash", source_hash),
        ],
    );
    Module::set(&module, "check_hash_based_pycs", Value::str("default"));
    Ok(module)
}

fn lock_held(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("lock_held", args, 0, 0)?;
    Ok(Value::Bool(vm(ctx).import_lock_depth > 0))
}

/// The import lock: one thread runs Python at a time, so it only counts, as a re-entrant
/// lock held by the running thread would.
fn acquire_lock(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("acquire_lock", args, 0, 0)?;
    vm(ctx).import_lock_depth += 1;
    Ok(Value::None)
}

fn release_lock(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("release_lock", args, 0, 0)?;
    let state = vm(ctx);
    if state.import_lock_depth == 0 {
        return Err(PyErr::new(&types().runtime_error, "not holding the import lock"));
    }
    state.import_lock_depth -= 1;
    Ok(Value::None)
}

/// Whether `name` is a built-in (native) module.
pub fn is_native(ctx: &mut Ctx, name: &str) -> bool {
    matches!(name, "sys" | "builtins" | "gc") || vm(ctx).native_modules.iter().any(|(n, _)| *n == name)
}

fn name_arg(function: &str, value: &Value) -> PyResult<String> {
    text(value)
        .ok_or_else(|| PyErr::type_error(format!("{function}() argument 1 must be str, not {}", value.type_name())))
}

/// `is_builtin(name)`: 1 for a built-in module, -1 for one that cannot be initialized
/// again (`sys`, `builtins`), 0 otherwise.
fn is_builtin(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [name] = check_args("is_builtin", args, 1, 1)? else { unreachable!("one argument") };
    let name = name_arg("is_builtin", name)?;
    Ok(Value::Int(match name.as_str() {
        "sys" | "builtins" => -1,
        n if is_native(ctx, n) => 1,
        _ => 0,
    }))
}

/// `create_builtin(spec)`: the built-in module `spec.name` (the one in `sys.modules` if
/// it was made already; native modules are made once, as CPython's single-phase ones).
fn create_builtin(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [spec] = check_args("create_builtin", args, 1, 1)? else { unreachable!("one argument") };
    let name = protocol::getattr_str(ctx, spec, "name")?;
    let Some(name) = text(&name) else {
        return Err(PyErr::type_error(format!("name must be string, not {}", name.type_name())));
    };
    if let Some(module) = modules_get(ctx, &name).filter(|m| m.downcast::<Module>().is_some_and(|m| m.builtin)) {
        return Ok(module);
    }
    let init = vm(ctx).native_modules.iter().find(|(n, _)| *n == name).map(|&(_, init)| init);
    match init {
        Some(init) => Ok(Value::Obj(init(ctx)?)),
        None => Ok(Value::None),
    }
}

/// `exec_builtin(module)` / `exec_dynamic(module)`: native modules are complete when made.
fn exec_module(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("exec_builtin", args, 1, 1)?;
    Ok(Value::Int(0))
}

fn create_dynamic(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [spec, ..] = check_args("create_dynamic", args, 1, 2)? else { unreachable!("one argument") };
    let name = protocol::getattr_str(ctx, spec, "name").ok().and_then(|n| text(&n)).unwrap_or_default();
    Err(PyErr::new(
        &types().import_error,
        format!("cannot load extension module '{name}': Pyrite does not load compiled extension modules"),
    ))
}

fn is_frozen(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [name] = check_args("is_frozen", args, 1, 1)? else { unreachable!("one argument") };
    name_arg("is_frozen", name)?;
    Ok(Value::Bool(false))
}

/// `is_frozen_package(name)` and `get_frozen_object(name)`: there are no frozen modules.
fn frozen_object(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some(name) = args.pos().first() else {
        return Err(PyErr::type_error("get_frozen_object() missing required argument 'name' (pos 1)"));
    };
    let repr = text(name).map_or_else(|| "?".to_owned(), |n| format!("'{n}'"));
    Err(PyErr::new(&types().import_error, format!("No such frozen object named {repr}")))
}

const FIND_FROZEN: Params =
    Params::new("find_frozen", &["name", "withdata"]).required(1).positional_only(1).keyword_only(1);

fn find_frozen(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [name, _] = FIND_FROZEN.bind(args)?;
    name_arg("find_frozen", name.unwrap_or(&Value::None))?;
    Ok(Value::None)
}

fn init_frozen(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [name] = check_args("init_frozen", args, 1, 1)? else { unreachable!("one argument") };
    name_arg("init_frozen", name)?;
    Ok(Value::None)
}

fn frozen_module_names(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("_frozen_module_names", args, 0, 0)?;
    Ok(Value::Obj(pyrite_object::types::list::PyTuple::new_obj(Vec::new())))
}

fn override_for_tests(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("_override_frozen_modules_for_tests", args, 1, 1)?;
    Ok(Value::Int(0))
}

/// `_fix_co_filename(code, path)`: Pyrite's cached code always carries its source's path
/// (a cache file whose code names another file is not used), so there is nothing to fix.
fn fix_co_filename(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [code, path] = check_args("_fix_co_filename", args, 2, 2)? else { unreachable!("two arguments") };
    if code.downcast::<pyrite_object::types::function::Code>().is_none() {
        return Err(PyErr::type_error(format!("_fix_co_filename() argument 1 must be code, not {}", code.type_name())));
    }
    name_arg("_fix_co_filename", path)?;
    Ok(Value::None)
}

fn extension_suffixes(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("extension_suffixes", args, 0, 0)?;
    Ok(Value::Obj(PyList::new_obj(Vec::new())))
}

const SOURCE_HASH: Params = Params::new("source_hash", &["key", "source"]).required(2).keyword_only(2);

/// `source_hash(key, source)`: SipHash-1-3 of the source keyed by `key`, as the 8 bytes
/// hash-based `.pyc` files store (CPython's `_Py_KeyedHash`).
fn source_hash(_: &mut Ctx, args: Args<'_>) -> PyResult {
    use std::hash::Hasher;
    let [key, source] = SOURCE_HASH.bind(args)?;
    let key = match key {
        Some(Value::Int(k)) => *k as u64,
        Some(Value::Bool(b)) => u64::from(*b),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
        None => 0,
    };
    let source = source.unwrap_or(&Value::None);
    let hash = with_buffer(source, |bytes| {
        let mut hasher = SipHasher13::new_with_keys(key, 0);
        hasher.write(bytes);
        hasher.finish()
    })
    .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", source.type_name())))?;
    Ok(Value::Obj(PyBytes::new_obj(hash.to_le_bytes().to_vec())))
}

/// The names of the native modules (for `sys.builtin_module_names`).
pub fn builtin_names(ctx: &mut Ctx) -> Vec<&'static str> {
    let mut names: Vec<&str> =
        vm(ctx).native_modules.iter().map(|(n, _)| *n).chain(["builtins", "gc", "sys"]).collect();
    names.sort_unstable();
    names.dedup();
    names
}
