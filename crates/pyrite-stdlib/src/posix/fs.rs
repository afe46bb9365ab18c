//! The file system functions of `posix`: `stat` and its kin, directories, links, names,
//! permissions and times, each a thin layer over the system call with CPython's
//! arguments and `OSError`s.

use std::ffi::CString;
use std::mem::MaybeUninit;

use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::path::{
    PathArg, PathOrFd, c_int_arg, decode_fs, fd_arg, int_arg, io_error, last_errno, last_error, no_dir_fd, os_error,
    path_arg, path_or_fd, uint,
};
use super::structseq::StructSeqDesc;

/// `os.stat_result`.
pub static STAT_RESULT: StructSeqDesc = StructSeqDesc::new(
    "stat_result",
    "os",
    &[
        "st_mode",
        "st_ino",
        "st_dev",
        "st_nlink",
        "st_uid",
        "st_gid",
        "st_size",
        "",
        "",
        "",
        "st_atime",
        "st_mtime",
        "st_ctime",
        "st_atime_ns",
        "st_mtime_ns",
        "st_ctime_ns",
        "st_blksize",
        "st_blocks",
        "st_rdev",
    ],
    10,
)
.with_complete(complete_stat);

/// `os.stat_result(seq)`: float times left None take the integer ones (CPython's
/// `statresult_new`).
fn complete_stat(values: &mut [Value]) {
    for i in 7..10 {
        if values.get(i + 3).is_some_and(Value::is_none) {
            values[i + 3] = values[i].clone();
        }
    }
}

/// A `stat_result` from the system's `struct stat`.
pub fn stat_result(st: &libc::stat) -> Value {
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut values = vec![
        Value::Int(i64::from(st.st_mode)),
        uint(st.st_ino),
        uint(st.st_dev),
        uint(st.st_nlink),
        Value::Int(i64::from(st.st_uid)),
        Value::Int(i64::from(st.st_gid)),
        Value::Int(st.st_size),
    ];
    values.extend(times.iter().map(|&(s, _)| Value::Int(s)));
    #[expect(clippy::cast_precision_loss, reason = "a float time, as CPython's")]
    values.extend(times.iter().map(|&(s, ns)| Value::Float(s as f64 + ns as f64 * 1e-9)));
    for &(s, ns) in &times {
        let total = i128::from(s) * 1_000_000_000 + i128::from(ns);
        values.push(i64::try_from(total).map_or_else(|_| Value::from_bigint(total.into()), Value::Int));
    }
    values.push(Value::Int(st.st_blksize));
    values.push(Value::Int(st.st_blocks));
    values.push(uint(st.st_rdev));
    STAT_RESULT.instance(values)
}

/// `fstatat(dir_fd, path)` (following symbolic links or not).
pub fn stat_path(path: &CString, dir_fd: i32, follow: bool) -> Result<libc::stat, i32> {
    let mut st = MaybeUninit::<libc::stat>::uninit();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated and `st` is writable for one `struct stat`.
    let rc = unsafe { libc::fstatat(dir_fd, path.as_ptr(), st.as_mut_ptr(), flags) };
    if rc != 0 {
        return Err(last_errno());
    }
    // SAFETY: `fstatat` succeeded, so it filled `st`.
    Ok(unsafe { st.assume_init() })
}

/// `fstat(fd)`.
pub fn stat_fd(fd: i32) -> Result<libc::stat, i32> {
    let mut st = MaybeUninit::<libc::stat>::uninit();
    // SAFETY: `st` is writable for one `struct stat`.
    let rc = unsafe { libc::fstat(fd, st.as_mut_ptr()) };
    if rc != 0 {
        return Err(last_errno());
    }
    // SAFETY: `fstat` succeeded, so it filled `st`.
    Ok(unsafe { st.assume_init() })
}

fn dir_fd_arg(dir_fd: Option<&Value>) -> PyResult<i32> {
    match dir_fd {
        None | Some(Value::None) => Ok(libc::AT_FDCWD),
        Some(v) => fd_arg(v),
    }
}

/// Mode bits as C converts an `int` to `mode_t`.
#[expect(clippy::cast_sign_loss, reason = "mode bits, as C converts them")]
fn mode_arg(mode: i32) -> libc::mode_t {
    mode as libc::mode_t
}

fn flag(ctx: &mut Ctx, value: Option<&Value>, default: bool) -> PyResult<bool> {
    value.map_or(Ok(default), |v| protocol::truthy(ctx, v))
}

