//! `dict`: a compact, insertion-ordered hash table.
//!
//! Entries live in a vector in insertion order; an open-addressed index of `u32` entry
//! positions, probed as CPython's `dictobject.c` probes (perturbed jumps), maps hashes to
//! them once there are more than [`SMALL`] entry positions (smaller dicts, such as most
//! instances' `__dict__`, scan their entries' hashes and allocate no index). Comparing
//! keys may run Python code (`__eq__`) that mutates the dict, so a lookup copies what it
//! needs, releases the borrow, calls out, and restarts if the dict changed meanwhile (as
//! CPython does).

use std::cell::Cell;
use std::rc::Rc;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::ctx::Ctx;
use crate::error::PyResult;
use crate::protocol;
use crate::registry::types;
use crate::types::instance::SharedKeys;
use crate::types::str::PyStr;
use crate::value::Value;

struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// An index slot never used (ends a probe).
const EMPTY: u32 = u32::MAX;
/// An index slot whose entry was removed: probes pass over it.
const DUMMY: u32 = u32::MAX - 1;
/// How fast the probe sequence takes in the hash's high bits (CPython's `PERTURB_SHIFT`).
const PERTURB_SHIFT: u32 = 5;

#[derive(Default)]
struct Table {
    entries: Vec<Option<Entry>>,
    /// Hash → entry position, open addressing with CPython's probe sequence; a power of
    /// two long, or empty (unallocated) while the entry vector has at most [`SMALL`]
    /// positions.
    index: Vec<u32>,
    /// Index slots not `EMPTY` (live and dummy): kept under two thirds of the index.
    filled: usize,
    len: usize,
}

/// Entry positions a dict scans linearly before it builds a hash index.
const SMALL: usize = 8;

/// The positions of the entries that may hold a key with a given hash, in probe order.
enum Candidates<'a> {
    Small(std::iter::Enumerate<std::slice::Iter<'a, Option<Entry>>>, i64),
    Indexed(ProbeSeq<'a>),
}

/// A walk along the index's probe sequence for one hash.
struct ProbeSeq<'a> {
    index: &'a [u32],
    slot: usize,
    perturb: u64,
}

impl<'a> ProbeSeq<'a> {
    #[expect(clippy::cast_sign_loss, reason = "the index places entries by the bits of the hash")]
    #[expect(clippy::cast_possible_truncation, reason = "only the low bits are used, under the mask")]
    #[inline]
    fn new(index: &'a [u32], hash: i64) -> ProbeSeq<'a> {
        let perturb = hash as u64;
        ProbeSeq { index, slot: perturb as usize & (index.len() - 1), perturb }
    }

    /// The current slot, then steps to the next one.
    #[expect(clippy::cast_possible_truncation, reason = "only the low bits are used, under the mask")]
    #[inline]
    fn step(&mut self) -> usize {
        let slot = self.slot;
        self.perturb >>= PERTURB_SHIFT;
        self.slot = (slot.wrapping_mul(5).wrapping_add(self.perturb as usize).wrapping_add(1)) & (self.index.len() - 1);
        slot
    }
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Small(entries, hash) => {
                entries.find_map(|(i, e)| e.as_ref().is_some_and(|e| e.hash == *hash).then_some(i))
            }
            Candidates::Indexed(probe) => loop {
                let position = probe.index[probe.step()];
                if position == EMPTY {
                    return None;
                }
                if position != DUMMY {
                    return Some(position as usize);
                }
            },
        }
    }
}

