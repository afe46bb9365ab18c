//! Calls, function creation and intrinsics.

use pyrite_bytecode::{Intrinsic1, flags};
use pyrite_memory::PayloadCell;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BoundMethod, BuiltinFunction, Code, Function, NativeFn};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{TypeObject, type_payload};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use super::{Flow, new_frame, run_frame};
use crate::call::bind_arguments;
use crate::frame::{Frame, FrameKind, Namespace};
use crate::state::vm;

const CALL_FUNCTION_EX: u8 = pyrite_bytecode::Opcode::CALL_FUNCTION_EX as u8;

fn take_buffer(ctx: &mut Ctx) -> Vec<Value> {
    vm(ctx).arg_buffers.pop().unwrap_or_default()
}

fn give_buffer(ctx: &mut Ctx, mut buffer: Vec<Value>) {
    buffer.clear();
    vm(ctx).arg_buffers.push(buffer);
}

/// Prepares the frame of a call to a Python function, binding its arguments.
fn function_frame(ctx: &mut Ctx, func_obj: &ObjRef, values: &mut Vec<Value>, kwnames: &[Value]) -> PyResult<Frame> {
    let func = func_obj.downcast::<Function>().ok_or_else(|| PyErr::new_system("not a function"))?;
    let code_obj = func.code_obj();
    let code = code_obj.downcast::<Code>().ok_or_else(|| PyErr::new_system("function without code"))?;
    let builtins = vm(ctx).builtins.clone();
    let mut frame = new_frame(ctx, code_obj.clone(), Some(func_obj.clone()), func.globals.clone(), builtins, None);
    let nlocals = code.bytecode.varnames.len();
    let slots = &mut frame.slots_mut()[..nlocals];
    if kwnames.is_empty() && bind_positional(func, code, slots, values) {
        return Ok(frame);
    }
    let bound = bind_arguments(ctx, func, code, slots, values, kwnames);
    if let Err(e) = bound {
        super::drop_frame(ctx, frame);
        return Err(e);
    }
    Ok(frame)
}

/// Binds positional arguments without the general binder's allocations, when the
/// positional parameters, their defaults and a `*args` parameter take them all (no
/// keyword-only parameters, no `**kwargs`); `false`, with nothing bound, otherwise.
fn bind_positional(func: &Function, code: &Code, slots: &mut [Option<Value>], values: &mut Vec<Value>) -> bool {
    if positional_fit(func, code, values.len()).is_none() {
        return false;
    }
    let n = values.len();
    let mut args = values.drain(..);
    fill_positional(Parameters::of(code), slots, None, n, |_| args.next().unwrap_or(Value::None), func);
    true
}

/// Whether `given` positional arguments bind to `func`'s parameters without the general
/// binder: its positional parameters take them, then a `*args` parameter, and the
/// parameters left unfilled have defaults (no keyword-only parameters, no `**kwargs`).
/// `Some(true)` when defaults are needed, `Some(false)` when not.
#[inline(always)]
fn positional_fit(func: &Function, code: &Code, given: usize) -> Option<bool> {
    let b = &code.bytecode;
    let argcount = b.argcount as usize;
    if b.flags & flags::VARKEYWORDS != 0 || b.kwonlyargcount != 0 || (given > argcount && b.flags & flags::VARARGS == 0)
    {
        return None;
    }
    if given >= argcount {
        return Some(false);
    }
    // Only read when needed: most calls give every argument.
    let defaults = func.defaults.borrow();
    defaults.downcast::<PyTuple>().is_some_and(|t| t.len() >= argcount - given).then_some(true)
}

/// What [`fill_positional`] needs of a code object's parameters.
#[derive(Clone, Copy)]
struct Parameters {
    argcount: usize,
    varargs: bool,
}

impl Parameters {
    fn of(code: &Code) -> Parameters {
        let b = &code.bytecode;
        Parameters { argcount: b.argcount as usize, varargs: b.flags & flags::VARARGS != 0 }
    }
}

/// Binds `this` (when given) and then `n` arguments, the `k`th of which `arg(k)` gives, as
/// [`positional_fit`] allowed: the positional parameters take the first, a `*args`
/// parameter the rest, and those left unfilled the last of `func`'s defaults.
#[inline]
fn fill_positional(
    parameters: Parameters,
    slots: &mut [Option<Value>],
    mut this: Option<Value>,
    n: usize,
    mut arg: impl FnMut(usize) -> Value,
    func: &Function,
) {
    let argcount = parameters.argcount;
    let given = n + usize::from(this.is_some());
    let direct = given.min(argcount);
    let mut k = 0;
    for slot in &mut slots[..direct] {
        *slot = Some(match this.take() {
            Some(this) => this,
            None => {
                k += 1;
                arg(k - 1)
            }
        });
    }
    let defaults = if direct < argcount { Some(func.defaults.borrow()) } else { None };
    if let Some(defaults) = defaults.as_ref().and_then(|d| d.downcast::<PyTuple>()) {
        let items = defaults.items();
        let first_default = argcount - items.len().min(argcount);
        for (i, slot) in slots.iter_mut().enumerate().take(argcount).skip(direct) {
            *slot = Some(items[i - first_default].clone());
        }
    }
    if parameters.varargs {
        // Sized exactly: the tuple made of it keeps the allocation without shrinking it.
        let mut extra = Vec::with_capacity(given - direct);
        extra.extend(this);
        extra.extend((k..n).map(arg));
        slots[argcount] = Some(Value::Obj(PyTuple::new_obj(extra)));
    }
}

/// Calls a Python function: a frame to run, or for generator functions the generator.
fn call_python(ctx: &mut Ctx, func: &ObjRef, values: &mut Vec<Value>, kwnames: &[Value]) -> PyResult<CallOutcome> {
    let frame = function_frame(ctx, func, values, kwnames)?;
    if frame.code().bytecode.is_generator_like() {
        return crate::generator::make_generator(func, frame, ctx).map(CallOutcome::Value);
    }
    Ok(CallOutcome::Frame(frame))
}

/// The hook through which native code calls Python functions. As in CPython, only the
/// function's frame counts against the recursion limit (the native code that called it
/// counted its own entry, like `repr` or a builtin function); the native stack is checked.
pub fn call_function_hook(ctx: &mut Ctx, func: &ObjRef, args: Args<'_>) -> PyResult {
    ctx.check_native_stack(" while calling a Python object")?;
    if args.kwnames.is_empty()
        && let Some(result) = run_plain(ctx, func, args.values)
    {
        return result;
    }
    if args.kwnames.is_empty()
        && let Some(frame) = positional_frame(ctx, func, args.values)
    {
        return run_frame(ctx, frame);
    }
    let mut values = take_buffer(ctx);
    values.extend_from_slice(args.values);
    let outcome = call_python(ctx, func, &mut values, args.kwnames);
    give_buffer(ctx, values);
    match outcome? {
        CallOutcome::Value(v) => Ok(v),
        CallOutcome::Frame(frame) => run_frame(ctx, frame),
    }
}

