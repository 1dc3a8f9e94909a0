"""The rules on legal bases (D3.10a, D3.2b) and on cleanups (D3.2b, D3.2c), each broken
and satisfied."""

from datetime import date

import pytest

from zhifa.core.errors import DomainError
from zhifa.core.rules import enforce
from zhifa.law import rules
from zhifa.law.models import Cleanup
from zhifa.law.tests.builders import article_of, make_basis
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


def refused(*violations):
    with pytest.raises(DomainError) as exc:
        enforce(*violations)
    return exc


@pytest.mark.clause("D3.10a")
def test_a_normative_document_is_refused_as_a_basis(world):
    doc = make_basis("normative_document", "关于加强临期食品销售管理的通知", issuing_agency=world["agency"])
    exc = refused(rules.basis_is_law_or_rule(article_of(doc)))
    assert_refused(exc, "D3.10a", code="basis_is_law_or_rule", field="basis_articles")
    assert "其他规范性文件" in exc.value.message and "法律、法规或者规章" in exc.value.message


@pytest.mark.clause("D3.10a")
@pytest.mark.parametrize(
    "level", ["law", "administrative_regulation", "local_regulation", "department_rule", "local_government_rule"]
)
def test_laws_regulations_and_rules_may_ground_an_act(world, level):
    assert rules.basis_is_law_or_rule(article_of(make_basis(level))) is None


@pytest.mark.clause("D3.10a", "D3.2b")
def test_a_repealed_basis_is_refused_from_its_repeal_date_and_accepted_the_day_before(world):
    basis = make_basis("local_government_rule", effective_from=date(2015, 1, 1), repealed_on=date(2026, 3, 1))
    article = article_of(basis)
    assert rules.basis_in_force(article, date(2026, 2, 28)) is None
    exc = refused(rules.basis_in_force(article, date(2026, 3, 1)))
    assert_refused(exc, "D3.2b", code="basis_in_force")
    assert_refused(exc, "D3.10a")
    assert "已于2026-03-01废止" in exc.value.message


@pytest.mark.clause("D3.10a")
def test_a_basis_not_yet_in_force_is_refused_before_its_effective_date(world):
    article = article_of(make_basis("law", effective_from=date(2027, 1, 1)))
    exc = refused(rules.basis_in_force(article, date(2026, 12, 31)))
    assert_refused(exc, "D3.10a", code="basis_in_force", field="basis_articles")
    assert "自2027-01-01起施行" in exc.value.message
    assert rules.basis_in_force(article, date(2027, 1, 1)) is None


@pytest.mark.clause("D3.2b")
def test_an_agency_cleans_up_only_its_own_normative_documents(world):
    cleanup = Cleanup(
        agency=world["agency"], scope="periodic", title="2026年规范性文件清理", started_on=date(2026, 10, 1)
    )
    own = make_basis("normative_document", issuing_agency=world["agency"])
    others = make_basis("normative_document", issuing_agency=world["other_agency"])
    law = make_basis("law")
    assert rules.cleanup_entry_on_own_document(cleanup, own) is None
    for basis in (others, law):
        exc = refused(rules.cleanup_entry_on_own_document(cleanup, basis))
        assert_refused(exc, "D3.2b", code="cleanup_entry_on_own_document", field="basis")


@pytest.mark.clause("D3.2c")
def test_a_government_cleans_up_its_own_rules_and_documents(world):
    cleanup = Cleanup(government=world["district"], scope="full", title="全面清理", started_on=date(2026, 10, 1))
    rule = make_basis("local_government_rule", issuing_government=world["district"])
    doc = make_basis("normative_document", issuing_government=world["district"])
    city_rule = make_basis("local_government_rule", issuing_government=world["city"])
    assert rules.cleanup_entry_on_own_document(cleanup, rule) is None
    assert rules.cleanup_entry_on_own_document(cleanup, doc) is None
    assert_refused(
        refused(rules.cleanup_entry_on_own_document(cleanup, city_rule)), "D3.2c", code="cleanup_entry_on_own_document"
    )


@pytest.mark.clause("D3.2b")
def test_a_completed_cleanup_takes_no_more_entries(world):
    cleanup = Cleanup(agency=world["agency"], scope="periodic", title="清理", started_on=date(2026, 10, 1))
    assert rules.cleanup_still_open(cleanup) is None
    cleanup.completed_on = date(2026, 11, 1)
    assert_refused(refused(rules.cleanup_still_open(cleanup)), "D3.2b", code="cleanup_still_open")


