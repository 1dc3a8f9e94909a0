"""After execution: the follow-up visit (D5.4), closing when the file is complete and
the archive (D6.2a, 行政处罚法第四十七条)."""

from __future__ import annotations

from datetime import date

from zhifa.accounts.models import User
from zhifa.cases import acting, checklist, numbering
from zhifa.cases import rules as R
from zhifa.cases.inputs import require_text
from zhifa.cases.models import Case, CaseFile, CustodyEvent, FollowUp
from zhifa.cases.services._steps import save


def followup_record(
    *,
    actor: User,
    case: Case,
    method: str,
    findings: str,
    problems: str = "",
    response: str = "",
    on: date | None = None,
) -> FollowUp:
    """回访当事人履行和整改情况；对反映的问题和困难，能解决的帮助解决，不能解决的做好解释（D5.4）。"""
    with acting.run("followup_record", actor=actor, case=case, on=on) as act:
        act.check(R.followup_answers_problems, problems, response)
        act.enforce()
        followup = save(
            FollowUp(
                case=act.case,
                on=act.on,
                method=method,
                findings=require_text(findings, "findings", "请写明回访情况。"),
                problems=problems,
                response=response,
            )
        )
        act.done(changes={"followup": followup.pk, "method": method})
        return followup


def close(*, actor: User, case: Case, on: date | None = None, expected_version: int | None = None) -> Case:
    """结案：案卷材料齐全方可结案（D6.2a）。"""
    with acting.run("close", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        act.check(R.file_checklist_complete, checklist.missing(case))
        act.enforce()
        case.closed_on = act.on
        return act.done()


def archive(
    *, actor: User, case: Case, retention: str = CaseFile.Retention.LONG_TERM, on: date | None = None
) -> CaseFile:
    """立卷归档：卷内材料按办案顺序编目，每件材料和整卷记录 SHA-256（D6.2a）。"""
    with acting.run("archive", actor=actor, case=case, on=on) as act:
        case = act.case
        contents = checklist.file_contents(case)
        number = numbering.next_number(case.acting_agency, "archive", act.on.year)
        case_file = save(
            CaseFile(
                case=case,
                archive_number=number,
                archived_on=act.on,
                retention=retention,
                contents=contents,
                digest=checklist.digest(contents),
            )
        )
        for e in case.evidence.all():
            CustodyEvent.objects.create(
                evidence=e, on=act.on, action=CustodyEvent.Action.ARCHIVED, holder=f"案卷{number}", recorded_by=actor
            )
        case.archived_on = act.on
        act.done(changes={"archive_number": number, "digest": case_file.digest, "items": len(contents)})
        return case_file
