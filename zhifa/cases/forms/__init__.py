"""One form per act of the case procedure. A form parses what the person typed (lines into
points, "日期 金额" lines into instalments, penalty fields into terms) and names its
service; the service checks every rule. Field names are the ones the rules report, so a
refusal shows beside the field it is about.

One module per section of :mod:`zhifa.cases.transitions`, named as the services
(``forms/<section>.py`` beside ``services/<section>.py``); :data:`FORMS` maps each act
to its form.
"""

from __future__ import annotations

from zhifa.cases.forms import closing, decision, execution, filing, investigation, notice, officers, simple
from zhifa.cases.forms.base import CaseActForm
from zhifa.cases.forms.filing import ClueForm
from zhifa.cases.forms.simple import SimplePenaltyForm

SECTIONS = (filing, officers, investigation, notice, decision, execution, closing, simple)

#: The form of each act on a case, by the act's name (its row in the transitions table).
FORMS: dict[str, type[CaseActForm]] = {
    cls.act: cls
    for module in SECTIONS
    for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, CaseActForm) and cls.act and cls.__module__ == module.__name__
}

__all__ = ["FORMS", "SECTIONS", "CaseActForm", "ClueForm", "SimplePenaltyForm"]
