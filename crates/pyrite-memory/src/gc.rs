//! The cycle collector: CPython's generational algorithm (`Modules/gcmodule.c`, 3.11).
//!
//! # Tracking
//!
//! Objects whose payload vtable is `tracked` get a [`GcHead`] right before their header and
//! are linked into generation 0's list when allocated and unlinked when freed (four pointer
//! writes each way, no cost per reference-count operation). Lists are circular and doubly
//! linked with a sentinel, so unlinking needs no knowledge of which list holds the object.
//! There are three generations with CPython's thresholds (700, 10, 10) plus a permanent
//! generation ([`freeze`]). Generation 0's count is tracked allocations minus frees; the
//! count of generation *n* > 0 is the number of collections of generation *n − 1* since
//! the last collection of *n*.
//!
//! # A collection ([`collect`])
//!
//! 1. The younger generations are merged into the one being collected (the *young* set).
//! 2. `gc_refs = refcount` for every object of the set (an object whose count is already
//!    zero, waiting in the deferred-free queue, counts as referenced from outside: the
//!    queue frees it, the collector must not).
//! 3. For every edge from an object of the set to an object of the set (found with
//!    [`ObjRef::traverse`]: managed dict, non-immortal type, payload), `gc_refs -= 1`.
//!    What remains is the number of references from outside the set.
//! 4. Objects with `gc_refs > 0` are roots; everything reachable from them (through the
//!    same traversal) is reachable. Survivors move to the next older generation.
//! 5. The rest is unreachable. The collector takes a strong reference to each, so none is
//!    freed before the collection is done with it.
//! 6. Weak references to unreachable objects, and unreachable weak references, are
//!    cleared; the callbacks of the cleared ones that are not garbage are called
//!    ([`crate::weak`], CPython's `handle_weakrefs`).
//! 7. PEP 442: each unreachable object flagged [`FLAG_HAS_FINALIZER`] and not yet
//!    [`FLAG_FINALIZED`] is flagged finalized and handed to the finalizer hook, before
//!    anything is cleared.
//! 8. If any finalizer ran, reachability within the unreachable set is computed again
//!    (steps 2–4 over that set, discounting the collector's own references): whatever a
//!    finalizer made reachable from outside is resurrected and moves to the older generation.
//! 9. The rest is cleared (`Trace::clear` plus the managed dict), which breaks the cycles;
//!    then the collector drops its references and the deferred-free queue frees the objects.
//!    Anything still alive after that (a `clear` that left a cycle intact) moves to the older
//!    generation.
//!
//! The number reported as `collected` is CPython's: the objects that were unreachable and
//! not resurrected.
//!
//! # Safe points
//!
//! The finalizer hook runs Python code (`__del__`), and clearing drops references, which
//! can free other objects and run their finalizers too. So [`collect`] may only be called
//! where arbitrary Python code may run: with the GIL held, no payload borrowed, and no
//! native operation half-done (the VM's eval breaker, or `gc.collect()` itself). Native
//! code never triggers a collection by allocating: allocation only counts, and past the
//! threshold sets [`crate::breaker::COLLECTION_DUE`]; the VM asks [`collection_due`] at
//! its next instruction boundary.

use std::ptr::NonNull;

use crate::cell::GilCell;
use crate::header::{FLAG_FINALIZED, FLAG_HAS_FINALIZER, GcHead, Header, ObjRef, header_of_gc, traverse_object};

/// `gc_refs` of an object that is not part of a running collection (or, during one, of an
/// object of the collected set already found reachable: it is done with).
pub(crate) const GC_IDLE: isize = -1;

/// The number of generations (not counting the permanent one).
pub const NUM_GENERATIONS: usize = 3;

/// Runs an object's finalizer (`__del__`). Registered by the VM with
/// [`set_finalizer_hook`]. It may run Python code, store new references to the object
/// (resurrection), and drop references; it must not unwind.
pub type FinalizerHook = fn(&ObjRef);

/// What one collection did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CollectStats {
    /// The generation collected (the younger ones were merged into it).
    pub generation: usize,
    /// Unreachable objects that were not resurrected: what `gc.collect()` returns.
    pub collected: usize,
    /// Unreachable objects that could not be collected (always 0: Pyrite has no legacy
    /// `tp_del` finalizers; kept for `gc.get_stats()`'s shape).
    pub uncollectable: usize,
    /// Finalizers run during this collection.
    pub finalized: usize,
    /// Unreachable objects that finalizers made reachable again.
    pub resurrected: usize,
    /// Objects that survived (moved to the next older generation).
    pub survivors: usize,
}

