"""Load the demo city through the services, with a demo administrator as the actor, so
every record is checked by its rules and written to the audit log.

    world = load(today=clock.today())

Runs in one transaction: either everything is loaded or nothing. The national laws and
the violation catalogue come from :mod:`zhifa.law.loader` (loaded first, and the
catalogue once more after the agencies exist, so that its normative documents are linked
to the agencies and governments that issued them). The demo cases are added by
:func:`zhifa.demo.cases.load` once the city exists.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from django.db import transaction
from stdnum.cn import ric, uscc

from zhifa.accounts.models import Role, User
from zhifa.accounts.services import user_create
from zhifa.core import audit, clock
from zhifa.demo import cases as demo_cases
from zhifa.demo import complaints as demo_complaints
from zhifa.demo import cooperation as demo_cooperation
from zhifa.demo import credit as demo_credit
from zhifa.demo import data
from zhifa.demo import documents as demo_documents
from zhifa.demo import oversight as demo_oversight
from zhifa.demo import portal as demo_portal
from zhifa.demo.models import DemoLoad
from zhifa.demo.world import Login, World
from zhifa.discretion import engine
from zhifa.discretion.services import standards_import
from zhifa.law import loader as law_loader
from zhifa.law.models import Article, ViolationItem
from zhifa.org import services as org
from zhifa.org.models import Government
from zhifa.parties.services import party_register
from zhifa.people import services as people

ROLE_LABELS = dict(Role.choices)


class AlreadyLoaded(Exception):
    """The demo data is in the database already."""


class NotEmpty(Exception):
    """The database holds registry data that is not the demo's."""


def is_loaded() -> bool:
    return DemoLoad.objects.exists()


def _shift_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


