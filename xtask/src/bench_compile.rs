//! `cargo xtask bench-compile [DIR] [--reps N]`: parse + compile throughput, in lines per
//! second, over a large tree of real Python (by default CPython's standard library, found
//! through `python3`). Uses the `compile-all` code path ([`crate::compile_all`]); also times
//! parsing alone, and CPython's own `compile()` over the same files when `python3` is there.
//!
//! Throughput is only meaningful with optimizations, so a debug build of xtask re-runs itself
//! with `cargo run --release`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::compile_all;

const DEFAULT_REPS: usize = 3;

pub fn run(args: &[String]) -> Result<(), String> {
    if cfg!(debug_assertions) {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(&cargo)
            .args(["run", "--quiet", "--release", "-p", "xtask", "--", "bench-compile"])
            .args(args)
            .status()
            .map_err(|e| format!("cannot run `{cargo}`: {e}"))?;
        return if status.success() { Ok(()) } else { Err(format!("release xtask failed ({status})")) };
    }
    let mut dir = None;
    let mut reps = DEFAULT_REPS;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--reps" {
            let value = args.next().ok_or("--reps needs a number")?;
            reps = value.parse().ok().filter(|&n| n > 0).ok_or_else(|| format!("--reps: bad number {value}"))?;
        } else if dir.is_none() && !arg.starts_with("--") {
            dir = Some(PathBuf::from(arg));
        } else {
            return Err("usage: cargo xtask bench-compile [DIR] [--reps N]".to_owned());
        }
    }
    let dir = match dir {
        Some(dir) => dir,
        None => cpython_stdlib().ok_or("no DIR given and no python3 to find its standard library")?,
    };
    println!("parse + compile of every .py under {} ({reps} passes, median)", dir.display());

    let mut compile_rates = Vec::new();
    let mut parse_rates = Vec::new();
    let mut summary = None;
    for _ in 0..reps {
        let report = compile_all::compile_tree(&dir)?;
        compile_rates.push(report.lines_per_second());
        parse_rates.push(parse_tree(&dir)?);
        summary = Some((report.files, report.lines, report.failures.len()));
    }
    let (files, lines, failures) = summary.unwrap_or_default();
    let compile_rate = median(&mut compile_rates);
    let parse_rate = median(&mut parse_rates);
    println!("{files} files, {lines} lines, {failures} failures");
    println!("pyrite  parse only:      {:>12.0} lines/s", parse_rate);
    println!("pyrite  parse + compile: {:>12.0} lines/s", compile_rate);
    if let Some(cpython_rate) = cpython_compile_rate(&dir) {
        println!("CPython compile():       {:>12.0} lines/s", cpython_rate);
        println!("ratio pyrite/CPython time:  {:>10.2}", cpython_rate / compile_rate);
    }
    Ok(())
}

/// Lines per second of decoding + parsing alone (no compiling).
fn parse_tree(dir: &Path) -> Result<f64, String> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    let mut lines = 0usize;
    let mut elapsed = 0.0;
    for path in &paths {
        let Ok(bytes) = std::fs::read(path) else { continue };
        lines += bytes.iter().filter(|&&b| b == b'\n').count();
        let filename = path.to_string_lossy();
        let start = Instant::now();
        let parsed = std::panic::catch_unwind(|| {
            pyrite_parser::parse_bytes(&bytes, pyrite_parser::Mode::Exec, &filename).is_ok()
        });
        elapsed += start.elapsed().as_secs_f64();
        drop(parsed);
    }
    #[expect(clippy::cast_precision_loss, reason = "line counts are far below 2^52")]
    let lines = lines as f64;
    Ok(if elapsed > 0.0 { lines / elapsed } else { 0.0 })
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            collect(&path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|x| x == "py") {
            out.push(path);
        }
    }
    Ok(())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn cpython() -> String {
    std::env::var("PYRITE_ORACLE").unwrap_or_else(|_| "python3".to_owned())
}

fn cpython_stdlib() -> Option<PathBuf> {
    let output = Command::new(cpython())
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    (output.status.success() && !text.is_empty()).then(|| PathBuf::from(text))
}

/// CPython's `compile()` over the same files, timed the same way (compilation only).
const CPYTHON_SCRIPT: &str = r"
import os, sys, time
lines = 0
elapsed = 0.0
for d, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if not name.endswith('.py'):
            continue
        path = os.path.join(d, name)
        with open(path, 'rb') as f:
            data = f.read()
        lines += data.count(b'\n') + (1 if data and not data.endswith(b'\n') else 0)
        start = time.perf_counter()
        try:
            compile(data, path, 'exec', dont_inherit=True)
        except Exception:
            pass
        elapsed += time.perf_counter() - start
print(lines / elapsed)
";

fn cpython_compile_rate(dir: &Path) -> Option<f64> {
    let output = Command::new(cpython())
        .args(["-W", "ignore", "-c", CPYTHON_SCRIPT])
        .arg(dir)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&output.stdout).trim().parse().ok()
}
