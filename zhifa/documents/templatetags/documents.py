"""``{% case_documents case user %}``: the documents card of a case's page (the case app's
template shows it; the documents app decides what it holds)."""

from django import template

from zhifa.documents import selectors

register = template.Library()


@register.inclusion_tag("documents/_case_documents.html")
def case_documents(case, user):
    return {
        "case": case,
        "documents": selectors.case_documents(case),
        "issuable": selectors.issuable(case, user),
    }
