//! `_sre.SRE_Scanner`: successive matches over one subject (`Pattern.scanner`, which
//! `re.Scanner` and `Pattern.finditer` use). After an empty match the next one must not be
//! empty at the same position, as in CPython.

use std::cell::Cell;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind as AttrKind};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{Mode, Subject, matchobj, pattern, run};

/// A scanner.
pub struct Scanner {
    pattern: Value,
    subject: Subject,
    /// Where the next match is looked for; `None` once exhausted.
    next: Cell<Option<usize>>,
    pos: usize,
    endpos: usize,
    must_advance: Cell<bool>,
}

impl Trace for Scanner {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.pattern.traverse(visit);
        self.subject.string.traverse(visit);
    }
}

payload!(Scanner, "_sre.SRE_Scanner", tracked);

fn scanner_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("SRE_Scanner", "_sre", None, 0, |s| {
            s.getattro = Some(scanner_getattro);
        });
        add_methods(&ty, "SRE_Scanner", &[("match", scanner_match), ("search", scanner_search)]);
        attrdescr::add(&ty, AttrKind::Member, &["pattern"]);
        ty
    })
}

/// A new scanner of `pattern` over `subject[pos:endpos]`.
pub fn new_scanner(pattern: &Value, subject: Subject, pos: usize, endpos: usize) -> Value {
    let s = Scanner {
        pattern: pattern.clone(),
        subject,
        next: Cell::new(Some(pos)),
        pos,
        endpos,
        must_advance: Cell::new(false),
    };
    Value::Obj(ObjRef::new(s, Some(scanner_type())))
}

fn this(v: &Value) -> PyResult<&Scanner> {
    v.downcast::<Scanner>().ok_or_else(|| PyErr::type_error("descriptor requires a '_sre.SRE_Scanner' object"))
}

fn scanner_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if name.as_str().is_some_and(|n| n.as_str() == "pattern") {
        return Ok(this(v)?.pattern.clone());
    }
    protocol::generic_getattr(ctx, v, name)
}

fn advance(v: &Value, mode: Mode) -> PyResult {
    let s = this(v)?;
    let Some(start) = s.next.get() else { return Ok(Value::None) };
    let p = pattern::this(&s.pattern)?;
    let found = run(&p.code, p.groups, &s.subject, start, s.endpos, mode, s.must_advance.get())?;
    let Some(found) = found else {
        s.next.set(None);
        return Ok(Value::None);
    };
    s.must_advance.set(found.end() == found.start());
    s.next.set(Some(found.end()));
    Ok(matchobj::new_match(&s.pattern, &s.subject, s.pos, s.endpos, found))
}

fn scanner_match(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("match", args, 0, 0)?;
    advance(v, Mode::Match)
}

fn scanner_search(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("search", args, 0, 0)?;
    advance(v, Mode::Search)
}
