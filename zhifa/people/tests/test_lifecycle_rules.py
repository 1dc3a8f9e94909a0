"""The lifecycle rules of certificates that no page or API call reaches in the demo world."""

import pytest

from zhifa.core.errors import DomainError
from zhifa.core.rules import enforce
from zhifa.people import rules
from zhifa.testing import assert_refused


@pytest.mark.clause("D3.1c")
def test_a_certificate_needs_an_office_to_issue_it():
    with pytest.raises(DomainError) as excinfo:
        enforce(rules.certificate_issued_by_an_office(None))
    assert_refused(excinfo, "D3.1c", code="certificate_issued_by_an_office")
    assert "没有登记政府法制机构" in excinfo.value.message
    assert rules.certificate_issued_by_an_office(object()) is None
