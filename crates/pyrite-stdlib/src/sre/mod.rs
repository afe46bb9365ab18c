//! The `_sre` module: the regular expression engine under CPython 3.11's pure-Python `re`
//! package, which parses and compiles a pattern into integer code and calls
//! `_sre.compile` to get a `re.Pattern` that runs it.
//!
//! `engine.rs` is the matcher, `chars.rs` the character classes, `pattern.rs`,
//! `matchobj.rs` and `scanner.rs` the `re.Pattern`, `re.Match` and `_sre.SRE_Scanner`
//! types; this file has the module's functions and the subject text shared by all.

mod chars;
mod engine;
mod matchobj;
mod opcodes;
mod pattern;
mod scanner;

use std::rc::Rc;

use pyrite_memory::ObjRef;
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::function::Module;
use pyrite_object::types::str::{PyStr, StrData};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use engine::{Engine, Unit};
use opcodes::MAXREPEAT;

/// `_sre.MAGIC`, which `re._compiler` checks.
const MAGIC: i64 = 20_220_615;

/// `_sre.MAXGROUPS` on a 64-bit build.
const MAXGROUPS: i64 = 1_073_741_823;

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_sre",
        &[
            ("compile", pattern::compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    );
    Module::set(&module, "MAGIC", Value::Int(MAGIC));
    Module::set(&module, "CODESIZE", Value::Int(4));
    Module::set(&module, "MAXREPEAT", Value::Int(i64::from(MAXREPEAT)));
    Module::set(&module, "MAXGROUPS", Value::Int(MAXGROUPS));
    Module::set(&module, "copyright", Value::str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    Ok(module)
}

fn getcodesize(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("getcodesize", args, 0, 0)?;
    Ok(Value::Int(4))
}

/// The one `character` argument of the case helpers, as a code.
fn char_arg(ctx: &mut Ctx, name: &'static str, args: Args<'_>) -> PyResult<u32> {
    let params = Params::new(name, &["character"]).required(1);
    let [c] = params.bind(args)?;
    let c = c.ok_or_else(|| PyErr::type_error("missing character"))?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let c = pyrite_object::methods::int::to_i64(&protocol::index(ctx, c, what)?)?;
    // Codes out of range are compared as CPython's 32-bit SRE_CODE.
    Ok(c as u32)
}

fn ascii_iscased(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(chars::ascii_iscased(char_arg(ctx, "ascii_iscased", args)?)))
}

fn unicode_iscased(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Bool(chars::unicode_iscased(char_arg(ctx, "unicode_iscased", args)?)))
}

fn ascii_tolower(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(i64::from(chars::lower_ascii(char_arg(ctx, "ascii_tolower", args)?))))
}

fn unicode_tolower(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(i64::from(chars::lower_unicode(char_arg(ctx, "unicode_tolower", args)?))))
}

/// The text a pattern runs over: the str object itself (read in place) or a copy of a
/// bytes-like object's bytes.
#[derive(Clone)]
pub struct Subject {
    string: Value,
    data: SubjectData,
}

#[derive(Clone)]
enum SubjectData {
    Str(ObjRef),
    Bytes(Rc<[u8]>),
}

/// The subject's units in their storage width.
enum Units<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

impl Subject {
    /// Reads `string` for a pattern over str (`is_bytes` false) or bytes.
    fn new(string: &Value, is_bytes: Option<bool>) -> PyResult<Subject> {
        let data = if let Some(s) = string.as_obj().filter(|o| o.is::<PyStr>()) {
            SubjectData::Str(s.clone())
        } else if let Some(bytes) = buffer_bytes(string) {
            SubjectData::Bytes(bytes.into())
        } else {
            return Err(PyErr::type_error(format!(
                "expected string or bytes-like object, got '{}'",
                string.type_name()
            )));
        };
        let subject_is_bytes = matches!(data, SubjectData::Bytes(_));
        match is_bytes {
            Some(false) if subject_is_bytes => {
                Err(PyErr::type_error("cannot use a string pattern on a bytes-like object"))
            }
            Some(true) if !subject_is_bytes => {
                Err(PyErr::type_error("cannot use a bytes pattern on a string-like object"))
            }
            _ => Ok(Subject { string: string.clone(), data }),
        }
    }

