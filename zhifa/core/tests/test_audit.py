"""The audit log: appending in the act's transaction, signed checkpoints, and
`zhifa audit verify | proof | consistency` finding rows changed or deleted directly in
the database (on SQLite and on PostgreSQL: the suite runs on both)."""

from __future__ import annotations

import base64
import io
import json
from datetime import UTC, date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from zhifa.core import audit, merkle
from zhifa.core.models import AuditEvent, AuditHead, Checkpoint
from zhifa.testing import make_agency, make_city_and_district, make_user


@pytest.fixture
def world(db):
    city, district = make_city_and_district()
    agency = make_agency(district, name="渝中区市场监督管理局")
    return {"city": city, "district": district, "agency": agency, "admin": make_user("admin", display_name="管理员甲")}


def append(world, n: int, *, act="government.update", start=0):
    """``n`` acts on the district government, each in its own transaction."""
    events = []
    for i in range(start, start + n):
        with transaction.atomic():
            events.append(
                audit.record(
                    actor=world["admin"],
                    act=act,
                    obj=world["district"],
                    changes={"name": ["渝中区", f"渝中区{i}"], "when": date(2026, 11, i % 28 + 1)},
                    clauses=["D3.8"],
                    agency=world["agency"],
                )
            )
    return events


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("audit", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("audit", *args, stdout=out, stderr=err)
    return str(excinfo.value), err.getvalue()


def sql(statement: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(
            statement.replace("{events}", AuditEvent._meta.db_table)
            .replace("{checkpoints}", Checkpoint._meta.db_table)
            .replace("{head}", AuditHead._meta.db_table),
            params,
        )


def json_param() -> str:
    return "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"


# --- Appending -----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_record_outside_a_transaction_raises(world):
    with pytest.raises(RuntimeError, match="transaction"):
        audit.record(actor=world["admin"], act="government.update", obj=world["district"])
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_act_leaves_no_event_and_the_tree_continues(world):
    append(world, 2)
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit.record(actor=world["admin"], act="government.update", obj=world["district"], changes={"x": 1})
        _ = 1 / 0  # the act fails after its audit record was written
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == [0, 1]
    assert Checkpoint.objects.count() == 2 and AuditHead.objects.get().size == 2
    append(world, 1)
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == [0, 1, 2]
    assert audit.verify().ok


def test_an_event_records_who_what_on_which_object_and_its_scope(world):
    [event] = append(world, 1)
    event.refresh_from_db()
    assert event.actor == world["admin"] and event.actor_label == "管理员甲（系统管理员）"
    assert (event.object_type, event.object_id, event.object_repr) == (
        "org.government",
        str(world["district"].pk),
        "渝中区",
    )
    assert event.agency_id == world["agency"].pk
    assert event.changes == {"name": ["渝中区", "渝中区0"], "when": "2026-11-01"}
    assert event.clauses == ["D3.8"]
    assert event.leaf_hash == merkle.leaf_hash(audit.event_bytes(event)).hex()
    with transaction.atomic():
        on_agency = audit.record(actor="系统", act="agency.update", obj=world["agency"], changes={"note": "a\x00b"})
    assert on_agency.agency_id == world["agency"].pk  # an agency's own record is in its scope
    assert on_agency.actor is None and on_agency.actor_label == "系统"
    on_agency.refresh_from_db()
    assert on_agency.changes == {"note": "a\ufffdb"}  # PostgreSQL's jsonb holds no NUL


def test_every_append_signs_a_checkpoint_of_the_whole_tree(world):
    events = append(world, 9)
    leaves = [merkle.leaf_hash(audit.event_bytes(e)) for e in AuditEvent.objects.order_by("seq")]
    key = audit.public_key_info()
    assert base64.b64decode(key["public_key"]) == audit.public_key_bytes()
    for cp in Checkpoint.objects.order_by("tree_size"):
        assert cp.root_hash == merkle.root(leaves[: cp.tree_size]).hex()
        assert cp.time == events[cp.tree_size - 1].time
        merkle.verify_checkpoint(audit.checkpoint_info(cp), key)
    head = AuditHead.objects.get()
    assert head.size == 9 and len(head.compact) == bin(9).count("1")


def test_each_event_stores_the_subtrees_its_append_completed(world):
    append(world, 8)
    nodes = dict(AuditEvent.objects.values_list("seq", "nodes"))
    assert [len(nodes[s]) for s in range(8)] == [0, 1, 0, 2, 0, 1, 0, 3]
    leaves = list(AuditEvent.objects.order_by("seq").values_list("leaf_hash", flat=True))
    assert nodes[7][-1] == merkle.root([bytes.fromhex(h) for h in leaves]).hex()


# --- zhifa audit verify ---------------------------------------------------------------


def test_verify_passes_on_an_empty_and_an_untouched_log(world):
    out, _ = run("verify")
    assert "审计日志完整：0 个事件" in out
    append(world, 12)
    out, _ = run("verify")
    assert "审计日志完整：12 个事件" in out and "12 个签名检查点" in out
    report = json.loads(run("verify", "--json")[0])
    assert report["ok"] and report["tree_size"] == 12 and report["root_hash"] == audit.latest_checkpoint().root_hash


@pytest.mark.parametrize(
    "column, value",
    [
        ("actor_label", "'张三（执法人员）'"),
        ("object_repr", "'江北区'"),
        ("act", "'government.create'"),
        ("time", None),
        ("changes", "json"),
        ("clauses", "json"),
    ],
)
def test_verify_names_an_event_changed_in_the_database(world, column, value):
    append(world, 10)
    target = AuditEvent.objects.get(seq=6)
    if value == "json":
        data = {"name": ["渝中区", "已篡改"]} if column == "changes" else []
        sql(f"UPDATE {{events}} SET {column} = {json_param()} WHERE seq = 6", [json.dumps(data, ensure_ascii=False)])
    elif value is None:
        sql("UPDATE {events} SET time = %s WHERE seq = 6", [AuditEvent.objects.get(seq=2).time])
    else:
        sql(f"UPDATE {{events}} SET {column} = {value} WHERE seq = 6")
    message, err = failing("verify")
    assert "第一个异常：事件 #6 " in message
    assert "内容与其叶哈希不符" in message and "被直接修改" in message
    shown = AuditEvent.objects.get(seq=6)
    assert f"#6 {shown.act} {shown.object_repr}（org.government:{target.object_id}）" in message
    assert err.splitlines()[0].startswith("事件 #6 ")
    assert [(p.seq, p.kind) for p in audit.verify().problems] == [(6, "altered")]


def test_verify_names_a_row_rewritten_together_with_its_leaf_hash(world):
    """Whoever changes a row and recomputes its leaf hash still cannot sign a checkpoint."""
    append(world, 10)
    event = AuditEvent.objects.get(seq=4)
    event.actor_label = "张三（执法人员）"
    sql(
        "UPDATE {events} SET actor_label = %s, leaf_hash = %s WHERE seq = 4",
        [event.actor_label, merkle.leaf_hash(audit.event_bytes(event)).hex()],
    )
    message, _ = failing("verify")
    assert "第一个异常：事件 #4 government.update 渝中区" in message and "与签名检查点不符" in message
    assert [(p.seq, p.kind) for p in audit.verify().problems] == [(4, "tree")]  # its consequences are not listed


def test_verify_names_a_deleted_event_and_its_neighbours(world):
    append(world, 10)
    sql("DELETE FROM {events} WHERE seq = 3")
    message, _ = failing("verify")
    assert "第一个异常：第 3 号事件缺失：该行已被直接删除" in message
    assert "前一事件 #2 government.update 渝中区" in message and "后一事件 #4 government.update 渝中区" in message
    assert [(p.seq, p.kind) for p in audit.verify().problems] == [(3, "missing")]
    # A proof that needs the row cannot be built, and says so.
    message, _ = failing("proof", "2")
    assert "第 3 号事件缺失" in message


def test_verify_names_deleted_rows_at_the_end(world):
    append(world, 10)
    sql("DELETE FROM {events} WHERE seq >= 8")
    message, _ = failing("verify")
    assert "第一个异常：第 8–9 号事件缺失" in message and "最后存在的事件 #7" in message


def test_verify_finds_deleted_rows_when_the_head_and_checkpoints_were_rewound(world):
    """Deleting the last rows and their checkpoints and rewinding the head leaves a log
    that verifies by itself: an outsider holding the earlier checkpoint finds it."""
    append(world, 10)
    held = audit.checkpoint_info(audit.latest_checkpoint())
    sql("DELETE FROM {events} WHERE seq >= 8")
    sql("DELETE FROM {checkpoints} WHERE tree_size > 8")
    sql("UPDATE {head} SET size = 8")
    message, _ = failing("verify")
    assert "紧凑范围" in message  # the head's compact range no longer matches
    message, _ = failing("consistency", str(held["tree_size"]))
    assert "第一棵树的大小（10）大于第二棵树的大小（8）" in message


def test_verify_finds_a_forged_checkpoint(world):
    append(world, 6)
    sql("UPDATE {checkpoints} SET root_hash = %s WHERE tree_size = 4", ["00" * 32])
    message, _ = failing("verify")
    assert "树大小为 4 的签名检查点签名无效" in message


def test_verify_finds_deleted_checkpoints(world):
    append(world, 6)
    sql("DELETE FROM {checkpoints} WHERE tree_size IN (3, 4)")
    message, _ = failing("verify")
    assert "第 2–3 号事件的签名检查点缺失" in message
    sql("DELETE FROM {checkpoints} WHERE tree_size >= 5")
    message, _ = failing("verify")
    assert "第 2–5 号事件没有任何签名检查点" in message


def test_verify_finds_tampered_stored_subtrees(world):
    append(world, 8)
    sql(f"UPDATE {{events}} SET nodes = {json_param()} WHERE seq = 7", [json.dumps(["00" * 32] * 3)])
    message, _ = failing("verify")
    assert "事件 #7 government.update 渝中区（org.government" in message and "子树哈希" in message


def test_verify_finds_a_gap_in_seq(world):
    append(world, 5)
    sql("UPDATE {events} SET seq = 9 WHERE seq = 4")
    message, _ = failing("verify")
    assert "第 4–8 号事件缺失" in message


# --- zhifa audit proof | consistency --------------------------------------------------


def test_proof_json_has_what_an_outsider_needs_and_verifies(world):
    append(world, 13)
    data = json.loads(run("proof", "5", "--json")[0])
    assert {
        "leaf_index",
        "tree_size",
        "leaf_hash",
        "audit_path",
        "root_hash",
        "checkpoint",
        "public_key",
    } <= data.keys()
    assert (data["leaf_index"], data["tree_size"]) == (5, 13)
    pinned = base64.b64encode(audit.public_key_bytes()).decode()
    event = AuditEvent.objects.get(seq=5)
    checkpoint = merkle.verify_inclusion_proof(data, pinned, event=audit.event_bytes(event))
    assert checkpoint["tree_size"] == 13
    # Against an earlier tree.
    earlier = json.loads(run("proof", "5", "--size", "6", "--json")[0])
    assert earlier["tree_size"] == 6 and len(earlier["audit_path"]) == 2  # [leaf 4, MTH(D[0:4])]
    merkle.verify_inclusion_proof(earlier, pinned)
    out, _ = run("proof", "5")
    assert "本地校验：通过" in out and data["leaf_hash"] in out


def test_a_proof_is_refused_when_it_does_not_match(world):
    append(world, 13)
    data = json.loads(run("proof", "5", "--json")[0])
    pinned = audit.public_key_info()
    with pytest.raises(merkle.ProofError, match="事件被改动"):
        merkle.verify_inclusion_proof(data, pinned, event=audit.event_bytes(AuditEvent.objects.get(seq=6)))
    bad = {**data, "audit_path": [data["audit_path"][0][::-1], *data["audit_path"][1:]]}
    with pytest.raises(merkle.ProofError, match="包含证明无效"):
        merkle.verify_inclusion_proof(bad, pinned)
    with pytest.raises(merkle.ProofError, match="签名无效"):
        merkle.verify_inclusion_proof({**data, "checkpoint": {**data["checkpoint"], "tree_size": 12}}, pinned)
    other_key = base64.b64encode(bytes(32)).decode()
    with pytest.raises(merkle.ProofError):
        merkle.verify_inclusion_proof(data, other_key)


def test_consistency_json_verifies_and_shows_both_checkpoints(world):
    append(world, 5)
    held = audit.checkpoint_info(audit.latest_checkpoint())
    append(world, 8, start=5)
    data = json.loads(run("consistency", "5", "13", "--json")[0])
    assert (data["first_size"], data["second_size"]) == (5, 13)
    assert data["first_checkpoint"] == held and data["second_checkpoint"]["tree_size"] == 13
    merkle.verify_consistency_proof(data, audit.public_key_info(), known_checkpoint=held)
    assert json.loads(run("consistency", "5", "--json")[0])["second_size"] == 13
    assert json.loads(run("consistency", "13", "13", "--json")[0])["consistency_path"] == []
    out, _ = run("consistency", "5", "13")
    assert "本地校验：通过" in out


def test_proof_commands_refuse_what_does_not_exist(world):
    assert "尚无签名检查点" in failing("proof", "0")[0]
    append(world, 3)
    assert "只包含第 0–2 号事件" in failing("proof", "3")[0]
    assert "没有树大小为 7 的签名检查点" in failing("proof", "1", "--size", "7")[0]
    assert "第一棵树的大小至少为 1" in failing("consistency", "0", "3")[0]
    assert "第一棵树的大小（3）大于第二棵树的大小（2）" in failing("consistency", "3", "2")[0]


def test_checkpoint_and_public_key_commands(world):
    append(world, 2)
    out, _ = run("checkpoint", "1")
    assert "树大小 1" in out and "签名校验：通过" in out
    key = json.loads(run("public-key", "--json")[0])
    assert key["algorithm"] == "Ed25519" and key["key_id"] == audit.key_id() and "BEGIN PUBLIC KEY" in key["pem"]


# --- Dates, keys, and logs from before stored subtrees --------------------------------


def test_dates_are_beijing_days(world):
    from datetime import datetime
    from unittest import mock

    late_evening_utc = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)  # 26 November, 01:30 in Beijing
    with mock.patch("zhifa.core.audit.dj_timezone.now", return_value=late_evening_utc):
        append(world, 1)
    qs = AuditEvent.objects.all()
    assert audit.filter_events(qs, since=date(2026, 11, 26), until=date(2026, 11, 26)).count() == 1
    assert audit.filter_events(qs, until=date(2026, 11, 25)).count() == 0
    assert audit.filter_events(qs, since=date(2026, 11, 27)).count() == 0


def test_checkpoints_signed_with_a_replaced_key_stay_valid_when_it_is_listed(world, settings):
    append(world, 3)
    old_public = base64.b64encode(audit.public_key_bytes()).decode()
    try:
        settings.AUDIT_SIGNING_KEY = base64.b64encode(bytes(range(1, 33))).decode()
        audit.signing_key.cache_clear()
        append(world, 2, start=3)
        report = audit.verify()
        assert [p.kind for p in report.problems] == ["checkpoint"] * 3
        assert "由未知的密钥签名" in report.first.message
        settings.AUDIT_PREVIOUS_PUBLIC_KEYS = [old_public]
        assert audit.verify().ok
        proof = audit.inclusion_proof(1, 3)  # against a checkpoint signed with the old key
        assert proof["public_key"]["public_key"] == old_public
        merkle.verify_inclusion_proof(proof, old_public)
        # Across the change, the outsider checks with both keys.
        across = audit.consistency_proof(3, 5)
        with pytest.raises(merkle.ProofError, match="另一把密钥"):
            merkle.verify_consistency_proof(across, audit.public_key_info())
        merkle.verify_consistency_proof(across, [old_public, audit.public_key_info()])
    finally:
        audit.signing_key.cache_clear()


def test_the_migration_fills_in_stored_subtrees_for_older_logs(world):
    import importlib

    from django.apps import apps

    append(world, 11)
    expected = dict(AuditEvent.objects.values_list("seq", "nodes"))
    sql(f"UPDATE {{events}} SET nodes = {json_param()}", [json.dumps([])])
    assert not audit.verify().ok
    migration = importlib.import_module("zhifa.core.migrations.0003_backfill_event_nodes")
    migration.backfill(apps, None)
    assert dict(AuditEvent.objects.values_list("seq", "nodes")) == expected
    assert audit.verify().ok
    merkle.verify_inclusion_proof(audit.inclusion_proof(4), audit.public_key_info())
