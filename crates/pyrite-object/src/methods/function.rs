//! Functions, native functions, bound methods, code objects, cells and modules.

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::set_slots;
use crate::protocol;
use crate::registry::TypeTable;
use crate::types::dict::PyDict;
use crate::types::function::{BoundMethod, BuiltinFunction, Code, Function, Module};
use crate::types::str::PyStr;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.function, |s| {
        s.repr = Some(function_repr);
        s.getattro = Some(function_getattro);
        s.setattro = Some(function_setattro);
    });
    // `__get__` and `__call__` as methods: the VM binds and calls functions directly, but
    // Python code asks for them (`enum`'s `_is_descriptor`, `callable` checks by hasattr).
    crate::methods::add_methods(&t.function, "function", &[("__get__", function_get), ("__call__", call_self)]);
    for ty in [&t.builtin_function, &t.method] {
        crate::methods::add_methods(ty, "builtin_function_or_method", &[("__call__", call_self)]);
    }
    use crate::methods::attrdescr::{self, Kind};
    attrdescr::add(
        &t.function,
        Kind::GetSet,
        &["__code__", "__defaults__", "__kwdefaults__", "__annotations__", "__dict__", "__name__", "__qualname__"],
    );
    attrdescr::add(&t.function, Kind::Member, &["__globals__", "__closure__", "__doc__", "__module__", "__builtins__"]);
    for ty in [&t.builtin_function, &t.method_descriptor] {
        set_slots(ty, |s| {
            s.repr = Some(builtin_repr);
            s.getattro = Some(builtin_getattro);
        });
    }
    set_slots(&t.method, |s| {
        s.repr = Some(method_repr);
        s.getattro = Some(method_getattro);
    });
    set_slots(&t.module, |s| {
        s.repr = Some(module_repr);
        s.getattro = Some(module_getattro);
        s.new = Some(module_new);
        s.init = Some(module_init);
    });
    set_slots(&t.cell, |s| {
        s.repr = Some(|_, v| Ok(Value::str(&format!("<cell at {:#x}>", v.id()))));
    });
    attrdescr::add_getset(&t.cell, Kind::GetSet, &[("cell_contents", cell_contents_get, Some(cell_contents_set))]);
    attrdescr::add(&t.method, Kind::Member, &["__func__", "__self__"]);
    attrdescr::add(&t.builtin_function, Kind::Member, &["__module__"]);
    attrdescr::add(&t.builtin_function, Kind::GetSet, &["__name__", "__qualname__", "__self__", "__text_signature__"]);
    attrdescr::add(&t.method_descriptor, Kind::Member, &["__name__", "__objclass__"]);
    attrdescr::add(&t.method_descriptor, Kind::GetSet, &["__qualname__", "__text_signature__"]);
    crate::methods::add_methods(
        &t.method_descriptor,
        "method_descriptor",
        &[("__call__", call_self), ("__get__", method_descriptor_get)],
    );
    attrdescr::add_instance_descriptors(&t.module, true, false);
    attrdescr::add_getset(
        &t.module,
        Kind::GetSet,
        &[("__annotations__", module_annotations, Some(module_set_annotations))],
    );
}

/// Attribute lookup on modules: the generic lookup, then the module's own `__getattr__`
/// function for a missing name (PEP 562), as CPython's `module_getattro`.
fn module_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    match protocol::generic_getattr(ctx, v, name) {
        Err(e) if e.matches(&crate::registry::types().attribute_error) => {
            let hook = v
                .downcast::<crate::types::function::Module>()
                .and_then(|m| m.dict.downcast::<crate::types::dict::PyDict>())
                .and_then(|d| d.get_str(&crate::types::str::PyStr::from_str("__getattr__")));
            match hook {
                Some(hook) => protocol::call_positional(ctx, &hook, std::slice::from_ref(name)),
                None => Err(e),
            }
        }
        result => result,
    }
}

fn cell_of(v: &Value) -> PyResult<&crate::types::function::Cell> {
    v.downcast::<crate::types::function::Cell>().ok_or_else(|| PyErr::type_error("descriptor requires a 'cell' object"))
}

fn cell_contents_get(_: &mut Ctx, v: &Value) -> PyResult {
    cell_of(v)?.value.borrow().clone().ok_or_else(|| PyErr::value_error("Cell is empty"))
}

/// `cell.cell_contents = x` fills the cell; `del cell.cell_contents` empties it.
fn cell_contents_set(_: &mut Ctx, v: &Value, value: Option<Value>) -> PyResult<()> {
    drop(cell_of(v)?.value.replace(value));
    Ok(())
}

