//! `__spec__` and `__loader__` of the modules the native import system loads.
//!
//! Until CPython's `importlib` is imported, they are native stand-ins made without running
//! any Python: `ModuleSpec` (its attributes are plain instance attributes), and the
//! `SourceFileLoader` and `NamespaceLoader` loaders with the methods of importlib's loader
//! protocol (`exec_module`, `get_code`, `get_source`, `get_filename`, `get_data`,
//! `is_package`). When `importlib` has been imported (`importlib.rs`), specs are made with
//! importlib's own classes and the stand-ins already given out are replaced.

use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::instance::Instance;
use pyrite_object::types::list::PyList;
use pyrite_object::types::typeobj::{self, StaticType, TYPE_BASETYPE};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use super::cache::cache_path;
use super::{Spec, source_code, text};
use crate::state::vm;

/// The module the stand-in types say they come from.
const MODULE: &str = "pyrite_import";

fn spec_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        typeobj::new_native_type_with("ModuleSpec", MODULE, None, TYPE_BASETYPE, |slots| {
            slots.repr = Some(spec_repr);
        })
    })
}

fn source_loader_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = typeobj::new_native_type_with("SourceFileLoader", MODULE, None, TYPE_BASETYPE, |_| {});
        add_methods(
            &ty,
            "SourceFileLoader",
            &[
                ("create_module", create_module),
                ("exec_module", source_exec_module),
                ("get_code", source_get_code),
                ("get_source", source_get_source),
                ("get_filename", source_get_filename),
                ("get_data", source_get_data),
                ("is_package", source_is_package),
            ],
        );
        ty
    })
}

fn namespace_loader_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = typeobj::new_native_type_with("NamespaceLoader", MODULE, None, TYPE_BASETYPE, |_| {});
        add_methods(
            &ty,
            "NamespaceLoader",
            &[
                ("create_module", create_module),
                ("exec_module", |_, args| method_args("exec_module", args, 1, 1).map(|_| Value::None)),
                ("get_code", namespace_get_code),
                ("get_source", |_, args| method_args("get_source", args, 1, 1).map(|_| Value::str(""))),
                ("is_package", |_, args| method_args("is_package", args, 1, 1).map(|_| Value::Bool(true))),
            ],
        );
        ty
    })
}

/// The stand-in types, for the Python code that replaces their instances.
pub fn stand_in_types() -> [ObjRef; 3] {
    [spec_type().clone(), source_loader_type().clone(), namespace_loader_type().clone()]
}

/// An object of a stand-in type with these attributes.
fn instance(ty: &ObjRef, attrs: &[(&str, Value)]) -> Value {
    let obj = ObjRef::new(Instance::default(), Some(ty));
    if let Some(d) = protocol::instance_dict(&obj, true).as_ref().and_then(|d| d.downcast::<PyDict>()) {
        for (name, value) in attrs {
            d.set_str(name, value.clone());
        }
    }
    Value::Obj(obj)
}

/// A stand-in source loader for the module `name` in the file `path` (also `__main__`'s).
pub fn source_loader(name: &str, path: &str) -> Value {
    instance(source_loader_type(), &[("name", Value::str(name)), ("path", Value::str(path))])
}

/// The spec of a module the path finder found, and its loader.
pub fn make_spec(ctx: &mut Ctx, spec: &Spec) -> PyResult<(Value, Value)> {
    let helpers = vm(ctx).importlib.as_ref().map(|i| i.helpers.clone());
    let origin = spec.origin.as_ref().map(|o| o.display().to_string());
    let cached = spec.origin.as_ref().map(|o| cache_path(o).display().to_string());
    let value = match helpers {
        Some(helpers) => {
            let args = match &origin {
                Some(origin) => {
                    let location = spec.search_locations.as_ref().and_then(|l| l.first());
                    vec![
                        Value::str(&spec.name),
                        Value::str(origin),
                        cached.as_deref().map_or(Value::None, Value::str),
                        location.map_or(Value::None, |l| Value::str(l)),
                    ]
                }
                None => vec![Value::str(&spec.name), locations_list(spec)],
            };
            let function = if origin.is_some() { "source_spec" } else { "namespace_spec" };
            let make = helpers
                .downcast::<PyDict>()
                .and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str(function)));
            let make = make.ok_or_else(|| PyErr::new_system("importlib helpers"))?;
            protocol::call_positional(ctx, &make, &args)?
        }
        None => stand_in_spec(spec, origin.as_deref(), cached.as_deref()),
    };
    let loader = protocol::getattr_str(ctx, &value, "loader")?;
    Ok((value, loader))
}

/// The spec of the native module `name` once importlib is installed (`None` before).
pub fn builtin_spec(ctx: &mut Ctx, name: &str) -> PyResult<Option<Value>> {
    let helpers = vm(ctx).importlib.as_ref().map(|i| i.helpers.clone());
    let Some(helpers) = helpers else { return Ok(None) };
    let make = helpers
        .downcast::<PyDict>()
        .and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str("builtin_spec")));
    let make = make.ok_or_else(|| PyErr::new_system("importlib helpers"))?;
    protocol::call_positional(ctx, &make, &[Value::str(name)]).map(Some)
}

fn locations_list(spec: &Spec) -> Value {
    let locations = spec.search_locations.as_deref().unwrap_or_default();
    Value::Obj(PyList::new_obj(locations.iter().map(|l| Value::str(l)).collect()))
}

