//! The `_codecs` module: the codec registry (`register`, `lookup`, error handlers) that
//! CPython's `codecs.py` and `encodings` package stand on, and the codec functions their
//! codec modules call (`utf_8_decode`, `charmap_encode`, `unicode_escape_decode`, ...).
//! The UTF and Latin-1 codecs are `pyrite-object`'s (`methods::codecs`), which apply the
//! built-in error handlers, and call handlers registered from Python (found through
//! [`registered_handler`]) for `str.encode` and `bytes.decode`.

use pyrite_memory::GilCell;
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::check_args;
use pyrite_object::methods::codecs::{decode_bytes, encode_str};
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module, NativeFn};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

/// Search functions, the lookup cache and the error handlers registered from Python.
struct Registry {
    search: Vec<Value>,
    cache: Vec<(String, Value)>,
    handlers: Vec<(String, Value)>,
}

static REGISTRY: GilCell<Registry> =
    GilCell::new(Registry { search: Vec::new(), cache: Vec::new(), handlers: Vec::new() });

fn registry<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    // SAFETY: native functions run with the GIL held, and `f` runs no Python code.
    unsafe { REGISTRY.with(f) }
}

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let functions: &[(&'static str, NativeFn)] = &[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("_forget_codec", forget_codec),
        ("encode", encode),
        ("decode", decode),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("utf_8_encode", |c, a| encode_with(c, a, "utf_8_encode", "utf-8")),
        ("utf_8_decode", |c, a| decode_with(c, a, "utf_8_decode", "utf-8", 0)),
        ("ascii_encode", |c, a| encode_with(c, a, "ascii_encode", "ascii")),
        ("ascii_decode", |c, a| decode_with(c, a, "ascii_decode", "ascii", 1)),
        ("latin_1_encode", |c, a| encode_with(c, a, "latin_1_encode", "latin-1")),
        ("latin_1_decode", |c, a| decode_with(c, a, "latin_1_decode", "latin-1", 1)),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_decode", |c, a| decode_with(c, a, "utf_16_decode", "utf-16", 2)),
        ("utf_16_le_encode", |c, a| encode_with(c, a, "utf_16_le_encode", "utf-16-le")),
        ("utf_16_le_decode", |c, a| decode_with(c, a, "utf_16_le_decode", "utf-16-le", 2)),
        ("utf_16_be_encode", |c, a| encode_with(c, a, "utf_16_be_encode", "utf-16-be")),
        ("utf_16_be_decode", |c, a| decode_with(c, a, "utf_16_be_decode", "utf-16-be", 2)),
        ("utf_16_ex_decode", |c, a| ex_decode(c, a, "utf_16_ex_decode", 2)),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_decode", |c, a| decode_with(c, a, "utf_32_decode", "utf-32", 4)),
        ("utf_32_le_encode", |c, a| encode_with(c, a, "utf_32_le_encode", "utf-32-le")),
        ("utf_32_le_decode", |c, a| decode_with(c, a, "utf_32_le_decode", "utf-32-le", 4)),
        ("utf_32_be_encode", |c, a| encode_with(c, a, "utf_32_be_encode", "utf-32-be")),
        ("utf_32_be_decode", |c, a| decode_with(c, a, "utf_32_be_decode", "utf-32-be", 4)),
        ("utf_32_ex_decode", |c, a| ex_decode(c, a, "utf_32_ex_decode", 4)),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("charmap_build", charmap_build),
        ("unicode_escape_encode", unicode_escape_encode),
        ("unicode_escape_decode", |c, a| escape_decode_with(c, a, "unicode_escape_decode", true, false)),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", |c, a| escape_decode_with(c, a, "raw_unicode_escape_decode", true, true)),
        ("escape_encode", escape_encode),
        ("escape_decode", |c, a| escape_decode_with(c, a, "escape_decode", false, false)),
        ("readbuffer_encode", readbuffer_encode),
    ];
    Ok(Module::new_native("_codecs", functions))
}

/// CPython's `normalizestring`: lower case, spaces to underscores.
fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect()
}

fn str_arg<'a>(function: &str, v: &'a Value) -> PyResult<&'a PyStr> {
    v.as_str().ok_or_else(|| PyErr::type_error(format!("{function}() argument must be str, not {}", v.type_name())))
}

