//! The eval loop: runs frames, dispatching each instruction to a small handler.
//!
//! Python-to-Python calls push a frame onto the loop's own frame list and continue in the
//! same loop, so they never recurse on the Rust stack. Native code that calls back into
//! Python (a sort key, a `__repr__`) starts a new loop, counted against the same
//! recursion limit. Exceptions unwind by the code's exception table.

mod calls;
mod data;
mod fast;
mod groups;
mod names;
mod patterns;
mod sets;
mod slices;
mod specialize;
mod step;
pub(crate) mod trace;
mod unwind;

use pyrite_bytecode::Opcode;
use pyrite_memory::GilCell;
use pyrite_object::types::function::Code;
use pyrite_object::{Ctx, ObjRef, PyErr, PyResult, Value};

use crate::frame::Frame;
use crate::state::vm;

pub use calls::call_function_hook;

/// What an instruction asks the loop to do next.
pub(crate) enum Flow {
    /// Run the next instruction of the current frame.
    Next,
    /// Start running a new frame (a Python call).
    Enter(Frame),
    /// The current frame returns this value.
    Return(Value),
    /// The current (generator) frame yields this value.
    Yield(Value),
    /// `CALL argc` without keywords that the register loop's fast paths (an exact-argument
    /// Python function, a native function with few arguments) did not take.
    Call(u32),
}

/// How a generator's frame stopped running.
pub(crate) enum Suspension {
    /// It yielded a value and can be resumed.
    Yielded(Value),
    /// It returned (the generator is finished).
    Returned(Value),
}

/// Empty frame lists for the loops that native code starts (a call back into Python, a
/// generator's resumption), reused so that starting a loop does not allocate.
static FRAME_LISTS: GilCell<Vec<Vec<Frame>>> = GilCell::new(Vec::new());

/// An empty frame list with room for a few frames.
#[inline]
pub(crate) fn take_frame_list() -> Vec<Frame> {
    // SAFETY: only the GIL holder runs loops; the closure does not re-enter.
    unsafe { FRAME_LISTS.with(Vec::pop) }.unwrap_or_else(|| Vec::with_capacity(8))
}

/// Gives back a frame list that has no frames left.
#[inline]
pub(crate) fn give_frame_list(frames: Vec<Frame>) {
    debug_assert!(frames.is_empty(), "a frame list given back with frames in it");
    if frames.is_empty() {
        // SAFETY: as in `take_frame_list`; an empty list drops nothing.
        unsafe { FRAME_LISTS.with(|lists| lists.push(frames)) };
    }
}

/// Runs a generator's frame until it yields, returns or raises. `error` is thrown into
/// the frame at its current position first. The frame comes back when it yielded.
pub(crate) fn resume_frame(ctx: &mut Ctx, frame: Frame, error: Option<PyErr>) -> (Option<Frame>, PyResult<Suspension>) {
    if let Err(e) = ctx.enter_call("") {
        return (Some(frame), Err(e));
    }
    let mut frames = take_frame_list();
    frames.push(frame);
    let mut outcome = match error {
        Some(e) => {
            let e = if trace::tracing() { trace::throw_entry(ctx, &mut frames, e) } else { e };
            unwind::unwind_thrown(ctx, &mut frames, e).map(|()| None)
        }
        None => Ok(None),
    };
    if let Ok(None) = outcome {
        outcome = run_loop_until(ctx, &mut frames, true).map(Some);
    }
    // On an error, unwinding popped the generator's frame and left its call already.
    if outcome.is_ok() {
        ctx.leave_call();
    }
    let result = match outcome {
        Ok(Some(Suspension::Yielded(v))) => (frames.pop(), Ok(Suspension::Yielded(v))),
        Ok(Some(returned)) => (None, Ok(returned)),
        Ok(None) => (None, Err(PyErr::new_system("generator frame stopped without a result"))),
        Err(e) => {
            for frame in frames.drain(..) {
                drop_frame(ctx, frame);
            }
            (None, Err(e))
        }
    };
    give_frame_list(frames);
    result
}

/// Resumes, from native code (`next()`, `send()`, a consumer like `sum`), a generator or
/// coroutine that `generator::can_push_inline` accepted: its frame runs in a frame list of
/// its own as it runs in a resumer's loop (entered by `generator::push_inline`, parked by
/// the loop at its `yield`), which moves the frame only into the list and back.
pub(crate) fn resume_inline(ctx: &mut Ctx, generator: ObjRef, sent: Value) -> PyResult<Suspension> {
    let mut frames = take_frame_list();
    let outcome = resume_inline_in(ctx, &mut frames, generator, sent);
    give_frame_list(frames);
    outcome
}

