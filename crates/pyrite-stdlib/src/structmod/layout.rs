//! Struct format strings: the byte-order prefix, then repeat counts and format characters,
//! turned into a [`Layout`] (each code's offset, size and repeat count) as CPython's
//! `prepare_s` does, with its errors.

/// Byte order and sizes: `@` (native sizes and alignment), `<`/`=` (standard sizes,
/// little-endian; `=` is the host's order, little-endian on the platforms Pyrite runs
/// on), `>`/`!` (standard sizes, big-endian).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Native,
    Little,
    Big,
}

/// One format code: a character repeated `repeat` times from `offset` (for `s` and `p`,
/// `repeat` is 1 and `size` the string's length).
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub ch: u8,
    pub offset: usize,
    pub size: usize,
    pub repeat: usize,
}

/// A parsed format.
#[derive(Debug)]
pub struct Layout {
    pub mode: Mode,
    pub codes: Vec<Code>,
    /// Total size in bytes (`Struct.size`); -1 for a `Struct` never initialized.
    pub size: isize,
    /// Number of values packed or unpacked.
    pub len: isize,
    /// The format as given (`Struct.format`).
    pub format: Vec<u8>,
}

/// Why a format is rejected: each becomes `struct.error` with this text.
pub type FormatError = &'static str;

const TOO_LONG: FormatError = "total struct size too long";

/// Size and alignment of a format character in a mode, `None` for an unknown one.
fn entry(mode: Mode, c: u8) -> Option<(usize, usize)> {
    use std::mem::size_of;
    let native = |size: usize| Some((size, size));
    match (mode, c) {
        (_, b'x' | b'b' | b'B' | b'c' | b's' | b'p' | b'?') => Some((1, 1)),
        (Mode::Native, b'h' | b'H' | b'e') => native(2),
        (Mode::Native, b'i' | b'I' | b'f') => native(4),
        (Mode::Native, b'l' | b'L') => native(size_of::<libc::c_long>()),
        (Mode::Native, b'q' | b'Q' | b'd') => native(8),
        (Mode::Native, b'n' | b'N') => native(size_of::<usize>()),
        (Mode::Native, b'P') => native(size_of::<*const u8>()),
        (_, b'h' | b'H' | b'e') => Some((2, 0)),
        (_, b'i' | b'I' | b'l' | b'L' | b'f') => Some((4, 0)),
        (_, b'q' | b'Q' | b'd') => Some((8, 0)),
        _ => None,
    }
}

impl Layout {
    /// The layout of a `Struct` made by `__new__` but never initialized.
    pub fn uninitialized() -> Layout {
        Layout { mode: Mode::Native, codes: Vec::new(), size: -1, len: -1, format: Vec::new() }
    }

    /// Parses a format given as ASCII bytes.
    ///
    /// # Errors
    /// CPython's `struct.error` messages.
    pub fn parse(format: &[u8]) -> Result<Layout, FormatError> {
        if format.contains(&0) {
            return Err("embedded null character");
        }
        let (mode, body) = match format.first() {
            Some(b'<' | b'=') => (Mode::Little, &format[1..]),
            Some(b'>' | b'!') => (Mode::Big, &format[1..]),
            Some(b'@') => (Mode::Native, &format[1..]),
            _ => (Mode::Native, format),
        };
        let mut codes = Vec::new();
        let (mut size, mut len) = (0usize, 0usize);
        let mut i = 0;
        let max = isize::MAX as usize;
        while i < body.len() {
            let mut c = body[i];
            i += 1;
            if c.is_ascii_whitespace() || c == 0x0b {
                continue;
            }
            let mut num = 1usize;
            if c.is_ascii_digit() {
                num = usize::from(c - b'0');
                loop {
                    let Some(&d) = body.get(i) else {
                        return Err("repeat count given without format specifier");
                    };
                    i += 1;
                    if !d.is_ascii_digit() {
                        c = d;
                        break;
                    }
                    num = num.checked_mul(10).and_then(|n| n.checked_add(usize::from(d - b'0'))).ok_or(TOO_LONG)?;
                    if num > max {
                        return Err(TOO_LONG);
                    }
                }
            }
            let (item, align) = entry(mode, c).ok_or("bad char in struct format")?;
            if align > 0 && size > 0 {
                size = size.checked_add((align - 1) - (size - 1) % align).filter(|&s| s <= max).ok_or(TOO_LONG)?;
            }
            match c {
                b's' | b'p' => {
                    len += 1;
                    codes.push(Code { ch: c, offset: size, size: num, repeat: 1 });
                }
                b'x' => {}
                _ => {
                    len = len.checked_add(num).ok_or(TOO_LONG)?;
                    if num > 0 {
                        codes.push(Code { ch: c, offset: size, size: item, repeat: num });
                    }
                }
            }
            if num > (max - size) / item {
                return Err(TOO_LONG);
            }
            size += num * item;
        }
        Ok(Layout {
            mode,
            codes,
            size: isize::try_from(size).map_err(|_| TOO_LONG)?,
            len: isize::try_from(len).map_err(|_| TOO_LONG)?,
            format: format.to_vec(),
        })
    }

    /// The total size as a `usize` (0 for an uninitialized `Struct`).
    pub fn byte_size(&self) -> usize {
        usize::try_from(self.size).unwrap_or(0)
    }
}
