//! The matcher: runs CPython 3.11's regular expression code (the integer list
//! `re._compiler` produces) over a text of code points or bytes.
//!
//! Backtracking never recurses on the Rust stack. The engine keeps one explicit stack
//! that holds both *choice points* (where to resume when the rest of the match fails: the
//! next alternative of a `BRANCH`, one character less for a greedy `REPEAT_ONE`, ...) and
//! *undo records* (the previous value of a group mark or of a repeat's counter), so a
//! failure pops entries, undoes state changes, and resumes at the newest choice point.
//! Sub-matches that must not be backtracked into (lookarounds, atomic groups, possessive
//! repeats) push a barrier and a *context*; when their body reaches `SUCCESS` the choice
//! points above the barrier are cut (undo records stay, so backtracking further still
//! restores the marks the body set), and when a failure pops the barrier the context
//! decides what failing means (a negative lookahead then succeeds).
//!
//! The engine never panics on malformed code: reads past the end see `FAILURE`, and an
//! unknown opcode stops the match with [`Engine::error`] set.

use super::chars::{
    at_position, category, char_loc_ignore, in_charset, in_charset_loc_ignore, lower_ascii, lower_unicode,
};
use super::opcodes::{INFO_CHARSET, INFO_PREFIX, MAXREPEAT, at, op};

/// A unit of the subject: a byte, or a code point of a str stored in 1, 2 or 4 bytes.
pub trait Unit: Copy {
    /// The code point (or byte value).
    fn get(self) -> u32;
}

impl Unit for u8 {
    fn get(self) -> u32 {
        u32::from(self)
    }
}

impl Unit for u16 {
    fn get(self) -> u32 {
        u32::from(self)
    }
}

impl Unit for u32 {
    fn get(self) -> u32 {
        self
    }
}

/// The state of one `REPEAT ... MAX_UNTIL/MIN_UNTIL` being matched.
#[derive(Clone, Copy)]
struct Repeat {
    /// Iterations done (-1 before the first).
    count: i64,
    /// Where the current iteration started (protects against empty iterations).
    last_pos: Option<usize>,
    /// The `REPEAT` opcode's position.
    pc: usize,
    /// The enclosing repeat.
    prev: Option<usize>,
}

/// An entry of the backtracking stack.
#[derive(Clone, Copy)]
enum Entry {
    /// Undo: mark `index` was `old` and `lastindex` was `lastindex`.
    Mark { index: usize, old: Option<usize>, lastindex: Option<usize> },
    /// Undo: repeat `rep` had `count` and `last_pos`.
    RepeatState { rep: usize, count: i64, last_pos: Option<usize> },
    /// Undo: the current repeat was `old`.
    CurrentRepeat { old: Option<usize> },
    /// Undo: a repeat was allocated.
    RepeatAlloc,
    /// Choice: try the alternative whose skip word is at `next`.
    Branch { next: usize, pos: usize },
    /// Choice: a greedy single-character repeat gives one character back.
    RepeatOne { next: usize, start: usize, count: usize, min: usize },
    /// Choice: a lazy single-character repeat takes one more character.
    MinRepeatOne { body: usize, next: usize, start: usize, count: usize, max: u32 },
    /// Choice: a greedy repeat stops iterating and matches its tail.
    MaxUntilTail { tail: usize, pos: usize, rep: usize },
    /// Choice: a lazy repeat whose tail failed tries one more iteration.
    MinUntilBody { pos: usize, rep: usize, count: i64 },
    /// The start of a context's body.
    Barrier,
}

impl Entry {
    fn is_undo(self) -> bool {
        matches!(
            self,
            Entry::Mark { .. } | Entry::RepeatState { .. } | Entry::CurrentRepeat { .. } | Entry::RepeatAlloc
        )
    }
}

/// A sub-match in progress, which ends at its body's `SUCCESS`.
#[derive(Clone, Copy)]
enum Context {
    /// `(?=...)`/`(?<=...)`: continue at `after` from `pos` when the body matches.
    Assert { after: usize, pos: usize, height: usize },
    /// `(?!...)`/`(?<!...)`: continue at `after` from `pos` when the body fails.
    AssertNot { after: usize, pos: usize, height: usize },
    /// `(?>...)`.
    Atomic { after: usize, height: usize },
    /// One iteration of `POSSESSIVE_REPEAT` at `pc`, after `count` iterations, started
    /// at `start`; `optional` when the minimum was already reached.
    Possessive { pc: usize, count: usize, start: usize, optional: bool, height: usize },
}

