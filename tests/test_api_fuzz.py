"""schemathesis over the whole OpenAPI schema, as an officer and anonymously (issue 7, standing check).

Every operation gets a few generated requests (a fixed seed: ``derandomize``), sent in
process through the WSGI application, on whichever database the suite runs on (SQLite,
then PostgreSQL in ``make test-postgres``). What must hold:

- no server error, ever (``not_a_server_error``);
- a response whose status the operation documents matches the documented schema
  (``response_schema_conformance``), for every operation;
- every status answered is documented, with its content type
  (``status_code_conformance``, ``content_type_conformance``), strictly for every
  operation that documents its refusals (any 4xx, ``zhifa.core.api_schemas.errors``).
  Operations that document no refusal yet are not held to it: the undocumented statuses
  they answer are reported as a warning (issue 7: "document the 4xx responses of every
  operation"), and each becomes strict as soon as its app documents one refusal.
"""

from __future__ import annotations

import warnings

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import ServerError
from schemathesis.openapi.checks import UndefinedContentType, UndefinedStatusCode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

EXAMPLES = 3  # per operation and per user: enough to reach every operation's input checks

#: Failures found and reported, not fixed here, each with why; they are warned, not failed.
#: Remove an entry when its owner fixes it. None is known: every operation holds.
KNOWN: dict[tuple[str, str], str] = {}

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


@pytest.fixture
def wsgi_app():
    # Django's test client does the same: a request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    from django.core.wsgi import get_wsgi_application

    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world():
    """A small world, so that ids 1, 2, 3… name real records of several kinds."""
    from zhifa.accounts.services import token_create
    from zhifa.cases.tests.builders import clue, filed, make_world

    w = make_world()
    clue(w)
    filed(w)
    return {"officer": token_create(actor=None, user=w.zhang)}


def operations(app):
    import schemathesis

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def declares_refusals(app) -> set[str]:
    from zhifa.api import api

    return {
        f"{method.upper()} {path}"
        for path, item in api.get_openapi_schema()["paths"].items()
        for method, op in item.items()
        if any(str(code).startswith("4") for code in op.get("responses", {}))
    }


def kind_of(failure, status: int) -> str:
    if isinstance(failure, ServerError) or status >= 500:
        return "server error"
    if isinstance(failure, UndefinedStatusCode | UndefinedContentType):
        return "undocumented"
    return "schema"


def fuzz_operation(operation, headers, found, label) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def run(case):
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS)
        except BaseExceptionGroup as group:  # every failing check, sorted below
            for failure in group.exceptions:
                title = getattr(failure, "title", type(failure).__name__)
                found.add((label, kind_of(failure, response.status_code), response.status_code, title))
        except AssertionError as failure:
            found.add(
                (
                    label,
                    kind_of(failure, response.status_code),
                    response.status_code,
                    getattr(failure, "title", str(failure)[:200]),
                )
            )

    run()


def fuzz(app, headers) -> list[tuple]:
    """The failures that fail the test; the undocumented statuses of operations that document no refusal are warned."""
    found: set[tuple] = set()
    for operation in operations(app):
        fuzz_operation(operation, headers, found, f"{operation.method.upper()} {operation.path}")
    strict_ops = declares_refusals(app)
    strict = sorted(f for f in found if (f[1] != "undocumented" or f[0] in strict_ops) and f[:2] not in KNOWN)
    known = sorted({f[:2] for f in found if f[:2] in KNOWN})
    if known:
        warnings.warn("known failures (see KNOWN): " + "; ".join(f"{k[0]} {k[1]}" for k in known), stacklevel=1)
    reported = sorted({(f[0], f[2]) for f in found if f[1] == "undocumented" and f[0] not in strict_ops})
    if reported:
        warnings.warn(
            f"{len({r[0] for r in reported})} operations answer statuses they do not document (no 4xx documented yet): "
            + "; ".join(f"{label} → {status}" for label, status in reported),
            stacklevel=1,
        )
    return strict


def report(failures) -> str:
    return "\n".join(f"{label}: {kind} ({status}) {title}" for label, kind, status, title in failures)


def test_the_api_as_an_officer(wsgi_app, fuzz_world):
    failures = fuzz(wsgi_app, {"Authorization": f"Bearer {fuzz_world['officer']}"})
    assert not failures, f"{len(failures)} operations failed:\n{report(failures)}"


def test_the_api_anonymously(wsgi_app, fuzz_world):
    failures = fuzz(wsgi_app, {})
    assert not failures, f"{len(failures)} operations failed:\n{report(failures)}"
