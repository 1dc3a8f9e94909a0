"""The discretion standards' versions as the engine reads them: parsed once per digest (a
stored version never changes), the database's or else the bundled files. Read-side: views,
the API and the services all read them here."""

from __future__ import annotations

from zhifa.discretion import engine
from zhifa.discretion.models import StandardVersion

_PARSED: dict[str, engine.Version] = {}


def parsed(content: dict, digest: str) -> engine.Version:
    """The engine's parse of a stored version's content (a version never changes: cached by digest)."""
    v = _PARSED.get(digest)
    if v is None:
        v = _PARSED[digest] = engine.parse_version(content, origin=digest[:12])
    return v


def active_versions() -> list[engine.Version]:
    """The standard versions the engine computes over: the database's, else the bundled files."""
    rows = list(StandardVersion.objects.values_list("digest", flat=True))
    if not rows:
        return bundled_versions()
    missing = [d for d in rows if d not in _PARSED]
    if missing:
        for content, digest in StandardVersion.objects.filter(digest__in=missing).values_list("content", "digest"):
            parsed(content, digest)
    return [_PARSED[d] for d in rows]


_BUNDLED: list[engine.Version] = []


def bundled_versions() -> list[engine.Version]:
    if not _BUNDLED:
        _BUNDLED.extend(engine.load_files(engine.bundled_paths()))
    return list(_BUNDLED)
