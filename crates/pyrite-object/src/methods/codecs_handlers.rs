//! Error handlers registered from Python (`codecs.register_error`) for the built-in
//! codecs: the handler gets the `UnicodeEncodeError`/`UnicodeDecodeError` and returns the
//! replacement and the position to resume at, with CPython's checks of what it returns.

use super::{Codec, DecodeFailure, decode_with, encode_error, encode_with, unicode_error};
use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::registry::types;
use crate::types::bytes::PyBytes;
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::value::Value;

/// Finds a handler registered from Python by name (the `_codecs` module registers its
/// registry here).
static LOOKUP: std::sync::OnceLock<fn(&str) -> Option<Value>> = std::sync::OnceLock::new();

/// Registers where handlers registered from Python are found (later calls are ignored).
pub fn set_error_handler_lookup(lookup: fn(&str) -> Option<Value>) {
    let _ = LOOKUP.set(lookup);
}

/// The handler registered from Python under `name`, unless it is one of the built-in ones
/// (which the codecs apply directly).
pub(super) fn registered(name: &str) -> Option<Value> {
    const BUILT_IN: [&str; 8] = [
        "strict",
        "ignore",
        "replace",
        "backslashreplace",
        "xmlcharrefreplace",
        "namereplace",
        "surrogateescape",
        "surrogatepass",
    ];
    if BUILT_IN.contains(&name) {
        return None;
    }
    LOOKUP.get().and_then(|lookup| lookup(name))
}

/// Calls `handler` with the exception and checks it returned `(replacement, position)`;
/// the position may count from the end and must fall within `len`.
fn call_handler(ctx: &mut Ctx, handler: &Value, exc: &PyErr, len: usize, what: &str) -> PyResult<(Value, usize)> {
    let result = protocol::call_positional(ctx, handler, &[Value::Obj(exc.value().clone())])?;
    let bad =
        || PyErr::type_error(format!("{what} error handler must return ({}, int) tuple", replacement_kinds(what)));
    let items = result.downcast::<PyTuple>().map(|t| t.items().to_vec()).ok_or_else(bad)?;
    let [replacement, position] = items.as_slice() else { return Err(bad()) };
    let position =
        protocol::index(ctx, position, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
    let position = crate::methods::int::to_i64(&position)?;
    let kind_ok = replacement.as_str().is_some() || (what == "encoding" && replacement.downcast::<PyBytes>().is_some());
    if !kind_ok {
        return Err(bad());
    }
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let resolved = if position < 0 { position + len_i } else { position };
    match usize::try_from(resolved).ok().filter(|&p| p <= len) {
        Some(p) => Ok((replacement.clone(), p)),
        None => Err(PyErr::index_error(format!("position {position} from error handler out of bounds"))),
    }
}

fn replacement_kinds(what: &str) -> &'static str {
    if what == "encoding" { "str/bytes" } else { "str" }
}

/// `s.encode(codec, errors)` with a handler registered from Python.
pub(super) fn encode(ctx: &mut Ctx, s: &PyStr, codec: Codec, handler: &Value) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = s.code_points().collect();
    encode_with(codec, &cps, &mut |out, start, end| {
        let exc = encode_error(codec, s, start, end);
        let (replacement, position) = call_handler(ctx, handler, &exc, cps.len(), "encoding")?;
        if let Some(bytes) = replacement.downcast::<PyBytes>() {
            out.extend_from_slice(bytes.as_bytes());
        } else if let Some(text) = replacement.as_str() {
            // A str replacement must be plain ASCII the codec can take as is (CPython raises
            // the original error otherwise).
            for c in text.code_points() {
                if c >= 0x80 || !codec.can_encode(c) {
                    return Err(exc);
                }
                codec.push(out, c);
            }
        }
        Ok(position)
    })
}

/// `data.decode(codec, errors)` with a handler registered from Python.
pub(super) fn decode(ctx: &mut Ctx, data: &[u8], codec: Codec, handler: &Value) -> PyResult<Vec<u32>> {
    decode_with(codec, data, false, &mut |codec, failure: &DecodeFailure, out| {
        let object = Value::Obj(PyBytes::new_obj(data.to_vec()));
        let exc = unicode_error(
            &types().unicode_decode_error,
            codec.name(),
            object,
            failure.start,
            failure.end,
            failure.reason,
        );
        let (replacement, position) = call_handler(ctx, handler, &exc, data.len(), "decoding")?;
        out.extend(replacement.as_str().map(|t| t.code_points().collect::<Vec<_>>()).unwrap_or_default());
        Ok(position)
    })
}
