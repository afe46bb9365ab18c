//! `sys.settrace` and `sys.setprofile`: the traced loop and its events, with CPython 3.11's
//! semantics (`DO_TRACING`, `maybe_call_line_trace`, `call_trace` and the `sys` module's
//! trampolines).
//!
//! The register loop checks one word per instruction ([`slow_path`]): nonzero when
//! finalizers are queued, a collection is due, or a trace or profile function is set. While one is set, the eval
//! loop runs the innermost frame here ([`run`]), one instruction at a time through the
//! general path, emitting 'call' at `RESUME` (a call, or a generator's resumption), 'line'
//! and 'opcode' before instructions, 'return' at returns and yields, and 'c_call',
//! 'c_return', 'c_exception' around calls of native functions; unwinding (`unwind.rs`) emits
//! 'exception' and the 'return' of a frame an exception leaves. While a trace or profile
//! function runs, tracing is off (CPython's `tstate->tracing`), so the hooks themselves run
//! untraced in the register loop.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use pyrite_bytecode::Opcode;
use pyrite_memory::{GilCell, breaker};
use pyrite_object::types::exception::PyException;
use pyrite_object::types::frame::FrameObject;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use super::fast::Exit;
use super::{Flow, op, specialize};
use crate::frame::Frame;
use crate::state::vm;

/// Bit of the eval breaker (`pyrite_memory::breaker`): finalizers or weak-reference
/// callbacks are queued.
const FINALIZERS: u32 = 1;
/// Bit of the eval breaker: a trace or profile function is set and none is running.
const TRACING: u32 = 2;
const _: () = assert!((FINALIZERS | TRACING) & !breaker::VM_BITS == 0);

/// Whether the next instruction boundary needs the slow path ([`at_boundary`]): the eval
/// breaker's word is nonzero (see the bits above, and the collector's).
#[inline(always)]
pub(crate) fn slow_path() -> bool {
    breaker::word() != 0
}

/// Whether frames run in the traced loop now.
#[inline]
pub(crate) fn tracing() -> bool {
    breaker::word() & TRACING != 0
}

fn set_bit(bit: u32, on: bool) {
    breaker::set(bit, on);
}

/// Records whether finalizers are queued (kept by `gcmodule` with its queue).
pub(crate) fn set_finalizers_pending(pending: bool) {
    set_bit(FINALIZERS, pending);
}

/// The register loop's slow path at an instruction boundary, with `frame.ip` at the next
/// instruction: `true` when the frame must leave the register loop for the traced loop
/// (its `lasti` still names the instruction before, which line events compare with);
/// otherwise runs the queued finalizers.
#[cold]
#[inline(never)]
pub(super) fn at_boundary(ctx: &mut Ctx, frame: &mut Frame, ip: usize, sp: usize) -> bool {
    // The pointers are written here, out of line: written in the register loop, the pair
    // of stores was merged into one vector store, which kept both pointers in a vector
    // register across the whole loop (three more instructions at every dispatch).
    frame.ip = ip;
    frame.sp = sp;
    if tracing() {
        return true;
    }
    frame.lasti = frame.ip;
    if breaker::word() & breaker::COLLECTION_DUE != 0 {
        crate::gcmodule::maybe_collect(ctx);
    }
    crate::gcmodule::run_pending(ctx);
    false
}

/// The trace and profile functions (one thread runs Python code, so they are global).
struct Hooks {
    trace: Option<Value>,
    profile: Option<Value>,
    /// How many trace or profile calls are running (CPython's `tstate->tracing`).
    depth: u32,
    /// The line of each code unit, by code object, decoded once while tracing.
    lines: Option<HashMap<usize, LineTable>>,
    /// The table used last, by code address (it is also in `lines`, which keeps the code).
    last_lines: Option<(usize, Rc<[i32]>)>,
}

/// A code object (kept alive while its table is cached) and the line of each code unit
/// (-1 for none).
type LineTable = (ObjRef, Rc<[i32]>);

