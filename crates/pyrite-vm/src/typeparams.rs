//! The intrinsics of PEP 695 syntax (`CALL_INTRINSIC_1`/`_2` with `TypeVar`, `ParamSpec`,
//! `TypeVarTuple`, `SubscriptGeneric`, `TypeAlias`, the bound and constraint forms and
//! `SetFunctionTypeParams`). The objects are made by `typeparams.py`, a small Python
//! module built on CPython 3.11's `typing` (which has no native `_typing` of 3.12's kind),
//! run the first time a program uses the syntax, so programs that do not pay nothing.

use pyrite_bytecode::{Intrinsic1, Intrinsic2};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use crate::frame::Frame;
use crate::state::vm;

const SOURCE: &str = include_str!("typeparams.py");

/// The support module's namespace, made on first use.
fn namespace(ctx: &mut Ctx) -> PyResult<ObjRef> {
    if let Some(ns) = &vm(ctx).typeparams {
        return Ok(ns.clone());
    }
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        d.set_str("__name__", Value::str("_pyrite_typeparams"));
        d.set_str("__builtins__", Value::Obj(vm(ctx).builtins.clone()));
    }
    let code =
        crate::execution::compile_text(&Value::str(SOURCE), "<pyrite typeparams>", pyrite_parser::Mode::Exec, "exec")?;
    crate::execution::run_in(ctx, code, dict.clone(), dict.clone())?;
    vm(ctx).typeparams = Some(dict.clone());
    Ok(dict)
}

/// Calls the support function `name` with `args`.
fn call(ctx: &mut Ctx, name: &str, args: &[Value]) -> PyResult {
    let ns = namespace(ctx)?;
    let function = ns
        .downcast::<PyDict>()
        .and_then(|d| d.get_str(&PyStr::from_str(name)))
        .ok_or_else(|| PyErr::new_system(format!("type parameter support has no {name}")))?;
    protocol::call_positional(ctx, &function, args)
}

/// The `__name__` of the module the frame runs in: the `__module__` of what it defines.
fn module_name(frame: &Frame) -> Value {
    frame.globals.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__name__"))).unwrap_or(Value::None)
}

/// The one-argument intrinsics of type parameter syntax: `value` is TOS.
pub(crate) fn intrinsic1(ctx: &mut Ctx, frame: &Frame, which: Intrinsic1, value: Value) -> PyResult {
    let module = module_name(frame);
    match which {
        Intrinsic1::TypeVar => call(ctx, "typevar", &[value, module]),
        Intrinsic1::ParamSpec => call(ctx, "paramspec", &[value, module]),
        Intrinsic1::TypeVarTuple => call(ctx, "typevartuple", &[value, module]),
        Intrinsic1::SubscriptGeneric => call(ctx, "subscript_generic", &[value]),
        Intrinsic1::TypeAlias => {
            let parts = value.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
            let [name, params, evaluate] = <[Value; 3]>::try_from(parts)
                .map_err(|_| PyErr::new_system("INTRINSIC_TYPEALIAS needs (name, type_params, evaluate)"))?;
            call(ctx, "typealias", &[name, params, evaluate, module])
        }
        other => Err(PyErr::new_system(format!("{} is not a type parameter intrinsic", other.name()))),
    }
}

/// `CALL_INTRINSIC_2`: `first` is TOS1, `second` TOS.
pub(crate) fn intrinsic2(ctx: &mut Ctx, frame: &Frame, arg: u32, first: Value, second: Value) -> PyResult {
    let module = module_name(frame);
    match Intrinsic2::from_arg(arg) {
        Some(Intrinsic2::TypeVarWithBound) => call(ctx, "typevar_with_bound", &[first, second, module]),
        Some(Intrinsic2::TypeVarWithConstraints) => call(ctx, "typevar_with_constraints", &[first, second, module]),
        Some(Intrinsic2::SetFunctionTypeParams) => call(ctx, "set_function_type_params", &[first, second]),
        None => Err(PyErr::new_system(format!("unknown intrinsic {arg}"))),
    }
}
