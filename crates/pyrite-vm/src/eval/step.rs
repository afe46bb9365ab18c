//! The instructions the dispatch loop does not handle inline: one plain match that sends
//! each to its handler module.

use pyrite_bytecode::Opcode;
use pyrite_object::{Ctx, PyErr, PyResult, Value};

use super::{Flow, calls, data, groups, names, patterns, sets, slices, unwind};
use crate::frame::Frame;

pub(super) fn step(
    ctx: &mut Ctx,
    frame: &mut Frame,
    op: Opcode,
    arg: u32,
    kwnames: &mut Option<Value>,
) -> PyResult<Flow> {
    match op {
        Opcode::RESUME => crate::gcmodule::maybe_collect(ctx),
        Opcode::NOP | Opcode::CACHE | Opcode::EXTENDED_ARG => {}
        Opcode::POP_TOP => drop(frame.pop_slot()),
        Opcode::PUSH_NULL => frame.push_null(),
        Opcode::COPY => {
            let value = frame.peek(arg as usize).clone();
            let sp = frame.sp;
            frame.slots_mut()[sp] = value;
            frame.sp += 1;
        }
        Opcode::SWAP => {
            let (top, other) = (frame.sp - 1, frame.sp - arg as usize);
            frame.slots_mut().swap(top, other);
        }
        Opcode::LOAD_CONST => {
            let value = frame.code().consts[arg as usize].clone();
            frame.push(value);
        }
        Opcode::RETURN_VALUE => return Ok(Flow::Return(frame.pop())),
        Opcode::RETURN_CONST => return Ok(Flow::Return(frame.code().consts[arg as usize].clone())),
        Opcode::LOAD_FAST => names::load_fast(frame, arg)?,
        Opcode::STORE_FAST => {
            let value = frame.pop();
            let old = frame.slots_mut()[arg as usize].replace(value);
            drop(old);
        }
        Opcode::DELETE_FAST => names::delete_fast(frame, arg)?,
        Opcode::LOAD_NAME => names::load_name(ctx, frame, arg)?,
        Opcode::STORE_NAME => names::store_name(ctx, frame, arg)?,
        Opcode::DELETE_NAME => names::delete_name(ctx, frame, arg)?,
        Opcode::LOAD_GLOBAL => names::load_global(ctx, frame, arg)?,
        Opcode::STORE_GLOBAL => names::store_global(ctx, frame, arg)?,
        Opcode::DELETE_GLOBAL => names::delete_global(ctx, frame, arg)?,
        Opcode::LOAD_DEREF | Opcode::LOAD_CLASSDEREF => {
            names::load_deref(ctx, frame, arg, op == Opcode::LOAD_CLASSDEREF)?
        }
        Opcode::STORE_DEREF => names::store_deref(frame, arg, true)?,
        Opcode::DELETE_DEREF => names::store_deref(frame, arg, false)?,
        Opcode::LOAD_CLOSURE => names::load_closure(frame, arg),
        Opcode::MAKE_CELL => names::make_cell(frame, arg),
        Opcode::COPY_FREE_VARS => names::copy_free_vars(frame, arg)?,
        Opcode::LOAD_ATTR => names::load_attr(ctx, frame, arg)?,
        Opcode::STORE_ATTR => names::store_attr(ctx, frame, arg)?,
        Opcode::DELETE_ATTR => names::delete_attr(ctx, frame, arg)?,
        Opcode::BINARY_OP => data::binary_op(ctx, frame, arg)?,
        Opcode::COMPARE_OP => data::compare_op(ctx, frame, arg)?,
        Opcode::IS_OP => {
            let b = frame.pop();
            let a = frame.pop();
            frame.push(Value::Bool(a.is(&b) != (arg == 1)));
        }
        Opcode::CONTAINS_OP => data::contains_op(ctx, frame, arg)?,
        Opcode::UNARY_NEGATIVE | Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT | Opcode::UNARY_NOT => {
            data::unary(ctx, frame, op)?;
        }
        Opcode::BINARY_SUBSCR => {
            let key = frame.pop();
            let container = frame.pop();
            let value = pyrite_object::protocol::getitem(ctx, &container, &key)?;
            frame.push(value);
        }
        Opcode::STORE_SUBSCR => data::store_subscr(ctx, frame)?,
        Opcode::DELETE_SUBSCR => {
            let key = frame.pop();
            let container = frame.pop();
            pyrite_object::protocol::setitem(ctx, &container, &key, None)?;
        }
        Opcode::BUILD_TUPLE
        | Opcode::BUILD_LIST
        | Opcode::BUILD_MAP
        | Opcode::BUILD_CONST_KEY_MAP
        | Opcode::BUILD_STRING => {
            data::build(ctx, frame, op, arg)?;
        }
        Opcode::LIST_APPEND
        | Opcode::MAP_ADD
        | Opcode::LIST_EXTEND
        | Opcode::DICT_UPDATE
        | Opcode::DICT_MERGE
        | Opcode::LIST_TO_TUPLE => {
            data::collection_update(ctx, frame, op, arg)?;
        }
        Opcode::UNPACK_SEQUENCE => data::unpack_sequence(ctx, frame, arg)?,
        Opcode::UNPACK_EX => data::unpack_ex(ctx, frame, arg)?,
        Opcode::JUMP_FORWARD => frame.ip += arg as usize,
        Opcode::JUMP_BACKWARD => {
            frame.ip -= arg as usize;
            crate::gcmodule::maybe_collect(ctx);
        }
        Opcode::JUMP_BACKWARD_NO_INTERRUPT => frame.ip -= arg as usize,
        Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
            let value = frame.pop();
            let truth = match value {
                Value::Bool(b) => b,
                ref other => pyrite_object::protocol::truthy(ctx, other)?,
            };
            if truth == (op == Opcode::POP_JUMP_IF_TRUE) {
                frame.ip += arg as usize;
            }
        }
        Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
            let is_none = frame.pop().is_none();
            if is_none == (op == Opcode::POP_JUMP_IF_NONE) {
                frame.ip += arg as usize;
            }
        }
        Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
            let top = frame.peek(1).clone().unwrap_or(Value::None);
            let truth = pyrite_object::protocol::truthy(ctx, &top)?;
            if truth == (op == Opcode::JUMP_IF_TRUE_OR_POP) {
                frame.ip += arg as usize;
            } else {
                drop(frame.pop_slot());
            }
        }
        Opcode::GET_ITER => data::get_iter(ctx, frame)?,
        Opcode::FOR_ITER => data::for_iter(ctx, frame, arg)?,
        Opcode::KW_NAMES => *kwnames = Some(frame.code().consts[arg as usize].clone()),
        Opcode::CALL => return calls::call(ctx, frame, arg, kwnames.take()),
        Opcode::CALL_FUNCTION_EX => return calls::call_function_ex(ctx, frame, arg),
        Opcode::MAKE_FUNCTION => calls::make_function(frame, arg)?,
        Opcode::FORMAT_VALUE => data::format_value(ctx, frame, arg)?,
        Opcode::RAISE_VARARGS => return Err(unwind::raise(ctx, frame, arg)),
        Opcode::RERAISE => return Err(unwind::reraise(frame, arg)),
        Opcode::PUSH_EXC_INFO => {
            let exc = frame.pop();
            // In a generator, the resumer's exception is not the generator's own previous one.
            let previous = match ctx.exc_info.take() {
                Some(p) if frame.resumer_exc.as_ref().is_some_and(|r| r.is_same(&p)) => Value::None,
                other => other.map_or(Value::None, Value::Obj),
            };
            frame.push(previous);
            ctx.exc_info = exc.as_obj().cloned();
            frame.push(exc);
        }
        Opcode::POP_EXCEPT => {
            let previous = frame.pop();
            ctx.exc_info = previous.as_obj().cloned().or_else(|| frame.resumer_exc.clone());
        }
        Opcode::CHECK_EXC_MATCH => unwind::check_exc_match(ctx, frame)?,
        Opcode::LOAD_ASSERTION_ERROR => frame.push(Value::Obj(pyrite_object::types().assertion_error.clone())),
        Opcode::CALL_INTRINSIC_1 => calls::intrinsic(ctx, frame, arg)?,
        Opcode::CALL_INTRINSIC_2 => calls::intrinsic2(ctx, frame, arg)?,
        Opcode::LOAD_BUILD_CLASS => names::load_build_class(ctx, frame)?,
        Opcode::SETUP_ANNOTATIONS => names::setup_annotations(ctx, frame)?,
        Opcode::MATCH_CLASS | Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE | Opcode::MATCH_KEYS | Opcode::GET_LEN => {
            patterns::execute(ctx, frame, op, arg)?;
        }
        Opcode::BUILD_SLICE | Opcode::BINARY_SLICE | Opcode::STORE_SLICE => slices::execute(ctx, frame, op, arg)?,
        Opcode::BUILD_SET | Opcode::SET_ADD | Opcode::SET_UPDATE => sets::execute(ctx, frame, op, arg)?,
        Opcode::CHECK_EG_MATCH | Opcode::PREP_RERAISE_STAR => groups::execute(ctx, frame, op, arg)?,
        Opcode::BEFORE_WITH => calls::before_with(ctx, frame)?,
        Opcode::BEFORE_ASYNC_WITH => crate::asyncgen::before_async_with(ctx, frame)?,
        Opcode::GET_AITER => crate::asyncgen::get_aiter(ctx, frame)?,
        Opcode::GET_ANEXT => crate::asyncgen::get_anext(ctx, frame)?,
        Opcode::END_ASYNC_FOR => crate::asyncgen::end_async_for(frame)?,
        Opcode::ASYNC_GEN_WRAP => {
            let value = frame.pop();
            frame.push(crate::asyncgen::wrap(value));
        }
        Opcode::IMPORT_NAME => {
            let fromlist = frame.pop();
            let level = frame.pop();
            let name = frame.code().names[arg as usize].clone();
            let globals = frame.globals.clone();
            let module = crate::imports::import_name(ctx, &name, &fromlist, &level, &globals)?;
            frame.push(module);
        }
        Opcode::IMPORT_FROM => {
            let module = frame.peek(1).clone().unwrap_or(Value::None);
            let name = frame.code().names[arg as usize].clone();
            let value = crate::imports::import_from(ctx, &module, &name)?;
            frame.push(value);
        }
        Opcode::WITH_EXCEPT_START => calls::with_except_start(ctx, frame)?,
        Opcode::RETURN_GENERATOR => frame.push(Value::None),
        Opcode::YIELD_VALUE => return Ok(Flow::Yield(frame.pop())),
        Opcode::SEND => return crate::generator::send_op(ctx, frame, arg),
        Opcode::GET_YIELD_FROM_ITER => crate::generator::get_yield_from_iter(ctx, frame)?,
        Opcode::GET_AWAITABLE => crate::generator::get_awaitable(ctx, frame, arg)?,
        _ => {
            return Err(PyErr::not_implemented(format!("the {} instruction is not supported yet", op.name())));
        }
    }
    Ok(Flow::Next)
}
