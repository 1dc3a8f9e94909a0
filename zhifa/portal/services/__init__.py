"""The portal's acts: publication (publication.py) and the party's own acts and the
agency's handling of them (party.py)."""

from zhifa.portal.services.licensing import licensing_hearing_announce, licensing_hearing_record
from zhifa.portal.services.party import (
    access_code_issue,
    credit_objection_make,
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
    publication_republish,
    publication_take_down,
    publication_withdraw,
    published_fields,
    tick,
)
from zhifa.portal.services.service_cards import guide_save, guide_withdraw, service_card_set
from zhifa.portal.services.visit import visit_link, visit_rate, visit_start

__all__ = [
    "CHANGE_RECORDERS",
    "PUBLISHERS",
    "SYSTEM",
    "TickReport",
    "access_code_issue",
    "contents",
    "credit_objection_make",
    "decision_change_record",
    "guide_save",
    "guide_withdraw",
    "licensing_hearing_announce",
    "licensing_hearing_record",
    "party_login",
    "publication_prepare",
    "publication_publish",
    "publication_republish",
    "publication_take_down",
    "publication_withdraw",
    "published_fields",
    "service_card_set",
    "service_consent_give",
    "service_consent_withdraw",
    "stakeholder_opinion_answer",
    "stakeholder_opinion_submit",
    "submission_decide",
    "submission_make",
    "submission_receive",
    "tick",
    "visit_link",
    "visit_rate",
    "visit_start",
]
