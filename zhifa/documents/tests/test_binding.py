"""The bound case file (D6.2a): cover, index, the materials in order, the closing note,
every page numbered, and each index entry pointing at the page its material starts on."""

import re
import subprocess

import pytest
from django.urls import reverse

from zhifa.documents import binding, services
from zhifa.documents.kinds import Kind
from zhifa.documents.tests.builders import decided

pytestmark = pytest.mark.django_db


def page_text(path, n: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True)
    return re.sub(r"\s+", "", out.stdout)


@pytest.mark.clause("D6.2a")
def test_the_bound_file_binds_everything_in_order_with_the_index_right(w, tmp_path, client):
    case = decided(w)
    services.document_issue(actor=w.zhang, case=case, kind=Kind.PRIOR_NOTICE)
    decision = services.document_issue(actor=w.zhang, case=case, kind=Kind.PENALTY_DECISION)
    bound = binding.bind(case)
    path = tmp_path / "file.pdf"
    path.write_bytes(bound.pdf)
    titles = [p.title for p in bound.parts]
    assert titles[0] == "卷宗封面" and titles[1] == "卷内文件目录" and titles[-1] == "卷内备考表"
    assert "行政处罚告知书" in titles and "行政处罚决定书" in titles
    assert titles.index("行政处罚告知书") < titles.index("行政处罚决定书")
    assert any(t.startswith("证据1") for t in titles)
    # Pages run on without gaps; each material starts where the index says.
    assert [p.first for p in bound.parts[1:]] == [p.last + 1 for p in bound.parts[:-1]]
    index = page_text(path, bound.parts[1].first)
    for part in bound.parts:
        text = page_text(path, part.first)
        assert text.startswith(str(part.first)) or str(part.first) in text[:40], (part.title, text[:40])
        heading = "行政处罚案卷" if part.title == "卷宗封面" else part.title.replace(" ", "")[:6]
        assert heading in text, (part.title, part.first, text[:80])
    decision_part = next(p for p in bound.parts if p.title == "行政处罚决定书")
    assert decision.number in index and decision_part.number == decision.number
    assert f"{decision_part.first}–{decision_part.last}" in index or str(decision_part.first) in index
    assert f"共{bound.pages}页" in page_text(path, bound.pages)

    client.force_login(w.zhang)
    res = client.get(reverse("documents:case_file", args=[case.pk]))
    assert res.status_code == 200 and res["Content-Type"] == "application/pdf"
    client.force_login(w.other_officer)
    assert client.get(reverse("documents:case_file", args=[case.pk])).status_code == 404
