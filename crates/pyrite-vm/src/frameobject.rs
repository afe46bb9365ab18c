//! Frame objects for running frames: `sys._getframe()`, `gi_frame` and `f_back`. A frame
//! object is made the first time one is asked for and kept in [`Frame::frame_obj`], so a
//! frame has one object for its whole life; while the frame runs it is *live* and reading
//! its line or locals refreshes it ([`refresh_live`], the `refresh_frame` hook); when the
//! frame finishes, [`detach`] writes its last state. See `pyrite_object::types::frame`.

use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::frame::FrameObject;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use crate::frame::{Frame, FrameKind};
use crate::state::vm;

/// Writes `frame`'s current line and locals into its frame object `obj`.
fn update(frame: &mut Frame, obj: &ObjRef) {
    let Some(f) = obj.downcast::<FrameObject>() else { return };
    f.lasti.set(u32::try_from(frame.lasti).unwrap_or(u32::MAX));
    if let Some(namespace) = &frame.locals {
        let same = f.locals.borrow().as_ref().is_some_and(|l| l.is_same(namespace));
        if !same {
            drop(f.locals.replace(Some(namespace.clone())));
        }
        return;
    }
    let existing = f.locals.borrow().clone();
    let dict = existing.unwrap_or_else(|| {
        let d = PyDict::new_obj();
        drop(f.locals.replace(Some(d.clone())));
        d
    });
    if let Some(d) = dict.downcast::<PyDict>() {
        crate::execution::write_locals(frame, d);
    }
}

/// The frame object of `frame`, made (live) if it has none yet, and brought up to date.
fn object_of(frame: &mut Frame) -> ObjRef {
    let obj = frame.frame_obj.get_or_insert_with(|| {
        let obj = FrameObject::new_obj(frame.code.clone(), frame.globals.clone(), None, 0, None);
        if let Some(f) = obj.downcast::<FrameObject>() {
            f.live.set(true);
        }
        obj
    });
    let obj = obj.clone();
    update(frame, &obj);
    obj
}

fn set_back(obj: &ObjRef, back: Option<ObjRef>) {
    if let Some(f) = obj.downcast::<FrameObject>() {
        drop(f.back.replace(back));
    }
}

/// The frame object of `frames[index]`, with the `f_back` chain below it linked. A frame
/// below a running one never changes, so the walk stops at the first frame that already
/// has an object, except generator frames, whose caller changes with each resumption.
fn object_in(frames: &mut [&mut Frame], index: usize) -> ObjRef {
    let mut first = index;
    while first > 0 && (frames[first].frame_obj.is_none() || frames[first].kind == FrameKind::Generator) {
        first -= 1;
    }
    let mut back = object_of(frames[first]);
    for frame in &mut frames[first + 1..=index] {
        let obj = object_of(frame);
        set_back(&obj, Some(back));
        back = obj;
    }
    back
}

/// Every frame of every running eval loop, outermost first.
///
/// # Safety
/// Only while the loops are suspended in the native call asking, which outlives the
/// references; only this native call runs.
unsafe fn running_frames<'a>(ctx: &mut Ctx) -> Vec<&'a mut Frame> {
    let loops = vm(ctx).loops.clone();
    // SAFETY: see the function's contract.
    loops.into_iter().flat_map(|mut l| unsafe { l.as_mut() }.iter_mut()).collect()
}

/// The frame object of a generator's frame: a suspended one (`f_back` None), or the
/// running frame whose slots are `slots`.
pub(crate) fn generator_frame(
    ctx: &mut Ctx,
    suspended: Option<&mut Frame>,
    slots: *const crate::frame::Slot,
) -> Option<ObjRef> {
    if let Some(frame) = suspended {
        let obj = object_of(frame);
        set_back(&obj, None);
        return Some(obj);
    }
    // SAFETY: called from a native getter while the loops are suspended.
    let mut frames = unsafe { running_frames(ctx) };
    let index = frames.iter().position(|f| f.kind == FrameKind::Generator && std::ptr::eq(f.slots.as_ptr(), slots))?;
    Some(object_in(&mut frames, index))
}

/// A generator's frame is suspending: its frame object keeps its state, with no caller.
pub(crate) fn suspend(frame: &mut Frame) {
    if let Some(obj) = frame.frame_obj.clone() {
        update(frame, &obj);
        set_back(&obj, None);
    }
}

