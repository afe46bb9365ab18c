//! The calendar half of `time`: `struct_time`, `gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`, `strptime` (by `_strptime`, as CPython) and the time
//! zone attributes (`timezone`, `altzone`, `daylight`, `tzname`, `tzset`), on the C
//! library's `struct tm` functions as CPython's `timemodule.c` uses them.

use std::ffi::{CStr, CString};

use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::posix::structseq::StructSeqDesc;

/// `time.struct_time`: nine items, then `tm_zone` and `tm_gmtoff` as attributes.
pub static STRUCT_TIME: StructSeqDesc = StructSeqDesc::new(
    "struct_time",
    "time",
    &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    9,
);

/// Adds the calendar functions and the time zone attributes to the module.
pub fn install(module: &ObjRef) {
    let functions: &[(&'static str, pyrite_object::types::function::NativeFn)] = &[
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("strptime", strptime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("tzset", tzset),
    ];
    for &(name, func) in functions {
        Module::set(module, name, Value::Obj(pyrite_object::types::function::BuiltinFunction::new_obj(name, func)));
    }
    Module::set(module, "struct_time", Value::Obj(STRUCT_TIME.ty().clone()));
    Module::set(module, "_STRUCT_TM_ITEMS", Value::Int(11));
    set_zone_attributes(module);
}

/// A zeroed `struct tm`.
fn empty_tm() -> libc::tm {
    // SAFETY: `struct tm` is plain integers and one pointer, for which zero is valid (null).
    unsafe { std::mem::zeroed() }
}

/// Seconds since the epoch from a `time` argument (None: now), rounded down as CPython's
/// `_PyTime_ObjectToTime_t` with `_PyTime_ROUND_FLOOR`.
fn time_t_arg(ctx: &mut Ctx, value: Option<&Value>) -> PyResult<libc::time_t> {
    let value = match value {
        None | Some(Value::None) => {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            return Ok(libc::time_t::try_from(now.as_secs()).unwrap_or(libc::time_t::MAX));
        }
        Some(v) => v,
    };
    if let Some(f) = value.as_f64() {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let floored = f.floor();
        #[expect(clippy::cast_precision_loss, reason = "range check against the limits of time_t")]
        if !(floored >= libc::time_t::MIN as f64 && floored < libc::time_t::MAX as f64) {
            return Err(PyErr::overflow("timestamp out of range for platform time_t"));
        }
        #[expect(clippy::cast_possible_truncation, reason = "checked to be in range")]
        return Ok(floored as libc::time_t);
    }
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let int = protocol::index(ctx, value, what)?;
    match int {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => Err(PyErr::overflow("timestamp out of range for platform time_t")),
    }
}

fn os_error_from_errno() -> PyErr {
    let err = std::io::Error::last_os_error();
    let code = err.raw_os_error().unwrap_or(0);
    let message = err.to_string();
    let message = message.split(" (os error").next().unwrap_or(&message).to_owned();
    PyErr::with_args(&types().os_error, vec![Value::Int(i64::from(code)), Value::str(&message)])
}

/// `struct_time` from a `struct tm` (CPython's `tmtotuple`).
fn struct_time(tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: the C library set `tm_zone` to a NUL-terminated string that lives as
        // long as the time zone data.
        Value::str(&unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy())
    };
    STRUCT_TIME.instance(vec![
        Value::Int(i64::from(tm.tm_year) + 1900),
        Value::Int(i64::from(tm.tm_mon) + 1),
        Value::Int(i64::from(tm.tm_mday)),
        Value::Int(i64::from(tm.tm_hour)),
        Value::Int(i64::from(tm.tm_min)),
        Value::Int(i64::from(tm.tm_sec)),
        Value::Int(i64::from((tm.tm_wday + 6) % 7)),
        Value::Int(i64::from(tm.tm_yday) + 1),
        Value::Int(i64::from(tm.tm_isdst)),
        zone,
        Value::Int(tm.tm_gmtoff),
    ])
}

fn gmtime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("gmtime", args, 0, 1)?;
    let t = time_t_arg(ctx, values.first())?;
    let mut tm = empty_tm();
    // SAFETY: `gmtime_r` reads one time_t and writes one struct tm.
    if unsafe { libc::gmtime_r(&raw const t, &raw mut tm) }.is_null() {
        return Err(os_error_from_errno());
    }
    Ok(struct_time(&tm))
}

