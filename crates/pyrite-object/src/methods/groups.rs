//! `BaseExceptionGroup` and `ExceptionGroup` (CPython's `Objects/exceptions.c`): the
//! constructor's rules, `message`/`exceptions`, `split`, `subgroup`, `derive`, and the
//! helpers `except*` uses (`exception_group_match`, `_PyExc_PrepReraiseStar`).

use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::{add_methods, method_args, set_slots};
use crate::protocol;
use crate::registry::{TypeTable, types};
use crate::types::exception::{PyException, new_exception};
use crate::types::function::Function;
use crate::types::list::{PyList, PyTuple};
use crate::types::typeobj::{TypeObject, is_subtype, type_name, type_payload};
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.base_exception_group, |s| {
        s.new = Some(group_new);
        s.init = Some(group_init);
        s.str = Some(group_str);
    });
    add_methods(
        &t.base_exception_group,
        "BaseExceptionGroup",
        &[("split", group_split), ("subgroup", group_subgroup), ("derive", group_derive)],
    );
    crate::methods::attrdescr::add_computed(
        &t.base_exception_group,
        crate::methods::attrdescr::Kind::Member,
        &[("message", get_message), ("exceptions", get_exceptions)],
    );
}

/// Whether `value` is an exception group (an instance of `BaseExceptionGroup`).
#[must_use]
pub fn is_group(value: &ObjRef) -> bool {
    is_subtype(value.type_ref(), &types().base_exception_group)
}

/// The sub-exceptions of a group (empty for anything else).
#[must_use]
pub fn group_members(exc: &ObjRef) -> Vec<Value> {
    exc.downcast::<PyException>().and_then(PyException::group_exceptions).unwrap_or_default()
}

fn group_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        )));
    }
    let (message, exceptions) = (&pos[0], &pos[1]);
    if message.as_str().is_none() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_name()
        )));
    }
    let is_sequence = {
        let ety = exceptions.type_ref();
        type_payload(ety).slots().getitem.is_some() && !is_subtype(ety, &types().dict)
    };
    if !is_sequence {
        return Err(PyErr::type_error("second argument (exceptions) must be a sequence"));
    }
    let items = protocol::collect(ctx, exceptions)?;
    if items.is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let t = types();
    let mut nested_base_exceptions = false;
    for (i, item) in items.iter().enumerate() {
        if !item.as_obj().is_some_and(|o| o.is::<PyException>()) {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !protocol::isinstance(item, &t.exception) {
            nested_base_exceptions = true;
        }
    }
    let mut cls = ty.clone();
    if ty.is_same(&t.exception_group) {
        if nested_base_exceptions {
            return Err(PyErr::type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if ty.is_same(&t.base_exception_group) {
        if !nested_base_exceptions {
            cls = t.exception_group.clone();
        }
    } else if nested_base_exceptions && is_subtype(ty, &t.exception) {
        return Err(PyErr::type_error(format!("Cannot nest BaseExceptions in '{}'", type_name(ty))));
    }
    let exc = new_exception(&cls, pos.to_vec());
    if let Some(data) = exc.downcast::<PyException>() {
        let old = data.group.replace(Some((message.clone(), PyTuple::new_obj(items))));
        drop(old);
    }
    Ok(Value::Obj(exc))
}

fn group_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", v.type_name())));
    }
    let exc = this(v)?;
    let old = exc.args.replace(Value::Obj(PyTuple::new_obj(args.pos().to_vec())));
    drop(old);
    Ok(())
}

fn this(v: &Value) -> PyResult<&PyException> {
    v.downcast::<PyException>()
        .filter(|e| e.group.borrow().is_some())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'BaseExceptionGroup' object"))
}

fn group_str(ctx: &mut Ctx, v: &Value) -> PyResult {
    let exc = this(v)?;
    let message = exc.group_message().unwrap_or(Value::None);
    let n = exc.group_exceptions().map_or(0, |e| e.len());
    let text = protocol::str_string(ctx, &message)?;
    Ok(Value::str(&format!("{text} ({n} sub-exception{})", if n > 1 { "s" } else { "" })))
}

fn get_message(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("message", args, 0, 0)?;
    Ok(this(v)?.group_message().unwrap_or(Value::None))
}

fn get_exceptions(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("exceptions", args, 0, 0)?;
    let group = this(v)?.group.borrow();
    Ok(group.as_ref().map_or(Value::None, |(_, excs)| Value::Obj(excs.clone())))
}

/// How `split`/`subgroup` pick the leaf exceptions.
enum Matcher {
    /// An exception type or a tuple of them.
    Type(Value),
    /// A function called with each exception.
    Predicate(Value),
    /// Exactly these exception objects (for `except*`'s re-raise).
    Ids(Vec<ObjRef>),
}

fn is_exception_class(v: &Value) -> bool {
    v.as_obj().is_some_and(|o| o.is::<TypeObject>() && is_subtype(o, &types().base_exception))
}

fn matcher_for(value: &Value) -> PyResult<Matcher> {
    if value.as_obj().is_some_and(|o| o.is::<Function>()) {
        return Ok(Matcher::Predicate(value.clone()));
    }
    if is_exception_class(value) {
        return Ok(Matcher::Type(value.clone()));
    }
    if value.type_ref().is_same(&types().tuple)
        && let Some(t) = value.downcast::<PyTuple>()
        && t.items().iter().all(is_exception_class)
    {
        return Ok(Matcher::Type(value.clone()));
    }
    Err(PyErr::type_error("expected a function, exception type or tuple of exception types"))
}

/// `PyErr_GivenExceptionMatches(exc, types)` for an exception instance.
#[must_use]
pub fn exception_matches(exc: &ObjRef, target: &Value) -> bool {
    let matches = |t: &Value| t.as_obj().is_some_and(|o| is_subtype(exc.type_ref(), o));
    match target.downcast::<PyTuple>() {
        Some(t) => t.items().iter().any(matches),
        None => matches(target),
    }
}

fn check_match(ctx: &mut Ctx, exc: &ObjRef, matcher: &Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::Type(target) => Ok(exception_matches(exc, target)),
        Matcher::Predicate(f) => {
            let result = protocol::call_positional(ctx, f, &[Value::Obj(exc.clone())])?;
            protocol::truthy(ctx, &result)
        }
        Matcher::Ids(ids) => Ok(ids.iter().any(|i| i.is_same(exc))),
    }
}

