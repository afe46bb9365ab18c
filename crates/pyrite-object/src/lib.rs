//! Pyrite's object model: [`Value`], type objects with slot tables, the builtin types, and
//! the abstract object protocol (`repr`, comparison, arithmetic, attributes, iteration,
//! calls) that the VM and native modules use.
//!
//! This crate never depends on the VM. Where an operation must run Python code (a user's
//! `__eq__` or `__repr__`), it goes through the entry points the VM registered in
//! [`Ctx::hooks`]. Values, payloads and the heap follow `pyrite-memory`'s safety contract.

pub mod attrs;
pub mod ctx;
pub mod error;
pub mod hash;
pub mod methods;
pub mod num;
pub mod protocol;
pub mod registry;
pub mod types;
pub mod value;

pub use ctx::{Args, Ctx, Hooks};
pub use error::{PyErr, PyResult};
pub use pyrite_memory::ObjRef;
pub use registry::{init, types};
pub use value::Value;
