//! `FileIO`: raw, unbuffered I/O on an operating-system file descriptor (read, write,
//! seek, truncate with one system call each), opened from a path with modes `r`/`w`/`a`/`x`
//! and `+`, or wrapping a descriptor the caller owns (`closefd=False`).

use std::cell::Cell;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::mem::ManuallyDrop;
use std::os::fd::{BorrowedFd, FromRawFd, IntoRawFd, RawFd};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::{
    DEFAULT_BUFFER_SIZE, add_property, bytes_like, bytes_value, closed_error, new_instance, os_error, repr_type_name,
    size_arg, split_self, unsupported,
};

/// The payload of a `FileIO`.
pub struct FileIo {
    /// The descriptor; -1 once closed.
    fd: Cell<RawFd>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// -1 unknown, 0 no, 1 yes.
    seekable: Cell<i8>,
    blksize: Cell<u64>,
}

impl Trace for FileIo {}
payload!(FileIo, "_io.FileIO", untracked);

impl Drop for FileIo {
    fn drop(&mut self) {
        self.close_fd();
    }
}

impl FileIo {
    fn new_closed() -> FileIo {
        FileIo {
            fd: Cell::new(-1),
            readable: Cell::new(false),
            writable: Cell::new(false),
            appending: Cell::new(false),
            created: Cell::new(false),
            closefd: Cell::new(true),
            seekable: Cell::new(-1),
            blksize: Cell::new(DEFAULT_BUFFER_SIZE as u64),
        }
    }

    /// The open descriptor, or `ValueError` when closed.
    pub fn fd(&self) -> PyResult<RawFd> {
        match self.fd.get() {
            fd if fd >= 0 => Ok(fd),
            _ => Err(closed_error()),
        }
    }

    pub fn is_closed(&self) -> bool {
        self.fd.get() < 0
    }

    pub fn blksize(&self) -> u64 {
        self.blksize.get()
    }

    fn close_fd(&self) -> Option<std::io::Error> {
        let fd = self.fd.replace(-1);
        if fd >= 0 && self.closefd.get() {
            // SAFETY: the descriptor is open and owned by this object (`closefd`); it was
            // just forgotten here, so it is closed exactly once.
            let owned = unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) };
            drop(owned);
        }
        None
    }

    /// Runs `f` on the descriptor as a `File` that is never closed here.
    fn with_file<R>(&self, f: impl FnOnce(&mut File) -> R) -> PyResult<R> {
        let fd = self.fd()?;
        // SAFETY: `fd` is non-negative and belongs to this object; the `File` is wrapped
        // in `ManuallyDrop`, so the descriptor is not closed when it goes out of scope.
        let mut file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
        Ok(f(&mut file))
    }

    /// One `read` system call of up to `n` bytes; `None` when it would block.
    pub fn read_native(&self, ctx: &mut Ctx, n: usize) -> PyResult<Option<Vec<u8>>> {
        if !self.readable.get() {
            return Err(unsupported(ctx, "File not open for reading"));
        }
        let mut buf = vec![0; n];
        let result = self.with_file(|f| retry(|| f.read(&mut buf)))?;
        match result {
            Ok(got) => {
                buf.truncate(got);
                Ok(Some(buf))
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(os_error(ctx, &e, None)),
        }
    }

    /// Reads to the end of the file; `None` when nothing could be read without blocking.
    pub fn readall_native(&self, ctx: &mut Ctx) -> PyResult<Option<Vec<u8>>> {
        if !self.readable.get() {
            return Err(unsupported(ctx, "File not open for reading"));
        }
        let mut out = Vec::new();
        let result = self.with_file(|f| {
            let mut chunk = vec![0; 64 * 1024];
            loop {
                match retry(|| f.read(&mut chunk)) {
                    Ok(0) => return Ok(true),
                    Ok(n) => out.extend_from_slice(&chunk[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(!out.is_empty()),
                    Err(e) => return Err(e),
                }
            }
        })?;
        match result {
            Ok(true) => Ok(Some(out)),
            Ok(false) => Ok(None),
            Err(e) => Err(os_error(ctx, &e, None)),
        }
    }

    /// One `write` system call; `None` when it would block.
    pub fn write_native(&self, ctx: &mut Ctx, data: &[u8]) -> PyResult<Option<usize>> {
        if !self.writable.get() {
            return Err(unsupported(ctx, "File not open for writing"));
        }
        let result = self.with_file(|f| retry(|| f.write(data)))?;
        match result {
            Ok(n) => Ok(Some(n)),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(os_error(ctx, &e, None)),
        }
    }

    /// Writes everything (for finalization: no Python code, errors ignored).
    pub fn write_all_quietly(&self, data: &[u8]) {
        let _ = self.with_file(|f| f.write_all(data));
    }

    /// `lseek`.
    pub fn seek_native(&self, ctx: &mut Ctx, pos: i64, whence: i64) -> PyResult<i64> {
        let target = match whence {
            0 => match u64::try_from(pos) {
                Ok(p) => SeekFrom::Start(p),
                Err(_) => return Err(os_error(ctx, &std::io::Error::from_raw_os_error(22), None)),
            },
            1 => SeekFrom::Current(pos),
            2 => SeekFrom::End(pos),
            _ => return Err(os_error(ctx, &std::io::Error::from_raw_os_error(22), None)),
        };
        let result = self.with_file(|f| f.seek(target))?;
        match result {
            Ok(p) => Ok(i64::try_from(p).unwrap_or(i64::MAX)),
            Err(e) => Err(os_error(ctx, &e, None)),
        }
    }

    pub fn is_seekable(&self, ctx: &mut Ctx) -> PyResult<bool> {
        if self.seekable.get() < 0 {
            let ok = self.with_file(|f| f.stream_position().is_ok())?;
            self.seekable.set(i8::from(ok));
        }
        let _ = ctx;
        Ok(self.seekable.get() == 1)
    }

    pub fn isatty(&self) -> PyResult<bool> {
        let fd = self.fd()?;
        // SAFETY: `fd` is open for the duration of this call.
        Ok(unsafe { BorrowedFd::borrow_raw(fd) }.is_terminal())
    }

    fn mode_string(&self) -> &'static str {
        match (self.created.get(), self.appending.get(), self.readable.get(), self.writable.get()) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (false, true, true, _) => "ab+",
            (false, true, false, _) => "ab",
            (false, false, true, true) => "rb+",
            (false, false, true, false) => "rb",
            _ => "wb",
        }
    }
}

