"""Fetching a URL under a guard: http(s) only, public addresses only, bounded time, size and redirects.

flashpoint is pointed at URLs from feeds and analysts' lists; a URL (or a redirect) that resolves to
localhost, the LAN or a cloud metadata endpoint must not become a way to read internal services.

The check is made twice: on the URL before each request (a clear early error), and again inside the
connection itself. The HTTP client's network backend resolves the host name, refuses it if any address
is not public, and opens the socket to the very address it checked; so a name that answers with a
public address at check time and a private one a moment later (DNS rebinding) still reaches only the
checked, public address. TLS (SNI and certificate) and the Host header keep the name from the URL.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

USER_AGENT = "flashpoint/0.1 (+offline news analysis; https://github.com/flashpoint)"
MAX_BYTES = 16 * 1024 * 1024
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5

_METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task metadata
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
    ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
}
_METADATA_HOSTS = {"metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"}


class FetchError(Exception):
    """A URL that could not or may not be fetched; the message says which and why."""


@dataclass
class Fetched:
    url: str  # the URL asked for
    final_url: str  # after redirects
    content: bytes
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 200  # 304 when a conditional request found nothing new (content is then empty)
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))  # when the page came

    def with_fetched(self, given: dict[str, Any] | None = None) -> dict[str, Any]:
        """`given` with the moment of the fetch ("fetched", ISO 8601 UTC): a stamp such as "Updated 3 hours ago"
        counts back from it."""
        return {**(given or {}), "fetched": self.at.isoformat(timespec="seconds")}


def _refusal(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public, or None when it is."""
    if isinstance(addr, ipaddress.IPv6Address):
        # an IPv4 address carried inside IPv6 (mapped, 6to4 2002::/16, Teredo) is judged as that address
        inner = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if inner is not None:
            why = _refusal(inner)
            if why:
                return why
            if addr.ipv4_mapped is not None:
                addr = addr.ipv4_mapped
    if addr in _METADATA_ADDRESSES:
        return "a cloud metadata address"
    for attr, why in (("is_loopback", "a loopback address"), ("is_link_local", "a link-local address"),
                      ("is_multicast", "a multicast address"), ("is_unspecified", "an unspecified address"),
                      ("is_private", "a private address"), ("is_reserved", "a reserved address")):
        if getattr(addr, attr):
            return why
    if not addr.is_global:
        return "a non-public address"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (a literal IP resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}") from exc
    return sorted({str(info[4][0]).split("%")[0] for info in infos})


def _check_addresses(host: str, addresses: list[str]) -> None:
    for address in addresses:
        why = _refusal(ipaddress.ip_address(address))
        if why:
            raise FetchError(f"refused: host {host} resolves to {address}, {why} "
                             "(use --allow-private to fetch from private networks)")


class _PinnedBackend(httpcore.SyncBackend):
    """Resolve, check and connect in one step: the socket goes to the address that passed the guard."""

    def __init__(self, allow_private: bool, trusted_hosts: Collection[str]) -> None:
        self.allow_private = allow_private
        self.trusted = {h.lower() for h in trusted_hosts}
        self.sockets: list[socket.socket] = []

    def cut(self) -> None:
        """Shut every socket this fetch opened: a read blocked on a server that drips bytes returns at once."""
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._connect(host, port, timeout, local_address, socket_options)
        sock = stream.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            self.sockets.append(sock)
        return stream

    def _connect(self, host: str, port: int, timeout: float | None, local_address: str | None,
                 socket_options: Any) -> httpcore.NetworkStream:
        if self.allow_private or host.lower() in self.trusted:
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        if host.lower().rstrip(".") in _METADATA_HOSTS:
            raise FetchError(f"refused: host {host} is a cloud metadata service")
        addresses = resolve(host, port)
        _check_addresses(host, addresses)
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error if error else FetchError(f"cannot resolve host {host!r}")


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every fetch: building one reads the CA bundle, about 20 ms (180 ms on
    a busy machine), which a watcher polling hundreds of feeds (mostly answered 304) would pay each time."""
    return httpx.create_ssl_context(trust_env=False)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport with the guarded network backend under its connection pool."""

    def __init__(self, allow_private: bool, trusted_hosts: Collection[str]) -> None:
        super().__init__(trust_env=False, verify=_ssl_context())
        self.backend = _PinnedBackend(allow_private, trusted_hosts)
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(), network_backend=self.backend)


