//! Instances of classes defined in Python whose instances are plain objects, and where
//! their attributes live.
//!
//! As in CPython 3.11 (PEP 412 key sharing, 3.11's managed dict with inline values), the
//! attribute names of a class's instances are kept once, in the class's [`SharedKeys`];
//! each instance keeps only its values, by key position, and the order in which it added
//! them. No dict object exists until something asks for `obj.__dict__`, or until the
//! values cannot stay in the shared layout (the class's keys are full, or the name is not
//! an exact `str`). Then the values move into a real dict ([`Instance::materialize`]),
//! which is from then on the storage: `obj.x = 1` and `obj.__dict__['x']` see each other.
//! The cycle collector sees the values directly, so two plain instances in a cycle are two
//! objects to it, as in CPython.
//!
//! Callers outside this module go through [`crate::attrs`], which also covers the other
//! objects that have a `__dict__`.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::value::Value;

/// The most names a class's shared keys hold (CPython's `SHARED_KEYS_MAX_SIZE`).
pub const SHARED_KEYS_MAX: usize = 30;

/// The attribute names shared by the instances of one class, in the order they were
/// first stored. Names are only ever added, so a position found once stays valid for the
/// class's lifetime (inline caches keep positions, guarded by the class's version tag).
pub struct SharedKeys {
    /// Exact `str` objects and their hashes.
    names: PayloadCell<Vec<(ObjRef, i64)>>,
    /// How many more names may be added. CPython shrinks it by one for each new instance
    /// (down to one), so a class with many instances does not keep growing their layout;
    /// the count decides when an instance falls back to a dict, which is observable (the
    /// dict is one more object for `gc.collect()`), so it is kept the same way.
    usable: Cell<usize>,
}

impl Default for SharedKeys {
    fn default() -> Self {
        SharedKeys { names: PayloadCell::new(Vec::new()), usable: Cell::new(SHARED_KEYS_MAX) }
    }
}

impl SharedKeys {
    /// Number of names.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.borrow().len()
    }

    /// Whether no name was added yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of `name`, if it is one of the keys.
    #[inline]
    #[must_use]
    pub fn index_of(&self, name: &PyStr) -> Option<usize> {
        let hash = name.hash();
        let names = self.names.borrow();
        names.iter().position(|(key, key_hash)| {
            *key_hash == hash && key.downcast::<PyStr>().is_some_and(|k| std::ptr::eq(k, name) || k.eq_str(name))
        })
    }

    /// The name at position `index`.
    #[must_use]
    pub fn name_at(&self, index: usize) -> Option<ObjRef> {
        self.names.borrow().get(index).map(|(key, _)| key.clone())
    }

    /// The position of `name` (an exact `str`), adding it when there is room.
    pub(crate) fn insert(&self, name: &ObjRef, text: &PyStr) -> Option<usize> {
        if let Some(index) = self.index_of(text) {
            return Some(index);
        }
        if self.usable.get() == 0 {
            return None;
        }
        self.usable.set(self.usable.get() - 1);
        let mut names = self.names.borrow_mut();
        names.push((name.clone(), text.hash()));
        Some(names.len() - 1)
    }

    /// How many values an instance made now gets room for (CPython's
    /// `shared_keys_usable_size`: the names plus the room left), which is what
    /// `sys.getsizeof` counts for a dict that still shares these keys.
    #[must_use]
    pub fn usable_size(&self) -> usize {
        self.len() + self.usable.get()
    }

    /// A new instance of the class was made (see [`SharedKeys::usable`]).
    fn note_instance(&self) {
        if self.usable.get() > 1 {
            self.usable.set(self.usable.get() - 1);
        }
    }
}

/// An instance's attribute values kept against its class's shared keys.
#[derive(Default)]
struct Values {
    /// `values[i]` is the value of key `i` (`None`: not set on this instance).
    values: Vec<Option<Value>>,
    /// The positions of the set values in insertion order, or empty while that order is
    /// ascending key order (the usual case: instances set their attributes in the order
    /// their class's first instance did).
    order: Vec<u8>,
}

impl Values {
    fn get(&self, index: usize) -> Option<&Value> {
        self.values.get(index)?.as_ref()
    }

    /// Stores `value` at `index`; returns the value it replaced, for the caller to drop.
    #[inline]
    fn set(&mut self, index: usize, value: Value) -> Option<Value> {
        // The usual store (inline caches: `self.x = ...` of an attribute already set)
        // replaces a value; adding one keeps the insertion order too.
        if let Some(slot @ Some(_)) = self.values.get_mut(index) {
            return slot.replace(value);
        }
        self.add(index, value)
    }

    /// Stores `value` at `index`, where no value is set.
    #[inline(never)]
    fn add(&mut self, index: usize, value: Value) -> Option<Value> {
        if index >= self.values.len() {
            self.grow(index + 1);
        }
        let old = self.values[index].replace(value);
        if old.is_none() {
            self.note_added(index);
        }
        old
    }

    #[cold]
    fn grow(&mut self, len: usize) {
        self.values.resize_with(len, || None);
    }

