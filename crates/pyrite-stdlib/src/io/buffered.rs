//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`: a buffer in
//! front of a raw stream. The raw stream is called natively when it is a `FileIO`, and
//! through its `readinto`/`write`/`seek` methods otherwise.

use std::cell::{Cell, RefCell};

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyByteArray;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::fileio::FileIo;
use super::{
    DEFAULT_BUFFER_SIZE, add_property, bytes_like, bytes_value, call_method, fill_buffer, int_arg, new_instance,
    repr_type_name, size_arg, split_self, unsupported,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reader,
    Writer,
    Random,
}

impl Kind {
    fn reads(self) -> bool {
        self != Kind::Writer
    }

    fn writes(self) -> bool {
        self != Kind::Reader
    }
}

#[derive(Default)]
struct BufState {
    size: usize,
    /// Read-ahead: `rbuf[rpos..]` is not consumed yet.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Written but not yet passed to the raw stream.
    wbuf: Vec<u8>,
}

/// The payload of the buffered readers and writers.
pub struct Buffered {
    raw: PayloadCell<Value>,
    kind: Cell<Kind>,
    ok: Cell<bool>,
    detached: Cell<bool>,
    st: RefCell<BufState>,
}

impl Trace for Buffered {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.raw.borrow().traverse(visit);
    }

    fn clear(&self) {
        let old = self.raw.replace(Value::None);
        drop(old);
    }
}

payload!(Buffered, "_io.BufferedReader", tracked);

impl Drop for Buffered {
    fn drop(&mut self) {
        // Unflushed output reaches a file even when the object is dropped without `close`,
        // as CPython's finalizer does it (here only when the raw stream is a `FileIO`).
        let pending = std::mem::take(&mut self.st.get_mut().wbuf);
        if !pending.is_empty()
            && let Some(f) = self.raw.borrow().downcast::<FileIo>()
            && !f.is_closed()
        {
            f.write_all_quietly(&pending);
        }
    }
}

impl Buffered {
    fn new(kind: Kind) -> Buffered {
        Buffered {
            raw: PayloadCell::new(Value::None),
            kind: Cell::new(kind),
            ok: Cell::new(false),
            detached: Cell::new(false),
            st: RefCell::new(BufState { size: DEFAULT_BUFFER_SIZE, ..BufState::default() }),
        }
    }

    /// Appends bytes to the write buffer without any I/O (for a text layer's finalizer).
    pub fn push_quietly(&self, data: &[u8]) {
        if let Ok(mut st) = self.st.try_borrow_mut() {
            st.wbuf.extend_from_slice(data);
        }
    }
}

