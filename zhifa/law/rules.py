"""Rules on legal bases (D3.10a, D3.2b)."""

from __future__ import annotations

from zhifa.core.rules import refuse, rule


@rule("D3.10a", law="行政处罚法第三十八条")
def basis_is_law_or_rule(article):
    """行政执法文书制作要以法律、法规和规章作为执法依据，不得以其他规范性文件为依据。"""
    if article.basis.may_ground:
        return None
    return refuse(f"{article}属于“{article.basis.get_level_display()}”，不得作为执法依据；请引用法律、法规或者规章的条文。",
                  field="basis_articles")


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
