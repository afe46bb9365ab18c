//! The cycle collector, without the VM: cycles of many shapes, generations and thresholds,
//! PEP 442 finalizers and resurrection, deep chains, and a leak check.

use std::cell::{Cell, RefCell};
use std::sync::{Mutex, MutexGuard};

use pyrite_memory::gc::{self, CollectStats};
use pyrite_memory::{FLAG_FINALIZED, FLAG_HAS_FINALIZER, ObjRef, PayloadCell, Trace, payload, stats};

/// A container with any number of edges.
struct Node {
    edges: PayloadCell<Vec<ObjRef>>,
}

impl Trace for Node {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for e in self.edges.borrow().iter() {
            visit(e);
        }
    }
    fn clear(&self) {
        let old = self.edges.replace(Vec::new());
        drop(old);
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}

payload!(Node, "node", tracked);

/// An untracked leaf (like `str`).
struct Leaf;
impl Trace for Leaf {}
impl Drop for Leaf {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}
payload!(Leaf, "leaf", untracked);

/// A payload whose traverse and clear do nothing, though it is tracked (like a `clear`
/// that cannot break the cycle through it).
struct Opaque {
    edge: PayloadCell<Option<ObjRef>>,
}
impl Trace for Opaque {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(e) = &*self.edge.borrow() {
            visit(e);
        }
    }
}
payload!(Opaque, "opaque", tracked);

thread_local! {
    static DROPS: Cell<usize> = const { Cell::new(0) };
    /// (address, edges the object still had when finalized).
    static FINALIZED: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
    static RESURRECT: Cell<bool> = const { Cell::new(false) };
    static STASH: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
    static COLLECT_IN_HOOK: Cell<bool> = const { Cell::new(false) };
    static NESTED: RefCell<Vec<CollectStats>> = const { RefCell::new(Vec::new()) };
}

fn hook(obj: &ObjRef) {
    assert!(obj.flags() & FLAG_FINALIZED != 0, "flagged before the hook runs");
    let edges = obj.downcast::<Node>().map_or(0, |n| n.edges.borrow().len());
    FINALIZED.with(|f| f.borrow_mut().push((obj.addr(), edges)));
    if RESURRECT.with(Cell::get) {
        STASH.with(|s| s.borrow_mut().push(obj.clone()));
    }
    if COLLECT_IN_HOOK.with(Cell::get) {
        let nested = gc::collect(2);
        NESTED.with(|n| n.borrow_mut().push(nested));
    }
}

/// The heap may only be touched by one thread at a time (the GIL's job in the VM). Each
/// test starts from a clean collector state.
static GIL: Mutex<()> = Mutex::new(());

fn setup() -> MutexGuard<'static, ()> {
    let guard = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    gc::set_finalizer_hook(Some(hook));
    gc::set_threshold(&[700, 10, 10]);
    gc::enable();
    gc::unfreeze();
    gc::collect(2);
    DROPS.with(|d| d.set(0));
    FINALIZED.with(|f| f.borrow_mut().clear());
    RESURRECT.with(|r| r.set(false));
    COLLECT_IN_HOOK.with(|r| r.set(false));
    NESTED.with(|n| n.borrow_mut().clear());
    drop(STASH.with(|s| std::mem::take(&mut *s.borrow_mut())));
    guard
}

fn drops() -> usize {
    DROPS.with(Cell::get)
}

fn finalized() -> Vec<(usize, usize)> {
    FINALIZED.with(|f| f.borrow().clone())
}

fn node() -> ObjRef {
    ObjRef::new(Node { edges: PayloadCell::new(Vec::new()) }, None)
}

fn link(from: &ObjRef, to: &ObjRef) {
    from.downcast::<Node>().unwrap().edges.borrow_mut().push(to.clone());
}

fn edges(obj: &ObjRef) -> usize {
    obj.downcast::<Node>().unwrap().edges.borrow().len()
}

/// A ring of `n` nodes; returns its first node.
fn ring(n: usize) -> ObjRef {
    let first = node();
    let mut prev = first.clone();
    for _ in 1..n {
        let next = node();
        link(&prev, &next);
        prev = next;
    }
    link(&prev, &first);
    first
}

