//! The `_abc` module: the machinery behind `abc.ABCMeta` (which `abc.py` builds on it
//! instead of `_py_abc`): abstract method sets, registration of virtual subclasses, and
//! the `isinstance`/`issubclass` checks with their positive and negative caches, as
//! CPython 3.11's `_abc.c`. Each ABC keeps its state in an `_abc_impl` attribute (an
//! `_abc._abc_data`); the registry and caches are sets of weak references that drop
//! their entries when the classes die.

use std::sync::atomic::{AtomicU64, Ordering};

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::check_args;
use pyrite_object::types::function::{BuiltinFunction, Module};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::set::PySet;
use pyrite_object::types::typeobj::{
    COLLECTION_FLAGS, StaticType, TYPE_MAPPING, TYPE_SEQUENCE, TypeObject, is_subtype, new_native_type_with,
    set_collection_flag_recursive,
};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Bumped by every registration: negative caches older than it are stale.
static INVALIDATION_COUNTER: AtomicU64 = AtomicU64::new(0);

fn counter() -> u64 {
    INVALIDATION_COUNTER.load(Ordering::Relaxed)
}

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_abc",
        &[
            ("get_cache_token", get_cache_token),
            ("_abc_init", abc_init),
            ("_reset_registry", reset_registry),
            ("_reset_caches", reset_caches),
            ("_get_dump", get_dump),
            ("_abc_register", abc_register),
            ("_abc_instancecheck", abc_instancecheck),
            ("_abc_subclasscheck", abc_subclasscheck),
        ],
    );
    Module::set(&module, "__doc__", Value::str("Module contains faster C implementation of abc.ABCMeta"));
    Ok(module)
}

/// An ABC's state: the registry and the two caches (sets of weak references, made on
/// first use) and the counter value the negative cache is valid for.
struct AbcData {
    registry: PayloadCell<Option<ObjRef>>,
    cache: PayloadCell<Option<ObjRef>>,
    negative_cache: PayloadCell<Option<ObjRef>>,
    version: std::cell::Cell<u64>,
}

impl Trace for AbcData {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for cell in [&self.registry, &self.cache, &self.negative_cache] {
            if let Some(set) = cell.borrow().as_ref() {
                visit(set);
            }
        }
    }

    fn clear(&self) {
        for cell in [&self.registry, &self.cache, &self.negative_cache] {
            drop(cell.replace(None));
        }
    }
}

payload!(AbcData, "_abc._abc_data", tracked);

fn data_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        new_native_type_with("_abc_data", "_abc", None, 0, |s| {
            s.new = Some(|_, ty, _| Ok(new_data(ty)));
        })
    })
}

fn new_data(ty: &ObjRef) -> Value {
    let data = AbcData {
        registry: PayloadCell::new(None),
        cache: PayloadCell::new(None),
        negative_cache: PayloadCell::new(None),
        version: std::cell::Cell::new(counter()),
    };
    Value::Obj(ObjRef::new(data, Some(ty)))
}

/// Which of an ABC's weak sets.
#[derive(Clone, Copy)]
enum Which {
    Registry,
    Cache,
    Negative,
}

impl AbcData {
    fn cell(&self, which: Which) -> &PayloadCell<Option<ObjRef>> {
        match which {
            Which::Registry => &self.registry,
            Which::Cache => &self.cache,
            Which::Negative => &self.negative_cache,
        }
    }

    fn set(&self, which: Which) -> Option<ObjRef> {
        self.cell(which).borrow().clone()
    }

    fn set_or_create(&self, which: Which) -> ObjRef {
        let cell = self.cell(which);
        if let Some(set) = cell.borrow().as_ref() {
            return set.clone();
        }
        let set = ObjRef::new(PySet::empty(), Some(&types().set));
        drop(cell.replace(Some(set.clone())));
        set
    }
}

/// The `_abc_impl` of an ABC.
fn get_impl(ctx: &mut Ctx, cls: &Value) -> PyResult<Value> {
    let data = protocol::getattr_str(ctx, cls, "_abc_impl")?;
    if !data.type_ref().is_same(data_type()) {
        return Err(PyErr::type_error("_abc_impl is set to a wrong type"));
    }
    Ok(data)
}

fn data_of(v: &Value) -> PyResult<&AbcData> {
    v.downcast::<AbcData>().ok_or_else(|| PyErr::type_error("_abc_impl is set to a wrong type"))
}

fn weak_ref(ctx: &mut Ctx, obj: &Value, callback: Option<Value>) -> PyResult {
    let ty = Value::Obj(crate::weakref::ref_type().clone());
    match callback {
        None => protocol::call_positional(ctx, &ty, std::slice::from_ref(obj)),
        Some(cb) => protocol::call_positional(ctx, &ty, &[obj.clone(), cb]),
    }
}

