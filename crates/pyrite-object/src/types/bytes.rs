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
    /// The buffer size CPython would have allocated (`ob_alloc`, the contents plus a
    /// trailing NUL and over-allocation), for `sys.getsizeof` and `__alloc__`.
    pub alloc: Cell<usize>,
    /// How far CPython's logical start (`ob_start`) has moved into the buffer after
    /// deletions at the front.
    pub start_offset: Cell<usize>,
}

impl Trace for PyByteArray {}
payload!(PyByteArray, "bytearray", untracked);

impl PyByteArray {
    /// The payload for these bytes (not yet an object).
    #[must_use]
    pub fn new(data: Vec<u8>) -> PyByteArray {
        let alloc = if data.is_empty() { 0 } else { data.len() + 1 };
        PyByteArray {
            data: PayloadCell::new(data),
            exports: Cell::new(0),
            alloc: Cell::new(alloc),
            start_offset: Cell::new(0),
        }
    }

    /// Records a resize from `old_len` to `new_len` bytes as CPython's
    /// `PyByteArray_Resize` would allocate it: a size that fits stays in place unless it
    /// is under half the buffer (then exact); growth within an eighth over-allocates as
    /// `list` does, larger growth is exact.
    pub fn note_resize(&self, old_len: usize, new_len: usize) {
        if old_len == new_len {
            return;
        }
        let alloc = self.alloc.get();
        let new_alloc = if new_len + self.start_offset.get() < alloc {
            if new_len >= alloc / 2 {
                return;
            }
            new_len + 1
        } else {
            #[expect(clippy::cast_precision_loss, reason = "CPython compares in double too")]
            let moderate = new_len as f64 <= alloc as f64 * 1.125;
            if moderate { new_len + (new_len >> 3) + if new_len < 9 { 3 } else { 6 } } else { new_len + 1 }
        };
        self.alloc.set(new_alloc);
        self.start_offset.set(0);
    }

    /// Records the removal of `n` bytes at the front (CPython moves its logical start
    /// instead of the bytes), then the resize to `new_len`.
    pub fn note_front_removal(&self, n: usize, old_len: usize, new_len: usize) {
        self.start_offset.set(self.start_offset.get() + n);
        self.note_resize(old_len, new_len);
    }

    /// Records `n` bytes appended one at a time by `bytearray(iterable)`, which resizes
    /// only when the next byte and the NUL no longer fit.
    pub fn note_appends(&self, old_len: usize, n: usize) {
        for size in old_len..old_len + n {
            if size + 1 >= self.alloc.get() {
                self.note_resize(size, size + 1);
            }
        }
    }

