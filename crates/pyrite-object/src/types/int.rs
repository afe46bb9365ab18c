//! Heap ints: integers that do not fit in an `i64` (smaller ones are inline `Value::Int`).

use num_bigint::BigInt;
use pyrite_memory::{Trace, payload};

/// The payload of an int too large for an `i64`. Never holds a value that fits in one.
pub struct PyInt(pub BigInt);

impl Trace for PyInt {}
payload!(PyInt, "int", untracked);
