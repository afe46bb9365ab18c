//! `TextIOWrapper`: text over a binary buffer. Output is encoded into a pending buffer
//! passed on in chunks (or at each line with `line_buffering`); input is decoded
//! incrementally and kept untranslated, so newline translation happens as it is read and
//! `tell()` can re-encode what is not consumed yet.

use std::cell::RefCell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::buffered;
use super::codec::{Decoder, Family, encode, writes_mark};
use super::newlines::{CR, LF, ReadMode, newlines_value, scan};
use super::{add_property, call_method, closed_error, int_arg, new_instance, size_arg, split_self, unsupported};

struct TextState {
    ok: bool,
    detached: bool,
    encoding: String,
    family: Family,
    errors: String,
    newline: Option<String>,
    read_mode: ReadMode,
    /// What `\n` becomes on output (`None`: written as is).
    writenl: Option<Vec<u32>>,
    line_buffering: bool,
    write_through: bool,
    chunk_size: usize,
    /// Encoded output not yet given to the buffer.
    pending: Vec<u8>,
    /// `None` when the buffer is not readable.
    decoder: Option<Decoder>,
    writable: bool,
    /// Decoded input, untranslated; `decoded[dpos..]` is not consumed yet.
    decoded: Vec<u32>,
    dpos: usize,
    seen: u8,
    /// A byte-order mark was written (or the stream did not start at 0).
    encoder_started: bool,
    seekable: bool,
    has_read1: bool,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            ok: false,
            detached: false,
            encoding: String::new(),
            family: Family::Utf8,
            errors: "strict".into(),
            newline: None,
            read_mode: ReadMode::Universal { translate: true },
            writenl: None,
            line_buffering: false,
            write_through: false,
            chunk_size: 8192,
            pending: Vec::new(),
            decoder: None,
            writable: false,
            decoded: Vec::new(),
            dpos: 0,
            seen: 0,
            encoder_started: false,
            seekable: false,
            has_read1: false,
        }
    }
}

/// The payload of a `TextIOWrapper`.
pub struct TextIo {
    buffer: PayloadCell<Value>,
    st: RefCell<TextState>,
}

impl Trace for TextIo {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.buffer.borrow().traverse(visit);
    }

    fn clear(&self) {
        let old = self.buffer.replace(Value::None);
        drop(old);
    }
}

payload!(TextIo, "_io.TextIOWrapper", tracked);

impl Drop for TextIo {
    fn drop(&mut self) {
        let pending = std::mem::take(&mut self.st.get_mut().pending);
        if !pending.is_empty()
            && let Some(b) = self.buffer.borrow().downcast::<buffered::Buffered>()
        {
            b.push_quietly(&pending);
        }
    }
}

