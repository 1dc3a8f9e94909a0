"""An officer's standing to act in a field on a date (D3.1b, D3.1c, D3.8):
a live qualification for the field and a certificate that is issued, unexpired, not
suspended or revoked, and verified for the year (annual verification).

The case procedure gathers standings with :func:`standing_of` and hands them to the
rules in :mod:`zhifa.people.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zhifa.people.models import Certificate, ConflictOfInterest, EnforcementField, Officer


@dataclass(frozen=True)
class Standing:
    officer: Officer
    field: str
    on: date
    qualified: bool
    certificate: Certificate | None
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def certificate_problems(cert: Certificate | None, on: date) -> list[str]:
    """Why ``cert`` does not allow enforcement on ``on`` (empty when it does)."""
    if cert is None:
        return ["没有行政执法证件"]
    problems = []
    if on < cert.issued_on:
        problems.append(f"证件{cert.number}于{cert.issued_on}才发放")
    if on > cert.expires_on:
        problems.append(f"证件{cert.number}已于{cert.expires_on}过期")
    if cert.revoked_on and cert.revoked_on <= on:
        problems.append(f"证件{cert.number}已于{cert.revoked_on}被吊销（{cert.revocation_reason}）")
    if (
        cert.suspended_on
        and cert.suspended_on <= on
        and not (cert.suspension_lifted_on and cert.suspension_lifted_on <= on)
    ):
        problems.append(f"证件{cert.number}自{cert.suspended_on}起被暂扣（{cert.suspension_reason}）")
    # Annual verification: a certificate issued before this year must have passed
    # the previous year's verification (审验) to be used this year.
    if not problems and cert.issued_on.year < on.year:
        needed = on.year - 1
        passed = any(v.year >= needed and v.result == "passed" for v in cert.verifications.all())
        if not passed:
            problems.append(f"证件{cert.number}未通过{needed}年度审验")
    return problems


def current_certificate(officer: Officer, on: date) -> Certificate | None:
    """The officer's latest certificate issued on or before ``on``."""
    certs = [c for c in officer.certificates.all() if c.issued_on <= on]
    return max(certs, key=lambda c: c.issued_on) if certs else None


STATUS_LABELS = {
    "valid": "有效",
    "expired": "已过期",
    "suspended": "暂扣",
    "revoked": "已吊销",
    "unverified": "未通过年度审验",
}
STATUS_COLOURS = {"valid": "green", "expired": "grey", "suspended": "amber", "revoked": "red", "unverified": "amber"}


def status_of(cert: Certificate, on: date) -> tuple[str, str]:
    """(code, label) of a certificate on a date, for pages and the public register."""
    if cert.revoked_on and cert.revoked_on <= on:
        return "revoked", STATUS_LABELS["revoked"]
    if (
        cert.suspended_on
        and cert.suspended_on <= on
        and not (cert.suspension_lifted_on and cert.suspension_lifted_on <= on)
    ):
        return "suspended", STATUS_LABELS["suspended"]
    if on > cert.expires_on:
        return "expired", STATUS_LABELS["expired"]
    if certificate_problems(cert, on):
        return "unverified", STATUS_LABELS["unverified"]
    return "valid", STATUS_LABELS["valid"]


def standing_of(officer: Officer, field_code: str, on: date) -> Standing:
    problems = []
    if not officer.active or (officer.left_post_on and officer.left_post_on <= on):
        problems.append("已调离执法岗位")
    qualified = any(q.field == field_code and q.held_on(on) for q in officer.qualifications.all())
    if not qualified:
        problems.append(f"未取得{EnforcementField(field_code).label}执法资格")
    cert = current_certificate(officer, on)
    problems += certificate_problems(cert, on)
    return Standing(officer, field_code, on, qualified, cert, tuple(problems))


def conflicts_between(officer: Officer, party, on: date) -> list[ConflictOfInterest]:
    """Declared conflicts of ``officer`` with ``party`` live on ``on`` (matched by record,
    identity number or credit code, or exact name)."""
    found = []
    ident = getattr(party, "identifier", "")
    for c in officer.conflicts.all():
        if not c.live_on(on):
            continue
        if (
            (c.party_id and c.party_id == party.pk)
            or (ident and c.party_identifier == ident)
            or c.party_name == party.name
        ):
            found.append(c)
    return found
