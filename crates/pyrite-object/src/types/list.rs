//! `list` and `tuple` payloads.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::registry::types;
use crate::value::Value;

/// The payload of a list object.
#[derive(Default)]
pub struct PyList {
    /// The items. Never hold a borrow across a call that may run Python code.
    pub items: PayloadCell<Vec<Value>>,
}

impl Trace for PyList {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for item in self.items.borrow().iter() {
            item.traverse(visit);
        }
    }

    fn clear(&self) {
        let old = self.items.replace(Vec::new());
        drop(old);
    }
}

payload!(PyList, "list", tracked);

impl PyList {
    /// A new list object.
    #[must_use]
    pub fn new_obj(items: Vec<Value>) -> ObjRef {
        ObjRef::new(PyList { items: PayloadCell::new(items) }, Some(&types().list))
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    /// Whether the list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `index`, if in range.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).cloned()
    }

    /// A snapshot of the items.
    #[must_use]
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    /// `list.append(value)`.
    pub fn push(&self, value: Value) {
        let mut items = self.items.borrow_mut();
        if items.len() == items.capacity() {
            let len = items.len();
            items.reserve_exact(grown_capacity(len + 1) - len);
        }
        items.push(value);
    }
}

/// CPython's over-allocation (`list_resize`) for a list growing to `newsize` items by
/// appends: about an eighth more, plus 6, rounded down to a multiple of 4. Growing as
/// CPython does keeps `sys.getsizeof` of lists equal to CPython's.
fn grown_capacity(newsize: usize) -> usize {
    (newsize + (newsize >> 3) + 6) & !3
}

/// The payload of a tuple object. Immutable: a cycle through a tuple always passes through
/// a mutable object too, which the collector clears, so `clear` has nothing to do here.
pub struct PyTuple {
    items: Box<[Value]>,
}

impl Trace for PyTuple {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for item in &self.items {
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
        ObjRef::new(PyTuple { items: items.into_boxed_slice() }, Some(&types().tuple))
    }

    /// A new tuple object of a class derived from tuple (with a `__dict__`).
    #[must_use]
    pub fn new_subclass_obj(items: Vec<Value>, ty: &ObjRef) -> ObjRef {
        ObjRef::new_with_dict(PyTuple { items: items.into_boxed_slice() }, Some(ty))
    }

    /// The payload for the interned empty tuple.
    pub(crate) fn empty() -> PyTuple {
        PyTuple { items: Box::new([]) }
    }

    /// The items.
    #[must_use]
    pub fn items(&self) -> &[Value] {
        &self.items
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the tuple is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
