//! The object header shared by every heap object, and strong references to objects.

use std::alloc::Layout;
use std::cell::Cell;

use std::ptr::NonNull;

use crate::heap;
use crate::trace::Trace;

/// Visits the references an object owns.
pub type TraverseFn = unsafe fn(NonNull<Header>, &mut dyn FnMut(&ObjRef));

/// Per-payload-type operations the heap needs without knowing the payload's type.
pub struct VTable {
    /// Payload type name, for debugging.
    pub name: &'static str,
    /// Whether objects of this payload are containers tracked by the cycle collector; such
    /// objects get a [`GcHead`] in front of their header.
    pub tracked: bool,
    /// Layout of the whole allocation.
    pub layout: Layout,
    /// Offset of the header inside the allocation.
    pub header_offset: usize,
    /// Drops the payload in place.
    pub drop_payload: unsafe fn(NonNull<Header>),
    /// Visits the references the payload owns.
    pub traverse: TraverseFn,
    /// Drops the references the payload owns (to break cycles).
    pub clear: unsafe fn(NonNull<Header>),
}

/// Collector bookkeeping that sits immediately before the header of tracked objects
/// (`header - size_of::<GcHead>()`): the links of the generation list the object is in
/// (`None` while untracked) and the collector's scratch count.
#[repr(C)]
pub struct GcHead {
    pub(crate) prev: Cell<Option<NonNull<GcHead>>>,
    pub(crate) next: Cell<Option<NonNull<GcHead>>>,
    /// [`crate::gc::GC_IDLE`] outside a collection; during one, `>= 0` for objects of the
    /// generations being collected (their count of references from outside that set).
    pub(crate) gc_refs: Cell<isize>,
}

impl Default for GcHead {
    fn default() -> Self {
        GcHead { prev: Cell::new(None), next: Cell::new(None), gc_refs: Cell::new(crate::gc::GC_IDLE) }
    }
}

/// Size of the [`GcHead`] in front of a tracked object's header.
pub(crate) const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();
const _: () = assert!(GC_HEAD_SIZE.is_multiple_of(std::mem::align_of::<Header>()));
const _: () = assert!(std::mem::align_of::<GcHead>() <= std::mem::align_of::<Header>());

/// Header flag: the object's finalizer (`__del__`) has run (PEP 442: it runs once).
pub const FLAG_FINALIZED: u32 = 1;
/// Header flag: the object must be handed to the finalizer hook before being freed.
pub const FLAG_HAS_FINALIZER: u32 = 2;
/// Header flag: the object is never freed (builtin types, singletons).
pub const FLAG_IMMORTAL: u32 = 4;
/// Header flag: a managed `__dict__` slot precedes the allocation (instances of classes
/// derived in Python from builtin types, as CPython 3.11's managed dicts).
pub const FLAG_MANAGED_DICT: u32 = 8;
/// Header flag: weak references to the object exist (see [`crate::weak`]); they are cleared
/// when it dies.
pub const FLAG_WEAKLY_REFERENCED: u32 = 16;
/// Header flag: the object is the canonical copy of its text in the str intern table
/// (`pyrite_object::types::intern`), so interning it again needs no table lookup.
pub const FLAG_INTERNED: u32 = 32;

/// The managed-dict slot that precedes objects with [`FLAG_MANAGED_DICT`].
type DictSlot = Cell<Option<NonNull<Header>>>;

/// The layout of an allocation with a managed dict, and the offset of the ordinary
/// allocation within it.
///
/// An object with a managed dict can reach anything through it, so it is always a
/// container the collector tracks (as CPython gives `Py_TPFLAGS_HAVE_GC` to every subclass
/// that adds a `__dict__`, of `str` or `int` too): for a payload type that is not tracked
/// itself, room for a `GcHead` follows the dict slot, ending right at the header.
fn layout_with_dict(vtable: &VTable) -> (Layout, usize) {
    let slot = Layout::new::<DictSlot>();
    let before = if vtable.tracked {
        slot
    } else {
        match Layout::from_size_align(GC_HEAD_SIZE, std::mem::align_of::<GcHead>()).and_then(|gc| slot.extend(gc)) {
            Ok((layout, _)) => layout,
            Err(_) => return (vtable.layout, 0),
        }
    };
    before.extend(vtable.layout).unwrap_or((vtable.layout, 0))
}

