//! Parsing must never panic: truncated and mutated variants of a realistic module all give
//! `Ok` or `Err`.

use pyrite_parser::{Mode, parse};

/// A module written for this test, touching most of the grammar.
const SAMPLE: &str = r#"# -*- coding: utf-8 -*-
"""A small inventory tool used to exercise the parser."""
from __future__ import annotations

import os, sys
from collections import defaultdict as dd
from typing import (
    Any,
    Iterable,
)

__all__ = ["Item", "Inventory", "main"]
LIMIT: int = 10_000
RATIO = 3.5e-2 + 1j * 0x1F - 0o17 // 0b101
type Pair[T] = tuple[T, T]


def decorate(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


@decorate
class Item:
    """One thing in stock."""

    __slots__ = ("name", "count")

    def __init__(self, name: str, count: int = 0, /, *, tag=None) -> None:
        self.name = name
        self.count = count

    def __repr__(self):
        return f"Item({self.name!r}, {self.count:>5}, {'yes' if self.count else 'no'})"

    @property
    def empty(self) -> bool:
        return not self.count and self.name is not None


class Inventory(dict[str, Item], metaclass=type):
    def add(self, item: Item, *more: Item) -> "Inventory":
        for it in (item, *more):
            if it.name in self:
                self[it.name].count += it.count
            elif it.count < 0:
                raise ValueError(f"negative count for {it.name}") from None
            else:
                self[it.name] = it
        return self

    def totals(self) -> dict:
        out = dd(int)
        for key, value in sorted(self.items(), key=lambda kv: (-kv[1].count, kv[0])):
            out[key[0]] += value.count
        return {k: v for k, v in out.items() if v}

    async def stream(self, source: Iterable[Any]):
        async with source as s:
            async for line in s:
                yield line.strip()
        await s.close()


def parse_line(line: str) -> tuple[str, int] | None:
    match line.split():
        case [name, count] if count.isdigit():
            return name, int(count)
        case [name]:
            return name, 1
        case {"name": str(name), **rest}:
            return name, len(rest)
        case Item(name=n) | [_, _, *_]:
            return None
        case _:
            return None


def main(argv=None):
    global LIMIT
    argv = argv or sys.argv[1:]
    inv = Inventory()
    try:
        with open(argv[0]) as fh, open(os.devnull, "w") as sink:
            for number, line in enumerate(fh, start=1):
                if (parsed := parse_line(line)) is None:
                    continue
                name, count = parsed
                inv.add(Item(name, count))
                print(number, name, count, sep="\t", file=sink)
    except (OSError, IndexError) as exc:
        print("error:", exc, file=sys.stderr)
        return 1
    else:
        LIMIT -= 1
    finally:
        del inv
    squares = [x * x for x in range(10) if x % 2 == 0]
    gen = (y for y in squares)
    assert all(s >= 0 for s in gen), "negative square"
    matrix = [[1, 2], [3, 4]]
    flat = [v for row in matrix for v in row][::-1]
    b = b"bytes\x00" rb"\d+"
    s = u"unicode" r'raw\n'
    while flat:
        flat.pop()
        if not flat:
            break
    else:
        nonsense = ...
    lam = lambda a, b=2, *c, d, **e: (a, b, c, d, e)
    return 0 if lam(1, d=4) else ~-1


if __name__ == "__main__":
    raise SystemExit(main())
"#;

/// A tiny deterministic generator so the test needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0)
    }
}

fn char_boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect()
}

#[test]
fn sample_parses() {
    if let Err(err) = parse(SAMPLE, Mode::Exec, "sample.py") {
        panic!("{err:?}");
    }
}

#[test]
fn truncations_do_not_panic() {
    let cuts = char_boundaries(SAMPLE);
    for &cut in cuts.iter().step_by(7) {
        let _ = parse(&SAMPLE[..cut], Mode::Exec, "sample.py");
        let _ = parse(&SAMPLE[cut..], Mode::Exec, "sample.py");
    }
}

#[test]
fn mutations_do_not_panic() {
    const INSERTS: [&str; 16] =
        ["(", ")", "]", "{", "'", "\"\"\"", "\t", "\n    ", "\\", "€", "0777", "1_", ":=", "*", "f'{", "\r"];
    let cuts = char_boundaries(SAMPLE);
    let mut rng = Lcg(0x5EED);
    for _ in 0..400 {
        let mut text = SAMPLE.to_owned();
        for _ in 0..1 + rng.next() % 3 {
            let bounds = char_boundaries(&text);
            let at = bounds[rng.next() % bounds.len()];
            if rng.next().is_multiple_of(2) {
                text.insert_str(at, INSERTS[rng.next() % INSERTS.len()]);
            } else {
                let end = bounds
                    [(bounds.iter().position(|&b| b == at).unwrap_or(0) + 1 + rng.next() % 5).min(bounds.len() - 1)];
                text.replace_range(at..end, "");
            }
        }
        for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
            let _ = parse(&text, mode, "mutated.py");
        }
    }
    assert!(cuts.len() > 1000);
}
