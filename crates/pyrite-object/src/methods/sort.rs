//! The stable sort behind `list.sort` and `sorted`: CPython's timsort run detection and
//! binary insertion (so that the first comparisons, and thus the first error raised, are
//! CPython's), with plain stable merges of the runs. Comparisons use `<` and may raise.

use pyrite_bytecode::CompareOp;

use crate::ctx::Ctx;
use crate::error::PyResult;
use crate::protocol;
use crate::value::Value;

fn less(ctx: &mut Ctx, keys: &[Value], a: usize, b: usize) -> PyResult<bool> {
    let (x, y) = (&keys[a], &keys[b]);
    if let (Value::Int(p), Value::Int(q)) = (x, y) {
        return Ok(p < q);
    }
    protocol::compare_bool(ctx, x, y, CompareOp::Lt)
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
    if n < 2 {
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