fn count_in(generation: usize, obj: &ObjRef) -> bool {
    gc::get_objects(Some(generation)).iter().any(|o| o.is_same(obj))
}

// ---- cycles of many shapes ----------------------------------------------------------------

#[test]
fn self_loop_is_collected() {
    let _gil = setup();
    let before = stats().live();
    let a = node();
    link(&a, &a);
    drop(a);
    assert_eq!(stats().live(), before + 1, "counting alone cannot free a self-loop");
    let s = gc::collect(2);
    assert_eq!(s.collected, 1);
    assert_eq!(drops(), 1);
    assert_eq!(stats().live(), before);
}

#[test]
fn two_node_cycle_is_collected() {
    let _gil = setup();
    let before = stats().live();
    let a = node();
    let b = node();
    link(&a, &b);
    link(&b, &a);
    drop((a, b));
    assert_eq!(gc::collect(2).collected, 2);
    assert_eq!(drops(), 2);
    assert_eq!(stats().live(), before);
}

#[test]
fn long_ring_is_collected() {
    let _gil = setup();
    let before = stats().live();
    drop(ring(100_000));
    assert_eq!(gc::collect(2).collected, 100_000);
    assert_eq!(stats().live(), before);
}

#[test]
fn cycle_with_a_tail_is_collected_with_its_tail() {
    let _gil = setup();
    let before = stats().live();
    let a = node();
    let b = node();
    link(&a, &b);
    link(&b, &a);
    let c = node();
    let d = node();
    link(&b, &c);
    link(&c, &d);
    // An untracked object hanging off the cycle is freed too, but is not counted.
    let leaf = ObjRef::new(Leaf, None);
    link(&d, &leaf);
    drop((a, b, c, d, leaf));
    assert_eq!(gc::collect(2).collected, 4, "CPython counts the tail's tracked objects too");
    assert_eq!(drops(), 5);
    assert_eq!(stats().live(), before);
}

#[test]
fn cycle_reachable_from_a_live_object_survives() {
    let _gil = setup();
    let before = stats().live();
    let root = node();
    let a = node();
    let b = node();
    link(&a, &b);
    link(&b, &a);
    link(&root, &a);
    drop((a, b));
    let s = gc::collect(2);
    assert_eq!(s.collected, 0);
    assert_eq!(drops(), 0);
    let a = root.downcast::<Node>().unwrap().edges.borrow()[0].clone();
    assert_eq!(edges(&a), 1, "survivors are not cleared");
    drop(a);
    drop(root); // freed by counting; the cycle it held becomes garbage
    assert_eq!(drops(), 1);
    assert_eq!(gc::collect(2).collected, 2);
    assert_eq!(stats().live(), before);
}

#[test]
fn a_rust_local_is_an_outside_reference() {
    let _gil = setup();
    let a = ring(3);
    assert_eq!(gc::collect(2).collected, 0);
    assert_eq!(edges(&a), 1);
    let before = stats().live() - 3;
    drop(a);
    assert_eq!(gc::collect(2).collected, 3);
    assert_eq!(stats().live(), before);
}

#[test]
fn nested_and_interlocked_cycles_are_collected() {
    let _gil = setup();
    let before = stats().live();
    // A ring of three rings, each member of the outer ring also in its own inner ring.
    let outer: Vec<ObjRef> = (0..3).map(|_| ring(3)).collect();
    for i in 0..3 {
        link(&outer[i], &outer[(i + 1) % 3]);
    }
    // A figure eight sharing one node.
    let hub = node();
    let (x, y) = (node(), node());
    link(&hub, &x);
    link(&x, &hub);
    link(&hub, &y);
    link(&y, &hub);
    // A clique of five.
    let clique: Vec<ObjRef> = (0..5).map(|_| node()).collect();
    for a in &clique {
        for b in &clique {
            link(a, b);
        }
    }
    drop((outer, hub, x, y, clique));
    assert_eq!(gc::collect(2).collected, 9 + 3 + 5);
    assert_eq!(stats().live(), before);
}

#[test]
fn garbage_holding_a_live_object_leaves_it_alive() {
    let _gil = setup();
    let live = node();
    let before = stats().live();
    let a = ring(2);
    link(&a, &live);
    drop(a);
    assert_eq!(gc::collect(2).collected, 2);
    assert_eq!(live.refcount(), 1);
    assert_eq!(edges(&live), 0);
    assert_eq!(stats().live(), before, "only the ring is freed");
}

