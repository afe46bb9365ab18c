# The socket module on _socket: socketpair send/recv, a non-blocking TCP server and
# client in one process driven by select, UDP, Unix sockets, options, timeouts and the
# OSError subclasses, conversions and their errors.
import errno
import os
import select
import socket
import tempfile

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.getsockname() == "", b.gettimeout(), b.getblocking())
a.sendall(b"hello " * 3)
print(b.recv(100))
buf = bytearray(8)
a.send(b"into-buffer")
print(b.recv_into(buf), buf)
print(b.recv(100))
mv = memoryview(bytearray(10))
a.send(b"0123456789")
print(b.recv_into(mv[2:], 5), bytes(mv))
print(b.recv(100))
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN, e.strerror)
b.settimeout(0.01)
try:
    b.recv(10)
except TimeoutError as e:
    print("timeout:", e, type(e) is socket.timeout, e.errno)
print("timeout now:", b.gettimeout(), b.getblocking())
a.shutdown(socket.SHUT_WR)
print("after shutdown:", b.recv(10))
f = a.makefile("rb")
a.close()
print("closed:", a.fileno() >= 0, a._closed)
f.close()
b.close()
try:
    b.recv(1)
except OSError as e:
    print("recv on closed:", type(e).__name__, e.errno == errno.EBADF)

# A TCP server and clients on 127.0.0.1, non-blocking, driven by select.
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print("SO_REUSEADDR:", server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen(5)
server.setblocking(False)
port = server.getsockname()[1]
clients = []
for i in range(3):
    c = socket.socket()
    c.setblocking(False)
    err = c.connect_ex(("127.0.0.1", port))
    print("connect_ex:", errno.errorcode.get(err, err))
    clients.append(c)
conns = []
while len(conns) < 3:
    r, _, _ = select.select([server], [], [], 2)
    if server in r:
        conn, addr = server.accept()
        conn.setblocking(False)
        print("accepted from", addr[0], "nodelay option:", conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        conns.append(conn)
_, writable, _ = select.select([], clients, [], 2)
print("writable clients:", len(writable))
for i, c in enumerate(clients):
    c.sendall(b"message %d" % i)
received = {}
while len(received) < 3:
    readable, _, _ = select.select(conns, [], [], 2)
    for conn in readable:
        data = conn.recv(100)
        received[conn.fileno()] = data
        conn.sendall(data.upper())
print(sorted(received.values()))
poller = select.poll()
for c in clients:
    poller.register(c, select.POLLIN)
replies = []
while len(replies) < 3:
    for fd, event in poller.poll(2000):
        sock = next(c for c in clients if c.fileno() == fd)
        replies.append(sock.recv(100))
        poller.unregister(fd)
print(sorted(replies))
ep = select.epoll()
ep.register(conns[0].fileno(), select.EPOLLIN)
clients[0].close()
events = ep.poll(2)
print("epoll:", [(fd == conns[0].fileno(), bool(ev & select.EPOLLIN)) for fd, ev in events])
print("eof:", conns[0].recv(10))
ep.close()
print("epoll closed:", ep.closed)
for s in clients[1:] + conns + [server]:
    s.close()

refused = socket.socket()
try:
    refused.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("ConnectionRefusedError", e.errno == errno.ECONNREFUSED)
refused.close()
with socket.create_server(("127.0.0.1", 0)) as srv:
    with socket.create_connection(srv.getsockname(), timeout=2) as cli:
        conn, _ = srv.accept()
        cli.sendall(b"via create_connection")
        print(conn.recv(100), cli.gettimeout())
        conn.close()
try:
    socket.socket().bind(("127.0.0.1", 70000))
except OverflowError as e:
    print("OverflowError:", e)
try:
    socket.socket().connect("not a tuple")
except TypeError as e:
    print("TypeError:", e)

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.sendto(b"datagram", u1.getsockname())
data, sender = u1.recvfrom(100)
print(data, sender[1] == u2.getsockname()[1])
u1.close()
u2.close()

# Unix domain sockets
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    us = socket.socket(socket.AF_UNIX)
    us.bind(path)
    us.listen()
    uc = socket.socket(socket.AF_UNIX)
    uc.connect(path)
    conn, addr = us.accept()
    print("unix:", us.getsockname() == path, uc.getpeername() == path, repr(addr))
    uc.sendall(b"over unix")
    print(conn.recv(100))
    for s in (us, uc, conn):
        s.close()

# Conversions
print(socket.htons(0x1234) == 0x3412, socket.ntohl(socket.htonl(123456)), socket.ntohs(socket.htons(80)))
print(socket.inet_aton("127.1"), socket.inet_ntoa(b"\xc0\xa8\x00\x01"))
print(socket.inet_pton(socket.AF_INET, "10.0.0.1"), socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, "fe80::1:2")))
print(socket.getaddrinfo("127.0.0.1", 8080, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "http", socket.AF_INET6, socket.SOCK_STREAM)[0][4])
print(socket.gethostbyname("localhost"), isinstance(socket.gethostname(), str))
for call, args in [(socket.inet_aton, ("1.2.3.256",)), (socket.inet_ntoa, (b"\x01",)),
                   (socket.inet_pton, (socket.AF_INET, "1.2.3")), (socket.inet_ntop, (socket.AF_INET, b"12345")),
                   (socket.htons, (-1,)), (socket.htonl, (2**32,)), (socket.getaddrinfo, ("localhost", 1.5)),
                   (socket.setdefaulttimeout, (-2,)), (socket.getaddrinfo, ("no-such-host.invalid", 80))]:
    try:
        call(*args)
    except Exception as e:
        print(call.__name__, type(e).__name__, e if not isinstance(e, socket.gaierror) else e.errno in (socket.EAI_NONAME, socket.EAI_AGAIN))
