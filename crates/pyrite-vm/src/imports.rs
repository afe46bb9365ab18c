//! Importing. For now only modules that are already in `sys.modules` (the builtin ones)
//! can be imported; importing from files comes with the import system.

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol, types};

use crate::state::vm;

/// `import name` (with `level` and `fromlist` as `IMPORT_NAME` gets them).
pub fn import_name(ctx: &mut Ctx, name: &Value, fromlist: &Value, level: &Value) -> PyResult {
    let _ = fromlist;
    if !matches!(level, Value::Int(0)) {
        return Err(PyErr::new(&types().import_error, "attempted relative import with no known parent package"));
    }
    let name_str = name.as_str().map_or("", PyStr::as_str).to_owned();
    let top = name_str.split('.').next().unwrap_or("").to_owned();
    let modules = vm(ctx).modules.clone();
    let found = modules.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(&name_str)));
    match found {
        Some(module) if top == name_str => Ok(module),
        Some(_) => {
            Ok(modules.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(&top))).unwrap_or(Value::None))
        }
        None => Err(PyErr::new(&types().module_not_found_error, format!("No module named '{name_str}'"))),
    }
}

/// `from module import name`.
pub fn import_from(ctx: &mut Ctx, module: &Value, name: &Value) -> PyResult {
    match protocol::getattr(ctx, module, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&types().attribute_error) => {
            let module_name = module
                .downcast::<Module>()
                .and_then(|m| m.dict.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__name__"))))
                .and_then(|n| n.as_str().map(|s| s.as_str().to_owned()))
                .unwrap_or_else(|| "?".into());
            let name = name.as_str().map_or("?", PyStr::as_str);
            Err(PyErr::new(
                &types().import_error,
                format!("cannot import name '{name}' from '{module_name}' (unknown location)"),
            ))
        }
        Err(e) => Err(e),
    }
}
