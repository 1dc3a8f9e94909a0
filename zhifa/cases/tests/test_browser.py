"""In Chromium: an officer registers a clue and proposes filing, the head approves it, the
officer serves the prior notice, the decision waits for the defence period, and another
head decides it. Then the workbench on a phone."""

import re

import pytest

from zhifa.cases import services
from zhifa.cases.models import Case, Status
from zhifa.cases.tests.builders import D0, evidence_file, make_world, wd
from zhifa.testing import frozen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "zhifa-test-pw"


def login(page, live_server, user):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/cases/workbench/"))


def act(page, name):
    page.click(f"a[data-act={name}]")
    page.wait_for_selector("main .form-actions button[type=submit]")


def submit(page):
    page.click("main .form-actions button[type=submit]")
    page.wait_for_load_state()


def test_file_a_case_serve_the_notice_and_decide_it(page, live_server, evidence_root):
    w = make_world()

    # The officer registers the clue, on the day it comes in (an act may not be dated
    # before the case's previous act, and registering is dated the day it is entered).
    with frozen(D0):
        login(page, live_server, w.zhang)
        page.click("text=登记线索")
        page.select_option("select[name=source]", "complaint")
        page.fill("input[name=received_on]", D0.isoformat())
        page.fill("textarea[name=summary]", "群众举报：某超市销售过期牛奶。")
        page.select_option("select[name=party]", str(w.org.pk))
        page.select_option("select[name=violation_item]", str(w.item.pk))
        page.select_option("select[name=place]", str(w.district.pk))
        page.fill("input[name=act_date]", "2026-02-27")
        submit(page)
        case = Case.objects.get(party=w.org)
        assert page.url.endswith(f"/cases/{case.pk}/")
    login(page, live_server, w.zhang)  # back to the suite's today: a fresh session
    page.goto(f"{live_server.url}/cases/{case.pk}/")

    # A proposal with one investigator is refused at the field, naming D3.8.
    act(page, "filing_propose")
    page.check(f"input[name=investigators][value='{w.zhang_officer.pk}']")
    page.select_option("select[name=lead_officer]", str(w.zhang_officer.pk))
    page.fill("textarea[name=reason]", "有证据初步证明存在违法行为，属本机关管辖。")
    page.fill("input[name=on]", D0.isoformat())
    submit(page)
    assert "D3.8" in page.inner_text("#field-investigators")
    page.check(f"input[name=investigators][value='{w.li_officer.pk}']")
    submit(page)
    assert Case.objects.get(pk=case.pk).status == Status.FILING_PENDING

    # The head approves filing.
    login(page, live_server, w.head)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    act(page, "filing_approve")
    page.fill("input[name=on]", wd(D0, 1).isoformat())
    submit(page)
    assert "渝中市监立〔2026〕1号" in page.inner_text("h1")

    # The investigation itself (inspection, evidence, report) is done through the services here.
    services.inspection_record(
        actor=w.zhang,
        case=case,
        kind="inspection",
        place="某超市",
        subject="店长",
        officers=[w.zhang_officer, w.li_officer],
        certificates_shown=True,
        record="检查……",
        on=wd(D0, 2),
    )
    services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="audiovisual",
        title="照片",
        source="现场拍摄",
        collected_on=wd(D0, 2),
        content=evidence_file(),
        on=wd(D0, 2),
    )
    services.report_submit(
        actor=w.zhang,
        case=case,
        facts="销售过期牛奶12盒。",
        evidence_summary="笔录、照片",
        outcome="penalty",
        reasons="事实清楚。",
        terms={"fine": "3000", "confiscation": "240"},
        basis_articles=[w.article],
        on=wd(D0, 3),
    )

    # The officer issues and serves the prior notice.
    login(page, live_server, w.zhang)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    act(page, "notice_issue")
    assert page.input_value("input[name=fine]") == "3000.00"
    page.fill("input[name=on]", wd(D0, 4).isoformat())
    submit(page)
    act(page, "notice_serve")
    page.select_option("select[name=method]", "direct")
    page.fill("input[name=served_to]", "店长王某")
    page.fill("input[name=on]", wd(D0, 4).isoformat())
    submit(page)
    assert "已告知" in page.inner_text("h1")

    # Submitting before the defence period has run is refused (D3.9a); after it, accepted.
    act(page, "decision_submit")
    page.fill("input[name=on]", wd(D0, 6).isoformat())
    submit(page)
    assert "D3.9a" in page.inner_text("main")
    page.fill("input[name=on]", wd(D0, 10).isoformat())
    submit(page)
    assert "待决定" in page.inner_text("h1")

    # The head who approved filing may not decide (D3.3); the other head decides.
    login(page, live_server, w.head2)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    act(page, "decide")
    page.fill("input[name=on]", wd(D0, 10).isoformat())
    page.fill("textarea[name=public_summary]", "某超市销售过期食品被处罚。")
    submit(page)
    assert "渝中市监罚〔2026〕1号" in page.inner_text("h1")
    assert Case.objects.get(pk=case.pk).status == Status.DECIDED
    assert "已决定待送达" in page.inner_text("h1")


def test_the_workbench_on_a_phone(page, live_server):
    w = make_world()
    case = services.clue_register(
        actor=w.zhang,
        source="complaint",
        received_on=D0,
        summary="举报……",
        party=w.org,
        violation_item=w.item,
        place=w.district,
        act_date=D0,
        on=D0,
    )
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, w.zhang)
    card = page.locator(f".case-card[data-case='{case.pk}']")
    assert card.is_visible() and "已逾期" in card.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # nothing wider than the phone
    page.click("text=☰ 菜单")
    assert page.locator("nav.sidebar a", has_text="案件").first.is_visible()
