"""Loading the registry: every law with its articles, the Decision clause by clause,
the catalogue's bases and violation items, idempotently and through the services."""

from datetime import date

import pytest

from zhifa.core.clauses import all_clauses
from zhifa.core.models import AuditEvent
from zhifa.law import loader, selectors
from zhifa.law.models import Article, LegalBasis, ViolationItem

pytestmark = pytest.mark.django_db

EXPECTED = {
    "administrative-penalty-law": 86,
    "administrative-coercion-law": 71,
    "administrative-reconsideration-law": 90,
    "administrative-litigation-law": 103,
    "samr-penalty-publicity-rules": 19,
}


def test_every_law_loads_with_its_articles_and_dates(loaded):
    for slug, count in EXPECTED.items():
        assert loader.article_count(slug) == count, slug
    penalty = LegalBasis.objects.get(slug="administrative-penalty-law")
    assert penalty.level == "law" and penalty.short_title == "行政处罚法"
    assert penalty.promulgated_on == date(1996, 3, 17)
    assert penalty.amended_on == date(2021, 1, 22) and penalty.effective_from == date(2021, 7, 15)
    assert penalty.document_number == "中华人民共和国主席令第七十号"
    assert [a["date"] for a in penalty.amendments] == ["1996-03-17", "2009-08-27", "2017-09-01", "2021-01-22"]
    assert "不得少于两人" in penalty.articles.get(number=42).text
    assert penalty.articles.get(number=42).chapter.startswith("第五章")
    samr = LegalBasis.objects.get(slug="samr-penalty-publicity-rules")
    assert samr.level == "department_rule" and samr.effective_from == date(2021, 9, 1)


def test_the_decision_loads_clause_by_clause(loaded):
    decision = LegalBasis.objects.get(slug=loader.DECISION_SLUG)
    assert decision.level == "local_government_rule" and decision.effective_from == date(2006, 1, 1)
    assert decision.issuing_government == loaded["city"]
    assert decision.document_number == ""  # not confirmed from public sources
    articles = list(decision.articles.order_by("number"))
    assert len(articles) == len(all_clauses())
    assert [a.number for a in articles] == list(range(1, len(articles) + 1))
    by_label = {a.label: a for a in articles}
    assert "不得少于两人" in by_label["三（八）"].text
    assert by_label["三（八）"].chapter == "三、注重程序规范，完善执法制度"
    assert str(by_label["三（八）"]) == "《决定》三（八）"
    assert articles[0].label == "序言"


def test_loading_twice_changes_nothing(loaded):
    events = AuditEvent.objects.count()
    counts = (LegalBasis.objects.count(), Article.objects.count(), ViolationItem.objects.count())
    again = loader.load_national_laws(loaded["admin"])
    again_catalogue = loader.load_catalogue(loaded["admin"])
    assert not again.changed and not again_catalogue.changed
    assert (LegalBasis.objects.count(), Article.objects.count(), ViolationItem.objects.count()) == counts
    assert AuditEvent.objects.count() == events


def test_loading_is_audited_in_the_loaders_name(loaded):
    created = AuditEvent.objects.filter(act="legal_basis.create")
    assert created.count() == LegalBasis.objects.count()
    assert set(created.values_list("actor", flat=True)) == {loaded["admin"].pk}


def test_every_citation_in_the_catalogue_resolves(loaded):
    for citation in loader.catalogue_citations():
        article = selectors.article_by_citation(citation)
        assert article.basis.may_ground, citation


def test_catalogue_has_twenty_items_across_the_four_fields(loaded):
    items = ViolationItem.objects.all()
    assert items.count() >= 20
    assert {i.field for i in items} == {"market", "ecology", "city", "transport"}
    expired = ViolationItem.objects.get(code="SC-001")
    assert [str(a) for a in expired.violated_articles.all()] == ["《食品安全法》第三十四条"]
    assert [str(a) for a in expired.penalty_articles.all()] == ["《食品安全法》第一百二十四条"]
    assert expired.health_or_finance
    toll = ViolationItem.objects.get(code="JT-001")
    assert [a.number for a in toll.violated_articles.all()] == [9]
    assert [a.number for a in toll.penalty_articles.all()] == [74]


def test_the_catalogue_holds_a_normative_document_of_an_agency(loaded):
    doc = LegalBasis.objects.get(slug="demo-yuzhong-market-normative-document")
    assert doc.level == "normative_document" and not doc.may_ground
    assert doc.issuing_agency == loaded["agency"]


def test_a_law_text_without_its_facts_is_reported_not_guessed(world, monkeypatch, tmp_path):
    monkeypatch.setattr(loader, "DATA", tmp_path)
    (tmp_path / "national.yaml").write_text("{}\n", encoding="utf-8")
    report = loader.load_national_laws(world["admin"])
    assert len(report.problems) == len(EXPECTED)
    assert not LegalBasis.objects.filter(slug__in=EXPECTED).exists()


def test_only_the_administrator_loads(world):
    from zhifa.core.errors import DomainError

    with pytest.raises(DomainError) as exc:
        loader.load_national_laws(world["officer"])
    assert exc.value.code == "forbidden"
    assert not LegalBasis.objects.exists()


def test_the_loadlaw_command_loads_and_reloads(world):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("loadlaw", username=world["admin"].username, stdout=out)
    assert "违法行为事项新增20项" in out.getvalue()
    out = StringIO()
    call_command("loadlaw", username=world["admin"].username, stdout=out)
    assert "新增0件" in out.getvalue() and "违法行为事项新增0项" in out.getvalue()


def test_the_anti_monopoly_law_resolves_by_date(loaded):
    """The 2008 text and the 2022 amendment are two bases; a citation resolves to the text in force on the date."""
    assert selectors.article_by_citation("反垄断法第五十六条").basis.slug == "anti-monopoly-law"
    assert selectors.article_by_citation("反垄断法（2008）第四十六条").basis.slug == "anti-monopoly-law-2008"
    before = selectors.article_by_citation("反垄断法第四十六条", date(2022, 7, 31))
    assert before.basis.slug == "anti-monopoly-law-2008" and "五十万元以下" in before.text
    after = selectors.article_by_citation("反垄断法第五十六条", date(2022, 8, 1))
    assert after.basis.slug == "anti-monopoly-law" and "三百万元以下" in after.text


def test_the_catalogue_holds_every_article_the_discretion_standards_cite(loaded):
    from zhifa.discretion import engine

    for version in engine.load_files(engine.bundled_paths()):
        for item in version.items.values():
            for citation in (*item.violated, *item.penalty):
                assert selectors.article_by_citation(citation).basis.may_ground, (version.label, item.code, citation)


@pytest.mark.clause("D3.2b")
def test_a_superseded_text_in_the_catalogue_is_repealed_from_its_date(loaded):
    from zhifa.law import rules

    old = LegalBasis.objects.get(short_title="反垄断法（2008）")
    assert old.repealed_on == date(2022, 8, 1) and "主席令第一一六号" in old.repeal_reason
    article = old.articles.first()
    assert rules.basis_in_force(article, date(2022, 7, 31)) is None
    assert rules.basis_in_force(article, date(2022, 8, 1)).code == "basis_in_force"
