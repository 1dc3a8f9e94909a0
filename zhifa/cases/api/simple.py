"""The simple (on-the-spot) procedure (services/simple.py)."""

from __future__ import annotations

from datetime import date

from ninja import Status
from pydantic import Field

from zhifa.cases import services
from zhifa.cases.api import references as ref
from zhifa.cases.api.routing import ACT_ERRORS, detail_of, router
from zhifa.cases.api.schemas import CaseDetail, DatedIn, TermsIn
from zhifa.cases.inputs import named_as_input


class SimpleIn(DatedIn):
    party_id: int = Field(..., description="当事人编号")
    violation_item_id: int = Field(..., description="违法行为事项编号")
    place_id: int | None = Field(None, description="发生地（区县人民政府编号）")
    place_detail: str = Field("", description="具体地点")
    act_date: date = Field(..., description="违法行为发生日期")
    facts: str = Field(..., description="违法事实")
    terms: TermsIn = Field(..., description="当场作出的处罚：警告或者罚款（公民二百元、组织三千元以下）")
    basis_article_ids: list[int] = Field(..., description="处罚依据条文编号")
    certificates_shown: bool = Field(..., description="已向当事人出示执法证件（D3.8）")
    collect_on_spot: bool = Field(False, description="当场收缴罚款（仅限法定情形）")
    ticket_number: str = Field("", description="财政部门统一制发的专用票据号（当场收缴的须填）")
    hard_to_collect_later: bool = Field(False, description="不当场收缴事后难以执行")
    remote_area: bool = Field(False, description="边远、水上、交通不便地区，当事人提出当场缴纳")


@router.post(
    "simple",
    response={201: CaseDetail, **ACT_ERRORS},
    summary="当场作出行政处罚决定（简易程序，行政处罚法第五十一条）",
)
def simple_penalty(request, payload: SimpleIn):
    d = payload.dict()
    with named_as_input(
        basis_articles="basis_article_ids",
        basis_article="basis_article_ids",
        party="party_id",
        violation_item="violation_item_id",
        place="place_id",
    ):
        case = services.simple_penalty(
            actor=request.auth,
            party=ref.party(request, d.pop("party_id")),
            violation_item=ref.violation_item(d.pop("violation_item_id")),
            place=ref.place(d.pop("place_id")),
            basis_articles=ref.articles(d.pop("basis_article_ids")),
            **d,
        )
    return Status(201, detail_of(request, case))
