"""Demo supervision records, through oversight's services: the 渝中区 legal affairs office
supervises a late case of the district market regulation bureau (督办) and spot-checks the
bureau's files of this year (a published seed), so the alerts, 督办 and review pages show
something. Called by the demo loader inside its transaction, after the demo cases."""

from __future__ import annotations

from datetime import timedelta

from zhifa.cases.models import Case
from zhifa.oversight import alerts, services
from zhifa.oversight import review as file_review


def load(world) -> None:
    office = world.users.get("yz-sfj")
    agency = world.agencies.get("yz-scj")
    if office is None or agency is None:
        return
    today = world.today
    cases = Case.objects.filter(agency=agency)
    for kind in (k for k in alerts.KINDS if k.group == alerts.LATENESS):
        late = kind.find(cases, today).order_by("pk").first()
        if late is not None:
            services.supervision_issue(
                actor=office,
                agency=agency,
                case=late,
                alert_code=kind.code,
                subject=f"{late.number}：{kind.label}",
                requirement=f"{kind.description}请查明原因，依法办理，并书面答复整改情况。",
                due_on=today + timedelta(days=10),
                on=today,
            )
            break
    if file_review.files_of(agency.pk, today.year).exists():
        services.review_round_open(
            actor=office,
            kind="spot",
            agency=agency,
            year=today.year,
            sample_size=3,
            seed=f"渝中{today.year}抽查",
            on=today,
        )
