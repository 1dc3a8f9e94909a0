"""The one domain error type: a stable code, the clauses, a Chinese message, the field.

Pages show the message beside the field (:func:`zhifa.core.forms.show_error`); the
API returns ``{"code", "clauses", "message", "field", "errors"}`` with the status
(:mod:`zhifa.api`).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field

from zhifa.core.clauses import clause, validate
from zhifa.core.lawtext import display


@dataclass(frozen=True)
class Violation:
    """What a rule found wrong: which clauses, what to tell the person, at which field."""

    code: str
    clauses: tuple[str, ...]
    message: str
    field: str | None = None
    law: tuple[str, ...] = ()

    @property
    def citation(self) -> str:
        """《决定》三（八）[D3.8]；《行政处罚法》第四十二条"""

        return "；".join([f"{clause(c).label}[{c}]" for c in self.clauses] + [display(t) for t in self.law])

    @property
    def full_message(self) -> str:
        """The message with the clauses and articles it enforces, as shown to people."""
        cite = self.citation
        return f"{self.message}（依据：{cite}）" if cite else self.message

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "clauses": list(self.clauses),
            "law": list(self.law),
            "message": self.full_message,
            "field": self.field,
        }


STATUS = {
    "invalid": 400,
    "not_authenticated": 401,
    "forbidden": 403,
    "not_found": 404,
    "conflict": 409,
}


@dataclass
class DomainError(Exception):
    """A refusal. Raised by services; never a 500.

    ``status`` defaults by code: rule violations are 422, ``not_found`` 404,
    ``forbidden`` 403, ``conflict`` 409, ``invalid`` 400.
    """

    violations: list[Violation] = dc_field(default_factory=list)
    status: int | None = None

    def __post_init__(self) -> None:
        if not self.violations:
            raise ValueError("DomainError needs at least one violation")
        if self.status is None:
            self.status = STATUS.get(self.code, 422)
        super().__init__(self.message)

    @classmethod
    def of(cls, code: str, message: str, *, field: str | None = None, clauses=(), law=(), status: int | None = None):

        return cls([Violation(code, validate(clauses), message, field, tuple(law))], status)

    @property
    def first(self) -> Violation:
        return self.violations[0]

    code = property(lambda self: self.first.code)
    clauses = property(lambda self: self.first.clauses)
    field = property(lambda self: self.first.field)

    @property
    def message(self) -> str:
        return self.first.full_message

    @property
    def all_clauses(self) -> list[str]:
        seen: list[str] = []
        for v in self.violations:
            seen += [c for c in v.clauses if c not in seen]
        return seen

    def as_dict(self) -> dict:
        data = self.first.as_dict()
        data["clauses"] = self.all_clauses
        data["errors"] = [v.as_dict() for v in self.violations]
        return data

    def __str__(self) -> str:
        return "；".join(v.full_message for v in self.violations)


def not_found(what: str = "记录") -> DomainError:
    """The same answer whether the record is missing or outside the actor's scope."""
    return DomainError.of("not_found", f"{what}不存在或您无权查看。")


def forbidden(message: str, *, clauses=()) -> DomainError:
    return DomainError.of("forbidden", message, clauses=clauses)


def conflict(message: str = "该记录正被他人同时办理，请刷新后重试。") -> DomainError:
    return DomainError.of("conflict", message)


def invalid(message: str, *, field: str | None = None) -> DomainError:
    return DomainError.of("invalid", message, field=field)