/// Whether `obj` is in one of the weak sets (objects that cannot be weakly referenced
/// never are).
fn in_weak_set(ctx: &mut Ctx, data: &AbcData, which: Which, obj: &Value) -> PyResult<bool> {
    let Some(set) = data.set(which) else { return Ok(false) };
    let Some(s) = set.downcast::<PySet>() else { return Ok(false) };
    if s.is_empty() {
        return Ok(false);
    }
    let r = match weak_ref(ctx, obj, None) {
        Ok(r) => r,
        Err(e) if e.matches(&types().type_error) => return Ok(false),
        Err(e) => return Err(e),
    };
    s.contains(ctx, &r)
}

/// The callback of the weak references in a set: removes the dead one from the set (if
/// the set itself is still alive).
fn destroy(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [set_ref, dead] = args.values else { return Ok(Value::None) };
    let set = protocol::call_positional(ctx, set_ref, &[])?;
    if let Some(s) = set.downcast::<PySet>() {
        s.discard(ctx, dead)?;
    }
    Ok(Value::None)
}

fn add_to_weak_set(ctx: &mut Ctx, data: &AbcData, which: Which, obj: &Value) -> PyResult<()> {
    let set = Value::Obj(data.set_or_create(which));
    let set_ref = weak_ref(ctx, &set, None)?;
    let func = BuiltinFunction::new_obj("_destroy", destroy);
    let callback = Value::Obj(func.downcast::<BuiltinFunction>().map_or_else(|| func.clone(), |f| f.bind(set_ref)));
    let r = weak_ref(ctx, obj, Some(callback))?;
    if let Some(s) = set.downcast::<PySet>() {
        s.add(ctx, r)?;
    }
    Ok(())
}

fn one_arg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("_abc.{name}() takes no keyword arguments")));
    }
    match args.values {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!("_abc.{name}() takes exactly one argument ({} given)", args.values.len()))),
    }
}

fn two_args<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("_abc.{name}() takes no keyword arguments")));
    }
    let values = check_args(name, args, 2, 2)?;
    Ok((&values[0], &values[1]))
}

fn is_type(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.is::<TypeObject>())
}

fn get_cache_token(_: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.values.is_empty() {
        return Err(PyErr::type_error(format!(
            "_abc.get_cache_token() takes no arguments ({} given)",
            args.values.len()
        )));
    }
    Ok(Value::from_bigint(counter().into()))
}

