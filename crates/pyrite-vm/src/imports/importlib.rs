//! CPython's `importlib` on top of the native import system.
//!
//! The native machinery stays the import system: `import` statements, `__import__` and
//! `importlib.import_module` (whose `importlib._bootstrap._gcd_import` is replaced by the
//! native one) all find and load modules natively. When the package `importlib` has been
//! imported, `importlib_glue.py` runs once: specs are made with importlib's classes from
//! then on (and replace the native stand-ins of the modules loaded before), and
//! `sys.meta_path`/`sys.path_hooks` get importlib's finders and path hook, so `pkgutil`,
//! `importlib.util.find_spec` and unittest's discovery see CPython's objects.
//!
//! `sys.meta_path` is consulted as CPython does: its entries are tried in order, where
//! importlib's `BuiltinImporter` and `PathFinder` stand for the native finders (the path
//! finder only while `sys.path_hooks` holds nothing but importlib's own hook; otherwise
//! importlib's `PathFinder` runs). Before importlib is imported the native finders come
//! first and any finder a program added follows them.

use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use super::{gcd_import, import_error, modules_get, resolve_relative, run_module_code, sys_attr, text};
use crate::state::vm;

const GLUE: &str = include_str!("importlib_glue.py");

/// What the native import system keeps of importlib once it is installed.
pub struct Importlib {
    /// The namespace of `importlib_glue.py` (`source_spec`, `namespace_spec`).
    pub helpers: ObjRef,
    /// `importlib._bootstrap.BuiltinImporter`.
    builtin_importer: Value,
    /// `importlib._bootstrap.FrozenImporter`.
    frozen_importer: Value,
    /// `importlib._bootstrap_external.PathFinder`.
    path_finder: Value,
    /// The `FileFinder` path hook installed in `sys.path_hooks`.
    path_hook: Value,
    /// `importlib._bootstrap._load_unlocked`, which loads the specs other finders return.
    load_unlocked: Value,
}

/// One place to look for a module, in `sys.meta_path` order.
pub enum Step {
    /// The native modules (importlib's `BuiltinImporter`).
    Builtin,
    /// The native path finder over `sys.path` or the package's `__path__`.
    Path,
    /// A finder object's `find_spec` (or legacy `find_module`).
    Finder(Value),
}

/// Called when the module `name` has been loaded: installs importlib once its package
/// has run (its `__init__` set up `_bootstrap` and `_bootstrap_external`).
pub fn after_load(ctx: &mut Ctx, name: &str) -> PyResult<()> {
    if name != "importlib" || vm(ctx).importlib.is_some() {
        return Ok(());
    }
    let (Some(bootstrap), Some(external)) =
        (modules_get(ctx, "importlib._bootstrap"), modules_get(ctx, "importlib._bootstrap_external"))
    else {
        return Ok(());
    };
    let code = pyrite_compiler::compile(GLUE, "<pyrite importlib glue>", pyrite_parser::Mode::Exec)
        .map_err(|_| PyErr::new_system("the importlib glue does not compile"))?;
    let globals = PyDict::new_obj();
    if let Some(d) = globals.downcast::<PyDict>() {
        d.set_str("__name__", Value::str("pyrite_import"));
        d.set_str("__builtins__", Value::Obj(vm(ctx).builtins.clone()));
    }
    run_module_code(ctx, code, &globals)?;
    let install = globals.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("install")));
    let install = install.ok_or_else(|| PyErr::new_system("the importlib glue has no install()"))?;
    let stand_ins = Value::Obj(PyTuple::new_obj(super::spec::stand_in_types().into_iter().map(Value::Obj).collect()));
    let path_hook = protocol::call_positional(ctx, &install, &[bootstrap.clone(), external.clone(), stand_ins])?;
    let gcd = Value::Obj(BuiltinFunction::new_obj("_gcd_import", native_gcd_import));
    protocol::setattr(ctx, &bootstrap, &Value::str("_gcd_import"), Some(gcd))?;
    // CPython's names for the two modules (its frozen copies), which `zipimport` and
    // `importlib.abc` import; only now: `importlib/__init__.py` must not find them.
    if let Some(modules) = vm(ctx).modules.downcast::<PyDict>() {
        modules.set_str("_frozen_importlib", bootstrap.clone());
        modules.set_str("_frozen_importlib_external", external.clone());
    }
    let importlib = Importlib {
        helpers: globals,
        builtin_importer: protocol::getattr_str(ctx, &bootstrap, "BuiltinImporter")?,
        frozen_importer: protocol::getattr_str(ctx, &bootstrap, "FrozenImporter")?,
        path_finder: protocol::getattr_str(ctx, &external, "PathFinder")?,
        path_hook,
        load_unlocked: protocol::getattr_str(ctx, &bootstrap, "_load_unlocked")?,
    };
    vm(ctx).importlib = Some(importlib);
    Ok(())
}

