//! `cargo xtask compile-all DIR`: compiles every `.py` file under `DIR` with Pyrite's
//! compiler and reports files, lines, time, throughput and every failure (a syntax error,
//! an internal compiler error or a panic), so the compiler can be checked against a large
//! body of real code such as CPython's standard library.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Compiles every `.py` under `dir` and prints a report; fails if any file failed.
pub fn run(args: &[String]) -> Result<(), String> {
    let [dir] = args else { return Err("usage: cargo xtask compile-all DIR".to_owned()) };
    let report = compile_tree(Path::new(dir))?;
    for (path, message) in &report.failures {
        println!("FAIL {}: {message}", path.display());
    }
    println!(
        "{} files, {} lines, {:.2} s, {:.0} lines/s, {} failures",
        report.files,
        report.lines,
        report.elapsed,
        report.lines_per_second(),
        report.failures.len()
    );
    if report.failures.is_empty() { Ok(()) } else { Err(format!("{} files failed to compile", report.failures.len())) }
}

/// What compiling a tree of sources did.
pub struct Report {
    pub files: usize,
    pub lines: usize,
    /// Seconds spent decoding, parsing and compiling (not reading files).
    pub elapsed: f64,
    pub failures: Vec<(PathBuf, String)>,
}

impl Report {
    pub fn lines_per_second(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "line counts are far below 2^52")]
        let lines = self.lines as f64;
        if self.elapsed > 0.0 { lines / self.elapsed } else { 0.0 }
    }
}

/// Compiles every `.py` under `dir`, timing only the compilation of each file.
pub fn compile_tree(dir: &Path) -> Result<Report, String> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();

    // Panics are reported as failures; keep the default hook from printing each one.
    std::panic::set_hook(Box::new(|_| {}));
    let mut lines = 0usize;
    let mut failures: Vec<(PathBuf, String)> = Vec::new();
    let mut elapsed = 0.0f64;
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                failures.push((path.clone(), format!("cannot read: {e}")));
                continue;
            }
        };
        lines += bytecount_lines(&bytes);
        let filename = path.to_string_lossy();
        let start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| compile_bytes(&bytes, &filename)));
        elapsed += start.elapsed().as_secs_f64();
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(message)) => failures.push((path.clone(), message)),
            Err(payload) => {
                let text = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                failures.push((path.clone(), format!("PANIC: {text}")));
            }
        }
    }
    let _ = std::panic::take_hook();
    Ok(Report { files: paths.len(), lines, elapsed, failures })
}

/// Decodes (PEP 263) and compiles one file.
fn compile_bytes(bytes: &[u8], filename: &str) -> Result<(), String> {
    let source = pyrite_parser::decode_source(bytes, filename).map_err(|e| format!("{}: {e}", e.kind.name()))?;
    pyrite_compiler::compile(&source, filename, pyrite_compiler::Mode::Exec).map(drop).map_err(|e| e.to_string())
}

/// Number of lines, counting a last line without a newline.
fn bytecount_lines(bytes: &[u8]) -> usize {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    newlines + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))
}

/// Every `.py` file under `dir`, recursively (symbolic links to directories are not followed).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| format!("cannot stat {}: {e}", path.display()))?;
        if kind.is_dir() {
            collect(&path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|x| x == "py") {
            out.push(path);
        }
    }
    Ok(())
}
