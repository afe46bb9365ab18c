//! Payloads of the builtin iterator types: `enumerate`, `zip`, `map`, `filter`,
//! `reversed`, `callable_iterator`, and the dict views.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::types::list::RecycledTuple;
use crate::value::Value;

fn visit_all(values: &[Value], visit: &mut dyn FnMut(&ObjRef)) {
    for v in values {
        v.traverse(visit);
    }
}

/// `enumerate(iterable, start)`: the iterator and the next count.
pub struct Enumerate {
    pub iter: PayloadCell<Option<Value>>,
    pub count: PayloadCell<Value>,
    /// The `(count, item)` tuple to refill.
    pub result: RecycledTuple,
}

impl Trace for Enumerate {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(it) = &*self.iter.borrow() {
            it.traverse(visit);
        }
        self.count.borrow().traverse(visit);
        self.result.traverse(visit);
    }

    fn clear(&self) {
        drop(self.iter.replace(None));
        self.result.clear();
    }
}

payload!(Enumerate, "enumerate", tracked);

/// `zip(*iterables, strict=)`, `map(func, *iterables)`, `filter(func, iterable)`: a
/// function (map, filter) and the iterators.
pub struct MultiIter {
    pub func: PayloadCell<Value>,
    pub iters: PayloadCell<Vec<Value>>,
    /// `zip(..., strict=True)` (`__setstate__` may change it).
    pub strict: std::cell::Cell<bool>,
    /// zip's result tuple to refill.
    pub result: RecycledTuple,
}

impl Trace for MultiIter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.func.borrow().traverse(visit);
        visit_all(&self.iters.borrow(), visit);
        self.result.traverse(visit);
    }

    fn clear(&self) {
        drop(self.iters.replace(Vec::new()));
        drop(self.func.replace(Value::None));
        self.result.clear();
    }
}

payload!(MultiIter, "iterator", tracked);

/// `reversed(seq)` over a sequence (by index, from the end), and `list_reverseiterator`.
pub struct ReversedIter {
    /// The sequence; `None` once exhausted.
    pub seq: PayloadCell<Option<Value>>,
    /// The next index plus one (0: exhausted).
    pub remaining: Cell<usize>,
}

impl Trace for ReversedIter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(s) = &*self.seq.borrow() {
            s.traverse(visit);
        }
    }

    fn clear(&self) {
        drop(self.seq.replace(None));
    }
}

payload!(ReversedIter, "reversed", tracked);

/// `iter(callable, sentinel)`.
pub struct CallableIter {
    pub func: PayloadCell<Option<Value>>,
    pub sentinel: Value,
}

impl Trace for CallableIter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(f) = &*self.func.borrow() {
            f.traverse(visit);
        }
        self.sentinel.traverse(visit);
    }

    fn clear(&self) {
        drop(self.func.replace(None));
    }
}

payload!(CallableIter, "callable_iterator", tracked);

/// `dict.keys()`, `dict.values()`, `dict.items()`: the dict (the kind is the view's type).
pub struct DictView {
    pub dict: Value,
}

impl Trace for DictView {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.dict.traverse(visit);
    }
}

payload!(DictView, "dict_view", tracked);
