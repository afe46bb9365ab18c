//! The `unicodedata` module on CPython 3.11's Unicode 14.0.0 database (`tables`, read from
//! `ucd.bin`, which `xtask/gen_unicodedata.py` generates from CPython's own module), with
//! `names` (name, lookup) and `normalize` (the four normalization forms). The module's
//! functions answer for 14.0.0; the same functions as methods of `ucd_3_2_0` (an
//! `unicodedata.UCD`) answer for Unicode 3.2.0, which `stringprep` and the IDNA codec use.

mod names;
mod normalize;
mod tables;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::types::function::{Module, NativeFn};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use tables::{Version, ucd};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let functions = functions::<false>();
    let module = Module::new_native("unicodedata", &functions);
    Module::set(&module, "unidata_version", Value::str("14.0.0"));
    Module::set(&module, "UCD", Value::Obj(ucd_type().clone()));
    Module::set(&module, "ucd_3_2_0", Value::Obj(ObjRef::new(UcdObject, Some(ucd_type()))));
    Module::set(&module, "__doc__", Value::str(DOC));
    Ok(module)
}

/// The Unicode 14.0.0 name of `cp`, for the `namereplace` error handler.
pub fn char_name(cp: u32) -> Option<String> {
    names::name(Version::Current, cp)
}

const DOC: &str = "This module provides access to the Unicode Character Database which
defines character properties for all Unicode characters. The data in
this database is based on the UnicodeData.txt file version
14.0.0 which is publicly available from ftp://ftp.unicode.org/.

The module uses the same names and symbols as defined by the
UnicodeData File Format 14.0.0.";

/// The functions, as module functions (`M = false`, Unicode 14.0.0) or as methods of
/// `ucd_3_2_0` (`M = true`).
fn functions<const M: bool>() -> [(&'static str, NativeFn); 13] {
    [
        ("decimal", decimal::<M>),
        ("digit", digit::<M>),
        ("numeric", numeric::<M>),
        ("category", category::<M>),
        ("bidirectional", bidirectional::<M>),
        ("combining", combining::<M>),
        ("mirrored", mirrored::<M>),
        ("east_asian_width", east_asian_width::<M>),
        ("decomposition", decomposition::<M>),
        ("is_normalized", is_normalized::<M>),
        ("normalize", normalize::<M>),
        ("name", name::<M>),
        ("lookup", lookup::<M>),
    ]
}

/// `ucd_3_2_0`, the only `UCD` object.
struct UcdObject;

impl Trace for UcdObject {}
payload!(UcdObject, "unicodedata.UCD", untracked);

fn ucd_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("UCD", "unicodedata", None, 0, |s| {
            s.new = Some(|_, _, _| Err(PyErr::type_error("cannot create 'unicodedata.UCD' instances")));
            s.getattro = Some(|ctx, v, name| {
                if name.as_str().is_some_and(|n| n.as_str() == "unidata_version") {
                    return Ok(Value::str("3.2.0"));
                }
                protocol::generic_getattr(ctx, v, name)
            });
        });
        add_methods(&ty, "UCD", &functions::<true>());
        attrdescr::add(&ty, Kind::Member, &["unidata_version"]);
        ty
    })
}

fn version<const M: bool>() -> Version {
    if M { Version::V3_2 } else { Version::Current }
}

/// The positional arguments after `self` (checked to be the `UCD` object) for methods.
fn arguments<'a, const M: bool>(name: &str, args: &Args<'a>) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", qualified::<M>(name))));
    }
    if !M {
        return Ok(args.values);
    }
    match args.values.split_first() {
        Some((this, rest)) if this.downcast::<UcdObject>().is_some() => Ok(rest),
        Some((this, _)) => Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'unicodedata.UCD' objects doesn't apply to a '{}' object",
            this.type_name()
        ))),
        None => Err(PyErr::type_error(format!("descriptor '{name}' of 'unicodedata.UCD' object needs an argument"))),
    }
}

fn qualified<const M: bool>(name: &str) -> String {
    if M { format!("UCD.{name}") } else { format!("unicodedata.{name}") }
}

/// The argument of a one-argument function.
fn one<'a, const M: bool>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    match arguments::<M>(name, args)? {
        [v] => Ok(v),
        rest => Err(PyErr::type_error(format!(
            "{}() takes exactly one argument ({} given)",
            qualified::<M>(name),
            rest.len()
        ))),
    }
}

/// A character argument (a str of length 1).
fn char_arg(name: &str, v: &Value) -> PyResult<u32> {
    match v.as_str() {
        Some(s) if s.len() == 1 => Ok(s.code_point(0)),
        _ => Err(PyErr::type_error(format!("{name}() argument must be a unicode character, not {}", v.type_name()))),
    }
}

fn record<const M: bool>(name: &str, args: &Args<'_>) -> PyResult<tables::Record> {
    let c = char_arg(name, one::<M>(name, args)?)?;
    Ok(ucd().record(version::<M>(), c))
}

fn category<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let r = record::<M>("category", &args)?;
    Ok(Value::str(ucd().categories[usize::from(r.category)]))
}

fn bidirectional<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let r = record::<M>("bidirectional", &args)?;
    Ok(Value::str(ucd().bidirectionals[usize::from(r.bidirectional)]))
}

fn combining<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let r = record::<M>("combining", &args)?;
    Ok(Value::Int(i64::from(r.combining)))
}

