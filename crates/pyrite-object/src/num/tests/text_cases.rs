//! Parsing, hashing, rounding and hex tests; expected values recorded from CPython 3.11.

use super::*;

#[test]
fn parse_int_cases() {
    assert_eq!(parse_int("1_000", 10), Some(big("1000")));
    assert_eq!(parse_int("_1", 10), None);
    assert_eq!(parse_int("1__0", 10), None);
    assert_eq!(parse_int("0x_1f", 0), Some(big("31")));
    assert_eq!(parse_int("0x_1f", 16), Some(big("31")));
    assert_eq!(parse_int("010", 0), None);
    assert_eq!(parse_int("010", 10), Some(big("10")));
    assert_eq!(parse_int("00", 0), Some(big("0")));
    assert_eq!(parse_int("0_0", 0), Some(big("0")));
    assert_eq!(parse_int("0_7", 0), None);
    assert_eq!(parse_int(" +12 ", 10), Some(big("12")));
    assert_eq!(parse_int("-0b101", 0), Some(big("-5")));
    assert_eq!(parse_int("0o17", 8), Some(big("15")));
    assert_eq!(parse_int("0o17", 10), None);
    assert_eq!(parse_int("0X1F", 0), Some(big("31")));
    assert_eq!(parse_int("1_", 10), None);
    assert_eq!(parse_int("", 10), None);
    assert_eq!(parse_int(" ", 0), None);
    assert_eq!(parse_int("-", 10), None);
    assert_eq!(parse_int("\u{661}\u{662}\u{663}", 10), Some(big("123")));
    assert_eq!(parse_int("\u{2003} 42\u{3000}", 10), Some(big("42")));
    assert_eq!(parse_int("\u{1c}5", 10), None);
    assert_eq!(parse_int("12\u{0}", 10), None);
    assert_eq!(parse_int("Zz", 36), Some(big("1295")));
    assert_eq!(parse_int("z", 35), None);
    assert_eq!(parse_int("0b", 0), None);
    assert_eq!(parse_int("0b_1", 2), Some(big("1")));
    assert_eq!(parse_int("+_1", 10), None);
    assert_eq!(parse_int("0x-10", 16), None);
    assert_eq!(parse_int("1 2", 10), None);
    assert_eq!(parse_int("\u{b2}", 10), None);
    assert_eq!(parse_int("\u{1d7cf}\u{1d7d0}", 0), Some(big("12")));
    assert_eq!(
        parse_int("9999999999999999999999999999999999999999", 10),
        Some(big("9999999999999999999999999999999999999999"))
    );
    assert_eq!(parse_int("-0", 0), Some(big("0")));
    assert_eq!(parse_int("12", 1), None);
    assert_eq!(parse_int("12", 37), None);
}

#[test]
fn parse_float_cases() {
    assert_eq!(parse_float("1e-320"), Some(f(0x00000000000007e8)));
    assert_eq!(parse_float("infinity"), Some(f(0x7ff0000000000000)));
    assert!(parse_float("-nan").is_some_and(f64::is_nan));
    assert_eq!(parse_float("1_0.5"), Some(f(0x4025000000000000)));
    assert_eq!(parse_float("1_000.000_1"), Some(f(0x408f4000346dc5d6)));
    assert_eq!(parse_float("1e1_0"), Some(f(0x4202a05f20000000)));
    assert_eq!(parse_float("1_e5"), None);
    assert_eq!(parse_float("1e_5"), None);
    assert_eq!(parse_float("_1"), None);
    assert_eq!(parse_float("1_"), None);
    assert_eq!(parse_float(".5"), Some(f(0x3fe0000000000000)));
    assert_eq!(parse_float("5."), Some(f(0x4014000000000000)));
    assert_eq!(parse_float("."), None);
    assert_eq!(parse_float("e5"), None);
    assert_eq!(parse_float("1e"), None);
    assert_eq!(parse_float("1e+"), None);
    assert_eq!(parse_float(" -1.5e-3 "), Some(f(0xbf589374bc6a7efa)));
    assert_eq!(parse_float("-INF"), Some(f(0xfff0000000000000)));
    assert_eq!(parse_float("+Infinity"), Some(f(0x7ff0000000000000)));
    assert!(parse_float("NaN").is_some_and(f64::is_nan));
    assert_eq!(parse_float("infinit"), None);
    assert_eq!(parse_float("in_f"), None);
    assert_eq!(parse_float("1.7976931348623157e308"), Some(f(0x7fefffffffffffff)));
    assert_eq!(parse_float("1.7976931348623159e308"), Some(f(0x7ff0000000000000)));
    assert_eq!(parse_float("2.4703282292062328e-324"), Some(f(0x0000000000000001)));
    assert_eq!(parse_float("2.4703282292062327e-324"), Some(f(0x0000000000000000)));
    assert_eq!(parse_float("0x10"), None);
    assert_eq!(parse_float("\u{661}.\u{665}"), Some(f(0x3ff8000000000000)));
    assert_eq!(parse_float("\u{3000} 3.25 "), Some(f(0x400a000000000000)));
    assert_eq!(parse_float("1e99999999999999999999"), Some(f(0x7ff0000000000000)));
    assert_eq!(parse_float("1e-99999999999999999999"), Some(f(0x0000000000000000)));
    assert_eq!(parse_float("9007199254740993"), Some(f(0x4340000000000000)));
    assert_eq!(parse_float("1_2_3.4_5e-1_0"), Some(f(0x3e4a82bc4b32f8e3)));
    assert_eq!(parse_float("--1"), None);
    assert_eq!(parse_float("1.0\u{0}"), None);
    assert_eq!(parse_float("+.5e1"), Some(f(0x4014000000000000)));
    assert_eq!(parse_float(" "), None);
}

