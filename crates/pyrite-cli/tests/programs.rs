//! End-to-end tests: every `tests/programs/**/<name>.py` is run by the `pyrite` binary and
//! its stdout, last non-empty stderr line and exit status are compared with what CPython 3.11
//! did, recorded in `<name>.expected` by `cargo xtask bless`.
//!
//! Programs run exactly as bless runs the oracle (`xtask/src/bless.rs`): environment
//! `PYTHONHASHSEED=0`, working directory = the program's directory, single argument = the
//! file name, stdin null. Keep the two in step.
//!
//! Environment:
//! - `PYRITE_TEST_FILTER=substring` runs only programs whose path (relative to
//!   `tests/programs`, with `/` separators) contains the substring;
//! - `PYRITE_TEST_BINARY=path-or-name` runs another interpreter instead of `pyrite`
//!   (`python3` must pass every program: that checks the corpus and this harness).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

#[path = "../../../xtask/src/recording.rs"]
mod recording;
use recording::{last_stderr_line, portable};

const TIMEOUT: Duration = Duration::from_secs(30);
const MAX_WORKERS: usize = 8;

/// What one run did (or what CPython did, for the expected side).
#[derive(PartialEq)]
struct Outcome {
    /// Exit status; `None` when the process was killed by a signal.
    status: Option<i32>,
    /// Last non-empty stderr line, trailing whitespace removed.
    stderr: String,
    stdout: Vec<u8>,
}

#[test]
fn programs() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let filter = std::env::var("PYRITE_TEST_FILTER").unwrap_or_default();
    let binary = match std::env::var_os("PYRITE_TEST_BINARY") {
        // A path with a separator is made absolute: programs run in their own directory.
        Some(b) if Path::new(&b).components().count() > 1 => std::path::absolute(&b).unwrap(),
        Some(b) => PathBuf::from(b),
        None => PathBuf::from(env!("CARGO_BIN_EXE_pyrite")),
    };
    let mut programs = Vec::new();
    collect_programs(&base, &mut programs);
    programs.sort();
    let programs: Vec<(String, PathBuf)> = programs
        .into_iter()
        .map(|p| (relative_name(&base, &p), p))
        .filter(|(name, _)| name.contains(filter.as_str()))
        .collect();
    assert!(!programs.is_empty(), "no programs under {} match PYRITE_TEST_FILTER={filter:?}", base.display());

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers =
        thread::available_parallelism().map_or(2, std::num::NonZero::get).clamp(1, MAX_WORKERS).min(programs.len());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some((name, path)) = programs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(report) = check(&binary, path) {
                        failures.lock().unwrap().push(format!("--- {name}\n{report}"));
                    }
                }
            });
        }
    });

    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    for failure in &failures {
        eprintln!("{failure}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs failed (binary: {})",
        failures.len(),
        programs.len(),
        binary.display()
    );
    println!("{} programs passed", programs.len());
}

/// Runs one program and compares it with its `.expected`; `Err` holds a short report.
fn check(binary: &Path, program: &Path) -> Result<(), String> {
    let Ok(bytes) = std::fs::read(program.with_extension("expected")) else {
        return Err("  not blessed: run cargo xtask bless\n".to_owned());
    };
    let expected = parse_expected(&bytes).map_err(|e| format!("  bad .expected file: {e}\n"))?;
    let actual = run(binary, program)?;
    if actual == expected {
        return Ok(());
    }
    let mut report = String::new();
    if actual.stdout != expected.stdout {
        report += &stdout_diff(&expected.stdout, &actual.stdout);
    }
    if actual.stderr != expected.stderr {
        report += &format!("  stderr: expected {:?}\n          actual   {:?}\n", expected.stderr, actual.stderr);
    }
    if actual.status != expected.status {
        let show = |s: Option<i32>| s.map_or("killed by a signal".to_owned(), |c| c.to_string());
        report += &format!("  status: expected {}, actual {}\n", show(expected.status), show(actual.status));
    }
    Err(report)
}

/// Parses the format written by `cargo xtask bless`:
/// `status: N\nstderr: LINE\n--- stdout\n` followed by stdout, verbatim to the end.
fn parse_expected(bytes: &[u8]) -> Result<Outcome, String> {
    let mut rest = bytes;
    let mut header = Vec::new();
    for _ in 0..3 {
        let end = rest.iter().position(|&b| b == b'\n').ok_or("header is not three lines")?;
        header.push(String::from_utf8_lossy(&rest[..end]).into_owned());
        rest = &rest[end + 1..];
    }
    let status = header[0]
        .strip_prefix("status: ")
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {:?}", header[0]))?;
    // An editor may strip the space after an empty `stderr:`.
    let stderr = header[1]
        .strip_prefix("stderr:")
        .map(|s| s.strip_prefix(' ').unwrap_or(s))
        .ok_or_else(|| format!("bad stderr line {:?}", header[1]))?;
    if header[2] != "--- stdout" {
        return Err(format!("expected `--- stdout`, found {:?}", header[2]));
    }
    Ok(Outcome { status: Some(status), stderr: stderr.to_owned(), stdout: rest.to_vec() })
}

/// Runs `binary name.py` in the program's directory, killing it after [`TIMEOUT`].
fn run(binary: &Path, program: &Path) -> Result<Outcome, String> {
    let mut child = Command::new(binary)
        .arg(program.file_name().unwrap())
        .current_dir(program.parent().unwrap())
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("  cannot run {}: {e}\n", binary.display()))?;
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().unwrap()));
    let stderr = read_all(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("  wait failed: {e}\n"))? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("  timed out after {} s (killed)\n", TIMEOUT.as_secs()));
        }
        thread::sleep(Duration::from_millis(5));
    };
    let dir = program.parent().unwrap();
    Ok(Outcome {
        status: status.code(),
        stderr: last_stderr_line(&portable(&stderr.join().unwrap(), dir)),
        stdout: portable(&stdout.join().unwrap(), dir),
    })
}

/// The first differing stdout line, quoted so that a missing final newline shows.
fn stdout_diff(expected: &[u8], actual: &[u8]) -> String {
    let mut exp = expected.split_inclusive(|&b| b == b'\n');
    let mut act = actual.split_inclusive(|&b| b == b'\n');
    let show = |line: Option<&[u8]>| {
        line.map_or("<end of output>".to_owned(), |l| format!("{:?}", String::from_utf8_lossy(l)))
    };
    let mut number = 1;
    loop {
        let (e, a) = (exp.next(), act.next());
        if e != a || e.is_none() {
            return format!(
                "  stdout: first difference at line {number}\n    expected {}\n    actual   {}\n",
                show(e),
                show(a)
            );
        }
        number += 1;
    }
}

fn collect_programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_programs(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            out.push(path);
        }
    }
}

fn relative_name(base: &Path, program: &Path) -> String {
    let rel = program.strip_prefix(base).unwrap_or(program);
    let parts: Vec<_> = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}
