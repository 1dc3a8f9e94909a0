"""The one router the cooperation operations are declared on, and the refusals they document."""

from __future__ import annotations

from ninja import Router

from zhifa.core.api_schemas import errors

router = Router(tags=["执法协作"])

#: An act: bad input, not logged in, a role that may not act, a record outside the
#: caller's scope, a conflict (already done), a rule broken.
ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)
READ_ERRORS = errors(401, 404)
LIST_ERRORS = errors(400, 401)