fn local(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: `localtime_r` reads one time_t and writes one struct tm.
    if unsafe { libc::localtime_r(&raw const t, &raw mut tm) }.is_null() {
        return Err(os_error_from_errno());
    }
    Ok(tm)
}

fn localtime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("localtime", args, 0, 1)?;
    let t = time_t_arg(ctx, values.first())?;
    Ok(struct_time(&local(t)?))
}

/// A `struct tm` from a 9-tuple or `struct_time` (CPython's `gettmarg`); the zone name
/// of a `struct_time` is returned too, to keep it alive while `tm` points at it.
fn tm_arg(ctx: &mut Ctx, value: &Value, function: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let Some(tuple) = value.downcast::<PyTuple>() else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    let items = tuple.items().to_vec();
    if items.len() != 9 {
        return Err(PyErr::type_error(format!("{function}(): illegal time tuple argument")));
    }
    let mut fields = [0i32; 9];
    for (slot, item) in fields.iter_mut().zip(&items) {
        if item.as_f64().is_some() {
            return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
        }
        let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
        let n = match protocol::index(ctx, item, what)? {
            Value::Int(i) => i,
            Value::Bool(b) => i64::from(b),
            _ => i64::MAX,
        };
        *slot = i32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    }
    let [year, mon, mday, hour, min, sec, wday, yday, isdst] = fields;
    let mut tm = empty_tm();
    tm.tm_year = year.wrapping_sub(1900);
    tm.tm_mon = mon - 1;
    tm.tm_mday = mday;
    tm.tm_hour = hour;
    tm.tm_min = min;
    tm.tm_sec = sec;
    tm.tm_wday = (wday + 1) % 7;
    tm.tm_yday = yday - 1;
    tm.tm_isdst = isdst;
    let mut zone = None;
    if value.type_ref().is_same(STRUCT_TIME.ty()) {
        if let Ok(name) = protocol::getattr_str(ctx, value, "tm_zone")
            && let Some(name) = name.as_str()
        {
            zone = CString::new(name.as_str()).ok();
        }
        if let Ok(Value::Int(offset)) = protocol::getattr_str(ctx, value, "tm_gmtoff") {
            tm.tm_gmtoff = offset;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// The current local time as a `struct tm`.
fn now_tm() -> PyResult<libc::tm> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    local(libc::time_t::try_from(now.as_secs()).unwrap_or(libc::time_t::MAX))
}

/// CPython's `checktm` for `asctime`: every field in its range.
fn check_tm(tm: &libc::tm) -> PyResult<()> {
    let checks = [
        (tm.tm_mon < 0 || tm.tm_mon > 11, "month out of range"),
        (tm.tm_mday < 1 || tm.tm_mday > 31, "day of month out of range"),
        (tm.tm_hour < 0 || tm.tm_hour > 23, "hour out of range"),
        (tm.tm_min < 0 || tm.tm_min > 59, "minute out of range"),
        (tm.tm_sec < 0 || tm.tm_sec > 61, "seconds out of range"),
        (tm.tm_wday < 0, "day of week out of range"),
        (tm.tm_yday < 0 || tm.tm_yday > 365, "day of year out of range"),
    ];
    match checks.iter().find(|(bad, _)| *bad) {
        Some((_, message)) => Err(PyErr::value_error(*message)),
        None => Ok(()),
    }
}

fn strftime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("strftime", args, 1, 2)?;
    let Some(format) = values[0].as_str() else {
        return Err(PyErr::type_error(format!("strftime() argument 1 must be str, not {}", values[0].type_name())));
    };
    let (mut tm, _zone) = match values.get(1) {
        Some(t) => tm_arg(ctx, t, "strftime")?,
        None => (now_tm()?, None),
    };
    // Zero fields stand for their first value, as CPython allows.
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    }
    check_tm(&tm)?;
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let text = format.as_str();
    if text.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    Ok(Value::str(&format_part(text, &tm)))
}