def check_url(url: str, allow_private: bool = False, trusted_hosts: Collection[str] = ()) -> None:
    """Raise FetchError unless the URL is http(s) and its host resolves only to public addresses.

    `trusted_hosts` names hosts (exactly as written in URLs) an operator allows on private networks.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme!r}: only http and https are fetched")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are not fetched")
    if allow_private or host.lower() in {h.lower() for h in trusted_hosts}:
        return
    if host.lower().rstrip(".") in _METADATA_HOSTS:
        raise FetchError(f"refused: host {host} is a cloud metadata service")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"invalid port in URL: {exc}") from exc
    _check_addresses(host, resolve(host, port))


def fetch(url: str, allow_private: bool = False, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS, trusted_hosts: Collection[str] = (),
          conditional: Mapping[str, str] | None = None) -> Fetched:
    """GET a URL, checking the guard on it and on every redirect hop; stream and stop at `max_bytes`.

    `timeout` bounds the whole fetch (all hops, headers and body), not only each network read: when it
    runs out, the sockets are shut, so a server that sends one byte at a time cannot hold it longer.
    `conditional` adds request headers such as If-None-Match / If-Modified-Since (a poller's
    conditional GET); a 304 answer comes back as status 304 with no content.
    """
    transport = _PinnedTransport(allow_private, trusted_hosts)
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        transport.backend.cut()

    timer = threading.Timer(timeout, expire)
    timer.daemon = True
    timer.start()
    try:
        return _fetch(url, transport, allow_private, timeout, max_bytes, max_redirects, trusted_hosts, conditional)
    except (FetchError, httpx.HTTPError, httpcore.NetworkError, OSError) as exc:
        if expired.is_set():
            raise FetchError(f"timed out after {timeout:g} s") from exc
        raise
    finally:
        timer.cancel()


def _fetch(url: str, transport: _PinnedTransport, allow_private: bool, timeout: float, max_bytes: int,
           max_redirects: int, trusted_hosts: Collection[str], conditional: Mapping[str, str] | None) -> Fetched:
    deadline = time.monotonic() + timeout
    current = url
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    with httpx.Client(follow_redirects=False, trust_env=False, headers=headers, transport=transport) as client:
        for _hop in range(max_redirects + 1):
            check_url(current, allow_private, trusted_hosts)
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchError(f"timed out after {timeout:g} s")
            try:
                with client.stream("GET", current, timeout=httpx.Timeout(left),
                                   headers=dict(conditional or {})) as resp:
                    if resp.status_code == 304:
                        return Fetched(url=url, final_url=str(resp.url), content=b"", status=304,
                                       content_type=resp.headers.get("content-type", ""), headers=dict(resp.headers))
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError(f"redirect ({resp.status_code}) without a Location header")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"response of {int(declared):,} bytes is larger than the limit of "
                                         f"{max_bytes:,} bytes")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in resp.iter_raw():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"response is larger than the limit of {max_bytes:,} bytes")
                        if time.monotonic() > deadline:
                            raise FetchError(f"timed out after {timeout:g} s")
                        chunks.append(chunk)
                    body = b"".join(chunks)
                    if resp.headers.get("content-encoding", "").lower() not in ("", "identity"):
                        body = _decompress(body, resp.headers["content-encoding"], max_bytes)
                    return Fetched(url=url, final_url=str(resp.url), content=body,
                                   content_type=resp.headers.get("content-type", ""), headers=dict(resp.headers),
                                   status=resp.status_code)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}") from exc
        raise FetchError(f"too many redirects (more than {max_redirects})")


def _decompress(body: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo Content-Encoding ourselves so the size limit applies to the decoded body too."""
    import zlib

    encoding = encoding.lower().strip()
    if encoding in ("gzip", "x-gzip"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        d = zlib.decompressobj()
    else:
        raise FetchError(f"unsupported content encoding {encoding!r}")
    try:
        out = d.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(f"corrupt {encoding} response body") from exc
    if len(out) > max_bytes:
        raise FetchError(f"decoded response is larger than the limit of {max_bytes:,} bytes")
    return out
