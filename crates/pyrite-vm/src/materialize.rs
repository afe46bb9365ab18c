//! Turns a compiled `CodeObject` into a runtime `Code` object: constants become values
//! once, names become str objects once.

use num_bigint::BigInt;
use pyrite_bytecode::{CodeObject, Constant};
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::function::Code;
use pyrite_object::types::intern;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{ObjRef, PyResult, Value, types};

fn constant_value(constant: &Constant) -> PyResult {
    Ok(match constant {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(bytes) => Value::from_bigint(BigInt::from_signed_bytes_le(bytes)),
        Constant::Float(f) => Value::Float(*f),
        // Identifier-like constants are interned as CPython's compiler does (attribute
        // names for getattr, keyword names, dict keys spelled in code).
        Constant::Str(s) => intern::intern_constant(Value::str(s)),
        Constant::Ellipsis => Value::Obj(types().ellipsis.clone()),
        Constant::Tuple(items) => {
            let values = items.iter().map(constant_value).collect::<PyResult<Vec<_>>>()?;
            Value::Obj(PyTuple::new_obj(values))
        }
        Constant::Code(code) => Value::Obj(materialize((**code).clone())?),
        Constant::Complex { re, im } => pyrite_object::types::complex::complex_value(*re, *im),
        Constant::Bytes(data) => Value::Obj(PyBytes::new_obj(data.to_vec())),
        Constant::FrozenSet(items) => {
            // CPython's compiler builds the frozenset from the items, then rebuilds it from
            // its own iteration order when merging constants; the table layout (and so the
            // iteration order) follows. CPython rebuilds it once more when interning replaces
            // one of its str items by an already interned equal string: always for
            // one-character identifier strings; for longer ones it depends on every
            // identifier the process has seen, which is not modelled.
            use pyrite_object::methods::set::new_frozenset;
            use pyrite_object::types::set::PySet;
            let values = items.iter().map(constant_value).collect::<PyResult<Vec<_>>>()?;
            let mut ctx = pyrite_object::Ctx::new();
            let interned = values.iter().any(|v| {
                v.as_str()
                    .is_some_and(|s| s.len() == 1 && s.as_str().chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            });
            let mut set = new_frozenset(&mut ctx, values)?;
            for _ in 0..if interned { 2 } else { 1 } {
                let keys = set.downcast::<PySet>().map(PySet::keys).unwrap_or_default();
                set = new_frozenset(&mut ctx, keys)?;
            }
            Value::Obj(set)
        }
    })
}

/// Names are always interned (whatever their characters), as CPython's `co_names` and
/// `co_varnames`: the same name in different code objects, the globals' keys stored from
/// them and the attribute names of classes are then one object.
fn names(list: &[Box<str>]) -> Box<[Value]> {
    list.iter().map(|n| Value::Obj(intern::intern_str(n))).collect()
}

/// Makes the runtime code object for compiled code (and, recursively, its nested code).
pub fn materialize(code: CodeObject) -> PyResult<ObjRef> {
    let consts = code.constants.iter().map(constant_value).collect::<PyResult<Box<[Value]>>>()?;
    let (names, varnames) = (names(&code.names), names(&code.varnames));
    let runtime = Code::new(code, consts, names, varnames);
    Ok(ObjRef::new(runtime, Some(&types().code)))
}