/// `method_descriptor.__get__(obj, type=None)`: the method bound to `obj`, or the
/// descriptor itself for `None`.
fn method_descriptor_get(_: &mut Ctx, args: crate::ctx::Args<'_>) -> PyResult {
    let (descr, rest) = crate::methods::method_args("__get__", args, 1, 2)?;
    let f = descr.downcast::<BuiltinFunction>().ok_or_else(|| PyErr::type_error("not a method descriptor"))?;
    let obj = &rest[0];
    if obj.is_none() {
        if rest.get(1).is_none_or(Value::is_none) {
            return Err(PyErr::type_error("__get__(None, None) is invalid"));
        }
        return Ok(descr.clone());
    }
    if let Some(owner) = &f.owner_type
        && !protocol::isinstance(obj, owner)
    {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            f.name,
            crate::types::typeobj::type_name(owner),
            obj.type_name()
        )));
    }
    Ok(Value::Obj(f.bind(obj.clone())))
}

fn module_dict_of(v: &Value) -> PyResult<&PyDict> {
    let m = v.downcast::<Module>().ok_or_else(|| PyErr::type_error("descriptor requires a 'module' object"))?;
    m.dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("module dict"))
}

/// `module.__annotations__` (3.10+): the module's own, made empty on first use.
fn module_annotations(_: &mut Ctx, v: &Value) -> PyResult {
    let dict = module_dict_of(v)?;
    if let Some(found) = dict.get_str(&PyStr::from_str("__annotations__")) {
        return Ok(found);
    }
    let fresh = Value::Obj(PyDict::new_obj());
    dict.set_str("__annotations__", fresh.clone());
    Ok(fresh)
}

fn module_set_annotations(ctx: &mut Ctx, v: &Value, value: Option<Value>) -> PyResult<()> {
    let dict = module_dict_of(v)?;
    let key = Value::str("__annotations__");
    match value {
        Some(value) => dict.set_item(ctx, key, value),
        None => match dict.remove(ctx, &key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::attribute_error("__annotations__")),
        },
    }
}

/// `function.__get__(obj, type=None)`: a bound method, or the function itself for `None`.
fn function_get(_: &mut Ctx, args: crate::ctx::Args<'_>) -> PyResult {
    let (func, rest) = crate::methods::method_args("__get__", args, 1, 2)?;
    if rest[0].is_none() {
        if rest.get(1).is_none_or(Value::is_none) {
            return Err(PyErr::type_error("__get__(None, None) is invalid"));
        }
        return Ok(func.clone());
    }
    let bound = BoundMethod { func: func.clone(), this: rest[0].clone() };
    Ok(Value::Obj(pyrite_memory::ObjRef::new(bound, Some(&crate::registry::types().method))))
}

/// `f.__call__(*args, **kwargs)`.
fn call_self(ctx: &mut Ctx, args: crate::ctx::Args<'_>) -> PyResult {
    let Some((func, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor '__call__' needs an argument"));
    };
    protocol::call(ctx, func, crate::ctx::Args { values: rest, kwnames: args.kwnames })
}

fn function_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let f = v.downcast::<Function>().ok_or_else(|| PyErr::type_error("not a function"))?;
    let qualname = f.qualname.borrow().clone();
    let name = qualname.as_str().map_or("?", PyStr::as_str).to_owned();
    Ok(Value::str(&format!("<function {name} at {:#x}>", v.id())))
}

fn function_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let f = v.downcast::<Function>().ok_or_else(|| PyErr::type_error("not a function"))?;
    let field = match name.as_str().map(PyStr::as_str) {
        Some("__name__") => &f.name,
        Some("__qualname__") => &f.qualname,
        Some("__defaults__") => &f.defaults,
        Some("__kwdefaults__") => &f.kwdefaults,
        Some("__closure__") => &f.closure,
        Some("__doc__") => &f.doc,
        Some("__module__") => &f.module,
        Some("__annotations__") => {
            // The compiler leaves `(name, value, ...)` pairs in a tuple; the dict is made on
            // first use, as CPython 3.11 does.
            let current = f.annotations.borrow().clone();
            let dict = match current.downcast::<crate::types::list::PyTuple>() {
                Some(pairs) => {
                    let d = PyDict::new_obj();
                    if let Some(dict) = d.downcast::<PyDict>() {
                        for pair in pairs.items().chunks(2) {
                            if let [k, v] = pair {
                                dict.set_item(ctx, k.clone(), v.clone())?;
                            }
                        }
                    }
                    Value::Obj(d)
                }
                None if current.is_none() => Value::Obj(PyDict::new_obj()),
                None => return Ok(current),
            };
            drop(f.annotations.replace(dict.clone()));
            return Ok(dict);
        }
        Some("__code__") => return Ok(Value::Obj(f.code_obj())),
        Some("__globals__") => return Ok(Value::Obj(f.globals.clone())),
        Some("__builtins__") => {
            let builtins = f.globals.downcast::<PyDict>().and_then(|g| g.get_str(&PyStr::from_str("__builtins__")));
            return Ok(match builtins {
                Some(Value::Obj(m)) if m.is::<Module>() => {
                    m.downcast::<Module>().map_or(Value::None, |m| Value::Obj(m.dict.clone()))
                }
                Some(other) => other,
                None => Value::None,
            });
        }
        Some("__dict__") => {
            return Ok(protocol::instance_dict(v.as_obj().ok_or_else(|| PyErr::type_error("?"))?, true)
                .map_or(Value::None, Value::Obj));
        }
        _ => return protocol::generic_getattr(ctx, v, name),
    };
    Ok(field.borrow().clone())
}