/// Whether an object with this vtable and these flags has a `GcHead` before its header:
/// its payload type is tracked, or it has a managed dict (see [`layout_with_dict`]).
#[inline]
fn has_gc_head(vtable: &VTable, flags: u32) -> bool {
    vtable.tracked || flags & FLAG_MANAGED_DICT != 0
}

/// The header at the start of every heap object: 24 bytes (CPython's is 16, without the
/// vtable). The count is 32 bits, as it shares a word with the flags: 2^32 references would
/// take 64 GB of reference slots alone.
#[repr(C)]
pub struct Header {
    refcnt: Cell<u32>,
    flags: Cell<u32>,
    vtable: &'static VTable,
    /// The object's Python type (an owned reference), or `None` while bootstrapping.
    ty: Cell<Option<NonNull<Header>>>,
}

const _: () = assert!(std::mem::size_of::<Header>() == 24);

impl Header {
    /// Clears a header flag (for the flags the heap manages itself).
    pub(crate) fn clear_flag(&self, flag: u32) {
        self.flags.set(self.flags.get() & !flag);
    }
}

/// An object and its payload, as laid out in memory.
#[repr(C)]
pub struct HeapObject<T> {
    pub(crate) header: Header,
    pub(crate) payload: T,
}

/// A payload type that lives on the heap. Implement it with [`crate::payload!`].
pub trait Payload: Trace + Sized + 'static {
    /// The vtable for this payload type (a `static`, so its address identifies the type).
    fn vtable() -> &'static VTable;
}

/// Builds the vtable of a payload type. Used by [`crate::payload!`].
#[must_use]
pub const fn vtable_for<T: Payload>(name: &'static str, tracked: bool) -> VTable {
    let object = Layout::new::<HeapObject<T>>();
    let (layout, header_offset) = if tracked {
        // The GcHead sits right before the header, whatever the payload's alignment, so
        // the collector finds the header from the GcHead without knowing the payload type.
        let align = object.align();
        let offset = GC_HEAD_SIZE.div_ceil(align) * align;
        match Layout::from_size_align(offset + object.size(), align) {
            Ok(layout) => (layout, offset),
            Err(_) => panic!("payload type too large"),
        }
    } else {
        (object, 0)
    };
    VTable {
        name,
        tracked,
        layout,
        header_offset,
        drop_payload: drop_payload::<T>,
        traverse: traverse_payload::<T>,
        clear: clear_payload::<T>,
    }
}

unsafe fn drop_payload<T>(header: NonNull<Header>) {
    // SAFETY: the caller passes the header of a live `HeapObject<T>` whose payload is
    // dropped exactly once, just before the memory is freed.
    unsafe { std::ptr::drop_in_place(&raw mut (*header.as_ptr().cast::<HeapObject<T>>()).payload) }
}

unsafe fn traverse_payload<T: Trace>(header: NonNull<Header>, visit: &mut dyn FnMut(&ObjRef)) {
    // SAFETY: the caller passes the header of a live `HeapObject<T>`.
    let object = unsafe { &*header.as_ptr().cast::<HeapObject<T>>() };
    object.payload.traverse(visit);
}

unsafe fn clear_payload<T: Trace>(header: NonNull<Header>) {
    // SAFETY: the caller passes the header of a live `HeapObject<T>`.
    let object = unsafe { &*header.as_ptr().cast::<HeapObject<T>>() };
    object.payload.clear();
}

/// Declares that a type is a heap payload: `payload!(List, "list", tracked)` or
/// `payload!(Str, "str", untracked)`.
#[macro_export]
macro_rules! payload {
    ($ty:ty, $name:literal, tracked) => {
        $crate::payload!(@impl $ty, $name, true);
    };
    ($ty:ty, $name:literal, untracked) => {
        $crate::payload!(@impl $ty, $name, false);
    };
    (@impl $ty:ty, $name:literal, $tracked:expr) => {
        impl $crate::Payload for $ty {
            #[inline]
            fn vtable() -> &'static $crate::VTable {
                static VTABLE: $crate::VTable = $crate::vtable_for::<$ty>($name, $tracked);
                &VTABLE
            }
        }
    };
}

/// An owned, strong reference to a heap object: cloning increments the reference count,
/// dropping decrements it and frees the object when it reaches zero.
#[repr(transparent)]
pub struct ObjRef {
    ptr: NonNull<Header>,
}