type Split = (Option<ObjRef>, Option<ObjRef>);

fn split_recursive(ctx: &mut Ctx, exc: &ObjRef, matcher: &Matcher, construct_rest: bool) -> PyResult<Split> {
    if check_match(ctx, exc, matcher)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(exc) {
        return Ok((None, construct_rest.then(|| exc.clone())));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for member in group_members(exc) {
        let Value::Obj(member) = member else { continue };
        ctx.enter_native_call(" in exceptiongroup_split_recursive")?;
        let result = split_recursive(ctx, &member, matcher, construct_rest);
        ctx.leave_call();
        let (m, r) = result?;
        matched.extend(m.map(Value::Obj));
        rest.extend(r.map(Value::Obj));
    }
    let matched = subset(ctx, exc, matched)?;
    let rest = if construct_rest { subset(ctx, exc, rest)? } else { None };
    Ok((matched, rest))
}

/// A group like `orig` (made by its `derive`) holding `excs`, with `orig`'s traceback,
/// cause, context and notes; `None` when `excs` is empty.
fn subset(ctx: &mut Ctx, orig: &ObjRef, excs: Vec<Value>) -> PyResult<Option<ObjRef>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = Value::Obj(PyList::new_obj(excs));
    let derive = protocol::getattr_str(ctx, &Value::Obj(orig.clone()), "derive")?;
    let eg = protocol::call_positional(ctx, &derive, &[list])?;
    let eg = match eg {
        Value::Obj(o) if is_group(&o) && o.is::<PyException>() => o,
        _ => return Err(PyErr::type_error("derive must return an instance of BaseExceptionGroup")),
    };
    if let (Some(from), Some(to)) = (orig.downcast::<PyException>(), eg.downcast::<PyException>()) {
        if let Some(tb) = from.traceback.borrow().clone() {
            drop(to.traceback.replace(Some(tb)));
        }
        drop(to.context.replace(from.context.borrow().clone()));
        drop(to.cause.replace(from.cause.borrow().clone()));
        to.suppress_context.set(true);
    }
    let notes = match protocol::getattr_str(ctx, &Value::Obj(orig.clone()), "__notes__") {
        Ok(notes) => Some(notes),
        Err(e) if e.matches(&types().attribute_error) => None,
        Err(e) => return Err(e),
    };
    if let Some(notes) = notes {
        let ty = notes.type_ref();
        let is_sequence = type_payload(ty).slots().getitem.is_some() && !is_subtype(ty, &types().dict);
        if is_sequence {
            let copy = protocol::collect(ctx, &notes)?;
            let copy = Value::Obj(PyList::new_obj(copy));
            protocol::setattr(ctx, &Value::Obj(eg.clone()), &Value::str("__notes__"), Some(copy))?;
        }
    }
    Ok(Some(eg))
}

/// `self` and the one argument of `split`/`subgroup`, with `PyArg_UnpackTuple`'s errors.
fn one_arg<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, &'a [Value])> {
    let (v, rest) = method_args(name, args, 0, usize::MAX)?;
    if rest.len() != 1 {
        return Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", rest.len())));
    }
    Ok((v, rest))
}

fn group_split(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = one_arg("split", args)?;
    this(v)?;
    let matcher = matcher_for(&rest[0])?;
    let Value::Obj(exc) = v else { return Err(PyErr::new_system("split of a non-object")) };
    let (m, r) = split_recursive(ctx, exc, &matcher, true)?;
    let part = |p: Option<ObjRef>| p.map_or(Value::None, Value::Obj);
    Ok(Value::Obj(PyTuple::new_obj(vec![part(m), part(r)])))
}

