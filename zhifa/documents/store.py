"""Issued files addressed by their SHA-256 under ``settings.DOCUMENT_ROOT``: written once
(``ab/cd/<sha256>``, read-only), never overwritten or deleted. A file is written before
the issuing transaction commits: a refused issue leaves at most an unreferenced file."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings


def root() -> Path:
    return Path(settings.DOCUMENT_ROOT)


def path_of(sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a SHA-256 hex digest")
    return root() / sha256[:2] / sha256[2:4] / sha256


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store(data: bytes) -> str:
    sha = sha256_of(data)
    final = path_of(sha)
    if final.exists():
        return sha
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        try:
            os.link(tmp, final)
            os.chmod(final, 0o444)
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
    return sha


def read(sha256: str) -> bytes:
    return path_of(sha256).read_bytes()


def exists(sha256: str) -> bool:
    return path_of(sha256).exists()
