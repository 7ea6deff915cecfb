"""A web server on 127.0.0.1 for the link checks: one path per case a newsletter's
links meet (Python's standard library only).

  /ok 200 · /r1 → /r2 → /r3 → /ok (a chain of 301/302) · /loop-a ⇄ /loop-b ·
  /far (seven redirects) · /missing 404 · /broken 500 · /stall (answers after 30 s) ·
  /nohead (HEAD refused with 405, GET 200) · /members → /login?next=… (a login page) ·
  /elsewhere → http://other.test:PORT/ok (another site)

Plain HTTP on --port, and the same over TLS on --tls-port with the certificate given
(self-signed: a client that checks certificates refuses it). Every request is logged
to stdout after the READY line as "METHOD PATH HOST". Exits when stdin closes.
"""

import argparse
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REDIRECTS = {
    "/r1": (301, "/r2"),
    "/r2": (302, "/r3"),
    "/r3": (301, "/ok"),
    "/loop-a": (302, "/loop-b"),
    "/loop-b": (302, "/loop-a"),
    "/members": (302, "/login?next=/members"),
}
for i in range(7):
    REDIRECTS["/far" if i == 0 else f"/far{i}"] = (301, f"/far{i + 1}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, headers=(), body=b""):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def route(self):
        print(f"{self.command} {self.path} {self.headers.get('Host', '')}", flush=True)
        path = self.path.split("?")[0]
        if path in REDIRECTS:
            status, to = REDIRECTS[path]
            return self.answer(status, [("Location", to)])
        if path == "/elsewhere":
            port = self.server.server_address[1]
            return self.answer(301, [("Location", f"http://other.test:{port}/ok")])
        if path in ("/ok", "/login", "/far7"):
            return self.answer(200, [("Content-Type", "text/html")], b"<p>ok</p>")
        if path == "/missing":
            return self.answer(404, [], b"not found")
        if path == "/broken":
            return self.answer(500, [], b"server error")
        if path == "/stall":
            time.sleep(30)
            return self.answer(200, [], b"late")
        if path == "/nohead":
            if self.command == "HEAD":
                return self.answer(405, [("Allow", "GET")])
            return self.answer(200, [], b"ok")
        return self.answer(404, [], b"not found")

    def do_HEAD(self):
        self.route()

    def do_GET(self):
        self.route()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--tls-port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    args = parser.parse_args()
    plain = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    tls = ThreadingHTTPServer(("127.0.0.1", args.tls_port), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
    for server in (plain, tls):
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"READY {args.port} {args.tls_port}", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
