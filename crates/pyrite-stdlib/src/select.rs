//! The `select` module for Linux: `select()`, `poll` objects and `epoll` objects (what
//! `selectors.DefaultSelector` picks), with CPython's argument checks and the `OSError`
//! subclass for each failing call. `select()` is served by poll(2), so it has no
//! `FD_SETSIZE` limit; a closed descriptor still fails with `EBADF` as select(2) does.
//! Interrupted waits are retried with the time that is left (PEP 475).

use std::cell::{Cell, RefCell};
use std::time::Instant;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, check_args, method_args};
use pyrite_object::types::function::Module;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use crate::posix::path::{last_errno, os_error};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("select", &[("select", select), ("poll", poll_new)]);
    Module::set(&module, "error", Value::Obj(types().os_error.clone()));
    Module::set(&module, "epoll", Value::Obj(epoll_type().clone()));
    for &(name, value) in CONSTANTS {
        Module::set(&module, name, Value::Int(value));
    }
    Ok(module)
}

/// The Linux values of the event masks.
const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", 0x001),
    ("POLLPRI", 0x002),
    ("POLLOUT", 0x004),
    ("POLLERR", 0x008),
    ("POLLHUP", 0x010),
    ("POLLNVAL", 0x020),
    ("POLLRDNORM", 0x040),
    ("POLLRDBAND", 0x080),
    ("POLLWRNORM", 0x100),
    ("POLLWRBAND", 0x200),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", 0x2000),
    ("EPOLLIN", 0x001),
    ("EPOLLPRI", 0x002),
    ("EPOLLOUT", 0x004),
    ("EPOLLERR", 0x008),
    ("EPOLLHUP", 0x010),
    ("EPOLLRDNORM", 0x040),
    ("EPOLLRDBAND", 0x080),
    ("EPOLLWRNORM", 0x100),
    ("EPOLLWRBAND", 0x200),
    ("EPOLLMSG", 0x400),
    ("EPOLLRDHUP", 0x2000),
    ("EPOLLEXCLUSIVE", 1 << 28),
    ("EPOLLWAKEUP", 1 << 29),
    ("EPOLLONESHOT", 1 << 30),
    ("EPOLLET", 1 << 31),
    ("EPOLL_CLOEXEC", 0o2000000),
    ("PIPE_BUF", 4096),
];