    /// Removes the value at `index`, if set.
    fn take(&mut self, index: usize) -> Option<Value> {
        let old = self.values.get_mut(index)?.take()?;
        if let Some(at) = self.order.iter().position(|&i| usize::from(i) == index) {
            self.order.remove(at);
        }
        Some(old)
    }

    #[inline]
    fn note_added(&mut self, index: usize) {
        let Ok(position) = u8::try_from(index) else { return };
        if self.order.is_empty() {
            if self.values[index + 1..].iter().all(Option::is_none) {
                return;
            }
            // The order stops being ascending: spell it out.
            self.order = (0..self.values.len())
                .filter(|&i| i != index && self.values[i].is_some())
                .filter_map(|i| u8::try_from(i).ok())
                .collect();
        }
        self.order.push(position);
    }

    /// The positions of the set values, in insertion order.
    fn ordered(&self) -> Vec<usize> {
        if self.order.is_empty() {
            (0..self.values.len()).filter(|&i| self.values[i].is_some()).collect()
        } else {
            self.order.iter().map(|&i| usize::from(i)).collect()
        }
    }

    fn is_empty(&self) -> bool {
        self.values.iter().all(Option::is_none)
    }
}

/// Where an instance's attributes are.
enum Attrs {
    /// Inline, against the class's shared keys.
    Inline(Values),
    /// In a dict (materialized, or assigned to `__dict__`), or nowhere yet.
    Dict(Option<ObjRef>),
}

/// An instance of a class defined in Python whose instances are plain objects (its solid
/// base is `object`), or of `object` itself.
pub struct Instance {
    attrs: PayloadCell<Attrs>,
    /// The values of the `__slots__` members that are set, by member name (kept in the
    /// object, as CPython keeps them in its layout: no dict object to count).
    slots: PayloadCell<Vec<(ObjRef, Value)>>,
}

impl Default for Instance {
    /// An instance whose attributes go into a dict made on the first store (the layout of
    /// builtin types with a `__dict__` of their own, such as `types.SimpleNamespace`).
    fn default() -> Self {
        Instance { attrs: PayloadCell::new(Attrs::Dict(None)), slots: PayloadCell::new(Vec::new()) }
    }
}

impl Trace for Instance {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => {
                for value in values.values.iter().flatten() {
                    value.traverse(visit);
                }
            }
            Attrs::Dict(Some(dict)) => visit(dict),
            Attrs::Dict(None) => {}
        }
        for (_, value) in self.slots.borrow().iter() {
            value.traverse(visit);
        }
    }

    fn clear(&self) {
        let empty = match &*self.attrs.borrow() {
            Attrs::Inline(_) => Attrs::Inline(Values::default()),
            Attrs::Dict(_) => Attrs::Dict(None),
        };
        let old = self.attrs.replace(empty);
        drop(old);
        let old = self.slots.replace(Vec::new());
        drop(old);
    }
}

payload!(Instance, "object", tracked);

impl Instance {
    /// A new instance of `class` (which must be the instance's type) whose attributes live
    /// inline against the class's shared keys.
    #[must_use]
    pub fn with_shared_keys(class: &ObjRef) -> Instance {
        let keys = &crate::types::typeobj::type_payload(class).keys;
        keys.note_instance();
        // Room for every name the class knows (as CPython sizes the values array), so the
        // usual `__init__` fills it without growing it.
        let values = Values { values: vec![None; keys.len()], order: Vec::new() };
        Instance { attrs: PayloadCell::new(Attrs::Inline(values)), slots: PayloadCell::new(Vec::new()) }
    }

    /// The value of the `__slots__` member `name`, if set.
    #[must_use]
    pub fn slot(&self, name: &PyStr) -> Option<Value> {
        let slots = self.slots.borrow();
        slots.iter().find(|(key, _)| key.downcast::<PyStr>().is_some_and(|k| k.eq_str(name))).map(|(_, v)| v.clone())
    }

    /// Sets (`Some`) or clears (`None`) the `__slots__` member `name` (a str); returns the
    /// previous value, for the caller to drop.
    pub fn replace_slot(&self, name: &ObjRef, value: Option<Value>) -> Option<Value> {
        let text = name.downcast::<PyStr>()?;
        let mut slots = self.slots.borrow_mut();
        let position = slots
            .iter()
            .position(|(key, _)| key.is_same(name) || key.downcast::<PyStr>().is_some_and(|k| k.eq_str(text)));
        match (position, value) {
            (Some(i), Some(value)) => Some(std::mem::replace(&mut slots[i].1, value)),
            (Some(i), None) => Some(slots.remove(i).1),
            (None, Some(value)) => {
                slots.push((name.clone(), value));
                None
            }
            (None, None) => None,
        }
    }

    /// Whether the attributes are inline (no dict object exists).
    #[inline]
    #[must_use]
    pub fn has_inline_values(&self) -> bool {
        matches!(&*self.attrs.borrow(), Attrs::Inline(_))
    }