/// [`resume_inline`] in the empty frame list `frames`, which a consumer resuming the same
/// generator many times (`sum`) takes once ([`take_frame_list`]); it is empty again after.
pub(crate) fn resume_inline_in(
    ctx: &mut Ctx,
    frames: &mut Vec<Frame>,
    generator: ObjRef,
    sent: Value,
) -> PyResult<Suspension> {
    crate::generator::push_inline(ctx, frames, generator, sent, 0, false);
    let outcome = run_loop_until(ctx, frames, false);
    // A yield parks the frame, a return or an error pops it: the list is empty again
    // (checked first, so the common case builds no drain).
    if !frames.is_empty() {
        drop_frames(ctx, frames);
    }
    outcome
}

/// Drops the frames left in a loop's list (by an error that left the loop).
#[cold]
#[inline(never)]
fn drop_frames(ctx: &mut Ctx, frames: &mut Vec<Frame>) {
    for frame in frames.drain(..) {
        drop_frame(ctx, frame);
    }
}

/// Carves the slots of a new frame for `code`.
pub(crate) fn new_frame(
    ctx: &mut Ctx,
    code: ObjRef,
    func: Option<ObjRef>,
    globals: ObjRef,
    builtins: ObjRef,
    locals: Option<ObjRef>,
) -> Frame {
    let (nlocalsplus, stacksize) = {
        let c = code.downcast::<Code>().expect("frames run code objects");
        (c.nlocalsplus(), c.bytecode.stacksize as usize)
    };
    let nslots = nlocalsplus + stacksize + 1;
    let slots = vm(ctx).slots.push(nslots);
    Frame::new(code, func, globals, builtins, locals, slots, nslots, nlocalsplus)
}

/// Releases a finished frame's slots.
pub(crate) fn drop_frame(ctx: &mut Ctx, mut frame: Frame) {
    frame.clear();
    let (n, owned) = (frame.nslots, frame.kind == crate::frame::FrameKind::Generator);
    drop(frame);
    if !owned {
        vm(ctx).slots.pop(n);
    }
}

/// Runs a frame to completion and returns its result.
pub fn run_frame(ctx: &mut Ctx, entry: Frame) -> PyResult {
    if let Err(e) = ctx.enter_call("") {
        drop_frame(ctx, entry);
        return Err(e);
    }
    let mut frames = take_frame_list();
    frames.push(entry);
    run_entered(ctx, frames)
}

/// [`run_frame`] of the entry frame `frames` holds (taken by [`take_frame_list`]), whose
/// call has been counted.
fn run_entered(ctx: &mut Ctx, mut frames: Vec<Frame>) -> PyResult {
    let result = run_loop_until(ctx, &mut frames, false);
    // The entry frame's return popped it; frames are left only by an error.
    if !frames.is_empty() {
        leave_frames(ctx, &mut frames);
    }
    give_frame_list(frames);
    match result {
        Ok(Suspension::Returned(v) | Suspension::Yielded(v)) => Ok(v),
        Err(e) => Err(e),
    }
}

/// Drops the frames an error left in a loop's list, leaving each one's call.
#[cold]
#[inline(never)]
fn leave_frames(ctx: &mut Ctx, frames: &mut Vec<Frame>) {
    while let Some(frame) = frames.pop() {
        drop_frame(ctx, frame);
        ctx.leave_call();
    }
}

/// Runs until the entry frame (`frames[0]`) returns or, for a generator, yields. The entry
/// frame is popped when it returns; when it yields it stays in `frames`.
fn run_loop_until(ctx: &mut Ctx, frames: &mut Vec<Frame>, generator: bool) -> PyResult<Suspension> {
    // The VM state is looked up once (each lookup compares a TypeId): it is boxed by the
    // context and stays in place while the context lives, which outlives this loop.
    let state: *mut crate::state::VmState = vm(ctx);
    // SAFETY: see above; no other reference to the state is alive across these statements.
    unsafe { (*state).loops.push(std::ptr::NonNull::from(&mut *frames)) };
    let result = dispatch_loop(ctx, frames, generator);
    // SAFETY: as above.
    unsafe { (*state).loops.pop() };
    result
}