/// `_PyObject_IsAbstract`: a true `__isabstractmethod__`.
fn is_abstract(ctx: &mut Ctx, v: &Value) -> PyResult<bool> {
    match protocol::getattr_str(ctx, v, "__isabstractmethod__") {
        Ok(flag) => protocol::truthy(ctx, &flag),
        Err(e) if e.matches(&types().attribute_error) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `getattr(obj, name)`, or `None` when it has no such attribute.
fn optional_attr(ctx: &mut Ctx, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    match protocol::getattr(ctx, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Sets `cls.__abstractmethods__`: the abstract names of its namespace, and the inherited
/// abstract names it still resolves to something abstract.
fn compute_abstract_methods(ctx: &mut Ctx, cls: &Value) -> PyResult<()> {
    let mut abstracts = Vec::new();
    let ns = protocol::getattr_str(ctx, cls, "__dict__")?;
    let keys_method = protocol::getattr_str(ctx, &ns, "keys")?;
    let keys = protocol::call_positional(ctx, &keys_method, &[])?;
    for key in protocol::collect(ctx, &keys)? {
        let value = protocol::getitem(ctx, &ns, &key)?;
        if is_abstract(ctx, &value)? {
            abstracts.push(key);
        }
    }
    let bases = protocol::getattr_str(ctx, cls, "__bases__")?;
    let Some(bases) = bases.downcast::<PyTuple>().map(|t| t.items().to_vec()) else {
        return Err(PyErr::type_error("__bases__ is not tuple"));
    };
    for base in &bases {
        let Some(inherited) = optional_attr(ctx, base, &Value::str("__abstractmethods__"))? else { continue };
        let it = protocol::get_iter(ctx, &inherited)?;
        while let Some(name) = protocol::next(ctx, &it)? {
            let Some(value) = optional_attr(ctx, cls, &name)? else { continue };
            if is_abstract(ctx, &value)? {
                abstracts.push(name);
            }
        }
    }
    let set = PySet::from_values(ctx, abstracts)?;
    let frozen = Value::Obj(ObjRef::new(set, Some(&types().frozenset)));
    protocol::setattr(ctx, cls, &Value::str("__abstractmethods__"), Some(frozen))
}

fn abc_init(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let cls = one_arg("_abc_init", &args)?;
    compute_abstract_methods(ctx, cls)?;
    protocol::setattr(ctx, cls, &Value::str("_abc_impl"), Some(new_data(data_type())))?;
    // collections.abc marks Sequence and Mapping for pattern matching with
    // `__abc_tpflags__`, which CPython turns into type flags and removes.
    if let Some(ty) = cls.as_obj().filter(|o| o.is::<TypeObject>()) {
        let dict = pyrite_object::types::typeobj::type_payload(ty).dict.clone();
        let own = dict
            .downcast::<pyrite_object::types::dict::PyDict>()
            .and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str("__abc_tpflags__")));
        if let Some(flags) = own {
            if let Value::Int(value) = flags {
                if value & SEQUENCE_AND_MAPPING == SEQUENCE_AND_MAPPING {
                    return Err(PyErr::type_error(
                        "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
                    ));
                }
                let payload = pyrite_object::types::typeobj::type_payload(ty);
                let mut add = 0;
                if value & PY_TPFLAGS_SEQUENCE != 0 {
                    add |= TYPE_SEQUENCE;
                }
                if value & PY_TPFLAGS_MAPPING != 0 {
                    add |= TYPE_MAPPING;
                }
                payload.flags.set(payload.flags.get() | add);
            }
            protocol::setattr(ctx, cls, &Value::str("__abc_tpflags__"), None)?;
        }
    }
    Ok(Value::None)
}

/// CPython's `Py_TPFLAGS_SEQUENCE` and `Py_TPFLAGS_MAPPING`, as `__abc_tpflags__` gives
/// them.
const PY_TPFLAGS_SEQUENCE: i64 = 1 << 5;
const PY_TPFLAGS_MAPPING: i64 = 1 << 6;
const SEQUENCE_AND_MAPPING: i64 = PY_TPFLAGS_SEQUENCE | PY_TPFLAGS_MAPPING;

/// `issubclass(sub, cls)` with the full protocol (`__subclasscheck__` hooks).
fn issubclass(ctx: &mut Ctx, sub: &Value, cls: &Value) -> PyResult<bool> {
    let builtins = pyrite_vm::import_module(ctx, "builtins")?;
    let check = protocol::getattr_str(ctx, &builtins, "issubclass")?;
    let result = protocol::call_positional(ctx, &check, &[sub.clone(), cls.clone()])?;
    protocol::truthy(ctx, &result)
}

fn abc_register(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (cls, subclass) = two_args("_abc_register", args)?;
    if !is_type(subclass) {
        return Err(PyErr::type_error("Can only register classes"));
    }
    if issubclass(ctx, subclass, cls)? {
        return Ok(subclass.clone());
    }
    // Checked after "already a subclass", so that X.register(X) is a no-op.
    if issubclass(ctx, cls, subclass)? {
        return Err(PyErr::runtime_error("Refusing to create an inheritance cycle"));
    }
    let data = get_impl(ctx, cls)?;
    add_to_weak_set(ctx, data_of(&data)?, Which::Registry, subclass)?;
    INVALIDATION_COUNTER.fetch_add(1, Ordering::Relaxed);
    // A registered class becomes a sequence or mapping for `match` as its ABC is.
    if let (Some(me), Some(sub)) = (cls.as_obj().filter(|o| o.is::<TypeObject>()), subclass.as_obj()) {
        let flag = pyrite_object::types::typeobj::type_payload(me).flags.get() & COLLECTION_FLAGS;
        if flag != 0 {
            set_collection_flag_recursive(sub, flag);
        }
    }
    Ok(subclass.clone())
}

fn call_method(ctx: &mut Ctx, obj: &Value, name: &str, arg: &Value) -> PyResult {
    let method = protocol::getattr_str(ctx, obj, name)?;
    protocol::call_positional(ctx, &method, std::slice::from_ref(arg))
}

fn abc_instancecheck(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (cls, instance) = two_args("_abc_instancecheck", args)?;
    let data = get_impl(ctx, cls)?;
    let data = data_of(&data)?;
    let subclass = protocol::getattr_str(ctx, instance, "__class__")?;
    if in_weak_set(ctx, data, Which::Cache, &subclass)? {
        return Ok(Value::Bool(true));
    }
    let subtype = Value::Obj(instance.type_ref().clone());
    if subtype.is(&subclass) {
        if data.version.get() == counter() && in_weak_set(ctx, data, Which::Negative, &subclass)? {
            return Ok(Value::Bool(false));
        }
        return call_method(ctx, cls, "__subclasscheck__", &subclass);
    }
    let result = call_method(ctx, cls, "__subclasscheck__", &subclass)?;
    if protocol::truthy(ctx, &result)? {
        return Ok(result);
    }
    call_method(ctx, cls, "__subclasscheck__", &subtype)
}

fn abc_subclasscheck(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (cls, subclass) = two_args("_abc_subclasscheck", args)?;
    if !is_type(subclass) {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    let data_value = get_impl(ctx, cls)?;
    let data = data_of(&data_value)?;
    // 1. The positive cache.
    if in_weak_set(ctx, data, Which::Cache, subclass)? {
        return Ok(Value::Bool(true));
    }
    // 2. The negative cache, emptied when registrations made it stale.
    let current = counter();
    if data.version.get() < current {
        if let Some(set) = data.set(Which::Negative).as_ref().and_then(|s| s.downcast::<PySet>()) {
            set.clear_items();
        }
        data.version.set(current);
    } else if in_weak_set(ctx, data, Which::Negative, subclass)? {
        return Ok(Value::Bool(false));
    }
    // 3. The subclass hook.
    let ok = call_method(ctx, cls, "__subclasshook__", subclass)?;
    match ok {
        Value::Bool(true) => {
            add_to_weak_set(ctx, data, Which::Cache, subclass)?;
            return Ok(Value::Bool(true));
        }
        Value::Bool(false) => {
            add_to_weak_set(ctx, data, Which::Negative, subclass)?;
            return Ok(Value::Bool(false));
        }
        _ if protocol::is_not_implemented(&ok) => {}
        _ => {
            return Err(PyErr::new(
                &types().assertion_error,
                "__subclasshook__ must return either False, True, or NotImplemented",
            ));
        }
    }
    // 4. A direct subclass.
    if let (Some(sub), Some(me)) = (subclass.as_obj(), cls.as_obj().filter(|o| o.is::<TypeObject>()))
        && is_subtype(sub, me)
    {
        add_to_weak_set(ctx, data, Which::Cache, subclass)?;
        return Ok(Value::Bool(true));
    }
    // 5. A subclass of a registered class.
    if in_weak_set(ctx, data, Which::Registry, subclass)? {
        return Ok(Value::Bool(true));
    }
    let registered: Vec<Value> =
        data.set(Which::Registry).and_then(|s| s.downcast::<PySet>().map(PySet::keys)).unwrap_or_default();
    for r in registered {
        let target = protocol::call_positional(ctx, &r, &[])?;
        if target.is_none() {
            continue;
        }
        if issubclass(ctx, subclass, &target)? {
            add_to_weak_set(ctx, data, Which::Cache, subclass)?;
            return Ok(Value::Bool(true));
        }
    }
    // 6. A subclass of a subclass.
    let subclasses_method = protocol::getattr_str(ctx, cls, "__subclasses__")?;
    let subclasses = protocol::call_positional(ctx, &subclasses_method, &[])?;
    let Some(list) = subclasses.downcast::<PyList>() else {
        return Err(PyErr::type_error("__subclasses__() must return a list"));
    };
    for scls in list.to_vec() {
        if issubclass(ctx, subclass, &scls)? {
            add_to_weak_set(ctx, data, Which::Cache, subclass)?;
            return Ok(Value::Bool(true));
        }
    }
    add_to_weak_set(ctx, data, Which::Negative, subclass)?;
    Ok(Value::Bool(false))
}

fn reset_registry(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let cls = one_arg("_reset_registry", &args)?;
    let data = get_impl(ctx, cls)?;
    if let Some(set) = data_of(&data)?.set(Which::Registry).as_ref().and_then(|s| s.downcast::<PySet>()) {
        set.clear_items();
    }
    Ok(Value::None)
}

fn reset_caches(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let cls = one_arg("_reset_caches", &args)?;
    let data = get_impl(ctx, cls)?;
    let data = data_of(&data)?;
    for which in [Which::Cache, Which::Negative] {
        if let Some(set) = data.set(which).as_ref().and_then(|s| s.downcast::<PySet>()) {
            set.clear_items();
        }
    }
    Ok(Value::None)
}

/// `(registry, cache, negative_cache, version)`: copies of the sets.
fn get_dump(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let cls = one_arg("_get_dump", &args)?;
    let data = get_impl(ctx, cls)?;
    let data = data_of(&data)?;
    let mut items = Vec::with_capacity(4);
    for which in [Which::Registry, Which::Cache, Which::Negative] {
        let keys = data.set(which).and_then(|s| s.downcast::<PySet>().map(PySet::keys)).unwrap_or_default();
        let copy = PySet::from_values(ctx, keys)?;
        items.push(Value::Obj(ObjRef::new(copy, Some(&types().set))));
    }
    items.push(Value::from_bigint(data.version.get().into()));
    Ok(Value::Obj(PyTuple::new_obj(items)))
}
