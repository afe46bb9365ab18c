//! The `_io` module: CPython's I/O stack that `io.py` re-exports (the abstract bases
//! `_IOBase`/`_RawIOBase`/`_BufferedIOBase`/`_TextIOBase`, `FileIO` on a file descriptor,
//! the buffered readers and writers, `TextIOWrapper`, `StringIO`, `BytesIO`), `open()`,
//! and the standard streams `sys.stdin`, `sys.stdout` and `sys.stderr` the VM prints to.
//!
//! Objects of these types call each other natively when they know the other's type (a
//! `TextIOWrapper` over a `BufferedWriter` over a `FileIO`), and through Python method
//! calls otherwise, so Python subclasses and duck-typed streams work as in CPython.

mod base;
mod buffered;
mod bytesio;
mod codec;
mod fileio;
mod newlines;
mod open;
mod stringio;
mod textio;

use pyrite_memory::ObjRef;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module, NativeFn};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};
use pyrite_vm::Interpreter;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Makes the module.
pub fn make(ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_io", &[("open_code", open::open_code), ("text_encoding", open::text_encoding)]);
    Module::set(&module, "open", Value::Obj(open_function().clone()));
    Module::set(&module, "DEFAULT_BUFFER_SIZE", Value::from(DEFAULT_BUFFER_SIZE));
    Module::set(&module, "UnsupportedOperation", Value::Obj(unsupported_type(ctx)?.clone()));
    Module::set(&module, "BlockingIOError", Value::Obj(types().blocking_io_error.clone()));
    for (name, ty) in [
        ("_IOBase", base::iobase_type()),
        ("_RawIOBase", base::rawiobase_type()),
        ("_BufferedIOBase", base::bufferediobase_type()),
        ("_TextIOBase", base::textiobase_type()),
        ("FileIO", fileio::fileio_type()),
        ("BytesIO", bytesio::bytesio_type()),
        ("StringIO", stringio::stringio_type()),
        ("BufferedReader", buffered::reader_type()),
        ("BufferedWriter", buffered::writer_type()),
        ("BufferedRandom", buffered::random_type()),
        ("BufferedRWPair", buffered::rwpair_type()),
        ("TextIOWrapper", textio::textiowrapper_type()),
        ("IncrementalNewlineDecoder", newlines::decoder_type()),
    ] {
        Module::set(&module, name, Value::Obj(ty.clone()));
    }
    Ok(module)
}

/// Gives the interpreter `sys.stdin`, `sys.stdout`, `sys.stderr` (text streams over file
/// descriptors 0, 1 and 2), the builtin `open`, and the native writer `print` uses.
pub fn install_std_streams(interp: &mut Interpreter) {
    let ctx = interp.ctx();
    let streams = [0, 1, 2].map(|fd| open::std_stream(ctx, fd).unwrap_or(Value::None));
    let [stdin, stdout, stderr] = streams;
    interp.install_stdio(pyrite_vm::StdIo {
        stdin,
        stdout,
        stderr,
        open: Value::Obj(open_function().clone()),
        fast_write: textio::fast_write,
    });
}

/// The `open` function object, one for the process (`io.open is open`).
fn open_function() -> &'static ObjRef {
    static OPEN: StaticType = StaticType::new();
    OPEN.get_or_init(|| {
        let f = BuiltinFunction::new_obj("open", open::open);
        f.make_immortal();
        f
    })
}

/// `io.UnsupportedOperation`, a subclass of both `OSError` and `ValueError`.
fn unsupported_type(ctx: &mut Ctx) -> PyResult<&'static ObjRef> {
    static TYPE: StaticType = StaticType::new();
    let mut failure = None;
    let ty = TYPE.get_or_init(|| {
        let t = types();
        let bases = PyTuple::new_obj(vec![Value::Obj(t.os_error.clone()), Value::Obj(t.value_error.clone())]);
        let ns = PyDict::new_obj();
        if let Some(d) = ns.downcast::<PyDict>() {
            d.set_str("__module__", Value::str("io"));
        }
        let args = [Value::str("UnsupportedOperation"), Value::Obj(bases), Value::Obj(ns)];
        match protocol::call_positional(ctx, &Value::Obj(t.type_.clone()), &args) {
            Ok(Value::Obj(ty)) => {
                ty.make_immortal();
                ty
            }
            Ok(_) => t.os_error.clone(),
            Err(e) => {
                failure = Some(e);
                t.os_error.clone()
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(ty),
    }
}

/// `io.UnsupportedOperation(message)`.
pub(crate) fn unsupported(ctx: &mut Ctx, message: &str) -> PyErr {
    match unsupported_type(ctx) {
        Ok(ty) => PyErr::new(ty, message),
        Err(e) => e,
    }
}

/// `ValueError: I/O operation on closed file.`
pub(crate) fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// The `OSError` subclass for an operating-system error, with `errno`, `strerror` and
/// `filename` set as CPython's `PyErr_SetFromErrnoWithFilenameObject`.
pub(crate) fn os_error(ctx: &mut Ctx, error: &std::io::Error, filename: Option<&Value>) -> PyErr {
    let Some(errno) = error.raw_os_error() else {
        return PyErr::new(&types().os_error, error.to_string());
    };
    let text = error.to_string();
    let strerror = text.strip_suffix(&format!(" (os error {errno})")).unwrap_or(&text).to_owned();
    let mut args = vec![Value::Int(i64::from(errno)), Value::str(&strerror)];
    if let Some(name) = filename {
        args.push(name.clone());
    }
    match protocol::call_positional(ctx, &Value::Obj(types().os_error.clone()), &args) {
        Ok(Value::Obj(exc)) => PyErr(exc),
        Ok(_) => PyErr::new(&types().os_error, strerror),
        Err(e) => e,
    }
}

/// Calls `obj.name(*args)`.
pub(crate) fn call_method(ctx: &mut Ctx, obj: &Value, name: &str, args: &[Value]) -> PyResult {
    let (callable, this) = protocol::get_method(ctx, obj, &Value::str(name))?;
    match this {
        Some(this) => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(this);
            all.extend_from_slice(args);
            protocol::call(ctx, &callable, Args::positional(&all))
        }
        None => protocol::call(ctx, &callable, Args::positional(args)),
    }
}

/// Splits a method's arguments into `self` and the rest.
pub(crate) fn split_self<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, Args<'a>)> {
    let n_pos = args.values.len() - args.kwnames.len();
    if n_pos == 0 {
        return Err(PyErr::type_error(format!("descriptor '{name}' needs an argument")));
    }
    Ok((&args.values[0], Args { values: &args.values[1..], kwnames: args.kwnames }))
}

