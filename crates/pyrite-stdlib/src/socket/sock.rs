//! The `_socket.socket` type: a descriptor with its family, type, protocol and timeout,
//! and the methods `socket.py` builds on. As in CPython, a socket with a timeout (or
//! none, non-blocking) keeps its descriptor in non-blocking mode and waits with poll(2);
//! a blocking socket (timeout None) blocks in the system call itself.

use std::cell::Cell;
use std::time::Instant;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::attrdescr::{Kind, add_getset};
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, TYPE_HEAPTYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::addr::{self, SockAddr, socklen};
use super::{default_timeout, timeout_arg};
use crate::io::split_self;
use crate::posix::path::{c_int_arg, last_errno, os_error};

/// A socket object's state (`fd` is -1 once closed or detached).
pub struct Socket {
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// Seconds; negative means none (blocking).
    timeout: Cell<f64>,
}

impl Trace for Socket {}

payload!(Socket, "_socket.socket", untracked);

impl Drop for Socket {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            // SAFETY: the descriptor belongs to this socket object, which is going away.
            unsafe { libc::close(fd) };
        }
    }
}

/// The `_socket.socket` type.
pub fn socket_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("socket", "_socket", None, TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| Ok(Value::Obj(new_socket(ty, -1, libc::AF_INET, libc::SOCK_STREAM, 0))));
            s.init = Some(socket_init);
            s.repr = Some(socket_repr);
        });
        add_methods(
            &ty,
            "socket",
            &[
                ("_accept", sock_accept),
                ("bind", sock_bind),
                ("close", sock_close),
                ("connect", sock_connect),
                ("connect_ex", sock_connect_ex),
                ("detach", sock_detach),
                ("fileno", sock_fileno),
                ("getpeername", sock_getpeername),
                ("getsockname", sock_getsockname),
                ("getsockopt", sock_getsockopt),
                ("setsockopt", sock_setsockopt),
                ("getblocking", sock_getblocking),
                ("setblocking", sock_setblocking),
                ("gettimeout", sock_gettimeout),
                ("settimeout", sock_settimeout),
                ("listen", sock_listen),
                ("recv", sock_recv),
                ("recv_into", sock_recv_into),
                ("recvfrom", sock_recvfrom),
                ("recvfrom_into", sock_recvfrom_into),
                ("send", sock_send),
                ("sendall", sock_sendall),
                ("sendto", sock_sendto),
                ("shutdown", sock_shutdown),
            ],
        );
        add_getset(
            &ty,
            Kind::Member,
            &[
                ("family", |_, v| Ok(Value::Int(i64::from(this(v)?.family.get()))), None),
                ("type", |_, v| Ok(Value::Int(i64::from(this(v)?.kind.get()))), None),
                ("proto", |_, v| Ok(Value::Int(i64::from(this(v)?.proto.get()))), None),
            ],
        );
        add_getset(&ty, Kind::GetSet, &[("timeout", |_, v| Ok(timeout_value(this(v)?.timeout.get())), None)]);
        ty
    })
}

/// A socket object of type `ty` (an instance dict for subclasses, as `socket.socket`).
pub fn new_socket(ty: &ObjRef, fd: i32, family: i32, kind: i32, proto: i32) -> ObjRef {
    let payload = Socket {
        fd: Cell::new(fd),
        family: Cell::new(family),
        kind: Cell::new(kind),
        proto: Cell::new(proto),
        timeout: Cell::new(-1.0),
    };
    if type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0 {
        ObjRef::new_with_dict(payload, Some(ty))
    } else {
        ObjRef::new(payload, Some(ty))
    }
}

/// A `_socket.socket` for a descriptor just made (`socketpair`), with the default timeout.
pub fn with_descriptor(fd: i32, family: i32, kind: i32, proto: i32) -> Result<ObjRef, i32> {
    let obj = new_socket(socket_type(), fd, family, kind, proto);
    if let Some(s) = obj.downcast::<Socket>() {
        s.apply_timeout(default_timeout())?;
    }
    Ok(obj)
}

fn this(v: &Value) -> PyResult<&Socket> {
    v.downcast::<Socket>().ok_or_else(|| PyErr::type_error("descriptor requires a '_socket.socket' object"))
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 { Value::None } else { Value::Float(t) }
}

