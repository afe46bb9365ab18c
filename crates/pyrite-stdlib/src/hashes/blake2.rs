//! BLAKE2b and BLAKE2s: the constructor's parameters (digest size, key, salt,
//! personalization, and the tree-hashing ones) checked as CPython 3.11's `_blake2`
//! checks them, and the hash state driven through the `blake2` crate's core (its
//! variable-output core takes the salt, personalization, key length and digest size;
//! the key is hashed as a first padded block). The crate has no tree-hashing parameters,
//! so values other than their defaults raise `NotImplementedError`.

use blake2::digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use blake2::digest::generic_array::GenericArray;
use blake2::{Blake2bVarCore, Blake2sVarCore};
use num_bigint::BigInt;
use pyrite_memory::ObjRef;
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::int::as_int;
use pyrite_object::methods::params::Params;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{Algo, State, data_of, hash_type, new_hash};

/// A running BLAKE2b or BLAKE2s computation.
#[derive(Clone)]
pub(super) enum Blake2 {
    B { core: Blake2bVarCore, buffer: Buffer<Blake2bVarCore>, size: usize },
    S { core: Blake2sVarCore, buffer: Buffer<Blake2sVarCore>, size: usize },
}

impl Blake2 {
    /// The default state: no key, salt or personalization, the longest digest.
    pub(super) fn unkeyed(big: bool) -> Blake2 {
        if big { Blake2::new_b(&[], &[], &[], 64) } else { Blake2::new_s(&[], &[], &[], 32) }
    }

    fn new_b(key: &[u8], salt: &[u8], person: &[u8], size: usize) -> Blake2 {
        let core = Blake2bVarCore::new_with_params(salt, person, key.len(), size);
        let mut state = Blake2::B { core, buffer: Buffer::<Blake2bVarCore>::default(), size };
        state.key_block(key, 128);
        state
    }

    fn new_s(key: &[u8], salt: &[u8], person: &[u8], size: usize) -> Blake2 {
        let core = Blake2sVarCore::new_with_params(salt, person, key.len(), size);
        let mut state = Blake2::S { core, buffer: Buffer::<Blake2sVarCore>::default(), size };
        state.key_block(key, 64);
        state
    }

    /// A keyed hash starts with the key zero-padded to a whole block.
    fn key_block(&mut self, key: &[u8], block: usize) {
        if key.is_empty() {
            return;
        }
        let mut padded = vec![0u8; block];
        padded[..key.len()].copy_from_slice(key);
        self.update(&padded);
    }

    pub(super) fn update(&mut self, data: &[u8]) {
        match self {
            Blake2::B { core, buffer, .. } => buffer.digest_blocks(data, |blocks| core.update_blocks(blocks)),
            Blake2::S { core, buffer, .. } => buffer.digest_blocks(data, |blocks| core.update_blocks(blocks)),
        }
    }

    pub(super) fn finish(&self) -> Vec<u8> {
        match self.clone() {
            Blake2::B { mut core, mut buffer, size } => {
                let mut out = GenericArray::default();
                core.finalize_variable_core(&mut buffer, &mut out);
                out[..size].to_vec()
            }
            Blake2::S { mut core, mut buffer, size } => {
                let mut out = GenericArray::default();
                core.finalize_variable_core(&mut buffer, &mut out);
                out[..size].to_vec()
            }
        }
    }
}

const PARAMS: Params = Params::new(
    "blake2b",
    &[
        "data",
        "digest_size",
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
        "usedforsecurity",
    ],
)
.positional_only(1)
.keyword_only(1);

fn index_text(v: &Value) -> String {
    format!("'{}' object cannot be interpreted as an integer", v.type_name())
}

