"""A developer's machine or a demo: the embedded SQLite database under var/, secrets
generated once under var/. DEBUG only when `make run` sets ZHIFA_DEBUG=1."""

from .base import *  # noqa: F403