fn errors_arg(function: &str, v: Option<&Value>) -> PyResult<String> {
    match v {
        None | Some(Value::None) => Ok("strict".to_owned()),
        Some(v) => Ok(str_arg(function, v)?.as_str().to_owned()),
    }
}

fn data_arg(function: &str, v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| {
        PyErr::type_error(format!("{function}() argument 1 must be bytes-like object, not '{}'", v.type_name()))
    })
}

fn pair(first: Value, n: usize) -> Value {
    Value::Obj(PyTuple::new_obj(vec![first, Value::from(n)]))
}

fn register(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("register", args, 1, 1)?;
    if !protocol::callable(&values[0]) {
        return Err(PyErr::type_error("argument must be callable"));
    }
    registry(|r| r.search.push(values[0].clone()));
    Ok(Value::None)
}

fn unregister(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("unregister", args, 1, 1)?;
    registry(|r| {
        r.search.retain(|f| !f.is(&values[0]));
        r.cache.clear();
    });
    Ok(Value::None)
}

fn forget_codec(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("_forget_codec", args, 1, 1)?;
    let name = normalize(str_arg("_forget_codec", &values[0])?.as_str());
    registry(|r| r.cache.retain(|(n, _)| *n != name));
    Ok(Value::None)
}

/// `codecs.lookup(encoding)`: the cached `CodecInfo`, or what the first search function
/// that knows the name returns.
fn lookup_codec(ctx: &mut Ctx, encoding: &str) -> PyResult {
    let name = normalize(encoding);
    if let Some(found) = registry(|r| r.cache.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())) {
        return Ok(found);
    }
    let searchers = registry(|r| r.search.clone());
    if searchers.is_empty() {
        // As CPython, the first lookup imports the `encodings` package, which registers
        // its search function.
        pyrite_vm::import_startup_module(ctx, "encodings")?;
    }
    let searchers = registry(|r| r.search.clone());
    for search in searchers {
        let result = protocol::call_positional(ctx, &search, &[Value::str(&name)])?;
        if result.is_none() {
            continue;
        }
        if result.downcast::<PyTuple>().is_none_or(|t| t.items().len() != 4) {
            return Err(PyErr::type_error("codec search functions must return 4-tuples"));
        }
        registry(|r| r.cache.push((name.clone(), result.clone())));
        return Ok(result);
    }
    Err(PyErr::new(&types().lookup_error, format!("unknown encoding: {encoding}")))
}

/// Runs a codec from the registry for `str.encode` and `bytes.decode` (CPython's
/// `_PyCodec_EncodeText`/`_PyCodec_DecodeText`): text encodings only, and the result must
/// be bytes (encoding) or str (decoding).
pub fn run_text_codec(ctx: &mut Ctx, object: &Value, encoding: &str, errors: &str, encode: bool) -> PyResult {
    let info = lookup_codec(ctx, encoding)?;
    let (verb, index, wanted) = if encode { ("encode", 0, "bytes") } else { ("decode", 1, "str") };
    if let Ok(flag) = protocol::getattr_str(ctx, &info, "_is_text_encoding")
        && !protocol::truthy(ctx, &flag)?
    {
        return Err(PyErr::new(
            &types().lookup_error,
            format!("'{encoding}' is not a text encoding; use codecs.{verb}() to handle arbitrary codecs"),
        ));
    }
    let function = info.downcast::<PyTuple>().and_then(|t| t.items().get(index).cloned()).unwrap_or(Value::None);
    let result = protocol::call_positional(ctx, &function, &[object.clone(), Value::str(errors)])?;
    let value = match result.downcast::<PyTuple>().map(|t| t.items().to_vec()) {
        Some(items) if items.len() == 2 => items[0].clone(),
        _ => return Err(PyErr::type_error(format!("{verb}r must return a tuple (object, integer)"))),
    };
    let right_type = if encode {
        value.downcast::<PyBytes>().is_some() || value.downcast::<pyrite_object::types::bytes::PyByteArray>().is_some()
    } else {
        value.as_str().is_some()
    };
    if !right_type {
        return Err(PyErr::type_error(format!(
            "'{encoding}' {verb}r returned '{}' instead of '{wanted}'; use codecs.{verb}() to {verb} to arbitrary types",
            value.type_name()
        )));
    }
    Ok(value)
}

