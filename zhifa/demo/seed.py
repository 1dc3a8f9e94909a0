"""``zhifa seed --cases N``: a city to measure on (issue 13).

On top of the city in the database (the demo city, loaded first into an empty one), the seeder adds the districts and
counties of Chongqing with their legal affairs offices, agencies at both levels with the
powers of their field, officers with training, qualification and a certificate, parties
(persons and organisations with valid identifiers), and N cases received since the revised law took effect (15 July 2021),
spread over every stage by their age: clues, filings, investigations, reports, notices,
decisions, payments, closed and archived cases, a few refused, transferred or terminated,
each with the records its stage implies (investigators, report, notice, decision,
payment) and an audit event for every act on it.

It takes the bulk path: rows are written with ``bulk_create`` in batches of one
transaction each, not through the services (which take ~0.1 s a case). What the services
would guarantee, the seeder builds in: numbers drawn in each agency's yearly series (and
the series advanced past them), deadlines from the legal calendar, and audit events
appended to the one log exactly as :func:`zhifa.core.audit.record` appends them (leaf,
stored subtrees, a signed checkpoint per event), so ``zhifa audit verify`` passes.

It is resumable: each case carries ``source_reference = "SEED-<i>"``; a run continues
from the cases already there, and the same N always gives the same city (the random
generator is seeded by the batch).
"""

from __future__ import annotations

import base64
import contextlib
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from stdnum.cn import ric, uscc

from zhifa.accounts.models import Role, User
from zhifa.cases import periods
from zhifa.cases.models import (
    Case,
    CaseOfficer,
    Decision,
    Notice,
    NumberSequence,
    Outcome,
    Payment,
    Report,
    Source,
    Status,
)
from zhifa.cases.numbering import KINDS
from zhifa.core import audit, clock, merkle
from zhifa.core import parameters as params
from zhifa.core import state as state_rows
from zhifa.core.models import AuditEvent, AuditHead, Checkpoint
from zhifa.org.models import Agency, Government, LegalAffairsOffice, Power
from zhifa.parties.models import Party
from zhifa.people.models import Certificate, Officer, Qualification, Training

BEIJING = ZoneInfo("Asia/Shanghai")
SEED_MARK = "SEED-"
BATCH = 1000
FIRST_YEAR = 2021
#: The revised 行政处罚法 in force (its periods are the platform's parameters from then on).
FIRST_DAY = date(2021, 7, 15)

