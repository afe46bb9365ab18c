//! `str`: comparison, concatenation, indexing, iteration and every public method.
//!
//! Methods work on code points (never UTF-8 bytes), so indexes count characters and lone
//! surrogates survive; ASCII strings take byte-level fast paths. The work is split by
//! theme: searching and splitting (`str_search.rs`), character predicates and case
//! mappings (`str_unicode.rs` over the generated `str_unicode_tables.rs`), `%`-formatting
//! (`str_printf.rs`), `str.format` (`str_format.rs`) and codecs (`str_encode.rs`). Argument
//! errors are worded as CPython 3.11 words them for each method (its methods use four
//! different argument parsers, hence the several helpers below).

use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::int::{as_int, to_i64};
use crate::methods::sequence::{checked_total, index_of, normalize_index, repeat_count};
use crate::methods::{add_methods, arg_count_error, set_slots, set_type_attr};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::dict::PyDict;
use crate::types::function::BuiltinFunction;
use crate::types::misc::SeqIter;
use crate::types::str::{PyStr, StrData};
use crate::value::Value;

#[path = "str_encode.rs"]
mod encode;
#[path = "str_format.rs"]
mod fmt;
#[path = "str_printf.rs"]
mod printf;
#[path = "str_search.rs"]
mod search;
#[path = "str_unicode_tables.rs"]
mod tables;
#[path = "str_unicode.rs"]
mod unicode;

pub use encode::encode_str;
pub use fmt::{MarkupItem, field_name_split, formatter_parser};
pub use printf::printf_format;
pub use unicode::chars as unicode_chars;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.str, |s| {
        s.repr = Some(|_, v| Ok(Value::str(&this(v)?.repr())));
        // `str()` of an instance of a str subclass is a plain str with the same text.
        s.str = Some(|_, v| {
            if v.type_ref().is_same(&types().str) {
                return Ok(v.clone());
            }
            let text = this(v)?;
            Ok(Value::Obj(text.slice(0, text.len(), 1)))
        });
        s.hash = Some(|_, v| Ok(this(v)?.hash()));
        s.richcompare = Some(str_richcompare);
        s.binary = Some(str_binary);
        s.len = Some(|_, v| Ok(this(v)?.len()));
        s.getitem = Some(str_getitem);
        s.contains = Some(str_contains);
        s.iter = Some(|_, v| Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().str_iterator, 0))));
        s.new = Some(str_new);
    });
    set_slots(&t.str_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(str_iter_next);
    });
    add_methods(
        &t.str,
        "str",
        &[
            ("capitalize", str_capitalize),
            ("casefold", str_casefold),
            ("center", str_center),
            ("count", search::str_count),
            ("encode", encode::str_encode),
            ("endswith", search::str_endswith),
            ("expandtabs", str_expandtabs),
            ("find", search::str_find),
            ("format", fmt::str_format),
            ("format_map", fmt::str_format_map),
            ("__format__", fmt::str_dunder_format),
            ("index", search::str_index),
            ("isalnum", str_isalnum),
            ("isalpha", str_isalpha),
            ("isascii", str_isascii),
            ("isdecimal", str_isdecimal),
            ("isdigit", str_isdigit),
            ("isidentifier", str_isidentifier),
            ("islower", str_islower),
            ("isnumeric", str_isnumeric),
            ("isprintable", str_isprintable),
            ("isspace", str_isspace),
            ("istitle", str_istitle),
            ("isupper", str_isupper),
            ("join", str_join),
            ("ljust", str_ljust),
            ("lower", str_lower),
            ("lstrip", search::str_lstrip),
            ("partition", search::str_partition),
            ("removeprefix", search::str_removeprefix),
            ("removesuffix", search::str_removesuffix),
            ("replace", search::str_replace),
            ("rfind", search::str_rfind),
            ("rindex", search::str_rindex),
            ("rjust", str_rjust),
            ("rpartition", search::str_rpartition),
            ("rsplit", search::str_rsplit),
            ("rstrip", search::str_rstrip),
            ("split", search::str_split),
            ("splitlines", search::str_splitlines),
            ("startswith", search::str_startswith),
            ("strip", search::str_strip),
            ("swapcase", str_swapcase),
            ("title", str_title),
            ("translate", str_translate),
            ("upper", str_upper),
            ("zfill", str_zfill),
            ("__mod__", str_dunder_mod),
            ("__getnewargs__", str_getnewargs),
        ],
    );
    // A static method: looked up on an instance or the type, it is never bound.
    set_type_attr(&t.str, "maketrans", Value::Obj(BuiltinFunction::new_obj("maketrans", str_maketrans)));
}