static HOOKS: GilCell<Hooks> =
    GilCell::new(Hooks { trace: None, profile: None, depth: 0, lines: None, last_lines: None });

fn hooks<R>(f: impl FnOnce(&mut Hooks) -> R) -> R {
    // SAFETY: only the GIL holder runs Python code; the closures below neither re-enter
    // nor drop references (what they replace is returned and dropped outside).
    unsafe { HOOKS.with(f) }
}

/// Recomputes the tracing bit after the hooks or their nesting changed.
fn refresh() {
    let on = hooks(|h| h.depth == 0 && (h.trace.is_some() || h.profile.is_some()));
    set_bit(TRACING, on);
}

/// `sys.settrace(function)`.
pub(crate) fn sys_settrace(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = pyrite_object::methods::check_args("sys.settrace", args, 1, 1)?;
    let new = Some(values[0].clone()).filter(|v| !v.is_none());
    set_hook(true, new);
    Ok(Value::None)
}

/// `sys.setprofile(function)`.
pub(crate) fn sys_setprofile(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = pyrite_object::methods::check_args("sys.setprofile", args, 1, 1)?;
    let new = Some(values[0].clone()).filter(|v| !v.is_none());
    set_hook(false, new);
    Ok(Value::None)
}

/// `sys.gettrace()`.
pub(crate) fn sys_gettrace(_: &mut Ctx, args: Args<'_>) -> PyResult {
    pyrite_object::methods::check_args("sys.gettrace", args, 0, 0)?;
    Ok(hooks(|h| h.trace.clone()).unwrap_or(Value::None))
}

/// `sys.getprofile()`.
pub(crate) fn sys_getprofile(_: &mut Ctx, args: Args<'_>) -> PyResult {
    pyrite_object::methods::check_args("sys.getprofile", args, 0, 0)?;
    Ok(hooks(|h| h.profile.clone()).unwrap_or(Value::None))
}

fn set_hook(trace: bool, new: Option<Value>) {
    let (old, lines) = hooks(|h| {
        let old = if trace { std::mem::replace(&mut h.trace, new) } else { std::mem::replace(&mut h.profile, new) };
        let idle = h.trace.is_none() && h.profile.is_none();
        if idle {
            h.last_lines = None;
        }
        (old, if idle { h.lines.take() } else { None })
    });
    refresh();
    drop((old, lines));
}

/// An event, named as the hooks receive it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Event {
    Call,
    Exception,
    Line,
    Return,
    CCall,
    CException,
    CReturn,
    Opcode,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Exception => "exception",
            Event::Line => "line",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CException => "c_exception",
            Event::CReturn => "c_return",
            Event::Opcode => "opcode",
        }
    }

    /// Whether the trace function (`sys.settrace`) receives it.
    fn traced(self) -> bool {
        !matches!(self, Event::CCall | Event::CException | Event::CReturn)
    }

    /// Whether the profile function (`sys.setprofile`) receives it.
    fn profiled(self) -> bool {
        matches!(self, Event::Call | Event::Return | Event::CCall | Event::CException | Event::CReturn)
    }
}

/// The local trace function (`f_trace`) of the innermost frame, if it has one.
fn local_trace(frames: &[Frame]) -> Option<Value> {
    let obj = frames.last()?.frame_obj.as_ref()?;
    obj.downcast::<FrameObject>()?.trace.borrow().clone()
}