/// Cumulative counters of one generation, as `gc.get_stats()` reports them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenerationStats {
    /// Collections of this generation.
    pub collections: usize,
    /// Objects collected by them.
    pub collected: usize,
    /// Uncollectable objects found by them.
    pub uncollectable: usize,
}

#[derive(Clone, Copy)]
struct Generation {
    head: NonNull<GcHead>,
    threshold: usize,
    count: usize,
    stats: GenerationStats,
}

struct Lists {
    gens: [Generation; NUM_GENERATIONS],
    permanent: NonNull<GcHead>,
}

struct GcState {
    lists: Option<Lists>,
    ctl: Control,
}

struct Control {
    enabled: bool,
    collecting: bool,
    hook: Option<FinalizerHook>,
    /// Objects that survived a generation-1 collection since the last full one.
    long_lived_pending: usize,
    /// Objects in the oldest generation after the last full collection.
    long_lived_total: usize,
}

static GC: GilCell<GcState> = GilCell::new(GcState {
    lists: None,
    ctl: Control { enabled: true, collecting: false, hook: None, long_lived_pending: 0, long_lived_total: 0 },
});

const DEFAULT_THRESHOLDS: [usize; NUM_GENERATIONS] = [700, 10, 10];

/// Allocates a list sentinel that links to itself.
fn new_sentinel() -> NonNull<GcHead> {
    let head = NonNull::from(Box::leak(Box::new(GcHead::default())));
    // SAFETY: just allocated; GcHead is only accessed through shared references (Cells).
    let h = unsafe { head.as_ref() };
    h.prev.set(Some(head));
    h.next.set(Some(head));
    head
}

impl Lists {
    fn new() -> Lists {
        let gen_of = |i: usize| Generation {
            head: new_sentinel(),
            threshold: DEFAULT_THRESHOLDS[i],
            count: 0,
            stats: GenerationStats::default(),
        };
        Lists { gens: [gen_of(0), gen_of(1), gen_of(2)], permanent: new_sentinel() }
    }
}

/// Runs `f` on the collector state, creating the lists on first use.
#[inline]
fn with_state<R>(f: impl FnOnce(&mut GcState) -> R) -> R {
    // SAFETY: collector state is only touched by the GIL holder (contract rule 1); the
    // closures passed here are short and never free objects or run Python code.
    unsafe { GC.with(f) }
}

#[inline]
fn with_lists<R>(f: impl FnOnce(&mut Lists, &mut Control) -> R) -> R {
    with_state(|state| f(state.lists.get_or_insert_with(Lists::new), &mut state.ctl))
}

#[inline]
fn with_ctl<R>(f: impl FnOnce(&mut Control) -> R) -> R {
    with_state(|state| f(&mut state.ctl))
}

// ---- list primitives -------------------------------------------------------------------
//
// SAFETY (for all of them): every pointer passed is a sentinel allocated by `new_sentinel`
// (or a `PrivateList`) or the GcHead of a live tracked-type object; all fields are Cells.

#[inline]
fn gc_ref<'a>(p: NonNull<GcHead>) -> &'a GcHead {
    // SAFETY: see the note above.
    unsafe { &*p.as_ptr() }
}

#[inline]
fn next_of(p: NonNull<GcHead>) -> NonNull<GcHead> {
    gc_ref(p).next.get().expect("linked GcHead")
}

#[inline]
fn link_tail(list: NonNull<GcHead>, node: NonNull<GcHead>) {
    let head = gc_ref(list);
    let last = head.prev.get().expect("sentinel is linked");
    let n = gc_ref(node);
    n.prev.set(Some(last));
    n.next.set(Some(list));
    gc_ref(last).next.set(Some(node));
    head.prev.set(Some(node));
}

#[inline]
fn unlink(node: NonNull<GcHead>) {
    let n = gc_ref(node);
    if let (Some(prev), Some(next)) = (n.prev.get(), n.next.get()) {
        gc_ref(prev).next.set(Some(next));
        gc_ref(next).prev.set(Some(prev));
    }
    n.prev.set(None);
    n.next.set(None);
}