/// Runs the innermost frame of `frames` until the entry frame (`frames[0]`) returns or, for
/// a generator, yields.
///
/// The register loop ([`fast::run`]) runs the instructions and the common frame switches;
/// this loop handles what it hands back: general calls, frames entered otherwise, returns
/// of the entry frame or of an inline generator, the entry generator's yield, and errors.
fn dispatch_loop(ctx: &mut Ctx, frames: &mut Vec<Frame>, generator: bool) -> PyResult<Suspension> {
    dispatch_from(ctx, frames, generator, None, None)
}

/// [`dispatch_loop`] (not for a generator) of a loop whose register loop already ran and
/// stopped with `exit`, leaving `kwnames` (`calls::run_plain`, which handles the common
/// exit itself).
fn dispatch_after(
    ctx: &mut Ctx,
    frames: &mut Vec<Frame>,
    exit: fast::Exit,
    kwnames: Option<Value>,
) -> PyResult<Suspension> {
    dispatch_from(ctx, frames, false, Some(exit), kwnames)
}

/// [`dispatch_loop`], handling `first` before running anything.
#[inline(always)]
fn dispatch_from(
    ctx: &mut Ctx,
    frames: &mut Vec<Frame>,
    generator: bool,
    mut first: Option<fast::Exit>,
    mut kwnames: Option<Value>,
) -> PyResult<Suspension> {
    'frames: loop {
        if frames.is_empty() && first.is_none() {
            return Err(PyErr::new_system("no frame to run"));
        }
        loop {
            let exit = if let Some(exit) = first.take() {
                exit
            } else if trace::tracing() {
                trace::run(ctx, frames, &mut kwnames)
            } else {
                fast::run(ctx, frames, &mut kwnames)
            };
            // Matched as it comes (not first turned into a `Result`): an `Exit` can hold a
            // whole frame, which each conversion would copy.
            match exit {
                fast::Exit::Flow(Flow::Next) => {}
                fast::Exit::Flow(Flow::Enter(callee)) => {
                    if let Err(e) = ctx.enter_call("") {
                        drop_frame(ctx, callee);
                        fail(ctx, frames, &mut kwnames, e)?;
                    } else {
                        frames.push(callee);
                    }
                    continue 'frames;
                }
                fast::Exit::Flow(Flow::Call(argc)) => {
                    general_call(ctx, frames, argc, &mut kwnames)?;
                    continue 'frames;
                }
                fast::Exit::Flow(Flow::Return(value)) => {
                    if let Some(frame) = frames.last_mut()
                        && let Some(generator) = frame.inline_generator.take()
                    {
                        // A generator running in its resumer's loop finished: the resumer's
                        // `for` loop ends, or its `yield from` gets the return value.
                        let resumer_exc = frame.resumer_exc.take();
                        pop_frame(ctx, frames);
                        ctx.leave_call();
                        let exit = crate::generator::leave_inline(ctx, &generator, resumer_exc);
                        let Some(caller) = frames.last_mut() else {
                            // Resumed from native code (`resume_inline`).
                            return Ok(Suspension::Returned(value));
                        };
                        drop(caller.pop_slot());
                        if exit.returns_value {
                            caller.push(value);
                        }
                        caller.ip = exit.exit_ip;
                        continue 'frames;
                    }
                    let depth = frames.len();
                    let init = frames.last().is_some_and(|f| f.kind == crate::frame::FrameKind::Init);
                    pop_frame(ctx, frames);
                    if init {
                        ctx.leave_call();
                        if let Err(e) = calls::finish_init(frames, value) {
                            fail(ctx, frames, &mut kwnames, e)?;
                        }
                        continue 'frames;
                    }
                    if depth == 1 && generator {
                        return Ok(Suspension::Returned(value));
                    }
                    ctx.leave_call();
                    match frames.last_mut() {
                        Some(caller) if depth > 1 => caller.push(value),
                        _ => return Ok(Suspension::Returned(value)),
                    }
                    continue 'frames;
                }
                fast::Exit::Flow(Flow::Yield(value)) => {
                    // A generator running in its resumer's loop was parked by the register
                    // (or traced) loop; it comes here only when resumed from native code.
                    if frames.is_empty() || (frames.len() == 1 && generator) {
                        return Ok(Suspension::Yielded(value));
                    }
                    return Err(PyErr::new_system("yield outside a generator frame"));
                }
                fast::Exit::Error(error) => {
                    fail(ctx, frames, &mut kwnames, error)?;
                    continue 'frames;
                }
                fast::Exit::PastEnd => {
                    let error = PyErr::new_system("instruction pointer ran past the end of the code");
                    fail(ctx, frames, &mut kwnames, error)?;
                    continue 'frames;
                }
            }
        }
    }
}

