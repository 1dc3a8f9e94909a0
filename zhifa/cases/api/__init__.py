"""The case procedure over HTTP: one operation per act, mounted at /api/v1/cases/.

Every act answers with the case as it now stands (:class:`~zhifa.cases.api.schemas.CaseDetail`:
its status, version, deadline, next act, warnings and records); a refusal is the one
error body (:class:`zhifa.core.api_schemas.ErrorBody`) with its 4xx status. Send
``expected_version`` (the case's ``version``) to be told with 409 that someone else acted
first; ``on`` dates the act (default: today). Outside the caller's scope a case is "not
found".

One module per section of :mod:`zhifa.cases.transitions`, named as the services
(``api/<section>.py`` beside ``services/<section>.py``), each declaring its operations on
the one :data:`router` (:mod:`zhifa.cases.api.routing`); ``reads`` holds the reads,
``schemas`` the shapes, ``references`` the records named by id in a body.
"""

from __future__ import annotations

import importlib

from zhifa.cases.api.routing import router
from zhifa.core.errors import not_found

#: The modules declaring operations, in the order of the transitions table (the order the
#: OpenAPI schema lists them in). Importing a module declares its operations on the router.
SECTIONS = ("reads", "filing", "officers", "investigation", "notice", "decision", "execution", "closing", "simple")
for _section in SECTIONS:
    importlib.import_module(f"{__name__}.{_section}")


@router.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "{path:rest}", include_in_schema=False, auth=None)
def no_such_path(request, rest: str):
    """Any other path under /cases/ (a case id that is not a number, a misspelt act): 404 in the error contract."""
    raise not_found("所请求的案件或事项")


# Operation ids name the act alone (``zhifa_cases_api_<operation>``), whichever module declares it,
# so that clients generated from the schema keep their method names when a section moves.
for _view in router.path_operations.values():
    for _operation in _view.operations:
        _operation.operation_id = _operation.operation_id or f"zhifa_cases_api_{_operation.view_func.__name__}"

__all__ = ["SECTIONS", "router"]
