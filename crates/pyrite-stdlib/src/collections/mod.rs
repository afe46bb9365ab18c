//! The `_collections` module: `deque`, `defaultdict` and `_count_elements`, which CPython's
//! `collections` package imports.

mod defaultdict;
pub(crate) mod deque;

use pyrite_object::methods::check_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyResult, Value, protocol};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_collections", &[("_count_elements", count_elements)]);
    Module::set(&module, "deque", Value::Obj(deque::deque_type().clone()));
    Module::set(&module, "_deque_iterator", Value::Obj(deque::iterator_type().clone()));
    Module::set(&module, "_deque_reverse_iterator", Value::Obj(deque::reverse_iterator_type().clone()));
    Module::set(&module, "defaultdict", Value::Obj(defaultdict::defaultdict_type().clone()));
    Ok(module)
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each
/// element (`Counter.update`'s loop).
fn count_elements(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("_count_elements", args, 2, 2)?;
    let (mapping, iterable) = (&values[0], &values[1]);
    let iterator = protocol::get_iter(ctx, iterable)?;
    let exact_dict = mapping.as_obj().is_some_and(|o| o.type_ref().is_same(&pyrite_object::types().dict));
    while let Some(item) = protocol::next(ctx, &iterator)? {
        if exact_dict && let Some(d) = mapping.downcast::<PyDict>() {
            let count = d.get_item(ctx, &item)?.unwrap_or(Value::Int(0));
            let count = protocol::binary_op(ctx, &count, &Value::Int(1), pyrite_bytecode::BinaryOp::Add)?;
            d.set_item(ctx, item, count)?;
            continue;
        }
        let get = protocol::getattr(ctx, mapping, &Value::str("get"))?;
        let count = protocol::call_positional(ctx, &get, &[item.clone(), Value::Int(0)])?;
        let count = protocol::binary_op(ctx, &count, &Value::Int(1), pyrite_bytecode::BinaryOp::Add)?;
        protocol::setitem(ctx, mapping, &item, Some(count))?;
    }
    Ok(Value::None)
}
