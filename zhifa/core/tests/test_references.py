"""Records by id: one "not found" for missing and out-of-scope records in a path, one 400
at the field for them in a body."""

from __future__ import annotations

import pytest

from zhifa.accounts.selectors import user_get, user_list
from zhifa.core.errors import DomainError
from zhifa.core.references import get_or_not_found, reference
from zhifa.org.models import Agency
from zhifa.people import selectors as people_selectors
from zhifa.testing import assert_refused, make_agency, make_city_and_district, make_officer, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_agencies():
    city, district = make_city_and_district()
    a, b = make_agency(district), make_agency(city)
    return {
        "a": a,
        "b": b,
        "head_a": make_user("head", agency=a),
        "officer_b": make_officer(b, user=make_user("officer", agency=b)),
        "office": make_user("legal_office", government=district),
        "admin": make_user("admin"),
    }


@pytest.mark.parametrize("pk", [10**9, "abc", None])
def test_a_missing_or_malformed_key_is_not_found(pk):
    with pytest.raises(DomainError) as excinfo:
        get_or_not_found(Agency.objects.all(), "执法主体", pk=pk)
    assert_refused(excinfo, code="not_found")
    assert excinfo.value.status == 404 and "执法主体不存在" in excinfo.value.message


def test_an_out_of_scope_record_in_a_body_is_a_400_at_its_field(two_agencies):
    w = two_agencies
    with pytest.raises(DomainError) as excinfo:
        reference(people_selectors.officer_get, w["officer_b"].pk, "officer_id", w["head_a"])
    assert_refused(excinfo, code="invalid", field="officer_id")
    assert excinfo.value.status == 400
    assert reference(people_selectors.officer_get, w["officer_b"].pk, "officer_id", w["admin"]) == w["officer_b"]
    assert reference(people_selectors.officer_get, None, "officer_id", w["head_a"]) is None


def test_users_are_named_within_the_actors_scope(two_agencies):
    w = two_agencies
    b_user = w["officer_b"].user
    assert set(user_list(w["head_a"])) == {w["head_a"]}
    assert b_user in user_list(w["admin"])
    # The district's office sees the district's agency staff, not the city's.
    assert w["head_a"] in user_list(w["office"]) and b_user not in user_list(w["office"])
    with pytest.raises(DomainError) as excinfo:
        user_get(w["head_a"], b_user.pk)
    assert_refused(excinfo, code="not_found")


def test_the_api_answers_a_400_at_the_field_for_an_officer_of_another_agency(api, two_agencies):
    w = two_agencies
    res = api(w["head_a"]).post(
        "people/trainings",
        {
            "officer_id": w["officer_b"].pk,
            "field": "penalty",
            "course": "行政处罚法",
            "hours": 8,
            "completed_on": "2026-11-01",
            "passed": True,
        },
    )
    assert res.status_code == 400 and res.json()["field"] == "officer"
