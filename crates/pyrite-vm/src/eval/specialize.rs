//! Inline caches and specialized instructions (PEP 659, as CPython 3.11's `specialize.c`).
//!
//! Each code object has a run-time copy of its code units (`Code::units`) and a table of
//! [`CacheEntry`]s. `LOAD_GLOBAL` keeps the position of the name in the globals or
//! builtins dict, guarded by both dicts' versions (unique across all dicts), and repairs
//! its cache on a miss. `LOAD_ATTR` and `STORE_ATTR` are adaptive: the generic
//! instruction counts down its entry's counter and, when it reaches zero, tries to
//! specialize: it writes a specialized opcode over itself and fills the entry. A
//! specialized instruction checks its guards (the type's version tag, which changes
//! whenever the type or a base changes; dict versions) and falls back to the generic
//! instruction, de-specializing with a back-off, when one fails. Caches hold numbers only:
//! they keep nothing alive and a stale one can only miss.

use pyrite_bytecode::{CodeUnit, Opcode};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::exception::{self, PyException};
use pyrite_object::types::function::{BuiltinFunction, CacheEntry, Code, Function, Module};
use pyrite_object::types::instance::Instance;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{GetAttrFn, SetAttrFn, TypeObject, type_payload};
use pyrite_object::{Ctx, ObjRef, PyResult, Value, attrs, protocol};

use super::names;
use crate::frame::{Frame, Slot};

/// Executions of a generic instruction before it tries again after failing to
/// specialize, or after its specialized form missed.
const BACKOFF: u16 = 64;

/// The cache entry of the instruction being run.
#[inline]
fn entry(frame: &Frame) -> Option<&CacheEntry> {
    frame.code().cache_entry_of(frame.lasti + 1)
}

/// Rewrites the opcode of the instruction being run in the code's run-time copy.
fn rewrite(frame: &Frame, op: Opcode) {
    if let Some(unit) = frame.code().units.get(frame.lasti) {
        unit.set(CodeUnit { op: op as u8, arg: unit.get().arg });
    }
}

/// A specialized instruction missed: back to the generic form, which waits before trying
/// again.
#[cold]
fn despecialize(frame: &Frame, generic: Opcode) {
    rewrite(frame, generic);
    if let Some(e) = entry(frame) {
        e.counter.set(BACKOFF);
    }
}

/// Counts down the generic instruction's counter; `true` when it is time to specialize.
#[inline]
fn due(frame: &Frame) -> bool {
    match entry(frame) {
        Some(e) => {
            let counter = e.counter.get();
            if counter == 0 {
                return true;
            }
            e.counter.set(counter - 1);
            false
        }
        None => false,
    }
}

fn name_str(code: &Code, index: u32) -> Option<&PyStr> {
    code.names.get(index as usize)?.as_str()
}

/// Whether `ty` has a version tag caches may record: once the counter is spent, types get
/// version 0, which no cache may trust.
fn cacheable(ty: &ObjRef) -> bool {
    type_payload(ty).version.get() != 0
}

fn version_of(ty: &ObjRef) -> u64 {
    u64::from(type_payload(ty).version.get())
}

/// Runs `f` on the `__dict__` object of `obj`, if it has one (an instance whose
/// attributes are inline has none).
#[inline]
fn with_instance_dict<R>(obj: &ObjRef, f: impl FnOnce(&PyDict) -> R) -> Option<R> {
    if let Some(instance) = obj.downcast::<Instance>() {
        // `f` reads the dict or swaps one value out: nothing that runs Python code,
        // allocates or drops a reference while the payload is borrowed.
        return instance.with_dict(f);
    }
    let dict = attrs::existing_dict(obj)?;
    dict.downcast::<PyDict>().map(f)
}

/// Whether `obj` keeps its attributes inline (against its class's shared keys).
#[inline]
fn inline_instance(obj: &ObjRef) -> Option<&Instance> {
    obj.downcast::<Instance>().filter(|i| i.has_inline_values())
}

/// Whether `name` is one of `obj`'s own attributes (which shadow a method of its class).
fn has_own(obj: &ObjRef, name: &PyStr) -> bool {
    attrs::lookup(obj, name).is_some()
}

