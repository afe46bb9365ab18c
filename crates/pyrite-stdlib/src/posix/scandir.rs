//! `posix.scandir`: the `ScandirIterator` (an iterator and context manager over a
//! directory's entries, read when it is made) and `DirEntry` (name, path, inode, the
//! entry's file type from the directory, and `stat` results cached on first use).

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::fs::{read_dir, stat_path, stat_result};
use super::path::{PathArg, PathOrFd, io_error, os_error, path_or_fd, uint};

/// The iterator `scandir` returns: the entries not yet taken, last first.
struct ScandirIterator {
    entries: PayloadCell<Vec<Value>>,
}

impl Trace for ScandirIterator {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for entry in self.entries.borrow().iter() {
            entry.traverse(visit);
        }
    }

    fn clear(&self) {
        let old = std::mem::take(&mut *self.entries.borrow_mut());
        drop(old);
    }
}

payload!(ScandirIterator, "posix.ScandirIterator", tracked);

/// One directory entry.
struct DirEntry {
    name: Value,
    path: Value,
    /// The path's bytes, for the `stat` calls.
    raw_path: Vec<u8>,
    ino: u64,
    /// The type the directory reported (`d_type`), if any.
    file_type: Option<std::fs::FileType>,
    stat: PayloadCell<Option<Value>>,
    lstat: PayloadCell<Option<Value>>,
}

impl Trace for DirEntry {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.name.traverse(visit);
        self.path.traverse(visit);
        if let Some(v) = self.stat.borrow().as_ref() {
            v.traverse(visit);
        }
        if let Some(v) = self.lstat.borrow().as_ref() {
            v.traverse(visit);
        }
    }

    fn clear(&self) {
        let a = self.stat.replace(None);
        let b = self.lstat.replace(None);
        drop((a, b));
    }
}

payload!(DirEntry, "posix.DirEntry", tracked);

fn iterator_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("ScandirIterator", "posix", None, 0, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(iterator_next);
        });
        add_methods(
            &ty,
            "ScandirIterator",
            &[("__enter__", iterator_enter), ("__exit__", iterator_close), ("close", iterator_close)],
        );
        ty
    })
}

/// The `DirEntry` type (`os.DirEntry`).
pub fn entry_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("DirEntry", "posix", None, 0, |s| {
            s.repr = Some(entry_repr);
            s.getattro = Some(entry_getattro);
        });
        add_methods(
            &ty,
            "DirEntry",
            &[
                ("is_dir", entry_is_dir),
                ("is_file", entry_is_file),
                ("is_symlink", entry_is_symlink),
                ("stat", entry_stat),
                ("inode", entry_inode),
                ("__fspath__", entry_fspath),
            ],
        );
        ty
    })
}

/// `scandir(path=None)`.
pub fn scandir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const SCANDIR: Params = Params::new("scandir", &["path"]);
    let [path] = SCANDIR.bind(args)?;
    let path = match path {
        None | Some(Value::None) => PathArg { bytes: b".".to_vec(), object: Value::str("."), is_bytes: false },
        Some(p) => match path_or_fd(ctx, p, "scandir", "path")? {
            PathOrFd::Path(p) => p,
            PathOrFd::Fd(_) => return Err(PyErr::not_implemented("scandir: a file descriptor is not supported")),
        },
    };
    let entries = read_dir(&path.bytes).map_err(|e| io_error(ctx, &e, Some(&path.object)))?;
    let mut made = Vec::with_capacity(entries.len());
    for (name, ino, file_type) in entries.into_iter().rev() {
        let mut raw_path = path.bytes.clone();
        if !raw_path.is_empty() && !raw_path.ends_with(b"/") {
            raw_path.push(b'/');
        }
        raw_path.extend_from_slice(&name);
        let entry = DirEntry {
            name: path.result_like(&name),
            path: path.result_like(&raw_path),
            raw_path,
            ino,
            file_type,
            stat: PayloadCell::new(None),
            lstat: PayloadCell::new(None),
        };
        made.push(Value::Obj(ObjRef::new(entry, Some(entry_type()))));
    }
    Ok(Value::Obj(ObjRef::new(ScandirIterator { entries: PayloadCell::new(made) }, Some(iterator_type()))))
}

fn iterator(v: &Value) -> PyResult<&ScandirIterator> {
    v.downcast::<ScandirIterator>().ok_or_else(|| PyErr::type_error("descriptor requires a 'posix.ScandirIterator'"))
}

fn iterator_next(_: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let next = iterator(v)?.entries.borrow_mut().pop();
    Ok(next)
}

fn iterator_enter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("__enter__", args, 0, 0)?;
    iterator(this)?;
    Ok(this.clone())
}

