//! `cargo xtask bless`: records what CPython 3.11 does with each end-to-end program.
//!
//! Every `tests/programs/**/<name>.py` gets a `<name>.expected` next to it:
//!
//! ```text
//! status: <exit status>
//! stderr: <last non-empty line of stderr, trailing whitespace removed; may be empty>
//! --- stdout
//! <stdout, byte for byte, to the end of the file>
//! ```
//!
//! A program whose first line starts with `# expected-by-hand:` keeps its hand-written
//! `.expected` (Python 3.12 syntax, which the 3.11 oracle cannot run; the line says why).
//!
//! The oracle runs exactly as the test harness (`crates/pyrite-cli/tests/programs.rs`)
//! runs `pyrite`: environment `PYTHONHASHSEED=0`, working directory = the program's
//! directory, single argument = the file name, stdin closed (null). Keep the two in step.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::recording::{last_stderr_line, portable};

/// Blesses the programs whose path (relative to `tests/programs`) contains any filter.
pub fn run(root: &Path, filters: &[String]) -> Result<(), String> {
    let oracle = std::env::var("PYRITE_ORACLE").unwrap_or_else(|_| "python3".to_owned());
    check_oracle(&oracle)?;
    let base = root.join("tests").join("programs");
    let mut programs = Vec::new();
    collect_programs(&base, &mut programs)?;
    programs.sort();
    let mut blessed = 0;
    for program in &programs {
        let rel = relative_name(&base, program);
        if !filters.is_empty() && !filters.iter().any(|f| rel.contains(f.as_str())) {
            continue;
        }
        if is_written_by_hand(program) {
            println!("kept hand-written {rel}");
            continue;
        }
        let expected = run_program(&oracle, program)?;
        let path = program.with_extension("expected");
        let old = fs::read(&path).ok();
        if old.as_deref() != Some(expected.as_slice()) {
            fs::write(&path, &expected).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!("blessed {rel}");
        }
        blessed += 1;
    }
    println!("{blessed} program(s) checked against {oracle}");
    Ok(())
}

/// Whether the program's expected output is written by hand (see the module docs).
fn is_written_by_hand(program: &Path) -> bool {
    fs::read_to_string(program).is_ok_and(|text| text.starts_with("# expected-by-hand:"))
}

/// Refuses any oracle that is not CPython 3.11: the project's reference behaviour.
fn check_oracle(oracle: &str) -> Result<(), String> {
    let output = Command::new(oracle)
        .args(["-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run oracle `{oracle}`: {e}"))?;
    let version = String::from_utf8_lossy(&output.stdout);
    if version.trim() == "cpython 3 11" {
        Ok(())
    } else {
        Err(format!("oracle `{oracle}` must be CPython 3.11, found {:?} (set PYRITE_ORACLE)", version.trim()))
    }
}

fn collect_programs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_programs(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "py") {
            out.push(path);
        }
    }
    Ok(())
}

fn relative_name(base: &Path, program: &Path) -> String {
    let rel = program.strip_prefix(base).unwrap_or(program);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Runs one program under the oracle and renders its `.expected` contents.
fn run_program(oracle: &str, program: &Path) -> Result<Vec<u8>, String> {
    let dir = program.parent().expect("a program lives in a directory");
    let name = program.file_name().expect("a program has a file name");
    let output = Command::new(oracle)
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run oracle on {}: {e}", program.display()))?;
    let status = output
        .status
        .code()
        .ok_or_else(|| format!("{} was killed by a signal ({})", program.display(), output.status))?;
    let stderr = String::from_utf8_lossy(&portable(&output.stderr, dir)).into_owned();
    let stderr = last_stderr_line(stderr.as_bytes());
    let mut expected = format!("status: {status}\nstderr: {stderr}\n--- stdout\n").into_bytes();
    expected.extend_from_slice(&portable(&output.stdout, dir));
    Ok(expected)
}