const STAT: Params = Params::new("stat", &["path", "dir_fd", "follow_symlinks"]).required(1).keyword_only(1);
const LSTAT: Params = Params::new("lstat", &["path", "dir_fd"]).required(1).keyword_only(1);

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`.
pub fn stat(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [path, dir_fd, follow] = STAT.bind(args)?;
    let follow = flag(ctx, follow, true)?;
    do_stat(ctx, "stat", path.unwrap_or(&Value::None), dir_fd, follow)
}

/// `lstat(path, *, dir_fd=None)`.
pub fn lstat(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [path, dir_fd] = LSTAT.bind(args)?;
    do_stat(ctx, "lstat", path.unwrap_or(&Value::None), dir_fd, false)
}

fn do_stat(ctx: &mut Ctx, func: &str, path: &Value, dir_fd: Option<&Value>, follow: bool) -> PyResult {
    let result = match path_or_fd(ctx, path, func, "path")? {
        PathOrFd::Fd(fd) => stat_fd(fd).map_err(|e| os_error(ctx, e, None, None))?,
        PathOrFd::Path(p) => {
            let dir_fd = dir_fd_arg(dir_fd)?;
            stat_path(&p.c_path(), dir_fd, follow).map_err(|e| os_error(ctx, e, Some(&p.object), None))?
        }
    };
    Ok(stat_result(&result))
}

/// `fstat(fd)`.
pub fn fstat(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const FSTAT: Params = Params::new("fstat", &["fd"]).required(1);
    let [fd] = FSTAT.bind(args)?;
    let fd = fd_arg(fd.unwrap_or(&Value::None))?;
    let st = stat_fd(fd).map_err(|e| os_error(ctx, e, None, None))?;
    Ok(stat_result(&st))
}

/// A directory entry as read: its raw name, inode and `d_type` file type.
pub type RawEntry = (Vec<u8>, u64, Option<std::fs::FileType>);

/// The entries of a directory (without `.` and `..`).
pub fn read_dir(path: &[u8]) -> std::io::Result<Vec<RawEntry>> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::DirEntryExt;
    let dir = std::path::Path::new(std::ffi::OsStr::from_bytes(path));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        out.push((entry.file_name().as_bytes().to_vec(), entry.ino(), entry.file_type().ok()));
    }
    Ok(out)
}

/// `listdir(path=None)`.
pub fn listdir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const LISTDIR: Params = Params::new("listdir", &["path"]);
    let [path] = LISTDIR.bind(args)?;
    let path = match path {
        None | Some(Value::None) => PathArg { bytes: b".".to_vec(), object: Value::str("."), is_bytes: false },
        Some(p) => match path_or_fd(ctx, p, "listdir", "path")? {
            PathOrFd::Path(p) => p,
            PathOrFd::Fd(_) => return Err(PyErr::not_implemented("listdir: a file descriptor is not supported")),
        },
    };
    let entries = read_dir(&path.bytes).map_err(|e| io_error(ctx, &e, Some(&path.object)))?;
    let names = entries.iter().map(|(name, _, _)| path.result_like(name)).collect();
    Ok(Value::Obj(PyList::new_obj(names)))
}

/// Runs a system call on one path, raising `OSError` naming it when it fails.
fn path_call(ctx: &mut Ctx, path: &PathArg, call: impl FnOnce(&CString) -> i32) -> PyResult {
    if call(&path.c_path()) != 0 {
        return Err(last_error(ctx, Some(&path.object)));
    }
    Ok(Value::None)
}

/// Runs a system call on two paths; `OSError` names both.
fn two_path_call(ctx: &mut Ctx, a: &PathArg, b: &PathArg, call: impl FnOnce(&CString, &CString) -> i32) -> PyResult {
    if call(&a.c_path(), &b.c_path()) != 0 {
        return Err(os_error(ctx, last_errno(), Some(&a.object), Some(&b.object)));
    }
    Ok(Value::None)
}

/// `mkdir(path, mode=0o777, *, dir_fd=None)`.
pub fn mkdir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const MKDIR: Params = Params::new("mkdir", &["path", "mode", "dir_fd"]).required(1).keyword_only(2);
    let [path, mode, dir_fd] = MKDIR.bind(args)?;
    no_dir_fd("mkdir", dir_fd)?;
    let path = path_arg(ctx, path.unwrap_or(&Value::None), "mkdir", "path")?;
    let mode = mode_arg(c_int_arg(ctx, mode.unwrap_or(&Value::Int(0o777)))?);
    // SAFETY: the path is NUL-terminated.
    path_call(ctx, &path, |p| unsafe { libc::mkdir(p.as_ptr(), mode) })
}

/// A function of one path and an optional (unsupported) `dir_fd`.
fn simple(ctx: &mut Ctx, args: Args<'_>, params: &Params, call: impl FnOnce(&CString) -> i32) -> PyResult {
    let [path, dir_fd] = params.bind(args)?;
    no_dir_fd(params.name, dir_fd)?;
    let path = path_arg(ctx, path.unwrap_or(&Value::None), params.name, "path")?;
    path_call(ctx, &path, call)
}

/// `rmdir(path, *, dir_fd=None)`.
pub fn rmdir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const RMDIR: Params = Params::new("rmdir", &["path", "dir_fd"]).required(1).keyword_only(1);
    // SAFETY: the path is NUL-terminated.
    simple(ctx, args, &RMDIR, |p| unsafe { libc::rmdir(p.as_ptr()) })
}

/// `unlink(path, *, dir_fd=None)`.
pub fn unlink(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const UNLINK: Params = Params::new("unlink", &["path", "dir_fd"]).required(1).keyword_only(1);
    // SAFETY: the path is NUL-terminated.
    simple(ctx, args, &UNLINK, |p| unsafe { libc::unlink(p.as_ptr()) })
}

/// `remove(path, *, dir_fd=None)`.
pub fn remove(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const REMOVE: Params = Params::new("remove", &["path", "dir_fd"]).required(1).keyword_only(1);
    // SAFETY: the path is NUL-terminated.
    simple(ctx, args, &REMOVE, |p| unsafe { libc::unlink(p.as_ptr()) })
}

fn rename_like(ctx: &mut Ctx, args: Args<'_>, params: &Params) -> PyResult {
    let [src, dst, src_dir_fd, dst_dir_fd] = params.bind(args)?;
    no_dir_fd(params.name, src_dir_fd)?;
    no_dir_fd(params.name, dst_dir_fd)?;
    let src = path_arg(ctx, src.unwrap_or(&Value::None), params.name, "src")?;
    let dst = path_arg(ctx, dst.unwrap_or(&Value::None), params.name, "dst")?;
    if src.is_bytes != dst.is_bytes {
        return Err(PyErr::type_error(format!("{}: src and dst must be the same type", params.name)));
    }
    // SAFETY: both paths are NUL-terminated.
    two_path_call(ctx, &src, &dst, |a, b| unsafe { libc::rename(a.as_ptr(), b.as_ptr()) })
}

/// `rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn rename(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const RENAME: Params =
        Params::new("rename", &["src", "dst", "src_dir_fd", "dst_dir_fd"]).required(2).keyword_only(2);
    rename_like(ctx, args, &RENAME)
}