#[test]
fn cycles_through_the_managed_dict_are_collected() {
    let _gil = setup();
    let before = stats().live();
    let obj = ObjRef::new_with_dict(Node { edges: PayloadCell::new(Vec::new()) }, None);
    let dict = node();
    link(&dict, &obj);
    drop(obj.set_managed_dict(Some(dict.clone())));
    let referents = gc::get_referents(&obj);
    assert_eq!(referents.len(), 1);
    assert!(referents[0].is_same(&dict));
    drop(referents);
    drop((obj, dict));
    assert_eq!(gc::collect(2).collected, 2, "CPython: an instance and its __dict__");
    assert_eq!(stats().live(), before);
}

#[test]
fn an_untracked_payload_with_a_managed_dict_is_a_tracked_container() {
    let _gil = setup();
    let before = stats().live();
    // Like an instance of `class S(str)` whose `__dict__` refers back to it.
    let leaf = ObjRef::new_with_dict(Leaf, None);
    assert!(gc::is_tracked(&leaf), "CPython tracks every subclass instance with a __dict__");
    assert!(!gc::is_tracked(&ObjRef::new(Leaf, None)));
    let dict = node();
    link(&dict, &leaf);
    drop(leaf.set_managed_dict(Some(dict.clone())));
    drop((leaf, dict));
    assert_eq!(gc::collect(2).collected, 2, "the leaf and its dict");
    assert_eq!(stats().live(), before);
    let freed = ObjRef::new_with_dict(Leaf, None);
    drop(freed);
    assert_eq!(stats().live(), before, "freed by its count, unlinked from the collector");
    assert_eq!(gc::collect(2).collected, 0);
}

#[test]
fn heap_type_is_an_edge_and_immortal_type_is_not() {
    let _gil = setup();
    let immortal = node();
    immortal.make_immortal();
    assert!(!gc::is_tracked(&immortal), "immortal objects are untracked");
    let before = stats().live();

    // A cycle through the header's type reference: instance -> class -> instance.
    let class = node();
    let instance = ObjRef::new(Node { edges: PayloadCell::new(Vec::new()) }, Some(&class));
    link(&class, &instance);
    let referents = gc::get_referents(&instance);
    assert_eq!(referents.len(), 1);
    assert!(referents[0].is_same(&class));
    drop(referents);
    drop((class, instance));
    assert_eq!(gc::collect(2).collected, 2);
    assert_eq!(stats().live(), before);

    let plain = ObjRef::new(Node { edges: PayloadCell::new(Vec::new()) }, Some(&immortal));
    assert!(gc::get_referents(&plain).is_empty(), "builtin (immortal) types are not reported");
    drop(plain);
    assert_eq!(stats().live(), before);
}

#[test]
fn a_clear_that_cannot_break_the_cycle_leaves_it_in_the_old_generation() {
    let _gil = setup();
    let before = stats().live();
    let a = ObjRef::new(Opaque { edge: PayloadCell::new(None) }, None);
    *a.downcast::<Opaque>().unwrap().edge.borrow_mut() = Some(a.clone());
    drop(a);
    let s = gc::collect(2);
    assert_eq!(s.collected, 1, "counted as CPython would");
    assert_eq!(stats().live(), before + 1, "still alive: its clear did nothing");
    let objs = gc::get_objects(Some(2));
    let a = objs.into_iter().find(|o| o.is::<Opaque>()).expect("moved to the oldest generation");
    // Break it by hand so the process stays clean.
    drop(a.downcast::<Opaque>().unwrap().edge.replace(None));
    drop(a);
    assert_eq!(stats().live(), before);
}

// ---- generations, thresholds, API ---------------------------------------------------------

