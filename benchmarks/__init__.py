"""Benchmarks that print numbers: ``python -m benchmarks`` (or ``make bench``) runs the
``main()`` of every module in this package; ``python -m benchmarks audit`` runs one.

They measure; they assert nothing and are not tests. Each builds its own throwaway
database (SQLite in memory, or a ``*_bench`` database beside ``DATABASE_URL``'s).
"""

from __future__ import annotations

import contextlib
import os


@contextlib.contextmanager
def throwaway_database():
    """Django set up on a fresh, migrated database that is dropped afterwards: SQLite in
    memory by default, or with ``DATABASE_URL`` a PostgreSQL database named after it
    with ``_bench`` appended (so a benchmark never touches real data or the tests')."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhifa.settings.test")
    import django
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    django.setup()
    db = settings.DATABASES["default"]
    if "sqlite" not in db["ENGINE"]:
        db.setdefault("TEST", {})["NAME"] = f"{db['NAME']}_bench"
    old = setup_databases(verbosity=0, interactive=False)
    try:
        yield
    finally:
        teardown_databases(old, verbosity=0)
