"""Issuing a case's documents: composed from its records (D3.10b), numbered, hashed into
the audit log, never changed (a correction is a new version), and refused, naming the
clause, when the content the law requires is missing or does not agree."""

from decimal import Decimal

import pytest

from zhifa.cases.models import Case
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.documents import compose, services, store
from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document, Profile
from zhifa.documents.tests.builders import D0, decided, decided_with_defence, notified, on_the_spot, wd
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


def issue(w, case, kind, actor=None):
    return services.document_issue(actor=actor or w.zhang, case=case, kind=kind)


@pytest.mark.clause("D3.10b", "D3.10c")
def test_a_decision_is_composed_from_the_case_with_everything_article_59_lists(w):
    case = decided_with_defence(w)
    doc = issue(w, case, Kind.PENALTY_DECISION)
    assert doc.number == case.decision.number and doc.number.startswith("渝中市监罚〔2026〕")
    assert (doc.year, doc.serial) == (2026, 1)
    text = store.read(doc.sha256).decode()
    for expected in [
        w.org.name,  # （一）当事人的名称
        w.org.address,
        "当事人销售超过保质期的牛奶12盒",  # （二）事实
        "现场照片",  # 证据
        "《食品安全法》第一百二十四条",  # （三）种类和依据
        "罚款人民币3,000.00元（大写：叁仟元整）",
        "没收违法所得、非法财物人民币240.00元（大写：贰佰肆拾元整）",
        "中国工商银行重庆渝中支行",  # （四）履行方式和期限
        "3100021509024912345",
        "15日内",
        "60日内向重庆市渝中区人民政府申请行政复议",  # （五）途径和期限，机关写明名称
        "6个月内依法向重庆市渝中区人民法院提起行政诉讼",
        "重庆市渝中区市场监督管理局",  # （六）机关名称和日期
        compose.date_text(case.decision.decided_on),
        "过期牛奶系供货商配送错误所致",  # 每一项申辩及其答复（D3.10c）
        "经复核，本机关不予采纳，理由是：经核查进货单据",
        "已主动下架并召回",
        "核验码",
        doc.verification_code,
    ]:
        assert expected in text, expected
    event = AuditEvent.objects.get(act="document.issue", object_id=str(doc.pk))
    assert event.changes["sha256"] == doc.sha256 == store.sha256_of(text.encode())
    assert event.actor == w.zhang and doc.audit_seq == event.seq
    assert set(event.clauses) >= {"D3.10a", "D3.10c"}


@pytest.mark.clause("D3.10c")
def test_a_decision_whose_reasons_state_another_amount_is_not_issued(w):
    # The demo's old fault: 罚款3000元 decided, the reasons say 并处罚款195元.
    case = decided_with_defence(w, reasons="违法事实清楚，证据确凿，依法并处罚款195元。")
    with pytest.raises(DomainError) as e:
        issue(w, case, Kind.PENALTY_DECISION)
    assert_refused(e, "D3.10c", code="amounts_agree", field="fine")
    assert "195.00" in e.value.first.message and not Document.objects.exists()


@pytest.mark.clause("D3.10c")
def test_amounts_agree_with_the_engines_trace_unless_the_departure_is_reasoned():
    from zhifa.documents import rules as R

    assert R.amounts_agree(Decimal("3000"), {"recommended": "3000"}, [Decimal("3000")], [Decimal("3000")]) is None
    v = R.amounts_agree(Decimal("700"), {"recommended": "195", "departs": False}, [], [Decimal("195")])
    assert v is not None and v.code == "amounts_agree" and "195.00" in v.message
    # A reasoned departure: the explanation states the benchmark's amount and why not.
    assert R.amounts_agree(Decimal("700"), {"recommended": "195", "departs": True}, [], [Decimal("195")]) is None
    assert compose.decided_amounts("适用一般档次（罚款500元至5000元），决定并处罚款1,200元。") == [Decimal("1200")]