fn lookup(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("lookup", args, 1, 1)?;
    let encoding = str_arg("lookup", &values[0])?.as_str().to_owned();
    lookup_codec(ctx, &encoding)
}

const CODEC_CALL: Params = Params::new("encode", &["obj", "encoding", "errors"]).required(1);

fn codec_call(ctx: &mut Ctx, args: Args<'_>, index: usize, what: &str) -> PyResult {
    let [obj, encoding, errors] = CODEC_CALL.bind(args)?;
    let obj = obj.cloned().unwrap_or(Value::None);
    let encoding = match encoding {
        Some(e) => str_arg(what, e)?.as_str().to_owned(),
        None => "utf-8".to_owned(),
    };
    let errors = errors_arg(what, errors)?;
    let info = lookup_codec(ctx, &encoding)?;
    let function = info.downcast::<PyTuple>().and_then(|t| t.items().get(index).cloned()).unwrap_or(Value::None);
    let result = protocol::call_positional(ctx, &function, &[obj, Value::str(&errors)])?;
    match result.downcast::<PyTuple>().map(|t| t.items().to_vec()) {
        Some(items) if items.len() == 2 => Ok(items[0].clone()),
        _ => Err(PyErr::type_error(format!("{what}r must return a tuple (object, integer)"))),
    }
}

fn encode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    codec_call(ctx, args, 0, "encode")
}

fn decode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    codec_call(ctx, args, 1, "decode")
}

fn register_error(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("register_error", args, 2, 2)?;
    let name = str_arg("register_error", &values[0])?.as_str().to_owned();
    if !protocol::callable(&values[1]) {
        return Err(PyErr::type_error("handler must be callable"));
    }
    registry(|r| {
        r.handlers.retain(|(n, _)| *n != name);
        r.handlers.push((name, values[1].clone()));
    });
    Ok(Value::None)
}

/// The error handler registered from Python under `name` (for the built-in codecs).
pub fn registered_handler(name: &str) -> Option<Value> {
    registry(|r| r.handlers.iter().find(|(n, _)| n == name).map(|(_, h)| h.clone()))
}

fn lookup_error(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("lookup_error", args, 1, 1)?;
    let name = str_arg("lookup_error", &values[0])?.as_str().to_owned();
    if let Some(found) = registry(|r| r.handlers.iter().find(|(n, _)| *n == name).map(|(_, h)| h.clone())) {
        return Ok(found);
    }
    let handler: Option<(&'static str, NativeFn)> = match name.as_str() {
        "strict" => Some(("strict_errors", strict_errors)),
        "ignore" => Some(("ignore_errors", ignore_errors)),
        "replace" => Some(("replace_errors", replace_errors)),
        "backslashreplace" => Some(("backslashreplace_errors", backslashreplace_errors)),
        "xmlcharrefreplace" => Some(("xmlcharrefreplace_errors", xmlcharrefreplace_errors)),
        "namereplace" => Some(("namereplace_errors", namereplace_errors)),
        "surrogateescape" => Some(("surrogateescape", surrogateescape_errors)),
        "surrogatepass" => Some(("surrogatepass", surrogatepass_errors)),
        _ => None,
    };
    match handler {
        Some((fname, f)) => Ok(Value::Obj(BuiltinFunction::new_obj(fname, f))),
        None => Err(PyErr::new(&types().lookup_error, format!("unknown error handler name '{name}'"))),
    }
}

/// The exception an error handler was given, and its `start`/`end`/`object`.
struct Failure {
    exc: Value,
    start: usize,
    end: usize,
    object: Value,
    encoding: bool,
}

