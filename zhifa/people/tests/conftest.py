import pytest

from zhifa.people.tests.builders import fix_ric
from zhifa.testing import make_agency, make_city_and_district, make_government, make_officer, make_user


@pytest.fixture
def people(db):
    """Two districts with an agency each, an officer in each, and a user for every role."""
    from zhifa.org.models import LegalAffairsOffice

    city, yuzhong = make_city_and_district()
    jiangbei = make_government("江北区", "district", city, code="500105")
    LegalAffairsOffice.objects.create(government=jiangbei, name="重庆市江北区司法局")
    agency = make_agency(yuzhong, name="重庆市渝中区市场监督管理局")
    other = make_agency(jiangbei, name="重庆市江北区市场监督管理局")
    officer_user = make_user("officer", agency=agency, username="yz-zhang")
    return {
        "city": city,
        "yuzhong": yuzhong,
        "jiangbei": jiangbei,
        "agency": agency,
        "other": other,
        "officer": fix_ric(make_officer(agency, name="张明", user=officer_user)),
        "colleague": fix_ric(make_officer(agency, name="李华")),
        "foreign": fix_ric(make_officer(other, name="王强")),
        "admin": make_user("admin", username="people-admin"),
        "city_office": make_user("legal_office", government=city, username="cq-sfj"),
        "office": make_user("legal_office", government=yuzhong, username="yz-sfj"),
        "jb_office": make_user("legal_office", government=jiangbei, username="jb-sfj"),
        "supervisor": make_user("supervisor", government=yuzhong, username="yz-jw"),
        "head": make_user("head", agency=agency, username="yz-head"),
        "officer_user": officer_user,
        "reviewer": make_user("reviewer", agency=agency, username="yz-reviewer"),
        "other_head": make_user("head", agency=other, username="jb-head"),
        "other_officer": make_user("officer", agency=other, username="jb-officer"),
    }
