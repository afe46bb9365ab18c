//! Searching, splitting, stripping, replacing and joining for bytes and bytearray.

use super::{Kind, bytes_like, keyword_args, positional, receiver, wrap};
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::sequence::checked_total;
use crate::protocol;
use crate::types::list::{PyList, PyTuple};
use crate::value::Value;

/// ASCII whitespace as `bytes.split()` and `bytes.strip()` see it.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The first position of `needle` in `hay[start..end]`.
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() || end - start < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..end].windows(needle.len()).position(|w| w == needle).map(|i| i + start)
}

/// The last position of `needle` in `hay[start..end]`.
fn rfind_bytes(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() || end - start < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    hay[start..end].windows(needle.len()).rposition(|w| w == needle).map(|i| i + start)
}

/// Non-overlapping occurrences of `needle` in `hay[start..end]`.
fn count_bytes(hay: &[u8], needle: &[u8], start: usize, end: usize) -> usize {
    if start > end || end > hay.len() {
        return 0;
    }
    if needle.is_empty() {
        return end - start + 1;
    }
    let mut count = 0;
    let mut pos = start;
    while let Some(found) = find_bytes(hay, needle, pos, end) {
        count += 1;
        pos = found + needle.len();
    }
    count
}

/// A start/end argument: None, or an int clamped to `i64`.
fn slice_index(ctx: &mut Ctx, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) => crate::methods::slice::slice_index(ctx, v),
    }
}

/// CPython's `ADJUST_INDICES`.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(0))
}

/// The `(sub[, start[, end]])` arguments: the needle (bytes-like or one byte) and range.
fn find_args(ctx: &mut Ctx, name: &str, args: Args<'_>) -> PyResult<(Vec<u8>, Vec<u8>, usize, usize)> {
    let (_, data, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if rest.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if rest.len() > 3 {
        return Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({} given)", rest.len())));
    }
    // The bounds are parsed before the needle is looked at, as CPython does.
    let start = slice_index(ctx, rest.get(1))?;
    let end = slice_index(ctx, rest.get(2))?;
    let needle = if let Some(bytes) = super::buffer_bytes(&rest[0]) {
        bytes
    } else if protocol::has_index(&rest[0]) {
        vec![super::byte_value(ctx, &rest[0], "byte must be in range(0, 256)")?]
    } else {
        return Err(PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            rest[0].type_name()
        )));
    };
    let (start, end) = adjust_indices(start, end, data.len());
    Ok((data.into_owned(), needle, start, end))
}

fn position(found: Option<usize>) -> Value {
    found.map_or(Value::Int(-1), Value::from)
}

pub(super) fn find(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (data, needle, start, end) = find_args(ctx, "find", args)?;
    Ok(position(find_bytes(&data, &needle, start, end)))
}

pub(super) fn rfind(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (data, needle, start, end) = find_args(ctx, "rfind", args)?;
    Ok(position(rfind_bytes(&data, &needle, start, end)))
}

pub(super) fn index(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (data, needle, start, end) = find_args(ctx, "index", args)?;
    find_bytes(&data, &needle, start, end).map(Value::from).ok_or_else(|| PyErr::value_error("subsection not found"))
}

pub(super) fn rindex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (data, needle, start, end) = find_args(ctx, "rindex", args)?;
    rfind_bytes(&data, &needle, start, end).map(Value::from).ok_or_else(|| PyErr::value_error("subsection not found"))
}

pub(super) fn count(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (data, needle, start, end) = find_args(ctx, "count", args)?;
    Ok(Value::from(count_bytes(&data, &needle, start, end)))
}

