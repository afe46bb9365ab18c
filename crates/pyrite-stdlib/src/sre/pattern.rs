//! `re.Pattern`: compiled code with the pattern it came from, and the methods that run it
//! (`match`, `search`, `findall`, `split`, `sub`, ...) as CPython's `Modules/_sre/sre.c`
//! defines them, including its handling of empty matches (`must_advance`).

use pyrite_bytecode::CompareOp;
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::attrdescr::{self, Kind as AttrKind};
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::iters::CallableIter;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::opcodes::{FLAG_NAMES, FLAG_UNICODE, TYPE_FLAGS};
use super::{Mode, Subject, call_re_helper, clamp_index, matchobj, run, scanner};

/// A compiled regular expression.
pub struct Pattern {
    /// The source pattern (str, bytes or None).
    pub pattern: Value,
    pub flags: i64,
    pub code: Vec<u32>,
    /// The number of capturing groups.
    pub groups: usize,
    /// `{name: index}`.
    pub groupindex: Value,
    /// `(None, name or None, ...)` by group index.
    pub indexgroup: Value,
    /// Whether the pattern is bytes (`None` for a pattern of None).
    pub is_bytes: Option<bool>,
}

impl Trace for Pattern {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.pattern.traverse(visit);
        self.groupindex.traverse(visit);
        self.indexgroup.traverse(visit);
    }
}

payload!(Pattern, "re.Pattern", tracked);

/// The `re.Pattern` type.
pub fn pattern_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Pattern", "re", None, 0, |s| {
            s.repr = Some(pattern_repr);
            s.hash = Some(pattern_hash);
            s.richcompare = Some(pattern_compare);
            s.getattro = Some(pattern_getattro);
        });
        add_methods(
            &ty,
            "Pattern",
            &[
                ("match", pattern_match),
                ("fullmatch", pattern_fullmatch),
                ("search", pattern_search),
                ("findall", pattern_findall),
                ("finditer", pattern_finditer),
                ("scanner", pattern_scanner),
                ("split", pattern_split),
                ("sub", pattern_sub),
                ("subn", pattern_subn),
                ("__copy__", pattern_copy),
                ("__deepcopy__", pattern_deepcopy),
                ("__class_getitem__", class_getitem),
            ],
        );
        make_class_method(&ty, "__class_getitem__");
        attrdescr::add(&ty, AttrKind::Member, &["pattern", "flags", "groups"]);
        attrdescr::add(&ty, AttrKind::GetSet, &["groupindex"]);
        ty
    })
}

/// Turns the native method `name` of `ty` into a class method.
pub fn make_class_method(ty: &ObjRef, name: &str) {
    if let Some(d) = type_payload(ty).dict.downcast::<PyDict>()
        && let Some(f) = d.get_str(&PyStr::from_str(name))
    {
        // A class method receives the class first, not an instance: no receiver check.
        use pyrite_object::types::function::BuiltinFunction;
        let f = match f.downcast::<BuiltinFunction>().filter(|b| b.owner.is_some()) {
            Some(b) => Value::Obj(BuiltinFunction::new_method(b.owner.unwrap_or_default(), b.name, b.func)),
            None => f,
        };
        let cm = pyrite_object::types::descriptors::ClassMethod { func: PayloadCell::new(f) };
        d.set_str(name, Value::Obj(ObjRef::new(cm, Some(&pyrite_object::types().classmethod))));
    }
}

/// `cls[item]` as CPython's `Py_GenericAlias`.
pub fn class_getitem(_: &mut Ctx, args: Args<'_>) -> PyResult {
    match args.values {
        [cls, item] => Ok(pyrite_object::methods::generic_alias::new_generic_alias(cls.clone(), item.clone())),
        _ => Err(PyErr::type_error("__class_getitem__ expects exactly one argument")),
    }
}

pub fn this(v: &Value) -> PyResult<&Pattern> {
    v.downcast::<Pattern>().ok_or_else(|| PyErr::type_error("descriptor requires a 're.Pattern' object"))
}

