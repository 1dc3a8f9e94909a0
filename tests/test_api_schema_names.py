"""One name, one schema: the OpenAPI document keeps one component per name, so two API
schemas of the same name (in two apps) publish one app's fields for the other's
operations (issue 7: ``GET /api/v1/people/certificates`` was documented with the
documents app's ``VerificationOut``, and every certificate answered outside its schema)."""

from __future__ import annotations

from collections import defaultdict

from ninja import Schema


def _schemas(cls=Schema):
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("zhifa."):
            yield sub
        yield from _schemas(sub)


def test_no_two_api_schemas_share_a_name():
    import zhifa.api  # noqa: F401  (every router, with every schema)

    by_name = defaultdict(set)
    for schema in _schemas():
        by_name[schema.__name__].add(f"{schema.__module__}.{schema.__qualname__}")
    clashes = {name: sorted(where) for name, where in by_name.items() if len(where) > 1}
    assert not clashes, f"rename one of each (the later app's, with its app's name in front): {clashes}"


def test_every_published_component_is_the_schema_of_its_name():
    from zhifa.api import api

    components = api.get_openapi_schema()["components"]["schemas"]
    by_name = {schema.__name__: schema for schema in _schemas()}
    for name, published in components.items():
        schema = by_name.get(name)
        if schema is None or "properties" not in published:
            continue  # generated (pagination, filters) or not a model
        assert set(published["properties"]) == set(schema.model_json_schema(by_alias=True).get("properties", {})), name
