"""Documents: penalty decisions rendered per second (the platform's HTML → PDF, and with the
PAdES signature; a whole issue with hashing, storing and the audit record), next to
WeasyPrint rendering the same HTML without the platform, and the time to bind a case
file of about 50 pages. ``ZHIFA_BENCH_DOCUMENTS`` sets the number of renders (default 10).

    .venv/bin/python -m benchmarks documents
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks import throwaway_database


def _row(label: str, value: str) -> None:
    print(f"  {label:<52} {value}", flush=True)


def _rate(label: str, fn, n: int) -> None:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    mean = statistics.mean(samples)
    _row(label, f"{1 / mean:6.2f} documents/s   (mean {mean * 1000:7.1f} ms)")


def main() -> None:
    n = int(os.environ.get("ZHIFA_BENCH_DOCUMENTS", "10"))
    with throwaway_database():
        from django.conf import settings

        root = Path(tempfile.mkdtemp(prefix="zhifa-bench-documents-"))
        settings.DOCUMENT_ROOT, settings.EVIDENCE_ROOT = root / "documents", root / "evidence"
        settings.KEY_DIR = root / "keys"
        settings.ZHIFA_DOCUMENTS_RENDER = True

        import weasyprint

        from zhifa.cases import evidence_store
        from zhifa.cases.models import Evidence
        from zhifa.cases.tests.builders import evidence_file
        from zhifa.documents import binding, compose, rendering, services, signing
        from zhifa.documents.kinds import Kind
        from zhifa.documents.tests.builders import decided_with_defence
        from zhifa.documents.tests.conftest import make_documents_world
        from zhifa.testing import SUITE_NOW, frozen

        with frozen(SUITE_NOW, tick=True):
            w = make_documents_world()
            case = decided_with_defence(w)
            composed = compose.penalty_decision(case.decision)
            html = rendering.html_of(composed, code="BENCH12345")
            rendering.pdf_of(html)  # warm up fonts and WeasyPrint's imports
            _row("pages of the decision", str(rendering.page_count(rendering.pdf_of(html))))
            _rate("WeasyPrint alone, same HTML", lambda: weasyprint.HTML(string=html).write_pdf(), n)
            _rate(
                "compose + HTML + PDF (platform)",
                lambda: rendering.pdf_of(rendering.html_of(compose.penalty_decision(case.decision), code="BENCH12345")),
                n,
            )
            pdf = rendering.pdf_of(html)
            _rate("PAdES signature of the PDF", lambda: signing.sign_pdf(case.agency, pdf), n)
            doc = services.document_issue(actor=w.zhang, case=case, kind=Kind.PENALTY_DECISION)

            def reissue():
                nonlocal doc
                doc = services.document_correct(actor=w.zhang, document=doc, reason="基准测试的更正")

            _rate("whole issue (compose, render, sign, store, audit)", reissue, max(3, n // 2))

            services.document_issue(actor=w.zhang, case=case, kind=Kind.PRIOR_NOTICE)
            # A fuller file: 36 more pages of evidence, registered straight into the file (the
            # benchmark measures binding, not the investigation's acts).
            collected = case.decision.decided_on - timedelta(days=10)
            for i in range(36):
                sha, size = evidence_store.store(
                    evidence_file(f"第{i + 1}张进货单据：牛奶12盒，供货商某某食品有限公司。")
                )
                Evidence.objects.create(
                    case=case,
                    number=100 + i,
                    kind="documentary",
                    title=f"进货单据{i + 1}",
                    source="当事人提供",
                    collected_on=collected,
                    sha256=sha,
                    size=size,
                    filename=f"receipt-{i + 1}.txt",
                    content_type="text/plain",
                    registered_by=w.zhang,
                )
            started = time.perf_counter()
            bound = binding.bind(case)
            took = time.perf_counter() - started
            _row(f"bind the case file ({bound.pages} pages, {len(bound.parts)} parts)", f"{took:6.2f} s")


if __name__ == "__main__":
    main()
