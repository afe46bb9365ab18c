//! Reference counting and deferred freeing, without the VM.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Mutex;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload, stats};

struct Node {
    next: PayloadCell<Option<ObjRef>>,
    drops: Option<Rc<Cell<usize>>>,
}

impl Trace for Node {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(next) = &*self.next.borrow() {
            visit(next);
        }
    }
    fn clear(&self) {
        let old = self.next.replace(None);
        drop(old);
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(counter) = &self.drops {
            counter.set(counter.get() + 1);
        }
    }
}

payload!(Node, "node", tracked);

/// The heap may only be touched by one thread at a time (the GIL's job in the VM).
static GIL: Mutex<()> = Mutex::new(());

fn node(next: Option<ObjRef>, drops: Option<Rc<Cell<usize>>>) -> ObjRef {
    ObjRef::new(Node { next: PayloadCell::new(next), drops }, None)
}

#[test]
fn clone_and_drop_count_references() {
    let _gil = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let a = node(None, None);
    assert_eq!(a.refcount(), 1);
    let b = a.clone();
    assert_eq!(a.refcount(), 2);
    drop(b);
    assert_eq!(a.refcount(), 1);
    assert!(a.downcast::<Node>().is_some());
}

#[test]
fn last_reference_frees_immediately() {
    let _gil = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let drops = Rc::new(Cell::new(0));
    let inner = node(None, Some(drops.clone()));
    let outer = node(Some(inner), Some(drops.clone()));
    assert_eq!(drops.get(), 0);
    drop(outer);
    assert_eq!(drops.get(), 2);
}

#[test]
fn million_deep_chain_drops_without_overflow() {
    let _gil = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let before = stats().live();
    let mut head = node(None, None);
    for _ in 0..1_000_000 {
        head = node(Some(head), None);
    }
    assert!(stats().live() >= before + 1_000_001);
    drop(head);
    assert_eq!(stats().live(), before);
}

#[test]
fn clear_breaks_a_cycle() {
    let _gil = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let drops = Rc::new(Cell::new(0));
    let a = node(None, Some(drops.clone()));
    let b = node(Some(a.clone()), Some(drops.clone()));
    *a.downcast::<Node>().unwrap().next.borrow_mut() = Some(b.clone());
    drop(b);
    assert_eq!(drops.get(), 0, "a cycle is not freed by counting alone");
    let mut edges = 0;
    a.traverse(&mut |_| edges += 1);
    assert_eq!(edges, 1);
    a.downcast::<Node>().unwrap().clear();
    drop(a);
    assert_eq!(drops.get(), 2);
}

#[test]
fn managed_dict_is_owned_and_freed_with_its_object() {
    let _gil = GIL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let drops = Rc::new(Cell::new(0));
    let before = stats().live();
    let obj = ObjRef::new_with_dict(Node { next: PayloadCell::new(None), drops: Some(drops.clone()) }, None);
    assert!(obj.has_managed_dict());
    assert!(obj.managed_dict().is_none());
    let dict = node(None, Some(drops.clone()));
    assert!(obj.set_managed_dict(Some(dict.clone())).is_none());
    assert!(obj.managed_dict().is_some_and(|d| d.is_same(&dict)));
    let mut edges = 0;
    obj.traverse(&mut |_| edges += 1);
    assert_eq!(edges, 1, "the managed dict is an edge");
    drop(dict);
    assert!(obj.downcast::<Node>().is_some(), "payload access is unchanged");
    drop(obj);
    assert_eq!(drops.get(), 2);
    assert_eq!(stats().live(), before);
}
