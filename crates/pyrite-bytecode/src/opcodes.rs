//! The instruction set, defined once.
//!
//! Every fact about an opcode — its number, name, argument kind, number of inline cache
//! units and stack effect — comes from the single `opcodes!` table below. The compiler, the
//! VM, the disassembler and the serializer all read it; nothing repeats it by hand.
//! Numbers are explicit because code is serialized into caches: changing one is a format
//! change and must bump [`crate::FORMAT_VERSION`].

/// How an instruction's argument is interpreted (and shown by the disassembler).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The argument is ignored (always 0).
    None,
    /// A plain number (a count, a flag set, a depth).
    Count,
    /// An index into `constants`.
    Const,
    /// An index into `names`.
    Name,
    /// `LOAD_GLOBAL`: `names[arg >> 1]`; bit 0 asks for a NULL to be pushed first.
    GlobalName,
    /// `LOAD_ATTR`: `names[arg >> 1]`; bit 0 asks for the method-call form.
    AttrName,
    /// An index into `varnames`.
    Local,
    /// An index into the cell-and-free variables (`cellvars` then `freevars`).
    Deref,
    /// A forward jump of `arg` code units, counted from the end of the instruction's caches.
    JumpForward,
    /// A backward jump of `arg` code units, counted from the end of the instruction's caches.
    JumpBackward,
    /// A [`BinaryOp`] number.
    BinaryOp,
    /// A [`CompareOp`] number.
    CompareOp,
    /// `FORMAT_VALUE` flags: conversion in the low two bits, bit 2 = a format spec is on the stack.
    Format,
    /// An [`Intrinsic1`] number.
    Intrinsic,
    /// An [`Intrinsic2`] number.
    Intrinsic2,
    /// 0/1: `is` / `is not`, `in` / `not in`.
    Invert,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $num:literal $name:ident: arg = $kind:ident, cache = $cache:literal,
            effect = |$arg:ident, $jump:ident| $effect:expr;
    )*) => {
        /// A Pyrite opcode. See each variant for its operand and stack effect.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types, reason = "opcode names follow CPython's spelling")]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// Decodes an opcode byte.
            #[inline]
            #[must_use]
            pub fn from_u8(byte: u8) -> Option<Opcode> {
                // One load from a table built at compile time (the eval loop decodes every
                // instruction).
                const DECODE: [Option<Opcode>; 256] = {
                    let mut table = [None; 256];
                    $( table[$num] = Some(Opcode::$name); )*
                    table
                };
                DECODE[byte as usize]
            }

            /// The name shown by the disassembler (CPython's spelling).
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// How the argument is interpreted.
            #[must_use]
            pub const fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// Number of inline cache code units that follow the instruction.
            #[inline]
            #[must_use]
            pub const fn cache_units(self) -> usize {
                const CACHES: [u8; 256] = {
                    let mut table = [0; 256];
                    $( table[$num] = $cache; )*
                    table
                };
                CACHES[self as usize] as usize
            }

            /// Net change of the value-stack depth. `jump` selects the effect when the
            /// instruction jumps (for conditional jumps and `FOR_ITER`), and for
            /// exception-table handlers the effect at the handler.
            #[must_use]
            #[allow(unused_variables, clippy::cast_possible_wrap, reason = "one closure shape for all rows")]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self { $( Opcode::$name => { let $arg = arg as i32; let $jump = jump; $effect } )* }
            }
        }
    };
}

