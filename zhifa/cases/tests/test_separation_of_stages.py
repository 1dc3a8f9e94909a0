"""D3.3 as the law reads it (docs/separation-of-stages.md): an agency with one head
completes a case (the head approves filing and decides, 行政处罚法第五十四条、第五十七条);
nobody who investigated decides or executes."""

from datetime import timedelta

import pytest

from zhifa.cases import services
from zhifa.cases.models import Case, Status
from zhifa.cases.tests.builders import D0, decision_pending, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D3.3")
def test_an_agency_with_one_head_takes_a_case_from_clue_to_archive(w):
    case = decision_pending(w)  # w.head approved its filing
    services.decide(actor=w.head, case=case, on=wd(D0, 13), public_summary="某超市销售过期食品被处罚。")
    served = wd(D0, 14)
    services.decision_serve(actor=w.wang, case=case, method="direct", served_to="法定代表人", on=served)
    services.payment_record(
        actor=w.wang,
        case=case,
        paid_on=served + timedelta(days=3),
        amount="3240",
        method="bank",
        bank="中国工商银行重庆解放碑支行",
        receipt_number="F-1",
        on=served + timedelta(days=3),
    )
    services.followup_record(
        actor=w.wang,
        case=case,
        method="visit",
        findings="已下架。",
        problems="",
        response="",
        on=served + timedelta(days=20),
    )
    services.close(actor=w.head, case=case, on=served + timedelta(days=20))
    services.archive(actor=w.wang, case=case, on=served + timedelta(days=21))
    assert Case.objects.get(pk=case.pk).status == Status.ARCHIVED
    assert not case.participations.filter(user=w.head2).exists()  # the second head never acted


@pytest.mark.clause("D3.3")
def test_an_investigator_does_not_execute(w):
    case = decision_pending(w)
    services.decide(actor=w.head, case=case, on=wd(D0, 13), public_summary="某超市销售过期食品被处罚。")
    services.decision_serve(actor=w.wang, case=case, method="direct", served_to="法定代表人", on=wd(D0, 14))
    # li was assigned and named on the inspection record zhang entered: li investigated.
    with pytest.raises(DomainError) as e:
        services.payment_record(
            actor=w.li,
            case=case,
            paid_on=wd(D0, 15),
            amount="3240",
            method="bank",
            bank="工商银行",
            receipt_number="NO-1",
            on=wd(D0, 15),
        )
    assert_refused(e, "D3.3", code="stages_separated", field="actor")
