"""Facts about cooperation records that the acts, pages and API read (pure, no writes)."""

from __future__ import annotations

from zhifa.cooperation.models import AssistanceRequest


def procedure_gaps(request: AssistanceRequest, case_filed: bool) -> list[str]:
    """What a request for assistance lacks to be "手续完备、程序合法" (D4.4b): the
    requesting agency's seal, the legal basis, for a coercive measure the head's approval
    document, and for help with an investigation a case the requester has filed."""
    gaps = []
    if not request.letter_sealed:
        gaps.append("协助函未加盖请求机关印章")
    if not request.legal_basis.strip():
        gaps.append("未写明法律依据")
    if request.kind == AssistanceRequest.Kind.SEIZURE and not request.approval_document.strip():
        gaps.append("未附机关负责人批准采取强制措施的文书")
    if request.kind == AssistanceRequest.Kind.INVESTIGATION and not case_filed:
        gaps.append("请求协助调查的案件尚未立案")
    return gaps
