//! `str`: comparison, concatenation, indexing, iteration and the common methods.

use pyrite_bytecode::{BinaryOp, CompareOp};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::sequence::{checked_total, index_of, normalize_index, repeat_count};
use crate::methods::{add_methods, check_args, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::list::PyList;
use crate::types::misc::SeqIter;
use crate::types::str::PyStr;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.str, |s| {
        s.repr = Some(|_, v| Ok(Value::str(&this(v)?.repr())));
        s.str = Some(|_, v| Ok(v.clone()));
        s.hash = Some(|_, v| Ok(this(v)?.hash()));
        s.richcompare = Some(str_richcompare);
        s.binary = Some(str_binary);
        s.len = Some(|_, v| Ok(this(v)?.len()));
        s.getitem = Some(str_getitem);
        s.contains = Some(str_contains);
        s.iter = Some(|_, v| Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().str_iterator, 0))));
        s.new = Some(str_new);
    });
    set_slots(&t.str_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(str_iter_next);
    });
    add_methods(&t.str, "str", &[
        ("join", str_join),
        ("upper", str_upper),
        ("lower", str_lower),
        ("strip", str_strip),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("split", str_split),
        ("replace", str_replace),
        ("find", str_find),
    ]);
}

fn this(v: &Value) -> PyResult<&PyStr> {
    v.as_str().ok_or_else(|| PyErr::type_error(format!("descriptor requires a 'str' object but received a '{}'", v.type_name())))
}

fn str_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.as_str(), b.as_str()) else { return Ok(not_implemented()) };
    let ordering = x.cmp_str(y);
    Ok(Value::Bool(match op {
        CompareOp::Eq => x.eq_str(y),
        CompareOp::Ne => !x.eq_str(y),
        CompareOp::Lt => ordering.is_lt(),
        CompareOp::Le => ordering.is_le(),
        CompareOp::Gt => ordering.is_gt(),
        CompareOp::Ge => ordering.is_ge(),
    }))
}

/// `s * n` for a str.
fn repeat(s: &PyStr, count: usize) -> PyResult {
    checked_total(s.len(), count)?;
    if s.is_ascii() {
        return Ok(Value::str(&s.as_str().repeat(count)));
    }
    let code_points: Vec<u32> = s.code_points().collect();
    Ok(Value::Obj(PyStr::from_code_points_obj(&code_points.repeat(count))))
}

fn str_binary(_: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    match op {
        BinaryOp::Add => match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => Ok(Value::Obj(x.concat(y))),
            _ => Ok(not_implemented()),
        },
        BinaryOp::Multiply => {
            let (s, n) = match (a.as_str(), b.as_str()) {
                (Some(s), None) => (s, b),
                (None, Some(s)) => (s, a),
                _ => return Ok(not_implemented()),
            };
            match repeat_count(n) {
                Some(count) => repeat(s, count?),
                None => Ok(not_implemented()),
            }
        }
        _ => Ok(not_implemented()),
    }
}

fn str_getitem(_: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let s = this(v)?;
    let Some(index) = index_of(key, "string")? else {
        return Err(PyErr::index_error("cannot fit 'int' into an index-sized integer"));
    };
    let position = normalize_index(index, s.len()).ok_or_else(|| PyErr::index_error("string index out of range"))?;
    Ok(Value::Obj(s.slice(position, position + 1, 1)))
}

fn str_contains(_: &mut Ctx, v: &Value, item: &Value) -> PyResult<bool> {
    let s = this(v)?;
    let Some(needle) = item.as_str() else {
        return Err(PyErr::type_error(format!("'in <string>' requires string as left operand, not {}", item.type_name())));
    };
    Ok(find(s, needle, 0).is_some())
}

