//! `BytesIO`: an in-memory binary stream. Its contents are a `bytearray`, so `getbuffer()`
//! is a writable `memoryview` of them and resizing while one is exported raises
//! `BufferError`, as in CPython.

use std::cell::Cell;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::{PyByteArray, PyMemoryView};
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, types};

use super::{
    add_property, bytes_like, bytes_value, closed_error, fill_buffer, int_arg, new_instance, size_arg, split_self,
};

/// The payload of a `BytesIO`.
pub struct BytesIo {
    /// A `bytearray` object.
    buf: ObjRef,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl Trace for BytesIo {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.buf);
    }
}

payload!(BytesIo, "_io.BytesIO", tracked);

impl BytesIo {
    fn data(&self) -> &PyByteArray {
        self.buf.downcast::<PyByteArray>().expect("BytesIO holds a bytearray")
    }
}

/// `BytesIO`.
pub fn bytesio_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("BytesIO", "_io", Some(super::base::bufferediobase_type()), TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| {
                let b = BytesIo { buf: PyByteArray::new_obj(Vec::new()), pos: Cell::new(0), closed: Cell::new(false) };
                Ok(new_instance(b, ty))
            });
            s.init = Some(bytesio_init);
            s.next = Some(|_, v| {
                let b = v.downcast::<BytesIo>().ok_or_else(|| PyErr::type_error("expected a BytesIO"))?;
                let line = readline(b, -1)?;
                Ok(if line.is_empty() { None } else { Some(bytes_value(line)) })
            });
        });
        add_methods(
            &ty,
            "BytesIO",
            &[
                ("getvalue", |_, a| Ok(bytes_value(open_this(&a)?.data().to_vec()))),
                ("getbuffer", |_, a| {
                    let b = open_this(&a)?;
                    let len = b.data().len();
                    Ok(Value::Obj(PyMemoryView::new_obj(Value::Obj(b.buf.clone()), 0, 1, len, false)))
                }),
                ("read", |ctx, a| m_read(ctx, a, "read")),
                ("read1", |ctx, a| m_read(ctx, a, "read1")),
                ("readline", m_readline),
                ("readinto", m_readinto),
                ("write", m_write),
                ("seek", m_seek),
                ("tell", |_, a| Ok(Value::from(open_this(&a)?.pos.get()))),
                ("truncate", m_truncate),
                ("close", |_, a| {
                    let b = this(&a)?;
                    if b.data().exports.get() > 0 {
                        return Err(PyErr::new(
                            &types().buffer_error,
                            "Existing exports of data: object cannot be re-sized",
                        ));
                    }
                    b.closed.set(true);
                    Ok(Value::None)
                }),
                ("flush", |_, a| open_this(&a).map(|_| Value::None)),
                ("isatty", |_, a| open_this(&a).map(|_| Value::Bool(false))),
                ("readable", |_, a| open_this(&a).map(|_| Value::Bool(true))),
                ("writable", |_, a| open_this(&a).map(|_| Value::Bool(true))),
                ("seekable", |_, a| open_this(&a).map(|_| Value::Bool(true))),
            ],
        );
        add_property(&ty, "BytesIO", "closed", |_, a| Ok(Value::Bool(this(&a)?.closed.get())), None);
        ty
    })
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a BytesIo> {
    args.values
        .first()
        .and_then(|v| v.downcast::<BytesIo>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_io.BytesIO' object"))
}

fn open_this<'a>(args: &Args<'a>) -> PyResult<&'a BytesIo> {
    let b = this(args)?;
    if b.closed.get() { Err(closed_error()) } else { Ok(b) }
}

fn check_resizable(b: &BytesIo) -> PyResult<()> {
    if b.data().exports.get() > 0 {
        return Err(PyErr::new(&types().buffer_error, "Existing exports of data: object cannot be re-sized"));
    }
    Ok(())
}