/// `obj.closed`, as a bool.
pub(crate) fn is_closed(ctx: &mut Ctx, obj: &Value) -> PyResult<bool> {
    let closed = protocol::getattr_str(ctx, obj, "closed")?;
    protocol::truthy(ctx, &closed)
}

/// Raises `ValueError` if `obj.closed`.
pub(crate) fn check_closed(ctx: &mut Ctx, obj: &Value) -> PyResult<()> {
    if is_closed(ctx, obj)? { Err(closed_error()) } else { Ok(()) }
}

/// An optional size argument: `None` and absent mean -1.
pub(crate) fn size_arg(ctx: &mut Ctx, value: Option<&Value>) -> PyResult<i64> {
    match value {
        None | Some(Value::None) => Ok(-1),
        Some(v) => {
            let what = |v: &Value| format!("argument should be integer or None, not '{}'", v.type_name());
            let i = protocol::index(ctx, v, what)?;
            pyrite_object::methods::int::to_i64(&i)
        }
    }
}

/// An integer argument (`__index__`).
pub(crate) fn int_arg(ctx: &mut Ctx, value: &Value) -> PyResult<i64> {
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let i = protocol::index(ctx, value, what)?;
    pyrite_object::methods::int::to_i64(&i)
}

/// Adds a property with a native getter (and optionally a setter) to a type.
pub(crate) fn add_property(ty: &ObjRef, owner: &'static str, name: &'static str, get: NativeFn, set: Option<NativeFn>) {
    use pyrite_memory::PayloadCell;
    let fget = Value::Obj(BuiltinFunction::new_method(owner, name, get));
    let fset = set.map_or(Value::None, |f| Value::Obj(BuiltinFunction::new_method(owner, name, f)));
    let property = pyrite_object::types::descriptors::Property {
        fget: PayloadCell::new(fget),
        fset: PayloadCell::new(fset),
        fdel: PayloadCell::new(Value::None),
        doc: PayloadCell::new(Value::None),
        name: PayloadCell::new(Value::None),
    };
    if let Some(d) = type_payload(ty).dict.downcast::<PyDict>() {
        d.set_str(name, Value::Obj(ObjRef::new(property, Some(&types().property))));
    }
}

/// Creates an instance of an `_io` type: every one has a `__dict__`, as in CPython.
pub(crate) fn new_instance<T: pyrite_memory::Payload>(payload: T, ty: &ObjRef) -> Value {
    Value::Obj(ObjRef::new_with_dict(payload, Some(ty)))
}

/// The name of the type for reprs: `_io.FileIO`, or a subclass's qualified name.
pub(crate) fn repr_type_name(v: &Value) -> String {
    protocol::qualified_type_name(v.type_ref())
}

/// The bytes of a bytes-like object, or CPython's `TypeError`.
pub(crate) fn bytes_like(v: &Value) -> PyResult<Vec<u8>> {
    pyrite_object::methods::bytes::buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// Copies `data` into a writable buffer (bytearray or a writable memoryview); returns how
/// many bytes were copied.
pub(crate) fn fill_buffer(target: &Value, data: &[u8]) -> PyResult<usize> {
    use pyrite_object::types::bytes::{PyByteArray, PyMemoryView};
    if let Some(b) = target.downcast::<PyByteArray>() {
        let mut buf = b.data.borrow_mut();
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        return Ok(n);
    }
    if let Some(m) = target.downcast::<PyMemoryView>()
        && !m.readonly
        && !m.released.get()
        && let Some(b) = m.obj.downcast::<PyByteArray>()
    {
        let mut buf = b.data.borrow_mut();
        let n = data.len().min(m.nbytes());
        for (i, &byte) in data[..n].iter().enumerate() {
            if let Some(slot) = buf.get_mut(m.position(i)) {
                *slot = byte;
            }
        }
        return Ok(n);
    }
    Err(PyErr::type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        target.type_name()
    )))
}

/// The length of a writable buffer.
pub(crate) fn buffer_len(target: &Value) -> PyResult<usize> {
    use pyrite_object::types::bytes::{PyByteArray, PyMemoryView};
    if let Some(b) = target.downcast::<PyByteArray>() {
        return Ok(b.len());
    }
    if let Some(m) = target.downcast::<PyMemoryView>()
        && !m.readonly
    {
        return Ok(m.nbytes());
    }
    Err(PyErr::type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        target.type_name()
    )))
}

/// A new bytes value.
pub(crate) fn bytes_value(data: Vec<u8>) -> Value {
    Value::Obj(pyrite_object::types::bytes::PyBytes::new_obj(data))
}
