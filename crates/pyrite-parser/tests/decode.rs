//! Source decoding: expectations recorded from CPython 3.11.7's `compile(bytes, ...)`.

use pyrite_parser::{Mode, Parsed, SyntaxErrorKind, decode_source, parse_bytes};

#[test]
fn utf8_is_the_default() {
    assert_eq!(decode_source("x = 'é'\n".as_bytes(), "x.py").unwrap(), "x = 'é'\n");
}

#[test]
fn bom_is_removed() {
    let text = decode_source(b"\xEF\xBB\xBFx = 1\n", "x.py").unwrap();
    assert_eq!(text, "x = 1\n");
    let text = decode_source(b"\xEF\xBB\xBF# coding: utf-8\nx = 1\n", "x.py").unwrap();
    assert_eq!(text, "# coding: utf-8\nx = 1\n");
}

#[test]
fn latin1_declaration() {
    let text = decode_source(b"# -*- coding: latin-1 -*-\ny = '\xE9'\n", "x.py").unwrap();
    assert_eq!(text, "# -*- coding: latin-1 -*-\ny = 'é'\n");
    let text = decode_source(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\n'\xFF'\n", "x.py").unwrap();
    assert!(text.ends_with("'ÿ'\n"));
}

#[test]
fn declaration_on_line_two_needs_comment_on_line_one() {
    // Line 1 is code, so line 2's declaration is ignored and the bytes must be UTF-8.
    let err = decode_source(b"x = 1\n# coding: latin-1\ny = '\xE9'\n", "x.py").unwrap_err();
    assert!(err.msg.starts_with("(unicode error) 'utf-8' codec can't decode byte 0xe9"));
}

#[test]
fn unknown_encoding() {
    let err = decode_source(b"# coding: xyz\nx = 1\n", "x.py").unwrap_err();
    assert_eq!(err.kind, SyntaxErrorKind::SyntaxError);
    assert_eq!(err.msg, "unknown encoding: xyz");
}

#[test]
fn bom_with_other_encoding() {
    let err = decode_source(b"\xEF\xBB\xBF# -*- coding: latin-1 -*-\nx=1\n", "x.py").unwrap_err();
    assert_eq!(err.msg, "encoding problem: iso-8859-1 with BOM");
}

#[test]
fn invalid_utf8() {
    let err = decode_source(b"\xFF", "x.py").unwrap_err();
    assert_eq!(err.msg, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    assert_eq!(err.lineno, 1);
    let err = decode_source(b"x = \"\xE9\xE9\"\n", "x.py").unwrap_err();
    assert!(err.msg.ends_with("byte 0xe9 in position 0: invalid continuation byte"));
    let err = decode_source(b"x = \"\xC3", "x.py").unwrap_err();
    assert!(err.msg.ends_with("byte 0xc3 in position 0: unexpected end of data"));
}

#[test]
fn ascii_declaration_rejects_other_bytes() {
    let err = decode_source(b"# coding: ascii\nprint('\xC3\xA9')\n", "x.py").unwrap_err();
    assert_eq!(err.msg, "'ascii' codec can't decode byte 0xc3 in position 23: ordinal not in range(128)");
}

#[test]
fn parse_bytes_decodes_then_parses() {
    let (text, parsed) = parse_bytes(b"# coding: latin-1\ns = '\xE9'\n", Mode::Exec, "x.py").unwrap();
    assert!(text.contains('é'));
    assert!(matches!(parsed, Parsed::Module(m) if m.body.len() == 1));
}

#[test]
fn single_byte_code_pages() {
    let text = decode_source(b"# -*- coding: cp1252 -*-\ns = '\x80'\n", "x.py").unwrap();
    assert!(text.ends_with("s = '\u{20AC}'\n"));
    let text = decode_source(b"# coding: koi8-r\ns = '\xC1'\n", "x.py").unwrap();
    assert!(text.ends_with("s = '\u{430}'\n"));
    let text = decode_source(b"# coding: iso-8859-5\ns = '\xB0'\n", "x.py").unwrap();
    assert!(text.ends_with("s = '\u{410}'\n"));
    let err = decode_source(b"# coding: windows-1252\ns = '\x81'\n", "x.py").unwrap_err();
    assert!(err.msg.contains("'charmap' codec can't decode byte 0x81"), "{}", err.msg);
}

#[test]
fn bom_needs_the_exact_utf8_spelling() {
    // As CPython's tokenizer: "utf8" is not "utf-8" once a BOM is present.
    let err = decode_source(b"\xEF\xBB\xBF#coding: utf8\nx = 1\n", "x.py").unwrap_err();
    assert_eq!(err.msg, "encoding problem: utf8 with BOM");
    let err = decode_source(b"\xEF\xBB\xBF# coding: latin_1\nx = 1\n", "x.py").unwrap_err();
    assert_eq!(err.msg, "encoding problem: iso-8859-1 with BOM");
    assert!(decode_source(b"\xEF\xBB\xBF# coding: UTF_8\nx = 1\n", "x.py").is_ok());
}
