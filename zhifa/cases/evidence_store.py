"""Evidence content addressed by its SHA-256 under ``settings.EVIDENCE_ROOT``.

A file is written once at ``ab/cd/<sha256>`` and made read-only; storing the same
content again finds it already there and leaves it alone; nothing here overwrites or
deletes. Files are written before the act's transaction commits: a refused act leaves at
most an unreferenced file, never a record without its content.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings

CHUNK = 1 << 16


def root() -> Path:
    return Path(settings.EVIDENCE_ROOT)


def path_of(sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a SHA-256 hex digest")
    return root() / sha256[:2] / sha256[2:4] / sha256


def store(fileobj) -> tuple[str, int]:
    """Store the content of ``fileobj``; return (sha256, size)."""
    base = root()
    (base / "tmp").mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, tmp = tempfile.mkstemp(dir=base / "tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            chunks = fileobj.chunks(CHUNK) if hasattr(fileobj, "chunks") else iter(lambda: fileobj.read(CHUNK), b"")
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        final = path_of(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(tmp, final)  # fails if the content is already stored: never overwrite
            os.chmod(final, 0o444)
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)
    return sha, size


def verify(sha256: str) -> bool:
    """Whether the stored content still has the digest it is filed under."""
    path = path_of(sha256)
    if not path.exists():
        return False
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest() == sha256


def open_content(sha256: str):
    return open(path_of(sha256), "rb")