/// `startswith`/`endswith`.
fn affix(ctx: &mut Ctx, name: &str, args: Args<'_>, suffix: bool) -> PyResult {
    let (_, data, rest) = receiver(name, &args)?;
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    // CPython parses these with `PyArg_ParseTuple("O|OO")`, hence its wording.
    if rest.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if rest.len() > 3 {
        return Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({} given)", rest.len())));
    }
    let start = slice_index(ctx, rest.get(1))?;
    let end = slice_index(ctx, rest.get(2))?;
    let (start, end) = adjust_indices(start, end, data.len());
    let (candidates, in_tuple): (Vec<Value>, bool) = match rest[0].downcast::<PyTuple>() {
        Some(t) => (t.items().to_vec(), true),
        None => (vec![rest[0].clone()], false),
    };
    for candidate in &candidates {
        let Some(affix) = super::buffer_bytes(candidate) else {
            // An item of a tuple is refused as any non-buffer (`_Py_bytes_tailmatch`).
            if in_tuple {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    candidate.type_name()
                )));
            }
            return Err(PyErr::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                candidate.type_name()
            )));
        };
        if start > data.len() || end < start || end - start < affix.len() {
            continue;
        }
        let window = &data[start..end];
        if (suffix && window.ends_with(&affix)) || (!suffix && window.starts_with(&affix)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn startswith(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    affix(ctx, "startswith", args, false)
}

pub(super) fn endswith(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    affix(ctx, "endswith", args, true)
}

/// `strip`/`lstrip`/`rstrip`.
fn strip_impl(name: &str, args: Args<'_>, left: bool, right: bool) -> PyResult {
    let (kind, data, rest) = positional(name, args, 0, 1)?;
    let chars = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_like(v)?),
    };
    let strip = |b: &u8| match &chars {
        None => is_space(*b),
        Some(set) => set.contains(b),
    };
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strip(&data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(&data[end - 1]) {
            end -= 1;
        }
    }
    Ok(wrap(kind, data[start..end].to_vec()))
}

pub(super) fn strip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    strip_impl("strip", args, true, true)
}

pub(super) fn lstrip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    strip_impl("lstrip", args, true, false)
}

pub(super) fn rstrip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    strip_impl("rstrip", args, false, true)
}

/// The receiver's kind and bytes, the separator (`None`: whitespace) and the split limit.
type SplitArgs = (Kind, Vec<u8>, Option<Vec<u8>>, usize);

/// The `(sep=None, maxsplit=-1)` arguments of split and rsplit.
fn split_args(ctx: &mut Ctx, name: &str, args: Args<'_>) -> PyResult<SplitArgs> {
    let (kind, data, [sep, maxsplit]) = keyword_args(name, args, ["sep", "maxsplit"])?;
    // `maxsplit` is converted while parsing, before the separator is looked at.
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => {
            let i =
                protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
            crate::methods::int::to_i64(&i)?
        }
    };
    let maxsplit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = bytes_like(v)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(sep)
        }
    };
    Ok((kind, data.into_owned(), sep, maxsplit))
}

fn list_of(kind: Kind, parts: Vec<Vec<u8>>) -> Value {
    Value::Obj(PyList::new_obj(parts.into_iter().map(|p| wrap(kind, p)).collect()))
}

pub(super) fn split(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, sep, maxsplit) = split_args(ctx, "split", args)?;
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut pos = 0;
            while parts.len() < maxsplit {
                let Some(found) = find_bytes(&data, &sep, pos, data.len()) else { break };
                parts.push(data[pos..found].to_vec());
                pos = found + sep.len();
            }
            parts.push(data[pos..].to_vec());
        }
        None => {
            let mut pos = 0;
            loop {
                while pos < data.len() && is_space(data[pos]) {
                    pos += 1;
                }
                if pos == data.len() {
                    break;
                }
                if parts.len() == maxsplit {
                    parts.push(data[pos..].to_vec());
                    break;
                }
                let start = pos;
                while pos < data.len() && !is_space(data[pos]) {
                    pos += 1;
                }
                parts.push(data[start..pos].to_vec());
            }
        }
    }
    Ok(list_of(kind, parts))
}

pub(super) fn rsplit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, sep, maxsplit) = split_args(ctx, "rsplit", args)?;
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = data.len();
            while parts.len() < maxsplit {
                let Some(found) = rfind_bytes(&data, &sep, 0, end) else { break };
                parts.push(data[found + sep.len()..end].to_vec());
                end = found;
            }
            parts.push(data[..end].to_vec());
        }
        None => {
            let mut end = data.len();
            loop {
                while end > 0 && is_space(data[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if parts.len() == maxsplit {
                    parts.push(data[..end].to_vec());
                    break;
                }
                let stop = end;
                while end > 0 && !is_space(data[end - 1]) {
                    end -= 1;
                }
                parts.push(data[end..stop].to_vec());
            }
        }
    }
    parts.reverse();
    Ok(list_of(kind, parts))
}

