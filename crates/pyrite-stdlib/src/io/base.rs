//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase` with
//! their default methods, written (as CPython's) in terms of the methods a subclass
//! provides: `readline` by `read`/`peek`, iteration by `readline`, `close` by `flush`.

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyByteArray;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyList;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{
    DEFAULT_BUFFER_SIZE, add_property, bytes_value, call_method, check_closed, closed_error, new_instance, size_arg,
    split_self, unsupported,
};

/// The payload of instances of the abstract bases (Python subclasses of them).
pub struct IoBase;

impl Trace for IoBase {}
payload!(IoBase, "_io._IOBase", untracked);

const CLOSED_KEY: &str = "__IOBase_closed";

fn base_new(_: &mut Ctx, ty: &ObjRef, _: Args<'_>) -> PyResult {
    Ok(new_instance(IoBase, ty))
}

/// `_io._IOBase`.
pub fn iobase_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("_IOBase", "_io", None, TYPE_BASETYPE, |s| {
            s.new = Some(base_new);
            s.iter = Some(iobase_iter);
            s.next = Some(iobase_next);
        });
        add_methods(
            &ty,
            "_IOBase",
            &[
                ("seek", |ctx, _| Err(unsupported(ctx, "seek"))),
                ("tell", iobase_tell),
                ("truncate", |ctx, _| Err(unsupported(ctx, "truncate"))),
                ("flush", iobase_flush),
                ("close", iobase_close),
                ("seekable", |_, _| Ok(Value::Bool(false))),
                ("readable", |_, _| Ok(Value::Bool(false))),
                ("writable", |_, _| Ok(Value::Bool(false))),
                ("_checkClosed", check_closed_method),
                ("_checkSeekable", |ctx, args| check_ability(ctx, args, "seekable", "File or stream is not seekable.")),
                ("_checkReadable", |ctx, args| check_ability(ctx, args, "readable", "File or stream is not readable.")),
                ("_checkWritable", |ctx, args| check_ability(ctx, args, "writable", "File or stream is not writable.")),
                ("fileno", |ctx, _| Err(unsupported(ctx, "fileno"))),
                ("isatty", iobase_isatty),
                ("__enter__", iobase_enter),
                ("__exit__", iobase_exit),
                ("readline", iobase_readline),
                ("readlines", iobase_readlines),
                ("writelines", iobase_writelines),
                ("__del__", iobase_del),
            ],
        );
        add_property(&ty, "_IOBase", "closed", iobase_closed, None);
        ty
    })
}

/// `_io._RawIOBase`.
pub fn rawiobase_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("_RawIOBase", "_io", Some(iobase_type()), TYPE_BASETYPE, |_| {});
        add_methods(&ty, "_RawIOBase", &[("read", raw_read), ("readall", raw_readall)]);
        ty
    })
}

/// `_io._BufferedIOBase`.
pub fn bufferediobase_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("_BufferedIOBase", "_io", Some(iobase_type()), TYPE_BASETYPE, |_| {});
        add_methods(
            &ty,
            "_BufferedIOBase",
            &[
                ("read", |ctx, _| Err(unsupported(ctx, "read"))),
                ("read1", |ctx, _| Err(unsupported(ctx, "read1"))),
                ("write", |ctx, _| Err(unsupported(ctx, "write"))),
                ("detach", |ctx, _| Err(unsupported(ctx, "detach"))),
                ("readinto", |ctx, args| buffered_readinto(ctx, args, "read")),
                ("readinto1", |ctx, args| buffered_readinto(ctx, args, "read1")),
            ],
        );
        ty
    })
}

/// `_io._TextIOBase`.
pub fn textiobase_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("_TextIOBase", "_io", Some(iobase_type()), TYPE_BASETYPE, |_| {});
        add_methods(
            &ty,
            "_TextIOBase",
            &[
                ("read", |ctx, _| Err(unsupported(ctx, "read"))),
                ("readline", |ctx, _| Err(unsupported(ctx, "readline"))),
                ("write", |ctx, _| Err(unsupported(ctx, "write"))),
                ("detach", |ctx, _| Err(unsupported(ctx, "detach"))),
            ],
        );
        for name in ["encoding", "newlines", "errors"] {
            add_property(&ty, "_TextIOBase", name, |_, _| Ok(Value::None), None);
        }
        ty
    })
}

fn this_arg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    args.values.first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))
}

/// Whether `__IOBase_closed` is set in the instance dict.
pub(crate) fn base_closed(v: &Value) -> bool {
    v.as_obj()
        .and_then(|o| pyrite_object::attrs::lookup(o, &pyrite_object::types::str::PyStr::from_str(CLOSED_KEY)))
        .is_some()
}

fn iobase_closed(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(base_closed(this_arg("closed", &args)?)))
}

fn iobase_tell(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("tell", &args)?;
    call_method(ctx, this, "seek", &[Value::Int(0), Value::Int(1)])
}

fn iobase_flush(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("flush", &args)?;
    if base_closed(this) {
        return Err(closed_error());
    }
    Ok(Value::None)
}

fn iobase_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("close", &args)?;
    if base_closed(this) {
        return Ok(Value::None);
    }
    let flushed = call_method(ctx, this, "flush", &[]);
    if let Some(dict) = this.as_obj().and_then(|o| protocol::instance_dict(o, true))
        && let Some(d) = dict.downcast::<PyDict>()
    {
        d.set_str(CLOSED_KEY, Value::Bool(true));
    }
    flushed.map(|_| Value::None)
}

fn iobase_del(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("__del__", &args)?;
    if !super::is_closed(ctx, this).unwrap_or(true) {
        let _ = call_method(ctx, this, "close", &[]);
    }
    Ok(Value::None)
}

