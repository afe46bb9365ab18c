//! Turns a compiled `CodeObject` into a runtime `Code` object: constants become values
//! once, names become str objects once.

use num_bigint::BigInt;
use pyrite_bytecode::{CodeObject, Constant};
use pyrite_object::types::function::Code;
use pyrite_object::types::list::PyTuple;
use pyrite_object::{ObjRef, PyErr, PyResult, Value, types};

fn constant_value(constant: &Constant) -> PyResult {
    Ok(match constant {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(bytes) => Value::from_bigint(BigInt::from_signed_bytes_le(bytes)),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::str(s),
        Constant::Ellipsis => Value::Obj(types().ellipsis.clone()),
        Constant::Tuple(items) => {
            let values = items.iter().map(constant_value).collect::<PyResult<Vec<_>>>()?;
            Value::Obj(PyTuple::new_obj(values))
        }
        Constant::Code(code) => Value::Obj(materialize((**code).clone())?),
        Constant::Complex { .. } => return Err(PyErr::not_implemented("complex numbers are not supported yet")),
        Constant::Bytes(_) => return Err(PyErr::not_implemented("bytes are not supported yet")),
        Constant::FrozenSet(_) => return Err(PyErr::not_implemented("frozenset is not supported yet")),
    })
}

fn names(list: &[Box<str>]) -> Box<[Value]> {
    list.iter().map(|n| Value::str(n)).collect()
}

/// Makes the runtime code object for compiled code (and, recursively, its nested code).
pub fn materialize(code: CodeObject) -> PyResult<ObjRef> {
    let consts = code.constants.iter().map(constant_value).collect::<PyResult<Box<[Value]>>>()?;
    let runtime = Code {
        names: names(&code.names),
        varnames: names(&code.varnames),
        name: Value::str(&code.name),
        qualname: Value::str(&code.qualname),
        consts,
        bytecode: code,
    };
    Ok(ObjRef::new(runtime, Some(&types().code)))
}
