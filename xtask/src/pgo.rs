//! `cargo xtask pgo`: a profile-guided build of `pyrite`, at
//! `target/pgo/<host triple>/release/pyrite`.
//!
//! 1. Builds an instrumented binary (`-Cprofile-generate`) into `target/pgo-gen`.
//! 2. Trains it on the end-to-end programs under `tests/programs` (each run from its own
//!    directory, output discarded, a time limit each). They are the training set because
//!    they exercise the whole language; the benchmarks under `benches/` are deliberately
//!    not part of it, so a benchmark run of the result measures code it was not tuned on.
//! 3. Merges the profiles with the toolchain's `llvm-profdata` (rustup component
//!    `llvm-tools`) and builds again with `-Cprofile-use` into `target/pgo`.
//!
//! Measure the result with `cargo xtask bench --pgo`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A training run that takes longer is stopped (a program waiting on something).
const TRAINING_LIMIT: Duration = Duration::from_secs(20);

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    if !args.is_empty() {
        return Err("usage: cargo xtask pgo".to_owned());
    }
    let binary = build_optimized(root)?;
    eprintln!("pgo: built {}", binary.display());
    Ok(())
}

/// The instrumented build, its training and the optimized build; returns the optimized
/// binary's path.
pub fn build_optimized(root: &Path) -> Result<PathBuf, String> {
    let profdata = llvm_profdata(root)?;
    let data = root.join("target/pgo-data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;

    let generate = format!("-Cprofile-generate={}", data.display());
    let instrumented = crate::release::build(root, Some("target/pgo-gen"), &[generate])?;
    let (runs, stopped) = train(&instrumented, &root.join("tests/programs"))?;
    eprintln!("pgo: trained on {runs} programs ({stopped} stopped at the time limit)");

    // A new name each time: cargo does not watch the profile's contents, only RUSTFLAGS,
    // so a fixed name would leave crates built with an older profile in place.
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let merged = data.join(format!("merged-{stamp}.profdata"));
    let raw: Vec<PathBuf> = std::fs::read_dir(&data)
        .map_err(|e| format!("cannot read {}: {e}", data.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "profraw"))
        .collect();
    let status = Command::new(&profdata)
        .arg("merge")
        .arg("-o")
        .arg(&merged)
        .args(&raw)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", profdata.display()))?;
    if !status.success() {
        return Err(format!("llvm-profdata merge failed ({status})"));
    }
    crate::release::build(root, Some("target/pgo"), &[format!("-Cprofile-use={}", merged.display())])
}

/// Runs `binary` on every `.py` under `dir`; returns how many ran and how many were stopped.
fn train(binary: &Path, dir: &Path) -> Result<(usize, usize), String> {
    let mut programs = Vec::new();
    collect_programs(dir, &mut programs)?;
    programs.sort();
    let mut stopped = 0;
    for program in &programs {
        let (Some(parent), Some(name)) = (program.parent(), program.file_name()) else { continue };
        let mut child = Command::new(binary)
            .arg(name)
            .current_dir(parent)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        let started = Instant::now();
        loop {
            if child.try_wait().map_err(|e| e.to_string())?.is_some() {
                break;
            }
            if started.elapsed() > TRAINING_LIMIT {
                let _ = child.kill();
                let _ = child.wait();
                stopped += 1;
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    Ok((programs.len(), stopped))
}

fn collect_programs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_programs(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "py") {
            out.push(path);
        }
    }
    Ok(())
}

/// The toolchain's `llvm-profdata` (it must match rustc's LLVM, so not a system one).
fn llvm_profdata(root: &Path) -> Result<PathBuf, String> {
    let output = Command::new("rustc")
        .current_dir(root)
        .args(["--print", "target-libdir"])
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    let libdir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    let candidate = libdir.parent().map(|p| p.join("bin/llvm-profdata"));
    match candidate {
        Some(path) if path.is_file() => Ok(path),
        _ => Err("llvm-profdata not found: install it with `rustup component add llvm-tools`".to_owned()),
    }
}
