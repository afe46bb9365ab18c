//! The import system, native (see ARCHITECTURE.md, "Imports"): `sys.path` search for
//! source modules, packages (`__init__.py`) and namespace packages, relative imports,
//! `from m import *`, `__import__`, and the bytecode cache (`cache.rs`).
//!
//! It follows `importlib._bootstrap`'s algorithm (`_gcd_import`, `_find_and_load`,
//! `_handle_fromlist`, `_calc___package__`) and CPython's messages. `sys.meta_path` is
//! consulted in order (`importlib.rs`); modules get `__spec__` and `__loader__` (`spec.rs`).

mod cache;
pub mod imp;
pub mod importlib;
pub mod spec;
pub mod stdlib;

use std::path::{Path, PathBuf};

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module};
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::state::vm;

/// Adds `__import__` to the builtins dict.
pub fn install(dict: &PyDict) {
    dict.set_str("__import__", Value::Obj(BuiltinFunction::new_in_module("builtins", "__import__", builtin_import)));
}

fn modules(ctx: &mut Ctx) -> ObjRef {
    vm(ctx).modules.clone()
}

fn modules_get(ctx: &mut Ctx, name: &str) -> Option<Value> {
    modules(ctx).downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(name)))
}

fn modules_remove(ctx: &mut Ctx, name: &str) {
    let modules = modules(ctx);
    if let Some(d) = modules.downcast::<PyDict>() {
        let _ = d.remove(ctx, &Value::str(name));
    }
}

/// An attribute of the `sys` module (as found in `sys.modules`).
fn sys_attr(ctx: &mut Ctx, name: &str) -> Option<Value> {
    let sys = vm(ctx).sys.clone();
    sys.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(name)))
}

/// `sys.path`, when it is a list.
pub(crate) fn sys_path_list(ctx: &mut Ctx) -> Option<pyrite_memory::ObjRef> {
    sys_attr(ctx, "path").and_then(|p| p.as_obj().filter(|o| o.is::<pyrite_object::types::list::PyList>()).cloned())
}

fn text(value: &Value) -> Option<String> {
    value.as_str().map(|s| s.as_str().to_owned())
}

