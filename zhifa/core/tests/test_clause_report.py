"""`zhifa clauses`: clause → kind → rules → tests, and its --check."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zhifa.core import clause_report


def test_report_lists_every_clause_with_rules_and_tests(capsys):
    call_command("clauses", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 71
    assert set(rows[0]) == {"id", "kind", "rules", "tests"}
    d38 = next(r for r in rows if r["id"] == "D3.8")
    assert "two_certified_officers" in d38["rules"]


def test_text_report_ends_with_totals(capsys):
    call_command("clauses")
    out = capsys.readouterr().out
    assert "total: 71 clauses" in out


def test_tests_are_found_by_their_clause_marks(tmp_path):
    (tmp_path / "zhifa").mkdir()
    (tmp_path / "zhifa" / "test_sample.py").write_text(
        "import pytest\n"
        "pytestmark = pytest.mark.clause('D1.4')\n"
        "@pytest.mark.clause('D3.8')\n"
        "def test_two():\n    assert 'two_certified_officers'\n"
        "@pytest.mark.clause('D9.9')\n"
        "class TestX:\n    def test_y(self):\n        pass\n"
    )
    refs = {r.nodeid: r for r in clause_report.collect_tests(tmp_path)}
    assert refs["zhifa/test_sample.py::test_two"].clauses == {"D1.4", "D3.8"}
    assert "two_certified_officers" in refs["zhifa/test_sample.py::test_two"].names
    assert refs["zhifa/test_sample.py::TestX::test_y"].clauses == {"D1.4", "D9.9"}
    report = clause_report.build(tmp_path)
    assert ("zhifa/test_sample.py::TestX::test_y", "D9.9") in report.unknown_in_tests
    assert not report.ok


def test_check_fails_on_an_untested_rule(monkeypatch, tmp_path):
    (tmp_path / "zhifa").mkdir()
    monkeypatch.setattr(clause_report, "ROOT", tmp_path)
    monkeypatch.setattr(clause_report.build, "__defaults__", (tmp_path,))
    with pytest.raises(CommandError):
        call_command("clauses", "--check")
