//! The `posix` module: the operating system interface that `os.py` wraps (file system,
//! file descriptors, processes, the environment), for Linux. Paths are str (UTF-8 with
//! `surrogateescape`), bytes or `os.PathLike`; failures raise the `OSError` subclass for
//! `errno` with CPython's message. Functions Pyrite lacks are simply absent, as on
//! platforms that lack them, and `_have_functions` only names what is really there.

pub(crate) mod fd;
mod fs;
pub(crate) mod path;
mod scandir;
pub mod structseq;

use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyList;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, types};

use self::path::{c_int_arg, int_arg, last_error};
use self::structseq::StructSeqDesc;

/// `os.uname_result`.
static UNAME_RESULT: StructSeqDesc =
    StructSeqDesc::new("uname_result", "posix", &["sysname", "nodename", "release", "version", "machine"], 5);

/// `os.times_result`.
static TIMES_RESULT: StructSeqDesc =
    StructSeqDesc::new("times_result", "posix", &["user", "system", "children_user", "children_system", "elapsed"], 5);

/// Makes the module.
pub fn make(ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "posix",
        &[
            ("stat", fs::stat),
            ("lstat", fs::lstat),
            ("fstat", fs::fstat),
            ("listdir", fs::listdir),
            ("scandir", scandir::scandir),
            ("getcwd", fs::getcwd),
            ("getcwdb", fs::getcwdb),
            ("chdir", fs::chdir),
            ("mkdir", fs::mkdir),
            ("rmdir", fs::rmdir),
            ("unlink", fs::unlink),
            ("remove", fs::remove),
            ("rename", fs::rename),
            ("replace", fs::replace),
            ("access", fs::access),
            ("chmod", fs::chmod),
            ("fchmod", fs::fchmod),
            ("utime", fs::utime),
            ("readlink", fs::readlink),
            ("symlink", fs::symlink),
            ("link", fs::link),
            ("truncate", fs::truncate),
            ("ftruncate", fs::ftruncate),
            ("open", fd::open),
            ("close", fd::close),
            ("closerange", fd::closerange),
            ("read", fd::read),
            ("write", fd::write),
            ("lseek", fd::lseek),
            ("fsync", fd::fsync),
            ("isatty", fd::isatty),
            ("dup", fd::dup),
            ("dup2", fd::dup2),
            ("pipe", fd::pipe),
            ("get_inheritable", fd::get_inheritable),
            ("set_inheritable", fd::set_inheritable),
            ("get_blocking", fd::get_blocking),
            ("set_blocking", fd::set_blocking),
            ("get_terminal_size", fd::get_terminal_size),
            ("device_encoding", fd::device_encoding),
            ("getpid", getpid),
            ("getppid", getppid),
            ("getuid", getuid),
            ("geteuid", geteuid),
            ("getgid", getgid),
            ("getegid", getegid),
            ("uname", uname),
            ("urandom", urandom),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("strerror", strerror),
            ("cpu_count", cpu_count),
            ("times", times),
            ("umask", umask),
            ("kill", kill),
            ("_exit", exit_now),
            ("fspath", fspath),
            ("waitstatus_to_exitcode", waitstatus_to_exitcode),
            ("WIFEXITED", wifexited),
            ("WEXITSTATUS", wexitstatus),
            ("WIFSIGNALED", wifsignaled),
            ("WTERMSIG", wtermsig),
            ("WIFSTOPPED", wifstopped),
            ("WSTOPSIG", wstopsig),
            ("waitpid", waitpid),
            ("pidfd_open", pidfd_open),
        ],
    );
    let set = |name: &str, value: Value| Module::set(&module, name, value);
    set("error", Value::Obj(types().os_error.clone()));
    set("stat_result", Value::Obj(fs::STAT_RESULT.ty().clone()));
    set("terminal_size", Value::Obj(fd::TERMINAL_SIZE.ty().clone()));
    set("uname_result", Value::Obj(UNAME_RESULT.ty().clone()));
    set("times_result", Value::Obj(TIMES_RESULT.ty().clone()));
    set("DirEntry", Value::Obj(scandir::entry_type().clone()));
    set("environ", environ(ctx)?);
    let have = ["HAVE_FSTATAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FUTIMENS", "HAVE_FTRUNCATE", "HAVE_LSTAT"];
    set("_have_functions", Value::Obj(PyList::new_obj(have.iter().map(|h| Value::str(h)).collect())));
    for &(name, value) in CONSTANTS {
        set(name, Value::Int(value));
    }
    Ok(module)
}

