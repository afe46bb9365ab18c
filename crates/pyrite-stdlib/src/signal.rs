//! The `_signal` module, minimal: the Linux signal numbers, `SIG_DFL`/`SIG_IGN`,
//! `default_int_handler`, and a handler table for `signal`/`getsignal`. Pyrite cannot yet
//! deliver a signal to Python code, so installing a Python function as a handler raises
//! `NotImplementedError`; `SIG_DFL`, `SIG_IGN` and `default_int_handler` are accepted
//! (the first two are installed for real). A Python handler is recorded for SIGINT only
//! (what `asyncio.run` installs): it is what `getsignal` returns, but until signals reach
//! Python code an interrupt still ends Pyrite as the default handler would.
//! `set_wakeup_fd` records its descriptor; only Python handlers would write to it.

use pyrite_memory::GilCell;
use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::types::set::PySet;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

/// `NSIG`: one more than the largest signal number.
const NSIG: i64 = 65;

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

const SIGNALS: &[(&str, i64)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

/// The Python-level handler of each signal, once `signal` or `getsignal` touched it.
static HANDLERS: GilCell<Vec<Option<Value>>> = GilCell::new(Vec::new());

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_signal",
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("raise_signal", raise_signal),
            ("strsignal", strsignal),
            ("valid_signals", valid_signals),
            ("default_int_handler", default_int_handler),
            ("set_wakeup_fd", set_wakeup_fd),
        ],
    );
    for &(name, number) in SIGNALS {
        Module::set(&module, name, Value::Int(number));
    }
    Module::set(&module, "SIG_DFL", Value::Int(SIG_DFL));
    Module::set(&module, "SIG_IGN", Value::Int(SIG_IGN));
    Module::set(&module, "NSIG", Value::Int(NSIG));
    let handler = module
        .downcast::<Module>()
        .and_then(|m| m.dict.downcast::<pyrite_object::types::dict::PyDict>())
        .and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str("default_int_handler")));
    if let Some(handler) = handler
        && matches!(current(2), Value::Int(SIG_DFL))
    {
        drop(store(2, handler));
    }
    Ok(module)
}

fn signal_number(ctx: &mut Ctx, value: &Value) -> PyResult<i32> {
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let n = pyrite_object::methods::int::to_i64(&protocol::index(ctx, value, what)?)?;
    if !(1..NSIG).contains(&n) {
        return Err(PyErr::value_error("signal number out of range"));
    }
    i32::try_from(n).map_err(|_| PyErr::value_error("signal number out of range"))
}

/// The handler CPython starts with: `default_int_handler` for SIGINT, `SIG_IGN` for the
/// signals it ignores (SIGPIPE, SIGXFSZ), else `SIG_DFL`.
/// (SIGINT's `default_int_handler` is stored when the module is made.)
fn initial_handler(signum: i32) -> Value {
    match signum {
        13 | 25 => Value::Int(SIG_IGN),
        _ => Value::Int(SIG_DFL),
    }
}

fn current(signum: i32) -> Value {
    let index = usize::try_from(signum).unwrap_or(0);
    // SAFETY: only the GIL holder calls native functions; the closure only clones.
    let stored = unsafe { HANDLERS.with(|h| h.get(index).cloned().flatten()) };
    stored.unwrap_or_else(|| initial_handler(signum))
}

fn store(signum: i32, handler: Value) -> Option<Value> {
    let index = usize::try_from(signum).unwrap_or(0);
    // SAFETY: only the GIL holder calls native functions; the old value is returned to
    // be dropped outside.
    unsafe {
        HANDLERS.with(|h| {
            if h.len() <= index {
                h.resize(index + 1, None);
            }
            h[index].replace(handler)
        })
    }
}

fn is_default_int_handler(value: &Value) -> bool {
    value.downcast::<pyrite_object::types::function::BuiltinFunction>().is_some_and(|f| f.name == "default_int_handler")
}