#[inline]
fn move_tail(list: NonNull<GcHead>, node: NonNull<GcHead>) {
    unlink(node);
    link_tail(list, node);
}

fn is_empty(list: NonNull<GcHead>) -> bool {
    next_of(list) == list
}

/// Moves every node of `from` to the end of `to`.
fn splice(from: NonNull<GcHead>, to: NonNull<GcHead>) {
    if from == to || is_empty(from) {
        return;
    }
    let f = gc_ref(from);
    let (first, last) = (f.next.get().expect("linked"), f.prev.get().expect("linked"));
    let t = gc_ref(to);
    let to_last = t.prev.get().expect("linked");
    gc_ref(to_last).next.set(Some(first));
    gc_ref(first).prev.set(Some(to_last));
    gc_ref(last).next.set(Some(to));
    t.prev.set(Some(last));
    f.next.set(Some(from));
    f.prev.set(Some(from));
}

/// Iterates over the nodes of a list. The caller must not unlink the node it was just
/// given before asking for the next one (cursor-style loops read `next` first instead).
fn for_each(list: NonNull<GcHead>, mut f: impl FnMut(NonNull<GcHead>)) {
    let mut cur = next_of(list);
    while cur != list {
        let next = next_of(cur);
        f(cur);
        cur = next;
    }
}

fn list_len(list: NonNull<GcHead>) -> usize {
    let mut n = 0;
    for_each(list, |_| n += 1);
    n
}

/// A list owned by one collection (its sentinel is freed when it is dropped, after the
/// collection has moved every node elsewhere).
struct PrivateList(NonNull<GcHead>);

impl PrivateList {
    fn new() -> PrivateList {
        PrivateList(new_sentinel())
    }
}

impl Drop for PrivateList {
    fn drop(&mut self) {
        // Only an unwinding finalizer (a contract violation) can leave objects here; then
        // the sentinel is leaked so that their links stay valid.
        if is_empty(self.0) {
            // SAFETY: allocated by `new_sentinel` with `Box::leak`; nothing links to it.
            drop(unsafe { Box::from_raw(self.0.as_ptr()) });
        }
    }
}

/// The GcHead of the object a reference points to, if its payload type is tracked.
#[inline]
fn gc_of(obj: &ObjRef) -> Option<NonNull<GcHead>> {
    obj.gc_head()
}

/// A borrowed reference to the object of a GcHead (not counted; never dropped).
fn borrow_obj(gc: NonNull<GcHead>) -> std::mem::ManuallyDrop<ObjRef> {
    // SAFETY: linked GcHeads belong to allocated objects; ManuallyDrop keeps the count.
    std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(header_of_gc(gc)) })
}

fn header_refcount(gc: NonNull<GcHead>) -> usize {
    // SAFETY: linked GcHeads belong to allocated objects.
    unsafe { ObjRef::refcount_of(header_of_gc(gc)) }
}

fn traverse_gc(gc: NonNull<GcHead>, visit: &mut dyn FnMut(&ObjRef)) {
    // SAFETY: callers pass GcHeads of linked objects, never sentinels.
    let ptr: NonNull<Header> = unsafe { header_of_gc(gc) };
    // SAFETY: linked GcHeads belong to live objects (count > 0, or queued for freeing with
    // their payload intact).
    unsafe { traverse_object(ptr, visit) }
}

// ---- tracking (called by header.rs) -----------------------------------------------------

/// Links a freshly allocated tracked object into generation 0.
///
/// # Safety
/// `gc` is the initialized, unlinked GcHead of a live object.
pub(crate) unsafe fn track_new(gc: NonNull<GcHead>) {
    let past_threshold = with_lists(|lists, _| {
        link_tail(lists.gens[0].head, gc);
        lists.gens[0].count += 1;
        lists.gens[0].count > lists.gens[0].threshold
    });
    if past_threshold {
        request_collection();
    }
}

/// Asks the VM for an automatic collection at its next instruction boundary, when one is
/// due (not when the collector is disabled, has threshold 0, or is running).
#[cold]
fn request_collection() {
    if collection_due() {
        crate::breaker::set(crate::breaker::COLLECTION_DUE, true);
    }
}

