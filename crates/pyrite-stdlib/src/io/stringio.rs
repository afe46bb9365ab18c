//! `StringIO`: an in-memory text stream of code points, with `newline` translation on
//! write (`None`: `\r\n` and `\r` become `\n`; `\r`/`\r\n`: `\n` becomes that) and line
//! splitting on read as `TextIOWrapper` does it.

use std::cell::RefCell;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::newlines::{CR, LF, ReadMode, newlines_value, scan, translate};
use super::{add_property, int_arg, new_instance, size_arg, split_self, unsupported};

#[derive(Default)]
struct State {
    ok: bool,
    closed: bool,
    buf: Vec<u32>,
    pos: usize,
    /// `newline=None`: translate on write.
    write_translate: bool,
    writenl: Option<Vec<u32>>,
    read_mode: Option<ReadMode>,
    universal: bool,
    seen: u8,
}

/// The payload of a `StringIO`.
pub struct StringIo {
    st: RefCell<State>,
}

impl Trace for StringIo {}
payload!(StringIo, "_io.StringIO", untracked);

/// `StringIO`.
pub fn stringio_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("StringIO", "_io", Some(super::base::textiobase_type()), TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| Ok(new_instance(StringIo { st: RefCell::new(State::default()) }, ty)));
            s.init = Some(stringio_init);
            s.next = Some(|ctx, v| {
                if !v.type_ref().is_same(stringio_type()) {
                    let line = super::call_method(ctx, v, "readline", &[])?;
                    let Some(s) = line.as_str() else {
                        return Err(PyErr::type_error(format!(
                            "readline() should have returned a str object, not '{}'",
                            line.type_name()
                        )));
                    };
                    return Ok(if s.is_empty() { None } else { Some(line) });
                }
                let line = readline(v, -1)?;
                Ok(if line.is_empty() { None } else { Some(Value::Obj(PyStr::from_code_points_obj(&line))) })
            });
        });
        add_methods(
            &ty,
            "StringIO",
            &[
                ("getvalue", |_, a| {
                    let s = open_state(&a)?;
                    Ok(Value::Obj(PyStr::from_code_points_obj(&s.st.borrow().buf)))
                }),
                ("read", m_read),
                ("readline", m_readline),
                ("write", m_write),
                ("seek", m_seek),
                ("tell", |_, a| Ok(Value::from(open_state(&a)?.st.borrow().pos))),
                ("truncate", m_truncate),
                ("close", |_, a| {
                    let s = this(&a)?;
                    let mut st = s.st.borrow_mut();
                    st.closed = true;
                    st.buf = Vec::new();
                    Ok(Value::None)
                }),
                ("readable", |_, a| open_state(&a).map(|_| Value::Bool(true))),
                ("writable", |_, a| open_state(&a).map(|_| Value::Bool(true))),
                ("seekable", |_, a| open_state(&a).map(|_| Value::Bool(true))),
                ("detach", |ctx, _| Err(unsupported(ctx, "detach"))),
            ],
        );
        add_property(
            &ty,
            "StringIO",
            "closed",
            |_, a| {
                let s = this(&a)?;
                check_init(s)?;
                Ok(Value::Bool(s.st.borrow().closed))
            },
            None,
        );
        add_property(&ty, "StringIO", "line_buffering", |_, a| open_state(&a).map(|_| Value::Bool(false)), None);
        add_property(
            &ty,
            "StringIO",
            "newlines",
            |_, a| {
                let s = open_state(&a)?;
                let st = s.st.borrow();
                Ok(if st.universal { newlines_value(st.seen) } else { Value::None })
            },
            None,
        );
        ty
    })
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a StringIo> {
    args.values
        .first()
        .and_then(|v| v.downcast::<StringIo>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_io.StringIO' object"))
}

fn check_init(s: &StringIo) -> PyResult<()> {
    if s.st.borrow().ok { Ok(()) } else { Err(PyErr::value_error("I/O operation on uninitialized object")) }
}

fn check_open(s: &StringIo) -> PyResult<()> {
    check_init(s)?;
    // StringIO's own wording has no full stop.
    if s.st.borrow().closed { Err(PyErr::value_error("I/O operation on closed file")) } else { Ok(()) }
}

fn open_state<'a>(args: &Args<'a>) -> PyResult<&'a StringIo> {
    let s = this(args)?;
    check_open(s)?;
    Ok(s)
}

fn stringio_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    const INIT: Params = Params::new("StringIO", &["initial_value", "newline"]);
    let [initial, newline] = INIT.bind(args)?;
    let s = v.downcast::<StringIo>().ok_or_else(|| PyErr::type_error("expected a StringIO"))?;
    let newline = match newline {
        None => Some("\n".to_owned()),
        Some(Value::None) => None,
        Some(n) => match n.as_str() {
            Some(n) => Some(n.as_str().to_owned()),
            None => {
                return Err(PyErr::type_error(format!("newline must be str or None, not {}", n.type_name())));
            }
        },
    };
    let (read_mode, writenl, write_translate) = match newline.as_deref() {
        None => (None, None, true),
        Some("") => (None, None, false),
        Some("\n") => (Some(ReadMode::Exact(vec![LF])), None, false),
        Some("\r") => (Some(ReadMode::Exact(vec![CR])), Some(vec![CR]), false),
        Some("\r\n") => (Some(ReadMode::Exact(vec![CR, LF])), Some(vec![CR, LF]), false),
        Some(other) => {
            return Err(PyErr::value_error(format!("illegal newline value: {}", PyStr::from_str(other).repr())));
        }
    };
    let universal = read_mode.is_none();
    *s.st.borrow_mut() = State {
        ok: true,
        write_translate,
        writenl,
        read_mode: read_mode.or(Some(ReadMode::Universal { translate: false })),
        universal,
        ..State::default()
    };
    match initial {
        None | Some(Value::None) => {}
        Some(init) => {
            let Some(text) = init.as_str() else {
                return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", init.type_name())));
            };
            write_cps(s, &text.code_points().collect::<Vec<_>>());
            s.st.borrow_mut().pos = 0;
        }
    }
    let _ = ctx;
    Ok(())
}