#[test]
fn hashes_match_cpython() {
    assert_eq!(hash_bigint(&big("2305843009213693952")), 1);
    assert_eq!(hash_i64(2305843009213693952), 1);
    assert_eq!(hash_bigint(&big("2305843009213693951")), 0);
    assert_eq!(hash_i64(2305843009213693951), 0);
    assert_eq!(hash_bigint(&big("-1")), -2);
    assert_eq!(hash_i64(-1), -2);
    assert_eq!(hash_bigint(&big("-2")), -2);
    assert_eq!(hash_i64(-2), -2);
    assert_eq!(hash_bigint(&big("0")), 0);
    assert_eq!(hash_i64(0), 0);
    assert_eq!(hash_bigint(&big("1267650600228229401496703205376")), 549755813888);
    assert_eq!(hash_bigint(&big("-1267650600228229401496703205376")), -549755813888);
    assert_eq!(hash_bigint(&big("9223372036854775807")), 3);
    assert_eq!(hash_i64(9223372036854775807), 3);
    assert_eq!(hash_bigint(&big("-9223372036854775808")), -4);
    assert_eq!(hash_i64(-9223372036854775808), -4);
    assert_eq!(hash_bigint(&big("1000000000000000000000000000000")), 465258685558744706);
    assert_eq!(hash_bigint(&big("-2305843009213693951")), 0);
    assert_eq!(hash_i64(-2305843009213693951), 0);
    assert_eq!(hash_f64(f(0x3ff8000000000000)), Some(1152921504606846977));
    assert_eq!(hash_f64(f(0xbfe0000000000000)), Some(-1152921504606846976));
    assert_eq!(hash_f64(f(0x7e37e43c8800759c)), Some(1224995262755759164));
    assert_eq!(hash_f64(f(0x43c0000000000000)), Some(1));
    assert_eq!(hash_f64(f(0xbff0000000000000)), Some(-2));
    assert_eq!(hash_f64(f(0x0000000000000000)), Some(0));
    assert_eq!(hash_f64(f(0x8000000000000000)), Some(0));
    assert_eq!(hash_f64(f(0x7ff0000000000000)), Some(314159));
    assert_eq!(hash_f64(f(0xfff0000000000000)), Some(-314159));
    assert_eq!(hash_f64(f(0x0000000000000001)), Some(16777216));
    assert_eq!(hash_f64(f(0x3fb999999999999a)), Some(230584300921369408));
    assert_eq!(hash_f64(f(0x01a56e1fc2f8f359)), Some(482449582752280463));
    assert_eq!(hash_f64(f(0x3c20000000000000)), Some(1));
    assert_eq!(hash_f64(f(0x4450000000000000)), Some(512));
    assert_eq!(hash_f64(f(0xc05edd2f1a9fbe77)), Some(-1051464412201451643));
    assert_eq!(hash_f64(f64::NAN), None);
}

