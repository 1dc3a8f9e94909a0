"""Builders for the law app's tests: bases and articles written directly (the world the
test acts in); the acts under test go through services."""

from __future__ import annotations

import itertools
from datetime import date

from zhifa.law.models import Article, LegalBasis

_seq = itertools.count(1)


def make_basis(
    level="law",
    title=None,
    *,
    effective_from=date(2020, 1, 1),
    promulgated_on=None,
    repealed_on=None,
    issuing_agency=None,
    issuing_government=None,
    short_title="",
    articles=1,
    **kw,
) -> LegalBasis:
    n = next(_seq)
    basis = LegalBasis.objects.create(
        title=title or f"测试依据{n}",
        short_title=short_title,
        slug=f"test-basis-{n}",
        level=level,
        issuer=kw.pop("issuer", "测试制定机关"),
        issuing_agency=issuing_agency,
        issuing_government=issuing_government,
        promulgated_on=promulgated_on or effective_from,
        effective_from=effective_from,
        repealed_on=repealed_on,
        **kw,
    )
    for i in range(1, articles + 1):
        Article.objects.create(basis=basis, number=i, label=f"第{i}条", text=f"{basis.title}第{i}条的条文。")
    return basis


def article_of(basis, number=1) -> Article:
    return basis.articles.get(number=number)
