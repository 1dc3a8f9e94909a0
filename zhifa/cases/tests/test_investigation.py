"""Investigation: two certified officers (D3.8, D3.1b), assigned investigators (D3.3),
recusal (D3.7), evidence by SHA-256 with its custody, relatives (D5.6)."""

import hashlib
import os
from datetime import date, timedelta

import pytest

from zhifa.cases import evidence_store, services
from zhifa.cases.models import CaseOfficer, Evidence, Status
from zhifa.cases.tests.builders import D0, evidence_file, filed, reported, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_refused, make_officer

pytestmark = pytest.mark.django_db


def _inspect(w, case, officers, shown=True, actor=None, on=None):
    return services.inspection_record(
        actor=actor or w.zhang,
        case=case,
        kind="inspection",
        place="某超市",
        subject="店长",
        officers=officers,
        certificates_shown=shown,
        record="检查情况……",
        on=on or wd(D0, 2),
    )


@pytest.mark.clause("D3.8")
def test_an_inspection_with_one_officer_is_refused(w):
    case = filed(w)
    with pytest.raises(DomainError) as e:
        _inspect(w, case, [w.zhang_officer])
    assert_refused(e, "D3.8", code="two_certified_officers", field="officers")
    assert not case.inspections.exists()


@pytest.mark.clause("D3.8")
def test_an_inspection_must_record_that_certificates_were_shown(w):
    with pytest.raises(DomainError) as e:
        _inspect(w, filed(w), [w.zhang_officer, w.li_officer], shown=False)
    assert_refused(e, "D3.8", code="two_certified_officers", field="certificates_shown")


@pytest.mark.clause("D3.8")
def test_an_inspection_record_names_both_officers(w):
    inspection = _inspect(w, filed(w), [w.zhang_officer, w.li_officer])
    assert set(inspection.officers.all()) == {w.zhang_officer, w.li_officer} and inspection.certificates_shown


@pytest.mark.clause("D3.1b")
def test_an_officer_whose_certificate_expired_last_month_cannot_inspect(w):
    case = filed(w)
    expiring = make_officer(w.agency, name="将过期", expires_on=wd(D0, 3))
    services.officer_assign(actor=w.head, case=case, officer=expiring, on=wd(D0, 2))
    with pytest.raises(DomainError) as e:
        _inspect(w, case, [w.zhang_officer, expiring], on=wd(D0, 3) + timedelta(days=30))
    assert_refused(e, "D3.1b", code="officer_certified")


@pytest.mark.clause("D3.1b")
def test_a_revoked_certificate_refuses_the_officers_own_acts(w):
    case = filed(w)
    cert = w.li_officer.certificates.get()
    cert.revoked_on, cert.revocation_reason = wd(D0, 1), "违法执法"
    cert.save()
    with pytest.raises(DomainError) as e:
        _inspect(w, case, [w.zhang_officer, w.li_officer], actor=w.li)
    assert_refused(e, "D3.1b", code="officer_certified", field="actor")


@pytest.mark.clause("D3.3")
def test_an_officer_not_assigned_to_the_case_cannot_investigate_it(w):
    case = filed(w)
    with pytest.raises(DomainError) as e:
        _inspect(w, case, [w.zhang_officer, w.wang_officer])
    assert_refused(e, "D3.3", code="assigned_investigator")
    with pytest.raises(DomainError) as e:
        services.evidence_add(
            actor=w.wang,
            case=case,
            kind="documentary",
            title="票据",
            source="当事人提供",
            collected_on=wd(D0, 2),
            content=evidence_file(),
            on=wd(D0, 2),
        )
    assert_refused(e, "D3.3", code="assigned_investigator")


@pytest.mark.clause("D3.3")
def test_the_head_who_approved_filing_cannot_be_assigned_to_investigate(w):
    case = filed(w)
    with pytest.raises(DomainError) as e:
        services.officer_assign(actor=w.head2, case=case, officer=w.head_officer, on=wd(D0, 2))
    assert_refused(e, "D3.3", code="stages_separated")


