//! `slice(start, stop, step)` payload.

use pyrite_memory::{ObjRef, Trace, payload};

use crate::registry::types;
use crate::value::Value;

/// The payload of a slice object (immutable).
pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Trace for PySlice {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.start.traverse(visit);
        self.stop.traverse(visit);
        self.step.traverse(visit);
    }
}

payload!(PySlice, "slice", tracked);

impl PySlice {
    /// A new slice object.
    #[must_use]
    pub fn new_obj(start: Value, stop: Value, step: Value) -> ObjRef {
        ObjRef::new(PySlice { start, stop, step }, Some(&types().slice))
    }
}