fn write_cps(s: &StringIo, text: &[u32]) -> usize {
    let mut st = s.st.borrow_mut();
    let mut seen = st.seen;
    let data = if st.write_translate {
        translate(text, true, &mut seen)
    } else if st.universal {
        translate(text, false, &mut seen)
    } else {
        match &st.writenl {
            Some(nl) => text.iter().flat_map(|&c| if c == LF { nl.clone() } else { vec![c] }).collect(),
            None => text.to_vec(),
        }
    };
    st.seen = seen;
    let pos = st.pos;
    if pos > st.buf.len() {
        st.buf.resize(pos, 0);
    }
    let end = pos + data.len();
    let overlap = end.min(st.buf.len());
    st.buf.splice(pos..overlap, data);
    st.pos = end;
    text.len()
}

fn readline(v: &Value, limit: i64) -> PyResult<Vec<u32>> {
    let s = v.downcast::<StringIo>().ok_or_else(|| PyErr::type_error("expected a StringIO"))?;
    check_open(s)?;
    let mut st = s.st.borrow_mut();
    let st = &mut *st;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let start = st.pos.min(st.buf.len());
    let mode = st.read_mode.clone().unwrap_or(ReadMode::Universal { translate: false });
    let mut seen = 0;
    let scanned = scan(&st.buf[start..], &mode, limit, true, true, &mut seen);
    st.pos = start + scanned.consumed;
    Ok(scanned.out)
}

fn m_read(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, rest) = split_self("read", args)?;
    let [size] = Params::new("read", &["size"]).positional_only(1).bind(rest)?;
    let n = size_arg(ctx, size)?;
    let s = open_state(&args)?;
    let mut st = s.st.borrow_mut();
    let start = st.pos.min(st.buf.len());
    let end = if n < 0 { st.buf.len() } else { (start + usize::try_from(n).unwrap_or(0)).min(st.buf.len()) };
    let out = Value::Obj(PyStr::from_code_points_obj(&st.buf[start..end]));
    st.pos = end.max(st.pos);
    Ok(out)
}

fn m_readline(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("readline", args)?;
    let [size] = Params::new("readline", &["size"]).positional_only(1).bind(rest)?;
    let n = size_arg(ctx, size)?;
    Ok(Value::Obj(PyStr::from_code_points_obj(&readline(v, n)?)))
}

fn m_write(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, rest) = split_self("write", args)?;
    let text = rest.values.first().ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    let s = this(&args)?;
    check_open(s)?;
    let Some(text) = text.as_str() else {
        return Err(PyErr::type_error(format!("string argument expected, got '{}'", text.type_name())));
    };
    let cps: Vec<u32> = text.code_points().collect();
    if cps.is_empty() {
        return Ok(Value::Int(0));
    }
    Ok(Value::from(write_cps(s, &cps)))
}

fn m_seek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("seek", &["pos", "whence"]).required(1).positional_only(2);
    let (_, rest) = split_self("seek", args)?;
    let [pos, whence] = PARAMS.bind(rest)?;
    let pos = int_arg(ctx, pos.unwrap_or(&Value::Int(0)))?;
    let whence = match whence {
        Some(w) => int_arg(ctx, w)?,
        None => 0,
    };
    let s = open_state(&args)?;
    let mut st = s.st.borrow_mut();
    match whence {
        0 if pos < 0 => Err(PyErr::value_error(format!("Negative seek position {pos}"))),
        0 => {
            st.pos = usize::try_from(pos).unwrap_or(0);
            Ok(Value::Int(pos))
        }
        1 | 2 if pos != 0 => Err(PyErr::new(
            &types().os_error,
            if whence == 1 { "Can't do nonzero cur-relative seeks" } else { "Can't do nonzero end-relative seeks" },
        )),
        1 => Ok(Value::from(st.pos)),
        2 => {
            st.pos = st.buf.len();
            Ok(Value::from(st.pos))
        }
        _ => Err(PyErr::value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
}

fn m_truncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (_, rest) = split_self("truncate", args)?;
    let s = open_state(&args)?;
    let size = match rest.values.first() {
        None | Some(Value::None) => s.st.borrow().pos,
        Some(v) => {
            let n = int_arg(ctx, v)?;
            usize::try_from(n).map_err(|_| PyErr::value_error(format!("Negative size value {n}")))?
        }
    };
    let mut st = s.st.borrow_mut();
    if size < st.buf.len() {
        st.buf.truncate(size);
    }
    let _ = protocol::truthy;
    Ok(Value::from(size))
}
