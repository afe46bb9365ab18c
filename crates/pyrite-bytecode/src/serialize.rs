//! The versioned binary form of code objects, as written to `__pycache__`.
//!
//! Layout: the magic bytes [`MAGIC`], then [`FORMAT_VERSION`](crate::FORMAT_VERSION) as a
//! little-endian `u32`, then one code object. Inside it every count, length and small
//! number is an unsigned LEB128 varint (`u32` range), signed ints are zigzag varints,
//! floats are their IEEE bits as little-endian `u64`, strings are a length and UTF-8 bytes.
//! A code object is written field by field in declaration order; a constant is a one-byte
//! tag ([`tag`]) followed by its payload, with tuples, frozensets and code objects nested
//! recursively. Inline `CACHE` units are written zeroed, since they hold run-time state.
//!
//! [`deserialize`] never panics and never allocates more than its input justifies: every
//! length is checked against the bytes that remain, nesting is bounded by [`MAX_DEPTH`],
//! opcodes must be known, and another format version is rejected before anything else is
//! read.

use std::fmt;

use crate::code::{CodeObject, CodeUnit, Constant};
use crate::opcodes::Opcode;

/// The first four bytes of every serialized code object.
pub const MAGIC: [u8; 4] = *b"PYRT";

/// The deepest nesting of constants and code objects [`deserialize`] accepts.
pub const MAX_DEPTH: usize = 256;

/// The tag byte of each [`Constant`] kind.
pub mod tag {
    pub const NONE: u8 = 0;
    pub const ELLIPSIS: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const TRUE: u8 = 3;
    pub const INT: u8 = 4;
    pub const BIG_INT: u8 = 5;
    pub const FLOAT: u8 = 6;
    pub const COMPLEX: u8 = 7;
    pub const STR: u8 = 8;
    pub const BYTES: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const FROZEN_SET: u8 = 11;
    pub const CODE: u8 = 12;
}

/// Why some bytes are not a serialized code object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeserializeError {
    /// What is wrong.
    pub kind: DeserializeErrorKind,
    /// The byte offset at which it was found.
    pub offset: usize,
}

/// The kinds of [`DeserializeError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeserializeErrorKind {
    /// The input does not start with [`MAGIC`].
    BadMagic,
    /// The input was written by another format version.
    UnsupportedVersion(u32),
    /// The input ends in the middle of a value.
    UnexpectedEnd,
    /// A varint is longer than five bytes or exceeds `u32`.
    VarintOverflow,
    /// A length is larger than the bytes that remain.
    LengthTooLarge(u32),
    /// A string is not UTF-8.
    InvalidUtf8,
    /// An unknown constant tag.
    UnknownConstant(u8),
    /// An unknown opcode in the instructions.
    UnknownOpcode(u8),
    /// Constants or code objects nest deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Bytes remain after the code object.
    TrailingBytes,
}

impl fmt::Display for DeserializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DeserializeErrorKind::BadMagic => write!(f, "not Pyrite bytecode (bad magic number)"),
            DeserializeErrorKind::UnsupportedVersion(v) => {
                write!(f, "bytecode format version {v} is not supported (expected {})", crate::FORMAT_VERSION)
            }
            DeserializeErrorKind::UnexpectedEnd => write!(f, "truncated bytecode at byte {}", self.offset),
            DeserializeErrorKind::VarintOverflow => write!(f, "malformed varint at byte {}", self.offset),
            DeserializeErrorKind::LengthTooLarge(n) => {
                write!(f, "length {n} at byte {} exceeds the remaining input", self.offset)
            }
            DeserializeErrorKind::InvalidUtf8 => write!(f, "invalid UTF-8 string at byte {}", self.offset),
            DeserializeErrorKind::UnknownConstant(t) => {
                write!(f, "unknown constant tag {t} at byte {}", self.offset)
            }
            DeserializeErrorKind::UnknownOpcode(op) => write!(f, "unknown opcode {op} at byte {}", self.offset),
            DeserializeErrorKind::TooDeep => {
                write!(f, "constants nest deeper than {MAX_DEPTH} levels at byte {}", self.offset)
            }
            DeserializeErrorKind::TrailingBytes => {
                write!(f, "unexpected bytes after the code object at byte {}", self.offset)
            }
        }
    }
}

impl std::error::Error for DeserializeError {}

/// Serializes a code object with its header.
#[must_use]
pub fn serialize(code: &CodeObject) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + code.code.len() * 2);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&crate::FORMAT_VERSION.to_le_bytes());
    write_code(&mut out, code);
    out
}

