//! `_json.Encoder` (`make_encoder(markers, default, encoder, indent, key_separator,
//! item_separator, sort_keys, skipkeys, allow_nan)`): `JSONEncoder.iterencode` without
//! indentation, as CPython's `encoder_listencode_obj`: the same text, the same
//! "Circular reference detected" and key errors, `int.__repr__`/`float.__repr__` for
//! numbers whatever their subclass says, and the recursion limit.

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, lookup_str, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::escape_string;

/// An encoder's settings.
struct Encoder {
    markers: Value,
    default: Value,
    encoder: Value,
    indent: Value,
    key_separator: Value,
    item_separator: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// When `encoder` is this module's `encode_basestring(_ascii)`: escape directly
    /// (`Some(true)`: ASCII only).
    fast: Option<bool>,
}

impl Trace for Encoder {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for v in [&self.markers, &self.default, &self.encoder, &self.indent, &self.key_separator, &self.item_separator]
        {
            v.traverse(visit);
        }
    }
}

payload!(Encoder, "_json.Encoder", tracked);

pub(super) fn encoder_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Encoder", "_json", None, 0, |s| {
            s.new = Some(encoder_new);
            s.call = Some(encoder_call);
            s.getattro = Some(encoder_getattro);
        });
        attrdescr::add(
            &ty,
            Kind::Member,
            &["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys"],
        );
        ty
    })
}

const NEW: Params = Params::new(
    "make_encoder",
    &[
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ],
)
.required(9);

fn encoder_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [
        Some(markers),
        Some(default),
        Some(encoder),
        Some(indent),
        Some(key_separator),
        Some(item_separator),
        Some(sort_keys),
        Some(skipkeys),
        Some(allow_nan),
    ] = NEW.bind(args)?
    else {
        return Err(PyErr::new_system("make_encoder"));
    };
    for (i, v) in [(5, key_separator), (6, item_separator)] {
        if v.as_str().is_none() {
            return Err(PyErr::type_error(format!("make_encoder() argument {i} must be str, not {}", v.type_name())));
        }
    }
    let sort_keys = protocol::truthy(ctx, sort_keys)?;
    let skipkeys = protocol::truthy(ctx, skipkeys)?;
    let allow_nan = protocol::truthy(ctx, allow_nan)?;
    if !markers.is_none() && !protocol::isinstance(markers, &types().dict) {
        return Err(PyErr::type_error(format!(
            "make_encoder() argument 1 must be dict or None, not {}",
            markers.type_name()
        )));
    }
    let fast = encoder.downcast::<BuiltinFunction>().and_then(|f| {
        if std::ptr::fn_addr_eq(f.func, super::py_encode_basestring_ascii as pyrite_object::types::function::NativeFn) {
            Some(true)
        } else if std::ptr::fn_addr_eq(f.func, super::py_encode_basestring as pyrite_object::types::function::NativeFn)
        {
            Some(false)
        } else {
            None
        }
    });
    let e = Encoder {
        markers: markers.clone(),
        default: default.clone(),
        encoder: encoder.clone(),
        indent: indent.clone(),
        key_separator: key_separator.clone(),
        item_separator: item_separator.clone(),
        sort_keys,
        skipkeys,
        allow_nan,
        fast,
    };
    Ok(Value::Obj(ObjRef::new(e, Some(ty))))
}