/// `TextIOWrapper`.
pub fn textiowrapper_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty =
            new_native_type_with("TextIOWrapper", "_io", Some(super::base::textiobase_type()), TYPE_BASETYPE, |s| {
                s.new = Some(|_, ty, _| {
                    Ok(new_instance(
                        TextIo { buffer: PayloadCell::new(Value::None), st: RefCell::new(TextState::default()) },
                        ty,
                    ))
                });
                s.init = Some(text_init);
                s.repr = Some(text_repr);
                s.next = Some(|ctx, v| {
                    let line = readline_impl(ctx, v, -1)?;
                    Ok(if line.is_empty() { None } else { Some(Value::Obj(PyStr::from_code_points_obj(&line))) })
                });
            });
        add_methods(
            &ty,
            "TextIOWrapper",
            &[
                ("write", m_write),
                ("read", m_read),
                ("readline", m_readline),
                ("flush", m_flush),
                ("close", m_close),
                ("detach", m_detach),
                ("seek", m_seek),
                ("tell", m_tell),
                ("truncate", m_truncate),
                ("reconfigure", m_reconfigure),
                ("fileno", |ctx, a| delegate(ctx, a, "fileno")),
                ("isatty", |ctx, a| delegate(ctx, a, "isatty")),
                ("seekable", |ctx, a| delegate(ctx, a, "seekable")),
                ("readable", |ctx, a| delegate(ctx, a, "readable")),
                ("writable", |ctx, a| delegate(ctx, a, "writable")),
                ("__getstate__", |_, a| {
                    let v = a.values.first().cloned().unwrap_or(Value::None);
                    Err(PyErr::type_error(format!("cannot pickle '{}' object", v.type_name())))
                }),
            ],
        );
        add_property(&ty, "TextIOWrapper", "encoding", |_, a| Ok(Value::str(&state(&a)?.encoding.clone())), None);
        add_property(&ty, "TextIOWrapper", "errors", |_, a| Ok(Value::str(&state(&a)?.errors.clone())), None);
        add_property(&ty, "TextIOWrapper", "line_buffering", |_, a| Ok(Value::Bool(state(&a)?.line_buffering)), None);
        add_property(&ty, "TextIOWrapper", "write_through", |_, a| Ok(Value::Bool(state(&a)?.write_through)), None);
        add_property(
            &ty,
            "TextIOWrapper",
            "newlines",
            |_, a| {
                let st = state(&a)?;
                Ok(if st.decoder.is_some() && matches!(st.read_mode, ReadMode::Universal { .. }) {
                    newlines_value(st.seen)
                } else {
                    Value::None
                })
            },
            None,
        );
        add_property(&ty, "TextIOWrapper", "buffer", |_, a| buffer_of(this(&a)?), None);
        add_property(
            &ty,
            "TextIOWrapper",
            "name",
            |ctx, a| {
                let buffer = buffer_of(this(&a)?)?;
                protocol::getattr_str(ctx, &buffer, "name")
            },
            None,
        );
        add_property(
            &ty,
            "TextIOWrapper",
            "closed",
            |ctx, a| {
                let buffer = buffer_of(this(&a)?)?;
                protocol::getattr_str(ctx, &buffer, "closed")
            },
            None,
        );
        add_property(
            &ty,
            "TextIOWrapper",
            "_CHUNK_SIZE",
            |_, a| Ok(Value::from(state(&a)?.chunk_size)),
            Some(|ctx, a| {
                let t = this(&a)?;
                let n = int_arg(ctx, a.values.get(1).unwrap_or(&Value::None))?;
                if n <= 0 {
                    return Err(PyErr::value_error("a strictly positive integer is required"));
                }
                t.st.borrow_mut().chunk_size = usize::try_from(n).unwrap_or(8192);
                Ok(Value::None)
            }),
        );
        ty
    })
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a TextIo> {
    args.values
        .first()
        .and_then(|v| v.downcast::<TextIo>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_io.TextIOWrapper' object"))
}

fn payload_of(v: &Value) -> PyResult<&TextIo> {
    v.downcast::<TextIo>().ok_or_else(|| PyErr::type_error("descriptor requires a '_io.TextIOWrapper' object"))
}

fn check_state(t: &TextIo) -> PyResult<()> {
    let st = t.st.borrow();
    if !st.ok {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    if st.detached {
        return Err(PyErr::value_error("underlying buffer has been detached"));
    }
    Ok(())
}

fn state<'a>(args: &Args<'a>) -> PyResult<std::cell::Ref<'a, TextState>> {
    let t = this(args)?;
    check_state(t)?;
    Ok(t.st.borrow())
}

fn buffer_of(t: &TextIo) -> PyResult<Value> {
    check_state(t)?;
    Ok(t.buffer.borrow().clone())
}

/// Whether the stream is closed (natively when the buffer is native).
fn closed(ctx: &mut Ctx, buffer: &Value) -> PyResult<bool> {
    if let Some(closed) = buffered::native_closed(buffer) {
        return Ok(closed);
    }
    super::is_closed(ctx, buffer)
}

fn check_open(ctx: &mut Ctx, t: &TextIo) -> PyResult<Value> {
    let buffer = buffer_of(t)?;
    if closed(ctx, &buffer)? {
        return Err(closed_error());
    }
    Ok(buffer)
}

