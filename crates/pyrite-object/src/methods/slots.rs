//! The bridge between slots and dunder methods, both ways (CPython's `typeobject.c`
//! slot machinery):
//!
//! - builtin types get a `__dunder__` entry (a [`SlotWrapper`]) for each slot they
//!   define, so Python code can call `object.__init__`, `int.__add__` or
//!   `super().__repr__()`; a wrapper always calls its *owner's* slot;
//! - classes defined in Python get slot functions that look the dunder up along the MRO
//!   and call it, for every slot whose dunder some Python class in the MRO defines.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::protocol::{self, is_not_implemented, not_implemented};
use crate::registry::types;
use crate::types::function::SlotWrapper;
use crate::types::str::PyStr;
use crate::types::typeobj::{NewFn, Slots, TYPE_HEAPTYPE, TypeObject, UnaryOp, type_payload};
use crate::value::Value;

/// Which slot a dunder reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    New,
    Init,
    Call,
    Repr,
    Str,
    Hash,
    Compare(CompareOp),
    GetAttribute,
    SetAttr,
    DelAttr,
    Iter,
    Next,
    Len,
    Bool,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Binary(BinaryOp),
    ReflectedBinary(BinaryOp),
    Inplace(BinaryOp),
    Unary(UnaryOp),
    Get,
    Set,
    Delete,
}

const BINARY_NAMES: [(BinaryOp, &str, &str, &str); 13] = [
    (BinaryOp::Add, "__add__", "__radd__", "__iadd__"),
    (BinaryOp::Subtract, "__sub__", "__rsub__", "__isub__"),
    (BinaryOp::Multiply, "__mul__", "__rmul__", "__imul__"),
    (BinaryOp::TrueDivide, "__truediv__", "__rtruediv__", "__itruediv__"),
    (BinaryOp::FloorDivide, "__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    (BinaryOp::Remainder, "__mod__", "__rmod__", "__imod__"),
    (BinaryOp::Power, "__pow__", "__rpow__", "__ipow__"),
    (BinaryOp::MatrixMultiply, "__matmul__", "__rmatmul__", "__imatmul__"),
    (BinaryOp::Lshift, "__lshift__", "__rlshift__", "__ilshift__"),
    (BinaryOp::Rshift, "__rshift__", "__rrshift__", "__irshift__"),
    (BinaryOp::And, "__and__", "__rand__", "__iand__"),
    (BinaryOp::Or, "__or__", "__ror__", "__ior__"),
    (BinaryOp::Xor, "__xor__", "__rxor__", "__ixor__"),
];

const COMPARE_NAMES: [(CompareOp, &str); 6] = [
    (CompareOp::Lt, "__lt__"),
    (CompareOp::Le, "__le__"),
    (CompareOp::Eq, "__eq__"),
    (CompareOp::Ne, "__ne__"),
    (CompareOp::Gt, "__gt__"),
    (CompareOp::Ge, "__ge__"),
];

/// Every dunder with its slot kind.
fn all_dunders() -> Vec<(&'static str, SlotKind)> {
    let mut out = vec![
        ("__new__", SlotKind::New),
        ("__init__", SlotKind::Init),
        ("__call__", SlotKind::Call),
        ("__repr__", SlotKind::Repr),
        ("__str__", SlotKind::Str),
        ("__hash__", SlotKind::Hash),
        ("__getattribute__", SlotKind::GetAttribute),
        ("__setattr__", SlotKind::SetAttr),
        ("__delattr__", SlotKind::DelAttr),
        ("__iter__", SlotKind::Iter),
        ("__next__", SlotKind::Next),
        ("__len__", SlotKind::Len),
        ("__bool__", SlotKind::Bool),
        ("__getitem__", SlotKind::GetItem),
        ("__setitem__", SlotKind::SetItem),
        ("__delitem__", SlotKind::DelItem),
        ("__contains__", SlotKind::Contains),
        ("__neg__", SlotKind::Unary(UnaryOp::Negative)),
        ("__pos__", SlotKind::Unary(UnaryOp::Positive)),
        ("__invert__", SlotKind::Unary(UnaryOp::Invert)),
        ("__get__", SlotKind::Get),
        ("__set__", SlotKind::Set),
        ("__delete__", SlotKind::Delete),
    ];
    for (op, name) in COMPARE_NAMES {
        out.push((name, SlotKind::Compare(op)));
    }
    for (op, name, rname, iname) in BINARY_NAMES {
        out.push((name, SlotKind::Binary(op)));
        out.push((rname, SlotKind::ReflectedBinary(op)));
        out.push((iname, SlotKind::Inplace(op)));
    }
    out
}

fn defines(slots: &Slots, kind: SlotKind) -> bool {
    match kind {
        SlotKind::New => slots.new.is_some(),
        SlotKind::Init => slots.init.is_some(),
        SlotKind::Call => slots.call.is_some(),
        SlotKind::Repr => slots.repr.is_some(),
        SlotKind::Str => slots.str.is_some(),
        SlotKind::Hash => slots.hash.is_some(),
        SlotKind::Compare(_) => slots.richcompare.is_some(),
        SlotKind::GetAttribute => slots.getattro.is_some(),
        SlotKind::SetAttr | SlotKind::DelAttr => slots.setattro.is_some(),
        SlotKind::Iter => slots.iter.is_some(),
        SlotKind::Next => slots.next.is_some(),
        SlotKind::Len => slots.len.is_some(),
        SlotKind::Bool => slots.bool.is_some(),
        SlotKind::GetItem => slots.getitem.is_some(),
        SlotKind::SetItem | SlotKind::DelItem => slots.setitem.is_some(),
        SlotKind::Contains => slots.contains.is_some(),
        SlotKind::Binary(_) | SlotKind::ReflectedBinary(_) => slots.binary.is_some(),
        SlotKind::Inplace(_) => slots.inplace.is_some(),
        SlotKind::Unary(_) => slots.unary.is_some(),
        SlotKind::Get => slots.descr_get.is_some(),
        SlotKind::Set | SlotKind::Delete => slots.descr_set.is_some(),
    }
}

/// The operator dunders a core type's `binary`, `inplace` and `unary` slots serve, as
/// CPython's number and sequence slots expose them (`str` has `__add__` but no `__radd__`,
/// `bool` only its own `&`, `|`, `^`); `None` for types whose slots serve every operator.
fn own_operators(type_name: &str) -> Option<&'static [&'static str]> {
    const INT: [&str; 27] = [
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__floordiv__",
        "__rfloordiv__",
        "__mod__",
        "__rmod__",
        "__pow__",
        "__rpow__",
        "__lshift__",
        "__rlshift__",
        "__rshift__",
        "__rrshift__",
        "__and__",
        "__rand__",
        "__or__",
        "__ror__",
        "__xor__",
        "__rxor__",
        "__neg__",
        "__pos__",
        "__invert__",
    ];
    const FLOAT: [&str; 16] = [
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__floordiv__",
        "__rfloordiv__",
        "__mod__",
        "__rmod__",
        "__pow__",
        "__rpow__",
        "__neg__",
        "__pos__",
    ];
    const COMPLEX: [&str; 12] = [
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__pow__",
        "__rpow__",
        "__neg__",
        "__pos__",
    ];
    const SET_OPS: [&str; 8] =
        ["__and__", "__rand__", "__or__", "__ror__", "__sub__", "__rsub__", "__xor__", "__rxor__"];
    const SET: [&str; 12] = [
        "__and__", "__rand__", "__or__", "__ror__", "__sub__", "__rsub__", "__xor__", "__rxor__", "__iand__",
        "__ior__", "__isub__", "__ixor__",
    ];
    Some(match type_name {
        "int" => &INT,
        "bool" => &["__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__"],
        "float" => &FLOAT,
        "complex" => &COMPLEX,
        "str" | "bytes" => &["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__"],
        "bytearray" => &["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__iadd__", "__imul__"],
        "list" => &["__add__", "__mul__", "__rmul__", "__iadd__", "__imul__"],
        "tuple" => &["__add__", "__mul__", "__rmul__"],
        "dict" => &["__or__", "__ror__", "__ior__"],
        "set" => &SET,
        "frozenset" | "dict_keys" | "dict_items" => &SET_OPS,
        "type" | "types.GenericAlias" | "types.UnionType" => &["__or__", "__ror__"],
        "mappingproxy" => &["__or__", "__ror__", "__ior__"],
        _ => return None,
    })
}