/// The guard of `LOAD_ATTR_METHOD`: the type's version tag, and in the high half the
/// number of its shared keys, which only grow: while it is unchanged, a name that was not
/// among them still is not, so no inline attribute can shadow the method.
fn method_guard(ty: &ObjRef) -> u64 {
    let keys = type_payload(ty).keys.len() as u64;
    version_of(ty) | (keys << 32)
}

/// Whether attribute loads on instances of `ty` go through `object.__getattribute__`.
fn generic_getattr(ty: &ObjRef) -> bool {
    type_payload(ty)
        .slots()
        .getattro
        .is_none_or(|slot| std::ptr::fn_addr_eq(slot, protocol::generic_getattr as GetAttrFn))
}

/// Whether attribute stores on instances of `ty` go through `object.__setattr__`.
fn generic_setattr(ty: &ObjRef) -> bool {
    type_payload(ty)
        .slots()
        .setattro
        .is_none_or(|slot| std::ptr::fn_addr_eq(slot, protocol::generic_setattr as SetAttrFn))
}

/// Whether a class attribute binds to an instance as a method that `CALL` can take in
/// method form: a Python function, or a native method descriptor (`list.append`).
fn is_method_like(attr: &ObjRef) -> bool {
    attr.is::<Function>()
        || (attr.type_ref().is_same(&pyrite_object::types().method_descriptor)
            && attr.downcast::<BuiltinFunction>().is_some_and(|f| f.bound.is_none()))
}

fn is_data_descriptor(attr: &Value) -> bool {
    attr.as_obj().is_some_and(|a| type_payload(a.type_ref()).slots().descr_set.is_some())
}

/// Finds `name` along the MRO of `ty`: the depth of the class that has it, the entry's
/// position in that class's dict, the dict's version, and the value.
fn find_in_mro(ty: &ObjRef, name: &PyStr) -> Option<(usize, usize, u64, Value)> {
    let mro = type_payload(ty).mro.borrow();
    mro.iter().enumerate().find_map(|(depth, class)| {
        let dict = type_payload(class).dict.downcast::<PyDict>()?;
        let index = dict.index_of_str(name)?;
        Some((depth, index, dict.version(), dict.value_at(index)?))
    })
}

/// The value the cache of the `LOAD_GLOBAL` at `at` still vouches for (the dicts it was
/// found in are unchanged), for the register loop to push without a call.
#[inline(always)]
pub(super) fn load_global_cached(frame: &Frame, at: usize) -> Option<Value> {
    let e = frame.code().cache_entry_of(at + 1)?;
    let globals = frame.globals.downcast::<PyDict>()?;
    if globals.version() != e.version.get() {
        return None;
    }
    if e.depth.get() == 0 {
        return globals.value_at(e.index.get() as usize);
    }
    let builtins = frame.builtins.downcast::<PyDict>()?;
    if builtins.version() != e.version2.get() {
        return None;
    }
    builtins.value_at(e.index.get() as usize)
}

/// `LOAD_GLOBAL`, with the name's position in globals or builtins cached.
pub(super) fn load_global(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let cached = {
        let (Some(e), Some(globals), Some(builtins)) =
            (entry(frame), frame.globals.downcast::<PyDict>(), frame.builtins.downcast::<PyDict>())
        else {
            return names::load_global(ctx, frame, arg);
        };
        let index = e.index.get() as usize;
        let hit = if globals.version() != e.version.get() {
            None
        } else if e.depth.get() == 0 {
            globals.value_at(index)
        } else if builtins.version() == e.version2.get() {
            builtins.value_at(index)
        } else {
            None
        };
        match hit {
            Some(value) => Some(value),
            None => name_str(frame.code(), arg >> 1).and_then(|name| refill_global(e, globals, builtins, name)),
        }
    };
    match cached {
        Some(value) => {
            if arg & 1 == 1 {
                frame.push_null();
            }
            frame.push(value);
            Ok(())
        }
        None => names::load_global(ctx, frame, arg),
    }
}