impl ObjRef {
    /// Allocates an object with the given payload and Python type; the new reference is the
    /// only one. Returns `None` if memory is exhausted (the caller raises `MemoryError`).
    pub fn try_new<T: Payload>(payload: T, ty: Option<&ObjRef>) -> Option<ObjRef> {
        Self::allocate(payload, ty, false)
    }

    /// Like [`ObjRef::new`], with an (empty) managed `__dict__` slot.
    pub fn new_with_dict<T: Payload>(payload: T, ty: Option<&ObjRef>) -> ObjRef {
        match Self::allocate(payload, ty, true) {
            Some(obj) => obj,
            None => std::alloc::handle_alloc_error(layout_with_dict(T::vtable()).0),
        }
    }

    fn allocate<T: Payload>(payload: T, ty: Option<&ObjRef>, with_dict: bool) -> Option<ObjRef> {
        let vtable = T::vtable();
        let (layout, prefix) = if with_dict { layout_with_dict(vtable) } else { (vtable.layout, 0) };
        // SAFETY: the layout is non-zero-sized (it contains a header); `free_object`
        // releases it with `heap::free_block` and the same layout.
        let start = NonNull::new(unsafe { heap::alloc_block(layout) })?;
        if with_dict {
            // SAFETY: the dict slot is the first field of the allocation.
            unsafe { start.cast::<DictSlot>().as_ptr().write(Cell::new(None)) };
        }
        // SAFETY: `prefix` is within the allocation (from `Layout::extend`).
        let base = unsafe { start.add(prefix) };
        let header_ptr = base.as_ptr().wrapping_add(vtable.header_offset).cast::<HeapObject<T>>();
        let header = Header {
            refcnt: Cell::new(1),
            flags: Cell::new(if with_dict { FLAG_MANAGED_DICT } else { 0 }),
            vtable,
            ty: Cell::new(ty.map(|t| t.clone().into_raw())),
        };
        // SAFETY: `header_ptr` points into the fresh allocation at the object's offset.
        unsafe { header_ptr.write(HeapObject { header, payload }) };
        heap::note_allocation();
        // SAFETY: just written, non-null.
        let ptr = unsafe { NonNull::new_unchecked(header_ptr.cast::<Header>()) };
        if has_gc_head(vtable, if with_dict { FLAG_MANAGED_DICT } else { 0 }) {
            // SAFETY: the object was just allocated with room for a GcHead.
            let gc = unsafe { gc_head_of(ptr) };
            // SAFETY: the tracked layout reserves GC_HEAD_SIZE bytes right before the header
            // (`header_offset >= GC_HEAD_SIZE`, or the dict prefix's room), suitably aligned.
            unsafe { gc.as_ptr().write(GcHead::default()) };
            // SAFETY: the GcHead was just initialized and the object is live.
            unsafe { crate::gc::track_new(gc) };
        }
        Some(ObjRef { ptr })
    }

    /// Allocates, aborting like `Box::new` when memory is exhausted. For fixed-size
    /// objects; sizes chosen by Python code go through [`ObjRef::try_new`].
    pub fn new<T: Payload>(payload: T, ty: Option<&ObjRef>) -> ObjRef {
        match ObjRef::try_new(payload, ty) {
            Some(obj) => obj,
            None => std::alloc::handle_alloc_error(T::vtable().layout),
        }
    }