/// Unlinks an object that is being freed.
///
/// # Safety
/// `gc` is the GcHead of a tracked-type object being freed.
pub(crate) unsafe fn untrack_freed(gc: NonNull<GcHead>) {
    unlink(gc);
    with_state(|state| {
        if let Some(lists) = &mut state.lists {
            lists.gens[0].count = lists.gens[0].count.saturating_sub(1);
        }
    });
}

/// The registered finalizer hook.
#[inline]
pub(crate) fn finalizer_hook() -> Option<FinalizerHook> {
    with_ctl(|ctl| ctl.hook)
}

// ---- public API -------------------------------------------------------------------------

/// Registers the function that runs an object's finalizer (`__del__`): called once per
/// object (the collector and the refcount-zero path set [`FLAG_FINALIZED`] first) for
/// objects flagged [`FLAG_HAS_FINALIZER`], before the object is cleared or freed. The hook
/// may run Python code and may resurrect the object by storing a new reference to it.
/// Without a hook, such objects are freed without finalization.
pub fn set_finalizer_hook(hook: Option<FinalizerHook>) {
    with_ctl(|ctl| ctl.hook = hook);
}

/// Enables automatic collection (`gc.enable()`).
pub fn enable() {
    with_ctl(|ctl| ctl.enabled = true);
}

/// Disables automatic collection (`gc.disable()`); [`collect`] still works.
pub fn disable() {
    with_ctl(|ctl| ctl.enabled = false);
}

/// Whether automatic collection is enabled (`gc.isenabled()`).
#[must_use]
pub fn is_enabled() -> bool {
    with_ctl(|ctl| ctl.enabled)
}

/// Whether a collection is running (finalizers and clears it calls see `true`).
#[must_use]
pub fn is_collecting() -> bool {
    with_ctl(|ctl| ctl.collecting)
}

/// Cheap check for the VM's eval breaker: automatic collection is enabled, none is running,
/// and generation 0's count exceeds its (non-zero) threshold. When it returns `true`, call
/// [`collect_automatic`] at the safe point.
#[inline]
#[must_use]
pub fn collection_due() -> bool {
    with_state(|state| {
        state.ctl.enabled
            && !state.ctl.collecting
            && state.lists.as_ref().is_some_and(|l| l.gens[0].threshold != 0 && l.gens[0].count > l.gens[0].threshold)
    })
}

/// The generation an automatic collection would collect now (CPython's
/// `collect_generations`: the oldest whose count exceeds its threshold; the oldest
/// generation only once the objects waiting to be examined there exceed 25% of it), or
/// `None` if none is due.
#[must_use]
pub fn due_generation() -> Option<usize> {
    if !collection_due() {
        return None;
    }
    with_lists(|lists, ctl| {
        (0..NUM_GENERATIONS).rev().find(|&i| {
            let g = &lists.gens[i];
            g.count > g.threshold && !(i == NUM_GENERATIONS - 1 && ctl.long_lived_pending < ctl.long_lived_total / 4)
        })
    })
}

/// Runs the collection [`due_generation`] chooses, if any (call it only at a safe point).
pub fn collect_automatic() -> Option<CollectStats> {
    due_generation().map(collect)
}

/// `gc.get_count()`: the counts of the three generations.
#[must_use]
pub fn get_count() -> [usize; NUM_GENERATIONS] {
    with_lists(|lists, _| lists.gens.map(|g| g.count))
}

/// `gc.get_threshold()`.
#[must_use]
pub fn get_threshold() -> [usize; NUM_GENERATIONS] {
    with_lists(|lists, _| lists.gens.map(|g| g.threshold))
}

/// `gc.set_threshold(t0[, t1[, t2]])`: sets the thresholds of the first
/// `thresholds.len()` generations (extra values are ignored). A threshold of 0 for
/// generation 0 disables automatic collection.
pub fn set_threshold(thresholds: &[usize]) {
    with_lists(|lists, _| {
        for (g, &t) in lists.gens.iter_mut().zip(thresholds) {
            g.threshold = t;
        }
    });
}

/// `gc.get_stats()`: cumulative counters per generation.
#[must_use]
pub fn get_stats() -> [GenerationStats; NUM_GENERATIONS] {
    with_lists(|lists, _| lists.gens.map(|g| g.stats))
}