/// Looks `name` up in globals then builtins and remembers where it was found.
fn refill_global(e: &CacheEntry, globals: &PyDict, builtins: &PyDict, name: &PyStr) -> Option<Value> {
    if let Some(index) = globals.index_of_str(name) {
        let position = u32::try_from(index).ok()?;
        e.version.set(globals.version());
        e.depth.set(0);
        e.index.set(position);
        return globals.value_at(index);
    }
    let index = builtins.index_of_str(name)?;
    let position = u32::try_from(index).ok()?;
    e.version.set(globals.version());
    e.version2.set(builtins.version());
    e.depth.set(1);
    e.index.set(position);
    builtins.value_at(index)
}

/// The generic `LOAD_ATTR`, which specializes itself when its counter runs out.
pub(super) fn load_attr(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    if due(frame) {
        let op = specialize_load_attr(frame, arg);
        match op {
            Some(op) => rewrite(frame, op),
            None => {
                if let Some(e) = entry(frame) {
                    e.counter.set(BACKOFF);
                }
            }
        }
    }
    if load_inline_attr_by_hint(frame, arg) {
        return Ok(());
    }
    names::load_attr(ctx, frame, arg)
}

/// The generic `LOAD_ATTR` of an attribute an instance keeps inline, found without the
/// full lookup: for sites that see instances of several classes (`self.x` in a method
/// that subclasses share), which no specialization guarded by one type serves. The
/// name's position in the class's shared keys is remembered in the cache as a hint (the
/// subclasses usually agree on it); the class is asked, through the type-attribute
/// cache, for a data descriptor of that name, which would take precedence. `false` with
/// nothing done when that does not apply.
#[inline]
fn load_inline_attr_by_hint(frame: &mut Frame, arg: u32) -> bool {
    /// What the generic lookup would find.
    enum Found {
        /// The instance's own inline value.
        Own(Value),
        /// A method of the class, for `CALL` in method form (no own value shadows it).
        Method(Value),
    }
    let found = (|| {
        let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
        let instance = inline_instance(obj)?;
        let ty = obj.type_ref();
        if !generic_getattr(ty) {
            return None;
        }
        let name = name_str(frame.code(), arg >> 1)?;
        let class_attr = pyrite_object::types::typeobj::lookup(ty, name);
        if class_attr.as_ref().is_some_and(is_data_descriptor) {
            return None;
        }
        let e = entry(frame)?;
        let keys = &type_payload(ty).keys;
        let hint = e.index.get() as usize;
        let named = |key: ObjRef| key.downcast::<PyStr>().is_some_and(|k| std::ptr::eq(k, name) || k.eq_str(name));
        let index = if keys.name_at(hint).is_some_and(named) {
            Some(hint)
        } else {
            let index = keys.index_of(name);
            if let Some(i) = index.and_then(|i| u32::try_from(i).ok()) {
                e.index.set(i);
            }
            index
        };
        if let Some(own) = index.and_then(|i| instance.inline_value(i)) {
            return Some(Found::Own(own));
        }
        match class_attr {
            Some(method) if arg & 1 == 1 && method.as_obj().is_some_and(is_method_like) => Some(Found::Method(method)),
            _ => None,
        }
    })();
    match found {
        Some(Found::Own(value)) => {
            replace_owner(frame, arg, value);
            true
        }
        Some(Found::Method(function)) => {
            let owner = frame.pop_slot();
            frame.push(function);
            match owner {
                Some(owner) => frame.push(owner),
                None => frame.push_null(),
            }
            true
        }
        None => false,
    }
}