fn delegate(ctx: &mut Ctx, args: Args<'_>, method: &str) -> PyResult {
    let buffer = buffer_of(this(&args)?)?;
    call_method(ctx, &buffer, method, &[])
}

fn text_arg<'a>(name: &str, v: Option<&'a Value>) -> PyResult<Option<&'a PyStr>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => v.as_str().map(Some).ok_or_else(|| {
            PyErr::type_error(format!("TextIOWrapper() argument '{name}' must be str or None, not {}", v.type_name()))
        }),
    }
}

fn newline_modes(newline: Option<&str>) -> PyResult<(ReadMode, Option<Vec<u32>>)> {
    Ok(match newline {
        None => (ReadMode::Universal { translate: true }, None),
        Some("") => (ReadMode::Universal { translate: false }, None),
        Some("\n") => (ReadMode::Exact(vec![LF]), None),
        Some("\r") => (ReadMode::Exact(vec![CR]), Some(vec![CR])),
        Some("\r\n") => (ReadMode::Exact(vec![CR, LF]), Some(vec![CR, LF])),
        Some(other) => {
            return Err(PyErr::value_error(format!("illegal newline value: {}", PyStr::from_str(other).repr())));
        }
    })
}

const INIT: Params =
    Params::new("TextIOWrapper", &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"])
        .required(1);

fn text_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [buffer, encoding, errors, newline, line_buffering, write_through] = INIT.bind(args)?;
    let t = payload_of(v)?;
    t.st.borrow_mut().ok = false;
    let buffer = buffer.cloned().unwrap_or(Value::None);
    let encoding = match text_arg("encoding", encoding)? {
        None => "UTF-8".to_owned(),
        Some(e) if e.as_str() == "locale" => "UTF-8".to_owned(),
        Some(e) => e.as_str().to_owned(),
    };
    if encoding.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let family = Family::lookup(&encoding)?;
    let errors = text_arg("errors", errors)?.map_or_else(|| "strict".to_owned(), |e| e.as_str().to_owned());
    let newline = text_arg("newline", newline)?.map(|n| n.as_str().to_owned());
    let (read_mode, writenl) = newline_modes(newline.as_deref())?;
    let line_buffering = match line_buffering {
        Some(b) => protocol::truthy(ctx, b)?,
        None => false,
    };
    let write_through = match write_through {
        Some(b) => protocol::truthy(ctx, b)?,
        None => false,
    };
    let readable = call_method(ctx, &buffer, "readable", &[])?;
    let readable = protocol::truthy(ctx, &readable)?;
    let writable = call_method(ctx, &buffer, "writable", &[])?;
    let writable = protocol::truthy(ctx, &writable)?;
    let seekable = call_method(ctx, &buffer, "seekable", &[])?;
    let seekable = protocol::truthy(ctx, &seekable)?;
    let has_read1 = buffered::is_native(&buffer) || protocol::getattr_str(ctx, &buffer, "read1").is_ok();
    let mut encoder_started = !writes_mark(family);
    if seekable && writable && !encoder_started {
        let pos = call_method(ctx, &buffer, "tell", &[])?;
        encoder_started = int_arg(ctx, &pos)? != 0;
    }
    let old = t.buffer.replace(buffer);
    drop(old);
    *t.st.borrow_mut() = TextState {
        ok: true,
        encoding,
        family,
        decoder: readable.then(|| Decoder::new(family, &errors)),
        errors,
        newline,
        read_mode,
        writenl,
        line_buffering,
        write_through,
        writable,
        encoder_started,
        seekable,
        has_read1,
        ..TextState::default()
    };
    Ok(())
}

fn text_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let mut out = format!("<{}", super::repr_type_name(v));
    for attr in ["name", "mode"] {
        match protocol::getattr_str(ctx, v, attr) {
            Ok(value) => {
                let r = protocol::repr_string(ctx, &value)?;
                out.push_str(&format!(" {attr}={r}"));
            }
            Err(e) if e.matches(&types().attribute_error) || e.matches(&types().value_error) => {}
            Err(e) => return Err(e),
        }
    }
    let t = payload_of(v)?;
    out.push_str(&format!(" encoding={}>", PyStr::from_str(&t.st.borrow().encoding).repr()));
    Ok(Value::str(&out))
}