fn this(v: &Value) -> PyResult<&PyStr> {
    v.as_str().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'str' object but received a '{}'", v.type_name()))
    })
}

// ---------------------------------------------------------------------------------------
// Argument helpers, one per CPython argument-parsing style.

/// The str a method was called on (the first positional argument).
fn receiver<'a>(name: &str, args: &Args<'a>) -> PyResult<(&'a PyStr, &'a [Value])> {
    let Some((first, rest)) = args.pos().split_first() else {
        return Err(PyErr::type_error(format!("unbound method str.{name}() needs an argument")));
    };
    match first.as_str() {
        Some(s) => Ok((s, rest)),
        None => Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            first.type_name()
        ))),
    }
}

/// A method that takes no arguments (`METH_NOARGS`).
fn no_args<'a>(name: &str, args: Args<'a>) -> PyResult<&'a PyStr> {
    let (s, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no arguments ({} given)", rest.len())));
    }
    Ok(s)
}

/// A method that takes exactly one positional argument (`METH_O`).
fn one_arg<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a PyStr, &'a Value)> {
    let (s, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    match rest {
        [arg] => Ok((s, arg)),
        _ => Err(PyErr::type_error(format!("str.{name}() takes exactly one argument ({} given)", rest.len()))),
    }
}

/// A method with positional-only parameters parsed by Argument Clinic.
fn positional<'a>(name: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<(&'a PyStr, &'a [Value])> {
    let (s, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    if rest.len() < min || rest.len() > max {
        return Err(arg_count_error(name, rest.len(), min, max));
    }
    Ok((s, rest))
}

/// The `(sub[, start[, end]])` methods (find, count, startswith, ...).
fn find_args<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a PyStr, &'a Value, Option<&'a Value>, Option<&'a Value>)> {
    let (s, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    match rest {
        [] => Err(PyErr::type_error(format!("{name}() takes at least 1 argument (0 given)"))),
        [sub, more @ ..] if more.len() <= 2 => Ok((s, sub, more.first(), more.get(1))),
        _ => Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({} given)", rest.len()))),
    }
}

/// A method whose optional parameters may also be given by keyword.
fn keyword_args<'a, const N: usize>(
    name: &str,
    args: Args<'a>,
    names: [&str; N],
) -> PyResult<(&'a PyStr, [Option<&'a Value>; N])> {
    let (s, rest) = receiver(name, &args)?;
    // Positional arguments only (the common `s.split(sep)`): no names to match.
    if args.kwnames.is_empty() && rest.len() <= N {
        let mut out = [None; N];
        for (slot, value) in out.iter_mut().zip(rest) {
            *slot = Some(value);
        }
        return Ok((s, out));
    }
    let given = rest.len() + args.kwnames.len();
    if given > N {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {N} {}argument{} ({given} given)",
            if rest.is_empty() { "keyword " } else { "" },
            if N == 1 { "" } else { "s" }
        )));
    }
    let mut out = [None; N];
    for (slot, value) in out.iter_mut().zip(rest) {
        *slot = Some(value);
    }
    for (key, value) in args.keywords() {
        let key = key.as_str().map_or("", PyStr::as_str);
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for {name}()")));
        };
        if i < rest.len() {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(value);
    }
    Ok((s, out))
}

/// An integer argument (`__index__`), with CPython's TypeError/OverflowError.
fn int_arg(v: &Value) -> PyResult<i64> {
    to_i64(v)
}

