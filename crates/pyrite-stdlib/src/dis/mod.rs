//! Pyrite's own `dis`, `opcode` and `_opcode` modules: they describe Pyrite's instruction
//! set (from `pyrite-bytecode`'s opcode table) and disassemble Pyrite's code objects, and
//! shadow CPython's modules of the same names, whose tables describe CPython's bytecode.
//! `_opcode` is native; `opcode` and `dis` are Python source (`opcode.py`, `dis.py`) run
//! when first imported.

use pyrite_bytecode::{ArgKind, CompareOp, Opcode};
use pyrite_object::methods::params::Params;
use pyrite_object::types::function::{Code, Module};
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

/// `_opcode`: CPython's `stack_effect`, plus the table and per-instruction facts the
/// Python modules build on.
pub fn make_opcode_native(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    Ok(Module::new_native(
        "_opcode",
        &[
            ("stack_effect", stack_effect),
            ("_table", table),
            ("_instructions", instructions),
            ("_disassemble", disassemble),
        ],
    ))
}

/// `opcode`, from Python source.
pub fn make_opcode(ctx: &mut Ctx) -> PyResult<ObjRef> {
    crate::pysource::module_from_source(ctx, "opcode", include_str!("opcode.py"), &[])
}

/// `dis`, from Python source.
pub fn make_dis(ctx: &mut Ctx) -> PyResult<ObjRef> {
    crate::pysource::module_from_source(ctx, "dis", include_str!("dis.py"), &[])
}

fn arg_kind_name(kind: ArgKind) -> &'static str {
    match kind {
        ArgKind::None => "none",
        ArgKind::Count | ArgKind::Format | ArgKind::Invert => "count",
        ArgKind::Const => "const",
        ArgKind::Name | ArgKind::GlobalName | ArgKind::AttrName => "name",
        ArgKind::Local => "local",
        ArgKind::Deref => "free",
        ArgKind::JumpForward => "jrel",
        ArgKind::JumpBackward => "jback",
        ArgKind::BinaryOp => "binary_op",
        ArgKind::CompareOp => "compare",
        ArgKind::Intrinsic | ArgKind::Intrinsic2 => "intrinsic",
    }
}

/// `_opcode._table()`: `(number, name, argument kind, inline cache units)` per opcode.
fn table(_: &mut Ctx, _: Args<'_>) -> PyResult {
    let rows = Opcode::ALL
        .iter()
        .map(|op| {
            Value::Obj(PyTuple::new_obj(vec![
                Value::Int(i64::from(*op as u8)),
                Value::str(op.name()),
                Value::str(arg_kind_name(op.arg_kind())),
                Value::from(op.cache_units()),
            ]))
        })
        .collect();
    Ok(Value::Obj(PyList::new_obj(rows)))
}

const STACK_EFFECT: Params = Params::new("stack_effect", &["opcode", "oparg", "jump"]).required(1).keyword_only(2);

/// `_opcode.stack_effect(opcode, oparg=None, /, *, jump=None)`.
fn stack_effect(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [opcode, oparg, jump] = STACK_EFFECT.bind(args)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let number = protocol::index(ctx, opcode.unwrap_or(&Value::None), what)?;
    let op = pyrite_object::methods::int::as_small(&number)
        .and_then(|n| u8::try_from(n).ok())
        .and_then(Opcode::from_u8)
        .ok_or_else(|| PyErr::value_error("invalid opcode or oparg"))?;
    let oparg = match oparg.filter(|v| !v.is_none()) {
        Some(v) => {
            let n = protocol::index(ctx, v, what)?;
            Some(pyrite_object::methods::int::as_small(&n).and_then(|n| u32::try_from(n).ok()).unwrap_or(u32::MAX))
        }
        None => None,
    };
    let arg = match (op.arg_kind() == ArgKind::None, oparg) {
        (false, None) => {
            return Err(PyErr::value_error("stack_effect: opcode requires oparg but oparg was not specified"));
        }
        (true, Some(_)) => {
            return Err(PyErr::value_error("stack_effect: opcode does not permit oparg but oparg was specified"));
        }
        (_, arg) => arg.unwrap_or(0),
    };
    let effect = match jump {
        Some(j) if !j.is_none() => op.stack_effect(arg, protocol::truthy(ctx, j)?),
        _ => op.stack_effect(arg, false).max(op.stack_effect(arg, true)),
    };
    Ok(Value::Int(i64::from(effect)))
}