@pytest.mark.clause("D3.2b", "D3.2c")
def test_a_cleanup_completes_only_when_every_document_has_a_conclusion(world):
    cleanup = Cleanup(agency=world["agency"], scope="periodic", title="清理", started_on=date(2026, 10, 1))
    pending = [make_basis("normative_document", "未清理的通知", issuing_agency=world["agency"])]
    exc = refused(rules.cleanup_covers_every_document(cleanup, pending))
    assert_refused(exc, "D3.2b", code="cleanup_covers_every_document")
    assert_refused(exc, "D3.2c")
    assert "《未清理的通知》" in exc.value.message
    assert rules.cleanup_covers_every_document(cleanup, []) is None


@pytest.mark.clause("D3.2b")
def test_a_cleanup_is_published_only_after_completion(world):
    cleanup = Cleanup(agency=world["agency"], scope="periodic", title="清理", started_on=date(2026, 10, 1))
    assert_refused(
        refused(rules.cleanup_completed_before_publication(cleanup)),
        "D3.2b",
        code="cleanup_completed_before_publication",
        field="published_on",
    )
    cleanup.completed_on = date(2026, 11, 1)
    assert rules.cleanup_completed_before_publication(cleanup) is None


@pytest.mark.clause("D3.2c")
def test_a_term_without_a_full_cleanup_raises_a_reminder_once_it_has_passed(world):
    from zhifa.org.models import GovernmentTerm

    term = GovernmentTerm(
        government=world["district"], number=18, starts_on=date(2021, 12, 1), ends_on=date(2026, 11, 30)
    )
    assert rules.full_cleanup_each_term(term, [], date(2026, 11, 30)) is None  # the term has not passed
    exc = refused(rules.full_cleanup_each_term(term, [], date(2026, 12, 1)))
    assert_refused(exc, "D3.2c", code="full_cleanup_each_term")
    assert "全面清理" in exc.value.message
    periodic = Cleanup(
        government=world["district"],
        scope="periodic",
        title="定期清理",
        started_on=date(2024, 1, 1),
        completed_on=date(2024, 3, 1),
    )
    outside = Cleanup(
        government=world["district"],
        scope="full",
        title="上届的全面清理",
        started_on=date(2020, 1, 1),
        completed_on=date(2020, 6, 1),
    )
    assert rules.full_cleanup_each_term(term, [periodic, outside], date(2026, 12, 1)) is not None
    within = Cleanup(
        government=world["district"],
        scope="full",
        title="全面清理",
        started_on=date(2025, 1, 1),
        completed_on=date(2025, 6, 30),
    )
    assert rules.full_cleanup_each_term(term, [within], date(2026, 12, 1)) is None
    unfinished = Cleanup(
        government=world["district"], scope="full", title="未完成的全面清理", started_on=date(2026, 9, 1)
    )
    assert rules.full_cleanup_each_term(term, [unfinished], date(2026, 12, 1)) is not None


@pytest.mark.clause("D3.2b")
def test_a_repeal_needs_a_reason_and_happens_once(world):
    basis = make_basis("normative_document", issuing_agency=world["agency"])
    assert rules.repeal_lawful(basis, "与上位法相抵触") is None
    assert_refused(refused(rules.repeal_lawful(basis, " ")), "D3.2b", code="repeal_lawful", field="reason")
    basis.repealed_on = date(2026, 3, 1)
    exc = refused(rules.repeal_lawful(basis, "再次"))
    assert_refused(exc, "D3.2b", code="repeal_lawful", field="repealed_on")


@pytest.mark.clause("D3.2b", "D3.2c")
def test_a_repealed_document_takes_no_cleanup_entry_from_its_repeal(world):
    basis = make_basis("normative_document", issuing_agency=world["agency"], repealed_on=date(2026, 3, 1))
    assert rules.cleanup_entry_on_a_live_document(basis, date(2026, 2, 28)) is None
    exc = refused(rules.cleanup_entry_on_a_live_document(basis, date(2026, 3, 1)))
    assert_refused(exc, "D3.2b", code="cleanup_entry_on_a_live_document", field="basis")