/// A start/end argument of the find family: None, or an int clamped to `i64`.
fn slice_index(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match as_int(v) {
            Some(big) => Ok(Some(
                num_traits::ToPrimitive::to_i64(big.as_ref()).unwrap_or(if big.sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                }),
            )),
            None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's `ADJUST_INDICES`: `0 <= start`, `0 <= end <= len` (start may exceed end).
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(0))
}

/// A str argument, or TypeError "`{prefix}`must be str, not T".
fn str_arg<'a>(v: &'a Value, prefix: &str) -> PyResult<&'a PyStr> {
    v.as_str().ok_or_else(|| PyErr::type_error(format!("{prefix}must be str, not {}", v.type_name())))
}

/// A str argument of an Argument Clinic function (which names `None` as `None`).
fn clinic_str_arg<'a>(v: &'a Value, prefix: &str) -> PyResult<&'a PyStr> {
    v.as_str().ok_or_else(|| PyErr::type_error(format!("{prefix}must be str, not {}", clinic_type_name(v))))
}

/// How Argument Clinic names an argument's type in errors.
fn clinic_type_name(v: &Value) -> String {
    if v.is_none() { "None".to_owned() } else { v.type_name() }
}

/// The code points of a str.
fn cps(s: &PyStr) -> Vec<u32> {
    s.code_points().collect()
}

/// A new str value from code points.
fn new_str(code_points: &[u32]) -> Value {
    Value::Obj(PyStr::from_code_points_obj(code_points))
}

/// Checks that a result of `n` code points can be built.
fn check_size(n: usize) -> PyResult<()> {
    checked_total(n, 1).map(|_| ())
}

// ---------------------------------------------------------------------------------------
// Slots.

fn str_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.as_str(), b.as_str()) else {
        return Ok(not_implemented());
    };
    let ordering = x.cmp_str(y);
    Ok(Value::Bool(match op {
        CompareOp::Eq => x.eq_str(y),
        CompareOp::Ne => !x.eq_str(y),
        CompareOp::Lt => ordering.is_lt(),
        CompareOp::Le => ordering.is_le(),
        CompareOp::Gt => ordering.is_gt(),
        CompareOp::Ge => ordering.is_ge(),
    }))
}

/// `s * n` for a str.
fn repeat(s: &PyStr, count: usize) -> PyResult {
    crate::methods::sequence::checked_repeat(s.len(), count, "repeated string is too long")?;
    if s.is_ascii() {
        return Ok(Value::str(&s.as_str().repeat(count)));
    }
    Ok(new_str(&cps(s).repeat(count)))
}

fn str_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => {
                // As CPython's `PyUnicode_Concat`: an exact empty str (its singleton) added
                // to an exact str gives that str itself.
                let exact = |v: &Value| v.type_ref().is_same(&types().str);
                if y.is_empty() && exact(b) && exact(a) {
                    return Ok(a.clone());
                }
                if x.is_empty() && exact(a) && exact(b) {
                    return Ok(b.clone());
                }
                Ok(Value::Obj(x.concat(y)))
            }
            _ => Ok(not_implemented()),
        },
        BinaryOp::Multiply => {
            let (s, n) = match (a.as_str(), b.as_str()) {
                (Some(s), None) => (s, b),
                (None, Some(s)) => (s, a),
                _ => return Ok(not_implemented()),
            };
            match repeat_count(ctx, n) {
                Some(count) => repeat(s, count?),
                None => Ok(not_implemented()),
            }
        }
        BinaryOp::Remainder => match a.as_str() {
            Some(format) => printf_format(ctx, format, b),
            None => Ok(not_implemented()),
        },
        _ => Ok(not_implemented()),
    }
}

fn str_dunder_mod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, arg) = one_arg("__mod__", args)?;
    printf_format(ctx, s, arg)
}

fn str_getnewargs(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("__getnewargs__", args)?;
    let copy = Value::Obj(s.slice(0, s.len(), 1));
    Ok(Value::Obj(crate::types::list::PyTuple::new_obj(vec![copy])))
}

