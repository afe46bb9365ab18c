//! Generators and coroutines: objects that own a suspended frame.
//!
//! A generator's frame keeps its slots in a box of its own (not the per-thread slot
//! stack), so it survives between resumptions. A resumption by `FOR_ITER` or `SEND` runs
//! the frame in the resumer's own eval loop, as a call is run ([`push_inline`]); any other
//! (`next()`, `send()`, a native consumer) runs it in a nested eval loop until it yields,
//! returns or raises.

use std::cell::Cell as StdCell;

use pyrite_bytecode::{Opcode, flags};
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::method_args;
use pyrite_object::types::exception::PyException;
use pyrite_object::types::function::{Code, Function};
use pyrite_object::types::list::PyTuple;

use pyrite_object::types::typeobj::{TypeObject, is_subtype, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use crate::eval::{Flow, Suspension, resume_frame};
use crate::frame::{Frame, Slot};

/// A generator, coroutine or async generator.
pub struct Generator {
    /// The suspended frame; `None` once finished (or while running).
    frame: PayloadCell<Option<Frame>>,
    /// The frame's slots (the frame points into them).
    slots: PayloadCell<Box<[Slot]>>,
    running: StdCell<bool>,
    started: StdCell<bool>,
    /// Generator, coroutine or async generator ([`KIND_GENERATOR`] and the others), as its
    /// type says (which never changes), read without loading the type table.
    kind: u8,
    /// The exception its frame is handling while suspended inside an `except` block (CPython's
    /// `gi_exc_state`): it is the handled exception again when the frame resumes, and the
    /// resumer's own handled exception is back in place while it is suspended.
    exc_state: PayloadCell<Option<ObjRef>>,
    /// `__name__` and `__qualname__` (the function's when it was made; assignable).
    name: PayloadCell<Value>,
    qualname: PayloadCell<Value>,
    /// The code object.
    pub code: ObjRef,
    /// An async generator's `sys.set_asyncgen_hooks` state (CPython's `ag_hooks_inited` and
    /// `ag_finalizer`): `None` until its first iteration, then the finalizer in force then.
    pub(crate) agen_finalizer: PayloadCell<Option<Value>>,
    /// Where the resumer continues when its frame, running in the resumer's loop,
    /// finishes (see [`push_inline`]).
    inline_exit: StdCell<InlineExit>,
}

/// [`Generator::kind`] of a generator.
const KIND_GENERATOR: u8 = 0;
/// [`Generator::kind`] of a coroutine.
const KIND_COROUTINE: u8 = 1;
/// [`Generator::kind`] of an async generator.
const KIND_ASYNC_GENERATOR: u8 = 2;

/// Where the resumer of a generator running in its loop continues when the generator
/// finishes, kept in the generator (rather than in each resumption's frame) so a
/// resumption allocates nothing.
#[derive(Clone, Copy, Default)]
pub(crate) struct InlineExit {
    /// The resumer's instruction past its loop (`FOR_ITER`) or past its `SEND`.
    pub(crate) exit_ip: usize,
    /// Resumed by `SEND` (`yield from`, `await`): the generator's return value replaces
    /// it on the resumer's stack; by `FOR_ITER`, the value is dropped with it.
    pub(crate) returns_value: bool,
}

impl Trace for Generator {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code);
        if let Some(frame) = &*self.frame.borrow() {
            frame.visit_owned_namespaces(visit);
            if let Some(func) = &frame.func {
                visit(func);
            }
            if let Some(obj) = &frame.frame_obj {
                visit(obj);
            }
        }
        if let Some(exc) = &*self.exc_state.borrow() {
            visit(exc);
        }
        if let Some(finalizer) = &*self.agen_finalizer.borrow() {
            finalizer.traverse(visit);
        }
        for slot in self.slots.borrow().iter().flatten() {
            slot.traverse(visit);
        }
    }
}

payload!(Generator, "generator", tracked);

/// Makes the generator for a call of a generator function; `frame` has its arguments bound
/// and its slots carved from the slot stack, from which they move to the generator's own box.
pub fn make_generator(func_obj: &ObjRef, mut frame: Frame, ctx: &mut Ctx) -> PyResult {
    let func = func_obj.downcast::<Function>().ok_or_else(|| PyErr::new_system("generator without function"))?;
    let mut slots: Box<[Slot]> = frame.slots_mut().iter_mut().map(Option::take).collect();
    let n = frame.nslots;
    crate::state::vm(ctx).slots.pop(n);
    frame.slots = std::ptr::NonNull::from(&mut slots[0]);
    let code = func.code_obj();
    let code_flags = code.downcast::<Code>().map_or(0, |c| c.bytecode.flags);
    Ok(generator_from(func, code, code_flags, frame, slots))
}

/// The empty slots of a generator's frame, in the box the generator will own (for
/// [`generator_from`]): a generator made by a call is built in place, its arguments
/// written straight into these.
pub(crate) fn own_slots(nslots: usize) -> Box<[Slot]> {
    std::iter::repeat_with(|| None).take(nslots).collect()
}

