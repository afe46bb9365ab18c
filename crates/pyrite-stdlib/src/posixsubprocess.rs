//! The `_posixsubprocess` module: `fork_exec`, which `subprocess.Popen` starts children
//! with. Everything the child needs (argument and environment strings, descriptors to
//! keep) is prepared before fork(2); the child then makes only async-signal-safe calls
//! (dup2, chdir, close, exec) and reports a failure through the error pipe in the format
//! `subprocess.py` parses (`OSError:<hex errno>:<noexec or nothing>`), as CPython's
//! `child_exec`. A `preexec_fn` (Python code in the forked child) is not supported.

use std::ffi::CString;

use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

use crate::posix::path::{encode_fs, last_errno, os_error};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    Ok(Module::new_native("_posixsubprocess", &[("fork_exec", fork_exec)]))
}

/// A path or argument as bytes (str through the file system encoding).
fn os_bytes(ctx: &mut Ctx, v: &Value) -> PyResult<CString> {
    let v = crate::posix::path::fspath(ctx, v)?;
    let bytes = match v.as_str() {
        Some(s) => encode_fs(s)?,
        None => pyrite_object::methods::bytes::buffer_bytes(&v).ok_or_else(|| {
            PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", v.type_name()))
        })?,
    };
    CString::new(bytes).map_err(|_| PyErr::value_error("embedded null byte"))
}

fn strings(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let items = protocol::collect(ctx, v)?;
    items.iter().map(|item| os_bytes(ctx, item)).collect::<PyResult<Vec<_>>>().map(Some)
}

fn int(ctx: &mut Ctx, v: &Value) -> PyResult<i32> {
    crate::posix::path::c_int_arg(ctx, v)
}

/// A null-terminated array of pointers into `strings`.
fn pointers(strings: &[CString]) -> Vec<*const libc::c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite,
/// c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals,
/// call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn, allow_vfork)`.
fn fork_exec(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let v = pyrite_object::methods::check_args("fork_exec", args, 22, 23)?;
    if !v[21].is_none() {
        return Err(PyErr::not_implemented("subprocess: preexec_fn is not supported by Pyrite"));
    }
    if !v[17].is_none() || !v[18].is_none() || !v[19].is_none() {
        return Err(PyErr::not_implemented("subprocess: user, group and extra_groups are not supported by Pyrite"));
    }
    let argv = strings(ctx, &v[0])?.unwrap_or_default();
    let executables = strings(ctx, &v[1])?.unwrap_or_default();
    let close_fds = protocol::truthy(ctx, &v[2])?;
    let mut pass_fds = Vec::new();
    for fd in protocol::collect(ctx, &v[3])? {
        pass_fds.push(int(ctx, &fd)?);
    }
    let cwd = if v[4].is_none() { None } else { Some(os_bytes(ctx, &v[4])?) };
    let env = strings(ctx, &v[5])?;
    let mut fds = [0i32; 8];
    for (slot, value) in fds.iter_mut().zip(&v[6..14]) {
        *slot = int(ctx, value)?;
    }
    let restore_signals = protocol::truthy(ctx, &v[14])?;
    let call_setsid = protocol::truthy(ctx, &v[15])?;
    let pgid = int(ctx, &v[16])?;
    let umask = int(ctx, &v[20])?;
    let argv_p = pointers(&argv);
    let env_p = env.as_deref().map(pointers);
    let exec_p = pointers(&executables);
    let child = Child { fds, pass_fds, close_fds, cwd, restore_signals, call_setsid, pgid, umask };
    // SAFETY: fork(2); the child only runs `Child::run`, which makes async-signal-safe
    // calls on data prepared above and never returns.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child.run(&argv_p, env_p.as_deref(), &exec_p);
    }
    if pid < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::Int(i64::from(pid)))
}

/// What the child does between fork and exec.
struct Child {
    /// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write.
    fds: [i32; 8],
    pass_fds: Vec<i32>,
    close_fds: bool,
    cwd: Option<CString>,
    restore_signals: bool,
    call_setsid: bool,
    pgid: i32,
    umask: i32,
}

