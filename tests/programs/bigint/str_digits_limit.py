# The 4,300-digit limit of int <-> decimal str conversion (sys.set_int_max_str_digits).
import sys


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", repr(r)[:40])
    except ValueError as e:
        print(label, "ValueError:", e)
    except TypeError as e:
        print(label, "TypeError:", e)


print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)

attempt("parse 4300", lambda: int("1" * 4300) % 1000)
attempt("parse 4301", lambda: int("1" * 4301))
attempt("leading zeros count", lambda: int("0" * 4301))
attempt("underscores do not count", lambda: int("1_" * 4299 + "1") % 7)
attempt("underscores 4301", lambda: int("1_" * 4300 + "1"))
attempt("sign and spaces", lambda: int("  -" + "9" * 5000 + "\n"))
attempt("garbage after digits", lambda: int("1" * 5000 + "x"))
attempt("garbage only", lambda: int("x" + "1" * 5000))
attempt("base 16 is free", lambda: int("f" * 5000, 16).bit_length())
attempt("base 0x is free", lambda: int("0x" + "f" * 5000, 0).bit_length())
attempt("base 36 counts", lambda: int("z" * 5000, 36))
attempt("bytes", lambda: int(b"1" * 5000))
attempt("bytearray", lambda: int(bytearray(b"2" * 4400)))
attempt("unicode digits", lambda: int("\u0661" * 4301))

big = 10**4300
attempt("str 4301 digits", lambda: str(big))
attempt("repr negative", lambda: repr(-big))
attempt("str 4300 digits", lambda: len(str(big // 10)))
attempt("huge int str", lambda: str(7**100000))
attempt("%d", lambda: "%d" % big)
attempt("%i bytes", lambda: b"%i" % big)
attempt("%x is free", lambda: len("%x" % big))
attempt("format ,", lambda: format(big, ","))
attempt("format n", lambda: format(big, "n"))
attempt("format empty", lambda: format(big, ""))
attempt("f-string", lambda: f"{big}")
attempt("format b is free", lambda: len(format(big, "b")))
attempt("hex is free", lambda: len(hex(big)))
attempt("float still fine", lambda: float("1" * 5000))

attempt("set 5", lambda: sys.set_int_max_str_digits(5))
attempt("set -1", lambda: sys.set_int_max_str_digits(-1))
attempt("set str", lambda: sys.set_int_max_str_digits("1000"))
attempt("set none", lambda: sys.set_int_max_str_digits())
attempt("set 640", lambda: sys.set_int_max_str_digits(maxdigits=640))
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
attempt("parse 641", lambda: int("1" * 641))
attempt("str 641", lambda: str(10**640))
attempt("str 640", lambda: len(str(10**639)))
sys.set_int_max_str_digits(0)
print(len(str(10**20000)), int("7" * 20000) % 10)
sys.set_int_max_str_digits(4300)
attempt("restored", lambda: str(big))
