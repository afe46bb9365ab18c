//! The `_warnings` module, as far as the import system needs it: `warn` and
//! `warn_explicit` hand the warning to CPython's pure-Python `warnings` module, which
//! keeps the filters (it uses its Python implementation because this module has no
//! `filters`). `importlib._bootstrap` loads this module by name and warns through it.

use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyResult, protocol};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    Ok(Module::new_native("_warnings", &[("warn", warn), ("warn_explicit", warn_explicit)]))
}

/// Calls `warnings.<name>` with the same arguments. No Python frame is added between the
/// caller and `warnings`, so `stacklevel` means the same thing.
fn forward(ctx: &mut Ctx, name: &str, args: Args<'_>) -> PyResult {
    let warnings = pyrite_vm::import_module(ctx, "warnings")?;
    let function = protocol::getattr_str(ctx, &warnings, name)?;
    protocol::call(ctx, &function, args)
}

fn warn(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    forward(ctx, "warn", args)
}

fn warn_explicit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    forward(ctx, "warn_explicit", args)
}
