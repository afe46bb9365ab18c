//! `str`: immutable text with O(1) indexing.
//!
//! Stored as CPython's PEP 393 does: one byte per code point when all are below 256, two
//! below 65536, four otherwise. Lone surrogates are kept as separate code points. The hash
//! is computed once (SipHash-1-3 over the same bytes CPython hashes, see [`crate::hash`]).

use std::cell::{Cell, OnceCell};
use std::ptr::NonNull;

use pyrite_memory::{GilCell, ObjRef, Trace, payload};

use crate::registry::types;

/// The code points of a str in the narrowest width that holds them (a view of the storage).
#[derive(Clone, Copy, Debug)]
pub enum StrData<'a> {
    /// All code points below 128; the bytes are valid UTF-8.
    Ascii(&'a str),
    /// All code points below 256, some above 127.
    Latin1(&'a [u8]),
    /// All code points below 65536, some above 255.
    Ucs2(&'a [u16]),
    /// Some code point above 65535.
    Ucs4(&'a [u32]),
}

/// ASCII text up to this many bytes is stored in the object itself (no second allocation):
/// most words, keys and identifiers. The storage is then as large as a boxed slice's.
const INLINE: usize = 14;

/// Wider text and its UTF-8 form, made on first use (for `as_str`).
struct Wide<T> {
    units: Box<[T]>,
    utf8: OnceCell<Box<str>>,
}

/// How a str's code points are stored: 16 bytes.
enum Repr {
    /// ASCII text of at most [`INLINE`] bytes; the bytes past `len` are zero (`eq_str`
    /// compares whole arrays).
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    /// Longer ASCII text: a `Box<str>` taken apart (see [`ascii_heap`]), its length in 32
    /// bits so that the tag fits beside it.
    Ascii {
        len: u32,
        ptr: NonNull<u8>,
    },
    /// ASCII text of 4 GiB or more.
    AsciiLong(Box<Box<str>>),
    Latin1(Box<Wide<u8>>),
    Ucs2(Box<Wide<u16>>),
    Ucs4(Box<Wide<u32>>),
}

const _: () = assert!(std::mem::size_of::<Repr>() == 16);

impl Drop for Repr {
    fn drop(&mut self) {
        if let Repr::Ascii { len, ptr } = *self {
            let slice = std::ptr::slice_from_raw_parts_mut(ptr.as_ptr(), len as usize) as *mut str;
            // SAFETY: `ascii_heap` made `ptr` and `len` from a `Box<str>`, which is rebuilt
            // and dropped once, here.
            drop(unsafe { Box::from_raw(slice) });
        }
    }
}

/// The storage of ASCII text too long to be inline.
fn ascii_heap(text: Box<str>) -> Repr {
    match u32::try_from(text.len()) {
        Ok(len) => {
            let ptr = Box::into_raw(text).cast::<u8>();
            // SAFETY: a box's pointer is never null.
            Repr::Ascii { len, ptr: unsafe { NonNull::new_unchecked(ptr) } }
        }
        Err(_) => Repr::AsciiLong(Box::new(text)),
    }
}

/// "Not computed yet" in `PyStr::hash` (no str hashes to -1: see [`crate::hash`]).
const NO_HASH: i64 = -1;

/// The payload of a str object: 24 bytes, so a short ASCII str is a 48-byte object in one
/// allocation (CPython's takes 56).
pub struct PyStr {
    repr: Repr,
    hash: Cell<i64>,
}

const _: () = assert!(std::mem::size_of::<PyStr>() == 24);

impl Trace for PyStr {}
payload!(PyStr, "str", untracked);

/// The text of [`Repr::Ascii`], borrowed for as long as the str.
#[inline]
fn ascii_text<'a>(ptr: NonNull<u8>, len: u32) -> &'a str {
    // SAFETY: `ptr` and `len` describe the ASCII (hence UTF-8) bytes of a `Box<str>` owned
    // by the `Repr` the caller borrows them from, which outlives the borrow.
    unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr.as_ptr(), len as usize)) }
}

/// The code point of `text` when it is one character.
fn single_char(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(u32::from(c))
}

/// Appends units to wide storage (growing its block to the exact size) and forgets its
/// UTF-8 form; always `true`.
fn extend_units<T>(w: &mut Wide<T>, extra: impl Iterator<Item = T>) -> bool {
    let mut units = std::mem::take(&mut w.units).into_vec();
    units.reserve_exact(extra.size_hint().0);
    units.extend(extra);
    w.units = units.into_boxed_slice();
    w.utf8 = OnceCell::new();
    true
}

