//! Errors that CPython's tokenizer raises, recomputed from ruff's tokens.
//!
//! CPython's tokenizer reports bracket mismatches, indentation problems, bad numeric
//! literals, unterminated strings and invalid characters itself, before or independently of
//! the parser; ruff either reports them differently or recovers silently. This module finds
//! them in source order so `messages` can decide, as CPython does, which error wins.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::SyntaxErrorKind;
use crate::messages::{Candidate, Class, Ctx};
use crate::numbers::check_number;

/// All tokenizer-level errors, in no particular order.
pub(crate) fn tokenizer_errors(ctx: &Ctx<'_>, tokens: &Tokens, errors: &[ParseError]) -> Vec<Candidate> {
    let mut out = Vec::new();
    brackets(ctx, tokens, &mut out);
    indentation(ctx, tokens, &mut out);
    numbers(ctx, tokens, &mut out);
    for error in errors {
        if let ParseErrorType::Lexical(lexical) = &error.error
            && let Some(candidate) = lexical_error(ctx, tokens, lexical, error.location)
        {
            out.push(candidate);
        }
    }
    out
}

fn closing_for(kind: TokenKind) -> Option<char> {
    match kind {
        TokenKind::Lpar => Some(')'),
        TokenKind::Lsqb => Some(']'),
        TokenKind::Lbrace => Some('}'),
        _ => None,
    }
}

fn brackets(ctx: &Ctx<'_>, tokens: &Tokens, out: &mut Vec<Candidate>) {
    let mut stack: Vec<(char, TextRange)> = Vec::new();
    for token in tokens.iter() {
        let kind = token.kind();
        // Brackets inside an f-string's replacement fields are the f-string's business.
        if matches!(kind, TokenKind::FStringStart | TokenKind::TStringStart) {
            stack.push(('\0', token.range()));
            continue;
        }
        if matches!(kind, TokenKind::FStringEnd | TokenKind::TStringEnd) {
            while let Some((close, _)) = stack.pop() {
                if close == '\0' {
                    break;
                }
            }
            continue;
        }
        if let Some(close) = closing_for(kind) {
            stack.push((close, token.range()));
            continue;
        }
        let close = match kind {
            TokenKind::Rpar => ')',
            TokenKind::Rsqb => ']',
            TokenKind::Rbrace => '}',
            _ => continue,
        };
        let range = TextRange::at(token.start(), TextSize::new(0));
        if stack.last().is_some_and(|top| top.0 == '\0') {
            continue;
        }
        match stack.pop() {
            None => {
                out.push(ctx.raising(token.start(), format!("unmatched '{close}'"), range));
                return;
            }
            Some((expected, open)) if expected != close => {
                let opener = ctx.source[open].chars().next().unwrap_or('(');
                let open_line = ctx.index.line_col(open.start()).0;
                let this_line = ctx.index.line_col(token.start()).0;
                let msg = if open_line == this_line {
                    format!("closing parenthesis '{close}' does not match opening parenthesis '{opener}'")
                } else {
                    format!(
                        "closing parenthesis '{close}' does not match opening parenthesis \
                         '{opener}' on line {open_line}"
                    )
                };
                out.push(ctx.raising(token.start(), msg, range));
                return;
            }
            Some(_) => {}
        }
    }
    while stack.last().is_some_and(|top| top.0 == '\0') {
        stack.pop();
    }
    if let Some((_, open)) = stack.pop() {
        let opener = &ctx.source[open];
        let open_line = ctx.index.line_col(open.start()).0;
        let mut err = ctx.error(
            SyntaxErrorKind::SyntaxError,
            format!("'{opener}' was never closed"),
            TextRange::empty(open.start()),
        );
        err.end_offset = 0;
        out.push(Candidate { when: ctx.eof(), class: Class::Unclosed { open_line }, err });
    }
}

