//! `BaseException` and its subclasses: construction, `args`, `str`/`repr`, chaining fields.

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol;
use crate::registry::{TypeTable, types};
use crate::types::exception::{PyException, new_exception};
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::types::typeobj::type_payload;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.base_exception, |s| {
        s.new = Some(base_exception_new);
        s.init = Some(exception_init);
        s.repr = Some(exception_repr);
        s.str = Some(exception_str);
        s.getattro = Some(exception_getattro);
        s.setattro = Some(exception_setattro);
    });
    set_slots(&t.key_error, |s| s.str = Some(key_error_str));
    set_slots(&t.syntax_error, |s| s.str = Some(syntax_error_str));
    set_slots(&t.os_error, |s| {
        s.new = Some(os_error_new);
        s.init = Some(os_error_init);
        s.str = Some(os_error_str);
    });
    add_methods(
        &t.base_exception,
        "BaseException",
        &[("with_traceback", with_traceback), ("add_note", add_note), ("__setstate__", exception_setstate)],
    );
    use crate::methods::attrdescr::{self, Kind};
    attrdescr::add_instance_descriptors(&t.base_exception, true, false);
    attrdescr::add(&t.base_exception, Kind::GetSet, &["args", "__traceback__", "__context__", "__cause__"]);
    attrdescr::add(&t.base_exception, Kind::Member, &["__suppress_context__"]);
    attrdescr::add(&t.traceback, Kind::Member, &["tb_frame", "tb_lasti"]);
    attrdescr::add(&t.traceback, Kind::GetSet, &["tb_next", "tb_lineno"]);
    set_slots(&t.traceback, |s| {
        s.getattro = Some(traceback_getattro);
        s.setattro = Some(traceback_setattro);
    });
}

/// `BaseException.__new__`: an instance whose `args` are the positional arguments.
pub(crate) fn base_exception_new(_: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    Ok(Value::Obj(new_exception(ty, args.pos().to_vec())))
}

fn this(v: &Value) -> PyResult<&PyException> {
    v.downcast::<PyException>().ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseException' object"))
}

fn exception_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let exc = this(v)?;
    let pos = args.pos();
    // `super().__init__(key)` in a subclass's `__init__` passes the very objects `__new__`
    // already kept: the tuple holding them stays (a new equal tuple is not observable).
    let same = exc
        .args
        .borrow()
        .downcast::<PyTuple>()
        .is_some_and(|t| t.items().len() == pos.len() && t.items().iter().zip(pos).all(|(a, b)| a.is(b)));
    if same {
        return Ok(());
    }
    let old = exc.args.replace(Value::Obj(PyTuple::new_obj(pos.to_vec())));
    drop(old);
    Ok(())
}

/// The `OSError` subclass CPython picks for `errno` (Linux numbers).
fn os_error_subclass(errno: i64) -> Option<&'static pyrite_memory::ObjRef> {
    let t = types();
    Some(match errno {
        11 | 114 | 115 => &t.blocking_io_error,
        10 => &t.child_process_error,
        32 | 108 => &t.broken_pipe_error,
        103 => &t.connection_aborted_error,
        111 => &t.connection_refused_error,
        104 => &t.connection_reset_error,
        17 => &t.file_exists_error,
        2 => &t.file_not_found_error,
        21 => &t.is_a_directory_error,
        20 => &t.not_a_directory_error,
        4 => &t.interrupted_error,
        1 | 13 => &t.permission_error,
        3 => &t.process_lookup_error,
        110 => &t.timeout_error,
        _ => return None,
    })
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: `OSError` itself becomes
/// the subclass for `errno`; the fields are set, and `args` keeps only `(errno, strerror)`
/// when a filename is given (CPython's `OSError_new`).
fn os_error_new(_: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let fields = (2..=5).contains(&pos.len());
    let mut ty = ty;
    if fields
        && ty.is_same(&types().os_error)
        && let Value::Int(errno) = pos[0]
        && let Some(sub) = os_error_subclass(errno)
    {
        ty = sub;
    }
    let exc = new_exception(ty, Vec::new());
    set_os_error_fields(&exc, pos)?;
    Ok(Value::Obj(exc))
}

