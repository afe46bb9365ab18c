//! `except*` instructions: `CHECK_EG_MATCH` and `PREP_RERAISE_STAR`.

use pyrite_bytecode::Opcode;
use pyrite_object::{Ctx, PyErr, PyResult};

use crate::frame::Frame;

/// Runs one `except*` instruction.
pub(super) fn execute(_ctx: &mut Ctx, _frame: &mut Frame, op: Opcode, _arg: u32) -> PyResult<()> {
    Err(PyErr::not_implemented(format!("the {} instruction is not supported yet", op.name())))
}