/// CPython's indentation algorithm (`tok_get` in `tokenizer.c`): columns with tabs to
/// multiples of 8 and, separately, tabs as 1 column; the two must agree in ordering.
fn indentation(ctx: &Ctx<'_>, tokens: &Tokens, out: &mut Vec<Candidate>) {
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    let mut at_line_start = true;
    for token in tokens.iter() {
        match token.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline
            | TokenKind::Comment
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::EndOfFile => continue,
            // Ruff turns a bad dedent into an `Unknown` token over the whitespace.
            TokenKind::Unknown if ctx.source[token.range()].trim().is_empty() => continue,
            _ if !at_line_start => continue,
            _ => at_line_start = false,
        }
        let (line, _) = ctx.index.line_col(token.start());
        let line_start = ctx.index.line_start(line);
        let Some(indent) = ctx.source.get(usize::from(line_start)..usize::from(token.start())) else {
            continue;
        };
        if !indent.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\x0c')) {
            continue; // a continuation line: the logical line started earlier
        }
        let (mut col, mut altcol) = (0usize, 0usize);
        for b in indent.bytes() {
            match b {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                _ => {
                    col = 0;
                    altcol = 0;
                }
            }
        }
        let line_range = TextRange::new(line_start, token.start());
        let tab_error = |ctx: &Ctx<'_>| {
            let mut err = ctx.error(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".to_owned(),
                TextRange::empty(line_start),
            );
            err.end_offset = 0;
            Candidate { when: line_range.start(), class: Class::Stop, err }
        };
        let &(top, alttop) = stack.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                out.push(tab_error(ctx));
                return;
            }
        } else if col > top {
            if altcol <= alttop {
                out.push(tab_error(ctx));
                return;
            }
            if stack.len() >= 100 {
                let err = ctx.error(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation".to_owned(),
                    line_range,
                );
                out.push(Candidate { when: line_start, class: Class::Stop, err });
                return;
            }
            stack.push((col, altcol));
        } else {
            while stack.len() > 1 && stack.last().is_some_and(|&(c, _)| col < c) {
                stack.pop();
            }
            let &(top, alttop) = stack.last().unwrap_or(&(0, 0));
            if col != top {
                let text = ctx.index.line_text(ctx.source, line);
                let mut err = ctx.error(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level".to_owned(),
                    line_range,
                );
                err.offset = text.chars().count() + 1;
                err.end_offset = err.offset;
                out.push(Candidate { when: line_start, class: Class::Stop, err });
                return;
            }
            if altcol != alttop {
                out.push(tab_error(ctx));
                return;
            }
        }
    }
}

fn numbers(ctx: &Ctx<'_>, tokens: &Tokens, out: &mut Vec<Candidate>) {
    for token in tokens.iter() {
        let Some(rest) = ctx.source.get(usize::from(token.start())..) else {
            continue;
        };
        let is_number = match token.kind() {
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => true,
            // Ruff lexes a rejected literal such as `0777` as an `Unknown` token.
            TokenKind::Unknown => rest.starts_with(|c: char| c.is_ascii_digit()),
            _ => false,
        };
        if !is_number {
            continue;
        }
        if let Some(problem) = check_number(rest) {
            let mut err = ctx.error(SyntaxErrorKind::SyntaxError, problem.msg, TextRange::empty(token.start()));
            err.offset = err.offset - 1 + problem.offset;
            err.end_offset = err.offset;
            err.text = Some(ctx.raw_line(token.start()));
            out.push(Candidate { when: token.start(), class: Class::Raising, err });
            return;
        }
    }
}

