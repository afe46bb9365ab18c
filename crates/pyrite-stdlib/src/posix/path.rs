//! Arguments and errors shared by the `posix` functions: paths given as str, bytes or
//! `os.PathLike` (str encoded as UTF-8 with `surrogateescape`, CPython's file system
//! encoding), file descriptors, integer arguments, and `OSError` built from `errno`.

use std::ffi::CString;

use pyrite_object::types::bytes::{PyByteArray, PyBytes};
use pyrite_object::types::str::PyStr;
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol, types};

/// A path argument: its bytes for the system call, the object to name in errors, and
/// whether results derived from it are bytes.
pub struct PathArg {
    /// The encoded path (no NUL inside).
    pub bytes: Vec<u8>,
    /// The argument as given (`filename` of the `OSError`).
    pub object: Value,
    /// Whether the path was bytes (then names derived from it are bytes too).
    pub is_bytes: bool,
}

impl PathArg {
    /// The path for a system call.
    pub fn c_path(&self) -> CString {
        // `path_arg` refuses embedded NULs, so this cannot fail; fall back to an empty path.
        CString::new(self.bytes.clone()).unwrap_or_default()
    }

    /// `bytes` turned back into the argument's kind (str or bytes).
    pub fn result_like(&self, bytes: &[u8]) -> Value {
        if self.is_bytes { Value::Obj(PyBytes::new_obj(bytes.to_vec())) } else { decode_fs(bytes) }
    }
}

/// A path or an open file descriptor (for the functions that accept either).
pub enum PathOrFd {
    /// A path.
    Path(PathArg),
    /// A file descriptor.
    Fd(i32),
}

/// `os.fspath(value)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(ctx: &mut Ctx, value: &Value) -> PyResult<Value> {
    if value.as_str().is_some() || value.downcast::<PyBytes>().is_some() {
        return Ok(value.clone());
    }
    if pyrite_object::types::typeobj::lookup_str(value.type_ref(), "__fspath__").is_none() {
        return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", value.type_name())));
    }
    let method = protocol::getattr_str(ctx, value, "__fspath__")?;
    let result = protocol::call_positional(ctx, &method, &[])?;
    if result.as_str().is_some() || result.downcast::<PyBytes>().is_some() {
        return Ok(result);
    }
    Err(PyErr::type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        value.type_name(),
        result.type_name()
    )))
}

/// Converts a path argument of function `func` (`path should be string, bytes or
/// os.PathLike, not list` otherwise).
pub fn path_arg(ctx: &mut Ctx, value: &Value, func: &str, arg: &str) -> PyResult<PathArg> {
    convert_path(ctx, value, func, arg, false)
}

fn convert_path(ctx: &mut Ctx, value: &Value, func: &str, arg: &str, allow_fd: bool) -> PyResult<PathArg> {
    let bad = |v: &Value| {
        let kinds = match (allow_fd, func) {
            (true, "listdir" | "scandir") => "string, bytes, os.PathLike, integer or None",
            (true, _) => "string, bytes, os.PathLike or integer",
            _ => "string, bytes or os.PathLike",
        };
        PyErr::type_error(format!("{func}: {arg} should be {kinds}, not {}", v.type_name()))
    };
    let resolved = if value.as_str().is_some() || value.downcast::<PyBytes>().is_some() {
        value.clone()
    } else if pyrite_object::types::typeobj::lookup_str(value.type_ref(), "__fspath__").is_some() {
        fspath(ctx, value)?
    } else {
        return Err(bad(value));
    };
    let (bytes, is_bytes) = if let Some(s) = resolved.as_str() {
        (encode_fs(s)?, false)
    } else if let Some(b) = resolved.downcast::<PyBytes>() {
        (b.as_bytes().to_vec(), true)
    } else {
        return Err(bad(value));
    };
    if bytes.contains(&0) {
        // CPython's wording differs by type: the str is refused by its encoder.
        return Err(PyErr::value_error(if is_bytes {
            format!("{func}: embedded null character in {arg}")
        } else {
            "embedded null byte".to_owned()
        }));
    }
    Ok(PathArg { bytes, object: value.clone(), is_bytes })
}

/// A path or a file descriptor (an int).
pub fn path_or_fd(ctx: &mut Ctx, value: &Value, func: &str, arg: &str) -> PyResult<PathOrFd> {
    if matches!(value, Value::Int(_) | Value::Bool(_)) || protocol::isinstance(value, &types().int) {
        return Ok(PathOrFd::Fd(fd_arg(value)?));
    }
    convert_path(ctx, value, func, arg, true).map(PathOrFd::Path)
}