/// Calls `hook(frame, event, arg)` with tracing off, as CPython's `call_trace` does.
fn call_hook(ctx: &mut Ctx, frame: &ObjRef, hook: &Value, event: Event, arg: Value) -> PyResult {
    use pyrite_object::types::frame::{TRACED_FRAME, TRACING_CALL, TRACING_LINE, TRACING_OTHER, TRACING_WHAT};
    let what = match event {
        Event::Call => TRACING_CALL,
        Event::Line => TRACING_LINE,
        _ => TRACING_OTHER,
    };
    let previous = TRACING_WHAT.swap(what, Ordering::Relaxed);
    // `innermost` set the object's `lasti`, and the frame does not run during the call.
    let previous_frame = TRACED_FRAME.swap(frame.addr(), Ordering::Relaxed);
    hooks(|h| h.depth += 1);
    refresh();
    let result = protocol::call_positional(ctx, hook, &[Value::Obj(frame.clone()), Value::str(event.name()), arg]);
    hooks(|h| h.depth -= 1);
    refresh();
    TRACING_WHAT.store(previous, Ordering::Relaxed);
    TRACED_FRAME.store(previous_frame, Ordering::Relaxed);
    result
}

/// Sends `event` about the innermost frame of `frames` to the trace function (through the
/// frame's local trace function, except for 'call') and the profile function, as CPython's
/// `trace_trampoline` and `profile_trampoline`. A hook that raises is unset, and its
/// error is returned.
fn emit(ctx: &mut Ctx, frames: &mut Vec<Frame>, event: Event, arg: &Value) -> PyResult<()> {
    let (trace, profile) = hooks(|h| if h.depth > 0 { (None, None) } else { (h.trace.clone(), h.profile.clone()) });
    if trace.is_none() && profile.is_none() {
        return Ok(());
    }
    // The hooks find the frame among the running ones (its `f_back`, and refreshing its
    // line and locals when they read them); a generator's frame that `throw()` is about to
    // unwind is not registered yet.
    let list = std::ptr::NonNull::from(&mut *frames);
    let registered = vm(ctx).loops.last() == Some(&list);
    if !registered {
        vm(ctx).loops.push(list);
    }
    let result = emit_to(ctx, frames, event, arg, trace, profile);
    if !registered {
        vm(ctx).loops.pop();
    }
    result
}

/// [`emit`] once the frames are registered, with the hooks to call.
fn emit_to(
    ctx: &mut Ctx,
    frames: &mut [Frame],
    event: Event,
    arg: &Value,
    trace: Option<Value>,
    profile: Option<Value>,
) -> PyResult<()> {
    if event.traced()
        && let Some(global) = trace
    {
        let callback = if event == Event::Call { Some(global) } else { local_trace(frames) };
        if let Some(callback) = callback
            && let Some(frame) = crate::frameobject::innermost(ctx)
        {
            let version = locals_version(&frame);
            let result = call_hook(ctx, &frame, &callback, event, arg.clone());
            locals_to_fast(frames, &frame, version);
            let f = frame.downcast::<FrameObject>();
            match result {
                Ok(Value::None) => {}
                Ok(local) => {
                    if let Some(f) = f {
                        drop(f.trace.replace(Some(local)));
                    }
                }
                Err(e) => {
                    set_hook(true, None);
                    if let Some(f) = f {
                        drop(f.trace.replace(None));
                    }
                    return Err(e);
                }
            }
        }
    }
    if event.profiled()
        && let Some(profile) = profile
        && let Some(frame) = crate::frameobject::innermost(ctx)
    {
        let version = locals_version(&frame);
        let result = call_hook(ctx, &frame, &profile, event, arg.clone());
        locals_to_fast(frames, &frame, version);
        if let Err(e) = result {
            set_hook(false, None);
            return Err(e);
        }
    }
    Ok(())
}

/// The version of the frame object's `f_locals` dict, if it has one (a hook that neither
/// read nor changed it leaves it as it was).
fn locals_version(frame_obj: &ObjRef) -> Option<u64> {
    let f = frame_obj.downcast::<FrameObject>()?;
    let dict = f.locals.borrow().clone()?;
    dict.downcast::<pyrite_object::types::dict::PyDict>().map(pyrite_object::types::dict::PyDict::version)
}

