//! The hash modules `hashlib` falls back on without OpenSSL: `_md5`, `_sha1`, `_sha256`,
//! `_sha512`, `_sha3` and `_blake2`, on the RustCrypto crates (`md-5`, `sha1`, `sha2`,
//! `sha3`, `blake2`). One native type per algorithm (`_md5.md5`, `_sha3.sha3_256`, ...)
//! with `update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size` and `block_size`,
//! and CPython 3.11's constructor signatures and messages. `blake2` holds BLAKE2's
//! parameters.

mod blake2;

use std::cell::RefCell;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind as AttrKind};
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, arg_count_error};
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::function::{Module, NativeFn};
use pyrite_object::types::typeobj::{NewFn, StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};
use sha3::digest::{Digest, ExtendableOutput, Update, XofReader};

/// The algorithms, in the order of [`INFO`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Algo {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128,
    Shake256,
    Blake2b,
    Blake2s,
}

/// An algorithm's module, name, block size and (default) digest size.
struct Info {
    module: &'static str,
    name: &'static str,
    block_size: usize,
    digest_size: usize,
}

const INFO: [Info; 14] = [
    Info { module: "_md5", name: "md5", block_size: 64, digest_size: 16 },
    Info { module: "_sha1", name: "sha1", block_size: 64, digest_size: 20 },
    Info { module: "_sha256", name: "sha224", block_size: 64, digest_size: 28 },
    Info { module: "_sha256", name: "sha256", block_size: 64, digest_size: 32 },
    Info { module: "_sha512", name: "sha384", block_size: 128, digest_size: 48 },
    Info { module: "_sha512", name: "sha512", block_size: 128, digest_size: 64 },
    Info { module: "_sha3", name: "sha3_224", block_size: 144, digest_size: 28 },
    Info { module: "_sha3", name: "sha3_256", block_size: 136, digest_size: 32 },
    Info { module: "_sha3", name: "sha3_384", block_size: 104, digest_size: 48 },
    Info { module: "_sha3", name: "sha3_512", block_size: 72, digest_size: 64 },
    Info { module: "_sha3", name: "shake_128", block_size: 168, digest_size: 0 },
    Info { module: "_sha3", name: "shake_256", block_size: 136, digest_size: 0 },
    Info { module: "_blake2", name: "blake2b", block_size: 128, digest_size: 64 },
    Info { module: "_blake2", name: "blake2s", block_size: 64, digest_size: 32 },
];

impl Algo {
    fn info(self) -> &'static Info {
        &INFO[self as usize]
    }

    fn is_sha3(self) -> bool {
        matches!(
            self,
            Algo::Sha3_224 | Algo::Sha3_256 | Algo::Sha3_384 | Algo::Sha3_512 | Algo::Shake128 | Algo::Shake256
        )
    }

    fn is_shake(self) -> bool {
        matches!(self, Algo::Shake128 | Algo::Shake256)
    }

    fn new_state(self) -> State {
        match self {
            Algo::Md5 => State::Md5(md5::Md5::new()),
            Algo::Sha1 => State::Sha1(sha1::Sha1::new()),
            Algo::Sha224 => State::Sha224(sha2::Sha224::new()),
            Algo::Sha256 => State::Sha256(sha2::Sha256::new()),
            Algo::Sha384 => State::Sha384(sha2::Sha384::new()),
            Algo::Sha512 => State::Sha512(sha2::Sha512::new()),
            Algo::Sha3_224 => State::Sha3_224(sha3::Sha3_224::new()),
            Algo::Sha3_256 => State::Sha3_256(sha3::Sha3_256::new()),
            Algo::Sha3_384 => State::Sha3_384(sha3::Sha3_384::new()),
            Algo::Sha3_512 => State::Sha3_512(sha3::Sha3_512::new()),
            Algo::Shake128 => State::Shake128(sha3::Shake128::default()),
            Algo::Shake256 => State::Shake256(sha3::Shake256::default()),
            Algo::Blake2b | Algo::Blake2s => State::Blake2(blake2::Blake2::unkeyed(self == Algo::Blake2b)),
        }
    }
}