fn code_arg(v: Option<&Value>) -> PyResult<&Code> {
    v.and_then(|v| v.downcast::<Code>()).ok_or_else(|| PyErr::type_error("expected a code object"))
}

const ONE_CODE: Params = Params::new("_instructions", &["code"]).required(1).positional_only(1);

/// `_opcode._instructions(code)`: per instruction `(opname, opcode, arg, argval, argrepr,
/// offset, starts_line, is_jump_target, (line, end_line, column, end_column))`, as `dis`'s
/// `Instruction` fields. Cache units are not instructions; `EXTENDED_ARG` prefixes are
/// folded into the argument.
fn instructions(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [code] = ONE_CODE.bind(args)?;
    let code = code_arg(code)?;
    let b = &code.bytecode;
    let locations = b.locations();
    let decoded: Vec<_> = b.instructions().collect();
    let targets: Vec<usize> = decoded
        .iter()
        .filter_map(pyrite_bytecode::Instruction::jump_target)
        .chain(b.exception_entries().iter().map(|e| e.target as usize))
        .collect();
    let optional = |n: Option<u32>| n.map_or(Value::None, |n| Value::Int(i64::from(n)));
    let mut current_line = None;
    let mut rows = Vec::with_capacity(decoded.len());
    for instruction in &decoded {
        let location = locations.get(instruction.start).copied().unwrap_or_default();
        let starts_line = location.line.filter(|l| Some(*l) != current_line);
        if location.line.is_some() {
            current_line = location.line;
        }
        let kind = instruction.op.arg_kind();
        let target = instruction.jump_target();
        let arg = instruction.arg;
        let name_at = |list: &[Value], i: u32| list.get(i as usize).cloned().unwrap_or(Value::None);
        let argval = match kind {
            ArgKind::None => Value::None,
            ArgKind::Const => code.consts.get(arg as usize).cloned().unwrap_or(Value::None),
            ArgKind::Name => name_at(&code.names, arg),
            ArgKind::GlobalName | ArgKind::AttrName => name_at(&code.names, arg >> 1),
            ArgKind::Local => name_at(&code.varnames, arg),
            ArgKind::Deref => b.deref_name(arg as usize).map_or(Value::None, Value::str),
            ArgKind::JumpForward | ArgKind::JumpBackward => target.map_or(Value::None, |t| Value::from(t * 2)),
            ArgKind::CompareOp => CompareOp::from_arg(arg).map_or(Value::None, |c| Value::str(c.symbol())),
            _ => Value::Int(i64::from(arg)),
        };
        let argrepr = pyrite_bytecode::dis::argument_repr(b, kind, arg, target);
        let positions = PyTuple::new_obj(vec![
            optional(location.line),
            optional(location.end_line),
            optional(location.column),
            optional(location.end_column),
        ]);
        rows.push(Value::Obj(PyTuple::new_obj(vec![
            Value::str(instruction.op.name()),
            Value::Int(i64::from(instruction.op as u8)),
            if kind == ArgKind::None { Value::None } else { Value::Int(i64::from(arg)) },
            argval,
            Value::str(&argrepr),
            Value::from(instruction.start * 2),
            optional(starts_line),
            Value::Bool(targets.contains(&instruction.start)),
            Value::Obj(positions),
        ])));
    }
    Ok(Value::Obj(PyList::new_obj(rows)))
}

/// `_opcode._disassemble(code)`: the disassembly text of one code object (not the code
/// objects nested in it), in `python3 -m dis`'s layout.
fn disassemble(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [code] = ONE_CODE.bind(args)?;
    let mut text = String::new();
    pyrite_bytecode::dis::disassemble_one(&code_arg(code)?.bytecode, &mut text);
    Ok(Value::str(&text))
}