fn iterator_close(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = args.pos().first().ok_or_else(|| PyErr::type_error("close() needs an argument"))?;
    let old = std::mem::take(&mut *iterator(this)?.entries.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn entry(v: &Value) -> PyResult<&DirEntry> {
    v.downcast::<DirEntry>().ok_or_else(|| PyErr::type_error("descriptor requires a 'posix.DirEntry' object"))
}

fn entry_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let name = entry(v)?.name.clone();
    Ok(Value::str(&format!("<DirEntry {}>", protocol::repr_string(ctx, &name)?)))
}

fn entry_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    match name.as_str().map(PyStr::as_str) {
        Some("name") => Ok(entry(v)?.name.clone()),
        Some("path") => Ok(entry(v)?.path.clone()),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

const FOLLOW: Params = Params::new("method", &["follow_symlinks"]).keyword_only(0);

/// `self` and the keyword-only `follow_symlinks` (default true).
fn this_and_follow<'a>(ctx: &mut Ctx, args: Args<'a>, name: &'static str) -> PyResult<(&'a Value, bool)> {
    let pos = args.pos();
    let Some(this) = pos.first() else {
        return Err(PyErr::type_error(format!("descriptor '{name}' of 'posix.DirEntry' object needs an argument")));
    };
    let rest = Args { values: &args.values[1..], kwnames: args.kwnames };
    let params = Params { name, ..FOLLOW };
    let [follow] = params.bind(rest)?;
    let follow = follow.map_or(Ok(true), |f| protocol::truthy(ctx, f))?;
    Ok((this, follow))
}

fn is_symlink(e: &DirEntry, ctx: &mut Ctx) -> PyResult<bool> {
    if let Some(t) = e.file_type {
        return Ok(t.is_symlink());
    }
    let st = lstat_of(ctx, e)?;
    Ok(mode_of(&st) & libc::S_IFMT == libc::S_IFLNK)
}

fn mode_of(st: &Value) -> u32 {
    st.downcast::<pyrite_object::types::list::PyTuple>()
        .and_then(|t| t.items().first().cloned())
        .and_then(|m| if let Value::Int(m) = m { u32::try_from(m).ok() } else { None })
        .unwrap_or(0)
}

fn lstat_of(ctx: &mut Ctx, e: &DirEntry) -> PyResult<Value> {
    if let Some(st) = e.lstat.borrow().clone() {
        return Ok(st);
    }
    let c = std::ffi::CString::new(e.raw_path.clone()).unwrap_or_default();
    let st = stat_path(&c, libc::AT_FDCWD, false).map_err(|err| os_error(ctx, err, Some(&e.path), None))?;
    let st = stat_result(&st);
    drop(e.lstat.replace(Some(st.clone())));
    Ok(st)
}

fn stat_of(ctx: &mut Ctx, e: &DirEntry, follow: bool) -> PyResult<Value> {
    if !follow || !is_symlink(e, ctx)? {
        return lstat_of(ctx, e);
    }
    if let Some(st) = e.stat.borrow().clone() {
        return Ok(st);
    }
    let c = std::ffi::CString::new(e.raw_path.clone()).unwrap_or_default();
    let st = stat_path(&c, libc::AT_FDCWD, true).map_err(|err| os_error(ctx, err, Some(&e.path), None))?;
    let st = stat_result(&st);
    drop(e.stat.replace(Some(st.clone())));
    Ok(st)
}

/// Whether the entry is of file type `kind` (`S_IFDIR`, `S_IFREG`); a missing target is
/// simply not of that type.
fn test_type(ctx: &mut Ctx, args: Args<'_>, name: &'static str, kind: u32) -> PyResult {
    let (this, follow) = this_and_follow(ctx, args, name)?;
    let e = entry(this)?;
    if let Some(t) = e.file_type
        && !(follow && t.is_symlink())
    {
        let found = if kind == libc::S_IFDIR { t.is_dir() } else { t.is_file() };
        return Ok(Value::Bool(found));
    }
    match stat_of(ctx, e, follow) {
        Ok(st) => Ok(Value::Bool(mode_of(&st) & libc::S_IFMT == kind)),
        Err(err) if err.matches(&pyrite_object::types().file_not_found_error) => Ok(Value::Bool(false)),
        Err(err) => Err(err),
    }
}

fn entry_is_dir(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    test_type(ctx, args, "is_dir", libc::S_IFDIR)
}

fn entry_is_file(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    test_type(ctx, args, "is_file", libc::S_IFREG)
}

fn entry_is_symlink(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("is_symlink", args, 0, 0)?;
    match is_symlink(entry(this)?, ctx) {
        Ok(b) => Ok(Value::Bool(b)),
        Err(err) if err.matches(&pyrite_object::types().file_not_found_error) => Ok(Value::Bool(false)),
        Err(err) => Err(err),
    }
}

fn entry_stat(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, follow) = this_and_follow(ctx, args, "stat")?;
    stat_of(ctx, entry(this)?, follow)
}

fn entry_inode(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("inode", args, 0, 0)?;
    Ok(uint(entry(this)?.ino))
}

fn entry_fspath(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("__fspath__", args, 0, 0)?;
    let path = entry(this)?.path.clone();
    debug_assert!(path.as_str().is_some() || path.downcast::<PyBytes>().is_some());
    Ok(path)
}
