# complex(str): every form CPython accepts, and malformed strings.
def attempt(s):
    try:
        print(repr(s), "->", repr(complex(s)))
    except Exception as e:
        print(repr(s), "->", type(e).__name__ + ":", e)


for s in [
    "1", "1j", "1J", "-1j", "+1j", "j", "-j", "+j", "1+2j", "1-2j", "1.5e3-2.5E-3j",
    "(1+2j)", " ( 1+2j ) ", "  3.5  ", "\t4j\n", "1+j", "1-j", "-1-j", ".5j", "5.j", "1e5",
    "1e500j", "-1e500", "inf", "-infj", "infinityj", "nan", "nanj", "-nan+nanj", "inf+infj",
    "INF-INFj", "1_000+2_000j", "1_0.5_0j", "0x10", "1+2", "1+2i", "", " ", "()", "(1+2j",
    "1+2j)", "1 + 2j", "1+ 2j", "1 +2j", "jj", "1jj", "2j+1", "1e", "1e+j", "1.e5j", "+",
    "-", "(j)", "1__0j", "_1j", "1_j", "1_", "1+_2j", "1\x002j", "1j\x00", "\u0661\u0662j",
    "１+２j", "\u00a01j\u00a0", "1é", "((1))", "(1)", "nanjj", "infj5", "1e1_0j", "0j",
    "-0j", "-0-0j", "0.0-0.0j", "1e-400j", "1.7976931348623157e308+1e308j", "+1.0e+01-1.0e-01j",
]:
    attempt(s)