/// Picks the specialized form of the `LOAD_ATTR` about to run and fills its cache.
fn specialize_load_attr(frame: &Frame, arg: u32) -> Option<Opcode> {
    let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
    let e = entry(frame)?;
    let name = name_str(frame.code(), arg >> 1)?;
    let ty = obj.type_ref();
    let dunder = name.as_str().starts_with("__");
    if obj.is::<TypeObject>() {
        return if dunder && name.as_str() != "__init__" { None } else { specialize_class_attr(e, obj, name) };
    }
    if obj.is::<Module>() && ty.is_same(&pyrite_object::types().module) && !dunder {
        let dict = obj.downcast::<Module>()?.dict.downcast::<PyDict>()?;
        let index = dict.index_of_str(name)?;
        e.version.set(dict.version());
        e.index.set(u32::try_from(index).ok()?);
        return Some(Opcode::LOAD_ATTR_MODULE);
    }
    if !(generic_getattr(ty)
        || crate::generator::getattro_defers(ty, name.as_str())
        || exception::attrs_are_generic(ty, name.as_str()))
        || !cacheable(ty)
    {
        return None;
    }
    let version = version_of(ty);
    match find_in_mro(ty, name) {
        Some((depth, index, dict_version, attr)) if arg & 1 == 1 && attr.as_obj().is_some_and(is_method_like) => {
            if has_own(obj, name) || type_payload(ty).keys.index_of(name).is_some() {
                return None;
            }
            let depth = u16::try_from(depth).ok().filter(|&d| d < METHOD_NO_DICT)?;
            // Instances of a builtin type that cannot have a `__dict__` (a str, a list)
            // need no look for one at each load: the payload, which decides it, is the
            // type's own. Classes defined in Python are always looked at.
            let no_dict = !heap_type(ty) && !attrs::has_dict(obj);
            e.version.set(method_guard(ty));
            e.version2.set(dict_version);
            e.depth.set(if no_dict { depth | METHOD_NO_DICT } else { depth });
            e.index.set(u32::try_from(index).ok()?);
            // No other class yet (see `add_method_way`).
            for (guard, _) in &e.more {
                guard.set(0);
            }
            Some(Opcode::LOAD_ATTR_METHOD)
        }
        Some((_, _, _, attr)) if is_data_descriptor(&attr) => None,
        _ => {
            if let Some(instance) = inline_instance(obj) {
                let index = type_payload(ty).keys.index_of(name)?;
                instance.inline_value(index)?;
                e.version.set(version);
                e.index.set(u32::try_from(index).ok()?);
                // No other class yet (see `add_instance_type`).
                for (version, _) in &e.more {
                    version.set(0);
                }
                return Some(Opcode::LOAD_ATTR_INSTANCE_VALUE);
            }
            let index = with_instance_dict(obj, |d| d.index_of_str(name)).flatten()?;
            e.version.set(version);
            e.index.set(u32::try_from(index).ok()?);
            Some(Opcode::LOAD_ATTR_WITH_HINT)
        }
    }
}

/// Fills the cache of a `LOAD_ATTR` on the class `cls` (an instance of `type` itself): a
/// Python function (which a class returns unbound) or a value without `__get__`, not
/// shadowed by a data descriptor of `type`.
fn specialize_class_attr(e: &CacheEntry, cls: &ObjRef, name: &PyStr) -> Option<Opcode> {
    let t = pyrite_object::types();
    if !cls.type_ref().is_same(&t.type_) || !cacheable(cls) {
        return None;
    }
    if find_in_mro(&t.type_, name).is_some_and(|(_, _, _, meta)| is_data_descriptor(&meta)) {
        return None;
    }
    let (depth, index, dict_version, attr) = find_in_mro(cls, name)?;
    let plain = match &attr {
        Value::Obj(a) => a.is::<Function>() || type_payload(a.type_ref()).slots().descr_get.is_none(),
        _ => true,
    };
    if !plain {
        return None;
    }
    e.version.set(version_of(cls));
    e.version2.set(dict_version);
    e.depth.set(u16::try_from(depth).ok()?);
    e.index.set(u32::try_from(index).ok()?);
    Some(Opcode::LOAD_ATTR_CLASS)
}

/// Pushes the result of a `LOAD_ATTR` that found `value` on the object on top of the
/// stack (replacing it); the method form gets a NULL first, as for a plain attribute.
#[inline]
fn replace_owner(frame: &mut Frame, arg: u32, value: Value) {
    let owner = frame.pop_slot();
    if arg & 1 == 1 {
        frame.push_null();
    }
    frame.push(value);
    drop(owner);
}

/// `LOAD_ATTR_CLASS`.
pub(super) fn load_attr_class(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let found = (|| {
        let Some(Value::Obj(cls)) = frame.peek_ref(1) else { return None };
        let e = entry(frame)?;
        if !cls.is::<TypeObject>() || version_of(cls) != e.version.get() {
            return None;
        }
        let mro = type_payload(cls).mro.borrow();
        let dict = type_payload(mro.get(usize::from(e.depth.get()))?).dict.downcast::<PyDict>()?;
        if dict.version() != e.version2.get() {
            return None;
        }
        dict.value_at(e.index.get() as usize)
    })();
    match found {
        Some(value) => {
            replace_owner(frame, arg, value);
            Ok(())
        }
        None => {
            despecialize(frame, Opcode::LOAD_ATTR);
            names::load_attr(ctx, frame, arg)
        }
    }
}

