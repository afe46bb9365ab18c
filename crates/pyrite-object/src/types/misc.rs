//! Small payloads: singletons, ranges and iterators.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::registry::types;
use crate::types::list::RecycledTuple;
use crate::value::Value;

/// The payload of `NotImplemented`, `Ellipsis` and other one-of-a-kind objects.
pub struct Singleton(pub &'static str);

impl Trace for Singleton {}
payload!(Singleton, "singleton", untracked);

/// `range(start, stop, step)`. Bounds that fit in an `i64` use the fast fields; others
/// are kept in `big` (and the fast fields are unused).
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<BigRange>>,
}

/// The bounds of a range whose values do not fit in an `i64`.
pub struct BigRange {
    pub start: num_bigint::BigInt,
    pub stop: num_bigint::BigInt,
    pub step: num_bigint::BigInt,
}

impl BigRange {
    /// Number of items.
    #[must_use]
    pub fn len(&self) -> num_bigint::BigInt {
        use num_traits::{Signed, Zero};
        let zero = num_bigint::BigInt::zero();
        let one = num_bigint::BigInt::from(1);
        if self.step.is_positive() && self.start < self.stop {
            (&self.stop - &self.start - &one) / &self.step + &one
        } else if self.step.is_negative() && self.start > self.stop {
            (&self.start - &self.stop - &one) / (-&self.step) + &one
        } else {
            zero
        }
    }
}

/// Iterator over a range with big bounds.
pub struct BigRangeIter {
    /// The first item and the number of items (for `__reduce__` and `__setstate__`).
    pub start: num_bigint::BigInt,
    pub len: num_bigint::BigInt,
    pub next: PayloadCell<num_bigint::BigInt>,
    pub remaining: PayloadCell<num_bigint::BigInt>,
    pub step: num_bigint::BigInt,
}

impl Trace for BigRangeIter {}
payload!(BigRangeIter, "range_iterator", untracked);

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
    /// The first item and the number of items (for `__reduce__` and `__setstate__`).
    pub start: i64,
    pub len: usize,
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
            RangeIter {
                start: range.start,
                len: range.len(),
                next: Cell::new(range.start),
                remaining: Cell::new(range.len()),
                step: range.step,
            },
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
    /// For dict iterators: how many more entries may be produced (CPython's `di_len`); an
    /// entry beyond them means keys were swapped during iteration.
    pub remaining: Cell<usize>,
    /// For dict item iterators: the `(key, value)` tuple to refill.
    pub result: RecycledTuple,
}

impl Trace for SeqIter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(seq) = &*self.seq.borrow() {
            seq.traverse(visit);
        }
        self.result.traverse(visit);
    }

    fn clear(&self) {
        let old = self.seq.replace(None);
        drop(old);
        self.result.clear();
    }
}

payload!(SeqIter, "iterator", tracked);

impl SeqIter {
    /// A new iterator object of the given Python type over `seq`.
    #[must_use]
    pub fn new_obj(seq: Value, ty: &ObjRef, expected_len: usize) -> ObjRef {
        ObjRef::new(
            SeqIter {
                seq: PayloadCell::new(Some(seq)),
                index: Cell::new(0),
                expected_len: Cell::new(expected_len),
                remaining: Cell::new(expected_len),
                result: RecycledTuple::default(),
            },
            Some(ty),
        )
    }
}

/// A NaN float. NaNs live on the heap so that identity works as in CPython: `x = nan;
/// [x] == [x]` is true (same object) while two NaNs made separately are distinct.
pub struct BoxedFloat(pub f64);

impl Trace for BoxedFloat {}
payload!(BoxedFloat, "float", untracked);