/// Text to write: a Python str, or Rust text from `print`.
enum Text<'a> {
    Py(&'a PyStr),
    Rust(&'a str),
}

/// Encodes and queues text; returns its length in code points.
fn write_text(ctx: &mut Ctx, v: &Value, text: &Text<'_>) -> PyResult<usize> {
    let t = payload_of(v)?;
    let buffer = check_open(ctx, t)?;
    let (bytes, length, needflush, flush_now) = {
        let mut st = t.st.borrow_mut();
        if !st.writable {
            drop(st);
            return Err(unsupported(ctx, "not writable"));
        }
        let (has_lf, has_cr, length) = match text {
            Text::Rust(s) => (s.contains('\n'), s.contains('\r'), 0),
            Text::Py(s) => (s.code_points().any(|c| c == LF), s.code_points().any(|c| c == CR), s.len()),
        };
        let bom = !st.encoder_started;
        st.encoder_started = true;
        let bytes = match (text, &st.writenl) {
            (Text::Rust(s), None) if st.family == Family::Utf8 => s.as_bytes().to_vec(),
            (Text::Py(s), None) => encode(st.family, s, &st.errors, bom)?,
            (text, nl) => {
                let cps: Vec<u32> = match text {
                    Text::Py(s) => s.code_points().collect(),
                    Text::Rust(s) => s.chars().map(u32::from).collect(),
                };
                let cps: Vec<u32> = match nl {
                    Some(nl) if has_lf => {
                        cps.iter().flat_map(|&c| if c == LF { nl.clone() } else { vec![c] }).collect()
                    }
                    _ => cps,
                };
                encode(st.family, &PyStr::from_code_points(&cps), &st.errors, bom)?
            }
        };
        if st.dpos < st.decoded.len() || !st.decoded.is_empty() {
            st.decoded.clear();
            st.dpos = 0;
            let family = st.family;
            if let Some(d) = st.decoder.as_mut() {
                d.reset(family);
            }
        }
        let needflush = st.line_buffering && (has_lf || has_cr);
        st.pending.extend_from_slice(&bytes);
        let flush_now = st.pending.len() > st.chunk_size || needflush || st.write_through;
        (bytes.len(), length, needflush, flush_now)
    };
    let _ = bytes;
    if flush_now {
        flush_pending(ctx, t, &buffer)?;
    }
    if needflush {
        if buffered::is_native(&buffer) {
            buffered::flush_impl(ctx, &buffer)?;
        } else {
            call_method(ctx, &buffer, "flush", &[])?;
        }
    }
    Ok(length)
}

fn flush_pending(ctx: &mut Ctx, t: &TextIo, buffer: &Value) -> PyResult<()> {
    let pending = std::mem::take(&mut t.st.borrow_mut().pending);
    if pending.is_empty() {
        return Ok(());
    }
    if buffered::is_native(buffer) {
        buffered::write_impl(ctx, buffer, &pending)?;
    } else {
        call_method(ctx, buffer, "write", &[super::bytes_value(pending)])?;
    }
    Ok(())
}

/// `print`'s fast path: writes Rust text to an exact `TextIOWrapper` natively. `None`
/// when the object is something else (then `print` calls its `write`).
pub fn fast_write(ctx: &mut Ctx, stream: &Value, text: &str) -> Option<PyResult<()>> {
    if !stream.type_ref().is_same(textiowrapper_type()) {
        return None;
    }
    Some(write_text(ctx, stream, &Text::Rust(text)).map(drop))
}

/// Reads one chunk from the buffer into `decoded`; returns true at the end of the input.
fn read_chunk(ctx: &mut Ctx, t: &TextIo, buffer: &Value) -> PyResult<bool> {
    let (size, has_read1) = {
        let st = t.st.borrow();
        (st.chunk_size, st.has_read1)
    };
    let size_i = i64::try_from(size).unwrap_or(8192);
    let input = if buffered::is_native(buffer) {
        if has_read1 {
            Some(buffered::read1_impl(ctx, buffer, size_i)?)
        } else {
            buffered::read_impl(ctx, buffer, size_i)?
        }
    } else {
        let method = if has_read1 { "read1" } else { "read" };
        let data = call_method(ctx, buffer, method, &[Value::Int(size_i)])?;
        if data.is_none() {
            None
        } else {
            Some(pyrite_object::methods::bytes::buffer_bytes(&data).ok_or_else(|| {
                PyErr::type_error(format!(
                    "underlying {method}() should have returned a bytes-like object, not '{}'",
                    data.type_name()
                ))
            })?)
        }
    };
    let Some(input) = input else { return Ok(false) };
    let eof = input.is_empty();
    let mut st = t.st.borrow_mut();
    let chars = match st.decoder.as_mut() {
        Some(d) => d.decode(&input, eof)?,
        None => Vec::new(),
    };
    let dpos = st.dpos;
    st.decoded.drain(..dpos);
    st.dpos = 0;
    st.decoded.extend(chars);
    Ok(eof)
}

fn start_read<'a>(ctx: &mut Ctx, v: &'a Value) -> PyResult<(Value, &'a TextIo)> {
    let t = payload_of(v)?;
    let buffer = check_open(ctx, t)?;
    if t.st.borrow().decoder.is_none() {
        return Err(unsupported(ctx, "not readable"));
    }
    flush_pending(ctx, t, &buffer)?;
    Ok((buffer, t))
}

