"""The case pages: workbenches, list, case page, act forms with refusals at the field."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zhifa.cases import forms, selectors, services
from zhifa.cases.models import Case, Status
from zhifa.cases.tests.builders import D0, clue, executing, filed, notified, propose, reported, wd
from zhifa.cases.transitions import TRANSITIONS

pytestmark = pytest.mark.django_db


def html(res, status=200):
    assert res.status_code == status, f"{res.status_code}: {res.content.decode()[:1500]}"
    return res.content.decode()


def test_the_home_page_after_login_is_the_workbench(client, w):
    client.force_login(w.zhang)
    res = client.get("/workbench/")
    assert res.status_code == 302 and res["Location"] == "/cases/workbench/"


@pytest.mark.clause("D1.4")
def test_the_workbench_shows_overdue_cases_red_and_nearly_due_ones_yellow(client, w):
    overdue = filed(w)  # its 90-day limit ran out in June 2026
    board = selectors.workbench(w.zhang, today=overdue.decision_due_on + timedelta(days=1))
    assert [r.level for r in board["rows"]] == ["red"] and board["counts"]["red"] == 1
    board = selectors.workbench(w.zhang, today=overdue.decision_due_on - timedelta(days=2))
    assert board["rows"][0].level == "yellow"
    board = selectors.workbench(w.zhang, today=overdue.filed_on + timedelta(days=10))
    assert board["rows"][0].level == "green"
    client.force_login(w.zhang)
    page = html(client.get("/cases/workbench/"))
    assert overdue.filing_number in page and "已逾期" in page


@pytest.mark.clause("D1.4")
def test_the_filing_deadline_is_fifteen_working_days(w):
    case = clue(w)
    d = selectors.deadline_of(case, D0)
    assert d.label == "决定是否立案" and d.due == wd(D0, 15) == D0 + timedelta(days=21)


def test_the_head_sees_approvals_and_the_reviewer_the_review_queue(client, w):
    pending = propose(w, clue(w))
    client.force_login(w.head)
    page = html(client.get("/cases/workbench/"))
    assert 'id="approvals"' in page and f"线索{pending.pk}" in page
    assert f"线索{pending.pk}" in html(client.get("/cases/approvals/"))
    review = notified(w, major_public_interest=True)
    services.decision_submit(actor=w.zhang, case=review, on=wd(D0, 12))
    client.force_login(w.reviewer)
    assert review.filing_number in html(client.get("/cases/reviews/"))
    client.force_login(w.zhang)
    assert client.get("/cases/reviews/").status_code == 403


def test_the_legal_affairs_office_sees_its_agencies_cases_but_no_others(client, w):
    case = filed(w)
    client.force_login(w.legal_office)
    assert case.filing_number in html(client.get("/cases/"))
    html(client.get(f"/cases/{case.pk}/"))
    client.force_login(w.other_officer)
    assert client.get(f"/cases/{case.pk}/").status_code == 404
    assert case.filing_number not in html(client.get("/cases/"))


def test_the_list_filters_searches_and_paginates(client, w):
    for _ in range(22):
        clue(w)
    filed(w, party=w.person)
    client.force_login(w.zhang)
    page = html(client.get("/cases/"))
    assert "共 23 条" in page and "下一页" in page
    assert "共 1 条" in html(client.get(f"/cases/?q={w.person.name}"))
    assert "共 1 条" in html(client.get("/cases/?q=渝中市监立"))
    assert "共 1 条" in html(client.get("/cases/?status=investigating"))
    assert "共 23 条" in html(client.get("/cases/?q=保质期"))


def test_the_case_page_shows_the_record_the_evidence_hash_and_the_timeline(client, w):
    case = reported(w)
    client.force_login(w.li)
    page = html(client.get(f"/cases/{case.pk}/"))
    assert case.evidence.get().sha256 in page
    assert "提交调查终结报告" in page and "批准立案" in page  # the timeline
    assert 'data-act="notice_issue"' in page  # the acts the officer may attempt


def test_a_refused_act_is_shown_at_its_field_and_nothing_is_saved(client, w):
    case = filed(w)
    client.force_login(w.zhang)
    url = f"/cases/{case.pk}/acts/inspection_record/"
    html(client.get(url))
    res = client.post(
        url,
        {
            "kind": "inspection",
            "place": "某超市",
            "subject": "店长",
            "officers": [w.zhang_officer.pk],
            "certificates_shown": "on",
            "record": "检查……",
            "signed_by_subject": "on",
            "on": wd(D0, 2).isoformat(),
        },
    )
    page = html(res, 422)
    assert 'id="field-officers"' in page and "不得少于两人" in page and "D3.8" in page
    assert not case.inspections.exists()
    res = client.post(
        url,
        {
            "kind": "inspection",
            "place": "某超市",
            "subject": "店长",
            "officers": [w.zhang_officer.pk, w.li_officer.pk],
            "certificates_shown": "on",
            "record": "检查……",
            "signed_by_subject": "on",
            "on": wd(D0, 2).isoformat(),
        },
    )
    assert res.status_code == 302 and case.inspections.count() == 1


def test_filing_outside_the_powers_names_the_competent_agency_on_the_page(client, w):
    case = clue(w, item=False)
    client.force_login(w.zhang)
    res = client.post(
        f"/cases/{case.pk}/acts/filing_propose/",
        {
            "party": w.org.pk,
            "violation_item": w.other_item.pk,
            "place": w.district.pk,
            "act_date": D0.isoformat(),
            "investigators": [w.zhang_officer.pk, w.li_officer.pk],
            "lead_officer": w.zhang_officer.pk,
            "reason": "……",
            "on": D0.isoformat(),
        },
    )
    page = html(res, 422)
    assert 'id="field-violation_item"' in page and w.other_agency.name in page and "D3.1a" in page


def test_an_act_the_case_is_not_ready_for_is_a_conflict_page(client, w):
    case = filed(w)
    client.force_login(w.head2)
    res = client.get(f"/cases/{case.pk}/acts/decide/")
    assert res.status_code == 409 and "调查取证" in res.content.decode()
    client.force_login(w.zhang)
    assert client.get(f"/cases/{case.pk}/acts/filing_approve/").status_code == 403


def test_a_stale_page_gets_a_conflict_message(client, w):
    case = propose(w, clue(w))
    client.force_login(w.head)
    res = client.post(
        f"/cases/{case.pk}/acts/filing_approve/", {"on": wd(D0, 1).isoformat(), "expected_version": case.version - 1}
    )
    page = html(res, 409)
    assert "刷新" in page and Case.objects.get(pk=case.pk).status == Status.FILING_PENDING


def test_evidence_is_uploaded_on_its_page_and_downloaded_after_its_hash_is_checked(client, w):
    case = filed(w)
    client.force_login(w.zhang)
    res = client.post(
        f"/cases/{case.pk}/acts/evidence_add/",
        {
            "kind": "documentary",
            "title": "进货单",
            "source": "当事人提供",
            "collected_on": wd(D0, 2).isoformat(),
            "on": wd(D0, 2).isoformat(),
            "content": SimpleUploadedFile("invoice.pdf", b"%PDF-1.4 invoice", "application/pdf"),
        },
    )
    assert res.status_code == 302, res.content.decode()[:1000]
    ev = case.evidence.get()
    res = client.get(f"/cases/evidence/{ev.pk}/content/")
    assert res.status_code == 200 and b"".join(res.streaming_content) == b"%PDF-1.4 invoice"
    client.force_login(w.other_officer)
    assert client.get(f"/cases/evidence/{ev.pk}/content/").status_code == 404


def test_the_simple_procedure_page(client, w):
    client.force_login(w.zhang)
    res = client.post(
        "/cases/simple/",
        {
            "party": w.person.pk,
            "violation_item": w.item.pk,
            "place": w.district.pk,
            "act_date": D0.isoformat(),
            "facts": "当场发现未明码标价。",
            "basis_articles": [w.article.pk],
            "certificates_shown": "on",
            "fine": "500",
            "on": D0.isoformat(),
        },
    )
    page = html(res, 422)
    assert 'id="field-fine"' in page and "200" in page
    res = client.post(
        "/cases/simple/",
        {
            "party": w.person.pk,
            "violation_item": w.item.pk,
            "place": w.district.pk,
            "act_date": D0.isoformat(),
            "facts": "当场发现未明码标价。",
            "basis_articles": [w.article.pk],
            "certificates_shown": "on",
            "warning": "on",
            "on": D0.isoformat(),
        },
    )
    assert res.status_code == 302
    assert Case.objects.get(procedure="simple").decision.warning


def test_relatives_are_shown_to_staff_marked_never_published(client, w):
    case = filed(w, party=w.person)
    services.relative_record(
        actor=w.zhang, case=case, name="甲某之女", relation="女儿", age_group="minor", on=wd(D0, 2)
    )
    client.force_login(w.li)
    page = html(client.get(f"/cases/{case.pk}/"))
    assert "甲某之女" in page and "不公开" in page


def test_the_payment_form_records_a_bank_receipt(client, w):
    case = executing(w)
    client.force_login(w.wang)
    res = client.post(
        f"/cases/{case.pk}/acts/payment_record/",
        {
            "paid_on": wd(D0, 16).isoformat(),
            "amount": "3240",
            "method": "bank",
            "bank": "工商银行",
            "receipt_number": "",
            "on": wd(D0, 16).isoformat(),
        },
    )
    assert res.status_code == 400  # the receipt number is required
    res = client.post(
        f"/cases/{case.pk}/acts/payment_record/",
        {
            "paid_on": wd(D0, 16).isoformat(),
            "amount": "3240",
            "method": "bank",
            "bank": "工商银行",
            "receipt_number": "B-1",
            "on": wd(D0, 16).isoformat(),
        },
    )
    assert res.status_code == 302 and Case.objects.get(pk=case.pk).status == Status.EXECUTED


def test_every_act_has_a_form_and_every_form_an_act(w):
    creating = {"clue_register", "simple_penalty"}
    assert set(forms.FORMS) == set(TRANSITIONS) - creating


def test_the_executing_officer_keeps_the_case_on_the_workbench_the_investigators_too(w):
    case = executing(w)
    services.payment_record(
        actor=w.wang,
        case=case,
        paid_on=wd(D0, 15),
        amount="1000",
        method="bank",
        bank="工商银行",
        receipt_number="P-1",
        on=wd(D0, 15),
    )
    assert case.pk in [r.case.pk for r in selectors.workbench(w.wang, today=wd(D0, 16))["rows"]]
    assert case.pk in [r.case.pk for r in selectors.workbench(w.zhang, today=wd(D0, 16))["rows"]]
    # An officer of the agency who had no part in it is offered it for execution; the head who decided is not an officer.
    assert case.pk in [r.case.pk for r in selectors.workbench(w.zhao, today=wd(D0, 16))["rows"]]