fn signal(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("signal", args, 2, 2)?;
    let signum = signal_number(ctx, &values[0])?;
    let handler = &values[1];
    let previous = current(signum);
    // SIG_DFL and SIG_IGN may come as `signal.Handlers` members (an int subclass).
    let number = if protocol::isinstance(handler, &types().int) {
        Some(pyrite_object::methods::int::to_i64(handler).unwrap_or(-1))
    } else {
        None
    };
    match number {
        Some(h @ (SIG_DFL | SIG_IGN)) => {
            if matches!(signum, 9 | 19) {
                return Err(PyErr::new(&types().os_error, "[Errno 22] Invalid argument"));
            }
            let action = if h == SIG_IGN { libc::SIG_IGN } else { libc::SIG_DFL };
            // SAFETY: installing the system's default or ignore disposition runs no code of ours.
            unsafe { libc::signal(signum, action) };
        }
        Some(_) => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        }
        None if is_default_int_handler(handler) => {}
        None if signum == 2 && protocol::callable(handler) => {}
        None if !protocol::callable(handler) => {
            return Err(PyErr::type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        }
        None => {
            return Err(PyErr::not_implemented("signal.signal(): Pyrite cannot run Python signal handlers yet"));
        }
    }
    drop(store(signum, handler.clone()));
    Ok(previous)
}

/// The descriptor `set_wakeup_fd` recorded (-1: none).
static WAKEUP_FD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

/// `set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the previous descriptor.
fn set_wakeup_fd(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: pyrite_object::methods::params::Params =
        pyrite_object::methods::params::Params::new("set_wakeup_fd", &["fd", "warn_on_full_buffer"])
            .required(1)
            .positional_only(1)
            .keyword_only(1);
    let [fd, _] = PARAMS.bind(args)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let fd = pyrite_object::methods::int::to_i64(&protocol::index(ctx, fd.unwrap_or(&Value::None), what)?)?;
    let fd = i32::try_from(fd).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    if fd != -1 {
        // SAFETY: fcntl on an integer descriptor only reads its flags.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags < 0 {
            return Err(PyErr::with_args(&types().os_error, vec![Value::Int(9), Value::str("Bad file descriptor")]));
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(PyErr::value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(Value::Int(i64::from(WAKEUP_FD.swap(fd, std::sync::atomic::Ordering::Relaxed))))
}

fn getsignal(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("getsignal", args, 1, 1)?;
    let signum = signal_number(ctx, &values[0])?;
    Ok(current(signum))
}

fn raise_signal(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("raise_signal", args, 1, 1)?;
    let signum = signal_number(ctx, &values[0])?;
    let handler = current(signum);
    if is_default_int_handler(&handler) {
        return Err(PyErr::with_args(&types().keyboard_interrupt, Vec::new()));
    }
    // SAFETY: the disposition is SIG_DFL or SIG_IGN (no Python handler is ever installed),
    // so no code of ours runs inside the signal.
    if unsafe { libc::raise(signum) } != 0 {
        return Err(PyErr::new(&types().os_error, "raise_signal failed"));
    }
    Ok(Value::None)
}

fn strsignal(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("strsignal", args, 1, 1)?;
    let signum = signal_number(ctx, &values[0])?;
    // SAFETY: `strsignal` returns a pointer to a NUL-terminated string, copied at once.
    let text = unsafe {
        let p = libc::strsignal(signum);
        if p.is_null() { None } else { Some(std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()) }
    };
    Ok(text.map_or(Value::None, |t| Value::str(&t)))
}

fn valid_signals(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("valid_signals", args, 0, 0)?;
    let numbers = (1..NSIG).filter(|n| !matches!(n, 32 | 33)).map(Value::Int).collect();
    let set = PySet::from_values(ctx, numbers)?;
    Ok(Value::Obj(ObjRef::new(set, Some(&types().set))))
}

fn default_int_handler(_: &mut Ctx, _: Args<'_>) -> PyResult {
    Err(PyErr::with_args(&types().keyboard_interrupt, Vec::new()))
}