/// Runs one instruction the register loop ([`fast::run`]) does not finish itself (or whose
/// fast path did not apply), with `frame.ip` just past it: skips its caches and hands it
/// to `step`, except a specialized instruction whose guard failed, which goes back to the
/// generic instruction.
#[inline(never)]
fn general(ctx: &mut Ctx, frame: &mut Frame, byte: u8, arg: u32, kwnames: &mut Option<Value>) -> PyResult<Flow> {
    let Some(op) = Opcode::from_u8(byte) else {
        return Err(PyErr::new_system(format!("unknown opcode {byte}")));
    };
    frame.ip += op.cache_units();
    match op {
        Opcode::LOAD_ATTR_INSTANCE_VALUE => specialize::load_attr_miss(ctx, frame, arg).map(|()| Flow::Next),
        // A superinstruction runs its first instruction here; the second is next.
        Opcode::LOAD_FAST__LOAD_FAST
        | Opcode::LOAD_FAST__LOAD_CONST
        | Opcode::STORE_FAST__LOAD_FAST
        | Opcode::LOAD_CONST__LOAD_FAST
        | Opcode::STORE_FAST__STORE_FAST => step::step(ctx, frame, op.generic(), arg, kwnames),
        _ => step::step(ctx, frame, op, arg, kwnames),
    }
}

/// A `CALL` the register loop's fast paths did not take: the general call, which may
/// still enter a frame.
#[inline(never)]
fn general_call(ctx: &mut Ctx, frames: &mut Vec<Frame>, argc: u32, kwnames: &mut Option<Value>) -> PyResult<()> {
    let Some(frame) = frames.last_mut() else { return Err(PyErr::new_system("no frame to run")) };
    match calls::call(ctx, frame, argc, None) {
        Ok(Flow::Enter(callee)) => match ctx.enter_call("") {
            Ok(()) => frames.push(callee),
            Err(e) => {
                drop_frame(ctx, callee);
                fail(ctx, frames, kwnames, e)?;
            }
        },
        Ok(_) => {}
        Err(e) => fail(ctx, frames, kwnames, e)?,
    }
    Ok(())
}

/// Pops the innermost frame and releases its slots, clearing it in place.
#[inline(always)]
fn pop_frame(ctx: &mut Ctx, frames: &mut Vec<Frame>) {
    let len = frames.len();
    if len == 0 {
        return;
    }
    // SAFETY: `len - 1` is the innermost frame's index.
    let frame = unsafe { &mut *frames.as_mut_ptr().add(len - 1) };
    if frame.frame_obj.is_some() || frame.inline_generator.is_some() {
        return pop_frame_attached(ctx, frames);
    }
    // A plain frame: nothing to detach, only its live slots to empty.
    frame.clear_slots();
    let (n, owned) = (frame.nslots, frame.kind == crate::frame::FrameKind::Generator);
    // SAFETY: the frame is dropped in place and the list no longer counts it.
    unsafe {
        frames.set_len(len - 1);
        std::ptr::drop_in_place(frame);
    }
    if !owned {
        vm(ctx).slots.pop(n);
    }
}

/// [`pop_frame`] of a frame with a frame object or an inline generator to finish.
#[inline(never)]
fn pop_frame_attached(ctx: &mut Ctx, frames: &mut Vec<Frame>) {
    let Some(frame) = frames.last_mut() else { return };
    frame.clear();
    let (n, owned) = (frame.nslots, frame.kind == crate::frame::FrameKind::Generator);
    frames.truncate(frames.len() - 1);
    if !owned {
        vm(ctx).slots.pop(n);
    }
}

/// Handles an error raised by the current instruction: unwinds to a handler, or returns
/// the error when it leaves the loop's entry frame.
#[cold]
#[inline(never)]
fn fail(ctx: &mut Ctx, frames: &mut Vec<Frame>, kwnames: &mut Option<Value>, error: PyErr) -> PyResult<()> {
    *kwnames = None;
    let reraise = unwind::is_reraise(frames);
    unwind::unwind(ctx, frames, error, reraise)
}