#[test]
fn float_round_cases() {
    assert!(same_res(float_round(f(0x4005666666666666), Some(2)), Ok(f(0x40055c28f5c28f5c))));
    assert!(same_res(float_round(f(0x3fe0000000000000), Some(0)), Ok(f(0x0000000000000000))));
    assert!(same_res(float_round(f(0x3ff8000000000000), Some(0)), Ok(f(0x4000000000000000))));
    assert!(same_res(float_round(f(0xc004000000000000), Some(0)), Ok(f(0xc000000000000000))));
    assert!(same_res(float_round(f(0x405edd2f1a9fbe77), Some(-1)), Ok(f(0x405e000000000000))));
    assert!(same_res(float_round(f(0x7e37e43c8800759c), Some(2)), Ok(f(0x7e37e43c8800759c))));
    assert!(same_res(float_round(f(0x402e000000000000), Some(-1)), Ok(f(0x4034000000000000))));
    assert!(same_res(float_round(f(0x4039000000000000), Some(-1)), Ok(f(0x4034000000000000))));
    assert!(same_res(float_round(f(0xbfd999999999999a), Some(0)), Ok(f(0x8000000000000000))));
    assert!(same_res(float_round(f(0x3fc0000000000000), Some(2)), Ok(f(0x3fbeb851eb851eb8))));
    assert!(same_res(
        float_round(f(0x7fefffffffffffff), Some(-308)),
        Err(ArithError::Overflow("rounded value too large to represent".into()))
    ));
    assert!(same_res(float_round(f(0x0000000000000001), Some(400)), Ok(f(0x0000000000000001))));
    assert!(same_res(float_round(f(0x0000000000000001), Some(323)), Ok(f(0x0000000000000000))));
    assert!(same_res(float_round(f(0x7fe1ccf385ebc8a0), Some(-308)), Ok(f(0x7fe1ccf385ebc8a0))));
    assert!(same_res(float_round(f(0x4004000000000000), Some(-400)), Ok(f(0x0000000000000000))));
    assert!(same_res(float_round(f(0xc004000000000000), Some(-400)), Ok(f(0x8000000000000000))));
    assert!(same_res(float_round(f(0x7ff0000000000000), Some(2)), Ok(f(0x7ff0000000000000))));
    assert!(same_res(float_round(f(0x3fd23d70a3d70a3d), Some(2)), Ok(f(0x3fd1eb851eb851ec))));
    assert!(same_res(float_round(f(0x3ff0000000000001), Some(15)), Ok(f(0x3ff0000000000000))));
    assert!(float_round(f64::NAN, Some(2)).is_ok_and(f64::is_nan));
    assert_eq!(float_round_to_int(f(0x3fe0000000000000)), Ok(big("0")));
    assert_eq!(float_round_to_int(f(0x3ff8000000000000)), Ok(big("2")));
    assert_eq!(float_round_to_int(f(0x4004000000000000)), Ok(big("2")));
    assert_eq!(float_round_to_int(f(0xc004000000000000)), Ok(big("-2")));
    assert_eq!(float_round_to_int(f(0xbfe0000000000000)), Ok(big("0")));
    assert_eq!(
        float_round_to_int(f(0x7e37e43c8800759c)),
        Ok(big(
            "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
        ))
    );
    assert_eq!(
        float_round_to_int(f(0x7ff0000000000000)),
        Err(ArithError::Overflow("cannot convert float infinity to integer".into()))
    );
    assert_eq!(
        float_round_to_int(f(0x7ff8000000000000)),
        Err(ArithError::Value("cannot convert float NaN to integer".into()))
    );
    assert_eq!(float_round_to_int(f(0x4005666666666666)), Ok(big("3")));
    assert_eq!(float_round_to_int(f(0xc01e000000000000)), Ok(big("-8")));
}

#[test]
fn integer_ratio_cases() {
    assert_eq!(float_as_integer_ratio(f(0x3ff8000000000000)), Ok((big("3"), big("2"))));
    assert_eq!(float_as_integer_ratio(f(0xbfb999999999999a)), Ok((big("-3602879701896397"), big("36028797018963968"))));
    assert_eq!(float_as_integer_ratio(f(0x0000000000000000)), Ok((big("0"), big("1"))));
    assert_eq!(float_as_integer_ratio(f(0x8000000000000000)), Ok((big("0"), big("1"))));
    assert_eq!(
        float_as_integer_ratio(f(0x7e37e43c8800759c)),
        Ok((
            big(
                "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"
            ),
            big("1")
        ))
    );
    assert_eq!(
        float_as_integer_ratio(f(0x0000000000000001)),
        Ok((
            big("1"),
            big(
                "202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784"
            )
        ))
    );
    assert_eq!(
        float_as_integer_ratio(f(0x7ff0000000000000)),
        Err(ArithError::Overflow("cannot convert Infinity to integer ratio".into()))
    );
    assert_eq!(
        float_as_integer_ratio(f(0x7ff8000000000000)),
        Err(ArithError::Value("cannot convert NaN to integer ratio".into()))
    );
    assert_eq!(float_as_integer_ratio(f(0x4008000000000000)), Ok((big("3"), big("1"))));
    assert_eq!(float_as_integer_ratio(f(0x3fe8000000000000)), Ok((big("3"), big("4"))));
}