/// `LOAD_ATTR_MODULE`.
pub(super) fn load_attr_module(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let found = (|| {
        let Some(Value::Obj(module)) = frame.peek_ref(1) else { return None };
        let e = entry(frame)?;
        let dict = module.downcast::<Module>()?.dict.downcast::<PyDict>()?;
        if dict.version() != e.version.get() {
            return None;
        }
        dict.value_at(e.index.get() as usize)
    })();
    match found {
        Some(value) => {
            replace_owner(frame, arg, value);
            Ok(())
        }
        None => {
            despecialize(frame, Opcode::LOAD_ATTR);
            names::load_attr(ctx, frame, arg)
        }
    }
}

/// `LOAD_ATTR_INSTANCE_VALUE`: `false` when a guard fails (then call
/// [`load_attr_miss`]).
#[inline]
pub(super) fn load_attr_instance_value(frame: &mut Frame, arg: u32) -> bool {
    let found = (|| {
        let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
        let e = entry(frame)?;
        let version = version_of(obj.type_ref());
        let index = if version == e.version.get() {
            e.index.get() as usize
        } else {
            let (_, index) = e.more.iter().find(|(v, _)| v.get() == version && version != 0)?;
            usize::from(index.get())
        };
        obj.downcast::<Instance>()?.inline_value(index)
    })();
    match found {
        Some(value) => {
            replace_owner(frame, arg, value);
            true
        }
        None => false,
    }
}

/// A specialized `LOAD_ATTR` missed: back to the generic instruction.
#[cold]
pub(super) fn load_attr_miss(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    if let Some(value) = add_instance_type(frame, arg) {
        replace_owner(frame, arg, value);
        return Ok(());
    }
    despecialize(frame, Opcode::LOAD_ATTR);
    names::load_attr(ctx, frame, arg)
}

/// A `LOAD_ATTR_INSTANCE_VALUE` site meets instances of another class (`self.x` in a
/// method that subclasses share): that class joins the cache (its version tag and the
/// attribute's position in its shared keys, in a free place of `more`) when its instances
/// keep the attribute inline and no class along its MRO has an attribute of that name.
/// The value when it joined; `None` when the site must go back to the generic instruction.
fn add_instance_type(frame: &Frame, arg: u32) -> Option<Value> {
    let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
    let e = entry(frame)?;
    let ty = obj.type_ref();
    let (free, place) = e.more.iter().find(|(v, _)| v.get() == 0)?;
    if !generic_getattr(ty) || !cacheable(ty) {
        return None;
    }
    let name = name_str(frame.code(), arg >> 1)?;
    if find_in_mro(ty, name).is_some() {
        return None;
    }
    let instance = inline_instance(obj)?;
    let index = type_payload(ty).keys.index_of(name)?;
    let position = u16::try_from(index).ok()?;
    let value = instance.inline_value(index)?;
    free.set(version_of(ty));
    place.set(position);
    Some(value)
}

/// `LOAD_ATTR_WITH_HINT`.
pub(super) fn load_attr_with_hint(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let found = (|| {
        let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
        let e = entry(frame)?;
        if version_of(obj.type_ref()) != e.version.get() {
            return None;
        }
        let name = name_str(frame.code(), arg >> 1)?;
        with_instance_dict(obj, |d| d.value_at_key(e.index.get() as usize, name)).flatten()
    })();
    match found {
        Some(value) => {
            let owner = frame.pop_slot();
            if arg & 1 == 1 {
                frame.push_null();
            }
            frame.push(value);
            drop(owner);
            Ok(())
        }
        None => {
            despecialize(frame, Opcode::LOAD_ATTR);
            names::load_attr(ctx, frame, arg)
        }
    }
}

/// `LOAD_ATTR_METHOD`'s flag in `CacheEntry::depth`, above any MRO depth it records: the
/// instances of the first class it saw cannot have a `__dict__`, so none needs a look.
const METHOD_NO_DICT: u16 = 0x8000;

