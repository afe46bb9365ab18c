//! `collections.deque`: a double-ended queue with an optional maximum length, and its
//! iterators, which raise when the deque changes under them.

use std::cell::Cell;
use std::collections::VecDeque;

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, TYPE_HEAPTYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

/// A deque.
pub struct Deque {
    items: PayloadCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change, so iterators and searches notice mutation.
    state: Cell<u64>,
}

impl Trace for Deque {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for item in self.items.borrow().iter() {
            item.traverse(visit);
        }
    }

    fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
}

payload!(Deque, "collections.deque", tracked);

impl Deque {
    fn touch(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }

    /// Appends on the right, dropping from the left past `maxlen`; returns what fell off.
    fn push_back(&self, value: Value) -> Option<Value> {
        self.touch();
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return Some(value);
        }
        items.push_back(value);
        if self.maxlen.get().is_some_and(|m| items.len() > m) { items.pop_front() } else { None }
    }

    fn push_front(&self, value: Value) -> Option<Value> {
        self.touch();
        let mut items = self.items.borrow_mut();
        if self.maxlen.get() == Some(0) {
            return Some(value);
        }
        items.push_front(value);
        if self.maxlen.get().is_some_and(|m| items.len() > m) { items.pop_back() } else { None }
    }
}

/// The `deque` type.
pub fn deque_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let flags = TYPE_BASETYPE | pyrite_object::types::typeobj::TYPE_SEQUENCE;
        let ty = new_native_type_with("deque", "collections", None, flags, |s| {
            s.new = Some(deque_new);
            s.init = Some(deque_init);
            s.repr = Some(deque_repr);
            s.len = Some(|_, v| Ok(this(v)?.len()));
            s.getitem = Some(deque_getitem);
            s.setitem = Some(deque_setitem);
            s.contains = Some(deque_contains);
            s.iter = Some(|_, v| Ok(new_iterator(v, false)));
            s.richcompare = Some(deque_compare);
            s.binary = Some(deque_binary);
            s.inplace = Some(deque_inplace);
            s.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
        });
        add_methods(
            &ty,
            "deque",
            &[
                ("append", deque_append),
                ("appendleft", deque_appendleft),
                ("pop", deque_pop),
                ("popleft", deque_popleft),
                ("extend", deque_extend),
                ("extendleft", deque_extendleft),
                ("clear", deque_clear),
                ("copy", deque_copy),
                ("__copy__", deque_copy),
                ("count", deque_count),
                ("index", deque_index),
                ("insert", deque_insert),
                ("remove", deque_remove),
                ("reverse", deque_reverse),
                ("rotate", deque_rotate),
                ("__reversed__", deque_reversed),
                ("__reduce__", deque_reduce),
            ],
        );
        pyrite_object::methods::attrdescr::add(&ty, pyrite_object::methods::attrdescr::Kind::GetSet, &["maxlen"]);
        pyrite_object::methods::generic_alias::make_generic(&ty);
        if let Some(d) = type_payload(&ty).dict.downcast::<pyrite_object::types::dict::PyDict>() {
            d.set_str("__hash__", Value::None);
        }
        {
            let mut slots = type_payload(&ty).slots.borrow_mut();
            slots.getattro = Some(deque_getattro);
        }
        ty
    })
}

fn this(v: &Value) -> PyResult<&Deque> {
    v.downcast::<Deque>().ok_or_else(|| PyErr::type_error("descriptor requires a 'collections.deque' object"))
}

fn new_deque(ty: &ObjRef, items: VecDeque<Value>, maxlen: Option<usize>) -> ObjRef {
    let deque = Deque { items: PayloadCell::new(items), maxlen: Cell::new(maxlen), state: Cell::new(0) };
    if type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0 {
        ObjRef::new_with_dict(deque, Some(ty))
    } else {
        ObjRef::new(deque, Some(ty))
    }
}

fn deque_new(_: &mut Ctx, ty: &ObjRef, _: Args<'_>) -> PyResult {
    Ok(Value::Obj(new_deque(ty, VecDeque::new(), None)))
}

const INIT: Params = Params::new("deque", &["iterable", "maxlen"]);

fn deque_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [iterable, maxlen] = INIT.bind(args)?;
    let d = this(v)?;
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(m) => {
            let what = |v: &Value| format!("an integer is required (got type {})", v.type_name());
            let m = pyrite_object::methods::int::to_i64(&protocol::index(ctx, m, what)?)?;
            Some(usize::try_from(m).map_err(|_| PyErr::value_error("maxlen must be non-negative"))?)
        }
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        d.touch();
        let old = std::mem::take(&mut *d.items.borrow_mut());
        drop(old);
    }
    if let Some(iterable) = iterable {
        extend(ctx, v, iterable, false)?;
    }
    Ok(())
}