/// `CALL` of a generator (or coroutine) function with positional arguments its
/// parameters, defaults and `*args` take: the generator is made right here, its frame's
/// locals bound straight from the caller's stack, and it replaces the call there (no trip
/// through the general call, its argument vector and binder). `None` (nothing changed)
/// for any other call.
pub(super) fn call_generator(ctx: &mut Ctx, caller: &mut Frame, argc: usize) -> Option<PyResult<()>> {
    let layout = CallLayout::of(caller, argc);
    let func_ptr = match caller.peek_ref(layout.callable_depth(argc)) {
        Some(Value::Obj(f)) => std::ptr::from_ref(f.downcast::<Function>()?),
        _ => return None,
    };
    // SAFETY: the function stays on the caller's stack (which holds it) until
    // `pop_callable` below hands over that reference, which the frame then keeps.
    let func = unsafe { &*func_ptr };
    let total = layout.passed(argc);
    let code_obj = func.code_obj();
    let code = code_obj.downcast::<Code>()?;
    if !code.bytecode.is_generator_like() {
        return None;
    }
    positional_fit(func, code, total)?;
    let (parameters, nlocals) = (Parameters::of(code), code.bytecode.varnames.len());
    let (nlocalsplus, code_flags) = (code.nlocalsplus(), code.bytecode.flags);
    let code_ptr = std::ptr::NonNull::from(code);
    // The frame is built over the box its generator will own (no carving from the slot
    // stack and copying out, as `make_generator` must for frames made elsewhere).
    let mut slots = crate::generator::own_slots(code.frame_slots);
    {
        let (first, stack) = (layout.first(), caller.slots_mut());
        let locals = &mut slots[..nlocals];
        fill_positional(parameters, locals, None, total, |k| stack[first + k].take().unwrap_or(Value::None), func);
    }
    // The caller's reference to the function moves into the frame (not cloned, then
    // dropped with the call).
    let Some(Value::Obj(func_obj)) = layout.pop_callable(caller) else {
        return Some(Err(PyErr::new_system("generator call without its function")));
    };
    // SAFETY: the frame holds the function, which holds its globals, and the VM holds the
    // builtins (see `Namespace`); `code_ptr` is `code_obj`'s payload.
    let frame = unsafe {
        let (globals, builtins) = (Namespace::borrowed(&func.globals), Namespace::borrowed(&vm(ctx).builtins));
        Frame::for_function(
            code_obj.clone(),
            code_ptr,
            func_obj,
            globals,
            builtins,
            std::ptr::NonNull::from(&mut slots[0]),
            slots.len(),
            nlocalsplus,
        )
    };
    let generator = crate::generator::generator_from(func, code_obj, code_flags, frame, slots);
    caller.push(generator);
    Some(Ok(()))
}

/// What a plain call's frame is made of ([`plain_parts`]).
struct PlainParts {
    code_obj: ObjRef,
    code_ptr: std::ptr::NonNull<Code>,
    /// The VM's builtins, borrowed (see `Namespace`).
    builtins: Namespace,
    slots: std::ptr::NonNull<crate::frame::Slot>,
    nslots: usize,
    nlocalsplus: usize,
}

/// For [`push_plain`] and [`run_plain`]: when `func` is a plain Python function taking
/// exactly `nargs` positional parameters (no generator, no `*args`/`**kwargs`, no
/// keyword-only parameters), counts the call against the recursion limit and carves its
/// frame's slots. `None` (nothing done) for any other function; an error at the limit.
/// `state` is `ctx`'s VM state (see [`VmPtr`]).
#[inline(always)]
fn plain_parts(ctx: &mut Ctx, state: VmPtr, func: &Function, nargs: usize) -> Option<PyResult<PlainParts>> {
    let code_ref = func.code.borrow();
    let code = code_ref.downcast::<Code>()?;
    if code.plain_argcount != nargs {
        return None;
    }
    if let Err(e) = ctx.enter_call("") {
        return Some(Err(e));
    }
    let (nslots, nlocalsplus) = (code.frame_slots, code.nlocalsplus());
    let code_ptr = std::ptr::NonNull::from(code);
    let code_obj = (*code_ref).clone();
    drop(code_ref);
    // SAFETY: see `VmPtr`; the borrow ends here.
    let state = unsafe { &mut *state.0 };
    let slots = state.slots.push(nslots);
    // SAFETY: the VM holds its builtins for as long as frames run.
    let builtins = unsafe { Namespace::borrowed(&state.builtins) };
    Some(Ok(PlainParts { code_obj, code_ptr, builtins, slots, nslots, nlocalsplus }))
}

/// A context's VM state, looked up once per call or return ([`vm`] compares a type id
/// each time) and used at several places of it. The state is boxed by the context and
/// stays in place while the context lives, which outlives every loop; whoever uses the
/// pointer holds no other reference to the state meanwhile (each use is one statement).
/// (Keeping it in a local of the register loop, or in a thread-local, was measured: both
/// moved the loop's register allocation and cost more than the compares they saved.)
#[derive(Clone, Copy)]
pub(super) struct VmPtr(*mut crate::state::VmState);

impl VmPtr {
    /// The VM state of `ctx`.
    #[inline(always)]
    pub(super) fn of(ctx: &mut Ctx) -> VmPtr {
        VmPtr(vm(ctx))
    }
}

/// The most common call from native code (a `map` function, a sort key): a plain Python
/// function given exactly its positional parameters, whose frame is built in place in a
/// frame list of its own (no argument binder, no moves of the frame) and run by the
/// register loop, which pops it at its return: the common outcome needs none of the
/// general loop's handling. `None` (nothing done) when the call is anything else.
fn run_plain(ctx: &mut Ctx, func_obj: &ObjRef, values: &[Value]) -> Option<PyResult> {
    let func = func_obj.downcast::<Function>()?;
    let state = VmPtr::of(ctx);
    let PlainParts { code_obj, code_ptr, builtins, slots, nslots, nlocalsplus } =
        match plain_parts(ctx, state, func, values.len())? {
            Ok(parts) => parts,
            Err(e) => return Some(Err(e)),
        };
    // SAFETY: the frame holds the function, which holds its globals.
    let globals = unsafe { Namespace::borrowed(&func.globals) };
    let mut frames = super::take_frame_list();
    frames.reserve(1);
    // SAFETY: `slots` are `nslots >= values.len()` fresh empty slots; the frame is written
    // in the room reserved for it (see `push_plain`), with `code_ptr` its code's payload.
    unsafe {
        for (k, value) in values.iter().enumerate() {
            slots.as_ptr().add(k).write(Some(value.clone()));
        }
        frames.as_mut_ptr().write(Frame::for_function(
            code_obj,
            code_ptr,
            func_obj.clone(),
            globals,
            builtins,
            slots,
            nslots,
            nlocalsplus,
        ));
        frames.set_len(1);
    }
    if super::trace::tracing() {
        return Some(super::run_entered(ctx, frames));
    }
    // As `run_loop_until` does, for `sys._getframe`. SAFETY: see `VmPtr`.
    unsafe { (*state.0).loops.push(std::ptr::NonNull::from(&mut frames)) };
    let mut kwnames = None;
    let result = match super::fast::run(ctx, &mut frames, &mut kwnames) {
        // The register loop popped the frame at its return (see its `RETURN_VALUE`).
        super::fast::Exit::Flow(Flow::Return(value)) if frames.is_empty() => {
            ctx.leave_call();
            Ok(value)
        }
        exit => super::dispatch_after(ctx, &mut frames, exit, kwnames).map(|outcome| match outcome {
            super::Suspension::Returned(v) | super::Suspension::Yielded(v) => v,
        }),
    };
    // SAFETY: see `VmPtr`.
    unsafe { (*state.0).loops.pop() };
    if !frames.is_empty() {
        super::leave_frames(ctx, &mut frames);
    }
    super::give_frame_list(frames);
    Some(result)
}

