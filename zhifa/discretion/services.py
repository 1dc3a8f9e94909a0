"""Acts and calls of the discretion app.

Interfaces other apps use (the case procedure on its decision step):

``propose(*, item_code, act_date, decision_date, facts: dict, prior_violations: int = 0) -> Proposal``
    The engine's proposal over the standards imported into the database (or, when none
    are imported, the bundled files): ``outcome`` (no_penalty / warning / penalty),
    ``tier`` and ``tier_label``, ``fine_min``/``fine_max``/``recommended`` (Decimal
    yuan or None), ``penalties`` [(kind, text)], ``trace`` [Step(stage, text, clauses,
    law, row)], ``explanation`` (the paragraph for the decision document, D3.10c).
    ``prior_violations`` is the number of violations by the party that zhifa's own
    records hold (the case app counts them). Facts the law does not list are refused
    (DomainError, D1.2); an item with no benchmark in force is refused (D3.6).

``propose_for_act(*, item_codes, ...)``
    One act breaking several provisions: one fine, the higher (行政处罚法第二十九条).

``departure_required(proposal, *, outcome, amount) -> bool``
    Whether the officer's chosen outcome/amount leaves the proposed tier.

``decision_check(proposal, *, outcome, amount, facts, prior_violations=0)``
    Raises DomainError when the chosen outcome breaks a rule whatever the reasons:
    no penalty where the law excuses (D5.1a), warning only (D5.1b), above the
    statutory maximum or below the minimum without a legal ground, aggravation
    without a listed factor (D5.1c), mandatory mitigation ignored, D5.9 aggravation
    ignored.

``departure_record(*, actor, agency, officer, case_reference, case_id=None, proposal,
facts, chosen_outcome, chosen_amount, chosen_tier="", reasons, reviewer) -> Departure``
    Records (and audits) a departure: written reasons and a legal reviewer are
    required, by the agency's own reviewer (rules ``departure_reasoned``,
    ``departure_reviewed_in_the_agency``, D3.6/D3.10c); ``decision_check`` runs first.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import yaml
from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Actor, Role, User
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, invalid
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.discretion import engine, rules
from zhifa.discretion.models import Departure, DiscretionItem, DiscretionStandard, StandardVersion
from zhifa.discretion.versions import active_versions, parsed
from zhifa.law.models import ViolationItem
from zhifa.law.services import violation_item_ensure
from zhifa.org.models import Agency
from zhifa.people.models import Officer


def propose(
    *, item_code: str, act_date: date, decision_date: date, facts: dict, prior_violations: int = 0
) -> engine.Proposal:
    """The discretion engine's proposal (see the module docstring)."""
    return engine.propose(
        active_versions(),
        item_code=item_code,
        act_date=act_date,
        decision_date=decision_date,
        facts=facts,
        prior_violations=prior_violations,
    )


def item_codes_for(violation_code: str) -> list[str]:
    """The benchmark items that cover a violation item of the catalogue (by its code, or an item's own code)."""
    return sorted(
        {
            code
            for v in active_versions()
            for code, item in v.items.items()
            if code == violation_code or item.violation_item == violation_code
        }
    )


def propose_for_act(
    *, item_codes: Iterable[str], act_date: date, decision_date: date, facts: dict, prior_violations: int = 0
) -> engine.Proposal:
    return engine.propose_for_act(
        active_versions(),
        item_codes=item_codes,
        act_date=act_date,
        decision_date=decision_date,
        facts=facts,
        prior_violations=prior_violations,
    )


# --- checking what the officer chose ----------------------------------------------------


def departure_required(proposal: engine.Proposal, *, outcome: str, amount: Decimal | None) -> bool:
    """Whether ``outcome``/``amount`` leaves the proposed outcome and tier."""
    if outcome != proposal.outcome:
        return True
    if outcome != "penalty":
        return False
    return not proposal.in_tier(amount)


