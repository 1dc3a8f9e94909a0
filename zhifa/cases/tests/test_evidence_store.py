"""Evidence files (issue 7): a refused upload leaves no file in the store; a download is
served only when the row's digest is the one the audit log recorded at registration and
the file still has it; orphans are swept."""

import io
import os
import time

import pytest
from django.core.management import call_command

from zhifa.cases import evidence_store, services
from zhifa.cases.models import Evidence
from zhifa.cases.tests.builders import D0, evidence_file, filed, wd
from zhifa.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _files(root):
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _add(w, case, content, **kw):
    return services.evidence_add(
        actor=w.zhang,
        case=case,
        kind=kw.pop("kind", "documentary"),
        title=kw.pop("title", "票据"),
        source="当事人提供",
        collected_on=wd(D0, 2),
        content=content,
        on=wd(D0, 2),
        **kw,
    )


def test_a_refused_upload_leaves_no_file_in_the_store(w, evidence_root):
    case = filed(w)
    with pytest.raises(DomainError) as e:
        _add(w, case, evidence_file("票据的内容"), title="长" * 500)  # too long for its column
    assert e.value.status == 400
    with pytest.raises(DomainError):
        _add(w, case, io.BytesIO(b""))  # an empty file
    with pytest.raises(DomainError):
        _add(w, case, evidence_file("票据的内容"), title="")
    assert _files(evidence_root) == []
    ev = _add(w, case, evidence_file("票据的内容"))
    assert _files(evidence_root) == [evidence_store.path_of(ev.sha256)]


def test_a_refused_upload_of_content_already_stored_keeps_the_stored_file(w, evidence_root):
    case = filed(w)
    ev = _add(w, case, evidence_file("同一内容"))
    with pytest.raises(DomainError):
        _add(w, case, evidence_file("同一内容"), title="长" * 500)
    assert evidence_store.verify(ev.sha256)


def test_a_row_pointed_at_another_file_is_caught_and_not_served(w, client, api):
    case = filed(w)
    first = _add(w, case, evidence_file("第一份"))
    second = _add(w, case, evidence_file("第二份"))
    client.force_login(w.zhang)
    assert client.get(f"/cases/evidence/{first.pk}/content/").status_code == 200
    Evidence.objects.filter(pk=first.pk).update(sha256=second.sha256)  # an insider's edit
    res = client.get(f"/cases/evidence/{first.pk}/content/")
    assert res.status_code == 409 and "审计日志" in res.content.decode()
    res = api(w.zhang).get(f"cases/evidence/{first.pk}/content")
    assert res.status_code == 409 and res.json()["code"] == "conflict"
    assert api(w.zhang).get(f"cases/evidence/{second.pk}/content").status_code == 200


def test_a_changed_file_is_not_served(w, client):
    case = filed(w)
    ev = _add(w, case, evidence_file("原件"))
    path = evidence_store.path_of(ev.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(b"changed")
    client.force_login(w.zhang)
    assert client.get(f"/cases/evidence/{ev.pk}/content/").status_code == 409


def test_the_sweep_removes_orphans_and_keeps_what_rows_name(w, evidence_root):
    case = filed(w)
    ev = _add(w, case, evidence_file("留存"))
    orphan_sha, _ = evidence_store.store(io.BytesIO(b"orphan"))
    staged = evidence_store.stage(io.BytesIO(b"half-done upload"))
    fresh_sha, _ = evidence_store.store(io.BytesIO(b"just written"))
    old = time.time() - 7200
    for path in (evidence_store.path_of(orphan_sha), staged.tmp):
        os.utime(path, (old, old))
    out = io.StringIO()
    call_command("evidence_sweep", stdout=out)
    left = _files(evidence_root)
    assert evidence_store.path_of(ev.sha256) in left
    assert evidence_store.path_of(fresh_sha) in left  # younger than the grace period
    assert evidence_store.path_of(orphan_sha) not in left and staged.tmp not in left
    assert "共删除 2 个文件" in out.getvalue()