fn str_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let s = this(v)?;
    if let Some(sl) = crate::methods::slice::as_slice(key) {
        let (start, step, n) = crate::methods::slice::indices(ctx, sl, s.len())?;
        if n == s.len() && step == 1 && v.type_ref().is_same(&crate::types().str) {
            return Ok(v.clone());
        }
        if step > 0 {
            let start = usize::try_from(start).unwrap_or(0);
            let step_u = usize::try_from(step).unwrap_or(1);
            return Ok(Value::Obj(s.slice(start, start + n.saturating_sub(1) * step_u + usize::from(n > 0), step_u)));
        }
        let code_points: Vec<u32> = (0..n)
            .map(|i| s.code_point(usize::try_from(start + i64::try_from(i).unwrap_or(0) * step).unwrap_or(0)))
            .collect();
        return Ok(Value::Obj(crate::types::str::PyStr::from_code_points_obj(&code_points)));
    }
    let index = match key {
        Value::Int(_) | Value::Bool(_) => index_of(ctx, key, "string")?,
        Value::Obj(o) if o.is::<crate::types::int::PyInt>() => None,
        _ if key.type_name() == "slice" => {
            return Err(PyErr::type_error("str slicing needs the slice type, which Pyrite does not have yet"));
        }
        _ => {
            return Err(PyErr::type_error(format!("string indices must be integers, not '{}'", key.type_name())));
        }
    };
    let Some(index) = index else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    let position = normalize_index(index, s.len()).ok_or_else(|| PyErr::index_error("string index out of range"))?;
    Ok(Value::Obj(s.slice(position, position + 1, 1)))
}

fn str_contains(_: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let s = this(v)?;
    let Some(needle) = item.as_str() else {
        return Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.type_name()
        )));
    };
    Ok(search::find_in(s, needle, 0, s.len()).is_some())
}

fn str_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else {
        return Ok(None);
    };
    let i = iter.index.get();
    // Read in place (making the item runs no Python code, so the borrow cannot be seen).
    let item = {
        let seq = iter.seq.borrow();
        let Some(s) = seq.as_ref().and_then(Value::as_str) else {
            return Ok(None);
        };
        (i < s.len()).then(|| s.slice(i, i + 1, 1))
    };
    let Some(item) = item else {
        drop(iter.seq.replace(None));
        return Ok(None);
    };
    iter.index.set(i + 1);
    Ok(Some(Value::Obj(item)))
}

fn str_new(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let value = str_new_exact(ctx, args)?;
    if ty.is_same(&types().str) {
        return Ok(value);
    }
    // An instance of a class derived from str: a str of that class, with a `__dict__`.
    let code_points: Vec<u32> = value.as_str().map(|s| s.code_points().collect()).unwrap_or_default();
    Ok(Value::Obj(pyrite_memory::ObjRef::new_with_dict(PyStr::from_code_points(&code_points), Some(ty))))
}

const STR_NEW: crate::methods::params::Params =
    crate::methods::params::Params::new("str", &["object", "encoding", "errors"]);

fn str_new_exact(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    // `str(x)`, the common call, needs no argument binding.
    if let ([object], []) = (args.values, args.kwnames) {
        return protocol::str_(ctx, object);
    }
    if args.pos().len() > 3 {
        return Err(PyErr::type_error(format!("str() takes at most 3 arguments ({} given)", args.values.len())));
    }
    let [object, encoding, errors] = STR_NEW.bind(args)?;
    let Some(object) = object else { return Ok(Value::str("")) };
    if encoding.is_none() && errors.is_none() {
        return protocol::str_(ctx, object);
    }
    // `str(bytes, encoding, errors)` decodes.
    let text_arg = |v: Option<&Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_owned()),
            Some(v) => v.as_str().map(|s| s.as_str().to_owned()).ok_or_else(|| {
                PyErr::type_error(format!("str() argument '{what}' must be str, not {}", v.type_name()))
            }),
        }
    };
    let encoding = text_arg(encoding, "encoding", "utf-8")?;
    let errors = text_arg(errors, "errors", "strict")?;
    if object.as_str().is_some() {
        return Err(PyErr::type_error("decoding str is not supported"));
    }
    let Some(data) = crate::methods::bytes::buffer_bytes(object) else {
        return Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            object.type_name()
        )));
    };
    let code_points = crate::methods::codecs::decode_text(ctx, &data, &encoding, &errors)?;
    Ok(Value::Obj(PyStr::from_code_points_obj(&code_points)))
}