/// Makes the generator (or coroutine, or async generator, as `code_flags`, the flags of
/// `code`, say) of the function `func`, whose frame runs `code` over `slots`.
pub(crate) fn generator_from(
    func: &Function,
    code: ObjRef,
    code_flags: u32,
    mut frame: Frame,
    slots: Box<[Slot]>,
) -> Value {
    frame.kind = crate::frame::FrameKind::Generator;
    frame.lasti = return_generator_at(&frame.code().bytecode.code);
    let t = types();
    let (ty, kind) = if code_flags & flags::COROUTINE != 0 {
        (&t.coroutine, KIND_COROUTINE)
    } else if code_flags & flags::ASYNC_GENERATOR != 0 {
        (&t.async_generator, KIND_ASYNC_GENERATOR)
    } else {
        (&t.generator, KIND_GENERATOR)
    };
    let generator = Generator {
        frame: PayloadCell::new(Some(frame)),
        slots: PayloadCell::new(slots),
        running: StdCell::new(false),
        started: StdCell::new(false),
        kind,
        exc_state: PayloadCell::new(None),
        name: PayloadCell::new(func.name.borrow().clone()),
        qualname: PayloadCell::new(func.qualname.borrow().clone()),
        code,
        agen_finalizer: PayloadCell::new(None),
        inline_exit: StdCell::new(InlineExit::default()),
    };
    let obj = ObjRef::new(generator, Some(ty));
    if code_flags & flags::COROUTINE != 0 || crate::eval::trace::tracing() {
        // Dropped without ever being awaited, its `__del__` warns; while tracing, one never
        // started is closed by it, which CPython 3.11 reports as a 'call' of its frame.
        set_needs_close(&obj, true);
    }
    Value::Obj(obj)
}

fn this(v: &Value) -> PyResult<&Generator> {
    v.downcast::<Generator>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'generator' object but received a '{}'", v.type_name()))
    })
}

fn kind_name(v: &Value) -> &'static str {
    let t = types();
    if v.type_ref().is_same(&t.coroutine) {
        "coroutine"
    } else if v.type_ref().is_same(&t.async_generator) {
        "async generator"
    } else {
        "generator"
    }
}

/// Resumes a generator: sends `value` in, or throws `error` in. `Ok(Yielded)` when it
/// yields again, `Ok(Returned)` when it finishes.
pub fn resume(ctx: &mut Ctx, gen_value: &Value, value: Value, error: Option<PyErr>) -> PyResult<Suspension> {
    if error.is_none()
        && let Some(obj) = gen_value.as_obj()
        && can_push_inline(ctx, obj, value.is_none(), true)
    {
        return crate::eval::resume_inline(ctx, obj.clone(), value);
    }
    let generator = this(gen_value)?;
    if generator.running.get() {
        return Err(PyErr::value_error(format!("{} already executing", kind_name(gen_value))));
    }
    let Some(mut frame) = generator.frame.replace(None) else {
        if let Some(e) = error {
            return Err(e);
        }
        if kind_name(gen_value) == "coroutine" {
            return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
        }
        return Ok(Suspension::Returned(Value::None));
    };
    if !generator.started.get() {
        if error.is_none() && !value.is_none() {
            drop(generator.frame.replace(Some(frame)));
            return Err(PyErr::type_error(format!(
                "can't send non-None value to a just-started {}",
                kind_name(gen_value)
            )));
        }
    } else if error.is_none() {
        frame.push(value);
    }
    let resumer = begin_run(ctx, generator, &mut frame);
    let (frame, outcome) = resume_frame(ctx, frame, error);
    if let Some(obj) = gen_value.as_obj() {
        end_run(ctx, obj, generator, frame, resumer);
    }
    let Err(e) = outcome else { return outcome };
    Err(finished_with_error(gen_value, e))
}

/// [`resume`] without a value sent or an error thrown, for a native consumer that resumes
/// the generator many times (`sum`): the frame runs in `frames`, an empty list the
/// consumer keeps (from `eval::take_frame_list`) rather than one taken per resumption.
pub(crate) fn resume_next_in(ctx: &mut Ctx, frames: &mut Vec<Frame>, gen_value: &Value) -> PyResult<Suspension> {
    if let Some(obj) = gen_value.as_obj()
        && can_push_inline(ctx, obj, true, true)
    {
        return crate::eval::resume_inline_in(ctx, frames, obj.clone(), Value::None);
    }
    resume(ctx, gen_value, Value::None, None)
}

/// The error a generator's frame ended with, as its resumer sees it: a `StopIteration`
/// (or, for an async generator, `StopAsyncIteration`) raised inside becomes a
/// RuntimeError (PEP 479), with the original as its cause.
pub(crate) fn finished_with_error(gen_value: &Value, e: PyErr) -> PyErr {
    let is_async_gen = gen_value.type_ref().is_same(&types().async_generator);
    match e {
        e if e.matches(&types().stop_iteration) || (is_async_gen && e.matches(&types().stop_async_iteration)) => {
            let raised = if e.matches(&types().stop_iteration) { "StopIteration" } else { "StopAsyncIteration" };
            let message = format!("{} raised {raised}", kind_name(gen_value));
            let replacement = PyErr::runtime_error(message);
            if let Some(exc) = replacement.value().downcast::<PyException>() {
                drop(exc.cause.replace(Some(e.0.clone())));
                drop(exc.context.replace(Some(e.0)));
                exc.suppress_context.set(true);
            }
            replacement
        }
        other => other,
    }
}

/// Whether [`push_inline`] can resume `receiver` in the resumer's loop: a plain
/// generator (or, for `SEND`, a coroutine) that is neither running nor finished, not sent
/// a value before it started (which raises), with the recursion limit not reached (which
/// raises too). Anything else is resumed the general way, which raises where it must.
#[inline(always)]
pub(crate) fn can_push_inline(ctx: &Ctx, receiver: &ObjRef, sent_is_none: bool, coroutines: bool) -> bool {
    let Some(generator) = receiver.downcast::<Generator>() else { return false };
    let kind = generator.kind;
    (kind == KIND_GENERATOR || (coroutines && kind == KIND_COROUTINE))
        && !generator.running.get()
        && (generator.started.get() || sent_is_none)
        && generator.frame.borrow().is_some()
        && ctx.recursion_depth < ctx.recursion_limit
}

