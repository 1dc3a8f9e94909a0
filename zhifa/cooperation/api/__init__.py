"""The cooperation API: one router, one module per capability (the services' names)."""

from zhifa.cooperation.api import competence, disputes, information, requests, transfers  # noqa: F401 (they declare the operations)
from zhifa.cooperation.api.routing import router

__all__ = ["router"]
