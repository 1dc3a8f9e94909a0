"""What the demo loader made, handed to later loaders (the case procedure's demo cases:
``zhifa.demo.cases.load(actor, world)``).

Keys:
- ``governments``, ``offices``, ``organs``: by government name (重庆市, 渝中区, 江北区, 沙坪坝区, 渝北区).
- ``agencies``: by code — cq-scj, cq-sthj, cq-cgj, cq-jtw, cq-jtzd (authorised), yz-scj, yz-cgj,
  jb-scj, jb-sthj (entrusted by cq-sthj), jb-cgj, spb-scj, spb-cgj (suspended).
- ``items``: the catalogue's violation items by code (SC-001 …); ``powers``: by (agency code, item code).
- ``delegations``: "entrustment" (cq-sthj → jb-sthj), "authorisation" (→ cq-jtzd),
  "revoked_entrustment" (cq-sthj → spb-cgj, revoked).
- ``posts``: by (agency code, post name).
- ``officers``: "<agency code>-head", "<agency code>-reviewer", "<agency code>-officer<n>".
  Notable: yz-scj-officer3 declared a conflict with party "hefeng-market"; yz-scj-officer4's
  certificate expired at the end of last month; jb-scj-officer2 and spb-cgj-officer1 had
  their certificates revoked; cq-jtzd-officer3's is suspended; jb-cgj-officer1's was not
  verified last year; spb-scj-officer1 failed last year's verification.
- ``users``: by username (see ``logins``); ``parties``: by key (hefeng-market, ma-degui, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: str
    where: str
    officer: str = ""


@dataclass
class World:
    admin: object
    today: date
    governments: dict = field(default_factory=dict)
    offices: dict = field(default_factory=dict)
    organs: dict = field(default_factory=dict)
    terms: list = field(default_factory=list)
    agencies: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)
    powers: dict = field(default_factory=dict)
    delegations: dict = field(default_factory=dict)
    posts: dict = field(default_factory=dict)
    officers: dict = field(default_factory=dict)
    certificates: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    parties: dict = field(default_factory=dict)
    discretion_report: str = ""
    conflicts: list = field(default_factory=list)
    logins: list = field(default_factory=list)

    def counts(self) -> dict:
        return {
            "governments": len(self.governments),
            "agencies": len(self.agencies),
            "powers": len(self.powers),
            "delegations": len(self.delegations),
            "posts": len(self.posts),
            "officers": len(self.officers),
            "certificates": len(self.certificates),
            "users": len(self.users),
            "parties": len(self.parties),
            "conflicts": len(self.conflicts),
        }