def decision_check(
    proposal: engine.Proposal,
    *,
    outcome: str,
    amount: Decimal | None,
    facts: dict | engine.Facts,
    prior_violations: int = 0,
    tier: str | None = None,
) -> None:
    """Refuse a chosen outcome that no reasons could justify (see the module docstring)."""
    facts = engine.Facts.from_dict(facts)
    if outcome not in ("no_penalty", "warning", "penalty"):
        raise invalid("结果应为 no_penalty、warning 或 penalty。", field="outcome")
    if outcome == "penalty" and (amount is None or amount < 0):
        raise invalid("请填写罚款数额。", field="amount")
    amount = amount if outcome == "penalty" else None
    # The item's own ``warning_unless`` fact was weighed when proposing; here every listed factor counts.
    f = engine.factors_of(facts, prior_violations, None, proposal.act_date)
    excuse = engine.excuse(facts, proposal.act_date)
    vulnerable = engine.vulnerable_first_minor(facts, prior_violations)
    confiscation = outcome == "penalty" and proposal.confiscation
    # Heavier or lighter than the proposed tier, and a lighter kind of outcome.
    above = amount is not None and proposal.fine_max is not None and amount > proposal.fine_max
    below = amount is not None and proposal.fine_min is not None and amount < proposal.fine_min
    ranks = {"no_penalty": 0, "warning": 1, "penalty": 2}
    lighter_outcome = ranks[outcome] < ranks[proposal.outcome]
    enforce(
        rules.no_penalty_when_the_law_excuses(excuse[0] if excuse else None, outcome),
        rules.warning_for_vulnerable_first_minor(vulnerable, outcome, amount, confiscation),
        rules.within_statutory_maximum(amount, proposal.statutory_max),
        rules.below_minimum_only_when_reduced(amount, proposal.statutory_min, [m[1] for m in f.mandatory]),
        rules.no_aggravation_without_listed_factor(above or tier == "aggravate", [a[1] for a in f.aggravating]),
        rules.mandatory_mitigation_applied([m[1] for m in f.mandatory] if above else [], 5 if above else 0, 4),
        rules.aggravate_intentional_serious(
            f.d59 if proposal.outcome == "penalty" else [], not (below or lighter_outcome)
        ),
    )


