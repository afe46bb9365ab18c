//! Raising and unwinding: tracebacks, exception context, and the exception table.

use pyrite_bytecode::Opcode;
use pyrite_object::types::exception::{PyException, Traceback};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{TypeObject, is_subtype};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::drop_frame;
use crate::frame::Frame;

/// Whether the instruction that failed in the innermost frame is `RERAISE` (whose
/// exception already carries this frame's traceback entry).
pub(super) fn is_reraise(frames: &[Frame]) -> bool {
    frames.last().is_some_and(|f| f.code().bytecode.code.get(f.lasti).is_some_and(|u| u.op == Opcode::RERAISE as u8))
}

/// Whether the error comes from a bare `raise` re-raising the handled exception: like
/// `RERAISE`, CPython adds no traceback entry and sets no context for it.
fn is_bare_raise(ctx: &Ctx, frames: &[Frame], err: &PyErr) -> bool {
    let at_raise = frames.last().is_some_and(|f| {
        f.code().bytecode.code.get(f.lasti).is_some_and(|u| u.op == Opcode::RAISE_VARARGS as u8 && u.arg == 0)
    });
    at_raise && ctx.exc_info.as_ref().is_some_and(|handled| handled.is_same(err.value()))
}

pub(super) fn add_traceback(err: &PyErr, frame: &Frame) {
    let Some(exc) = err.value().downcast::<PyException>() else { return };
    let previous = exc.traceback.borrow().clone();
    let lasti = u32::try_from(frame.lasti).unwrap_or(u32::MAX);
    let entry = Traceback::new_obj(frame.code.clone(), frame.globals.clone(), lasti, previous);
    drop(exc.traceback.replace(Some(entry)));
}

fn set_context(ctx: &Ctx, err: &PyErr) {
    let Some(handled) = ctx.exc_info.as_ref() else { return };
    if handled.is_same(err.value()) {
        return;
    }
    let Some(exc) = err.value().downcast::<PyException>() else { return };
    if exc.context.borrow().is_some() {
        return;
    }
    // Break a cycle the new context would create, as CPython does.
    let mut cursor = Some(handled.clone());
    while let Some(current) = cursor {
        let Some(e) = current.downcast::<PyException>() else { break };
        let next = e.context.borrow().clone();
        if next.as_ref().is_some_and(|n| n.is_same(err.value())) {
            drop(e.context.replace(None));
            break;
        }
        cursor = next;
    }
    drop(exc.context.replace(Some(handled.clone())));
}

/// Unwinds from an error: finds a handler in the innermost frame, or pops frames until one
/// has a handler. Returns `Err` when the error leaves the loop's entry frame.
pub(super) fn unwind(ctx: &mut Ctx, frames: &mut Vec<Frame>, err: PyErr, reraise: bool) -> PyResult<()> {
    let reraise = reraise || is_bare_raise(ctx, frames, &err);
    if !reraise {
        set_context(ctx, &err);
    }
    unwind_frames(ctx, frames, err, reraise)
}

/// Unwinds from an exception thrown into a generator's frame (`gen.throw()`): as CPython's
/// `_gen_throw`, it gets a traceback entry but no `__context__` from the handled exception.
pub(super) fn unwind_thrown(ctx: &mut Ctx, frames: &mut Vec<Frame>, err: PyErr) -> PyResult<()> {
    unwind_frames(ctx, frames, err, false)
}

fn unwind_frames(ctx: &mut Ctx, frames: &mut Vec<Frame>, mut err: PyErr, reraise: bool) -> PyResult<()> {
    let mut first = true;
    loop {
        let Some(frame) = frames.last_mut() else { return Err(err) };
        if !(reraise && first) {
            add_traceback(&err, frame);
            if super::trace::tracing() {
                err = super::trace::exception(ctx, frames, err);
            }
        }
        first = false;
        let Some(frame) = frames.last_mut() else { return Err(err) };
        let lasti = u32::try_from(frame.lasti).unwrap_or(u32::MAX);
        if let Some(handler) = frame.code().handler_for(lasti) {
            let depth = frame.stack_base + handler.depth as usize;
            while frame.sp > depth {
                drop(frame.pop_slot());
            }
            if handler.lasti {
                frame.push(Value::Int(i64::from(lasti)));
            }
            frame.push(Value::Obj(err.0));
            frame.ip = handler.target as usize;
            return Ok(());
        }
        if super::trace::tracing() {
            super::trace::unwind_return(ctx, frames);
        }
        err = pop_failed(ctx, frames, err);
    }
}

