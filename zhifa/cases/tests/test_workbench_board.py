"""The workbench shows the most urgent cases of each queue, counts all of them, and costs
what it shows (issue 13): the full rows (next act, warnings, the case file checklist) are
read for the shown cases only, the deadlines of the others in one pass over few relations."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases import selectors
from zhifa.cases.tests.builders import D0, clue

pytestmark = pytest.mark.django_db


def _clues(w, days):
    return [clue(w, on=D0 + timedelta(days=d)) for d in days]


@pytest.mark.clause("D1.4")
def test_the_board_shows_the_most_urgent_and_counts_all(w):
    first, second, _third = _clues(w, (0, 7, 14))
    board = selectors.workbench(w.zhang, today=D0 + timedelta(days=1), limit=2)
    assert [r.case.pk for r in board["rows"]] == [first.pk, second.pk]  # the nearest filing deadlines
    assert board["totals"]["rows"] == 3 and board["counts"]["open"] == 3
    assert all(r.next for r in board["rows"])  # the shown rows are full rows
    late = selectors.workbench(w.zhang, today=D0 + timedelta(days=120), limit=2)
    assert late["counts"]["red"] == 3 and len(late["rows"]) == 2
    assert {r.level for r in late["rows"]} == {"red"}


def test_the_board_costs_the_same_queries_whatever_the_length_of_the_queue(w):
    _clues(w, (0, 7, 14))

    def count():
        with CaptureQueriesContext(connection) as seen:
            selectors.workbench(w.head, today=D0 + timedelta(days=1), limit=2)
        return len(seen)

    few = count()
    _clues(w, (1, 2, 3, 4, 5))
    assert count() == few


def test_the_page_says_how_many_and_links_to_the_full_list(client, w, monkeypatch):
    _clues(w, (0, 7, 14))
    monkeypatch.setattr(selectors, "BOARD_ROWS", 2)
    client.force_login(w.zhang)
    page = client.get("/cases/workbench/").content.decode()
    assert "共 3 件" in page and "/cases/?open=1" in page
    answer = client.get("/api/v1/cases/workbench").json()
    assert answer["totals"]["cases"] == 3 and len(answer["cases"]) == 2 and answer["counts"]["open"] == 3


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_note_of_a_long_queue_on_a_phone(page, live_server, monkeypatch):
    import os

    from zhifa.cases.tests.builders import make_world
    from zhifa.cases.tests.test_browser import login

    w = make_world()
    _clues(w, (0, 7, 14))
    monkeypatch.setattr(selectors, "BOARD_ROWS", 2)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        login(page, live_server, w.zhang)
        note = page.locator("#my-cases .more")
        assert note.is_visible() and "共 3 件" in note.inner_text()
        assert page.locator("#my-cases .case-card").count() == 2
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 10
        if os.environ.get("ZHIFA_SCREENSHOTS"):
            page.screenshot(path=f"{os.environ['ZHIFA_SCREENSHOTS']}/workbench-{width}.png", full_page=True)