/// A running hash computation.
#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2(blake2::Blake2),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, data),
            State::Sha1(h) => Digest::update(h, data),
            State::Sha224(h) => Digest::update(h, data),
            State::Sha256(h) => Digest::update(h, data),
            State::Sha384(h) => Digest::update(h, data),
            State::Sha512(h) => Digest::update(h, data),
            State::Sha3_224(h) => Digest::update(h, data),
            State::Sha3_256(h) => Digest::update(h, data),
            State::Sha3_384(h) => Digest::update(h, data),
            State::Sha3_512(h) => Digest::update(h, data),
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2(h) => h.update(data),
        }
    }

    /// The digest of the data so far (`length` bytes for the SHAKEs), leaving the state
    /// as it is.
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
            State::Sha3_224(h) => h.finalize().to_vec(),
            State::Sha3_256(h) => h.finalize().to_vec(),
            State::Sha3_384(h) => h.finalize().to_vec(),
            State::Sha3_512(h) => h.finalize().to_vec(),
            State::Shake128(h) => read_xof(h.finalize_xof(), length),
            State::Shake256(h) => read_xof(h.finalize_xof(), length),
            State::Blake2(h) => h.finish(),
        }
    }
}

fn read_xof(mut reader: impl XofReader, length: usize) -> Vec<u8> {
    let mut out = vec![0u8; length];
    reader.read(&mut out);
    out
}

/// A hash object.
struct Hash {
    algo: Algo,
    state: RefCell<State>,
    /// The digest size (BLAKE2's is chosen at creation).
    digest_size: usize,
}

impl Trace for Hash {}
payload!(Hash, "hash", untracked);

/// The native type of an algorithm's hash objects.
fn hash_type(algo: Algo) -> &'static ObjRef {
    static TYPES: [StaticType; 14] = [const { StaticType::new() }; 14];
    TYPES[algo as usize].get_or_init(|| {
        let info = algo.info();
        let new: Option<NewFn> = match algo {
            a if a.is_sha3() => Some(sha3_new),
            Algo::Blake2b | Algo::Blake2s => Some(blake2::blake2_new),
            _ => None,
        };
        let ty = new_native_type_with(info.name, info.module, None, 0, |s| {
            s.new = Some(new.unwrap_or(no_new));
            s.getattro = Some(hash_getattro);
        });
        add_methods(&ty, info.name, &methods_of(algo));
        attrdescr::add(&ty, AttrKind::GetSet, &["name", "digest_size", "block_size"]);
        if algo.is_sha3() {
            attrdescr::add(&ty, AttrKind::GetSet, &["_capacity_bits", "_rate_bits", "_suffix"]);
        }
        ty
    })
}

fn no_new(_: &mut Ctx, ty: &ObjRef, _: Args<'_>) -> PyResult {
    Err(PyErr::type_error(format!("cannot create '{}' instances", pyrite_object::types::typeobj::type_name(ty))))
}

fn new_hash(algo: Algo, state: State, digest_size: usize) -> Value {
    let hash = Hash { algo, state: RefCell::new(state), digest_size };
    Value::Obj(ObjRef::new(hash, Some(hash_type(algo))))
}

