"""Standards in the database (import, idempotent, linked to violation items), departures
and their counts, the API and the pages (staff and public), allowed and refused roles."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.discretion import engine, services
from zhifa.discretion.models import Departure, DiscretionItem, StandardVersion
from zhifa.testing import (
    assert_api_refused,
    assert_refused,
    make_agency,
    make_city_and_district,
    make_officer,
    make_user,
)

pytestmark = pytest.mark.django_db
BUNDLED = [(p.name, p.read_text(encoding="utf-8")) for p in engine.bundled_paths()]


@pytest.fixture
def world():
    city, district = make_city_and_district()
    agency = make_agency(district, name="重庆市渝中区城市管理局", field="city")
    other = make_agency(district, name="重庆市渝中区市场监督管理局", field="market")
    officer_user = make_user("officer", agency=agency, username="officer1")
    return {
        "agency": agency,
        "other": other,
        "legal": make_user("legal_office", government=city, username="legal1"),
        "officer_user": officer_user,
        "officer": make_officer(agency, name="李执法", user=officer_user),
        "reviewer": make_user("reviewer", agency=agency, username="reviewer1"),
        "other_reviewer": make_user("reviewer", agency=other, username="reviewer2"),
        "other_officer": make_user("officer", agency=other, username="officer2"),
    }


@pytest.fixture
def imported(world):
    return services.standards_import(actor=world["legal"], documents=BUNDLED)


def test_import_is_idempotent_and_audited(world, imported):
    assert len(imported.created) == 5
    assert DiscretionItem.objects.count() == 54
    again = services.standards_import(actor=world["legal"], documents=BUNDLED)
    assert again.created == [] and len(again.unchanged) == 5
    assert StandardVersion.objects.count() == 5
    assert AuditEvent.objects.filter(act="discretion.version.create").count() == 5


def test_import_links_violation_items_registered_by_the_law_app(world):
    from zhifa.law import loader

    admin = make_user("admin", username="admin1")
    loader.load_national_laws(admin)
    loader.load_catalogue(admin)
    services.standards_import(actor=world["legal"], documents=BUNDLED)
    item = DiscretionItem.objects.get(code="CG-ZD-18")
    assert item.violation_item is not None and item.violation_item.code == "CG-003"
    assert DiscretionItem.objects.filter(violation_item__isnull=False).count() >= 10


def test_an_officer_may_not_import_and_a_bad_file_is_refused_in_chinese(world):
    with pytest.raises(DomainError) as excinfo:
        services.standards_import(actor=world["officer_user"], documents=BUNDLED)
    assert excinfo.value.code == "forbidden"
    with pytest.raises(DomainError) as excinfo:
        services.standards_import(actor=world["legal"], documents=[("x.yaml", "standard: {code: x}\n")])
    assert excinfo.value.status == 400 and "缺少" in excinfo.value.message


def test_propose_uses_the_database_standards(world, imported):
    p = services.propose(
        item_code="CG-ZD-18",
        act_date=date(2025, 3, 1),
        decision_date=date(2025, 3, 10),
        facts={"harm": "ordinary", "party_kind": "individual"},
    )
    assert p.recommended == Decimal("275")


# --- departures -------------------------------------------------------------------------


def _proposal():
    return services.propose(
        item_code="CG-ZD-18",
        act_date=date(2025, 3, 1),
        decision_date=date(2025, 3, 10),
        facts={"harm": "ordinary", "party_kind": "individual"},
    )


def _record(world, **kw):
    args = {
        "actor": world["officer_user"],
        "agency": world["agency"],
        "officer": world["officer"],
        "case_reference": "渝中城管罚〔2025〕12号",
        "proposal": _proposal(),
        "facts": {"harm": "ordinary", "party_kind": "individual"},
        "chosen_outcome": "penalty",
        "chosen_amount": Decimal("150"),
        "reasons": "当事人经营规模很小且当场清理了占用的人行道，按从轻幅度处罚更为适当。",
        "reviewer": world["reviewer"],
    }
    args.update(kw)
    return services.departure_record(**args)


@pytest.mark.clause("D3.6")
def test_a_departure_without_reasons_or_review_is_refused(world, imported):
    with pytest.raises(DomainError) as excinfo:
        _record(world, reasons="")
    assert_refused(excinfo, "D3.6", code="departure_reasoned", field="reasons")
    with pytest.raises(DomainError) as excinfo:
        _record(world, reviewer=None)
    assert_refused(excinfo, "D3.6", code="departure_reasoned", field="reviewer")
    with pytest.raises(DomainError) as excinfo:
        _record(world, reviewer=world["officer_user"])
    assert_refused(excinfo, "D3.10c", code="departure_reasoned")
    assert not Departure.objects.exists()


@pytest.mark.clause("D3.6", "D3.10c")
def test_a_reasoned_reviewed_departure_is_recorded_counted_and_audited(world, imported, client):
    d = _record(world)
    assert d.proposed_tier == "一般" and d.chosen_amount == Decimal("150") and d.trace
    assert AuditEvent.objects.filter(act="discretion.departure", object_id=str(d.pk)).exists()
    from zhifa.discretion import selectors

    counts = selectors.departure_counts(world["officer_user"])
    assert counts["total"] == 1 and counts["by_officer"][0]["officer_name"] == "李执法"
    # Another agency's staff do not see it.
    assert selectors.departure_counts(world["other_officer"])["total"] == 0
    client.force_login(world["reviewer"])
    page = client.get("/discretion/departures/")
    assert page.status_code == 200 and "李执法" in page.content.decode()


@pytest.mark.clause("D3.6")
def test_an_amount_inside_the_tier_is_not_a_departure(world, imported):
    with pytest.raises(DomainError) as excinfo:
        _record(world, chosen_amount=Decimal("300"))
    assert_refused(excinfo, "D3.6", code="departure_leaves_the_proposal", field="chosen_amount")


@pytest.mark.clause("D3.6")
def test_a_departure_reviewed_by_another_agency_is_refused(world, imported):
    with pytest.raises(DomainError) as excinfo:
        _record(world, reviewer=world["other_reviewer"])
    assert_refused(excinfo, "D3.6", code="departure_reviewed_in_the_agency", field="reviewer")


# --- API ---------------------------------------------------------------------------------


def test_anyone_reads_published_standards_and_items(api, imported):
    res = api().get("discretion/standards")
    assert res.status_code == 200 and {s["code"] for s in res.json()["items"]} == {"cq-city", "cq-highway", "cq-market"}
    items = api().get("discretion/items?standard=cq-market&in_force_on=2024-01-01").json()
    assert items["count"] == 10
    one = api().get(f"discretion/items/{items['items'][0]['id']}").json()
    assert one["tiers"]


def test_api_diff_of_two_versions(api, imported):
    old = StandardVersion.objects.get(label="2021")
    new = StandardVersion.objects.get(standard__code="cq-market", label="2023")
    body = api().get(f"discretion/diff?old={old.pk}&new={new.pk}").json()
    assert {c["item_code"] for c in body["changed"]} == {"SC-AM-UNIMPL", "SC-AM-OBSTRUCT"}


def test_api_evaluate(api, world, imported):
    res = api(world["officer_user"]).post(
        "discretion/evaluate",
        {
            "item_code": "CG-ZD-18",
            "act_date": "2025-03-01",
            "decision_date": "2025-03-10",
            "facts": {
                "party_kind": "individual",
                "vulnerable_status": "migrant_worker",
                "first_offence": True,
                "minor": True,
                "harm": "minor",
                "corrected": True,
            },
        },
    )
    assert res.status_code == 200, res.content
    body = res.json()
    assert body["outcome"] == "warning" and any("D5.1b" in s["clauses"] for s in body["trace"])
    from django.test import Client

    from zhifa.testing import Api

    anonymous = Api(Client()).post(
        "discretion/evaluate", {"item_code": "CG-ZD-18", "act_date": "2025-03-01", "decision_date": "2025-03-10"}
    )
    assert anonymous.status_code == 401


@pytest.mark.clause("D1.2")
def test_api_refuses_attributes_the_law_does_not_list(api, world, imported):
    res = api(world["officer_user"]).post(
        "discretion/evaluate",
        {
            "item_code": "CG-ZD-18",
            "act_date": "2025-03-01",
            "decision_date": "2025-03-10",
            "facts": {"party_kind": "individual", "ownership": "private"},
        },
    )
    assert_api_refused(res, 422, clause="D1.2", code="only_listed_factors")
    res = api(world["officer_user"]).post(
        "discretion/evaluate",
        {"item_code": "CG-ZD-18", "act_date": "2025-03-01", "decision_date": "2025-03-10", "region": "渝中区"},
    )
    assert_api_refused(res, 400, code="invalid")


@pytest.mark.clause("D3.6")
def test_api_departure_refused_then_recorded_and_counted(api, world, imported):
    payload = {
        "agency_id": world["agency"].pk,
        "officer_id": world["officer"].pk,
        "case_reference": "渝中城管罚〔2025〕13号",
        "item_code": "CG-ZD-18",
        "act_date": "2025-03-01",
        "decision_date": "2025-03-10",
        "facts": {"harm": "ordinary", "party_kind": "individual"},
        "chosen_outcome": "penalty",
        "chosen_amount": "100",
        "reasons": "短",
        "reviewer_id": world["reviewer"].pk,
    }
    assert_api_refused(
        api(world["officer_user"]).post("discretion/departures", payload), 422, clause="D3.6", code="departure_reasoned"
    )
    payload["reasons"] = "当事人当场改正且经营规模很小，按从轻幅度处罚更为适当。"
    res = api(world["officer_user"]).post("discretion/departures", payload)
    assert res.status_code == 201, res.content
    assert api(world["officer_user"]).get("discretion/departures/counts").json()["total"] == 1
    # Another agency's officer cannot record for this agency.
    res = api(world["other_officer"]).post("discretion/departures", {**payload, "officer_id": None})
    assert res.status_code == 404


def test_api_import_by_the_legal_affairs_office_only(api, world):
    body = {"name": BUNDLED[0][0], "content": BUNDLED[0][1]}
    assert_api_refused(api(world["officer_user"]).post("discretion/import", body), 403, code="forbidden")
    res = api(world["legal"]).post("discretion/import", body)
    assert res.status_code == 201 and res.json()["created"]


# --- pages -------------------------------------------------------------------------------


def test_public_pages_publish_standards_without_login(client, imported):
    page = client.get("/discretion/public/")
    assert page.status_code == 200 and "重庆市公路路政行政处罚裁量基准" in page.content.decode()
    v = StandardVersion.objects.get(standard__code="cq-highway")
    assert "HW-74" in client.get(f"/discretion/public/versions/{v.pk}/").content.decode()
    item = DiscretionItem.objects.get(code="HW-74")
    body = client.get(f"/discretion/public/items/{item.pk}/").content.decode()
    assert "在乡道、县道上擅自设卡、收费" in body and "1000元罚款" in body
    assert client.get("/discretion/standards/").status_code == 302  # the staff list needs a login


def test_export_yaml_and_excel_round_trip(client, world, imported):
    v = StandardVersion.objects.get(standard__code="cq-market", label="2023")
    text = client.get(f"/discretion/public/versions/{v.pk}/export.yaml").content.decode()
    report = services.standards_import(actor=world["legal"], documents=[("again.yaml", text)])
    assert report.unchanged == ["cq-market@2023"]
    xlsx = client.get(f"/discretion/versions/{v.pk}/export.xlsx").content
    rows = services.import_xlsx_check(xlsx)
    assert len(rows) == 30 and rows[0][0] == "SC-FS-122"


def test_staff_pages_list_filter_diff_and_try_the_engine(client, world, imported):
    client.force_login(world["officer_user"])
    page = client.get("/discretion/items/?field=city&q=占道")
    assert page.status_code == 200 and "CG-ZD-18" in page.content.decode() and "HW-74" not in page.content.decode()
    old = StandardVersion.objects.get(label="2021")
    new = StandardVersion.objects.get(standard__code="cq-market", label="2023")
    diff = client.get(f"/discretion/diff/?old={old.pk}&new={new.pk}").content.decode()
    assert "SC-AM-UNIMPL" in diff and "3000000" in diff
    res = client.post(
        "/discretion/evaluate/",
        {
            "item_code": "CG-ZD-18",
            "act_date": "2025-03-01",
            "decision_date": "2025-03-10",
            "party_kind": "individual",
            "harm": "minor",
            "prior_violations": "0",
            "mental": "none",
            "vulnerable_status": "migrant_worker",
            "first_offence": "on",
            "minor": "on",
            "corrected": "on",
        },
    )
    body = res.content.decode()
    assert res.status_code == 200 and "建议：警告" in body and "D5.1b" in body
    res = client.post(
        "/discretion/evaluate/",
        {
            "item_code": "HW-74",
            "act_date": "2021-03-01",
            "decision_date": "2021-03-10",
            "party_kind": "individual",
            "harm": "minor",
            "prior_violations": "0",
            "mental": "none",
        },
    )
    assert res.status_code == 422 and "D3.6" in res.content.decode()


def test_import_page_for_the_legal_affairs_office(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world["legal"])
    res = client.post("/discretion/import/", {"file": SimpleUploadedFile("h.yaml", BUNDLED[1][1].encode())})
    assert res.status_code == 302 and StandardVersion.objects.count() == 1
    client.force_login(world["officer_user"])
    res = client.post("/discretion/import/", {"file": SimpleUploadedFile("h.yaml", BUNDLED[0][1].encode())})
    assert res.status_code == 403


EXAMPLE = Path(__file__).resolve().parent / "examples" / "example-dig.yaml"


@pytest.mark.clause("D5.1a")
def test_tiers_of_no_penalty_and_no_fine_import_export_and_propose(client, world):
    text = EXAMPLE.read_text(encoding="utf-8")
    report = services.standards_import(actor=world["legal"], documents=[("example-dig.yaml", text)])
    assert report.created == ["example-dig@2024"]
    v = StandardVersion.objects.get(standard__code="example-dig")
    exported = services.export_yaml(v)
    assert "outcome: no_penalty" in exported and "outcome: warning" in exported
    again = services.standards_import(actor=world["legal"], documents=[("again.yaml", exported)])
    assert again.unchanged == ["example-dig@2024"]
    rows = services.import_xlsx_check(services.export_xlsx(v))
    assert [(r[5], r[7]) for r in rows][:2] == [("不予处罚", "不予处罚"), ("不予罚款", "警告，不予罚款")]
    p = services.propose(
        item_code="EX-DIG-1",
        act_date=date(2026, 3, 2),
        decision_date=date(2026, 3, 20),
        facts={"harm": "minor", "area": "4", "circumstances": ["restored_at_once"]},
    )
    assert p.outcome == "no_penalty" and p.tier_label == "不予处罚" and "D5.1a" in p.trace[-1].clauses


@pytest.mark.parametrize(
    "tier,message",
    [
        ({"level": "免罚", "when": {"all": ["restored_at_once"]}, "outcome": "pardon"}, "outcome 应为"),
        (
            {
                "level": "免罚",
                "when": {"all": ["restored_at_once"]},
                "outcome": "no_penalty",
                "fine": {"range": [0, 1]},
            },
            "不得规定罚款",
        ),
        ({"level": "免罚", "outcome": "no_penalty"}, "须写明适用的情节"),
    ],
)
def test_a_tier_without_a_fine_must_say_so_and_when(tier, message):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["items"][0]["tiers"][0] = tier
    with pytest.raises(engine.StandardError) as e:
        engine.parse_version(data, origin="bad.yaml")
    assert message in str(e.value)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["items"][0]["default_level"] = "不予处罚"
    with pytest.raises(engine.StandardError) as e:
        engine.parse_version(data, origin="bad.yaml")
    assert "须是罚款档次" in str(e.value)