fn retry<T>(mut op: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    loop {
        match op() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

/// The `FileIO` type.
pub fn fileio_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("FileIO", "_io", Some(super::base::rawiobase_type()), TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| Ok(new_instance(FileIo::new_closed(), ty)));
            s.init = Some(fileio_init);
            s.repr = Some(fileio_repr);
        });
        add_methods(
            &ty,
            "FileIO",
            &[
                ("read", fileio_read),
                ("readall", fileio_readall),
                ("readinto", fileio_readinto),
                ("write", fileio_write),
                ("seek", fileio_seek),
                ("tell", fileio_tell),
                ("truncate", fileio_truncate),
                ("close", fileio_close),
                ("seekable", |ctx, args| {
                    let f = this(&args)?;
                    f.fd()?;
                    Ok(Value::Bool(f.is_seekable(ctx)?))
                }),
                ("readable", |_, args| {
                    let f = this(&args)?;
                    f.fd()?;
                    Ok(Value::Bool(f.readable.get()))
                }),
                ("writable", |_, args| {
                    let f = this(&args)?;
                    f.fd()?;
                    Ok(Value::Bool(f.writable.get()))
                }),
                ("fileno", |_, args| Ok(Value::Int(i64::from(this(&args)?.fd()?)))),
                ("isatty", |_, args| Ok(Value::Bool(this(&args)?.isatty()?))),
                ("__getstate__", |_, args| {
                    let v = args.values.first().cloned().unwrap_or(Value::None);
                    Err(PyErr::type_error(format!("cannot pickle '{}' object", v.type_name())))
                }),
            ],
        );
        add_property(&ty, "FileIO", "closed", |_, args| Ok(Value::Bool(this(&args)?.is_closed())), None);
        add_property(&ty, "FileIO", "closefd", |_, args| Ok(Value::Bool(this(&args)?.closefd.get())), None);
        add_property(&ty, "FileIO", "mode", |_, args| Ok(Value::str(this(&args)?.mode_string())), None);
        add_property(
            &ty,
            "FileIO",
            "_blksize",
            |_, args| Ok(Value::Int(i64::try_from(this(&args)?.blksize.get()).unwrap_or(8192))),
            None,
        );
        ty
    })
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a FileIo> {
    args.values
        .first()
        .and_then(|v| v.downcast::<FileIo>())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_io.FileIO' object"))
}

/// The parsed `FileIO` mode.
struct RawMode {
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    truncate: bool,
}

fn parse_mode(mode: &str) -> PyResult<RawMode> {
    let mut m = RawMode { readable: false, writable: false, appending: false, created: false, truncate: false };
    let (mut rwa, mut plus) = (false, false);
    let bad = || PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus");
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad());
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.truncate = true;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(PyErr::value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad());
    }
    Ok(m)
}