impl Table {
    /// The positions of the entries that may hold a key with this hash.
    #[inline]
    fn candidates(&self, hash: i64) -> Candidates<'_> {
        if self.index.is_empty() {
            Candidates::Small(self.entries.iter().enumerate(), hash)
        } else {
            Candidates::Indexed(ProbeSeq::new(&self.index, hash))
        }
    }

    /// Appends an entry (whose key is not in the table).
    #[inline]
    fn push(&mut self, entry: Entry) {
        let position = self.entries.len();
        let hash = entry.hash;
        self.entries.push(Some(entry));
        self.len += 1;
        if self.index.is_empty() {
            if self.entries.len() > SMALL {
                self.rebuild_index();
            }
        } else if (self.filled + 1) * 3 > self.index.len() * 2 {
            self.rebuild_index();
        } else {
            self.index_position(hash, position);
        }
    }

    /// [`Table::push`] for an entry whose key's probe ended at index slot `slot`
    /// ([`probe_fast`]), which it takes unless the index must grow (or there is none).
    #[expect(clippy::cast_possible_truncation, reason = "entry positions stay far below 2**32 - 2")]
    #[inline]
    fn push_probed(&mut self, entry: Entry, slot: usize) {
        if slot == NO_SLOT || (self.filled + 1) * 3 > self.index.len() * 2 {
            self.push(entry);
            return;
        }
        debug_assert_eq!(self.index[slot], EMPTY);
        self.index[slot] = self.entries.len() as u32;
        self.filled += 1;
        self.entries.push(Some(entry));
        self.len += 1;
    }

    /// Puts `position` in the first empty slot of `hash`'s probe sequence.
    #[expect(clippy::cast_possible_truncation, reason = "entry positions stay far below 2**32 - 2")]
    #[inline]
    fn index_position(&mut self, hash: i64, position: usize) {
        let mut probe = ProbeSeq::new(&self.index, hash);
        let slot = loop {
            let slot = probe.step();
            if probe.index[slot] == EMPTY {
                break slot;
            }
        };
        self.index[slot] = position as u32;
        self.filled += 1;
    }

    /// Forgets the index entry of the entry at `position` (about to be taken out).
    fn unindex(&mut self, position: usize, hash: i64) {
        if self.index.is_empty() {
            return;
        }
        let mut probe = ProbeSeq::new(&self.index, hash);
        loop {
            let slot = probe.step();
            let held = probe.index[slot];
            if held == EMPTY {
                return;
            }
            if held as usize == position {
                self.index[slot] = DUMMY;
                return;
            }
        }
    }

    /// Rebuilds the index from the entries (or drops it for a small entry vector), sized
    /// so that it is at most a third full of live entries and half full of positions.
    fn rebuild_index(&mut self) {
        if self.entries.len() <= SMALL {
            self.index = Vec::new();
            self.filled = 0;
            return;
        }
        let size = (self.len * 3).max(self.entries.len() * 2).next_power_of_two();
        self.index.clear();
        self.index.resize(size, EMPTY);
        self.filled = 0;
        for position in 0..self.entries.len() {
            if let Some(hash) = self.entries[position].as_ref().map(|e| e.hash) {
                self.index_position(hash, position);
            }
        }
    }
}

/// The payload of a dict object.
#[derive(Default)]
pub struct PyDict {
    table: PayloadCell<Table>,
    version: Cell<u64>,
    /// The class keys this dict still shares, as a CPython 3.11 split dict: the `__dict__`
    /// made from an instance's inline values (and copies of it). It stores its entries as
    /// any dict; what sharing changes is observable elsewhere: each new `str` key takes
    /// room in the class's keys (so later instances fall back to dicts sooner), and
    /// `sys.getsizeof` counts the shared layout. A key that is not an exact `str`, or no
    /// room left, ends the sharing, as CPython turns the dict into a combined one.
    shared: PayloadCell<Option<Rc<SharedKeys>>>,
}

impl Trace for PyDict {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for entry in self.table.borrow().entries.iter().flatten() {
            entry.key.traverse(visit);
            entry.value.traverse(visit);
        }
    }

    fn clear(&self) {
        self.bump();
        self.unshare();
        let old = self.table.replace(Table::default());
        drop(old);
    }
}

payload!(PyDict, "dict", tracked);

