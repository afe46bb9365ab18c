//! The descriptive parts of `sys` (flags, float/int/hash info, hooks and switches) that
//! the standard library reads at import time.

use std::sync::atomic::{AtomicI64, Ordering};

use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::structseq::{self, StructSeqSpec};
use pyrite_object::types::typeobj::StaticType;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value};

fn structseq_value(ty: &StaticType, spec: &StructSeqSpec, values: Vec<Value>) -> Value {
    let ty = ty.get_or_init(|| structseq::new_type(spec));
    structseq::new_instance(ty, values).map_or(Value::None, Value::Obj)
}

/// `sys.flags.int_max_str_digits`: the limit set by `-X int_max_str_digits` or
/// `PYTHONINTMAXSTRDIGITS`, -1 when neither gave one.
static CONFIGURED_MAX_STR_DIGITS: AtomicI64 = AtomicI64::new(-1);

/// Applies a limit on int/str conversion digits given at start-up (`-X int_max_str_digits`,
/// `PYTHONINTMAXSTRDIGITS`); `false` for a limit CPython refuses (below 640 but not 0).
pub fn configure_int_max_str_digits(limit: usize) -> bool {
    if pyrite_object::num::set_max_str_digits(limit).is_err() {
        return false;
    }
    CONFIGURED_MAX_STR_DIGITS.store(i64::try_from(limit).unwrap_or(i64::MAX), Ordering::Relaxed);
    true
}

/// `sys.flags`.
pub fn flags(dont_write_bytecode: bool) -> Value {
    static TYPE: StaticType = StaticType::new();
    const SPEC: StructSeqSpec = StructSeqSpec {
        name: "sys.flags",
        fields: &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
        visible: 18,
    };
    let hash_randomization = std::env::var("PYTHONHASHSEED").map_or(1, |s| i64::from(s != "0"));
    let mut values: Vec<Value> = vec![Value::Int(0); 18];
    values[4] = Value::Int(i64::from(dont_write_bytecode));
    values[11] = Value::Int(hash_randomization);
    values[13] = Value::Bool(false);
    values[16] = Value::Bool(false);
    values[17] = Value::Int(CONFIGURED_MAX_STR_DIGITS.load(Ordering::Relaxed));
    structseq_value(&TYPE, &SPEC, values)
}

fn float_info() -> Value {
    static TYPE: StaticType = StaticType::new();
    const SPEC: StructSeqSpec = StructSeqSpec {
        name: "sys.float_info",
        fields: &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        visible: 11,
    };
    let values = vec![
        Value::Float(f64::MAX),
        Value::Int(i64::from(f64::MAX_EXP)),
        Value::Int(i64::from(f64::MAX_10_EXP)),
        Value::Float(f64::MIN_POSITIVE),
        Value::Int(i64::from(f64::MIN_EXP)),
        Value::Int(i64::from(f64::MIN_10_EXP)),
        Value::Int(i64::from(f64::DIGITS)),
        Value::Int(i64::from(f64::MANTISSA_DIGITS)),
        Value::Float(f64::EPSILON),
        Value::Int(i64::from(f64::RADIX)),
        Value::Int(1),
    ];
    structseq_value(&TYPE, &SPEC, values)
}

fn int_info() -> Value {
    static TYPE: StaticType = StaticType::new();
    const SPEC: StructSeqSpec = StructSeqSpec {
        name: "sys.int_info",
        fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
        visible: 4,
    };
    let values = vec![
        Value::Int(30),
        Value::Int(4),
        Value::from(pyrite_object::num::DEFAULT_MAX_STR_DIGITS),
        Value::from(pyrite_object::num::MAX_STR_DIGITS_THRESHOLD),
    ];
    structseq_value(&TYPE, &SPEC, values)
}

fn hash_info() -> Value {
    static TYPE: StaticType = StaticType::new();
    const SPEC: StructSeqSpec = StructSeqSpec {
        name: "sys.hash_info",
        fields: &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
        visible: 9,
    };
    let values = vec![
        Value::Int(64),
        Value::Int((1 << 61) - 1),
        Value::Int(314_159),
        Value::Int(0),
        Value::Int(1_000_003),
        Value::str("siphash13"),
        Value::Int(64),
        Value::Int(128),
        Value::Int(0),
    ];
    structseq_value(&TYPE, &SPEC, values)
}