/// `replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn replace(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const REPLACE: Params =
        Params::new("replace", &["src", "dst", "src_dir_fd", "dst_dir_fd"]).required(2).keyword_only(2);
    rename_like(ctx, args, &REPLACE)
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
pub fn access(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const ACCESS: Params = Params::new("access", &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"])
        .required(2)
        .keyword_only(2);
    let [path, mode, dir_fd, effective, follow] = ACCESS.bind(args)?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    let path = path_arg(ctx, path.unwrap_or(&Value::None), "access", "path")?;
    let mode = c_int_arg(ctx, mode.unwrap_or(&Value::None))?;
    let mut flags = 0;
    if flag(ctx, effective, false)? {
        flags |= libc::AT_EACCESS;
    }
    if !flag(ctx, follow, true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = path.c_path();
    // SAFETY: the path is NUL-terminated.
    let rc = unsafe { libc::faccessat(dir_fd, c.as_ptr(), mode, flags) };
    Ok(Value::Bool(rc == 0))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
pub fn chmod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const CHMOD: Params =
        Params::new("chmod", &["path", "mode", "dir_fd", "follow_symlinks"]).required(2).keyword_only(2);
    let [path, mode, dir_fd, follow] = CHMOD.bind(args)?;
    no_dir_fd("chmod", dir_fd)?;
    if !flag(ctx, follow, true)? {
        return Err(PyErr::not_implemented("chmod: follow_symlinks unavailable on this platform"));
    }
    let mode = mode_arg(c_int_arg(ctx, mode.unwrap_or(&Value::None))?);
    match path_or_fd(ctx, path.unwrap_or(&Value::None), "chmod", "path")? {
        PathOrFd::Fd(fd) => {
            // SAFETY: plain system call on an integer descriptor.
            if unsafe { libc::fchmod(fd, mode) } != 0 {
                return Err(last_error(ctx, None));
            }
            Ok(Value::None)
        }
        // SAFETY: the path is NUL-terminated.
        PathOrFd::Path(p) => path_call(ctx, &p, |c| unsafe { libc::chmod(c.as_ptr(), mode) }),
    }
}

/// `fchmod(fd, mode)`.
pub fn fchmod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("fchmod", args, 2, 2)?;
    let fd = fd_arg(&values[0])?;
    let mode = mode_arg(c_int_arg(ctx, &values[1])?);
    // SAFETY: plain system call on an integer descriptor.
    let rc = unsafe { libc::fchmod(fd, mode) };
    if rc != 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::None)
}

