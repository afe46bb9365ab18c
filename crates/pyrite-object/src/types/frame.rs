//! Frame objects (`sys._getframe()`, `tb_frame`, `gi_frame`): Python-visible views of a
//! frame. Pyrite's running frames are plain records in the VM's frame stack; a frame object
//! is made on first request and kept with its frame, so it stays the same object. While the
//! frame runs, the object is *live*: reading its line or locals asks the VM (through
//! [`crate::ctx::Hooks::refresh_frame`]) to bring it up to date. When the frame finishes,
//! the VM writes its last state into the object, which then keeps it. Traceback frames
//! (`tb_frame`) are made from the traceback entry alone and carry no locals.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::types::dict::PyDict;
use crate::types::function::Code;
use crate::types::str::PyStr;
use crate::types::typeobj::{StaticType, new_native_type_with};
use crate::value::Value;

/// A snapshot of a frame.
pub struct FrameObject {
    /// The code object being run.
    pub code: ObjRef,
    /// `f_globals`.
    pub globals: ObjRef,
    /// `f_locals`: the namespace of module and class frames, or a snapshot of a function's
    /// locals; `None` when the snapshot was not taken (traceback frames).
    pub locals: PayloadCell<Option<ObjRef>>,
    /// Index of the code unit being run.
    pub lasti: std::cell::Cell<u32>,
    /// Whether the frame is still running or suspended (see the module docs).
    pub live: std::cell::Cell<bool>,
    /// `f_back`.
    pub back: PayloadCell<Option<ObjRef>>,
    /// `f_trace`: the frame's local trace function (`sys.settrace`), if any.
    pub trace: PayloadCell<Option<Value>>,
    /// `f_trace_lines`: whether the local trace function gets 'line' events.
    pub trace_lines: std::cell::Cell<bool>,
    /// `f_trace_opcodes`: whether the local trace function gets 'opcode' events.
    pub trace_opcodes: std::cell::Cell<bool>,
}

impl Trace for FrameObject {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code);
        visit(&self.globals);
        if let Some(locals) = &*self.locals.borrow() {
            visit(locals);
        }
        if let Some(back) = &*self.back.borrow() {
            visit(back);
        }
        if let Some(trace) = &*self.trace.borrow() {
            trace.traverse(visit);
        }
    }

    fn clear(&self) {
        drop(self.locals.replace(None));
        drop(self.back.replace(None));
        drop(self.trace.replace(None));
    }
}

payload!(FrameObject, "frame", tracked);

/// The `frame` type.
pub fn frame_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("frame", "builtins", None, 0, |slots| {
            slots.getattro = Some(frame_getattro);
            slots.repr = Some(frame_repr);
            slots.setattro = Some(frame_setattro);
        });
        use crate::methods::attrdescr::{self, Kind};
        attrdescr::add(
            &ty,
            Kind::GetSet,
            &["f_locals", "f_lineno", "f_trace", "f_lasti", "f_globals", "f_builtins", "f_code", "f_back"],
        );
        attrdescr::add(&ty, Kind::Member, &["f_trace_lines", "f_trace_opcodes"]);
        crate::methods::add_methods(&ty, "frame", &[("clear", frame_clear)]);
        ty
    })
}

/// `frame.clear()`: drops the locals of a finished frame; a running one refuses.
fn frame_clear(_: &mut Ctx, args: crate::ctx::Args<'_>) -> PyResult {
    let (v, _) = crate::methods::method_args("clear", args, 0, 0)?;
    let f = this(v)?;
    if f.live.get() {
        return Err(PyErr::runtime_error("cannot clear an executing frame"));
    }
    drop(f.locals.replace(None));
    Ok(Value::None)
}

impl FrameObject {
    /// A frame object for `code` running at `lasti` with `globals`.
    #[must_use]
    pub fn new_obj(code: ObjRef, globals: ObjRef, locals: Option<ObjRef>, lasti: u32, back: Option<ObjRef>) -> ObjRef {
        let frame = FrameObject {
            code,
            globals,
            locals: PayloadCell::new(locals),
            lasti: std::cell::Cell::new(lasti),
            live: std::cell::Cell::new(false),
            back: PayloadCell::new(back),
            trace: PayloadCell::new(None),
            trace_lines: std::cell::Cell::new(true),
            trace_opcodes: std::cell::Cell::new(false),
        };
        ObjRef::new(frame, Some(frame_type()))
    }

    /// The line being run, if the location table knows it.
    #[must_use]
    pub fn lineno(&self) -> Option<u32> {
        let code = self.code.downcast::<Code>()?;
        code.bytecode.locations().get(self.lasti.get() as usize).and_then(|l| l.line)
    }
}

fn this(v: &Value) -> PyResult<&FrameObject> {
    v.downcast::<FrameObject>().ok_or_else(|| PyErr::type_error("descriptor requires a 'frame' object"))
}