/// The descriptor of an int or of an object with a `fileno()` method, as CPython's
/// `PyObject_AsFileDescriptor`.
pub fn file_descriptor(ctx: &mut Ctx, value: &Value) -> PyResult<i32> {
    let number = if protocol::isinstance(value, &types().int) {
        value.clone()
    } else {
        let method = protocol::getattr_str(ctx, value, "fileno")
            .map_err(|_| PyErr::type_error("argument must be an int, or have a fileno() method."))?;
        let n = protocol::call_positional(ctx, &method, &[])?;
        if !protocol::isinstance(&n, &types().int) {
            return Err(PyErr::type_error("fileno() returned a non-integer"));
        }
        n
    };
    let n = pyrite_object::methods::int::to_i64(&number)
        .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    let fd = i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    if fd < 0 {
        return Err(PyErr::value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// A wait of `timeout` milliseconds (-1: forever), retried on `EINTR` with what is left.
struct Deadline {
    start: Instant,
    millis: i32,
}

impl Deadline {
    fn new(millis: i32) -> Deadline {
        Deadline { start: Instant::now(), millis }
    }

    /// The milliseconds left to wait (-1 forever).
    fn left(&self) -> i32 {
        if self.millis < 0 {
            return -1;
        }
        let spent = i32::try_from(self.start.elapsed().as_millis()).unwrap_or(i32::MAX);
        (self.millis - spent).max(0)
    }
}

/// Seconds (float or int, or None for forever) as whole milliseconds rounded up, as
/// CPython's `_PyTime_ROUND_CEILING`; `negative_forever` makes any negative value wait
/// forever (epoll), else a negative value is an error (select).
fn seconds_to_millis(ctx: &mut Ctx, timeout: Option<&Value>, negative_forever: bool) -> PyResult<i32> {
    let Some(t) = timeout.filter(|t| !t.is_none()) else { return Ok(-1) };
    if t.as_f64().is_none() && !protocol::isinstance(t, &types().int) && !protocol::isinstance(t, &types().float) {
        return Err(PyErr::type_error("timeout must be an integer or None"));
    }
    let secs = pyrite_object::methods::float::as_double(ctx, t)?;
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return if negative_forever { Ok(-1) } else { Err(PyErr::value_error("timeout must be non-negative")) };
    }
    let millis = (secs * 1000.0).ceil();
    if millis > f64::from(i32::MAX) {
        return Err(PyErr::overflow("timeout is too large"));
    }
    #[expect(clippy::cast_possible_truncation, reason = "checked to fit above")]
    Ok(millis as i32)
}

/// Runs poll(2) over `fds` until it succeeds, retrying interrupted waits.
fn run_poll(ctx: &mut Ctx, fds: &mut [libc::pollfd], millis: i32) -> PyResult<usize> {
    let deadline = Deadline::new(millis);
    loop {
        let n = fds.len() as libc::nfds_t;
        // SAFETY: `fds` is a valid, writable array of `n` pollfd records.
        let rc = unsafe { libc::poll(fds.as_mut_ptr(), n, deadline.left()) };
        if rc >= 0 {
            return Ok(rc.unsigned_abs() as usize);
        }
        let errno = last_errno();
        if errno != libc::EINTR {
            return Err(os_error(ctx, errno, None, None));
        }
    }
}

/// `select(rlist, wlist, xlist, timeout=None)`.
fn select(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("select", args, 3, 4)?;
    let millis = match values.get(3) {
        None | Some(Value::None) => -1,
        Some(t) => {
            if !protocol::isinstance(t, &types().int) && !protocol::isinstance(t, &types().float) {
                return Err(PyErr::type_error("timeout must be a float or None"));
            }
            seconds_to_millis(ctx, Some(t), false)?
        }
    };
    // Each list's objects with their descriptors, kept to return the objects themselves.
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for list in &values[..3] {
        let items = protocol::collect(ctx, list).map_err(|_| PyErr::type_error("arguments 1-3 must be sequences"))?;
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            let fd = file_descriptor(ctx, &item)?;
            entries.push((item, fd));
        }
        lists.push(entries);
    }
    let events = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (entries, &event) in lists.iter().zip(&events) {
        for &(_, fd) in entries {
            match fds.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= event,
                None => fds.push(libc::pollfd { fd, events: event, revents: 0 }),
            }
        }
    }
    run_poll(ctx, &mut fds, millis)?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(os_error(ctx, libc::EBADF, None, None));
    }
    // What select(2) reports: readable also on hang-up or error, writable also on error.
    let ready = [libc::POLLIN | libc::POLLHUP | libc::POLLERR, libc::POLLOUT | libc::POLLERR, libc::POLLPRI];
    let mut results = Vec::with_capacity(3);
    for (entries, &mask) in lists.iter().zip(&ready) {
        let chosen = entries
            .iter()
            .filter(|(_, fd)| fds.iter().any(|p| p.fd == *fd && p.revents & mask != 0))
            .map(|(item, _)| item.clone())
            .collect();
        results.push(Value::Obj(PyList::new_obj(chosen)));
    }
    Ok(Value::Obj(PyTuple::new_obj(results)))
}

/// A mask argument: an unsigned short for poll.
fn event_mask(ctx: &mut Ctx, value: Option<&Value>, default: i64, max: i64) -> PyResult<i64> {
    let Some(v) = value else { return Ok(default) };
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let n = pyrite_object::methods::int::to_i64(&protocol::index(ctx, v, what)?)
        .map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned short"))?;
    if n < 0 {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    if n > max {
        return Err(PyErr::overflow(if max == 0xFFFF {
            "Python int too large for C unsigned short"
        } else {
            "Python int too large to convert to C unsigned int"
        }));
    }
    Ok(n)
}

/// A `select.poll` object: registered descriptors and their masks, in registration order.
struct Poll {
    fds: RefCell<Vec<(i32, i16)>>,
    polling: Cell<bool>,
}

impl Trace for Poll {}

payload!(Poll, "select.poll", untracked);

fn poll_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("poll", "select", None, 0, |_| {});
        add_methods(
            &ty,
            "poll",
            &[
                ("register", poll_register),
                ("modify", poll_modify),
                ("unregister", poll_unregister),
                ("poll", poll_poll),
            ],
        );
        ty
    })
}

fn poll_new(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("poll", args, 0, 0)?;
    let payload = Poll { fds: RefCell::new(Vec::new()), polling: Cell::new(false) };
    Ok(Value::Obj(ObjRef::new(payload, Some(poll_type()))))
}

fn this_poll(v: &Value) -> PyResult<&Poll> {
    v.downcast::<Poll>().ok_or_else(|| PyErr::type_error("descriptor requires a 'select.poll' object"))
}

const DEFAULT_MASK: i64 = 0x001 | 0x002 | 0x004;

#[expect(clippy::cast_possible_truncation, reason = "the mask was checked to fit 16 bits")]
fn poll_register(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("register", args, 1, 2)?;
    let fd = file_descriptor(ctx, &rest[0])?;
    let mask = event_mask(ctx, rest.get(1), DEFAULT_MASK, 0xFFFF)? as u16 as i16;
    let p = this_poll(this)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(Value::None)
}