/// Sets or clears `O_NONBLOCK` on a descriptor.
fn set_nonblocking(fd: i32, on: bool) -> Result<(), i32> {
    // SAFETY: fcntl on an integer descriptor; failures are reported by errno.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(last_errno());
        }
        let new = if on { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(last_errno());
        }
    }
    Ok(())
}

impl Socket {
    /// When an operation started now must end: the socket's timeout, if it has one.
    fn deadline(&self) -> Option<(Instant, f64)> {
        let timeout = self.timeout.get();
        (timeout > 0.0).then(|| (Instant::now(), timeout))
    }

    /// Applies a timeout (negative: none) to the object and its descriptor.
    fn apply_timeout(&self, timeout: f64) -> Result<(), i32> {
        self.timeout.set(timeout);
        let fd = self.fd.get();
        if fd >= 0 { set_nonblocking(fd, timeout >= 0.0) } else { Ok(()) }
    }
}

/// The `TimeoutError('timed out')` of a socket operation that waited too long.
fn timed_out() -> PyErr {
    PyErr::new(&types().timeout_error, "timed out")
}

/// Waits until `fd` is ready for reading or writing, for at most `deadline`; false when the
/// time ran out.
fn wait_ready(ctx: &mut Ctx, fd: i32, writing: bool, deadline: Option<(Instant, f64)>) -> PyResult<bool> {
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    loop {
        let millis = match deadline {
            None => -1,
            Some((start, secs)) => {
                let left = secs - start.elapsed().as_secs_f64();
                if left <= 0.0 {
                    return Ok(false);
                }
                #[expect(clippy::cast_possible_truncation, reason = "clamped to the range of i32")]
                let ms = (left * 1000.0).ceil().min(f64::from(i32::MAX)) as i32;
                ms
            }
        };
        let mut pfd = libc::pollfd { fd, events, revents: 0 };
        // SAFETY: one valid pollfd record.
        let rc = unsafe { libc::poll(&raw mut pfd, 1, millis) };
        if rc > 0 {
            return Ok(true);
        }
        if rc == 0 {
            return Ok(false);
        }
        let errno = last_errno();
        if errno != libc::EINTR {
            return Err(os_error(ctx, errno, None, None));
        }
    }
}

/// Runs one socket system call as CPython's `sock_call`: waits first when the socket has a
/// timeout, retries on `EINTR` (and on `EAGAIN` while time is left), and turns a failure
/// into the `OSError` for its errno.
fn sock_call(ctx: &mut Ctx, s: &Socket, writing: bool, op: impl FnMut(i32) -> isize) -> PyResult<usize> {
    let deadline = s.deadline();
    sock_call_until(ctx, s, writing, deadline, op)
}

/// [`sock_call`] with the deadline given (shared by the calls of one `sendall`).
fn sock_call_until(
    ctx: &mut Ctx,
    s: &Socket,
    writing: bool,
    deadline: Option<(Instant, f64)>,
    mut op: impl FnMut(i32) -> isize,
) -> PyResult<usize> {
    loop {
        let fd = s.fd.get();
        if deadline.is_some() && fd >= 0 && !wait_ready(ctx, fd, writing, deadline)? {
            return Err(timed_out());
        }
        let rc = op(fd);
        if rc >= 0 {
            return Ok(rc.unsigned_abs());
        }
        let errno = last_errno();
        let again = errno == libc::EAGAIN || errno == libc::EWOULDBLOCK;
        if errno == libc::EINTR || (again && deadline.is_some()) {
            continue;
        }
        return Err(os_error(ctx, errno, None, None));
    }
}