/// `strftime` of a format without NULs, growing the buffer as CPython does.
fn format_part(format: &str, tm: &libc::tm) -> String {
    if format.is_empty() {
        return String::new();
    }
    let Ok(c_format) = CString::new(format) else { return String::new() };
    let mut size = 1024;
    loop {
        let mut buffer = vec![0u8; size];
        // SAFETY: `strftime` writes at most `size` bytes (with the NUL) into the buffer.
        let n = unsafe { libc::strftime(buffer.as_mut_ptr().cast(), size, c_format.as_ptr(), tm) };
        if n > 0 || size >= 256 * format.len() {
            buffer.truncate(n);
            return String::from_utf8_lossy(&buffer).into_owned();
        }
        size *= 2;
    }
}

fn strptime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let module = pyrite_vm::import_module(ctx, "_strptime")?;
    let function = protocol::getattr_str(ctx, &module, "_strptime_time")?;
    protocol::call(ctx, &function, args)
}

fn mktime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("mktime", args, 1, 1)?;
    let (mut tm, _zone) = tm_arg(ctx, &values[0], "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: `mktime` normalizes the struct tm it is given.
    let t = unsafe { libc::mktime(&raw mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow("mktime argument out of range"));
    }
    #[expect(clippy::cast_precision_loss, reason = "time() is a float")]
    Ok(Value::Float(t as f64))
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `Thu Jan  1 00:00:00 1970`, as CPython's `_asctime`.
fn format_asctime(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[usize::try_from(tm.tm_wday).unwrap_or(0) % 7],
        MONTHS[usize::try_from(tm.tm_mon).unwrap_or(0) % 12],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        i64::from(tm.tm_year) + 1900
    )
}

fn asctime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("asctime", args, 0, 1)?;
    let tm = match values.first() {
        Some(t) => {
            let (tm, _) = tm_arg(ctx, t, "asctime")?;
            check_tm(&tm)?;
            tm
        }
        None => now_tm()?,
    };
    Ok(Value::str(&format_asctime(&tm)))
}

fn ctime(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("ctime", args, 0, 1)?;
    let t = time_t_arg(ctx, values.first())?;
    Ok(Value::str(&format_asctime(&local(t)?)))
}

fn tzset(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("tzset", args, 0, 0)?;
    // SAFETY: `tzset` only rereads the TZ environment variable.
    unsafe { tzset_c() };
    let module = pyrite_vm::import_module(ctx, "time")?;
    if let Some(m) = module.as_obj() {
        set_zone_attributes(m);
    }
    Ok(Value::None)
}

unsafe extern "C" {
    #[link_name = "tzset"]
    fn tzset_c();
}

/// `timezone`, `altzone`, `daylight` and `tzname` from the offsets of January and July of
/// this year (CPython's `init_timezone`).
fn set_zone_attributes(module: &ObjRef) {
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let t = libc::time_t::try_from(now.as_secs()).unwrap_or(0) / YEAR * YEAR;
    let zone = |t: libc::time_t| -> (i64, String) {
        match local(t) {
            Ok(tm) if !tm.tm_zone.is_null() => {
                // SAFETY: as in `struct_time`.
                (-tm.tm_gmtoff, unsafe { CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned())
            }
            Ok(tm) => (-tm.tm_gmtoff, String::new()),
            Err(_) => (0, "UTC".to_owned()),
        }
    };
    let (jan, jan_name) = zone(t);
    let (jul, jul_name) = zone(t + YEAR / 2);
    let (timezone, altzone, names) =
        if jan < jul { (jul, jan, (jul_name, jan_name)) } else { (jan, jul, (jan_name, jul_name)) };
    Module::set(module, "timezone", Value::Int(timezone));
    Module::set(module, "altzone", Value::Int(altzone));
    Module::set(module, "daylight", Value::Int(i64::from(jan != jul)));
    Module::set(module, "tzname", Value::Obj(PyTuple::new_obj(vec![Value::str(&names.0), Value::str(&names.1)])));
}
