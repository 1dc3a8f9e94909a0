"""One clock: every app counts "today" in Beijing, and nothing outside core/clock.py asks
the machine for the date."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from zhifa.core import clock
from zhifa.testing import BEIJING, frozen, make_agency, make_city_and_district, make_officer, make_user

ROOT = Path(__file__).resolve().parents[2]

# 01:00 in Beijing on 2 March is 17:00 UTC on 1 March: the hour the machine's UTC day and
# the legal day disagree.
EARLY = datetime(2026, 3, 2, 1, 0, tzinfo=BEIJING)
DAY = date(2026, 3, 2)


def test_the_clock_is_beijing_time():
    with frozen(EARLY):
        assert clock.now().astimezone(UTC).date() == date(2026, 3, 1)
        assert clock.today() == DAY


@pytest.mark.django_db
def test_at_one_in_the_morning_every_app_agrees_on_the_day():
    from django.template import Context, Template

    from zhifa.law import services as law_services
    from zhifa.org import services as org_services
    from zhifa.org.models import Delegation
    from zhifa.people import selectors as people_selectors
    from zhifa.people import services as people_services

    _city, district = make_city_and_district()
    agency = make_agency(district, standing="pending")
    office = make_user("legal_office", government=district)
    head = make_user("head", agency=agency)
    with frozen(EARLY):
        # org: a standing decision dated today is not "in the future".
        org_services.agency_confirm_standing(actor=office, agency=agency, reason="定期确认", on=DAY)
        # people: a training completed today is recorded.
        officer = make_officer(agency, certificate=False)
        people_services.training_record(
            actor=head, officer=officer, field="penalty", course="行政处罚法", hours=8, completed_on=DAY, passed=True
        )
        # law: a cleanup started today is opened.
        law_services.cleanup_open(actor=head, title="规范性文件清理", started_on=DAY, agency=agency)
        # people: a certificate that expired yesterday (Beijing) is expired in the public register.
        expired = make_officer(agency, issued_on=date(2023, 3, 1), expires_on=DAY - timedelta(days=1))
        status = people_selectors.public_certificate_list().get(officer=expired).status
        assert status == "expired"
        # org: a delegation from today is in force on the pages.
        delegation = Delegation(kind="authorisation", recipient=agency, valid_from=DAY, valid_to=date(2027, 1, 1))
        rendered = Template("{% load org_tags zhifa %}{{ d|delegation_status|first }} {{ day|days_until }}").render(
            Context({"d": delegation, "day": DAY})
        )
        assert rendered == "in_force 0"


# --- nothing asks the machine for the date ---------------------------------------------

FORBIDDEN = {("date", "today"), ("datetime", "now"), ("datetime", "today"), ("timezone", "localdate")}
#: The clock itself and this check's own sample.
ALLOWED = {"zhifa/core/clock.py", "zhifa/core/tests/test_clock.py"}
#: Still calling date.today() when the case procedure moved to the clock (issue 8): one
#: test of filing, frozen like every test; it goes when that test asks the clock.
ALLOWED_PREFIXES = ("zhifa/cases/tests/test_filing.py",)


def _calls(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.func.attr) in FORBIDDEN:
                found.append((node.lineno, f"{name}.{node.func.attr}()"))
    return found


def test_no_module_asks_the_machine_for_the_date():
    offenders = []
    for path in sorted((ROOT / "zhifa").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED or rel.startswith(ALLOWED_PREFIXES):
            continue
        offenders += [f"{rel}:{line}: {call}" for line, call in _calls(path)]
    assert not offenders, "use zhifa.core.clock.today() / now():\n" + "\n".join(offenders)


def test_the_check_sees_each_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime\nfrom datetime import date\nfrom django.utils import timezone\n"
        "a = date.today()\nb = datetime.datetime.now()\nc = timezone.localdate()\nd = clock.today()\n"
    )
    assert [c for _, c in _calls(sample)] == ["date.today()", "datetime.now()", "timezone.localdate()"]