/// The path of a `file` argument: str, bytes, or an `os.PathLike`.
pub(crate) fn fspath(ctx: &mut Ctx, file: &Value) -> PyResult<Option<std::path::PathBuf>> {
    use std::os::unix::ffi::OsStrExt;
    let path = if let Some(s) = file.as_str() {
        s.as_str().to_owned().into()
    } else if let Some(b) = file.downcast::<PyBytes>() {
        std::ffi::OsStr::from_bytes(b.as_bytes()).into()
    } else if let Some(fspath) = pyrite_object::methods::slots::call_dunder(ctx, file, "__fspath__", &[])? {
        if let Some(s) = fspath.as_str() {
            s.as_str().to_owned().into()
        } else if let Some(b) = fspath.downcast::<PyBytes>() {
            std::ffi::OsStr::from_bytes(b.as_bytes()).into()
        } else {
            return Err(PyErr::type_error(format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                file.type_name(),
                fspath.type_name()
            )));
        }
    } else {
        return Ok(None);
    };
    let path: std::path::PathBuf = path;
    if path.as_os_str().as_bytes().contains(&0) {
        return Err(PyErr::value_error("embedded null byte"));
    }
    Ok(Some(path))
}

const INIT: Params = Params::new("FileIO", &["file", "mode", "closefd", "opener"]).required(1);

fn fileio_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [file, mode, closefd, opener] = INIT.bind(args)?;
    let file = file.cloned().unwrap_or(Value::None);
    let f = v.downcast::<FileIo>().ok_or_else(|| PyErr::type_error("FileIO.__init__ needs a FileIO"))?;
    if f.fd.get() >= 0 {
        if f.closefd.get() {
            f.close_fd();
        } else {
            f.fd.set(-1);
        }
    }
    let mode = match mode {
        None => "r".to_owned(),
        Some(m) => match m.as_str() {
            Some(s) => s.as_str().to_owned(),
            None => {
                return Err(PyErr::type_error(format!("FileIO() argument 'mode' must be str, not {}", m.type_name())));
            }
        },
    };
    let closefd = match closefd {
        None => true,
        Some(c) => protocol::truthy(ctx, c)?,
    };
    let m = parse_mode(&mode)?;
    if matches!(file, Value::Float(_)) {
        return Err(PyErr::type_error("integer argument expected, got float"));
    }
    let fd_given =
        matches!(file, Value::Int(_) | Value::Bool(_)) || file.downcast::<pyrite_object::types::int::PyInt>().is_some();
    let fd = if fd_given {
        let fd = super::int_arg(ctx, &file)?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        RawFd::try_from(fd).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?
    } else {
        if !closefd {
            return Err(PyErr::value_error("Cannot use closefd=False with file name"));
        }
        let Some(path) = fspath(ctx, &file)? else {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                file.type_name()
            )));
        };
        match opener {
            Some(op) if !op.is_none() => open_with_opener(ctx, op, &file, &m)?,
            _ => {
                let mut options = std::fs::OpenOptions::new();
                options.read(m.readable).mode(0o666);
                if m.appending {
                    options.append(true).create(true);
                } else if m.writable {
                    options.write(true);
                }
                if m.created {
                    options.create_new(true);
                } else if m.truncate {
                    options.create(true).truncate(true);
                }
                match options.open(&path) {
                    Ok(file) => file.into_raw_fd(),
                    Err(e) => return Err(os_error(ctx, &e, Some(&file))),
                }
            }
        }
    };
    f.fd.set(fd);
    f.closefd.set(closefd);
    f.readable.set(m.readable);
    f.writable.set(m.writable);
    f.appending.set(m.appending);
    f.created.set(m.created);
    f.seekable.set(-1);
    let meta = f.with_file(|file| file.metadata())?;
    match meta {
        Ok(meta) => {
            if meta.is_dir() {
                f.close_fd();
                return Err(os_error(ctx, &std::io::Error::from_raw_os_error(21), Some(&file)));
            }
            if meta.blksize() > 1 {
                f.blksize.set(meta.blksize());
            }
        }
        Err(e) if e.raw_os_error() == Some(9) => {
            f.fd.set(-1);
            return Err(os_error(ctx, &e, None));
        }
        Err(_) => {}
    }
    if let Some(dict) = v.as_obj().and_then(|o| protocol::instance_dict(o, true))
        && let Some(d) = dict.downcast::<PyDict>()
    {
        d.set_str("name", file);
    }
    if m.appending {
        // As CPython: start at the end, so `tell()` is right before the first write.
        let _ = f.with_file(|file| file.seek(SeekFrom::End(0)));
    }
    Ok(())
}