fn failure(ctx: &mut Ctx, function: &str, args: Args<'_>) -> PyResult<Failure> {
    let values = check_args(function, args, 1, 1)?;
    let exc = values[0].clone();
    let encoding = protocol::isinstance(&exc, &types().unicode_encode_error);
    let decoding = protocol::isinstance(&exc, &types().unicode_decode_error);
    if !encoding && !decoding {
        return Err(PyErr::type_error(format!("don't know how to handle {} in error callback", exc.type_name())));
    }
    let mut field = |name: &str| -> PyResult<Value> { protocol::getattr(ctx, &exc, &Value::str(name)) };
    let start = pyrite_object::methods::int::to_i64(&field("start")?)?;
    let end = pyrite_object::methods::int::to_i64(&field("end")?)?;
    let object = field("object")?;
    Ok(Failure {
        exc,
        start: usize::try_from(start).unwrap_or(0),
        end: usize::try_from(end).unwrap_or(0),
        object,
        encoding,
    })
}

fn strict_errors(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("strict_errors", args, 1, 1)?;
    match values[0].as_obj() {
        Some(o) if protocol::isinstance(&values[0], &types().base_exception) => Err(PyErr(o.clone())),
        _ => Err(PyErr::type_error("codec must pass exception instance")),
    }
}

fn ignore_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "ignore_errors", args)?;
    Ok(pair(Value::str(""), f.end))
}

fn replace_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "replace_errors", args)?;
    let text = if f.encoding { "?".repeat(f.end.saturating_sub(f.start)) } else { "\u{FFFD}".to_owned() };
    Ok(pair(Value::str(&text), f.end))
}

fn code_points_of(f: &Failure) -> Vec<u32> {
    f.object.as_str().map(|s| s.code_points().collect()).unwrap_or_default()
}

fn backslashreplace_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "backslashreplace_errors", args)?;
    let mut text = String::new();
    if f.encoding {
        for &c in code_points_of(&f).get(f.start..f.end).unwrap_or_default() {
            text.push_str(&escape_code_point(c));
        }
    } else {
        for &b in buffer_bytes(&f.object).unwrap_or_default().get(f.start..f.end).unwrap_or_default() {
            text.push_str(&format!("\\x{b:02x}"));
        }
    }
    Ok(pair(Value::str(&text), f.end))
}

fn escape_code_point(c: u32) -> String {
    pyrite_object::methods::codecs::backslash_escape(c)
}

fn xmlcharrefreplace_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "xmlcharrefreplace_errors", args)?;
    if !f.encoding {
        return Err(PyErr::type_error(format!("don't know how to handle {} in error callback", f.exc.type_name())));
    }
    let text: String =
        code_points_of(&f).get(f.start..f.end).unwrap_or_default().iter().map(|c| format!("&#{c};")).collect();
    Ok(pair(Value::str(&text), f.end))
}

fn namereplace_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "namereplace_errors", args)?;
    if !f.encoding {
        return Err(PyErr::type_error(format!("don't know how to handle {} in error callback", f.exc.type_name())));
    }
    let cps = code_points_of(&f);
    let text = pyrite_object::methods::codecs::namereplace_text(cps.get(f.start..f.end).unwrap_or_default())?;
    Ok(pair(Value::str(&text), f.end))
}

fn surrogateescape_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "surrogateescape", args)?;
    if f.encoding {
        let mut out = Vec::new();
        for &c in code_points_of(&f).get(f.start..f.end).unwrap_or_default() {
            if !(0xDC80..0xDD00).contains(&c) {
                return Err(PyErr(f.exc.as_obj().cloned().unwrap_or_else(|| types().none_type.clone())));
            }
            out.push((c - 0xDC00) as u8);
        }
        return Ok(pair(Value::Obj(PyBytes::new_obj(out)), f.end));
    }
    let data = buffer_bytes(&f.object).unwrap_or_default();
    let mut cps = Vec::new();
    for &b in data.get(f.start..f.end).unwrap_or_default() {
        if b < 128 {
            return Err(PyErr(f.exc.as_obj().cloned().unwrap_or_else(|| types().none_type.clone())));
        }
        cps.push(0xDC00 + u32::from(b));
    }
    Ok(pair(Value::Obj(PyStr::from_code_points_obj(&cps)), f.end))
}

fn surrogatepass_errors(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = failure(ctx, "surrogatepass", args)?;
    Err(PyErr(f.exc.as_obj().cloned().unwrap_or_else(|| types().none_type.clone())))
}

