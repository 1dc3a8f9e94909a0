"""In Chromium at 1280 px and 390 px: the dashboard draws its charts from the vendored
ECharts under the CSP (no violation), and a click on a bar opens the cases behind it."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from zhifa.cases.tests.builders import clue, decided, filed, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("ZHIFA_SCREENSHOTS")  # a directory to keep the PNGs in, when set


def login(page, live_server, user):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "zhifa-test-pw")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_the_dashboard_in_chromium(page, live_server, evidence_root):
    w = make_world()
    clue(w)
    filed(w)
    decided(w)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    login(page, live_server, w.legal_office)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/oversight/dashboard/")
        page.wait_for_selector("#chart-stage canvas")
        assert page.locator("canvas").count() >= 7
        if SHOTS:
            page.screenshot(path=os.path.join(SHOTS, f"dashboard-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"horizontal scroll at {width}px"
    assert not violations, violations
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/oversight/dashboard/")
    page.wait_for_selector("#chart-stage canvas")
    # A bar's place on the canvas depends on the data and the fonts: try along the chart
    # until a click lands on a bar and opens its cases.
    target = re.compile(r".*/oversight/dashboard/cases/\?metric=stage.*")
    for x, y in [(x, y) for y in (30, 50, 70, 100, 130, 160) for x in (120, 200, 300, 400)]:
        page.click("#chart-stage canvas", position={"x": x, "y": y})
        try:
            page.wait_for_url(target, timeout=1500)
            break
        except PlaywrightTimeout:  # no bar under this point: the page stays
            continue
    assert target.match(page.url), page.url
    assert "看板明细" in page.content()
