"""The other documents of a case (D3.10b): composed from the case's own records after
SAMR's 2021 templates, nothing left blank, each rendered to PDF and its text extracted
(pdftotext) to find what the kind must hold; a kind without its record (no hearing, no
reminder …) is refused naming the clause, and so are the kinds' own laws (催告书:
行政强制法第三十五条; 强制执行申请书: 第五十三条至第五十五条; 听证通知: 七日前)."""

import os
import re
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from zhifa.cases import services as cases
from zhifa.cases.models import Case
from zhifa.core.errors import DomainError
from zhifa.documents import compose_records, services, store
from zhifa.documents import rules as R
from zhifa.documents.kinds import Kind
from zhifa.documents.tests.builders import D0, notified, through_the_court, wd
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db

PNG_DIR = Path(os.environ.get("ZHIFA_DOCUMENT_PNG_DIR", "/tmp/zhifa-document-pngs")) / "kinds"


def text_of(doc, tmp_path) -> str:
    path = tmp_path / f"{doc.kind}-{doc.pk}.pdf"
    path.write_bytes(store.read(doc.sha256))
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def png(doc, tmp_path) -> None:
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{doc.kind}.pdf"
    path.write_bytes(store.read(doc.sha256))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(PNG_DIR / doc.kind)], check=True)


def issue(w, case, kind, actor=None, **kw):
    return services.document_issue(actor=actor or w.zhang, case=case, kind=kind, **kw)


@pytest.mark.clause("D3.10b")
def test_each_kind_is_composed_from_the_case_and_its_pdf_holds_what_the_kind_requires(w, rendered, tmp_path):
    case = through_the_court(w)
    decision, notice = case.decision, case.notices.get()
    hearing = case.hearings.get()
    party = w.org.name
    expected = {
        Kind.SOURCE_RECORD: ["案件来源登记表", "举报投诉", "群众举报：某超市销售过期食品", "2026年3月2日", party],
        Kind.FILING_APPROVAL: [
            "立案审批表",
            case.filing_number,
            "张执法（执法证号：",
            "建议立案。有证据初步证明存在违法行为",
            "同意立案（陈局长",
            "前作出处理决定",
        ],
        Kind.INSPECTION_RECORD: [
            "现场笔录",
            "渝中区解放碑某超市",
            "店长王某",
            "出示行政执法证件",
            "货架上发现超过保质期的牛奶12盒",
        ],
        Kind.INQUIRY_RECORD: ["询问笔录", "被询问人", "如实回答询问", "答：是供货商配送的"],
        Kind.EVIDENCE_LIST: ["证据提取单", "超过保质期的牛奶12盒", "物证", "现场检查时取得", "SHA-256", "封存"],
        Kind.PRESERVATION_NOTICE: [
            "先行登记保存证据通知书",
            "渝中市监先保〔2026〕1号",
            "行政处罚法》第五十六条",
            "不得损毁、销毁或者转移证据",
            "7日内",
            "七个工作日",
            "本局证据保管室",
            "经本机关负责人陈局长",
            "证据可能灭失",
        ],
        Kind.INVESTIGATION_REPORT: [
            "案件调查终结报告",
            "调查认定的违法事实",
            "违法所得1200元",
            "罚款人民币80,000.00元（大写：捌万元整）",
            "《食品安全法》第一百二十四条",
            "自由裁量的说明",
        ],
        Kind.LEGAL_REVIEW: ["法制审核表", "经过听证程序", "周审核", "通过", "事实清楚，程序合法，适用依据正确"],
        Kind.HEARING_NOTICE: [
            "听证通知书",
            "渝中市监听通〔2026〕1号",
            "9时30分",
            "渝中区市场监管局听证室",
            "赵主持主持",
            "第六十四条",
            notice.number,
            "委托一至二人代理",
            "有权申请回避",
        ],
        Kind.HEARING_RECORD: ["听证笔录", "赵主持", "调查人员陈述违法事实", "罚款数额超出其承受能力", "公开举行"],
        Kind.HEARING_REPORT: ["听证报告", "不予采纳，理由是：未提供经营困难的证据", "主持人意见", "第六十五条"],
        Kind.DISCUSSION_RECORD: [
            "集体讨论记录",
            "陈局长、刘副局长、纪检组长",
            "同意给予行政处罚",
            "与会人员认为违法事实清楚",
        ],
        Kind.DEFENCE_RECORD: ["陈述申辩笔录", "听证中提出", "罚款数额超出其承受能力", notice.number],
        Kind.REVIEW_OPINION: ["复核意见", "共提出1项", "不予采纳", "未提供经营困难的证据"],
        Kind.SERVICE_RECEIPT: ["送达回证", decision.number, "法定代表人", "直接送达", "王执行", w.org.address],
        Kind.PAYMENT_REMINDER: [
            "行政处罚决定履行催告书",
            "渝中市监催〔2026〕1号",
            "行政强制法》第三十五条",
            decision.number,
            "罚款人民币80,000.00元（大写：捌万元整）",
            "有权进行陈述和申辩",
            "3100021509024912345",
            "前履行",
        ],
        Kind.ENFORCEMENT_APPLICATION: [
            "强制执行申请书",
            "渝中市监强申〔2026〕1号",
            "被申请人：" + party,
            "重庆市渝中区人民法院",
            "第五十三条、第五十四条",
            "行政强制法第五十五条",
            "催告书送达十日后被申请人仍未履行",
            "未申请行政复议，也未提起行政诉讼",
            "申请机关负责人（签名）陈局长",
        ],
    }
    for kind, wanted in expected.items():
        actor = w.head if kind == Kind.ENFORCEMENT_APPLICATION else w.zhang
        doc = issue(w, case, kind, actor=actor)
        assert doc.is_pdf and doc.signed, kind
        text = text_of(doc, tmp_path)
        for want in [*wanted, doc.verification_code, w.agency.name]:
            assert re.sub(r"\s+", "", want) in text, (kind, want)
        if kind in (Kind.HEARING_NOTICE, Kind.PAYMENT_REMINDER, Kind.FILING_APPROVAL):
            png(doc, tmp_path)
    # The notice's own receipt: the record named by type and id.
    receipt = issue(w, case, Kind.SERVICE_RECEIPT, source_id=notice.pk, source_type="cases.notice")
    assert notice.number in text_of(receipt, tmp_path) and receipt.source_type == "cases.notice"
    assert hearing.pk in {d.source_id for d in case.documents.filter(kind=Kind.HEARING_RECORD)}
    assert len(list(PNG_DIR.glob("*.png"))) >= 3