fn stand_in_spec(spec: &Spec, origin: Option<&str>, cached: Option<&str>) -> Value {
    let name = spec.name.as_str();
    let is_package = spec.search_locations.is_some();
    let parent = if is_package { name } else { name.rsplit_once('.').map_or("", |(p, _)| p) };
    let loader = match origin {
        Some(origin) => source_loader(name, origin),
        None => instance(namespace_loader_type(), &[("_path", locations_list(spec))]),
    };
    let locations = if is_package { locations_list(spec) } else { Value::None };
    let opt = |s: Option<&str>| s.map_or(Value::None, Value::str);
    instance(
        spec_type(),
        &[
            ("name", Value::str(name)),
            ("loader", loader),
            ("origin", opt(origin)),
            ("loader_state", Value::None),
            ("submodule_search_locations", locations),
            ("cached", opt(cached)),
            ("parent", Value::str(parent)),
            ("has_location", Value::Bool(origin.is_some())),
            ("_set_fileattr", Value::Bool(origin.is_some())),
            ("_uninitialized_submodules", Value::Obj(PyList::new_obj(Vec::new()))),
        ],
    )
}

/// `ModuleSpec(name='m', loader=..., origin='...')`, as importlib's `ModuleSpec.__repr__`.
fn spec_repr(ctx: &mut Ctx, this: &Value) -> PyResult {
    let mut parts = Vec::new();
    for name in ["name", "loader", "origin", "submodule_search_locations"] {
        let value = protocol::getattr_str(ctx, this, name)?;
        if value.is_none() && matches!(name, "origin" | "submodule_search_locations") {
            continue;
        }
        let shown = if name == "submodule_search_locations" {
            protocol::str_string(ctx, &value)?
        } else {
            protocol::repr_string(ctx, &value)?
        };
        parts.push(format!("{name}={shown}"));
    }
    Ok(Value::str(&format!("ModuleSpec({})", parts.join(", "))))
}

fn create_module(_: &mut Ctx, args: Args<'_>) -> PyResult {
    method_args("create_module", args, 1, 1)?;
    Ok(Value::None)
}

fn loader_path(ctx: &mut Ctx, this: &Value) -> PyResult<String> {
    let path = protocol::getattr_str(ctx, this, "path")?;
    text(&path).ok_or_else(|| PyErr::type_error("loader path must be a string"))
}

fn code_object(ctx: &mut Ctx, path: &str) -> PyResult<ObjRef> {
    let code = source_code(ctx, std::path::Path::new(path))?;
    crate::materialize::materialize(code)
}

/// `exec_module(module)`: runs the (cached) code of the file in the module's namespace.
fn source_exec_module(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("exec_module", args, 1, 1)?;
    let path = loader_path(ctx, this)?;
    let dict = match rest[0].downcast::<Module>() {
        Some(m) => m.dict.clone(),
        None => {
            let dict = protocol::getattr_str(ctx, &rest[0], "__dict__")?;
            dict.as_obj()
                .filter(|d| d.is::<PyDict>())
                .cloned()
                .ok_or_else(|| PyErr::type_error("module has no dict"))?
        }
    };
    let code = source_code(ctx, std::path::Path::new(&path))?;
    super::run_module_code(ctx, code, &dict)?;
    Ok(Value::None)
}

fn source_get_code(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("get_code", args, 1, 1)?;
    let path = loader_path(ctx, this)?;
    Ok(Value::Obj(code_object(ctx, &path)?))
}

fn read_file(path: &str) -> PyResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let code = e.raw_os_error().unwrap_or(0);
        let message = e.to_string();
        let message = message.split(" (os error").next().unwrap_or(&message).to_owned();
        PyErr::with_args(&types().os_error, vec![Value::Int(i64::from(code)), Value::str(&message), Value::str(path)])
    })
}

/// `get_source(fullname)`: the decoded source (PEP 263) with universal newlines.
fn source_get_source(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("get_source", args, 1, 1)?;
    let path = loader_path(ctx, this)?;
    let bytes = read_file(&path)?;
    let source = pyrite_parser::decode_source(&bytes, &path).map_err(|e| crate::execution::syntax_error(&e))?;
    Ok(Value::str(&source.replace("\r\n", "\n").replace('\r', "\n")))
}

fn source_get_filename(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("get_filename", args, 0, 1)?;
    Ok(Value::str(&loader_path(ctx, this)?))
}

fn source_get_data(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, rest) = method_args("get_data", args, 1, 1)?;
    let path = text(&rest[0]).ok_or_else(|| PyErr::type_error("get_data() argument must be a path string"))?;
    Ok(Value::Obj(PyBytes::new_obj(read_file(&path)?)))
}

fn source_is_package(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("is_package", args, 1, 1)?;
    let path = loader_path(ctx, this)?;
    let stem = std::path::Path::new(&path).file_stem().map(|s| s.to_string_lossy().into_owned());
    let last = text(&rest[0]).map(|n| n.rsplit('.').next().unwrap_or_default().to_owned());
    Ok(Value::Bool(stem.as_deref() == Some("__init__") && last.as_deref() != Some("__init__")))
}

fn namespace_get_code(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    method_args("get_code", args, 1, 1)?;
    let code = pyrite_compiler::compile("", "<string>", pyrite_parser::Mode::Exec)
        .map_err(|_| PyErr::new_system("compiling an empty module"))?;
    let _ = ctx;
    Ok(Value::Obj(crate::materialize::materialize(code)?))
}