fn thread_info() -> Value {
    static TYPE: StaticType = StaticType::new();
    const SPEC: StructSeqSpec =
        StructSeqSpec { name: "sys.thread_info", fields: &["name", "lock", "version"], visible: 3 };
    structseq_value(&TYPE, &SPEC, vec![Value::str("pthread"), Value::str("mutex+cond"), Value::None])
}

/// Adds the descriptive attributes and the hook functions to `sys`'s dict.
pub fn install(sys: &PyDict, dont_write_bytecode: bool) {
    sys.set_str("flags", flags(dont_write_bytecode));
    sys.set_str("float_info", float_info());
    sys.set_str("int_info", int_info());
    sys.set_str("hash_info", hash_info());
    sys.set_str("thread_info", thread_info());
    sys.set_str("warnoptions", Value::Obj(PyList::new_obj(Vec::new())));
    sys.set_str("_xoptions", Value::Obj(PyDict::new_obj()));
    sys.set_str("maxunicode", Value::Int(0x10_FFFF));
    sys.set_str("api_version", Value::Int(1013));
    sys.set_str("abiflags", Value::str(""));
    sys.set_str("float_repr_style", Value::str("short"));
    sys.set_str("pycache_prefix", Value::None);
    sys.set_str(
        "copyright",
        Value::str("Pyrite: a Python 3.11 interpreter in Rust. Python is Copyright (c) Python Software Foundation."),
    );
    sys.set_str("_git", Value::Obj(PyTuple::new_obj(vec![Value::str("pyrite"), Value::str(""), Value::str("")])));
    let functions: &[(&'static str, pyrite_object::types::function::NativeFn)] = &[
        ("getswitchinterval", |_, args| {
            check_args("getswitchinterval", args, 0, 0)?;
            Ok(Value::Float(0.005))
        }),
        ("setswitchinterval", set_switch_interval),
        ("gettrace", crate::eval::trace::sys_gettrace),
        ("getprofile", crate::eval::trace::sys_getprofile),
        ("settrace", crate::eval::trace::sys_settrace),
        ("setprofile", crate::eval::trace::sys_setprofile),
        ("audit", |_, _| Ok(Value::None)),
        ("addaudithook", |_, _| Err(PyErr::not_implemented("sys.addaudithook() is not supported yet"))),
        ("is_finalizing", |_, args| {
            check_args("is_finalizing", args, 0, 0)?;
            Ok(Value::Bool(false))
        }),
        ("get_asyncgen_hooks", crate::asyncgen::get_asyncgen_hooks),
        ("set_asyncgen_hooks", crate::asyncgen::set_asyncgen_hooks),
        ("get_coroutine_origin_tracking_depth", |_, args| {
            check_args("get_coroutine_origin_tracking_depth", args, 0, 0)?;
            Ok(Value::Int(0))
        }),
        ("getfilesystemencodeerrors", |_, args| {
            check_args("getfilesystemencodeerrors", args, 0, 0)?;
            Ok(Value::str("surrogateescape"))
        }),
        ("get_int_max_str_digits", |_, args| {
            check_args("get_int_max_str_digits", args, 0, 0)?;
            Ok(Value::from(pyrite_object::num::max_str_digits()))
        }),
        ("set_int_max_str_digits", set_int_max_str_digits),
    ];
    for &(name, func) in functions {
        sys.set_str(name, Value::Obj(BuiltinFunction::new_in_module("sys", name, func)));
    }
}

const SET_INT_MAX_STR_DIGITS: Params = Params::new("set_int_max_str_digits", &["maxdigits"]).required(1);

fn set_int_max_str_digits(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [maxdigits] = SET_INT_MAX_STR_DIGITS.bind(args)?;
    let maxdigits = maxdigits.ok_or_else(|| PyErr::new_system("set_int_max_str_digits() argument"))?;
    let n = pyrite_object::protocol::index(ctx, maxdigits, |v| {
        format!("'{}' object cannot be interpreted as an integer", v.type_name())
    })?;
    let n = pyrite_object::methods::int::to_i64(&n)?;
    let n = usize::try_from(n).unwrap_or(1);
    pyrite_object::num::set_max_str_digits(n).map_err(PyErr::value_error)?;
    Ok(Value::None)
}

fn set_switch_interval(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("setswitchinterval", args, 1, 1)?;
    let interval = pyrite_object::methods::float::as_double(ctx, &values[0])?;
    if interval <= 0.0 {
        return Err(PyErr::value_error("switch interval must be strictly positive"));
    }
    Ok(Value::None)
}