/// Takes up to `limit` code points (stopping after a line end when `line`).
fn take(ctx: &mut Ctx, t: &TextIo, buffer: &Value, limit: usize, line: bool) -> PyResult<Vec<u32>> {
    let mut out = Vec::new();
    let mut eof = false;
    loop {
        let done = {
            let mut st = t.st.borrow_mut();
            let st = &mut *st;
            let mut seen = st.seen;
            let scanned = scan(&st.decoded[st.dpos..], &st.read_mode, limit - out.len(), line, eof, &mut seen);
            st.seen = seen;
            st.dpos += scanned.consumed;
            out.extend(scanned.out);
            scanned.done || out.len() >= limit
        };
        if done || eof {
            return Ok(out);
        }
        eof = read_chunk(ctx, t, buffer)?;
    }
}

/// `readline(limit)` as code points.
fn readline_impl(ctx: &mut Ctx, v: &Value, limit: i64) -> PyResult<Vec<u32>> {
    let (buffer, t) = start_read(ctx, v)?;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    take(ctx, t, &buffer, limit, true)
}

fn read_impl(ctx: &mut Ctx, v: &Value, n: i64) -> PyResult<Vec<u32>> {
    let (buffer, t) = start_read(ctx, v)?;
    if n >= 0 {
        return take(ctx, t, &buffer, usize::try_from(n).unwrap_or(0), false);
    }
    let rest = if buffered::is_native(&buffer) {
        buffered::read_impl(ctx, &buffer, -1)?.unwrap_or_default()
    } else {
        let data = call_method(ctx, &buffer, "read", &[])?;
        if data.is_none() { Vec::new() } else { super::bytes_like(&data)? }
    };
    {
        let mut st = t.st.borrow_mut();
        let chars = match st.decoder.as_mut() {
            Some(d) => d.decode(&rest, true)?,
            None => Vec::new(),
        };
        st.decoded.extend(chars);
    }
    take(ctx, t, &buffer, usize::MAX, false)
}

fn str_value(cps: &[u32]) -> Value {
    Value::Obj(PyStr::from_code_points_obj(cps))
}

fn m_write(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("write", args)?;
    let text = rest.values.first().ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    let Some(s) = text.as_str() else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", text.type_name())));
    };
    Ok(Value::from(write_text(ctx, v, &Text::Py(s))?))
}

fn m_read(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("read", args)?;
    let [size] = Params::new("read", &["size"]).positional_only(1).bind(rest)?;
    let n = size_arg(ctx, size)?;
    Ok(str_value(&read_impl(ctx, v, n)?))
}

