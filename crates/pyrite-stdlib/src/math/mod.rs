//! The `math` module: CPython 3.11's functions and constants with its exact results and
//! exceptions.
//!
//! Floating-point functions call the platform libm as CPython does ([`libm`]), except
//! `gamma` and `lgamma`, which CPython computes itself ([`special`]). The rules that turn
//! a libm result into `ValueError: math domain error` or `OverflowError: math range error`
//! are CPython's `math_1`/`math_2` ([`real`]). Integer functions work on big ints
//! ([`integer`]); `fsum`, `hypot` and `dist` use CPython's exact summation and scaled norm
//! ([`sums`]). Argument errors are worded as CPython 3.11's Argument Clinic words them.
//! Nothing here panics on any input.

mod integer;
mod libm;
mod real;
mod special;
mod sums;

use pyrite_object::methods::check_args;
use pyrite_object::methods::float::as_double;
use pyrite_object::methods::params::Params;
use pyrite_object::methods::slots::call_dunder;
use pyrite_object::types::function::{Module, NativeFn};
use pyrite_object::types::int::PyInt;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, types};

const DOC: &str = "This module provides access to the mathematical functions\ndefined by the C standard.";

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", real::acos),
    ("acosh", real::acosh),
    ("asin", real::asin),
    ("asinh", real::asinh),
    ("atan", real::atan),
    ("atan2", real::atan2),
    ("atanh", real::atanh),
    ("cbrt", real::cbrt),
    ("ceil", integer::ceil),
    ("copysign", real::copysign),
    ("cos", real::cos),
    ("cosh", real::cosh),
    ("degrees", real::degrees),
    ("dist", sums::dist),
    ("erf", real::erf),
    ("erfc", real::erfc),
    ("exp", real::exp),
    ("exp2", real::exp2),
    ("expm1", real::expm1),
    ("fabs", real::fabs),
    ("factorial", integer::factorial),
    ("floor", integer::floor),
    ("fmod", real::fmod),
    ("frexp", real::frexp),
    ("fsum", sums::fsum),
    ("gamma", real::gamma),
    ("gcd", integer::gcd),
    ("hypot", sums::hypot),
    ("isclose", real::isclose),
    ("isfinite", real::isfinite),
    ("isinf", real::isinf),
    ("isnan", real::isnan),
    ("isqrt", integer::isqrt),
    ("lcm", integer::lcm),
    ("ldexp", real::ldexp),
    ("lgamma", real::lgamma),
    ("log", real::log),
    ("log1p", real::log1p),
    ("log10", real::log10),
    ("log2", real::log2),
    ("modf", real::modf),
    ("pow", real::pow),
    ("radians", real::radians),
    ("remainder", real::remainder),
    ("sin", real::sin),
    ("sinh", real::sinh),
    ("sqrt", real::sqrt),
    ("tan", real::tan),
    ("tanh", real::tanh),
    ("trunc", integer::trunc),
    ("prod", integer::prod),
    ("perm", integer::perm),
    ("comb", integer::comb),
    ("nextafter", real::nextafter),
    ("ulp", real::ulp),
];

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("math", FUNCTIONS);
    Module::set(&module, "__doc__", Value::str(DOC));
    Module::set(&module, "pi", Value::Float(std::f64::consts::PI));
    Module::set(&module, "e", Value::Float(std::f64::consts::E));
    Module::set(&module, "tau", Value::Float(std::f64::consts::TAU));
    Module::set(&module, "inf", Value::Float(f64::INFINITY));
    Module::set(&module, "nan", Value::float(f64::NAN));
    Ok(module)
}

/// The error a libm function signals through C's `errno`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Errno {
    /// `EDOM`: invalid argument or a pole.
    Domain,
    /// `ERANGE`: overflow (or underflow, which is not an error).
    Range,
}

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range_error() -> PyErr {
    PyErr::overflow("math range error")
}

/// CPython's `is_error`: a domain error is a `ValueError`; a range error is an
/// `OverflowError` unless the result is small (an underflow).
fn check_errno(r: f64, errno: Option<Errno>) -> PyResult<f64> {
    match errno {
        None => Ok(r),
        Some(Errno::Domain) => Err(domain_error()),
        Some(Errno::Range) if r.abs() < 1.5 => Ok(r),
        Some(Errno::Range) => Err(range_error()),
    }
}

/// The argument of a one-argument function (`METH_O`): `math.sin() takes exactly one
/// argument (0 given)`, `math.sin() takes no keyword arguments`.
fn one_arg<'a>(name: &str, args: Args<'a>) -> PyResult<&'a Value> {
    if args.kwnames.is_empty()
        && let [x] = args.values
    {
        return Ok(x);
    }
    let values = check_args(&format!("math.{name}"), args, 1, 1)?;
    values.first().ok_or_else(|| PyErr::type_error(format!("math.{name}() takes exactly one argument (0 given)")))
}

