//! The `fcntl` module for Linux: `fcntl`, `ioctl`, `flock` and `lockf` on descriptors (or
//! objects with `fileno()`), an int argument or a buffer of up to 1024 bytes, failures as
//! the `OSError` subclass for `errno`; interrupted calls are retried (PEP 475).

use pyrite_object::methods::check_args;
use pyrite_object::types::bytes::{PyByteArray, PyBytes};
use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::posix::path::{c_int_arg, int_arg, os_error};
use crate::select::file_descriptor;

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("fcntl", &[("fcntl", fcntl), ("ioctl", ioctl), ("flock", flock), ("lockf", lockf)]);
    for &(name, value) in CONSTANTS {
        Module::set(&module, name, Value::Int(value));
    }
    Ok(module)
}

/// The Linux values.
const CONSTANTS: &[(&str, i64)] = &[
    ("DN_ACCESS", 1),
    ("DN_MODIFY", 2),
    ("DN_CREATE", 4),
    ("DN_DELETE", 8),
    ("DN_RENAME", 16),
    ("DN_ATTRIB", 32),
    ("DN_MULTISHOT", 0x8000_0000),
    ("FASYNC", 0o20000),
    ("FD_CLOEXEC", 1),
    ("F_DUPFD", 0),
    ("F_GETFD", 1),
    ("F_SETFD", 2),
    ("F_GETFL", 3),
    ("F_SETFL", 4),
    ("F_GETLK", 5),
    ("F_GETLK64", 5),
    ("F_SETLK", 6),
    ("F_SETLK64", 6),
    ("F_SETLKW", 7),
    ("F_SETLKW64", 7),
    ("F_SETOWN", 8),
    ("F_GETOWN", 9),
    ("F_SETSIG", 10),
    ("F_GETSIG", 11),
    ("F_EXLCK", 4),
    ("F_SHLCK", 8),
    ("F_OFD_GETLK", 36),
    ("F_OFD_SETLK", 37),
    ("F_OFD_SETLKW", 38),
    ("F_SETLEASE", 1024),
    ("F_GETLEASE", 1025),
    ("F_NOTIFY", 1026),
    ("F_DUPFD_CLOEXEC", 1030),
    ("F_SETPIPE_SZ", 1031),
    ("F_GETPIPE_SZ", 1032),
    ("F_ADD_SEALS", 1033),
    ("F_GET_SEALS", 1034),
    ("F_SEAL_SEAL", 1),
    ("F_SEAL_SHRINK", 2),
    ("F_SEAL_GROW", 4),
    ("F_SEAL_WRITE", 8),
    ("F_RDLCK", 0),
    ("F_WRLCK", 1),
    ("F_UNLCK", 2),
    ("LOCK_SH", 1),
    ("LOCK_EX", 2),
    ("LOCK_NB", 4),
    ("LOCK_UN", 8),
    ("LOCK_MAND", 32),
    ("LOCK_READ", 64),
    ("LOCK_WRITE", 128),
    ("LOCK_RW", 192),
];

/// The most bytes a buffer argument may have (CPython's `FCNTL_BUFSZ`).
const BUFFER_SIZE: usize = 1024;

/// Runs a call until it is not interrupted; the result or the `OSError`.
fn retry(ctx: &mut Ctx, mut call: impl FnMut() -> i32) -> PyResult<i32> {
    match crate::posix::fd::retry(|| call() as isize) {
        // The call returned an `i32`, so its result fits one.
        Ok(rc) => Ok(i32::try_from(rc).unwrap_or(i32::MAX)),
        Err(errno) => Err(os_error(ctx, errno, None, None)),
    }
}

/// A buffer argument copied into a 1024-byte area (the call may write to it).
fn buffer(value: &Value, func: &str) -> PyResult<Option<(Vec<u8>, usize)>> {
    let Some(data) = pyrite_object::methods::bytes::buffer_bytes(value).or_else(|| {
        value.as_str().filter(|_| protocol::isinstance(value, &types().str)).map(|s| s.as_str().as_bytes().to_vec())
    }) else {
        return Ok(None);
    };
    if data.len() > BUFFER_SIZE {
        return Err(PyErr::value_error(format!("{func} string arg too long")));
    }
    let len = data.len();
    let mut area = data;
    area.resize(BUFFER_SIZE, 0);
    Ok(Some((area, len)))
}

