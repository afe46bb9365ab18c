//! The size-class pools behind object memory and the `pyrite` binary's global allocator:
//! blocks keep their contents across `realloc` between classes and to and from the system
//! allocator, are reused after being freed, and may be freed by another thread.

use std::alloc::{GlobalAlloc, Layout};

use pyrite_memory::PoolAllocator;

fn filled(size: usize, seed: u8) -> *mut u8 {
    let layout = Layout::from_size_align(size, 8).expect("layout");
    // SAFETY: non-zero size; the block is written within its size.
    unsafe {
        let p = PoolAllocator.alloc(layout);
        assert!(!p.is_null());
        for i in 0..size {
            p.add(i).write(seed.wrapping_add(i as u8));
        }
        p
    }
}

fn check(p: *const u8, size: usize, seed: u8) {
    for i in 0..size {
        // SAFETY: the caller passes a block of at least `size` bytes.
        assert_eq!(unsafe { p.add(i).read() }, seed.wrapping_add(i as u8), "byte {i}");
    }
}

#[test]
fn realloc_keeps_contents_across_classes_and_the_system() {
    // Same class, another class, large, back to small.
    let mut p = filled(20, 7);
    let mut size = 20;
    for new_size in [24, 100, 512, 513, 5000, 300, 9] {
        let layout = Layout::from_size_align(size, 8).expect("layout");
        // SAFETY: `p` is a live block of this allocator with `layout`.
        let q = unsafe { PoolAllocator.realloc(p, layout, new_size) };
        assert!(!q.is_null());
        if new_size == 24 {
            assert_eq!(q, p, "20 and 24 bytes share a class: the block already has room");
        }
        check(q, size.min(new_size), 7);
        // Refill the whole block for the next step.
        for i in 0..new_size {
            // SAFETY: within the new block.
            unsafe { q.add(i).write(7u8.wrapping_add(i as u8)) };
        }
        p = q;
        size = new_size;
    }
    // SAFETY: the block is live with this layout.
    unsafe { PoolAllocator.dealloc(p, Layout::from_size_align(size, 8).expect("layout")) };
}

#[test]
fn freed_blocks_are_reused_and_distinct_while_live() {
    let layout = Layout::from_size_align(48, 8).expect("layout");
    let blocks: Vec<*mut u8> = (0..1000).map(|i| filled(48, i as u8)).collect();
    let mut sorted = blocks.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), blocks.len(), "live blocks never overlap");
    for (i, &p) in blocks.iter().enumerate() {
        check(p, 48, i as u8);
    }
    let last = blocks[999];
    for &p in &blocks {
        // SAFETY: each block is live with this layout and freed once.
        unsafe { PoolAllocator.dealloc(p, layout) };
    }
    // SAFETY: non-zero size.
    let again = unsafe { PoolAllocator.alloc(layout) };
    assert_eq!(again, last, "the most recently freed block of the class comes back first");
    // SAFETY: live block with this layout.
    unsafe { PoolAllocator.dealloc(again, layout) };
}

#[test]
fn a_block_may_be_freed_by_another_thread() {
    let addresses: Vec<usize> = (0..100).map(|i| filled(64, i) as usize).collect();
    let handle = std::thread::spawn(move || {
        for (i, &a) in addresses.iter().enumerate() {
            check(a as *const u8, 64, i as u8);
            // SAFETY: the blocks are live, handed over whole, and freed once.
            unsafe { PoolAllocator.dealloc(a as *mut u8, Layout::from_size_align(64, 8).expect("layout")) };
        }
        // The freeing thread's pool hands the blocks out again.
        let p = filled(64, 1);
        check(p, 64, 1);
        p as usize
    });
    let reused = handle.join().expect("thread");
    check(reused as *const u8, 64, 1);
}