fn attr_opt(ctx: &mut Ctx, value: &Value, name: &str) -> PyResult<Option<Value>> {
    match protocol::getattr_str(ctx, value, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// An `ImportError`-family exception with its `name` (and `path`) attributes set.
fn import_error(ctx: &mut Ctx, ty: &ObjRef, message: &str, name: Option<&str>, path: Option<&str>) -> PyErr {
    let err = PyErr::new(ty, message);
    let exc = Value::Obj(err.value().clone());
    let _ = protocol::setattr(ctx, &exc, &Value::str("name"), Some(name.map_or(Value::None, Value::str)));
    let _ = protocol::setattr(ctx, &exc, &Value::str("path"), Some(path.map_or(Value::None, Value::str)));
    err
}

fn not_found(ctx: &mut Ctx, message: &str, name: &str) -> PyErr {
    import_error(ctx, &types().module_not_found_error, message, Some(name), None)
}

/// `IMPORT_NAME`: `import name` / `from name import fromlist` at `level`, in a frame whose
/// globals are `globals`.
pub fn import_name(ctx: &mut Ctx, name: &Value, fromlist: &Value, level: &Value, globals: &ObjRef) -> PyResult {
    let name = text(name).unwrap_or_default();
    let level = match level {
        Value::Int(i) => *i,
        _ => 0,
    };
    import_module_level(ctx, &name, Some(globals), fromlist, level)
}

/// `_calc___package__`: the package a module's relative imports are relative to.
fn calc_package(globals: &ObjRef) -> PyResult<Option<String>> {
    let Some(g) = globals.downcast::<PyDict>() else { return Ok(None) };
    if let Some(package) = g.get_str(&PyStr::from_str("__package__"))
        && !package.is_none()
    {
        return match text(&package) {
            Some(p) => Ok(Some(p)),
            None => Err(PyErr::type_error("package must be a string")),
        };
    }
    let Some(name) = g.get_str(&PyStr::from_str("__name__")) else {
        return Err(PyErr::new(&types().key_error, "'__name__' not in globals"));
    };
    let name = text(&name).ok_or_else(|| PyErr::type_error("__name__ must be a string"))?;
    if g.get_str(&PyStr::from_str("__path__")).is_some() {
        return Ok(Some(name));
    }
    Ok(Some(name.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_owned())))
}

/// The absolute name of a relative import.
fn resolve_name(ctx: &mut Ctx, name: &str, globals: Option<&ObjRef>, level: i64) -> PyResult<String> {
    let package = match globals {
        Some(g) => calc_package(g)?,
        None => None,
    };
    let package = package.unwrap_or_default();
    if package.is_empty() {
        let message = "attempted relative import with no known parent package";
        return Err(import_error(ctx, &types().import_error, message, None, None));
    }
    resolve_relative(ctx, name, &package, level)
}

/// `_resolve_name`: `name` relative to `package`, `level` packages up.
fn resolve_relative(ctx: &mut Ctx, name: &str, package: &str, level: i64) -> PyResult<String> {
    let bits: Vec<&str> = package.rsplitn(usize::try_from(level).unwrap_or(usize::MAX), '.').collect();
    if (bits.len() as i64) < level {
        let message = "attempted relative import beyond top-level package";
        return Err(import_error(ctx, &types().import_error, message, None, None));
    }
    let base = bits.last().copied().unwrap_or_default();
    Ok(if name.is_empty() { base.to_owned() } else { format!("{base}.{name}") })
}

/// `importlib.__import__`.
pub fn import_module_level(
    ctx: &mut Ctx,
    name: &str,
    globals: Option<&ObjRef>,
    fromlist: &Value,
    level: i64,
) -> PyResult {
    if level < 0 {
        return Err(PyErr::value_error("level must be >= 0"));
    }
    let absolute = if level > 0 {
        resolve_name(ctx, name, globals, level)?
    } else {
        if name.is_empty() {
            return Err(PyErr::value_error("Empty module name"));
        }
        name.to_owned()
    };
    let module = gcd_import(ctx, &absolute)?;
    let items = if fromlist.is_none() { Vec::new() } else { protocol::collect(ctx, fromlist)? };
    if items.is_empty() {
        if level == 0 {
            let top = name.split('.').next().unwrap_or(name);
            return modules_get(ctx, top).ok_or_else(|| PyErr::new(&types().key_error, format!("'{top}'")));
        }
        if name.is_empty() {
            return Ok(module);
        }
        let cut = name.len() - name.split('.').next().unwrap_or(name).len();
        let module_name = attr_opt(ctx, &module, "__name__")?.and_then(|n| text(&n)).unwrap_or_default();
        let wanted = &module_name[..module_name.len().saturating_sub(cut)];
        return modules_get(ctx, wanted).ok_or_else(|| PyErr::new(&types().key_error, format!("'{wanted}'")));
    }
    if attr_opt(ctx, &module, "__path__")?.is_some() {
        handle_fromlist(ctx, &module, &items, false)?;
    }
    Ok(module)
}

/// `_handle_fromlist`: imports the submodules named in a package's fromlist.
fn handle_fromlist(ctx: &mut Ctx, module: &Value, items: &[Value], recursive: bool) -> PyResult<()> {
    let module_name = attr_opt(ctx, module, "__name__")?.and_then(|n| text(&n)).unwrap_or_default();
    for item in items {
        let Some(x) = text(item) else {
            let wher = if recursive { format!("{module_name}.__all__") } else { "``from list''".to_owned() };
            return Err(PyErr::type_error(format!("Item in {wher} must be str, not {}", item.type_name())));
        };
        if x == "*" {
            if !recursive && let Some(all) = attr_opt(ctx, module, "__all__")? {
                let all = protocol::collect(ctx, &all)?;
                handle_fromlist(ctx, module, &all, true)?;
            }
            continue;
        }
        if attr_opt(ctx, module, &x)?.is_some() {
            continue;
        }
        let from_name = format!("{module_name}.{x}");
        if let Err(e) = gcd_import(ctx, &from_name) {
            if e.matches(&types().module_not_found_error) {
                let err_name = attr_opt(ctx, &Value::Obj(e.value().clone()), "name")?.and_then(|n| text(&n));
                let present = modules_get(ctx, &from_name);
                if err_name.as_deref() == Some(from_name.as_str()) && !present.is_some_and(|v| v.is_none()) {
                    continue;
                }
            }
            return Err(e);
        }
    }
    Ok(())
}

/// `_gcd_import`: the module `name` (absolute), importing it if needed.
fn gcd_import(ctx: &mut Ctx, name: &str) -> PyResult {
    match modules_get(ctx, name) {
        Some(Value::None) => Err(not_found(ctx, &format!("import of {name} halted; None in sys.modules"), name)),
        Some(module) => Ok(module),
        None => find_and_load(ctx, name),
    }
}

/// The search path of a package (its `__path__` object and its entries), or the error
/// for a non-package.
fn package_path(ctx: &mut Ctx, parent: &str, name: &str) -> PyResult<(Value, Value, Vec<String>)> {
    let parent_module = match modules_get(ctx, parent) {
        Some(m) => m,
        None => gcd_import(ctx, parent)?,
    };
    match attr_opt(ctx, &parent_module, "__path__")? {
        Some(path) => {
            let entries = protocol::collect(ctx, &path)?;
            Ok((parent_module, path, entries.iter().filter_map(text).collect()))
        }
        None => Err(not_found(ctx, &format!("No module named '{name}'; '{parent}' is not a package"), name)),
    }
}

fn sys_path(ctx: &mut Ctx) -> PyResult<Vec<String>> {
    match sys_attr(ctx, "path") {
        Some(path) => Ok(protocol::collect(ctx, &path)?.iter().filter_map(text).collect()),
        None => Err(PyErr::new(&types().import_error, "sys.path is not set")),
    }
}

/// `_find_and_load`: tries the places `sys.meta_path` names (see `importlib.rs`).
fn find_and_load(ctx: &mut Ctx, name: &str) -> PyResult {
    if let Some(module) = importlib::frozen_alias(ctx, name)? {
        return Ok(module);
    }
    let (parent, child) = name.rsplit_once('.').unwrap_or(("", name));
    let (parent_module, path_value, path) = if parent.is_empty() {
        (None, Value::None, sys_path(ctx)?)
    } else {
        if modules_get(ctx, parent).is_none() {
            gcd_import(ctx, parent)?;
        }
        if let Some(module) = modules_get(ctx, name) {
            return Ok(module);
        }
        let (m, value, p) = package_path(ctx, parent, name)?;
        (Some(m), value, p)
    };
    let mut found = None;
    for step in importlib::steps(ctx)? {
        found = match step {
            importlib::Step::Builtin if parent_module.is_none() => load_native(ctx, name)?,
            importlib::Step::Builtin => None,
            importlib::Step::Path => match find_spec(name, child, &path) {
                Some(spec) => Some(load(ctx, &spec)?),
                None => None,
            },
            importlib::Step::Finder(finder) => importlib::try_finder(ctx, &finder, name, &path_value)?,
        };
        if found.is_some() {
            break;
        }
    }
    let Some(module) = found else {
        return Err(not_found(ctx, &format!("No module named '{name}'"), name));
    };
    if let Some(parent_module) = parent_module {
        protocol::setattr(ctx, &parent_module, &Value::str(child), Some(module.clone()))?;
    }
    Ok(module)
}

/// Makes a native module if `name` is one, and puts it in `sys.modules` (with its spec,
/// once importlib is installed: before, native modules have none).
fn load_native(ctx: &mut Ctx, name: &str) -> PyResult<Option<Value>> {
    let Some(&(_, init)) = vm(ctx).native_modules.iter().find(|(n, _)| *n == name) else { return Ok(None) };
    let module = init(ctx)?;
    if let Some(spec) = spec::builtin_spec(ctx, name)?
        && let Some(dict) = module.downcast::<Module>().and_then(|m| m.dict.downcast::<PyDict>())
    {
        let loader = protocol::getattr_str(ctx, &spec, "loader")?;
        dict.set_str("__spec__", spec);
        dict.set_str("__loader__", loader);
    }
    if let Some(d) = modules(ctx).downcast::<PyDict>() {
        d.set_str(name, Value::Obj(module.clone()));
    }
    Ok(Some(Value::Obj(module)))
}

/// What the path finder found for a module.
pub struct Spec {
    /// The module's full name.
    pub name: String,
    /// The source file (`__init__.py` for a package); `None` for a namespace package.
    pub origin: Option<PathBuf>,
    /// The package's `__path__`; `None` for a plain module.
    pub search_locations: Option<Vec<String>>,
}

fn absolute_dir(entry: &str) -> Option<PathBuf> {
    if entry.is_empty() { std::env::current_dir().ok() } else { std::path::absolute(entry).ok() }
}

/// The path-based finder: a package directory with `__init__.py`, then `child.py`, in
/// each entry of `path`; directories without `__init__.py` make a namespace package.
pub fn find_spec(name: &str, child: &str, path: &[String]) -> Option<Spec> {
    let mut portions = Vec::new();
    for entry in path {
        let Some(dir) = absolute_dir(entry) else { continue };
        let package = dir.join(child);
        if package.is_dir() {
            let init = package.join("__init__.py");
            if init.is_file() {
                let location = package.display().to_string();
                return Some(Spec {
                    name: name.to_owned(),
                    origin: Some(init),
                    search_locations: Some(vec![location]),
                });
            }
        }
        let file = dir.join(format!("{child}.py"));
        if file.is_file() {
            return Some(Spec { name: name.to_owned(), origin: Some(file), search_locations: None });
        }
        if package.is_dir() {
            portions.push(package.display().to_string());
        }
    }
    (!portions.is_empty()).then(|| Spec { name: name.to_owned(), origin: None, search_locations: Some(portions) })
}

fn dont_write_bytecode(ctx: &mut Ctx) -> bool {
    sys_attr(ctx, "dont_write_bytecode").is_some_and(|v| matches!(v, Value::Bool(true)))
}

/// The compiled code of a source file, from the bytecode cache when it is valid.
pub fn source_code(ctx: &mut Ctx, path: &Path) -> PyResult<pyrite_bytecode::CodeObject> {
    let write = !dont_write_bytecode(ctx);
    cache::get_code(path, write)
}

/// Module globals as CPython's `_init_module_attrs` sets them.
fn module_dict(ctx: &mut Ctx, spec: &Spec, name: &str, package: &str) -> PyResult<ObjRef> {
    let (spec_value, loader) = spec::make_spec(ctx, spec)?;
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().expect("a new dict");
    d.set_str("__name__", Value::str(name));
    d.set_str("__doc__", Value::None);
    d.set_str("__package__", Value::str(package));
    d.set_str("__loader__", loader);
    d.set_str("__spec__", spec_value.clone());
    if spec.search_locations.is_some() {
        // A namespace package's `__path__` is importlib's `_NamespacePath` once importlib
        // is installed: the spec's own object.
        let locations = protocol::getattr_str(ctx, &spec_value, "submodule_search_locations")?;
        d.set_str("__path__", locations);
    }
    match &spec.origin {
        Some(origin) => {
            d.set_str("__file__", Value::str(&origin.display().to_string()));
            d.set_str("__cached__", Value::str(&cache::cache_path(origin).display().to_string()));
        }
        None => d.set_str("__file__", Value::None),
    }
    d.set_str("__builtins__", Value::Obj(vm(ctx).builtins.clone()));
    Ok(dict)
}

/// Creates the module, puts it in `sys.modules` and runs its body (removing it again
/// if the body fails).
fn load(ctx: &mut Ctx, spec: &Spec) -> PyResult {
    let name = spec.name.as_str();
    let package = if spec.search_locations.is_some() {
        name.to_owned()
    } else {
        name.rsplit_once('.').map_or(String::new(), |(p, _)| p.to_owned())
    };
    let dict = module_dict(ctx, spec, name, &package)?;
    let module = Module::new_obj(dict.clone());
    if let Some(d) = modules(ctx).downcast::<PyDict>() {
        d.set_str(name, Value::Obj(module.clone()));
    }
    if let Some(origin) = &spec.origin {
        vm(ctx).initializing.push(name.to_owned());
        let result = source_code(ctx, origin).and_then(|code| run_module_code(ctx, code, &dict));
        vm(ctx).initializing.pop();
        if let Err(e) = result {
            modules_remove(ctx, name);
            return Err(e);
        }
    }
    importlib::after_load(ctx, name)?;
    Ok(modules_get(ctx, name).unwrap_or(Value::Obj(module)))
}

/// Runs a module's code with `globals` as its namespace.
pub fn run_module_code(ctx: &mut Ctx, code: pyrite_bytecode::CodeObject, globals: &ObjRef) -> PyResult {
    let code = crate::materialize::materialize(code)?;
    let builtins = vm(ctx).builtins.clone();
    let frame = crate::eval::new_frame(ctx, code, None, globals.clone(), builtins, Some(globals.clone()));
    crate::eval::run_frame(ctx, frame)
}

/// `IMPORT_FROM`: `from module import name`, falling back on the submodule
/// `module.name` in `sys.modules` (circular imports of packages).
pub fn import_from(ctx: &mut Ctx, module: &Value, name: &Value) -> PyResult {
    match protocol::getattr(ctx, module, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&types().attribute_error) => {
            let name = text(name).unwrap_or_default();
            let module_name = attr_opt(ctx, module, "__name__")?.and_then(|n| text(&n));
            let Some(module_name) = module_name else {
                return Err(import_error(
                    ctx,
                    &types().import_error,
                    &format!("cannot import name '{name}' from '<unknown module name>' (unknown location)"),
                    None,
                    None,
                ));
            };
            if let Some(found) = modules_get(ctx, &format!("{module_name}.{name}")) {
                return Ok(found);
            }
            let file = attr_opt(ctx, module, "__file__")?.and_then(|f| text(&f));
            let location = file.clone().unwrap_or_else(|| "unknown location".to_owned());
            let message = if vm(ctx).initializing.contains(&module_name) {
                format!(
                    "cannot import name '{name}' from partially initialized module '{module_name}' \
                     (most likely due to a circular import) ({location})"
                )
            } else {
                format!("cannot import name '{name}' from '{module_name}' ({location})")
            };
            Err(import_error(ctx, &types().import_error, &message, Some(&module_name), file.as_deref()))
        }
        Err(e) => Err(e),
    }
}