fn encoder_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(e) = v.downcast::<Encoder>() {
        match name.as_str().map(|n| n.as_str()) {
            Some("markers") => return Ok(e.markers.clone()),
            Some("default") => return Ok(e.default.clone()),
            Some("encoder") => return Ok(e.encoder.clone()),
            Some("indent") => return Ok(e.indent.clone()),
            Some("key_separator") => return Ok(e.key_separator.clone()),
            Some("item_separator") => return Ok(e.item_separator.clone()),
            Some("sort_keys") => return Ok(Value::Bool(e.sort_keys)),
            Some("skipkeys") => return Ok(Value::Bool(e.skipkeys)),
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

const CALL: Params = Params::new("_iterencode", &["obj", "_current_indent_level"]).required(2);

fn encoder_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let [Some(obj), Some(level)] = CALL.bind(args)? else { return Err(PyErr::new_system("_iterencode")) };
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    protocol::index(ctx, level, what)?;
    let Some(e) = v.downcast::<Encoder>() else { return Err(PyErr::type_error("expected an encoder")) };
    let mut out: Vec<u32> = Vec::new();
    encode(ctx, e, obj, &mut out)?;
    Ok(Value::Obj(PyList::new_obj(vec![Value::Obj(PyStr::from_code_points_obj(&out))])))
}

fn push_str(out: &mut Vec<u32>, text: &str) {
    out.extend(text.chars().map(u32::from));
}

fn push_value_str(out: &mut Vec<u32>, v: &Value) {
    if let Some(s) = v.as_str() {
        out.extend(s.code_points());
    }
}

/// A str through the encoder (`encode_basestring(_ascii)` directly when it is one).
fn encode_string(ctx: &mut Ctx, e: &Encoder, s: &Value, out: &mut Vec<u32>) -> PyResult<()> {
    if let (Some(ascii), Some(text)) = (e.fast, s.as_str()) {
        out.extend(escape_string(text, ascii));
        return Ok(());
    }
    let encoded = protocol::call_positional(ctx, &e.encoder, std::slice::from_ref(s))?;
    if encoded.as_str().is_none() {
        return Err(PyErr::type_error(format!("encoder() must return a string, not {}", encoded.type_name())));
    }
    push_value_str(out, &encoded);
    Ok(())
}

/// `int.__repr__` of an int (or subclass) value.
fn int_text(v: &Value) -> String {
    pyrite_object::methods::int::as_int(v).map(|i| i.to_string()).unwrap_or_default()
}

/// CPython's `encoder_encode_float`.
fn float_text(e: &Encoder, x: f64) -> PyResult<String> {
    if !x.is_finite() {
        if !e.allow_nan {
            return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
        }
        return Ok(if x > 0.0 {
            "Infinity"
        } else if x < 0.0 {
            "-Infinity"
        } else {
            "NaN"
        }
        .to_owned());
    }
    Ok(pyrite_object::num::float_repr(x))
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_)) || protocol::isinstance(v, &types().int)
}

fn is_float(v: &Value) -> bool {
    matches!(v, Value::Float(_)) || protocol::isinstance(v, &types().float)
}

fn encode(ctx: &mut Ctx, e: &Encoder, obj: &Value, out: &mut Vec<u32>) -> PyResult<()> {
    match obj {
        Value::None => push_str(out, "null"),
        Value::Bool(true) => push_str(out, "true"),
        Value::Bool(false) => push_str(out, "false"),
        _ if obj.as_str().is_some() => encode_string(ctx, e, obj, out)?,
        _ if is_int(obj) => push_str(out, &int_text(obj)),
        _ if is_float(obj) => push_str(out, &float_text(e, obj.as_f64().unwrap_or(0.0))?),
        _ if protocol::isinstance(obj, &types().list) || protocol::isinstance(obj, &types().tuple) => {
            ctx.enter_native_call(" while encoding a JSON object")?;
            let result = encode_list(ctx, e, obj, out);
            ctx.leave_call();
            result?;
        }
        _ if protocol::isinstance(obj, &types().dict) => {
            ctx.enter_native_call(" while encoding a JSON object")?;
            let result = encode_dict(ctx, e, obj, out);
            ctx.leave_call();
            result?;
        }
        _ => {
            let ident = mark(ctx, e, obj)?;
            let replaced = protocol::call_positional(ctx, &e.default, std::slice::from_ref(obj))?;
            ctx.enter_native_call(" while encoding a JSON object")?;
            let result = encode(ctx, e, &replaced, out);
            ctx.leave_call();
            result?;
            unmark(ctx, e, ident)?;
        }
    }
    Ok(())
}

