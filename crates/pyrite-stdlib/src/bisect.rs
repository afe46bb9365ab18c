//! The `_bisect` module: `bisect_left`, `bisect_right`, `insort_left` and `insort_right`
//! with `lo`, `hi` and `key=`, as CPython's `_bisectmodule.c` (which `bisect.py` imports
//! over its Python versions): any sequence, `<` comparisons in the same order, and
//! `insert` called by name on anything but an exact list.

use pyrite_bytecode::CompareOp;
use pyrite_memory::ObjRef;
use pyrite_object::methods::int::to_i64;
use pyrite_object::methods::params::Params;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyList;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_bisect",
        &[
            ("bisect_right", bisect_right),
            ("bisect_left", bisect_left),
            ("insort_right", insort_right),
            ("insort_left", insort_left),
        ],
    );
    Module::set(
        &module,
        "__doc__",
        Value::str(
            "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n",
        ),
    );
    Ok(module)
}

const PARAMS: Params = Params::new("bisect_right", &["a", "x", "lo", "hi", "key"]).required(2).keyword_only(4);

/// The bound arguments: sequence, item, `lo`, `hi` (`None`: the length), key.
struct Call<'a> {
    a: &'a Value,
    x: &'a Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<&'a Value>,
}

fn bind<'a>(ctx: &mut Ctx, name: &'static str, args: Args<'a>) -> PyResult<Call<'a>> {
    let [Some(a), Some(x), lo, hi, key] = Params { name, ..PARAMS }.bind(args)? else {
        return Err(PyErr::new_system(name));
    };
    let lo = match lo {
        None => 0,
        Some(v) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            to_i64(&protocol::index(ctx, v, what)?)?
        }
    };
    let hi = match hi {
        None | Some(Value::None) => None,
        Some(v) if protocol::has_index(v) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            Some(to_i64(&protocol::index(ctx, v, what)?)?).filter(|&h| h != -1)
        }
        Some(v) => {
            return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", v.type_name())));
        }
    };
    Ok(Call { a, x, lo, hi, key: key.filter(|k| !k.is_none()) })
}

/// The insertion point of `x` (already passed through the key for `insort`): after equal
/// items when `right`, before them otherwise.
fn search(ctx: &mut Ctx, call: &Call<'_>, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = call.lo;
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let mut hi = match call.hi {
        Some(hi) => hi,
        None => i64::try_from(protocol::len(ctx, call.a)?).unwrap_or(i64::MAX),
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = protocol::getitem(ctx, call.a, &Value::Int(mid))?;
        if let Some(key) = call.key {
            item = protocol::call_positional(ctx, key, &[item])?;
        }
        let goes_left = if right {
            protocol::compare_bool(ctx, x, &item, CompareOp::Lt)?
        } else {
            !protocol::compare_bool(ctx, &item, x, CompareOp::Lt)?
        };
        if goes_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let call = bind(ctx, "bisect_right", args)?;
    search(ctx, &call, call.x, true).map(Value::Int)
}

fn bisect_left(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let call = bind(ctx, "bisect_left", args)?;
    search(ctx, &call, call.x, false).map(Value::Int)
}

fn insort(ctx: &mut Ctx, name: &'static str, args: Args<'_>, right: bool) -> PyResult {
    let call = bind(ctx, name, args)?;
    let index = match call.key {
        None => search(ctx, &call, call.x, right)?,
        Some(key) => {
            let keyed = protocol::call_positional(ctx, key, std::slice::from_ref(call.x))?;
            search(ctx, &call, &keyed, right)?
        }
    };
    if call.a.type_ref().is_same(&types().list)
        && let Some(list) = call.a.downcast::<PyList>()
    {
        let mut items = list.items.borrow_mut();
        let at = usize::try_from(index).unwrap_or(0).min(items.len());
        items.insert(at, call.x.clone());
        return Ok(Value::None);
    }
    let insert = protocol::getattr_str(ctx, call.a, "insert")?;
    protocol::call_positional(ctx, &insert, &[Value::Int(index), call.x.clone()])?;
    Ok(Value::None)
}

fn insort_right(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    insort(ctx, "insort_right", args, true)
}

fn insort_left(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    insort(ctx, "insort_left", args, false)
}
