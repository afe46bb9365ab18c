//! CPython-compatible syntax error messages and locations.
//!
//! Every expectation below (class, message, line, 1-based character offset) was recorded
//! from CPython 3.11.7 with `compile(source, "x.py", "exec")`.

use pyrite_parser::{Mode, SyntaxErrorKind, parse};

use SyntaxErrorKind::{IndentationError, SyntaxError, TabError};

struct Case {
    source: &'static str,
    kind: SyntaxErrorKind,
    msg: &'static str,
    lineno: usize,
    offset: usize,
}

const fn case(source: &'static str, kind: SyntaxErrorKind, msg: &'static str, lineno: usize, offset: usize) -> Case {
    Case { source, kind, msg, lineno, offset }
}

const CASES: &[Case] = &[
    case("1 +", SyntaxError, "invalid syntax", 1, 4),
    case("foo(", SyntaxError, "'(' was never closed", 1, 4),
    case("x = )", SyntaxError, "unmatched ')'", 1, 5),
    case("if x", SyntaxError, "expected ':'", 1, 5),
    case("if x  \n  pass", SyntaxError, "expected ':'", 1, 7),
    case("while x\n  pass", SyntaxError, "expected ':'", 1, 8),
    case("x = 1 = 2", SyntaxError, "cannot assign to literal", 1, 5),
    case("1 = x", SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
    case("a + b = 1", SyntaxError, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
    case("(a, f()) = 1", SyntaxError, "cannot assign to function call", 1, 5),
    case("x = f() = 1", SyntaxError, "cannot assign to function call", 1, 5),
    case("None = 1", SyntaxError, "cannot assign to None", 1, 1),
    case("def f():", IndentationError, "expected an indented block after function definition on line 1", 1, 9),
    case("def f():\nx = 1", IndentationError, "expected an indented block after function definition on line 1", 2, 1),
    case("if x:\npass", IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1),
    case("'abc", SyntaxError, "unterminated string literal (detected at line 1)", 1, 1),
    case("x = 'a' 'b", SyntaxError, "unterminated string literal (detected at line 1)", 1, 9),
    case("\"\"\"abc\n\nx", SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 1),
    case("b\"abc", SyntaxError, "unterminated string literal (detected at line 1)", 1, 1),
    case(" x = 1", IndentationError, "unexpected indent", 1, 1),
    case("if x:\n    a\n  b", IndentationError, "unindent does not match any outer indentation level", 3, 4),
    case("if x:\n    a\n        b", IndentationError, "unexpected indent", 3, 8),
    case("if x:\n\ta\n        b", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1),
    case("if x:\n        a\n\tb", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1),
    case("print \"x\"", SyntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    case("exec \"x\"", SyntaxError, "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1),
    case("a b", SyntaxError, "invalid syntax", 1, 3),
    case("[a b]", SyntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 2),
    case("f(a b)", SyntaxError, "invalid syntax. Perhaps you forgot a comma?", 1, 3),
    case("x = $", SyntaxError, "invalid syntax", 1, 5),
    case("x ?", SyntaxError, "invalid syntax", 1, 3),
    case("x = €", SyntaxError, "invalid character '\u{20ac}' (U+20AC)", 1, 5),
    case(
        "0777",
        SyntaxError,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        1,
    ),
    case("1_", SyntaxError, "invalid decimal literal", 1, 2),
    case("1abc", SyntaxError, "invalid decimal literal", 1, 1),
    case("0x1g", SyntaxError, "invalid hexadecimal literal", 1, 3),
    case("0b12", SyntaxError, "invalid digit '2' in binary literal", 1, 4),
    case("1jx", SyntaxError, "invalid imaginary literal", 1, 2),
    case("1__2", SyntaxError, "invalid decimal literal", 1, 2),
    case("f(**x, *y)", SyntaxError, "iterable argument unpacking follows keyword argument unpacking", 1, 8),
    case("f(x=1, y)", SyntaxError, "positional argument follows keyword argument", 1, 9),
    case("f(**x, y)", SyntaxError, "positional argument follows keyword argument unpacking", 1, 9),
    case("def f(x=1, y): pass", SyntaxError, "non-default argument follows default argument", 1, 12),
    case("def f(*x=1): pass", SyntaxError, "var-positional argument cannot have default value", 1, 9),
    case("def f(**x=1): pass", SyntaxError, "var-keyword argument cannot have default value", 1, 10),
    case("def f(**x, y): pass", SyntaxError, "arguments cannot follow var-keyword argument", 1, 12),
    case("def f(*): pass", SyntaxError, "named arguments must follow bare *", 1, 7),
    case("del f()", SyntaxError, "cannot delete function call", 1, 5),
    case("del x, 1", SyntaxError, "cannot delete literal", 1, 8),
    case("f() = 1", SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
    case("(a, b) += 1", SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1),
    case("f() += 1", SyntaxError, "'function call' is an illegal expression for augmented assignment", 1, 1),
    case("f(): int", SyntaxError, "illegal target for annotation", 1, 1),
    case("(a, b): int", SyntaxError, "only single target (not tuple) can be annotated", 1, 1),
    case("(f() := 1)", SyntaxError, "cannot use assignment expressions with function call", 1, 2),
    case("for f() in x: pass", SyntaxError, "cannot assign to function call", 1, 5),
    case("with a as f(): pass", SyntaxError, "cannot assign to function call", 1, 11),
    case("x = yield = 1", SyntaxError, "assignment to yield expression not possible", 1, 5),
    case("f(x for x in y, 1)", SyntaxError, "Generator expression must be parenthesized", 1, 3),
    case("x = 1 if y", SyntaxError, "expected 'else' after 'if' expression", 1, 5),
    case("x = [1, 2)", SyntaxError, "closing parenthesis ')' does not match opening parenthesis '['", 1, 10),
    case("x = [1, 2\n)", SyntaxError, "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 2, 1),
    case("}", SyntaxError, "unmatched '}'", 1, 1),
    case("x = (\nf(x=1, y)", SyntaxError, "'(' was never closed", 1, 5),
    case("f(x=1, y)\nx = (", SyntaxError, "positional argument follows keyword argument", 1, 9),
    case("1 +\n'abc", SyntaxError, "unterminated string literal (detected at line 2)", 2, 1),
    case("try:\n  pass\nexcept A, B:\n  pass", SyntaxError, "multiple exception types must be parenthesized", 3, 8),
    case("[*x for x in y]", SyntaxError, "iterable unpacking cannot be used in comprehension", 1, 2),
    case("import", SyntaxError, "invalid syntax", 1, 7),
    case("a.1", SyntaxError, "invalid syntax", 1, 2),
    case("if x:\n  pass\n  else:", SyntaxError, "invalid syntax", 3, 3),
    case("x = 1 \\ y", SyntaxError, "unexpected character after line continuation character", 1, 8),
    case("a\u{0001}b", SyntaxError, "invalid non-printable character U+0001", 1, 2),
    case("f'{x'", SyntaxError, "f-string: expecting '}'", 1, 6),
    case("t'x'", SyntaxError, "invalid syntax", 1, 2),
    case(
        "class A:\n    def f(self):\n        return 1\n   x = 2",
        IndentationError,
        "unindent does not match any outer indentation level",
        4,
        9,
    ),
    case("x = b'a' 'b'", SyntaxError, "cannot mix bytes and nonbytes literals", 1, 13),
];

#[test]
fn messages_match_cpython() {
    let mut failures = Vec::new();
    for case in CASES {
        match parse(case.source, Mode::Exec, "x.py") {
            Ok(_) => failures.push(format!("{:?}: parsed without error", case.source)),
            Err(err) => {
                let got = (err.kind, err.msg.as_str(), err.lineno, err.offset);
                let want = (case.kind, case.msg, case.lineno, case.offset);
                if got != want {
                    failures.push(format!("{:?}:\n   got {got:?}\n  want {want:?}", case.source));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}