/// Where a `LOAD_ATTR_METHOD` site finds the method for one class: the first class it saw
/// (`version`, with `version2`, `index` and `depth`), or one of up to three more (classes
/// defined in Python whose instances share the method's name through a common base, or
/// each define their own: `task.run()` over tasks of several kinds) in `more`, where
/// each keeps its [`method_guard`] and, packed in 16 bits, the MRO depth (high 4 bits) and
/// the position in that class's dict (low 12 bits). The extra classes carry no dict
/// version: a class defined in Python changes its dict only through paths that bump its
/// version tag (see `types::attrcache`), so its guard covers the dicts along its MRO.
#[derive(Clone, Copy)]
struct MethodWay {
    depth: usize,
    index: usize,
    /// The version the dict must still have (first class only).
    dict_version: Option<u64>,
    /// Whether the instance's own attributes cannot shadow the method.
    no_dict: bool,
}

/// The packed position of an extra class's method ([`MethodWay`]), when it fits.
fn pack_method_position(depth: usize, index: usize) -> Option<u16> {
    (depth < 16 && index < 4096).then(|| u16::try_from(depth << 12 | index).ok()).flatten()
}

/// The way of a `LOAD_ATTR_METHOD` cache that serves instances of `ty`, if any.
#[inline(always)]
fn method_way(e: &CacheEntry, ty: &ObjRef) -> Option<MethodWay> {
    let guard = method_guard(ty);
    if guard == e.version.get() {
        let depth = e.depth.get();
        return Some(MethodWay {
            depth: usize::from(depth & !METHOD_NO_DICT),
            index: e.index.get() as usize,
            dict_version: Some(e.version2.get()),
            no_dict: depth & METHOD_NO_DICT != 0,
        });
    }
    // A free way is 0, which no cacheable type's guard is (its version is not 0).
    let (_, packed) = e.more.iter().find(|(g, _)| g.get() == guard)?;
    let packed = packed.get();
    Some(MethodWay {
        depth: usize::from(packed >> 12),
        index: usize::from(packed & 0xfff),
        dict_version: None,
        no_dict: false,
    })
}

/// The method a [`MethodWay`] of `ty` points at, when the dict it is in still holds it there.
#[inline(always)]
fn method_at(ty: &ObjRef, way: MethodWay) -> Option<Value> {
    let mro = type_payload(ty).mro.borrow();
    let dict = type_payload(mro.get(way.depth)?).dict.downcast::<PyDict>()?;
    if way.dict_version.is_some_and(|v| v != dict.version()) {
        return None;
    }
    dict.value_at(way.index)
}

/// Whether `ty` was defined in Python (a heap type).
fn heap_type(ty: &ObjRef) -> bool {
    type_payload(ty).flags.get() & pyrite_object::types::typeobj::TYPE_HEAPTYPE != 0
}

/// Replaces the object on top of the stack with `[function, object]` (the method form).
#[inline(always)]
fn push_method(frame: &mut Frame, function: Value) {
    let owner = frame.pop_slot();
    frame.push(function);
    match owner {
        Some(owner) => frame.push(owner),
        None => frame.push_null(),
    }
}

/// `LOAD_ATTR_METHOD` for the register loop: the method of a class the cache knows, on an
/// instance whose own attributes cannot shadow it (kept inline, whose class's keys the
/// guard covers, or no `__dict__` at all). `false`, with nothing changed, for anything
/// else (then run [`load_attr_method`]). The lookup stays a call of its own (a closure):
/// inlined whole into the register loop, it measured slower.
#[inline(always)]
pub(super) fn load_attr_method_fast(frame: &mut Frame) -> bool {
    let found = (|| {
        let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
        let e = entry(frame)?;
        let ty = obj.type_ref();
        let way = method_way(e, ty)?;
        if !way.no_dict && inline_instance(obj).is_none() {
            return None;
        }
        method_at(ty, way)
    })();
    match found {
        Some(function) => {
            push_method(frame, function);
            true
        }
        None => false,
    }
}