/// A `timespec` from seconds given as int or float (CPython's `_PyTime_ObjectToTimespec`).
fn timespec_of(ctx: &mut Ctx, value: &Value) -> PyResult<libc::timespec> {
    if let Value::Int(s) = value {
        return Ok(libc::timespec { tv_sec: *s, tv_nsec: 0 });
    }
    let f = pyrite_object::methods::float::as_double(ctx, value)?;
    if !f.is_finite() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    let secs = f.floor();
    #[expect(clippy::cast_possible_truncation, reason = "seconds and nanoseconds of a finite time")]
    let (mut sec, mut nsec) = (secs as i64, ((f - secs) * 1e9).round() as i64);
    if nsec >= 1_000_000_000 {
        sec += 1;
        nsec -= 1_000_000_000;
    }
    Ok(libc::timespec { tv_sec: sec, tv_nsec: nsec })
}

fn pair(ctx: &mut Ctx, value: &Value, what: &str) -> PyResult<(Value, Value)> {
    let items = value.downcast::<PyTuple>().map(|t| t.items().to_vec());
    match items.as_deref() {
        Some([a, b]) => Ok((a.clone(), b.clone())),
        _ => {
            let _ = ctx;
            Err(PyErr::type_error(format!("utime: '{what}' must be a tuple of two ints")))
        }
    }
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub fn utime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const UTIME: Params =
        Params::new("utime", &["path", "times", "ns", "dir_fd", "follow_symlinks"]).required(1).keyword_only(2);
    let [path, times, ns, dir_fd, follow] = UTIME.bind(args)?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    let follow = flag(ctx, follow, true)?;
    let times = times.filter(|t| !t.is_none());
    let ns = ns.filter(|t| !t.is_none());
    let spec = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"));
        }
        (Some(t), None) => {
            if t.downcast::<PyTuple>().is_none_or(|t| t.len() != 2) {
                return Err(PyErr::type_error("utime: 'times' must be either a tuple of two ints or None"));
            }
            let (a, m) = pair(ctx, t, "times")?;
            Some([timespec_of(ctx, &a)?, timespec_of(ctx, &m)?])
        }
        (None, Some(n)) => {
            let (a, m) = pair(ctx, n, "ns")?;
            let split = |ctx: &mut Ctx, v: &Value| -> PyResult<libc::timespec> {
                let total = int_arg(ctx, v)?;
                Ok(libc::timespec { tv_sec: total.div_euclid(1_000_000_000), tv_nsec: total.rem_euclid(1_000_000_000) })
            };
            Some([split(ctx, &a)?, split(ctx, &m)?])
        }
        (None, None) => None,
    };
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let times_ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    match path_or_fd(ctx, path.unwrap_or(&Value::None), "utime", "path")? {
        PathOrFd::Fd(fd) => {
            // SAFETY: `times_ptr` is null or points at two timespecs that outlive the call.
            if unsafe { libc::futimens(fd, times_ptr) } != 0 {
                return Err(last_error(ctx, None));
            }
            Ok(Value::None)
        }
        // SAFETY: the path is NUL-terminated; `times_ptr` is null or points at two timespecs.
        PathOrFd::Path(p) => path_call(ctx, &p, |c| unsafe { libc::utimensat(dir_fd, c.as_ptr(), times_ptr, flags) }),
    }
}

