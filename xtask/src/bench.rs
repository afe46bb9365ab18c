//! `cargo xtask bench [FILTER...] [--reps N] [--json PATH] [--pgo]`: runs the programs under
//! `benches/` with Pyrite and with CPython side by side and prints their times as ratios.
//!
//! - Builds `target/<host triple>/release/pyrite` (`cargo build --release -p pyrite-cli` in the workspace's
//!   default target directory, ignoring `CARGO_TARGET_DIR`, so everyone measures one binary),
//!   unless `PYRITE_BENCH_BINARY` names the binary to measure. With `--pgo` it measures the
//!   profile-guided build instead (`cargo xtask pgo`, trained on `tests/programs`, never on
//!   the benchmarks).
//! - Finds CPython as `$PYRITE_ORACLE` or `python3`, resolved to the real executable
//!   (`sys.executable`) so that a version-manager shim does not add its own start-up.
//!   Without CPython only Pyrite's columns are filled.
//! - Runs every program once per interpreter as a check (exit status 0: each program asserts
//!   its own answer); a program that fails is reported as FAILED and not timed.
//! - Then `N` repetitions (default 5), Pyrite and CPython alternating, and takes medians of
//!   wall-clock time and of CPU time (user + system). Peak memory is the largest max RSS over
//!   the repetitions, measured by running each child under GNU `/usr/bin/time -f` when it is
//!   there (std has no `wait4`); without it, memory columns stay empty.
//! - Start-up: `-c pass`, 20 repetitions, median.
//! - Writes everything as JSON (default `target/bench.json`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const DEFAULT_REPS: usize = 5;
const STARTUP_REPS: usize = 20;
/// A run that takes longer than this is killed and the program reported as failed.
const TIMEOUT: Duration = Duration::from_secs(300);
const GNU_TIME: &str = "/usr/bin/time";

struct Options {
    filters: Vec<String>,
    reps: usize,
    json: Option<PathBuf>,
    pgo: bool,
}

/// One interpreter to measure.
struct Interpreter {
    name: &'static str,
    path: PathBuf,
    version: String,
}

/// One run of one program.
struct Sample {
    wall: f64,
    /// User + system CPU seconds, when `/usr/bin/time` reported them.
    cpu: Option<f64>,
    /// Max resident set size in KiB, when `/usr/bin/time` reported it.
    max_rss_kb: Option<u64>,
}

/// Everything measured for one program under one interpreter.
#[derive(Default)]
struct Measured {
    failure: Option<String>,
    walls: Vec<f64>,
    cpus: Vec<f64>,
    max_rss_kb: Option<u64>,
}

impl Measured {
    fn wall(&self) -> Option<f64> {
        median(&self.walls)
    }
    fn cpu(&self) -> Option<f64> {
        median(&self.cpus)
    }
    fn add(&mut self, sample: &Sample) {
        self.walls.push(sample.wall);
        self.cpus.extend(sample.cpu);
        if let Some(kb) = sample.max_rss_kb {
            self.max_rss_kb = Some(self.max_rss_kb.map_or(kb, |old| old.max(kb)));
        }
    }
}

struct ProgramResult {
    name: String,
    pyrite: Measured,
    cpython: Option<Measured>,
}

impl ProgramResult {
    fn ratio(&self) -> Option<f64> {
        ratio(self.pyrite.wall(), self.cpython.as_ref().and_then(Measured::wall))
    }
    fn cpu_ratio(&self) -> Option<f64> {
        ratio(self.pyrite.cpu(), self.cpython.as_ref().and_then(Measured::cpu))
    }
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let options = parse_args(args)?;
    // `PYRITE_BENCH_BINARY` measures a binary built elsewhere (another target directory,
    // another checkout) instead of building the release binary.
    let binary = match std::env::var_os("PYRITE_BENCH_BINARY") {
        Some(path) => PathBuf::from(path),
        None if options.pgo => crate::pgo::build_optimized(root)?,
        None => crate::release::build(root, None, &[])?,
    };
    let pyrite = Interpreter {
        name: "pyrite",
        version: version_of(&binary).unwrap_or_else(|| "unknown".to_owned()),
        path: binary,
    };
    let cpython = find_cpython();
    match &cpython {
        Some(c) => eprintln!("bench: CPython is {} ({})", c.path.display(), c.version),
        None => eprintln!("bench: no python3 found; measuring Pyrite only"),
    }
    let gnu_time = gnu_time_works();
    if !gnu_time {
        eprintln!("bench: {GNU_TIME} (GNU time) not usable; no memory or CPU-time columns");
    }