print(issubclass(socket.gaierror, OSError), socket.error is OSError, socket.timeout is TimeoutError)
socket.setdefaulttimeout(1.5)
s = socket.socket()
print("default timeout:", socket.getdefaulttimeout(), s.gettimeout())
s.close()
socket.setdefaulttimeout(None)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.SocketKind(1))

# select argument errors
for args in [([-1], [], []), ([], [], [], -1), ([], [], [], "x"), ([object()], [], []), (1, [], [])]:
    try:
        select.select(*args)
    except Exception as e:
        print("select", type(e).__name__, e)
print(select.select([], [], [], 0))
p = select.poll()
try:
    p.modify(0, select.POLLIN)
except OSError as e:
    print("poll.modify:", type(e).__name__, e.errno == errno.ENOENT)
try:
    p.unregister(0)
except KeyError as e:
    print("poll.unregister: KeyError", e)
ep = select.epoll()
r, w = os.pipe()
ep.register(r, select.EPOLLIN)
try:
    ep.register(r, select.EPOLLIN)
except FileExistsError as e:
    print("epoll.register twice:", type(e).__name__)
ep.modify(r, select.EPOLLIN | select.EPOLLOUT)
print("nothing ready:", ep.poll(0))
os.write(w, b"x")
print("ready:", [(fd == r, ev) for fd, ev in ep.poll(1)])
ep.unregister(r)
ep.close()
try:
    ep.poll()
except ValueError as e:
    print("closed epoll:", e)
with select.epoll() as ep2:
    print("context:", ep2.closed, ep2.fileno() >= 0)
print("after with:", ep2.closed)
os.close(r)
os.close(w)

# Name-service lookups
print(socket.getnameinfo(('127.0.0.1', 80), 0), socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(('::1', 22, 0, 0), socket.NI_NUMERICHOST))
print(socket.getservbyname('http'), socket.getservbyname('domain', 'udp'), socket.getservbyport(22), socket.getservbyport(53, 'udp'), socket.getprotobyname('tcp'), socket.getprotobyname('udp'))
print(socket.gethostbyaddr('127.0.0.1')[2])
for f,a in [(socket.getservbyname,('nope',)),(socket.getservbyport,(70000,)),(socket.getprotobyname,('nope',)),(socket.getnameinfo,(('127.0.0.1',),0)),(socket.getnameinfo,('x',0)), (socket.getnameinfo, (('127.0.0.1', 1, 2), 0)), (socket.getnameinfo, (('localhost', 80), 0))]:
  try: print(f(*a))
  except Exception as e: print(type(e).__name__, e)
print([m for m in dir(socket.SocketType) if not m.startswith('_')][:8])
