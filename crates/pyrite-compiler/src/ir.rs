//! The compiler's intermediate form: basic blocks of instructions whose jumps name blocks,
//! not offsets. Code generation appends to the current block; the assembler
//! ([`crate::assemble`]) optimizes the graph and lays it out as code units.
//!
//! Besides real opcodes an instruction can be a pseudo-instruction: a jump whose direction
//! is decided at layout time, or the `SETUP_*`/`POP_BLOCK` markers that delimit protected
//! ranges. Pseudo-instructions never reach the emitted code.

use pyrite_bytecode::{Location, Opcode};

/// Index of a block in [`Cfg::blocks`].
pub(crate) type BlockId = usize;

/// Marker for "no target".
pub(crate) const NO_BLOCK: BlockId = usize::MAX;

/// What an instruction does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// A real opcode.
    Real(Opcode),
    /// Unconditional jump: `JUMP_FORWARD` or `JUMP_BACKWARD` once the layout is known.
    Jump,
    /// Unconditional jump without eval-breaker check: `JUMP_FORWARD` or
    /// `JUMP_BACKWARD_NO_INTERRUPT`.
    JumpNoInterrupt,
    /// Starts a range whose exceptions go to the target with the exception pushed.
    SetupFinally,
    /// Like `SetupFinally` but the handler also gets the raising offset (lasti).
    SetupCleanup,
    /// Like `SetupCleanup` for `with`: the handler depth excludes the `__enter__` result.
    SetupWith,
    /// Ends the innermost protected range.
    PopBlock,
}

/// One instruction of the intermediate form.
#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Jump or handler target; [`NO_BLOCK`] otherwise.
    pub target: BlockId,
    pub loc: Location,
    /// The handler active at this instruction (filled by the assembler).
    pub handler: Option<BlockId>,
}

impl Instr {
    /// Whether the instruction transfers control to `target` (jumps, `FOR_ITER`, `SEND`).
    pub fn is_jump(&self) -> bool {
        self.target != NO_BLOCK && !self.is_block_push()
    }

    /// Whether it is a `SETUP_*` marker.
    pub fn is_block_push(&self) -> bool {
        matches!(self.op, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// Whether it is an unconditional jump.
    pub fn is_unconditional_jump(&self) -> bool {
        matches!(self.op, Op::Jump | Op::JumpNoInterrupt)
    }

    /// Whether it leaves the code object (return or raise).
    pub fn is_scope_exit(&self) -> bool {
        matches!(
            self.op,
            Op::Real(Opcode::RETURN_VALUE | Opcode::RETURN_CONST | Opcode::RAISE_VARARGS | Opcode::RERAISE)
        )
    }

    /// Whether execution never continues with the next instruction.
    pub fn no_fallthrough(&self) -> bool {
        self.is_unconditional_jump() || self.is_scope_exit()
    }

    /// Whether this is a NOP (real or left over from a pseudo-instruction).
    pub fn is_nop(&self) -> bool {
        self.op == Op::Real(Opcode::NOP)
    }
}

/// A basic block.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
}

impl Block {
    /// Whether control can run off the end into the next block.
    pub fn has_fallthrough(&self) -> bool {
        self.instrs.last().is_none_or(|i| !i.no_fallthrough())
    }

    /// Whether the block ends by leaving the code object.
    pub fn is_exit(&self) -> bool {
        self.instrs.last().is_some_and(Instr::is_scope_exit)
    }
}

/// The control-flow graph of one code object under construction.
#[derive(Clone, Debug)]
pub(crate) struct Cfg {
    pub blocks: Vec<Block>,
    /// Layout order: blocks in the order they were started.
    pub order: Vec<BlockId>,
    /// The block being appended to.
    pub current: BlockId,
}

impl Cfg {
    /// A graph with one empty entry block.
    pub fn new() -> Cfg {
        Cfg { blocks: vec![Block::default()], order: vec![0], current: 0 }
    }

    /// Allocates a block that is not yet placed in the layout.
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    /// Places `block` next in the layout and makes it current.
    pub fn use_block(&mut self, block: BlockId) {
        self.order.push(block);
        self.current = block;
    }

    /// Starts a fresh block after the current one (after a jump or exit).
    pub fn next_block(&mut self) {
        let block = self.new_block();
        self.use_block(block);
    }

    /// Appends an instruction to the current block.
    pub fn push(&mut self, op: Op, arg: u32, target: BlockId, loc: Location) {
        self.blocks[self.current].instrs.push(Instr { op, arg, target, loc, handler: None });
    }

    /// Whether the current block already ends in a return/raise/jump.
    pub fn current_terminated(&self) -> bool {
        !self.blocks[self.current].has_fallthrough()
    }
}
