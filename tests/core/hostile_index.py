"""A package index on the loopback interface that misbehaves on request.

Each test says what every path answers (a function of the request handler);
``stop`` ends every trickling or endless answer when the test is over,
whatever the client did, so no server thread outlives it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import http.server
import json
import threading
from collections.abc import Callable, Iterator

from reader.morphology.database.locate import WHEEL_NAME


class Hostile(http.server.BaseHTTPRequestHandler):
    """Answers with ``self.server.answers[path]`` (a function of the handler), else 404."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        for suffix, answer in self.server.answers.items():  # type: ignore[attr-defined]
            if self.path.rstrip("/").endswith(suffix):
                try:
                    answer(self)
                except OSError:
                    pass  # the client went away: what the limits are for
                return
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass

    def send(self, body: bytes, kind: str = "application/octet-stream", **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


class HostileIndex:
    def __init__(self) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
        self.server.answers = {}  # type: ignore[attr-defined]
        self.stop = threading.Event()
        self.sent = 0  # bytes of endless or trickled bodies actually written
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/simple"
        self.wheel_url = f"http://127.0.0.1:{self.server.server_address[1]}/files/{WHEEL_NAME}"

    def answer(self, suffix: str, answer: Callable[[Hostile], None]) -> None:
        self.server.answers[suffix] = answer  # type: ignore[attr-defined]

    def page(self, files: object) -> None:
        """The project page (PEP 691 JSON) with ``files``, or any other JSON value."""
        body = json.dumps(files).encode() if not isinstance(files, bytes) else files
        self.answer("/camel-tools", lambda h: h.send(body, "application/vnd.pypi.simple.v1+json"))

    def links_to(self, url: str) -> None:
        self.page({"meta": {"api-version": "1.0"}, "files": [{"filename": WHEEL_NAME, "url": url}]})

    def trickle(self, handler: Hostile, *, every: float, length: int = 1 << 20) -> None:
        """Headers at once, then one byte every ``every`` seconds until stopped."""
        handler.send_response(200)
        handler.send_header("Content-Length", str(length))
        handler.end_headers()
        handler.wfile.flush()
        while not self.stop.wait(every) and self.sent < length:
            handler.wfile.write(b"x")
            handler.wfile.flush()
            self.sent += 1

    def endless(self, handler: Hostile, *, length: str | None = None) -> None:
        """As many bytes as the client takes (a bound of 1 GB), without or with a false length."""
        handler.send_response(200)
        if length is not None:
            handler.send_header("Content-Length", length)
        handler.send_header("Connection", "close")
        handler.end_headers()
        block = b"\0" * (1 << 16)
        while not self.stop.is_set() and self.sent < 1 << 30:
            handler.wfile.write(block)
            self.sent += len(block)


@contextlib.contextmanager
def serve_hostile_index() -> Iterator[HostileIndex]:
    index = HostileIndex()
    thread = threading.Thread(target=index.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield index
    finally:
        index.stop.set()
        index.server.shutdown()
        index.server.server_close()


def set_limits(monkeypatch, which: str, **changes: float) -> None:
    """Change the installer's limits for the index page or the wheel, for one test."""
    from reader.morphology.database import fetch

    name = f"{which.upper()}_LIMITS"
    monkeypatch.setattr(fetch, name, dataclasses.replace(getattr(fetch, name), **changes))
