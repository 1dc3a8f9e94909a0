"""Benchmark standards as data: the types of a standard version and the parser of its
YAML files (``zhifa/discretion/standards/``), which names the bad entry of a file that
does not fit (:class:`StandardError`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from zhifa.core.errors import invalid
from zhifa.discretion.engine.facts import BASES, BOOL_FACTS, HARM_LEVELS, MEASURES, Facts
from zhifa.discretion.engine.wording import CENT, cndate, num, yuan

STANDARDS_DIR = Path(__file__).resolve().parent.parent / "standards"


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
                raise invalid(f"罚款按{BASES[self.base]}的倍数计算，请先记录{BASES[self.base]}。", field=self.base)
            return (self.low * b).quantize(CENT), (self.high * b).quantize(CENT)
        return self.low, self.high

    def describe(self) -> str:
        if self.base:
            if self.low == self.high:
                return f"{BASES[self.base]}{num(self.low)}倍的罚款"
            if self.low == 0:
                return f"{BASES[self.base]}{num(self.high)}倍以下的罚款"
            return f"{BASES[self.base]}{num(self.low)}倍以上{num(self.high)}倍以下的罚款"
        if self.low == self.high:
            return f"{yuan(self.low)}罚款"
        if self.low == 0:
            return f"{yuan(self.high)}以下的罚款"
        return f"{yuan(self.low)}以上{yuan(self.high)}以下的罚款"


@dataclass(frozen=True)
class OtherPenalty:
    kind: str
    text: str
    when: str  # always | aggravate | serious
    requires: str | None = None  # a base that must be present (e.g. 没收违法所得 needs illegal income)


#: What a tier of a standard may decide instead of a fine: 不予处罚 (行政处罚法第三十三条: 初次
#: 违法且危害后果轻微并及时改正的，可以不予行政处罚) or a warning without a fine (不予罚款).
TIER_OUTCOMES = {"no_penalty": "不予处罚", "warning": "警告，不予罚款"}


@dataclass(frozen=True)
class Tier:
    level: str
    when: dict
    fines: tuple[FineSpec, ...]
    note: str = ""
    outcome: str = "fine"  # or a key of TIER_OUTCOMES (then ``fines`` is empty)

    @property
    def fined(self) -> bool:
        return self.outcome == "fine"


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
        return f"《{self.title}》（{self.label}版{number}，{cndate(self.effective_from)}起施行）"


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
            outcome = t.get("outcome", "fine")
            if outcome != "fine" and outcome not in TIER_OUTCOMES:
                raise StandardError(f"{origin}: {tp}.outcome 应为 fine、{'、'.join(TIER_OUTCOMES)} 之一")
            tf = _fines(t.get("fine"), f"{tp}.fine", circumstances)
            if outcome == "fine" and not tf:
                raise StandardError(f"{origin}: {tp}.fine 必填（不罚款的档次写明 outcome: no_penalty 或 warning）")
            if outcome != "fine" and tf:
                raise StandardError(f"{origin}: {tp}: outcome 为 {outcome} 的档次不得规定罚款")
            if outcome == "warning" and not st.get("warning"):
                raise StandardError(f"{origin}: {tp}: 法定处罚没有警告，不能设警告档次")
            when = _check_when(t.get("when"), tp, circumstances)
            if outcome != "fine" and not when:
                raise StandardError(f"{origin}: {tp}: 不予处罚或不予罚款的档次须写明适用的情节（when）")
            tiers.append(Tier(str(t["level"]), when, tf, t.get("note", ""), outcome))
        if tiers and not any(t.fined for t in tiers):
            raise StandardError(f"{origin}: {p}.tiers 须至少有一个罚款档次")
        default_level = it.get("default_level")
        if tiers and default_level and default_level not in [t.level for t in tiers]:
            raise StandardError(f"{origin}: {p}.default_level 不是已列明的档次")
        if tiers and default_level and not next(t for t in tiers if t.level == default_level).fined:
            raise StandardError(f"{origin}: {p}.default_level 须是罚款档次（未记录情节不能推定不予处罚）")
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
    versions = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            versions.append(parse_version(yaml.safe_load(fh), origin=str(path)))
    return versions


def bundled_paths() -> list[Path]:
    """The standard files bundled with zhifa (``zhifa/discretion/standards/*.yaml``)."""
    return sorted(STANDARDS_DIR.glob("*.yaml"))