/// Resumes the generator `receiver`, which [`can_push_inline`] accepted, in the resumer's
/// loop, as a call is run: its frame moves to the top of `frames` (the resumer's is
/// below), with `sent` as the value of its `yield`; when it finishes, the resumer
/// continues at `exit_ip`, with the return value pushed when `send`.
///
/// A suspended frame holds neither `inline_generator` nor `resumer_exc` (both are taken
/// when it parks or stops), so both are written here without dropping old values; when
/// nobody handles an exception (the common case) there is no exception state to swap.
pub(crate) fn push_inline(
    ctx: &mut Ctx,
    frames: &mut Vec<Frame>,
    receiver: ObjRef,
    sent: Value,
    exit_ip: usize,
    send: bool,
) {
    let Some(generator) = receiver.downcast::<Generator>().map(std::ptr::from_ref) else { return };
    // SAFETY: `receiver` keeps the generator alive; it moves into the frame below and the
    // frame into the list, which holds it until the frame parks or finishes.
    let generator = unsafe { &*generator };
    // The frame moves once, from the generator straight into the list; its fields are
    // written only after (a frame moved right after some of its fields were written makes
    // the CPU wait for those stores: no store-to-load forwarding across the wider loads
    // of the move).
    frames.reserve(1);
    let frame = {
        let mut suspended = generator.frame.borrow_mut();
        let Some(frame) = suspended.as_mut() else { return };
        // SAFETY: there is room for one more frame; the frame is copied straight into it
        // (not through a temporary) and its old place emptied without a drop, so it has
        // exactly one owner again.
        unsafe {
            let len = frames.len();
            let place = frames.as_mut_ptr().add(len);
            std::ptr::copy_nonoverlapping(&raw const *frame, place, 1);
            std::ptr::write(&raw mut *suspended, None);
            frames.set_len(len + 1);
            &mut *place
        }
    };
    // Counted as a call (`can_push_inline` checked the limit), left at its yield or end.
    ctx.recursion_depth += 1;
    generator.inline_exit.set(InlineExit { exit_ip, returns_value: send });
    if generator.started.get() {
        frame.push(sent);
    } else {
        generator.started.set(true);
        // Suspended from now on until it finishes: a drop closes it first.
        set_needs_close(&receiver, true);
        skip_generator_start(frame);
    }
    generator.running.set(true);
    if ctx.exc_info.is_some() || generator.exc_state.borrow().is_some() {
        debug_assert!(frame.resumer_exc.is_none(), "a suspended frame holds no resumer exception");
        // SAFETY: as `inline_generator` below: nothing to drop.
        unsafe { std::ptr::write(&raw mut frame.resumer_exc, enter_exc_state(ctx, generator)) };
    }
    debug_assert!(frame.inline_generator.is_none(), "a suspended frame holds no generator");
    // SAFETY: a suspended frame holds no generator (see above): nothing to drop.
    unsafe { std::ptr::write(&raw mut frame.inline_generator, Some(receiver)) };
}

/// Where an unstarted generator's frame reports it stopped (`f_lasti`, `f_lineno`): at its
/// `RETURN_GENERATOR`, after the `COPY_FREE_VARS`/`MAKE_CELL` prefix a closure or a cell
/// variable puts before it, as CPython's call runs that prefix and stops there; 0 when the
/// code does not start that way.
fn return_generator_at(code: &[pyrite_bytecode::CodeUnit]) -> usize {
    const PREFIX: [u8; 3] = [Opcode::COPY_FREE_VARS as u8, Opcode::MAKE_CELL as u8, Opcode::EXTENDED_ARG as u8];
    let position = code.iter().position(|u| !PREFIX.contains(&u.op)).unwrap_or(0);
    if code.get(position).is_some_and(|u| u.op == Opcode::RETURN_GENERATOR as u8) { position } else { 0 }
}

/// A generator's first resumption in its resumer's loop starts past its
/// `RETURN_GENERATOR; POP_TOP` (after any `MAKE_CELL`/`COPY_FREE_VARS`), which push the
/// generator's first sent value and pop it again: nothing to do, and two instructions
/// that would go through the general dispatch. Not while tracing, whose loop sees every
/// instruction.
#[inline(always)]
fn skip_generator_start(frame: &mut Frame) {
    const RETURN_GENERATOR: u8 = Opcode::RETURN_GENERATOR as u8;
    const POP_TOP: u8 = Opcode::POP_TOP as u8;
    const { assert!(Opcode::RETURN_GENERATOR.cache_units() == 0 && Opcode::POP_TOP.cache_units() == 0) };
    let ip = frame.ip;
    let code = &frame.code().bytecode.code;
    if code.get(ip).is_some_and(|u| u.op == RETURN_GENERATOR)
        && code.get(ip + 1).is_some_and(|u| u.op == POP_TOP)
        && !crate::eval::trace::tracing()
    {
        frame.ip = ip + 2;
        frame.lasti = ip + 1;
    }
}

/// The generator's handled exception (if it was suspended in an `except` block) becomes
/// the current one; returns the resumer's, to restore when it stops.
#[cold]
#[inline(never)]
fn enter_exc_state(ctx: &mut Ctx, generator: &Generator) -> Option<ObjRef> {
    let resumer = ctx.exc_info.clone();
    if let Some(own) = generator.exc_state.replace(None) {
        ctx.exc_info = Some(own);
    }
    resumer
}

/// The generator's frame starts running, by whichever resumer (a nested loop or the
/// resumer's own): it is started and running, and its handled exception (if it was
/// suspended in an `except` block) becomes the current one. Returns the resumer's, to
/// restore in [`end_run`].
fn begin_run(ctx: &mut Ctx, generator: &Generator, frame: &mut Frame) -> Option<ObjRef> {
    let resumer = start_running(ctx, generator);
    frame.resumer_exc.clone_from(&resumer);
    resumer
}

