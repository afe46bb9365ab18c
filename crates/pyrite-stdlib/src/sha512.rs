//! The `_sha512` module: `sha512` and `sha384` hash objects (on the `sha2` crate), which
//! `random.seed(str)` and `hashlib` use.

use std::cell::RefCell;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::function::Module;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value};
use sha2::Digest;

#[derive(Clone)]
enum State {
    Sha512(sha2::Sha512),
    Sha384(sha2::Sha384),
}

/// A hash object.
struct Hash {
    state: RefCell<State>,
}

impl Trace for Hash {}

payload!(Hash, "_sha512.sha512", untracked);

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_sha512", &[("sha512", new_sha512), ("sha384", new_sha384)]);
    Module::set(&module, "SHA512Type", Value::Obj(hash_type(true).clone()));
    Module::set(&module, "SHA384Type", Value::Obj(hash_type(false).clone()));
    Ok(module)
}

fn hash_type(long: bool) -> &'static ObjRef {
    static SHA512: StaticType = StaticType::new();
    static SHA384: StaticType = StaticType::new();
    let (cell, name) = if long { (&SHA512, "sha512") } else { (&SHA384, "sha384") };
    cell.get_or_init(|| {
        let ty = new_native_type_with(name, "_sha512", None, 0, |_| {});
        add_methods(&ty, name, &[("update", update), ("digest", digest), ("hexdigest", hexdigest), ("copy", copy)]);
        pyrite_object::methods::attrdescr::add(
            &ty,
            pyrite_object::methods::attrdescr::Kind::GetSet,
            &["name", "digest_size", "block_size"],
        );
        {
            let mut slots = pyrite_object::types::typeobj::type_payload(&ty).slots.borrow_mut();
            slots.getattro = Some(hash_getattro);
        }
        ty
    })
}

const NEW: Params = Params::new("sha512", &["string", "usedforsecurity"]).keyword_only(1);

fn new_hash(args: Args<'_>, state: State, name: &'static str) -> PyResult {
    let [data, _] = Params { name, ..NEW }.bind(args)?;
    let obj = ObjRef::new(Hash { state: RefCell::new(state) }, Some(hash_type(name == "sha512")));
    let value = Value::Obj(obj);
    if let Some(data) = data {
        feed(&value, data)?;
    }
    Ok(value)
}

fn new_sha512(_: &mut Ctx, args: Args<'_>) -> PyResult {
    new_hash(args, State::Sha512(sha2::Sha512::new()), "sha512")
}

fn new_sha384(_: &mut Ctx, args: Args<'_>) -> PyResult {
    new_hash(args, State::Sha384(sha2::Sha384::new()), "sha384")
}

fn this(v: &Value) -> PyResult<&Hash> {
    v.downcast::<Hash>().ok_or_else(|| PyErr::type_error("expected a sha512 hash object"))
}

fn feed(v: &Value, data: &Value) -> PyResult<()> {
    if data.as_str().is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    let Some(bytes) = buffer_bytes(data) else {
        return Err(PyErr::type_error(format!(
            "object supporting the buffer API required, not '{}'",
            data.type_name()
        )));
    };
    match &mut *this(v)?.state.borrow_mut() {
        State::Sha512(h) => h.update(&bytes),
        State::Sha384(h) => h.update(&bytes),
    }
    Ok(())
}

fn update(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("update", args, 1, 1)?;
    feed(v, &rest[0])?;
    Ok(Value::None)
}

fn finish(v: &Value) -> PyResult<Vec<u8>> {
    Ok(match this(v)?.state.borrow().clone() {
        State::Sha512(h) => h.finalize().to_vec(),
        State::Sha384(h) => h.finalize().to_vec(),
    })
}

fn digest(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("digest", args, 0, 0)?;
    Ok(Value::Obj(PyBytes::new_obj(finish(v)?)))
}

fn hexdigest(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("hexdigest", args, 0, 0)?;
    let text: String = finish(v)?.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::str(&text))
}

fn copy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("copy", args, 0, 0)?;
    let state = this(v)?.state.borrow().clone();
    Ok(Value::Obj(ObjRef::new(Hash { state: RefCell::new(state) }, Some(v.type_ref()))))
}

fn hash_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let long = matches!(*this(v)?.state.borrow(), State::Sha512(_));
    match name.as_str().map(|n| n.as_str().to_owned()).as_deref() {
        Some("name") => Ok(Value::str(if long { "sha512" } else { "sha384" })),
        Some("digest_size") => Ok(Value::Int(if long { 64 } else { 48 })),
        Some("block_size") => Ok(Value::Int(128)),
        _ => pyrite_object::protocol::generic_getattr(ctx, v, name),
    }
}
