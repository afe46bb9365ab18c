//! Weak references, without the VM: clearing when the last strong reference goes and for
//! cyclic garbage, callback order, a weak reference dying before its referent, and the
//! collector's rules for weak references that are garbage themselves.

use std::cell::RefCell;
use std::sync::{Mutex, MutexGuard};

use pyrite_memory::weak::{self, WeakRef};
use pyrite_memory::{FLAG_HAS_FINALIZER, FLAG_WEAKLY_REFERENCED, ObjRef, PayloadCell, Trace, gc, payload, stats};

/// A container with any number of edges (stands for instances, callbacks and types).
struct Node {
    name: &'static str,
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

payload!(Node, "node", tracked);

thread_local! {
    /// What the hooks saw, in order: `"cb:<callback name>:<dead|alive>"` for weak-reference
    /// callbacks, `"del:<name>:<weak reference count>"` for finalizers.
    static EVENTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn name_of(obj: &ObjRef) -> &'static str {
    obj.downcast::<Node>().map_or("?", |n| n.name)
}

fn callback_hook(weakref: &ObjRef, callback: ObjRef) {
    let cleared = weakref.downcast::<WeakRef>().is_some_and(|w| !w.is_alive());
    EVENTS
        .with(|e| e.borrow_mut().push(format!("cb:{}:{}", name_of(&callback), if cleared { "dead" } else { "alive" })));
}

fn finalizer_hook(obj: &ObjRef) {
    let weak_count = weak::weakref_count(obj);
    EVENTS.with(|e| e.borrow_mut().push(format!("del:{}:{weak_count}", name_of(obj))));
}

fn events() -> Vec<String> {
    EVENTS.with(|e| std::mem::take(&mut *e.borrow_mut()))
}

static GIL: Mutex<()> = Mutex::new(());

fn gil() -> MutexGuard<'static, ()> {
    let guard = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    weak::set_callback_hook(Some(callback_hook));
    gc::set_finalizer_hook(Some(finalizer_hook));
    gc::collect(2);
    events();
    guard
}

fn node(name: &'static str) -> ObjRef {
    ObjRef::new(Node { name, edges: PayloadCell::new(Vec::new()) }, None)
}

fn link(from: &ObjRef, to: &ObjRef) {
    from.downcast::<Node>().expect("node").edges.borrow_mut().push(to.clone());
}

/// Stands for the Python type of weak references (any object will do here).
fn weak_type() -> ObjRef {
    node("weakref-type")
}

fn new_ref(referent: &ObjRef, callback: Option<&ObjRef>, ty: &ObjRef) -> ObjRef {
    weak::new_weakref(referent, callback.cloned(), ty, false, 0)
}

fn payload_of(weakref: &ObjRef) -> &WeakRef {
    weakref.downcast::<WeakRef>().expect("a weak reference")
}

#[test]
fn last_strong_reference_clears_and_calls_back() {
    let _gil = gil();
    let ty = weak_type();
    let obj = node("obj");
    let cb = node("cb");
    let r = new_ref(&obj, Some(&cb), &ty);
    assert!(obj.flags() & FLAG_WEAKLY_REFERENCED != 0);
    assert!(payload_of(&r).referent().is_some_and(|o| o.is_same(&obj)));
    assert_eq!(weak::weakref_count(&obj), 1);
    assert_eq!(obj.refcount(), 1, "a weak reference does not count");
    drop(obj);
    assert_eq!(events(), ["cb:cb:dead"]);
    assert!(payload_of(&r).referent().is_none());
    assert!(payload_of(&r).callback().is_none(), "the callback is taken out when it is called");
}

#[test]
fn callbacks_run_most_recent_first() {
    let _gil = gil();
    let ty = weak_type();
    let obj = node("obj");
    let (c1, c2, c3) = (node("first"), node("second"), node("third"));
    let refs = [new_ref(&obj, Some(&c1), &ty), new_ref(&obj, Some(&c2), &ty), new_ref(&obj, Some(&c3), &ty)];
    let listed: Vec<usize> = weak::weakrefs_of(&obj).iter().map(ObjRef::addr).collect();
    assert_eq!(listed, [refs[2].addr(), refs[1].addr(), refs[0].addr()]);
    drop(obj);
    assert_eq!(events(), ["cb:third:dead", "cb:second:dead", "cb:first:dead"]);
}

#[test]
fn position_is_honoured() {
    let _gil = gil();
    let ty = weak_type();
    let obj = node("obj");
    let basic = new_ref(&obj, None, &ty);
    let a = weak::new_weakref(&obj, None, &ty, false, 1);
    let b = weak::new_weakref(&obj, None, &ty, true, 1);
    let far = weak::new_weakref(&obj, None, &ty, false, 99);
    let listed: Vec<usize> = weak::weakrefs_of(&obj).iter().map(ObjRef::addr).collect();
    assert_eq!(listed, [basic.addr(), b.addr(), a.addr(), far.addr()]);
    assert!(b.has_managed_dict());
}