fn socket_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    const INIT: Params = Params::new("socket", &["family", "type", "proto", "fileno"]);
    let [family, kind, proto, fileno] = INIT.bind(args)?;
    let s = this(v)?;
    let mut family = family.filter(|f| !f.is_none()).map(|f| c_int_arg(ctx, f)).transpose()?.unwrap_or(-1);
    let mut kind = kind.filter(|k| !k.is_none()).map(|k| c_int_arg(ctx, k)).transpose()?.unwrap_or(-1);
    let mut proto = proto.filter(|p| !p.is_none()).map(|p| c_int_arg(ctx, p)).transpose()?.unwrap_or(-1);
    let fd = if let Some(fileno) = fileno.filter(|f| !f.is_none()) {
        if !protocol::isinstance(fileno, &types().int) {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                fileno.type_name()
            )));
        }
        let fd = crate::posix::path::int_arg(ctx, fileno)?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        let fd = i32::try_from(fd).map_err(|_| PyErr::overflow("file descriptor out of range"))?;
        // The family, type and protocol of an existing socket come from the system.
        let query = |ctx: &mut Ctx, option: i32| -> PyResult<i32> {
            let mut value: i32 = 0;
            let mut len = socklen(size_of::<i32>());
            // SAFETY: `value` is writable for `len` bytes.
            let rc = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, option, (&raw mut value).cast(), &raw mut len) };
            if rc < 0 { Err(os_error(ctx, last_errno(), None, None)) } else { Ok(value) }
        };
        if family == -1 {
            family = query(ctx, libc::SO_DOMAIN)?;
        }
        if kind == -1 {
            kind = query(ctx, libc::SO_TYPE)?;
        }
        if proto == -1 {
            proto = query(ctx, libc::SO_PROTOCOL)?;
        }
        fd
    } else {
        if family == -1 {
            family = libc::AF_INET;
        }
        if kind == -1 {
            kind = libc::SOCK_STREAM;
        }
        if proto == -1 {
            proto = 0;
        }
        // SAFETY: socket(2) has no memory preconditions.
        let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
        if fd < 0 {
            return Err(os_error(ctx, last_errno(), None, None));
        }
        fd
    };
    let old = s.fd.replace(fd);
    if old >= 0 && old != fd {
        // SAFETY: re-initializing replaces the descriptor this object owned.
        unsafe { libc::close(old) };
    }
    s.family.set(family);
    s.kind.set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    let timeout = if kind & libc::SOCK_NONBLOCK != 0 { 0.0 } else { default_timeout() };
    s.apply_timeout(timeout).map_err(|errno| os_error(ctx, errno, None, None))?;
    Ok(())
}

fn socket_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let s = this(v)?;
    Ok(Value::str(&format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

/// Splits `self` off a method call's arguments and binds the rest to `params`.
fn bind<'a, const N: usize>(params: &Params, args: Args<'a>) -> PyResult<(&'a Socket, [Option<&'a Value>; N])> {
    let (me, rest) = split_self(params.name, args)?;
    let values = params.bind(rest)?;
    Ok((this(me)?, values))
}

fn no_args<'a>(name: &'static str, args: Args<'a>) -> PyResult<&'a Socket> {
    let (me, rest) = split_self(name, args)?;
    if !rest.values.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no arguments ({} given)", rest.values.len())));
    }
    this(me)
}

fn int_or(ctx: &mut Ctx, v: Option<&Value>, default: i32) -> PyResult<i32> {
    v.map_or(Ok(default), |v| c_int_arg(ctx, v))
}

fn sock_accept(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("_accept", args)?;
    let mut address = SockAddr::empty();
    let fd = sock_call(ctx, s, false, |fd| {
        address.len = socklen(size_of::<libc::sockaddr_storage>());
        // SAFETY: `address` is writable for its length, which is passed along.
        (unsafe { libc::accept4(fd, address.as_mut_ptr(), &raw mut address.len, libc::SOCK_CLOEXEC) }) as isize
    })?;
    let fd = i64::try_from(fd).unwrap_or(-1);
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::Int(fd), addr::to_python(&address)])))
}

fn sock_bind(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [address]) = bind(&Params::new("bind", &["address"]).required(1).positional_only(1), args)?;
    let address = addr::from_python(ctx, s.family.get(), address.unwrap_or(&Value::None), "bind")?;
    // SAFETY: `address` holds a valid record of `len` bytes.
    if unsafe { libc::bind(s.fd.get(), address.as_ptr(), address.len) } < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn sock_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("close", args)?;
    let fd = s.fd.replace(-1);
    // SAFETY: the descriptor is this object's, forgotten before it is closed.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        // A reset connection still closes the descriptor; CPython ignores that error.
        let errno = last_errno();
        if errno != libc::ECONNRESET {
            return Err(os_error(ctx, errno, None, None));
        }
    }
    Ok(Value::None)
}

fn sock_detach(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("detach", args)?;
    Ok(Value::Int(i64::from(s.fd.replace(-1))))
}

fn sock_fileno(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("fileno", args)?;
    Ok(Value::Int(i64::from(s.fd.get())))
}

