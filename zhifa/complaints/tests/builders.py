"""Complaints for tests, received through the service as the public would send them."""

from __future__ import annotations

from zhifa.complaints import services


def report(w, **kw):
    """A violation report from the portal about the world's food item in its district
    (routed on receipt to the world's market regulation bureau, which holds the power)."""
    data = {
        "channel": "portal",
        "kind": "violation",
        "description": "解放碑某超市货架上有过期牛奶在售。",
        "violation_item": w.item,
        "place": w.district,
        "address": "渝中区民族路100号",
        "complainant_name": "王女士",
        "complainant_contact": "13800000000",
    }
    data.update(kw)
    return services.complaint_submit(**data)


def enforcement_complaint(w, **kw):
    data = {
        "channel": "portal",
        "kind": "enforcement",
        "description": "执法人员检查时未出示执法证件，态度粗暴。",
        "subject_agency": w.agency,
        "place": w.district,
    }
    data.update(kw)
    return services.complaint_submit(**data)