class _Loader:
    def __init__(self, today: date):
        self.today = today
        self.last_year = today.year - 1
        self.serial = itertools.count(11)
        self.cert_seq = itertools.count(1)

    # --- identifiers -------------------------------------------------------------------

    def ric(self, government: str, birth: date) -> str:
        """A valid number whose area code was in use in the birth year (python-stdnum checks it)."""
        old, new = data.RIC_AREAS[government]
        serial = next(self.serial) % 1000
        for area in (new, old, "510200"):
            body = f"{area}{birth:%Y%m%d}{serial:03d}"
            # calc_check_digit reads a whole number and ignores its last character.
            number = body + ric.calc_check_digit(body + "0")
            if ric.is_valid(number):
                return number
        raise ValueError(f"no area code of {government} was in use in {birth.year}")

    def uscc(self, type_code: str, division: str) -> str:
        body = f"{type_code}{division}MA{next(self.serial):07d}"
        return body + uscc.calc_check_digit(body)

    # --- the steps ---------------------------------------------------------------------

    def run(self) -> World:
        admin = user_create(
            actor=None,
            username="admin",
            password=data.DEMO_PASSWORD,
            role=Role.ADMIN,
            display_name="演示系统管理员",
            is_superuser=True,
        )
        w = World(admin=admin, today=self.today)
        w.users["admin"] = admin
        w.logins.append(Login("admin", data.DEMO_PASSWORD, ROLE_LABELS[Role.ADMIN], "全市"))
        self.laws(w)
        self.governments(w)
        self.agencies(w)
        self.laws(w, catalogue_only=True)
        self.discretion(w)
        self.powers(w)
        self.posts(w)
        self.logins(w)
        self.officers(w)
        self.delegations(w)
        self.parties(w)
        self.conflicts(w)
        return w

    def discretion(self, w: World) -> None:
        """The published discretion benchmarks bundled with zhifa (D3.6), linked to the catalogue."""
        docs = [(p.name, p.read_text(encoding="utf-8")) for p in engine.bundled_paths()]
        w.discretion_report = str(standards_import(actor=w.admin, documents=docs))
        # The import registers the violation items its standards name; powers cover them too.
        w.items = {
            vi.code: vi for vi in ViolationItem.objects.prefetch_related("violated_articles", "penalty_articles")
        }

    def laws(self, w: World, catalogue_only: bool = False) -> None:
        if not catalogue_only:
            law_loader.load_national_laws(w.admin)
        law_loader.load_catalogue(w.admin)
        w.items = {
            item.code: item for item in ViolationItem.objects.prefetch_related("violated_articles", "penalty_articles")
        }

    def governments(self, w: World) -> None:
        for name, level, parent, code, office, organ in data.GOVERNMENTS:
            gov = org.government_create(
                actor=w.admin, name=name, level=level, division_code=code, parent=w.governments.get(parent)
            )
            w.governments[name] = gov
            w.offices[name] = org.legal_affairs_office_create(
                actor=w.admin, government=gov, name=office, address=f"{name}示例路1号（演示地址）", phone="12348"
            )
            w.organs[name] = org.supervisory_organ_create(
                actor=w.admin, government=gov, name=organ, address=f"{name}示例路2号（演示地址）", phone="12388"
            )
            for number, starts, ends in data.TERMS[name]:
                w.terms.append(
                    org.government_term_create(
                        actor=w.admin, government=gov, number=number, starts_on=starts, ends_on=ends
                    )
                )

    def agencies(self, w: World) -> None:
        confirmed_on = min(date(self.today.year, 1, 15), self.today)
        for n, spec in enumerate(data.AGENCIES, start=1):
            gov = w.governments[spec.government]
            agency = org.agency_create(
                actor=w.admin,
                name=spec.name,
                short_name=spec.short_name,
                code=spec.code,
                case_prefix=spec.case_prefix,
                field=spec.field,
                government=gov,
                kind=spec.kind,
                uscc=self.uscc("11", gov.division_code),
                address=f"{spec.government}示例路{100 + n}号（演示地址）",
                phone="12345",
            )
            org.agency_confirm_standing(
                actor=w.admin,
                agency=agency,
                on=confirmed_on,
                reason=f"{confirmed_on.year}年度行政执法主体资格清理：确认主体资格（演示）",
            )
            if spec.suspended:
                org.agency_suspend_standing(
                    actor=w.admin, agency=agency, reason=spec.suspended, on=self.today - timedelta(days=30)
                )
            agency.refresh_from_db()
            w.agencies[spec.code] = agency

    def powers(self, w: World) -> None:
        for spec in data.AGENCIES:
            if not spec.own_powers:
                continue
            agency = w.agencies[spec.code]
            for item in sorted((i for i in w.items.values() if i.field == spec.field), key=lambda i: i.code):
                articles = list(item.violated_articles.all()) + list(item.penalty_articles.all())
                w.powers[(spec.code, item.code)] = org.power_create(
                    actor=w.admin,
                    agency=agency,
                    code=f"{spec.code.upper()}-{item.code}",
                    name=f"对“{item.name}”的行政处罚",
                    valid_from=date(2021, 7, 15),
                    basis_articles=list(dict.fromkeys(articles)),
                    violation_items=[item],
                )

    def posts(self, w: World) -> None:
        for spec in data.AGENCIES:
            agency = w.agencies[spec.code]
            own = [p for (code, _), p in w.powers.items() if code == spec.code]
            for name, duties, liability, carries_powers in data.POSTS:
                w.posts[(spec.code, name)] = org.post_create(
                    actor=w.admin,
                    agency=agency,
                    name=name,
                    responsibilities=duties,
                    liability=liability,
                    powers=own if carries_powers else [],
                )

    def logins(self, w: World) -> None:
        """Logins for agency staff (linked to their Officer records below) and government users."""
        names = {key: data.officer_name(n) for n, _, key, _, _ in self.roster()}
        for key in data.AGENCY_LOGINS:
            code, _, role_key = key.rpartition("-")
            role = Role.HEAD if role_key == "head" else Role.REVIEWER if role_key == "reviewer" else Role.OFFICER
            w.users[key] = user_create(
                actor=w.admin,
                username=key,
                password=data.DEMO_PASSWORD,
                role=role,
                agency=w.agencies[code],
                display_name=names[key],
            )
        for username, role, gov, display in data.GOVERNMENT_LOGINS:
            w.users[username] = user_create(
                actor=w.admin,
                username=username,
                password=data.DEMO_PASSWORD,
                role=role,
                government=w.governments[gov],
                display_name=display,
            )
            w.logins.append(Login(username, data.DEMO_PASSWORD, ROLE_LABELS[role], gov))

    def roster(self):
        """(n, spec, key, role key, post name) of every officer, in a fixed order."""
        n = 0
        for spec in data.AGENCIES:
            roles = [("head", "审批决定岗"), ("reviewer", "法制审核岗")]
            roles += [(f"officer{k}", "执法办案岗") for k in range(1, spec.officers + 1)]
            for role_key, post_name in roles:
                yield n, spec, f"{spec.code}-{role_key}", role_key, post_name
                n += 1

    def officers(self, w: World) -> None:
        for n, spec, key, role_key, post_name in self.roster():
            self.officer(w, spec, w.agencies[spec.code], key, role_key, w.posts[(spec.code, post_name)], n)

    def officer(self, w: World, spec, agency, key: str, role_key: str, post, n: int) -> None:
        name = data.officer_name(n)
        i = n
        young = n % 9 == 4
        birth = (
            date(1997 + n % 3, 1 + n % 12, 1 + (n * 3) % 28)
            if young
            else date(1983 + n % 14, 1 + n % 12, 1 + (n * 3) % 28)
        )
        user = w.users.get(key)
        officer = people.officer_create(
            actor=w.admin, name=name, id_number=self.ric(spec.government, birth), agency=agency, post=post, user=user
        )
        w.officers[key] = officer
        if user is not None:
            w.logins.append(Login(user.username, data.DEMO_PASSWORD, ROLE_LABELS[user.role], agency.name, name))

        fields = ["penalty"]
        if role_key == "reviewer":
            fields += ["hearing", "reconsideration"]
        elif role_key == "head":
            fields += ["hearing"]
        elif spec.field == "market" and n % 2:
            fields += ["licensing"]
        fate, reason = data.CERTIFICATE_FATES.get(key, ("valid", ""))
        issued_on = date(2021 + i % 4, 3 + i % 9, 1 + (i * 5) % 27)
        if fate == "expired_last_month":
            expires_on = self.today.replace(day=1) - timedelta(days=1)
            issued_on = _shift_years(expires_on, -6) + timedelta(days=1)
        elif fate == "renewed":
            issued_on = date(2016, 5, 1)
        self.qualify(w, officer, fields, issued_on)
        cert = self.certificate(w, officer, spec, issued_on, fate)
        if fate == "renewed":
            cert = self.certificate(w, officer, spec, date(2022, 5, 1), "valid")
        while fate != "expired_last_month" and cert.expires_on < self.today:
            # Loaded after its six years ran out: renewed the day after, as an agency renews
            # (the demo loads in any year, and its cases keep certified officers).
            renewal_fate = "valid" if fate == "renewed" else fate
            cert = self.certificate(w, officer, spec, cert.expires_on + timedelta(days=1), renewal_fate)
        if fate == "revoked":
            on = self.today - timedelta(days=45)
            people.certificate_revoke(actor=w.admin, certificate=cert, reason=reason, on=on)
            people.officer_leave_post(
                actor=w.admin,
                officer=officer,
                on=on + timedelta(days=3),
                reason="行政执法证件被吊销，调离执法岗位（演示）",
            )
        elif fate == "suspended":
            people.certificate_suspend(
                actor=w.admin, certificate=cert, reason=reason, on=self.today - timedelta(days=12)
            )
        elif fate == "failed_verification":
            people.certificate_verify(
                actor=w.admin,
                certificate=cert,
                year=self.last_year,
                verified_on=date(self.last_year, 12, 12),
                result="failed",
                note=reason,
            )

    def qualify(self, w: World, officer, fields, issued_on: date) -> None:
        courses = {
            "penalty": "行政处罚执法资格培训",
            "licensing": "行政许可执法资格培训",
            "hearing": "行政听证主持人资格培训",
            "reconsideration": "行政复议人员资格培训",
        }
        for f in fields:
            training = people.training_record(
                actor=w.admin,
                officer=officer,
                field=f,
                course=courses[f],
                hours=40,
                completed_on=issued_on - timedelta(days=75),
                passed=True,
                score=80 + (officer.pk * 3 + len(f)) % 20,
            )
            people.qualification_grant(
                actor=w.admin, officer=officer, field=f, obtained_on=issued_on - timedelta(days=30), training=training
            )

    def certificate(self, w: World, officer, spec, issued_on: date, fate: str):
        gov = w.governments[spec.government]
        number = f"{gov.division_code}{issued_on.year}{next(self.cert_seq):04d}"
        expires_on = _shift_years(issued_on, 6) - timedelta(days=1)
        cert = people.certificate_issue(
            actor=w.admin, officer=officer, number=number, issued_on=issued_on, expires_on=expires_on
        )
        w.certificates[number] = cert
        # Annual verification of the last two years before this one (the standing check
        # needs last year's); "unverified" stops a year short, "failed" fails last year.
        last = self.last_year - 1 if fate in ("unverified", "failed_verification") else self.last_year
        if fate == "renewed":  # the old certificate, verified until it ran out
            last = expires_on.year - 1
        for year in range(max(issued_on.year, last - 1), min(last, expires_on.year) + 1):
            people.certificate_verify(
                actor=w.admin, certificate=cert, year=year, verified_on=date(year, 12, 10), result="passed"
            )
        return cert

    def delegations(self, w: World) -> None:
        city_eco = w.agencies["cq-sthj"]
        eco_powers = [p for (code, _), p in w.powers.items() if code == "cq-sthj"]
        w.delegations["entrustment"] = org.delegation_create(
            actor=w.admin,
            kind="entrustment",
            delegator=city_eco,
            recipient=w.agencies["jb-sthj"],
            powers=eco_powers,
            valid_from=date(2024, 1, 1),
            valid_to=date(2027, 12, 31),
            document_number="渝环委〔2024〕3号（演示）",
            scope_note="江北区行政区域内大气、水污染防治违法行为的行政处罚，以重庆市生态环境局的名义实施。",
        )
        art18 = Article.objects.get(basis__slug="administrative-penalty-law", number=18)
        w.delegations["authorisation"] = org.delegation_create(
            actor=w.admin,
            kind="authorisation",
            recipient=w.agencies["cq-jtzd"],
            basis_article=art18,
            powers=[p for (code, _), p in w.powers.items() if code == "cq-jtw"],
            valid_from=date(2020, 1, 1),
            valid_to=date(2029, 12, 31),
            document_number="（演示）市人民政府关于交通运输综合行政执法改革的决定",
            scope_note="依照行政处罚法第十八条，由交通运输综合行政执法总队集中行使公路、道路运输和城市道路领域的行政处罚权。",
        )
        revoked = org.delegation_create(
            actor=w.admin,
            kind="entrustment",
            delegator=city_eco,
            recipient=w.agencies["spb-cgj"],
            powers=[w.powers[("cq-sthj", "ST-001")]],
            valid_from=date(2024, 7, 1),
            valid_to=date(2026, 6, 30),
            document_number="渝环委〔2024〕7号（演示）",
            scope_note="沙坪坝区建成区内餐饮以外的大气污染防治违法行为。",
        )
        w.delegations["revoked_entrustment"] = org.delegation_revoke(
            actor=w.admin,
            delegation=revoked,
            on=date(2025, 6, 30),
            reason="受托机关具备执法资格的人员不足，委托机关收回委托（演示）",
        )
        # The recipients' case-handling posts now carry the powers passed to them.
        for code, key in (("jb-sthj", "entrustment"), ("cq-jtzd", "authorisation")):
            post = w.posts[(code, "执法办案岗")]
            org.post_update(actor=w.admin, post=post, powers=list(w.delegations[key].powers.all()))

    def parties(self, w: World) -> None:
        for spec in data.PARTIES:
            gov = w.governments[spec.government]
            if spec.kind == "organisation":
                ids = {"uscc": self.uscc(spec.type_code, gov.division_code)}
            else:
                ids = {"id_number": self.ric(spec.government, spec.birth)}
            w.parties[spec.key] = party_register(
                actor=w.admin,
                kind=spec.kind,
                name=spec.name,
                legal_representative=spec.legal_representative,
                address=spec.address,
                government=gov,
                **ids,
            )

    def conflicts(self, w: World) -> None:
        for spec in data.CONFLICTS:
            party = w.parties.get(spec.party) if spec.party else None
            identifier = self.uscc("93", "500103") if spec.party_identifier == "uscc" else spec.party_identifier
            conflict = people.conflict_declare(
                actor=w.admin,
                officer=w.officers[spec.officer],
                relation=spec.relation,
                description=spec.description,
                declared_on=spec.declared_on,
                party=party,
                party_name=spec.party_name,
                party_identifier="" if party else identifier,
            )
            if spec.ended_on:
                conflict = people.conflict_end(actor=w.admin, conflict=conflict, on=spec.ended_on, note=spec.end_note)
            w.conflicts.append(conflict)


def load(today: date | None = None) -> World:
    """Load the demo city once. Raises AlreadyLoaded on a second run, NotEmpty when the
    database already holds governments or the demo's logins."""
    # One transaction that reads its own events back (documents are composed from the acts
    # of their case): sequenced inline, whatever ZHIFA_AUDIT_SEQUENCING says.
    with transaction.atomic(), audit.sequenced("inline"):
        if is_loaded():
            raise AlreadyLoaded()
        usernames = ["admin", *data.AGENCY_LOGINS, *(u for u, *_ in data.GOVERNMENT_LOGINS)]
        if Government.objects.exists() or User.objects.filter(username__in=usernames).exists():
            raise NotEmpty()
        world = _Loader(today or clock.today()).run()
        demo_cases.load(world.admin, world)
        issued = demo_documents.load(world.admin, list(world.agencies.values()))
        demo_portal.load()
        demo_complaints.load(world)
        demo_cooperation.load(world)
        demo_oversight.load(world)
        demo_credit.load(world)
        DemoLoad.objects.create(summary={**world.counts(), "cases": True, "documents": issued})
        return world