fn function_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let f = v.downcast::<Function>().ok_or_else(|| PyErr::type_error("not a function"))?;
    let Some(attr) = name.as_str().map(|n| n.as_str().to_owned()) else {
        return protocol::generic_setattr(ctx, v, name, value);
    };
    let must_be = |what: &str| PyErr::type_error(format!("{attr} must be set to a {what} object"));
    let field = match attr.as_str() {
        "__name__" | "__qualname__" => {
            if value.as_ref().is_none_or(|v| v.as_str().is_none()) {
                return Err(must_be("string"));
            }
            if attr == "__name__" { &f.name } else { &f.qualname }
        }
        "__defaults__" | "__kwdefaults__" | "__annotations__" => {
            let is_tuple = |v: &Value| v.downcast::<crate::types::list::PyTuple>().is_some();
            let is_dict = |v: &Value| v.downcast::<PyDict>().is_some();
            let ok = match (&value, attr.as_str()) {
                (None | Some(Value::None), "__defaults__" | "__kwdefaults__") => true,
                (Some(v), "__defaults__") => is_tuple(v),
                (Some(v), _) => is_dict(v),
                (None, _) => true,
            };
            if !ok {
                return Err(match attr.as_str() {
                    "__defaults__" => PyErr::type_error("__defaults__ must be set to a tuple object"),
                    "__kwdefaults__" => PyErr::type_error("__kwdefaults__ must be set to a dict object"),
                    _ => PyErr::type_error("__annotations__ must be set to a dict object"),
                });
            }
            match attr.as_str() {
                "__defaults__" => &f.defaults,
                "__kwdefaults__" => &f.kwdefaults,
                _ => &f.annotations,
            }
        }
        "__doc__" => &f.doc,
        "__module__" => &f.module,
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(PyErr::attribute_error("readonly attribute"));
        }
        "__code__" => return set_code(f, value),
        _ => return protocol::generic_setattr(ctx, v, name, value),
    };
    drop(field.replace(value.unwrap_or(Value::None)));
    Ok(())
}

fn builtin_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let f = v.downcast::<BuiltinFunction>().ok_or_else(|| PyErr::type_error("not a builtin"))?;
    Ok(Value::str(&match (&f.bound, f.owner) {
        (None, Some(owner)) => format!("<method '{}' of '{owner}' objects>", f.name),
        (None, None) => format!("<built-in function {}>", f.name),
        (Some(this), _) if this.downcast::<Module>().is_some() => format!("<built-in function {}>", f.name),
        (Some(this), _) => format!("<built-in method {} of {} object at {:#x}>", f.name, this.type_name(), this.id()),
    }))
}

fn builtin_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let f = v.downcast::<BuiltinFunction>().ok_or_else(|| PyErr::type_error("not a builtin"))?;
    match name.as_str().map(PyStr::as_str) {
        Some("__name__") => Ok(Value::str(f.name)),
        // A bound method is named after its object's class (`True.bit_count.__qualname__`
        // is `bool.bit_count`), or the class it is bound to.
        Some("__qualname__") => Ok(Value::str(&match (f.owner, &f.bound) {
            (Some(_), Some(Value::Obj(o))) if o.is::<crate::types::typeobj::TypeObject>() => {
                format!("{}.{}", &**crate::types::typeobj::type_payload(o).qualname.borrow(), f.name)
            }
            (Some(_), Some(this)) => {
                format!("{}.{}", &**crate::types::typeobj::type_payload(this.type_ref()).qualname.borrow(), f.name)
            }
            (Some(owner), None) => format!("{owner}.{}", f.name),
            (None, _) => f.name.to_owned(),
        })),
        Some("__self__") => Ok(f.bound.clone().unwrap_or(Value::None)),
        Some("__module__") => Ok(f.module.clone().unwrap_or(Value::None)),
        Some("__text_signature__") => Ok(Value::None),
        Some("__objclass__") if f.bound.is_none() => f.owner_type.clone().map(Value::Obj).ok_or_else(|| {
            PyErr::attribute_error(format!("'{}' object has no attribute '__objclass__'", v.type_name()))
        }),
        // Native functions carry no docstrings (not `object.__doc__`, which the MRO has).
        Some("__doc__") => Ok(Value::None),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

fn method_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let m = v.downcast::<BoundMethod>().ok_or_else(|| PyErr::type_error("not a method"))?;
    let (func, this) = (m.func.clone(), m.this.clone());
    let qualname = protocol::getattr_str(ctx, &func, "__qualname__")?;
    let this_repr = protocol::repr_string(ctx, &this)?;
    Ok(Value::str(&format!("<bound method {} of {this_repr}>", qualname.as_str().map_or("?", PyStr::as_str))))
}

