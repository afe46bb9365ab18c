//! Native modules whose contents are Python source run once at first import (`_ast`,
//! `_contextvars`): the source is Pyrite's own, executed in the module's namespace.

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::{Ctx, ObjRef, PyErr, PyResult, Value, protocol};

/// A module named `name` made by running `source` with `globals` preset in its namespace.
pub fn module_from_source(ctx: &mut Ctx, name: &str, source: &str, globals: &[(&str, Value)]) -> PyResult<ObjRef> {
    let module = Module::new_native(name, &[]);
    let dict = module.downcast::<Module>().map(|m| m.dict.clone()).ok_or_else(|| PyErr::new_system(name))?;
    let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system(name))?;
    let builtins = pyrite_vm::import_module(ctx, "builtins")?;
    d.set_str("__builtins__", builtins.clone());
    for (key, value) in globals {
        d.set_str(key, value.clone());
    }
    let exec = protocol::getattr(ctx, &builtins, &Value::str("exec"))?;
    protocol::call_positional(ctx, &exec, &[Value::str(source), Value::Obj(dict.clone())])?;
    d.set_str("__name__", Value::str(name));
    Ok(module)
}