// ---------------------------------------------------------------------------------------
// join, padding, tabs.

fn str_join(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (sep, iterable) = one_arg("join", args)?;
    // An exact list or tuple is joined in place (as CPython's `PySequence_Fast`); other
    // iterables (subclasses may override `__iter__`) are collected first.
    if iterable.type_ref().is_same(&types().list)
        && let Some(list) = iterable.downcast::<crate::types::list::PyList>()
    {
        return list.with_items(|items| join_items(sep, items));
    }
    if iterable.type_ref().is_same(&types().tuple)
        && let Some(tuple) = iterable.downcast::<crate::types::list::PyTuple>()
    {
        return join_items(sep, tuple.items());
    }
    let iterator = protocol::get_iter(ctx, iterable)
        .map_err(|e| if e.matches(&types().type_error) { PyErr::type_error("can only join an iterable") } else { e })?;
    let items = protocol::collect(ctx, &iterator)?;
    join_items(sep, &items)
}

/// `sep.join(items)` (runs no Python code: items must be strs).
fn join_items(sep: &PyStr, items: &[Value]) -> PyResult {
    let mut total = 0usize;
    let mut ascii = sep.is_ascii();
    for (i, item) in items.iter().enumerate() {
        let Some(s) = item.as_str() else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.type_name()
            )));
        };
        ascii &= s.is_ascii();
        total = total.saturating_add(s.len()).saturating_add(if i > 0 { sep.len() } else { 0 });
    }
    check_size(total)?;
    let strs = items.iter().filter_map(Value::as_str);
    if ascii {
        let mut out = String::with_capacity(total);
        for (i, s) in strs.enumerate() {
            if i > 0 {
                out.push_str(sep.as_str());
            }
            out.push_str(s.as_str());
        }
        return Ok(Value::Obj(PyStr::from_ascii_string_obj(out)));
    }
    let mut out: Vec<u32> = Vec::with_capacity(total);
    for (i, s) in strs.enumerate() {
        if i > 0 {
            out.extend(sep.code_points());
        }
        out.extend(s.code_points());
    }
    Ok(new_str(&out))
}

/// The fill character argument of center/ljust/rjust.
fn fill_char(v: Option<&Value>) -> PyResult<u32> {
    let Some(v) = v else {
        return Ok(u32::from(b' '));
    };
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!(
            "The fill character must be a unicode character, not {}",
            v.type_name()
        )));
    };
    if s.len() != 1 {
        return Err(PyErr::type_error("The fill character must be exactly one character long"));
    }
    Ok(s.code_point(0))
}

/// `s` with `left` and `right` fill characters around it.
fn pad(s: &PyStr, left: usize, right: usize, fill: u32) -> PyResult {
    check_size(s.len().saturating_add(left).saturating_add(right))?;
    let mut out = Vec::with_capacity(s.len() + left + right);
    out.resize(left, fill);
    out.extend(s.code_points());
    out.resize(out.len() + right, fill);
    Ok(new_str(&out))
}

/// The width argument and how many characters to add.
fn margin(s: &PyStr, width: &Value) -> PyResult<Option<usize>> {
    let width = int_arg(width)?;
    let len = i64::try_from(s.len()).unwrap_or(i64::MAX);
    Ok(if width <= len { None } else { usize::try_from(width - len).ok() })
}

fn str_center(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = positional("center", args, 1, 2)?;
    // The width is read before the fill character, as CPython parses them.
    let marg = margin(s, &rest[0])?;
    let fill = fill_char(rest.get(1))?;
    let Some(marg) = marg else {
        return Ok(Value::Obj(s.slice(0, s.len(), 1)));
    };
    let width = s.len() + marg;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left, marg - left, fill)
}

fn str_ljust(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = positional("ljust", args, 1, 2)?;
    // The width is read before the fill character, as CPython parses them.
    let marg = margin(s, &rest[0])?;
    let fill = fill_char(rest.get(1))?;
    match marg {
        None => Ok(Value::Obj(s.slice(0, s.len(), 1))),
        Some(marg) => pad(s, 0, marg, fill),
    }
}