/// [`begin_run`] without touching the frame.
fn start_running(ctx: &mut Ctx, generator: &Generator) -> Option<ObjRef> {
    generator.started.set(true);
    generator.running.set(true);
    if ctx.exc_info.is_none() && generator.exc_state.borrow().is_none() {
        return None;
    }
    enter_exc_state(ctx, generator)
}

/// The generator's frame stops running (it yielded when `suspended`, else it finished): the
/// resumer's handled exception is current again, and a suspended frame that is handling
/// one of its own keeps it.
#[inline(always)]
fn leave_exc_state(ctx: &mut Ctx, generator: &Generator, resumer: Option<ObjRef>, suspended: bool) {
    // Nobody handling anything, the common case: nothing to swap (the generator's own
    // state was emptied when it started running).
    if resumer.is_none() && ctx.exc_info.is_none() {
        return;
    }
    let current = std::mem::replace(&mut ctx.exc_info, resumer);
    let own = match (&current, &ctx.exc_info) {
        (Some(c), Some(r)) if c.is_same(r) => None,
        _ => current,
    };
    if suspended {
        drop(generator.exc_state.replace(own));
    }
}

/// The generator's frame stopped running: `Some` when it yielded (it goes back to the
/// generator, whose frame object keeps its state, and a drop will close it first), `None`
/// when it finished. The resumer's handled exception is current again.
fn end_run(ctx: &mut Ctx, obj: &ObjRef, generator: &Generator, frame: Option<Frame>, resumer: Option<ObjRef>) {
    let suspended = frame.is_some();
    // Moved into place first, written there after (see `push_inline`).
    drop(generator.frame.replace(frame));
    if suspended {
        let stale = generator.frame.borrow_mut().as_mut().and_then(suspend_frame);
        drop(stale);
    }
    stop_running(ctx, obj, generator, resumer, suspended);
}

/// A yielding frame, back in its generator: its frame object (if any) keeps its state,
/// with no caller, and the resumer's handled exception it held is handed back.
#[inline(always)]
fn suspend_frame(frame: &mut Frame) -> Option<ObjRef> {
    if frame.frame_obj.is_some() {
        crate::frameobject::suspend(frame);
    }
    frame.resumer_exc.take()
}

/// The generator, whose frame (if it yielded) is back in it, stops running: the
/// resumer's handled exception is current again, and a suspended generator is closed by
/// its `__del__` when dropped.
#[inline(always)]
fn stop_running(ctx: &mut Ctx, obj: &ObjRef, generator: &Generator, resumer: Option<ObjRef>, suspended: bool) {
    leave_exc_state(ctx, generator, resumer, suspended);
    generator.running.set(false);
    set_needs_close(obj, suspended);
}

/// A generator's frame that ran in its resumer's loop finished (returned or raised), and
/// was taken off the frame list with `resumer_exc`, its resumer's handled exception:
/// where the resumer continues.
pub(crate) fn leave_inline(ctx: &mut Ctx, generator: &ObjRef, resumer_exc: Option<ObjRef>) -> InlineExit {
    let Some(g) = generator.downcast::<Generator>() else { return InlineExit::default() };
    // Its frame was taken off the list (the generator keeps none while it runs): it is
    // finished and needs no closing.
    stop_running(ctx, generator, g, resumer_exc, false);
    g.inline_exit.get()
}

/// Whether dropping the generator must first run its `__del__` (CPython's
/// `_PyGen_Finalize`, through the finalizer hook): only while it is suspended at a `yield`
/// (or, for a coroutine, never awaited), so a generator run to its end is freed directly.
fn set_needs_close(generator: &ObjRef, suspended: bool) {
    if suspended {
        generator.set_flags(pyrite_memory::FLAG_HAS_FINALIZER);
    } else {
        generator.clear_flags(pyrite_memory::FLAG_HAS_FINALIZER);
    }
}

/// The top frame of `frames`, a generator's that ran in its resumer's loop, yielded: it
/// goes back to its generator, which resumes it at `ip` with the stack at `sp` (`lasti`
/// its `yield`). It is copied straight from the list into the generator, and its
/// pointers are written there after (see [`push_inline`]). With no frame object and no
/// exception handled by the resumer or the generator (the common case), that is all: the
/// generator was marked as needing a close when it first started.
pub(crate) fn park_top(ctx: &mut Ctx, frames: &mut Vec<Frame>, ip: usize, sp: usize, lasti: usize) {
    let Some(owner) = frames.last().and_then(|top| top.inline_generator.as_ref()) else {
        if let Some(frame) = frames.pop() {
            drop_unparked(ctx, frame, sp);
        }
        return;
    };
    let Some(g) = owner.downcast::<Generator>().map(std::ptr::from_ref) else { return };
    // SAFETY: the frame's reference keeps the generator alive; it moves with the frame and
    // is taken out of it below (rather than cloned here and dropped: two count updates
    // less), then held to the end of this function.
    let g = unsafe { &*g };
    let mut suspended = g.frame.borrow_mut();
    debug_assert!(suspended.is_none(), "a running generator keeps no frame");
    // SAFETY: the list's last frame moves into the generator's empty place (its frame is
    // out while it runs): copied once, then forgotten by the list.
    unsafe {
        let len = frames.len();
        frames.set_len(len - 1);
        std::ptr::write(&raw mut *suspended, Some(std::ptr::read(frames.as_ptr().add(len - 1))));
    }
    let Some(f) = suspended.as_mut() else { return };
    f.ip = ip;
    f.sp = sp;
    f.lasti = lasti;
    // SAFETY: the reference is moved out and its place emptied without a drop.
    let own = unsafe { std::ptr::replace(&raw mut f.inline_generator, None) };
    if f.frame_obj.is_some() || f.resumer_exc.is_some() || ctx.exc_info.is_some() {
        let resumer = suspend_frame(f);
        drop(suspended);
        leave_exc_state(ctx, g, resumer, true);
    } else {
        drop(suspended);
    }
    g.running.set(false);
    drop(own);
}