/// Copies the frame object's `f_locals` back into the variables of the innermost (function)
/// frame after a hook ran, as CPython's `PyFrame_LocalsToFast(frame, 1)` does, so that a
/// debugger can assign them. A name the hook removed from the dict stays bound.
fn locals_to_fast(frames: &mut [Frame], frame_obj: &ObjRef, before: Option<u64>) {
    use pyrite_object::types::dict::PyDict;
    use pyrite_object::types::function::{Cell, Code};
    use pyrite_object::types::str::PyStr;
    let Some(frame) = frames.last_mut() else { return };
    if frame.locals.is_some() || locals_version(frame_obj) == before {
        return;
    }
    let Some(f) = frame_obj.downcast::<FrameObject>() else { return };
    let Some(dict) = f.locals.borrow().clone() else { return };
    let Some(d) = dict.downcast::<PyDict>() else { return };
    let code_obj = frame.code.clone();
    let Some(code) = code_obj.downcast::<Code>() else { return };
    let b = &code.bytecode;
    let nlocals = b.varnames.len();
    // (slot, name, whether the slot holds a cell)
    let mut variables: Vec<(usize, &str, bool)> = Vec::new();
    for (i, name) in b.varnames.iter().enumerate() {
        match b.cellvars.iter().position(|c| c == name) {
            Some(cell) => variables.push((nlocals + cell, name, true)),
            None => variables.push((i, name, false)),
        }
    }
    for (i, name) in b.cellvars.iter().chain(b.freevars.iter()).enumerate() {
        if !b.varnames.contains(name) {
            variables.push((nlocals + i, name, true));
        }
    }
    let same = |a: &Option<Value>, b: &Option<Value>| match (a, b) {
        (Some(a), Some(b)) => a.is(b),
        (None, None) => true,
        _ => false,
    };
    for (index, name, is_cell) in variables {
        let Some(value) = d.get_str(&PyStr::from_str(name)) else { continue };
        let value = Some(value);
        let slot = &mut frame.slots_mut()[index];
        if is_cell {
            // A cell variable whose MAKE_CELL has not run yet holds no cell: left alone.
            let Some(cell) = slot.as_ref().and_then(|c| c.downcast::<Cell>()) else { continue };
            let old = cell.value.borrow().clone();
            if !same(&old, &value) {
                drop(cell.value.replace(value));
            }
        } else if !same(slot, &value) {
            drop(std::mem::replace(slot, value));
        }
    }
}

/// The line of code unit `index` of `frame`'s code (-1 for none), from a table decoded once
/// per code object while tracing.
fn line_at(frame: &Frame, index: usize) -> i32 {
    let key = std::ptr::from_ref(frame.code()) as usize;
    let table = hooks(|h| match &h.last_lines {
        Some((last, table)) if *last == key => Some(table.clone()),
        _ => {
            let found = h.lines.as_ref().and_then(|m| m.get(&key)).map(|(_, t)| t.clone());
            if let Some(table) = &found {
                // Replacing an `Rc` of numbers drops no object.
                h.last_lines = Some((key, table.clone()));
            }
            found
        }
    });
    let table = table.unwrap_or_else(|| {
        let table: Rc<[i32]> = frame
            .code()
            .bytecode
            .locations()
            .iter()
            .map(|l| l.line.and_then(|n| i32::try_from(n).ok()).unwrap_or(-1))
            .collect();
        let code = frame.code.clone();
        let stored = table.clone();
        let replaced = hooks(|h| h.lines.get_or_insert_with(HashMap::new).insert(key, (code, stored)));
        drop(replaced);
        table
    });
    table.get(index).copied().unwrap_or(-1)
}

/// The first instruction CPython traces: the first `RESUME` (what comes before it sets up
/// cells and generators).
fn first_traceable(frame: &Frame) -> usize {
    // The instructions before the first RESUME have no caches, so a RESUME byte found
    // scanning from the start is that instruction.
    frame.code().units.iter().position(|u| u.get().op == op::RESUME).unwrap_or(0)
}