fn is_operator(kind: SlotKind) -> bool {
    matches!(kind, SlotKind::Binary(_) | SlotKind::ReflectedBinary(_) | SlotKind::Inplace(_) | SlotKind::Unary(_))
}

/// Adds a slot wrapper to a builtin type's dict for every slot it defines itself
/// (before slot inheritance), unless the dict already has that name.
pub fn install_wrappers(ty: &ObjRef) {
    let slots = type_payload(ty).slots();
    let dict = type_payload(ty).dict.clone();
    let Some(d) = dict.downcast::<crate::types::dict::PyDict>() else { return };
    let operators = own_operators(&type_payload(ty).name.borrow());
    for (name, kind) in all_dunders() {
        if is_operator(kind) && operators.is_some_and(|ops| !ops.contains(&name)) {
            continue;
        }
        // `Class[item]` reaches `__class_getitem__` through a slot of `type`, which CPython
        // does in `PyObject_GetItem` instead: `type` has no `__getitem__`.
        if kind == SlotKind::GetItem && ty.is_same(&types().type_) {
            continue;
        }
        if defines(&slots, kind) && d.get_str(&PyStr::from_str(name)).is_none() {
            if kind == SlotKind::New {
                crate::types::intern::set_name(d, name, Value::Obj(new_method(ty)));
                continue;
            }
            let wrapper = SlotWrapper { name, owner: ty.clone(), kind, bound: None };
            crate::types::intern::set_name(
                d,
                name,
                Value::Obj(ObjRef::new(wrapper, Some(&types().wrapper_descriptor))),
            );
        }
    }
}

