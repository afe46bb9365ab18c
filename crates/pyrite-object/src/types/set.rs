//! `set` and `frozenset`: the hash table of CPython's `setobject.c`.
//!
//! Open addressing with runs of `LINEAR_PROBES` linear probes and then perturbed jumps,
//! dummy slots for deleted keys, and the same table sizes and resizing rules, so that
//! iteration order is the same as CPython's. Comparing keys may run Python code that
//! mutates the set; lookups copy the candidate key out, release the borrow, compare, and
//! restart when the table changed meanwhile.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::ctx::Ctx;
use crate::error::PyResult;
use crate::protocol;
use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The smallest table size.
pub const MIN_SIZE: usize = 8;

/// One slot of the table.
#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active(i64, Value),
}

/// The table: slots, `fill` (active + dummy), `used` (active), and the `pop` finger.
#[derive(Clone)]
pub struct SetTable {
    pub slots: Vec<Slot>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }
}

/// The payload of set and frozenset objects.
pub struct PySet {
    pub table: PayloadCell<SetTable>,
    version: Cell<u64>,
    /// Cached hash of a frozenset (-1: not computed).
    pub hash: Cell<i64>,
}

impl Trace for PySet {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for slot in &self.table.borrow().slots {
            if let Slot::Active(_, k) = slot {
                k.traverse(visit);
            }
        }
    }

    fn clear(&self) {
        drop(self.table.replace(SetTable::default()));
    }
}

payload!(PySet, "set", tracked);

impl Default for PySet {
    fn default() -> Self {
        PySet { table: PayloadCell::new(SetTable::default()), version: Cell::new(0), hash: Cell::new(-1) }
    }
}

#[expect(clippy::cast_sign_loss, reason = "the table indexes by the bits of the hash")]
fn bits(hash: i64) -> usize {
    hash as u64 as usize
}

/// Where a lookup ended.
enum Lookup {
    Found(usize),
    /// Not found: the first dummy slot passed, and the empty slot that ended the probe.
    Vacant(Option<usize>, usize),
}

fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
    let mask = slots.len() - 1;
    let mut perturb = bits(hash);
    let mut i = bits(hash) & mask;
    loop {
        if matches!(slots[i], Slot::Empty) {
            slots[i] = Slot::Active(hash, key);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if matches!(slots[i + j], Slot::Empty) {
                    slots[i + j] = Slot::Active(hash, key);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

impl PySet {
    /// A set payload with the given items added in order.
    pub fn from_values(ctx: &mut Ctx, items: Vec<Value>) -> PyResult<PySet> {
        let set = PySet::default();
        for item in items {
            set.add(ctx, item)?;
        }
        Ok(set)
    }

    /// An empty payload.
    #[must_use]
    pub fn empty() -> PySet {
        PySet::default()
    }

    /// Number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    /// Whether the set is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes on every mutation.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    fn lookup(&self, ctx: &mut Ctx, key: &Value, hash: i64) -> PyResult<Lookup> {
        // The first slot settles most lookups: empty, or the key itself (`is` covers equal
        // small ints).
        {
            let table = self.table.borrow();
            let i = bits(hash) & (table.slots.len() - 1);
            match &table.slots[i] {
                Slot::Empty => return Ok(Lookup::Vacant(None, i)),
                Slot::Active(h, k) if *h == hash && k.is(key) => return Ok(Lookup::Found(i)),
                _ => {}
            }
        }
        'restart: loop {
            let version = self.version();
            let mask = self.table.borrow().slots.len() - 1;
            let mut perturb = bits(hash);
            let mut i = bits(hash) & mask;
            let mut free = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in 0..=probes {
                    let index = i + j;
                    let candidate = {
                        let table = self.table.borrow();
                        match &table.slots[index] {
                            Slot::Empty => return Ok(Lookup::Vacant(free, index)),
                            Slot::Dummy => {
                                if free.is_none() {
                                    free = Some(index);
                                }
                                None
                            }
                            Slot::Active(h, k) if *h == hash => {
                                if k.is(key) {
                                    return Ok(Lookup::Found(index));
                                }
                                match protocol::eq_fast(k, key) {
                                    Some(true) => return Ok(Lookup::Found(index)),
                                    Some(false) => None,
                                    None => Some(k.clone()),
                                }
                            }
                            Slot::Active(..) => None,
                        }
                    };
                    if let Some(candidate) = candidate {
                        let equal = protocol::eq(ctx, &candidate, key)?;
                        if self.version() != version {
                            continue 'restart;
                        }
                        if equal {
                            return Ok(Lookup::Found(index));
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    /// `key in s` when neither hashing `key` nor comparing it with the keys on its probe
    /// runs Python code ([`protocol::hash_fast`], [`protocol::eq_fast`]); `None` when the
    /// lookup needs the general way ([`PySet::contains`]).
    #[must_use]
    pub fn contains_fast(&self, key: &Value) -> Option<bool> {
        let hash = protocol::hash_fast(key)?;
        let table = self.table.borrow();
        let mask = table.slots.len() - 1;
        let mut perturb = bits(hash);
        let mut i = bits(hash) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for slot in &table.slots[i..=i + probes] {
                match slot {
                    Slot::Empty => return Some(false),
                    Slot::Active(h, k) if *h == hash => {
                        if k.is(key) || protocol::eq_fast(k, key)? {
                            return Some(true);
                        }
                    }
                    Slot::Dummy | Slot::Active(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `s.add(key)` when it runs no Python code (as [`PySet::contains_fast`]).
    ///
    /// # Errors
    /// `key` back, nothing changed, when the add needs the general way ([`PySet::add`]).
    pub fn add_fast_unhashed(&self, key: Value) -> Result<(), Value> {
        match protocol::hash_fast(&key) {
            Some(hash) => self.add_fast(key, hash),
            None => Err(key),
        }
    }

    /// Whether `key` (with its hash) is in the set.
    pub fn contains_hashed(&self, ctx: &mut Ctx, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(ctx, key, hash)?, Lookup::Found(_)))
    }

    /// `key in s`.
    pub fn contains(&self, ctx: &mut Ctx, key: &Value) -> PyResult<bool> {
        let hash = protocol::hash(ctx, key)?;
        self.contains_hashed(ctx, key, hash)
    }

    /// `s.add(key)`.
    pub fn add(&self, ctx: &mut Ctx, key: Value) -> PyResult<()> {
        let hash = protocol::hash(ctx, &key)?;
        self.add_hashed(ctx, key, hash)
    }

    /// Adds `key` in one pass when no candidate on its probe needs Python's `__eq__`;
    /// gives `key` back otherwise (nothing changed), for the general way.
    fn add_fast(&self, key: Value, hash: i64) -> Result<(), Value> {
        let resize = {
            let mut table = self.table.borrow_mut();
            let mask = table.slots.len() - 1;
            let mut perturb = bits(hash);
            let mut i = bits(hash) & mask;
            let mut free = None;
            let empty = 'probe: loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for index in i..=i + probes {
                    match &table.slots[index] {
                        Slot::Empty => break 'probe index,
                        Slot::Dummy => {
                            if free.is_none() {
                                free = Some(index);
                            }
                        }
                        Slot::Active(h, k) if *h == hash => {
                            if k.is(&key) {
                                return Ok(());
                            }
                            match protocol::eq_fast(k, &key) {
                                Some(true) => return Ok(()),
                                Some(false) => {}
                                None => return Err(key),
                            }
                        }
                        Slot::Active(..) => {}
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            };
            table.used += 1;
            if let Some(free) = free {
                table.slots[free] = Slot::Active(hash, key);
                None
            } else {
                table.slots[empty] = Slot::Active(hash, key);
                table.fill += 1;
                if table.fill * 5 < mask * 3 {
                    None
                } else {
                    Some(if table.used > 50_000 { table.used * 2 } else { table.used * 4 })
                }
            }
        };
        self.bump();
        if let Some(minused) = resize {
            self.resize(minused);
        }
        Ok(())
    }

    /// `s.add(key)` with the hash known.
    pub fn add_hashed(&self, ctx: &mut Ctx, key: Value, hash: i64) -> PyResult<()> {
        let key = match self.add_fast(key, hash) {
            Ok(()) => return Ok(()),
            Err(key) => key,
        };
        let found = self.lookup(ctx, &key, hash)?;
        self.bump();
        let resize = {
            let mut table = self.table.borrow_mut();
            match found {
                Lookup::Found(_) => return Ok(()),
                Lookup::Vacant(Some(free), _) => {
                    table.slots[free] = Slot::Active(hash, key);
                    table.used += 1;
                    None
                }
                Lookup::Vacant(None, empty) => {
                    table.slots[empty] = Slot::Active(hash, key);
                    table.used += 1;
                    table.fill += 1;
                    let mask = table.slots.len() - 1;
                    if table.fill * 5 < mask * 3 {
                        None
                    } else {
                        Some(if table.used > 50_000 { table.used * 2 } else { table.used * 4 })
                    }
                }
            }
        };
        if let Some(minused) = resize {
            self.resize(minused);
        }
        Ok(())
    }

    /// CPython's `set_table_resize`.
    pub fn resize(&self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let mut table = self.table.borrow_mut();
        let old = std::mem::replace(&mut table.slots, vec![Slot::Empty; size]);
        table.fill = table.used;
        for slot in old {
            if let Slot::Active(h, k) = slot {
                insert_clean(&mut table.slots, h, k);
            }
        }
        drop(table);
        self.bump();
    }

    /// Removes `key`; whether it was present.
    pub fn discard_hashed(&self, ctx: &mut Ctx, key: &Value, hash: i64) -> PyResult<bool> {
        let Lookup::Found(index) = self.lookup(ctx, key, hash)? else {
            return Ok(false);
        };
        self.bump();
        let old = {
            let mut table = self.table.borrow_mut();
            table.used -= 1;
            std::mem::replace(&mut table.slots[index], Slot::Dummy)
        };
        drop(old);
        Ok(true)
    }

    /// Removes `key`; whether it was present.
    pub fn discard(&self, ctx: &mut Ctx, key: &Value) -> PyResult<bool> {
        let hash = protocol::hash(ctx, key)?;
        self.discard_hashed(ctx, key, hash)
    }

    /// `s.pop()`: `None` when empty.
    pub fn pop(&self) -> Option<Value> {
        let mut table = self.table.borrow_mut();
        if table.used == 0 {
            return None;
        }
        let mask = table.slots.len() - 1;
        let mut i = table.finger & mask;
        while !matches!(table.slots[i], Slot::Active(..)) {
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut table.slots[i], Slot::Dummy);
        table.used -= 1;
        table.finger = i + 1;
        drop(table);
        self.bump();
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    /// Exchanges the contents of two sets (CPython's `set_swap_bodies`).
    pub fn swap_table(&self, other: &PySet) {
        let mine = self.table.replace(SetTable::default());
        let theirs = other.table.replace(mine);
        drop(self.table.replace(theirs));
        self.bump();
        other.bump();
        self.hash.set(-1);
        other.hash.set(-1);
    }

    /// Removes every item (back to the smallest table).
    pub fn clear_items(&self) {
        let old = self.table.replace(SetTable::default());
        self.bump();
        drop(old);
    }

    /// The active entries (hash, key) in table order.
    #[must_use]
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    /// The keys in table order.
    #[must_use]
    pub fn keys(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }

    /// The active entry at or after slot `index`, and the slot after it (for iterators).
    #[must_use]
    pub fn entry_from(&self, index: usize) -> Option<(usize, Value)> {
        let table = self.table.borrow();
        table.slots.iter().enumerate().skip(index).find_map(|(i, s)| match s {
            Slot::Active(_, k) => Some((i + 1, k.clone())),
            _ => None,
        })
    }

    /// CPython's `set_merge`: adds every item of another set.
    pub fn merge(&self, ctx: &mut Ctx, other: &PySet) -> PyResult<()> {
        let other_table = other.table.borrow().clone();
        let (fill, used, mask) = {
            let t = self.table.borrow();
            (t.fill, t.used, t.slots.len() - 1)
        };
        if other_table.used == 0 {
            return Ok(());
        }
        if (fill + other_table.used) * 5 >= mask * 3 {
            self.resize((used + other_table.used) * 2);
        }
        let (fill, mask) = {
            let t = self.table.borrow();
            (t.fill, t.slots.len() - 1)
        };
        if fill == 0 {
            self.bump();
            let mut table = self.table.borrow_mut();
            if mask == other_table.slots.len() - 1 && other_table.fill == other_table.used {
                table.slots = other_table.slots;
            } else {
                for slot in other_table.slots {
                    if let Slot::Active(h, k) = slot {
                        insert_clean(&mut table.slots, h, k);
                    }
                }
            }
            table.fill = other_table.used;
            table.used = other_table.used;
            return Ok(());
        }
        for slot in other_table.slots {
            if let Slot::Active(h, k) = slot {
                self.add_hashed(ctx, k, h)?;
            }
        }
        Ok(())
    }

    /// Resizes away dummies when more than a quarter of the table is dummies (after
    /// `difference_update`).
    pub fn shrink_dummies(&self) {
        let (fill, used, mask) = {
            let t = self.table.borrow();
            (t.fill, t.used, t.slots.len() - 1)
        };
        if fill - used > mask / 4 {
            self.resize(if used > 50_000 { used * 2 } else { used * 4 });
        }
    }

    /// The hash of a frozenset, as CPython computes it.
    #[must_use]
    pub fn frozenset_hash(&self) -> i64 {
        if self.hash.get() != -1 {
            return self.hash.get();
        }
        let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
        let mut hash: u64 = 0;
        let table = self.table.borrow();
        for slot in &table.slots {
            if let Slot::Active(h, _) = slot {
                #[expect(clippy::cast_sign_loss, reason = "hash bits")]
                let h = *h as u64;
                hash ^= shuffle(h);
            }
        }
        hash ^= (table.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            hash = 590_923_713;
        }
        #[expect(clippy::cast_possible_wrap, reason = "hash bits")]
        let result = hash as i64;
        self.hash.set(result);
        result
    }
}