opcodes! {
    /// Inline cache unit; never executed.
    0 CACHE: arg = None, cache = 0, effect = |a, j| 0;
    /// Discards TOS.
    1 POP_TOP: arg = None, cache = 0, effect = |a, j| -1;
    /// Pushes NULL (the "no self" marker of calls).
    2 PUSH_NULL: arg = None, cache = 0, effect = |a, j| 1;
    /// Does nothing.
    3 NOP: arg = None, cache = 0, effect = |a, j| 0;
    /// Start of a code object or resumption point of a generator; checks the eval breaker.
    4 RESUME: arg = Count, cache = 0, effect = |a, j| 0;
    /// Returns TOS to the caller.
    5 RETURN_VALUE: arg = None, cache = 0, effect = |a, j| -1;
    /// Returns `constants[arg]` to the caller.
    6 RETURN_CONST: arg = Const, cache = 0, effect = |a, j| 0;
    /// Pushes `constants[arg]`.
    7 LOAD_CONST: arg = Const, cache = 0, effect = |a, j| 1;
    /// Pushes local `arg`; raises UnboundLocalError when unbound.
    8 LOAD_FAST: arg = Local, cache = 0, effect = |a, j| 1;
    /// Pops TOS into local `arg`.
    9 STORE_FAST: arg = Local, cache = 0, effect = |a, j| -1;
    /// Unbinds local `arg`.
    10 DELETE_FAST: arg = Local, cache = 0, effect = |a, j| 0;
    /// Pushes the value of `names[arg]` from locals, globals, then builtins.
    11 LOAD_NAME: arg = Name, cache = 0, effect = |a, j| 1;
    /// Pops TOS into `names[arg]` in the locals mapping.
    12 STORE_NAME: arg = Name, cache = 0, effect = |a, j| -1;
    /// Deletes `names[arg]` from the locals mapping.
    13 DELETE_NAME: arg = Name, cache = 0, effect = |a, j| 0;
    /// Pushes global or builtin `names[arg >> 1]`, preceded by NULL when bit 0 is set.
    14 LOAD_GLOBAL: arg = GlobalName, cache = 4, effect = |a, j| 1 + (a & 1);
    /// Pops TOS into global `names[arg]`.
    15 STORE_GLOBAL: arg = Name, cache = 0, effect = |a, j| -1;
    /// Deletes global `names[arg]`.
    16 DELETE_GLOBAL: arg = Name, cache = 0, effect = |a, j| 0;
    /// Pushes the contents of cell `arg`.
    17 LOAD_DEREF: arg = Deref, cache = 0, effect = |a, j| 1;
    /// Pops TOS into cell `arg`.
    18 STORE_DEREF: arg = Deref, cache = 0, effect = |a, j| -1;
    /// Empties cell `arg`.
    19 DELETE_DEREF: arg = Deref, cache = 0, effect = |a, j| 0;
    /// Pushes cell `arg` itself (to build a closure tuple).
    20 LOAD_CLOSURE: arg = Deref, cache = 0, effect = |a, j| 1;
    /// In a class body: looks up `arg` in the class namespace, then in cell `arg`.
    21 LOAD_CLASSDEREF: arg = Deref, cache = 0, effect = |a, j| 1;
    /// Replaces the local `arg` with a new cell holding its value.
    22 MAKE_CELL: arg = Deref, cache = 0, effect = |a, j| 0;
    /// Copies `arg` free variables from the closure into the frame.
    23 COPY_FREE_VARS: arg = Count, cache = 0, effect = |a, j| 0;
    /// Replaces TOS with `getattr(TOS, names[arg >> 1])`; when bit 0 is set pushes
    /// `(method, self)` or `(NULL, attribute)` for a call.
    24 LOAD_ATTR: arg = AttrName, cache = 4, effect = |a, j| a & 1;
    /// `TOS.name = TOS1`; pops both.
    25 STORE_ATTR: arg = Name, cache = 1, effect = |a, j| -2;
    /// `del TOS.name`.
    26 DELETE_ATTR: arg = Name, cache = 0, effect = |a, j| -1;
    /// `TOS = TOS1 op TOS` for the [`BinaryOp`] `arg`.
    27 BINARY_OP: arg = BinaryOp, cache = 1, effect = |a, j| -1;
    /// `TOS = TOS1 cmp TOS` for the [`CompareOp`] `arg`.
    28 COMPARE_OP: arg = CompareOp, cache = 1, effect = |a, j| -1;
    /// `TOS = TOS1 is TOS` (`is not` when arg is 1).
    29 IS_OP: arg = Invert, cache = 0, effect = |a, j| -1;
    /// `TOS = TOS1 in TOS` (`not in` when arg is 1).
    30 CONTAINS_OP: arg = Invert, cache = 0, effect = |a, j| -1;
    /// `TOS = -TOS`.
    31 UNARY_NEGATIVE: arg = None, cache = 0, effect = |a, j| 0;
    /// `TOS = not TOS`.
    32 UNARY_NOT: arg = None, cache = 0, effect = |a, j| 0;
    /// `TOS = ~TOS`.
    33 UNARY_INVERT: arg = None, cache = 0, effect = |a, j| 0;
    /// `TOS = TOS1[TOS]`.
    34 BINARY_SUBSCR: arg = None, cache = 1, effect = |a, j| -1;
    /// `TOS1[TOS] = TOS2`.
    35 STORE_SUBSCR: arg = None, cache = 1, effect = |a, j| -3;
    /// `del TOS1[TOS]`.
    36 DELETE_SUBSCR: arg = None, cache = 0, effect = |a, j| -2;
    /// `TOS = TOS2[TOS1:TOS]`.
    37 BINARY_SLICE: arg = None, cache = 0, effect = |a, j| -2;
    /// `TOS2[TOS1:TOS] = TOS3`.
    38 STORE_SLICE: arg = None, cache = 0, effect = |a, j| -4;
    /// Builds a tuple of the top `arg` values.
    39 BUILD_TUPLE: arg = Count, cache = 0, effect = |a, j| 1 - a;
    /// Builds a list of the top `arg` values.
    40 BUILD_LIST: arg = Count, cache = 0, effect = |a, j| 1 - a;
    /// Builds a set of the top `arg` values.
    41 BUILD_SET: arg = Count, cache = 0, effect = |a, j| 1 - a;
    /// Builds a dict of the top `2 * arg` values (key, value, key, value, ...).
    42 BUILD_MAP: arg = Count, cache = 0, effect = |a, j| 1 - 2 * a;
    /// Builds a dict of `arg` values with keys from the tuple at TOS.
    43 BUILD_CONST_KEY_MAP: arg = Count, cache = 0, effect = |a, j| -a;
    /// Concatenates the top `arg` strings.
    44 BUILD_STRING: arg = Count, cache = 0, effect = |a, j| 1 - a;
    /// Builds a slice of the top 2 or 3 values.
    45 BUILD_SLICE: arg = Count, cache = 0, effect = |a, j| 1 - a;
    /// `list.append(STACK[-arg - 1], TOS)`; pops TOS.
    46 LIST_APPEND: arg = Count, cache = 0, effect = |a, j| -1;
    /// `set.add(STACK[-arg - 1], TOS)`; pops TOS.
    47 SET_ADD: arg = Count, cache = 0, effect = |a, j| -1;
    /// `dict.__setitem__(STACK[-arg - 2], TOS1, TOS)`; pops both.
    48 MAP_ADD: arg = Count, cache = 0, effect = |a, j| -2;
    /// `list.extend(STACK[-arg - 1], TOS)`; pops TOS.
    49 LIST_EXTEND: arg = Count, cache = 0, effect = |a, j| -1;
    /// `set.update(STACK[-arg - 1], TOS)`; pops TOS.
    50 SET_UPDATE: arg = Count, cache = 0, effect = |a, j| -1;
    /// `dict.update(STACK[-arg - 1], TOS)`; pops TOS.
    51 DICT_UPDATE: arg = Count, cache = 0, effect = |a, j| -1;
    /// Like `DICT_UPDATE` but raises on duplicate keys (for `**` in calls).
    52 DICT_MERGE: arg = Count, cache = 0, effect = |a, j| -1;
    /// Unpacks TOS into `arg` values, pushed so that the first is on top.
    53 UNPACK_SEQUENCE: arg = Count, cache = 1, effect = |a, j| a - 1;
    /// Unpacks with a starred target: `arg & 0xFF` before, `arg >> 8` after.
    54 UNPACK_EX: arg = Count, cache = 0, effect = |a, j| (a & 0xFF) + (a >> 8);
    /// Jumps forward unconditionally.
    55 JUMP_FORWARD: arg = JumpForward, cache = 0, effect = |a, j| 0;
    /// Jumps backward unconditionally; checks the eval breaker.
    56 JUMP_BACKWARD: arg = JumpBackward, cache = 0, effect = |a, j| 0;
    /// Jumps backward without checking the eval breaker.
    57 JUMP_BACKWARD_NO_INTERRUPT: arg = JumpBackward, cache = 0, effect = |a, j| 0;
    /// Pops TOS; jumps forward if it is false.
    58 POP_JUMP_IF_FALSE: arg = JumpForward, cache = 0, effect = |a, j| -1;
    /// Pops TOS; jumps forward if it is true.
    59 POP_JUMP_IF_TRUE: arg = JumpForward, cache = 0, effect = |a, j| -1;
    /// Pops TOS; jumps forward if it is None.
    60 POP_JUMP_IF_NONE: arg = JumpForward, cache = 0, effect = |a, j| -1;
    /// Pops TOS; jumps forward if it is not None.
    61 POP_JUMP_IF_NOT_NONE: arg = JumpForward, cache = 0, effect = |a, j| -1;
    /// If TOS is false jumps forward keeping it, else pops it.
    62 JUMP_IF_FALSE_OR_POP: arg = JumpForward, cache = 0, effect = |a, j| if j { 0 } else { -1 };
    /// If TOS is true jumps forward keeping it, else pops it.
    63 JUMP_IF_TRUE_OR_POP: arg = JumpForward, cache = 0, effect = |a, j| if j { 0 } else { -1 };
    /// `TOS = iter(TOS)`.
    64 GET_ITER: arg = None, cache = 0, effect = |a, j| 0;
    /// Pushes `next(TOS)`; when exhausted pops the iterator and jumps forward.
    65 FOR_ITER: arg = JumpForward, cache = 1, effect = |a, j| if j { -1 } else { 1 };
    /// Calls with `arg` positional arguments (the last `len(kwnames)` are keywords) above
    /// the callable and a NULL-or-self slot.
    66 CALL: arg = Count, cache = 3, effect = |a, j| -1 - a;
    /// Names the keyword arguments of the next CALL: `constants[arg]` is a tuple of str.
    67 KW_NAMES: arg = Const, cache = 0, effect = |a, j| 0;
    /// Calls `TOS2(*TOS1, **TOS)` (the mapping only when bit 0 is set) with a NULL below.
    68 CALL_FUNCTION_EX: arg = Count, cache = 0, effect = |a, j| -2 - (a & 1);
    /// Builds a function from the code object at TOS; flags in `arg` say what lies below:
    /// 0x01 defaults tuple, 0x02 kw-defaults dict, 0x04 annotations, 0x08 closure tuple.
    69 MAKE_FUNCTION: arg = Count, cache = 0, effect = |a, j| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1));
    /// Formats TOS (with the spec below it when bit 2 is set).
    70 FORMAT_VALUE: arg = Format, cache = 0, effect = |a, j| if a & 4 != 0 { -1 } else { 0 };
    /// Pushes a copy of `STACK[-arg]`.
    71 COPY: arg = Count, cache = 0, effect = |a, j| 1;
    /// Swaps TOS with `STACK[-arg]`.
    72 SWAP: arg = Count, cache = 0, effect = |a, j| 0;
    /// `raise` (arg 0), `raise TOS` (1), `raise TOS1 from TOS` (2).
    73 RAISE_VARARGS: arg = Count, cache = 0, effect = |a, j| -a;
    /// Re-raises TOS; with arg set, restores `f_lasti` from `STACK[-arg]`.
    74 RERAISE: arg = Count, cache = 0, effect = |a, j| -1;
    /// Pushes the current exception below TOS and makes TOS current.
    75 PUSH_EXC_INFO: arg = None, cache = 0, effect = |a, j| 1;
    /// Pops TOS and makes it the current exception.
    76 POP_EXCEPT: arg = None, cache = 0, effect = |a, j| -1;
    /// Replaces TOS with whether TOS1 matches the type(s) TOS.
    77 CHECK_EXC_MATCH: arg = None, cache = 0, effect = |a, j| 0;
    /// `except*` matching: splits the group TOS1 by TOS.
    78 CHECK_EG_MATCH: arg = None, cache = 0, effect = |a, j| 0;
    /// Calls the `__exit__` at `STACK[-4]` with the exception at TOS.
    79 WITH_EXCEPT_START: arg = None, cache = 0, effect = |a, j| 1;
    /// Pushes `__exit__` and the result of `__enter__()`.
    80 BEFORE_WITH: arg = None, cache = 0, effect = |a, j| 1;
    /// Pushes `AssertionError`.
    81 LOAD_ASSERTION_ERROR: arg = None, cache = 0, effect = |a, j| 1;
    /// Combines what `except*` clauses raised and re-raised.
    82 PREP_RERAISE_STAR: arg = None, cache = 0, effect = |a, j| -1;
    /// `TOS = iter(TOS)` for `yield from` (keeps generators and coroutines).
    83 GET_YIELD_FROM_ITER: arg = None, cache = 0, effect = |a, j| 0;
    /// Yields TOS from a generator; the sent value replaces it.
    84 YIELD_VALUE: arg = None, cache = 0, effect = |a, j| 0;
    /// Sends TOS into the iterator TOS1; jumps forward when it returns.
    85 SEND: arg = JumpForward, cache = 0, effect = |a, j| if j { -1 } else { 0 };
    /// Turns the current frame into a generator, coroutine or async generator and returns
    /// it; the frame resumes with the first sent value pushed (which a `POP_TOP` discards).
    86 RETURN_GENERATOR: arg = None, cache = 0, effect = |a, j| 1;
    /// `TOS = TOS.__await__()` with checks; arg says where it came from.
    87 GET_AWAITABLE: arg = Count, cache = 0, effect = |a, j| 0;
    /// `TOS = TOS.__aiter__()`.
    88 GET_AITER: arg = None, cache = 0, effect = |a, j| 0;
    /// Pushes `TOS.__anext__()` made awaitable.
    89 GET_ANEXT: arg = None, cache = 0, effect = |a, j| 1;
    /// Pushes `__aexit__` and the awaitable of `__aenter__()`.
    90 BEFORE_ASYNC_WITH: arg = None, cache = 0, effect = |a, j| 1;
    /// Ends an `async for` on StopAsyncIteration.
    91 END_ASYNC_FOR: arg = None, cache = 0, effect = |a, j| -2;
    /// Wraps TOS so an async generator can tell yields from awaits.
    92 ASYNC_GEN_WRAP: arg = None, cache = 0, effect = |a, j| 0;
    /// `TOS = __import__(names[arg], fromlist=TOS, level=TOS1)`.
    93 IMPORT_NAME: arg = Name, cache = 0, effect = |a, j| -1;
    /// Pushes `TOS.names[arg]` (for `from ... import`).
    94 IMPORT_FROM: arg = Name, cache = 0, effect = |a, j| 1;
    /// Pushes `builtins.__build_class__`.
    95 LOAD_BUILD_CLASS: arg = None, cache = 0, effect = |a, j| 1;
    /// Creates `__annotations__` in the locals mapping if missing.
    96 SETUP_ANNOTATIONS: arg = None, cache = 0, effect = |a, j| 0;
    /// Class pattern: `TOS2` subject, `TOS1` class, TOS keyword names; `arg` positionals.
    97 MATCH_CLASS: arg = Count, cache = 0, effect = |a, j| -2;
    /// Pushes whether TOS is a mapping.
    98 MATCH_MAPPING: arg = None, cache = 0, effect = |a, j| 1;
    /// Pushes whether TOS is a sequence.
    99 MATCH_SEQUENCE: arg = None, cache = 0, effect = |a, j| 1;
    /// Pushes the values of the keys TOS in the mapping TOS1, or None.
    100 MATCH_KEYS: arg = None, cache = 0, effect = |a, j| 1;
    /// Pushes `len(TOS)`.
    101 GET_LEN: arg = None, cache = 0, effect = |a, j| 1;
    /// Replaces TOS with the result of the [`Intrinsic1`] `arg` applied to it.
    102 CALL_INTRINSIC_1: arg = Intrinsic, cache = 0, effect = |a, j| 0;
    /// Converts the list at TOS to a tuple.
    103 LIST_TO_TUPLE: arg = None, cache = 0, effect = |a, j| 0;
    /// `TOS = +TOS`.
    104 UNARY_POSITIVE: arg = None, cache = 0, effect = |a, j| 0;
    /// Prefixes the next instruction's argument with 8 more bits.
    105 EXTENDED_ARG: arg = Count, cache = 0, effect = |a, j| 0;
    /// Replaces TOS1, TOS with the result of the [`Intrinsic2`] `arg` applied to them.
    106 CALL_INTRINSIC_2: arg = Intrinsic2, cache = 0, effect = |a, j| -1;
    // Specialized forms (PEP 659). The compiler never emits them: the VM writes them over
    // the generic instruction in its run-time copy of the code units, guarded by the
    // instruction's inline cache, and writes the generic one back when a guard fails.
    /// `LOAD_ATTR` of a value in the instance's `__dict__` object (the type's version tag
    /// and the entry's position cached, as a hint checked against the name).
    128 LOAD_ATTR_WITH_HINT: arg = AttrName, cache = 4, effect = |a, j| a & 1;
    /// `LOAD_ATTR` in method form of a Python function found on the type (the type's
    /// version tag, the defining class's depth in the MRO, its dict's version and the
    /// entry's position cached); pushes `(function, self)`.
    129 LOAD_ATTR_METHOD: arg = AttrName, cache = 4, effect = |a, j| a & 1;
    /// `STORE_ATTR` into the instance's `__dict__` object (the type's version tag and the
    /// entry's position cached; a store that misses the position adds or finds the key).
    130 STORE_ATTR_WITH_HINT: arg = Name, cache = 1, effect = |a, j| -2;
    /// `LOAD_ATTR` of a function or plain value found along a class's own MRO, the class
    /// being an instance of `type` (the class's version tag, the defining class's depth,
    /// its dict's version and the entry's position cached): `Base.__init__`.
    131 LOAD_ATTR_CLASS: arg = AttrName, cache = 4, effect = |a, j| a & 1;
    /// `LOAD_ATTR` of a value in a module's namespace (the dict's version, unique across
    /// all dicts, and the entry's position cached).
    132 LOAD_ATTR_MODULE: arg = AttrName, cache = 4, effect = |a, j| a & 1;
    /// `LOAD_ATTR` of a value kept inline in an instance (the type's version tag and the
    /// name's position in the class's shared keys cached).
    133 LOAD_ATTR_INSTANCE_VALUE: arg = AttrName, cache = 4, effect = |a, j| a & 1;
    /// `STORE_ATTR` of a value kept inline in an instance (the type's version tag and the
    /// name's position in the class's shared keys cached).
    134 STORE_ATTR_INSTANCE_VALUE: arg = Name, cache = 1, effect = |a, j| -2;
    // Superinstructions (CPython 3.11's): written over the first of two instructions when
    // the code is made, the second left in place, so a jump to the second still finds it.
    // The register loop runs both and skips the second; anything else runs the first as
    // its generic form. Their stack effect is the first instruction's.
    /// `LOAD_FAST` followed by `LOAD_FAST`.
    135 LOAD_FAST__LOAD_FAST: arg = Local, cache = 0, effect = |a, j| 1;
    /// `LOAD_FAST` followed by `LOAD_CONST`.
    136 LOAD_FAST__LOAD_CONST: arg = Local, cache = 0, effect = |a, j| 1;
    /// `STORE_FAST` followed by `LOAD_FAST`.
    137 STORE_FAST__LOAD_FAST: arg = Local, cache = 0, effect = |a, j| -1;
    /// `LOAD_CONST` followed by `LOAD_FAST`.
    138 LOAD_CONST__LOAD_FAST: arg = Const, cache = 0, effect = |a, j| 1;
    /// `STORE_FAST` followed by `STORE_FAST`.
    139 STORE_FAST__STORE_FAST: arg = Local, cache = 0, effect = |a, j| -1;
}

