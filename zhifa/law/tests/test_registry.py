"""The legal-basis and violation-item registries over HTTP: pages and API, allowed and
refused roles, errors at the field."""

from datetime import date

import pytest

from zhifa.core.models import AuditEvent
from zhifa.law.models import Article, LegalBasis, ViolationItem
from zhifa.law.tests.builders import make_basis
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db

LAW = {
    "title": "中华人民共和国测试法",
    "short_title": "测试法",
    "level": "law",
    "issuer": "全国人民代表大会常务委员会",
    "promulgated_on": "2020-01-01",
    "effective_from": "2020-07-01",
}


def test_legal_office_registers_a_law_with_an_article_and_it_is_audited(api, world):
    client = api(world["legal_office"])
    res = client.post("law/bases", LAW)
    assert res.status_code == 201, res.content
    pk = res.json()["id"]
    assert AuditEvent.objects.filter(act="legal_basis.create", object_id=str(pk), actor=world["legal_office"]).exists()
    res = client.post(f"law/bases/{pk}/articles", {"number": 42, "text": "条文内容。"})
    assert res.status_code == 201, res.content
    assert res.json()["label"] == "第四十二条" and res.json()["citation"] == "《测试法》第四十二条"
    res = client.post(f"law/bases/{pk}/articles", {"number": 42, "text": "重复。"})
    assert_api_refused(res, 409, code="conflict")


@pytest.mark.parametrize("role", ["officer", "head"])
def test_agency_staff_may_not_register_a_law(api, world, role):
    res = api(world[role]).post("law/bases", LAW)
    assert_api_refused(res, 403, code="forbidden")
    assert not LegalBasis.objects.filter(title=LAW["title"]).exists()


def test_anonymous_may_not_register_a_basis(api, world):
    assert_api_refused(api().post("law/bases", LAW), 401, code="not_authenticated")


@pytest.mark.clause("D3.2b")
def test_a_head_maintains_the_agencys_own_normative_documents_only(api, world):
    doc = {
        **LAW,
        "title": "关于规范农贸市场经营秩序的通知",
        "short_title": "",
        "level": "normative_document",
        "issuer": "",
    }
    res = api(world["head"]).post("law/bases", doc)
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["issuing_agency_id"] == world["agency"].pk and body["issuer"] == world["agency"].name
    assert body["may_ground"] is False
    res = api(world["other_head"]).patch(f"law/bases/{body['id']}", {"title": "改名"})
    assert_api_refused(res, 403, clause="D3.2b")
    res = api(world["head"]).patch(f"law/bases/{body['id']}", {"document_number": "渝中市监发〔2026〕3号"})
    assert res.status_code == 200 and res.json()["document_number"] == "渝中市监发〔2026〕3号"
    # A head cannot turn the document into a rule (which only the legal affairs office maintains).
    res = api(world["head"]).patch(f"law/bases/{body['id']}", {"level": "local_government_rule"})
    assert_api_refused(res, 403, code="forbidden")
    assert LegalBasis.objects.get(pk=body["id"]).level == "normative_document"


def test_effective_before_promulgation_is_refused_at_the_field(api, world):
    res = api(world["admin"]).post("law/bases", {**LAW, "effective_from": "2019-01-01"})
    body = assert_api_refused(res, 400, code="invalid")
    assert "施行日期不得早于公布日期" in body["message"]


def test_an_unknown_level_is_refused_at_the_field(api, world):
    res = api(world["admin"]).post("law/bases", {**LAW, "level": "decree"})
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "level"