/// connect(2) as CPython's `internal_connect`: the errno of the attempt (0 on success),
/// after waiting for a connection in progress unless the socket is non-blocking.
fn connect_errno(ctx: &mut Ctx, s: &Socket, address: &Value, caller: &str) -> PyResult<i32> {
    let address = addr::from_python(ctx, s.family.get(), address, caller)?;
    let fd = s.fd.get();
    // SAFETY: `address` holds a valid record of `len` bytes.
    if unsafe { libc::connect(fd, address.as_ptr(), address.len) } == 0 {
        return Ok(0);
    }
    let errno = last_errno();
    let timeout = s.timeout.get();
    let waiting = (errno == libc::EINPROGRESS && timeout != 0.0) || errno == libc::EINTR;
    if !waiting {
        return Ok(errno);
    }
    let deadline = (timeout > 0.0).then(|| (Instant::now(), timeout));
    if !wait_ready(ctx, fd, true, deadline)? {
        return Err(timed_out());
    }
    let mut error: i32 = 0;
    let mut len = socklen(size_of::<i32>());
    // SAFETY: `error` is writable for `len` bytes.
    let rc = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, (&raw mut error).cast(), &raw mut len) };
    Ok(if rc < 0 { last_errno() } else { error })
}

fn sock_connect(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [address]) = bind(&Params::new("connect", &["address"]).required(1).positional_only(1), args)?;
    match connect_errno(ctx, s, address.unwrap_or(&Value::None), "connect")? {
        0 => Ok(Value::None),
        errno => Err(os_error(ctx, errno, None, None)),
    }
}

fn sock_connect_ex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [address]) = bind(&Params::new("connect_ex", &["address"]).required(1).positional_only(1), args)?;
    Ok(Value::Int(i64::from(connect_errno(ctx, s, address.unwrap_or(&Value::None), "connect_ex")?)))
}

fn name_of(ctx: &mut Ctx, s: &Socket, peer: bool) -> PyResult {
    let mut address = SockAddr::empty();
    let fd = s.fd.get();
    // SAFETY: `address` is writable for its length, which is passed along.
    let rc = unsafe {
        if peer {
            libc::getpeername(fd, address.as_mut_ptr(), &raw mut address.len)
        } else {
            libc::getsockname(fd, address.as_mut_ptr(), &raw mut address.len)
        }
    };
    if rc < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(addr::to_python(&address))
}

fn sock_getpeername(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("getpeername", args)?;
    name_of(ctx, s, true)
}

fn sock_getsockname(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("getsockname", args)?;
    name_of(ctx, s, false)
}

fn sock_getsockopt(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("getsockopt", args)?;
    let values = pyrite_object::methods::check_args("getsockopt", rest, 2, 3)?;
    let s = this(me)?;
    let level = c_int_arg(ctx, &values[0])?;
    let option = c_int_arg(ctx, &values[1])?;
    let fd = s.fd.get();
    match values.get(2) {
        None => {
            let mut value: i32 = 0;
            let mut len = socklen(size_of::<i32>());
            // SAFETY: `value` is writable for `len` bytes.
            if unsafe { libc::getsockopt(fd, level, option, (&raw mut value).cast(), &raw mut len) } < 0 {
                return Err(os_error(ctx, last_errno(), None, None));
            }
            Ok(Value::Int(i64::from(value)))
        }
        Some(buflen) => {
            let n = c_int_arg(ctx, buflen)?;
            let Some(n) = usize::try_from(n).ok().filter(|&n| n > 0 && n <= 1024) else {
                return Err(PyErr::new(&types().os_error, "getsockopt buflen out of range"));
            };
            let mut buf = vec![0u8; n];
            let mut len = socklen(n);
            // SAFETY: `buf` is writable for `len` bytes.
            if unsafe { libc::getsockopt(fd, level, option, buf.as_mut_ptr().cast(), &raw mut len) } < 0 {
                return Err(os_error(ctx, last_errno(), None, None));
            }
            buf.truncate(len as usize);
            Ok(Value::Obj(PyBytes::new_obj(buf)))
        }
    }
}

