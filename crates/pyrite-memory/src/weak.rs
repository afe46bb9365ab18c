//! Weak references: objects that refer to another without keeping it alive, cleared (and
//! their callbacks scheduled) when it dies, as CPython's `Objects/weakrefobject.c`.
//!
//! The layout of ordinary objects does not change: a side table maps each weakly
//! referenced object (flagged [`FLAG_WEAKLY_REFERENCED`] in its header, so the free path
//! pays one flag test) to the list of its weak-reference objects, in CPython's list order
//! (the caller chooses the position, so the Python layer can keep CPython's "basic
//! reference first" rule). A weak-reference object is a heap object whose payload is
//! [`WeakRef`]; its Python type (`ref`, a subclass, a proxy type) is the caller's.
//!
//! # When a referent dies
//!
//! * Its count reaches zero ([`crate::heap`]'s free path): after its finalizer (which may
//!   resurrect it), every weak reference to it is cleared, then the callbacks of the
//!   cleared references that are still alive are handed to the callback hook
//!   ([`set_callback_hook`]) in list order, most recently created first (CPython's
//!   `PyObject_ClearWeakRefs`). The callback is taken out of the weak reference.
//! * The collector finds it in cyclic garbage ([`crate::gc::collect`]): before any
//!   finalizer runs, every weak reference to an unreachable object is cleared, as is every
//!   weak reference that is itself unreachable; then only the callbacks of weak references
//!   that are *not* garbage themselves are called (CPython's `handle_weakrefs`). The
//!   callback stays in the weak reference.
//!
//! A weak reference that dies first simply leaves its referent's list.

use std::cell::Cell;
use std::collections::HashMap;
use std::ptr::NonNull;

use crate::cell::{GilCell, PayloadCell};
use crate::header::{FLAG_WEAKLY_REFERENCED, Header, HeapObject, ObjRef};
use crate::trace::Trace;

/// Receives a cleared weak reference and its callback, to call `callback(weakref)`. It may
/// run Python code; it must not unwind. Registered by the VM.
pub type CallbackHook = fn(&ObjRef, ObjRef);

/// The payload of a weak-reference object. Only [`new_weakref`] makes them, so a `WeakRef`
/// always lives inside a heap object.
pub struct WeakRef {
    /// The referent (not counted), `None` once cleared.
    referent: Cell<Option<NonNull<Header>>>,
    callback: PayloadCell<Option<ObjRef>>,
    /// The referent's hash, cached by the Python layer (`hash(ref)` works after death if
    /// it was computed before).
    pub hash: Cell<Option<i64>>,
}

crate::payload!(WeakRef, "weakref", tracked);

impl Trace for WeakRef {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(callback) = &*self.callback.borrow() {
            visit(callback);
        }
    }

    /// CPython's `gc_clear`: the reference is cleared and its callback dropped.
    fn clear(&self) {
        self.detach();
        let callback = self.callback.replace(None);
        drop(callback);
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        self.detach();
    }
}

impl WeakRef {
    /// The header of the object this payload lives in.
    fn own_header(&self) -> NonNull<Header> {
        let offset = std::mem::offset_of!(HeapObject<WeakRef>, payload);
        let payload = NonNull::from(self).cast::<u8>();
        // SAFETY: a WeakRef is only ever created inside a `HeapObject<WeakRef>` by
        // `new_weakref`, so the header is `offset` bytes before the payload.
        unsafe { payload.sub(offset).cast::<Header>() }
    }

    /// Takes the reference out of its referent's list (no effect once cleared).
    fn detach(&self) {
        if let Some(referent) = self.referent.take() {
            remove_from_list(referent, self.own_header());
        }
    }