/// `_frozen_importlib` and `_frozen_importlib_external` (CPython's frozen copies of
/// `importlib._bootstrap` and `_bootstrap_external`, which `zipimport` imports): imports
/// `importlib`, which installs them under these names, unless it is `importlib` itself
/// asking (it then falls back on its own submodules, as it should).
pub fn frozen_alias(ctx: &mut Ctx, name: &str) -> PyResult<Option<Value>> {
    if !matches!(name, "_frozen_importlib" | "_frozen_importlib_external") {
        return Ok(None);
    }
    let state = vm(ctx);
    if state.importlib.is_some() || state.initializing.iter().any(|n| n == "importlib") {
        return Ok(None);
    }
    gcd_import(ctx, "importlib")?;
    Ok(modules_get(ctx, name))
}

fn list_items(ctx: &mut Ctx, name: &str) -> PyResult<Vec<Value>> {
    match sys_attr(ctx, name) {
        Some(list) if !list.is_none() => protocol::collect(ctx, &list),
        _ => Ok(Vec::new()),
    }
}

/// Where to look for a module, in order.
pub fn steps(ctx: &mut Ctx) -> PyResult<Vec<Step>> {
    let meta_path = list_items(ctx, "meta_path")?;
    let Some(il) = vm(ctx).importlib.as_ref() else {
        let mut steps = vec![Step::Builtin, Step::Path];
        steps.extend(meta_path.into_iter().map(Step::Finder));
        return Ok(steps);
    };
    let (builtin, frozen, path_finder, hook) =
        (il.builtin_importer.clone(), il.frozen_importer.clone(), il.path_finder.clone(), il.path_hook.clone());
    let hooks = list_items(ctx, "path_hooks")?;
    let native_paths = hooks.iter().all(|h| h.is(&hook));
    let mut steps = Vec::with_capacity(meta_path.len());
    for finder in meta_path {
        if finder.is(&builtin) {
            steps.push(Step::Builtin);
        } else if finder.is(&frozen) {
            // Pyrite has no frozen modules.
        } else if finder.is(&path_finder) && native_paths {
            steps.push(Step::Path);
        } else {
            steps.push(Step::Finder(finder));
        }
    }
    Ok(steps)
}

/// Asks a `sys.meta_path` finder for `name` and loads what it finds (importlib's
/// `_load_unlocked`); `None` when it does not find it.
pub fn try_finder(ctx: &mut Ctx, finder: &Value, name: &str, path: &Value) -> PyResult<Option<Value>> {
    let spec = match super::attr_opt(ctx, finder, "find_spec")? {
        Some(find_spec) => protocol::call_positional(ctx, &find_spec, &[Value::str(name), path.clone(), Value::None])?,
        None => {
            let bootstrap = gcd_import(ctx, "importlib._bootstrap")?;
            let legacy = protocol::getattr_str(ctx, &bootstrap, "_find_spec_legacy")?;
            protocol::call_positional(ctx, &legacy, &[finder.clone(), Value::str(name), path.clone()])?
        }
    };
    if spec.is_none() {
        return Ok(None);
    }
    if vm(ctx).importlib.is_none() {
        gcd_import(ctx, "importlib")?;
    }
    let load = vm(ctx).importlib.as_ref().map(|il| il.load_unlocked.clone());
    let load = load.ok_or_else(|| PyErr::new(&types().import_error, "importlib is not available"))?;
    protocol::call_positional(ctx, &load, &[spec]).map(Some)
}

const GCD_IMPORT: Params = Params::new("_gcd_import", &["name", "package", "level"]).required(1);

/// `importlib._bootstrap._gcd_import(name, package=None, level=0)`, natively: what
/// `importlib.import_module` and `importlib.__import__` call.
fn native_gcd_import(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [name, package, level] = GCD_IMPORT.bind(args)?;
    let name = name.unwrap_or(&Value::None);
    let Some(name) = text(name) else {
        return Err(PyErr::type_error(format!("module name must be str, not {}", name.type_name())));
    };
    let level = match level {
        None => 0,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'<' not supported between instances of '{}' and 'int'",
                other.type_name()
            )));
        }
    };
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let absolute = if level > 0 {
        let package = match package {
            Some(p) if p.as_str().is_some() => text(p).unwrap_or_default(),
            Some(p) if !p.is_none() => return Err(PyErr::type_error("__package__ not set to a string")),
            _ => String::new(),
        };
        if package.is_empty() {
            let message = "attempted relative import with no known parent package";
            return Err(import_error(ctx, &types().import_error, message, None, None));
        }
        resolve_relative(ctx, &name, &package, level)?
    } else {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        name
    };
    gcd_import(ctx, &absolute)
}