fn method_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let m = v.downcast::<BoundMethod>().ok_or_else(|| PyErr::type_error("not a method"))?;
    match name.as_str().map(PyStr::as_str) {
        Some("__self__") => Ok(m.this.clone()),
        Some("__func__") => Ok(m.func.clone()),
        // The function's docstring (not `object.__doc__`, which the type's MRO would find).
        Some("__doc__") => {
            let func = m.func.clone();
            protocol::getattr(ctx, &func, name)
        }
        _ => {
            let func = m.func.clone();
            match protocol::generic_getattr(ctx, v, name) {
                Ok(found) => Ok(found),
                Err(_) => protocol::getattr(ctx, &func, name),
            }
        }
    }
}

/// `ModuleType.__new__`: an empty module (`__init__` names it).
fn module_new(_: &mut Ctx, ty: &pyrite_memory::ObjRef, _: crate::ctx::Args<'_>) -> PyResult {
    Ok(Value::Obj(pyrite_memory::ObjRef::new(Module { dict: PyDict::new_obj(), builtin: false }, Some(ty))))
}

const MODULE_INIT: crate::methods::params::Params =
    crate::methods::params::Params::new("module", &["name", "doc"]).required(1);

/// `ModuleType(name, doc=None)`.
fn module_init(_: &mut Ctx, v: &Value, args: crate::ctx::Args<'_>) -> PyResult<()> {
    let [name, doc] = MODULE_INIT.bind(args)?;
    let name = name.cloned().unwrap_or(Value::None);
    if name.as_str().is_none() {
        return Err(PyErr::type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            name.type_name()
        )));
    }
    let m = v.downcast::<Module>().ok_or_else(|| PyErr::type_error("not a module"))?;
    let dict = m.dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("module dict"))?;
    dict.set_str("__name__", name);
    dict.set_str("__doc__", doc.cloned().unwrap_or(Value::None));
    for attr in ["__package__", "__loader__", "__spec__"] {
        dict.set_str(attr, Value::None);
    }
    Ok(())
}

fn module_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let m = v.downcast::<Module>().ok_or_else(|| PyErr::type_error("not a module"))?;
    let dict = m.dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("module dict"))?;
    let name = dict.get_str(&PyStr::from_str("__name__"));
    let name = name.as_ref().and_then(Value::as_str).map_or("?", PyStr::as_str).to_owned();
    let file = dict.get_str(&PyStr::from_str("__file__"));
    if let Some(file) = file.as_ref().and_then(Value::as_str) {
        return Ok(Value::str(&format!("<module '{name}' from '{}'>", file.as_str())));
    }
    if m.builtin {
        return Ok(Value::str(&format!("<module '{name}' (built-in)>")));
    }
    Ok(Value::str(&format!("<module '{name}'>")))
}

/// `func.__code__ = code`: the new code must close over as many variables as the old.
fn set_code(f: &Function, value: Option<Value>) -> PyResult<()> {
    let Some(Value::Obj(new)) = value.filter(|v| v.downcast::<Code>().is_some()) else {
        return Err(PyErr::type_error("__code__ must be set to a code object"));
    };
    let free_vars = |code: &pyrite_memory::ObjRef| code.downcast::<Code>().map_or(0, |c| c.bytecode.freevars.len());
    let (wanted, given) = (free_vars(&f.code_obj()), free_vars(&new));
    if wanted != given {
        let name = f.name.borrow().as_str().map_or_else(String::new, |n| n.as_str().to_owned());
        return Err(PyErr::value_error(format!(
            "{name}() requires a code object with {wanted} free vars, not {given}"
        )));
    }
    drop(f.code.replace(new));
    Ok(())
}