#[test]
fn hex_round_trip() {
    assert_eq!(float_hex(f(0x3ff0000000000000)), "0x1.0000000000000p+0");
    assert_eq!(float_hex(f(0xbfb999999999999a)), "-0x1.999999999999ap-4");
    assert_eq!(float_hex(f(0x0000000000000000)), "0x0.0p+0");
    assert_eq!(float_hex(f(0x8000000000000000)), "-0x0.0p+0");
    assert_eq!(float_hex(f(0x0000000000000001)), "0x0.0000000000001p-1022");
    assert_eq!(float_hex(f(0x0010000000000000)), "0x1.0000000000000p-1022");
    assert_eq!(float_hex(f(0x000fffffffffffff)), "0x0.fffffffffffffp-1022");
    assert_eq!(float_hex(f(0x7fefffffffffffff)), "0x1.fffffffffffffp+1023");
    assert_eq!(float_hex(f(0x7ff0000000000000)), "inf");
    assert_eq!(float_hex(f(0xfff0000000000000)), "-inf");
    assert_eq!(float_hex(f(0x7ff8000000000000)), "nan");
    assert_eq!(float_hex(f(0x40091eb851eb851f)), "0x1.91eb851eb851fp+1");
    assert!(same_res(float_fromhex("0x1.8p1"), Ok(f(0x4008000000000000))));
    assert!(same_res(float_fromhex("-0X.8P-1"), Ok(f(0xbfd0000000000000))));
    assert!(same_res(float_fromhex("  1.  "), Ok(f(0x3ff0000000000000))));
    assert!(same_res(float_fromhex("1.p"), Err(ArithError::Value("invalid hexadecimal floating-point string".into()))));
    assert!(same_res(float_fromhex("x1"), Err(ArithError::Value("invalid hexadecimal floating-point string".into()))));
    assert!(same_res(float_fromhex("0x"), Err(ArithError::Value("invalid hexadecimal floating-point string".into()))));
    assert!(same_res(float_fromhex("."), Err(ArithError::Value("invalid hexadecimal floating-point string".into()))));
    assert!(same_res(
        float_fromhex("0x1.0p+99999999999999999999"),
        Err(ArithError::Overflow("hexadecimal value too large to represent as a float".into()))
    ));
    assert!(same_res(float_fromhex("0x0p99999999"), Ok(f(0x0000000000000000))));
    assert!(same_res(float_fromhex(" -Inf "), Ok(f(0xfff0000000000000))));
    assert!(same_res(
        float_fromhex("infinit"),
        Err(ArithError::Value("invalid hexadecimal floating-point string".into()))
    ));
    assert!(same_res(
        float_fromhex("0x1_0"),
        Err(ArithError::Value("invalid hexadecimal floating-point string".into()))
    ));
    assert!(same_res(float_fromhex("0x1p-1075"), Ok(f(0x0000000000000000))));
    assert!(same_res(float_fromhex("0x3p-1076"), Ok(f(0x0000000000000001))));
    assert!(same_res(float_fromhex("0x1.fffffffffffff7p1023"), Ok(f(0x7fefffffffffffff))));
    assert!(same_res(
        float_fromhex("0x1.fffffffffffff8p1023"),
        Err(ArithError::Overflow("hexadecimal value too large to represent as a float".into()))
    ));
    assert!(same_res(float_fromhex("0x10000000000000000000000000001p-100"), Ok(f(0x40b0000000000000))));
    assert!(same_res(float_fromhex("0x1p-1074"), Ok(f(0x0000000000000001))));
    assert!(same_res(float_fromhex("ff"), Ok(f(0x406fe00000000000))));
    assert!(same_res(float_fromhex("0x1.8000000000000p+0"), Ok(f(0x3ff8000000000000))));
    assert!(same_res(float_fromhex("1e3"), Ok(f(0x407e300000000000))));
    assert!(float_fromhex("nan").is_ok_and(f64::is_nan));
}
