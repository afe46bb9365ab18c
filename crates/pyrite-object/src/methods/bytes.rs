//! `bytes` and `bytearray`: construction, repr, comparison, concatenation, repetition,
//! indexing, iteration, hashing, and the method table both types share.
//!
//! Methods are written once over byte slices and give back the receiver's type. The work
//! is split by theme: searching, splitting and stripping (`bytes_search.rs`), case, padding,
//! hex and translation (`bytes_text.rs`), `%`-formatting (`bytes_printf.rs`), the mutating
//! methods of bytearray (`bytes_array.rs`) and `memoryview` (`bytes_memoryview.rs`).
//! A bytearray's contents are copied out before any work that might run Python code.

use std::borrow::Cow;

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::sequence::{checked_total, index_of, normalize_index, repeat_count};
use crate::methods::{add_methods, arg_count_error, set_slots, set_type_attr};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::bytes::{PyByteArray, PyBytes, PyMemoryView};
use crate::types::function::{BuiltinFunction, NativeFn};
use crate::types::list::{PyList, PyTuple};
use crate::types::misc::SeqIter;
use crate::types::str::PyStr;
use crate::value::Value;

#[path = "bytes_array.rs"]
mod array;
#[path = "bytes_memoryview.rs"]
mod memoryview;
#[path = "bytes_printf.rs"]
mod printf;
#[path = "bytes_search.rs"]
mod search;
#[path = "bytes_text.rs"]
mod text;

/// Which of the two byte-string types a receiver is (and so which a result is).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Bytes,
    ByteArray,
}

/// The methods bytes and bytearray share.
const SHARED_METHODS: &[(&str, NativeFn)] = &[
    ("capitalize", text::capitalize),
    ("center", text::center),
    ("count", search::count),
    ("decode", text::decode),
    ("endswith", search::endswith),
    ("expandtabs", text::expandtabs),
    ("find", search::find),
    ("hex", text::hex),
    ("index", search::index),
    ("isalnum", text::isalnum),
    ("isalpha", text::isalpha),
    ("isascii", text::isascii),
    ("isdigit", text::isdigit),
    ("islower", text::islower),
    ("isspace", text::isspace),
    ("istitle", text::istitle),
    ("isupper", text::isupper),
    ("join", search::join),
    ("ljust", text::ljust),
    ("lower", text::lower),
    ("lstrip", search::lstrip),
    ("partition", search::partition),
    ("removeprefix", search::removeprefix),
    ("removesuffix", search::removesuffix),
    ("replace", search::replace),
    ("rfind", search::rfind),
    ("rindex", search::rindex),
    ("rjust", text::rjust),
    ("rpartition", search::rpartition),
    ("rsplit", search::rsplit),
    ("rstrip", search::rstrip),
    ("split", search::split),
    ("splitlines", search::splitlines),
    ("startswith", search::startswith),
    ("strip", search::strip),
    ("swapcase", text::swapcase),
    ("title", text::title),
    ("translate", text::translate),
    ("upper", text::upper),
    ("zfill", text::zfill),
    ("__mod__", bytes_dunder_mod),
];

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.bytes, |s| {
        s.new = Some(bytes_new);
        s.repr = Some(bytes_repr);
        s.hash = Some(|_, v| Ok(v.downcast::<PyBytes>().map_or(0, PyBytes::hash)));
        s.richcompare = Some(bytes_richcompare);
        s.binary = Some(bytes_binary);
        s.len = Some(|_, v| Ok(with_buffer(v, <[u8]>::len).unwrap_or(0)));
        s.getitem = Some(bytes_getitem);
        s.contains = Some(bytes_contains);
        s.iter = Some(|_, v| Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().bytes_iterator, 0))));
    });
    set_slots(&t.bytearray, |s| {
        s.new = Some(array::bytearray_new);
        s.init = Some(array::bytearray_init);
        s.repr = Some(bytes_repr);
        s.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
        s.richcompare = Some(bytearray_richcompare);
        s.binary = Some(bytes_binary);
        s.inplace = Some(array::bytearray_inplace);
        s.len = Some(|_, v| Ok(with_buffer(v, <[u8]>::len).unwrap_or(0)));
        s.getitem = Some(bytes_getitem);
        s.setitem = Some(array::bytearray_setitem);
        s.contains = Some(bytes_contains);
        s.iter = Some(|_, v| Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().bytearray_iterator, 0))));
    });
    for ty in [&t.bytes_iterator, &t.bytearray_iterator] {
        set_slots(ty, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(bytes_iter_next);
        });
    }
    add_methods(&t.bytes, "bytes", SHARED_METHODS);
    add_methods(&t.bytes, "bytes", &[("__bytes__", bytes_dunder_bytes), ("__getnewargs__", bytes_getnewargs)]);
    add_methods(&t.bytearray, "bytearray", SHARED_METHODS);
    add_methods(&t.bytearray, "bytearray", array::METHODS);
    for (ty, owner) in [(&t.bytes, "bytes"), (&t.bytearray, "bytearray")] {
        super::descriptors::add_class_methods(ty, owner, &[("fromhex", text::fromhex)]);
        let maketrans: crate::types::function::NativeFn = if owner == "bytes" {
            |ctx, args| text::maketrans(ctx, args, "bytes")
        } else {
            |ctx, args| text::maketrans(ctx, args, "bytearray")
        };
        set_type_attr(ty, "maketrans", Value::Obj(BuiltinFunction::new_obj("maketrans", maketrans)));
    }
    memoryview::setup(t);
    super::codecs::setup(t);
}

