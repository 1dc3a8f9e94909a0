"""D2.3: fines are not revenue. Nothing in the platform counts fine income per officer or
per agency as a target: no API schema, no page template carries such a figure."""

import json
from pathlib import Path

import pytest

FORBIDDEN = (
    "revenue",
    "fine_income",
    "fines_by_officer",
    "罚没收入",
    "罚款收入",
    "创收",
    "人均罚款",
    "罚款任务",
    "罚没指标",
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.clause("D2.3")
@pytest.mark.django_db
def test_no_api_operation_reports_fine_revenue(client):
    schema = json.dumps(client.get("/api/v1/openapi.json").json(), ensure_ascii=False).lower()
    assert not [word for word in FORBIDDEN if word in schema]


@pytest.mark.clause("D2.3")
def test_no_page_shows_fine_revenue_or_quotas():
    offenders = [
        f"{path.relative_to(ROOT)}: {word}"
        for path in ROOT.rglob("templates/**/*.html")
        for word in FORBIDDEN
        if word in path.read_text(encoding="utf-8")
    ]
    assert not offenders