/// Index of the first occurrence of `needle` in `haystack` at or after `start`.
fn find(haystack: &PyStr, needle: &PyStr, start: usize) -> Option<usize> {
    if haystack.is_ascii() && needle.is_ascii() {
        return haystack.as_str().get(start..)?.find(needle.as_str()).map(|i| i + start);
    }
    let h: Vec<u32> = haystack.code_points().collect();
    let n: Vec<u32> = needle.code_points().collect();
    if n.is_empty() {
        return (start <= h.len()).then_some(start);
    }
    (start..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()] == n[..])
}

fn str_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(s) = seq.as_ref().and_then(Value::as_str) else { return Ok(None) };
    let i = iter.index.get();
    if i >= s.len() {
        drop(iter.seq.replace(None));
        return Ok(None);
    }
    iter.index.set(i + 1);
    Ok(Some(Value::Obj(s.slice(i, i + 1, 1))))
}

fn str_new(ctx: &mut Ctx, _ty: &pyrite_memory::ObjRef, args: Args<'_>) -> PyResult {
    let values = check_args("str", args, 0, 1)?;
    match values.first() {
        None => Ok(Value::str("")),
        Some(v) => protocol::str_(ctx, v),
    }
}

fn str_join(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (sep, rest) = method_args("join", args, 1, 1)?;
    let sep = this(sep)?;
    let items = protocol::collect(ctx, &rest[0])?;
    let mut out: Vec<u32> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(s) = item.as_str() else {
            return Err(PyErr::type_error(format!("sequence item {i}: expected str instance, {} found", item.type_name())));
        };
        if i > 0 {
            out.extend(sep.code_points());
        }
        out.extend(s.code_points());
    }
    Ok(Value::Obj(PyStr::from_code_points_obj(&out)))
}

fn map_text(args: Args<'_>, name: &str, f: impl Fn(&str) -> String) -> PyResult {
    let (s, _) = method_args(name, args, 0, 0)?;
    Ok(Value::str(&f(this(s)?.as_str())))
}

fn str_upper(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_text(args, "upper", str::to_uppercase)
}

fn str_lower(_: &mut Ctx, args: Args<'_>) -> PyResult {
    map_text(args, "lower", str::to_lowercase)
}

fn str_strip(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("strip", args, 0, 1)?;
    let text = this(s)?.as_str();
    match rest.first() {
        None | Some(Value::None) => Ok(Value::str(text.trim())),
        Some(chars) => {
            let set: Vec<char> = this(chars)?.as_str().chars().collect();
            Ok(Value::str(text.trim_matches(|c| set.contains(&c))))
        }
    }
}

fn affix(args: Args<'_>, name: &str, test: fn(&str, &str) -> bool) -> PyResult {
    let (s, rest) = method_args(name, args, 1, 1)?;
    let text = this(s)?.as_str();
    match rest[0].as_str() {
        Some(p) => Ok(Value::Bool(test(text, p.as_str()))),
        None => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            rest[0].type_name()
        ))),
    }
}

fn str_startswith(_: &mut Ctx, args: Args<'_>) -> PyResult {
    affix(args, "startswith", |t, p| t.starts_with(p))
}

fn str_endswith(_: &mut Ctx, args: Args<'_>) -> PyResult {
    affix(args, "endswith", |t, p| t.ends_with(p))
}

fn str_split(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("split", args, 0, 1)?;
    let text = this(s)?.as_str();
    let parts: Vec<Value> = match rest.first() {
        None | Some(Value::None) => text.split_whitespace().map(Value::str).collect(),
        Some(sep) => {
            let sep = this(sep)?.as_str();
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            text.split(sep).map(Value::str).collect()
        }
    };
    Ok(Value::Obj(PyList::new_obj(parts)))
}

fn str_replace(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("replace", args, 2, 2)?;
    Ok(Value::str(&this(s)?.as_str().replace(this(&rest[0])?.as_str(), this(&rest[1])?.as_str())))
}

fn str_find(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, rest) = method_args("find", args, 1, 1)?;
    Ok(match find(this(s)?, this(&rest[0])?, 0) {
        Some(i) => Value::from(i),
        None => Value::Int(-1),
    })
}