@pytest.mark.clause("D3.10b")
def test_the_kinds_of_cases_that_end_early_are_composed_too(w, rendered, tmp_path):
    refused = cases.clue_register(
        actor=w.zhang,
        source="inspection",
        received_on=D0,
        summary="巡查发现某店疑似销售过期食品。",
        party=w.person,
        violation_item=w.item,
        place=w.district,
        act_date=D0,
        on=D0,
    )
    refused = cases.filing_refuse(actor=w.head, case=refused, reason="经核查，商品在保质期内。", on=wd(D0, 2))
    doc = issue(w, refused, Kind.NO_FILING_APPROVAL, actor=w.head)
    text = text_of(doc, tmp_path)
    assert "不予立案审批表" in text and "经核查，商品在保质期内" in text and "不予立案（陈局长" in text

    moved = cases.clue_register(
        actor=w.zhang,
        source="complaint",
        received_on=D0,
        summary="某工地未批先建排污设施。",
        party=w.org,
        violation_item=w.other_item,
        place=w.district,
        act_date=D0,
        on=D0,
    )
    moved = cases.transfer_out(
        actor=w.head,
        case=moved,
        to_agency=w.other_agency,
        reasons="本机关对该违法行为无管辖权",
        materials="举报材料1份\n现场照片2张",
        on=wd(D0, 1),
    )
    doc = issue(w, moved, Kind.TRANSFER_LETTER, actor=w.head)
    text = text_of(doc, tmp_path)
    assert doc.number == moved.transfer_out.letter_number and doc.number in text
    for want in ["案件移送函", w.other_agency.name, "本机关对该违法行为无管辖权", "举报材料1份", "书面函告本机关"]:
        assert want in text, want
    png(doc, tmp_path)

    from zhifa.cases.tests.builders import reported

    minor = reported(w, outcome="no_penalty_minor")
    cases.decision_submit(actor=w.zhang, case=minor, on=wd(D0, 4))
    cases.decide(actor=w.head2, case=Case.objects.get(pk=minor.pk), on=wd(D0, 5))
    doc = issue(w, Case.objects.get(pk=minor.pk), Kind.NO_PENALTY_DECISION)
    text = text_of(doc, tmp_path)
    assert "不予行政处罚决定书" in text and "对当事人不予行政处罚" in text and "重庆市渝中区人民法院" in text

    judiciary = reported(w, outcome="transfer_judiciary")
    cases.decision_submit(actor=w.zhang, case=judiciary, on=wd(D0, 4))
    cases.judiciary_transfer(actor=w.head2, case=judiciary, reason="涉嫌犯罪，移送区公安分局。", on=wd(D0, 5))
    closed = cases.close(actor=w.head, case=Case.objects.get(pk=judiciary.pk), on=wd(D0, 6))
    doc = issue(w, closed, Kind.CLOSING_APPROVAL, actor=w.head)
    text = text_of(doc, tmp_path)
    assert "结案审批表" in text and "同意结案（陈局长" in text and "涉嫌犯罪，移送区公安分局" in text


