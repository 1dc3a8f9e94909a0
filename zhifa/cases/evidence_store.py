"""Evidence content addressed by its SHA-256 under ``settings.EVIDENCE_ROOT``.

A file is written once at ``ab/cd/<sha256>`` and made read-only; storing the same
content again finds it already there and leaves it alone; nothing here overwrites.

An upload is first *staged* (written to ``tmp/`` while its digest is computed); the act
moves it into place (:func:`commit`) only after its records validate, and a refused act
discards it (:func:`staged`): a refused upload leaves no file in the store. What a crash
between the two could leave (a staged file, or a file no evidence row names) is removed
by ``zhifa evidence_sweep``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

CHUNK = 1 << 16


def root() -> Path:
    return Path(settings.EVIDENCE_ROOT)


def path_of(sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a SHA-256 hex digest")
    return root() / sha256[:2] / sha256[2:4] / sha256


@dataclass
class Staged:
    """An upload written to ``tmp/`` with its digest, not yet in the store."""

    sha256: str
    size: int
    tmp: Path
    created: bool = False  # commit() put the content in the store (it was not there before)


def stage(fileobj) -> Staged:
    """Write the content of ``fileobj`` to ``tmp/`` and compute its SHA-256."""
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
    except BaseException:
        os.unlink(tmp)
        raise
    return Staged(digest.hexdigest(), size, Path(tmp))


def commit(staged_file: Staged) -> None:
    """Move a staged upload into the store (never overwriting content already there)."""
    final = path_of(staged_file.sha256)
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(staged_file.tmp, final)  # fails if the content is already stored: never overwrite
        os.chmod(final, 0o444)
        staged_file.created = True
    except FileExistsError:
        pass
    finally:
        staged_file.tmp.unlink(missing_ok=True)


def discard(staged_file: Staged) -> None:
    """Undo a staged upload: the staged file, and the stored one if this upload created it."""
    staged_file.tmp.unlink(missing_ok=True)
    if staged_file.created:
        path_of(staged_file.sha256).unlink(missing_ok=True)
        staged_file.created = False


@contextmanager
def staged(fileobj) -> Iterator[Staged]:
    """Stage ``fileobj`` for an act: discarded if the act raises (a refusal, a failed write)."""
    upload = stage(fileobj)
    try:
        yield upload
    except BaseException:
        discard(upload)
        raise
    upload.tmp.unlink(missing_ok=True)  # the act did not commit it: nothing to keep


def store(fileobj) -> tuple[str, int]:
    """Store the content of ``fileobj`` at once; return (sha256, size)."""
    upload = stage(fileobj)
    commit(upload)
    return upload.sha256, upload.size


def stored_digests() -> Iterator[tuple[str, Path]]:
    """Every stored file, with the digest it is filed under."""
    base = root()
    for path in base.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*"):
        if path.is_file():
            yield path.name, path


def sweep(referenced: Iterable[str], *, older_than_seconds: int = 3600) -> list[Path]:
    """Remove staged files and stored files no evidence row names, older than the grace
    period (an act in progress may be between writing its file and committing its row)."""
    keep, cutoff, removed = set(referenced), time.time() - older_than_seconds, []
    candidates = list((root() / "tmp").glob("*")) if (root() / "tmp").exists() else []
    candidates += [path for sha, path in stored_digests() if sha not in keep]
    for path in candidates:
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink()
            removed.append(path)
    return removed


def digest_of(sha256: str) -> str | None:
    """The actual SHA-256 of the file stored under ``sha256`` (None when there is none)."""
    path = path_of(sha256)
    if not path.exists():
        return None
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify(sha256: str) -> bool:
    """Whether the stored content still has the digest it is filed under."""
    return digest_of(sha256) == sha256


def open_content(sha256: str):
    return open(path_of(sha256), "rb")
