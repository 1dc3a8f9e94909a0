"""Every list page and list API of oversight issues as many queries for 50 rows as for 5."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.cases.models import Case
from zhifa.core import clock
from zhifa.oversight.models import (
    AccountabilityMatter,
    CaseReview,
    Evaluation,
    Lawsuit,
    PartyRating,
    Reconsideration,
    ReviewRound,
    SupervisionNotice,
)

pytestmark = pytest.mark.django_db

URLS = [
    "/oversight/notices/",
    "/oversight/ratings/",
    "/oversight/rounds/",
    "/oversight/matters/",
    "/oversight/reconsiderations/",
    "/oversight/lawsuits/",
    "/oversight/public/accountability/",
    "/oversight/evaluations/",
    "/api/v1/oversight/evaluations?limit=100",
    "/api/v1/oversight/notices?limit=100",
    "/api/v1/oversight/ratings?limit=100",
    "/api/v1/oversight/rounds?limit=100",
    "/api/v1/oversight/matters?limit=100",
    "/api/v1/oversight/reconsiderations?limit=100",
    "/api/v1/oversight/lawsuits?limit=100",
    "/api/v1/oversight/public/accountability?limit=100",
]


def grow(w, n: int) -> None:
    today = clock.today()
    while Case.objects.count() < n:
        i = Case.objects.count()
        case = Case.objects.create(
            agency=w.agency,
            source="complaint",
            received_on=today - timedelta(days=i + 1),
            summary=f"举报{i}",
            party=w.org,
            created_by=w.zhang,
        )
        SupervisionNotice.objects.create(
            number=f"督办{i}",
            agency=w.agency,
            case=case,
            issued_by=w.legal_office,
            issued_on=today,
            subject="督办",
            requirement="整改",
            due_on=today + timedelta(days=5),
        )
        PartyRating.objects.create(
            party=w.org, case=case, agency=w.agency, kind="decision", score=4, submitted_on=today
        )
        rnd = ReviewRound.objects.create(
            kind="spot",
            agency=w.agency,
            year=2026,
            seed=str(i),
            population=1,
            sample_size=1,
            opened_on=today,
            opened_by=w.legal_office,
        )
        review = CaseReview.objects.create(
            round=rnd,
            case=case,
            agency=w.agency,
            position=1,
            body=20,
            procedure=20,
            facts=20,
            evidence=20,
            law=20,
            completed_on=today,
        )
        m = AccountabilityMatter.objects.create(
            number=f"追责{i}",
            origin="review",
            review=review,
            case=case,
            agency=w.agency,
            fault="过错",
            opened_on=today,
            opened_by=w.legal_office,
            decided_on=today,
            published_on=today,
            public_summary="公开",
        )
        m.officers.add(w.zhang_officer, w.li_officer)
        Reconsideration.objects.create(
            number=f"复{i}",
            case=case,
            agency=w.agency,
            body="区政府",
            applicant="甲",
            known_on=today,
            applied_on=today,
            recorded_by=w.legal_office,
        )
        Evaluation.objects.create(
            year=2000 + i,
            agency=w.agency,
            ratings_heard=0,
            opinions="座谈",
            score=90,
            conclusion="competent",
            decided_on=today,
            decided_by=w.legal_office,
        )
        Lawsuit.objects.create(
            number=f"诉{i}",
            case=case,
            agency=w.agency,
            plaintiff="甲",
            court="法院",
            filed_on=today,
            recorded_by=w.legal_office,
        )


def counts(client) -> list[int]:
    out = []
    for url in URLS:
        with CaptureQueriesContext(connection) as ctx:
            r = client.get(url)
        assert r.status_code == 200, (url, r.content[:300])
        out.append(len(ctx.captured_queries))
    return out


def test_lists_cost_the_same_for_5_and_50_rows(w, client):
    client.force_login(w.legal_office)
    grow(w, 5)
    few = counts(client)
    grow(w, 50)
    many = counts(client)
    assert dict(zip(URLS, many, strict=True)) == dict(zip(URLS, few, strict=True))