def test_anyone_reads_bases_filtered_by_level_date_issuer_and_title(api, world):
    make_basis("law", "中华人民共和国甲法", issuer="全国人民代表大会常务委员会", effective_from=date(2020, 1, 1))
    make_basis("law", "中华人民共和国乙法", effective_from=date(2027, 1, 1))
    make_basis(
        "local_regulation",
        "重庆市丙条例",
        issuer="重庆市人民代表大会常务委员会",
        effective_from=date(2010, 1, 1),
        repealed_on=date(2025, 1, 1),
    )
    titles = lambda res: {b["title"] for b in res.json()["items"]}  # noqa: E731
    assert titles(api().get("law/bases?level=law")) == {"中华人民共和国甲法", "中华人民共和国乙法"}
    assert titles(api().get("law/bases?in_force_on=2026-11-25")) == {"中华人民共和国甲法"}
    assert titles(api().get("law/bases?in_force_on=2024-12-31")) == {"中华人民共和国甲法", "重庆市丙条例"}
    assert titles(api().get("law/bases?issuer=重庆市")) == {"重庆市丙条例"}
    assert titles(api().get("law/bases?q=乙")) == {"中华人民共和国乙法"}
    res = api().get("law/bases?limit=1")
    assert res.json()["count"] == 3 and len(res.json()["items"]) == 1


def test_the_list_page_filters_and_paginates(client, world):
    for i in range(25):
        make_basis("law", f"中华人民共和国分页法{i:02d}")
    make_basis("normative_document", "关于某事的通知", issuing_agency=world["agency"])
    client.force_login(world["officer"])
    page = client.get("/law/bases/?level=normative_document").content.decode()
    assert "关于某事的通知" in page and "分页法" not in page
    page = client.get("/law/bases/?page=2").content.decode()
    assert "第 2/2 页" in page


def test_the_detail_page_shows_the_articles_and_the_edit_page_saves(client, world):
    basis = make_basis("law", "中华人民共和国示例法", short_title="示例法", articles=3)
    client.force_login(world["legal_office"])
    page = client.get(f"/law/bases/{basis.pk}/").content.decode()
    assert "中华人民共和国示例法第2条的条文。" in page and "第3条" in page
    res = client.post(
        f"/law/bases/{basis.pk}/edit/",
        {
            "title": "中华人民共和国示例法",
            "short_title": "示例法",
            "level": "law",
            "issuer": "国务院",
            "promulgated_on": "2020-01-01",
            "effective_from": "2020-01-01",
        },
    )
    assert res.status_code == 302
    assert LegalBasis.objects.get(pk=basis.pk).issuer == "国务院"


def test_an_officer_sees_no_edit_and_is_refused_on_post(client, world):
    basis = make_basis("law")
    client.force_login(world["officer"])
    assert "修改</a>" not in client.get(f"/law/bases/{basis.pk}/").content.decode()
    res = client.post(
        f"/law/bases/{basis.pk}/edit/",
        {"title": "x", "level": "law", "issuer": "y", "promulgated_on": "2020-01-01", "effective_from": "2020-01-01"},
    )
    assert res.status_code == 403
    assert LegalBasis.objects.get(pk=basis.pk).title != "x"


@pytest.mark.clause("D3.2b")
def test_repealing_a_basis_stops_it_and_is_audited(api, world):
    basis = make_basis("local_government_rule", issuing_government=world["district"])
    res = api(world["legal_office"]).post(
        f"law/bases/{basis.pk}/repeal", {"repealed_on": "2026-11-01", "reason": "上位法已修改"}
    )
    assert res.status_code == 200, res.content
    basis.refresh_from_db()
    assert basis.repealed_on == date(2026, 11, 1) and not basis.in_force(date(2026, 11, 1))
    assert AuditEvent.objects.filter(act="legal_basis.repeal", object_id=str(basis.pk)).exists()
    res = api(world["legal_office"]).post(
        f"law/bases/{basis.pk}/repeal", {"repealed_on": "2026-11-02", "reason": "再次"}
    )
    assert_api_refused(res, 422, clause="D3.2b", code="repeal_lawful")


# --- violation items -------------------------------------------------------------------


def test_legal_office_registers_a_violation_item_by_citation(api, loaded):
    res = api(loaded["legal_office"]).post(
        "law/items",
        {
            "code": "SC-900",
            "name": "测试事项",
            "field": "market",
            "violated": ["食品安全法第三十四条"],
            "penalty": ["《食品安全法》第一百二十四条"],
            "penalty_summary": "罚款",
            "health_or_finance": True,
        },
    )
    assert res.status_code == 201, res.content
    assert res.json()["penalty"] == ["《食品安全法》第一百二十四条"]