def departure_record(
    *,
    actor: Actor,
    agency: Agency,
    officer: Officer | None = None,
    case_reference: str,
    case_id: int | None = None,
    proposal: engine.Proposal,
    facts: dict | engine.Facts,
    chosen_outcome: str,
    chosen_amount: Decimal | None,
    chosen_tier: str = "",
    reasons: str,
    reviewer: User | None = None,
    prior_violations: int = 0,
) -> Departure:
    """登记偏离裁量基准建议档次的决定：须书面说明理由并经法制审核（D3.6、D3.10c）。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.REVIEWER, Role.HEAD, action="登记偏离裁量基准的决定")
        require_agency(actor, agency.pk, "执法机关")
        if officer is not None and officer.agency_id != agency.pk:
            raise invalid("承办执法人员不属于该执法机关。", field="officer")
        if not (case_reference or "").strip():
            raise invalid("请填写案件编号。", field="case_reference")
        facts_obj = engine.Facts.from_dict(facts)
        departs = departure_required(proposal, outcome=chosen_outcome, amount=chosen_amount)
        enforce(rules.departure_leaves_the_proposal(departs))
        decision_check(
            proposal,
            outcome=chosen_outcome,
            amount=chosen_amount,
            facts=facts_obj,
            prior_violations=prior_violations,
            tier=chosen_tier or None,
        )
        officer_user = getattr(officer, "user", None) if officer is not None else actor
        enforce(
            rules.departure_reasoned(departs, reasons, reviewer, officer_user),
            rules.departure_reviewed_in_the_agency(reviewer, agency),
        )
        item = DiscretionItem.objects.filter(
            code=proposal.item_code, version__label=proposal.version, version__standard__code=proposal.standard_code
        ).first()
        departure = Departure(
            agency=agency,
            officer=officer,
            officer_name=(officer.name if officer else str(actor))[:60],
            case_reference=case_reference.strip(),
            case_id=case_id,
            item=item,
            item_code=proposal.item_code,
            standard_version=proposal.version_citation[:300],
            act_date=proposal.act_date,
            decision_date=proposal.decision_date,
            facts=facts_obj.as_dict(),
            proposed_outcome=proposal.outcome,
            proposed_tier=proposal.tier_label,
            proposed_min=proposal.fine_min,
            proposed_max=proposal.fine_max,
            proposed_amount=proposal.recommended,
            chosen_outcome=chosen_outcome,
            chosen_tier=chosen_tier,
            chosen_amount=chosen_amount if chosen_outcome == "penalty" else None,
            reasons=reasons.strip(),
            reviewer=reviewer,
            recorded_by=actor,
            trace=[s.as_dict() for s in proposal.trace],
        )
        return save_record(
            actor=actor, instance=departure, act="discretion.departure", clauses=["D3.6", "D3.10c"], agency=agency
        )


# --- importing and exporting standards -------------------------------------------------


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    linked: int = 0
    unlinked: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"新增 {len(self.created)} 个版本",
            f"更新 {len(self.updated)} 个",
            f"未变 {len(self.unchanged)} 个",
            f"关联违法行为事项 {self.linked} 项",
        ]
        if self.unlinked:
            parts.append(f"未能关联 {len(self.unlinked)} 项")
        return "，".join(parts)


IMPORT_ROLES = (Role.LEGAL_OFFICE,)


def standards_import(
    *, actor: Actor | None, documents: Iterable[tuple[str, str | bytes | dict]], ensure_violation_items: bool = True
) -> ImportReport:
    """导入裁量基准（YAML）。Idempotent: a version whose content is unchanged is left as it is."""
    report = ImportReport()
    with transaction.atomic():
        if actor is not None:
            require_role(actor, *IMPORT_ROLES, action="导入裁量基准")
        for name, data in documents:
            if isinstance(data, (str, bytes)):
                try:
                    data = yaml.safe_load(data)
                except yaml.YAMLError as exc:
                    raise invalid(f"{name}：不是有效的 YAML（{str(exc).splitlines()[0]}）", field="file") from None
            try:
                parsed = engine.parse_version(data, origin=name)
            except engine.StandardError as exc:
                raise invalid(str(exc), field="file") from None
            _import_version(actor, parsed, report, ensure_violation_items)
    return report


def _import_version(actor, v: engine.Version, report: ImportReport, ensure: bool) -> None:
    standard = DiscretionStandard.objects.filter(code=v.standard_code).first()
    std_data = {"title": v.standard_title, "issuer": v.issuer, "field": v.field}
    if standard is None:
        standard = save_record(
            actor=actor,
            instance=DiscretionStandard(code=v.standard_code, **std_data),
            act="discretion.standard.create",
            clauses=["D3.6"],
        )
    elif any(getattr(standard, k) != val for k, val in std_data.items()):
        for k, val in std_data.items():
            setattr(standard, k, val)
        save_record(actor=actor, instance=standard, act="discretion.standard.update", clauses=["D3.6"])
    label = f"{v.standard_code}@{v.label}"
    existing = StandardVersion.objects.filter(standard=standard, label=v.label).first()
    if existing is not None and existing.digest == v.digest:
        report.unchanged.append(label)
        # Link items whose violation item has been registered since the last import.
        for row in existing.items.filter(violation_item__isnull=True):
            vi = _link_violation_item(actor, v.items[row.code], ensure, report)
            if vi is not None:
                row.violation_item = vi
                save_record(
                    actor=actor,
                    instance=row,
                    act="discretion.item.link",
                    clauses=["D3.6"],
                    changes={"violation_item": [None, vi.code]},
                )
        return
    fields = {
        "title": v.title,
        "document_number": v.document_number,
        "effective_from": v.effective_from,
        "effective_to": v.effective_to,
        "source_title": v.source["title"],
        "source_url": v.source["url"],
        "source_note": v.source.get("note", ""),
        "content": _plain(v.raw),
        "digest": v.digest,
    }
    if existing is None:
        version = StandardVersion(standard=standard, label=v.label, **fields)
        report.created.append(label)
        act = "discretion.version.create"
    else:
        version = existing
        for k, val in fields.items():
            setattr(version, k, val)
        version.items.all().delete()
        report.updated.append(label)
        act = "discretion.version.update"
    save_record(
        actor=actor,
        instance=version,
        act=act,
        clauses=["D3.6"],
        changes={"digest": v.digest, "effective_from": v.effective_from.isoformat(), "items": len(v.items)},
    )
    for position, item in enumerate(v.items.values()):
        vi = _link_violation_item(actor, item, ensure, report)
        DiscretionItem.objects.create(
            version=version,
            code=item.code,
            violation=item.violation,
            field=item.field,
            violated=list(item.violated),
            penalty=list(item.penalty),
            statutory_text=item.statutory_text,
            provenance=item.provenance,
            spec=_plain(item.raw),
            position=position,
            violation_item=vi,
        )


def _link_violation_item(actor, item: engine.Item, ensure: bool, report: ImportReport) -> ViolationItem | None:
    """The catalogue's violation item for a benchmark item, registered when ``ensure``.

    An item whose articles are not registered yet is left unlinked (the next import links
    it); any other refusal or error is raised.
    """
    code = item.violation_item or item.code
    vi = ViolationItem.objects.filter(code=code).first()
    if vi is None and ensure and actor is not None:
        try:
            with transaction.atomic():
                vi = violation_item_ensure(
                    actor=actor,
                    code=code,
                    name=item.violation[:200],
                    field=item.field,
                    violated=list(item.violated),
                    penalty=list(item.penalty),
                    penalty_summary=item.statutory_text[:300],
                )
        except DomainError as exc:
            if not (exc.code == ErrorCode.INVALID and exc.field in ("violated", "penalty")):
                raise
            vi = None  # a cited article is not in the catalogue yet
    if vi is None:
        report.unlinked.append(item.code)
    else:
        report.linked += 1
    return vi


def _plain(data):
    """YAML data as JSON-safe values (dates as ISO strings)."""
    if isinstance(data, dict):
        return {str(k): _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    if isinstance(data, Decimal):
        return str(data)
    return data


def export_yaml(version: StandardVersion) -> str:
    return yaml.safe_dump(version.content, allow_unicode=True, sort_keys=False, width=120)


def tier_rows(v: engine.Version) -> list[tuple[str, str, str, str, str]]:
    """Rows (item, tier, condition, amount) of a version, as shown on pages, in Excel and in diffs."""
    rows = []
    for item in v.items.values():
        if item.explicit:
            for t in item.tiers:
                rows.append(
                    (
                        item.code,
                        item.violation,
                        t.level,
                        t.note or engine.describe_when(item, t.when),
                        "；".join(_branch_text(item, s) for s in t.fines) or engine.TIER_OUTCOMES[t.outcome],
                    )
                )
        else:
            a, b = v.split
            for level, lo, hi in (("从轻", Decimal(0), a), ("一般", a, b), ("从重", b, Decimal(1))):
                rows.append(
                    (
                        item.code,
                        item.violation,
                        level,
                        f"法定幅度的{int(lo * 100)}%至{int(hi * 100)}%",
                        "；".join(_split_text(item, s, lo, hi) for s in item.fines),
                    )
                )
    return rows


def _when_text(item, when) -> str:
    if not when:
        return ""
    text = engine.describe_when(item, when)
    if "party" in when:
        text = ("公民" if when["party"] == "individual" else "单位") + ("，" + text if text != "基准列明的情形" else "")
    if "has" in when:
        text = f"有{engine.BASES[when['has']]}"
    return text + "的，"


def _branch_text(item, s: engine.FineSpec) -> str:
    return _when_text(item, s.when) + s.describe()


def _split_text(item, s: engine.FineSpec, lo: Decimal, hi: Decimal) -> str:
    d = s.high - s.low
    part = engine.FineSpec({}, s.low + lo * d, s.low + hi * d, s.base)
    return _when_text(item, s.when) + part.describe()


def export_xlsx(version: StandardVersion) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    v = parsed(version.content, version.digest)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{v.label}版"[:31]
    ws.append([v.title])
    ws.append(
        [
            f"制定机关：{v.issuer}",
            f"文号：{v.document_number or '—'}",
            f"施行日期：{v.effective_from}",
            f"失效日期：{v.effective_to or '—'}",
            f"来源：{v.source['url']}",
        ]
    )
    ws.append([])
    header = ["事项编码", "违法行为", "违反的条文", "处罚依据", "法定处罚", "档次", "情节", "裁量幅度"]
    ws.append(header)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    items = v.items
    for code, violation, level, condition, amount in tier_rows(v):
        it = items[code]
        ws.append(
            [
                code,
                violation,
                "、".join(it.violated),
                "、".join(it.penalty),
                it.statutory_text,
                level,
                condition,
                amount,
            ]
        )
    for col, width in zip("ABCDEFGH", (14, 36, 28, 28, 50, 8, 36, 40), strict=False):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def import_xlsx_check(data: bytes) -> list[tuple]:
    """Read back an exported workbook's rows (for the round-trip test and the import preview)."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True)
    ws = wb.active
    return [tuple(r) for r in ws.iter_rows(min_row=5, values_only=True) if r and r[0]]


