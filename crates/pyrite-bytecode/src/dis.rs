//! A disassembler whose text follows `python3 -m dis` (3.11): line number, jump-target
//! marker, byte offset, opcode name, argument and its meaning. Cache units are hidden and
//! code-object addresses are left out so the output is deterministic (snapshots use it).

use std::fmt::Write as _;

use crate::code::{CodeObject, Constant};
use crate::opcodes::{ArgKind, BinaryOp, CompareOp, Intrinsic1, Intrinsic2};
use crate::repr;

/// `repr()` of a constant as the disassembler shows it.
#[must_use]
pub fn constant_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(bytes) => repr::int_bytes_repr(bytes),
        Constant::Float(x) => repr::float_repr(*x),
        Constant::Complex { re, im } => repr::complex_repr(*re, *im),
        Constant::Str(s) => repr::str_repr(s),
        Constant::Bytes(b) => repr::bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(code) => code_repr(code),
    }
}

fn code_repr(code: &CodeObject) -> String {
    format!("<code object {}, file \"{}\", line {}>", code.name, code.filename, code.first_line)
}

/// What an instruction's argument means, as the disassembler shows it in parentheses
/// (empty when it shows nothing); `target` is a jump's target code unit.
#[must_use]
pub fn argument_repr(code: &CodeObject, kind: ArgKind, arg: u32, target: Option<usize>) -> String {
    let name = |list: &[Box<str>], i: u32| list.get(i as usize).map_or_else(|| format!("<{i}>"), ToString::to_string);
    match kind {
        ArgKind::None | ArgKind::Count | ArgKind::Invert => String::new(),
        ArgKind::Const => code.constants.get(arg as usize).map_or_else(|| format!("<{arg}>"), constant_repr),
        ArgKind::Name => name(&code.names, arg),
        ArgKind::GlobalName => {
            let base = name(&code.names, arg >> 1);
            if arg & 1 == 1 { format!("NULL + {base}") } else { base }
        }
        ArgKind::AttrName => {
            let base = name(&code.names, arg >> 1);
            if arg & 1 == 1 { format!("NULL|self + {base}") } else { base }
        }
        ArgKind::Local => name(&code.varnames, arg),
        ArgKind::Deref => code.deref_name(arg as usize).map_or_else(|| format!("<{arg}>"), str::to_owned),
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            target.map_or_else(|| "to ?".into(), |t| format!("to {}", t * 2))
        }
        ArgKind::BinaryOp => match BinaryOp::from_arg(arg) {
            Some((op, false)) => op.symbol().into(),
            Some((op, true)) => op.inplace_symbol().into(),
            None => format!("<{arg}>"),
        },
        ArgKind::CompareOp => CompareOp::from_arg(arg).map_or_else(|| format!("<{arg}>"), |c| c.symbol().into()),
        ArgKind::Format => {
            let conversion = match arg & 3 {
                1 => "str",
                2 => "repr",
                3 => "ascii",
                _ => "",
            };
            match (conversion, arg & 4 != 0) {
                ("", false) => String::new(),
                ("", true) => "with format".into(),
                (c, false) => c.into(),
                (c, true) => format!("{c}, with format"),
            }
        }
        ArgKind::Intrinsic => Intrinsic1::from_arg(arg).map_or_else(|| format!("<{arg}>"), |i| i.name().into()),
        ArgKind::Intrinsic2 => Intrinsic2::from_arg(arg).map_or_else(|| format!("<{arg}>"), |i| i.name().into()),
    }
}

/// Disassembles one code object (not its nested ones) into `out`.
pub fn disassemble_one(code: &CodeObject, out: &mut String) {
    let locations = code.locations();
    let instructions: Vec<_> = code.instructions().collect();
    let targets: Vec<usize> = instructions
        .iter()
        .filter_map(crate::code::Instruction::jump_target)
        .chain(code.exception_entries().iter().map(|e| e.target as usize))
        .collect();
    let max_line = locations.iter().filter_map(|l| l.line).max().unwrap_or(0);
    let line_width = max_line.to_string().len().max(3);
    let offset_width = (code.code.len() * 2).to_string().len().max(4);
    let mut current_line = None;
    let mut first = true;
    for instruction in &instructions {
        let line = locations.get(instruction.start).and_then(|l| l.line);
        let starts_line = line.is_some() && line != current_line;
        if line.is_some() {
            current_line = line;
        }
        if starts_line && !first {
            out.push('\n');
        }
        first = false;
        let mut fields: Vec<String> = Vec::with_capacity(6);
        fields.push(match (starts_line, line) {
            (true, Some(l)) => format!("{l:>line_width$}"),
            _ => " ".repeat(line_width),
        });
        fields.push("   ".into());
        fields.push(if targets.contains(&instruction.start) { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>offset_width$}", instruction.start * 2));
        fields.push(format!("{:<20}", instruction.op.name()));
        if instruction.op.arg_kind() != ArgKind::None {
            fields.push(format!("{:>5}", instruction.arg));
            let meaning = argument_repr(code, instruction.op.arg_kind(), instruction.arg, instruction.jump_target());
            if !meaning.is_empty() {
                fields.push(format!("({meaning})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    let entries = code.exception_entries();
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in entries {
            let last = instructions
                .iter()
                .filter(|i| (i.start as u32) < entry.end && (i.start as u32) >= entry.start)
                .map(|i| i.start)
                .max()
                .unwrap_or(entry.start as usize);
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                entry.start * 2,
                last * 2,
                entry.target * 2,
                entry.depth,
                if entry.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// Disassembles a code object and, after it, every code object nested in its constants,
/// each under a `Disassembly of <code object ...>:` heading, as `dis.dis` does.
#[must_use]
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_one(code, &mut out);
    let mut pending: Vec<&CodeObject> = nested_codes(code);
    while !pending.is_empty() {
        let inner = pending.remove(0);
        let _ = write!(out, "\nDisassembly of {}:\n", code_repr(inner));
        disassemble_one(inner, &mut out);
        let mut deeper = nested_codes(inner);
        deeper.extend(pending);
        pending = deeper;
    }
    out
}

fn nested_codes(code: &CodeObject) -> Vec<&CodeObject> {
    code.constants
        .iter()
        .filter_map(|c| if let Constant::Code(inner) = c { Some(inner.as_ref()) } else { None })
        .collect()
}
