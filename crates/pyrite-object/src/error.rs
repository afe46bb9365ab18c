//! Raised exceptions as Rust values: [`PyErr`] holds the exception instance.

use pyrite_memory::ObjRef;

use crate::registry::types;
use crate::types::exception::new_exception;
use crate::value::Value;

/// A raised Python exception (an instance of `BaseException` or a subclass).
#[derive(Clone, Debug)]
pub struct PyErr(pub ObjRef);

/// The result of an operation that may raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

impl PyErr {
    /// An exception of type `ty` with one str argument.
    #[must_use]
    pub fn new(ty: &ObjRef, message: impl AsRef<str>) -> PyErr {
        PyErr(new_exception(ty, vec![Value::str(message.as_ref())]))
    }

    /// An exception of type `ty` with the given arguments.
    #[must_use]
    pub fn with_args(ty: &ObjRef, args: Vec<Value>) -> PyErr {
        PyErr(new_exception(ty, args))
    }

    /// The exception instance.
    #[must_use]
    pub fn value(&self) -> &ObjRef {
        &self.0
    }

    /// The exception's first argument when it is a str (its message, for most
    /// exceptions raised by native code); empty otherwise.
    #[must_use]
    pub fn message(&self) -> String {
        let Some(exc) = self.0.downcast::<crate::types::exception::PyException>() else { return String::new() };
        let args = exc.args.borrow().clone();
        let first = args
            .as_obj()
            .and_then(|t| t.downcast::<crate::types::list::PyTuple>())
            .and_then(|t| t.items().first().cloned());
        first.and_then(|v| v.as_str().map(|s| s.as_str().to_owned())).unwrap_or_default()
    }

    /// Whether the exception is an instance of `ty` (or a subclass).
    #[must_use]
    pub fn matches(&self, ty: &ObjRef) -> bool {
        crate::types::typeobj::is_subtype(self.0.type_ref(), ty)
    }

    /// `TypeError(message)`.
    #[must_use]
    pub fn type_error(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().type_error, message)
    }

    /// `ValueError(message)`.
    #[must_use]
    pub fn value_error(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().value_error, message)
    }

    /// `IndexError(message)`.
    #[must_use]
    pub fn index_error(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().index_error, message)
    }

    /// `KeyError(key)`.
    #[must_use]
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(&types().key_error, vec![key])
    }

    /// `AttributeError(message)`.
    #[must_use]
    pub fn attribute_error(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().attribute_error, message)
    }

    /// `ZeroDivisionError(message)`.
    #[must_use]
    pub fn zero_division(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().zero_division_error, message)
    }

    /// `OverflowError(message)`.
    #[must_use]
    pub fn overflow(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().overflow_error, message)
    }

    /// `NameError(message)`.
    #[must_use]
    pub fn name_error(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().name_error, message)
    }

    /// `RuntimeError(message)`.
    #[must_use]
    pub fn runtime_error(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().runtime_error, message)
    }

    /// `NotImplementedError(message)`: what an unsupported feature raises.
    #[must_use]
    pub fn not_implemented(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().not_implemented_error, message)
    }

    /// `SystemError(message)`: an internal inconsistency, never a crash.
    #[must_use]
    pub fn new_system(message: impl AsRef<str>) -> PyErr {
        PyErr::new(&types().system_error, message)
    }

    /// `MemoryError()`.
    #[must_use]
    pub fn memory() -> PyErr {
        PyErr::with_args(&types().memory_error, Vec::new())
    }

    /// `StopIteration(value)`.
    #[must_use]
    pub fn stop_iteration(value: Option<Value>) -> PyErr {
        PyErr::with_args(&types().stop_iteration, value.into_iter().collect())
    }

    /// `RecursionError: maximum recursion depth exceeded{what}`.
    #[must_use]
    pub fn recursion(what: &str) -> PyErr {
        PyErr::new(&types().recursion_error, format!("maximum recursion depth exceeded{what}"))
    }

    /// The result of an arithmetic kernel's error.
    #[must_use]
    pub fn from_arith(error: crate::num::ArithError) -> PyErr {
        use crate::num::ArithError;
        match error {
            ArithError::ZeroDivision(message) => PyErr::zero_division(message),
            ArithError::Overflow(message) => PyErr::overflow(message),
            ArithError::Value(message) => PyErr::value_error(message),
            ArithError::Memory => PyErr::memory(),
        }
    }
}
