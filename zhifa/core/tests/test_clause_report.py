"""`zhifa clauses`: clause → kind → rules → tests, and its --check."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zhifa.core import clause_report
from zhifa.core.rules import Rule


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


# --- a rule is tested only when a test breaks it ---------------------------------------

RULE = Rule("two_certified_officers", ("D3.8",), (), lambda: None, "zhifa.people.rules", "")


def _ref(body: str, marks: str = "@pytest.mark.clause('D3.8')\n", tmp=None) -> clause_report.TestRef:
    (tmp / "zhifa").mkdir(exist_ok=True)
    (tmp / "zhifa" / "test_sample.py").write_text("import pytest\n" + marks + "def test_it():\n" + body)
    (ref,) = clause_report.collect_tests(tmp)
    return ref


@pytest.mark.parametrize(
    "body",
    [
        "    assert_refused(excinfo, 'D3.8', code='two_certified_officers')\n",
        "    assert_refused(excinfo, code='two_certified_officers')\n",
        "    assert_api_refused(resp, 422, clause='D3.8', code='two_certified_officers')\n",
        "    assert excinfo.value.code == 'two_certified_officers'\n",
        "    assert resp.json()['code'] == 'two_certified_officers'\n",
        "    with pytest.raises(DomainError):\n        enforce(rules.two_certified_officers([], True))\n",
        "    assert rules.two_certified_officers([], True)\n",
        "    assert rules.two_certified_officers([], True) is not None\n",
        "    assert rules.two_certified_officers([], True).field == 'officers'\n",
        # the clause alone, when the test names the rule too
        "    v = rules.two_certified_officers([], True)\n    assert_api_refused(resp, 422, clause='D3.8')\n",
    ],
)
def test_a_test_that_asserts_the_refusal_breaks_the_rule(tmp_path, body):
    assert _ref(body, tmp=tmp_path).breaks(RULE)


@pytest.mark.parametrize(
    "body",
    [
        # naming the rule is not breaking it
        "    assert 'two_certified_officers'\n",
        "    assert rules.two_certified_officers(standings, True) is None\n",
        "    x = rules.two_certified_officers(standings, True)\n",
        # another rule's refusal
        "    assert_refused(excinfo, 'D3.8', code='officer_certified')\n    two_certified_officers\n",
        # a refusal of the clause, without naming this rule, when another rule shares the clause
        "    assert_api_refused(resp, 422, clause='D3.8')\n",
    ],
)
def test_a_test_that_only_names_the_rule_does_not_break_it(tmp_path, body):
    assert not _ref(body, tmp=tmp_path).breaks(RULE)


def test_the_clause_alone_suffices_when_the_rule_is_its_only_rule(tmp_path):
    ref = _ref("    assert_api_refused(resp, 422, clause='D3.8')\n", tmp=tmp_path)
    assert ref.breaks(RULE, only_rule_of={"D3.8"})


def test_a_test_without_the_rules_clause_does_not_count(tmp_path):
    ref = _ref(
        "    assert_refused(excinfo, code='two_certified_officers')\n", "@pytest.mark.clause('D3.7')\n", tmp_path
    )
    assert not ref.breaks(RULE)


def test_a_rule_only_named_by_its_tests_is_reported_untested(monkeypatch, tmp_path):
    (tmp_path / "zhifa").mkdir()
    (tmp_path / "zhifa" / "test_sample.py").write_text(
        "import pytest\n@pytest.mark.clause('D3.8')\ndef test_it():\n    assert rules.two_certified_officers(s, True) is None\n"
    )
    monkeypatch.setattr(clause_report, "load_all_rules", lambda: {"two_certified_officers": RULE})
    assert clause_report.build(tmp_path).untested_rules == ["two_certified_officers"]