#[test]
fn objects_move_through_the_generations() {
    let _gil = setup();
    let a = node();
    assert!(gc::is_tracked(&a));
    assert!(count_in(0, &a));
    gc::collect(0);
    assert!(count_in(1, &a) && !count_in(0, &a));
    gc::collect(1);
    assert!(count_in(2, &a) && !count_in(1, &a));
    gc::collect(2);
    assert!(count_in(2, &a), "the oldest generation keeps its survivors");
    assert!(!gc::is_tracked(&ObjRef::new(Leaf, None)));
    gc::untrack(&a);
    assert!(!gc::is_tracked(&a));
    assert!(gc::get_objects(None).iter().all(|o| !o.is_same(&a)));
    gc::track(&a);
    assert!(gc::is_tracked(&a) && count_in(0, &a));
}

#[test]
fn a_young_collection_leaves_old_cycles_alone() {
    let _gil = setup();
    let before = stats().live();
    let a = ring(2);
    gc::collect(0); // survives (held), moves to generation 1
    drop(a);
    assert_eq!(gc::collect(0).collected, 0);
    assert_eq!(gc::collect(1).collected, 2);
    assert_eq!(stats().live(), before);
}

#[test]
fn counts_and_thresholds_follow_cpython() {
    let _gil = setup();
    assert_eq!(gc::get_threshold(), [700, 10, 10]);
    assert_eq!(gc::get_count(), [0, 0, 0]);
    let mut objs: Vec<ObjRef> = (0..5).map(|_| node()).collect();
    let _leaf = ObjRef::new(Leaf, None); // untracked: not counted
    assert_eq!(gc::get_count(), [5, 0, 0]);
    objs.truncate(3);
    assert_eq!(gc::get_count(), [3, 0, 0], "frees of tracked objects count down");
    gc::collect(0);
    assert_eq!(gc::get_count(), [0, 1, 0]);
    gc::collect(1);
    assert_eq!(gc::get_count(), [0, 0, 1]);
    gc::collect(2);
    assert_eq!(gc::get_count(), [0, 0, 0]);

    // Automatic collection: due once generation 0's count exceeds its threshold.
    gc::set_threshold(&[10]);
    assert_eq!(gc::get_threshold(), [10, 10, 10]);
    let mut keep: Vec<ObjRef> = (0..10).map(|_| node()).collect();
    assert!(!gc::collection_due(), "count == threshold is not due");
    keep.push(node());
    assert!(gc::collection_due());
    assert_eq!(gc::due_generation(), Some(0));
    gc::disable();
    assert!(!gc::is_enabled() && !gc::collection_due() && gc::collect_automatic().is_none());
    gc::enable();
    let s = gc::collect_automatic().expect("due");
    assert_eq!(s.generation, 0);
    assert_eq!(s.survivors, 11);
    assert!(!gc::collection_due());

    // Generation 1 is chosen once it has seen more than 10 young collections.
    gc::set_threshold(&[1, 10, 10]);
    while gc::get_count()[1] <= 10 {
        keep.push(node());
        keep.push(node());
        assert_eq!(gc::collect_automatic().map(|s| s.generation), Some(0));
    }
    keep.push(node());
    keep.push(node());
    assert_eq!(gc::due_generation(), Some(1));
    gc::set_threshold(&[0]);
    assert!(!gc::collection_due(), "threshold 0 disables automatic collection");
    gc::set_threshold(&[700, 10, 10]);
    let stats = gc::get_stats();
    assert!(stats[0].collections >= 10 && stats[1].collections >= 1 && stats[2].collections >= 1);
}

#[test]
fn freeze_hides_objects_from_collections() {
    let _gil = setup();
    let before = stats().live();
    drop(ring(4));
    gc::freeze();
    assert!(gc::get_freeze_count() >= 4);
    assert!(gc::get_objects(None).is_empty());
    assert_eq!(gc::collect(2).collected, 0);
    gc::unfreeze();
    assert_eq!(gc::get_freeze_count(), 0);
    assert_eq!(gc::collect(2).collected, 4);
    assert_eq!(stats().live(), before);
}

#[test]
fn referents_and_referrers() {
    let _gil = setup();
    let (a, b, c) = (node(), node(), node());
    link(&a, &c);
    link(&b, &c);
    link(&c, &a);
    let referents = gc::get_referents(&a);
    assert!(referents.len() == 1 && referents[0].is_same(&c));
    let referrers = gc::get_referrers(std::slice::from_ref(&c));
    assert_eq!(referrers.len(), 2);
    assert!(referrers.iter().any(|r| r.is_same(&a)) && referrers.iter().any(|r| r.is_same(&b)));
}

