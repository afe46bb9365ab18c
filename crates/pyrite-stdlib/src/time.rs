//! The `time` module: clocks and `sleep`.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    Ok(Module::new_native(
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
        ],
    ))
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

fn cpu_time() -> Duration {
    let mut ts = libc_timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `clock_gettime` writes one timespec to the pointer it is given.
    let ok = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &raw mut ts) } == 0;
    if ok { Duration::new(ts.tv_sec.unsigned_abs(), ts.tv_nsec.clamp(0, 999_999_999) as u32) } else { Duration::ZERO }
}

#[repr(C)]
struct libc_timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

unsafe extern "C" {
    fn clock_gettime(clock: i32, ts: *mut libc_timespec) -> i32;
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
