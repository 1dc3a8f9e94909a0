import pytest

from zhifa.testing import make_agency, make_city_and_district, make_user


@pytest.fixture
def world(db):
    city, district = make_city_and_district()
    agency = make_agency(district, name="重庆市渝中区市场监督管理局")
    other = make_agency(district, name="重庆市渝中区城市管理局", field="city")
    return {
        "city": city,
        "district": district,
        "agency": agency,
        "other_agency": other,
        "admin": make_user("admin", username="law-admin"),
        "legal_office": make_user("legal_office", government=district, username="yz-legal"),
        "city_legal_office": make_user("legal_office", government=city, username="cq-legal"),
        "head": make_user("head", agency=agency, username="yz-head"),
        "other_head": make_user("head", agency=other, username="yz-cg-head"),
        "officer": make_user("officer", agency=agency, username="yz-officer"),
    }


@pytest.fixture
def loaded(world):
    """The national laws, the Decision and the catalogue, loaded by the administrator."""
    from zhifa.law import loader

    loader.load_national_laws(world["admin"])
    loader.load_catalogue(world["admin"])
    return world