#[expect(clippy::cast_possible_truncation, reason = "the mask was checked to fit 16 bits")]
fn poll_modify(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("modify", args, 2, 2)?;
    let fd = file_descriptor(ctx, &rest[0])?;
    let mask = event_mask(ctx, rest.get(1), DEFAULT_MASK, 0xFFFF)? as u16 as i16;
    let p = this_poll(this)?;
    let found = p.fds.borrow_mut().iter_mut().find(|(f, _)| *f == fd).map(|entry| entry.1 = mask).is_some();
    if !found {
        return Err(os_error(ctx, libc::ENOENT, None, None));
    }
    Ok(Value::None)
}

fn poll_unregister(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("unregister", args, 1, 1)?;
    let fd = file_descriptor(ctx, &rest[0])?;
    let p = this_poll(this)?;
    let mut fds = p.fds.borrow_mut();
    let Some(at) = fds.iter().position(|(f, _)| *f == fd) else {
        drop(fds);
        return Err(PyErr::key_error(Value::Int(i64::from(fd))));
    };
    fds.remove(at);
    Ok(Value::None)
}

fn poll_poll(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("poll", args, 0, 1)?;
    let millis = match rest.first() {
        None | Some(Value::None) => -1,
        Some(t) => {
            if !protocol::isinstance(t, &types().int) && !protocol::isinstance(t, &types().float) {
                return Err(PyErr::type_error("timeout must be an integer or None"));
            }
            let ms = pyrite_object::methods::float::as_double(ctx, t)?.ceil();
            if ms > f64::from(i32::MAX) {
                return Err(PyErr::overflow("Python int too large to convert to C int"));
            }
            #[expect(clippy::cast_possible_truncation, reason = "checked to fit above")]
            if ms < 0.0 { -1 } else { ms as i32 }
        }
    };
    let p = this_poll(this)?;
    if p.polling.get() {
        return Err(PyErr::runtime_error("concurrent poll() invocation"));
    }
    let mut fds: Vec<libc::pollfd> =
        p.fds.borrow().iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    p.polling.set(true);
    let result = run_poll(ctx, &mut fds, millis);
    p.polling.set(false);
    result?;
    let ready = fds
        .iter()
        .filter(|f| f.revents != 0)
        .map(|f| {
            let revents = i64::from(f.revents.cast_unsigned());
            Value::Obj(PyTuple::new_obj(vec![Value::Int(i64::from(f.fd)), Value::Int(revents)]))
        })
        .collect();
    Ok(Value::Obj(PyList::new_obj(ready)))
}

/// A `select.epoll` object: its own epoll descriptor (-1 once closed).
struct Epoll {
    fd: Cell<i32>,
}

impl Trace for Epoll {}

payload!(Epoll, "select.epoll", untracked);

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 {
            // SAFETY: the descriptor is this object's own.
            unsafe { libc::close(fd) };
        }
    }
}

fn epoll_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let flags = pyrite_object::types::typeobj::TYPE_BASETYPE;
        let ty = new_native_type_with("epoll", "select", None, flags, |s| {
            s.new = Some(epoll_new);
        });
        add_methods(
            &ty,
            "epoll",
            &[
                ("register", epoll_register),
                ("modify", epoll_modify),
                ("unregister", epoll_unregister),
                ("poll", epoll_poll),
                ("close", epoll_close),
                ("fileno", epoll_fileno),
                ("__enter__", epoll_enter),
                ("__exit__", epoll_exit),
            ],
        );
        pyrite_object::methods::attrdescr::add_getset(
            &ty,
            pyrite_object::methods::attrdescr::Kind::GetSet,
            &[("closed", |_, v| Ok(Value::Bool(this_epoll(v)?.fd.get() < 0)), None)],
        );
        let fromfd: pyrite_object::types::function::NativeFn = epoll_fromfd;
        pyrite_object::methods::descriptors::add_class_methods(&ty, "epoll", &[("fromfd", fromfd)]);
        ty
    })
}

fn new_epoll(ty: &ObjRef, fd: i32) -> Value {
    let payload = Epoll { fd: Cell::new(fd) };
    if ty.is_same(epoll_type()) {
        Value::Obj(ObjRef::new(payload, Some(ty)))
    } else {
        Value::Obj(ObjRef::new_with_dict(payload, Some(ty)))
    }
}

fn epoll_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    const NEW: Params = Params::new("epoll", &["sizehint", "flags"]);
    let [sizehint, flags] = NEW.bind(args)?;
    if let Some(hint) = sizehint {
        let n = crate::posix::path::int_arg(ctx, hint)?;
        if n == 0 || n < -1 {
            return Err(PyErr::value_error("negative sizehint"));
        }
    }
    if let Some(flags) = flags {
        let f = crate::posix::path::int_arg(ctx, flags)?;
        if f != 0 && f != i64::from(libc::EPOLL_CLOEXEC) {
            return Err(os_error(ctx, libc::EINVAL, None, None));
        }
    }
    // SAFETY: epoll_create1 has no memory preconditions.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(new_epoll(ty, fd))
}