fn m_readline(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("readline", args)?;
    let [size] = Params::new("readline", &["size"]).positional_only(1).bind(rest)?;
    let n = size_arg(ctx, size)?;
    Ok(str_value(&readline_impl(ctx, v, n)?))
}

fn flush_impl(ctx: &mut Ctx, v: &Value) -> PyResult<()> {
    let t = payload_of(v)?;
    let buffer = check_open(ctx, t)?;
    flush_pending(ctx, t, &buffer)?;
    if buffered::is_native(&buffer) {
        buffered::flush_impl(ctx, &buffer)
    } else {
        call_method(ctx, &buffer, "flush", &[]).map(drop)
    }
}

fn m_flush(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("flush", args)?;
    flush_impl(ctx, v)?;
    Ok(Value::None)
}

fn m_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("close", args)?;
    let t = payload_of(v)?;
    let buffer = buffer_of(t)?;
    if closed(ctx, &buffer)? {
        return Ok(Value::None);
    }
    let flushed = if v.type_ref().is_same(textiowrapper_type()) {
        flush_impl(ctx, v)
    } else {
        call_method(ctx, v, "flush", &[]).map(drop)
    };
    let closed = call_method(ctx, &buffer, "close", &[]);
    flushed?;
    closed.map(|_| Value::None)
}

fn m_detach(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("detach", args)?;
    let t = payload_of(v)?;
    let buffer = buffer_of(t)?;
    call_method(ctx, v, "flush", &[])?;
    t.st.borrow_mut().detached = true;
    let old = t.buffer.replace(Value::None);
    drop(old);
    Ok(buffer)
}

/// Bytes the unconsumed decoded text took in the input.
fn unconsumed_bytes(st: &TextState) -> PyResult<usize> {
    let rest = &st.decoded[st.dpos..];
    if st.family == Family::Utf8 {
        let escape = st.errors == "surrogateescape";
        return Ok(rest
            .iter()
            .map(|&c| match c {
                0..0x80 => 1,
                0x80..0x800 => 2,
                0xDC80..0xDD00 if escape => 1,
                0x800..0x10000 => 3,
                _ => 4,
            })
            .sum());
    }
    Ok(encode(st.family.settled(), &PyStr::from_code_points(rest), &st.errors, false)?.len())
}

fn tell_impl(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let t = payload_of(v)?;
    let buffer = check_open(ctx, t)?;
    if !t.st.borrow().seekable {
        return Err(unsupported(ctx, "underlying stream is not seekable"));
    }
    flush_pending(ctx, t, &buffer)?;
    let pos = if buffered::is_native(&buffer) {
        buffered::tell_impl(ctx, &buffer)?
    } else {
        let p = call_method(ctx, &buffer, "tell", &[])?;
        int_arg(ctx, &p)?
    };
    let st = t.st.borrow();
    let pending = st.decoder.as_ref().map_or(0, |d| d.pending.len());
    let back = unconsumed_bytes(&st)? + pending;
    Ok(pos - i64::try_from(back).unwrap_or(0))
}

fn m_tell(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("tell", args)?;
    Ok(Value::Int(tell_impl(ctx, v)?))
}

fn reset_read(t: &TextIo, at_start: bool) {
    let mut st = t.st.borrow_mut();
    st.decoded.clear();
    st.dpos = 0;
    let family = st.family;
    if let Some(d) = st.decoder.as_mut() {
        let keep = if at_start { family } else { d.family.settled() };
        d.reset(keep);
    }
    st.encoder_started = !at_start || !writes_mark(family);
}