/// Splits a method's `self` from its other arguments.
pub fn self_and_args<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, Args<'a>)> {
    match args.values.split_first() {
        Some((first, rest)) if rest.len() >= args.kwnames.len() => {
            Ok((first, Args { values: rest, kwnames: args.kwnames }))
        }
        _ => Err(PyErr::type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

const COMPILE: Params =
    Params::new("compile", &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"]).required(6);

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [pattern, flags, code, groups, groupindex, indexgroup] = COMPILE.bind(args)?;
    let (Some(pattern), Some(flags), Some(code), Some(groups), Some(groupindex), Some(indexgroup)) =
        (pattern, flags, code, groups, groupindex, indexgroup)
    else {
        return Err(PyErr::type_error("compile() missing required arguments"));
    };
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let flags = pyrite_object::methods::int::to_i64(&protocol::index(ctx, flags, what)?)?;
    let Some(list) = code.downcast::<PyList>() else {
        return Err(PyErr::type_error(format!("compile() argument 'code' must be list, not {}", code.type_name())));
    };
    let mut words = Vec::with_capacity(list.len());
    for item in list.to_vec() {
        let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
        let n = protocol::index(ctx, &item, what)?;
        let n = pyrite_object::methods::int::to_i64(&n).ok().and_then(|n| u32::try_from(n).ok());
        words.push(n.ok_or_else(|| PyErr::overflow("regular expression code size limit exceeded"))?);
    }
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let groups = pyrite_object::methods::int::to_i64(&protocol::index(ctx, groups, what)?)?;
    let groups = usize::try_from(groups).map_err(|_| PyErr::runtime_error("invalid SRE code"))?;
    let is_bytes = if pattern.is_none() {
        None
    } else if pattern.as_str().is_some() {
        Some(false)
    } else if buffer_bytes(pattern).is_some() {
        Some(true)
    } else {
        return Err(PyErr::type_error(format!("expected string or bytes-like object, got '{}'", pattern.type_name())));
    };
    let payload = Pattern {
        pattern: pattern.clone(),
        flags,
        code: words,
        groups,
        groupindex: groupindex.clone(),
        indexgroup: indexgroup.clone(),
        is_bytes,
    };
    Ok(Value::Obj(ObjRef::new(payload, Some(pattern_type()))))
}

fn pattern_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(n) = name.as_str() {
        let p = this(v)?;
        match n.as_str() {
            "pattern" => return Ok(p.pattern.clone()),
            "flags" => return Ok(Value::Int(p.flags)),
            "groups" => return Ok(Value::from(p.groups)),
            "groupindex" => {
                // A copy, so the pattern's own mapping cannot be changed.
                let copy = PyDict::new_obj();
                if let (Some(from), Some(to)) = (p.groupindex.downcast::<PyDict>(), copy.downcast::<PyDict>()) {
                    for (k, value) in from.items() {
                        to.set_item(ctx, k, value)?;
                    }
                }
                return Ok(Value::Obj(copy));
            }
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

fn pattern_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let p = this(v)?;
    let pattern = p.pattern.clone();
    let mut flags = p.flags;
    let is_bytes = p.is_bytes;
    let mut text = protocol::repr_string(ctx, &pattern)?;
    if text.chars().count() > 200 {
        text = text.chars().take(200).collect();
    }
    if is_bytes == Some(false) && flags & i64::from(TYPE_FLAGS) == i64::from(FLAG_UNICODE) {
        flags &= !i64::from(FLAG_UNICODE);
    }
    if flags == 0 {
        return Ok(Value::str(&format!("re.compile({text})")));
    }
    let mut names = Vec::new();
    for (bit, name) in FLAG_NAMES {
        if flags & i64::from(bit) != 0 {
            names.push(name.to_owned());
            flags &= !i64::from(bit);
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(Value::str(&format!("re.compile({text}, {})", names.join("|"))))
}

fn pattern_hash(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let p = this(v)?;
    let pattern = p.pattern.clone();
    let code_bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    let mut hash = protocol::hash(ctx, &pattern)?;
    let p = this(v)?;
    hash ^= pyrite_object::hash::hash_bytes(&code_bytes);
    hash ^= p.flags;
    hash ^= i64::from(p.is_bytes == Some(true));
    hash ^= i64::try_from(p.code.len()).unwrap_or(0);
    Ok(if hash == -1 { -2 } else { hash })
}

fn pattern_compare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(protocol::not_implemented());
    }
    let (Some(left), Some(right)) = (a.downcast::<Pattern>(), b.downcast::<Pattern>()) else {
        return Ok(protocol::not_implemented());
    };
    let mut equal = a.is(b);
    if !equal && left.flags == right.flags && left.is_bytes == right.is_bytes && left.code == right.code {
        let (x, y) = (left.pattern.clone(), right.pattern.clone());
        equal = protocol::eq(ctx, &x, &y)?;
    }
    Ok(Value::Bool(if op == CompareOp::Eq { equal } else { !equal }))
}

fn pattern_copy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = pyrite_object::methods::method_args("__copy__", args, 0, 0)?;
    Ok(v.clone())
}

fn pattern_deepcopy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = pyrite_object::methods::method_args("__deepcopy__", args, 1, 1)?;
    Ok(v.clone())
}

/// The `(string, pos, endpos)` arguments of `match`, `search`, `findall`, ...
fn string_pos_endpos<'a>(
    ctx: &mut Ctx,
    params: &Params,
    args: Args<'a>,
) -> PyResult<(&'a Value, Subject, usize, usize)> {
    let (v, rest) = self_and_args(params.name, args)?;
    let [string, pos, endpos] = params.bind(rest)?;
    let string = string.ok_or_else(|| PyErr::type_error("missing string"))?;
    let p = this(v)?;
    let subject = Subject::new(string, p.is_bytes)?;
    let len = subject.len();
    let pos = clamp_index(ctx, pos, len, 0)?;
    let endpos = clamp_index(ctx, endpos, len, len)?;
    Ok((v, subject, pos, endpos))
}

