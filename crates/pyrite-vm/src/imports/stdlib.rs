//! Finding CPython 3.11's pure-Python standard library, which Pyrite runs unmodified.
//!
//! In order: the directory the embedder or command line configured (`-X stdlib=DIR`), the
//! `PYRITE_STDLIB` environment variable, then the usual install locations of CPython 3.11
//! (pyenv, `/usr/local`, `/usr`). A directory counts when it has `os.py`. Only `stat`
//! calls: finding it costs start-up nothing measurable.

use std::path::{Path, PathBuf};

const VERSION_DIR: &str = "python3.11";

fn is_stdlib(dir: &Path) -> bool {
    dir.join("os.py").is_file()
}

/// The standard library directory, if one is configured or installed.
#[must_use]
pub fn find(configured: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = configured {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os("PYRITE_STDLIB").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    candidates().into_iter().find(|dir| is_stdlib(dir))
}

fn candidates() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let pyenv_roots = [
        std::env::var_os("PYENV_ROOT").map(PathBuf::from),
        std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pyenv")),
    ];
    for root in pyenv_roots.into_iter().flatten() {
        let Ok(entries) = std::fs::read_dir(root.join("versions")) else { continue };
        let mut versions: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with("3.11"))
            .map(|e| e.path().join("lib").join(VERSION_DIR))
            .collect();
        // The newest patch release first.
        versions.sort_by(|a, b| b.cmp(a));
        dirs.extend(versions);
    }
    dirs.push(PathBuf::from("/usr/local/lib").join(VERSION_DIR));
    dirs.push(PathBuf::from("/usr/lib").join(VERSION_DIR));
    dirs
}

/// `sys.prefix` for a standard library at `<prefix>/lib/python3.11`.
#[must_use]
pub fn prefix(stdlib: &Path) -> Option<PathBuf> {
    stdlib.parent()?.parent().map(Path::to_path_buf)
}