impl Child {
    /// Sets the child up and execs; on failure reports through the error pipe and exits.
    fn run(
        &self,
        argv: &[*const libc::c_char],
        env: Option<&[*const libc::c_char]>,
        exec: &[*const libc::c_char],
    ) -> ! {
        let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite, errpipe_read, errpipe_write] = self.fds;
        // SAFETY: only async-signal-safe system calls on integers and on memory prepared
        // before fork (the whole block).
        unsafe {
            for fd in [p2cwrite, c2pread, errread, errpipe_read] {
                if fd != -1 {
                    libc::close(fd);
                }
            }
            // Keep the child's ends from being overwritten by the dup2 calls below.
            if c2pwrite == 0 {
                c2pwrite = libc::dup(c2pwrite);
                if c2pwrite < 0 {
                    self.fail(errpipe_write, last_errno(), b"noexec");
                }
            }
            while errwrite == 0 || errwrite == 1 {
                errwrite = libc::dup(errwrite);
                if errwrite < 0 {
                    self.fail(errpipe_write, last_errno(), b"noexec");
                }
            }
            for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
                if fd == target {
                    let flags = libc::fcntl(fd, libc::F_GETFD);
                    if flags >= 0 {
                        libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                    }
                } else if fd != -1 && libc::dup2(fd, target) < 0 {
                    self.fail(errpipe_write, last_errno(), b"noexec");
                }
            }
            if let Some(cwd) = &self.cwd
                && libc::chdir(cwd.as_ptr()) < 0
            {
                self.fail(errpipe_write, last_errno(), b"noexec");
            }
            if self.umask >= 0 {
                #[expect(clippy::cast_sign_loss, reason = "a non-negative mode")]
                libc::umask(self.umask as libc::mode_t);
            }
            if self.restore_signals {
                libc::signal(libc::SIGPIPE, libc::SIG_DFL);
                libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            }
            if self.call_setsid && libc::setsid() < 0 {
                self.fail(errpipe_write, last_errno(), b"noexec");
            }
            if self.pgid >= 0 && libc::setpgid(0, self.pgid) < 0 {
                self.fail(errpipe_write, last_errno(), b"noexec");
            }
            // The error pipe is among the descriptors to keep but must close at exec, so
            // that the parent's read of it returns as soon as the program starts.
            for &fd in self.pass_fds.iter().filter(|&&fd| fd != errpipe_write) {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                if flags >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                }
            }
            if self.close_fds {
                self.close_others(errpipe_write);
            }
            let mut saved = 0;
            for &path in exec.iter().take_while(|p| !p.is_null()) {
                match env {
                    Some(env) => libc::execve(path, argv.as_ptr(), env.as_ptr()),
                    None => libc::execv(path, argv.as_ptr()),
                };
                let errno = last_errno();
                if errno != libc::ENOENT && errno != libc::ENOTDIR && saved == 0 {
                    saved = errno;
                }
            }
            let errno = if saved != 0 { saved } else { last_errno() };
            self.fail(errpipe_write, errno, b"");
        }
    }

    /// Closes every descriptor from 3 up except `keep` and the pass-through ones.
    fn close_others(&self, keep: i32) {
        let mut kept: Vec<i32> = self.pass_fds.iter().copied().filter(|&fd| fd >= 3).collect();
        kept.push(keep);
        kept.sort_unstable();
        let mut low: i32 = 3;
        for fd in kept.into_iter().chain(std::iter::once(i32::MAX)) {
            if fd > low {
                close_range(low, fd - 1);
            }
            low = low.max(fd.saturating_add(1));
        }
    }

    /// Writes `OSError:<hex errno>:<message>` to the error pipe and exits with 255.
    fn fail(&self, pipe: i32, errno: i32, message: &[u8]) -> ! {
        let mut report = [0u8; 64];
        let mut n = 0;
        let mut put = |bytes: &[u8]| {
            for &b in bytes {
                if n < report.len() {
                    report[n] = b;
                    n += 1;
                }
            }
        };
        put(b"OSError:");
        let digits = b"0123456789abcdef";
        let value = errno.unsigned_abs();
        let mut started = false;
        for shift in (0..8).rev() {
            let d = (value >> (shift * 4)) & 0xF;
            if d != 0 || started || shift == 0 {
                started = true;
                put(&[digits[d as usize]]);
            }
        }
        put(b":");
        put(message);
        // SAFETY: writing a stack buffer to a descriptor, then ending the child at once.
        unsafe {
            libc::write(pipe, report.as_ptr().cast(), n);
            libc::_exit(255)
        }
    }
}

/// Closes the descriptors `low..=high`, by close_range(2) where the kernel has it.
fn close_range(low: i32, high: i32) {
    let (lo, hi) = (low.unsigned_abs(), high.unsigned_abs());
    // SAFETY: close_range takes plain integers.
    if unsafe { libc::syscall(libc::SYS_close_range, lo, hi, 0u32) } == 0 {
        return;
    }
    // SAFETY: sysconf takes a constant name.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let max = i32::try_from(max).unwrap_or(65_536).clamp(256, 65_536);
    for fd in low..=high.min(max) {
        // SAFETY: closing integer descriptors in the child.
        unsafe { libc::close(fd) };
    }
}
