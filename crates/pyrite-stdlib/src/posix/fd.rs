//! The file descriptor functions of `posix`: `open`, `read`, `write`, `lseek`, `close`,
//! `dup`, `pipe`, the inheritable and blocking flags, and terminal queries. Descriptors
//! `posix` opens are non-inheritable (`O_CLOEXEC`), as CPython's (PEP 446).

use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::path::{buffer_arg, c_int_arg, fd_arg, int_arg, last_errno, last_error, no_dir_fd, os_error, path_arg};
use super::structseq::StructSeqDesc;

/// `os.terminal_size`.
pub static TERMINAL_SIZE: StructSeqDesc = StructSeqDesc::new("terminal_size", "os", &["columns", "lines"], 2);

/// Runs `call` again while it fails with `EINTR`; the result, or the errno.
pub(crate) fn retry(mut call: impl FnMut() -> isize) -> Result<isize, i32> {
    loop {
        let rc = call();
        if rc >= 0 {
            return Ok(rc);
        }
        let errno = last_errno();
        if errno != libc::EINTR {
            return Err(errno);
        }
    }
}

fn check(ctx: &mut Ctx, rc: i32) -> PyResult<i32> {
    if rc < 0 { Err(last_error(ctx, None)) } else { Ok(rc) }
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`.
pub fn open(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const OPEN: Params = Params::new("open", &["path", "flags", "mode", "dir_fd"]).required(2).keyword_only(3);
    let [path, flags, mode, dir_fd] = OPEN.bind(args)?;
    no_dir_fd("open", dir_fd)?;
    let path = path_arg(ctx, path.unwrap_or(&Value::None), "open", "path")?;
    let flags = c_int_arg(ctx, flags.unwrap_or(&Value::None))? | libc::O_CLOEXEC;
    let mode = c_int_arg(ctx, mode.unwrap_or(&Value::Int(0o777)))?;
    let c = path.c_path();
    #[expect(clippy::cast_sign_loss, reason = "mode bits, as C converts them")]
    let mode = mode as libc::c_uint;
    // SAFETY: the path is NUL-terminated; `open` takes the mode as its variadic argument.
    let fd = retry(|| unsafe { libc::open(c.as_ptr(), flags, mode) } as isize);
    match fd {
        Ok(fd) => Ok(Value::Int(fd as i64)),
        Err(errno) => Err(os_error(ctx, errno, Some(&path.object), None)),
    }
}

/// `close(fd)`.
pub fn close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const CLOSE: Params = Params::new("close", &["fd"]).required(1);
    let [fd] = CLOSE.bind(args)?;
    let fd = fd_arg(fd.unwrap_or(&Value::None))?;
    // SAFETY: closing an integer descriptor; Rust owns none of the descriptors Python code names.
    check(ctx, unsafe { libc::close(fd) })?;
    Ok(Value::None)
}

/// `closerange(fd_low, fd_high)`: closes each, ignoring errors.
pub fn closerange(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("closerange", args, 2, 2)?;
    let (low, high) = (fd_arg(&values[0])?, fd_arg(&values[1])?);
    for fd in low.max(0)..high {
        // SAFETY: as in `close`; errors are ignored as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

/// `read(fd, length)`.
pub fn read(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("read", args, 2, 2)?;
    let fd = fd_arg(&values[0])?;
    let length = int_arg(ctx, &values[1])?;
    let length = usize::try_from(length).map_err(|_| os_error(ctx, libc::EINVAL, None, None))?;
    let mut buf = vec![0u8; length];
    // SAFETY: `buf` is writable for `length` bytes.
    let n = retry(|| unsafe { libc::read(fd, buf.as_mut_ptr().cast(), length) });
    let n = n.map_err(|errno| os_error(ctx, errno, None, None))?;
    buf.truncate(n.unsigned_abs());
    Ok(Value::Obj(PyBytes::new_obj(buf)))
}

/// `write(fd, data)`.
pub fn write(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("write", args, 2, 2)?;
    let fd = fd_arg(&values[0])?;
    let data = buffer_arg(&values[1], "write")?;
    // SAFETY: `data` is readable for its length.
    let n = retry(|| unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) });
    let n = n.map_err(|errno| os_error(ctx, errno, None, None))?;
    Ok(Value::Int(n as i64))
}

/// `lseek(fd, position, whence)`.
pub fn lseek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("lseek", args, 3, 3)?;
    let fd = fd_arg(&values[0])?;
    let position = int_arg(ctx, &values[1])?;
    let whence = c_int_arg(ctx, &values[2])?;
    // SAFETY: plain system call on an integer descriptor.
    let at = unsafe { libc::lseek(fd, position, whence) };
    if at < 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::Int(at))
}

fn fd_of(ctx: &mut Ctx, value: &Value) -> PyResult<i32> {
    if matches!(value, Value::Int(_) | Value::Bool(_)) {
        return fd_arg(value);
    }
    // `fsync` accepts any object with `fileno()`.
    let fileno = protocol::getattr_str(ctx, value, "fileno")
        .map_err(|_| PyErr::type_error("argument must be an int, or have a fileno() method."))?;
    let n = protocol::call_positional(ctx, &fileno, &[])?;
    fd_arg(&n)
}

/// `fsync(fd)`.
pub fn fsync(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("fsync", args, 1, 1)?;
    let fd = fd_of(ctx, &values[0])?;
    // SAFETY: plain system call on an integer descriptor.
    check(ctx, unsafe { libc::fsync(fd) })?;
    Ok(Value::None)
}

/// `isatty(fd)`.
pub fn isatty(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("isatty", args, 1, 1)?;
    let fd = fd_arg(&values[0])?;
    // SAFETY: plain query on an integer descriptor.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

/// `dup(fd)`: a new non-inheritable descriptor.
pub fn dup(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("dup", args, 1, 1)?;
    let fd = fd_arg(&values[0])?;
    // SAFETY: plain system call on an integer descriptor.
    let new = check(ctx, unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })?;
    Ok(Value::Int(i64::from(new)))
}

/// `dup2(fd, fd2, inheritable=True)`.
pub fn dup2(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const DUP2: Params = Params::new("dup2", &["fd", "fd2", "inheritable"]).required(2);
    let [fd, fd2, inheritable] = DUP2.bind(args)?;
    let fd = fd_arg(fd.unwrap_or(&Value::None))?;
    let fd2 = fd_arg(fd2.unwrap_or(&Value::None))?;
    let inheritable = inheritable.map_or(Ok(true), |v| protocol::truthy(ctx, v))?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: plain system call on integer descriptors.
    let rc = if fd == fd2 { unsafe { libc::fcntl(fd, libc::F_GETFD) } } else { unsafe { libc::dup3(fd, fd2, flags) } };
    check(ctx, rc)?;
    Ok(Value::Int(i64::from(fd2)))
}

/// `pipe()`: `(read_end, write_end)`, both non-inheritable.
pub fn pipe(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("pipe", args, 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors `pipe2` writes.
    check(ctx, unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::Int(i64::from(fds[0])), Value::Int(i64::from(fds[1]))])))
}

fn fd_flags(ctx: &mut Ctx, fd: i32, get: i32) -> PyResult<i32> {
    // SAFETY: plain `fcntl` query on an integer descriptor.
    check(ctx, unsafe { libc::fcntl(fd, get) })
}

fn set_fd_flag(ctx: &mut Ctx, fd: i32, (get, set, bit): (i32, i32, i32), on: bool) -> PyResult {
    let flags = fd_flags(ctx, fd, get)?;
    let new = if on { flags | bit } else { flags & !bit };
    if new != flags {
        // SAFETY: plain `fcntl` update on an integer descriptor.
        check(ctx, unsafe { libc::fcntl(fd, set, new) })?;
    }
    Ok(Value::None)
}

/// `get_inheritable(fd)`.
pub fn get_inheritable(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("get_inheritable", args, 1, 1)?;
    let fd = fd_arg(&values[0])?;
    Ok(Value::Bool(fd_flags(ctx, fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0))
}

/// `set_inheritable(fd, inheritable)`.
pub fn set_inheritable(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("set_inheritable", args, 2, 2)?;
    let fd = fd_arg(&values[0])?;
    let inheritable = protocol::truthy(ctx, &values[1])?;
    set_fd_flag(ctx, fd, (libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC), !inheritable)
}

/// `get_blocking(fd)`.
pub fn get_blocking(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("get_blocking", args, 1, 1)?;
    let fd = fd_arg(&values[0])?;
    Ok(Value::Bool(fd_flags(ctx, fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0))
}

/// `set_blocking(fd, blocking)`.
pub fn set_blocking(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("set_blocking", args, 2, 2)?;
    let fd = fd_arg(&values[0])?;
    let blocking = protocol::truthy(ctx, &values[1])?;
    set_fd_flag(ctx, fd, (libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK), !blocking)
}

/// `get_terminal_size(fd=1)`.
pub fn get_terminal_size(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("get_terminal_size", args, 0, 1)?;
    let fd = values.first().map_or(Ok(1), fd_arg)?;
    let mut size = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: `TIOCGWINSZ` writes one `winsize` to the pointer.
    check(ctx, unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &raw mut size) })?;
    Ok(TERMINAL_SIZE.instance(vec![Value::Int(i64::from(size.ws_col)), Value::Int(i64::from(size.ws_row))]))
}

/// `device_encoding(fd)`: the locale's encoding for a terminal, else None.
pub fn device_encoding(_: &mut Ctx, args: Args<'_>) -> PyResult {
    const DEVICE_ENCODING: Params = Params::new("device_encoding", &["fd"]).required(1);
    let [fd] = DEVICE_ENCODING.bind(args)?;
    let fd = fd_arg(fd.unwrap_or(&Value::None))?;
    // SAFETY: plain query on an integer descriptor.
    let tty = unsafe { libc::isatty(fd) } == 1;
    Ok(if tty { Value::str("UTF-8") } else { Value::None })
}