#: The districts and counties of Chongqing (行政区划代码), beyond those the demo holds.
DIVISIONS = [
    ("万州区", "500101"), ("涪陵区", "500102"), ("渝中区", "500103"), ("大渡口区", "500104"),
    ("江北区", "500105"), ("沙坪坝区", "500106"), ("九龙坡区", "500107"), ("南岸区", "500108"),
    ("北碚区", "500109"), ("綦江区", "500110"), ("大足区", "500111"), ("渝北区", "500112"),
    ("巴南区", "500113"), ("黔江区", "500114"), ("长寿区", "500115"), ("江津区", "500116"),
    ("合川区", "500117"), ("永川区", "500118"), ("南川区", "500119"), ("璧山区", "500120"),
    ("铜梁区", "500151"), ("潼南区", "500152"), ("荣昌区", "500153"), ("开州区", "500154"),
    ("梁平区", "500155"), ("武隆区", "500156"), ("城口县", "500229"), ("丰都县", "500230"),
    ("垫江县", "500231"), ("忠县", "500233"), ("云阳县", "500235"), ("奉节县", "500236"),
    ("巫山县", "500237"), ("巫溪县", "500238"), ("石柱土家族自治县", "500240"),
    ("秀山土家族苗族自治县", "500241"), ("酉阳土家族苗族自治县", "500242"), ("彭水苗族土家族自治县", "500243"),
]  # fmt: skip
#: The agencies of a district, by field: (name, document prefix suffix).
DISTRICT_AGENCIES = [
    ("market", "市场监督管理局", "市监"),
    ("city", "城市管理局", "城管"),
    ("ecology", "生态环境局", "环"),
    ("transport", "交通运输综合行政执法支队", "交执"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏宇浩凯晨欣怡子涵梓轩思远嘉俊雨婷"
TRADE = ["超市", "餐饮店", "食品商行", "建材有限公司", "物流有限公司", "火锅店", "药房", "汽车维修厂", "KTV", "农家乐"]
WORDS = ["鑫", "盛", "福", "隆", "源", "达", "兴", "华", "泰", "顺", "聚", "佳", "康", "宏", "嘉", "瑞"]
SUMMARIES = [
    "群众举报：{party}销售超过保质期的食品。",
    "日常检查发现{party}未按规定公示证照信息。",
    "网络监测发现{party}发布虚假广告。",
    "群众投诉{party}夜间施工噪声扰民。",
    "巡查发现{party}占道经营、乱堆乱放。",
    "监测发现{party}超标排放污水。",
    "检查发现{party}车辆未取得道路运输证从事经营。",
]

#: A case's stages in order, each with the act that reaches it, its days after the
#: previous act, and the status it leaves.
PATH = [
    ("clue_register", 0, Status.CLUE),
    ("filing_propose", 3, Status.FILING_PENDING),
    ("filing_approve", 2, Status.INVESTIGATING),
    ("report_submit", 35, Status.REPORTED),
    ("notice_issue", 3, Status.NOTIFIED),
    ("decision_submit", 12, Status.DECISION_PENDING),
    ("decide", 3, Status.DECIDED),
    ("decision_serve", 2, Status.EXECUTING),
    ("payment_record", 12, Status.EXECUTED),
    ("execution_complete", 5, Status.CLOSED),
    ("archive", 5, Status.ARCHIVED),
]
ACT_LABELS = {
    "clue_register": "登记违法线索",
    "filing_propose": "提请立案",
    "filing_approve": "批准立案",
    "filing_refuse": "决定不予立案",
    "report_submit": "提交调查终结报告",
    "notice_issue": "制作事先告知书",
    "decision_submit": "提交决定",
    "decide": "作出行政处罚决定",
    "decision_serve": "送达决定书",
    "payment_record": "登记缴纳罚没款",
    "execution_complete": "结案",
    "archive": "立卷归档",
}


@dataclass
class Progress:
    """What the seeder reports as it goes (the command draws a progress bar from it)."""

    total: int
    done: int = 0


# --- the audit log, appended in bulk --------------------------------------------------


class AuditBatch:
    """Events appended to the one log as ``audit.record`` would append them one by one (the
    same bytes, leaves and stored subtrees), written with one ``bulk_create`` per batch under
    one lock of the head and signed by one checkpoint per batch, as ``audit.append_batch``
    signs (one Ed25519 signature and one checkpoint row per batch, not per event)."""

    def __init__(self):
        self.events: list[dict] = []

    def add(self, *, act: str, when: datetime, actor_label: str, obj_type: str, obj_id, repr_: str, agency, changes):
        self.events.append(
            {
                "act": act,
                "time": when,
                "actor_label": actor_label[:100],
                "object_type": obj_type,
                "object_id": str(obj_id),
                "object_repr": repr_[:200],
                "agency_id": agency,
                "changes": changes,
            }
        )

    def write(self) -> int:
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        compact = [bytes.fromhex(h) for h in head.compact]
        size = head.size
        key, kid = audit.signing_key(), audit.key_id()
        start = size
        rows = []
        # What the batch's transaction wrote (bulk rows noted by ``_bulk``, saved rows by the
        # signals) is attested by its last event, as audit.append_batch attests it.
        pending = state_rows.take()
        ordered = sorted(self.events, key=lambda e: e["time"])
        # In time order, as they would have been appended; the log's times never go back.
        for i, e in enumerate(ordered):
            state = pending if i == len(ordered) - 1 else {}  # canonical rows: already plain
            event = AuditEvent(seq=size, actor=None, clauses=[], state=state, **e)
            leaf = merkle.leaf_hash(audit.event_bytes(event))
            compact, completed = merkle.compact_append_nodes(compact, size, leaf)
            event.leaf_hash, event.nodes = leaf.hex(), [h.hex() for h in completed]
            rows.append(event)
            size += 1
        if not rows:
            return 0
        _bulk(AuditEvent, rows, batch_size=2000)
        # One signed checkpoint for the batch, as audit.append_batch signs one: it covers the
        # events from ``start`` (verify expects no checkpoint between them).
        root = merkle.compact_root(compact)
        signature = key.sign(audit.checkpoint_bytes(size, root, rows[-1].time))
        Checkpoint.objects.create(
            tree_size=size,
            root_hash=root.hex(),
            time=rows[-1].time,
            signature=base64.b64encode(signature).decode(),
            key_id=kid,
            covers_from=start,
        )
        head.size, head.compact = size, [h.hex() for h in compact]
        head.save(update_fields=["size", "compact"])
        self.events = []
        return len(rows)


def _bulk(model, rows: list, **options) -> list:
    """``bulk_create`` whose rows the batch's event attests (``audit verify --state``); on
    PostgreSQL through ``COPY`` (:func:`_copy`)."""
    made = _copy(model, rows) if connection.vendor == "postgresql" else model.objects.bulk_create(rows, **options)
    state_rows.bulk_written(made)
    return made


def _copy(model, rows: list) -> list:
    """Write ``rows`` with PostgreSQL's ``COPY … FROM STDIN``: their ids drawn from the
    table's sequence first (so the instances carry them, as after ``bulk_create``), every
    value prepared by its field as ``bulk_create`` prepares it (``auto_now`` included)."""
    if not rows:
        return rows
    meta = model._meta
    fields = list(meta.concrete_fields)
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself: the proxy's lookups cost a field
    quote = db.ops.quote_name
    with db.cursor() as cursor:
        missing = [r for r in rows if r.pk is None]
        if missing:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(missing)],
            )
            for row, (pk,) in zip(missing, cursor.fetchall(), strict=True):
                row.pk = pk
        columns = ", ".join(quote(f.column) for f in fields)
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([f.get_db_prep_save(f.pre_save(row, True), db) for f in fields])
    for row in rows:
        row._state.adding, row._state.db = False, db.alias
    return rows