pub(super) fn splitlines(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, [keepends]) = keyword_args("splitlines", args, ["keepends"])?;
    // `keepends` is read as an int (`_PyLong_AsInt`), so `None` or a str is refused.
    let keepends = match keepends {
        None => false,
        Some(v) => crate::methods::c_int_arg(ctx, v)? != 0,
    };
    let mut parts = Vec::new();
    let mut pos = 0;
    while pos < data.len() {
        let start = pos;
        while pos < data.len() && data[pos] != b'\n' && data[pos] != b'\r' {
            pos += 1;
        }
        let line_end = pos;
        if pos < data.len() {
            pos += if data[pos] == b'\r' && data.get(pos + 1) == Some(&b'\n') { 2 } else { 1 };
        }
        parts.push(data[start..if keepends { pos } else { line_end }].to_vec());
    }
    Ok(list_of(kind, parts))
}

/// `partition`/`rpartition`.
fn partition_impl(name: &str, args: Args<'_>, from_right: bool) -> PyResult {
    let (kind, data, rest) = positional(name, args, 1, 1)?;
    let sep = bytes_like(&rest[0])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found =
        if from_right { rfind_bytes(&data, &sep, 0, data.len()) } else { find_bytes(&data, &sep, 0, data.len()) };
    let parts = match found {
        Some(i) => [data[..i].to_vec(), sep.clone(), data[i + sep.len()..].to_vec()],
        None if from_right => [Vec::new(), Vec::new(), data.to_vec()],
        None => [data.to_vec(), Vec::new(), Vec::new()],
    };
    Ok(Value::Obj(PyTuple::new_obj(parts.into_iter().map(|p| wrap(kind, p)).collect())))
}

pub(super) fn partition(_: &mut Ctx, args: Args<'_>) -> PyResult {
    partition_impl("partition", args, false)
}

pub(super) fn rpartition(_: &mut Ctx, args: Args<'_>) -> PyResult {
    partition_impl("rpartition", args, true)
}

pub(super) fn removeprefix(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("removeprefix", args, 1, 1)?;
    let prefix = bytes_like(&rest[0])?;
    let out = data.strip_prefix(prefix.as_slice()).unwrap_or(&data);
    Ok(wrap(kind, out.to_vec()))
}

pub(super) fn removesuffix(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("removesuffix", args, 1, 1)?;
    let suffix = bytes_like(&rest[0])?;
    let out = data.strip_suffix(suffix.as_slice()).unwrap_or(&data);
    Ok(wrap(kind, out.to_vec()))
}

pub(super) fn replace(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, data, rest) = positional("replace", args, 2, 3)?;
    let old = bytes_like(&rest[0])?;
    let new = bytes_like(&rest[1])?;
    let limit = match rest.get(2) {
        None => -1,
        Some(v) => {
            let i =
                protocol::index(ctx, v, |v| format!("'{}' object cannot be interpreted as an integer", v.type_name()))?;
            crate::methods::int::to_i64(&i)?
        }
    };
    let mut remaining = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        checked_total(data.len().saturating_add(1), new.len().saturating_add(1))?;
        for &b in data.iter() {
            if remaining > 0 {
                out.extend_from_slice(&new);
                remaining -= 1;
            }
            out.push(b);
        }
        if remaining > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(wrap(kind, out));
    }
    let mut pos = 0;
    while remaining > 0 {
        let Some(found) = find_bytes(&data, &old, pos, data.len()) else { break };
        out.extend_from_slice(&data[pos..found]);
        out.extend_from_slice(&new);
        pos = found + old.len();
        remaining -= 1;
    }
    out.extend_from_slice(&data[pos..]);
    Ok(wrap(kind, out))
}

pub(super) fn join(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (kind, sep, rest) = positional("join", args, 1, 1)?;
    let sep = sep.into_owned();
    let iterator = protocol::get_iter(ctx, &rest[0]).map_err(|e| {
        if e.matches(&crate::types().type_error) { PyErr::type_error("can only join an iterable") } else { e }
    })?;
    let items = protocol::collect(ctx, &iterator)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(part) = super::buffer_bytes(item) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&part);
        checked_total(out.len(), 1)?;
    }
    Ok(wrap(kind, out))
}