/// Matches compiled code against a text.
pub struct Engine<'a, T: Unit> {
    code: &'a [u32],
    text: &'a [T],
    /// The end of the searched part (`endpos`).
    end: usize,
    /// Group marks: `2 * g` is where group `g + 1` starts, `2 * g + 1` where it ends.
    pub marks: Vec<Option<usize>>,
    /// The last group closed.
    pub lastindex: Option<usize>,
    repeats: Vec<Repeat>,
    current: Option<usize>,
    stack: Vec<Entry>,
    contexts: Vec<Context>,
    /// Where the current attempt started.
    start: usize,
    /// `fullmatch`: the match must end at `end`.
    pub match_all: bool,
    /// The match must not be empty at the attempt's start (after an empty match).
    pub must_advance: bool,
    /// Set when the code is malformed.
    pub error: bool,
}

/// What to do after a step.
enum Flow {
    Go(usize, usize),
    Fail,
    Matched(usize),
}

impl<'a, T: Unit> Engine<'a, T> {
    /// An engine for `code` over `text[..end]` with `groups` capturing groups.
    pub fn new(code: &'a [u32], text: &'a [T], end: usize, groups: usize) -> Engine<'a, T> {
        Engine {
            code,
            text,
            end: end.min(text.len()),
            marks: vec![None; groups * 2],
            lastindex: None,
            repeats: Vec::new(),
            current: None,
            stack: Vec::new(),
            contexts: Vec::new(),
            start: 0,
            match_all: false,
            must_advance: false,
            error: false,
        }
    }

    fn word(&self, i: usize) -> u32 {
        self.code.get(i).copied().unwrap_or(op::FAILURE)
    }

    fn at(&self, pos: usize) -> u32 {
        self.text[pos].get()
    }

    fn reset(&mut self) {
        self.marks.iter_mut().for_each(|m| *m = None);
        self.lastindex = None;
        self.repeats.clear();
        self.current = None;
        self.stack.clear();
        self.contexts.clear();
    }

    /// Tries a match starting exactly at `pos`; returns where it ends.
    pub fn match_at(&mut self, pos: usize) -> Option<usize> {
        if pos > self.end {
            return None;
        }
        self.reset();
        self.start = pos;
        let found = self.run(pos);
        self.stack.clear();
        self.contexts.clear();
        found
    }

    /// Finds the first match starting at `pos` or later; returns its span.
    pub fn search(&mut self, pos: usize) -> Option<(usize, usize)> {
        if pos > self.end {
            return None;
        }
        let (min, filter) = self.info();
        let body = if self.word(0) == op::INFO { 1 + self.word(1) as usize } else { 0 };
        let anchored = self.word(body) == op::AT && matches!(self.word(body + 1), at::BEGINNING | at::BEGINNING_STRING);
        let must_advance = self.must_advance;
        let mut start = pos;
        loop {
            if self.end - start < min {
                return None;
            }
            let candidate = match filter {
                Filter::None => true,
                Filter::First(c) => start < self.end && self.at(start) == c,
                Filter::Set(set) => start < self.end && in_charset(self.code, set, self.at(start)),
            };
            if candidate {
                if let Some(end) = self.match_at(start) {
                    self.must_advance = must_advance;
                    return Some((start, end));
                }
                if self.error {
                    return None;
                }
            }
            self.must_advance = false;
            if anchored || start >= self.end {
                self.must_advance = must_advance;
                return None;
            }
            start += 1;
        }
    }

    /// The minimum length and first-character filter from the `INFO` block.
    fn info(&self) -> (usize, Filter) {
        if self.word(0) != op::INFO {
            return (0, Filter::None);
        }
        let flags = self.word(2);
        let min = self.word(3) as usize;
        let filter = if flags & INFO_PREFIX != 0 && self.word(5) > 0 {
            Filter::First(self.word(7))
        } else if flags & INFO_CHARSET != 0 {
            Filter::Set(5)
        } else {
            Filter::None
        };
        (min, filter)
    }

    /// Whether the single-character opcode at `pc` accepts `c`.
    fn char_matches(&self, pc: usize, c: u32) -> bool {
        let arg = self.word(pc + 1);
        match self.word(pc) {
            op::ANY => c != 10,
            op::ANY_ALL => true,
            op::LITERAL => c == arg,
            op::NOT_LITERAL => c != arg,
            op::LITERAL_IGNORE => lower_ascii(c) == arg,
            op::NOT_LITERAL_IGNORE => lower_ascii(c) != arg,
            op::LITERAL_UNI_IGNORE => lower_unicode(c) == arg,
            op::NOT_LITERAL_UNI_IGNORE => lower_unicode(c) != arg,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(arg, c),
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, c),
            op::IN => in_charset(self.code, pc + 2, c),
            op::IN_IGNORE => in_charset(self.code, pc + 2, lower_ascii(c)),
            op::IN_UNI_IGNORE => in_charset(self.code, pc + 2, lower_unicode(c)),
            op::IN_LOC_IGNORE => in_charset_loc_ignore(self.code, pc + 2, c),
            op::CATEGORY => category(arg, c) == Some(true),
            _ => false,
        }
    }

    /// How many characters from `pos` the single-character opcode at `body` accepts, at
    /// most `max`.
    fn count(&self, body: usize, pos: usize, max: u32) -> usize {
        let limit = if max == MAXREPEAT { self.end } else { self.end.min(pos.saturating_add(max as usize)) };
        let mut p = pos;
        match self.word(body) {
            op::ANY_ALL => p = limit,
            op::LITERAL => {
                let c = self.word(body + 1);
                while p < limit && self.at(p) == c {
                    p += 1;
                }
            }
            _ => {
                while p < limit && self.char_matches(body, self.at(p)) {
                    p += 1;
                }
            }
        }
        p - pos
    }

    fn set_mark(&mut self, index: usize, pos: usize) {
        if index >= self.marks.len() {
            self.marks.resize(index + 1, None);
        }
        self.stack.push(Entry::Mark { index, old: self.marks[index], lastindex: self.lastindex });
        if index % 2 == 1 {
            self.lastindex = Some(index / 2 + 1);
        }
        self.marks[index] = Some(pos);
    }

    fn set_repeat(&mut self, rep: usize, count: i64, last_pos: Option<usize>) {
        let r = &mut self.repeats[rep];
        self.stack.push(Entry::RepeatState { rep, count: r.count, last_pos: r.last_pos });
        r.count = count;
        r.last_pos = last_pos;
    }

    fn set_current(&mut self, new: Option<usize>) {
        self.stack.push(Entry::CurrentRepeat { old: self.current });
        self.current = new;
    }

    /// The span of group `g` (0-based among the capturing groups) if it matched.
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let start = self.marks.get(2 * g).copied().flatten()?;
        let end = self.marks.get(2 * g + 1).copied().flatten()?;
        (start <= end).then_some((start, end))
    }

    /// Runs the code from the start; returns where the match ends.
    fn run(&mut self, mut pos: usize) -> Option<usize> {
        let mut pc = 0;
        loop {
            let flow = self.step(pc, pos);
            let next = match flow {
                Flow::Go(p, q) => Some((p, q)),
                Flow::Matched(end) => return Some(end),
                Flow::Fail => self.backtrack(),
            };
            match next {
                Some((p, q)) => (pc, pos) = (p, q),
                None => return None,
            }
            if self.error {
                return None;
            }
        }
    }

    /// Executes the instruction at `pc`.
    fn step(&mut self, pc: usize, pos: usize) -> Flow {
        let opcode = self.word(pc);
        match opcode {
            op::FAILURE => Flow::Fail,
            op::SUCCESS => self.success(pos),
            op::ANY
            | op::ANY_ALL
            | op::LITERAL
            | op::NOT_LITERAL
            | op::LITERAL_IGNORE
            | op::NOT_LITERAL_IGNORE
            | op::LITERAL_UNI_IGNORE
            | op::NOT_LITERAL_UNI_IGNORE
            | op::LITERAL_LOC_IGNORE
            | op::NOT_LITERAL_LOC_IGNORE
            | op::CATEGORY => {
                if pos < self.end && self.char_matches(pc, self.at(pos)) {
                    let width = if matches!(opcode, op::ANY | op::ANY_ALL) { 1 } else { 2 };
                    Flow::Go(pc + width, pos + 1)
                } else {
                    Flow::Fail
                }
            }
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                if pos < self.end && self.char_matches(pc, self.at(pos)) {
                    Flow::Go(pc + 1 + self.word(pc + 1) as usize, pos + 1)
                } else {
                    Flow::Fail
                }
            }
            op::AT => {
                let before = (pos > 0).then(|| self.at(pos - 1));
                let here = (pos < self.end).then(|| self.at(pos));
                match at_position(self.word(pc + 1), pos, self.end, before, here) {
                    Some(true) => Flow::Go(pc + 2, pos),
                    Some(false) => Flow::Fail,
                    None => self.fail_error(),
                }
            }
            op::INFO => {
                let min = self.word(pc + 3) as usize;
                if self.end - pos < min {
                    return Flow::Fail;
                }
                Flow::Go(pc + 1 + self.word(pc + 1) as usize, pos)
            }
            op::JUMP => Flow::Go(pc + 1 + self.word(pc + 1) as usize, pos),
            op::MARK => {
                self.set_mark(self.word(pc + 1) as usize, pos);
                Flow::Go(pc + 2, pos)
            }
            op::BRANCH => match self.branch(pc + 1, pos) {
                Some(next) => Flow::Go(next, pos),
                None => Flow::Fail,
            },
            op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                self.groupref(opcode, pc, pos)
            }
            op::GROUPREF_EXISTS => {
                if self.group_span(self.word(pc + 1) as usize).is_some() {
                    Flow::Go(pc + 3, pos)
                } else {
                    Flow::Go(pc + 1 + self.word(pc + 2) as usize, pos)
                }
            }
            op::REPEAT_ONE => self.repeat_one(pc, pos),
            op::MIN_REPEAT_ONE => self.min_repeat_one(pc, pos),
            op::POSSESSIVE_REPEAT_ONE => {
                let (min, max) = (self.word(pc + 2), self.word(pc + 3));
                let count = self.count(pc + 4, pos, max);
                if count < min as usize {
                    return Flow::Fail;
                }
                Flow::Go(pc + 1 + self.word(pc + 1) as usize, pos + count)
            }
            op::REPEAT => {
                let rep = Repeat { count: -1, last_pos: None, pc, prev: self.current };
                self.repeats.push(rep);
                self.stack.push(Entry::RepeatAlloc);
                self.set_current(Some(self.repeats.len() - 1));
                Flow::Go(pc + 1 + self.word(pc + 1) as usize, pos)
            }
            op::MAX_UNTIL => self.max_until(pc, pos),
            op::MIN_UNTIL => self.min_until(pc, pos),
            op::ASSERT | op::ASSERT_NOT => {
                let after = pc + 1 + self.word(pc + 1) as usize;
                let back = self.word(pc + 2) as usize;
                let Some(from) = pos.checked_sub(back) else {
                    return if opcode == op::ASSERT { Flow::Fail } else { Flow::Go(after, pos) };
                };
                let height = self.stack.len();
                self.stack.push(Entry::Barrier);
                self.contexts.push(if opcode == op::ASSERT {
                    Context::Assert { after, pos, height }
                } else {
                    Context::AssertNot { after, pos, height }
                });
                Flow::Go(pc + 3, from)
            }
            op::ATOMIC_GROUP => {
                let after = pc + 1 + self.word(pc + 1) as usize;
                let height = self.stack.len();
                self.stack.push(Entry::Barrier);
                self.contexts.push(Context::Atomic { after, height });
                Flow::Go(pc + 2, pos)
            }
            op::POSSESSIVE_REPEAT => self.possessive(pc, 0, None, pos),
            _ => self.fail_error(),
        }
    }

    fn fail_error(&mut self) -> Flow {
        self.error = true;
        Flow::Fail
    }

    /// `SUCCESS`: the end of the whole pattern or of a context's body.
    fn success(&mut self, pos: usize) -> Flow {
        let Some(context) = self.contexts.pop() else {
            if (self.match_all && pos != self.end) || (self.must_advance && pos == self.start) {
                return Flow::Fail;
            }
            return Flow::Matched(pos);
        };
        match context {
            Context::Assert { after, pos: saved, height } => {
                self.cut(height);
                Flow::Go(after, saved)
            }
            Context::AssertNot { height, .. } => {
                self.unwind(height);
                Flow::Fail
            }
            Context::Atomic { after, height } => {
                self.cut(height);
                Flow::Go(after, pos)
            }
            Context::Possessive { pc, count, start, optional, height } => {
                self.cut(height);
                let last = optional.then_some(start);
                self.possessive(pc, count + 1, last, pos)
            }
        }
    }

    /// Removes the choice points from the barrier at `height` up, keeping undo records.
    fn cut(&mut self, height: usize) {
        let mut write = height;
        for read in height + 1..self.stack.len() {
            if self.stack[read].is_undo() {
                self.stack[write] = self.stack[read];
                write += 1;
            }
        }
        self.stack.truncate(write);
    }

    /// Pops everything from the barrier at `height` up, undoing state changes.
    fn unwind(&mut self, height: usize) {
        while self.stack.len() > height {
            if let Some(entry) = self.stack.pop() {
                self.undo(entry);
            }
        }
    }

    fn undo(&mut self, entry: Entry) {
        match entry {
            Entry::Mark { index, old, lastindex } => {
                self.marks[index] = old;
                self.lastindex = lastindex;
            }
            Entry::RepeatState { rep, count, last_pos } => {
                let r = &mut self.repeats[rep];
                r.count = count;
                r.last_pos = last_pos;
            }
            Entry::CurrentRepeat { old } => self.current = old,
            Entry::RepeatAlloc => {
                self.repeats.pop();
            }
            _ => {}
        }
    }

    /// Pops the stack to the newest choice point that can resume; `None` when the match
    /// has failed.
    fn backtrack(&mut self) -> Option<(usize, usize)> {
        while let Some(entry) = self.stack.pop() {
            match entry {
                Entry::Branch { next, pos } => {
                    if let Some(pc) = self.branch(next, pos) {
                        return Some((pc, pos));
                    }
                }
                Entry::RepeatOne { next, start, count, min } => {
                    if count > min
                        && let Some(pos) = self.settle_repeat_one(next, start, count - 1, min)
                    {
                        return Some((next, pos));
                    }
                }
                Entry::MinRepeatOne { body, next, start, count, max } => {
                    let pos = start + count;
                    if (max == MAXREPEAT || count < max as usize)
                        && pos < self.end
                        && self.char_matches(body, self.at(pos))
                    {
                        self.stack.push(Entry::MinRepeatOne { body, next, start, count: count + 1, max });
                        return Some((next, pos + 1));
                    }
                }
                Entry::MaxUntilTail { tail, pos, rep } => {
                    self.set_current(self.repeats[rep].prev);
                    return Some((tail, pos));
                }
                Entry::MinUntilBody { pos, rep, count } => {
                    let r = self.repeats[rep];
                    let max = self.word(r.pc + 3);
                    let exhausted = max != MAXREPEAT && count >= i64::from(max);
                    if !exhausted && r.last_pos != Some(pos) {
                        self.set_repeat(rep, count, Some(pos));
                        return Some((r.pc + 4, pos));
                    }
                }
                Entry::Barrier => match self.contexts.pop() {
                    Some(Context::AssertNot { after, pos, .. }) => return Some((after, pos)),
                    Some(Context::Possessive { pc, start, optional: true, .. }) => {
                        return Some((self.possessive_after(pc), start));
                    }
                    _ => {}
                },
                undo => self.undo(undo),
            }
        }
        None
    }

    /// Enters the first viable alternative from the one whose skip word is at `alt`,
    /// pushing a choice point for the rest; returns the alternative's first instruction.
    fn branch(&mut self, mut alt: usize, pos: usize) -> Option<usize> {
        loop {
            let skip = self.word(alt) as usize;
            if skip == 0 {
                return None;
            }
            let body = alt + 1;
            let next = alt + skip;
            let viable = match self.word(body) {
                op::LITERAL => pos < self.end && self.at(pos) == self.word(body + 1),
                op::IN => pos < self.end && self.char_matches(body, self.at(pos)),
                _ => true,
            };
            if viable {
                if self.word(next) != 0 {
                    self.stack.push(Entry::Branch { next, pos });
                }
                return Some(body);
            }
            alt = next;
        }
    }

    fn groupref(&mut self, opcode: u32, pc: usize, pos: usize) -> Flow {
        let Some((start, end)) = self.group_span(self.word(pc + 1) as usize) else { return Flow::Fail };
        let len = end - start;
        if len > self.end - pos {
            return Flow::Fail;
        }
        let fold: fn(u32) -> u32 = match opcode {
            op::GROUPREF_IGNORE | op::GROUPREF_LOC_IGNORE => lower_ascii,
            op::GROUPREF_UNI_IGNORE => lower_unicode,
            _ => |c| c,
        };
        if (0..len).all(|i| fold(self.at(start + i)) == fold(self.at(pos + i))) {
            Flow::Go(pc + 2, pos + len)
        } else {
            Flow::Fail
        }
    }

    /// From `count` characters down, the first count the tail could start after (a
    /// literal tail must see its character); pushes a choice point for fewer.
    fn settle_repeat_one(&mut self, next: usize, start: usize, mut count: usize, min: usize) -> Option<usize> {
        if self.word(next) == op::LITERAL {
            let c = self.word(next + 1);
            while start + count >= self.end || self.at(start + count) != c {
                if count == min {
                    return None;
                }
                count -= 1;
            }
        }
        if count > min {
            self.stack.push(Entry::RepeatOne { next, start, count, min });
        }
        Some(start + count)
    }

    fn repeat_one(&mut self, pc: usize, pos: usize) -> Flow {
        let (min, max) = (self.word(pc + 2) as usize, self.word(pc + 3));
        if min > self.end - pos {
            return Flow::Fail;
        }
        let count = self.count(pc + 4, pos, max);
        if count < min {
            return Flow::Fail;
        }
        let next = pc + 1 + self.word(pc + 1) as usize;
        match self.settle_repeat_one(next, pos, count, min) {
            Some(end) => Flow::Go(next, end),
            None => Flow::Fail,
        }
    }

    fn min_repeat_one(&mut self, pc: usize, pos: usize) -> Flow {
        let (min, max) = (self.word(pc + 2), self.word(pc + 3));
        if min as usize > self.end - pos {
            return Flow::Fail;
        }
        let count = self.count(pc + 4, pos, min);
        if count < min as usize {
            return Flow::Fail;
        }
        let next = pc + 1 + self.word(pc + 1) as usize;
        self.stack.push(Entry::MinRepeatOne { body: pc + 4, next, start: pos, count, max });
        Flow::Go(next, pos + count)
    }

    fn max_until(&mut self, pc: usize, pos: usize) -> Flow {
        let Some(rep) = self.current else { return self.fail_error() };
        let r = self.repeats[rep];
        let (min, max) = (self.word(r.pc + 2), self.word(r.pc + 3));
        let count = r.count + 1;
        let body = r.pc + 4;
        if count < i64::from(min) {
            self.set_repeat(rep, count, r.last_pos);
            return Flow::Go(body, pos);
        }
        if (max == MAXREPEAT || count < i64::from(max)) && r.last_pos != Some(pos) {
            self.stack.push(Entry::MaxUntilTail { tail: pc + 1, pos, rep });
            self.set_repeat(rep, count, Some(pos));
            return Flow::Go(body, pos);
        }
        self.set_current(r.prev);
        Flow::Go(pc + 1, pos)
    }

    fn min_until(&mut self, pc: usize, pos: usize) -> Flow {
        let Some(rep) = self.current else { return self.fail_error() };
        let r = self.repeats[rep];
        let count = r.count + 1;
        if count < i64::from(self.word(r.pc + 2)) {
            self.set_repeat(rep, count, r.last_pos);
            return Flow::Go(r.pc + 4, pos);
        }
        self.stack.push(Entry::MinUntilBody { pos, rep, count });
        self.set_current(r.prev);
        Flow::Go(pc + 1, pos)
    }

    /// Where matching continues after the `POSSESSIVE_REPEAT` at `pc`.
    fn possessive_after(&self, pc: usize) -> usize {
        pc + 2 + self.word(pc + 1) as usize
    }

    /// The `POSSESSIVE_REPEAT` at `pc` after `count` iterations, the last of which (if
    /// beyond the minimum) started at `last`: starts another iteration or moves on.
    fn possessive(&mut self, pc: usize, count: usize, last: Option<usize>, pos: usize) -> Flow {
        let (min, max) = (self.word(pc + 2) as usize, self.word(pc + 3));
        let optional = count >= min;
        let more = max == MAXREPEAT || count < max as usize;
        if !optional || (more && last != Some(pos)) {
            let height = self.stack.len();
            self.stack.push(Entry::Barrier);
            self.contexts.push(Context::Possessive { pc, count, start: pos, optional, height });
            return Flow::Go(pc + 4, pos);
        }
        Flow::Go(self.possessive_after(pc), pos)
    }

    /// The group spans after a match: `(start, end)` for each group, `None` if unmatched.
    pub fn spans(&self, groups: usize) -> Vec<Option<(usize, usize)>> {
        (0..groups).map(|g| self.group_span(g)).collect()
    }
}

/// A quick test of a candidate start position.
#[derive(Clone, Copy)]
enum Filter {
    None,
    First(u32),
    Set(usize),
}