/// A frame that was to be parked but belongs to no generator (not reached: the register
/// loop parks only frames it entered inline) is cleared like a finished one.
fn drop_unparked(ctx: &mut Ctx, mut frame: Frame, sp: usize) {
    frame.sp = sp;
    crate::eval::drop_frame(ctx, frame);
}

/// A generator's frame that ran inline was dropped without finishing through the loop (a
/// frame refused at entry): it is no longer running and needs no closing.
pub(crate) fn finish_inline(generator: &ObjRef) {
    set_needs_close(generator, false);
    if let Some(g) = generator.downcast::<Generator>() {
        g.running.set(false);
    }
}

fn stop_iteration(value: Value) -> PyErr {
    if value.is_none() { PyErr::stop_iteration(None) } else { PyErr::stop_iteration(Some(value)) }
}

fn gen_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    match resume(ctx, v, Value::None, None)? {
        Suspension::Yielded(value) => Ok(Some(value)),
        Suspension::Returned(value) if value.is_none() => Ok(None),
        Suspension::Returned(value) => Err(stop_iteration(value)),
    }
}

fn gen_send(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (generator, rest) = method_args("send", args, 1, 1)?;
    match resume(ctx, generator, rest[0].clone(), None)? {
        Suspension::Yielded(value) => Ok(value),
        Suspension::Returned(value) => Err(stop_iteration(value)),
    }
}

/// Makes the exception `throw()` raises from its arguments (type, value, traceback), as
/// CPython's `_gen_throw` normalizes them: a value that is already an instance of the
/// class is used as it is, a tuple is the constructor's arguments.
pub(crate) fn throw_error(ctx: &mut Ctx, args: &[Value]) -> PyErr {
    let base = &types().base_exception;
    let exc = &args[0];
    let value = args.get(1).cloned().unwrap_or(Value::None);
    let traceback = args.get(2).cloned().unwrap_or(Value::None);
    if !traceback.is_none() && !traceback.type_ref().is_same(&types().traceback) {
        return PyErr::type_error("throw() third argument must be a traceback object");
    }
    let error = if let Some(ty) = exc.as_obj().filter(|o| o.is::<TypeObject>() && is_subtype(o, base)) {
        if value.as_obj().is_some_and(|v| v.is::<PyException>() && is_subtype(v.type_ref(), ty)) {
            PyErr(value.as_obj().cloned().expect("an exception instance"))
        } else {
            let call_args: Vec<Value> = match value.downcast::<PyTuple>() {
                Some(t) => t.items().to_vec(),
                None if value.is_none() => Vec::new(),
                None => vec![value],
            };
            match protocol::call(ctx, &Value::Obj(ty.clone()), Args::positional(&call_args)) {
                Ok(Value::Obj(instance)) if instance.is::<PyException>() => PyErr(instance),
                Ok(other) => {
                    return PyErr::type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        pyrite_object::types::typeobj::type_name(ty),
                        other.type_name()
                    ));
                }
                Err(e) => return e,
            }
        }
    } else {
        match exc {
            Value::Obj(instance) if instance.is::<PyException>() => {
                if !value.is_none() {
                    return PyErr::type_error("instance exception may not have a separate value");
                }
                PyErr(instance.clone())
            }
            _ => {
                return PyErr::type_error(
                    "exceptions must be classes or instances deriving from BaseException, not ".to_owned()
                        + &exc.type_name(),
                );
            }
        }
    };
    if let (Value::Obj(tb), Some(e)) = (&traceback, error.value().downcast::<PyException>()) {
        drop(e.traceback.replace(Some(tb.clone())));
    }
    error
}

fn gen_throw(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (generator, rest) = method_args("throw", args, 1, 3)?;
    let error = throw_error(ctx, rest);
    match throw_into(ctx, generator, error, true)? {
        Suspension::Yielded(value) => Ok(value),
        Suspension::Returned(value) => Err(stop_iteration(value)),
    }
}

/// CPython's `_PyGen_yf`: the iterator a suspended generator delegates to (`yield from`,
/// `await`). The frame is then suspended just after the `YIELD_VALUE` of a `SEND` loop, at a
/// `RESUME` whose argument is 2 or more, with the delegate on top of its stack.
fn delegate(g: &Generator) -> Option<Value> {
    if !g.started.get() {
        return None;
    }
    let mut guard = g.frame.borrow_mut();
    let frame = guard.as_mut()?;
    let next = *frame.code().bytecode.code.get(frame.ip)?;
    if next.op != Opcode::RESUME as u8 || next.arg < 2 || frame.sp <= frame.stack_base {
        return None;
    }
    frame.peek(1).clone()
}

/// Leaves the `SEND` loop of a suspended `yield from`: pops the delegate and moves to the
/// instruction after the loop (CPython's "termination repetition of SEND loop" in `_gen_throw`).
fn leave_send_loop(g: &Generator) -> PyResult<()> {
    let mut guard = g.frame.borrow_mut();
    let frame = guard.as_mut().ok_or_else(|| PyErr::new_system("yield from without a frame"))?;
    let code = &frame.code().bytecode.code;
    // `ip` is at the RESUME after YIELD_VALUE; SEND (with any EXTENDED_ARG prefixes) precedes.
    let send_at = frame.ip.checked_sub(2).ok_or_else(|| PyErr::new_system("yield from without SEND"))?;
    if code[send_at].op != Opcode::SEND as u8 {
        return Err(PyErr::new_system("yield from without SEND"));
    }
    let mut arg = usize::from(code[send_at].arg);
    let mut shift = 8;
    let mut at = send_at;
    while at > 0 && code[at - 1].op == Opcode::EXTENDED_ARG as u8 {
        at -= 1;
        arg |= usize::from(code[at].arg) << shift;
        shift += 8;
    }
    let target = send_at + 1 + arg;
    drop(frame.pop_slot());
    frame.ip = target;
    Ok(())
}