/// The events before the instruction at `start` runs: 'call' at a `RESUME`, 'line' at the
/// first instruction of a line or a jump backward (except to a `SEND`, CPython's `yield
/// from` loop), and 'opcode' when the frame asks for them. `prev` is the instruction run
/// before in this frame.
fn before(ctx: &mut Ctx, frames: &mut Vec<Frame>, byte: u8, start: usize, prev: usize) -> PyResult<()> {
    let Some(frame) = frames.last() else { return Ok(()) };
    let first = first_traceable(frame);
    if start < first {
        return Ok(());
    }
    if byte == op::RESUME {
        return emit(ctx, frames, Event::Call, &Value::None);
    }
    // Line and opcode events go to the frame's own trace function only.
    let Some(obj) = frame.frame_obj.clone() else { return Ok(()) };
    let Some(f) = obj.downcast::<FrameObject>() else { return Ok(()) };
    if f.trace.borrow().is_none() || hooks(|h| h.trace.is_none()) {
        return Ok(());
    }
    let line = line_at(frame, start);
    let last_line = if prev <= first { -1 } else { line_at(frame, prev) };
    if line != -1 && f.trace_lines.get() && (line != last_line || (start < prev && byte != op::SEND)) {
        emit(ctx, frames, Event::Line, &Value::None)?;
    }
    if f.trace_opcodes.get() {
        emit(ctx, frames, Event::Opcode, &Value::None)?;
    }
    Ok(())
}

/// The native function a `CALL argc` (or `CALL_FUNCTION_EX`) about to run calls, as the
/// profile function sees it: CPython's `trace_call_function` reports builtin functions and
/// methods, and method descriptors called with their `self` (bound for the report).
fn native_callee(frame: &Frame, byte: u8, arg: u32) -> Option<Value> {
    if byte == Opcode::CALL_FUNCTION_EX as u8 {
        let Some(Value::Obj(callable)) = frame.peek_ref(2 + (arg as usize & 1)) else { return None };
        let f = callable.downcast::<BuiltinFunction>()?;
        return f.owner_type.is_none().then(|| Value::Obj(callable.clone()));
    }
    let argc = arg as usize;
    let (callable, first_arg) = match (frame.peek_ref(argc + 2), frame.peek_ref(argc + 1)) {
        (Some(method), Some(this)) => (method, Some(this)),
        (None, Some(callable)) => (callable, if argc > 0 { frame.peek_ref(argc).as_ref() } else { None }),
        _ => return None,
    };
    let Value::Obj(obj) = callable else { return None };
    let f = obj.downcast::<BuiltinFunction>()?;
    if f.owner_type.is_none() {
        return Some(callable.clone());
    }
    first_arg.map(|this| Value::Obj(f.bind(this.clone())))
}

/// Runs one instruction (`frame.ip` just past its code unit), as the register loop would
/// through `eval::general`, sending its specialized forms to their handlers.
fn execute(ctx: &mut Ctx, frame: &mut Frame, byte: u8, arg: u32, kwnames: &mut Option<Value>) -> PyResult<Flow> {
    macro_rules! handler {
        ($opcode:ident, $call:expr) => {{
            frame.ip += const { Opcode::$opcode.cache_units() };
            $call.map(|()| Flow::Next)
        }};
    }
    match byte {
        op::LOAD_ATTR_WITH_HINT => handler!(LOAD_ATTR_WITH_HINT, specialize::load_attr_with_hint(ctx, frame, arg)),
        op::LOAD_ATTR_METHOD => handler!(LOAD_ATTR_METHOD, specialize::load_attr_method(ctx, frame, arg)),
        op::LOAD_ATTR_CLASS => handler!(LOAD_ATTR_CLASS, specialize::load_attr_class(ctx, frame, arg)),
        op::LOAD_ATTR_MODULE => handler!(LOAD_ATTR_MODULE, specialize::load_attr_module(ctx, frame, arg)),
        op::STORE_ATTR_INSTANCE_VALUE => {
            handler!(STORE_ATTR_INSTANCE_VALUE, specialize::store_attr_instance_value(ctx, frame, arg))
        }
        op::STORE_ATTR_WITH_HINT => handler!(STORE_ATTR_WITH_HINT, specialize::store_attr_with_hint(ctx, frame, arg)),
        _ => super::general(ctx, frame, byte, arg, kwnames),
    }
}