@pytest.mark.clause("D3.7")
def test_a_party_applies_for_recusal_the_investigation_goes_on_and_the_head_decides(w):
    case = filed(w)
    recusal = services.recusal_apply(
        actor=w.zhang,
        case=case,
        officer=w.li_officer,
        applicant="party",
        grounds="李执法曾在当事人处任职。",
        on=wd(D0, 2),
    )
    # Meanwhile the investigation goes on (PL Art. 43: the decision on recusal does not stop it).
    _inspect(w, case, [w.zhang_officer, w.li_officer], on=wd(D0, 2))
    # A refusal needs reasons.
    with pytest.raises(DomainError) as e:
        services.recusal_decide(actor=w.head, case=case, recusal=recusal, granted=False, reason="", on=wd(D0, 3))
    assert_refused(e, "D3.7", code="recusal_decision_reasoned")
    services.recusal_decide(actor=w.head, case=case, recusal=recusal, granted=True, on=wd(D0, 3))
    assert CaseOfficer.objects.get(case=case, officer=w.li_officer).ended_on == wd(D0, 3)
    # The recused officer takes no further part, and cannot be brought back.
    with pytest.raises(DomainError) as e:
        _inspect(w, case, [w.zhang_officer, w.li_officer], on=wd(D0, 4))
    assert_refused(e, "D3.7", code="recused_officer_excluded")
    with pytest.raises(DomainError) as e:
        services.officer_assign(actor=w.head, case=case, officer=w.li_officer, on=wd(D0, 4))
    assert_refused(e, "D3.7", code="recused_officer_excluded")
    services.officer_assign(actor=w.head, case=case, officer=w.wang_officer, on=wd(D0, 4))
    _inspect(w, case, [w.zhang_officer, w.wang_officer], on=wd(D0, 4))


def test_only_a_head_decides_recusal(w):
    case = filed(w)
    recusal = services.recusal_apply(
        actor=w.li,
        case=case,
        officer=w.li_officer,
        applicant="officer",
        grounds="本人与当事人负责人系同学。",
        on=wd(D0, 2),
    )
    with pytest.raises(DomainError) as e:
        services.recusal_decide(actor=w.zhang, case=case, recusal=recusal, granted=True, on=wd(D0, 3))
    assert e.value.status == 403


def test_evidence_is_stored_by_sha256_never_overwritten_with_its_custody(w, evidence_root):
    case = filed(w)
    content = b"sampling report: 12 boxes past date"
    f = evidence_file()
    f.seek(0)
    f.truncate()
    f.write(content)
    f.seek(0)
    ev = services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="expert_opinion",
        title="抽样检验报告",
        source="检验机构",
        collected_on=wd(D0, 2),
        content=f,
        on=wd(D0, 3),
    )
    sha = hashlib.sha256(content).hexdigest()
    assert ev.sha256 == sha and ev.size == len(content) and ev.number == 1
    path = evidence_store.path_of(sha)
    assert path.read_bytes() == content and str(path).startswith(str(evidence_root))
    assert not os.access(path, os.W_OK) or os.geteuid() == 0  # read-only once stored
    assert evidence_store.verify(sha)
    # The same content again: stored once, the file untouched.
    mtime = path.stat().st_mtime_ns
    f.seek(0)
    ev2 = services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="expert_opinion",
        title="同一报告副本",
        source="检验机构",
        collected_on=wd(D0, 2),
        content=f,
        on=wd(D0, 3),
    )
    assert ev2.sha256 == sha and ev2.number == 2 and path.stat().st_mtime_ns == mtime
    # Never edited, never deleted.
    ev.title = "改名"
    with pytest.raises(RuntimeError):
        ev.save()
    with pytest.raises(RuntimeError):
        ev.delete()
    assert Evidence.objects.get(pk=ev.pk).title == "抽样检验报告"
    # Custody: collected when registered, then each handover recorded.
    services.custody_record(actor=w.zhang, evidence=ev, action="stored", holder="证物室", note="入库", on=wd(D0, 3))
    services.custody_record(actor=w.li, evidence=ev, action="examined", holder="李执法", note="调取核对", on=wd(D0, 4))
    assert [c.action for c in ev.custody.all()] == ["collected", "stored", "examined"]
    with pytest.raises(DomainError) as e:
        services.custody_record(actor=w.zhang, evidence=ev, action="stored", holder="证物室", on=D0 - timedelta(days=1))
    assert e.value.field == "on"


