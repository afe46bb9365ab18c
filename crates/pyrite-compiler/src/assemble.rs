//! The assembler: turns a code object's control-flow graph into code units.
//!
//! The passes follow CPython 3.11's `assemble()`: a small peephole optimizer (folding
//! constant tuples, `BUILD_TUPLE`/`UNPACK_SEQUENCE` swaps, jump threading, copying small
//! exit blocks into their jumpers), removal of unreachable code, line number propagation,
//! stack depth over the graph (including exception handlers), exception target labelling
//! from the `SETUP_*`/`POP_BLOCK` markers, jump normalization (directions; conditional
//! jumps are forward only, so a backward one becomes an inverted forward jump over a
//! `JUMP_BACKWARD`), and finally the `EXTENDED_ARG` fix-point and table encoding.
//!
//! Every failure here is a compiler bug or a size limit and is reported as an error
//! string, never a panic.

use pyrite_bytecode::{CodeUnit, Constant, ExceptionTableEntry, Location, Opcode, exceptiontable, linetable};

use crate::consts::ConstTable;
use crate::ir::{Block, BlockId, Cfg, Instr, NO_BLOCK, Op};

/// The laid-out result of one code object.
pub(crate) struct Assembled {
    pub code: Vec<CodeUnit>,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
    pub stacksize: u32,
}

/// Largest exit block copied into a block that jumps to it.
const MAX_COPY_SIZE: usize = 4;

/// Runs every pass and encodes the result.
pub(crate) fn assemble(mut cfg: Cfg, consts: &mut ConstTable, first_line: u32) -> Result<Assembled, String> {
    for &b in &cfg.order.clone() {
        optimize_block(&mut cfg.blocks[b], consts);
    }
    thread_jumps(&mut cfg);
    for &b in &cfg.order.clone() {
        extend_block(&mut cfg, b);
    }
    remove_unreachable(&mut cfg);
    for &b in &cfg.order {
        clean_block(&mut cfg.blocks, &cfg.order, b);
    }
    eliminate_empty_blocks(&mut cfg);
    remove_redundant_jumps(&mut cfg);
    eliminate_empty_blocks(&mut cfg);
    duplicate_exits_without_lineno(&mut cfg);
    propagate_line_numbers(&mut cfg);
    let depths = stack_depths(&cfg)?;
    label_exception_targets(&mut cfg);
    let lasti = handler_lasti(&cfg);
    for &b in &cfg.order {
        for instr in &mut cfg.blocks[b].instrs {
            if instr.is_block_push() || instr.op == Op::PopBlock {
                instr.op = Op::Real(Opcode::NOP);
                instr.target = NO_BLOCK;
            }
        }
    }
    for &b in &cfg.order.clone() {
        clean_block(&mut cfg.blocks, &cfg.order, b);
    }
    eliminate_empty_blocks(&mut cfg);
    normalize_jumps(&mut cfg)?;
    encode(&cfg, &depths, &lasti, first_line)
}

fn const_tuple_of(block: &Block, end: usize, n: usize, consts: &ConstTable) -> Option<Vec<Constant>> {
    if n > end {
        return None;
    }
    let mut items = Vec::with_capacity(n);
    for instr in &block.instrs[end - n..end] {
        if instr.op != Op::Real(Opcode::LOAD_CONST) {
            return None;
        }
        items.push(consts.get(instr.arg)?.clone());
    }
    Some(items)
}

