//! How a list keeps its items ("list strategies", as in PyPy): a list whose items are all
//! bools, all machine ints or all inline floats keeps them in a compact vector (1 or 8
//! bytes an item instead of a 16-byte [`Value`]); any other list keeps general values.
//!
//! A compact list switches to general storage ("generalizes"), for good, when an item of
//! another kind is stored, or when a caller asks for the items as `&[Value]` or
//! `&mut Vec<Value>` ([`ListItems::borrow`], [`ListItems::borrow_mut`]). It goes back to
//! compact storage only when its contents are replaced whole, or when an item is stored
//! into it while it is empty.
//!
//! Soundness invariant: only general storage is ever lent out as `&[Value]`, and the
//! storage changes strategy only while it is borrowed exclusively, or, in
//! [`ListItems::borrow`], while it is compact. Compact storage is borrowed only inside the
//! methods of [`Storage`] and `PyList`, which never hold that borrow across anything that
//! can run Python code or reach this list again, so no borrow of compact storage is alive
//! when a generalization replaces it. Debug builds check this as for any `PayloadCell`.

use std::ops::{Deref, DerefMut};

use pyrite_memory::{PayloadCell, PayloadMut, PayloadRef};

use crate::value::Value;

/// The items of a list in one of its strategies.
pub enum Storage {
    /// Any values.
    Values(Vec<Value>),
    /// Only `Value::Bool`s.
    Bools(Vec<bool>),
    /// Only `Value::Int`s (machine ints; big ints are heap objects, so general).
    Ints(Vec<i64>),
    /// Only `Value::Float`s (inline floats, never NaN: NaNs are boxed objects).
    Floats(Vec<f64>),
}

impl Default for Storage {
    fn default() -> Self {
        Storage::Values(Vec::new())
    }
}

/// Runs `$body` with `$v` bound to the storage's vector, whatever its element type.
macro_rules! each {
    ($storage:expr, $v:ident => $body:expr) => {
        match $storage {
            Storage::Values($v) => $body,
            Storage::Bools($v) => $body,
            Storage::Ints($v) => $body,
            Storage::Floats($v) => $body,
        }
    };
}

/// Which compact storage a value fits, if any.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Int,
    Float,
    General,
}

#[inline]
fn kind_of(value: &Value) -> Kind {
    match value {
        Value::Bool(_) => Kind::Bool,
        Value::Int(_) => Kind::Int,
        Value::Float(_) => Kind::Float,
        _ => Kind::General,
    }
}

/// The one kind all `values` share (`General` when mixed or empty).
fn common_kind(values: &[Value]) -> Kind {
    let Some(first) = values.first() else { return Kind::General };
    let kind = kind_of(first);
    if kind != Kind::General && values.iter().all(|v| kind_of(v) == kind) { kind } else { Kind::General }
}

impl Storage {
    /// Storage for `values`: compact when they are all of one compact kind. The capacity
    /// is kept.
    #[must_use]
    pub fn from_values(values: Vec<Value>) -> Storage {
        let kind = common_kind(&values);
        let cap = values.capacity();
        macro_rules! convert {
            ($variant:ident, $pat:ident) => {{
                let mut out = Vec::with_capacity(cap);
                out.extend(values.iter().map(|v| match v {
                    Value::$pat(x) => *x,
                    _ => unreachable!("checked by common_kind"),
                }));
                Storage::$variant(out)
            }};
        }
        match kind {
            Kind::General => Storage::Values(values),
            Kind::Bool => convert!(Bools, Bool),
            Kind::Int => convert!(Ints, Int),
            Kind::Float => convert!(Floats, Float),
        }
    }

    fn kind(&self) -> Kind {
        match self {
            Storage::Values(_) => Kind::General,
            Storage::Bools(_) => Kind::Bool,
            Storage::Ints(_) => Kind::Int,
            Storage::Floats(_) => Kind::Float,
        }
    }

