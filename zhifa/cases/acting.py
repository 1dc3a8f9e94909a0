"""How an act of the case procedure runs (the machinery behind :mod:`zhifa.cases.transitions`).

    with acting.run("filing_approve", actor=head, case=case, on=on) as act:
        act.check(rules.within_limitation, ...)     # every rule the transition names
        act.enforce()                               # one DomainError with every violation
        ... write the act's records ...
        act.done(changes={...})                     # status, version, participation, audit

Inside one transaction: the case row is locked (``select_for_update``; several cases in
primary-key order), a stale ``expected_version`` or a state the transition does not
start from is a conflict (409) — the person lost a race or looks at an old page —
the role is checked (403), the case must be within the actor's scope (404), the actor
must be a certified officer on the act's date (D3.1b) and must not have acted in
another of the four stages (D3.3).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from zhifa.accounts.access import require_agency, require_login, require_role
from zhifa.accounts.models import User
from zhifa.cases import facts, periods
from zhifa.cases import rules as R
from zhifa.cases.inputs import covered_date
from zhifa.cases.models import BackdatedAct, Case, Participation, Stage
from zhifa.cases.transitions import TRANSITIONS, Transition, require_legal_actor
from zhifa.cases.waiting import wrong_state
from zhifa.core import audit, clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, conflict, invalid, not_found
from zhifa.core.records import diff, snapshot
from zhifa.core.rules import REGISTRY
from zhifa.org.models import Agency
from zhifa.people import rules as people_rules
from zhifa.people.models import Officer
from zhifa.people.standing import standing_of


def entry_day() -> date:
    """The day an act is entered: the platform's clock (the act's legal date may be earlier)."""
    return clock.today()


def officer_of(user: User | None) -> Officer | None:
    """The officer record of a user (None when the account has none)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.officer
    except ObjectDoesNotExist:  # RelatedObjectDoesNotExist
        return None


class Act:
    def __init__(self, transition: Transition, actor: User, case: Case | None, on: date, backdated_reason: str = ""):
        self.transition = transition
        self.actor = actor
        self.case = case
        self.on = on
        #: The day the act is entered; ``on``, its legal date, may be earlier (a paper record).
        self.entered_on = entry_day()
        self.backdated_reason = (backdated_reason or "").strip()
        self.deadline: tuple[str, date | None] = ("", None)
        self.officer = officer_of(actor)
        self.violations = []
        self.checked: set[str] = set()
        self.finished = False
        self._before = snapshot(case) if case is not None and case.pk else {}
        #: The agency that registers a new case (acts without a source state).
        self.agency: Agency | None = None
        #: The cases locked for the act, by primary key (the case and ``also_lock``).
        self.locked: dict[int, Case] = {}

    # -- rules -----------------------------------------------------------------------
    def check(self, rule_fn, *args, **kwargs):
        """Run one rule the transition names; keep its violation for :meth:`enforce`."""
        code = rule_fn.rule.code
        if code not in self.transition.rule_codes:
            raise RuntimeError(f"{self.transition.name} does not declare rule {code} (see transitions.py)")
        self.checked.add(code)
        violation = rule_fn(*args, **kwargs)
        if violation is not None:
            self.violations.append(violation)
        return violation

    def passed(self, rule_fn) -> None:
        """Mark a declared rule as considered where there is nothing for it to check (e.g. no
        articles cited yet, so no article to test for being in force)."""
        code = rule_fn.rule.code
        if code not in self.transition.rule_codes:
            raise RuntimeError(f"{self.transition.name} does not declare rule {code} (see transitions.py)")
        self.checked.add(code)

    def deadline_decided(self, label: str, due: date | None) -> None:
        """The deadline the act's date decides (``label`` due on ``due``): an act dated before it
        is entered needs a written reason when the earlier date is what meets it (D1.4)."""
        self.deadline = (label, due)
        self.check(R.backdating_reasoned, self.on, self.entered_on, label, due, self.backdated_reason)

    def enforce(self) -> None:
        if self.violations:
            raise DomainError(list(self.violations))

    def refuse_now(self, rule_fn, *args, **kwargs) -> None:
        """Check one rule and raise at once if it is broken (when later facts depend on it)."""
        if self.check(rule_fn, *args, **kwargs) is not None:
            self.enforce()

    # -- completion -------------------------------------------------------------------
    def done(self, *, target: str | None = None, changes: dict | None = None, obj_repr: str = "") -> Case:
        t = self.transition
        missing = set(t.rule_codes) - self.checked
        if missing:
            raise RuntimeError(f"{t.name} left declared rules unchecked: {sorted(missing)}")
        self.enforce()
        case = self.case
        if t.targets:
            target = target or (t.targets[0] if len(t.targets) == 1 else None)
            if target not in t.targets:
                raise RuntimeError(f"{t.name} must choose its target among {t.targets}, got {target!r}")
            case.status = target
            # A new clue counts from the day it was received (it may be registered later).
            case.status_since = self.on if t.sources else min(self.on, case.received_on)
        elif target is not None:
            raise RuntimeError(f"{t.name} keeps the state; it cannot move to {target}")
        case.version += 1
        case.last_act_on = max(self.on, case.last_act_on or self.on)
        if self._before:
            changed = diff(self._before, snapshot(case))
            case.save(
                update_fields=[*(k.removesuffix("_id") if k.endswith("_id") else k for k in changed), "updated_at"]
            )
        else:
            changed = {}
            inserting = case.pk is None
            case.save()
            if inserting:  # the act creates the case (a clue): it has no records yet
                facts.created(case)
        if self.on < self.entered_on:
            label, due = self.deadline
            BackdatedAct.objects.create(
                case=case,
                act=t.name,
                label=t.label,
                on=self.on,
                entered_at=clock.now(),
                entered_by=self.actor,
                deadline=label,
                due=due,
                reason=self.backdated_reason,
            )
            changes = {**(changes or {}), "entered_on": self.entered_on, "backdated_reason": self.backdated_reason}
        if t.stage:
            Participation.objects.get_or_create(
                case=case, user=self.actor, stage=t.stage, defaults={"first_act": t.name, "first_on": self.on}
            )
        clauses: list[str] = []
        for code in t.rule_codes:
            for c in REGISTRY[code].clauses:
                if c not in clauses:
                    clauses.append(c)
        if t.stage and "D3.3" not in clauses:
            clauses.append("D3.3")
        record = {
            "on": self.on,
            "label": t.label,
            **{k: v for k, v in changed.items() if k not in ("version", "updated_at")},
        }
        record.update(changes or {})
        audit.record(
            actor=self.actor, act=f"case.{t.name}", obj=case, changes=record, clauses=clauses, agency=case.agency_id
        )
        self.finished = True
        return case


