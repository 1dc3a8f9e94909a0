"""The audit log over HTTP: proofs and checkpoints are public and verify with the
outsider's verifier (zhifa.core.merkle); events' contents are for logged-in users, in
their scope."""

from __future__ import annotations

import base64

import pytest
from django.db import connection, transaction
from django.utils import timezone

from zhifa.core import audit, merkle
from zhifa.core.models import AuditEvent
from zhifa.testing import assert_api_refused, make_agency, make_city_and_district, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    city, district = make_city_and_district()
    yuzhong = make_agency(district, name="渝中区市场监督管理局")
    city_agency = make_agency(city, name="重庆市生态环境局")
    w = {
        "city": city,
        "district": district,
        "yuzhong": yuzhong,
        "city_agency": city_agency,
        "admin": make_user("admin"),
        "officer": make_user("officer", agency=yuzhong),
        "other_officer": make_user("officer", agency=city_agency),
        "district_office": make_user("legal_office", government=district),
        "city_office": make_user("legal_office", government=city),
    }
    acts = [
        ("government.create", city, None),
        ("agency.update", yuzhong, yuzhong),
        ("agency.update", city_agency, city_agency),
        ("power.create", yuzhong, yuzhong),
        ("agency.update", yuzhong, yuzhong),
        ("power.create", city_agency, city_agency),
    ]
    for act, obj, agency in acts:
        with transaction.atomic():
            audit.record(
                actor=w["admin"], act=act, obj=obj, agency=agency, changes={"name": str(obj)}, clauses=["D3.1a"]
            )
    return w


def pinned_key() -> str:
    """The key an outsider obtained once from a source they trust."""
    return base64.b64encode(audit.public_key_bytes()).decode()


# --- Public: checkpoints, key, proofs ------------------------------------------------


def test_anyone_reads_checkpoints_and_the_key(api, world):
    res = api().get("audit/checkpoints/latest")
    assert res.status_code == 200
    latest = res.json()
    assert latest["tree_size"] == 6 and latest["key_id"] == audit.key_id()
    merkle.verify_checkpoint(latest, pinned_key())
    assert api().get("audit/checkpoints/3").json()["tree_size"] == 3
    key = api().get("audit/public-key").json()
    assert key["public_key"] == pinned_key() and key["algorithm"] == "Ed25519"
    assert_api_refused(api().get("audit/checkpoints/99"), 404, code="not_found")


def test_an_empty_log_has_no_checkpoint(api, db):
    body = assert_api_refused(api().get("audit/checkpoints/latest"), 404, code="not_found")
    assert "尚无签名检查点" in body["message"]


def test_an_inclusion_proof_verifies_with_the_outsider_verifier(api, world):
    for seq in range(6):
        res = api().get(f"audit/proofs/inclusion/{seq}")
        assert res.status_code == 200, res.content
        checkpoint = merkle.verify_inclusion_proof(res.json(), pinned_key())
        assert checkpoint["tree_size"] == 6
    # Against an earlier tree the outsider kept.
    proof = api().get("audit/proofs/inclusion/1?tree_size=2").json()
    assert proof["checkpoint"] == api().get("audit/checkpoints/2").json()
    merkle.verify_inclusion_proof(proof, pinned_key())


def test_an_officer_checks_that_the_event_shown_is_the_one_in_the_signed_tree(api, world):
    event = api(world["officer"]).get("audit/events/1").json()
    leaf = event["leaf"].encode("utf-8")
    assert merkle.leaf_hash(leaf).hex() == event["leaf_hash"] and event["leaf_matches"]
    proof = api().get("audit/proofs/inclusion/1").json()
    merkle.verify_inclusion_proof(proof, pinned_key(), event=leaf)
    # The same proof does not vouch for different contents.
    forged = event["leaf"].replace("渝中区市场监督管理局", "别的机关").encode("utf-8")
    with pytest.raises(merkle.ProofError, match="事件被改动"):
        merkle.verify_inclusion_proof(proof, pinned_key(), event=forged)


def test_a_consistency_proof_shows_the_log_only_grew(api, world):
    held = api().get("audit/checkpoints/latest").json()
    with transaction.atomic():
        audit.record(actor=world["admin"], act="agency.update", obj=world["yuzhong"], changes={"phone": "023-1"})
    proof = api().get(f"audit/proofs/consistency?first={held['tree_size']}").json()
    assert (proof["first_size"], proof["second_size"]) == (6, 7)
    _first, second = merkle.verify_consistency_proof(proof, pinned_key(), known_checkpoint=held)
    assert second["tree_size"] == 7
    for m in range(1, 8):
        merkle.verify_consistency_proof(api().get(f"audit/proofs/consistency?first={m}&second=7").json(), pinned_key())
    # A proof served for another history than the one held is refused.
    other = api().get("audit/proofs/consistency?first=5&second=7").json()
    with pytest.raises(merkle.ProofError):
        merkle.verify_consistency_proof(other, pinned_key(), known_checkpoint=held)


