//! The iterators that make new items from their inputs, or join several inputs:
//! `accumulate(iterable, func, *, initial)`, `starmap(function, iterable)`,
//! `chain(*iterables)` (and `chain.from_iterable`), `pairwise(iterable)` and
//! `zip_longest(*iterables, fillvalue=)`.

use pyrite_bytecode::BinaryOp;
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::types::descriptors::ClassMethod;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BuiltinFunction;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::filtering::{Pair, function_and_iterator};
use super::{alloc, bind_clinic, iterator_type, keyword_name, next_item, no_keywords, positional, tuple, visit_opt};

// ---------------------------------------------------------------------------------------
// accumulate

/// `accumulate(iterable, func, initial=)`: the iterator, the function (`None`: `+`), the
/// running total once started, and the initial value until it is returned.
#[derive(Default)]
struct AccumulateState {
    iter: Option<Value>,
    func: Option<Value>,
    total: Option<Value>,
    initial: Option<Value>,
}

struct Accumulate {
    state: PayloadCell<AccumulateState>,
}

impl Trace for Accumulate {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        visit_opt(state.iter.as_ref(), visit);
        visit_opt(state.func.as_ref(), visit);
        visit_opt(state.total.as_ref(), visit);
        visit_opt(state.initial.as_ref(), visit);
    }

    fn clear(&self) {
        drop(self.state.replace(AccumulateState::default()));
    }
}

payload!(Accumulate, "itertools.accumulate", tracked);

pub(super) fn accumulate_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("accumulate", true, |s| {
            s.new = Some(accumulate_new);
            s.next = Some(accumulate_next);
        })
    })
}

const ACCUMULATE: Params = Params::new("accumulate", &["iterable", "func", "initial"]).required(1).keyword_only(2);

fn accumulate_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [Some(iterable), func, initial] = bind_clinic(&ACCUMULATE, args)? else {
        return Err(PyErr::new_system("accumulate()"));
    };
    let iter = protocol::get_iter(ctx, iterable)?;
    let given = |v: Option<&Value>| v.filter(|v| !v.is_none()).cloned();
    let state = AccumulateState { iter: Some(iter), func: given(func), total: None, initial: given(initial) };
    Ok(alloc(ty, Accumulate { state: PayloadCell::new(state) }))
}

fn accumulate_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(a) = v.downcast::<Accumulate>() else { return Ok(None) };
    let initial = a.state.borrow_mut().initial.take();
    if let Some(initial) = initial {
        let old = a.state.borrow_mut().total.replace(initial.clone());
        drop(old);
        return Ok(Some(initial));
    }
    let (iter, func, total) = {
        let state = a.state.borrow();
        (state.iter.clone(), state.func.clone(), state.total.clone())
    };
    let Some(iter) = iter else { return Ok(None) };
    let Some(item) = next_item(ctx, &iter)? else { return Ok(None) };
    let new_total = match (total, func) {
        (None, _) => item,
        (Some(total), None) => protocol::binary_op(ctx, &total, &item, BinaryOp::Add)?,
        (Some(total), Some(func)) => protocol::call_positional(ctx, &func, &[total, item])?,
    };
    let old = a.state.borrow_mut().total.replace(new_total.clone());
    drop(old);
    Ok(Some(new_total))
}

// ---------------------------------------------------------------------------------------
// starmap

pub(super) fn starmap_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("starmap", true, |s| {
            s.new =
                Some(|ctx, ty, args| Ok(alloc(ty, function_and_iterator(ctx, ty, starmap_type(), "starmap", &args)?)));
            s.next = Some(starmap_next);
        })
    })
}

fn starmap_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Pair>() else { return Ok(None) };
    let (func, iter) = p.get();
    let Some(args) = next_item(ctx, &iter)? else { return Ok(None) };
    let args = super::sequence_items(ctx, &args)?;
    protocol::call_positional(ctx, &func, &args).map(Some)
}

// ---------------------------------------------------------------------------------------
// chain

/// `chain(*iterables)`: the iterator over the iterables (`None` once all are done) and
/// the iterator of the current one.
struct Chain {
    state: PayloadCell<(Option<Value>, Option<Value>)>,
}

