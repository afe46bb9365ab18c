//! Type objects: a class's name, bases, MRO, attribute dict and slot table.
//!
//! Slots are function pointers the VM and the protocol functions call without dictionary
//! lookups. Builtin types fill them with their Rust implementations; classes defined in
//! Python fill them with wrappers that look up the dunder methods. Each type carries a
//! version tag, changed whenever the type or a base is mutated, for attribute caches.

use std::cell::Cell;

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::ctx::{Args, Ctx};
use crate::error::PyResult;
use crate::types::dict::PyDict;
use crate::types::str::PyStr;
use crate::value::Value;

/// `type.__new__`-like constructor: `(type, args) -> instance`.
pub type NewFn = fn(&mut Ctx, &ObjRef, Args<'_>) -> PyResult;
/// `__init__`.
pub type InitFn = fn(&mut Ctx, &Value, Args<'_>) -> PyResult<()>;
/// `__call__`.
pub type CallFn = fn(&mut Ctx, &Value, Args<'_>) -> PyResult;
/// A unary slot returning a value (`__repr__`, `__str__`, `__iter__`).
pub type UnaryFn = fn(&mut Ctx, &Value) -> PyResult;
/// `__hash__`.
pub type HashFn = fn(&mut Ctx, &Value) -> PyResult<i64>;
/// Rich comparison; returns `NotImplemented` when the operand types are not handled.
pub type CompareFn = fn(&mut Ctx, &Value, &Value, CompareOp) -> PyResult;
/// `__getattribute__`: name is a str value. Raises AttributeError when missing.
pub type GetAttrFn = fn(&mut Ctx, &Value, &Value) -> PyResult;
/// `__setattr__` (value given) / `__delattr__` (value `None`).
pub type SetAttrFn = fn(&mut Ctx, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `__next__`: `None` when exhausted (no StopIteration object is made).
pub type NextFn = fn(&mut Ctx, &Value) -> PyResult<Option<Value>>;
/// `__len__`.
pub type LenFn = fn(&mut Ctx, &Value) -> PyResult<usize>;
/// `__bool__`.
pub type BoolFn = fn(&mut Ctx, &Value) -> PyResult<bool>;
/// `__getitem__`.
pub type GetItemFn = fn(&mut Ctx, &Value, &Value) -> PyResult;
/// `__setitem__` (value given) / `__delitem__` (value `None`).
pub type SetItemFn = fn(&mut Ctx, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `__contains__`.
pub type ContainsFn = fn(&mut Ctx, &Value, &Value) -> PyResult<bool>;
/// A binary operator; returns `NotImplemented` when the operand types are not handled.
/// Called as `slot(a, b)` for both the normal and the reflected attempt.
pub type BinaryOpFn = fn(&mut Ctx, &Value, &Value, BinaryOp) -> PyResult;
/// Unary `-`, `+`, `~`.
pub type UnaryOpFn = fn(&mut Ctx, &Value, UnaryOp) -> PyResult;
/// `__get__(obj, owner)`; `obj` is `None` for access through the class.
pub type DescrGetFn = fn(&mut Ctx, &Value, Option<&Value>, &ObjRef) -> PyResult;
/// `__set__` (value given) / `__delete__` (value `None`).
pub type DescrSetFn = fn(&mut Ctx, &Value, &Value, Option<Value>) -> PyResult<()>;

/// The unary operators with a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Negative,
    Positive,
    Invert,
}

/// The slot table of a type.
#[derive(Clone, Copy, Default)]
pub struct Slots {
    pub new: Option<NewFn>,
    pub init: Option<InitFn>,
    pub call: Option<CallFn>,
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcompare: Option<CompareFn>,
    pub getattro: Option<GetAttrFn>,
    pub setattro: Option<SetAttrFn>,
    pub iter: Option<UnaryFn>,
    pub next: Option<NextFn>,
    pub len: Option<LenFn>,
    pub bool: Option<BoolFn>,
    pub getitem: Option<GetItemFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    pub binary: Option<BinaryOpFn>,
    pub inplace: Option<BinaryOpFn>,
    pub unary: Option<UnaryOpFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
}

/// Type flag: Python code may subclass the type.
pub const TYPE_BASETYPE: u32 = 1;
/// Type flag: the type was created at run time (a `class` statement).
pub const TYPE_HEAPTYPE: u32 = 2;
/// Type flag: instances are unhashable (`__hash__ = None`).
pub const TYPE_UNHASHABLE: u32 = 4;
/// Type flag: instances have no `__dict__` (`__slots__` without `"__dict__"`, all the way up).
pub const TYPE_NO_DICT: u32 = 8;
/// Type flag: `match` treats instances as sequences (CPython's `Py_TPFLAGS_SEQUENCE`).
pub const TYPE_SEQUENCE: u32 = 16;
/// Type flag: `match` treats instances as mappings (CPython's `Py_TPFLAGS_MAPPING`).
pub const TYPE_MAPPING: u32 = 32;
/// The two flags `match` reads; a type has at most one of them.
pub const COLLECTION_FLAGS: u32 = TYPE_SEQUENCE | TYPE_MAPPING;

/// The payload of a type object.
pub struct TypeObject {
    /// `__name__`.
    pub name: PayloadCell<Box<str>>,
    /// `__qualname__`.
    pub qualname: PayloadCell<Box<str>>,
    /// `__bases__`.
    pub bases: PayloadCell<Vec<ObjRef>>,
    /// `__mro__`, starting with the type itself.
    pub mro: PayloadCell<Vec<ObjRef>>,
    /// The attribute dict (a `PyDict` object).
    pub dict: ObjRef,
    /// The slot table.
    pub slots: PayloadCell<Slots>,
    /// `TYPE_*` flags.
    pub flags: Cell<u32>,
    /// Changes whenever the type or one of its bases changes; unique while not 0. 0 means
    /// "do not cache": the counter is spent (see [`next_version`]) and every cache keyed by
    /// versions must treat 0 as never matching (see [`cacheable_version`]).
    pub version: Cell<u32>,
    /// Classes that name this one as a direct base (`__subclasses__()`). These are strong
    /// references: until the cycle collector and weak references arrive, classes live as
    /// long as their bases.
    pub subclasses: PayloadCell<Vec<ObjRef>>,
    /// The attribute names shared by the instances (used by classes defined in Python
    /// whose instances keep their attributes inline; see `types::instance`).
    pub keys: std::rc::Rc<crate::types::instance::SharedKeys>,
    /// Whether instances have a `__del__`, as found for a version tag: `version << 2 | 2 |
    /// found` (0: not looked up yet). Instance creation asks every time.
    finalizer: Cell<u64>,
    /// The version for which the class's own dict was found without `__abstractmethods__`
    /// (0: not looked up), so instance creation skips that lookup (CPython keeps a flag,
    /// `Py_TPFLAGS_IS_ABSTRACT`, set by the attribute's setter).
    no_abstract: Cell<u32>,
    /// Which attribute hooks classes defined in Python along the MRO define, as found for
    /// a version tag: `version << 8 | 0x80 | bits` (0: not looked up; see
    /// [`python_getattr_hooks`]).
    getattr_hooks: Cell<u64>,
}

impl Trace for TypeObject {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.dict);
        for base in self.bases.borrow().iter() {
            visit(base);
        }
        // The MRO's first entry is the type itself: not an owned edge worth reporting
        // twice, but it is a real reference, so report all of them as CPython does.
        for t in self.mro.borrow().iter() {
            visit(t);
        }
        for t in self.subclasses.borrow().iter() {
            visit(t);
        }
    }

    fn clear(&self) {
        // The MRO goes: what the attribute cache remembered for this version is stale.
        self.version.set(next_version());
        let mro = self.mro.replace(Vec::new());
        let bases = self.bases.replace(Vec::new());
        let subclasses = self.subclasses.replace(Vec::new());
        drop((mro, bases, subclasses));
    }
}

payload!(TypeObject, "type", tracked);

impl TypeObject {
    /// The slot table (copied out: slots are plain function pointers).
    #[inline]
    #[must_use]
    pub fn slots(&self) -> Slots {
        *self.slots.borrow()
    }
}

/// The `TypeObject` payload of a type object.
///
/// # Panics
/// If `ty` is not a type object (a Pyrite bug: callers pass `Value::type_ref()`).
#[inline]
#[must_use]
pub fn type_payload(ty: &ObjRef) -> &TypeObject {
    ty.downcast::<TypeObject>().expect("type_ref() always refers to a type object")
}

/// `ty.__name__`.
#[must_use]
pub fn type_name(ty: &ObjRef) -> String {
    ty.downcast::<TypeObject>().map_or_else(|| "?".to_owned(), |t| t.name.borrow().to_string())
}

/// Whether `sub` is `sup` or derives from it.
#[must_use]
pub fn is_subtype(sub: &ObjRef, sup: &ObjRef) -> bool {
    if sub.is_same(sup) {
        return true;
    }
    match sub.downcast::<TypeObject>() {
        Some(t) => t.mro.borrow().iter().any(|m| m.is_same(sup)),
        None => false,
    }
}

/// Finds `name` in the MRO of `ty` (no descriptors are invoked). Answers from the type
/// attribute cache when it can (see `types::attrcache`); prefer [`lookup_obj`] when the
/// name's str object is at hand, so that a miss is remembered.
#[must_use]
#[inline]
pub fn lookup(ty: &ObjRef, name: &PyStr) -> Option<Value> {
    crate::types::attrcache::lookup(type_payload(ty), name, None)
}

/// [`lookup`] for a name given as a str value (`name` is its payload).
#[must_use]
#[inline]
pub fn lookup_obj(ty: &ObjRef, name_obj: &Value, name: &PyStr) -> Option<Value> {
    crate::types::attrcache::lookup(type_payload(ty), name, name_obj.as_obj())
}

/// [`lookup`] for a name given as a str object.
#[must_use]
#[inline]
pub fn lookup_ref(ty: &ObjRef, name_obj: &ObjRef) -> Option<Value> {
    crate::types::attrcache::lookup(type_payload(ty), name_obj.downcast::<PyStr>()?, Some(name_obj))
}

/// Whether instances of `ty` have a `__del__` (looked up once per version of the type).
#[must_use]
pub fn has_finalizer(ty: &ObjRef) -> bool {
    let payload = type_payload(ty);
    let Some(version) = cacheable_version(payload) else { return lookup_str(ty, "__del__").is_some() };
    let key = u64::from(version) << 2 | 2;
    let cached = payload.finalizer.get();
    if cached & !1 == key {
        return cached & 1 == 1;
    }
    let found = lookup_str(ty, "__del__").is_some();
    payload.finalizer.set(key | u64::from(found));
    found
}

/// The bits `find` computes for `ty` (at most 7: which attribute hooks its Python classes
/// define), computed once per version of the type: any change to the class or a base
/// bumps the version.
pub fn python_getattr_hooks(ty: &ObjRef, find: impl FnOnce() -> u8) -> u8 {
    let payload = type_payload(ty);
    let Some(version) = cacheable_version(payload) else { return find() & 0x7f };
    let key = u64::from(version) << 8 | 0x80;
    let cached = payload.getattr_hooks.get();
    if cached & !0x7f == key {
        return (cached & 0x7f) as u8;
    }
    let bits = find() & 0x7f;
    payload.getattr_hooks.set(key | u64::from(bits));
    bits
}

/// Whether the class's own dict is known to have no `__abstractmethods__` (for its current
/// version: any change to the class bumps the version).
#[must_use]
pub fn known_not_abstract(ty: &ObjRef) -> bool {
    let payload = type_payload(ty);
    cacheable_version(payload).is_some_and(|version| payload.no_abstract.get() == version)
}

/// Records that the class's own dict has no `__abstractmethods__` (see
/// [`known_not_abstract`]).
pub fn note_not_abstract(ty: &ObjRef) {
    let payload = type_payload(ty);
    payload.no_abstract.set(payload.version.get());
}

/// Finds `name` (a Rust string) in the MRO of `ty`.
#[must_use]
pub fn lookup_str(ty: &ObjRef, name: &str) -> Option<Value> {
    let name = PyStr::cached_name(name);
    crate::types::attrcache::lookup(type_payload(ty), name.downcast::<PyStr>()?, Some(&name))
}

/// Creates a type object. `dict` holds the class namespace.
#[must_use]
pub fn new_type(
    metatype: Option<&ObjRef>,
    name: &str,
    bases: Vec<ObjRef>,
    dict: ObjRef,
    slots: Slots,
    flags: u32,
) -> ObjRef {
    let payload = TypeObject {
        name: PayloadCell::new(name.into()),
        qualname: PayloadCell::new(name.into()),
        bases: PayloadCell::new(bases),
        mro: PayloadCell::new(Vec::new()),
        dict,
        slots: PayloadCell::new(slots),
        flags: Cell::new(flags),
        version: Cell::new(next_version()),
        subclasses: PayloadCell::new(Vec::new()),
        keys: std::rc::Rc::default(),
        finalizer: Cell::new(0),
        no_abstract: Cell::new(0),
        getattr_hooks: Cell::new(0),
    };
    let ty = ObjRef::new(payload, metatype);
    let mro = simple_mro(&ty);
    *type_payload(&ty).mro.borrow_mut() = mro;
    ty
}

/// Creates an immortal native type outside the builtin table (the types of native
/// modules: `itertools.count`, `collections.deque`, ...). `__module__` is `module`, and
/// messages name it `module.name` as CPython's `tp_name` (`__name__` stays `name`). `init`
/// sets the type's own slots; each gets its dunder wrapper (`__repr__`, `__next__`, ...)
/// in the type's dict, and the other slots are inherited from `base` (default `object`).
#[must_use]
pub fn new_native_type_with(
    name: &str,
    module: &str,
    base: Option<&ObjRef>,
    flags: u32,
    init: impl FnOnce(&mut Slots),
) -> ObjRef {
    let t = crate::registry::types();
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        // Builtin types have no `__module__` entry: `type.__module__` says `builtins`.
        if module != "builtins" {
            crate::types::intern::set_name(d, "__module__", Value::str(module));
        }
        crate::types::intern::set_name(d, "__doc__", Value::None);
    }
    let base = base.unwrap_or(&t.object).clone();
    let full_name = if module == "builtins" { name.to_owned() } else { format!("{module}.{name}") };
    let mut slots = Slots::default();
    init(&mut slots);
    let ty = new_type(Some(&t.type_), &full_name, vec![base.clone()], dict, slots, flags);
    *type_payload(&ty).qualname.borrow_mut() = name.into();
    ty.make_immortal();
    inherit_collection_flags(&ty);
    note_subclass(&base, &ty);
    crate::methods::slots::install_wrappers(&ty);
    inherit_slots(&ty);
    ty
}

/// [`new_native_type_with`] with no slots of its own (the caller may still set some, but
/// then gets no dunder wrappers for them).
#[must_use]
pub fn new_native_type(name: &str, module: &str, base: Option<&ObjRef>, flags: u32) -> ObjRef {
    new_native_type_with(name, module, base, flags, |_| {})
}

/// A process-wide native type made on first use: `static T: StaticType = StaticType::new();`
/// then `T.get_or_init(|| new_native_type(...))`.
pub struct StaticType(std::sync::OnceLock<ImmortalType>);

struct ImmortalType(ObjRef);

// SAFETY: the type is immortal (its count never reaches zero, so it is never freed), and
// Python objects are only touched by the thread holding the GIL.
unsafe impl Send for ImmortalType {}
// SAFETY: as above.
unsafe impl Sync for ImmortalType {}

impl StaticType {
    /// An empty handle.
    #[must_use]
    pub const fn new() -> StaticType {
        StaticType(std::sync::OnceLock::new())
    }

    /// The type, made by `make` the first time (which must return an immortal type, as
    /// [`new_native_type`] does).
    pub fn get_or_init(&self, make: impl FnOnce() -> ObjRef) -> &ObjRef {
        &self.0.get_or_init(|| ImmortalType(make())).0
    }
}

impl Default for StaticType {
    fn default() -> Self {
        StaticType::new()
    }
}

/// The MRO of a type with at most one base (builtin types): itself, then its base's MRO.
/// Classes with several bases get the C3 linearization from the VM.
fn simple_mro(ty: &ObjRef) -> Vec<ObjRef> {
    let mut mro = vec![ty.clone()];
    let bases = type_payload(ty).bases.borrow().clone();
    if let Some(base) = bases.first() {
        mro.extend(type_payload(base).mro.borrow().iter().cloned());
    }
    mro
}

/// The source of version tags (starts at 1: 0 means "do not cache").
static VERSION_COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// A fresh version tag, or 0 once all 2^32 - 1 tags have been handed out. Tags never wrap:
/// a reused tag could make a stale cache entry match a changed type. As CPython's
/// `tp_version_tag`, a type that gets 0 is simply no longer cached (the inline caches
/// keyed by versions pack them into the low 32 bits of a guard, so the tag stays a u32).
fn next_version() -> u32 {
    take_version(&VERSION_COUNTER)
}

/// Takes the next tag from `counter`, which stays at 0 once spent.
fn take_version(counter: &std::sync::atomic::AtomicU32) -> u32 {
    use std::sync::atomic::Ordering::Relaxed;
    // Only the GIL holder bumps versions: a plain load and store suffice.
    let next = counter.load(Relaxed);
    if next == 0 {
        return 0;
    }
    counter.store(next.wrapping_add(1), Relaxed);
    next
}

/// The type's version tag if caches may key on it (`None` for the spent tag 0).
#[inline]
#[must_use]
pub fn cacheable_version(payload: &TypeObject) -> Option<u32> {
    let version = payload.version.get();
    (version != 0).then_some(version)
}

macro_rules! inherit {
    ($slots:ident, $from:ident, $($name:ident),*) => {
        $( if $slots.$name.is_none() { $slots.$name = $from.$name; } )*
    };
}

/// Fills the slots a type does not define from its MRO, as CPython's `inherit_slots`.
pub fn inherit_slots(ty: &ObjRef) {
    let payload = type_payload(ty);
    let mro: Vec<ObjRef> = payload.mro.borrow().iter().skip(1).cloned().collect();
    let mut slots = payload.slots();
    for base in &mro {
        let from = type_payload(base).slots();
        inherit!(
            slots,
            from,
            new,
            init,
            call,
            repr,
            str,
            hash,
            richcompare,
            getattro,
            setattro,
            iter,
            next,
            len,
            bool,
            getitem,
            setitem,
            contains,
            binary,
            inplace,
            unary,
            descr_get,
            descr_set
        );
    }
    *payload.slots.borrow_mut() = slots;
}

/// Records that `sub` derives directly from `base`, for `__subclasses__()`.
/// Gives a new type the collection flag of the first type of its MRO (after itself)
/// that has one, unless it has its own (CPython's `inherit_patma_flags`).
pub fn inherit_collection_flags(ty: &ObjRef) {
    let payload = type_payload(ty);
    if payload.flags.get() & COLLECTION_FLAGS != 0 {
        return;
    }
    let inherited =
        payload.mro.borrow().iter().skip(1).map(|b| type_payload(b).flags.get() & COLLECTION_FLAGS).find(|&f| f != 0);
    if let Some(flag) = inherited {
        payload.flags.set(payload.flags.get() | flag);
    }
}

/// Gives a class and its subclasses the collection flag `flag` (what registering it with
/// `collections.abc.Sequence` or `Mapping` does); builtin types keep theirs.
pub fn set_collection_flag_recursive(ty: &ObjRef, flag: u32) {
    let payload = type_payload(ty);
    if payload.flags.get() & TYPE_HEAPTYPE == 0 || payload.flags.get() & COLLECTION_FLAGS == flag {
        return;
    }
    payload.flags.set((payload.flags.get() & !COLLECTION_FLAGS) | flag);
    for sub in subclasses(ty) {
        set_collection_flag_recursive(&sub, flag);
    }
}

/// Records `sub` as a direct subclass of `base`.
pub fn note_subclass(base: &ObjRef, sub: &ObjRef) {
    type_payload(base).subclasses.borrow_mut().push(sub.clone());
}

/// The direct subclasses of `ty`, in creation order.
#[must_use]
pub fn subclasses(ty: &ObjRef) -> Vec<ObjRef> {
    type_payload(ty).subclasses.borrow().clone()
}

/// Marks a type (and so its attribute caches) as modified.
pub fn bump_version(ty: &ObjRef) {
    type_payload(ty).version.set(next_version());
    // What a subclass inherits changed too: its caches are stale as well.
    let subclasses = type_payload(ty).subclasses.borrow().clone();
    for sub in &subclasses {
        bump_version(sub);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;

    use super::take_version;

    #[test]
    fn version_tags_never_wrap() {
        let counter = AtomicU32::new(u32::MAX - 1);
        assert_eq!(take_version(&counter), u32::MAX - 1);
        assert_eq!(take_version(&counter), u32::MAX);
        // Spent: every later tag is 0 ("do not cache"), never a reused small tag.
        assert_eq!(take_version(&counter), 0);
        assert_eq!(take_version(&counter), 0);
    }
}