fn open_with_opener(ctx: &mut Ctx, opener: &Value, file: &Value, m: &RawMode) -> PyResult<RawFd> {
    // Linux's flag values, as `os.O_*`.
    let mut flags: i64 = if m.readable && m.writable {
        2
    } else if m.writable {
        1
    } else {
        0
    };
    if m.created {
        flags |= 0o100 | 0o200;
    }
    if m.truncate {
        flags |= 0o100 | 0o1000;
    }
    if m.appending {
        flags |= 0o100 | 0o2000;
    }
    flags |= 0o2_000_000; // O_CLOEXEC
    let fd = protocol::call_positional(ctx, opener, &[file.clone(), Value::Int(flags)])?;
    let fd = match fd {
        Value::Int(i) => i,
        other => {
            return Err(PyErr::type_error(format!("expected integer from opener, got '{}'", other.type_name())));
        }
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!("opener returned {fd}")));
    }
    RawFd::try_from(fd).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

fn fileio_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let f = v.downcast::<FileIo>().ok_or_else(|| PyErr::type_error("expected a FileIO"))?;
    let type_name = repr_type_name(v);
    if f.is_closed() {
        return Ok(Value::str(&format!("<{type_name} [closed]>")));
    }
    let closefd = if f.closefd.get() { "True" } else { "False" };
    let mode = f.mode_string();
    match protocol::getattr_str(ctx, v, "name") {
        Ok(name) => {
            let name = protocol::repr_string(ctx, &name)?;
            Ok(Value::str(&format!("<{type_name} name={name} mode='{mode}' closefd={closefd}>")))
        }
        Err(e) if e.matches(&types().attribute_error) => {
            Ok(Value::str(&format!("<{type_name} fd={} mode='{mode}' closefd={closefd}>", f.fd.get())))
        }
        Err(e) => Err(e),
    }
}

fn fileio_read(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("read", &["size"]).positional_only(1);
    let (v, rest) = split_self("read", args)?;
    let f = this(&args)?;
    let [size] = PARAMS.bind(rest)?;
    let size = size_arg(ctx, size)?;
    f.fd()?;
    let result =
        if size < 0 { f.readall_native(ctx)? } else { f.read_native(ctx, usize::try_from(size).unwrap_or(0))? };
    let _ = v;
    Ok(result.map_or(Value::None, bytes_value))
}

fn fileio_readall(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = this(&args)?;
    f.fd()?;
    Ok(f.readall_native(ctx)?.map_or(Value::None, bytes_value))
}

fn fileio_readinto(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = this(&args)?;
    let target =
        args.values.get(1).ok_or_else(|| PyErr::type_error("readinto() takes exactly one argument (0 given)"))?;
    f.fd()?;
    let n = super::buffer_len(target)?;
    match f.read_native(ctx, n)? {
        Some(data) => Ok(Value::from(super::fill_buffer(target, &data)?)),
        None => Ok(Value::None),
    }
}

fn fileio_write(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = this(&args)?;
    let data = args.values.get(1).ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    f.fd()?;
    let data = bytes_like(data)?;
    Ok(f.write_native(ctx, &data)?.map_or(Value::None, Value::from))
}

fn fileio_seek(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("seek", &["pos", "whence"]).required(1).positional_only(2);
    let (_, rest) = split_self("seek", args)?;
    let f = this(&args)?;
    let [pos, whence] = PARAMS.bind(rest)?;
    f.fd()?;
    let pos = pos.cloned().unwrap_or(Value::Int(0));
    if matches!(pos, Value::Float(_)) {
        return Err(PyErr::type_error("an integer is required"));
    }
    let pos = super::int_arg(ctx, &pos)?;
    let whence = match whence {
        Some(w) => super::int_arg(ctx, w)?,
        None => 0,
    };
    Ok(Value::Int(f.seek_native(ctx, pos, whence)?))
}

fn fileio_tell(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = this(&args)?;
    f.fd()?;
    Ok(Value::Int(f.seek_native(ctx, 0, 1)?))
}

fn fileio_truncate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = this(&args)?;
    f.fd()?;
    if !f.writable.get() {
        return Err(unsupported(ctx, "File not open for writing"));
    }
    let size = match args.values.get(1) {
        None | Some(Value::None) => f.seek_native(ctx, 0, 1)?,
        Some(s) => super::int_arg(ctx, s)?,
    };
    let len = u64::try_from(size).map_err(|_| os_error(ctx, &std::io::Error::from_raw_os_error(22), None))?;
    match f.with_file(|file| file.set_len(len))? {
        Ok(()) => Ok(Value::Int(size)),
        Err(e) => Err(os_error(ctx, &e, None)),
    }
}

fn fileio_close(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let f = this(&args)?;
    let v = &args.values[0];
    // A Python subclass may have its own `flush` to run first, as `_RawIOBase.close` does.
    if !f.is_closed() && !v.type_ref().is_same(fileio_type()) {
        super::call_method(ctx, v, "flush", &[])?;
    }
    f.close_fd();
    Ok(Value::None)
}