fn str_rjust(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = positional("rjust", args, 1, 2)?;
    // The width is read before the fill character, as CPython parses them.
    let marg = margin(s, &rest[0])?;
    let fill = fill_char(rest.get(1))?;
    match marg {
        None => Ok(Value::Obj(s.slice(0, s.len(), 1))),
        Some(marg) => pad(s, marg, 0, fill),
    }
}

fn str_zfill(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, width) = one_arg("zfill", args)?;
    let Some(fill) = margin(s, width)? else {
        return Ok(Value::Obj(s.slice(0, s.len(), 1)));
    };
    check_size(s.len().saturating_add(fill))?;
    let mut out = vec![u32::from(b'0'); fill];
    out.extend(s.code_points());
    if matches!(out.get(fill), Some(0x2B | 0x2D)) {
        out[0] = out[fill];
        out[fill] = u32::from(b'0');
    }
    Ok(new_str(&out))
}

fn str_expandtabs(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [tabsize]) = keyword_args("expandtabs", args, ["tabsize"])?;
    let tabsize = match tabsize {
        Some(v) => crate::methods::c_int_arg(ctx, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.code_points() {
        if c == u32::from(b'\t') {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                let incr = usize::try_from(incr).unwrap_or(usize::MAX);
                check_size(out.len().saturating_add(incr))?;
                out.resize(out.len() + incr, u32::from(b' '));
            }
        } else {
            column += 1;
            out.push(c);
            if c == u32::from(b'\n') || c == u32::from(b'\r') {
                column = 0;
            }
        }
    }
    Ok(new_str(&out))
}

// ---------------------------------------------------------------------------------------
// Case mappings and predicates.

/// A case mapping: ASCII text byte by byte in place of the new str's storage (`ascii` sees
/// each byte and whether the one before it was a letter), other text by code point.
fn map_case(name: &str, args: Args<'_>, ascii: fn(u8, bool) -> u8, wide: fn(&[u32]) -> Vec<u32>) -> PyResult {
    let s = no_args(name, args)?;
    if let StrData::Ascii(text) = s.data() {
        return Ok(Value::Obj(PyStr::map_ascii_obj(text, ascii)));
    }
    Ok(new_str(&wide(&cps(s))))
}

fn str_upper(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_case("upper", args, |b, _| b.to_ascii_uppercase(), unicode::upper)
}

fn str_lower(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_case("lower", args, |b, _| b.to_ascii_lowercase(), unicode::lower)
}

fn str_casefold(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_case("casefold", args, |b, _| b.to_ascii_lowercase(), unicode::casefold)
}

fn str_swapcase(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_case(
        "swapcase",
        args,
        |b, _| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() },
        unicode::swapcase,
    )
}

fn str_title(_: &mut Ctx, args: Args<'_>) -> PyResult {
    // A letter after a letter is lowered, any other is raised (the ASCII cased characters
    // are the letters, and their title case is their upper case).
    map_case(
        "title",
        args,
        |b, after_letter| if after_letter { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() },
        unicode::title,
    )
}

fn str_capitalize(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = no_args("capitalize", args)?;
    if let StrData::Ascii(text) = s.data() {
        let mut first = true;
        let capitalized = PyStr::map_ascii_obj(text, |b, _| {
            let out = if first { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
            first = false;
            out
        });
        return Ok(Value::Obj(capitalized));
    }
    Ok(new_str(&unicode::capitalize(&cps(s))))
}

/// A predicate that is true when the str is non-empty and every character passes.
fn all_chars(name: &str, args: Args<'_>, test: fn(u32) -> bool) -> PyResult {
    let s = no_args(name, args)?;
    Ok(Value::Bool(!s.is_empty() && s.code_points().all(test)))
}

fn str_isalnum(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_chars("isalnum", args, unicode::is_alnum)
}

fn str_isalpha(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_chars("isalpha", args, unicode::is_alpha)
}

fn str_isdecimal(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_chars("isdecimal", args, unicode::is_decimal)
}

fn str_isdigit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_chars("isdigit", args, unicode::is_digit)
}