/// Where `key` is, when no candidate needs Python's `__eq__`: `Some(Some(position))`
/// found, `Some(None)` missing; `None` sends the lookup the general way ([`PyDict::find`]).
/// The common lookup, walked without the general one's bookkeeping.
#[inline(always)]
fn lookup_fast(table: &Table, key: &Value, hash: i64) -> Option<Option<usize>> {
    probe_fast(table, key, hash).map(Result::ok)
}

/// [`lookup_fast`], telling where a missing key's probe ended: `Some(Ok(position))` found,
/// `Some(Err(slot))` missing, with `slot` the empty index slot a new entry takes
/// ([`NO_SLOT`] when the table has no index); `None` for the general way.
#[expect(clippy::cast_sign_loss, reason = "the index places entries by the bits of the hash")]
#[expect(clippy::cast_possible_truncation, reason = "only the low bits are used, under the mask")]
#[inline(always)]
fn probe_fast(table: &Table, key: &Value, hash: i64) -> Option<Result<usize, usize>> {
    let matches = |entry: &Entry| -> Option<bool> {
        if entry.hash != hash {
            return Some(false);
        }
        if entry.key.is(key) {
            return Some(true);
        }
        protocol::eq_fast(&entry.key, key)
    };
    if table.index.is_empty() {
        for (position, entry) in table.entries.iter().enumerate() {
            if let Some(entry) = entry
                && matches(entry)?
            {
                return Some(Ok(position));
            }
        }
        return Some(Err(NO_SLOT));
    }
    let mask = table.index.len() - 1;
    let mut perturb = hash as u64;
    let mut slot = perturb as usize & mask;
    loop {
        let position = table.index[slot];
        if position == EMPTY {
            return Some(Err(slot));
        }
        if position != DUMMY
            && let Some(entry) = &table.entries[position as usize]
            && matches(entry)?
        {
            return Some(Ok(position as usize));
        }
        perturb >>= PERTURB_SHIFT;
        slot = (slot.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
    }
}

/// [`probe_fast`]'s slot for a table without an index.
const NO_SLOT: usize = usize::MAX;

enum Probe {
    Found(usize),
    Missing,
    /// A candidate needs Python's `__eq__`: its index and key.
    NeedsEq(usize, Value),
}

impl PyDict {
    /// An empty dict object.
    #[must_use]
    pub fn new_obj() -> ObjRef {
        ObjRef::new(PyDict::default(), Some(&types().dict))
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.borrow().len
    }

    /// Whether the dict is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes on every mutation (for caches and "changed size during iteration"). Versions
    /// are unique across all dicts (0 only for a dict never changed, hence empty), so an
    /// inline cache that remembers a version knows the dict is the same, unchanged one.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Makes the dict share `keys` (see [`PyDict`]'s `shared`).
    pub fn share_keys(&self, keys: Rc<SharedKeys>) {
        let old = self.shared.replace(Some(keys));
        drop(old);
    }

    /// The class keys the dict still shares, if any.
    #[must_use]
    pub fn shared_keys(&self) -> Option<Rc<SharedKeys>> {
        self.shared.borrow().clone()
    }

    fn unshare(&self) {
        let old = self.shared.replace(None);
        drop(old);
    }

    /// A new key is about to be added: a dict sharing class keys puts it there too, or
    /// stops sharing when it cannot.
    #[inline(always)]
    fn note_new_key(&self, key: &Value) {
        if self.shared.borrow().is_some() {
            self.note_new_shared_key(key);
        }
    }

    /// [`PyDict::note_new_key`] for a dict sharing class keys (out of line: most dicts do not).
    #[inline(never)]
    fn note_new_shared_key(&self, key: &Value) {
        let Some(keys) = self.shared_keys() else { return };
        let kept = match key {
            Value::Obj(name) if name.type_ref().is_same(&types().str) => {
                name.downcast::<PyStr>().and_then(|text| keys.insert(name, text)).is_some()
            }
            _ => false,
        };
        if !kept {
            self.unshare();
        }
    }

    fn bump(&self) {
        // Only the GIL holder mutates dicts: a plain load and store suffice.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let next = NEXT.load(std::sync::atomic::Ordering::Relaxed);
        NEXT.store(next + 1, std::sync::atomic::Ordering::Relaxed);
        self.version.set(next);
    }

    /// The entry position of a str key (for inline caches, with [`PyDict::value_at`]).
    #[must_use]
    pub fn index_of_str(&self, name: &PyStr) -> Option<usize> {
        let hash = name.hash();
        let table = self.table.borrow();
        table.candidates(hash).find(|&i| {
            table.entries[i].as_ref().is_some_and(|e| e.hash == hash && e.key.as_str().is_some_and(|k| k.eq_str(name)))
        })
    }

    /// The value at entry position `index`, if that entry is live (for inline caches
    /// guarded by [`PyDict::version`]).
    #[inline]
    #[must_use]
    pub fn value_at(&self, index: usize) -> Option<Value> {
        self.table.borrow().entries.get(index)?.as_ref().map(|e| e.value.clone())
    }

    /// The value at entry position `index` if that entry's key is `name` (for caches that
    /// guess the position, as instances of a class store their attributes in one order).
    #[inline]
    #[must_use]
    pub fn value_at_key(&self, index: usize, name: &PyStr) -> Option<Value> {
        let table = self.table.borrow();
        let entry = table.entries.get(index)?.as_ref()?;
        entry.key.as_str().is_some_and(|k| k.eq_str(name)).then(|| entry.value.clone())
    }

    /// Replaces the value at entry position `index` if that entry's key is `name`, and
    /// returns the old value for the caller to drop; gives `value` back otherwise.
    ///
    /// # Errors
    /// `value`, when the entry at `index` is not `name`'s.
    #[inline]
    pub fn replace_at_key(&self, index: usize, name: &PyStr, value: Value) -> Result<Value, Value> {
        let matches = {
            let table = self.table.borrow();
            table
                .entries
                .get(index)
                .and_then(Option::as_ref)
                .is_some_and(|e| e.key.as_str().is_some_and(|k| k.eq_str(name)))
        };
        if !matches {
            return Err(value);
        }
        self.bump();
        let mut table = self.table.borrow_mut();
        match table.entries[index].as_mut() {
            Some(entry) => Ok(std::mem::replace(&mut entry.value, value)),
            None => Err(value),
        }
    }

    /// Probes for `key` without running Python code; `skip` lists candidates already
    /// compared unequal by `__eq__`.
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        let table = self.table.borrow();
        let mut slow = None;
        for index in table.candidates(hash) {
            let Some(entry) = &table.entries[index] else { continue };
            if entry.hash != hash || skip.contains(&index) {
                continue;
            }
            if entry.key.is(key) {
                return Probe::Found(index);
            }
            match protocol::eq_fast(&entry.key, key) {
                Some(true) => return Probe::Found(index),
                Some(false) => {}
                None => {
                    if slow.is_none() {
                        slow = Some((index, entry.key.clone()));
                    }
                }
            }
        }
        match slow {
            Some((index, candidate)) => Probe::NeedsEq(index, candidate),
            None => Probe::Missing,
        }
    }

    /// Finds the entry index of `key`, running `__eq__` where needed.
    fn find(&self, ctx: &mut Ctx, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let mut skip = Vec::new();
        loop {
            match self.probe(key, hash, &skip) {
                Probe::Found(index) => return Ok(Some(index)),
                Probe::Missing => return Ok(None),
                Probe::NeedsEq(index, candidate) => {
                    let version = self.version();
                    let equal = protocol::eq(ctx, &candidate, key)?;
                    if self.version() != version {
                        skip.clear();
                        continue;
                    }
                    if equal {
                        return Ok(Some(index));
                    }
                    skip.push(index);
                }
            }
        }
    }

    /// `d.get(key)`.
    pub fn get_item(&self, ctx: &mut Ctx, key: &Value) -> PyResult<Option<Value>> {
        let hash = protocol::hash(ctx, key)?;
        self.get_item_hashed(ctx, key, hash)
    }

    /// `d.get(key)` with the key's hash known.
    pub fn get_item_hashed(&self, ctx: &mut Ctx, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        {
            let table = self.table.borrow();
            if let Some(found) = lookup_fast(&table, key, hash) {
                return Ok(found.and_then(|index| table.entries[index].as_ref().map(|e| e.value.clone())));
            }
        }
        Ok(self
            .find(ctx, key, hash)?
            .and_then(|index| self.table.borrow().entries[index].as_ref().map(|e| e.value.clone())))
    }

    /// `d[key]` when neither hashing `key` nor comparing it with the keys on its probe runs
    /// Python code ([`protocol::hash_fast`], [`protocol::eq_fast`]): `Some(Some(value))`
    /// found, `Some(None)` missing; `None` when the lookup needs the general way
    /// ([`PyDict::get_item`]), which raises for an unhashable key.
    #[inline]
    #[must_use]
    pub fn get_fast(&self, key: &Value) -> Option<Option<Value>> {
        let hash = protocol::hash_fast(key)?;
        let table = self.table.borrow();
        let found = lookup_fast(&table, key, hash)?;
        Some(found.and_then(|index| table.entries[index].as_ref().map(|e| e.value.clone())))
    }

    /// `key in d` when it runs no Python code (as [`PyDict::get_fast`]); `None` for the
    /// general way.
    #[inline]
    #[must_use]
    pub fn contains_fast(&self, key: &Value) -> Option<bool> {
        let hash = protocol::hash_fast(key)?;
        lookup_fast(&self.table.borrow(), key, hash).map(|found| found.is_some())
    }

    /// `d[key] = value` when it runs no Python code (as [`PyDict::get_fast`]); returns the
    /// value it replaced, for the caller to drop.
    ///
    /// # Errors
    /// `key` and `value` back, nothing changed, when the store needs the general way
    /// ([`PyDict::set_item`]).
    #[inline]
    pub fn store_fast(&self, key: Value, value: Value) -> Result<Option<Value>, (Value, Value)> {
        let Some(hash) = protocol::hash_fast(&key) else { return Err((key, value)) };
        let Some(found) = probe_fast(&self.table.borrow(), &key, hash) else { return Err((key, value)) };
        self.bump();
        match found {
            Ok(index) => {
                let mut table = self.table.borrow_mut();
                if let Some(entry) = table.entries[index].as_mut() {
                    return Ok(Some(std::mem::replace(&mut entry.value, value)));
                }
                drop(table);
                self.note_new_key(&key);
                self.table.borrow_mut().push(Entry { hash, key, value });
            }
            Err(slot) => {
                self.note_new_key(&key);
                self.table.borrow_mut().push_probed(Entry { hash, key, value }, slot);
            }
        }
        Ok(None)
    }

    /// Looks up a str key without running Python code (str keys compare by content).
    #[must_use]
    pub fn get_str(&self, name: &PyStr) -> Option<Value> {
        let hash = name.hash();
        let table = self.table.borrow();
        for index in table.candidates(hash) {
            let Some(entry) = &table.entries[index] else { continue };
            if entry.hash == hash && entry.key.as_str().is_some_and(|k| k.eq_str(name)) {
                return Some(entry.value.clone());
            }
        }
        None
    }

    /// `d[key] = value`.
    pub fn set_item(&self, ctx: &mut Ctx, key: Value, value: Value) -> PyResult<()> {
        let hash = protocol::hash(ctx, &key)?;
        self.set_item_hashed(ctx, key, hash, value)
    }

    /// `d[key] = value` with the key's hash known.
    pub fn set_item_hashed(&self, ctx: &mut Ctx, key: Value, hash: i64, value: Value) -> PyResult<()> {
        let fast = lookup_fast(&self.table.borrow(), &key, hash);
        let found = match fast {
            Some(found) => found,
            None => self.find(ctx, &key, hash)?,
        };
        self.bump();
        let old = {
            let mut table = self.table.borrow_mut();
            match found.and_then(|i| table.entries[i].as_mut()) {
                Some(entry) => Some(std::mem::replace(&mut entry.value, value)),
                None => {
                    drop(table);
                    self.note_new_key(&key);
                    self.table.borrow_mut().push(Entry { hash, key, value });
                    None
                }
            }
        };
        drop(old);
        Ok(())
    }

    /// Stores `value` under `key`, a str, without running Python code (str keys compare by
    /// content, as in [`PyDict::get_str`]); returns the value it replaced, for the caller to
    /// drop.
    ///
    /// # Errors
    /// `value`, when `key` is not a str.
    pub fn store_str(&self, key: &Value, value: Value) -> Result<Option<Value>, Value> {
        let Some(name) = key.as_str() else { return Err(value) };
        let hash = name.hash();
        self.bump();
        let mut table = self.table.borrow_mut();
        let position = table.candidates(hash).find(|&i| {
            table.entries[i].as_ref().is_some_and(|e| e.hash == hash && e.key.as_str().is_some_and(|k| k.eq_str(name)))
        });
        match position.and_then(|p| table.entries[p].as_mut()) {
            Some(entry) => Ok(Some(std::mem::replace(&mut entry.value, value))),
            None => {
                drop(table);
                self.note_new_key(key);
                self.table.borrow_mut().push(Entry { hash, key: key.clone(), value });
                Ok(None)
            }
        }
    }

    /// Stores a str key (module and type namespaces); never runs Python code.
    pub fn set_str(&self, name: &str, value: Value) {
        let key = PyStr::from_str(name);
        let found = self.get_str(&key).is_some();
        let key = Value::Obj(ObjRef::new(key, Some(&types().str)));
        let mut ctx_free = NoCtx;
        ctx_free.set(self, key, value, found);
    }

    /// Removes `key`; returns its value, or `None` if missing.
    pub fn remove(&self, ctx: &mut Ctx, key: &Value) -> PyResult<Option<Value>> {
        let hash = protocol::hash(ctx, key)?;
        self.remove_hashed(ctx, key, hash)
    }

    /// Removes `key`, whose hash is known; returns its value, or `None` if missing.
    pub fn remove_hashed(&self, ctx: &mut Ctx, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        let Some(position) = self.find(ctx, key, hash)? else { return Ok(None) };
        self.bump();
        let removed = {
            let mut table = self.table.borrow_mut();
            table.unindex(position, hash);
            table.len -= 1;
            table.entries[position].take()
        };
        self.compact_if_sparse();
        Ok(removed.map(|e| e.value))
    }

    /// Removes a str key without running Python code (as [`PyDict::get_str`] looks it up);
    /// returns its value, for the caller to drop.
    pub fn remove_str(&self, name: &PyStr) -> Option<Value> {
        let hash = name.hash();
        let position = {
            let table = self.table.borrow();
            table.candidates(hash).find(|&i| {
                table.entries[i]
                    .as_ref()
                    .is_some_and(|e| e.hash == hash && e.key.as_str().is_some_and(|k| k.eq_str(name)))
            })
        }?;
        self.bump();
        let removed = {
            let mut table = self.table.borrow_mut();
            table.unindex(position, hash);
            table.len -= 1;
            table.entries[position].take()
        };
        self.compact_if_sparse();
        removed.map(|e| e.value)
    }

    fn compact_if_sparse(&self) {
        let mut table = self.table.borrow_mut();
        if table.entries.len() < 16 || table.len * 2 > table.entries.len() {
            return;
        }
        table.entries.retain(Option::is_some);
        table.rebuild_index();
    }

    /// The items in order (a snapshot).
    #[must_use]
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// The keys in order (a snapshot).
    #[must_use]
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().entries.iter().flatten().map(|e| e.key.clone()).collect()
    }

    /// The entry at or after position `index` of the entry vector, for iterators:
    /// returns the entry and the position after it.
    #[must_use]
    pub fn entry_from(&self, index: usize) -> Option<(usize, Value, Value)> {
        let table = self.table.borrow();
        let entries = table.entries.get(index..)?;
        entries
            .iter()
            .enumerate()
            .find_map(|(i, e)| e.as_ref().map(|e| (index + i + 1, e.key.clone(), e.value.clone())))
    }

    /// The key of the entry at or after position `index`, and the position after it.
    #[inline]
    #[must_use]
    pub fn key_from(&self, index: usize) -> Option<(usize, Value)> {
        let table = self.table.borrow();
        let entries = table.entries.get(index..)?;
        entries.iter().enumerate().find_map(|(i, e)| e.as_ref().map(|e| (index + i + 1, e.key.clone())))
    }

    /// The value of the entry at or after position `index`, and the position after it.
    #[inline]
    #[must_use]
    pub fn value_from(&self, index: usize) -> Option<(usize, Value)> {
        let table = self.table.borrow();
        let entries = table.entries.get(index..)?;
        entries.iter().enumerate().find_map(|(i, e)| e.as_ref().map(|e| (index + i + 1, e.value.clone())))
    }

    /// `sum(d.values(), start)` when it needs no Python code: every value and `start` are
    /// inline ints whose running total stays an inline int, or all are floats (added in
    /// order, as CPython 3.11's `sum`). `None` for anything else, having changed nothing,
    /// so the caller can sum through the iterator from the start.
    #[must_use]
    pub fn sum_numeric_values(&self, start: &Value) -> Option<Value> {
        let table = self.table.borrow();
        let values = table.entries.iter().filter_map(|e| e.as_ref().map(|e| &e.value));
        match start {
            Value::Int(start) => {
                let mut total = *start;
                for value in values {
                    let Value::Int(i) = value else { return None };
                    total = total.checked_add(*i)?;
                }
                Some(Value::Int(total))
            }
            Value::Float(start) => {
                let mut total = *start;
                for value in values {
                    let Value::Float(f) = value else { return None };
                    total += *f;
                }
                Some(Value::float(total))
            }
            _ => None,
        }
    }

    /// The number of entry positions (live and deleted), for reverse iterators.
    #[must_use]
    pub fn positions(&self) -> usize {
        self.table.borrow().entries.len()
    }

    /// The last live entry before position `index`: its position, key and value.
    #[must_use]
    pub fn entry_before(&self, index: usize) -> Option<(usize, Value, Value)> {
        let table = self.table.borrow();
        let end = index.min(table.entries.len());
        table.entries[..end]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, e)| e.as_ref().map(|e| (i, e.key.clone(), e.value.clone())))
    }

    /// Removes and returns the last item (`dict.popitem()`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        self.bump();
        self.unshare();
        let removed = {
            let mut table = self.table.borrow_mut();
            let position = table.entries.iter().rposition(Option::is_some)?;
            let entry = table.entries[position].take()?;
            table.unindex(position, entry.hash);
            table.entries.truncate(position);
            table.len -= 1;
            entry
        };
        Some((removed.key, removed.value))
    }

    /// Removes every item.
    pub fn clear_items(&self) {
        self.bump();
        self.unshare();
        let old = self.table.replace(Table::default());
        drop(old);
    }
}

/// Inserting str keys needs no context: their hash and equality never run Python code.
struct NoCtx;

impl NoCtx {
    fn set(&mut self, dict: &PyDict, key: Value, value: Value, exists: bool) {
        let Some(name) = key.as_str() else { return };
        let hash = name.hash();
        dict.bump();
        let old = {
            let mut table = dict.table.borrow_mut();
            if exists {
                let position = table.candidates(hash).find(|&i| {
                    table.entries[i].as_ref().is_some_and(|e| e.key.as_str().is_some_and(|k| k.eq_str(name)))
                });
                position.and_then(|p| table.entries[p].as_mut()).map(|e| std::mem::replace(&mut e.value, value))
            } else {
                drop(table);
                dict.note_new_key(&key);
                dict.table.borrow_mut().push(Entry { hash, key: key.clone(), value });
                None
            }
        };
        drop(old);
    }
}
