//! The `itertools` module: CPython 3.11's iterator building blocks as native types, each
//! a class (subclassable where CPython's are) that iterates lazily and lets the
//! underlying iterators' exceptions through, with CPython's argument errors and reprs.
//!
//! Files by responsibility: `infinite` (count, cycle, repeat), `filtering` (compress,
//! dropwhile, takewhile, filterfalse, islice), `mapping` (accumulate, starmap, chain,
//! pairwise, zip_longest), `groupby` (groupby and its `_grouper`), `tee` (tee, `_tee`,
//! `_tee_dataobject`), `combinatorics` (product, combinations,
//! combinations_with_replacement, permutations). Every payload keeps its references in
//! `PayloadCell`s, reports them to the cycle collector and drops them on `clear`; no
//! borrow is held across a call into Python code.

mod combinatorics;
mod filtering;
mod groupby;
mod infinite;
mod mapping;
mod tee;

use pyrite_memory::{ObjRef, Payload};
use pyrite_object::methods::int::as_int;
use pyrite_object::methods::params::Params;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{
    Slots, TYPE_BASETYPE, TYPE_HEAPTYPE, lookup_str, new_native_type_with, type_name, type_payload,
};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("itertools", &[("tee", tee::tee)]);
    let classes: [(&str, &ObjRef); 21] = [
        ("_grouper", groupby::grouper_type()),
        ("_tee", tee::tee_type()),
        ("_tee_dataobject", tee::tee_data_type()),
        ("accumulate", mapping::accumulate_type()),
        ("chain", mapping::chain_type()),
        ("combinations", combinatorics::combinations_type()),
        ("combinations_with_replacement", combinatorics::cwr_type()),
        ("compress", filtering::compress_type()),
        ("count", infinite::count_type()),
        ("cycle", infinite::cycle_type()),
        ("dropwhile", filtering::dropwhile_type()),
        ("filterfalse", filtering::filterfalse_type()),
        ("groupby", groupby::groupby_type()),
        ("islice", filtering::islice_type()),
        ("pairwise", mapping::pairwise_type()),
        ("permutations", combinatorics::permutations_type()),
        ("product", combinatorics::product_type()),
        ("repeat", infinite::repeat_type()),
        ("starmap", mapping::starmap_type()),
        ("takewhile", filtering::takewhile_type()),
        ("zip_longest", mapping::zip_longest_type()),
    ];
    for (name, ty) in classes {
        Module::set(&module, name, Value::Obj(ty.clone()));
    }
    Module::set(&module, "__doc__", Value::str(DOC));
    Ok(module)
}

const DOC: &str = "Functional tools for creating and using iterators.";

/// A type of this module: an iterator (`__iter__` returns itself) with the given slots;
/// subclassable from Python when `subclassable`.
fn iterator_type(name: &str, subclassable: bool, init: impl FnOnce(&mut Slots)) -> ObjRef {
    let flags = if subclassable { TYPE_BASETYPE } else { 0 };
    new_native_type_with(name, "itertools", None, flags, |slots| {
        slots.iter = Some(|_, v| Ok(v.clone()));
        init(slots);
    })
}

/// A new instance of `ty` (a type of this module or a class derived from one in Python,
/// which then gets a `__dict__`).
fn alloc<T: Payload>(ty: &ObjRef, payload: T) -> Value {
    let heap = type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0;
    Value::Obj(if heap { ObjRef::new_with_dict(payload, Some(ty)) } else { ObjRef::new(payload, Some(ty)) })
}

/// CPython's `_PyArg_NoKeywords` as Argument Clinic applies it in `__new__`: only when the
/// class is `base` itself or does not define its own `__init__` (which may take keywords).
fn no_keywords(ty: &ObjRef, base: &ObjRef, name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        return Ok(());
    }
    let own_init = !ty.is_same(base) && {
        let object_init = lookup_str(&types().object, "__init__");
        match (lookup_str(ty, "__init__"), object_init) {
            (Some(a), Some(b)) => !a.is(&b),
            _ => false,
        }
    };
    if own_init { Ok(()) } else { Err(PyErr::type_error(format!("{name}() takes no keyword arguments"))) }
}

/// Binds `args` as Argument Clinic's `_PyArg_UnpackKeywords` does: too many arguments in
/// all and missing required ones are reported before unknown keywords.
fn bind_clinic<'a, const N: usize>(params: &Params, args: Args<'a>) -> PyResult<[Option<&'a Value>; N]> {
    let total = args.values.len();
    let max = params.names.len();
    let name = params.name;
    if total > max {
        let keyword = if args.pos().is_empty() { "keyword " } else { "" };
        let plural = if max == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} {keyword}argument{plural} ({total} given)"
        )));
    }
    let given = args.pos().len();
    if given <= params.keyword_only_from {
        let by_keyword = |p: &str| args.kwnames.iter().any(|k| keyword_name(k) == p);
        if let Some(i) = (given..params.required).find(|&i| !by_keyword(params.names[i])) {
            let missing = params.names[i];
            return Err(PyErr::type_error(format!("{name}() missing required argument '{missing}' (pos {})", i + 1)));
        }
    }
    params.bind(args)
}

/// The positional arguments, counted as CPython's `_PyArg_CheckPositional`.
fn positional<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let pos = args.pos();
    let n = pos.len();
    if n >= min && n <= max {
        return Ok(pos);
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(PyErr::type_error(if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", plural(min))
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", plural(max))
    }))
}

/// An argument converted as Argument Clinic's `Py_ssize_t` (`__index__`, OverflowError
/// past the machine range).
fn ssize(ctx: &mut Ctx, value: &Value) -> PyResult<i64> {
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let index = protocol::index(ctx, value, what)?;
    pyrite_object::methods::int::to_i64(&index)
}

/// The value of an int (or bool, or int subclass instance) if it is exactly `n`.
fn int_equals(value: &Value, n: i64) -> bool {
    as_int(value).is_some_and(|i| num_traits::ToPrimitive::to_i64(i.as_ref()) == Some(n))
}

/// CPython's `_PyType_Name`: the type's name after the last dot (what reprs show).
fn short_type_name(value: &Value) -> String {
    let name = type_name(value.type_ref());
    match name.rsplit_once('.') {
        Some((_, short)) => short.to_owned(),
        None => name,
    }
}

/// The next item of an iterator (`None` when exhausted); deep chains of native iterators
/// raise RecursionError instead of overflowing the native stack.
fn next_item(ctx: &mut Ctx, iterator: &Value) -> PyResult<Option<Value>> {
    ctx.check_native_stack(" while getting the next item of an iterator")?;
    protocol::next(ctx, iterator)
}

/// A tuple of `items`.
fn tuple(items: Vec<Value>) -> Value {
    Value::Obj(PyTuple::new_obj(items))
}

/// The items of an iterable as CPython's `PySequence_Tuple` gets them.
fn sequence_items(ctx: &mut Ctx, iterable: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = iterable.downcast::<PyTuple>() {
        return Ok(t.items().to_vec());
    }
    protocol::collect(ctx, iterable)
}

/// The name of a keyword argument.
fn keyword_name(name: &Value) -> &str {
    name.as_str().map_or("?", PyStr::as_str)
}

/// Reports an optional value's reference.
fn visit_opt(value: Option<&Value>, visit: &mut dyn FnMut(&ObjRef)) {
    if let Some(Value::Obj(obj)) = value {
        visit(obj);
    }
}