fn str_isnumeric(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_chars("isnumeric", args, unicode::is_numeric)
}

fn str_isspace(_: &mut Ctx, args: Args<'_>) -> PyResult {
    all_chars("isspace", args, unicode::is_space)
}

fn str_isascii(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(no_args("isascii", args)?.is_ascii()))
}

fn str_isprintable(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(no_args("isprintable", args)?.code_points().all(unicode::is_printable)))
}

fn str_isidentifier(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(unicode::isidentifier(&cps(no_args("isidentifier", args)?))))
}

fn str_islower(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(unicode::islower(&cps(no_args("islower", args)?))))
}

fn str_isupper(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(unicode::isupper(&cps(no_args("isupper", args)?))))
}

fn str_istitle(_: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(unicode::istitle(&cps(no_args("istitle", args)?))))
}

// ---------------------------------------------------------------------------------------
// translate and maketrans.

fn str_translate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, table) = one_arg("translate", args)?;
    let t = types();
    let mut out = Vec::with_capacity(s.len());
    let mut cache: Vec<(u32, Option<Vec<u32>>)> = Vec::new();
    for c in s.code_points() {
        if let Some((_, mapped)) = cache.iter().find(|(k, _)| *k == c) {
            if let Some(m) = mapped {
                out.extend_from_slice(m);
            }
            continue;
        }
        let mapped = match protocol::getitem(ctx, table, &Value::Int(i64::from(c))) {
            Err(e) if e.matches(&t.lookup_error) => Some(vec![c]),
            Err(e) => return Err(e),
            Ok(Value::None) => None,
            Ok(v) => {
                if let Some(r) = v.as_str() {
                    Some(cps(r))
                } else if let Some(i) = as_int(&v) {
                    match u32::try_from(i.as_ref()).ok().filter(|&c| c < 0x11_0000) {
                        Some(c) => Some(vec![c]),
                        None => {
                            return Err(PyErr::value_error("character mapping must be in range(0x110000)"));
                        }
                    }
                } else {
                    return Err(PyErr::type_error("character mapping must return integer, None or str"));
                }
            }
        };
        if let Some(m) = &mapped {
            out.extend_from_slice(m);
        }
        if cache.len() < 256 {
            cache.push((c, mapped));
        }
    }
    Ok(new_str(&out))
}

fn str_maketrans(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("str.maketrans() takes no keyword arguments"));
    }
    let values = args.values;
    if values.is_empty() || values.len() > 3 {
        return Err(arg_count_error("maketrans", values.len(), 1, 3));
    }
    let result = PyDict::new_obj();
    let dict = result.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict expected"))?;
    if values.len() == 1 {
        let Some(source) = values[0].downcast::<PyDict>() else {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (key, value) in source.items() {
            let key = if let Some(k) = key.as_str() {
                if k.len() != 1 {
                    return Err(PyErr::value_error("string keys in translate table must be of length 1"));
                }
                Value::Int(i64::from(k.code_point(0)))
            } else if as_int(&key).is_some() {
                key
            } else {
                return Err(PyErr::type_error("keys in translate table must be strings or integers"));
            };
            dict.set_item(ctx, key, value)?;
        }
        return Ok(Value::Obj(result));
    }
    for (i, v) in values.iter().enumerate().skip(1) {
        if v.as_str().is_none() {
            return Err(PyErr::type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                clinic_type_name(v)
            )));
        }
    }
    let Some(x) = values[0].as_str() else {
        return Err(PyErr::type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let y = values[1].as_str().ok_or_else(|| PyErr::new_system("str expected"))?;
    if x.len() != y.len() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.code_points().zip(y.code_points()) {
        dict.set_item(ctx, Value::Int(i64::from(a)), Value::Int(i64::from(b)))?;
    }
    if let Some(z) = values.get(2).and_then(Value::as_str) {
        for c in z.code_points() {
            dict.set_item(ctx, Value::Int(i64::from(c)), Value::None)?;
        }
    }
    Ok(Value::Obj(result))
}
