"""Fetching from a package index that cannot be trusted to behave.

The installer's only network use goes through :func:`open_url`. Every answer
is capped in size (checked while it streams, not only by its Content-Length)
and in time: a connect timeout, a timeout per read, a minimum rate over each
minute, and an overall deadline. A watchdog thread checks those limits, and
the caller's ``cancelled()``, ten times a second and shuts the socket when one
passes, so a read blocked on a silent or trickling server returns at once and
the worker (and with it the process) can finish. Only ``https`` and ``http``
are opened, redirects included: ``file:``, ``ftp:``, ``data:`` and the rest
are refused, and the opener has no handler for them anyway.

Imported only when installing: ``http.client`` and ``ssl`` are not start-up costs.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.morphology.errors import InstallCancelled

ALLOWED_SCHEMES = ("https", "http")
_CHUNK = 1 << 16
_WATCH_INTERVAL = 0.1
_MB = 1024 * 1024
# An SSL or socket failure is an OSError; a bad URL or header a ValueError.
_NETWORK_ERRORS = (OSError, ValueError, http.client.HTTPException)


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    deadline: float  # seconds for the whole answer, redirects included
    connect_timeout: float = 15.0
    read_timeout: float = 30.0  # the longest silence tolerated between two reads
    min_rate: float = 1024.0  # bytes per second, over each rate_window
    rate_window: float = 60.0


# A simple-API page lists every release of a project: tens of kilobytes.
INDEX_LIMITS = Limits(max_bytes=4 * _MB, deadline=120.0)
# The wheel is 7.9 MB; half an hour is 4.4 KB/s, slower than the rate floor anyway.
WHEEL_LIMITS = Limits(max_bytes=16 * _MB, deadline=30 * 60.0)


class FetchError(Exception):
    """Why an answer could not be fetched, as a phrase ("the server sent nothing for 30 s")."""


def shown_url(url: str) -> str:
    """The URL as it may be shown: without a user name or password in it."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=host))


def check_link(url: str) -> str:
    """``url`` if it is an https or http address; else FetchError saying why not."""
    try:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
    except ValueError:
        raise FetchError(f"{shown_url(url)} is not a valid address") from None
    if scheme not in ALLOWED_SCHEMES:
        what = f"a {scheme}: address" if scheme else "not a web address"
        raise FetchError(
            f"{shown_url(url)} is {what}, and only https and http addresses are followed"
        )
    return url


def _seconds(value: float) -> str:
    return f"{value / 60:g} minutes" if value >= 120 else f"{value:g} s"


