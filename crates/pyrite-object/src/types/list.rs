//! `list` and `tuple` payloads, and how a list's capacity grows (CPython's policy, which
//! `sys.getsizeof` makes visible).

use std::cell::UnsafeCell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::types::list_storage;
pub use crate::types::list_storage::{ListItems, Storage};

use crate::registry::types;
use crate::value::Value;

/// The payload of a list object.
#[derive(Default)]
pub struct PyList {
    /// The items, compact or general (see [`list_storage`](crate::types::list_storage)).
    /// Never hold a borrow across a call that may run Python code.
    pub items: ListItems,
}

impl Trace for PyList {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        // Compact storage holds no references; read without generalizing.
        if let Storage::Values(items) = &*self.items.storage() {
            for item in items {
                item.traverse(visit);
            }
        }
    }

    fn clear(&self) {
        let old = self.items.replace_storage(Storage::default());
        drop(old);
    }
}

payload!(PyList, "list", tracked);

impl PyList {
    /// A new list object, with room for exactly its items (as CPython's `PyList_New`),
    /// stored compactly when they allow.
    #[must_use]
    pub fn new_obj(mut items: Vec<Value>) -> ObjRef {
        if items.capacity() != items.len() {
            items.shrink_to_fit();
        }
        ObjRef::new(PyList { items: ListItems::new(items) }, Some(&types().list))
    }

    /// A new list object holding `storage`.
    #[must_use]
    pub fn from_storage(storage: Storage) -> ObjRef {
        ObjRef::new(PyList { items: ListItems::from_storage(storage) }, Some(&types().list))
    }

    /// Number of items.
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.storage().len()
    }

    /// Whether the list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of slots allocated (what `sys.getsizeof` counts), whatever the storage.
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.items.storage().capacity()
    }

    /// The item at `index`, if in range.
    #[inline]
    #[must_use]
    pub fn get(&self, index: usize) -> Option<Value> {
        self.items.storage().get(index)
    }

    /// The item at a Python index (negative counts from the end), if in range.
    #[inline(always)]
    #[must_use]
    pub fn get_signed(&self, index: i64) -> Option<Value> {
        self.items.storage().get_signed(index)
    }

    /// Stores `value` at a Python index (negative counts from the end); gives `value`
    /// back when the index is out of range. The old item is dropped after the borrow.
    #[inline(always)]
    pub fn set_signed(&self, index: i64, value: Value) -> Result<(), Value> {
        let old = self.items.storage_mut().set_signed(index, value)?;
        // Only a heap object needs dropping (after the borrow has ended); the rest is
        // forgotten, not dropped, which would leave a call behind.
        match old {
            Value::Obj(old) => drop(old),
            inline => std::mem::forget(inline),
        }
        Ok(())
    }

    /// Runs `f` on the items in place (no snapshot; compact storage generalizes). `f` must
    /// not run Python code, nor touch this list otherwise: the items stay borrowed.
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        f(&self.items.borrow())
    }

    /// A snapshot of the items.
    #[must_use]
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.storage().to_vec()
    }

    /// `list.append(value)`.
    #[inline]
    pub fn push(&self, value: Value) {
        self.items.storage_mut().push(value);
    }

    /// Appends `values` as CPython's `list_extend` sizes the list: `hint` is `None` when
    /// they come from a list or tuple (their number known up front), else the source's
    /// length hint, taken before iterating it.
    pub fn extend_values(&self, values: Vec<Value>, hint: Option<usize>) {
        self.items.storage_mut().extend(values, hint);
    }

    /// Empties the list, letting its storage go (dropped after the borrow ends).
    pub fn clear(&self) {
        let old = self.items.replace_storage(Storage::default());
        drop(old);
    }
}

/// [`list_storage::resize`] for general items (callers holding `items.borrow_mut()`).
#[inline]
pub fn resize(items: &mut Vec<Value>, new_len: usize) {
    list_storage::resize(items, new_len);
}

/// [`list_storage::preallocate_exact`] for general items.
pub fn preallocate_exact(items: &mut Vec<Value>, n: usize) {
    list_storage::preallocate_exact(items, n);
}

/// The payload of a tuple object. Immutable to Python: a cycle through a tuple always
/// passes through a mutable object too, which the collector clears, so `clear` has nothing
/// to do here. The cell lets [`RecycledTuple`] refill a tuple nobody else references.
pub struct PyTuple {
    items: UnsafeCell<Box<[Value]>>,
}