/// The arguments of a positional-only function taking `min..=max` arguments:
/// `fmod expected 2 arguments, got 1`, `math.fmod() takes no keyword arguments`.
fn positional<'a>(name: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let values = no_keywords(name, args)?;
    if values.len() < min || values.len() > max {
        return Err(pyrite_object::methods::arg_count_error(name, values.len(), min, max));
    }
    Ok(values)
}

/// The arguments of a function that takes any number of positional arguments.
fn no_keywords<'a>(name: &str, args: Args<'a>) -> PyResult<&'a [Value]> {
    if args.kwnames.is_empty() {
        Ok(args.values)
    } else {
        Err(PyErr::type_error(format!("math.{name}() takes no keyword arguments")))
    }
}

/// Binds arguments to `params` in the order and with the words of CPython 3.11's
/// `_PyArg_UnpackKeywords`: too many positional arguments, missing positional-only ones,
/// missing required ones, then a name given twice or a keyword nobody takes.
fn bind<'a, const N: usize>(params: &Params, args: Args<'a>) -> PyResult<[Option<&'a Value>; N]> {
    let name = params.name;
    let positional = args.pos();
    let given = positional.len();
    let max_positional = params.keyword_only_from;
    let min_positional = params.required.min(max_positional);
    let total = args.values.len();
    if total > params.names.len() {
        let max = params.names.len();
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} {}argument{} ({total} given)",
            if given == 0 { "keyword " } else { "" },
            if max == 1 { "" } else { "s" }
        )));
    }
    if given > max_positional {
        let kind = if min_positional < max_positional { "at most" } else { "exactly" };
        let plural = if max_positional == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{name}() takes {kind} {max_positional} positional argument{plural} ({given} given)"
        )));
    }
    let min_positional_only = params.positional_only.min(min_positional);
    if given < min_positional_only {
        let kind = if min_positional_only < max_positional { "at least" } else { "exactly" };
        let plural = if min_positional_only == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{name}() takes {kind} {min_positional_only} positional argument{plural} ({given} given)"
        )));
    }
    let key_text = |key: &'a Value| key.as_str().map_or("", PyStr::as_str);
    let mut out: [Option<&'a Value>; N] = [None; N];
    for (slot, value) in out.iter_mut().zip(positional) {
        *slot = Some(value);
    }
    let mut used = 0;
    for (i, (slot, wanted)) in out.iter_mut().zip(params.names).enumerate().skip(given) {
        if i >= params.positional_only {
            *slot = args.keywords().find(|(key, _)| key_text(key) == *wanted).map(|(_, value)| value);
            used += usize::from(slot.is_some());
        }
        if slot.is_none() && i < params.required {
            return Err(PyErr::type_error(format!("{name}() missing required argument '{wanted}' (pos {})", i + 1)));
        }
    }
    if used == args.kwnames.len() {
        return Ok(out);
    }
    for (i, wanted) in params.names.iter().enumerate().take(given).skip(params.positional_only) {
        if let Some((key, _)) = args.keywords().find(|(key, _)| key_text(key) == *wanted) {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{}') and position ({})",
                key_text(key),
                i + 1
            )));
        }
    }
    let known = &params.names[params.positional_only..];
    let unknown = args.keywords().map(|(key, _)| key_text(key)).find(|key| !known.contains(key)).unwrap_or("");
    Err(PyErr::type_error(format!("'{unknown}' is an invalid keyword argument for {name}()")))
}

/// `operator.index(v)`, with the `TypeError` CPython's `PyNumber_Index` raises.
fn index(ctx: &mut Ctx, v: &Value) -> PyResult<Value> {
    pyrite_object::protocol::index(ctx, v, |v| {
        format!("'{}' object cannot be interpreted as an integer", v.type_name())
    })
}

/// CPython's `PyFloat_AsDouble`: [`as_double`], except that an instance of an int
/// subclass converts through its class's own `__float__` when it defines one (CPython
/// calls the type's `nb_float`, which a Python `__float__` overrides).
fn to_double(ctx: &mut Ctx, v: &Value) -> PyResult<f64> {
    if let Value::Obj(o) = v
        && o.is::<PyInt>()
        && !o.type_ref().is_same(&types().int)
        && let Some(result) = call_dunder(ctx, v, "__float__", &[])?
    {
        return result.as_f64().ok_or_else(|| {
            PyErr::type_error(format!("{}.__float__ returned non-float (type {})", v.type_name(), result.type_name()))
        });
    }
    as_double(ctx, v)
}
