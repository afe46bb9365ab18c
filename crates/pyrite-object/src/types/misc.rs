//! Small payloads: instances of plain classes, singletons, ranges and iterators.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::registry::types;
use crate::value::Value;

/// An instance of a class defined in Python whose bases are all plain `object`s.
#[derive(Default)]
pub struct Instance {
    /// `__dict__`, created on first attribute store.
    pub dict: PayloadCell<Option<ObjRef>>,
}

impl Trace for Instance {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(dict) = &*self.dict.borrow() {
            visit(dict);
        }
    }

    fn clear(&self) {
        let old = self.dict.replace(None);
        drop(old);
    }
}

payload!(Instance, "object", tracked);

/// The payload of `NotImplemented`, `Ellipsis` and other one-of-a-kind objects.
pub struct Singleton(pub &'static str);

impl Trace for Singleton {}
payload!(Singleton, "singleton", untracked);

/// `range(start, stop, step)` with bounds that fit in an `i64`.
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Trace for PyRange {}
payload!(PyRange, "range", untracked);

impl PyRange {
    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        let (start, stop, step) = (i128::from(self.start), i128::from(self.stop), i128::from(self.step));
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        usize::try_from(n).unwrap_or(usize::MAX)
    }

    /// Whether the range is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `index` (which must be below `len()`).
    #[must_use]
    pub fn item(&self, index: usize) -> i64 {
        let index = i64::try_from(index).unwrap_or(i64::MAX);
        self.start.wrapping_add(self.step.wrapping_mul(index))
    }
}

/// Iterator over a range.
pub struct RangeIter {
    pub next: Cell<i64>,
    pub remaining: Cell<usize>,
    pub step: i64,
}

impl Trace for RangeIter {}
payload!(RangeIter, "range_iterator", untracked);

impl RangeIter {
    /// A new iterator object over `range`.
    #[must_use]
    pub fn new_obj(range: &PyRange) -> ObjRef {
        ObjRef::new(
            RangeIter { next: Cell::new(range.start), remaining: Cell::new(range.len()), step: range.step },
            Some(&types().range_iterator),
        )
    }

    /// The next item.
    #[inline]
    pub fn next_item(&self) -> Option<i64> {
        let remaining = self.remaining.get();
        if remaining == 0 {
            return None;
        }
        self.remaining.set(remaining - 1);
        let value = self.next.get();
        self.next.set(value.wrapping_add(self.step));
        Some(value)
    }
}

/// Iterator over a sequence by index (list, tuple, str), or over a dict's keys.
pub struct SeqIter {
    /// The sequence; `None` once exhausted (so it is released early, as CPython does).
    pub seq: PayloadCell<Option<Value>>,
    pub index: Cell<usize>,
    /// For dict iterators: the size when iteration began.
    pub expected_len: Cell<usize>,
}

impl Trace for SeqIter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(seq) = &*self.seq.borrow() {
            seq.traverse(visit);
        }
    }

    fn clear(&self) {
        let old = self.seq.replace(None);
        drop(old);
    }
}

payload!(SeqIter, "iterator", tracked);

impl SeqIter {
    /// A new iterator object of the given Python type over `seq`.
    #[must_use]
    pub fn new_obj(seq: Value, ty: &ObjRef, expected_len: usize) -> ObjRef {
        ObjRef::new(
            SeqIter { seq: PayloadCell::new(Some(seq)), index: Cell::new(0), expected_len: Cell::new(expected_len) },
            Some(ty),
        )
    }
}