@pytest.mark.clause("D3.10c")
def test_every_point_of_the_defence_is_answered_before_issuing(w):
    case = decided_with_defence(w)
    doc = compose.penalty_decision(case.decision)
    doc.checks["points"].append({"id": 0, "text": "罚款过重", "reviewed": False})
    with pytest.raises(DomainError) as e:
        services.check(doc)
    assert_refused(e, "D3.10c", code="defence_points_answered", field="defence")
    assert "罚款过重" in e.value.first.message


@pytest.mark.clause("D3.10c", "D3.6")
def test_a_penalty_decision_explains_the_discretion_from_the_engines_trace(w):
    case = decided(w)
    doc = compose.penalty_decision(case.decision)
    doc.checks["trace"] = {"recommended": "3000", "explanation": "……", "departs": False}
    doc.checks["explanation"] = ""
    with pytest.raises(DomainError) as e:
        services.check(doc)
    assert_refused(e, "D3.10c", code="discretion_explained", field="discretion_explanation")


@pytest.mark.clause("D3.10c", "D2.3")
def test_without_the_agencys_remedy_bodies_and_payment_account_a_decision_is_not_issued(w):
    Profile.objects.filter(agency=w.agency).delete()
    case = decided(w)
    with pytest.raises(DomainError) as e:
        issue(w, case, Kind.PENALTY_DECISION)
    codes = {v.code for v in e.value.violations}
    assert codes >= {"remedies_named", "payment_channel_named"}
    remedies = next(v for v in e.value.violations if v.code == "remedies_named")
    assert "行政复议机关" in remedies.message and "人民法院" in remedies.message
    assert "D3.10c" in remedies.clauses
    assert_refused(e, "D3.10c", code="remedies_named")


@pytest.mark.clause("D3.10c")
def test_wrong_remedy_periods_are_refused():
    from zhifa.documents import rules as R

    v = R.remedies_named(
        {"reconsideration_days": 15, "litigation_months": 3, "body": "某区政府", "court": "某区法院"}, 60, 6
    )
    assert v.code == "remedies_named" and "60日" in v.message and "6个月" in v.message
    assert (
        R.remedies_named({"reconsideration_days": 60, "litigation_months": 6, "body": "甲", "court": "乙"}, 60, 6)
        is None
    )


@pytest.mark.clause("D3.10c")
def test_amounts_appear_in_figures_and_in_capitals(w):
    case = decided(w)
    doc = compose.penalty_decision(case.decision)
    for s in doc.sections:
        s.paragraphs = [p.replace("（大写：叁仟元整）", "") for p in s.paragraphs]
    with pytest.raises(DomainError) as e:
        services.check(doc)
    assert_refused(e, "D3.10c", code="amounts_in_figures_and_capitals", field="money")


@pytest.mark.clause("D3.8")
def test_the_on_the_spot_decision_names_the_officer_and_certificate_recorded_on_the_act(w):
    case = on_the_spot(w)
    doc = issue(w, case, Kind.ON_SPOT_DECISION)
    text = store.read(doc.sha256).decode()
    cert = w.zhang_officer.certificates.get()
    assert "张执法" in text and cert.number in text and "罚款人民币200.00元（大写：贰佰元整）" in text
    assert doc.number == case.decision.number
    composed = compose.on_spot_decision(case.decision)
    composed.officers = [("李执法", "渝执000000")]
    with pytest.raises(DomainError) as e:
        services.check(composed)
    assert_refused(e, "D3.8", code="officers_as_recorded", field="officers")
    # An officer whose certificate was not valid on the act's date cannot be named.
    composed = compose.on_spot_decision(case.decision)
    composed.checks["recorded_officers"] = [("张执法", "")]
    composed.officers = [("张执法", "")]
    with pytest.raises(DomainError) as e:
        services.check(composed)
    assert_refused(e, "D3.8", code="officers_as_recorded")


@pytest.mark.clause("D3.10c")
def test_nothing_is_left_blank_for_the_party(w):
    case = decided(w)
    w.org.address = ""
    w.org.save(update_fields=["address"])
    with pytest.raises(DomainError) as e:
        issue(w, Case.objects.get(pk=case.pk), Kind.PENALTY_DECISION)
    assert_refused(e, "D3.10c", code="party_identified", field="party")
    assert "住所（经营场所）" in e.value.first.message


