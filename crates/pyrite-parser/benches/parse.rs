//! Parsing throughput, in lines per second, over the end-to-end test programs:
//! `cargo bench -p pyrite-parser` (`cargo xtask bench-compile` measures the same over
//! CPython's standard library, next to CPython's own `compile()`).

#[path = "support/corpus.rs"]
mod corpus;

use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

#[divan::bench]
fn parse_test_programs(bencher: divan::Bencher<'_, '_>) {
    let (sources, lines) = corpus::load();
    bencher.counter(ItemsCount::new(lines)).bench(|| {
        for source in &sources {
            let parsed = pyrite_parser::parse(&source.text, pyrite_parser::Mode::Exec, &source.name);
            divan::black_box(parsed.is_ok());
        }
    });
}