/// `from module import *` into `locals`.
pub fn import_star(ctx: &mut Ctx, module: &Value, locals: &ObjRef) -> PyResult<()> {
    let names: Vec<Value> = match attr_opt(ctx, module, "__all__")? {
        Some(all) => protocol::collect(ctx, &all)?,
        None => {
            let dict = match module.downcast::<Module>() {
                Some(m) => Value::Obj(m.dict.clone()),
                None => match attr_opt(ctx, module, "__dict__")? {
                    Some(d) => d,
                    None => {
                        return Err(PyErr::new(
                            &types().import_error,
                            "from-import-* object has no __dict__ and no __all__",
                        ));
                    }
                },
            };
            let keys = protocol::collect(ctx, &dict)?;
            keys.into_iter().filter(|k| text(k).is_some_and(|k| !k.starts_with('_'))).collect()
        }
    };
    let target = Value::Obj(locals.clone());
    for name in names {
        if name.as_str().is_none() {
            let module_name =
                attr_opt(ctx, module, "__name__")?.and_then(|n| text(&n)).unwrap_or_else(|| "?".to_owned());
            return Err(PyErr::type_error(format!(
                "Item in {module_name}.__all__ must be str, not {}",
                name.type_name()
            )));
        }
        let value = protocol::getattr(ctx, module, &name)?;
        match locals.downcast::<PyDict>() {
            Some(d) => d.set_item(ctx, name, value)?,
            None => protocol::setitem(ctx, &target, &name, Some(value))?,
        }
    }
    Ok(())
}