/// The frame is finishing: its object keeps the last line and locals from now on.
pub(crate) fn detach(frame: &mut Frame, obj: &ObjRef) {
    // Held by the finishing frame alone, the object is about to go: nothing can read it.
    if obj.refcount() > 1 {
        update(frame, obj);
    }
    if let Some(f) = obj.downcast::<FrameObject>() {
        f.live.set(false);
    }
}

/// The `refresh_frame` hook: brings a live frame object up to date with its frame.
pub fn refresh_live(ctx: &mut Ctx, obj: &ObjRef) -> PyResult<()> {
    // SAFETY: called from a native getter while the loops are suspended.
    let frames = unsafe { running_frames(ctx) };
    if let Some(frame) = frames.into_iter().find(|f| f.frame_obj.as_ref().is_some_and(|o| o.is_same(obj))) {
        update(frame, obj);
    }
    Ok(())
}

/// The globals of the innermost running Python frame.
pub fn current_globals(ctx: &mut Ctx) -> Option<ObjRef> {
    vm(ctx).loops.iter().rev().find_map(|l| {
        // SAFETY: as in `running_frames`: the loops are suspended in the native call asking.
        unsafe { l.as_ref() }.last().map(|f| f.globals.clone())
    })
}

/// The frame object of the frame `depth` calls below the innermost running one; `None`
/// when the stack is not that deep.
fn frame_at(ctx: &mut Ctx, depth: usize) -> Option<ObjRef> {
    // SAFETY: called from `sys._getframe` while the loops are suspended.
    let mut frames = unsafe { running_frames(ctx) };
    let index = frames.len().checked_sub(depth + 1)?;
    Some(object_in(&mut frames, index))
}

const GETFRAME: Params = Params::new("_getframe", &["depth"]).positional_only(1);

fn sys_getframe(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [depth] = GETFRAME.bind(args)?;
    let depth = match depth {
        Some(d) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            let d = protocol::index(ctx, d, what)?;
            pyrite_object::methods::int::to_i64(&d)?
        }
        None => 0,
    };
    let found = frame_at(ctx, usize::try_from(depth).unwrap_or(0));
    found.map(Value::Obj).ok_or_else(|| PyErr::value_error("call stack is not deep enough"))
}

/// Adds `sys._getframe` to the `sys` module's dict.
pub fn install(sys: &pyrite_object::types::dict::PyDict) {
    sys.set_str("_getframe", Value::Obj(BuiltinFunction::new_in_module("sys", "_getframe", sys_getframe)));
}

/// The frame object of the innermost running frame, with its `f_back` chain linked, for a
/// trace or profile event. Line and locals are not copied in (only `lasti`): the objects
/// are live, so reading them refreshes them, which keeps events cheap for hooks that do
/// not look.
pub(crate) fn innermost(ctx: &mut Ctx) -> Option<ObjRef> {
    // SAFETY: called between instructions of the innermost loop, which is suspended in
    // this call and does not use its frames while the references live.
    let mut frames = unsafe { running_frames(ctx) };
    let index = frames.len().checked_sub(1)?;
    // As `object_in`: a frame's `f_back` never changes, except a generator's.
    let mut first = index;
    while first > 0 && (frames[first].frame_obj.is_none() || frames[first].kind == FrameKind::Generator) {
        first -= 1;
    }
    let mut back = live_object(frames[first]);
    for frame in &mut frames[first + 1..=index] {
        let obj = live_object(frame);
        set_back(&obj, Some(back));
        back = obj;
    }
    Some(back)
}

/// The frame object of a running frame (made live if it has none), with its `lasti`.
fn live_object(frame: &mut Frame) -> ObjRef {
    let lasti = u32::try_from(frame.lasti).unwrap_or(u32::MAX);
    let obj = frame.frame_obj.get_or_insert_with(|| {
        let obj = FrameObject::new_obj(frame.code.clone(), frame.globals.clone(), frame.locals.clone(), lasti, None);
        if let Some(f) = obj.downcast::<FrameObject>() {
            f.live.set(true);
        }
        obj
    });
    if let Some(f) = obj.downcast::<FrameObject>() {
        f.lasti.set(lasti);
    }
    obj.clone()
}