/// CPython's `gen_close_iter`: closes the delegate of a `yield from`.
fn close_iter(ctx: &mut Ctx, yf: &Value) -> PyResult<()> {
    if yf.downcast::<Generator>().is_some() && !yf.type_ref().is_same(&types().async_generator) {
        return gen_close(ctx, Args::positional(std::slice::from_ref(yf))).map(drop);
    }
    match protocol::getattr_str(ctx, yf, "close") {
        Ok(close) => protocol::call_positional(ctx, &close, &[]).map(drop),
        Err(e) if e.matches(&types().attribute_error) => Ok(()),
        Err(e) => Err(e),
    }
}

/// CPython's `_gen_throw`: throws `error` into the generator, or into the iterator it
/// delegates to, and resumes it as that decides.
fn throw_into(ctx: &mut Ctx, gen_value: &Value, error: PyErr, close_on_genexit: bool) -> PyResult<Suspension> {
    let g = this(gen_value)?;
    let Some(yf) = delegate(g) else { return resume(ctx, gen_value, Value::None, Some(error)) };
    if error.matches(&types().generator_exit) && close_on_genexit {
        g.running.set(true);
        let closed = close_iter(ctx, &yf);
        g.running.set(false);
        let error = match closed {
            Ok(()) => error,
            Err(e) => e,
        };
        return resume(ctx, gen_value, Value::None, Some(error));
    }
    g.running.set(true);
    let outcome = if yf.downcast::<Generator>().is_some() && !yf.type_ref().is_same(&types().async_generator) {
        match throw_into(ctx, &yf, error, close_on_genexit) {
            Ok(Suspension::Yielded(v)) => Ok(v),
            Ok(Suspension::Returned(v)) => Err(stop_iteration(v)),
            Err(e) => Err(e),
        }
    } else {
        match protocol::getattr_str(ctx, &yf, "throw") {
            Ok(throw) => protocol::call_positional(ctx, &throw, &[Value::Obj(error.0)]),
            Err(e) if e.matches(&types().attribute_error) => {
                g.running.set(false);
                return resume(ctx, gen_value, Value::None, Some(error));
            }
            Err(e) => Err(e),
        }
    };
    g.running.set(false);
    match outcome {
        Ok(v) => Ok(Suspension::Yielded(v)),
        Err(e) => {
            leave_send_loop(g)?;
            if e.matches(&types().stop_iteration) {
                let value = protocol::getattr_str(ctx, &Value::Obj(e.0), "value")?;
                resume(ctx, gen_value, value, None)
            } else {
                resume(ctx, gen_value, Value::None, Some(e))
            }
        }
    }
}

fn gen_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (generator, _) = method_args("close", args, 0, 0)?;
    let g = this(generator)?;
    if g.frame.borrow().is_none() {
        return Ok(Value::None);
    }
    // CPython 3.11 throws GeneratorExit into a generator that never started, which only
    // shows while tracing (a 'call' event); otherwise its frame is simply dropped.
    if !g.started.get() && !crate::eval::trace::tracing() {
        drop(g.frame.replace(None));
        return Ok(Value::None);
    }
    let exit = match delegate(g) {
        Some(yf) => {
            g.running.set(true);
            let closed = close_iter(ctx, &yf);
            g.running.set(false);
            closed.err()
        }
        None => None,
    };
    let exit = exit.unwrap_or_else(|| PyErr::with_args(&types().generator_exit, Vec::new()));
    match resume(ctx, generator, Value::None, Some(exit)) {
        Ok(Suspension::Yielded(_)) => {
            Err(PyErr::runtime_error(format!("{} ignored GeneratorExit", kind_name(generator))))
        }
        Ok(Suspension::Returned(_)) => Ok(Value::None),
        Err(e) if e.matches(&types().generator_exit) || e.matches(&types().stop_iteration) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

pub(crate) fn gen_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let g = this(v)?;
    let qualname = g.qualname.borrow().as_str().map_or("?", |s| s.as_str()).to_owned();
    Ok(Value::str(&format!("<{} object {qualname} at {:#x}>", v.type_name(), v.id())))
}

/// Whether [`gen_getattro`] leaves `name` to `object.__getattribute__` (every name but the
/// ones it answers itself), so attribute caches may treat a generator's `send` or `close`
/// as any method of a type with the generic lookup.
pub(crate) fn getattro_defers(ty: &ObjRef, name: &str) -> bool {
    let own = type_payload(ty)
        .slots()
        .getattro
        .is_some_and(|slot| std::ptr::fn_addr_eq(slot, gen_getattro as pyrite_object::types::typeobj::GetAttrFn));
    own && !["gi_", "cr_", "ag_"].iter().any(|prefix| name.starts_with(prefix))
        && name != "__name__"
        && name != "__qualname__"
}