def _check_common(act: Act, earliest: date | None) -> None:
    t = act.transition
    act.refuse_now(R.act_dated_truthfully, act.on, clock.today(), earliest)
    covered_date(act.on, "on", "办理日期")
    if t.enforces:
        # D3.1b: the person acting is a certified officer on the act's date.
        if R.actor_is_officer(act.actor, act.officer) is not None:
            act.violations.append(R.actor_is_officer(act.actor, act.officer))
            act.enforce()
        standing = standing_of(act.officer, t.field, act.on)
        violation = people_rules.officer_certified(standing)
        if violation is not None:
            violation = type(violation)(violation.code, violation.clauses, violation.message, "actor", violation.law)
            act.violations.append(violation)
            act.enforce()
    if t.stage and act.case is not None and act.case.pk:
        done = {p.stage: Stage(p.stage).label for p in Participation.objects.filter(case=act.case, user=act.actor)}
        if t.stage != Stage.INVESTIGATION and act.actor.pk in facts.investigator_user_ids(act.case):
            # Assigned as 承办人员 or named on an inspection record: that is investigating.
            done.setdefault(Stage.INVESTIGATION, Stage.INVESTIGATION.label)
        violation = R.stages_separated(act.actor, t.stage, Stage(t.stage).label, done)
        if violation is not None:
            act.violations.append(violation)
            act.enforce()


def lock(case_ids: Iterable[int]) -> dict[int, Case]:
    """Lock the cases' rows in primary-key order (so two acts never wait on each other in a cycle)."""
    ids = sorted({int(i) for i in case_ids})
    locked = {c.pk: c for c in Case.objects.select_for_update().filter(pk__in=ids).order_by("pk")}
    return locked


@contextmanager
def run(
    name: str,
    *,
    actor: User,
    case: Case | int | None = None,
    on: date | None = None,
    expected_version: int | None = None,
    also_lock: Iterable[int] = (),
    agency: Agency | None = None,
    backdated_reason: str = "",
) -> Iterator[Act]:
    """Run the act ``name`` on ``case`` (or create a case when the transition has no source)."""
    t = TRANSITIONS[name]
    on = on or clock.today()
    with transaction.atomic():
        require_login(actor)
        require_legal_actor(actor, t)
        if t.sources:
            case_id = case.pk if isinstance(case, Case) else case
            if case_id is None:
                raise invalid("请指定案件。", field="case")
            locked = lock([case_id, *also_lock])
            current = locked.get(int(case_id))
            if current is None:
                raise not_found("案件")
            require_agency(actor, current.agency_id, "案件")
            require_role(actor, *t.roles, action=t.label)
            if expected_version is not None and current.version != expected_version:
                raise conflict("案件已被他人办理（版本已更新），请刷新页面后重试。")
            if current.status not in t.sources:
                raise wrong_state(t, current, on)
            act = Act(t, actor, current, on, backdated_reason)
            act.locked = locked
            _check_common(act, max(d for d in (current.received_on, current.status_since, current.last_act_on) if d))
        else:
            require_role(actor, *t.roles, action=t.label)
            if agency is None:
                agency = getattr(actor, "agency", None)
            if agency is None:
                raise invalid("您的账户不属于任何执法机关，不能登记案件。", field="agency")
            require_agency(actor, agency.pk, "执法机关")
            act = Act(t, actor, None, on, backdated_reason)
            act.agency = agency
            _check_common(act, None)
        try:
            yield act
        except periods.DeadlineUnknown as e:
            # A stored date the act's deadline cannot be counted from: a refusal naming the
            # date, never a 500 (the record itself is shown with its deadline "未知").
            raise DomainError.of(
                ErrorCode.DATE_NOT_COVERED.value, f"本案的期限无法计算：{e.reason}，请核对本案登记的日期。", status=409
            ) from None
        if not act.finished:
            raise RuntimeError(f"act {name} did not call done()")
