"""The kinds of document a case produces (SAMR 《市场监督管理行政处罚文书格式范本（2021年修订版）》),
and which of them carry a number (文号) and which word of it names the kind."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    SOURCE_RECORD = "source_record", "案件来源登记表"
    FILING_APPROVAL = "filing_approval", "立案审批表"
    NO_FILING_APPROVAL = "no_filing_approval", "不予立案审批表"
    INSPECTION_RECORD = "inspection_record", "现场笔录"
    INQUIRY_RECORD = "inquiry_record", "询问笔录"
    EVIDENCE_LIST = "evidence_list", "证据提取单"
    PRESERVATION_NOTICE = "preservation_notice", "先行登记保存证据通知书"
    INVESTIGATION_REPORT = "investigation_report", "案件调查终结报告"
    LEGAL_REVIEW = "legal_review", "法制审核表"
    PRIOR_NOTICE = "prior_notice", "行政处罚告知书"
    DEFENCE_RECORD = "defence_record", "陈述申辩笔录"
    REVIEW_OPINION = "review_opinion", "复核意见"
    HEARING_NOTICE = "hearing_notice", "听证通知书"
    HEARING_RECORD = "hearing_record", "听证笔录"
    HEARING_REPORT = "hearing_report", "听证报告"
    DISCUSSION_RECORD = "discussion_record", "集体讨论记录"
    PENALTY_DECISION = "penalty_decision", "行政处罚决定书"
    NO_PENALTY_DECISION = "no_penalty_decision", "不予行政处罚决定书"
    ON_SPOT_DECISION = "on_spot_decision", "当场行政处罚决定书"
    SERVICE_RECEIPT = "service_receipt", "送达回证"
    TRANSFER_LETTER = "transfer_letter", "案件移送函"
    PAYMENT_REMINDER = "payment_reminder", "行政处罚决定履行催告书"
    ENFORCEMENT_APPLICATION = "enforcement_application", "强制执行申请书"
    CLOSING_APPROVAL = "closing_approval", "结案审批表"
    FILE_COVER = "file_cover", "卷宗封面"
    FILE_INDEX = "file_index", "卷内文件目录"
    FILE_NOTE = "file_note", "卷内备考表"


#: Kinds whose number is the one their act drew (zhifa.cases.numbering): the document
#: carries the act's number, never a second one.
ACT_NUMBERED = {
    Kind.PRIOR_NOTICE,
    Kind.PENALTY_DECISION,
    Kind.NO_PENALTY_DECISION,
    Kind.ON_SPOT_DECISION,
    Kind.TRANSFER_LETTER,
}

#: Kinds numbered by the documents app itself, and the word after the agency's prefix
#: (渝中市监催〔2026〕3号). The rest (records, forms, approvals) carry the case's number.
OWN_SERIES = {
    Kind.PRESERVATION_NOTICE: "先保",
    Kind.HEARING_NOTICE: "听通",
    Kind.PAYMENT_REMINDER: "催",
    Kind.ENFORCEMENT_APPLICATION: "强申",
}

#: What a party holds: signed, with a QR code and a verification code.
FOR_THE_PARTY = {
    Kind.PRIOR_NOTICE,
    Kind.PENALTY_DECISION,
    Kind.NO_PENALTY_DECISION,
    Kind.ON_SPOT_DECISION,
    Kind.PRESERVATION_NOTICE,
    Kind.HEARING_NOTICE,
    Kind.PAYMENT_REMINDER,
    Kind.TRANSFER_LETTER,
}

#: What carries the agency's seal: what the party holds, and what goes to a court or
#: another agency (行政强制法第五十五条: the application bears the agency's seal).
SEALED = FOR_THE_PARTY | {Kind.SERVICE_RECEIPT, Kind.ENFORCEMENT_APPLICATION}

#: The case file's own pages (composed from its CaseFile once archived, and bound with it):
#: they carry the archive number, no seal.
BINDING_ONLY = {Kind.FILE_COVER, Kind.FILE_INDEX, Kind.FILE_NOTE}
