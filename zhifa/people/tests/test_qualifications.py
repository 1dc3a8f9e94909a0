"""Training and qualifications by field over HTTP (D3.1b): the qualification follows a
passed training in the field and is granted and revoked by the legal affairs office."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.people.models import Qualification, Training
from zhifa.people.tests.builders import make_bare_officer, make_training
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainee(people):
    return make_bare_officer(people["agency"], name="赵雪")


def training(officer, **kw):
    return {
        "officer_id": officer.pk,
        "field": "penalty",
        "course": "行政处罚执法资格培训",
        "hours": 40,
        "completed_on": "2026-03-20",
        "passed": True,
        "score": "86.5",
        **kw,
    }


@pytest.mark.clause("D3.1b")
def test_the_head_records_training_and_the_office_grants_the_qualification(api, people, trainee):
    res = api(people["head"]).post("people/trainings", training(trainee))
    assert res.status_code == 201, res.content
    assert AuditEvent.objects.get(act="training.create").agency_id == people["agency"].pk
    res = api(people["office"]).post(
        "people/qualifications", {"officer_id": trainee.pk, "field": "penalty", "obtained_on": "2026-04-01"}
    )
    assert res.status_code == 201, res.content
    q = Qualification.objects.get(pk=res.json()["id"])
    assert q.training == Training.objects.get(officer=trainee) and res.json()["field_label"] == "行政处罚"
    assert AuditEvent.objects.get(act="qualification.grant").clauses == ["D3.1b"]


@pytest.mark.clause("D3.1b")
def test_a_qualification_without_a_passed_training_in_the_field_is_refused(api, people, trainee):
    res = api(people["office"]).post(
        "people/qualifications", {"officer_id": trainee.pk, "field": "penalty", "obtained_on": "2026-04-01"}
    )
    body = assert_api_refused(res, 422, clause="D3.1b", code="qualification_after_training")
    assert body["field"] == "field" and "资格培训" in body["message"]
    make_training(trainee, "licensing", date(2026, 1, 1))
    make_training(trainee, "penalty", date(2026, 1, 1), passed=False)
    make_training(trainee, "penalty", date(2026, 5, 1))
    res = api(people["office"]).post(
        "people/qualifications", {"officer_id": trainee.pk, "field": "penalty", "obtained_on": "2026-04-01"}
    )
    assert_api_refused(res, 422, clause="D3.1b", code="qualification_after_training")
    assert not Qualification.objects.filter(officer=trainee).exists()


@pytest.mark.clause("D3.1b")
def test_only_the_office_over_the_agency_grants_and_revokes(api, people, trainee):
    make_training(trainee)
    body = {"officer_id": trainee.pk, "field": "penalty", "obtained_on": "2026-04-01"}
    assert_api_refused(api(people["head"]).post("people/qualifications", body), 403, code="forbidden")
    assert_api_refused(api(people["jb_office"]).post("people/qualifications", body), 400, code="invalid")
    assert api(people["city_office"]).post("people/qualifications", body).status_code == 201
    res = api(people["city_office"]).post("people/qualifications", body)
    body = assert_api_refused(res, 422, clause="D3.1b", code="qualification_not_yet_held")
    assert "已取得行政处罚执法资格" in body["message"]


@pytest.mark.clause("D3.1b")
def test_revocation_needs_a_reason(api, people):
    q = people["colleague"].qualifications.get()
    res = api(people["office"]).post(f"people/qualifications/{q.pk}/revoke", {"reason": "", "on": "2026-05-01"})
    body = assert_api_refused(res, 422, clause="D3.1b", code="qualification_revocation_lawful")
    assert body["field"] == "reason"
    assert_api_refused(
        api(people["head"]).post(f"people/qualifications/{q.pk}/revoke", {"reason": "x", "on": "2026-05-01"}),
        403,
        code="forbidden",
    )
    assert_api_refused(
        api(people["jb_office"]).post(f"people/qualifications/{q.pk}/revoke", {"reason": "x", "on": "2026-05-01"}),
        404,
        code="not_found",
    )
    res = api(people["office"]).post(
        f"people/qualifications/{q.pk}/revoke", {"reason": "考核不合格", "on": "2026-05-01"}
    )
    assert res.status_code == 200 and res.json()["revoked_on"] == "2026-05-01"
    res = api(people["office"]).post(f"people/qualifications/{q.pk}/revoke", {"reason": "again", "on": "2026-05-02"})
    assert_api_refused(res, 422, clause="D3.1b", code="qualification_revocation_lawful")


def test_training_scope_and_validation(api, people, trainee):
    t = make_training(trainee)
    assert api(people["officer_user"]).get(f"people/trainings/{t.pk}").status_code == 200
    assert_api_refused(api(people["other_officer"]).get(f"people/trainings/{t.pk}"), 404, code="not_found")
    assert_api_refused(api(people["officer_user"]).post("people/trainings", training(trainee)), 403, code="forbidden")
    res = api(people["head"]).post("people/trainings", training(trainee, score="120"))
    assert "0到100" in assert_api_refused(res, 400, code="invalid")["message"]
    res = api(people["head"]).post("people/trainings", training(trainee, completed_on="2099-01-01"))
    assert assert_api_refused(res, 400, code="invalid")["field"] == "completed_on"
    res = api(people["head"]).patch(f"people/trainings/{t.pk}", {"hours": 48})
    assert res.status_code == 200 and res.json()["hours"] == 48


def test_qualification_and_training_pages(client, people, trainee):
    client.force_login(people["head"])
    res = client.post(
        f"/people/officers/{trainee.pk}/trainings/new/",
        {
            "field": "penalty",
            "course": "行政处罚执法资格培训",
            "hours": 40,
            "completed_on": "2026-03-20",
            "passed": "on",
            "score": "90",
        },
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    t = Training.objects.get(officer=trainee)
    assert "行政处罚执法资格培训" in client.get("/people/trainings/").content.decode()
    assert client.get(t.get_absolute_url()).status_code == 200
    assert (
        client.post(
            f"/people/officers/{trainee.pk}/qualifications/new/", {"field": "penalty", "obtained_on": "2026-04-01"}
        ).status_code
        == 403
    )
    client.force_login(people["office"])
    res = client.post(
        f"/people/officers/{trainee.pk}/qualifications/new/", {"field": "hearing", "obtained_on": "2026-04-01"}
    )
    assert res.status_code == 422 and "行政听证资格培训" in res.content.decode()
    res = client.post(
        f"/people/officers/{trainee.pk}/qualifications/new/",
        {"field": "penalty", "obtained_on": "2026-04-01", "training": t.pk},
    )
    assert res.status_code == 302
    q = Qualification.objects.get(officer=trainee)
    assert "赵雪" in client.get("/people/qualifications/?held=yes").content.decode()
    assert "撤销资格" in client.get(q.get_absolute_url()).content.decode()
    res = client.post(f"/people/qualifications/{q.pk}/revoke/", {"reason": "调离执法岗位", "on": "2026-06-01"})
    assert res.status_code == 302 and Qualification.objects.get(pk=q.pk).revoked_on == date(2026, 6, 1)


@pytest.mark.clause("D3.1b")
def test_the_training_named_must_be_the_officers_passed_training_in_the_field(api, people, trainee):
    make_training(trainee)
    licensing = make_training(trainee, "licensing", date(2026, 1, 1))
    body = {"officer_id": trainee.pk, "field": "penalty", "obtained_on": "2026-04-01", "training_id": licensing.pk}
    res = api(people["office"]).post("people/qualifications", body)
    refusal = assert_api_refused(res, 422, clause="D3.1b", code="training_grounds_the_qualification")
    assert refusal["field"] == "training" and not Qualification.objects.filter(officer=trainee).exists()
