"""The load test (issue 13): officers working cases through the API and the public
browsing the portal, against gunicorn with the production settings on loopback.

Run it with ``scripts/loadtest`` (which starts and stops the server, issues the officers'
tokens and bounds the run); the officers' tokens come in ``ZHIFA_LOAD_TOKENS``
(comma-separated). Every request says it came through the TLS proxy
(``X-Forwarded-Proto: https``), as behind nginx.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta

from locust import HttpUser, between, task

PROXY = {"X-Forwarded-Proto": "https"}
TOKENS = [t for t in os.environ.get("ZHIFA_LOAD_TOKENS", "").split(",") if t]


class Officer(HttpUser):
    """An officer: the workbench, the case list and its searches, a case, a new clue."""

    weight = 3
    wait_time = between(0.5, 2)

    def on_start(self):
        self.headers = {**PROXY, "Authorization": f"Bearer {random.choice(TOKENS)}"}
        self.case_ids: list[int] = []

    @task(3)
    def workbench(self):
        self.client.get("/api/v1/cases/workbench", headers=self.headers, name="GET /api/v1/cases/workbench")

    @task(4)
    def case_list(self):
        with self.client.get(
            "/api/v1/cases/?limit=20", headers=self.headers, name="GET /api/v1/cases/", catch_response=True
        ) as r:
            if r.status_code == 200:
                self.case_ids = [row["id"] for row in r.json()["items"]] or self.case_ids
                r.success()

    @task(2)
    def search(self):
        word = random.choice(["超市", "食品", "噪声", "广告", "排放"])
        self.client.get(f"/api/v1/cases/?q={word}", headers=self.headers, name="GET /api/v1/cases/?q=")

    @task(4)
    def case_detail(self):
        if self.case_ids:
            pk = random.choice(self.case_ids)
            self.client.get(f"/api/v1/cases/{pk}", headers=self.headers, name="GET /api/v1/cases/{pk}")

    @task(1)
    def register_clue(self):
        received = date.today() - timedelta(days=random.randrange(1, 5))
        body = {
            "source": "complaint",
            "received_on": received.isoformat(),
            "on": date.today().isoformat(),
            "summary": "群众举报：某超市销售过期食品（压力测试）。",
        }
        self.client.post("/api/v1/cases/", json=body, headers=self.headers, name="POST /api/v1/cases/")


class Public(HttpUser):
    """The public: the portal, agencies, officers' certificates, the legal bases in force."""

    weight = 2
    wait_time = between(1, 3)

    @task(3)
    def home(self):
        self.client.get("/", headers=PROXY, name="GET /")

    @task(2)
    def agencies(self):
        self.client.get("/org/public/agencies/", headers=PROXY, name="GET /org/public/agencies/")

    @task(2)
    def certificates(self):
        self.client.get(
            "/api/v1/people/public/certificates", headers=PROXY, name="GET /api/v1/people/public/certificates"
        )

    @task(1)
    def bases(self):
        self.client.get("/law/public/bases/", headers=PROXY, name="GET /law/public/bases/")

    @task(1)
    def audit_checkpoint(self):
        self.client.get("/api/v1/audit/checkpoints/latest", headers=PROXY, name="GET /api/v1/audit/checkpoints/latest")
