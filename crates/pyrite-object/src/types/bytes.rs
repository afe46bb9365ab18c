//! `bytes`, `bytearray` and `memoryview` payloads: immutable and mutable byte strings and
//! the view that shares their memory.
//!
//! `bytes` caches its hash (SipHash-1-3 over the bytes, as CPython's `_Py_HashBytes`).
//! A `bytearray` counts the memoryviews exported over it; while any is alive it refuses to
//! change size (`BufferError`), so a view's offsets always stay in bounds.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::registry::types;
use crate::value::Value;

/// The payload of a bytes object.
pub struct PyBytes {
    data: Box<[u8]>,
    hash: Cell<Option<i64>>,
}

impl Trace for PyBytes {}
payload!(PyBytes, "bytes", untracked);

impl PyBytes {
    /// The payload for these bytes (not yet an object).
    #[must_use]
    pub fn new(data: Vec<u8>) -> PyBytes {
        PyBytes { data: data.into_boxed_slice(), hash: Cell::new(None) }
    }

    /// A new bytes object.
    #[must_use]
    pub fn new_obj(data: Vec<u8>) -> ObjRef {
        ObjRef::new(PyBytes::new(data), Some(&types().bytes))
    }

    /// The contents.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// `hash(b)`, computed once.
    #[must_use]
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = crate::hash::hash_bytes(&self.data);
        self.hash.set(Some(h));
        h
    }
}

/// The payload of a bytearray object.
#[derive(Default)]
pub struct PyByteArray {
    /// The contents. Never borrowed across anything that may run Python code.
    pub data: PayloadCell<Vec<u8>>,
    /// How many unreleased memoryviews look at the contents.
    pub exports: Cell<usize>,
}

impl Trace for PyByteArray {}
payload!(PyByteArray, "bytearray", untracked);

impl PyByteArray {
    /// The payload for these bytes (not yet an object).
    #[must_use]
    pub fn new(data: Vec<u8>) -> PyByteArray {
        PyByteArray { data: PayloadCell::new(data), exports: Cell::new(0) }
    }

    /// A new bytearray object.
    #[must_use]
    pub fn new_obj(data: Vec<u8>) -> ObjRef {
        ObjRef::new(PyByteArray::new(data), Some(&types().bytearray))
    }

    /// A copy of the contents.
    #[must_use]
    pub fn to_vec(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    /// Number of bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    /// Whether the bytearray is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The payload of a memoryview: a one-dimensional, format `'B'` view of `len` bytes of
/// `obj` (a bytes or bytearray object) starting at `start`, `step` apart.
pub struct PyMemoryView {
    /// The exporting object (`memoryview.obj`).
    pub obj: Value,
    /// Offset of the first byte viewed.
    pub start: usize,
    /// Distance between viewed bytes (negative for reversed slices).
    pub step: isize,
    /// Number of bytes viewed.
    pub len: usize,
    /// Whether writes are refused (views of bytes).
    pub readonly: bool,
    /// Set by `release()`.
    pub released: Cell<bool>,
    /// The `struct` format of the items (`b'B'` unless made by `cast`); items other than
    /// bytes are only viewed contiguously (`step` is 1).
    pub format: u8,
}

impl Trace for PyMemoryView {}
payload!(PyMemoryView, "memoryview", untracked);

impl PyMemoryView {
    /// A new memoryview object, counted as an export of a bytearray. Views of bytes are
    /// always read-only; `readonly` makes a view of a bytearray read-only too.
    #[must_use]
    pub fn new_obj(obj: Value, start: usize, step: isize, len: usize, readonly: bool) -> ObjRef {
        let readonly = readonly || obj.downcast::<PyByteArray>().is_none();
        if let Some(array) = obj.downcast::<PyByteArray>() {
            array.exports.set(array.exports.get() + 1);
        }
        let view = PyMemoryView { obj, start, step, len, readonly, released: Cell::new(false), format: b'B' };
        ObjRef::new(view, Some(&types().memoryview))
    }

    /// A contiguous view of the same bytes as items of `format` (`memoryview.cast`).
    #[must_use]
    pub fn new_cast(&self, format: u8) -> ObjRef {
        let array = self.obj.downcast::<PyByteArray>();
        if let Some(array) = array {
            array.exports.set(array.exports.get() + 1);
        }
        let view = PyMemoryView {
            obj: self.obj.clone(),
            start: self.start,
            step: 1,
            len: self.len,
            readonly: self.readonly,
            released: Cell::new(false),
            format,
        };
        ObjRef::new(view, Some(&types().memoryview))
    }

    /// The size in bytes of one item.
    #[must_use]
    pub fn itemsize(&self) -> usize {
        item_size(self.format).unwrap_or(1)
    }

    /// The number of items viewed (`len(view)`).
    #[must_use]
    pub fn items(&self) -> usize {
        self.len / self.itemsize()
    }

    /// The position in the exporter of the `i`th viewed byte.
    #[must_use]
    pub fn position(&self, i: usize) -> usize {
        let offset = isize::try_from(i).unwrap_or(0) * self.step;
        self.start.checked_add_signed(offset).unwrap_or(0)
    }

    /// The `i`th viewed byte (`None` when out of range or released).
    #[must_use]
    pub fn get(&self, i: usize) -> Option<u8> {
        if self.released.get() || i >= self.len {
            return None;
        }
        let p = self.position(i);
        if let Some(b) = self.obj.downcast::<PyBytes>() {
            return b.as_bytes().get(p).copied();
        }
        self.obj.downcast::<PyByteArray>().and_then(|a| a.data.borrow().get(p).copied())
    }

    /// A copy of the viewed bytes (empty when released).
    #[must_use]
    pub fn to_vec(&self) -> Vec<u8> {
        if self.released.get() {
            return Vec::new();
        }
        let copy = |data: &[u8]| (0..self.len).filter_map(|i| data.get(self.position(i)).copied()).collect();
        if let Some(b) = self.obj.downcast::<PyBytes>() {
            return copy(b.as_bytes());
        }
        if let Some(a) = self.obj.downcast::<PyByteArray>() {
            return copy(&a.data.borrow());
        }
        Vec::new()
    }

    /// Stops counting as an export (idempotent).
    pub fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        if let Some(array) = self.obj.downcast::<PyByteArray>() {
            array.exports.set(array.exports.get().saturating_sub(1));
        }
    }
}

/// The size of an item of a native `struct` format that `memoryview.cast` accepts.
#[must_use]
pub fn item_size(format: u8) -> Option<usize> {
    Some(match format {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'H' | b'h' | b'e' => 2,
        b'I' | b'i' | b'f' => 4,
        b'L' | b'l' | b'Q' | b'q' | b'N' | b'n' | b'P' | b'd' => 8,
        _ => return None,
    })
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        self.release();
    }
}
