"""Which agency is competent for a violation at a place on a date, and why (D3.1a, D3.4;
行政处罚法第二十二条、第二十三条).

A fact module: it reads the powers catalogue (``zhifa.org.competence``) and explains each
candidate: the power (catalogue item) that covers the violation, the articles that set it
(the power's basis and the violation's penalty articles), and the territory (the place
lies in the agency's government's area). The nearest level comes first: a district
agency before a city one, since 行政处罚法第二十三条 gives cases to the county-level
agencies unless the law says otherwise; a delegated power is named as delegated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zhifa.law.models import ViolationItem
from zhifa.org import competence as catalogue
from zhifa.org.models import Agency, Government

LEVEL_TEXT = {
    Government.Level.DISTRICT: "区县级",
    Government.Level.COUNTY: "区县级",
    Government.Level.CITY: "市级",
}


@dataclass(frozen=True)
class Candidate:
    """One competent agency and the reasons it is competent."""

    agency: Agency
    power: str  # the catalogue item, "编码 名称"
    power_id: int
    held_as: str  # 本机关法定职权 / 授权（文号） / 委托（文号）
    articles: tuple[str, ...]  # the articles that set the power and penalise the violation
    territory: str
    level: str

    def explanation(self) -> str:
        basis = "、".join(self.articles) or "职权目录未载明设定依据"
        return (
            f"{self.agency.name}：{self.held_as}，执法事项“{self.power}”覆盖该违法行为；"
            f"依据{basis}；{self.territory}；{self.level}机关。"
        )


@dataclass(frozen=True)
class Proposal:
    """The competent agencies for ``item`` at ``place`` on ``on``, the proposed one first."""

    item: ViolationItem | None
    place: Government | None
    on: date
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)

    @property
    def proposed(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def holds(self, agency: Agency | int | None) -> bool:
        pk = getattr(agency, "pk", agency)
        return any(c.agency.pk == pk for c in self.candidates)

    def summary(self) -> str:
        if self.item is None:
            return "尚未确定违法行为，请先确定违法行为，再核对有管辖权的机关。"
        if not self.candidates:
            return "职权目录中没有对该违法行为在该地有管辖权的机关，请报政府法制机构协调（D4.6）。"
        return f"建议由{self.proposed.agency.name}管辖。{self.proposed.explanation()}"


def _territory(agency: Agency, place: Government | None) -> str:
    if place is None:
        return f"未确定违法行为发生地，按{agency.government.name}的管辖区域核对"
    if place.pk == agency.government_id:
        return f"违法行为发生地{place.name}即其管辖区域"
    return f"违法行为发生地{place.name}在其管辖区域{agency.government.name}之内"


def propose(item: ViolationItem | None, place: Government | None, on: date) -> Proposal:
    """Every competent agency, explained; the nearest level first (see the module docstring).
    Without a violation item there is nothing to look up: no candidates."""
    candidates = []
    if item is None:
        return Proposal(item=None, place=place, on=on)
    for agency in catalogue.competent_agencies(item, place, on):
        grant = catalogue.grants_for(agency, item, on)[0]
        power = grant.power
        articles = [str(a) for a in power.basis_articles.select_related("basis")]
        articles += [str(a) for a in item.penalty_articles.select_related("basis") if str(a) not in articles]
        if grant.delegation is None:
            held_as = "本机关法定职权"
        else:
            held_as = f"{grant.delegation.get_kind_display()}（{grant.delegation.document_number or '无文号'}）"
        candidates.append(
            Candidate(
                agency=agency,
                power=f"{power.code} {power.name}",
                power_id=power.pk,
                held_as=held_as,
                articles=tuple(articles),
                territory=_territory(agency, place),
                level=LEVEL_TEXT.get(agency.government.level, "其他"),
            )
        )
    return Proposal(item=item, place=place, on=on, candidates=tuple(candidates))