@pytest.mark.clause("D3.10b")
def test_a_kind_whose_record_the_case_does_not_hold_is_refused(w):
    case = notified(w)  # no hearing, no reminder, not closed
    for kind in (Kind.HEARING_RECORD, Kind.HEARING_NOTICE, Kind.PAYMENT_REMINDER, Kind.CLOSING_APPROVAL):
        with pytest.raises(DomainError) as e:
            issue(w, case, kind)
        assert_refused(e, "D3.10b", code="record_on_file", field="kind")
        assert Kind(kind).label in e.value.first.message
    assert "本案没有听证的记录" in R.record_on_file("听证笔录", "听证", False, []).message


@pytest.mark.clause("D3.10b")
def test_a_record_that_lacks_what_the_document_states_is_refused(w):
    from zhifa.cases.tests.builders import TERMS_LARGE

    case = notified(w, terms=TERMS_LARGE)
    cases.hearing_request(actor=w.zhang, case=case, on=wd(D0, 5))
    with pytest.raises(DomainError) as e:  # requested, not yet held: no record to compose
        issue(w, case, Kind.HEARING_RECORD)
    assert_refused(e, "D3.10b", code="record_on_file", field="kind")
    assert "听证的举行" in e.value.first.message
    with pytest.raises(DomainError) as e:  # nor scheduled: no time, place or chair to notify
        issue(w, case, Kind.HEARING_NOTICE)
    assert_refused(e, "D3.10b", code="record_on_file")
    assert "听证主持人" in e.value.first.message and not case.documents.exists()


@pytest.mark.clause("D3.9b")
def test_a_reminder_states_what_article_35_lists(w):
    ok = R.reminder_states_what_the_law_lists(D0, wd(D0, 10), 100, True, True)
    assert ok is None
    v = R.reminder_states_what_the_law_lists(D0, D0, 100, False, False)
    assert v is not None and v.code == "reminder_states_what_the_law_lists" and "D3.9b" in v.clauses
    assert "履行期限" in v.message and "金额和给付方式" in v.message and "陈述权和申辩权" in v.message
    assert v.law == ("行政强制法第三十五条",)