fn group_subgroup(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = one_arg("subgroup", args)?;
    this(v)?;
    let matcher = matcher_for(&rest[0])?;
    let Value::Obj(exc) = v else { return Err(PyErr::new_system("subgroup of a non-object")) };
    let (m, _) = split_recursive(ctx, exc, &matcher, false)?;
    Ok(m.map_or(Value::None, Value::Obj))
}

fn group_derive(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("derive", args, 0, usize::MAX)?;
    if rest.len() != 1 {
        return Err(PyErr::type_error(format!("Function takes exactly 1 argument ({} given)", rest.len())));
    }
    let message = this(v)?.group_message().unwrap_or(Value::None);
    let ty = Value::Obj(types().base_exception_group.clone());
    protocol::call_positional(ctx, &ty, &[message, rest[0].clone()])
}

/// `_PyExc_CreateExceptionGroup(msg, excs)`: `BaseExceptionGroup(msg, excs)`.
pub fn create_group(ctx: &mut Ctx, message: &str, excs: Value) -> PyResult {
    let ty = Value::Obj(types().base_exception_group.clone());
    protocol::call_positional(ctx, &ty, &[Value::str(message), excs])
}

/// `exception_group_match` of `except*`: `(match, rest)` of `exc` against the types
/// `target`. A naked exception that matches is wrapped in `ExceptionGroup("", [exc])`.
pub fn exception_group_match(ctx: &mut Ctx, exc: &Value, target: &Value) -> PyResult<(Value, Value)> {
    let Value::Obj(obj) = exc else { return Ok((Value::None, Value::None)) };
    if exception_matches(obj, target) {
        if is_group(obj) {
            return Ok((exc.clone(), Value::None));
        }
        let excs = Value::Obj(PyTuple::new_obj(vec![exc.clone()]));
        let wrapped = create_group(ctx, "", excs)?;
        if let (Some(from), Some(to)) = (obj.downcast::<PyException>(), wrapped.downcast::<PyException>()) {
            let tb = from.traceback.borrow().clone();
            drop(to.traceback.replace(tb));
        }
        return Ok((wrapped, Value::None));
    }
    if is_group(obj) {
        let split = protocol::getattr_str(ctx, exc, "split")?;
        let pair = protocol::call_positional(ctx, &split, std::slice::from_ref(target))?;
        let owner = exc.type_name();
        if !pair.type_ref().is_same(&types().tuple) {
            return Err(PyErr::type_error(format!("{owner}.split must return a tuple, not {}", pair.type_name())));
        }
        let items = pair.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
        if items.len() != 2 {
            return Err(PyErr::type_error(format!(
                "{owner}.split must return a 2-tuple, got tuple of size {}",
                items.len()
            )));
        }
        return Ok((items[0].clone(), items[1].clone()));
    }
    Ok((Value::None, Value::None))
}

fn collect_leaf_ids(exc: &Value, ids: &mut Vec<ObjRef>) {
    let Value::Obj(obj) = exc else { return };
    if !is_group(obj) {
        ids.push(obj.clone());
        return;
    }
    for member in group_members(obj) {
        collect_leaf_ids(&member, ids);
    }
}

fn same_metadata(a: &ObjRef, b: &ObjRef) -> bool {
    let (Some(x), Some(y)) = (a.downcast::<PyException>(), b.downcast::<PyException>()) else { return false };
    let same = |p: &Option<ObjRef>, q: &Option<ObjRef>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is_same(q),
        _ => false,
    };
    // CPython 3.11 keeps `__notes__` in the instance dict and does not compare it here.
    same(&x.traceback.borrow(), &y.traceback.borrow())
        && same(&x.cause.borrow(), &y.cause.borrow())
        && same(&x.context.borrow(), &y.context.borrow())
}

/// `_PyExc_PrepReraiseStar(orig, excs)`: what a `try`-`except*` re-raises at its end.
/// `excs` holds what the clauses raised or re-raised and the unhandled rest (`None`s are
/// skipped). Re-raised parts keep `orig`'s nesting; newly raised ones become siblings in
/// a new group.
pub fn prep_reraise_star(ctx: &mut Ctx, orig: &Value, excs: &[Value]) -> PyResult {
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let Value::Obj(orig_obj) = orig else { return Ok(excs[0].clone()) };
    if !is_group(orig_obj) {
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        let Value::Obj(obj) = e else { continue };
        if same_metadata(obj, orig_obj) {
            reraised.push(e.clone());
        } else {
            raised.push(e.clone());
        }
    }
    let mut ids = Vec::new();
    for e in &reraised {
        collect_leaf_ids(e, &mut ids);
    }
    let (projection, _) = split_recursive(ctx, orig_obj, &Matcher::Ids(ids), false)?;
    let reraised_eg = projection.map_or(Value::None, Value::Obj);
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is_none() {
        raised.push(reraised_eg);
    }
    if raised.len() > 1 {
        create_group(ctx, "", Value::Obj(PyList::new_obj(raised)))
    } else {
        Ok(raised.swap_remove(0))
    }
}
