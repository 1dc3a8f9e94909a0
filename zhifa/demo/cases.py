"""Demo cases of 渝中区市场监管局 at every stage, made through the services (every rule
checked, every act audited), dated back from the demo's ``today``.

``zhifa demo`` calls :func:`load` after the demo city exists (governments, agencies,
powers, officers, parties). To keep filing, investigation, decision and execution apart
(D3.3) the agency needs a second head and an executing officer: they are added here, with
their training, qualifications and certificates, through the people and accounts services.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from stdnum.cn import ric

from zhifa.accounts.models import User
from zhifa.accounts.services import user_create
from zhifa.cases import periods, services
from zhifa.cases.models import Case
from zhifa.core import clock, workdays
from zhifa.demo.world import Login
from zhifa.law.models import ViolationItem
from zhifa.org.models import Agency, Post
from zhifa.parties.models import Party
from zhifa.people import services as people
from zhifa.people.models import Officer

PASSWORD = "zhifa-demo"


#: The demo's cases are dated back from today, as paper files typed in later would be: the
#: reason the acts whose date decides a deadline need (rule backdating_reasoned, D1.4).
BACKDATED = "演示数据：依纸质案卷事后录入。"


def back(today: date, n: int) -> date:
    """The working day ``n`` working days before ``today`` (``today`` itself when it is one and n == 0)."""
    d = today
    while not workdays.is_working_day(d):
        d -= timedelta(days=1)
    while n:
        d -= timedelta(days=1)
        if workdays.is_working_day(d):
            n -= 1
    return d


def fwd(d: date, n: int) -> date:
    return workdays.add_working_days(d, n)


class _Demo:
    def __init__(self, actor, world=None):
        self.admin = actor
        self.world = world
        self.today = getattr(world, "today", None) or clock.today()
        self.agency = Agency.objects.get(code="yz-scj")
        self.city_agency = Agency.objects.filter(code="yz-cgj").first()
        self.district = self.agency.government
        self.items = {
            i.code: i for i in ViolationItem.objects.filter(code__in=["SC-001", "SC-004", "SC-006", "SC-007", "CG-003"])
        }
        self.parties = {p.name: p for p in Party.objects.all()}
        self.users = {u.username: u for u in User.objects.filter(username__startswith="yz-")}
        self.officers = {o.user.username: o for o in Officer.objects.filter(agency=self.agency, user__isnull=False)}

    def party(self, fragment: str):
        for name, p in self.parties.items():
            if fragment in name:
                return p
        raise LookupError(fragment)

    def article(self, code: str):
        return self.items[code].penalty_articles.first()

    # --- people the separation of stages needs ------------------------------------------
    def person(self, username: str, display: str, role: str, fields, birth: date):
        if username in self.users:
            return self.users[username], self.officers.get(username)
        user = user_create(
            actor=self.admin, username=username, password=PASSWORD, role=role, agency=self.agency, display_name=display
        )
        id_number = _ric(birth, (sum(map(ord, username)) % 900) + 50)
        post = Post.objects.filter(agency=self.agency).order_by("pk").first()
        officer = people.officer_create(
            actor=self.admin, name=display, id_number=id_number, agency=self.agency, post=post, user=user
        )
        issued = date(self.today.year - 2, 3, 1)
        for f in fields:
            training = people.training_record(
                actor=self.admin,
                officer=officer,
                field=f,
                course="执法资格培训（演示）",
                hours=40,
                completed_on=issued - timedelta(days=60),
                passed=True,
                score=Decimal("88"),
            )
            people.qualification_grant(
                actor=self.admin, officer=officer, field=f, obtained_on=issued - timedelta(days=30), training=training
            )
        cert = people.certificate_issue(
            actor=self.admin,
            officer=officer,
            number=f"500103{issued.year}{officer.pk:04d}",
            issued_on=issued,
            expires_on=issued.replace(year=issued.year + 6) - timedelta(days=1),
        )
        for year in range(issued.year, self.today.year):
            people.certificate_verify(
                actor=self.admin, certificate=cert, year=year, verified_on=date(year, 12, 10), result="passed"
            )
        self.users[username], self.officers[username] = user, officer
        if self.world is not None and hasattr(self.world, "logins"):
            label = {"head": "机关负责人", "officer": "执法人员"}[role]
            self.world.logins.append(Login(username, PASSWORD, label, self.agency.name, display))
        return user, officer

    # --- walking a case ---------------------------------------------------------------
    def clue(self, party, code, on, summary, source="complaint"):
        return services.clue_register(
            actor=self.o1,
            source=source,
            received_on=on,
            on=on,
            summary=summary,
            party=party,
            violation_item=self.items[code],
            place=self.district,
            place_detail="解放碑街道",
            act_date=on - timedelta(days=3),
            reporter_name="市民（演示）" if source == "complaint" else "",
        )

    def filed(self, party, code, on, summary, **flags):
        case = self.clue(party, code, on, summary)
        services.filing_propose(
            actor=self.o1,
            case=case,
            party=party,
            violation_item=self.items[code],
            place=self.district,
            act_date=case.act_date,
            investigators=[self.off1, self.off2],
            lead_officer=self.off1,
            reason="有证据初步证明存在违法行为，属本机关管辖，且在追责期限内。",
            on=on,
            **flags,
        )
        return services.filing_approve(actor=self.head, case=case, on=on, backdated_reason=BACKDATED)

    def investigated(self, case, on, code, terms, outcome="penalty", facts="", circumstances=None):
        services.inspection_record(
            actor=self.o1,
            case=case,
            kind="inspection",
            place=f"{case.party.address or '经营场所'}",
            subject=case.party.name,
            officers=[self.off1, self.off2],
            certificates_shown=True,
            on=on,
            record=f"执法人员出示执法证件后进行现场检查。{facts or case.summary}当事人在场并签字确认。",
        )
        services.evidence_add(
            actor=self.o1,
            case=case,
            kind="audiovisual",
            title="现场照片",
            source="执法人员现场拍摄",
            collected_on=on,
            content=_Content(f"demo evidence {case.pk}: {facts or case.summary}"),
            filename="现场照片.jpg",
            content_type="image/jpeg",
            holder="证物室",
            on=on,
        )
        return services.report_submit(
            actor=self.o1,
            case=case,
            facts=facts or case.summary,
            evidence_summary="现场检查笔录、现场照片。",
            outcome=outcome,
            reasons="违法事实清楚，证据确凿。"
            if outcome == "penalty"
            else "违法行为轻微并已及时改正，没有造成危害后果。",
            terms=terms if outcome == "penalty" else {},
            basis_articles=[self.article(code)],
            on=fwd(on, 1),
            circumstances=circumstances or {"first_offence": True, "corrected": True, "harm": "ordinary"},
        )

    def notified(self, case, on):
        services.notice_issue(actor=self.o1, case=case, on=on)
        return services.notice_serve(
            actor=self.o1,
            case=case,
            method="direct",
            served_to=case.party.legal_representative or case.party.name,
            on=on,
        )

    def run(self):
        T = self.today
        self.head, self.head_officer = self.users.get("yz-scj-head"), self.officers.get("yz-scj-head")
        self.o1, self.off1 = self.users["yz-scj-officer1"], self.officers["yz-scj-officer1"]
        self.o2, self.off2 = self.users["yz-scj-officer2"], self.officers["yz-scj-officer2"]
        self.deputy, self.deputy_officer = self.person(
            "yz-scj-deputy", "秦国栋", "head", ("penalty", "hearing"), date(1978, 5, 20)
        )
        self.executor, self.exec_officer = self.person(
            "yz-scj-officer5", "袁晓峰", "officer", ("penalty",), date(1990, 9, 9)
        )
        made = []

        # 1. Archived: the whole general procedure, a defence reviewed, paid at the bank, visited.
        r = back(T, 60)
        a = self.filed(self.party("山城印象"), "SC-007", r, "举报：商品未按规定明码标价，结算时加价。")
        self.investigated(
            a,
            fwd(r, 1),
            "SC-007",
            {"fine": "2000", "confiscation": "300"},
            facts="当事人店内32种商品未标价，结算时按高于进价50%的价格收取，违法所得300元。",
        )
        self.notified(a, fwd(r, 3))
        defence = services.defence_record(
            actor=self.o1, case=a, made_by="曹丽（法定代表人）", on=fwd(r, 4), points=["店员新入职，不熟悉标价规定。"]
        )
        services.defence_review(
            actor=self.o2,
            case=a,
            point=defence.points.get(),
            adopted=False,
            on=fwd(r, 5),
            reason="经营者应当对店员进行培训并保证明码标价，店员不熟悉不能免除经营者的责任。",
        )
        services.decision_submit(actor=self.o1, case=a, on=fwd(r, 10))
        services.decide(
            actor=self.deputy,
            case=a,
            on=fwd(r, 10),
            public_summary="某商贸公司未按规定明码标价被处罚。",
            backdated_reason=BACKDATED,
        )
        services.decision_serve(
            actor=self.executor, case=a, method="direct", served_to="曹丽", on=fwd(r, 11), backdated_reason=BACKDATED
        )
        services.payment_record(
            actor=self.executor,
            case=a,
            paid_on=fwd(r, 14),
            amount="2300",
            method="bank",
            bank="中国工商银行重庆渝中支行",
            receipt_number=f"5001032{a.pk:06d}",
            on=fwd(r, 14),
        )
        services.followup_record(
            actor=self.executor,
            case=a,
            method="visit",
            findings="商品已全部明码标价，建立了标价检查制度。",
            problems="希望了解电子价签的规定",
            response="已赠送《明码标价和禁止价格欺诈规定》解读材料。",
            on=fwd(r, 25),
        )
        services.close(actor=self.head, case=a, on=fwd(r, 26))
        services.archive(actor=self.o2, case=a, on=fwd(r, 26))
        made.append(a)

        # 2. Decided and served, the fine not paid: the workbench asks for a reminder (D3.9b).
        r = back(T, 50)
        b = self.filed(self.party("老街火锅"), "SC-006", r, "检查发现：销售过期调味料。")
        # The benchmark (产品质量法第五十二条: up to twice the goods' value) puts a first, corrected
        # offence in its lighter tier, 0–780 yuan for goods worth 1,300 yuan.
        self.investigated(
            b,
            fwd(r, 1),
            "SC-006",
            {"fine": "700", "confiscation": "650"},
            facts="当事人销售已过保质期的火锅底料40袋，货值金额1300元，违法所得650元。",
            circumstances={
                "goods_value": "1300",
                "illegal_income": "650",
                "first_offence": True,
                "corrected": True,
                "harm": "ordinary",
            },
        )
        self.notified(b, fwd(r, 3))
        services.waiver_record(
            actor=self.o1,
            case=b,
            statement="本公司对告知的事实、理由和依据无异议，放弃陈述、申辩权利。（盖章）",
            in_writing=True,
            on=fwd(r, 4),
        )
        services.decision_submit(actor=self.o1, case=b, on=fwd(r, 4))
        services.decide(
            actor=self.deputy,
            case=b,
            on=fwd(r, 5),
            public_summary="某火锅公司销售失效变质产品被处罚。",
            backdated_reason=BACKDATED,
        )
        services.decision_serve(
            actor=self.executor, case=b, method="direct", served_to="邓强", on=fwd(r, 6), backdated_reason=BACKDATED
        )
        made.append(b)

        # 3. A large fine: hearing requested, held by a non-investigator; now in legal review.
        r = back(T, 30)
        c = self.filed(
            self.party("好味来"), "SC-001", r, "举报：餐馆使用超过保质期的食品原料。", major_public_interest=False
        )
        self.investigated(
            c,
            fwd(r, 1),
            "SC-001",
            {"fine": "60000", "confiscation": "1800"},
            facts="当事人使用超过保质期的冷冻肉品制作菜品对外销售，货值金额2600元，违法所得1800元。",
        )
        self.notified(c, fwd(r, 3))
        served = fwd(r, 3)
        services.hearing_request(actor=self.o1, case=c, on=fwd(served, 2))
        day = fwd(fwd(served, 2), 7)
        services.hearing_schedule(
            actor=self.deputy,
            case=c,
            chair=self.head_officer,
            place="区市场监管局听证室",
            scheduled_at=datetime(day.year, day.month, day.day, 9, 30),
            notified_on=fwd(served, 2),
            on=fwd(served, 2),
        )
        services.hearing_record(
            actor=self.head,
            case=c,
            on=day,
            party_attended=True,
            transcript="调查人员陈述违法事实、证据和处罚建议；当事人进行申辩、质证。",
            points=["冷冻肉品仅超过保质期两天，未造成危害后果。", "罚款数额超出餐馆承受能力。"],
        )
        for point in c.defences.get(form="hearing").points.all():
            services.defence_review(
                actor=self.o2,
                case=c,
                point=point,
                adopted=False,
                on=day,
                reason="法律对超过保质期的天数没有例外规定；罚款为法定最低数额，当事人未提供经营困难的证据。",
            )
        services.decision_submit(actor=self.o1, case=c, on=day)
        made.append(c)

        # 4. Notified; the party's defence waits for review.
        r = back(T, 8)
        d = self.filed(self.party("禾丰"), "SC-007", r, "巡查发现：部分商品价签与结算价格不一致。")
        self.investigated(
            d, fwd(r, 1), "SC-007", {"fine": "800"}, facts="当事人7种商品价签价格低于结算价格，差价合计36元。"
        )
        self.notified(d, fwd(r, 3))
        services.defence_record(
            actor=self.o1,
            case=d,
            made_by="刘桂芳（经营者）",
            on=fwd(r, 5),
            form="oral",
            points=[
                {"kind": "fact", "text": "价签是供货商更换价格后未及时更新。"},
                {"kind": "evidence", "text": "提交了供货商调价通知。"},
            ],
        )
        made.append(d)

        # 5. Investigating, the 90-day limit three working days away (yellow), a recusal applied for.
        f = _filing_day_for_yellow(T)
        e = self.clue(self.party("鸿图"), "SC-004", f, "举报：超市进货未查验供货者许可证。")
        services.filing_propose(
            actor=self.o1,
            case=e,
            party=e.party,
            violation_item=self.items["SC-004"],
            place=self.district,
            act_date=e.act_date,
            investigators=[self.off1, self.off2],
            lead_officer=self.off1,
            reason="有证据初步证明存在违法行为。",
            on=f,
        )
        services.filing_approve(actor=self.head, case=e, on=f, backdated_reason=BACKDATED)
        services.inspection_record(
            actor=self.o1,
            case=e,
            kind="inquiry",
            place="询问室",
            subject="许晨（法定代表人）",
            officers=[self.off1, self.off2],
            certificates_shown=True,
            on=fwd(f, 2),
            record="问：进货时是否查验供货者的许可证？答：部分没有查验。",
        )
        services.recusal_apply(
            actor=self.o1,
            case=e,
            officer=self.off2,
            applicant="party",
            on=back(T, 1),
            grounds="当事人称李执法曾与其有经济纠纷。",
        )
        made.append(e)

        # 6. Filing proposed, waiting for the head.
        g = self.clue(self.party("大学城"), "SC-006", back(T, 3), "网络监测：网店销售过期化妆品。", source="monitoring")
        services.filing_propose(
            actor=self.o1,
            case=g,
            party=g.party,
            violation_item=self.items["SC-006"],
            place=self.district,
            act_date=g.act_date,
            investigators=[self.off1, self.off2],
            lead_officer=self.off2,
            reason="监测发现的链接显示商品已过保质期。",
            on=back(T, 2),
        )
        made.append(g)

        # 7. A fresh clue.
        made.append(self.clue(self.party("黄丽"), "SC-007", back(T, 1), "举报：水果摊未标明价格。"))

        # 8. No penalty for a minor, corrected violation: submitted, waiting for the decision.
        r = back(T, 12)
        h = self.filed(self.party("马德贵"), "SC-004", r, "检查发现：小卖部未建立进货查验记录。")
        self.investigated(
            h,
            fwd(r, 1),
            "SC-004",
            {},
            outcome="no_penalty_minor",
            facts="当事人初次违法，当场补建进货查验记录，没有造成危害后果。",
            circumstances={"first_offence": True, "corrected": True, "minor": True, "harm": "none"},
        )
        services.relative_record(
            actor=self.o1,
            case=h,
            name="马德贵之母（演示）",
            relation="母亲",
            age_group="elderly",
            circumstances="年逾八旬，与当事人同住",
            arrangement="检查时避免惊扰，告知社区网格员关照",
            on=fwd(r, 2),
        )
        services.decision_submit(actor=self.o2, case=h, on=fwd(r, 3))
        made.append(h)

        # 9. A matter for the city management bureau: transferred by letter, answered in writing (D3.4).
        if self.city_agency is not None and "CG-003" in self.items:
            r = back(T, 20)
            t = services.clue_register(
                actor=self.o1,
                source="complaint",
                received_on=r,
                on=r,
                party=self.party("黄丽"),
                summary="举报：店外人行道摆摊占道经营。",
                violation_item=self.items["CG-003"],
                place=self.district,
                act_date=r - timedelta(days=1),
            )
            t = services.transfer_out(
                actor=self.head,
                case=t,
                to_agency=self.city_agency,
                on=fwd(r, 1),
                reasons="占道经营属城市管理部门的职权，本局无管辖权。",
                materials="举报记录1份、现场照片2张",
            )
            city_officer = _user_of(self.city_agency, "officer")
            if city_officer is not None:
                services.transfer_answer(
                    actor=city_officer,
                    case=t.transfer_out.received_case,
                    on=fwd(r, 4),
                    answer="已责令当事人改正，当事人已撤除摊点（演示）。",
                )
            made.append(t)

        # 10. The simple procedure: a fine collected on the spot and handed over in time.
        s = services.simple_penalty(
            actor=self.o2,
            party=self.party("周建国"),
            violation_item=self.items["SC-007"],
            place=self.district,
            place_detail="较场口",
            act_date=back(T, 3),
            on=back(T, 3),
            facts="当事人在较场口销售水果未明码标价。",
            terms={"fine": "50"},
            basis_articles=[self.article("SC-007")],
            certificates_shown=True,
            collect_on_spot=True,
            ticket_number=f"渝财罚{T.year}0{len(made):04d}",
        )
        services.on_spot_handover(actor=self.o2, case=s, on=back(T, 2), backdated_reason=BACKDATED)
        made.append(s)
        return made


def _filing_day_for_yellow(today: date) -> date:
    """A filing day whose 90-day limit falls one to three working days from ``today``."""
    for k in range(80, 100):
        f = today - timedelta(days=k)
        if not workdays.is_working_day(f):
            continue
        due = periods.decision_due(f)
        if due > today and 1 <= workdays.working_days_between(today, due) <= periods.WARNING_WORKING_DAYS:
            return f
    return back(today, 60)


def _ric(birth: date, serial: int) -> str:
    """A valid 居民身份证号码 with an area code of Chongqing in use in the birth year."""
    for area in ("500103", "510203", "510200"):
        body = f"{area}{birth:%Y%m%d}{serial:03d}"
        number = body + ric.calc_check_digit(body + "0")
        if ric.is_valid(number):
            return number
    raise ValueError(birth)


def _user_of(agency, role):
    return User.objects.filter(agency=agency, role=role, officer__isnull=False).order_by("username").first()


class _Content:
    """A small in-memory file for the demo's evidence."""

    def __init__(self, text: str):
        self.data, self.name, self.content_type = text.encode("utf-8"), "现场照片.jpg", "image/jpeg"

    def chunks(self, size):
        yield self.data


def load(actor, world=None) -> list[Case]:
    """Create the demo cases (called by ``zhifa demo`` inside its transaction)."""
    return _Demo(actor, world).run()
