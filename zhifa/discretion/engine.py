"""The discretion engine: proposes, explains and checks a penalty by the benchmark.

Pure Python (no ORM, no I/O): a benchmark standard version is data (:class:`Version`,
parsed from the YAML files in ``standards/`` or from the database's copy of them);
:func:`propose` takes the item, the act and decision dates, the recorded facts and the
number of prior violations, and returns a :class:`Proposal`:

    proposal = propose(versions, item_code="HW-74", act_date=date(2025, 3, 1),
                       decision_date=date(2025, 4, 1), facts={"party_kind": "organisation",
                       "illegal_income": "2000", "circumstances": ["national_or_provincial_road"]})
    proposal.outcome        # "no_penalty" | "warning" | "penalty"
    proposal.fine_min, proposal.fine_max, proposal.recommended   # Decimal yuan (None without a fine)
    proposal.tier, proposal.tier_label, proposal.penalties, proposal.trace, proposal.explanation

How it decides (each step is recorded in ``trace`` with its clause, article and the
standard's row):

1. D3.6: the versions of the benchmark that hold the item and were in force on the act
   date, or took effect between the act and the decision, are all computed; the most
   lenient outcome is applied (行政处罚法第三十七条).
2. No penalty: under 14 (第三十条), unable to recognise or control one's conduct
   (第三十一条), proven without fault (第三十三条第二款), or significantly minor,
   promptly corrected and harmless (D5.1a, 第三十三条第一款).
3. D5.1b: a disabled person, laid-off worker or migrant worker, first offence,
   significantly minor with slight consequences, promptly corrected: a warning, no fine
   or confiscation.
4. Otherwise the tier: by the standard's own tiers where it states them (conditions
   on the recorded facts), else the common split of the statutory range (从轻 Y to
   Y+30%(X−Y), 一般 to Y+70%, 从重 to X). Aggravation only on a listed factor (D5.1c),
   always on intent with serious harm or egregious conduct (D5.9); mandatory mitigation
   for minors of 14–18 and 行政处罚法第三十二条 (从轻 or 减轻). Never above the
   statutory maximum; below the minimum only when reduced on a legal ground.

Facts are validated against :data:`FACT_FIELDS`: an attribute the law does not list
(region, occupation, ownership, office, connections, attitude …) is refused (D1.2).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from zhifa.core.errors import DomainError, Violation
from zhifa.core.lawtext import display
from zhifa.core.rules import enforce
from zhifa.discretion import rules

ZERO = Decimal(0)
CENT = Decimal("0.01")
YUAN = Decimal(1)

# ---------------------------------------------------------------------------------
# Facts: what an officer records, and nothing else (D1.2)
# ---------------------------------------------------------------------------------

HARM_LEVELS = ("none", "minor", "ordinary", "serious", "especially_serious")
HARM_LABELS = {
    "none": "没有造成危害后果",
    "minor": "危害后果轻微",
    "ordinary": "造成一般危害后果",
    "serious": "造成严重危害后果",
    "especially_serious": "造成特别严重危害后果",
}
VULNERABLE = {"disabled": "残疾人", "laid_off": "下岗职工", "migrant_worker": "进城务工农民"}
MENTAL = {"none": "无", "unable": "不能辨认或者不能控制自己行为", "partial": "尚未完全丧失辨认或者控制自己行为能力"}
BASES = {
    "illegal_income": "违法所得",
    "goods_value": "货值金额",
    "sales": "违法经营额（销售额）",
    "annual_sales": "上一年度销售额",
    "ad_cost": "广告费用",
}
MEASURES = {
    "area": "面积（平方米）",
    "length": "长度（延米）",
    "duration_days": "持续时间（日）",
    "count": "次数或数量",
}

FACT_FIELDS: dict[str, str] = {
    "party_kind": "当事人类别（individual 公民 / organisation 法人或其他组织）",
    "harm": "危害后果（none/minor/ordinary/serious/especially_serious）",
    "minor": "违法程度显著轻微",
    "corrected": "及时改正",
    "first_offence": "初次违法",
    "intent": "主观故意",
    "no_fault_proven": "有证据足以证明没有主观过错",
    "egregious": "违法情节恶劣",
    "refused_correction": "拒不改正",
    "obstruction": "阻碍、抗拒执法检查",
    "evidence_destroyed": "伪造、隐匿、毁灭证据",
    "vulnerable_victims": "侵害未成年人、老年人、残疾人等群体的权益",
    "emergency": "在突发事件期间实施",
    "cooperation": "积极配合调查",
    "eliminated_harm": "主动消除或者减轻危害后果",
    "coerced": "受他人胁迫或者诱骗实施",
    "confessed_unknown": "主动供述行政机关尚未掌握的违法行为",
    "meritorious": "配合查处有立功表现",
    "age": "年龄（公民）",
    "mental": "精神状况（none/unable/partial）",
    "vulnerable_status": "残疾人、下岗职工、进城务工农民（disabled/laid_off/migrant_worker）",
    "circumstances": "裁量基准列明的具体情节",
    **BASES,
    **MEASURES,
}
BOOL_FACTS = (
    "minor",
    "corrected",
    "first_offence",
    "intent",
    "no_fault_proven",
    "egregious",
    "refused_correction",
    "obstruction",
    "evidence_destroyed",
    "vulnerable_victims",
    "emergency",
    "cooperation",
    "eliminated_harm",
    "coerced",
    "confessed_unknown",
    "meritorious",
)


class FactsError(DomainError):
    pass


@dataclass(frozen=True)
class Facts:
    party_kind: str = "organisation"
    harm: str = "ordinary"
    minor: bool = False
    corrected: bool = False
    first_offence: bool = False
    intent: bool = False
    no_fault_proven: bool = False
    egregious: bool = False
    refused_correction: bool = False
    obstruction: bool = False
    evidence_destroyed: bool = False
    vulnerable_victims: bool = False
    emergency: bool = False
    cooperation: bool = False
    eliminated_harm: bool = False
    coerced: bool = False
    confessed_unknown: bool = False
    meritorious: bool = False
    age: int | None = None
    mental: str = "none"
    vulnerable_status: str | None = None
    circumstances: frozenset = frozenset()
    illegal_income: Decimal | None = None
    goods_value: Decimal | None = None
    sales: Decimal | None = None
    annual_sales: Decimal | None = None
    ad_cost: Decimal | None = None
    area: Decimal | None = None
    length: Decimal | None = None
    duration_days: Decimal | None = None
    count: Decimal | None = None

    @classmethod
    def from_dict(cls, data: dict | Facts | None) -> Facts:
        """Validate recorded facts; unknown attributes are refused (D1.2), bad values at their field."""
        if isinstance(data, Facts):
            return data
        data = dict(data or {})
        enforce(rules.only_listed_factors(list(data), FACT_FIELDS))
        errors: list[Violation] = []
        values: dict[str, Any] = {}

        def bad(name, message):
            errors.append(Violation("invalid", (), message, name))

        for name, raw in data.items():
            if raw is None or raw == "":
                continue
            if name in BOOL_FACTS:
                if isinstance(raw, str):
                    if raw.lower() not in ("true", "false", "1", "0", "on", "off", "yes", "no"):
                        bad(name, f"{FACT_FIELDS[name]}应为是或否。")
                        continue
                    raw = raw.lower() in ("true", "1", "on", "yes")
                values[name] = bool(raw)
            elif name == "party_kind":
                if raw not in ("individual", "organisation"):
                    bad(name, "当事人类别应为 individual（公民）或 organisation（法人或者其他组织）。")
                values[name] = raw
            elif name == "harm":
                if raw not in HARM_LEVELS:
                    bad(name, "危害后果应为 none、minor、ordinary、serious 或 especially_serious。")
                values[name] = raw
            elif name == "mental":
                if raw not in MENTAL:
                    bad(name, "精神状况应为 none、unable 或 partial。")
                values[name] = raw
            elif name == "vulnerable_status":
                if raw not in VULNERABLE:
                    bad(name, "只能是 disabled（残疾人）、laid_off（下岗职工）或 migrant_worker（进城务工农民）。")
                values[name] = raw
            elif name == "age":
                try:
                    age = int(raw)
                except (TypeError, ValueError):
                    bad(name, "年龄应为整数。")
                    continue
                if not 0 <= age <= 130:
                    bad(name, "年龄不在合理范围内。")
                values[name] = age
            elif name == "circumstances":
                if isinstance(raw, str):
                    raw = [s for s in raw.replace("，", ",").split(",") if s.strip()]
                values[name] = frozenset(str(s).strip() for s in raw)
            else:
                try:
                    amount = Decimal(str(raw))
                except InvalidOperation:
                    bad(name, f"{FACT_FIELDS[name]}应为数字。")
                    continue
                if not amount.is_finite() or amount < 0:
                    bad(name, f"{FACT_FIELDS[name]}不能为负数。")
                    continue
                values[name] = amount
        if values.get("party_kind") == "organisation" and values.get("age") is not None:
            bad("age", "年龄只适用于公民。")
        if errors:
            raise FactsError(errors, 400)
        return cls(**values)

    def as_dict(self) -> dict:
        out = {}
        for name in FACT_FIELDS:
            value = getattr(self, name)
            if name == "circumstances":
                value = sorted(value)
            elif isinstance(value, Decimal):
                value = str(value)
            out[name] = value
        return out

    @property
    def harm_rank(self) -> int:
        return HARM_LEVELS.index(self.harm)


# ---------------------------------------------------------------------------------
# Standards as data
# ---------------------------------------------------------------------------------


class StandardError(ValueError):
    """A standard file that does not fit the schema (with the path of the bad entry)."""


FIVE_LEVEL = ("减轻", "从轻", "一般", "从重")
TIER_CODES = {"减轻": "reduce", "从轻": "mitigate", "一般": "ordinary", "从重": "aggravate"}
KINDS = {
    "warning": "警告",
    "fine": "罚款",
    "confiscation": "没收",
    "suspension": "责令停产停业",
    "licence_revocation": "吊销许可证件",
    "order": "责令改正",
}


@dataclass(frozen=True)
class FineSpec:
    """One branch of a fine: a fixed range, a fixed amount, or a multiple of a base."""

    when: dict
    low: Decimal | None = None  # fixed yuan, or the lower multiple
    high: Decimal | None = None
    base: str | None = None  # a key of BASES when a multiple

    def bounds(self, facts: Facts) -> tuple[Decimal, Decimal]:
        if self.base:
            b = getattr(facts, self.base)
            if b is None:
                # A multiple of nothing is no amount: ask for the base rather than propose 0 yuan.
                from zhifa.core.errors import invalid

                raise invalid(f"罚款按{BASES[self.base]}的倍数计算，请先记录{BASES[self.base]}。", field=self.base)
            return (self.low * b).quantize(CENT), (self.high * b).quantize(CENT)
        return self.low, self.high

    def describe(self) -> str:
        if self.base:
            if self.low == self.high:
                return f"{BASES[self.base]}{_num(self.low)}倍的罚款"
            if self.low == 0:
                return f"{BASES[self.base]}{_num(self.high)}倍以下的罚款"
            return f"{BASES[self.base]}{_num(self.low)}倍以上{_num(self.high)}倍以下的罚款"
        if self.low == self.high:
            return f"{_yuan(self.low)}罚款"
        if self.low == 0:
            return f"{_yuan(self.high)}以下的罚款"
        return f"{_yuan(self.low)}以上{_yuan(self.high)}以下的罚款"


@dataclass(frozen=True)
class OtherPenalty:
    kind: str
    text: str
    when: str  # always | aggravate | serious
    requires: str | None = None  # a base that must be present (e.g. 没收违法所得 needs illegal income)


@dataclass(frozen=True)
class Tier:
    level: str
    when: dict
    fines: tuple[FineSpec, ...]
    note: str = ""


@dataclass(frozen=True)
class Item:
    code: str
    violation: str
    violated: tuple[str, ...]
    penalty: tuple[str, ...]
    statutory_text: str
    fines: tuple[FineSpec, ...]
    others: tuple[OtherPenalty, ...]
    warning_unless: str | None
    warning_allowed: bool
    circumstances: dict
    tiers: tuple[Tier, ...]
    default_level: str | None
    provenance: str
    field: str
    violation_item: str | None
    note: str
    raw: dict = field(repr=False, compare=False, hash=False)

    @property
    def explicit(self) -> bool:
        return bool(self.tiers)


@dataclass(frozen=True)
class Version:
    standard_code: str
    standard_title: str
    issuer: str
    field: str
    label: str
    title: str
    document_number: str
    effective_from: date
    effective_to: date | None
    source: dict
    split: tuple[Decimal, Decimal]
    items: dict
    digest: str = ""
    raw: dict = field(default=None, repr=False, compare=False, hash=False)

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def citation(self) -> str:
        number = f"，{self.document_number}" if self.document_number else ""
        return f"《{self.title}》（{self.label}版{number}，{_cndate(self.effective_from)}起施行）"


def _dec(value, path) -> Decimal:
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        raise StandardError(f"{path}: {value!r} 不是数字") from None
    if not d.is_finite() or d < 0:
        raise StandardError(f"{path}: {value!r} 不是非负数")
    return d


def _date(value, path) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise StandardError(f"{path}: {value!r} 不是 YYYY-MM-DD 日期") from None


CONDITION_KEYS = {"party", "has", "lacks", "lt", "lte", "gt", "gte", "any", "all", "harm_at_least", "default"}


def _check_when(when, path, circumstances):
    if when is None:
        return {}
    if not isinstance(when, dict):
        raise StandardError(f"{path}.when 应为映射")
    unknown = set(when) - CONDITION_KEYS
    if unknown:
        raise StandardError(f"{path}.when 有未知条件 {sorted(unknown)}")
    for key in ("has", "lacks"):
        if key in when and when[key] not in BASES:
            raise StandardError(f"{path}.when.{key}: 未知的计算基数 {when[key]!r}")
    for key in ("lt", "lte", "gt", "gte"):
        for name in when.get(key) or {}:
            if name not in BASES and name not in MEASURES:
                raise StandardError(f"{path}.when.{key}: 未知的数额或计量 {name!r}")
    for key in ("any", "all"):
        for tag in when.get(key, []):
            if tag not in circumstances:
                raise StandardError(f"{path}.when.{key}: 情节 {tag!r} 未在 circumstances 中列明")
    if "harm_at_least" in when and when["harm_at_least"] not in HARM_LEVELS:
        raise StandardError(f"{path}.when.harm_at_least: 未知的危害后果 {when['harm_at_least']!r}")
    if "party" in when and when["party"] not in ("individual", "organisation"):
        raise StandardError(f"{path}.when.party 应为 individual 或 organisation")
    return dict(when)


def _fines(entries, path, circumstances) -> tuple[FineSpec, ...]:
    if entries is None:
        return ()
    if isinstance(entries, dict):
        entries = [entries]
    out = []
    for i, e in enumerate(entries):
        p = f"{path}[{i}]"
        when = _check_when(e.get("when"), p, circumstances)
        if "multiple" in e:
            m = e["multiple"]
            lo, hi = (m, m) if not isinstance(m, list) else m
            base = e.get("of")
            if base not in BASES:
                raise StandardError(f"{p}.of: 倍数须说明计算基数（{', '.join(BASES)}）")
            spec = FineSpec(when, _dec(lo, p), _dec(hi, p), base)
        elif "range" in e:
            lo, hi = e["range"]
            spec = FineSpec(when, _dec(lo, p), _dec(hi, p))
        elif "amount" in e:
            a = _dec(e["amount"], p)
            spec = FineSpec(when, a, a)
        else:
            raise StandardError(f"{p}: 罚款须为 range、amount 或 multiple")
        if spec.low > spec.high:
            raise StandardError(f"{p}: 下限大于上限")
        out.append(spec)
    return tuple(out)


def parse_version(data: dict, *, origin: str = "") -> Version:
    """Parse one standard version (the YAML mapping); raise StandardError naming the bad entry."""
    if not isinstance(data, dict):
        raise StandardError(f"{origin}: 文件内容应为映射")
    try:
        std, ver, items = data["standard"], data["version"], data["items"]
    except KeyError as exc:
        raise StandardError(f"{origin}: 缺少 {exc.args[0]}") from None
    for key in ("code", "title", "issuer", "field"):
        if not std.get(key):
            raise StandardError(f"{origin}: standard.{key} 必填")
    for key in ("label", "effective_from", "source"):
        if not ver.get(key):
            raise StandardError(f"{origin}: version.{key} 必填")
    source = ver["source"]
    if not (source.get("title") and source.get("url")):
        raise StandardError(f"{origin}: version.source 须注明 title 和 url")
    frm = _date(ver["effective_from"], "version.effective_from")
    to = _date(ver.get("effective_to"), "version.effective_to")
    if to is not None and to < frm:
        raise StandardError(f"{origin}: version.effective_to 早于 effective_from")
    split = tuple(_dec(x, "version.split") for x in ver.get("split", ["0.3", "0.7"]))
    if len(split) != 2 or not (0 < split[0] < split[1] < 1):
        raise StandardError(f"{origin}: version.split 应为两个递增的比例，如 [0.3, 0.7]")
    parsed: dict[str, Item] = {}
    if not isinstance(items, list) or not items:
        raise StandardError(f"{origin}: items 应为非空列表")
    for i, it in enumerate(items):
        p = f"items[{i}]"
        for key in ("code", "violation", "violated", "penalty", "statutory"):
            if not it.get(key):
                raise StandardError(f"{origin}: {p}.{key} 必填")
        code = str(it["code"])
        if code in parsed:
            raise StandardError(f"{origin}: {p}: 事项编码 {code} 重复")
        circumstances = dict(it.get("circumstances") or {})
        st = it["statutory"]
        fines = _fines(st.get("fine"), f"{p}.statutory.fine", circumstances)
        others = []
        for j, o in enumerate(st.get("penalties") or []):
            if o.get("kind") not in KINDS or o.get("when", "always") not in ("always", "aggravate", "serious"):
                raise StandardError(f"{origin}: {p}.statutory.penalties[{j}] 种类或条件无效")
            if o.get("requires") and o["requires"] not in BASES:
                raise StandardError(f"{origin}: {p}.statutory.penalties[{j}].requires 不是已知的计算基数")
            others.append(
                OtherPenalty(o["kind"], o.get("text") or KINDS[o["kind"]], o.get("when", "always"), o.get("requires"))
            )
        if not fines and not st.get("warning"):
            raise StandardError(f"{origin}: {p}.statutory 须有罚款幅度或警告")
        if fines and not any(not f.when for f in fines):
            raise StandardError(f"{origin}: {p}.statutory.fine 须有一个不带条件的分支（兜底）")
        tiers = []
        for j, t in enumerate(it.get("tiers") or []):
            tp = f"{p}.tiers[{j}]"
            if not t.get("level"):
                raise StandardError(f"{origin}: {tp}.level 必填")
            tf = _fines(t.get("fine"), f"{tp}.fine", circumstances)
            if not tf:
                raise StandardError(f"{origin}: {tp}.fine 必填")
            tiers.append(Tier(str(t["level"]), _check_when(t.get("when"), tp, circumstances), tf, t.get("note", "")))
        default_level = it.get("default_level")
        if tiers and default_level and default_level not in [t.level for t in tiers]:
            raise StandardError(f"{origin}: {p}.default_level 不是已列明的档次")
        warning_unless = st.get("warning_unless")
        if warning_unless and warning_unless not in BOOL_FACTS:
            raise StandardError(f"{origin}: {p}.statutory.warning_unless 不是已知情节")
        parsed[code] = Item(
            code=code,
            violation=it["violation"],
            violated=tuple(it["violated"]),
            penalty=tuple(it["penalty"]),
            statutory_text=st.get("text", ""),
            fines=fines,
            others=tuple(others),
            warning_unless=warning_unless,
            warning_allowed=bool(st.get("warning")),
            circumstances=circumstances,
            tiers=tuple(tiers),
            default_level=default_level,
            provenance=it.get("provenance", "statute_split"),
            field=it.get("field") or std["field"],
            violation_item=it.get("violation_item"),
            note=it.get("note", ""),
            raw=it,
        )
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()
    return Version(
        standard_code=std["code"],
        standard_title=std["title"],
        issuer=std["issuer"],
        field=std["field"],
        label=str(ver["label"]),
        title=ver.get("title") or std["title"],
        document_number=ver.get("document_number", ""),
        effective_from=frm,
        effective_to=to,
        source=dict(source),
        split=split,
        items=parsed,
        digest=digest,
        raw=data,
    )


def load_files(paths) -> list[Version]:
    """Parse standard files (YAML) into versions."""
    import yaml

    versions = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            versions.append(parse_version(yaml.safe_load(fh), origin=str(path)))
    return versions


def bundled_paths():
    from pathlib import Path

    return sorted((Path(__file__).resolve().parent / "standards").glob("*.yaml"))


# ---------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step of the reasoning: what was found, by which clause, article and standard row."""

    stage: str
    text: str
    clauses: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    row: str = ""

    def as_dict(self) -> dict:
        return {
            "stage": self.stage,
            "text": self.text,
            "clauses": list(self.clauses),
            "law": list(self.law),
            "row": self.row,
        }


