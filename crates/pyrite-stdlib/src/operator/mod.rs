//! The `_operator` module: the functions of `operator.py` (which imports them all over
//! its Python versions) as CPython's `_operator.c` has them: the operators of the
//! language as functions, `_compare_digest` for `hmac`, and `itemgetter`, `attrgetter`
//! and `methodcaller` (in `getters`), with CPython's argument errors.

mod getters;

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::ObjRef;
use pyrite_object::methods::bytes::{buffer_bytes, is_buffer};
use pyrite_object::methods::check_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{Module, NativeFn};
use pyrite_object::types::typeobj::{UnaryOp, is_subtype, lookup_str, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_operator", FUNCTIONS);
    Module::set(&module, "itemgetter", Value::Obj(getters::itemgetter_type().clone()));
    Module::set(&module, "attrgetter", Value::Obj(getters::attrgetter_type().clone()));
    Module::set(&module, "methodcaller", Value::Obj(getters::methodcaller_type().clone()));
    Module::set(&module, "__doc__", Value::str(DOC));
    Ok(module)
}

const DOC: &str = "Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.";

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("truth", truth),
    ("contains", contains),
    ("indexOf", index_of),
    ("countOf", count_of),
    ("is_", is_),
    ("is_not", is_not),
    ("index", index),
    ("add", add),
    ("sub", sub),
    ("mul", mul),
    ("matmul", matmul),
    ("floordiv", floordiv),
    ("truediv", truediv),
    ("mod", mod_),
    ("neg", neg),
    ("pos", pos),
    ("abs", abs),
    ("inv", inv),
    ("invert", invert),
    ("lshift", lshift),
    ("rshift", rshift),
    ("not_", not_),
    ("and_", and_),
    ("xor", xor),
    ("or_", or_),
    ("iadd", iadd),
    ("isub", isub),
    ("imul", imul),
    ("imatmul", imatmul),
    ("ifloordiv", ifloordiv),
    ("itruediv", itruediv),
    ("imod", imod),
    ("ilshift", ilshift),
    ("irshift", irshift),
    ("iand", iand),
    ("ixor", ixor),
    ("ior", ior),
    ("concat", concat),
    ("iconcat", iconcat),
    ("getitem", getitem),
    ("setitem", setitem),
    ("delitem", delitem),
    ("pow", pow),
    ("ipow", ipow),
    ("eq", eq),
    ("ne", ne),
    ("lt", lt),
    ("le", le),
    ("gt", gt),
    ("ge", ge),
    ("_compare_digest", compare_digest),
    ("length_hint", length_hint),
    ("call", call),
];

fn no_keywords(name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("_operator.{name}() takes no keyword arguments")))
    }
}

/// The argument of a one-argument (`METH_O`) function.
fn one<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    no_keywords(name, args)?;
    match args.values {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.values.len()
        ))),
    }
}

/// The two arguments of a two-argument function.
fn two<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    no_keywords(name, &args)?;
    let values = check_args(name, args, 2, 2)?;
    Ok((&values[0], &values[1]))
}

macro_rules! binary_functions {
    ($($name:ident, $inplace:ident, $op:ident;)*) => {$(
        fn $name(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
            let (a, b) = two(stringify!($name).trim_end_matches('_'), args)?;
            protocol::binary_op(ctx, a, b, BinaryOp::$op)
        }

        fn $inplace(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
            let (a, b) = two(stringify!($inplace), args)?;
            protocol::inplace_op(ctx, a, b, BinaryOp::$op)
        }
    )*};
}

binary_functions! {
    add, iadd, Add;
    sub, isub, Subtract;
    mul, imul, Multiply;
    matmul, imatmul, MatrixMultiply;
    floordiv, ifloordiv, FloorDivide;
    truediv, itruediv, TrueDivide;
    mod_, imod, Remainder;
    lshift, ilshift, Lshift;
    rshift, irshift, Rshift;
    and_, iand, And;
    xor, ixor, Xor;
    or_, ior, Or;
    pow, ipow, Power;
}