// ---------------------------------------------------------------------------------------
// Access to the bytes of bytes-like objects.

/// Runs `f` over the bytes of a bytes, bytearray or memoryview (`None` for anything else).
/// `f` must not run Python code.
pub fn with_buffer<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Some(f(b.as_bytes()));
    }
    if let Some(a) = v.downcast::<PyByteArray>() {
        return Some(f(&a.data.borrow()));
    }
    if let Some(m) = v.downcast::<PyMemoryView>() {
        return Some(f(&m.to_vec()));
    }
    None
}

/// A copy of the bytes of a bytes-like object.
#[must_use]
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    with_buffer(v, <[u8]>::to_vec)
}

/// Whether the value supports the buffer protocol (bytes, bytearray, memoryview).
#[must_use]
pub fn is_buffer(v: &Value) -> bool {
    v.downcast::<PyBytes>().is_some() || v.downcast::<PyByteArray>().is_some() || v.downcast::<PyMemoryView>().is_some()
}

/// The bytes of a bytes-like argument, or CPython's "a bytes-like object is required".
pub(crate) fn bytes_like(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(m) = v.downcast::<PyMemoryView>() {
        memoryview::check_released(m)?;
    }
    buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// A new bytes or bytearray value.
#[must_use]
pub(crate) fn wrap(kind: Kind, data: Vec<u8>) -> Value {
    match kind {
        Kind::Bytes => Value::Obj(PyBytes::new_obj(data)),
        Kind::ByteArray => Value::Obj(PyByteArray::new_obj(data)),
    }
}

/// A method's receiver (its kind and bytes) with what else the method was given.
pub(crate) type Receiver<'a, T> = (Kind, Cow<'a, [u8]>, T);

/// The receiver of a bytes or bytearray method: its kind and bytes (borrowed for bytes,
/// copied for bytearray), and the other positional arguments.
pub(crate) fn receiver<'a>(name: &str, args: &Args<'a>) -> PyResult<Receiver<'a, &'a [Value]>> {
    let Some((first, rest)) = args.pos().split_first() else {
        return Err(PyErr::type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    if let Some(b) = first.downcast::<PyBytes>() {
        return Ok((Kind::Bytes, Cow::Borrowed(b.as_bytes()), rest));
    }
    if let Some(a) = first.downcast::<PyByteArray>() {
        return Ok((Kind::ByteArray, Cow::Owned(a.to_vec()), rest));
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
        first.type_name()
    )))
}

/// The name of a receiver's type in messages.
pub(crate) fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Bytes => "bytes",
        Kind::ByteArray => "bytearray",
    }
}