@dataclass(frozen=True)
class Proposal:
    item_code: str
    violation: str
    standard_code: str
    standard_title: str
    version: str
    version_citation: str
    outcome: str  # no_penalty | warning | penalty
    tier: str  # no_penalty, warning, reduce, mitigate, ordinary, aggravate, or the standard's level
    tier_label: str
    tier_rank: int
    fine_min: Decimal | None
    fine_max: Decimal | None
    recommended: Decimal | None
    statutory_min: Decimal | None
    statutory_max: Decimal | None
    penalties: tuple[tuple[str, str], ...]  # (kind, text)
    education: bool
    aggravating: tuple[str, ...]
    mitigating: tuple[str, ...]
    mandatory: tuple[str, ...]
    trace: tuple[Step, ...]
    explanation: str
    candidates: tuple[dict, ...] = ()
    act_date: date | None = None
    decision_date: date | None = None

    OUTCOME_LABELS = {"no_penalty": "不予行政处罚", "warning": "警告", "penalty": "行政处罚"}

    @property
    def outcome_label(self) -> str:
        return self.OUTCOME_LABELS[self.outcome]

    @property
    def confiscation(self) -> bool:
        return any(k == "confiscation" for k, _ in self.penalties)

    def severity(self) -> tuple:
        """An order on outcomes: lower is more lenient (used for PL Art. 37 and the property tests)."""
        heavy = sum(1 for k, _ in self.penalties if k in ("suspension", "licence_revocation"))
        if self.outcome == "no_penalty":
            return (0, 0, ZERO, ZERO, 0)
        if self.outcome == "warning":
            return (1, 0, ZERO, ZERO, 0)
        return (2, heavy, self.recommended or ZERO, self.fine_max or ZERO, len(self.penalties))

    def in_tier(self, amount: Decimal | None) -> bool:
        if self.fine_min is None:
            return amount in (None, ZERO)
        return amount is not None and self.fine_min <= amount <= self.fine_max

    def as_dict(self) -> dict:
        money = lambda v: None if v is None else str(v)  # noqa: E731
        return {
            "item_code": self.item_code,
            "violation": self.violation,
            "standard_code": self.standard_code,
            "standard_title": self.standard_title,
            "version": self.version,
            "version_citation": self.version_citation,
            "outcome": self.outcome,
            "outcome_label": self.outcome_label,
            "tier": self.tier,
            "tier_label": self.tier_label,
            "fine_min": money(self.fine_min),
            "fine_max": money(self.fine_max),
            "recommended": money(self.recommended),
            "statutory_min": money(self.statutory_min),
            "statutory_max": money(self.statutory_max),
            "penalties": [{"kind": k, "text": t} for k, t in self.penalties],
            "education": self.education,
            "aggravating": list(self.aggravating),
            "mitigating": list(self.mitigating),
            "mandatory": list(self.mandatory),
            "trace": [s.as_dict() for s in self.trace],
            "explanation": self.explanation,
            "candidates": list(self.candidates),
            "act_date": self.act_date.isoformat() if self.act_date else None,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
        }


