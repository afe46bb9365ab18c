//! The `_json` module, `json`'s accelerator: `scanstring`, the scanner type
//! (`make_scanner`, in `scanner`), the encoder type (`make_encoder`, in `encoder`) and
//! `encode_basestring`/`encode_basestring_ascii`, as CPython 3.11's `_json.c`: same
//! results, same `JSONDecodeError`s (raised through `json.decoder.JSONDecodeError`) and
//! positions, same recursion limits.

mod encoder;
mod scanner;

use pyrite_memory::ObjRef;
use pyrite_object::methods::int::to_i64;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_json",
        &[
            ("encode_basestring_ascii", py_encode_basestring_ascii),
            ("encode_basestring", py_encode_basestring),
            ("scanstring", py_scanstring),
        ],
    );
    Module::set(&module, "make_scanner", Value::Obj(scanner::scanner_type().clone()));
    Module::set(&module, "make_encoder", Value::Obj(encoder::encoder_type().clone()));
    Module::set(&module, "__doc__", Value::str("json speedups\n"));
    Ok(module)
}

/// `json.decoder.JSONDecodeError(message, text, position)`.
fn decode_error(ctx: &mut Ctx, message: &str, text: &Value, pos: usize) -> PyErr {
    let made = (|| {
        let module = pyrite_vm::import_module(ctx, "json.decoder")?;
        let class = protocol::getattr_str(ctx, &module, "JSONDecodeError")?;
        protocol::call_positional(ctx, &class, &[Value::str(message), text.clone(), Value::from(pos)])
    })();
    match made {
        Ok(Value::Obj(exc)) => PyErr(exc),
        Ok(_) => PyErr::new_system("JSONDecodeError is not an exception"),
        Err(e) => e,
    }
}

fn string_arg(v: &Value) -> PyResult<&PyStr> {
    v.as_str().ok_or_else(|| PyErr::type_error(format!("first argument must be a string, not {}", v.type_name())))
}

fn only_arg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("_json.{name}() takes no keyword arguments")));
    }
    match args.values {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!("_json.{name}() takes exactly one argument ({} given)", args.values.len()))),
    }
}

fn push_u_escape(out: &mut Vec<u32>, unit: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend("\\u".chars().map(u32::from));
    for shift in [12, 8, 4, 0] {
        out.push(u32::from(HEX[((unit >> shift) & 0xf) as usize]));
    }
}

/// A JSON string literal for `text`: `"` + escapes + `"`. `ascii` escapes everything
/// beyond ASCII (astral characters as surrogate pairs).
pub(crate) fn escape_string(text: &PyStr, ascii: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len() + 2);
    out.push(u32::from('"'));
    for c in text.code_points() {
        let short = match c {
            0x22 => Some('"'),
            0x5c => Some('\\'),
            0x08 => Some('b'),
            0x0c => Some('f'),
            0x0a => Some('n'),
            0x0d => Some('r'),
            0x09 => Some('t'),
            _ => None,
        };
        if let Some(s) = short {
            out.push(u32::from('\\'));
            out.push(u32::from(s));
        } else if c < 0x20 || (ascii && c >= 0x7f) {
            if c >= 0x10000 {
                let v = c - 0x10000;
                push_u_escape(&mut out, 0xd800 | (v >> 10));
                push_u_escape(&mut out, 0xdc00 | (v & 0x3ff));
            } else {
                push_u_escape(&mut out, c);
            }
        } else {
            out.push(c);
        }
    }
    out.push(u32::from('"'));
    out
}

fn py_encode_basestring_ascii(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = string_arg(only_arg("encode_basestring_ascii", &args)?)?;
    Ok(Value::Obj(PyStr::from_code_points_obj(&escape_string(s, true))))
}

fn py_encode_basestring(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let s = string_arg(only_arg("encode_basestring", &args)?)?;
    Ok(Value::Obj(PyStr::from_code_points_obj(&escape_string(s, false))))
}

/// `scanstring(string, end, strict=True)`: the string starting after the quote at
/// `end - 1`, and the index after its closing quote.
fn py_scanstring(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("scanstring() takes no keyword arguments"));
    }
    let values = pyrite_object::methods::check_args("scanstring", args, 2, 3)?;
    let text = string_arg(&values[0])?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let end = to_i64(&protocol::index(ctx, &values[1], what)?)?;
    let strict = match values.get(2) {
        Some(v) => protocol::truthy(ctx, v)?,
        None => true,
    };
    let chars: Vec<u32> = text.code_points().collect();
    let end = usize::try_from(end).ok().filter(|&e| e <= chars.len());
    let Some(end) = end else { return Err(PyErr::value_error("end is out of bounds")) };
    let (value, next) = scanner::scan_string(ctx, &values[0], &chars, end, strict)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![value, Value::from(next)])))
}