/// Peephole rewrites inside one block.
fn optimize_block(block: &mut Block, consts: &mut ConstTable) {
    let mut i = 0;
    while i < block.instrs.len() {
        let instr = block.instrs[i].clone();
        let next = block.instrs.get(i + 1).map(|n| (n.op, n.arg));
        match instr.op {
            Op::Real(Opcode::BUILD_TUPLE) => {
                let n = instr.arg as usize;
                if next == Some((Op::Real(Opcode::UNPACK_SEQUENCE), instr.arg)) && (1..=3).contains(&n) {
                    let (first, second) = match n {
                        1 => (Opcode::NOP, (Opcode::NOP, 0)),
                        2 => (Opcode::NOP, (Opcode::SWAP, 2)),
                        _ => (Opcode::SWAP, (Opcode::NOP, 0)),
                    };
                    block.instrs[i].op = Op::Real(first);
                    block.instrs[i].arg = if n == 3 { 3 } else { 0 };
                    block.instrs[i + 1].op = Op::Real(second.0);
                    block.instrs[i + 1].arg = second.1;
                } else if let Some(items) = const_tuple_of(block, i, n, consts) {
                    let index = consts.add(Constant::Tuple(items.into_boxed_slice()));
                    for j in i - n..i {
                        block.instrs[j].op = Op::Real(Opcode::NOP);
                        block.instrs[j].arg = 0;
                    }
                    block.instrs[i].op = Op::Real(Opcode::LOAD_CONST);
                    block.instrs[i].arg = index;
                }
            }
            Op::Real(Opcode::LOAD_CONST) => {
                // `x is None` tested by a jump: POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE.
                if let Some((Op::Real(Opcode::IS_OP), is_arg)) = next
                    && matches!(consts.get(instr.arg), Some(Constant::None))
                    && let Some(jump) = block.instrs.get(i + 2)
                    && let Op::Real(cond @ (Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE)) = jump.op
                {
                    let jump_if_not_none = (is_arg == 1) ^ (cond == Opcode::POP_JUMP_IF_FALSE);
                    block.instrs[i].op = Op::Real(Opcode::NOP);
                    block.instrs[i + 1].op = Op::Real(Opcode::NOP);
                    block.instrs[i + 1].arg = 0;
                    block.instrs[i + 2].op = Op::Real(if jump_if_not_none {
                        Opcode::POP_JUMP_IF_NOT_NONE
                    } else {
                        Opcode::POP_JUMP_IF_NONE
                    });
                } else if let Some((Op::Real(cond @ (Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE)), _)) = next
                    && let Some(truth) = consts.get(instr.arg).and_then(constant_truth)
                {
                    block.instrs[i].op = Op::Real(Opcode::NOP);
                    let jumps = truth == (cond == Opcode::POP_JUMP_IF_TRUE);
                    let j = &mut block.instrs[i + 1];
                    if jumps {
                        j.op = Op::Jump;
                    } else {
                        j.op = Op::Real(Opcode::NOP);
                        j.target = NO_BLOCK;
                    }
                } else if let Some((Op::Real(cond @ (Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP)), _)) =
                    next
                    && let Some(truth) = consts.get(instr.arg).and_then(constant_truth)
                {
                    // `2 or x`: the jump is taken (keeping the constant) or both go.
                    let j = &mut block.instrs[i + 1];
                    if truth == (cond == Opcode::JUMP_IF_TRUE_OR_POP) {
                        j.op = Op::Jump;
                    } else {
                        j.op = Op::Real(Opcode::NOP);
                        j.target = NO_BLOCK;
                        block.instrs[i].op = Op::Real(Opcode::NOP);
                    }
                } else if let Some((Op::Real(Opcode::RETURN_VALUE), _)) = next {
                    // Pyrite has `RETURN_CONST` (as CPython 3.12): `lambda: 0`, `eval('1')`.
                    block.instrs[i].op = Op::Real(Opcode::NOP);
                    block.instrs[i + 1].op = Op::Real(Opcode::RETURN_CONST);
                    block.instrs[i + 1].arg = instr.arg;
                }
            }
            Op::Real(Opcode::SWAP) => {
                if instr.arg == 1 {
                    block.instrs[i].op = Op::Real(Opcode::NOP);
                } else {
                    i = swaptimize(block, i);
                    apply_static_swaps(block, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// Rewrites the run of `SWAP`s (and `NOP`s) starting at `start` as the fewest `SWAP`s
/// with the same effect (CPython's `swaptimize`). Returns the index of the run's last
/// instruction.
fn swaptimize(block: &mut Block, start: usize) -> usize {
    let run = &mut block.instrs[start..];
    let mut depth = run[0].arg as usize;
    let mut len = 1;
    let mut more = false;
    while len < run.len() {
        match run[len].op {
            Op::Real(Opcode::SWAP) => {
                depth = depth.max(run[len].arg as usize);
                more = true;
            }
            Op::Real(Opcode::NOP) => {}
            _ => break,
        }
        len += 1;
    }
    // It's already optimal if there's only one SWAP:
    if !more || depth == 0 {
        return start;
    }
    // Simulate the combined effect of the run on a stack of item numbers.
    const VISITED: usize = usize::MAX;
    let mut stack: Vec<usize> = (0..depth).collect();
    for instr in &run[..len] {
        if instr.op == Op::Real(Opcode::SWAP) {
            let n = instr.arg as usize;
            stack.swap(0, n - 1);
        }
    }
    // Shuffle the stack with one SWAP per cycle member, written from the run's end.
    let mut current = len;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                current -= 1;
                run[current].op = Op::Real(Opcode::SWAP);
                run[current].arg = u32::try_from(j + 1).unwrap_or(u32::MAX);
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j];
            stack[j] = VISITED;
            j = next;
        }
    }
    for instr in &mut run[..current] {
        instr.op = Op::Real(Opcode::NOP);
        instr.arg = 0;
    }
    start + len - 1
}

/// Instructions that only pop TOS and can be reordered with each other.
fn swappable(instr: &Instr) -> bool {
    matches!(instr.op, Op::Real(Opcode::STORE_FAST | Opcode::POP_TOP))
}

/// The next swappable instruction after `i` (skipping NOPs), if one comes before anything
/// else and (when `line` is given) on that line.
fn next_swappable(block: &Block, mut i: usize, line: Option<Option<u32>>) -> Option<usize> {
    loop {
        i += 1;
        let instr = block.instrs.get(i)?;
        if let Some(line) = line
            && instr.loc.line != line
        {
            return None;
        }
        if instr.is_nop() {
            continue;
        }
        return swappable(instr).then_some(i);
    }
}

/// Applies `SWAP`s by swapping the instructions that consume the items instead:
/// `SWAP 2; POP_TOP; STORE_FAST x` becomes `STORE_FAST x; POP_TOP` (CPython's
/// `apply_static_swaps`).
fn apply_static_swaps(block: &mut Block, last: usize) {
    for i in (0..=last).rev() {
        let swap = &block.instrs[i];
        if swap.op != Op::Real(Opcode::SWAP) {
            if swap.is_nop() || swappable(swap) {
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(block, i, None) else {
            return;
        };
        let line = block.instrs[j].loc.line;
        let mut k = j;
        for _ in 1..block.instrs[i].arg {
            match next_swappable(block, k, Some(line)) {
                Some(n) => k = n,
                None => return,
            }
        }
        // Two stores to the same local can't be reordered.
        let (a, b) = (&block.instrs[j], &block.instrs[k]);
        if a.op == Op::Real(Opcode::STORE_FAST) && a.op == b.op && a.arg == b.arg {
            return;
        }
        block.instrs[i].op = Op::Real(Opcode::NOP);
        block.instrs[i].arg = 0;
        block.instrs.swap(j, k);
    }
}

/// Truth value of a constant, when it is cheap to know.
pub(crate) fn constant_truth(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    })
}

/// The first instruction at `b`, following empty blocks in layout order.
fn first_real(cfg: &Cfg, positions: &[usize], b: BlockId) -> Option<(BlockId, usize)> {
    let mut pos = positions[b];
    while pos < cfg.order.len() {
        let block = cfg.order[pos];
        if !cfg.blocks[block].instrs.is_empty() {
            return Some((block, 0));
        }
        pos += 1;
    }
    None
}

fn positions(cfg: &Cfg) -> Vec<usize> {
    let mut positions = vec![usize::MAX; cfg.blocks.len()];
    for (i, &b) in cfg.order.iter().enumerate() {
        positions[b] = i;
    }
    positions
}

/// Jumps to unconditional jumps go straight to the final target; `and`/`or` chains are
/// threaded as CPython does.
fn thread_jumps(cfg: &mut Cfg) {
    let positions = positions(cfg);
    for pos in 0..cfg.order.len() {
        let b = cfg.order[pos];
        let Some(last) = cfg.blocks[b].instrs.len().checked_sub(1) else {
            continue;
        };
        for _ in 0..8 {
            let instr = cfg.blocks[b].instrs[last].clone();
            if !instr.is_jump() || positions[instr.target] == usize::MAX {
                break;
            }
            let Some((tb, ti)) = first_real(cfg, &positions, instr.target) else {
                break;
            };
            let target = cfg.blocks[tb].instrs[ti].clone();
            let new_target = match (instr.op, target.op) {
                (Op::Jump | Op::Real(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE), Op::Jump)
                    if target.target != instr.target && target.target != b =>
                {
                    Some((instr.op, target.target))
                }
                (Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), Op::Real(Opcode::JUMP_IF_FALSE_OR_POP) | Op::Jump)
                | (Op::Real(Opcode::JUMP_IF_TRUE_OR_POP), Op::Real(Opcode::JUMP_IF_TRUE_OR_POP) | Op::Jump)
                    if target.target != instr.target =>
                {
                    Some((instr.op, target.target))
                }
                (Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), Op::Real(Opcode::JUMP_IF_TRUE_OR_POP))
                | (Op::Real(Opcode::JUMP_IF_TRUE_OR_POP), Op::Real(Opcode::JUMP_IF_FALSE_OR_POP))
                    if ti + 1 == cfg.blocks[tb].instrs.len() && positions[tb] + 1 < cfg.order.len() =>
                {
                    let op = if instr.op == Op::Real(Opcode::JUMP_IF_FALSE_OR_POP) {
                        Opcode::POP_JUMP_IF_FALSE
                    } else {
                        Opcode::POP_JUMP_IF_TRUE
                    };
                    Some((Op::Real(op), cfg.order[positions[tb] + 1]))
                }
                _ => None,
            };
            let Some((op, t)) = new_target else { break };
            let i = &mut cfg.blocks[b].instrs[last];
            i.op = op;
            i.target = t;
        }
    }
}

/// Copies a small exit block without a line number into a block that ends by jumping to
/// it.
fn extend_block(cfg: &mut Cfg, b: BlockId) {
    let Some(last) = cfg.blocks[b].instrs.last() else {
        return;
    };
    if last.op != Op::Jump {
        return;
    }
    // Empty blocks in between count as the block after them.
    let Some(target) =
        cfg.order.iter().skip_while(|&&x| x != last.target).map(|&x| &cfg.blocks[x]).find(|blk| !blk.instrs.is_empty())
    else {
        return;
    };
    // CPython 3.11 copies only exit blocks without a line number (implicit returns).
    if !is_exit_without_lineno(target) || target.instrs.len() > MAX_COPY_SIZE {
        return;
    }
    let copy = target.instrs.clone();
    let block = &mut cfg.blocks[b];
    let last = block.instrs.len() - 1;
    block.instrs[last].op = Op::Real(Opcode::NOP);
    block.instrs[last].target = NO_BLOCK;
    block.instrs.extend(copy);
}

fn successors(block: &Block, next: Option<BlockId>) -> Vec<BlockId> {
    let mut out: Vec<BlockId> = block.instrs.iter().filter(|i| i.target != NO_BLOCK).map(|i| i.target).collect();
    if block.has_fallthrough()
        && let Some(n) = next
    {
        out.push(n);
    }
    out
}

/// Empties blocks that cannot be reached from the entry.
fn remove_unreachable(cfg: &mut Cfg) {
    let positions = positions(cfg);
    let mut reachable = vec![false; cfg.blocks.len()];
    let mut todo = vec![cfg.order[0]];
    reachable[cfg.order[0]] = true;
    while let Some(b) = todo.pop() {
        let next = cfg.order.get(positions[b] + 1).copied();
        for s in successors(&cfg.blocks[b], next) {
            if positions[s] != usize::MAX && !reachable[s] {
                reachable[s] = true;
                todo.push(s);
            }
        }
    }
    for &b in &cfg.order {
        if !reachable[b] {
            cfg.blocks[b].instrs.clear();
        }
    }
    // Drop instructions after an unconditional transfer inside a block.
    for &b in &cfg.order {
        let block = &mut cfg.blocks[b];
        if let Some(end) = block.instrs.iter().position(Instr::no_fallthrough) {
            block.instrs.truncate(end + 1);
        }
    }
}

/// Removes NOPs that carry no needed line number (CPython's `clean_basic_block`).
fn clean_block(blocks: &mut [Block], order: &[BlockId], b: BlockId) {
    let next_line = {
        let pos = order.iter().position(|&x| x == b).unwrap_or(order.len());
        order[pos.saturating_add(1).min(order.len())..]
            .iter()
            .find(|&&n| !blocks[n].instrs.is_empty())
            .map(|&n| blocks[n].instrs[0].loc.line)
    };
    let mut instrs = std::mem::take(&mut blocks[b].instrs);
    let count = instrs.len();
    let mut out: Vec<Instr> = Vec::with_capacity(count);
    let mut prev_line: Option<Option<u32>> = None;
    for src in 0..count {
        let instr = instrs[src].clone();
        let line = instr.loc.line;
        if instr.is_nop() {
            if line.is_none() || prev_line == Some(line) {
                continue;
            }
            if src + 1 < count {
                let next = &mut instrs[src + 1];
                if next.loc.line.is_none() {
                    next.loc = instr.loc;
                    continue;
                }
                if next.loc.line == line {
                    continue;
                }
            } else if next_line == Some(line) {
                continue;
            }
        }
        prev_line = Some(line);
        out.push(instr);
    }
    blocks[b].instrs = out;
}

/// Retargets jumps at empty blocks to the next non-empty one and drops empty blocks.
fn eliminate_empty_blocks(cfg: &mut Cfg) {
    let mut resolved = vec![NO_BLOCK; cfg.blocks.len()];
    let mut next_nonempty = NO_BLOCK;
    for &b in cfg.order.iter().rev() {
        if !cfg.blocks[b].instrs.is_empty() {
            next_nonempty = b;
        }
        resolved[b] = next_nonempty;
    }
    for &b in &cfg.order {
        for instr in &mut cfg.blocks[b].instrs {
            if instr.target != NO_BLOCK && resolved[instr.target] != NO_BLOCK {
                instr.target = resolved[instr.target];
            }
        }
    }
    let entry = cfg.order[0];
    let blocks = &cfg.blocks;
    cfg.order.retain(|&b| b == entry || !blocks[b].instrs.is_empty());
}

/// A jump to the block that follows anyway becomes a NOP.
fn remove_redundant_jumps(cfg: &mut Cfg) {
    for pos in 0..cfg.order.len() {
        let b = cfg.order[pos];
        let next = cfg.order.get(pos + 1).copied();
        if let Some(last) = cfg.blocks[b].instrs.last_mut()
            && last.is_unconditional_jump()
            && Some(last.target) == next
        {
            last.op = Op::Real(Opcode::NOP);
            last.target = NO_BLOCK;
        }
    }
    for &b in &cfg.order.clone() {
        clean_block(&mut cfg.blocks, &cfg.order, b);
    }
}

fn predecessors(cfg: &Cfg) -> Vec<usize> {
    let mut preds = vec![0usize; cfg.blocks.len()];
    preds[cfg.order[0]] += 1;
    for (pos, &b) in cfg.order.iter().enumerate() {
        for s in successors(&cfg.blocks[b], cfg.order.get(pos + 1).copied()) {
            preds[s] += 1;
        }
    }
    preds
}

/// An exit block none of whose instructions has a line number (CPython 3.11 looks at all of
/// them: a block that starts with an artificial `POP_BLOCK` but then calls `__exit__` on the
/// `with` line is not one).
fn is_exit_without_lineno(block: &Block) -> bool {
    block.is_exit() && !block.instrs.is_empty() && block.instrs.iter().all(|i| i.loc.line.is_none())
}

/// Exit blocks without a line number reached by several jumps are copied per jump, so each
/// copy gets the line of its jump (CPython's `duplicate_exits_without_lineno`).
fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let mut preds = predecessors(cfg);
    let mut pos = 0;
    while pos < cfg.order.len() {
        let b = cfg.order[pos];
        if let Some(last) = cfg.blocks[b].instrs.last().cloned()
            && last.is_jump()
            && is_exit_without_lineno(&cfg.blocks[last.target])
            && preds[last.target] > 1
        {
            let mut copy = cfg.blocks[last.target].clone();
            copy.instrs[0].loc = last.loc;
            cfg.blocks.push(copy);
            preds.push(1);
            let new = cfg.blocks.len() - 1;
            preds[last.target] -= 1;
            let target_pos = cfg.order.iter().position(|&x| x == last.target).unwrap_or(cfg.order.len() - 1);
            cfg.order.insert(target_pos + 1, new);
            let n = cfg.blocks[b].instrs.len() - 1;
            cfg.blocks[b].instrs[n].target = new;
        }
        pos += 1;
    }
    for pos in 0..cfg.order.len().saturating_sub(1) {
        let (b, n) = (cfg.order[pos], cfg.order[pos + 1]);
        if cfg.blocks[b].has_fallthrough()
            && let Some(loc) = cfg.blocks[b].instrs.last().map(|i| i.loc)
            && is_exit_without_lineno(&cfg.blocks[n])
        {
            cfg.blocks[n].instrs[0].loc = loc;
        }
    }
}

