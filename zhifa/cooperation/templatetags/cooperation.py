from django import template

from zhifa.cooperation import selectors

register = template.Library()


@register.simple_tag
def transfer_status(transfer):
    """Where a transfer stands today (the row of the transfer list)."""
    return selectors.transfer_status(transfer)


@register.simple_tag
def request_overdue(request):
    """A request between agencies unanswered past its deadline."""
    return selectors.request_overdue(request)


@register.simple_tag
def task_flag(task):
    """Why a task is flagged today (empty when it is not)."""
    return selectors.task_flag(task)