#[test]
fn weakref_dying_first_leaves_the_list() {
    let _gil = gil();
    let ty = weak_type();
    let obj = node("obj");
    let cb = node("cb");
    let r1 = new_ref(&obj, Some(&cb), &ty);
    let r2 = new_ref(&obj, None, &ty);
    assert_eq!(weak::weakref_count(&obj), 2);
    drop(r1);
    assert_eq!(weak::weakref_count(&obj), 1);
    assert_eq!(cb.refcount(), 1, "the dead weak reference dropped its callback");
    drop(r2);
    assert_eq!(weak::weakref_count(&obj), 0);
    assert_eq!(obj.flags() & FLAG_WEAKLY_REFERENCED, 0, "the flag goes with the last one");
    drop(obj);
    assert!(events().is_empty());
}

#[test]
fn finalizer_runs_before_weakrefs_are_cleared() {
    let _gil = gil();
    let ty = weak_type();
    let obj = node("obj");
    obj.set_flags(FLAG_HAS_FINALIZER);
    let cb = node("cb");
    let _r = new_ref(&obj, Some(&cb), &ty);
    drop(obj);
    // The finalizer still sees its weak reference (as `__del__` does in CPython).
    assert_eq!(events(), ["del:obj:1", "cb:cb:dead"]);
}

#[test]
fn cyclic_garbage_clears_weakrefs_before_finalizers() {
    let _gil = gil();
    let ty = weak_type();
    let (a, b) = (node("a"), node("b"));
    link(&a, &b);
    link(&b, &a);
    a.set_flags(FLAG_HAS_FINALIZER);
    let cb = node("cb");
    let r = new_ref(&a, Some(&cb), &ty);
    let plain = new_ref(&b, None, &ty);
    drop((a, b));
    assert!(events().is_empty(), "a cycle is not freed by reference counting");
    let result = gc::collect(2);
    assert_eq!(result.collected, 2);
    // The callback ran before the finalizer, which sees no weak reference any more.
    assert_eq!(events(), ["cb:cb:dead", "del:a:0"]);
    assert!(payload_of(&r).referent().is_none());
    assert!(payload_of(&plain).referent().is_none());
    assert!(payload_of(&r).callback().is_some(), "the collector leaves the callback in place");
}

#[test]
fn garbage_weakrefs_get_no_callback() {
    let _gil = gil();
    let ty = weak_type();
    let (a, holder) = (node("a"), node("holder"));
    let cb = node("cb");
    let r = new_ref(&a, Some(&cb), &ty);
    // a -> holder -> r, holder -> a: the weak reference is garbage with its referent.
    link(&a, &holder);
    link(&holder, &a);
    link(&holder, &r);
    drop((a, holder, r, cb));
    let before = stats().live();
    let result = gc::collect(2);
    assert!(events().is_empty(), "a weak reference that is itself garbage is not called back");
    assert_eq!(result.collected, 4, "a, holder, the weak reference and its callback");
    assert_eq!(stats().live(), before - 4);
}

#[test]
fn garbage_weakref_to_live_object_is_cleared() {
    let _gil = gil();
    let ty = weak_type();
    let live = node("live");
    let (x, y) = (node("x"), node("y"));
    let cb = node("cb");
    let r = new_ref(&live, Some(&cb), &ty);
    link(&x, &y);
    link(&y, &x);
    link(&x, &r);
    drop((r, cb, x, y));
    assert_eq!(weak::weakref_count(&live), 1);
    gc::collect(2);
    assert_eq!(weak::weakref_count(&live), 0);
    assert_eq!(live.flags() & FLAG_WEAKLY_REFERENCED, 0);
    drop(live);
    assert!(events().is_empty());
}

#[test]
fn callback_dropping_its_weakref_counts_as_collected() {
    let _gil = gil();
    let ty = weak_type();
    let (a, b) = (node("a"), node("b"));
    link(&a, &b);
    link(&b, &a);
    let cb = node("cb");
    let r = new_ref(&a, Some(&cb), &ty);
    // Only the collector holds the weak reference while the callback runs.
    drop((a, b, cb));
    let stash = r.clone();
    drop(r);
    weak::set_callback_hook(Some(|_, _| STASH.with(|s| drop(s.borrow_mut().take()))));
    STASH.with(|s| *s.borrow_mut() = Some(stash));
    let result = gc::collect(2);
    weak::set_callback_hook(Some(callback_hook));
    assert_eq!(result.collected, 3, "the cycle and the weak reference its callback freed");
}

thread_local! {
    static STASH: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

#[test]
fn weak_references_to_many_objects_leave_nothing_behind() {
    let _gil = gil();
    let ty = weak_type();
    let before = stats().live();
    let cb = node("cb");
    let mut refs = Vec::new();
    for i in 0..10_000 {
        let obj = node("obj");
        if i % 2 == 0 {
            link(&obj, &obj);
        }
        refs.push(new_ref(&obj, Some(&cb), &ty));
    }
    gc::collect(2);
    assert!(refs.iter().all(|r| !payload_of(r).is_alive()));
    assert_eq!(events().len(), 10_000);
    drop(refs);
    drop(cb);
    assert_eq!(stats().live(), before);
}