/// A builtin type's `__new__`: as in CPython, a builtin method bound to the type
/// (`int.__new__.__self__ is int`, which `copyreg` relies on) that calls the type's `new`
/// slot for the class given first (CPython's `tp_new_wrapper`).
fn new_method(ty: &ObjRef) -> ObjRef {
    // The owner's name lives as long as the (immortal) type.
    let owner: &'static str = Box::leak(crate::types::typeobj::type_name(ty).into_boxed_str());
    let unbound = crate::types::function::BuiltinFunction {
        name: "__new__",
        func: tp_new_wrapper,
        bound: None,
        owner: Some(owner),
        module: None,
        owner_type: None,
    };
    unbound.bind(Value::Obj(ty.clone()))
}

fn tp_new_wrapper(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [owner, rest @ ..] = args.values else { return Err(PyErr::new_system("__new__ without its type")) };
    let owner = owner.as_obj().ok_or_else(|| PyErr::new_system("__new__ without its type"))?;
    let name = crate::types::typeobj::type_name(owner);
    let Some(this) = rest.first().filter(|_| rest.len() > args.kwnames.len()) else {
        return Err(PyErr::type_error(format!("{name}.__new__(): not enough arguments")));
    };
    let cls = this.as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| {
        PyErr::type_error(format!("{name}.__new__(X): X is not a type object ({})", this.type_name()))
    })?;
    check_new_safe(owner, cls)?;
    let new = type_payload(owner).slots().new.ok_or_else(|| PyErr::new_system("__new__ without its slot"))?;
    new(ctx, cls, Args { values: &rest[1..], kwnames: args.kwnames })
}

/// CPython's `hackcheck`: a `__setattr__`/`__delattr__` wrapper may not skip the setattr of
/// the native type that lays `this` out when that one overrides it: `object.__setattr__`
/// on a class would bypass `type.__setattr__` (which keeps the type's version and caches
/// right). Only `type`'s override is checked: several native types here have their own
/// setattr function where CPython's is the generic one.
fn setattr_applies(this: &Value, func: crate::types::typeobj::SetAttrFn, what: &str) -> PyResult<()> {
    use crate::methods::object::type_setattro;
    use crate::types::typeobj::SetAttrFn;
    let native = protocol::solid_base(this.type_ref());
    let native_set = type_payload(&native).slots().setattro;
    if native_set.is_some_and(|f| std::ptr::fn_addr_eq(f, type_setattro as SetAttrFn))
        && !std::ptr::fn_addr_eq(func, type_setattro as SetAttrFn)
    {
        return Err(PyErr::type_error(format!(
            "can't apply this {what} to {} object",
            crate::types::typeobj::type_name(this.type_ref())
        )));
    }
    Ok(())
}

/// Checks a slot wrapper's argument count (`n` includes `self`), with CPython's wording.
fn need(args: &[Value], n: usize, name: &str) -> PyResult<()> {
    let given = args.len().saturating_sub(1);
    let expected = n - 1;
    if given == expected {
        return Ok(());
    }
    let _ = name;
    Err(wrapper_count_error(expected, given))
}

/// CPython's `check_num_args`: a slot wrapper given the wrong number of arguments.
#[must_use]
pub fn wrapper_count_error(expected: usize, given: usize) -> PyErr {
    let plural = if expected == 1 { "" } else { "s" };
    PyErr::type_error(format!("expected {expected} argument{plural}, got {given}"))
}

/// Calls a slot wrapper: `args[0]` is `self` (for `__new__`, the class).
pub fn call_wrapper(ctx: &mut Ctx, wrapper: &SlotWrapper, args: Args<'_>) -> PyResult {
    let slots = type_payload(&wrapper.owner).slots();
    let values = args.values;
    let Some(this) = values.first() else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            wrapper.name,
            crate::types::typeobj::type_name(&wrapper.owner)
        )));
    };
    if wrapper.kind != SlotKind::New && !protocol::isinstance(this, &wrapper.owner) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            wrapper.name,
            crate::types::typeobj::type_name(&wrapper.owner),
            this.type_name()
        )));
    }
    let missing = || PyErr::new_system("slot wrapper without its slot");
    let no_kw = |name: &str| {
        if args.kwnames.is_empty() {
            Ok(())
        } else {
            Err(PyErr::type_error(format!("wrapper {name}() takes no keyword arguments")))
        }
    };
    match wrapper.kind {
        SlotKind::New => {
            let cls = this.as_obj().filter(|o| o.is::<TypeObject>()).ok_or_else(|| {
                PyErr::type_error(format!(
                    "{}.__new__(X): X is not a type object ({})",
                    crate::types::typeobj::type_name(&wrapper.owner),
                    this.type_name()
                ))
            })?;
            check_new_safe(&wrapper.owner, cls)?;
            (slots.new.ok_or_else(missing)?)(ctx, cls, Args { values: &values[1..], kwnames: args.kwnames })
        }
        SlotKind::Init => {
            (slots.init.ok_or_else(missing)?)(ctx, this, Args { values: &values[1..], kwnames: args.kwnames })?;
            Ok(Value::None)
        }
        SlotKind::Call => {
            (slots.call.ok_or_else(missing)?)(ctx, this, Args { values: &values[1..], kwnames: args.kwnames })
        }
        kind => {
            no_kw(wrapper.name)?;
            call_simple_wrapper(ctx, wrapper, &slots, kind, values)
        }
    }
}