def test_tampered_evidence_content_is_detected(w):
    case = filed(w)
    ev = services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="electronic",
        title="聊天记录",
        source="当事人提供",
        collected_on=wd(D0, 2),
        content=evidence_file("original"),
        on=wd(D0, 2),
    )
    path = evidence_store.path_of(ev.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(b"changed")
    assert not evidence_store.verify(ev.sha256)


@pytest.mark.clause("D5.6")
def test_relatives_are_recorded_apart_from_the_party(w):
    case = filed(w, party=w.person)
    with pytest.raises(DomainError) as e:
        services.relative_record(
            actor=w.zhang, case=case, name=w.person.name, relation="本人", age_group="adult", on=wd(D0, 2)
        )
    assert_refused(e, "D5.6", code="relative_apart_from_party", field="name")
    r = services.relative_record(
        actor=w.zhang,
        case=case,
        name="甲某之母",
        relation="母亲",
        age_group="elderly",
        circumstances="独居，患慢性病",
        arrangement="告知社区照看，执法中避免惊扰",
        on=wd(D0, 2),
    )
    assert r.vulnerable and r.case == case
    assert case.party == w.person  # the relative is not a party


def test_a_case_in_another_agency_is_not_found(w):
    case = filed(w)
    with pytest.raises(DomainError) as e:
        services.inspection_record(
            actor=w.other_officer,
            case=case,
            kind="inspection",
            place="x",
            subject="y",
            officers=[],
            certificates_shown=True,
            record="z",
            on=wd(D0, 2),
        )
    assert e.value.status == 404


def test_the_investigation_report_records_outcome_and_basis(w):
    case = reported(w)
    assert case.status == Status.REPORTED
    report = case.reports.get()
    assert report.fine == 3000 and list(report.basis_articles.all()) == [w.article]
    assert report.circumstances == {"first_offence": True}
    assert report.submitted_on == wd(D0, 3) and date(2026, 1, 1) < report.submitted_on


def test_the_file_list_of_a_case_under_investigation_names_no_decision_yet(w):
    # Before the report proposes an outcome, the file does not know which decision it will hold:
    # it said 不予行政处罚决定书 for every case still under investigation.
    from zhifa.cases import checklist

    labels = [i.label for i in checklist.items(filed(w))]
    assert "处理决定书及送达回证" in labels and "不予行政处罚决定书及送达回证" not in labels
    labels = [i.label for i in checklist.items(reported(w))]
    assert "行政处罚决定书及送达回证" in labels


@pytest.mark.clause("D3.8")
def test_an_api_refusal_names_the_field_of_the_body(w, api):
    """The rules name what they check (``officers``); the API body carries ``officer_ids``: the
    refusal over the API names the body's field, so a client can put the message beside it."""
    case = filed(w)
    body = {
        "kind": "inspection",
        "place": "某超市",
        "subject": "店长",
        "officer_ids": [w.zhang_officer.pk],
        "certificates_shown": True,
        "record": "检查情况……",
        "on": str(wd(D0, 2)),
    }
    r = api(w.zhang).post(f"cases/{case.pk}/inspections", body)
    assert r.status_code == 422 and r.json()["code"] == "two_certified_officers"
    assert r.json()["field"] == "officer_ids"
    assert {e["field"] for e in r.json()["errors"]} <= {"officer_ids", "certificates_shown"}
    # the page's form keeps its own field name
    with pytest.raises(DomainError) as e:
        _inspect(w, case, [w.zhang_officer])
    assert e.value.field == "officers"