macro_rules! comparisons {
    ($($name:ident, $op:ident;)*) => {$(
        fn $name(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
            let (a, b) = two(stringify!($name), args)?;
            protocol::rich_compare(ctx, a, b, CompareOp::$op)
        }
    )*};
}

comparisons! {
    lt, Lt;
    le, Le;
    eq, Eq;
    ne, Ne;
    gt, Gt;
    ge, Ge;
}

fn truth(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let v = one("truth", &args)?;
    protocol::truthy(ctx, v).map(Value::Bool)
}

fn not_(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let v = one("not_", &args)?;
    protocol::truthy(ctx, v).map(|t| Value::Bool(!t))
}

fn is_(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("is_", args)?;
    Ok(Value::Bool(a.is(b)))
}

fn is_not(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("is_not", args)?;
    Ok(Value::Bool(!a.is(b)))
}

fn index(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let v = one("index", &args)?;
    protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))
}

fn unary(ctx: &mut Ctx, name: &str, args: &Args<'_>, op: UnaryOp) -> PyResult {
    let v = one(name, args)?;
    protocol::unary_op(ctx, v, op)
}

fn neg(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    unary(ctx, "neg", &args, UnaryOp::Negative)
}

fn pos(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    unary(ctx, "pos", &args, UnaryOp::Positive)
}

fn inv(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    unary(ctx, "inv", &args, UnaryOp::Invert)
}

fn invert(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    unary(ctx, "invert", &args, UnaryOp::Invert)
}

/// `abs(v)`, as the builtin computes it.
fn abs(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let v = one("abs", &args)?;
    if let Some(f) = v.as_f64() {
        return Ok(Value::float(f.abs()));
    }
    if let Some(i) = pyrite_object::methods::int::as_int(v) {
        return Ok(Value::from_bigint(num_traits::Signed::abs(i.as_ref())));
    }
    match pyrite_object::methods::slots::call_dunder(ctx, v, "__abs__", &[])? {
        Some(result) => Ok(result),
        None => Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", v.type_name()))),
    }
}

/// CPython's `PySequence_Check`: a type with item access that is not a dict.
fn is_sequence(v: &Value) -> bool {
    type_payload(v.type_ref()).slots().getitem.is_some() && !is_subtype(v.type_ref(), &types().dict)
}

/// Whether the type concatenates itself (CPython's `sq_concat`): the builtin sequences.
fn has_concat(v: &Value) -> bool {
    let t = types();
    [&t.str, &t.list, &t.tuple, &t.bytes, &t.bytearray, crate::collections::deque::deque_type()]
        .iter()
        .any(|ty| is_subtype(v.type_ref(), ty))
}

fn concat_with(ctx: &mut Ctx, name: &str, args: Args<'_>, inplace: bool) -> PyResult {
    let (a, b) = two(name, args)?;
    if has_concat(a) || (is_sequence(a) && is_sequence(b)) {
        return if inplace {
            protocol::inplace_op(ctx, a, b, BinaryOp::Add)
        } else {
            protocol::binary_op(ctx, a, b, BinaryOp::Add)
        };
    }
    Err(PyErr::type_error(format!("'{}' object can't be concatenated", a.type_name())))
}

fn concat(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    concat_with(ctx, "concat", args, false)
}

fn iconcat(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    concat_with(ctx, "iconcat", args, true)
}

fn contains(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("contains", args)?;
    protocol::contains(ctx, a, b).map(Value::Bool)
}

/// An iterator over a sequence for `countOf`/`indexOf`, with CPython's message.
fn search_iter(ctx: &mut Ctx, seq: &Value) -> PyResult {
    protocol::get_iter(ctx, seq).map_err(|e| {
        if e.matches(&types().type_error) {
            PyErr::type_error(format!("argument of type '{}' is not iterable", seq.type_name()))
        } else {
            e
        }
    })
}

fn count_of(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("countOf", args)?;
    let it = search_iter(ctx, a)?;
    let mut count = 0i64;
    while let Some(item) = protocol::next(ctx, &it)? {
        if protocol::eq(ctx, &item, b)? {
            count += 1;
        }
    }
    Ok(Value::Int(count))
}