fn extend(ctx: &mut Ctx, v: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    let d = this(v)?;
    // Extending by itself iterates over a copy, as CPython does.
    let source = if iterable.is(v) {
        Value::Obj(pyrite_object::types::list::PyList::new_obj(d.snapshot()))
    } else {
        iterable.clone()
    };
    let iterator = protocol::get_iter(ctx, &source)?;
    while let Some(item) = protocol::next(ctx, &iterator)? {
        let dropped = if left { d.push_front(item) } else { d.push_back(item) };
        drop(dropped);
    }
    Ok(())
}

fn deque_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if name.as_str().is_some_and(|n| n.as_str() == "maxlen") {
        return Ok(this(v)?.maxlen.get().map_or(Value::None, Value::from));
    }
    protocol::generic_getattr(ctx, v, name)
}

fn deque_append(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("append", args, 1, 1)?;
    drop(this(v)?.push_back(rest[0].clone()));
    Ok(Value::None)
}

fn deque_appendleft(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("appendleft", args, 1, 1)?;
    drop(this(v)?.push_front(rest[0].clone()));
    Ok(Value::None)
}

fn deque_pop(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("pop", args, 0, 0)?;
    let d = this(v)?;
    d.touch();
    let item = d.items.borrow_mut().pop_back();
    item.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn deque_popleft(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("popleft", args, 0, 0)?;
    let d = this(v)?;
    d.touch();
    let item = d.items.borrow_mut().pop_front();
    item.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn deque_extend(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("extend", args, 1, 1)?;
    extend(ctx, v, &rest[0], false)?;
    Ok(Value::None)
}

fn deque_extendleft(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("extendleft", args, 1, 1)?;
    extend(ctx, v, &rest[0], true)?;
    Ok(Value::None)
}

fn deque_clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("clear", args, 0, 0)?;
    let d = this(v)?;
    d.touch();
    let old = std::mem::take(&mut *d.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn deque_copy(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("copy", args, 0, 0)?;
    let d = this(v)?;
    let ty = v.type_ref().clone();
    if ty.is_same(deque_type()) {
        return Ok(Value::Obj(new_deque(&ty, d.items.borrow().clone(), d.maxlen.get())));
    }
    // A subclass is copied by calling it, as CPython does.
    let items = Value::Obj(pyrite_object::types::list::PyList::new_obj(d.snapshot()));
    let maxlen = d.maxlen.get().map_or(Value::None, Value::from);
    protocol::call_positional(ctx, &Value::Obj(ty), &[items, maxlen])
}

/// Runs `test` on each item in order while the deque is unchanged; returns the index of the
/// first match.
fn find(ctx: &mut Ctx, v: &Value, start: usize, stop: usize, target: &Value) -> PyResult<Option<usize>> {
    let d = this(v)?;
    let state = d.state.get();
    for i in start..stop {
        let Some(item) = d.items.borrow().get(i).cloned() else { break };
        let equal = protocol::eq(ctx, &item, target)?;
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
        if equal {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn deque_count(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("count", args, 1, 1)?;
    let d = this(v)?;
    let state = d.state.get();
    let mut count = 0usize;
    for i in 0..d.len() {
        let Some(item) = d.items.borrow().get(i).cloned() else { break };
        if protocol::eq(ctx, &item, &rest[0])? {
            count += 1;
        }
        if d.state.get() != state {
            return Err(PyErr::runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::from(count))
}

/// A start/stop argument of `index`, clamped as a slice index.
fn clamp_index(ctx: &mut Ctx, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let what = |v: &Value| format!("slice indices must be integers or have an __index__ method, not {}", v.type_name());
    let i = pyrite_object::methods::int::to_i64(&protocol::index(ctx, v, what)?).unwrap_or(i64::MAX);
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    Ok(usize::try_from(i).unwrap_or(0))
}

fn deque_index(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("index", args, 1, 3)?;
    let len = this(v)?.len();
    let start = clamp_index(ctx, rest.get(1), len, 0)?;
    let stop = clamp_index(ctx, rest.get(2), len, len)?;
    match find(ctx, v, start, stop, &rest[0])? {
        Some(i) => Ok(Value::from(i)),
        None => {
            let text = protocol::repr_string(ctx, &rest[0])?;
            Err(PyErr::value_error(format!("{text} is not in deque")))
        }
    }
}

fn deque_insert(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("insert", args, 2, 2)?;
    let d = this(v)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let i = pyrite_object::methods::int::to_i64(&protocol::index(ctx, &rest[0], what)?)?;
    if d.maxlen.is_some_and_len(d.len()) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let len = i64::try_from(d.len()).unwrap_or(i64::MAX);
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    d.touch();
    d.items.borrow_mut().insert(usize::try_from(i).unwrap_or(0), rest[1].clone());
    Ok(Value::None)
}

trait MaxLen {
    fn is_some_and_len(&self, len: usize) -> bool;
}

impl MaxLen for Cell<Option<usize>> {
    /// Whether the deque is bounded and full.
    fn is_some_and_len(&self, len: usize) -> bool {
        self.get().is_some_and(|m| len >= m)
    }
}

fn deque_remove(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("remove", args, 1, 1)?;
    let len = this(v)?.len();
    match find(ctx, v, 0, len, &rest[0])? {
        Some(i) => {
            let d = this(v)?;
            d.touch();
            let removed = d.items.borrow_mut().remove(i);
            drop(removed);
            Ok(Value::None)
        }
        None => {
            let text = protocol::repr_string(ctx, &rest[0])?;
            Err(PyErr::value_error(format!("{text} is not in deque")))
        }
    }
}

fn deque_reverse(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("reverse", args, 0, 0)?;
    let d = this(v)?;
    d.touch();
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

fn deque_rotate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("rotate", args, 0, 1)?;
    let d = this(v)?;
    let n = match rest.first() {
        Some(n) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            pyrite_object::methods::int::to_i64(&protocol::index(ctx, n, what)?)?
        }
        None => 1,
    };
    let len = d.len();
    if len > 1 {
        let len_i = i64::try_from(len).unwrap_or(i64::MAX);
        let shift = usize::try_from(n.rem_euclid(len_i)).unwrap_or(0);
        d.touch();
        d.items.borrow_mut().rotate_right(shift);
    }
    Ok(Value::None)
}

fn deque_reversed(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reversed__", args, 0, 0)?;
    Ok(new_iterator(v, true))
}

fn deque_reduce(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    let d = this(v)?;
    let items = Value::Obj(pyrite_object::types::list::PyList::new_obj(d.snapshot()));
    let maxlen = d.maxlen.get().map_or(Value::None, Value::from);
    let ctor_args = Value::Obj(PyTuple::new_obj(vec![items, maxlen]));
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::Obj(v.type_ref().clone()), ctor_args])))
}

fn normalize_index(ctx: &mut Ctx, d: &Deque, key: &Value) -> PyResult<usize> {
    let what = |v: &Value| format!("sequence index must be integer, not '{}'", v.type_name());
    let i = pyrite_object::methods::int::to_i64(&protocol::index(ctx, key, what)?)
        .map_err(|_| PyErr::index_error("deque index out of range"))?;
    let len = i64::try_from(d.len()).unwrap_or(i64::MAX);
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(usize::try_from(i).unwrap_or(0))
}

fn deque_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let d = this(v)?;
    let i = normalize_index(ctx, d, key)?;
    d.items.borrow().get(i).cloned().ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let d = this(v)?;
    let i = normalize_index(ctx, d, key)?;
    match value {
        Some(value) => {
            let old = std::mem::replace(&mut d.items.borrow_mut()[i], value);
            drop(old);
        }
        None => {
            d.touch();
            let old = d.items.borrow_mut().remove(i);
            drop(old);
        }
    }
    Ok(())
}

fn deque_contains(ctx: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let len = this(v)?.len();
    Ok(find(ctx, v, 0, len, item)?.is_some())
}

fn deque_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let d = this(v)?;
    let name = protocol::qualified_type_name(v.type_ref());
    let name = name.rsplit('.').next().unwrap_or(&name).to_owned();
    let items = d.snapshot();
    let maxlen = d.maxlen.get();
    protocol::repr_guarded(ctx, v, "[...]", |ctx| {
        let mut parts = Vec::with_capacity(items.len());
        for item in &items {
            parts.push(protocol::repr_string(ctx, item)?);
        }
        let body = parts.join(", ");
        Ok(Value::str(&match maxlen {
            Some(m) => format!("{name}([{body}], maxlen={m})"),
            None => format!("{name}([{body}])"),
        }))
    })
}

fn deque_compare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<Deque>(), b.downcast::<Deque>()) else {
        return Ok(protocol::not_implemented());
    };
    let (xs, ys) = (x.snapshot(), y.snapshot());
    let xs = Value::Obj(pyrite_object::types::list::PyList::new_obj(xs));
    let ys = Value::Obj(pyrite_object::types::list::PyList::new_obj(ys));
    protocol::rich_compare(ctx, &xs, &ys, op)
}

