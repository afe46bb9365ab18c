//! The stable sort behind `list.sort` and `sorted`: CPython's timsort run detection and
//! binary insertion (so that the first comparisons, and thus the first error raised, are
//! CPython's), with plain stable merges of the runs. Comparisons use `<` and may raise;
//! keys that all compare by one total order without Python code (ints, floats, strs, and
//! tuples of them) are sorted by Rust's stable sort instead, which no program can tell apart.

use std::cmp::Ordering;

use pyrite_bytecode::CompareOp;

use crate::ctx::Ctx;
use crate::error::PyResult;
use crate::protocol;
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::value::Value;

fn less(ctx: &mut Ctx, keys: &[Value], a: usize, b: usize) -> PyResult<bool> {
    let (x, y) = (&keys[a], &keys[b]);
    if let Some(result) = less_fast(x, y, 0) {
        return Ok(result);
    }
    protocol::compare_bool(ctx, x, y, CompareOp::Lt)
}

/// `x < y` for the keys sorts mostly see, decided without Python code (as CPython's
/// `unsafe_long_compare`, `unsafe_latin_compare`, `unsafe_tuple_compare`): two ints, two
/// floats, two exact strs, or two exact tuples whose first differing items are such keys
/// (tuples nest at most a few levels). `None` sends the comparison the general way.
#[must_use]
pub fn lt_fast(x: &Value, y: &Value) -> Option<bool> {
    less_fast(x, y, 0)
}

fn less_fast(x: &Value, y: &Value, depth: u32) -> Option<bool> {
    match (x, y) {
        (Value::Int(p), Value::Int(q)) => Some(p < q),
        (Value::Float(p), Value::Float(q)) => Some(p < q),
        (Value::Obj(p), Value::Obj(q)) => {
            let t = crate::registry::types();
            let (tp, tq) = (p.type_ref(), q.type_ref());
            if !tp.is_same(tq) {
                return None;
            }
            if tp.is_same(&t.str) {
                let (a, b) = (p.downcast::<PyStr>()?, q.downcast::<PyStr>()?);
                return Some(a.cmp_str(b).is_lt());
            }
            if tp.is_same(&t.tuple) && depth < 4 {
                let (a, b) = (p.downcast::<PyTuple>()?.items(), q.downcast::<PyTuple>()?.items());
                for (u, v) in a.iter().zip(b) {
                    if u.is(v) || protocol::eq_fast(u, v)? {
                        continue;
                    }
                    return less_fast(u, v, depth + 1);
                }
                return Some(a.len() < b.len());
            }
            None
        }
        _ => None,
    }
}

/// The kind of the keys (or of one position of tuple keys) when one total order, decided
/// without Python code, compares them all.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
    Str,
}

fn kind_of(value: &Value) -> Option<Kind> {
    match value {
        Value::Int(_) => Some(Kind::Int),
        Value::Float(f) if !f.is_nan() => Some(Kind::Float),
        Value::Obj(o) if o.type_ref().is_same(&crate::registry::types().str) => Some(Kind::Str),
        _ => None,
    }
}

/// Compares two keys of one [`Kind`] (checked by [`uniform`]).
#[inline]
fn cmp_kind(x: &Value, y: &Value) -> Ordering {
    match (x, y) {
        (Value::Int(p), Value::Int(q)) => p.cmp(q),
        (Value::Float(p), Value::Float(q)) => p.partial_cmp(q).unwrap_or(Ordering::Equal),
        (Value::Obj(p), Value::Obj(q)) => match (p.downcast::<PyStr>(), q.downcast::<PyStr>()) {
            (Some(a), Some(b)) => a.cmp_str(b),
            _ => Ordering::Equal,
        },
        _ => Ordering::Equal,
    }
}

/// How the keys at `order` compare when they are all of one [`Kind`], or all exact tuples
/// whose items at each position are of one kind: then `<` is a total order that runs no
/// Python code and cannot fail (as CPython's pre-checked `unsafe_*_compare`).
enum Uniform {
    Scalar(Kind),
    Tuples,
}

fn uniform(keys: &[Value], order: &[usize]) -> Option<Uniform> {
    let first = &keys[*order.first()?];
    if let Some(kind) = kind_of(first) {
        return order.iter().all(|&i| kind_of(&keys[i]) == Some(kind)).then_some(Uniform::Scalar(kind));
    }
    let tuple_type = &crate::registry::types().tuple;
    let mut columns: Vec<Kind> = Vec::new();
    for &i in order {
        let Value::Obj(o) = &keys[i] else { return None };
        if !o.type_ref().is_same(tuple_type) {
            return None;
        }
        let items = o.downcast::<PyTuple>()?.items();
        for (column, item) in items.iter().enumerate() {
            let kind = kind_of(item)?;
            match columns.get(column) {
                Some(&known) if known != kind => return None,
                Some(_) => {}
                None => columns.push(kind),
            }
        }
    }
    Some(Uniform::Tuples)
}