fn index_of(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("indexOf", args)?;
    let it = search_iter(ctx, a)?;
    let mut i = 0i64;
    while let Some(item) = protocol::next(ctx, &it)? {
        if protocol::eq(ctx, &item, b)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn getitem(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("getitem", args)?;
    protocol::getitem(ctx, a, b)
}

fn setitem(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("setitem", &args)?;
    let values = check_args("setitem", args, 3, 3)?;
    protocol::setitem(ctx, &values[0], &values[1], Some(values[2].clone()))?;
    Ok(Value::None)
}

fn delitem(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("delitem", args)?;
    protocol::setitem(ctx, a, b, None)?;
    Ok(Value::None)
}

/// `_compare_digest(a, b)`: equality of two ASCII strings or two bytes-like objects,
/// taking time independent of where they differ.
fn compare_digest(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (a, b) = two("_compare_digest", args)?;
    let (x, y) = match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(PyErr::type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (x.as_str().as_bytes().to_vec(), y.as_str().as_bytes().to_vec())
        }
        _ => {
            if !is_buffer(a) && !is_buffer(b) {
                return Err(PyErr::type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    a.type_name(),
                    b.type_name()
                )));
            }
            let bytes = |v: &Value| {
                buffer_bytes(v).ok_or_else(|| {
                    PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name()))
                })
            };
            (bytes(a)?, bytes(b)?)
        }
    };
    // Compare every byte of `y` whatever the lengths, as CPython's `tscmp`.
    let mut result = u8::from(x.len() != y.len());
    for (i, &c) in y.iter().enumerate() {
        result |= x.get(i).copied().unwrap_or(c) ^ c;
    }
    Ok(Value::Bool(result == 0))
}

/// `length_hint(obj, default=0)`: CPython's `PyObject_LengthHint`.
fn length_hint(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("length_hint", &args)?;
    let values = check_args("length_hint", args, 1, 2)?;
    let obj = &values[0];
    let default = match values.get(1) {
        None => 0,
        Some(d) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            pyrite_object::methods::int::to_i64(&protocol::index(ctx, d, what)?)?
        }
    };
    if type_payload(obj.type_ref()).slots().len.is_some() {
        match protocol::len(ctx, obj) {
            Ok(n) => return Ok(Value::from(n)),
            Err(e) if e.matches(&types().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = lookup_str(obj.type_ref(), "__length_hint__") else { return Ok(Value::Int(default)) };
    let owner = obj.type_ref().clone();
    let bound = protocol::descriptor_get(ctx, &hint, Some(obj), &owner)?.unwrap_or(hint);
    let result = match protocol::call_positional(ctx, &bound, &[]) {
        Ok(r) => r,
        Err(e) if e.matches(&types().type_error) => return Ok(Value::Int(default)),
        Err(e) => return Err(e),
    };
    if protocol::is_not_implemented(&result) {
        return Ok(Value::Int(default));
    }
    if pyrite_object::methods::int::as_int(&result).is_none() {
        return Err(PyErr::type_error(format!("__length_hint__ must be an integer, not {}", result.type_name())));
    }
    let n = pyrite_object::methods::int::to_i64(&result)?;
    if n < 0 {
        return Err(PyErr::value_error("__length_hint__() should return >= 0"));
    }
    Ok(Value::Int(n))
}

/// `call(obj, /, *args, **kwargs)`.
fn call(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if args.pos().is_empty() {
        return Err(PyErr::type_error("call expected at least 1 argument, got 0"));
    }
    let rest = Args { values: &args.values[1..], kwnames: args.kwnames };
    protocol::call(ctx, &args.values[0], rest)
}

/// The keyword arguments of a call as a new dict (for `methodcaller`).
fn keywords_dict(ctx: &mut Ctx, args: &Args<'_>) -> PyResult<ObjRef> {
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        for (k, v) in args.keywords() {
            d.set_item(ctx, k.clone(), v.clone())?;
        }
    }
    Ok(dict)
}
