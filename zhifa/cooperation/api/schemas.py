"""The shapes of cooperation records in the API; every field described in Chinese."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from zhifa.cooperation.models import AssistanceRequest, CrimeTransfer, HistoryLookup

PoliceDecisionChoice = Literal[tuple(CrimeTransfer.PoliceDecision.values)]


class CooperationDatedIn(Schema):
    on: date | None = Field(None, description="办理日期，默认今天；不得晚于今天")


class CooperationCandidateOut(Schema):
    agency_id: int = Field(..., description="有管辖权的机关编号")
    agency: str = Field(..., description="有管辖权的机关")
    power_id: int = Field(..., description="覆盖该违法行为的执法事项（职权目录）编号")
    power: str = Field(..., description="执法事项：编码和名称")
    held_as: str = Field(..., description="取得职权的方式：本机关法定职权、授权或委托")
    articles: list[str] = Field(..., description="设定职权和处罚的条文")
    territory: str = Field(..., description="地域管辖：违法行为发生地与机关管辖区域")
    level: str = Field(..., description="层级：区县级或市级")
    explanation: str = Field(..., description="完整说明：哪项职权、哪条依据、哪个地域")


class CompetenceOut(Schema):
    violation_item_id: int | None = Field(None, description="违法行为编号（未确定时为空）")
    violation_item: str = Field(..., description="违法行为")
    place_id: int | None = Field(None, description="违法行为发生地（区县）编号")
    place: str = Field(..., description="违法行为发生地（区县）")
    on: date = Field(..., description="核对职权的日期")
    proposed_agency_id: int | None = Field(None, description="建议管辖的机关编号（没有有管辖权的机关时为空）")
    summary: str = Field(..., description="建议及理由")
    agency_competent: bool | None = Field(None, description="办案机关本身是否有管辖权（按案件核对时）")
    candidates: list[CooperationCandidateOut] = Field(..., description="有管辖权的机关，建议的在前（区县级先于市级）")


class ReceiptOut(Schema):
    received_on: date = Field(..., description="签收日期")
    received_by: str = Field(..., description="签收人")
    outcome: str = Field(..., description="签收结果：接收办理或说明理由转送")
    competence_note: str = Field(..., description="职权目录核对结果")
    pass_on_reasons: str = Field(..., description="转送理由")
    passed_on_id: int | None = Field(None, description="转送函编号")
    passed_on_letter: str = Field(..., description="转送函文号")
    passed_on_to: str = Field(..., description="转送的机关")


class TransferRow(Schema):
    id: int = Field(..., description="移送函编号")
    letter_number: str = Field(..., description="移送函文号")
    from_agency_id: int = Field(..., description="移送机关编号")
    from_agency: str = Field(..., description="移送机关")
    to_agency_id: int = Field(..., description="接收机关编号")
    to_agency: str = Field(..., description="接收机关")
    sent_on: date = Field(..., description="移送日期")
    answer_due_on: date = Field(..., description="书面函告处理结果的期限")
    answered_on: date | None = Field(None, description="书面函告日期")
    status: str = Field(..., description="办理情况")
    overdue: bool = Field(..., description="逾期未函告")


class TransferDetail(TransferRow):
    case_id: int = Field(..., description="移送机关的案件编号")
    received_case_id: int | None = Field(None, description="接收机关的线索（案件）编号")
    summary: str = Field(..., description="线索内容")
    reasons: str = Field(..., description="移送理由")
    materials: str = Field(..., description="移送材料清单")
    answer: str = Field(..., description="接收机关书面函告的处理结果")
    receipt: ReceiptOut | None = Field(None, description="接收机关的签收")


class CooperationTransferIn(CooperationDatedIn):
    case_id: int = Field(..., description="要移送的线索或案件编号")
    to_agency_id: int = Field(..., description="有管辖权的接收机关编号")
    reasons: str = Field(..., description="移送理由（本机关无管辖权的依据）")
    materials: str = Field(..., description="移送材料清单")


class ReceiptIn(CooperationDatedIn):
    returned: bool = Field(False, description="退回移送机关（接收机关不得拒绝：为真时总是被拒绝，D3.4）")


class PassOnIn(CooperationDatedIn):
    to_agency_id: int = Field(..., description="职权目录载明有管辖权的机关编号")
    reasons: str = Field(..., description="转送理由：本机关没有管辖权的依据")


class CooperationAnswerIn(CooperationDatedIn):
    answer: str = Field(..., description="处理结果（书面函告移送机关）")


class OverdueOut(Schema):
    transfer: TransferRow = Field(..., description="移送函")
    due_on: date = Field(..., description="函告期限")
    days_overdue: int = Field(..., description="逾期天数")


class OverdueList(Schema):
    count: int = Field(..., description="条数")
    items: list[OverdueOut] = Field(..., description="逾期未函告的移送")


class CrimeTransferIn(CooperationDatedIn):
    case_id: int = Field(..., description="已决定移送司法机关的案件编号")
    police_organ: str = Field(..., description="接收的公安机关")
    procuratorate: str = Field(..., description="抄送的人民检察院")
    suspected_crime: str = Field(..., description="涉嫌罪名")
    facts: str = Field(..., description="涉嫌犯罪的事实")
    with_report: bool = Field(False, description="附调查报告")
    with_items_list: bool = Field(False, description="附涉案物品清单")
    with_expert_opinion: bool = Field(False, description="附检验报告或者鉴定意见")
    no_items_note: str = Field("", description="无涉案物品或者无须检验鉴定的说明")


class CrimeTransferOut(Schema):
    id: int = Field(..., description="编号")
    case_id: int = Field(..., description="案件编号")
    agency: str = Field(..., description="移送机关")
    number: str = Field(..., description="涉嫌犯罪案件移送书文号")
    sent_on: date = Field(..., description="移送日期")
    police_organ: str = Field(..., description="接收的公安机关")
    procuratorate: str = Field(..., description="抄送的人民检察院")
    suspected_crime: str = Field(..., description="涉嫌罪名")
    facts: str = Field(..., description="涉嫌犯罪的事实")
    with_report: bool = Field(..., description="附调查报告")
    with_items_list: bool = Field(..., description="附涉案物品清单")
    with_expert_opinion: bool = Field(..., description="附检验报告或者鉴定意见")
    no_items_note: str = Field(..., description="无涉案物品或者无须检验鉴定的说明")
    police_answered_on: date | None = Field(None, description="公安机关书面告知日期")
    police_decision: str = Field(..., description="公安机关决定：立案侦查或不予立案")
    police_reasons: str = Field(..., description="公安机关决定的理由")


class PoliceAnswerIn(CooperationDatedIn):
    decision: PoliceDecisionChoice = Field(..., description="公安机关决定：filed（立案侦查）、not_filed（不予立案）")
    reasons: str = Field(..., description="公安机关决定的理由")


# --- Requests between agencies ------------------------------------------------------------

AssistanceKindChoice = Literal[tuple(AssistanceRequest.Kind.values)]
AssistanceOutcomeChoice = Literal[tuple(AssistanceRequest.Outcome.values)]
LookupPurposeChoice = Literal[tuple(HistoryLookup.Purpose.values)]


class RequestOut(Schema):
    id: int = Field(..., description="编号")
    number: str = Field(..., description="文号")
    requesting_agency: str = Field(..., description="请求机关")
    requested_agency: str = Field(..., description="被请求机关")
    case_id: int | None = Field(None, description="相关案件编号")
    sent_on: date = Field(..., description="发出日期")
    due_on: date = Field(..., description="答复期限")
    answered_on: date | None = Field(None, description="答复日期")
    late_reason: str = Field(..., description="逾期答复的原因")
    overdue: bool = Field(..., description="逾期未答复")


class AssistanceOut(RequestOut):
    kind: str = Field(..., description="协助事项类别")
    matters: str = Field(..., description="请求协助的事项")
    legal_basis: str = Field(..., description="法律依据")
    letter_sealed: bool = Field(..., description="协助函加盖请求机关印章")
    approval_document: str = Field(..., description="采取强制措施的批准文书")
    outcome: str = Field(..., description="协助结果")
    result: str = Field(..., description="协助情况或不能协助的理由")


class InformationOut(RequestOut):
    subject: str = Field(..., description="查询的信息、资料、数据")
    purpose: str = Field(..., description="查询用途")
    party_id: int | None = Field(None, description="涉及的当事人编号")
    answer: str = Field(..., description="提供的信息")


class RequestIn(CooperationDatedIn):
    requested_agency_id: int = Field(..., description="被请求机关编号")
    case_id: int | None = Field(None, description="本机关的相关案件编号")
    due_on: date | None = Field(None, description="答复期限，默认发出之日起五个工作日")


class AssistanceIn(RequestIn):
    kind: AssistanceKindChoice = Field(..., description="协助事项类别")
    matters: str = Field(..., description="请求协助的事项")
    legal_basis: str = Field("", description="法律依据")
    letter_sealed: bool = Field(False, description="协助函已加盖请求机关印章")
    approval_document: str = Field("", description="采取强制措施的批准文书（协助扣押、查封的）")


class AssistanceAnswerIn(CooperationDatedIn):
    outcome: AssistanceOutcomeChoice = Field(..., description="协助结果")
    result: str = Field(..., description="协助情况或不能协助的理由")
    late_reason: str = Field("", description="逾期答复的原因")


class InformationIn(RequestIn):
    subject: str = Field(..., description="查询的信息、资料、数据")
    purpose: str = Field(..., description="查询用途")
    party_id: int | None = Field(None, description="涉及的当事人编号")


class InformationAnswerIn(CooperationDatedIn):
    answer: str = Field(..., description="提供的信息")
    fee: Decimal = Field(Decimal("0"), ge=0, max_digits=10, decimal_places=2, description="收取的费用（元），应当为零")
    late_reason: str = Field("", description="逾期答复的原因")


class HistoryRow(Schema):
    agency: str = Field(..., description="办案机关")
    filing_number: str = Field(..., description="立案编号")
    filed_on: date = Field(..., description="立案日期")
    violation_item: str = Field(..., description="违法行为")
    status: str = Field(..., description="案件状态")
    decision_number: str = Field(..., description="处罚决定书文号")
    decided_on: date | None = Field(None, description="决定日期")
    penalty: str = Field(..., description="处罚内容")


class CooperationLookupIn(Schema):
    party_id: int = Field(..., description="当事人编号")
    purpose: LookupPurposeChoice = Field(
        ..., description="查询用途：case（办理本机关的案件）、inspection（安排执法检查）"
    )
    case_id: int | None = Field(None, description="所办案件编号（为办理案件查询的）")
    reason: str = Field(..., description="查询事由")


class LookupOut(Schema):
    id: int = Field(..., description="查询记录编号")
    party_id: int = Field(..., description="当事人编号")
    party: str = Field(..., description="当事人")
    agency: str = Field(..., description="查询机关")
    user: str = Field(..., description="查询人")
    purpose: str = Field(..., description="查询用途")
    case_id: int | None = Field(None, description="所办案件编号")
    reason: str = Field(..., description="查询事由")
    on: date = Field(..., description="查询日期")
    result_count: int = Field(..., description="查到的记录数")


class LookupResult(Schema):
    lookup: LookupOut = Field(..., description="本次查询的记录")
    history: list[HistoryRow] = Field(..., description="当事人在各机关的执法记录")


class LiaisonIn(CooperationDatedIn):
    agency_id: int = Field(..., description="机关编号")
    name: str = Field(..., description="联络员姓名")
    position: str = Field("", description="职务")
    phone: str = Field(..., description="联系电话")


class LiaisonOut(Schema):
    id: int = Field(..., description="编号")
    agency_id: int = Field(..., description="机关编号")
    agency: str = Field(..., description="机关")
    name: str = Field(..., description="联络员姓名")
    position: str = Field(..., description="职务")
    phone: str = Field(..., description="联系电话")
    since: date = Field(..., description="确定日期")


class AgreementIn(Schema):
    title: str = Field(..., description="协议名称")
    agency_ids: list[int] = Field(..., description="签订机关编号（至少两个）")
    signed_on: date = Field(..., description="签订日期")
    valid_to: date | None = Field(None, description="有效期至")
    content: str = Field(..., description="主要内容")


class AgreementOut(Schema):
    id: int = Field(..., description="编号")
    title: str = Field(..., description="协议名称")
    agencies: list[str] = Field(..., description="签订机关")
    signed_on: date = Field(..., description="签订日期")
    valid_to: date | None = Field(None, description="有效期至")
    content: str = Field(..., description="主要内容")


# --- Disputes ---------------------------------------------------------------------------------

DisputeStepChoice = Literal["negotiation", "coordination", "decision"]


class DisputeIn(CooperationDatedIn):
    other_agency_ids: list[int] = Field(..., description="争议另一方（或几方）机关编号")
    title: str = Field(..., description="争议事项")
    description: str = Field(..., description="争议情况")
    case_id: int | None = Field(None, description="本机关的相关案件编号")


class DisputeStepIn(CooperationDatedIn):
    step: DisputeStepChoice = Field(
        ...,
        description="步骤：negotiation（机关协商）、coordination（政府法制机构协调）、decision（共同上一级行政机关裁决）",
    )
    settled: bool = Field(..., description="达成一致或作出裁决")
    record: str = Field(..., description="记录：协商纪要、协调意见或裁决内容")
    document_number: str = Field("", description="文书文号（裁决的必填）")
    late_reason: str = Field("", description="逾期的原因")


class DisputeStepOut(Schema):
    stage: str = Field(..., description="阶段")
    on: date = Field(..., description="日期")
    by: str = Field(..., description="记录人")
    settled: bool = Field(..., description="达成一致或作出裁决")
    record: str = Field(..., description="记录")
    document_number: str = Field(..., description="文书文号")
    late_reason: str = Field(..., description="逾期的原因")


class DisputeOut(Schema):
    id: int = Field(..., description="编号")
    title: str = Field(..., description="争议事项")
    description: str = Field(..., description="争议情况")
    raised_by: str = Field(..., description="提出机关")
    agencies: list[str] = Field(..., description="争议各方")
    government: str = Field(..., description="共同的政府（其法制机构协调、由其裁决）")
    case_id: int | None = Field(None, description="相关案件编号")
    raised_on: date = Field(..., description="提出日期")
    stage: str = Field(..., description="所处阶段")
    stage_due_on: date = Field(..., description="本阶段期限")
    overdue: bool = Field(..., description="本阶段已逾期")
    resolution: str = Field(..., description="解决结果")
    resolved_on: date | None = Field(None, description="解决日期")
    steps: list[DisputeStepOut] = Field(..., description="各步骤的记录")


# --- Meetings, campaigns, tasks -----------------------------------------------------------------


class TaskIn(Schema):
    agency_id: int = Field(..., description="承办机关编号")
    description: str = Field(..., description="任务")
    due_on: date = Field(..., description="完成期限")


class TaskOut(Schema):
    id: int = Field(..., description="编号")
    kind: str = Field(..., description="类别：联席会议议定事项、联合执法任务或上下联动交办任务")
    meeting_id: int | None = Field(None, description="联席会议编号")
    campaign_id: int | None = Field(None, description="联合执法编号")
    assigned_by: str = Field(..., description="交办机关")
    assigned_to_id: int = Field(..., description="承办机关编号")
    assigned_to: str = Field(..., description="承办机关")
    description: str = Field(..., description="任务")
    responsibilities: str = Field(..., description="双方权责（上下联动）")
    assigned_on: date = Field(..., description="交办日期")
    due_on: date = Field(..., description="完成期限")
    response: str = Field(..., description="承办机关的答复（联合执法分工）")
    refusal_reason: str = Field(..., description="拒绝的理由")
    reported_on: date | None = Field(None, description="报送日期")
    report: str = Field(..., description="落实情况")
    flag: str = Field(..., description="提示：拒绝分工、逾期未答复、逾期未报送（没有时为空）")


class MeetingIn(Schema):
    title: str = Field(..., description="会议名称")
    held_on: date = Field(..., description="召开日期")
    agenda: str = Field(..., description="议程")
    attendee_ids: list[int] = Field(..., description="参会机关编号（召集机关自动计入）")
    attendee_names: str = Field("", description="参会人员")
    minutes: str = Field(..., description="会议纪要")
    minutes_number: str = Field("", description="纪要编号")
    resolutions: list[TaskIn] = Field(default_factory=list, description="议定事项：交参会机关执行，写明期限")


class MeetingOut(Schema):
    id: int = Field(..., description="编号")
    title: str = Field(..., description="会议名称")
    convened_by: str = Field(..., description="召集机关")
    held_on: date = Field(..., description="召开日期")
    agenda: str = Field(..., description="议程")
    attendees: list[str] = Field(..., description="参会机关")
    attendee_names: str = Field(..., description="参会人员")
    minutes: str = Field(..., description="会议纪要")
    minutes_number: str = Field(..., description="纪要编号")
    tasks: list[TaskOut] = Field(..., description="议定事项及落实情况")


class CampaignIn(Schema):
    title: str = Field(..., description="专项整治名称")
    field: str = Field(..., description="领域")
    starts_on: date = Field(..., description="开始日期")
    ends_on: date = Field(..., description="结束日期")
    targets: str = Field(..., description="整治目标")
    tasks: list[TaskIn] = Field(default_factory=list, description="各参加机关的任务")


class CampaignOut(Schema):
    id: int = Field(..., description="编号")
    title: str = Field(..., description="专项整治名称")
    lead: str = Field(..., description="牵头机关")
    field: str = Field(..., description="领域")
    starts_on: date = Field(..., description="开始日期")
    ends_on: date = Field(..., description="结束日期")
    targets: str = Field(..., description="整治目标")
    tasks: list[TaskOut] = Field(..., description="各参加机关的任务")


class CampaignTaskIn(CooperationDatedIn, TaskIn):
    pass


class LinkageIn(CooperationDatedIn, TaskIn):
    responsibilities: str = Field(..., description="双方权责")


class RespondIn(CooperationDatedIn):
    accepted: bool = Field(..., description="接受分工")
    refusal_reason: str = Field("", description="拒绝的理由（拒绝的必填，并报牵头机关和政府法制机构）")


class CooperationReportIn(CooperationDatedIn):
    report: str = Field(..., description="落实情况")
    late_reason: str = Field("", description="逾期报送的原因")


class PackageOut(Schema):
    id: int = Field(..., description="编号")
    direction: str = Field(..., description="来源：本平台制作或从其他平台导入")
    letter_number: str = Field(..., description="移送函文号")
    transfer_id: int | None = Field(None, description="移送函编号（本平台制作的）")
    sender_agency: str = Field(..., description="移送机关")
    receiver_agency: str = Field(..., description="接收机关")
    received_case_id: int | None = Field(None, description="接收机关的线索编号")
    manifest_sha256: str = Field(..., description="清单的 SHA-256")
    files: list[dict] = Field(..., description="材料包中的文件：路径和 SHA-256")
    sealed_on: date = Field(..., description="签名日期")
    countersigned_on: date | None = Field(None, description="接收机关会签日期")
    verified: bool = Field(..., description="当前验证结果：每件文件的 SHA-256 相符，签名有效")
    problems: list[str] = Field(..., description="验证发现的问题（指明文件）")


class OtherInspectionOut(Schema):
    agency: str = Field(..., description="实施检查的其他机关")
    on: date = Field(..., description="检查日期")
    place: str = Field(..., description="检查地点")
    planned: bool = Field(False, description="计划的检查（尚未在案件中记录）")
    joint_id: int | None = Field(None, description="所属综合查一次的编号")


class OtherInspectionList(Schema):
    count: int = Field(..., description="条数")
    days: int = Field(..., description="查看的期间（天）")
    items: list[OtherInspectionOut] = Field(..., description="其他机关对该当事人的现场检查，新的在前")


# --- One visit instead of many (D2.1; 国办发〔2024〕54号) ------------------------------------------


class CooperationPlanIn(Schema):
    party_id: int = Field(..., description="被检查企业编号")
    on: date = Field(..., description="计划的检查日期（不早于今天）")
    place: str = Field(..., description="检查地点")
    items: str = Field(..., description="本机关的检查事项")


class CooperationPlanOut(Schema):
    id: int = Field(..., description="编号")
    agency_id: int = Field(..., description="检查机关编号")
    agency: str = Field(..., description="检查机关")
    party_id: int = Field(..., description="被检查企业编号")
    party: str = Field(..., description="被检查企业")
    on: date = Field(..., description="检查日期")
    place: str = Field(..., description="检查地点")
    items: str = Field(..., description="检查事项")
    planned_on: date = Field(..., description="计划日期")
    ordinal: int = Field(..., description="本机关本年度对该企业的第几次现场检查")
    cap: int | None = Field(None, description="公布的年度检查频次上限（尚无时为空）")
    approval_id: int | None = Field(None, description="超频次检查的书面批准编号")
    joint_id: int | None = Field(None, description="所属综合查一次的编号")
    officers: list[str] = Field(..., description="检查人员（记录后）")
    certificates_shown: bool = Field(..., description="已出示执法证件")
    findings: str = Field(..., description="检查情况")
    recorded_on: date | None = Field(None, description="记录日期")
    case_id: int | None = Field(None, description="据此办理的本机关案件编号")
    inspection_id: int | None = Field(None, description="案件中的现场检查笔录编号")


class CooperationJointIn(Schema):
    invited_ids: list[int] = Field(..., description="邀请参加的其他机关编号（至少一个）")
    note: str = Field("", description="共同记录的说明")


class CooperationJointOut(Schema):
    id: int = Field(..., description="编号")
    lead_id: int = Field(..., description="牵头机关编号")
    lead: str = Field(..., description="牵头机关")
    party_id: int = Field(..., description="被检查企业编号")
    party: str = Field(..., description="被检查企业")
    on: date = Field(..., description="检查日期")
    place: str = Field(..., description="检查地点")
    note: str = Field(..., description="共同记录的说明")
    invited: list[str] = Field(..., description="邀请参加的机关")
    parts: list[CooperationPlanOut] = Field(..., description="共同记录：各参加机关的检查事项、人员和情况")


class CooperationJoinIn(Schema):
    items: str = Field(..., description="本机关的检查事项")


class CooperationJointRecordIn(CooperationDatedIn):
    officer_ids: list[int] = Field(..., description="本机关的检查人员编号（不少于两名持证执法人员）")
    certificates_shown: bool = Field(..., description="已向被检查人出示执法证件")
    findings: str = Field(..., description="本机关的检查情况")


class CooperationPlanLinkIn(Schema):
    case_id: int = Field(..., description="据此办理的本机关案件编号")
    inspection_id: int | None = Field(None, description="该案件的现场检查笔录编号（可不填）")


class CooperationCapApprovalIn(CooperationDatedIn):
    party_id: int = Field(..., description="被检查企业编号")
    year: int = Field(..., ge=2000, le=2100, description="年度")
    reasons: str = Field(..., description="批准理由：为何必须再次现场检查")
    document_number: str = Field("", description="审批文书编号")


class CooperationCapApprovalOut(Schema):
    id: int = Field(..., description="编号")
    agency: str = Field(..., description="机关")
    party_id: int = Field(..., description="被检查企业编号")
    party: str = Field(..., description="被检查企业")
    year: int = Field(..., description="年度")
    reasons: str = Field(..., description="批准理由")
    document_number: str = Field(..., description="审批文书编号")
    approved_by: str = Field(..., description="批准人")
    approved_on: date = Field(..., description="批准日期")
    used_by_plan_id: int | None = Field(None, description="使用该批准的检查计划编号（未使用时为空）")


class CooperationBeyondCapOut(Schema):
    agency_id: int = Field(..., description="机关编号")
    agency: str = Field(..., description="机关")
    party_id: int = Field(..., description="企业编号")
    party: str = Field(..., description="企业")
    year: int = Field(..., description="年度")
    count: int = Field(..., description="本年度现场检查次数")
    cap: int = Field(..., description="年度检查频次上限")
    approvals: int = Field(..., description="书面批准的份数")
    unapproved: int = Field(..., description="超出上限且没有书面批准的次数")