fn clone_live(gc: NonNull<GcHead>, out: &mut Vec<ObjRef>) {
    // Objects whose count is zero are waiting in the deferred-free queue: never revive them.
    if header_refcount(gc) > 0 {
        out.push((*borrow_obj(gc)).clone());
    }
}

/// `gc.get_objects(generation)`: new references to the tracked objects of one generation,
/// or of all three with `None` (not the permanent one).
#[must_use]
pub fn get_objects(generation: Option<usize>) -> Vec<ObjRef> {
    let heads: Vec<NonNull<GcHead>> = with_lists(|lists, _| match generation {
        Some(g) => lists.gens.get(g).map(|g| g.head).into_iter().collect(),
        None => lists.gens.iter().map(|g| g.head).collect(),
    });
    let mut out = Vec::new();
    for head in heads {
        for_each(head, |gc| clone_live(gc, &mut out));
    }
    out
}

/// `gc.is_tracked(obj)`.
#[must_use]
pub fn is_tracked(obj: &ObjRef) -> bool {
    gc_of(obj).is_some_and(|gc| gc_ref(gc).next.get().is_some())
}

/// Stops tracking an object (CPython's `_PyObject_GC_UNTRACK`). Only for objects that
/// cannot take part in a cycle (for example a tuple of atomic values), and immortal ones:
/// references an untracked object holds count as references from outside the heap.
pub fn untrack(obj: &ObjRef) {
    if let Some(gc) = gc_of(obj) {
        unlink(gc);
        gc_ref(gc).gc_refs.set(GC_IDLE);
    }
}

/// Tracks again an object of a tracked payload type that was untracked (it joins
/// generation 0). No effect on tracked objects and untracked payload types.
pub fn track(obj: &ObjRef) {
    if let Some(gc) = gc_of(obj)
        && gc_ref(gc).next.get().is_none()
        && obj.refcount() > 0
    {
        gc_ref(gc).gc_refs.set(GC_IDLE);
        with_lists(|lists, _| link_tail(lists.gens[0].head, gc));
    }
}

/// `gc.get_referents(obj)`: new references to what the object's traversal reports
/// (its managed dict, its type unless immortal, the payload's references).
#[must_use]
pub fn get_referents(obj: &ObjRef) -> Vec<ObjRef> {
    let mut out = Vec::new();
    obj.traverse(&mut |r| out.push(r.clone()));
    out
}

/// `gc.get_referrers(*objs)`: the tracked objects (of the three generations) whose
/// traversal reports any of `targets`.
#[must_use]
pub fn get_referrers(targets: &[ObjRef]) -> Vec<ObjRef> {
    let mut out = Vec::new();
    for obj in get_objects(None) {
        let mut hit = false;
        obj.traverse(&mut |r| hit |= targets.iter().any(|t| t.is_same(r)));
        if hit {
            out.push(obj);
        }
    }
    out
}

/// `gc.freeze()`: moves every tracked object into the permanent generation, which
/// collections ignore.
pub fn freeze() {
    with_lists(|lists, _| {
        for g in &lists.gens {
            splice(g.head, lists.permanent);
        }
    });
}

/// `gc.unfreeze()`: moves the permanent generation back into the oldest one.
pub fn unfreeze() {
    with_lists(|lists, _| splice(lists.permanent, lists.gens[NUM_GENERATIONS - 1].head));
}

/// `gc.get_freeze_count()`.
#[must_use]
pub fn get_freeze_count() -> usize {
    let head = with_lists(|lists, _| lists.permanent);
    list_len(head)
}

// ---- the collection -----------------------------------------------------------------------

/// How many entries ahead the array-driven passes prefetch. Every pass after the first
/// walks a vector of the set's GcHeads instead of chasing the list's `next` pointers: the
/// addresses are known in advance, so the misses of consecutive objects overlap instead of
/// each waiting for the previous one (with sets larger than the caches, the list walks
/// were most of the collector's time).
const PREFETCH_AHEAD: usize = 8;

/// Hints the CPU to start loading the cache line of `p` (no effect on other targets).
#[inline(always)]
fn prefetch(p: NonNull<GcHead>) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults and reads nothing observable,
    // whatever the address.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.as_ptr().cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Prefetches the entry `PREFETCH_AHEAD` places after `i`, if any.
