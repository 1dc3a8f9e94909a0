"""Default settings: the embedded SQLite database under var/, for a developer or a demo."""

from .base import *  # noqa: F403
