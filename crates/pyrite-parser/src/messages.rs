//! Turning ruff's parse errors into the one `SyntaxError` CPython 3.11 would raise.
//!
//! CPython's parser reports the first error it meets, but its tokenizer errors (brackets,
//! strings, characters, numbers) take priority over parser errors found later in a second
//! pass, and "was never closed" wins when the bracket opened on an earlier line. `select`
//! reproduces those rules over candidates from `scan` (tokenizer) and `parser_error` (ruff's
//! parser errors, reworded). Anything without a CPython equivalent becomes "invalid syntax"
//! at ruff's location.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_python_parser::{ParseError, ParseErrorType, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lines::LineIndex;
use crate::scan::{fstring_location, fstring_message, tokenizer_errors};
use crate::targets::{TargetsType, expr_name, find_expr, find_expr_ending_at, invalid_target};

/// The source being reported on.
pub(crate) struct Ctx<'a> {
    pub source: &'a str,
    pub filename: &'a str,
    pub index: LineIndex,
}

/// How an error competes with others (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A parser error; `generic` for plain "invalid syntax".
    Parser { generic: bool },
    /// A tokenizer error that raises at once and overrides later-found parser errors.
    Raising,
    /// A tokenizer error that stops tokenizing (indentation) but only wins when reached first.
    Stop,
    /// End of file inside brackets opened on `open_line`.
    Unclosed { open_line: u32 },
}

/// One possible error and the source offset at which CPython would detect it.
pub(crate) struct Candidate {
    pub when: TextSize,
    pub class: Class,
    pub err: SyntaxError,
}

impl Ctx<'_> {
    pub(crate) fn error(&self, kind: SyntaxErrorKind, msg: String, range: TextRange) -> SyntaxError {
        SyntaxError::with_index(kind, msg, self.filename, self.source, &self.index, range)
    }

    /// A tokenizer error that CPython raises immediately, with the raw line as text.
    pub(crate) fn raising(&self, when: TextSize, msg: String, range: TextRange) -> Candidate {
        let mut err = self.error(SyntaxErrorKind::SyntaxError, msg, range);
        err.text = Some(self.raw_line(range.start()));
        Candidate { when, class: Class::Raising, err }
    }

    /// The line containing `offset` exactly as in the source (tokenizer errors keep it so).
    pub(crate) fn raw_line(&self, offset: TextSize) -> String {
        let line = self.index.line_col(offset).0;
        self.index.line_text_with_newline(self.source, line).to_owned()
    }

    pub(crate) fn eof(&self) -> TextSize {
        TextSize::try_from(self.source.len()).unwrap_or(TextSize::new(u32::MAX))
    }

    /// The line CPython's tokenizer is on at end of file.
    pub(crate) fn last_line(&self) -> u32 {
        let count = self.index.line_count();
        if count > 1 && self.index.line_text(self.source, count).is_empty() { count - 1 } else { count }
    }

    fn parser(&self, msg: impl Into<String>, range: TextRange) -> Candidate {
        let msg = msg.into();
        let generic = msg == "invalid syntax";
        let mut err = self.error(SyntaxErrorKind::SyntaxError, msg, range);
        // The parser sees an implicit newline at the end of the last line.
        if let Some(text) = err.text.as_mut().filter(|t| !t.ends_with('\n')) {
            text.push('\n');
        }
        Candidate { when: range.start(), class: Class::Parser { generic }, err }
    }
}

/// Picks the error CPython would report from everything ruff and the scan found.
pub(crate) fn select(
    ctx: &Ctx<'_>,
    module: &Mod,
    tokens: &Tokens,
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
) -> Option<SyntaxError> {
    let tokenizer = tokenizer_errors(ctx, tokens, errors).into_iter().min_by_key(|c| c.when);
    let parser = errors
        .iter()
        .filter(|e| !matches!(e.error, ParseErrorType::Lexical(_)))
        .map(|e| parser_error(ctx, module, tokens, &e.error, e.location))
        .chain(unsupported.iter().map(|e| unsupported_error(ctx, e)))
        .min_by_key(|c| c.when);
    let chosen = match (tokenizer, parser) {
        (None, None) => return None,
        (Some(t), None) => t,
        (None, Some(p)) => p,
        (Some(t), Some(p)) => {
            let parser_line = p.err.lineno;
            if t.when <= p.when {
                t
            } else {
                match t.class {
                    Class::Raising => t,
                    Class::Unclosed { open_line } if (open_line as usize) < parser_line => t,
                    _ => p,
                }
            }
        }
    };
    Some(chosen.err)
}

