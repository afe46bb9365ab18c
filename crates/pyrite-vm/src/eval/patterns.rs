//! Pattern matching instructions (`match` statements): `MATCH_CLASS`, `MATCH_MAPPING`,
//! `MATCH_SEQUENCE`, `MATCH_KEYS`, `GET_LEN`.

use pyrite_bytecode::Opcode;
use pyrite_object::{Ctx, PyErr, PyResult};

use crate::frame::Frame;

/// Runs one pattern-matching instruction.
pub(super) fn execute(_ctx: &mut Ctx, _frame: &mut Frame, op: Opcode, _arg: u32) -> PyResult<()> {
    Err(PyErr::not_implemented(format!("the {} instruction is not supported yet", op.name())))
}
