//! Compile-time errors: message, line and column compared with CPython 3.11.
//!
//! The expected values were recorded by running `compile(src, "<test>", "exec")` under
//! python3 3.11.7 on the development machine and printing `e.msg`, `e.lineno`, `e.offset`
//! (1-based character column).

const CASES: &[(&str, &str, usize, usize)] = &[
    ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5),
    ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5),
    ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5),
    ("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1),
    ("return 1\n", "'return' outside function", 1, 1),
    ("x = 1\nyield x\n", "'yield' outside function", 2, 1),
    ("await x\n", "'await' outside function", 1, 1),
    ("break\n", "'break' outside loop", 1, 1),
    ("continue\n", "'continue' not properly in loop", 1, 1),
    ("def f(a, a):\n    pass\n", "duplicate argument 'a' in function definition", 1, 10),
    ("def f(a):\n    global a\n", "name 'a' is parameter and global", 2, 5),
    ("f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8),
    ("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 1),
    ("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n", "default 'except:' must be last", 3, 1),
    ("def f():\n    x: int = 1\n    global x\n", "annotated name 'x' can't be global", 3, 5),
    (
        "class C:\n    [y := 1 for x in z]\n",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        6,
    ),
    ("[x := 1 for x in y]\n", "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 2),
    ("def g():\n    yield from x\nasync def f():\n    yield from x\n", "'yield from' inside async function", 4, 5),
    ("def f():\n    async with x:\n        pass\n", "'async with' outside async function", 2, 5),
    ("from __future__ import nonsense\n", "future feature nonsense is not defined", 1, 1),
    (
        "x = 1\nfrom __future__ import annotations\n",
        "from __future__ imports must occur at the beginning of the file",
        2,
        1,
    ),
    ("del __debug__\n", "cannot delete __debug__", 1, 5),
    ("def f():\n    from m import *\n", "import * only allowed at module level", 2, 19),
    ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator", 3, 5),
    ("def f():\n    [(yield x) for x in y]\n", "'yield' inside list comprehension", 2, 7),
    ("for x in y:\n    def g():\n        break\n", "'break' outside loop", 3, 9),
    (
        "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
        "name capture 'y' makes remaining patterns unreachable",
        2,
        10,
    ),
    (
        "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
        "wildcard makes remaining patterns unreachable",
        2,
        10,
    ),
    ("match x:\n    case [a, a]:\n        pass\n", "multiple assignments to name 'a' in pattern", 2, 14),
    ("match x:\n    case [a] | b:\n        pass\n", "alternative patterns bind different names", 2, 16),
    ("match x:\n    case [a] | [b]:\n        pass\n", "alternative patterns bind different names", 2, 17),
    ("match x:\n    case _ | 1:\n        pass\n", "wildcard makes remaining patterns unreachable", 2, 10),
    (
        "match x:\n    case (y):\n        pass\n    case 2:\n        pass\n",
        "name capture 'y' makes remaining patterns unreachable",
        2,
        11,
    ),
    ("match x:\n    case {1: a, 1: b}:\n        pass\n", "mapping pattern checks duplicate key (1)", 2, 10),
    ("match x:\n    case {1: a, True: b}:\n        pass\n", "mapping pattern checks duplicate key (True)", 2, 10),
    ("match x:\n    case C(a=1, a=2):\n        pass\n", "attribute name repeated in class pattern: a", 2, 19),
    ("match x:\n    case [*a, *b]:\n        pass\n", "multiple starred names in sequence pattern", 2, 10),
    ("match x:\n    case {'a': a, **a}:\n        pass\n", "multiple assignments to name 'a' in pattern", 2, 16),
    ("match x:\n    case f'x':\n        pass\n", "patterns may only match literals and attribute lookups", 2, 10),
    ("match x:\n    case __debug__:\n        pass\n", "cannot assign to __debug__", 2, 10),
    ("match x:\n    case C(__debug__=1):\n        pass\n", "cannot assign to __debug__", 2, 22),
    ("match x:\n    case [a, *_, a]:\n        pass\n", "multiple assignments to name 'a' in pattern", 2, 18),
    ("match x:\n    case 1 | x | 2:\n        pass\n", "name capture 'x' makes remaining patterns unreachable", 2, 14),
    (
        "match x:\n    case (a as b) | (b as a):\n        pass\n",
        "name capture 'a' makes remaining patterns unreachable",
        2,
        11,
    ),
];

#[test]
fn syntax_errors_match_cpython() {
    let mut failures = Vec::new();
    for (source, msg, line, offset) in CASES {
        match pyrite_compiler::compile(source, "<test>", pyrite_compiler::Mode::Exec) {
            Err(pyrite_compiler::CompileError::Syntax(e)) => {
                if e.msg != *msg || e.lineno != *line || e.offset != *offset {
                    failures.push(format!(
                        "{source:?}: got {:?} at {}:{}, want {msg:?} at {line}:{offset}",
                        e.msg, e.lineno, e.offset
                    ));
                }
            }
            other => failures.push(format!("{source:?}: got {other:?}, want {msg:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn too_many_nested_blocks() {
    let mut source = String::new();
    for depth in 0..21 {
        source.push_str(&"    ".repeat(depth));
        source.push_str("while x:\n");
    }
    source.push_str(&"    ".repeat(21));
    source.push_str("pass\n");
    match pyrite_compiler::compile(&source, "<test>", pyrite_compiler::Mode::Exec) {
        Err(pyrite_compiler::CompileError::Syntax(e)) => {
            assert_eq!(e.msg, "too many statically nested blocks")
        }
        other => panic!("expected a SyntaxError, got {other:?}"),
    }
}