    #[inline]
    fn header(&self) -> &Header {
        // SAFETY: an ObjRef keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }

    /// The payload, if the object's payload type is `T`.
    #[inline]
    #[must_use]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        if std::ptr::eq(self.header().vtable, T::vtable()) {
            // SAFETY: the vtable identifies the payload type, and the reference keeps it alive.
            Some(unsafe { &(*self.ptr.as_ptr().cast::<HeapObject<T>>()).payload })
        } else {
            None
        }
    }

    /// The payload for changing in place, if its type is `T` and this is the object's only
    /// reference (so nothing else can see the change: CPython's `Py_REFCNT(o) == 1` test
    /// before resizing a str). Immortal, interned and weakly referenced objects are never
    /// unique.
    #[inline]
    pub fn unique_payload_mut<T: Payload>(&mut self) -> Option<&mut T> {
        let header = self.header();
        if !std::ptr::eq(header.vtable, T::vtable())
            || header.refcnt.get() != 1
            || header.flags.get() & (FLAG_IMMORTAL | FLAG_INTERNED | FLAG_WEAKLY_REFERENCED) != 0
        {
            return None;
        }
        // SAFETY: the vtable identifies the payload type; with a count of one, this
        // reference (borrowed mutably) is the only way to reach the object, so no other
        // borrow of the payload exists for as long as the returned one.
        Some(unsafe { &mut (*self.ptr.as_ptr().cast::<HeapObject<T>>()).payload })
    }

    /// Whether the payload type is `T`.
    #[inline]
    #[must_use]
    pub fn is<T: Payload>(&self) -> bool {
        std::ptr::eq(self.header().vtable, T::vtable())
    }

    /// The object's Python type. Panics only if called during bootstrap before the type
    /// was set (a Pyrite bug).
    #[inline]
    #[must_use]
    pub fn type_ref(&self) -> &ObjRef {
        let slot = self.header().ty.as_ptr();
        // SAFETY: `ObjRef` is a transparent NonNull<Header>, and `Option<NonNull>` uses the
        // null niche, so a `Some` slot has the layout of an ObjRef. The object owns that
        // reference for as long as `self` keeps the object alive.
        unsafe {
            assert!((*slot).is_some(), "object type used before bootstrap set it");
            &*slot.cast::<ObjRef>()
        }
    }

    /// Replaces the object's type (bootstrap and `__class__` assignment).
    pub fn set_type(&self, ty: &ObjRef) {
        let old = self.header().ty.replace(Some(ty.clone().into_raw()));
        if let Some(old) = old {
            // SAFETY: the slot owned that reference.
            drop(unsafe { ObjRef::from_raw(old) });
        }
    }

    /// The current reference count.
    #[inline]
    #[must_use]
    pub fn refcount(&self) -> usize {
        self.header().refcnt.get() as usize
    }

    /// The count of the object at `ptr` (for the collector).
    ///
    /// # Safety
    /// `ptr` is the header of an allocated object.
    #[inline]
    pub(crate) unsafe fn refcount_of(ptr: NonNull<Header>) -> usize {
        // SAFETY: guaranteed by the caller.
        (unsafe { ptr.as_ref() }.refcnt.get()) as usize
    }

    /// Identity of the object (its address), for `id()` and `is`.
    #[inline]
    #[must_use]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// Whether two references point to the same object.
    #[inline]
    #[must_use]
    pub fn is_same(&self, other: &ObjRef) -> bool {
        self.ptr == other.ptr
    }

    /// The object's header flags.
    #[must_use]
    pub fn flags(&self) -> u32 {
        self.header().flags.get()
    }

    /// Sets header flags (see the `FLAG_*` constants).
    pub fn set_flags(&self, flags: u32) {
        self.header().flags.set(self.header().flags.get() | flags);
    }

    /// Clears header flags (see the `FLAG_*` constants).
    pub fn clear_flags(&self, flags: u32) {
        self.header().flags.set(self.header().flags.get() & !flags);
    }

    /// The header pointer (identity; not counted).
    pub(crate) fn header_ptr(&self) -> NonNull<Header> {
        self.ptr
    }

    /// The payload type name (for diagnostics).
    #[must_use]
    pub fn payload_name(&self) -> &'static str {
        self.header().vtable.name
    }

    /// Visits the references the object owns: its managed `__dict__` (if filled), its type
    /// (unless the type is immortal, as CPython visits only heap types), then the
    /// payload's own references. This is exactly what the cycle collector traverses.
    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        // SAFETY: the reference keeps the object alive.
        unsafe { traverse_object(self.ptr, visit) }
    }

    /// Leaks the reference into a raw pointer (the count is kept).
    #[must_use]
    pub fn into_raw(self) -> NonNull<Header> {
        let ptr = self.ptr;
        std::mem::forget(self);
        ptr
    }

    /// Takes back a reference leaked by [`ObjRef::into_raw`].
    ///
    /// # Safety
    /// `ptr` came from `into_raw` and its count has not been released since.
    #[must_use]
    pub unsafe fn from_raw(ptr: NonNull<Header>) -> ObjRef {
        ObjRef { ptr }
    }

    fn dict_slot(&self) -> Option<&DictSlot> {
        if self.flags() & FLAG_MANAGED_DICT == 0 {
            return None;
        }
        let vtable = self.header().vtable;
        let (_, prefix) = layout_with_dict(vtable);
        let start = self.ptr.as_ptr().cast::<u8>().wrapping_sub(vtable.header_offset + prefix);
        // SAFETY: objects with FLAG_MANAGED_DICT were allocated by `allocate` with the dict
        // slot at the start, `prefix + header_offset` bytes before the header.
        Some(unsafe { &*start.cast::<DictSlot>() })
    }

    /// Whether the object has a managed `__dict__` slot.
    #[must_use]
    pub fn has_managed_dict(&self) -> bool {
        self.flags() & FLAG_MANAGED_DICT != 0
    }

    /// The managed `__dict__`, if the object has the slot and it is filled.
    #[must_use]
    pub fn managed_dict(&self) -> Option<ObjRef> {
        let slot = self.dict_slot()?;
        let ptr = slot.get()?;
        // SAFETY: the slot owns a reference; cloning it adds one for the caller.
        let owned = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(ptr) });
        Some((*owned).clone())
    }

    /// Fills the managed `__dict__` slot (no effect on objects without one); returns the
    /// previous dict for the caller to drop.
    pub fn set_managed_dict(&self, dict: Option<ObjRef>) -> Option<ObjRef> {
        let slot = self.dict_slot()?;
        let old = slot.replace(dict.map(ObjRef::into_raw));
        // SAFETY: the slot owned that reference.
        old.map(|p| unsafe { ObjRef::from_raw(p) })
    }

    /// Makes the object immortal: it will never be freed (builtin types and singletons).
    /// Immortal objects are untracked: the collector never needs to look at them.
    pub fn make_immortal(&self) {
        self.set_flags(FLAG_IMMORTAL);
        self.header().refcnt.set(u32::MAX / 2);
        crate::gc::untrack(self);
    }

    /// The GcHead of a tracked-type object or of one with a managed dict.
    #[inline]
    pub(crate) fn gc_head(&self) -> Option<NonNull<GcHead>> {
        if has_gc_head(self.header().vtable, self.flags()) {
            // SAFETY: the object has a GcHead and the reference keeps the object alive.
            Some(unsafe { gc_head_of(self.ptr) })
        } else {
            None
        }
    }

    /// Clears the object to break a cycle: the payload's references (`Trace::clear`) and
    /// the managed `__dict__` (as CPython's `subtype_clear`). The type stays.
    pub(crate) fn clear_for_gc(&self) {
        // SAFETY: the reference keeps the object alive.
        unsafe { (self.header().vtable.clear)(self.ptr) };
        drop(self.set_managed_dict(None));
    }
}