fn make_type(name: &'static str, kind: Kind) -> ObjRef {
    let ty = new_native_type_with(name, "_io", Some(super::base::bufferediobase_type()), TYPE_BASETYPE, |s| {
        s.new = Some(match kind {
            Kind::Reader => |_, ty, _| Ok(new_instance(Buffered::new(Kind::Reader), ty)),
            Kind::Writer => |_, ty, _| Ok(new_instance(Buffered::new(Kind::Writer), ty)),
            Kind::Random => |_, ty, _| Ok(new_instance(Buffered::new(Kind::Random), ty)),
        });
        s.init = Some(buffered_init);
        s.repr = Some(buffered_repr);
        s.iter = Some(|ctx, v| {
            check_closed_buffered(ctx, v, "I/O operation on closed file.")?;
            Ok(v.clone())
        });
        s.next = Some(|ctx, v| {
            let line = readline_impl(ctx, v, -1)?;
            Ok(if line.is_empty() { None } else { Some(bytes_value(line)) })
        });
    });
    let mut methods: Vec<(&'static str, pyrite_object::types::function::NativeFn)> = vec![
        ("flush", m_flush),
        ("close", m_close),
        ("detach", m_detach),
        ("seek", m_seek),
        ("tell", m_tell),
        ("truncate", m_truncate),
        ("seekable", |ctx, a| delegate(ctx, a, "seekable")),
        ("readable", |ctx, a| delegate(ctx, a, "readable")),
        ("writable", |ctx, a| delegate(ctx, a, "writable")),
        ("fileno", |ctx, a| delegate(ctx, a, "fileno")),
        ("isatty", |ctx, a| delegate(ctx, a, "isatty")),
        ("__getstate__", |_, a| {
            let v = a.values.first().cloned().unwrap_or(Value::None);
            Err(PyErr::type_error(format!("cannot pickle '{}' object", v.type_name())))
        }),
    ];
    if kind.reads() {
        methods.extend_from_slice(&[
            ("read", m_read as pyrite_object::types::function::NativeFn),
            ("read1", m_read1),
            ("peek", m_peek),
            ("readinto", |ctx, a| m_readinto(ctx, a, false)),
            ("readinto1", |ctx, a| m_readinto(ctx, a, true)),
            ("readline", m_readline),
        ]);
    }
    if kind.writes() {
        methods.push(("write", m_write));
    }
    add_methods(&ty, name, &methods);
    add_property(&ty, name, "raw", |_, a| Ok(this(&a)?.raw.borrow().clone()), None);
    add_property(&ty, name, "closed", |ctx, a| Ok(Value::Bool(raw_closed(ctx, &raw_of(&a)?)?)), None);
    add_property(&ty, name, "name", |ctx, a| protocol::getattr_str(ctx, &raw_of(&a)?, "name"), None);
    add_property(&ty, name, "mode", |ctx, a| protocol::getattr_str(ctx, &raw_of(&a)?, "mode"), None);
    ty
}

/// `BufferedReader`.
pub fn reader_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| make_type("BufferedReader", Kind::Reader))
}

/// `BufferedWriter`.
pub fn writer_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| make_type("BufferedWriter", Kind::Writer))
}

/// `BufferedRandom`.
pub fn random_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| make_type("BufferedRandom", Kind::Random))
}

/// Whether `v` is exactly one of the native buffered types (its methods may be skipped).
pub fn is_native(v: &Value) -> bool {
    let ty = v.type_ref();
    v.downcast::<Buffered>().is_some()
        && (ty.is_same(reader_type()) || ty.is_same(writer_type()) || ty.is_same(random_type()))
}