/// Records `obj` in the markers dict (by identity), or raises for a cycle.
fn mark(ctx: &mut Ctx, e: &Encoder, obj: &Value) -> PyResult<Option<Value>> {
    let Some(markers) = e.markers.downcast::<PyDict>() else { return Ok(None) };
    let ident = Value::from(obj.id());
    if markers.get_item(ctx, &ident)?.is_some() {
        return Err(PyErr::value_error("Circular reference detected"));
    }
    markers.set_item(ctx, ident.clone(), obj.clone())?;
    Ok(Some(ident))
}

fn unmark(ctx: &mut Ctx, e: &Encoder, ident: Option<Value>) -> PyResult<()> {
    if let (Some(ident), Some(markers)) = (ident, e.markers.downcast::<PyDict>()) {
        markers.remove(ctx, &ident)?;
    }
    Ok(())
}

fn encode_list(ctx: &mut Ctx, e: &Encoder, obj: &Value, out: &mut Vec<u32>) -> PyResult<()> {
    let items = match (obj.downcast::<PyList>(), obj.downcast::<PyTuple>()) {
        (Some(l), _) => l.to_vec(),
        (_, Some(t)) => t.items().to_vec(),
        _ => protocol::collect(ctx, obj)?,
    };
    if items.is_empty() {
        push_str(out, "[]");
        return Ok(());
    }
    let ident = mark(ctx, e, obj)?;
    out.push(u32::from('['));
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            push_value_str(out, &e.item_separator);
        }
        encode(ctx, e, item, out)?;
    }
    unmark(ctx, e, ident)?;
    out.push(u32::from(']'));
    Ok(())
}

fn encode_dict(ctx: &mut Ctx, e: &Encoder, obj: &Value, out: &mut Vec<u32>) -> PyResult<()> {
    if protocol::len(ctx, obj)? == 0 {
        push_str(out, "{}");
        return Ok(());
    }
    let ident = mark(ctx, e, obj)?;
    out.push(u32::from('{'));
    let items_method = protocol::getattr_str(ctx, obj, "items")?;
    let items = protocol::call_positional(ctx, &items_method, &[])?;
    let list = Value::Obj(PyList::new_obj(protocol::collect(ctx, &items)?));
    if e.sort_keys {
        let sort = lookup_str(&types().list, "sort").ok_or_else(|| PyErr::new_system("list.sort"))?;
        protocol::call_positional(ctx, &sort, std::slice::from_ref(&list))?;
    }
    let pairs = list.downcast::<PyList>().map(PyList::to_vec).unwrap_or_default();
    let mut first = true;
    for pair in pairs {
        let (key, value) = match pair.downcast::<PyTuple>().map(PyTuple::items) {
            Some([k, v]) => (k.clone(), v.clone()),
            _ => return Err(PyErr::value_error("items must return 2-tuples")),
        };
        let key_text = if key.as_str().is_some() {
            key.clone()
        } else if is_float(&key) {
            Value::str(&float_text(e, key.as_f64().unwrap_or(0.0))?)
        } else if let Value::Bool(b) = key {
            Value::str(if b { "true" } else { "false" })
        } else if key.is_none() {
            Value::str("null")
        } else if is_int(&key) {
            Value::str(&int_text(&key))
        } else if e.skipkeys {
            continue;
        } else {
            return Err(PyErr::type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                key.type_name()
            )));
        };
        if !first {
            push_value_str(out, &e.item_separator);
        }
        encode_string(ctx, e, &key_text, out)?;
        push_value_str(out, &e.key_separator);
        encode(ctx, e, &value, out)?;
        first = false;
    }
    unmark(ctx, e, ident)?;
    out.push(u32::from('}'));
    Ok(())
}
