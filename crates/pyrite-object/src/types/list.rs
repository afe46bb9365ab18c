//! `list` and `tuple` payloads, and how a list's capacity grows (CPython's policy, which
//! `sys.getsizeof` makes visible).

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
    /// A new list object, with room for exactly its items (as CPython's `PyList_New`).
    #[must_use]
    pub fn new_obj(mut items: Vec<Value>) -> ObjRef {
        if items.capacity() != items.len() {
            items.shrink_to_fit();
        }
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

    /// Runs `f` on the items in place (no snapshot). `f` must not run Python code, nor
    /// touch this list otherwise: the items stay borrowed meanwhile.
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        f(&self.items.borrow())
    }

    /// A snapshot of the items.
    #[must_use]
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    /// `list.append(value)`.
    #[inline]
    pub fn push(&self, value: Value) {
        let mut items = self.items.borrow_mut();
        let len = items.len();
        resize(&mut items, len + 1);
        items.push(value);
    }

    /// Appends `values` as CPython's `list_extend` sizes the list: `hint` is `None` when
    /// they come from a list or tuple (their number known up front), else the source's
    /// length hint, taken before iterating it.
    pub fn extend_values(&self, values: Vec<Value>, hint: Option<usize>) {
        let mut items = self.items.borrow_mut();
        let (m, n) = (items.len(), values.len());
        match hint {
            None => {
                if n == 0 {
                    return;
                }
                if items.capacity() == 0 {
                    preallocate_exact(&mut items, n);
                } else {
                    resize(&mut items, m + n);
                }
                items.extend(values);
            }
            Some(hint) => {
                if items.capacity() == 0 {
                    preallocate_exact(&mut items, hint);
                } else {
                    resize(&mut items, m + hint);
                }
                for value in values {
                    if items.len() == items.capacity() {
                        let len = items.len();
                        resize(&mut items, len + 1);
                    }
                    items.push(value);
                }
                // A guess that was too large is cut back (when under half used).
                let len = items.len();
                resize(&mut items, len);
            }
        }
    }
}

/// Gives `items` the capacity CPython's `list_resize` gives a list of `items.len()` items
/// that must hold `new_len` (the over-allocation `sys.getsizeof` shows): unchanged while
/// it fits and is at least half used, else about an eighth more than needed, rounded to
/// four. Call it before growing, and after shrinking.
pub fn resize(items: &mut Vec<Value>, new_len: usize) {
    let allocated = items.capacity();
    if allocated >= new_len && new_len >= allocated >> 1 {
        return;
    }
    let mut target = (new_len + (new_len >> 3) + 6) & !3;
    // No over-allocation when the new size is closer to it than to the old size.
    if new_len.saturating_sub(items.len()) > target - new_len {
        target = (new_len + 3) & !3;
    }
    if new_len == 0 {
        target = 0;
    }
    set_capacity(items, target);
}

/// CPython's `list_preallocate_exact`: room for `n` items, rounded up to even.
pub fn preallocate_exact(items: &mut Vec<Value>, n: usize) {
    if n > 0 {
        set_capacity(items, (n + 1) & !1);
    }
}

fn set_capacity(items: &mut Vec<Value>, target: usize) {
    if target > items.capacity() {
        items.reserve_exact(target - items.len());
    } else {
        items.shrink_to(target);
    }
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