    /// A new strong reference to the referent, or `None` once it is dead (or dying: an
    /// object waiting in the deferred-free queue is never revived).
    #[must_use]
    pub fn referent(&self) -> Option<ObjRef> {
        let ptr = self.referent.get()?;
        // SAFETY: a registered referent is alive (its death clears this field first); the
        // borrowed reference is never dropped.
        let obj = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(ptr) });
        (obj.refcount() > 0).then(|| (*obj).clone())
    }

    /// Whether the referent is still alive.
    #[must_use]
    pub fn is_alive(&self) -> bool {
        self.referent().is_some()
    }

    /// Whether the referent is `obj` (true while alive only).
    #[must_use]
    pub fn refers_to(&self, obj: &ObjRef) -> bool {
        self.referent.get().is_some_and(|p| p.as_ptr() as usize == obj.addr())
    }

    /// The callback (`__callback__`), if any is still attached.
    #[must_use]
    pub fn callback(&self) -> Option<ObjRef> {
        self.callback.borrow().clone()
    }

    /// Whether a callback is attached.
    #[must_use]
    pub fn has_callback(&self) -> bool {
        self.callback.borrow().is_some()
    }
}

struct WeakTable {
    /// Referent → its weak-reference objects (headers, not counted), in list order.
    lists: Option<HashMap<NonNull<Header>, Vec<NonNull<Header>>>>,
    hook: Option<CallbackHook>,
}

static WEAK: GilCell<WeakTable> = GilCell::new(WeakTable { lists: None, hook: None });

#[inline]
fn with_table<R>(f: impl FnOnce(&mut WeakTable) -> R) -> R {
    // SAFETY: the table is only touched by the GIL holder (contract rule 1); the closures
    // passed here only move pointers around, never free objects or run Python code.
    unsafe { WEAK.with(f) }
}

fn remove_from_list(referent: NonNull<Header>, weakref: NonNull<Header>) {
    let emptied = with_table(|t| {
        let lists = t.lists.as_mut()?;
        let list = lists.get_mut(&referent)?;
        list.retain(|&w| w != weakref);
        if list.is_empty() {
            lists.remove(&referent);
            Some(())
        } else {
            None
        }
    });
    if emptied.is_some() {
        // SAFETY: a referent with a registered weak reference is alive (its death empties
        // the list before its memory goes).
        unsafe { referent.as_ref() }.clear_flag(FLAG_WEAKLY_REFERENCED);
    }
}

/// Borrows the `WeakRef` payload of a registered weak-reference object.
fn weak_payload<'a>(weakref: NonNull<Header>) -> &'a WeakRef {
    // SAFETY: only `new_weakref` registers objects, all with a `WeakRef` payload; a
    // registered weak reference is alive (its payload's drop unregisters it).
    unsafe { &(*weakref.as_ptr().cast::<HeapObject<WeakRef>>()).payload }
}

/// A counted reference to a registered weak-reference object whose count is not zero.
fn counted(weakref: NonNull<Header>) -> Option<ObjRef> {
    // SAFETY: registered weak references are allocated; the borrowed reference is never
    // dropped.
    let obj = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(weakref) });
    (obj.refcount() > 0).then(|| (*obj).clone())
}

/// Registers the hook that runs weak-reference callbacks.
pub fn set_callback_hook(hook: Option<CallbackHook>) {
    with_table(|t| t.hook = hook);
}

/// Makes a weak reference to `referent` whose Python type is `ty` (with a managed
/// `__dict__` slot if `with_dict`), and inserts it at `position` in the referent's list of
/// weak references (clamped to the list's length; 0 is the head).
pub fn new_weakref(
    referent: &ObjRef,
    callback: Option<ObjRef>,
    ty: &ObjRef,
    with_dict: bool,
    position: usize,
) -> ObjRef {
    let payload = WeakRef {
        referent: Cell::new(Some(referent.header_ptr())),
        callback: PayloadCell::new(callback),
        hash: Cell::new(None),
    };
    let obj = if with_dict { ObjRef::new_with_dict(payload, Some(ty)) } else { ObjRef::new(payload, Some(ty)) };
    let key = referent.header_ptr();
    let ptr = obj.header_ptr();
    with_table(|t| {
        let list = t.lists.get_or_insert_with(HashMap::new).entry(key).or_default();
        list.insert(position.min(list.len()), ptr);
    });
    referent.set_flags(FLAG_WEAKLY_REFERENCED);
    obj
}