/// Instructions without a location inherit the previous one's (CPython's
/// `propagate_line_numbers`).
fn propagate_line_numbers(cfg: &mut Cfg) {
    let preds = predecessors(cfg);
    for pos in 0..cfg.order.len() {
        let b = cfg.order[pos];
        let mut prev = Location::default();
        for instr in &mut cfg.blocks[b].instrs {
            if instr.loc.line.is_none() {
                instr.loc = prev;
            } else {
                prev = instr.loc;
            }
        }
        let Some(last) = cfg.blocks[b].instrs.last().cloned() else {
            continue;
        };
        if cfg.blocks[b].has_fallthrough()
            && let Some(&n) = cfg.order.get(pos + 1)
            && preds[n] == 1
            && let Some(first) = cfg.blocks[n].instrs.first_mut()
            && first.loc.line.is_none()
        {
            first.loc = prev;
        }
        if last.is_jump()
            && preds[last.target] == 1
            && let Some(first) = cfg.blocks[last.target].instrs.first_mut()
            && first.loc.line.is_none()
        {
            first.loc = prev;
        }
    }
}

fn effect(instr: &Instr, jump: bool) -> i32 {
    match instr.op {
        Op::Real(op) => op.stack_effect(instr.arg, jump),
        Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
        Op::SetupFinally | Op::SetupWith => i32::from(jump),
        Op::SetupCleanup => 2 * i32::from(jump),
    }
}