/// A file descriptor argument.
pub fn fd_arg(value: &Value) -> PyResult<i32> {
    if value.as_f64().is_some() && !matches!(value, Value::Int(_) | Value::Bool(_)) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = pyrite_object::methods::int::to_i64(value)?;
    i32::try_from(n)
        .map_err(|_| PyErr::overflow(if n < 0 { "fd is less than minimum" } else { "fd is greater than maximum" }))
}

/// An integer argument (anything with `__index__`).
pub fn int_arg(ctx: &mut Ctx, value: &Value) -> PyResult<i64> {
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let int = protocol::index(ctx, value, what)?;
    pyrite_object::methods::int::to_i64(&int)
}

/// An integer argument that must fit a C `int`.
pub fn c_int_arg(ctx: &mut Ctx, value: &Value) -> PyResult<i32> {
    let n = int_arg(ctx, value)?;
    i32::try_from(n).map_err(|_| {
        PyErr::overflow(if n < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// A bytes-like argument's contents (bytes, bytearray).
pub fn buffer_arg(value: &Value, func: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = value.downcast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = value.downcast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    if let Some(m) = value.downcast::<pyrite_object::types::bytes::PyMemoryView>() {
        return Ok(m.to_vec());
    }
    let _ = func;
    Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", value.type_name())))
}

/// Encodes a str path: UTF-8, with the lone surrogates U+DC80..U+DCFF standing for the
/// undecodable bytes 0x80..0xFF (`surrogateescape`).
pub fn encode_fs(s: &PyStr) -> PyResult<Vec<u8>> {
    if s.is_ascii() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.code_points().enumerate() {
        if (0xDC80..=0xDCFF).contains(&c) {
            out.push((c - 0xDC00) as u8);
        } else if let Some(ch) = char::from_u32(c) {
            let mut buf = [0; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        } else {
            return Err(PyErr::new(
                &types().unicode_encode_error,
                format!("'utf-8' codec can't encode character '\\u{c:04x}' in position {i}: surrogates not allowed"),
            ));
        }
    }
    Ok(out)
}

/// Decodes a file name: UTF-8, with each undecodable byte becoming U+DC80..U+DCFF.
pub fn decode_fs(bytes: &[u8]) -> Value {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Value::str(text);
    }
    let mut code_points = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                code_points.extend(text.chars().map(u32::from));
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                code_points.extend(std::str::from_utf8(good).unwrap_or_default().chars().map(u32::from));
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                code_points.extend(bad[..skip].iter().map(|&b| 0xDC00 + u32::from(b)));
                rest = &bad[skip..];
            }
        }
    }
    Value::Obj(PyStr::from_code_points_obj(&code_points))
}

/// The message of `errno` (`strerror(3)`).
pub fn strerror(errno: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is writable for its whole length, which is what we pass; the
    // XSI `strerror_r` (which the `libc` crate binds on Linux) NUL-terminates within it.
    let rc = unsafe { libc::strerror_r(errno, buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return format!("Unknown error {errno}");
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// The current `errno`.
pub fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
}

/// `OSError(errno, strerror, filename, None, filename2)`: the subclass for `errno`
/// (`FileNotFoundError`, ...), printed as `[Errno 2] No such file or directory: 'x'`.
pub fn os_error(ctx: &mut Ctx, errno: i32, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let mut args = vec![Value::Int(i64::from(errno)), Value::str(&strerror(errno))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let os_error = Value::Obj(types().os_error.clone());
    match protocol::call_positional(ctx, &os_error, &args) {
        Ok(exc) => exc.as_obj().map_or_else(|| PyErr::new_system("OSError"), |o| PyErr(o.clone())),
        Err(e) => e,
    }
}

/// The `OSError` for the current `errno`.
pub fn last_error(ctx: &mut Ctx, filename: Option<&Value>) -> PyErr {
    os_error(ctx, last_errno(), filename, None)
}

/// The `OSError` for a Rust I/O error.
pub fn io_error(ctx: &mut Ctx, error: &std::io::Error, filename: Option<&Value>) -> PyErr {
    os_error(ctx, error.raw_os_error().unwrap_or(libc::EIO), filename, None)
}

/// An unsigned number as a Python int.
pub fn uint(n: u64) -> Value {
    i64::try_from(n).map_or_else(|_| Value::from_bigint(n.into()), Value::Int)
}

/// Rejects `dir_fd` (not supported by this function) as CPython does where unavailable.
pub fn no_dir_fd(func: &str, dir_fd: Option<&Value>) -> PyResult<()> {
    match dir_fd {
        None | Some(Value::None) => Ok(()),
        Some(_) => Err(PyErr::not_implemented(format!("{func}: dir_fd unavailable on this platform"))),
    }
}