class _Watch:
    """The limits of one transfer, checked by a thread that can shut its sockets."""

    def __init__(self, limits: Limits, cancelled: Callable[[], bool] | None) -> None:
        self.limits = limits
        self.cancelled = cancelled
        self.received = 0
        self.reason: str | None = None  # why the transfer was stopped
        self.was_cancelled = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._started = self._window_start = time.monotonic()
        self._window_bytes = 0
        self._thread = threading.Thread(target=self._run, name="reader-fetch-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def finish(self) -> None:
        self._done.set()

    def connected(self, sock: socket.socket) -> None:
        sock.settimeout(self.limits.read_timeout)
        with self._lock:
            self._sockets.append(sock)
            stopped = self.reason is not None
        if stopped:
            _shut(sock)

    @property
    def has_connected(self) -> bool:
        return bool(self._sockets)

    def _run(self) -> None:
        while not self._done.wait(_WATCH_INTERVAL):
            if self.check() is not None:
                return

    def check(self) -> str | None:
        """The reason to stop now, if any (and then the sockets are shut)."""
        with self._lock:
            if self.reason is None:
                self.reason = self._over_limit()
                if self.reason is not None:
                    for sock in self._sockets:
                        _shut(sock)
            return self.reason

    def _over_limit(self) -> str | None:
        if self.cancelled is not None and self.cancelled():
            self.was_cancelled = True
            return "cancelled"
        limits, now = self.limits, time.monotonic()
        if now - self._started > limits.deadline:
            return f"the server took longer than {_seconds(limits.deadline)}"
        if now - self._window_start >= limits.rate_window:
            if self.received - self._window_bytes < limits.min_rate * limits.rate_window:
                return (
                    f"the server sent less than {limits.min_rate / 1024:g} KB/s "
                    f"for {_seconds(limits.rate_window)}"
                )
            self._window_start, self._window_bytes = now, self.received
        return None

    def failure(self, error: BaseException | None) -> Exception:
        """The exception to raise for ``error``, once the watch has had its say."""
        reason = self.check()
        if self.was_cancelled:
            return InstallCancelled()
        if reason is not None:
            return FetchError(reason)
        return FetchError(self._describe(error))

    def _describe(self, error: BaseException | None) -> str:
        if error is None:
            return "the connection failed"
        if isinstance(error, urllib.error.HTTPError):
            return f"the server answered HTTP {error.code} {error.reason}"
        if isinstance(error, urllib.error.URLError):
            if not isinstance(error.reason, BaseException):
                return str(error.reason)
            error = error.reason
        if isinstance(error, TimeoutError):
            if not self.has_connected:
                return f"could not connect within {_seconds(self.limits.connect_timeout)}"
            return f"the server sent nothing for {_seconds(self.limits.read_timeout)}"
        if isinstance(error, OSError) and error.strerror:
            return error.strerror
        return str(error) or type(error).__name__


def _shut(sock: socket.socket) -> None:
    # socket.socket's own shutdown, not SSLSocket's: that one also drops its
    # SSL object under the feet of the thread reading from it.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watched:
    """A connection that hands its socket to the watchdog once connected."""

    def __init__(self, *args: object, watch: _Watch, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._watch = watch

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self._watch.connected(self.sock)  # type: ignore[attr-defined]


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self._watch = watch

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req, watch=self._watch)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__(context=ssl.create_default_context())
        self._watch = watch

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req, context=self._context, watch=self._watch)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, refusing any that leave https and http (it allows ftp)."""

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001 (urllib's API)
        location = headers.get("location") or headers.get("uri")
        if location:
            try:
                check_link(urllib.parse.urljoin(req.full_url, location))
            except FetchError as error:
                fp.close()
                raise FetchError(f"the server redirected to {error}") from None
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(watch: _Watch) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(watch),
        _HTTPSHandler(watch),
        urllib.request.HTTPDefaultErrorHandler(),
        _RedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


class Transfer:
    """An answer being received: its final URL, type and length, and its bytes."""

    def __init__(self, response: http.client.HTTPResponse, watch: _Watch) -> None:
        self._response = response
        self._watch = watch
        self.url: str = response.geturl()
        self.content_type: str = response.headers.get("Content-Type", "")
        length = (response.headers.get("Content-Length") or "").strip()
        self.length: int | None = int(length) if length.isdigit() else None

    def chunks(self) -> Iterator[bytes]:
        """The body as it arrives; FetchError or InstallCancelled when a limit passes."""
        watch, limit = self._watch, self._watch.limits.max_bytes
        received = 0
        while True:
            if watch.check() is not None:
                raise watch.failure(None)
            try:
                # read1: one read from the socket, so a trickle cannot keep us
                # in a read that waits for a whole chunk.
                chunk = self._response.read1(_CHUNK)
            except _NETWORK_ERRORS as error:
                raise watch.failure(error) from error
            if not chunk:
                if watch.check() is not None:
                    raise watch.failure(None)
                if self.length is not None and received < self.length:
                    raise FetchError(
                        f"the connection closed after {received:,} of {self.length:,} bytes"
                    )
                return
            received += len(chunk)
            watch.received = received
            if received > limit:
                raise FetchError(f"the server sent more than {limit // _MB} MB")
            yield chunk

    def read(self) -> bytes:
        return b"".join(self.chunks())


@contextlib.contextmanager
def open_url(
    url: str,
    *,
    limits: Limits,
    cancelled: Callable[[], bool] | None = None,
    headers: dict[str, str] | None = None,
) -> Iterator[Transfer]:
    """GET ``url`` within ``limits``; FetchError (a phrase) or InstallCancelled if not."""
    check_link(url)
    watch = _Watch(limits, cancelled)
    watch.start()
    try:
        request = urllib.request.Request(url, headers=headers or {})
        try:
            response = _opener(watch).open(request, timeout=limits.connect_timeout)
        except FetchError:
            raise
        except _NETWORK_ERRORS as error:
            raise watch.failure(error) from error
        with response:
            transfer = Transfer(response, watch)
            if transfer.length is not None and transfer.length > limits.max_bytes:
                raise FetchError(
                    f"the server offered {transfer.length / _MB:,.0f} MB, more than the "
                    f"{limits.max_bytes // _MB} MB allowed"
                )
            yield transfer
    finally:
        watch.finish()