/// Stack depth at the start of every block, and the maximum.
struct Depths {
    start: Vec<i32>,
    max: i32,
}

fn stack_depths(cfg: &Cfg) -> Result<Depths, String> {
    let positions = positions(cfg);
    let mut start = vec![-1i32; cfg.blocks.len()];
    let mut max = 0;
    let mut todo = vec![cfg.order[0]];
    start[cfg.order[0]] = 0;
    let push = |b: BlockId, depth: i32, todo: &mut Vec<BlockId>, start: &mut Vec<i32>| -> Result<(), String> {
        if depth < 0 {
            return Err(format!("negative stack depth at block {b}"));
        }
        if start[b] < 0 {
            start[b] = depth;
            todo.push(b);
        } else if start[b] != depth {
            return Err(format!("inconsistent stack depth at block {b}: {} vs {depth}", start[b]));
        }
        Ok(())
    };
    while let Some(b) = todo.pop() {
        let mut depth = start[b];
        let mut falls = true;
        for instr in &cfg.blocks[b].instrs {
            let new_depth = depth + effect(instr, false);
            if new_depth < 0 {
                return Err(format!("stack underflow at {:?}", instr.op));
            }
            max = max.max(new_depth);
            if instr.target != NO_BLOCK {
                let target_depth = depth + effect(instr, true);
                max = max.max(target_depth);
                push(instr.target, target_depth, &mut todo, &mut start)?;
            }
            depth = new_depth;
            if instr.no_fallthrough() {
                falls = false;
                break;
            }
        }
        if falls && let Some(&n) = cfg.order.get(positions[b] + 1) {
            push(n, depth, &mut todo, &mut start)?;
        }
    }
    Ok(Depths { start, max })
}