const ENCODE: Params = Params::new("encode", &["str", "errors"]).required(1).positional_only(2);

fn encode_with(_: &mut Ctx, args: Args<'_>, function: &'static str, encoding: &str) -> PyResult {
    let params = Params { name: function, ..ENCODE };
    let [s, errors] = params.bind(args)?;
    let s = str_arg(function, s.unwrap_or(&Value::None))?;
    let errors = errors_arg(function, errors)?;
    let data = encode_str(s, encoding, &errors)?;
    Ok(pair(Value::Obj(PyBytes::new_obj(data)), s.len()))
}

const UTF_ENCODE: Params = Params::new("utf_16_encode", &["str", "errors", "byteorder"]).required(1).positional_only(3);

fn utf_encode(ctx: &mut Ctx, args: Args<'_>, function: &'static str, bits: u32) -> PyResult {
    let params = Params { name: function, ..UTF_ENCODE };
    let [s, errors, byteorder] = params.bind(args)?;
    let order = match byteorder {
        Some(b) => pyrite_object::methods::int::to_i64(b)?,
        None => 0,
    };
    let encoding = match (bits, order.signum()) {
        (16, 0) => "utf-16",
        (16, -1) => "utf-16-le",
        (16, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, -1) => "utf-32-le",
        _ => "utf-32-be",
    };
    let values: Vec<Value> = [s, errors].into_iter().flatten().cloned().collect();
    encode_with(ctx, Args::positional(&values), function, encoding)
}

fn utf_16_encode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    utf_encode(ctx, args, "utf_16_encode", 16)
}

fn utf_32_encode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    utf_encode(ctx, args, "utf_32_encode", 32)
}

const DECODE: Params = Params::new("decode", &["data", "errors", "final"]).required(1).positional_only(3);

/// How much of `data` a non-final incremental decode may consume: not a trailing
/// incomplete character (`unit` 0 means UTF-8, else the code unit size).
fn complete_prefix(data: &[u8], unit: usize) -> usize {
    match unit {
        0 => {
            for back in 1..=3.min(data.len()) {
                let b = data[data.len() - back];
                let needed = match b {
                    0xC2..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    0x80..=0xBF => continue,
                    _ => return data.len(),
                };
                return if needed > back { data.len() - back } else { data.len() };
            }
            data.len()
        }
        1 => data.len(),
        n => data.len() - data.len() % n,
    }
}

fn decode_with(ctx: &mut Ctx, args: Args<'_>, function: &'static str, encoding: &str, unit: usize) -> PyResult {
    let params = Params { name: function, ..DECODE };
    let [data, errors, final_] = params.bind(args)?;
    let data = data_arg(function, data.unwrap_or(&Value::None))?;
    let errors = errors_arg(function, errors)?;
    let is_final = match final_ {
        Some(f) => protocol::truthy(ctx, f)?,
        None => false,
    };
    let take = if is_final { data.len() } else { complete_prefix(&data, unit) };
    let cps = decode_bytes(&data[..take], encoding, &errors)?;
    Ok(pair(Value::Obj(PyStr::from_code_points_obj(&cps)), take))
}

const EX_DECODE: Params =
    Params::new("utf_16_ex_decode", &["data", "errors", "byteorder", "final"]).required(1).positional_only(4);