/// Maps a ruff lexical error to CPython's tokenizer error, when CPython has one.
fn lexical_error(ctx: &Ctx<'_>, tokens: &Tokens, error: &LexicalErrorType, range: TextRange) -> Option<Candidate> {
    let start = range.start();
    let empty = TextRange::empty(start);
    let (msg, class) = match error {
        LexicalErrorType::UnclosedStringError => {
            let quote_start = start;
            let (end_line, _) = ctx.index.line_col(range.end());
            let unprefixed =
                ctx.source[usize::from(quote_start)..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = unprefixed.starts_with("'''") || unprefixed.starts_with("\"\"\"");
            let detected = if triple { ctx.last_line() } else { end_line };
            let what = if triple { "triple-quoted string literal" } else { "string literal" };
            let mut err = ctx.error(
                SyntaxErrorKind::SyntaxError,
                format!("unterminated {what} (detected at line {detected})"),
                TextRange::empty(quote_start),
            );
            err.text = Some(ctx.raw_line(quote_start).trim_end_matches(['\n', '\r']).to_owned());
            return Some(Candidate { when: start, class: Class::Raising, err });
        }
        LexicalErrorType::UnrecognizedToken { tok } => {
            let c = *tok;
            if c.is_ascii_graphic() || c == ' ' {
                return Some(Candidate {
                    when: start,
                    class: Class::Parser { generic: true },
                    err: ctx.error(SyntaxErrorKind::SyntaxError, "invalid syntax".to_owned(), range),
                });
            }
            let msg = if c == '\0' {
                "source code cannot contain null bytes".to_owned()
            } else if c.is_control() {
                format!("invalid non-printable character U+{:04X}", u32::from(c))
            } else {
                format!("invalid character '{c}' (U+{:04X})", u32::from(c))
            };
            (msg, Class::Raising)
        }
        LexicalErrorType::LineContinuationError => {
            let after = TextRange::empty(start + TextSize::new(1));
            return Some(ctx.raising(
                start,
                "unexpected character after line continuation character".to_owned(),
                after,
            ));
        }
        LexicalErrorType::Eof => {
            // Inside brackets the bracket scan reports "was never closed"; otherwise this is a
            // backslash continuation at the end of the file.
            let before = ctx.source[..usize::from(start)].trim_end();
            if !before.ends_with('\\') {
                return None;
            }
            let mut err = ctx.error(
                SyntaxErrorKind::SyntaxError,
                "unexpected EOF while parsing".to_owned(),
                TextRange::empty(TextSize::try_from(before.len()).unwrap_or_default()),
            );
            err.offset += 1;
            err.end_offset = err.offset;
            return Some(Candidate { when: start, class: Class::Stop, err });
        }
        LexicalErrorType::FStringError(e) | LexicalErrorType::TStringError(e) => {
            let mut err = ctx.error(
                SyntaxErrorKind::SyntaxError,
                fstring_message(e, ctx, range),
                fstring_location(ctx, tokens, range),
            );
            err.text = Some(ctx.raw_line(start));
            return Some(Candidate { when: start, class: Class::Raising, err });
        }
        LexicalErrorType::InvalidByteLiteral => {
            ("bytes can only contain ASCII literal characters".to_owned(), Class::Raising)
        }
        LexicalErrorType::OtherError(text) if text.starts_with("ParseIntError") => {
            // `0x`, `0o`, `0b` without digits: the number scan reports these precisely.
            return None;
        }
        _ => return None,
    };
    let mut err = ctx.error(SyntaxErrorKind::SyntaxError, msg, empty);
    err.text = Some(ctx.raw_line(start));
    Some(Candidate { when: start, class, err })
}

/// CPython's f-string messages (3.11 wording).
pub(crate) fn fstring_message(error: &InterpolatedStringErrorType, ctx: &Ctx<'_>, range: TextRange) -> String {
    match error {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".to_owned(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".to_owned(),
        InterpolatedStringErrorType::InvalidConversionFlag
        | InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".to_owned()
        }
        InterpolatedStringErrorType::UnterminatedString => {
            let line = ctx.index.line_col(range.end()).0;
            format!("unterminated string literal (detected at line {line})")
        }
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            format!("unterminated triple-quoted string literal (detected at line {})", ctx.last_line())
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses".to_owned()
        }
        InterpolatedStringErrorType::NewlineInFormatSpec => {
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings".to_owned()
        }
    }
}

/// CPython 3.11 reports f-string errors just past the end of the whole literal.
pub(crate) fn fstring_location(ctx: &Ctx<'_>, tokens: &Tokens, range: TextRange) -> TextRange {
    let end = tokens
        .after(range.start())
        .iter()
        .find(|t| matches!(t.kind(), TokenKind::FStringEnd | TokenKind::TStringEnd))
        .map(Ranged::end);
    let end = end.unwrap_or_else(|| {
        let line = ctx.index.line_col(range.start()).0;
        let start = ctx.index.line_start(line);
        start + TextSize::try_from(ctx.index.line_text(ctx.source, line).len()).unwrap_or_default()
    });
    TextRange::empty(end)
}
