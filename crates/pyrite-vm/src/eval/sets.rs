//! Set display instructions: `BUILD_SET`, `SET_ADD`, `SET_UPDATE`.

use pyrite_bytecode::Opcode;
use pyrite_object::methods::set::{as_set, new_set, update_internal};
use pyrite_object::{Ctx, PyErr, PyResult, Value};

use crate::frame::Frame;

/// Runs one set instruction.
pub(super) fn execute(ctx: &mut Ctx, frame: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    match op {
        Opcode::BUILD_SET => {
            let mut items: Vec<Value> = (0..arg).map(|_| frame.pop()).collect();
            items.reverse();
            let set = new_set(ctx, items)?;
            frame.push(Value::Obj(set));
        }
        Opcode::SET_ADD => {
            let item = frame.pop();
            let target = frame.peek(arg as usize).clone().unwrap_or(Value::None);
            let set = as_set(&target).ok_or_else(|| PyErr::new_system("SET_ADD target is not a set"))?;
            set.add(ctx, item)?;
        }
        Opcode::SET_UPDATE => {
            let iterable = frame.pop();
            let target = frame.peek(arg as usize).clone().unwrap_or(Value::None);
            let set = as_set(&target).ok_or_else(|| PyErr::new_system("SET_UPDATE target is not a set"))?;
            update_internal(ctx, set, &iterable)?;
        }
        _ => {
            return Err(PyErr::new_system(format!("{} is not a set instruction", op.name())));
        }
    }
    Ok(())
}