    fn units(&self) -> Units<'_> {
        match &self.data {
            SubjectData::Bytes(b) => Units::U8(b),
            SubjectData::Str(s) => match s.downcast::<PyStr>().map(PyStr::data) {
                Some(StrData::Ascii(a)) => Units::U8(a.as_bytes()),
                Some(StrData::Latin1(b)) => Units::U8(b),
                Some(StrData::Ucs2(u)) => Units::U16(u),
                Some(StrData::Ucs4(u)) => Units::U32(u),
                None => Units::U8(&[]),
            },
        }
    }

    /// The length in characters (or bytes).
    fn len(&self) -> usize {
        match self.units() {
            Units::U8(t) => t.len(),
            Units::U16(t) => t.len(),
            Units::U32(t) => t.len(),
        }
    }

    /// `string[start:end]`: an exact str for a str, bytes for any bytes-like object.
    fn slice(&self, start: usize, end: usize) -> Value {
        let end = end.max(start);
        match &self.data {
            SubjectData::Str(s) => match s.downcast::<PyStr>() {
                Some(s) => Value::Obj(s.slice(start, end, 1)),
                None => Value::str(""),
            },
            SubjectData::Bytes(b) => Value::Obj(PyBytes::new_obj(b.get(start..end).unwrap_or_default().to_vec())),
        }
    }

    /// An empty object of the subject's kind, to join pieces with.
    fn empty(&self) -> Value {
        match self.data {
            SubjectData::Str(_) => Value::str(""),
            SubjectData::Bytes(_) => Value::Obj(PyBytes::new_obj(Vec::new())),
        }
    }
}

/// How a match attempt is anchored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// At the start position (`match`).
    Match,
    /// At the start position, to the end (`fullmatch`).
    FullMatch,
    /// At the first position that matches (`search`).
    Search,
}

/// A successful match: the group spans (0 is the whole match) and the last group closed.
pub struct Found {
    regs: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
}

impl Found {
    fn end(&self) -> usize {
        self.regs[0].map_or(0, |(_, e)| e)
    }

    fn start(&self) -> usize {
        self.regs[0].map_or(0, |(s, _)| s)
    }
}

/// Runs `code` over `subject[..end]` from `pos`.
fn run(
    code: &[u32],
    groups: usize,
    subject: &Subject,
    pos: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    match subject.units() {
        Units::U8(t) => run_units(code, groups, t, pos, end, mode, must_advance),
        Units::U16(t) => run_units(code, groups, t, pos, end, mode, must_advance),
        Units::U32(t) => run_units(code, groups, t, pos, end, mode, must_advance),
    }
}

fn run_units<T: Unit>(
    code: &[u32],
    groups: usize,
    text: &[T],
    pos: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<Option<Found>> {
    let mut engine = Engine::new(code, text, end, groups);
    engine.must_advance = must_advance;
    engine.match_all = mode == Mode::FullMatch;
    let span = match mode {
        Mode::Search => engine.search(pos),
        Mode::Match | Mode::FullMatch => engine.match_at(pos).map(|e| (pos, e)),
    };
    if engine.error {
        return Err(PyErr::runtime_error("internal error in regular expression engine"));
    }
    Ok(span.map(|span| {
        let mut regs = Vec::with_capacity(groups + 1);
        regs.push(Some(span));
        regs.extend(engine.spans(groups));
        Found { regs, lastindex: engine.lastindex }
    }))
}

/// A `pos`/`endpos` argument clamped to `0..=len` as CPython's `state_init` does.
fn clamp_index(ctx: &mut Ctx, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let i = protocol::index(ctx, v, what)?;
    let i = match pyrite_object::methods::int::to_i64(&i) {
        Ok(i) => i,
        Err(_) => return Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
    };
    Ok(usize::try_from(i.max(0)).unwrap_or(usize::MAX).min(len))
}

/// Calls `re.<name>(*args)` (the helpers `_subx` and `_expand` that `_sre` uses).
fn call_re_helper(ctx: &mut Ctx, name: &str, args: &[Value]) -> PyResult {
    let modules = pyrite_vm::state::vm(ctx).modules.clone();
    let re = match modules
        .downcast::<pyrite_object::types::dict::PyDict>()
        .and_then(|d| d.get_str(&PyStr::from_str("re")))
    {
        Some(re) => re,
        None => {
            let builtins = modules
                .downcast::<pyrite_object::types::dict::PyDict>()
                .and_then(|d| d.get_str(&PyStr::from_str("builtins")))
                .ok_or_else(|| PyErr::runtime_error("lost builtins module"))?;
            let import = protocol::getattr_str(ctx, &builtins, "__import__")?;
            protocol::call_positional(ctx, &import, &[Value::str("re")])?
        }
    };
    let helper = protocol::getattr_str(ctx, &re, name)?;
    protocol::call_positional(ctx, &helper, args)
}
