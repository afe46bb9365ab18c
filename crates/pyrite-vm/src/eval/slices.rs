//! Slice instructions: `BUILD_SLICE`, `BINARY_SLICE`, `STORE_SLICE`.

use pyrite_bytecode::Opcode;
use pyrite_object::types::slice::PySlice;
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol};

use crate::frame::Frame;

/// Runs one slice instruction.
pub(super) fn execute(ctx: &mut Ctx, frame: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    match op {
        Opcode::BUILD_SLICE => {
            let step = if arg == 3 { frame.pop() } else { Value::None };
            let stop = frame.pop();
            let start = frame.pop();
            frame.push(Value::Obj(PySlice::new_obj(start, stop, step)));
        }
        Opcode::BINARY_SLICE => {
            let stop = frame.pop();
            let start = frame.pop();
            let container = frame.pop();
            let slice = Value::Obj(PySlice::new_obj(start, stop, Value::None));
            let value = protocol::getitem(ctx, &container, &slice)?;
            frame.push(value);
        }
        Opcode::STORE_SLICE => {
            let stop = frame.pop();
            let start = frame.pop();
            let container = frame.pop();
            let value = frame.pop();
            let slice = Value::Obj(PySlice::new_obj(start, stop, Value::None));
            protocol::setitem(ctx, &container, &slice, Some(value))?;
        }
        _ => {
            return Err(PyErr::new_system(format!("{} is not a slice instruction", op.name())));
        }
    }
    Ok(())
}