impl Trace for Chain {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        visit_opt(state.0.as_ref(), visit);
        visit_opt(state.1.as_ref(), visit);
    }

    fn clear(&self) {
        drop(self.state.replace((None, None)));
    }
}

payload!(Chain, "itertools.chain", tracked);

pub(super) fn chain_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = iterator_type("chain", true, |s| {
            s.new = Some(chain_new);
            s.next = Some(chain_next);
        });
        add_classmethod(&ty, "from_iterable", chain_from_iterable);
        add_classmethod(&ty, "__class_getitem__", chain_class_getitem);
        ty
    })
}

/// Stores `func` in the class as a classmethod `name` of `chain`.
fn add_classmethod(ty: &ObjRef, name: &'static str, func: pyrite_object::types::function::NativeFn) {
    let func = Value::Obj(BuiltinFunction::new_method("chain", name, func));
    let method = ObjRef::new(ClassMethod { func: PayloadCell::new(func) }, Some(&types().classmethod));
    if let Some(dict) = type_payload(ty).dict.downcast::<PyDict>() {
        dict.set_str(name, Value::Obj(method));
    }
}

/// `chain[T]`: a `types.GenericAlias`.
fn chain_class_getitem(_: &mut Ctx, args: Args<'_>) -> PyResult {
    match args.values {
        [cls, item] if args.kwnames.is_empty() => {
            Ok(pyrite_object::methods::generic_alias::new_generic_alias(cls.clone(), item.clone()))
        }
        _ => Err(PyErr::type_error("__class_getitem__ expects exactly one argument")),
    }
}

fn new_chain(ty: &ObjRef, source: Value) -> Value {
    alloc(ty, Chain { state: PayloadCell::new((Some(source), None)) })
}

fn chain_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(ty, chain_type(), "chain", &args)?;
    let iterables = tuple(args.pos().to_vec());
    let source = protocol::get_iter(ctx, &iterables)?;
    Ok(new_chain(ty, source))
}

/// `chain.from_iterable(iterable)`, a classmethod: called with the class first.
fn chain_from_iterable(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((cls, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'from_iterable' of 'itertools.chain' object needs an argument"));
    };
    let rest = Args { values: rest, kwnames: args.kwnames };
    if !rest.kwnames.is_empty() {
        return Err(PyErr::type_error("chain.from_iterable() takes no keyword arguments"));
    }
    let [iterable] = rest.pos() else {
        return Err(PyErr::type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            rest.pos().len()
        )));
    };
    let Some(cls) = cls.as_obj().filter(|c| c.is::<pyrite_object::types::typeobj::TypeObject>()) else {
        return Err(PyErr::type_error("from_iterable() requires a type"));
    };
    let source = protocol::get_iter(ctx, iterable)?;
    Ok(new_chain(cls, source))
}

fn chain_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(c) = v.downcast::<Chain>() else { return Ok(None) };
    loop {
        let (source, active) = c.state.borrow().clone();
        let Some(source) = source else { return Ok(None) };
        let active = match active {
            Some(active) => active,
            None => {
                let next_iterable = match next_item(ctx, &source) {
                    Ok(Some(iterable)) => protocol::get_iter(ctx, &iterable),
                    Ok(None) => {
                        drop(c.state.replace((None, None)));
                        return Ok(None);
                    }
                    Err(e) => Err(e),
                };
                match next_iterable {
                    Ok(active) => {
                        let old = c.state.borrow_mut().1.replace(active.clone());
                        drop(old);
                        active
                    }
                    Err(e) => {
                        drop(c.state.replace((None, None)));
                        return Err(e);
                    }
                }
            }
        };
        if let Some(item) = next_item(ctx, &active)? {
            return Ok(Some(item));
        }
        let old = c.state.borrow_mut().1.take();
        drop(old);
    }
}

// ---------------------------------------------------------------------------------------
// pairwise

/// `pairwise(iterable)`: the iterator (`None` once exhausted) and the previous item.
struct Pairwise {
    state: PayloadCell<(Option<Value>, Option<Value>)>,
}

impl Trace for Pairwise {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        visit_opt(state.0.as_ref(), visit);
        visit_opt(state.1.as_ref(), visit);
    }

    fn clear(&self) {
        drop(self.state.replace((None, None)));
    }
}

payload!(Pairwise, "itertools.pairwise", tracked);

