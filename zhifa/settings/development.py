"""A developer's machine or a demo: the embedded SQLite database under var/, secrets
generated once under var/. DEBUG only when `make run` sets ZHIFA_DEBUG=1."""

import os

from .base import *  # noqa: F403

# As in production: an act's audit event is sequenced right after it commits (base.py).
AUDIT_SEQUENCING = os.environ.get("ZHIFA_AUDIT_SEQUENCING", "deferred")