def test_an_unknown_citation_is_refused_at_its_field(api, loaded):
    res = api(loaded["admin"]).post(
        "law/items",
        {
            "code": "SC-901",
            "name": "测试",
            "field": "market",
            "violated": ["食品安全法第九百条"],
            "penalty": ["食品安全法第一百二十四条"],
        },
    )
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "violated" and "第900条" in body["message"]


@pytest.mark.clause("D3.10a")
def test_a_normative_document_cannot_be_the_penalty_basis_of_an_item(api, loaded):
    doc = LegalBasis.objects.get(slug="demo-yuzhong-market-normative-document")
    res = api(loaded["admin"]).post(
        "law/items",
        {
            "code": "SC-902",
            "name": "测试",
            "field": "market",
            "violated": ["食品安全法第三十四条"],
            "penalty": [f"{doc.title}第二条"],
        },
    )
    assert_api_refused(res, 422, clause="D3.10a", code="basis_is_law_or_rule")
    assert not ViolationItem.objects.filter(code="SC-902").exists()


def test_officers_may_not_register_items(api, loaded):
    res = api(loaded["officer"]).post(
        "law/items",
        {
            "code": "SC-903",
            "name": "测试",
            "field": "market",
            "violated": ["食品安全法第三十四条"],
            "penalty": ["食品安全法第一百二十四条"],
        },
    )
    assert_api_refused(res, 403, code="forbidden")


def test_violation_item_ensure_returns_the_existing_item(loaded):
    from zhifa.law import services

    existing = ViolationItem.objects.get(code="JT-001")
    again = services.violation_item_ensure(
        actor=loaded["admin"],
        code="JT-001",
        name="别的名称",
        field="transport",
        violated=["公路法第九条"],
        penalty=["公路法第七十四条"],
    )
    assert again == existing and again.name == "擅自在公路上设卡、收费"
    new = services.violation_item_ensure(
        actor=loaded["admin"],
        code="JT-900",
        name="新事项",
        field="transport",
        violated=["公路法第二十五条"],
        penalty=["公路法第七十五条"],
        penalty_summary="五万元以下",
    )
    assert new.pk and [a.number for a in new.penalty_articles.all()] == [75]


def test_item_pages_list_filter_create_and_edit(client, loaded):
    client.force_login(loaded["legal_office"])
    page = client.get("/law/items/?field=transport").content.decode()
    assert "擅自在公路上设卡、收费" in page and "经营超过保质期的食品" not in page
    res = client.post(
        "/law/items/new/",
        {
            "code": "CG-900",
            "name": "测试事项",
            "field": "city",
            "violated": "城市市容和环境卫生管理条例第十七条",
            "penalty": "城市市容和环境卫生管理条例第三十四条",
        },
    )
    assert res.status_code == 302, res.content.decode()[:2000]
    item = ViolationItem.objects.get(code="CG-900")
    res = client.post(
        f"/law/items/{item.pk}/edit/",
        {
            "code": "CG-900",
            "name": "测试事项",
            "field": "city",
            "violated": "城市市容和环境卫生管理条例第十四条",
            "penalty": "城市市容和环境卫生管理条例第九十九条",
        },
    )
    assert res.status_code == 400 and "第99条" in res.content.decode()
    assert [a.number for a in item.violated_articles.all()] == [17]


def test_articles_edit_through_the_api(api, world):
    basis = make_basis("law", short_title="示例法")
    article = basis.articles.get(number=1)
    res = api(world["admin"]).patch(f"law/articles/{article.pk}", {"text": "新的条文。"})
    assert res.status_code == 200 and Article.objects.get(pk=article.pk).text == "新的条文。"
    assert_api_refused(api(world["officer"]).patch(f"law/articles/{article.pk}", {"text": "x"}), 403)