/// Runs a `FOR_ITER` or `SEND`, and says when the iterator it advanced ended by raising
/// StopIteration (with the value it carries) where CPython, tracing, would see one: a
/// generator that returned a value other than None, `send()` (a value other than None
/// sent, or a coroutine), or an iterator written in Python.
fn iterate(
    ctx: &mut Ctx,
    frame: &mut Frame,
    byte: u8,
    arg: u32,
    kwnames: &mut Option<Value>,
) -> (PyResult<Flow>, Option<Value>) {
    use pyrite_object::types::typeobj::{TYPE_HEAPTYPE, type_payload};
    let types = pyrite_object::types();
    let depth = if byte == op::SEND { 2 } else { 1 };
    let Some(receiver) = frame.peek_ref(depth).clone() else { return (execute(ctx, frame, byte, arg, kwnames), None) };
    let sent_value = byte == op::SEND && !frame.peek_ref(1).as_ref().is_none_or(Value::is_none);
    let python_iterator = type_payload(receiver.type_ref()).flags.get() & TYPE_HEAPTYPE != 0;
    let generator = receiver.type_ref().is_same(&types.generator);
    if byte == op::FOR_ITER && generator {
        // As `data::for_iter` resumes it, keeping what it returns.
        frame.ip += const { Opcode::FOR_ITER.cache_units() };
        return match crate::generator::resume(ctx, &receiver, Value::None, None) {
            Ok(super::Suspension::Yielded(value)) => {
                frame.push(value);
                (Ok(Flow::Next), None)
            }
            Ok(super::Suspension::Returned(returned)) => {
                drop(frame.pop_slot());
                frame.ip += arg as usize;
                (Ok(Flow::Next), (!returned.is_none()).then_some(returned))
            }
            Err(e) => (Err(e), None),
        };
    }
    let sp = frame.sp;
    let result = execute(ctx, frame, byte, arg, kwnames);
    let ended = result.is_ok() && frame.sp < sp;
    if !ended {
        return (result, None);
    }
    let returned = if byte == op::SEND { frame.peek_ref(1).clone().unwrap_or(Value::None) } else { Value::None };
    let coroutine = receiver.type_ref().is_same(&types.coroutine);
    let raised = python_iterator || sent_value || coroutine || !returned.is_none();
    (result, raised.then_some(returned))
}

