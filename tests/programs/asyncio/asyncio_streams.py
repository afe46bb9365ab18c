# asyncio streams: a TCP echo server on 127.0.0.1 (port 0) with open_connection, streams
# over a socketpair, loop.sock_* calls, and protocols with create_connection.
import asyncio
import socket


async def handle_echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b"echo: " + line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def tcp_echo():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    print("server listening on", host, "port is int:", isinstance(port, int) and port > 0)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        print("peer is server:", writer.get_extra_info("peername")[1] == port)
        for text in (b"hello\n", b"asyncio streams\n", b"last line\n"):
            writer.write(text)
            await writer.drain()
            print(await reader.readline())
        writer.write_eof()
        print("after eof:", await reader.read())
        writer.close()
        await writer.wait_closed()
    print("server closed:", not server.is_serving())


async def socketpair_streams():
    a, b = socket.socketpair()
    reader_a, writer_a = await asyncio.open_connection(sock=a)
    reader_b, writer_b = await asyncio.open_connection(sock=b)
    writer_a.write(b"x" * 50000 + b"\nsecond\n")
    await writer_a.drain()
    line = await reader_b.readuntil(b"\n")
    print("big line:", len(line))
    print("exactly:", await reader_b.readexactly(4))
    writer_b.write(b"reply")
    writer_b.close()
    print("reply:", await reader_a.read())
    try:
        await reader_b.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("incomplete:", e.partial, e.expected)
    writer_a.close()
    await writer_a.wait_closed()
    await writer_b.wait_closed()


async def sock_calls():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    accepted, _ = await asyncio.gather(loop.sock_accept(listener),
                                       loop.sock_connect(client, listener.getsockname()))
    conn, _ = accepted
    await loop.sock_sendall(client, b"via sock_sendall")
    print("sock_recv:", await loop.sock_recv(conn, 100))
    for s in (listener, client, conn):
        s.close()


class Collector(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.chunks = []

    def connection_made(self, transport):
        transport.write(b"PING\n")
        transport.write_eof()

    def data_received(self, data):
        self.chunks.append(data)

    def connection_lost(self, exc):
        self.done.set_result(b"".join(self.chunks))


async def protocols():
    loop = asyncio.get_running_loop()
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    await loop.create_connection(lambda: Collector(done), "127.0.0.1", port)
    print("protocol got:", await done)
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("refused:", type(e).__name__)


async def main():
    await tcp_echo()
    await socketpair_streams()
    await sock_calls()
    await protocols()


asyncio.run(main())
