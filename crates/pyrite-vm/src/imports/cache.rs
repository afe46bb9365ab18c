//! The bytecode cache: `__pycache__/<name>.pyrite-<FORMAT_VERSION>.pyc` next to the source
//! (never CPython's `<name>.cpython-311.pyc`).
//!
//! A cache file is [`CACHE_MAGIC`], then little-endian: `u32` format version, `u64` build
//! stamp (of the running executable: any rebuild of the compiler invalidates the cache),
//! `u64` source modification time in seconds, `u32` its nanoseconds, `u64` source size,
//! then the code object as `pyrite_bytecode::serialize` writes it. A file whose header
//! does not match the source exactly, or whose code does not deserialize, or whose code's
//! file name is not the source's path, is ignored and rewritten. Writing goes to a temporary
//! file renamed into place; failures to write are ignored.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use pyrite_bytecode::{CodeObject, FORMAT_VERSION};
use pyrite_compiler::CompileError;
use pyrite_object::{PyErr, PyResult, types};

/// The first four bytes of a cache file.
pub const CACHE_MAGIC: [u8; 4] = *b"PYRC";

const HEADER_LEN: usize = 4 + 4 + 8 + 8 + 4 + 8;

/// Where the cache of a source file lives.
pub fn cache_path(source: &Path) -> PathBuf {
    let dir = source.parent().unwrap_or(Path::new(""));
    let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    dir.join("__pycache__").join(format!("{stem}.pyrite-{FORMAT_VERSION}.pyc"))
}

/// A fingerprint of the running executable (its size and modification time).
fn build_stamp() -> u64 {
    static STAMP: OnceLock<u64> = OnceLock::new();
    *STAMP.get_or_init(|| {
        let meta = std::env::current_exe().and_then(std::fs::metadata);
        let (size, time) = match meta {
            Ok(m) => (m.len(), m.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).unwrap_or_default()),
            Err(_) => (0, std::time::Duration::ZERO),
        };
        // FNV-1a over the fields.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in
            size.to_le_bytes().iter().chain(&time.as_secs().to_le_bytes()).chain(&time.subsec_nanos().to_le_bytes())
        {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    })
}

fn header(mtime_secs: u64, mtime_nanos: u32, size: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN);
    out.extend_from_slice(&CACHE_MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&build_stamp().to_le_bytes());
    out.extend_from_slice(&mtime_secs.to_le_bytes());
    out.extend_from_slice(&mtime_nanos.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out
}

/// The code of `source`: from its cache if valid, else compiled (and cached if `write`).
pub fn get_code(source: &Path, write: bool) -> PyResult<CodeObject> {
    let filename = source.display().to_string();
    let io_error = |e: std::io::Error| PyErr::new(&types().import_error, format!("cannot read {filename}: {e}"));
    let meta = std::fs::metadata(source).map_err(io_error)?;
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).unwrap_or_default();
    let expected = header(mtime.as_secs(), mtime.subsec_nanos(), meta.len());
    let cache = cache_path(source);
    if let Ok(bytes) = std::fs::read(&cache)
        && bytes.len() > HEADER_LEN
        && bytes[..HEADER_LEN] == expected[..]
        && let Ok(code) = pyrite_bytecode::serialize::deserialize(&bytes[HEADER_LEN..])
        && *code.filename == *filename
    {
        return Ok(code);
    }
    let bytes = std::fs::read(source).map_err(io_error)?;
    let text = pyrite_parser::decode_source(&bytes, &filename).map_err(|e| crate::execution::syntax_error(&e))?;
    let code = match pyrite_compiler::compile(&text, &filename, pyrite_parser::Mode::Exec) {
        Ok(code) => code,
        Err(CompileError::Syntax(e)) => return Err(crate::execution::syntax_error(&e)),
        Err(CompileError::Internal(message)) => return Err(PyErr::new_system(format!("compiler error: {message}"))),
    };
    if write {
        let mut contents = expected;
        contents.extend_from_slice(&pyrite_bytecode::serialize::serialize(&code));
        write_atomically(&cache, &contents);
    }
    Ok(code)
}

/// Writes `contents` to a temporary file beside `path` and renames it into place;
/// any failure (a read-only directory) leaves no file behind and is otherwise ignored.
fn write_atomically(path: &Path, contents: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!("{name}.{}.{n}.tmp", std::process::id()));
    let written = std::fs::File::create_new(&temp).and_then(|mut f| f.write_all(contents));
    if written.is_err() || std::fs::rename(&temp, path).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}
