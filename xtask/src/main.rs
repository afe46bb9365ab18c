//! `cargo xtask`: project chores that are easier in Rust than in shell.
//!
//! - `bless [FILTER...]` records CPython's behaviour for the end-to-end programs under
//!   `tests/programs` into `.expected` files (see [`bless`]).
//! - `snapshots` re-records every insta snapshot of the workspace.
//! - `compile-all DIR` compiles every `.py` under `DIR` and reports failures and speed
//!   (see [`compile_all`]).
//! - `bench [FILTER...] [--reps N] [--json PATH] [--pgo]` times `benches/*.py` under Pyrite and
//!   CPython side by side (see [`bench`]).
//! - `bench-compile [DIR] [--reps N]` measures parse + compile throughput (see [`bench_compile`]).
//! - `pgo` builds a profile-guided `target/pgo/release/pyrite` (see [`pgo`]).
//! - `unicodedata ALIASES SEQUENCES` regenerates the `unicodedata` module's tables with
//!   `xtask/gen_unicodedata.py` (CPython 3.11 and two files of the Unicode database).
//!
//! It must stay small: its only dependencies are Pyrite's own parser and compiler, and
//! checks belong in ordinary tests.

mod bench;
mod bench_compile;
mod bless;
mod compile_all;
mod pgo;
mod recording;
mod release;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  bless [FILTER...]   run the oracle (python3, or $PYRITE_ORACLE) on tests/programs/**/*.py
                      (only paths containing a FILTER, if given) and rewrite the .expected files
  snapshots [ARGS...] re-record insta snapshots: cargo test --workspace ARGS with
                      INSTA_UPDATE=always INSTA_FORCE_PASS=1
  compile-all DIR     compile every .py under DIR with pyrite-compiler; report files, lines,
                      seconds, lines/second and failures (use --release for speed)
  bench [FILTER...] [--reps N] [--json PATH] [--pgo]
                      build the release pyrite (with --pgo: the `pgo` build), run benches/*.py (names containing a FILTER)
                      under pyrite and python3, N times each (default 5), interleaved; print
                      median times, ratios, their geometric mean, peak memory and start-up;
                      write JSON (default target/bench.json)
  bench-compile [DIR] [--reps N]
                      parse + compile throughput in lines/s over DIR (default: CPython's
                      standard library), in release mode, next to CPython's compile()
  pgo                 profile-guided build: instrument, train on tests/programs, rebuild into
                      target/pgo/release/pyrite (needs `rustup component add llvm-tools`);
                      measure it with PYRITE_BENCH_BINARY=target/pgo/release/pyrite
  unicodedata NameAliases.txt NamedSequences.txt
                      regenerate crates/pyrite-stdlib/src/unicodedata/ucd.bin from python3.11's
                      unicodedata (plus the aliases and named sequences files of the UCD)
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let rest: Vec<String> = args.collect();
    let result = match command.as_deref() {
        Some("bless") => bless::run(&workspace_root(), &rest),
        Some("snapshots") => snapshots(&rest),
        Some("compile-all") => compile_all::run(&rest),
        Some("bench") => bench::run(&workspace_root(), &rest),
        Some("bench-compile") => bench_compile::run(&rest),
        Some("pgo") => pgo::run(&workspace_root(), &rest),
        Some("unicodedata") => unicodedata(&rest),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("xtask: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the `unicodedata` table generator (it needs CPython 3.11 as `python3`).
fn unicodedata(args: &[String]) -> Result<(), String> {
    let [aliases, sequences] = args else {
        return Err("usage: cargo xtask unicodedata NameAliases.txt NamedSequences.txt".to_owned());
    };
    let status = Command::new("python3")
        .arg("xtask/gen_unicodedata.py")
        .arg(aliases)
        .arg(sequences)
        .current_dir(workspace_root())
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("gen_unicodedata.py failed: {status}")) }
}

/// The workspace root: xtask lives one level below it.
fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().expect("xtask is inside the workspace").to_path_buf()
}

/// Runs the workspace's tests with insta told to accept and write every snapshot.
fn snapshots(extra: &[String]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .current_dir(workspace_root())
        .args(["test", "--workspace"])
        .args(extra)
        .env("INSTA_UPDATE", "always")
        .env("INSTA_FORCE_PASS", "1")
        .status()
        .map_err(|e| format!("cannot run `{cargo}`: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`cargo test --workspace` failed ({status})")) }
}