fn sock_setsockopt(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("setsockopt", args)?;
    let values = pyrite_object::methods::check_args("setsockopt", rest, 3, 4)?;
    let s = this(me)?;
    let level = c_int_arg(ctx, &values[0])?;
    let option = c_int_arg(ctx, &values[1])?;
    let fd = s.fd.get();
    let rc = if values.len() == 4 {
        if !values[2].is_none() {
            return Err(PyErr::type_error(format!(
                "setsockopt() argument 3 must be NoneType, not {}",
                values[2].type_name()
            )));
        }
        let optlen = c_int_arg(ctx, &values[3])?;
        let optlen = libc::socklen_t::try_from(optlen).map_err(|_| PyErr::overflow("optlen out of range"))?;
        // SAFETY: a null value with a length is how the system call takes "no buffer".
        unsafe { libc::setsockopt(fd, level, option, std::ptr::null(), optlen) }
    } else if protocol::isinstance(&values[2], &types().int) {
        let value = c_int_arg(ctx, &values[2])?;
        // SAFETY: `value` is readable for its size.
        unsafe { libc::setsockopt(fd, level, option, (&raw const value).cast(), socklen(size_of::<i32>())) }
    } else if let Some(data) = pyrite_object::methods::bytes::buffer_bytes(&values[2]) {
        // SAFETY: `data` is readable for its length.
        unsafe { libc::setsockopt(fd, level, option, data.as_ptr().cast(), socklen(data.len())) }
    } else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", values[2].type_name())));
    };
    if rc < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn sock_getblocking(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("getblocking", args)?;
    Ok(Value::Bool(s.timeout.get() != 0.0))
}

fn sock_setblocking(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("setblocking", args)?;
    let values = pyrite_object::methods::check_args("setblocking", rest, 1, 1)?;
    let s = this(me)?;
    let blocking = protocol::truthy(ctx, &values[0])?;
    s.apply_timeout(if blocking { -1.0 } else { 0.0 }).map_err(|errno| os_error(ctx, errno, None, None))?;
    Ok(Value::None)
}

fn sock_gettimeout(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("gettimeout", args)?;
    Ok(timeout_value(s.timeout.get()))
}

fn sock_settimeout(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("settimeout", args)?;
    let values = pyrite_object::methods::check_args("settimeout", rest, 1, 1)?;
    let s = this(me)?;
    let timeout = timeout_arg(ctx, &values[0])?;
    s.apply_timeout(timeout).map_err(|errno| os_error(ctx, errno, None, None))?;
    Ok(Value::None)
}

fn sock_listen(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("listen", args)?;
    let values = pyrite_object::methods::check_args("listen", rest, 0, 1)?;
    let s = this(me)?;
    let backlog = match values.first() {
        Some(b) => c_int_arg(ctx, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    // SAFETY: listen(2) on an integer descriptor.
    if unsafe { libc::listen(s.fd.get(), backlog) } < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::None)
}

/// A buffer size argument, as CPython's `recv` family checks it.
fn buffer_size(ctx: &mut Ctx, v: &Value, what: &str) -> PyResult<usize> {
    let n = crate::posix::path::int_arg(ctx, v)?;
    usize::try_from(n).map_err(|_| PyErr::value_error(format!("negative buffersize in {what}")))
}

/// Receives up to `n` bytes (with the sender's address when `from`).
fn receive(ctx: &mut Ctx, s: &Socket, n: usize, flags: i32, from: bool) -> PyResult<(Vec<u8>, Value)> {
    // A huge size is a MemoryError, as in CPython, not an abort.
    let mut buf = Vec::new();
    buf.try_reserve_exact(n).map_err(|_| PyErr::memory())?;
    buf.resize(n, 0);
    let mut address = SockAddr::empty();
    let got = sock_call(ctx, s, false, |fd| {
        address.len = socklen(size_of::<libc::sockaddr_storage>());
        // SAFETY: `buf` is writable for `n` bytes and `address` for its length.
        unsafe {
            if from {
                libc::recvfrom(fd, buf.as_mut_ptr().cast(), n, flags, address.as_mut_ptr(), &raw mut address.len)
            } else {
                libc::recv(fd, buf.as_mut_ptr().cast(), n, flags)
            }
        }
    })?;
    buf.truncate(got);
    let address = if from { addr::to_python(&address) } else { Value::None };
    Ok((buf, address))
}

fn sock_recv(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("recv", args)?;
    let values = pyrite_object::methods::check_args("recv", rest, 1, 2)?;
    let s = this(me)?;
    let n = buffer_size(ctx, &values[0], "recv")?;
    let flags = int_or(ctx, values.get(1), 0)?;
    let (data, _) = receive(ctx, s, n, flags, false)?;
    Ok(Value::Obj(PyBytes::new_obj(data)))
}

fn sock_recvfrom(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("recvfrom", args)?;
    let values = pyrite_object::methods::check_args("recvfrom", rest, 1, 2)?;
    let s = this(me)?;
    let n = buffer_size(ctx, &values[0], "recvfrom")?;
    let flags = int_or(ctx, values.get(1), 0)?;
    let (data, address) = receive(ctx, s, n, flags, true)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::Obj(PyBytes::new_obj(data)), address])))
}

