//! The exception table: which handler catches an exception raised at each instruction.
//!
//! Encoded as CPython 3.11's `co_exceptiontable`: per entry, varints of start, length and
//! target (in code units) and `depth << 1 | lasti`. Varints are big-endian 6-bit groups,
//! bit 6 = more follows, bit 7 marks the first byte of an entry. There is no runtime block
//! stack: `try` costs nothing until something is raised.

/// One protected range and its handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First protected code unit.
    pub start: u32,
    /// One past the last protected code unit.
    pub end: u32,
    /// Where the handler starts.
    pub target: u32,
    /// Stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed too.
    pub lasti: bool,
}

fn write_item(out: &mut Vec<u8>, value: u32, first: bool) {
    let mut groups = Vec::with_capacity(6);
    let mut v = value;
    loop {
        groups.push((v & 0x3f) as u8);
        v >>= 6;
        if v == 0 {
            break;
        }
    }
    for (i, group) in groups.iter().rev().enumerate() {
        let mut byte = *group;
        if i + 1 < groups.len() {
            byte |= 0x40;
        }
        if first && i == 0 {
            byte |= 0x80;
        }
        out.push(byte);
    }
}

/// Encodes entries (which must not overlap and are sorted by `start`).
#[must_use]
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in entries {
        write_item(&mut out, entry.start, true);
        write_item(&mut out, entry.end - entry.start, false);
        write_item(&mut out, entry.target, false);
        write_item(&mut out, (entry.depth << 1) | u32::from(entry.lasti), false);
    }
    out
}

/// Decodes a table. Never panics: a truncated table yields the entries decoded so far.
#[must_use]
pub fn decode(table: &[u8]) -> Vec<ExceptionTableEntry> {
    Entries { table, pos: 0 }.collect()
}

/// The entries of an encoded table, decoded one at a time (no allocation: a handler is
/// looked up at every raise).
struct Entries<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Entries<'_> {
    fn read(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        loop {
            let byte = *self.table.get(self.pos)?;
            self.pos += 1;
            value = value.checked_shl(6)? | u32::from(byte & 0x3f);
            if byte & 0x40 == 0 {
                return Some(value);
            }
        }
    }
}

impl Iterator for Entries<'_> {
    type Item = ExceptionTableEntry;

    fn next(&mut self) -> Option<ExceptionTableEntry> {
        let (start, len, target, dl) = (self.read()?, self.read()?, self.read()?, self.read()?);
        Some(ExceptionTableEntry { start, end: start.saturating_add(len), target, depth: dl >> 1, lasti: dl & 1 == 1 })
    }
}

/// Finds the handler for an exception raised at code unit `index`.
#[must_use]
pub fn find_handler(table: &[u8], index: u32) -> Option<ExceptionTableEntry> {
    Entries { table, pos: 0 }.find(|e| e.start <= index && index < e.end)
}
