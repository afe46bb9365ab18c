//! `str`: immutable text with O(1) indexing.
//!
//! Stored as CPython's PEP 393 does: one byte per code point when all are below 256, two
//! below 65536, four otherwise. Lone surrogates are kept as separate code points. The hash
//! is computed once (SipHash-1-3 over the same bytes CPython hashes, see [`crate::hash`]).

use std::cell::{Cell, OnceCell};

use pyrite_memory::{ObjRef, Trace, payload};

use crate::registry::types;

/// The code points of a str in the narrowest width that holds them.
#[derive(Clone, Debug)]
pub enum StrData {
    /// All code points below 128; the bytes are valid UTF-8.
    Ascii(Box<str>),
    /// All code points below 256, some above 127.
    Latin1(Box<[u8]>),
    /// All code points below 65536, some above 255.
    Ucs2(Box<[u16]>),
    /// Some code point above 65535.
    Ucs4(Box<[u32]>),
}

/// The payload of a str object.
pub struct PyStr {
    data: StrData,
    hash: Cell<Option<i64>>,
    utf8: OnceCell<Box<str>>,
}

impl Trace for PyStr {}
payload!(PyStr, "str", untracked);

impl PyStr {
    /// A new str object from Rust text.
    #[must_use]
    pub fn new_obj(text: &str) -> ObjRef {
        ObjRef::new(PyStr::from_str(text), Some(&types().str))
    }

    /// A new str object from code points.
    #[must_use]
    pub fn from_code_points_obj(code_points: &[u32]) -> ObjRef {
        ObjRef::new(PyStr::from_code_points(code_points), Some(&types().str))
    }

    /// The payload for Rust text (not yet an object).
    #[must_use]
    #[expect(clippy::should_implement_trait, reason = "infallible; FromStr would add a Result")]
    pub fn from_str(text: &str) -> PyStr {
        if text.is_ascii() {
            return PyStr::from_data(StrData::Ascii(text.into()));
        }
        let code_points: Vec<u32> = text.chars().map(u32::from).collect();
        PyStr::from_code_points(&code_points)
    }

    /// The payload for code points (each below 0x110000).
    #[must_use]
    pub fn from_code_points(code_points: &[u32]) -> PyStr {
        let max = code_points.iter().copied().max().unwrap_or(0);
        let data = if max < 0x80 {
            StrData::Ascii(code_points.iter().map(|&c| char::from(c as u8)).collect::<String>().into())
        } else if max < 0x100 {
            StrData::Latin1(code_points.iter().map(|&c| c as u8).collect())
        } else if max < 0x10000 {
            StrData::Ucs2(code_points.iter().map(|&c| c as u16).collect())
        } else {
            StrData::Ucs4(code_points.into())
        };
        PyStr::from_data(data)
    }

    fn from_data(data: StrData) -> PyStr {
        PyStr { data, hash: Cell::new(None), utf8: OnceCell::new() }
    }

    /// The storage.
    #[must_use]
    pub fn data(&self) -> &StrData {
        &self.data
    }

    /// Number of code points (`len(s)`).
    #[must_use]
    pub fn len(&self) -> usize {
        match &self.data {
            StrData::Ascii(s) => s.len(),
            StrData::Latin1(b) => b.len(),
            StrData::Ucs2(u) => u.len(),
            StrData::Ucs4(u) => u.len(),
        }
    }

    /// Whether the str is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code point at `index` (which must be in range).
    #[must_use]
    pub fn code_point(&self, index: usize) -> u32 {
        match &self.data {
            StrData::Ascii(s) => u32::from(s.as_bytes()[index]),
            StrData::Latin1(b) => u32::from(b[index]),
            StrData::Ucs2(u) => u32::from(u[index]),
            StrData::Ucs4(u) => u[index],
        }
    }

    /// Iterates over the code points.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        (0..self.len()).map(move |i| self.code_point(i))
    }

    /// The text as UTF-8. Lone surrogates (which UTF-8 cannot hold) become U+FFFD.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.data {
            StrData::Ascii(s) => s,
            _ => self.utf8.get_or_init(|| {
                self.code_points().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect::<String>().into()
            }),
        }
    }

    /// Whether every code point is ASCII.
    #[must_use]
    pub fn is_ascii(&self) -> bool {
        matches!(self.data, StrData::Ascii(_))
    }

    /// `hash(s)`, computed once.
    #[must_use]
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = crate::hash::hash_str_data(&self.data);
        self.hash.set(Some(h));
        h
    }

    /// Equality of contents.
    #[must_use]
    pub fn eq_str(&self, other: &PyStr) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if self.len() != other.len() {
            return false;
        }
        if let (Some(a), Some(b)) = (self.hash.get(), other.hash.get())
            && a != b
        {
            return false;
        }
        match (&self.data, &other.data) {
            (StrData::Ascii(a), StrData::Ascii(b)) => a == b,
            (StrData::Latin1(a), StrData::Latin1(b)) => a == b,
            (StrData::Ucs2(a), StrData::Ucs2(b)) => a == b,
            (StrData::Ucs4(a), StrData::Ucs4(b)) => a == b,
            _ => false,
        }
    }

    /// Ordering of contents by code point.
    #[must_use]
    pub fn cmp_str(&self, other: &PyStr) -> std::cmp::Ordering {
        match (&self.data, &other.data) {
            (StrData::Ascii(a), StrData::Ascii(b)) => a.cmp(b),
            _ => self.code_points().cmp(other.code_points()),
        }
    }

    /// The code points in `[start, stop)` with `step`, as a new str object.
    #[must_use]
    pub fn slice(&self, start: usize, stop: usize, step: usize) -> ObjRef {
        if let StrData::Ascii(s) = &self.data
            && step == 1
        {
            return PyStr::new_obj(&s[start..stop.max(start)]);
        }
        let code_points: Vec<u32> = (start..stop).step_by(step.max(1)).map(|i| self.code_point(i)).collect();
        PyStr::from_code_points_obj(&code_points)
    }

    /// Concatenation as a new object.
    #[must_use]
    pub fn concat(&self, other: &PyStr) -> ObjRef {
        if let (StrData::Ascii(a), StrData::Ascii(b)) = (&self.data, &other.data) {
            let mut s = String::with_capacity(a.len() + b.len());
            s.push_str(a);
            s.push_str(b);
            return ObjRef::new(PyStr::from_data(StrData::Ascii(s.into())), Some(&types().str));
        }
        let code_points: Vec<u32> = self.code_points().chain(other.code_points()).collect();
        PyStr::from_code_points_obj(&code_points)
    }

    /// `repr(s)`.
    #[must_use]
    pub fn repr(&self) -> String {
        pyrite_bytecode::repr::str_repr_code_points(self.code_points())
    }
}