#[inline(always)]
fn prefetch_ahead(heads: &[NonNull<GcHead>], i: usize) {
    if let Some(&p) = heads.get(i + PREFETCH_AHEAD) {
        prefetch(p);
    }
}

/// Sets `gc_refs` of every object of `list` to its reference count minus `held` (the
/// references the collector itself holds), and returns the GcHeads in list order. A zero
/// count (queued for freeing) counts as one outside reference, so the collector leaves the
/// object and what it refers to alone.
fn update_refs(list: NonNull<GcHead>, held: usize) -> Vec<NonNull<GcHead>> {
    let mut heads = Vec::new();
    for_each(list, |gc| {
        let count = header_refcount(gc);
        let refs = if count == 0 { 1 } else { count.saturating_sub(held).min(isize::MAX as usize) };
        gc_ref(gc).gc_refs.set(refs.cast_signed());
        heads.push(gc);
    });
    heads
}

/// Subtracts the references between objects of the collected set (`gc_refs >= 0`).
fn subtract_refs(heads: &[NonNull<GcHead>]) {
    for (i, &gc) in heads.iter().enumerate() {
        prefetch_ahead(heads, i);
        traverse_gc(gc, &mut |r| {
            if let Some(target) = gc_of(r) {
                let cell = &gc_ref(target).gc_refs;
                let refs = cell.get();
                if refs > 0 {
                    cell.set(refs - 1);
                } else {
                    debug_assert!(
                        refs != 0,
                        "traverse of {:?} reports more references to {:?} than it holds",
                        *borrow_obj(gc),
                        r
                    );
                }
            }
        });
    }
}

/// Moves the objects of the set (`heads`, all linked in one list) reachable from outside
/// it (and everything reachable from them) to `reachable`, leaving the unreachable ones
/// where they were with `gc_refs >= 0`. Reachable objects are marked idle. Returns the
/// number of reachable objects.
///
/// The survivors keep their order in `heads` (their list order, which is mostly allocation
/// order, hence mostly address order). Moving them in the order the marking finds them
/// instead scrambles the older generations over time, and every later walk of those lists
/// then misses the cache (and the TLB) on each object: that made the collections of a
/// benchmark building trees twice as slow.
fn move_reachable(heads: &[NonNull<GcHead>], reachable: NonNull<GcHead>) -> usize {
    // Marking: the roots first, then breadth-first from them. `queue` is walked as an
    // array (prefetchable) rather than by following the list's links.
    let mut queue = Vec::new();
    for (i, &gc) in heads.iter().enumerate() {
        prefetch_ahead(heads, i);
        let c = gc_ref(gc);
        if c.gc_refs.get() > 0 {
            c.gc_refs.set(GC_IDLE);
            queue.push(gc);
        }
    }
    let mut i = 0;
    while let Some(&cur) = queue.get(i) {
        prefetch_ahead(&queue, i);
        traverse_gc(cur, &mut |r| {
            if let Some(target) = gc_of(r) {
                let t = gc_ref(target);
                if t.gc_refs.get() >= 0 {
                    t.gc_refs.set(GC_IDLE);
                    queue.push(target);
                }
            }
        });
        i += 1;
    }
    // Moving, in list order.
    for (i, &gc) in heads.iter().enumerate() {
        prefetch_ahead(heads, i);
        if gc_ref(gc).gc_refs.get() == GC_IDLE {
            move_tail(reachable, gc);
        }
    }
    queue.len()
}

/// Resets the `collecting` flag even if a finalizer unwinds.
struct CollectingGuard;

impl Drop for CollectingGuard {
    fn drop(&mut self) {
        with_ctl(|ctl| ctl.collecting = false);
    }
}

