//! `repr()` text of constant values, as CPython writes it. Used by the disassembler and
//! shared with the runtime so both print constants alike.

/// `repr(x)` of a float: the shortest digits that round-trip, laid out as CPython does
/// (exponent form when the exponent is below -4 or at least 16; `1.0`, `1e+16`, `inf`).
#[must_use]
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let mut buffer = ryu::Buffer::new();
    let shortest = buffer.format_finite(x);
    // Split ryu's output into sign, digits and decimal exponent.
    let (negative, body) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest),
    };
    let (mantissa, exp_part) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (body, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{int_part}{frac_part}");
    let mut point = i32::try_from(int_part.len()).unwrap_or(0) + exp_part;
    let leading_zeros = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..leading_zeros);
    point -= i32::try_from(leading_zeros).unwrap_or(0);
    let trimmed_len = digits.trim_end_matches('0').len();
    digits.truncate(trimmed_len.max(1));
    let exponent = point - 1;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let n = i32::try_from(digits.len()).unwrap_or(0);
    if !(-4..16).contains(&exponent) {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exponent.abs()));
    } else if point <= 0 {
        out.push_str("0.");
        for _ in 0..-point {
            out.push('0');
        }
        out.push_str(&digits);
    } else if point >= n {
        out.push_str(&digits);
        for _ in 0..point - n {
            out.push('0');
        }
        out.push_str(".0");
    } else {
        let split = usize::try_from(point).unwrap_or(0);
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    }
    out
}

/// Whether CPython's `str.isprintable()` holds for one character (approximated by the
/// general categories Rust exposes: controls, separators other than space, formats and
/// private-use characters are not printable).
#[must_use]
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let cp = u32::from(c);
    !matches!(cp,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
        | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xE0000..=0xE007F
        | 0xFFFE | 0xFFFF)
}

/// Appends the escaped form of one code point as `repr(str)` writes it inside quotes.
pub fn push_escaped(out: &mut String, cp: u32, quote: char) {
    match char::from_u32(cp) {
        Some('\\') => out.push_str("\\\\"),
        Some('\n') => out.push_str("\\n"),
        Some('\r') => out.push_str("\\r"),
        Some('\t') => out.push_str("\\t"),
        Some(c) if c == quote => {
            out.push('\\');
            out.push(c);
        }
        Some(c) if is_printable(c) => out.push(c),
        _ if cp < 0x100 => out.push_str(&format!("\\x{cp:02x}")),
        _ if cp < 0x10000 => out.push_str(&format!("\\u{cp:04x}")),
        _ => out.push_str(&format!("\\U{cp:08x}")),
    }
}

/// Picks the quote `repr(str)` uses: `'` unless the text has `'` and no `"`.
#[must_use]
pub fn choose_quote(code_points: impl Iterator<Item = u32> + Clone) -> char {
    let has_single = code_points.clone().any(|c| c == u32::from('\''));
    let has_double = code_points.into_iter().any(|c| c == u32::from('"'));
    if has_single && !has_double { '"' } else { '\'' }
}

/// `repr(s)` of a str given as code points.
#[must_use]
pub fn str_repr_code_points(code_points: impl Iterator<Item = u32> + Clone) -> String {
    let quote = choose_quote(code_points.clone());
    let mut out = String::new();
    out.push(quote);
    for cp in code_points {
        push_escaped(&mut out, cp, quote);
    }
    out.push(quote);
    out
}

/// `repr(s)` of a str.
#[must_use]
pub fn str_repr(s: &str) -> String {
    str_repr_code_points(s.chars().map(u32::from))
}

/// `repr(b)` of a bytes object.
#[must_use]
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..0x7f => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr(complex(re, im))`.
#[must_use]
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| {
        let text = float_repr(x);
        text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let im_text = part(im);
    let sign = if im_text.starts_with('-') || im.is_nan() && im_text.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im_text}j)", part(re))
}

/// The decimal text of an integer given as little-endian two's-complement bytes.
#[must_use]
pub fn int_bytes_repr(bytes: &[u8]) -> String {
    let negative = bytes.last().is_some_and(|b| b & 0x80 != 0);
    // Magnitude as little-endian u32 limbs.
    let mut magnitude: Vec<u8> = bytes.to_vec();
    if negative {
        let mut carry = true;
        for byte in &mut magnitude {
            *byte = !*byte;
            if carry {
                let (sum, overflow) = byte.overflowing_add(1);
                *byte = sum;
                carry = overflow;
            }
        }
    }
    let mut limbs: Vec<u32> =
        magnitude.chunks(4).map(|c| c.iter().rev().fold(0u32, |acc, &b| (acc << 8) | u32::from(b))).collect();
    let mut groups: Vec<u32> = Vec::new();
    while limbs.iter().any(|&l| l != 0) {
        let mut remainder: u64 = 0;
        for limb in limbs.iter_mut().rev() {
            let current = (remainder << 32) | u64::from(*limb);
            *limb = u32::try_from(current / 1_000_000_000).unwrap_or(u32::MAX);
            remainder = current % 1_000_000_000;
        }
        groups.push(u32::try_from(remainder).unwrap_or(0));
    }
    let mut out = String::from(if negative { "-" } else { "" });
    match groups.split_last() {
        None => out.push('0'),
        Some((first, rest)) => {
            out.push_str(&first.to_string());
            for group in rest.iter().rev() {
                out.push_str(&format!("{group:09}"));
            }
        }
    }
    out
}