fn repeat(ctx: &mut Ctx, v: &Value, n: &Value) -> PyResult<Option<VecDeque<Value>>> {
    if !protocol::has_index(n) {
        return Ok(None);
    }
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let n = pyrite_object::methods::int::to_i64(&protocol::index(ctx, n, what)?)?;
    let d = this(v)?;
    let items = d.snapshot();
    let mut out = VecDeque::new();
    let times = usize::try_from(n).unwrap_or(0);
    let limit = d.maxlen.get();
    for _ in 0..times {
        for item in &items {
            out.push_back(item.clone());
            if limit.is_some_and(|m| out.len() > m) {
                drop(out.pop_front());
            }
        }
        if limit.is_some_and(|m| out.len() >= m) && items.is_empty() {
            break;
        }
    }
    Ok(Some(out))
}

fn deque_binary(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => {
            let Some(x) = a.downcast::<Deque>() else { return Ok(protocol::not_implemented()) };
            let Some(y) = b.downcast::<Deque>() else {
                return Err(PyErr::type_error(format!(
                    "can only concatenate deque (not \"{}\") to deque",
                    b.type_name()
                )));
            };
            let result = new_deque(deque_type(), x.items.borrow().clone(), x.maxlen.get());
            let r = Value::Obj(result);
            for item in y.snapshot() {
                drop(this(&r)?.push_back(item));
            }
            Ok(r)
        }
        BinaryOp::Multiply => {
            let (deque, n) = if a.downcast::<Deque>().is_some() { (a, b) } else { (b, a) };
            match repeat(ctx, deque, n)? {
                Some(items) => Ok(Value::Obj(new_deque(deque_type(), items, this(deque)?.maxlen.get()))),
                None => Ok(protocol::not_implemented()),
            }
        }
        _ => Ok(protocol::not_implemented()),
    }
}