/// Sets `args` and the `errno`, `strerror`, `filename`, `filename2` fields from the
/// constructor's arguments.
fn set_os_error_fields(exc: &pyrite_memory::ObjRef, pos: &[Value]) -> PyResult<()> {
    let fields = (2..=5).contains(&pos.len());
    let kept = if fields && pos.len() >= 3 { pos[..2].to_vec() } else { pos.to_vec() };
    if let Some(e) = exc.downcast::<PyException>() {
        drop(e.args.replace(Value::Obj(PyTuple::new_obj(kept))));
    }
    let dict = protocol::instance_dict(exc, true).ok_or_else(|| PyErr::new_system("OSError without a dict"))?;
    let d = dict.downcast::<crate::types::dict::PyDict>().ok_or_else(|| PyErr::new_system("OSError dict"))?;
    let field = |i: usize| if fields { pos.get(i).cloned().unwrap_or(Value::None) } else { Value::None };
    d.set_str("errno", field(0));
    d.set_str("strerror", field(1));
    d.set_str("filename", field(2));
    d.set_str("filename2", field(4));
    Ok(())
}

/// `OSError.__init__`: `__new__` did the work, unless a subclass overrides `__init__` and
/// calls this one with its own arguments (CPython's `oserror_use_init`).
fn os_error_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let mine: crate::types::typeobj::InitFn = os_error_init;
    let own = type_payload(v.type_ref()).slots().init.is_some_and(|f| std::ptr::fn_addr_eq(f, mine));
    match v.as_obj() {
        Some(exc) if !own => set_os_error_fields(exc, args.pos()),
        _ => Ok(()),
    }
}

/// CPython's `OSError_str`.
fn os_error_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    let errno = protocol::getattr_str(ctx, v, "errno")?;
    let strerror = protocol::getattr_str(ctx, v, "strerror")?;
    let filename = protocol::getattr_str(ctx, v, "filename")?;
    let filename2 = protocol::getattr_str(ctx, v, "filename2")?;
    if !filename.is_none() {
        let errno = protocol::str_string(ctx, &errno)?;
        let strerror = protocol::str_string(ctx, &strerror)?;
        let first = protocol::repr_string(ctx, &filename)?;
        if !filename2.is_none() {
            let second = protocol::repr_string(ctx, &filename2)?;
            return Ok(Value::str(&format!("[Errno {errno}] {strerror}: {first} -> {second}")));
        }
        return Ok(Value::str(&format!("[Errno {errno}] {strerror}: {first}")));
    }
    if !errno.is_none() && !strerror.is_none() {
        let errno = protocol::str_string(ctx, &errno)?;
        let strerror = protocol::str_string(ctx, &strerror)?;
        return Ok(Value::str(&format!("[Errno {errno}] {strerror}")));
    }
    exception_str(ctx, v)
}

fn exception_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let args = this(v)?.args_vec();
    // CPython's `_PyType_Name`: native types' names lose their module (`struct.error`).
    let full = v.type_name();
    let name = full.rsplit('.').next().unwrap_or(&full);
    // CPython: `Name(arg)` for one argument, else `Name` followed by the args tuple's repr.
    if args.len() == 1 {
        let inner = protocol::repr_string(ctx, &args[0])?;
        return Ok(Value::str(&format!("{name}({inner})")));
    }
    let tuple = protocol::repr_string(ctx, &Value::Obj(PyTuple::new_obj(args)))?;
    Ok(Value::str(&format!("{name}{tuple}")))
}

fn exception_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    let args = this(v)?.args_vec();
    match args.len() {
        0 => Ok(Value::str("")),
        1 => protocol::str_(ctx, &args[0]),
        _ => protocol::str_(ctx, &Value::Obj(PyTuple::new_obj(args))),
    }
}

fn key_error_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    let args = this(v)?.args_vec();
    if args.len() == 1 {
        return protocol::repr(ctx, &args[0]);
    }
    exception_str(ctx, v)
}

/// CPython's `SyntaxError_str`: `msg (file.py, line 3)`, with the file's base name, and
/// without the parts that are missing.
fn syntax_error_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    let msg = protocol::getattr_str(ctx, v, "msg")?;
    let filename = protocol::getattr_str(ctx, v, "filename")?;
    let lineno = protocol::getattr_str(ctx, v, "lineno")?;
    let base = filename.as_str().map(|f| f.as_str().rsplit('/').next().unwrap_or_default().to_owned());
    let line = match &lineno {
        Value::Int(n) => Some(*n),
        _ => None,
    };
    if base.is_none() && line.is_none() {
        return protocol::str_(ctx, &msg);
    }
    let msg = protocol::str_string(ctx, &msg)?;
    Ok(Value::str(&match (base, line) {
        (Some(file), Some(line)) => format!("{msg} ({file}, line {line})"),
        (Some(file), None) => format!("{msg} ({file})"),
        (None, Some(line)) => format!("{msg} (line {line})"),
        (None, None) => msg,
    }))
}