/// Whether a native buffered object over a `FileIO` is closed (`None`: not that kind).
pub fn native_closed(v: &Value) -> Option<bool> {
    if !is_native(v) {
        return None;
    }
    let b = v.downcast::<Buffered>()?;
    let raw = b.raw.borrow();
    native_raw(&raw).map(FileIo::is_closed)
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a Buffered> {
    args.values
        .first()
        .and_then(|v| v.downcast::<Buffered>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a buffered object"))
}

fn payload_of(v: &Value) -> PyResult<&Buffered> {
    v.downcast::<Buffered>().ok_or_else(|| PyErr::type_error("descriptor requires a buffered object"))
}

fn raw_checked(b: &Buffered) -> PyResult<Value> {
    if b.detached.get() {
        return Err(PyErr::value_error("raw stream has been detached"));
    }
    if !b.ok.get() {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    Ok(b.raw.borrow().clone())
}

fn raw_of(args: &Args<'_>) -> PyResult<Value> {
    raw_checked(this(args)?)
}

fn raw_closed(ctx: &mut Ctx, raw: &Value) -> PyResult<bool> {
    if let Some(f) = raw.downcast::<FileIo>()
        && raw.type_ref().is_same(super::fileio::fileio_type())
    {
        return Ok(f.is_closed());
    }
    super::is_closed(ctx, raw)
}

fn check_closed_buffered(ctx: &mut Ctx, v: &Value, message: &str) -> PyResult<()> {
    let raw = raw_checked(payload_of(v)?)?;
    if raw_closed(ctx, &raw)? {
        return Err(PyErr::value_error(message));
    }
    Ok(())
}

fn native_raw(raw: &Value) -> Option<&FileIo> {
    raw.downcast::<FileIo>().filter(|_| raw.type_ref().is_same(super::fileio::fileio_type()))
}

/// One raw read of up to `n` bytes; `None` when it would block.
fn raw_read(ctx: &mut Ctx, raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = native_raw(raw) {
        return f.read_native(ctx, n);
    }
    let buffer = Value::Obj(PyByteArray::new_obj(vec![0; n]));
    let got = call_method(ctx, raw, "readinto", std::slice::from_ref(&buffer))?;
    if got.is_none() {
        return Ok(None);
    }
    let got = int_arg(ctx, &got)?;
    let got = usize::try_from(got).ok().filter(|&g| g <= n).ok_or_else(|| {
        PyErr::new(
            &types().os_error,
            format!("raw readinto() returned invalid length {got} (should have been between 0 and {n})"),
        )
    })?;
    let mut data = buffer.downcast::<PyByteArray>().map(PyByteArray::to_vec).unwrap_or_default();
    data.truncate(got);
    Ok(Some(data))
}

/// One raw write; `None` when it would block.
fn raw_write(ctx: &mut Ctx, raw: &Value, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(f) = native_raw(raw) {
        return f.write_native(ctx, data);
    }
    let n = call_method(ctx, raw, "write", &[bytes_value(data.to_vec())])?;
    if n.is_none() {
        return Ok(None);
    }
    let n = int_arg(ctx, &n)?;
    usize::try_from(n).ok().filter(|&k| k <= data.len()).map(Some).ok_or_else(|| {
        PyErr::new(
            &types().os_error,
            format!("raw write() returned invalid length {n} (should have been between 0 and {})", data.len()),
        )
    })
}

fn raw_seek(ctx: &mut Ctx, raw: &Value, pos: i64, whence: i64) -> PyResult<i64> {
    if let Some(f) = native_raw(raw) {
        return f.seek_native(ctx, pos, whence);
    }
    let result = call_method(ctx, raw, "seek", &[Value::Int(pos), Value::Int(whence)])?;
    let p = int_arg(ctx, &result)?;
    if p < 0 {
        return Err(PyErr::new(&types().os_error, format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

/// Passes the write buffer to the raw stream.
fn flush_writes(ctx: &mut Ctx, b: &Buffered, raw: &Value) -> PyResult<()> {
    loop {
        let data = {
            let st = b.st.borrow();
            if st.wbuf.is_empty() {
                return Ok(());
            }
            st.wbuf.clone()
        };
        match raw_write(ctx, raw, &data)? {
            Some(n) => {
                b.st.borrow_mut().wbuf.drain(..n.min(data.len()));
            }
            None => {
                return Err(PyErr::with_args(
                    &types().blocking_io_error,
                    vec![Value::Int(11), Value::str("write could not complete without blocking"), Value::Int(0)],
                ));
            }
        }
    }
}

/// Gives back read-ahead: moves the raw position back to the logical one.
fn rewind_reads(ctx: &mut Ctx, b: &Buffered, raw: &Value) -> PyResult<()> {
    let unread = {
        let mut st = b.st.borrow_mut();
        let unread = st.rbuf.len() - st.rpos;
        st.rbuf.clear();
        st.rpos = 0;
        unread
    };
    if unread > 0 {
        raw_seek(ctx, raw, -i64::try_from(unread).unwrap_or(0), 1)?;
    }
    Ok(())
}

/// Fills the read buffer with one raw read; returns false at the end or when it would block.
fn fill(ctx: &mut Ctx, b: &Buffered, raw: &Value, at_least: usize) -> PyResult<bool> {
    let size = b.st.borrow().size.max(at_least);
    match raw_read(ctx, raw, size)? {
        Some(data) if !data.is_empty() => {
            let mut st = b.st.borrow_mut();
            let rpos = st.rpos;
            st.rbuf.drain(..rpos);
            st.rpos = 0;
            st.rbuf.extend_from_slice(&data);
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn take_available(b: &Buffered, n: usize) -> Vec<u8> {
    let mut st = b.st.borrow_mut();
    let end = (st.rpos + n).min(st.rbuf.len());
    let out = st.rbuf[st.rpos..end].to_vec();
    st.rpos = end;
    out
}

fn available(b: &Buffered) -> usize {
    let st = b.st.borrow();
    st.rbuf.len() - st.rpos
}

/// Prepares for reading: writes pending output first (`BufferedRandom`).
fn start_read<'a>(ctx: &mut Ctx, v: &'a Value) -> PyResult<(Value, &'a Buffered)> {
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    if !b.kind.get().reads() {
        return Err(unsupported(ctx, "read"));
    }
    if available(b) == 0 && raw_closed(ctx, &raw)? {
        return Err(PyErr::value_error("read of closed file"));
    }
    if !b.st.borrow().wbuf.is_empty() {
        flush_writes(ctx, b, &raw)?;
    }
    Ok((raw, b))
}

/// `read(n)`; `None` when nothing could be read without blocking.
pub fn read_impl(ctx: &mut Ctx, v: &Value, n: i64) -> PyResult<Option<Vec<u8>>> {
    let (raw, b) = start_read(ctx, v)?;
    if n < -1 {
        return Err(PyErr::value_error("read length must be non-negative or -1"));
    }
    if n < 0 {
        let mut out = take_available(b, usize::MAX);
        let rest = match native_raw(&raw) {
            Some(f) => f.readall_native(ctx)?,
            None => {
                let mut acc: Option<Vec<u8>> = None;
                loop {
                    let size = b.st.borrow().size;
                    match raw_read(ctx, &raw, size)? {
                        Some(chunk) if chunk.is_empty() => break acc.or(Some(Vec::new())),
                        Some(chunk) => acc.get_or_insert_with(Vec::new).extend_from_slice(&chunk),
                        None => break acc,
                    }
                }
            }
        };
        return Ok(match rest {
            Some(rest) => {
                out.extend_from_slice(&rest);
                Some(out)
            }
            None if out.is_empty() => None,
            None => Some(out),
        });
    }
    let n = usize::try_from(n).unwrap_or(0);
    let mut out = take_available(b, n);
    while out.len() < n {
        let wanted = n - out.len();
        let size = b.st.borrow().size;
        match raw_read(ctx, &raw, wanted.max(size))? {
            Some(chunk) if chunk.is_empty() => break,
            Some(chunk) => {
                let (now, later) = chunk.split_at(wanted.min(chunk.len()));
                out.extend_from_slice(now);
                let mut st = b.st.borrow_mut();
                st.rbuf = later.to_vec();
                st.rpos = 0;
            }
            None => {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
        }
    }
    Ok(Some(out))
}

/// `read1(n)`: at most one raw read.
pub fn read1_impl(ctx: &mut Ctx, v: &Value, n: i64) -> PyResult<Vec<u8>> {
    let (raw, b) = start_read(ctx, v)?;
    let n = if n < 0 { b.st.borrow().size } else { usize::try_from(n).unwrap_or(0) };
    if n == 0 {
        return Ok(Vec::new());
    }
    if available(b) == 0 {
        fill(ctx, b, &raw, 0)?;
    }
    Ok(take_available(b, n))
}

/// `readline(limit)`.
pub fn readline_impl(ctx: &mut Ctx, v: &Value, limit: i64) -> PyResult<Vec<u8>> {
    let (raw, b) = start_read(ctx, v)?;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    loop {
        {
            let mut st = b.st.borrow_mut();
            let avail = &st.rbuf[st.rpos..];
            let room = limit - out.len();
            let found = avail.iter().take(room).position(|&c| c == b'\n');
            let take = found.map_or(avail.len().min(room), |i| i + 1);
            out.extend_from_slice(&avail[..take]);
            st.rpos += take;
            if found.is_some() || out.len() >= limit {
                return Ok(out);
            }
        }
        if !fill(ctx, b, &raw, 0)? {
            return Ok(out);
        }
    }
}

/// `write(data)`: returns the number of bytes taken.
pub fn write_impl(ctx: &mut Ctx, v: &Value, data: &[u8]) -> PyResult<usize> {
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    if !b.kind.get().writes() {
        return Err(unsupported(ctx, "write"));
    }
    if raw_closed(ctx, &raw)? {
        return Err(PyErr::value_error("write to closed file"));
    }
    if available(b) > 0 || !b.st.borrow().rbuf.is_empty() {
        rewind_reads(ctx, b, &raw)?;
    }
    let full = {
        let mut st = b.st.borrow_mut();
        st.wbuf.extend_from_slice(data);
        st.wbuf.len() >= st.size
    };
    if full {
        flush_writes(ctx, b, &raw)?;
    }
    Ok(data.len())
}

/// `flush()`.
pub fn flush_impl(ctx: &mut Ctx, v: &Value) -> PyResult<()> {
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    if raw_closed(ctx, &raw)? {
        if b.kind.get().writes() {
            return Err(PyErr::value_error("flush of closed file"));
        }
        return Err(super::closed_error());
    }
    flush_writes(ctx, b, &raw)?;
    if b.kind.get() == Kind::Random {
        rewind_reads(ctx, b, &raw)?;
    }
    Ok(())
}

/// `tell()`.
pub fn tell_impl(ctx: &mut Ctx, v: &Value) -> PyResult<i64> {
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    let pos = raw_seek(ctx, &raw, 0, 1)?;
    let st = b.st.borrow();
    let pos = pos - i64::try_from(st.rbuf.len() - st.rpos).unwrap_or(0) + i64::try_from(st.wbuf.len()).unwrap_or(0);
    Ok(pos.max(0))
}

/// `seek(pos, whence)`.
pub fn seek_impl(ctx: &mut Ctx, v: &Value, pos: i64, whence: i64) -> PyResult<i64> {
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!("whence value {whence} unsupported")));
    }
    if raw_closed(ctx, &raw)? {
        return Err(PyErr::value_error("seek of closed file"));
    }
    flush_writes(ctx, b, &raw)?;
    let unread = i64::try_from(available(b)).unwrap_or(0);
    let pos = if whence == 1 { pos - unread } else { pos };
    {
        let mut st = b.st.borrow_mut();
        st.rbuf.clear();
        st.rpos = 0;
    }
    raw_seek(ctx, &raw, pos, whence)
}

fn buffered_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    const INIT: Params = Params::new("BufferedReader", &["raw", "buffer_size"]).required(1);
    let [raw, size] = INIT.bind(args)?;
    let b = payload_of(v)?;
    let raw = raw.cloned().unwrap_or(Value::None);
    let kind = b.kind.get();
    b.ok.set(false);
    let checks: &[(&str, &str)] = match kind {
        Kind::Reader => &[("readable", "File or stream is not readable.")],
        Kind::Writer => &[("writable", "File or stream is not writable.")],
        Kind::Random => &[
            ("seekable", "File or stream is not seekable."),
            ("readable", "File or stream is not readable."),
            ("writable", "File or stream is not writable."),
        ],
    };
    for (method, message) in checks {
        let ok = call_method(ctx, &raw, method, &[])?;
        if !protocol::truthy(ctx, &ok)? {
            return Err(unsupported(ctx, message));
        }
    }
    let size = match size {
        None => DEFAULT_BUFFER_SIZE as i64,
        Some(s) => int_arg(ctx, s)?,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    let old = b.raw.replace(raw);
    drop(old);
    *b.st.borrow_mut() = BufState { size: usize::try_from(size).unwrap_or(DEFAULT_BUFFER_SIZE), ..BufState::default() };
    b.detached.set(false);
    b.ok.set(true);
    Ok(())
}

fn buffered_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let type_name = repr_type_name(v);
    match protocol::getattr_str(ctx, v, "name") {
        Ok(name) => {
            let name = protocol::repr_string(ctx, &name)?;
            Ok(Value::str(&format!("<{type_name} name={name}>")))
        }
        Err(e) if e.matches(&types().attribute_error) || e.matches(&types().value_error) => {
            Ok(Value::str(&format!("<{type_name}>")))
        }
        Err(e) => Err(e),
    }
}

fn delegate(ctx: &mut Ctx, args: Args<'_>, method: &str) -> PyResult {
    let raw = raw_of(&args)?;
    call_method(ctx, &raw, method, &[])
}

fn one_size(ctx: &mut Ctx, args: Args<'_>, name: &'static str) -> PyResult<(Value, i64)> {
    let (v, rest) = split_self(name, args)?;
    let params = Params::new(name, &["size"]).positional_only(1);
    let [size] = params.bind(rest)?;
    Ok((v.clone(), size_arg(ctx, size)?))
}

fn m_read(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, n) = one_size(ctx, args, "read")?;
    Ok(read_impl(ctx, &v, n)?.map_or(Value::None, bytes_value))
}

fn m_read1(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, n) = one_size(ctx, args, "read1")?;
    Ok(bytes_value(read1_impl(ctx, &v, n)?))
}

fn m_peek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = one_size(ctx, args, "peek")?;
    let (raw, b) = start_read(ctx, &v)?;
    if available(b) == 0 {
        fill(ctx, b, &raw, 0)?;
    }
    let st = b.st.borrow();
    Ok(bytes_value(st.rbuf[st.rpos..].to_vec()))
}

fn m_readinto(ctx: &mut Ctx, args: Args<'_>, one: bool) -> PyResult {
    let (v, rest) = split_self("readinto", args)?;
    let target =
        rest.values.first().ok_or_else(|| PyErr::type_error("readinto() takes exactly one argument (0 given)"))?;
    let n = super::buffer_len(target)?;
    let n = i64::try_from(n).unwrap_or(0);
    let data = if one { Some(read1_impl(ctx, v, n)?) } else { read_impl(ctx, v, n)? };
    match data {
        Some(data) => Ok(Value::from(fill_buffer(target, &data)?)),
        None => Ok(Value::None),
    }
}

fn m_readline(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, n) = one_size(ctx, args, "readline")?;
    Ok(bytes_value(readline_impl(ctx, &v, n)?))
}

fn m_write(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("write", args)?;
    let data = rest.values.first().ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    let data = bytes_like(data)?;
    Ok(Value::from(write_impl(ctx, v, &data)?))
}

fn m_flush(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("flush", args)?;
    flush_impl(ctx, v)?;
    Ok(Value::None)
}

fn m_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("close", args)?;
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    if raw_closed(ctx, &raw)? {
        return Ok(Value::None);
    }
    let flushed = if b.kind.get().writes() { flush_writes(ctx, b, &raw) } else { Ok(()) };
    {
        let mut st = b.st.borrow_mut();
        st.rbuf.clear();
        st.rpos = 0;
        if flushed.is_err() {
            st.wbuf.clear();
        }
    }
    let closed = call_method(ctx, &raw, "close", &[]);
    flushed?;
    closed.map(|_| Value::None)
}

fn m_detach(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("detach", args)?;
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    call_method(ctx, v, "flush", &[])?;
    b.detached.set(true);
    let old = b.raw.replace(Value::None);
    drop(old);
    Ok(raw)
}

fn m_seek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("seek", &["target", "whence"]).required(1).positional_only(2);
    let (v, rest) = split_self("seek", args)?;
    let [pos, whence] = PARAMS.bind(rest)?;
    let pos = pos.cloned().unwrap_or(Value::Int(0));
    if matches!(pos, Value::Float(_)) {
        return Err(PyErr::type_error("an integer is required"));
    }
    let pos = int_arg(ctx, &pos)?;
    let whence = match whence {
        Some(w) => int_arg(ctx, w)?,
        None => 0,
    };
    Ok(Value::Int(seek_impl(ctx, v, pos, whence)?))
}

