"""The staff pages of the audit log: the list with its filters and pages, and an event
with its changes, clauses, leaf hash and verified inclusion proof."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.utils import timezone

from zhifa.core import audit
from zhifa.core.models import AuditEvent
from zhifa.core.navigation import menu_for
from zhifa.testing import make_agency, make_city_and_district, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    city, district = make_city_and_district()
    yuzhong = make_agency(district, name="渝中区市场监督管理局")
    other = make_agency(city, name="重庆市生态环境局")
    admin = make_user("admin", display_name="管理员甲")
    for i in range(23):
        with transaction.atomic():
            audit.record(
                actor=admin,
                act="agency.update" if i % 2 else "power.create",
                obj=yuzhong,
                changes={"phone": [f"023-{i}", f"023-{i + 1}"]},
                clauses=["D3.8", "D3.1a"],
            )
    with transaction.atomic():
        audit.record(actor=admin, act="agency.update", obj=other, changes={"name": "重庆市生态环境局", "phone": ""})
    return {
        "yuzhong": yuzhong,
        "other": other,
        "admin": admin,
        "head": make_user("head", agency=yuzhong),
        "officer": make_user("officer", agency=yuzhong),
        "other_head": make_user("head", agency=other),
    }


def test_the_list_shows_the_events_in_scope_newest_first_with_pages(client, world):
    client.force_login(world["head"])
    page = client.get("/audit/").content.decode()
    assert "审计日志" in page and "共 23 条" in page
    assert page.index("#22") < page.index("#21") and "#23" not in page  # another agency's event
    assert "最新签名检查点" in page and audit.latest_checkpoint().root_hash in page
    second = client.get("/audit/?page=2").content.decode()
    assert "#2<" in second and "#22" not in second


def test_the_list_filters_by_act_actor_object_type_and_date(client, world):
    client.force_login(world["admin"])
    page = client.get("/audit/?act=power.create").content.decode()
    assert "共 12 条" in page and "agency.update</td>" not in page
    assert "共 24 条" in client.get("/audit/?actor=管理员甲").content.decode()
    assert "没有符合条件的审计事件" in client.get("/audit/?actor=张三").content.decode()
    assert "共 24 条" in client.get("/audit/?object_type=org.agency").content.decode()
    today = timezone.localdate(audit.latest_checkpoint().time).isoformat()
    assert "共 24 条" in client.get(f"/audit/?since={today}&until={today}").content.decode()
    assert "没有符合条件的审计事件" in client.get("/audit/?until=2000-01-01").content.decode()
    # The act choices offered are those in the user's scope.
    page = client.get("/audit/").content.decode()
    assert '<option value="power.create"' in page and '<option value="org.agency"' in page
    assert '<option value="org.government"' not in page


def test_an_event_shows_changes_clauses_leaf_hash_and_its_verified_proof(client, world):
    client.force_login(world["head"])
    event = AuditEvent.objects.get(seq=5)
    res = client.get("/audit/5/")
    assert res.status_code == 200
    page = res.content.decode()
    assert "审计事件 #5" in page and "agency.update" in page and "渝中区市场监督管理局" in page
    assert "服务电话" in page and "023-5" in page and "023-6" in page  # field label, old and new values
    assert "《决定》三（八）" in page and "[D3.8]" in page and "《决定》三（一）第一段" in page
    assert event.leaf_hash in page
    assert "已验证" in page and "校验失败" not in page
    proof = audit.inclusion_proof(5)
    for h in proof["audit_path"]:
        assert h in page
    assert proof["root_hash"] in page


def test_a_creation_shows_values_not_old_and_new(client, world):
    client.force_login(world["admin"])
    page = client.get("/audit/23/").content.decode()
    assert "<th>内容</th>" in page and "重庆市生态环境局" in page and "原值" not in page


def test_an_event_changed_in_the_database_fails_verification_on_its_page(client, world):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEvent._meta.db_table} SET actor_label = %s WHERE seq = 7", ["张三（执法人员）"])
    client.force_login(world["head"])
    page = client.get("/audit/7/").content.decode()
    assert "校验失败" in page and "该事件的内容与其叶哈希不符" in page and "与内容不符" in page
    assert "已验证" in client.get("/audit/8/").content.decode()


def test_events_of_another_agency_are_not_found(client, world):
    client.force_login(world["other_head"])
    assert client.get("/audit/5/").status_code == 404
    assert "共 1 条" in client.get("/audit/").content.decode()
    assert client.get("/audit/23/").status_code == 200


def test_anonymous_is_sent_to_log_in(client, world):
    res = client.get("/audit/")
    assert res.status_code == 302 and "/accounts/login/" in res["Location"]
    assert client.get("/audit/3/").status_code == 302


@pytest.mark.parametrize(
    "role, shown",
    [
        ("admin", True),
        ("legal_office", True),
        ("head", True),
        ("supervisor", True),
        ("officer", False),
        ("reviewer", False),
    ],
)
def test_the_menu_offers_the_audit_log_to_those_who_oversee(world, role, shown):
    kw = {"agency": world["yuzhong"]} if role in ("head", "officer", "reviewer") else {}
    if role in ("legal_office", "supervisor"):
        kw = {"government": world["yuzhong"].government}
    user = make_user(role, **kw)
    labels = [item["label"] for _, items in menu_for(user, "/audit/")["staff_menu"] for item in items]
    assert ("审计日志" in labels) is shown
