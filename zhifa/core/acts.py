"""The names of the acts the audit log records: one registry, so that a typo cannot
invent a new event type.

Each app declares its acts in its own ``acts.py`` (name → Chinese label)::

    # zhifa/people/acts.py
    from zhifa.core.acts import declare

    declare("people", {"certificate.revoke": "吊销执法证件", ...})

``CoreConfig.ready`` imports every installed app's ``acts`` module, so by the time a
request or a command runs, the registry is complete. :func:`zhifa.core.audit.record`
refuses an act nobody declared (``UnknownAct``, a programming error: it raises at once,
in the first test that reaches the call), and the audit pages show each act by its label.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

#: ``app.verb`` or ``noun.verb`` in lower case, dots and underscores: "case.filing_approve".
NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


@dataclass(frozen=True)
class Act:
    name: str
    label: str  # 中文名称，审计页面显示
    app: str  # the app that declared it


class UnknownAct(LookupError):
    """An audit act that no app declared: a typo, or an act missing from its app's acts.py."""


_REGISTRY: dict[str, Act] = {}


def declare(app: str, acts: Mapping[str, str]) -> None:
    """Declare ``acts`` (name → Chinese label) as ``app``'s. Declaring a name twice with a
    different label or from another app is an error (two apps would share an event type)."""
    for name, label in acts.items():
        if not NAME.match(name):
            raise ValueError(f"audit act name {name!r} must look like 'noun.verb' (lower case, dots, underscores)")
        if not label or not isinstance(label, str):
            raise ValueError(f"audit act {name!r} needs a Chinese label")
        act = Act(name, label, app)
        existing = _REGISTRY.get(name)
        if existing is not None and existing != act:
            raise ValueError(f"audit act {name!r} is already declared by {existing.app} as {existing.label!r}")
        _REGISTRY[name] = act


def get(name: str) -> Act:
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        close = difflib.get_close_matches(str(name), list(_REGISTRY), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise UnknownAct(
            f"audit act {name!r} is not declared: add it to the acts.py of the app that performs it "
            f"(zhifa.core.acts.declare).{hint}"
        ) from None


def require(name: str) -> str:
    """``name`` when it is a declared act; :class:`UnknownAct` otherwise."""
    return get(name).name


def is_declared(name: str) -> bool:
    return name in _REGISTRY


def label(name: str) -> str:
    """The Chinese label of an act (the name itself for an event older than its declaration)."""
    act = _REGISTRY.get(name)
    return act.label if act else name


def all_acts() -> list[Act]:
    return sorted(_REGISTRY.values(), key=lambda a: a.name)


def discover() -> None:
    """Import every installed app's ``acts`` module (called from ``CoreConfig.ready``)."""
    autodiscover_modules("acts")


# The core's own acts (this module is the registry, and core's acts module too).
declare(
    "core",
    {
        "audit.state_baseline": "将既有数据记入审计日志（状态基线）",
    },
)
