"""The witness (zhifa.core.witness): a separate process with its own key and storage that
cosigns checkpoints after checking consistency with the last one it cosigned, and
refuses a truncated or rewritten log. The Django test client is the transport."""

from __future__ import annotations

import base64
import io

import pytest
from django.db import transaction
from django.test import Client

from zhifa.accounts.models import User
from zhifa.core import audit, merkle, witness
from zhifa.core.models import AuditEvent, AuditHead, Checkpoint, Cosignature
from zhifa.org.models import Government
from zhifa.testing import make_city_and_district, make_user

pytestmark = pytest.mark.django_db


class ClientTransport:
    """The witness's HTTP calls answered by the Django test client (no login: all public)."""

    def __init__(self, client: Client):
        self.client = client

    def get(self, path, params=None):
        res = self.client.get(path, params or {})
        if res.status_code != 200:
            raise witness.TransportError(f"{res.status_code} {res.content[:200]!r}")
        return res.json()

    def post(self, path, body):
        res = self.client.post(path, body, content_type="application/json")
        if res.status_code != 200:
            raise witness.TransportError(f"{res.status_code} {res.content[:200]!r}")
        return res.json()


@pytest.fixture
def log():
    _city, district = make_city_and_district()
    admin = make_user("admin")

    def append(n):
        for i in range(n):
            with transaction.atomic():
                audit.record(actor=admin, act="government.update", obj=district, changes={"i": i})

    return append


@pytest.fixture
def store(tmp_path, settings):
    s = witness.Store(tmp_path / "witness")
    s.init(name="审计局见证节点", log_public_key=audit.public_key_info()["public_key"])
    settings.AUDIT_WITNESSES = {"审计局见证节点": s.public_key()}
    return s


def test_the_witness_cosigns_a_growing_log_and_the_platform_serves_it(log, store, client):
    transport = ClientTransport(client)
    log(3)
    first = witness.witness_once(store, transport)
    assert first.tree_size == 3
    log(4)
    second = witness.witness_once(store, transport)  # checks the consistency proof 3 → 7
    assert second.tree_size == 7
    assert Cosignature.objects.count() == 2
    served = client.get("/api/v1/audit/checkpoints/cosigned").json()
    assert served["checkpoint"]["tree_size"] == 7
    (cosig,) = served["cosignatures"]
    assert cosig["witness_name"] == "审计局见证节点" and cosig["witness_key"] == store.public_key()
    # Anyone can check it with the witness's public key and the checkpoint's note.
    merkle.verify_cosignature(served["checkpoint"]["note"], cosig["timestamp"], cosig["signature"], store.public_key())
    assert witness.witness_once(store, transport).tree_size == 7  # nothing new: the same cosignature
    assert store.alarms() == []
    # The witness's storage is its own SQLite file, not the platform's database.
    assert store.db_path.exists() and store.key_path.stat().st_mode & 0o777 == 0o600


def test_a_truncated_log_is_refused(log, store, client):
    transport = ClientTransport(client)
    log(5)
    witness.witness_once(store, transport)
    # The database's owner deletes the last two events and their checkpoints, and
    # rewinds the head: the platform now shows a signed tree of size 3.
    AuditEvent.objects.filter(seq__gte=3).delete()
    Checkpoint.objects.filter(tree_size__gt=3).delete()
    with pytest.raises(witness.WitnessError, match="日志被截短"):
        witness.witness_once(store, transport)
    assert [reason for _, reason in store.alarms()] == ["日志被截短：平台现在的树大小为 3，本见证者已连署过树大小 5。"]


def _rewrite_history(n):
    """The owner, holding the signing key, replaces the whole log with another one."""
    AuditEvent.objects.all().delete()
    Checkpoint.objects.all().delete()
    AuditHead.objects.all().delete()
    district = Government.objects.get(division_code="500103")
    admin = User.objects.filter(role="admin").first()
    for i in range(n):
        with transaction.atomic():
            audit.record(actor=admin, act="government.update", obj=district, changes={"rewritten": i})