    /// The buffer size CPython would have allocated for these contents.
    #[must_use]
    pub fn allocated(&self) -> usize {
        let len = self.len();
        let alloc = self.alloc.get();
        if len > 0 && alloc <= len { len + 1 } else { alloc }
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

/// The payload of a memoryview: `shape`-shaped items of `itemsize` bytes in the memory of
/// `obj` (a bytes or bytearray object), the item whose indices are all 0 at byte `start`,
/// `strides[k]` bytes between neighbours along dimension `k` (negative for reversed
/// slices). `format` is the struct format of an item (`'B'` unless cast).
pub struct PyMemoryView {
    /// The exporting object (`memoryview.obj`).
    pub obj: Value,
    /// Byte offset of the first item.
    pub start: usize,
    /// The struct format of an item: one native character, maybe after `'@'`.
    pub format: Box<str>,
    /// Bytes per item.
    pub itemsize: usize,
    /// Items along each dimension (empty for a 0-dimensional view).
    pub shape: Box<[usize]>,
    /// Bytes between neighbouring items along each dimension.
    pub strides: Box<[isize]>,
    /// Number of bytes viewed (`nbytes`: the product of `shape` times `itemsize`).
    pub len: usize,
    /// Whether writes are refused (views of bytes).
    pub readonly: bool,
    /// Set by `release()`.
    pub released: Cell<bool>,
}

impl Trace for PyMemoryView {}
payload!(PyMemoryView, "memoryview", untracked);

impl PyMemoryView {
    /// A new one-dimensional `'B'` view of `len` bytes `step` apart, counted as an export
    /// of a bytearray. Views of bytes are always read-only; `readonly` makes a view of a
    /// bytearray read-only too.
    #[must_use]
    pub fn new_obj(obj: Value, start: usize, step: isize, len: usize, readonly: bool) -> ObjRef {
        PyMemoryView::new_view(obj, start, "B", 1, vec![len], vec![step], readonly)
    }

    /// A new view with any format, shape and strides (which the caller keeps within the
    /// exporter's memory).
    #[must_use]
    pub fn new_view(
        obj: Value,
        start: usize,
        format: &str,
        itemsize: usize,
        shape: Vec<usize>,
        strides: Vec<isize>,
        readonly: bool,
    ) -> ObjRef {
        let readonly = readonly || obj.downcast::<PyByteArray>().is_none();
        if let Some(array) = obj.downcast::<PyByteArray>() {
            array.exports.set(array.exports.get() + 1);
        }
        let len = shape.iter().product::<usize>() * itemsize;
        let view = PyMemoryView {
            obj,
            start,
            len,
            format: format.into(),
            itemsize,
            shape: shape.into_boxed_slice(),
            strides: strides.into_boxed_slice(),
            readonly,
            released: Cell::new(false),
        };
        ObjRef::new(view, Some(&types().memoryview))
    }

    /// Number of dimensions.
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of items (1 for a 0-dimensional view).
    #[must_use]
    pub fn item_count(&self) -> usize {
        self.shape.iter().product()
    }

    /// Number of bytes viewed (`memoryview.nbytes`).
    #[must_use]
    pub fn nbytes(&self) -> usize {
        self.len
    }

    /// The struct format character of an item (without the `'@'`).
    #[must_use]
    pub fn format_char(&self) -> u8 {
        self.format.bytes().last().unwrap_or(b'B')
    }

    /// Byte offset in the exporter of the `flat`th item in C (row-major) order.
    #[must_use]
    pub fn item_offset(&self, flat: usize) -> usize {
        let mut rest = flat;
        let mut offset = isize::try_from(self.start).unwrap_or(0);
        for (&n, &stride) in self.shape.iter().zip(&self.strides).rev() {
            let n = n.max(1);
            offset += isize::try_from(rest % n).unwrap_or(0) * stride;
            rest /= n;
        }
        usize::try_from(offset).unwrap_or(0)
    }

    /// The position in the exporter of the `i`th viewed byte, in C order.
    #[must_use]
    pub fn position(&self, i: usize) -> usize {
        let size = self.itemsize.max(1);
        self.item_offset(i / size) + i % size
    }

    /// Runs `f` on the exporter's bytes (empty when released).
    pub fn with_memory<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        if self.released.get() {
            return f(&[]);
        }
        if let Some(b) = self.obj.downcast::<PyBytes>() {
            return f(b.as_bytes());
        }
        if let Some(a) = self.obj.downcast::<PyByteArray>() {
            return f(&a.data.borrow());
        }
        f(&[])
    }

    /// The `i`th viewed byte (`None` when out of range or released).
    #[must_use]
    pub fn get(&self, i: usize) -> Option<u8> {
        if i >= self.nbytes() {
            return None;
        }
        self.with_memory(|data| data.get(self.position(i)).copied())
    }

    /// A copy of the viewed bytes in C order (empty when released).
    #[must_use]
    pub fn to_vec(&self) -> Vec<u8> {
        self.with_memory(|data| {
            let size = self.itemsize;
            let mut out = Vec::with_capacity(self.nbytes());
            for item in 0..self.item_count() {
                let offset = self.item_offset(item);
                out.extend_from_slice(data.get(offset..offset + size).unwrap_or_default());
            }
            out
        })
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

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        self.release();
    }
}
