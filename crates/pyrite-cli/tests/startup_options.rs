//! Start-up options that change the interpreter's configuration: `-X` options land in
//! `sys._xoptions`, and the int/str digit limit comes from `-X int_max_str_digits` or
//! `PYTHONINTMAXSTRDIGITS` (an invalid one is fatal, as in CPython).

use std::process::{Command, Output};

fn pyrite(args: &[&str], env: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pyrite"));
    command.args(args).env_remove("PYTHONINTMAXSTRDIGITS");
    if let Some(value) = env {
        command.env("PYTHONINTMAXSTRDIGITS", value);
    }
    command.output().unwrap()
}

const SHOW: &str = "import sys; print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, sys._xoptions)";

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn defaults() {
    assert_eq!(stdout(&pyrite(&["-c", SHOW], None)), "4300 -1 {}\n");
}

#[test]
fn x_option_sets_the_limit_and_xoptions() {
    let out = pyrite(&["-X", "int_max_str_digits=700", "-X", "dev", "-c", SHOW], None);
    assert_eq!(stdout(&out), "700 700 {'int_max_str_digits': '700', 'dev': True}\n");
}

#[test]
fn environment_sets_the_limit_and_x_option_wins() {
    assert_eq!(stdout(&pyrite(&["-c", SHOW], Some("0"))), "0 0 {}\n");
    let out = pyrite(&["-X", "int_max_str_digits=1000", "-c", SHOW], Some("800"));
    assert_eq!(stdout(&out), "1000 1000 {'int_max_str_digits': '1000'}\n");
}

#[test]
fn invalid_limits_are_fatal() {
    for (args, env, source) in [
        (&["-X", "int_max_str_digits=5", "-c", "1"][..], None, "-X int_max_str_digits"),
        (&["-X", "int_max_str_digits", "-c", "1"][..], None, "-X int_max_str_digits"),
        (&["-c", "1"][..], Some("abc"), "PYTHONINTMAXSTRDIGITS"),
    ] {
        let out = pyrite(args, env);
        assert_eq!(out.status.code(), Some(1));
        let expected = format!(
            "Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; must be >= 640 or 0 for unlimited."
        );
        assert!(String::from_utf8_lossy(&out.stderr).starts_with(&expected), "{out:?}");
    }
}
