//! Frame objects for running frames: `sys._getframe()` and `gi_frame`. Each is a snapshot
//! (see `pyrite_object::types::frame`) of a frame in the eval loops' frame lists.

use pyrite_object::methods::params::Params;
use pyrite_object::types::frame::FrameObject;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use crate::frame::Frame;
use crate::state::vm;

/// A snapshot of `frame` whose caller's snapshot is `back`.
pub fn snapshot(frame: &mut Frame, back: Option<ObjRef>) -> PyResult<ObjRef> {
    let locals = crate::execution::frame_locals(frame)?;
    let lasti = u32::try_from(frame.lasti).unwrap_or(u32::MAX);
    Ok(FrameObject::new_obj(frame.code.clone(), frame.globals.clone(), Some(locals), lasti, back))
}

/// The globals of the innermost running Python frame.
pub fn current_globals(ctx: &mut Ctx) -> Option<ObjRef> {
    vm(ctx).loops.iter().rev().find_map(|l| {
        // SAFETY: as in `frame_at`: the loops are suspended in the native call asking.
        unsafe { l.as_ref() }.last().map(|f| f.globals.clone())
    })
}

/// The frame object of the frame `depth` calls below the innermost running one, with its
/// `f_back` chain; `None` when the stack is not that deep.
fn frame_at(ctx: &mut Ctx, depth: usize) -> PyResult<Option<ObjRef>> {
    let loops = vm(ctx).loops.clone();
    // SAFETY: each pointer is a loop's frame list on the Rust stack of a loop that is
    // suspended in a native call (this one) and outlives it; only this native call runs.
    let mut frames: Vec<&mut Frame> = loops.into_iter().flat_map(|mut l| unsafe { l.as_mut() }.iter_mut()).collect();
    if depth >= frames.len() {
        return Ok(None);
    }
    let target = frames.len() - 1 - depth;
    let mut back = None;
    for frame in &mut frames[..=target] {
        back = Some(snapshot(frame, back)?);
    }
    Ok(back)
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
    let found = match usize::try_from(depth) {
        Ok(depth) => frame_at(ctx, depth)?,
        Err(_) => frame_at(ctx, 0)?,
    };
    found.map(Value::Obj).ok_or_else(|| PyErr::value_error("call stack is not deep enough"))
}

/// Adds `sys._getframe` to the `sys` module's dict.
pub fn install(sys: &pyrite_object::types::dict::PyDict) {
    sys.set_str("_getframe", Value::Obj(BuiltinFunction::new_obj("_getframe", sys_getframe)));
}