/// CPython's `tp_new_wrapper` checks: `owner.__new__(cls)` needs `cls` to derive from
/// `owner`, and the nearest base of `cls` whose `__new__` is not Python's to create its
/// instances the way `owner` does (`int.__new__(bool)` is refused).
fn check_new_safe(owner: &ObjRef, cls: &ObjRef) -> PyResult<()> {
    use crate::types::typeobj::{is_subtype, type_name};
    if !is_subtype(cls, owner) {
        let (o, c) = (type_name(owner), type_name(cls));
        return Err(PyErr::type_error(format!("{o}.__new__({c}): {c} is not a subtype of {o}")));
    }
    let new_of = |t: &ObjRef| type_payload(t).slots().new;
    let is_python_new = |t: &ObjRef| new_of(t).is_some_and(|f| std::ptr::fn_addr_eq(f, heap_new as NewFn));
    let mut base = Some(cls.clone());
    while let Some(t) = base.clone().filter(is_python_new) {
        base = best_base(&t);
    }
    let Some(base) = base else { return Ok(()) };
    let same = match (new_of(&base), new_of(owner)) {
        (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    };
    if !same {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            type_name(owner),
            type_name(cls),
            type_name(&base)
        )));
    }
    Ok(())
}

/// CPython's `tp_base` of a class: the base whose instance layout (its first builtin type
/// along the MRO) is the most derived.
fn best_base(ty: &ObjRef) -> Option<ObjRef> {
    use crate::types::typeobj::is_subtype;
    let solid = |t: &ObjRef| {
        let mro = type_payload(t).mro.borrow().clone();
        mro.into_iter().find(|m| type_payload(m).flags.get() & TYPE_HEAPTYPE == 0)
    };
    let bases = type_payload(ty).bases.borrow().clone();
    let mut best: Option<(ObjRef, Option<ObjRef>)> = None;
    for base in bases {
        let layout = solid(&base);
        let better = match (&best, &layout) {
            (None, _) => true,
            (Some((_, Some(current))), Some(new)) => !new.is_same(current) && is_subtype(new, current),
            _ => false,
        };
        if better {
            best = Some((base, layout));
        }
    }
    best.map(|(base, _)| base)
}