/// A `LOAD_ATTR_METHOD` site meets an instance of a class it does not know yet: the class
/// joins the cache in a free place of `more` (see [`MethodWay`]) when it is a class
/// defined in Python whose attribute lookup is the generic one, and the name is a Python
/// function or method descriptor along its MRO that no instance attribute of that name
/// can shadow (not among its shared keys).
fn add_method_way(e: &CacheEntry, obj: &ObjRef, name: &PyStr) -> Option<MethodWay> {
    let ty = obj.type_ref();
    let (free, place) = e.more.iter().find(|(g, _)| g.get() == 0)?;
    if !heap_type(ty) || !generic_getattr(ty) || !cacheable(ty) || type_payload(ty).keys.index_of(name).is_some() {
        return None;
    }
    let (depth, index, _, attr) = find_in_mro(ty, name)?;
    if !attr.as_obj().is_some_and(is_method_like) {
        return None;
    }
    place.set(pack_method_position(depth, index)?);
    free.set(method_guard(ty));
    Some(MethodWay { depth, index, dict_version: None, no_dict: false })
}

/// `LOAD_ATTR_METHOD` when [`load_attr_method_fast`] could not finish it: an instance
/// whose `__dict__` must be looked at, or a class the cache does not know yet.
pub(super) fn load_attr_method(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let found = (|| {
        let Some(Value::Obj(obj)) = frame.peek_ref(1) else { return None };
        let e = entry(frame)?;
        let ty = obj.type_ref();
        let name = name_str(frame.code(), arg >> 1)?;
        let way = match method_way(e, ty) {
            Some(way) => way,
            None => add_method_way(e, obj, name)?,
        };
        // Inline attributes cannot shadow the method (the guard says the name is still
        // not among the class's keys); a dict can, unless there is none (see the
        // specialization).
        if !way.no_dict
            && inline_instance(obj).is_none()
            && with_instance_dict(obj, |d| d.index_of_str(name).is_some()) == Some(true)
        {
            return None;
        }
        method_at(ty, way)
    })();
    match found {
        Some(function) => {
            push_method(frame, function);
            Ok(())
        }
        None => {
            despecialize(frame, Opcode::LOAD_ATTR);
            names::load_attr(ctx, frame, arg)
        }
    }
}

/// The generic `STORE_ATTR`, which specializes itself when its counter runs out.
pub(super) fn store_attr(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    if !due(frame) {
        return names::store_attr(ctx, frame, arg);
    }
    let owner = frame.peek_ref(1).clone();
    names::store_attr(ctx, frame, arg)?;
    let op = owner.as_ref().and_then(|owner| specialize_store_attr(frame, owner, arg));
    match op {
        Some(op) => rewrite(frame, op),
        None => {
            if let Some(e) = entry(frame) {
                e.counter.set(BACKOFF);
            }
        }
    }
    drop(owner);
    Ok(())
}

/// Fills the cache of the `STORE_ATTR` that just stored into `owner`.
fn specialize_store_attr(frame: &Frame, owner: &Value, arg: u32) -> Option<Opcode> {
    let Value::Obj(obj) = owner else { return None };
    let e = entry(frame)?;
    let name = name_str(frame.code(), arg)?;
    let ty = obj.type_ref();
    if obj.is::<TypeObject>()
        || !(generic_setattr(ty) || exception::attrs_are_generic(ty, name.as_str()))
        || !cacheable(ty)
    {
        return None;
    }
    if find_in_mro(ty, name).is_some_and(|(_, _, _, attr)| is_data_descriptor(&attr)) {
        return None;
    }
    if inline_instance(obj).is_some() {
        let index = type_payload(ty).keys.index_of(name)?;
        e.version.set(version_of(ty));
        e.index.set(u32::try_from(index).ok()?);
        return Some(Opcode::STORE_ATTR_INSTANCE_VALUE);
    }
    let index = with_instance_dict(obj, |d| d.index_of_str(name)).flatten()?;
    e.version.set(version_of(ty));
    e.index.set(u32::try_from(index).ok()?);
    Some(Opcode::STORE_ATTR_WITH_HINT)
}