fn builtin_import(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let mut slots: [Option<Value>; 5] = Default::default();
    let positional = args.pos();
    if positional.len() > 5 {
        return Err(PyErr::type_error(format!("__import__() takes at most 5 arguments ({} given)", positional.len())));
    }
    for (i, v) in positional.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in args.keywords() {
        let index = match k.as_str().map(PyStr::as_str) {
            Some("name") => 0,
            Some("globals") => 1,
            Some("locals") => 2,
            Some("fromlist") => 3,
            Some("level") => 4,
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for __import__()",
                    text(k).unwrap_or_default()
                )));
            }
        };
        slots[index] = Some(v.clone());
    }
    let Some(name) = slots[0].take() else {
        return Err(PyErr::type_error("__import__() missing required argument 'name' (pos 1)"));
    };
    let Some(name) = text(&name) else {
        return Err(PyErr::type_error(format!("__import__() argument 1 must be str, not {}", name.type_name())));
    };
    let globals = slots[1].take().and_then(|g| g.as_obj().filter(|o| o.is::<PyDict>()).cloned());
    let fromlist = slots[3].take().unwrap_or(Value::None);
    let level = match slots[4].take() {
        None => 0,
        Some(Value::Int(i)) => i,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    import_module_level(ctx, &name, globals.as_ref(), &fromlist, level)
}

