import pytest

pytestmark = pytest.mark.django_db


def test_the_public_home_lists_what_is_published_and_checks_a_certificate(client):
    page = client.get("/").content.decode()
    for label in ("执法主体公示", "执法人员查询", "现行执法依据", "裁量基准公开", "法定数额与期限"):
        assert label in page
    assert 'action="/people/public/certificates/"' in page and 'name="number"' in page
    assert "工作人员登录" in page