fn wide<T>(units: Box<[T]>) -> Box<Wide<T>> {
    Box::new(Wide { units, utf8: OnceCell::new() })
}

impl PyStr {
    /// A new str object from Rust text (the shared object for one Latin-1 character).
    #[must_use]
    pub fn new_obj(text: &str) -> ObjRef {
        if let &[b] = text.as_bytes()
            && b < 0x80
        {
            return PyStr::latin1_char(u32::from(b));
        }
        if text.len() == 2
            && let Some(c) = single_char(text)
            && c < 0x100
        {
            return PyStr::latin1_char(c);
        }
        ObjRef::new(PyStr::from_str(text), Some(&types().str))
    }

    /// A new str object that is never a shared one-character str: for the results CPython
    /// builds in place (`str(5) is str(5)` is false there).
    #[must_use]
    pub fn new_unshared_obj(text: &str) -> ObjRef {
        ObjRef::new(PyStr::from_str(text), Some(&types().str))
    }

    /// The one str object for the character `c` (below 256), as CPython's Latin-1
    /// singletons: indexing, iterating, `chr` and the other producers of one-character strs
    /// return it, so that `s[0] is s[1]` holds for equal characters as in CPython and its
    /// hash is computed once. The cache holds a reference to each, so they never die.
    #[must_use]
    pub fn latin1_char(c: u32) -> ObjRef {
        static CACHE: GilCell<[Option<ObjRef>; 256]> = GilCell::new([const { None }; 256]);
        let index = (c & 0xff) as usize;
        debug_assert!(c < 0x100);
        // SAFETY: the cache is only touched by the GIL holder; the closure creates a str
        // (which runs no Python code and frees nothing) and does not re-enter.
        unsafe {
            CACHE.with(|cache| {
                cache[index]
                    .get_or_insert_with(|| {
                        let payload = PyStr::from_code_points(&[index as u32]);
                        let _ = payload.hash();
                        ObjRef::new(payload, Some(&types().str))
                    })
                    .clone()
            })
        }
    }

    /// A str object for a name spelled in Rust (`"__init__"`), from a small cache keyed by
    /// the text's address and checked by content, so the lookups native code makes by name
    /// reuse one object and its cached hash instead of building and hashing a str each time.
    #[must_use]
    pub fn cached_name(name: &str) -> ObjRef {
        const SLOTS: usize = 64;
        static CACHE: GilCell<[Option<ObjRef>; SLOTS]> = GilCell::new([const { None }; SLOTS]);
        let slot = (name.as_ptr() as usize >> 3 ^ name.len()) % SLOTS;
        // SAFETY: the cache is only touched by the GIL holder; the closure neither re-enters
        // nor frees anything but a replaced str (whose drop runs no Python code).
        unsafe {
            CACHE.with(|cache| {
                if let Some(found) = &cache[slot]
                    && found.downcast::<PyStr>().is_some_and(|s| s.as_str() == name)
                {
                    return found.clone();
                }
                let fresh = crate::types::intern::intern_str(name);
                if let Some(text) = fresh.downcast::<PyStr>() {
                    let _ = text.hash();
                }
                cache[slot] = Some(fresh.clone());
                fresh
            })
        }
    }

    /// A new str object from an owned Rust string (ASCII text keeps its buffer).
    #[must_use]
    pub fn from_string_obj(text: String) -> ObjRef {
        if text.len() <= 2 {
            return PyStr::new_obj(&text);
        }
        let payload = if text.is_ascii() { PyStr::from_ascii_string(text) } else { PyStr::from_str(&text) };
        ObjRef::new(payload, Some(&types().str))
    }

    /// A new str object from text the caller knows is ASCII (the shared object for one
    /// character), without checking it again.
    #[must_use]
    pub fn from_ascii_obj(text: &str) -> ObjRef {
        debug_assert!(text.is_ascii());
        if let &[b] = text.as_bytes() {
            return PyStr::latin1_char(u32::from(b));
        }
        ObjRef::new(PyStr::from_ascii(text), Some(&types().str))
    }

    /// A new str object from an owned string the caller knows is ASCII (its buffer kept
    /// when too long to be inline), without checking it again.
    #[must_use]
    pub fn from_ascii_string_obj(text: String) -> ObjRef {
        debug_assert!(text.is_ascii());
        if text.len() <= 1 {
            return PyStr::from_ascii_obj(&text);
        }
        ObjRef::new(PyStr::from_ascii_string(text), Some(&types().str))
    }