def test_a_rewritten_history_is_refused_at_a_larger_size(log, store, client):
    transport = ClientTransport(client)
    log(4)
    witness.witness_once(store, transport)
    _rewrite_history(6)
    with pytest.raises(witness.WitnessError, match="日志被改写"):
        witness.witness_once(store, transport)
    assert Cosignature.objects.filter(tree_size=6).count() == 0


def test_a_rewritten_history_is_refused_at_the_same_size(log, store, client):
    transport = ClientTransport(client)
    log(4)
    witness.witness_once(store, transport)
    _rewrite_history(4)
    with pytest.raises(witness.WitnessError, match="树大小 4 出现了与已连署的不同的根哈希"):
        witness.witness_once(store, transport)


def test_a_checkpoint_not_signed_by_the_pinned_key_is_refused(log, tmp_path, client, settings):
    log(2)
    other = witness.Store(tmp_path / "other")
    other.init(name="见证", log_public_key=base64.b64encode(b"\x01" * 32).decode())
    with pytest.raises(witness.WitnessError, match="签名校验"):
        witness.witness_once(other, ClientTransport(client))


def test_the_platform_refuses_a_cosignature_it_cannot_verify(log, store, client, settings):
    log(2)
    cosigned = witness.witness_once(store, ClientTransport(client), post=False)
    body = witness.cosignature_body(store, cosigned)
    url = "/api/v1/audit/cosignatures"
    bad = client.post(url, {**body, "signature": base64.b64encode(b"x" * 64).decode()}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["field"] == "signature"
    other = client.post(url, {**body, "root_hash": "0" * 64}, content_type="application/json")
    assert other.status_code == 409 and other.json()["field"] == "root_hash"
    settings.AUDIT_WITNESSES = {}
    unknown = client.post(url, body, content_type="application/json")
    assert unknown.status_code == 400 and unknown.json()["field"] == "witness_key"
    assert client.get("/api/v1/audit/checkpoints/cosigned").status_code == 404
    assert Cosignature.objects.count() == 0


def test_the_command_line(log, tmp_path, client, settings):
    log(2)
    out = io.StringIO()
    directory = str(tmp_path / "cli")
    factory = lambda url: ClientTransport(client)  # noqa: E731
    assert (
        witness.main(
            ["--dir", directory, "init", "--name", "见证", "--url", "http://x"], transport_factory=factory, out=out
        )
        == 0
    )
    store = witness.Store(directory)
    assert store.log_public_key() == audit.public_key_info()["public_key"]
    settings.AUDIT_WITNESSES = {"见证": store.public_key()}
    assert witness.main(["--dir", directory, "run", "--url", "http://x"], transport_factory=factory, out=out) == 0
    assert "已连署：树大小 2" in out.getvalue()
    assert witness.main(["--dir", directory, "status"], out=out) == 0
    assert "最近连署：树大小 2" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_two_processes_over_http(live_server, tmp_path, settings):
    """The witness as its own process (python -m zhifa.core.witness) against the platform
    served over HTTP: it cosigns, and the platform serves the cosigned checkpoint."""
    import subprocess
    import sys

    _city, district = make_city_and_district()
    admin = make_user("admin")
    with transaction.atomic():
        audit.record(actor=admin, act="government.update", obj=district, changes={"over": "http"})
    directory = str(tmp_path / "w")

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "zhifa.core.witness", "--dir", directory, *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    init = run("init", "--name", "异地见证", "--url", live_server.url)
    assert init.returncode == 0, init.stderr
    settings.AUDIT_WITNESSES = {"异地见证": witness.Store(directory).public_key()}
    done = run("run", "--url", live_server.url)
    assert done.returncode == 0, done.stderr
    assert "已连署：树大小 1" in done.stdout
    assert Cosignature.objects.get().witness_name == "异地见证"


def test_the_audit_pages_show_the_cosigned_checkpoint_and_an_events_state(log, store, client):
    log(2)
    witness.witness_once(store, ClientTransport(client))
    client.force_login(User.objects.get(role="admin"))
    page = client.get("/audit/").content.decode()
    assert "树大小 2 的检查点已由 审计局见证节点 连署" in page
    event = AuditEvent.objects.exclude(state={}).order_by("seq").first()
    detail = client.get(f"/audit/{event.seq}/").content.decode()
    assert "记录的数据状态" in detail and audit.state_digest(event.state) in detail
