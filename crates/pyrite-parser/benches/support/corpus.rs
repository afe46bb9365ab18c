//! The source the parse and compile benchmarks read: every end-to-end test program under
//! `tests/programs` that parses (about 600 files of real Python), so a run needs nothing
//! outside the repository.

use std::path::{Path, PathBuf};

/// One source file, decoded.
pub struct Source {
    pub name: String,
    pub text: String,
}

/// The corpus, with its total line count (the benchmarks' throughput counter).
pub fn load() -> (Vec<Source>, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut paths = Vec::new();
    collect(&root, &mut paths);
    paths.sort();
    let mut sources = Vec::new();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let name = path.display().to_string();
        let Ok(text) = pyrite_parser::decode_source(&bytes, &name) else { continue };
        // Programs that test syntax errors are left out: the benchmarks time the success path.
        if pyrite_parser::parse(&text, pyrite_parser::Mode::Exec, &name).is_ok() {
            sources.push(Source { name, text });
        }
    }
    let lines = sources.iter().map(|s| s.text.lines().count()).sum();
    (sources, lines)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}
