"""Every case operation in the OpenAPI schema answers with a typed body and documents its
refusals with the one error body; the shapes the API reads agree with the models."""

import importlib

import pytest
from ninja import Schema

import zhifa.cases.api as package
from zhifa.api import api
from zhifa.cases.api.schemas import TermsIn
from zhifa.cases.models import PenaltyTerms

ERROR_REF = "#/components/schemas/ErrorBody"


def _case_operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        if path.startswith("/api/v1/cases"):
            for method, operation in operations.items():
                yield f"{method.upper()} {path}", {str(k): v for k, v in operation["responses"].items()}


def test_there_is_an_operation_for_each_act_and_read():
    assert len(list(_case_operations())) >= 49


@pytest.mark.parametrize(("name", "responses"), list(_case_operations()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_case_operation_has_a_typed_answer_and_documents_its_refusals(name, responses):
    ok = [r for code, r in responses.items() if code.startswith("2")]
    assert len(ok) == 1, f"{name}: one 2xx answer"
    content = ok[0].get("content", {})
    assert content and all(body.get("schema") for body in content.values()), f"{name}: the 2xx answer has a schema"
    refusals = {code: r for code, r in responses.items() if code.startswith("4")}
    assert "401" in refusals, f"{name}: documents 401"
    for code, r in refusals.items():
        assert r["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}, f"{name}: {code} is the error body"
    if name.startswith("POST"):
        assert {"400", "403", "404", "409", "422"} <= refusals.keys(), f"{name}: an act documents its refusals"


def _case_schema_names() -> set[str]:
    modules = [importlib.import_module(f"zhifa.cases.api.{m}") for m in (*package.SECTIONS, "schemas")]
    return {
        cls.__name__
        for module in modules
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Schema) and cls.__module__.startswith("zhifa.cases.api")
    }


def test_every_field_of_the_case_schemas_is_described_in_chinese():
    schemas = api.get_openapi_schema()["components"]["schemas"]
    names = _case_schema_names() & set(schemas)  # (a base class used by no operation is not in the schema)
    assert {"CaseRow", "CaseDetail", "PartyRef", "ClueIn", "SimpleIn", "TermsIn"} <= names
    missing = []
    for name in sorted(names):
        for field, spec in schemas[name].get("properties", {}).items():
            text = spec.get("description", "")
            if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
                missing.append(f"{name}.{field}")
    assert not missing, missing


def test_the_penalty_terms_the_api_reads_are_the_models():
    assert tuple(TermsIn.model_fields) == PenaltyTerms.TERM_FIELDS