/// A method that takes no arguments.
pub(crate) fn no_args<'a>(name: &str, args: Args<'a>) -> PyResult<(Kind, Cow<'a, [u8]>)> {
    let (kind, data, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{}.{name}() takes no keyword arguments", kind_name(kind))));
    }
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}.{name}() takes no arguments ({} given)",
            kind_name(kind),
            rest.len()
        )));
    }
    Ok((kind, data))
}

/// A method with positional-only parameters (Argument Clinic).
pub(crate) fn positional<'a>(
    name: &str,
    args: Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<Receiver<'a, &'a [Value]>> {
    let (kind, data, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{}.{name}() takes no keyword arguments", kind_name(kind))));
    }
    if rest.len() < min || rest.len() > max {
        return Err(arg_count_error(name, rest.len(), min, max));
    }
    Ok((kind, data, rest))
}

/// A method whose parameters may also be given by keyword (Argument Clinic).
pub(crate) fn keyword_args<'a, const N: usize>(
    name: &str,
    args: Args<'a>,
    names: [&str; N],
) -> PyResult<Receiver<'a, [Option<&'a Value>; N]>> {
    let (kind, data, rest) = receiver(name, &args)?;
    let given = rest.len() + args.kwnames.len();
    if given > N {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {N} {}argument{} ({given} given)",
            if rest.is_empty() { "keyword " } else { "" },
            if N == 1 { "" } else { "s" },
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
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(value);
    }
    Ok((kind, data, out))
}

/// A byte value from an int-like argument, or CPython's errors for it.
pub(crate) fn byte_value(ctx: &mut Ctx, v: &Value, range_message: &str) -> PyResult<u8> {
    let i = protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
    match crate::methods::int::as_small(&i).and_then(|i| u8::try_from(i).ok()) {
        Some(b) => Ok(b),
        None => Err(PyErr::value_error(range_message)),
    }
}

// ---------------------------------------------------------------------------------------
// Construction.

/// Splits `(source, encoding, errors)` out of a constructor call.
fn constructor_args<'a>(name: &str, args: Args<'a>) -> PyResult<[Option<&'a Value>; 3]> {
    let pos = args.pos();
    if pos.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 3 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    let mut out = [None; 3];
    for (slot, value) in out.iter_mut().zip(pos) {
        *slot = Some(value);
    }
    for (key, value) in args.keywords() {
        let key = key.as_str().map_or("", PyStr::as_str);
        let Some(i) = ["source", "encoding", "errors"].iter().position(|n| *n == key) else {
            return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for {name}()")));
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(value);
    }
    Ok(out)
}

/// Encodes `source` for `bytes(str, encoding, errors)` and `bytearray(...)`.
fn encode_source(
    ctx: &mut Ctx,
    name: &str,
    source: &Value,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let Some(s) = source.as_str() else {
        return Err(PyErr::type_error(if encoding.is_some() {
            "encoding without a string argument"
        } else {
            "errors without a string argument"
        }));
    };
    if encoding.is_none() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    let (encoding, errors) = super::codecs::codec_args(name, encoding, errors)?;
    super::codecs::encode_text(ctx, s, &encoding, &errors)
}

/// The bytes of an iterable of ints (each in `range(256)`).
pub(crate) fn bytes_from_iterable(ctx: &mut Ctx, iterable: &Value, range_message: &str) -> PyResult<Vec<u8>> {
    if let Some(items) = iterable.downcast::<PyList>().map(PyList::to_vec) {
        return items.iter().map(|v| byte_value(ctx, v, range_message)).collect();
    }
    if let Some(t) = iterable.downcast::<PyTuple>() {
        return t.items().iter().map(|v| byte_value(ctx, v, range_message)).collect();
    }
    let iterator = protocol::get_iter(ctx, iterable)?;
    let mut out = Vec::new();
    while let Some(item) = protocol::next(ctx, &iterator)? {
        out.push(byte_value(ctx, &item, range_message)?);
    }
    Ok(out)
}

/// A non-negative count from an int-like source, `None` if the source is not int-like.
pub(crate) fn count_source(ctx: &mut Ctx, source: &Value) -> PyResult<Option<usize>> {
    if !protocol::has_index(source) {
        return Ok(None);
    }
    let n = protocol::index(ctx, source, |_| String::new())?;
    let n = crate::methods::int::to_i64(&n)?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    checked_total(n, 1)?;
    Ok(Some(n))
}

fn bytes_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let data = bytes_new_data(ctx, args)?;
    if ty.is_same(&types().bytes) {
        return Ok(Value::Obj(PyBytes::new_obj(data)));
    }
    Ok(Value::Obj(ObjRef::new_with_dict(PyBytes::new(data), Some(ty))))
}