/// The frame of a call of the Python function `func` (not a generator function) with
/// positional `values` its parameters take as [`positional_fit`] decides, bound without
/// an argument vector; `None` when the call needs the general binder.
fn positional_frame(ctx: &mut Ctx, func_obj: &ObjRef, values: &[Value]) -> Option<Frame> {
    let func = func_obj.downcast::<Function>()?;
    let code_obj = func.code_obj();
    let code = code_obj.downcast::<Code>()?;
    if code.bytecode.is_generator_like() {
        return None;
    }
    positional_fit(func, code, values.len())?;
    let (parameters, nlocals) = (Parameters::of(code), code.bytecode.varnames.len());
    let builtins = vm(ctx).builtins.clone();
    let mut frame = new_frame(ctx, code_obj, Some(func_obj.clone()), func.globals.clone(), builtins, None);
    let slots = &mut frame.slots_mut()[..nlocals];
    fill_positional(parameters, slots, None, values.len(), |k| values[k].clone(), func);
    Some(frame)
}

fn kwnames_of(kwnames: Option<&Value>) -> Vec<Value> {
    kwnames.and_then(|k| k.downcast::<PyTuple>()).map(|t| t.items().to_vec()).unwrap_or_default()
}

/// Where a `CALL` of a Python function object finds the function and its arguments on
/// the caller's stack ([`python_call`]).
#[derive(Clone, Copy)]
pub(super) struct PyCall {
    /// The function's slot.
    func_index: usize,
    /// The first slot that moves into the callee's locals (`self` in method form).
    first: usize,
    /// How many arguments are passed, `self` included.
    total: usize,
    /// The function's payload, found by [`python_call`] so that [`push_plain`] need not
    /// look at the slot again: nothing runs between the two, and the function stays in
    /// its slot (which holds a reference) until `push_plain` moves it into the new frame.
    func: std::ptr::NonNull<Function>,
}

/// Where the parts of `CALL argc` on `frame`'s stack lie, when it calls a Python function
/// object (not a bound method or class) in either form: the register loop then skips the
/// native-call check and [`push_exact`] works them out no more. `None` otherwise.
#[inline(always)]
pub(super) fn python_call(frame: &Frame, argc: usize) -> Option<PyCall> {
    let sp = frame.sp;
    let method_form = frame.peek_ref(argc + 2).is_some();
    let (func_index, first, total) =
        if method_form { (sp - argc - 2, sp - argc - 1, argc + 1) } else { (sp - argc - 1, sp - argc, argc) };
    match frame.peek_ref(sp - func_index) {
        Some(Value::Obj(f)) => {
            let func = std::ptr::NonNull::from(f.downcast::<Function>()?);
            Some(PyCall { func_index, first, total, func })
        }
        _ => None,
    }
}

/// Whether the return of `frame` can pop it with [`pop_plain`]: a call's frame (an
/// `__init__`'s included, not a generator's) without a frame object.
#[inline(always)]
pub(super) fn plain_return(frame: &Frame) -> bool {
    // Only a generator's frame runs inline (`generator::push_inline`).
    debug_assert!(frame.inline_generator.is_none() || frame.kind == FrameKind::Generator);
    frame.kind != FrameKind::Generator && frame.frame_obj.is_none()
}

/// Pops the innermost frame of `frames` at its return, which [`plain_return`] allowed: its
/// live slots are emptied and the references they hold dropped in line, and its slots
/// released. The call is not left here (the caller does it, or whoever started the loop
/// when this was its entry frame).
#[inline(always)]
pub(super) fn pop_plain(state: VmPtr, frames: &mut Vec<Frame>) {
    let len = frames.len();
    let Some(frame) = frames.last_mut() else { return };
    debug_assert!(plain_return(frame));
    let (slots, sp, n) = (frame.slots.as_ptr(), frame.sp, frame.nslots);
    debug_assert!(sp <= n);
    for i in 0..sp {
        // SAFETY: `i < sp <= nslots`: one of the frame's slots, each emptied before its
        // value is dropped (which may only queue a finalizer).
        match unsafe { crate::frame::take_slot(slots.add(i)) } {
            Some(Value::Obj(obj)) => drop(obj),
            // Inline values hold nothing to drop.
            other => std::mem::forget(other),
        }
    }
    // SAFETY: the frame, which has no frame object or inline generator (`plain_return`),
    // is dropped in place and the list no longer counts it; see `VmPtr` for `state`.
    unsafe {
        let frame: *mut Frame = frame;
        frames.set_len(len - 1);
        Frame::drop_plain(frame);
        (*state.0).slots.pop(n);
    }
}

/// The fast path of `CALL`: a Python function (or a method bound to one) called with
/// positional arguments only, which its positional parameters, their defaults and a
/// `*args` parameter take (no keyword-only parameters, no `**kwargs`, not a generator). The callee's frame is pushed onto
/// `frames` in place and the arguments move straight from the caller's stack into its
/// locals. `Ok(false)` (nothing changed) when the call needs the general path; an error
/// (the recursion limit) leaves the caller's stack as it was.
#[inline(always)]
pub(super) fn push_exact(ctx: &mut Ctx, frames: &mut Vec<Frame>, argc: usize, call: Option<PyCall>) -> PyResult<bool> {
    if let Some(call) = call
        && let Some(pushed) = push_plain(ctx, frames, argc, call)
    {
        return pushed.map(|()| true);
    }
    push_exact_general(ctx, frames, argc)
}