/// `recv_into`/`recvfrom_into`: receives into a writable buffer.
fn receive_into(ctx: &mut Ctx, args: Args<'_>, name: &'static str, from: bool) -> PyResult<(usize, Value)> {
    const NAMES: &[&str] = &["buffer", "nbytes", "flags"];
    let params = Params::new(if from { "recvfrom_into" } else { "recv_into" }, NAMES).required(1);
    let (s, [buffer, nbytes, flags]) = bind(&params, args)?;
    let buffer = buffer.unwrap_or(&Value::None);
    let capacity = crate::io::buffer_len(buffer).map_err(|_| {
        PyErr::type_error(format!(
            "{name}() argument 'buffer' must be read-write bytes-like object, not {}",
            buffer.type_name()
        ))
    })?;
    let mut n = match nbytes {
        Some(v) => buffer_size(ctx, v, name)?,
        None => 0,
    };
    if n > capacity {
        return Err(PyErr::value_error(if from {
            "nbytes is greater than the length of the buffer"
        } else {
            "buffer too small for requested bytes"
        }));
    }
    if n == 0 {
        n = capacity;
    }
    let flags = int_or(ctx, flags, 0)?;
    let (data, address) = receive(ctx, s, n, flags, from)?;
    crate::io::fill_buffer(buffer, &data)?;
    Ok((data.len(), address))
}

fn sock_recv_into(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (n, _) = receive_into(ctx, args, "recv_into", false)?;
    Ok(Value::from(n))
}

fn sock_recvfrom_into(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (n, address) = receive_into(ctx, args, "recvfrom_into", true)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::from(n), address])))
}

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    pyrite_object::methods::bytes::buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

fn send_once(ctx: &mut Ctx, s: &Socket, data: &[u8], flags: i32, deadline: Option<(Instant, f64)>) -> PyResult<usize> {
    sock_call_until(ctx, s, true, deadline, |fd| {
        // SAFETY: `data` is readable for its length.
        unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags | libc::MSG_NOSIGNAL) }
    })
}

fn sock_send(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("send", args)?;
    let values = pyrite_object::methods::check_args("send", rest, 1, 2)?;
    let s = this(me)?;
    let data = data_arg(&values[0])?;
    let flags = int_or(ctx, values.get(1), 0)?;
    Ok(Value::from(send_once(ctx, s, &data, flags, s.deadline())?))
}

fn sock_sendall(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("sendall", args)?;
    let values = pyrite_object::methods::check_args("sendall", rest, 1, 2)?;
    let s = this(me)?;
    let data = data_arg(&values[0])?;
    let flags = int_or(ctx, values.get(1), 0)?;
    // The timeout bounds the whole call, as CPython's `sock_sendall`.
    let deadline = s.deadline();
    let mut sent = 0;
    while sent < data.len() {
        sent += send_once(ctx, s, &data[sent..], flags, deadline)?;
    }
    Ok(Value::None)
}

fn sock_sendto(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("sendto", args)?;
    let values = pyrite_object::methods::check_args("sendto", rest, 2, 3)?;
    let s = this(me)?;
    let data = data_arg(&values[0])?;
    let (flags, address) = if values.len() == 3 { (c_int_arg(ctx, &values[1])?, &values[2]) } else { (0, &values[1]) };
    let address = addr::from_python(ctx, s.family.get(), address, "sendto")?;
    let n = sock_call(ctx, s, true, |fd| {
        // SAFETY: `data` and `address` are readable for their lengths.
        unsafe {
            libc::sendto(
                fd,
                data.as_ptr().cast(),
                data.len(),
                flags | libc::MSG_NOSIGNAL,
                address.as_ptr(),
                address.len,
            )
        }
    })?;
    Ok(Value::from(n))
}

fn sock_shutdown(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = split_self("shutdown", args)?;
    let values = pyrite_object::methods::check_args("shutdown", rest, 1, 1)?;
    let s = this(me)?;
    let how = c_int_arg(ctx, &values[0])?;
    // SAFETY: shutdown(2) on an integer descriptor.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::None)
}