/// The bytes to hash: a bytes-like object (str is refused as CPython refuses it).
fn data_of(v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    buffer_bytes(v).ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

/// The methods of an algorithm's type: one instance of each generic method per
/// algorithm, so that a method called on a wrong object names its type.
fn methods_of(algo: Algo) -> [(&'static str, NativeFn); 4] {
    macro_rules! table {
        ($($i:literal),*) => {
            match algo as usize {
                $($i => [
                    ("update", update::<$i> as NativeFn),
                    ("copy", copy::<$i>),
                    ("digest", digest::<$i>),
                    ("hexdigest", hexdigest::<$i>),
                ],)*
                _ => [("update", update::<0> as NativeFn), ("copy", copy::<0>), ("digest", digest::<0>), ("hexdigest", hexdigest::<0>)],
            }
        };
    }
    table!(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)
}

/// `self` and the positional arguments of a method of algorithm number `A`, checked for
/// count, named `type.method` in messages as CPython names them.
fn method<'a, const A: usize>(name: &str, args: &Args<'a>, count: usize) -> PyResult<(&'a Hash, &'a [Value])> {
    let algo = algo_at(A);
    let info = algo.info();
    let Some((v, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' of '{}.{}' object needs an argument",
            info.module, info.name
        )));
    };
    let Some(h) = v.downcast::<Hash>().filter(|h| h.algo == algo) else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for '{}.{}' objects doesn't apply to a '{}' object",
            info.module,
            info.name,
            v.type_name()
        )));
    };
    let qualified = format!("{}.{name}", info.name);
    // The MD5, SHA-1 and SHA-2 `copy` takes the defining class (CPython's clinic then
    // ignores keywords and words the error without a count).
    let plain_copy = name == "copy" && !algo.is_sha3() && !matches!(algo, Algo::Blake2b | Algo::Blake2s);
    if plain_copy {
        if !rest.is_empty() {
            return Err(PyErr::type_error("copy() takes no arguments"));
        }
        return Ok((h, rest));
    }
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{qualified}() takes no keyword arguments")));
    }
    if rest.len() != count {
        return Err(match count {
            0 => PyErr::type_error(format!("{qualified}() takes no arguments ({} given)", rest.len())),
            _ => arg_count_error(&qualified, rest.len(), count, count),
        });
    }
    Ok((h, rest))
}

fn update<const A: usize>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (h, rest) = method::<A>("update", &args, 1)?;
    let data = data_of(&rest[0])?;
    h.state.borrow_mut().update(&data);
    Ok(Value::None)
}

fn copy<const A: usize>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (h, _) = method::<A>("copy", &args, 0)?;
    let state = h.state.borrow().clone();
    Ok(new_hash(h.algo, state, h.digest_size))
}

/// The digest: the SHAKEs take its length as an argument.
fn digest_bytes<const A: usize>(name: &str, args: &Args<'_>) -> PyResult<Vec<u8>> {
    if !algo_at(A).is_shake() {
        let (h, _) = method::<A>(name, args, 0)?;
        return Ok(h.state.borrow().digest(h.digest_size));
    }
    let (h, rest) = method::<A>(name, args, 1)?;
    let Some(length) = pyrite_object::methods::int::as_int(&rest[0]).map(std::borrow::Cow::into_owned) else {
        return Err(PyErr::type_error("an integer is required"));
    };
    if length.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::value_error("value must be positive"));
    }
    // CPython refuses 2**29 bytes and more.
    let length = usize::try_from(length).ok().filter(|&n| n < 1 << 29);
    let Some(length) = length else { return Err(PyErr::value_error("length is too large")) };
    Ok(h.state.borrow().digest(length))
}

fn digest<const A: usize>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let bytes = digest_bytes::<A>("digest", &args)?;
    Ok(Value::Obj(PyBytes::new_obj(bytes)))
}

fn hexdigest<const A: usize>(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let bytes = digest_bytes::<A>("hexdigest", &args)?;
    let text: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::str(&text))
}