    let programs = collect_programs(&root.join("benches"), &options.filters)?;
    if programs.is_empty() {
        return Err("no benchmark program matches".to_owned());
    }
    println!(
        "{} programs, {} repetitions, {} CPUs; times are medians in seconds, memory is peak RSS in MB",
        programs.len(),
        options.reps,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );
    print_header(cpython.is_some());
    let mut results = Vec::new();
    for program in &programs {
        let result = measure_program(program, &pyrite, cpython.as_ref(), options.reps, gnu_time);
        print_row(&result, cpython.is_some());
        results.push(result);
    }
    let geomean = geometric_mean(results.iter().map(ProgramResult::ratio));
    let cpu_geomean = geometric_mean(results.iter().map(ProgramResult::cpu_ratio));
    if cpython.is_some() {
        println!(
            "{:<16} {:>9} {:>9} {:>7} {:>7}",
            "geometric mean",
            "",
            "",
            fmt_ratio(geomean),
            fmt_ratio(cpu_geomean)
        );
    }

    let startup = measure_startup(&pyrite, cpython.as_ref(), gnu_time);
    println!();
    println!(
        "start-up (-c pass, {STARTUP_REPS} reps): pyrite {:.1} ms{}{}",
        startup.pyrite.wall().unwrap_or(f64::NAN) * 1e3,
        startup.pyrite.max_rss_kb.map_or_else(String::new, |kb| format!(" ({} MB)", fmt_mb(kb))),
        startup.cpython.as_ref().map_or_else(String::new, |c| format!(
            ", CPython {:.1} ms{}, ratio {}",
            c.wall().unwrap_or(f64::NAN) * 1e3,
            c.max_rss_kb.map_or_else(String::new, |kb| format!(" ({} MB)", fmt_mb(kb))),
            fmt_ratio(startup.ratio())
        ))
    );

    let failed = results.iter().filter(|r| r.pyrite.failure.is_some()).count();
    let json_path = options.json.clone().unwrap_or_else(|| root.join("target").join("bench.json"));
    let json = to_json(&options, &pyrite, cpython.as_ref(), &results, &startup, geomean, cpu_geomean);
    std::fs::write(&json_path, json).map_err(|e| format!("cannot write {}: {e}", json_path.display()))?;
    println!("results written to {}", json_path.display());
    if failed == 0 { Ok(()) } else { Err(format!("{failed} programs FAILED under pyrite")) }
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options { filters: Vec::new(), reps: DEFAULT_REPS, json: None, pgo: false };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reps" => {
                let value = args.next().ok_or("--reps needs a number")?;
                options.reps = value.parse().map_err(|_| format!("--reps: not a number: {value}"))?;
                if options.reps == 0 {
                    return Err("--reps must be at least 1".to_owned());
                }
            }
            "--pgo" => options.pgo = true,
            "--json" => options.json = Some(PathBuf::from(args.next().ok_or("--json needs a path")?)),
            flag if flag.starts_with("--") => return Err(format!("bench: unknown option {flag}")),
            filter => options.filters.push(filter.to_owned()),
        }
    }
    Ok(options)
}

