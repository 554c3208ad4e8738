"""The address a request comes from, trusting forwarded headers only from configured proxies."""

from __future__ import annotations

import ipaddress

from fastapi import Request

from scr.config import get_settings

MAX_HOPS = 20
"""A forwarded chain is read no further back than this many addresses."""

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _ip(text: str) -> Address | None:
    text = text.strip()
    if len(text) > 45 or "%" in text:  # no address is longer; no scoped (zone) addresses
        return None
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_address(request: Request) -> str:
    """The peer's address; when the peer is a proxy in ``SCR_FORWARDED_ALLOW_IPS``, the last
    address in ``X-Forwarded-For`` that is not such a proxy.

    Read right to left, since only the hops the proxies appended can be believed: anything a
    client writes into the header itself sits to the left of them. Text that is not an address
    ends the walk, so the answer is always an address (or the peer's name), never the text a
    client sent.
    """
    peer = request.client.host if request.client else "unknown"
    proxies = get_settings().forwarded_proxies
    ip = _ip(peer)
    if ip is None or not any(ip in network for network in proxies):
        return peer[:100]
    chain = ",".join(request.headers.getlist("x-forwarded-for")).split(",")
    address = ip
    for hop in reversed(chain[-MAX_HOPS:]):
        found = _ip(hop)
        if found is None:
            break
        address = found
        if not any(found in network for network in proxies):
            break
    return str(address)