def test_the_verifier_refuses_tampered_proofs(api, world):
    proof = api().get("audit/proofs/inclusion/4").json()
    key = pinned_key()
    flipped = proof["audit_path"][1][:-1] + ("0" if proof["audit_path"][1][-1] != "0" else "1")
    cases = [
        ({**proof, "audit_path": [proof["audit_path"][0], flipped, *proof["audit_path"][2:]]}, "包含证明无效"),
        ({**proof, "leaf_index": 5}, "包含证明无效"),
        ({**proof, "audit_path": proof["audit_path"][:-1]}, "包含证明无效"),
        ({**proof, "audit_path": proof["audit_path"] + [proof["root_hash"]]}, "包含证明无效"),
        ({**proof, "tree_size": 5}, "检查点却是"),
        ({**proof, "root_hash": "00" * 32}, "根哈希与签名检查点不符"),
        ({**proof, "checkpoint": {**proof["checkpoint"], "root_hash": "00" * 32}}, "签名无效"),
        ({**proof, "checkpoint": {**proof["checkpoint"], "time": "2020-01-01T00:00:00.000000Z"}}, "签名无效"),
        ({**proof, "leaf_hash": "zz"}, "十六进制"),
    ]
    for bad, why in cases:
        with pytest.raises(merkle.ProofError, match=why):
            merkle.verify_inclusion_proof(bad, key)
    with pytest.raises(merkle.ProofError, match="另一把密钥"):
        merkle.verify_inclusion_proof(proof, base64.b64encode(bytes(range(32))).decode())
    with pytest.raises(merkle.ProofError, match="JSON"):
        merkle.verify_inclusion_proof("{not json", key)


def test_proof_requests_outside_the_tree_are_refused_in_chinese(api, world):
    body = assert_api_refused(api().get("audit/proofs/inclusion/6"), 400, code="invalid")
    assert "只包含第 0–5 号事件" in body["message"] and body["field"] == "seq"
    assert_api_refused(api().get("audit/proofs/inclusion/2?tree_size=2"), 400, code="invalid")
    assert_api_refused(api().get("audit/proofs/inclusion/1?tree_size=60"), 404, code="not_found")
    assert_api_refused(api().get("audit/proofs/consistency?first=0"), 400, code="invalid")
    assert_api_refused(api().get("audit/proofs/consistency?first=7&second=6"), 400, code="invalid")
    assert_api_refused(api().get("audit/proofs/consistency"), 400, code="invalid")
    assert_api_refused(api().get("audit/proofs/inclusion/abc"), 400, code="invalid")


def test_a_proof_that_needs_a_deleted_row_is_a_clear_conflict(api, world):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE seq = 5")
    body = assert_api_refused(api().get("audit/proofs/inclusion/4"), 409, code="audit_broken")
    assert "第 5 号事件缺失" in body["message"]


# --- Events: logged in, scoped -------------------------------------------------------


def seqs(res) -> list[int]:
    assert res.status_code == 200, res.content
    return [e["seq"] for e in res.json()["items"]]


def test_anonymous_may_not_read_events(api, world):
    assert_api_refused(api().get("audit/events"), 401, code="not_authenticated")
    assert_api_refused(api().get("audit/events/1"), 401, code="not_authenticated")


def test_each_role_reads_the_events_in_its_scope(api, world):
    assert seqs(api(world["admin"]).get("audit/events")) == [0, 1, 2, 3, 4, 5]
    assert seqs(api(world["officer"]).get("audit/events")) == [1, 3, 4]
    assert seqs(api(world["other_officer"]).get("audit/events")) == [2, 5]
    assert seqs(api(world["district_office"]).get("audit/events")) == [1, 3, 4]
    assert seqs(api(world["city_office"]).get("audit/events")) == [1, 2, 3, 4, 5]


def test_an_officer_of_another_agency_gets_not_found(api, world):
    assert api(world["officer"]).get("audit/events/1").status_code == 200
    assert_api_refused(api(world["other_officer"]).get("audit/events/1"), 404, code="not_found")
    assert_api_refused(api(world["district_office"]).get("audit/events/2"), 404, code="not_found")
    assert_api_refused(api(world["admin"]).get("audit/events/99"), 404, code="not_found")
    assert (
        seqs(api(world["other_officer"]).get(f"audit/events?object_id={world['yuzhong'].pk}&object_type=org.agency"))
        == []
    )


def test_events_filter_by_act_object_time_and_position(api, world):
    admin = api(world["admin"])
    assert seqs(admin.get("audit/events?act=power.create")) == [3, 5]
    assert seqs(admin.get(f"audit/events?object_type=org.agency&object_id={world['yuzhong'].pk}")) == [1, 3, 4]
    assert seqs(admin.get("audit/events?object_type=org.government")) == [0]
    assert seqs(admin.get("audit/events?from_seq=4")) == [4, 5]
    today = timezone.localdate(AuditEvent.objects.get(seq=0).time).isoformat()  # dates are Beijing time
    assert seqs(admin.get(f"audit/events?since={today}&until={today}")) == [0, 1, 2, 3, 4, 5]
    assert seqs(admin.get("audit/events?until=2000-01-01")) == []
    assert seqs(admin.get("audit/events?actor=管理员&limit=2&offset=2")) == [2, 3]
    assert_api_refused(admin.get("audit/events?since=yesterday"), 400, code="invalid")


def test_an_event_changed_in_the_database_shows_it(api, world):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditEvent._meta.db_table} SET actor_label = %s WHERE seq = 3", ["别人"])
    event = api(world["officer"]).get("audit/events/3").json()
    assert event["actor_label"] == "别人" and not event["leaf_matches"]
    proof = api().get("audit/proofs/inclusion/3").json()
    with pytest.raises(merkle.ProofError, match="事件被改动"):
        merkle.verify_inclusion_proof(proof, pinned_key(), event=event["leaf"].encode("utf-8"))