/// The most common call of [`push_exact`]: a plain Python function (or one in method form,
/// `[method, self, args...]`) given exactly its positional parameters, with room for its
/// frame in `frames`. The function (and `self`) move off the caller's stack into the new
/// frame rather than being cloned and the stack entries dropped, each argument is moved
/// with word loads (see `frame::take_slot`), and no index is bounds-checked. `None`
/// (nothing changed) when the call is anything else.
#[inline(always)]
fn push_plain(ctx: &mut Ctx, frames: &mut Vec<Frame>, argc: usize, call: PyCall) -> Option<PyResult<()>> {
    let state = VmPtr::of(ctx);
    let len = frames.len();
    if len == 0 || len == frames.capacity() {
        return None;
    }
    // SAFETY: `len - 1` is the caller's index; the borrow ends before `frames` is touched.
    let caller = unsafe { &mut *frames.as_mut_ptr().add(len - 1) };
    let sp = caller.sp;
    let stack = caller.slots.as_ptr();
    debug_assert!(argc + 2 <= sp - caller.stack_base && sp <= caller.nslots);
    let PyCall { func_index, first, total, func } = call;
    // SAFETY: `CALL argc` has `argc + 2` entries on the caller's stack (the compiler's
    // stack-depth computation bounds them by the frame's slots), where `call` found them;
    // the function's slot keeps it alive until it moves into the frame below.
    let func = unsafe { func.as_ref() };
    let PlainParts { code_obj, code_ptr, builtins, slots, nslots, nlocalsplus } =
        match plain_parts(ctx, state, func, total)? {
            Ok(parts) => parts,
            Err(e) => return Some(Err(e)),
        };
    // SAFETY: the frame holds the function, which holds its globals (see `Namespace`).
    let globals = unsafe { Namespace::borrowed(&func.globals) };
    // SAFETY: `slots` are `nslots >= total` fresh empty slots; the caller's slots from
    // `first` up to `sp` hold the arguments (and `self`), which move without drops, and
    // the function's slot moves into the frame; the NULL below a plain call's function is
    // already empty. The frame is written in its place in the list (built and then moved,
    // its fresh fields were read back by wider loads the CPU cannot forward).
    unsafe {
        let (locals, args) = (slots.as_ptr(), stack.add(first));
        // Most calls pass one to three arguments: those move without a loop, whose
        // unrolled form cost more in setup than the moves themselves.
        if total > 0 {
            locals.write(crate::frame::take_slot(args));
        }
        if total > 1 {
            locals.add(1).write(crate::frame::take_slot(args.add(1)));
        }
        if total > 2 {
            locals.add(2).write(crate::frame::take_slot(args.add(2)));
            for k in 3..total {
                locals.add(k).write(crate::frame::take_slot(args.add(k)));
            }
        }
        let func_slot = crate::frame::take_slot(stack.add(func_index));
        caller.sp = sp - argc - 2;
        let func_obj = match func_slot {
            Some(Value::Obj(f)) => f,
            _ => std::hint::unreachable_unchecked(),
        };
        let place = frames.as_mut_ptr().add(len);
        place.write(Frame::for_function(code_obj, code_ptr, func_obj, globals, builtins, slots, nslots, nlocalsplus));
        frames.set_len(len + 1);
    }
    Some(Ok(()))
}

/// [`push_exact`] for the calls [`push_plain`] does not take: bound methods, classes with
/// a Python `__init__`, defaults and `*args`.
#[inline(never)]
fn push_exact_general(ctx: &mut Ctx, frames: &mut Vec<Frame>, argc: usize) -> PyResult<bool> {
    // Room for the callee first, so it is written in place at the end (no call of the
    // vector's out-of-line push with its move of the whole frame).
    frames.reserve(1);
    let Some(caller) = frames.last_mut() else { return Ok(false) };
    let base = caller.sp - argc;
    // A class whose instances `object.__new__` (or `BaseException.__new__`) makes and a
    // Python `__init__` sets up runs that `__init__` here, as CPython 3.13's
    // `CALL_ALLOC_AND_ENTER_INIT` does.
    let mut init = None;
    let mut is_init = false;
    let mut new_takes_args = false;
    let (func_obj, with_self, is_method_form) = match (caller.peek_ref(argc + 2), caller.peek_ref(argc + 1)) {
        (None, Some(Value::Obj(callable))) => match callable.downcast::<BoundMethod>() {
            Some(m) => match &m.func {
                Value::Obj(f) => (f, Some(&m.this), false),
                _ => return Ok(false),
            },
            None if callable.is::<TypeObject>() => {
                if !callable.type_ref().is_same(&types().type_) {
                    return Ok(false);
                }
                let Some((Value::Obj(function), takes_args)) = pyrite_object::methods::slots::python_init(callable)
                else {
                    return Ok(false);
                };
                is_init = true;
                new_takes_args = takes_args;
                (&*init.insert(function), None, false)
            }
            None => (callable, None, false),
        },
        (Some(Value::Obj(method)), Some(_)) => (method, None, true),
        _ => return Ok(false),
    };
    let Some(func) = func_obj.downcast::<Function>() else { return Ok(false) };
    // No Python code runs while the borrow is held: it ends when the frame is built.
    let code_ref = func.code.borrow();
    let Some(code) = code_ref.downcast::<Code>() else { return Ok(false) };
    let b = &code.bytecode;
    let total = argc + usize::from(with_self.is_some() || is_init) + usize::from(is_method_form);
    if b.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        return Ok(false);
    }
    let Some(needs_defaults) = positional_fit(func, code, total) else { return Ok(false) };
    // SAFETY: the frame holds the function, which holds its globals (see `Namespace`).
    let globals = unsafe { Namespace::borrowed(&func.globals) };
    let (func_obj, mut this, code_obj) = (func_obj.clone(), with_self.cloned(), (*code_ref).clone());
    let code_ptr = std::ptr::NonNull::from(code);
    let (nlocalsplus, nslots) = (code.nlocalsplus(), code.frame_slots);
    let parameters = Parameters::of(code);
    drop(code_ref);
    let instance = if is_init {
        let Some(Value::Obj(class)) = caller.peek_ref(argc + 1) else { return Ok(false) };
        let class = class.clone();
        let new = type_payload(&class).slots().new.ok_or_else(|| PyErr::new_system("class without __new__"))?;
        // `object.__new__` ignores the arguments when `__init__` is overridden;
        // `BaseException.__new__` keeps them as the instance's `args`.
        let instance = if new_takes_args {
            let args: Vec<Value> =
                caller.slots_mut()[base..base + argc].iter().map(|v| v.clone().unwrap_or(Value::None)).collect();
            new(ctx, &class, Args::positional(&args))?
        } else {
            new(ctx, &class, Args::positional(&[]))?
        };
        this = Some(instance.clone());
        Some(instance)
    } else {
        None
    };
    ctx.enter_call("")?;
    let state = vm(ctx);
    let slots = state.slots.push(nslots);
    // SAFETY: the VM holds the builtins (see `Namespace`).
    let builtins = unsafe { Namespace::borrowed(&state.builtins) };
    // The locals are written through the carved slots, and the frame itself is built in
    // its place in the list at the end: built here and then moved, its freshly written
    // fields were read back by the move's wider loads, which the CPU cannot forward.
    // SAFETY: `slots` points at `nslots` empty slots carved for this frame alone.
    let locals = unsafe { std::slice::from_raw_parts_mut(slots.as_ptr(), nslots) };
    let first = if is_method_form { base - 1 } else { base };
    if !needs_defaults && !parameters.varargs {
        // The common call, every parameter given: the arguments move straight across.
        let mut next = 0;
        if let Some(this) = this {
            locals[0] = Some(this);
            next = 1;
        }
        for i in first..base + argc {
            locals[next] = caller.slots_mut()[i].take();
            next += 1;
        }
    } else {
        let stack = caller.slots_mut();
        let arg = |k: usize| stack[first + k].take().unwrap_or(Value::None);
        // The clone of the function checked above (the caller's stack is taken from).
        if let Some(func) = func_obj.downcast::<Function>() {
            fill_positional(parameters, locals, this, base + argc - first, arg, func);
        }
    }
    let (callable, null) = (caller.slots_mut()[base - 1].take(), caller.slots_mut()[base - 2].take());
    caller.sp = base - 2;
    let kind = if let Some(instance) = instance {
        caller.push(instance);
        FrameKind::Init
    } else {
        FrameKind::Call
    };
    let len = frames.len();
    // SAFETY: the room was reserved above and nothing has pushed since.
    unsafe {
        let place = frames.as_mut_ptr().add(len);
        place.write(Frame::for_function(code_obj, code_ptr, func_obj, globals, builtins, slots, nslots, nlocalsplus));
        (*place).kind = kind;
        frames.set_len(len + 1);
    }
    drop((callable, null));
    Ok(true)
}

