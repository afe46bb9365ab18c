//! The eval breaker: one word the VM checks at every instruction boundary, nonzero when
//! the boundary needs its slow path (CPython's `eval_breaker`).
//!
//! The collector sets [`COLLECTION_DUE`] when an allocation takes generation 0 past its
//! threshold, so the VM's loops need no separate check of the collector's counts; the VM
//! owns the bits below [`VM_BITS`] (queued finalizers, tracing). A set bit is a request, not
//! a promise: the slow path checks the real state ([`crate::gc::collection_due`]) and
//! clears the bit it served.

use std::sync::atomic::{AtomicU32, Ordering};

/// The bits the VM defines for itself.
pub const VM_BITS: u32 = 0xffff;
/// Generation 0 went past its threshold since the last automatic collection.
pub const COLLECTION_DUE: u32 = 1 << 16;

static WORD: AtomicU32 = AtomicU32::new(0);

/// The whole word; nonzero when the next instruction boundary needs the slow path.
#[inline(always)]
#[must_use]
pub fn word() -> u32 {
    WORD.load(Ordering::Relaxed)
}

/// Sets or clears `bit`. Only the GIL holder writes the word (it is atomic so that other
/// threads may read it).
#[inline]
pub fn set(bit: u32, on: bool) {
    let word = WORD.load(Ordering::Relaxed);
    WORD.store(if on { word | bit } else { word & !bit }, Ordering::Relaxed);
}