/// Assigns each instruction the handler of the innermost enclosing `SETUP_*`.
fn label_exception_targets(cfg: &mut Cfg) {
    let positions = positions(cfg);
    let mut stacks: Vec<Option<Vec<BlockId>>> = vec![None; cfg.blocks.len()];
    stacks[cfg.order[0]] = Some(Vec::new());
    let mut todo = vec![cfg.order[0]];
    while let Some(b) = todo.pop() {
        let mut stack = stacks[b].clone().unwrap_or_default();
        for i in 0..cfg.blocks[b].instrs.len() {
            let instr = cfg.blocks[b].instrs[i].clone();
            if instr.is_block_push() {
                if stacks[instr.target].is_none() {
                    stacks[instr.target] = Some(stack.clone());
                    todo.push(instr.target);
                }
                stack.push(instr.target);
            } else if instr.op == Op::PopBlock {
                stack.pop();
            } else {
                cfg.blocks[b].instrs[i].handler = stack.last().copied();
                if instr.is_jump() && stacks[instr.target].is_none() {
                    stacks[instr.target] = Some(stack.clone());
                    todo.push(instr.target);
                }
            }
        }
        if cfg.blocks[b].has_fallthrough()
            && let Some(&n) = cfg.order.get(positions[b] + 1)
            && stacks[n].is_none()
        {
            stacks[n] = Some(stack);
            todo.push(n);
        }
    }
}