/// The `gi_*` (generator), `cr_*` (coroutine) and `ag_*` (async generator) attributes.
pub(crate) fn gen_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let g = this(v)?;
    let Some(attr) = name.as_str().map(|s| s.as_str()) else { return protocol::generic_getattr(ctx, v, name) };
    let t = types();
    let prefix = if v.type_ref().is_same(&t.coroutine) {
        "cr_"
    } else if v.type_ref().is_same(&t.async_generator) {
        "ag_"
    } else {
        "gi_"
    };
    match (attr, attr.strip_prefix(prefix)) {
        ("__name__", _) => Ok(g.name.borrow().clone()),
        ("__qualname__", _) => Ok(g.qualname.borrow().clone()),
        (_, Some("running")) => Ok(Value::Bool(g.running.get())),
        (_, Some("code")) => Ok(Value::Obj(g.code.clone())),
        (_, Some("suspended")) if prefix != "ag_" => {
            Ok(Value::Bool(g.started.get() && !g.running.get() && g.frame.borrow().is_some()))
        }
        (_, Some("origin")) if prefix == "cr_" => Ok(Value::None),
        ("gi_yieldfrom" | "cr_await" | "ag_await", _) => Ok(delegate(g).unwrap_or(Value::None)),
        (_, Some("frame")) => {
            let slots = g.slots.borrow().as_ptr();
            let mut frame = g.frame.borrow_mut();
            if frame.is_none() && !g.running.get() {
                return Ok(Value::None);
            }
            let found = crate::frameobject::generator_frame(ctx, frame.as_mut(), slots);
            Ok(found.map_or(Value::None, Value::Obj))
        }
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// Assigns a generator's `__name__` or `__qualname__` (CPython's `gen_set_name` and
/// `gen_set_qualname`): a str, never deleted.
fn set_name_in(cell: &PayloadCell<Value>, what: &str, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(new) if new.downcast::<pyrite_object::types::str::PyStr>().is_some() => {
            drop(cell.replace(new));
            Ok(())
        }
        _ => Err(PyErr::type_error(format!("{what} must be set to a string object"))),
    }
}

/// Installs the generator and coroutine types' slots and methods.
pub fn install() {
    use pyrite_object::methods::add_methods;
    let t = types();
    for ty in [&t.generator, &t.coroutine] {
        {
            let mut slots = type_payload(ty).slots.borrow_mut();
            slots.repr = Some(gen_repr);
            slots.getattro = Some(gen_getattro);
            if ty.is_same(&t.generator) {
                slots.iter = Some(|_, v| Ok(v.clone()));
                slots.next = Some(gen_next);
            }
        }
        let owner = if ty.is_same(&t.generator) { "generator" } else { "coroutine" };
        add_methods(ty, owner, &[("send", gen_send), ("throw", gen_throw), ("close", gen_close)]);
        if ty.is_same(&t.coroutine) {
            add_methods(ty, owner, &[("__await__", coro_await)]);
        }
        pyrite_object::methods::slots::install_wrappers(ty);
    }
    add_attribute_descriptors(&t.generator, "gi_");
    add_attribute_descriptors(&t.coroutine, "cr_");
    attrdescr::add(&t.coroutine, Kind::Member, &["cr_origin"]);
}

/// The descriptors in the type's dict for what [`gen_getattro`] answers, and `__del__`.
pub(crate) fn add_attribute_descriptors(ty: &ObjRef, prefix: &str) {
    let (code, frame, running, suspended, delegate): (&'static str, _, _, _, _) = match prefix {
        "gi_" => ("gi_code", "gi_frame", "gi_running", Some("gi_suspended"), "gi_yieldfrom"),
        "cr_" => ("cr_code", "cr_frame", "cr_running", Some("cr_suspended"), "cr_await"),
        _ => ("ag_code", "ag_frame", "ag_running", None, "ag_await"),
    };
    attrdescr::add(ty, Kind::Member, &[code]);
    let running_kind = if prefix == "ag_" { Kind::Member } else { Kind::GetSet };
    attrdescr::add(ty, running_kind, &[running]);
    attrdescr::add(ty, Kind::GetSet, &[frame, delegate]);
    attrdescr::add_getset(
        ty,
        Kind::GetSet,
        &[
            (
                "__name__",
                |_, v| Ok(this(v)?.name.borrow().clone()),
                Some(|_, v, new| set_name_in(&this(v)?.name, "__name__", new)),
            ),
            (
                "__qualname__",
                |_, v| Ok(this(v)?.qualname.borrow().clone()),
                Some(|_, v, new| set_name_in(&this(v)?.qualname, "__qualname__", new)),
            ),
        ],
    );
    if let Some(suspended) = suspended {
        attrdescr::add(ty, Kind::GetSet, &[suspended]);
    }
    let owner = match prefix {
        "gi_" => "generator",
        "cr_" => "coroutine",
        _ => "async_generator",
    };
    pyrite_object::methods::add_methods(ty, owner, &[("__del__", gen_del)]);
}

/// `__del__` of generators, coroutines and async generators (CPython's
/// `_PyGen_Finalize`): an unfinished one is closed, except a coroutine never awaited,
/// which warns instead; an error closing it is reported as unraisable, not raised.
fn gen_del(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (generator, _) = method_args("__del__", args, 0, 0)?;
    let g = this(generator)?;
    if g.frame.borrow().is_none() {
        return Ok(Value::None);
    }
    // A coroutine that never ran says so, as CPython's `_PyErr_WarnUnawaitedCoroutine`.
    if !g.started.get() && generator.type_ref().is_same(&types().coroutine) {
        let qualname = g.qualname.borrow().as_str().map_or("?", |s| s.as_str()).to_owned();
        let message = Value::str(&format!("coroutine '{qualname}' was never awaited"));
        let category = Value::Obj(types().runtime_warning.clone());
        let warned = crate::import_module(ctx, "warnings")
            .and_then(|w| protocol::getattr_str(ctx, &w, "warn"))
            .and_then(|warn| protocol::call_positional(ctx, &warn, &[message, category]));
        if let Err(err) = warned {
            crate::syshooks::write_unraisable(ctx, &err, None, generator.clone());
        }
        // It stays as it is (CPython warns instead of closing it).
        return Ok(Value::None);
    }
    // An async generator with a finalizer hook (asyncio's) is handed to it instead.
    if crate::asyncgen::run_finalizer_hook(ctx, generator, g) {
        return Ok(Value::None);
    }
    if let Err(err) = gen_close(ctx, Args::positional(std::slice::from_ref(generator))) {
        crate::syshooks::write_unraisable(ctx, &err, None, generator.clone());
    }
    Ok(Value::None)
}

