# _string (string.Formatter's parser) and _thread locks, without the pure-Python modules.
import _string
import _thread

print(list(_string.formatter_parser("a{0}b{x.y[1]!r:>{w}}c{{d}}")))
print(list(_string.formatter_parser("")), list(_string.formatter_parser("{}")))
first, rest = _string.formatter_field_name_split("x.y[1].z")
print(first, list(rest))
first, rest = _string.formatter_field_name_split("12[key]")
print(repr(first), list(rest))
for bad in ["{", "}", "a{0", "{0!}"]:
    try:
        list(_string.formatter_parser(bad))
    except ValueError as e:
        print("ValueError", e)

lock = _thread.allocate_lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("inside", lock.locked())
print(lock.locked())
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._is_owned())
print(isinstance(_thread.get_ident(), int), _thread.get_ident() == _thread.get_ident())
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX > 1e9, _thread.stack_size())