/// The first token at or after `offset` that is not trivia.
fn token_at(tokens: &Tokens, offset: TextSize) -> Option<(TokenKind, TextRange)> {
    tokens.after(offset).iter().find(|t| !t.kind().is_trivia()).map(|t| (t.kind(), t.range()))
}

/// The last non-trivia token ending at or before `offset`.
fn token_before(tokens: &Tokens, offset: TextSize) -> Option<(TokenKind, TextRange)> {
    tokens
        .iter()
        .take_while(|t| t.end() <= offset)
        .filter(|t| {
            !t.kind().is_trivia() && !matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent)
        })
        .last()
        .map(|t| (t.kind(), t.range()))
}

fn parser_error(ctx: &Ctx<'_>, module: &Mod, tokens: &Tokens, error: &ParseErrorType, range: TextRange) -> Candidate {
    use ParseErrorType as P;
    let msg = match error {
        P::ExpectedToken { expected: TokenKind::Colon, found } => {
            if matches!(found, TokenKind::Newline | TokenKind::EndOfFile) {
                return ctx.parser("expected ':'", TextRange::empty(range.start()));
            }
            return generic(ctx, range);
        }
        P::ExpectedToken { expected: TokenKind::Else, found: _ } => {
            let prev_end = token_before(tokens, range.start()).map_or(range.start(), |t| t.1.end());
            if let Some(found) =
                find_expr_ending_at(module, prev_end, TextSize::new(0)).filter(|e| matches!(e, Expr::If(_)))
            {
                return ctx.parser("expected 'else' after 'if' expression", found.range());
            }
            return generic(ctx, range);
        }
        P::ExpectedToken { expected: TokenKind::Comma, found } => {
            return missing_comma(ctx, module, tokens, *found, range);
        }
        P::SimpleStatementsOnSameLine => return same_line(ctx, module, range),
        P::UnexpectedIndentation => {
            let mut err = ctx.error(SyntaxErrorKind::IndentationError, "unexpected indent".to_owned(), range);
            let line_start = ctx.index.line_start(ctx.index.line_col(range.start()).0);
            let indent = &ctx.source[usize::from(line_start)..usize::from(range.end().max(line_start))];
            err.offset = indent.chars().count().max(1);
            err.end_offset = err.offset;
            return Candidate { when: range.start(), class: Class::Parser { generic: false }, err };
        }
        P::OtherError(text) if text.starts_with("Expected an indented block after ") => {
            return indented_block(ctx, tokens, text, range);
        }
        P::OtherError(text) if text.starts_with("Only single target (not ") => {
            let what = if text.contains("tuple") { "tuple" } else { "list" };
            format!("only single target (not {what}) can be annotated")
        }
        P::OtherError(text) if text == "Bytes literal cannot be mixed with non-bytes literals" => {
            // CPython raises it once the last string token is consumed.
            return ctx.parser("cannot mix bytes and nonbytes literals", TextRange::empty(range.end()));
        }
        P::InvalidAssignmentTarget => return assignment_target(ctx, module, tokens, range),
        P::InvalidAnnotatedAssignmentTarget => match find_expr(module, range).map(|f| f.expr) {
            Some(Expr::Tuple(_)) => "only single target (not tuple) can be annotated".to_owned(),
            Some(Expr::List(_)) => "only single target (not list) can be annotated".to_owned(),
            _ => "illegal target for annotation".to_owned(),
        },
        P::InvalidAugmentedAssignmentTarget => {
            let name = find_expr(module, range).map_or("expression", |f| expr_name(f.expr));
            format!("'{name}' is an illegal expression for augmented assignment")
        }
        P::InvalidDeleteTarget => {
            let found = find_expr(module, range).map(|f| f.expr);
            let bad = found.and_then(|e| invalid_target(e, TargetsType::Del).or(Some(e)));
            let name = bad.map_or("expression", expr_name);
            let range = bad.map_or(range, Ranged::range);
            return ctx.parser(format!("cannot delete {name}"), range);
        }
        P::InvalidNamedAssignmentTarget => {
            let name = find_expr(module, range).map_or("expression", |f| expr_name(f.expr));
            format!("cannot use assignment expressions with {name}")
        }
        P::PositionalAfterKeywordArgument | P::PositionalAfterKeywordUnpacking => {
            // CPython points at the token after the offending argument.
            let msg = if matches!(error, P::PositionalAfterKeywordArgument) {
                "positional argument follows keyword argument"
            } else {
                "positional argument follows keyword argument unpacking"
            };
            let at = token_at(tokens, range.end()).map_or(range.end(), |t| t.1.start());
            return ctx.parser(msg, TextRange::empty(at));
        }
        P::InvalidArgumentUnpackingOrder => "iterable argument unpacking follows keyword argument unpacking".to_owned(),
        P::NonDefaultParamAfterDefaultParam => "non-default argument follows default argument".to_owned(),
        P::ParamAfterVarKeywordParam => "arguments cannot follow var-keyword argument".to_owned(),
        P::VarParameterWithDefault => {
            // Ruff points at the default value; CPython names the parameter kind.
            let star = token_before(tokens, range.start())
                .and_then(|_| ctx.source[..usize::from(range.start())].rfind('*'))
                .is_some_and(|i| i > 0 && ctx.source.as_bytes()[i - 1] == b'*');
            let what = if star { "var-keyword" } else { "var-positional" };
            format!("{what} argument cannot have default value")
        }
        P::ExpectedKeywordParam => "named arguments must follow bare *".to_owned(),
        P::IterableUnpackingInComprehension => "iterable unpacking cannot be used in comprehension".to_owned(),
        P::UnparenthesizedGeneratorExpression => "Generator expression must be parenthesized".to_owned(),
        P::InvalidStarredExpressionUsage => "cannot use starred expression here".to_owned(),
        P::FStringError(e) | P::TStringError(e) => {
            return ctx.parser(fstring_message(e, ctx, range), fstring_location(ctx, tokens, range));
        }
        _ => return generic(ctx, range),
    };
    ctx.parser(msg, range)
}

