//! Introspection builtins: `dir`, `vars`, `delattr`, and `locals()` for them.

use pyrite_object::methods::check_args;
use pyrite_object::methods::slots::{call_dunder, is_python_class};
use pyrite_object::protocol;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{Cell, Code, Module};
use pyrite_object::types::list::PyList;
use pyrite_object::types::typeobj::{TypeObject, type_payload};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value};

use crate::state::vm;

/// The calling frame's local variables, as a dict (a snapshot for function frames).
fn current_locals(ctx: &mut Ctx) -> PyResult<Value> {
    let Some(mut frame_ptr) = vm(ctx).calling_frame else {
        return Err(PyErr::new_system("no current frame"));
    };
    // SAFETY: `calling_frame` is set by the eval loop for exactly the duration of the native
    // call we are in and points at that loop's live frame, which nothing else touches while
    // this call runs.
    let frame = unsafe { frame_ptr.as_mut() };
    if let Some(locals) = frame.locals.clone() {
        return Ok(Value::Obj(locals));
    }
    let code_obj = frame.code.clone();
    let code = code_obj.downcast::<Code>().ok_or_else(|| PyErr::new_system("frame code"))?;
    let b = &code.bytecode;
    let names: Vec<&str> = b.varnames.iter().chain(b.cellvars.iter()).chain(b.freevars.iter()).map(|n| &**n).collect();
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict"))?;
    let nlocals = b.varnames.len();
    let mut seen = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if seen.contains(name) {
            continue;
        }
        let Some(value) = frame.slots_mut()[i].clone() else {
            continue;
        };
        let value = if i >= nlocals {
            match value.downcast::<Cell>() {
                Some(c) => match c.value.borrow().clone() {
                    Some(v) => v,
                    None => continue,
                },
                None => value,
            }
        } else {
            value
        };
        seen.push(name);
        d.set_str(name, value);
    }
    Ok(Value::Obj(dict))
}

fn sorted_list(ctx: &mut Ctx, names: Vec<Value>) -> PyResult {
    let list = PyList::new_obj(names);
    if let Some(l) = list.downcast::<PyList>() {
        pyrite_object::methods::list::sort_list(ctx, l, None, false)?;
    }
    Ok(Value::Obj(list))
}

fn add_keys(names: &mut Vec<Value>, dict: &ObjRef) {
    if let Some(d) = dict.downcast::<PyDict>() {
        for k in d.keys() {
            if !names.iter().any(|n| n.as_str().zip(k.as_str()).is_some_and(|(a, b)| a.eq_str(b))) {
                names.push(k);
            }
        }
    }
}

fn type_names(names: &mut Vec<Value>, ty: &ObjRef) {
    let mro = type_payload(ty).mro.borrow().clone();
    for class in &mro {
        add_keys(names, &type_payload(class).dict);
    }
}

/// CPython's `object.__dir__` copies the instance's `__dict__` and merges the class dicts
/// into the copy (the class's, then its bases' depth first). When that dict still shares
/// its class's keys, so does the copy, and every name merged into it takes room in those
/// keys while there is some: after `dir(obj)`, new attribute names of the class's
/// instances soon fall back to dicts. The same happens here, for the same counts.
fn note_class_names(dict: &ObjRef, class: &ObjRef) {
    let Some(keys) = dict.downcast::<PyDict>().filter(|d| !d.is_empty()).and_then(PyDict::shared_keys) else {
        return;
    };
    let copy = PyDict::default();
    copy.share_keys(keys);
    let mut pending = vec![class.clone()];
    while let Some(class) = pending.pop() {
        if let Some(d) = type_payload(&class).dict.downcast::<PyDict>() {
            for key in d.keys() {
                if copy.shared_keys().is_none() {
                    return;
                }
                drop(copy.store_str(&key, Value::None));
            }
        }
        let bases = type_payload(&class).bases.borrow().clone();
        pending.extend(bases.into_iter().rev());
    }
}

pub(super) fn builtin_dir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("dir", args, 0, 1)?;
    let Some(obj) = values.first() else {
        let locals = current_locals(ctx)?;
        let keys = protocol::collect(ctx, &locals)?;
        return sorted_list(ctx, keys);
    };
    if is_python_class(obj.type_ref())
        && let Some(result) = call_dunder(ctx, obj, "__dir__", &[])?
    {
        let items = protocol::collect(ctx, &result)?;
        return sorted_list(ctx, items);
    }
    let mut names = Vec::new();
    if let Some(m) = obj.downcast::<Module>() {
        add_keys(&mut names, &m.dict);
    } else if let Some(ty) = obj.as_obj().filter(|o| o.is::<TypeObject>()) {
        type_names(&mut names, ty);
    } else {
        names = object_dir_names(obj);
    }
    sorted_list(ctx, names)
}

/// `object.__dir__(self)`: the keys of the instance's `__dict__` (which reading makes, as
/// in CPython), then those of its class and of the bases, depth first, each name once.
fn object_dir_names(obj: &Value) -> Vec<Value> {
    let mut names = Vec::new();
    if let Some(dict) = obj.as_obj().and_then(|o| protocol::instance_dict(o, true)) {
        add_keys(&mut names, &dict);
        note_class_names(&dict, obj.type_ref());
    }
    let mut pending = vec![obj.type_ref().clone()];
    while let Some(class) = pending.pop() {
        add_keys(&mut names, &type_payload(&class).dict);
        let bases = type_payload(&class).bases.borrow().clone();
        pending.extend(bases.into_iter().rev());
    }
    names
}

/// `object.__dir__`.
pub(crate) fn object_dir(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("__dir__", args, 0, 0)?;
    Ok(Value::Obj(PyList::new_obj(object_dir_names(this))))
}

pub(super) fn builtin_vars(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("vars", args, 0, 1)?;
    let Some(obj) = values.first() else {
        return current_locals(ctx);
    };
    match protocol::getattr_str(ctx, obj, "__dict__") {
        Ok(d) => Ok(d),
        Err(e) if e.matches(&pyrite_object::types().attribute_error) => {
            Err(PyErr::type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

pub(super) fn builtin_locals(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("locals", args, 0, 0)?;
    current_locals(ctx)
}

pub(super) fn builtin_delattr(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("delattr", args, 2, 2)?;
    if values[1].as_str().is_none() {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", values[1].type_name())));
    }
    protocol::setattr(ctx, &values[0], &values[1], None)?;
    Ok(Value::None)
}