/// Runs the innermost frame of `frames` one instruction at a time with events, until an
/// instruction changes frames or raises (as [`super::fast::run`] returns), or tracing
/// stops (`Flow::Next`, with the next instruction not yet run).
pub(super) fn run(ctx: &mut Ctx, frames: &mut Vec<Frame>, kwnames: &mut Option<Value>) -> Exit {
    loop {
        if !tracing() {
            return Exit::Flow(Flow::Next);
        }
        if crate::gcmodule::finalizers_pending() {
            crate::gcmodule::run_pending(ctx);
            continue;
        }
        let Some(frame) = frames.last_mut() else { return Exit::PastEnd };
        let units = &frame.code().units;
        let Some((start, byte, arg)) = super::decode_at(units, frame.ip) else { return Exit::PastEnd };
        let prev = frame.lasti;
        frame.lasti = start;
        frame.ip = start + 1;
        if let Err(e) = before(ctx, frames, byte, start, prev) {
            return Exit::Error(e);
        }
        let Some(frame) = frames.last_mut() else { return Exit::PastEnd };
        let profiling = hooks(|h| h.depth == 0 && h.profile.is_some());
        let callee = if profiling && (byte == op::CALL || byte == Opcode::CALL_FUNCTION_EX as u8) {
            native_callee(frame, byte, arg)
        } else {
            None
        };
        if let Some(callee) = &callee
            && let Err(e) = emit(ctx, frames, Event::CCall, callee)
        {
            return Exit::Error(e);
        }
        let Some(frame) = frames.last_mut() else { return Exit::PastEnd };
        let (result, stopped) = if byte == op::FOR_ITER || byte == op::SEND {
            iterate(ctx, frame, byte, arg, kwnames)
        } else {
            (execute(ctx, frame, byte, arg, kwnames), None)
        };
        if let Some(returned) = stopped {
            // CPython's FOR_ITER and SEND report the StopIteration they see while tracing.
            let err = exception(ctx, frames, PyErr::stop_iteration(Some(returned).filter(|v| !v.is_none())));
            if !err.matches(&pyrite_object::types().stop_iteration) {
                return Exit::Error(err);
            }
        }
        if let Some(callee) = callee {
            let event = if result.is_ok() { Event::CReturn } else { Event::CException };
            if let Err(e) = emit(ctx, frames, event, &callee) {
                return Exit::Error(e);
            }
        }
        match result {
            Ok(Flow::Next) => {}
            Ok(Flow::Return(value)) => {
                if let Err(e) = emit(ctx, frames, Event::Return, &value) {
                    return Exit::Error(super::unwind::leave_with_error(ctx, frames, e));
                }
                return Exit::Flow(Flow::Return(value));
            }
            Ok(Flow::Yield(value)) => {
                if let Err(e) = emit(ctx, frames, Event::Return, &value) {
                    return Exit::Error(super::unwind::leave_with_error(ctx, frames, e));
                }
                let Some(frame) = frames.last_mut() else { return Exit::PastEnd };
                if frame.inline_generator.is_none() {
                    return Exit::Flow(Flow::Yield(value));
                }
                // A generator running in its caller's loop: the frame goes back to the
                // generator and the value to the caller, as in the register loop.
                let (ip, sp, lasti) = (frame.ip, frame.sp, frame.lasti);
                ctx.leave_call();
                crate::generator::park_top(ctx, frames, ip, sp, lasti);
                match frames.last_mut() {
                    Some(caller) => caller.push(value),
                    // Resumed from native code (`eval::resume_inline`).
                    None => return Exit::Flow(Flow::Yield(value)),
                }
            }
            Ok(flow) => return Exit::Flow(flow),
            Err(e) => return Exit::Error(e),
        }
    }
}

/// 'exception' for `err`, which the innermost frame's instruction raised (or a frame it
/// called let through): the trace function gets `(type, value, traceback)`. An error the
/// trace function raises replaces `err`.
pub(super) fn exception(ctx: &mut Ctx, frames: &mut Vec<Frame>, err: PyErr) -> PyErr {
    if local_trace(frames).is_none() || hooks(|h| h.trace.is_none() || h.depth > 0) {
        return err;
    }
    let value = err.value().clone();
    let traceback = value.downcast::<PyException>().and_then(|e| e.traceback.borrow().clone());
    let arg = Value::Obj(PyTuple::new_obj(vec![
        Value::Obj(value.type_ref().clone()),
        Value::Obj(value.clone()),
        traceback.map_or(Value::None, Value::Obj),
    ]));
    match emit(ctx, frames, Event::Exception, &arg) {
        Ok(()) => err,
        Err(new) => new,
    }
}

/// 'return' (with None) for the innermost frame, which an exception is leaving. What the
/// hooks raise is ignored, as CPython does while unwinding.
pub(super) fn unwind_return(ctx: &mut Ctx, frames: &mut Vec<Frame>) {
    drop(emit(ctx, frames, Event::Return, &Value::None));
}

/// 'call' for a generator's frame that `throw()` resumes (CPython's
/// `TRACE_FUNCTION_THROW_ENTRY`); an error the hook raises replaces the thrown one.
pub(super) fn throw_entry(ctx: &mut Ctx, frames: &mut Vec<Frame>, err: PyErr) -> PyErr {
    match emit(ctx, frames, Event::Call, &Value::None) {
        Ok(()) => err,
        Err(new) => new,
    }
}
