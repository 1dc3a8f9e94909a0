"""The rules-as-code core: clause registry, rule decorator, domain error."""

import pytest

from zhifa.core.clauses import UnknownClause, all_clauses, clause, validate
from zhifa.core.errors import DomainError, Violation
from zhifa.core.rules import REGISTRY, enforce, refuse, rule


def test_every_clause_of_the_decision_is_loaded_with_a_kind():
    clauses = all_clauses()
    assert len(clauses) == 71
    assert clauses["D3.8"].kind == "rule"
    assert "两" in clauses["D3.8"].text


def test_clause_labels_read_like_the_decision():
    assert clause("D3.8").label == "《决定》三（八）"
    assert clause("D3.1b").label == "《决定》三（一）第二段"
    assert clause("D10").label == "《决定》十"


def test_an_unknown_clause_fails_loudly():
    with pytest.raises(UnknownClause):
        validate(["D3.99"])
    with pytest.raises(UnknownClause):

        @rule("D42")
        def nonsense():
            return None


def test_a_rule_fills_in_its_code_clauses_and_articles():
    @rule("D3.8", law="行政处罚法第四十二条")
    def _sample_rule(n):
        return refuse("人数不足", field="officers") if n < 2 else None

    try:
        assert _sample_rule(2) is None
        v = _sample_rule(1)
        assert v == Violation("_sample_rule", ("D3.8",), "人数不足", "officers", ("行政处罚法第四十二条",))
        assert v.full_message == "人数不足（依据：《决定》三（八）[D3.8]；《行政处罚法》第四十二条）"
        assert REGISTRY["_sample_rule"].clauses == ("D3.8",)
    finally:
        REGISTRY.pop("_sample_rule", None)


def test_a_rule_must_return_refuse_or_none():
    @rule("D3.8")
    def _bad_rule():
        return "oops"

    try:
        with pytest.raises(TypeError):
            _bad_rule()
    finally:
        REGISTRY.pop("_bad_rule", None)


def test_enforce_raises_one_error_with_every_violation():
    a = Violation("a", ("D3.8",), "甲", "x")
    b = Violation("b", ("D3.1b",), "乙", "y")
    enforce(None, None)
    with pytest.raises(DomainError) as exc:
        enforce(a, None, b)
    err = exc.value
    assert err.status == 422 and err.code == "a" and err.field == "x"
    assert err.all_clauses == ["D3.8", "D3.1b"]
    body = err.as_dict()
    assert body["clauses"] == ["D3.8", "D3.1b"] and [e["code"] for e in body["errors"]] == ["a", "b"]


def test_error_statuses_follow_the_code():
    assert DomainError.of("not_found", "无").status == 404
    assert DomainError.of("forbidden", "无").status == 403
    assert DomainError.of("conflict", "无").status == 409
    assert DomainError.of("invalid", "无").status == 400
    with pytest.raises(ValueError):
        DomainError([])