fn m_seek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("seek", &["cookie", "whence"]).required(1).positional_only(2);
    let (v, rest) = split_self("seek", args)?;
    let [cookie, whence] = PARAMS.bind(rest)?;
    let t = payload_of(v)?;
    let buffer = check_open(ctx, t)?;
    let cookie = int_arg(ctx, cookie.unwrap_or(&Value::Int(0)))?;
    let whence = match whence {
        Some(w) => int_arg(ctx, w)?,
        None => 0,
    };
    if !t.st.borrow().seekable {
        return Err(unsupported(ctx, "underlying stream is not seekable"));
    }
    match whence {
        0 => {}
        1 => {
            if cookie != 0 {
                return Err(unsupported(ctx, "can't do nonzero cur-relative seeks"));
            }
            return Ok(Value::Int(tell_impl(ctx, v)?));
        }
        2 => {
            if cookie != 0 {
                return Err(unsupported(ctx, "can't do nonzero end-relative seeks"));
            }
            flush_impl(ctx, v)?;
            reset_read(t, false);
            let pos = call_method(ctx, &buffer, "seek", &[Value::Int(0), Value::Int(2)])?;
            let pos = int_arg(ctx, &pos)?;
            if pos == 0 {
                reset_read(t, true);
            }
            return Ok(Value::Int(pos));
        }
        _ => return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    if cookie < 0 {
        return Err(PyErr::value_error(format!("negative seek position {cookie}")));
    }
    flush_impl(ctx, v)?;
    call_method(ctx, &buffer, "seek", &[Value::Int(cookie)])?;
    reset_read(t, cookie == 0);
    Ok(Value::Int(cookie))
}

fn m_truncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("truncate", args)?;
    let t = payload_of(v)?;
    let buffer = buffer_of(t)?;
    call_method(ctx, v, "flush", &[])?;
    let pos = rest.values.first().cloned().unwrap_or(Value::None);
    call_method(ctx, &buffer, "truncate", &[pos])
}

fn m_reconfigure(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params =
        Params::new("reconfigure", &["encoding", "errors", "newline", "line_buffering", "write_through"])
            .keyword_only(0);
    let (v, rest) = split_self("reconfigure", args)?;
    let [encoding, errors, newline, line_buffering, write_through] = PARAMS.bind(rest)?;
    let t = payload_of(v)?;
    check_state(t)?;
    let changes_codec =
        encoding.is_some_and(|e| !e.is_none()) || errors.is_some_and(|e| !e.is_none()) || newline.is_some();
    if changes_codec {
        let st = t.st.borrow();
        let read_started = st.dpos < st.decoded.len() || st.decoder.as_ref().is_some_and(|d| !d.pending.is_empty());
        drop(st);
        if read_started {
            return Err(unsupported(
                ctx,
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    let encoding = text_arg("encoding", encoding)?.map(|e| e.as_str().to_owned());
    let errors = text_arg("errors", errors)?.map(|e| e.as_str().to_owned());
    let newline = match newline {
        Some(n) => Some(text_arg("newline", Some(n))?.map(|s| s.as_str().to_owned())),
        None => None,
    };
    let line_buffering = match line_buffering {
        Some(b) if !b.is_none() => Some(protocol::truthy(ctx, b)?),
        _ => None,
    };
    let write_through = match write_through {
        Some(b) if !b.is_none() => Some(protocol::truthy(ctx, b)?),
        _ => None,
    };
    flush_impl(ctx, v)?;
    let mut st = t.st.borrow_mut();
    if let Some(enc) = encoding {
        let enc = if enc == "locale" { "UTF-8".to_owned() } else { enc };
        st.family = Family::lookup(&enc)?;
        st.encoding = enc;
        st.errors = errors.clone().unwrap_or_else(|| "strict".into());
    } else if let Some(e) = errors.clone() {
        st.errors = e;
    }
    if let Some(nl) = newline {
        let (read_mode, writenl) = newline_modes(nl.as_deref())?;
        st.read_mode = read_mode;
        st.writenl = writenl;
        st.newline = nl;
    }
    let (family, errs) = (st.family, st.errors.clone());
    if let Some(d) = st.decoder.as_mut() {
        *d = Decoder::new(family, &errs);
    }
    if let Some(b) = line_buffering {
        st.line_buffering = b;
    }
    if let Some(b) = write_through {
        st.write_through = b;
    }
    Ok(Value::None)
}
