//! `__build_class__` and zero-argument `super()`: the parts of classes that need the VM
//! (running a class body, reading the calling frame).

use pyrite_bytecode::flags;
use pyrite_object::methods::descriptors::new_super;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{Cell, Code, Function};
use pyrite_object::types::heaptype::calculate_metaclass;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::TypeObject;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::eval::{new_frame, run_frame};
use crate::state::vm;

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
/// PEP 560: a base that is not a class and has `__mro_entries__` is replaced by what that
/// returns (a tuple of bases) for the original bases.
fn resolve_bases(ctx: &mut Ctx, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut resolved = Vec::with_capacity(bases.len());
    let mut original = None;
    for base in bases {
        if base.as_obj().is_some_and(|o| o.is::<TypeObject>()) {
            resolved.push(base.clone());
            continue;
        }
        let Ok(entries) = protocol::getattr_str(ctx, base, "__mro_entries__") else {
            resolved.push(base.clone());
            continue;
        };
        let original = original.get_or_insert_with(|| Value::Obj(PyTuple::new_obj(bases.to_vec()))).clone();
        let replaced = protocol::call_positional(ctx, &entries, &[original])?;
        let Some(items) = replaced.downcast::<PyTuple>() else {
            return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
        };
        resolved.extend(items.items().iter().cloned());
    }
    Ok(resolved)
}

pub fn build_class(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func_obj = pos[0]
        .as_obj()
        .filter(|o| o.is::<Function>())
        .ok_or_else(|| PyErr::type_error("__build_class__: func must be a function"))?
        .clone();
    let name = pos[1].clone();
    if name.as_str().is_none() {
        return Err(PyErr::type_error("__build_class__: name is not a string"));
    }
    let original_bases: Vec<Value> = pos[2..].to_vec();
    let bases = resolve_bases(ctx, &original_bases)?;
    let rebased = bases.len() != original_bases.len() || bases.iter().zip(&original_bases).any(|(a, b)| !a.is(b));
    let mut metaclass = None;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    for (k, v) in args.keywords() {
        if k.as_str().is_some_and(|s| s.as_str() == "metaclass") {
            metaclass = Some(v.clone());
        } else {
            kwnames.push(k.clone());
            kwvalues.push(v.clone());
        }
    }
    let base_types: Vec<ObjRef> =
        bases.iter().filter_map(|b| b.as_obj().filter(|o| o.is::<TypeObject>()).cloned()).collect();
    let metaclass = match metaclass {
        Some(Value::Obj(m)) if m.is::<TypeObject>() => Value::Obj(calculate_metaclass(&m, &base_types)?),
        Some(other) => other,
        None => {
            let start = base_types.first().map_or_else(|| types().type_.clone(), |b| b.type_ref().clone());
            Value::Obj(calculate_metaclass(&start, &base_types)?)
        }
    };
    let bases_tuple = Value::Obj(PyTuple::new_obj(bases));
    let namespace = if inherits_type_prepare(&metaclass) {
        // `type.__prepare__` makes an empty dict: skip the call.
        Value::Obj(PyDict::new_obj())
    } else {
        match protocol::getattr_str(ctx, &metaclass, "__prepare__") {
            Ok(prepare) => {
                let mut values = vec![name.clone(), bases_tuple.clone()];
                values.extend(kwvalues.iter().cloned());
                protocol::call(ctx, &prepare, Args { values: &values, kwnames: &kwnames })?
            }
            Err(_) => Value::Obj(PyDict::new_obj()),
        }
    };
    if rebased {
        let original = Value::Obj(PyTuple::new_obj(original_bases));
        protocol::setitem(ctx, &namespace, &Value::str("__orig_bases__"), Some(original))?;
    }
    run_body(ctx, &func_obj, &namespace)?;
    let mut values = vec![name, bases_tuple, namespace];
    values.extend(kwvalues);
    protocol::call(ctx, &metaclass, Args { values: &values, kwnames: &kwnames })
}

/// Whether a metaclass's `__prepare__` is `type`'s own.
fn inherits_type_prepare(metaclass: &Value) -> bool {
    let Some(meta) = metaclass.as_obj().filter(|m| m.is::<TypeObject>()) else { return false };
    let own = pyrite_object::types::typeobj::lookup_str(&types().type_, "__prepare__");
    let found = pyrite_object::types::typeobj::lookup_str(meta, "__prepare__");
    matches!((own, found), (Some(a), Some(b)) if a.is(&b))
}

