"""zhifa demo: loads the demo city once, through the services (all audited), and prints
the logins; a second run changes nothing."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from stdnum.cn import ric, uscc

from zhifa.accounts.models import Role, User
from zhifa.core import clock
from zhifa.core.models import AuditEvent
from zhifa.demo.models import DemoLoad
from zhifa.org.competence import competent_agencies, grants_for
from zhifa.org.models import Agency, Delegation, Government, GovernmentTerm, LegalAffairsOffice, Power, SupervisoryOrgan
from zhifa.parties.models import Party
from zhifa.people.models import ConflictOfInterest, Officer
from zhifa.people.selectors import public_certificate_list
from zhifa.people.standing import standing_of

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_the_demo_loads_once_through_the_services_and_prints_the_logins():
    # One load for all the checks: the demo takes a few seconds.
    out = run_demo()
    check_the_city_its_offices_organs_and_terms()
    check_agencies_with_standing_powers_and_delegations()
    check_officers_certificates_and_conflicts()
    check_parties_users_and_logins(out)
    check_everything_is_audited_with_the_demo_administrator()
    check_agencies_work_together()
    check_a_second_run_changes_nothing()


def check_the_city_its_offices_organs_and_terms():
    assert set(Government.objects.values_list("name", flat=True)) >= {"重庆市", "渝中区", "江北区", "沙坪坝区"}
    assert LegalAffairsOffice.objects.get(government__name="重庆市").name == "重庆市司法局"
    assert SupervisoryOrgan.objects.get(government__name="重庆市").name == "重庆市监察委员会"
    for gov in Government.objects.filter(level="district"):
        assert gov.legal_affairs_office.name.endswith("司法局") and gov.supervisory_organ.name.endswith("监察委员会")
    assert GovernmentTerm.objects.filter(government__name="重庆市").count() == 2


def check_agencies_with_standing_powers_and_delegations():
    agencies = Agency.objects.all()
    assert agencies.count() >= 8
    assert {a.field for a in agencies} >= {"market", "ecology", "city", "transport"}
    assert {a.government.level for a in agencies} == {"city", "district"}
    standing = Counter(a.standing for a in agencies)
    assert standing["suspended"] == 1 and standing["confirmed"] == agencies.count() - 1
    from zhifa.law.models import ViolationItem

    for item in ViolationItem.objects.all():
        powers = Power.objects.filter(violation_items=item)
        assert powers.exists(), item.code
        for power in powers:
            assert set(item.penalty_articles.all()) <= set(power.basis_articles.all())
    assert Delegation.objects.filter(kind="entrustment", revoked_on__isnull=True).exists()
    assert Delegation.objects.filter(kind="authorisation").exists()
    assert Delegation.objects.filter(revoked_on__isnull=False).exclude(revocation_reason="").exists()
    # Scenario 5: the district ecology bureau lacks the road power; transport is proposed.
    today = clock.today()
    road = ViolationItem.objects.get(code="JT-005")
    assert grants_for(Agency.objects.get(code="jb-sthj"), road, today) == []
    assert "重庆市交通运输综合行政执法总队" in [
        a.name for a in competent_agencies(road, Government.objects.get(name="江北区"), today)
    ]


def check_officers_certificates_and_conflicts():
    today = clock.today()
    officers = Officer.objects.all()
    assert officers.count() >= 40
    assert all(ric.is_valid(o.id_number) for o in officers)
    statuses = Counter(c.status for c in public_certificate_list())
    assert statuses["valid"] >= 30 and statuses["expired"] >= 1 and statuses["revoked"] >= 2
    assert statuses["suspended"] == 1 and statuses["unverified"] >= 1
    verified = sum(
        1
        for o in officers
        if o.certificates.filter(verifications__year=today.year - 1, verifications__result="passed").exists()
    )
    assert verified > officers.count() * 0.8
    assert sum(standing_of(o, "penalty", today).ok for o in officers) >= 30
    revoked = [c for c in public_certificate_list() if c.status == "revoked"]
    assert all(c.revocation_reason for c in revoked)
    assert ConflictOfInterest.objects.filter(ended_on__isnull=True).count() >= 3
    assert ConflictOfInterest.objects.filter(ended_on__isnull=False).exists()


def check_parties_users_and_logins(loaded):
    parties = Party.objects.all()
    assert parties.count() >= 20
    assert all(uscc.is_valid(p.uscc) for p in parties.filter(kind="organisation"))
    assert all(ric.is_valid(p.id_number) for p in parties.filter(kind="person"))
    assert parties.filter(kind="person").count() >= 5
    roles = Counter(User.objects.values_list("role", flat=True))
    assert all(roles[r] >= 1 for r in Role.values)
    assert roles["officer"] >= 3 and roles["reviewer"] >= 2 and roles["head"] >= 3
    offices = User.objects.filter(role="legal_office")
    assert {u.government.level for u in offices} == {"city", "district"}
    for user in User.objects.filter(role__in=["officer", "reviewer", "head"]):
        assert user.officer.agency_id == user.agency_id
    assert User.objects.get(username="admin").check_password("zhifa-demo")
    assert "yz-scj-officer1" in loaded and "zhifa-demo" in loaded and "重庆市渝中区市场监督管理局" in loaded


def check_everything_is_audited_with_the_demo_administrator():
    admin = User.objects.get(username="admin")
    for model, prefix in (
        (Officer, "officer."),
        (Agency, "agency."),
        (Power, "power."),
        (Party, "party."),
        (Delegation, "delegation."),
    ):
        model_name = model._meta.label_lower
        acted = set(
            AuditEvent.objects.filter(object_type=model_name, act__startswith=prefix).values_list(
                "object_id", flat=True
            )
        )
        assert {str(pk) for pk in model.objects.values_list("pk", flat=True)} <= acted, model_name
    # Only the administrator's own login was made by the system; every other act of the
    # demo city is theirs (the demo cases, which zhifa.demo.cases adds, are acted by
    # the officers and heads who handle them, and so are their documents; the demo complaints,
    # which zhifa.demo.complaints adds, by the public, the hotline, the officers and the legal
    # affairs office).
    others = (
        AuditEvent.objects.exclude(actor=admin)
        .exclude(object_type__startswith="cases.")
        .exclude(object_type__startswith="complaints.")
        .exclude(object_type="documents.document")
        .exclude(object_type__startswith="credit.")  # zhifa.demo.credit: the head and the drawn inspectors
        .exclude(
            object_type__startswith="portal.publication"
        )  # zhifa.demo.portal: published by the daily tick (SYSTEM)
        .exclude(object_type__startswith="oversight.")  # zhifa.demo.oversight: the legal affairs office and the parties
        .exclude(object_type__startswith="cooperation.")  # zhifa.demo.cooperation: the two bureaus' staff
    )
    assert list(others.values_list("act", "object_id")) == [("user.create", str(admin.pk))]


def check_agencies_work_together():
    from zhifa.cases.models import Transfer
    from zhifa.cooperation.models import AssistanceRequest, InspectionPlan, JointCampaign, JointInspection, JointMeeting

    answered = Transfer.objects.filter(receipt__isnull=False, answered_on__isnull=False)
    assert answered.filter(to_agency__code="yz-cgj").exists()
    assert AssistanceRequest.objects.filter(requested_agency__code="yz-cgj").count() == 1
    meeting = JointMeeting.objects.get()
    assert meeting.tasks.count() == 1
    assert JointCampaign.objects.get().tasks.count() == 1
    joint = JointInspection.objects.get()
    parts = InspectionPlan.objects.filter(joint=joint)
    assert {p.agency.code for p in parts} == {"yz-scj", "yz-cgj"}
    assert all(p.recorded_on and p.officers.count() == 2 for p in parts)


def check_a_second_run_changes_nothing():
    events, officers = AuditEvent.objects.count(), Officer.objects.count()
    out = run_demo()
    assert "已经载入" in out
    assert AuditEvent.objects.count() == events and Officer.objects.count() == officers
    assert DemoLoad.objects.count() == 1


def test_a_database_with_other_data_is_refused(db):
    Government.objects.create(name="重庆市", level="city", division_code="500000")
    with pytest.raises(CommandError, match="只能载入新建的数据库"):
        run_demo()
    assert not DemoLoad.objects.exists() and not Agency.objects.exists()


def test_the_demo_loads_in_a_later_year_with_its_officers_still_certified():
    # Its dates are relative to the day it is loaded: a certificate that has run out its six
    # years by then is renewed, so no demo act falls to an officer without a valid certificate
    # (it failed to load from May 2027 when the certificates were issued on fixed dates).
    from datetime import date

    from zhifa.core import audit
    from zhifa.testing import frozen

    with frozen(date(2028, 6, 15), tick=True):
        run_demo()
        assert audit.verify_state().ok
    assert Officer.objects.filter(certificates__expires_on__gte=date(2028, 6, 15)).count() >= 20
