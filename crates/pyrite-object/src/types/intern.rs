//! The str intern table: one canonical object per text for names (as CPython's interned
//! strings), so that the names in different code objects, the keys of namespaces and the
//! names native types register are the same object, and dict and attribute-cache lookups
//! match by identity instead of comparing text.
//!
//! Interned strs are immortal: the table holds a strong reference to each, and nothing is
//! ever removed. CPython 3.11 keeps borrowed references and lets an interned str die (its
//! dealloc removes it from the table); that needs a hook in the str's drop, which the
//! generic object header does not have, for little gain: the interned texts are names from
//! code and the identifier-like constants, a set that stops growing once a program's code
//! is loaded (only `sys.intern` and `setattr` with names built at run time add more).
//! A str has no referents, so the table's references are plain outside references to the
//! cycle collector: nothing is hidden from it.

use pyrite_memory::{FLAG_INTERNED, GilCell, ObjRef};

use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::value::Value;

/// Open addressing on the str's own (cached) hash, linear probing, no deletion.
struct Table {
    slots: Vec<Option<ObjRef>>,
    len: usize,
}

static TABLE: GilCell<Table> = GilCell::new(Table { slots: Vec::new(), len: 0 });

impl Table {
    #[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "hash bits to an index")]
    fn start(&self, hash: i64) -> usize {
        (hash as u64 as usize) & (self.slots.len() - 1)
    }

    /// The canonical object equal to `text` (whose object is `obj`), inserting `obj` when
    /// there is none.
    fn intern(&mut self, obj: &ObjRef, text: &PyStr) -> ObjRef {
        if (self.len + 1) * 3 >= self.slots.len() * 2 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.start(text.hash());
        loop {
            match &self.slots[i] {
                Some(found) => {
                    if found.downcast::<PyStr>().is_some_and(|f| f.eq_str(text)) {
                        return found.clone();
                    }
                }
                None => {
                    obj.set_flags(FLAG_INTERNED);
                    self.slots[i] = Some(obj.clone());
                    self.len += 1;
                    return obj.clone();
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, (0..size).map(|_| None).collect());
        for obj in old.into_iter().flatten() {
            let hash = obj.downcast::<PyStr>().map_or(0, PyStr::hash);
            let mut i = self.start(hash);
            while self.slots[i].is_some() {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = Some(obj);
        }
    }
}

/// Whether `obj` is an exact str (str subclasses are never interned, as in CPython).
fn is_exact_str(obj: &ObjRef) -> bool {
    obj.type_ref().is_same(&types().str)
}

/// The canonical object for the text of `obj`, an exact str (any other object is returned
/// as it is).
#[must_use]
pub fn intern(obj: &ObjRef) -> ObjRef {
    if obj.flags() & FLAG_INTERNED != 0 || !is_exact_str(obj) {
        return obj.clone();
    }
    let Some(text) = obj.downcast::<PyStr>() else { return obj.clone() };
    // SAFETY: only the GIL holder runs this; the closure hashes and compares strs and moves
    // references (no drop, no Python code), so it never re-enters the table.
    unsafe { TABLE.with(|table| table.intern(obj, text)) }
}

/// [`intern`] for a value: exact strs become their canonical object, anything else is
/// returned unchanged.
#[must_use]
pub fn intern_value(value: Value) -> Value {
    match &value {
        Value::Obj(obj) if obj.flags() & FLAG_INTERNED == 0 && is_exact_str(obj) => Value::Obj(intern(obj)),
        _ => value,
    }
}

/// The canonical str object for Rust text (a name spelled in native code or compiled code).
#[must_use]
pub fn intern_str(text: &str) -> ObjRef {
    intern(&PyStr::new_obj(text))
}

/// Whether `obj` is an interned str.
#[must_use]
pub fn is_interned(obj: &ObjRef) -> bool {
    obj.flags() & FLAG_INTERNED != 0
}

/// Whether a constant str is interned by the compiler, as CPython's `all_name_chars`: only
/// ASCII letters, digits and underscores.
#[must_use]
pub fn is_name_like(text: &PyStr) -> bool {
    matches!(text.data(), crate::types::str::StrData::Ascii(s) if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// [`intern_value`] for a constant: only identifier-like strs are interned.
#[must_use]
pub fn intern_constant(value: Value) -> Value {
    if value.as_str().is_some_and(is_name_like) { intern_value(value) } else { value }
}

/// Stores `value` under the interned `name` in a namespace dict (a module's or a type's):
/// the names code looks up are interned too, so they then match by identity.
pub fn set_name(d: &PyDict, name: &str, value: Value) {
    let key = Value::Obj(intern_str(name));
    // The key is a str, so the store cannot fail; a replaced value is dropped here, after
    // the dict is no longer borrowed.
    drop(d.store_str(&key, value));
}