/// "invalid syntax" at the token ruff stopped at.
fn generic(ctx: &Ctx<'_>, range: TextRange) -> Candidate {
    ctx.parser("invalid syntax", range)
}

fn same_line(ctx: &Ctx<'_>, module: &Mod, range: TextRange) -> Candidate {
    if let Mod::Module(m) = module {
        let legacy = m.body.iter().rev().find(|s| s.end() <= range.start()).and_then(|stmt| match stmt {
            Stmt::Expr(e) => match &*e.value {
                Expr::Name(n) if matches!(n.id.as_str(), "print" | "exec") => Some((n.id.as_str(), stmt.start())),
                _ => None,
            },
            _ => None,
        });
        if let Some((name, start)) = legacy {
            let end = m.body.iter().find(|s| s.start() >= range.start()).map_or(range.end(), Ranged::end);
            return ctx.parser(
                format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                TextRange::new(start, end.max(start)),
            );
        }
    }
    generic(ctx, range)
}

/// `[a b]`: CPython suggests a comma inside brackets when two expressions touch.
fn missing_comma(ctx: &Ctx<'_>, module: &Mod, tokens: &Tokens, found: TokenKind, range: TextRange) -> Candidate {
    let starts_expr = matches!(
        found,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Lambda
            | TokenKind::Not
            | TokenKind::Minus
            | TokenKind::Tilde
            | TokenKind::Ellipsis
    );
    let prev = token_before(tokens, range.start());
    if let (true, Some((_, prev_range))) = (starts_expr, prev) {
        let open = open_bracket_before(tokens, range.start());
        if let Some(open) = open {
            let left = find_expr_ending_at(module, prev_range.end(), open);
            let right_end = token_at(tokens, range.start()).map_or(range.end(), |t| t.1.end());
            let right = crate::targets::find_expr_starting(module, range.start()).map_or(right_end, Ranged::end);
            if let Some(left) = left {
                let is_legacy_string = matches!(left, Expr::Name(_)) && found == TokenKind::String;
                if !is_legacy_string {
                    return ctx.parser(
                        "invalid syntax. Perhaps you forgot a comma?",
                        TextRange::new(left.start(), right.max(left.start())),
                    );
                }
            }
        }
    }
    generic(ctx, range)
}

