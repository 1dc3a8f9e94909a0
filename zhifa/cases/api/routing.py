"""The one router the case operations are declared on, and what every operation does
with the case it names: find it in the caller's scope, and answer with it as it now stands.

Each section module (``api/filing.py`` …) declares its operations on :data:`router`; the
package imports them in the order of the transitions table. Paths name a case by an
integer (``{int:pk}``), so a fixed path such as ``simple`` can never be taken for a case.
"""

from __future__ import annotations

from ninja import Router

from zhifa.cases import presenters, selectors
from zhifa.cases.models import Case
from zhifa.core.api_schemas import errors

router = Router(tags=["案件办理"])

#: The refusals an act on a case can meet: bad input, not logged in, a role that may not
#: act, a case outside the caller's scope, a conflict (state or version), a rule broken.
ACT_ERRORS = errors(400, 401, 403, 404, 409, 422)
#: The refusals a read of one case can meet.
READ_ERRORS = errors(401, 404)


def case_of(request, pk: int) -> Case:
    """The case ``pk`` if the caller may see it (else 404, the same as a missing case)."""
    return selectors.case_get(request.auth, pk)


def detail_of(request, case: Case | int) -> dict:
    """The case as it now stands, read afresh after the act."""
    return presenters.case_detail(selectors.case_get(request.auth, getattr(case, "pk", case)), request.auth)