fn call_simple_wrapper(
    ctx: &mut Ctx,
    wrapper: &SlotWrapper,
    slots: &Slots,
    kind: SlotKind,
    values: &[Value],
) -> PyResult {
    let missing = || PyErr::new_system("slot wrapper without its slot");
    let this = &values[0];
    let name = wrapper.name;
    match kind {
        SlotKind::Repr => {
            need(values, 1, name)?;
            (slots.repr.ok_or_else(missing)?)(ctx, this)
        }
        SlotKind::Str => {
            need(values, 1, name)?;
            (slots.str.ok_or_else(missing)?)(ctx, this)
        }
        SlotKind::Iter => {
            need(values, 1, name)?;
            (slots.iter.ok_or_else(missing)?)(ctx, this)
        }
        SlotKind::Hash => {
            need(values, 1, name)?;
            Ok(Value::Int((slots.hash.ok_or_else(missing)?)(ctx, this)?))
        }
        SlotKind::Len => {
            need(values, 1, name)?;
            Ok(Value::from((slots.len.ok_or_else(missing)?)(ctx, this)?))
        }
        SlotKind::Bool => {
            need(values, 1, name)?;
            Ok(Value::Bool((slots.bool.ok_or_else(missing)?)(ctx, this)?))
        }
        SlotKind::Next => {
            need(values, 1, name)?;
            (slots.next.ok_or_else(missing)?)(ctx, this)?.ok_or_else(|| PyErr::stop_iteration(None))
        }
        SlotKind::Unary(op) => {
            need(values, 1, name)?;
            (slots.unary.ok_or_else(missing)?)(ctx, this, op)
        }
        SlotKind::Compare(op) => {
            need(values, 2, name)?;
            (slots.richcompare.ok_or_else(missing)?)(ctx, this, &values[1], op)
        }
        SlotKind::Binary(op) => {
            need(values, 2, name)?;
            (slots.binary.ok_or_else(missing)?)(ctx, this, &values[1], op)
        }
        SlotKind::ReflectedBinary(op) => {
            need(values, 2, name)?;
            (slots.binary.ok_or_else(missing)?)(ctx, &values[1], this, op)
        }
        SlotKind::Inplace(op) => {
            need(values, 2, name)?;
            (slots.inplace.ok_or_else(missing)?)(ctx, this, &values[1], op)
        }
        SlotKind::GetAttribute => {
            need(values, 2, name)?;
            (slots.getattro.ok_or_else(missing)?)(ctx, this, &values[1])
        }
        SlotKind::SetAttr => {
            need(values, 3, name)?;
            let set = slots.setattro.ok_or_else(missing)?;
            setattr_applies(this, set, "__setattr__")?;
            set(ctx, this, &values[1], Some(values[2].clone()))?;
            Ok(Value::None)
        }
        SlotKind::DelAttr => {
            need(values, 2, name)?;
            let set = slots.setattro.ok_or_else(missing)?;
            setattr_applies(this, set, "__delattr__")?;
            set(ctx, this, &values[1], None)?;
            Ok(Value::None)
        }
        SlotKind::GetItem => {
            need(values, 2, name)?;
            (slots.getitem.ok_or_else(missing)?)(ctx, this, &values[1])
        }
        SlotKind::SetItem => {
            need(values, 3, name)?;
            (slots.setitem.ok_or_else(missing)?)(ctx, this, &values[1], Some(values[2].clone()))?;
            Ok(Value::None)
        }
        SlotKind::DelItem => {
            need(values, 2, name)?;
            (slots.setitem.ok_or_else(missing)?)(ctx, this, &values[1], None)?;
            Ok(Value::None)
        }
        SlotKind::Contains => {
            need(values, 2, name)?;
            Ok(Value::Bool((slots.contains.ok_or_else(missing)?)(ctx, this, &values[1])?))
        }
        SlotKind::Get => {
            if values.len() < 2 || values.len() > 3 {
                return Err(PyErr::type_error("__get__ expected 1 or 2 arguments"));
            }
            let obj = if values[1].is_none() { None } else { Some(&values[1]) };
            let owner = values.get(2).and_then(Value::as_obj).cloned().unwrap_or_else(|| values[1].type_ref().clone());
            (slots.descr_get.ok_or_else(missing)?)(ctx, this, obj, &owner)
        }
        SlotKind::Set => {
            need(values, 3, name)?;
            (slots.descr_set.ok_or_else(missing)?)(ctx, this, &values[1], Some(values[2].clone()))?;
            Ok(Value::None)
        }
        SlotKind::Delete => {
            need(values, 2, name)?;
            (slots.descr_set.ok_or_else(missing)?)(ctx, this, &values[1], None)?;
            Ok(Value::None)
        }
        SlotKind::New | SlotKind::Init | SlotKind::Call => Err(PyErr::new_system("handled by call_wrapper")),
    }
}

// ---------------------------------------------------------------------------------------
// Slots of classes defined in Python.

/// Looks `name` up only in the classes of `ty`'s MRO that were defined in Python.
fn lookup_in_python_classes(ty: &ObjRef, name: &str) -> bool {
    let key = PyStr::cached_name(name);
    let Some(key) = key.downcast::<PyStr>() else { return false };
    type_payload(ty).mro.borrow().iter().any(|class| {
        let p = type_payload(class);
        p.flags.get() & TYPE_HEAPTYPE != 0
            && p.dict.downcast::<crate::types::dict::PyDict>().is_some_and(|d| d.get_str(key).is_some())
    })
}

/// Calls `callable` with `first` before the values of `args` (`self` or `cls`); the few
/// arguments of the usual dunder calls stay on the Rust stack.
fn call_with_first(ctx: &mut Ctx, callable: &Value, first: Value, args: Args<'_>) -> PyResult {
    let kwnames = args.kwnames;
    match args.values {
        [] => protocol::call(ctx, callable, Args { values: &[first], kwnames }),
        [a] => protocol::call(ctx, callable, Args { values: &[first, a.clone()], kwnames }),
        [a, b] => protocol::call(ctx, callable, Args { values: &[first, a.clone(), b.clone()], kwnames }),
        [a, b, c] => protocol::call(ctx, callable, Args { values: &[first, a.clone(), b.clone(), c.clone()], kwnames }),
        rest => {
            let mut values = Vec::with_capacity(rest.len() + 1);
            values.push(first);
            values.extend_from_slice(rest);
            protocol::call(ctx, callable, Args { values: &values, kwnames })
        }
    }
}

/// Calls the dunder `name` found on `type(obj)` with `obj` bound as `self`. `None` if the
/// type has no such attribute.
pub fn call_dunder(ctx: &mut Ctx, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(attr) = crate::types::typeobj::lookup_str(obj.type_ref(), name) else { return Ok(None) };
    if attr.is_none() && name == "__hash__" {
        return Err(PyErr::type_error(format!("unhashable type: '{}'", obj.type_name())));
    }
    match protocol::bind_attribute(ctx, &attr, obj)? {
        Some(bound) => protocol::call(ctx, &bound, Args::positional(args)).map(Some),
        None => call_with_first(ctx, &attr, obj.clone(), Args::positional(args)).map(Some),
    }
}

