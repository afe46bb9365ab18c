//! Pyrite's heap: object headers, reference counting, the deferred-free queue, and (to come)
//! the cycle collector and weak references.
//!
//! Every Python object that is not an inline value lives in one heap allocation: a
//! [`Header`] (reference count, payload vtable, Python type, flags) followed by a payload.
//! Containers that the cycle collector tracks get a [`GcHead`] in front of the header.
//! [`ObjRef`] is the owned strong reference: `clone` increments, `drop` decrements and
//! frees at zero through the deferred-free queue, so deep chains never overflow the stack.
//!
//! # Safety contract
//!
//! This crate holds the heap's `unsafe`; other crates use it through safe types, and
//! must keep these rules, which the safe API cannot check:
//!
//! 1. **The GIL.** Objects, references and heap state are touched only by the thread that
//!    holds the GIL. `ObjRef` is `!Send` and `!Sync`; moving objects between threads goes
//!    through one audited wrapper in the VM.
//! 2. **Payload borrows.** The mutable parts of payloads sit in [`PayloadCell`]s. No
//!    borrow of a payload is held across anything that can run Python code, allocate, or
//!    drop a reference (a drop can free an object whose `__del__` runs Python code). Copy
//!    out what is needed, release the borrow, then call out. Debug builds check this.
//! 3. **Trace is exact.** A payload's [`Trace::traverse`] visits exactly the references it
//!    owns, once each; `clear` drops them. A missing edge leaks a cycle; an extra edge
//!    can free a live object.
//! 4. **Process-wide state** ([`GilCell`]) is accessed only through short closures that
//!    never free objects or run Python code.

mod cell;
mod header;
pub mod heap;
mod trace;

pub use cell::{GilCell, PayloadCell, PayloadMut, PayloadRef};
pub use header::{
    FLAG_FINALIZED, FLAG_HAS_FINALIZER, FLAG_IMMORTAL, FLAG_MANAGED_DICT, GcHead, Header, HeapObject, ObjRef, Payload,
    VTable, vtable_for,
};
pub use heap::{HeapStats, stats};
pub use trace::Trace;
