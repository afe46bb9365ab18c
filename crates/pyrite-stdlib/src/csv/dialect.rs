//! `_csv.Dialect`: the checked, read-only formatting parameters readers and writers use,
//! built from a registered name, any object with the attributes (`csv.excel`), and
//! keyword overrides, with CPython's validation and messages.

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{Kind, add_getset};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, TYPE_HEAPTYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// `csv.QUOTE_MINIMAL`, `QUOTE_ALL`, `QUOTE_NONNUMERIC`, `QUOTE_NONE`.
pub const QUOTE_MINIMAL: i64 = 0;
pub const QUOTE_ALL: i64 = 1;
pub const QUOTE_NONNUMERIC: i64 = 2;
pub const QUOTE_NONE: i64 = 3;

/// The parameters, with characters as code points.
pub struct Dialect {
    pub delimiter: u32,
    pub quotechar: Option<u32>,
    pub escapechar: Option<u32>,
    pub doublequote: bool,
    pub skipinitialspace: bool,
    pub strict: bool,
    pub quoting: i64,
    /// The terminator's code points, and the str object itself for the attribute.
    pub lineterminator: Vec<u32>,
    lineterminator_obj: Value,
}

impl Trace for Dialect {}

payload!(Dialect, "_csv.Dialect", untracked);

/// The parameter names, in the order `Dialect(...)` takes them.
const NAMES: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// The `_csv.Dialect` type.
pub fn dialect_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Dialect", "_csv", None, TYPE_BASETYPE, |s| {
            s.new = Some(|ctx, ty, args| {
                let (positional, keywords) = split_keywords(args);
                make(ctx, ty, &positional, &keywords)
            });
        });
        add_getset(
            &ty,
            Kind::GetSet,
            &[
                ("delimiter", |_, v| Ok(char_value(Some(this(v)?.delimiter))), None),
                ("escapechar", |_, v| Ok(char_value(this(v)?.escapechar)), None),
                ("lineterminator", |_, v| Ok(this(v)?.lineterminator_obj.clone()), None),
                ("quotechar", |_, v| Ok(char_value(this(v)?.quotechar)), None),
                ("quoting", |_, v| Ok(Value::Int(this(v)?.quoting)), None),
            ],
        );
        add_getset(
            &ty,
            Kind::Member,
            &[
                ("doublequote", |_, v| Ok(Value::Bool(this(v)?.doublequote)), None),
                ("skipinitialspace", |_, v| Ok(Value::Bool(this(v)?.skipinitialspace)), None),
                ("strict", |_, v| Ok(Value::Bool(this(v)?.strict)), None),
            ],
        );
        ty
    })
}

fn this(v: &Value) -> PyResult<&Dialect> {
    v.downcast::<Dialect>().ok_or_else(|| PyErr::type_error("descriptor requires a '_csv.Dialect' object"))
}

fn char_value(c: Option<u32>) -> Value {
    c.map_or(Value::None, |c| Value::Obj(PyStr::from_code_points_obj(&[c])))
}

/// `_call_dialect`: a Dialect from an optional dialect argument and keyword parameters.
pub fn call_dialect(ctx: &mut Ctx, dialect: Option<&Value>, keywords: &[(String, Value)]) -> PyResult<Value> {
    let positional: Vec<Value> = dialect.into_iter().cloned().collect();
    make(ctx, dialect_type(), &positional, keywords)
}