fn handler_lasti(cfg: &Cfg) -> Vec<bool> {
    let mut lasti = vec![false; cfg.blocks.len()];
    for b in &cfg.blocks {
        for i in &b.instrs {
            if matches!(i.op, Op::SetupCleanup | Op::SetupWith) {
                lasti[i.target] = true;
            }
        }
    }
    lasti
}

fn invert(op: Opcode) -> Option<Opcode> {
    Some(match op {
        Opcode::POP_JUMP_IF_FALSE => Opcode::POP_JUMP_IF_TRUE,
        Opcode::POP_JUMP_IF_TRUE => Opcode::POP_JUMP_IF_FALSE,
        Opcode::POP_JUMP_IF_NONE => Opcode::POP_JUMP_IF_NOT_NONE,
        Opcode::POP_JUMP_IF_NOT_NONE => Opcode::POP_JUMP_IF_NONE,
        _ => return None,
    })
}

/// Gives every jump its final direction.
fn normalize_jumps(cfg: &mut Cfg) -> Result<(), String> {
    let mut pos = 0;
    while pos < cfg.order.len() {
        let b = cfg.order[pos];
        let positions = positions(cfg);
        let Some(last) = cfg.blocks[b].instrs.last().cloned() else {
            pos += 1;
            continue;
        };
        for instr in &mut cfg.blocks[b].instrs {
            if !instr.is_jump() {
                continue;
            }
            let backward = positions[instr.target] <= pos;
            instr.op = match (instr.op, backward) {
                (Op::Jump | Op::JumpNoInterrupt, false) => Op::Real(Opcode::JUMP_FORWARD),
                (Op::Jump, true) => Op::Real(Opcode::JUMP_BACKWARD),
                (Op::JumpNoInterrupt, true) => Op::Real(Opcode::JUMP_BACKWARD_NO_INTERRUPT),
                (op, false) => op,
                (Op::Real(op), true) if invert(op).is_some() && instr.target == last.target => instr.op,
                (op, true) => return Err(format!("backward conditional jump {op:?}")),
            };
        }
        if let Op::Real(op) = last.op
            && let Some(inverted) = invert(op)
            && positions[last.target] <= pos
        {
            let Some(&next) = cfg.order.get(pos + 1) else {
                return Err("conditional jump at the end of the code".into());
            };
            let n = cfg.blocks[b].instrs.len() - 1;
            cfg.blocks[b].instrs[n].op = Op::Real(inverted);
            cfg.blocks[b].instrs[n].target = next;
            let mut jump = last.clone();
            jump.op = Op::Real(Opcode::JUMP_BACKWARD);
            cfg.blocks.push(Block { instrs: vec![jump] });
            cfg.order.insert(pos + 1, cfg.blocks.len() - 1);
            pos += 1;
        }
        pos += 1;
    }
    Ok(())
}

