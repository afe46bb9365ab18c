//! Parse modes and valid sources; expectations recorded from CPython 3.11.7.

use pyrite_parser::{Mode, Parsed, parse};

#[test]
fn exec_gives_a_module() {
    let parsed = parse("x = 1\nprint(x)\n", Mode::Exec, "<string>").unwrap();
    assert!(matches!(parsed, Parsed::Module(m) if m.body.len() == 2));
}

#[test]
fn eval_gives_an_expression() {
    assert!(matches!(parse("1 + 2", Mode::Eval, "<string>"), Ok(Parsed::Expression(_))));
    assert!(parse("x = 1", Mode::Eval, "<string>").is_err());
}

#[test]
fn single_accepts_one_statement() {
    assert!(parse("a = 1; b = 2\n", Mode::Single, "<stdin>").is_ok());
    assert!(parse("if x:\n    a\n    b\n", Mode::Single, "<stdin>").is_ok());
    let err = parse("x = 1\ny = 2\n", Mode::Single, "<stdin>").unwrap_err();
    assert_eq!(err.msg, "multiple statements found while compiling a single statement");
    assert_eq!(err.lineno, 2);
}

#[test]
fn python_312_syntax_is_accepted() {
    for source in ["type X = int\n", "def f[T](x: T) -> T: return x\n", "f'{'a'}'\n", "x: int = 1\n"] {
        assert!(parse(source, Mode::Exec, "x.py").is_ok(), "{source:?}");
    }
}

#[test]
fn syntax_newer_than_312_is_rejected() {
    assert!(parse("t'x'\n", Mode::Exec, "x.py").is_err());
    assert!(parse("[*x for x in y]\n", Mode::Exec, "x.py").is_err());
}

#[test]
fn text_keeps_the_newline() {
    let err = parse("x = (1,\n", Mode::Exec, "x.py").unwrap_err();
    assert_eq!(err.text.as_deref(), Some("x = (1,\n"));
    let err = parse("1 +", Mode::Exec, "x.py").unwrap_err();
    assert_eq!(err.text.as_deref(), Some("1 +\n"));
    assert_eq!(err.to_string(), "invalid syntax (x.py, line 1)");
}