/// `utf_16_ex_decode(data, errors, byteorder, final)`: detects a BOM when `byteorder`
/// is 0 and returns the byte order found.
fn ex_decode(ctx: &mut Ctx, args: Args<'_>, function: &'static str, unit: usize) -> PyResult {
    let params = Params { name: function, ..EX_DECODE };
    let [data, errors, byteorder, final_] = params.bind(args)?;
    let bytes = data_arg(function, data.unwrap_or(&Value::None))?;
    let mut order = match byteorder {
        Some(b) => pyrite_object::methods::int::to_i64(b)?,
        None => 0,
    };
    let bits = if unit == 2 { 16 } else { 32 };
    let (le_bom, be_bom): (&[u8], &[u8]) =
        if unit == 2 { (&[0xFF, 0xFE], &[0xFE, 0xFF]) } else { (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF]) };
    let mut skip = 0;
    if order == 0 {
        if bytes.starts_with(le_bom) {
            order = -1;
            skip = unit;
        } else if bytes.starts_with(be_bom) {
            order = 1;
            skip = unit;
        }
    }
    let encoding = if order > 0 { format!("utf-{bits}-be") } else { format!("utf-{bits}-le") };
    let rest = Value::Obj(PyBytes::new_obj(bytes[skip..].to_vec()));
    let values: Vec<Value> = [Some(&rest), errors, final_].into_iter().flatten().cloned().collect();
    let decoded = decode_with(ctx, Args::positional(&values), function, &encoding, unit)?;
    let items = decoded.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
    let consumed = items.get(1).and_then(|c| pyrite_object::methods::int::to_i64(c).ok()).unwrap_or(0);
    let consumed = usize::try_from(consumed).unwrap_or(0) + skip;
    let text = items.first().cloned().unwrap_or(Value::None);
    Ok(Value::Obj(PyTuple::new_obj(vec![text, Value::from(consumed), Value::Int(order)])))
}

fn charmap_decode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("charmap_decode", args, 1, 3)?;
    let data = data_arg("charmap_decode", &values[0])?;
    let errors = errors_arg("charmap_decode", values.get(1))?;
    let mapping = values.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let cps = decode_bytes(&data, "latin-1", &errors)?;
        return Ok(pair(Value::Obj(PyStr::from_code_points_obj(&cps)), data.len()));
    }
    let table: Option<Vec<u32>> = mapping.as_str().map(|s| s.code_points().collect());
    let mut out = Vec::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        let mapped = match &table {
            Some(t) => t.get(usize::from(b)).copied().filter(|&c| c != 0xFFFE),
            None => {
                let item = match protocol::getitem(ctx, &mapping, &Value::Int(i64::from(b))) {
                    Ok(v) => v,
                    Err(e) if e.matches(&types().lookup_error) => Value::None,
                    Err(e) => return Err(e),
                };
                match &item {
                    Value::None => None,
                    v if v.as_str().is_some() => {
                        out.extend(v.as_str().map(|s| s.code_points().collect::<Vec<_>>()).unwrap_or_default());
                        continue;
                    }
                    v => Some(
                        u32::try_from(pyrite_object::methods::int::to_i64(v)?)
                            .map_err(|_| PyErr::type_error("character mapping must be in range(0x110000)"))?,
                    ),
                }
            }
        };
        match (mapped, errors.as_str()) {
            (Some(c), _) => out.push(c),
            (None, "ignore") => {}
            (None, "replace") => out.push(0xFFFD),
            (None, "surrogateescape") if b >= 128 => out.push(0xDC00 + u32::from(b)),
            (None, "backslashreplace") => out.extend(format!("\\x{b:02x}").chars().map(u32::from)),
            (None, _) => {
                return Err(codec_error(
                    ctx,
                    &types().unicode_decode_error,
                    "charmap",
                    &values[0],
                    i,
                    "character maps to <undefined>",
                ));
            }
        }
    }
    Ok(pair(Value::Obj(PyStr::from_code_points_obj(&out)), data.len()))
}

fn codec_error(ctx: &mut Ctx, ty: &ObjRef, encoding: &str, object: &Value, at: usize, reason: &str) -> PyErr {
    let object = match buffer_bytes(object) {
        Some(data) if object.as_str().is_none() => Value::Obj(PyBytes::new_obj(data)),
        _ => object.clone(),
    };
    let args = [Value::str(encoding), object, Value::from(at), Value::from(at + 1), Value::str(reason)];
    match protocol::call_positional(ctx, &Value::Obj(ty.clone()), &args) {
        Ok(exc) => exc.as_obj().map_or_else(|| PyErr::new_system("codec error"), |o| PyErr(o.clone())),
        Err(e) => e,
    }
}

fn charmap_build(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("charmap_build", args, 1, 1)?;
    let table = str_arg("charmap_build", &values[0])?;
    let map = PyDict::new_obj();
    if let Some(d) = map.downcast::<PyDict>() {
        for (byte, c) in table.code_points().enumerate().take(256) {
            if c != 0xFFFE {
                d.set_item(ctx, Value::Int(i64::from(c)), Value::from(byte))?;
            }
        }
    }
    Ok(Value::Obj(map))
}