fn extended_units(arg: u32) -> usize {
    match arg {
        0..=0xFF => 0,
        0x100..=0xFFFF => 1,
        0x1_0000..=0xFF_FFFF => 2,
        _ => 3,
    }
}

fn real_op(instr: &Instr) -> Result<Opcode, String> {
    match instr.op {
        Op::Real(op) => Ok(op),
        other => Err(format!("pseudo-instruction {other:?} reached the encoder")),
    }
}

fn size(instr: &Instr) -> Result<usize, String> {
    Ok(extended_units(instr.arg) + 1 + real_op(instr)?.cache_units())
}

/// Lays out the blocks: computes jump arguments until `EXTENDED_ARG` sizes settle, then
/// writes code units, locations and the exception table.
fn encode(cfg: &Cfg, depths: &Depths, lasti: &[bool], first_line: u32) -> Result<Assembled, String> {
    let mut cfg = cfg.clone();
    let mut block_start = vec![0usize; cfg.blocks.len()];
    for _ in 0..64 {
        let mut offset = 0;
        for &b in &cfg.order {
            block_start[b] = offset;
            for instr in &cfg.blocks[b].instrs {
                offset += size(instr)?;
            }
        }
        let mut changed = false;
        for &b in &cfg.order {
            let mut offset = block_start[b];
            for i in 0..cfg.blocks[b].instrs.len() {
                let instr = &cfg.blocks[b].instrs[i];
                let end = offset + size(instr)?;
                if instr.is_jump() {
                    let target = block_start[instr.target];
                    let forward = real_op(instr)?.arg_kind() == pyrite_bytecode::ArgKind::JumpForward;
                    let arg = if forward { target.checked_sub(end) } else { end.checked_sub(target) }
                        .ok_or_else(|| format!("jump in the wrong direction at offset {offset}"))?;
                    let arg = u32::try_from(arg).map_err(|_| "code object too large".to_string())?;
                    if arg != instr.arg {
                        cfg.blocks[b].instrs[i].arg = arg;
                        changed = true;
                    }
                }
                offset = end;
            }
        }
        if !changed {
            return write_out(&cfg, &block_start, depths, lasti, first_line);
        }
    }
    Err("jump offsets did not converge".into())
}

