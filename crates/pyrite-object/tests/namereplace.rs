//! The `namereplace` error handler with a registered name lookup (the `unicodedata` module
//! registers the real table; a tiny one stands in here).

use pyrite_object::methods::codecs::{encode_str, set_char_name_lookup};
use pyrite_object::types::str::PyStr;

fn names(c: u32) -> Option<String> {
    match c {
        0xE9 => Some("LATIN SMALL LETTER E WITH ACUTE".to_owned()),
        0x20AC => Some("EURO SIGN".to_owned()),
        0x1F600 => Some("GRINNING FACE".to_owned()),
        _ => None,
    }
}

#[test]
fn names_or_escapes() {
    pyrite_object::init();
    set_char_name_lookup(names);
    let text = PyStr::from_str("a\u{e9}\u{20ac}\u{e000}\u{1f600}\u{10ffff}");
    let ascii = encode_str(&text, "ascii", "namereplace").unwrap();
    assert_eq!(
        String::from_utf8(ascii).unwrap(),
        "a\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{EURO SIGN}\\ue000\\N{GRINNING FACE}\\U0010ffff"
    );
    // Latin-1 encodes é itself and names only what it cannot encode.
    let latin1 = encode_str(&PyStr::from_str("\u{e9}\u{20ac}"), "latin-1", "namereplace").unwrap();
    assert_eq!(latin1, b"\xe9\\N{EURO SIGN}");
}