/// Where the GcHead of a tracked-type object lives.
///
/// # Safety
/// `ptr` is the header of an allocated object whose payload type is tracked.
#[inline]
pub(crate) unsafe fn gc_head_of(ptr: NonNull<Header>) -> NonNull<GcHead> {
    // SAFETY: the tracked layout puts the GcHead GC_HEAD_SIZE bytes before the header, in
    // the same allocation (guaranteed by the caller).
    unsafe { ptr.cast::<u8>().sub(GC_HEAD_SIZE).cast::<GcHead>() }
}

/// The header of the object a GcHead belongs to.
///
/// # Safety
/// `gc` is the GcHead of an allocated object (not a list sentinel).
#[inline]
pub(crate) unsafe fn header_of_gc(gc: NonNull<GcHead>) -> NonNull<Header> {
    // SAFETY: an object's GcHead is followed by its header in the same allocation.
    unsafe { gc.cast::<u8>().add(GC_HEAD_SIZE).cast::<Header>() }
}

/// Visits what [`ObjRef::traverse`] visits.
///
/// # Safety
/// `ptr` is the header of a live object.
pub(crate) unsafe fn traverse_object(ptr: NonNull<Header>, visit: &mut dyn FnMut(&ObjRef)) {
    // SAFETY: the caller guarantees the object is live; a borrowed ObjRef that is never
    // dropped does not change the count.
    let obj = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(ptr) });
    if let Some(slot) = obj.dict_slot()
        && let Some(dict) = slot.get()
    {
        // SAFETY: the slot owns a reference to the dict; borrowed without a count change.
        let dict = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(dict) });
        visit(&dict);
    }
    if let Some(ty) = obj.header().ty.get() {
        // SAFETY: the header owns a reference to its type; borrowed without a count change.
        let ty = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(ty) });
        if ty.flags() & FLAG_IMMORTAL == 0 {
            visit(&ty);
        }
    }
    // SAFETY: the object is live.
    unsafe { (obj.header().vtable.traverse)(ptr, visit) }
}

