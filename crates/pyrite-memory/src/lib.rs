//! Pyrite's heap: object headers, reference counting, the deferred-free queue, the cycle
//! collector ([`gc`]) and weak references ([`weak`]).
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
//!    The collector traverses an object as [`ObjRef::traverse`] reports it: the managed
//!    `__dict__`, the object's type unless the type is immortal (heap types are real edges,
//!    as in CPython's `subtype_traverse`; payloads must therefore *not* report their own
//!    header type again), then the payload's `traverse`. An `ObjRef` field is reported with
//!    `visit(&field)`, never `field.traverse(visit)` (that would report the field's
//!    children as the payload's own edges). `traverse` must not allocate, drop references,
//!    or run Python code; `clear` may drop references (the collector keeps every object it
//!    clears alive until all are cleared).
//! 4. **Process-wide state** ([`GilCell`]) is accessed only through short closures that
//!    never free objects or run Python code.
//! 5. **Collections happen at safe points only.** [`gc::collect`] runs finalizers (Python
//!    code, through the hook the VM registers) and frees objects. Call it only where
//!    arbitrary Python code may run: with the GIL held, no payload borrowed, and no native
//!    operation half-done. Allocation never collects; it only counts, and sets a bit of the
//!    VM's eval breaker ([`breaker`]) when a collection is due; the VM then asks
//!    [`gc::collection_due`] and calls [`gc::collect_automatic`]. While
//!    a collection runs, a nested `collect` does nothing.
//! 6. **Finalizers.** Objects flagged [`FLAG_HAS_FINALIZER`] are handed to the finalizer
//!    hook ([`gc::set_finalizer_hook`]) once ([`FLAG_FINALIZED`] is set first), both when
//!    their count reaches zero and when the collector finds them in cyclic garbage (then
//!    before anything is cleared). The hook may resurrect the object by storing a
//!    reference; the object is freed only if its count is still zero afterwards. The hook
//!    must not unwind. Because a count reaching zero can run the hook, contract rule 2
//!    (no payload borrow across a drop) is what keeps `__del__` from seeing a payload in
//!    the middle of an update.
//! 7. **Weak references** ([`weak`]) are cleared when their referent dies, after its
//!    finalizer and before its payload is dropped (or, for cyclic garbage, before any
//!    finalizer runs); their callbacks go to the hook the VM registers
//!    ([`weak::set_callback_hook`]), which may run Python code and must not unwind, so rule
//!    2 covers them too. [`weak::WeakRef::referent`] never revives an object whose count is
//!    zero. The weak-reference API has no `unsafe` entry points: [`weak::WeakRef`]
//!    payloads are only made by [`weak::new_weakref`], inside a heap object.

pub mod breaker;
mod cell;
pub mod gc;
mod header;
pub mod heap;
pub mod pool;
mod trace;
pub mod weak;

pub use cell::{GilCell, PayloadCell, PayloadMut, PayloadRef};
pub use gc::{CollectStats, FinalizerHook, GenerationStats, collect};
pub use header::{
    FLAG_FINALIZED, FLAG_HAS_FINALIZER, FLAG_IMMORTAL, FLAG_INTERNED, FLAG_MANAGED_DICT, FLAG_WEAKLY_REFERENCED,
    GcHead, Header, HeapObject, ObjRef, Payload, VTable, vtable_for,
};
pub use heap::{HeapStats, stats};
pub use pool::PoolAllocator;
pub use trace::Trace;