/// Collects `generation` (0, 1 or 2; larger values mean 2) and every younger one.
///
/// Returns the default (empty) stats without collecting when a collection is already
/// running (a finalizer called `gc.collect()`).
///
/// # Safe points
/// Finalizers run Python code and clearing frees objects: call this only where arbitrary
/// Python code may run (GIL held, no payload borrowed, no native operation in progress).
pub fn collect(generation: usize) -> CollectStats {
    let generation = generation.min(NUM_GENERATIONS - 1);
    let Some((young, old, hook)) = with_lists(|lists, ctl| {
        if ctl.collecting {
            return None;
        }
        ctl.collecting = true;
        if generation + 1 < NUM_GENERATIONS {
            lists.gens[generation + 1].count += 1;
        }
        for g in &mut lists.gens[..=generation] {
            g.count = 0;
        }
        let young = lists.gens[generation].head;
        for g in &lists.gens[..generation] {
            splice(g.head, young);
        }
        let old = lists.gens[(generation + 1).min(NUM_GENERATIONS - 1)].head;
        Some((young, old, ctl.hook))
    }) else {
        return CollectStats { generation, ..CollectStats::default() };
    };
    let _guard = CollectingGuard;
    let mut stats = CollectStats { generation, ..CollectStats::default() };

    // Steps 2–4: find what is reachable from outside the young set. No code runs here:
    // traversals only read payloads.
    let heads = update_refs(young, 0);
    subtract_refs(&heads);
    let reachable = PrivateList::new();
    stats.survivors = move_reachable(&heads, reachable.0);
    let unreachable = PrivateList::new();
    splice(young, unreachable.0);
    splice(reachable.0, old);
    with_ctl(|ctl| {
        if generation == NUM_GENERATIONS - 2 {
            ctl.long_lived_pending += stats.survivors;
        } else if generation == NUM_GENERATIONS - 1 {
            ctl.long_lived_pending = 0;
            ctl.long_lived_total = stats.survivors;
        }
    });

    // Step 5: hold every unreachable object so nothing is freed under the collector.
    // They are the objects of the set still marked (`gc_refs >= 0`), in list order.
    let mut held = Vec::new();
    for (i, &gc) in heads.iter().enumerate() {
        prefetch_ahead(&heads, i);
        if gc_ref(gc).gc_refs.get() >= 0 {
            held.push((*borrow_obj(gc)).clone());
        }
    }
    drop(heads);

    // Step 5½: weak references (CPython's `handle_weakrefs`): clear every weak reference to
    // garbage and every weak reference that is garbage, then call the callbacks of the
    // cleared ones that are not garbage themselves. No callback can reach garbage: the
    // weak references that led there are all cleared first.
    let weakrefs_freed = crate::weak::handle_for_gc(&held, |o| gc_of(o).is_some_and(|g| gc_ref(g).gc_refs.get() >= 0));

    // Step 6: finalizers (PEP 442), before anything is cleared.
    if let Some(hook) = hook {
        for obj in &held {
            if obj.flags() & (FLAG_HAS_FINALIZER | FLAG_FINALIZED) == FLAG_HAS_FINALIZER {
                obj.set_flags(FLAG_FINALIZED);
                stats.finalized += 1;
                hook(obj);
            }
        }
    }

    // Step 7: resurrection. Finalizers may have stored references to unreachable objects
    // anywhere; recompute reachability inside the unreachable set, discounting our own
    // reference to each.
    if stats.finalized > 0 {
        let heads = update_refs(unreachable.0, 1);
        subtract_refs(&heads);
        let resurrected = PrivateList::new();
        stats.resurrected = move_reachable(&heads, resurrected.0);
        splice(resurrected.0, old);
    }

    // Step 8: break the cycles. Objects still marked (`gc_refs >= 0`) are garbage; anything
    // untracked or resurrected meanwhile is idle and left alone.
    for obj in &held {
        if let Some(gc) = gc_of(obj)
            && gc_ref(gc).gc_refs.get() >= 0
        {
            stats.collected += 1;
            // Marked idle here rather than in a pass of its own over the list: nothing
            // reads the mark of a held object once its turn here has passed.
            gc_ref(gc).gc_refs.set(GC_IDLE);
            obj.clear_for_gc();
        }
    }
    // Every object left in `unreachable` was garbage, hence is idle now. Whatever our
    // references do not free (a clear that left a cycle intact) stays in the older
    // generation; freeing unlinks objects from whatever list holds them.
    splice(unreachable.0, old);
    drop(held);
    // CPython counts the weak references that their callbacks' end freed as collected.
    stats.collected += weakrefs_freed;

    with_lists(|lists, _| {
        let g = &mut lists.gens[generation].stats;
        g.collections += 1;
        g.collected += stats.collected;
        g.uncollectable += stats.uncollectable;
    });
    stats
}
