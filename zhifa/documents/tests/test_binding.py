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


@pytest.mark.clause("D6.2a")
def test_the_bound_file_binds_the_composed_documents_instead_of_registration_pages(w, tmp_path):
    from zhifa.documents.tests.builders import through_the_court

    case = through_the_court(w)
    for kind in (
        Kind.SOURCE_RECORD,
        Kind.FILING_APPROVAL,
        Kind.INSPECTION_RECORD,
        Kind.EVIDENCE_LIST,
        Kind.PRESERVATION_NOTICE,
        Kind.HEARING_NOTICE,
        Kind.HEARING_RECORD,
        Kind.HEARING_REPORT,
        Kind.PAYMENT_REMINDER,
    ):
        services.document_issue(actor=w.zhang, case=case, kind=kind)
    bound = binding.bind(case)
    titles = [p.title for p in bound.parts]
    # Composed documents in the checklist's order, in place of the registration pages …
    order = [
        "案件来源登记表",
        "立案审批表",
        "现场笔录",
        "证据提取单",
        "先行登记保存证据通知书",
        "听证通知书",
        "听证笔录",
        "听证报告",
        "行政处罚决定履行催告书",
    ]
    assert [t for t in titles if t in order] == order
    assert not any(t.startswith("线索登记") or t.startswith("立案审批表（") for t in titles)
    assert not any(t.startswith("听证要求、通知及笔录") or t.startswith("催告记录") for t in titles)
    # … the evidence itself still bound between its list and its preservation notice, and a
    # record with no composed document (the inquiry) still on its registration page.
    evidence = next(i for i, t in enumerate(titles) if t.startswith("证据1"))
    assert titles.index("证据提取单") < evidence < titles.index("先行登记保存证据通知书")
    assert any("询问笔录（" in t for t in titles)
    path = tmp_path / "file.pdf"
    path.write_bytes(bound.pdf)
    hearing = next(p for p in bound.parts if p.title == "听证笔录")
    assert "听证笔录" in page_text(path, hearing.first)