fn run_body(ctx: &mut Ctx, func_obj: &ObjRef, namespace: &Value) -> PyResult<()> {
    let func = func_obj.downcast::<Function>().ok_or_else(|| PyErr::new_system("class body"))?;
    let locals = namespace.as_obj().cloned().ok_or_else(|| PyErr::type_error("__prepare__() must return a mapping"))?;
    let builtins = vm(ctx).builtins.clone();
    let frame = new_frame(ctx, func.code_obj(), Some(func_obj.clone()), func.globals.clone(), builtins, Some(locals));
    run_frame(ctx, frame)?;
    Ok(())
}

/// `super()` and `super(type, obj)`.
pub fn builtin_super(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    match pos.len() {
        2 => {
            let ty = pos[0].as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| {
                PyErr::type_error(format!("super() argument 1 must be a type, not {}", pos[0].type_name()))
            })?;
            new_super(ty, pos[1].clone())
        }
        0 => {
            let (class, first) = zero_arg_super(ctx)?;
            new_super(&class, first)
        }
        1 => Err(PyErr::not_implemented("unbound super objects are not supported yet")),
        n => Err(PyErr::type_error(format!("super() takes at most 2 arguments ({n} given)"))),
    }
}

fn zero_arg_super(ctx: &mut Ctx) -> PyResult<(ObjRef, Value)> {
    let Some(mut frame_ptr) = vm(ctx).calling_frame else {
        return Err(PyErr::runtime_error("super(): no current frame"));
    };
    // SAFETY: `calling_frame` is set by the eval loop for exactly the duration of the native
    // call we are in, and points at that loop's live frame, which nothing else touches
    // while this call runs.
    let frame = unsafe { frame_ptr.as_mut() };
    let code_obj = frame.code.clone();
    let code = code_obj.downcast::<Code>().ok_or_else(|| PyErr::new_system("frame code"))?;
    let b = &code.bytecode;
    if b.argcount == 0 && b.flags & flags::VARARGS == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let nlocals = b.varnames.len();
    let mut first = frame.slots_mut()[0].clone();
    if let Some(cell_index) = b.cellvars.iter().position(|c| *c == b.varnames[0]) {
        first = frame.slots_mut()[nlocals + cell_index]
            .as_ref()
            .and_then(|c| c.downcast::<Cell>())
            .and_then(|c| c.value.borrow().clone());
    }
    let first = first.ok_or_else(|| PyErr::runtime_error("super(): arg[0] deleted"))?;
    let class_index = b
        .freevars
        .iter()
        .position(|f| &**f == "__class__")
        .ok_or_else(|| PyErr::runtime_error("super(): __class__ cell not found"))?;
    let slot = nlocals + b.cellvars.len() + class_index;
    let class = frame.slots_mut()[slot]
        .as_ref()
        .and_then(|c| c.downcast::<Cell>())
        .and_then(|c| c.value.borrow().clone())
        .ok_or_else(|| PyErr::runtime_error("super(): empty __class__ cell"))?;
    match class {
        Value::Obj(c) if c.is::<TypeObject>() => Ok((c, first)),
        _ => Err(PyErr::runtime_error("super(): __class__ is not a type")),
    }
}

/// Adds `__build_class__`, `super` and the descriptor types to the builtins.
pub fn install(dict: &PyDict) {
    use pyrite_object::types::function::BuiltinFunction;
    dict.set_str(
        "__build_class__",
        Value::Obj(BuiltinFunction::new_in_module("builtins", "__build_class__", build_class)),
    );
    let t = types();
    dict.set_str("super", Value::Obj(t.super_.clone()));
    dict.set_str("property", Value::Obj(t.property.clone()));
    dict.set_str("classmethod", Value::Obj(t.classmethod.clone()));
    dict.set_str("staticmethod", Value::Obj(t.staticmethod.clone()));
    // `super()` reads the calling frame, which only the VM knows: it provides the slot.
    pyrite_object::types::typeobj::type_payload(&t.super_).slots.borrow_mut().new =
        Some(|ctx, _, args| builtin_super(ctx, args));
}