# ---------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------


def _num(d: Decimal) -> str:
    d = Decimal(d)
    s = format(d.normalize(), "f") if d == d.to_integral() else format(d.quantize(CENT), "f")
    return s


def _yuan(d: Decimal | None) -> str:
    return "—" if d is None else f"{_num(d)}元"


def _cndate(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _matches(when: dict, facts: Facts) -> bool:
    if not when:
        return True
    if "party" in when and facts.party_kind != when["party"]:
        return False
    if "has" in when and not (getattr(facts, when["has"]) or ZERO) > 0:
        return False
    if "lacks" in when and (getattr(facts, when["lacks"]) or ZERO) > 0:
        return False
    for key, op in (
        ("lt", lambda a, b: a < b),
        ("lte", lambda a, b: a <= b),
        ("gt", lambda a, b: a > b),
        ("gte", lambda a, b: a >= b),
    ):
        for name, bound in (when.get(key) or {}).items():
            if not op(getattr(facts, name) or ZERO, Decimal(str(bound))):
                return False
    if "any" in when and not (set(when["any"]) & facts.circumstances):
        return False
    if "all" in when and not set(when["all"]) <= facts.circumstances:
        return False
    return not ("harm_at_least" in when and facts.harm_rank < HARM_LEVELS.index(when["harm_at_least"]))


def _branch(fines: tuple[FineSpec, ...], facts: Facts) -> FineSpec | None:
    for spec in fines:
        if spec.when and _matches(spec.when, facts):
            return spec
    for spec in fines:
        if not spec.when:
            return spec
    return None


def _round(amount: Decimal, lo: Decimal, hi: Decimal, whole: bool) -> Decimal:
    q = amount.quantize(YUAN if whole else CENT, rounding=ROUND_HALF_UP)
    return min(max(q, lo), hi)


@dataclass
class _Factors:
    aggravating: list[tuple[str, str, tuple, tuple]]  # (code, label, clauses, law)
    mitigating: list[tuple[str, str, tuple, tuple]]
    mandatory: list[tuple[str, str, tuple, tuple]]
    d59: list[str]


def factors_of(facts: Facts, prior_violations: int, item: Item) -> _Factors:
    """The listed aggravating and mitigating factors present in the facts."""
    agg, mit, man, d59 = [], [], [], []
    serious = facts.harm_rank >= HARM_LEVELS.index("serious")
    if facts.intent and serious:
        agg.append(("intent_serious", "有主观故意且危害后果严重", ("D5.9",), ()))
        d59.append("有主观故意且违法程度与危害后果严重")
    elif serious:
        agg.append(("harm_serious", HARM_LABELS[facts.harm], ("D5.1c",), ()))
    if facts.egregious:
        agg.append(("egregious", "违法情节恶劣", ("D5.9",), ()))
        d59.append("违法情节恶劣")
    if prior_violations > 0:
        agg.append(("repeat", f"曾因违法行为受过处罚（本系统记录{prior_violations}次）", ("D5.1c",), ()))
    if facts.refused_correction and item.warning_unless != "refused_correction":
        agg.append(("refused_correction", "拒不改正", ("D5.1c",), ()))
    for name, code in (
        ("obstruction", "obstruction"),
        ("evidence_destroyed", "evidence_destroyed"),
        ("vulnerable_victims", "vulnerable_victims"),
        ("emergency", "emergency"),
    ):
        if getattr(facts, name):
            agg.append((code, FACT_FIELDS[name], ("D5.1c",), ()))
    if facts.party_kind == "individual" and facts.age is not None and 14 <= facts.age < 18:
        man.append(("minor_14_18", "已满十四周岁不满十八周岁", ("D5.1c",), ("行政处罚法第三十条",)))
    for name in ("eliminated_harm", "coerced", "confessed_unknown", "meritorious"):
        if getattr(facts, name):
            man.append((name, FACT_FIELDS[name], ("D5.1c",), ("行政处罚法第三十二条",)))
    first = facts.first_offence and prior_violations == 0
    if first:
        mit.append(("first_offence", "初次违法", (), ()))
    if facts.corrected:
        mit.append(("corrected", "及时改正", (), ()))
    if facts.cooperation:
        mit.append(("cooperation", "积极配合调查", (), ()))
    if facts.harm_rank <= 1:
        mit.append(("harm_slight", HARM_LABELS[facts.harm], (), ()))
    if facts.minor:
        mit.append(("minor", "违法程度轻微", (), ()))
    if facts.mental == "partial":
        mit.append(("partial_capacity", MENTAL["partial"], (), ("行政处罚法第三十一条",)))
    return _Factors(agg, mit, man, d59)


def _excuse(facts: Facts, item: Item) -> tuple[str, tuple, tuple] | None:
    """A ground on which the law says: no penalty (with education)."""
    if facts.party_kind == "individual" and facts.age is not None and facts.age < 14:
        return "当事人不满十四周岁", ("D5.1a",), ("行政处罚法第三十条",)
    if facts.mental == "unable":
        return "当事人在不能辨认或者不能控制自己行为时实施违法行为", ("D5.1a",), ("行政处罚法第三十一条",)
    if facts.no_fault_proven:
        return "当事人有证据足以证明没有主观过错", ("D5.1a",), ("行政处罚法第三十三条",)
    if facts.minor and facts.corrected and facts.harm == "none":
        return "违法行为显著轻微并及时改正，没有造成危害后果", ("D5.1a",), ("行政处罚法第三十三条",)
    return None


def _d51b(facts: Facts, prior_violations: int) -> bool:
    return bool(
        facts.vulnerable_status
        and facts.first_offence
        and prior_violations == 0
        and facts.minor
        and facts.harm_rank <= 1
        and facts.corrected
    )


def evaluate(
    version: Version,
    item_code: str,
    facts: Facts,
    prior_violations: int = 0,
    *,
    act_date: date | None = None,
    decision_date: date | None = None,
) -> Proposal:
    """The outcome for ``facts`` under one version of the standard."""
    item = version.items[item_code]
    trace: list[Step] = []
    row = f"{version.standard_code}@{version.label} {item.code}"

    def step(stage, text, clauses=(), law=(), r=row):
        trace.append(Step(stage, text, tuple(clauses), tuple(law), r))

    step("standard", f"适用{version.citation}事项{item.code}“{item.violation}”。", ("D3.6",), (), row)
    step(
        "statute",
        f"违反{'、'.join(display(a) for a in item.violated)}；处罚依据{'、'.join(display(a) for a in item.penalty)}：{item.statutory_text}",
        (),
        item.penalty,
    )
    f = factors_of(facts, prior_violations, item)
    stat = _branch(item.fines, facts)
    smin, smax = stat.bounds(facts) if stat else (None, None)

    def make(outcome, tier, label, rank, lo=None, hi=None, rec=None, penalties=(), education=False):
        return Proposal(
            item_code=item.code,
            violation=item.violation,
            standard_code=version.standard_code,
            standard_title=version.standard_title,
            version=version.label,
            version_citation=version.citation,
            outcome=outcome,
            tier=tier,
            tier_label=label,
            tier_rank=rank,
            fine_min=lo,
            fine_max=hi,
            recommended=rec,
            statutory_min=smin,
            statutory_max=smax,
            penalties=tuple(penalties),
            education=education,
            aggravating=tuple(a[1] for a in f.aggravating),
            mitigating=tuple(m[1] for m in f.mitigating),
            mandatory=tuple(m[1] for m in f.mandatory),
            trace=tuple(trace),
            explanation="",
            act_date=act_date,
            decision_date=decision_date,
        )

    excuse = _excuse(facts, item)
    if excuse:
        text, clauses, law = excuse
        step("no_penalty", f"{text}，依法不予行政处罚，责令改正并对当事人进行教育。", clauses, law)
        return _explain(make("no_penalty", "no_penalty", "不予处罚", 0, education=True), version, item, facts, f)
    if _d51b(facts, prior_violations):
        step(
            "warning",
            f"当事人为{VULNERABLE[facts.vulnerable_status]}，初次违法，违法程度与危害后果显著轻微并及时改正，"
            "依法给予警告，不予罚款或没收财物。",
            ("D5.1b",),
            (),
        )
        return _explain(make("warning", "warning", "警告（教育为主）", 1, education=True), version, item, facts, f)
    if item.warning_unless and not getattr(facts, item.warning_unless):
        step(
            "warning",
            f"依{'、'.join(display(a) for a in item.penalty)}，责令改正，给予警告；"
            f"{FACT_FIELDS[item.warning_unless]}的才处以罚款。",
            (),
            item.penalty,
        )
        return _explain(make("warning", "warning", "警告", 1), version, item, facts, f)
    if stat is None:
        step("warning", "该事项法定处罚为警告。", (), item.penalty)
        return _explain(make("warning", "warning", "警告", 1), version, item, facts, f)

    for _code, label, clauses, law in f.mandatory:
        step("mitigate", f"当事人{label}，应当从轻或者减轻处罚。", clauses, law)
    for _code, label, clauses, law in f.aggravating:
        step("aggravate", f"当事人{label}，属于列明的从重情节。", clauses, law)
    if f.mitigating:
        step("mitigate", f"当事人有{'、'.join(m[1] for m in f.mitigating)}的情节。", (), ())
    score = len(f.aggravating) - len(f.mitigating) - len(f.mandatory)
    whole = stat.base is None
    if item.explicit:
        proposal = _explicit(item, version, facts, f, stat, smin, smax, score, whole, step, make)
    else:
        proposal = _split(item, version, facts, f, stat, smin, smax, score, whole, step, make)
    return _explain(proposal, version, item, facts, f)


def _others(item: Item, facts: Facts, aggravated: bool, f: _Factors):
    out = []
    serious = facts.egregious or facts.harm_rank >= HARM_LEVELS.index("serious")
    for o in item.others:
        if o.requires and not (getattr(facts, o.requires) or ZERO) > 0:
            continue
        if (
            o.when == "always"
            or (o.when == "aggravate" and aggravated)
            or (o.when == "serious" and aggravated and serious)
        ):
            out.append((o.kind, o.text))
    return out


def _split(item, version, facts, f, stat, smin, smax, score, whole, step, make) -> Proposal:
    y, x = smin, smax
    d = x - y
    a, b = version.split
    bounds = {
        "mitigate": (y, y + a * d),
        "ordinary": (y + a * d, y + b * d),
        "aggravate": (y + b * d, x),
    }
    if f.mandatory:
        reduce = (len(f.mandatory) >= 2 or facts.harm_rank <= 1) and not f.aggravating and y > 0
        tier = "reduce" if reduce else "mitigate"
    elif f.aggravating and not f.mitigating:
        tier = "aggravate"
    elif f.mitigating and not f.aggravating:
        tier = "mitigate"
    else:
        tier = "ordinary"
    if tier == "reduce":
        lo, hi = (y * Decimal("0.1")).quantize(CENT), y
        p = min(max(Decimal("0.5") + Decimal("0.25") * (score + 2), ZERO), YUAN)
        rec = _round(lo + p * (hi - lo) * Decimal("0.9"), lo, hi - (YUAN if whole else CENT), whole)
        hi = hi - (YUAN if whole else CENT)
        step(
            "tier",
            f"有法定减轻情节，在法定最低限{_yuan(y)}以下减轻处罚（{_yuan(lo)}至{_yuan(hi)}）。",
            ("D5.1c",),
            ("行政处罚法第三十二条",) if any(m[0] != "minor_14_18" for m in f.mandatory) else ("行政处罚法第三十条",),
        )
        label, rank = "减轻", 2
    else:
        lo, hi = (v.quantize(CENT) for v in bounds[tier])
        if tier == "mitigate":
            p = Decimal("0.5") + Decimal("0.25") * (score + 1)
        elif tier == "aggravate":
            p = Decimal("0.5") + Decimal("0.25") * (score - 1)
        else:
            p = Decimal("0.5") + Decimal("0.1") * score
        p = min(max(p, ZERO), YUAN)
        rec = _round(lo + p * (hi - lo), lo, hi, whole)
        label = {"mitigate": "从轻", "ordinary": "一般", "aggravate": "从重"}[tier]
        rank = {"mitigate": 3, "ordinary": 4, "aggravate": 5}[tier]
        why = {
            "mitigate": "有从轻情节且无从重情节" if not f.mandatory else "有法定应当从轻情节",
            "ordinary": "无从轻、从重情节" if not (f.aggravating or f.mitigating) else "从轻与从重情节并存",
            "aggravate": "有列明的从重情节且无从轻情节",
        }[tier]
        clauses = (
            ("D5.9",) if tier == "aggravate" and f.d59 else (("D5.1c",) if tier in ("aggravate", "mitigate") else ())
        )
        step(
            "tier",
            f"{why}，适用{label}档次：按法定幅度{stat.describe()}的通用划分"
            f"（从轻为下限至{int(a * 100)}%，一般为{int(a * 100)}%至{int(b * 100)}%，从重为{int(b * 100)}%至上限），"
            f"本档为{_yuan(lo)}至{_yuan(hi)}。",
            clauses,
            (),
            f"{version.standard_code}@{version.label} {item.code} 通用划分·{label}",
        )
    step(
        "amount",
        f"建议罚款{_yuan(rec)}（{'在本档中按情节多少确定位置' if (f.aggravating or f.mitigating or f.mandatory) else '本档中间值'}）。",
    )
    _guard(rec, smin, smax, tier == "reduce", f)
    penalties = [("fine", f"罚款{_yuan(rec)}")] + _others(item, facts, tier == "aggravate", f)
    return make("penalty", tier, label, rank, lo, hi, rec, penalties)


def _explicit(item, version, facts, f, stat, smin, smax, score, whole, step, make) -> Proposal:
    levels = [t.level for t in item.tiers]
    matched = [i for i, t in enumerate(item.tiers) if t.when and _matches(t.when, facts)]
    if matched:
        idx = max(matched)
        step(
            "tier",
            f"情节符合“{item.tiers[idx].level}”档：{item.tiers[idx].note or _describe_when(item, item.tiers[idx].when)}。",
            (),
            (),
            f"{version.standard_code}@{version.label} {item.code} {item.tiers[idx].level}",
        )
    else:
        idx = levels.index(item.default_level) if item.default_level else 0
        step(
            "tier",
            f"未记录基准列明的具体情节，按“{levels[idx]}”档。",
            (),
            (),
            f"{version.standard_code}@{version.label} {item.code} {levels[idx]}",
        )
    base_idx = idx
    if f.aggravating and idx < len(levels) - 1:
        idx += 1
        step(
            "tier",
            f"有列明的从重情节（{'、'.join(a[1] for a in f.aggravating)}），上调一档至“{levels[idx]}”。",
            ("D5.9",) if f.d59 else ("D5.1c",),
        )
    halve = False
    if f.mandatory:
        if idx > 0:
            idx -= 1
            step(
                "tier",
                f"有法定应当从轻或者减轻情节，下调一档至“{levels[idx]}”。",
                ("D5.1c",),
                ("行政处罚法第三十二条",),
            )
        else:
            halve = True
    tier = item.tiers[idx]
    spec = _branch(tier.fines, facts)
    lo, hi = spec.bounds(facts)
    lo, hi = min(lo, smax), min(hi, smax)
    if halve:
        lo, hi = (lo * Decimal("0.5")).quantize(CENT), (hi * Decimal("0.5")).quantize(CENT)
        step(
            "tier",
            f"已是最低一档，有法定应当从轻或者减轻情节，按该档数额的一半处罚（{_yuan(lo)}至{_yuan(hi)}）。",
            ("D5.1c",),
            ("行政处罚法第三十二条",),
        )
    p = min(max(Decimal("0.5") + Decimal("0.25") * score, ZERO), YUAN)
    rec = _round(lo + p * (hi - lo), lo, hi, whole)
    step(
        "amount",
        f"本档{spec.describe()}，建议罚款{_yuan(rec)}。",
        (),
        (),
        f"{version.standard_code}@{version.label} {item.code} {tier.level}",
    )
    reduced = halve and smin is not None and rec < smin
    _guard(rec, smin, smax, reduced, f)
    label = tier.level + ("（减轻）" if reduced else ("（从轻）" if halve else ""))
    code = f"level_{idx}"
    penalties = [("fine", f"罚款{_yuan(rec)}")] + _others(item, facts, idx == len(levels) - 1 or idx > base_idx, f)
    rank = 2 + idx if not halve else 2
    return make("penalty", code, label, rank, lo, hi, rec, penalties)


def _describe_when(item: Item, when: dict) -> str:
    parts = []
    for key in ("any", "all"):
        if key in when:
            parts.append(("或" if key == "any" else "且").join(item.circumstances[t] for t in when[key]))
    for key, word in (("lt", "低于"), ("lte", "不超过"), ("gt", "超过"), ("gte", "达到")):
        for name, bound in (when.get(key) or {}).items():
            parts.append(f"{BASES.get(name) or MEASURES.get(name)}{word}{bound}")
    if "harm_at_least" in when:
        parts.append(HARM_LABELS[when["harm_at_least"]])
    return "，".join(parts) or "基准列明的情形"


def _guard(rec, smin, smax, reduced, f) -> None:
    """The engine never proposes what the rules forbid (a programming error if it would)."""
    reduction = [m[1] for m in f.mandatory] if reduced else []
    enforce(rules.within_statutory_maximum(rec, smax), rules.below_minimum_only_when_reduced(rec, smin, reduction))


def _explain(p: Proposal, version: Version, item: Item, facts: Facts, f: _Factors) -> Proposal:
    """The paragraph for the decision document (D3.10c)."""
    law_v = "、".join(display(a) for a in item.violated)
    law_p = "、".join(display(a) for a in item.penalty)
    parts = [f"当事人的上述行为违反了{law_v}的规定，依据{law_p}，{item.statutory_text.rstrip('。')}。"]
    std = f"根据{version.citation}事项{item.code}“{item.violation}”"
    if p.outcome == "no_penalty":
        reason = next((s.text for s in p.trace if s.stage == "no_penalty"), "")
        parts.append(f"{std}和《中华人民共和国行政处罚法》的规定，{reason}")
    elif (
        p.outcome == "warning"
        and p.tier == "warning"
        and facts.vulnerable_status
        and "D5.1b" in {c for s in p.trace for c in s.clauses}
    ):
        parts.append(
            f"{std}，鉴于当事人系{VULNERABLE[facts.vulnerable_status]}，初次违法，违法程度与危害后果显著轻微，"
            "并已及时改正，依照《重庆市人民政府关于坚持以人为本创新和规范行政执法的决定》关于教育优先的要求，"
            "决定给予警告，不予罚款或没收财物，并对当事人进行教育。"
        )
    elif p.outcome == "warning":
        parts.append(f"{std}，当事人未拒不改正，依法给予警告。")
    else:
        circ = []
        if f.mandatory:
            circ.append(f"具有{'、'.join(m[1] for m in f.mandatory)}的法定从轻或者减轻情节")
        if f.mitigating:
            circ.append(f"具有{'、'.join(m[1] for m in f.mitigating)}的情节")
        if f.aggravating:
            circ.append(f"具有{'、'.join(a[1] for a in f.aggravating)}的从重情节")
        if not circ:
            circ.append("无从轻、减轻或从重情节")
        others = "，".join(t for k, t in p.penalties if k != "fine")
        parts.append(
            f"{std}，当事人{'；'.join(circ)}，适用“{p.tier_label}”档次（罚款{_yuan(p.fine_min)}至{_yuan(p.fine_max)}），"
            f"决定{('，'.join([others, '并处']) if others else '')}罚款{_yuan(p.recommended)}。"
        )
    return replace(p, explanation="".join(parts))


# ---------------------------------------------------------------------------------
# Across versions (D3.6, 行政处罚法第三十七条)
# ---------------------------------------------------------------------------------


def candidate_versions(versions, item_code: str, act_date: date, decision_date: date) -> list[Version]:
    """Versions holding the item: the one in force on the act date and any that took effect up to the decision."""
    holding = [v for v in versions if item_code in v.items]
    at_act = [v for v in holding if v.in_force(act_date)]
    later = [v for v in holding if act_date < v.effective_from <= decision_date]
    seen, out = set(), []
    for v in sorted(at_act + later, key=lambda v: v.effective_from):
        if (v.standard_code, v.label) not in seen:
            seen.add((v.standard_code, v.label))
            out.append(v)
    return out


def propose(
    versions, *, item_code: str, act_date: date, decision_date: date, facts, prior_violations: int = 0
) -> Proposal:
    """The proposal for one item: computed under every applicable version, the most lenient applied."""
    facts = Facts.from_dict(facts)
    if prior_violations < 0:
        raise DomainError.of("invalid", "既往违法次数不能为负数。", field="prior_violations")
    cands = candidate_versions(versions, item_code, act_date, decision_date)
    enforce(rules.standard_in_force(item_code, act_date, decision_date, len(cands)))
    results = [
        evaluate(v, item_code, facts, prior_violations, act_date=act_date, decision_date=decision_date) for v in cands
    ]
    # Ties go to the version in force on the act date (the earliest): a newer version applies only when lighter.
    best = min(zip(results, cands, strict=False), key=lambda rc: (rc[0].severity(), rc[1].effective_from))[0]
    enforce(rules.most_lenient_version(best.severity(), [r.severity() for r in results]))
    summary = tuple(
        {
            "version": r.version,
            "version_citation": r.version_citation,
            "outcome": r.outcome,
            "tier_label": r.tier_label,
            "recommended": None if r.recommended is None else str(r.recommended),
        }
        for r in results
    )
    trace = list(best.trace)
    explanation = best.explanation
    if len(results) > 1:
        listing = "；".join(
            f"{r.version_citation}：{r.tier_label}{'，建议罚款' + _yuan(r.recommended) if r.recommended is not None else ''}"
            for r in results
        )
        chosen = (
            f"违法行为发生时（{_cndate(act_date)}）至作出处罚决定时（{_cndate(decision_date)}），裁量基准有{len(results)}个版本先后施行：{listing}。"
            f"依照《中华人民共和国行政处罚法》第三十七条的精神，适用对当事人较轻的{best.version_citation}。"
        )
        trace.insert(
            0, Step("versions", chosen, ("D3.6",), ("行政处罚法第三十七条",), f"{best.standard_code}@{best.version}")
        )
        explanation = explanation + chosen
    return replace(best, trace=tuple(trace), explanation=explanation, candidates=summary)


def propose_for_act(
    versions, *, item_codes, act_date: date, decision_date: date, facts, prior_violations: int = 0
) -> Proposal:
    """One act that breaks several provisions: one fine only, under the provision with the higher fine (行政处罚法第二十九条)."""
    proposals = [
        propose(
            versions,
            item_code=c,
            act_date=act_date,
            decision_date=decision_date,
            facts=facts,
            prior_violations=prior_violations,
        )
        for c in item_codes
    ]
    best = max(proposals, key=lambda p: (p.outcome == "penalty", p.statutory_max or ZERO, p.severity()))
    enforce(rules.one_fine_per_act(1 if best.recommended else 0))
    if len(proposals) > 1:
        others = "、".join(f"“{p.violation}”" for p in proposals if p is not best)
        step = Step(
            "one_fine",
            f"同一违法行为同时违反{others}的规定，只给予一次罚款，按罚款数额高的“{best.violation}”处罚。",
            ("D5.1c",),
            ("行政处罚法第二十九条",),
        )
        return replace(best, trace=(step, *best.trace), explanation=best.explanation + step.text)
    return best


def fingerprint(versions) -> str:
    return hashlib.sha256("|".join(sorted(v.digest for v in versions)).encode()).hexdigest()
