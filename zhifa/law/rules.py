"""Rules on legal bases and their cleanup (D3.10a, D3.2b, D3.2c)."""

from __future__ import annotations

from zhifa.core.rules import refuse, rule


@rule("D3.10a", law="行政处罚法第三十八条")
def basis_is_law_or_rule(article):
    """行政执法文书制作要以法律、法规和规章作为执法依据，不得以其他规范性文件为依据。"""
    if article.basis.may_ground:
        return None
    return refuse(
        f"{article}属于“{article.basis.get_level_display()}”，不得作为执法依据；请引用法律、法规或者规章的条文。",
        field="basis_articles",
    )


@rule("D3.10a", "D3.2b", law="行政处罚法第三十七条")
def basis_in_force(article, on):
    """适用违法行为发生时的法律、法规、规章；已废止的文件立即停止执行。"""
    if article.basis.in_force(on):
        return None
    basis = article.basis
    if basis.repealed_on and basis.repealed_on <= on:
        why = f"已于{basis.repealed_on}废止"
    else:
        why = f"自{basis.effective_from}起施行"
    return refuse(f"{article}在{on}不是有效的执法依据（{why}）。", field="basis_articles")


# --- Cleanups of rules and normative documents (D3.2b, D3.2c) -------------------------


def _own_levels(cleanup) -> tuple[str, ...]:
    """What an organiser cleans up: an agency its normative documents (D3.2b); a
    government its rules and normative documents (D3.2c)."""
    if cleanup.agency_id:
        return ("normative_document",)
    return ("local_government_rule", "normative_document")


def issued_by_organiser(cleanup, basis) -> bool:
    if basis.level not in _own_levels(cleanup):
        return False
    if cleanup.agency_id:
        return basis.issuing_agency_id == cleanup.agency_id
    return basis.issuing_government_id == cleanup.government_id


@rule("D3.2b", "D3.2c")
def cleanup_entry_on_own_document(cleanup, basis):
    """必须定期清理本机关制定的规范性文件；各级行政机关全面清理由其制定的规章及其他规范性文件。"""
    if issued_by_organiser(cleanup, basis):
        return None
    what = "本机关制定的规范性文件" if cleanup.agency_id else "本级政府制定的规章和规范性文件"
    return refuse(
        f"《{basis.title}》不是{cleanup.organiser}制定的文件，本次清理只能对{what}作出结论；"
        f"其他机关的文件由制定机关清理。",
        field="basis",
    )


@rule("D3.2b", "D3.2c")
def cleanup_still_open(cleanup):
    """清理结论在清理完成前登记；完成后结论随清理结果公布，不再增改。"""
    if cleanup.completed_on is None:
        return None
    return refuse(
        f"“{cleanup.title}”已于{cleanup.completed_on}完成，不能再登记清理结论；如需再作结论，请另行组织清理。"
    )


@rule("D3.2b", "D3.2c")
def cleanup_covers_every_document(cleanup, pending):
    """清理须覆盖制定机关的全部现行文件：``pending`` 是清理开始时有效、尚无结论的文件。"""
    if not pending:
        return None
    names = "、".join(f"《{b.title}》" for b in list(pending)[:5])
    more = f"等{len(pending)}件" if len(pending) > 5 else ""
    return refuse(f"尚有{names}{more}未作出确认、修改或者废止的结论，请逐件登记后再完成清理。", field="completed_on")


@rule("D3.2b")
def cleanup_completed_before_publication(cleanup):
    """清理结果（含废止的文件）在清理完成后及时向社会公示。"""
    if cleanup.completed_on is not None:
        return None
    return refuse(
        f"“{cleanup.title}”尚未完成，不能公布清理结果；请先对全部文件作出结论并完成清理。", field="published_on"
    )


@rule("D3.2c")
def full_cleanup_each_term(term, cleanups, on):
    """各级行政机关对由其制定的规章及其他规范性文件的全面清理，每届政府任期内应不少于一次。

    ``cleanups`` are the government's cleanups; the rule is broken once ``term`` has ended
    before ``on`` with no full cleanup completed within it.
    """
    if term.ends_on >= on:
        return None
    for c in cleanups:
        if (
            c.scope == "full"
            and c.government_id == term.government_id
            and c.completed_on
            and term.starts_on <= c.completed_on <= term.ends_on
        ):
            return None
    return refuse(
        f"{term}已于{term.ends_on}届满，任期内没有完成对本级政府规章和规范性文件的全面清理；"
        f"请政府法制机构组织全面清理并公布结果。"
    )


@rule("D3.2b")
def repeal_lawful(basis, reason: str):
    """对规范性文件定期清理，废止的立即停止执行并向社会公布：废止须写明理由，已废止的不再废止。"""
    if basis.repealed_on is not None:
        return refuse(f"《{basis.title}》已于{basis.repealed_on}废止。", field="repealed_on")
    if not (reason or "").strip():
        return refuse("请写明废止理由。", field="reason")
    return None


@rule("D3.2b", "D3.2c")
def cleanup_entry_on_a_live_document(basis, decided_on):
    """清理对现行文件作出结论（继续有效、修改或者废止）：已废止的文件无需再作结论。"""
    if basis.repealed_on is not None and basis.repealed_on <= decided_on:
        return refuse(f"《{basis.title}》已于{basis.repealed_on}废止，无需再作结论。", field="basis")
    return None
