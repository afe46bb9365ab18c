//! Writes expressions back as source text, as CPython's `ast.unparse` does, for
//! annotations under `from __future__ import annotations` (stored as strings).
//!
//! Precedence follows CPython's `_PyPegen` unparser (`Python/ast_unparse.c`): parentheses
//! only where needed, `repr()` of constants, spaces around binary operators.

use pyrite_bytecode::dis::constant_repr;
use pyrite_parser::ast::{BoolOp, CmpOp, Expr, Operator, UnaryOp};

// Precedence levels (higher binds tighter), as in ast_unparse.c.
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 7;
const BXOR: u8 = 8;
const BAND: u8 = 9;
const SHIFT: u8 = 10;
const ARITH: u8 = 11;
const TERM: u8 = 12;
const FACTOR: u8 = 13;
const POWER: u8 = 14;
const AWAIT: u8 = 15;
const ATOM: u8 = 16;

/// The source form of `e`.
pub(crate) fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    write(&mut out, e, TEST);
    out
}

fn paren(out: &mut String, needed: bool, f: impl FnOnce(&mut String)) {
    if needed {
        out.push('(');
    }
    f(out);
    if needed {
        out.push(')');
    }
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => ("+", ARITH),
        Operator::Sub => ("-", ARITH),
        Operator::Mult => ("*", TERM),
        Operator::MatMult => ("@", TERM),
        Operator::Div => ("/", TERM),
        Operator::Mod => ("%", TERM),
        Operator::FloorDiv => ("//", TERM),
        Operator::Pow => ("**", POWER),
        Operator::LShift => ("<<", SHIFT),
        Operator::RShift => (">>", SHIFT),
        Operator::BitOr => ("|", BOR),
        Operator::BitXor => ("^", BXOR),
        Operator::BitAnd => ("&", BAND),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn seq(out: &mut String, items: &[Expr]) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(out, item, TEST);
    }
}

fn write(out: &mut String, e: &Expr, level: u8) {
    match e {
        Expr::BoolOp(b) => {
            let (word, prec) = if b.op == BoolOp::And { (" and ", AND) } else { (" or ", OR) };
            paren(out, level > prec, |out| {
                for (i, v) in b.values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(word);
                    }
                    write(out, v, prec + 1);
                }
            });
        }
        Expr::Named(n) => paren(out, level > TUPLE, |out| {
            write(out, &n.target, ATOM);
            out.push_str(" := ");
            write(out, &n.value, ATOM);
        }),
        Expr::BinOp(b) => {
            let (sym, prec) = binop(b.op);
            let right_assoc = b.op == Operator::Pow;
            paren(out, level > prec, |out| {
                write(out, &b.left, if right_assoc { prec + 1 } else { prec });
                out.push(' ');
                out.push_str(sym);
                out.push(' ');
                write(out, &b.right, if right_assoc { prec } else { prec + 1 });
            });
        }
        Expr::UnaryOp(u) => {
            let (sym, prec) = match u.op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::USub => ("-", FACTOR),
            };
            paren(out, level > prec, |out| {
                out.push_str(sym);
                write(out, &u.operand, prec);
            });
        }
        Expr::Lambda(l) => paren(out, level > TEST, |out| {
            out.push_str("lambda");
            if let Some(p) = &l.parameters {
                let names: Vec<&str> = p.iter().map(|a| a.name().as_str()).collect();
                if !names.is_empty() {
                    out.push(' ');
                    out.push_str(&names.join(", "));
                }
            }
            out.push_str(": ");
            write(out, &l.body, TEST);
        }),
        Expr::If(i) => paren(out, level > TEST, |out| {
            write(out, &i.body, TEST + 1);
            out.push_str(" if ");
            write(out, &i.test, TEST + 1);
            out.push_str(" else ");
            write(out, &i.orelse, TEST);
        }),
        Expr::Dict(d) => {
            out.push('{');
            for (i, item) in d.items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match &item.key {
                    Some(k) => {
                        write(out, k, TEST);
                        out.push_str(": ");
                    }
                    None => out.push_str("**"),
                }
                write(out, &item.value, TEST);
            }
            out.push('}');
        }
        Expr::Set(s) => {
            out.push('{');
            seq(out, &s.elts);
            out.push('}');
        }
        Expr::List(l) => {
            out.push('[');
            seq(out, &l.elts);
            out.push(']');
        }
        Expr::Tuple(t) => {
            if t.elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, level > TUPLE, |out| {
                    seq(out, &t.elts);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
        }
        Expr::Await(a) => paren(out, level > AWAIT, |out| {
            out.push_str("await ");
            write(out, &a.value, ATOM);
        }),
        Expr::Yield(y) => paren(out, true, |out| {
            out.push_str("yield");
            if let Some(v) = &y.value {
                out.push(' ');
                write(out, v, TEST);
            }
        }),
        Expr::YieldFrom(y) => paren(out, true, |out| {
            out.push_str("yield from ");
            write(out, &y.value, TEST);
        }),
        Expr::Compare(c) => paren(out, level > CMP, |out| {
            write(out, &c.left, CMP + 1);
            for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                out.push(' ');
                out.push_str(cmpop(*op));
                out.push(' ');
                write(out, right, CMP + 1);
            }
        }),
        Expr::Call(c) => {
            write(out, &c.func, ATOM);
            out.push('(');
            let mut first = true;
            for a in c.arguments.args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write(out, a, TEST);
            }
            for k in &c.arguments.keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name.as_str());
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(out, &k.value, TEST);
            }
            out.push(')');
        }
        Expr::Attribute(a) => {
            let int_literal = matches!(a.value.as_ref(), Expr::NumberLiteral(n) if n.value.is_int());
            write(out, &a.value, ATOM);
            if int_literal {
                out.push(' ');
            }
            out.push('.');
            out.push_str(a.attr.as_str());
        }
        Expr::Subscript(s) => {
            write(out, &s.value, ATOM);
            out.push('[');
            match s.slice.as_ref() {
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    seq(out, &t.elts);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => write(out, other, TUPLE),
            }
            out.push(']');
        }
        Expr::Starred(s) => {
            out.push('*');
            write(out, &s.value, BOR);
        }
        Expr::Name(n) => out.push_str(n.id.as_str()),
        Expr::Slice(s) => {
            if let Some(l) = &s.lower {
                write(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = &s.upper {
                write(out, u, TEST);
            }
            if let Some(st) = &s.step {
                out.push(':');
                write(out, st, TEST);
            }
        }
        _ => match crate::fold::literal(e) {
            Some(c) => {
                let text = match c {
                    pyrite_bytecode::Constant::Ellipsis => "...".to_owned(),
                    other => constant_repr(&other),
                };
                out.push_str(&text);
            }
            None => out.push_str(&complex_fallback(e)),
        },
    }
}

/// Comprehensions and f-strings are rare in annotations; they keep a readable form.
fn complex_fallback(e: &Expr) -> String {
    match e {
        Expr::ListComp(_) => "[...]".into(),
        Expr::SetComp(_) | Expr::DictComp(_) => "{...}".into(),
        Expr::Generator(_) => "(...)".into(),
        Expr::FString(_) => "f'...'".into(),
        _ => "...".into(),
    }
}