fn check_closed_method(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("_checkClosed", &args)?;
    check_closed(ctx, this)?;
    Ok(Value::None)
}

fn check_ability(ctx: &mut Ctx, args: Args<'_>, method: &str, message: &str) -> PyResult {
    let this = this_arg(method, &args)?;
    let result = call_method(ctx, this, method, &[])?;
    if !protocol::truthy(ctx, &result)? {
        let message = match args.values.get(1) {
            Some(m) if !m.is_none() => protocol::str_string(ctx, m)?,
            _ => message.to_owned(),
        };
        return Err(unsupported(ctx, &message));
    }
    Ok(result)
}

fn iobase_isatty(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("isatty", &args)?;
    check_closed(ctx, this)?;
    Ok(Value::Bool(false))
}

fn iobase_enter(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("__enter__", &args)?;
    check_closed(ctx, this)?;
    Ok(this.clone())
}

fn iobase_exit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("__exit__", &args)?;
    call_method(ctx, this, "close", &[])
}

fn iobase_iter(ctx: &mut Ctx, v: &Value) -> PyResult {
    check_closed(ctx, v)?;
    Ok(v.clone())
}

fn iobase_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let line = call_method(ctx, v, "readline", &[])?;
    let empty = match &line {
        Value::Obj(_) => protocol::len(ctx, &line)? == 0,
        _ => false,
    };
    Ok(if empty { None } else { Some(line) })
}

/// `_IOBase.readline(size=-1)`: by `peek` and `read` when there is `peek`, else one byte
/// at a time.
fn iobase_readline(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("readline", &["size"]);
    let (this, rest) = split_self("readline", args)?;
    let [size] = PARAMS.bind(rest)?;
    let limit = size_arg(ctx, size)?;
    let has_peek = protocol::getattr_str(ctx, this, "peek").is_ok();
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut n = 1;
        if has_peek {
            let ahead = call_method(ctx, this, "peek", &[Value::Int(1)])?;
            let ahead = super::bytes_like(&ahead)?;
            if ahead.is_empty() {
                break;
            }
            n = ahead.iter().position(|&b| b == b'\n').map_or(ahead.len(), |i| i + 1);
            if limit >= 0 {
                n = n.min(usize::try_from(limit).unwrap_or(0) - out.len());
            }
        }
        let chunk = call_method(ctx, this, "read", &[Value::from(n)])?;
        if chunk.is_none() {
            break;
        }
        let Some(chunk) = pyrite_object::methods::bytes::buffer_bytes(&chunk) else {
            return Err(PyErr::new(
                &pyrite_object::types().os_error,
                format!("read() should have returned a bytes object, not '{}'", chunk.type_name()),
            ));
        };
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(bytes_value(out))
}

/// `readlines(hint=-1)`: lines until their total length reaches `hint`.
pub(crate) fn iobase_readlines(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("readlines", &["hint"]);
    let (this, rest) = split_self("readlines", args)?;
    let [hint] = PARAMS.bind(rest)?;
    let hint = size_arg(ctx, hint)?;
    let iterator = protocol::get_iter(ctx, this)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = protocol::next(ctx, &iterator)? {
        total += protocol::len(ctx, &line)?;
        lines.push(line);
        if hint > 0 && total as i64 >= hint {
            break;
        }
    }
    Ok(Value::Obj(PyList::new_obj(lines)))
}

fn iobase_writelines(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = split_self("writelines", args)?;
    let [lines] = Params::new("writelines", &["lines"]).required(1).positional_only(1).bind(rest)?;
    let lines = lines.ok_or_else(|| PyErr::type_error("writelines() missing required argument 'lines'"))?;
    check_closed(ctx, this)?;
    let iterator = protocol::get_iter(ctx, lines)?;
    while let Some(line) = protocol::next(ctx, &iterator)? {
        call_method(ctx, this, "write", &[line])?;
    }
    Ok(Value::None)
}

/// `_RawIOBase.read(size=-1)`: by `readinto`.
fn raw_read(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("read", &["size"]);
    let (this, rest) = split_self("read", args)?;
    let [size] = PARAMS.bind(rest)?;
    let size = size_arg(ctx, size)?;
    if size < 0 {
        return call_method(ctx, this, "readall", &[]);
    }
    let buffer = Value::Obj(PyByteArray::new_obj(vec![0; usize::try_from(size).unwrap_or(0)]));
    let n = call_method(ctx, this, "readinto", std::slice::from_ref(&buffer))?;
    if n.is_none() {
        return Ok(Value::None);
    }
    let n = usize::try_from(super::int_arg(ctx, &n)?).unwrap_or(0);
    let mut data = buffer.downcast::<PyByteArray>().map(PyByteArray::to_vec).unwrap_or_default();
    data.truncate(n);
    Ok(bytes_value(data))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until the end.
fn raw_readall(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = this_arg("readall", &args)?;
    let mut out = Vec::new();
    loop {
        let chunk = call_method(ctx, this, "read", &[Value::from(DEFAULT_BUFFER_SIZE)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let chunk = super::bytes_like(&chunk)?;
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
    }
    Ok(bytes_value(out))
}

/// `_BufferedIOBase.readinto(b)` by `read` (or `readinto1` by `read1`).
fn buffered_readinto(ctx: &mut Ctx, args: Args<'_>, method: &str) -> PyResult {
    let (this, rest) = split_self(method, args)?;
    let [target] = Params::new("readinto", &["buffer"]).required(1).positional_only(1).bind(rest)?;
    let target = target.ok_or_else(|| PyErr::type_error("readinto() missing required argument 'buffer'"))?;
    let n = super::buffer_len(target)?;
    let data = call_method(ctx, this, method, &[Value::from(n)])?;
    let data = super::bytes_like(&data)?;
    Ok(Value::from(super::fill_buffer(target, &data)?))
}
