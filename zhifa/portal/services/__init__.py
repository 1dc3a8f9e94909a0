"""The portal's acts: publication (publication.py) and the party's own acts and the
agency's handling of them (party.py)."""

from zhifa.portal.services.party import (
    access_code_issue,
    party_login,
    service_consent_give,
    service_consent_withdraw,
    stakeholder_opinion_answer,
    stakeholder_opinion_submit,
    submission_decide,
    submission_make,
    submission_receive,
)
from zhifa.portal.services.publication import (
    CHANGE_RECORDERS,
    PUBLISHERS,
    SYSTEM,
    TickReport,
    contents,
    decision_change_record,
    publication_prepare,
    publication_publish,
    publication_take_down,
    publication_withdraw,
    published_fields,
    tick,
)

__all__ = [
    "CHANGE_RECORDERS",
    "PUBLISHERS",
    "SYSTEM",
    "TickReport",
    "access_code_issue",
    "contents",
    "decision_change_record",
    "party_login",
    "publication_prepare",
    "publication_publish",
    "publication_take_down",
    "publication_withdraw",
    "published_fields",
    "service_consent_give",
    "service_consent_withdraw",
    "stakeholder_opinion_answer",
    "stakeholder_opinion_submit",
    "submission_decide",
    "submission_make",
    "submission_receive",
    "tick",
]
