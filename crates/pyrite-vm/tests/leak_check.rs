//! Leak check through the whole interpreter: Python code builds and drops a million
//! objects (instances, lists, dicts, tuples, strings, floats, reference cycles of several
//! shapes); afterwards the heap's live-object count is back at its baseline.

use pyrite_memory::stats;
use pyrite_object::Value;
use pyrite_object::types::dict::PyDict;
use pyrite_vm::Interpreter;

const SETUP: &str = r#"
import gc

class Node:
    def __init__(self, i):
        self.i = i
        self.other = None

def build(n):
    for i in range(n):
        a = Node(i)
        kind = i % 4
        if kind == 0:
            b = Node(i)
            a.other = b
            b.other = a
        elif kind == 1:
            a.other = [a, (i, str(i)), {"k": a}]
        elif kind == 2:
            a.other = [i, i * 2.5, "x" * (i % 7), Node(-i)]
        else:
            def closure():
                return closure, a
            a.other = closure
"#;

const RUN: &str = "build(N)\ngc.collect()\n";

fn run(interp: &mut Interpreter, globals: &pyrite_object::ObjRef, source: &str) {
    let code = pyrite_compiler::compile(source, "<leak_check>", pyrite_compiler::Mode::Exec)
        .unwrap_or_else(|e| panic!("compile error: {e:?}"));
    if let Err(err) = interp.exec_code(code, globals) {
        panic!("{}", interp.format_exception(&err));
    }
}

#[test]
fn a_million_objects_with_cycles_leave_nothing_behind() {
    // The interpreter wants a large native stack, as the `pyrite` binary gives it.
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(build_and_drop);
    if let Err(panic) = worker.expect("spawn the interpreter thread").join() {
        std::panic::resume_unwind(panic);
    }
}

fn build_and_drop() {
    let mut interp = Interpreter::new();
    let globals = PyDict::new_obj();
    let dict = globals.downcast::<PyDict>().expect("a dict");
    dict.set_str("__name__", Value::str("__leak_check__"));
    run(&mut interp, &globals, SETUP);
    // Warm up with the very code that is measured (materialized constants, interned names).
    dict.set_str("N", Value::Int(1000));
    run(&mut interp, &globals, RUN);
    run(&mut interp, &globals, RUN);
    let baseline = stats().live();
    // Instances keep their attributes inline (no dict each): about 3.5 objects per round.
    dict.set_str("N", Value::Int(300_000));
    let allocated_before = stats().allocated;
    run(&mut interp, &globals, RUN);
    let allocated = stats().allocated - allocated_before;
    assert!(allocated >= 1_000_000, "only {allocated} objects were allocated");
    assert_eq!(stats().live(), baseline, "objects leaked after {allocated} allocations");
}
