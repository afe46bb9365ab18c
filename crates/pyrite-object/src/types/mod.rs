//! The payloads of the builtin types and their Python-visible behaviour.

pub mod attrcache;
pub mod bytes;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod exception;
pub mod frame;
pub mod function;
pub mod heaptype;
pub mod instance;
pub mod int;
pub mod intern;
pub mod iters;
pub mod list;
pub mod list_storage;
pub mod misc;
pub mod set;
pub mod slice;
pub mod str;
pub mod structseq;
pub mod typeobj;
