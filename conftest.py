"""Shared pytest set-up: the clause marker, the browser, database-specific tests, the
frozen clock."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("ZHIFA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    on_postgres = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL (runs in the PostgreSQL pass of .ci/run)")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)


@pytest.fixture(autouse=True)
def _frozen_clock():
    """Every test runs on the same day, whatever the machine's date (``zhifa.testing.SUITE_NOW``,
    Beijing time; the clock ticks from there). Builders and fixtures count from that day, so
    a certificate valid "today" stays valid when the suite runs years later. A test that needs
    another moment nests ``zhifa.testing.frozen(...)``."""
    from zhifa.testing import SUITE_NOW, frozen

    with frozen(SUITE_NOW, tick=True):
        yield


@pytest.fixture(autouse=True)
def _acts_entered_when_dated(request, monkeypatch):
    """The suite's stories date the acts of a case in 2026, months before ``SUITE_NOW``, and
    mean each act as entered the day it happened; so, unless a test is marked
    ``entry_clock``, an act counts as entered on its own date (``zhifa.cases.acting.entry_day``).
    Tests of backdating (an act dated before the day it is entered, issue 7) are marked and
    see the platform's clock."""
    if request.node.get_closest_marker("entry_clock") is None:
        from datetime import date

        from zhifa.cases import acting

        monkeypatch.setattr(acting, "entry_day", lambda: date.min)
    yield


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/system-deps")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


@pytest.fixture
def api(client):
    from zhifa.testing import Api

    return lambda user=None: Api(client, user)