/// `$PYRITE_ORACLE` or `python3`, resolved to the executable behind any shim.
fn find_cpython() -> Option<Interpreter> {
    let oracle = std::env::var("PYRITE_ORACLE").unwrap_or_else(|_| "python3".to_owned());
    let output = Command::new(&oracle)
        .args(["-c", "import sys; print(sys.executable); print(sys.version.split()[0])"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut lines = text.lines();
    let executable = lines.next().filter(|s| !s.is_empty()).map_or_else(|| PathBuf::from(&oracle), PathBuf::from);
    let version = format!("CPython {}", lines.next().unwrap_or("?"));
    Some(Interpreter { name: "cpython", path: executable, version })
}

fn version_of(path: &Path) -> Option<String> {
    let output = Command::new(path).arg("-V").stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    Some(text)
}

/// Whether `/usr/bin/time` is GNU time (it understands `-f` and `-o`).
fn gnu_time_works() -> bool {
    let out = std::env::temp_dir().join(format!("xtask-bench-probe-{}", std::process::id()));
    let ok = Command::new(GNU_TIME)
        .args(["-f", "%e %U %S %M", "-o"])
        .arg(&out)
        .arg("true")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
        && std::fs::read_to_string(&out).is_ok_and(|t| parse_time_output(&t).is_some());
    let _ = std::fs::remove_file(&out);
    ok
}

fn collect_programs(dir: &Path, filters: &[String]) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut programs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?.path();
        let name = program_name(&path);
        if path.extension().is_some_and(|x| x == "py")
            && (filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        {
            programs.push(path);
        }
    }
    programs.sort();
    Ok(programs)
}

fn program_name(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn measure_program(
    program: &Path,
    pyrite: &Interpreter,
    cpython: Option<&Interpreter>,
    reps: usize,
    gnu_time: bool,
) -> ProgramResult {
    let name = program_name(program);
    let mut result = ProgramResult { name, pyrite: Measured::default(), cpython: cpython.map(|_| Measured::default()) };
    let args = [program.as_os_str().to_owned()];
    // The check run: also warms the file cache for both interpreters.
    result.pyrite.failure = check(pyrite, &args, program);
    if let (Some(c), Some(m)) = (cpython, result.cpython.as_mut()) {
        m.failure = check(c, &args, program);
    }
    for rep in 0..reps {
        // Alternate which interpreter goes first, so that slow drifts of a shared machine
        // fall on both.
        let order: [bool; 2] = if rep % 2 == 0 { [true, false] } else { [false, true] };
        for pyrite_turn in order {
            let (interp, measured) = if pyrite_turn {
                (pyrite, &mut result.pyrite)
            } else {
                match (cpython, result.cpython.as_mut()) {
                    (Some(c), Some(m)) => (c, m),
                    _ => continue,
                }
            };
            if measured.failure.is_some() {
                continue;
            }
            match run_once(interp, &args, program, gnu_time, Stdio::null()) {
                Ok((sample, status, _)) if status.success() => measured.add(&sample),
                Ok((_, status, _)) => measured.failure = Some(format!("exit {status} on repetition {}", rep + 1)),
                Err(e) => measured.failure = Some(e),
            }
        }
    }
    result
}

/// Runs the program once with its output captured; `None` if it succeeded.
fn check(interp: &Interpreter, args: &[std::ffi::OsString], program: &Path) -> Option<String> {
    match run_once(interp, args, program, false, Stdio::piped()) {
        Ok((_, status, _)) if status.success() => None,
        Ok((_, status, stderr)) => {
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_owned();
            Some(format!("{status}: {last}"))
        }
        Err(e) => Some(e),
    }
}

/// Runs `interp args` in the program's directory; returns the sample, exit status and stderr
/// (stderr only when `stderr` is piped).
fn run_once(
    interp: &Interpreter,
    args: &[std::ffi::OsString],
    program: &Path,
    gnu_time: bool,
    stderr: Stdio,
) -> Result<(Sample, ExitStatus, String), String> {
    let time_file = std::env::temp_dir().join(format!("xtask-bench-{}-{}", std::process::id(), interp.name));
    let mut command = if gnu_time {
        let mut c = Command::new(GNU_TIME);
        c.args(["-f", "%e %U %S %M", "-o"]).arg(&time_file).arg(&interp.path);
        c
    } else {
        Command::new(&interp.path)
    };
    command.args(args).env("PYTHONHASHSEED", "0").stdin(Stdio::null()).stdout(Stdio::null()).stderr(stderr);
    if let Some(dir) = program.parent().filter(|d| d.is_dir()) {
        command.current_dir(dir);
    }
    let start = Instant::now();
    let mut child = command.spawn().map_err(|e| format!("cannot run {}: {e}", interp.path.display()))?;
    let mut stderr_pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(pipe) = stderr_pipe.as_mut() {
            let _ = std::io::Read::read_to_string(pipe, &mut text);
        }
        text
    });
    let status = wait_with_timeout(&mut child)?;
    let wall = start.elapsed().as_secs_f64();
    let stderr_text = reader.join().unwrap_or_default();
    let mut sample = Sample { wall, cpu: None, max_rss_kb: None };
    if gnu_time {
        if let Some((cpu, rss)) = std::fs::read_to_string(&time_file).ok().as_deref().and_then(parse_time_output) {
            sample.cpu = Some(cpu);
            sample.max_rss_kb = Some(rss);
        }
        let _ = std::fs::remove_file(&time_file);
    }
    Ok((sample, status, stderr_text))
}

