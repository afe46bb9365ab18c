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
    /// Passes over one varint without decoding it.
    fn skip_varint(&mut self) -> Option<()> {
        loop {
            let byte = *self.table.get(self.pos)?;
            self.pos += 1;
            if byte & 0x40 == 0 {
                return Some(());
            }
        }
    }

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

/// Tables longer than this many bytes are narrowed by bisection before the linear scan.
const LINEAR_SCAN_BYTES: usize = 40;

/// Finds the handler for an exception raised at code unit `index`, as CPython 3.11's
/// `get_exception_handler`: entries are sorted by start and do not overlap, so a long
/// table is first bisected on entry starts (the bytes with bit 7 set), and the scan stops
/// at the first entry starting past `index`; only a matching entry's target and depth are
/// decoded.
#[must_use]
pub fn find_handler(table: &[u8], index: u32) -> Option<ExceptionTableEntry> {
    let (mut low, mut high) = (0, table.len());
    if high - low > LINEAR_SCAN_BYTES {
        if (Entries { table, pos: 0 }).read()? > index {
            return None;
        }
        while high - low > LINEAR_SCAN_BYTES {
            // Back from the middle to the first byte of the entry it is in.
            let mut mid = low + (high - low) / 2;
            while mid > low && table[mid] & 0x80 == 0 {
                mid -= 1;
            }
            if mid == low {
                break;
            }
            if (Entries { table, pos: mid }).read()? > index {
                high = mid;
            } else {
                low = mid;
            }
        }
    }
    let mut entries = Entries { table: &table[..high], pos: low };
    loop {
        let start = entries.read()?;
        if start > index {
            return None;
        }
        let end = start.saturating_add(entries.read()?);
        if index < end {
            let (target, dl) = (entries.read()?, entries.read()?);
            return Some(ExceptionTableEntry { start, end, target, depth: dl >> 1, lasti: dl & 1 == 1 });
        }
        entries.skip_varint()?;
        entries.skip_varint()?;
    }
}

#[cfg(test)]
mod tests {
    use super::{ExceptionTableEntry, decode, encode, find_handler};

    /// Sorted, non-overlapping entries with gaps, of many sizes (values past one varint
    /// group too), against a plain search of the decoded entries.
    #[test]
    fn lookup_agrees_with_a_linear_search() {
        let mut seed = 12345u32;
        let mut next = move |bound: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 8) % bound
        };
        for count in [0, 1, 2, 3, 5, 8, 13, 40, 100, 300] {
            let mut entries = Vec::new();
            let mut at = next(5);
            for _ in 0..count {
                let start = at + next(4);
                let end = start + 1 + next(200);
                entries.push(ExceptionTableEntry {
                    start,
                    end,
                    target: next(5000),
                    depth: next(70),
                    lasti: next(2) == 1,
                });
                at = end;
            }
            let table = encode(&entries);
            assert_eq!(decode(&table), entries);
            for index in 0..at + 10 {
                let expected = entries.iter().copied().find(|e| e.start <= index && index < e.end);
                assert_eq!(find_handler(&table, index), expected, "{count} entries, index {index}");
            }
        }
    }
}
