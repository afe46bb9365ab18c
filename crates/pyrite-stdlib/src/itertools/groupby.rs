//! `groupby(iterable, key=None)` and its `_grouper` objects, which share the groupby's
//! iterator: a grouper yields items only while it is the groupby's current one, so
//! advancing the groupby ends every grouper handed out before (as CPython).

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::types::typeobj::{StaticType, is_subtype};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{alloc, bind_clinic, iterator_type, next_item, no_keywords, positional, tuple, visit_opt};

/// The shared state: the iterator, the key function (`None`: the item itself), the key
/// of the group being returned, and the item read last with its key.
#[derive(Default)]
struct GroupByState {
    iter: Option<Value>,
    keyfunc: Option<Value>,
    target_key: Option<Value>,
    current_key: Option<Value>,
    current_value: Option<Value>,
}

struct GroupBy {
    state: PayloadCell<GroupByState>,
    /// Changes whenever the current grouper changes; a grouper is current while its own
    /// generation equals this (CPython compares a borrowed pointer).
    generation: Cell<u64>,
}

impl Trace for GroupBy {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let state = self.state.borrow();
        visit_opt(state.iter.as_ref(), visit);
        visit_opt(state.keyfunc.as_ref(), visit);
        visit_opt(state.target_key.as_ref(), visit);
        visit_opt(state.current_key.as_ref(), visit);
        visit_opt(state.current_value.as_ref(), visit);
    }

    fn clear(&self) {
        drop(self.state.replace(GroupByState::default()));
    }
}

payload!(GroupBy, "itertools.groupby", tracked);

/// A group: the groupby, the key of the group, and the generation it belongs to.
struct Grouper {
    parent: PayloadCell<Value>,
    target_key: PayloadCell<Value>,
    generation: u64,
}

impl Trace for Grouper {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.parent.borrow().traverse(visit);
        self.target_key.borrow().traverse(visit);
    }

    fn clear(&self) {
        drop(self.parent.replace(Value::None));
        drop(self.target_key.replace(Value::None));
    }
}

payload!(Grouper, "itertools._grouper", tracked);

pub(super) fn groupby_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("groupby", true, |s| {
            s.new = Some(groupby_new);
            s.next = Some(groupby_next);
        })
    })
}

pub(super) fn grouper_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        iterator_type("_grouper", false, |s| {
            s.new = Some(grouper_new);
            s.next = Some(grouper_next);
        })
    })
}

const GROUPBY: Params = Params::new("groupby", &["iterable", "key"]).required(1);

fn groupby_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [Some(iterable), key] = bind_clinic(&GROUPBY, args)? else { return Err(PyErr::new_system("groupby()")) };
    let keyfunc = key.filter(|k| !k.is_none()).cloned();
    let iter = protocol::get_iter(ctx, iterable)?;
    let state = GroupByState { iter: Some(iter), keyfunc, ..GroupByState::default() };
    Ok(alloc(ty, GroupBy { state: PayloadCell::new(state), generation: Cell::new(0) }))
}

/// Reads the next item and its key into the current slots; `false` when exhausted.
fn step(ctx: &mut Ctx, g: &GroupBy) -> PyResult<bool> {
    let (iter, keyfunc) = {
        let state = g.state.borrow();
        (state.iter.clone(), state.keyfunc.clone())
    };
    let Some(iter) = iter else { return Ok(false) };
    let Some(value) = next_item(ctx, &iter)? else { return Ok(false) };
    let key = match keyfunc {
        None => value.clone(),
        Some(keyfunc) => protocol::call_positional(ctx, &keyfunc, std::slice::from_ref(&value))?,
    };
    let mut state = g.state.borrow_mut();
    let old = (state.current_value.replace(value), state.current_key.replace(key));
    drop(state);
    drop(old);
    Ok(true)
}

/// A new grouper for `parent`'s group `key`, made the current one.
fn new_grouper(parent: &Value, g: &GroupBy, key: Value) -> Value {
    let generation = g.generation.get().wrapping_add(1);
    g.generation.set(generation);
    alloc(
        grouper_type(),
        Grouper { parent: PayloadCell::new(parent.clone()), target_key: PayloadCell::new(key), generation },
    )
}

fn groupby_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(g) = v.downcast::<GroupBy>() else { return Ok(None) };
    // No grouper is current any more.
    g.generation.set(g.generation.get().wrapping_add(1));
    loop {
        let (current, target) = {
            let state = g.state.borrow();
            (state.current_key.clone(), state.target_key.clone())
        };
        if let Some(current) = current {
            match target {
                None => break,
                Some(target) => {
                    if !protocol::eq(ctx, &target, &current)? {
                        break;
                    }
                }
            }
        }
        if !step(ctx, g)? {
            return Ok(None);
        }
    }
    let Some(key) = g.state.borrow().current_key.clone() else { return Ok(None) };
    let old = g.state.borrow_mut().target_key.replace(key.clone());
    drop(old);
    let grouper = new_grouper(v, g, key.clone());
    Ok(Some(tuple(vec![key, grouper])))
}

fn grouper_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    no_keywords(ty, grouper_type(), "_grouper", &args)?;
    let [parent, key] = positional("_grouper", &args, 2, 2)? else { return Err(PyErr::new_system("_grouper()")) };
    let Some(g) = parent.downcast::<GroupBy>().filter(|_| is_subtype(parent.type_ref(), groupby_type())) else {
        return Err(PyErr::type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            parent.type_name()
        )));
    };
    Ok(new_grouper(parent, g, key.clone()))
}

fn grouper_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(grouper) = v.downcast::<Grouper>() else { return Ok(None) };
    let parent = grouper.parent.borrow().clone();
    let Some(g) = parent.downcast::<GroupBy>() else { return Ok(None) };
    if g.generation.get() != grouper.generation {
        return Ok(None);
    }
    if g.state.borrow().current_value.is_none() && !step(ctx, g)? {
        return Ok(None);
    }
    let Some(current) = g.state.borrow().current_key.clone() else { return Ok(None) };
    let target = grouper.target_key.borrow().clone();
    if !protocol::eq(ctx, &target, &current)? {
        return Ok(None);
    }
    let mut state = g.state.borrow_mut();
    let value = state.current_value.take();
    let key = state.current_key.take();
    drop(state);
    drop(key);
    Ok(value)
}