/// Reads a code object written by [`serialize`] with the same format version.
///
/// # Errors
///
/// A [`DeserializeError`] for a wrong magic number or version, truncated or corrupt input.
pub fn deserialize(bytes: &[u8]) -> Result<CodeObject, DeserializeError> {
    let mut reader = Reader { bytes, pos: 0 };
    if reader.take(4)? != MAGIC {
        return Err(DeserializeError { kind: DeserializeErrorKind::BadMagic, offset: 0 });
    }
    let version = u32::from_le_bytes(reader.array()?);
    if version != crate::FORMAT_VERSION {
        return Err(DeserializeError { kind: DeserializeErrorKind::UnsupportedVersion(version), offset: 4 });
    }
    let code = reader.code(0)?;
    if reader.pos != bytes.len() {
        return Err(reader.error(DeserializeErrorKind::TrailingBytes));
    }
    Ok(code)
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_len(out: &mut Vec<u8>, len: usize) {
    write_varint(out, len as u64);
}

fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    write_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

fn write_strs(out: &mut Vec<u8>, strs: &[Box<str>]) {
    write_len(out, strs.len());
    for s in strs {
        write_bytes(out, s.as_bytes());
    }
}

fn write_code(out: &mut Vec<u8>, code: &CodeObject) {
    write_bytes(out, code.name.as_bytes());
    write_bytes(out, code.qualname.as_bytes());
    write_bytes(out, code.filename.as_bytes());
    for n in [code.first_line, code.flags, code.argcount, code.posonlyargcount, code.kwonlyargcount, code.stacksize] {
        write_varint(out, u64::from(n));
    }
    write_len(out, code.code.len());
    let mut caches = 0;
    for unit in &code.code {
        if caches > 0 {
            caches -= 1;
            out.extend_from_slice(&[0, 0]);
            continue;
        }
        caches = Opcode::from_u8(unit.op).map_or(0, Opcode::cache_units);
        out.extend_from_slice(&[unit.op, unit.arg]);
    }
    write_len(out, code.constants.len());
    for constant in &code.constants {
        write_constant(out, constant);
    }
    write_strs(out, &code.names);
    write_strs(out, &code.varnames);
    write_strs(out, &code.cellvars);
    write_strs(out, &code.freevars);
    write_len(out, code.cell2arg.len());
    for arg in &code.cell2arg {
        write_varint(out, arg.map_or(0, |a| u64::from(a) + 1));
    }
    write_bytes(out, &code.linetable);
    write_bytes(out, &code.exceptiontable);
}

fn write_constant(out: &mut Vec<u8>, constant: &Constant) {
    match constant {
        Constant::None => out.push(tag::NONE),
        Constant::Ellipsis => out.push(tag::ELLIPSIS),
        Constant::Bool(false) => out.push(tag::FALSE),
        Constant::Bool(true) => out.push(tag::TRUE),
        Constant::Int(i) => {
            out.push(tag::INT);
            #[expect(clippy::cast_sign_loss, reason = "zigzag encoding reinterprets the bits")]
            write_varint(out, ((i << 1) ^ (i >> 63)) as u64);
        }
        Constant::BigInt(bytes) => {
            out.push(tag::BIG_INT);
            write_bytes(out, bytes);
        }
        Constant::Float(x) => {
            out.push(tag::FLOAT);
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        Constant::Complex { re, im } => {
            out.push(tag::COMPLEX);
            out.extend_from_slice(&re.to_bits().to_le_bytes());
            out.extend_from_slice(&im.to_bits().to_le_bytes());
        }
        Constant::Str(s) => {
            out.push(tag::STR);
            write_bytes(out, s.as_bytes());
        }
        Constant::Bytes(b) => {
            out.push(tag::BYTES);
            write_bytes(out, b);
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            out.push(if matches!(constant, Constant::Tuple(_)) { tag::TUPLE } else { tag::FROZEN_SET });
            write_len(out, items.len());
            for item in items {
                write_constant(out, item);
            }
        }
        Constant::Code(code) => {
            out.push(tag::CODE);
            write_code(out, code);
        }
    }
}

/// A cursor over the input that reports errors with their offset.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, kind: DeserializeErrorKind) -> DeserializeError {
        DeserializeError { kind, offset: self.pos }
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DeserializeError> {
        if n > self.remaining() {
            return Err(self.error(DeserializeErrorKind::UnexpectedEnd));
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DeserializeError> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    fn byte(&mut self) -> Result<u8, DeserializeError> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned varint of at most `max_bytes` bytes (5 for `u32`, 10 for `u64`).
    fn varint(&mut self, max_bytes: u32) -> Result<u64, DeserializeError> {
        let start = self.pos;
        let mut value: u64 = 0;
        for i in 0..max_bytes {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7F);
            let shift = 7 * i;
            if shift >= 64 || (bits << shift) >> shift != bits {
                return Err(DeserializeError { kind: DeserializeErrorKind::VarintOverflow, offset: start });
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(DeserializeError { kind: DeserializeErrorKind::VarintOverflow, offset: start })
    }

    fn u32(&mut self) -> Result<u32, DeserializeError> {
        let start = self.pos;
        u32::try_from(self.varint(5)?)
            .map_err(|_| DeserializeError { kind: DeserializeErrorKind::VarintOverflow, offset: start })
    }

    /// A count of items each at least `item_size` bytes long, checked against the input left.
    fn len(&mut self, item_size: usize) -> Result<usize, DeserializeError> {
        let start = self.pos;
        let n = self.u32()?;
        let len = n as usize;
        if len.checked_mul(item_size).is_none_or(|bytes| bytes > self.remaining()) {
            return Err(DeserializeError { kind: DeserializeErrorKind::LengthTooLarge(n), offset: start });
        }
        Ok(len)
    }

    fn bytes(&mut self) -> Result<&'a [u8], DeserializeError> {
        let len = self.len(1)?;
        self.take(len)
    }

    fn str(&mut self) -> Result<Box<str>, DeserializeError> {
        let start = self.pos;
        let bytes = self.bytes()?;
        std::str::from_utf8(bytes)
            .map(Into::into)
            .map_err(|_| DeserializeError { kind: DeserializeErrorKind::InvalidUtf8, offset: start })
    }

    fn strs(&mut self) -> Result<Vec<Box<str>>, DeserializeError> {
        let len = self.len(1)?;
        (0..len).map(|_| self.str()).collect()
    }

    fn f64(&mut self) -> Result<f64, DeserializeError> {
        Ok(f64::from_bits(u64::from_le_bytes(self.array()?)))
    }

    fn code(&mut self, depth: usize) -> Result<CodeObject, DeserializeError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(DeserializeErrorKind::TooDeep));
        }
        let name = self.str()?;
        let qualname = self.str()?;
        let filename = self.str()?;
        let first_line = self.u32()?;
        let flags = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let stacksize = self.u32()?;
        let code = self.units()?;
        let len = self.len(1)?;
        let constants = (0..len).map(|_| self.constant(depth + 1)).collect::<Result<_, _>>()?;
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let len = self.len(1)?;
        let cell2arg = (0..len).map(|_| Ok(self.u32()?.checked_sub(1))).collect::<Result<_, _>>()?;
        let linetable = self.bytes()?.to_vec();
        let exceptiontable = self.bytes()?.to_vec();
        Ok(CodeObject {
            name,
            qualname,
            filename,
            first_line,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            code,
            constants,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            linetable,
            exceptiontable,
        })
    }

    /// The instructions: every opcode must be known; cache units are read as zero.
    fn units(&mut self) -> Result<Vec<CodeUnit>, DeserializeError> {
        let len = self.len(2)?;
        let mut units = Vec::with_capacity(len);
        let mut caches = 0;
        for _ in 0..len {
            let start = self.pos;
            let [op, arg] = self.array()?;
            if caches > 0 {
                caches -= 1;
                units.push(CodeUnit::default());
                continue;
            }
            let Some(opcode) = Opcode::from_u8(op) else {
                return Err(DeserializeError { kind: DeserializeErrorKind::UnknownOpcode(op), offset: start });
            };
            caches = opcode.cache_units();
            units.push(CodeUnit { op, arg });
        }
        Ok(units)
    }

    fn constant(&mut self, depth: usize) -> Result<Constant, DeserializeError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(DeserializeErrorKind::TooDeep));
        }
        let start = self.pos;
        Ok(match self.byte()? {
            tag::NONE => Constant::None,
            tag::ELLIPSIS => Constant::Ellipsis,
            tag::FALSE => Constant::Bool(false),
            tag::TRUE => Constant::Bool(true),
            tag::INT => {
                let zigzag = self.varint(10)?;
                #[expect(clippy::cast_possible_wrap, reason = "zigzag decoding reinterprets the bits")]
                Constant::Int((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
            }
            tag::BIG_INT => Constant::BigInt(self.bytes()?.into()),
            tag::FLOAT => Constant::Float(self.f64()?),
            tag::COMPLEX => Constant::Complex { re: self.f64()?, im: self.f64()? },
            tag::STR => Constant::Str(self.str()?),
            tag::BYTES => Constant::Bytes(self.bytes()?.into()),
            t @ (tag::TUPLE | tag::FROZEN_SET) => {
                let len = self.len(1)?;
                let items = (0..len).map(|_| self.constant(depth + 1)).collect::<Result<Box<[_]>, _>>()?;
                if t == tag::TUPLE { Constant::Tuple(items) } else { Constant::FrozenSet(items) }
            }
            tag::CODE => Constant::Code(Box::new(self.code(depth + 1)?)),
            other => {
                return Err(DeserializeError { kind: DeserializeErrorKind::UnknownConstant(other), offset: start });
            }
        })
    }
}
