//! Parsing plus compiling to bytecode, in lines per second, over the end-to-end test
//! programs: `cargo bench -p pyrite-compiler` (`cargo xtask bench-compile` measures the same
//! over CPython's standard library, next to CPython's own `compile()`).

#[path = "../../pyrite-parser/benches/support/corpus.rs"]
mod corpus;

use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

#[divan::bench]
fn compile_test_programs(bencher: divan::Bencher<'_, '_>) {
    let (sources, lines) = corpus::load();
    bencher.counter(ItemsCount::new(lines)).bench(|| {
        for source in &sources {
            let code = pyrite_compiler::compile(&source.text, &source.name, pyrite_compiler::Mode::Exec);
            divan::black_box(code.is_ok());
        }
    });
}