fn m_tell(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = split_self("tell", args)?;
    Ok(Value::Int(tell_impl(ctx, v)?))
}

fn m_truncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = split_self("truncate", args)?;
    let b = payload_of(v)?;
    let raw = raw_checked(b)?;
    if !b.kind.get().writes() {
        return Err(unsupported(ctx, "truncate"));
    }
    flush_impl(ctx, v)?;
    let pos = match rest.values.first() {
        None | Some(Value::None) => Value::Int(tell_impl(ctx, v)?),
        Some(p) => p.clone(),
    };
    call_method(ctx, &raw, "truncate", &[pos])
}

/// The payload of a `BufferedRWPair`: a reader and a writer.
pub struct RwPair {
    reader: PayloadCell<Value>,
    writer: PayloadCell<Value>,
}

impl Trace for RwPair {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.reader.borrow().traverse(visit);
        self.writer.borrow().traverse(visit);
    }

    fn clear(&self) {
        let old = (self.reader.replace(Value::None), self.writer.replace(Value::None));
        drop(old);
    }
}

payload!(RwPair, "_io.BufferedRWPair", tracked);

/// `BufferedRWPair`.
pub fn rwpair_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with(
            "BufferedRWPair",
            "_io",
            Some(super::base::bufferediobase_type()),
            TYPE_BASETYPE,
            |s| {
                s.new = Some(|_, ty, _| {
                    Ok(new_instance(
                        RwPair { reader: PayloadCell::new(Value::None), writer: PayloadCell::new(Value::None) },
                        ty,
                    ))
                });
                s.init = Some(rwpair_init);
            },
        );
        add_methods(
            &ty,
            "BufferedRWPair",
            &[
                ("read", |ctx, a| pair_call(ctx, a, true, "read")),
                ("peek", |ctx, a| pair_call(ctx, a, true, "peek")),
                ("read1", |ctx, a| pair_call(ctx, a, true, "read1")),
                ("readinto", |ctx, a| pair_call(ctx, a, true, "readinto")),
                ("readinto1", |ctx, a| pair_call(ctx, a, true, "readinto1")),
                ("readable", |ctx, a| pair_call(ctx, a, true, "readable")),
                ("write", |ctx, a| pair_call(ctx, a, false, "write")),
                ("flush", |ctx, a| pair_call(ctx, a, false, "flush")),
                ("writable", |ctx, a| pair_call(ctx, a, false, "writable")),
                ("isatty", |ctx, a| {
                    let r = pair_call(ctx, a, false, "isatty")?;
                    if protocol::truthy(ctx, &r)? { Ok(r) } else { pair_call(ctx, a, true, "isatty") }
                }),
                ("close", |ctx, a| {
                    let w = pair_call(ctx, a, false, "close");
                    let r = pair_call(ctx, a, true, "close");
                    w?;
                    r
                }),
            ],
        );
        add_property(
            &ty,
            "BufferedRWPair",
            "closed",
            |ctx, a| {
                let writer = pair_part(&a, false)?;
                protocol::getattr_str(ctx, &writer, "closed")
            },
            None,
        );
        ty
    })
}

