//! Byte offset to line/column mapping.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as CPython's tokenizer counts them. The index
//! stores the start offset of every line, so a lookup is a binary search.

use ruff_text_size::TextSize;

/// Maps byte offsets in one source text to 1-based line numbers and 0-based byte columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    starts: Vec<u32>,
    /// Length of the source in bytes.
    len: u32,
}

impl LineIndex {
    /// Builds the index for `source`.
    ///
    /// Sources longer than `u32::MAX` bytes cannot be described by `TextSize`; offsets past
    /// that are clamped.
    #[must_use]
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(to_u32(i + 1)),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(to_u32(i + 1));
                }
                _ => {}
            }
            i += 1;
        }
        Self { starts, len: to_u32(bytes.len()) }
    }

    /// Returns `(line, column)` for `offset`: the line is 1-based, the column is the 0-based
    /// UTF-8 byte offset within that line. Offsets past the end map to the end.
    #[must_use]
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let offset = u32::from(offset).min(self.len);
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        (to_u32(line + 1), offset - self.starts[line])
    }

    /// Number of lines; a text ending in a newline has an empty last line.
    #[must_use]
    pub fn line_count(&self) -> u32 {
        to_u32(self.starts.len())
    }

    /// Byte offset at which 1-based `line` starts (the end of the text past the last line).
    #[must_use]
    pub fn line_start(&self, line: u32) -> TextSize {
        let index = line.saturating_sub(1) as usize;
        TextSize::new(self.starts.get(index).copied().unwrap_or(self.len))
    }

    /// The text of 1-based `line` including its line terminator, if it has one.
    #[must_use]
    pub fn line_text_with_newline<'a>(&self, source: &'a str, line: u32) -> &'a str {
        let index = line.saturating_sub(1) as usize;
        let Some(&start) = self.starts.get(index) else {
            return "";
        };
        let end = self.starts.get(index + 1).copied().unwrap_or(self.len);
        source.get(start as usize..end as usize).unwrap_or("")
    }

    /// The text of 1-based `line` without its line terminator (empty past the end).
    #[must_use]
    pub fn line_text<'a>(&self, source: &'a str, line: u32) -> &'a str {
        self.line_text_with_newline(source, line).trim_end_matches(['\n', '\r'])
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
