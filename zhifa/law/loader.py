"""Loading the legal-basis registry from the texts zhifa ships, through the services.

- :func:`load_national_laws` — every law text in ``zhifa/data/laws/`` (parsed with
  :func:`zhifa.core.lawtext.parse`, facts from ``law/data/national.yaml``) and the
  Decision itself (``zhifa/data/decision/``: each clause one article, 三（八）).
- :func:`load_catalogue` — the further bases, their relevant articles and the violation
  items in ``law/data/catalogue.yaml``.

Both are idempotent: a record that already holds the same data is left alone, so a
second run writes nothing and records nothing in the audit log. ``actor`` is the
administrator who loads (every write is audited in their name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from django.db import transaction

from zhifa.core import clauses as decision_clauses
from zhifa.core import lawtext
from zhifa.core.errors import DomainError
from zhifa.law import services
from zhifa.law.models import Article, LegalBasis, ViolationItem
from zhifa.org.models import Agency, Government

DATA = Path(__file__).resolve().parent / "data"
DECISION_DIR = lawtext.LAWS_DIR.parent / "decision"
DECISION_SLUG = "chongqing-decision-2005"


@dataclass
class LoadReport:
    bases_created: int = 0
    bases_updated: int = 0
    articles_created: int = 0
    articles_updated: int = 0
    items_created: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (self.bases_created, self.bases_updated, self.articles_created, self.articles_updated, self.items_created)
        )

    def __str__(self) -> str:
        return (
            f"执法依据新增{self.bases_created}件、更新{self.bases_updated}件；条文新增{self.articles_created}条、"
            f"更新{self.articles_updated}条；违法行为事项新增{self.items_created}项。"
        )


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _ensure_basis(actor, report: LoadReport, slug: str, data: dict) -> LegalBasis:
    """Create the basis ``slug`` or bring its registry fields to ``data``."""
    existing = LegalBasis.objects.filter(slug=slug).first()
    if existing is None:
        report.bases_created += 1
        return services.legal_basis_create(actor=actor, slug=slug, **data)
    changed = {k: v for k, v in data.items() if getattr(existing, k) != v}
    # Links to agencies and governments are filled in when they exist, never removed.
    for key in ("issuing_agency", "issuing_government"):
        if key in changed and changed[key] is None:
            del changed[key]
    if not changed:
        return existing
    report.bases_updated += 1
    return services.legal_basis_update(actor=actor, basis=existing, **changed)


def _ensure_articles(actor, report: LoadReport, basis: LegalBasis, articles) -> None:
    """``articles``: (number, label, chapter, text) for each article to hold."""
    held = {a.number: a for a in basis.articles.all()}
    for number, label, chapter, text in articles:
        article = held.get(number)
        if article is None:
            services.article_create(actor=actor, basis=basis, number=number, label=label, chapter=chapter, text=text)
            report.articles_created += 1
            continue
        changes = {
            k: v for k, v in {"label": label, "chapter": chapter, "text": text}.items() if getattr(article, k) != v
        }
        if changes:
            services.article_update(actor=actor, article=article, **changes)
            report.articles_updated += 1


def _amendments(law: lawtext.LawText) -> list[dict]:
    out = []
    for line in law.history:
        m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", line)
        if m:
            out.append({"date": date(*map(int, m.groups())).isoformat(), "text": re.sub(r"\s+", " ", line).strip()})
    return out


def _government(name: str):
    return Government.objects.filter(name__in=[name, f"重庆市{name}"]).first() if name else None


def _agency(name: str):
    return Agency.objects.filter(name=name).first() if name else None


def load_national_laws(actor) -> LoadReport:
    """Load every law text in data/laws and the Decision into the registry."""
    facts = yaml.safe_load((DATA / "national.yaml").read_text(encoding="utf-8"))
    report = LoadReport()
    with transaction.atomic():
        for path in sorted(lawtext.LAWS_DIR.glob("*.md")):
            if path.name == "README.md":
                continue
            law = lawtext.parse(path)
            meta = facts.get(path.stem)
            if meta is None:
                report.problems.append(f"{path.name}：national.yaml 中没有它的效力层级和日期，未载入。")
                continue
            basis = _ensure_basis(
                actor,
                report,
                meta["slug"],
                {
                    "title": law.title,
                    "short_title": law.short_title,
                    "level": meta["level"],
                    "issuer": meta["issuer"],
                    "document_number": meta.get("document_number", ""),
                    "promulgated_on": _date(meta["promulgated_on"]),
                    "effective_from": _date(meta["effective_from"]),
                    "amended_on": _date(meta.get("amended_on")),
                    "amendments": _amendments(law),
                    "source": meta.get("source", ""),
                },
            )
            _ensure_articles(actor, report, basis, [(a.number, a.label, a.chapter, a.text) for a in law.articles])
        _load_decision(actor, report)
    return report


def decision_sections() -> dict[int, str]:
    """The Decision's part headings, by part number: {1: "一、坚持以人为本，创新执法理念", ...}."""
    text = (DECISION_DIR / "decision.txt").read_text(encoding="utf-8")
    headings = {}
    for segment in re.split(r"[　\s]{2,}", text):
        m = re.match(r"^([一二三四五六七八九十]+)、(.{2,24})$", segment.strip())
        if m and "。" not in m.group(2):
            headings.setdefault(lawtext.cn_to_int(m.group(1)), segment.strip())
    return headings


