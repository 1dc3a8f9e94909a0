"""The one router the cooperation operations are declared on, the refusals they document,
and the one shape of a list (``{count, items}``, a page of it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ninja import Field, Router, Schema

from zhifa.core.api_schemas import errors

router = Router(tags=["执法协作"])

#: An act: bad input, not logged in, a role that may not act, a record outside the
#: caller's scope, a conflict (already done), a rule broken.
ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)
READ_ERRORS = errors(401, 404)
LIST_ERRORS = errors(400, 401)


class Page(Schema):
    limit: int = Field(50, ge=1, le=200, description="每页条数")
    offset: int = Field(0, ge=0, description="跳过的条数")


def paged(rows, page: Page, present: Callable) -> dict:
    """One page of a queryset (or list) as ``{count, items}``, each row shown by ``present``."""
    items = rows[page.offset : page.offset + page.limit]
    count = len(rows) if isinstance(rows, Sequence) else rows.count()
    return {"count": count, "items": [present(r) for r in items]}
