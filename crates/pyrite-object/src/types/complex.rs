//! The `complex` payload: two IEEE doubles, the real and imaginary parts.
//!
//! Behaviour (arithmetic, parsing, formatting) lives in `methods/complex*.rs`.

use pyrite_memory::{ObjRef, Trace, payload};

use crate::registry::types;
use crate::value::Value;

/// The payload of a `complex` (or of an instance of a class derived from it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PyComplex {
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

impl Trace for PyComplex {}
payload!(PyComplex, "complex", untracked);

impl PyComplex {
    /// A new exact `complex` object.
    #[must_use]
    pub fn new_obj(re: f64, im: f64) -> ObjRef {
        ObjRef::new(PyComplex { re, im }, Some(&types().complex))
    }
}

/// A new exact `complex` value.
#[must_use]
pub fn complex_value(re: f64, im: f64) -> Value {
    Value::Obj(PyComplex::new_obj(re, im))
}

/// The parts of a complex value (of `complex` or a subclass), if it is one.
#[must_use]
pub fn complex_parts(value: &Value) -> Option<(f64, f64)> {
    value.downcast::<PyComplex>().map(|c| (c.re, c.im))
}
