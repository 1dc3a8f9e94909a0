"""The stable codes of refusals that are not rules (input shape, access, conflicts).

A refusal that enforces the law or the Decision is a registered rule (its code is the
rule's name, see :mod:`zhifa.core.rules`); everything else a client can be told "no"
for has one code here, so that clients can rely on it (after Saleor's
``error_codes.py``). Add a member rather than inventing a string at the call site.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    # access
    NOT_AUTHENTICATED = "not_authenticated"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    # concurrency and uniqueness
    CONFLICT = "conflict"
    # input shape
    INVALID = "invalid"  # a value of the wrong shape (the message says which)
    REQUIRED = "required"  # a value that must be given is missing
    DATE_ORDER = "date_order"  # a date before one it must follow, or after one it must precede
    DATE_NOT_COVERED = "date_not_covered"  # a date before the dated legal parameters the platform holds are in force
    FUTURE_DATE = "future_date"  # a date of something that has happened, given as later than today
    NOT_IN_CASE = "not_in_case"  # a record named that does not belong to this case or its agency
    NOTHING_PENDING = "nothing_pending"  # the act needs a record the case does not have (yet)
    DUPLICATE = "duplicate"  # the same thing recorded twice (a receipt number, an assignment)
    NOT_SETTLED = "not_settled"  # money still owed where the act needs it paid
    NUL_CHARACTER = "nul_character"  # text with a NUL (U+0000), which no column can store
    NOT_ASCII_NUMBER = "not_ascii_number"  # a number in full-width or other non-ASCII digits
    OUT_OF_RANGE = "out_of_range"  # an integer beyond what a database column holds
    MALFORMED_BODY = "malformed_body"  # a request body that cannot be read (bad JSON, multipart without boundary)
    # the party's login with an access code (zhifa.portal)
    PARTY_LOGIN_FAILED = "party_login_failed"  # identifier or access code wrong (one message for both)
    PARTY_LOGIN_LOCKED = "party_login_locked"  # too many wrong codes: locked for a while
    # requests
    CSRF_FAILED = "csrf_failed"  # a browser-session write without the CSRF token