/// Binds `Dialect(dialect, delimiter, ...)` arguments with the messages of CPython's
/// `PyArg_ParseTupleAndKeywords`.
fn bind(positional: &[Value], keywords: &[(String, Value)]) -> PyResult<[Option<Value>; 9]> {
    if positional.len() + keywords.len() > NAMES.len() {
        return Err(PyErr::type_error(format!(
            "function takes at most 9 arguments ({} given)",
            positional.len() + keywords.len()
        )));
    }
    let mut values: [Option<Value>; 9] = Default::default();
    for (slot, v) in values.iter_mut().zip(positional) {
        *slot = Some(v.clone());
    }
    for (name, value) in keywords {
        let Some(index) = NAMES.iter().position(|n| n == name) else {
            return Err(PyErr::type_error(format!("'{name}' is an invalid keyword argument for this function")));
        };
        if index < positional.len() {
            return Err(PyErr::type_error(format!(
                "argument for function given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        values[index] = Some(value.clone());
    }
    Ok(values)
}

/// A character parameter: `Ok(None)` for None where allowed.
fn char_param(name: &str, value: &Value, none_ok: bool) -> PyResult<Option<u32>> {
    if none_ok && value.is_none() {
        return Ok(None);
    }
    let Some(s) = value.as_str().filter(|_| protocol::isinstance(value, &types().str)) else {
        let expected = if none_ok { "string or None" } else { "string" };
        return Err(PyErr::type_error(format!("\"{name}\" must be {expected}, not {}", value.type_name())));
    };
    let mut points = s.code_points();
    match (points.next(), points.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(PyErr::type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// `dialect_new`.
fn make(ctx: &mut Ctx, ty: &ObjRef, positional: &[Value], keywords: &[(String, Value)]) -> PyResult<Value> {
    let mut values = bind(positional, keywords)?;
    let mut source = values[0].take();
    if let Some(name) = source.as_ref().filter(|d| protocol::isinstance(d, &types().str)) {
        source = Some(super::registered(name)?);
    }
    if let Some(src) = &source
        && src.downcast::<Dialect>().is_some()
        && values[1..].iter().all(Option::is_none)
    {
        // An existing Dialect without overrides is used as it is.
        return Ok(src.clone());
    }
    if let Some(src) = &source {
        for (slot, name) in values.iter_mut().zip(NAMES).skip(1) {
            if slot.is_none() {
                // A missing attribute keeps the default, as CPython clears the error.
                *slot = protocol::getattr_str(ctx, src, name).ok();
            }
        }
    }
    let [_, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = values;
    let delimiter = match &delimiter {
        Some(d) => char_param("delimiter", d, false)?.unwrap_or(u32::from(',')),
        None => u32::from(','),
    };
    let doublequote = match &doublequote {
        Some(b) => protocol::truthy(ctx, b)?,
        None => true,
    };
    let escapechar = match &escapechar {
        Some(e) => char_param("escapechar", e, true)?,
        None => None,
    };
    let lineterminator = match lineterminator {
        None => Some(Value::str("\r\n")),
        Some(v) if v.is_none() => None,
        Some(v) if protocol::isinstance(&v, &types().str) => Some(v),
        Some(_) => return Err(PyErr::type_error("\"lineterminator\" must be a string")),
    };
    let quotechar_none = quotechar.as_ref().is_some_and(Value::is_none);
    let quotechar = match &quotechar {
        Some(q) => char_param("quotechar", q, true)?,
        None => Some(u32::from('"')),
    };
    let quoting_given = quoting.is_some();
    let mut quoting = match &quoting {
        None => QUOTE_MINIMAL,
        Some(q) => {
            if !q.type_ref().is_same(&types().int) {
                return Err(PyErr::type_error("\"quoting\" must be an integer"));
            }
            let n = pyrite_object::methods::int::to_i64(q)
                .map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
            if i32::try_from(n).is_err() {
                return Err(PyErr::overflow("Python int too large to convert to C int"));
            }
            n
        }
    };
    let skipinitialspace = match &skipinitialspace {
        Some(b) => protocol::truthy(ctx, b)?,
        None => false,
    };
    let strict = match &strict {
        Some(b) => protocol::truthy(ctx, b)?,
        None => false,
    };
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(PyErr::type_error("bad \"quoting\" value"));
    }
    if quotechar_none && !quoting_given {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(PyErr::type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator_obj) = lineterminator else {
        return Err(PyErr::type_error("lineterminator must be set"));
    };
    let lineterminator = lineterminator_obj.as_str().map(|s| s.code_points().collect()).unwrap_or_default();
    let payload = Dialect {
        delimiter,
        quotechar,
        escapechar,
        doublequote,
        skipinitialspace,
        strict,
        quoting,
        lineterminator,
        lineterminator_obj,
    };
    let obj = if type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0 {
        ObjRef::new_with_dict(payload, Some(ty))
    } else {
        ObjRef::new(payload, Some(ty))
    };
    Ok(Value::Obj(obj))
}

/// Splits a call's arguments into positional values and `(name, value)` keywords.
pub fn split_keywords(args: Args<'_>) -> (Vec<Value>, Vec<(String, Value)>) {
    let keywords = args
        .keywords()
        .map(|(k, v)| (k.as_str().map_or_else(String::new, |s| s.as_str().to_owned()), v.clone()))
        .collect();
    (args.pos().to_vec(), keywords)
}