fn charmap_encode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("charmap_encode", args, 1, 3)?;
    let s = str_arg("charmap_encode", &values[0])?;
    let errors = errors_arg("charmap_encode", values.get(1))?;
    let mapping = values.get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        let data = encode_str(s, "latin-1", &errors)?;
        return Ok(pair(Value::Obj(PyBytes::new_obj(data)), s.len()));
    }
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    for (i, &c) in cps.iter().enumerate() {
        let item = match protocol::getitem(ctx, &mapping, &Value::Int(i64::from(c))) {
            Ok(v) => v,
            Err(e) if e.matches(&types().lookup_error) => Value::None,
            Err(e) => return Err(e),
        };
        match &item {
            Value::None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push(b'?'),
                "xmlcharrefreplace" => out.extend(format!("&#{c};").bytes()),
                "backslashreplace" => out.extend(escape_code_point(c).bytes()),
                _ => {
                    return Err(codec_error(
                        ctx,
                        &types().unicode_encode_error,
                        "charmap",
                        &values[0],
                        i,
                        "character maps to <undefined>",
                    ));
                }
            },
            v => match buffer_bytes(v) {
                Some(bytes) => out.extend(bytes),
                None => {
                    let n = pyrite_object::methods::int::to_i64(v)?;
                    out.push(
                        u8::try_from(n).map_err(|_| PyErr::type_error("character mapping must be in range(256)"))?,
                    );
                }
            },
        }
    }
    Ok(pair(Value::Obj(PyBytes::new_obj(out)), cps.len()))
}

/// `unicode_escape` text: printable ASCII as is, `\t\n\r\\` named, the rest `\x`/`\u`/`\U`.
fn unicode_escape_encode(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("unicode_escape_encode", args, 1, 2)?;
    let s = str_arg("unicode_escape_encode", &values[0])?;
    let mut out = String::new();
    for c in s.code_points() {
        match c {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x20..=0x7E => out.push(char::from_u32(c).unwrap_or('?')),
            _ => out.push_str(&escape_code_point(c)),
        }
    }
    Ok(pair(Value::Obj(PyBytes::new_obj(out.into_bytes())), s.len()))
}

fn raw_unicode_escape_encode(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("raw_unicode_escape_encode", args, 1, 2)?;
    let s = str_arg("raw_unicode_escape_encode", &values[0])?;
    let mut out = Vec::new();
    for c in s.code_points() {
        if c < 0x100 {
            out.push(c as u8);
        } else {
            out.extend(escape_code_point(c).bytes());
        }
    }
    Ok(pair(Value::Obj(PyBytes::new_obj(out)), s.len()))
}

/// `escape_encode(bytes)`: bytes as in a bytes literal's body.
fn escape_encode(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("escape_encode", args, 1, 2)?;
    let Some(data) = values[0].downcast::<PyBytes>().map(|b| b.as_bytes().to_vec()) else {
        return Err(PyErr::type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            values[0].type_name()
        )));
    };
    let mut out = Vec::new();
    for &b in &data {
        match b {
            b'\\' => out.extend(b"\\\\"),
            b'\'' => out.extend(b"\\'"),
            b'\t' => out.extend(b"\\t"),
            b'\n' => out.extend(b"\\n"),
            b'\r' => out.extend(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend(format!("\\x{b:02x}").bytes()),
        }
    }
    Ok(pair(Value::Obj(PyBytes::new_obj(out)), data.len()))
}

