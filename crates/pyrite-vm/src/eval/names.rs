//! Loading and storing variables and attributes.

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Cell;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol, types};

use crate::frame::Frame;

fn name_at(frame: &Frame, arg: u32) -> Value {
    frame.code().names[arg as usize].clone()
}

fn dict(obj: &pyrite_object::ObjRef) -> PyResult<&PyDict> {
    obj.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("namespace is not a dict"))
}

/// The namespace as a dict when it is exactly a dict (a subclass's `__getitem__` and
/// `__setitem__` must run, as CPython's `PyDict_CheckExact`).
fn exact_dict(obj: &pyrite_object::ObjRef) -> Option<&PyDict> {
    if obj.type_ref().is_same(&types().dict) { obj.downcast::<PyDict>() } else { None }
}

fn name_error(name: &Value) -> PyErr {
    let text = name.as_str().map_or("?", |s| s.as_str());
    PyErr::name_error(format!("name '{text}' is not defined"))
}

pub(super) fn load_fast(frame: &mut Frame, arg: u32) -> PyResult<()> {
    match frame.slots_mut()[arg as usize].clone() {
        Some(value) => {
            frame.push(value);
            Ok(())
        }
        None => Err(unbound_local(frame, arg)),
    }
}

pub(super) fn unbound_local(frame: &Frame, arg: u32) -> PyErr {
    let name = &frame.code().bytecode.varnames[arg as usize];
    PyErr::new(
        &types().unbound_local_error,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

pub(super) fn delete_fast(frame: &mut Frame, arg: u32) -> PyResult<()> {
    match frame.slots_mut()[arg as usize].take() {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(unbound_local(frame, arg)),
    }
}

fn lookup_global(frame: &Frame, name: &Value) -> Option<Value> {
    let key = name.as_str()?;
    dict(&frame.globals).ok()?.get_str(key).or_else(|| dict(&frame.builtins).ok()?.get_str(key))
}

pub(super) fn load_name(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    if let Some(locals) = frame.locals.clone() {
        let found = match exact_dict(&locals) {
            Some(d) => d.get_item(ctx, &name)?,
            None => match protocol::getitem(ctx, &Value::Obj(locals.clone()), &name) {
                Ok(v) => Some(v),
                Err(e) if e.matches(&types().key_error) => None,
                Err(e) => return Err(e),
            },
        };
        if let Some(value) = found {
            frame.push(value);
            return Ok(());
        }
    }
    let value = lookup_global(frame, &name).ok_or_else(|| name_error(&name))?;
    frame.push(value);
    Ok(())
}

pub(super) fn store_name(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    let value = frame.pop();
    let locals = frame.locals.clone().ok_or_else(|| PyErr::new_system("no locals found when storing a name"))?;
    match exact_dict(&locals) {
        Some(d) => d.set_item(ctx, name, value),
        None => protocol::setitem(ctx, &Value::Obj(locals.clone()), &name, Some(value)),
    }
}

pub(super) fn delete_name(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    let locals = frame.locals.clone().ok_or_else(|| PyErr::new_system("no locals when deleting a name"))?;
    let removed = match exact_dict(&locals) {
        Some(d) => d.remove(ctx, &name)?.is_some(),
        None => protocol::setitem(ctx, &Value::Obj(locals.clone()), &name, None).is_ok(),
    };
    if removed { Ok(()) } else { Err(name_error(&name)) }
}

pub(super) fn load_global(_: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg >> 1);
    let value = lookup_global(frame, &name).ok_or_else(|| name_error(&name))?;
    if arg & 1 == 1 {
        frame.push_null();
    }
    frame.push(value);
    Ok(())
}

pub(super) fn store_global(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    let value = frame.pop();
    let globals = frame.globals.clone();
    dict(&globals)?.set_item(ctx, name, value)
}

pub(super) fn delete_global(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    let globals = frame.globals.clone();
    match dict(&globals)?.remove(ctx, &name)? {
        Some(_) => Ok(()),
        None => Err(name_error(&name)),
    }
}

fn cell_at(frame: &mut Frame, arg: u32) -> PyResult<pyrite_object::ObjRef> {
    let index = frame.code().bytecode.varnames.len() + arg as usize;
    match frame.slots_mut()[index].clone() {
        Some(Value::Obj(cell)) if cell.is::<Cell>() => Ok(cell),
        _ => Err(PyErr::new_system("cell variable has no cell")),
    }
}

fn deref_name(frame: &Frame, arg: u32) -> String {
    frame.code().bytecode.deref_name(arg as usize).unwrap_or("?").to_owned()
}

/// The contents of cell (or free) variable `arg`, for the register loop's `LOAD_DEREF`:
/// `None` when the slot holds no cell or the cell is empty ([`load_deref`] raises).
#[inline(always)]
pub(super) fn cell_contents(frame: &mut Frame, arg: u32) -> Option<Value> {
    let index = frame.code().bytecode.varnames.len() + arg as usize;
    match frame.local(index) {
        Some(Value::Obj(cell)) => cell.downcast::<Cell>()?.value.borrow().clone(),
        _ => None,
    }
}

/// Stores `value` in cell (or free) variable `arg` for the register loop's `STORE_DEREF`,
/// dropping the old contents; `Err(value)` when the slot holds no cell.
#[inline(always)]
pub(super) fn store_cell(frame: &mut Frame, arg: u32, value: Value) -> Result<(), Value> {
    let index = frame.code().bytecode.varnames.len() + arg as usize;
    let Some(Value::Obj(cell)) = frame.local(index) else { return Err(value) };
    let Some(cell) = cell.downcast::<Cell>() else { return Err(value) };
    let old = cell.value.replace(Some(value));
    drop(old);
    Ok(())
}

pub(super) fn load_deref(ctx: &mut Ctx, frame: &mut Frame, arg: u32, class_body: bool) -> PyResult<()> {
    if class_body && let Some(locals) = frame.locals.clone() {
        let name = Value::str(&deref_name(frame, arg));
        if let Some(value) = dict(&locals)?.get_item(ctx, &name)? {
            frame.push(value);
            return Ok(());
        }
    }
    let cell = cell_at(frame, arg)?;
    let value = cell.downcast::<Cell>().and_then(|c| c.value.borrow().clone());
    match value {
        Some(v) => {
            frame.push(v);
            Ok(())
        }
        None => {
            let name = deref_name(frame, arg);
            let is_free = arg as usize >= frame.code().bytecode.cellvars.len();
            Err(if is_free {
                PyErr::name_error(format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ))
            } else {
                PyErr::new(
                    &types().unbound_local_error,
                    format!("cannot access local variable '{name}' where it is not associated with a value"),
                )
            })
        }
    }
}

