"""``{% case_documents case user %}``: the documents card of a case's page (the case app's
template shows it; the documents app decides what it holds). ``{% record_documents case
record user %}``: beside each act's record on the case's page, the documents it produced
(preview, PDF, Word draft) or the link to make them."""

from django import template

from zhifa.documents import selectors

register = template.Library()


@register.inclusion_tag("documents/_case_documents.html")
def case_documents(case, user):
    return {
        "case": case,
        "documents": selectors.case_documents(case),
        "issuable": selectors.issuable(case, user),
        # Once archived: the case file's own pages (卷宗封面, 卷内文件目录, 卷内备考表).
        "file_links": selectors.record_documents(case, getattr(case, "file", None), user),
    }


@register.inclusion_tag("documents/_record_documents.html")
def record_documents(case, record, user, only=""):
    """The record's documents, read once per case page (one query for all the records)."""
    return {"case": case, "links": selectors.record_documents(case, record, user, only=only)}