fn write_out(
    cfg: &Cfg,
    block_start: &[usize],
    depths: &Depths,
    lasti: &[bool],
    first_line: u32,
) -> Result<Assembled, String> {
    let mut code = Vec::new();
    let mut locations = Vec::new();
    let mut entries: Vec<ExceptionTableEntry> = Vec::new();
    let mut current: Option<(BlockId, usize)> = None;
    let to_u32 = |x: usize| u32::try_from(x).map_err(|_| "code object too large".to_string());
    let close = |current: Option<(BlockId, usize)>, end: usize, entries: &mut Vec<ExceptionTableEntry>| {
        if let Some((h, start)) = current
            && end > start
        {
            let preserve = u32::from(lasti[h]);
            let depth = u32::try_from(depths.start[h]).unwrap_or(0).saturating_sub(1 + preserve);
            entries.push(ExceptionTableEntry {
                start: start as u32,
                end: end as u32,
                target: block_start[h] as u32,
                depth,
                lasti: lasti[h],
            });
        }
    };
    for &b in &cfg.order {
        for instr in &cfg.blocks[b].instrs {
            let op = real_op(instr)?;
            if instr.handler != current.map(|c| c.0) {
                close(current, code.len(), &mut entries);
                current = instr.handler.map(|h| (h, code.len()));
            }
            let ext = extended_units(instr.arg);
            for k in (1..=ext).rev() {
                code.push(CodeUnit::new(Opcode::EXTENDED_ARG, (instr.arg >> (8 * k)) as u8));
            }
            code.push(CodeUnit::new(op, instr.arg as u8));
            for _ in 0..op.cache_units() {
                code.push(CodeUnit::new(Opcode::CACHE, 0));
            }
            locations.resize(code.len(), instr.loc);
        }
    }
    close(current, code.len(), &mut entries);
    to_u32(code.len())?;
    Ok(Assembled {
        linetable: linetable::encode(&locations, first_line),
        exceptiontable: exceptiontable::encode(&entries),
        code,
        stacksize: u32::try_from(depths.max).unwrap_or(0),
    })
}
