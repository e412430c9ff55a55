"""Which hosts ingest may fetch from: by default none on a private network (server-side request
forgery through a hostile feed link or redirect).

A feed's item links and any page's redirects are chosen by strangers. Without this check they
could point factiongraph at the analyst's own machine, the local network or a cloud metadata
service (``http://169.254.169.254/``) and store the answers as documents. Every address a host
name resolves to must be a public (globally routable) one, unless the setting
``allow_private_urls`` says otherwise (a collection mirrored on the local network, or tests
against a loopback server). The name is resolved again when the connection is made, so a DNS
server that answers differently the second time is not stopped; see docs/security.md.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def describe_address(ip: IPAddress) -> str | None:
    """Return what kind of non-public address ``ip`` is (``loopback``, ``private``...), or None."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                       ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


def refuse_url(url: str) -> str | None:
    """Return why ``url`` may not be fetched (its host resolves to a non-public address), or None.

    A host that does not resolve is left to the fetch, which reports it as unreachable.
    """
    host = urlsplit(url).hostname
    if not host:
        return None
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        kind = describe_address(ip)
        if kind is not None:
            return (f"refused: {host} is {ip}, a {kind} address (set allow_private_urls to fetch from "
                    "private networks)")
    return None