fn bytes_new_data(ctx: &mut Ctx, args: Args<'_>) -> PyResult<Vec<u8>> {
    let [source, encoding, errors] = constructor_args("bytes", args)?;
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return encode_source(ctx, "bytes", &Value::None, encoding, errors);
        }
        return Ok(Vec::new());
    };
    if encoding.is_some() || errors.is_some() {
        return encode_source(ctx, "bytes", source, encoding, errors);
    }
    if let Some(result) = crate::methods::slots::call_dunder(ctx, source, "__bytes__", &[])? {
        return match result.downcast::<PyBytes>() {
            Some(b) => Ok(b.as_bytes().to_vec()),
            None => Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", result.type_name()))),
        };
    }
    if source.as_str().is_some() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    if let Some(n) = count_source(ctx, source)? {
        return Ok(vec![0; n]);
    }
    if is_buffer(source) {
        return bytes_like(source);
    }
    let iterable = {
        let slots = crate::types::typeobj::type_payload(source.type_ref()).slots();
        slots.iter.is_some() || slots.getitem.is_some()
    };
    if !iterable {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", source.type_name())));
    }
    bytes_from_iterable(ctx, source, "bytes must be in range(0, 256)")
}

// ---------------------------------------------------------------------------------------
// Slots.

fn bytes_repr(_: &mut Ctx, v: &Value) -> PyResult {
    if let Some(array) = v.downcast::<PyByteArray>() {
        let data = array.to_vec();
        let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
        let mut out = format!("{}(b{quote}", v.type_name());
        for b in data {
            match b {
                b'\'' | b'\\' => {
                    out.push('\\');
                    out.push(char::from(b));
                }
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x20..0x7f => out.push(char::from(b)),
                _ => out.push_str(&format!("\\x{b:02x}")),
            }
        }
        out.push(quote);
        out.push(')');
        return Ok(Value::str(&out));
    }
    Ok(Value::str(&with_buffer(v, pyrite_bytecode::repr::bytes_repr).unwrap_or_default()))
}

fn compare(x: &[u8], y: &[u8], op: CompareOp) -> Value {
    Value::Bool(match op {
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    })
}

fn bytes_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    match (a.downcast::<PyBytes>(), b.downcast::<PyBytes>()) {
        (Some(x), Some(y)) => Ok(compare(x.as_bytes(), y.as_bytes(), op)),
        _ => Ok(not_implemented()),
    }
}

fn bytearray_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    match (buffer_bytes(a), buffer_bytes(b)) {
        (Some(x), Some(y)) => Ok(compare(&x, &y, op)),
        _ => Ok(not_implemented()),
    }
}

/// The kind of a bytes or bytearray value (not memoryview).
pub(crate) fn kind_of(v: &Value) -> Option<Kind> {
    if v.downcast::<PyBytes>().is_some() {
        Some(Kind::Bytes)
    } else if v.downcast::<PyByteArray>().is_some() {
        Some(Kind::ByteArray)
    } else {
        None
    }
}

