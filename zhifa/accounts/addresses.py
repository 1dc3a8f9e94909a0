"""Which address a request comes from, for the login lockout (django-axes).

Behind nginx every connection comes from nginx, so the lockout needs the client's own
address from ``X-Forwarded-For``. That header is whatever the client sent, with each proxy
appending the address it saw; so it is read only when the connection itself comes from a
proxy we trust (``ZHIFA_TRUSTED_PROXIES``, default none), and from the right: the first
address that is not one of our proxies is the client. Everything to its left was written
by the client and is ignored.

django-axes' ipware route (``AXES_IPWARE_*``) is not used: python-ipware matches trusted
proxies inside the header and never checks who actually connected, so a client that
reaches the application directly could name any address and dodge its lockout.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(e.strip(), strict=False) for e in entries if e.strip())


def _address(text: str):
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def is_trusted_proxy(address) -> bool:
    networks = _networks(tuple(getattr(settings, "ZHIFA_TRUSTED_PROXIES", ())))
    return address is not None and any(address in n for n in networks)


def client_address(request) -> str | None:
    """The client's address: the connection's, or through trusted proxies the one they saw."""
    remote = request.META.get("REMOTE_ADDR")
    hop = _address(remote or "")
    if not is_trusted_proxy(hop):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed([e for e in forwarded.split(",") if e.strip()]):
        address = _address(entry)
        if address is None:
            break  # written by someone we do not trust: the last proxy's view stands
        hop = address
        if not is_trusted_proxy(address):
            break
    return str(hop)