fn tuple_items(value: &Value) -> &[Value] {
    value.downcast::<PyTuple>().map_or(&[], PyTuple::items)
}

/// Sorts `order` stably by keys that [`uniform`] accepts; `false` (nothing done) for
/// other keys. No comparison is observable here, so any stable sort gives CPython's result.
fn sort_uniform(keys: &[Value], order: &mut [usize]) -> bool {
    match uniform(keys, order) {
        None => return false,
        Some(Uniform::Scalar(Kind::Int)) => {
            // (key, rank in `order`) pairs are distinct: sorting them unstably is stable.
            let mut pairs: Vec<(i64, usize)> = order
                .iter()
                .enumerate()
                .map(|(rank, &i)| (if let Value::Int(k) = keys[i] { k } else { 0 }, rank))
                .collect();
            pairs.sort_unstable();
            let before = order.to_vec();
            for (slot, (_, rank)) in order.iter_mut().zip(pairs) {
                *slot = before[rank];
            }
        }
        Some(Uniform::Scalar(_)) => order.sort_by(|&a, &b| cmp_kind(&keys[a], &keys[b])),
        Some(Uniform::Tuples) => order.sort_by(|&a, &b| {
            let (x, y) = (tuple_items(&keys[a]), tuple_items(&keys[b]));
            for (u, v) in x.iter().zip(y) {
                match cmp_kind(u, v) {
                    Ordering::Equal => {}
                    other => return other,
                }
            }
            x.len().cmp(&y.len())
        }),
    }
    true
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

fn count_run(ctx: &mut Ctx, keys: &[Value], v: &mut [usize]) -> PyResult<usize> {
    if v.len() == 1 {
        return Ok(1);
    }
    let mut n = 2;
    if less(ctx, keys, v[1], v[0])? {
        while n < v.len() && less(ctx, keys, v[n], v[n - 1])? {
            n += 1;
        }
        v[..n].reverse();
    } else {
        while n < v.len() && !less(ctx, keys, v[n], v[n - 1])? {
            n += 1;
        }
    }
    Ok(n)
}

fn binary_sort(ctx: &mut Ctx, keys: &[Value], v: &mut [usize], start: usize) -> PyResult<()> {
    for i in start.max(1)..v.len() {
        let pivot = v[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less(ctx, keys, pivot, v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..i, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

fn merge(ctx: &mut Ctx, keys: &[Value], v: &mut [usize], mid: usize) -> PyResult<()> {
    let left: Vec<usize> = v[..mid].to_vec();
    let right: Vec<usize> = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    let result = (|| {
        while i < left.len() && j < right.len() {
            if less(ctx, keys, right[j], left[i])? {
                v[k] = right[j];
                j += 1;
            } else {
                v[k] = left[i];
                i += 1;
            }
            k += 1;
        }
        Ok(())
    })();
    // On success or failure, every index stays in `v` exactly once.
    for &x in &left[i..] {
        v[k] = x;
        k += 1;
    }
    for &x in &right[j..] {
        v[k] = x;
        k += 1;
    }
    result
}

/// Sorts `order` (indexes into `keys`) by the keys, stably.
pub fn timsort(ctx: &mut Ctx, keys: &[Value], order: &mut [usize]) -> PyResult<()> {
    let n = order.len();
    if n < 2 || sort_uniform(keys, order) {
        return Ok(());
    }
    let minrun = compute_minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let remaining = n - lo;
        let mut len = count_run(ctx, keys, &mut order[lo..])?;
        if len < minrun {
            let force = remaining.min(minrun);
            binary_sort(ctx, keys, &mut order[lo..lo + force], len)?;
            len = force;
        }
        runs.push((lo, len));
        lo += len;
        while runs.len() > 1 {
            let (b_lo, b_len) = runs[runs.len() - 1];
            let (a_lo, a_len) = runs[runs.len() - 2];
            if a_len > b_len && runs.len() > 2 && runs[runs.len() - 3].1 > a_len + b_len {
                break;
            }
            if a_len > b_len && runs.len() == 2 && lo < n {
                break;
            }
            merge(ctx, keys, &mut order[a_lo..b_lo + b_len], a_len)?;
            runs.pop();
            let last = runs.len() - 1;
            runs[last] = (a_lo, a_len + b_len);
        }
    }
    while runs.len() > 1 {
        let (b_lo, b_len) = runs[runs.len() - 1];
        let (a_lo, a_len) = runs[runs.len() - 2];
        merge(ctx, keys, &mut order[a_lo..b_lo + b_len], a_len)?;
        runs.pop();
        let last = runs.len() - 1;
        runs[last] = (a_lo, a_len + b_len);
    }
    Ok(())
}
