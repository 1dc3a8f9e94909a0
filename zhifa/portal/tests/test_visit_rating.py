"""The scan record linked to the case's inspection, then rated by the party through oversight's
rating_submit (D3.8, D6.4b); and the same in Chromium at 390 px."""

from __future__ import annotations

import re

import pytest

from zhifa.cases.tests.builders import D0, notified, wd
from zhifa.core.errors import DomainError
from zhifa.oversight.models import PartyRating
from zhifa.portal import services
from zhifa.portal.models import Visit
from zhifa.testing import assert_refused


def _visit_and_case(w):
    case = notified(w)
    inspection = case.inspections.get()
    cert = w.zhang_officer.certificates.first()
    visit = services.visit_start(certificate_number=cert.number, place="解放碑某超市")
    return case, inspection, visit


@pytest.mark.django_db
@pytest.mark.clause("D3.8")
def test_a_scan_is_linked_only_to_an_inspection_the_scanned_officer_took_part_in(w):
    _case, inspection, _visit = _visit_and_case(w)
    other_cert = w.wang_officer.certificates.first()
    stranger = services.visit_start(certificate_number=other_cert.number, place="解放碑某超市")
    with pytest.raises(DomainError) as e:
        services.visit_link(actor=w.zhang, visit=stranger, inspection=inspection)
    assert_refused(e, "D3.8", code="scanned_officer_inspected", field="inspection_id")
    with pytest.raises(DomainError) as e:
        services.visit_link(actor=w.other_officer, visit=stranger, inspection=inspection)
    assert e.value.status == 404


@pytest.mark.django_db
@pytest.mark.clause("D6.4b")
def test_the_party_rates_the_linked_inspection_through_rating_submit(w):
    case, inspection, visit = _visit_and_case(w)
    with pytest.raises(DomainError) as e:
        services.visit_rate(party=w.org, visit=visit, score=5)
    assert e.value.code == "nothing_pending"
    services.visit_link(actor=w.zhang, visit=visit, inspection=inspection)
    with pytest.raises(DomainError):
        services.visit_rate(party=w.person, visit=visit, score=5)  # not the case's party
    visit = services.visit_rate(party=w.org, visit=visit, score=4, comment="出示了证件，态度好。")
    rating = PartyRating.objects.get()
    assert visit.rating_reference == f"rating:{rating.pk}"
    assert rating.inspection == inspection and rating.score == 4 and rating.case == case


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_chromium_at_390px_the_scan_starts_the_record_and_the_party_rates_it(
    browser, live_server, settings, tmp_path
):
    from zhifa.cases.tests.builders import make_world

    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    w = make_world()
    case = notified(w)
    inspection = case.inspections.get()
    cert = w.zhang_officer.certificates.first()
    _record, code = services.access_code_issue(actor=w.zhang, case=case, on=wd(D0, 4))

    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(f"{live_server.url}/scan/{cert.number}/")
    assert page.inner_text("#certificate-status") == "有效"
    assert "张执法" in page.inner_text("main")
    page.fill("input[name=place]", "渝中区解放碑某超市")
    page.click("main .form-actions button[type=submit]")
    page.wait_for_url(re.compile(r".*/scan/visits/.+/"))
    visit = Visit.objects.get()
    assert visit.place == "渝中区解放碑某超市" and "渝中区解放碑某超市" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    services.visit_link(actor=w.zhang, visit=visit, inspection=inspection)  # the officer files it in the case
    page.goto(f"{live_server.url}/scan/visits/{visit.token}/")
    page.click("#rating a")  # 登录
    page.fill("input[name=identifier]", w.org.uscc)
    page.fill("input[name=code]", code)
    page.click("main .form-actions button[type=submit]")
    page.wait_for_url(re.compile(r".*/scan/visits/.+/"))
    page.select_option("select[name=score]", "5")
    page.click("#rating button[type=submit]")
    page.wait_for_load_state()
    assert "感谢您的评价" in page.inner_text("main") or "您已评价" in page.inner_text("main")
    assert PartyRating.objects.get().score == 5
    context.close()
