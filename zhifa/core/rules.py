"""Rules as code: each rule a small pure function that cites its clauses.

    @rule("D3.8", law="行政处罚法第四十二条")
    def two_certified_officers(officers, certificates_shown) -> Violation | None:
        \"\"\"执法人员不得少于两人，并出示行政执法证件。\"\"\"
        if len(officers) < 2:
            return refuse("至少需要两名执法人员……", field="officers")

A rule reads data and returns a :class:`Violation` (built with :func:`refuse`, which
fills in the rule's code, clauses and articles) or ``None``. It does no I/O and
writes nothing. A service decides when to check it and raises with
:func:`enforce`. ``zhifa clauses`` reports every registered rule beside its clauses
and the tests that break it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass

from zhifa.core.clauses import validate
from zhifa.core.errors import DomainError, Violation


@dataclass(frozen=True)
class Rule:
    code: str
    clauses: tuple[str, ...]
    law: tuple[str, ...]
    func: Callable
    module: str
    doc: str

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.code}"


REGISTRY: dict[str, Rule] = {}


@dataclass(frozen=True)
class _Refusal:
    message: str
    field: str | None
    clauses: tuple[str, ...]


def refuse(message: str, *, field: str | None = None, clauses=()) -> _Refusal:
    """What a rule returns when it is broken. ``clauses`` narrows to a subset of the rule's."""
    return _Refusal(message, field, tuple(clauses))


def rule(*clause_ids: str, law: str | tuple[str, ...] | list[str] = ()) -> Callable:
    """Register a rule citing ``clause_ids`` (unknown IDs raise at import) and articles of law."""
    clauses = validate(clause_ids)
    if not clauses:
        raise ValueError("a rule cites at least one clause")
    laws = (law,) if isinstance(law, str) else tuple(law)

    def decorate(func: Callable) -> Callable:
        code = func.__name__
        if code in REGISTRY and REGISTRY[code].func.__qualname__ != func.__qualname__:
            raise ValueError(f"two rules named {code}: {REGISTRY[code].module} and {func.__module__}")

        @functools.wraps(func)
        def wrapper(*args, **kwargs) -> Violation | None:
            result = func(*args, **kwargs)
            if result is None:
                return None
            if isinstance(result, Violation):
                return result
            if not isinstance(result, _Refusal):
                raise TypeError(f"rule {code} returned {result!r}; return refuse(...) or None")
            cited = validate(result.clauses) if result.clauses else clauses
            return Violation(code, cited, result.message, result.field, laws)

        wrapper.rule = Rule(code, clauses, laws, wrapper, func.__module__, inspect.getdoc(func) or "")
        REGISTRY[code] = wrapper.rule
        return wrapper

    return decorate


def enforce(*results: Violation | None, status: int | None = None) -> None:
    """Raise one DomainError carrying every violation among ``results``; pass if none."""
    violations = [v for v in results if v is not None]
    if violations:
        raise DomainError(violations, status)


def load_all_rules() -> dict[str, Rule]:
    """Import every installed app's ``rules`` module so the registry is complete."""
    import importlib

    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("zhifa."):
            try:
                importlib.import_module(f"{config.name}.rules")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.rules":
                    raise
    return REGISTRY