    /// A new str object joining ASCII parts of `total` bytes in all, written straight into
    /// its storage (inline when short, else one block of the exact size). Never a shared
    /// one-character str: CPython builds these results fresh (`f"{5}" is f"{5}"` is false).
    /// A `total` that does not fit the parts costs only speed.
    #[must_use]
    pub fn from_ascii_parts_obj<'a>(total: usize, parts: impl IntoIterator<Item = &'a str> + Clone) -> ObjRef {
        if total <= INLINE {
            let mut bytes = [0; INLINE];
            let mut len = 0;
            let mut fits = true;
            for part in parts.clone() {
                debug_assert!(part.is_ascii());
                match bytes.get_mut(len..len + part.len()) {
                    Some(room) => room.copy_from_slice(part.as_bytes()),
                    None => {
                        fits = false;
                        break;
                    }
                }
                len += part.len();
            }
            if fits {
                #[expect(clippy::cast_possible_truncation, reason = "at most INLINE")]
                let repr = Repr::Inline { len: len as u8, bytes };
                return ObjRef::new(PyStr::from_repr(repr), Some(&types().str));
            }
        }
        let mut text = String::with_capacity(total);
        for part in parts {
            debug_assert!(part.is_ascii());
            text.push_str(part);
        }
        ObjRef::new(PyStr::from_ascii_string(text), Some(&types().str))
    }

    /// A new str object from ASCII text mapped byte by byte (case mappings), written
    /// straight into its storage. `map` sees each byte and whether the previous byte was
    /// a letter; its results are kept to seven bits, so the text stays ASCII.
    #[must_use]
    pub fn map_ascii_obj(text: &str, mut map: impl FnMut(u8, bool) -> u8) -> ObjRef {
        debug_assert!(text.is_ascii());
        let mut after_letter = false;
        let mut step = |b: u8| {
            let out = map(b, after_letter) & 0x7f;
            after_letter = b.is_ascii_alphabetic();
            out
        };
        if let &[b] = text.as_bytes() {
            return PyStr::latin1_char(u32::from(step(b)));
        }
        let repr = if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            for (out, &b) in bytes.iter_mut().zip(text.as_bytes()) {
                *out = step(b);
            }
            #[expect(clippy::cast_possible_truncation, reason = "at most INLINE")]
            Repr::Inline { len: text.len() as u8, bytes }
        } else {
            let mapped: Vec<u8> = text.bytes().map(step).collect();
            // SAFETY: every byte is below 0x80 (masked above): ASCII, hence UTF-8.
            ascii_heap(unsafe { String::from_utf8_unchecked(mapped) }.into_boxed_str())
        };
        ObjRef::new(PyStr::from_repr(repr), Some(&types().str))
    }

    /// A new str object from code points.
    #[must_use]
    pub fn from_code_points_obj(code_points: &[u32]) -> ObjRef {
        if let &[c] = code_points
            && c < 0x100
        {
            return PyStr::latin1_char(c);
        }
        ObjRef::new(PyStr::from_code_points(code_points), Some(&types().str))
    }

    /// The payload for Rust text (not yet an object).
    #[must_use]
    #[expect(clippy::should_implement_trait, reason = "infallible; FromStr would add a Result")]
    pub fn from_str(text: &str) -> PyStr {
        if text.is_ascii() {
            return PyStr::from_ascii(text);
        }
        let code_points: Vec<u32> = text.chars().map(u32::from).collect();
        PyStr::from_code_points(&code_points)
    }

    /// The payload for ASCII text.
    fn from_ascii(text: &str) -> PyStr {
        debug_assert!(text.is_ascii());
        let repr = if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            #[expect(clippy::cast_possible_truncation, reason = "at most INLINE")]
            Repr::Inline { len: text.len() as u8, bytes }
        } else {
            ascii_heap(text.into())
        };
        PyStr::from_repr(repr)
    }

    /// The payload for an ASCII `String` (kept as it is when too long to be inline).
    fn from_ascii_string(text: String) -> PyStr {
        if text.len() <= INLINE { PyStr::from_ascii(&text) } else { PyStr::from_repr(ascii_heap(text.into())) }
    }

    /// The payload for code points (each below 0x110000).
    #[must_use]
    pub fn from_code_points(code_points: &[u32]) -> PyStr {
        let max = code_points.iter().copied().max().unwrap_or(0);
        if max < 0x80 {
            return PyStr::from_ascii_string(code_points.iter().map(|&c| char::from(c as u8)).collect());
        }
        let repr = if max < 0x100 {
            Repr::Latin1(wide(code_points.iter().map(|&c| c as u8).collect()))
        } else if max < 0x10000 {
            Repr::Ucs2(wide(code_points.iter().map(|&c| c as u16).collect()))
        } else {
            Repr::Ucs4(wide(code_points.into()))
        };
        PyStr::from_repr(repr)
    }

    fn from_repr(repr: Repr) -> PyStr {
        PyStr { repr, hash: Cell::new(NO_HASH) }
    }

    /// The storage.
    #[must_use]
    #[inline]
    pub fn data(&self) -> StrData<'_> {
        match &self.repr {
            Repr::Inline { len, bytes } => {
                // SAFETY: inline text is ASCII, hence UTF-8.
                StrData::Ascii(unsafe { std::str::from_utf8_unchecked(&bytes[..usize::from(*len)]) })
            }
            Repr::Ascii { len, ptr } => StrData::Ascii(ascii_text(*ptr, *len)),
            Repr::AsciiLong(s) => StrData::Ascii(s),
            Repr::Latin1(w) => StrData::Latin1(&w.units),
            Repr::Ucs2(w) => StrData::Ucs2(&w.units),
            Repr::Ucs4(w) => StrData::Ucs4(&w.units),
        }
    }

    /// Number of code points (`len(s)`).
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Inline { len, .. } => usize::from(*len),
            Repr::Ascii { len, .. } => *len as usize,
            Repr::AsciiLong(s) => s.len(),
            Repr::Latin1(w) => w.units.len(),
            Repr::Ucs2(w) => w.units.len(),
            Repr::Ucs4(w) => w.units.len(),
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
        match self.data() {
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
        let utf8 = match &self.repr {
            Repr::Inline { len, bytes } => {
                // SAFETY: inline text is ASCII, hence UTF-8.
                return unsafe { std::str::from_utf8_unchecked(&bytes[..usize::from(*len)]) };
            }
            Repr::Ascii { len, ptr } => return ascii_text(*ptr, *len),
            Repr::AsciiLong(s) => return s,
            Repr::Latin1(w) => &w.utf8,
            Repr::Ucs2(w) => &w.utf8,
            Repr::Ucs4(w) => &w.utf8,
        };
        utf8.get_or_init(|| {
            self.code_points().map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect::<String>().into()
        })
    }

    /// Whether every code point is ASCII.
    #[must_use]
    pub fn is_ascii(&self) -> bool {
        matches!(self.repr, Repr::Inline { .. } | Repr::Ascii { .. } | Repr::AsciiLong(_))
    }

    /// `hash(s)`, computed once.
    #[must_use]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != NO_HASH {
            return h;
        }
        let h = crate::hash::hash_str_data(self.data());
        self.hash.set(h);
        h
    }

    /// Whether the text is `text`, with no call for a short str (a cheap test against a
    /// known name: mostly a length compare).
    #[must_use]
    #[inline]
    pub fn is_text(&self, text: &str) -> bool {
        match &self.repr {
            Repr::Inline { len, bytes } => {
                usize::from(*len) == text.len() && bytes.get(..text.len()) == Some(text.as_bytes())
            }
            _ => self.as_str() == text,
        }
    }

    /// Equality of contents.
    #[must_use]
    #[inline]
    pub fn eq_str(&self, other: &PyStr) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        // Short names and keys, the common case: the bytes past `len` are zero, so the
        // whole fixed-size arrays compare (a few word compares, no call).
        if let (Repr::Inline { len: la, bytes: ba }, Repr::Inline { len: lb, bytes: bb }) = (&self.repr, &other.repr) {
            return la == lb && ba == bb;
        }
        self.eq_str_slow(other)
    }

    /// [`PyStr::eq_str`] for the other representations.
    fn eq_str_slow(&self, other: &PyStr) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let (a, b) = (self.hash.get(), other.hash.get());
        if a != NO_HASH && b != NO_HASH && a != b {
            return false;
        }
        match (self.data(), other.data()) {
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
        match (self.data(), other.data()) {
            (StrData::Ascii(a), StrData::Ascii(b)) => a.cmp(b),
            _ => self.code_points().cmp(other.code_points()),
        }
    }

    /// The code points in `[start, stop)` with `step`, as a new str object.
    #[must_use]
    pub fn slice(&self, start: usize, stop: usize, step: usize) -> ObjRef {
        if stop == start + 1 {
            let c = self.code_point(start);
            if c < 0x100 {
                return PyStr::latin1_char(c);
            }
        }
        if let StrData::Ascii(s) = self.data()
            && step == 1
        {
            return PyStr::from_ascii_obj(&s[start..stop.max(start)]);
        }
        let code_points: Vec<u32> = (start..stop).step_by(step.max(1)).map(|i| self.code_point(i)).collect();
        PyStr::from_code_points_obj(&code_points)
    }

    /// Concatenation as a new object.
    #[must_use]
    pub fn concat(&self, other: &PyStr) -> ObjRef {
        if let (StrData::Ascii(a), StrData::Ascii(b)) = (self.data(), other.data()) {
            return PyStr::from_ascii_parts_obj(a.len() + b.len(), [a, b]);
        }
        let code_points: Vec<u32> = self.code_points().chain(other.code_points()).collect();
        PyStr::from_code_points_obj(&code_points)
    }

    /// `left + right` for two exact strs, as CPython's `PyUnicode_Append`: an empty operand
    /// gives the other object itself, and when `left` is the only reference to its object
    /// (the caller dropped the variable's, as CPython's `s += t` does when the result is
    /// stored back to `s`), its text grows in place: building a str in a loop then copies
    /// each character about once instead of the whole text at every step.
    #[must_use]
    pub fn append(mut left: ObjRef, right: &ObjRef) -> ObjRef {
        let Some(other) = right.downcast::<PyStr>() else { return left };
        if other.is_empty() {
            return left;
        }
        if left.downcast::<PyStr>().is_some_and(PyStr::is_empty) {
            return right.clone();
        }
        if let Some(text) = left.unique_payload_mut::<PyStr>()
            && text.grow(other)
        {
            return left;
        }
        match left.downcast::<PyStr>() {
            Some(text) => text.concat(other),
            None => left,
        }
    }

    /// Appends `other`'s text in place when this str's storage can hold it (ASCII after
    /// ASCII, or anything no wider than the storage); `false` when it cannot, changing
    /// nothing. The caller owns the only reference, so no hash or UTF-8 form was shared.
    fn grow(&mut self, other: &PyStr) -> bool {
        let grown = match (&mut self.repr, other.data()) {
            (Repr::Inline { len, bytes }, StrData::Ascii(extra)) => {
                let old = usize::from(*len);
                let total = old + extra.len();
                if total <= INLINE {
                    bytes[old..total].copy_from_slice(extra.as_bytes());
                    #[expect(clippy::cast_possible_truncation, reason = "at most INLINE")]
                    {
                        *len = total as u8;
                    }
                } else {
                    let mut text = String::with_capacity(total);
                    // SAFETY: inline text is ASCII, hence UTF-8.
                    text.push_str(unsafe { std::str::from_utf8_unchecked(&bytes[..old]) });
                    text.push_str(extra);
                    self.repr = ascii_heap(text.into_boxed_str());
                }
                true
            }
            (Repr::Ascii { len, ptr }, StrData::Ascii(extra)) => {
                let old = *len as usize;
                let total = old + extra.len();
                let Ok(new_len) = u32::try_from(total) else { return false };
                let (Ok(layout), Ok(new_layout)) =
                    (std::alloc::Layout::array::<u8>(old), std::alloc::Layout::array::<u8>(total))
                else {
                    return false;
                };
                // SAFETY: `ptr` and `old` describe a `Box<str>`'s block (see `ascii_heap`),
                // allocated by the global allocator with this layout; `total` is non-zero.
                // The grown block keeps the old bytes, and the new ones are ASCII, so the
                // block is again a valid `Box<str>` of `total` bytes for `Drop` to free.
                unsafe {
                    let grown = std::alloc::realloc(ptr.as_ptr(), layout, total);
                    let Some(grown) = NonNull::new(grown) else { std::alloc::handle_alloc_error(new_layout) };
                    std::ptr::copy_nonoverlapping(extra.as_ptr(), grown.as_ptr().add(old), extra.len());
                    *ptr = grown;
                }
                *len = new_len;
                true
            }
            (Repr::Latin1(w), StrData::Ascii(extra)) => extend_units(w, extra.bytes()),
            (Repr::Latin1(w), StrData::Latin1(extra)) => extend_units(w, extra.iter().copied()),
            (Repr::Ucs2(w), StrData::Ascii(extra)) => extend_units(w, extra.bytes().map(u16::from)),
            (Repr::Ucs2(w), StrData::Latin1(extra)) => extend_units(w, extra.iter().map(|&b| u16::from(b))),
            (Repr::Ucs2(w), StrData::Ucs2(extra)) => extend_units(w, extra.iter().copied()),
            (Repr::Ucs4(w), _) => extend_units(w, other.code_points()),
            _ => false,
        };
        if grown {
            self.hash.set(NO_HASH);
        }
        grown
    }

    /// `repr(s)`.
    #[must_use]
    pub fn repr(&self) -> String {
        pyrite_bytecode::repr::str_repr_code_points(self.code_points())
    }
}