fn dunder_or_missing(ctx: &mut Ctx, obj: &Value, name: &str, args: &[Value]) -> PyResult {
    call_dunder(ctx, obj, name, args)?
        .ok_or_else(|| PyErr::attribute_error(format!("'{}' object has no attribute '{name}'", obj.type_name())))
}

fn heap_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    dunder_or_missing(ctx, v, "__repr__", &[])
}

fn heap_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    dunder_or_missing(ctx, v, "__str__", &[])
}

fn heap_iter(ctx: &mut Ctx, v: &Value) -> PyResult {
    let result = dunder_or_missing(ctx, v, "__iter__", &[])?;
    if type_payload(result.type_ref()).slots().next.is_none() {
        return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", result.type_name())));
    }
    Ok(result)
}

fn heap_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    // A StopIteration keeps its value (`await` and `yield from` need it); plain iteration
    // treats it as exhaustion in `protocol::next`.
    dunder_or_missing(ctx, v, "__next__", &[]).map(Some)
}

fn heap_hash(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let result = dunder_or_missing(ctx, v, "__hash__", &[])?;
    // A result that fits a hash is the hash (so that `__hash__` returning `hash(y)` hashes
    // as `y`), -1 aside, which is reserved; a larger int is reduced as `int.__hash__` does.
    let hash = match &result {
        Value::Int(i) => *i,
        Value::Bool(b) => i64::from(*b),
        _ => match crate::methods::int::as_int(&result) {
            Some(i) => i64::try_from(i.as_ref()).unwrap_or_else(|_| crate::num::hash_bigint(&i)),
            None => return Err(PyErr::type_error("__hash__ method should return an integer")),
        },
    };
    Ok(if hash == -1 { -2 } else { hash })
}

fn heap_len(ctx: &mut Ctx, v: &Value) -> PyResult<usize> {
    let result = dunder_or_missing(ctx, v, "__len__", &[])?;
    let n = crate::methods::int::as_int(&result).ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", result.type_name()))
    })?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::value_error("__len__() should return >= 0"));
    }
    usize::try_from(n.as_ref()).map_err(|_| PyErr::overflow("cannot fit 'int' into an index-sized integer"))
}

fn heap_bool(ctx: &mut Ctx, v: &Value) -> PyResult<bool> {
    if let Some(result) = call_dunder(ctx, v, "__bool__", &[])? {
        return match result {
            Value::Bool(b) => Ok(b),
            other => Err(PyErr::type_error(format!("__bool__ should return bool, returned {}", other.type_name()))),
        };
    }
    match type_payload(v.type_ref()).slots().len {
        Some(len) => Ok(len(ctx, v)? != 0),
        None => Ok(true),
    }
}

fn heap_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    dunder_or_missing(ctx, v, "__getitem__", std::slice::from_ref(key))
}

fn heap_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(value) => dunder_or_missing(ctx, v, "__setitem__", &[key.clone(), value]).map(drop),
        None => dunder_or_missing(ctx, v, "__delitem__", std::slice::from_ref(key)).map(drop),
    }
}

fn heap_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    match call_dunder(ctx, v, "__contains__", std::slice::from_ref(item))? {
        Some(result) => protocol::truthy(ctx, &result),
        None => {
            let iterator = protocol::get_iter(ctx, v)?;
            while let Some(candidate) = protocol::next(ctx, &iterator)? {
                if protocol::eq(ctx, &candidate, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn heap_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let Some(attr) = crate::types::typeobj::lookup_str(v.type_ref(), "__call__") else {
        return Err(PyErr::type_error(format!("'{}' object is not callable", v.type_name())));
    };
    let mut values = Vec::with_capacity(args.values.len() + 1);
    values.push(v.clone());
    values.extend_from_slice(args.values);
    // Counted: `__call__` may itself be an instance whose class's `__call__` is one too.
    ctx.enter_native_call(" while calling a Python object")?;
    let result = protocol::call(ctx, &attr, Args { values: &values, kwnames: args.kwnames });
    ctx.leave_call();
    result
}

fn heap_richcompare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let name = COMPARE_NAMES.iter().find(|(o, _)| *o == op).map_or("__eq__", |(_, n)| n);
    Ok(call_dunder(ctx, a, name, std::slice::from_ref(b))?.unwrap_or_else(not_implemented))
}

/// The `getattro` slot of the first class along `ty`'s MRO that is not defined in Python.
fn builtin_base_getattro(ty: &ObjRef) -> Option<crate::types::typeobj::GetAttrFn> {
    let mro = type_payload(ty).mro.borrow().clone();
    let base = mro.iter().find(|t| !is_python_class(t))?;
    type_payload(base)
        .slots()
        .getattro
        .filter(|get| !std::ptr::fn_addr_eq(*get, heap_getattro as crate::types::typeobj::GetAttrFn))
}

/// Which of `__getattribute__` (bit 0) and `__getattr__` (bit 1) the classes of `ty`'s MRO
/// that were defined in Python define (found once per version of the type).
fn getattr_hooks(ty: &ObjRef) -> u8 {
    crate::types::typeobj::python_getattr_hooks(ty, || {
        u8::from(lookup_in_python_classes(ty, "__getattribute__"))
            | u8::from(lookup_in_python_classes(ty, "__getattr__")) << 1
    })
}

fn heap_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let has_getattribute = getattr_hooks(v.type_ref()) & 1 != 0;
    let result = if has_getattribute {
        dunder_or_missing(ctx, v, "__getattribute__", std::slice::from_ref(name))
    } else {
        // The attribute lookup of the nearest builtin base: `type`'s for metaclasses,
        // `module`'s for module subclasses, the generic one for plain objects.
        match builtin_base_getattro(v.type_ref()) {
            Some(get) => get(ctx, v, name),
            None => protocol::generic_getattr(ctx, v, name),
        }
    };
    match result {
        // (Asked again: the lookup may have run code that changed the class.)
        Err(e) if e.matches(&types().attribute_error) && getattr_hooks(v.type_ref()) & 2 != 0 => {
            dunder_or_missing(ctx, v, "__getattr__", std::slice::from_ref(name))
        }
        other => other,
    }
}

fn heap_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(value) => dunder_or_missing(ctx, v, "__setattr__", &[name.clone(), value]).map(drop),
        None => dunder_or_missing(ctx, v, "__delattr__", std::slice::from_ref(name)).map(drop),
    }
}

