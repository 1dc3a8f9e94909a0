import pytest

from zhifa.testing import make_agency, make_city_and_district, make_government, make_user


@pytest.fixture
def bodies(db):
    """A city with two districts, an agency in each, and a user for every role."""
    from zhifa.org.models import LegalAffairsOffice

    city, yuzhong = make_city_and_district()
    jiangbei = make_government("江北区", "district", city, code="500105")
    LegalAffairsOffice.objects.create(government=jiangbei, name="重庆市江北区司法局")
    agency = make_agency(yuzhong, name="重庆市渝中区市场监督管理局", short_name="渝中区市场监管局")
    other = make_agency(jiangbei, name="重庆市江北区市场监督管理局")
    city_agency = make_agency(city, name="重庆市市场监督管理局")
    return {
        "city": city,
        "yuzhong": yuzhong,
        "jiangbei": jiangbei,
        "agency": agency,
        "other": other,
        "city_agency": city_agency,
        "admin": make_user("admin", username="org-admin"),
        "city_office": make_user("legal_office", government=city, username="cq-sfj"),
        "office": make_user("legal_office", government=yuzhong, username="yz-sfj"),
        "jb_office": make_user("legal_office", government=jiangbei, username="jb-sfj"),
        "supervisor": make_user("supervisor", government=yuzhong, username="yz-jw"),
        "head": make_user("head", agency=agency, username="yz-head"),
        "officer": make_user("officer", agency=agency, username="yz-officer"),
        "other_head": make_user("head", agency=other, username="jb-head"),
        "other_officer": make_user("officer", agency=other, username="jb-officer"),
        "city_head": make_user("head", agency=city_agency, username="cq-head"),
    }
