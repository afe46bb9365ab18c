//! Searching, splitting and trimming: find/index/count, startswith/endswith, replace,
//! split/rsplit/splitlines, partition, strip and removeprefix/removesuffix.
//!
//! The algorithms are generic over the code unit: ASCII strings are searched as bytes,
//! anything else as `u32` code points, so results are always code-point indexes.

use super::unicode::{is_linebreak, is_space};
use super::{
    adjust_indices, clinic_str_arg, cps, find_args, int_arg, keyword_args, new_str, one_arg, positional, slice_index,
    str_arg,
};
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::types::list::{PyList, PyTuple};
use crate::types::str::{PyStr, StrData};
use crate::value::Value;

/// Two strings as comparable code-unit slices: bytes when both are ASCII.
enum Units<'a> {
    Ascii(&'a [u8], &'a [u8]),
    Wide(Vec<u32>, Vec<u32>),
}

fn units<'a>(h: &'a PyStr, n: &'a PyStr) -> Units<'a> {
    if h.is_ascii() && n.is_ascii() {
        Units::Ascii(h.as_str().as_bytes(), n.as_str().as_bytes())
    } else {
        Units::Wide(cps(h), cps(n))
    }
}

/// Runs a generic algorithm on the two strings' code units.
macro_rules! with_units {
    ($h:expr, $n:expr, |$a:ident, $b:ident| $body:expr) => {
        match units($h, $n) {
            Units::Ascii($a, $b) => $body,
            Units::Wide(x, y) => {
                let ($a, $b) = (&x[..], &y[..]);
                $body
            }
        }
    };
}

/// First index of `n` in `h[start..end]` (absolute).
fn find_slice<T: Copy + Eq>(h: &[T], n: &[T], start: usize, end: usize) -> Option<usize> {
    let Some((&first, rest)) = n.split_first() else {
        return (start <= end).then_some(start);
    };
    if end < start || end - start < n.len() {
        return None;
    }
    let window = &h[start..end];
    let last_start = window.len() - n.len();
    let mut i = 0;
    // Find the first unit by a tight scan, then compare the rest in place.
    while let Some(offset) = window[i..=last_start].iter().position(|&c| c == first) {
        let at = i + offset;
        if window[at + 1..at + n.len()].iter().zip(rest).all(|(a, b)| a == b) {
            return Some(start + at);
        }
        i = at + 1;
        if i > last_start {
            break;
        }
    }
    None
}

/// Last index of `n` in `h[start..end]` (absolute).
fn rfind_slice<T: Copy + Eq>(h: &[T], n: &[T], start: usize, end: usize) -> Option<usize> {
    if end < start || end - start < n.len() {
        return None;
    }
    let mut i = end - n.len();
    loop {
        if n.first().is_none_or(|first| h[i] == *first) && h[i..i + n.len()] == *n {
            return Some(i);
        }
        if i == start {
            return None;
        }
        i -= 1;
    }
}

fn count_slice<T: Copy + Eq>(h: &[T], n: &[T], start: usize, end: usize, max: usize) -> usize {
    if end < start || end - start < n.len() {
        return 0;
    }
    if n.is_empty() {
        return (end - start + 1).min(max);
    }
    let mut count = 0;
    let mut i = start;
    while count < max
        && let Some(found) = find_slice(h, n, i, end)
    {
        count += 1;
        i = found + n.len();
    }
    count
}

/// First index of `needle` in `hay[start..end]`, the indexes already adjusted.
/// Needles this short (in bytes) are found by a plain scan, as are needles in windows of at
/// most [`SHORT_WINDOW`] bytes.
const SHORT_NEEDLE: usize = 4;
const SHORT_WINDOW: usize = 64;

pub(super) fn find_in(hay: &PyStr, needle: &PyStr, start: usize, end: usize) -> Option<usize> {
    if end < start || end - start < needle.len() {
        return None;
    }
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_str().as_bytes(), needle.as_str().as_bytes());
        // A short needle or window: a plain scan beats the searcher's setup (a scan takes
        // at most `SHORT_NEEDLE` compares per position).
        if n.len() <= SHORT_NEEDLE || end - start <= SHORT_WINDOW {
            return find_slice(h, n, start, end);
        }
        return hay.as_str()[start..end].find(needle.as_str()).map(|i| i + start);
    }
    if hay.is_ascii() {
        return None;
    }
    with_units!(hay, needle, |h, n| find_slice(h, n, start, end))
}

