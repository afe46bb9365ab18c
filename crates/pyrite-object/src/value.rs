//! `Value`: what a Python variable holds.
//!
//! `None`, `bool`, ints that fit in 64 bits and floats are stored inline (no allocation,
//! no reference counting); everything else is an owned [`ObjRef`] to a heap object. An int
//! is stored on the heap only when it does not fit in an `i64`, so each int has exactly
//! one representation and equality, hashing and identity of small ints need no heap.

use num_bigint::BigInt;
use pyrite_memory::{ObjRef, Payload};

use crate::registry::types;
use crate::types::int::PyInt;
use crate::types::str::PyStr;

/// A Python value. 16 bytes; `Result<Value, PyErr>` is 16 bytes too.
#[derive(Debug)]
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Value {
    /// An int value from a big integer, inline when it fits in an `i64`.
    #[must_use]
    pub fn from_bigint(value: BigInt) -> Value {
        match i64::try_from(&value) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::Obj(ObjRef::new(PyInt(value), Some(&types().int))),
        }
    }

    /// A float value: inline, except NaNs, which are boxed so each has its own identity.
    #[inline]
    #[must_use]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value::Obj(ObjRef::new(crate::types::misc::BoxedFloat(f), Some(&types().float)))
        } else {
            Value::Float(f)
        }
    }

    /// The float value of a float (inline or boxed NaN).
    #[inline]
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            Value::Obj(o) => o.downcast::<crate::types::misc::BoxedFloat>().map(|b| b.0),
            _ => None,
        }
    }

    /// A str value.
    #[must_use]
    pub fn str(text: &str) -> Value {
        Value::Obj(PyStr::new_obj(text))
    }

    /// The heap object, if the value is one.
    #[inline]
    #[must_use]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(obj) => Some(obj),
            _ => None,
        }
    }

    /// The payload of the heap object, if the value is a heap object with payload `T`.
    #[inline]
    #[must_use]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        match self {
            Value::Obj(obj) => obj.downcast::<T>(),
            _ => None,
        }
    }

    /// The value's Python type.
    #[inline]
    #[must_use]
    pub fn type_ref(&self) -> &ObjRef {
        let t = types();
        match self {
            Value::None => &t.none_type,
            Value::Bool(_) => &t.bool,
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Obj(obj) => obj.type_ref(),
        }
    }

    /// `type(v).__name__`.
    #[must_use]
    pub fn type_name(&self) -> String {
        crate::types::typeobj::type_name(self.type_ref())
    }

    /// `a is b`.
    #[must_use]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.is_same(b),
            _ => false,
        }
    }

    /// Whether the value is `None`.
    #[inline]
    #[must_use]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The text of a str value.
    #[must_use]
    pub fn as_str(&self) -> Option<&PyStr> {
        self.downcast::<PyStr>()
    }

    /// `id(v)`: the object's address for heap objects; for inline values a number derived
    /// from the value that is stable for equal values.
    #[must_use]
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(obj) => obj.addr(),
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + usize::from(*b) * 16,
            #[expect(clippy::cast_sign_loss, reason = "an id is any stable number")]
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(0x10_0000_0001),
            #[expect(clippy::cast_possible_truncation, reason = "an id is any stable number")]
            Value::Float(f) => (f.to_bits() as usize).wrapping_add(0x3),
        }
    }
}

impl Clone for Value {
    /// One test and a copy: only a heap object has a count to raise (a derived `clone`
    /// would branch on every variant, and the eval loop clones on each `LOAD_FAST`).
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(obj) => Value::Obj(obj.clone()),
            // SAFETY: the other variants hold only `Copy` data (no ownership), so a bitwise
            // copy is a valid clone.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

impl From<ObjRef> for Value {
    fn from(obj: ObjRef) -> Value {
        Value::Obj(obj)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Value {
        match i64::try_from(i) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::from_bigint(BigInt::from(i)),
        }
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::float(f)
    }
}

impl pyrite_memory::Trace for Value {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Value::Obj(obj) = self {
            visit(obj);
        }
    }
}
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);