fn bytesio_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    const INIT: Params = Params::new("BytesIO", &["initial_bytes"]);
    let [initial] = INIT.bind(args)?;
    let b = v.downcast::<BytesIo>().ok_or_else(|| PyErr::type_error("expected a BytesIO"))?;
    check_resizable(b)?;
    let data = match initial {
        None | Some(Value::None) => Vec::new(),
        Some(init) => bytes_like(init)?,
    };
    *b.data().data.borrow_mut() = data;
    b.pos.set(0);
    Ok(())
}

fn take(b: &BytesIo, n: Option<usize>) -> Vec<u8> {
    let data = b.data().data.borrow();
    let start = b.pos.get().min(data.len());
    let end = n.map_or(data.len(), |n| (start + n).min(data.len()));
    let out = data[start..end].to_vec();
    drop(data);
    b.pos.set(end.max(b.pos.get()));
    out
}

fn readline(b: &BytesIo, limit: i64) -> PyResult<Vec<u8>> {
    if b.closed.get() {
        return Err(closed_error());
    }
    let data = b.data().data.borrow();
    let start = b.pos.get().min(data.len());
    let rest = &data[start..];
    let mut end = rest.iter().position(|&c| c == b'\n').map_or(rest.len(), |i| i + 1);
    if let Ok(limit) = usize::try_from(limit) {
        end = end.min(limit);
    }
    let out = rest[..end].to_vec();
    drop(data);
    b.pos.set(start + end);
    Ok(out)
}

fn m_read(ctx: &mut Ctx, args: Args<'_>, name: &'static str) -> PyResult {
    let (_, rest) = split_self(name, args)?;
    let [size] = Params::new(name, &["size"]).positional_only(1).bind(rest)?;
    let n = size_arg(ctx, size)?;
    let b = open_this(&args)?;
    Ok(bytes_value(take(b, usize::try_from(n).ok())))
}

fn m_readline(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, rest) = split_self("readline", args)?;
    let [size] = Params::new("readline", &["size"]).positional_only(1).bind(rest)?;
    let n = size_arg(ctx, size)?;
    Ok(bytes_value(readline(this(&args)?, n)?))
}

fn m_readinto(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let b = open_this(&args)?;
    let target =
        args.values.get(1).ok_or_else(|| PyErr::type_error("readinto() takes exactly one argument (0 given)"))?;
    let n = super::buffer_len(target)?;
    let data = take(b, Some(n));
    Ok(Value::from(fill_buffer(target, &data)?))
}

fn m_write(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let b = open_this(&args)?;
    let data = args.values.get(1).ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    let data = bytes_like(data)?;
    let pos = b.pos.get();
    let end = pos + data.len();
    if end > b.data().len() {
        check_resizable(b)?;
    }
    let mut buf = b.data().data.borrow_mut();
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let overlap = end.min(buf.len());
    buf.splice(pos..overlap, data.iter().copied());
    drop(buf);
    b.pos.set(end);
    Ok(Value::from(data.len()))
}

fn m_seek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("seek", &["pos", "whence"]).required(1).positional_only(2);
    let (_, rest) = split_self("seek", args)?;
    let [pos, whence] = PARAMS.bind(rest)?;
    let pos = int_arg(ctx, pos.unwrap_or(&Value::Int(0)))?;
    let whence = match whence {
        Some(w) => int_arg(ctx, w)?,
        None => 0,
    };
    let b = open_this(&args)?;
    let base = match whence {
        0 => {
            if pos < 0 {
                return Err(PyErr::value_error(format!("negative seek value {pos}")));
            }
            0
        }
        1 => i64::try_from(b.pos.get()).unwrap_or(0),
        2 => i64::try_from(b.data().len()).unwrap_or(0),
        _ => return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let target = (base + pos).max(0);
    b.pos.set(usize::try_from(target).unwrap_or(0));
    Ok(Value::Int(target))
}

fn m_truncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let b = open_this(&args)?;
    let size = match args.values.get(1) {
        None | Some(Value::None) => b.pos.get(),
        Some(v) => {
            let n = int_arg(ctx, v)?;
            usize::try_from(n).map_err(|_| PyErr::value_error(format!("negative size value {n}")))?
        }
    };
    if size < b.data().len() {
        check_resizable(b)?;
        b.data().data.borrow_mut().truncate(size);
    }
    Ok(Value::from(size))
}