/// What `pyrite -m name` runs: the module's source file and package.
pub struct MainModule {
    /// Its source file.
    pub file: PathBuf,
    /// Its `__package__`.
    pub package: String,
    /// What the path finder found (the module's real name: `package.__main__`).
    pub spec: Spec,
}

/// Finds the module `pyrite -m name` runs (`runpy._get_module_details`), importing its
/// parent packages; `Err(Ok(message))` is a message for the command line.
///
/// # Errors
/// The message to print, or an exception raised while importing a parent package.
pub fn find_main_module(ctx: &mut Ctx, name: &str) -> Result<MainModule, Result<String, PyErr>> {
    if name.is_empty() || name.starts_with('.') {
        return Err(Ok("Relative module names not supported".to_owned()));
    }
    let (parent, child) = name.rsplit_once('.').unwrap_or(("", name));
    let path = if parent.is_empty() {
        sys_path(ctx).map_err(Err)?
    } else {
        if let Err(e) = gcd_import(ctx, parent) {
            let ty = Value::Obj(e.value().clone()).type_name().to_owned();
            let message = protocol::str_string(ctx, &Value::Obj(e.value().clone())).unwrap_or_default();
            return Err(Ok(format!("Error while finding module specification for '{name}' ({ty}: {message})")));
        }
        match package_path(ctx, parent, name) {
            Ok((_, _, p)) => p,
            Err(e) => {
                let message = protocol::str_string(ctx, &Value::Obj(e.value().clone())).unwrap_or_default();
                return Err(Ok(format!(
                    "Error while finding module specification for '{name}' (ModuleNotFoundError: {message})"
                )));
            }
        }
    };
    let Some(spec) = find_spec(name, child, &path) else {
        return Err(Ok(format!("No module named {name}")));
    };
    if spec.search_locations.is_some() {
        if name.ends_with(".__main__") || name == "__main__" {
            return Err(Ok("Cannot use package as __main__ module".to_owned()));
        }
        gcd_import(ctx, name).map_err(Err)?;
        let main_name = format!("{name}.__main__");
        return match find_main_module(ctx, &main_name) {
            Err(Ok(message)) if message.starts_with("No module named") => {
                Err(Ok(format!("No module named {main_name}; '{name}' is a package and cannot be directly executed")))
            }
            other => other,
        };
    }
    let Some(file) = spec.origin.clone() else { return Err(Ok(format!("No module named {name}"))) };
    Ok(MainModule { file, package: parent.to_owned(), spec })
}

/// `sys.path` for a program: `first`, then the `PYTHONPATH` entries, then the standard
/// library's directory.
#[must_use]
pub fn initial_path(first: &str, stdlib: Option<&Path>) -> Vec<String> {
    let mut path = vec![first.to_owned()];
    if let Some(extra) = std::env::var_os("PYTHONPATH") {
        for entry in std::env::split_paths(&extra) {
            let entry = entry.display().to_string();
            if !entry.is_empty() {
                path.push(entry);
            }
        }
    }
    path.extend(stdlib.map(|dir| dir.display().to_string()));
    path
}