fn pair_part(args: &Args<'_>, reader: bool) -> PyResult<Value> {
    let p = args
        .values
        .first()
        .and_then(|v| v.downcast::<RwPair>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_io.BufferedRWPair' object"))?;
    let part = if reader { p.reader.borrow().clone() } else { p.writer.borrow().clone() };
    if part.is_none() {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    Ok(part)
}

fn pair_call(ctx: &mut Ctx, args: Args<'_>, reader: bool, method: &str) -> PyResult {
    let part = pair_part(&args, reader)?;
    let rest = args.values.get(1..).unwrap_or_default();
    call_method(ctx, &part, method, rest)
}

fn rwpair_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    const INIT: Params = Params::new("BufferedRWPair", &["reader", "writer", "buffer_size"]).required(2);
    let [reader, writer, size] = INIT.bind(args)?;
    let size = size.cloned().unwrap_or(Value::from(DEFAULT_BUFFER_SIZE));
    let r = protocol::call_positional(
        ctx,
        &Value::Obj(reader_type().clone()),
        &[reader.cloned().unwrap_or(Value::None), size.clone()],
    )?;
    let w = protocol::call_positional(
        ctx,
        &Value::Obj(writer_type().clone()),
        &[writer.cloned().unwrap_or(Value::None), size],
    )?;
    let p = v.downcast::<RwPair>().ok_or_else(|| PyErr::type_error("expected a BufferedRWPair"))?;
    let old = (p.reader.replace(r), p.writer.replace(w));
    drop(old);
    Ok(())
}
