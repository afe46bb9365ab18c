//! `str.encode`: runs one of the built-in codecs (`methods/codecs.rs`), or another from the
//! codec registry, and returns bytes.

use super::keyword_args;
use crate::ctx::{Args, Ctx};
use crate::error::PyResult;
use crate::methods::codecs::codec_args;
use crate::types::bytes::PyBytes;
use crate::value::Value;

pub use crate::methods::codecs::encode_str;

pub(super) fn str_encode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [encoding, errors]) = keyword_args("encode", args, ["encoding", "errors"])?;
    let (encoding, errors) = codec_args("encode", encoding, errors)?;
    let data = crate::methods::codecs::encode_text(ctx, s, &encoding, &errors)?;
    Ok(Value::Obj(PyBytes::new_obj(data)))
}