def diff_versions(old: StandardVersion, new: StandardVersion) -> dict:
    """What changed between two versions: items added, removed, and changed rows."""
    a, b = parsed(old.content, old.digest), parsed(new.content, new.digest)
    ra = {(r[0], r[2]): r for r in tier_rows(a)}
    rb = {(r[0], r[2]): r for r in tier_rows(b)}
    added = [b.items[c] for c in b.items if c not in a.items]
    removed = [a.items[c] for c in a.items if c not in b.items]
    changed = []
    for code in b.items:
        if code not in a.items:
            continue
        ia, ib = a.items[code], b.items[code]
        rows = []
        if ia.statutory_text != ib.statutory_text:
            rows.append(("法定处罚", ia.statutory_text, ib.statutory_text))
        if ia.penalty != ib.penalty:
            rows.append(("处罚依据", "、".join(ia.penalty), "、".join(ib.penalty)))
        keys = sorted({k for k in ra if k[0] == code} | {k for k in rb if k[0] == code}, key=lambda k: k[1])
        for k in keys:
            x, y = ra.get(k), rb.get(k)
            if (x and x[4]) != (y and y[4]):
                rows.append((f"{k[1]}档", x[4] if x else "—", y[4] if y else "—"))
        if rows:
            changed.append({"item": ib, "rows": rows})
    return {
        "old": old,
        "new": new,
        "added": added,
        "removed": removed,
        "changed": changed,
        "same_standard": old.standard_id == new.standard_id,
    }
