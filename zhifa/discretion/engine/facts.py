"""Facts: what an officer records about a violation, and nothing else (D1.2).

:meth:`Facts.from_dict` refuses an attribute the law does not list (region, occupation,
ownership, office, connections, attitude …: rule ``only_listed_factors``) and a value of
the wrong shape at its field.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from zhifa.core.errors import DomainError, Violation
from zhifa.core.rules import enforce
from zhifa.discretion import rules

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
    #: None when not recorded: the outcome depends on it (no harm opens 不予处罚, D5.1a;
    #: serious harm aggravates), so it is asked for, never assumed (:attr:`harm_rank`).
    harm: str | None = None
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
        if self.harm is None:
            raise FactsError(
                [
                    Violation(
                        "required",
                        (),
                        "裁量结果取决于危害后果（没有危害后果的可以不予处罚，严重的从重），请先记录危害后果。",
                        "harm",
                    )
                ],
                400,
            )
        return HARM_LEVELS.index(self.harm)
