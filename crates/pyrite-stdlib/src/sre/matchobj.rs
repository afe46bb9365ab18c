//! `re.Match`: the result of a successful match: the subject, the group spans, and the
//! accessors (`group`, `groups`, `groupdict`, `span`, `expand`, ...).

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind as AttrKind};
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::pattern::{self, Pattern, class_getitem, make_class_method, self_and_args};
use super::{Found, Subject, call_re_helper};

/// A match.
pub struct Match {
    /// The `re.Pattern` object.
    pattern: Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    /// Group spans; 0 is the whole match.
    regs: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
}

impl Trace for Match {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.pattern.traverse(visit);
        self.subject.string.traverse(visit);
    }
}

payload!(Match, "re.Match", tracked);

/// The `re.Match` type.
pub fn match_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Match", "re", None, 0, |s| {
            s.repr = Some(match_repr);
            s.getattro = Some(match_getattro);
            s.getitem = Some(match_getitem);
            s.bool = Some(|_, _| Ok(true));
        });
        add_methods(
            &ty,
            "Match",
            &[
                ("group", match_group),
                ("groups", match_groups),
                ("groupdict", match_groupdict),
                ("start", match_start),
                ("end", match_end),
                ("span", match_span),
                ("expand", match_expand),
                ("__copy__", match_copy),
                ("__deepcopy__", match_deepcopy),
                ("__class_getitem__", class_getitem),
            ],
        );
        make_class_method(&ty, "__class_getitem__");
        attrdescr::add(&ty, AttrKind::Member, &["string", "re", "pos", "endpos"]);
        attrdescr::add(&ty, AttrKind::GetSet, &["lastindex", "lastgroup", "regs"]);
        ty
    })
}

/// A new match object of `pattern` over `subject`.
pub fn new_match(pattern: &Value, subject: &Subject, pos: usize, endpos: usize, found: Found) -> Value {
    let m = Match {
        pattern: pattern.clone(),
        subject: subject.clone(),
        pos,
        endpos,
        regs: found.regs,
        lastindex: found.lastindex,
    };
    Value::Obj(ObjRef::new(m, Some(match_type())))
}

fn this(v: &Value) -> PyResult<&Match> {
    v.downcast::<Match>().ok_or_else(|| PyErr::type_error("descriptor requires a 're.Match' object"))
}

fn pattern_of(m: &Match) -> PyResult<&Pattern> {
    pattern::this(&m.pattern)
}

/// A position as Python sees it (-1 for an unmatched group).
fn position(p: Option<usize>) -> Value {
    p.map_or(Value::Int(-1), Value::from)
}

fn span_tuple(span: Option<(usize, usize)>) -> Value {
    Value::Obj(PyTuple::new_obj(vec![position(span.map(|s| s.0)), position(span.map(|s| s.1))]))
}