    /// The value at key position `index`, when the attributes are inline and it is set
    /// (for inline caches: the position comes from the class's shared keys).
    #[inline]
    #[must_use]
    pub fn inline_value(&self, index: usize) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => values.get(index).cloned(),
            Attrs::Dict(_) => None,
        }
    }

    /// Stores `value` at key position `index` when the attributes are inline; returns the
    /// value replaced (for the caller to drop), or gives `value` back otherwise.
    ///
    /// # Errors
    /// `value`, when the attributes are in a dict.
    #[inline(always)]
    pub fn store_inline(&self, index: usize, value: Value) -> Result<Option<Value>, Value> {
        match &mut *self.attrs.borrow_mut() {
            Attrs::Inline(values) => Ok(values.set(index, value)),
            Attrs::Dict(_) => Err(value),
        }
    }

    /// Removes the value at key position `index` when the attributes are inline: `None`
    /// when they are in a dict, `Some(None)` when it was not set.
    fn take_inline(&self, index: usize) -> Option<Option<Value>> {
        match &mut *self.attrs.borrow_mut() {
            Attrs::Inline(values) => Some(values.take(index)),
            Attrs::Dict(_) => None,
        }
    }

    /// Runs `f` on the dict holding the attributes, if there is one. `f` must not run
    /// Python code, allocate or drop a reference (the attributes stay borrowed).
    #[inline]
    pub fn with_dict<R>(&self, f: impl FnOnce(&PyDict) -> R) -> Option<R> {
        match &*self.attrs.borrow() {
            Attrs::Dict(Some(dict)) => dict.downcast::<PyDict>().map(f),
            _ => None,
        }
    }

    /// The dict holding the attributes, if one exists (never makes one).
    #[must_use]
    pub fn existing_dict(&self) -> Option<ObjRef> {
        match &*self.attrs.borrow() {
            Attrs::Dict(dict) => dict.clone(),
            Attrs::Inline(_) => None,
        }
    }

    /// The value of `name` among the attributes (no Python code runs).
    #[must_use]
    pub fn lookup(&self, class: &ObjRef, name: &PyStr) -> Option<Value> {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => {
                let index = crate::types::typeobj::type_payload(class).keys.index_of(name)?;
                values.get(index).cloned()
            }
            Attrs::Dict(Some(dict)) => dict.downcast::<PyDict>()?.get_str(name),
            Attrs::Dict(None) => None,
        }
    }

    /// Whether no attribute is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match &*self.attrs.borrow() {
            Attrs::Inline(values) => values.is_empty(),
            Attrs::Dict(Some(dict)) => dict.downcast::<PyDict>().is_none_or(PyDict::is_empty),
            Attrs::Dict(None) => true,
        }
    }

    /// Stores (`Some`) or deletes (`None`) `name`, an exact `str`, inline: `Ok(true)` when
    /// done, `Ok(false)` for the deletion of a missing attribute, or the value given back
    /// when the attributes are not inline or cannot stay so (the keys are full).
    pub(crate) fn store_shared(
        &self,
        class: &ObjRef,
        name: &ObjRef,
        value: Option<Value>,
    ) -> Result<bool, Option<Value>> {
        let Some(text) = name.downcast::<PyStr>().filter(|_| self.has_inline_values()) else { return Err(value) };
        // As CPython, even a deletion adds the name to the keys.
        let Some(index) = crate::types::typeobj::type_payload(class).keys.insert(name, text) else { return Err(value) };
        match value {
            Some(value) => {
                let old = self.store_inline(index, value).map_err(Some)?;
                drop(old);
                Ok(true)
            }
            None => {
                let old = self.take_inline(index).ok_or(None)?;
                let found = old.is_some();
                drop(old);
                Ok(found)
            }
        }
    }

    /// The dict holding the attributes, moving inline values into a new one (in their
    /// insertion order) or making an empty one when there is none. From then on the
    /// instance keeps its attributes in that dict.
    pub fn materialize(&self, class: &ObjRef) -> ObjRef {
        if let Some(dict) = self.existing_dict() {
            return dict;
        }
        let old = self.attrs.replace(Attrs::Dict(None));
        let dict = PyDict::new_obj();
        if let (Attrs::Inline(mut values), Some(d)) = (old, dict.downcast::<PyDict>()) {
            let keys = &crate::types::typeobj::type_payload(class).keys;
            // As CPython's split dicts, it goes on sharing the class's keys (see
            // `PyDict::shared_keys`).
            d.share_keys(keys.clone());
            for index in values.ordered() {
                if let (Some(value), Some(key)) = (values.values[index].take(), keys.name_at(index)) {
                    // The key is a str: this cannot fail or replace anything.
                    drop(d.store_str(&Value::Obj(key), value));
                }
            }
        }
        let old = self.attrs.replace(Attrs::Dict(Some(dict.clone())));
        drop(old);
        dict
    }

    /// Replaces the attribute storage with `dict` (`obj.__dict__ = d`; `None` for
    /// `del obj.__dict__`, after which the next store makes a new dict). Returns the
    /// previous dict for the caller to drop.
    pub fn replace_dict(&self, dict: Option<ObjRef>) -> Option<ObjRef> {
        match self.attrs.replace(Attrs::Dict(dict)) {
            Attrs::Dict(old) => old,
            Attrs::Inline(values) => {
                drop(values);
                None
            }
        }
    }
}
