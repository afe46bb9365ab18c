use ruff_text_size::Ranged;
use ruff_python_parser::{Mode, ParseOptions, parse_unchecked};
use ruff_python_ast::PythonVersion;
fn main() {
    for arg in std::env::args().skip(1) {
        let src = arg.replace("\\n", "\n").replace("\\t", "\t");
        let p = parse_unchecked(&src, ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY312));
        println!("=== {src:?}");
        for e in p.errors() { println!("  ERR {:?} {:?}", e.error, e.location); }
        for e in p.unsupported_syntax_errors() { println!("  UNS {:?} {:?}", e.kind, e.range); }
        if std::env::var("TOK").is_ok() { for t in p.tokens().iter() { println!("    {:?} {:?}", t.kind(), t.range()); } }
    }
}