/// `STORE_ATTR_INSTANCE_VALUE` for the register loop, on the stack's top two slots (the
/// owner on top, the value below), for the instruction at `at` of `code` (no write-back
/// of the loop's pointers): the value goes to its inline position when the guard holds and
/// the instance keeps its attributes inline, and both slots are emptied; `false`, with
/// nothing changed, otherwise (then run [`store_attr_instance_value`]).
#[inline(always)]
pub(super) fn store_attr_instance_value_top(code: &Code, at: usize, owner: &mut Slot, value: &mut Slot) -> bool {
    let old = {
        let Some(Value::Obj(obj)) = &*owner else { return false };
        let Some(e) = code.cache_entry_of(at + 1) else { return false };
        let Some(instance) = obj.downcast::<Instance>() else { return false };
        if version_of(obj.type_ref()) != e.version.get() || !instance.has_inline_values() {
            return false;
        }
        instance.store_inline(e.index.get() as usize, value.take().unwrap_or(Value::None))
    };
    drop(old);
    drop(owner.take());
    true
}

/// `STORE_ATTR_INSTANCE_VALUE`: guarded by the type's version tag (no data descriptor of
/// that name appeared, the keys are the class's); the value goes to its inline position.
pub(super) fn store_attr_instance_value(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let owner = frame.pop();
    let value = frame.pop();
    let stored = match &owner {
        Value::Obj(obj) => match (entry(frame), obj.downcast::<Instance>()) {
            (Some(e), Some(instance)) if version_of(obj.type_ref()) == e.version.get() => {
                instance.store_inline(e.index.get() as usize, value)
            }
            _ => Err(value),
        },
        _ => Err(value),
    };
    finish_store(ctx, frame, arg, &owner, stored)
}

/// The end of a specialized `STORE_ATTR`: the replaced value is dropped, or, when the guard
/// failed (the value comes back), the instruction goes back to the generic form and this
/// store takes the general path.
fn finish_store<T>(
    ctx: &mut Ctx,
    frame: &mut Frame,
    arg: u32,
    owner: &Value,
    stored: Result<T, Value>,
) -> PyResult<()> {
    match stored {
        Ok(old) => {
            drop(old);
            Ok(())
        }
        Err(value) => {
            despecialize(frame, Opcode::STORE_ATTR);
            let name = frame.code().names[arg as usize].clone();
            protocol::setattr(ctx, owner, &name, Some(value))
        }
    }
}

/// `STORE_ATTR_WITH_HINT`: guarded by the type's version tag only; the instance's
/// `__dict__` gets the value at the cached position or, failing that, by key.
pub(super) fn store_attr_with_hint(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let owner = frame.pop();
    let value = frame.pop();
    let stored = (|| {
        let Value::Obj(obj) = &owner else { return Err(value) };
        let Some(e) = entry(frame) else { return Err(value) };
        if version_of(obj.type_ref()) != e.version.get() {
            return Err(value);
        }
        let Some(name) = name_str(frame.code(), arg) else { return Err(value) };
        let key = &frame.code().names[arg as usize];
        let index = e.index.get() as usize;
        let mut value = Some(value);
        // The type is unchanged (no data descriptor of that name appeared), so the value
        // goes into the instance's `__dict__`: at the cached position, or as a new entry
        // (a fresh instance in `__init__`) as `object.__setattr__` would add it.
        let replaced = with_instance_dict(obj, |d| match value.take() {
            Some(v) => match d.replace_at_key(index, name, v) {
                Ok(old) => Ok(old),
                Err(v) => d.store_str(key, v).map(|old| old.unwrap_or(Value::None)),
            },
            None => Err(Value::None),
        });
        // A fresh exception has no `__dict__` yet: the store makes it, as
        // `object.__setattr__` does (an instance keeps its attributes inline instead).
        let replaced = match (replaced, value.take()) {
            (None, Some(v)) if obj.is::<PyException>() => match attrs::dict(obj) {
                Some(d) => match d.downcast::<PyDict>() {
                    Some(d) => Some(d.store_str(key, v).map(|old| old.unwrap_or(Value::None))),
                    None => Some(Err(v)),
                },
                None => Some(Err(v)),
            },
            (replaced, v) => {
                value = v;
                replaced
            }
        };
        match (replaced, value) {
            (Some(result), _) => result,
            (None, Some(v)) => Err(v),
            (None, None) => Err(Value::None),
        }
    })();
    finish_store(ctx, frame, arg, &owner, stored)
}
