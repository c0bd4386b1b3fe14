"""Which address is the client: ``X-Forwarded-For`` is believed only from trusted proxies.

The TCP peer (``REMOTE_ADDR``) is a fact; an ``X-Forwarded-For`` header is a claim anyone can
send. The header is read only when the peer is one of the configured proxies
(``FAZHI_TRUSTED_PROXIES``), and then from the right: each proxy appends the address it received
the request from, so the rightmost entry that is not itself a trusted proxy is the client. Every
entry must parse as an IP address; an unparsable one ends the walk (everything to its left was
written by the client and is not believed).

>>> trusted = parse_networks(["127.0.0.1/32", "10.0.0.0/8"])
>>> resolve_client("203.0.113.9", "1.2.3.4", trusted)  # not from a proxy: header ignored
'203.0.113.9'
>>> resolve_client("127.0.0.1", "1.2.3.4, 198.51.100.7", trusted)  # the proxy saw 198.51.100.7
'198.51.100.7'
>>> resolve_client("127.0.0.1", "198.51.100.7, 10.1.2.3", trusted)  # two proxies in a row
'198.51.100.7'
>>> resolve_client("127.0.0.1", "not-an-ip", trusted)  # garbage: the proxy is the last known
'127.0.0.1'
>>> resolve_client("garbage", "", trusted) is None
True
>>> resolve_client("::ffff:198.51.100.7", "", trusted)
'198.51.100.7'
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(cidrs: Iterable[str]) -> tuple[Network, ...]:
    """``["10.0.0.0/8", "127.0.0.1"]`` → networks; a bad entry is a configuration error."""
    return tuple(ipaddress.ip_network(c.strip(), strict=False) for c in cidrs if c.strip())


def parse_ip(value: str | None) -> str | None:
    """The canonical text of an IP address, or None. IPv4-mapped IPv6 becomes IPv4; a port or
    brackets (``[::1]:443``, ``1.2.3.4:80``) are taken off."""
    text = (value or "").strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def _trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip.version == net.version and ip in net for net in trusted)


def resolve_client(
    remote_addr: str | None, forwarded_for: str | None, trusted: tuple[Network, ...]
) -> str | None:
    client = parse_ip(remote_addr)
    if client is None or not forwarded_for or not _trusted(client, trusted):
        return client
    for hop in reversed(forwarded_for.split(",")):
        address = parse_ip(hop)
        if address is None:
            break
        client = address
        if not _trusted(address, trusted):
            break
    return client
