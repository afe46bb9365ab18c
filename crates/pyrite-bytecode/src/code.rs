//! Code objects: the compiled form of a module, class body, function or comprehension.

use crate::exceptiontable::{self, ExceptionTableEntry};
use crate::linetable::{self, Location};
use crate::opcodes::Opcode;

/// One 16-bit code unit: an opcode byte and an argument byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct CodeUnit {
    /// The opcode number (see [`Opcode`]).
    pub op: u8,
    /// The low 8 bits of the argument; `EXTENDED_ARG` prefixes supply the rest.
    pub arg: u8,
}

impl CodeUnit {
    /// A unit for `op` with an 8-bit argument.
    #[must_use]
    pub const fn new(op: Opcode, arg: u8) -> CodeUnit {
        CodeUnit { op: op as u8, arg }
    }
}

/// Code object flags (CPython's `CO_*` values).
pub mod flags {
    /// Locals are fast slots (functions, lambdas, comprehensions).
    pub const OPTIMIZED: u32 = 0x0001;
    /// A fresh locals mapping is made for the frame.
    pub const NEWLOCALS: u32 = 0x0002;
    /// Has a `*args` parameter.
    pub const VARARGS: u32 = 0x0004;
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// Defined inside another function.
    pub const NESTED: u32 = 0x0010;
    /// A generator function.
    pub const GENERATOR: u32 = 0x0020;
    /// A coroutine (`async def`).
    pub const COROUTINE: u32 = 0x0080;
    /// A generator-based coroutine (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    /// An async generator.
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A compile-time constant. Nested code objects are constants too.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// A larger int as little-endian two's-complement bytes.
    BigInt(Box<[u8]>),
    Float(f64),
    Complex {
        re: f64,
        im: f64,
    },
    Str(Box<str>),
    Bytes(Box<[u8]>),
    Tuple(Box<[Constant]>),
    FrozenSet(Box<[Constant]>),
    Code(Box<CodeObject>),
}

impl Constant {
    /// Identity of constants for de-duplication in a code object's table: like `==` but
    /// telling `1`, `1.0` and `True` apart and `0.0` from `-0.0`, as CPython's
    /// `_PyCode_ConstantKey` does.
    #[must_use]
    pub fn same_as(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Complex { re: a, im: b }, Constant::Complex { re: c, im: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Constant::Tuple(a), Constant::Tuple(b)) | (Constant::FrozenSet(a), Constant::FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y))
            }
            (Constant::Code(_), Constant::Code(_)) => false,
            _ => self == other,
        }
    }
}

/// A compiled unit of code, in the unspecialized form that is serialized and shown.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`.
    pub name: Box<str>,
    /// `co_qualname`.
    pub qualname: Box<str>,
    /// `co_filename`.
    pub filename: Box<str>,
    /// `co_firstlineno`.
    pub first_line: u32,
    /// `CO_*` flags, see [`flags`].
    pub flags: u32,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    /// Positional-only parameters.
    pub posonlyargcount: u32,
    /// Keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Maximum depth of the value stack.
    pub stacksize: u32,
    /// The instructions, with inline cache units.
    pub code: Vec<CodeUnit>,
    /// `co_consts`.
    pub constants: Vec<Constant>,
    /// `co_names`: global, attribute and imported names.
    pub names: Vec<Box<str>>,
    /// `co_varnames`: parameters first, then other locals.
    pub varnames: Vec<Box<str>>,
    /// `co_cellvars`: locals captured by inner scopes.
    pub cellvars: Vec<Box<str>>,
    /// `co_freevars`: variables captured from outer scopes.
    pub freevars: Vec<Box<str>>,
    /// For each cell variable that is also a parameter, its index in `varnames`.
    pub cell2arg: Vec<Option<u32>>,
    /// The compact location table (see [`crate::linetable`]).
    pub linetable: Vec<u8>,
    /// The compact exception table (see [`crate::exceptiontable`]).
    pub exceptiontable: Vec<u8>,
}

/// One decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Index of the first code unit of the instruction, including its `EXTENDED_ARG` prefixes.
    pub start: usize,
    /// Index of the code unit holding the opcode itself.
    pub index: usize,
    /// The opcode.
    pub op: Opcode,
    /// The full argument, with `EXTENDED_ARG` prefixes folded in.
    pub arg: u32,
}

impl Instruction {
    /// Index of the next instruction (after the inline caches).
    #[must_use]
    pub fn next(&self) -> usize {
        self.index + 1 + self.op.cache_units()
    }

    /// The target of a jump instruction, as a code-unit index.
    #[must_use]
    pub fn jump_target(&self) -> Option<usize> {
        use crate::opcodes::ArgKind;
        match self.op.arg_kind() {
            ArgKind::JumpForward => Some(self.next() + self.arg as usize),
            ArgKind::JumpBackward => self.next().checked_sub(self.arg as usize),
            _ => None,
        }
    }
}

/// Decodes instructions, skipping caches and folding `EXTENDED_ARG`.
/// Stops at an undecodable byte.
pub struct Instructions<'a> {
    code: &'a [CodeUnit],
    pos: usize,
}

impl Iterator for Instructions<'_> {
    type Item = Instruction;

    fn next(&mut self) -> Option<Instruction> {
        let start = self.pos;
        let mut arg: u32 = 0;
        loop {
            let unit = *self.code.get(self.pos)?;
            let op = Opcode::from_u8(unit.op)?;
            arg = (arg << 8) | u32::from(unit.arg);
            if op == Opcode::EXTENDED_ARG {
                self.pos += 1;
                continue;
            }
            let instruction = Instruction { start, index: self.pos, op, arg };
            self.pos = instruction.next();
            return Some(instruction);
        }
    }
}

impl CodeObject {
    /// The instructions of the code, in order.
    #[must_use]
    pub fn instructions(&self) -> Instructions<'_> {
        Instructions { code: &self.code, pos: 0 }
    }

    /// The decoded location of every code unit.
    #[must_use]
    pub fn locations(&self) -> Vec<Location> {
        linetable::decode(&self.linetable, self.first_line, self.code.len())
    }

    /// The decoded exception table.
    #[must_use]
    pub fn exception_entries(&self) -> Vec<ExceptionTableEntry> {
        exceptiontable::decode(&self.exceptiontable)
    }

    /// Name of a cell-or-free variable by its `LOAD_DEREF` index.
    #[must_use]
    pub fn deref_name(&self, index: usize) -> Option<&str> {
        self.cellvars
            .get(index)
            .or_else(|| self.freevars.get(index - self.cellvars.len().min(index)))
            .map(AsRef::as_ref)
    }

    /// Whether the code is a generator, coroutine or async generator.
    #[must_use]
    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
}
