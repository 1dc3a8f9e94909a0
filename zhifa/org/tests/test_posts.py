"""Posts with defined responsibilities over HTTP (D2.5): an agency head maintains its
own; other agencies' staff do not see them."""

import pytest

from zhifa.core.models import AuditEvent
from zhifa.org.models import Post
from zhifa.org.tests.builders import make_delegation, make_item, make_post, make_power
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(bodies):
    item = make_item()
    return {
        **bodies,
        "own_power": make_power(bodies["agency"], [item]),
        "foreign_power": make_power(bodies["other"], [item]),
    }


def payload(w, **kw):
    return {
        "agency_id": w["agency"].pk,
        "name": "执法办案岗",
        "responsibilities": "依法调查取证、制作文书。",
        "liability": "未履行职责的，依法追究责任。",
        "power_ids": [w["own_power"].pk],
        **kw,
    }


@pytest.mark.clause("D2.5")
def test_the_head_sets_a_post_of_its_own_agency(api, world):
    res = api(world["head"]).post("org/posts", payload(world))
    assert res.status_code == 201, res.content
    post = Post.objects.get(pk=res.json()["id"])
    assert list(post.powers.all()) == [world["own_power"]]
    assert AuditEvent.objects.get(act="post.create", object_id=str(post.pk)).agency_id == world["agency"].pk


@pytest.mark.clause("D2.5")
def test_a_post_may_carry_only_powers_the_agency_holds(api, world):
    res = api(world["head"]).post("org/posts", payload(world, power_ids=[world["foreign_power"].pk]))
    body = assert_api_refused(res, 422, clause="D2.5", code="post_powers_within_agency")
    assert body["field"] == "powers"
    # A power entrusted to the agency may be carried by its posts.
    make_delegation(world["agency"], [world["foreign_power"]], delegator=world["other"])
    assert (
        api(world["head"]).post("org/posts", payload(world, power_ids=[world["foreign_power"].pk])).status_code == 201
    )


def test_officers_and_other_agencies_may_not_set_posts(api, world):
    assert_api_refused(api(world["officer"]).post("org/posts", payload(world)), 403, code="forbidden")
    assert_api_refused(api(world["other_head"]).post("org/posts", payload(world)), 404, code="not_found")
    assert api(world["office"]).post("org/posts", payload(world)).status_code == 201


def test_posts_are_not_found_by_other_agencies(api, world):
    post = make_post(world["agency"], "法制审核岗")
    assert api(world["officer"]).get(f"org/posts/{post.pk}").json()["name"] == "法制审核岗"
    assert api(world["supervisor"]).get(f"org/posts/{post.pk}").status_code == 200
    assert_api_refused(api(world["other_officer"]).get(f"org/posts/{post.pk}"), 404, code="not_found")
    assert api(world["other_head"]).get("org/posts").json()["count"] == 0
    assert_api_refused(api(world["other_head"]).patch(f"org/posts/{post.pk}", {"name": "x"}), 404, code="not_found")


def test_update_and_duplicate_names(api, world):
    post = make_post(world["agency"], "执法办案岗")
    res = api(world["head"]).patch(
        f"org/posts/{post.pk}", {"responsibilities": "新的职责。", "power_ids": [world["own_power"].pk]}
    )
    assert res.status_code == 200 and res.json()["responsibilities"] == "新的职责。"
    res = api(world["head"]).patch(f"org/posts/{post.pk}", {"power_ids": [world["foreign_power"].pk]})
    assert_api_refused(res, 422, code="post_powers_within_agency")
    res = api(world["head"]).post("org/posts", payload(world))
    assert_api_refused(res, 400, code="invalid")


def test_post_pages(client, world):
    client.force_login(world["head"])
    res = client.post(
        "/org/posts/new/",
        {
            "agency": world["agency"].pk,
            "name": "执法办案岗",
            "responsibilities": "调查取证",
            "liability": "",
            "powers": [world["own_power"].pk],
        },
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    post = Post.objects.get(name="执法办案岗")
    assert "执法办案岗" in client.get("/org/posts/").content.decode()
    assert "调查取证" in client.get(post.get_absolute_url()).content.decode()
    res = client.post(
        f"/org/posts/{post.pk}/edit/",
        {
            "name": "执法办案岗",
            "responsibilities": "调查取证、制作文书",
            "liability": "",
            "powers": [world["own_power"].pk],
        },
    )
    assert res.status_code == 302 and Post.objects.get(pk=post.pk).responsibilities == "调查取证、制作文书"
    client.force_login(world["other_head"])
    assert client.get(post.get_absolute_url()).status_code == 404
    assert "执法办案岗" not in client.get("/org/posts/").content.decode()
