//! The `_string` module: the format-string parsing that `string.Formatter` builds on.

use pyrite_object::methods::check_args;
use pyrite_object::methods::str::{field_name_split, formatter_parser};
use pyrite_object::types::function::Module;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    Ok(Module::new_native(
        "_string",
        &[("formatter_parser", parser), ("formatter_field_name_split", field_name_split_fn)],
    ))
}

fn str_arg<'a>(function: &str, values: &'a [Value]) -> PyResult<&'a pyrite_object::types::str::PyStr> {
    values[0]
        .as_str()
        .ok_or_else(|| PyErr::type_error(format!("{function}() argument must be str, not {}", values[0].type_name())))
}

fn parser(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("formatter_parser", args, 1, 1)?;
    let fmt = str_arg("formatter_parser", values)?;
    let items = formatter_parser(fmt)?
        .into_iter()
        .map(|(literal, field)| {
            let (name, spec, conversion) = match field {
                Some((name, spec, conversion)) => (name, spec, conversion.unwrap_or(Value::None)),
                None => (Value::None, Value::None, Value::None),
            };
            Value::Obj(PyTuple::new_obj(vec![literal, name, spec, conversion]))
        })
        .collect();
    protocol::get_iter(ctx, &Value::Obj(PyList::new_obj(items)))
}

fn field_name_split_fn(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("formatter_field_name_split", args, 1, 1)?;
    let name = str_arg("formatter_field_name_split", values)?;
    let (first, rest) = field_name_split(name)?;
    let rest: Vec<Value> =
        rest.into_iter().map(|(is_attr, key)| Value::Obj(PyTuple::new_obj(vec![Value::Bool(is_attr), key]))).collect();
    let rest = protocol::get_iter(ctx, &Value::Obj(PyList::new_obj(rest)))?;
    Ok(Value::Obj(PyTuple::new_obj(vec![first, rest])))
}