/// The weak references to `obj`, in list order (the ones whose count is zero, about to be
/// freed, are left out).
#[must_use]
pub fn weakrefs_of(obj: &ObjRef) -> Vec<ObjRef> {
    if obj.flags() & FLAG_WEAKLY_REFERENCED == 0 {
        return Vec::new();
    }
    let list = with_table(|t| t.lists.as_ref().and_then(|l| l.get(&obj.header_ptr())).cloned().unwrap_or_default());
    list.into_iter().filter_map(counted).collect()
}

/// The number of weak references to `obj` (`weakref.getweakrefcount`).
#[must_use]
pub fn weakref_count(obj: &ObjRef) -> usize {
    weakrefs_of(obj).len()
}

/// Takes the list of weak references to a dying object out of the table.
fn take_list(ptr: NonNull<Header>) -> Vec<NonNull<Header>> {
    // SAFETY: the caller passes the header of an allocated object.
    unsafe { ptr.as_ref() }.clear_flag(FLAG_WEAKLY_REFERENCED);
    with_table(|t| t.lists.as_mut().and_then(|l| l.remove(&ptr))).unwrap_or_default()
}

fn run_callbacks(calls: Vec<(ObjRef, ObjRef)>, mut after_each: impl FnMut(ObjRef)) {
    let hook = with_table(|t| t.hook);
    for (weakref, callback) in calls {
        if let Some(hook) = hook {
            hook(&weakref, callback);
        }
        after_each(weakref);
    }
}

/// Clears the weak references to an object whose count reached zero (CPython's
/// `PyObject_ClearWeakRefs`): all are cleared first, then the callbacks of the live ones go
/// to the hook in list order.
///
/// # Safety
/// `ptr` is the header of an object being freed (count zero, finalizer done), flagged
/// [`FLAG_WEAKLY_REFERENCED`].
pub(crate) unsafe fn clear_on_free(ptr: NonNull<Header>) {
    let mut calls = Vec::new();
    for weakref in take_list(ptr) {
        let payload = weak_payload(weakref);
        payload.referent.set(None);
        if let Some(obj) = counted(weakref) {
            let callback = payload.callback.replace(None);
            if let Some(callback) = callback {
                calls.push((obj, callback));
            }
        }
    }
    run_callbacks(calls, drop);
}

/// The collector's `handle_weakrefs`: for the unreachable objects `garbage` (held by the
/// collector, in list order), clears weak references that are garbage themselves and
/// every weak reference to garbage; then calls the callbacks of the cleared weak
/// references that are not garbage. `is_garbage` tells whether an object is in the
/// unreachable set. Returns how many weak references the callbacks' ends freed (CPython
/// counts them as collected).
pub(crate) fn handle_for_gc(garbage: &[ObjRef], is_garbage: impl Fn(&ObjRef) -> bool) -> usize {
    let mut calls = Vec::new();
    for obj in garbage {
        if let Some(weak) = obj.downcast::<WeakRef>() {
            weak.detach();
        }
        if obj.flags() & FLAG_WEAKLY_REFERENCED == 0 {
            continue;
        }
        for weakref in take_list(obj.header_ptr()) {
            let payload = weak_payload(weakref);
            payload.referent.set(None);
            let Some(wr) = counted(weakref) else { continue };
            if is_garbage(&wr) {
                continue;
            }
            if let Some(callback) = payload.callback() {
                calls.push((wr, callback));
            }
        }
    }
    let mut freed = 0;
    run_callbacks(calls, |weakref| {
        if weakref.refcount() == 1 {
            freed += 1;
        }
        drop(weakref);
    });
    freed
}