/// The fast path of `CALL_FUNCTION_EX` without `**kwargs` (`f(*args)`, `f(*a, *b)`): an
/// exact tuple of arguments for a Python function (or a method bound to one) whose
/// parameters take them as [`positional_fit`] decides for `CALL` (not a generator). The
/// callee's frame is pushed onto `frames` with the tuple's items copied into its locals,
/// in place of the general call's argument vector, binder and frame move. `Ok(false)`
/// (nothing changed) when the call needs the general path; an error (the recursion
/// limit) leaves the caller's stack as it was.
pub(super) fn push_ex(ctx: &mut Ctx, frames: &mut Vec<Frame>, flags_arg: u32) -> PyResult<bool> {
    if flags_arg & 1 != 0 {
        return Ok(false);
    }
    frames.reserve(1);
    let Some(caller) = frames.last_mut() else { return Ok(false) };
    let (Some(Value::Obj(callable)), Some(Value::Obj(args))) = (caller.peek_ref(2), caller.peek_ref(1)) else {
        return Ok(false);
    };
    // A tuple subclass is iterated (its `__iter__` may be overridden), as in CPython; the
    // list a call's `*` arguments were gathered in, which nothing else holds, comes as it
    // is (see `list_to_tuple_owned`), and gives its items up.
    let t = types();
    let (tuple, list) = if args.type_ref().is_same(&t.tuple) {
        let Some(tuple) = args.downcast::<PyTuple>() else { return Ok(false) };
        (Some(tuple), None)
    } else if args.type_ref().is_same(&t.list) && args.refcount() == 1 {
        let Some(list) = args.downcast::<PyList>() else { return Ok(false) };
        (None, Some(list))
    } else {
        return Ok(false);
    };
    let (func_obj, this) = match callable.downcast::<BoundMethod>() {
        Some(m) => match &m.func {
            Value::Obj(f) => (f, Some(&m.this)),
            _ => return Ok(false),
        },
        None => (callable, None),
    };
    let Some(func) = func_obj.downcast::<Function>() else { return Ok(false) };
    // No Python code runs while the borrow is held: it ends when the frame is built.
    let code_ref = func.code.borrow();
    let Some(code) = code_ref.downcast::<Code>() else { return Ok(false) };
    let b = &code.bytecode;
    if b.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
        return Ok(false);
    }
    let n = match (tuple, list) {
        (Some(tuple), _) => tuple.len(),
        (_, Some(list)) => list.len(),
        _ => return Ok(false),
    };
    let Some(needs_defaults) = positional_fit(func, code, n + usize::from(this.is_some())) else {
        return Ok(false);
    };
    let (nlocalsplus, nslots) = (code.nlocalsplus(), code.frame_slots);
    let parameters = Parameters::of(code);
    let code_ptr = std::ptr::NonNull::from(code);
    let code_obj = (*code_ref).clone();
    drop(code_ref);
    ctx.enter_call("")?;
    let state = vm(ctx);
    let slots = state.slots.push(nslots);
    // SAFETY: the frame holds the function, which holds its globals, and the VM holds the
    // builtins (see `Namespace`).
    let (globals, builtins) = unsafe { (Namespace::borrowed(&func.globals), Namespace::borrowed(&state.builtins)) };
    // SAFETY: `slots` points at `nslots` empty slots carved for this frame alone.
    let locals = unsafe { std::slice::from_raw_parts_mut(slots.as_ptr(), nslots) };
    // The list's items move out (taking them runs no Python code); the tuple's are copied.
    let mut owned = list.map(|list| std::mem::take(&mut *list.items.borrow_mut())).unwrap_or_default().into_iter();
    let items = tuple.map_or(&[][..], |tuple| tuple.items());
    let mut arg = |k: usize| match items.get(k) {
        Some(item) => item.clone(),
        None => owned.next().unwrap_or(Value::None),
    };
    if !needs_defaults && !parameters.varargs {
        // Every parameter given: `self` and the items go straight across.
        let offset = usize::from(this.is_some());
        if let Some(this) = this {
            locals[0] = Some(this.clone());
        }
        for (k, slot) in locals[offset..offset + n].iter_mut().enumerate() {
            *slot = Some(arg(k));
        }
    } else {
        fill_positional(parameters, locals, this.cloned(), n, arg, func);
    }
    let func_obj = func_obj.clone();
    let sp = caller.sp;
    let taken = {
        let stack = caller.slots_mut();
        (stack[sp - 1].take(), stack[sp - 2].take(), stack[sp - 3].take())
    };
    caller.sp = sp - 3;
    let len = frames.len();
    // SAFETY: the room was reserved above and nothing has pushed since.
    unsafe {
        let place = frames.as_mut_ptr().add(len);
        place.write(Frame::for_function(code_obj, code_ptr, func_obj, globals, builtins, slots, nslots, nlocalsplus));
        frames.set_len(len + 1);
    }
    drop(taken);
    Ok(true)
}

/// `LIST_EXTEND` of the list a call's `*` arguments are gathered in (or a list display's
/// `[*a, *b]`) by an exact tuple or list, for the register loop, whose stack top is `sp`:
/// the items are appended without `list.extend`'s iteration protocol, sized as it sizes
/// them, and the source's slot is emptied (the caller lowers its `sp`). `false` (nothing
/// changed) otherwise. `sp` comes by value: a pointer to the loop's `sp` would keep it in
/// memory for the whole loop.
pub(super) fn list_extend_exact(frame: &mut Frame, arg: u32, sp: usize) -> bool {
    let top = sp;
    let stack = frame.slots_mut();
    let (Some(Value::Obj(target)), Some(Value::Obj(source))) = (&stack[top - 1 - arg as usize], &stack[top - 1]) else {
        return false;
    };
    let t = types();
    if !target.type_ref().is_same(&t.list) || target.is_same(source) {
        return false;
    }
    let Some(list) = target.downcast::<PyList>() else { return false };
    if source.type_ref().is_same(&t.tuple) {
        let Some(tuple) = source.downcast::<PyTuple>() else { return false };
        extend_from(list, tuple.items());
    } else if source.type_ref().is_same(&t.list) {
        let Some(other) = source.downcast::<PyList>() else { return false };
        other.with_items(|items| extend_from(list, items));
    } else {
        return false;
    }
    let source = stack[top - 1].take();
    drop(source);
    true
}

