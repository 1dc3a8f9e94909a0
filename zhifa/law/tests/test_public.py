"""What the public reads without logging in (D3.2a, D3.2b): bases in force with their
articles, repeals and published cleanup results."""

from datetime import date, timedelta

import pytest

from zhifa.core import clock
from zhifa.law.tests.builders import make_basis

pytestmark = pytest.mark.django_db


@pytest.fixture
def bases(world):
    today = clock.today()
    return {
        "current": make_basis("law", "中华人民共和国现行法", articles=2),
        "future": make_basis("law", "中华人民共和国将来法", effective_from=today + timedelta(days=30)),
        "repealed": make_basis(
            "local_government_rule",
            "重庆市已废止办法",
            effective_from=date(2010, 1, 1),
            repealed_on=today - timedelta(days=1),
            repeal_reason="已被新规章取代",
        ),
    }


@pytest.mark.clause("D3.2a")
def test_the_public_list_shows_bases_in_force_today_without_login(client, bases):
    res = client.get("/law/public/bases/")
    assert res.status_code == 200
    page = res.content.decode()
    assert "中华人民共和国现行法" in page and "将来法" not in page and "已废止办法" not in page


@pytest.mark.clause("D3.2a")
def test_the_public_list_answers_for_another_date(client, bases):
    page = client.get(f"/law/public/bases/?in_force_on={clock.today() - timedelta(days=2)}").content.decode()
    assert "重庆市已废止办法" in page and "将来法" not in page


@pytest.mark.clause("D3.2a")
def test_the_public_detail_shows_the_articles_and_refuses_what_is_not_in_force(client, bases):
    page = client.get(f"/law/public/bases/{bases['current'].pk}/").content.decode()
    assert "中华人民共和国现行法第2条的条文。" in page
    assert client.get(f"/law/public/bases/{bases['repealed'].pk}/").status_code == 404


@pytest.mark.clause("D3.2b")
def test_repeals_are_public(client, bases):
    page = client.get("/law/public/repeals/").content.decode()
    assert "重庆市已废止办法" in page and "已被新规章取代" in page


def test_the_public_api_serves_bases_in_force_with_articles(api, bases):
    res = api().get("law/public/bases")
    assert [b["title"] for b in res.json()["items"]] == ["中华人民共和国现行法"]
    detail = api().get(f"law/public/bases/{bases['current'].pk}").json()
    assert [a["label"] for a in detail["articles"]] == ["第1条", "第2条"]
    assert api().get(f"law/public/bases/{bases['future'].pk}").status_code == 404
    later = clock.today() + timedelta(days=31)
    assert {b["title"] for b in api().get(f"law/public/bases?on={later}").json()["items"]} == {
        "中华人民共和国现行法",
        "中华人民共和国将来法",
    }
    assert [b["title"] for b in api().get("law/public/repeals").json()["items"]] == ["重庆市已废止办法"]


def test_public_menu_lists_the_law_pages(client, bases):
    page = client.get("/law/public/bases/").content.decode()
    assert 'href="/law/public/repeals/"' in page and 'href="/law/public/cleanups/"' in page


def test_unpublished_cleanups_are_not_public(client, world):
    from zhifa.law.models import Cleanup

    cleanup = Cleanup.objects.create(
        agency=world["agency"], scope="periodic", title="内部清理", started_on=date(2026, 1, 1)
    )
    assert client.get(f"/law/public/cleanups/{cleanup.pk}/").status_code == 404
    assert "内部清理" not in client.get("/law/public/cleanups/").content.decode()