fn hash_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(h) = v.downcast::<Hash>() {
        let info = h.algo.info();
        match name.as_str().map(|n| n.as_str()) {
            Some("name") => return Ok(Value::str(info.name)),
            Some("digest_size") => return Ok(Value::from(h.digest_size)),
            Some("block_size") => return Ok(Value::from(info.block_size)),
            Some("_rate_bits") if h.algo.is_sha3() => return Ok(Value::from(info.block_size * 8)),
            Some("_capacity_bits") if h.algo.is_sha3() => return Ok(Value::from(1600 - info.block_size * 8)),
            Some("_suffix") if h.algo.is_sha3() => {
                let suffix = if h.algo.is_shake() { 0x1f } else { 0x06 };
                return Ok(Value::Obj(PyBytes::new_obj(vec![suffix])));
            }
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

// ---------------------------------------------------------------------------------------
// Constructors and modules

/// `md5(string=b'', *, usedforsecurity=True)` and the SHA-1/SHA-2 constructors.
fn construct(args: Args<'_>, algo: Algo) -> PyResult {
    let params = Params::new(algo.info().name, &["string", "usedforsecurity"]).keyword_only(1);
    let [data, _] = params.bind(args)?;
    let mut state = algo.new_state();
    if let Some(data) = data {
        state.update(&data_of(data)?);
    }
    Ok(new_hash(algo, state, algo.info().digest_size))
}

fn sha3_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let Some(algo) = (6..12).map(algo_at).find(|a| hash_type(*a).is_same(ty)) else {
        return Err(PyErr::type_error("not a sha3 type"));
    };
    let params = Params::new(algo.info().name, &["data", "usedforsecurity"]).positional_only(1).keyword_only(1);
    let [data, _] = params.bind(args)?;
    let mut state = algo.new_state();
    if let Some(data) = data {
        state.update(&data_of(data)?);
    }
    Ok(new_hash(algo, state, algo.info().digest_size))
}

fn algo_at(i: usize) -> Algo {
    const ALL: [Algo; 14] = [
        Algo::Md5,
        Algo::Sha1,
        Algo::Sha224,
        Algo::Sha256,
        Algo::Sha384,
        Algo::Sha512,
        Algo::Sha3_224,
        Algo::Sha3_256,
        Algo::Sha3_384,
        Algo::Sha3_512,
        Algo::Shake128,
        Algo::Shake256,
        Algo::Blake2b,
        Algo::Blake2s,
    ];
    ALL[i]
}

macro_rules! constructors {
    ($($fn_name:ident => $algo:ident;)*) => {$(
        fn $fn_name(_: &mut Ctx, args: Args<'_>) -> PyResult {
            construct(args, Algo::$algo)
        }
    )*};
}

constructors! {
    new_md5 => Md5;
    new_sha1 => Sha1;
    new_sha224 => Sha224;
    new_sha256 => Sha256;
    new_sha384 => Sha384;
    new_sha512 => Sha512;
}

fn type_value(algo: Algo) -> Value {
    Value::Obj(hash_type(algo).clone())
}

/// `_md5`.
pub fn make_md5(_: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_md5", &[("md5", new_md5)]);
    Module::set(&module, "MD5Type", type_value(Algo::Md5));
    Ok(module)
}

/// `_sha1`.
pub fn make_sha1(_: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_sha1", &[("sha1", new_sha1)]);
    Module::set(&module, "SHA1Type", type_value(Algo::Sha1));
    Ok(module)
}

/// `_sha256`: SHA-224 and SHA-256.
pub fn make_sha256(_: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_sha256", &[("sha224", new_sha224), ("sha256", new_sha256)]);
    Module::set(&module, "SHA224Type", type_value(Algo::Sha224));
    Module::set(&module, "SHA256Type", type_value(Algo::Sha256));
    Ok(module)
}

/// `_sha512`: SHA-384 and SHA-512 (CPython 3.11 exports only `SHA384Type`).
pub fn make_sha512(_: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_sha512", &[("sha384", new_sha384), ("sha512", new_sha512)]);
    Module::set(&module, "SHA384Type", type_value(Algo::Sha384));
    Ok(module)
}

/// `_sha3`: the SHA-3 and SHAKE types.
pub fn make_sha3(_: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_sha3", &[]);
    for i in 6..12 {
        let algo = algo_at(i);
        Module::set(&module, algo.info().name, type_value(algo));
    }
    Module::set(&module, "implementation", Value::str("tiny_sha3"));
    Module::set(&module, "keccakopt", Value::Int(0));
    Ok(module)
}

/// `_blake2`: the BLAKE2b and BLAKE2s types and their size limits.
pub fn make_blake2(_: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_blake2", &[]);
    Module::set(&module, "blake2b", type_value(Algo::Blake2b));
    Module::set(&module, "blake2s", type_value(Algo::Blake2s));
    for (name, value) in [
        ("BLAKE2B_MAX_DIGEST_SIZE", 64),
        ("BLAKE2B_MAX_KEY_SIZE", 64),
        ("BLAKE2B_PERSON_SIZE", 16),
        ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ("BLAKE2S_MAX_KEY_SIZE", 32),
        ("BLAKE2S_PERSON_SIZE", 8),
        ("BLAKE2S_SALT_SIZE", 8),
    ] {
        Module::set(&module, name, Value::Int(value));
    }
    Ok(module)
}
