//! The `_stat` module: the `S_IF*` file types and permission bits, the `S_IS*` tests,
//! `S_IMODE`/`S_IFMT`, `filemode`, and the `UF_*`/`SF_*` flags, as CPython's `_stat` has
//! them on Linux (`stat.py` imports it over its own pure-Python definitions).

use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

const S_IFMT: i64 = 0o170_000;
const S_IFSOCK: i64 = 0o140_000;
const S_IFLNK: i64 = 0o120_000;
const S_IFREG: i64 = 0o100_000;
const S_IFBLK: i64 = 0o060_000;
const S_IFDIR: i64 = 0o040_000;
const S_IFCHR: i64 = 0o020_000;
const S_IFIFO: i64 = 0o010_000;

const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFSOCK", S_IFSOCK),
    ("S_IFLNK", S_IFLNK),
    ("S_IFREG", S_IFREG),
    ("S_IFBLK", S_IFBLK),
    ("S_IFDIR", S_IFDIR),
    ("S_IFCHR", S_IFCHR),
    ("S_IFIFO", S_IFIFO),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_ENFMT", 0o2000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o70),
    ("S_IRGRP", 0o40),
    ("S_IWGRP", 0o20),
    ("S_IXGRP", 0o10),
    ("S_IRWXO", 0o7),
    ("S_IROTH", 0o4),
    ("S_IWOTH", 0o2),
    ("S_IXOTH", 0o1),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x1_0000),
    ("SF_IMMUTABLE", 0x2_0000),
    ("SF_APPEND", 0x4_0000),
    ("SF_NOUNLINK", 0x10_0000),
    ("SF_SNAPSHOT", 0x20_0000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_stat",
        &[
            ("S_ISDIR", |c, a| is_type(c, a, "S_ISDIR", S_IFDIR)),
            ("S_ISCHR", |c, a| is_type(c, a, "S_ISCHR", S_IFCHR)),
            ("S_ISBLK", |c, a| is_type(c, a, "S_ISBLK", S_IFBLK)),
            ("S_ISREG", |c, a| is_type(c, a, "S_ISREG", S_IFREG)),
            ("S_ISFIFO", |c, a| is_type(c, a, "S_ISFIFO", S_IFIFO)),
            ("S_ISLNK", |c, a| is_type(c, a, "S_ISLNK", S_IFLNK)),
            ("S_ISSOCK", |c, a| is_type(c, a, "S_ISSOCK", S_IFSOCK)),
            ("S_ISDOOR", never),
            ("S_ISPORT", never),
            ("S_ISWHT", never),
            ("S_IMODE", s_imode),
            ("S_IFMT", s_ifmt),
            ("filemode", filemode),
        ],
    );
    for &(name, value) in CONSTANTS {
        Module::set(&module, name, Value::Int(value));
    }
    Ok(module)
}

/// The mode argument: a non-negative int that fits a C `mode_t`.
fn mode_arg(ctx: &mut Ctx, args: Args<'_>, name: &str) -> PyResult<i64> {
    let values = check_args(name, args, 1, 1)?;
    let what = |v: &Value| format!("an integer is required (got type {})", v.type_name());
    let mode = protocol::index(ctx, &values[0], what)?;
    let mode = pyrite_object::methods::int::to_i64(&mode)
        .map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned long"))?;
    if mode < 0 {
        return Err(PyErr::overflow("mode out of range"));
    }
    if mode > i64::from(u32::MAX) {
        return Err(PyErr::overflow("mode out of range"));
    }
    Ok(mode)
}

fn is_type(ctx: &mut Ctx, args: Args<'_>, name: &str, kind: i64) -> PyResult {
    let mode = mode_arg(ctx, args, name)?;
    Ok(Value::Bool(mode & S_IFMT == kind))
}

fn never(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    mode_arg(ctx, args, "S_ISDOOR")?;
    Ok(Value::Bool(false))
}

fn s_imode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(mode_arg(ctx, args, "S_IMODE")? & 0o7777))
}

fn s_ifmt(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    Ok(Value::Int(mode_arg(ctx, args, "S_IFMT")? & S_IFMT))
}

/// `filemode(mode)`: `ls -l`'s ten characters (`-rwxr-xr-x`).
fn filemode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let mode = mode_arg(ctx, args, "filemode")?;
    let kind = match mode & S_IFMT {
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        S_IFREG => '-',
        S_IFBLK => 'b',
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        _ => '?',
    };
    let mut out = String::with_capacity(10);
    out.push(kind);
    // (read bit, write bit, execute bit, special bit, special char with x, without x)
    let triples = [
        (0o400, 0o200, 0o100, 0o4000, 's', 'S'),
        (0o40, 0o20, 0o10, 0o2000, 's', 'S'),
        (0o4, 0o2, 0o1, 0o1000, 't', 'T'),
    ];
    for (r, w, x, special, with_x, without_x) in triples {
        out.push(if mode & r != 0 { 'r' } else { '-' });
        out.push(if mode & w != 0 { 'w' } else { '-' });
        out.push(match (mode & x != 0, mode & special != 0) {
            (true, true) => with_x,
            (false, true) => without_x,
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    Ok(Value::str(&out))
}
