//! Process-wide heap bookkeeping: the deferred-free queue ("trashcan") and counters.
//!
//! Freeing an object drops its payload, which may drop the last reference to other
//! objects. Freeing those recursively would overflow the Rust stack on a million-deep
//! chain (`x = [x]` repeated), so an object whose count reaches zero while another object
//! is being freed is queued and freed by the outermost release, iteratively.
//!
//! Object memory comes from [`alloc_block`]: the pools of [`crate::pool`], which spare
//! short-lived objects the system allocator's cost and every object its per-block header.
//!
//! A queued object keeps its payload (and its place in a collector list) until its turn;
//! a collection that runs meanwhile (from a finalizer) treats its zero count as an outside
//! reference and leaves it, and what it refers to, to the queue.

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::cell::GilCell;
use crate::header::{Header, dispose};

struct HeapState {
    releasing: bool,
    pending: Vec<NonNull<Header>>,
    allocated: u64,
    freed: u64,
}

static HEAP: GilCell<HeapState> =
    GilCell::new(HeapState { releasing: false, pending: Vec::new(), allocated: 0, freed: 0 });

/// Counters of the heap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Objects allocated since the process started.
    pub allocated: u64,
    /// Objects freed since the process started.
    pub freed: u64,
}

impl HeapStats {
    /// Objects currently alive.
    #[must_use]
    pub fn live(&self) -> u64 {
        self.allocated - self.freed
    }
}

/// Reads the heap counters.
#[must_use]
pub fn stats() -> HeapStats {
    // SAFETY: heap state is only touched by the GIL holder; the closure does not re-enter.
    unsafe { HEAP.with(|h| HeapStats { allocated: h.allocated, freed: h.freed }) }
}

#[inline]
pub(crate) fn note_allocation() {
    // SAFETY: as in `stats`.
    unsafe { HEAP.with(|h| h.allocated += 1) }
}

#[inline]
pub(crate) fn note_free() {
    // SAFETY: as in `stats`.
    unsafe { HEAP.with(|h| h.freed += 1) }
}

/// Frees an object whose count reached zero, deferring nested frees. Objects with a
/// pending finalizer go through the finalizer hook first (see `header::dispose`); drops
/// the hook makes are queued and handled by this same loop.
///
/// # Safety
/// The object's count is zero and nothing else refers to it.
pub(crate) unsafe fn release(ptr: NonNull<Header>) {
    // SAFETY: heap state is only touched by the GIL holder; each closure is short.
    let outermost = unsafe {
        HEAP.with(|h| {
            if h.releasing {
                h.pending.push(ptr);
                false
            } else {
                h.releasing = true;
                true
            }
        })
    };
    if !outermost {
        return;
    }
    let _done = ReleasingGuard;
    // SAFETY: guaranteed by the caller.
    unsafe { dispose(ptr) };
    loop {
        // SAFETY: as above.
        let next = unsafe { HEAP.with(|h| h.pending.pop()) };
        match next {
            // SAFETY: queued objects had a zero count and no other references.
            Some(p) => unsafe { dispose(p) },
            None => break,
        }
    }
}

/// Ends the outermost release, also if a finalizer hook unwinds (which it must not).
struct ReleasingGuard;

impl Drop for ReleasingGuard {
    fn drop(&mut self) {
        // SAFETY: as in `stats`.
        unsafe { HEAP.with(|h| h.releasing = false) };
    }
}

/// Allocates memory for an object with `layout` (from [`crate::pool`]); null when memory
/// is exhausted.
///
/// # Safety
/// `layout` has a non-zero size; the memory is released with [`free_block`] and the same
/// layout.
#[inline]
pub(crate) unsafe fn alloc_block(layout: Layout) -> *mut u8 {
    // SAFETY: guaranteed by the caller.
    unsafe { crate::pool::alloc(layout) }
}

/// Releases memory from [`alloc_block`].
///
/// # Safety
/// `ptr` came from [`alloc_block`] with this `layout` and is no longer used.
#[inline]
pub(crate) unsafe fn free_block(ptr: NonNull<u8>, layout: Layout) {
    // SAFETY: guaranteed by the caller.
    unsafe { crate::pool::free(ptr.as_ptr(), layout) }
}