impl Opcode {
    /// The superinstruction that runs `first` and then `second`, if there is one.
    #[must_use]
    pub const fn superinstruction(first: Opcode, second: Opcode) -> Option<Opcode> {
        Some(match (first, second) {
            (Opcode::LOAD_FAST, Opcode::LOAD_FAST) => Opcode::LOAD_FAST__LOAD_FAST,
            (Opcode::LOAD_FAST, Opcode::LOAD_CONST) => Opcode::LOAD_FAST__LOAD_CONST,
            (Opcode::STORE_FAST, Opcode::LOAD_FAST) => Opcode::STORE_FAST__LOAD_FAST,
            (Opcode::LOAD_CONST, Opcode::LOAD_FAST) => Opcode::LOAD_CONST__LOAD_FAST,
            (Opcode::STORE_FAST, Opcode::STORE_FAST) => Opcode::STORE_FAST__STORE_FAST,
            _ => return None,
        })
    }

    /// The generic instruction a specialized one stands for (itself for the others).
    #[must_use]
    pub const fn generic(self) -> Opcode {
        match self {
            Opcode::LOAD_ATTR_WITH_HINT
            | Opcode::LOAD_ATTR_INSTANCE_VALUE
            | Opcode::LOAD_ATTR_METHOD
            | Opcode::LOAD_ATTR_CLASS
            | Opcode::LOAD_ATTR_MODULE => Opcode::LOAD_ATTR,
            Opcode::STORE_ATTR_WITH_HINT | Opcode::STORE_ATTR_INSTANCE_VALUE => Opcode::STORE_ATTR,
            Opcode::LOAD_FAST__LOAD_FAST | Opcode::LOAD_FAST__LOAD_CONST => Opcode::LOAD_FAST,
            Opcode::STORE_FAST__LOAD_FAST | Opcode::STORE_FAST__STORE_FAST => Opcode::STORE_FAST,
            Opcode::LOAD_CONST__LOAD_FAST => Opcode::LOAD_CONST,
            other => other,
        }
    }
}