/// The integer constants (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", 0),
    ("R_OK", 4),
    ("W_OK", 2),
    ("X_OK", 1),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
    ("SEEK_DATA", 3),
    ("SEEK_HOLE", 4),
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_ACCMODE", 3),
    ("O_CREAT", 0o100),
    ("O_EXCL", 0o200),
    ("O_NOCTTY", 0o400),
    ("O_TRUNC", 0o1000),
    ("O_APPEND", 0o2000),
    ("O_NONBLOCK", 0o4000),
    ("O_NDELAY", 0o4000),
    ("O_DSYNC", 0o10000),
    ("O_ASYNC", 0o20000),
    ("O_DIRECT", 0o40000),
    ("O_LARGEFILE", 0),
    ("O_DIRECTORY", 0o200000),
    ("O_NOFOLLOW", 0o400000),
    ("O_NOATIME", 0o1000000),
    ("O_CLOEXEC", 0o2000000),
    ("O_SYNC", 0o4010000),
    ("O_RSYNC", 0o4010000),
    ("O_FSYNC", 0o4010000),
    ("O_PATH", 0o10000000),
    ("O_TMPFILE", 0o20200000),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("WNOHANG", 1),
    ("WUNTRACED", 2),
    ("WCONTINUED", 8),
    ("TMP_MAX", 238_328),
    ("NGROUPS_MAX", 65_536),
];

fn getpid(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getpid", args, 0, 0)?;
    Ok(Value::Int(i64::from(std::process::id())))
}

fn getppid(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getppid", args, 0, 0)?;
    Ok(Value::Int(i64::from(std::os::unix::process::parent_id())))
}

fn getuid(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getuid", args, 0, 0)?;
    // SAFETY: `getuid` has no preconditions and cannot fail.
    Ok(Value::Int(i64::from(unsafe { libc::getuid() })))
}

fn geteuid(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("geteuid", args, 0, 0)?;
    // SAFETY: `geteuid` has no preconditions and cannot fail.
    Ok(Value::Int(i64::from(unsafe { libc::geteuid() })))
}

fn getgid(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getgid", args, 0, 0)?;
    // SAFETY: `getgid` has no preconditions and cannot fail.
    Ok(Value::Int(i64::from(unsafe { libc::getgid() })))
}

fn getegid(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getegid", args, 0, 0)?;
    // SAFETY: `getegid` has no preconditions and cannot fail.
    Ok(Value::Int(i64::from(unsafe { libc::getegid() })))
}

fn uname(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("uname", args, 0, 0)?;
    let mut u = std::mem::MaybeUninit::<libc::utsname>::uninit();
    // SAFETY: `u` is writable for one `utsname`.
    if unsafe { libc::uname(u.as_mut_ptr()) } != 0 {
        return Err(last_error(ctx, None));
    }
    // SAFETY: `uname` succeeded, so it filled `u`.
    let u = unsafe { u.assume_init() };
    let field = |chars: &[libc::c_char]| {
        let bytes: Vec<u8> = chars.iter().take_while(|&&c| c != 0).map(|&c| c.cast_unsigned()).collect();
        path::decode_fs(&bytes)
    };
    let values = vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)];
    Ok(UNAME_RESULT.instance(values))
}