impl Trace for PyTuple {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for item in self.items() {
            item.traverse(visit);
        }
    }
}

payload!(PyTuple, "tuple", tracked);

impl PyTuple {
    /// A new tuple object.
    #[must_use]
    pub fn new_obj(items: Vec<Value>) -> ObjRef {
        if items.is_empty() {
            return types().empty_tuple.clone();
        }
        ObjRef::new(PyTuple { items: UnsafeCell::new(items.into_boxed_slice()) }, Some(&types().tuple))
    }

    /// A new tuple object of a class derived from tuple (with a `__dict__`).
    #[must_use]
    pub fn new_subclass_obj(items: Vec<Value>, ty: &ObjRef) -> ObjRef {
        ObjRef::new_with_dict(PyTuple { items: UnsafeCell::new(items.into_boxed_slice()) }, Some(ty))
    }

    /// The payload for the interned empty tuple.
    pub(crate) fn empty() -> PyTuple {
        PyTuple { items: UnsafeCell::new(Box::new([])) }
    }

    /// The items.
    #[must_use]
    #[inline]
    pub fn items(&self) -> &[Value] {
        // SAFETY: the items change only in `RecycledTuple::refill`, while the recycler's
        // reference is the only one, so no borrow of them (which needs a reference) exists.
        unsafe { &*self.items.get() }
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items().len()
    }

    /// Whether the tuple is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items().is_empty()
    }
}

/// The result tuple of an iterator that yields fresh tuples (`enumerate`, `zip`, dict item
/// iterators). As in CPython, when the consumer dropped the last tuple handed out (it only
/// unpacked it), the next one refills that tuple instead of allocating: the recycler's own
/// reference is then the only one, so no Python code or Rust borrow can see the change.
#[derive(Default)]
pub struct RecycledTuple(PayloadCell<Option<ObjRef>>);

impl RecycledTuple {
    /// A tuple of `items`: the previous one refilled when nobody else holds it, else a new
    /// one (kept for next time).
    pub fn make<const N: usize>(&self, mut items: [Value; N]) -> ObjRef {
        if let Some(tuple) = self.refill(&mut items) {
            drop(items);
            return tuple;
        }
        self.keep(PyTuple::new_obj(items.into()))
    }

    /// [`RecycledTuple::make`] for items in a vector.
    pub fn make_vec(&self, mut items: Vec<Value>) -> ObjRef {
        if let Some(tuple) = self.refill(&mut items) {
            drop(items);
            return tuple;
        }
        self.keep(PyTuple::new_obj(items))
    }

    /// [`RecycledTuple::make`] for items in a slice, which is left holding `None`s or the
    /// refilled tuple's old items (for the caller to drop).
    pub fn make_slice(&self, items: &mut [Value]) -> ObjRef {
        if let Some(tuple) = self.refill(items) {
            return tuple;
        }
        self.keep(PyTuple::new_obj(items.iter_mut().map(|v| std::mem::replace(v, Value::None)).collect()))
    }

    /// Swaps `items` into the kept tuple if nobody else holds it and it has as many items;
    /// `items` then holds the old ones, for the caller to drop after (their finalizers may
    /// run Python code, which then sees the tuple as taken by its new holder).
    fn refill(&self, items: &mut [Value]) -> Option<ObjRef> {
        let tuple = self.0.borrow().clone()?;
        // Our slot and `tuple` are the two references when nobody else has one.
        if tuple.refcount() != 2 {
            return None;
        }
        let payload = tuple.downcast::<PyTuple>()?;
        // SAFETY: the only other reference is the slot's, and nothing uses it during the
        // swap (no Python code runs), so no other borrow of the items exists.
        let slots = unsafe { &mut *payload.items.get() };
        if slots.len() != items.len() {
            return None;
        }
        slots.swap_with_slice(items);
        Some(tuple)
    }

    fn keep(&self, tuple: ObjRef) -> ObjRef {
        let previous = self.0.replace(Some(tuple.clone()));
        drop(previous);
        tuple
    }

    /// Visits the kept tuple (for the owner's `Trace::traverse`).
    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(tuple) = &*self.0.borrow() {
            visit(tuple);
        }
    }

    /// Forgets the kept tuple (for the owner's `Trace::clear`).
    pub fn clear(&self) {
        let old = self.0.replace(None);
        drop(old);
    }
}