@pytest.mark.clause("D3.9b", "D1.4")
def test_the_court_application_is_signed_by_the_head_within_the_window_after_the_reminder(w):
    case = through_the_court(w)
    with pytest.raises(DomainError) as e:  # an officer may not sign it (行政强制法第五十五条)
        issue(w, case, Kind.ENFORCEMENT_APPLICATION)
    assert_refused(e, "D3.9b", code="court_application_signed_by_head")

    enforcement = case.enforcements.get()
    composed = compose_records.enforcement_application(enforcement)
    served = case.decision.served_on
    composed.checks["court_application"]["on"] = served + timedelta(days=30)  # the remedy periods still run
    with pytest.raises(DomainError) as e:
        services.check(composed, w.head)
    assert_refused(e, "D1.4", code="court_application_window")
    reminder = case.reminders.get()
    composed.checks["court_application"]["on"] = reminder.served_on + timedelta(days=3)  # not ten days after
    with pytest.raises(DomainError) as e:
        services.check(composed, w.head)
    assert_refused(e, "D3.9b", code="reminder_before_compulsion")
    composed.checks["court_application"]["reminders"] = []
    with pytest.raises(DomainError) as e:
        services.check(composed, w.head)
    assert_refused(e, "D3.9b", code="reminder_before_compulsion", field="reminder")


@pytest.mark.clause("D5.3a")
def test_a_hearing_notice_sent_less_than_seven_days_before_is_refused(w):
    case = through_the_court(w)
    composed = compose_records.hearing_notice(case.hearings.get())
    notified_on, day = composed.checks["hearing_notified"]
    composed.checks["hearing_notified"] = (day - timedelta(days=2), day)
    with pytest.raises(DomainError) as e:
        services.check(composed, w.zhang)
    assert_refused(e, "D5.3a", code="hearing_notified_in_time")
    assert notified_on <= day


@pytest.mark.clause("D3.10b")
def test_a_record_kind_is_corrected_as_a_new_version_of_the_same_record(w):
    from zhifa.documents.tests.builders import decided

    case = decided(w)
    first = issue(w, case, Kind.INVESTIGATION_REPORT)
    second = services.document_correct(actor=w.zhang, document=first, reason="补充调查经过的表述")
    first.refresh_from_db()
    assert second.version == 2 and second.previous == first and first.superseded_on is not None
    assert (second.number, second.source_type, second.source_id) == (first.number, "cases.report", first.source_id)
    assert second.number == case.filing_number


@pytest.mark.clause("D3.10b")
def test_a_reminder_by_telephone_gives_no_written_reminder(w):
    case = through_the_court(w)
    reminder = case.reminders.get()
    reminder.method = "phone"
    reminder.save(update_fields=["method"])
    with pytest.raises(DomainError) as e:
        issue(w, case, Kind.PAYMENT_REMINDER)
    assert_refused(e, "D3.10b", code="record_on_file", field="kind")
    assert "电话" in e.value.first.message


@pytest.mark.clause("D3.10b")
def test_a_preservation_notice_rests_on_the_heads_approval_not_on_a_bare_seal(w):
    """先行登记保存证据通知书 composes from the case act (``preservation_register``: the head's
    approval, 行政处罚法第五十六条); a 封存 in the custody chain without it claims no approval and
    the notice is refused, naming what is missing."""
    from zhifa.cases.tests.builders import evidence_file, filed

    case = filed(w)
    evidence = cases.evidence_add(
        actor=w.zhang,
        case=case,
        kind="physical",
        title="过期牛奶",
        source="现场取得",
        collected_on=wd(D0, 2),
        content=evidence_file(f"bare-{case.pk}"),
        on=wd(D0, 2),
    )
    cases.custody_record(actor=w.zhang, evidence=evidence, action="sealed", holder="保管室", on=wd(D0, 2))
    with pytest.raises(DomainError) as e:
        issue(w, Case.objects.get(pk=case.pk), Kind.PRESERVATION_NOTICE)
    assert_refused(e, "D3.10b", code="record_on_file", field="kind")
    assert "机关负责人批准先行登记保存" in e.value.first.message
    cases.preservation_register(
        actor=w.zhang,
        case=case,
        evidence=evidence,
        reasons="证据可能灭失",
        holder="本局证据保管室",
        approved_by=w.head,
        approved_on=wd(D0, 3),
        on=wd(D0, 3),
    )
    composed = compose_records.preservation_notice(evidence.custody.filter(action="sealed").last())
    assert not composed.checks["missing"]
    text = "".join(p for s in composed.sections for p in s.paragraphs)
    assert "经本机关负责人陈局长于2026年3月5日批准" in text and "本局证据保管室" in text