/// The three escape decoders: `unicode_escape` (`text`), `raw_unicode_escape` (`text`,
/// `raw`: only `\u`/`\U`) and `escape_decode` (bytes out).
fn escape_decode_with(ctx: &mut Ctx, args: Args<'_>, function: &str, text: bool, raw: bool) -> PyResult {
    let values = check_args(function, args, 1, 3)?;
    let data = match values[0].as_str() {
        Some(s) => encode_str(s, "latin-1", "strict").or_else(|_| encode_str(s, "utf-8", "strict"))?,
        None => data_arg(function, &values[0])?,
    };
    let errors = errors_arg(function, values.get(1))?;
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut i = 0;
    let hex = |digits: &[u8]| -> Option<u32> {
        let s = std::str::from_utf8(digits).ok()?;
        if s.len() != digits.len() || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    };
    while i < data.len() {
        let b = data[i];
        if b != b'\\' || i + 1 >= data.len() {
            if b == b'\\' && !raw {
                return Err(escape_error(ctx, function, &values[0], i, data.len(), "\\ at end of string", text));
            }
            out.push(u32::from(b));
            i += 1;
            continue;
        }
        let e = data[i + 1];
        let width = match e {
            b'x' if !raw => 2,
            b'u' if text => 4,
            b'U' if text => 8,
            _ => 0,
        };
        if width > 0 {
            let digits = data.get(i + 2..i + 2 + width).unwrap_or(&data[data.len().min(i + 2)..]);
            match hex(digits).filter(|&c| c <= 0x10FFFF) {
                Some(c) if digits.len() == width => {
                    out.push(c);
                    i += 2 + width;
                }
                _ => {
                    let reason = match e {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    match errors.as_str() {
                        "ignore" => i += 2,
                        "replace" => {
                            out.push(0xFFFD);
                            i += 2;
                        }
                        _ => {
                            let end = i + 2 + digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                            return Err(escape_error(ctx, function, &values[0], i, end, reason, text));
                        }
                    }
                }
            }
            continue;
        }
        if raw {
            out.push(u32::from(b));
            i += 1;
            continue;
        }
        let simple = match e {
            b'\n' => Some(None),
            b'\\' => Some(Some(u32::from(b'\\'))),
            b'\'' => Some(Some(u32::from(b'\''))),
            b'"' => Some(Some(u32::from(b'"'))),
            b'a' => Some(Some(7)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b'n' => Some(Some(10)),
            b'r' => Some(Some(13)),
            b't' => Some(Some(9)),
            b'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(c) = simple {
            out.extend(c);
            i += 2;
            continue;
        }
        if (b'0'..=b'7').contains(&e) {
            let mut value = 0u32;
            let mut j = i + 1;
            while j < data.len() && j < i + 4 && (b'0'..=b'7').contains(&data[j]) {
                value = value * 8 + u32::from(data[j] - b'0');
                j += 1;
            }
            out.push(if text { value } else { value & 0xFF });
            i = j;
            continue;
        }
        if e == b'N' && text {
            return Err(PyErr::not_implemented("\\N{...} escapes are not supported yet"));
        }
        // An unknown escape keeps its backslash.
        out.push(u32::from(b'\\'));
        i += 1;
    }
    let result = if text {
        Value::Obj(PyStr::from_code_points_obj(&out))
    } else {
        Value::Obj(PyBytes::new_obj(out.iter().map(|&c| c as u8).collect()))
    };
    Ok(pair(result, data.len()))
}

fn escape_error(
    ctx: &mut Ctx,
    function: &str,
    object: &Value,
    start: usize,
    end: usize,
    reason: &str,
    text: bool,
) -> PyErr {
    if !text {
        return PyErr::value_error(reason.replace("truncated \\xXX escape", "invalid \\x escape"));
    }
    let encoding = if function.starts_with("raw") { "rawunicodeescape" } else { "unicodeescape" };
    let object = match buffer_bytes(object) {
        Some(data) => Value::Obj(PyBytes::new_obj(data)),
        None => object.clone(),
    };
    let args = [Value::str(encoding), object, Value::from(start), Value::from(end), Value::str(reason)];
    match protocol::call_positional(ctx, &Value::Obj(types().unicode_decode_error.clone()), &args) {
        Ok(exc) => exc.as_obj().map_or_else(|| PyErr::new_system("codec error"), |o| PyErr(o.clone())),
        Err(e) => e,
    }
}

fn readbuffer_encode(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("readbuffer_encode", args, 1, 2)?;
    let data = match values[0].as_str() {
        Some(s) => encode_str(s, "utf-8", "strict")?,
        None => data_arg("readbuffer_encode", &values[0])?,
    };
    let n = data.len();
    Ok(pair(Value::Obj(PyBytes::new_obj(data)), n))
}