/// Appends copies of `values` (not `list`'s own items) to `list`, sized as
/// [`PyList::extend_values`] sizes an extension by a list or tuple (CPython's
/// `list_extend`), without first copying them into a vector. Cloning runs no Python code.
/// The list is made general on purpose (not `PyList::extend_values`, which would keep a
/// list of ints compact): a call's `*` list becomes a tuple next, which takes general items
/// as they are.
fn extend_from(list: &PyList, values: &[Value]) {
    if values.is_empty() {
        return;
    }
    let mut items = list.items.borrow_mut();
    if items.capacity() == 0 {
        pyrite_object::types::list::preallocate_exact(&mut items, values.len());
    } else {
        let len = items.len() + values.len();
        pyrite_object::types::list::resize(&mut items, len);
    }
    items.extend_from_slice(values);
}

/// `LIST_TO_TUPLE` of the list a call's `*` arguments were gathered in, for the register
/// loop, whose stack top is `sp`: the compiler's own list, which nothing else holds, gives
/// its items to the tuple instead of copying them. `false` (nothing changed) when the list
/// is shared or not an exact list.
pub(super) fn list_to_tuple_owned(frame: &mut Frame, sp: usize, ip: usize) -> bool {
    // Before `CALL_FUNCTION_EX` without `**`, the list stays as it is: `push_ex` takes its
    // items, and the general call copies them into the arguments as from a tuple.
    let before_call =
        frame.code().units.get(ip).is_some_and(|unit| unit.get().op == CALL_FUNCTION_EX && unit.get().arg == 0);
    let slot = &mut frame.slots_mut()[sp - 1];
    let Some(Value::Obj(list_obj)) = &*slot else { return false };
    if list_obj.refcount() != 1 || !list_obj.type_ref().is_same(&types().list) {
        return false;
    }
    if before_call {
        return true;
    }
    let Some(list) = list_obj.downcast::<PyList>() else { return false };
    let items = std::mem::take(&mut *list.items.borrow_mut());
    let list = slot.replace(Value::Obj(PyTuple::new_obj(items)));
    drop(list);
    true
}

/// The `__init__` of an instance made by the register loop's `CALL` of its class returned
/// `value` to the caller (`frames`' last frame), whose stack holds the instance: anything but
/// `None` is CPython's TypeError, raised in the caller with the instance dropped.
pub(super) fn finish_init(frames: &mut [Frame], value: Value) -> PyResult<()> {
    if value.is_none() {
        return Ok(());
    }
    if let Some(caller) = frames.last_mut() {
        drop(caller.pop_slot());
    }
    Err(PyErr::type_error(format!("__init__() should return None, not '{}'", value.type_name())))
}

/// Where the parts of a `CALL argc` lie on the caller's stack: `[NULL, callable, args...]`,
/// or in method form `[method, self, args...]`, where `self` is passed as the first
/// argument.
#[derive(Clone, Copy)]
struct CallLayout {
    method_form: bool,
    /// The slot of the first argument after `self`.
    base: usize,
}

impl CallLayout {
    #[inline(always)]
    fn of(frame: &Frame, argc: usize) -> CallLayout {
        CallLayout { method_form: frame.peek_ref(argc + 2).is_some(), base: frame.sp - argc }
    }

    /// The depth (1 = top) of the function called.
    #[inline(always)]
    fn callable_depth(self, argc: usize) -> usize {
        argc + 1 + usize::from(self.method_form)
    }

    /// How many arguments are passed, `self` included.
    #[inline(always)]
    fn passed(self, argc: usize) -> usize {
        argc + usize::from(self.method_form)
    }

    /// The slot of the first argument passed (`self` in method form).
    #[inline(always)]
    fn first(self) -> usize {
        if self.method_form { self.base - 1 } else { self.base }
    }

    /// Once the arguments are taken, takes the two slots below them off the stack, which
    /// then ends below the call: the function called.
    #[inline(always)]
    fn pop_callable(self, frame: &mut Frame) -> Option<Value> {
        let (top, bottom) = (frame.slots_mut()[self.base - 1].take(), frame.slots_mut()[self.base - 2].take());
        frame.sp = self.base - 2;
        let (callable, other) = if self.method_form { (bottom, top) } else { (top, bottom) };
        drop(other);
        callable
    }
}

/// Most arguments (with `self`) [`call_native`] passes without a buffer.
const NATIVE_ARGS: usize = 4;

/// The fast path of `CALL` for a native function or method descriptor (`len(x)`,
/// `isinstance(x, C)`, `items.append(x)` in method form), or a builtin class (`int(s)`),
/// with a few positional arguments:
/// the arguments move off the stack into a small array and the function is called as
/// [`protocol::call_builtin`] would, without a buffer or the generic dispatch; `len` of
/// anything and `list.append` on a list are done right here (CPython's
/// `PRECALL_NO_KW_LEN` and `PRECALL_NO_KW_LIST_APPEND`). `None` (nothing changed) when the
/// call needs the general path.
#[inline]
pub(super) fn call_native(ctx: &mut Ctx, frame: &mut Frame, argc: usize) -> Option<PyResult<()>> {
    let layout = CallLayout::of(frame, argc);
    let n = layout.passed(argc);
    if n > NATIVE_ARGS {
        return None;
    }
    // A native function, or (`None`) a builtin class (`int(s)`, `str(x)`, `reversed(l)`),
    // which the general call would also hand to `protocol::call`.
    let f: Option<*const BuiltinFunction> = match frame.peek_ref(layout.callable_depth(argc)) {
        Some(Value::Obj(obj)) => match obj.downcast::<BuiltinFunction>() {
            Some(f) => Some(f),
            None if builtin_class(obj) => None,
            None => return None,
        },
        _ => return None,
    };
    let first = layout.first();
    if f.is_none()
        && n == 1
        && let Some(value) = str_of_int(frame, layout.callable_depth(argc), first)
    {
        drop(layout.pop_callable(frame));
        frame.push(value);
        return Some(Ok(()));
    }
    if let Some(f) = f {
        // SAFETY: the callable, on the stack, keeps `f` alive.
        if let Some(done) = call_known_native(ctx, frame, unsafe { &*f }, first, n) {
            drop(layout.pop_callable(frame));
            return Some(done.map(|value| frame.push(value)));
        }
    }
    let mut args = [const { std::mem::MaybeUninit::<Value>::uninit() }; NATIVE_ARGS];
    for (k, arg) in args.iter_mut().enumerate().take(n) {
        arg.write(frame.slots_mut()[first + k].take().unwrap_or(Value::None));
    }
    // The callable leaves the stack but stays alive (held here) for the call.
    let callable = layout.pop_callable(frame);
    // SAFETY: the first `n` elements were written above.
    let values = unsafe { std::slice::from_raw_parts(args.as_ptr().cast::<Value>(), n) };
    let previous = vm(ctx).calling_frame.replace(std::ptr::NonNull::from(&mut *frame));
    let result = match (f, &callable) {
        // SAFETY: `callable` keeps `f` alive until after the call.
        (Some(f), _) => protocol::call_builtin(ctx, unsafe { &*f }, Args::positional(values)),
        (None, Some(class)) => protocol::call(ctx, class, Args::positional(values)),
        (None, None) => Err(PyErr::new_system("CALL lost its callable")),
    };
    vm(ctx).calling_frame = previous;
    // SAFETY: the first `n` elements are initialized and dropped once, here.
    unsafe { std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(args.as_mut_ptr().cast::<Value>(), n)) };
    drop(callable);
    Some(result.map(|value| frame.push(value)))
}