fn deque_inplace(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add if a.downcast::<Deque>().is_some() => {
            extend(ctx, a, b, false)?;
            Ok(a.clone())
        }
        BinaryOp::Multiply if a.downcast::<Deque>().is_some() => match repeat(ctx, a, b)? {
            Some(items) => {
                let d = this(a)?;
                d.touch();
                let old = std::mem::replace(&mut *d.items.borrow_mut(), items);
                drop(old);
                Ok(a.clone())
            }
            None => Ok(protocol::not_implemented()),
        },
        _ => Ok(protocol::not_implemented()),
    }
}

/// An iterator over a deque (forward or reversed).
pub struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl Trace for DequeIter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.deque.traverse(visit);
    }
}

payload!(DequeIter, "_collections._deque_iterator", tracked);

/// The `_deque_iterator` type.
pub fn iterator_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| make_iterator_type("_deque_iterator"))
}

/// The `_deque_reverse_iterator` type.
pub fn reverse_iterator_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| make_iterator_type("_deque_reverse_iterator"))
}

fn make_iterator_type(name: &str) -> ObjRef {
    let ty = new_native_type_with(name, "_collections", None, 0, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(iter_next);
    });
    add_methods(&ty, "_deque_iterator", &[("__length_hint__", iter_length_hint)]);
    ty
}

fn new_iterator(v: &Value, reverse: bool) -> Value {
    let state = v.downcast::<Deque>().map_or(0, |d| d.state.get());
    let ty = if reverse { reverse_iterator_type() } else { iterator_type() };
    Value::Obj(ObjRef::new(DequeIter { deque: v.clone(), index: Cell::new(0), state, reverse }, Some(ty)))
}

fn iter_next(_: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<DequeIter>().ok_or_else(|| PyErr::type_error("expected a deque iterator"))?;
    let d = this(&it.deque)?;
    if d.state.get() != it.state {
        return Err(PyErr::runtime_error("deque mutated during iteration"));
    }
    let i = it.index.get();
    let items = d.items.borrow();
    if i >= items.len() {
        return Ok(None);
    }
    it.index.set(i + 1);
    let item = if it.reverse { items.get(items.len() - 1 - i) } else { items.get(i) };
    Ok(item.cloned())
}

fn iter_length_hint(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__length_hint__", args, 0, 0)?;
    let it = v.downcast::<DequeIter>().ok_or_else(|| PyErr::type_error("expected a deque iterator"))?;
    let len = this(&it.deque)?.len();
    Ok(Value::from(len.saturating_sub(it.index.get())))
}
