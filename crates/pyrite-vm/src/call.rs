//! Binding call arguments to a Python function's parameters, with CPython's errors.

use pyrite_bytecode::flags;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{Code, Function};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Ctx, PyErr, PyResult, Value};

use crate::frame::Slot;

fn qualname(func: &Function) -> String {
    func.qualname.borrow().as_str().map_or("?", PyStr::as_str).to_owned()
}

fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Fills a new frame's first slots from a call's arguments. `values` holds positional
/// then keyword values; `kwnames` names the keyword ones.
pub fn bind_arguments(
    ctx: &mut Ctx,
    func: &Function,
    code: &Code,
    slots: &mut [Slot],
    values: &mut Vec<Value>,
    kwnames: &[Value],
) -> PyResult<()> {
    let b = &code.bytecode;
    let argcount = b.argcount as usize;
    let posonly = b.posonlyargcount as usize;
    let kwonly = b.kwonlyargcount as usize;
    let has_varargs = b.flags & flags::VARARGS != 0;
    let has_varkw = b.flags & flags::VARKEYWORDS != 0;
    let npos = values.len() - kwnames.len();
    // Draining (rather than taking `values`) keeps the caller's buffer and its capacity
    // for the next call; nothing here allocates without keywords or extra positionals.
    let kwvalues: Vec<Value> = values.drain(npos..).collect();
    let extra: Vec<Value> = if npos > argcount { values.drain(argcount..).collect() } else { Vec::new() };
    let given_positional = values.len() + extra.len();
    for (slot, value) in slots.iter_mut().zip(values.drain(..)) {
        *slot = Some(value);
    }
    let mut next_slot = argcount + kwonly;
    if has_varargs {
        slots[next_slot] = Some(Value::Obj(PyTuple::new_obj(extra)));
        next_slot += 1;
    } else if !extra.is_empty() {
        return Err(too_many_positional(func, code, given_positional, kwnames.len()));
    }
    let kwargs = if has_varkw {
        let dict = PyDict::new_obj();
        slots[next_slot] = Some(Value::Obj(dict.clone()));
        Some(dict)
    } else {
        None
    };

    let mut posonly_as_keyword = Vec::new();
    for (name, value) in kwnames.iter().zip(kwvalues) {
        let Some(name_str) = name.as_str() else {
            return Err(PyErr::type_error(format!("{}() keywords must be strings", qualname(func))));
        };
        // Keyword names and parameter names are interned: mostly an identity match.
        let position =
            code.varnames[..argcount + kwonly].iter().position(|v| v.as_str().is_some_and(|v| v.eq_str(name_str)));
        match position {
            Some(i) if i >= posonly => {
                if slots[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(func),
                        name_str.as_str()
                    )));
                }
                slots[i] = Some(value);
            }
            _ => match &kwargs {
                Some(dict) => {
                    if let Some(d) = dict.downcast::<PyDict>() {
                        d.set_item(ctx, name.clone(), value)?;
                    }
                }
                None if position.is_some() => posonly_as_keyword.push(name_str.as_str().to_owned()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(func),
                        name_str.as_str()
                    )));
                }
            },
        }
    }
    if !posonly_as_keyword.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(func),
            posonly_as_keyword.join(", ")
        )));
    }

    fill_defaults(ctx, func, code, slots)
}

fn fill_defaults(ctx: &mut Ctx, func: &Function, code: &Code, slots: &mut [Slot]) -> PyResult<()> {
    let b = &code.bytecode;
    let argcount = b.argcount as usize;
    let kwonly = b.kwonlyargcount as usize;
    let defaults = func.defaults.borrow().clone();
    let defaults: &[Value] = defaults.downcast::<PyTuple>().map_or(&[], PyTuple::items);
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if slots[i].is_none() {
            if i >= first_default {
                slots[i] = Some(defaults[i - first_default].clone());
            } else {
                missing.push(&*b.varnames[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            qualname(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    let kwdefaults = func.kwdefaults.borrow().clone();
    for ((slot, name), key) in
        slots[argcount..argcount + kwonly].iter_mut().zip(&b.varnames[argcount..]).zip(&code.varnames[argcount..])
    {
        if slot.is_none() {
            let default = match kwdefaults.downcast::<PyDict>() {
                Some(d) => d.get_item(ctx, key)?,
                None => None,
            };
            match default {
                Some(v) => *slot = Some(v),
                None => missing.push(&**name),
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            qualname(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    Ok(())
}

fn too_many_positional(func: &Function, code: &Code, given: usize, nkw: usize) -> PyErr {
    let b = &code.bytecode;
    let argcount = b.argcount as usize;
    let ndefaults = func.defaults.borrow().downcast::<PyTuple>().map_or(0, PyTuple::len);
    let takes = if ndefaults > 0 {
        format!("from {} to {argcount} positional arguments", argcount - ndefaults.min(argcount))
    } else {
        format!("{argcount} positional argument{}", if argcount == 1 { "" } else { "s" })
    };
    let kw_note = if nkw > 0 {
        format!(
            " positional argument{} (and {nkw} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            if nkw == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    let was = if given == 1 { "was" } else { "were" };
    if nkw > 0 {
        return PyErr::type_error(format!("{}() takes {takes} but {given}{kw_note} were given", qualname(func)));
    }
    PyErr::type_error(format!("{}() takes {takes} but {given} {was} given", qualname(func)))
}
