"""The issued PDF: its text (pdftotext), its layout measured against GB/T 9704-2012, the
agency's PAdES signature checked with pyHanko's validator (and broken by one changed
byte), and PNGs of the decision and the notice to look at. Rendering is slow: one
decision and one notice are rendered for the whole module."""

import itertools
import os
import re
import subprocess
from pathlib import Path

import pytest

from zhifa.documents import services, signing, store
from zhifa.documents.kinds import Kind
from zhifa.documents.tests.builders import decided_with_defence

pytestmark = [pytest.mark.django_db]

MM = 72 / 25.4  # points per millimetre
#: Where the PNGs go (docs/images keeps the one the README shows).
PNG_DIR = Path(os.environ.get("ZHIFA_DOCUMENT_PNG_DIR", "/tmp/zhifa-document-pngs"))


@pytest.fixture
def issued(w, rendered):
    case = decided_with_defence(w)
    decision = services.document_issue(actor=w.zhang, case=case, kind=Kind.PENALTY_DECISION)
    notice = services.document_issue(actor=w.zhang, case=case, kind=Kind.PRIOR_NOTICE)
    return w, case, decision, notice


def pdftotext(path: Path, *args) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def words_by_line(path: Path) -> list[tuple[float, float, float, str]]:
    """(yMin, xMin, xMax, text) of each line pdftotext finds, in points."""
    html = pdftotext(path, "-bbox-layout")
    lines = []
    for m in re.finditer(
        r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>', html, re.S
    ):
        text = "".join(re.findall(r">([^<]*)</word>", m.group(4)))
        lines.append((float(m.group(2)), float(m.group(1)), float(m.group(3)), text))
    return lines


def test_the_decision_pdf_holds_its_content_is_laid_out_by_gb_t_9704_and_is_signed(issued, tmp_path):
    w, case, doc, notice = issued
    assert doc.is_pdf and doc.signed and doc.pages >= 2
    pdf = store.read(doc.sha256)
    assert store.sha256_of(pdf) == doc.sha256
    path = tmp_path / "decision.pdf"
    path.write_bytes(pdf)

    # PNGs of the decision and the notice, to look at.
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for old in PNG_DIR.glob("*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(PNG_DIR / "decision")], check=True)
    notice_path = tmp_path / "notice.pdf"
    notice_path.write_bytes(store.read(notice.sha256))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(notice_path), str(PNG_DIR / "notice")], check=True)
    assert any(PNG_DIR.glob("decision*.png")) and any(PNG_DIR.glob("notice*.png"))

    text = re.sub(r"\s+", "", pdftotext(path))
    for expected in [
        "行政处罚决定书",
        case.decision.number,
        w.org.name,
        "罚款人民币3,000.00元（大写：叁仟元整）",
        "向重庆市渝中区人民政府申请行政复议",
        "重庆市渝中区人民法院",
        "过期牛奶系供货商配送错误所致",
        "核验码",
        doc.verification_code,
        "—1—",
        "—2—",
    ]:
        assert expected in text, expected

    # A4; text block 156 mm wide from 28 mm; the first line no higher than 37 mm.
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width - 210 * MM) < 1 and abs(height - 297 * MM) < 1
    lines = words_by_line(path)
    body = [ln for ln in lines if ln[0] < 262 * MM and len(ln[3]) >= 20]
    assert body, "no body lines found"
    left = min(ln[1] for ln in body)
    right = max(ln[2] for ln in body)
    top = min(ln[0] for ln in lines)
    assert abs(left / MM - 28) < 1.5, left / MM
    assert right / MM <= 28 + 156 + 1, right / MM
    assert top / MM >= 37 - 1, top / MM
    # 28 characters to a full line of body text (ASCII digits are narrower, so count lines of Chinese).
    full = [ln for ln in body if re.fullmatch(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", ln[3])]
    assert full and max(len(ln[3]) for ln in full) == 28, sorted({len(ln[3]) for ln in full})
    # 22 lines to a page: the pitch between body lines is 225 mm / 22.
    ys = sorted({round(ln[0], 1) for ln in body})
    pitches = sorted(b - a for a, b in itertools.pairwise(ys) if 9 * MM < b - a < 11 * MM)
    assert pitches and abs(pitches[len(pitches) // 2] / MM - 225 / 22) < 0.1, [p / MM for p in pitches]

    # The agency's PAdES signature is valid and trusted through the platform's CA…
    check = signing.check_pdf(pdf)
    assert check.ok, check
    assert "重庆市渝中区市场监督管理局" in check.signer
    # …and one changed byte breaks it.
    changed = bytearray(pdf)
    at = pdf.index(b"/Type /Page") + 3
    changed[at] ^= 0x01
    assert not signing.check_pdf(bytes(changed)).ok

    notice_text = re.sub(r"\s+", "", pdftotext(notice_path))
    assert "行政处罚告知书" in notice_text and "陈述、申辩" in notice_text