    /// Number of items.
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        each!(self, v => v.len())
    }

    /// Whether there are no items.
    #[inline]
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The logical capacity (slots allocated, as CPython's `allocated`).
    #[must_use]
    pub fn capacity(&self) -> usize {
        each!(self, v => v.capacity())
    }

    /// The item at `index`, if in range.
    #[inline]
    #[must_use]
    pub fn get(&self, index: usize) -> Option<Value> {
        match self {
            Storage::Values(v) => v.get(index).cloned(),
            Storage::Bools(v) => v.get(index).map(|&b| Value::Bool(b)),
            Storage::Ints(v) => v.get(index).map(|&i| Value::Int(i)),
            Storage::Floats(v) => v.get(index).map(|&f| Value::Float(f)),
        }
    }

    /// The item at a Python index (negative counts from the end), if in range. One
    /// dispatch on the strategy: the register loop's `BINARY_SUBSCR` calls it.
    #[inline(always)]
    #[must_use]
    pub fn get_signed(&self, index: i64) -> Option<Value> {
        let position = wrap_index(index, self.len())?;
        // SAFETY: `position < len`, the length of whichever vector the storage holds.
        unsafe {
            Some(match self {
                Storage::Values(v) => v.get_unchecked(position).clone(),
                Storage::Bools(v) => Value::Bool(*v.get_unchecked(position)),
                Storage::Ints(v) => Value::Int(*v.get_unchecked(position)),
                Storage::Floats(v) => Value::Float(*v.get_unchecked(position)),
            })
        }
    }

    /// Stores `value` at a Python index (negative counts from the end): the old item
    /// (for the caller to drop after the borrow ends), or `value` back when out of range.
    #[inline(always)]
    pub fn set_signed(&mut self, index: i64, value: Value) -> Result<Value, Value> {
        // The compact arms read an inline value through a reference and then forget it:
        // matching it by move would leave a drop call of the (empty) rest behind. (Bounds
        // checked in each arm: measured cheaper here than one check before the dispatch.)
        macro_rules! compact {
            ($v:ident, $x:expr, $variant:ident) => {
                match slot_mut($v, index) {
                    Some(item) => {
                        let old = std::mem::replace(item, $x);
                        std::mem::forget(value);
                        Ok(Value::$variant(old))
                    }
                    None => Err(value),
                }
            };
        }
        match (&mut *self, &value) {
            (Storage::Floats(v), &Value::Float(f)) => compact!(v, f, Float),
            (Storage::Ints(v), &Value::Int(i)) => compact!(v, i, Int),
            (Storage::Bools(v), &Value::Bool(b)) => compact!(v, b, Bool),
            (Storage::Values(v), _) => match slot_mut(v, index) {
                Some(item) => Ok(std::mem::replace(item, value)),
                None => Err(value),
            },
            _ => match self.position(index) {
                Some(position) => Ok(self.set(position, value)),
                None => Err(value),
            },
        }
    }

    /// The position of a Python index (negative counts from the end), if in range.
    #[inline]
    #[must_use]
    pub fn position(&self, index: i64) -> Option<usize> {
        let len = self.len();
        let index = if index < 0 { index.checked_add(i64::try_from(len).ok()?)? } else { index };
        usize::try_from(index).ok().filter(|&i| i < len)
    }

    /// The items as values (a copy, exactly sized).
    #[must_use]
    pub fn to_vec(&self) -> Vec<Value> {
        match self {
            Storage::Values(v) => v.clone(),
            Storage::Bools(v) => v.iter().map(|&b| Value::Bool(b)).collect(),
            Storage::Ints(v) => v.iter().map(|&i| Value::Int(i)).collect(),
            Storage::Floats(v) => v.iter().map(|&f| Value::Float(f)).collect(),
        }
    }

    /// Switches to general storage (keeping the capacity) and returns it.
    pub fn generalize(&mut self) -> &mut Vec<Value> {
        if !matches!(self, Storage::Values(_)) {
            let mut values = Vec::with_capacity(self.capacity());
            match self {
                Storage::Values(_) => {}
                Storage::Bools(v) => values.extend(v.iter().map(|&b| Value::Bool(b))),
                Storage::Ints(v) => values.extend(v.iter().map(|&i| Value::Int(i))),
                Storage::Floats(v) => values.extend(v.iter().map(|&f| Value::Float(f))),
            }
            *self = Storage::Values(values);
        }
        match self {
            Storage::Values(v) => v,
            _ => unreachable!("generalized above"),
        }
    }

    /// Makes the storage able to hold an item of `kind`: an empty list takes that kind's
    /// storage (keeping the capacity), a list of another kind generalizes.
    fn admit(&mut self, kind: Kind) {
        let current = self.kind();
        if current == kind || current == Kind::General && !self.is_empty() {
            return;
        }
        if !self.is_empty() {
            self.generalize();
            return;
        }
        let cap = self.capacity();
        *self = match kind {
            Kind::General => Storage::Values(Vec::with_capacity(cap)),
            Kind::Bool => Storage::Bools(Vec::with_capacity(cap)),
            Kind::Int => Storage::Ints(Vec::with_capacity(cap)),
            Kind::Float => Storage::Floats(Vec::with_capacity(cap)),
        };
    }

    /// Stores `value` at `index` (in range), returning the old item (for the caller to drop
    /// after the borrow ends).
    #[inline]
    pub fn set(&mut self, index: usize, value: Value) -> Value {
        match (&mut *self, &value) {
            (Storage::Values(v), _) => std::mem::replace(&mut v[index], value),
            (Storage::Bools(v), Value::Bool(b)) => Value::Bool(std::mem::replace(&mut v[index], *b)),
            (Storage::Ints(v), Value::Int(i)) => Value::Int(std::mem::replace(&mut v[index], *i)),
            (Storage::Floats(v), Value::Float(f)) => Value::Float(std::mem::replace(&mut v[index], *f)),
            _ => std::mem::replace(&mut self.generalize()[index], value),
        }
    }

    /// Appends `value`, growing the capacity as CPython's `list_resize`.
    #[inline]
    pub fn push(&mut self, value: Value) {
        let len = self.len();
        // The value is matched by move: an inline one then needs no drop call.
        match (&mut *self, value) {
            (Storage::Values(v), value) if len > 0 => {
                resize(v, len + 1);
                v.push(value);
            }
            (Storage::Bools(v), Value::Bool(b)) => {
                resize(v, len + 1);
                v.push(b);
            }
            (Storage::Ints(v), Value::Int(i)) => {
                resize(v, len + 1);
                v.push(i);
            }
            (Storage::Floats(v), Value::Float(f)) => {
                resize(v, len + 1);
                v.push(f);
            }
            (_, value) => {
                self.admit(kind_of(&value));
                self.push_admitted(value);
            }
        }
    }

    /// Appends `value`, which the storage admits.
    fn push_admitted(&mut self, value: Value) {
        let len = self.len();
        each!(&mut *self, v => resize(v, len + 1));
        match (&mut *self, value) {
            (Storage::Values(v), value) => v.push(value),
            (Storage::Bools(v), Value::Bool(b)) => v.push(b),
            (Storage::Ints(v), Value::Int(i)) => v.push(i),
            (Storage::Floats(v), Value::Float(f)) => v.push(f),
            (_, value) => self.generalize().push(value),
        }
    }

    /// Inserts `value` at `index` (at most the length), growing as CPython does.
    pub fn insert(&mut self, index: usize, value: Value) {
        let len = self.len();
        self.admit(kind_of(&value));
        each!(&mut *self, v => resize(v, len + 1));
        match (&mut *self, value) {
            (Storage::Values(v), value) => v.insert(index, value),
            (Storage::Bools(v), Value::Bool(b)) => v.insert(index, b),
            (Storage::Ints(v), Value::Int(i)) => v.insert(index, i),
            (Storage::Floats(v), Value::Float(f)) => v.insert(index, f),
            (_, value) => self.generalize().insert(index, value),
        }
    }

    /// Removes and returns the item at `index` (in range), shrinking as CPython does.
    pub fn remove(&mut self, index: usize) -> Value {
        let removed = match self {
            Storage::Values(v) => v.remove(index),
            Storage::Bools(v) => Value::Bool(v.remove(index)),
            Storage::Ints(v) => Value::Int(v.remove(index)),
            Storage::Floats(v) => Value::Float(v.remove(index)),
        };
        let len = self.len();
        each!(self, v => resize(v, len));
        removed
    }

    /// Appends `values` as CPython's `list_extend` sizes the list: `hint` is `None` when
    /// their number was known up front (a list or tuple), else the source's length hint.
    pub fn extend(&mut self, values: Vec<Value>, hint: Option<usize>) {
        if values.is_empty() {
            each!(self, v => extend_sized(v, std::iter::empty(), hint));
            return;
        }
        let kind = common_kind(&values);
        if kind == Kind::General || (self.kind() != kind && !self.is_empty()) {
            extend_sized(self.generalize(), values, hint);
            return;
        }
        self.admit(kind);
        macro_rules! compact {
            ($v:ident, $pat:ident) => {
                extend_sized(
                    $v,
                    values.into_iter().map(|x| match x {
                        Value::$pat(x) => x,
                        _ => unreachable!("checked by common_kind"),
                    }),
                    hint,
                )
            };
        }
        match self {
            Storage::Values(v) => extend_sized(v, values, hint),
            Storage::Bools(v) => compact!(v, Bool),
            Storage::Ints(v) => compact!(v, Int),
            Storage::Floats(v) => compact!(v, Float),
        }
    }

    /// `list[low:high] = new_items` (`low <= high <= len`), sized as CPython's
    /// `list_ass_slice` (an emptied list lets its storage go). Returns the removed items
    /// that need dropping, for the caller to drop after the borrow ends.
    pub fn splice(&mut self, low: usize, high: usize, new_items: Vec<Value>) -> Vec<Value> {
        let old_len = self.len();
        let new_len = old_len - (high - low) + new_items.len();
        if new_len == 0 {
            return match std::mem::take(self) {
                Storage::Values(v) => v,
                _ => Vec::new(),
            };
        }
        if !new_items.is_empty() {
            let kind = common_kind(&new_items);
            if self.is_empty() {
                self.admit(kind);
            } else if kind != self.kind() {
                self.generalize();
            }
        }
        if new_len > old_len {
            each!(&mut *self, v => resize(v, new_len));
        }
        macro_rules! compact {
            ($v:ident, $pat:ident) => {{
                $v.splice(
                    low..high,
                    new_items.into_iter().map(|x| match x {
                        Value::$pat(x) => x,
                        _ => unreachable!("checked by common_kind"),
                    }),
                );
                Vec::new()
            }};
        }
        let removed = match &mut *self {
            Storage::Values(v) => v.splice(low..high, new_items).collect(),
            Storage::Bools(v) => compact!(v, Bool),
            Storage::Ints(v) => compact!(v, Int),
            Storage::Floats(v) => compact!(v, Float),
        };
        if new_len < old_len {
            each!(&mut *self, v => resize(v, new_len));
        }
        removed
    }

    /// The items repeated `count` times, exactly sized (the caller checked the total).
    #[must_use]
    pub fn repeat(&self, count: usize) -> Storage {
        fn rep<T: Clone>(v: &[T], count: usize) -> Vec<T> {
            if let [one] = v {
                return vec![one.clone(); count];
            }
            let mut out = Vec::with_capacity(v.len() * count);
            for _ in 0..count {
                out.extend_from_slice(v);
            }
            out
        }
        match self {
            Storage::Values(v) => Storage::Values(rep(v, count)),
            Storage::Bools(v) => Storage::Bools(rep(v, count)),
            Storage::Ints(v) => Storage::Ints(rep(v, count)),
            Storage::Floats(v) => Storage::Floats(rep(v, count)),
        }
    }

    /// `list *= count` for a non-empty list and `count >= 1`: grown to `total` items.
    pub fn repeat_in_place(&mut self, count: usize, total: usize) {
        fn rep<T: Clone>(v: &mut Vec<T>, count: usize, total: usize) {
            let len = v.len();
            resize(v, total);
            for _ in 1..count {
                v.extend_from_within(..len);
            }
        }
        each!(self, v => rep(v, count, total));
    }

    /// A copy, exactly sized.
    #[must_use]
    pub fn copy(&self) -> Storage {
        match self {
            Storage::Values(v) => Storage::Values(v.clone()),
            Storage::Bools(v) => Storage::Bools(v.clone()),
            Storage::Ints(v) => Storage::Ints(v.clone()),
            Storage::Floats(v) => Storage::Floats(v.clone()),
        }
    }

    /// The `n` items at `start`, `start + step`, ... (all in range), exactly sized.
    #[must_use]
    pub fn slice(&self, start: usize, step: i64, n: usize) -> Storage {
        fn pick<T: Clone>(v: &[T], start: usize, step: i64, n: usize) -> Vec<T> {
            if step == 1 {
                return v.get(start..start + n).map(<[T]>::to_vec).unwrap_or_default();
            }
            (0..n)
                .filter_map(|k| {
                    let offset = i64::try_from(k).ok()?.checked_mul(step)?;
                    let position = i64::try_from(start).ok()?.checked_add(offset)?;
                    v.get(usize::try_from(position).ok()?).cloned()
                })
                .collect()
        }
        match self {
            Storage::Values(v) => Storage::Values(pick(v, start, step, n)),
            Storage::Bools(v) => Storage::Bools(pick(v, start, step, n)),
            Storage::Ints(v) => Storage::Ints(pick(v, start, step, n)),
            Storage::Floats(v) => Storage::Floats(pick(v, start, step, n)),
        }
    }

    /// CPython's `list_preallocate_exact` on an empty list: room for `n` items.
    pub fn preallocate_exact(&mut self, n: usize) {
        each!(self, v => preallocate_exact(v, n));
    }

    /// Reverses the items in place.
    pub fn reverse(&mut self) {
        each!(self, v => v.reverse());
    }

    /// Whether the storage is compact and holds `item` (an item of its own kind compared
    /// by value, which is Python's `==` for these kinds); `None` when that cannot be told
    /// without comparing through Python (general storage, or an item of another kind).
    #[must_use]
    pub fn contains_compact(&self, item: &Value) -> Option<bool> {
        match (self, item) {
            (Storage::Bools(v), Value::Bool(b)) => Some(v.contains(b)),
            (Storage::Ints(v), Value::Int(i)) => Some(v.contains(i)),
            (Storage::Floats(v), Value::Float(f)) => Some(v.contains(f)),
            _ => None,
        }
    }

    /// How two compact storages of one kind order (lexicographically, as Python compares
    /// lists: these kinds are totally ordered, NaN being never inline); `None` when either
    /// is general or the kinds differ.
    #[must_use]
    pub fn compare_compact(&self, other: &Storage) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Storage::Bools(a), Storage::Bools(b)) => Some(a.as_slice().cmp(b.as_slice())),
            (Storage::Ints(a), Storage::Ints(b)) => Some(a.as_slice().cmp(b.as_slice())),
            (Storage::Floats(a), Storage::Floats(b)) => a.as_slice().partial_cmp(b.as_slice()),
            _ => None,
        }
    }

    /// Sorts compact storage in place as `list.sort(reverse=reverse)` would (stably: equal
    /// floats `0.0` and `-0.0` keep their order); `false` (nothing done) for general storage.
    pub fn sort_compact(&mut self, reverse: bool) -> bool {
        match self {
            Storage::Values(_) => return false,
            Storage::Bools(v) => {
                let trues = v.iter().filter(|&&b| b).count();
                let falses = v.len() - trues;
                let (first, second) = if reverse { (trues, falses) } else { (falses, trues) };
                v.clear();
                v.extend(std::iter::repeat_n(reverse, first));
                v.extend(std::iter::repeat_n(!reverse, second));
            }
            Storage::Ints(v) => {
                if reverse {
                    v.sort_unstable_by(|a, b| b.cmp(a));
                } else {
                    v.sort_unstable();
                }
            }
            Storage::Floats(v) => {
                let order = |a: &f64, b: &f64| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal);
                if reverse {
                    v.sort_by(|a, b| order(b, a));
                } else {
                    v.sort_by(order);
                }
            }
        }
        true
    }

    /// `sum(list, start)` for compact storage and an inline int or float start, as the
    /// item-by-item loop would compute it; `None` when that loop is needed (general
    /// storage, another start, an int total leaving the machine range). A float total is
    /// returned as a raw `Value::Float`, even NaN: the caller boxes it with
    /// [`Value::float`] once the storage is no longer borrowed (boxing allocates).
    #[must_use]
    pub fn sum_compact(&self, start: &Value) -> Option<Value> {
        match (self, start) {
            (Storage::Ints(v), Value::Int(s)) => v.iter().try_fold(*s, |acc, &x| acc.checked_add(x)).map(Value::Int),
            (Storage::Bools(v), Value::Int(s)) => {
                let trues = i64::try_from(v.iter().filter(|&&b| b).count()).ok()?;
                s.checked_add(trues).map(Value::Int)
            }
            #[allow(clippy::cast_precision_loss, reason = "int + float converts the int as Python does")]
            (Storage::Floats(v), Value::Int(_) | Value::Float(_)) if !v.is_empty() => {
                let first = match start {
                    Value::Int(i) => *i as f64,
                    Value::Float(f) => *f,
                    _ => return None,
                };
                Some(Value::Float(v.iter().fold(first, |acc, &x| acc + x)))
            }
            _ => None,
        }
    }
}