fn bytes_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => {
            let Some(kind) = kind_of(a) else { return Ok(not_implemented()) };
            if !is_buffer(b) {
                return Ok(not_implemented());
            }
            let mut data = bytes_like(a)?;
            data.extend(bytes_like(b)?);
            Ok(wrap(kind, data))
        }
        BinaryOp::Multiply => {
            let (seq, n) = match (kind_of(a), kind_of(b)) {
                (Some(_), _) => (a, b),
                (None, Some(_)) => (b, a),
                _ => return Ok(not_implemented()),
            };
            let Some(kind) = kind_of(seq) else { return Ok(not_implemented()) };
            match repeat_count(ctx, n) {
                Some(count) => {
                    let count = count?;
                    let data = buffer_bytes(seq).unwrap_or_default();
                    if kind == Kind::Bytes {
                        crate::methods::sequence::checked_repeat(data.len(), count, "repeated bytes are too long")?;
                    }
                    checked_total(data.len(), count)?;
                    Ok(wrap(kind, data.repeat(count)))
                }
                None => Ok(not_implemented()),
            }
        }
        BinaryOp::Remainder => match kind_of(a) {
            Some(kind) => {
                let format = buffer_bytes(a).unwrap_or_default();
                Ok(wrap(kind, printf::format(ctx, &format, b)?))
            }
            None => Ok(not_implemented()),
        },
        _ => Ok(not_implemented()),
    }
}

fn bytes_dunder_mod(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("__mod__", args, 1, 1)?;
    Ok(wrap(kind, printf::format(ctx, &data, &rest[0])?))
}

fn bytes_dunder_bytes(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("__bytes__", args)?;
    let this = &args.values[0];
    if this.type_ref().is_same(&types().bytes) {
        return Ok(this.clone());
    }
    Ok(Value::Obj(PyBytes::new_obj(data.into_owned())))
}

fn bytes_getnewargs(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, data) = no_args("__getnewargs__", args)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::Obj(PyBytes::new_obj(data.into_owned()))])))
}

fn bytes_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let Some(kind) = kind_of(v) else { return Err(PyErr::type_error("bytes expected")) };
    if let Some(sl) = crate::methods::slice::as_slice(key) {
        // Bounds first (their `__index__` may run Python code), then only the selected
        // bytes are copied.
        let (start, stop, step) = crate::methods::slice::unpack(ctx, sl)?;
        let (whole, selected) = with_buffer(v, |data| {
            let (start, _, n) = crate::methods::slice::adjust(data.len(), start, stop, step);
            let whole = start == 0 && step == 1 && n == data.len();
            let selected: Vec<u8> = if step == 1 {
                let from = usize::try_from(start).unwrap_or(0);
                data.get(from..from + n).unwrap_or_default().to_vec()
            } else {
                (0..n)
                    .filter_map(|k| {
                        let position = start + i64::try_from(k).unwrap_or(0) * step;
                        usize::try_from(position).ok().and_then(|p| data.get(p).copied())
                    })
                    .collect()
            };
            (whole, selected)
        })
        .unwrap_or_default();
        if whole && kind == Kind::Bytes && v.type_ref().is_same(&types().bytes) {
            return Ok(v.clone());
        }
        return Ok(wrap(kind, selected));
    }
    let what = if kind == Kind::Bytes { "byte" } else { "bytearray" };
    let Some(index) = index_of(ctx, key, what)? else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    let item = with_buffer(v, |data| normalize_index(index, data.len()).map(|i| data[i])).flatten();
    match item {
        Some(b) => Ok(Value::Int(i64::from(b))),
        None if kind == Kind::Bytes => Err(PyErr::index_error("index out of range")),
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

fn bytes_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    if protocol::has_index(item) {
        let b = byte_value(ctx, item, "byte must be in range(0, 256)")?;
        return Ok(with_buffer(v, |data| data.contains(&b)).unwrap_or(false));
    }
    let needle = bytes_like(item)?;
    Ok(with_buffer(v, |data| search::find_bytes(data, &needle, 0, data.len()).is_some()).unwrap_or(false))
}

fn bytes_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(seq) = seq else { return Ok(None) };
    let i = iter.index.get();
    match with_buffer(&seq, |data| data.get(i).copied()).flatten() {
        Some(b) => {
            iter.index.set(i + 1);
            Ok(Some(Value::Int(i64::from(b))))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}