/// A C `int` argument.
fn int_arg(ctx: &mut Ctx, v: Option<&Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let i = protocol::index(ctx, v, index_text)?;
    let big = as_int(&i).map(std::borrow::Cow::into_owned).unwrap_or_default();
    i32::try_from(&big).map(i64::from).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

/// An unsigned C integer argument (`unsigned long` or `unsigned long long`).
fn unsigned_arg(ctx: &mut Ctx, v: Option<&Value>, too_big: &str) -> PyResult<u64> {
    let Some(v) = v else { return Ok(0) };
    let i = protocol::index(ctx, v, index_text)?;
    let big: BigInt = as_int(&i).map(std::borrow::Cow::into_owned).unwrap_or_default();
    if big.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::value_error("value must be positive"));
    }
    u64::try_from(big).map_err(|_| PyErr::overflow(too_big))
}

/// A `Py_buffer` argument (key, salt, person).
fn bytes_arg(v: Option<&Value>) -> PyResult<Vec<u8>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1,
/// depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
/// usedforsecurity=True)` and `blake2s(...)` alike with BLAKE2s's limits.
pub(super) fn blake2_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let big = ty.is_same(hash_type(Algo::Blake2b));
    let algo = if big { Algo::Blake2b } else { Algo::Blake2s };
    let name = if big { "blake2b" } else { "blake2s" };
    let (max_out, max_salt) = if big { (64, 16) } else { (32, 8) };
    let [
        data,
        digest_size,
        key,
        salt,
        person,
        fanout,
        depth,
        leaf_size,
        node_offset,
        node_depth,
        inner_size,
        last_node,
        _,
    ] = Params { name, ..PARAMS }.bind(args)?;
    // Conversions in parameter order, then the checks in CPython's order.
    let digest_size = int_arg(ctx, digest_size, max_out)?;
    let key = bytes_arg(key)?;
    let salt = bytes_arg(salt)?;
    let person = bytes_arg(person)?;
    let fanout = int_arg(ctx, fanout, 1)?;
    let depth = int_arg(ctx, depth, 1)?;
    let leaf_size = unsigned_arg(ctx, leaf_size, "Python int too large to convert to C unsigned long")?;
    let node_offset = unsigned_arg(ctx, node_offset, "int too big to convert")?;
    let node_depth = int_arg(ctx, node_depth, 0)?;
    let inner_size = int_arg(ctx, inner_size, 0)?;
    let last_node = match last_node {
        Some(v) => protocol::truthy(ctx, v)?,
        None => false,
    };
    if digest_size <= 0 || digest_size > max_out {
        return Err(PyErr::value_error(format!("digest_size must be between 1 and {max_out} bytes")));
    }
    if salt.len() > max_salt {
        return Err(PyErr::value_error(format!("maximum salt length is {max_salt} bytes")));
    }
    if person.len() > max_salt {
        return Err(PyErr::value_error(format!("maximum person length is {max_salt} bytes")));
    }
    if !(0..=255).contains(&fanout) {
        return Err(PyErr::value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&depth) {
        return Err(PyErr::value_error("depth must be between 1 and 255"));
    }
    if leaf_size > 0xFFFF_FFFF {
        return Err(PyErr::overflow("leaf_size is too large"));
    }
    if !big && node_offset > 0xFFFF_FFFF_FFFF {
        return Err(PyErr::overflow("node_offset is too large"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(PyErr::value_error("node_depth must be between 0 and 255"));
    }
    if inner_size < 0 || inner_size > max_out {
        return Err(PyErr::value_error(format!("inner_size must be between 0 and is {max_out}")));
    }
    if key.len() > max_out as usize {
        return Err(PyErr::value_error(format!("maximum key length is {max_out} bytes")));
    }
    if fanout != 1
        || depth != 1
        || leaf_size != 0
        || node_offset != 0
        || node_depth != 0
        || inner_size != 0
        || last_node
    {
        return Err(PyErr::not_implemented(format!(
            "{name}() tree hashing parameters (fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node) are not supported"
        )));
    }
    let size = usize::try_from(digest_size).unwrap_or(1);
    let mut state =
        if big { Blake2::new_b(&key, &salt, &person, size) } else { Blake2::new_s(&key, &salt, &person, size) };
    if let Some(data) = data {
        state.update(&data_of(data)?);
    }
    Ok(new_hash(algo, State::Blake2(state), size))
}