pub(crate) fn exception_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let exc = this(v)?;
    let optional = |slot: &pyrite_memory::PayloadCell<Option<pyrite_memory::ObjRef>>| {
        slot.borrow().clone().map_or(Value::None, Value::Obj)
    };
    match name.as_str().map(PyStr::as_str) {
        Some("args") => Ok(exc.args.borrow().clone()),
        Some("__traceback__") => Ok(optional(&exc.traceback)),
        Some("__cause__") => Ok(optional(&exc.cause)),
        Some("__context__") => Ok(optional(&exc.context)),
        Some("__suppress_context__") => Ok(Value::Bool(exc.suppress_context.get())),
        // `value` and `code` are fields set from the arguments, which a store replaces (it
        // lands in the instance's dict, read first).
        Some("value") if protocol::isinstance(v, &types().stop_iteration) => {
            if let Some(found) = own_attr(v, name) {
                return Ok(found);
            }
            Ok(exc.args_vec().into_iter().next().unwrap_or(Value::None))
        }
        Some("errno" | "strerror" | "filename" | "filename2") if protocol::isinstance(v, &types().os_error) => {
            if let Some(found) = v
                .as_obj()
                .and_then(|o| protocol::instance_dict(o, false))
                .and_then(|d| d.downcast::<crate::types::dict::PyDict>().and_then(|d| d.get_str(name.as_str()?)))
            {
                return Ok(found);
            }
            if name.as_str().is_some_and(|n| n.as_str() == "filename2") {
                return Ok(Value::None);
            }
            let args = exc.args_vec();
            let index = match name.as_str().map(PyStr::as_str) {
                Some("errno") => 0,
                Some("strerror") => 1,
                _ => 2,
            };
            if (2..=5).contains(&args.len()) {
                Ok(args.get(index).cloned().unwrap_or(Value::None))
            } else {
                Ok(Value::None)
            }
        }
        Some(
            field @ ("msg"
            | "filename"
            | "lineno"
            | "offset"
            | "text"
            | "end_lineno"
            | "end_offset"
            | "print_file_and_line"),
        ) if protocol::isinstance(v, &types().syntax_error) => {
            let args = exc.args_vec();
            if field == "msg" {
                return Ok(args.first().cloned().unwrap_or(Value::None));
            }
            let index =
                ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().position(|f| *f == field);
            let details =
                args.get(1).and_then(|d| d.downcast::<PyTuple>().map(|t| t.items().to_vec())).unwrap_or_default();
            Ok(index.and_then(|i| details.get(i).cloned()).unwrap_or(Value::None))
        }
        Some("code") if protocol::isinstance(v, &types().system_exit) => {
            if let Some(found) = own_attr(v, name) {
                return Ok(found);
            }
            let args = exc.args_vec();
            Ok(match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::Obj(PyTuple::new_obj(args)),
            })
        }
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// The exception's own attribute `name` (from its `__dict__`), if set.
fn own_attr(v: &Value, name: &Value) -> Option<Value> {
    crate::attrs::lookup(v.as_obj()?, name.as_str()?)
}

fn as_exception_or_none(value: Option<Value>, what: &str) -> PyResult<Option<pyrite_memory::ObjRef>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(Value::Obj(o)) if o.is::<PyException>() => Ok(Some(o)),
        Some(_) => Err(PyErr::type_error(format!("exception {what} must be None or derive from BaseException"))),
    }
}

pub(crate) fn exception_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let exc = this(v)?;
    let key = name.as_str().map(PyStr::as_str);
    if value.is_none()
        && let Some(field @ ("args" | "__traceback__" | "__cause__" | "__context__")) = key
    {
        return Err(PyErr::type_error(format!("{field} may not be deleted")));
    }
    match key {
        Some("args") => {
            let items = protocol::collect(ctx, &value.unwrap_or(Value::None))?;
            drop(exc.args.replace(Value::Obj(PyTuple::new_obj(items))));
        }
        Some("__cause__") => {
            let cause = as_exception_or_none(value, "cause")?;
            exc.suppress_context.set(true);
            drop(exc.cause.replace(cause));
        }
        Some("__context__") => drop(exc.context.replace(as_exception_or_none(value, "context")?)),
        Some("__traceback__") => {
            let tb = match value {
                Some(Value::Obj(o)) if o.is::<crate::types::exception::Traceback>() => Some(o),
                Some(Value::None) | None => None,
                Some(_) => return Err(PyErr::type_error("__traceback__ must be a traceback or None")),
            };
            drop(exc.traceback.replace(tb));
        }
        Some("__suppress_context__") if value.is_none() => {
            return Err(PyErr::type_error("can't delete numeric/char attribute"));
        }
        Some("__suppress_context__") => {
            let flag = protocol::truthy(ctx, &value.unwrap_or(Value::Bool(false)))?;
            exc.suppress_context.set(flag);
        }
        Some("message" | "exceptions") if exc.group.borrow().is_some() => {
            return Err(PyErr::attribute_error("readonly attribute"));
        }
        _ => return protocol::generic_setattr(ctx, v, name, value),
    }
    Ok(())
}

