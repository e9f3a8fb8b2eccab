"""A tiny logging HTTP proxy: python3 proxy.py LISTEN_PORT TARGET_URL LOG_FILE

Forwards every request to TARGET_URL and appends "METHOD PATH STATUS" (one line per request) to LOG_FILE, to see which
request of a client call a server refused. Standard library only (any python3).
"""

import http.client
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, TARGET, LOG = int(sys.argv[1]), urllib.parse.urlsplit(sys.argv[2]), sys.argv[3]
lock = threading.Lock()
HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "te", "trailer"}


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def forward(self):
        data = self.body()
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "content-length"}
        headers["Host"] = TARGET.netloc
        conn = http.client.HTTPConnection(TARGET.hostname, TARGET.port, timeout=600)
        conn.request(self.command, self.path, body=data if data or self.command in ("POST", "PUT", "PATCH") else None, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
        with lock, open(LOG, "a") as f:
            f.write(f"{self.command} {self.path.split('?')[0]} {resp.status}\n")
        self.send_response(resp.status)
        for k, v in resp.getheaders():
            if k.lower() not in HOP and k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        conn.close()

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = forward


ThreadingHTTPServer(("127.0.0.1", PORT), Proxy).serve_forever()