/// The binary operators of `BINARY_OP`, numbered as CPython's `NB_*` constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

/// Added to a [`BinaryOp`] number for its in-place (`+=`) form.
pub const INPLACE_OFFSET: u32 = 13;

impl BinaryOp {
    const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
    ];

    /// Decodes a `BINARY_OP` argument into the operator and whether it is in-place.
    #[must_use]
    pub fn from_arg(arg: u32) -> Option<(BinaryOp, bool)> {
        let inplace = arg >= INPLACE_OFFSET;
        let base = if inplace { arg - INPLACE_OFFSET } else { arg };
        Self::ALL.get(base as usize).map(|op| (*op, inplace))
    }

    /// The operator as written in source (`+`, `//`, ...).
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::And => "&",
            BinaryOp::FloorDivide => "//",
            BinaryOp::Lshift => "<<",
            BinaryOp::MatrixMultiply => "@",
            BinaryOp::Multiply => "*",
            BinaryOp::Remainder => "%",
            BinaryOp::Or => "|",
            BinaryOp::Power => "**",
            BinaryOp::Rshift => ">>",
            BinaryOp::Subtract => "-",
            BinaryOp::TrueDivide => "/",
            BinaryOp::Xor => "^",
        }
    }

    /// The in-place symbol (`+=`, `//=`, ...).
    #[must_use]
    pub const fn inplace_symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+=",
            BinaryOp::And => "&=",
            BinaryOp::FloorDivide => "//=",
            BinaryOp::Lshift => "<<=",
            BinaryOp::MatrixMultiply => "@=",
            BinaryOp::Multiply => "*=",
            BinaryOp::Remainder => "%=",
            BinaryOp::Or => "|=",
            BinaryOp::Power => "**=",
            BinaryOp::Rshift => ">>=",
            BinaryOp::Subtract => "-=",
            BinaryOp::TrueDivide => "/=",
            BinaryOp::Xor => "^=",
        }
    }
}