/// `str(i)` of an inline int or `str(s)` of an exact str (CPython's `CALL_NO_KW_STR_1`):
/// the result, with the argument taken off the stack (the callable is left for the caller
/// to pop), when the callable at `depth` is the `str` class itself; `None`, with nothing
/// changed, otherwise. Neither runs Python code: an inline int's text is its decimal digits
/// (bools and int subclasses are other values), and an exact str is its own `str`.
#[inline(always)]
fn str_of_int(frame: &mut Frame, depth: usize, first: usize) -> Option<Value> {
    let Some(Value::Obj(class)) = frame.peek_ref(depth) else { return None };
    if !class.is_same(&types().str) {
        return None;
    }
    let slot = &mut frame.slots_mut()[first];
    match slot {
        Some(Value::Int(i)) => {
            let text = protocol::small_int_str(*i);
            *slot = None;
            Some(Value::Obj(text))
        }
        Some(Value::Obj(s)) if s.type_ref().is_same(&types().str) => slot.take(),
        _ => None,
    }
}

/// Whether `obj` is a class defined natively (`int`, `str`, `reversed`) whose metaclass is
/// `type`: calling it runs no frame of this loop, as calling a native function does.
#[inline(always)]
fn builtin_class(obj: &ObjRef) -> bool {
    obj.is::<TypeObject>()
        && type_payload(obj).flags.get() & pyrite_object::types::typeobj::TYPE_HEAPTYPE == 0
        && obj.type_ref().is_same(&types().type_)
}

/// `len(x)` and `list.append(x)` (CPython's specialized calls of them) with their `n`
/// arguments still on the stack from slot `first`: the result, with the arguments taken
/// off the stack (the callable is left for the caller to pop); `None`, with nothing
/// changed, for any other call. `len` asks [`protocol::len`] exactly as the builtin does
/// (its errors are the builtin's); `list.append` appends to any list, subclasses included
/// (their own `append`, if any, is not this descriptor).
#[inline(always)]
fn call_known_native(
    ctx: &mut Ctx,
    frame: &mut Frame,
    f: &BuiltinFunction,
    first: usize,
    n: usize,
) -> Option<PyResult<Value>> {
    if n == 2
        && f.bound.is_none()
        && f.owner_type.as_ref().is_some_and(|owner| owner.is_same(&types().list))
        && f.name == "append"
    {
        let slots = frame.slots_mut();
        let (this, item) = slots[first..].split_at_mut(1);
        let list = match &this[0] {
            Some(Value::Obj(list)) => list.downcast::<PyList>()?,
            _ => return None,
        };
        list.push(item[0].take().unwrap_or(Value::None));
        drop(this[0].take());
        return Some(Ok(Value::None));
    }
    if n == 1 && f.bound.is_none() && std::ptr::fn_addr_eq(f.func, crate::builtins::builtin_len as NativeFn) {
        let arg = frame.slots_mut()[first].take().unwrap_or(Value::None);
        let result = protocol::len(ctx, &arg).map(Value::from);
        drop(arg);
        return Some(result);
    }
    None
}

/// `CALL argc`: the stack holds `[NULL, callable, args...]` or `[method, self, args...]`.
pub(super) fn call(ctx: &mut Ctx, frame: &mut Frame, argc: u32, kwnames: Option<Value>) -> PyResult<Flow> {
    let kwnames = kwnames_of(kwnames.as_ref());
    let mut values = take_buffer(ctx);
    let argc = argc as usize;
    let base = frame.sp - argc;
    let second = frame.slots_mut()[base - 1].take();
    let first = frame.slots_mut()[base - 2].take();
    let callable = match first {
        Some(method) => {
            values.push(second.unwrap_or(Value::None));
            method
        }
        None => second.unwrap_or(Value::None),
    };
    for i in base..base + argc {
        values.push(frame.slots_mut()[i].take().unwrap_or(Value::None));
    }
    frame.sp = base - 2;
    let previous = vm(ctx).calling_frame.replace(std::ptr::NonNull::from(&mut *frame));
    let result = call_values(ctx, callable, &mut values, &kwnames);
    vm(ctx).calling_frame = previous;
    give_buffer(ctx, values);
    match result? {
        CallOutcome::Value(v) => {
            frame.push(v);
            Ok(Flow::Next)
        }
        CallOutcome::Frame(f) => Ok(Flow::Enter(f)),
    }
}

enum CallOutcome {
    Value(Value),
    Frame(Frame),
}

fn call_values(ctx: &mut Ctx, callable: Value, values: &mut Vec<Value>, kwnames: &[Value]) -> PyResult<CallOutcome> {
    if let Value::Obj(obj) = &callable {
        if obj.is::<Function>() {
            return call_python(ctx, obj, values, kwnames);
        }
        if let Some(method) = obj.downcast::<BoundMethod>()
            && let Value::Obj(func) = &method.func
            && func.is::<Function>()
        {
            values.insert(0, method.this.clone());
            let func = func.clone();
            return call_python(ctx, &func, values, kwnames);
        }
    }
    protocol::call(ctx, &callable, Args { values, kwnames }).map(CallOutcome::Value)
}

