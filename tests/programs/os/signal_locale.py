# The minimal _signal and _locale modules (what signal.py and locale.py build on): names,
# default handlers, the C locale.
import _locale
import _signal as signal

print(signal.SIGINT, signal.SIGTERM, signal.SIGKILL, signal.SIGRTMAX, signal.NSIG, signal.SIG_DFL, signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN), signal.getsignal(signal.SIGUSR1))
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL))
print(signal.signal(signal.SIGINT, signal.default_int_handler) is signal.default_int_handler)
print(signal.strsignal(signal.SIGTERM), 2 in signal.valid_signals(), 32 in signal.valid_signals())
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt from raise_signal")
try:
    signal.signal(1000, signal.SIG_DFL)
except ValueError as e:
    print("ValueError", e)

print(_locale.setlocale(_locale.LC_ALL, "C"), _locale.setlocale(_locale.LC_NUMERIC))
conv = _locale.localeconv()
print(conv["decimal_point"], repr(conv["thousands_sep"]), conv["grouping"], conv["frac_digits"], _locale.CHAR_MAX)
print(_locale.strcoll("a", "b"), _locale.strcoll("b", "b"), _locale.strxfrm("abc"))
print(_locale.LC_CTYPE, _locale.LC_COLLATE, _locale.LC_TIME, _locale.LC_MONETARY, _locale.LC_MESSAGES)
try:
    _locale.setlocale(_locale.LC_ALL, "xx_YY.nothing")
except _locale.Error as e:
    print("locale.Error", e, issubclass(_locale.Error, Exception))