/// Waits for the child, polling so that a hung program can be killed after [`TIMEOUT`].
fn wait_with_timeout(child: &mut Child) -> Result<ExitStatus, String> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("wait failed: {e}"))? {
            return Ok(status);
        }
        if start.elapsed() > TIMEOUT {
            kill_tree(child.id());
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {} s", TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Kills the children of `pid` (the interpreter under `/usr/bin/time`), Linux only.
fn kill_tree(pid: u32) {
    let path = format!("/proc/{pid}/task/{pid}/children");
    if let Ok(children) = std::fs::read_to_string(path) {
        for child in children.split_whitespace() {
            let _ = Command::new("kill").args(["-KILL", child]).status();
        }
    }
}

/// Parses `%e %U %S %M` (the last line: GNU time may write a note about the exit status
/// before it) into CPU seconds and max RSS in KiB.
fn parse_time_output(text: &str) -> Option<(f64, u64)> {
    let line = text.lines().rev().find(|l| !l.trim().is_empty())?;
    let fields: Vec<&str> = line.split_whitespace().collect();
    let [_, user, system, rss] = fields.as_slice() else { return None };
    let cpu = user.parse::<f64>().ok()? + system.parse::<f64>().ok()?;
    Some((cpu, rss.parse().ok()?))
}

struct Startup {
    pyrite: Measured,
    cpython: Option<Measured>,
}

impl Startup {
    fn ratio(&self) -> Option<f64> {
        ratio(self.pyrite.wall(), self.cpython.as_ref().and_then(Measured::wall))
    }
}

/// `-c pass`, [`STARTUP_REPS`] times each, alternating; timed directly (no `/usr/bin/time`
/// in between), with one extra run under `/usr/bin/time` for peak memory.
fn measure_startup(pyrite: &Interpreter, cpython: Option<&Interpreter>, gnu_time: bool) -> Startup {
    let args = ["-c".into(), "pass".into()];
    let here = Path::new(".");
    let mut startup = Startup { pyrite: Measured::default(), cpython: cpython.map(|_| Measured::default()) };
    let mut interps = vec![(pyrite, &mut startup.pyrite)];
    if let (Some(c), Some(m)) = (cpython, startup.cpython.as_mut()) {
        interps.push((c, m));
    }
    for _ in 0..STARTUP_REPS {
        for (interp, measured) in &mut interps {
            match run_once(interp, &args, here, false, Stdio::null()) {
                Ok((sample, status, _)) if status.success() => measured.walls.push(sample.wall),
                Ok((_, status, _)) => measured.failure = Some(format!("exit {status}")),
                Err(e) => measured.failure = Some(e),
            }
        }
    }
    if gnu_time {
        for (interp, measured) in &mut interps {
            if let Ok((sample, _, _)) = run_once(interp, &args, here, true, Stdio::null()) {
                measured.max_rss_kb = sample.max_rss_kb;
            }
        }
    }
    startup
}

fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 { sorted[mid] } else { f64::midpoint(sorted[mid - 1], sorted[mid]) })
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

/// Geometric mean of the ratios that exist; `None` if any program has none (a failure makes
/// the mean meaningless) or there are none.
fn geometric_mean(ratios: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let ratios: Option<Vec<f64>> = ratios.collect();
    let ratios = ratios?;
    if ratios.is_empty() {
        return None;
    }
    #[expect(clippy::cast_precision_loss, reason = "a handful of programs")]
    let n = ratios.len() as f64;
    Some((ratios.iter().map(|r| r.ln()).sum::<f64>() / n).exp())
}

fn print_header(with_cpython: bool) {
    if with_cpython {
        println!(
            "{:<16} {:>9} {:>9} {:>7} {:>7} {:>9} {:>9}",
            "program", "pyrite", "cpython", "ratio", "cpu", "pyrite", "cpython"
        );
        println!("{:<16} {:>9} {:>9} {:>7} {:>7} {:>9} {:>9}", "", "s", "s", "", "ratio", "MB", "MB");
    } else {
        println!("{:<16} {:>9} {:>9} {:>9}", "program", "pyrite s", "cpu s", "MB");
    }
}

fn print_row(result: &ProgramResult, with_cpython: bool) {
    let cell = |m: &Measured| match &m.failure {
        Some(_) => "FAILED".to_owned(),
        None => m.wall().map_or_else(|| "-".to_owned(), |t| format!("{t:.3}")),
    };
    let mem = |m: &Measured| m.max_rss_kb.map_or_else(|| "-".to_owned(), fmt_mb);
    if let Some(c) = result.cpython.as_ref().filter(|_| with_cpython) {
        println!(
            "{:<16} {:>9} {:>9} {:>7} {:>7} {:>9} {:>9}",
            result.name,
            cell(&result.pyrite),
            cell(c),
            fmt_ratio(result.ratio()),
            fmt_ratio(result.cpu_ratio()),
            mem(&result.pyrite),
            mem(c)
        );
    } else {
        let cpu = result.pyrite.cpu().map_or_else(|| "-".to_owned(), |t| format!("{t:.3}"));
        println!("{:<16} {:>9} {:>9} {:>9}", result.name, cell(&result.pyrite), cpu, mem(&result.pyrite));
    }
    for (who, m) in [("pyrite", Some(&result.pyrite)), ("cpython", result.cpython.as_ref())] {
        if let Some(failure) = m.and_then(|m| m.failure.as_ref()) {
            println!("    {who} FAILED: {failure}");
        }
    }
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "-".to_owned(), |r| format!("{r:.2}x"))
}