fn match_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(n) = name.as_str() {
        let m = this(v)?;
        match n.as_str() {
            "string" => return Ok(m.subject.string.clone()),
            "re" => return Ok(m.pattern.clone()),
            "pos" => return Ok(Value::from(m.pos)),
            "endpos" => return Ok(Value::from(m.endpos)),
            "lastindex" => return Ok(m.lastindex.map_or(Value::None, Value::from)),
            "lastgroup" => {
                let Some(index) = m.lastindex else { return Ok(Value::None) };
                let p = pattern_of(m)?;
                return Ok(p
                    .indexgroup
                    .downcast::<PyTuple>()
                    .and_then(|t| t.items().get(index).cloned())
                    .unwrap_or(Value::None));
            }
            "regs" => {
                let spans = m.regs.iter().map(|&s| span_tuple(s)).collect();
                return Ok(Value::Obj(PyTuple::new_obj(spans)));
            }
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

/// The group number `index` names (an int or a group name), or `IndexError`.
fn group_index(ctx: &mut Ctx, m: &Match, index: &Value) -> PyResult<usize> {
    let no_such_group = || PyErr::index_error("no such group");
    let number = if protocol::has_index(index) {
        let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
        let n = protocol::index(ctx, index, what)?;
        pyrite_object::methods::int::to_i64(&n).unwrap_or(-1)
    } else {
        let groupindex = pattern_of(m)?.groupindex.clone();
        let found = match groupindex.downcast::<PyDict>() {
            Some(d) => match protocol::hash(ctx, index) {
                Ok(_) => d.get_item(ctx, index)?,
                Err(_) => None,
            },
            None => None,
        };
        match found {
            Some(n) if pyrite_object::methods::int::is_int(&n) => pyrite_object::methods::int::to_i64(&n).unwrap_or(-1),
            _ => -1,
        }
    };
    usize::try_from(number).ok().filter(|&n| n < m.regs.len()).ok_or_else(no_such_group)
}

/// Group `g`'s text, or `default` when it did not match.
fn group_value(m: &Match, g: usize, default: &Value) -> Value {
    match m.regs.get(g).copied().flatten() {
        Some((s, e)) => m.subject.slice(s, e),
        None => default.clone(),
    }
}

fn match_group(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("group", args, 0, usize::MAX)?;
    let m = this(v)?;
    match rest {
        [] => Ok(group_value(m, 0, &Value::None)),
        [one] => {
            let g = group_index(ctx, m, one)?;
            Ok(group_value(m, g, &Value::None))
        }
        many => {
            let mut values = Vec::with_capacity(many.len());
            for index in many {
                let g = group_index(ctx, m, index)?;
                values.push(group_value(m, g, &Value::None));
            }
            Ok(Value::Obj(PyTuple::new_obj(values)))
        }
    }
}

fn match_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let m = this(v)?;
    let g = group_index(ctx, m, key)?;
    Ok(group_value(m, g, &Value::None))
}

const GROUPS: Params = Params::new("groups", &["default"]);
const GROUPDICT: Params = Params::new("groupdict", &["default"]);

fn match_groups(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = self_and_args("groups", args)?;
    let [default] = GROUPS.bind(rest)?;
    let default = default.cloned().unwrap_or(Value::None);
    let m = this(v)?;
    let mut values = Vec::with_capacity(m.regs.len().saturating_sub(1));
    for g in 1..m.regs.len() {
        values.push(group_value(m, g, &default));
    }
    Ok(Value::Obj(PyTuple::new_obj(values)))
}

fn match_groupdict(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = self_and_args("groupdict", args)?;
    let [default] = GROUPDICT.bind(rest)?;
    let default = default.cloned().unwrap_or(Value::None);
    let m = this(v)?;
    let result = PyDict::new_obj();
    let names = match pattern_of(m)?.groupindex.downcast::<PyDict>() {
        Some(d) => d.items(),
        None => Vec::new(),
    };
    for (name, _) in names {
        let g = group_index(ctx, m, &name)?;
        let value = group_value(m, g, &default);
        if let Some(d) = result.downcast::<PyDict>() {
            d.set_item(ctx, name, value)?;
        }
    }
    Ok(Value::Obj(result))
}

/// The span of the group named by the optional argument of `start`/`end`/`span`.
fn span_arg(ctx: &mut Ctx, name: &str, args: Args<'_>) -> PyResult<Option<(usize, usize)>> {
    let (v, rest) = method_args(name, args, 0, 1)?;
    let m = this(v)?;
    let g = match rest.first() {
        Some(index) => group_index(ctx, m, index)?,
        None => 0,
    };
    Ok(m.regs.get(g).copied().flatten())
}

fn match_start(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(position(span_arg(ctx, "start", args)?.map(|s| s.0)))
}

fn match_end(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(position(span_arg(ctx, "end", args)?.map(|s| s.1)))
}

fn match_span(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(span_tuple(span_arg(ctx, "span", args)?))
}

const EXPAND: Params = Params::new("expand", &["template"]).required(1);

fn match_expand(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = self_and_args("expand", args)?;
    let [template] = EXPAND.bind(rest)?;
    let template = template.cloned().unwrap_or(Value::None);
    let pattern = this(v)?.pattern.clone();
    call_re_helper(ctx, "_expand", &[pattern, v.clone(), template])
}

fn match_copy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__copy__", args, 0, 0)?;
    Ok(v.clone())
}

fn match_deepcopy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__deepcopy__", args, 1, 1)?;
    Ok(v.clone())
}

fn match_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let m = this(v)?;
    let span = m.regs.first().copied().flatten().unwrap_or((0, 0));
    let text = group_value(m, 0, &Value::None);
    let mut text = protocol::repr_string(ctx, &text)?;
    if text.chars().count() > 50 {
        text = text.chars().take(50).collect();
    }
    Ok(Value::str(&format!("<re.Match object; span=({}, {}), match={text}>", span.0, span.1)))
}