/// The instruction whose first unit (an `EXTENDED_ARG` prefix, or the instruction itself)
/// is at `start`: the index of its own unit, its opcode and its full argument, the
/// prefixes' bytes folded in. `None` when the units run out (a compiler bug).
#[inline(always)]
fn decode_at(units: &[std::cell::Cell<pyrite_bytecode::CodeUnit>], start: usize) -> Option<(usize, u8, u32)> {
    let (mut at, mut arg) = (start, 0u32);
    loop {
        let unit = units.get(at)?.get();
        arg = (arg << 8) | u32::from(unit.arg);
        if unit.op != op::EXTENDED_ARG {
            return Some((at, unit.op, arg));
        }
        at += 1;
    }
}

/// Opcode bytes of the instructions the dispatch loop matches without decoding.
pub(super) mod op {
    use pyrite_bytecode::Opcode;

    macro_rules! bytes {
        ($($name:ident),* $(,)?) => { $(pub const $name: u8 = Opcode::$name as u8;)* };
    }

    bytes!(
        EXTENDED_ARG,
        COPY,
        SWAP,
        UNPACK_SEQUENCE,
        STORE_SUBSCR,
        LOAD_DEREF,
        STORE_DEREF,
        BUILD_TUPLE,
        BUILD_LIST,
        BUILD_MAP,
        BUILD_STRING,
        LIST_APPEND,
        MAP_ADD,
        SET_ADD,
        SEND,
        GET_ITER,
        CONTAINS_OP,
        FORMAT_VALUE,
        POP_JUMP_IF_NONE,
        POP_JUMP_IF_NOT_NONE,
        IS_OP,
        YIELD_VALUE,
        LOAD_FAST,
        STORE_FAST,
        LOAD_CONST,
        POP_TOP,
        PUSH_NULL,
        RESUME,
        NOP,
        JUMP_FORWARD,
        JUMP_BACKWARD,
        POP_JUMP_IF_FALSE,
        POP_JUMP_IF_TRUE,
        BINARY_OP,
        COMPARE_OP,
        LOAD_GLOBAL,
        LOAD_ATTR,
        LOAD_ATTR_INSTANCE_VALUE,
        LOAD_ATTR_WITH_HINT,
        LOAD_ATTR_METHOD,
        LOAD_ATTR_CLASS,
        LOAD_ATTR_MODULE,
        STORE_ATTR,
        STORE_ATTR_INSTANCE_VALUE,
        STORE_ATTR_WITH_HINT,
        FOR_ITER,
        BINARY_SUBSCR,
        CALL,
        RETURN_VALUE,
        RETURN_CONST,
        LOAD_FAST__LOAD_FAST,
        LOAD_FAST__LOAD_CONST,
        STORE_FAST__LOAD_FAST,
        LOAD_CONST__LOAD_FAST,
        STORE_FAST__STORE_FAST,
    );
}

#[cfg(test)]
mod tests {
    use pyrite_bytecode::Opcode;

    /// The instructions the register loop runs without skipping caches must have none, and
    /// those it runs through one shared cache skip must have the same number.
    #[test]
    fn shared_cache_skips_agree() {
        assert_eq!(Opcode::BUILD_LIST.cache_units(), Opcode::BUILD_TUPLE.cache_units());
        assert_eq!(Opcode::BUILD_MAP.cache_units(), Opcode::BUILD_TUPLE.cache_units());
        assert_eq!(Opcode::BUILD_STRING.cache_units(), Opcode::BUILD_TUPLE.cache_units());
        assert_eq!(Opcode::MAP_ADD.cache_units(), Opcode::LIST_APPEND.cache_units());
    }

    /// The instructions the register loop runs without skipping caches must have none.
    #[test]
    fn inline_instructions_without_cache_skips_have_no_caches() {
        for op in [
            Opcode::LOAD_FAST,
            Opcode::STORE_FAST,
            Opcode::LOAD_CONST,
            Opcode::POP_TOP,
            Opcode::PUSH_NULL,
            Opcode::RESUME,
            Opcode::NOP,
            Opcode::JUMP_FORWARD,
            Opcode::JUMP_BACKWARD,
            Opcode::POP_JUMP_IF_FALSE,
            Opcode::POP_JUMP_IF_TRUE,
            Opcode::RETURN_VALUE,
            Opcode::RETURN_CONST,
            Opcode::EXTENDED_ARG,
            Opcode::POP_JUMP_IF_NONE,
            Opcode::POP_JUMP_IF_NOT_NONE,
            Opcode::IS_OP,
            Opcode::YIELD_VALUE,
            Opcode::COPY,
            Opcode::SWAP,
            Opcode::SEND,
        ] {
            assert_eq!(op.cache_units(), 0, "{} has inline caches", op.name());
        }
    }
}
