//! The `time` module: clocks and `sleep` here, the calendar functions in `calendar.rs`.

mod calendar;

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("process_time", process_time),
            ("process_time_ns", process_time_ns),
            ("sleep", sleep),
            ("thread_time", thread_time),
            ("thread_time_ns", thread_time_ns),
            ("clock_gettime", clock_gettime_fn),
            ("clock_gettime_ns", clock_gettime_ns),
            ("clock_getres", clock_getres),
            ("get_clock_info", get_clock_info),
        ],
    );
    for (name, id) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        Module::set(&module, name, Value::Int(i64::from(id)));
    }
    calendar::install(&module);
    Ok(module)
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn time(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("time", args, 0, 0)?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("time_ns", args, 0, 0)?;
    Ok(nanoseconds(since_epoch()))
}

fn nanoseconds(d: Duration) -> Value {
    i64::try_from(d.as_nanos()).map_or_else(|_| Value::from(d.as_secs_f64()), Value::Int)
}

/// The monotonic clock's origin: the first time it is read.
fn clock_origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

fn monotonic(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("monotonic", args, 0, 0)?;
    Ok(Value::Float(clock_origin().elapsed().as_secs_f64()))
}

fn monotonic_ns(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("monotonic_ns", args, 0, 0)?;
    Ok(nanoseconds(clock_origin().elapsed()))
}

/// The time of a POSIX clock, `None` when the clock does not exist.
fn clock(id: libc::clockid_t) -> Option<Duration> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `clock_gettime` writes one timespec to the pointer it is given.
    let ok = unsafe { libc::clock_gettime(id, &raw mut ts) } == 0;
    ok.then(|| Duration::new(ts.tv_sec.unsigned_abs(), u32::try_from(ts.tv_nsec.clamp(0, 999_999_999)).unwrap_or(0)))
}

fn cpu_time() -> Duration {
    clock(libc::CLOCK_PROCESS_CPUTIME_ID).unwrap_or_default()
}

fn thread_time(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("thread_time", args, 0, 0)?;
    Ok(Value::Float(clock(libc::CLOCK_THREAD_CPUTIME_ID).unwrap_or_default().as_secs_f64()))
}

fn thread_time_ns(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("thread_time_ns", args, 0, 0)?;
    Ok(nanoseconds(clock(libc::CLOCK_THREAD_CPUTIME_ID).unwrap_or_default()))
}

fn clock_id(function: &str, args: Args<'_>) -> PyResult<Duration> {
    let values = check_args(function, args, 1, 1)?;
    let Value::Int(id) = values[0] else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            values[0].type_name()
        )));
    };
    let id = libc::clockid_t::try_from(id).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    clock(id).ok_or_else(|| {
        PyErr::with_args(&pyrite_object::types().os_error, vec![Value::Int(22), Value::str("Invalid argument")])
    })
}

fn clock_gettime_fn(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Float(clock_id("clock_gettime", args)?.as_secs_f64()))
}

fn clock_gettime_ns(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(nanoseconds(clock_id("clock_gettime_ns", args)?))
}

fn clock_getres(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    clock_id("clock_getres", args)?;
    Ok(Value::Float(1e-9))
}

/// `get_clock_info(name)`: how each clock of the module is implemented.
fn get_clock_info(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("get_clock_info", args, 1, 1)?;
    let name = values[0].as_str().map(|s| s.as_str().to_owned());
    let (implementation, monotonic, adjustable) = match name.as_deref() {
        Some("time") => ("clock_gettime(CLOCK_REALTIME)", false, true),
        Some("monotonic" | "perf_counter") => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        Some("process_time") => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        Some("thread_time") => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        Some(_) => return Err(PyErr::value_error("unknown clock")),
        None => {
            return Err(PyErr::type_error(format!(
                "get_clock_info() argument 1 must be str, not {}",
                values[0].type_name()
            )));
        }
    };
    Ok(Value::Obj(pyrite_vm::new_namespace(&[
        ("implementation", Value::str(implementation)),
        ("monotonic", Value::Bool(monotonic)),
        ("adjustable", Value::Bool(adjustable)),
        ("resolution", Value::Float(1e-9)),
    ])))
}

fn process_time(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("process_time", args, 0, 0)?;
    Ok(Value::Float(cpu_time().as_secs_f64()))
}

fn process_time_ns(_ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("process_time_ns", args, 0, 0)?;
    Ok(nanoseconds(cpu_time()))
}

fn sleep(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("sleep", args, 1, 1)?;
    // `sleep` takes a float or an object with `__index__`, as `_PyTime_FromSecondsObject`.
    let seconds = match &values[0] {
        v if v.as_f64().is_some() => pyrite_object::methods::float::as_double(ctx, v)?,
        v => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            let int = pyrite_object::protocol::index(ctx, v, what)?;
            pyrite_object::methods::float::as_double(ctx, &int)?
        }
    };
    if seconds.is_nan() || seconds < 0.0 {
        return Err(PyErr::value_error(if seconds.is_nan() {
            "Invalid value NaN (not a number)"
        } else {
            "sleep length must be non-negative"
        }));
    }
    std::thread::sleep(Duration::from_secs_f64(seconds.min(1e9)));
    Ok(Value::None)
}
