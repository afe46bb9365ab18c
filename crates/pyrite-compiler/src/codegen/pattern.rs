//! `match` statements: subject, cases, guards and every pattern kind, compiled as CPython
//! 3.11's `compiler_match` with MATCH_* opcodes and `GET_LEN`.
//!
//! While a pattern is matched the stack holds, from the bottom: the subject (copied for
//! every case but the last), the values captured so far (`stores`, stored into their
//! names only once the whole pattern matched), and `on_top` items the pattern is working
//! on. A failing test jumps to `fail_pop[n]`, a chain of `POP_TOP`s laid out after the
//! case that pops the `n = on_top + stores` items above the subject.

use pyrite_bytecode::{CompareOp, Constant, Opcode, dis::constant_repr};
use pyrite_parser::ast::{self, Expr, ExprContext, Pattern};
use pyrite_parser::{Ranged, TextRange};

use super::{CResult, Compiler};
use crate::error::CompileErr;
use crate::ir::{BlockId, Op};

/// CPython's `pattern_context`.
#[derive(Default)]
struct PatternCtx {
    /// Names captured so far, in the order their values sit on the stack.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and falls into `fail_pop[n - 1]`.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack that a failure must pop besides the stores.
    on_top: usize,
    /// Where errors are reported (CPython's "current location").
    range: TextRange,
}

/// `case _` (CPython's `WILDCARD_CHECK`).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.name.is_none() && a.pattern.is_none())
}

/// `*_` (CPython's `WILDCARD_STAR_CHECK`).
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// A number as Python compares it with `==` (for duplicate mapping keys).
fn numeric(c: &Constant) -> Option<(f64, f64, Option<i64>)> {
    match c {
        Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0, Some(i64::from(*b)))),
        #[expect(clippy::cast_precision_loss, reason = "only compared with floats")]
        Constant::Int(i) => Some((*i as f64, 0.0, Some(*i))),
        Constant::Float(f) => Some((*f, 0.0, None)),
        Constant::Complex { re, im } => Some((*re, *im, None)),
        _ => None,
    }
}

