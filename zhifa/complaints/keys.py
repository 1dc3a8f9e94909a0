"""Open311 API keys: made once, shown once, stored only as their SHA-256."""

from __future__ import annotations

import hashlib
import secrets

PREFIX = "zk_"


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(24)


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