pub(super) fn store_deref(frame: &mut Frame, arg: u32, store: bool) -> PyResult<()> {
    let cell = cell_at(frame, arg)?;
    let new_value = if store { Some(frame.pop()) } else { None };
    let Some(c) = cell.downcast::<Cell>() else { return Err(PyErr::new_system("not a cell")) };
    let old = c.value.replace(new_value);
    if !store && old.is_none() {
        let name = deref_name(frame, arg);
        return Err(PyErr::name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        )));
    }
    drop(old);
    Ok(())
}

pub(super) fn load_closure(frame: &mut Frame, arg: u32) {
    let index = frame.code().bytecode.varnames.len() + arg as usize;
    let cell = frame.slots_mut()[index].clone().unwrap_or(Value::None);
    frame.push(cell);
}

pub(super) fn make_cell(frame: &mut Frame, arg: u32) {
    let (index, from_arg) = {
        let b = &frame.code().bytecode;
        (b.varnames.len() + arg as usize, b.cell2arg.get(arg as usize).copied().flatten())
    };
    let initial = from_arg.and_then(|a| frame.slots_mut()[a as usize].clone());
    frame.slots_mut()[index] = Some(Value::Obj(Cell::new_obj(initial)));
}

/// `COPY_FREE_VARS n` for the register loop, when the frame's function has a closure of
/// at least `n` cells: they are copied into the free-variable slots (empty in a fresh
/// frame) without holding the closure tuple, as copying only counts references. `false`
/// (nothing changed) otherwise; [`copy_free_vars`] then raises.
#[inline(always)]
pub(super) fn copy_free_vars_fast(frame: &mut Frame, arg: u32) -> bool {
    let n = arg as usize;
    let Some(start) = frame.stack_base.checked_sub(n) else { return false };
    let slots = frame.slots.as_ptr();
    let Some(func) = frame.func.as_ref().and_then(|f| f.downcast::<pyrite_object::types::function::Function>()) else {
        return false;
    };
    let closure = func.closure.borrow();
    let Some(cells) = closure.downcast::<PyTuple>().and_then(|t| t.items().get(..n)) else { return false };
    for (k, cell) in cells.iter().enumerate() {
        // SAFETY: `start + k < stack_base <= nslots`: a free-variable slot of this frame.
        let old = unsafe { std::ptr::replace(slots.add(start + k), Some(cell.clone())) };
        drop(old);
    }
    true
}

