//! Helpers shared by the sequence types: index normalization, slices, comparison, repr.

use pyrite_bytecode::CompareOp;

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::types::int::PyInt;
use crate::value::Value;

/// Turns a possibly negative index into a position, or `None` when out of range.
#[must_use]
pub fn normalize_index(index: i64, len: usize) -> Option<usize> {
    let len_i = i64::try_from(len).ok()?;
    let position = if index < 0 { index + len_i } else { index };
    if (0..len_i).contains(&position) { usize::try_from(position).ok() } else { None }
}

/// The index value of a subscript: an int (or bool), or a TypeError naming the type.
/// Objects with `__index__` are resolved first; `None` for an int too large for an index.
pub fn index_of(ctx: &mut Ctx, key: &Value, what: &str) -> PyResult<Option<i64>> {
    match key {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(i64::from(*b))),
        Value::Obj(o) if o.is::<PyInt>() => Ok(None),
        _ if protocol::has_index(key) => match protocol::index(ctx, key, |_| String::new())? {
            Value::Int(i) => Ok(Some(i)),
            Value::Bool(b) => Ok(Some(i64::from(b))),
            _ => Ok(None),
        },
        _ => Err(PyErr::type_error(format!("{what} indices must be integers or slices, not {}", key.type_name()))),
    }
}

/// The `start`/`stop` arguments of `list.index` and `tuple.index` as positions in a
/// sequence of `len` items (`stop` may exceed `len`: the search re-reads the length).
/// Negative values count from the end; huge ones are clamped, as CPython's
/// `_PyEval_SliceIndexNotNone`.
pub fn search_bounds(
    ctx: &mut Ctx,
    start: Option<&Value>,
    stop: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        let Some(v) = v else { return Ok(default) };
        let message = "slice indices must be integers or have an __index__ method";
        if !protocol::has_index(v) {
            return Err(PyErr::type_error(message));
        }
        let i = protocol::index(ctx, v, |_| message.to_owned())?;
        Ok(match crate::methods::int::as_int(&i) {
            Some(big) => num_traits::ToPrimitive::to_i64(big.as_ref())
                .unwrap_or(if big.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }),
            None => default,
        })
    };
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let from_end = |i: i64| if i < 0 { (i.saturating_add(len_i)).max(0) } else { i };
    let start = from_end(bound(start, 0)?);
    let stop = from_end(bound(stop, i64::MAX)?);
    Ok((usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(stop).unwrap_or(usize::MAX)))
}

/// Lexicographic comparison of two sequences (lists or tuples) as CPython does: find the
/// first unequal pair, then compare it; otherwise compare lengths.
pub fn compare_sequences(ctx: &mut Ctx, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<bool> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(op == CompareOp::Ne);
    }
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if !protocol::eq(ctx, &a[i], &b[i])? {
            break;
        }
        i += 1;
    }
    if i >= a.len() || i >= b.len() {
        let (x, y) = (a.len(), b.len());
        return Ok(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        });
    }
    match op {
        CompareOp::Eq => Ok(false),
        CompareOp::Ne => Ok(true),
        _ => protocol::compare_bool(ctx, &a[i], &b[i], op),
    }
}

/// `repr` of items joined with `", "` between `open` and `close`, guarding recursion.
pub fn repr_items(ctx: &mut Ctx, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&protocol::repr_string(ctx, item)?);
    }
    out.push_str(close);
    Ok(out)
}

/// The repetition count of `seq * n`.
/// `None` when `n` is not an int and has no `__index__`.
pub fn repeat_count(ctx: &mut Ctx, n: &Value) -> Option<PyResult<usize>> {
    if !matches!(n, Value::Int(_) | Value::Bool(_)) && !n.as_obj().is_some_and(|o| o.is::<PyInt>()) {
        if !protocol::has_index(n) {
            return None;
        }
        return match protocol::index(ctx, n, |_| String::new()) {
            Ok(i) => repeat_count(ctx, &i),
            Err(e) => Some(Err(e)),
        };
    }
    match n {
        Value::Int(i) => Some(Ok(usize::try_from(*i).unwrap_or(0))),
        Value::Bool(b) => Some(Ok(usize::from(*b))),
        Value::Obj(o) if o.is::<PyInt>() => {
            let big = &o.downcast::<PyInt>()?.0;
            if big.sign() == num_bigint::Sign::Minus {
                Some(Ok(0))
            } else {
                Some(Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")))
            }
        }
        _ => None,
    }
}

/// Checks that a repeated sequence stays within memory limits.
pub fn checked_total(len: usize, count: usize) -> PyResult<usize> {
    len.checked_mul(count).filter(|&n| n < (1usize << 40)).ok_or_else(PyErr::memory)
}

/// [`checked_total`] for `str` and `bytes`, which raise `OverflowError` with `message`
/// when the length would not fit an index (CPython checks that before allocating).
pub fn checked_repeat(len: usize, count: usize, message: &str) -> PyResult<usize> {
    let fits = len.checked_mul(count).is_some_and(|n| isize::try_from(n).is_ok());
    if !fits {
        return Err(PyErr::overflow(message));
    }
    checked_total(len, count)
}

/// `items * count` for values (which are not `Copy`).
#[must_use]
pub fn repeat_values(items: &[Value], count: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        out.extend_from_slice(items);
    }
    out
}