fn run_mode(ctx: &mut Ctx, params: &Params, args: Args<'_>, mode: Mode) -> PyResult {
    let (v, subject, pos, endpos) = string_pos_endpos(ctx, params, args)?;
    let p = this(v)?;
    match run(&p.code, p.groups, &subject, pos, endpos, mode, false)? {
        Some(found) => Ok(matchobj::new_match(v, &subject, pos, endpos, found)),
        None => Ok(Value::None),
    }
}

const MATCH: Params = Params::new("match", &["string", "pos", "endpos"]).required(1);
const FULLMATCH: Params = Params::new("fullmatch", &["string", "pos", "endpos"]).required(1);
const SEARCH: Params = Params::new("search", &["string", "pos", "endpos"]).required(1);
const FINDALL: Params = Params::new("findall", &["string", "pos", "endpos"]).required(1);
const FINDITER: Params = Params::new("finditer", &["string", "pos", "endpos"]).required(1);
const SCANNER: Params = Params::new("scanner", &["string", "pos", "endpos"]).required(1);
const SPLIT: Params = Params::new("split", &["string", "maxsplit"]).required(1);
const SUB: Params = Params::new("sub", &["repl", "string", "count"]).required(2);
const SUBN: Params = Params::new("subn", &["repl", "string", "count"]).required(2);

fn pattern_match(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    run_mode(ctx, &MATCH, args, Mode::Match)
}

fn pattern_fullmatch(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    run_mode(ctx, &FULLMATCH, args, Mode::FullMatch)
}

fn pattern_search(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    run_mode(ctx, &SEARCH, args, Mode::Search)
}

fn pattern_findall(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, subject, mut pos, endpos) = string_pos_endpos(ctx, &FINDALL, args)?;
    let p = this(v)?;
    let (code, groups) = (p.code.clone(), p.groups);
    let mut items = Vec::new();
    let mut must_advance = false;
    while pos <= endpos {
        let Some(found) = run(&code, groups, &subject, pos, endpos, Mode::Search, must_advance)? else { break };
        let item = match groups {
            0 => subject.slice(found.start(), found.end()),
            1 => group_or_empty(&subject, &found, 1),
            _ => {
                let mut values = Vec::with_capacity(groups);
                for g in 1..=groups {
                    values.push(group_or_empty(&subject, &found, g));
                }
                Value::Obj(PyTuple::new_obj(values))
            }
        };
        items.push(item);
        must_advance = found.end() == found.start();
        pos = found.end();
    }
    Ok(Value::Obj(PyList::new_obj(items)))
}

/// Group `g` of a match, or an empty string when it did not match (findall's rule).
fn group_or_empty(subject: &Subject, found: &super::Found, g: usize) -> Value {
    match found.regs.get(g).copied().flatten() {
        Some((s, e)) => subject.slice(s, e),
        None => subject.slice(0, 0),
    }
}

fn pattern_scanner(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, subject, pos, endpos) = string_pos_endpos(ctx, &SCANNER, args)?;
    Ok(scanner::new_scanner(v, subject, pos, endpos))
}

fn pattern_finditer(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, subject, pos, endpos) = string_pos_endpos(ctx, &FINDITER, args)?;
    let scanner = scanner::new_scanner(v, subject, pos, endpos);
    let search = protocol::getattr_str(ctx, &scanner, "search")?;
    let iter = CallableIter { func: PayloadCell::new(Some(search)), sentinel: Value::None };
    Ok(Value::Obj(ObjRef::new(iter, Some(&pyrite_object::types().callable_iterator))))
}

