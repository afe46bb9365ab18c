//! `pyrite -m unittest` on test modules written for it (CPython's `unittest` package from
//! the standard library): the verbose report, the summary line and the exit status, and
//! test discovery (`discover`, and no arguments at all).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-unittest-test-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn pyrite(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrite")).args(args).current_dir(dir).output().unwrap()
}

/// The runner's report (unittest writes it to stderr), one line per entry.
fn report(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr).lines().map(str::to_owned).collect()
}

const PASSING: &str = "\
import unittest

class Arithmetic(unittest.TestCase):
    def setUp(self):
        self.numbers = [3, 1, 2]

    def test_sum(self):
        self.assertEqual(sum(self.numbers), 6)

    def test_sorted(self):
        self.assertEqual(sorted(self.numbers), [1, 2, 3])

    @unittest.skip('not needed')
    def test_skipped(self):
        self.fail('skipped tests do not run')
";

#[test]
fn verbose_run_that_passes() {
    let dir = project("pass");
    write(&dir, "test_arith.py", PASSING);
    let out = pyrite(&dir, &["-m", "unittest", "-v", "test_arith"]);
    let lines = report(&out);
    assert_eq!(out.status.code(), Some(0), "report: {lines:#?}");
    assert_eq!(
        lines[..3],
        [
            "test_skipped (test_arith.Arithmetic.test_skipped) ... skipped 'not needed'",
            "test_sorted (test_arith.Arithmetic.test_sorted) ... ok",
            "test_sum (test_arith.Arithmetic.test_sum) ... ok",
        ]
    );
    assert!(lines.iter().any(|l| l.starts_with("Ran 3 tests in ")), "report: {lines:#?}");
    assert_eq!(lines.last().map(String::as_str), Some("OK (skipped=1)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failure_is_reported_with_its_traceback() {
    let dir = project("fail");
    write(
        &dir,
        "test_wrong.py",
        "import unittest\n\nclass Wrong(unittest.TestCase):\n    def test_ok(self):\n        pass\n\n    \
         def test_bad(self):\n        self.assertEqual(1 + 1, 3)\n",
    );
    let out = pyrite(&dir, &["-m", "unittest", "test_wrong"]);
    let lines = report(&out);
    assert_eq!(out.status.code(), Some(1), "report: {lines:#?}");
    assert_eq!(lines[0], "F.");
    assert!(lines.contains(&"FAIL: test_bad (test_wrong.Wrong.test_bad)".to_owned()), "report: {lines:#?}");
    assert!(lines.contains(&"AssertionError: 2 != 3".to_owned()), "report: {lines:#?}");
    assert!(lines.iter().any(|l| l.ends_with("test_wrong.py\", line 8, in test_bad")), "report: {lines:#?}");
    assert_eq!(lines.last().map(String::as_str), Some("FAILED (failures=1)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn discovery() {
    let dir = project("discover");
    write(&dir, "tests/__init__.py", "");
    write(&dir, "tests/test_arith.py", PASSING);
    write(&dir, "tests/deeper/__init__.py", "");
    write(
        &dir,
        "tests/deeper/test_text.py",
        "import unittest\n\nclass Text(unittest.TestCase):\n    def test_upper(self):\n        \
         self.assertEqual('a'.upper(), 'A')\n",
    );
    write(&dir, "tests/helper.py", "raise RuntimeError('not a test module: never imported')\n");
    let out = pyrite(&dir, &["-m", "unittest", "discover", "-s", "tests", "-v"]);
    let lines = report(&out);
    assert_eq!(out.status.code(), Some(0), "report: {lines:#?}");
    assert!(lines.contains(&"test_upper (deeper.test_text.Text.test_upper) ... ok".to_owned()), "report: {lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Ran 4 tests in ")), "report: {lines:#?}");
    // Without arguments, unittest discovers from the current directory.
    let out = pyrite(&dir, &["-m", "unittest"]);
    let lines = report(&out);
    assert_eq!(out.status.code(), Some(0), "report: {lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Ran 4 tests in ")), "report: {lines:#?}");
    assert_eq!(lines.last().map(String::as_str), Some("OK (skipped=1)"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// CPython's own test modules from its `test` package run to completion and pass
/// (when the standard library found has its `test` package; some distributions split it
/// off).
#[test]
fn cpython_test_modules() {
    let dir = project("cpython");
    let probe = pyrite(&dir, &["-c", "import test.test_augassign, test.test_unpack"]);
    if !probe.status.success() {
        eprintln!("skipped: no `test` package in the standard library found");
        return;
    }
    let out = pyrite(&dir, &["-m", "unittest", "test.test_augassign", "test.test_unpack"]);
    let lines = report(&out);
    assert_eq!(out.status.code(), Some(0), "report: {lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Ran 9 tests in ")), "report: {lines:#?}");
    assert_eq!(lines.last().map(String::as_str), Some("OK"));
    let _ = std::fs::remove_dir_all(&dir);
}