fn heap_unary(ctx: &mut Ctx, v: &Value, op: UnaryOp) -> PyResult {
    let name = match op {
        UnaryOp::Negative => "__neg__",
        UnaryOp::Positive => "__pos__",
        UnaryOp::Invert => "__invert__",
    };
    Ok(call_dunder(ctx, v, name, &[])?.unwrap_or_else(not_implemented))
}

fn binary_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    BINARY_NAMES.iter().find(|(o, ..)| *o == op).map_or(("", "", ""), |(_, n, r, i)| (n, r, i))
}

fn is_heap_binary(ty: &ObjRef) -> bool {
    type_payload(ty)
        .slots()
        .binary
        .is_some_and(|s| std::ptr::fn_addr_eq(s, heap_binary as crate::types::typeobj::BinaryOpFn))
}

/// The binary slot of classes defined in Python (CPython's `SLOT1BINFULL`): `a.__op__(b)`,
/// then `b.__rop__(a)`, the reflected one first when `type(b)` is a subclass that
/// overrides it.
fn heap_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let (name, rname, _) = binary_names(op);
    let (ta, tb) = (a.type_ref().clone(), b.type_ref().clone());
    let a_heap = is_heap_binary(&ta);
    let mut b_heap = !ta.is_same(&tb) && is_heap_binary(&tb);
    if a_heap {
        if b_heap && crate::types::typeobj::is_subtype(&tb, &ta) && lookup_in_python_classes(&tb, rname) {
            let result = call_dunder(ctx, b, rname, std::slice::from_ref(a))?.unwrap_or_else(not_implemented);
            if !is_not_implemented(&result) {
                return Ok(result);
            }
            b_heap = false;
        }
        let result = match call_dunder(ctx, a, name, std::slice::from_ref(b))? {
            Some(r) => r,
            None => not_implemented(),
        };
        if !is_not_implemented(&result) {
            return Ok(result);
        }
    }
    if b_heap {
        return Ok(call_dunder(ctx, b, rname, std::slice::from_ref(a))?.unwrap_or_else(not_implemented));
    }
    Ok(not_implemented())
}

fn heap_inplace(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    let (_, _, iname) = binary_names(op);
    Ok(call_dunder(ctx, a, iname, std::slice::from_ref(b))?.unwrap_or_else(not_implemented))
}

/// The name `__init__`, made once (so instance creation neither allocates nor hashes it).
fn init_name() -> &'static ObjRef {
    static NAME: crate::types::typeobj::StaticType = crate::types::typeobj::StaticType::new();
    NAME.get_or_init(|| {
        let name = PyStr::new_obj("__init__");
        name.make_immortal();
        name
    })
}

/// The `__init__` that calling the class `ty` runs, when `type.__call__` would make the
/// instance with `object.__new__` or `BaseException.__new__` and then call a dunder defined
/// in Python: the register loop then runs that `__init__` in its own frame (`None` in every
/// other case). The flag says whether the `__new__` takes the call's arguments
/// (`BaseException.__new__` keeps them as `args`; `object.__new__` ignores them when
/// `__init__` is overridden).
#[must_use]
pub fn python_init(ty: &ObjRef) -> Option<(Value, bool)> {
    let slots = crate::types::typeobj::type_payload(ty).slots();
    let object_new = crate::types::typeobj::type_payload(&crate::registry::types().object).slots().new;
    let (Some(new), Some(init), Some(object_new)) = (slots.new, slots.init, object_new) else { return None };
    if !std::ptr::fn_addr_eq(init, heap_init as crate::types::typeobj::InitFn) {
        return None;
    }
    let exception_new = crate::methods::exception::base_exception_new as crate::types::typeobj::NewFn;
    let new_takes_args = if std::ptr::fn_addr_eq(new, object_new) {
        false
    } else if std::ptr::fn_addr_eq(new, exception_new) {
        true
    } else {
        return None;
    };
    Some((crate::types::typeobj::lookup_ref(ty, init_name())?, new_takes_args))
}

