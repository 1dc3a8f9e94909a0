"""Issue 12's newer pages in Chromium: the case page's access card and the printable slip, a republished
decision and its withdrawn predecessor, the party's credit and objection pages (at 390 px), and the
credit interviews; at 1280 and 390 px, none wider than the phone. Screenshots go to
``$ZHIFA_SCREENSHOTS`` when it is set (for a person to look at)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from zhifa.cases.tests.builders import D0, make_world, notified, wd
from zhifa.credit.models import Interview
from zhifa.portal import services
from zhifa.portal.models import Publication
from zhifa.portal.tests.publishing import served

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)


WIDEST = """[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > %d + 1)
  .map(e => e.tagName + '.' + e.className).slice(0, 5)"""


def shoot(page, name: str, width: int):
    out = os.environ.get("ZHIFA_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{out}/{name}-{width}.png", full_page=True)
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"{name} is {wide}px wide: {page.evaluate(WIDEST % width)}"


def login(page, live_server, user):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "zhifa-test-pw")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_new_pages_at_1280_and_390_px(browser, live_server, settings, tmp_path):
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    w = make_world()
    case = notified(w)
    decided_case = served(w, on=date(2026, 9, 1), party=w.person)
    services.tick(on=decided_case.decision.served_on)
    old = Publication.objects.get(decision=decided_case.decision)
    services.decision_change_record(
        actor=w.head,
        publication=old,
        kind="changed",
        reason="渝中府复〔2026〕7号复议决定变更罚款数额",
        on=date(2026, 9, 30),
    )
    services.tick(on=date(2026, 10, 8))
    old.refresh_from_db()
    new = old.republication
    interview = Interview.objects.create(  # as interview_record leaves it (its rule is tested in zhifa/credit)
        agency=w.agency,
        party=w.person,
        kind="mentoring",
        held_on=date(2026, 11, 20),
        attendees="张执法、当事人",
        mentor="重庆某守信超市",
        content="讲解食品安全法进货查验规定。",
        outcome="当事人建立进货查验台账，承诺不再销售过期食品。",
        grade="C",
        score=60,
        recorded_by=w.zhang,
    )

    for width in WIDTHS:
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60000)
        login(page, live_server, w.zhang)
        page.goto(f"{live_server.url}{case.get_absolute_url()}#party-access")
        assert "当事人在线办理" in page.inner_text("#party-access")
        shoot(page, "case-access-card", width)
        page.click("#party-access a.btn")
        page.click("main .form-actions button[type=submit]")
        page.wait_for_load_state()
        assert "访问码" in page.inner_text(".access-slip")
        shoot(page, "access-code-slip", width)
        page.goto(f"{live_server.url}/publications/manage/{old.pk}/")
        shoot(page, "managed-withdrawn", width)
        page.goto(f"{live_server.url}/credit/interviews/")
        shoot(page, "interview-list", width)
        page.goto(f"{live_server.url}/credit/parties/{decided_case.party_id}/")
        assert "结对帮教" in page.inner_text("main")
        shoot(page, "credit-rating", width)
        page.goto(f"{live_server.url}{interview.get_absolute_url()}")
        shoot(page, "interview-detail", width)
        page.goto(f"{live_server.url}/credit/parties/{decided_case.party_id}/interviews/new/")
        shoot(page, "interview-create", width)
        context.close()

        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server.url}{new.get_absolute_url()}")
        assert "变更情况" in page.inner_text("main")
        shoot(page, "publication-republished", width)
        page.goto(f"{live_server.url}{old.get_absolute_url()}")
        assert "已撤下" in page.inner_text("main")
        shoot(page, "publication-withdrawn", width)
        context.close()

    # The party, on its phone, with the decision it holds issued as a document.
    from zhifa.documents import services as documents
    from zhifa.documents.tests.conftest import add_profile

    add_profile(decided_case.agency)
    type(w.person).objects.filter(pk=w.person.pk).update(address="重庆市渝中区较场口12号")
    decision_document = documents.document_issue(actor=w.zhang, case=decided_case, kind="penalty_decision")
    _record, code = services.access_code_issue(actor=w.zhang, case=decided_case, on=wd(D0, 4))
    type(w.person).objects.filter(pk=w.person.pk).update(id_number="110101199003074477")
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(60000)
    page.goto(f"{live_server.url}/party/login/")
    page.fill("input[name=identifier]", "110101199003074477")
    page.fill("input[name=code]", code)
    page.click("main .form-actions button[type=submit]")
    page.wait_for_url(re.compile(r".*/party/$"))
    shoot(page, "party-home", 390)
    page.goto(f"{live_server.url}/party/cases/{decided_case.pk}/")
    assert decision_document.number in page.inner_text("main") and "核验真伪" in page.inner_text("main")
    shoot(page, "party-case", 390)
    page.goto(f"{live_server.url}/party/")
    page.click("text=我的信用评价和异议")
    page.wait_for_url(re.compile(r".*/party/credit/$"))
    assert decided_case.decision.number in page.inner_text("main")
    shoot(page, "party-credit", 390)
    page.click("main a:has-text('对此项提出异议')")
    page.wait_for_load_state()
    page.fill("textarea[name=reason]", "该决定已经复议变更。")
    shoot(page, "party-objection", 390)
    page.click("main .form-actions button[type=submit]")
    page.wait_for_url(re.compile(r".*/party/credit/$"))
    assert "待答复" in page.inner_text("main")
    shoot(page, "party-credit-objected", 390)
    context.close()
