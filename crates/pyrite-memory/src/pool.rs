//! Pools of small memory blocks per 8-byte size class, as CPython's `pymalloc`: the memory
//! of objects ([`crate::heap`]) and, through [`PoolAllocator`] as the process's global
//! allocator, of every small Rust allocation (the buffers of strs, lists, tuples, dicts).
//!
//! Each thread has its own pools (no locking). A class carves its blocks from chunks of
//! [`CHUNK_SIZE`] bytes taken from the system allocator, without the system allocator's
//! per-block header and bookkeeping; a freed block goes to the free list of its class in
//! the freeing thread, for that thread's next allocation of the class. Chunks are never
//! given back: a program's small allocations come and go in waves of the same sizes, so
//! the memory is reused (CPython keeps its arenas the same way while any block is in use).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr::NonNull;

/// Allocations up to this many bytes come from the pools.
const SMALL_LIMIT: usize = 512;
/// The granularity (and alignment) of the size classes.
const CLASS_SIZE: usize = 8;
/// Number of size classes.
const CLASSES: usize = SMALL_LIMIT / CLASS_SIZE;
/// Bytes a class's pool takes from the system at a time. Blocks are carved from a chunk
/// as they are needed, so its untouched pages cost no resident memory.
const CHUNK_SIZE: usize = 64 * 1024;

/// A free block of a size class: its first word links to the next free block.
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

/// One thread's pools.
struct Pools {
    /// The most recently freed block of each class.
    heads: [Option<NonNull<FreeBlock>>; CLASSES],
    /// The next never-used block of each class's current chunk, and the chunk's end.
    bump: [(usize, usize); CLASSES],
}

thread_local! {
    // No destructor: the pools stay usable while the thread's other thread-locals drop.
    static POOLS: UnsafeCell<Pools> = const {
        UnsafeCell::new(Pools { heads: [None; CLASSES], bump: [(0, 0); CLASSES] })
    };
}

/// The size class of `layout`, if it is small enough for the pools.
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() <= SMALL_LIMIT && layout.align() <= CLASS_SIZE {
        Some(layout.size().max(1).div_ceil(CLASS_SIZE) - 1)
    } else {
        None
    }
}

/// Allocates a block for `layout`: from the pools when small, else from the system. Null
/// when memory is exhausted.
///
/// # Safety
/// `layout` has a non-zero size; the block is released with [`free`] and the same layout.
#[inline]
pub(crate) unsafe fn alloc(layout: Layout) -> *mut u8 {
    let Some(class) = class_of(layout) else {
        // SAFETY: non-zero size (guaranteed by the caller).
        return unsafe { System.alloc(layout) };
    };
    POOLS.with(|cell| {
        // SAFETY: the pools belong to this thread, and nothing here re-enters them (the
        // system allocator is not this allocator).
        let p = unsafe { &mut *cell.get() };
        if let Some(block) = p.heads[class] {
            // SAFETY: a listed block is free memory of this class, owned by the list.
            p.heads[class] = unsafe { block.as_ref().next };
            return block.as_ptr().cast::<u8>();
        }
        let size = (class + 1) * CLASS_SIZE;
        let (next, end) = p.bump[class];
        if next + size <= end {
            p.bump[class].0 = next + size;
            return next as *mut u8;
        }
        new_chunk(p, class, size)
    })
}

/// Starts a new chunk for `class` and carves its first block (null if the system has no
/// memory left).
#[cold]
fn new_chunk(p: &mut Pools, class: usize, size: usize) -> *mut u8 {
    let Ok(layout) = Layout::from_size_align(CHUNK_SIZE, CLASS_SIZE) else { return std::ptr::null_mut() };
    // SAFETY: non-zero size. The chunk is never freed (see the module comment).
    let chunk = unsafe { System.alloc(layout) };
    if chunk.is_null() {
        return chunk;
    }
    let start = chunk as usize;
    p.bump[class] = (start + size, start + CHUNK_SIZE);
    chunk
}

/// Releases a block from [`alloc`].
///
/// # Safety
/// `ptr` came from [`alloc`] (in any thread) with this `layout` and is no longer used.
#[inline]
pub(crate) unsafe fn free(ptr: *mut u8, layout: Layout) {
    let Some(class) = class_of(layout) else {
        // SAFETY: a large block came from the system allocator with this layout.
        unsafe { System.dealloc(ptr, layout) };
        return;
    };
    POOLS.with(|cell| {
        // SAFETY: as in `alloc`.
        let p = unsafe { &mut *cell.get() };
        let block = ptr.cast::<FreeBlock>();
        // SAFETY: the block is at least 8 bytes, 8-aligned and unused: it holds the link.
        unsafe { block.write(FreeBlock { next: p.heads[class] }) };
        p.heads[class] = NonNull::new(block);
    });
}

/// The global allocator over the pools: install it in a binary with
/// `#[global_allocator] static ALLOC: PoolAllocator = PoolAllocator;`.
pub struct PoolAllocator;

// SAFETY: small blocks come from per-thread pools whose chunks are never freed, so a block
// stays valid memory until it is freed once (by any thread); large blocks are the system
// allocator's, with the same layouts.
unsafe impl GlobalAlloc for PoolAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: GlobalAlloc callers never ask for zero bytes.
        unsafe { alloc(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller passes a block of this allocator with its layout.
        unsafe { free(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old_class = class_of(layout);
        // SAFETY: `new_size` is non-zero and, rounded to the alignment, below isize::MAX
        // (GlobalAlloc's contract for realloc).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new_class = class_of(new_layout);
        match (old_class, new_class) {
            // Both large: the system may grow the block in place.
            // SAFETY: the block is the system's, with this layout.
            (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
            // The same class: the block already has room.
            (Some(a), Some(b)) if a == b => ptr,
            _ => {
                // SAFETY: as in `alloc`; the copy covers what both blocks hold, and the old
                // block is freed once.
                unsafe {
                    let fresh = alloc(new_layout);
                    if !fresh.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, fresh, layout.size().min(new_size));
                        free(ptr, layout);
                    }
                    fresh
                }
            }
        }
    }
}