// ---- finalizers (PEP 442) -----------------------------------------------------------------

#[test]
fn finalizer_runs_once_before_clearing() {
    let _gil = setup();
    let before = stats().live();
    let a = node();
    let b = node();
    link(&a, &b);
    link(&b, &a);
    a.set_flags(FLAG_HAS_FINALIZER);
    b.set_flags(FLAG_HAS_FINALIZER);
    let (addr_a, addr_b) = (a.addr(), b.addr());
    drop((a, b));
    let s = gc::collect(2);
    assert_eq!((s.collected, s.finalized, s.resurrected), (2, 2, 0));
    let log = finalized();
    assert_eq!(log.len(), 2);
    assert!(log.contains(&(addr_a, 1)) && log.contains(&(addr_b, 1)), "both finalized while intact: {log:?}");
    assert_eq!(stats().live(), before);
    assert_eq!(gc::collect(2).finalized, 0);
    assert_eq!(finalized().len(), 2);
}

#[test]
fn resurrection_keeps_the_cycle_alive_and_it_is_not_finalized_again() {
    let _gil = setup();
    let before = stats().live();
    let a = node();
    let b = node();
    link(&a, &b);
    link(&b, &a);
    a.set_flags(FLAG_HAS_FINALIZER);
    drop((a, b));
    RESURRECT.with(|r| r.set(true));
    let s = gc::collect(2);
    RESURRECT.with(|r| r.set(false));
    assert_eq!((s.collected, s.finalized, s.resurrected), (0, 1, 2), "b is reachable from a");
    assert_eq!(drops(), 0);
    let a = STASH.with(|s| s.borrow_mut().pop()).expect("stashed");
    assert!(a.flags() & FLAG_FINALIZED != 0);
    assert_eq!(edges(&a), 1, "resurrected objects are not cleared");
    let b = a.downcast::<Node>().unwrap().edges.borrow()[0].clone();
    assert_eq!(edges(&b), 1);
    assert!(gc::is_tracked(&a) && gc::is_tracked(&b));
    drop((a, b));
    let s = gc::collect(2);
    assert_eq!((s.collected, s.finalized), (2, 0), "PEP 442: a finalizer runs once");
    assert_eq!(finalized().len(), 1);
    assert_eq!(stats().live(), before);
}

#[test]
fn refcount_zero_runs_the_finalizer_and_allows_resurrection() {
    let _gil = setup();
    let before = stats().live();
    let a = node();
    a.set_flags(FLAG_HAS_FINALIZER);
    let addr = a.addr();
    drop(a);
    assert_eq!(finalized(), vec![(addr, 0)]);
    assert_eq!(stats().live(), before);

    let child = node();
    let a = node();
    link(&a, &child);
    drop(child);
    a.set_flags(FLAG_HAS_FINALIZER);
    RESURRECT.with(|r| r.set(true));
    drop(a);
    RESURRECT.with(|r| r.set(false));
    assert_eq!(finalized().len(), 2);
    assert_eq!(drops(), 1, "only the first object was freed");
    let a = STASH.with(|s| s.borrow_mut().pop()).expect("resurrected");
    assert_eq!(a.refcount(), 1);
    assert_eq!(edges(&a), 1, "payload intact");
    drop(a);
    assert_eq!(finalized().len(), 2, "not finalized a second time");
    assert_eq!(stats().live(), before);
}

#[test]
fn finalizer_of_an_object_freed_by_clearing_runs() {
    let _gil = setup();
    let before = stats().live();
    let a = ring(2);
    let tail = node();
    tail.set_flags(FLAG_HAS_FINALIZER);
    let tail_addr = tail.addr();
    let holder = ObjRef::new(Opaque { edge: PayloadCell::new(Some(tail)) }, None); // not in a cycle
    link(&a, &holder);
    drop((a, holder));
    let s = gc::collect(2);
    assert_eq!(s.collected, 4, "{s:?}");
    assert!(finalized().iter().any(|&(addr, _)| addr == tail_addr));
    assert_eq!(stats().live(), before);
}

