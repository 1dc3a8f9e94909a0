"""The shapes the case API reads and answers, shared by every section's operations.

Every act answers with :class:`CaseDetail` (the case as it now stands); lists answer
with :class:`CaseRow` items. A record named in several places has one shape everywhere
(``party`` is a :class:`PartyRef` in a row and in the detail). Input choices come from
the models' TextChoices (:func:`choice`); outputs are plain strings, so that no stored
value can make a read fail.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.db import models
from ninja import Field, Schema

from zhifa.cases.models import (
    CaseFile,
    CustodyEvent,
    Defence,
    DefencePoint,
    Evidence,
    FollowUp,
    Hearing,
    Inspection,
    Outcome,
    Payment,
    PaymentPlan,
    Preservation,
    Recusal,
    Relative,
    Reminder,
    ServiceMethod,
    Source,
    Status,
)


def choice(choices: type[models.TextChoices], *, exclude=()) -> Any:
    """The values of ``choices`` (less ``exclude``) as a Literal type: an input enum in the schema."""
    values = tuple(v for v in choices.values if v not in {str(e) for e in exclude})
    return Literal[values]


# The choices an input accepts, from the models (a subset where an act takes only some).
StatusChoice = choice(Status)
SourceChoice = choice(Source)
ApplicantChoice = choice(Recusal.Applicant)
InspectionKindChoice = choice(Inspection.Kind)
EvidenceKindChoice = choice(Evidence.Kind)
#: "collected" is recorded with the evidence, "archived" by the archive.
CustodyActionChoice = choice(CustodyEvent.Action, exclude=(CustodyEvent.Action.COLLECTED, CustodyEvent.Action.ARCHIVED))
AgeGroupChoice = choice(Relative.AgeGroup)
ReportOutcomeChoice = choice(Outcome)
#: A transfer to the judiciary is its own act (judiciary_transfer).
DecisionOutcomeChoice = choice(Outcome, exclude=(Outcome.TRANSFER_JUDICIARY,))
ServiceMethodChoice = choice(ServiceMethod)
PointKindChoice = choice(DefencePoint.Kind)
#: Points raised at a hearing are recorded with the hearing.
DefenceFormChoice = choice(Defence.Form, exclude=(Defence.Form.HEARING,))
HearingRequestFormChoice = choice(Hearing.RequestForm)
#: The standard plan is made when the decision is served.
PlanKindChoice = choice(PaymentPlan.Kind, exclude=(PaymentPlan.Kind.STANDARD,))
#: What a court recovers is recorded with the enforcement's result.
PaymentMethodChoice = choice(Payment.Method, exclude=(Payment.Method.COURT,))
ReminderMethodChoice = choice(Reminder.Method)
PreservationDecisionChoice = choice(Preservation.Decision)
FollowUpMethodChoice = choice(FollowUp.Method)
RetentionChoice = choice(CaseFile.Retention)


# --- inputs shared by the acts -------------------------------------------------------------


class ActIn(Schema):
    on: date | None = Field(None, description="办理日期，默认今天；不得晚于今天，也不得早于本案上一环节")
    expected_version: int | None = Field(None, description="案件的 version；已被他人办理时返回 409")


class DatedIn(Schema):
    on: date | None = Field(None, description="办理日期，默认今天；不得晚于今天，也不得早于本案上一环节")


class TermsIn(Schema):
    """The penalties proposed or imposed (行政处罚法第九条)."""

    warning: bool = Field(False, description="警告")
    fine: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2, description="罚款（元）")
    confiscation: Decimal | None = Field(
        None, ge=0, max_digits=14, decimal_places=2, description="没收违法所得、非法财物（元）"
    )
    qualification_downgrade: bool = Field(False, description="降低资质等级")
    licence_revocation: bool = Field(False, description="吊销许可证件")
    suspension: bool = Field(False, description="责令停产停业")
    closure: bool = Field(False, description="责令关闭")
    practice_restriction: bool = Field(False, description="限制从业")


class ReasonIn(ActIn):
    reason: str = Field(..., description="理由")


class ServiceIn(ActIn):
    """Service of a document to the party (the notice, the decision)."""

    method: ServiceMethodChoice = Field(..., description="送达方式")
    served_to: str = Field(..., description="受送达人")


# --- references in answers ----------------------------------------------------------------


class PartyRef(Schema):
    id: int = Field(..., description="当事人编号")
    name: str = Field(..., description="当事人名称或姓名")
    kind: str = Field(..., description="类别：person 公民，organisation 法人或者其他组织")


class ViolationItemRef(Schema):
    id: int = Field(..., description="违法行为事项编号")
    code: str = Field(..., description="违法行为事项编码")
    name: str = Field(..., description="违法行为名称")


class DeadlineOut(Schema):
    label: str = Field(..., description="当前须遵守的期限，如“作出处理决定”")
    due: date | None = Field(..., description="期限届满日（无法计算时为空）")
    level: str = Field(..., description="red 已逾期，yellow 即将到期，green 正常，unknown 无法计算")
    level_label: str = Field(..., description="期限状态的中文说明（无法计算时为“未知”）")
    working_days_left: int | None = Field(..., description="距届满日的工作日数（无法计算时为空）")
    provisional: bool = Field(..., description="届满日所在年份的法定节假日尚未公布，按暂定日历计算")
    reason: str = Field("", description="期限无法计算的原因")


class TermsOut(Schema):
    warning: bool = Field(..., description="警告")
    fine: Decimal | None = Field(None, description="罚款（元）")
    confiscation: Decimal | None = Field(None, description="没收违法所得、非法财物（元）")
    qualification_downgrade: bool = Field(..., description="降低资质等级")
    licence_revocation: bool = Field(..., description="吊销许可证件")
    suspension: bool = Field(..., description="责令停产停业")
    closure: bool = Field(..., description="责令关闭")
    practice_restriction: bool = Field(..., description="限制从业")
    text: str = Field(..., description="处罚内容的中文表述，如“罚款3,000.00元、没收240.00元”")


# --- a case in a list and as a whole --------------------------------------------------------


class CaseRow(Schema):
    """A case in a list: its number, state, party, violation and the deadline that matters now."""

    id: int = Field(..., description="案件编号")
    number: str = Field(..., description="案号：有决定书文号的为文号，否则为立案编号或线索号")
    filing_number: str = Field(..., description="立案编号（未立案为空）")
    decision_number: str = Field(..., description="决定书文号（未决定为空）")
    status: str = Field(..., description="案件状态代码")
    status_label: str = Field(..., description="案件状态")
    procedure: str = Field(..., description="general 普通程序，simple 简易程序")
    agency: str = Field(..., description="办案机关")
    party: PartyRef | None = Field(None, description="当事人（线索阶段可能尚未确定）")
    violation: str = Field(..., description="违法行为名称（尚未确定为空）")
    received_on: date = Field(..., description="发现或收到线索的日期")
    filed_on: date | None = Field(None, description="立案日期")
    deadline: DeadlineOut | None = Field(None, description="当前须遵守的期限")
    version: int = Field(..., description="案件版本；办理时作为 expected_version 提交")


class CaseList(Schema):
    count: int = Field(..., description="符合条件的案件总数")
    items: list[CaseRow] = Field(..., description="本页的案件")


class WorkbenchRow(CaseRow):
    next: str = Field(..., description="下一步应办理的事项")
    warnings: list[str] = Field(..., description="缺少或等待的事项（附条款编号）")


class WorkbenchCounts(Schema):
    red: int = Field(..., description="已逾期的案件数")
    yellow: int = Field(..., description="即将到期的案件数")
    open: int = Field(..., description="工作台上的案件数")


class WorkbenchTotals(Schema):
    cases: int = Field(..., description="我的案件的总数（cases 只列期限最紧的若干件）")
    approvals: int = Field(..., description="待审批的总数（approvals 只列最紧急的若干件）")
    reviews: int = Field(..., description="待法制审核的总数（reviews 只列最紧急的若干件）")


class Workbench(Schema):
    today: date = Field(..., description="今天（北京时间）")
    counts: WorkbenchCounts = Field(..., description="按期限状态计数（全部案件，不只列出的）")
    totals: WorkbenchTotals = Field(..., description="各栏的案件总数；各栏只列最紧急的若干件")
    cases: list[WorkbenchRow] = Field(..., description="我的案件（法制机构、监察机关：将到期和已逾期的案件）")
    approvals: list[WorkbenchRow] = Field(..., description="待机关负责人审批的案件")
    reviews: list[WorkbenchRow] = Field(..., description="待法制审核的案件")


class TimelineEvent(Schema):
    seq: int = Field(..., description="审计日志序号")
    time: datetime = Field(..., description="记录时间")
    actor: str = Field(..., description="办理人")
    act: str = Field(..., description="事项代码，如 case.filing_approve")
    changes: dict[str, Any] = Field(..., description="办理的内容与变化")
    clauses: list[str] = Field(..., description="所执行的《决定》条款编号")


class ActOut(Schema):
    name: str = Field(..., description="事项代码（办理转换表中的名称）")
    label: str = Field(..., description="事项名称")


class FlagsOut(Schema):
    major_public_interest: bool = Field(..., description="涉及重大公共利益（须法制审核）")
    complex_case: bool = Field(..., description="案情疑难复杂、涉及多个法律关系（须法制审核）")
    law_requires_review: bool = Field(..., description="法律、法规规定应当法制审核")
    major_violation: bool = Field(..., description="情节复杂或者重大违法行为（须集体讨论）")


class CaseOfficerOut(Schema):
    id: int = Field(..., description="执法人员编号")
    name: str = Field(..., description="姓名")
    lead: bool = Field(..., description="主办人")
    assigned_on: date = Field(..., description="指派日期")
    ended_on: date | None = Field(None, description="退出本案的日期（回避等）")


class RecusalOut(Schema):
    id: int = Field(..., description="回避申请编号")
    officer_id: int = Field(..., description="申请回避的执法人员编号")
    officer: str = Field(..., description="申请回避的执法人员")
    applicant: str = Field(..., description="申请方式：party 当事人申请，officer 本人申请，agency 机关依职权")
    grounds: str = Field(..., description="回避理由")
    applied_on: date = Field(..., description="申请日期")
    granted: bool | None = Field(None, description="决定：true 回避，false 不予回避，空为待决定")
    decided_on: date | None = Field(None, description="决定日期")


class InspectionOut(Schema):
    id: int = Field(..., description="笔录编号")
    kind: str = Field(..., description="inspection 现场检查，inquiry 询问")
    on: date = Field(..., description="日期")
    place: str = Field(..., description="地点")
    subject: str = Field(..., description="被检查人或被询问人")
    officers: list[str] = Field(..., description="执法人员")
    certificates_shown: bool = Field(..., description="已出示执法证件")


class CustodyOut(Schema):
    on: date = Field(..., description="日期")
    action: str = Field(..., description="保管事项代码")
    holder: str = Field(..., description="保管人或保管地点")


class EvidenceOut(Schema):
    id: int = Field(..., description="证据编号")
    number: int = Field(..., description="本案证据序号")
    kind: str = Field(..., description="证据种类代码")
    kind_label: str = Field(..., description="证据种类")
    title: str = Field(..., description="名称")
    sha256: str = Field(..., description="证据内容的 SHA-256")
    size: int = Field(..., description="字节数")
    collected_on: date = Field(..., description="取得日期")
    custody: list[CustodyOut] = Field(..., description="保管链")


class CasesPreservationOut(Schema):
    id: int = Field(..., description="先行登记保存记录编号")
    evidence_id: int = Field(..., description="证据编号")
    on: date = Field(..., description="登记保存日期")
    approved_by: str = Field(..., description="批准的机关负责人")
    approved_on: date = Field(..., description="批准日期")
    decide_by: date = Field(..., description="作出处理决定的期限（七个工作日）")
    decided_on: date | None = Field(None, description="处理决定日期")
    decision: str = Field(..., description="keep 作为证据，release 解除先行登记保存，空：尚未决定")


class RelativeOut(Schema):
    id: int = Field(..., description="亲属记录编号")
    name: str = Field(..., description="姓名（不公开）")
    relation: str = Field(..., description="与当事人的关系")
    age_group: str = Field(..., description="minor 未成年人，adult 成年人，elderly 老年人")


class ReportOut(Schema):
    id: int = Field(..., description="调查终结报告编号")
    submitted_on: date = Field(..., description="提交日期")
    outcome: str = Field(..., description="处理意见代码")
    terms: TermsOut = Field(..., description="拟给予的处罚")
    discretion: dict[str, Any] = Field(..., description="裁量基准的建议、档次与裁量过程（没有适用的基准时说明原因）")


class NoticeOut(Schema):
    id: int = Field(..., description="事先告知书编号")
    number: str = Field(..., description="文号")
    issued_on: date = Field(..., description="制作日期")
    served_on: date | None = Field(None, description="送达日期")
    terms: TermsOut = Field(..., description="拟作出的处罚")
    states_hearing_right: bool = Field(..., description="已告知要求听证的权利")


class DefencePointOut(Schema):
    id: int = Field(..., description="事项编号")
    number: int = Field(..., description="序号")
    kind: str = Field(..., description="fact 事实，reason 理由，evidence 证据")
    text: str = Field(..., description="内容")
    adopted: bool | None = Field(None, description="复核结论：true 采纳，false 不予采纳，空为待复核")
    review_reason: str = Field(..., description="复核理由")


class DefenceOut(Schema):
    id: int = Field(..., description="陈述申辩编号")
    received_on: date = Field(..., description="提出日期")
    form: str = Field(..., description="written 书面，oral 口头，hearing 听证中提出")
    made_by: str = Field(..., description="陈述申辩人")
    points: list[DefencePointOut] = Field(..., description="逐项记录的事实、理由和证据")


class HearingOut(Schema):
    id: int = Field(..., description="听证编号")
    requested_on: date = Field(..., description="要求听证日期")
    chair: str = Field(..., description="主持人（尚未指定为空）")
    scheduled_at: datetime | None = Field(None, description="举行时间")
    place: str = Field(..., description="地点")
    notified_on: date | None = Field(None, description="通知当事人日期")
    held_on: date | None = Field(None, description="举行日期")
    withdrawn_on: date | None = Field(None, description="撤回听证要求日期")


class LegalReviewOut(Schema):
    id: int = Field(..., description="法制审核编号")
    submitted_on: date = Field(..., description="送审日期")
    grounds: list[str] = Field(..., description="须法制审核的原因")
    result: str = Field(..., description="passed 通过，returned 退回；空为待审核")
    opinion: str = Field(..., description="审核意见")
    reviewed_on: date | None = Field(None, description="审核日期")


class ExtensionOut(Schema):
    approved_on: date = Field(..., description="批准日期")
    days: int = Field(..., description="延长天数")
    new_due_on: date = Field(..., description="延长后的期限")


class DecisionOut(Schema):
    id: int = Field(..., description="决定编号")
    number: str = Field(..., description="决定书文号")
    outcome: str = Field(..., description="决定种类代码")
    decided_on: date = Field(..., description="决定日期")
    served_on: date | None = Field(None, description="送达日期")
    terms: TermsOut = Field(..., description="处罚内容")
    defence_answers: str = Field(..., description="对当事人陈述申辩的逐项答复")
    discretion_explanation: str = Field(..., description="决定书对自由裁量权行使的说明（D3.10c）")
    remedies: str = Field(..., description="救济途径和期限")


class ObligationOut(Schema):
    principal: Decimal = Field(..., description="罚没款（元）")
    late_fee: Decimal = Field(..., description="加处罚款（元）")
    paid: Decimal = Field(..., description="已缴纳（元）")
    outstanding: Decimal = Field(..., description="尚欠（元）")
    next_due: date | None = Field(None, description="下一缴纳期限")


class PaymentOut(Schema):
    id: int = Field(..., description="缴款记录编号")
    paid_on: date = Field(..., description="缴纳日期")
    amount: Decimal = Field(..., description="金额（元）")
    method: str = Field(..., description="bank 银行，electronic 电子支付，on_spot 当场收缴，court 法院划缴")
    receipt_number: str = Field(..., description="缴款凭证号或专用票据号")
    handed_over_on: date | None = Field(None, description="当场收缴的罚款交至机关的日期")


class CasesReminderOut(Schema):
    id: int = Field(..., description="催告编号")
    served_on: date = Field(..., description="催告日期")
    method: str = Field(..., description="phone 电话，letter 书面，visit 走访")
    performance_due_on: date = Field(..., description="催告的履行期限")


class EnforcementOut(Schema):
    id: int = Field(..., description="强制执行编号")
    kind: str = Field(..., description="own 本机关强制执行，court 申请人民法院强制执行")
    on: date = Field(..., description="决定或申请日期")
    court: str = Field(..., description="人民法院")
    result: str = Field(..., description="执行结果")
    result_on: date | None = Field(None, description="执行结果日期")


class BackdatedOut(Schema):
    act: str = Field(..., description="事项代码")
    label: str = Field(..., description="事项")
    on: date = Field(..., description="办理日期（法律上的日期）")
    entered_at: datetime = Field(..., description="实际登记时间")
    deadline: str = Field(..., description="取决于办理日期的期限（没有的为空）")
    due: date | None = Field(None, description="该期限的届满日")
    reason: str = Field(..., description="补录理由")


class FollowUpOut(Schema):
    id: int = Field(..., description="回访编号")
    on: date = Field(..., description="回访日期")
    method: str = Field(..., description="visit 上门，phone 电话，letter 书面")
    findings: str = Field(..., description="履行和整改情况")


class TransferOutOut(Schema):
    letter_number: str = Field(..., description="移送函文号")
    to_agency: str = Field(..., description="接收机关")
    sent_on: date = Field(..., description="移送日期")
    answered_on: date | None = Field(None, description="接收机关函告处理结果的日期")
    answer: str = Field(..., description="接收机关函告的处理结果")


class TransferInOut(Schema):
    letter_number: str = Field(..., description="移送函文号")
    from_agency: str = Field(..., description="移送机关")
    answered_on: date | None = Field(None, description="本机关函告处理结果的日期")


class ChecklistItemOut(Schema):
    key: str = Field(..., description="材料代码")
    label: str = Field(..., description="材料名称")
    present: bool = Field(..., description="卷内已有")
    required: bool = Field(..., description="本案须有")


class CaseFileOut(Schema):
    archive_number: str = Field(..., description="档案号")
    digest: str = Field(..., description="整卷的 SHA-256")
    archived_on: date = Field(..., description="归档日期")


class CaseDetail(CaseRow):
    """The case as it now stands: its records, deadline, next act, warnings and the acts the caller may attempt."""

    source: str = Field(..., description="线索来源代码")
    source_reference: str = Field(..., description="来源编号（举报编号、移送函文号等）")
    summary: str = Field(..., description="线索内容")
    violation_item: ViolationItemRef | None = Field(None, description="违法行为事项")
    place: str = Field(..., description="发生地（区县）")
    act_date: date | None = Field(None, description="违法行为发生日期")
    in_name_of: str = Field(..., description="以其名义作出决定的机关（受委托执法时）")
    power: str = Field(..., description="所依据的执法职权")
    decision_due_on: date | None = Field(None, description="作出处理决定的期限")
    lead_officer: str = Field(..., description="主办人")
    next: str = Field(..., description="下一步应办理的事项")
    warnings: list[str] = Field(..., description="缺少或等待的事项（附条款编号）")
    acts: list[ActOut] = Field(..., description="调用者在当前状态下可以办理的事项")
    flags: FlagsOut = Field(..., description="决定法制审核、集体讨论的情形")
    officers: list[CaseOfficerOut] = Field(..., description="承办人员")
    recusals: list[RecusalOut] = Field(..., description="回避申请及决定")
    inspections: list[InspectionOut] = Field(..., description="检查、询问笔录")
    evidence: list[EvidenceOut] = Field(..., description="证据")
    relatives: list[RelativeOut] = Field(..., description="当事人亲属（仅供办案人员，不公开）")
    preservations: list[CasesPreservationOut] = Field(
        default_factory=list, description="先行登记保存证据（行政处罚法第五十六条）"
    )
    reports: list[ReportOut] = Field(..., description="调查终结报告")
    notice: NoticeOut | None = Field(None, description="现行的事先告知书")
    defences: list[DefenceOut] = Field(..., description="陈述申辩")
    hearings: list[HearingOut] = Field(..., description="听证")
    legal_reviews: list[LegalReviewOut] = Field(..., description="法制审核")
    extensions: list[ExtensionOut] = Field(..., description="延长办案期限")
    decision: DecisionOut | None = Field(None, description="决定")
    obligation: ObligationOut | None = Field(None, description="当事人尚须缴纳的罚没款（有金钱处罚时）")
    payments: list[PaymentOut] = Field(..., description="缴款记录")
    reminders: list[CasesReminderOut] = Field(..., description="催告")
    enforcements: list[EnforcementOut] = Field(..., description="强制执行")
    backdated: list[BackdatedOut] = Field(..., description="事后补录的事项：办理日期早于登记日期（登记时间一并记录）")
    followups: list[FollowUpOut] = Field(..., description="回访")
    transfer_out: TransferOutOut | None = Field(None, description="本案移送其他机关的移送函")
    transfer_in: TransferInOut | None = Field(None, description="其他机关移送本机关的移送函")
    checklist: list[ChecklistItemOut] = Field(..., description="案卷材料清单")
    file: CaseFileOut | None = Field(None, description="归档的案卷")