/// `readlink(path, *, dir_fd=None)`.
pub fn readlink(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const READLINK: Params = Params::new("readlink", &["path", "dir_fd"]).required(1).keyword_only(1);
    let [path, dir_fd] = READLINK.bind(args)?;
    no_dir_fd("readlink", dir_fd)?;
    let path = path_arg(ctx, path.unwrap_or(&Value::None), "readlink", "path")?;
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    match std::fs::read_link(std::ffi::OsStr::from_bytes(&path.bytes)) {
        Ok(target) => Ok(path.result_like(&target.into_os_string().into_vec())),
        Err(e) => Err(io_error(ctx, &e, Some(&path.object))),
    }
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub fn symlink(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const SYMLINK: Params =
        Params::new("symlink", &["src", "dst", "target_is_directory", "dir_fd"]).required(2).keyword_only(3);
    let [src, dst, _, dir_fd] = SYMLINK.bind(args)?;
    no_dir_fd("symlink", dir_fd)?;
    let src = path_arg(ctx, src.unwrap_or(&Value::None), "symlink", "src")?;
    let dst = path_arg(ctx, dst.unwrap_or(&Value::None), "symlink", "dst")?;
    // SAFETY: both paths are NUL-terminated.
    two_path_call(ctx, &src, &dst, |a, b| unsafe { libc::symlink(a.as_ptr(), b.as_ptr()) })
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
pub fn link(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const LINK: Params =
        Params::new("link", &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"]).required(2).keyword_only(2);
    let [src, dst, src_dir_fd, dst_dir_fd, _] = LINK.bind(args)?;
    no_dir_fd("link", src_dir_fd)?;
    no_dir_fd("link", dst_dir_fd)?;
    let src = path_arg(ctx, src.unwrap_or(&Value::None), "link", "src")?;
    let dst = path_arg(ctx, dst.unwrap_or(&Value::None), "link", "dst")?;
    // SAFETY: both paths are NUL-terminated.
    two_path_call(ctx, &src, &dst, |a, b| unsafe { libc::link(a.as_ptr(), b.as_ptr()) })
}

fn cwd_bytes(ctx: &mut Ctx) -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    std::env::current_dir()
        .map(|p| p.into_os_string().into_vec())
        .map_err(|e| os_error(ctx, e.raw_os_error().unwrap_or(libc::EIO), None, None))
}

/// `getcwd()`.
pub fn getcwd(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getcwd", args, 0, 0)?;
    Ok(decode_fs(&cwd_bytes(ctx)?))
}

/// `getcwdb()`.
pub fn getcwdb(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getcwdb", args, 0, 0)?;
    Ok(Value::Obj(pyrite_object::types::bytes::PyBytes::new_obj(cwd_bytes(ctx)?)))
}

/// `chdir(path)`.
pub fn chdir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const CHDIR: Params = Params::new("chdir", &["path"]).required(1);
    let [path] = CHDIR.bind(args)?;
    match path_or_fd(ctx, path.unwrap_or(&Value::None), "chdir", "path")? {
        PathOrFd::Fd(fd) => {
            // SAFETY: plain system call on an integer descriptor.
            if unsafe { libc::fchdir(fd) } != 0 {
                return Err(last_error(ctx, None));
            }
            Ok(Value::None)
        }
        // SAFETY: the path is NUL-terminated.
        PathOrFd::Path(p) => path_call(ctx, &p, |c| unsafe { libc::chdir(c.as_ptr()) }),
    }
}

/// `truncate(path, length)`.
pub fn truncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const TRUNCATE: Params = Params::new("truncate", &["path", "length"]).required(2);
    let [path, length] = TRUNCATE.bind(args)?;
    let length = int_arg(ctx, length.unwrap_or(&Value::None))?;
    match path_or_fd(ctx, path.unwrap_or(&Value::None), "truncate", "path")? {
        PathOrFd::Fd(fd) => {
            // SAFETY: plain system call on an integer descriptor.
            if unsafe { libc::ftruncate(fd, length) } != 0 {
                return Err(last_error(ctx, None));
            }
            Ok(Value::None)
        }
        // SAFETY: the path is NUL-terminated.
        PathOrFd::Path(p) => path_call(ctx, &p, |c| unsafe { libc::truncate(c.as_ptr(), length) }),
    }
}

/// `ftruncate(fd, length)`.
pub fn ftruncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("ftruncate", args, 2, 2)?;
    let fd = fd_arg(&values[0])?;
    let length = int_arg(ctx, &values[1])?;
    // SAFETY: plain system call on an integer descriptor.
    if unsafe { libc::ftruncate(fd, length) } != 0 {
        return Err(last_error(ctx, None));
    }
    Ok(Value::None)
}
