"""``{% case_party_access case user %}``: the card on a case's page showing the party's access code and
the party login link after the first notice is served (the case app's template shows it; the portal
decides what it holds)."""

from django import template
from django.urls import reverse

from zhifa.accounts.models import Role
from zhifa.portal import selectors

register = template.Library()


@register.inclusion_tag("portal/_case_access.html", takes_context=True)
def case_party_access(context, case, user):
    request = context.get("request")
    login = reverse("portal:party_login")
    return {
        "case": case,
        **selectors.case_access(case),
        "login_url": request.build_absolute_uri(login) if request else login,
        "may_act": getattr(user, "role", None) in (Role.OFFICER, Role.HEAD),
    }