/// `BaseException.__setstate__(state)`: each item of a dict state becomes an attribute.
fn exception_setstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (exc, rest) = method_args("__setstate__", args, 1, 1)?;
    let state = &rest[0];
    if state.is_none() {
        return Ok(Value::None);
    }
    let Some(d) = state.downcast::<crate::types::dict::PyDict>() else {
        return Err(PyErr::type_error("state is not a dictionary"));
    };
    for (key, value) in d.items() {
        protocol::setattr(ctx, exc, &key, Some(value))?;
    }
    Ok(Value::None)
}

fn add_note(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (exc, rest) = method_args("add_note", args, 1, 1)?;
    if rest[0].as_str().is_none() {
        return Err(PyErr::type_error(format!("note must be a str, not '{}'", rest[0].type_name())));
    }
    let notes = match protocol::getattr_str(ctx, exc, "__notes__") {
        Ok(notes) => notes,
        Err(e) if e.matches(&types().attribute_error) => {
            let list = Value::Obj(crate::types::list::PyList::new_obj(Vec::new()));
            protocol::setattr(ctx, exc, &Value::str("__notes__"), Some(list.clone()))?;
            list
        }
        Err(e) => return Err(e),
    };
    match notes.downcast::<crate::types::list::PyList>() {
        Some(list) => list.push(rest[0].clone()),
        None => return Err(PyErr::type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(Value::None)
}

fn traceback_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let tb = v.downcast::<crate::types::exception::Traceback>().ok_or_else(|| PyErr::type_error("not a traceback"))?;
    match name.as_str().map(PyStr::as_str) {
        Some("tb_next") => Ok(tb.next.borrow().clone().map_or(Value::None, Value::Obj)),
        Some("tb_lasti") => Ok(Value::Int(i64::from(tb.lasti) * 2)),
        Some("tb_lineno") => {
            let code = tb
                .code
                .downcast::<crate::types::function::Code>()
                .ok_or_else(|| PyErr::new_system("traceback code"))?;
            let line = code.bytecode.locations().get(tb.lasti as usize).and_then(|l| l.line);
            Ok(line.map_or(Value::None, |l| Value::Int(i64::from(l))))
        }
        // The frame has usually finished: its snapshot has no locals (`f_locals` is empty).
        Some("tb_frame") => Ok(Value::Obj(crate::types::frame::FrameObject::new_obj(
            tb.code.clone(),
            tb.globals.clone(),
            None,
            tb.lasti,
            None,
        ))),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

/// `tb.tb_next = other` (what `unittest` does to hide its own frames): another
/// traceback not already after this one, or None.
fn traceback_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    use crate::types::exception::Traceback;
    let tb = v.downcast::<Traceback>().ok_or_else(|| PyErr::type_error("not a traceback"))?;
    if name.as_str().map(PyStr::as_str) != Some("tb_next") {
        return protocol::generic_setattr(ctx, v, name, value);
    }
    let Some(value) = value else { return Err(PyErr::type_error("can't delete tb_next attribute")) };
    let next = match &value {
        Value::None => None,
        Value::Obj(obj) if obj.downcast::<Traceback>().is_some() => {
            // Refuse a loop: `value` or one after it is this traceback.
            let mut cursor = Some(obj.clone());
            while let Some(entry) = cursor {
                if Value::Obj(entry.clone()).is(v) {
                    return Err(PyErr::value_error("traceback loop detected"));
                }
                cursor = entry.downcast::<Traceback>().and_then(|t| t.next.borrow().clone());
            }
            Some(obj.clone())
        }
        other => {
            return Err(PyErr::type_error(format!("expected traceback object or None, got '{}'", other.type_name())));
        }
    };
    drop(tb.next.replace(next));
    Ok(())
}

fn with_traceback(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (exc, rest) = method_args("with_traceback", args, 1, 1)?;
    let tb = rest[0].as_obj().cloned();
    drop(this(exc)?.traceback.replace(tb));
    Ok(exc.clone())
}
