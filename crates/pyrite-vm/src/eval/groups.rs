//! `except*` instructions: `CHECK_EG_MATCH` and `PREP_RERAISE_STAR`.

use pyrite_bytecode::Opcode;
use pyrite_object::methods::groups;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::typeobj::is_subtype;
use pyrite_object::{Ctx, PyErr, PyResult, Value, types};

use crate::frame::Frame;

/// Runs one `except*` instruction.
pub(super) fn execute(ctx: &mut Ctx, frame: &mut Frame, op: Opcode, _arg: u32) -> PyResult<()> {
    match op {
        Opcode::CHECK_EG_MATCH => check_eg_match(ctx, frame),
        Opcode::PREP_RERAISE_STAR => {
            let excs = frame.pop();
            let orig = frame.pop();
            let items = excs.downcast::<PyList>().map(PyList::to_vec).unwrap_or_default();
            let result = groups::prep_reraise_star(ctx, &orig, &items)?;
            frame.push(result);
            Ok(())
        }
        _ => Err(PyErr::new_system(format!("{} is not an except* instruction", op.name()))),
    }
}

/// `except*` refuses exception group types: they would always match.
fn check_except_star_type_valid(target: &Value) -> PyResult<()> {
    super::unwind::check_match_type(target)?;
    let group = &types().base_exception_group;
    let is_group_type = |v: &Value| v.as_obj().is_some_and(|o| is_subtype(o, group));
    let any = match target.downcast::<PyTuple>() {
        Some(t) => t.items().iter().any(is_group_type),
        None => is_group_type(target),
    };
    if any {
        return Err(PyErr::type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: pops the type(s) and the exception; pushes `(rest, match)` when part
/// of it matches (and makes the match the handled exception), else `(exc, None)`.
fn check_eg_match(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let target = frame.pop();
    check_except_star_type_valid(&target)?;
    let exc = frame.pop();
    let (matched, rest) = groups::exception_group_match(ctx, &exc, &target)?;
    if matched.is_none() {
        frame.push(exc);
        frame.push(Value::None);
    } else {
        frame.push(rest);
        ctx.exc_info = matched.as_obj().cloned();
        frame.push(matched);
    }
    Ok(())
}