@pytest.mark.clause("D3.10a")
def test_a_document_resting_on_a_normative_document_or_no_basis_is_not_issued(w):
    case = decided(w)
    doc = compose.penalty_decision(case.decision)
    doc.checks["articles"] = [w.doc_article]
    with pytest.raises(DomainError) as e:
        services.check(doc)
    assert_refused(e, "D3.10a", code="basis_is_law_or_rule")
    doc.checks["articles"] = []
    with pytest.raises(DomainError) as e:
        services.check(doc)
    assert_refused(e, "D3.10a", code="document_cites_basis", field="basis_articles")


def test_the_prior_notice_states_the_rights_and_the_contact(w):
    case = notified(w)
    doc = issue(w, case, Kind.PRIOR_NOTICE)
    text = store.read(doc.sha256).decode()
    notice = case.notices.get()
    assert doc.number == notice.number and "罚告" in doc.number
    for expected in [
        "陈述、申辩",
        "个工作日内",
        "拟作出如下行政处罚",
        "罚款人民币3,000.00元（大写：叁仟元整）",
        "023-63891234",
    ]:
        assert expected in text, expected


def test_an_issued_document_is_issued_once_and_a_correction_is_a_new_version(w):
    case = decided(w)
    first = issue(w, case, Kind.PENALTY_DECISION)
    with pytest.raises(DomainError) as e:
        issue(w, case, Kind.PENALTY_DECISION)
    assert e.value.code == "duplicate"
    with pytest.raises(DomainError) as e:
        services.document_correct(actor=w.zhang, document=first, reason="  ")
    assert e.value.code == "required" and e.value.field == "reason"
    Profile.objects.filter(agency=w.agency).update(payment_account="3100021509024999999")
    second = services.document_correct(actor=w.zhang, document=first, reason="收款账号登记有误")
    first.refresh_from_db()
    assert first.superseded_on is not None and not first.current and second.current
    assert second.version == 2 and second.previous == first and second.number == first.number
    assert store.exists(first.sha256) and "3100021509024912345" in store.read(first.sha256).decode()
    assert "3100021509024999999" in store.read(second.sha256).decode()
    event = AuditEvent.objects.get(act="document.correct")
    assert event.changes["previous_sha256"] == first.sha256 and event.changes["sha256"] == second.sha256
    assert event.changes["reason"] == "收款账号登记有误"
    with pytest.raises(DomainError) as e:
        services.document_correct(actor=w.zhang, document=first, reason="再次更正")
    assert e.value.code == "conflict"


def test_only_the_cases_agency_issues_its_documents(w):
    case = decided(w)
    with pytest.raises(DomainError) as e:
        issue(w, case, Kind.PENALTY_DECISION, actor=w.other_officer)
    assert e.value.code == "not_found"
    with pytest.raises(DomainError) as e:
        issue(w, case, Kind.PENALTY_DECISION, actor=w.reviewer)
    assert e.value.code == "forbidden"
    with pytest.raises(DomainError) as e:
        issue(w, Case.objects.get(pk=case.pk), Kind.ON_SPOT_DECISION)
    assert e.value.code == "nothing_pending"


def test_a_failed_issue_leaves_no_number_drawn(w):
    from zhifa.documents import numbering
    from zhifa.documents.models import Serial

    case = notified(w, on=D0)
    with pytest.raises(RuntimeError), __import__("django.db").db.transaction.atomic():
        numbering.next_number(case.agency, Kind.PAYMENT_REMINDER, 2026)
        raise RuntimeError("the issue fails after drawing")
    assert not Serial.objects.filter(last__gt=0).exists()
    assert numbering.next_number(case.agency, Kind.PAYMENT_REMINDER, 2026) == ("渝中市监催〔2026〕1号", 1)
    assert numbering.next_number(case.agency, Kind.PAYMENT_REMINDER, 2026)[1] == 2
    assert numbering.next_number(case.agency, Kind.PAYMENT_REMINDER, 2027)[1] == 1
    assert numbering.next_number(case.agency, Kind.HEARING_NOTICE, 2026)[0] == "渝中市监听通〔2026〕1号"
    assert wd(D0, 1) > D0
