"""The texts of the national laws in ``data/laws/``, parsed into articles.

The law app loads these into the legal-basis registry; rules cite them as
``行政处罚法第四十二条`` and ``zhifa clauses --check`` resolves every citation here,
so a rule can only cite an article that exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

LAWS_DIR = Path(__file__).resolve().parent.parent / "data" / "laws"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(text: str) -> int:
    """二百一十三 → 213; 十五 → 15; 一百零五 → 105. Arabic digits pass through."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            raise ValueError(f"不是中文数字：{text!r}")
    return total + current


def int_to_cn(n: int) -> str:
    """213 → 二百一十三; 15 → 十五; 105 → 一百零五 (as the laws number their articles)."""
    if n <= 0:
        raise ValueError(n)
    digits = "零一二三四五六七八九"
    parts = []
    for value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, value)
        if q:
            parts.append(digits[q] + unit)
        elif parts and n and parts[-1] != "零":
            parts.append("零")
    if n:
        parts.append(digits[n])
    text = "".join(parts)
    if text.startswith("一十"):
        text = text[1:]
    return text


@dataclass(frozen=True)
class LawArticle:
    number: int
    label: str  # 第四十二条
    chapter: str
    text: str


@dataclass(frozen=True)
class LawText:
    slug: str
    title: str
    short_title: str
    history: tuple[str, ...]
    articles: tuple[LawArticle, ...] = field(repr=False)

    def article(self, number: int) -> LawArticle:
        for a in self.articles:
            if a.number == number:
                return a
        raise KeyError(f"{self.short_title}没有第{int_to_cn(number)}条")


_ARTICLE = re.compile(r"^第([零〇一二两三四五六七八九十百千]+)条[\s　]*(.*)$")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def parse(path: Path) -> LawText:
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0].lstrip("# ").strip()
    head, _, body = "\n".join(lines[1:]).partition("<!-- INFO END -->")
    history = tuple(line.strip() for line in head.splitlines() if line.strip())
    articles: list[list] = []
    chapter = ""
    for raw in body.splitlines():
        line = raw.replace("\u200b", "").strip()
        if not line:
            continue
        if line.startswith("## "):
            chapter = re.sub(r"\s+", " ", line[3:]).strip()
            continue
        if line.startswith("#"):
            continue
        m = _ARTICLE.match(line)
        if m:
            articles.append([cn_to_int(m.group(1)), f"第{m.group(1)}条", chapter, [m.group(2).strip()]])
        elif articles:
            articles[-1][3].append(line)
    parsed = tuple(LawArticle(n, label, ch, "\n".join(p for p in paras if p)) for n, label, ch, paras in articles)
    numbers = [a.number for a in parsed]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError(f"{path.name}: articles are not numbered 1..{len(numbers)}")
    short = title.removeprefix("中华人民共和国")
    return LawText(path.stem, title, short, history, parsed)


def history_dates(law: LawText) -> list[date]:
    return [date(int(y), int(m), int(d)) for line in law.history for (y, m, d) in _DATE.findall(line)]


@cache
def all_laws() -> dict[str, LawText]:
    """Every law text in data/laws, by its short title (行政处罚法)."""
    laws = {}
    for path in sorted(LAWS_DIR.glob("*.md")):
        if path.name == "README.md":
            continue
        law = parse(path)
        laws[law.short_title] = law
    return laws


_CITATION = re.compile(
    r"^《?(?P<law>[^《》第]+?)》?第(?P<article>[零〇一二两三四五六七八九十百千\d]+)条"
    r"(?:第(?P<para>[一二三四五六七八九十\d]+)款)?(?:第(?P<item>[（(]?[一二三四五六七八九十\d]+[)）]?)项)?$"
)


class UnknownCitation(LookupError):
    """A citation of a law or article that zhifa does not hold."""


@dataclass(frozen=True)
class Citation:
    law: str
    article: int
    paragraph: int | None = None

    def __str__(self) -> str:
        text = f"《{all_laws()[self.law].title if self.law in all_laws() else self.law}》第{int_to_cn(self.article)}条"
        if self.paragraph:
            text += f"第{int_to_cn(self.paragraph)}款"
        return text


def parse_citation(text: str) -> Citation:
    """``行政处罚法第四十二条`` → Citation('行政处罚法', 42). Raises UnknownCitation."""
    m = _CITATION.match(text.strip())
    if not m:
        raise UnknownCitation(f"无法识别的法律条文引用：{text!r}（格式如“行政处罚法第四十二条”）")
    para = m.group("para")
    return Citation(m.group("law"), cn_to_int(m.group("article")), cn_to_int(para) if para else None)


def resolve(text: str) -> LawArticle:
    """The article a citation names, if zhifa holds that law; else UnknownCitation."""
    cit = parse_citation(text)
    law = all_laws().get(cit.law)
    if law is None:
        raise UnknownCitation(f"zhifa 未收录《{cit.law}》：{text}")
    try:
        return law.article(cit.article)
    except KeyError as exc:
        raise UnknownCitation(f"{text}：{exc.args[0]}") from None


def display(text: str) -> str:
    """行政处罚法第四十二条 → 《行政处罚法》第四十二条; anything else unchanged."""
    m = _CITATION.match(text.strip())
    if not m or text.startswith("《"):
        return text
    return f"《{m.group('law')}》{text.strip()[len(m.group('law')) :]}"
