"""The cooperation API: one router, one module per capability (the services' names)."""

from zhifa.cooperation.api import (  # noqa: F401 (they declare the operations)
    competence,
    disputes,
    information,
    inspections,
    packages,
    requests,
    tasks,
    transfers,
)
from zhifa.cooperation.api.routing import router

__all__ = ["router"]