/// The rich comparisons of `COMPARE_OP`, numbered as CPython's `Py_LT` ... `Py_GE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// Decodes a `COMPARE_OP` argument.
    #[must_use]
    pub const fn from_arg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator as written in source.
    #[must_use]
    pub const fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    #[must_use]
    pub const fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
}

/// The one-argument intrinsics of `CALL_INTRINSIC_1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Intrinsic1 {
    /// Prints TOS as the interactive interpreter does (`sys.displayhook`).
    Print = 1,
    /// `from TOS import *` into the locals mapping.
    ImportStar = 2,
    /// Turns a StopIteration escaping a generator into RuntimeError (PEP 479).
    StopIterationError = 3,
    /// Wraps an async generator's yielded value.
    AsyncGenWrap = 4,
    /// `TypeVar(TOS)` for a type parameter `T` (PEP 695).
    TypeVar = 7,
    /// `ParamSpec(TOS)` for a type parameter `**P`.
    ParamSpec = 8,
    /// `TypeVarTuple(TOS)` for a type parameter `*Ts`.
    TypeVarTuple = 9,
    /// `Generic[*TOS]`: the implicit base of a generic class.
    SubscriptGeneric = 10,
    /// A `TypeAliasType` from the tuple `(name, type_params, evaluate_value)`.
    TypeAlias = 11,
}