/// Position just after the innermost bracket still open at `offset`.
fn open_bracket_before(tokens: &Tokens, offset: TextSize) -> Option<TextSize> {
    let mut stack = Vec::new();
    for token in tokens.iter().take_while(|t| t.start() < offset) {
        match token.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => stack.push(token.end()),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

fn indented_block(ctx: &Ctx<'_>, tokens: &Tokens, text: &str, range: TextRange) -> Candidate {
    let clause = text.trim_start_matches("Expected an indented block after ");
    let (what, keywords): (&str, &[TokenKind]) = match clause {
        "function definition" => ("function definition", &[TokenKind::Def]),
        "`class` definition" => ("class definition", &[TokenKind::Class]),
        "`if` statement" => ("'if' statement", &[TokenKind::If]),
        "`elif` clause" => ("'elif' statement", &[TokenKind::Elif]),
        "`else` clause" => ("'else' statement", &[TokenKind::Else]),
        "`for` statement" => ("'for' statement", &[TokenKind::For]),
        "`while` statement" => ("'while' statement", &[TokenKind::While]),
        "`with` statement" => ("'with' statement", &[TokenKind::With]),
        "`try` statement" => ("'try' statement", &[TokenKind::Try]),
        "`except` clause" => ("'except' statement", &[TokenKind::Except]),
        "`finally` clause" => ("'finally' statement", &[TokenKind::Finally]),
        "`match` statement" => ("'match' statement", &[TokenKind::Match]),
        "`case` block" => ("'case' statement", &[TokenKind::Case]),
        _ => ("statement", &[]),
    };
    let header =
        tokens.iter().take_while(|t| t.start() < range.start()).filter(|t| keywords.contains(&t.kind())).last();
    let line = header.map_or(1, |t| ctx.index.line_col(t.start()).0);
    let what = if what == "'except' statement"
        && header.is_some_and(|h| ctx.source[usize::from(h.end())..].trim_start().starts_with('*'))
    {
        "'except*' statement"
    } else {
        what
    };
    let mut c = ctx.parser(format!("expected an indented block after {what} on line {line}"), range);
    c.err.kind = SyntaxErrorKind::IndentationError;
    c
}

fn assignment_target(ctx: &Ctx<'_>, module: &Mod, tokens: &Tokens, range: TextRange) -> Candidate {
    let Some(found) = find_expr(module, range) else {
        return generic(ctx, range);
    };
    let kind = match found.stmt {
        Some(Stmt::For(_)) => TargetsType::For,
        _ => TargetsType::Star,
    };
    let bad = invalid_target(found.expr, kind).unwrap_or(found.expr);
    if matches!(bad, Expr::Yield(_) | Expr::YieldFrom(_)) {
        return ctx.parser("assignment to yield expression not possible", bad.range());
    }
    let name = expr_name(bad);
    // CPython's `invalid_named_expression`: `a = b` as a whole statement, where `a` is not a
    // display or a singleton, gets a hint about `==`.
    let single_assign = matches!(found.stmt, Some(Stmt::Assign(a)) if a.targets.len() == 1 && a.targets[0].range().contains_range(bad.range()));
    let followed_by_eq = token_at(tokens, bad.end()).is_some_and(|t| t.0 == TokenKind::Equal);
    let excluded = matches!(
        bad,
        Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)
    );
    let msg = if single_assign && followed_by_eq && !excluded {
        format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
    } else {
        format!("cannot assign to {name}")
    };
    ctx.parser(msg, bad.range())
}

fn unsupported_error(ctx: &Ctx<'_>, error: &UnsupportedSyntaxError) -> Candidate {
    use UnsupportedSyntaxErrorKind as U;
    let msg = match error.kind {
        U::UnparenthesizedExceptionTypes => "multiple exception types must be parenthesized",
        U::UnpackingInComprehension(_) => "iterable unpacking cannot be used in comprehension",
        _ => "invalid syntax",
    };
    let mut range = error.range;
    if error.kind == U::TemplateStrings {
        // CPython sees the name `t` followed by a string and fails at the string.
        range = TextRange::new(range.start() + TextSize::new(1), range.end().max(range.start() + TextSize::new(1)));
    }
    ctx.parser(msg, range)
}
