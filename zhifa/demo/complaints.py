"""Demo complaints and media exposures (D6.7a–b), made through the complaints services:
a portal report routed by the powers catalogue, taken up as a clue and answered; a
hotline report waiting for the office to route it; a complaint about enforcement with the
office; a media exposure followed and its result published.

``zhifa demo`` calls :func:`load` after the demo cases (the agencies' officers exist).
"""

from __future__ import annotations

from datetime import timedelta

from zhifa.complaints import services
from zhifa.core import clock


def load(world) -> dict:
    office, officer = world.users["yz-sfj"], world.users["yz-scj-officer1"]
    district = world.governments["渝中区"]
    city = world.agencies["yz-cgj"]
    item = next((i for i in world.items.values() if i.field == "market"), None)

    answered = services.complaint_submit(
        channel="portal",
        kind="violation",
        description="解放碑某便利店冷柜里有超过保质期的酸奶在售，生产日期为上月。",
        violation_item=item,
        field="market",
        place=district,
        address="渝中区民族路（演示地址）",
        complainant_name="市民王女士（演示）",
    )
    services.complaint_take_up(actor=officer, complaint=answered)
    services.complaint_answer(
        actor=officer,
        complaint=answered,
        answer="经现场检查，该店确有两盒超过保质期的酸奶在售，已责令下架并立案调查。感谢您的监督。",
    )

    hotline, _key = services.client_issue(actor=office, name="渝中区12345政务服务便民热线（演示）")
    services.complaint_submit(
        channel="client",
        client=hotline,
        client_reference="12345-DEMO-0001",
        kind="violation",
        description="市民来电反映：小区楼下夜间有人占道经营烧烤，油烟扰民。",
        place=district,
        address="渝中区较场口（演示地址）",
    )
    services.complaint_submit(
        channel="portal",
        kind="enforcement",
        description="城管执法人员暂扣我的三轮车时未出示执法证件，也没有开具清单。",
        subject_agency=city,
        place=district,
    )
    exposure = services.media_register(
        actor=office,
        agency=city,
        outlet="重庆晨报（演示）",
        title="城管暂扣物品不开清单？",
        reported_on=clock.today() - timedelta(days=3),
        summary="报道称执法人员暂扣摊贩物品时未开具清单，当事人无从申辩。",
    )
    services.media_conclude(
        actor=office,
        exposure=exposure,
        result="经调取执法记录仪视频核实，暂扣时确未当场开具清单；已责令补开清单、退还物品，对两名执法人员批评教育。",
    )
    return {"complaints": 3, "media": 1}
