"""Implementation (D3.5, D7, D8): reports one year after a new law, the five cleanups
reviewed and published, implementation measures filed, the annual special inspection."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases.tests.builders import decided
from zhifa.core.errors import DomainError
from zhifa.law.models import Cleanup, LegalBasis
from zhifa.org.models import Government
from zhifa.oversight import evaluation, implementation, rules, selectors, services
from zhifa.oversight.models import AccountabilityMatter, CleanupReport
from zhifa.testing import assert_refused, make_agency, make_user

pytestmark = pytest.mark.django_db


def _enforcing(w):
    w.power.basis_articles.add(w.article)
    return w


# --- reports one year after a new law (D3.5) ---------------------------------------------


@pytest.mark.clause("D3.5")
def test_the_agency_whose_powers_rest_on_a_new_law_owes_a_report_a_year_after(w):
    _enforcing(w)
    rows = implementation.owed(w.legal_office, date(2026, 12, 1))
    assert [(r.basis, r.agency, r.due_on) for r in rows] == [(w.basis, w.agency, date(2016, 10, 1))]
    assert rows[0].state(date(2026, 12, 1)) == "overdue"
    assert rows[0].state(date(2016, 9, 30)) == "pending"
    assert [r.agency for r in implementation.overdue(w.head, date(2026, 12, 1))] == [w.agency]
    assert implementation.owed(w.other_head, date(2026, 12, 1)) == []  # another agency's obligation
    report = services.implementation_report(
        actor=w.head, basis=w.basis, agency=w.agency, content="一年来依据该法查处案件十二件，开展培训两次。"
    )
    assert report.due_on == date(2016, 10, 1) and report.government == w.district
    assert implementation.overdue(w.head, date(2026, 12, 1)) == []
    assert implementation.owed(w.head, date(2026, 12, 1))[0].state(date(2026, 12, 1)) == "reported"


def test_a_law_in_force_before_the_decision_and_a_normative_document_owe_none(w):
    _enforcing(w)
    old = LegalBasis.objects.create(
        title="旧法",
        slug="old-law",
        level="law",
        issuer="全国人大",
        promulgated_on=date(1996, 3, 17),
        effective_from=date(1996, 10, 1),
    )
    w.power.basis_articles.add(old.articles.create(number=1, label="第一条", text="……"), w.doc_article)
    assert {r.basis for r in implementation.owed(w.legal_office, date(2026, 12, 1))} == {w.basis}


@pytest.mark.clause("D3.5")
def test_only_the_enforcing_agency_reports_and_only_after_the_first_year(w):
    with pytest.raises(DomainError) as e:
        services.implementation_report(
            actor=w.head, basis=w.basis, agency=w.agency, content="执行情况良好，查处案件若干。"
        )
    assert_refused(e, "D3.5", code="report_by_the_enforcing_agency", field="basis")
    _enforcing(w)
    with pytest.raises(DomainError) as e:
        services.implementation_report(
            actor=w.head, basis=w.basis, agency=w.agency, content="执行情况良好，查处案件若干。", on=date(2016, 9, 30)
        )
    assert_refused(e, "D3.5", code="report_after_the_first_year", field="reported_on")
    with pytest.raises(DomainError) as e:
        services.implementation_report(actor=w.head, basis=w.basis, agency=w.agency, content="好")
    assert_refused(e, "D3.5", code="report_states_implementation", field="content")


def test_the_report_is_the_heads_and_made_once(w):
    _enforcing(w)
    with pytest.raises(DomainError) as e:
        services.implementation_report(
            actor=w.zhang, basis=w.basis, agency=w.agency, content="执行情况良好，查处案件若干。"
        )
    assert e.value.code == "forbidden"
    services.implementation_report(actor=w.head, basis=w.basis, agency=w.agency, content="执行情况良好，查处案件若干。")
    with pytest.raises(DomainError) as e:
        services.implementation_report(
            actor=w.head, basis=w.basis, agency=w.agency, content="执行情况良好，查处案件若干。"
        )
    assert e.value.code == "duplicate"


# --- the five cleanups (D7) --------------------------------------------------------------


def _city(w):
    agency = make_agency(w.city, name="重庆市市场监督管理局", case_prefix="渝市监")
    head = make_user("head", agency=agency, username="city-head", display_name="市局长")
    office = make_user("legal_office", government=w.city, username="city-sfj", display_name="市司法局")
    return agency, head, office


@pytest.mark.clause("D7")
def test_a_city_agency_submits_each_cleanup_and_the_office_reviews_and_publishes_it(w):
    agency, head, office = _city(w)
    with pytest.raises(DomainError) as e:
        services.cleanup_submit(actor=w.head, agency=w.agency, subject="bodies", year=2026, summary="清理了执法主体。")
    assert_refused(e, "D7", code="cleanup_by_a_city_agency", field="agency")
    report = services.cleanup_submit(
        actor=head, agency=agency, subject="bodies", year=2026, summary="确认执法主体12个。"
    )
    with pytest.raises(DomainError) as e:
        services.cleanup_submit(actor=head, agency=agency, subject="bodies", year=2026, summary="再报一次。")
    assert_refused(e, "D7", code="cleanup_submitted_once", field="subject")
    with pytest.raises(DomainError) as e:
        services.cleanup_publish(actor=office, report=report, public_summary="公示。")
    assert_refused(e, "D7", code="cleanup_published_after_review", field="public_summary")
    with pytest.raises(DomainError) as e:
        services.cleanup_review(actor=office, report=report, approve=False)
    assert_refused(e, "D7", code="cleanup_reviewed_by_the_office", field="review_opinion")
    with pytest.raises(DomainError) as e:
        services.cleanup_review(actor=head, report=report, approve=True)
    assert e.value.code == "forbidden"
    services.cleanup_review(actor=office, report=report, approve=True, review_opinion="同意。")
    services.cleanup_publish(actor=office, report=report, public_summary="市市场监管局确认执法主体12个。")
    report.refresh_from_db()
    assert report.state == CleanupReport.State.PUBLISHED
    assert list(selectors.published_cleanups()) == [report]


@pytest.mark.clause("D7", "D3.2b")
def test_the_cleanup_of_bases_rests_on_the_law_registrys_completed_cleanup(w):
    agency, head, _office = _city(w)
    with pytest.raises(DomainError) as e:
        services.cleanup_submit(actor=head, agency=agency, subject="bases", year=2026, summary="清理了执法依据。")
    assert_refused(e, "D7", code="cleanup_of_bases_recorded", field="law_cleanup")
    cleanup = Cleanup.objects.create(agency=agency, scope="full", title="全面清理", started_on=date(2026, 1, 5))
    with pytest.raises(DomainError) as e:
        services.cleanup_submit(
            actor=head, agency=agency, subject="bases", year=2026, summary="清理了执法依据。", law_cleanup=cleanup
        )
    assert_refused(e, "D7", code="cleanup_of_bases_recorded", field="law_cleanup")
    cleanup.completed_on = date(2026, 6, 1)
    cleanup.save()
    report = services.cleanup_submit(
        actor=head, agency=agency, subject="bases", year=2026, summary="清理了执法依据。", law_cleanup=cleanup
    )
    assert report.law_cleanup == cleanup


def test_a_returned_cleanup_is_submitted_again(w):
    agency, head, office = _city(w)
    first = services.cleanup_submit(actor=head, agency=agency, subject="officers", year=2026, summary="清理执法人员。")
    services.cleanup_review(actor=office, report=first, approve=False, review_opinion="请附人员名单。")
    again = services.cleanup_submit(actor=head, agency=agency, subject="officers", year=2026, summary="附名单。")
    assert again.pk != first.pk
    assert selectors.cleanup_report_get(office, again.pk) == again
    with pytest.raises(DomainError):
        selectors.cleanup_report_get(w.head, again.pk)  # another agency's: not found


# --- implementation measures (D8) --------------------------------------------------------


def _city(w):
    """A city department with its head, and the city's legal affairs office (with whom
    measures are filed, D8)."""
    department = make_agency(w.city, name="重庆市市场监督管理局", case_prefix="渝市监")
    head = make_user("head", agency=department, username=f"city-head-{department.pk}", display_name="市局长")
    office = make_user("legal_office", government=w.city, username=f"city-sfj-{department.pk}", display_name="市司法局")
    return department, head, office


@pytest.mark.clause("D8")
def test_measures_are_filed_after_adoption_and_returned_only_with_reasons(w):
    department, head, office = _city(w)
    with pytest.raises(DomainError) as e:
        services.measure_file(
            actor=head, agency=department, title="实施办法", adopted_on=date(2026, 12, 2), content="办法全文"
        )
    assert_refused(e, "D8", code="measure_filed_after_adoption", field="adopted_on")
    m = services.measure_file(
        actor=head, agency=department, title="贯彻《决定》实施办法", adopted_on=date(2026, 11, 20), content="办法全文"
    )
    with pytest.raises(DomainError) as e:
        services.measure_review(actor=office, measure=m, accept=False)
    assert_refused(e, "D8", code="measure_review_reasoned", field="review_opinion")
    services.measure_review(actor=office, measure=m, accept=True)
    with pytest.raises(DomainError) as e:
        services.measure_review(actor=office, measure=m, accept=True)
    assert_refused(e, "D8", code="measure_review_reasoned", field="accept")
    m.refresh_from_db()
    assert m.state == "accepted"


@pytest.mark.clause("D8")
def test_district_governments_and_city_departments_file_with_the_city(w):
    """各区县人民政府、市人民政府各部门制定实施办法，报市人民政府备案."""
    department, _head, city_office = _city(w)
    kw = {"title": "贯彻《决定》实施办法", "adopted_on": date(2026, 11, 20), "content": "办法全文"}
    with pytest.raises(DomainError) as e:  # a district department files through its government
        services.measure_file(actor=w.head, agency=w.agency, **kw)
    assert_refused(e, "D8", code="measure_by_a_district_or_city_department", field="agency")
    with pytest.raises(DomainError) as e:  # the city government does not file with itself
        services.measure_file(actor=city_office, government=w.city, **kw)
    assert_refused(e, "D8", code="measure_by_a_district_or_city_department", field="government")
    with pytest.raises(DomainError) as e:  # one maker
        services.measure_file(actor=city_office, agency=department, government=w.district, **kw)
    assert e.value.field == "government"
    neighbour = Government.objects.create(name="江北区", level="district", parent=w.city, division_code="500105")
    with pytest.raises(DomainError) as e:  # a district's office files its own government's only
        services.measure_file(actor=w.legal_office, government=neighbour, **kw)
    assert e.value.code == "forbidden"
    with pytest.raises(DomainError) as e:  # a department's head, not its officers
        services.measure_file(actor=w.zhang, agency=department, **kw)
    assert e.value.code in ("forbidden", "not_found")

    m = services.measure_file(actor=w.legal_office, government=w.district, **kw)
    assert m.maker == w.district and m.agency is None
    assert list(selectors.measure_list(w.legal_office)) == [m]
    assert selectors.measure_get(city_office, m.pk) == m
    with pytest.raises(DomainError):
        selectors.measure_get(w.head, m.pk)  # a district agency does not see its government's filing
    with pytest.raises(DomainError) as e:  # the district's own office does not review what it filed
        services.measure_review(actor=w.legal_office, measure=m, accept=True)
    assert_refused(e, "D8", code="measure_filed_with_the_city", field="accept")
    services.measure_review(actor=city_office, measure=m, accept=True)
    m.refresh_from_db()
    assert m.state == "accepted" and m.reviewed_by == city_office


# --- the annual special inspection (D8) --------------------------------------------------


@pytest.mark.clause("D8")
def test_one_special_inspection_a_year_and_its_faults_go_to_accountability(w):
    with pytest.raises(DomainError) as e:
        services.special_inspection_open(actor=w.legal_office, year=2027, title="专项检查", focus="执法责任制")
    assert_refused(e, "D8", code="special_inspection_once_a_year", field="year")
    insp = services.special_inspection_open(
        actor=w.legal_office, year=2026, title="贯彻《决定》专项执法检查", focus="执法责任制落实"
    )
    with pytest.raises(DomainError) as e:
        services.special_inspection_open(actor=w.legal_office, year=2026, title="再查", focus="再查")
    assert_refused(e, "D8", code="special_inspection_once_a_year", field="year")
    case = decided(w)
    clean = services.inspection_find(actor=w.legal_office, inspection=insp, agency=w.agency, finding="制度健全。")
    with pytest.raises(DomainError) as e:
        services.finding_refer(actor=w.legal_office, finding=clean, officers=[w.zhang_officer])
    assert_refused(e, "D8", code="finding_referred_with_case", field="fault")
    no_case = services.inspection_find(
        actor=w.legal_office, inspection=insp, agency=w.agency, finding="未答复申辩。", fault=True
    )
    with pytest.raises(DomainError) as e:
        services.finding_refer(actor=w.legal_office, finding=no_case, officers=[w.zhang_officer])
    assert_refused(e, "D8", code="finding_referred_with_case", field="case_id")
    found = services.inspection_find(
        actor=w.legal_office,
        inspection=insp,
        agency=w.agency,
        finding="处罚决定未答复当事人的陈述申辩。",
        fault=True,
        score_deduction=5,
        case=case,
    )
    matter = services.finding_refer(actor=w.legal_office, finding=found, officers=[w.zhang_officer])
    assert matter.origin == AccountabilityMatter.Origin.INSPECTION and matter.case == case
    assert matter.origin_reference == str(insp)
    with pytest.raises(DomainError) as e:
        services.finding_refer(actor=w.legal_office, finding=found, officers=[w.zhang_officer])
    assert_refused(e, "D8", code="finding_referred_with_case", field="finding")
    got = selectors.special_inspection_get(w.head, insp.pk)
    assert (got.finding_count, got.fault_count) == (3, 2)
    # The inspection feeds the year-end assessment (D8): the agency's evaluation reads it.
    found = evaluation.indicators(w.agency.pk, 2026)
    assert (found["inspection_faults"], found["inspection_deduction"]) == (2, 5)
    assert evaluation.indicators(w.agency.pk, 2026, w.zhang_officer.pk)["inspection_faults"] is None
    theirs = selectors.special_inspection_get(w.other_head, insp.pk)  # the district inspects all its agencies
    assert list(selectors.inspection_findings(w.other_head, theirs)) == []  # but not another agency's findings


def test_the_rules_are_pure():
    assert rules.report_after_the_first_year(date(2020, 1, 1), date(2021, 1, 1), date(2021, 1, 1)) is None
    assert rules.cleanup_of_bases_recorded("bodies", None, 1, False) is None