fn epoll_fromfd(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("fromfd", args, 2, 2)?;
    let ty = values[0].as_obj().cloned().unwrap_or_else(|| epoll_type().clone());
    let fd = crate::posix::path::c_int_arg(ctx, &values[1])?;
    Ok(new_epoll(&ty, fd))
}

fn this_epoll(v: &Value) -> PyResult<&Epoll> {
    v.downcast::<Epoll>().ok_or_else(|| PyErr::type_error("descriptor requires a 'select.epoll' object"))
}

/// The open epoll descriptor, or the ValueError of a closed object.
fn epoll_fd(v: &Value) -> PyResult<i32> {
    let fd = this_epoll(v)?.fd.get();
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn epoll_ctl(ctx: &mut Ctx, this: &Value, op: i32, fd: &Value, mask: Option<&Value>) -> PyResult {
    let epfd = epoll_fd(this)?;
    let fd = file_descriptor(ctx, fd)?;
    let events = if op == libc::EPOLL_CTL_DEL { 0 } else { event_mask(ctx, mask, DEFAULT_MASK, 0xFFFF_FFFF)? };
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "checked to fit 32 bits")]
    let mut event = libc::epoll_event { events: events as u32, u64: fd.unsigned_abs().into() };
    // SAFETY: `event` is a valid epoll_event for the duration of the call.
    if unsafe { libc::epoll_ctl(epfd, op, fd, &raw mut event) } < 0 {
        return Err(os_error(ctx, last_errno(), None, None));
    }
    Ok(Value::None)
}

fn epoll_register(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = crate::io::split_self("register", args)?;
    let [fd, mask] = Params::new("register", &["fd", "eventmask"]).required(1).bind(rest)?;
    epoll_ctl(ctx, this, libc::EPOLL_CTL_ADD, fd.unwrap_or(&Value::None), mask)
}

fn epoll_modify(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = crate::io::split_self("modify", args)?;
    let [fd, mask] = Params::new("modify", &["fd", "eventmask"]).required(2).bind(rest)?;
    epoll_ctl(ctx, this, libc::EPOLL_CTL_MOD, fd.unwrap_or(&Value::None), mask)
}

fn epoll_unregister(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = crate::io::split_self("unregister", args)?;
    let [fd] = Params::new("unregister", &["fd"]).required(1).bind(rest)?;
    epoll_ctl(ctx, this, libc::EPOLL_CTL_DEL, fd.unwrap_or(&Value::None), None)
}

fn epoll_poll(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = crate::io::split_self("poll", args)?;
    let [timeout, maxevents] = Params::new("poll", &["timeout", "maxevents"]).bind(rest)?;
    let epfd = epoll_fd(this)?;
    let millis = seconds_to_millis(ctx, timeout, true)?;
    let max = match maxevents {
        None => -1,
        Some(m) => crate::posix::path::c_int_arg(ctx, m)?,
    };
    let max = match max {
        -1 => 1023,
        m if m <= 0 => return Err(PyErr::value_error(format!("maxevents must be greater than 0, got {m}"))),
        m => m,
    };
    // One call reports at most this many events; a larger request is served by later
    // calls (the rest stay ready), which keeps the buffer bounded.
    let max = max.min(1 << 16);
    let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; max.unsigned_abs() as usize];
    let deadline = Deadline::new(millis);
    let n = loop {
        // SAFETY: `events` is writable for `max` records.
        let rc = unsafe { libc::epoll_wait(epfd, events.as_mut_ptr(), max, deadline.left()) };
        if rc >= 0 {
            break rc.unsigned_abs() as usize;
        }
        let errno = last_errno();
        if errno != libc::EINTR {
            return Err(os_error(ctx, errno, None, None));
        }
    };
    let ready = events[..n]
        .iter()
        .map(|e| {
            let (fd, mask) = (e.u64, e.events);
            let fd = i64::try_from(fd).unwrap_or(-1);
            Value::Obj(PyTuple::new_obj(vec![Value::Int(fd), Value::Int(i64::from(mask))]))
        })
        .collect();
    Ok(Value::Obj(PyList::new_obj(ready)))
}

fn epoll_close(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("close", args, 0, 0)?;
    let e = this_epoll(this)?;
    let fd = e.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: the descriptor is this object's own and is forgotten first.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn epoll_fileno(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("fileno", args, 0, 0)?;
    Ok(Value::Int(i64::from(epoll_fd(this)?)))
}

fn epoll_enter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__enter__", args, 0, 0)?;
    epoll_fd(this)?;
    Ok(this.clone())
}

fn epoll_exit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__exit__", args, 0, 3)?;
    epoll_close(ctx, Args::positional(std::slice::from_ref(this)))
}