/// Whether two constant keys are equal as Python's `set` sees them.
fn same_key(a: &Constant, b: &Constant) -> bool {
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return match (x.2, y.2) {
            (Some(i), Some(j)) => i == j,
            _ => x.0 == y.0 && x.1 == y.1,
        };
    }
    match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) | (Constant::BigInt(x), Constant::BigInt(y)) => x == y,
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_key(p, q))
        }
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...` (CPython's `compiler_match_inner`).
    pub fn visit_match(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.visit_expr(&m.subject)?;
        let end = self.new_block();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Err(CompileErr::internal("match statement without cases"));
        };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let checked = cases - usize::from(has_default);
        let mut pc = PatternCtx::default();
        for (i, case) in m.cases[..checked].iter().enumerate() {
            self.pattern_loc(&case.pattern, &mut pc);
            // Only copy the subject if we're *not* on the last case:
            let copy_subject = i + 1 != checked;
            if copy_subject {
                self.emit(Opcode::COPY, 1);
            }
            pc.stores.clear();
            // Irrefutable cases must be either guarded, last, or both:
            pc.allow_irrefutable = case.guard.is_some() || i + 1 == cases;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // It's a match! Store all of the captured names (they're on the stack).
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, ExprContext::Store, pc.range)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, pc.fail_pop[0], false)?;
            }
            // Success! Pop the subject off, we're done with it:
            if copy_subject {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.visit_stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            // A failed match gets the line of its pattern, not of the body's last line.
            self.pattern_loc(&case.pattern, &mut pc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            // A trailing `case _` needs no copy of the subject, nor a test.
            self.pattern_loc(&last.pattern, &mut pc);
            if cases == 1 {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                // Line coverage for the default case (it creates no bytecode).
                self.emit(Opcode::NOP, 0);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.visit_stmts(&last.body)?;
        }
        self.use_block(end);
        Ok(())
    }

    /// CPython's `SET_LOC(c, p)` for a pattern.
    fn pattern_loc(&mut self, p: &Pattern, pc: &mut PatternCtx) {
        self.set_loc(p.range());
        pc.range = p.range();
    }

    /// Makes sure `fail_pop[0..=n]` exist.
    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// Jumps (with `op`) to the block popping everything this pattern has pushed.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops]);
        self.next_block();
    }

    fn jump_if_false_to_fail_pop(&mut self, pc: &mut PatternCtx) {
        self.jump_to_fail_pop(pc, Op::Real(Opcode::POP_JUMP_IF_FALSE));
    }

    /// Lays out the `POP_TOP` chain of the failure blocks and empties it.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        let blocks = std::mem::take(&mut pc.fail_pop);
        let Some((&first, rest)) = blocks.split_first() else {
            self.next_block();
            return;
        };
        for &b in rest.iter().rev() {
            self.use_block(b);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.use_block(first);
    }

    /// Moves TOS `count - 1` places down (`SWAP count; SWAP count-1; ...; SWAP 2`).
    fn rotate(&mut self, count: usize) {
        for n in (2..=count).rev() {
            self.emit(Opcode::SWAP, u32::try_from(n).unwrap_or(u32::MAX));
        }
    }

    fn check_forbidden(name: &str, range: TextRange) -> CResult {
        if name == "__debug__" {
            return Err(CompileErr::syntax("cannot assign to __debug__", range));
        }
        Ok(())
    }

    /// Captures TOS into `name` once the pattern matched (or pops it for a wildcard).
    fn store_name(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternCtx) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        let name = name.as_str();
        Self::check_forbidden(name, pc.range)?;
        if pc.stores.iter().any(|s| s == name) {
            return Err(duplicate_store(name, pc.range));
        }
        // Rotate this object underneath any items we need to preserve:
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_owned());
        Ok(())
    }

    /// A sub-pattern: irrefutable ones are always allowed inside another pattern.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// Matches the subject at TOS against `p`, consuming it.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        self.enter_nested()?;
        self.pattern_loc(p, pc);
        let r = match p {
            Pattern::MatchValue(v) => self.pattern_value(&v.value, pc),
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.emit(Opcode::IS_OP, 0);
                self.jump_if_false_to_fail_pop(pc);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_name(s.name.as_ref(), pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(&o.patterns, pc),
        };
        self.leave_nested();
        r
    }

    fn pattern_value(&mut self, value: &'a Expr, pc: &mut PatternCtx) -> CResult {
        let allowed = match value {
            Expr::Attribute(_) => true,
            Expr::FString(_) | Expr::TString(_) => false,
            _ => self.fold(value).is_some(),
        };
        if !allowed {
            return Err(CompileErr::syntax("patterns may only match literals and attribute lookups", pc.range));
        }
        self.visit_expr(value)?;
        self.emit(Opcode::COMPARE_OP, CompareOp::Eq as u32);
        self.jump_if_false_to_fail_pop(pc);
        Ok(())
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternCtx) -> CResult {
        let Some(inner) = &a.pattern else {
            // An irrefutable match:
            if !pc.allow_irrefutable {
                let msg = match &a.name {
                    Some(n) => {
                        format!("name capture '{}' makes remaining patterns unreachable", n.as_str())
                    }
                    None => "wildcard makes remaining patterns unreachable".to_owned(),
                };
                return Err(CompileErr::syntax(msg, pc.range));
            }
            return self.store_name(a.name.as_ref(), pc);
        };
        // Need to make a copy for (possibly) storing later:
        pc.on_top += 1;
        self.emit(Opcode::COPY, 1);
        self.pattern(inner, pc)?;
        // Success! Store it:
        pc.on_top -= 1;
        self.store_name(a.name.as_ref(), pc)
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        // Find a starred name, if it exists. There may be at most one:
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(CompileErr::syntax("multiple starred names in sequence pattern", pc.range));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // We need to keep the subject on top during the sequence and length checks:
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_if_false_to_fail_pop(pc);
        let (wanted, cmp) = match star {
            // No star: len(subject) == size
            None => (Some(size), CompareOp::Eq),
            // Star: len(subject) >= size - 1
            Some(_) if size > 1 => (Some(size - 1), CompareOp::Ge),
            Some(_) => (None, CompareOp::Ge),
        };
        if let Some(n) = wanted {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(int_const(n));
            self.emit(Opcode::COMPARE_OP, cmp as u32);
            self.jump_if_false_to_fail_pop(pc);
        }
        // Whatever comes next should consume the subject:
        pc.on_top -= 1;
        if only_wildcard {
            // Patterns like: [] / [_] / [_, _] / [*_] / [_, *_] / [_, _, *_] / etc.
            self.emit(Opcode::POP_TOP, 0);
            Ok(())
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)
        } else {
            self.sequence_unpack(patterns, pc)
        }
    }

    /// Unpacks the subject and matches every item.
    fn sequence_unpack(&mut self, patterns: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let n = patterns.len();
        match patterns.iter().position(|p| matches!(p, Pattern::MatchStar(_))) {
            Some(i) => {
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(CompileErr::syntax(
                        "too many expressions in star-unpacking sequence pattern",
                        pc.range,
                    ));
                }
                let arg = i + ((n - i - 1) << 8);
                self.emit(Opcode::UNPACK_EX, u32::try_from(arg).unwrap_or(u32::MAX));
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, u32::try_from(n).unwrap_or(u32::MAX)),
        }
        // We've now got a bunch of new subjects on the stack. They need to remain there
        // after each subpattern match:
        pc.on_top += n;
        for p in patterns {
            // One less item to keep track of each time we loop through:
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// Like [`Self::sequence_unpack`] but indexes the subject (for a `*_` wildcard).
    fn sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternCtx) -> CResult {
        // We need to keep the subject around for extracting elements:
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Opcode::COPY, 1);
            if i < star {
                self.load_const(int_const(i));
            } else {
                // The subject may not support negative indexing! Compute a nonnegative
                // index:
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(int_const(size - i));
                self.emit(Opcode::BINARY_OP, pyrite_bytecode::BinaryOp::Subtract as u32);
            }
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.subpattern(p, pc)?;
        }
        // Pop the subject, we're done with it:
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> CResult {
        let keys = &m.keys;
        let patterns = &m.patterns;
        let size = keys.len();
        if size != patterns.len() {
            return Err(CompileErr::internal("keys / patterns length mismatch in mapping pattern"));
        }
        // We need to keep the subject on top during the mapping and length checks:
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_if_false_to_fail_pop(pc);
        if size == 0 && m.rest.is_none() {
            // If the pattern is just "{}", we're done! Pop the subject:
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            // If the pattern has any keys in it, perform a length check:
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(int_const(size));
            self.emit(Opcode::COMPARE_OP, CompareOp::Ge as u32);
            self.jump_if_false_to_fail_pop(pc);
        }
        // Collect all of the keys into a tuple for MATCH_KEYS and **rest. They can either
        // be dotted names or literals:
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            let constant = match key {
                Expr::Attribute(_) => None,
                Expr::FString(_) | Expr::TString(_) => {
                    return Err(CompileErr::syntax(
                        "mapping pattern keys may only match literals and attribute lookups",
                        pc.range,
                    ));
                }
                _ => match self.fold(key) {
                    Some(c) => Some(c),
                    None => {
                        return Err(CompileErr::syntax(
                            "mapping pattern keys may only match literals and attribute lookups",
                            pc.range,
                        ));
                    }
                },
            };
            if let Some(c) = constant {
                if seen.iter().any(|s| same_key(s, &c)) {
                    return Err(CompileErr::syntax(
                        format!("mapping pattern checks duplicate key ({})", constant_repr(&c)),
                        pc.range,
                    ));
                }
                seen.push(c);
            }
            self.visit_expr(key)?;
        }
        let size32 = u32::try_from(size).unwrap_or(u32::MAX);
        self.emit(Opcode::BUILD_TUPLE, size32);
        self.emit(Opcode::MATCH_KEYS, 0);
        // There's now a tuple of keys and a tuple of values on top of the subject:
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_if_false_to_fail_pop(pc);
        // So far so good. Use that tuple of values on the stack to match sub-patterns
        // against:
        self.emit(Opcode::UNPACK_SEQUENCE, size32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // If we get this far, it's a match! Whatever happens next should consume the
        // tuple of keys and the subject:
        pc.on_top -= 2;
        if let Some(rest) = &m.rest {
            // rest = dict(TOS1); for key in TOS: del rest[key]
            self.emit(Opcode::BUILD_MAP, 0); // [subject, keys, empty]
            self.emit(Opcode::SWAP, 3); // [empty, keys, subject]
            self.emit(Opcode::DICT_UPDATE, 2); // [copy, keys]
            self.emit(Opcode::UNPACK_SEQUENCE, size32); // [copy, keys...]
            let mut n = size;
            while n > 0 {
                self.emit(Opcode::COPY, u32::try_from(1 + n).unwrap_or(u32::MAX)); // [copy, keys..., copy]
                n -= 1;
                self.emit(Opcode::SWAP, 2); // [copy, keys..., copy, key]
                self.emit(Opcode::DELETE_SUBSCR, 0); // [copy, keys...]
            }
            self.store_name(Some(rest), pc)?;
        } else {
            self.emit(Opcode::POP_TOP, 0); // Tuple of keys.
            self.emit(Opcode::POP_TOP, 0); // Subject.
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult {
        let patterns = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = keywords.len();
        if nattrs > 0 {
            for (i, kw) in keywords.iter().enumerate() {
                self.pattern_loc(&kw.pattern, pc);
                let attr = kw.attr.as_str();
                Self::check_forbidden(attr, pc.range)?;
                if let Some(other) = keywords[i + 1..].iter().find(|o| o.attr.as_str() == attr) {
                    return Err(CompileErr::syntax(
                        format!("attribute name repeated in class pattern: {attr}"),
                        other.pattern.range(),
                    ));
                }
            }
            self.set_loc(c.range);
            pc.range = c.range;
        }
        self.visit_expr(&c.cls)?;
        let names = keywords.iter().map(|k| Constant::Str(k.attr.as_str().into())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Opcode::MATCH_CLASS, u32::try_from(nargs).unwrap_or(u32::MAX));
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        // TOS is now a tuple of (nargs + nattrs) attributes (or None):
        pc.on_top += 1;
        self.jump_if_false_to_fail_pop(pc);
        let total = nargs + nattrs;
        self.emit(Opcode::UNPACK_SEQUENCE, u32::try_from(total).unwrap_or(u32::MAX));
        pc.on_top += total;
        pc.on_top -= 1;
        let all = patterns.iter().chain(keywords.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        // Success! The tuple of attributes was consumed by the unpacking.
        Ok(())
    }

    fn pattern_or(&mut self, alts: &'a [Pattern], pc: &mut PatternCtx) -> CResult {
        let end = self.new_block();
        let size = alts.len();
        // We're going to be messing with pc. Keep the original info handy:
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let old_allow = pc.allow_irrefutable;
        // The names bound by the first alternative: the others must bind the same ones,
        // and their values are reordered to match.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            self.pattern_loc(alt, pc);
            pc.stores = Vec::new();
            // An irrefutable sub-pattern must be last, if it is allowed at all:
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            // Success!
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) if ctrl.len() != nstores => return Err(different_names(pc.range)),
                Some(ctrl) => {
                    // Check whether we differ from control, and reorder if needed:
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctrl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(different_names(pc.range));
                        };
                        if icontrol != istores {
                            // rotated = stores[:rotations]; del stores[:rotations];
                            // stores[icontrol-istores:icontrol-istores] = rotated
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            // Do the same thing to the stack, using several rotations:
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No match. Pop the remaining copy of the subject and fail:
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_block(end);
        let control = control.unwrap_or_default();
        // Between where the new stores are and where they need to be: the other stores, a
        // copy of the subject, anything else on top, and the stores stashed before.
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            // Rotate this capture to its proper place on the stack:
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(duplicate_store(&name, pc.range));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject:
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}

fn int_const(n: usize) -> Constant {
    Constant::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn duplicate_store(name: &str, range: TextRange) -> CompileErr {
    CompileErr::syntax(format!("multiple assignments to name '{name}' in pattern"), range)
}

fn different_names(range: TextRange) -> CompileErr {
    CompileErr::syntax("alternative patterns bind different names", range)
}
