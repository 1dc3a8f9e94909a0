"""Navigation by role. Each app lists its entries in ``<app>/navigation.py``:

    ITEMS = [Item("执法主体", "org:agency_list", section=Section.REGISTRY, order=10)]

An item with ``roles=None`` shows to every logged-in user; ``public=True`` puts it in
the public portal's menu instead. Entries whose URL is not (yet) routed are skipped.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse


class Section:
    WORK = "办案"
    SUPERVISION = "监督"
    REGISTRY = "主体与人员"
    LAW = "执法依据"
    SYSTEM = "系统"
    ORDER = [WORK, SUPERVISION, REGISTRY, LAW, SYSTEM]


@dataclass(frozen=True)
class Item:
    label: str
    url_name: str
    section: str = Section.WORK
    order: int = 50
    roles: tuple[str, ...] | None = None
    public: bool = False
    description: str = ""  # shown on the public home page


@cache
def all_items() -> tuple[Item, ...]:
    items: list[Item] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("zhifa."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.navigation":
                raise
            continue
        items += getattr(module, "ITEMS", [])
    return tuple(sorted(items, key=lambda i: (i.order, i.label)))


def _url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def menu_for(user, path: str) -> dict:
    staff, public = {}, []
    for item in all_items():
        url = _url(item.url_name)
        if url is None:
            continue
        entry = {
            "label": item.label,
            "url": url,
            "description": item.description,
            "current": path == url or (url != "/" and path.startswith(url)),
        }
        if item.public:
            public.append(entry)
        elif user.is_authenticated and (item.roles is None or user.role in item.roles or user.role == "admin"):
            staff.setdefault(item.section, []).append(entry)
    # Only the most specific match is current.
    for entries in [public, *staff.values()]:
        current = [e for e in entries if e["current"]]
        for e in current:
            e["current"] = e is max(current, key=lambda x: len(x["url"]))
    sections = [(s, staff[s]) for s in Section.ORDER if s in staff]
    sections += [(s, e) for s, e in staff.items() if s not in Section.ORDER]
    return {"staff_menu": sections, "public_menu": public}


def context(request) -> dict:
    from django.conf import settings

    return {
        **menu_for(request.user, request.path),
        "site_name": getattr(settings, "ZHIFA_SITE_NAME", "行政执法综合管理监督平台"),
    }


ITEMS = [
    Item(
        "审计日志",
        "core:audit_list",
        section=Section.SYSTEM,
        order=90,
        roles=("admin", "legal_office", "head", "supervisor"),
    ),
]