#[test]
fn collect_inside_a_finalizer_does_nothing_and_collect_during_release_is_safe() {
    let _gil = setup();
    let before = stats().live();
    // Inside a collection: the nested collect returns empty stats.
    let a = ring(2);
    a.set_flags(FLAG_HAS_FINALIZER);
    drop(a);
    COLLECT_IN_HOOK.with(|c| c.set(true));
    let s = gc::collect(2);
    assert_eq!(s.collected, 2);
    assert_eq!(NESTED.with(|n| n.borrow().clone()), vec![CollectStats { generation: 2, ..Default::default() }]);
    assert_eq!(stats().live(), before);

    // Inside the refcount-zero path: siblings waiting in the deferred-free queue have a
    // count of zero; the collector must leave them (and what they hold) alone.
    NESTED.with(|n| n.borrow_mut().clear());
    let parent = node();
    let (y, z) = (node(), node());
    let w = node();
    link(&y, &w);
    drop(w);
    let cyc = ring(3);
    let x = node();
    x.set_flags(FLAG_HAS_FINALIZER);
    link(&parent, &y);
    link(&parent, &z);
    link(&parent, &x);
    drop((y, z, x, cyc));
    drop(parent);
    COLLECT_IN_HOOK.with(|c| c.set(false));
    let nested = NESTED.with(|n| n.borrow().clone());
    assert_eq!(nested.len(), 1);
    assert_eq!(nested[0].collected, 3, "only the ring was garbage");
    assert_eq!(stats().live(), before);
}

#[test]
fn without_a_hook_finalizable_objects_are_simply_freed() {
    let _gil = setup();
    gc::set_finalizer_hook(None);
    let before = stats().live();
    let a = ring(2);
    a.set_flags(FLAG_HAS_FINALIZER);
    drop(a);
    let s = gc::collect(2);
    gc::set_finalizer_hook(Some(hook));
    assert_eq!((s.collected, s.finalized), (2, 0));
    assert!(finalized().is_empty());
    assert_eq!(stats().live(), before);
}

// ---- scale --------------------------------------------------------------------------------

#[test]
fn million_deep_chain_drops_and_survives_a_collection() {
    let _gil = setup();
    let before = stats().live();
    let mut head = node();
    for _ in 0..1_000_000 {
        let next = node();
        link(&next, &head);
        head = next;
    }
    let s = gc::collect(2);
    assert_eq!(s.collected, 0);
    assert!(s.survivors >= 1_000_001);
    drop(head);
    assert_eq!(stats().live(), before);

    // The same chain closed into a million-long cycle is collected.
    let first = node();
    let mut head = first.clone();
    for _ in 0..1_000_000 {
        let next = node();
        link(&next, &head);
        head = next;
    }
    link(&first, &head);
    drop((first, head));
    assert_eq!(gc::collect(2).collected, 1_000_001);
    assert_eq!(stats().live(), before);
}

#[test]
fn leak_check_a_million_objects() {
    let _gil = setup();
    let baseline = stats().live();
    let tracked_baseline = gc::get_objects(None).len();
    let mut kept = Vec::new();
    let mut built = 0;
    let mut i = 0usize;
    while built < 1_000_000 {
        match i % 4 {
            0 => {
                drop(ring(5)); // garbage cycle
                built += 5;
            }
            1 => {
                // A chain freed by counting, with an untracked leaf.
                let a = node();
                let b = node();
                link(&a, &b);
                link(&b, &ObjRef::new(Leaf, None));
                drop(b);
                drop(a);
                built += 3;
            }
            2 => {
                // A cycle with a finalizer and a tail.
                let r = ring(3);
                r.set_flags(FLAG_HAS_FINALIZER);
                let t = node();
                link(&r, &t);
                drop((r, t));
                built += 4;
            }
            _ => {
                // Kept for a while, then dropped.
                let r = ring(2);
                kept.push(r);
                built += 2;
            }
        }
        i += 1;
        if gc::collection_due() {
            gc::collect_automatic();
        }
    }
    assert!(stats().allocated >= 1_000_000);
    drop(kept);
    gc::collect(2);
    assert_eq!(stats().live(), baseline);
    assert_eq!(gc::get_objects(None).len(), tracked_baseline);
    assert!(drops() >= 1_000_000);
}