impl Intrinsic1 {
    /// Decodes a `CALL_INTRINSIC_1` argument.
    #[must_use]
    pub const fn from_arg(arg: u32) -> Option<Intrinsic1> {
        Some(match arg {
            1 => Intrinsic1::Print,
            2 => Intrinsic1::ImportStar,
            3 => Intrinsic1::StopIterationError,
            4 => Intrinsic1::AsyncGenWrap,
            7 => Intrinsic1::TypeVar,
            8 => Intrinsic1::ParamSpec,
            9 => Intrinsic1::TypeVarTuple,
            10 => Intrinsic1::SubscriptGeneric,
            11 => Intrinsic1::TypeAlias,
            _ => return None,
        })
    }

    /// CPython's name for the intrinsic.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Intrinsic1::Print => "INTRINSIC_PRINT",
            Intrinsic1::ImportStar => "INTRINSIC_IMPORT_STAR",
            Intrinsic1::StopIterationError => "INTRINSIC_STOPITERATION_ERROR",
            Intrinsic1::AsyncGenWrap => "INTRINSIC_ASYNC_GEN_WRAP",
            Intrinsic1::TypeVar => "INTRINSIC_TYPEVAR",
            Intrinsic1::ParamSpec => "INTRINSIC_PARAMSPEC",
            Intrinsic1::TypeVarTuple => "INTRINSIC_TYPEVARTUPLE",
            Intrinsic1::SubscriptGeneric => "INTRINSIC_SUBSCRIPT_GENERIC",
            Intrinsic1::TypeAlias => "INTRINSIC_TYPEALIAS",
        }
    }
}

/// The two-argument intrinsics of `CALL_INTRINSIC_2` (numbered as CPython 3.12's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Intrinsic2 {
    /// `TypeVar(TOS1)` whose bound is computed by calling TOS when first asked for.
    TypeVarWithBound = 2,
    /// `TypeVar(TOS1)` whose constraints are computed by calling TOS when first asked for.
    TypeVarWithConstraints = 3,
    /// Sets the function TOS's `__type_params__` to TOS1; leaves the function.
    SetFunctionTypeParams = 4,
}

impl Intrinsic2 {
    /// Decodes a `CALL_INTRINSIC_2` argument.
    #[must_use]
    pub const fn from_arg(arg: u32) -> Option<Intrinsic2> {
        Some(match arg {
            2 => Intrinsic2::TypeVarWithBound,
            3 => Intrinsic2::TypeVarWithConstraints,
            4 => Intrinsic2::SetFunctionTypeParams,
            _ => return None,
        })
    }

    /// CPython's name for the intrinsic.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Intrinsic2::TypeVarWithBound => "INTRINSIC_TYPEVAR_WITH_BOUND",
            Intrinsic2::TypeVarWithConstraints => "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
            Intrinsic2::SetFunctionTypeParams => "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
        }
    }
}