/// `CALL_FUNCTION_EX flags`: `[NULL, callable, args_tuple, kwargs?]`.
pub(super) fn call_function_ex(ctx: &mut Ctx, frame: &mut Frame, flags_arg: u32) -> PyResult<Flow> {
    let kwargs = if flags_arg & 1 == 1 { Some(frame.pop()) } else { None };
    let args = frame.pop();
    let callable = frame.pop();
    let null = frame.pop_slot();
    if let Some(first) = null {
        drop(first);
    }
    // CPython's `check_args_iterable`: neither `__iter__` nor a sequence.
    let slots = pyrite_object::types::typeobj::type_payload(args.type_ref()).slots();
    if slots.iter.is_none() && slots.getitem.is_none() {
        return Err(PyErr::type_error(format!(
            "{} argument after * must be an iterable, not {}",
            super::data::function_str(ctx, &callable),
            args.type_name()
        )));
    }
    // An exact tuple or list is copied; anything else, subclasses too (whose `__iter__`
    // may be overridden), is iterated.
    let mut values = protocol::collect(ctx, &args)?;
    let mut kwnames = Vec::new();
    if let Some(kwargs) = kwargs {
        let Some(d) = kwargs.downcast::<PyDict>() else {
            return Err(PyErr::type_error(format!("argument after ** must be a mapping, not {}", kwargs.type_name())));
        };
        for (k, v) in d.items() {
            if k.as_str().is_none() {
                return Err(PyErr::type_error("keywords must be strings"));
            }
            kwnames.push(k);
            values.push(v);
        }
    }
    let previous = vm(ctx).calling_frame.replace(std::ptr::NonNull::from(&mut *frame));
    let result = call_values(ctx, callable, &mut values, &kwnames);
    vm(ctx).calling_frame = previous;
    match result? {
        CallOutcome::Value(v) => {
            frame.push(v);
            Ok(Flow::Next)
        }
        CallOutcome::Frame(f) => Ok(Flow::Enter(f)),
    }
}

/// `MAKE_FUNCTION flags`: the code object is on top; below it, as flagged, the closure,
/// annotations, keyword defaults and defaults.
pub(super) fn make_function(frame: &mut Frame, flags_arg: u32) -> PyResult<()> {
    let code = frame.pop();
    let closure = if flags_arg & 0x08 != 0 { frame.pop() } else { Value::None };
    let annotations = if flags_arg & 0x04 != 0 { frame.pop() } else { Value::None };
    let kwdefaults = if flags_arg & 0x02 != 0 { frame.pop() } else { Value::None };
    let defaults = if flags_arg & 0x01 != 0 { frame.pop() } else { Value::None };
    let code_obj = code
        .as_obj()
        .filter(|c| c.is::<Code>())
        .ok_or_else(|| PyErr::new_system("MAKE_FUNCTION without code"))?
        .clone();
    let (name, qualname, doc) = {
        let c = code_obj.downcast::<Code>().ok_or_else(|| PyErr::new_system("code"))?;
        let doc = match c.consts.first() {
            Some(d @ Value::Obj(o)) if o.is::<PyStr>() && c.bytecode.flags & flags::OPTIMIZED != 0 => d.clone(),
            _ => Value::None,
        };
        (c.name.clone(), c.qualname.clone(), doc)
    };
    let module =
        frame.globals.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__name__"))).unwrap_or(Value::None);
    let function = Function {
        code: PayloadCell::new(code_obj),
        globals: frame.globals.clone(),
        name: PayloadCell::new(name),
        qualname: PayloadCell::new(qualname),
        defaults: PayloadCell::new(defaults),
        kwdefaults: PayloadCell::new(kwdefaults),
        closure: PayloadCell::new(closure),
        doc: PayloadCell::new(doc),
        module: PayloadCell::new(module),
        annotations: PayloadCell::new(annotations),
        dict: PayloadCell::new(None),
    };
    frame.push(Value::Obj(ObjRef::new(function, Some(&types().function))));
    Ok(())
}

/// `CALL_INTRINSIC_1`.
pub(super) fn intrinsic(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    match Intrinsic1::from_arg(arg) {
        Some(Intrinsic1::Print) => {
            let value = frame.pop();
            if !value.is_none() {
                let text = protocol::repr_string(ctx, &value)?;
                crate::builtins::write_stdout(ctx, &text)?;
                crate::builtins::write_stdout(ctx, "\n")?;
                let builtins = vm(ctx).builtins.clone();
                if let Some(d) = builtins.downcast::<PyDict>() {
                    d.set_str("_", value);
                }
            }
            frame.push(Value::None);
            Ok(())
        }
        Some(Intrinsic1::ImportStar) => {
            let module = frame.pop();
            let Some(locals) = frame.locals.clone() else {
                return Err(PyErr::new_system("import * without a locals mapping"));
            };
            crate::imports::import_star(ctx, &module, &locals)?;
            frame.push(Value::None);
            Ok(())
        }
        Some(
            which @ (Intrinsic1::TypeVar
            | Intrinsic1::ParamSpec
            | Intrinsic1::TypeVarTuple
            | Intrinsic1::SubscriptGeneric
            | Intrinsic1::TypeAlias),
        ) => {
            let value = frame.pop();
            let result = crate::typeparams::intrinsic1(ctx, frame, which, value)?;
            frame.push(result);
            Ok(())
        }
        Some(other) => Err(PyErr::not_implemented(format!("{} is not supported yet", other.name()))),
        None => Err(PyErr::new_system(format!("unknown intrinsic {arg}"))),
    }
}

/// `CALL_INTRINSIC_2`.
pub(super) fn intrinsic2(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let second = frame.pop();
    let first = frame.pop();
    let result = crate::typeparams::intrinsic2(ctx, frame, arg, first, second)?;
    frame.push(result);
    Ok(())
}

/// `BEFORE_WITH`: pushes the bound `__exit__` and the result of `__enter__()`.
pub(super) fn before_with(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let manager = frame.pop();
    let ty = manager.type_ref().clone();
    let lookup = |name: &str| pyrite_object::types::typeobj::lookup_str(&ty, name);
    let (Some(enter), Some(exit)) = (lookup("__enter__"), lookup("__exit__")) else {
        let missing = if lookup("__enter__").is_none() { "" } else { " (missed __exit__ method)" };
        return Err(PyErr::type_error(format!(
            "'{}' object does not support the context manager protocol{missing}",
            manager.type_name()
        )));
    };
    let bound_exit = match protocol::bind_attribute(ctx, &exit, &manager)? {
        Some(bound) => bound,
        None => Value::Obj(BoundMethod::new_obj(exit, manager.clone())),
    };
    frame.push(bound_exit);
    let result = match protocol::bind_attribute(ctx, &enter, &manager)? {
        Some(bound) => protocol::call_positional(ctx, &bound, &[])?,
        None => protocol::call_positional(ctx, &enter, std::slice::from_ref(&manager))?,
    };
    frame.push(result);
    Ok(())
}

/// `WITH_EXCEPT_START`: `[exit, lasti, previous, exc]` → calls `exit(type, exc, tb)` and
/// pushes its result.
pub(super) fn with_except_start(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let exc = frame.peek(1).clone().unwrap_or(Value::None);
    let exit = frame.peek(4).clone().unwrap_or(Value::None);
    let tb = exc
        .downcast::<pyrite_object::types::exception::PyException>()
        .and_then(|e| e.traceback.borrow().clone())
        .map_or(Value::None, Value::Obj);
    let ty = Value::Obj(exc.type_ref().clone());
    let result = protocol::call_positional(ctx, &exit, &[ty, exc, tb])?;
    frame.push(result);
    Ok(())
}
