"""Cleanups over HTTP (D3.2b, D3.2c): open, record entries, complete, publish; a repeal
stops the document at once and is published; reminders for terms without a full cleanup."""

from datetime import date, timedelta

import pytest

from zhifa.core import clock
from zhifa.core.models import AuditEvent
from zhifa.law import rules
from zhifa.law.models import Cleanup, LegalBasis
from zhifa.law.tests.builders import article_of, make_basis
from zhifa.org.models import GovernmentTerm
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def docs(world):
    a = make_basis(
        "normative_document",
        "关于规范农贸市场经营秩序的通知",
        issuing_agency=world["agency"],
        effective_from=date(2019, 1, 1),
        document_number="渝中市监发〔2019〕5号",
    )
    b = make_basis(
        "normative_document",
        "关于加强临期食品销售管理的通知",
        issuing_agency=world["agency"],
        effective_from=date(2022, 1, 1),
    )
    return a, b


def open_cleanup(api, user, **kw):
    today = clock.today()
    data = {
        "title": f"{today.year}年规范性文件清理",
        "scope": "periodic",
        "started_on": str(today - timedelta(days=30)),
        **kw,
    }
    res = api(user).post("law/cleanups", data)
    assert res.status_code == 201, res.content
    return res.json()["id"]


@pytest.mark.clause("D3.2b")
def test_an_agency_cleans_up_its_documents_and_a_repeal_stops_at_once(api, client, world, docs):
    keep, repeal = docs
    head = world["head"]
    pk = open_cleanup(api, head, agency_id=world["agency"].pk)
    today = clock.today()
    decided = today - timedelta(days=3)
    res = api(head).post(
        f"law/cleanups/{pk}/entries",
        {"basis_id": keep.pk, "outcome": "confirm", "reason": "符合上位法。", "decided_on": str(decided)},
    )
    assert res.status_code == 201, res.content
    # Completing with a document still without conclusion is refused, naming it.
    body = assert_api_refused(
        api(head).post(f"law/cleanups/{pk}/complete", {"completed_on": str(today)}), 422, clause="D3.2b"
    )
    assert body["code"] == "cleanup_covers_every_document" and "临期食品" in body["message"]
    res = api(head).post(
        f"law/cleanups/{pk}/entries",
        {
            "basis_id": repeal.pk,
            "outcome": "repeal",
            "reason": "与食品安全法的规定不一致。",
            "decided_on": str(decided),
        },
    )
    assert res.status_code == 201, res.content
    repeal.refresh_from_db()
    assert repeal.repealed_on == decided and "与食品安全法的规定不一致" in repeal.repeal_reason
    # The existing rule now refuses it from that date and accepted it the day before.
    assert rules.basis_in_force(article_of(repeal), decided) is not None
    assert rules.basis_in_force(article_of(repeal), decided - timedelta(days=1)) is None
    # The repeal is public at once, before the cleanup is published.
    client.logout()
    repeals = api().get("law/public/repeals").json()["items"]
    assert [r["title"] for r in repeals] == ["关于加强临期食品销售管理的通知"]
    assert api().get("law/public/cleanups").json()["count"] == 0
    # Publishing before completion is refused; then complete and publish.
    assert_api_refused(api(head).post(f"law/cleanups/{pk}/publish", {"published_on": str(today)}), 422, clause="D3.2b")
    assert api(head).post(f"law/cleanups/{pk}/complete", {"completed_on": str(today)}).status_code == 200
    res = api(head).post(
        f"law/cleanups/{pk}/entries", {"basis_id": keep.pk, "outcome": "amend", "reason": "x", "decided_on": str(today)}
    )
    assert_api_refused(res, 422, clause="D3.2b", code="cleanup_still_open")
    res = api(head).post(f"law/cleanups/{pk}/publish", {"published_on": str(today), "summary": "清理2件，废止1件。"})
    assert res.status_code == 200, res.content
    client.logout()
    public = api().get(f"law/public/cleanups/{pk}").json()
    assert {e["outcome"] for e in public["entries"]} == {"confirm", "repeal"} and public[
        "summary"
    ] == "清理2件，废止1件。"
    acts = list(AuditEvent.objects.filter(object_type="law.cleanup", object_id=str(pk)).values_list("act", flat=True))
    assert acts == ["cleanup.open", "cleanup.complete", "cleanup.publish"]
    assert AuditEvent.objects.filter(act="legal_basis.repeal", object_id=str(repeal.pk)).exists()


@pytest.mark.clause("D3.2b")
def test_an_agency_may_not_conclude_on_another_agencys_document(api, world, docs):
    other = make_basis("normative_document", "城管局的通知", issuing_agency=world["other_agency"])
    pk = open_cleanup(api, world["head"], agency_id=world["agency"].pk)
    res = api(world["head"]).post(
        f"law/cleanups/{pk}/entries",
        {"basis_id": other.pk, "outcome": "repeal", "reason": "x", "decided_on": str(clock.today())},
    )
    body = assert_api_refused(res, 422, clause="D3.2b", code="cleanup_entry_on_own_document")
    assert body["field"] == "basis"
    assert LegalBasis.objects.get(pk=other.pk).repealed_on is None


def test_officers_may_not_open_a_cleanup_and_other_heads_see_nothing(api, client, world, docs):
    res = api(world["officer"]).post(
        "law/cleanups", {"title": "清理", "agency_id": world["agency"].pk, "started_on": str(clock.today())}
    )
    assert_api_refused(res, 403, code="forbidden")
    pk = open_cleanup(api, world["head"], agency_id=world["agency"].pk)
    assert_api_refused(api(world["other_head"]).get(f"law/cleanups/{pk}"), 404, code="not_found")
    client.logout()
    assert_api_refused(api().get(f"law/cleanups/{pk}"), 401)
    assert api(world["legal_office"]).get(f"law/cleanups/{pk}").status_code == 200