#[expect(clippy::cast_precision_loss, reason = "memory sizes are far below 2^52")]
fn fmt_mb(kb: u64) -> String {
    format!("{:.1}", kb as f64 / 1024.0)
}

// ---- JSON (by hand: xtask has no serde) ----

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_num(x: Option<f64>) -> String {
    match x {
        Some(x) if x.is_finite() => format!("{x:.6}"),
        _ => "null".to_owned(),
    }
}

fn json_measured(m: &Measured) -> String {
    let walls: Vec<String> = m.walls.iter().map(|&t| json_num(Some(t))).collect();
    format!(
        "{{\"status\": {}, \"failure\": {}, \"median_s\": {}, \"median_cpu_s\": {}, \"max_rss_kb\": {}, \"times_s\": [{}]}}",
        json_str(if m.failure.is_some() { "FAILED" } else { "ok" }),
        m.failure.as_deref().map_or_else(|| "null".to_owned(), json_str),
        json_num(m.wall()),
        json_num(m.cpu()),
        m.max_rss_kb.map_or_else(|| "null".to_owned(), |kb| kb.to_string()),
        walls.join(", ")
    )
}

fn to_json(
    options: &Options,
    pyrite: &Interpreter,
    cpython: Option<&Interpreter>,
    results: &[ProgramResult],
    startup: &Startup,
    geomean: Option<f64>,
    cpu_geomean: Option<f64>,
) -> String {
    let mut out = String::from("{\n");
    let cpus = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let _ = writeln!(out, "  \"machine\": {{\"cpus\": {cpus}, \"os\": {}}},", json_str(std::env::consts::OS));
    let _ = writeln!(out, "  \"pyrite\": {},", json_str(&pyrite.version));
    let _ = writeln!(
        out,
        "  \"cpython\": {},",
        cpython.map_or_else(|| "null".to_owned(), |c| json_str(&format!("{} {}", c.version, c.path.display())))
    );
    let _ = writeln!(out, "  \"reps\": {},", options.reps);
    let _ = writeln!(out, "  \"pgo\": {},", options.pgo);
    let _ = writeln!(out, "  \"programs\": [");
    for (i, r) in results.iter().enumerate() {
        let _ = write!(
            out,
            "    {{\"name\": {}, \"ratio\": {}, \"cpu_ratio\": {}, \"pyrite\": {}, \"cpython\": {}}}",
            json_str(&r.name),
            json_num(r.ratio()),
            json_num(r.cpu_ratio()),
            json_measured(&r.pyrite),
            r.cpython.as_ref().map_or_else(|| "null".to_owned(), json_measured)
        );
        out.push_str(if i + 1 < results.len() { ",\n" } else { "\n" });
    }
    let _ = writeln!(out, "  ],");
    let _ = writeln!(out, "  \"geometric_mean_ratio\": {},", json_num(geomean));
    let _ = writeln!(out, "  \"geometric_mean_cpu_ratio\": {},", json_num(cpu_geomean));
    let _ = writeln!(
        out,
        "  \"startup\": {{\"reps\": {STARTUP_REPS}, \"ratio\": {}, \"pyrite\": {}, \"cpython\": {}}}",
        json_num(startup.ratio()),
        json_measured(&startup.pyrite),
        startup.cpython.as_ref().map_or_else(|| "null".to_owned(), json_measured)
    );
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_means() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        let g = geometric_mean([Some(2.0), Some(8.0)].into_iter()).unwrap();
        assert!((g - 4.0).abs() < 1e-12);
        assert_eq!(geometric_mean([Some(2.0), None].into_iter()), None);
    }

    #[test]
    fn gnu_time_output() {
        let (cpu, rss) = parse_time_output("0.50 0.40 0.05 12345\n").unwrap();
        assert!((cpu - 0.45).abs() < 1e-9);
        assert_eq!(rss, 12345);
        assert_eq!(
            parse_time_output("Command exited with non-zero status 1\n0.01 0.00 0.00 4000\n"),
            Some((0.0, 4000))
        );
        assert_eq!(parse_time_output("garbage"), None);
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_str("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }
}