/// Pops the innermost frame, which `err` leaves; a generator running inline finishes with
/// it (as its resumer sees it).
fn pop_failed(ctx: &mut Ctx, frames: &mut Vec<Frame>, mut err: PyErr) -> PyErr {
    if let Some(mut done) = frames.pop() {
        let (inline, resumer_exc) = (done.inline_generator.take(), done.resumer_exc.take());
        drop_frame(ctx, done);
        ctx.leave_call();
        if let Some(generator) = inline {
            crate::generator::leave_inline(ctx, &generator, resumer_exc);
            err = crate::generator::finished_with_error(&Value::Obj(generator), err);
        }
    }
    err
}

/// The innermost frame stops with `err` without looking for a handler in it: its 'return'
/// trace or profile event raised (CPython's `exit_unwind`). It gets its traceback entry,
/// and the caller (if any) handles the error as raised by its call.
pub(super) fn leave_with_error(ctx: &mut Ctx, frames: &mut Vec<Frame>, err: PyErr) -> PyErr {
    if let Some(frame) = frames.last() {
        add_traceback(&err, frame);
    }
    pop_failed(ctx, frames, err)
}

/// Makes an exception instance from what `raise` was given (a class or an instance).
pub(crate) fn make_exception(ctx: &mut Ctx, value: Value) -> PyErr {
    let base = &types().base_exception;
    match &value {
        Value::Obj(obj) if obj.is::<PyException>() => PyErr(obj.clone()),
        Value::Obj(obj) if obj.is::<TypeObject>() && is_subtype(obj, base) => {
            match protocol::call(ctx, &value, Args::positional(&[])) {
                Ok(Value::Obj(instance)) if instance.is::<PyException>() => PyErr(instance),
                Ok(other) => PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    protocol::qualified_type_name(obj),
                    other.type_name()
                )),
                Err(e) => e,
            }
        }
        _ => PyErr::type_error("exceptions must derive from BaseException"),
    }
}

/// `RAISE_VARARGS`.
pub(super) fn raise(ctx: &mut Ctx, frame: &mut Frame, argc: u32) -> PyErr {
    match argc {
        0 => match ctx.exc_info.clone() {
            Some(current) => PyErr(current),
            None => PyErr::runtime_error("No active exception to reraise"),
        },
        1 => {
            let value = frame.pop();
            make_exception(ctx, value)
        }
        _ => {
            let cause = frame.pop();
            let value = frame.pop();
            let err = make_exception(ctx, value);
            // A cause is an exception instance, or a class that is instantiated; anything
            // else is a TypeError (not turned into the cause).
            let base = &types().base_exception;
            let cause_obj = match &cause {
                Value::None => None,
                Value::Obj(c) if c.is::<PyException>() => Some(c.clone()),
                Value::Obj(c) if c.is::<TypeObject>() && is_subtype(c, base) => {
                    match make_exception(ctx, cause.clone()) {
                        PyErr(made) if made.is::<PyException>() => Some(made),
                        _ => return PyErr::type_error("exception causes must derive from BaseException"),
                    }
                }
                _ => return PyErr::type_error("exception causes must derive from BaseException"),
            };
            if let Some(exc) = err.value().downcast::<PyException>() {
                drop(exc.cause.replace(cause_obj));
                exc.suppress_context.set(true);
            }
            err
        }
    }
}

/// `RERAISE`: re-raises TOS. (With an argument, CPython also restores the frame's
/// `f_lasti` from the stack for its line number; the handler is still looked up at the
/// `RERAISE` itself, and no traceback entry is added, so Pyrite needs neither.)
pub(super) fn reraise(frame: &mut Frame, _arg: u32) -> PyErr {
    let exc = frame.pop();
    match exc {
        Value::Obj(obj) => PyErr(obj),
        _ => PyErr::new_system("RERAISE of a non-exception"),
    }
}

pub(super) fn check_match_type(value: &Value) -> PyResult<()> {
    let base = &types().base_exception;
    let ok = |v: &Value| v.as_obj().is_some_and(|o| o.is::<TypeObject>() && is_subtype(o, base));
    let valid = match value.downcast::<PyTuple>() {
        Some(t) => t.items().iter().all(ok),
        None => ok(value),
    };
    if valid {
        Ok(())
    } else {
        Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"))
    }
}

/// `CHECK_EXC_MATCH`: replaces the type(s) on top with whether the exception below matches.
pub(super) fn check_exc_match(_: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let target = frame.pop();
    check_match_type(&target)?;
    let exc = frame.peek(1).clone().unwrap_or(Value::None);
    let exc_type = exc.type_ref().clone();
    let matches = |t: &Value| t.as_obj().is_some_and(|o| is_subtype(&exc_type, o));
    let result = match target.downcast::<PyTuple>() {
        Some(t) => t.items().iter().any(matches),
        None => matches(&target),
    };
    frame.push(Value::Bool(result));
    Ok(())
}