fn heap_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let Some(attr) = crate::types::typeobj::lookup_ref(v.type_ref(), init_name()) else {
        return Ok(());
    };
    let result = call_with_first(ctx, &attr, v.clone(), args)?;
    if result.is_none() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("__init__() should return None, not '{}'", result.type_name())))
    }
}

fn heap_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let Some(attr) = crate::types::typeobj::lookup_str(ty, "__new__") else {
        return Err(PyErr::type_error("no __new__"));
    };
    let attr = match attr.downcast::<crate::types::descriptors::StaticMethod>() {
        Some(s) => s.func.borrow().clone(),
        None => attr,
    };
    call_with_first(ctx, &attr, Value::Obj(ty.clone()), args)
}

fn heap_descr_get(ctx: &mut Ctx, descr: &Value, obj: Option<&Value>, owner: &ObjRef) -> PyResult {
    let obj = obj.cloned().unwrap_or(Value::None);
    dunder_or_missing(ctx, descr, "__get__", &[obj, Value::Obj(owner.clone())])
}

fn heap_descr_set(ctx: &mut Ctx, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(value) => dunder_or_missing(ctx, descr, "__set__", &[obj.clone(), value]).map(drop),
        None => dunder_or_missing(ctx, descr, "__delete__", std::slice::from_ref(obj)).map(drop),
    }
}

/// Sets the slots of a class defined in Python: a dunder-calling slot for each dunder that
/// a Python class in its MRO defines; the rest are inherited from the builtin bases.
pub fn assign_heap_slots(ty: &ObjRef) {
    let has = |name: &str| lookup_in_python_classes(ty, name);
    let mut slots = Slots::default();
    if has("__new__") {
        slots.new = Some(heap_new);
    }
    if has("__init__") {
        slots.init = Some(heap_init);
    }
    if has("__call__") {
        slots.call = Some(heap_call);
    }
    if has("__repr__") {
        slots.repr = Some(heap_repr);
    }
    if has("__str__") {
        slots.str = Some(heap_str);
    }
    if has("__hash__") {
        slots.hash = Some(heap_hash);
    }
    if COMPARE_NAMES.iter().any(|(_, n)| has(n)) {
        slots.richcompare = Some(heap_richcompare);
    }
    if has("__getattribute__") || has("__getattr__") {
        slots.getattro = Some(heap_getattro);
    }
    if has("__setattr__") || has("__delattr__") {
        slots.setattro = Some(heap_setattro);
    }
    if has("__iter__") {
        slots.iter = Some(heap_iter);
    }
    if has("__next__") {
        slots.next = Some(heap_next);
    }
    if has("__len__") {
        slots.len = Some(heap_len);
    }
    if has("__bool__") {
        slots.bool = Some(heap_bool);
    }
    if has("__getitem__") {
        slots.getitem = Some(heap_getitem);
    }
    if has("__setitem__") || has("__delitem__") {
        slots.setitem = Some(heap_setitem);
    }
    if has("__contains__") {
        slots.contains = Some(heap_contains);
    }
    if BINARY_NAMES.iter().any(|(_, n, r, _)| has(n) || has(r)) {
        slots.binary = Some(heap_binary);
    }
    if BINARY_NAMES.iter().any(|(_, _, _, i)| has(i)) {
        slots.inplace = Some(heap_inplace);
    }
    if has("__neg__") || has("__pos__") || has("__invert__") {
        slots.unary = Some(heap_unary);
    }
    if has("__get__") {
        slots.descr_get = Some(heap_descr_get);
    }
    if has("__set__") || has("__delete__") {
        slots.descr_set = Some(heap_descr_set);
    }
    // `__eq__` without `__hash__` makes instances unhashable (CPython sets __hash__ = None).
    let own_dict = type_payload(ty).dict.clone();
    if let Some(d) = own_dict.downcast::<crate::types::dict::PyDict>() {
        let key = |n: &str| d.get_str(&PyStr::from_str(n));
        if key("__eq__").is_some() && key("__hash__").is_none() {
            crate::types::intern::set_name(d, "__hash__", Value::None);
        }
        if key("__hash__").is_some_and(|h| h.is_none()) {
            slots.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
        }
    }
    *type_payload(ty).slots.borrow_mut() = slots;
    crate::types::typeobj::inherit_slots(ty);
}

/// Whether a value's unary/binary slot comes from Python code (for error wording).
#[must_use]
pub fn is_python_class(ty: &ObjRef) -> bool {
    type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0
}
