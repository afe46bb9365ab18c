//! The compact location table: for each code unit, its line, end line, and start and end
//! columns (UTF-8 byte offsets, as CPython's `co_positions()` gives them).
//!
//! The encoding is CPython 3.11's `co_linetable`. Each entry covers 1 to 8 code units and
//! starts with a byte `1cccclll` (`c` = form, `l` = units − 1):
//! forms 0–9 "short" (same line, start column `form * 8 + hi3(next)`, width `lo4(next)`),
//! 10–12 "one line" (line delta `form − 10`, then start and end column bytes),
//! 13 "no columns" (signed varint line delta), 14 "long" (signed line delta, end-line
//! delta, start column + 1, end column + 1 as varints), 15 "no location".

/// Where an instruction came from. Lines are 1-based; columns are 0-based UTF-8 byte
/// offsets within their line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: Option<u32>,
    pub end_line: Option<u32>,
    pub column: Option<u32>,
    pub end_column: Option<u32>,
}

impl Location {
    /// A location spanning one range of source.
    #[must_use]
    pub const fn new(line: u32, column: u32, end_line: u32, end_column: u32) -> Location {
        Location { line: Some(line), end_line: Some(end_line), column: Some(column), end_column: Some(end_column) }
    }
}

const FORM_ONE_LINE: u8 = 10;
const FORM_NO_COLUMNS: u8 = 13;
const FORM_LONG: u8 = 14;
const FORM_NONE: u8 = 15;

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 64 {
        out.push(0x40 | (value & 0x3f) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

fn write_signed_varint(out: &mut Vec<u8>, value: i64) {
    let zigzag = if value < 0 { ((-value) as u64) << 1 | 1 } else { (value as u64) << 1 };
    write_varint(out, u32::try_from(zigzag).unwrap_or(u32::MAX));
}

/// Encodes one location per code unit, starting from `first_line`.
#[must_use]
pub fn encode(locations: &[Location], first_line: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous_line = i64::from(first_line);
    let mut i = 0;
    while i < locations.len() {
        let location = locations[i];
        let mut run = 1;
        while run < 8 && i + run < locations.len() && locations[i + run] == location {
            run += 1;
        }
        let header = |form: u8| 0x80 | (form << 3) | (run as u8 - 1);
        match location.line {
            None => out.push(header(FORM_NONE)),
            Some(line) => {
                let delta = i64::from(line) - previous_line;
                previous_line = i64::from(line);
                match (location.column, location.end_column, location.end_line) {
                    (Some(col), Some(end_col), Some(end_line))
                        if end_line == line && delta == 0 && col < 80 && end_col >= col && end_col - col < 16 =>
                    {
                        out.push(header((col / 8) as u8));
                        out.push((((col % 8) as u8) << 4) | (end_col - col) as u8);
                    }
                    (Some(col), Some(end_col), Some(end_line))
                        if end_line == line && (0..3).contains(&delta) && col < 128 && end_col < 128 =>
                    {
                        out.push(header(FORM_ONE_LINE + delta as u8));
                        out.push(col as u8);
                        out.push(end_col as u8);
                    }
                    (Some(col), Some(end_col), Some(end_line)) if end_line >= line => {
                        out.push(header(FORM_LONG));
                        write_signed_varint(&mut out, delta);
                        write_varint(&mut out, end_line - line);
                        write_varint(&mut out, col + 1);
                        write_varint(&mut out, end_col + 1);
                    }
                    _ => {
                        out.push(header(FORM_NO_COLUMNS));
                        write_signed_varint(&mut out, delta);
                    }
                }
            }
        }
        i += run;
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        byte
    }

    fn varint(&mut self) -> u32 {
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte();
            value |= u32::from(byte & 0x3f).checked_shl(shift).unwrap_or(0);
            shift += 6;
            if byte & 0x40 == 0 || self.pos >= self.bytes.len() {
                return value;
            }
        }
    }

    fn signed_varint(&mut self) -> i64 {
        let raw = self.varint();
        if raw & 1 == 1 { -i64::from(raw >> 1) } else { i64::from(raw >> 1) }
    }
}

/// Decodes a location table into one location per code unit (`units` of them; missing
/// entries have no location). Never panics on malformed input.
#[must_use]
pub fn decode(table: &[u8], first_line: u32, units: usize) -> Vec<Location> {
    let mut out = Vec::with_capacity(units);
    let mut reader = Reader { bytes: table, pos: 0 };
    let mut line = i64::from(first_line);
    while reader.pos < table.len() && out.len() < units {
        let header = reader.byte();
        let form = (header >> 3) & 0x0f;
        let run = usize::from(header & 7) + 1;
        let to_u32 = |v: i64| u32::try_from(v).ok();
        let location = match form {
            FORM_NONE => Location::default(),
            FORM_NO_COLUMNS => {
                line += reader.signed_varint();
                Location { line: to_u32(line), end_line: to_u32(line), ..Location::default() }
            }
            FORM_LONG => {
                line += reader.signed_varint();
                let end_line = line + i64::from(reader.varint());
                let col = reader.varint();
                let end_col = reader.varint();
                Location {
                    line: to_u32(line),
                    end_line: to_u32(end_line),
                    column: col.checked_sub(1),
                    end_column: end_col.checked_sub(1),
                }
            }
            FORM_ONE_LINE..FORM_NO_COLUMNS => {
                line += i64::from(form - FORM_ONE_LINE);
                let col = u32::from(reader.byte());
                let end_col = u32::from(reader.byte());
                Location { line: to_u32(line), end_line: to_u32(line), column: Some(col), end_column: Some(end_col) }
            }
            short => {
                let second = reader.byte();
                let col = u32::from(short) * 8 + u32::from(second >> 4);
                let end_col = col + u32::from(second & 0x0f);
                Location { line: to_u32(line), end_line: to_u32(line), column: Some(col), end_column: Some(end_col) }
            }
        };
        for _ in 0..run {
            out.push(location);
        }
    }
    out.resize(units, Location::default());
    out
}
