"""Which agency is competent, explained (D3.1a, D3.4)."""

# No `from __future__ import annotations`: query schemas are resolved from the annotations.

from datetime import date

from ninja import Field, Query, Schema

from zhifa.cases import selectors as case_selectors
from zhifa.cases.api import references as ref
from zhifa.cooperation import competence, presenters
from zhifa.cooperation.api.routing import router
from zhifa.cooperation.api.schemas import CompetenceOut
from zhifa.core import clock
from zhifa.core.api_schemas import errors


class CompetenceQuery(Schema):
    violation_item_id: int | None = Field(None, description="违法行为编号（不填时没有建议）")
    place_id: int | None = Field(None, description="违法行为发生地（区县）编号")
    on: date | None = Field(None, description="核对职权的日期，默认今天")


@router.get("competence", response={200: CompetenceOut, **errors(400, 401)}, summary="建议有管辖权的机关")
def competence_propose(request, query: Query[CompetenceQuery]):
    item = ref.violation_item(query.violation_item_id)
    place = ref.place(query.place_id)
    return presenters.proposal(competence.propose(item, place, query.on or clock.today()))


@router.get(
    "competence/cases/{int:pk}", response={200: CompetenceOut, **errors(401, 404)}, summary="本案有管辖权的机关"
)
def competence_for_case(request, pk: int):
    case = case_selectors.case_get(request.auth, pk)
    proposal = competence.propose(case.violation_item, case.place, clock.today())
    return presenters.proposal(proposal, agency=case.agency)