pub(super) fn pairwise_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("pairwise", true, |s| {
            s.new = Some(pairwise_new);
            s.next = Some(pairwise_next);
        })
    })
}

fn pairwise_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(ty, pairwise_type(), "pairwise", &args)?;
    let [iterable] = positional("pairwise", &args, 1, 1)? else { return Err(PyErr::new_system("pairwise()")) };
    let iter = protocol::get_iter(ctx, iterable)?;
    Ok(alloc(ty, Pairwise { state: PayloadCell::new((Some(iter), None)) }))
}

fn pairwise_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(p) = v.downcast::<Pairwise>() else { return Ok(None) };
    let (iter, old) = p.state.borrow().clone();
    let Some(iter) = iter else { return Ok(None) };
    let old = match old {
        Some(old) => old,
        None => {
            let Some(first) = next_item(ctx, &iter)? else {
                drop(p.state.replace((None, None)));
                return Ok(None);
            };
            let previous = p.state.borrow_mut().1.replace(first.clone());
            drop(previous);
            first
        }
    };
    let Some(new) = next_item(ctx, &iter)? else {
        drop(p.state.replace((None, None)));
        return Ok(None);
    };
    let previous = p.state.borrow_mut().1.replace(new.clone());
    drop(previous);
    Ok(Some(tuple(vec![old, new])))
}

// ---------------------------------------------------------------------------------------
// zip_longest

/// `zip_longest(*iterables, fillvalue=)`: the iterators (`None` for the exhausted ones),
/// how many are still running, and the fill value.
struct ZipLongestState {
    iters: Vec<Option<Value>>,
    active: usize,
    fillvalue: Value,
}

impl Default for ZipLongestState {
    fn default() -> Self {
        ZipLongestState { iters: Vec::new(), active: 0, fillvalue: Value::None }
    }
}

struct ZipLongest {
    state: PayloadCell<ZipLongestState>,
}

impl Trace for ZipLongest {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        for iter in &state.iters {
            visit_opt(iter.as_ref(), visit);
        }
        state.fillvalue.traverse(visit);
    }

    fn clear(&self) {
        drop(self.state.replace(ZipLongestState::default()));
    }
}

payload!(ZipLongest, "itertools.zip_longest", tracked);

pub(super) fn zip_longest_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("zip_longest", true, |s| {
            s.new = Some(zip_longest_new);
            s.next = Some(zip_longest_next);
        })
    })
}

fn zip_longest_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let mut fillvalue = Value::None;
    let mut keywords = args.keywords();
    if let Some((name, value)) = keywords.next() {
        if keyword_name(name) != "fillvalue" || keywords.next().is_some() {
            return Err(PyErr::type_error("zip_longest() got an unexpected keyword argument"));
        }
        fillvalue = value.clone();
    }
    let mut iters = Vec::with_capacity(args.pos().len());
    for iterable in args.pos() {
        iters.push(Some(protocol::get_iter(ctx, iterable)?));
    }
    let active = iters.len();
    Ok(alloc(ty, ZipLongest { state: PayloadCell::new(ZipLongestState { iters, active, fillvalue }) }))
}

fn zip_longest_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(z) = v.downcast::<ZipLongest>() else { return Ok(None) };
    let (iters, fillvalue) = {
        let state = z.state.borrow();
        if state.iters.is_empty() || state.active == 0 {
            return Ok(None);
        }
        (state.iters.clone(), state.fillvalue.clone())
    };
    let mut items = Vec::with_capacity(iters.len());
    for (i, iter) in iters.iter().enumerate() {
        let Some(iter) = iter else {
            items.push(fillvalue.clone());
            continue;
        };
        let item = match next_item(ctx, iter) {
            Ok(item) => item,
            Err(e) => {
                z.state.borrow_mut().active = 0;
                return Err(e);
            }
        };
        match item {
            Some(item) => items.push(item),
            None => {
                let mut state = z.state.borrow_mut();
                state.active = state.active.saturating_sub(1);
                if state.active == 0 {
                    return Ok(None);
                }
                let old = state.iters.get_mut(i).and_then(Option::take);
                drop(state);
                drop(old);
                items.push(fillvalue.clone());
            }
        }
    }
    Ok(Some(Value::Obj(PyTuple::new_obj(items))))
}