/// The position of a Python index (negative counts from the end) in `len` items, if in
/// range: branch-light, for the register loop's indexing.
#[inline(always)]
fn wrap_index(index: i64, len: usize) -> Option<usize> {
    // A negative index below `-len` wraps to a huge position, rejected with the rest.
    #[expect(clippy::cast_possible_wrap, clippy::cast_sign_loss, reason = "lengths fit in i64; see above")]
    let position = if index < 0 { index.wrapping_add(len as i64) as usize } else { index as usize };
    (position < len).then_some(position)
}

/// The slot at a Python index (negative counts from the end) in `v`, if in range.
#[inline(always)]
fn slot_mut<T>(v: &mut [T], index: i64) -> Option<&mut T> {
    let position = wrap_index(index, v.len())?;
    // SAFETY: `wrap_index` checked `position < v.len()`.
    Some(unsafe { v.get_unchecked_mut(position) })
}

/// Appends `values` to `items` as CPython's `list_extend` sizes a list.
fn extend_sized<T>(
    items: &mut Vec<T>,
    values: impl IntoIterator<Item = T, IntoIter: ExactSizeIterator>,
    hint: Option<usize>,
) {
    let values = values.into_iter();
    let (m, n) = (items.len(), values.len());
    match hint {
        None => {
            if n == 0 {
                return;
            }
            if items.capacity() == 0 {
                preallocate_exact(items, n);
            } else {
                resize(items, m + n);
            }
            items.extend(values);
        }
        Some(hint) => {
            if items.capacity() == 0 {
                preallocate_exact(items, hint);
            } else {
                resize(items, m + hint);
            }
            for value in values {
                if items.len() == items.capacity() {
                    let len = items.len();
                    resize(items, len + 1);
                }
                items.push(value);
            }
            // A guess that was too large is cut back (when under half used).
            let len = items.len();
            resize(items, len);
        }
    }
}

