"""Builders for the org tests: legal bases, articles, violation items, powers,
delegations and posts, written directly (the world a test acts in; the acts under test
go through services)."""

from __future__ import annotations

import itertools
from datetime import date

_seq = itertools.count(1)


def make_basis(level="law", title=None, short_title=None, effective_from=date(2015, 1, 1)):
    from zhifa.law.models import LegalBasis

    n = next(_seq)
    title = title or f"测试法{n}"
    return LegalBasis.objects.create(
        title=title,
        short_title=short_title if short_title is not None else title,
        slug=f"org-test-basis-{n}",
        level=level,
        issuer="测试制定机关",
        promulgated_on=effective_from,
        effective_from=effective_from,
    )


def make_article(basis=None, number=None, text="条文。", level="law"):
    from zhifa.law.models import Article

    basis = basis or make_basis(level)
    number = number or (basis.articles.count() + 1)
    return Article.objects.create(basis=basis, number=number, label=f"第{number}条", text=text)


def make_item(name=None, field="market", *, violated=None, penalty=None, code=None):
    """A violation item with a violated and a penalty article (made when not given)."""
    from zhifa.law.models import ViolationItem

    n = next(_seq)
    item = ViolationItem.objects.create(code=code or f"T-{n:03d}", name=name or f"测试违法行为{n}", field=field)
    basis = make_basis()
    item.violated_articles.set([violated or make_article(basis, 1, "禁止的行为。")])
    item.penalty_articles.set([penalty or make_article(basis, 2, "违反的，处罚款。")])
    return item


def make_power(
    agency,
    items=(),
    *,
    articles=None,
    code=None,
    category="penalty",
    valid_from=date(2020, 1, 1),
    valid_to=None,
    name=None,
):
    from zhifa.org.models import Power

    n = next(_seq)
    power = Power.objects.create(
        agency=agency,
        code=code or f"P-{n:03d}",
        name=name or f"测试职权{n}",
        category=category,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    if articles is None:
        articles = [a for i in items for a in i.penalty_articles.all()]
    power.basis_articles.set(articles)
    power.violation_items.set(items)
    return power


def make_delegation(
    recipient,
    powers,
    *,
    kind="entrustment",
    delegator=None,
    valid_from=date(2024, 1, 1),
    valid_to=date(2027, 12, 31),
    revoked_on=None,
    basis_article=None,
    document_number="测委〔2024〕1号",
):
    from zhifa.org.models import Delegation

    if kind == "entrustment" and delegator is None:
        delegator = powers[0].agency
    d = Delegation.objects.create(
        kind=kind,
        delegator=delegator,
        recipient=recipient,
        valid_from=valid_from,
        valid_to=valid_to,
        revoked_on=revoked_on,
        revocation_reason="测试撤回" if revoked_on else "",
        basis_article=basis_article,
        document_number=document_number,
    )
    d.powers.set(powers)
    return d


def make_post(agency, name=None, powers=()):
    from zhifa.org.models import Post

    post = Post.objects.create(agency=agency, name=name or f"执法岗{next(_seq)}", responsibilities="依法调查取证。")
    post.powers.set(powers)
    return post