fn rfind_in(hay: &PyStr, needle: &PyStr, start: usize, end: usize) -> Option<usize> {
    if end < start || end - start < needle.len() {
        return None;
    }
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_str().as_bytes(), needle.as_str().as_bytes());
        if n.len() <= SHORT_NEEDLE || end - start <= SHORT_WINDOW {
            return rfind_slice(h, n, start, end);
        }
        return hay.as_str()[start..end].rfind(needle.as_str()).map(|i| i + start);
    }
    with_units!(hay, needle, |h, n| rfind_slice(h, n, start, end))
}

/// Parses the `(sub, start, end)` arguments of the find family.
fn find_common<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a PyStr, &'a PyStr, usize, usize)> {
    let (s, sub, start, end) = find_args(name, args)?;
    // The bounds are parsed before the substring is looked at, as CPython does.
    let start = slice_index(start)?;
    let end = slice_index(end)?;
    let sub = str_arg(sub, "")?;
    let (start, end) = adjust_indices(start, end, s.len());
    Ok((s, sub, start, end))
}

fn position(found: Option<usize>) -> Value {
    found.map_or(Value::Int(-1), Value::from)
}

pub(super) fn str_find(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sub, start, end) = find_common("find", args)?;
    Ok(position(find_in(s, sub, start, end)))
}

pub(super) fn str_rfind(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sub, start, end) = find_common("rfind", args)?;
    Ok(position(rfind_in(s, sub, start, end)))
}

pub(super) fn str_index(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sub, start, end) = find_common("index", args)?;
    find_in(s, sub, start, end).map(Value::from).ok_or_else(|| PyErr::value_error("substring not found"))
}

pub(super) fn str_rindex(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sub, start, end) = find_common("rindex", args)?;
    rfind_in(s, sub, start, end).map(Value::from).ok_or_else(|| PyErr::value_error("substring not found"))
}

pub(super) fn str_count(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sub, start, end) = find_common("count", args)?;
    if s.is_ascii() && !sub.is_ascii() {
        return Ok(Value::Int(0));
    }
    Ok(Value::from(with_units!(s, sub, |h, n| count_slice(h, n, start, end, usize::MAX))))
}

/// Whether `s[start..end]` starts (or ends) with `affix`.
fn tail_match(s: &PyStr, affix: &PyStr, start: usize, end: usize, at_end: bool) -> bool {
    if end < start || end - start < affix.len() {
        return false;
    }
    let at = if at_end { end - affix.len() } else { start };
    if let (StrData::Ascii(text), StrData::Ascii(affix)) = (s.data(), affix.data()) {
        return text.as_bytes()[at..at + affix.len()] == *affix.as_bytes();
    }
    (0..affix.len()).all(|i| s.code_point(at + i) == affix.code_point(i))
}