def decision_label(clause_id: str) -> str:
    """D3.8 → 三（八）; D3.2a → 三（二）第一段; D0 → 序言."""
    if clause_id == "D0":
        return "序言"
    return decision_clauses.clause(clause_id).label.removeprefix("《决定》")


def _load_decision(actor, report: LoadReport) -> None:
    text = (DECISION_DIR / "decision.txt").read_text(encoding="utf-8")
    title = text.splitlines()[0].strip()
    basis = _ensure_basis(
        actor,
        report,
        DECISION_SLUG,
        {
            "title": title,
            "short_title": "决定",
            "level": LegalBasis.Level.LOCAL_GOVERNMENT_RULE,
            "issuer": "重庆市人民政府",
            "issuing_government": _government("重庆市"),
            # The government order number could not be confirmed from public sources; left blank.
            "document_number": "",
            "promulgated_on": date(2005, 12, 20),
            "effective_from": date(2006, 1, 1),
            "amended_on": None,
            "amendments": [
                {"date": "2005-12-15", "text": "经2005年12月15日市人民政府第64次常务会议通过，2005年12月20日公布"}
            ],
            "source": "重庆市人民政府公布的文本（zhifa/data/decision/decision.txt；条款见 clauses.yaml）",
        },
    )
    sections = decision_sections()
    articles = []
    for number, (cid, c) in enumerate(decision_clauses.all_clauses().items(), start=1):
        m = re.match(r"D(\d+)", cid)
        part = int(m.group(1)) if m else 0
        chapter = sections.get(part, "") if part else ""
        articles.append((number, decision_label(cid), chapter, c.text))
    _ensure_articles(actor, report, basis, articles)


def load_catalogue(actor) -> LoadReport:
    """Load law/data/catalogue.yaml: further bases with their articles, and the violation
    items (each citation must resolve to an article held; load_national_laws first)."""

    catalogue = yaml.safe_load((DATA / "catalogue.yaml").read_text(encoding="utf-8"))
    report = LoadReport()
    with transaction.atomic():
        for row in catalogue["bases"]:
            basis = _ensure_basis(
                actor,
                report,
                row["slug"],
                {
                    "title": row["title"],
                    "short_title": row.get("short_title", ""),
                    "level": row["level"],
                    "issuer": row["issuer"],
                    "document_number": row.get("document_number", ""),
                    "issuing_agency": _agency(row.get("issuing_agency", "")),
                    "issuing_government": _government(row.get("issuing_government", "")),
                    "promulgated_on": _date(row["promulgated_on"]),
                    "effective_from": _date(row["effective_from"]),
                    "amended_on": _date(row.get("amended_on")),
                    "amendments": [{"date": str(a["date"]), "text": a["text"]} for a in row.get("amendments", [])],
                    "source": row.get("source", ""),
                },
            )
            _ensure_articles(
                actor,
                report,
                basis,
                [
                    (
                        a["number"],
                        a.get("label") or f"第{lawtext.int_to_cn(a['number'])}条",
                        a.get("chapter", ""),
                        a["text"].strip(),
                    )
                    for a in row.get("articles", [])
                ],
            )
            if row.get("repealed_on") and basis.repealed_on is None:
                services.legal_basis_repeal(
                    actor=actor,
                    basis=basis,
                    repealed_on=_date(row["repealed_on"]),
                    reason=row.get("repeal_reason", "") or "已被修改或废止",
                )
        for row in catalogue["items"]:
            if ViolationItem.objects.filter(code=row["code"]).exists():
                continue
            try:
                services.violation_item_ensure(
                    actor=actor,
                    code=row["code"],
                    name=row["name"],
                    field=row["field"],
                    violated=row["violated"],
                    penalty=row["penalty"],
                    penalty_summary=row.get("penalty_summary", ""),
                    health_or_finance=bool(row.get("health_or_finance", False)),
                )
            except DomainError as exc:
                raise DomainError.of("invalid", f"违法行为事项 {row['code']}：{exc}") from None
            report.items_created += 1
    return report


def catalogue_citations() -> list[str]:
    """Every citation the catalogue's items make (for checks and tests)."""
    catalogue = yaml.safe_load((DATA / "catalogue.yaml").read_text(encoding="utf-8"))
    return [c for row in catalogue["items"] for c in (*row["violated"], *row["penalty"])]


def article_count(slug: str) -> int:
    return Article.objects.filter(basis__slug=slug).count()
