//! Process-wide heap bookkeeping: the deferred-free queue ("trashcan") and counters.
//!
//! Freeing an object drops its payload, which may drop the last reference to other
//! objects. Freeing those recursively would overflow the Rust stack on a million-deep
//! chain (`x = [x]` repeated), so an object whose count reaches zero while another object
//! is being freed is queued and freed by the outermost release, iteratively.
//!
//! Object memory comes from [`alloc_block`]: blocks of up to 512 bytes are kept, when
//! freed, on a short free list per 8-byte size class and handed to the next allocation of
//! that class, which spares the system allocator the churn of short-lived objects. The
//! lists are short on purpose: a long one would hand out memory scattered by a large free
//! (a collection) in place of the system allocator's compact fresh blocks.
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

/// Allocations up to this many bytes come from free lists of size classes.
const SMALL_LIMIT: usize = 512;
/// The granularity (and alignment) of the size classes: a block is exactly as large as
/// the system allocator would have been asked for, so the classes cost no memory.
const CLASS_SIZE: usize = 8;
/// Number of size classes.
const CLASSES: usize = SMALL_LIMIT / CLASS_SIZE;
/// Free blocks kept per size class; blocks freed beyond this go back to the system (a
/// longer list costs locality: see the module comment).
const KEEP_PER_CLASS: usize = 64;

/// A free block of a size class: its first word links to the next free block.
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

/// The free lists of the small size classes (allocation is single-threaded under the GIL,
/// so a freed block is reused by the next allocation of its class without a system call).
struct FreeLists {
    heads: [Option<NonNull<FreeBlock>>; CLASSES],
    counts: [usize; CLASSES],
}

static FREE: GilCell<FreeLists> = GilCell::new(FreeLists { heads: [None; CLASSES], counts: [0; CLASSES] });

/// The size class of `layout`, if it is small enough for the free lists.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() <= SMALL_LIMIT && layout.align() <= CLASS_SIZE {
        Some(layout.size().max(1).div_ceil(CLASS_SIZE) - 1)
    } else {
        None
    }
}

/// The layout every block of size class `class` is allocated with.
#[inline]
fn class_layout(class: usize) -> Layout {
    // Sizes are multiples of 8 up to SMALL_LIMIT: always a valid layout.
    Layout::from_size_align((class + 1) * CLASS_SIZE, CLASS_SIZE).unwrap_or(Layout::new::<FreeBlock>())
}

/// Allocates memory for an object with `layout`; null when memory is exhausted. Small
/// layouts are served from the free lists first.
///
/// # Safety
/// `layout` has a non-zero size; the memory is released with [`free_block`] and the same
/// layout.
#[inline]
pub(crate) unsafe fn alloc_block(layout: Layout) -> *mut u8 {
    let Some(class) = class_of(layout) else {
        // SAFETY: non-zero size (guaranteed by the caller).
        return unsafe { std::alloc::alloc(layout) };
    };
    // SAFETY: heap state is only touched by the GIL holder; the closure does not re-enter.
    // A listed block is free memory of this class's layout, owned by the list.
    let reused = unsafe {
        FREE.with(|f| {
            let block = f.heads[class]?;
            f.heads[class] = block.as_ref().next;
            f.counts[class] -= 1;
            Some(block)
        })
    };
    match reused {
        Some(block) => block.as_ptr().cast::<u8>(),
        // SAFETY: the class layout has a non-zero size.
        None => unsafe { std::alloc::alloc(class_layout(class)) },
    }
}

/// Releases memory from [`alloc_block`]: small blocks go to their class's free list.
///
/// # Safety
/// `ptr` came from [`alloc_block`] with this `layout` and is no longer used.
#[inline]
pub(crate) unsafe fn free_block(ptr: NonNull<u8>, layout: Layout) {
    let Some(class) = class_of(layout) else {
        // SAFETY: allocated by `alloc_block` with this (large) layout through the system.
        unsafe { std::alloc::dealloc(ptr.as_ptr(), layout) };
        return;
    };
    let block = ptr.cast::<FreeBlock>();
    // SAFETY: as in `alloc_block`; the block is at least 8 bytes, 8-aligned and unused, so
    // it can hold the link.
    let kept = unsafe {
        FREE.with(|f| {
            if f.counts[class] >= KEEP_PER_CLASS {
                return false;
            }
            block.as_ptr().write(FreeBlock { next: f.heads[class] });
            f.heads[class] = Some(block);
            f.counts[class] += 1;
            true
        })
    };
    if !kept {
        // SAFETY: small blocks are allocated with their class layout.
        unsafe { std::alloc::dealloc(ptr.as_ptr(), class_layout(class)) };
    }
}