/// Frees (or finalizes) an object whose count reached zero, from the deferred-free loop.
/// An object flagged [`FLAG_HAS_FINALIZER`] and not yet [`FLAG_FINALIZED`] is first
/// handed to the finalizer hook with a temporary reference (PEP 442); if the hook stored a
/// new reference somewhere (resurrection), the object stays alive.
///
/// # Safety
/// The object's count is zero and nothing else refers to it.
pub(crate) unsafe fn dispose(ptr: NonNull<Header>) {
    // SAFETY: guaranteed by the caller (the memory is still allocated).
    let header = unsafe { ptr.as_ref() };
    let flags = header.flags.get();
    if flags & (FLAG_HAS_FINALIZER | FLAG_FINALIZED) == FLAG_HAS_FINALIZER
        && let Some(hook) = crate::gc::finalizer_hook()
    {
        header.flags.set(flags | FLAG_FINALIZED);
        header.refcnt.set(1);
        {
            // SAFETY: the temporary count of 1 belongs to this reference, which is never
            // dropped (so the hook's own clones and drops cannot free the object).
            let obj = std::mem::ManuallyDrop::new(unsafe { ObjRef::from_raw(ptr) });
            hook(&obj);
        }
        let count = header.refcnt.get() - 1;
        header.refcnt.set(count);
        if count != 0 {
            return; // resurrected: someone kept a reference
        }
    }
    if header.flags.get() & FLAG_WEAKLY_REFERENCED != 0 {
        // SAFETY: the object is being freed (count zero, finalizer done) and flagged.
        unsafe { crate::weak::clear_on_free(ptr) };
    }
    // SAFETY: the count is zero and the finalizer (if any) did not resurrect it.
    unsafe { free_object(ptr) }
}

impl Clone for ObjRef {
    #[inline]
    fn clone(&self) -> ObjRef {
        let header = self.header();
        header.refcnt.set(header.refcnt.get() + 1);
        ObjRef { ptr: self.ptr }
    }
}

impl Drop for ObjRef {
    #[inline]
    fn drop(&mut self) {
        let header = self.header();
        let count = header.refcnt.get() - 1;
        header.refcnt.set(count);
        if count == 0 {
            if header.flags.get() & FLAG_IMMORTAL != 0 {
                // Only references leaked by a bug elsewhere, 2^31 of them, get here: an
                // immortal object stays alive whatever its count says.
                header.refcnt.set(u32::MAX / 2);
                return;
            }
            // SAFETY: the count reached zero: this was the last reference.
            unsafe { heap::release(self.ptr) };
        }
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:#x}>", self.payload_name(), self.addr())
    }
}

/// Frees an object whose count reached zero: drops its payload and type reference and
/// returns its memory.
///
/// # Safety
/// The object's count is zero and nothing else refers to it.
pub(crate) unsafe fn free_object(ptr: NonNull<Header>) {
    // SAFETY: guaranteed by the caller.
    let header = unsafe { ptr.as_ref() };
    let vtable = header.vtable;
    if has_gc_head(vtable, header.flags.get()) {
        // SAFETY: the object being freed has a GcHead (tracked type or managed dict).
        unsafe { crate::gc::untrack_freed(gc_head_of(ptr)) };
    }
    let ty = header.ty.take();
    let with_dict = header.flags.get() & FLAG_MANAGED_DICT != 0;
    let (layout, prefix) = if with_dict { layout_with_dict(vtable) } else { (vtable.layout, 0) };
    let start = ptr.as_ptr().cast::<u8>().wrapping_sub(vtable.header_offset + prefix);
    let dict = if with_dict {
        // SAFETY: as in `ObjRef::dict_slot`; the slot owns its reference.
        unsafe { (*start.cast::<DictSlot>()).take().map(|p| ObjRef::from_raw(p)) }
    } else {
        None
    };
    // SAFETY: the object is dead; its payload is dropped once.
    unsafe { (vtable.drop_payload)(ptr) };
    drop(dict);
    if let Some(ty) = ty {
        // SAFETY: the header owned this reference.
        drop(unsafe { ObjRef::from_raw(ty) });
    }
    // SAFETY: allocated in `allocate` by `heap::alloc_block` with this layout starting here.
    unsafe { heap::free_block(NonNull::new_unchecked(start), layout) };
    heap::note_free();
}
