# socket.makefile (text and binary over SocketIO/recv_into), timeouts on accept/recv,
# SOCK_NONBLOCK in the type, IPv6 datagram sockets.
import socket
a, b = socket.socketpair()
fa = a.makefile("w", encoding="utf-8")
fb = b.makefile("r", encoding="utf-8")
fa.write("line one\nline two\nüñî\n")
fa.flush()
print(fb.readline(), fb.readline(), fb.readline())
wb = a.makefile("wb")
rb = b.makefile("rb", buffering=0)
wb.write(b"raw bytes"); wb.flush()
buf = bytearray(4)
print(rb.readinto(buf), buf)
print(rb.read(5))
for f in (fa, fb, wb, rb): f.close()
a.close(); b.close()
srv = socket.create_server(("127.0.0.1", 0))
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)
c = socket.socket()
c.settimeout(1)
c.connect(srv.getsockname())
conn, _ = srv.accept()
print(conn.gettimeout(), c.gettimeout())
c.sendall(b"x" * 3000000) if False else None
conn.settimeout(0.05)
try:
    conn.recv(1)
except socket.timeout as e:
    print("recv:", e)
c.close(); conn.close(); srv.close()
print(socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).family)
s = socket.socket(type=socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(s.type, s.gettimeout(), s.getblocking())
s.close()
print(socket.fromfd(0, socket.AF_INET, socket.SOCK_STREAM).family if False else "skip")

# sendall's timeout bounds the whole call
a, b = socket.socketpair()
a.settimeout(0.2)
try:
    a.sendall(b"x" * 50_000_000)
except TimeoutError as e:
    print("sendall timed out:", e)
a.close(); b.close()
