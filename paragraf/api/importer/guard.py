"""Which addresses files may be downloaded from.

A File's accessUrl is whatever the source says: left alone, the import would
fetch any address for anyone who controls the source, the machine's own
services and the internal network included. Files are downloaded only from
the host of the source's start address and the hosts allowed besides
(`--allow-host`), and never from a loopback, private, link-local or otherwise
internal address, unless the source itself is on such an address (an
intranet source). Redirects are checked hop by hop (fetching.py).

Names are looked up once per run, before the download; a name whose
answer changes between that look-up and the connection (DNS rebinding) is
not caught here: the machine's firewall is the second line.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from paragraf.api.importer.fetching import FetchError


def _address(host):
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _internal(address):
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def _host(url):
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.rstrip(".").lower() if host else None


class Guard:
    """`check(url)` raises FetchError for an address not to download from.

    `resolve`: look host names up to find where they point (off for
    in-process transports, where names lead nowhere).
    """

    def __init__(self, start, allowed=(), resolve=True):
        self.resolve = resolve
        self.internal = {}  # host: whether it is internal, looked up once per run
        start_host = _host(start)
        self.hosts = {h for h in [start_host, *(_host(f"//{a}") for a in allowed)] if h}
        self.internal_ok = start_host is not None and self._internal_host(start_host)

    def _addresses(self, host):
        literal = _address(host)
        if literal is not None:
            return [literal]
        if host == "localhost" or host.endswith(".localhost"):
            return [ipaddress.ip_address("127.0.0.1")]
        if not self.resolve:
            return []
        try:
            found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return []  # not resolvable: the download fails on its own
        return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]

    def _internal_host(self, host):
        if host not in self.internal:
            self.internal[host] = any(_internal(a) for a in self._addresses(host))
        return self.internal[host]

    def check(self, url):
        host = _host(url)
        if urlsplit(url).scheme not in ("http", "https") or not host:
            raise FetchError(f"{url}: not an http(s) address; not downloaded")
        if host not in self.hosts:
            raise FetchError(
                f"{url}: not downloaded, {host} is not the source's host "
                "(allow it with --allow-host)"
            )
        if not self.internal_ok and self._internal_host(host):
            raise FetchError(f"{url}: not downloaded, {host} is an internal address")
