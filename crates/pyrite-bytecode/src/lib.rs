//! Pyrite's bytecode: the instruction set, code objects, their location and exception
//! tables, a disassembler in `python3 -m dis` style, and the versioned binary form used by
//! `__pycache__`.
//!
//! This crate depends on no other Pyrite crate and knows nothing of the AST or the runtime,
//! so other projects can load, write and disassemble Pyrite code objects with it alone.
//!
//! Encoding: a code object's instructions are 16-bit [`CodeUnit`]s (opcode byte, argument
//! byte). Arguments wider than 8 bits use `EXTENDED_ARG` prefixes. Some opcodes are followed
//! by inline `CACHE` units (their count is part of the opcode table) that the VM's
//! specializer fills at run time; serialized code always has them zeroed.

pub mod code;
pub mod dis;
pub mod exceptiontable;
pub mod linetable;
pub mod opcodes;
pub mod repr;
pub mod serialize;

pub use code::{CodeObject, CodeUnit, Constant, Instruction, flags};
pub use exceptiontable::ExceptionTableEntry;
pub use linetable::Location;
pub use opcodes::{ArgKind, BinaryOp, CompareOp, Intrinsic1, Intrinsic2, Opcode};
pub use serialize::{DeserializeError, deserialize, serialize};

/// Version of the serialized code format; bump on any change to opcodes or layout.
pub const FORMAT_VERSION: u32 = 2;
