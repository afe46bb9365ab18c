//! `LineIndex` and `SyntaxError::new`.

use pyrite_parser::{LineIndex, SyntaxError, SyntaxErrorKind, TextRange, TextSize};

#[test]
fn line_col_counts_bytes() {
    let source = "ab\nçd\r\nx\ry";
    let index = LineIndex::new(source);
    assert_eq!(index.line_col(TextSize::new(0)), (1, 0));
    assert_eq!(index.line_col(TextSize::new(2)), (1, 2));
    assert_eq!(index.line_col(TextSize::new(3)), (2, 0));
    assert_eq!(index.line_col(TextSize::new(5)), (2, 2)); // after the two-byte 'ç'
    assert_eq!(index.line_col(TextSize::new(8)), (3, 0));
    assert_eq!(index.line_col(TextSize::new(10)), (4, 0)); // a lone '\r' ends a line too
    assert_eq!(index.line_col(TextSize::new(100)), (4, 1)); // clamped to the end
}

#[test]
fn line_text_has_no_newline() {
    let source = "first\r\nsecond\nthird";
    let index = LineIndex::new(source);
    assert_eq!(index.line_text(source, 1), "first");
    assert_eq!(index.line_text(source, 2), "second");
    assert_eq!(index.line_text(source, 3), "third");
    assert_eq!(index.line_text(source, 4), "");
}

#[test]
fn syntax_error_new_counts_characters() {
    let source = "def f():\n    é = ...; return\n";
    let start = source.find("return").unwrap();
    let range = TextRange::at(TextSize::try_from(start).unwrap(), TextSize::new(6));
    let err = SyntaxError::new(SyntaxErrorKind::SyntaxError, "'return' outside function", "x.py", source, range);
    assert_eq!((err.lineno, err.offset, err.end_lineno, err.end_offset), (2, 14, 2, 20));
    assert_eq!(err.text.as_deref(), Some("    é = ...; return\n"));
    assert_eq!(err.to_string(), "'return' outside function (x.py, line 2)");
    assert_eq!(err.kind.name(), "SyntaxError");
}
