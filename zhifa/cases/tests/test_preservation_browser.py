"""In Chromium at 1280 and 390 px: the officer registers evidence for preservation with the
head's approval (行政处罚法第五十六条); a missing approval is refused at the field; the case
page shows the deadline. Screenshots in $ZHIFA_SCREENSHOT_DIR (default /tmp)."""

import os
from pathlib import Path

import pytest

from zhifa.cases import services
from zhifa.cases.tests.builders import D0, evidence_file, filed, make_world, wd
from zhifa.cases.tests.test_browser import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("ZHIFA_SCREENSHOT_DIR", "/tmp"))


def test_the_preservation_page_refuses_without_the_heads_approval_and_the_case_shows_its_deadline(
    page, live_server, evidence_root
):
    w = make_world()
    case = filed(w)
    evidence = services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="physical",
        title="过期牛奶12盒",
        source="现场检查取得",
        collected_on=wd(D0, 2),
        content=evidence_file("milk-browser"),
        on=wd(D0, 2),
    )
    login(page, live_server, w.zhang)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/cases/{case.pk}/acts/preservation_register/")
        page.select_option("select[name=evidence]", str(evidence.pk))
        page.fill("textarea[name=reasons]", "当事人可能将过期牛奶下架销毁，证据可能灭失。")
        page.fill("input[name=holder]", "本局证据保管室")
        page.fill("input[name=approved_on]", wd(D0, 2).isoformat())
        page.fill("input[name=on]", wd(D0, 2).isoformat())
        page.click("main .form-actions button[type=submit]")
        page.wait_for_load_state()
        body = page.content()
        assert "批准的机关负责人" in body and ("这个字段是必填项" in body or "必填" in body or "请" in body)
        page.screenshot(path=str(SHOTS / f"preservation-form-{width}.png"), full_page=True)
    page.select_option("select[name=approved_by]", str(w.head.pk))
    page.click("main .form-actions button[type=submit]")
    page.wait_for_load_state()
    assert case.preservations.count() == 1
    page.goto(f"{live_server.url}/cases/{case.pk}/#evidence")
    assert "先行登记保存" in page.content() and "前作出处理决定" in page.content()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#evidence").screenshot(path=str(SHOTS / f"preservation-case-{width}.png"))