/// `fcntl(fd, cmd, arg=0)`: the call's int result, or the buffer after the call.
fn fcntl(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("fcntl", args, 2, 3)?;
    let fd = file_descriptor(ctx, &values[0])?;
    let cmd = c_int_arg(ctx, &values[1])?;
    let arg = values.get(2).cloned().unwrap_or(Value::Int(0));
    if let Some((mut area, len)) = buffer(&arg, "fcntl")? {
        // SAFETY: the area is writable for 1024 bytes, more than the call may use.
        retry(ctx, || unsafe { libc::fcntl(fd, cmd, area.as_mut_ptr()) })?;
        area.truncate(len);
        return Ok(Value::Obj(PyBytes::new_obj(area)));
    }
    let n = int_arg(ctx, &arg)?;
    let n = libc::c_long::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C long"))?;
    // SAFETY: fcntl with an integer argument.
    let rc = retry(ctx, || unsafe { libc::fcntl(fd, cmd, n) })?;
    Ok(Value::Int(i64::from(rc)))
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`.
fn ioctl(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("ioctl", args, 2, 4)?;
    let fd = file_descriptor(ctx, &values[0])?;
    let request = int_arg(ctx, &values[1])?;
    #[expect(clippy::cast_sign_loss, reason = "C converts the request so")]
    let request = request as libc::c_ulong;
    let arg = values.get(2).cloned().unwrap_or(Value::Int(0));
    let mutate = match values.get(3) {
        Some(m) => protocol::truthy(ctx, m)?,
        None => true,
    };
    if let Some((mut area, len)) = buffer(&arg, "ioctl")? {
        // SAFETY: the area is writable for 1024 bytes, more than the call may use.
        let rc = retry(ctx, || unsafe { libc::ioctl(fd, request, area.as_mut_ptr()) })?;
        area.truncate(len);
        if mutate && arg.downcast::<PyByteArray>().is_some() {
            crate::io::fill_buffer(&arg, &area)?;
            return Ok(Value::Int(i64::from(rc)));
        }
        return Ok(Value::Obj(PyBytes::new_obj(area)));
    }
    let n = int_arg(ctx, &arg)?;
    let n = libc::c_long::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C long"))?;
    // SAFETY: ioctl with an integer argument.
    let rc = retry(ctx, || unsafe { libc::ioctl(fd, request, n) })?;
    Ok(Value::Int(i64::from(rc)))
}

/// `flock(fd, operation)`.
fn flock(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("flock", args, 2, 2)?;
    let fd = file_descriptor(ctx, &values[0])?;
    let operation = c_int_arg(ctx, &values[1])?;
    // SAFETY: flock on an integer descriptor.
    retry(ctx, || unsafe { libc::flock(fd, operation) })?;
    Ok(Value::None)
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: a POSIX record lock through fcntl.
fn lockf(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("lockf", args, 2, 5)?;
    let fd = file_descriptor(ctx, &values[0])?;
    let code = c_int_arg(ctx, &values[1])?;
    let lock_type = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(PyErr::value_error("unrecognized lockf argument"));
    };
    let number = |ctx: &mut Ctx, i: usize| values.get(i).map_or(Ok(0), |v| int_arg(ctx, v));
    let (len, start, whence) = (number(ctx, 2)?, number(ctx, 3)?, number(ctx, 4)?);
    // SAFETY: `flock` is plain data; all zeroes is a valid starting point.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    #[expect(clippy::cast_possible_truncation, reason = "lock types and whence values are small")]
    {
        lock.l_type = lock_type as libc::c_short;
        lock.l_whence = whence as libc::c_short;
    }
    lock.l_start = start;
    lock.l_len = len;
    let cmd = if code & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    // SAFETY: `lock` is a valid flock record for the call.
    retry(ctx, || unsafe { libc::fcntl(fd, cmd, &raw mut lock) })?;
    Ok(Value::None)
}