fn urandom(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("urandom", args, 1, 1)?;
    let n = int_arg(ctx, &values[0])?;
    let n = usize::try_from(n).map_err(|_| PyErr::value_error("negative argument not allowed"))?;
    let mut buf = vec![0u8; n];
    let mut filled = 0;
    while filled < n {
        // SAFETY: the slice from `filled` is writable for `n - filled` bytes.
        let got = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), n - filled, 0) };
        if got < 0 {
            if path::last_errno() == libc::EINTR {
                continue;
            }
            return Err(last_error(ctx, None));
        }
        filled += got.unsigned_abs();
    }
    Ok(Value::Obj(PyBytes::new_obj(buf)))
}

/// `posix.environ`: the environment as a dict of bytes to bytes (`os.environ` decodes it).
fn environ(ctx: &mut Ctx) -> PyResult {
    use std::os::unix::ffi::OsStrExt;
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        for (key, value) in std::env::vars_os() {
            let key = Value::Obj(PyBytes::new_obj(key.as_bytes().to_vec()));
            let value = Value::Obj(PyBytes::new_obj(value.as_bytes().to_vec()));
            d.set_item(ctx, key, value)?;
        }
    }
    Ok(Value::Obj(dict))
}

/// An environment variable's name or value (str or bytes).
fn env_arg(ctx: &mut Ctx, value: &Value, func: &str) -> PyResult<std::ffi::CString> {
    let bytes = if let Some(s) = value.as_str() {
        path::encode_fs(s)?
    } else if let Some(b) = value.downcast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else {
        let _ = ctx;
        return Err(PyErr::type_error(format!(
            "{func}: expected str, bytes or os.PathLike object, not {}",
            value.type_name()
        )));
    };
    std::ffi::CString::new(bytes).map_err(|_| PyErr::value_error("embedded null byte"))
}

fn putenv(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("putenv", args, 2, 2)?;
    let name = env_arg(ctx, &values[0], "putenv")?;
    let value = env_arg(ctx, &values[1], "putenv")?;
    if name.as_bytes().is_empty() || name.as_bytes().contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    // SAFETY: both strings are NUL-terminated; Pyrite runs Python code on one thread, so
    // nothing reads the environment concurrently.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::None)
}

fn unsetenv(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("unsetenv", args, 1, 1)?;
    let name = env_arg(ctx, &values[0], "unsetenv")?;
    if name.as_bytes().is_empty() || name.as_bytes().contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    // SAFETY: as in `putenv`.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::None)
}

fn strerror(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("strerror", args, 1, 1)?;
    let code = c_int_arg(ctx, &values[0])?;
    Ok(Value::str(&path::strerror(code)))
}

fn cpu_count(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("cpu_count", args, 0, 0)?;
    // SAFETY: `sysconf` has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::None } else { Value::Int(n) })
}

fn times(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("times", args, 0, 0)?;
    let mut t = libc::tms { tms_utime: 0, tms_stime: 0, tms_cutime: 0, tms_cstime: 0 };
    // SAFETY: `t` is writable for one `tms`.
    let elapsed = unsafe { libc::times(&raw mut t) };
    if elapsed == -1 {
        return Err(last_error(ctx, None));
    }
    // SAFETY: `sysconf` has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1);
    #[expect(clippy::cast_precision_loss, reason = "clock ticks as seconds, as CPython's")]
    let secs = |n: libc::clock_t| Value::Float(n as f64 / ticks as f64);
    let values = vec![secs(t.tms_utime), secs(t.tms_stime), secs(t.tms_cutime), secs(t.tms_cstime), secs(elapsed)];
    Ok(TIMES_RESULT.instance(values))
}

fn umask(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("umask", args, 1, 1)?;
    let mask = c_int_arg(ctx, &values[0])?;
    #[expect(clippy::cast_sign_loss, reason = "mode bits, as C converts them")]
    let mask = mask as libc::mode_t;
    // SAFETY: `umask` has no preconditions and cannot fail.
    Ok(Value::Int(i64::from(unsafe { libc::umask(mask) })))
}

