"""The API contract of the registries (org, people, law, discretion, accounts): every
operation has a typed response, documents its 4xx with the one error body, and every
field of what it takes and returns is described in Chinese."""

from __future__ import annotations

import re

import pytest

APPS = ("org", "people", "law", "discretion", "accounts")
PREFIXES = tuple(f"/api/v1/{app}/" for app in APPS)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def schema():
    from zhifa.api import api

    return api.get_openapi_schema()


def _operations(schema):
    for path, ops in schema["paths"].items():
        if path.startswith(PREFIXES):
            for method, op in ops.items():
                yield f"{method.upper()} {path}", op


def _refs(node, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref:
            found.add(ref.rsplit("/", 1)[-1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def test_every_operation_has_a_typed_response_and_documents_its_4xx(schema):
    problems = []
    for name, op in _operations(schema):
        responses = {str(k): v for k, v in op["responses"].items()}
        ok = [c for c in responses if c.startswith("2")]
        if not ok or not all(any(m.get("schema") for m in responses[c].get("content", {}).values()) for c in ok):
            problems.append(f"{name}: no typed 2xx response")
        errors = [c for c in responses if c.startswith("4")]
        if not errors:
            problems.append(f"{name}: no documented 4xx")
        for c in errors:
            body = responses[c]["content"]["application/json"]["schema"]
            if body.get("$ref", "").rsplit("/", 1)[-1] != "ErrorBody":
                problems.append(f"{name}: {c} is not the error body")
    assert not problems, "\n".join(problems)
    assert len(list(_operations(schema))) >= 90


def test_every_field_of_the_registries_schemas_is_described_in_chinese(schema):
    components = schema["components"]["schemas"]
    used: set[str] = set()
    for _, op in _operations(schema):
        _refs(op, used)
    frontier = set(used)
    while frontier:
        nxt: set[str] = set()
        _refs([components[n] for n in frontier], nxt)
        frontier = nxt - used
        used |= nxt
    # Paged*: django-ninja's own page wrapper (items, count) around our described rows.
    bare = [
        f"{name}.{field}"
        for name in sorted(used)
        if not name.startswith("Paged")
        for field, prop in components[name].get("properties", {}).items()
        if not CJK.search(prop.get("description", ""))
    ]
    assert not bare, "describe these fields (zhifa.core.api_schemas.described):\n" + "\n".join(bare)