/// The iterator `coroutine.__await__()` returns: it drives the coroutine.
pub struct CoroutineWrapper(pub Value);

impl Trace for CoroutineWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.0.traverse(visit);
    }
}

payload!(CoroutineWrapper, "coroutine_wrapper", tracked);

fn wrapper_type() -> &'static ObjRef {
    static WRAPPER_TYPE: pyrite_object::types::typeobj::StaticType = pyrite_object::types::typeobj::StaticType::new();
    WRAPPER_TYPE.get_or_init(|| {
        let t = types();
        let ty = pyrite_object::types::typeobj::new_type(
            Some(&t.type_),
            "coroutine_wrapper",
            vec![t.object.clone()],
            pyrite_object::types::dict::PyDict::new_obj(),
            pyrite_object::types::typeobj::Slots::default(),
            0,
        );
        ty.make_immortal();
        {
            let mut slots = type_payload(&ty).slots.borrow_mut();
            slots.iter = Some(|_, v| Ok(v.clone()));
            slots.next = Some(|ctx, v| gen_next(ctx, &wrapped(v)?));
        }
        pyrite_object::methods::add_methods(
            &ty,
            "coroutine_wrapper",
            &[("send", wrapper_send), ("throw", wrapper_throw), ("close", wrapper_close)],
        );
        pyrite_object::methods::slots::install_wrappers(&ty);
        ty
    })
}

fn wrapped(v: &Value) -> PyResult<Value> {
    v.downcast::<CoroutineWrapper>().map(|w| w.0.clone()).ok_or_else(|| PyErr::type_error("not a coroutine_wrapper"))
}

/// Calls a coroutine method with the wrapper's coroutine in place of the wrapper.
fn forward(ctx: &mut Ctx, args: Args<'_>, method: pyrite_object::types::function::NativeFn) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("coroutine_wrapper method needs an argument"));
    };
    let mut values = vec![wrapped(this)?];
    values.extend_from_slice(rest);
    method(ctx, Args { values: &values, kwnames: args.kwnames })
}

fn wrapper_send(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    forward(ctx, args, gen_send)
}

fn wrapper_throw(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    forward(ctx, args, gen_throw)
}

fn wrapper_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    forward(ctx, args, gen_close)
}

fn coro_await(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (coro, _) = method_args("__await__", args, 0, 0)?;
    Ok(Value::Obj(ObjRef::new(CoroutineWrapper(coro.clone()), Some(wrapper_type()))))
}

/// `SEND delta`: `[receiver, value]` → `[receiver, yielded]`, or `[result]` and jump.
pub fn send_op(ctx: &mut Ctx, frame: &mut Frame, delta: u32) -> PyResult<Flow> {
    let value = frame.pop();
    let receiver = frame.peek(1).clone().unwrap_or(Value::None);
    let is_async_gen = receiver.type_ref().is_same(&types().async_generator);
    let outcome = if receiver.downcast::<Generator>().is_some() && !is_async_gen {
        resume(ctx, &receiver, value, None)
    } else {
        let result = if value.is_none() {
            protocol::next_raw(ctx, &receiver).and_then(|next| next.ok_or_else(|| PyErr::stop_iteration(None)))
        } else {
            let send = protocol::getattr_str(ctx, &receiver, "send")?;
            protocol::call_positional(ctx, &send, &[value])
        };
        match result {
            Ok(v) => Ok(Suspension::Yielded(v)),
            Err(e) if e.matches(&types().stop_iteration) => {
                let returned = protocol::getattr_str(ctx, &Value::Obj(e.0), "value")?;
                Ok(Suspension::Returned(returned))
            }
            Err(e) => Err(e),
        }
    };
    match outcome? {
        Suspension::Yielded(v) => frame.push(v),
        Suspension::Returned(v) => {
            drop(frame.pop_slot());
            frame.push(v);
            frame.ip += delta as usize;
        }
    }
    Ok(Flow::Next)
}

/// `GET_YIELD_FROM_ITER`.
pub fn get_yield_from_iter(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let iterable = frame.pop();
    if iterable.type_ref().is_same(&types().generator) {
        frame.push(iterable);
        return Ok(());
    }
    if iterable.type_ref().is_same(&types().coroutine) {
        return Err(PyErr::type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
    }
    let iterator = protocol::get_iter(ctx, &iterable)?;
    frame.push(iterator);
    Ok(())
}

/// `GET_AWAITABLE`: the iterator to delegate to for `await x`.
pub fn get_awaitable(ctx: &mut Ctx, frame: &mut Frame, _where: u32) -> PyResult<()> {
    let value = frame.pop();
    if value.type_ref().is_same(&types().coroutine) {
        frame.push(value);
        return Ok(());
    }
    if let Some(g) = value.downcast::<Generator>()
        && g.code.downcast::<Code>().is_some_and(|c| c.bytecode.flags & flags::ITERABLE_COROUTINE != 0)
    {
        frame.push(value);
        return Ok(());
    }
    let Some(await_method) = pyrite_object::types::typeobj::lookup_str(value.type_ref(), "__await__") else {
        return Err(PyErr::type_error(format!("object {} can't be used in 'await' expression", value.type_name())));
    };
    let iterator = protocol::call_positional(ctx, &await_method, std::slice::from_ref(&value))?;
    if type_payload(iterator.type_ref()).slots().next.is_none() {
        return Err(PyErr::type_error(format!("__await__() returned non-iterator of type '{}'", iterator.type_name())));
    }
    frame.push(iterator);
    Ok(())
}
