//! The compiler must never panic on parsed input: varied larger programs, every mode,
//! deep nesting and big displays either compile or give a `CompileError`.

use pyrite_compiler::{Mode, compile};

const PROGRAM: &str = r#"
import sys, os.path as osp
from collections import defaultdict as dd, OrderedDict
__all__ = ['Thing']

class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)

class Thing(metaclass=Meta):
    """A thing."""
    count: int = 0
    def __init__(self, *items, key=None, **extra):
        self.items = [i for i in items if i]
        self.key = key or (lambda v: v)
        self.extra = {k: v for k, v in extra.items()}
        Thing.count += 1
    def __iter__(self):
        for item in self.items:
            try:
                yield self.key(item)
            except (TypeError, ValueError) as exc:
                print(f"bad {item!r}: {exc}", file=sys.stderr)
                continue
            finally:
                pass
    @property
    def total(self):
        total = 0
        while True:
            for x in self:
                total += x if x > 0 else -x
            break
        return total

def closure_maker(n):
    def add(x, /, y=1, *, z=2):
        nonlocal n
        n += x + y + z
        return n
    return add

async def worker(queue):
    async with queue.lock as held:
        async for job in queue:
            result = await job()
            if result is None:
                return
    return [r async for r in queue if await r]

def matcher(value):
    try:
        assert value, "no value"
        del value[0], value[1:2]
    except* KeyError:
        pass
    data = {**{'a': 1}, 'b': 2, **{}}
    a, *rest, z = range(10)
    value[1:2] += [3]
    return data, a, rest, z, (*rest, *rest), {*rest}, value[::2]
"#;

fn check(source: &str) {
    for mode in [Mode::Exec, Mode::Single] {
        let _ = compile(source, "<robust>", mode);
    }
}

#[test]
fn varied_program_compiles() {
    let code = compile(PROGRAM, "prog.py", Mode::Exec).expect("the program compiles");
    assert!(!code.code.is_empty());
    check(PROGRAM);
}

#[test]
fn eval_and_single_modes() {
    let code = compile("1 + x * 2", "<eval>", Mode::Eval).expect("eval mode");
    let text = pyrite_bytecode::dis::disassemble(&code);
    assert!(text.contains("RETURN_VALUE"), "{text}");
    let code = compile("x\n", "<stdin>", Mode::Single).expect("single mode");
    let text = pyrite_bytecode::dis::disassemble(&code);
    assert!(text.contains("INTRINSIC_PRINT"), "{text}");
}

#[test]
fn every_fixture_in_every_mode() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut all = String::new();
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture");
        check(&text);
        all.push_str(&text);
        all.push('\n');
    }
    check(&all);
    let wrapped: String = all.lines().map(|l| format!("    {l}\n")).collect();
    check(&format!("def wrapper():\n{wrapped}"));
    check(&format!("class Wrapper:\n{wrapped}"));
}

#[test]
fn deep_and_large_inputs() {
    let deep_sum = format!("x = {}1", "1 + ".repeat(3000));
    check(&deep_sum);
    let deep_parens = format!("x = {}1{}", "(".repeat(150), ")".repeat(150));
    check(&deep_parens);
    let big_list = format!("x = [{}]", (0..5000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(", "));
    let code = compile(&big_list, "<big>", Mode::Exec).expect("big list");
    assert!(code.names.len() > 256);
    let many_consts = (0..70000).map(|i| format!("x = {i}\n")).collect::<String>();
    compile(&many_consts, "<consts>", Mode::Exec).expect("many constants use EXTENDED_ARG");
    let long_jump = format!("if x:\n{}", "    y = x + 1\n".repeat(5000));
    compile(&long_jump, "<jump>", Mode::Exec).expect("long jumps");
    let big_call = format!("f({})", (0..300).map(|i| format!("k{i}={i}")).collect::<Vec<_>>().join(", "));
    compile(&big_call, "<call>", Mode::Exec).expect("big call");
}