/// Gives `items` the capacity CPython's `list_resize` gives a list of `items.len()` items
/// that must hold `new_len` (the over-allocation `sys.getsizeof` shows): unchanged while
/// it fits and is at least half used, else about an eighth more than needed, rounded to
/// four. Call it before growing, and after shrinking.
#[inline]
pub fn resize<T>(items: &mut Vec<T>, new_len: usize) {
    let allocated = items.capacity();
    if allocated >= new_len && new_len >= allocated >> 1 {
        return;
    }
    regrow(items, new_len);
}

#[cold]
fn regrow<T>(items: &mut Vec<T>, new_len: usize) {
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
pub fn preallocate_exact<T>(items: &mut Vec<T>, n: usize) {
    if n > 0 {
        set_capacity(items, (n + 1) & !1);
    }
}

fn set_capacity<T>(items: &mut Vec<T>, target: usize) {
    if target > items.capacity() {
        items.reserve_exact(target - items.len());
    } else {
        items.shrink_to(target);
    }
}

/// A list's items: [`Storage`] in a payload cell, with the `borrow`/`borrow_mut`/`replace`
/// API of a `PayloadCell<Vec<Value>>`, which generalizes compact storage first.
#[derive(Default)]
pub struct ListItems {
    cell: PayloadCell<Storage>,
}

impl ListItems {
    /// Items stored as [`Storage::from_values`] picks.
    #[must_use]
    pub fn new(values: Vec<Value>) -> ListItems {
        ListItems { cell: PayloadCell::new(Storage::from_values(values)) }
    }

    /// Items in the given storage.
    #[must_use]
    pub fn from_storage(storage: Storage) -> ListItems {
        ListItems { cell: PayloadCell::new(storage) }
    }

    /// The items as general values, for reading (the storage generalizes first). Never
    /// hold this across a call that may run Python code.
    #[inline]
    pub fn borrow(&self) -> ItemsRef<'_> {
        if !matches!(*self.cell.borrow(), Storage::Values(_)) {
            // No borrow of compact storage outlives the module's methods (see the module
            // docs), so nothing points into the storage replaced here.
            self.cell.borrow_mut().generalize();
        }
        ItemsRef(self.cell.borrow())
    }

    /// The items as general values, for writing (the storage generalizes first).
    #[inline]
    pub fn borrow_mut(&self) -> ItemsMut<'_> {
        let mut storage = self.cell.borrow_mut();
        storage.generalize();
        ItemsMut(storage)
    }

    /// Replaces the items (stored compactly when they allow), returning the old ones as
    /// values, with their capacity.
    pub fn replace(&self, values: Vec<Value>) -> Vec<Value> {
        let mut old = std::mem::replace(&mut *self.cell.borrow_mut(), Storage::from_values(values));
        std::mem::take(old.generalize())
    }

    /// Replaces the storage, returning the old one (dropped by the caller after the borrow
    /// ends).
    pub fn replace_storage(&self, storage: Storage) -> Storage {
        std::mem::replace(&mut *self.cell.borrow_mut(), storage)
    }

    /// The storage, for reading in any strategy. Never call [`ListItems::borrow`] or
    /// anything that may run Python code while holding it.
    #[inline]
    pub fn storage(&self) -> PayloadRef<'_, Storage> {
        self.cell.borrow()
    }

    /// The storage, for writing in any strategy.
    #[inline]
    pub fn storage_mut(&self) -> PayloadMut<'_, Storage> {
        self.cell.borrow_mut()
    }
}

/// A shared borrow of a list's items as general values.
pub struct ItemsRef<'a>(PayloadRef<'a, Storage>);

impl Deref for ItemsRef<'_> {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        match &*self.0 {
            Storage::Values(v) => v,
            _ => unreachable!("ListItems::borrow generalizes"),
        }
    }
}

/// An exclusive borrow of a list's items as general values.
pub struct ItemsMut<'a>(PayloadMut<'a, Storage>);

impl Deref for ItemsMut<'_> {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        match &*self.0 {
            Storage::Values(v) => v,
            _ => unreachable!("ListItems::borrow_mut generalizes"),
        }
    }
}

impl DerefMut for ItemsMut<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        match &mut *self.0 {
            Storage::Values(v) => v,
            _ => unreachable!("ListItems::borrow_mut generalizes"),
        }
    }
}