def test_a_cleanup_needs_one_organiser_and_no_future_dates(api, world):
    res = api(world["admin"]).post("law/cleanups", {"title": "清理", "started_on": str(clock.today())})
    assert assert_api_refused(res, 400, code="invalid")["field"] == "agency"
    res = api(world["head"]).post(
        "law/cleanups",
        {"title": "清理", "agency_id": world["agency"].pk, "started_on": str(clock.today() + timedelta(days=1))},
    )
    assert assert_api_refused(res, 400, code="invalid")["field"] == "started_on"


@pytest.mark.clause("D3.2c")
def test_the_legal_affairs_office_runs_the_governments_full_cleanup(api, world):
    rule = make_basis(
        "local_government_rule",
        "重庆市渝中区某管理办法",
        issuing_government=world["district"],
        effective_from=date(2018, 1, 1),
    )
    office = world["legal_office"]
    pk = open_cleanup(api, office, government_id=world["district"].pk, scope="full", title="第十八届政府全面清理")
    # The city's legal affairs office does not run the district's cleanup.
    res = api(world["city_legal_office"]).post(
        f"law/cleanups/{pk}/entries",
        {"basis_id": rule.pk, "outcome": "confirm", "reason": "x", "decided_on": str(clock.today())},
    )
    assert_api_refused(res, 403, clause="D3.2c")
    today = str(clock.today())
    assert (
        api(office)
        .post(
            f"law/cleanups/{pk}/entries",
            {"basis_id": rule.pk, "outcome": "confirm", "reason": "继续有效。", "decided_on": today},
        )
        .status_code
        == 201
    )
    assert api(office).post(f"law/cleanups/{pk}/complete", {"completed_on": today}).status_code == 200
    assert Cleanup.objects.get(pk=pk).completed_on == clock.today()


@pytest.mark.clause("D3.2c")
def test_reminders_list_passed_terms_without_a_full_cleanup(api, client, world):
    passed = GovernmentTerm.objects.create(
        government=world["district"], number=17, starts_on=date(2016, 12, 1), ends_on=date(2021, 11, 30)
    )
    GovernmentTerm.objects.create(
        government=world["district"], number=18, starts_on=date(2021, 12, 1), ends_on=date(2026, 11, 30)
    )
    res = api(world["legal_office"]).get("law/cleanups/reminders?on=2026-11-25")
    assert res.status_code == 200
    [reminder] = res.json()
    assert reminder["term_id"] == passed.pk and reminder["clauses"] == ["D3.2c"]
    assert reminder["code"] == "full_cleanup_each_term" and "D3.2c" in reminder["message"]
    assert len(api(world["legal_office"]).get("law/cleanups/reminders?on=2026-12-01").json()) == 2
    # A full cleanup completed within the 17th term answers that reminder.
    Cleanup.objects.create(
        government=world["district"],
        scope="full",
        title="第十七届全面清理",
        started_on=date(2020, 3, 1),
        completed_on=date(2020, 9, 1),
    )
    assert api(world["legal_office"]).get("law/cleanups/reminders?on=2026-11-25").json() == []
    # Agency staff get no reminders; anonymous users are refused.
    assert api(world["head"]).get("law/cleanups/reminders?on=2026-12-01").json() == []
    client.logout()
    assert_api_refused(api().get("law/cleanups/reminders"), 401)
    # The page shows it to the legal affairs office.
    client.force_login(world["legal_office"])
    page = client.get("/law/cleanups/reminders/?on=2026-12-01").content.decode()
    assert "第18届" in page and "全面清理" in page


def test_cleanup_pages_walk_the_whole_act(client, world, docs):
    keep, repeal = docs
    client.force_login(world["head"])
    today = clock.today()
    res = client.post(
        "/law/cleanups/new/",
        {"title": "定期清理", "scope": "periodic", "agency": world["agency"].pk, "started_on": str(today)},
    )
    assert res.status_code == 302, res.content.decode()[:3000]
    cleanup = Cleanup.objects.get(title="定期清理")
    page = client.get(cleanup.get_absolute_url()).content.decode()
    assert "尚待作出结论的文件（2件）" in page
    res = client.post(f"/law/cleanups/{cleanup.pk}/complete/", {"completed_on": str(today)})
    assert res.status_code == 422 and "尚有" in res.content.decode()
    for basis, outcome in ((keep, "confirm"), (repeal, "repeal")):
        res = client.post(
            f"/law/cleanups/{cleanup.pk}/entries/new/",
            {"basis": basis.pk, "outcome": outcome, "reason": "理由。", "decided_on": str(today)},
        )
        assert res.status_code == 302, res.content.decode()[:3000]
    assert client.post(f"/law/cleanups/{cleanup.pk}/complete/", {"completed_on": str(today)}).status_code == 302
    assert client.post(f"/law/cleanups/{cleanup.pk}/publish/", {"published_on": str(today)}).status_code == 302
    client.logout()
    page = client.get(f"/law/public/cleanups/{cleanup.pk}/").content.decode()
    assert "关于加强临期食品销售管理的通知" in page and "废止" in page
    assert "关于加强临期食品销售管理的通知" in client.get("/law/public/repeals/").content.decode()
