//! The type attribute cache: what a name resolves to along a class's MRO, remembered per
//! (type version tag, name) so generic attribute access skips the MRO walk (the idea of
//! CPython's method cache).
//!
//! Only classes defined in Python (heap types) are cached: their dicts change only through
//! paths that bump the version (`type.__setattr__`, class creation), whereas native types
//! get their dicts filled by Rust code after creation without any bump.
//!
//! Memory safety does not rest on version bumps alone. An entry holds the found value as a
//! *borrowed* copy, together with the dict it was found in and that dict's version: a hit
//! needs the type's version unchanged (so its MRO, which owns every dict along it, is the
//! same) and that dict's version unchanged (so the dict still holds the value). Dict
//! versions are unique and change on every mutation, including the cycle collector's
//! clearing. Type versions are unique too (they never wrap; a type whose version is the
//! spent tag 0 is not cached), so an entry for a freed type never matches again (and its
//! dict pointer is then never read). The only strong references an entry holds are to
//! its name, an exact `str`: no referents, nothing hidden from the collector.

use std::mem::ManuallyDrop;

use pyrite_memory::{GilCell, ObjRef};

use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::types::typeobj::{TYPE_HEAPTYPE, TypeObject, type_payload};
use crate::value::Value;

const BITS: u32 = 12;
const SIZE: usize = 1 << BITS;

struct Entry {
    /// The type's version tag when filled (0: empty; tags start at 1).
    version: u32,
    /// The name's hash (a quick filter before comparing text).
    hash: i64,
    /// The name's payload, for an identity check before comparing text.
    name_ptr: *const PyStr,
    /// The name (strong: keeps `name_ptr` valid and its text comparable).
    name: Option<ObjRef>,
    /// The dict the value was found in (null: the name is absent along the MRO).
    dict: *const PyDict,
    /// That dict's version when filled.
    dict_version: u64,
    /// The value found, borrowed (no count held): valid while `dict_version` matches.
    value: ManuallyDrop<Value>,
}

impl Entry {
    const EMPTY: Entry = Entry {
        version: 0,
        hash: 0,
        name_ptr: std::ptr::null(),
        name: None,
        dict: std::ptr::null(),
        dict_version: 0,
        value: ManuallyDrop::new(Value::None),
    };
}

static CACHE: GilCell<[Entry; SIZE]> = GilCell::new([const { Entry::EMPTY }; SIZE]);

#[inline]
#[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "mixing hash bits into an index")]
fn index(version: u32, hash: i64) -> usize {
    let mixed = (hash as u64) ^ u64::from(version).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17);
    (mixed ^ (mixed >> 29)) as usize & (SIZE - 1)
}

/// The outcome of probing the cache.
enum Probe {
    Hit(Option<Value>),
    Miss,
}

/// Finds `name` along the MRO of the type whose payload is `payload` (no descriptors are
/// invoked), through the cache.
/// `name_obj`, when given, is the str object whose payload is `name`: only then can a miss
/// be remembered (the entry keeps the name alive).
#[inline]
pub(crate) fn lookup(payload: &TypeObject, name: &PyStr, name_obj: Option<&ObjRef>) -> Option<Value> {
    // Native types are not cached (see above), nor types whose version is the spent tag 0.
    let version = payload.version.get();
    if payload.flags.get() & TYPE_HEAPTYPE == 0 || version == 0 {
        return walk(payload, name).map(|(value, _, _)| value);
    }
    let hash = name.hash();
    let slot = index(version, hash);
    // SAFETY: only the GIL holder runs this; the closure clones a value (a count
    // increment) and reads a dict's version, neither of which re-enters the cache.
    let probe = unsafe {
        CACHE.with(|cache| {
            let e = &cache[slot];
            if e.version != version || e.hash != hash {
                return Probe::Miss;
            }
            let same_name = std::ptr::eq(e.name_ptr, name)
                || e.name.as_ref().and_then(|n| n.downcast::<PyStr>()).is_some_and(|n| n.eq_str(name));
            if !same_name {
                return Probe::Miss;
            }
            if e.dict.is_null() {
                return Probe::Hit(None);
            }
            // SAFETY: the type's version is unchanged, so its MRO (which owns the types
            // that own their dicts) is the one the entry was filled from: the dict lives.
            if (*e.dict).version() != e.dict_version {
                return Probe::Miss;
            }
            Probe::Hit(Some((*e.value).clone()))
        })
    };
    match probe {
        Probe::Hit(found) => found,
        Probe::Miss => fill(payload, version, hash, slot, name, name_obj),
    }
}

/// A miss: walks the MRO and remembers the outcome when the name object is at hand.
#[inline(never)]
fn fill(
    payload: &TypeObject,
    version: u32,
    hash: i64,
    slot: usize,
    name: &PyStr,
    name_obj: Option<&ObjRef>,
) -> Option<Value> {
    let found = walk(payload, name);
    if let Some(name_obj) = name_obj.filter(|n| n.type_ref().is_same(&types().str)) {
        let (dict, dict_version, value) = match &found {
            Some((value, dict, dict_version)) => (*dict, *dict_version, value),
            None => (std::ptr::null(), 0, &Value::None),
        };
        let fresh = Entry {
            version,
            hash,
            name_ptr: name,
            name: Some(name_obj.clone()),
            dict,
            dict_version,
            // SAFETY: a bitwise copy that holds no count (see `Entry::value`); it is only
            // cloned while the dict that owns the original still holds it.
            value: ManuallyDrop::new(unsafe { std::ptr::read(value) }),
        };
        // SAFETY: only the GIL holder runs this; the closure only swaps an entry.
        let old = unsafe { CACHE.with(|cache| std::mem::replace(&mut cache[slot], fresh)) };
        // The replaced entry's name (a str) is released outside the cache; its borrowed
        // value is not ours to drop.
        drop(old.name);
    }
    found.map(|(value, _, _)| value)
}

/// Walks the MRO: the value, the dict it was found in and that dict's version.
fn walk(payload: &TypeObject, name: &PyStr) -> Option<(Value, *const PyDict, u64)> {
    // `get_str` runs no Python code and frees nothing, so the MRO may stay borrowed.
    let mro = payload.mro.borrow();
    mro.iter().find_map(|class| {
        let dict = type_payload(class).dict.downcast::<PyDict>()?;
        let value = dict.get_str(name)?;
        Some((value, std::ptr::from_ref(dict), dict.version()))
    })
}