fn affix_match(name: &str, args: Args<'_>, at_end: bool) -> PyResult {
    let (s, affix, start, end) = find_args(name, args)?;
    let start = slice_index(start)?;
    let end = slice_index(end)?;
    let (start, end) = adjust_indices(start, end, s.len());
    if let Some(a) = affix.as_str() {
        return Ok(Value::Bool(tail_match(s, a, start, end, at_end)));
    }
    let Some(options) = affix.downcast::<PyTuple>() else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            affix.type_name()
        )));
    };
    for option in options.items() {
        let Some(a) = option.as_str() else {
            return Err(PyErr::type_error(format!(
                "tuple for {name} must only contain str, not {}",
                option.type_name()
            )));
        };
        if tail_match(s, a, start, end, at_end) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn str_startswith(_: &mut Ctx, args: Args<'_>) -> PyResult {
    affix_match("startswith", args, false)
}

pub(super) fn str_endswith(_: &mut Ctx, args: Args<'_>) -> PyResult {
    affix_match("endswith", args, true)
}

fn substring(s: &PyStr, start: usize, end: usize) -> Value {
    Value::Obj(s.slice(start, end, 1))
}

/// The receiver itself when it is an exact str, else a copy of its text as a str: what
/// CPython's methods return when nothing changes (`unicode_result_unchanged`).
fn unchanged(args: &Args<'_>, s: &PyStr) -> Value {
    match args.values.first() {
        Some(v) if v.type_ref().is_same(&crate::registry::types().str) => v.clone(),
        _ => substring(s, 0, s.len()),
    }
}

pub(super) fn str_replace(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = positional("replace", args, 2, 3)?;
    let old = clinic_str_arg(&rest[0], "replace() argument 1 ")?;
    let new = clinic_str_arg(&rest[1], "replace() argument 2 ")?;
    let max = match rest.get(2) {
        Some(v) => usize::try_from(int_arg(v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    // As CPython, nothing to replace (or the same object for old and new) gives the str
    // itself.
    if max == 0 || rest[0].is(&rest[1]) || (s.is_ascii() && !old.is_ascii()) {
        return Ok(unchanged(&args, s));
    }
    if let (StrData::Ascii(h), StrData::Ascii(o), StrData::Ascii(n)) = (s.data(), old.data(), new.data())
        && !o.is_empty()
    {
        return Ok(match replace_ascii(h, o, n, max)? {
            Some(text) => Value::Obj(PyStr::from_ascii_string_obj(text)),
            None => unchanged(&args, s),
        });
    }
    let new_cps = cps(new);
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    if old.is_empty() {
        let mut inserted = 0;
        for c in s.code_points() {
            if inserted < max {
                out.extend_from_slice(&new_cps);
                inserted += 1;
            }
            out.push(c);
        }
        if inserted < max {
            out.extend_from_slice(&new_cps);
        }
        super::check_size(out.len())?;
        return Ok(new_str(&out));
    }
    let positions: Vec<usize> = with_units!(s, old, |h, n| {
        let mut found = Vec::new();
        let mut i = 0;
        while found.len() < max
            && let Some(p) = find_slice(h, n, i, h.len())
        {
            found.push(p);
            i = p + n.len();
        }
        found
    });
    if positions.is_empty() {
        return Ok(unchanged(&args, s));
    }
    let total = (s.len() - positions.len() * old.len()).saturating_add(positions.len().saturating_mul(new.len()));
    super::check_size(total)?;
    let mut last = 0;
    for p in positions {
        out.extend((last..p).map(|i| s.code_point(i)));
        out.extend_from_slice(&new_cps);
        last = p + old.len();
    }
    out.extend((last..s.len()).map(|i| s.code_point(i)));
    Ok(new_str(&out))
}

/// The `sep`/`maxsplit` arguments of split and rsplit.
fn split_args<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a PyStr, Option<&'a PyStr>, usize)> {
    let (s, [sep, maxsplit]) = keyword_args(name, args, ["sep", "maxsplit"])?;
    // `maxsplit` is converted while parsing, before the separator is looked at.
    let max = match maxsplit {
        Some(v) => usize::try_from(int_arg(v)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep =
                v.as_str().ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", v.type_name())))?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(sep)
        }
    };
    Ok((s, sep, max))
}

fn list_of(s: &PyStr, ranges: &[(usize, usize)]) -> Value {
    Value::Obj(PyList::new_obj(ranges.iter().map(|&(a, b)| substring(s, a, b)).collect()))
}

/// `text.split()` of ASCII text: the pieces go straight into the list (no list of ranges
/// first, which for a million words would take as much memory as the list itself).
fn split_ascii_whitespace(text: &str, mut max: usize) -> Value {
    let bytes = text.as_bytes();
    let space = |i: usize| is_space(u32::from(bytes[i]));
    let len = bytes.len();
    let mut out = Vec::new();
    let mut i = 0;
    while max > 0 {
        while i < len && space(i) {
            i += 1;
        }
        if i == len {
            break;
        }
        let j = i;
        i += 1;
        while i < len && !space(i) {
            i += 1;
        }
        out.push(Value::Obj(PyStr::from_ascii_obj(&text[j..i])));
        max -= 1;
    }
    while i < len && space(i) {
        i += 1;
    }
    if i < len {
        out.push(Value::Obj(PyStr::from_ascii_obj(&text[i..])));
    }
    Value::Obj(PyList::new_obj(out))
}

/// The first position of a non-empty ASCII `needle` in `text[from..]` (absolute): `memchr`
/// for one byte, else a scan for the first byte (no searcher to set up, which costs more
/// than the search on short text).
fn find_ascii(text: &str, needle: &str, from: usize) -> Option<usize> {
    let n = needle.as_bytes();
    if let [byte] = n {
        return text[from..].find(char::from(*byte)).map(|i| from + i);
    }
    find_slice(text.as_bytes(), n, from, text.len())
}

/// `text.split(sep)` of ASCII text by a non-empty ASCII separator.
fn split_ascii(text: &str, sep: &str, max: usize) -> Value {
    let mut out = Vec::new();
    let mut start = 0;
    while out.len() < max
        && let Some(position) = find_ascii(text, sep, start)
    {
        out.push(Value::Obj(PyStr::from_ascii_obj(&text[start..position])));
        start = position + sep.len();
    }
    out.push(Value::Obj(PyStr::from_ascii_obj(&text[start..])));
    Value::Obj(PyList::new_obj(out))
}

/// `text.replace(old, new, max)` of ASCII text, a non-empty `old`; `None` if `old` does
/// not occur. One pass: the pieces are copied as each occurrence is found, and the size
/// is checked before the text grows past the original's.
fn replace_ascii(text: &str, old: &str, new: &str, max: usize) -> PyResult<Option<String>> {
    let mut start = 0;
    let mut count = 0;
    let mut out = String::new();
    while count < max
        && let Some(position) = find_ascii(text, old, start)
    {
        if count == 0 {
            out.reserve_exact(if new.len() <= old.len() { text.len() } else { text.len() + new.len() - old.len() });
        }
        if new.len() > old.len() {
            let rest = text.len() - (position + old.len());
            super::check_size(out.len().saturating_add(position - start + new.len()).saturating_add(rest))?;
        }
        out.push_str(&text[start..position]);
        out.push_str(new);
        start = position + old.len();
        count += 1;
    }
    if count == 0 {
        return Ok(None);
    }
    out.push_str(&text[start..]);
    Ok(Some(out))
}

/// Splits on runs of whitespace, from the left.
fn split_whitespace(s: &PyStr, mut max: usize) -> Vec<(usize, usize)> {
    let len = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while max > 0 {
        while i < len && is_space(s.code_point(i)) {
            i += 1;
        }
        if i == len {
            break;
        }
        let j = i;
        i += 1;
        while i < len && !is_space(s.code_point(i)) {
            i += 1;
        }
        out.push((j, i));
        max -= 1;
    }
    if i < len {
        while i < len && is_space(s.code_point(i)) {
            i += 1;
        }
        if i != len {
            out.push((i, len));
        }
    }
    out
}

/// Splits on runs of whitespace, from the right (ranges in reverse order).
fn rsplit_whitespace(s: &PyStr, mut max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = s.len();
    while max > 0 {
        while i > 0 && is_space(s.code_point(i - 1)) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i > 0 && !is_space(s.code_point(i - 1)) {
            i -= 1;
        }
        out.push((i, j));
        max -= 1;
    }
    if i > 0 {
        while i > 0 && is_space(s.code_point(i - 1)) {
            i -= 1;
        }
        if i != 0 {
            out.push((0, i));
        }
    }
    out
}

fn split_sep<T: Copy + Eq>(h: &[T], sep: &[T], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < max
        && let Some(p) = find_slice(h, sep, i, h.len())
    {
        out.push((i, p));
        i = p + sep.len();
    }
    out.push((i, h.len()));
    out
}

fn rsplit_sep<T: Copy + Eq>(h: &[T], sep: &[T], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut j = h.len();
    while out.len() < max
        && let Some(p) = rfind_slice(h, sep, 0, j)
    {
        out.push((p + sep.len(), j));
        j = p;
    }
    out.push((0, j));
    out.reverse();
    out
}

pub(super) fn str_split(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sep, max) = split_args("split", args)?;
    if let StrData::Ascii(text) = s.data() {
        match sep.map(PyStr::data) {
            None => return Ok(split_ascii_whitespace(text, max)),
            Some(StrData::Ascii(sep)) => return Ok(split_ascii(text, sep, max)),
            Some(_) => {}
        }
    }
    let ranges = match sep {
        None => split_whitespace(s, max),
        Some(sep) if s.is_ascii() && !sep.is_ascii() => vec![(0, s.len())],
        Some(sep) => with_units!(s, sep, |h, n| split_sep(h, n, max)),
    };
    Ok(list_of(s, &ranges))
}

pub(super) fn str_rsplit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, sep, max) = split_args("rsplit", args)?;
    let ranges = match sep {
        None => {
            let mut r = rsplit_whitespace(s, max);
            r.reverse();
            r
        }
        Some(sep) if s.is_ascii() && !sep.is_ascii() => vec![(0, s.len())],
        Some(sep) => with_units!(s, sep, |h, n| rsplit_sep(h, n, max)),
    };
    Ok(list_of(s, &ranges))
}