fn frame_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let f = this(v)?;
    let name_str = name.as_str().map(PyStr::as_str);
    // The frame a trace or profile function was called for has its `lasti` current.
    let lasti_current = TRACED_FRAME.load(std::sync::atomic::Ordering::Relaxed) == v.id();
    if f.live.get()
        && (name_str == Some("f_locals") || (matches!(name_str, Some("f_lineno" | "f_lasti")) && !lasti_current))
        && let Value::Obj(obj) = v
    {
        (ctx.hooks.refresh_frame)(ctx, obj)?;
    }
    match name_str {
        Some("f_code") => Ok(Value::Obj(f.code.clone())),
        Some("f_globals") => Ok(Value::Obj(f.globals.clone())),
        Some("f_locals") => {
            let locals = f.locals.borrow().clone();
            Ok(Value::Obj(locals.unwrap_or_else(PyDict::new_obj)))
        }
        Some("f_builtins") => {
            let builtins = f.globals.downcast::<PyDict>().and_then(|g| g.get_str(&PyStr::from_str("__builtins__")));
            Ok(match builtins {
                Some(Value::Obj(m)) if m.is::<crate::types::function::Module>() => {
                    m.downcast::<crate::types::function::Module>().map_or(Value::None, |m| Value::Obj(m.dict.clone()))
                }
                Some(other) => other,
                None => Value::None,
            })
        }
        Some("f_lineno") => Ok(f.lineno().map_or(Value::None, |l| Value::Int(i64::from(l)))),
        Some("f_lasti") => Ok(Value::Int(i64::from(f.lasti.get()) * 2)),
        Some("f_back") => Ok(f.back.borrow().clone().map_or(Value::None, Value::Obj)),
        Some("f_trace") => Ok(f.trace.borrow().clone().unwrap_or(Value::None)),
        Some("f_trace_lines") => Ok(Value::Bool(f.trace_lines.get())),
        Some("f_trace_opcodes") => Ok(Value::Bool(f.trace_opcodes.get())),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// [`TRACING_WHAT`] while no event or a 'call' event is being traced (CPython's
/// `tstate->tracing_what` starts as `PyTrace_CALL`).
pub const TRACING_CALL: u8 = 0;
/// [`TRACING_WHAT`] while a 'line' event is being traced.
pub const TRACING_LINE: u8 = 2;
/// [`TRACING_WHAT`] while any other event is being traced.
pub const TRACING_OTHER: u8 = 1;

/// The kind of trace event being handled, which decides whether `f_lineno` may be assigned;
/// the VM sets it around each call of a trace or profile function.
pub static TRACING_WHAT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(TRACING_CALL);

/// The identity of the frame object a trace or profile function is being called for, whose
/// `lasti` the VM has just brought up to date (reading `f_lineno` then needs no refresh);
/// 0 when none.
pub static TRACED_FRAME: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Assigning `f_trace`, `f_trace_lines`, `f_trace_opcodes` (CPython's setters and `T_BOOL`
/// members) and `f_lineno`, which Pyrite cannot jump with.
fn frame_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let f = this(v)?;
    let name_str = name.as_str().map(PyStr::as_str);
    match name_str {
        Some("f_trace") => {
            let value = value.filter(|t| !t.is_none());
            drop(f.trace.replace(value));
            Ok(())
        }
        Some(which @ ("f_trace_lines" | "f_trace_opcodes")) => {
            let flag = match value {
                Some(Value::Bool(b)) => b,
                Some(_) => return Err(PyErr::type_error("attribute value type must be bool")),
                None => return Err(PyErr::type_error("can't delete numeric/char attribute")),
            };
            let cell = if which == "f_trace_lines" { &f.trace_lines } else { &f.trace_opcodes };
            cell.set(flag);
            Ok(())
        }
        Some("f_lineno") => {
            let Some(value) = value else {
                return Err(PyErr::attribute_error("cannot delete attribute"));
            };
            if !matches!(value, Value::Int(_)) {
                return Err(PyErr::value_error("lineno must be an integer"));
            }
            // CPython's checks, in its order: the event being traced (a 'call' event
            // when none is), then the frame's own trace function.
            match TRACING_WHAT.load(std::sync::atomic::Ordering::Relaxed) {
                TRACING_LINE => {}
                TRACING_CALL => {
                    return Err(PyErr::value_error("can't jump from the 'call' trace event of a new frame"));
                }
                _ => return Err(PyErr::value_error("can only jump from a 'line' trace event")),
            }
            if f.trace.borrow().is_none() {
                return Err(PyErr::value_error("f_lineno can only be set by a trace function"));
            }
            Err(PyErr::not_implemented("jumping by assigning frame.f_lineno is not supported by Pyrite"))
        }
        _ => protocol::generic_setattr(ctx, v, name, value),
    }
}

fn frame_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let f = this(v)?;
    if f.live.get()
        && let Value::Obj(obj) = v
    {
        (ctx.hooks.refresh_frame)(ctx, obj)?;
    }
    let code = f.code.downcast::<Code>().ok_or_else(|| PyErr::new_system("frame code"))?;
    let line = f.lineno().map_or_else(|| "None".to_owned(), |l| l.to_string());
    Ok(Value::str(&format!(
        "<frame at {:#x}, file {}, line {line}, code {}>",
        v.id(),
        crate::types::str::PyStr::from_str(&code.bytecode.filename).repr(),
        code.bytecode.name
    )))
}