def _moment(d: date, rng: random.Random) -> datetime:
    """A moment in office hours of ``d`` (Beijing), never after now."""
    t = datetime.combine(d, time(9, 0), tzinfo=BEIJING) + timedelta(minutes=rng.randrange(8 * 60))
    return min(t, clock.now()).astimezone(UTC)


# --- identifiers ----------------------------------------------------------------------


def _ric(birth: date, serial: int) -> str:
    body = f"500103{birth:%Y%m%d}{serial % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def _uscc(n: int) -> str:
    body = f"91500103{n:09d}"[:17]
    return body + uscc.calc_check_digit(body)


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


# --- the city -------------------------------------------------------------------------


@contextlib.contextmanager
def _stored_times(*models_) -> Iterator[None]:
    """Keep the times the seeder sets (a case handled in 2022 was last updated in 2022):
    the ``auto_now`` fields of ``models_`` are written as given while seeding."""
    fields = [f for m in models_ for f in m._meta.concrete_fields if getattr(f, "auto_now", False)]
    fields += [f for m in models_ for f in m._meta.concrete_fields if getattr(f, "auto_now_add", False)]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, add in saved:
            f.auto_now, f.auto_now_add = now, add


def _city(cases: int, log: AuditBatch, rng: random.Random) -> None:
    """Districts with their offices, agencies with their powers: as many as ``cases`` needs."""
    city = Government.objects.get(level=Government.Level.CITY)
    want_agencies = min(len(DIVISIONS) * len(DISTRICT_AGENCIES), max(20, cases // 250))
    have = Agency.objects.count()
    if have >= want_agencies:
        return
    templates = {}
    for field, *_ in DISTRICT_AGENCIES:
        agency = Agency.objects.filter(field=field, powers__isnull=False).order_by("pk").first()
        templates[field] = list(
            Power.objects.filter(agency=agency).prefetch_related("violation_items", "basis_articles")
        )
    existing = set(Government.objects.values_list("division_code", flat=True))
    today = clock.today()
    for name, code in DIVISIONS:
        if Agency.objects.count() >= want_agencies:
            break
        level = Government.Level.COUNTY if name.endswith("县") else Government.Level.DISTRICT
        if code not in existing:
            gov = Government.objects.create(name=name, level=level, parent=city, division_code=code)
            LegalAffairsOffice.objects.create(government=gov, name=f"重庆市{name}司法局")
            log.add(
                act="government.create",
                when=_moment(today, rng),
                actor_label="系统（seed）",
                obj_type="org.government",
                obj_id=gov.pk,
                repr_=gov.name,
                agency=None,
                changes={"name": name, "division_code": code},
            )
        gov = Government.objects.get(division_code=code)
        short = name.removesuffix("区").removesuffix("县")[:2]
        for field, suffix, word in DISTRICT_AGENCIES:
            full = f"重庆市{name}{suffix}"
            if Agency.objects.filter(name=full).exists() or not templates[field]:
                continue
            agency = Agency.objects.create(
                name=full,
                code=f"s{code}-{field}",
                case_prefix=f"{short}{word}",
                field=field,
                government=gov,
                standing=Agency.Standing.CONFIRMED,
                standing_confirmed_on=date(2020, 1, 1),
            )
            for t in templates[field]:
                power = Power.objects.create(
                    agency=agency, code=f"{t.code}-{code}", name=t.name, category=t.category, valid_from=t.valid_from
                )
                power.violation_items.set(t.violation_items.all())
                power.basis_articles.set(t.basis_articles.all())
            log.add(
                act="agency.create",
                when=_moment(today, rng),
                actor_label="系统（seed）",
                obj_type="org.agency",
                obj_id=agency.pk,
                repr_=agency.name,
                agency=agency.pk,
                changes={"name": full, "field": field},
            )


def _officers(cases: int, log: AuditBatch, rng: random.Random) -> None:
    """About one officer for every twenty cases a year (a city of 50,000 officers and a
    million cases), at least four per agency, each with training, qualification and a
    certificate valid now."""
    agencies = list(Agency.objects.select_related("government"))
    want = max(4 * len(agencies), cases // 20)
    have = Officer.objects.count()
    if have >= want:
        return
    offices = {o.government_id: o for o in LegalAffairsOffice.objects.all()}
    city_office = LegalAffairsOffice.objects.get(government__level=Government.Level.CITY)
    today = clock.today()
    for start in range(have, want, 2000):
        chunk = range(start, min(want, start + 2000))
        officers = []
        seen = set(Officer.objects.values_list("id_number", flat=True))
        for i in chunk:
            # unique by construction: the birth day and the serial both come from i
            number = _ric(date(1972, 1, 1) + timedelta(days=i // 1000), i)
            if number in seen:  # one of the demo's officers: leave the number to them
                continue
            officers.append(Officer(name=_person_name(rng), id_number=number, agency=agencies[i % len(agencies)]))
        _bulk(Officer, officers)
        trainings = [
            Training(
                officer=o,
                field="penalty",
                course="行政执法基础知识",
                hours=40,
                completed_on=date(2020, 6, 1),
                passed=True,
            )
            for o in officers
        ]
        _bulk(Training, trainings)
        _bulk(
            Qualification,
            [
                Qualification(officer=o, field="penalty", training=t, obtained_on=date(2020, 7, 1))
                for o, t in zip(officers, trainings, strict=True)
            ],
        )
        _bulk(
            Certificate,
            [
                Certificate(
                    officer=o,
                    number=f"渝执S{o.id_number[-12:]}",
                    issuer=offices.get(o.agency.government_id, city_office),
                    issued_on=date(2020, 8, 1),
                    expires_on=date(today.year + 3, 12, 31),
                )
                for o in officers
            ],
        )
        for o in officers:
            log.add(
                act="officer.create",
                when=_moment(today, rng),
                actor_label="系统（seed）",
                obj_type="people.officer",
                obj_id=o.pk,
                repr_=o.name,
                agency=o.agency_id,
                changes={"name": o.name, "agency": o.agency_id, "certificate": "issued"},
            )


def _parties(cases: int, log: AuditBatch, rng: random.Random) -> None:
    """One party for every three cases: two in three organisations."""
    want = max(50, cases // 3)
    have = Party.objects.count()
    if have >= want:
        return
    districts = list(Government.objects.exclude(level=Government.Level.CITY))
    today = clock.today()
    taken = set(Party.objects.exclude(uscc="").values_list("uscc", flat=True)) | set(
        Party.objects.exclude(id_number="").values_list("id_number", flat=True)
    )
    for start in range(have, want, 5000):
        rows = []
        for i in range(start, min(want, start + 5000)):
            gov = districts[i % len(districts)]
            if i % 3:
                name = f"重庆{''.join(rng.sample(WORDS, 2))}{rng.choice(TRADE)}{i}"
                party = Party(
                    kind="organisation",
                    name=name,
                    uscc=_uscc(i),
                    legal_representative=_person_name(rng),
                    government=gov,
                )
            else:  # unique by construction, as the officers' (another birth year)
                number = _ric(date(1965, 1, 1) + timedelta(days=i // 1000), i)
                party = Party(kind="person", name=_person_name(rng), id_number=number, government=gov)
            if (party.uscc or party.id_number) not in taken:
                taken.add(party.uscc or party.id_number)
                rows.append(party)
        _bulk(Party, rows, batch_size=2000)
        for p in rows:
            if p.pk is None:
                continue
            log.add(
                act="party.create",
                when=_moment(today, rng),
                actor_label="系统（seed）",
                obj_type="parties.party",
                obj_id=p.pk,
                repr_=p.name,
                agency=None,
                changes={"name": p.name, "kind": p.kind},
            )


# --- cases ----------------------------------------------------------------------------


@dataclass
class _World:
    agencies: list
    items: dict  # agency id -> [(power, item)]
    officers: dict  # agency id -> [officer]
    party_ids: list
    users: dict  # agency id -> the officer's login that registers its clues


def _world(log: AuditBatch) -> _World:
    agencies = [a for a in Agency.objects.select_related("government").order_by("pk") if a.case_prefix]
    items = defaultdict(list)
    for power in Power.objects.prefetch_related("violation_items"):
        for item in power.violation_items.all():
            items[power.agency_id].append((power, item))
    officers = defaultdict(list)
    for o in Officer.objects.filter(active=True).only("id", "name", "agency_id"):
        officers[o.agency_id].append(o)
    agencies = [a for a in agencies if items[a.pk] and len(officers[a.pk]) >= 2]
    party_ids = list(Party.objects.values_list("pk", flat=True))
    return _World(agencies, items, officers, party_ids, _registrars(agencies, officers, log))


def _registrars(agencies, officers, log: AuditBatch) -> dict:
    """The login of an officer of each agency, who registers its seeded clues (one is made,
    without a usable password, where the agency has none)."""
    users = {}
    for u in User.objects.filter(role=Role.OFFICER, agency__in=agencies, officer__isnull=False).order_by("username"):
        users.setdefault(u.agency_id, u)
    for agency in agencies:
        if agency.pk not in users:
            user = User(
                username=f"seed-{agency.code}",
                role=Role.OFFICER,
                agency=agency,
                display_name=officers[agency.pk][0].name,
            )
            user.set_unusable_password()
            user.save()
            officer = Officer.objects.filter(pk=officers[agency.pk][0].pk)
            state_rows.touch(officer)
            officer.update(user=user)
            users[agency.pk] = user
            log.add(
                act="user.create",
                when=clock.now(),
                actor_label="系统（seed）",
                obj_type="accounts.user",
                obj_id=user.pk,
                repr_=user.username,
                agency=agency.pk,
                changes={"username": user.username, "role": user.role, "officer": officer.get().pk},
            )
    return users


def _received_on(rng: random.Random, today: date) -> date:
    """Since 2021, more each year (as the platform spread), never after yesterday."""
    years = list(range(FIRST_YEAR, today.year + 1))
    year = rng.choices(years, weights=[1 + i for i in range(len(years))])[0]
    start = max(date(year, 1, 1), FIRST_DAY)
    end = min(date(year, 12, 31), today - timedelta(days=1))
    return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


class _Numbers:
    """Each agency's yearly series of document numbers, drawn in memory for a batch and
    written back at its end (so the services continue after the seeded numbers)."""

    def __init__(self):
        self.last = {(s.agency_id, s.kind, s.year): s.last for s in NumberSequence.objects.all()}
        self.touched: set = set()

    def next(self, agency, kind: str, year: int) -> str:
        key = (agency.pk, kind, year)
        self.last[key] = self.last.get(key, 0) + 1
        self.touched.add(key)
        return f"{agency.case_prefix}{KINDS[kind]}〔{year}〕{self.last[key]}号"

    def save(self) -> None:
        if not self.touched:
            return
        agencies = {a for a, _k, _y in self.touched}
        existing = {
            (s.agency_id, s.kind, s.year): s
            for s in NumberSequence.objects.filter(agency_id__in=agencies)
            if (s.agency_id, s.kind, s.year) in self.touched
        }
        for key, row in existing.items():
            row.last = self.last[key]
        NumberSequence.objects.bulk_update(list(existing.values()), ["last"], batch_size=500)
        state_rows.bulk_written(existing.values())
        _bulk(
            NumberSequence,
            [
                NumberSequence(agency_id=a, kind=k, year=y, last=self.last[(a, k, y)])
                for a, k, y in self.touched
                if (a, k, y) not in existing
            ],
        )
        self.touched = set()


def _decision_due(filed_on: date | None) -> date | None:
    """The time limit, where the law then in force set one (行政处罚法 of 2021 from 15 July 2021)."""
    if filed_on is None:
        return None
    try:
        return periods.decision_due(filed_on)
    except params.NotInForce:
        return None


def _case_batch(w: _World, first: int, count: int, log: AuditBatch, numbers: _Numbers) -> None:
    rng = random.Random(first)
    today = clock.today()
    plans = []
    for i in range(first, first + count):
        agency = w.agencies[rng.randrange(len(w.agencies))]
        power, item = rng.choice(w.items[agency.pk])
        received = _received_on(rng, today)
        # How far the case has gone: every act whose day has come, but some stop earlier.
        acts, d = [], received
        stop = rng.choices(range(len(PATH)), weights=[3, 2, 6, 3, 3, 2, 2, 5, 4, 8, 32])[0]
        if (today - received).days > 365:  # a case of past years has been closed and archived
            stop = len(PATH) - 1
        for k, (act, days, status) in enumerate(PATH):
            d = d + timedelta(days=days + (rng.randrange(4) if days else 0))
            if d >= today or k > stop:
                break
            acts.append((act, d, status))
        refused = len(acts) >= 2 and rng.random() < 0.05
        if refused:  # not filed: the clue, then the refusal
            acts = [acts[0], ("filing_refuse", acts[1][1], Status.NOT_FILED)]
        party_id = w.party_ids[rng.randrange(len(w.party_ids))]
        plans.append((i, agency, power, item, party_id, acts, rng.sample(w.officers[agency.pk], 2)))
    users = w.users

    cases = []
    for i, agency, power, item, party_id, acts, investigators in plans:
        reached = {a: d for a, d, _s in acts}
        _act, last_day, status = acts[-1]
        filed_on = reached.get("filing_approve")
        year = (filed_on or acts[0][1]).year
        case = Case(
            agency=agency,
            status=status,
            version=len(acts),
            status_since=last_day,
            source=rng.choice([Source.COMPLAINT, Source.INSPECTION, Source.MONITORING]),
            source_reference=f"{SEED_MARK}{i}",
            received_on=acts[0][1],
            summary=rng.choice(SUMMARIES).format(party="当事人"),
            party_id=party_id,
            violation_item=item,
            place=agency.government,
            act_date=acts[0][1] - timedelta(days=rng.randrange(1, 20)),
            power=power if "filing_propose" in reached else None,
            proposed_on=reached.get("filing_propose"),
            filed_on=filed_on,
            filing_number=numbers.next(agency, "filing", year) if filed_on else "",
            decision_due_on=_decision_due(filed_on),
            lead_officer=investigators[0] if filed_on else None,
            ended_on=reached.get("filing_refuse"),
            end_reason="违法事实不能成立，不予立案。" if "filing_refuse" in reached else "",
            closed_on=reached.get("execution_complete"),
            archived_on=reached.get("archive"),
            created_by=users[agency.pk],
        )
        moment = _moment(last_day, rng)
        case.created_at, case.updated_at = _moment(acts[0][1], rng), moment
        cases.append(case)
    _bulk(Case, cases, batch_size=1000)

    officers, reports, notices, decisions, payments = [], [], [], [], []
    records = {}  # an archived case's report, notice, decision and payment, for its file
    for case, (_i, agency, _power, item, _party, acts, investigators) in zip(cases, plans, strict=True):
        reached = {a: d for a, d, _s in acts}
        fine = Decimal(rng.choice([500, 1000, 2000, 5000, 10000, 20000, 50000]))
        if case.filed_on:
            officers += [
                CaseOfficer(case=case, officer=investigators[0], lead=True, assigned_on=case.proposed_on),
                CaseOfficer(case=case, officer=investigators[1], lead=False, assigned_on=case.proposed_on),
            ]
        facts = f"经查，当事人{item.name}，事实清楚，证据确凿。"
        if "report_submit" in reached:
            reports.append(
                Report(
                    case=case,
                    submitted_on=reached["report_submit"],
                    facts=facts,
                    evidence_summary="现场检查笔录、询问笔录、现场照片。",
                    outcome=Outcome.PENALTY,
                    reasons="依据裁量基准，情节一般。",
                    fine=fine,
                )
            )
        if "notice_issue" in reached:
            issued = reached["notice_issue"]
            notices.append(
                Notice(
                    case=case,
                    number=numbers.next(agency, "notice", issued.year),
                    issued_on=issued,
                    facts=facts,
                    reasons="依据裁量基准，情节一般。",
                    fine=fine,
                    served_on=issued + timedelta(days=1),
                    service_method="direct",
                    served_to="当事人",
                )
            )
        if "decide" in reached:
            decided = reached["decide"]
            decisions.append(
                Decision(
                    case=case,
                    number=numbers.next(agency, "penalty", decided.year),
                    outcome=Outcome.PENALTY,
                    decided_on=decided,
                    facts=facts,
                    reasons="依据裁量基准，情节一般。",
                    fine=fine,
                    public_summary=f"当事人{item.name}，被处以罚款。",
                    remedies="如不服本决定，可在六十日内申请行政复议，或在六个月内提起行政诉讼。",
                    served_on=reached.get("decision_serve"),
                    service_method="direct" if "decision_serve" in reached else "",
                    served_to="当事人" if "decision_serve" in reached else "",
                )
            )
        if "payment_record" in reached:
            payments.append(
                Payment(
                    case=case,
                    paid_on=reached["payment_record"],
                    amount=fine,
                    method="bank",
                    bank="中国工商银行重庆分行",
                    receipt_number=f"S{case.pk:010d}",
                )
            )
        if "archive" in reached:
            records[case.pk] = (reports[-1], notices[-1], decisions[-1], payments[-1])
        label = f"{investigators[0].name}（执法人员）"
        for act, day, status in acts:
            log.add(
                act=f"case.{act}",
                when=_moment(day, rng),
                actor_label=label,
                obj_type="cases.case",
                obj_id=case.pk,
                repr_=case.filing_number or f"线索{case.pk}",
                agency=agency.pk,
                changes={"on": day.isoformat(), "label": ACT_LABELS[act], "status": status.value},
            )
    _bulk(CaseOfficer, officers, batch_size=2000)
    _bulk(Report, reports, batch_size=1000)
    _bulk(Notice, notices, batch_size=1000)
    _bulk(Decision, decisions, batch_size=1000)
    _bulk(Payment, payments, batch_size=2000)
    _archive([c for c in cases if c.archived_on], records, numbers)


def _archive(cases: list, records: dict, numbers: _Numbers) -> None:
    """The files of the archived cases, listed and sealed as ``cases.services.archive`` lists
    them (``checklist.file_contents``), from the records the batch made for each case."""
    from zhifa.cases import checklist
    from zhifa.cases.models import CaseFile

    files = []
    for case in cases:
        report, notice, decision, payment = records[case.pk]
        items = [("clue", f"线索登记：{case.summary[:40]}", case.received_on, case)]
        items.append(("filing", f"立案审批表（{case.filing_number}）", case.filed_on, case))
        items.append(("report", str(report), report.submitted_on, report))
        items.append(("notice", f"行政处罚事先告知书（{notice.number}）及送达回证", notice.issued_on, notice))
        title = f"{decision.get_outcome_display()}决定书（{decision.number}）及送达回证"
        items.append(("decision", title, decision.decided_on, decision))
        items.append(("payment", f"缴款凭证（{payment.receipt_number}）", payment.paid_on, payment))
        contents = audit.plain([checklist.entry(n, *item) for n, item in enumerate(items, 1)])
        files.append(
            CaseFile(
                case=case,
                archive_number=numbers.next(case.agency, "archive", case.archived_on.year),
                archived_on=case.archived_on,
                contents=contents,
                digest=checklist.digest(contents),
            )
        )
    _bulk(CaseFile, files, batch_size=1000)


def seeded() -> int:
    return Case.objects.filter(source_reference__startswith=SEED_MARK).count()


def seed(cases: int, *, on_progress: Callable[[Progress], None] = lambda p: None, batch: int = BATCH) -> Progress:
    """Grow the database to ``cases`` seeded cases (and the city they need); resumable."""
    from zhifa.demo import loader  # the demo loader reads the whole world: only when seeding an empty database

    if not Government.objects.exists():
        loader.load()
    rng = random.Random(cases)
    log = AuditBatch()
    with transaction.atomic():
        _city(cases, log, rng)
        log.write()
    with transaction.atomic():
        _officers(cases, log, rng)
        log.write()
    with transaction.atomic():
        _parties(cases, log, rng)
        log.write()
    with transaction.atomic():
        w = _world(log)
        log.write()
    progress = Progress(total=cases, done=seeded())
    on_progress(progress)
    with _stored_times(Case):
        while progress.done < cases:
            count = min(batch, cases - progress.done)
            with transaction.atomic():
                numbers = _Numbers()
                _case_batch(w, progress.done, count, log, numbers)
                numbers.save()
                log.write()
            progress.done += count
            on_progress(progress)
    analyze()
    return progress


def analyze() -> None:
    """Statistics for the planner over what was just written in bulk (``ANALYZE``), as one
    does after a bulk load: autovacuum would gather them in time (and is off on some
    machines), but until it does PostgreSQL plans the tables as they were before the load
    (sequential scans of a few hundred thousand rows for ``case_id IN (…)``: a workbench's
    SQL took 330 ms at 250,000 cases without statistics, 61 ms with them)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