pub(super) fn str_splitlines(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, [keepends]) = keyword_args("splitlines", args, ["keepends"])?;
    let keepends = match keepends {
        Some(v) => crate::methods::c_int_arg(ctx, v)? != 0,
        None => false,
    };
    let len = s.len();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < len {
        let j = i;
        while i < len && !is_linebreak(s.code_point(i)) {
            i += 1;
        }
        let mut eol = i;
        if i < len {
            if s.code_point(i) == 0x0D && i + 1 < len && s.code_point(i + 1) == 0x0A {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        ranges.push((j, eol));
    }
    Ok(list_of(s, &ranges))
}

fn partition_common(name: &str, args: Args<'_>, from_right: bool) -> PyResult {
    let (s, sep_value) = one_arg(name, args)?;
    let sep = str_arg(sep_value, "")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    // As CPython, the separator and (when it is missing) the string itself are put in the
    // result as they are, not copied.
    let found = if from_right { rfind_in(s, sep, 0, s.len()) } else { find_in(s, sep, 0, s.len()) };
    let parts = match found {
        Some(p) => [substring(s, 0, p), sep_value.clone(), substring(s, p + sep.len(), s.len())],
        None if from_right => [Value::str(""), Value::str(""), args.values[0].clone()],
        None => [args.values[0].clone(), Value::str(""), Value::str("")],
    };
    Ok(Value::Obj(PyTuple::new_obj(parts.into())))
}

pub(super) fn str_partition(_: &mut Ctx, args: Args<'_>) -> PyResult {
    partition_common("partition", args, false)
}

pub(super) fn str_rpartition(_: &mut Ctx, args: Args<'_>) -> PyResult {
    partition_common("rpartition", args, true)
}

/// strip/lstrip/rstrip: `left`/`right` say which ends to trim.
fn strip_common(name: &str, args: Args<'_>, left: bool, right: bool) -> PyResult {
    let (s, rest) = positional(name, args, 0, 1)?;
    let chars: Option<Vec<u32>> = match rest.first() {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(c) => Some(cps(c)),
            None => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip = |c: u32| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut start = 0;
    let mut end = s.len();
    if let StrData::Ascii(text) = s.data() {
        let bytes = text.as_bytes();
        if left {
            while start < end && strip(u32::from(bytes[start])) {
                start += 1;
            }
        }
        if right {
            while end > start && strip(u32::from(bytes[end - 1])) {
                end -= 1;
            }
        }
        if start == 0 && end == s.len() {
            return Ok(unchanged(&args, s));
        }
        return Ok(substring(s, start, end));
    }
    if left {
        while start < end && strip(s.code_point(start)) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(s.code_point(end - 1)) {
            end -= 1;
        }
    }
    Ok(substring(s, start, end))
}

pub(super) fn str_strip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    strip_common("strip", args, true, true)
}

pub(super) fn str_lstrip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    strip_common("lstrip", args, true, false)
}

pub(super) fn str_rstrip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    strip_common("rstrip", args, false, true)
}

fn remove_affix(name: &str, args: Args<'_>, at_end: bool) -> PyResult {
    let (s, affix) = one_arg(name, args)?;
    let affix = clinic_str_arg(affix, &format!("{name}() argument "))?;
    if !affix.is_empty() && tail_match(s, affix, 0, s.len(), at_end) {
        return Ok(if at_end { substring(s, 0, s.len() - affix.len()) } else { substring(s, affix.len(), s.len()) });
    }
    Ok(substring(s, 0, s.len()))
}

pub(super) fn str_removeprefix(_: &mut Ctx, args: Args<'_>) -> PyResult {
    remove_affix("removeprefix", args, false)
}

pub(super) fn str_removesuffix(_: &mut Ctx, args: Args<'_>) -> PyResult {
    remove_affix("removesuffix", args, true)
}