fn kill(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("kill", args, 2, 2)?;
    let pid = c_int_arg(ctx, &values[0])?;
    let signal = c_int_arg(ctx, &values[1])?;
    // SAFETY: plain system call with integer arguments.
    if unsafe { libc::kill(pid, signal) } != 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::None)
}

fn exit_now(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const EXIT: Params = Params::new("_exit", &["status"]).required(1);
    let [status] = EXIT.bind(args)?;
    let status = c_int_arg(ctx, status.unwrap_or(&Value::None))?;
    // SAFETY: `_exit` ends the process at once without running any Rust or C cleanup,
    // which is what `os._exit` promises.
    unsafe { libc::_exit(status) }
}

fn fspath(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const FSPATH: Params = Params::new("fspath", &["path"]).required(1);
    let [path] = FSPATH.bind(args)?;
    path::fspath(ctx, path.unwrap_or(&Value::None))
}

fn status_arg(ctx: &mut Ctx, args: Args<'_>, name: &'static str) -> PyResult<i32> {
    let params = Params::new(name, &["status"]).required(1);
    let [status] = params.bind(args)?;
    c_int_arg(ctx, status.unwrap_or(&Value::None))
}

fn waitstatus_to_exitcode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let status = status_arg(ctx, args, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(status) {
        return Ok(Value::Int(i64::from(libc::WEXITSTATUS(status))));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(Value::Int(-i64::from(libc::WTERMSIG(status))));
    }
    Err(PyErr::value_error(format!("invalid wait status: {status}")))
}

fn wifexited(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(libc::WIFEXITED(status_arg(ctx, args, "WIFEXITED")?)))
}

fn wexitstatus(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(i64::from(libc::WEXITSTATUS(status_arg(ctx, args, "WEXITSTATUS")?))))
}

fn wifsignaled(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(libc::WIFSIGNALED(status_arg(ctx, args, "WIFSIGNALED")?)))
}

fn wtermsig(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(i64::from(libc::WTERMSIG(status_arg(ctx, args, "WTERMSIG")?))))
}

fn wifstopped(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(libc::WIFSTOPPED(status_arg(ctx, args, "WIFSTOPPED")?)))
}

fn wstopsig(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(i64::from(libc::WSTOPSIG(status_arg(ctx, args, "WSTOPSIG")?))))
}

/// `waitpid(pid, options)`: `(pid, status)`, retried when interrupted (PEP 475).
fn waitpid(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("waitpid", args, 2, 2)?;
    let pid = c_int_arg(ctx, &values[0])?;
    let options = c_int_arg(ctx, &values[1])?;
    let mut status = 0;
    loop {
        // SAFETY: `status` is writable.
        let rc = unsafe { libc::waitpid(pid, &raw mut status, options) };
        if rc >= 0 {
            let pair = vec![Value::Int(i64::from(rc)), Value::Int(i64::from(status))];
            return Ok(Value::Obj(pyrite_object::types::list::PyTuple::new_obj(pair)));
        }
        if path::last_errno() != libc::EINTR {
            return Err(last_error(ctx, None));
        }
    }
}

/// `pidfd_open(pid, flags=0)`: a descriptor that becomes readable when the process exits
/// (what `asyncio.PidfdChildWatcher` waits on).
fn pidfd_open(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PIDFD_OPEN: Params = Params::new("pidfd_open", &["pid", "flags"]).required(1);
    let [pid, flags] = PIDFD_OPEN.bind(args)?;
    let pid = c_int_arg(ctx, pid.unwrap_or(&Value::None))?;
    let flags = match flags {
        Some(f) => c_int_arg(ctx, f)?,
        None => 0,
    };
    // SAFETY: the pidfd_open system call takes two integers.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if fd < 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::Int(fd))
}
