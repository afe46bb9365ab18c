# fcntl: descriptor flags, non-blocking mode, duplicating, flock/lockf on a file, buffer
# arguments, and the argument errors.
import fcntl
import os
import socket
import struct
import tempfile

r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFL)
print("nonblocking:", bool(flags & os.O_NONBLOCK))
fcntl.fcntl(r, fcntl.F_SETFL, flags | os.O_NONBLOCK)
print("nonblocking:", bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(r))
print("cloexec:", fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fcntl.fcntl(w, fcntl.F_SETFD, 0)
print("cloexec:", fcntl.fcntl(w, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, os.get_inheritable(w))
dup = fcntl.fcntl(w, fcntl.F_DUPFD_CLOEXEC, 50)
print("dup >= 50:", dup >= 50)
os.write(dup, b"through dup")
print(os.read(r, 100))
print("pipe size positive:", fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
for fd in (r, w, dup):
    os.close(fd)

with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX, 10, 0, os.SEEK_SET)
    fcntl.lockf(f, fcntl.LOCK_UN)
    lock = struct.pack("hhqqi", fcntl.F_WRLCK, 0, 0, 0, 0)
    result = fcntl.fcntl(f, fcntl.F_GETLK, lock)
    print("F_GETLK unlocked:", struct.unpack("hhqqi", result)[0] == fcntl.F_UNLCK, len(result))
    print("locks ok")

s = socket.socket()
print("socket fileno object:", fcntl.fcntl(s, fcntl.F_GETFL) & os.O_NONBLOCK == 0)
s.close()
for call, args in [(fcntl.fcntl, (-1, fcntl.F_GETFL)), (fcntl.fcntl, ("x", 1)), (fcntl.fcntl, (0, 1, b"x" * 2000)),
                   (fcntl.lockf, (0, 0)), (fcntl.flock, (-1, 2)), (fcntl.fcntl, (999, fcntl.F_GETFL))]:
    try:
        call(*args)
    except (OSError, ValueError, TypeError) as e:
        print(call.__name__, type(e).__name__, e)
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFL, fcntl.F_SETFL)
