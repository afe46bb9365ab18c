# http.server and http.client in one process: the client's request is sent before the
# server handles it, then the response is read (no threads needed).
import http.client
import http.server
import json


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"path": self.path, "agent": self.headers.get("X-Test")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(201)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data.upper())

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
conn.request("GET", "/hello?x=1", headers={"X-Test": "pyrite"})
server.handle_request()
resp = conn.getresponse()
print(resp.status, resp.reason, resp.getheader("Content-Type"), json.loads(resp.read()))
conn.close()
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
conn.request("POST", "/echo", body=b"posted data")
server.handle_request()
resp = conn.getresponse()
print(resp.status, resp.read())
conn.close()
server.server_close()