fn mirrored<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let r = record::<M>("mirrored", &args)?;
    Ok(Value::Int(i64::from(r.mirrored)))
}

fn east_asian_width<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let r = record::<M>("east_asian_width", &args)?;
    Ok(Value::str(ucd().widths[usize::from(r.east_asian_width)]))
}

fn decomposition<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let c = char_arg("decomposition", one::<M>("decomposition", &args)?)?;
    let u = ucd();
    if u.unassigned_in(version::<M>(), c) {
        return Ok(Value::str(""));
    }
    let Some((prefix, points)) = u.decomposition(c) else { return Ok(Value::str("")) };
    let mut parts: Vec<String> = Vec::with_capacity(points.len() + 1);
    if prefix != 0 {
        parts.push(u.prefixes[usize::from(prefix)].to_owned());
    }
    parts.extend(points.iter().map(|p| format!("{p:04X}")));
    Ok(Value::str(&parts.join(" ")))
}

/// `(chr, default)` of `decimal`, `digit`, `numeric` and `name`.
fn char_and_default<'a, const M: bool>(name: &str, args: &Args<'a>) -> PyResult<(u32, Option<&'a Value>)> {
    let values = arguments::<M>(name, args)?;
    if values.is_empty() || values.len() > 2 {
        return Err(pyrite_object::methods::arg_count_error(name, values.len(), 1, 2));
    }
    Ok((char_arg(name, &values[0])?, values.get(1)))
}

fn numeric_value<const M: bool>(
    name: &str,
    args: &Args<'_>,
    get: impl Fn(tables::Numeric) -> Option<Value>,
    missing: &str,
) -> PyResult {
    let (c, default) = char_and_default::<M>(name, args)?;
    match get(ucd().numeric(version::<M>(), c)) {
        Some(v) => Ok(v),
        None => default.cloned().ok_or_else(|| PyErr::value_error(missing)),
    }
}

fn decimal<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    numeric_value::<M>("decimal", &args, |n| n.decimal.map(|d| Value::Int(i64::from(d))), "not a decimal")
}

fn digit<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    numeric_value::<M>("digit", &args, |n| n.digit.map(|d| Value::Int(i64::from(d))), "not a digit")
}

fn numeric<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    numeric_value::<M>("numeric", &args, |n| n.numeric.map(Value::float), "not a numeric character")
}

fn name<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (c, default) = char_and_default::<M>("name", &args)?;
    match names::name(version::<M>(), c) {
        Some(n) => Ok(Value::str(&n)),
        None => default.cloned().ok_or_else(|| PyErr::value_error("no such name")),
    }
}

/// The longest name `lookup` accepts (CPython's `NAME_MAXLEN`).
const NAME_MAXLEN: usize = 256;

fn lookup<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let arg = one::<M>("lookup", &args)?;
    let text = if let Some(s) = arg.as_str() {
        s.as_str().to_owned()
    } else if let Some(bytes) = pyrite_object::methods::bytes::buffer_bytes(arg) {
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", arg.type_name())));
    };
    if text.len() > NAME_MAXLEN {
        return Err(PyErr::key_error(Value::str("name too long")));
    }
    match names::lookup(version::<M>(), &text) {
        Some(points) => Ok(Value::Obj(PyStr::from_code_points_obj(&points))),
        None => Err(PyErr::key_error(Value::str(&format!("undefined character name '{text}'")))),
    }
}

/// `(form, unistr)` of `normalize` and `is_normalized`.
fn form_and_text<const M: bool>(name: &str, args: &Args<'_>) -> PyResult<(&'static str, Vec<u32>, Value)> {
    let values = arguments::<M>(name, args)?;
    if values.len() != 2 {
        return Err(pyrite_object::methods::arg_count_error(name, values.len(), 2, 2));
    }
    let Some(form) = values[0].as_str() else {
        return Err(PyErr::type_error(format!("{name}() argument 1 must be str, not {}", values[0].type_name())));
    };
    let Some(text) = values[1].as_str() else {
        return Err(PyErr::type_error(format!("{name}() argument 2 must be str, not {}", values[1].type_name())));
    };
    let form = match form.as_str() {
        "NFC" => "NFC",
        "NFKC" => "NFKC",
        "NFD" => "NFD",
        "NFKD" => "NFKD",
        _ => return Err(PyErr::value_error("invalid normalization form")),
    };
    Ok((form, text.code_points().collect(), values[1].clone()))
}

fn normalized(version: Version, form: &str, text: &[u32]) -> Vec<u32> {
    match form {
        "NFC" => normalize::compose(version, text, false),
        "NFKC" => normalize::compose(version, text, true),
        "NFD" => normalize::decompose(version, text, false),
        _ => normalize::decompose(version, text, true),
    }
}

fn normalize<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (form, text, original) = form_and_text::<M>("normalize", &args)?;
    let result = normalized(version::<M>(), form, &text);
    // An unchanged string is returned itself, as CPython returns an already normalized one.
    if result == text && original.type_ref().is_same(&types().str) {
        return Ok(original);
    }
    Ok(Value::Obj(PyStr::from_code_points_obj(&result)))
}

fn is_normalized<const M: bool>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (form, text, _) = form_and_text::<M>("is_normalized", &args)?;
    Ok(Value::Bool(normalized(version::<M>(), form, &text) == text))
}
