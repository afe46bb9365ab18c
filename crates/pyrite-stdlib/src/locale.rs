//! The `_locale` module, minimal: Pyrite runs in the C locale with UTF-8 as its encoding
//! (as CPython does under `C.UTF-8`), so `setlocale` accepts only the C/POSIX/C.UTF-8
//! locales (and `""`, the environment's, which is taken to be C.UTF-8), `localeconv`
//! gives the C locale's conventions, and `nl_langinfo(CODESET)` is `UTF-8`.

use pyrite_memory::GilCell;
use pyrite_object::methods::check_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyList;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

const LC_CTYPE: i64 = 0;
const LC_ALL: i64 = 6;
const CHAR_MAX: i64 = 127;
const CODESET: i64 = 14;

/// The current locale name of each category (`LC_CTYPE`..`LC_IDENTIFICATION`).
static CURRENT: GilCell<[&str; 13]> =
    GilCell::new(["C.UTF-8", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C", "C"]);

fn error_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("Error", "locale", Some(&types().exception), TYPE_BASETYPE))
}

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_locale",
        &[
            ("setlocale", setlocale),
            ("localeconv", localeconv),
            ("getencoding", getencoding),
            ("nl_langinfo", nl_langinfo),
            ("strcoll", strcoll),
            ("strxfrm", strxfrm),
        ],
    );
    let constants = [
        ("LC_CTYPE", LC_CTYPE),
        ("LC_NUMERIC", 1),
        ("LC_TIME", 2),
        ("LC_COLLATE", 3),
        ("LC_MONETARY", 4),
        ("LC_MESSAGES", 5),
        ("LC_ALL", LC_ALL),
        ("CHAR_MAX", CHAR_MAX),
        ("CODESET", CODESET),
    ];
    for (name, value) in constants {
        Module::set(&module, name, Value::Int(value));
    }
    Module::set(&module, "Error", Value::Obj(error_type().clone()));
    Ok(module)
}

fn category(ctx: &mut Ctx, value: &Value) -> PyResult<usize> {
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let n = pyrite_object::methods::int::to_i64(&protocol::index(ctx, value, what)?)?;
    usize::try_from(n).ok().filter(|&n| n < 13).ok_or_else(|| PyErr::new(error_type(), "invalid locale category"))
}

fn setlocale(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("setlocale", args, 1, 2)?;
    let cat = category(ctx, &values[0])?;
    let requested = values.get(1).filter(|v| !v.is_none());
    let Some(requested) = requested else {
        // SAFETY: only the GIL holder calls native functions; the closure only reads.
        let name = unsafe { CURRENT.with(|c| query(c, cat)) };
        return Ok(Value::str(&name));
    };
    let name = requested.as_str().map(|s| s.as_str().to_owned()).ok_or_else(|| {
        PyErr::type_error(format!("setlocale() argument 2 must be str or None, not {}", requested.type_name()))
    })?;
    let canonical = match name.as_str() {
        "" | "C.UTF-8" | "C.utf8" | "C.utf-8" => "C.UTF-8",
        "C" | "POSIX" => "C",
        _ => return Err(PyErr::new(error_type(), "unsupported locale setting")),
    };
    // SAFETY: as above; the closure only writes `&'static str`s.
    let result = unsafe {
        CURRENT.with(|c| {
            if cat == 6 {
                c.iter_mut().for_each(|n| *n = canonical);
            } else {
                c[cat] = canonical;
            }
            query(c, cat)
        })
    };
    Ok(Value::str(&result))
}

/// The name `setlocale(cat)` reports: `LC_ALL` as one name when all agree, else glibc's
/// `LC_CTYPE=...;LC_NUMERIC=...` list.
fn query(current: &[&str; 13], cat: usize) -> String {
    if cat != 6 {
        return current[cat].to_owned();
    }
    if current.iter().all(|n| *n == current[0]) {
        return current[0].to_owned();
    }
    const NAMES: [&str; 13] = [
        "LC_CTYPE",
        "LC_NUMERIC",
        "LC_TIME",
        "LC_COLLATE",
        "LC_MONETARY",
        "LC_MESSAGES",
        "",
        "LC_PAPER",
        "LC_NAME",
        "LC_ADDRESS",
        "LC_TELEPHONE",
        "LC_MEASUREMENT",
        "LC_IDENTIFICATION",
    ];
    let parts: Vec<String> =
        NAMES.iter().zip(current).filter(|(n, _)| !n.is_empty()).map(|(n, v)| format!("{n}={v}")).collect();
    parts.join(";")
}

fn localeconv(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("localeconv", args, 0, 0)?;
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        let empty = || Value::str("");
        for key in ["int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep"] {
            d.set_str(key, empty());
        }
        d.set_str("mon_grouping", Value::Obj(PyList::new_obj(Vec::new())));
        d.set_str("positive_sign", empty());
        d.set_str("negative_sign", empty());
        for key in [
            "int_frac_digits",
            "frac_digits",
            "p_cs_precedes",
            "p_sep_by_space",
            "n_cs_precedes",
            "n_sep_by_space",
            "p_sign_posn",
            "n_sign_posn",
        ] {
            d.set_str(key, Value::Int(CHAR_MAX));
        }
        d.set_str("decimal_point", Value::str("."));
        d.set_str("thousands_sep", empty());
        d.set_str("grouping", Value::Obj(PyList::new_obj(Vec::new())));
    }
    Ok(Value::Obj(dict))
}

fn getencoding(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getencoding", args, 0, 0)?;
    Ok(Value::str("UTF-8"))
}

fn nl_langinfo(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("nl_langinfo", args, 1, 1)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let key = pyrite_object::methods::int::to_i64(&protocol::index(ctx, &values[0], what)?)?;
    if key == CODESET {
        return Ok(Value::str("UTF-8"));
    }
    Err(PyErr::value_error("unsupported langinfo constant"))
}

fn text(value: &Value, func: &str, n: usize) -> PyResult<Vec<u32>> {
    value
        .as_str()
        .map(|s| s.code_points().collect())
        .ok_or_else(|| PyErr::type_error(format!("{func}() argument {n} must be str, not {}", value.type_name())))
}

/// `strcoll(a, b)`: the C locale compares code points.
fn strcoll(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("strcoll", args, 2, 2)?;
    let (a, b) = (text(&values[0], "strcoll", 1)?, text(&values[1], "strcoll", 2)?);
    Ok(Value::Int(match a.cmp(&b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}

/// `strxfrm(s)`: in the C locale, the string itself.
fn strxfrm(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("strxfrm", args, 1, 1)?;
    text(&values[0], "strxfrm", 1)?;
    Ok(values[0].clone())
}