fn pattern_split(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = self_and_args("split", args)?;
    let [string, maxsplit] = SPLIT.bind(rest)?;
    let string = string.ok_or_else(|| PyErr::type_error("missing string"))?;
    let maxsplit = match maxsplit {
        Some(m) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            pyrite_object::methods::int::to_i64(&protocol::index(ctx, m, what)?)?
        }
        None => 0,
    };
    let p = this(v)?;
    let subject = Subject::new(string, p.is_bytes)?;
    let (code, groups) = (p.code.clone(), p.groups);
    let endpos = subject.len();
    let mut items = Vec::new();
    let (mut last, mut pos, mut n, mut must_advance) = (0, 0, 0i64, false);
    while maxsplit <= 0 || n < maxsplit {
        let Some(found) = run(&code, groups, &subject, pos, endpos, Mode::Search, must_advance)? else { break };
        items.push(subject.slice(last, found.start()));
        for g in 1..=groups {
            items.push(match found.regs.get(g).copied().flatten() {
                Some((s, e)) => subject.slice(s, e),
                None => Value::None,
            });
        }
        n += 1;
        must_advance = found.end() == found.start();
        last = found.end();
        pos = last;
    }
    items.push(subject.slice(last, endpos));
    Ok(Value::Obj(PyList::new_obj(items)))
}

/// What replaces each match in `sub`.
enum Replacement {
    Literal(Value),
    Call(Value),
}

/// Whether `v` can be called.
pub fn is_callable(v: &Value) -> bool {
    use pyrite_object::types::function::{BoundMethod, BuiltinFunction, Function, SlotWrapper};
    v.as_obj().is_some_and(|o| {
        o.is::<Function>() || o.is::<BuiltinFunction>() || o.is::<BoundMethod>() || o.is::<SlotWrapper>()
    }) || type_payload(v.type_ref()).slots().call.is_some()
}

fn replacement(ctx: &mut Ctx, pattern: &Value, repl: &Value) -> PyResult<Replacement> {
    if is_callable(repl) {
        return Ok(Replacement::Call(repl.clone()));
    }
    let literal = if let Some(s) = repl.as_str() {
        !s.code_points().any(|c| c == u32::from(b'\\'))
    } else if let Some(b) = buffer_bytes(repl) {
        !b.contains(&b'\\')
    } else {
        false
    };
    if literal {
        return Ok(Replacement::Literal(repl.clone()));
    }
    let filter = call_re_helper(ctx, "_subx", &[pattern.clone(), repl.clone()])?;
    Ok(if is_callable(&filter) { Replacement::Call(filter) } else { Replacement::Literal(filter) })
}

fn subx(ctx: &mut Ctx, params: &Params, args: Args<'_>) -> PyResult<(Value, usize)> {
    let (v, rest) = self_and_args(params.name, args)?;
    let [repl, string, count] = params.bind(rest)?;
    let (Some(repl), Some(string)) = (repl, string) else {
        return Err(PyErr::type_error("missing arguments"));
    };
    let count = match count {
        Some(c) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            pyrite_object::methods::int::to_i64(&protocol::index(ctx, c, what)?)?
        }
        None => 0,
    };
    let subject = Subject::new(string, this(v)?.is_bytes)?;
    let filter = replacement(ctx, v, repl)?;
    let p = this(v)?;
    let (code, groups) = (p.code.clone(), p.groups);
    let endpos = subject.len();
    let mut pieces = Vec::new();
    let (mut last, mut pos, mut n, mut must_advance) = (0, 0, 0usize, false);
    while count <= 0 || (n as i64) < count {
        let Some(found) = run(&code, groups, &subject, pos, endpos, Mode::Search, must_advance)? else { break };
        let (start, end) = (found.start(), found.end());
        if last < start {
            pieces.push(subject.slice(last, start));
        }
        let item = match &filter {
            Replacement::Literal(text) => text.clone(),
            Replacement::Call(f) => {
                let m = matchobj::new_match(v, &subject, 0, endpos, found);
                protocol::call_positional(ctx, f, &[m])?
            }
        };
        if !item.is_none() {
            pieces.push(item);
        }
        n += 1;
        must_advance = start == end;
        last = end;
        pos = end;
    }
    if last < endpos {
        pieces.push(subject.slice(last, endpos));
    }
    if pieces.is_empty() {
        return Ok((subject.slice(0, 0), n));
    }
    let empty = subject.empty();
    let join = protocol::getattr_str(ctx, &empty, "join")?;
    let joined = protocol::call_positional(ctx, &join, &[Value::Obj(PyList::new_obj(pieces))])?;
    Ok((joined, n))
}

fn pattern_sub(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(subx(ctx, &SUB, args)?.0)
}

fn pattern_subn(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (text, n) = subx(ctx, &SUBN, args)?;
    Ok(Value::Obj(PyTuple::new_obj(vec![text, Value::from(n)])))
}