pub(super) fn copy_free_vars(frame: &mut Frame, arg: u32) -> PyResult<()> {
    let n = arg as usize;
    let start = frame.stack_base - n;
    // The closure tuple is held (not the function) while its cells are copied.
    let closure = match frame.func.as_ref().and_then(|f| f.downcast::<pyrite_object::types::function::Function>()) {
        Some(function) => function.closure.borrow().clone(),
        None => return Err(PyErr::new_system("free variables without a function")),
    };
    let cells = closure.downcast::<PyTuple>().map_or(&[][..], PyTuple::items);
    let Some(cells) = cells.get(..n) else {
        return Err(PyErr::new_system("closure is smaller than the code's free variables"));
    };
    for (slot, cell) in frame.slots_mut()[start..start + n].iter_mut().zip(cells) {
        *slot = Some(cell.clone());
    }
    Ok(())
}

pub(super) fn load_attr(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg >> 1);
    let owner = frame.pop();
    if arg & 1 == 1 {
        let (callable, this) = protocol::get_method(ctx, &owner, &name)?;
        match this {
            Some(this) => {
                frame.push(callable);
                frame.push(this);
            }
            None => {
                frame.push_null();
                frame.push(callable);
            }
        }
    } else {
        let value = protocol::getattr(ctx, &owner, &name)?;
        frame.push(value);
    }
    Ok(())
}

pub(super) fn store_attr(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    let owner = frame.pop();
    let value = frame.pop();
    protocol::setattr(ctx, &owner, &name, Some(value))
}

pub(super) fn delete_attr(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let name = name_at(frame, arg);
    let owner = frame.pop();
    protocol::setattr(ctx, &owner, &name, None)
}

pub(super) fn load_build_class(_: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let builtins = frame.builtins.clone();
    let build = dict(&builtins)?
        .get_str(&pyrite_object::types::str::PyStr::from_str("__build_class__"))
        .ok_or_else(|| PyErr::name_error("__build_class__ not found"))?;
    frame.push(build);
    Ok(())
}

/// `SETUP_ANNOTATIONS`: a module or class body with annotations gets an
/// `__annotations__` dict in its namespace unless it already has one.
pub(super) fn setup_annotations(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let Some(locals) = frame.locals.clone() else {
        return Err(PyErr::new_system("no locals found when setting up annotations"));
    };
    let key = Value::str("__annotations__");
    if let Some(d) = locals.downcast::<PyDict>() {
        if d.get_item(ctx, &key)?.is_none() {
            d.set_item(ctx, key, Value::Obj(PyDict::new_obj()))?;
        }
        return Ok(());
    }
    let mapping = Value::Obj(locals);
    match protocol::getitem(ctx, &mapping, &key) {
        Ok(_) => Ok(()),
        Err(e) if e.matches(&types().key_error) => {
            protocol::setitem(ctx, &mapping, &key, Some(Value::Obj(PyDict::new_obj())))
        }
        Err(e) => Err(e),
    }
}
